"""补交: more than six months after the 所属月份 (中组发〔2008〕3号), counted in calendar months."""

from __future__ import annotations

from datetime import date

import pytest

from liangxin_desktop.domain.back_payment import is_late_back_payment, months_late


@pytest.mark.parametrize(
    ("month", "paid_on", "late", "flagged"),
    [
        ("2026-01", date(2026, 1, 31), 0, False),  # on time, whenever it is typed in
        ("2026-01", date(2026, 7, 31), 6, False),  # six months: still within the rule
        ("2026-01", date(2026, 8, 1), 7, True),
        ("2025-11", date(2026, 6, 2), 7, True),  # across the year end
        ("2026-12", date(2026, 11, 30), -1, False),  # 预交 (paid ahead) is not 补交
    ],
)
def test_months_late(month: str, paid_on: date, late: int, flagged: bool) -> None:
    assert months_late(month, paid_on) == late
    assert is_late_back_payment(month, paid_on) is flagged
