"""Reminders of the development pipeline: 预备期满, 积极分子满一年, 谈话 overdue.

The limits are those of ``domain.pipeline_rules`` (发展党员工作细则 2014, Art. 7, 11, 28–32):
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
