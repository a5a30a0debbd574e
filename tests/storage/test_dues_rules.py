"""The dues rules of issue 12, each on a case computed by hand: re-assessment from a month, the
1000-yuan ceiling, the rounding setting, the current month not yet owed, 预交, 未核定 months."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import member

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.output.dues_table import dues_rows, through_month, through_text
from liangxin_desktop.storage import dues, dues_accounts, people, settings

TODAY = date(2026, 12, 20)


def _member(archive, index: int = 0) -> int:
    return people.add_member(
        archive,
        member(
            name=f"党员{index}",
            id_number=fictional_id_number("330106", date(1980, 1, 1), index),
            joined_on="2005-07-01",
            converted_on="2006-07-01",
        ),
        today=TODAY,
    )


def _months(first: int, last: int, year: int = 2026) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(first, last + 1)]


def test_a_reassessment_applies_from_its_month(archive) -> None:
    """Jan–Jun at 15.00 (base 3000), from July at 50.00 (base 5000): 6×15 + 6×50 = 390.00 due."""
    person = _member(archive)
    assert dues.assess(archive, person, 2026, "在职", 300000) == 1500
    dues.record_payments(archive, [person], _months(1, 6), date(2026, 6, 30), today=TODAY)
    assert dues.assess(archive, person, 2026, "在职", 500000, from_month="2026-07") == 5000
    dues.record_payments(archive, [person], _months(7, 12), date(2026, 12, 20), today=TODAY)
    [line] = dues.dues_grid(archive, 2026)
    assert line.paid["2026-06"] == 1500 and line.paid["2026-07"] == 5000
    assert line.due_fen("2026-12") == 6 * 1500 + 6 * 5000 == 39000
    assert line.paid_fen() == 39000
    [row, _totals] = dues_rows([line], 2026, date(2027, 1, 5))
    assert row["owed_fen"] == 0 and row["monthly_fen"] == 5000
    assert "2026年7月起 50.00元" in row["note"]


def test_the_ceiling_is_1000_yuan_and_more_is_voluntary(archive) -> None:
    """Base 60000 × 2% = 1200.00, capped at 1000.00; paying 1200.00 is a recorded choice."""
    person = _member(archive)
    assert dues.assess(archive, person, 2026, "在职", 6_000_000) == 100000
    note = archive.db.execute("SELECT note FROM dues_assessments").fetchone()[0]
    assert "不超过1000元" in note
    assert dues.assess(archive, person, 2026, "在职", 6_000_000, voluntary_fen=20000) == 120000
    row = archive.db.execute(
        "SELECT monthly_fen, voluntary_fen, note FROM dues_assessments"
    ).fetchone()
    assert row[0] == 120000 and row[1] == 20000 and "自愿多交" in row[2]


def test_the_rounding_setting_is_used(archive) -> None:
    """Base 3100 × 1% = 31.00; base 3150.50 × 1% = 31.505 → 31.51 (分), 31.50 (角), 32.00 (元)."""
    person = _member(archive)
    assert dues.assess(archive, person, 2026, "在职", 315050) == 3151
    settings.save_setting(archive, "dues_rounding", "jiao")
    assert dues.assess(archive, person, 2026, "在职", 315050) == 3150
    settings.save_setting(archive, "dues_rounding", "yuan")
    assert dues.assess(archive, person, 2026, "在职", 315050) == 3200
    assert settings.rule_settings(archive).dues_rounding == "yuan"
    with pytest.raises(InvalidValue):
        settings.save_setting(archive, "dues_rounding", "厘")


def test_the_current_month_is_not_owed(archive) -> None:
    """On 2026-12-01 December is not over: 应缴 Jan–Nov = 11 × 45.00 = 495.00, 截至11月."""
    person = _member(archive)
    dues.assess(archive, person, 2026, "在职", 450000)
    day = date(2026, 12, 1)
    assert through_month(2026, day) == "2026-11" and through_text(2026, day) == "截至2026年11月"
    [line] = dues.dues_grid(archive, 2026)
    [row, totals] = dues_rows([line], 2026, day)
    assert row["due_fen"] == 11 * 4500 == 49500 and totals["owed_fen"] == 49500
    assert through_text(2027, day) == "本年尚无到期月份"


def test_paying_ahead_is_limited_by_the_setting(archive) -> None:
    """Paid on 2026-12-20: 预交 to June 2027 (6 months) is accepted, July 2027 is refused."""
    person = _member(archive)
    dues.assess(archive, person, 2027, "在职", 450000)
    assert (
        dues.record_payments(archive, [person], _months(1, 6, 2027), TODAY, "预交", today=TODAY)
        == 6
    )
    with pytest.raises(InvalidValue, match="最多预交6个月"):
        dues.record_payments(archive, [person], ["2027-07"], TODAY, "预交", today=TODAY)
    settings.save_setting(archive, "prepay_months", 12)
    assert dues.record_payments(archive, [person], ["2027-07"], TODAY, "预交", today=TODAY) == 1


def test_months_without_assessment_are_owed_unknown(archive) -> None:
    """No 核定 for 2026: Jan–Nov are 11 months owed at an unknown amount, and the row says so."""
    _member(archive)
    [line] = dues.dues_grid(archive, 2026)
    assert line.unassessed_months("2026-11") == _months(1, 11)
    assert line.unpaid_months("2026-11") == _months(1, 11)
    [row, _totals] = dues_rows([line], 2026, date(2026, 12, 1))
    assert row["category"] == "未核定" and "11个月未核定" in row["note"]


def test_returns_from_the_superior(archive) -> None:
    dues_accounts.record_return(
        archive, date(2026, 6, 1), "返还", 30000, "上级党委", "党员教育", TODAY
    )
    with pytest.raises(InvalidValue, match="无法识别"):
        dues_accounts.record_return(archive, date(2026, 6, 1), "奖励", 100, today=TODAY)
    [entry] = dues_accounts.money_lists(archive, 2026)["returns"]
    assert entry["kind"] == "返还" and entry["amount_fen"] == 30000
