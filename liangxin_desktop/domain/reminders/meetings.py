"""Reminders of 三会一课: the last complete period's shortfall, and what the current month,
quarter or year still lacks — both read from ``domain.compliance`` (checked per period, per kind
and per 党小组), never counted again here."""

from __future__ import annotations

import calendar
from datetime import date

from liangxin_desktop.domain.compliance import PeriodCheck
from liangxin_desktop.domain.reminders.base import (
    SOON_DAYS,
    Facts,
    RecordLink,
    Reminder,
    Urgency,
)

_BOOK_OF = {"支部党员大会": "committee_meetings", "支委会": "committee_meetings"}
_QUARTERS = "一二三四"


def period_label(period: str) -> str:
    """ "2026-10" → 2026年10月, "2026-Q3" → 2026年第三季度, "2026" → 2026年度."""
    if "-Q" in period:
        return f"{period[:4]}年第{_QUARTERS[int(period[-1]) - 1]}季度"
    if "-" in period:
        return f"{period[:4]}年{int(period[5:])}月"
    return f"{period}年度"


def period_end(period: str) -> date:
    year = int(period[:4])
    if "-Q" in period:
        month = int(period[-1]) * 3
    elif "-" in period:
        month = int(period[5:])
    else:
        month = 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _link(check: PeriodCheck) -> RecordLink:
    return RecordLink(_BOOK_OF.get(check.label, "org_life"))


def _reminder(check: PeriodCheck, urgency: Urgency, message: str, kind: str) -> Reminder:
    return Reminder(
        kind,
        urgency,
        message,
        period_end(check.last_period),
        None,
        _link(check),
        "open",
        subject=f"{check.name}:{check.last_period}",
    )


def last_period_shortfall(facts: Facts, today: date) -> list[Reminder]:
    """A period that is over and lacked a required meeting (支部工作条例 Arts. 11–19)."""
    found = []
    for check in facts.compliance_done:
        if check.last_period_shortfall <= 0:
            continue
        message = (
            f"{period_label(check.last_period)}{check.name}应召开而未召开（缺{check.last_period_shortfall}次），"
            "请核实是否漏记；确未召开的，请在本期及时召开并记录原因。"
        )
        found.append(_reminder(check, Urgency.OVERDUE, message, "meetings_missed"))
    return found


def _current_urgency(check: PeriodCheck, today: date) -> Urgency:
    end = period_end(check.last_period)
    if (end.year, end.month) == (today.year, today.month):
        return Urgency.THIS_MONTH
    if (
        check.per == "year"
    ):  # 组织生活会, 民主评议, 谈心谈话: a note, urgent from the fourth quarter
        return Urgency.THIS_MONTH if today.month >= 10 else Urgency.NOTE
    return Urgency.SOON if (end - today).days <= SOON_DAYS else Urgency.NOTE


def current_period_due(facts: Facts, today: date) -> list[Reminder]:
    """What this month, quarter or year still needs before it ends."""
    found = []
    for check in facts.compliance_current:
        if check.last_period_shortfall <= 0:
            continue
        label = period_label(check.last_period)
        message = f"{label}还没有召开{check.name}（应至少{check.last_period_shortfall}次），请在{period_end(check.last_period).month}月底前召开并登记。"
        found.append(_reminder(check, _current_urgency(check, today), message, "meetings_due"))
    return found
