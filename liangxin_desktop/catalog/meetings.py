"""The meeting-like books: one record layout (DOMAIN.md) shared by six registers, each a filter on ``book``.

Attendance is recorded once, on the meeting (``meeting_attendance``); 应到/实到 are counted
from it, and the 组织生活考勤册 is derived from it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain import votes

ATTENDANCE_STATUSES = ("出席", "请假", "缺席", "列席")
ATTENDANCE_MARKS = {"出席": "√", "请假": "假", "缺席": "×", "列席": "列"}

BOOK_KINDS: dict[str, tuple[str, ...]] = {
    "committee_meetings": ("支委会", "支部党员大会", "党委会", "党总支委员会"),
    "trainings": ("专题辅导", "讲座", "电教片", "集中学习", "党课"),
    "org_life": ("党小组会", "党课", "主题党日", "组织生活会", "民主评议党员", "谈心谈话"),
    "activities": ("志愿服务", "主题活动", "参观学习", "其他活动"),
    "deliberations": ("党员议事会", "党员代表议事会"),
    "joint_meetings": ("党组织与董事会联席会议", "党组织与经营管理层联席会议"),
}


def _count(key: str) -> Any:
    return lambda row, day: row.get(key)


def vote_of(row: dict[str, Any]) -> votes.Vote:
    def count(key: str) -> int:
        return int(row.get(f"vote_{key}") or 0)

    return votes.Vote(
        count("eligible"), count("present"), count("yes"), count("no"), count("abstain"),
        count("written"),
    )  # fmt: skip


def vote_result(row: dict[str, Any], day: date | None = None) -> str:
    """有效/通过 by the branch rule (``domain.votes``), written opinions counted."""
    if not row.get("vote_held"):
        return ""
    return votes.result_text(vote_of(row))


# The attendance as names (from ``meetings_view``): shown in Excel, read back by imports.
ATTENDANCE_NAME_COLUMNS = {
    "attendees": ("出席", "出席人员"),
    "on_leave": ("请假", "请假人员"),
    "absentees": ("缺席", "缺席人员"),
    "observers": ("列席", "列席党员"),
}
ATTENDANCE_NAME_FIELDS = tuple(
    Field(key, label, K.COMPUTED, compute=_count(key), width=24, in_table=False, in_form=False)
    for key, (_status, label) in ATTENDANCE_NAME_COLUMNS.items()
)


# 民主评议党员: each member's result, from ``member_review_results`` (via ``meetings_view``).
REVIEW_RESULTS_FIELD = Field(
    "review_results",
    "评议结果",
    K.COMPUTED,
    compute=_count("review_results"),
    width=30,
    in_table=False,
    in_form=False,
)


def meeting_fields(
    kinds: tuple[str, ...],
    hours: bool = False,
    guests_label: str = "列席人员",
    review: bool = False,
) -> tuple[Field, ...]:
    return (
        Field("meeting_date", "日期", K.DATE, required=True, width=11, print_width=1.5),
        Field("kind", "类型", K.CHOICE, required=True, choices=kinds, width=12, print_width=1.5),
        Field("start_time", "开始时间", K.TIME, width=7, in_table=False),
        Field("end_time", "结束时间", K.TIME, width=7, in_table=False),
        Field("place", "地点", max_length=80, width=14, print_width=1.6),
        Field("host", "主持人", max_length=40, width=8, print_width=1.0),
        Field("recorder", "记录人", max_length=40, width=8, print_width=1.0),
        Field(
            "topic", "议题", K.LONG_TEXT, required=True, max_length=1000, width=30, print_width=4.0
        ),
        Field("expected", "应到", K.COMPUTED, compute=_count("expected"), width=5, print_width=0.6),
        Field("present", "实到", K.COMPUTED, compute=_count("present"), width=5, print_width=0.6),
        *((Field("hours", "学时", K.NUMBER, width=5, print_width=0.6),) if hours else ()),
        Field(
            "guests",
            guests_label,
            max_length=300,
            width=16,
            in_table=False,
            help="本支部以外的列席人员；本支部党员列席请在出席情况中选择“列席”",
        ),
        *ATTENDANCE_NAME_FIELDS,
        Field("minutes", "会议记录", K.LONG_TEXT, max_length=50000, width=40, in_table=False),
        Field("vote_held", "是否表决", K.BOOL, width=6, in_table=False),
        Field("vote_eligible", "应到会有表决权人数", K.INTEGER, width=6, in_table=False),
        Field("vote_present", "实到会有表决权人数", K.INTEGER, width=6, in_table=False),
        Field(
            "vote_written",
            "书面意见",
            K.INTEGER,
            width=5,
            in_table=False,
            help="未到会的有表决权党员会前提交书面意见的份数，计入票数",
        ),
        Field("vote_yes", "赞成", K.INTEGER, width=5, in_table=False),
        Field("vote_no", "反对", K.INTEGER, width=5, in_table=False),
        Field("vote_abstain", "弃权", K.INTEGER, width=5, in_table=False),
        Field(
            "vote_result", "表决结果", K.COMPUTED, compute=vote_result, width=10, print_width=1.2
        ),
        *((REVIEW_RESULTS_FIELD,) if review else ()),
        Field("note", "备注", K.LONG_TEXT, max_length=500, width=16, in_table=False),
    )


def check_times(row: dict[str, Any], today: date) -> list[Problem]:
    problems = []
    start, end = row.get("start_time"), row.get("end_time")
    if start and end and end <= start:
        problems.append(Problem("end_time", "结束时间", "应晚于开始时间。"))
    day = as_date(row.get("meeting_date"))
    if day and day > today:
        problems.append(
            Problem("meeting_date", "日期", "晚于今天：会议记录应在会后填写。", is_error=False)
        )
    return problems


def check_vote(row: dict[str, Any], today: date) -> list[Problem]:
    """Votes add up, and the quorum/majority rules (probationary members have no vote)."""
    if not row.get("vote_held"):
        return []
    eligible, present = row.get("vote_eligible"), row.get("vote_present")
    if not eligible:
        return [Problem("vote_eligible", "应到会有表决权人数", "举行表决时必须填写。")]
    if present is None:
        return [Problem("vote_present", "实到会有表决权人数", "举行表决时必须填写。")]
    labels = {"vote_present": "实到会有表决权人数", "vote_written": "书面意见", "vote_yes": "赞成"}
    found = votes.vote_problems(vote_of(row))
    if found:
        return [Problem(key, labels[key], message) for key, message in found]
    if present * 2 <= eligible:
        return [
            Problem(
                "vote_present",
                "实到会有表决权人数",
                "未超过应到会有表决权人数的一半，表决无效（预备党员没有表决权）。",
                is_error=False,
            )
        ]
    return []


def _meeting_book(
    key: str,
    title: str,
    row_noun: str,
    hours: bool = False,
    guests_label: str = "列席人员",
    review: bool = False,
) -> Register:
    return Register(
        key=key,
        title=title,
        group="其他" if key == "joint_meetings" else "簿",
        row_noun=row_noun,
        count_unit="次",
        fields=meeting_fields(BOOK_KINDS[key], hours, guests_label, review),
        table="meetings",
        view="meetings_view",
        where=f"book = '{key}' AND deleted_at IS NULL",
        fixed_values=(("book", key),),
        search_columns=("topic", "kind", "place", "host", "minutes"),
        default_sort="meeting_date, id",
        orientation="landscape",
        date_field="meeting_date",
        deletable=True,
        print_layout="meetings",
        checks=(check_times, check_vote),
    )


COMMITTEE_MEETINGS = _meeting_book("committee_meetings", "党组织会议记录簿", "会议")
TRAININGS = _meeting_book("trainings", "党员教育培训记录簿", "培训", hours=True)
# 党课 and the study at 党小组会 count toward 学时, so organizational life carries 学时 too.
ORG_LIFE = _meeting_book("org_life", "党员组织生活记录簿", "组织生活", hours=True, review=True)
ACTIVITIES = _meeting_book("activities", "党组织活动记录簿", "活动")
DELIBERATIONS = _meeting_book("deliberations", "党员(代表)议事会议记录簿", "议事会议")
JOINT_MEETINGS = _meeting_book(
    "joint_meetings",
    "与董事会联席会议记录簿",
    "联席会议",
    guests_label="董事会（经营管理层）参会人员",
)
MEETING_BOOKS = (COMMITTEE_MEETINGS, TRAININGS, ORG_LIFE, ACTIVITIES, DELIBERATIONS, JOINT_MEETINGS)
