"""The 文件 menu's 检查台账… and 启动密码 entries, the idle lock, and what the window does each time
it shows an archive (asks its password when opened, watches for its file going away)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import privacy
from liangxin_desktop.storage.archive import Archive, open_archive
from liangxin_desktop.ui import archive_check
from liangxin_desktop.ui.idle_lock import IdleLock
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.password_dialog import PasswordSettingsDialog, unlock
from liangxin_desktop.ui.read_only import WatchedWindow, watch_archive


class PrivacyWindow(archive_check.CheckedWindow, WatchedWindow, Protocol):
    """What these actions use of the main window."""

    audit_action: QAction


class PrivacyControls(QObject):
    """Kept inside the window: its idle lock and the 启动密码 menu's actions."""

    def __init__(self, window: PrivacyWindow) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.setObjectName("privacy_controls")
        self.idle_lock = IdleLock(window)
        self.actions: dict[str, QAction] = {}


def controls(window: PrivacyWindow) -> PrivacyControls:
    found = window.findChild(PrivacyControls) if isinstance(window, QObject) else None
    assert isinstance(found, PrivacyControls), "add_actions made them"
    return found


class IdleMinutesDialog(QDialog):
    """空闲锁定: the minutes without input before the window locks (0: never)."""

    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("空闲锁定")
        layout = QVBoxLayout(self)
        note = QLabel("离开电脑多长时间后锁定窗口（需要输入启动密码才能继续）：")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("idle_minutes")
        self.minutes.setRange(0, 240)
        self.minutes.setSuffix(" 分钟")
        self.minutes.setSpecialValueText("不锁定")
        self.minutes.setValue(minutes)
        layout.addWidget(self.minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, minutes: int, parent: QWidget | None = None) -> int | None:
        dialog = cls(minutes, parent)
        return dialog.minutes.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def add_actions(window: PrivacyWindow, menu: QMenu) -> None:
    """检查台账… and the 启动密码 submenu, before 操作记录…; the idle lock starts watching."""
    parent = window if isinstance(window, QWidget) else None
    check = QAction("检查台账…", parent)
    check.triggered.connect(lambda: archive_check.check_archive(window))
    menu.insertAction(window.audit_action, check)
    passwords = QMenu("启动密码和锁定", parent)
    passwords.setObjectName("password_menu")
    kept = PrivacyControls(window)
    for key, text, slot in (
        ("set", "设置启动密码…", lambda: _change_password(window)),
        ("change", "修改启动密码…", lambda: _change_password(window)),
        ("clear", "取消启动密码…", lambda: _change_password(window, remove=True)),
        ("idle", "空闲锁定时间…", lambda: _choose_idle_minutes(window)),
    ):
        action = passwords.addAction(text)
        action.triggered.connect(slot)
        kept.actions[key] = action
    passwords.aboutToShow.connect(lambda: update_password_actions(window))
    menu.insertMenu(window.audit_action, passwords)
    update_password_actions(window)


def update_password_actions(window: PrivacyWindow) -> None:
    """Only what makes sense now: 设置 without a password; 修改, 取消 and the idle time with one."""
    writable = not window.archive.read_only and not window.archive.closed
    has = writable and privacy.has_password(window.archive)
    shown = {"set": writable and not has, "change": has, "clear": has, "idle": has}
    actions = controls(window).actions
    for key, action in actions.items():
        action.setVisible(shown[key])
    actions["set"].setEnabled(writable)


def _change_password(window: PrivacyWindow, remove: bool = False) -> None:
    parent = window if isinstance(window, QWidget) else None
    if PasswordSettingsDialog.ask(window.archive, parent, remove=remove):
        text = "启动密码已取消。" if remove else "启动密码已保存，下次打开台账时需要输入。"
        QMessageBox.information(parent, "启动密码", text)
        controls(window).idle_lock.refresh()


def _choose_idle_minutes(window: PrivacyWindow) -> None:
    parent = window if isinstance(window, QWidget) else None
    minutes = IdleMinutesDialog.ask(privacy.idle_lock_seconds(window.archive) // 60, parent)
    if minutes is None:
        return
    try:
        privacy.save_idle_lock_seconds(window.archive, minutes * 60)
    except LiangxinError as exc:
        show_problem(parent, exc, "没有保存")
        return
    controls(window).idle_lock.refresh()


def archive_shown(window: PrivacyWindow) -> None:
    """After the window shows an archive (at start, another opened, a backup restored)."""
    watch_archive(window)
    controls(window).idle_lock.refresh()


def open_unlocked(parent: QWidget, path: Path) -> Archive | None:
    """Open another archive and ask its 启动密码; None (told why) when it is not opened."""
    try:
        archive = open_archive(path, create=False)
    except LiangxinError as exc:
        show_problem(parent, exc, "无法打开台账")
        return None
    if not unlock(archive, parent, at_start=False):
        archive.close()
        return None
    return archive
