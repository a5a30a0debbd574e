"""Reminders about members: the six-month rule, 学时, and 政治生日."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.reminders.base import Facts, RecordLink, Reminder, Urgency, as_date
from liangxin_desktop.domain.six_month import ALERT_MONTHS, WARN_MONTHS


def six_month_rule(facts: Facts, today: date) -> list[Reminder]:
    """党章 Art. 9, as ``storage.six_month.member_flags`` counts it: 3 months warn, 6 alert."""
    found = []
    for flag in facts.six_month_flags:
        for what, run in (
            ("未参加党的组织生活", flag.flag.attendance),
            ("未交纳党费", flag.flag.dues),
        ):
            months = run.months
            since = f"自{dates.format_cn_month(run.since)}起" if run.since else ""
            if months < WARN_MONTHS:
                continue
            if months >= ALERT_MONTHS:
                urgency = Urgency.OVERDUE
                advice = "按党章第九条，应由支部党员大会研究处置，请先核实情况。"
            else:
                urgency = Urgency.THIS_MONTH
                advice = "请及时谈心谈话、了解原因，有正当理由的请标记。"
            found.append(
                Reminder(
                    "six_month",
                    urgency,
                    f"{flag.name}{since}已连续{months}个月{what}。{advice}",
                    None,
                    flag.name,
                    RecordLink("members", flag.person_id),
                    "six_month",
                    subject=f"person:{flag.person_id}:{what}:{months}",
                )
            )
    return found


BIRTHDAY_ITEMS_MAX = 5  # more in one month: one note naming them all, not a flood of items


def political_birthdays(facts: Facts, today: date) -> list[Reminder]:
    """This month's 政治生日 (入党纪念日): a friendly note, not a duty."""
    found = []
    for member in facts.members:
        joined = as_date(member.get("joined_on"))
        if joined is None or joined.month != today.month or joined.year >= today.year:
            continue
        day = dates.add_months(joined, 12 * (today.year - joined.year))
        found.append((day, today.year - joined.year, member))
    found.sort(key=lambda item: (item[0], item[2]["id"]))
    if len(found) > BIRTHDAY_ITEMS_MAX:
        names = "、".join(f"{m['name']}（{d.day}日，{y}周年）" for d, y, m in found)
        message = f"本月有{len(found)}名党员过政治生日：{names}。"
        month = today.isoformat()[:7]
        return [
            Reminder("political_birthday", Urgency.NOTE, message, None, None,
                     RecordLink("members"), "open", subject=month)
        ]  # fmt: skip
    return [
        Reminder(
            "political_birthday",
            Urgency.NOTE,
            f"{dates.format_cn_date(day)}是{member['name']}入党{years}周年的政治生日，可送上一句祝福。",
            day,
            member["name"],
            RecordLink("members", member["id"]),
            "open",
            subject=f"person:{member['id']}",
        )
        for day, years, member in found
    ]


def study_hours_short(facts: Facts, today: date) -> list[Reminder]:
    """学时 below the yearly target (``domain.study_hours``): a note, urgent from the fourth quarter."""
    here = {m["id"] for m in facts.members}
    short = [s for s in facts.study_hours if s.person_id in here and not s.reached]
    if not short:
        return []
    names = "、".join(f"{s.name}（差{s.short:g}）" for s in short[:5]) + (
        "等" if len(short) > 5 else ""
    )
    message = f"{len(short)}名党员{today.year}年度学时未达标：{names}，请安排学习培训并在记录簿中登记学时。"
    if today.month == 12:
        urgency = Urgency.THIS_MONTH
    else:
        urgency = Urgency.SOON if today.month >= 10 else Urgency.NOTE
    return [
        Reminder("study_hours", urgency, message, date(today.year, 12, 31), None,
                 RecordLink("trainings"), "open", subject=str(today.year))
    ]  # fmt: skip
