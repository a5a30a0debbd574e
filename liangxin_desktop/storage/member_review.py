"""民主评议党员 results per member, recorded on the review meeting (domain/member_review.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from liangxin_desktop.domain.member_review import RESULTS, ReviewSummary, summarize
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.membership import member_on_clause

REVIEW_KIND = "民主评议党员"


def _review_meeting(archive: Archive, meeting_id: int) -> dict[str, Any]:
    rows = list(
        archive.db.query(
            "SELECT id, kind, meeting_date FROM meetings WHERE id = ? AND deleted_at IS NULL",
            [meeting_id],
        )
    )
    if not rows or rows[0]["kind"] != REVIEW_KIND:
        raise InvalidValue("请选择一次“民主评议党员”会议来登记评议结果。")
    return rows[0]


def reviewable_members(archive: Archive, meeting_id: int) -> list[dict[str, Any]]:
    """The members to be rated: those expected at the meeting, else the roster of its day."""
    meeting = _review_meeting(archive, meeting_id)
    expected = list(
        archive.db.query(
            "SELECT p.id, p.name, p.unit FROM meeting_attendance a JOIN people p ON p.id = a.person_id "
            "WHERE a.meeting_id = ? AND a.status != '列席' ORDER BY p.unit IS NULL, p.unit, p.id",
            [meeting_id],
        )
    )
    if expected:
        return expected
    day = meeting["meeting_date"]
    return list(
        archive.db.query(
            "SELECT id, name, unit FROM people WHERE stage IN ('member', 'left') AND "
            f"{member_on_clause()} ORDER BY unit IS NULL, unit, id",
            [day, day],
        )
    )


def save_results(
    archive: Archive, meeting_id: int, results: Mapping[int, str], notes: Mapping[int, str] = {}
) -> ReviewSummary:
    """Record each member's result (replacing earlier ones for this meeting), all or nothing."""
    _review_meeting(archive, meeting_id)
    allowed = {m["id"] for m in reviewable_members(archive, meeting_id)}
    for person_id, result in results.items():
        if result not in RESULTS:
            raise InvalidValue(
                f"评议结果“{result}”无法识别。", "请选择：" + "、".join(RESULTS) + "。"
            )
        if person_id not in allowed:
            raise InvalidValue("评议结果中有不在本次评议范围内的人员。", "请刷新后重试。")
    with archive.transaction() as db:
        db.execute("DELETE FROM member_review_results WHERE meeting_id = ?", [meeting_id])
        for person_id, result in results.items():
            db.execute(
                "INSERT INTO member_review_results (meeting_id, person_id, result, note) "
                "VALUES (?, ?, ?, ?)",
                [meeting_id, person_id, result, (notes.get(person_id) or "").strip() or None],
            )
        audit.record(
            db, "登记民主评议结果", "member_review_results", meeting_id, [f"{len(results)}人"]
        )
    return summarize(results)


def results_of(archive: Archive, meeting_id: int) -> dict[int, str]:
    return dict(
        archive.db.execute(
            "SELECT person_id, result FROM member_review_results WHERE meeting_id = ?", [meeting_id]
        ).fetchall()
    )


def follow_ups(archive: Archive, year: int) -> list[dict[str, Any]]:
    """不合格 members of the year's reviews, to be followed up (限期改正)."""
    return list(
        archive.db.query(
            "SELECT m.meeting_date, p.id AS person_id, p.name, p.unit, r.note FROM member_review_results r "
            "JOIN meetings m ON m.id = r.meeting_id JOIN people p ON p.id = r.person_id "
            "WHERE r.result = '不合格' AND m.deleted_at IS NULL AND m.meeting_date BETWEEN ? AND ? "
            "ORDER BY m.meeting_date, p.id",
            [f"{year}-01-01", f"{year}-12-31"],
        )
    )
