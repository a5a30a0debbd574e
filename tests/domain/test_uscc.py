"""Tests for 统一社会信用代码 checking (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.uscc import (
    CHARSET,
    REGISTRATION_AUTHORITIES,
    check_uscc,
    normalize_uscc,
    uscc_check_character,
)
from liangxin_desktop.errors import InvalidValue

# A real-format code (登记机关9 工商, 类别1 企业, 350100 福州) and one built here:
# 5 民政, 2 民办非企业单位, 330106 杭州西湖, organization part ABCD1234 + 5.
KNOWN_VALID = "91350100M000100Y43"
CONSTRUCTED = "52330106ABCD12345" + "0"


def test_check_character_of_known_examples() -> None:
    assert uscc_check_character(KNOWN_VALID[:17]) == "3"
    assert uscc_check_character(CONSTRUCTED[:17]) == "0"


def test_check_character_by_hand() -> None:
    # Weights are 3**i mod 31. Non-zero terms: 9*1 + 1*3 + 3*9 + 5*27 + 1*26 + M(21)*20
    # + 1*8 + Y(30)*30 + 4*28 = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
    weights = [pow(3, i, 31) for i in range(17)]
    total = sum(CHARSET.index(c) * w for c, w in zip(KNOWN_VALID[:17], weights, strict=True))
    assert total == 1640
    assert CHARSET[31 - total % 31] == KNOWN_VALID[17] == "3"


@pytest.mark.parametrize("code", [KNOWN_VALID, CONSTRUCTED])
def test_valid_codes_pass(code: str) -> None:
    assert check_uscc(code) == code


@pytest.mark.parametrize(
    "typed",
    [" 91350100M000100Y43 ", "91350100m000100y43", "'91350100M000100Y43",
     "９１３５０１００Ｍ０００１００Ｙ４３", "9135 0100 M000 100Y 43"],
)  # fmt: skip
def test_normalize_uscc(typed: str) -> None:
    assert normalize_uscc(typed) == KNOWN_VALID
    assert check_uscc(typed) == KNOWN_VALID


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "还没有填写"),
        ("91350100M000100Y4", "现在是17位，应为18位"),
        ("91350100M000100Y44", "校验位不正确（最后一位应为3）"),
        ("91350100MOOO100Y43", "第10位是字母“O”"),
        ("91350100M000100I43", "第16位是字母“I”"),
        ("91350100M000100Y4!", "第18位的“!”不能出现"),
        ("913501A0M000100Y43", "第3到8位应为数字"),
    ],
)
def test_problems_are_named(typed: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        check_uscc(typed)
    assert fragment in caught.value.headline


def test_lookalike_letter_advice_suggests_the_digit() -> None:
    with pytest.raises(InvalidValue) as caught:
        check_uscc("91350100MOOO100Y43")
    assert "“0”" in caught.value.advice


def test_check_character_refuses_bad_input_as_a_bug() -> None:
    with pytest.raises(ValueError):
        uscc_check_character("91350100M000100Y")
    with pytest.raises(ValueError):
        uscc_check_character("91350100MO00100Y4")


def test_charset_has_31_characters_without_i_o_z_s_v() -> None:
    assert len(CHARSET) == len(set(CHARSET)) == 31
    assert not set("IOZSV") & set(CHARSET)


_FIRST17 = st.text(alphabet=CHARSET, min_size=17, max_size=17)


@given(_FIRST17, st.sampled_from(sorted(REGISTRATION_AUTHORITIES)))
def test_a_code_with_its_check_character_passes(first17: str, authority: str) -> None:
    first17 = authority + first17[1:2] + "330106" + first17[8:]
    code = first17 + uscc_check_character(first17)
    assert check_uscc(code) == code


@given(
    first17=_FIRST17,
    position=st.integers(min_value=0, max_value=16),
    shift=st.integers(min_value=1, max_value=30),
)
def test_any_single_character_mistake_changes_the_check(
    first17: str, position: int, shift: int
) -> None:
    wrong = CHARSET[(CHARSET.index(first17[position]) + shift) % 31]
    mistyped = first17[:position] + wrong + first17[position + 1 :]
    assert uscc_check_character(mistyped) != uscc_check_character(first17)
