"""启动密码 at start and from the 文件 menu, and the idle lock over an open form."""

from __future__ import annotations

from conftest import TODAY
from helpers import type_chinese, when_dialog_opens, window_on
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton

from liangxin_desktop.storage import drafts, integrity, organization, privacy
from liangxin_desktop.storage.archive import open_archive
from liangxin_desktop.ui import application
from liangxin_desktop.ui.application import make_application, run_gui
from liangxin_desktop.ui.idle_lock import COVER_COLOR, Cover, IdleLock
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.password_dialog import PasswordSettingsDialog, UnlockDialog
from liangxin_desktop.ui.record_dialog import RecordDialog

PASSWORD = "zhibu2026"
MINUTES = "一、传达学习上级文件精神。二、讨论发展党员工作计划。"


def _type_and_confirm(dialog: UnlockDialog, text: str) -> None:
    QTest.keyClicks(dialog.password, text)
    QTest.mouseClick(dialog.findChild(QPushButton, "unlock"), Qt.MouseButton.LeftButton)


def _protected(archive) -> None:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    privacy.set_password(archive, "", PASSWORD, PASSWORD)


def test_three_wrong_passwords_at_start_close_the_app_and_write_nothing(
    qtbot, archive, monkeypatch
) -> None:
    _protected(archive)
    path = archive.path
    archive.close()
    make_application()
    told: list[str] = []
    tries: list[str] = []

    def answer(dialog: UnlockDialog) -> None:
        for attempt in ("wrong-1", "wrong-2", "wrong-3"):
            tries.append(dialog.problem.text())
            _type_and_confirm(dialog, attempt)

    def read_message(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    failures = when_dialog_opens(qtbot, UnlockDialog, answer)
    monkeypatch.setattr(application, "unlock", _then(application.unlock, qtbot, read_message))
    assert run_gui(path, TODAY) == 1  # no window: the app ends
    assert not failures
    assert told and "连续 3 次输入错误" in told[0] and "程序将关闭" in told[0]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    again = open_archive(path)
    try:
        actions = [r[0] for r in again.db.execute("SELECT action FROM audit_log")]
        assert actions.count("设置启动密码") == 1 and len(actions) == 2  # nothing new
        assert not (path.parent / "备份").exists()  # not even the start's backup
    finally:
        again.close()


def _then(unlock, qtbot, read_message):
    """Answer the message the third wrong password brings, then return what unlock says."""

    def wrapped(archive, parent=None, at_start=True):
        when_dialog_opens(qtbot, QMessageBox, read_message)
        return unlock(archive, parent, at_start)

    return wrapped


def test_the_right_password_opens_the_window(qtbot, archive, monkeypatch) -> None:
    _protected(archive)
    integrity.note_check(archive, TODAY)  # no weekly check: its job would outlive the window
    path = archive.path
    archive.close()
    app = make_application()
    shown: list[str] = []

    def quit_when_shown() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown.extend(w.windowTitle() for w in windows if w.isVisible())
        for window in windows:
            qtbot.addWidget(window)  # freed when the test ends, not by a later collection
            window.close()
        return 0

    monkeypatch.setattr(app, "exec", quit_when_shown)
    failures = when_dialog_opens(qtbot, UnlockDialog, lambda d: _type_and_confirm(d, PASSWORD))
    assert run_gui(path, TODAY) == 0
    assert not failures and shown and "中共测试科技有限公司支部委员会" in shown[0]


def test_setting_changing_and_removing_the_password_from_the_menu(qtbot, archive) -> None:
    window = window_on(qtbot, archive)
    actions = {a.text(): a for a in window.findChild(QMenu, "password_menu").actions()}
    seen: list[str] = []

    def fill(old: str, new: str) -> object:
        def act(dialog: PasswordSettingsDialog) -> None:
            for field, text in (
                ("old_password", old),
                ("new_password", new),
                ("repeated_password", new),
            ):
                edit = dialog.findChild(QLineEdit, field)
                if edit is not None:  # only the fields the dialog shows
                    QTest.keyClicks(edit, text)
            dialog.save()
            if dialog.isVisible():  # refused: the dialog stays, saying why
                seen.append(dialog.problem.text())
                dialog.reject()
            else:
                when_dialog_opens(qtbot, QMessageBox, lambda box: box.accept())

        return act

    failures = when_dialog_opens(qtbot, PasswordSettingsDialog, fill("", PASSWORD))
    actions["设置启动密码…"].trigger()
    qtbot.waitUntil(lambda: privacy.has_password(archive) or bool(failures))
    assert not failures
    assert privacy.password_accepted(archive, PASSWORD)
    when_dialog_opens(qtbot, PasswordSettingsDialog, fill("not-it", "another-one"))
    actions["修改启动密码…"].trigger()
    assert seen == ["原密码不正确。请输入现在的启动密码；密码没有改变。"]
    assert privacy.password_accepted(archive, PASSWORD)
    when_dialog_opens(qtbot, PasswordSettingsDialog, fill(PASSWORD, ""))
    actions["取消启动密码…"].trigger()
    qtbot.waitUntil(lambda: not privacy.has_password(archive))


def test_the_idle_lock_covers_an_open_form_and_keeps_what_was_typed(qtbot, archive) -> None:
    _protected(archive)
    privacy.save_idle_lock_seconds(archive, 1)  # one second: the test waits on the lock itself
    window = window_on(qtbot, archive)
    lock = window.findChild(IdleLock)
    tab = window.show_register("org_life")
    seen: dict[str, object] = {}

    def act(dialog: RecordDialog) -> None:
        dialog.editors["topic"].set_value("学习党章")
        type_chinese(dialog.editors["minutes"].input, MINUTES)
        qtbot.waitUntil(lambda: lock.locked, timeout=60_000)
        covers = [c for c in QApplication.allWidgets() if isinstance(c, Cover)]
        seen["covered"] = {c.parentWidget() for c in covers} >= {window, dialog}
        seen["cover_fills_form"] = all(c.geometry() == c.parentWidget().rect() for c in covers)
        shot = window.grab().toImage()  # what someone passing by sees: the cover, not the tabs
        seen["opaque"] = {
            shot.pixelColor(x, y).name() for x in (20, 400, 800) for y in (100, 300, 500)
        }
        seen["draft"] = [d.values.get("minutes") for d in drafts.list_drafts(archive)]
        unlock = lock.dialog
        _type_and_confirm(unlock, "wrong-password")
        seen["still_locked"] = lock.locked and unlock.problem.text()
        _type_and_confirm(unlock, PASSWORD)
        qtbot.waitUntil(lambda: not lock.locked)
        seen["covers_left"] = [
            c for c in QApplication.allWidgets() if isinstance(c, Cover) and c.isVisible()
        ]
        seen["minutes"] = dialog.editors["minutes"].value()
        dialog.done(0)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    tab.open_form(None)
    assert not failures
    assert seen["covered"] and seen["cover_fills_form"]
    assert seen["opaque"] == {COVER_COLOR}
    assert seen["draft"] == [MINUTES]  # kept at the moment of the lock
    assert seen["still_locked"] == "密码不正确。"
    assert seen["covers_left"] == [] and seen["minutes"] == MINUTES
    assert lock.timer.isActive()  # watching again


def test_no_password_no_lock(qtbot, archive) -> None:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    lock = window.findChild(IdleLock)
    assert not lock.timer.isActive()
    lock.lock()
    assert not lock.locked and not window.findChildren(QLabel, "lock_cover")
