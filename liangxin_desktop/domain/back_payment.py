"""补交党费: a payment made more than six months after the month it is for is flagged.

Source: 中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》第二部分第十二条 — 党员应
按月交纳党费，因特殊情况经党支部同意可以按季交纳或委托他人代交；补交党费的时间一般不超过6个月
(see DOMAIN.md, Dues). The rule is about the member, not about when the clerk types the record:
a January payment made on 31 January and entered in December is not 补交. It is a warning the
clerk confirms ("一般" allows exceptions), never a refusal.
"""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain.months import months_between

BACK_PAYMENT_MONTHS = 6


def months_late(month: str, paid_on: date) -> int:
    """Whole calendar months from ``month`` ("YYYY-MM") to the month of ``paid_on``."""
    return months_between(month, paid_on.isoformat()[:7])


def is_late_back_payment(month: str, paid_on: date) -> bool:
    """True when the payment for ``month`` was made more than six months after it."""
    return months_late(month, paid_on) > BACK_PAYMENT_MONTHS
