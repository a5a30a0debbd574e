"""党费收缴情况公示: the yearly account the branch publishes to its members (中组发〔2008〕3号).

Per member: months paid, 应缴 (through the last complete month), 实缴, 欠缴; the totals; and the
branch's 上缴, 大额党费 and 返还/下拨 of the year under the table.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain.dues import format_fen
from liangxin_desktop.output.dues_table import through_month, through_text
from liangxin_desktop.output.pdf.books import write_table
from liangxin_desktop.output.pdf.document import PageSetup
from liangxin_desktop.output.pdf.roster import TableSource
from liangxin_desktop.storage.dues import DuesLine

_MONEY = FieldKind.MONEY
NOTICE_FIELDS = (
    Field("name", "姓名", width=10, print_width=1.4),
    Field("months", "已交月数", FieldKind.INTEGER, width=8, print_width=1.0),
    Field("due_fen", "应缴（元）", _MONEY, width=10, print_width=1.3),
    Field("paid_fen", "实缴（元）", _MONEY, width=10, print_width=1.3),
    Field("owed_fen", "欠缴（元）", _MONEY, width=10, print_width=1.3),
)


def notice_rows(lines: list[DuesLine], year: int, today: date) -> list[dict[str, Any]]:
    """One row per member, then the 合计 row."""
    last = through_month(year, today)
    rows: list[dict[str, Any]] = []
    for line in lines:
        due, paid = line.due_fen(last), line.paid_fen()
        rows.append(
            {
                "name": line.name,
                "months": len(line.paid),
                "due_fen": due,
                "paid_fen": paid,
                "owed_fen": max(due - paid, 0),
            }
        )
    totals = {
        key: sum(row[key] for row in rows) for key in ("months", "due_fen", "paid_fen", "owed_fen")
    }
    return [*rows, {"name": "合计", **totals}]


def accounts_text(accounts: dict[str, list[dict[str, Any]]]) -> str:
    """ "上缴 3 次共 1350.00 元；大额党费 …；返还、下拨 …" for the line under the table."""
    remitted = sum(r["amount_fen"] for r in accounts["remittances"])
    large = sum(r["amount_fen"] for r in accounts["large"])
    returned = sum(r["amount_fen"] for r in accounts["returns"])
    return (
        f"上缴上级党组织 {len(accounts['remittances'])} 次共 {format_fen(remitted)} 元；"
        f"大额党费 {len(accounts['large'])} 笔共 {format_fen(large)} 元；"
        f"收到返还、下拨 {len(accounts['returns'])} 笔共 {format_fen(returned)} 元"
    )


def write_dues_notice(
    org_name: str,
    lines: list[DuesLine],
    accounts: dict[str, list[dict[str, Any]]],
    year: int,
    today: date,
    target: Path | BinaryIO,
) -> Path | BinaryIO:
    rows = notice_rows(lines, year, today)
    source = TableSource(
        f"{year}年度党费收缴情况公示",
        NOTICE_FIELDS,
        len(rows),
        lambda: iter(rows),
        f"应缴{through_text(year, today)}。{accounts_text(accounts)}",
        year,
        totals_last=True,
    )
    return write_table(source, PageSetup("portrait", org_name, "党费收缴情况公示"), target, today)
