"""Who is expected at a meeting, and the counts that do not add up (hand-computed cases)."""

from __future__ import annotations

from liangxin_desktop.domain.meeting_people import count_warnings, expected_people

GROUPS = {1: "第一党小组", 2: "第一党小组", 3: "第二党小组", 4: None}


def test_the_kind_of_meeting_decides_who_is_expected() -> None:
    assert expected_people("支委会", GROUPS, {1, 3, 9}) == {1, 3}
    assert expected_people("党小组会", GROUPS, set(), "第一党小组") == {1, 2}
    assert expected_people("党小组会", GROUPS, set()) is None
    assert expected_people("支部党员大会", GROUPS, set()) == {1, 2, 3, 4}
    assert expected_people("志愿服务", GROUPS, set()) is None


def test_nobody_present_and_votes_short_are_warned() -> None:
    assert [key for key, _ in count_warnings(0, False, None, [])] == ["attendance"]
    assert count_warnings(5, True, 5, [3, 1, 1]) == []
    short = count_warnings(5, True, 5, [3, 1, 0])
    assert [key for key, _ in short] == ["vote_yes"] and "合计 4 票" in short[0][1]
