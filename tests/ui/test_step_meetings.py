"""The clerk records development steps at their meetings and picks sponsors and mentors from the
roster: the step dialog offers the 支委会/支部党员大会 near the date or makes the record (with the
大会's vote), and the meeting's form lists what was decided there."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from helpers import add_members, member, when_dialog_opens
from PySide6.QtWidgets import QLabel

from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import meetings, organization, people, pipeline
from liangxin_desktop.ui import record_dialog, step_dialog
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.person_picker import PeoplePicker, PersonPicker
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.step_dialog import NEW_MEETING, StepDialog

FULL = ["赵一", "钱二", "孙三", "李四"]
TODAY = date(2026, 11, 28)


@pytest.fixture
def window(qtbot, archive) -> MainWindow:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    add_members(archive, FULL)
    people.add_member(
        archive,
        member(
            name="周预备",
            id_number=fictional_id_number("330106", date(1990, 1, 1), 9),
            member_category="预备党员",
            joined_on="2025-01-10",
            converted_on=None,
        ),
    )
    make_application()
    shown = MainWindow(archive, today=TODAY, fixed_day=True)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def go_ahead(monkeypatch) -> list[str]:
    """The clerk reads the warnings of the 细则 and clicks 仍然办理 (they are listed here)."""
    seen: list[str] = []

    def answer(parent: Any, warnings: Any, *args: Any) -> bool:
        seen.extend(warnings)
        return True

    monkeypatch.setattr(step_dialog, "confirm_warnings", answer)
    monkeypatch.setattr(record_dialog, "confirm_warnings", answer)
    return seen


def _meeting(archive, kind: str, day: str, topic: str) -> int:
    raw = {"meeting_date": day, "kind": kind, "topic": topic}
    return meetings.save_meeting(archive, COMMITTEE_MEETINGS, raw, [])


def _applicant(archive, **extra: Any) -> int:
    values = {"name": "李明", "id_number": "110105200001010016", "applied_on": "2024-03-01"}
    return pipeline.add_applicant(archive, dict(values, **extra))


def _candidate(archive, sponsors: str) -> int:
    person_id = _applicant(archive, sponsors=sponsors)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "赵一")
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1))
    return person_id


def _select(window: MainWindow, person_id: int) -> Any:
    tab = window.show_register("activists")
    tab.reload_view()
    tab.select_id(person_id)
    return tab


def _decisions_shown(qtbot, window: MainWindow, meeting_id: int) -> str:
    """Open the meeting in the 党组织会议记录簿 and read its list of decisions."""
    tab = window.reveal_record("committee_meetings", meeting_id)
    seen: dict[str, str] = {}

    def read(dialog: RecordDialog) -> None:
        shown = dialog.findChild(QLabel, "meeting_decisions")
        seen["text"] = shown.text() if shown is not None and shown.isVisibleTo(dialog) else ""
        dialog.reject()

    failures = when_dialog_opens(qtbot, RecordDialog, read)
    tab.edit_selected()
    assert failures == []
    return seen["text"]


def test_the_activist_step_is_tied_to_the_committee_meeting_near_it(
    qtbot, window: MainWindow, archive, go_ahead
) -> None:
    near = _meeting(archive, "支委会", "2024-05-08", "研究发展党员工作")
    _meeting(archive, "支部党员大会", "2024-05-09", "学习党章")  # not the deciding kind
    _meeting(archive, "支委会", "2024-08-01", "研究党费收缴")  # 83 days later: not offered
    person_id = _applicant(archive)
    tab = _select(window, person_id)
    seen: dict[str, Any] = {}

    def act(dialog: StepDialog) -> None:
        dialog.day.set_value("2024-05-08")  # the date of a 支委会: that meeting is picked
        seen["picked by date"] = dialog.meeting.currentData()
        dialog.day.set_value("2024-05-10")  # another date: no longer that meeting
        combo = dialog.meeting
        seen["after"] = combo.currentText()
        seen["offered"] = [combo.itemText(i) for i in range(combo.count())]
        combo.setCurrentIndex(1)  # the clerk picks the 支委会 of 5月8日
        seen["day"] = dialog.day.value()
        picker = dialog.extra["mentors"].input
        assert isinstance(picker, PeoplePicker)
        first = picker.pickers[0]
        seen["mentors offered"] = [first.itemText(i) for i in range(1, first.count())]
        first.setCurrentIndex(first.findText("钱二"))
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, act)
    tab.run_step("activist")
    assert failures == []
    assert seen["offered"] == [
        "（不关联会议记录）",
        "2024-05-08 支委会：研究发展党员工作",
        "新建支委会会议记录（日期同上）",
    ]
    assert seen["picked by date"] == near and seen["after"] == "（不关联会议记录）"
    assert seen["day"] == "2024-05-08"  # the step is dated by the meeting that decided it
    assert seen["mentors offered"] == FULL  # 正式党员 only: not the 预备党员
    person = pipeline.get_applicant(archive, person_id)
    assert (person["activist_on"], person["mentors"]) == ("2024-05-08", "钱二")
    assert _decisions_shown(qtbot, window, near) == "1. 确定为入党积极分子：李明"


def test_admission_at_a_new_branch_meeting_with_its_vote(
    qtbot, window: MainWindow, archive, go_ahead
) -> None:
    person_id = _candidate(archive, "赵一、钱二")
    tab = _select(window, person_id)
    seen: dict[str, Any] = {}

    def act(dialog: StepDialog) -> None:
        dialog.day.set_value("2025-07-01")
        seen["hidden"] = not dialog.vote_box.isVisibleTo(dialog)
        dialog.meeting.setCurrentIndex(dialog.meeting.findData(NEW_MEETING))
        seen["shown"] = dialog.vote_box.isVisibleTo(dialog)
        seen["entitled"] = dialog.vote["vote_eligible"].value()  # 4 正式党员, not 周预备
        for key, value in (("vote_present", "3"), ("vote_written", "1"), ("vote_yes", "2")):
            dialog.vote[key].set_value(value)
        dialog.accept()  # 2 of 4 is not more than half: refused, the dialog stays open
        seen["refused"] = (dialog.isVisible(), dialog.error.text())
        seen["meetings"] = archive.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        dialog.vote["vote_yes"].set_value("4")  # 3 present + 1 written opinion
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, act)
    tab.run_step("admitted")
    assert failures == []
    assert seen["hidden"] and seen["shown"] and seen["entitled"] == "4"
    assert seen["refused"][0] is True and "未通过" in seen["refused"][1]
    assert seen["meetings"] == 0  # the refused try left no meeting record behind
    assert people.get_person(archive, person_id)["member_category"] == "预备党员"
    [meeting] = archive.db.query("SELECT * FROM meetings")
    assert (meeting["kind"], meeting["meeting_date"], meeting["topic"]) == (
        "支部党员大会",
        "2025-07-01",
        "讨论接收李明为预备党员",
    )
    assert [meeting[f"vote_{k}"] for k in ("eligible", "present", "written", "yes")] == [4, 3, 1, 4]
    assert "1. 接收为预备党员：李明" in _decisions_shown(qtbot, window, meeting["id"])


def test_sponsors_are_picked_and_a_probationary_one_is_refused(
    qtbot, window: MainWindow, archive, go_ahead
) -> None:
    person_id = _candidate(archive, "")
    tab = _select(window, person_id)

    def pick(dialog: RecordDialog) -> None:
        picker = dialog.editors["sponsors"].input
        assert isinstance(picker, PeoplePicker) and len(picker.pickers) == 2
        first, second = picker.pickers
        first.setCurrentIndex(first.findText("赵一"))
        assert second.findText("周预备") < 0  # only 正式党员 are offered
        second.setEditText("周预备")  # the clerk types the name anyway
        dialog.accept()

    failures = when_dialog_opens(qtbot, RecordDialog, pick)
    tab.edit_selected()
    assert failures == []
    assert pipeline.get_applicant(archive, person_id)["sponsors"] == "赵一、周预备"
    assert "入党介绍人“周预备”是预备党员。入党介绍人必须是正式党员。" in go_ahead  # asked on saving
    seen: dict[str, Any] = {}

    def admit(dialog: StepDialog) -> None:
        dialog.day.set_value("2025-07-01")
        dialog.accept()
        seen["open"], seen["error"] = dialog.isVisible(), dialog.error.text()
        dialog.reject()

    failures = when_dialog_opens(qtbot, StepDialog, admit)
    tab.select_id(person_id)
    tab.run_step("admitted")
    assert failures == []
    assert seen["open"] is True
    assert "入党介绍人“周预备”是预备党员" in seen["error"]
    assert pipeline.get_applicant(archive, person_id)["stage"] == "candidate"


def test_conversion_at_a_new_branch_meeting(qtbot, window: MainWindow, archive, go_ahead) -> None:
    """The 转正 of 周预备 (预备期 ended 2026-01-10), voted by a 大会 a few days later."""
    person_id = _ids(archive)["周预备"]
    roster = window.show_register("members")
    roster.reload_view()
    roster.select_id(person_id)

    def act(dialog: StepDialog) -> None:
        dialog.day.set_value("2026-01-15")
        dialog.meeting.setCurrentIndex(dialog.meeting.findData(NEW_MEETING))
        assert dialog.vote["vote_eligible"].value() == "4"  # 周预备 has no vote
        for key in ("vote_present", "vote_yes"):
            dialog.vote[key].set_value("4")
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, act)
    roster.convert_selected()
    assert failures == []
    converted = people.get_person(archive, person_id)
    assert (converted["member_category"], converted["converted_on"]) == ("正式党员", "2026-01-10")
    [meeting] = archive.db.query("SELECT * FROM meetings")
    assert (meeting["meeting_date"], meeting["topic"]) == (
        "2026-01-15",
        "讨论周预备按期转为正式党员",
    )
    assert _decisions_shown(qtbot, window, meeting["id"]) == "1. 支部大会讨论转正：周预备"


def _ids(archive) -> dict[str, int]:
    return {r["name"]: r["id"] for r in archive.db.query("SELECT id, name FROM people")}


def test_three_mentors_stored_are_all_shown(qtbot) -> None:
    """An old record naming three 培养联系人 keeps all three (the count rule says what is wrong)."""
    make_application()
    picker = PeoplePicker(2, [{"id": 1, "name": "赵一"}])
    qtbot.addWidget(picker)
    picker.set_text("赵一、钱二、孙三")
    assert len(picker.pickers) == 3 and picker.text() == "赵一、钱二、孙三"
    assert isinstance(picker.pickers[0], PersonPicker) and picker.pickers[0].person_id() == 1
    picker.set_text("钱二")
    assert picker.text() == "钱二" and picker.pickers[0].person_id() is None  # an outsider
