"""The 党内统计年报 tables (the superior's yearly form), one row per organization, computed from
``BranchStatistics`` and nothing else — so a 党委 sums its branches' bundles with the same code.

Tables: 党员队伍基本情况, 发展党员情况, 预备党员转正情况, 出党情况, 民主评议党员情况,
党员学习培训情况 and 两年党员数综合比较 (the categories of ``domain.party_statistics``; 发展 and 转正 are counted by
their dates in the archive).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.domain import party_statistics as ps
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.member_review import RESULTS
from liangxin_desktop.domain.people import age_on
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.statistics import BranchStatistics


@dataclass(frozen=True)
class AnnualTable:
    title: str
    columns: tuple[str, ...]  # after 党组织名称
    rows: tuple[tuple[str, tuple[int, ...]], ...]  # organization name, figures

    def totals(self) -> tuple[int, ...]:
        return tuple(
            sum(figures[i] for _name, figures in self.rows) for i in range(len(self.columns))
        )


@dataclass(frozen=True)
class CoverBlock:
    """The form's cover: 填报单位, 负责人, 填表人, 报出时间, 联系电话."""

    unit: str
    leader: str
    filled_by: str
    reported_on: str
    phone: str = ""

    def lines(self) -> list[tuple[str, str]]:
        return [
            ("填报单位", self.unit),
            ("负责人", self.leader),
            ("填表人", self.filled_by),
            ("报出时间", self.reported_on),
            ("联系电话", self.phone),
        ]


_AGE_LABELS = tuple(label for label, _top in ps.AGE_BANDS)
_PERIODS = tuple(label for label, _before in ps.JOIN_PERIODS)
BASIC_COLUMNS = (
    "党员总数", "正式党员", "预备党员", "女", "少数民族",
    *_AGE_LABELS, *ps.EDUCATION_BANDS, *_PERIODS, *ps.OCCUPATIONS,
)  # fmt: skip
DEVELOPED_COLUMNS = ("发展党员数", "女", "少数民族", "35岁及以下", "大专及以上", *ps.OCCUPATIONS)
CONVERTED_COLUMNS = ("转为正式党员", "延长预备期", "取消预备党员资格")
EXPELLED_KINDS = ("开除党籍", "除名", "退党", "劝退")
EXPELLED_COLUMNS = ("出党合计", *EXPELLED_KINDS, "其他", "停止党籍")
REVIEW_COLUMNS = ("党员数", "参加评议党员数", *RESULTS)
TRAINING_COLUMNS = ("培训场次", "参加培训人次", "培训学时（人·学时）", "党员数", "学时达标党员数")
COMPARISON_COLUMNS = (
    "上年底党员数", "本年增加", "其中发展党员", "其中转入", "本年减少", "其中转出", "其中死亡",
    "其中出党", "其中停止党籍", "本年底党员数",
)  # fmt: skip


def _count(rows: Sequence[dict[str, Any]], test: Any) -> int:
    return sum(1 for row in rows if test(row))


def basic_row(stats: BranchStatistics) -> tuple[int, ...]:
    members = stats.members
    by = {b.title: b for b in stats.breakdowns}
    return (
        len(members),
        by["人员类别"].count("正式党员"),
        by["人员类别"].count("预备党员"),
        by["性别"].count("女"),
        by["民族"].count("少数民族"),
        *(by["年龄"].count(label) for label in _AGE_LABELS),
        *(by["学历"].count(label) for label in ps.EDUCATION_BANDS),
        *(by["入党时间"].count(label) for label in _PERIODS),
        *(
            _count(members, lambda m, o=o: ps.occupation(m["job_post"]) == o)
            for o in ps.OCCUPATIONS
        ),
    )


def _age_when(row: dict[str, Any]) -> int | None:
    """Age on the day of the change (发展: the 支部大会)."""
    if not row.get("birth_date"):
        return None
    return age_on(date.fromisoformat(row["birth_date"]), date.fromisoformat(row["changed_on"]))


def developed_row(stats: BranchStatistics) -> tuple[int, ...]:
    people = stats.changed_people["发展党员"]
    return (
        len(people),
        _count(people, lambda p: p["sex"] == "女"),
        _count(people, lambda p: ps.ethnicity_band(p["ethnicity"]) == "少数民族"),
        _count(people, lambda p: (_age_when(p) or 999) <= ps.YOUNG_MAX_AGE),
        _count(people, lambda p: ps.is_college_or_above(p["education"])),
        *(_count(people, lambda p, o=o: ps.occupation(p["job_post"]) == o) for o in ps.OCCUPATIONS),
    )


def converted_row(stats: BranchStatistics) -> tuple[int, ...]:
    return (len(stats.changed_people["转为正式党员"]), stats.extended, stats.disqualified)


def expelled_row(stats: BranchStatistics) -> tuple[int, ...]:
    expelled = stats.changed_people["出党"]
    by_kind = [_count(expelled, lambda p, k=k: k in (p["detail"] or "")) for k in EXPELLED_KINDS]
    return (
        len(expelled),
        *by_kind,
        len(expelled) - sum(by_kind),
        len(stats.changed_people["停止党籍"]),
    )


def review_row(stats: BranchStatistics) -> tuple[int, ...]:
    """民主评议: the members at the year's end, how many were reviewed, and their results."""
    return (
        len(stats.members),
        stats.reviews.total,
        *(stats.reviews.count(result) for result in RESULTS),
    )


def training_row(stats: BranchStatistics) -> tuple[int, ...]:
    return (
        stats.trainings_held,
        stats.training_attendances,
        round(stats.training_hours),
        len(stats.members),
        stats.study_hours.count("已达标"),
    )


def comparison_row(stats: BranchStatistics) -> tuple[int, ...]:
    changes = {label: count for label, count in stats.changes.rows}
    up = changes["发展党员"] + changes["组织关系转入"]
    down = changes["组织关系转出"] + changes["死亡"] + changes["出党"] + changes["停止党籍"]
    return (
        stats.members_last_year,
        up,
        changes["发展党员"],
        changes["组织关系转入"],
        down,
        changes["组织关系转出"],
        changes["死亡"],
        changes["出党"],
        changes["停止党籍"],
        len(stats.members),
    )


TABLES = (
    ("党员队伍基本情况", BASIC_COLUMNS, basic_row),
    ("发展党员情况", DEVELOPED_COLUMNS, developed_row),
    ("预备党员转正情况", CONVERTED_COLUMNS, converted_row),
    ("出党情况", EXPELLED_COLUMNS, expelled_row),
    ("民主评议党员情况", REVIEW_COLUMNS, review_row),
    ("党员学习培训情况", TRAINING_COLUMNS, training_row),
    ("两年党员数综合比较", COMPARISON_COLUMNS, comparison_row),
)


def annual_tables(statistics: Sequence[BranchStatistics]) -> list[AnnualTable]:
    """The 年报 tables with one row per organization (a branch: one row; a 汇总: many)."""
    return [
        AnnualTable(title, columns, tuple((s.org_name, row(s)) for s in statistics))
        for title, columns, row in TABLES
    ]


def cover_block(archive: Archive, today: date) -> CoverBlock:
    """The cover from the profile: the 书记 signs as 负责人, the 台账保管人 fills the form."""
    org = organization.get_organization(archive) or {}
    secretary = next(
        (c["name"] for c in organization.committee(archive) if c["post"] == "书记"), ""
    )
    return CoverBlock(
        unit=org.get("name") or "",
        leader=secretary,
        filled_by=org.get("keeper") or "",
        reported_on=format_cn_date(today),
    )
