"""The new rules as the clerk meets them: 民主评议 results, 学时, 换届, 返还/下拨 and the 公示."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers import LONG_WAIT_MS, add_members, type_chinese, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QPushButton, QSpinBox, QTableWidgetItem

from liangxin_desktop.catalog import get_register
from liangxin_desktop.storage import (
    dues,
    dues_accounts,
    meetings,
    member_review,
    organization,
)
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.election_dialog import ElectionDialog
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.review_dialog import ReviewDialog
from liangxin_desktop.ui.study_hours_dialog import StudyHoursDialog

THIS_YEAR = date.today().year


@pytest.fixture
def branch(archive) -> list[int]:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    return add_members(archive, ["赵一", "钱二", "孙三"])


@pytest.fixture
def window(qtbot, archive, branch) -> MainWindow:
    make_application()
    shown = MainWindow(archive)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_a_review_with_one_basic_pass_through_the_dialog(qtbot, archive, branch) -> None:
    meeting = meetings.save_meeting(
        archive,
        get_register("org_life"),
        {"meeting_date": date.today().isoformat(), "kind": "民主评议党员", "topic": "民主评议党员"},
        [meetings.Attendance(pid, "出席") for pid in branch],
    )
    dialog = ReviewDialog(archive, meeting)
    qtbot.addWidget(dialog)
    combo = dialog.table.cellWidget(1, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentText("基本合格")
    qtbot.mouseClick(dialog.findChild(QPushButton, "all_pass"), Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "合格2人，基本合格1人"
    dialog.save()
    assert member_review.results_of(archive, meeting) == {
        branch[0]: "合格",
        branch[1]: "基本合格",
        branch[2]: "合格",
    }


def test_the_study_hours_view_flags_a_member_short_of_32(qtbot, archive, branch) -> None:
    meetings.save_meeting(
        archive,
        get_register("trainings"),
        {
            "meeting_date": f"{THIS_YEAR}-01-10",
            "kind": "集中学习",
            "topic": "集中学习",
            "hours": 30,
        },
        [meetings.Attendance(branch[0], "出席")],
    )
    dialog = StudyHoursDialog(archive)
    qtbot.addWidget(dialog)
    cells = [
        [dialog.table.item(r, c).text() for c in range(6)] for r in range(dialog.table.rowCount())
    ]
    assert cells[0] == ["赵一", "党员", "30", "32", "2", "未达标"]
    assert dialog.summary.text() == "共 3 名党员，未达标 3 名"


def test_an_election_through_the_dialog(qtbot, archive, branch) -> None:
    dialog = ElectionDialog(archive)
    qtbot.addWidget(dialog)
    dialog.entitled.setValue(25)
    dialog.present.setValue(20)
    assert "未超过" in dialog.verdict.text()
    dialog.present.setValue(21)
    dialog.seats.setValue(2)
    for name, votes in (("赵一", 19), ("钱二", 10), ("孙三", 14)):
        qtbot.mouseClick(dialog.findChild(QPushButton, "add_candidate"), Qt.MouseButton.LeftButton)
        row = dialog.table.rowCount() - 1
        dialog.table.setItem(row, 0, QTableWidgetItem(name))
        spin = dialog.table.cellWidget(row, 2)
        assert isinstance(spin, QSpinBox)
        spin.setValue(votes)
    assert "赵一（19票）、孙三（14票）" in dialog.verdict.text()
    dialog.save()
    assert dialog.outcome is not None
    assert [m["name"] for m in organization.committee(archive)] == ["赵一", "孙三"]


def test_returns_and_the_notice_from_the_dues_tab(
    qtbot, window, archive, branch, tmp_path, monkeypatch
) -> None:
    dues.assess(archive, branch[0], THIS_YEAR, "在职", 450000)
    tab = window.show_register("dues")
    tab.refresh()
    qtbot.waitUntil(  # the 合计 and the summary are added up in the background
        lambda: "截至" in tab.summary_text() or "尚无到期月份" in tab.summary_text(),
        timeout=LONG_WAIT_MS,
    )
    assert "2名党员有未核定月份" in tab.summary_text() or date.today().month == 1

    def fill(dialog: RecordDialog) -> None:
        qtbot.keyClicks(dialog.editors["amount"].input, "300")
        type_chinese(dialog.editors["source"].input, "上级党委组织部")
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, fill)
    qtbot.mouseClick(
        next(b for b in tab.findChildren(QPushButton) if b.text() == "返还、下拨…"),
        Qt.MouseButton.LeftButton,
    )
    assert failures == []
    [entry] = dues_accounts.money_lists(archive, THIS_YEAR)["returns"]
    assert entry["amount_fen"] == 30000 and entry["source"] == "上级党委组织部"

    target = tmp_path / "公示.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(
        next(b for b in tab.findChildren(QPushButton) if b.text() == "收缴公示…"),
        Qt.MouseButton.LeftButton,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True
    )
    if text.returncode != 0:
        pytest.skip("pdftotext（poppler-utils）未安装")
    assert f"{THIS_YEAR}年度党费收缴情况公示" in text.stdout and "赵一" in text.stdout
    assert "2026年度党费上缴和返还情况".replace("2026", str(THIS_YEAR)) in text.stdout
    assert "收到返还、下拨" in text.stdout and "300.00" in text.stdout
    assert Path(target).stat().st_size > 0
