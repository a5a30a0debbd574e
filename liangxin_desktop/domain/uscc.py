"""统一社会信用代码 (GB 32100-2015): 18 characters ending in a MOD 31 check character."""

from __future__ import annotations

from liangxin_desktop.domain.text import fullwidth_to_ascii, remove_spaces, strip_apostrophe
from liangxin_desktop.errors import InvalidValue

USCC_LENGTH = 18
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_LOOKALIKES = {"I": "1", "O": "0", "Z": "2", "S": "5", "V": "U"}
_ADVICE = "请对照营业执照或登记证书上的代码重新输入。"


def normalize_uscc(raw: str) -> str:
    """Trim, turn full-width into ASCII, drop spaces and a leading ``'``, upper-case."""
    return remove_spaces(strip_apostrophe(fullwidth_to_ascii(raw).strip())).upper()


def uscc_check_character(first17: str) -> str:
    """The check character for the first 17 characters."""
    if len(first17) != USCC_LENGTH - 1 or any(char not in CHARSET for char in first17):
        raise ValueError(f"need 17 characters of the code set, got {first17!r}")
    total = sum(
        CHARSET.index(char) * weight for char, weight in zip(first17, _WEIGHTS, strict=True)
    )
    return CHARSET[-total % 31]


def check_uscc(raw: str) -> str:
    """Return the normalized code, or raise InvalidValue naming the problem."""
    code = normalize_uscc(raw)
    if not code:
        raise InvalidValue("还没有填写。", "请填写18位统一社会信用代码。")
    if len(code) != USCC_LENGTH:
        raise InvalidValue(f"现在是{len(code)}位，应为18位。", "请对照营业执照检查是否多输或漏输。")
    _check_characters(code)
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        raise InvalidValue(f"校验位不正确（最后一位应为{expected}）。", _ADVICE)
    return code


def _check_characters(code: str) -> None:
    for position, char in enumerate(code, start=1):
        if char in _LOOKALIKES:
            raise InvalidValue(
                f"第{position}位是字母“{char}”，统一社会信用代码中不会出现I、O、Z、S、V。",
                f"请对照营业执照核对，这里可能应为“{_LOOKALIKES[char]}”。",
            )
        if char not in CHARSET:
            raise InvalidValue(f"第{position}位的“{char}”不能出现在统一社会信用代码中。", _ADVICE)
    if not code[2:8].isdigit():
        raise InvalidValue("第3到8位应为数字（登记机关所在地的行政区划代码）。", _ADVICE)
