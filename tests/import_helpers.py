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
