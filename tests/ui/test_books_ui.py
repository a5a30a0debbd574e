"""The books in the window: a meeting entered with its attendance, deletion and the recycle bin."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import member, type_chinese, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPushButton

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import people, queries, records
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.recycle_bin import RecycleBinDialog


def test_every_available_register_is_two_clicks_away(window: MainWindow) -> None:
    from liangxin_desktop.catalog.registers import available_registers

    for register in available_registers():
        tab = window.show_register(register.key)
        assert window.current_register_tab() is tab


def test_entering_a_meeting_with_attendance(qtbot, window: MainWindow, archive) -> None:
    tab = window.show_register("committee_meetings")
    seen: dict[str, object] = {}

    def act(dialog: RecordDialog) -> None:
        picker = dialog.sections[0]
        dialog.editors["kind"].input.setCurrentText("支委会")
        type_chinese(dialog.editors["topic"].input, "研究确定入党积极分子")
        qtbot.mouseClick(picker.findChild(QPushButton, "all_present"), Qt.MouseButton.LeftButton)
        picker.set_status("孙三", "请假")
        dialog.revalidate()
        seen["blocked"] = not dialog.save_button.isEnabled()
        seen["message"] = dialog.message.text()
        picker.set_status("孙三", "请假", "出差")
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    window.new_record()
    assert failures == []
    assert seen["blocked"] is True and "孙三请假，请填写请假原因" in str(seen["message"])
    assert tab.model.rowCount() == 1
    columns = [c.label for c in tab.model.columns]
    row = {label: tab.model.index(0, i).data() for i, label in enumerate(columns)}
    assert (row["应到"], row["实到"], row["类型"]) == ("3", "2", "支委会")


def test_delete_then_restore_from_the_recycle_bin(
    qtbot, window: MainWindow, archive, monkeypatch
) -> None:
    register = window.show_register("good_deeds").register
    deed_id = records.add_record(
        archive, register, {"deed_date": date.today(), "person": "赵一", "deed": "扶老人过马路"}
    )
    tab = window.register_tabs["good_deeds"]
    tab.refresh()
    tab.select_id(deed_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.delete_selected()
    assert tab.model.rowCount() == 0

    def act(dialog: RecycleBinDialog) -> None:
        dialog.table.selectRow(0)
        dialog.restore_selected()
        dialog.accept()

    failures = when_dialog_opens(qtbot, RecycleBinDialog, act)
    window.show_recycle_bin()
    assert failures == []
    assert tab.model.rowCount() == 1 and queries.list_ids(archive, register) == [deed_id]


def test_adopting_a_standard_rule(qtbot, window: MainWindow, archive, monkeypatch) -> None:
    tab = window.show_register("work_rules")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("党费收缴管理制度", True))
    failures = when_dialog_opens(qtbot, RecordDialog, lambda dialog: dialog.done(0))
    tab.adopt_standard()
    assert failures == []
    [rule] = list(archive.db.query("SELECT title, status, body FROM work_rules"))
    assert rule["title"] == "党费收缴管理制度" and rule["status"] == "现行有效"
    assert "0.5%" in rule["body"] or "0.5％" in rule["body"] or "百分之零点五" in rule["body"]


def test_search_across_registers_opens_the_hit(qtbot, window: MainWindow, archive) -> None:
    from liangxin_desktop.ui.search_dialog import SearchDialog

    register = window.register_tabs["incoming_documents"].register
    doc_id = records.add_record(
        archive, register, {"doc_date": "2020-05-01", "title": "关于做好党费收缴工作的通知"}
    )

    def act(dialog: SearchDialog) -> None:
        type_chinese(dialog.query, "党费收缴")
        dialog.run_search()
        assert any(h.register.key == "incoming_documents" for h in dialog.hits)
        row = next(i for i, h in enumerate(dialog.hits) if h.record_id == doc_id)
        dialog.results.setCurrentRow(row)
        dialog.results.itemActivated.emit(dialog.results.item(row))

    failures = when_dialog_opens(qtbot, SearchDialog, act)
    window.find_in_register()
    assert failures == []
    tab = window.current_register_tab()
    assert tab is window.register_tabs["incoming_documents"]
    assert tab.selected_id() == doc_id  # found although it is from another year


def test_an_applicant_becomes_a_probationary_member(
    qtbot, window: MainWindow, archive, monkeypatch
) -> None:
    from liangxin_desktop.storage import pipeline
    from liangxin_desktop.ui import step_dialog
    from liangxin_desktop.ui.step_dialog import StepDialog

    warned: list[str] = []

    def go_ahead(parent, warnings) -> bool:  # the clerk reads the warnings and clicks 仍然办理
        warned.append("\n".join(warnings))
        return True

    monkeypatch.setattr(step_dialog, "confirm_warnings", go_ahead)

    tab = window.show_register("activists")

    def register_applicant(dialog: RecordDialog) -> None:
        type_chinese(dialog.editors["name"].input, "周新")
        qtbot.keyClicks(dialog.editors["id_number"].input, "110105200001010016")
        qtbot.keyClicks(dialog.editors["applied_on"].input, "2024-03-01")
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, register_applicant)
    tab.add_record()
    assert failures == [] and tab.model.rowCount() == 1
    person_id = tab.model.id_at(0)
    tab.select_id(person_id)
    for action, day in (
        ("activist", "2024-05-10"),
        ("candidate", "2025-06-01"),
        ("admitted", "2025-07-01"),
    ):

        def answer(dialog: StepDialog, day: str = day) -> None:
            dialog.day.input.clear()
            qtbot.keyClicks(dialog.day.input, day)
            dialog.accept()

        failures = when_dialog_opens(qtbot, StepDialog, answer)
        tab.select_id(person_id)
        tab.run_step(action)
        assert failures == []
    assert tab.model.rowCount() == 0
    assert "集中培训" in warned[-1]  # before recording, the 细则's expectations were shown
    roster = window.show_register("members")  # no manual refresh: the change shows in the roster
    assert roster.model.row_of(person_id) >= 0
    assert pipeline.get_applicant(archive, person_id)["admitted_on"] == "2025-07-01"


def test_a_mobile_member_card_with_a_follow_up(qtbot, window: MainWindow, archive) -> None:
    from liangxin_desktop.storage import mobile

    tab = window.show_register("mobile_members")
    away = (date.today().replace(day=1)).isoformat()

    def fill(dialog: RecordDialog) -> None:
        type_chinese(dialog.editors["name"].input, "王秀英")
        qtbot.keyClicks(dialog.editors["id_number"].input, "11010519491231002X")
        qtbot.keyClicks(dialog.editors["away_on"].input, away)
        entries = dialog.sections[0]
        qtbot.mouseClick(
            entries.findChildren(QPushButton)[0], Qt.MouseButton.LeftButton
        )  # 增加一条
        from PySide6.QtWidgets import QTableWidgetItem

        for column, text in enumerate((away, "联系", "电话联系，了解工作情况")):
            entries.table.setItem(0, column, QTableWidgetItem(text))
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, fill)
    tab.add_record()
    assert failures == [] and tab.model.rowCount() == 1
    assert mobile.entries_of(archive, tab.model.id_at(0))[0]["content"] == "电话联系，了解工作情况"


def _is_red(color) -> bool:
    return color.red() > 150 and color.blue() < 100


def _is_blue(color) -> bool:
    return color.blue() > 150 and color.red() < 100


def test_importing_a_photo(qtbot, window: MainWindow, archive, tmp_path, monkeypatch) -> None:
    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "合影.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = "2026:07:01 09:30:00"
    picture = Image.new("RGB", (3000, 2000), (200, 40, 40))  # red on the left, blue on the right
    picture.paste((40, 40, 200), (1500, 0, 3000, 2000))
    picture.save(source, "JPEG", exif=exif)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    tab = window.show_register("photo_album")
    tab.year.setCurrentText("2026年度")
    shown: list[tuple[int, int]] = []

    def describe(dialog: RecordDialog) -> None:
        preview = dialog.findChild(QLabel, "photo_preview").pixmap()
        shown.append((preview.width(), preview.height()))  # the photo being described
        type_chinese(dialog.editors["title"].input, "七一主题党日合影")
        dialog.revalidate()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, describe)
    tab.add_record()
    assert failures == [] and tab.model.rowCount() == 1
    assert shown == [(420, 280)]  # 3000 x 2000 fitted into 420 x 300
    row = records.get_record(archive, tab.register, tab.model.id_at(0))
    assert (row["file_date"], row["width"], row["title"]) == (
        "2026-07-01",
        2400,
        "七一主题党日合影",
    )
    # the list shows the photo itself: 2400 x 1600 fitted into 64 (x 42.7, Qt cuts to 42)
    thumbnail = tab.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).toImage()
    assert (thumbnail.width(), thumbnail.height()) == (64, 42)
    assert _is_red(thumbnail.pixelColor(8, 20)) and _is_blue(thumbnail.pixelColor(56, 20))
    assert tab.table.rowHeight(0) >= 64 and tab.table.iconSize().width() == 64

    def look(dialog: RecordDialog) -> None:
        image = dialog.findChild(QLabel, "photo_preview").pixmap().toImage()
        shown.append((image.width(), image.height()))
        assert _is_red(image.pixelColor(30, 140)) and _is_blue(image.pixelColor(390, 140))
        dialog.done(0)

    failures = when_dialog_opens(qtbot, RecordDialog, look)
    tab.table.selectRow(0)
    tab.edit_selected()
    assert failures == [] and shown[-1] == (420, 280)  # the stored photo, in its form


def test_six_month_list_is_shown_and_printed(
    qtbot, window: MainWindow, archive, tmp_path, monkeypatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from liangxin_desktop.storage import meetings
    from liangxin_desktop.ui.six_month_dialog import SixMonthDialog

    ids = [r[0] for r in archive.db.execute("SELECT id FROM people ORDER BY id")]
    register = window.register_tabs["org_life"].register
    today = date.today()
    for back in range(1, 8):  # 孙三 absent for the last seven complete months
        first = today.replace(day=1)
        month = date(
            first.year - (1 if first.month - back <= 0 else 0),
            (first.month - back - 1) % 12 + 1,
            20,
        )
        meetings.save_meeting(
            archive,
            register,
            {"meeting_date": month, "kind": "主题党日", "topic": "主题党日"},
            [meetings.Attendance(ids[0], "出席"), meetings.Attendance(ids[2], "缺席")],
        )
    target = tmp_path / "清单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def act(dialog: SixMonthDialog) -> None:
        shown = dialog.table.model()
        rows = {shown.index(r, 0).data(): r for r in range(shown.rowCount())}
        # all three owe dues not yet assessed (未核定 months count); 孙三 also missed 7 months
        assert set(rows) == {"赵一", "钱二", "孙三"}
        assert shown.index(rows["孙三"], 2).data() == "7"
        assert shown.index(rows["赵一"], 2).data() == "0"
        assert shown.index(rows["孙三"], 4).data() == "已满6个月"
        header = dialog.table.horizontalHeader()
        for column in range(shown.columnCount()):  # every header readable in full
            label = shown.headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(label)
        dialog.print_list()
        dialog.reject()

    failures = when_dialog_opens(qtbot, SixMonthDialog, act)
    SixMonthDialog.ask(window, archive)
    assert failures == []
    text = PdfReader(target).pages[0].extract_text()
    assert "党员连续六个月情况提示清单" in text and "孙三" in text


PLAIN_BOOKS = {
    "good_deeds": {"deed_date": "2026-03-05", "person": "赵一", "deed": "雨夜抢修设备保障订单交付"},
    "incoming_documents": {"doc_date": "2026-02-01", "title": "关于做好年度党员教育培训工作的通知"},
    "outgoing_documents": {"doc_date": "2026-02-03", "title": "关于表扬优秀共产党员的决定"},
    "work_rules": {"title": "党员活动室管理制度", "status": "现行有效"},
}


@pytest.mark.parametrize("key", list(PLAIN_BOOKS))
def test_typing_a_record_into_a_book_shows_it_everywhere(
    qtbot, window: MainWindow, archive, tmp_path, key
) -> None:
    import openpyxl
    from pypdf import PdfReader
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    from liangxin_desktop.output.excel import export_workbook
    from liangxin_desktop.output.pdf.books import print_registers

    tab = window.show_register(key)
    if hasattr(tab, "year"):
        tab.year.setCurrentText("2026年度")
    values = PLAIN_BOOKS[key]

    def fill(dialog: RecordDialog) -> None:
        for field_key, text in values.items():
            widget = dialog.editors[field_key].input
            if isinstance(widget, QComboBox):
                widget.setCurrentText(text)
            elif text.isascii():
                qtbot.keyClicks(widget, text)
            else:
                assert isinstance(widget, QLineEdit | QPlainTextEdit)
                type_chinese(widget, text)
        dialog.revalidate()
        assert dialog.save_button.isEnabled(), dialog.message.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    failures = when_dialog_opens(qtbot, RecordDialog, fill)
    tab.add_record()
    assert failures == [] and tab.model.rowCount() == 1
    longest = max(values.values(), key=len)
    shown = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert longest in shown
    filters = queries.RowFilter(year=2026)
    book = openpyxl.load_workbook(
        export_workbook(archive, [tab.register], tmp_path / "b.xlsx", row_filter=filters)
    )
    assert longest in [c.value for c in book[tab.register.title][2]]
    pdf = print_registers(archive, [tab.register], tmp_path / "b.pdf", row_filter=filters)
    assert longest[:8] in PdfReader(pdf).pages[-1].extract_text().replace("\n", "")


def test_a_refused_step_keeps_the_dialog_open(qtbot, window: MainWindow, archive) -> None:
    from liangxin_desktop.storage import pipeline
    from liangxin_desktop.ui.step_dialog import StepDialog

    person_id = pipeline.add_applicant(
        archive, {"name": "周新", "id_number": "110105200001010016", "applied_on": "2024-03-01"}
    )
    tab = window.show_register("activists")
    tab.reload_view()
    tab.select_id(person_id)
    seen: dict[str, object] = {}

    def act(dialog: StepDialog) -> None:
        dialog.text.setText(" ")  # no reason given
        dialog.accept()
        seen["open"], seen["error"] = dialog.isVisible(), dialog.error.text()
        dialog.text.setText("本人撤回申请")
        dialog.accept()

    failures = when_dialog_opens(qtbot, StepDialog, act)
    tab.run_step("disqualified")
    assert failures == []
    assert seen["open"] is True and "原因" in str(seen["error"])
    assert tab.model.rowCount() == 0  # the second try went through


def test_the_attendance_list_follows_the_meeting_date(qtbot, window: MainWindow, archive) -> None:
    people.add_member(
        archive,
        member(
            name="新党员",
            id_number=fictional_id_number("330106", date(1990, 1, 1), 7),
            joined_on=date.today().isoformat(),
            converted_on=None,
            member_category="预备党员",
        ),
    )
    window.show_register("committee_meetings")
    seen: dict[str, list[str]] = {}

    def act(dialog: RecordDialog) -> None:
        picker = dialog.sections[0]
        seen["today"] = [p["name"] for p in picker.people]
        qtbot.mouseClick(picker.findChild(QPushButton, "all_present"), Qt.MouseButton.LeftButton)
        dialog.editors["meeting_date"].input.setText("2020-05-08")
        dialog.revalidate()
        seen["then"] = [p["name"] for p in picker.people]
        seen["kept"] = [str(len(picker.entries()))]
        dialog.done(0)

    failures = when_dialog_opens(qtbot, RecordDialog, act)
    window.new_record()
    assert failures == []
    assert "新党员" in seen["today"] and "新党员" not in seen["then"]
    assert seen["kept"] == ["3"]  # the three who were members then keep their 出席
