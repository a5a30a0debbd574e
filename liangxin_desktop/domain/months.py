"""Calendar months as "YYYY-MM" text: shifting, ranges, and the last month that has ended."""

from __future__ import annotations

from datetime import date, timedelta


def month_text(day: date) -> str:
    return day.isoformat()[:7]


def shift_month(month: str, count: int) -> str:
    """``month`` ("YYYY-MM") moved by ``count`` months."""
    year, number = map(int, month.split("-"))
    index = year * 12 + number - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, second: str) -> int:
    """Whole months from ``first`` to ``second`` (both "YYYY-MM")."""
    (y1, m1), (y2, m2) = (map(int, first.split("-")), map(int, second.split("-")))
    return (y2 - y1) * 12 + (m2 - m1)


def month_range(first: str, last: str) -> list[str]:
    """``first`` to ``last`` inclusive, oldest first (empty when ``last`` is before ``first``)."""
    year, number = int(first[:4]), int(first[5:7])
    start = year * 12 + number - 1
    return [
        f"{index // 12:04d}-{index % 12 + 1:02d}"
        for index in range(start, start + months_between(first, last) + 1)
    ]


def last_complete_month(today: date) -> str:
    """The last month that has ended by the end of ``today``: November on 2026-12-01 and on
    2026-12-30, December on 2026-12-31 (a register "as of" a date includes that whole day)."""
    if (today + timedelta(days=1)).day == 1:
        return month_text(today)
    return shift_month(month_text(today), -1)


def quarter_of(month: str) -> str:
    """ "2026-05" → "2026-Q2"."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
