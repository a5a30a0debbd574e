"""The clerk's flows in the real window: first start, adding by typing, validation, search, leaving."""

from __future__ import annotations

import pytest
from helpers import (
    LONG_WAIT_MS,
    VALID_ID,
    member,
    save_to,
    type_chinese,
    when_dialog_opens,
    window_on,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from liangxin_desktop.storage import organization, people
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.leave_dialog import LeaveDialog
from liangxin_desktop.ui.main_window import FIRST_REGISTER_TAB, MainWindow
from liangxin_desktop.ui.record_dialog import RecordDialog


@pytest.fixture
def window(qtbot, archive) -> MainWindow:
    make_application()
    shown = MainWindow(archive)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def ready_window(qtbot, archive) -> MainWindow:
    return window_on(qtbot, archive)


def test_first_start_guides_to_the_organization_profile(qtbot, window: MainWindow, archive) -> None:
    assert window.stack.currentWidget() is not window.tabs
    assert not window.tabs.isTabEnabled(FIRST_REGISTER_TAB)
    qtbot.mouseClick(window.findChild(QPushButton, "start_button"), Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.organization_tab
    tab = window.organization_tab
    type_chinese(tab.editors["name"].input, "中共杭州恒信智能科技有限公司支部委员会")
    tab.editors["kind"].input.setCurrentText("党支部")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert organization.organization_name(archive) == "中共杭州恒信智能科技有限公司支部委员会"
    assert window.tabs.isTabEnabled(FIRST_REGISTER_TAB)
    assert "中共杭州恒信智能科技有限公司支部委员会" in window.windowTitle()


def _fill_member(qtbot, dialog: RecordDialog, id_number: str) -> None:
    type_chinese(dialog.editors["name"].input, "张晓喆")
    qtbot.keyClicks(dialog.editors["id_number"].input, id_number)
    dialog.editors["member_category"].input.setCurrentText("正式党员")
    qtbot.keyClicks(dialog.editors["joined_on"].input, "1975-07-01")
    qtbot.keyClicks(dialog.editors["converted_on"].input, "1976/7/1")
    qtbot.keyClicks(dialog.editors["phone"].input, "13912345678")
    dialog.revalidate()


def test_adding_a_member_by_typing(qtbot, ready_window: MainWindow, archive) -> None:
    def act(dialog: RecordDialog) -> None:
        _fill_member(qtbot, dialog, VALID_ID)
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    ready_window.new_record()
    assert failures == []
    tab = ready_window.roster_tab
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 0).data() == "张晓喆"
    person = people.get_person(archive, tab.model.id_at(0))
    assert (person["sex"], person["birth_date"], person["converted_on"]) == (
        "女",
        "1949-12-31",
        "1976-07-01",
    )
    assert "在册党员 1 人" in tab.summary_text()


def test_invalid_id_keeps_save_disabled_and_names_the_field(
    qtbot, ready_window: MainWindow, archive
) -> None:
    seen: dict[str, object] = {}

    def act(dialog: RecordDialog) -> None:
        _fill_member(qtbot, dialog, "110105194912310021")
        seen["enabled"] = dialog.save_button.isEnabled()
        seen["message"] = dialog.message.text()
        dialog.editors["id_number"].input.clear()
        qtbot.keyClicks(dialog.editors["id_number"].input, VALID_ID)
        dialog.revalidate()
        seen["enabled_after_fix"] = dialog.save_button.isEnabled()
        dialog.done(QDialog.DialogCode.Rejected)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    ready_window.new_record()
    assert failures == []
    assert seen["enabled"] is False
    assert "公民身份号码" in str(seen["message"]) and "X" in str(seen["message"])
    assert seen["enabled_after_fix"] is True
    assert people.member_counts(archive)["total"] == 0


def test_search_filters_the_roster(qtbot, demo_archive) -> None:
    make_application()
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    tab = window.roster_tab
    total = tab.model.rowCount()
    target = people.get_person(demo_archive, tab.model.id_at(4))
    tab.focus_search()
    qtbot.keyClicks(tab.search, target["phone"])
    qtbot.waitUntil(lambda: tab.model.rowCount() < total, timeout=LONG_WAIT_MS)
    assert [tab.model.id_at(r) for r in range(tab.model.rowCount())] == [target["id"]]
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == total, timeout=LONG_WAIT_MS)


def test_a_member_leaves(qtbot, ready_window: MainWindow, archive, monkeypatch) -> None:
    asked: list[str] = []  # after a 转出 the clerk is offered the 介绍信; here the answer is 否
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, title, _text: asked.append(title) or QMessageBox.StandardButton.No,
    )
    person_id = people.add_member(archive, member())
    tab = ready_window.roster_tab
    tab.refresh()
    tab.select_id(person_id)

    def act(dialog: LeaveDialog) -> None:
        dialog.kind.setCurrentText("转出")
        dialog.day.input.clear()
        qtbot.keyClicks(dialog.day.input, "2025-03-01")
        type_chinese(dialog.destination, "中共某市非公有制企业综合党委")
        dialog.accept()

    failures = when_dialog_opens(qtbot, LeaveDialog, act)
    tab.leave_selected()
    assert failures == [] and asked == ["打印介绍信"]
    assert tab.model.rowCount() == 0
    person = people.get_person(archive, person_id)
    assert (person["stage"], person["left_on"], person["left_kind"]) == (
        "left",
        "2025-03-01",
        "转出",
    )
    tab.include_left.setChecked(True)
    assert tab.model.rowCount() == 1


@pytest.mark.parametrize("action", ["export_excel"])
def test_export_and_print_run_in_the_background(
    qtbot, demo_archive, tmp_path, monkeypatch, action
) -> None:
    suffix = ".xlsx" if action == "export_excel" else ".pdf"
    target = tmp_path / f"花名册{suffix}"
    offered = save_to(monkeypatch, target)
    make_application()
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    getattr(window, action)()
    qtbot.waitUntil(lambda: bool(offered), timeout=LONG_WAIT_MS)
    assert target.exists() and target.stat().st_size > 1000
    assert str(target) in offered[0]
    assert [p.name for p in tmp_path.iterdir() if "part" in p.name] == []


def test_closing_with_an_unsaved_profile_asks_and_saves(
    qtbot, ready_window, archive, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab = ready_window.organization_tab
    assert not tab.has_unsaved_changes()
    type_chinese(tab.editors["parent_org"].input, "中共某区非公有制经济组织综合委员会")
    assert tab.has_unsaved_changes()
    ready_window.close()
    assert asked == ["保存党组织基本情况？"]
    assert archive.closed  # the window closed its archive after saving
    from liangxin_desktop.storage.archive import open_archive

    again = open_archive(archive.path, read_only=True)
    saved = organization.get_organization(again)
    again.close()
    assert saved is not None and saved["parent_org"] == "中共某区非公有制经济组织综合委员会"


def test_qt_buttons_speak_chinese(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    make_application()
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.Discard
    )
    qtbot.addWidget(box)
    texts = [button.text() for button in box.buttons()]
    assert not any(text.replace("&", "") in ("Yes", "Discard") for text in texts), texts
