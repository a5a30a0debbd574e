"""Field definitions, and turning a typed or imported value into its stored form.

A field's ``kind`` decides how a value is parsed, stored, shown, exported and printed,
so that every register shares one implementation of each.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from liangxin_desktop.domain import dates, dues, idnumber, phone, uscc
from liangxin_desktop.domain.text import normalize_text, strip_apostrophe
from liangxin_desktop.errors import InvalidValue


class FieldKind(enum.Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    MONTH = "month"  # "YYYY-MM"
    TIME = "time"  # "HH:MM"
    CHOICE = "choice"
    BOOL = "bool"
    INTEGER = "integer"
    NUMBER = "number"  # a non-negative decimal such as 学时 (1.5)
    MONEY = "money"  # integer fen
    ID_NUMBER = "id_number"
    PHONE = "phone"
    CREDIT_CODE = "credit_code"  # 统一社会信用代码
    COMPUTED = "computed"  # derived for display, never stored


@dataclass(frozen=True)
class Field:
    """One column of a register."""

    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    matcher: Callable[[str], str] | None = None  # maps synonyms/codes to a choice label
    editable_choices: bool = False  # a choice list the clerk may extend (e.g. units)
    max_length: int = 200
    width: int = 10  # characters, for tables and Excel
    print_width: float = 0.0  # relative width on the printed page; 0 = not printed
    in_table: bool = True
    in_form: bool = True
    in_excel: bool = True
    placeholder: str = ""
    help: str = ""
    compute: Callable[[dict[str, Any], date], Any] | None = None
    sort_by: str | None = None  # column to sort on when this field is not stored itself
    sort_reversed: bool = False

    @property
    def stored(self) -> bool:
        return self.kind is not FieldKind.COMPUTED


@dataclass(frozen=True)
class Problem:
    """Something wrong (error) or worth a look (warning) in one field of a record."""

    field_key: str
    label: str
    message: str
    is_error: bool = True

    def text(self) -> str:
        return f"{self.label}：{self.message}" if self.label else self.message


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_value(field: Field, value: object) -> Any:
    """The stored form of ``value`` (None when blank); raise InvalidValue when it is wrong."""
    if _is_blank(value):
        return 0 if field.kind is FieldKind.BOOL else None
    parser = _PARSERS.get(field.kind, _parse_text)
    return parser(field, value)


def _parse_text(field: Field, value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = normalize_text(strip_apostrophe(str(value)))
    if len(text) > field.max_length:
        raise InvalidValue(
            f"内容过长（{len(text)} 个字），最多 {field.max_length} 个字。", "请精简后再保存。"
        )
    return text


def _parse_long_text(field: Field, value: object) -> str:
    text = str(value).replace("\r\n", "\n").strip()
    if len(text) > field.max_length:
        raise InvalidValue(f"内容过长（{len(text)} 个字），最多 {field.max_length} 个字。")
    return text


def _parse_date(field: Field, value: object) -> str:
    return dates.parse_date(value).isoformat()  # type: ignore[arg-type]


def _parse_month(field: Field, value: object) -> str:
    return dates.parse_year_month(value)  # type: ignore[arg-type]


def _parse_choice(field: Field, value: object) -> str:
    text = normalize_text(str(value))
    if text in field.choices:
        return text
    if field.matcher is not None:
        return field.matcher(text)
    if field.editable_choices:
        return _parse_text(field, text)
    options = "、".join(field.choices[:12])
    raise InvalidValue(f"“{text}”不是可选的值。", f"请从以下选项中选择：{options}。")


_TRUE = {"是", "有", "√", "✓", "1", "y", "yes", "true", "t"}
_FALSE = {"否", "无", "×", "0", "n", "no", "false", "f"}


def _parse_bool(field: Field, value: object) -> int:
    if isinstance(value, bool | int):
        return 1 if value else 0
    text = normalize_text(str(value)).lower()
    if text in _TRUE:
        return 1
    if text in _FALSE:
        return 0
    raise InvalidValue(f"“{value}”无法识别。", "请填写“是”或“否”。")


def _parse_integer(field: Field, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = normalize_text(str(value)).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise InvalidValue(f"“{value}”不是数字。", "请填写整数，例如 12。") from None
    if not number.is_integer() or number < 0:
        raise InvalidValue(f"“{value}”不是非负整数。", "请填写整数，例如 12。")
    return int(number)


def _parse_money(field: Field, value: object) -> int:
    return dues.parse_yuan_to_fen(value)  # type: ignore[arg-type]


def _parse_id_number(field: Field, value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise InvalidValue(
            "身份证号码被保存成了数字，Excel 只保留 15 位有效数字，后几位已经丢失。",
            "请把这一列设为“文本”格式，再按身份证重新输入号码。",
        )
    return idnumber.parse_id_number(str(value)).number


def _parse_phone(field: Field, value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return phone.normalize_phone(str(value))


def _parse_credit_code(field: Field, value: object) -> str:
    return uscc.check_uscc(str(value))


_TIME = re.compile(r"(\d{1,2})\s*[:：点時时]\s*(\d{1,2})?\s*分?")


def _parse_time(field: Field, value: object) -> str:
    text = normalize_text(str(value))
    match = _TIME.fullmatch(text) or re.fullmatch(r"(\d{1,2})(\d{2})", text)
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 0)
    if hour > 23 or minute > 59:
        raise InvalidValue(f"“{value}”不是有效的时间。", "请按“时:分”填写，例如 14:30。")
    return f"{hour:02d}:{minute:02d}"


def _parse_number(field: Field, value: object) -> float:
    text = normalize_text(str(value)).replace(",", "")
    try:
        number = float(text)
    except ValueError:
        raise InvalidValue(f"“{value}”不是数字。", "请填写数字，例如 2 或 1.5。") from None
    if number < 0 or number != number:
        raise InvalidValue(f"“{value}”不能是负数。", "请填写数字，例如 2 或 1.5。")
    return round(number, 1)


_PARSERS: dict[FieldKind, Callable[[Field, object], Any]] = {
    FieldKind.TEXT: _parse_text,
    FieldKind.LONG_TEXT: _parse_long_text,
    FieldKind.DATE: _parse_date,
    FieldKind.MONTH: _parse_month,
    FieldKind.CHOICE: _parse_choice,
    FieldKind.BOOL: _parse_bool,
    FieldKind.INTEGER: _parse_integer,
    FieldKind.NUMBER: _parse_number,
    FieldKind.TIME: _parse_time,
    FieldKind.MONEY: _parse_money,
    FieldKind.ID_NUMBER: _parse_id_number,
    FieldKind.PHONE: _parse_phone,
    FieldKind.CREDIT_CODE: _parse_credit_code,
}


def display_value(field: Field, stored: Any, *, printed: bool = False) -> str:
    """The text shown for a stored value: in tables and Excel, or on the printed page."""
    if stored is None or stored == "":
        return ""
    if field.kind is FieldKind.BOOL:
        return "是" if stored else "否"
    if field.kind is FieldKind.MONEY:
        return dues.format_fen(int(stored))
    if field.kind is FieldKind.NUMBER:
        return f"{float(stored):g}"
    if printed and field.kind is FieldKind.DATE:
        return dates.format_cn_date(date.fromisoformat(stored))
    if printed and field.kind is FieldKind.MONTH:
        return dates.format_cn_month(stored)
    return str(stored)


def as_date(stored: Any) -> date | None:
    if not stored:
        return None
    if isinstance(stored, datetime):
        return stored.date()
    if isinstance(stored, date):
        return stored
    return date.fromisoformat(str(stored))
