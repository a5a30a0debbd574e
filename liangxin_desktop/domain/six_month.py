"""The six-month rule (党章 Art. 9): runs of months without organizational life or without dues.

Only flags, never acts: warn at 3 months, alert at 6. A month with a good reason, or a month in
which the member was not expected anywhere (no meeting for them), neither counts nor breaks the
run; the current month is not over yet and is not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

WARN_MONTHS, ALERT_MONTHS = 3, 6


def previous_months(last: str, first: str) -> list[str]:
    """From ``last`` back to ``first`` ("YYYY-MM"), newest first."""
    year, month = map(int, last.split("-"))
    found = []
    while f"{year}-{month:02d}" >= first:
        found.append(f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


def missed_run(months_newest_first: Iterable[str], good: set[str], missed: set[str]) -> int:
    """How many ``missed`` months in a row, newest first, until a ``good`` month (others are skipped)."""
    run = 0
    for month in months_newest_first:
        if month in good:
            break
        if month in missed:
            run += 1
    return run


@dataclass(frozen=True)
class Flag:
    attendance_months: int
    dues_months: int

    @property
    def level(self) -> str:
        worst = max(self.attendance_months, self.dues_months)
        if worst >= ALERT_MONTHS:
            return "已满6个月"
        return "已满3个月" if worst >= WARN_MONTHS else ""
