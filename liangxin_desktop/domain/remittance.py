"""上缴: the dues a branch collects go to the superior organization once a quarter.

中组发〔2008〕3号 (Art. 15 ff.) has every level pass the dues it collects on to the one above in
time; how often is set locally — quarterly or half-yearly (reference/domain-research.md §1.3
"Hand-in to the higher level"). The app takes the quarterly rhythm, due by the end of the month
after the quarter (the 综合党委s' usual "次月上旬" falls inside it). A 上缴 covers a quarter when
its 所属期间 names it — the quarter ("2026年第一季度", the form's own example), its half year
("2026年上半年") or the whole year ("2026年全年") — or, with no 所属期间, when it is dated after
the quarter ended.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from liangxin_desktop.domain.months import last_complete_month, shift_month

_NUMERALS = "一二三四"


def last_complete_quarter(today: date) -> str:
    """The last quarter over on ``today`` ("2026-Q3" on 2026-12-01)."""
    month = last_complete_month(today)
    while int(month[5:]) % 3:
        month = shift_month(month, -1)
    return f"{month[:4]}-Q{int(month[5:]) // 3}"


def quarter_months(quarter: str) -> tuple[str, ...]:
    """ "2026-Q3" → ("2026-07", "2026-08", "2026-09")."""
    first = (int(quarter[-1]) - 1) * 3 + 1
    return tuple(f"{quarter[:4]}-{first + n:02d}" for n in range(3))


def quarter_label(quarter: str) -> str:
    """ "2026-Q3" → 2026年第三季度."""
    return f"{quarter[:4]}年第{_NUMERALS[int(quarter[-1]) - 1]}季度"


def quarter_end(quarter: str) -> date:
    year, month = int(quarter[:4]), int(quarter[-1]) * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def remittance_due(quarter: str) -> date:
    """The end of the month after the quarter."""
    after = shift_month(quarter_months(quarter)[-1], 1)
    year, month = int(after[:4]), int(after[5:])
    return date(year, month, calendar.monthrange(year, month)[1])


def _names(period: str, quarter: str) -> bool:
    number = int(quarter[-1])
    half = "上半年" if number <= 2 else "下半年"
    parts = (f"{_NUMERALS[number - 1]}季度", half, "全年")
    return quarter[:4] in period and any(part in period for part in parts)


def quarter_remitted(quarter: str, remittances: Iterable[tuple[date, str | None]]) -> bool:
    """Whether a 上缴 (date, 所属期间 or None) covers ``quarter``."""
    end = quarter_end(quarter)
    return any(_names(period, quarter) if period else day > end for day, period in remittances)
