"""The list of reminder kinds the 首页 and ``todo`` show. Adding a reminder is one entry here.

The registry imports the definitions; a definition never imports the registry.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from liangxin_desktop.domain.reminders import (
    dues,
    meetings,
    members,
    membership,
    mobile,
    organization,
    pipeline,
)
from liangxin_desktop.domain.reminders.base import Facts, Reminder, ReminderKind

KINDS: tuple[ReminderKind, ...] = (
    ReminderKind("probation", "预备期满", pipeline.probation_ending, dismissable=False),
    ReminderKind("activist_year", "积极分子满一年", pipeline.activist_one_year),
    ReminderKind("talk", "入党申请人谈话", pipeline.talk_overdue),
    ReminderKind("approval", "党委审批", pipeline.approval_overdue),
    ReminderKind("publicity", "发展对象公示", pipeline.publicity_running),
    ReminderKind("publicity_done", "公示结束待支部大会", pipeline.publicity_over),
    ReminderKind("six_month", "六个月未参加组织生活或未交党费", members.six_month_rule),
    ReminderKind("meetings_missed", "三会一课（上一期未开）", meetings.last_period_shortfall),
    ReminderKind(
        "meetings_due", "三会一课（本期待开）", meetings.current_period_due, dismissable=False
    ),
    ReminderKind("study_hours", "学时", members.study_hours_short),
    ReminderKind("dues_month", "本月党费", dues.dues_this_month, dismissable=False),
    ReminderKind("dues_assessment", "党费年度核定", dues.dues_not_assessed, dismissable=False),
    ReminderKind("dues_remittance", "党费上缴", dues.remittance_missing),
    ReminderKind("receipt_missing", "介绍信回执", membership.receipt_missing),
    ReminderKind("lost_contact", "失联党员", membership.lost_contact),
    ReminderKind("long_suspended", "停止党籍满两年", membership.long_suspended),
    ReminderKind("re_election", "换届", organization.re_election),
    ReminderKind("mobile_transfer", "流动党员转接组织关系", mobile.mobile_transfer),
    ReminderKind("mobile_report", "流动党员年度报告", mobile.mobile_report),
    ReminderKind("mobile_review", "流动党员活动证年审", mobile.mobile_review),
    ReminderKind("branch_size", "组织设置", organization.branch_size),
    ReminderKind("six_haves", "“六有”建设", organization.six_haves, dismissable=False),
    ReminderKind("political_birthday", "政治生日", members.political_birthdays),
)
_BY_KEY = {kind.key: kind for kind in KINDS}


def kind_of(key: str) -> ReminderKind:
    return _BY_KEY[key]


def due_reminders(
    facts: Facts, today: date, hidden: Collection[str] = frozenset()
) -> list[Reminder]:
    """Every reminder of every kind, without those the clerk settled (``hidden`` keys), sorted
    by urgency, then due date (undated last), then person."""
    found = [
        reminder
        for kind in KINDS
        for reminder in kind.find(facts, today)
        if reminder.key not in hidden
    ]
    return sorted(
        found,
        key=lambda r: (r.urgency.rank, r.due or date.max, r.person or "", r.message),
    )
