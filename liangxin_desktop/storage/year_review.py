"""What the year's 工作总结 is written from: the statistics plus the records a summary lists
(meetings by book and kind, activities, good deeds, rules, 六有, dues, the pipeline now)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.statistics import BranchStatistics, branch_statistics


@dataclass
class YearReview:
    stats: BranchStatistics
    profile: dict[str, Any]
    committee: list[dict[str, Any]]
    groups: list[str]  # 党小组
    six_haves: list[dict[str, Any]]
    meetings: list[dict[str, Any]]  # book, kind, meeting_date, topic
    good_deeds: list[dict[str, Any]]
    rules: list[dict[str, Any]]  # in force (现行有效) at the year's end
    pipeline: dict[str, int] = field(default_factory=dict)  # stage → people now
    dues_paid_fen: int = 0
    dues_due_fen: int = 0

    def held(self, book: str) -> list[tuple[str, int]]:
        """(kind, how many) of one book, most held first."""
        counts: dict[str, int] = {}
        for meeting in self.meetings:
            if meeting["book"] == book:
                counts[meeting["kind"]] = counts.get(meeting["kind"], 0) + 1
        return sorted(counts.items(), key=lambda item: -item[1])

    def of_book(self, book: str) -> list[dict[str, Any]]:
        return [m for m in self.meetings if m["book"] == book]


def year_review(archive: Archive, year: int, as_of: date) -> YearReview:
    span = [f"{year}-01-01", f"{year}-12-31"]
    with archive.snapshot():
        stats = branch_statistics(archive, year, as_of)
        pipeline = dict(
            archive.db.execute(
                "SELECT stage, count(*) FROM people WHERE stage IN ('applicant', 'activist', "
                "'candidate') GROUP BY stage"
            ).fetchall()
        )
        return YearReview(
            stats=stats,
            profile=organization.get_organization(archive) or {},
            committee=organization.committee(archive),
            groups=[
                r[0]
                for r in archive.db.execute("SELECT name FROM units ORDER BY sort_order, id")
                if "党小组" in r[0]
            ],
            six_haves=organization.six_haves(archive),
            meetings=list(
                archive.db.query(
                    "SELECT book, kind, meeting_date, topic FROM meetings WHERE deleted_at IS NULL "
                    "AND meeting_date BETWEEN ? AND ? ORDER BY meeting_date, id",
                    span,
                )
            ),
            good_deeds=list(
                archive.db.query(
                    "SELECT deed_date, person, deed FROM good_deeds WHERE deleted_at IS NULL "
                    "AND deed_date BETWEEN ? AND ? ORDER BY deed_date, id",
                    span,
                )
            ),
            rules=list(
                archive.db.query(
                    "SELECT title, adopted_on, revised_on FROM work_rules WHERE deleted_at IS NULL "
                    "AND status = '现行有效' ORDER BY id"
                )
            ),
            pipeline=pipeline,
            dues_paid_fen=sum(paid for _m, _d, paid in stats.dues_by_month),
            dues_due_fen=sum(due for _m, due, _p in stats.dues_by_month),
        )
