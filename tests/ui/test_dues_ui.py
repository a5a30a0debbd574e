"""The 党费收缴册 in the window: 核定 and payments for several members at once, the 核定 form."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.record_dialog import RecordDialog


def test_dues_assessed_and_paid_for_several_members_at_once(
    qtbot, window: MainWindow, archive
) -> None:
    from liangxin_desktop.storage import dues

    tab = window.show_register("dues")
    tab.year.setCurrentText(f"{date.today().year}年度")
    tab.table.selectRow(0)
    tab.table.selectionModel().select(
        tab.table.model().index(1, 0),
        tab.table.selectionModel().SelectionFlag.Select
        | tab.table.selectionModel().SelectionFlag.Rows,
    )

    def assess(dialog: RecordDialog) -> None:
        dialog.editors["category"].input.setCurrentText("在职")
        qtbot.keyClicks(dialog.editors["base"].input, "4500")
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, assess)
    tab.assess_selected()
    assert failures == []
    tab.table.selectRow(0)
    tab.table.selectionModel().select(
        tab.table.model().index(1, 0),
        tab.table.selectionModel().SelectionFlag.Select
        | tab.table.selectionModel().SelectionFlag.Rows,
    )
    this_month = date.today().isoformat()[:7]

    def pay(dialog: RecordDialog) -> None:
        assert dialog.editors["first_month"].value() == this_month
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, pay)
    tab.pay_selected()
    assert failures == []
    lines = {line.name: line for line in dues.dues_grid(archive, date.today().year)}
    assert lines["赵一"].monthly_fen == 4500 and lines["赵一"].paid == {this_month: 4500}
    assert lines["钱二"].paid == {this_month: 4500} and lines["孙三"].paid == {}
    month_column = 4 + date.today().month  # 姓名…月应缴金额, then the months
    assert tab.table.model().index(0, month_column).data() == "45.00"
    qtbot.waitUntil(lambda: "应缴" in tab.summary_text())  # the 合计, added up
    totals = tab.table.model().rowCount() - 1
    assert tab.table.model().index(totals, 0).data() == "合计"
    assert tab.table.model().index(totals, month_column).data() == "90.00"


def test_the_assessment_shows_the_monthly_amount_as_the_base_is_typed(
    qtbot, window: MainWindow, archive
) -> None:
    from liangxin_desktop.storage import dues

    tab = window.show_register("dues")
    tab.table.selectRow(0)
    seen: list[str] = []

    def assess(dialog: RecordDialog) -> None:
        amount = dialog.findChild(QLabel, "monthly_amount")
        assert "填写缴费类别和基数" in amount.text()
        dialog.editors["category"].input.setCurrentText("在职")
        for typed, expected in (
            ("6500", "月应缴党费：97.50元（6500.00元 × 1.5%）"),  # 6500 × 1.5%
            ("0", "月应缴党费：1000.00元（65000.00元 × 2%），按规定最多1000.00元"),  # 1300 capped
        ):
            qtbot.keyClicks(dialog.editors["base"].input, typed)
            qtbot.waitUntil(lambda expected=expected: amount.text() == expected, timeout=30000)
            seen.append(amount.text())
        dialog.editors["base"].input.clear()
        qtbot.keyClicks(dialog.editors["base"].input, "3000.01")  # 3000.01 × 1% = 30.0001
        qtbot.keyClicks(dialog.editors["voluntary"].input, "20")
        qtbot.waitUntil(lambda: "30.00元（3000.01元 × 1%）" in amount.text(), timeout=30000)
        assert amount.text().endswith("另自愿多交20.00元，每月共50.00元")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, assess)
    tab.assess_selected()
    assert failures == [] and len(seen) == 2
    lines = dues.dues_grid(archive, tab.selected_year())
    assert [x.monthly_fen for x in lines if x.monthly_fen] == [5000]  # 30.00 + 20.00 saved


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"category": "在职"}, "须填写缴费基数"),
        ({"category": "困难减免", "fixed": "0"}, "须经批准"),
        ({"category": "农民", "fixed": "0.80"}, ""),
    ],
)
def test_assessment_form_rules(qtbot, raw, fragment) -> None:
    from liangxin_desktop.ui.dues_assessment import clean_assessment

    cleaned = clean_assessment(raw)
    texts = " ".join(p.text() for p in cleaned.errors)
    assert (fragment in texts) if fragment else cleaned.ok
