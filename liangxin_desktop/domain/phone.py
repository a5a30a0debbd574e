"""Phone numbers: Chinese mobiles stored as 11 digits, landlines as ``0571-88886666[-123]``."""

from __future__ import annotations

import re

from liangxin_desktop.domain.text import fullwidth_to_ascii, remove_spaces, strip_apostrophe
from liangxin_desktop.errors import InvalidValue

_MOBILE = re.compile(r"1[3-9]\d{9}")
_EXTENSION = re.compile(r"(.*?)(?:转|分机|ext\.?|x|#)\s*(\d{1,6})", re.IGNORECASE)
_ALLOWED = re.compile(r"\+?[\d\s\-()]+")
_GROUPS = re.compile(r"\d+")
_EXAMPLE = "手机号请输入11位数字；座机请连区号输入，如“0571-88886666”。"


def normalize_phone(raw: str) -> str:
    """Check a phone number and return it in the stored form; raise InvalidValue if wrong."""
    typed = raw.strip()
    text = strip_apostrophe(fullwidth_to_ascii(raw)).strip()
    if not remove_spaces(text):
        raise InvalidValue("还没有填写。", _EXAMPLE)
    main, extension = _split_marked_extension(text)
    if not _ALLOWED.fullmatch(main):
        raise InvalidValue(f"“{typed}”不是能识别的电话号码。", _EXAMPLE)
    groups = _GROUPS.findall(main)
    digits = _national_digits(main, "".join(groups))
    if _MOBILE.fullmatch(digits):
        if extension:
            raise InvalidValue("手机号码不能带分机号。", "请只填写11位手机号码。")
        return digits
    if digits.startswith("1"):
        raise InvalidValue(_mobile_problem(digits), _EXAMPLE)
    return _landline(typed, digits, groups, extension)


def _split_marked_extension(text: str) -> tuple[str, str]:
    match = _EXTENSION.fullmatch(text)
    if match is None:
        return text, ""
    return match.group(1), match.group(2)


def _national_digits(main: str, digits: str) -> str:
    """Drop a +86 / 0086 country prefix (and a bare 86 before a mobile number)."""
    compact = main.lstrip(" (")
    if compact.startswith(("+86", "0086")):
        national = digits.removeprefix("00")[2:]
        # Abroad the trunk 0 of an area code is left out: +86 571 88886666.
        return national if _MOBILE.fullmatch(national) or national[:1] == "0" else "0" + national
    if digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        return digits[2:]
    return digits


def _mobile_problem(digits: str) -> str:
    if len(digits) != 11:
        return f"手机号码应为11位，这里是{len(digits)}位。"
    return "不是有效的手机号码（第二位应为3到9）。"


def _area_code_length(digits: str) -> int:
    """010 and 02X are 3 digits long; every other area code is 4 (0 + 3 digits)."""
    return 3 if digits.startswith(("010", "02")) else 4


def _landline(typed: str, digits: str, groups: list[str], extension: str) -> str:
    if not digits.startswith("0"):
        if 7 <= len(digits) <= 8 and not extension:
            raise InvalidValue("座机号码缺少区号。", "请在前面加上区号，如“0571-88886666”。")
        raise InvalidValue(f"“{typed}”不是能识别的电话号码。", _EXAMPLE)
    area_length = _area_code_length(digits)
    local = digits[area_length:]
    if not extension and len(local) > 8 and len(groups) > 1 and len(groups[-1]) <= 6:
        extension = groups[-1]
        local = local[: -len(extension)]
    if digits.startswith("00") or not 7 <= len(local) <= 8 or local[0] in "01":
        raise InvalidValue(f"“{typed}”不是能识别的电话号码。", _EXAMPLE)
    stored = f"{digits[:area_length]}-{local}"
    return f"{stored}-{extension}" if extension else stored
