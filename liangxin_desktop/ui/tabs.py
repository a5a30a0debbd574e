"""Which tab each register gets: the roster, a meeting book, the rules book, or a plain book."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from liangxin_desktop import clock
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import files, mobile, records, rules
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.activists_tab import ActivistsTab
from liangxin_desktop.ui.attendance_tab import AttendanceTab
from liangxin_desktop.ui.dues_tab import DuesTab
from liangxin_desktop.ui.file_dialogs import ask_open, ask_save
from liangxin_desktop.ui.meeting_form import ask_meeting
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.register_tab import BookTab, RegisterTab
from liangxin_desktop.ui.review_dialog import ReviewDialog
from liangxin_desktop.ui.roster_tab import RosterTab
from liangxin_desktop.ui.rows_section import RowsSection
from liangxin_desktop.ui.study_hours_dialog import StudyHoursDialog


class MeetingTab(BookTab):
    """A meeting-like book: the meeting form with attendance and resolutions."""

    def add_actions(self) -> None:
        super().add_actions()
        if self.register.key == "org_life":
            review = QPushButton("民主评议结果…")
            review.setObjectName("review_results")
            review.setToolTip("选中一次“民主评议党员”记录，登记每名党员的评议结果")
            review.clicked.connect(self.record_review)
            self.bar.addWidget(review)
        if self.register.key in ("trainings", "org_life"):
            hours = QPushButton("学时统计…")
            hours.setObjectName("study_hours")
            hours.setToolTip("党员学习培训登记：每名党员本年学时与应达学时")
            hours.clicked.connect(lambda: StudyHoursDialog.ask(self, self.archive))
            self.bar.addWidget(hours)

    def record_review(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is None:
            QMessageBox.information(self, "请先选择", "请先在表格中选中一次“民主评议党员”记录。")
            return
        if ReviewDialog.ask(self, self.archive, meeting_id) is not None:
            self.refresh()

    def open_form(self, record_id: int | None) -> Any:
        return ask_meeting(self, self.archive, self.register, record_id)


class WorkRulesTab(BookTab):
    """党组织工作制度汇总册, with the standard rule texts the clerk can adopt and then edit."""

    def add_actions(self) -> None:
        super().add_actions()
        adopt = QPushButton("采用标准制度…")
        adopt.setObjectName("adopt_standard_rule")
        adopt.setToolTip("从本程序提供的标准制度文本中选择一项加入本册，之后可以修改")
        adopt.clicked.connect(self.adopt_standard)
        self.bar.addWidget(adopt)

    def adopt_standard(self) -> None:
        missing = rules.standard_titles_not_adopted(self.archive)
        if not missing:
            QMessageBox.information(self, "采用标准制度", "全部标准制度都已加入本册。")
            return
        title, ok = QInputDialog.getItem(
            self, "采用标准制度", "选择要加入本册的制度：", missing, 0, False
        )
        if ok and title:
            new_id = rules.adopt_standard(self.archive, title)
            self.refresh()
            self.select_id(new_id)
            self.edit_selected()


class MobileTab(BookTab):
    """流动党员登记卡: the card fields plus the yearly reports and reviews."""

    def open_form(self, record_id: int | None) -> Any:
        archive, register = self.archive, self.register
        initial = (
            records.get_record(archive, register, record_id) if record_id else {"direction": "流出"}
        )
        entries = RowsSection(
            "跟踪记录",
            [("entry_date", "日期"), ("kind", "类型"), ("content", "内容")],
            mobile.entries_of(archive, record_id) if record_id else [],
            "entries",
            "（年度报告、年审、联系，类型可填：年度报告、年审、联系、其他）",
        )

        def validate(raw: dict[str, Any]) -> Any:
            cleaned = records.validate(register, raw)
            cleaned.problems += mobile.entry_problems(entries.rows())
            return cleaned

        title = "修改流动党员登记卡" if record_id else "新增流动党员登记卡"
        result = RecordDialog.ask(
            self,
            title,
            register.form_fields,
            validate,
            lambda raw: mobile.save_card(archive, raw, entries.rows(), record_id),
            initial=initial,
            sections=[entries],
        )
        return None if result is None else int(result)


class FilesTab(BookTab):
    """活动资料簿 and 活动图片册: pick a file, describe it; the file is kept inside the archive."""

    def add_actions(self) -> None:
        super().add_actions()
        save_copy = QPushButton("另存文件…")
        save_copy.setObjectName("save_copy")  # reads only: kept in a read-only hand-over bundle
        save_copy.setToolTip("把所选资料或照片保存到电脑或U盘上")
        save_copy.clicked.connect(self.save_copy)
        self.bar.addWidget(save_copy)

    def _choose_file(self) -> Path | None:
        photo = self.register.key == "photo_album"
        filter_text = (
            "照片 (*.jpg *.jpeg *.png)"
            if photo
            else (
                "资料 (*.pdf *.doc *.docx *.wps *.xls *.xlsx *.et *.ppt *.pptx *.dps *.ofd *.txt *.jpg *.jpeg *.png)"
            )
        )
        return ask_open(
            self,
            f"选择要导入的{self.register.row_noun}",
            "attachment",
            f"{filter_text};;所有文件 (*)",
        )

    def open_form(self, record_id: int | None) -> Any:
        archive, register = self.archive, self.register
        choices = {"related_meeting": files.meeting_labels(archive)}
        if record_id is not None:
            saved = RecordDialog.ask(
                self,
                f"修改{register.row_noun}说明",
                register.form_fields,
                lambda raw: records.validate(register, raw),
                lambda raw: records.update_record(archive, register, record_id, raw),
                initial=records.get_record(archive, register, record_id),
                choices=choices,
            )
            return None if saved is None else record_id
        source = self._choose_file()
        if source is None:
            return None
        importer = files.import_photo if register.key == "photo_album" else files.import_material
        initial = {"title": source.stem} if register.key != "photo_album" else {}
        if register.key != "photo_album":
            initial["file_date"] = clock.today().isoformat()
        return RecordDialog.ask(
            self,
            f"导入{register.row_noun}：{source.name}",
            register.form_fields,
            lambda raw: records.validate(register, raw),
            lambda raw: importer(archive, raw, source),
            initial=initial,
            choices=choices,
        )

    def save_copy(self) -> None:
        record_id = self._require_selection("另存")
        if record_id is None:
            return
        name, _data = files.file_data(self.archive, record_id)
        chosen = ask_save(self, "另存文件", "attachment", name)
        if chosen:
            try:
                files.save_copy(self.archive, record_id, chosen)
            except LiangxinError as exc:
                show_problem(self, exc, "无法保存")


def make_register_tab(
    archive: Archive, register: Register
) -> RegisterTab | AttendanceTab | DuesTab:
    if register.derived == "attendance":
        return AttendanceTab(archive, register)
    if register.derived == "dues":
        return DuesTab(archive, register)
    if register.key == "members":
        return RosterTab(archive, register)
    if register.key == "activists":
        return ActivistsTab(archive, register)
    if register.table == "meetings":
        return MeetingTab(archive, register)
    if register.table == "files":
        return FilesTab(archive, register)
    if register.key == "mobile_members":
        return MobileTab(archive, register)
    if register.key == "work_rules":
        return WorkRulesTab(archive, register)
    return BookTab(archive, register)
