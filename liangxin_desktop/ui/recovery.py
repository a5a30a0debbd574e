"""Opening the archive at start: a damaged file leads to its newest good backup, a read-only
file or a vanished drive to a read-only window with a banner, anything else to a choice."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from liangxin_desktop.errors import ArchiveDamaged, ArchiveReadOnly, LiangxinError
from liangxin_desktop.storage import backups
from liangxin_desktop.storage.archive import Archive, open_archive
from liangxin_desktop.ui.messages import show_problem

READ_ONLY_BANNER = (
    "只读打开：台账文件或其所在的磁盘（U盘）现在不能写入，可以查看、打印和导出，不能修改。"
)


def good_backup_text(good: backups.Backup) -> str:
    """The newest good backup, as the clerk chooses it: when, why, how much, what is lost."""
    return (
        f"最近的完好备份是 {good.made_at:%Y年%m月%d日 %H:%M} 的（{good.reason}，"
        f"{good.records} 条记录）。从它恢复后，此后所做的修改将会丢失；"
        "损坏的文件会改名保留，不会被改动。"
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
        box.setInformativeText(good_backup_text(good))
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


def damage_text(problems: list[str]) -> str:
    more = "以上" if len(problems) >= 20 else ""
    return f"检查发现台账文件有损坏（{len(problems)} 处{more}问题），继续使用可能丢失或弄错记录。"


class OpenWindow(Protocol):
    """What a restore while the window is open uses of the main window."""

    archive: Archive

    def _show_archive(self) -> None: ...


def offer_restore(window: OpenWindow, problems: list[str]) -> bool:
    """检查台账 found damage in the open archive: say what, and offer its newest good backup
    (the damaged file is set aside); True when the window now shows the restored archive."""
    parent = window if isinstance(window, QWidget) else None
    path = window.archive.path
    box = QMessageBox(
        QMessageBox.Icon.Critical, "台账文件有损坏", damage_text(problems), parent=parent
    )
    box.setDetailedText("\n".join(problems))  # SQLite's own words, for the IT person
    box.setObjectName("damage_found")
    good = backups.newest_good(path)
    restore = None
    if good is not None and not window.archive.read_only:
        box.setInformativeText(good_backup_text(good))
        restore = box.addButton("从这个备份恢复", QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(
            "没有找到可用的完好备份。请先不要再修改这个台账，把台账文件复制一份，交给信息管理员处理。"
        )
    box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or good is None or box.clickedButton() is not restore:
        return False
    window.archive.close()
    try:
        window.archive = backups.recover_damaged(path, good.path)
    except LiangxinError as exc:
        show_problem(parent, exc, "没有恢复")
        window.archive = open_archive(path, create=False)
    window._show_archive()
    return True
