"""Demo dues: steady 核定 per member, monthly payments, quarterly 上缴, a 返还.

No mid-year re-assessment: the Excel round trip of the 党费收缴册 carries one 核定 per member
and year (a change from a month is shown in 备注 but not read back).
"""

from __future__ import annotations

import random
from datetime import date

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.months import month_range, quarter_of
from liangxin_desktop.storage import dues, dues_accounts
from liangxin_desktop.storage.archive import Archive

_IN_SERVICE_BASES = [280000, 450000, 650000, 820000, 1200000]
_PENSION_BASES = [420000, 600000]
BEHIND_MONTHS = 4  # members with id % 11 == 0 stop paying: the six-month rule's 3-month warning


def _bases(archive: Archive, rng: random.Random) -> dict[int, tuple[str, int]]:
    """Each member's category and base, drawn once (a wage does not change at random each year)."""
    found = {}
    for person_id, job_post in archive.db.execute(
        "SELECT id, job_post FROM people WHERE stage IN ('member', 'left', 'dropped') ORDER BY id"
    ):
        if job_post == "离退休人员":
            found[person_id] = ("离退休", rng.choice(_PENSION_BASES))
        else:
            found[person_id] = ("在职", rng.choice(_IN_SERVICE_BASES))
    return found


def _assess_year(archive: Archive, year: int, bases: dict[int, tuple[str, int]]) -> None:
    for line in dues.dues_grid(archive, year):
        category, base = bases[line.person_id]
        dues.assess(archive, line.person_id, year, category, base)


def _pay_year(archive: Archive, year: int, today: date, collector: str) -> None:
    last = min(f"{year}-12", today.isoformat()[:7])
    for line in dues.dues_grid(archive, year):
        behind = BEHIND_MONTHS if line.person_id % 11 == 0 and year == today.year else 0
        stop = dates.add_months(date.fromisoformat(last + "-01"), -behind).isoformat()[:7]
        for month in month_range(line.first_month, min(stop, line.last_month)):
            paid_on = date.fromisoformat(month + "-25")
            if paid_on <= today:
                dues.record_payments(
                    archive, [line.person_id], [month], paid_on, "按月", collector, today
                )


def _remit_quarters(archive: Archive, year: int, today: date, receiver: str) -> None:
    """Each complete quarter's payments go to the superior on the 5th of the next month."""
    totals: dict[str, int] = {}
    for month, amount in archive.db.execute(
        "SELECT month, sum(amount_fen) FROM dues_payments WHERE month LIKE ? GROUP BY month",
        [f"{year}-%"],
    ):
        totals[quarter_of(month)] = totals.get(quarter_of(month), 0) + int(amount)
    for quarter, amount in sorted(totals.items()):
        number = int(quarter[-1])
        day = date(year + number // 4, number * 3 % 12 + 1, 5)
        if day <= today and amount:
            dues_accounts.remit(
                archive, day, amount, f"{year}年第{'一二三四'[number - 1]}季度", receiver
            )


def build_dues(
    archive: Archive, rng: random.Random, today: date, collector: str, receiver: str
) -> None:
    """核定 for last year and this year, payments month by month (a few members behind), 上缴."""
    bases = _bases(archive, rng)
    for year in (today.year - 1, today.year):
        _assess_year(archive, year, bases)
    for year in (today.year - 1, today.year):
        _pay_year(archive, year, today, collector)
        _remit_quarters(archive, year, today, receiver)
    returned_on = date(today.year - 1, 12, 20)
    dues_accounts.record_return(
        archive, returned_on, "返还", 50000, receiver, "党员教育培训和困难党员慰问", today
    )
