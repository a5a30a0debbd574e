"""The 党费收缴册 grid as columns and rows, shared by the Excel sheet, the printed pages and the UI."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain import dates
from liangxin_desktop.domain.dues_months import owed_through
from liangxin_desktop.storage.dues import DuesLine

_MONEY = FieldKind.MONEY
FIXED_BEFORE = (
    Field("name", "姓名", width=8, print_width=1.2),
    Field("category", "缴费类别", width=8, print_width=1.0),
    Field("base_fen", "缴费基数", _MONEY, width=10, print_width=1.1),
    Field("rate", "比例", width=6, print_width=0.6),
    Field("monthly_fen", "月应缴金额", _MONEY, width=10, print_width=1.0),
)
MONTHS = tuple(
    Field(f"m{month:02d}", f"{month}月", _MONEY, width=8, print_width=0.75)
    for month in range(1, 13)
)
FIXED_AFTER = (
    Field("due_fen", "应缴合计", _MONEY, width=10, print_width=1.0),
    Field("paid_fen", "实缴合计", _MONEY, width=10, print_width=1.0),
    Field("owed_fen", "欠缴", _MONEY, width=9, print_width=0.9),
    Field("note", "备注", width=16),  # on screen and in Excel; the page has no room for it
)
DUES_FIELDS = FIXED_BEFORE + MONTHS + FIXED_AFTER
DUES_PRINT_FIELDS = tuple(f for f in DUES_FIELDS if f.print_width)


def through_month(year: int, today: date) -> str:
    """The last month that is owed: December of a past year, the last complete month of this one."""
    return owed_through(year, today)


def through_text(year: int, today: date) -> str:
    """ "截至2026年11月" for the status bar and the printed book ("尚无到期月份" before any)."""
    last = through_month(year, today)
    return f"截至{dates.format_cn_month(last)}" if last >= f"{year}-01" else "本年尚无到期月份"


def dues_row(line: DuesLine, year: int, through: str) -> dict[str, Any]:
    """One member's row of the grid, owed counted up to ``through`` ("YYYY-MM")."""
    due, paid = line.due_fen(through), line.paid_fen()
    row: dict[str, Any] = {
        "name": line.name,
        "category": line.category or "未核定",
        "note": _note(line, line.unassessed_months(through)),
        "base_fen": line.base_fen,
        "rate": f"{line.rate_bp / 100:g}%" if line.rate_bp else "",
        "monthly_fen": line.monthly_fen,
        "due_fen": due,
        "paid_fen": paid,
        "owed_fen": max(due - paid, 0),
    }
    row.update({f"m{m:02d}": line.paid.get(f"{year}-{m:02d}") for m in range(1, 13)})
    return row


_SUMMED = ("monthly_fen", *(f.key for f in MONTHS), "due_fen", "paid_fen", "owed_fen")


def totals_row(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The 合计 row under the members' rows."""
    totals: dict[str, Any] = {
        "name": "合计",
        "category": "",
        "note": "",
        **dict.fromkeys(_SUMMED, 0),
    }
    for row in rows:
        for key in _SUMMED:
            totals[key] += row[key] or 0
    return totals


def dues_rows(lines: list[DuesLine], year: int, today: date) -> list[dict[str, Any]]:
    last = through_month(year, today)
    rows = [dues_row(line, year, last) for line in lines]
    return [*rows, totals_row(rows)]


def _note(line: DuesLine, unassessed: list[str]) -> str:
    """What the clerk must know about a line: 未核定 months (owed, amount unknown), changes."""
    notes = list(line.changes)
    if unassessed:
        notes.append(f"{len(unassessed)}个月未核定，应缴金额待核定")
    return "；".join(notes)
