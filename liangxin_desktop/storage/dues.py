"""党费收缴册: the yearly 核定 per member, monthly payments, arrears and remittances (integer fen).

Rules of 中组发〔2008〕3号 as DOMAIN.md states them: the monthly amount is fixed per member at
the start of the year; a payment belongs to a month (所属月份) and has its own date (缴纳日期);
back payment (补交) reaches at most 6 months back; probationary members pay from the month of
the 支部大会 that admitted them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
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
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
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
    found = _people(archive, person_ids)
    years = sorted({int(month[:4]) for month in months})
    monthly = _assessed(archive, person_ids, years)
    rows = []
    for person_id in person_ids:
        person = found[person_id]
        for month in months:
            _check_payment(person, month, paid_on)
            amount = monthly.get((person_id, int(month[:4])))
            if amount is None:
                raise _not_assessed(person, int(month[:4]))
            rows.append((person_id, month, amount))
    stamp, method_text, collector_text = audit.now_text(), method, collector.strip() or None
    with archive.transaction() as db:
        already = _already_paid(archive, person_ids, months)
        for person_id, month, _amount in rows:
            if (person_id, month) in already:
                raise InvalidValue(
                    f"{found[person_id]['name']}{dates.format_cn_month(month)}的党费已经登记过了。",
                    "不需要重复登记。",
                )
        db.conn.executemany(
            "INSERT INTO dues_payments (person_id, month, amount_fen, paid_on, method, collector, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (person_id, month, amount, paid_on.isoformat(), method_text, collector_text, stamp)
                for person_id, month, amount in rows
            ],
        )
        audit.record(db, "登记党费", "dues_payments", None, [f"{len(rows)}笔"])
    return len(rows)


_CHUNK = 500  # ids per ``IN (…)`` list


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def _people(archive: Archive, person_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The selected people (name and dates), all of them or InvalidValue."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(person_ids):
        marks = ",".join("?" * len(chunk))
        for row in archive.db.query(
            f"SELECT id, name, joined_on, left_on FROM people WHERE id IN ({marks})", chunk
        ):
            found[row["id"]] = row
    if any(person_id not in found for person_id in person_ids):
        raise InvalidValue("找不到这个党员，可能已被其他操作修改。", "请刷新列表后重试。")
    return found


def _assessed(
    archive: Archive, person_ids: Sequence[int], years: Sequence[int]
) -> dict[tuple[int, int], int]:
    """(person, year) → the monthly amount fixed by that year's 核定."""
    monthly: dict[tuple[int, int], int] = {}
    year_marks = ",".join("?" * len(years))
    for chunk in _chunks(person_ids):
        marks = ",".join("?" * len(chunk))
        for person_id, year, fen in archive.db.execute(
            "SELECT person_id, year, monthly_fen FROM dues_assessments "
            f"WHERE year IN ({year_marks}) AND person_id IN ({marks})",
            [*years, *chunk],
        ):
            monthly[(person_id, year)] = int(fen)
    return monthly


def _already_paid(
    archive: Archive, person_ids: Sequence[int], months: Sequence[str]
) -> set[tuple[int, str]]:
    month_marks = ",".join("?" * len(months))
    paid: set[tuple[int, str]] = set()
    for chunk in _chunks(person_ids):
        marks = ",".join("?" * len(chunk))
        paid.update(
            archive.db.execute(
                "SELECT person_id, month FROM dues_payments "
                f"WHERE month IN ({month_marks}) AND person_id IN ({marks})",
                [*months, *chunk],
            )
        )
    return paid


def _not_assessed(person: dict[str, Any], year: int) -> InvalidValue:
    return InvalidValue(
        f"{person['name']}还没有{year}年度的党费核定。", "请先点击“年度核定”确定每月应交金额。"
    )


def _person(archive: Archive, person_id: int) -> dict[str, Any]:
    rows = list(
        archive.db.query(
            "SELECT id, name, joined_on, left_on FROM people WHERE id = ?", [person_id]
        )
    )
    if not rows:
        raise InvalidValue("找不到这个党员，可能已被其他操作修改。", "请刷新列表后重试。")
    return rows[0]


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
    """One member's line of a year's grid. What the table reads (``output/dues_table.dues_row``,
    shown by the tab's model, the Excel sheet and the printed book): ``name``, ``category``,
    ``base_fen``, ``rate_bp``, ``monthly_fen``, ``paid`` (month → fen), ``due_fen(through)`` and
    ``paid_fen()``; the tab's actions also read ``person_id``."""

    person_id: int
    name: str
    category: str
    base_fen: int | None
    rate_bp: int | None
    monthly_fen: int | None
    first_month: str  # the first month this member owes in the year ("YYYY-MM")
    last_month: str = "9999-12"  # the month the member left (nothing is owed after it)
    paid: dict[str, int] = field(default_factory=dict)  # month → fen

    def due_fen(self, through: str) -> int:
        """应缴 from ``first_month`` through ``through`` (inclusive)."""
        through = min(through, self.last_month)
        if self.monthly_fen is None or through < self.first_month:
            return 0
        return (_months_between(self.first_month, through) + 1) * self.monthly_fen

    def paid_fen(self) -> int:
        return sum(self.paid.values())

    def unpaid_months(self, through: str) -> list[str]:
        months, current = [], self.first_month
        while current <= min(through, self.last_month):
            if current not in self.paid:
                months.append(current)
            current = dates.add_months(date.fromisoformat(current + "-01"), 1).isoformat()[:7]
        return months


# Who is in a year's 党费收缴册: every member in the roster during the year, by 党小组.
_GRID_PEOPLE = (
    "p.joined_on <= ? AND (p.left_on IS NULL OR p.left_on >= ?) "
    "AND p.stage IN ('member', 'left', 'dropped')"
)


def grid_person_ids(archive: Archive, year: int) -> list[int]:
    """The people of ``year``'s grid in its order (党小组, then entry), as the table lists them."""
    found = archive.db.execute(
        "SELECT json_group_array(id) FROM (SELECT p.id FROM people p INDEXED BY people_dues_grid "
        f"WHERE {_GRID_PEOPLE} "
        "ORDER BY p.unit, p.id)",
        [f"{year}-12-31", f"{year}-01-01"],
    ).fetchone()
    return [int(i) for i in json.loads(found[0])]


def dues_grid(
    archive: Archive, year: int, person_ids: Sequence[int] | None = None
) -> list[DuesLine]:
    """Every member in the roster during ``year`` (or those of ``person_ids``, in the grid's
    order), with 核定 and payments by month."""
    start, end = f"{year}-01-01", f"{year}-12-31"
    chosen, chosen_params = "", []
    if person_ids is not None:
        chosen, chosen_params = f" AND p.id IN ({','.join('?' * len(person_ids))})", [*person_ids]
    people_rows = archive.db.execute(
        "SELECT p.id, p.name, p.joined_on, p.left_on, a.category, a.base_fen, a.rate_bp, a.monthly_fen FROM people p "
        f"LEFT JOIN dues_assessments a ON a.person_id = p.id AND a.year = ? WHERE {_GRID_PEOPLE}{chosen} "
        "ORDER BY p.unit, p.id",
        [year, end, start, *chosen_params],
    ).fetchall()
    lines = {}
    for person_id, name, joined, left, category, base, rate, monthly in people_rows:
        first = max(f"{year}-01", (joined or start)[:7])
        last = left[:7] if left else "9999-12"
        lines[person_id] = DuesLine(
            person_id, name, category or "", base, rate, monthly, first, last
        )
    paid_of = chosen.replace("p.id", "person_id")
    for person_id, month, amount in archive.db.execute(
        f"SELECT person_id, month, amount_fen FROM dues_payments WHERE month BETWEEN ? AND ?{paid_of}",
        [f"{year}-01", f"{year}-12", *chosen_params],
    ):
        if person_id in lines:
            lines[person_id].paid[month] = amount
    return list(lines.values())


GRID_CHUNK = 2000


def iter_grid(archive: Archive, year: int) -> Iterator[DuesLine]:
    """The grid's lines in order, a chunk at a time (for totals over 100,000 members)."""
    ids = grid_person_ids(archive, year)
    for start in range(0, len(ids), GRID_CHUNK):
        yield from dues_grid(archive, year, ids[start : start + GRID_CHUNK])


def yuan(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen)
