"""党费收缴册: the yearly 核定 per member, monthly payments, arrears and remittances (integer fen).

Rules of 中组发〔2008〕3号 as DOMAIN.md states them: the monthly amount is fixed per member at
the start of the year, and a re-assessment applies from its effective month (domain/dues_months);
at most 1000 yuan a month unless the member chooses to pay more (自愿多交); a payment belongs to
a month (所属月份) and has its own date (缴纳日期); back payment (补交) reaches at most 6 months
back and 预交 at most the months of the setting; probationary members pay from the month of the
支部大会 that admitted them. A month is owed once it has ended.
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
    is_capped,
    monthly_dues_fen,
    rate_basis_points,
)
from liangxin_desktop.domain.dues_months import (
    Assessment,
    latest_prepay_month,
    monthly_schedule,
)
from liangxin_desktop.domain.months import month_range, months_between
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.settings import rule_settings

METHODS = ("按月", "按季", "补交", "预交", "代缴")
BACK_PAYMENT_MONTHS = 6


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


def assessments_of(archive: Archive, year: int) -> dict[int, list[Assessment]]:
    """Every member's 核定 of ``year``: the yearly one (from January) and the changes."""
    found: dict[int, list[Assessment]] = {}
    for person_id, month, monthly in archive.db.execute(
        "SELECT person_id, CAST(year AS TEXT) || '-01', monthly_fen FROM dues_assessments "
        "WHERE year = ? UNION ALL SELECT person_id, effective_month, monthly_fen FROM dues_changes "
        "WHERE effective_month BETWEEN ? AND ?",
        [year, f"{year}-01", f"{year}-12"],
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
    late = months_between(month, paid_on.isoformat()[:7])
    if late > BACK_PAYMENT_MONTHS:
        raise InvalidValue(
            f"{person['name']}：补交{dates.format_cn_month(month)}的党费已超过{BACK_PAYMENT_MONTHS}个月。",
            "按规定补交不超过6个月，请向上级党组织报告有关情况。",
        )


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
    rows = []
    prepay_months = rule_settings(archive).prepay_months
    for person_id in person_ids:
        person = _person(archive, person_id)
        for month in months:
            _check_payment(person, month, paid_on)
            check_prepay(person, month, paid_on, prepay_months)
            rows.append((person_id, month, monthly_for(archive, person, month)))
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


def _person(archive: Archive, person_id: int) -> dict[str, Any]:
    rows = list(
        archive.db.query(
            "SELECT id, name, joined_on, left_on FROM people WHERE id = ?", [person_id]
        )
    )
    if not rows:
        raise InvalidValue("找不到这个党员，可能已被其他操作修改。", "请刷新列表后重试。")
    return rows[0]


def monthly_for(archive: Archive, person: dict[str, Any], month: str) -> int:
    """The 核定 amount of ``month`` for ``person``; refused when the year has no 核定."""
    assessments = assessments_of(archive, int(month[:4])).get(person["id"], [])
    amount = monthly_schedule(assessments, [month])[month]
    if amount is None:
        raise InvalidValue(
            f"{person['name']}还没有{month[:4]}年度的党费核定。",
            "请先点击“年度核定”确定每月应交金额。",
        )
    return amount


@dataclass
class DuesLine:
    """One member's year in the 党费收缴册: the 核定 in force, the months owed, the payments."""

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


def months_owing_here(archive: Archive, year: int) -> dict[int, tuple[str, list[str]]]:
    """Who owes dues here in ``year`` and for which months: person id → (name, months).

    The one place that says which months a person counts in this organization for dues
    (from the month they joined, through the month they left).
    """
    start, end = f"{year}-01-01", f"{year}-12-31"
    found: dict[int, tuple[str, list[str]]] = {}
    for person_id, name, joined, left in archive.db.execute(
        "SELECT id, name, joined_on, left_on FROM people WHERE joined_on <= ? AND "
        "(left_on IS NULL OR left_on >= ?) AND stage IN ('member', 'left', 'dropped') "
        "ORDER BY unit, id",
        [end, start],
    ):
        first = max(f"{year}-01", (joined or start)[:7])
        last = min(f"{year}-12", left[:7]) if left else f"{year}-12"
        found[person_id] = (name, month_range(first, last))
    return found


def _latest_assessments(archive: Archive, year: int) -> dict[int, dict[str, Any]]:
    """Each member's latest 核定 row of ``year`` (a change from a month wins over the yearly one)."""
    latest: dict[int, dict[str, Any]] = {}
    for row in archive.db.query(
        "SELECT person_id, CAST(year AS TEXT) || '-01' AS effective_month, category, base_fen, "
        "rate_bp, monthly_fen FROM dues_assessments WHERE year = ? UNION ALL SELECT person_id, "
        "effective_month, category, base_fen, rate_bp, monthly_fen FROM dues_changes WHERE "
        "effective_month BETWEEN ? AND ? ORDER BY effective_month",
        [year, f"{year}-01", f"{year}-12"],
    ):
        latest[row["person_id"]] = row
    return latest


def dues_grid(archive: Archive, year: int) -> list[DuesLine]:
    """Every member who owes dues here during ``year``, with 核定 and payments by month."""
    assessments = assessments_of(archive, year)
    latest = _latest_assessments(archive, year)
    lines = {}
    for person_id, (name, months) in months_owing_here(archive, year).items():
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
    for person_id, month, amount in archive.db.execute(
        "SELECT person_id, month, amount_fen FROM dues_payments WHERE month BETWEEN ? AND ?",
        [f"{year}-01", f"{year}-12"],
    ):
        if person_id in lines:
            lines[person_id].paid[month] = amount
    return list(lines.values())


def yuan(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen)
