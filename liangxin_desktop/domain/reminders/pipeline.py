"""Reminders of the development pipeline: 预备期满, 积极分子满一年, 谈话 overdue, 党委审批
overdue, and the 公示 of a 发展对象 (running, or over with no 支部大会 yet).

The limits are those of ``domain.pipeline_rules`` (发展党员工作细则 2014, Art. 7, 11, 23, 28–32):
nothing here restates them.
"""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import dates, pipeline_rules
from liangxin_desktop.domain.reminders.base import (
    Facts,
    RecordLink,
    Reminder,
    Urgency,
    as_date,
    due_or_overdue,
    urgency_of_due,
)

_RULES = pipeline_rules.CURRENT


def probation_ending(facts: Facts, today: date) -> list[Reminder]:
    """预备期满 within 30 days, or past with no 转正 recorded (细则 Art. 32)."""
    found = []
    for member in facts.members:
        end = facts.probation_ends.get(member["id"])
        if end is None:
            continue
        when, name = dates.format_cn_date(end), member["name"]
        due = due_or_overdue(
            end,
            today,
            f"{name}的预备期已于{when}期满，尚未登记转正，请召开支部党员大会讨论其转正。",
            f"{name}的预备期将于{when}期满，请提前做好转正的准备（转正申请、支部大会）。",
        )
        if due:
            found.append(_about("members", member, "probation", *due, end, "convert"))
    return found


def activist_one_year(facts: Facts, today: date) -> list[Reminder]:
    """积极分子培养考察满一年: may now be considered as a 发展对象 (细则 Art. 11)."""
    found = []
    for person in facts.applicants:
        since = as_date(person.get("activist_on"))
        if person.get("stage") != "activist" or since is None:
            continue
        due = dates.add_months(since, _RULES.activist_min_months)
        urgency = urgency_of_due(due, today)
        if urgency is None:
            continue
        if urgency is Urgency.OVERDUE:
            urgency = Urgency.NOTE  # nothing is late: the branch may now consider the step
            message = f"{person['name']}培养考察已满一年，支委会可研究是否确定为发展对象。"
        else:
            message = f"{person['name']}将于{dates.format_cn_date(due)}培养考察满一年，届时可研究确定为发展对象。"
        found.append(
            _about("activists", person, "activist_year", urgency, message, due, "make_candidate")
        )
    return found


def talk_overdue(facts: Facts, today: date) -> list[Reminder]:
    """收到入党申请书后1个月内派人谈话 (细则 Art. 7): no 谈话 recorded yet."""
    found = []
    for person in facts.applicants:
        applied = as_date(person.get("applied_on"))
        if person.get("stage") not in ("applicant", "activist", "candidate"):
            continue
        if applied is None or person.get("talked_on"):
            continue
        day = dates.add_months(applied, _RULES.talk_within_months)
        when, name = dates.format_cn_date(day), person["name"]
        due = due_or_overdue(
            day,
            today,
            f"{name}递交入党申请书已超过1个月，还没有谈话记录，请尽快派人谈话（应在{when}前）。",
            f"{name}递交了入党申请书，请在{when}前派人与其谈话。",
        )
        if due:
            found.append(_about("activists", person, "talk", *due, day, "edit"))
    return found


def approval_overdue(facts: Facts, today: date) -> list[Reminder]:
    """党委审批 not recorded for a 预备党员 admitted here: 3 months after the 支部大会 a warning,
    beyond 6 an error (细则 Art. 28, as ``pipeline_rules.approval_status`` holds it)."""
    found = []
    for member in facts.members:
        joined = as_date(member.get("joined_on"))
        if member["id"] not in facts.admitted_here or joined is None:
            continue
        if member.get("member_category") != "预备党员" or member.get("approved_on"):
            continue
        finding = pipeline_rules.approval_status(joined, None, today)
        if finding is None:
            continue
        _field, rule, is_error = finding
        months = _RULES.approval_max_months if is_error else _RULES.approval_months
        message = (
            f"{member['name']}于{dates.format_cn_date(joined)}经支部大会接收为预备党员，"
            f"还没有登记上级党委审批：{rule}已审批的请登记审批日期，未审批的请向上级党委报批。"
        )
        due = dates.add_months(joined, months)
        found.append(
            _about("members", member, "approval", Urgency.OVERDUE, message, due, "approve")
        )
    return found


def _publicity(facts: Facts, today: date) -> list[tuple[dict, date, date]]:
    """发展对象 (not yet admitted) with a recorded 公示 that has begun: (person, start, end)."""
    found = []
    for person in facts.applicants:
        start = as_date(person.get("publicity_start_on"))
        end = as_date(person.get("publicity_end_on"))
        if person.get("stage") == "candidate" and start and end and start <= today:
            found.append((person, start, end))
    return found


def publicity_running(facts: Facts, today: date) -> list[Reminder]:
    """公示 of a 发展对象 under way today (细则 Art. 23): a note."""
    found = []
    for person, start, end in _publicity(facts, today):
        if today <= end:
            message = (
                f"{person['name']}的发展对象公示正在进行（{dates.format_cn_date(start)}至"
                f"{dates.format_cn_date(end)}），公示期间收到的反映请如实记录。"
            )
            found.append(
                _about("activists", person, "publicity", Urgency.NOTE, message, end, "open")
            )
    return found


def publicity_over(facts: Facts, today: date) -> list[Reminder]:
    """公示 over and the 发展对象 not yet admitted: the 支部党员大会 is the next step (Art. 24)."""
    found = []
    for person, _start, end in _publicity(facts, today):
        if today > end:
            message = (
                f"{person['name']}的公示已于{dates.format_cn_date(end)}结束，"
                "还没有召开支部党员大会讨论接收，请及时安排。"
            )
            found.append(
                _about("activists", person, "publicity_done", Urgency.SOON, message, end, "admit")
            )
    return found


def _about(
    register: str, person: dict, kind: str, urgency: Urgency, message: str, due: date, action: str
) -> Reminder:
    return Reminder(
        kind,
        urgency,
        message,
        due,
        person["name"],
        RecordLink(register, person["id"]),
        action,
        subject=f"person:{person['id']}",
    )
