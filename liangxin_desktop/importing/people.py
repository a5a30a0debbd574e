"""Importing people: the 党员花名册 and the 入党积极分子花名册, keyed by 公民身份号码.

A person already in the archive is never added twice: the row is refused, or — when the clerk
asks for it — the person is updated with the non-blank cells of the row (blank cells keep
what the archive has). The writers of ``storage/people.py`` and ``storage/pipeline.py`` do the
work, so the milestones stay in step with the roster columns exactly as with the forms.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from liangxin_desktop.catalog.activists import ACTIVISTS
from liangxin_desktop.catalog.fields import Field, parse_value
from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.validation import Cleaned
from liangxin_desktop.domain import codes, dates, idnumber
from liangxin_desktop.domain.people import member_category_for
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.importing import standing
from liangxin_desktop.importing.columns import Column
from liangxin_desktop.importing.kinds import Context, Importer
from liangxin_desktop.importing.plan import ADD, SAME, UPDATE, UPDATE_OPTION, PlannedRow
from liangxin_desktop.importing.reading import Cell
from liangxin_desktop.storage import import_batches, membership, people, pipeline
from liangxin_desktop.storage.archive import Archive

_ROSTER_NAMES = {
    "member": "党员花名册",
    "left": "党员花名册（已离开）",
    "applicant": "入党积极分子花名册",
    "activist": "入党积极分子花名册",
    "candidate": "入党积极分子花名册",
    "dropped": "已取消资格的人员",
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class PeopleImporter(Importer):
    """Members or applicants: add new people, refuse or update those already registered."""

    def __init__(
        self,
        register: Register,
        stages: tuple[str, ...],
        validate: Callable[..., Cleaned],
        insert: Callable[..., int],
        update: Callable[..., list[str]],
    ) -> None:
        super().__init__(register)
        self.noun = register.row_noun
        self.stages = stages
        self._validate, self._insert, self._update = validate, insert, update

    def inferable(self, mapping_keys: set[str]) -> dict[str, str]:
        if (
            "member_category" not in self.field_by_key()
            or "member_category" in mapping_keys
            or "converted_on" not in mapping_keys
        ):
            return {}
        return {
            "member_category": "表格中没有“人员类别”列：已按“转为正式党员日期”判断，"
            "填写了转正日期的为正式党员，未填写的为预备党员，请核对。"
        }

    def whole_date(
        self, ctx: Context, row: int, spec: Field, month: str, cells: Mapping[str, Cell]
    ) -> str:
        """出生年月 written as a month: the exact day the 公民身份号码 gives, when it agrees."""
        if spec.key == "birth_date":
            try:
                born = idnumber.parse_id_number(str(cells.get("id_number") or ""), ctx.today)
            except InvalidValue:
                born = None
            if born is not None and f"{born.birth_date:%Y-%m}" == month:
                return born.birth_date.isoformat()
        return super().whole_date(ctx, row, spec, month, cells)

    def plan_row(self, ctx: Context, row: int, cells: Mapping[str, Cell]) -> PlannedRow | None:
        raw = self.prepare(ctx, row, cells)
        if raw is None:
            return None
        if "member_category" in ctx.inferred:
            raw["member_category"] = _category_from(raw.get("converted_on"))
        existing = self._existing(ctx, row, raw)
        if isinstance(existing, bool):
            return None
        if existing is None:
            cleaned = self._validate(ctx.archive, raw, today=ctx.today)
            if not ctx.add(row, cleaned.problems):
                return None
            planned = PlannedRow(row, ADD, str(cleaned.values.get("name") or ""), raw)
            planned.extra["values"] = cleaned.values  # written as checked (see commit_row)
            return planned
        return self._plan_update(ctx, row, raw, existing)

    def _existing(
        self, ctx: Context, row: int, raw: dict[str, Any]
    ) -> dict[str, Any] | bool | None:
        """The person with this row's ID number, None when new, False when the row is refused."""
        try:
            number = parse_value(self.register.field("id_number"), raw.get("id_number"))
        except InvalidValue:
            return None  # the validation reports it with the other problems
        if not number:
            return None
        earlier = ctx.first_seen(("id_number", number), row)
        if earlier is not None:
            ctx.problem(
                row,
                "id_number",
                "公民身份号码",
                f"与第{earlier}行的号码相同：同一人在表格中出现了两次，请删除重复的一行。",
            )
            return False
        found = people.find_by_id_number(ctx.archive, number)
        if found is None:
            return None
        where = _ROSTER_NAMES.get(found["stage"], "台账")
        if found["stage"] not in self.stages:
            ctx.problem(
                row,
                "id_number",
                "公民身份号码",
                f"这个号码已登记在{where}中（“{found['name']}”），不能在{self.title}中再登记或更新。",
            )
            return False
        if not ctx.update_existing:
            ctx.problem(
                row,
                "id_number",
                "公民身份号码",
                f"这个号码已登记在{where}中（“{found['name']}”），同一人不会重复登记。"
                f"如要用表格中的内容更新此人，请勾选“{UPDATE_OPTION}”。",
            )
            return False
        return found

    def _plan_update(
        self, ctx: Context, row: int, raw: dict[str, Any], found: dict[str, Any]
    ) -> PlannedRow | None:
        before = _stored(ctx.archive, self.register, found["id"])
        merged = {spec.key: before.get(spec.key) for spec in self.fields}
        merged.update({k: v for k, v in raw.items() if not _blank(v)})
        cleaned = self._validate(ctx.archive, merged, found["id"], today=ctx.today)
        if not ctx.add(row, cleaned.problems):
            return None
        changed = any(before.get(k) != v for k, v in cleaned.values.items())
        return PlannedRow(row, UPDATE if changed else SAME, found["name"], merged, found["id"])

    def commit_row(self, archive: Archive, batch_id: int, planned: PlannedRow, today: date) -> None:
        if planned.action == ADD:
            # Checked when planned, inside the same write lock: the ID number's UNIQUE index
            # still refuses a person added meanwhile.
            person_id = self._insert(archive, planned.extra["values"])
            self.write_more(archive, person_id, planned, today)
            import_batches.record_item(archive.db, batch_id, "people", person_id)
        elif planned.action == UPDATE:
            assert planned.target_id is not None
            before = import_batches.snapshot(archive.db, "people", planned.target_id)
            changed = self._update(archive, planned.target_id, planned.raw, today=today)
            if self.write_more(archive, planned.target_id, planned, today) or changed:
                import_batches.record_item(
                    archive.db, batch_id, "people", planned.target_id, before
                )

    def write_more(
        self, archive: Archive, person_id: int, planned: PlannedRow, today: date
    ) -> bool:
        """What the row records beyond the person's columns (in the same transaction): written?"""
        return False


class MemberImporter(PeopleImporter):
    """The 党员花名册, with 党籍状态: an imported 停止党籍 records the suspension (date, reason,
    deciding body); an imported 转入日期 opens the period here (``storage/people.insert_member``)."""

    @property
    def columns(self) -> tuple[Column, ...]:
        return (*super().columns, *standing.COLUMNS)

    def field_by_key(self) -> dict[str, Field]:
        return {**super().field_by_key(), **standing.FIELDS}

    def notes(self) -> dict[str, str]:
        return dict(standing.NOTES)

    def plan_row(self, ctx: Context, row: int, cells: Mapping[str, Cell]) -> PlannedRow | None:
        party_cells, rest = standing.split(cells)
        if not _blank(rest.get("lost_since")) and "is_lost" not in ctx.headers:
            rest["is_lost"] = (
                True  # a 失联年月 says the member is 失联 when the sheet has no such column
            )
        written, suspension, ok = standing.read(ctx, row, party_cells)
        planned = super().plan_row(ctx, row, rest)
        if planned is None or not ok:
            return None
        already = _suspended_now(ctx.archive, planned.target_id)
        if already and written == codes.PARTY_STANDINGS[0]:
            ctx.problem(
                row,
                "party_standing",
                "党籍状态",
                "台账中此人已停止党籍，表格中为“正常”：恢复党籍请在党员花名册中办理，导入不作改动。",
                is_error=False,
            )
        if suspension is None or already:
            return planned
        problem = standing.before_membership(suspension.day, _start_here(ctx, planned))
        if problem:
            ctx.problem(row, "suspended_on", "停止党籍日期", problem)
            return None
        planned.extra["suspension"] = suspension
        if planned.action == SAME:
            planned.action = UPDATE
        return planned

    def write_more(
        self, archive: Archive, person_id: int, planned: PlannedRow, today: date
    ) -> bool:
        stop = planned.extra.get("suspension")
        if stop is None:
            return False
        membership.suspend(archive, person_id, stop.day, stop.reason, stop.decided_by, today)
        return True


def _suspended_now(archive: Archive, person_id: int | None) -> bool:
    if person_id is None:
        return False
    row = archive.db.execute(
        "SELECT 1 FROM party_standing WHERE person_id = ? AND restored_on IS NULL", [person_id]
    ).fetchone()
    return row is not None


def _start_here(ctx: Context, planned: PlannedRow) -> str | None:
    """When the member's time here begins: the 转入日期 or 入党日期 of a new row, the current
    period's start of a member already registered."""
    if planned.target_id is None:
        values = planned.extra["values"]
        return values.get("transferred_in_on") or values.get("joined_on")
    row = ctx.archive.db.execute(
        "SELECT max(start_on) FROM membership_periods WHERE person_id = ?", [planned.target_id]
    ).fetchone()
    return row[0] if row else None


def _category_from(converted: Any) -> str:
    """人员类别 when the sheet has no such column: 正式党员 once a 转正 date is written."""
    if _blank(converted):
        return member_category_for(None)
    try:
        return member_category_for(dates.parse_date(converted))
    except InvalidValue:
        return member_category_for(None)  # the 转正 cell's own problem is reported


def _stored(archive: Archive, register: Register, person_id: int) -> dict[str, Any]:
    rows = list(archive.db.query(f"SELECT * FROM {register.source} WHERE id = ?", [person_id]))
    return rows[0] if rows else {}


MEMBERS_IMPORTER = MemberImporter(
    MEMBERS, ("member",), people.validate_member, people.insert_member, people.update_member
)
ACTIVISTS_IMPORTER = PeopleImporter(
    ACTIVISTS,
    ("applicant", "activist", "candidate"),
    pipeline.validate_applicant,
    pipeline.insert_applicant,
    pipeline.update_applicant,
)
