"""公民身份号码 (GB 11643-1999): normalizing, checking and reading birth date and sex."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.text import fullwidth_to_ascii, remove_spaces, strip_apostrophe
from liangxin_desktop.errors import InvalidValue

ID_LENGTH = 18
OLD_ID_LENGTH = 15
# GB 11643's own example 440524188001010014 was born in 1880, so the standard allows 18xx.
# Whether a birth year is plausible for a member is a roster warning, not a format error.
EARLIEST_BIRTH = date(1800, 1, 1)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"
_SCIENTIFIC = re.compile(r"\d(\.\d+)?E\+?\d+")
_ADVICE = "请对照身份证重新输入。"


@dataclass(frozen=True)
class IdInfo:
    """A checked 18-character number and what it says about its holder."""

    number: str
    birth_date: date
    sex: str  # "男" or "女"


def normalize_id_number(raw: str) -> str:
    """Trim, turn full-width into ASCII, drop spaces and a leading ``'``, ``x`` → ``X``."""
    return remove_spaces(strip_apostrophe(fullwidth_to_ascii(raw).strip())).upper()


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != ID_LENGTH - 1 or not _is_digits(first17):
        raise ValueError(f"need 17 ASCII digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def parse_id_number(raw: str, today: date | None = None) -> IdInfo:
    """Check a typed or imported number and read its birth date and sex.

    Raises InvalidValue naming the first problem found, in the order a clerk
    would look: missing, damaged by Excel, length, characters, birth date, check.
    """
    number = normalize_id_number(raw)
    _check_shape(number)
    birth = _birth_date(number, today or date.today())
    expected = check_character(number[:17])
    if number[17] != expected:
        raise InvalidValue(f"校验位不正确（最后一位应为{expected}）。", _ADVICE)
    return IdInfo(number=number, birth_date=birth, sex=sex_from_sequence(number[14:17]))


def sex_from_sequence(sequence: str) -> str:
    """The sex coded by the 3-digit sequence: odd last digit is 男, even is 女."""
    return "男" if int(sequence[-1]) % 2 == 1 else "女"


def fictional_id_number(region: str, birth: date, sequence: int) -> str:
    """Build a well-formed number (correct check character) for demonstration data."""
    if len(region) != 6 or not _is_digits(region):
        raise ValueError(f"region must be 6 digits, got {region!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence}")
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)


def _is_digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def _check_shape(number: str) -> None:
    if not number:
        raise InvalidValue("还没有填写。", "请填写18位公民身份号码。")
    if _SCIENTIFIC.fullmatch(number):
        raise InvalidValue(
            f"号码被Excel当成了数字（显示为“{number}”），后几位已经丢失。",
            "请在Excel中把这一列设为“文本”格式，再按身份证重新输入完整的18位号码。",
        )
    if len(number) == OLD_ID_LENGTH and _is_digits(number):
        raise InvalidValue(
            "这是15位的旧身份证号码，现在需要18位的号码。",
            "请按现在使用的第二代居民身份证输入18位号码。",
        )
    if len(number) != ID_LENGTH:
        raise InvalidValue(f"现在是{len(number)}位，应为18位。", "请对照身份证检查是否多输或漏输。")
    _check_characters(number)


def _check_characters(number: str) -> None:
    for position, char in enumerate(number, start=1):
        allowed = char.isascii() and (char.isdigit() or (position == ID_LENGTH and char == "X"))
        if not allowed:
            raise InvalidValue(
                f"第{position}位是“{char}”，前17位只能是数字，最后一位是数字或X。", _ADVICE
            )


def _birth_date(number: str, today: date) -> date:
    digits = number[6:14]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise InvalidValue(f"第7到14位的出生日期“{digits}”不是真实的日期。", _ADVICE) from None
    if birth > today:
        raise InvalidValue(f"其中的出生日期{format_cn_date(birth)}还没有到。", _ADVICE)
    if birth < EARLIEST_BIRTH:
        raise InvalidValue(
            f"其中的出生日期{format_cn_date(birth)}早于{EARLIEST_BIRTH.year}年，不可能正确。",
            _ADVICE,
        )
    return birth


def mask_id_number(number: str) -> str:
    """ "3301**********1234": the first four and last four characters, the rest hidden.

    Source: GB/T 35273-2020《信息安全技术 个人信息安全规范》3.14 去标识化 and 《个人信息保护法》
    第五十一条 (measures against unauthorized viewing); the 4+4 split is the common display form
    of the Ministry of Public Security's 居民身份证 verification services. Shorter text (not a
    valid number) is hidden but for its last character."""
    if len(number) > 8:
        return number[:4] + "*" * (len(number) - 8) + number[-4:]
    return "*" * max(len(number) - 1, 0) + number[-1:]
