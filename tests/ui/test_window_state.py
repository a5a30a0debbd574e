"""Windows fit a 1366×768 screen, come back as they were left; file dialogs remember folders."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from helpers import when_dialog_opens
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from liangxin_desktop.catalog import get_register
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import open_archive
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.file_dialogs import ask_open, ask_save
from liangxin_desktop.ui.import_wizard import ImportWizard
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.print_preview import PrintPreviewDialog, registers_job
from liangxin_desktop.ui.window_state import available_area


def _fits(widget: QWidget) -> bool:
    area: QRect = available_area(widget)
    return area.contains(widget.frameGeometry())


def _window(qtbot, archive) -> MainWindow:
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_main_window_fits_a_1366x768_screen(qtbot, archive) -> None:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    window = _window(qtbot, archive)
    assert available_area(window).size().toTuple() == (1366, 768)
    assert _fits(window)
    window.tabs.setCurrentWidget(window.organization_tab)
    button = window.organization_tab.save_button
    assert button.isVisible()
    assert window.rect().contains(button.mapTo(window, button.rect().bottomRight()))
    assert window.statusBar().isVisible() and _fits(window)


def test_the_main_window_comes_back_as_it_was_left(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "台账.lxdb"
    window = _window(qtbot, open_archive(path))
    window.resize(900, 600)
    window.move(100, 50)
    left = window.size().toTuple()  # as the window manager let it be
    window.close()  # closes its archive
    again = _window(qtbot, open_archive(path))
    assert again.size().toTuple() == left
    again.showMaximized()
    qtbot.waitUntil(again.isMaximized)
    again.close()
    third = _window(qtbot, open_archive(path))
    assert third.isMaximized()
    third.close()


@pytest.mark.parametrize("register", ["members", "committee_meetings", "dues"])
def test_the_forms_fit_the_screen(qtbot, demo_archive, register: str) -> None:
    window = _window(qtbot, demo_archive)
    window.show_register(register)
    seen: list[bool] = []
    failures = when_dialog_opens(qtbot, QDialog, lambda d: seen.append(_fits(d)) or d.done(0))
    window.new_record()
    assert failures == [] and seen == [True]


def test_the_print_preview_and_the_import_wizard_fit_the_screen(qtbot, demo_archive) -> None:
    make_application()
    job = registers_job([get_register("members")], "党员花名册")
    for dialog in (
        PrintPreviewDialog(demo_archive, job, None),
        ImportWizard(None, demo_archive, "members"),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert _fits(dialog)


def test_file_dialogs_start_in_the_last_folder_used(qtbot, tmp_path: Path, monkeypatch) -> None:
    make_application()
    started: list[str] = []
    chosen = tmp_path / "U盘" / "花名册.xlsx"
    chosen.parent.mkdir()

    def fake(parent, title, start, filter_text):
        started.append(start)
        return str(chosen.with_suffix("")), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    assert ask_save(None, "导出", "export", "花名册.xlsx") == chosen  # the suffix is kept
    assert ask_save(None, "导出", "export", "考勤册.xlsx")
    assert started[1] == str(chosen.parent / "考勤册.xlsx")
    ask_open(None, "导入", "import", "Excel (*.xlsx)")
    assert started[2] == str(Path.home())  # another kind keeps its own folder


def test_the_file_dialog_speaks_chinese(qtbot) -> None:
    make_application()
    dialog = QFileDialog(None, "选择要导入的文件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not [
        text
        for text in labels
        if any("a" <= c.lower() <= "z" for c in text.strip("&")) and "(&" not in text
    ]


def test_finding_the_screen_leaves_no_screen_in_the_widgets_keeping(qtbot) -> None:
    """A screen kept by a widget's wrapper went with it when a closed dialog was collected in a
    reference cycle, and the next window crashed (QWidget::screen() on a freed QScreen)."""
    make_application()
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    assert available_area(widget).width() == 1366
    assert not [kept for kept in gc.get_referents(widget) if isinstance(kept, QScreen)]
