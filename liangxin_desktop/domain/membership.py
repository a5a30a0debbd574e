"""Membership in this organization (组织关系) and 党籍: dated periods, and the months a person counts.

A person's membership *here* is a sequence of periods, separate from the Party dates (入党日期,
转正日期): a period starts by 接收 (admitted here at the 支部大会), 转入 (组织关系转入) or 组建 (a
member when the organization was founded, or when its archive was first kept) and ends by 转出,
死亡, 出党 (除名 / 开除党籍 / 退党 / 劝退) or 取消预备党员资格. 停止党籍 is an interval inside a period:
the person stays on the 花名册 but has no vote, pays no dues and is not counted as a normal
member (DOMAIN.md "Membership in this organization"; 《中国共产党党员教育管理工作条例》2019).

Conventions: ``start`` is the first day here; ``end`` is the day the person left (no longer a
member on it), ``None`` while still here. A month *counts* when the person was a member here in
normal standing on at least one day of it — so a 转入 on 2024-05-20 counts May 2024, and a 支部大会
on 2024-05-20 counts May (预备党员 pay from the month of the 支部大会, 中组发〔2008〕3号).
Dues are not owed here for months the 介绍信 says were already paid (党费交至) elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from liangxin_desktop.domain.dates import add_months
from liangxin_desktop.domain.months import month_range, month_text

START_KINDS = ("接收", "转入", "组建")
END_KINDS = ("转出", "死亡", "出党", "取消资格")
EXPULSION_KINDS = ("除名", "开除党籍", "退党", "劝退")  # the forms of 出党, each decided by a body

LETTER_DEFAULT_DAYS = 30  # 组织关系介绍信 有效期: commonly 30 days …
LETTER_MAX_MONTHS = 3  # … at most 3 months (DOMAIN.md; reference/domain-research.md)
LOST_SUSPEND_MONTHS = 6  # 失联 ≥ 6 months → 停止党籍 to be considered (党员教育管理工作条例 2019)
SUSPENDED_EXPEL_YEARS = 2  # 停止党籍 ≥ 2 years without change → 除名 to be considered (idem)


@dataclass(frozen=True)
class Period:
    """One stay in this organization."""

    start: date
    end: date | None = None
    start_kind: str = "接收"
    dues_paid_until: str | None = None  # "YYYY-MM": 党费交至 on the 介绍信 of a 转入


@dataclass(frozen=True)
class Suspension:
    """停止党籍 from ``start`` until ``end`` (the day 党籍 was restored), ``None`` while stopped."""

    start: date
    end: date | None = None


def _within(start: date, end: date | None, day: date) -> bool:
    return start <= day and (end is None or day < end)


def is_member_on(periods: Iterable[Period], day: date) -> bool:
    """Whether the person belongs to this organization on ``day`` (any standing)."""
    return any(_within(p.start, p.end, day) for p in periods)


def is_suspended_on(suspensions: Iterable[Suspension], day: date) -> bool:
    """Whether the person's 党籍 is stopped on ``day``."""
    return any(_within(s.start, s.end, day) for s in suspensions)


def counts_on(periods: Iterable[Period], suspensions: Iterable[Suspension], day: date) -> bool:
    """A member here in normal standing on ``day``: expected at meetings (应到), votes if full."""
    return is_member_on(periods, day) and not is_suspended_on(suspensions, day)


def _normal_intervals(
    periods: Iterable[Period], suspensions: Sequence[Suspension]
) -> list[tuple[date, date | None]]:
    """The stretches of membership in normal standing: periods minus 停止党籍 intervals."""
    found: list[tuple[date, date | None]] = []
    for period in periods:
        pieces: list[tuple[date, date | None]] = [(period.start, period.end)]
        for stop in suspensions:
            pieces = [part for piece in pieces for part in _cut(piece, stop)]
        found += pieces
    return found


def _cut(piece: tuple[date, date | None], stop: Suspension) -> list[tuple[date, date | None]]:
    start, end = piece
    if (end is not None and stop.start >= end) or (stop.end is not None and stop.end <= start):
        return [piece]
    parts: list[tuple[date, date | None]] = []
    if stop.start > start:
        parts.append((start, stop.start))
    if stop.end is not None and (end is None or stop.end < end):
        parts.append((stop.end, end))
    return parts


def member_months(
    periods: Iterable[Period],
    first_month: str,
    last_month: str,
    suspensions: Sequence[Suspension] = (),
) -> list[str]:
    """The months from ``first_month`` to ``last_month`` in which the person counts here.

    A month counts when the person was a member here in normal standing on at least one of its
    days. Used for attendance (the six-month rule) and, through ``dues_months``, for dues.
    """
    counted: set[str] = set()
    for start, end in _normal_intervals(periods, suspensions):
        last_day = end - timedelta(days=1) if end is not None else None
        if last_day is not None and last_day < start:
            continue
        low = max(first_month, month_text(start))
        high = min(last_month, month_text(last_day)) if last_day else last_month
        counted.update(month_range(low, high))
    return sorted(counted)


def dues_months(
    periods: Sequence[Period],
    first_month: str,
    last_month: str,
    suspensions: Sequence[Suspension] = (),
) -> list[str]:
    """The months whose dues are owed *here*: ``member_months`` less the months a 转入's
    介绍信 says were already paid elsewhere (党费交至, 中组发〔2008〕3号: dues are paid to the
    branch the member belongs to, once per month)."""
    paid_elsewhere = {
        month
        for p in periods
        if p.dues_paid_until
        for month in month_range(month_text(p.start), p.dues_paid_until)
    }
    counted = member_months(periods, first_month, last_month, suspensions)
    return [m for m in counted if m not in paid_elsewhere]


def months_since(month: str, today: date) -> int:
    """Whole months from the start of ``month`` ("YYYY-MM") to ``today``'s month."""
    year, number = map(int, month[:7].split("-"))
    return (today.year - year) * 12 + today.month - number


def suspension_to_consider(lost_since: str | None, today: date) -> bool:
    """失联 for ≥ 6 months: 停止党籍 should be considered (the app flags, people decide)."""
    return bool(lost_since) and months_since(str(lost_since), today) >= LOST_SUSPEND_MONTHS


def expulsion_to_consider(suspended_on: date | None, today: date) -> bool:
    """停止党籍 for ≥ 2 years without a change: 除名 should be considered (flag only)."""
    return suspended_on is not None and today >= add_months(
        suspended_on, SUSPENDED_EXPEL_YEARS * 12
    )


def suspension_years(suspended_on: date, today: date) -> int:
    """Whole years the 党籍 has been stopped by ``today``."""
    years = today.year - suspended_on.year
    return years - 1 if (today.month, today.day) < (suspended_on.month, suspended_on.day) else years


def letter_valid_until(issued_on: date, days: int = LETTER_DEFAULT_DAYS) -> date:
    """The default 有效期 of a 组织关系介绍信 issued on ``issued_on``."""
    return issued_on + timedelta(days=days)


def letter_validity_problem(issued_on: date, valid_until: date) -> str | None:
    """A 介绍信's 有效期 must end after it is issued and within 3 months of it."""
    if valid_until <= issued_on:
        return "有效期应晚于开具日期。"
    if valid_until > add_months(issued_on, LETTER_MAX_MONTHS):
        return f"介绍信有效期最长{LETTER_MAX_MONTHS}个月，请核对。"
    return None


def receipt_missing(valid_until: date | None, receipt_on: date | None, today: date) -> bool:
    """The 回执 of a 转出 has not come back although the 介绍信's 有效期 has passed."""
    return valid_until is not None and receipt_on is None and today > valid_until


def period_problem(periods: Sequence[Period], new: Period) -> str | None:
    """Why ``new`` cannot be added to ``periods`` (overlap, or an open period), else None."""
    if new.end is not None and new.end <= new.start:
        return "离开日期应晚于开始日期。"
    for other in periods:
        if other.end is None:
            return "这名党员目前仍在本组织，不能再次转入。"
        if new.start < other.end and (new.end is None or other.start < new.end):
            return "与已有的在本组织时段重叠，请核对日期。"
    return None
