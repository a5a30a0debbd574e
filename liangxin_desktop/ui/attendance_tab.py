"""The 组织生活考勤册 tab: the members × meetings matrix of a year, derived from the meeting records."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.output.attendance_table import LEGEND
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import DEFAULT_BOOKS, attendance_matrix, meeting_kinds
from liangxin_desktop.ui.attendance_model import AttendanceTableModel
from liangxin_desktop.ui.year_tab import YearTab

ALL_KINDS = "全部会议类型"


class AttendanceTab(YearTab):
    model: AttendanceTableModel

    def __init__(self, archive: Archive, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(archive, register, AttendanceTableModel(), "attendance_matrix", parent)
        self.kind = QComboBox()
        self.kind.addItems([ALL_KINDS, *meeting_kinds(DEFAULT_BOOKS)])
        bar = QHBoxLayout()
        bar.addWidget(
            QLabel("由党组织会议记录簿和组织生活记录簿中的出席情况自动生成，不需要另外填写。")
        )
        bar.addStretch(1)
        bar.addWidget(self.year)
        bar.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(LEGEND))
        self.kind.currentTextChanged.connect(lambda _text: self.refresh())

    def refresh(self) -> None:
        kind = self.kind.currentText()
        matrix = attendance_matrix(
            self.archive, self.selected_year(), kinds=() if kind == ALL_KINDS else (kind,)
        )
        self.model.show(matrix)
        self.size_columns()
        self._summary = f"{self.register.title}：{self.selected_year()}年度共 {len(matrix.meetings)} 次会议、{len(matrix.members)} 人"
        self.stale = False
        self.summary_changed.emit()

    def add_record(self) -> None:
        QMessageBox.information(
            self,
            "考勤自动生成",
            "考勤册由会议记录中的出席情况自动生成。请在会议记录簿中新增会议并登记出席情况。",
        )

    def focus_search(self) -> None:
        self.year.setFocus()
