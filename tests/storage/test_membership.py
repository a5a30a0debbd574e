"""Membership periods and 党籍 in the archive: the checks the clerk relies on (hand-built cases)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers import VALID_ID, member
from sqlite_utils import Database

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import dues, meetings, membership, people, queries
from liangxin_desktop.storage.archive import APPLICATION_ID, open_archive
from liangxin_desktop.storage.migrations import MIGRATED_PERIOD_NOTE, migrations
from liangxin_desktop.storage.six_month import member_flags

TODAY = date(2026, 11, 28)
OTHER_ID = "440524188001010014"


def _roster_on(archive, day: date) -> list[int]:
    return queries.list_ids(archive, MEMBERS, queries.RowFilter(as_of=day))


def _transferred_in_may_2024(archive) -> int:
    return people.add_member(
        archive,
        member(joined_on="2010-07-01", converted_on="2011-07-01", transferred_in_on="2024-05-01",
               from_org="中共某某大学委员会"),
        today=TODAY,
    )  # fmt: skip


def test_a_member_transferred_in_in_may_2024(archive) -> None:
    person_id = _transferred_in_may_2024(archive)
    assert _roster_on(archive, date(2024, 4, 30)) == []
    assert _roster_on(archive, date(2024, 5, 1)) == [person_id]
    dues.assess(archive, person_id, 2024, "在职", 400000)
    (line,) = dues.dues_grid(archive, 2024)
    assert line.unpaid_months("2024-12")[0] == "2024-05"
    assert line.due_fen("2024-12") == 8 * 4000
    assert [p["id"] for p in meetings.roster_for_attendance(archive, date(2024, 3, 15))] == []
    assert [p["id"] for p in meetings.roster_for_attendance(archive, date(2024, 5, 15))] == [
        person_id
    ]
    with pytest.raises(InvalidValue, match="不在本组织交纳党费"):
        dues.record_payments(archive, [person_id], ["2024-04"], date(2024, 5, 20), today=TODAY)
    row = people.get_person(archive, person_id)
    assert row["transferred_in_on"] == "2024-05-01" and row["from_org"] == "中共某某大学委员会"


def test_a_stopped_member_stays_on_the_roster_but_is_not_expected_and_owes_nothing(
    archive,
) -> None:
    stopped = people.add_member(archive, member(), today=TODAY)
    other = people.add_member(archive, member(name="李强", id_number=OTHER_ID,
                              joined_on="1950-07-01", converted_on="1951-07-01"), today=TODAY)  # fmt: skip
    membership.suspend(archive, stopped, date(2025, 12, 10), "失联满6个月", "本支部委员会",
                       today=TODAY)  # fmt: skip
    assert sorted(queries.list_ids(archive, MEMBERS)) == sorted([stopped, other])
    day = date(2026, 3, 15)
    assert [p["id"] for p in meetings.roster_for_attendance(archive, day)] == [other]
    attendance = [meetings.Attendance(stopped, "缺席"), meetings.Attendance(other, "出席")]
    assert meetings.suggested_vote_counts(archive, attendance, day) == (1, 1)
    for person_id in (stopped, other):
        dues.assess(archive, person_id, 2026, "在职", 400000)
    owed = {line.person_id: line.unpaid_months("2026-10") for line in dues.dues_grid(archive, 2026)}
    assert owed[stopped] == [] and len(owed[other]) == 10  # in the book, owing no month
    assert stopped not in {f.person_id for f in member_flags(archive, TODAY)}
    assert people.member_counts(archive)["suspended"] == 1
    membership.restore(archive, stopped, date(2026, 9, 1), "本支部委员会", today=TODAY)
    line = {line.person_id: line for line in dues.dues_grid(archive, 2026)}[stopped]
    assert line.unpaid_months("2026-10") == ["2026-09", "2026-10"]


def test_out_and_back_is_one_person_with_two_periods(archive) -> None:
    person_id = people.add_member(archive, member(), today=TODAY)
    people.record_leave(archive, person_id, "转出", date(2024, 3, 10), "中共某某委员会",
                        today=TODAY)  # fmt: skip
    assert people.get_person(archive, person_id)["stage"] == "left"
    with pytest.raises(Exception, match="再次转入"):
        people.add_member(archive, member(), today=TODAY)
    membership.transfer_in(archive, person_id, date(2025, 6, 1), "中共某某委员会",
                           letter_no="2025-017", today=TODAY)  # fmt: skip
    assert archive.db.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    assert len(membership.periods_of(archive, person_id)) == 2
    assert people.get_person(archive, person_id)["stage"] == "member"
    assert _roster_on(archive, date(2024, 12, 31)) == []
    assert _roster_on(archive, date(2025, 6, 1)) == [person_id]
    owed = membership.counted_months(archive, "2024-01", "2025-08", for_dues=True)
    assert owed[person_id] == ["2024-01", "2024-02", "2024-03", "2025-06", "2025-07", "2025-08"]
    with pytest.raises(InvalidValue, match="仍在本组织"):
        membership.transfer_in(archive, person_id, date(2026, 1, 1), "某组织", today=TODAY)


def test_a_transfer_out_records_the_letter_and_its_receipt(archive) -> None:
    person_id = people.add_member(archive, member(), today=TODAY)
    period_id = people.record_leave(
        archive, person_id, "转出", date(2026, 9, 1), "中共某某委员会", today=TODAY,
        out_letter_no="2026-003", letter_valid_until="2026-10-01", out_dues_paid_until="2026-09",
    )  # fmt: skip
    assert [r["person_id"] for r in membership.receipts_missing(archive, TODAY)] == [person_id]
    membership.record_receipt(archive, period_id, date(2026, 10, 8), TODAY)
    assert membership.receipts_missing(archive, TODAY) == []
    with pytest.raises(InvalidValue, match="最长3个月"):
        other = people.add_member(archive, member(name="李强", id_number=OTHER_ID,
                                  joined_on="1950-07-01", converted_on="1951-07-01"), today=TODAY)  # fmt: skip
        people.record_leave(archive, other, "转出", date(2026, 9, 1), "某组织", today=TODAY,
                            letter_valid_until="2026-12-31")  # fmt: skip


def test_expulsion_needs_its_form_and_deciding_body(archive) -> None:
    person_id = people.add_member(archive, member(), today=TODAY)
    with pytest.raises(InvalidValue, match="出党的情形"):
        people.record_leave(archive, person_id, "出党", date(2026, 1, 5), today=TODAY)
    people.record_leave(archive, person_id, "出党", date(2026, 1, 5), today=TODAY,
                        end_detail="除名", decided_by="中共某某综合委员会")  # fmt: skip
    (period,) = membership.periods_of(archive, person_id)
    assert (period["end_kind"], period["end_detail"]) == ("出党", "除名")


def test_an_archive_of_the_previous_version_migrates_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "old.lxdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(Database(conn), stop_before="0011_membership")
    conn.execute(
        "INSERT INTO organization (id, name, founded_on, updated_at) VALUES (1, '中共某支部', '2015-07-01', 'x')"
    )
    for name, number, joined, stage, left_on, left_kind in (
        ("老党员", VALID_ID, "1975-07-01", "member", None, None),
        ("新党员", "110101199001010011", "2020-07-01", "member", None, None),
        ("转走的", OTHER_ID, "2000-07-01", "left", "2018-03-01", "转出"),
        ("停止的", "110101199001010038", "2012-07-01", "left", "2023-05-01", "停止党籍"),
    ):
        conn.execute(
            "INSERT INTO people (name, id_number, stage, member_category, joined_on, left_on, "
            "left_kind, created_at, updated_at) VALUES (?, ?, ?, '正式党员', ?, ?, ?, 'x', 'x')",
            [name, number, stage, joined, left_on, left_kind],
        )
    conn.execute(
        "INSERT INTO milestones (person_id, kind, date, detail, created_at) "
        "VALUES (3, 'transferred_out', '2018-03-01', '转往：中共某某委员会', 'x')"
    )
    conn.commit()
    conn.close()
    archive = open_archive(path)
    periods = {
        row[0]: row[1:]
        for row in archive.db.execute(
            "SELECT p.name, mp.start_on, mp.start_kind, mp.end_on, mp.end_kind, mp.to_org, mp.note "
            "FROM membership_periods mp JOIN people p ON p.id = mp.person_id"
        )
    }
    assert periods["老党员"][:4] == ("2015-07-01", "组建", None, None)
    assert periods["新党员"][:2] == ("2020-07-01", "接收")
    assert periods["转走的"][:5] == ("2015-07-01", "组建", "2018-03-01", "转出", "中共某某委员会")
    assert all(p[5] == MIGRATED_PERIOD_NOTE for p in periods.values())
    stopped = archive.db.execute(
        "SELECT stage, left_on, suspended_on FROM people WHERE name = '停止的'"
    ).fetchone()
    assert stopped == ("member", None, "2023-05-01")
    assert len(_roster_on(archive, date(2024, 1, 1))) == 3  # 停止党籍 stays on the 花名册
    assert "升级" in archive.db.execute("SELECT action FROM audit_log").fetchone()[0]
    archive.close()


def test_the_written_opinion_vote_is_saved_and_passed(archive) -> None:
    from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS, vote_result

    raw = {
        "meeting_date": "2026-06-15",
        "kind": "支部党员大会",
        "topic": "讨论接收预备党员",
        "vote_held": 1,
        "vote_eligible": 10,
        "vote_present": 6,
        "vote_written": 1,
        "vote_yes": 7,
        "vote_no": 0,
        "vote_abstain": 0,
    }
    meeting_id = meetings.save_meeting(archive, COMMITTEE_MEETINGS, raw, [], today=TODAY)
    row = archive.db.execute("SELECT * FROM meetings_view WHERE id = ?", [meeting_id])
    saved = dict(zip([d[0] for d in row.description], row.fetchone(), strict=True))
    assert saved["vote_written"] == 1 and vote_result(saved) == "通过"
