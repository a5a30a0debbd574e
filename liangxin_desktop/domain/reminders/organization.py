"""Reminders about the organization: 换届, the branch-size rules and the 六有 checklist."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import codes, dates
from liangxin_desktop.domain.organization_rules import size_findings, term_status
from liangxin_desktop.domain.reminders.base import Facts, RecordLink, Reminder, Urgency, as_date

_PROFILE = RecordLink("organization")


def re_election(facts: Facts, today: date) -> list[Reminder]:
    """换届: 6 months before the term ends, and once it has ended (organization_rules)."""
    end = as_date(facts.organization.get("term_end"))
    if end is None:
        return []
    status = term_status(end, today)
    when = dates.format_cn_date(end)
    if status == "已届满":
        message = f"本届任期已于{when}届满，请向上级党组织报告并及时换届选举。"
        urgency = Urgency.OVERDUE
    elif status == "即将届满":
        message = f"本届任期将于{when}届满，请提前6个月做好换届准备（请示上级、酝酿候选人）。"
        urgency = (
            Urgency.THIS_MONTH
            if (end.year, end.month) == (today.year, today.month)
            else Urgency.SOON
        )
    else:
        return []
    return [Reminder("re_election", urgency, message, end, None, _PROFILE, "edit", "term")]


def branch_size(facts: Facts, today: date) -> list[Reminder]:
    """The branch-size rules (≥ 3 full members, committee at ≥ 7, > 50 members)."""
    kind = str(facts.organization.get("kind") or "")
    if not kind:
        return []
    findings = size_findings(kind, facts.full_members, len(facts.members), len(facts.committee))
    return [
        Reminder("branch_size", Urgency.NOTE, text, None, None, _PROFILE, "edit", text)
        for text in findings
    ]


def six_haves(facts: Facts, today: date) -> list[Reminder]:
    """ "六有" items not yet in place (all six: 活动室, 挂牌, 党旗党徽, 制度上墙, 设备, 学习资料)."""
    missing = [codes.SIX_HAVE_LABELS[item] for item in facts.six_haves_missing]
    if not missing:
        return []
    message = f"“六有”尚未达标：{'、'.join(missing)}。具备后请在“党组织基本情况”中勾选。"
    return [Reminder("six_haves", Urgency.NOTE, message, None, None, _PROFILE, "edit", "six_haves")]
