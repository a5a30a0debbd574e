"""Reminders about outgoing mobile members: away six months (transfer), yearly report and 年审."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.mobile_rules import (
    REPORT_EVERY_MONTHS,
    REVIEW_EVERY_MONTHS,
    next_due,
    should_transfer,
    transfer_due,
)
from liangxin_desktop.domain.reminders.base import (
    Facts,
    MobileCardFact,
    RecordLink,
    Reminder,
    Urgency,
    due_or_overdue,
)


def _away(facts: Facts) -> list[MobileCardFact]:
    return [c for c in facts.mobile_cards if c.returned_on is None and c.transferred_on is None]


def _reminder(
    card: MobileCardFact, kind: str, urgency: Urgency, due: date, message: str
) -> Reminder:
    return Reminder(
        kind, urgency, message, due, card.name, RecordLink("mobile_members", card.card_id), "edit",
        subject=f"card:{card.card_id}",
    )  # fmt: skip


def mobile_transfer(facts: Facts, today: date) -> list[Reminder]:
    """外出满6个月（固定在外地）: the organizational relationship should be transferred."""
    found = []
    for card in _away(facts):
        if should_transfer(card.away_on, card.returned_on, card.transferred_on, today):
            due = transfer_due(card.away_on)
            message = (
                f"{card.name}自{dates.format_cn_date(card.away_on)}外出已满6个月，"
                "如固定在外地，应转接组织关系；如已返回，请登记返回日期。"
            )
            found.append(_reminder(card, "mobile_transfer", Urgency.OVERDUE, due, message))
    return found


def _yearly(
    facts: Facts, today: date, kind: str, label: str, every: int, review: bool
) -> list[Reminder]:
    found = []
    for card in _away(facts):
        start = card.card_issued_on or card.away_on
        day = next_due(start, card.reviews if review else card.reports, every)
        when = dates.format_cn_date(day)
        due = due_or_overdue(
            day,
            today,
            f"流动党员{card.name}的{label}已逾期（应在{when}前），请联系本人并在登记卡中记录。",
            f"流动党员{card.name}的{label}应在{when}前完成，完成后请在登记卡中记录。",
        )
        if due:
            found.append(_reminder(card, kind, due[0], day, due[1]))
    return found


def mobile_report(facts: Facts, today: date) -> list[Reminder]:
    """流动党员每年至少向原党组织报告一次 (a 年度报告 entry a year after the last one)."""
    return _yearly(facts, today, "mobile_report", "年度报告", REPORT_EVERY_MONTHS, review=False)


def mobile_review(facts: Facts, today: date) -> list[Reminder]:
    """流动党员活动证 is reviewed (年审) every year (a 年审 entry a year after the last one)."""
    return _yearly(facts, today, "mobile_review", "活动证年审", REVIEW_EVERY_MONTHS, review=True)
