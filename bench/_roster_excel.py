"""The roster benchmark's Excel part: our styled export against a bare openpyxl dump."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from _measure import Line, mb
from openpyxl import Workbook

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.output.excel import excel_value, export_workbook
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import open_archive


def plain_dump(archive: Any, target: Path, today: date) -> int:
    """The same cell values with bare openpyxl (write-only, no styles): the comparison."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(MEMBERS.title)
    fields = MEMBERS.excel_fields
    sheet.append([spec.label for spec in fields])
    rows = 0
    for row in queries.iter_rows(archive, MEMBERS):
        sheet.append([excel_value(spec, row, today) for spec in fields])
        rows += 1
    book.save(target)
    return rows


def read_only_pass(archive: Any, today: date) -> int:
    """Fetching the rows and computing the cell values, without writing anything."""
    fields = MEMBERS.excel_fields
    return sum(
        1
        for row in queries.iter_rows(archive, MEMBERS)
        for _ in [[excel_value(spec, row, today) for spec in fields]]
    )


def _seconds(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def excel_figures(path: Path, folder: Path) -> dict[str, Any]:
    today = date.today()
    styled, plain = folder / "roster.xlsx", folder / "roster-plain.xlsx"
    archive = open_archive(path, read_only=True)
    try:
        export_s, _ = _seconds(lambda: export_workbook(archive, [MEMBERS], styled, as_of=today))
        plain_s, rows = _seconds(lambda: plain_dump(archive, plain, today))
        read_s, _ = _seconds(lambda: read_only_pass(archive, today))
    finally:
        archive.close()
    return {
        "export_s": export_s,
        "plain_s": plain_s,
        "read_s": read_s,
        "rows": rows,
        "columns": len(MEMBERS.excel_fields),
        "size": styled.stat().st_size,
        "plain_size": plain.stat().st_size,
    }


def excel_lines(excel: dict[str, Any]) -> list[Line]:
    ratio = excel["export_s"] / excel["plain_s"]
    return [
        Line(f"Excel 导出 ({excel['rows']:,} 行 × {excel['columns']} 列)"),
        Line("export_workbook (样式 styled)", f"{excel['export_s']:.2f} s"),
        Line("openpyxl 直写 plain write-only dump", f"{excel['plain_s']:.2f} s"),
        Line("  倍数 ratio export / plain", f"{ratio:.2f} ×"),
        Line("  仅读取+取值 rows + values only", f"{excel['read_s']:.2f} s"),
        Line("文件大小 size styled / plain", f"{mb(excel['size'])} / {mb(excel['plain_size'])}"),
    ]
