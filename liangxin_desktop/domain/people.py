"""Figures computed for a person on a given day: age, 党龄 and 人员类别."""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain.dates import whole_years_between

FULL_MEMBER = "正式党员"
PROBATIONARY_MEMBER = "预备党员"


def age_on(birth: date, day: date) -> int:
    """Age in completed years (周岁) on ``day``; ValueError if ``day`` is before the birth."""
    return whole_years_between(birth, day)


def party_age_on(converted_on: date | None, day: date) -> int | None:
    """党龄 in completed years on ``day``, counted from 转为正式党员日期 (党章 Art. 7).

    None while the person is not yet a full member on ``day`` (probationary, or a
    roster "as of" a date before the conversion).
    """
    if converted_on is None or day < converted_on:
        return None
    return whole_years_between(converted_on, day)


def member_category_for(converted_on: date | None, on: date | None = None) -> str:
    """正式党员 once converted (by ``on``, if given), otherwise 预备党员."""
    if converted_on is None or (on is not None and on < converted_on):
        return PROBATIONARY_MEMBER
    return FULL_MEMBER
