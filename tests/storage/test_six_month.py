"""The six-month rule on crafted data: runs of absence and of unpaid dues, excused months."""

from __future__ import annotations

from datetime import date

from helpers import member

from liangxin_desktop.catalog import get_register
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.domain.six_month import Flag, missed_run, previous_months
from liangxin_desktop.storage import dues, meetings, people, six_month

TODAY = date(2026, 11, 28)  # October is the last complete month
ORG_LIFE = get_register("org_life")


def test_runs_skip_neutral_months_and_stop_at_a_good_one() -> None:
    months = previous_months("2026-10", "2026-01")
    assert months[:3] == ["2026-10", "2026-09", "2026-08"] and months[-1] == "2026-01"
    assert (
        missed_run(months, good={"2026-05"}, missed={"2026-10", "2026-08", "2026-07", "2026-04"})
        == 3
    )
    assert (
        Flag(6, 0).level == "已满6个月"
        and Flag(2, 3).level == "已满3个月"
        and Flag(2, 2).level == ""
    )


def _setup(archive) -> tuple[int, int]:
    """甲 attends and pays; 乙 is absent from May and pays only May to July."""
    ids = [
        people.add_member(
            archive,
            member(
                name=name,
                id_number=fictional_id_number("330106", date(1980, 1, 1), index),
                joined_on="2005-07-01",
                converted_on="2006-07-01",
            ),
            today=TODAY,
        )
        for index, name in enumerate(("甲", "乙"))
    ]
    for month in range(1, 11):  # a theme day every month; 乙 is absent from May on
        status = "缺席" if month >= 5 else "出席"
        meetings.save_meeting(
            archive,
            ORG_LIFE,
            {"meeting_date": f"2026-{month:02d}-20", "kind": "主题党日", "topic": "主题党日"},
            [meetings.Attendance(ids[0], "出席"), meetings.Attendance(ids[1], status)],
            today=TODAY,
        )
    for person_id in ids:
        dues.assess(archive, person_id, 2026, "在职", 450000)
    dues.record_payments(
        archive, [ids[0]], [f"2026-{m:02d}" for m in range(5, 11)], date(2026, 10, 30), today=TODAY
    )
    dues.record_payments(
        archive, [ids[1]], [f"2026-{m:02d}" for m in range(5, 8)], date(2026, 7, 30), today=TODAY
    )
    return ids[0], ids[1]


def test_flags_on_crafted_data(archive) -> None:
    _setup(archive)
    flags = {f.name: f.flag for f in six_month.member_flags(archive, TODAY)}
    assert "甲" not in flags
    assert flags["乙"] == Flag(attendance_months=6, dues_months=3)  # absent May–Oct; unpaid Aug–Oct
    assert flags["乙"].level == "已满6个月"


def test_excused_months_do_not_count(archive) -> None:
    _good, bad = _setup(archive)
    six_month.excuse(archive, bad, "2026-07", "attendance", "病假")
    flags = {f.name: f.flag for f in six_month.member_flags(archive, TODAY)}
    assert flags["乙"].attendance_months == 3  # Aug–Oct; July excused breaks the run
