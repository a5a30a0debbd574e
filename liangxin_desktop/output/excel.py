"""Excel export driven by the catalog: one sheet per register, ready to print and to filter.

Written with openpyxl's write-only mode (constant memory, fastest), into a temporary
file renamed when complete. ID numbers and phones are text cells, dates real dates,
money numbers with two decimals; text that looks like a formula is written as text.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from liangxin_desktop.catalog.fields import Field, FieldKind, as_date
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain.text import drop_control_characters
from liangxin_desktop.files import atomic_output
from liangxin_desktop.output.attendance_table import matrix_fields, matrix_rows
from liangxin_desktop.output.dues_table import DUES_FIELDS, dues_rows
from liangxin_desktop.output.files import Progress, no_progress
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import attendance_matrix
from liangxin_desktop.storage.dues import dues_grid
from liangxin_desktop.storage.organization import organization_name

_FONT_NAME = "宋体"
_HEADER_FONT = Font(name=_FONT_NAME, bold=True, size=11)
_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_PAPER_A4 = 9  # Excel's paper code for A4
_FORMULA_STARTS = ("=", "+", "-", "@")
_TEXT_KINDS = (FieldKind.ID_NUMBER, FieldKind.PHONE, FieldKind.CREDIT_CODE)


def _write_sheets(
    archive: Archive,
    book: Workbook,
    registers: Sequence[Register],
    id_lists: list[list[int]],
    org_name: str,
    today: date,
    progress: Progress,
    year: int | None = None,
) -> None:
    total, done = sum(len(ids) for ids in id_lists) or 1, 0
    for register, ids in zip(registers, id_lists, strict=True):
        if register.derived == "attendance":
            _write_attendance(archive, book, register, org_name, today, year)
            continue
        if register.derived == "dues":
            _write_dues(archive, book, register, org_name, today, year or today.year)
            continue
        writer = _SheetWriter(book.create_sheet(register.title), register, org_name)
        writer.header()
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            rows = queries.rows_by_ids(archive, register, chunk)
            for row_id in chunk:
                if row_id in rows:
                    writer.row(rows[row_id], today)
            done += len(chunk)
            progress(done, total)


def _write_attendance(
    archive: Archive,
    book: Workbook,
    register: Register,
    org_name: str,
    today: date,
    year: int | None,
) -> None:
    """The 考勤册 sheet: members × meetings of the year, with totals per member and meeting."""
    matrix = attendance_matrix(archive, year or today.year)
    writer = _SheetWriter(
        book.create_sheet(register.title), register, org_name, matrix_fields(matrix)
    )
    writer.sheet.freeze_panes = "C2"
    writer.header()
    for row in matrix_rows(matrix):
        writer.row(row, today)


def _write_dues(
    archive: Archive, book: Workbook, register: Register, org_name: str, today: date, year: int
) -> None:
    """The 党费收缴册 sheet: 核定 columns, the twelve months, then totals (amounts in yuan)."""
    writer = _SheetWriter(book.create_sheet(register.title), register, org_name, DUES_FIELDS)
    writer.sheet.freeze_panes = "B2"
    writer.header()
    for row in dues_rows(dues_grid(archive, year), year, today):
        writer.row(row, today)


def _discard(book: Workbook) -> None:
    """After a cancel or failure: close the sheets and delete openpyxl's spool files at once.

    Write-only sheets spool their rows (names, ID numbers) to temporary files; openpyxl
    would otherwise delete them only when the program exits.
    """
    for sheet in book.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        with contextlib.suppress(Exception):
            sheet._writer.cleanup()


def excel_value(spec: Field, row: dict[str, Any], today: date) -> Any:
    """The cell value of one field: real dates, integers, money in yuan, text otherwise."""
    if spec.compute is not None:
        computed = spec.compute(row, today)
        return drop_control_characters(computed) if isinstance(computed, str) else computed
    stored = row.get(spec.key)
    if stored is None or stored == "":
        return None
    if spec.kind is FieldKind.DATE:
        return as_date(stored)
    if spec.kind is FieldKind.BOOL:
        return "是" if stored else "否"
    if spec.kind is FieldKind.MONEY:
        return int(stored) / 100  # display only: stored values stay integer fen
    if spec.kind is FieldKind.INTEGER:
        return int(stored)
    # What an older version let in (U+0001, NUL …) cannot be written into XML: leave it out.
    return drop_control_characters(str(stored))


def _number_format(spec: Field) -> str:
    if spec.kind is FieldKind.DATE:
        return "yyyy-mm-dd"
    if spec.kind is FieldKind.MONEY:
        return "0.00"
    if spec.kind in _TEXT_KINDS:
        return "@"
    return "General"


class _SheetWriter:
    """Writes one register into one write-only sheet."""

    def __init__(
        self,
        sheet: Worksheet,
        register: Register,
        org_name: str,
        fields: Sequence[Field] | None = None,
    ) -> None:
        self.sheet = sheet
        self.register = register
        self.fields = tuple(fields) if fields is not None else register.excel_fields
        self.styles = [self._body_style(spec) for spec in self.fields]
        self._setup(org_name)

    def _body_style(self, spec: Field) -> StyleArray | None:
        """The column's cell style, registered once; None for columns written as bare values.

        Setting ``cell.font``/``border``/``number_format`` hashes the style objects on every
        cell; assigning the registered style array of a prototype cell does it once. Only
        dates, money and text-format codes (ID numbers, phones) need a style at all.
        """
        number_format = _number_format(spec)
        if number_format == "General":
            return None
        prototype = WriteOnlyCell(self.sheet)
        prototype.number_format = number_format
        return prototype._style

    def _setup(self, org_name: str) -> None:
        sheet = self.sheet
        for index, spec in enumerate(self.fields, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = spec.width * 1.15 + 2
        sheet.freeze_panes = "A2"
        last = get_column_letter(len(self.fields))
        sheet.auto_filter.ref = f"A1:{last}1"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.paperSize = _PAPER_A4
        sheet.page_setup.orientation = self.register.orientation
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.print_options.gridLines = True
        sheet.oddHeader.center.text = f"{org_name} {self.register.title}"
        sheet.oddFooter.center.text = "第 &P 页 共 &N 页"

    def header(self) -> None:
        cells = []
        for spec in self.fields:
            cell = WriteOnlyCell(self.sheet, drop_control_characters(spec.label))
            cell.font, cell.fill, cell.border, cell.alignment = (
                _HEADER_FONT,
                _HEADER_FILL,
                _BORDER,
                _CENTER,
            )
            cells.append(cell)
        self.sheet.append(cells)

    def row(self, row: dict[str, Any], today: date) -> None:
        """One record: only cells that need a style (dates, money, text-format codes) get one.

        Plain text and numbers are appended as bare values, so openpyxl writes them as it
        would without styles; the printed grid comes from ``print_options.gridLines``.
        """
        cells: list[Any] = []
        for spec, style in zip(self.fields, self.styles, strict=True):
            value = excel_value(spec, row, today)
            if style is not None and value is not None:
                cell = WriteOnlyCell(self.sheet, value)
                cell._style = style  # shared, never changed: write-only cells are not kept
                if cell.data_type == "f":
                    cell.data_type = "s"
                cells.append(cell)
            elif isinstance(value, str) and value.startswith(_FORMULA_STARTS):
                cell = WriteOnlyCell(self.sheet, value)
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        self.sheet.append(cells)


def export_workbook(
    archive: Archive,
    registers: Sequence[Register],
    target: Path,
    *,
    row_filter: queries.RowFilter | None = None,
    as_of: date | None = None,
    progress: Progress = no_progress,
) -> Path:
    """Write the registers to ``target`` (replaced only when the whole workbook is written).

    Computed columns (年龄, 党龄) are worked out as of ``as_of`` (default: today).
    """
    with archive.snapshot():
        return _export(archive, target, registers, row_filter, as_of or date.today(), progress)


def _export(
    archive: Archive,
    target: Path,
    registers: Sequence[Register],
    row_filter: queries.RowFilter | None,
    today: date,
    progress: Progress,
) -> Path:
    org_name = drop_control_characters(organization_name(archive))
    id_lists = [[] if r.derived else queries.list_ids(archive, r, row_filter) for r in registers]
    total = sum(len(ids) for ids in id_lists) or 1
    book = Workbook(write_only=True)
    book.properties.creator = "两新党建台账"
    book.properties.title = org_name
    year = row_filter.year if row_filter else None
    try:  # the sheets are spooled to temporary files: a full disk can strike there too
        with atomic_output(target) as temp:
            _write_sheets(archive, book, registers, id_lists, org_name, today, progress, year)
            book.save(temp)
    except BaseException:
        _discard(book)
        raise
    progress(total, total)
    return target
