"""Steps tied to their meetings: a 支委会 or 支部党员大会 record made with the step, its vote
checked, the meeting's decisions listed; sponsors and mentors as 正式党员 of the roster."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import add_members, member

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import membership, people, pipeline, pipeline_steps

TODAY = date(2026, 11, 28)
# The written-opinion vote of issue 11: 10 entitled, 6 present, 7 yes counting one written opinion.
PASSED = {"vote_eligible": "10", "vote_present": "6", "vote_written": "1", "vote_yes": "7"}


def _candidate(archive) -> int:
    """李明, 发展对象 since 2025-06-01, with two full members as 入党介绍人."""
    add_members(archive, ["王秀英", "赵一"], today=TODAY)
    person_id = pipeline.add_applicant(
        archive,
        {
            "name": "李明",
            "id_number": "110105200001010016",
            "applied_on": "2024-03-01",
            "sponsors": "王秀英、赵一",
        },
        TODAY,
    )
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "王秀英", TODAY)
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1), TODAY)
    return person_id


def _admit_at_new_meeting(archive, person_id: int, vote: dict) -> None:
    pipeline_steps.with_new_meeting(
        archive,
        "支部党员大会",
        date(2025, 7, 1),
        "讨论接收李明为预备党员",
        vote,
        lambda meeting_id: pipeline.admit(
            archive, person_id, date(2025, 7, 1), TODAY, meeting_id=meeting_id
        ),
    )


def _meetings(archive) -> list[dict]:
    return list(archive.db.query("SELECT * FROM meetings ORDER BY id"))


def test_admission_at_a_new_branch_meeting_carries_its_vote(archive) -> None:
    person_id = _candidate(archive)
    _admit_at_new_meeting(archive, person_id, PASSED)
    [meeting] = _meetings(archive)
    assert (meeting["book"], meeting["kind"], meeting["meeting_date"]) == (
        "committee_meetings",
        "支部党员大会",
        "2025-07-01",
    )
    assert meeting["topic"] == "讨论接收李明为预备党员"
    assert (meeting["vote_held"], meeting["vote_eligible"], meeting["vote_yes"]) == (1, 10, 7)
    assert meeting["vote_written"] == 1
    assert pipeline_steps.decisions_of(archive, meeting["id"]) == ["接收为预备党员：李明"]
    assert people.get_person(archive, person_id)["member_category"] == "预备党员"


def test_a_vote_that_did_not_pass_leaves_neither_meeting_nor_step(archive) -> None:
    person_id = _candidate(archive)
    failed = dict(PASSED, vote_yes="5")  # 5 of 10 entitled is not more than half
    with pytest.raises(InvalidValue, match="未通过"):
        _admit_at_new_meeting(archive, person_id, failed)
    assert _meetings(archive) == []
    assert people.get_person(archive, person_id)["stage"] == "candidate"


def test_a_vote_that_cannot_be_is_refused_naming_the_count(archive) -> None:
    person_id = _candidate(archive)
    with pytest.raises(ValidationFailed, match="实到会有表决权人数"):
        _admit_at_new_meeting(
            archive, person_id, dict(PASSED, vote_present="11")
        )  # more present than entitled
    assert _meetings(archive) == []


def test_a_committee_meeting_record_made_for_the_activist_step(archive) -> None:
    add_members(archive, ["王秀英"], today=TODAY)
    person_id = pipeline.add_applicant(
        archive, {"name": "李明", "id_number": "110105200001010016", "applied_on": "2024-03-01"}
    )
    pipeline_steps.with_new_meeting(
        archive,
        "支委会",
        date(2024, 5, 10),
        "研究确定李明为入党积极分子",
        None,
        lambda meeting_id: pipeline.make_activist(
            archive, person_id, date(2024, 5, 10), "王秀英", TODAY, meeting_id
        ),
    )
    [meeting] = _meetings(archive)
    assert (meeting["kind"], meeting["vote_held"]) == ("支委会", 0)
    assert pipeline_steps.decisions_of(archive, meeting["id"]) == ["确定为入党积极分子：李明"]
    assert (
        pipeline_steps.meetings_near(archive, "支委会", date(2024, 6, 20))[0]["id"]
        == (meeting["id"])
    )  # 41 days later it is still offered
    assert pipeline_steps.meetings_near(archive, "支委会", date(2024, 6, 30)) == []  # 51 days
    assert pipeline_steps.meetings_near(archive, "支部党员大会", date(2024, 5, 10)) == []


def test_converting_at_a_meeting_whose_vote_failed_is_refused(archive) -> None:
    person_id = _candidate(archive)
    pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    due = pipeline.probation_due(archive, person_id)
    with pytest.raises(InvalidValue, match="不能转为正式党员"):
        pipeline_steps.with_new_meeting(
            archive,
            "支部党员大会",
            date(2026, 7, 8),
            "讨论李明按期转为正式党员",
            dict(PASSED, vote_present="5", vote_yes="6"),  # 5 of 10 present: not valid
            lambda meeting_id: pipeline_steps.convert(
                archive, person_id, date(2026, 7, 8), due, meeting_id=meeting_id, today=TODAY
            ),
        )
    assert people.get_person(archive, person_id)["member_category"] == "预备党员"
    assert _meetings(archive) == []


def test_a_meeting_without_a_vote_is_a_warning(archive) -> None:
    add_members(archive, ["王秀英"], today=TODAY)
    meeting_id = pipeline_steps.with_new_meeting(
        archive, "支部党员大会", date(2025, 7, 1), "学习", None, lambda meeting_id: meeting_id
    )
    assert "表决" in pipeline_steps.vote_missing(archive, meeting_id)[0]
    assert pipeline_steps.vote_missing(archive, None) == []


def test_full_members_are_those_a_sponsor_can_be(archive) -> None:
    """正式党员 here in normal standing: a 预备党员, a suspended member and one who has left are
    not; one recorded as 正式党员 without a 转正日期 (typed in from an old roster) is."""
    names = ["正式", "预备", "停止", "转出", "未填转正"]
    for index, name in enumerate(names):
        values = member(
            name=name,
            id_number=fictional_id_number("330106", date(1980, 1, 1), index),
            joined_on="2005-07-01",
            converted_on=None if name == "未填转正" else "2006-07-01",
        )
        if name == "预备":
            values.update(member_category="预备党员", joined_on="2025-01-10", converted_on=None)
        people.add_member(archive, values, today=TODAY)
    ids = {p["name"]: p["id"] for p in archive.db.query("SELECT id, name FROM people")}
    membership.suspend(archive, ids["停止"], date(2025, 1, 1), "失联超过六个月", "上级党委", TODAY)
    people.record_leave(archive, ids["转出"], "转出", date(2025, 3, 1), "某党支部")
    day = date(2025, 6, 1)
    assert [p["name"] for p in pipeline_steps.full_members_on(archive, day)] == ["正式", "未填转正"]
    assert pipeline_steps.member_status(archive, names, day) == {
        "正式": "full",
        "预备": "probationary",
        "停止": "absent",
        "转出": "absent",
        "未填转正": "full",
    }
