"""Pure layout maths for printed tables: column widths and splitting rows into pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace


def column_widths(weights: Sequence[float], total: float) -> list[float]:
    """Share ``total`` points between columns in proportion to their weights."""
    whole = sum(weights)
    if whole <= 0:
        raise ValueError("column weights must add up to more than zero")
    return [total * weight / whole for weight in weights]


@dataclass(frozen=True)
class ColumnNeed:
    """What one printed column needs, in points at the table's normal font size."""

    whole: float  # the widest value that must stay on one line (a date, an ID, a phone, a name)
    longest: float  # its longest value on one line
    header: float  # its header in at most three lines
    weight: float = 1.0  # its share of spare width, relative to the others
    header_line: float = 0.0  # its header on one line
    wraps: bool = False  # a long text (an address, a post) that may wrap onto several lines

    @property
    def minimum(self) -> float:
        return max(self.whole, self.header)

    @property
    def natural(self) -> float:
        return max(self.minimum, self.longest)


def table_scale(needs: Sequence[ColumnNeed], total: float, smallest: float) -> float:
    """1 when every column's minimum fits in ``total``; else the font scale that makes them fit,
    but never below ``smallest`` (a readable size)."""
    need = sum(n.minimum for n in needs)
    return 1.0 if need <= total else max(smallest, total / need)


def fit_table(
    needs: Sequence[ColumnNeed], total: float, smallest: float, text_lines: Sequence[float]
) -> tuple[float, list[float]]:
    """The font scale and the column widths (in the table's unscaled points) of a table.

    A wrapping text column asks for a readable line: the first width of ``text_lines``
    (widest first, e.g. 8, 6, 4 characters) with which every column's minimum fits the page
    at ``smallest`` or larger — or its longest value, when shorter. So an address wraps in
    lines of several characters, the table printed a little smaller if need be, rather than
    two characters a line. When none fits, text columns may wrap down to the last width,
    even inside a number (the last resort).
    """
    for line in text_lines:
        tried = [_readable(n, line) for n in needs]
        if sum(n.minimum for n in tried) * smallest <= total:
            scale = table_scale(tried, total, smallest)
            return scale, fit_columns(tried, total / scale)
    last = text_lines[-1] if text_lines else 0.0
    tried = [replace(n, whole=min(n.whole, last), header_line=0.0) if n.wraps else n for n in needs]
    scale = table_scale(tried, total, smallest)
    return scale, fit_columns(tried, total / scale)


def _readable(need: ColumnNeed, line: float) -> ColumnNeed:
    """``need`` with a wrapping column's minimum raised to ``line`` (or its longest value)."""
    if not need.wraps:
        return need
    return replace(need, whole=max(need.whole, min(need.longest, line)))


def fit_columns(needs: Sequence[ColumnNeed], total: float) -> list[float]:
    """Column widths adding up to ``total``, fitted to the content.

    Every column first gets its minimum, so nothing that must stay whole is broken and an
    empty column keeps only the width its header needs. What is left goes, by weight, to the
    columns whose longest value wants more (none past its longest value: rows wrap on every
    line, so they come first), then to headers that would fit on one line, then to all by
    weight. Only when the minimums alone exceed ``total`` are they all shrunk alike.
    """
    if not needs:
        return []
    widths = [n.minimum for n in needs]
    spare = total - sum(widths)
    if spare < 0:
        return [w * total / sum(widths) for w in widths]
    weights = [n.weight for n in needs] if sum(n.weight for n in needs) > 0 else [1.0] * len(needs)
    spare = _fill(widths, [n.natural for n in needs], weights, spare)
    spare = _fill(widths, [max(n.natural, n.header_line) for n in needs], weights, spare)
    return [w + spare * share / sum(weights) for w, share in zip(widths, weights, strict=True)]


def _fill(
    widths: list[float], targets: Sequence[float], weights: Sequence[float], spare: float
) -> float:
    """Widen ``widths`` toward ``targets`` by weight, within ``spare``; what is left of it."""
    wanting = {i for i, w in enumerate(widths) if targets[i] - w > 1e-6 and weights[i] > 0}
    while spare > 1e-6 and wanting:
        weight = sum(weights[i] for i in wanting)
        shares = {i: spare * weights[i] / weight for i in wanting}
        spare = 0.0
        for i, extra in shares.items():
            room = targets[i] - widths[i]
            widths[i] += min(extra, room)
            spare += max(0.0, extra - room)
        wanting = {i for i in wanting if targets[i] - widths[i] > 1e-6}
    return spare


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
