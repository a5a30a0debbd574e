"""Reading the clerk's file into rows of cells: .xlsx/.xlsm, old .xls and .csv (UTF-8 or GBK).

Workbooks are read with python-calamine, which keeps what matters for checks: a number cell
stays a number (an ID number typed as a number can be told from text) and a date cell a
``date``. The safety checks of ``safety.py`` run first. Cells come back as ``str`` (stripped of
nothing), ``int``/``float``, ``bool``, ``date``/``datetime``/``time`` or ``None`` for empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from liangxin_desktop.domain.text import drop_control_characters, has_control_characters
from liangxin_desktop.importing import safety
from liangxin_desktop.importing.safety import ImportRefused

Cell = str | int | float | bool | date | datetime | time | None
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class SheetData:
    """One sheet: ``rows[i]`` is Excel row ``i + 1``; merged cells hold their value in the first.

    ``cleaned`` lists the cells (row index, column index) from which characters that Excel
    cannot store (control characters such as U+0001) were removed, to be told as warnings.
    """

    name: str
    rows: list[list[Cell]]
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()
    cleaned: tuple[tuple[int, int], ...] = ()

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(
            f"不能导入“{path.name}”：只支持 Excel 工作簿（.xlsx、.xls）和 CSV 文件。",
            "请在 Excel 或 WPS 中打开它，“另存为”Excel 工作簿（.xlsx）后再导入。",
        )
    return suffix


def sheet_names(path: Path) -> list[str]:
    """The visible sheets of a workbook (a CSV file has one, named after the file)."""
    if _suffix(path) == ".csv":
        safety.check_file(path)
        return [path.stem]
    book = _open_workbook(path)
    try:
        with _reader_errors(path):
            hidden = {
                meta.name
                for meta in book.sheets_metadata
                if meta.visible != SheetVisibleEnum.Visible
            }
            names = [name for name in book.sheet_names if name not in hidden]
            names = names or list(book.sheet_names)
    finally:
        book.close()
    if not names:
        raise safety.no_sheets(path.name)
    return names


def read_sheet(path: Path, sheet: str | None = None) -> SheetData:
    """The rows of ``sheet`` (default: the first visible one), after the safety checks."""
    if _suffix(path) == ".csv":
        return _read_csv(path)
    if sheet is None:
        sheet = sheet_names(path)[0]
    book = _open_workbook(path, sheet)
    try:
        if sheet not in book.sheet_names:
            raise ImportRefused(
                f"文件“{path.name}”中没有名为“{sheet}”的工作表。",
                "可用的工作表：" + "、".join(book.sheet_names) + "。",
            )
        with _reader_errors(path):
            data = book.get_sheet_by_name(sheet)
            # The last guard, for what no scan measured (an old .xls): the range as allocated.
            safety.check_extent(safety.Extent(data.height, data.width))
            rows = data.to_python(skip_empty_area=False)
            merged = tuple(data.merged_cell_ranges or ())
    finally:
        book.close()
    safety.check_merged(path.name, merged, len(rows) * max((len(row) for row in rows), default=0))
    return _sheet_data(sheet, [[_cell(value) for value in row] for row in rows], merged)


def _sheet_data(name: str, rows: list[list[Cell]], merged: Any = ()) -> SheetData:
    """The rows with control characters removed from their texts (and where, remembered)."""
    cleaned = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and has_control_characters(value):
                row[c] = drop_control_characters(value) or None
                cleaned.append((r, c))
    return SheetData(name, rows, merged, tuple(cleaned))


def _open_workbook(path: Path, sheet: str | None = None) -> Any:
    head = safety.check_file(path)
    if head.startswith(safety.OLE_SIGNATURE):
        safety.check_ole(path)  # refuses a password-protected .xlsx; an old .xls goes on
    elif head.startswith(b"PK"):
        _check_zipped(path, sheet)
    else:
        raise safety.damaged(path.name)
    with _reader_errors(path):
        book = CalamineWorkbook.from_path(str(path))
    return book


@contextmanager
def _reader_errors(path: Path) -> Iterator[None]:
    """calamine's own errors, Rust panics (a BaseException) included, as a damaged file."""
    try:
        yield
    except ImportRefused:
        raise
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:
        raise safety.damaged(path.name) from exc


def _check_zipped(path: Path, sheet: str | None) -> None:
    with safety.check_xlsx(path) as archive:
        strings = safety.check_other_parts(archive)
        parts = safety.sheet_parts(archive)
        part = parts[sheet] if sheet in parts else next(iter(parts.values()))
        extent = safety.scan_part(archive, part)
        safety.check_extent(replace(extent, text=extent.text + strings))


def _cell(value: Any) -> Cell:
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, timedelta):
        return str(value)
    return value


def _decode(path: Path, data: bytes) -> str:
    for encoding in _CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(
        f"无法识别 CSV 文件“{path.name}”的文字编码。",
        "请用 Excel 或 WPS 打开它，另存为“CSV UTF-8”或 Excel 工作簿（.xlsx）后再导入。",
    )


def _read_csv(path: Path) -> SheetData:
    safety.check_file(path)
    text = _decode(path, path.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    rows: list[list[Cell]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) > safety.MAX_ROWS + 100:
                raise safety.too_big(f"超过 {safety.MAX_ROWS:,} 行")
            if len(row) > safety.MAX_COLUMNS:
                raise safety.too_big(f"有 {len(row)} 列")
            rows.append([value if value.strip() else None for value in row])
    except csv.Error:
        raise safety.damaged(path.name) from None
    return _sheet_data(path.stem, rows)


def blank(row: Sequence[Cell]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)
