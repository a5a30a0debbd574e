"""Flowing record pages: form-like grids of label and value cells, text that runs over pages.

A record (a meeting, a work rule, a person's 纪实表) is a list of *units* of fixed height —
headings, lines of a grid row, signature lines — laid out top to bottom and split into pages by
``paginate`` (pure). A grid row whose value wraps is cut into one unit per line, so a long
会议记录 or a list of 1,000 names simply continues on the next page inside the same box: the box
is closed at the bottom of one page and opened again at the top of the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from liangxin_desktop.output.pdf.fasttext import FastTextObject
from liangxin_desktop.output.pdf.fonts import SANS, SANS_BOLD, SERIF
from liangxin_desktop.output.pdf.linebreak import wrap_text

VALUE_FONT, VALUE_SIZE = SERIF, 10.5
LABEL_FONT, LABEL_SIZE = SANS_BOLD, 10.0
LEADING = 16.0
PAD = 3.5  # above the first and below the last line of a row
CELL_PAD = 4.0  # left/right inside a cell
LABEL_SHADE = 0.93


@lru_cache(maxsize=65536)
def text_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


@lru_cache(maxsize=16)
def measurer(font: str, size: float) -> Callable[[str], float]:
    """A fast width function for one font and size: a dictionary lookup after the first time."""
    known: dict[str, float] = {}

    def measure(text: str) -> float:
        width = known.get(text)
        if width is None:
            width = pdfmetrics.stringWidth(text, font, size)
            if len(known) < 100_000:
                known[text] = width
        return width

    return measure


def wrap(text: str, width: float, font: str = VALUE_FONT, size: float = VALUE_SIZE) -> list[str]:
    """``text`` broken into lines of at most ``width`` points (Chinese line-breaking rules)."""
    return wrap_text(text, width, measurer(font, size))


@dataclass(frozen=True)
class Cell:
    """One cell of a grid row: a label (shaded, 黑体, centred) or a value (宋体, from the left)."""

    text: str
    width: float
    label: bool = False
    align: str = ""  # "", "centre" or "right"; labels are centred


@dataclass
class Unit:
    """A band of fixed height: a heading, plain text lines, or one or more lines of a grid row."""

    height: float
    keep_with_next: bool = False
    # grid slice: each cell's lines in this band; empty for text units
    cells: Sequence[tuple[Cell, list[str]]] = ()
    row_start: bool = False
    row_end: bool = False
    # plain text: (text, font, size, align, indent); drawn without borders
    text: str = ""
    font: str = VALUE_FONT
    size: float = VALUE_SIZE
    align: str = ""
    pad_top: float = 0.0
    leading: float = LEADING  # grid rows: line spacing and padding
    pad: float = PAD

    def draw(self, canvas: Canvas, x: float, top: float, width: float, first: bool, last: bool):
        if self.cells:
            self._draw_grid(canvas, x, top, first, last)
        elif self.text:
            canvas.setFont(self.font, self.size)
            baseline = top - self.pad_top - 0.86 * self.size
            if self.align == "centre":
                canvas.drawCentredString(x + width / 2, baseline, self.text)
            elif self.align == "right":
                canvas.drawRightString(x + width, baseline, self.text)
            else:
                canvas.drawString(x, baseline, self.text)

    def _draw_grid(self, canvas: Canvas, x: float, top: float, first: bool, last: bool) -> None:
        bottom = top - self.height
        canvas.setLineWidth(0.6)
        left = x
        for cell, _ in self.cells:
            if cell.label:
                canvas.setFillGray(LABEL_SHADE)
                canvas.rect(left, bottom, cell.width, self.height, stroke=0, fill=1)
                canvas.setFillGray(0)
            left += cell.width
        left = x
        for cell, _ in self.cells:
            canvas.line(left, top, left, bottom)
            left += cell.width
        canvas.line(left, top, left, bottom)
        if self.row_start or first:
            canvas.line(x, top, left, top)
        if self.row_end or last:
            canvas.line(x, bottom, left, bottom)
        text = FastTextObject(canvas)
        baseline = top - (self.pad if self.row_start else 0) - (self.leading - 10) / 2 - 0.88 * 10
        left = x
        for cell, lines in self.cells:
            font, size = (LABEL_FONT, LABEL_SIZE) if cell.label else (VALUE_FONT, VALUE_SIZE)
            text.setFont(font, size)
            line_base = baseline
            for line in lines:
                if line:
                    if cell.label or cell.align == "centre":
                        indent = (cell.width - text_width(line, font, size)) / 2
                    elif cell.align == "right":
                        indent = cell.width - CELL_PAD - text_width(line, font, size)
                    else:
                        indent = CELL_PAD
                    text.text_at(left + indent, line_base, line)
                line_base -= self.leading
            left += cell.width
        canvas.drawText(text)


def grid_row(
    cells: Sequence[Cell],
    *,
    split: bool = True,
    min_lines: int = 1,
    leading: float = LEADING,
    pad: float = PAD,
) -> list[Unit]:
    """A row of cells, each wrapped to its width; one unit per line when ``split`` (so that the
    row may continue on the next page), else a single unit."""
    wrapped = []
    for cell in cells:
        font, size = (LABEL_FONT, LABEL_SIZE) if cell.label else (VALUE_FONT, VALUE_SIZE)
        # half a character spare: a closing mark kept on the line (Chinese line-breaking
        # rules) may hang past the wrapping width but never over the cell's border
        room = cell.width - 2 * CELL_PAD - (0 if cell.label else size / 2)
        lines = wrap(cell.text, room, font, size) if cell.text else [""]
        wrapped.append(lines)
    count = max(min_lines, *(len(lines) for lines in wrapped))
    if not split:
        return [
            Unit(
                count * leading + 2 * pad,
                cells=list(zip(cells, wrapped, strict=True)),
                row_start=True,
                row_end=True,
                leading=leading,
                pad=pad,
            )
        ]
    units = []
    for index in range(count):
        start, end = index == 0, index == count - 1
        units.append(
            Unit(
                leading + (pad if start else 0) + (pad if end else 0),
                cells=[
                    (cell, lines[index : index + 1])
                    for cell, lines in zip(cells, wrapped, strict=True)
                ],
                row_start=start,
                row_end=end,
                leading=leading,
                pad=pad,
            )
        )
    return units


def pairs_row(pairs: Sequence[tuple[str, str]], width: float, label_width: float) -> list[Unit]:
    """Label/value pairs side by side on one row, the values sharing what the labels leave."""
    value_width = (width - label_width * len(pairs)) / len(pairs)
    cells = []
    for label, value in pairs:
        cells += [Cell(label, label_width, label=True), Cell(value, value_width)]
    return grid_row(cells)


def field_row(label: str, value: str, width: float, label_width: float, lines: int = 1):
    """A label and a value across the whole width (the value may run over pages)."""
    return grid_row(
        [Cell(label, label_width, label=True), Cell(value, width - label_width)], min_lines=lines
    )


def heading(text: str, size: float = 18, space_after: float = 4 * mm) -> Unit:
    return Unit(
        size * 1.3 + space_after, True, text=text, font=SANS_BOLD, size=size, align="centre"
    )


def text_line(
    text: str, font: str = SANS, size: float = 10, align: str = "", space: float = 0.0
) -> Unit:
    """A line of text without borders (subtitles, signature lines); ``space`` above it."""
    return Unit(space + size * 1.6, text=text, font=font, size=size, align=align, pad_top=space)


def spacer(height: float, keep_with_next: bool = False) -> Unit:
    return Unit(height, keep_with_next)


def paginate(
    heights: Sequence[float], keeps: Sequence[bool], first_room: float, room: float
) -> list[tuple[int, int]]:
    """Split units into pages: ``[(start, end), …]``.

    Units are placed top to bottom; a unit marked keep-with-next moves to the next page
    together with the unit after it (headings never end a page). A unit taller than a page
    gets a page of its own.
    """
    pages: list[tuple[int, int]] = []
    start, used, available = 0, 0.0, first_room
    index, count = 0, len(heights)
    while index < count:
        end = index + 1  # the group: this unit and those it must stay with
        while end < count and keeps[end - 1]:
            end += 1
        group = sum(heights[index:end])
        if used + group <= available:
            used += group
            index = end
            continue
        if index > start and group <= room:  # the whole group moves to a new page
            pages.append((start, index))
            start, used, available = index, 0.0, room
            continue
        # taller than a page: place it unit by unit
        if used + heights[index] > available and index > start:
            pages.append((start, index))
            start, used, available = index, 0.0, room
        used += heights[index]
        index += 1
    if start < count or not pages:
        pages.append((start, count))
    return pages


def draw_units(canvas: Canvas, units: Sequence[Unit], x: float, top: float, width: float) -> float:
    """Draw one page's units from ``top`` down; the bottom of the last one."""
    last = len(units) - 1
    for index, unit in enumerate(units):
        unit.draw(canvas, x, top, width, index == 0, index == last)
        top -= unit.height
    return top


def paragraphs(
    text: str, width: float, font: str = SERIF, size: float = 11.5, leading: float = 21.0
) -> list[Unit]:
    """Body text as borderless lines, each paragraph indented by two characters."""
    units = []
    for paragraph in text.strip("\n").split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            units.append(Unit(leading / 2))
            continue
        for line in wrap("\u3000\u3000" + paragraph, width, font, size):
            units.append(
                Unit(leading, text=line, font=font, size=size, pad_top=(leading - size) / 2)
            )
    return units
