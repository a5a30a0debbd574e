"""Starting mid-year: the year's dues so far entered at once, and 补交 warned about, not refused."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import LONG_WAIT_MS, add_members, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from liangxin_desktop.storage import dues, organization
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.opening_balance_dialog import OpeningBalanceDialog
from liangxin_desktop.ui.record_dialog import RecordDialog

LAST_YEAR = date.today().year - 1


@pytest.fixture
def window(qtbot, archive) -> MainWindow:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    *assessed, _ = add_members(archive, ["赵一", "钱二", "孙三"])  # 孙三: no 核定, not ticked
    for person_id in assessed:
        dues.assess(archive, person_id, LAST_YEAR, "在职", 450000)
    make_application()
    shown = MainWindow(archive)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _open(qtbot, window: MainWindow, act) -> list[str]:
    tab = window.show_register("dues")
    tab.year.setCurrentText(f"{LAST_YEAR}年度")
    button = next(b for b in tab.findChildren(QPushButton) if b.text() == "录入今年已交…")
    failures = when_dialog_opens(qtbot, OpeningBalanceDialog, act)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return failures


def test_the_year_so_far_for_many_members_at_once(qtbot, window: MainWindow, archive) -> None:
    seen: dict[str, object] = {}

    def act(dialog: OpeningBalanceDialog) -> None:
        seen["ticked"] = dialog.checked_ids()
        seen["孙三"] = dialog.table.item(2, 1).text()
        assert dialog.through.currentText() == "12月"  # a past year: the whole year
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    failures = _open(qtbot, window, act)
    assert failures == [] and len(seen["ticked"]) == 2 and seen["孙三"] == "未核定"
    lines = {line.name: line for line in dues.dues_grid(archive, LAST_YEAR)}
    assert len(lines["赵一"].paid) == 12 and len(lines["钱二"].paid) == 12
    assert lines["赵一"].unpaid_months(f"{LAST_YEAR}-12") == [] and lines["孙三"].paid == {}
    tab = window.current_register_tab()  # the 合计 is added up in the background
    qtbot.waitUntil(lambda: "欠缴 0.00 元" in tab.summary_text(), timeout=LONG_WAIT_MS)


def test_one_late_date_is_warned_about_and_the_clerk_can_go_back(
    qtbot, window: MainWindow, archive, monkeypatch
) -> None:
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.informativeText())
        back = next(b for b in box.buttons() if b.text() == "返回修改")
        back.click()

    def act(dialog: OpeningBalanceDialog) -> None:
        dialog.one_day.setChecked(True)
        dialog.paid_on.setText(date.today().isoformat())
        when_dialog_opens(qtbot, QMessageBox, answer)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        asked.append("still open" if dialog.isVisible() else "closed")
        dialog.done(0)

    failures = _open(qtbot, window, act)
    assert failures == []
    assert "是补交且已超过6个月" in asked[0] and asked[1] == "still open"
    assert archive.db.execute("SELECT count(*) FROM dues_payments").fetchone()[0] == 0


def test_a_payment_form_warns_before_recording_a_late_back_payment(
    qtbot, window: MainWindow, archive
) -> None:
    tab = window.show_register("dues")
    tab.year.setCurrentText(f"{LAST_YEAR}年度")
    tab.table.selectRow(0)
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == "仍然保存").click()

    def pay(dialog: RecordDialog) -> None:
        dialog.editors["first_month"].input.setText(f"{LAST_YEAR}-01")
        dialog.editors["paid_on"].input.setText(date.today().isoformat())
        dialog.revalidate()
        when_dialog_opens(qtbot, QMessageBox, answer)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, pay)
    tab.pay_selected()
    assert failures == [] and "是补交且已超过6个月" in asked[0]
    assert archive.db.execute("SELECT count(*) FROM dues_payments").fetchone()[0] == 1
