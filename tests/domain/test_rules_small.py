"""民主评议, 学时, 换届 and the credit code's first character, on cases counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

from liangxin_desktop.domain import election, member_review, study_hours
from liangxin_desktop.domain.uscc import check_uscc, host_kind_mismatch, uscc_check_character
from liangxin_desktop.errors import InvalidValue


def test_a_review_with_one_basic_pass() -> None:
    results = member_review.results_with_exceptions([1, 2, 3, 4], {3: "基本合格"})
    assert results == {1: "合格", 2: "合格", 3: "基本合格", 4: "合格"}
    summary = member_review.summarize(results)
    assert summary.counts == {"优秀": 0, "合格": 3, "基本合格": 1, "不合格": 0}
    assert summary.text() == "合格3人，基本合格1人" and summary.follow_up == ()
    assert member_review.summarize({5: "不合格", 6: "优秀"}).follow_up == (5,)
    with pytest.raises(ValueError):
        member_review.results_with_exceptions([1], {1: "良好"})


def test_a_member_with_30_hours_is_short_of_32() -> None:
    lines = study_hours.study_hours(
        [(1, "甲", False), (2, "乙", True)],
        [(1, 12), (1, 18), (2, 30), (2, 26)],  # 甲 30 学时; 乙 (委员) 56 学时
    )
    first, second = lines
    assert (first.hours, first.target, first.reached, first.short) == (30, 32, False, 2)
    assert (second.hours, second.target, second.reached) == (56, 56, True)


def test_election_validity_at_four_fifths_plus_one_and_exactly() -> None:
    # 25 entitled: 4/5 is 20. 21 present is valid, 20 is not.
    assert election.is_valid(25, 21) and not election.is_valid(25, 20)
    candidates = [
        election.Candidate("甲", "书记", 20),
        election.Candidate("乙", "委员", 11),
        election.Candidate("丙", "委员", 10),  # exactly half of 21 is 10.5: 10 is not elected
        election.Candidate("丁", "委员", 15),
    ]
    outcome = election.count_votes(25, 21, candidates, seats=3)
    assert outcome.valid and [c.name for c in outcome.elected] == ["甲", "丁", "乙"]
    assert [c.name for c in outcome.not_elected] == ["丙"]
    failed = election.count_votes(25, 20, candidates, seats=3)
    assert not failed.valid and failed.elected == ()
    assert election.term_end(date(2026, 6, 1), "党支部") == date(2029, 6, 1)
    assert election.term_end(date(2026, 6, 1), "党委") == date(2031, 6, 1)


def test_the_first_character_of_a_credit_code() -> None:
    with pytest.raises(InvalidValue, match="第1位"):
        check_uscc("X0350100M000100Y4H")
    valid_social = "52330106ABCD12345" + uscc_check_character("52330106ABCD12345")
    assert check_uscc(valid_social) == valid_social
    assert host_kind_mismatch(valid_social, "新社会组织") == ""
    assert "与“新经济组织”不符" in host_kind_mismatch(valid_social, "新经济组织")
    assert host_kind_mismatch("91350100M000100Y43", "新经济组织") == ""


def test_the_profile_warns_when_the_host_kind_does_not_match_the_code() -> None:
    from liangxin_desktop.catalog.organization import ORGANIZATION
    from liangxin_desktop.catalog.validation import clean_record

    social_code = "52330106ABCD12345" + uscc_check_character("52330106ABCD12345")
    profile = {
        "name": "中共某协会支部委员会",
        "kind": "党支部",
        "host_uscc": social_code,
        "host_kind": "新经济组织",
    }
    cleaned = clean_record(ORGANIZATION, profile, date(2026, 12, 1))
    assert cleaned.ok and [w.field_key for w in cleaned.warnings] == ["host_kind"]
    right = clean_record(ORGANIZATION, dict(profile, host_kind="新社会组织"), date(2026, 12, 1))
    assert right.warnings == []
    wrong_first = clean_record(
        ORGANIZATION, dict(profile, host_uscc="X0350100M000100Y4H"), date(2026, 12, 1)
    )
    assert not wrong_first.ok and "第1位" in wrong_first.errors[0].message
