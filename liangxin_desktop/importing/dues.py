"""Importing the 党费收缴册 grid: a member's 年度核定 and the months paid, one row per member.

The columns are those of the exported grid (姓名, 缴费类别, 缴费基数, 月应缴金额, 1月…12月; 比例
and the totals are ignored), optionally with 公民身份号码 (to tell members of the same name
apart) and 年度 (otherwise the year chosen for the import). An amount under a month records
that month as paid (按月, dated the month's last day, or today for the current month); it
must equal the 核定 amount. ``storage/dues.py`` does the writing, with the same rules as the
dues tab: no 补交 beyond 6 months, nothing before joining or after leaving.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind, parse_value
from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.domain import dues as rules
from liangxin_desktop.domain.dues import DuesCategory, format_fen
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.importing.columns import Column
from liangxin_desktop.importing.kinds import Context, Importer
from liangxin_desktop.importing.plan import ADD, SAME, UPDATE, UPDATE_OPTION, PlannedRow
from liangxin_desktop.importing.reading import Cell
from liangxin_desktop.output.dues_table import FIXED_BEFORE, MONTHS
from liangxin_desktop.storage import dues, import_batches
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.settings import rule_settings

_MONEY = FieldKind.MONEY
FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", required=True, width=8),
    Field("id_number", "公民身份号码", FieldKind.ID_NUMBER, width=20),
    Field("year", "年度", FieldKind.INTEGER, width=6),
    Field("category", "缴费类别", width=8),
    Field("base_fen", "缴费基数", _MONEY, width=10),
    Field("monthly_fen", "月应缴金额", _MONEY, width=10),
    Field("approved_by", "批准人", width=8),
    *MONTHS,
)
assert FIXED_BEFORE[0].key == "name"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class DuesImporter(Importer):
    noun = "党费"

    def __init__(self) -> None:
        super().__init__(REGISTERS["dues"])

    @property
    def fields(self) -> tuple[Field, ...]:
        return FIELDS

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(Column(f.key, f.label, f.required) for f in FIELDS)

    def notes(self) -> dict[str, str]:
        categories = "、".join(c.value for c in DuesCategory)
        return {
            "year": "不填则用导入时选择的年度",
            "category": f"{categories}；不填或“未核定”则只登记缴费",
            "monthly_fen": "农民、困难减免填写每月金额；在职、离退休按基数和比例计算",
            "approved_by": "困难减免必须填写",
            "m01": "填写当月实缴金额（应与月应缴金额相同），未缴留空",
        }

    def plan_row(self, ctx: Context, row: int, cells: Mapping[str, Cell]) -> PlannedRow | None:
        raw = self.prepare(ctx, row, cells)
        if raw is None:
            return None
        person = self._person(ctx, row, raw)
        year = self._year(ctx, row, raw)
        if person is None or year is None:
            return None
        earlier = ctx.first_seen(("dues", person["id"], year), row)
        if earlier is not None:
            ctx.problem(
                row, "name", "姓名", f"与第{earlier}行是同一名党员的{year}年度，请合并为一行。"
            )
            return None
        return self._plan(ctx, row, raw, person, year)

    def _person(self, ctx: Context, row: int, raw: dict[str, Any]) -> dict[str, Any] | None:
        name = str(raw.get("name") or "").strip()
        try:
            number = parse_value(FIELDS[1], raw.get("id_number"))
        except InvalidValue as exc:
            ctx.problem(row, "id_number", "公民身份号码", exc.message())
            return None
        column, value = ("id_number", number) if number else ("name", name)
        found = list(
            ctx.archive.db.query(
                f"SELECT id, name, joined_on, left_on FROM people WHERE {column} = ? "
                "AND stage IN ('member', 'left', 'dropped') AND joined_on IS NOT NULL",
                [value],
            )
        )
        if not name and not number:
            ctx.problem(row, "name", "姓名", "必须填写。")
        elif not found:
            ctx.problem(
                row, column, "姓名", f"党员名册中没有“{name or number}”，请先导入或登记党员。"
            )
        elif len(found) > 1:
            ctx.problem(
                row,
                "name",
                "姓名",
                f"党员名册中有 {len(found)} 个“{name}”，请增加一列“公民身份号码”加以区分。",
            )
        else:
            return found[0]
        return None

    def _year(self, ctx: Context, row: int, raw: dict[str, Any]) -> int | None:
        try:
            year = parse_value(FIELDS[2], raw.get("year"))
        except InvalidValue as exc:
            ctx.problem(row, "year", "年度", exc.message())
            return None
        year = year or ctx.options.get("year") or ctx.today.year
        if not 1949 <= year <= ctx.today.year + 1:
            ctx.problem(row, "year", "年度", f"“{year}”不是有效的年度。")
            return None
        return int(year)

    def _plan(
        self, ctx: Context, row: int, raw: dict[str, Any], person: dict[str, Any], year: int
    ) -> PlannedRow | None:
        existing = _assessment(ctx.archive, person["id"], year)
        assessment = self._assessment(ctx, row, raw)
        if isinstance(assessment, bool):
            return None
        action = SAME
        if assessment is not None:
            same = existing is not None and all(
                existing[k] == assessment[k] for k in ("category", "base_fen", "monthly_fen")
            )
            if existing is not None and not same and not ctx.update_existing:
                ctx.problem(
                    row,
                    "category",
                    "缴费类别",
                    f"{person['name']}已有{year}年度的党费核定（{existing['category']}，每月{format_fen(existing['monthly_fen'])}元），与表格不同。如要按表格更新核定，请勾选“{UPDATE_OPTION}”。",
                )
                return None
            action = SAME if same else (UPDATE if existing else ADD)
        monthly = assessment["monthly_fen"] if assessment else (existing or {}).get("monthly_fen")
        payments = self._payments(ctx, row, raw, person, year, monthly)
        if payments is None:
            return None
        if action == SAME and payments:
            action = ADD
        planned = PlannedRow(row, action, f"{person['name']} {year}年度", raw, person["id"])
        planned.extra.update(
            year=year,
            assessment=assessment if action != SAME else None,
            payments=payments,
            assessed=existing is not None,
        )
        return planned

    def _assessment(
        self, ctx: Context, row: int, raw: dict[str, Any]
    ) -> dict[str, Any] | bool | None:
        text = str(raw.get("category") or "").strip()
        if not text or text == "未核定":
            return None
        try:
            kind = DuesCategory(text)
            base = parse_value(FIELDS[4], raw.get("base_fen")) or 0
            given = parse_value(FIELDS[5], raw.get("monthly_fen"))
            rounding = rule_settings(ctx.archive).dues_rounding
            monthly = _monthly(kind, base, given, rounding)
        except InvalidValue as exc:
            ctx.problem(row, "category", "缴费类别", exc.message())
            return False
        except ValueError:
            ctx.problem(
                row,
                "category",
                "缴费类别",
                f"“{text}”无法识别，请填写：" + "、".join(c.value for c in DuesCategory) + "。",
            )
            return False
        approved = str(raw.get("approved_by") or "").strip()
        if kind is DuesCategory.HARDSHIP and not approved:
            ctx.problem(row, "approved_by", "批准人", "困难减免须经批准，请填写批准人。")
            return False
        return {
            "category": kind.value,
            "base_fen": base,
            "monthly_fen": monthly,
            "approved_by": approved,
        }

    def _payments(
        self,
        ctx: Context,
        row: int,
        raw: dict[str, Any],
        person: dict[str, Any],
        year: int,
        monthly: int | None,
    ) -> list[tuple[str, date]] | None:
        paid = _paid_months(ctx.archive, person["id"], year)
        payments: list[tuple[str, date]] = []
        ok = True
        for spec in MONTHS:
            if _blank(raw.get(spec.key)):
                continue
            month = f"{year}-{spec.key[1:]}"
            try:
                amount = parse_value(spec, raw.get(spec.key))
                if monthly is None:
                    raise InvalidValue(
                        f"{person['name']}还没有{year}年度的党费核定。",
                        "请在“缴费类别”“缴费基数”列填写核定，或先在程序中核定。",
                    )
                if amount != monthly:
                    raise InvalidValue(
                        f"金额{format_fen(amount)}元与核定的月应缴金额{format_fen(monthly)}元不符。",
                        "请核对金额。",
                    )
                if month in paid:
                    if paid[month] != amount:
                        raise InvalidValue(
                            f"这个月已登记缴纳{format_fen(paid[month])}元，与表格不同。",
                            "请核对后在程序中修改。",
                        )
                    continue
                paid_on = _paid_on(month, ctx.today)
                dues.check_payment(person, month, paid_on)
                late = dues.back_payment_warning(person["name"], [month], paid_on)
                if late:
                    ctx.problem(row, spec.key, spec.label, late + "。", is_error=False)
                payments.append((month, paid_on))
            except InvalidValue as exc:
                ctx.problem(row, spec.key, spec.label, exc.message())
                ok = False
        return payments if ok else None

    def commit_row(self, archive: Archive, batch_id: int, planned: PlannedRow, today: date) -> None:
        person_id, year = planned.target_id, planned.extra["year"]
        assert person_id is not None
        assessment = planned.extra["assessment"]
        if assessment is not None:
            existing = _assessment(archive, person_id, year)
            before = (
                import_batches.snapshot(archive.db, "dues_assessments", existing["rowid"])
                if existing
                else None
            )
            kind = DuesCategory(assessment["category"])
            dues.assess(
                archive,
                person_id,
                year,
                kind.value,
                assessment["base_fen"],
                reduced_fen=assessment["monthly_fen"] if kind is DuesCategory.HARDSHIP else None,
                farmer_fen=assessment["monthly_fen"] if kind is DuesCategory.FARMER else 20,
                approved_by=assessment["approved_by"],
            )
            rowid = _assessment(archive, person_id, year)["rowid"]  # type: ignore[index]
            import_batches.record_item(archive.db, batch_id, "dues_assessments", rowid, before)
        for month, paid_on in planned.extra["payments"]:
            dues.record_payments(archive, [person_id], [month], paid_on, "按月", today=today)
            payment = archive.db.execute(
                "SELECT id FROM dues_payments WHERE person_id = ? AND month = ?", [person_id, month]
            ).fetchone()
            import_batches.record_item(archive.db, batch_id, "dues_payments", payment[0])


def _monthly(
    kind: DuesCategory, base: int, given: int | None, rounding: rules.Rounding = "fen"
) -> int:
    """The 核定 amount by the archive's rounding setting (a 元-rounded ledger imports)."""
    if kind is DuesCategory.FARMER:
        return rules.monthly_dues_fen(
            kind, farmer_amount_fen=given if given is not None else rules.FARMER_MIN_FEN
        )
    if kind is DuesCategory.HARDSHIP:
        return rules.monthly_dues_fen(kind, reduced_amount_fen=given or 0)
    monthly = rules.monthly_dues_fen(kind, base, rounding=rounding)
    if given is not None and given != monthly:
        raise InvalidValue(
            f"月应缴金额{format_fen(given)}元与按缴费基数和比例计算的{format_fen(monthly)}元不符。",
            "请核对缴费基数和金额。",
        )
    return monthly


def _assessment(archive: Archive, person_id: int, year: int) -> dict[str, Any] | None:
    rows = list(
        archive.db.query(
            "SELECT rowid, * FROM dues_assessments WHERE person_id = ? AND year = ?",
            [person_id, year],
        )
    )
    return rows[0] if rows else None


def _paid_months(archive: Archive, person_id: int, year: int) -> dict[str, int]:
    return dict(
        archive.db.execute(
            "SELECT month, amount_fen FROM dues_payments WHERE person_id = ? AND month BETWEEN ? AND ?",
            [person_id, f"{year}-01", f"{year}-12"],
        ).fetchall()
    )


def _paid_on(month: str, today: date) -> date:
    year, number = int(month[:4]), int(month[5:])
    return min(date(year, number, calendar.monthrange(year, number)[1]), today)


DUES_IMPORTER = DuesImporter()
