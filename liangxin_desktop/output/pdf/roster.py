"""A roster register printed as a table: title block, header row on every page, signature line.

Rows are streamed from the archive three times instead of being held in memory: once to
size the columns, once to measure every row's height (so that the page count, and with it
"共 Y 页", is known before drawing), and once to draw page by page onto the canvas.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from liangxin_desktop.catalog.fields import Field, FieldKind, display_value
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.idnumber import mask_id_number
from liangxin_desktop.output.files import Progress
from liangxin_desktop.output.pdf.document import Pager, PageSetup
from liangxin_desktop.output.pdf.fasttext import FastTextObject
from liangxin_desktop.output.pdf.fonts import SANS, SANS_BOLD, SERIF
from liangxin_desktop.output.pdf.layout import ColumnNeed, fit_table, split_rows
from liangxin_desktop.output.pdf.linebreak import widest_unbreakable, wrap_text
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive

BODY_FONT = SERIF  # 宋体-style cells, 黑体-style header and titles
BODY_SIZE = 8.0
LEADING = 10.0
PADDING = 2.5
TITLE_HEIGHT = 20 * mm  # title + subtitle on the first page
SIGNATURE_HEIGHT = 16 * mm
_SERIAL_WEIGHT = 0.6
KEEP_CELLS = 300_000  # tables up to this many cells keep their texts between passes
_SHORT_TEXT = 5 * BODY_SIZE  # values up to five Chinese characters never wrap
_ASCENT = 0.86 * BODY_SIZE
_NUMBER_KINDS = (FieldKind.MONEY, FieldKind.INTEGER, FieldKind.NUMBER)
_NO_WRAP_KINDS = (
    FieldKind.DATE,
    FieldKind.MONTH,
    FieldKind.TIME,
    FieldKind.ID_NUMBER,
    FieldKind.PHONE,
    FieldKind.INTEGER,
    FieldKind.NUMBER,
    FieldKind.MONEY,
    FieldKind.CREDIT_CODE,
)
_NUMBER_LIKE = re.compile(r"[\dA-Za-z.,:%/+\-年月日元]+")  # 1200.00, 2026年2月, 13600002222
SMALLEST_SCALE = 6.0 / BODY_SIZE  # a table too wide for the page shrinks down to 6 pt at most
# a long text column (an address) wraps in lines of 8 characters, the table printed smaller if
# need be; only when even 4 do not fit at the smallest size, down to two characters a line
_TEXT_LINES = (8, 6, 4, 2)


@lru_cache(maxsize=65536)
def _measure_body(text: str) -> float:
    return pdfmetrics.stringWidth(text, BODY_FONT, BODY_SIZE)


@lru_cache(maxsize=4096)
def _measure_header(text: str) -> float:
    return pdfmetrics.stringWidth(text, SANS_BOLD, BODY_SIZE)


def _cell_text(spec: Field, row: dict[str, Any], today: date, mask_ids: bool = False) -> str:
    if spec.compute is not None:
        value = spec.compute(row, today)
        return "" if value is None else str(value)
    text = display_value(spec, row.get(spec.key), printed=True)
    return mask_id_number(text) if mask_ids and spec.kind is FieldKind.ID_NUMBER else text


def _lines(text: str, width: float) -> list[str]:
    inner = width - 2 * PADDING
    if _measure_body(text) <= inner:
        return [text]
    return wrap_text(text, inner, _measure_body)


def _whole_width(spec: Field | None, text: str, width: float) -> float:
    """How much of ``text`` must stay on one line: all of a date, ID, phone, amount, count or
    short value (names, 正式党员); of a longer text its widest date or number."""
    if spec is None or spec.kind in _NO_WRAP_KINDS or width <= _SHORT_TEXT:
        return width
    if _NUMBER_LIKE.fullmatch(text) is not None:
        return width
    return widest_unbreakable(text, _measure_body)


def _header_width(label: str) -> float:
    """The narrowest column in which ``label`` takes at most three lines (and two characters)."""
    per_line = max(2, -(-len(label) // 3))
    pieces = [label[i : i + per_line] for i in range(0, len(label), per_line)] or [""]
    return max(_measure_header(piece) for piece in pieces) + 2 * PADDING + 1


@dataclass(frozen=True)
class TableSource:
    """What a printed table shows: its columns, how many rows, and a fresh pass over them."""

    title: str
    fields: tuple[Field, ...]
    count: int
    rows: Callable[[], Iterator[dict[str, Any]]]
    count_text: str = ""  # "共 12 次会议"
    year: int | None = None  # yearly books say "2026年度" instead of "截至 …"
    totals_last: bool = False  # the last row is a 合计 row: it gets no 序号


def register_source(
    archive: Archive, register: Register, row_filter: queries.RowFilter | None = None
) -> TableSource:
    """A register's records (as filtered) in display order, read from the archive on each pass."""
    ids = queries.list_ids(archive, register, row_filter)
    year = row_filter.year if row_filter and register.date_field else None
    return TableSource(
        register.title,
        register.print_fields,
        len(ids),
        lambda: queries.iter_rows_by_ids(archive, register, ids),
        f"共 {len(ids)} {register.count_unit}{register.row_noun}",
        year,
    )


class RosterBook:
    """One table laid out for print: measured first (the number of pages), then drawn."""

    def __init__(
        self,
        source: TableSource,
        setup: PageSetup,
        as_of: date,
        progress: Progress | None = None,
        mask_ids: bool = False,  # 公示用
    ) -> None:
        self.source, self.setup, self.as_of = source, setup, as_of
        self.mask_ids = mask_ids
        self._progress = progress
        self._kept: list[list[str]] | None = None
        self.centred: list[bool] = []
        self.fields = source.fields
        self.year = source.year
        self.widths: list[float] = []  # in the table's own points: drawn scaled by ``scale``
        self.scale = 1.0  # below 1 when the table had to be printed smaller to fit the page
        self.heights = array("f")
        self.page_ranges: list[tuple[int, int]] = []
        self.header_lines: list[list[str]] = []
        self.header_height = 0.0
        self.signature_on_new_page = False

    # -- measuring ---------------------------------------------------------
    def _texts(self) -> Iterator[list[str]]:
        """The cell texts row by row: kept after the first pass for small tables (the three
        passes then compute them once), streamed again from the archive for big ones."""
        if self._kept is not None:
            return iter(self._kept)
        texts = self._compute_texts()
        if self.source.count * (len(self.fields) + 1) <= KEEP_CELLS:
            self._kept = list(texts)
            return iter(self._kept)
        return texts

    def _compute_texts(self) -> Iterator[list[str]]:
        rows = self.source.rows()
        last = self.source.count if self.source.totals_last else 0
        for serial, row in enumerate(rows, start=1):
            number = "" if serial == last else str(serial)
            yield [number, *(_cell_text(f, row, self.as_of, self.mask_ids) for f in self.fields)]

    def measure(self) -> int:
        """Size the columns, measure the rows, split them into pages; the number of pages."""
        progress = self._progress or (lambda done, total: None)
        self.heights = array("f")
        self.widths = self._column_widths()
        progress(1, 3)
        labels = ["序号", *(f.label for f in self.fields)]
        self.header_lines = [
            wrap_text(label, w - 2 * PADDING, _measure_header)
            for label, w in zip(labels, self.widths, strict=True)
        ]
        self.header_height = max(len(h) for h in self.header_lines) * LEADING + 2 * PADDING
        for texts in self._texts():
            lines = max(len(_lines(t, w)) for t, w in zip(texts, self.widths, strict=True))
            self.heights.append(lines * LEADING + 2 * PADDING)
        progress(2, 3)
        _, _, _, body_height = self.setup.body
        first, other = (body_height - TITLE_HEIGHT) / self.scale, body_height / self.scale
        self.page_ranges = split_rows(self.heights, first, other, self.header_height)
        start, end = self.page_ranges[-1]
        used = (self.header_height + sum(self.heights[start:end])) * self.scale
        room = body_height - (TITLE_HEIGHT if len(self.page_ranges) == 1 else 0)
        self.signature_on_new_page = used + SIGNATURE_HEIGHT > room
        return len(self.page_ranges) + (1 if self.signature_on_new_page else 0)

    def _column_widths(self) -> list[float]:
        """Widths fitted to the rows being printed (see layout.fit_table): long text columns
        get a readable line, and a table whose minimums do not fit the page is printed
        smaller, down to SMALLEST_SCALE; then its long texts wrap in shorter lines."""
        specs: list[Field | None] = [None, *self.fields]
        longest = [0.0] * len(specs)
        whole = [0.0] * len(specs)
        totals = self.source.count if self.source.totals_last else 0
        for serial, texts in enumerate(self._texts(), start=1):
            for index, text in enumerate(texts):
                width = _measure_body(text)
                longest[index] = max(longest[index], width)
                kept = width if serial == totals else _whole_width(specs[index], text, width)
                whole[index] = max(whole[index], kept)  # a 合计 row's label stays whole too
        # short values (√ 假 ×, 男/女, 28/29, most names) are centred in their column
        self.centred = [
            index > 0
            and width <= 3 * BODY_SIZE
            and self.fields[index - 1].kind not in _NUMBER_KINDS
            for index, width in enumerate(longest)
        ]
        labels = ["序号", *(f.label for f in self.fields)]
        weights = [_SERIAL_WEIGHT, *(f.print_width for f in self.fields)]
        extra = 2 * PADDING + 1
        needs = [
            ColumnNeed(
                w + extra if w else 0.0,
                n + extra,
                _header_width(label),
                weight,
                _measure_header(label) + extra,
                wraps=spec is not None and spec.kind not in _NO_WRAP_KINDS and n > _SHORT_TEXT,
            )
            for w, n, label, weight, spec in zip(
                whole, longest, labels, weights, specs, strict=True
            )
        ]
        _, _, body_width, _ = self.setup.body
        lines = [chars * BODY_SIZE + extra for chars in _TEXT_LINES]
        self.scale, widths = fit_table(needs, body_width, SMALLEST_SCALE, lines)
        return widths

    # -- drawing -----------------------------------------------------------
    def draw(self, pager: Pager) -> None:
        texts = self._texts()
        canvas = pager.canvas
        for number, (start, end) in enumerate(self.page_ranges):
            top = self._page_top(pager, first=number == 0)
            if not pager.canvas.keeps(canvas.getPageNumber()):
                for _ in range(start, end):  # a page left out: only move on through the rows
                    next(texts)
                pager.finish()
                continue
            text = FastTextObject(canvas)  # one text object per page: far fewer PDF operators
            table_top = top
            canvas.saveState()
            self._zoom(canvas, table_top)
            top = self._draw_header(canvas, text, top)
            rules = []
            for index in range(start, end):
                top = self._draw_row(text, top, next(texts), self.heights[index])
                rules.append(top)
            canvas.drawText(text)
            self._draw_rules(canvas, table_top, rules)
            canvas.restoreState()
            if number == len(self.page_ranges) - 1 and not self.signature_on_new_page:
                self._draw_signature(canvas, table_top - (table_top - top) * self.scale)
            pager.finish()
        if self.signature_on_new_page:
            top = self._page_top(pager, first=False)
            self._draw_signature(canvas, top)
            pager.finish()

    def _zoom(self, canvas: Canvas, top: float) -> None:
        """Draw the table from its top left corner at ``scale`` (1: as measured)."""
        if self.scale != 1.0:
            x, _, _, _ = self.setup.body
            canvas.translate(x, top)
            canvas.scale(self.scale, self.scale)
            canvas.translate(-x, -top)

    def _page_top(self, pager: Pager, first: bool) -> float:
        canvas = pager.canvas
        pager.start(self.setup)
        x, y, width, height = self.setup.body
        top = y + height
        if not first:
            return top
        canvas.setFont(SANS_BOLD, 20)
        canvas.drawCentredString(x + width / 2, top - 20, self.source.title)
        gap = "      "
        period = f"{self.year}年度" if self.year else f"截至 {format_cn_date(self.as_of)}"
        subtitle = f"党组织：{self.setup.org_name}{gap}{period}{gap}{self.source.count_text}"
        canvas.setFont(SANS, 10)
        canvas.drawCentredString(x + width / 2, top - 20 - 8 * mm, subtitle)
        return top - TITLE_HEIGHT

    def _draw_rules(self, canvas: Canvas, top: float, row_bottoms: Sequence[float]) -> None:
        """The page's grid at once: a line under every row, the column lines top to bottom."""
        x, _, _, _ = self.setup.body
        right = x + sum(self.widths)
        bottom = row_bottoms[-1] if row_bottoms else top - self.header_height
        canvas.setLineWidth(0.5)
        lines = [(x, y, right, y) for y in row_bottoms]
        lines.append((x, top, right, top))
        lines.append((x, top - self.header_height, right, top - self.header_height))
        left = x
        lines.append((left, top, left, bottom))
        for width in self.widths:
            left += width
            lines.append((left, top, left, bottom))
        canvas.lines(lines)

    def _draw_header(self, canvas: Canvas, text: PDFTextObject, top: float) -> float:
        x, _, _, _ = self.setup.body
        height = self.header_height
        canvas.setFillGray(0.92)
        canvas.rect(x, top - height, sum(self.widths), height, stroke=0, fill=1)
        canvas.setFillGray(0)
        text.setFont(SANS_BOLD, BODY_SIZE)
        for lines, width in zip(self.header_lines, self.widths, strict=True):
            baseline = top - (height - len(lines) * LEADING) / 2 - _ASCENT
            for line in lines:
                text.setTextOrigin(x + (width - _measure_header(line)) / 2, baseline)
                text.textOut(line)
                baseline -= LEADING
            x += width
        return top - height

    def _draw_row(
        self, text: FastTextObject, top: float, texts: Sequence[str], height: float
    ) -> float:
        x, _, _, _ = self.setup.body
        text.setFont(BODY_FONT, BODY_SIZE)
        for column, (value, width) in enumerate(zip(texts, self.widths, strict=True)):
            lines = _lines(value, width)
            baseline = top - (height - len(lines) * LEADING) / 2 - _ASCENT
            for line in lines:
                if line:
                    text.text_at(x + self._indent(column, line, width), baseline, line)
                baseline -= LEADING
            x += width
        return top - height

    def _indent(self, column: int, line: str, width: float) -> float:
        """序号 centred, amounts and counts right-aligned, text from the left."""
        if column == 0 or self.centred[column]:
            return (width - _measure_body(line)) / 2
        if self.fields[column - 1].kind in _NUMBER_KINDS:
            return width - PADDING - _measure_body(line)
        return PADDING

    def _draw_signature(self, canvas: Canvas, top: float) -> None:
        x, _, _, _ = self.setup.body
        baseline = top - SIGNATURE_HEIGHT + 5 * mm
        canvas.setFont(SANS, 10.5)
        parts = [("填表人：", 38 * mm), ("审核人：", 38 * mm), ("日期：", 0)]
        for label, line_length in parts:
            canvas.drawString(x, baseline, label)
            x += pdfmetrics.stringWidth(label, SANS, 10.5)
            if line_length:
                canvas.line(x, baseline - 2, x + line_length, baseline - 2)
                x += line_length + 12 * mm
        canvas.drawString(x, baseline, "        年      月      日")
