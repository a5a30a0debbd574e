"""Meetings with their attendance and resolutions, always saved together in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind, Problem, parse_value
from liangxin_desktop.catalog.meetings import ATTENDANCE_STATUSES
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.membership import counted_on_clause, member_on_clause


@dataclass(frozen=True)
class Attendance:
    person_id: int
    status: str  # 出席 / 请假 / 缺席 / 列席
    reason: str = ""


_DEADLINE = Field("deadline", "完成时限", FieldKind.DATE)


def attendance_problems(archive: Archive, attendance: Sequence[Attendance]) -> list[Problem]:
    problems = []
    names = _names(archive, [a.person_id for a in attendance])
    for entry in attendance:
        name = names.get(entry.person_id, "（未知人员）")
        if entry.status not in ATTENDANCE_STATUSES:
            problems.append(
                Problem("attendance", "出席情况", f"{name}的出席情况“{entry.status}”无法识别。")
            )
        elif entry.status == "请假" and not entry.reason.strip():
            problems.append(Problem("attendance", "出席情况", f"{name}请假，请填写请假原因。"))
    return problems


def _not_members_that_day(
    archive: Archive, attendance: Sequence[Attendance], day: date
) -> list[Problem]:
    members = {
        row[0]
        for row in archive.db.execute(
            f"SELECT id FROM people WHERE {member_on_clause()}", [day.isoformat()] * 2
        )
    }
    strangers = [a.person_id for a in attendance if a.person_id not in members]
    names = _names(archive, strangers)
    return [
        Problem(
            "attendance",
            "出席情况",
            f"{names.get(pid, '（未知人员）')}在会议当天不在党员名册中。",
        )
        for pid in strangers
    ]


def _names(archive: Archive, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(
        archive.db.execute(
            f"SELECT id, name FROM people WHERE id IN ({marks})", list(ids)
        ).fetchall()
    )


def _clean_resolutions(
    rows: Sequence[Mapping[str, Any]],
) -> tuple[list[dict[str, Any]], list[Problem]]:
    cleaned, problems = [], []
    for index, row in enumerate(rows, start=1):
        content = str(row.get("content") or "").strip()
        if not content:
            continue
        try:
            deadline = parse_value(_DEADLINE, row.get("deadline"))
        except InvalidValue as exc:
            problems.append(Problem("resolutions", f"第{index}条决议的完成时限", exc.message()))
            continue
        owner = str(row.get("owner") or "").strip() or None
        cleaned.append(
            {"content": content, "owner": owner, "deadline": deadline, "sort_order": index}
        )
    return cleaned, problems


def save_meeting(
    archive: Archive,
    register: Register,
    raw: Mapping[str, object],
    attendance: Sequence[Attendance],
    resolutions: Sequence[Mapping[str, Any]] = (),
    meeting_id: int | None = None,
    today: date | None = None,
) -> int:
    """Add or update a meeting with its attendance and resolutions, all or nothing."""
    cleaned_resolutions, problems = _clean_resolutions(resolutions)
    problems += attendance_problems(archive, attendance)
    cleaned = records.validate(register, raw, today)
    if cleaned.values.get("meeting_date"):
        problems += _not_members_that_day(
            archive, attendance, date.fromisoformat(cleaned.values["meeting_date"])
        )
    if problems or not cleaned.ok:
        raise ValidationFailed(cleaned.errors + problems)
    present = [
        {"person_id": a.person_id, "status": a.status, "reason": a.reason.strip() or None}
        for a in attendance
    ]
    return records.save_with_children(
        archive,
        register,
        raw,
        meeting_id,
        {
            "meeting_attendance": ("meeting_id", present),
            "resolutions": ("meeting_id", cleaned_resolutions),
        },
        today,
    )


def attendance_of(archive: Archive, meeting_id: int) -> dict[int, Attendance]:
    rows = archive.db.execute(
        "SELECT person_id, status, coalesce(reason, '') FROM meeting_attendance WHERE meeting_id = ?",
        [meeting_id],
    ).fetchall()
    return {row[0]: Attendance(row[0], row[1], row[2]) for row in rows}


def resolutions_of(archive: Archive, meeting_id: int) -> list[dict[str, Any]]:
    return list(
        archive.db.query(
            "SELECT content, owner, deadline FROM resolutions WHERE meeting_id = ? ORDER BY sort_order, id",
            [meeting_id],
        )
    )


def roster_for_attendance(
    archive: Archive, on: date, keep: Sequence[int] = ()
) -> list[dict[str, Any]]:
    """Members here in normal standing on ``on`` (停止党籍 members are not expected), plus
    anyone already recorded, for the attendance picker and 应到."""
    day = on.isoformat()
    extra = ",".join(str(int(i)) for i in keep) or "NULL"
    return list(
        archive.db.query(
            "SELECT id, name, member_category, unit FROM people WHERE "
            f"({counted_on_clause()}) OR id IN ({extra}) "
            "ORDER BY unit IS NULL, unit, id",
            [day] * 4,
        )
    )


def suggested_vote_counts(
    archive: Archive, attendance: Sequence[Attendance], on: date
) -> tuple[int, int]:
    """(应到会有表决权, 实到会有表决权) on the meeting day: full members here in normal standing
    only (预备党员 and members whose 党籍 is stopped have no vote)."""
    ids = [a.person_id for a in attendance if a.status != "列席"]
    if not ids:
        return 0, 0
    marks = ",".join("?" * len(ids))
    day = on.isoformat()
    full = {
        r[0]
        for r in archive.db.execute(
            f"SELECT id FROM people WHERE id IN ({marks}) AND (converted_on <= ? OR "
            f"(converted_on IS NULL AND member_category = '正式党员')) AND {counted_on_clause()}",
            [*ids, day, *[day] * 4],
        )
    }
    present = sum(1 for a in attendance if a.person_id in full and a.status == "出席")
    return len(full), present


def _in_chunks(ids: Sequence[int], size: int = 500) -> list[str]:
    return [",".join(str(int(i)) for i in ids[n : n + size]) for n in range(0, len(ids), size)]


def attendance_by_meeting(
    archive: Archive, meeting_ids: Sequence[int]
) -> dict[int, list[tuple[str, str, str]]]:
    """Each meeting's attendance as (status, name, reason), in roster order — for printing."""
    found: dict[int, list[tuple[str, str, str]]] = {}
    people: dict[int, tuple[tuple[bool, str, int], str]] = {}  # id → (roster order, name)
    for chunk in _in_chunks(meeting_ids):
        rows = archive.db.execute(
            "SELECT a.meeting_id, a.person_id, a.status, coalesce(a.reason, '') "
            f"FROM meeting_attendance a WHERE a.meeting_id IN ({chunk})"
        ).fetchall()
        wanted = {row[1] for row in rows} - people.keys()
        for ids in _in_chunks(sorted(wanted)):
            for person_id, unit, name in archive.db.execute(
                f"SELECT id, unit, name FROM people WHERE id IN ({ids})"
            ):
                people[person_id] = ((unit is None, unit or "", person_id), name)
        rows.sort(key=lambda row: (row[0], people[row[1]][0]))  # meeting, then roster order
        for meeting_id, person_id, status, reason in rows:
            found.setdefault(meeting_id, []).append((status, people[person_id][1], reason))
    return found


def resolutions_by_meeting(
    archive: Archive, meeting_ids: Sequence[int]
) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    for chunk in _in_chunks(meeting_ids):
        rows = archive.db.query(
            "SELECT meeting_id, content, owner, deadline FROM resolutions "
            f"WHERE meeting_id IN ({chunk}) ORDER BY meeting_id, sort_order, id"
        )
        for row in rows:
            found.setdefault(row["meeting_id"], []).append(row)
    return found


def meeting_label(row: Mapping[str, Any]) -> str:
    """How a meeting is named in 关联会议或活动 (materials and photos are linked by this text)."""
    return f"{row['meeting_date']} {row['kind']}：{str(row['topic'])[:30]}"


def files_by_meeting_label(archive: Archive) -> dict[str, list[str]]:
    """Materials and photos filed against a meeting, by the meeting's label."""
    found: dict[str, list[str]] = {}
    rows = archive.db.execute(
        "SELECT related_meeting, book, title FROM files "
        "WHERE deleted_at IS NULL AND related_meeting IS NOT NULL ORDER BY file_date, id"
    )
    for label, book, title in rows:
        kind = "照片" if book == "photo_album" else "资料"
        found.setdefault(label, []).append(f"{kind}：{title}")
    return found
