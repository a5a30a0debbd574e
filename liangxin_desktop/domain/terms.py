"""The length of a committee's term (换届), and whether a term's end date matches it.

Sources: 《中国共产党章程》(2022) 第三十条 — 党的基层委员会每届任期三年至五年，总支部委员会、
支部委员会每届任期三年; 《中国共产党基层组织选举工作条例》(2020) 第五条 — 基层党委每届任期
5年，党的总支部委员会、支部委员会每届任期3年 (DOMAIN.md, Organization rules).
"""

from __future__ import annotations

from datetime import date, timedelta

from liangxin_desktop.domain.dates import add_months

TERM_YEARS = {"党委": 5, "党总支": 3, "党支部": 3, "联合党支部": 3}


def is_full_term(start: date, end: date, years: int) -> bool:
    """True when ``end`` closes a term of ``years`` begun on ``start``: on the anniversary of
    the election, or on the day before it (2024-06-18 → 2027-06-17 or 2027-06-18)."""
    anniversary = add_months(start, years * 12)
    return end in (anniversary, anniversary - timedelta(days=1))
