"""The 组织生活考勤册: a members × meetings matrix derived from the meetings' attendance, never typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from liangxin_desktop.catalog.meetings import ATTENDANCE_MARKS, MEETING_BOOKS
from liangxin_desktop.storage.archive import Archive

DEFAULT_BOOKS = ("committee_meetings", "org_life")  # 三会一课 and organizational life


@dataclass
class MemberLine:
    person_id: int
    name: str
    unit: str
    marks: dict[int, str] = field(default_factory=dict)  # meeting id → 出席/请假/缺席/列席
    reasons: dict[int, str] = field(default_factory=dict)

    @property
    def expected(self) -> int:
        return sum(1 for status in self.marks.values() if status != "列席")

    @property
    def present(self) -> int:
        return sum(1 for status in self.marks.values() if status == "出席")

    @property
    def rate(self) -> str:
        return f"{self.present * 100 / self.expected:.0f}%" if self.expected else ""


@dataclass
class AttendanceMatrix:
    year: int
    meetings: list[dict[str, Any]]  # id, meeting_date, kind, book, topic
    members: list[MemberLine]

    def meeting_counts(self, meeting_id: int) -> tuple[int, int]:
        """(应到, 实到) of one meeting."""
        statuses = [m.marks[meeting_id] for m in self.members if meeting_id in m.marks]
        return sum(1 for s in statuses if s != "列席"), sum(1 for s in statuses if s == "出席")

    def mark(self, line: MemberLine, meeting_id: int) -> str:
        status = line.marks.get(meeting_id)
        return ATTENDANCE_MARKS[status] if status else ""


def meeting_kinds(books: Sequence[str]) -> list[str]:
    kinds: list[str] = []
    for register in MEETING_BOOKS:
        if register.key in books:
            kinds += [k for k in register.field("kind").choices if k not in kinds]
    return kinds


def attendance_matrix(
    archive: Archive, year: int, books: Sequence[str] = DEFAULT_BOOKS, kinds: Sequence[str] = ()
) -> AttendanceMatrix:
    """Every meeting of ``books`` (optionally only ``kinds``) in ``year``, and who attended."""
    where = [
        f"book IN ({','.join('?' * len(books))})",
        "deleted_at IS NULL",
        "meeting_date BETWEEN ? AND ?",
    ]
    params: list[Any] = [*books, f"{year}-01-01", f"{year}-12-31"]
    if kinds:
        where.append(f"kind IN ({','.join('?' * len(kinds))})")
        params += list(kinds)
    found = list(
        archive.db.query(
            f"SELECT id, meeting_date, kind, book, topic FROM meetings WHERE {' AND '.join(where)} "
            "ORDER BY meeting_date, id",
            params,
        )
    )
    return AttendanceMatrix(year, found, _member_lines(archive, [m["id"] for m in found]))


def _member_lines(archive: Archive, meeting_ids: list[int]) -> list[MemberLine]:
    if not meeting_ids:
        return []
    marks = ",".join("?" * len(meeting_ids))
    lines: dict[int, MemberLine] = {}
    rows = archive.db.execute(
        "SELECT a.person_id, p.name, coalesce(p.unit, ''), a.meeting_id, a.status, coalesce(a.reason, '') "
        f"FROM meeting_attendance a JOIN people p ON p.id = a.person_id WHERE a.meeting_id IN ({marks}) "
        "ORDER BY p.unit IS NULL, p.unit, p.id",
        meeting_ids,
    )
    for person_id, name, unit, meeting_id, status, reason in rows:
        line = lines.get(person_id)
        if line is None:  # (not setdefault: that would build a line for every mark)
            line = lines[person_id] = MemberLine(person_id, name, unit)
        line.marks[meeting_id] = status
        if reason:
            line.reasons[meeting_id] = reason
    return list(lines.values())
