"""党费收缴册: 核定 by the 2008 rules, payments by month, 补交 limits, arrears and remittances."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import member

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import dues, dues_accounts, people

TODAY = date(2026, 11, 28)


def _member(archive, index: int, joined: str = "2005-07-01") -> int:
    probationary = joined >= "2025-12-01"
    return people.add_member(
        archive,
        member(
            name=f"党员{index}",
            id_number=fictional_id_number("330106", date(1980, 1, 1), index),
            joined_on=joined,
            converted_on=None if probationary else "2006-07-01",
            member_category="预备党员" if probationary else "正式党员",
        ),
        today=TODAY,
    )


def test_assessment_by_the_rates(archive) -> None:
    person_id = _member(archive, 0)
    assert dues.assess(archive, person_id, 2026, "在职", 300001) == 3000  # 3000.01 → 30.00
    assert dues.assess(archive, person_id, 2026, "离退休", 420000) == 2100
    assert dues.assess(archive, person_id, 2026, "学生等") == 20
    with pytest.raises(InvalidValue, match="批准人"):
        dues.assess(archive, person_id, 2026, "困难减免", reduced_fen=0)
    assert (
        dues.assess(archive, person_id, 2026, "困难减免", reduced_fen=0, approved_by="上级党委")
        == 0
    )


def test_payments_grid_and_arrears(archive) -> None:
    full, late = _member(archive, 0), _member(archive, 1, joined="2026-03-15")
    dues.assess(archive, full, 2026, "在职", 450000)  # 45.00
    dues.assess(archive, late, 2026, "在职", 280000)  # 14.00
    months = [f"2026-{m:02d}" for m in range(1, 4)]
    assert (
        dues.record_payments(archive, [full], months, date(2026, 3, 31), "按季", "组织委员", TODAY)
        == 3
    )
    dues.record_payments(archive, [late], ["2026-03"], date(2026, 3, 31), today=TODAY)
    grid = {line.name: line for line in dues.dues_grid(archive, 2026)}
    assert grid["党员0"].paid_fen() == 13500 and grid["党员0"].due_fen("2026-11") == 11 * 4500
    assert grid["党员1"].first_month == "2026-03"  # pays from the month of the 支部大会
    assert grid["党员1"].due_fen("2026-11") == 9 * 1400
    assert grid["党员1"].unpaid_months("2026-05") == ["2026-04", "2026-05"]


@pytest.mark.parametrize(
    ("months", "paid_on", "fragment"),
    [
        (["2025-12"], date(2026, 1, 5), "还没有2025年度的党费核定"),
        (["2026-02"], date(2026, 12, 5), "不能晚于今天"),
    ],
)
def test_refused_payments_change_nothing(archive, months, paid_on, fragment) -> None:
    person_id = _member(archive, 0)
    dues.assess(archive, person_id, 2026, "在职", 450000)
    with pytest.raises(InvalidValue, match=fragment):
        dues.record_payments(archive, [person_id], months, paid_on, today=TODAY)
    assert archive.db.execute("SELECT count(*) FROM dues_payments").fetchone()[0] == 0


def test_a_month_is_paid_once_and_the_batch_is_all_or_nothing(archive) -> None:
    first, second = _member(archive, 0), _member(archive, 1)
    for person_id in (first, second):
        dues.assess(archive, person_id, 2026, "在职", 450000)
    dues.record_payments(archive, [second], ["2026-05"], date(2026, 5, 10), today=TODAY)
    with pytest.raises(InvalidValue, match="已经登记过了"):
        dues.record_payments(archive, [first, second], ["2026-05"], date(2026, 5, 12), today=TODAY)
    assert archive.db.execute("SELECT count(*) FROM dues_payments").fetchone()[0] == 1


def test_before_joining_nothing_is_owed(archive) -> None:
    person_id = _member(archive, 0, joined="2026-03-15")
    dues.assess(archive, person_id, 2026, "在职", 450000)
    with pytest.raises(InvalidValue, match="早于入党的月份"):
        dues.record_payments(archive, [person_id], ["2026-02"], date(2026, 3, 20), today=TODAY)


def test_carry_over_and_remittance(archive) -> None:
    person_id = _member(archive, 0)
    dues.assess(archive, person_id, 2025, "在职", 450000)
    assert dues.carry_over(archive, 2026) == 1 and dues.carry_over(archive, 2026) == 0
    assert dues.dues_grid(archive, 2026)[0].monthly_fen == 4500
    assert dues_accounts.remit(archive, date(2026, 4, 2), 13500, "2026年第一季度", "上级党委") > 0
    with pytest.raises(InvalidValue):
        dues_accounts.remit(archive, date(2026, 4, 2), 0)


def test_large_dues_and_the_year_accounts(archive) -> None:
    person_id = _member(archive, 0)
    with pytest.raises(InvalidValue, match="不少于1000元"):
        dues_accounts.record_large_dues(archive, person_id, date(2026, 7, 1), 99999, today=TODAY)
    dues_accounts.record_large_dues(archive, person_id, date(2026, 7, 1), 200000, "自愿交纳", TODAY)
    dues_accounts.remit(archive, date(2026, 7, 5), 200000, "大额党费", "上级党委")
    accounts = dues_accounts.money_lists(archive, 2026)
    assert accounts["large"][0]["amount_fen"] == 200000 and accounts["large"][0]["name"] == "党员0"
    assert accounts["remittances"][0]["period"] == "大额党费"
    assert dues_accounts.money_lists(archive, 2025) == {
        "remittances": [],
        "large": [],
        "returns": [],
    }


def test_nothing_is_owed_after_leaving(archive) -> None:
    person_id = _member(archive, 0)
    dues.assess(archive, person_id, 2025, "在职", 800000)  # 120.00
    dues.record_payments(
        archive, [person_id], ["2025-01", "2025-02", "2025-03"], date(2025, 3, 20), today=TODAY
    )
    people.record_leave(archive, person_id, "转出", date(2025, 3, 31), "中共某委员会", today=TODAY)
    [line] = dues.dues_grid(archive, 2025)
    assert line.due_fen("2025-12") == 3 * 12000 and line.unpaid_months("2025-12") == []
    with pytest.raises(InvalidValue, match="之后的月份不需要交纳党费"):
        dues.record_payments(archive, [person_id], ["2025-08"], date(2025, 8, 20), today=TODAY)


def test_a_late_back_payment_is_a_warning_not_a_refusal(archive) -> None:
    first, second = _member(archive, 0), _member(archive, 1)
    for person_id in (first, second):
        dues.assess(archive, person_id, 2026, "在职", 450000)
    # January paid on 1 August: 7 months late, 补交 over 6 months — said, then recorded
    warnings = dues.payment_warnings(
        archive, [first, second], ["2026-01", "2026-02"], date(2026, 8, 1)
    )
    assert warnings == [
        "党员0：2026年1月的党费在2026年8月1日交纳，是补交且已超过6个月（规定补交一般不超过6个月，请向党支部说明情况）",
        "党员1：2026年1月的党费在2026年8月1日交纳，是补交且已超过6个月（规定补交一般不超过6个月，请向党支部说明情况）",
    ]
    assert (
        dues.record_payments(
            archive, [first, second], ["2026-01", "2026-02"], date(2026, 8, 1), today=TODAY
        )
        == 4
    )
    # typed in November, paid on its own date in January: not 补交
    assert dues.payment_warnings(archive, [first], ["2026-03"], date(2026, 3, 31)) == []


def test_the_opening_balance_of_a_clerk_starting_in_december(archive) -> None:
    from liangxin_desktop.storage.opening_balance import (
        OpeningBalance,
        opening_balance_warnings,
        record_opening_balance,
    )

    december = date(2026, 12, 3)
    ids = [_member(archive, i) for i in range(3)]
    late = _member(archive, 3, joined="2026-03-15")
    for person_id in [*ids, late]:
        dues.assess(archive, person_id, 2026, "在职", 450000)
    dues.record_payments(archive, [ids[0]], ["2026-05"], date(2026, 5, 10), today=december)
    request = OpeningBalance(2026, (*ids, late), "2026-11")
    assert opening_balance_warnings(archive, request) == []
    # 11 months each for three members (one had May already), 9 for the one admitted in March
    assert record_opening_balance(archive, request, december) == 10 + 11 + 11 + 9
    grid = {line.person_id: line for line in dues.dues_grid(archive, 2026)}
    assert all(grid[p].unpaid_months("2026-11") == [] for p in [*ids, late])
    paid_on = archive.db.execute(
        "SELECT paid_on FROM dues_payments WHERE person_id = ? AND month = '2026-02'", [ids[1]]
    ).fetchone()[0]
    assert paid_on == "2026-02-28"  # each month on its own last day
    assert (
        archive.db.execute(
            "SELECT paid_on FROM dues_payments WHERE person_id = ? AND month = '2026-05'", [ids[0]]
        ).fetchone()[0]
        == "2026-05-10"
    )  # what was recorded stays


def test_an_opening_balance_paid_on_one_late_day_is_warned_about(archive) -> None:
    from liangxin_desktop.storage.opening_balance import OpeningBalance, opening_balance_warnings

    person_id = _member(archive, 0)
    dues.assess(archive, person_id, 2026, "在职", 450000)
    request = OpeningBalance(2026, (person_id,), "2026-11", paid_on=date(2026, 11, 20))
    assert opening_balance_warnings(archive, request) == [
        "党员0：2026年1月至2026年4月的党费在2026年11月20日交纳，是补交且已超过6个月（规定补交一般不超过6个月，请向党支部说明情况）"
    ]
