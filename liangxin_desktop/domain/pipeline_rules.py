"""The development pipeline's rules (发展党员工作细则), kept as one versioned table of limits.

A revision of the 细则 (one is expected in 2026) is a new ``PipelineRules`` value, not new code.
Checks return (field, message, is_error) triples; the catalog turns them into Problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from liangxin_desktop.domain.dates import add_months, format_cn_date


@dataclass(frozen=True)
class PipelineRules:
    version: str
    minimum_age: int = 18
    talk_within_months: int = 1
    activist_min_months: int = 12
    training_min_days: int = 3
    training_min_hours: float = 24
    approval_months: int = 3
    approval_max_months: int = 6
    probation_months: int = 12
    extension_min_months: int = 6
    extension_max_months: int = 12
    mentors: tuple[int, int] = (1, 2)
    sponsors: int = 2


RULES_2014 = PipelineRules(version="2014")
CURRENT = RULES_2014

Finding = tuple[str, str, bool]  # field key, message, is_error


def _names(text: str | None) -> list[str]:
    cleaned = (text or "").replace("，", "、").replace(",", "、").replace(" ", "、")
    return [name for name in cleaned.split("、") if name]


def check_age(
    birth: date | None, applied: date | None, rules: PipelineRules = CURRENT
) -> list[Finding]:
    if birth and applied and add_months(birth, rules.minimum_age * 12) > applied:
        return [("applied_on", f"递交申请时未满{rules.minimum_age}周岁，不能发展入党。", True)]
    return []


def check_talk(
    applied: date | None, talked: date | None, rules: PipelineRules = CURRENT
) -> list[Finding]:
    if applied and talked and talked > add_months(applied, rules.talk_within_months):
        return [("talked_on", f"应在收到入党申请书后{rules.talk_within_months}个月内谈话。", False)]
    return []


def check_candidate_timing(
    activist: date | None, candidate: date | None, rules: PipelineRules = CURRENT
) -> list[Finding]:
    if activist and candidate and candidate < add_months(activist, rules.activist_min_months):
        due = format_cn_date(add_months(activist, rules.activist_min_months))
        return [("candidate_on", f"积极分子培养考察不满一年（{due}满一年）。", False)]
    return []


def check_training(
    start: date | None, end: date | None, hours: float | None, rules: PipelineRules = CURRENT
) -> list[Finding]:
    days = (end - start).days + 1 if start and end else 0
    if (
        (start or hours)
        and days < rules.training_min_days
        and (hours or 0) < rules.training_min_hours
    ):
        return [
            (
                "training_hours",
                f"集中培训应不少于{rules.training_min_days}天或{rules.training_min_hours:g}学时。",
                False,
            )
        ]
    return []


def check_people_counts(
    mentors: str | None, sponsors: str | None, rules: PipelineRules = CURRENT
) -> list[Finding]:
    found: list[Finding] = []
    low, high = rules.mentors
    if mentors and not low <= len(_names(mentors)) <= high:
        found.append(("mentors", f"培养联系人应为{low}至{high}名正式党员。", False))
    if sponsors and len(_names(sponsors)) != rules.sponsors:
        found.append(("sponsors", f"入党介绍人应为{rules.sponsors}名正式党员。", False))
    return found


_ORDER = (
    ("applied_on", "递交申请书"),
    ("talked_on", "谈话"),
    ("activist_on", "确定为积极分子"),
    ("candidate_on", "确定为发展对象"),
    ("pre_review_on", "预审"),
)


def check_order(dates_by_key: dict[str, date | None]) -> list[Finding]:
    """申请 ≤ 谈话 ≤ 积极分子 ≤ 发展对象 ≤ 预审."""
    found: list[Finding] = []
    previous: tuple[str, date] | None = None
    for key, label in _ORDER:
        day = dates_by_key.get(key)
        if day is None:
            continue
        if previous and day < previous[1]:
            found.append((key, f"{label}日期早于{previous[0]}日期，请核对。", False))
        previous = (label, day)
    return found


def approval_status(
    branch_meeting: date, approved: date | None, today: date, rules: PipelineRules = CURRENT
) -> Finding | None:
    """党委审批 within 3 months of the 支部大会 (an error beyond 6)."""
    day = approved or today
    if day > add_months(branch_meeting, rules.approval_max_months):
        return (
            "approved_on",
            f"支部大会后超过{rules.approval_max_months}个月仍未审批，不符合规定。",
            True,
        )
    if day > add_months(branch_meeting, rules.approval_months):
        return ("approved_on", f"上级党委应在支部大会后{rules.approval_months}个月内审批。", False)
    return None


def check_extension(months: int, rules: PipelineRules = CURRENT) -> list[Finding]:
    if not rules.extension_min_months <= months <= rules.extension_max_months:
        return [
            (
                "extension",
                f"延长预备期应为{rules.extension_min_months}至{rules.extension_max_months}个月。",
                True,
            )
        ]
    return []


def probation_end(
    branch_meeting: date, extension_months: int = 0, rules: PipelineRules = CURRENT
) -> date:
    """预备期满: one year from the 支部大会 (plus an extension), calendar months, month-end clamped."""
    return add_months(branch_meeting, rules.probation_months + extension_months)
