"""党员学习培训登记: each member's 学时 of a year from the records they attended."""

from __future__ import annotations

from liangxin_desktop.domain.study_hours import StudyHours, study_hours
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.membership import here_during_clause
from liangxin_desktop.storage.settings import rule_settings

LEADER_POSTS = ("书记", "副书记", "委员")  # 基层党组织书记 and committee members: the higher target


def _leaders(archive: Archive) -> set[str]:
    """Names of the 书记 and committee members (the committee list, or the 党内职务)."""
    names = {r[0] for r in archive.db.execute("SELECT name FROM committee_members")}
    posts = " OR ".join("party_post LIKE ?" for _ in LEADER_POSTS)
    names |= {
        r[0]
        for r in archive.db.execute(
            f"SELECT name FROM people WHERE {posts}", [f"%{p}%" for p in LEADER_POSTS]
        )
    }
    return names


def yearly_study_hours(archive: Archive, year: int) -> list[StudyHours]:
    """Every member of ``year`` with their 学时 (出席 at records with 学时) against the target."""
    start, end = f"{year}-01-01", f"{year}-12-31"
    leaders = _leaders(archive)
    members = [
        (pid, name, name in leaders)
        for pid, name in archive.db.execute(
            "SELECT id, name FROM people WHERE stage IN ('member', 'left', 'dropped') AND "
            f"{here_during_clause()} ORDER BY unit IS NULL, unit, id",
            [end, start],
        )
    ]
    attended = archive.db.execute(
        "SELECT a.person_id, m.hours FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.deleted_at IS NULL AND m.hours > 0 AND a.status = '出席' "
        "AND m.meeting_date BETWEEN ? AND ?",
        [start, end],
    ).fetchall()
    settings = rule_settings(archive)
    return study_hours(
        members,
        [(pid, float(hours)) for pid, hours in attended],
        settings.study_hours_target,
        settings.study_hours_leader_target,
    )
