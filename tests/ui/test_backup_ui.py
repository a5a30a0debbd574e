"""备份与恢复 in the window, and the start: a damaged archive leads to its newest good backup,
a read-only one opens read-only with a banner."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from helpers import member, when_dialog_opens
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from liangxin_desktop.storage import backups, organization, people
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.backup_dialog import BackupDialog
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.recovery import READ_ONLY_BANNER, open_at_start, show_read_only_banner


def _click(label: str):
    def act(box: QMessageBox) -> None:
        [button] = [b for b in box.buttons() if b.text() == label]
        button.click()

    return act


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:108] = b"\xff" * 8  # the schema page's header
    path.write_bytes(bytes(data))


def test_a_damaged_archive_at_start_is_replaced_by_its_newest_good_backup(qtbot, archive) -> None:
    make_application()
    people.insert_member(archive, member())
    backups.make_backup(archive, "每日", now=datetime(2026, 11, 27, 8, 0))
    path = archive.path
    archive.close()
    _damage(path)
    seen: list[str] = []

    def act(box: QMessageBox) -> None:
        seen.append(box.text() + box.informativeText())
        _click("从这个备份恢复")(box)

    failures = when_dialog_opens(qtbot, QMessageBox, act)
    reopened = open_at_start(path)
    assert not failures and reopened is not None
    try:
        assert "台账文件已损坏" in seen[0] and "2026年11月27日 08:00" in seen[0]
        assert reopened.db.execute("SELECT name FROM people").fetchall() == [("王秀英",)]
    finally:
        reopened.close()
    assert [p.name for p in path.parent.glob("test-损坏-*.lxdb")]  # kept aside, untouched


def test_a_read_only_archive_opens_read_only_with_a_banner(qtbot, archive) -> None:
    make_application()
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    path = archive.path
    archive.close()
    path.chmod(0o444)
    when_dialog_opens(qtbot, QMessageBox, _click("以只读方式打开"))
    opened = open_at_start(path)
    assert opened is not None and opened.read_only
    window = MainWindow(opened)
    qtbot.addWidget(window)
    show_read_only_banner(window)
    window.show()
    banner = window.findChild(QLabel, "read_only_banner")
    assert banner is not None and banner.isVisible() and banner.text() == READ_ONLY_BANNER


def test_the_backup_dialog_backs_up_and_restores(qtbot, archive) -> None:
    make_application()
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    people.insert_member(archive, member())
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    dialog = BackupDialog(archive, window)  # a child of the window, closed with it
    assert dialog.table.rowCount() == 0
    when_dialog_opens(qtbot, QMessageBox, lambda box: box.accept())
    dialog.findChild(QPushButton, "backup_now").click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 1).text() == "手动" and dialog.table.item(0, 4).text() == "通过"
    people.insert_member(archive, member(name="李四", id_number="110105194912310021"))
    answered = []

    def yes(*args, **kwargs):
        answered.append(args[2])
        return QMessageBox.StandardButton.Yes

    original, QMessageBox.question = QMessageBox.question, yes
    try:
        dialog.table.selectRow(0)
        dialog.findChild(QPushButton, "restore").click()
    finally:
        QMessageBox.question = original
    assert answered and "此后所做的修改" in answered[0]
    restored = dialog.restored
    assert restored is not None
    assert restored.db.execute("SELECT name FROM people").fetchall() == [("王秀英",)]
    restored.close()


def test_the_file_menu_offers_backup_and_restore(qtbot, archive) -> None:
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    assert window.backup_action.text() == "备份与恢复…"
    assert window.backup_action in window.menuBar().actions()[0].menu().actions()
