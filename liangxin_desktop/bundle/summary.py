"""汇总 for superiors: one row of figures per organization, read from its bundle's database.

The figures come from the same storage functions the app uses (the roster as of the bundle's
date, dues_grid, member_flags, the organization profile), and the meetings of the year are
held against the 三会一课 frequencies of the 支部工作条例 (DOMAIN.md): 支部党员大会 ≥ 1 a
quarter, 支委会 ≥ 1 a month where a committee exists (≥ 7 full members), 党小组会 ≥ 1 a month
per 党小组, 主题党日 1 a month, 党课 ≥ 1 a quarter, 组织生活会 and 民主评议党员 ≥ 1 a year.
Only complete months count: a bundle of the current year is held to the months already over.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.domain.organization_rules import has_committee_by_size, term_status
from liangxin_desktop.domain.six_month import ALERT_MONTHS, WARN_MONTHS
from liangxin_desktop.output.dues_table import through_month
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.dues import dues_grid
from liangxin_desktop.storage.six_month import member_flags

COMMITTEE_KINDS = ("支委会", "党委会", "党总支委员会")


@dataclass(frozen=True)
class Requirement:
    """A kind of meeting and how often it must be held."""

    label: str
    kinds: tuple[str, ...]
    per: str  # "month", "quarter" or "year"


REQUIREMENTS = (
    Requirement("支部党员大会", ("支部党员大会",), "quarter"),
    Requirement("支委会", COMMITTEE_KINDS, "month"),
    Requirement("党小组会", ("党小组会",), "month"),
    Requirement("主题党日", ("主题党日",), "month"),
    Requirement("党课", ("党课",), "quarter"),
    Requirement("组织生活会", ("组织生活会",), "year"),
    Requirement("民主评议", ("民主评议党员",), "year"),
)


@dataclass
class OrgSummary:
    name: str
    year: int
    as_of: date
    members: int = 0
    full_members: int = 0
    probationary: int = 0
    activists: int = 0
    candidates: int = 0
    admitted: int = 0
    converted: int = 0
    dues_due_fen: int = 0
    dues_paid_fen: int = 0
    meetings: dict[str, int] = field(default_factory=dict)  # requirement label → held
    shortfalls: list[str] = field(default_factory=list)  # "支委会 8/10"
    six_haves_missing: list[str] = field(default_factory=list)
    term_end: str = ""  # ISO date
    term_note: str = ""  # 已届满 / 即将届满
    flags_warn: int = 0  # members at 3–5 months
    flags_alert: int = 0  # members at 6 months or more


def complete_months(year: int, as_of: date) -> int:
    """Months of ``year`` that are over on ``as_of``."""
    if as_of.year > year:
        return 12
    if as_of.year < year:
        return 0
    last_day = calendar.monthrange(as_of.year, as_of.month)[1]
    return as_of.month if as_of.day == last_day else as_of.month - 1


def required_count(requirement: Requirement, months: int, committee: bool, groups: int) -> int:
    if requirement.label == "支委会" and not committee:
        return 0
    if requirement.per == "month":
        return months * (groups if requirement.label == "党小组会" else 1)
    if requirement.per == "quarter":
        return months // 3
    return 1 if months == 12 else 0


def _roster_counts(archive: Archive, as_of: date) -> tuple[int, int]:
    """(full, probationary) members on ``as_of`` (converted by then counts as full)."""
    day = as_of.isoformat()
    row = archive.db.execute(
        "SELECT sum(member_category = '正式党员' AND (converted_on IS NULL OR converted_on <= ?)), "
        f"count(*) FROM people WHERE {MEMBERS.as_of_where}",
        [day, day, day],
    ).fetchone()
    full, total = int(row[0] or 0), int(row[1] or 0)
    return full, total - full


def _count(archive: Archive, sql: str, params: Sequence[object]) -> int:
    return int(archive.db.execute(sql, params).fetchone()[0] or 0)


def _meetings_held(archive: Archive, year: int) -> dict[str, int]:
    held = dict.fromkeys((r.label for r in REQUIREMENTS), 0)
    rows = archive.db.execute(
        "SELECT kind, count(*) FROM meetings WHERE deleted_at IS NULL "
        "AND meeting_date BETWEEN ? AND ? GROUP BY kind",
        [f"{year}-01-01", f"{year}-12-31"],
    ).fetchall()
    for kind, count in rows:
        for requirement in REQUIREMENTS:
            if kind in requirement.kinds:
                held[requirement.label] += int(count)
    return held


def _groups(archive: Archive) -> int:
    return _count(archive, "SELECT count(*) FROM units WHERE name LIKE '%党小组%'", [])


def _term(archive: Archive, as_of: date) -> tuple[str, str]:
    org = organization.get_organization(archive) or {}
    term_end = org.get("term_end") or ""
    if not term_end:
        return "", ""
    return term_end, term_status(date.fromisoformat(term_end), as_of)


def _dues(archive: Archive, year: int, as_of: date) -> tuple[int, int]:
    """应缴 and 实缴 as the printed 党费收缴册 has them (through this month, or December)."""
    through = through_month(year, as_of)
    lines = dues_grid(archive, year)
    return sum(line.due_fen(through) for line in lines), sum(line.paid_fen() for line in lines)


def summarize_archive(archive: Archive, year: int, as_of: date) -> OrgSummary:
    """The figures of one organization for ``year``, its rosters as of ``as_of``."""
    with archive.snapshot():
        summary = OrgSummary(organization.organization_name(archive), year, as_of)
        summary.full_members, summary.probationary = _roster_counts(archive, as_of)
        summary.members = summary.full_members + summary.probationary
        stage_sql = "SELECT count(*) FROM people WHERE stage = ?"
        summary.activists = _count(archive, stage_sql, ["activist"])
        summary.candidates = _count(archive, stage_sql, ["candidate"])
        in_year = [f"{year}-01-01", f"{year}-12-31"]
        summary.admitted = _count(
            archive, "SELECT count(*) FROM people WHERE joined_on BETWEEN ? AND ?", in_year
        )
        summary.converted = _count(
            archive, "SELECT count(*) FROM people WHERE converted_on BETWEEN ? AND ?", in_year
        )
        months = complete_months(year, as_of)
        summary.dues_due_fen, summary.dues_paid_fen = _dues(archive, year, as_of)
        summary.meetings = _meetings_held(archive, year)
        committee = has_committee_by_size(summary.full_members)
        groups = _groups(archive)
        for requirement in REQUIREMENTS:
            needed = required_count(requirement, months, committee, groups)
            held = summary.meetings[requirement.label]
            if held < needed:
                summary.shortfalls.append(f"{requirement.label} {held}/{needed}")
        summary.six_haves_missing = [
            have["item"] for have in organization.six_haves(archive) if not have["done"]
        ]
        summary.term_end, summary.term_note = _term(archive, as_of)
        for flag in member_flags(archive, as_of):
            worst = max(flag.flag.attendance_months, flag.flag.dues_months)
            if worst >= ALERT_MONTHS:
                summary.flags_alert += 1
            elif worst >= WARN_MONTHS:
                summary.flags_warn += 1
    return summary
