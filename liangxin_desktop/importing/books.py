"""Importing plain books (好人好事, 收文/发文) and the meeting books with attendance by names.

Records have no ID number, so a natural key stands in for it (date and title/topic/person):
a row matching a record already in the book is refused — or updated, when the clerk asks —
and two rows with the same key in one file are refused naming both rows. Meetings take their
attendance from the columns 出席人员/请假人员/缺席人员/列席党员: names separated by “、”, “，” or
spaces, a reason for leave in brackets (“张三（出差）”), each name a member on the meeting day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from liangxin_desktop.catalog.books import GOOD_DEEDS, INCOMING_DOCUMENTS, OUTGOING_DOCUMENTS
from liangxin_desktop.catalog.meetings import ATTENDANCE_NAME_COLUMNS, MEETING_BOOKS
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.validation import clean_record
from liangxin_desktop.importing.columns import Column
from liangxin_desktop.importing.kinds import Context, Importer
from liangxin_desktop.importing.plan import ADD, SAME, UPDATE, UPDATE_OPTION, PlannedRow
from liangxin_desktop.importing.reading import Cell
from liangxin_desktop.storage import import_batches, meetings, records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.meetings import Attendance

_SEPARATORS = re.compile(r"[、，,;；/\s]+")
_WITH_REASON = re.compile(r"(.+?)[（(](.*)[）)]")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class RecordImporter(Importer):
    """Records of a plain book, keyed by ``natural_key`` fields."""

    def __init__(self, register: Register, natural_key: tuple[str, ...]) -> None:
        super().__init__(register)
        self.noun = register.row_noun
        self.natural_key = natural_key

    def _key_text(self) -> str:
        return "、".join(self.register.field(k).label for k in self.natural_key)

    def plan_row(self, ctx: Context, row: int, cells: Mapping[str, Cell]) -> PlannedRow | None:
        raw = self.prepare(ctx, row, cells)
        if raw is None:
            return None
        cleaned = clean_record(self.register, raw, ctx.today)
        if not ctx.add(row, cleaned.problems):
            return None
        key = tuple(cleaned.values.get(k) for k in self.natural_key)
        earlier = ctx.first_seen(key, row)
        if earlier is not None:
            ctx.problem(
                row, "", "", f"与第{earlier}行重复（{self._key_text()}相同），请删除其中一行。"
            )
            return None
        summary = " ".join(str(v) for v in key if v)[:60]
        existing = self._existing(ctx.archive, key)
        if existing is None:
            planned = self._planned(ctx, PlannedRow(row, ADD, summary, raw))
            if planned is not None:
                planned.extra["values"] = cleaned.values
            return planned
        if not ctx.update_existing:
            ctx.problem(
                row,
                "",
                "",
                f"{self.title}中已有这条{self.noun}（{self._key_text()}相同），不会重复登记。"
                f"如要用表格中的内容更新它，请勾选“{UPDATE_OPTION}”。",
            )
            return None
        return self._plan_update(ctx, row, raw, existing, summary)

    def _existing(self, archive: Archive, key: tuple[Any, ...]) -> dict[str, Any] | None:
        fixed = dict(self.register.fixed_values)
        where = " AND ".join(f"{k} IS ?" for k in (*fixed, *self.natural_key))
        rows = list(
            archive.db.query(
                f"SELECT * FROM {self.register.source} WHERE {where} AND deleted_at IS NULL "
                "ORDER BY id LIMIT 1",
                [*fixed.values(), *key],
            )
        )
        return rows[0] if rows else None

    def _plan_update(
        self, ctx: Context, row: int, raw: dict[str, Any], before: dict[str, Any], summary: str
    ) -> PlannedRow | None:
        merged = {spec.key: before.get(spec.key) for spec in self.fields}
        merged.update({k: v for k, v in raw.items() if not _blank(v)})
        cleaned = clean_record(self.register, merged, ctx.today)
        if not ctx.add(row, cleaned.problems):
            return None
        changed = any(before.get(k) != v for k, v in cleaned.values.items())
        action = UPDATE if changed else SAME
        return self._planned(ctx, PlannedRow(row, action, summary, merged, before["id"]), raw)

    def _planned(
        self, ctx: Context, planned: PlannedRow, cells: dict[str, Any] | None = None
    ) -> PlannedRow | None:
        """What a book adds to a checked row (``cells``: the sheet's own, when ``planned.raw``
        merges them into the record); None when the row is refused."""
        return planned

    def commit_row(self, archive: Archive, batch_id: int, planned: PlannedRow, today: date) -> None:
        table = str(self.register.table)
        if planned.action == ADD:
            new_id = records.insert_record(archive, self.register, planned.extra["values"])
            import_batches.record_item(archive.db, batch_id, table, new_id)
        elif planned.action == UPDATE:
            assert planned.target_id is not None
            before = import_batches.snapshot(archive.db, table, planned.target_id)
            records.update_record(archive, self.register, planned.target_id, planned.raw, today)
            import_batches.record_item(archive.db, batch_id, table, planned.target_id, before)


class MeetingImporter(RecordImporter):
    """A meeting book: the meeting's fields plus its attendance given as names."""

    @property
    def columns(self) -> tuple[Column, ...]:
        extra = tuple(Column(key, label) for key, (_s, label) in ATTENDANCE_NAME_COLUMNS.items())
        return (*super().columns, *extra)

    def notes(self) -> dict[str, str]:
        return {
            "attendees": "本支部党员的姓名，用“、”分隔，例如：张三、李四",
            "on_leave": "姓名后的括号内写请假原因，例如：王五（出差）、赵六（病假）",
            "absentees": "姓名用“、”分隔",
            "observers": "本支部党员列席的，姓名用“、”分隔",
        }

    def _planned(
        self, ctx: Context, planned: PlannedRow, cells: dict[str, Any] | None = None
    ) -> PlannedRow | None:
        row, raw, target = planned.row, planned.raw, planned.target_id
        cells = raw if cells is None else cells
        given = {k: cells.get(k) for k in ATTENDANCE_NAME_COLUMNS if not _blank(cells.get(k))}
        cleaned = clean_record(self.register, raw, ctx.today)
        day = date.fromisoformat(cleaned.values["meeting_date"])
        if given:
            attendance = _attendance(ctx, row, day, given)
            if attendance is None:
                return None
        elif target is not None:
            attendance = list(meetings.attendance_of(ctx.archive, target).values())
        else:
            attendance = []
        if planned.action == SAME and given and attendance_changed(ctx.archive, target, attendance):
            planned.action = UPDATE
        planned.extra["attendance"] = attendance
        return planned

    def commit_row(self, archive: Archive, batch_id: int, planned: PlannedRow, today: date) -> None:
        attendance = planned.extra["attendance"]
        if planned.action == ADD:
            new_id = meetings.save_meeting(
                archive, self.register, planned.raw, attendance, today=today
            )
            import_batches.record_item(archive.db, batch_id, "meetings", new_id)
        elif planned.action == UPDATE:
            target = planned.target_id
            assert target is not None
            before = import_batches.snapshot(archive.db, "meetings", target)
            meetings.save_meeting(
                archive,
                self.register,
                planned.raw,
                attendance,
                meetings.resolutions_of(archive, target),
                meeting_id=target,
                today=today,
            )
            import_batches.record_item(archive.db, batch_id, "meetings", target, before)


def attendance_changed(
    archive: Archive, meeting_id: int | None, attendance: list[Attendance]
) -> bool:
    if meeting_id is None:
        return True
    return set(meetings.attendance_of(archive, meeting_id).values()) != set(attendance)


def _attendance(
    ctx: Context, row: int, day: date, given: dict[str, Any]
) -> list[Attendance] | None:
    roster: dict[str, list[int]] = {}
    for person in meetings.roster_for_attendance(ctx.archive, day):
        roster.setdefault(person["name"], []).append(person["id"])
    result: dict[int, Attendance] = {}
    ok = True
    for key, text in given.items():
        status, label = ATTENDANCE_NAME_COLUMNS[key]
        for entry in (part for part in _SEPARATORS.split(str(text)) if part):
            match = _WITH_REASON.fullmatch(entry)
            name, reason = (match.group(1), match.group(2).strip()) if match else (entry, "")
            ids = roster.get(name, [])
            message = None
            if not ids:
                message = f"“{name}”不是会议当天在册的党员，请核对姓名（只能填写本支部党员）。"
            elif len(ids) > 1:
                message = f"党员名册中有 {len(ids)} 个“{name}”，无法确定是哪一位，请导入后在程序中登记此人的出席情况。"
            elif ids[0] in result:
                message = f"“{name}”在出席情况中出现了不止一次。"
            elif status == "请假" and not reason:
                message = f"“{name}”请假，请在姓名后的括号内写明原因，例如：{name}（出差）。"
            if message:
                ctx.problem(row, key, label, message)
                ok = False
                continue
            result[ids[0]] = Attendance(ids[0], status, reason)
    return list(result.values()) if ok else None


BOOK_IMPORTERS: tuple[RecordImporter, ...] = (
    *(MeetingImporter(book, ("meeting_date", "topic")) for book in MEETING_BOOKS),
    RecordImporter(GOOD_DEEDS, ("deed_date", "person", "deed")),
    RecordImporter(INCOMING_DOCUMENTS, ("doc_date", "title")),
    RecordImporter(OUTGOING_DOCUMENTS, ("doc_date", "title")),
)
