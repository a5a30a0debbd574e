"""Tests for phone number checking and storage form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.phone import normalize_phone
from liangxin_desktop.errors import InvalidValue


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("'13812345678", "13812345678"),
        ("19912345678", "19912345678"),
        ("0571-88886666", "0571-88886666"),
        ("057188886666", "0571-88886666"),
        ("0571 8888 6666", "0571-88886666"),
        ("(0571)88886666", "0571-88886666"),
        ("（０５７１）８８８８６６６６", "0571-88886666"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("021-6666777", "021-6666777"),
        ("0571-88886666-123", "0571-88886666-123"),
        ("0571-88886666转123", "0571-88886666-123"),
        ("0571-88886666 ext. 8", "0571-88886666-8"),
        ("+86 571 88886666", "0571-88886666"),
        ("+86-10-62345678", "010-62345678"),
    ],
)
def test_normalize_phone(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "还没有填写"),
        ("1381234567", "手机号码应为11位，这里是10位"),
        ("138123456789", "手机号码应为11位，这里是12位"),
        ("12812345678", "第二位应为3到9"),
        ("88886666", "缺少区号"),
        ("13812345678转1", "手机号码不能带分机号"),
        ("0571-1234567", "不是能识别的电话号码"),
        ("0571-888866", "不是能识别的电话号码"),
        ("0571-888866667", "不是能识别的电话号码"),
        ("00571-88886666", "不是能识别的电话号码"),
        ("电话13812345678", "不是能识别的电话号码"),
        ("13812345678/13912345678", "不是能识别的电话号码"),
        ("abc", "“abc”不是能识别的电话号码"),
    ],
)
def test_normalize_phone_refuses(typed: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        normalize_phone(typed)
    assert fragment in caught.value.headline
    assert caught.value.advice


@given(
    number=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "+86 ", "86", "0086-"]),
    separator=st.sampled_from(["", " ", "-"]),
)
def test_mobile_numbers_are_stored_as_11_digits(number: str, prefix: str, separator: str) -> None:
    typed = prefix + separator.join((number[:3], number[3:7], number[7:]))
    assert normalize_phone(typed) == number


@given(
    area=st.sampled_from(["010", "020", "029", "0571", "0991"]),
    local=st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True),
    separator=st.sampled_from(["", "-", " "]),
)
def test_landlines_are_stored_with_one_dash(area: str, local: str, separator: str) -> None:
    assert normalize_phone(area + separator + local) == f"{area}-{local}"
