"""Which months are owed and at what amount: 核定 effective months, the current month, 预交.

- A 核定 applies from its effective month (中组发〔2008〕3号 Art. 10: a new wage counts "从按新
  工资标准领取工资的当月起"); the yearly 核定 applies from January (2017 notice: fixed at the
  start of the year). A month without any 核定 of its year is owed at an unknown amount (未核定).
- A month is owed once it has ended: the current month is not in arrears (DOMAIN.md, Dues).
- 预交 (paying ahead) reaches at most ``prepay_months`` months after the current month (setting).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from liangxin_desktop.domain.months import last_complete_month, month_text, shift_month


def owed_through(year: int, today: date) -> str:
    """应缴 runs to December of a past year, to the last complete month of the current one."""
    return min(f"{year}-12", last_complete_month(today))


def latest_prepay_month(today: date, prepay_months: int) -> str:
    """The last month that may be paid ahead on ``today`` (预交 limit, a setting)."""
    return shift_month(month_text(today), prepay_months)


@dataclass(frozen=True)
class Assessment:
    """One 核定: the monthly amount from ``effective_month`` on, within its year."""

    effective_month: str  # "YYYY-MM"
    monthly_fen: int


def monthly_schedule(
    assessments: Iterable[Assessment], months: Sequence[str]
) -> dict[str, int | None]:
    """Month → the amount owed that month; ``None`` means 未核定 (owed, amount unknown).

    The latest 核定 of the same year whose effective month is not after the month applies.
    """
    ordered = sorted(assessments, key=lambda a: a.effective_month)
    schedule: dict[str, int | None] = {}
    for month in months:
        amount = None
        for assessment in ordered:
            if assessment.effective_month[:4] == month[:4] and assessment.effective_month <= month:
                amount = assessment.monthly_fen
        schedule[month] = amount
    return schedule
