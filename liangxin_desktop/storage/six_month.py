"""Applying the six-month rule to the archive: attendance records, dues owed and paid, excused months."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from liangxin_desktop.domain.dues_months import monthly_schedule
from liangxin_desktop.domain.months import last_complete_month, month_range, shift_month
from liangxin_desktop.domain.six_month import Flag, attendance_run, dues_run
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, membership
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.dues import assessments_of

LOOK_BACK_MONTHS = 24


@dataclass(frozen=True)
class MemberFlag:
    person_id: int
    name: str
    unit: str
    flag: Flag


def months_expected_here(
    archive: Archive, first: str, last: str
) -> dict[int, tuple[str, str, list[str]]]:
    """Who counts here for the six-month rule, and in which months of ``first``–``last``.

    person id → (name, 党小组, months oldest first). The one place that says which months a
    member is expected at organizational life here: current members, the months of their
    membership periods here with 停止党籍 left out (``storage.membership.counted_months``). A member
    whose 党籍 is stopped now is not flagged: the rule is for members in normal standing (党章 Art. 9).
    """
    counted = membership.counted_months(archive, first, last)
    found = {}
    for person_id, name, unit in archive.db.execute(
        "SELECT id, name, coalesce(unit, '') FROM people WHERE stage = 'member'"
    ):
        months = counted.get(person_id, [])
        if (
            months and months[-1] == last
        ):  # in normal standing now: not a member whose 党籍 is stopped
            found[person_id] = (name, unit, months)
    return found


def _months_with(archive: Archive, sql: str, params: list[object]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for person_id, month in archive.db.execute(sql, params):
        found[person_id].add(month)
    return found


def _attendance(archive: Archive, since: str, last: str) -> dict[str, dict[int, set[str]]]:
    """Months per member with each attendance status (出席 and 列席 both count as attended)."""
    sql = (
        "SELECT a.person_id, substr(m.meeting_date, 1, 7) FROM meeting_attendance a JOIN meetings m "
        "ON m.id = a.meeting_id WHERE m.deleted_at IS NULL AND substr(m.meeting_date, 1, 7) "
        "BETWEEN ? AND ? AND a.status IN "
    )
    return {
        what: _months_with(archive, sql + statuses, [since, last])
        for what, statuses in (
            ("attended", "('出席', '列席')"),
            ("missed", "('缺席')"),
            ("leave", "('请假')"),
        )
    }


def _owed(archive: Archive, months: list[str]) -> dict[int, dict[str, int | None]]:
    """Member → month → the 核定 amount (None: 未核定), over ``months``."""
    years = sorted({int(m[:4]) for m in months})
    by_year = {year: assessments_of(archive, year) for year in years}
    owed: dict[int, dict[str, int | None]] = defaultdict(dict)
    for year, assessed in by_year.items():
        in_year = [m for m in months if m.startswith(str(year))]
        for person_id, assessments in assessed.items():
            owed[person_id].update(monthly_schedule(assessments, in_year))
    return owed


def member_flags(archive: Archive, today: date) -> list[MemberFlag]:
    """Every current member with a run of at least 3 months, worst first."""
    last = last_complete_month(today)
    since = shift_month(last, 1 - LOOK_BACK_MONTHS)
    seen = _attendance(archive, since, last)
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
    owed = _owed(archive, month_range(since, last))
    owed_here = membership.counted_months(archive, since, last, for_dues=True)
    flags = []
    for person_id, (name, unit, months) in months_expected_here(archive, since, last).items():
        attended, missed = seen["attended"][person_id], seen["missed"][person_id]
        on_leave_only = seen["leave"][person_id] - attended - missed  # a good reason, given
        here = set(owed_here.get(person_id, []))  # less months the 介绍信 says were paid elsewhere
        schedule = {m: owed[person_id].get(m) if m in here else 0 for m in months}
        flag = Flag(
            attendance_run(
                months,
                attended,
                missed,
                attended | missed | seen["leave"][person_id],
                excused["attendance"][person_id] | on_leave_only,
            ),
            dues_run(months, schedule, paid[person_id], excused["dues"][person_id]),
        )
        if flag.level:
            flags.append(MemberFlag(person_id, name, unit, flag))
    return sorted(flags, key=lambda f: -f.flag.worst_months)


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
