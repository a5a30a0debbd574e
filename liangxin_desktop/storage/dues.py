"""党费收缴册: the yearly 核定 per member, monthly payments, arrears and remittances (integer fen).

Rules of 中组发〔2008〕3号 as DOMAIN.md states them: the monthly amount is fixed per member at
the start of the year; a payment belongs to a month (所属月份) and has its own date (缴纳日期);
back payment (补交) reaches at most 6 months back; probationary members pay from the month of
the 支部大会 that admitted them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.dues import (
    DuesCategory,
    format_fen,
    monthly_dues_fen,
    rate_basis_points,
)
from liangxin_desktop.domain.membership import months_between
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, membership
from liangxin_desktop.storage.archive import Archive

METHODS = ("按月", "按季", "补交", "预交", "代缴")
BACK_PAYMENT_MONTHS = 6


def _months_between(first: str, second: str) -> int:
    """Whole months from ``first`` to ``second`` (both "YYYY-MM")."""
    (y1, m1), (y2, m2) = (map(int, first.split("-")), map(int, second.split("-")))
    return (y2 - y1) * 12 + (m2 - m1)


def assess(
    archive: Archive,
    person_id: int,
    year: int,
    category: str,
    base_fen: int = 0,
    *,
    reduced_fen: int | None = None,
    farmer_fen: int = 20,
    approved_by: str = "",
    note: str = "",
) -> int:
    """年度核定: fix a member's monthly dues for ``year``; returns the monthly amount in fen."""
    try:
        kind = DuesCategory(category)
    except ValueError:
        raise InvalidValue(
            f"缴费类别“{category}”无法识别。",
            "请选择：" + "、".join(c.value for c in DuesCategory) + "。",
        ) from None
    if kind is DuesCategory.HARDSHIP and not approved_by.strip():
        raise InvalidValue("困难减免须经批准，请填写批准人。")
    monthly = monthly_dues_fen(
        kind,
        base_fen,
        farmer_amount_fen=farmer_fen,
        reduced_amount_fen=reduced_fen if kind is DuesCategory.HARDSHIP else None,
    )
    rate = (
        rate_basis_points(kind, base_fen)
        if kind in (DuesCategory.IN_SERVICE, DuesCategory.RETIRED)
        else None
    )
    with archive.transaction() as db:
        db.table("dues_assessments").upsert(
            {
                "person_id": person_id,
                "year": year,
                "category": kind.value,
                "base_fen": base_fen,
                "rate_bp": rate,
                "monthly_fen": monthly,
                "approved_by": approved_by.strip() or None,
                "note": note.strip() or None,
                "updated_at": audit.now_text(),
            },
            pk=("person_id", "year"),
        )
        audit.record(
            db, f"{year}年度党费核定", "dues_assessments", person_id, ["category", "base_fen"]
        )
    return monthly


def carry_over(archive: Archive, year: int) -> int:
    """按上年核定: copy last year's 核定 for current members not yet assessed; how many were copied."""
    with archive.transaction() as db:
        cursor = db.execute(
            "INSERT INTO dues_assessments (person_id, year, category, base_fen, rate_bp, monthly_fen, "
            "approved_by, note, updated_at) SELECT a.person_id, ?, a.category, a.base_fen, a.rate_bp, "
            "a.monthly_fen, a.approved_by, '按上年度核定', ? FROM dues_assessments a JOIN people p "
            "ON p.id = a.person_id WHERE a.year = ? AND p.stage = 'member' AND NOT EXISTS "
            "(SELECT 1 FROM dues_assessments b WHERE b.person_id = a.person_id AND b.year = ?)",
            [year, audit.now_text(), year - 1, year],
        )
        audit.record(db, f"{year}年度党费按上年核定", "dues_assessments", None)
        return cursor.rowcount


def _check_payment(person: dict[str, Any], month: str, paid_on: date) -> None:
    joined = (person.get("joined_on") or "")[:7]
    left = (person.get("left_on") or "")[:7]
    if left and month > left:
        raise InvalidValue(
            f"{person['name']}已于{dates.format_cn_month(left)}离开，之后的月份不需要交纳党费。"
        )
    if joined and month < joined:
        raise InvalidValue(
            f"{person['name']}：{dates.format_cn_month(month)}早于入党的月份，不需要交纳党费。"
        )
    owed = person.get("owed_months")
    if owed is not None and month not in owed:
        raise InvalidValue(
            f"{person['name']}：{dates.format_cn_month(month)}不在本组织交纳党费"
            "（尚未转入、已转出或停止党籍期间）。"
        )
    late = _months_between(month, paid_on.isoformat()[:7])
    if late > BACK_PAYMENT_MONTHS:
        raise InvalidValue(
            f"{person['name']}：补交{dates.format_cn_month(month)}的党费已超过{BACK_PAYMENT_MONTHS}个月。",
            "按规定补交不超过6个月，请向上级党组织报告有关情况。",
        )


check_payment = _check_payment  # the same rules for imported payments (importing/dues.py)


def record_payments(
    archive: Archive,
    person_ids: Sequence[int],
    months: Sequence[str],
    paid_on: date,
    method: str = "按月",
    collector: str = "",
    today: date | None = None,
) -> int:
    """Mark ``months`` paid for the selected members at their 核定 amount, all or nothing."""
    today = today or date.today()
    if paid_on > today:
        raise InvalidValue("缴纳日期不能晚于今天。")
    if method not in METHODS:
        raise InvalidValue(f"缴纳方式“{method}”无法识别。", "请选择：" + "、".join(METHODS) + "。")
    rows = []
    for person_id in person_ids:
        person = _person(archive, person_id, months)
        for month in months:
            _check_payment(person, month, paid_on)
            rows.append((person_id, month, _monthly(archive, person, int(month[:4]))))
    with archive.transaction() as db:
        for person_id, month, amount in rows:
            if db.execute(
                "SELECT 1 FROM dues_payments WHERE person_id = ? AND month = ?", [person_id, month]
            ).fetchone():
                name = db.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone()[0]
                raise InvalidValue(
                    f"{name}{dates.format_cn_month(month)}的党费已经登记过了。", "不需要重复登记。"
                )
            db.execute(
                "INSERT INTO dues_payments (person_id, month, amount_fen, paid_on, method, collector, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    person_id,
                    month,
                    amount,
                    paid_on.isoformat(),
                    method,
                    collector.strip() or None,
                    audit.now_text(),
                ],
            )
        audit.record(db, "登记党费", "dues_payments", None, [f"{len(rows)}笔"])
    return len(rows)


def _person(archive: Archive, person_id: int, months: Sequence[str] = ()) -> dict[str, Any]:
    rows = list(
        archive.db.query(
            "SELECT id, name, joined_on, left_on FROM people WHERE id = ?", [person_id]
        )
    )
    if not rows:
        raise InvalidValue("找不到这个党员，可能已被其他操作修改。", "请刷新列表后重试。")
    if months:
        owed = membership.counted_months(
            archive, min(months), max(months), for_dues=True, person_ids=[person_id]
        )
        rows[0]["owed_months"] = set(owed.get(person_id, []))
    return rows[0]


def _monthly(archive: Archive, person: dict[str, Any], year: int) -> int:
    row = archive.db.execute(
        "SELECT monthly_fen FROM dues_assessments WHERE person_id = ? AND year = ?",
        [person["id"], year],
    ).fetchone()
    if row is None:
        raise InvalidValue(
            f"{person['name']}还没有{year}年度的党费核定。", "请先点击“年度核定”确定每月应交金额。"
        )
    return int(row[0])


def remit(
    archive: Archive, remitted_on: date, amount_fen: int, period: str = "", receiver: str = ""
) -> int:
    """上缴: dues passed to the superior organization."""
    if amount_fen <= 0:
        raise InvalidValue("上缴金额必须大于0。")
    with archive.transaction() as db:
        new_id = (
            db.table("dues_remittances")
            .insert(
                {
                    "remitted_on": remitted_on.isoformat(),
                    "amount_fen": amount_fen,
                    "period": period or None,
                    "receiver": receiver or None,
                    "created_at": audit.now_text(),
                }
            )
            .last_rowid
        )
        audit.record(db, "党费上缴", "dues_remittances", new_id)
    return int(new_id or 0)


LARGE_DUES_MIN_FEN = 100000  # 1000 yuan


def record_large_dues(
    archive: Archive,
    person_id: int,
    paid_on: date,
    amount_fen: int,
    note: str = "",
    today: date | None = None,
) -> int:
    """大额党费 (≥ 1000 yuan, voluntary, one-off), kept apart from the monthly dues."""
    if amount_fen < LARGE_DUES_MIN_FEN:
        raise InvalidValue(
            f"大额党费应不少于1000元，这里是{format_fen(amount_fen)}元。",
            "少于1000元的请按普通党费登记。",
        )
    if paid_on > (today or date.today()):
        raise InvalidValue("缴纳日期不能晚于今天。")
    _person(archive, person_id)
    with archive.transaction() as db:
        new_id = (
            db.table("large_dues")
            .insert(
                {
                    "person_id": person_id,
                    "paid_on": paid_on.isoformat(),
                    "amount_fen": amount_fen,
                    "note": note.strip() or None,
                    "created_at": audit.now_text(),
                }
            )
            .last_rowid
        )
        audit.record(db, "大额党费", "large_dues", new_id)
    return int(new_id or 0)


def money_lists(archive: Archive, year: int) -> dict[str, list[dict[str, Any]]]:
    """The year's remittances and 大额党费, for the 党费收缴册's accounts."""
    start, end = f"{year}-01-01", f"{year}-12-31"
    return {
        "remittances": list(
            archive.db.query(
                "SELECT remitted_on, amount_fen, period, receiver FROM dues_remittances "
                "WHERE remitted_on BETWEEN ? AND ? ORDER BY remitted_on",
                [start, end],
            )
        ),
        "large": list(
            archive.db.query(
                "SELECT l.paid_on, p.name, l.amount_fen, l.note FROM large_dues l JOIN people p ON p.id = l.person_id "
                "WHERE l.paid_on BETWEEN ? AND ? ORDER BY l.paid_on",
                [start, end],
            )
        ),
    }


@dataclass
class DuesLine:
    person_id: int
    name: str
    category: str
    base_fen: int | None
    rate_bp: int | None
    monthly_fen: int | None
    first_month: str  # the first month this member owes in the year ("YYYY-MM")
    last_month: str = "9999-12"  # the last month owed in the year (nothing is owed after it)
    paid: dict[str, int] = field(default_factory=dict)  # month → fen
    # The months owed here (membership periods, 停止党籍 left out); None: every month first–last.
    owed_months: tuple[str, ...] | None = None

    def _owed(self, through: str) -> list[str]:
        if self.owed_months is not None:
            return [m for m in self.owed_months if m <= through]
        last = min(through, self.last_month)
        return months_between(self.first_month, last) if last >= self.first_month else []

    def due_fen(self, through: str) -> int:
        """应缴 for the owed months through ``through`` (inclusive)."""
        if self.monthly_fen is None:
            return 0
        return len(self._owed(through)) * self.monthly_fen

    def paid_fen(self) -> int:
        return sum(self.paid.values())

    def unpaid_months(self, through: str) -> list[str]:
        return [m for m in self._owed(through) if m not in self.paid]


def dues_grid(archive: Archive, year: int) -> list[DuesLine]:
    """Every member who owes dues here in some month of ``year`` (their membership periods,
    停止党籍 excluded: ``storage.membership.counted_months``), with 核定 and payments by month."""
    owed = membership.counted_months(archive, f"{year}-01", f"{year}-12", for_dues=True)
    people_rows = archive.db.execute(
        "SELECT p.id, p.name, a.category, a.base_fen, a.rate_bp, a.monthly_fen FROM people p "
        "LEFT JOIN dues_assessments a ON a.person_id = p.id AND a.year = ? "
        "WHERE p.stage IN ('member', 'left', 'dropped') ORDER BY p.unit, p.id",
        [year],
    ).fetchall()
    lines = {}
    for person_id, name, category, base, rate, monthly in people_rows:
        months = owed.get(person_id)
        if not months:
            continue
        lines[person_id] = DuesLine(
            person_id, name, category or "", base, rate, monthly, months[0], months[-1],
            owed_months=tuple(months),
        )  # fmt: skip
    for person_id, month, amount in archive.db.execute(
        "SELECT person_id, month, amount_fen FROM dues_payments WHERE month BETWEEN ? AND ?",
        [f"{year}-01", f"{year}-12"],
    ):
        if person_id in lines:
            lines[person_id].paid[month] = amount
    return list(lines.values())


def yuan(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen)
