"""Drafts: a meeting record being typed is kept every few seconds; after a crash the next start
offers it back (恢复 / 丢弃); a hand-over bundle never carries it."""

from __future__ import annotations

import sqlite3
from datetime import date

from helpers import answer_message, type_chinese, when_dialog_opens, window_on
from PySide6.QtWidgets import QMessageBox

from liangxin_desktop.storage import drafts
from liangxin_desktop.ui.drafts import offer_drafts
from liangxin_desktop.ui.record_dialog import RecordDialog

MINUTES = "一、传达学习上级文件精神。二、讨论发展党员工作计划。"


def _kept(archive) -> list[tuple[str, str]]:
    """What another connection (the next start, after a crash) would find."""
    reader = sqlite3.connect(archive.path)
    try:
        return reader.execute("SELECT register, draft_values FROM drafts").fetchall()
    finally:
        reader.close()


def test_a_meeting_being_typed_is_kept_as_a_draft_until_saved(qtbot, archive) -> None:
    window = window_on(qtbot, archive)
    tab = window.show_register("org_life")
    seen: list[list[tuple[str, str]]] = []
    warned: list[list[str]] = []  # what each warning box said

    def act(dialog: RecordDialog) -> None:
        dialog.editors["topic"].set_value("学习党章")
        type_chinese(dialog.editors["minutes"].input, MINUTES)
        qtbot.waitUntil(lambda: bool(_kept(archive)))  # the 5-second autosave
        seen.append(_kept(archive))
        dialog.editors["kind"].set_value("党课")
        warned.append(answer_message(qtbot, "仍然保存"))  # no one on the roster: 0 attendees
        dialog.accept()
        if dialog.isVisible():  # refused: close it so that the test ends and says why
            seen.append([("refused", dialog.message.text())])
            dialog.done(0)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    tab.open_form(None)
    assert not failures
    register, values = seen[0][0]
    assert register == "org_life" and MINUTES in values
    assert "出席" in warned[0][0]
    assert _kept(archive) == []  # saved: the draft is gone


def test_after_a_crash_the_next_start_offers_the_draft_back(qtbot, archive) -> None:
    drafts.save_draft(
        archive,
        "org_life",
        None,
        "党员组织生活记录簿：2026-11-20 学习党章（新记录）",
        {"meeting_date": "2026-11-20", "topic": "学习党章", "minutes": MINUTES},
    )
    window = window_on(qtbot, archive)
    asked: list[str] = []
    found: list[str] = []

    def restore(box: QMessageBox) -> None:
        asked.append(box.text())
        when_dialog_opens(qtbot, RecordDialog, check_form)
        [button] = [b for b in box.buttons() if b.text() == "恢复"]
        button.click()

    def check_form(dialog: RecordDialog) -> None:
        found.append(str(dialog.editors["minutes"].value()))
        dialog.done(0)

    when_dialog_opens(qtbot, QMessageBox, restore)
    offer_drafts(window)
    assert "2026-11-20 学习党章" in asked[0]
    assert found == [MINUTES]
    assert drafts.list_drafts(archive) == []


def test_a_bundle_never_carries_drafts(demo_archive, tmp_path) -> None:
    from liangxin_desktop.bundle import making
    from liangxin_desktop.bundle.manifest import DATABASE_NAME

    drafts.save_draft(demo_archive, "org_life", None, "草稿", {"minutes": "未定稿的内容"})
    making.make_bundle(demo_archive, tmp_path / "包", year=2026, today=date(2026, 11, 28))
    database = tmp_path / "包" / DATABASE_NAME
    copy = sqlite3.connect(database)
    assert copy.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0
    copy.close()
    assert "未定稿的内容".encode() not in database.read_bytes()
