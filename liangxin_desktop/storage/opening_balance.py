"""The year so far: dues members already paid before the clerk started using the program.

A clerk who starts in December enters, for many members at once, that the months up to a
given month are paid, each on its real date (by default the last day of its own month, or one
date for all). Months already recorded are left as they are; all members or none are written.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import dues
from liangxin_desktop.storage.archive import Archive


@dataclass(frozen=True)
class OpeningBalance:
    """What the clerk asks for: these members paid ``year`` up to ``through`` ("YYYY-MM")."""

    year: int
    person_ids: tuple[int, ...]
    through: str
    paid_on: date | None = None  # None: each month on the last day of that month
    method: str = "按月"
    collector: str = ""


def month_end(month: str, today: date) -> date:
    """The last day of ``month``, or ``today`` when the month has not ended yet."""
    year, number = int(month[:4]), int(month[5:7])
    return min(date(year, number, calendar.monthrange(year, number)[1]), today)


def _plan(archive: Archive, request: OpeningBalance) -> list[tuple[dues.DuesLine, list[str]]]:
    if request.through[:4] != str(request.year):
        raise InvalidValue(f"“已交至”须是{request.year}年的月份。")
    chosen = set(request.person_ids)
    planned = []
    for line in dues.dues_grid(archive, request.year):
        if line.person_id not in chosen:
            continue
        if line.monthly_fen is None:
            raise InvalidValue(
                f"{line.name}还没有{request.year}年度的党费核定。",
                "请先在党费收缴册中点“年度核定…”，再录入已交党费。",
            )
        months = line.unpaid_months(request.through)
        if months:
            planned.append((line, months))
    return planned


def opening_balance_warnings(archive: Archive, request: OpeningBalance) -> list[str]:
    """The 补交 warnings the clerk confirms before recording (none when paid month by month)."""
    if request.paid_on is None:
        return []
    found = []
    for line, months in _plan(archive, request):
        warning = dues.back_payment_warning(line.name, months, request.paid_on)
        if warning:
            found.append(warning)
    return found


def record_opening_balance(archive: Archive, request: OpeningBalance, today: date) -> int:
    """Record the months not yet paid up to ``through``; how many monthly payments were written."""
    planned = _plan(archive, request)
    count = 0
    with archive.transaction():  # all members or none
        for line, months in planned:
            for paid_on, group in _by_date(months, request.paid_on, today):
                count += dues.record_payments(
                    archive,
                    [line.person_id],
                    group,
                    paid_on,
                    request.method,
                    request.collector,
                    today=today,
                )
    return count


def _by_date(
    months: Sequence[str], paid_on: date | None, today: date
) -> list[tuple[date, list[str]]]:
    if paid_on is not None:
        return [(paid_on, list(months))]
    return [(month_end(month, today), [month]) for month in months]
