"""A verified backup, with its reason, before every import, undo-import and bulk change; when it
cannot be made the clerk is asked, and 否 leaves the archive unchanged."""

from __future__ import annotations

from datetime import date

from helpers import LONG_WAIT_MS, VALID_ID, add_members, shown_window, when_dialog_opens
from import_helpers import workbook
from PySide6.QtWidgets import QMessageBox

from liangxin_desktop.errors import ArchiveError
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.storage import backups, dues, people
from liangxin_desktop.ui.opening_balance_dialog import OpeningBalanceDialog

HEADER = ["序号", "姓名", "身份证号码", "人员类别", "入党时间", "转正时间", "手机号码"]
LAST_YEAR = date.today().year - 1


def _reasons(archive) -> list[str]:
    return [b.reason for b in backups.list_backups(archive.path)]


def test_import_and_undo_are_each_preceded_by_a_verified_backup(qtbot, archive, tmp_path) -> None:
    window = shown_window(qtbot, archive)
    path = workbook(
        tmp_path / "名册.xlsx",
        [["党员名单"], HEADER, [1, "王秀英", VALID_ID, "正式党员", "1975-07-01", "1976-07-01", ""]],
        merge="A1:G1",
    )
    done = when_dialog_opens(qtbot, QMessageBox, lambda box: box.accept())
    window.commit_plan(import_file(archive, "members", path))
    qtbot.waitUntil(lambda: window.roster_tab.model.rowCount() == 1, timeout=LONG_WAIT_MS)
    [before_import] = backups.list_backups(archive.path)
    assert done == [] and before_import.reason == "导入前" and before_import.verified
    assert before_import.counts["people"] == 0

    def confirm(box: QMessageBox) -> None:
        when_dialog_opens(qtbot, QMessageBox, lambda last: last.accept())
        box.button(QMessageBox.StandardButton.Yes).click()

    failures = when_dialog_opens(qtbot, QMessageBox, confirm)
    window.undo_last_import()
    assert failures == [] and people.member_counts(archive)["total"] == 0
    [before_undo] = [b for b in backups.list_backups(archive.path) if b.reason == "撤销导入前"]
    assert before_undo.verified and before_undo.counts["people"] == 1


def test_carrying_over_and_the_opening_balance_back_up_first(qtbot, archive) -> None:
    for person_id in add_members(archive, ["赵一", "钱二"]):
        dues.assess(archive, person_id, LAST_YEAR, "在职", 450000)
    window = shown_window(qtbot, archive)
    tab = window.show_register("dues")
    tab.year.setCurrentText(f"{LAST_YEAR}年度")

    def record(dialog: OpeningBalanceDialog) -> None:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    failures = when_dialog_opens(qtbot, OpeningBalanceDialog, record)
    tab.opening_balance()
    assert failures == [] and _reasons(archive) == ["批量修改前"]
    first = backups.list_backups(archive.path)[0].path.stat().st_mtime_ns
    tab.year.setCurrentText(f"{LAST_YEAR + 1}年度")
    failures = when_dialog_opens(qtbot, QMessageBox, lambda box: box.accept())
    tab.carry_over()
    made = [b.path.stat().st_mtime_ns for b in backups.list_backups(archive.path)]
    assert failures == [] and set(_reasons(archive)) == {"批量修改前"} and max(made) > first


def test_a_failed_backup_asks_and_no_leaves_the_archive_unchanged(
    qtbot, archive, monkeypatch
) -> None:
    for person_id in add_members(archive, ["赵一"]):
        dues.assess(archive, person_id, LAST_YEAR, "在职", 450000)
    window = shown_window(qtbot, archive)
    tab = window.show_register("dues")
    tab.year.setCurrentText(f"{LAST_YEAR + 1}年度")

    def full_disk(*_args, **_kwargs):
        raise ArchiveError("备份文件夹所在的磁盘空间不足。", "请清理磁盘。")

    monkeypatch.setattr(backups, "make_backup", full_disk)
    asked: list[str] = []

    def refuse(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    failures = when_dialog_opens(qtbot, QMessageBox, refuse)
    tab.carry_over()
    assert failures == [] and "磁盘空间不足" in asked[0] and "仍要继续" in asked[0]
    assert not dues.dues_grid(archive, LAST_YEAR + 1)[0].category  # not carried over
