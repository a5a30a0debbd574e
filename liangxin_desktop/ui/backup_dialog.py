"""备份与恢复: the list of backups, 立即备份, 备份到U盘… and 用所选备份恢复; the start's and the
close's automatic backups, whose failure is a warning in the status bar, never a failed start."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import paths
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import backups
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.messages import show_problem


class MainWindow(Protocol):
    """What these actions use of the main window (which imports this module)."""

    archive: Archive

    def _show_archive(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


log = logging.getLogger(__name__)
BULK_CHANGE = "批量修改前"  # batch 核定, 按上年核定, 录入今年已交
NO_BACKUP_ADVICE = "修改前的自动备份没有完成，请先在“文件 → 备份与恢复”中检查备份。"
_COLUMNS = ("时间", "原因", "大小", "记录数", "校验")


def describe(backup: backups.Backup) -> list[str]:
    return [
        f"{backup.made_at:%Y-%m-%d %H:%M}",
        backup.reason,
        f"{backup.size / 1024 / 1024:.1f} MB",
        str(backup.records),
        "通过" if backup.verified else "未通过",
    ]


def automatic_backup(archive: Archive, when: str) -> str:
    """Make the start's (if due) or the close's backup; a warning sentence when it failed."""
    if archive.read_only:
        return ""
    try:
        if when == "start":
            backups.backup_if_due(archive)
        else:
            backups.make_backup(archive, "关闭时")
    except LiangxinError as exc:
        log.warning("automatic backup failed: %s", exc.headline)
        return f"自动备份没有完成：{exc.headline}"
    return ""


class BackupDialog(QDialog):
    """The archive's backups, newest first, with what can be done with them."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("备份与恢复")
        self.archive = archive
        self.restored: Archive | None = None
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        folder = paths.backups_dir(archive.path)
        note = QLabel(
            f"备份文件夹：{folder}\n程序每天第一次启动和关闭时自动备份，每个备份写完都会校验。"
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("backup_now", "立即备份", self.backup_now),
            ("backup_to_usb", "备份到U盘…", self.backup_to_folder),
            ("restore", "用所选备份恢复…", self.restore_selected),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.found: list[backups.Backup] = []
        self.refresh()

    def refresh(self) -> None:
        self.found = backups.list_backups(self.archive.path)
        self.table.setRowCount(len(self.found))
        for row, backup in enumerate(self.found):
            for column, text in enumerate(describe(backup)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.found:
            self.table.selectRow(0)

    def backup_now(self) -> None:
        try:
            backup = backups.make_backup(self.archive, "手动")
        except LiangxinError as exc:
            show_problem(self, exc, "备份没有完成")
            return
        self.refresh()
        QMessageBox.information(self, "备份完成", f"已备份并校验通过：{backup.path.name}")

    def backup_to_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择U盘或文件夹", str(Path.home()))
        if not chosen:
            return
        try:
            backup = backups.make_backup(self.archive, "手动", folder=Path(chosen))
        except LiangxinError as exc:
            show_problem(self, exc, "备份没有完成")
            return
        QMessageBox.information(self, "备份完成", f"已备份到 {backup.path}，并已校验通过。")

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.archive.read_only:
            return
        backup = self.found[rows[0].row()]
        question = (
            f"用 {backup.made_at:%Y-%m-%d %H:%M} 的备份恢复台账？\n"
            "此后所做的修改将不在恢复后的台账中（恢复前会先备份当前台账，可以再恢复回来）。"
        )
        answer = QMessageBox.question(self, "用备份恢复", question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.restored = backups.restore_backup(self.archive, backup.path)
        except LiangxinError as exc:
            show_problem(self, exc, "没有恢复")
            return
        self.accept()

    @classmethod
    def ask(cls, archive: Archive, parent: QWidget | None = None) -> Archive | None:
        """Show the dialog; the reopened archive when the clerk restored a backup."""
        dialog = cls(archive, parent)
        dialog.exec()
        return dialog.restored


def warn_in_status_bar(window: MainWindow, text: str) -> None:
    """A lasting warning at the right of the status bar (the backup failed, read-only …)."""
    label = window.statusBar().findChild(QLabel, "backup_warning")
    if label is None:
        label = QLabel()
        label.setObjectName("backup_warning")
        label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        window.statusBar().addPermanentWidget(label)
    label.setText(text)
    label.setVisible(bool(text))


def backup_before(parent: QWidget | None, archive: Archive, reason: str) -> bool:
    """A verified backup before a change of many records (导入前, 撤销导入前, 批量修改前); when it
    fails the clerk is told why and chooses whether to go on (False: do not change anything)."""
    try:
        backups.make_backup(archive, reason)
    except LiangxinError as exc:
        log.warning("backup before a change failed: %s", exc.headline)
        answer = QMessageBox.question(
            parent,
            "未能先备份",
            f"修改前的自动备份没有完成：{exc.message()}\n\n仍要继续修改吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
    return True


def back_up_at_start(window: MainWindow) -> None:
    warning = automatic_backup(window.archive, "start")
    if warning:
        warn_in_status_bar(window, warning)


def back_up_on_close(archive: Archive) -> None:
    """On close, when this session changed something."""
    if not archive.closed and not archive.read_only and archive.db.conn.total_changes > 0:
        automatic_backup(archive, "close")


def open_dialog(window: MainWindow) -> None:
    parent = window if isinstance(window, QWidget) else None
    restored = BackupDialog.ask(window.archive, parent)
    if restored is not None:
        window.archive = restored
        window._show_archive()
        window.statusBar().showMessage("已用备份恢复台账。", 10_000)
