"""A roster register printed as a table: title block, header row on every page, signature line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from liangxin_desktop.catalog.fields import Field, FieldKind, display_value
from liangxin_desktop.catalog.registers import Register
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.output.pdf.document import PageSetup
from liangxin_desktop.output.pdf.fonts import SANS, SANS_BOLD, register_fonts
from liangxin_desktop.output.pdf.layout import fit_column_widths, split_rows
from liangxin_desktop.output.pdf.linebreak import wrap_text

BODY_SIZE = 8.0
LEADING = 10.0
PADDING = 2.5
_SERIAL_WEIGHT = 0.6
_TITLE = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=20, leading=26, alignment=TA_CENTER)
_SUBTITLE = ParagraphStyle("subtitle", fontName=SANS, fontSize=10, leading=14, alignment=TA_CENTER)
_SIGN = ParagraphStyle("sign", fontName=SANS, fontSize=10.5, leading=16)


@lru_cache(maxsize=65536)
def _measure_body(text: str) -> float:
    return pdfmetrics.stringWidth(text, SANS, BODY_SIZE)


@lru_cache(maxsize=4096)
def _measure_header(text: str) -> float:
    return pdfmetrics.stringWidth(text, SANS_BOLD, BODY_SIZE)


@dataclass
class _Grid:
    """The roster's cells as wrapped lines, with the height of every row."""

    header: list[str]
    header_height: float
    rows: list[list[str]]
    heights: list[float]
    widths: list[float]


def _cell_text(spec: Field, row: dict[str, Any], today: date) -> str:
    if spec.compute is not None:
        value = spec.compute(row, today)
        return "" if value is None else str(value)
    return display_value(spec, row.get(spec.key), printed=True)


def _wrapped(text: str, width: float) -> list[str]:
    inner = width - 2 * PADDING
    if _measure_body(text) <= inner:
        return [text]
    return wrap_text(text, inner, _measure_body)


_NO_WRAP_KINDS = (
    FieldKind.DATE,
    FieldKind.MONTH,
    FieldKind.ID_NUMBER,
    FieldKind.PHONE,
    FieldKind.INTEGER,
    FieldKind.MONEY,
    FieldKind.CREDIT_CODE,
)


_SHORT_TEXT = 5 * BODY_SIZE  # values up to five Chinese characters never wrap


def _widths(fields: Sequence[Field], texts: Sequence[Sequence[str]], total: float) -> list[float]:
    """Dates, ID numbers and phones get the width of their longest value; the rest share by weight."""
    fixed: list[float | None] = [_measure_body(str(len(texts))) + 2 * PADDING + 2]
    for index, spec in enumerate(fields, start=1):
        longest = max((_measure_body(row[index]) for row in texts), default=0.0)
        if spec.kind in _NO_WRAP_KINDS or longest <= _SHORT_TEXT:
            fixed.append(max(longest, _measure_header(spec.label[:2])) + 2 * PADDING + 1)
        else:
            fixed.append(None)
    return fit_column_widths(fixed, [_SERIAL_WEIGHT, *(f.print_width for f in fields)], total)


def _grid(
    fields: Sequence[Field], rows: Sequence[dict[str, Any]], total_width: float, today: date
) -> _Grid:
    texts = [
        [str(serial), *(_cell_text(f, row, today) for f in fields)]
        for serial, row in enumerate(rows, start=1)
    ]
    widths = _widths(fields, texts, total_width)
    header_lines = [
        wrap_text(label, w - 2 * PADDING, _measure_header)
        for label, w in zip(["序号", *(f.label for f in fields)], widths, strict=True)
    ]
    cells, heights = [], []
    for row_texts in texts:
        lines = [_wrapped(t, w) for t, w in zip(row_texts, widths, strict=True)]
        cells.append(["\n".join(cell) for cell in lines])
        heights.append(max(len(cell) for cell in lines) * LEADING + 2 * PADDING)
    header_height = max(len(h) for h in header_lines) * LEADING + 2 * PADDING
    return _Grid(["\n".join(h) for h in header_lines], header_height, cells, heights, widths)


def _table_style() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, 0), SANS_BOLD, BODY_SIZE, LEADING),
            ("FONT", (0, 1), (-1, -1), SANS, BODY_SIZE, LEADING),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EFEFEF")),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), PADDING - 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING + 1),
        ]
    )


def _title_block(register: Register, org_name: str, as_of: date, count: int) -> list[Flowable]:
    gap = "&nbsp;" * 6
    subtitle = (
        f"党组织：{org_name}{gap}截至 {format_cn_date(as_of)}{gap}共 {count} 名{register.row_noun}"
    )
    return [
        Paragraph(register.title, _TITLE),
        Spacer(1, 2 * mm),
        Paragraph(subtitle, _SUBTITLE),
        Spacer(1, 4 * mm),
    ]


def _signature_block() -> list[Flowable]:
    gap = "&nbsp;" * 24
    text = f"填表人：<u>{gap}</u>　　　审核人：<u>{gap}</u>　　　日期：<u>{'&nbsp;' * 10}</u>年<u>{'&nbsp;' * 6}</u>月<u>{'&nbsp;' * 6}</u>日"
    return [Spacer(1, 8 * mm), Paragraph(text, _SIGN)]


def roster_story(
    register: Register, rows: Sequence[dict[str, Any]], setup: PageSetup, as_of: date, org_name: str
) -> tuple[list[Flowable], int]:
    """The flowables of a printed roster and the number of pages its table takes."""
    register_fonts()
    width, height = setup.size
    left, right, top, bottom = setup.margins
    frame_width, frame_height = width - left - right, height - top - bottom
    title = _title_block(register, org_name, as_of, len(rows))
    title_height = sum(f.wrap(frame_width, frame_height)[1] for f in title)
    grid = _grid(register.print_fields, rows, frame_width, as_of)
    pages = split_rows(
        grid.heights, frame_height - title_height - 1, frame_height - 1, grid.header_height
    )
    story: list[Flowable] = list(title)
    style = _table_style()
    for number, (start, end) in enumerate(pages):
        if number:
            story.append(PageBreak())
        data = [grid.header, *grid.rows[start:end]]
        story.append(
            Table(
                data,
                colWidths=grid.widths,
                rowHeights=[grid.header_height, *grid.heights[start:end]],
                style=style,
            )
        )
    story.extend(_signature_block())
    return story, len(pages)
