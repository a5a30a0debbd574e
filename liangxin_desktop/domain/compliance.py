"""三会一课 compliance by period (中国共产党支部工作条例（试行）2018, Arts. 11–19).

Each requirement is held against every *complete* period of the year, not against a yearly
total: twelve 主题党日 all held in November leave eleven months missing.

- 支部党员大会 ≥ 1 a quarter (Art. 11); 支委会 ≥ 1 a month where a committee exists (Art. 12);
  党小组会 ≥ 1 a month **per 党小组** (Art. 13); 主题党日 1 a month (Art. 16); 党课 ≥ N a
  quarter (common practice; ``party_lessons_per_quarter`` setting, default 1);
  组织生活会 (Art. 17), 民主评议党员 (Art. 19) and 谈心谈话 (Art. 18) ≥ 1 a year, and every
  member is talked with at least once a year (Art. 18).
- A period counts once it is over on ``today``; the yearly items once the year is over.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from liangxin_desktop.domain.months import last_complete_month, month_range, quarter_of

COMMITTEE_KINDS = ("支委会", "党委会", "党总支委员会")
TALK_KIND = "谈心谈话"


@dataclass(frozen=True)
class Requirement:
    """A kind of meeting and how often it must be held."""

    label: str
    kinds: tuple[str, ...]
    per: str  # "month", "quarter" or "year"
    times: int = 1  # meetings needed in each period
    per_group: bool = False  # counted per 党小组
    needs_committee: bool = False  # only where a committee exists


def requirements(party_lessons_per_quarter: int = 1) -> tuple[Requirement, ...]:
    return (
        Requirement("支部党员大会", ("支部党员大会",), "quarter"),
        Requirement("支委会", COMMITTEE_KINDS, "month", needs_committee=True),
        Requirement("党小组会", ("党小组会",), "month", per_group=True),
        Requirement("主题党日", ("主题党日",), "month"),
        Requirement("党课", ("党课",), "quarter", times=party_lessons_per_quarter),
        Requirement("组织生活会", ("组织生活会",), "year"),
        Requirement("民主评议", ("民主评议党员",), "year"),
        Requirement("谈心谈话", (TALK_KIND,), "year"),
    )


@dataclass(frozen=True)
class HeldMeeting:
    """A meeting as the rule needs it."""

    day: date
    kind: str
    party_groups: frozenset[str] = frozenset()  # 党小组会: the groups whose members were expected
    talked_with: frozenset[int] = frozenset()  # 谈心谈话: the members talked with


@dataclass(frozen=True)
class PeriodCheck:
    """One requirement (for one 党小组 when counted per group) over the year."""

    label: str
    group: str  # the 党小组, or "" when not counted per group
    per: str
    due_periods: tuple[str, ...]  # the complete periods ("2026-03", "2026-Q1", "2026")
    missing: tuple[str, ...]  # due periods with fewer meetings than required
    held: int  # meetings held in the year, complete periods or not
    last_period: str  # the last complete period ("" when none is over yet)
    last_period_shortfall: int  # meetings still missing in it

    @property
    def name(self) -> str:
        return f"{self.label}（{self.group}）" if self.group else self.label


@dataclass(frozen=True)
class Compliance:
    """The 三会一课 of one year as of ``today``."""

    year: int
    complete_through: str  # the last complete month of the year ("" when none)
    checks: tuple[PeriodCheck, ...]
    members_not_talked_with: tuple[int, ...]  # after the year: members with no 谈心谈话

    def missing(self) -> list[PeriodCheck]:
        return [check for check in self.checks if check.missing]

    def shortfalls(self) -> list[str]:
        """One line per requirement with missing periods: "主题党日 缺11个月（应12）"."""
        unit = {"month": "个月", "quarter": "个季度", "year": "年"}
        lines = [
            f"{c.name} 缺{len(c.missing)}{unit[c.per]}（应{len(c.due_periods)}）"
            for c in self.missing()
        ]
        if self.members_not_talked_with:
            lines.append(f"谈心谈话 {len(self.members_not_talked_with)}名党员未谈")
        return lines


def period_of(day: date, per: str) -> str:
    month = day.isoformat()[:7]
    return month if per == "month" else quarter_of(month) if per == "quarter" else month[:4]


def complete_periods(year: int, today: date, per: str) -> tuple[str, ...]:
    """The periods of ``year`` that are over on ``today``, oldest first."""
    last = min(f"{year}-12", last_complete_month(today))
    months = month_range(f"{year}-01", last)
    if per == "month":
        return tuple(months)
    if per == "quarter":
        return tuple(quarter_of(m) for m in months if int(m[5:]) % 3 == 0)
    return (str(year),) if last == f"{year}-12" else ()


def _check(
    requirement: Requirement, group: str, meetings: Sequence[HeldMeeting], year: int, today: date
) -> PeriodCheck:
    counted = [
        m
        for m in meetings
        if m.kind in requirement.kinds
        and m.day.year == year
        and (not group or group in m.party_groups)
    ]
    due = complete_periods(year, today, requirement.per)
    per_period: dict[str, int] = {}
    for meeting in counted:
        period = period_of(meeting.day, requirement.per)
        per_period[period] = per_period.get(period, 0) + 1
    missing = tuple(p for p in due if per_period.get(p, 0) < requirement.times)
    last = due[-1] if due else ""
    short = max(requirement.times - per_period.get(last, 0), 0) if last else 0
    return PeriodCheck(
        requirement.label, group, requirement.per, due, missing, len(counted), last, short
    )


def check_compliance(
    meetings: Iterable[HeldMeeting],
    party_groups: Sequence[str],
    has_committee: bool,
    members: Iterable[int],
    year: int,
    today: date,
    party_lessons_per_quarter: int = 1,
) -> Compliance:
    """Every requirement of ``year`` held against its complete periods on ``today``.

    ``members``: the members of the year, each to be talked with (谈心谈话) at least once.
    """
    held = list(meetings)
    checks = []
    for requirement in requirements(party_lessons_per_quarter):
        if requirement.needs_committee and not has_committee:
            continue
        for group in party_groups if requirement.per_group else ("",):
            checks.append(_check(requirement, group, held, year, today))
    talked = {p for m in held if m.kind == TALK_KIND and m.day.year == year for p in m.talked_with}
    year_over = bool(complete_periods(year, today, "year"))
    not_talked = tuple(sorted(set(members) - talked)) if year_over else ()
    last = min(f"{year}-12", last_complete_month(today))
    return Compliance(year, last if last >= f"{year}-01" else "", tuple(checks), not_talked)
