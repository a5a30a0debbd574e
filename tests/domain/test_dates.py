"""Tests for date reading, printing and calendar arithmetic."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.dates import (
    add_months,
    format_cn_date,
    format_cn_month,
    parse_date,
    parse_year_month,
    whole_years_between,
)
from liangxin_desktop.errors import InvalidValue

JULY_1 = date(2019, 7, 1)
ONE_DAY = timedelta(days=1)
REASONABLE_DATES = st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31))


@pytest.mark.parametrize(
    "typed",
    [
        "2019-07-01",
        "2019/7/1",
        "2019.07.01",
        "2019年7月1日",
        "2019年07月01日",
        "2019年7月1",
        "20190701",
        "2019-7-1",
        "２０１９－０７－０１",
        "２０１９年７月１日",
        " 2019 - 7 - 1 ",
        "'2019-07-01",
        "2019-07-01 00:00:00",
        "2019-07-01T08:30",
        20190701,
        JULY_1,
        datetime(2019, 7, 1, 15, 30),
    ],
)
def test_parse_date_accepts_common_spellings(typed: str | int | date) -> None:
    assert parse_date(typed) == JULY_1


def test_parse_date_returns_a_plain_date_for_a_datetime() -> None:
    assert type(parse_date(datetime(2019, 7, 1, 15, 30))) is date


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("2019-02-30", "“2019-02-30”这个日期不存在"),
        ("2019年2月29日", "“2019年2月29日”这个日期不存在"),
        ("2019-13-01", "这个日期不存在"),
        ("20190230", "“20190230”这个日期不存在"),
        ("七月一日", "“七月一日”不是能识别的日期"),
        ("19-7-1", "不是能识别的日期"),
        ("2019-07", "“2019-07”只有年和月"),
        ("2019.7", "“2019.7”只有年和月"),
        ("2019年7月", "只有年和月"),
        ("0219-07-01", "年份“0219”不对"),
        ("", "还没有填写"),
        ("   ", "还没有填写"),
    ],
)
def test_parse_date_refuses_with_a_message_repeating_the_input(typed: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(typed)
    assert fragment in caught.value.headline
    assert "2019-07-01" in caught.value.advice


def test_parse_date_leap_day_is_real_in_a_leap_year() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize("wrong_type", [None, 2019.07, True])
def test_parse_date_refuses_other_types_as_a_bug(wrong_type: object) -> None:
    with pytest.raises(TypeError):
        parse_date(wrong_type)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "typed",
    ["2019.7", "2019-07", "2019/7", "2019年7月", "2019年07月", "201907", "２０１９．７", 201907,
     "2019-07-15", "2019年7月15日", date(2019, 7, 15), datetime(2019, 7, 15, 8, 0)],
)  # fmt: skip
def test_parse_year_month(typed: str | int | date) -> None:
    assert parse_year_month(typed) == "2019-07"


def test_parse_year_month_reads_dot_ten_as_october() -> None:
    assert parse_year_month("2019.10") == "2019-10"
    assert parse_year_month("2019.1") == "2019-01"


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("2019-13", "“2019-13”这个年月不存在"),
        ("2019年0月", "这个年月不存在"),
        ("七月", "“七月”不是能识别的年月"),
        ("2019-02-30", "这个日期不存在"),
        ("", "还没有填写"),
    ],
)
def test_parse_year_month_refuses(typed: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_year_month(typed)
    assert fragment in caught.value.headline


@pytest.mark.parametrize(
    ("day", "printed"),
    [
        (date(2026, 11, 27), "2026年11月27日"),
        (date(2019, 7, 1), "2019年7月1日"),
        (date(2000, 1, 9), "2000年1月9日"),
    ],
)
def test_format_cn_date_has_no_leading_zeros(day: date, printed: str) -> None:
    assert format_cn_date(day) == printed


def test_format_cn_month() -> None:
    assert format_cn_month("2019-07") == "2019年7月"
    assert format_cn_month("2019-12") == "2019年12月"


@pytest.mark.parametrize("bad", ["2019-7", "2019-13", "2019年7月", "201907"])
def test_format_cn_month_refuses_anything_but_the_stored_form(bad: str) -> None:
    with pytest.raises(ValueError):
        format_cn_month(bad)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
        (date(2024, 11, 15), 2, date(2025, 1, 15)),
        (date(2025, 1, 15), -2, date(2024, 11, 15)),
        (date(2019, 7, 1), 12, date(2020, 7, 1)),
        (date(2019, 7, 1), 0, date(2019, 7, 1)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(day=REASONABLE_DATES, months=st.integers(min_value=-600, max_value=600))
def test_add_months_lands_in_the_right_month(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and (moved + ONE_DAY).day == 1)


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (date(1990, 5, 20), date(2020, 5, 19), 29),
        (date(1990, 5, 20), date(2020, 5, 20), 30),
        (date(1990, 5, 20), date(2020, 12, 31), 30),
        (date(2000, 2, 29), date(2018, 2, 27), 17),
        (date(2000, 2, 29), date(2018, 2, 28), 18),
        (date(2000, 2, 29), date(2020, 2, 28), 19),
        (date(2000, 2, 29), date(2020, 2, 29), 20),
        (date(2020, 1, 1), date(2020, 1, 1), 0),
    ],
)
def test_whole_years_between_is_birthday_aware(start: date, end: date, years: int) -> None:
    assert whole_years_between(start, end) == years


def test_whole_years_between_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError):
        whole_years_between(date(2020, 1, 2), date(2020, 1, 1))


@given(start=REASONABLE_DATES, years=st.integers(min_value=0, max_value=150))
def test_a_year_is_complete_exactly_on_the_anniversary(start: date, years: int) -> None:
    anniversary = add_months(start, 12 * years)
    if anniversary.year > 2199:
        return
    assert whole_years_between(start, anniversary) == years
    if anniversary > start:
        assert whole_years_between(start, anniversary - ONE_DAY) == years - 1


@given(REASONABLE_DATES)
def test_printed_and_typed_forms_read_back(day: date) -> None:
    assert parse_date(format_cn_date(day)) == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day
    assert parse_date(f"{day:%Y%m%d}") == day
    assert parse_year_month(format_cn_month(f"{day:%Y-%m}")) == f"{day:%Y-%m}"
