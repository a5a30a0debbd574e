"""汇总 for superiors: one row of figures per organization, read from its bundle's database.

The figures come from the same functions the app uses: the roster as of the bundle's date,
dues_grid (应缴 through the last complete month), member_flags (the six-month rule), the
organization profile, and compliance_of — 三会一课 held against every complete period
(domain/compliance.py), not against yearly totals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from liangxin_desktop.catalog.members import MEMBERS, NORMAL_STANDING_ON
from liangxin_desktop.domain.compliance import requirements
from liangxin_desktop.domain.organization_rules import term_status
from liangxin_desktop.domain.six_month import ALERT_MONTHS, WARN_MONTHS
from liangxin_desktop.output.dues_table import through_month
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.compliance import compliance_of
from liangxin_desktop.storage.dues import dues_grid
from liangxin_desktop.storage.six_month import member_flags
from liangxin_desktop.storage.statistics import changed_people

REQUIREMENT_LABELS = tuple(r.label for r in requirements())


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
    meetings: dict[str, int] = field(default_factory=dict)  # requirement label → held in the year
    shortfalls: list[str] = field(default_factory=list)  # "主题党日 缺11个月（应12）"
    six_haves_missing: list[str] = field(default_factory=list)
    term_end: str = ""  # ISO date
    term_note: str = ""  # 已届满 / 即将届满
    flags_warn: int = 0  # members at 3–5 months
    flags_alert: int = 0  # members at 6 months or more


def _roster_counts(archive: Archive, as_of: date) -> tuple[int, int]:
    """(full, probationary) members on ``as_of`` in normal standing (converted by then counts as
    full; 停止党籍 members stay on the 花名册 but are not counted as normal members)."""
    day = as_of.isoformat()
    row = archive.db.execute(
        "SELECT sum(member_category = '正式党员' AND (converted_on IS NULL OR converted_on <= ?)), "
        f"count(*) FROM people WHERE {MEMBERS.as_of_where} AND {NORMAL_STANDING_ON}",
        [day, day, day, day, day],
    ).fetchone()
    full, total = int(row[0] or 0), int(row[1] or 0)
    return full, total - full


def _count(archive: Archive, sql: str, params: Sequence[object]) -> int:
    return int(archive.db.execute(sql, params).fetchone()[0] or 0)


def _term(archive: Archive, as_of: date) -> tuple[str, str]:
    org = organization.get_organization(archive) or {}
    term_end = org.get("term_end") or ""
    if not term_end:
        return "", ""
    return term_end, term_status(date.fromisoformat(term_end), as_of)


def _dues(archive: Archive, year: int, as_of: date) -> tuple[int, int]:
    """应缴 and 实缴 as the printed 党费收缴册 has them (through the last complete month)."""
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
        changed = changed_people(archive, year)  # as the 年报 counts them
        summary.admitted, summary.converted = len(changed["发展党员"]), len(changed["转为正式党员"])
        summary.dues_due_fen, summary.dues_paid_fen = _dues(archive, year, as_of)
        compliance = compliance_of(archive, year, as_of)
        summary.meetings = dict.fromkeys(REQUIREMENT_LABELS, 0)
        for check in compliance.checks:
            summary.meetings[check.label] += check.held
        summary.shortfalls = compliance.shortfalls()
        summary.six_haves_missing = [
            have["item"] for have in organization.six_haves(archive) if not have["done"]
        ]
        summary.term_end, summary.term_note = _term(archive, as_of)
        for flag in member_flags(archive, as_of):
            worst = flag.flag.worst_months
            if worst >= ALERT_MONTHS:
                summary.flags_alert += 1
            elif worst >= WARN_MONTHS:
                summary.flags_warn += 1
    return summary
