"""党费收缴情况公示: the yearly account the branch publishes to its members (中组发〔2008〕3号).

Per member: months paid, 应缴 (through the last complete month), 实缴, 欠缴, and a note when
months are 未核定; the totals; then the branch's 上缴, 大额党费 and 返还/下拨 of the year.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.output.dues_table import through_month, through_text
from liangxin_desktop.output.pdf.document import Book, PageSetup, write_document
from liangxin_desktop.output.pdf.fonts import register_fonts
from liangxin_desktop.output.pdf.roster import RosterBook, TableSource
from liangxin_desktop.storage.dues import DuesLine

_MONEY = FieldKind.MONEY
NOTICE_FIELDS = (
    Field("name", "姓名", width=10, print_width=1.4),
    Field("months", "已交月数", FieldKind.INTEGER, width=8, print_width=1.0),
    Field("due_fen", "应缴（元）", _MONEY, width=10, print_width=1.3),
    Field("paid_fen", "实缴（元）", _MONEY, width=10, print_width=1.3),
    Field("owed_fen", "欠缴（元）", _MONEY, width=10, print_width=1.3),
    Field("note", "备注", width=16, print_width=2.2),
)
ACCOUNT_FIELDS = (
    Field("item", "项目", width=16, print_width=2.6),
    Field("count", "笔数", FieldKind.INTEGER, width=8, print_width=1.0),
    Field("amount_fen", "金额（元）", _MONEY, width=10, print_width=1.6),
)
_ACCOUNTS = (
    ("上缴上级党组织", "remittances"),
    ("大额党费", "large"),
    ("收到返还、下拨", "returns"),
)


def notice_rows(lines: list[DuesLine], year: int, today: date) -> list[dict[str, Any]]:
    """One row per member, then the 合计 row."""
    last = through_month(year, today)
    rows: list[dict[str, Any]] = []
    for line in lines:
        due, paid = line.due_fen(last), line.paid_fen()
        unassessed = len(line.unassessed_months(last))
        rows.append(
            {
                "name": line.name,
                "months": len(line.paid),
                "due_fen": due,
                "paid_fen": paid,
                "owed_fen": max(due - paid, 0),
                "note": f"{unassessed}个月未核定，应缴待核定" if unassessed else "",
            }
        )
    keys = ("months", "due_fen", "paid_fen", "owed_fen")
    totals = {key: sum(row[key] for row in rows) for key in keys}
    return [*rows, {"name": "合计", **totals, "note": ""}]


def account_rows(accounts: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The year's 上缴, 大额党费 and 返还/下拨: how many and how much of each."""
    return [
        {
            "item": item,
            "count": len(accounts[key]),
            "amount_fen": sum(r["amount_fen"] for r in accounts[key]),
        }
        for item, key in _ACCOUNTS
    ]


def _source(
    title: str, fields: tuple[Field, ...], rows: list[dict[str, Any]], note: str, year: int
) -> TableSource:
    totals = fields is NOTICE_FIELDS
    return TableSource(title, fields, len(rows), lambda: iter(rows), note, year, totals)


def write_dues_notice(
    org_name: str,
    lines: list[DuesLine],
    accounts: dict[str, list[dict[str, Any]]],
    year: int,
    today: date,
    target: Path | BinaryIO,
) -> Path | BinaryIO:
    """The members' table, then the branch's accounts, on portrait pages."""
    register_fonts()
    setup = PageSetup("portrait", org_name, "党费收缴情况公示")
    members = _source(
        f"{year}年度党费收缴情况公示",
        NOTICE_FIELDS,
        notice_rows(lines, year, today),
        f"应缴{through_text(year, today)}　单位：元",
        year,
    )
    money = _source(
        f"{year}年度党费上缴和返还情况", ACCOUNT_FIELDS, account_rows(accounts), "单位：元", year
    )
    books = [
        Book(members.title, [RosterBook(members, setup, today)]),
        Book(money.title, [RosterBook(money, setup, today)]),
    ]
    write_document(books, target, members.title)
    return target
