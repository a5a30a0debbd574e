"""The branch's statistics for a year (as of a day): one query layer for the 统计 tab, the
``stats`` command, the 党内统计年报 tables and the 工作总结.

Members are counted "as of" a day through ``members_on`` (the roster's as-of rule); the
categories are those of ``domain.party_statistics``; attendance and dues reuse the 考勤册 and
the 党费收缴册 (``attendance_matrix``, ``dues_grid``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.domain import codes, member_review, party_statistics
from liangxin_desktop.domain.dates import add_months
from liangxin_desktop.domain.people import age_on, member_category_for
from liangxin_desktop.output.dues_table import through_month
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import attendance_matrix
from liangxin_desktop.storage.dues import dues_grid
from liangxin_desktop.storage.study_hours import yearly_study_hours

# 党员队伍变化 in the year: the milestone kinds behind each column (转入: the periods here).
CHANGES: tuple[tuple[str, str], ...] = (
    ("发展党员", "admitted"),
    ("转为正式党员", "converted"),
    ("组织关系转入", "transferred_in"),
    ("组织关系转出", "transferred_out"),
    ("死亡", "died"),
    ("出党", "expelled"),
    ("停止党籍", "suspended"),
)
_PERSON_COLUMNS = "id, name, sex, ethnicity, birth_date, education, joined_on, converted_on, job_post, member_category"


@dataclass(frozen=True)
class Breakdown:
    title: str
    rows: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _label, count in self.rows)

    def count(self, label: str) -> int:
        return dict(self.rows).get(label, 0)


@dataclass
class BranchStatistics:
    org_name: str
    year: int
    as_of: date
    members: list[dict[str, Any]] = field(default_factory=list)  # on ``as_of``, with "age"
    breakdowns: list[Breakdown] = field(default_factory=list)
    changes: Breakdown = Breakdown("党员队伍变化", ())
    changed_people: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # label → people
    meetings: dict[str, list[int]] = field(default_factory=dict)  # kind → held in each month
    attendance_by_kind: list[tuple[str, int, int]] = field(default_factory=list)  # kind, 应到, 实到
    attendance_by_member: list[tuple[str, int, int]] = field(default_factory=list)
    dues_by_month: list[tuple[str, int, int]] = field(default_factory=list)  # month, 应缴, 实缴
    remitted_fen: int = 0
    members_last_year: int = 0  # on 31 December of the year before
    extended: int = 0  # 延长预备期 decided in the year
    disqualified: int = 0  # 取消预备党员资格 in the year
    trainings_held: int = 0  # 党员教育培训记录簿 records of the year
    training_attendances: int = 0  # 出席 at them (人次)
    training_hours: float = 0.0  # 学时 × 出席 (人·学时)
    study_hours: Breakdown = Breakdown("学时", ())  # members on ``as_of`` by 学时 band
    reviews: Breakdown = Breakdown("民主评议", ())  # members on ``as_of`` by their result

    def breakdown(self, title: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.title == title)


def members_on(archive: Archive, day: date) -> list[dict[str, Any]]:
    """Everyone on the roster on ``day`` (the as-of roster), with 人员类别 and 年龄 on that day."""
    iso = day.isoformat()
    assert MEMBERS.as_of_where
    rows = list(
        archive.db.query(
            f"SELECT {_PERSON_COLUMNS} FROM people WHERE {MEMBERS.as_of_where} ORDER BY id",
            [iso] * MEMBERS.as_of_where.count("?"),
        )
    )
    for row in rows:
        converted = date.fromisoformat(row["converted_on"]) if row["converted_on"] else None
        row["category"] = member_category_for(converted, day)
        birth = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
        row["age"] = age_on(birth, day) if birth and birth <= day else None
    return rows


def _breakdown(
    title: str, rows: Iterable[dict[str, Any]], labels: Iterable[str], key: Callable[[dict], str]
) -> Breakdown:
    counted = Counter(key(row) for row in rows)
    ordered = [(label, counted.pop(label, 0)) for label in labels]
    ordered += sorted(counted.items())  # 未填写 and anything outside the code table, last
    return Breakdown(title, tuple(ordered))


def member_breakdowns(members: list[dict[str, Any]]) -> list[Breakdown]:
    ps = party_statistics

    def day(value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    return [
        _breakdown("人员类别", members, codes.MEMBER_CATEGORIES, lambda m: m["category"]),
        _breakdown("性别", members, codes.SEXES, lambda m: m["sex"] or ps.UNKNOWN),
        _breakdown(
            "民族", members, ps.ETHNICITY_BANDS, lambda m: ps.ethnicity_band(m["ethnicity"])
        ),
        _breakdown("年龄", members, [b for b, _ in ps.AGE_BANDS], lambda m: ps.age_band(m["age"])),
        _breakdown(
            "学历", members, ps.EDUCATION_BANDS, lambda m: ps.education_band(m["education"])
        ),
        _breakdown(
            "入党时间",
            members,
            [p for p, _ in ps.JOIN_PERIODS],
            lambda m: ps.join_period(day(m["joined_on"])),
        ),
        _breakdown("工作岗位", members, codes.JOB_POSTS, lambda m: m["job_post"] or ps.UNKNOWN),
    ]


# 发展 counts those admitted *here* (a period that began by 接收, not a 转入 of someone admitted
# elsewhere), 转正 those who were members here on the 转正日期; both in the year of the superior's
# 审批 where it is recorded (DOMAIN.md "Statistics superiors ask for"), else of the milestone.
_COUNTED = {
    "admitted": (
        "coalesce(p.approved_on, m.date)",
        "EXISTS (SELECT 1 FROM membership_periods mp WHERE mp.person_id = p.id "
        "AND mp.start_kind = '接收')",
    ),
    "converted": (
        "coalesce((SELECT max(a.date) FROM milestones a WHERE a.person_id = p.id "
        "AND a.kind = 'conversion_approved'), m.date)",
        "EXISTS (SELECT 1 FROM membership_periods mp WHERE mp.person_id = p.id "
        "AND mp.start_on <= m.date AND (mp.end_on IS NULL OR mp.end_on > m.date))",
    ),
}


_P_COLUMNS = "p." + _PERSON_COLUMNS.replace(", ", ", p.")
# 转入 from the periods here: a member typed into the roster with a 转入日期 has no milestone.
_TRANSFERS_IN = (
    f"SELECT {_P_COLUMNS}, mp.start_on AS changed_on, mp.from_org AS detail "
    "FROM membership_periods mp JOIN people p ON p.id = mp.person_id "
    "WHERE mp.start_kind = '转入' AND mp.start_on BETWEEN ? AND ? ORDER BY mp.start_on, p.id"
)


def _change_sql(kind: str) -> str:
    if kind == "transferred_in":
        return _TRANSFERS_IN
    counted_on, here = _COUNTED.get(kind, ("m.date", "1"))
    return (
        f"SELECT {_P_COLUMNS}, m.date AS changed_on, m.detail "
        "FROM milestones m JOIN people p ON p.id = m.person_id "
        f"WHERE m.kind = '{kind}' AND {counted_on} BETWEEN ? AND ? AND {here} "
        "ORDER BY m.date, p.id"
    )


def changed_people(archive: Archive, year: int) -> dict[str, list[dict[str, Any]]]:
    """The people behind each change of ``year`` (``CHANGES``), with the day it happened."""
    days = [f"{year}-01-01", f"{year}-12-31"]
    return {label: list(archive.db.query(_change_sql(kind), days)) for label, kind in CHANGES}


def _meetings_by_month(archive: Archive, year: int) -> dict[str, list[int]]:
    held: dict[str, list[int]] = {}
    for kind, month, count in archive.db.execute(
        "SELECT kind, CAST(substr(meeting_date, 6, 2) AS INTEGER), count(*) FROM meetings "
        "WHERE deleted_at IS NULL AND meeting_date BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1",
        [f"{year}-01-01", f"{year}-12-31"],
    ):
        held.setdefault(kind, [0] * 12)[month - 1] = int(count)
    return held


def _attendance(
    archive: Archive, year: int
) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    matrix = attendance_matrix(archive, year)
    by_kind: dict[str, list[int]] = {}
    for meeting in matrix.meetings:
        expected, present = matrix.meeting_counts(meeting["id"])
        totals = by_kind.setdefault(meeting["kind"], [0, 0])
        totals[0] += expected
        totals[1] += present
    kinds = [(kind, e, p) for kind, (e, p) in by_kind.items()]
    members = [(line.name, line.expected, line.present) for line in matrix.members]
    return kinds, members


def _dues_by_month(archive: Archive, year: int, as_of: date) -> list[tuple[str, int, int]]:
    lines = dues_grid(archive, year)
    last = through_month(year, as_of)
    months = []
    for number in range(1, 13):
        month = f"{year}-{number:02d}"
        if month > last:
            break
        previous = add_months(date(year, number, 1), -1).isoformat()[:7]
        due = sum(line.due_fen(month) - line.due_fen(previous) for line in lines)
        months.append((month, due, sum(line.paid.get(month, 0) for line in lines)))
    return months


def _milestones_in(archive: Archive, kind: str, year: int, extra: str = "1") -> int:
    return int(
        archive.db.execute(
            "SELECT count(*) FROM milestones m JOIN people p ON p.id = m.person_id "
            f"WHERE m.kind = ? AND m.date BETWEEN ? AND ? AND {extra}",
            [kind, f"{year}-01-01", f"{year}-12-31"],
        ).fetchone()[0]
    )


def _trainings(archive: Archive, year: int) -> dict[str, Any]:
    """The year's 教育培训 records: how many, 出席 人次, and 学时 × 出席."""
    held, attendances, hours = archive.db.execute(
        "SELECT count(*), coalesce(sum(n), 0), coalesce(sum(n * coalesce(hours, 0)), 0) FROM "
        "(SELECT m.hours, (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id "
        "AND a.status = '出席') AS n FROM meetings m WHERE m.book = 'trainings' "
        "AND m.deleted_at IS NULL AND m.meeting_date BETWEEN ? AND ?)",
        [f"{year}-01-01", f"{year}-12-31"],
    ).fetchone()
    return {
        "trainings_held": int(held),
        "training_attendances": int(attendances),
        "training_hours": float(hours),
    }


def _study_hours(archive: Archive, year: int, members: list[dict[str, Any]]) -> Breakdown:
    """The year's 学时 of the members on the roster, by band of their own target."""
    here = {m["id"] for m in members}
    hours = [h for h in yearly_study_hours(archive, year) if h.person_id in here]
    return _breakdown(
        "学时",
        [{"band": party_statistics.study_hours_band(h.hours, h.target)} for h in hours],
        party_statistics.STUDY_HOUR_BANDS,
        lambda row: row["band"],
    )


def _reviews(archive: Archive, year: int, members: list[dict[str, Any]]) -> Breakdown:
    """民主评议 results of the year for the members on the roster (a later review counts)."""
    here = {m["id"] for m in members}
    results = {
        person_id: result
        for person_id, result in archive.db.execute(
            "SELECT r.person_id, r.result FROM member_review_results r "
            "JOIN meetings m ON m.id = r.meeting_id WHERE m.deleted_at IS NULL "
            "AND m.meeting_date BETWEEN ? AND ? ORDER BY m.meeting_date, m.id",
            [f"{year}-01-01", f"{year}-12-31"],
        )
        if person_id in here
    }
    counts = member_review.summarize(results).counts
    return Breakdown("民主评议", tuple(counts.items()))


def branch_statistics(archive: Archive, year: int, as_of: date) -> BranchStatistics:
    """Every figure of ``year``; the roster as of ``as_of`` (the year's end, or today)."""
    with archive.snapshot():
        members = members_on(archive, as_of)
        changed = changed_people(archive, year)
        by_kind, by_member = _attendance(archive, year)
        remitted = archive.db.execute(
            "SELECT coalesce(sum(amount_fen), 0) FROM dues_remittances WHERE remitted_on BETWEEN ? AND ?",
            [f"{year}-01-01", f"{year}-12-31"],
        ).fetchone()[0]
        return BranchStatistics(
            org_name=organization.organization_name(archive),
            year=year,
            as_of=as_of,
            members=members,
            breakdowns=member_breakdowns(members),
            changes=Breakdown(
                "党员队伍变化", tuple((label, len(changed[label])) for label, _ in CHANGES)
            ),
            changed_people=changed,
            meetings=_meetings_by_month(archive, year),
            attendance_by_kind=by_kind,
            attendance_by_member=by_member,
            dues_by_month=_dues_by_month(archive, year, as_of),
            remitted_fen=int(remitted),
            members_last_year=len(members_on(archive, date(year - 1, 12, 31))),
            extended=_milestones_in(archive, "extended", year),
            disqualified=_milestones_in(archive, "disqualified", year, "p.joined_on IS NOT NULL"),
            study_hours=_study_hours(archive, year, members),
            reviews=_reviews(archive, year, members),
            **_trainings(archive, year),
        )
