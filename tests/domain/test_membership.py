"""Membership periods and 党籍: hand-computed cases of the month rules and the flags."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import membership as m
from liangxin_desktop.domain.membership import Period, Suspension

MAY_2024 = [Period(date(2024, 5, 20), None, "转入")]


def test_a_transfer_in_counts_from_its_month() -> None:
    assert not m.is_member_on(MAY_2024, date(2024, 5, 19))
    assert m.is_member_on(MAY_2024, date(2024, 5, 20))
    assert m.member_months(MAY_2024, "2024-01", "2024-08") == [
        "2024-05",
        "2024-06",
        "2024-07",
        "2024-08",
    ]


def test_dues_paid_elsewhere_are_not_owed_here() -> None:
    periods = [Period(date(2024, 5, 20), None, "转入", dues_paid_until="2024-06")]
    assert m.dues_months(periods, "2024-01", "2024-08") == ["2024-07", "2024-08"]


def test_out_and_back_counts_only_inside_the_periods() -> None:
    periods = [
        Period(date(2020, 1, 1), date(2021, 3, 10)),  # left on 10 March: March still counts
        Period(date(2022, 7, 1), None, "转入"),
    ]
    months = m.member_months(periods, "2021-01", "2022-08")
    assert months == ["2021-01", "2021-02", "2021-03", "2022-07", "2022-08"]
    assert not m.is_member_on(periods, date(2021, 3, 10))


def test_leaving_on_the_first_of_a_month_does_not_count_that_month() -> None:
    periods = [Period(date(2020, 1, 1), date(2021, 4, 1))]
    assert m.member_months(periods, "2021-03", "2021-05") == ["2021-03"]


def test_stopped_party_standing_leaves_out_votes_dues_and_expected() -> None:
    periods = [Period(date(2020, 1, 1))]
    stops = [Suspension(date(2024, 2, 15), date(2024, 6, 10))]
    assert m.is_member_on(periods, date(2024, 3, 1))
    assert not m.counts_on(periods, stops, date(2024, 3, 1))
    assert m.counts_on(periods, stops, date(2024, 6, 10))
    # February and June each have normal days; March–May have none.
    assert m.member_months(periods, "2024-01", "2024-07", stops) == [
        "2024-01",
        "2024-02",
        "2024-06",
        "2024-07",
    ]


def test_flags_for_lost_contact_and_long_suspension() -> None:
    assert m.months_since("2026-05", date(2026, 11, 28)) == 6
    assert m.suspension_to_consider("2026-05", date(2026, 11, 1))
    assert not m.suspension_to_consider("2026-06", date(2026, 11, 30))
    assert not m.suspension_to_consider(None, date(2026, 11, 30))
    assert not m.expulsion_to_consider(date(2024, 11, 29), date(2026, 11, 28))
    assert m.expulsion_to_consider(date(2024, 11, 28), date(2026, 11, 28))
    assert m.suspension_years(date(2024, 11, 29), date(2026, 11, 28)) == 1


def test_letter_validity_and_missing_receipt() -> None:
    issued = date(2026, 3, 1)
    assert m.letter_valid_until(issued) == date(2026, 3, 31)
    assert m.letter_validity_problem(issued, date(2026, 6, 1)) is None
    assert "最长3个月" in str(m.letter_validity_problem(issued, date(2026, 6, 2)))
    assert m.receipt_missing(date(2026, 3, 31), None, date(2026, 4, 1))
    assert not m.receipt_missing(date(2026, 3, 31), None, date(2026, 3, 31))
    assert not m.receipt_missing(date(2026, 3, 31), date(2026, 3, 20), date(2026, 5, 1))


def test_a_new_period_must_not_overlap() -> None:
    closed = [Period(date(2020, 1, 1), date(2021, 1, 1))]
    assert m.period_problem(closed, Period(date(2021, 1, 1))) is None
    assert "重叠" in str(m.period_problem(closed, Period(date(2020, 6, 1))))
    assert "仍在本组织" in str(
        m.period_problem([Period(date(2020, 1, 1))], Period(date(2022, 1, 1)))
    )


def test_the_written_opinion_vote_of_the_issue_is_valid_and_passed() -> None:
    from liangxin_desktop.domain.votes import Vote, is_passed, is_valid, vote_problems

    # 10 entitled, 6 present, one absent member sent a written 赞成: 7 yes → valid (6 > 5), passed.
    vote = Vote(entitled=10, present=6, yes=7, written=1)
    assert vote_problems(vote) == [] and is_valid(vote) and is_passed(vote)
    assert not is_valid(Vote(entitled=10, present=5, yes=6, written=1))
    assert not is_passed(Vote(entitled=10, present=6, yes=5, no=1))
    assert vote_problems(Vote(entitled=10, present=6, yes=7))[0][0] == "vote_yes"
    assert vote_problems(Vote(entitled=10, present=6, yes=6, written=5))[0][0] == "vote_written"
