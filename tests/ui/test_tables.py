"""The tabs' tables as the clerk sees them: search keystrokes, the 党费 and 考勤 grids on models."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import LONG_WAIT_MS, shown_window, type_chinese
from PySide6.QtCore import Qt

from liangxin_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_archive) -> MainWindow:
    return shown_window(qtbot, demo_archive)


def _shown_names(tab) -> list[str]:
    model = tab.model
    column = [spec.key for spec in model.columns].index("name")
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_roster_keystrokes_narrow_by_surname_and_wait_for_the_third_digit(
    qtbot, window: MainWindow
) -> None:
    tab = window.roster_tab
    everyone = tab.model.rowCount()
    surname = _shown_names(tab)[0][0]
    resets: list[bool] = []
    tab.model.modelReset.connect(lambda: resets.append(True))
    tab.focus_search()
    qtbot.keyClicks(tab.search, "1")  # one digit: every ID has one, nothing to narrow
    qtbot.keyClicks(tab.search, "1")
    qtbot.waitUntil(lambda: not tab._search_timer.isActive(), timeout=LONG_WAIT_MS)  # filtered
    assert tab.model.rowCount() == everyone and resets == []
    tab.search.clear()
    type_chinese(tab.search, surname)
    qtbot.waitUntil(lambda: tab.model.rowCount() < everyone, timeout=LONG_WAIT_MS)
    assert all(name.startswith(surname) for name in _shown_names(tab))
    assert "一两个字" in tab.search.toolTip()


def test_the_dues_grid_shows_every_member_and_adds_up_the_year(qtbot, window: MainWindow) -> None:
    tab = window.show_register("dues")
    model = tab.table.model()
    members = model.rowCount() - 1
    assert members == tab.model.member_count > 0
    assert model.headerData(members, Qt.Orientation.Vertical) == ""  # the 合计 row: no number
    qtbot.waitUntil(lambda: "应缴" in tab.summary_text(), timeout=LONG_WAIT_MS)
    assert model.index(members, 0).data() == "合计"
    paid = sum(line.paid_fen() for line in tab.model.lines_at(range(members)))
    paid_column = [spec.key for spec in tab.model.columns].index("paid_fen")
    assert model.index(members, paid_column).data() == f"{paid / 100:.2f}"


def test_the_attendance_matrix_marks_each_meeting(window: MainWindow) -> None:
    tab = window.show_register("attendance")
    tab.year.setCurrentText(f"{date.today().year}年度")
    model = tab.table.model()
    meetings = model.columnCount() - 5  # 姓名, 党小组 … 应到, 实到, 出勤率
    assert model.rowCount() == len(tab.model.matrix.members) + 1
    marks = {
        model.index(r, c).data()
        for r in range(model.rowCount() - 1)
        for c in range(2, 2 + meetings)
    }
    assert marks and marks <= {"√", "假", "×", "列", ""}
