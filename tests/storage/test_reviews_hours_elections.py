"""民主评议 results, 学时 per member and 换届 elections on a real archive, counted by hand."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import add_members

from liangxin_desktop.catalog import get_register
from liangxin_desktop.domain.election import Candidate
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import elections, meetings, member_review, organization
from liangxin_desktop.storage.study_hours import yearly_study_hours

TODAY = date(2026, 12, 20)
ORG_LIFE = get_register("org_life")
TRAININGS = get_register("trainings")


def _members(archive, names: list[str]) -> list[int]:
    return add_members(archive, names, TODAY)


def test_a_review_with_one_basic_pass_is_recorded_and_shown(archive) -> None:
    ids = _members(archive, ["甲", "乙", "丙", "丁"])
    meeting = meetings.save_meeting(
        archive,
        ORG_LIFE,
        {"meeting_date": "2026-12-12", "kind": "民主评议党员", "topic": "年度民主评议党员"},
        [meetings.Attendance(pid, "出席") for pid in ids],
        today=TODAY,
    )
    results = {pid: "合格" for pid in ids} | {ids[2]: "基本合格"}
    summary = member_review.save_results(archive, meeting, results)
    assert summary.text() == "合格3人，基本合格1人" and summary.follow_up == ()
    row = archive.db.execute(
        "SELECT review_results FROM meetings_view WHERE id = ?", [meeting]
    ).fetchone()
    assert row[0] == "合格：甲、乙、丁；基本合格：丙"
    member_review.save_results(
        archive, meeting, results | {ids[3]: "不合格"}, {ids[3]: "限期三个月改正"}
    )
    [follow] = member_review.follow_ups(archive, 2026)
    assert follow["name"] == "丁" and follow["note"] == "限期三个月改正"
    other = meetings.save_meeting(
        archive,
        ORG_LIFE,
        {"meeting_date": "2026-12-01", "kind": "主题党日", "topic": "主题党日"},
        [],
        today=TODAY,
    )
    with pytest.raises(InvalidValue, match="民主评议党员"):
        member_review.save_results(archive, other, {ids[0]: "合格"})


def test_a_member_with_30_hours_is_flagged(archive) -> None:
    """甲 attends 4 + 8 + 18 = 30 学时 (< 32); 乙, the 书记, attends all four: 30 + 26 = 56."""
    first, second = _members(archive, ["甲", "乙"])
    organization.save_profile(
        archive, {"name": "中共测试支部委员会", "kind": "党支部"}, [{"name": "乙", "post": "书记"}]
    )
    for day, hours, both in (
        ("2026-03-10", 4, True),
        ("2026-05-10", 8, True),
        ("2026-09-10", 18, True),
        ("2026-10-10", 26, False),
    ):
        attendance = [meetings.Attendance(second, "出席")]
        attendance.append(meetings.Attendance(first, "出席" if both else "缺席"))
        meetings.save_meeting(
            archive,
            TRAININGS,
            {"meeting_date": day, "kind": "集中学习", "topic": "集中学习", "hours": hours},
            attendance,
            today=TODAY,
        )
    lines = {line.name: line for line in yearly_study_hours(archive, 2026)}
    assert (lines["甲"].hours, lines["甲"].target, lines["甲"].reached) == (30, 32, False)
    assert (lines["乙"].hours, lines["乙"].target, lines["乙"].reached) == (56, 56, True)


def test_an_election_sets_the_committee_and_keeps_the_history(archive) -> None:
    organization.save_profile(
        archive,
        {
            "name": "中共测试支部委员会",
            "kind": "党支部",
            "term_start": "2023-06-01",
            "term_end": "2026-06-01",
        },
        [{"name": "老书记", "post": "书记"}],
    )
    candidates = [
        Candidate("甲", "书记", 20),
        Candidate("乙", "委员", 12),
        Candidate("丙", "委员", 10),
    ]
    with pytest.raises(InvalidValue, match="五分之四"):  # 20 of 25 present is exactly 4/5
        elections.record_election(archive, date(2026, 6, 5), 25, 20, candidates, 3, TODAY)
    assert [m["name"] for m in organization.committee(archive)] == ["老书记"]
    outcome = elections.record_election(archive, date(2026, 6, 5), 25, 21, candidates, 3, TODAY)
    assert [c.name for c in outcome.elected] == ["甲", "乙"]  # 丙's 10 is not more than 21 / 2
    assert [(m["name"], m["post"]) for m in organization.committee(archive)] == [
        ("甲", "书记"),
        ("乙", "委员"),
    ]
    org = organization.get_organization(archive)
    assert (org["term_start"], org["term_end"]) == ("2026-06-05", "2029-06-05")
    new, old = elections.committee_history(archive)
    assert new.members == (("甲", "书记"), ("乙", "委员")) and new.election["present"] == 21
    assert old.members == (("老书记", "书记"),) and old.term_start == "2023-06-01"
    assert elections.term_text(new) == "2026年6月5日至2029年6月5日"
