"""A plain Excel sheet of fields and rows (a list, not a register): header, widths, money in yuan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.files import atomic_output

_MONEY = FieldKind.MONEY


def _excel_value(spec: Field, value: Any) -> Any:
    if value is None:
        return None
    return value / 100 if spec.kind is _MONEY else value


def write_plain_sheet(sheet: Any, fields: Sequence[Field], rows: Sequence[dict[str, Any]]) -> None:
    sheet.append([f.label for f in fields])
    for row in rows:
        sheet.append([_excel_value(f, row.get(f.key)) for f in fields])
    for column, spec in enumerate(fields, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = spec.width + 2
        if spec.kind is _MONEY:
            for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cells[0].number_format = "0.00"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F2DCDB")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "B2"


def write_plain_workbook(
    sheets: Sequence[tuple[str, Sequence[Field], Sequence[dict[str, Any]]]],
    target: Path,
    bold_last_row: bool = False,
    more: Callable[[Workbook], None] | None = None,
) -> Path:
    """One sheet per (title, fields, rows), saved in one go (a half-written file never remains);
    ``more`` adds sheets of another shape before saving."""
    book = Workbook()
    for index, (title, fields, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet(title)
        assert sheet is not None
        sheet.title = title
        write_plain_sheet(sheet, fields, rows)
        if bold_last_row and index == 0:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)  # the 合计 row
    if more is not None:
        more(book)
    with atomic_output(target) as temp:
        book.save(temp)
    return target
