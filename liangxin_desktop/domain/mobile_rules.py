"""Rules for mobile members (流动党员): when to transfer, and the yearly report and 年审.

Sources: 中共中央组织部《关于加强和改进流动党员管理工作的意见》(2006) and 流动党员活动证管理
办法 (a member away 6 months or more at a fixed place should transfer the organizational
relationship; the member reports to the home branch at least once a year; the card is
reviewed every year); DOMAIN.md "Mobile members".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from liangxin_desktop.domain import dates

TRANSFER_MONTHS = 6
REPORT_EVERY_MONTHS = 12
REVIEW_EVERY_MONTHS = 12


def transfer_due(away_on: date) -> date:
    """The day a member away since ``away_on`` has been away six months."""
    return dates.add_months(away_on, TRANSFER_MONTHS)


def should_transfer(
    away_on: date, returned_on: date | None, transferred_on: date | None, today: date
) -> bool:
    """外出满6个月（未返回、未转接）: the organizational relationship should be transferred."""
    return returned_on is None and transferred_on is None and transfer_due(away_on) <= today


def next_due(start: date, done: Iterable[date], every_months: int) -> date:
    """When the next yearly report/review is due: a year after the latest one (or the start)."""
    latest = max([start, *done])
    return dates.add_months(latest, every_months)
