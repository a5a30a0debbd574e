"""The development pipeline: one person moves from applicant to full member, with the 细则's checks."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import VALID_ID

from liangxin_desktop.catalog import get_register
from liangxin_desktop.catalog.validation import clean_record
from liangxin_desktop.domain import pipeline_rules as rules
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import people, pipeline, pipeline_steps, queries

TODAY = date(2026, 11, 28)
ACTIVISTS = get_register("activists")
MEMBERS = get_register("members")
YOUNG_ID = "110105200001010016"  # 男, 2000-01-01


def _applicant(**overrides):
    values = {
        "name": "李明",
        "id_number": YOUNG_ID,
        "applied_on": "2024-03-01",
        "talked_on": "2024-03-15",
        "political_status": "共青团员",
    }
    values.update(overrides)
    return values


def test_from_applicant_to_full_member(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    assert queries.list_ids(archive, ACTIVISTS) == [person_id]
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "王秀英、赵一", TODAY)
    assert pipeline.make_candidate(archive, person_id, date(2025, 6, 1), TODAY) == []
    pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    assert queries.list_ids(archive, ACTIVISTS) == []
    assert queries.list_ids(archive, MEMBERS) == [person_id]
    member = people.get_person(archive, person_id)
    assert (member["member_category"], member["joined_on"]) == ("预备党员", "2025-07-01")
    due = rules.probation_end(date(2025, 7, 1))
    pipeline_steps.convert(archive, person_id, date(2026, 7, 8), due, today=TODAY)
    member = people.get_person(archive, person_id)
    # the 转正 meeting was a week late: 转正日期 is still the end of the 预备期 (细则 Art. 32)
    assert (member["member_category"], member["converted_on"]) == ("正式党员", "2026-07-01")
    kinds = [m["kind"] for m in people.milestones_of(archive, person_id)]
    assert kinds == [
        "applied",
        "talked",
        "activist",
        "candidate",
        "admitted",
        "converted",
        "conversion_meeting",
    ]


def test_steps_out_of_order_are_refused(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    with pytest.raises(InvalidValue, match="不能确定为发展对象"):
        pipeline.make_candidate(archive, person_id, date(2025, 1, 1), TODAY)
    with pytest.raises(InvalidValue, match="早于递交申请书日期"):
        pipeline.make_activist(archive, person_id, date(2024, 1, 1), "", TODAY)
    assert people.get_person(archive, person_id)["stage"] == "applicant"


def test_warnings_of_the_rules(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "", TODAY)
    warnings = pipeline.make_candidate(archive, person_id, date(2025, 1, 10), TODAY)
    assert warnings and "不满一年" in warnings[0]


def test_too_young_is_an_error() -> None:
    cleaned = clean_record(
        ACTIVISTS, _applicant(id_number="110105200901010011", applied_on="2026-01-05"), TODAY
    )
    assert any("未满18周岁" in p.text() for p in cleaned.errors)


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"talked_on": "2024-05-01"}, "1个月内谈话"),
        ({"mentors": "甲、乙、丙"}, "培养联系人应为1至2名"),
        ({"sponsors": "甲"}, "入党介绍人应为2名"),
        ({"training_start_on": "2025-05-01", "training_end_on": "2025-05-02"}, "不少于3天或24学时"),
        ({"activist_on": "2024-02-01"}, "早于"),
    ],
)
def test_pipeline_warnings_name_the_field(overrides, fragment) -> None:
    cleaned = clean_record(ACTIVISTS, _applicant(**overrides), TODAY)
    assert cleaned.ok and any(fragment in p.text() for p in cleaned.warnings), cleaned.problems


def test_training_of_three_days_or_24_hours_is_enough() -> None:
    assert rules.check_training(date(2025, 5, 1), date(2025, 5, 3), None) == []
    assert rules.check_training(date(2025, 5, 1), date(2025, 5, 1), 24) == []


def test_approval_limits_and_probation_end() -> None:
    meeting = date(2025, 8, 31)
    assert rules.approval_status(meeting, date(2025, 11, 30), TODAY) is None
    assert rules.approval_status(meeting, date(2025, 12, 15), TODAY)[2] is False  # type: ignore[index]
    assert rules.approval_status(meeting, date(2026, 3, 15), TODAY)[2] is True  # type: ignore[index]
    assert rules.probation_end(date(2024, 2, 29)) == date(2025, 2, 28)
    assert rules.probation_end(date(2025, 8, 31), 6) == date(2027, 2, 28)


def test_extension_once_and_within_limits(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "", TODAY)
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1), TODAY)
    pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    with pytest.raises(InvalidValue, match="6至12个月"):
        pipeline.extend_probation(archive, person_id, date(2026, 7, 5), 3, TODAY)
    assert pipeline.extend_probation(archive, person_id, date(2026, 7, 5), 6, TODAY) == date(
        2027, 1, 1
    )
    with pytest.raises(InvalidValue, match="只能延长一次"):
        pipeline.extend_probation(archive, person_id, date(2026, 7, 6), 6, TODAY)


def test_disqualified_person_stays_in_history(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    with pytest.raises(InvalidValue, match="原因"):
        pipeline.disqualify(archive, person_id, date(2025, 1, 1), " ", TODAY)
    pipeline.disqualify(archive, person_id, date(2025, 1, 1), "本人撤回申请", TODAY)
    assert queries.list_ids(archive, ACTIVISTS) == []
    assert people.milestones_of(archive, person_id)[-1]["detail"] == "本人撤回申请"


def test_same_person_cannot_be_an_applicant_twice(archive) -> None:
    from helpers import member

    people.add_member(archive, member())
    with pytest.raises(ValidationFailed, match="已登记在"):
        pipeline.add_applicant(archive, _applicant(id_number=VALID_ID), TODAY)


def test_conversion_waits_for_the_extended_probation(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "", TODAY)
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1), TODAY)
    pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    assert pipeline.probation_due(archive, person_id) == date(2026, 7, 1)
    pipeline.extend_probation(archive, person_id, date(2026, 7, 1), 6, TODAY)
    assert pipeline.probation_due(archive, person_id) == date(2027, 1, 1)
    due = pipeline.probation_due(archive, person_id)
    with pytest.raises(InvalidValue, match="2027年1月1日才期满"):
        pipeline_steps.convert(archive, person_id, date(2026, 7, 1), due, today=TODAY)
    with pytest.raises(InvalidValue, match="应为预备期满之日（2027年1月1日）"):
        pipeline_steps.convert(
            archive, person_id, date(2026, 7, 1), due, date(2026, 7, 1), None, TODAY
        )


def test_admission_reports_what_is_missing(archive) -> None:
    person_id = pipeline.add_applicant(archive, _applicant(pre_review_on="2025-07-20"), TODAY)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "", TODAY)
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1), TODAY)
    warnings = " ".join(pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY))
    for fragment in (
        "集中培训",
        "政治审查",
        "没有填写入党介绍人",
        "支部大会日期早于预审日期",
        "公示",
    ):
        assert fragment in warnings
    _two_full_members(archive)
    complete = pipeline.add_applicant(
        archive,
        _applicant(
            name="王芳",
            id_number="110105199001010029",
            sponsors="王秀英、赵一",
            political_review_on="2025-05-01",
            training_start_on="2025-05-10",
            training_end_on="2025-05-12",
            pre_review_on="2025-06-20",
            publicity_start_on="2025-06-23",
            publicity_end_on="2025-06-27",
        ),
        TODAY,
    )
    pipeline.make_activist(archive, complete, date(2024, 5, 10), "", TODAY)
    pipeline.make_candidate(archive, complete, date(2025, 6, 1), TODAY)
    assert pipeline.admit(archive, complete, date(2025, 7, 1), TODAY) == []


def _two_full_members(archive) -> tuple[int, int]:
    from helpers import member

    first = people.add_member(archive, member(name="王秀英"), today=TODAY)
    second = people.add_member(
        archive,
        member(name="赵一", id_number="440524188001010014", joined_on="1950-07-01",
               converted_on="1951-07-01"),
        today=TODAY,
    )  # fmt: skip
    return first, second


def _candidate(archive, sponsors: str, **overrides) -> int:
    person_id = pipeline.add_applicant(archive, _applicant(sponsors=sponsors, **overrides), TODAY)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "", TODAY)
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1), TODAY)
    return person_id


def test_a_sponsor_who_is_a_probationary_member_is_refused(archive) -> None:
    from helpers import member

    _two_full_members(archive)
    people.add_member(
        archive,
        member(name="钱二", id_number="110105199001010029", member_category="预备党员",
               joined_on="2025-03-01", converted_on=None),
        today=TODAY,
    )  # fmt: skip
    person_id = _candidate(archive, "王秀英、钱二")
    with pytest.raises(InvalidValue, match="入党介绍人“钱二”是预备党员"):
        pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    assert people.get_person(archive, person_id)["stage"] == "candidate"
    stranger = _candidate(archive, "王秀英、孙三", id_number="110105199201010015", name="周四")
    with pytest.raises(InvalidValue, match=r"孙三.*不在本组织党员名册中"):
        pipeline.admit(archive, stranger, date(2025, 7, 1), TODAY)


def test_a_mentor_from_outside_is_only_a_warning(archive) -> None:
    _two_full_members(archive)
    person_id = pipeline.add_applicant(archive, _applicant(), TODAY)
    warnings = pipeline.make_activist(
        archive, person_id, date(2024, 5, 10), "王秀英、外单位甲", TODAY
    )
    assert len(warnings) == 1 and "培养联系人“外单位甲”" in warnings[0]


def test_approval_four_months_after_is_a_warning_seven_an_error(archive) -> None:
    _two_full_members(archive)
    person_id = _candidate(archive, "王秀英、赵一")
    pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    with pytest.raises(InvalidValue, match="超过6个月"):
        pipeline_steps.approve(archive, person_id, date(2026, 2, 1), "某某党委", TODAY)
    assert people.get_person(archive, person_id)["approved_on"] is None
    warnings = pipeline_steps.approve(archive, person_id, date(2025, 11, 1), "某某党委", TODAY)
    assert warnings == ["上级党委应在支部大会后3个月内审批。"]
    assert people.get_person(archive, person_id)["approved_on"] == "2025-11-01"


def test_publicity_of_fewer_than_five_working_days_is_a_warning(archive) -> None:
    assert rules.working_days(date(2025, 6, 23), date(2025, 6, 27)) == 5  # Monday–Friday
    assert rules.working_days(date(2025, 6, 26), date(2025, 7, 2)) == 5  # over a weekend
    person_id = _candidate(archive, "")
    warnings = pipeline_steps.record_publicity(
        archive, person_id, date(2025, 6, 27), date(2025, 7, 1), TODAY
    )
    assert warnings == ["公示应不少于5个工作日（现为3个）。"]


def test_every_later_step_can_be_recorded(archive) -> None:
    _two_full_members(archive)
    person_id = _candidate(archive, "王秀英、赵一")
    pipeline_steps.record_step(archive, person_id, "pre_review", date(2025, 6, 20), "合格", TODAY)
    pipeline.admit(archive, person_id, date(2025, 7, 1), TODAY)
    for kind, day, detail in (
        ("sworn", date(2025, 7, 1), ""),
        ("assessment", date(2025, 12, 30), "表现良好"),
        ("assessment", date(2026, 6, 30), "表现良好"),
        ("conversion_applied", date(2026, 6, 1), ""),
        ("archived", date(2026, 8, 1), "档案室3号柜"),
    ):
        pipeline_steps.record_step(archive, person_id, kind, day, detail, TODAY)
    kinds = [m["kind"] for m in people.milestones_of(archive, person_id)]
    assert kinds.count("assessment") == 2 and "sworn" in kinds and "archived" in kinds
    with pytest.raises(InvalidValue, match="请填写考察情况"):
        pipeline_steps.record_step(archive, person_id, "assessment", date(2026, 7, 1), "", TODAY)
