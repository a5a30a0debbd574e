"""统一社会信用代码 (GB 32100-2015): 18 characters ending in a MOD 31 check character."""

from __future__ import annotations

from liangxin_desktop.domain.text import fullwidth_to_ascii, remove_spaces, strip_apostrophe
from liangxin_desktop.errors import InvalidValue

USCC_LENGTH = 18
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_LOOKALIKES = {"I": "1", "O": "0", "Z": "2", "S": "5", "V": "U"}
_ADVICE = "请对照营业执照或登记证书上的代码重新输入。"
# 第1位 登记管理部门代码 (GB 32100-2015 表1 and the codes added since): 1 机构编制, 2 外交,
# 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室,
# N 农业, Y 其他.
REGISTRATION_AUTHORITIES = {
    "1": "机构编制",
    "2": "外交",
    "3": "司法行政",
    "4": "文化",
    "5": "民政",
    "6": "旅游",
    "7": "宗教",
    "8": "工会",
    "9": "市场监督管理（工商）",
    "A": "中央军委改革和编制办公室",
    "N": "农业",
    "Y": "其他",
}
# What a host organization of each kind is usually registered by: enterprises (新经济组织) with
# 市场监管 (9), social organizations (新社会组织) with 民政 (5) — or 司法行政 (3) for law firms.
HOST_KIND_AUTHORITIES = {"新经济组织": ("9",), "新社会组织": ("5", "3")}


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
    if code[0] not in REGISTRATION_AUTHORITIES:
        raise InvalidValue(
            f"第1位“{code[0]}”不是登记管理部门代码（企业为9，社会组织为5）。", _ADVICE
        )
    if not code[2:8].isdigit():
        raise InvalidValue("第3到8位应为数字（登记机关所在地的行政区划代码）。", _ADVICE)


def host_kind_mismatch(code: str, host_kind: str) -> str:
    """A warning when 单位类型 does not match the registering authority of ``code`` ("" if fine)."""
    expected = HOST_KIND_AUTHORITIES.get(host_kind)
    first = normalize_uscc(code)[:1]
    if not expected or not first or first in expected:
        return ""
    authority = REGISTRATION_AUTHORITIES.get(first, "未知部门")
    return (
        f"统一社会信用代码第1位为{first}（{authority}登记），与“{host_kind}”不符："
        f"{host_kind}的代码一般以{'或'.join(expected)}开头，请核对。"
    )
