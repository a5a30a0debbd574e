"""从Excel导入 as the clerk does it: the wizard with its mapping and check, then the window's import
in the background, and 撤销上次导入."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import LONG_WAIT_MS, VALID_ID, when_dialog_opens
from import_helpers import workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import organization, people
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.import_wizard import ImportWizard
from liangxin_desktop.ui.main_window import MainWindow

ID_1990 = fictional_id_number("330106", date(1990, 3, 7), 123)
HEADER = ["序号", "姓名", "身份证号码", "人员类别", "入党时间", "转正时间", "手机号码"]


@pytest.fixture
def wizard(qtbot, archive) -> ImportWizard:
    make_application()
    shown = ImportWizard(None, archive, "members")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _next(qtbot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _roster(path: Path, *rows: list[object]) -> Path:
    return workbook(path, [["党员名单"], HEADER, *rows], merge="A1:G1")


def test_wizard_maps_columns_and_blocks_on_errors(qtbot, wizard: ImportWizard, tmp_path) -> None:
    path = _roster(
        tmp_path / "名册.xlsx",
        [1, "王秀英", VALID_ID, "正式党员", "1975-07-01", "1976-07-01", "13800138000"],
        [2, "张伟", 330106199003071230, "正式党员", "2015-07-01", "2016-07-01", "138"],
    )
    wizard.file_page.path.setText(str(path))
    assert wizard.file_page.sheet.currentText() == "Sheet1"
    _next(qtbot, wizard)
    page = wizard.mapping_page
    assert page.header.value() == 2
    assert [page.mapping_for(i) for i in range(7)] == [
        "", "name", "id_number", "member_category", "joined_on", "converted_on", "phone",
    ]  # fmt: skip
    page.set_mapping(6, "")  # the clerk decides not to import the phones
    _next(qtbot, wizard)
    preview = wizard.preview_page
    problems = [
        [preview.problems.item(r, c).text() for c in range(4)]
        for r in range(preview.problems.rowCount())
    ]
    assert (
        problems
        == [
            ["第4行", "身份证号码", problems[0][2], "错误"],
        ]
        and "15 位有效数字" in problems[0][2]
    )
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert "发现 1 处错误，改正前不能导入" in preview.summary.text()


def test_wizard_returns_the_checked_plan(qtbot, wizard: ImportWizard, archive, tmp_path) -> None:
    path = _roster(
        tmp_path / "名册.xlsx",
        [1, "王秀英", VALID_ID, "正式党员", "1975-07-01", "1976-07-01", "13800138000"],
        [2, "张伟", ID_1990, "正式党员", "2015.7.1", "2016.7.1", "13900139000"],
    )
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.preview_page.preview.rowCount() == 2
    assert wizard.preview_page.preview.item(1, 1).text() == "新增"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and finish.text() == "导入"
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.state.plan is not None and wizard.state.plan.count("新增") == 2
    assert people.member_counts(archive)["total"] == 0  # the wizard itself writes nothing


def test_window_imports_in_the_background_and_undoes(qtbot, archive, tmp_path) -> None:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    path = _roster(
        tmp_path / "名册.xlsx",
        [1, "王秀英", VALID_ID, "正式党员", "1975-07-01", "1976-07-01", "13800138000"],
    )
    from liangxin_desktop.importing.runner import import_file

    plan = import_file(archive, "members", path)
    done = when_dialog_opens(qtbot, QMessageBox, lambda box: box.accept())
    window.commit_plan(plan)
    qtbot.waitUntil(lambda: window.roster_tab.model.rowCount() == 1, timeout=LONG_WAIT_MS)
    assert done == [] and people.member_counts(archive)["total"] == 1

    def confirm(box: QMessageBox) -> None:
        when_dialog_opens(qtbot, QMessageBox, lambda last: last.accept())
        box.button(QMessageBox.StandardButton.Yes).click()

    failures = when_dialog_opens(qtbot, QMessageBox, confirm)
    window.undo_last_import()
    assert failures == []
    assert people.member_counts(archive)["total"] == 0
    assert window.roster_tab.model.rowCount() == 0
