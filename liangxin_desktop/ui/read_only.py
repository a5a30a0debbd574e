"""A main window turned into a read-only view — of a hand-over bundle, or of an archive whose file
can no longer be written (the USB stick was pulled mid-session): look, print, export — no edits.

Everything that edits is hidden: every button in the register tabs except those that only
read (listed in READING_BUTTONS), double-click editing, the organization form, 新建记录,
回收站, 打开台账 and 导出移交包 (a bundle is made from the clerk's own archive only). The archive itself is opened read-only in memory (``query_only``), so
even a missed control could not change anything; this only keeps the window honest.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.bundle.verifying import Verification
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.drafts import DraftKeeper
from liangxin_desktop.ui.home_tab import HomeTab
from liangxin_desktop.ui.register_tab import RegisterTab

READING_BUTTONS = {"save_copy", "print_record"}  # object names of tab buttons that only read
_OK_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #81c784;"
_WARNING_STYLE = "background: #fff3e0; color: #e65100; border: 1px solid #ffb74d;"
UNWRITABLE_BANNER = (
    "台账文件已经不能写入（U盘被拔出、文件被删除或移走、被改为只读），窗口已改为只读："
    "可以查看、打印和导出，不能修改。如有正在填写的内容，已另存为草稿，"
    "插回U盘（或找回文件）后重新打开程序，会提示恢复。"
)
_BAD_STYLE = "background: #c62828; color: white; font-weight: bold; border: 2px solid #8e0000;"


def banner(result: Verification) -> QLabel:
    """Green when the bundle verified; a prominent red warning naming the problems otherwise."""
    if result.ok:
        text = (
            f"只读查看移交包：{result.organization} {result.year}年度。"
            f"校验通过，{len(result.manifest['files'])} 个文件完整、未被改动。"
        )
    else:
        text = (
            "警告：这个移交包没有通过校验，内容可能不完整或已被改动，不能作为正式移交材料！\n"
            + "；".join(result.problems)
            + "。"
        )
    label = QLabel(text)
    label.setObjectName("bundle_banner")
    label.setWordWrap(True)
    label.setStyleSheet(f"{_OK_STYLE if result.ok else _BAD_STYLE} padding: 8px; font-size: 14px;")
    return label


def _lock_form(form: QWidget) -> None:
    """The organization tab: fields read-only, its buttons and hints hidden."""
    for edit in form.findChildren(QLineEdit):
        edit.setReadOnly(True)
    for text in form.findChildren(QPlainTextEdit) + form.findChildren(QTextEdit):
        text.setReadOnly(True)
    for widget in form.findChildren(QComboBox) + form.findChildren(QAbstractSpinBox):
        widget.setEnabled(False)
    for button in form.findChildren(QAbstractButton):
        if isinstance(button, QPushButton):
            button.hide()
        else:
            button.setEnabled(False)  # check boxes of the 六有 list
    for table in form.findChildren(QAbstractItemView):
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    form.welcome.hide()  # type: ignore[attr-defined]


def _lock_tab(tab: QWidget, year: int | None) -> None:
    for button in tab.findChildren(QPushButton):
        if button.objectName() not in READING_BUTTONS:
            button.hide()
    for table in tab.findChildren(QTableView):
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if isinstance(tab, RegisterTab):
        tab.table.doubleClicked.disconnect()  # double-click opens the edit form
    year_box = getattr(tab, "year", None)
    if year and isinstance(year_box, QComboBox) and year_box.findText(f"{year}年度") >= 0:
        year_box.setCurrentText(f"{year}年度")  # show the bundle's year first


class ViewerWindow(Protocol):
    """What make_read_only changes in a main window (MainWindow is one)."""

    title_note: str
    new_action: QAction
    bin_action: QAction
    open_action: QAction
    make_bundle_action: QAction

    @property
    def organization_tab(self) -> QWidget: ...

    @property
    def home_tab(self) -> HomeTab: ...

    @property
    def register_tabs(self) -> Mapping[str, QWidget]: ...

    @property
    def stack(self) -> QWidget: ...

    def takeCentralWidget(self, /) -> QWidget | None: ...

    def setCentralWidget(self, widget: QWidget, /) -> None: ...

    def _update_status(self) -> None: ...


def make_read_only(window: ViewerWindow, result: Verification) -> None:
    """Hide every editing action and show the verification banner above the tabs."""
    lock_window(window, banner(result), f"只读 移交包 {result.year}年度 — ", result.year)


def lock_window(
    window: ViewerWindow, label: QLabel, title_note: str, year: int | None = None
) -> None:
    """Hide every editing action and show ``label`` above the tabs (``year``: shown first)."""
    window.title_note = title_note
    hidden = (window.new_action, window.bin_action, window.open_action, window.make_bundle_action)
    for action in hidden:
        action.setEnabled(False)
        action.setVisible(False)
    _lock_form(window.organization_tab)
    window.home_tab.lock()
    for tab in window.register_tabs.values():
        _lock_tab(tab, year)
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    window.takeCentralWidget()  # the tabs, moved below the banner
    layout.addWidget(window.stack, 1)
    window.setCentralWidget(container)
    container.show()  # a window already on screen shows a new central widget only later
    window.stack.show()
    window._update_status()


class WatchedWindow(ViewerWindow, Protocol):
    archive: Archive


def watch_archive(window: WatchedWindow) -> None:
    """When the window's archive file can no longer be written, the window turns read-only
    (after the refused save's own message has opened)."""
    if isinstance(window, QObject):
        context = window
        window.archive.on_unwritable = lambda: QTimer.singleShot(
            0, context, lambda: went_unwritable(window)
        )


def went_unwritable(window: WatchedWindow) -> None:
    """Keep every open form's typing in the data folder, then lock the window with a banner."""
    for top in QApplication.topLevelWidgets():
        for keeper in top.findChildren(DraftKeeper):
            keeper.rescue()
    label = QLabel(UNWRITABLE_BANNER)
    label.setObjectName("unwritable_banner")
    label.setWordWrap(True)
    label.setStyleSheet(f"{_WARNING_STYLE} padding: 8px; font-size: 14px;")
    lock_window(window, label, "只读 — ")
