"""入党积极分子花名册: applicants, activists and development candidates with their dated steps.

Every date here is a milestone of the person (``milestones``); the roster reads them as
columns from ``activists_view``. Moving a person forward (确定为积极分子 …) records the step.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.members import (
    IDENTITY_FIELDS,
    fill_and_check_identity,
    people_register,
)
from liangxin_desktop.domain import codes, pipeline_rules

POLITICAL_STATUSES = ("共青团员", "群众", "民主党派成员")
STAGE_LABELS = {"applicant": "入党申请人", "activist": "入党积极分子", "candidate": "发展对象"}
# Form fields stored as milestones: field key → milestone kind.
MILESTONE_FIELDS = {
    "applied_on": "applied",
    "talked_on": "talked",
    "activist_on": "activist",
    "activist_filed_on": "activist_filed",
    "candidate_on": "candidate",
    "candidate_filed_on": "candidate_filed",
    "political_review_on": "political_review",
    "training_start_on": "training_start",
    "training_end_on": "training_end",
    "pre_review_on": "pre_review",
    "publicity_start_on": "publicity_start",
    "publicity_end_on": "publicity_end",
}


def _stage(row: dict[str, Any], day: date) -> str:
    return STAGE_LABELS.get(str(row.get("stage")), "")


def _date(
    key: str, label: str, printed: float = 0.0, required: bool = False, help: str = ""
) -> Field:
    return Field(key, label, K.DATE, required=required, width=11, print_width=printed, help=help)


FIELDS: tuple[Field, ...] = (
    *IDENTITY_FIELDS,
    Field(
        "education",
        "学历",
        K.CHOICE,
        choices=codes.EDUCATIONS,
        matcher=codes.match_education,
        width=10,
        print_width=1.2,
    ),
    Field(
        "political_status",
        "政治面貌",
        K.CHOICE,
        choices=POLITICAL_STATUSES,
        width=8,
        print_width=1.0,
    ),
    Field("work_unit_post", "工作单位及职务", max_length=120, width=20, print_width=2.2),
    Field("stage_label", "类别", K.COMPUTED, compute=_stage, width=10, print_width=1.3),
    _date("applied_on", "递交申请书日期", 1.5, required=True),
    _date("talked_on", "谈话日期"),
    Field("talked_by", "谈话人", max_length=40, width=8, in_table=False),
    _date("activist_on", "确定为积极分子日期", 1.5, help="支委会确定的日期"),
    _date("activist_filed_on", "积极分子备案日期"),
    Field(
        "mentors",
        "培养联系人",
        max_length=40,
        width=12,
        print_width=1.4,
        help="1至2名正式党员，用“、”分隔",
    ),
    _date("candidate_on", "确定为发展对象日期", 1.5),
    _date("candidate_filed_on", "发展对象备案日期"),
    Field(
        "sponsors",
        "入党介绍人",
        max_length=40,
        width=12,
        in_table=False,
        help="2名正式党员，用“、”分隔",
    ),
    _date("political_review_on", "政治审查日期"),
    Field("review_conclusion", "政审结论", max_length=60, width=10, in_table=False),
    _date("training_start_on", "集中培训开始日期"),
    _date("training_end_on", "集中培训结束日期"),
    Field("training_hours", "培训学时", K.NUMBER, width=6, in_table=False),
    _date("pre_review_on", "预审日期", help="上级党委预审合格的日期"),
    _date("publicity_start_on", "公示开始日期"),
    _date("publicity_end_on", "公示结束日期", help="公示不少于5个工作日，在支部大会之前"),
    Field("volunteer_book_no", "入党志愿书编号", max_length=40, width=12, in_table=False),
    Field("phone", "联系电话", K.PHONE, width=14, print_width=1.7),
    Field("note", "备注", K.LONG_TEXT, max_length=500, width=20),
)


def _after(day: date | None, today: date) -> bool:
    return day is not None and day > today


def check_pipeline(row: dict[str, Any], today: date) -> list[Problem]:
    """The 细则's limits (see ``domain.pipeline_rules``), as warnings or errors on the fields."""
    day = {key: as_date(row.get(key)) for key in (*MILESTONE_FIELDS, "birth_date")}
    findings = [
        *pipeline_rules.check_age(day["birth_date"], day["applied_on"]),
        *pipeline_rules.check_talk(day["applied_on"], day["talked_on"]),
        *pipeline_rules.check_candidate_timing(day["activist_on"], day["candidate_on"]),
        *pipeline_rules.check_training(
            day["training_start_on"], day["training_end_on"], row.get("training_hours")
        ),
        *pipeline_rules.check_people_counts(row.get("mentors"), row.get("sponsors")),
        *pipeline_rules.check_publicity(day["publicity_start_on"], day["publicity_end_on"]),
        *pipeline_rules.check_order(day),
    ]
    future: list[pipeline_rules.Finding] = [
        (key, "不能晚于今天。", True) for key in MILESTONE_FIELDS if _after(day[key], today)
    ]
    labels = {f.key: f.label for f in FIELDS}
    return [
        Problem(key, labels.get(key, ""), message, is_error)
        for key, message, is_error in findings + future
    ]


ACTIVISTS = people_register(
    key="activists",
    title="入党积极分子花名册",
    row_noun="入党积极分子",
    fields=FIELDS,
    view="activists_view",
    where="stage IN ('applicant', 'activist', 'candidate')",
    search_columns=("name", "id_number", "phone", "work_unit_post", "mentors"),
    checks=(fill_and_check_identity, check_pipeline),
)
