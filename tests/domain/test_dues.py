"""Tests for 党费 rates, monthly amounts and money parsing (integer fen)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liangxin_desktop.domain.dues import (
    MONTHLY_CAP_FEN,
    DuesCategory,
    Rounding,
    format_fen,
    is_capped,
    monthly_dues_fen,
    parse_yuan_to_fen,
    rate_basis_points,
    round_half_up,
)
from liangxin_desktop.errors import InvalidValue

IN_SERVICE = DuesCategory.IN_SERVICE
RETIRED = DuesCategory.RETIRED
ROUNDINGS: tuple[Rounding, ...] = ("fen", "jiao", "yuan")


@pytest.mark.parametrize(
    ("category", "base_yuan", "dues_yuan"),
    [
        (IN_SERVICE, "2800", "14.00"),
        (IN_SERVICE, "3000", "15.00"),
        (IN_SERVICE, "3000.01", "30.00"),
        (IN_SERVICE, "4500", "45.00"),
        (IN_SERVICE, "5000", "50.00"),
        (IN_SERVICE, "5000.01", "75.00"),
        (IN_SERVICE, "8000", "120.00"),
        (IN_SERVICE, "10000", "150.00"),
        (IN_SERVICE, "10000.01", "200.00"),
        (IN_SERVICE, "12000", "240.00"),
        (RETIRED, "4200", "21.00"),
        (RETIRED, "5000", "25.00"),
        (RETIRED, "6000", "60.00"),
    ],
)
def test_domain_check_values(category: DuesCategory, base_yuan: str, dues_yuan: str) -> None:
    assert format_fen(monthly_dues_fen(category, parse_yuan_to_fen(base_yuan))) == dues_yuan


@pytest.mark.parametrize(
    ("category", "base_fen", "rate"),
    [
        (IN_SERVICE, 0, 50),
        (IN_SERVICE, 300_000, 50),
        (IN_SERVICE, 300_001, 100),
        (IN_SERVICE, 500_000, 100),
        (IN_SERVICE, 500_001, 150),
        (IN_SERVICE, 1_000_000, 150),
        (IN_SERVICE, 1_000_001, 200),
        (RETIRED, 500_000, 50),
        (RETIRED, 500_001, 100),
    ],
)
def test_rate_upper_bounds_are_inclusive(category: DuesCategory, base_fen: int, rate: int) -> None:
    assert rate_basis_points(category, base_fen) == rate


@pytest.mark.parametrize(
    "category", [DuesCategory.FARMER, DuesCategory.STUDENT_ETC, DuesCategory.HARDSHIP]
)
def test_fixed_amount_categories_have_no_rate(category: DuesCategory) -> None:
    with pytest.raises(ValueError):
        rate_basis_points(category, 100_000)


def test_negative_base_is_a_bug() -> None:
    with pytest.raises(ValueError):
        monthly_dues_fen(IN_SERVICE, -1)


@pytest.mark.parametrize(
    ("base_fen", "rounding", "dues_fen"),
    [
        (280_123, "fen", 1401),  # 2801.23 × 0.5% = 14.00615
        (280_010, "fen", 1400),  # 14.0005 → 14.00
        (280_100, "fen", 1401),  # 14.005 → 14.01 (half up)
        (280_099, "fen", 1400),  # 14.00495
        (280_123, "jiao", 1400),  # 14.00615 → 14.0
        (281_000, "jiao", 1410),  # 14.05 → 14.1 (half up)
        (281_000, "yuan", 1400),  # 14.05 → 14
        (290_000, "yuan", 1500),  # 14.50 → 15 (half up)
        (333_333, "fen", 3333),  # 3333.33 × 1% = 33.3333
        (666_667, "fen", 10000),  # 6666.67 × 1.5% = 100.00005
    ],
)
def test_rounding(base_fen: int, rounding: Rounding, dues_fen: int) -> None:
    assert monthly_dues_fen(IN_SERVICE, base_fen, rounding=rounding) == dues_fen


def test_unknown_rounding_is_a_bug() -> None:
    with pytest.raises(ValueError):
        monthly_dues_fen(IN_SERVICE, 100_000, rounding="li")  # type: ignore[arg-type]


def test_farmers_pay_a_fixed_amount_between_20_and_100_fen() -> None:
    assert monthly_dues_fen(DuesCategory.FARMER) == 20
    assert monthly_dues_fen(DuesCategory.FARMER, farmer_amount_fen=100) == 100
    assert monthly_dues_fen(DuesCategory.FARMER, 900_000, farmer_amount_fen=50) == 50
    assert monthly_dues_fen(DuesCategory.FARMER, farmer_amount_fen=20, rounding="yuan") == 20


@pytest.mark.parametrize("amount", [0, 19, 101, 1000])
def test_farmer_amount_outside_the_range_is_refused(amount: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        monthly_dues_fen(DuesCategory.FARMER, farmer_amount_fen=amount)
    assert "0.20元到1.00元之间" in caught.value.headline
    assert format_fen(amount) in caught.value.headline


def test_students_and_similar_pay_20_fen() -> None:
    assert monthly_dues_fen(DuesCategory.STUDENT_ETC) == 20
    assert monthly_dues_fen(DuesCategory.STUDENT_ETC, 500_000, rounding="yuan") == 20


def test_hardship_is_waived_unless_a_reduced_amount_was_approved() -> None:
    assert monthly_dues_fen(DuesCategory.HARDSHIP, 400_000) == 0
    assert monthly_dues_fen(DuesCategory.HARDSHIP, reduced_amount_fen=500) == 500
    with pytest.raises(InvalidValue):
        monthly_dues_fen(DuesCategory.HARDSHIP, reduced_amount_fen=-1)


def test_reduced_amount_for_another_category_is_a_bug() -> None:
    with pytest.raises(ValueError):
        monthly_dues_fen(IN_SERVICE, 400_000, reduced_amount_fen=500)


def test_categories_are_their_chinese_labels() -> None:
    assert [str(category) for category in DuesCategory] == [
        "在职", "离退休", "农民", "学生等", "困难减免",
    ]  # fmt: skip
    assert DuesCategory("离退休") is RETIRED


_BRACKETS = {
    IN_SERVICE: [(0, 300_000), (300_001, 500_000), (500_001, 1_000_000), (1_000_001, 10**9)],
    RETIRED: [(0, 500_000), (500_001, 10**9)],
}


@given(data=st.data(), category=st.sampled_from([IN_SERVICE, RETIRED]))
def test_dues_never_fall_as_the_base_rises_within_a_bracket(
    data: st.DataObject, category: DuesCategory
) -> None:
    low, high = data.draw(st.sampled_from(_BRACKETS[category]))
    smaller = data.draw(st.integers(min_value=low, max_value=high))
    larger = data.draw(st.integers(min_value=smaller, max_value=high))
    rounding = data.draw(st.sampled_from(ROUNDINGS))
    assert monthly_dues_fen(category, smaller, rounding=rounding) <= monthly_dues_fen(
        category, larger, rounding=rounding
    )


@given(base_fen=st.integers(min_value=0, max_value=10**10))
def test_integer_rounding_agrees_with_decimal_half_up(base_fen: int) -> None:
    rate = rate_basis_points(IN_SERVICE, base_fen)
    exact = Decimal(base_fen) * rate / 10_000
    expected = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert monthly_dues_fen(IN_SERVICE, base_fen) == min(expected, MONTHLY_CAP_FEN)


def test_the_monthly_amount_is_capped_at_1000_yuan() -> None:
    """组电明字〔2017〕5号: base 60000 × 2% = 1200.00 → 1000.00; base 50000 → exactly 1000.00."""
    assert monthly_dues_fen(IN_SERVICE, 6_000_000) == 100_000
    assert is_capped(IN_SERVICE, 6_000_000) and not is_capped(IN_SERVICE, 5_000_000)
    assert monthly_dues_fen(IN_SERVICE, 5_000_000) == 100_000
    assert monthly_dues_fen(RETIRED, 20_000_000) == 100_000  # 200000 × 1% = 2000 → 1000


def test_round_half_up() -> None:
    assert round_half_up(5, 10) == 1
    assert round_half_up(4, 10) == 0
    assert round_half_up(15, 10) == 2
    assert round_half_up(25, 10) == 3  # not banker's rounding
    with pytest.raises(ValueError):
        round_half_up(-5, 10)


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("3000.01", 300_001),
        ("3,000.01", 300_001),
        ("3000元", 300_000),
        ("3000.00元", 300_000),
        ("3000元整", 300_000),
        ("３０００．０１", 300_001),
        ("３，０００．０１", 300_001),
        ("￥3000.5", 300_050),
        ("¥ 3 000", 300_000),
        ("'3000.1", 300_010),
        ("0.2", 20),
        (".5", 50),
        ("3000.", 300_000),
        ("3000.010", 300_001),
        ("1,234,567.89", 123_456_789),
        (3000, 300_000),
        (Decimal("2801.23"), 280_123),
        ("0", 0),
    ],
)
def test_parse_yuan_to_fen(typed: str | int | Decimal, fen: int) -> None:
    assert parse_yuan_to_fen(typed) == fen


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "还没有填写金额"),
        ("元", "还没有填写金额"),
        ("-5", "“-5”是负数"),
        ("-0.01", "是负数"),
        (-5, "是负数"),
        ("3000.015", "小数超过两位"),
        ("abc", "“abc”不是金额"),
        ("3000元5角", "不是金额"),
        ("1e3", "不是金额"),
        (".", "不是金额"),
        ("30,00", "逗号位置不对"),
        ("3,0000", "逗号位置不对"),
        ("3.000.01", "不是金额"),
    ],
)
def test_parse_yuan_to_fen_refuses(typed: str | int, fragment: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_yuan_to_fen(typed)
    assert fragment in caught.value.headline


@pytest.mark.parametrize("wrong_type", [3000.01, None, True])
def test_parse_yuan_to_fen_never_takes_a_float(wrong_type: object) -> None:
    with pytest.raises(TypeError):
        parse_yuan_to_fen(wrong_type)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fen", "printed"),
    [(300_001, "3000.01"), (0, "0.00"), (5, "0.05"), (20, "0.20"), (-150, "-1.50")],
)
def test_format_fen(fen: int, printed: str) -> None:
    assert format_fen(fen) == printed


@given(st.integers(min_value=0, max_value=10**12))
def test_format_and_parse_round_trip(fen: int) -> None:
    assert parse_yuan_to_fen(format_fen(fen)) == fen
