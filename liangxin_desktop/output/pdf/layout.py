"""Pure layout maths for printed tables: column widths and splitting rows into pages."""

from __future__ import annotations

from collections.abc import Sequence


def column_widths(weights: Sequence[float], total: float) -> list[float]:
    """Share ``total`` points between columns in proportion to their weights."""
    whole = sum(weights)
    if whole <= 0:
        raise ValueError("column weights must add up to more than zero")
    return [total * weight / whole for weight in weights]


def fit_column_widths(
    fixed: Sequence[float | None],
    weights: Sequence[float],
    total: float,
    longest: Sequence[float] | None = None,
) -> list[float]:
    """Columns that must not wrap get their ``fixed`` width; the others share what is left by weight.

    A sharing column never gets more than its ``longest`` value needs; what it leaves over is
    spread evenly over all columns. When the fixed columns would leave the others less than a
    fifth of the page, every column falls back to sharing ``total`` by weight.
    """
    needed = sum(width for width in fixed if width is not None)
    flexible = [w for f, w in zip(fixed, weights, strict=True) if f is None]
    rest = total - needed
    if not flexible or rest < total / 5:
        return column_widths(weights, total)
    shares = iter(column_widths(flexible, rest))
    widths = [f if f is not None else next(shares) for f in fixed]
    if longest is not None:
        widths = [
            min(w, cap) if f is None else w
            for w, f, cap in zip(widths, fixed, longest, strict=True)
        ]
        spare = (total - sum(widths)) / len(widths)
        widths = [w + spare for w in widths]
    return widths


def split_rows(
    row_heights: Sequence[float], first_page: float, other_pages: float, header: float
) -> list[tuple[int, int]]:
    """Group rows into pages: ``[(start, end), …]``; each page repeats the header row.

    ``first_page``/``other_pages`` are the heights available for the table on the first
    and following pages. A row taller than a whole page still gets a page of its own.
    """
    pages: list[tuple[int, int]] = []
    start, used, room = 0, header, first_page
    for index, height in enumerate(row_heights):
        if used + height > room and index > start:
            pages.append((start, index))
            start, used, room = index, header, other_pages
        used += height
    if start < len(row_heights) or not pages:
        pages.append((start, len(row_heights)))
    return pages
