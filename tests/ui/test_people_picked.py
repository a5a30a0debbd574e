"""People are picked, not retyped: 主持人/记录人, attendance many at once, expected by kind, warnings."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from helpers import LONG_WAIT_MS, member, type_chinese, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPushButton

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import organization, people
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.attendance_section import AttendancePicker
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.person_picker import PersonPicker
from liangxin_desktop.ui.record_dialog import RecordDialog

FIRST = ["赵一", "钱二", "孙三", "李四", "周五", "吴六"]
SECOND = ["郑七", "王八", "冯九", "陈十", "褚明", "卫红"]


@pytest.fixture
def window(qtbot, archive) -> MainWindow:
    ids = {}
    for index, name in enumerate(FIRST + SECOND):
        ids[name] = people.add_member(
            archive,
            member(
                name=name,
                id_number=fictional_id_number("330106", date(1980, 1, 1), index),
                joined_on="2005-07-01",
                converted_on="2006-07-01",
                unit="第一党小组" if name in FIRST else "第二党小组",
            ),
        )
    committee = [  # 赵一 linked by id; 郑七 only by name (as elections and old archives store it)
        {"name": "赵一", "post": "书记", "start_on": "2024-01-01", "person_id": ids["赵一"]},
        {"name": "郑七", "post": "委员", "start_on": "2024-01-01"},
    ]
    organization.save_profile(
        archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"}, committee
    )
    make_application()
    shown = MainWindow(archive)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _meeting(qtbot, window: MainWindow, book: str, act: Any) -> list[str]:
    window.show_register(book)
    failures = when_dialog_opens(qtbot, RecordDialog, act)
    window.new_record()
    return failures


def _start(dialog: RecordDialog, kind: str) -> AttendancePicker:
    dialog.editors["kind"].input.setCurrentText(kind)
    type_chinese(dialog.editors["topic"].input, "学习党章")
    dialog.revalidate()
    picker = dialog.sections[0]
    assert isinstance(picker, AttendancePicker)
    return picker


def _statuses(archive) -> dict[str, tuple[str, str]]:
    rows = archive.db.execute(
        "SELECT p.name, a.status, coalesce(a.reason, '') FROM meeting_attendance a "
        "JOIN people p ON p.id = a.person_id"
    )
    return {name: (status, reason) for name, status, reason in rows}


def _answer(qtbot, button: str, seen: list[str]) -> list[str]:
    def press(box: QMessageBox) -> None:
        seen.append(box.informativeText())
        for candidate in box.buttons():
            if candidate.text() == button:
                qtbot.mouseClick(candidate, Qt.MouseButton.LeftButton)
                return

    return when_dialog_opens(qtbot, QMessageBox, press)


def test_host_picked_from_the_list_and_an_outsider_typed_as_recorder(
    qtbot, window, archive
) -> None:
    seen: dict[str, Any] = {}

    def act(dialog: RecordDialog) -> None:
        _start(dialog, "支部党员大会")
        host = dialog.editors["host"].input
        assert isinstance(host, PersonPicker)
        host.showPopup()
        view = host.view()
        row = host.findText("钱二")
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.visualRect(view.model().index(row, 0)).center(),
        )
        seen["host_id"] = host.person_id()
        recorder = dialog.editors["recorder"].input
        assert isinstance(recorder, PersonPicker)
        recorder.completer().setCompletionPrefix("红")  # completion finds a part of the name
        seen["completion"] = recorder.completer().currentCompletion()
        type_chinese(recorder.lineEdit(), "街道党工委李明")
        seen["recorder_id"] = recorder.person_id()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = _meeting(qtbot, window, "committee_meetings", act)
    assert failures == []
    qtbot.waitUntil(lambda: archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0])
    row = archive.db.execute("SELECT host, recorder FROM meetings").fetchone()
    assert tuple(row) == ("钱二", "街道党工委李明")
    qid = archive.db.execute("SELECT id FROM people WHERE name = '钱二'").fetchone()[0]
    assert seen == {"host_id": qid, "completion": "卫红", "recorder_id": None}


def test_five_rows_set_to_leave_at_once_with_a_reason(qtbot, window, archive) -> None:
    seen: dict[str, Any] = {}

    def act(dialog: RecordDialog) -> None:
        picker = _start(dialog, "支部党员大会")  # everyone expected, set to 出席
        table = picker.table
        seen["rows_in_sight"] = table.viewport().height() // table.rowHeight(0)
        for row in range(5):
            center = table.visualRect(table.model().index(row, 0)).center()
            table.scrollTo(table.model().index(row, 0))
            qtbot.mouseClick(
                table.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.ControlModifier,
                center,
            )
        seen["selected"] = picker.selected.text()
        type_chinese(picker.findChild(QLineEdit, "bulk_reason"), "外出培训")
        qtbot.mouseClick(picker.findChild(QPushButton, "set_请假"), Qt.MouseButton.LeftButton)
        seen["summary"] = picker.summary.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert _meeting(qtbot, window, "committee_meetings", act) == []
    qtbot.waitUntil(lambda: len(_statuses(archive)) == 12, timeout=LONG_WAIT_MS)
    statuses = _statuses(archive)
    assert {n for n, s in statuses.items() if s == ("请假", "外出培训")} == set(FIRST[:5])
    assert {n for n, s in statuses.items() if s == ("出席", "")} == {FIRST[5], *SECOND}
    assert seen["selected"] == "已选 5 人，设为："
    assert seen["summary"] == "应到 12 人，实到 7 人"
    assert seen["rows_in_sight"] >= 10  # the form at 1366×768 shows 10+ people at a time


def test_a_whole_group_picked_for_its_group_meeting(qtbot, window, archive) -> None:
    seen: dict[str, Any] = {}

    def act(dialog: RecordDialog) -> None:
        picker = _start(dialog, "党小组会")
        seen["before"] = len(picker.entries())  # no group chosen yet: nobody assumed
        group = picker.findChild(QComboBox, "select_group")
        group.setCurrentIndex(group.findText("第二党小组"))
        group.activated.emit(group.currentIndex())
        seen["selected"] = [picker.people[r]["name"] for r in picker.selected_rows()]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert _meeting(qtbot, window, "org_life", act) == []
    qtbot.waitUntil(lambda: len(_statuses(archive)) == 6, timeout=LONG_WAIT_MS)
    assert seen == {"before": 0, "selected": SECOND}
    assert _statuses(archive) == {name: ("出席", "") for name in SECOND}


def test_a_committee_meeting_expects_only_the_committee(qtbot, window, archive) -> None:
    def act(dialog: RecordDialog) -> None:
        _start(dialog, "支委会")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert _meeting(qtbot, window, "committee_meetings", act) == []
    qtbot.waitUntil(lambda: len(_statuses(archive)) == 2, timeout=LONG_WAIT_MS)
    assert _statuses(archive) == {"赵一": ("出席", ""), "郑七": ("出席", "")}


def test_a_meeting_with_nobody_present_is_warned_before_saving(qtbot, window, archive) -> None:
    seen: list[str] = []
    state: dict[str, Any] = {}

    def act(dialog: RecordDialog) -> None:
        _start(dialog, "支委会")
        qtbot.mouseClick(dialog.findChild(QPushButton, "set_none"), Qt.MouseButton.LeftButton)
        dialog.sections[0].table.selectAll()
        qtbot.mouseClick(dialog.findChild(QPushButton, "set_none"), Qt.MouseButton.LeftButton)
        state["back"] = _answer(qtbot, "返回修改", seen)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        state["still_open"] = dialog.isVisible()
        state["saved_then"] = archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        state["go"] = _answer(qtbot, "仍然保存", seen)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert _meeting(qtbot, window, "committee_meetings", act) == []
    qtbot.waitUntil(lambda: archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0])
    assert state["still_open"] is True and state["saved_then"] == 0
    assert state["back"] == [] and state["go"] == []
    assert len(seen) == 2 and all("实到 0 人" in text for text in seen)
    assert _statuses(archive) == {}


def test_vote_counts_prefilled_and_a_short_sum_warned(qtbot, window, archive) -> None:
    seen: list[str] = []
    state: dict[str, Any] = {}

    def act(dialog: RecordDialog) -> None:
        _start(dialog, "支部党员大会")
        dialog.editors["vote_held"].input.setChecked(True)
        state["prefilled"] = [
            dialog.editors[k].value() for k in ("vote_eligible", "vote_present", "vote_yes")
        ]
        dialog.editors["vote_yes"].set_value(10)
        dialog.editors["vote_no"].set_value(1)
        state["back"] = _answer(qtbot, "返回修改", seen)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        state["saved_then"] = archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        dialog.editors["vote_abstain"].set_value(1)  # 10 + 1 + 1 = the 12 present: no warning
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert _meeting(qtbot, window, "committee_meetings", act) == []
    qtbot.waitUntil(lambda: archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0])
    assert state["prefilled"] == ["12", "12", "12"] and state["saved_then"] == 0
    assert len(seen) == 1 and "合计 11 票，少于实到会有表决权的 12 人" in seen[0]
    row = archive.db.execute("SELECT vote_yes, vote_no, vote_abstain FROM meetings").fetchone()
    assert tuple(row) == (10, 1, 1)


def test_the_attendance_fits_the_form_on_a_1366_screen_and_shows_whole_groups(
    qtbot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QScrollArea

    seen: dict[str, Any] = {}

    def look(dialog: RecordDialog) -> None:
        picker = _start(dialog, "支部党员大会")
        scroll = dialog.findChild(QScrollArea)
        seen["room"] = scroll.viewport().width()
        seen["needed"] = scroll.widget().minimumSizeHint().width()  # no sideways scrolling
        metrics = picker.table.fontMetrics()
        seen["group"] = (picker.table.columnWidth(2), metrics.horizontalAdvance("第一党小组"))
        seen["category"] = (
            picker.table.columnWidth(1),
            metrics.horizontalAdvance("正式党员（委员）"),
        )
        reason = picker.findChild(QLineEdit, "bulk_reason")
        seen["reason"] = (
            reason.width(),
            reason.fontMetrics().horizontalAdvance("请假原因（设为请假时填入）"),
        )
        dialog.done(0)

    failures = _meeting(qtbot, window, "committee_meetings", look)
    assert failures == []
    assert seen["needed"] <= seen["room"]
    for shown, text in (seen["group"], seen["category"], seen["reason"]):
        assert shown >= text
