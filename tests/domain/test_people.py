"""Tests for age, 党龄 and 人员类别 on a given day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.people import age_on, member_category_for, party_age_on


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (date(2008, 3, 15), date(2026, 3, 14), 17),
        (date(2008, 3, 15), date(2026, 3, 15), 18),
        (date(1949, 12, 31), date(2026, 11, 27), 76),
        (date(2008, 2, 29), date(2026, 2, 28), 18),
    ],
)
def test_age_on(birth: date, day: date, age: int) -> None:
    assert age_on(birth, day) == age


def test_age_before_birth_is_a_bug() -> None:
    with pytest.raises(ValueError):
        age_on(date(2000, 1, 2), date(2000, 1, 1))


def test_party_age_counts_from_conversion() -> None:
    converted = date(2015, 7, 1)
    assert party_age_on(converted, date(2026, 6, 30)) == 10
    assert party_age_on(converted, date(2026, 7, 1)) == 11
    assert party_age_on(converted, converted) == 0


def test_probationary_member_has_no_party_age() -> None:
    assert party_age_on(None, date(2026, 7, 1)) is None


def test_no_party_age_on_a_day_before_the_conversion() -> None:
    assert party_age_on(date(2015, 7, 1), date(2015, 6, 30)) is None


def test_member_category() -> None:
    assert member_category_for(None) == "预备党员"
    assert member_category_for(date(2015, 7, 1)) == "正式党员"
    assert member_category_for(date(2015, 7, 1), on=date(2015, 7, 1)) == "正式党员"
    assert member_category_for(date(2015, 7, 1), on=date(2015, 6, 30)) == "预备党员"


@given(
    converted=st.dates(min_value=date(1921, 7, 1), max_value=date(2100, 1, 1)),
    days_later=st.integers(min_value=0, max_value=40_000),
)
def test_party_age_and_category_agree(converted: date, days_later: int) -> None:
    day = date.fromordinal(converted.toordinal() + days_later)
    assert member_category_for(converted, on=day) == "正式党员"
    party_age = party_age_on(converted, day)
    assert party_age is not None
    assert 0 <= party_age <= days_later // 365
