"""三会一课 by period, on cases counted by hand."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain.compliance import HeldMeeting, check_compliance, complete_periods


def _check(compliance, name: str):
    [found] = [c for c in compliance.checks if c.name == name]
    return found


def test_twelve_theme_days_in_one_month_leave_eleven_months_missing() -> None:
    held = [HeldMeeting(date(2026, 11, day), "主题党日") for day in range(1, 13)]
    result = check_compliance(held, [], False, [], 2026, date(2027, 1, 15))
    theme = _check(result, "主题党日")
    assert theme.held == 12 and len(theme.due_periods) == 12
    assert len(theme.missing) == 11 and "2026-11" not in theme.missing
    assert theme.last_period == "2026-12" and theme.last_period_shortfall == 1
    assert "主题党日 缺11个月（应12）" in result.shortfalls()


def test_two_party_groups_where_one_never_meets() -> None:
    """On 2026-07-10 January–June are over: 第一党小组 met every month, 第二党小组 never."""
    groups = ["第一党小组", "第二党小组"]
    held = [
        HeldMeeting(date(2026, month, 25), "党小组会", frozenset({"第一党小组"}))
        for month in range(1, 8)
    ]
    result = check_compliance(held, groups, True, [], 2026, date(2026, 7, 10))
    assert _check(result, "党小组会（第一党小组）").missing == ()
    second = _check(result, "党小组会（第二党小组）")
    assert second.missing == tuple(f"2026-{m:02d}" for m in range(1, 7)) and second.held == 0
    assert "党小组会（第二党小组） 缺6个月（应6）" in result.shortfalls()
    # the committee exists: 支委会 none held, 6 months missing; without one, no requirement
    assert len(_check(result, "支委会").missing) == 6
    assert all(
        c.label != "支委会"
        for c in check_compliance(held, groups, False, [], 2026, date(2026, 7, 10)).checks
    )


def test_quarters_party_lessons_setting_and_yearly_items() -> None:
    held = [
        HeldMeeting(date(2026, 2, 10), "党课"),
        HeldMeeting(date(2026, 5, 10), "党课"),
        HeldMeeting(date(2026, 5, 20), "党课"),
        HeldMeeting(date(2026, 3, 1), "谈心谈话", talked_with=frozenset({1, 2})),
    ]
    assert complete_periods(2026, date(2026, 10, 1), "quarter") == ("2026-Q1", "2026-Q2", "2026-Q3")
    lessons = _check(check_compliance(held, [], False, [1, 2, 3], 2026, date(2026, 10, 1)), "党课")
    assert lessons.missing == ("2026-Q3",)
    twice = check_compliance(held, [], False, [1, 2, 3], 2026, date(2026, 10, 1), 2)
    assert _check(twice, "党课").missing == ("2026-Q1", "2026-Q3")
    # yearly items and 谈心谈话 per member are due once the year is over
    during = check_compliance(held, [], False, [1, 2, 3], 2026, date(2026, 10, 1))
    assert _check(during, "组织生活会").due_periods == () and during.members_not_talked_with == ()
    after = check_compliance(held, [], False, [1, 2, 3], 2026, date(2027, 1, 2))
    assert _check(after, "组织生活会").missing == ("2026",)
    assert _check(after, "谈心谈话").missing == () and after.members_not_talked_with == (3,)
    assert "谈心谈话 1名党员未谈" in after.shortfalls()


def test_a_month_is_over_at_the_end_of_its_last_day() -> None:
    from liangxin_desktop.domain.months import last_complete_month

    assert last_complete_month(date(2026, 12, 1)) == "2026-11"
    assert last_complete_month(date(2026, 12, 30)) == "2026-11"
    assert last_complete_month(date(2026, 12, 31)) == "2026-12"  # "as of" includes the day
    assert complete_periods(2026, date(2026, 12, 31), "year") == ("2026",)
