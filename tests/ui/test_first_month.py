"""A clerk's first month, from an empty archive, as the clerk does it in the window: the profile,
three members typed, the clerk's own messy roster imported, a 支委会 and a 党员大会 with their
attendance, this month's dues and the year so far, an activist, the print preview, an Excel
export and a hand-over bundle — checked on what the clerk sees and on the archive."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers import (
    LONG_WAIT_MS,
    save_to,
    type_chinese,
    visible_progress_dialogs,
    when_dialog_opens,
)
from import_helpers import messy_roster
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWizard

from liangxin_desktop.bundle.verifying import verify_bundle
from liangxin_desktop.domain import dates
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import dues, people
from liangxin_desktop.ui import bundle_actions, record_dialog, step_dialog
from liangxin_desktop.ui.activists_tab import ActivistsTab
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.bundle_dialog import BundleDialog
from liangxin_desktop.ui.import_wizard import ImportWizard
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.opening_balance_dialog import OpeningBalanceDialog
from liangxin_desktop.ui.print_preview import PrintPreviewDialog
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.step_dialog import StepDialog

TODAY = date.today()  # the window works on the real day: the test starts in whatever month it runs
ORG = "中共杭州明远科技有限公司支部委员会"
TYPED = ["王志强", "林小红", "陈国栋"]
IMPORTED = ["赵丽", "孙浩", "周建军", "吴婷婷", "郑永康", "欧阳明华", "钱学文", "冯淑芬"]
# 冯淑芬, a probationary member admitted two months ago (in January when the test runs earlier)
NEW_MEMBER_JOINED = TODAY.replace(month=max(1, TODAY.month - 2), day=1)
NEW_MEMBER_MONTHS = TODAY.month - NEW_MEMBER_JOINED.month + 1
PASSWORD = "Zhibu2026!"


@pytest.fixture
def warnings_read(monkeypatch) -> list[str]:
    """The rule warnings the clerk read before clicking 仍然保存 / 仍然办理."""
    read: list[str] = []

    def go_ahead(_parent: Any, warnings: list[str], *_: Any) -> bool:
        read.extend(warnings)
        return True

    monkeypatch.setattr(record_dialog, "confirm_warnings", go_ahead)
    monkeypatch.setattr(step_dialog, "confirm_warnings", go_ahead)
    return read


def _click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _profile(qtbot, window: MainWindow) -> None:
    _click(qtbot, window.findChild(QPushButton, "start_button"))
    tab = window.organization_tab
    type_chinese(tab.editors["name"].input, ORG)
    tab.editors["kind"].input.setCurrentText("党支部")
    _click(qtbot, tab.save_button)
    assert ORG in window.windowTitle()


def _type_members(qtbot, window: MainWindow) -> None:
    for index, name in enumerate(TYPED):

        def fill(dialog: RecordDialog, name: str = name, index: int = index) -> None:
            born = date(1980 + index, 3, 10 + index)
            type_chinese(dialog.editors["name"].input, name)
            qtbot.keyClicks(
                dialog.editors["id_number"].input, fictional_id_number("330106", born, 11 + index)
            )
            dialog.editors["member_category"].input.setCurrentText("正式党员")
            qtbot.keyClicks(dialog.editors["joined_on"].input, f"{2008 + index}-07-01")
            qtbot.keyClicks(dialog.editors["converted_on"].input, f"{2009 + index}-07-01")
            qtbot.keyClicks(dialog.editors["phone"].input, f"1390000{index:04d}")
            dialog.revalidate()
            _click(qtbot, dialog.save_button)

        window.show_register("members")
        failures = when_dialog_opens(qtbot, RecordDialog, fill)
        window.new_record()
        assert failures == []
    assert window.roster_tab.model.rowCount() == 3


def _messy_roster(path: Path) -> Path:
    rows = []
    for index, name in enumerate(IMPORTED):
        born = date(1970 + 2 * index, 1 + index, 5 + index)
        joined, converted = f"{2000 + index}.07", f"{2001 + index}年7月"  # month-only dates
        if name == "冯淑芬":
            joined, converted = NEW_MEMBER_JOINED.isoformat(), None
        phone = f"1360000{index:04d}" if index % 3 else None
        birth = f"{born.year}.{born.month:02d}"
        rows.append(
            (
                name,
                fictional_id_number("330106", born, 100 + index),
                birth,
                joined,
                converted,
                phone,
            )
        )
    return messy_roster(path, *rows)


def _import(qtbot, window: MainWindow, roster: Path) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    window.show_register("dues")  # the open tab does not decide the target: the headers do

    def finished(box: QMessageBox) -> None:
        seen["said"] = box.text()
        seen["progress"] = visible_progress_dialogs()
        box.accept()

    def walk(wizard: ImportWizard) -> None:
        wizard.file_page.path.setText(str(roster))
        seen["target"] = wizard.state.importer.title
        _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        seen["summary"] = wizard.preview_page.summary.text()
        seen["finished"] = when_dialog_opens(qtbot, QMessageBox, finished)
        _click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    failures = when_dialog_opens(qtbot, ImportWizard, walk)
    window.import_from_excel()
    qtbot.waitUntil(lambda: "said" in seen, timeout=LONG_WAIT_MS)
    assert failures == [] and seen["finished"] == []
    return seen


def _meeting(qtbot, window: MainWindow, kind: str, act: Any) -> None:
    window.show_register("committee_meetings")

    def fill(dialog: RecordDialog) -> None:
        dialog.editors["kind"].input.setCurrentText(kind)
        type_chinese(dialog.editors["topic"].input, f"{kind}：学习党章，研究本月工作")
        dialog.revalidate()
        act(dialog, dialog.sections[0])
        dialog.revalidate()
        _click(qtbot, dialog.save_button)

    failures = when_dialog_opens(qtbot, RecordDialog, fill)
    window.new_record()
    assert failures == []


def _select(picker: Any, names: list[str]) -> None:
    picker.table.clearSelection()
    model = picker.table.selectionModel()
    for row in range(picker.table.rowCount()):
        if picker.table.item(row, 0).text() in names:
            model.select(
                picker.table.model().index(row, 0),
                model.SelectionFlag.Select | model.SelectionFlag.Rows,
            )


def _meetings(qtbot, window: MainWindow) -> None:
    def committee(dialog: RecordDialog, picker: Any) -> None:
        _select(picker, TYPED)  # no committee entered yet: the clerk picks who came
        _click(qtbot, dialog.findChild(QPushButton, "set_出席"))

    def general(dialog: RecordDialog, picker: Any) -> None:
        assert picker.summary.text() == "应到 11 人，实到 11 人"  # 党员大会: every member
        _select(picker, IMPORTED[:4])
        type_chinese(picker.reason, "出差")
        _click(qtbot, dialog.findChild(QPushButton, "set_请假"))

    _meeting(qtbot, window, "支委会", committee)
    _meeting(qtbot, window, "支部党员大会", general)
    model = window.current_register_tab().model
    labels = [c.label for c in model.columns]
    shown = [
        (model.index(r, labels.index("类型")).data(), model.index(r, labels.index("应到")).data(),
         model.index(r, labels.index("实到")).data())
        for r in range(model.rowCount())
    ]  # fmt: skip
    assert sorted(shown) == [("支委会", "3", "3"), ("支部党员大会", "11", "7")]


def _dues(qtbot, window: MainWindow) -> Any:
    tab = window.show_register("dues")
    tab.table.selectAll()

    def assess(dialog: RecordDialog) -> None:
        dialog.editors["category"].input.setCurrentText("在职")
        qtbot.keyClicks(dialog.editors["base"].input, "6500")
        dialog.revalidate()
        _click(qtbot, dialog.save_button)

    def pay(dialog: RecordDialog) -> None:
        assert dialog.editors["first_month"].value() == TODAY.isoformat()[:7]  # this month
        dialog.revalidate()
        _click(qtbot, dialog.save_button)

    for act, action in ((assess, tab.assess_selected), (pay, tab.pay_selected)):
        failures = when_dialog_opens(qtbot, RecordDialog, act)
        tab.table.selectAll()
        action()
        assert failures == []
    if TODAY.month > 1:  # the year so far: January to last month, on each month's last day

        def so_far(dialog: OpeningBalanceDialog) -> None:
            assert dialog.through.currentText() == f"{TODAY.month - 1}月"
            assert len(dialog.checked_ids()) == 11
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

        failures = when_dialog_opens(qtbot, OpeningBalanceDialog, so_far)
        button = next(b for b in tab.findChildren(QPushButton) if b.text() == "录入今年已交…")
        _click(qtbot, button)
        assert failures == []
    qtbot.waitUntil(lambda: "欠缴 0.00 元" in tab.summary_text(), timeout=LONG_WAIT_MS)
    return tab


def _activist(qtbot, window: MainWindow) -> int:
    tab = window.show_register("activists")
    assert isinstance(tab, ActivistsTab)

    def applicant(dialog: RecordDialog) -> None:
        type_chinese(dialog.editors["name"].input, "周新")
        qtbot.keyClicks(
            dialog.editors["id_number"].input, fictional_id_number("330106", date(2000, 1, 1), 1)
        )
        applied = dates.add_months(TODAY, -14)
        qtbot.keyClicks(dialog.editors["applied_on"].input, applied.isoformat())
        dialog.revalidate()
        _click(qtbot, dialog.save_button)

    failures = when_dialog_opens(qtbot, RecordDialog, applicant)
    tab.add_record()
    person_id = tab.model.id_at(0)

    def step(dialog: StepDialog) -> None:
        dialog.day.input.clear()
        qtbot.keyClicks(dialog.day.input, dates.add_months(TODAY, -12).isoformat())
        type_chinese(dialog.text, "王志强、林小红")
        dialog.accept()

    failures += when_dialog_opens(qtbot, StepDialog, step)
    tab.select_id(person_id)
    tab.run_step("activist")
    assert failures == []
    return person_id


def _print_preview(qtbot, window: MainWindow) -> int:
    pages: list[int] = []

    def look(dialog: PrintPreviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=LONG_WAIT_MS)
        pages.append(dialog.document.pageCount())
        assert visible_progress_dialogs() == []  # 正在生成打印预览…… closed with its job
        dialog.reject()

    window.show_register("members")
    failures = when_dialog_opens(qtbot, PrintPreviewDialog, look)
    window.print_pdf()
    assert failures == [] and visible_progress_dialogs() == []
    return pages[0]


def _export(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> Path:
    target = tmp_path / "党员花名册.xlsx"
    offered = save_to(monkeypatch, target)
    window.show_register("members")
    window.export_excel()
    qtbot.waitUntil(lambda: bool(offered), timeout=LONG_WAIT_MS)  # 要打开吗？ 否
    assert visible_progress_dialogs() == [] and str(target) in offered[0]
    return target


def _bundle(qtbot, window: MainWindow, tmp_path: Path) -> tuple[Path, str]:
    target = tmp_path / "U盘" / "移交包.zip"
    target.parent.mkdir()
    said: list[str] = []

    def fill(dialog: BundleDialog) -> None:
        dialog.target.setText(str(target))
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.confirm, PASSWORD)
        box = dialog.findChild(QDialogButtonBox)
        _click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    def finished(box: QMessageBox) -> None:
        said.append(box.text())
        assert visible_progress_dialogs() == []  # 正在生成移交包…… is gone, not behind
        box.accept()

    failures = when_dialog_opens(qtbot, BundleDialog, fill)
    failures += when_dialog_opens(qtbot, QMessageBox, finished)
    bundle_actions.make(window, window.archive)
    qtbot.waitUntil(lambda: bool(said), timeout=LONG_WAIT_MS)
    assert failures == []
    return target, said[0]


def test_a_first_month_from_an_empty_archive(
    qtbot, archive, tmp_path: Path, monkeypatch, warnings_read: list[str]
) -> None:
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()

    _profile(qtbot, window)
    _type_members(qtbot, window)

    imported = _import(qtbot, window, _messy_roster(tmp_path / "我的名册.xlsx"))
    assert imported["target"] == "党员花名册"  # from the headers, not from the open 党费 tab
    assert "新增 8 条" in imported["summary"] and "可以导入" in imported["summary"]
    assert imported["progress"] == [] and "8" in imported["said"]
    roster = window.show_register("members")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 11, timeout=LONG_WAIT_MS)
    assert "在册党员 11 人（正式党员 10 人，预备党员 1 人）" in window.status.text()
    stored = {p["name"]: p for p in archive.db.query("SELECT * FROM people")}
    assert stored["冯淑芬"]["member_category"] == "预备党员"  # inferred: no 转正时间
    assert stored["赵丽"]["joined_on"] == "2000-07-01"  # 2000.07: the 1st, with a warning
    assert stored["赵丽"]["birth_date"] == "1970-01-05"  # 出生年月 1970.01: the day from the ID

    _meetings(qtbot, window)
    attendance = dict(
        archive.db.execute(
            "SELECT status, count(*) FROM meeting_attendance GROUP BY status"
        ).fetchall()
    )
    assert attendance == {"出席": 3 + 7, "请假": 4}

    tab = _dues(qtbot, window)
    owed_months = {
        p: (TODAY.month if p != "冯淑芬" else NEW_MEMBER_MONTHS) for p in TYPED + IMPORTED
    }
    lines = {line.name: line for line in dues.dues_grid(archive, TODAY.year)}
    for name, months in owed_months.items():
        assert len(lines[name].paid) == months and lines[name].monthly_fen == 9750, name
    assert lines["冯淑芬"].paid.keys() == {
        dates.add_months(NEW_MEMBER_JOINED, n).isoformat()[:7] for n in range(NEW_MEMBER_MONTHS)
    }  # from the month of the 支部大会 that admitted her
    assert "欠缴 0.00 元" in tab.summary_text()
    assert not any("补交" in text for text in warnings_read)  # the year so far is not 补交

    person_id = _activist(qtbot, window)
    assert people.get_person(archive, person_id)["stage"] == "activist"

    assert _print_preview(qtbot, window) >= 2  # the cover and the roster
    workbook = openpyxl.load_workbook(_export(qtbot, window, tmp_path, monkeypatch))
    sheet = workbook.worksheets[0]
    names = {value for row in sheet.iter_rows(min_row=2, values_only=True) for value in row}
    assert set(TYPED + IMPORTED) <= names

    bundle, said = _bundle(qtbot, window, tmp_path)
    assert "读回核对无误" in said
    assert verify_bundle(bundle, PASSWORD).ok
    assert visible_progress_dialogs() == []
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []
