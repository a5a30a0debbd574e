"""从Excel导入 as the clerk does it: the wizard with its mapping and check, then the window's import
in the background, and 撤销上次导入."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import LONG_WAIT_MS, VALID_ID, when_dialog_opens
from import_helpers import messy_roster, workbook
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
    fix_first = lambda: preview.problems.height() > preview.preview.height()  # noqa: E731
    qtbot.waitUntil(fix_first, timeout=LONG_WAIT_MS)


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
    page = wizard.preview_page  # nothing to fix: the rows about to be imported get the room
    qtbot.waitUntil(lambda: page.preview.height() > page.problems.height(), timeout=LONG_WAIT_MS)
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


ID_1985 = fictional_id_number("110105", date(1985, 3, 12), 246)


def _messy(tmp_path: Path) -> Path:
    return messy_roster(
        tmp_path / "名册.xlsx",
        ("林小红", ID_1985, "1985.03", "2008年7月1日", "2009.07.01", "13600002222"),
        ("王志强", ID_1990, "1990年3月", "2025-12-01", None, "13600003333"),
    )


def _back(qtbot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)


def test_the_register_is_guessed_from_the_headers_not_the_open_tab(qtbot, archive, tmp_path):
    make_application()
    wizard = ImportWizard(None, archive, "good_deeds")  # the clerk was on 好人好事 when importing
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(_messy(tmp_path)))

    assert wizard.file_page.register.currentText() == "党员花名册"
    assert "按表头判断" in wizard.file_page.guess.text()
    _next(qtbot, wizard)
    assert wizard.mapping_page.warning.text() == ""
    assert wizard.mapping_page.header.value() == 3  # the sub-header row of the two-row header
    _next(qtbot, wizard)
    assert wizard.preview_page.preview.rowCount() == 2


def test_a_wrong_register_chosen_by_the_clerk_is_said_to_look_wrong(qtbot, wizard, tmp_path):
    wizard.file_page.path.setText(str(_messy(tmp_path)))
    combo = wizard.file_page.register
    combo.setCurrentIndex(combo.findData("activists"))
    combo.activated.emit(combo.currentIndex())  # as a click in the list does

    _next(qtbot, wizard)

    warning = wizard.mapping_page.warning
    assert warning.isVisible() and "更像“党员花名册”" in warning.text()


def test_going_back_keeps_the_file_sheet_and_mapping(qtbot, wizard, tmp_path) -> None:
    path = _messy(tmp_path)
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard)
    page = wizard.mapping_page
    phone = next(i for i in range(len(page.combos)) if page.mapping_for(i) == "phone")
    page.set_mapping(phone, "")  # the clerk decides not to import the phones
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page

    _back(qtbot, wizard)
    _back(qtbot, wizard)
    assert wizard.file_page.path.text() == str(path)
    assert wizard.file_page.sheet.currentText() == "党员名册"
    _next(qtbot, wizard)

    assert page.mapping_for(phone) == ""
    _next(qtbot, wizard)
    plan = wizard.state.plan
    assert plan is not None and "phone" not in plan.mapping.values()


def test_unticking_a_row_leaves_it_out_and_unblocks_the_import(qtbot, wizard, tmp_path) -> None:
    path = messy_roster(
        tmp_path / "名册.xlsx",
        ("林小红", ID_1985, "1985.03", "2008-07-01", "2009-07-01", None),
        ("（待核实）", None, None, "2020-07-01", None, None),
    )
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.preview_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    row_5 = next(
        page.problems.item(r, 0)
        for r in range(page.problems.rowCount())
        if page.problems.item(r, 0).text() == "第5行"
    )

    row_5.setCheckState(Qt.CheckState.Unchecked)  # the clerk unticks 第5行

    assert finish.isEnabled()
    assert "1 行按您的选择不导入" in page.summary.text()
    shown = {page.preview.item(r, 0).text(): page.preview.item(r, 1).text() for r in range(2)}
    assert shown == {"第4行": "新增", "第5行": "不导入"}
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    plan = wizard.state.plan
    assert plan is not None and [row.summary for row in plan.rows] == ["林小红"]
    assert plan.excluded == [5]
