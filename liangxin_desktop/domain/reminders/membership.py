"""Reminders about 组织关系 and 党籍: a 介绍信's 回执 missing, 失联 six months (停止党籍 to be
considered), 停止党籍 two years (除名 to be considered) — flags only, people decide.

The limits are those of ``domain.membership`` (《中国共产党党员教育管理工作条例》2019; DOMAIN.md
"Membership in this organization"): nothing here restates them.
"""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import dates, membership
from liangxin_desktop.domain.reminders.base import (
    Facts,
    RecordLink,
    Reminder,
    Urgency,
    as_date,
)


def receipt_missing(facts: Facts, today: date) -> list[Reminder]:
    """A 转出 whose 介绍信 has passed its 有效期 and whose 回执 has not come back."""
    found = []
    for letter in facts.transfers_out:
        if not membership.receipt_missing(letter.valid_until, letter.receipt_on, today):
            continue
        assert letter.valid_until is not None
        where = f"转往{letter.to_org}" if letter.to_org else "转出"
        message = (
            f"{letter.name}的组织关系介绍信（{where}）有效期已于"
            f"{dates.format_cn_date(letter.valid_until)}届满，还没有登记回执，"
            "请与接收党组织联系核实；收到后请在“组织关系与党籍”中登记回执。"
        )
        found.append(
            Reminder(
                "receipt_missing",
                Urgency.OVERDUE,
                message,
                letter.valid_until,
                letter.name,
                RecordLink("members", letter.person_id),
                "receipt",
                subject=f"period:{letter.period_id}",
            )
        )
    return found


def _suspended_now(member: dict) -> bool:
    return bool(member.get("suspended_on")) and not member.get("restored_on")


def lost_contact(facts: Facts, today: date) -> list[Reminder]:
    """失联 for 6 months or more: the branch should consider 停止党籍 (never done by the app)."""
    found = []
    for member in facts.members:
        since = member.get("lost_since")
        if not member.get("is_lost") or _suspended_now(member):
            continue
        if not membership.suspension_to_consider(since, today):
            continue
        first_day = date.fromisoformat(f"{str(since)[:7]}-01")
        message = (
            f"{member['name']}自{dates.format_cn_month(str(since)[:7])}失去联系已满"
            f"{membership.LOST_SUSPEND_MONTHS}个月。请继续设法联系；确实联系不上的，"
            "按党员教育管理工作条例应由党组织研究是否停止其党籍。"
        )
        due = dates.add_months(first_day, membership.LOST_SUSPEND_MONTHS)
        found.append(_about(member, "lost_contact", message, due))
    return found


def long_suspended(facts: Facts, today: date) -> list[Reminder]:
    """停止党籍 for 2 years without a change: 除名 should be considered (never done by the app)."""
    found = []
    for member in facts.members:
        suspended = as_date(member.get("suspended_on"))
        if not _suspended_now(member) or not membership.expulsion_to_consider(suspended, today):
            continue
        assert suspended is not None
        message = (
            f"{member['name']}自{dates.format_cn_date(suspended)}停止党籍已满"
            f"{membership.suspension_years(suspended, today)}年。仍无改变的，"
            "按党员教育管理工作条例应由党组织研究是否予以除名；已恢复党籍的请登记恢复。"
        )
        due = dates.add_months(suspended, membership.SUSPENDED_EXPEL_YEARS * 12)
        found.append(_about(member, "long_suspended", message, due))
    return found


def _about(member: dict, kind: str, message: str, due: date) -> Reminder:
    return Reminder(
        kind,
        Urgency.THIS_MONTH,
        message,
        due,
        member["name"],
        RecordLink("members", member["id"]),
        "open",
        subject=f"person:{member['id']}",
    )
