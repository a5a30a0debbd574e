"""检查台账 (文件 menu) and the weekly check at start: the full integrity check off the UI thread,
then "台账文件完好", or what is wrong with the offer of the newest good backup."""

from __future__ import annotations

import logging
from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.output.files import Progress
from liangxin_desktop.storage import integrity
from liangxin_desktop.storage.archive import Archive, open_reader
from liangxin_desktop.ui.recovery import offer_restore
from liangxin_desktop.ui.workers import run_with_progress

log = logging.getLogger(__name__)
SOUND = "台账文件完好"


class CheckedWindow(Protocol):
    """What the check uses of the main window."""

    archive: Archive
    today: date

    def _show_archive(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


def check_archive(window: CheckedWindow, asked: bool = True) -> None:
    """Run ``integrity_check`` with a progress dialog; ``asked``: the clerk chose 检查台账 (the
    answer is a message), else the weekly check (a sound file is a note in the status bar)."""
    archive = window.archive
    parent = window if isinstance(window, QWidget) else None
    assert parent is not None

    def job(progress: Progress) -> list[str]:
        reader = open_reader(archive)  # the job's own connection, in its own thread
        try:
            return integrity.integrity_problems(reader, progress)
        finally:
            reader.close()

    run_with_progress(
        parent, "正在检查台账文件……", job, lambda found: _checked(window, archive, found, asked)
    )


def check_if_due(window: CheckedWindow) -> bool:
    """At start: the weekly check, when the last good one is a week old or more."""
    archive = window.archive
    if archive.read_only or not integrity.check_due(integrity.last_check(archive), window.today):
        return False
    check_archive(window, asked=False)
    return True


def _checked(window: CheckedWindow, archive: Archive, problems: list[str], asked: bool) -> None:
    if archive is not window.archive or archive.closed:
        return  # another archive was opened meanwhile
    if problems:
        log.warning("integrity check found %d problem(s)", len(problems))
        offer_restore(window, problems)
        return
    try:
        integrity.note_check(archive, window.today)
    except LiangxinError as exc:
        log.warning("the day of the check was not kept: %s", exc.headline)
    text = f"{SOUND}（完整性检查通过）。"
    if asked:
        QMessageBox.information(window if isinstance(window, QWidget) else None, "检查台账", text)
    else:
        window.statusBar().showMessage(f"每周检查：{text}", 15_000)
