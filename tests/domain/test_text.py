"""Tests for the cleanup of typed and imported text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.text import (
    fullwidth_alnum_to_ascii,
    fullwidth_to_ascii,
    normalize_text,
    remove_spaces,
    strip_apostrophe,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  张三  ", "张三"),
        ("ＡＢＣ１２３", "ABC123"),
        ("ａｂｃ", "abc"),
        ("第一　党支部", "第一 党支部"),
        ("杭州  \t 某某\n公司", "杭州 某某 公司"),
        ("党\u200b支\u200d部\ufeff", "党支部"),
        ("会议通过，全体同意。", "会议通过，全体同意。"),
        ("（一）学习", "（一）学习"),
        ("１２３，４５６。", "123，456。"),
        ("\xa0A\xa0", "A"),
        ("", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_multiline_keeps_line_breaks_and_one_empty_line() -> None:
    raw = "\r\n一、学习  党章\r\n\r\n\r\n\r\n二、讨论　发展对象  \n"
    assert normalize_text(raw, multiline=True) == "一、学习 党章\n\n二、讨论 发展对象"


def test_fullwidth_alnum_keeps_punctuation_but_fullwidth_to_ascii_does_not() -> None:
    assert fullwidth_alnum_to_ascii("０５７１－８８") == "0571－88"
    assert fullwidth_to_ascii("０５７１－８８（１）") == "0571-88(1)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("'110105", "110105"),
        ("  '0571", "0571"),
        ("''x", "'x"),
        ("it's", "it's"),
        ("110105", "110105"),
    ],
)
def test_strip_apostrophe(raw: str, expected: str) -> None:
    assert strip_apostrophe(raw) == expected


def test_remove_spaces_removes_all_whitespace_and_zero_width() -> None:
    assert remove_spaces(" 1 2\t3\u30004\u200b5\n") == "12345"


@given(st.text())
def test_normalize_text_is_idempotent(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_text_leaves_no_double_space_or_zero_width(raw: str) -> None:
    cleaned = normalize_text(raw)
    assert "  " not in cleaned
    assert cleaned == cleaned.strip()
    assert not any(char in cleaned for char in "\u200b\u200c\u200d\u2060\ufeff")


@given(st.text(alphabet=st.characters(min_codepoint=0xFF10, max_codepoint=0xFF5A)))
def test_fullwidth_alnum_becomes_ascii_only_for_letters_and_digits(raw: str) -> None:
    converted = fullwidth_alnum_to_ascii(raw)
    for before, after in zip(raw, converted, strict=True):
        assert after.isascii() == (before.isalnum())
