"""Dates as the clerk types them, as printed (2026年11月27日), and calendar arithmetic."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from liangxin_desktop.domain.text import fullwidth_to_ascii, remove_spaces, strip_apostrophe
from liangxin_desktop.errors import InvalidValue

DateInput = date | str | int
# Typing mistakes like 0219 or 20019 are caught by this range; it is wide enough for
# any birth date on an ID number (GB 11643 allows 18xx) and any planned date.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2199

_FULL_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME_OF_DAY = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_YEAR_MONTH = re.compile(r"(\d{4})[-/.年](\d{1,2})月?")
_COMPACT_YEAR_MONTH = re.compile(r"(\d{4})(\d{2})")
_STORED_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DATE_EXAMPLE = "请按“2019-07-01”或“2019年7月1日”的样子输入。"
_MONTH_EXAMPLE = "请按“2019-07”或“2019年7月”的样子输入。"


def _clean(value: str) -> str:
    text = strip_apostrophe(fullwidth_to_ascii(value)).strip()
    return remove_spaces(_TIME_OF_DAY.sub("", text))


def parse_date(value: DateInput) -> date:
    """Read a date typed in any common spelling; raise InvalidValue if it is not a real date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"cannot read a date from {type(value).__name__}")
    typed = str(value).strip()
    text = _clean(typed)
    if not text:
        raise InvalidValue("还没有填写。", _DATE_EXAMPLE)
    match = _FULL_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match is None and _YEAR_MONTH.fullmatch(text):
        raise InvalidValue(
            f"“{typed}”只有年和月，这里需要具体到哪一天。", "请补上日，例如“2019-07-01”。"
        )
    if match is None:
        raise InvalidValue(f"“{typed}”不是能识别的日期。", _DATE_EXAMPLE)
    return _real_date(typed, *match.groups())


def _real_date(typed: str, year_text: str, month_text: str, day_text: str) -> date:
    year, month, day = int(year_text), int(month_text), int(day_text)
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InvalidValue(f"“{typed}”中的年份“{year_text}”不对。", _DATE_EXAMPLE)
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue(
            f"“{typed}”这个日期不存在。", "请检查月和日，日期的写法如“2019-07-01”。"
        ) from None


def parse_year_month(value: DateInput) -> str:
    """Read a month (2019.7, 2019-07, 2019年7月, 201907, or a date) as ``"YYYY-MM"``."""
    if isinstance(value, date):
        return f"{value:%Y-%m}"
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"cannot read a month from {type(value).__name__}")
    typed = str(value).strip()
    text = _clean(typed)
    if not text:
        raise InvalidValue("还没有填写。", _MONTH_EXAMPLE)
    if _FULL_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text):
        return f"{parse_date(typed):%Y-%m}"
    match = _YEAR_MONTH.fullmatch(text) or _COMPACT_YEAR_MONTH.fullmatch(text)
    if match is None:
        raise InvalidValue(f"“{typed}”不是能识别的年月。", _MONTH_EXAMPLE)
    year, month = (int(part) for part in match.groups())
    if not EARLIEST_YEAR <= year <= LATEST_YEAR or not 1 <= month <= 12:
        raise InvalidValue(f"“{typed}”这个年月不存在。", _MONTH_EXAMPLE)
    return f"{year:04d}-{month:02d}"


def format_cn_date(d: date | str) -> str:
    """The printed form, without leading zeros: 2026年11月27日 (of a date or a stored ISO date)."""
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def format_cn_month(year_month: str) -> str:
    """The printed form of a stored ``"YYYY-MM"``: 2019年7月."""
    match = _STORED_YEAR_MONTH.fullmatch(year_month)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"not a stored year-month: {year_month!r}")
    return f"{int(match.group(1))}年{int(match.group(2))}月"


def add_months(d: date, n: int) -> date:
    """Move by whole calendar months; a day past the month's end becomes its last day."""
    month_index = d.year * 12 + d.month - 1 + n
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last_day))


def whole_years_between(start: date, end: date) -> int:
    """Completed years from ``start`` to ``end`` (age, 党龄).

    A year is complete on the day ``add_months(start, 12)`` reaches, so someone
    born on 29 February completes a year on 28 February in other years — the
    same month-end rule as every other period in the app.
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    years = end.year - start.year
    if add_months(start, 12 * years) > end:
        years -= 1
    return years
