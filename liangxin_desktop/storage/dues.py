"""党费收缴册: the yearly 核定 per member, monthly payments, arrears and remittances (integer fen).

Rules of 中组发〔2008〕3号 as DOMAIN.md states them: the monthly amount is fixed per member at
the start of the year, and a re-assessment applies from its effective month (domain/dues_months);
at most 1000 yuan a month unless the member chooses to pay more (自愿多交); a payment belongs to
a month (所属月份) and has its own date (缴纳日期); back payment (补交) more than 6 months
late is a warning to confirm (domain/back_payment), never a refusal; 预交 at most the months of the setting; probationary members pay from the month of the
支部大会 that admitted them. A month is owed once it has ended.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.back_payment import BACK_PAYMENT_MONTHS, is_late_back_payment
from liangxin_desktop.domain.dues import (
    DuesCategory,
    format_fen,
    is_capped,
    monthly_dues_fen,
    rate_basis_points,
)
from liangxin_desktop.domain.dues_months import (
    Assessment,
    latest_prepay_month,
    monthly_schedule,
)
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, membership
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.settings import rule_settings

METHODS = ("按月", "按季", "补交", "预交", "代缴")


CAPPED_NOTE = "按规定每月党费一般不超过1000元，已按1000元核定"
VOLUNTARY_NOTE = "本人自愿多交"


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
    from_month: str | None = None,
    voluntary_fen: int = 0,
) -> int:
    """核定: fix a member's monthly dues for ``year`` (from January, or from ``from_month``).

    The amount is rounded by the archive's setting and capped at 1000 yuan; ``voluntary_fen``
    is what the member chooses to pay on top (自愿多交). Returns the monthly amount in fen.
    """
    kind = _category(category)
    if kind is DuesCategory.HARDSHIP and not approved_by.strip():
        raise InvalidValue("困难减免须经批准，请填写批准人。")
    if voluntary_fen < 0:
        raise InvalidValue("自愿多交的金额不能是负数。")
    if from_month is not None and from_month[:4] != str(year):
        raise InvalidValue(f"调整起始月份应在{year}年内。")
    rounding = rule_settings(archive).dues_rounding
    computed = monthly_dues_fen(
        kind,
        base_fen,
        farmer_amount_fen=farmer_fen,
        reduced_amount_fen=reduced_fen if kind is DuesCategory.HARDSHIP else None,
        rounding=rounding,
    )
    notes = [note.strip()] if note.strip() else []
    notes += [CAPPED_NOTE] if is_capped(kind, base_fen, rounding) else []
    notes += [VOLUNTARY_NOTE] if voluntary_fen else []
    row = {
        "person_id": person_id,
        "category": kind.value,
        "base_fen": base_fen,
        "rate_bp": _rate(kind, base_fen),
        "monthly_fen": computed + voluntary_fen,
        "voluntary_fen": voluntary_fen,
        "approved_by": approved_by.strip() or None,
        "note": "；".join(notes) or None,
        "updated_at": audit.now_text(),
    }
    with archive.transaction() as db:
        if from_month is None or from_month == f"{year}-01":
            db.table("dues_assessments").upsert(dict(row, year=year), pk=("person_id", "year"))
            what = f"{year}年度党费核定"
        else:
            db.table("dues_changes").upsert(
                dict(row, effective_month=from_month), pk=("person_id", "effective_month")
            )
            what = f"党费调整（{dates.format_cn_month(from_month)}起）"
        audit.record(db, what, "dues_assessments", person_id, ["category", "base_fen"])
    return computed + voluntary_fen


def _category(category: str) -> DuesCategory:
    try:
        return DuesCategory(category)
    except ValueError:
        raise InvalidValue(
            f"缴费类别“{category}”无法识别。",
            "请选择：" + "、".join(c.value for c in DuesCategory) + "。",
        ) from None


def _rate(kind: DuesCategory, base_fen: int) -> int | None:
    if kind in (DuesCategory.IN_SERVICE, DuesCategory.RETIRED):
        return rate_basis_points(kind, base_fen)
    return None


def _among(column: str, ids: Sequence[int] | None) -> tuple[str, list[Any]]:
    """`` AND column IN (…)`` for the given ids (nothing when None: everyone)."""
    if ids is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(ids))})", list(ids)


def assessments_of(
    archive: Archive, year: int, person_ids: Sequence[int] | None = None
) -> dict[int, list[Assessment]]:
    """Every member's 核定 of ``year`` (or those of ``person_ids``): the yearly one (from
    January) and the changes."""
    found: dict[int, list[Assessment]] = {}
    among, ids = _among("person_id", person_ids)
    for person_id, month, monthly in archive.db.execute(
        "SELECT person_id, CAST(year AS TEXT) || '-01', monthly_fen FROM dues_assessments "
        f"WHERE year = ?{among} UNION ALL SELECT person_id, effective_month, monthly_fen "
        f"FROM dues_changes WHERE effective_month BETWEEN ? AND ?{among}",
        [year, *ids, f"{year}-01", f"{year}-12", *ids],
    ):
        found.setdefault(person_id, []).append(Assessment(month, monthly))
    return found


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


def back_payment_warning(name: str, months: Sequence[str], paid_on: date) -> str | None:
    """The 补交 warning for one member's ``months`` paid on ``paid_on`` (domain/back_payment)."""
    late = [m for m in months if is_late_back_payment(m, paid_on)]
    if not late:
        return None
    span = dates.format_cn_month(late[0])
    if len(late) > 1:
        span += f"至{dates.format_cn_month(late[-1])}"
    return (
        f"{name}：{span}的党费在{dates.format_cn_date(paid_on)}交纳，是补交且已超过"
        f"{BACK_PAYMENT_MONTHS}个月（规定补交一般不超过6个月，请向党支部说明情况）"
    )


def payment_warnings(
    archive: Archive, person_ids: Sequence[int], months: Sequence[str], paid_on: date
) -> list[str]:
    """What the clerk should confirm before recording these payments (补交 over 6 months)."""
    warnings = []
    people = _people(archive, person_ids)
    for person_id in person_ids:
        warning = back_payment_warning(people[person_id]["name"], months, paid_on)
        if warning:
            warnings.append(warning)
    return warnings


check_payment = _check_payment  # the same rules for imported payments (importing/dues.py)


def check_prepay(person: dict[str, Any], month: str, paid_on: date, prepay_months: int) -> None:
    """预交 reaches at most ``prepay_months`` months after the month of payment (a setting)."""
    latest = latest_prepay_month(paid_on, prepay_months)
    if month > latest:
        raise InvalidValue(
            f"{person['name']}：{dates.format_cn_month(month)}的党费超出了预交期限"
            f"（最多预交{prepay_months}个月，即到{dates.format_cn_month(latest)}）。",
            "请到期后再登记；本地规定可以预交更长时间的，请在“规则设置”中修改预交月数。",
        )


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
    found = _people(archive, person_ids, months)
    by_year = {  # one read of the 核定 per year, not one per member and month
        year: _assessed(archive, year, person_ids) for year in {int(m[:4]) for m in months}
    }
    rows = []
    prepay_months = rule_settings(archive).prepay_months
    for person_id in person_ids:
        person = found[person_id]
        for month in months:
            _check_payment(person, month, paid_on)
            check_prepay(person, month, paid_on, prepay_months)
            rows.append((person_id, month, _amount(person, month, by_year[int(month[:4])])))
    stamp, collector_text = audit.now_text(), collector.strip() or None
    with archive.transaction() as db:
        already = _already_paid(archive, person_ids, months)
        for person_id, month, _fen in rows:
            if (person_id, month) in already:
                raise InvalidValue(
                    f"{found[person_id]['name']}{dates.format_cn_month(month)}的党费已经登记过了。",
                    "不需要重复登记。",
                )
        db.conn.executemany(
            "INSERT INTO dues_payments (person_id, month, amount_fen, paid_on, method, collector, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (person_id, month, fen, paid_on.isoformat(), method, collector_text, stamp)
                for person_id, month, fen in rows
            ],
        )
        audit.record(db, "登记党费", "dues_payments", None, [f"{len(rows)}笔"])
    return len(rows)


GRID_CHUNK = 500  # ids per ``IN (…)`` list


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), GRID_CHUNK):
        yield list(ids[start : start + GRID_CHUNK])


def _people(
    archive: Archive, person_ids: Sequence[int], months: Sequence[str] = ()
) -> dict[int, dict[str, Any]]:
    """The selected people (name, dates and, given ``months``, those they owe here), all of
    them or InvalidValue."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(person_ids):
        among, ids = _among("id", chunk)
        for row in archive.db.query(
            f"SELECT id, name, joined_on, left_on FROM people WHERE 1{among}", ids
        ):
            found[row["id"]] = row
    if any(person_id not in found for person_id in person_ids):
        raise InvalidValue("找不到这个党员，可能已被其他操作修改。", "请刷新列表后重试。")
    if months:  # the months each one owes here (membership periods, 停止党籍, 介绍信)
        owed = membership.counted_months(
            archive, min(months), max(months), for_dues=True, person_ids=list(person_ids)
        )
        for person_id, person in found.items():
            person["owed_months"] = set(owed.get(person_id, []))
    return found


def _assessed(
    archive: Archive, year: int, person_ids: Sequence[int]
) -> dict[int, list[Assessment]]:
    found: dict[int, list[Assessment]] = {}
    for chunk in _chunks(person_ids):
        found.update(assessments_of(archive, year, chunk))
    return found


def _already_paid(
    archive: Archive, person_ids: Sequence[int], months: Sequence[str]
) -> set[tuple[int, str]]:
    month_marks = ",".join("?" * len(months))
    paid: set[tuple[int, str]] = set()
    for chunk in _chunks(person_ids):
        among, ids = _among("person_id", chunk)
        paid.update(
            archive.db.execute(
                f"SELECT person_id, month FROM dues_payments WHERE month IN ({month_marks}){among}",
                [*months, *ids],
            )
        )
    return paid


def monthly_for(archive: Archive, person: dict[str, Any], month: str) -> int:
    """The 核定 amount of ``month`` for ``person``; refused when the year has no 核定."""
    return _amount(person, month, assessments_of(archive, int(month[:4]), [person["id"]]))


def _amount(person: dict[str, Any], month: str, assessed: dict[int, list[Assessment]]) -> int:
    amount = monthly_schedule(assessed.get(person["id"], []), [month])[month]
    if amount is None:
        raise InvalidValue(
            f"{person['name']}还没有{month[:4]}年度的党费核定。",
            "请先点击“年度核定”确定每月应交金额。",
        )
    return amount


@dataclass
class DuesLine:
    """One member's year in the 党费收缴册: the 核定 in force, the months owed, the payments.

    What the table reads (``output/dues_table.dues_row``, shown by the tab's model, the Excel
    sheet and the printed book): ``name``, ``category``, ``base_fen``, ``rate_bp``,
    ``monthly_fen``, ``paid``, ``changes``, ``due_fen(through)``, ``paid_fen()`` and
    ``unassessed_months(through)``; the tab's actions also read ``person_id``."""

    person_id: int
    name: str
    category: str  # of the latest 核定 of the year ("" when none)
    base_fen: int | None
    rate_bp: int | None
    monthly_fen: int | None  # the latest 核定 amount of the year (None: 未核定)
    first_month: str  # the first month this member owes in the year ("YYYY-MM")
    last_month: str = "9999-12"  # the last month owed here (nothing is owed after it)
    paid: dict[str, int] = field(default_factory=dict)  # month → fen
    owed: dict[str, int | None] = field(default_factory=dict)  # month → fen, None = 未核定
    changes: list[str] = field(default_factory=list)  # "2026年7月起 50.00元" for re-assessments

    def due_fen(self, through: str) -> int:
        """应缴 of the assessed months through ``through`` (inclusive)."""
        return sum(fen or 0 for month, fen in self.owed.items() if month <= through)

    def paid_fen(self) -> int:
        return sum(self.paid.values())

    def unassessed_months(self, through: str) -> list[str]:
        """Months owed at an unknown amount (no 核定 of the year): the clerk should assess."""
        return [m for m, fen in self.owed.items() if m <= through and fen is None]

    def unpaid_months(self, through: str) -> list[str]:
        """Months owed (未核定 included, waived months not) and not paid, through ``through``."""
        return [
            m for m, fen in self.owed.items() if m <= through and fen != 0 and m not in self.paid
        ]


# Who owes dues here in a year: a member or leaver with a membership period here overlapping it
# (four parameters: the year's last day, its first day, twice). ``joined_on``/``left_on`` narrow
# by the covering index first; the periods decide (``months_owing_here`` gives the months).
_OWING_HERE = (
    "joined_on <= ? AND (left_on IS NULL OR left_on >= ?) "
    "AND stage IN ('member', 'left', 'dropped') AND EXISTS (SELECT 1 FROM membership_periods mp "
    "WHERE mp.person_id = people.id AND mp.start_on <= ? AND (mp.end_on IS NULL OR mp.end_on >= ?))"
)


def grid_person_ids(archive: Archive, year: int) -> list[int]:
    """The people of ``year``'s grid in its order (党小组, then entry), from the covering index
    ``people_dues_grid`` alone (read as one JSON array: 100,000 ids in some 40 ms)."""
    found = archive.db.execute(
        "SELECT json_group_array(id) FROM (SELECT id FROM people INDEXED BY people_dues_grid "
        f"WHERE {_OWING_HERE} ORDER BY unit, id)",
        [f"{year}-12-31", f"{year}-01-01"] * 2,
    ).fetchone()
    return [int(i) for i in json.loads(found[0])]


def months_owing_here(
    archive: Archive, year: int, person_ids: Sequence[int] | None = None
) -> dict[int, tuple[str, list[str]]]:
    """Who owes dues here in ``year`` (or which of ``person_ids``) and for which months:
    person id → (name, months), in the grid's order.

    The one place that says which months a person counts in this organization for dues: the
    months of their membership periods here (from the 转入 month, or the month of the 支部大会
    that admitted them, through the month they left), less 停止党籍 and months the 介绍信 says
    were paid elsewhere (``storage.membership.counted_months``).
    """
    start, end = f"{year}-01-01", f"{year}-12-31"
    owed = membership.counted_months(
        archive, f"{year}-01", f"{year}-12", for_dues=True, person_ids=person_ids
    )
    found: dict[int, tuple[str, list[str]]] = {}
    among, ids = _among("id", person_ids)
    for person_id, name in archive.db.execute(
        f"SELECT id, name FROM people WHERE {_OWING_HERE}{among} ORDER BY unit, id",
        [end, start, end, start, *ids],
    ):
        found[person_id] = (name, owed.get(person_id, []))  # [] : 停止党籍 all year
    return found


def _latest_assessments(
    archive: Archive, year: int, person_ids: Sequence[int] | None = None
) -> dict[int, dict[str, Any]]:
    """Each member's latest 核定 row of ``year`` (a change from a month wins over the yearly one)."""
    latest: dict[int, dict[str, Any]] = {}
    among, ids = _among("person_id", person_ids)
    for row in archive.db.query(
        "SELECT person_id, CAST(year AS TEXT) || '-01' AS effective_month, category, base_fen, "
        f"rate_bp, monthly_fen FROM dues_assessments WHERE year = ?{among} UNION ALL SELECT "
        "person_id, effective_month, category, base_fen, rate_bp, monthly_fen FROM dues_changes "
        f"WHERE effective_month BETWEEN ? AND ?{among} ORDER BY effective_month",
        [year, *ids, f"{year}-01", f"{year}-12", *ids],
    ):
        latest[row["person_id"]] = row
    return latest


def dues_grid(
    archive: Archive, year: int, person_ids: Sequence[int] | None = None
) -> list[DuesLine]:
    """Every member who owes dues here during ``year`` (or those of ``person_ids``, in the
    grid's order: the tab reads a page at a time), with 核定 and payments by month."""
    assessments = assessments_of(archive, year, person_ids)
    latest = _latest_assessments(archive, year, person_ids)
    lines = {}
    for person_id, (name, months) in months_owing_here(archive, year, person_ids).items():
        row = latest.get(person_id, {})
        line = DuesLine(
            person_id,
            name,
            row.get("category") or "",
            row.get("base_fen"),
            row.get("rate_bp"),
            row.get("monthly_fen"),
            months[0] if months else f"{year}-12",
            months[-1] if months else f"{year}-01",
            owed=monthly_schedule(assessments.get(person_id, []), months),
        )
        line.changes = [
            f"{dates.format_cn_month(a.effective_month)}起 {format_fen(a.monthly_fen)}元"
            for a in sorted(assessments.get(person_id, []), key=lambda a: a.effective_month)
            if not a.effective_month.endswith("-01")
        ]
        lines[person_id] = line
    among, ids = _among("person_id", person_ids)
    for person_id, month, amount in archive.db.execute(
        f"SELECT person_id, month, amount_fen FROM dues_payments WHERE month BETWEEN ? AND ?{among}",
        [f"{year}-01", f"{year}-12", *ids],
    ):
        if person_id in lines:
            lines[person_id].paid[month] = amount
    return list(lines.values())


def iter_grid(archive: Archive, year: int) -> Iterator[DuesLine]:
    """The grid's lines in order, a chunk at a time (for totals over 100,000 members)."""
    ids = grid_person_ids(archive, year)
    for start in range(0, len(ids), 2000):
        yield from dues_grid(archive, year, ids[start : start + 2000])


def yuan(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen)
