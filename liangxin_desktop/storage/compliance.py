"""三会一课 compliance of the archive: the year's meetings read as the rule needs them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from liangxin_desktop.domain.compliance import Compliance, HeldMeeting, check_compliance
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.membership import counted_on_clause, member_on_clause
from liangxin_desktop.storage.settings import rule_settings

COMMITTEE_MIN_FULL_MEMBERS = 7  # 支部工作条例 Art. 9: ≥ 7 正式党员 → a 支部委员会
_IN_YEAR = "stage IN ('member', 'left', 'dropped') AND joined_on <= ? AND (left_on IS NULL OR left_on >= ?)"


def _year_span(year: int) -> list[str]:
    return [f"{year}-12-31", f"{year}-01-01"]


def members_of_year(archive: Archive, year: int) -> dict[int, str]:
    """Member id → 党小组 (unit) for everyone who was a member here during ``year``."""
    return {
        int(pid): unit or ""
        for pid, unit in archive.db.execute(
            f"SELECT id, unit FROM people WHERE {_IN_YEAR}", _year_span(year)
        )
    }


def party_groups_of_year(archive: Archive, year: int) -> list[str]:
    """The 党小组 with members during ``year``, in the order of the units list."""
    used = set(members_of_year(archive, year).values())
    names = [r[0] for r in archive.db.execute("SELECT name FROM units ORDER BY sort_order, name")]
    return [name for name in names if name in used and "党小组" in name]


def held_meetings(archive: Archive, year: int) -> list[HeldMeeting]:
    """The year's meetings; a 党小组会 belongs to the groups of the members expected at it."""
    groups: dict[int, set[str]] = defaultdict(set)
    present: dict[int, set[int]] = defaultdict(set)
    for meeting_id, person_id, status, unit in archive.db.execute(
        "SELECT a.meeting_id, a.person_id, a.status, coalesce(p.unit, '') FROM meeting_attendance a "
        "JOIN meetings m ON m.id = a.meeting_id JOIN people p ON p.id = a.person_id "
        "WHERE m.deleted_at IS NULL AND m.meeting_date BETWEEN ? AND ?",
        [f"{year}-01-01", f"{year}-12-31"],
    ):
        if status != "列席":
            groups[meeting_id].add(unit)
        if status == "出席":
            present[meeting_id].add(person_id)
    return [
        HeldMeeting(date.fromisoformat(day), kind, frozenset(groups[mid]), frozenset(present[mid]))
        for mid, day, kind in archive.db.execute(
            "SELECT id, meeting_date, kind FROM meetings WHERE deleted_at IS NULL "
            "AND meeting_date BETWEEN ? AND ?",
            [f"{year}-01-01", f"{year}-12-31"],
        )
    ]


def has_committee(archive: Archive, day: date) -> bool:
    """Whether the branch has a committee on ``day`` (≥ 7 full members)."""
    text = day.isoformat()
    (full,) = archive.db.execute(
        f"SELECT count(*) FROM people WHERE {counted_on_clause()} AND member_category = '正式党员' "
        "AND (converted_on IS NULL OR converted_on <= ?)",
        [text] * 5,
    ).fetchone()
    return int(full or 0) >= COMMITTEE_MIN_FULL_MEMBERS


def members_on(archive: Archive, day: date) -> list[int]:
    """The members on ``day`` (those who left before it are not talked with that year)."""
    text = day.isoformat()
    return [
        int(pid)
        for (pid,) in archive.db.execute(
            f"SELECT id FROM people WHERE {member_on_clause()}",
            [text, text],
        )
    ]


def compliance_of(archive: Archive, year: int, today: date) -> Compliance:
    """三会一课 of ``year`` as of ``today`` (see domain/compliance.py).

    Each member still here at the end of the year is to be talked with (谈心谈话) that year.
    """
    day = min(today, date(year, 12, 31))
    return check_compliance(
        held_meetings(archive, year),
        party_groups_of_year(archive, year),
        has_committee(archive, day),
        members_on(archive, day),
        year,
        today,
        rule_settings(archive).party_lessons_per_quarter,
    )
