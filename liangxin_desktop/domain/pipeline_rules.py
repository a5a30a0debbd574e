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
    publicity_working_days: int = 5  # 公示 before the 支部大会 (a setting; the 2026 revision's 5)


RULES_2014 = PipelineRules(version="2014")
CURRENT = RULES_2014

Finding = tuple[str, str, bool]  # field key, message, is_error


def split_names(text: str | None) -> list[str]:
    """Names written with 、，, or spaces between them."""
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
    if mentors and not low <= len(split_names(mentors)) <= high:
        found.append(("mentors", f"培养联系人应为{low}至{high}名正式党员。", False))
    if sponsors and len(split_names(sponsors)) != rules.sponsors:
        found.append(("sponsors", f"入党介绍人应为{rules.sponsors}名正式党员。", False))
    return found


_ORDER = (
    ("applied_on", "递交申请书"),
    ("talked_on", "谈话"),
    ("activist_on", "确定为积极分子"),
    ("candidate_on", "确定为发展对象"),
    ("pre_review_on", "预审"),
    ("admitted_on", "支部大会"),
    ("approved_on", "党委审批"),
)
# Steps that must come before the 支部大会 that admits (细则 Art. 19–22: 政审, 集中培训, 公示).
_BEFORE_ADMISSION = (
    ("political_review_on", "政治审查"),
    ("training_end_on", "集中培训"),
    ("publicity_end_on", "公示"),
)


def check_order(dates_by_key: dict[str, date | None]) -> list[Finding]:
    """申请 ≤ 谈话 ≤ 积极分子 ≤ 发展对象 ≤ 预审 ≤ 支部大会 ≤ 审批; 政审, 集中培训 and 公示 before
    the 支部大会 (DOMAIN.md "Rules to check")."""
    found: list[Finding] = []
    previous: tuple[str, date] | None = None
    for key, label in _ORDER:
        day = dates_by_key.get(key)
        if day is None:
            continue
        if previous and day < previous[1]:
            found.append((key, f"{label}日期早于{previous[0]}日期，请核对。", False))
        previous = (label, day)
    admitted = dates_by_key.get("admitted_on")
    for key, label in _BEFORE_ADMISSION:
        day = dates_by_key.get(key)
        if admitted and day and day > admitted:
            found.append((key, f"{label}应在支部大会之前完成，请核对日期。", False))
    return found


def working_days(start: date, end: date) -> int:
    """Monday–Friday days from ``start`` to ``end`` inclusive (public holidays are not known)."""
    days = (end - start).days + 1
    return sum(1 for n in range(max(days, 0)) if (start.toordinal() + n) % 7 not in (0, 6))


def check_publicity(
    start: date | None, end: date | None, rules: PipelineRules = CURRENT
) -> list[Finding]:
    """公示 of a 发展对象 before the 支部大会: at least 5 working days (a setting)."""
    if start and end and end < start:
        return [("publicity_end_on", "公示结束日期早于开始日期。", True)]
    if start and end and working_days(start, end) < rules.publicity_working_days:
        return [
            (
                "publicity_end_on",
                f"公示应不少于{rules.publicity_working_days}个工作日"
                f"（现为{working_days(start, end)}个）。",
                False,
            )
        ]
    return []


def check_full_member(
    role: str, name: str, status: str, rules: PipelineRules = CURRENT
) -> list[Finding]:
    """入党介绍人 must be 正式党员 on the date (else an error); a 培养联系人 should be (a warning:
    a mentor may come from outside the roster). ``status``: full / probationary / absent."""
    if status == "full":
        return []
    sponsor = role == "sponsors"
    what = "入党介绍人" if sponsor else "培养联系人"
    why = "是预备党员" if status == "probationary" else "不在本组织党员名册中（或当天不是党员）"
    advice = "入党介绍人必须是正式党员。" if sponsor else "培养联系人应为正式党员，请核对。"
    return [(role, f"{what}“{name}”{why}。{advice}", sponsor)]


def conversion_date_problem(probation_ends: date, day: date) -> str | None:
    """转正日期 is the day the 预备期 (or its extension) ends, whatever day the 转正 支部大会 was
    held (细则 Art. 32); any other date is an error."""
    if day == probation_ends:
        return None
    return (
        f"转正日期应为预备期满之日（{format_cn_date(probation_ends)}），"
        "不论支部大会在哪一天讨论（《发展党员工作细则》第三十二条）。"
    )


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
