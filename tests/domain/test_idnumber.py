"""Tests for 公民身份号码 checking (GB 11643)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.idnumber import (
    EARLIEST_BIRTH,
    IdInfo,
    check_character,
    fictional_id_number,
    normalize_id_number,
    parse_id_number,
)
from liangxin_desktop.errors import InvalidValue

TODAY = date(2026, 11, 27)


def problem(raw: str) -> str:
    with pytest.raises(InvalidValue) as caught:
        parse_id_number(raw, today=TODAY)
    return caught.value.headline


@pytest.mark.parametrize(
    ("raw", "birth", "sex"),
    [
        ("11010519491231002X", date(1949, 12, 31), "女"),
        ("440524188001010014", date(1880, 1, 1), "男"),
        ("370101190102039973", date(1901, 2, 3), "男"),
        ("110101199003072316", date(1990, 3, 7), "男"),
    ],
)
def test_published_valid_numbers(raw: str, birth: date, sex: str) -> None:
    assert parse_id_number(raw, today=TODAY) == IdInfo(raw, birth, sex)


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "'11010519491231002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        "110105\u300019491231002X",
    ],
)
def test_normalizes_before_checking(raw: str) -> None:
    assert normalize_id_number(raw) == "11010519491231002X"
    assert parse_id_number(raw, today=TODAY).number == "11010519491231002X"


@pytest.mark.parametrize(
    ("first17", "check"),
    [
        ("11010519491231002", "X"),
        ("44052418800101001", "4"),
        ("11010119900307789", "7"),
        ("11010119900307123", "3"),
    ],
)
def test_check_character(first17: str, check: str) -> None:
    assert check_character(first17) == check


@pytest.mark.parametrize(
    "bad", ["1101051949123100", "1101051949123100X", "１１０１０５１９４９１２３１００２"]
)
def test_check_character_refuses_anything_but_17_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        check_character(bad)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "还没有填写"),
        ("   ", "还没有填写"),
        ("110101199003077890", "最后一位应为7"),
        ("110101199003071234", "最后一位应为3"),
        ("11010519491231002Y", "第18位是“Y”"),
        ("11010519491231002", "现在是17位，应为18位"),
        ("1101051949123100211", "现在是19位，应为18位"),
        ("110105491231002", "15位的旧身份证号码"),
        ("1.10101E+17", "被Excel当成了数字"),
        ("110105194912310020.0", "现在是20位"),
        ("1101051949X231002X", "第11位是“X”"),
        ("110105194902300021", "“19490230”不是真实的日期"),
        ("110105194913010021", "“19491301”不是真实的日期"),
        ("110105202612010021", "2026年12月1日还没有到"),
        ("110105179912310021", "早于1800年"),
    ],
)
def test_each_problem_has_its_own_message(raw: str, fragment: str) -> None:
    assert fragment in problem(raw)


def test_wrong_check_message_reads_after_the_field_label() -> None:
    headline = problem("110101199003077890")
    assert headline == "校验位不正确（最后一位应为7）。"
    assert not headline.startswith("公民身份号码")


def test_every_problem_has_advice() -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_id_number("110101199003077890", today=TODAY)
    assert caught.value.advice


def test_birth_today_is_accepted_and_tomorrow_is_not() -> None:
    born_today = fictional_id_number("110105", TODAY, 21)
    assert parse_id_number(born_today, today=TODAY).birth_date == TODAY
    born_tomorrow = fictional_id_number("110105", date(2026, 11, 28), 21)
    assert "还没有到" in problem(born_tomorrow)


def test_earliest_birth_is_accepted() -> None:
    number = fictional_id_number("440524", EARLIEST_BIRTH, 1)
    assert parse_id_number(number, today=TODAY).birth_date == EARLIEST_BIRTH


def test_today_defaults_to_the_real_date() -> None:
    assert parse_id_number("11010519491231002X").birth_date == date(1949, 12, 31)


def test_fictional_id_number_refuses_bad_parts() -> None:
    with pytest.raises(ValueError):
        fictional_id_number("11010", date(1990, 1, 1), 1)
    with pytest.raises(ValueError):
        fictional_id_number("110105", date(1990, 1, 1), 1000)


@given(
    region=st.from_regex(r"[1-6][0-9]{5}", fullmatch=True),
    birth=st.dates(min_value=EARLIEST_BIRTH, max_value=TODAY),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_fictional_numbers_parse_back(region: str, birth: date, sequence: int) -> None:
    number = fictional_id_number(region, birth, sequence)
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex == ("男" if sequence % 2 else "女")


@given(
    first17=st.from_regex(r"[0-9]{17}", fullmatch=True),
    position=st.integers(min_value=0, max_value=16),
    shift=st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_mistake_changes_the_check(
    first17: str, position: int, shift: int
) -> None:
    wrong_digit = str((int(first17[position]) + shift) % 10)
    mistyped = first17[:position] + wrong_digit + first17[position + 1 :]
    assert check_character(mistyped) != check_character(first17)


@given(st.text(max_size=25))
def test_parse_either_succeeds_or_raises_invalid_value(raw: str) -> None:
    try:
        info = parse_id_number(raw, today=TODAY)
    except InvalidValue as problem_found:
        assert problem_found.headline.endswith("。")
    else:
        assert len(info.number) == 18


def test_masking_keeps_the_first_and_last_four() -> None:
    from liangxin_desktop.domain.idnumber import mask_id_number

    assert mask_id_number("330106199003071234") == "3301**********1234"
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_id_number("1234") == "***4" and mask_id_number("") == ""
