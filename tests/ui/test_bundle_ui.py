"""The hand-over bundle in the window: 导出移交包, 打开移交包 (read-only) and 汇总移交包, driven as a person would."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY
from helpers import LONG_WAIT_MS, shown_window, visible_progress_dialogs, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPushButton,
)

from liangxin_desktop.bundle.making import make_bundle
from liangxin_desktop.bundle.verifying import verify_bundle
from liangxin_desktop.ui import bundle_actions
from liangxin_desktop.ui.bundle_dialog import BundleDialog
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.print_preview import PrintPreviewDialog
from liangxin_desktop.ui.summary_dialog import SummaryDialog

PASSWORD = "Zhibu2026!"


@pytest.fixture
def window(qtbot, demo_archive) -> MainWindow:
    return shown_window(qtbot, demo_archive)


def _ok(dialog, qtbot) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_one_dialog_makes_a_verified_encrypted_bundle(qtbot, window, tmp_path) -> None:
    target = tmp_path / "U盘" / "移交包.zip"
    target.parent.mkdir()
    seen: list[str] = []

    def fill(dialog: BundleDialog) -> None:
        dialog.target.setText(str(target))
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.confirm, "typo")
        _ok(dialog, qtbot)
        seen.append(dialog.problem.text())  # still open, saying why
        dialog.confirm.clear()
        qtbot.keyClicks(dialog.confirm, PASSWORD)
        _ok(dialog, qtbot)

    def finished(box: QMessageBox) -> None:
        seen.append(box.text())
        assert visible_progress_dialogs() == []  # 正在生成移交包…… is gone, not behind
        box.accept()

    failures = when_dialog_opens(qtbot, BundleDialog, fill)
    failures += when_dialog_opens(qtbot, QMessageBox, finished)
    bundle_actions.make(window, window.archive)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=LONG_WAIT_MS)
    assert not failures and visible_progress_dialogs() == []
    assert seen[0] == "两次输入的密码不一样。请重新输入。"
    assert "读回核对无误" in seen[1] and "密码当面或电话告诉对方" in seen[1]
    assert [p.name for p in target.parent.iterdir()] == ["移交包.zip"]
    assert verify_bundle(target, PASSWORD).ok


def _open(qtbot, window: MainWindow, bundle: Path) -> MainWindow:
    bundle_actions.open_path(window, bundle, window.show_bundle)
    qtbot.waitUntil(lambda: bool(window.bundle_windows), timeout=LONG_WAIT_MS)
    viewer = window.bundle_windows[0]
    assert isinstance(viewer, MainWindow)
    return viewer


def test_an_encrypted_bundle_opens_read_only_with_printing(
    qtbot, window, demo_archive, tmp_path, monkeypatch
) -> None:
    bundle = make_bundle(demo_archive, tmp_path / "b.zip", year=2026, password=PASSWORD).path
    before = bundle.read_bytes()
    asked = when_dialog_opens(qtbot, QInputDialog, lambda d: (d.setTextValue(PASSWORD), d.accept()))
    viewer = _open(qtbot, window, bundle)
    assert not asked
    assert viewer.windowTitle().startswith("只读 移交包 2026年度 — ")
    banner = viewer.findChild(type(viewer.status), "bundle_banner")
    assert "校验通过" in banner.text()
    roster = viewer.roster_tab
    assert roster.add_button.isHidden() and roster.edit_button.isHidden()
    assert roster.leave_button.isHidden()
    assert not roster.findChild(QPushButton, "print_record").isHidden()  # 纪实表 only reads
    assert not viewer.new_action.isVisible() and not viewer.bin_action.isVisible()
    assert not viewer.make_bundle_action.isEnabled() and viewer.print_action.isEnabled()
    assert viewer.organization_tab.save_button.isHidden()
    assert all(e.isReadOnly() for e in viewer.organization_tab.findChildren(type(roster.search)))
    assert (
        not viewer.register_tabs["photo_album"]
        .findChild(type(roster.add_button), "save_copy")
        .isHidden()
    )
    roster.table.doubleClicked.emit(roster.model.index(0, 0))  # would open the edit form
    QApplication.processEvents()
    assert QApplication.activeModalWidget() is None
    home = viewer.home_tab  # the bundle's reminders are shown, but nothing settles them
    qtbot.waitUntil(lambda: not home.loading)
    assert home.items and home.done_button.isHidden() and home.snooze_button.isHidden()
    home.table.doubleClicked.emit(home.table.model().index(0, 0))
    QApplication.processEvents()
    assert QApplication.activeModalWidget() is None

    target = tmp_path / "花名册.pdf"
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: offered.append(a[2]) or QMessageBox.StandardButton.No,
    )

    def save_from_preview(preview: PrintPreviewDialog) -> None:
        qtbot.waitUntil(lambda: preview.document.pageCount() > 0, timeout=LONG_WAIT_MS)
        preview.save_button.click()
        preview.reject()

    failures = when_dialog_opens(qtbot, PrintPreviewDialog, save_from_preview)
    viewer.show_register("members")
    viewer.print_pdf()
    assert failures == [] and offered
    assert target.stat().st_size > 1000
    viewer.close()
    qtbot.waitUntil(lambda: not window.bundle_windows, timeout=LONG_WAIT_MS)
    assert bundle.read_bytes() == before


def test_a_tampered_bundle_warns_prominently(qtbot, window, demo_archive, tmp_path) -> None:
    folder = make_bundle(demo_archive, tmp_path / "移交包", year=2026, today=TODAY).path
    workbook = folder / "全部台账-2026年度.xlsx"
    workbook.write_bytes(workbook.read_bytes() + b"\0")
    warned: list[str] = []
    failures = when_dialog_opens(
        qtbot, QMessageBox, lambda box: (warned.append(box.text()), box.accept())
    )
    viewer = _open(qtbot, window, folder)
    qtbot.waitUntil(lambda: bool(warned), timeout=LONG_WAIT_MS)
    assert not failures
    assert "已被改动" in warned[0]
    banner = viewer.findChild(type(viewer.status), "bundle_banner")
    assert banner.text().startswith("警告：这个移交包没有通过校验")
    assert "全部台账-2026年度.xlsx" in banner.text()
    viewer.close()


def test_summary_dialog_and_job(qtbot, window, demo_archive, tmp_path, monkeypatch) -> None:
    bundle = make_bundle(demo_archive, tmp_path / "b.zip", year=2026, password=PASSWORD).path
    workbook = tmp_path / "汇总.xlsx"
    requests = []

    def fill(dialog: SummaryDialog) -> None:
        _ok(dialog, qtbot)
        requests.append(dialog.problem.text())
        dialog.add_bundle(bundle)
        dialog.add_bundle(bundle)  # the same one twice is listed once
        qtbot.keyClicks(dialog.password, PASSWORD)
        dialog.workbook.setText(str(workbook))
        _ok(dialog, qtbot)

    failures = when_dialog_opens(qtbot, SummaryDialog, fill)
    done: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: done.append(a[2]) or QMessageBox.StandardButton.No
    )
    bundle_actions.summarize(window)
    qtbot.waitUntil(lambda: bool(done), timeout=LONG_WAIT_MS)
    assert not failures
    assert requests == ["请先添加要汇总的移交包。"]
    assert "已汇总 1 个党组织" in done[0]
    rows = list(openpyxl.load_workbook(workbook)["汇总"].iter_rows(values_only=True))
    assert len(rows) == 3 and rows[-1][0] == "合计（1 个党组织）"
    assert workbook.with_suffix(".pdf").stat().st_size > 1000
