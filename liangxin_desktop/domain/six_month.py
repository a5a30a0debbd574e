"""The six-month rule (党章 Art. 9): runs of calendar months without organizational life or dues.

党章 Art. 9: a member who, without good reason, for 6 consecutive months does not take part in
organizational life or does not pay dues is regarded as having left the Party; the 支部大会
decides. The app only flags (warn at 3 months, alert at 6), never acts.

The run counts **calendar months**, not meetings: a member who has attended nothing since the
last meeting they attended, and missed at least one meeting they were expected at since then,
has a run from the month of that first missed meeting through the last complete month. Months
in that run in which nothing was held for the member still count for the member; they are
listed (``quiet_months``) because they flag the *branch* (三会一课 not held), not the member.
Months with a good reason (excused) pause the run: they neither count nor end it. Dues run the
same way: months owed and unpaid since the last paid month, 未核定 months included (owed at an
unknown amount, listed in ``quiet_months``), waived months (amount 0) count as paid.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

WARN_MONTHS, ALERT_MONTHS = 3, 6


@dataclass(frozen=True)
class Run:
    """A run of calendar months of the six-month rule."""

    months: int = 0  # months counted (excused months left out)
    since: str = ""  # "YYYY-MM", the first month of the run ("" when there is none)
    quiet_months: tuple[str, ...] = ()  # attendance: nothing held for the member; dues: 未核定


def _run_after(
    months: Sequence[str], good: Collection[str], bad: Collection[str], excused: Collection[str]
) -> tuple[str, ...]:
    """The counted months from the first ``bad`` month after the last ``good`` one."""
    last_good = max((i for i, m in enumerate(months) if m in good), default=-1)
    window = months[last_good + 1 :]
    start = next((i for i, m in enumerate(window) if m in bad and m not in excused), None)
    if start is None:
        return ()
    return tuple(m for m in window[start:] if m not in excused)


def attendance_run(
    months: Sequence[str],
    attended: Collection[str],
    missed: Collection[str],
    expected: Collection[str],
    excused: Collection[str] = (),
) -> Run:
    """The attendance run over ``months`` (the member's months here, oldest first).

    ``attended``: months with a meeting attended (出席/列席); ``missed``: months with a meeting
    the member was expected at and missed (缺席); ``expected``: months with any meeting the
    member was expected at; ``excused``: months with a good reason.
    """
    counted = _run_after(months, attended, missed, excused)
    if not counted:
        return Run()
    quiet = tuple(m for m in counted if m not in expected)
    return Run(len(counted), counted[0], quiet)


def dues_run(
    months: Sequence[str],
    owed: Mapping[str, int | None],
    paid: Collection[str],
    excused: Collection[str] = (),
) -> Run:
    """The dues run over ``months`` (oldest first); ``owed`` maps month → fen, ``None`` = 未核定."""
    good = set(paid) | {m for m in months if owed.get(m) == 0}
    unpaid = [m for m in months if m not in good]
    counted = _run_after(months, good, unpaid, excused)
    if not counted:
        return Run()
    quiet = tuple(m for m in counted if owed.get(m) is None)
    return Run(len(counted), counted[0], quiet)


def level_of(months: int) -> str:
    if months >= ALERT_MONTHS:
        return "已满6个月"
    return "已满3个月" if months >= WARN_MONTHS else ""


@dataclass(frozen=True)
class Flag:
    """A member's two runs; ``level`` is the worse of them."""

    attendance: Run = field(default_factory=Run)
    dues: Run = field(default_factory=Run)

    @property
    def attendance_months(self) -> int:
        return self.attendance.months

    @property
    def dues_months(self) -> int:
        return self.dues.months

    @property
    def worst_months(self) -> int:
        return max(self.attendance.months, self.dues.months)

    @property
    def level(self) -> str:
        return level_of(self.worst_months)
