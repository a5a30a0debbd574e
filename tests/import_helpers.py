"""Helpers for import tests: clerk-style workbooks written with openpyxl, and archive dumps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

from liangxin_desktop.storage.archive import Archive


def workbook(
    path: Path, rows: Iterable[Sequence[Any]], title: str = "Sheet1", merge: str = ""
) -> Path:
    """A one-sheet .xlsx with ``rows`` from A1 (None leaves a cell empty); ``merge`` e.g. "A1:H1"."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def dump(archive: Archive) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (audit log included): equal dumps mean nothing was written."""
    tables = [
        r[0]
        for r in archive.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    # sorted in Python: the search index's shadow tables have no rowid to order by
    return {t: sorted(archive.db.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}


def messy_roster(path: Path, *people: Sequence[Any], with_category: bool = False) -> Path:
    """The roster a clerk really keeps: a title, a two-row header under merged group cells,
    a 合计 row and the 填表人/审核人 line under the table. ``people``: (姓名, 身份证号码,
    出生年月, 入党时间, 转正时间, 手机号码[, 人员类别]) each, dates written as the clerk wrote them."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "党员名册"
    category = ["人员类别"] if with_category else []
    width = 8 + len(category)
    sheet.append(["某某科技有限公司党支部党员花名册", *[None] * (width - 1)])
    sheet.append(
        ["序号", "姓名", "基本情况", None, "党内情况", None, "联系方式", *category, "备注"]
    )
    sheet.append([None, None, "身份证号码", "出生年月", "入党时间", "转正时间", "手机号码"])
    for number, person in enumerate(people, start=1):
        sheet.append([number, *person[:6], *person[6:], None])
    sheet.append(["合计", f"{len(people)}人"])
    sheet.append(["填表人：张三", None, None, "审核人：李四", None, "日期：2026年11月"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for column in (1, 2, *([8] if with_category else []), width):
        sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells("C2:D2")
    sheet.merge_cells("E2:F2")
    book.save(path)
    return path
