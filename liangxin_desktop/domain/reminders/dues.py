"""Reminders about 党费: this month's dues not recorded, members without a 年度核定, and the
last complete quarter's 上缴 (``domain.remittance``)."""

from __future__ import annotations

import calendar
from datetime import date

from liangxin_desktop.domain import dates, remittance
from liangxin_desktop.domain.dues import format_fen
from liangxin_desktop.domain.reminders.base import (
    Facts,
    RecordLink,
    Reminder,
    Urgency,
    urgency_of_due,
)


def _month_end(today: date) -> date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def dues_this_month(facts: Facts, today: date) -> list[Reminder]:
    """This month's dues not yet recorded for members with a 核定 this year (due at month end)."""
    unpaid = [
        m
        for m in facts.members
        if m["id"] in facts.assessed_this_year and m["id"] not in facts.paid_this_month
    ]
    if not unpaid:
        return []
    month = dates.format_cn_month(today.isoformat()[:7])
    names = "、".join(m["name"] for m in unpaid[:5]) + ("等" if len(unpaid) > 5 else "")
    message = f"{month}还有{len(unpaid)}名党员的党费未登记（{names}），收缴后请在党费收缴册中登记。"
    return [
        Reminder(
            "dues_month",
            Urgency.THIS_MONTH,
            message,
            _month_end(today),
            None,
            RecordLink("dues"),
            "open",
            subject=today.isoformat()[:7],
        )
    ]


def dues_not_assessed(facts: Facts, today: date) -> list[Reminder]:
    """Members with no 年度核定 for this year: their monthly dues are not fixed yet."""
    missing = [m for m in facts.members if m["id"] not in facts.assessed_this_year]
    if not missing:
        return []
    names = "、".join(m["name"] for m in missing[:5]) + ("等" if len(missing) > 5 else "")
    message = (
        f"{len(missing)}名党员还没有{today.year}年度党费核定（{names}），"
        "请在党费收缴册中点击“年度核定”。"
    )
    return [
        Reminder(
            "dues_assessment",
            Urgency.THIS_MONTH,
            message,
            None,
            None,
            RecordLink("dues"),
            "open",
            subject=str(today.year),
        )
    ]


def remittance_missing(facts: Facts, today: date) -> list[Reminder]:
    """The last complete quarter's dues collected but no 上缴 recorded for them."""
    quarter = remittance.last_complete_quarter(today)
    collected = sum(facts.dues_paid_by_month.get(m, 0) for m in remittance.quarter_months(quarter))
    if collected <= 0 or remittance.quarter_remitted(quarter, facts.remittances):
        return []
    due = remittance.remittance_due(quarter)
    urgency = urgency_of_due(due, today)
    assert urgency is not None  # the due day is at most a month after the quarter
    message = (
        f"{remittance.quarter_label(quarter)}收缴的党费{format_fen(collected)}元还没有上缴记录，"
        "请按规定上缴上级党组织，并在党费收缴册“上缴党费…”中登记。"
    )
    return [
        Reminder("dues_remittance", urgency, message, due, None, RecordLink("dues"), "remit",
                 subject=quarter)
    ]  # fmt: skip
