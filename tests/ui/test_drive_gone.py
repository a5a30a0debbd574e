"""The archive's file goes away mid-session (USB stick pulled, file removed or made read-only):
the next save says so in Chinese, keeps what was typed, and the window turns read-only.
And 检查台账: a sound file, and damage that leads to the newest good backup."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from damage import swap_two_indexes
from helpers import type_chinese, when_dialog_opens, window_on
from PySide6.QtWidgets import QLabel, QMessageBox

from liangxin_desktop.storage import backups, drafts, integrity
from liangxin_desktop.storage.archive import open_archive
from liangxin_desktop.storage.rescued_drafts import rescue_dir
from liangxin_desktop.ui import archive_check
from liangxin_desktop.ui.drafts import offer_drafts
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.record_dialog import RecordDialog

MINUTES = "一、传达学习上级文件精神。二、讨论发展党员工作计划。"


def _save_after(qtbot, window: MainWindow, take_away) -> dict[str, object]:
    """Type a meeting, take the file away, press 保存; what the clerk saw."""
    seen: dict[str, object] = {}

    def act(dialog: RecordDialog) -> None:
        dialog.editors["topic"].set_value("学习党章")
        dialog.editors["kind"].set_value("党课")
        type_chinese(dialog.editors["minutes"].input, MINUTES)
        take_away()

        def read(box: QMessageBox) -> None:
            go_on = [b for b in box.buttons() if b.text() == "仍然保存"]
            if go_on:  # 实到 0 人: a warning first, the clerk saves anyway
                when_dialog_opens(qtbot, QMessageBox, read)
                go_on[0].click()
                return
            seen["message"] = box.text() + box.informativeText()
            box.accept()

        when_dialog_opens(qtbot, QMessageBox, read)
        dialog.accept()  # 保存
        qtbot.waitUntil(lambda: window.findChild(QLabel, "unwritable_banner") is not None)
        seen["form_open"] = dialog.isVisible()
        seen["minutes"] = dialog.editors["minutes"].value()
        dialog.done(0)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    window.show_register("org_life").open_form(None)
    assert not failures
    return seen


def test_a_removed_file_makes_the_window_read_only_and_keeps_the_typing(qtbot, archive) -> None:
    window = window_on(qtbot, archive)
    path = archive.path
    seen = _save_after(qtbot, window, lambda: os.replace(path, path.with_name("别处.lxdb")))
    assert "台账文件已经不能写入" in str(seen["message"])
    assert "Traceback" not in str(seen["message"])
    assert seen["form_open"] and seen["minutes"] == MINUTES  # the form kept what was typed
    banner = window.findChild(QLabel, "unwritable_banner")
    assert banner.isVisible() and "已另存为草稿" in banner.text()
    assert window.archive.read_only and not window.new_action.isVisible()
    rescued = list(rescue_dir().glob("*.json"))
    assert len(rescued) == 1 and MINUTES in rescued[0].read_text(encoding="utf-8")
    assert (rescued[0].stat().st_mode & 0o077) == 0 or os.name != "posix"


def test_a_file_made_read_only_keeps_the_typing_for_the_next_start(qtbot, archive) -> None:
    window = window_on(qtbot, archive)
    path: Path = archive.path
    seen = _save_after(qtbot, window, lambda: path.chmod(0o444))
    assert "台账文件已经不能写入" in str(seen["message"])
    assert window.archive.read_only
    count = archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert count == 0  # nothing was written to the read-only file
    window.close()
    path.chmod(0o644)  # the clerk puts the file right and opens it again
    again = open_archive(path)
    try:
        restore_window = MainWindow(again)
        qtbot.addWidget(restore_window)
        offered: list[str] = []

        def drop(box: QMessageBox) -> None:
            offered.append(box.text())
            next(b for b in box.buttons() if b.text() == "丢弃").click()

        when_dialog_opens(qtbot, QMessageBox, drop)
        offer_drafts(restore_window)
        assert offered and "学习党章" in offered[0]
        assert list(rescue_dir().glob("*.json")) == []  # back in the archive, then offered
        assert drafts.list_drafts(again) == []  # 丢弃
    finally:
        again.close()


def test_checking_a_sound_archive_says_so_and_keeps_the_day(qtbot, archive) -> None:
    window = window_on(qtbot, archive)
    told: list[str] = []
    when_dialog_opens(qtbot, QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    archive_check.check_archive(window)
    qtbot.waitUntil(lambda: bool(told))
    assert told == ["台账文件完好（完整性检查通过）。"]
    assert integrity.last_check(archive) == window.today
    assert not archive_check.check_if_due(window)  # checked today: not again this week


def test_damage_found_by_the_check_leads_to_the_newest_good_backup(qtbot, demo_archive) -> None:
    good = backups.make_backup(demo_archive, "每日", now=datetime(2026, 11, 27, 8, 0))
    path = demo_archive.path
    demo_archive.close()
    swap_two_indexes(path)
    window = window_on(qtbot, open_archive(path))  # quick_check at open does not see it
    damaged = window.archive
    seen: list[str] = []

    def restore(box: QMessageBox) -> None:
        seen.append(box.text() + box.informativeText())
        next(b for b in box.buttons() if b.text() == "从这个备份恢复").click()

    when_dialog_opens(qtbot, QMessageBox, restore)
    archive_check.check_archive(window)
    qtbot.waitUntil(lambda: window.archive is not damaged)
    assert "台账文件有损坏" in seen[0] and "2026年11月27日 08:00" in seen[0]
    assert integrity.integrity_problems(window.archive) == []
    assert list(path.parent.glob("*-损坏-*.lxdb"))  # the damaged file kept aside
    assert good.path.exists()
    window.close()
