"""The six-month rule on crafted data: runs of absence and of unpaid dues, excused months."""

from __future__ import annotations

from datetime import date

from helpers import add_members, member

from liangxin_desktop.catalog import get_register
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.domain.six_month import Flag, Run, attendance_run, dues_run
from liangxin_desktop.storage import dues, meetings, people, six_month

TODAY = date(2026, 11, 28)  # October is the last complete month
ORG_LIFE = get_register("org_life")


def test_a_run_counts_calendar_months_from_the_first_missed_meeting() -> None:
    """Absent at the 支部大会 of Jan, Apr, Jul and Oct and nothing else: Jan–Oct = 10 months,
    of which the 6 months without any meeting for the member flag the branch."""
    months = [f"2026-{m:02d}" for m in range(1, 11)]  # Oct is the last complete month on 11-15
    quarterly = {"2026-01", "2026-04", "2026-07", "2026-10"}
    run = attendance_run(months, attended=set(), missed=quarterly, expected=quarterly)
    assert run == Run(
        10, "2026-01", ("2026-02", "2026-03", "2026-05", "2026-06", "2026-08", "2026-09")
    )
    assert Flag(run).level == "已满6个月"


def test_attending_ends_the_run_and_excused_months_pause_it() -> None:
    months = [f"2026-{m:02d}" for m in range(1, 11)]
    # attended in May; missed Jun and Sep; Jul–Aug with nothing held: Jun–Oct = 5 months.
    assert (
        attendance_run(
            months, {"2026-05"}, {"2026-06", "2026-09"}, {"2026-05", "2026-06", "2026-09"}
        ).months
        == 5
    )
    # the same with August excused: Jun, Jul, Sep, Oct = 4 (August neither counts nor ends it)
    run = attendance_run(months, {"2026-05"}, {"2026-06", "2026-09"}, set(), excused={"2026-08"})
    assert run.months == 4 and run.since == "2026-06"
    # nothing missed since the last attendance: no run, however quiet the branch was
    assert attendance_run(months, {"2026-02"}, set(), {"2026-02"}) == Run()
    assert Flag(Run(2), Run(3)).level == "已满3个月" and Flag(Run(2), Run(2)).level == ""


def test_dues_run_counts_unassessed_months_and_not_waived_ones() -> None:
    months = [f"2026-{m:02d}" for m in range(1, 11)]
    owed: dict[str, int | None] = dict.fromkeys(months, 4500)
    owed.update({"2026-01": None, "2026-02": None})  # 未核定 until March
    # paid nothing at all: Jan–Oct = 10, two of them 未核定
    assert dues_run(months, owed, paid=set()) == Run(10, "2026-01", ("2026-01", "2026-02"))
    # paid through June: Jul–Oct = 4
    assert dues_run(months, owed, paid={f"2026-{m:02d}" for m in range(1, 7)}).months == 4
    # waived (0) from July on: nothing owed, no run
    owed.update(dict.fromkeys(months[6:], 0))
    assert dues_run(months, owed, paid={f"2026-{m:02d}" for m in range(1, 7)}) == Run()


def _setup(archive) -> tuple[int, int]:
    """甲 attends and pays; 乙 is absent from May and pays only May to July."""
    ids = add_members(archive, ["甲", "乙"], today=TODAY)
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
    assert flags["乙"].attendance_months == 6  # absent May–Oct
    assert flags["乙"].dues_months == 3  # unpaid Aug–Oct
    assert flags["乙"].level == "已满6个月"


def test_excused_months_do_not_count(archive) -> None:
    _good, bad = _setup(archive)
    six_month.excuse(archive, bad, "2026-07", "attendance", "病假")
    flags = {f.name: f.flag for f in six_month.member_flags(archive, TODAY)}
    assert flags["乙"].attendance_months == 5  # May, Jun, Aug–Oct: July excused pauses the run


def test_quarterly_absence_is_an_alert_on_the_archive(archive) -> None:
    """丙 attended in December 2025, then was absent at the 支部大会 of Jan, Apr, Jul and Oct
    2026 and expected at nothing else: on 2026-11-15 that is Jan–Oct, 10 months (not "4")."""
    person = people.add_member(
        archive,
        member(
            name="丙",
            id_number=fictional_id_number("330106", date(1980, 1, 1), 7),
            joined_on="2005-07-01",
            converted_on="2006-07-01",
        ),
        today=TODAY,
    )
    meetings_book = get_register("committee_meetings")
    for day, status in (
        ("2025-12-15", "出席"),
        *((f"2026-{m:02d}-15", "缺席") for m in (1, 4, 7, 10)),
    ):
        meetings.save_meeting(
            archive,
            meetings_book,
            {"meeting_date": day, "kind": "支部党员大会", "topic": "支部党员大会"},
            [meetings.Attendance(person, status)],
            today=TODAY,
        )
    [flag] = [f for f in six_month.member_flags(archive, date(2026, 11, 15)) if f.name == "丙"]
    assert flag.flag.attendance.months == 10 and flag.flag.attendance.since == "2026-01"
    assert len(flag.flag.attendance.quiet_months) == 6 and flag.flag.level == "已满6个月"
