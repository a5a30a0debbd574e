"""Opening the archive at start: a damaged file leads to its newest good backup, a read-only
file or a vanished drive to a read-only window with a banner, anything else to a choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from liangxin_desktop.errors import ArchiveDamaged, ArchiveReadOnly, LiangxinError
from liangxin_desktop.storage import backups
from liangxin_desktop.storage.archive import Archive, open_archive

READ_ONLY_BANNER = (
    "只读打开：台账文件或其所在的磁盘（U盘）现在不能写入，可以查看、打印和导出，不能修改。"
)


def _box(exc: LiangxinError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "无法打开台账", exc.headline)
    box.setInformativeText(exc.advice)
    box.setObjectName("open_problem")
    return box


def _offer(path: Path, exc: LiangxinError) -> tuple[str, Archive | None]:
    """Ask what to do; ("other", None), ("quit", None), or ("opened", archive)."""
    box = _box(exc)
    restore = read_only = None
    good = backups.newest_good(path) if isinstance(exc, ArchiveDamaged) else None
    if good is not None:
        box.setInformativeText(
            f"最近的完好备份是 {good.made_at:%Y年%m月%d日 %H:%M} 的（{good.reason}，"
            f"{good.records} 条记录）。从它恢复后，此后所做的修改将会丢失；"
            "损坏的文件会改名保留，不会被改动。"
        )
        restore = box.addButton("从这个备份恢复", QMessageBox.ButtonRole.AcceptRole)
    if isinstance(exc, ArchiveReadOnly):
        read_only = box.addButton("以只读方式打开", QMessageBox.ButtonRole.AcceptRole)
    choose = box.addButton("选择其他台账文件…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore and good is not None:
        return "opened", backups.recover_damaged(path, good.path)
    if clicked is read_only:
        return "opened", open_archive(path, read_only=True)
    return ("other" if clicked is choose else "quit"), None


def open_at_start(path: Path) -> Archive | None:
    """The archive to show, or None when the clerk chose to quit."""
    while True:
        try:
            return open_archive(path)
        except LiangxinError as exc:
            try:
                choice, archive = _offer(path, exc)
            except LiangxinError as again:
                choice, archive = _offer(path, again)
        if archive is not None:
            return archive
        if choice == "quit":
            return None
        chosen, _ = QFileDialog.getOpenFileName(
            None, "打开台账", str(path.parent), "台账文件 (*.lxdb);;所有文件 (*)"
        )
        if not chosen:
            return None
        path = Path(chosen)


def show_read_only_banner(window: QMainWindow) -> None:
    """A plain banner above the tabs of an archive opened read-only."""
    banner = QLabel(READ_ONLY_BANNER)
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3e0; color: #e65100; padding: 6px; font-size: 14px;")
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(banner)
    tabs = window.takeCentralWidget()
    if tabs is not None:
        layout.addWidget(tabs, 1)
    window.setCentralWidget(container)
