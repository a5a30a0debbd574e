"""党费 (中组发〔2008〕3号): rates, monthly amounts and money parsing, all in integer fen."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from liangxin_desktop.domain.text import fullwidth_to_ascii, remove_spaces, strip_apostrophe
from liangxin_desktop.errors import InvalidValue

Rounding = Literal["fen", "jiao", "yuan"]
ROUNDING_UNITS_FEN: dict[str, int] = {"fen": 1, "jiao": 10, "yuan": 100}
BASIS_POINTS_PER_UNIT = 10_000

# (inclusive upper bound of the monthly base in fen, or None for "above", rate in basis points)
IN_SERVICE_BRACKETS: tuple[tuple[int | None, int], ...] = (
    (300_000, 50),
    (500_000, 100),
    (1_000_000, 150),
    (None, 200),
)
RETIRED_BRACKETS: tuple[tuple[int | None, int], ...] = ((500_000, 50), (None, 100))
FARMER_MIN_FEN = 20
FARMER_MAX_FEN = 100
STUDENT_ETC_FEN = 20
# 组电明字〔2017〕5号 item 一(1): the monthly amount is generally at most 1000 yuan; more is voluntary.
MONTHLY_CAP_FEN = 100_000

_AMOUNT = re.compile(r"(\d*)(?:\.(\d*))?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_MONEY_EXAMPLE = "请只填写数字，例如“3000.01”。"


class DuesCategory(StrEnum):
    """How a member's monthly dues are set."""

    IN_SERVICE = "在职"
    RETIRED = "离退休"
    FARMER = "农民"
    STUDENT_ETC = "学生等"  # also unemployed, living on relief or 低保
    HARDSHIP = "困难减免"


def rate_basis_points(category: DuesCategory, base_fen: int) -> int:
    """The rate for the whole base (not marginal), in basis points: 0.5% is 50."""
    if base_fen < 0:
        raise ValueError(f"negative base {base_fen}")
    if category is DuesCategory.IN_SERVICE:
        brackets = IN_SERVICE_BRACKETS
    elif category is DuesCategory.RETIRED:
        brackets = RETIRED_BRACKETS
    else:
        raise ValueError(f"{category} dues are a fixed amount, not a rate")
    for upper, rate in brackets:
        if upper is None or base_fen <= upper:
            return rate
    raise AssertionError("the last bracket has no upper bound")


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, for non-negative integers."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("round_half_up needs numerator >= 0 and denominator > 0")
    return (2 * numerator + denominator) // (2 * denominator)


def monthly_dues_fen(
    category: DuesCategory,
    base_fen: int = 0,
    *,
    farmer_amount_fen: int = FARMER_MIN_FEN,
    reduced_amount_fen: int | None = None,
    rounding: Rounding = "fen",
) -> int:
    """The monthly amount in fen, at most ``MONTHLY_CAP_FEN`` (组电明字〔2017〕5号).

    ``rounding`` (to the fen, 角 or yuan, half up) applies to percentage amounts only;
    the fixed amounts for farmers and students are never rounded away.
    """
    if reduced_amount_fen is not None and category is not DuesCategory.HARDSHIP:
        raise ValueError("a reduced amount only applies to the hardship category")
    if category in (DuesCategory.IN_SERVICE, DuesCategory.RETIRED):
        return min(_percentage_dues(category, base_fen, rounding), MONTHLY_CAP_FEN)
    if category is DuesCategory.FARMER:
        return _farmer_dues(farmer_amount_fen)
    if category is DuesCategory.STUDENT_ETC:
        return STUDENT_ETC_FEN
    return _hardship_dues(reduced_amount_fen)


def is_capped(category: DuesCategory, base_fen: int, rounding: Rounding = "fen") -> bool:
    """Whether the computed percentage amount is above the 1000-yuan ceiling (and was capped)."""
    if category not in (DuesCategory.IN_SERVICE, DuesCategory.RETIRED):
        return False
    return _percentage_dues(category, base_fen, rounding) > MONTHLY_CAP_FEN


def _percentage_dues(category: DuesCategory, base_fen: int, rounding: Rounding) -> int:
    if rounding not in ROUNDING_UNITS_FEN:
        raise ValueError(f"unknown rounding {rounding!r}")
    unit = ROUNDING_UNITS_FEN[rounding]
    exact = base_fen * rate_basis_points(category, base_fen)
    return round_half_up(exact, BASIS_POINTS_PER_UNIT * unit) * unit


def _farmer_dues(amount_fen: int) -> int:
    if not FARMER_MIN_FEN <= amount_fen <= FARMER_MAX_FEN:
        raise InvalidValue(
            f"农民党员每月党费应在0.20元到1.00元之间，这里是{format_fen(amount_fen)}元。",
            "请在0.20元到1.00元之间确定金额。",
        )
    return amount_fen


def _hardship_dues(reduced_amount_fen: int | None) -> int:
    if reduced_amount_fen is None:
        return 0
    if reduced_amount_fen < 0:
        raise InvalidValue("减免后的党费不能是负数。", "请填写批准的金额，免交请填0。")
    return reduced_amount_fen


def parse_yuan_to_fen(value: str | int | Decimal) -> int:
    """Read an amount in yuan (3000.01, 3,000.01, 3000元, ￥3000) as integer fen."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise TypeError(f"cannot read money from {type(value).__name__}")
    typed = str(value).strip()
    text = _clean_amount(typed)
    if not text:
        raise InvalidValue("还没有填写金额。", _MONEY_EXAMPLE)
    if text.startswith("-"):
        raise InvalidValue(f"金额“{typed}”是负数。", "党费金额不能是负数，请填写实际金额。")
    return _fen_from_text(typed, _drop_thousands_separators(typed, text))


def _clean_amount(typed: str) -> str:
    text = remove_spaces(strip_apostrophe(fullwidth_to_ascii(typed))).replace("￥", "")
    return text.removeprefix("¥").removeprefix("RMB").removesuffix("整").removesuffix("元")


def _drop_thousands_separators(typed: str, text: str) -> str:
    if "," not in text:
        return text
    if not _GROUPED.fullmatch(text):
        raise InvalidValue(f"“{typed}”中的逗号位置不对。", _MONEY_EXAMPLE)
    return text.replace(",", "")


def _fen_from_text(typed: str, text: str) -> int:
    match = _AMOUNT.fullmatch(text)
    if match is None or not (match.group(1) or match.group(2)):
        raise InvalidValue(f"“{typed}”不是金额。", _MONEY_EXAMPLE)
    whole, decimals = match.group(1) or "0", match.group(2) or ""
    if len(decimals.rstrip("0")) > 2:
        raise InvalidValue(f"金额“{typed}”的小数超过两位。", "金额最多精确到分，即小数点后两位。")
    return int(whole) * 100 + int(decimals[:2].ljust(2, "0"))


def format_fen(amount_fen: int) -> str:
    """Integer fen as yuan with two decimals: 300001 → "3000.01"."""
    sign = "-" if amount_fen < 0 else ""
    yuan, fen = divmod(abs(amount_fen), 100)
    return f"{sign}{yuan}.{fen:02d}"
