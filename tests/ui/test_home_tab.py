"""The 首页 as the clerk uses it: what is due on opening, settling an item in one or two clicks."""

from __future__ import annotations

from datetime import date

from helpers import member, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from liangxin_desktop import __version__
from liangxin_desktop.storage import organization, people
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.step_dialog import StepDialog

TODAY = date(2026, 12, 28)


def _window(qtbot, archive: Archive) -> MainWindow:
    make_application()
    shown = MainWindow(archive, today=TODAY, fixed_day=True)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.home_tab.heading.text().endswith("正在检查……")  # off the UI thread
    qtbot.waitUntil(lambda: not shown.home_tab.loading)
    return shown


def _archive_with_a_probationer(archive: Archive) -> int:
    organization.save_profile(
        archive,
        {"name": "中共测试有限公司支部委员会", "kind": "党支部", "term_end": "2030-01-01"},
        haves=[
            {"item": item, "done": 1}
            for item in ("党员活动室", "挂牌", "党旗党徽", "制度上墙", "设备", "党员学习资料")
        ],
        today=date(2026, 1, 1),
    )
    return people.add_member(
        archive,
        member(
            name="陈国栋",
            id_number="110105199005010018",
            member_category="预备党员",
            joined_on="2025-12-20",
            converted_on=None,
        ),
        today=date(2026, 1, 1),
    )


def _row_of(window: MainWindow, kind: str) -> int:
    return next(i for i, item in enumerate(window.home_tab.items) if item.kind == kind)


def test_opening_shows_what_is_due_and_a_conversion_settles_it(qtbot, archive: Archive) -> None:
    _archive_with_a_probationer(archive)
    window = _window(qtbot, archive)
    assert window.tabs.currentWidget() is window.home_tab
    assert window.windowTitle().endswith(f"（按2026年12月28日） — 两新党建台账 {__version__}")
    home = window.home_tab
    row = _row_of(window, "probation")
    assert home.table.item(row, 0).text() == "逾期"
    assert "陈国栋的预备期已于2026年12月20日期满" in home.table.item(row, 1).text()
    overdue = home.overdue_count()  # 预备期, dues never assessed, no 三会一课 recorded at all
    assert overdue == sum(1 for item in home.items if item.urgency.value == "逾期") > 2
    assert window.tabs.tabText(0).startswith(
        "首页（待办"
    ) and f"逾期 {overdue}）" in window.tabs.tabText(0)
    assert window.status.text().startswith(f"逾期待办 {overdue} 项")
    home.table.selectRow(row)

    def convert(dialog: QDialog) -> None:
        assert dialog.day.value() == "2026-12-20"  # the end of the 预备期 is offered
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, convert)
    qtbot.mouseClick(home.open_button, Qt.MouseButton.LeftButton)
    assert failures == []
    assert people.member_counts(archive)["full"] == 1
    assert window.current_register_tab() is window.roster_tab  # the roster, 陈国栋 selected
    window.tabs.setCurrentWidget(home)
    qtbot.waitUntil(lambda: "probation" not in {item.kind for item in home.items})
    # the 转正 also ends the 党委审批 reminder (a 正式党员 now): both items go
    assert "approval" not in {item.kind for item in home.items}
    assert f"逾期 {overdue - 2}）" in window.tabs.tabText(0)


def test_snoozing_from_the_home_tab(qtbot, archive: Archive) -> None:
    _archive_with_a_probationer(archive)
    window = _window(qtbot, archive)
    home = window.home_tab
    home.table.selectRow(_row_of(window, "political_birthday"))
    assert home.done_button.isEnabled()

    def snooze(dialog: QDialog) -> None:
        dialog.day.set_value("2027-01-05")
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, snooze)
    qtbot.mouseClick(home.snooze_button, Qt.MouseButton.LeftButton)
    assert failures == []
    qtbot.waitUntil(lambda: "political_birthday" not in {item.kind for item in home.items})
    home.table.selectRow(_row_of(window, "probation"))
    assert not home.done_button.isEnabled()  # only a 转正 settles a 预备期


def test_an_overdue_approval_is_settled_in_the_approval_dialog(qtbot, archive: Archive) -> None:
    _archive_with_a_probationer(archive)
    person_id = people.add_member(
        archive,
        member(name="杜俊", id_number="110105199106020020", member_category="预备党员",
               joined_on="2026-09-01", converted_on=None),
        today=date(2026, 9, 1),
    )  # fmt: skip
    window = _window(qtbot, archive)
    home = window.home_tab
    row = next(
        i for i, item in enumerate(home.items) if item.kind == "approval" and item.person == "杜俊"
    )
    assert home.table.item(row, 0).text() == "逾期"
    assert "还没有登记上级党委审批" in home.table.item(row, 1).text()
    home.table.selectRow(row)

    def approve(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "上级党委审批"
        assert any("“杜俊”" in label.text() for label in dialog.findChildren(QLabel))
        dialog.day.set_value("2026-11-30")
        dialog.extra["body"].set_value("中共某区综合委员会")
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, approve)
    qtbot.mouseClick(home.open_button, Qt.MouseButton.LeftButton)
    assert failures == []
    assert people.get_person(archive, person_id)["approved_on"] == "2026-11-30"
    window.tabs.setCurrentWidget(home)
    qtbot.waitUntil(lambda: all(i.person != "杜俊" or i.kind != "approval" for i in home.items))


def test_with_a_fixed_today_a_new_meeting_is_dated_that_day(qtbot, archive: Archive) -> None:
    from liangxin_desktop import clock
    from liangxin_desktop.ui.record_dialog import RecordDialog

    clock.fix_today(date(2025, 12, 31))  # as ``main.py --today 2025-12-31`` does
    _archive_with_a_probationer(archive)
    window = _window(qtbot, archive)
    tab = window.show_register("org_life")
    seen: list[str] = []

    def look(dialog: RecordDialog) -> None:
        seen.append(str(dialog.editors["meeting_date"].value()))
        dialog.done(0)

    failures = when_dialog_opens(qtbot, RecordDialog, look)
    tab.open_form(None)
    assert failures == [] and seen == ["2025-12-31"]
