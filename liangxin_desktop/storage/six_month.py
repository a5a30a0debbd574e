"""Applying the six-month rule to the archive: attendance records, dues payments, excused months."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.six_month import Flag, missed_run
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, membership
from liangxin_desktop.storage.archive import Archive

LOOK_BACK_MONTHS = 24


@dataclass(frozen=True)
class MemberFlag:
    person_id: int
    name: str
    unit: str
    flag: Flag


def _months_with(archive: Archive, sql: str, params: list[object]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for person_id, month in archive.db.execute(sql, params):
        found[person_id].add(month)
    return found


def member_flags(archive: Archive, today: date | None = None) -> list[MemberFlag]:
    """Every current member with a run of at least 3 months, worst first."""
    today = today or date.today()
    last = dates.add_months(today.replace(day=1), -1).isoformat()[:7]  # the last complete month
    since = dates.add_months(today.replace(day=1), -LOOK_BACK_MONTHS).isoformat()[:7]
    meeting_month = "substr(m.meeting_date, 1, 7)"
    base = (
        "FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.deleted_at IS NULL "
        f"AND {meeting_month} BETWEEN ? AND ?"
    )
    attended = _months_with(
        archive,
        f"SELECT a.person_id, {meeting_month} {base} AND a.status IN ('出席', '列席')",
        [since, last],
    )
    absent = _months_with(
        archive, f"SELECT a.person_id, {meeting_month} {base} AND a.status = '缺席'", [since, last]
    )
    paid = _months_with(
        archive,
        "SELECT person_id, month FROM dues_payments WHERE month BETWEEN ? AND ?",
        [since, last],
    )
    excused = {
        what: _months_with(
            archive, "SELECT person_id, month FROM excused_months WHERE what = ?", [what]
        )
        for what in ("attendance", "dues")
    }
    assessed = _months_with(
        archive, "SELECT person_id, CAST(year AS TEXT) FROM dues_assessments", []
    )
    counted = membership.counted_months(archive, since, last)  # periods here, 停止党籍 left out
    owed_here = membership.counted_months(archive, since, last, for_dues=True)
    flags = []
    for person_id, name, unit in archive.db.execute(
        "SELECT id, name, coalesce(unit, '') FROM people WHERE stage = 'member'"
    ):
        months = list(reversed(counted.get(person_id, [])))  # newest first
        attendance = missed_run(
            months,
            attended[person_id] | excused["attendance"][person_id],
            absent[person_id] - excused["attendance"][person_id],
        )
        here = set(owed_here.get(person_id, []))
        assessed_months = {m for m in months if m[:4] in assessed[person_id] and m in here}
        owed = assessed_months - paid[person_id] - excused["dues"][person_id]
        dues_run = missed_run(months, paid[person_id] | excused["dues"][person_id], owed)
        flag = Flag(attendance, dues_run)
        if flag.level:
            flags.append(MemberFlag(person_id, name, unit, flag))
    return sorted(flags, key=lambda f: -max(f.flag.attendance_months, f.flag.dues_months))


def excuse(archive: Archive, person_id: int, month: str, what: str, reason: str) -> None:
    """Mark a month as having a good reason (illness, approved absence)."""
    if what not in ("attendance", "dues"):
        raise ValueError(what)
    if not reason.strip():
        raise InvalidValue("请填写正当理由（例如：病假、经批准外出）。")
    with archive.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO excused_months (person_id, month, what, reason, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [person_id, month, what, reason.strip(), audit.now_text()],
        )
        audit.record(db, "标记正当理由月份", "excused_months", person_id, [what])
