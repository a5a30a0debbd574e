"""Plain and meeting books: records, the recycle bin, attendance counts and the voting rules."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import member

from liangxin_desktop.catalog import get_register
from liangxin_desktop.catalog.meetings import vote_result
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.errors import ValidationFailed
from liangxin_desktop.storage import meetings, people, queries, records

TODAY = date(2026, 11, 28)
DEEDS = get_register("good_deeds")
INCOMING = get_register("incoming_documents")
OUTGOING = get_register("outgoing_documents")
COMMITTEE = get_register("committee_meetings")
ORG_LIFE = get_register("org_life")


def _deed(**overrides):
    values = {"deed_date": "2026-03-05", "person": "张三", "deed": "帮助孤寡老人打扫卫生"}
    values.update(overrides)
    return values


def test_records_are_added_edited_deleted_and_restored(archive) -> None:
    deed_id = records.add_record(archive, DEEDS, _deed(), TODAY)
    assert records.update_record(archive, DEEDS, deed_id, _deed(beneficiary="社区老人"), TODAY) == [
        "beneficiary"
    ]
    records.delete_record(archive, DEEDS, deed_id)
    assert queries.list_ids(archive, DEEDS) == []
    [entry] = records.recycle_bin(archive)
    assert entry.register is DEEDS and "张三" in entry.summary
    records.restore_record(archive, DEEDS, deed_id)
    assert queries.list_ids(archive, DEEDS) == [deed_id]
    assert records.recycle_bin(archive) == []


def test_bad_record_is_refused_naming_the_field(archive) -> None:
    with pytest.raises(ValidationFailed, match="主要事迹：必须填写"):
        records.add_record(archive, DEEDS, _deed(deed=""), TODAY)
    with pytest.raises(ValidationFailed, match="日期：不能晚于今天"):
        records.add_record(archive, DEEDS, _deed(deed_date="2027-01-01"), TODAY)
    assert archive.db.execute("SELECT count(*) FROM good_deeds").fetchone()[0] == 0


def test_incoming_and_outgoing_documents_are_separate_books(archive) -> None:
    doc = {"doc_date": "2026-02-01", "title": "关于做好党费收缴工作的通知", "copies": "3"}
    in_id = records.add_record(archive, INCOMING, doc, TODAY)
    out_id = records.add_record(archive, OUTGOING, dict(doc, title="关于表扬优秀党员的决定"), TODAY)
    assert queries.list_ids(archive, INCOMING) == [in_id]
    assert queries.list_ids(archive, OUTGOING) == [out_id]
    assert records.get_record(archive, INCOMING, in_id)["copies"] == 3
    assert queries.list_ids(archive, INCOMING, queries.RowFilter(year=2025)) == []
    assert queries.list_ids(archive, INCOMING, queries.RowFilter(year=2026, search="党费")) == [
        in_id
    ]


def _members(archive, count: int) -> list[int]:
    ids = []
    for index in range(count):
        probationary = index == count - 1
        ids.append(
            people.add_member(
                archive,
                member(
                    name=f"党员{index}",
                    id_number=fictional_id_number("330106", date(1980, 1, 1), index),
                    joined_on="2025-07-01" if probationary else "2005-07-01",
                    converted_on=None if probationary else "2006-07-01",
                    member_category="预备党员" if probationary else "正式党员",
                ),
                today=TODAY,
            )
        )
    return ids


def _meeting(**overrides):
    values = {
        "meeting_date": "2026-10-08",
        "kind": "支委会",
        "topic": "研究发展党员工作",
        "host": "党员0",
    }
    values.update(overrides)
    return values


def test_meeting_attendance_gives_expected_and_present(archive) -> None:
    ids = _members(archive, 5)
    attendance = [
        meetings.Attendance(ids[0], "出席"),
        meetings.Attendance(ids[1], "出席"),
        meetings.Attendance(ids[2], "请假", "出差"),
        meetings.Attendance(ids[3], "缺席"),
        meetings.Attendance(ids[4], "列席"),
    ]
    resolutions = [{"content": "确定两名入党积极分子", "owner": "党员0", "deadline": "2026-12-31"}]
    meeting_id = meetings.save_meeting(
        archive, COMMITTEE, _meeting(), attendance, resolutions, today=TODAY
    )
    row = records.get_record(archive, COMMITTEE, meeting_id)
    assert (row["expected"], row["present"], row["book"]) == (4, 2, "committee_meetings")
    assert meetings.attendance_of(archive, meeting_id)[ids[2]].reason == "出差"
    assert meetings.resolutions_of(archive, meeting_id)[0]["deadline"] == "2026-12-31"
    assert queries.list_ids(archive, ORG_LIFE) == []  # each book shows only its own meetings


def test_leave_without_reason_is_refused_and_nothing_saved(archive) -> None:
    ids = _members(archive, 2)
    with pytest.raises(ValidationFailed, match="党员1请假，请填写请假原因"):
        meetings.save_meeting(
            archive,
            COMMITTEE,
            _meeting(),
            [meetings.Attendance(ids[0], "出席"), meetings.Attendance(ids[1], "请假")],
            today=TODAY,
        )
    assert archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0
    assert archive.db.execute("SELECT count(*) FROM meeting_attendance").fetchone()[0] == 0


def test_probationary_members_have_no_vote(archive) -> None:
    ids = _members(archive, 4)  # three full members, one probationary
    attendance = [meetings.Attendance(i, "出席") for i in ids]
    assert meetings.suggested_vote_counts(archive, attendance, date(2026, 10, 8)) == (3, 3)


@pytest.mark.parametrize(
    ("votes", "result"),
    [
        ({"vote_eligible": 10, "vote_present": 6, "vote_yes": 6}, "通过"),
        (
            {"vote_eligible": 10, "vote_present": 6, "vote_yes": 5},
            "未通过",
        ),  # yes must exceed half of all entitled
        ({"vote_eligible": 10, "vote_present": 5, "vote_yes": 5}, "无效（到会不足半数）"),
    ],
)
def test_vote_rules(votes, result) -> None:
    assert vote_result(dict(votes, vote_held=1)) == result


def test_vote_counts_must_add_up(archive) -> None:
    with pytest.raises(ValidationFailed, match="合计 7 票，多于实到会有表决权的 6 人"):
        meetings.save_meeting(
            archive,
            COMMITTEE,
            _meeting(
                vote_held=True,
                vote_eligible=8,
                vote_present=6,
                vote_yes=5,
                vote_no=1,
                vote_abstain=1,
            ),
            [],
            today=TODAY,
        )


def test_people_cannot_be_deleted() -> None:
    assert not get_register("members").deletable


def test_attendance_matrix_is_derived_from_the_meetings(archive) -> None:
    from liangxin_desktop.output.attendance_table import matrix_rows
    from liangxin_desktop.storage.attendance import attendance_matrix

    ids = _members(archive, 3)
    first = meetings.save_meeting(
        archive,
        COMMITTEE,
        _meeting(meeting_date="2026-03-08"),
        [
            meetings.Attendance(ids[0], "出席"),
            meetings.Attendance(ids[1], "请假", "病假"),
            meetings.Attendance(ids[2], "出席"),
        ],
        today=TODAY,
    )
    second = meetings.save_meeting(
        archive,
        ORG_LIFE,
        _meeting(meeting_date="2026-04-20", kind="主题党日"),
        [
            meetings.Attendance(ids[0], "出席"),
            meetings.Attendance(ids[1], "缺席"),
            meetings.Attendance(ids[2], "列席"),
        ],
        today=TODAY,
    )
    meetings.save_meeting(
        archive,
        ORG_LIFE,
        _meeting(meeting_date="2025-12-20", kind="党课"),
        [meetings.Attendance(ids[0], "缺席")],
        today=TODAY,
    )  # another year
    matrix = attendance_matrix(archive, 2026)
    assert [m["id"] for m in matrix.meetings] == [first, second]
    by_name = {line.name: line for line in matrix.members}
    assert (by_name["党员0"].expected, by_name["党员0"].present, by_name["党员0"].rate) == (
        2,
        2,
        "100%",
    )
    assert (by_name["党员1"].expected, by_name["党员1"].present, by_name["党员1"].rate) == (
        2,
        0,
        "0%",
    )
    assert (by_name["党员2"].expected, by_name["党员2"].present) == (1, 1)  # 列席 is not expected
    assert matrix.meeting_counts(first) == (3, 2) and matrix.meeting_counts(second) == (2, 1)
    rows = matrix_rows(matrix)
    assert [rows[1][f"m{first}"], rows[1][f"m{second}"]] == ["假", "×"]
    assert rows[-1]["name"] == "合计" and rows[-1][f"m{first}"] == "2/3"
    only_party_day = attendance_matrix(archive, 2026, kinds=("主题党日",))
    assert [m["id"] for m in only_party_day.meetings] == [second]
    records.delete_record(archive, COMMITTEE, first)  # a deleted meeting leaves the matrix
    assert [m["id"] for m in attendance_matrix(archive, 2026).meetings] == [second]


def test_only_members_of_that_day_can_be_recorded(archive) -> None:
    ids = _members(archive, 2)
    newcomer = people.add_member(
        archive,
        member(
            name="新党员",
            id_number=fictional_id_number("330106", date(1990, 1, 1), 5),
            joined_on="2026-06-01",
            converted_on=None,
            member_category="预备党员",
        ),
        today=TODAY,
    )
    with pytest.raises(ValidationFailed, match="新党员在会议当天不在党员名册中"):
        meetings.save_meeting(
            archive,
            COMMITTEE,
            _meeting(meeting_date="2026-03-08"),
            [meetings.Attendance(ids[0], "出席"), meetings.Attendance(newcomer, "出席")],
            today=TODAY,
        )
    assert [p["id"] for p in meetings.roster_for_attendance(archive, date(2026, 3, 8))] == ids
