"""A 3-year term elected on 2024-06-18 ends on 2027-06-17 or 2027-06-18; anything else is asked about."""

from __future__ import annotations

from datetime import date

import pytest

from liangxin_desktop.catalog.organization import check_term
from liangxin_desktop.domain.election import is_full_term


@pytest.mark.parametrize(
    ("end", "full"),
    [
        (date(2027, 6, 17), True),  # the day before the anniversary
        (date(2027, 6, 18), True),  # the anniversary
        (date(2027, 6, 16), False),
        (date(2026, 6, 17), False),  # two years
    ],
)
def test_a_three_year_term(end: date, full: bool) -> None:
    assert is_full_term(date(2024, 6, 18), end, 3) is full


def test_the_profile_form_accepts_the_day_before_the_anniversary() -> None:
    row = {"kind": "党支部", "term_start": "2024-06-18", "term_end": "2027-06-17"}
    assert check_term(row, date(2026, 1, 5)) == []
    row["term_end"] = "2027-05-31"
    assert [p.message for p in check_term(row, date(2026, 1, 5))] == [
        "党支部每届任期一般为3年，请核对。"
    ]
