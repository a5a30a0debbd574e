"""The parts of a printed book other than tables: the cover, a 目录, and record pages."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from liangxin_desktop.output.pdf.document import Pager, PageSetup
from liangxin_desktop.output.pdf.flow import (
    LABEL_FONT,
    LABEL_SIZE,
    LEADING,
    VALUE_FONT,
    VALUE_SIZE,
    Cell,
    Unit,
    draw_units,
    grid_row,
    heading,
    paginate,
    text_line,
    text_width,
)
from liangxin_desktop.output.pdf.fonts import SANS, SANS_BOLD, SERIF


def ellipsize(text: str, width: float, font: str = VALUE_FONT, size: float = VALUE_SIZE) -> str:
    """``text`` on one line of ``width``: cut with "…" when it is longer."""
    text = " ".join(text.split())
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


class Cover:
    """A book's cover: organization, title, year, keeper and the period the book covers."""

    def __init__(
        self,
        setup: PageSetup,
        title: str,
        period: str,
        details: Sequence[tuple[str, str]],
        subtitle: str = "",
    ) -> None:
        self.setup, self.title, self.period = setup, title, period
        self.details, self.subtitle = details, subtitle

    def measure(self) -> int:
        return 1

    def draw(self, pager: Pager) -> None:
        pager.start(self.setup, running=False)
        canvas = pager.canvas
        width, height = self.setup.size
        x, y, body_width, body_height = self.setup.body
        centre = x + body_width / 2
        canvas.saveState()
        canvas.setStrokeColorRGB(0.62, 0.07, 0.07)
        canvas.setLineWidth(2.2)
        canvas.rect(x - 4 * mm, y - 4 * mm, body_width + 8 * mm, body_height + 8 * mm)
        canvas.setLineWidth(0.7)
        canvas.rect(x - 2 * mm, y - 2 * mm, body_width + 4 * mm, body_height + 4 * mm)
        canvas.restoreState()
        landscape = width > height
        top = y + body_height
        canvas.setFont(SANS, 15)
        canvas.drawCentredString(centre, top - (22 if landscape else 40) * mm, self.setup.org_name)
        title_size = 34 if len(self.title) <= 10 else 28
        while text_width(self.title, SANS_BOLD, title_size) > body_width - 20 * mm:
            title_size -= 2
        title_y = top - (58 if landscape else 100) * mm
        canvas.setFont(SANS_BOLD, title_size)
        canvas.setFillColorRGB(0.62, 0.07, 0.07)
        canvas.drawCentredString(centre, title_y, self.title)
        canvas.setFillGray(0)
        canvas.setFont(SANS_BOLD, 20)
        canvas.drawCentredString(centre, title_y - 22 * mm, self.period)
        if self.subtitle:
            canvas.setFont(SANS, 12)
            canvas.drawCentredString(centre, title_y - 34 * mm, self.subtitle)
        details = [(k, v.replace("{pages}", str(pager.book_pages))) for k, v in self.details]
        self._draw_details(canvas, details, centre, y + (30 if landscape else 55) * mm)
        pager.finish()

    @staticmethod
    def _draw_details(
        canvas: Canvas, details: Sequence[tuple[str, str]], centre: float, bottom: float
    ) -> None:
        label_width = max((text_width(k + "：", SANS, 13) for k, _ in details), default=0)
        line = 85 * mm
        left = centre - (label_width + line) / 2
        for index, (label, value) in enumerate(reversed(details)):
            label += "："
            baseline = bottom + index * 12 * mm
            canvas.setFont(SANS, 13)
            canvas.drawString(left, baseline, label)
            canvas.setFont(SERIF, 13)
            canvas.drawCentredString(left + label_width + line / 2, baseline, value)
            canvas.setLineWidth(0.6)
            canvas.line(
                left + label_width + 2, baseline - 4, left + label_width + line, baseline - 4
            )


@dataclass
class Record:
    """One record printed from the top of a new page: a meeting, a work rule, a person."""

    units: list[Unit]
    contents: Sequence[str] = ()  # its row in the 目录 (without 序号 and 页码)
    bookmark: str = ""
    pages: list[tuple[int, int]] = field(default_factory=list)


class RecordPages:
    """Records one after another, each from a new page, running over as many pages as it needs."""

    def __init__(self, setup: PageSetup, records: Sequence[Record], empty: str) -> None:
        self.setup, self.records, self.empty = setup, records, empty
        self.first_pages: list[int] = []  # each record's first page, counted from this part

    def measure(self) -> int:
        _, _, _, room = self.setup.body
        self.first_pages = []
        pages = 0
        for record in self.records:
            heights = [unit.height for unit in record.units]
            keeps = [unit.keep_with_next for unit in record.units]
            record.pages = paginate(heights, keeps, room, room)
            self.first_pages.append(pages)
            pages += len(record.pages)
        return pages or (1 if self.empty else 0)

    def draw(self, pager: Pager) -> None:
        x, y, width, height = self.setup.body
        if not self.records and self.empty:
            pager.start(self.setup)
            draw_units(pager.canvas, [text_line(self.empty, SERIF, 12)], x, y + height, width)
            pager.finish()
        for record in self.records:
            for number, (start, end) in enumerate(record.pages):
                pager.start(self.setup)
                if number == 0 and record.bookmark:
                    pager.bookmark(record.bookmark)
                draw_units(pager.canvas, record.units[start:end], x, y + height, width)
                pager.finish()


@dataclass(frozen=True)
class Column:
    label: str
    weight: float
    align: str = ""


class Contents:
    """A 目录: one line per entry, the last column its page; rows are asked for when drawing,
    when the page numbers are known."""

    ROW_HEIGHT = LEADING + 7

    def __init__(
        self,
        setup: PageSetup,
        columns: Sequence[Column],
        count: int,
        rows: Callable[[], Sequence[Sequence[str]]],
        title: str = "目    录",
        note: str = "",
    ) -> None:
        self.setup, self.columns, self.count, self.rows = setup, columns, count, rows
        self.title, self.note = title, note
        self.pages = 1

    def _rows_per_page(self, first: bool) -> int:
        _, _, _, height = self.setup.body
        room = height - self.ROW_HEIGHT - (20 * mm if first else 0) - (8 * mm if self.note else 0)
        return max(1, int(room // self.ROW_HEIGHT))

    def measure(self) -> int:
        first = self._rows_per_page(True)
        rest = max(0, self.count - first)
        self.pages = 1 + math.ceil(rest / self._rows_per_page(False))
        return self.pages

    def _widths(self) -> list[float]:
        _, _, width, _ = self.setup.body
        total = sum(column.weight for column in self.columns)
        return [width * column.weight / total for column in self.columns]

    def draw(self, pager: Pager) -> None:
        x, y, width, height = self.setup.body
        widths = self._widths()
        rows = list(self.rows())
        header = [
            Unit(
                self.ROW_HEIGHT,
                cells=[
                    (Cell(c.label, w, label=True), [c.label])
                    for c, w in zip(self.columns, widths, strict=True)
                ],
                row_start=True,
                row_end=True,
            )
        ]
        index = 0
        for page in range(self.pages):
            pager.start(self.setup)
            units: list[Unit] = []
            if page == 0:
                if pager.number > 1:
                    pager.bookmark("目录")
                units.append(heading(self.title, 18, 6 * mm))
                if self.note:
                    units.append(text_line(self.note, SANS, 9.5, "centre"))
            top = y + height
            top = draw_units(pager.canvas, units, x, top, width)
            chunk = rows[index : index + self._rows_per_page(page == 0)]
            index += len(chunk)
            body = [self._row(row, widths) for row in chunk]
            if not rows and page == 0:
                empty = "暂无记录。"
                body = [
                    Unit(
                        self.ROW_HEIGHT,
                        cells=[(Cell(empty, sum(widths), align="centre"), [empty])],
                        row_start=True,
                        row_end=True,
                    )
                ]
            draw_units(pager.canvas, header + body, x, top, width)
            pager.finish()

    def _row(self, texts: Sequence[str], widths: Sequence[float]) -> Unit:
        cells = []
        for text, column, width in zip(texts, self.columns, widths, strict=True):
            line = ellipsize(text, width - 8)
            cells.append((Cell(line, width, align=column.align), [line]))
        return Unit(self.ROW_HEIGHT, cells=cells, row_start=True, row_end=True)


def record_title(title: str, number_text: str = "") -> list[Unit]:
    """The heading over a record, with its number (编号) at the right under it."""
    units = [heading(title, 17, 2 * mm)]
    if number_text:
        units.append(text_line(number_text, SANS, 9, "right"))
    else:
        units.append(Unit(3 * mm))
    units[-1].keep_with_next = True
    return units


def signature_line(labels: Sequence[str], width: float, space: float = 9 * mm) -> Unit:
    """ "主持人（签字）：______　　记录人（签字）：______", spread over the width."""
    part = width / len(labels)
    text = ""
    for label in labels:
        blank = part - text_width(label, SANS, 10.5)
        underscores = max(4, int(blank / text_width("_", SANS, 10.5)) - 4)
        text += label + "_" * underscores + "    "
    return text_line(text.rstrip(), SANS, 10.5, "", space)


def section_label(label: str, width: float) -> list[Unit]:
    """A full-width shaded label row that stays with what follows it ("会议记录")."""
    units = grid_row([Cell(label, width, label=True)], split=False)
    units[-1].keep_with_next = True
    return units


__all__ = [
    "LABEL_FONT",
    "LABEL_SIZE",
    "Column",
    "Contents",
    "Cover",
    "Record",
    "RecordPages",
    "ellipsize",
    "record_title",
    "section_label",
    "signature_line",
]
