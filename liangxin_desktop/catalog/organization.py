"""The organization profile that heads every printed book: the Party organization and its host."""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem, as_date
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain import codes, dates, uscc
from liangxin_desktop.domain.election import TERM_YEARS, is_full_term
from liangxin_desktop.domain.organization_rules import term_status

PARTY_FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        "党组织名称",
        required=True,
        max_length=80,
        placeholder="例如：中共××有限公司支部委员会",
    ),
    Field("kind", "党组织类别", K.CHOICE, required=True, choices=codes.ORG_KINDS),
    Field("formation_mode", "组建方式", K.CHOICE, choices=codes.FORMATION_MODES),
    Field("founded_on", "成立日期", K.DATE),
    Field("parent_org", "上级党组织", max_length=80),
    Field("instructor", "党建指导员", max_length=40),
    Field("term_start", "本届任期开始日期", K.DATE),
    Field("term_end", "本届任期届满日期", K.DATE),
    Field("keeper", "台账保管人", max_length=40, help="印在台账封面上"),
)

HOST_FIELDS: tuple[Field, ...] = (
    Field("host_name", "单位名称", max_length=80),
    Field("host_kind", "单位类型", K.CHOICE, choices=codes.HOST_KINDS),
    Field("host_uscc", "统一社会信用代码", K.CREDIT_CODE, max_length=18),
    Field("host_employees", "从业人员数", K.INTEGER),
    Field("host_above_scale", "是否规模以上", K.BOOL),
    Field("host_leader", "单位负责人", max_length=40),
    Field("host_address", "单位地址", max_length=120),
)

COMMITTEE_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", required=True, max_length=40),
    Field("post", "职务", K.CHOICE, required=True, choices=codes.COMMITTEE_POSTS),
    Field("start_on", "任职日期", K.DATE),
    Field("end_on", "离任日期", K.DATE),
)


def check_term(row: dict[str, Any], today: date) -> list[Problem]:
    """Term dates in order, of the statutory length, and a reminder 6 months before the end."""
    start, end = as_date(row.get("term_start")), as_date(row.get("term_end"))
    if not end:
        return []
    if start and end <= start:
        return [Problem("term_end", "本届任期届满日期", "应晚于任期开始日期。")]
    problems = []
    years = TERM_YEARS.get(str(row.get("kind")))
    if start and years and not is_full_term(start, end, years):
        problems.append(
            Problem(
                "term_end",
                "本届任期届满日期",
                f"{row.get('kind')}每届任期一般为{years}年，请核对。",
                is_error=False,
            )
        )
    status = term_status(end, today)
    if status == "已届满":
        problems.append(
            Problem(
                "term_end",
                "本届任期届满日期",
                f"本届任期已于{dates.format_cn_date(end)}届满，请及时换届。",
                is_error=False,
            )
        )
    elif status == "即将届满":
        problems.append(
            Problem(
                "term_end",
                "本届任期届满日期",
                f"本届任期将于{dates.format_cn_date(end)}届满，请提前做好换届准备。",
                is_error=False,
            )
        )
    return problems


def check_host_kind(row: dict[str, Any], today: date) -> list[Problem]:
    """单位类型 against the 登记管理部门 of the credit code (a warning)."""
    code, kind = str(row.get("host_uscc") or ""), str(row.get("host_kind") or "")
    message = uscc.host_kind_mismatch(code, kind) if code and kind else ""
    return [Problem("host_kind", "单位类型", message, is_error=False)] if message else []


ORGANIZATION = Register(
    key="organization",
    title="党组织基本情况",
    group="",
    row_noun="党组织",
    fields=PARTY_FIELDS + HOST_FIELDS,
    table="organization",
    orientation="portrait",
    checks=(check_term, check_host_kind),
)

COMMITTEE = Register(
    key="committee",
    title="党组织委员",
    group="",
    row_noun="委员",
    fields=COMMITTEE_FIELDS,
    table="committee_members",
)
