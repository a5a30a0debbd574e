"""The 组织生活考勤册 tab: the members × meetings matrix of a year, derived from the meeting records."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.output.attendance_table import LEGEND, matrix_fields, matrix_rows
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import DEFAULT_BOOKS, attendance_matrix, meeting_kinds
from liangxin_desktop.ui.register_tab import year_selector

ALL_KINDS = "全部会议类型"
_MARK_COLORS = {"×": "#c62828", "假": "#b26a00", "列": "#546e7a"}


class AttendanceTab(QWidget):
    changed = Signal()
    summary_changed = Signal()

    def __init__(self, archive: Archive, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.register = archive, register
        self.year = year_selector()
        self.kind = QComboBox()
        self.kind.addItems([ALL_KINDS, *meeting_kinds(DEFAULT_BOOKS)])
        self.table = QTableWidget()
        self.table.setObjectName("attendance_matrix")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
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
        self._summary = ""
        self.year.currentTextChanged.connect(lambda _text: self.refresh())
        self.kind.currentTextChanged.connect(lambda _text: self.refresh())
        self.stale = True  # filled when first shown

    def selected_year(self) -> int:
        return int(self.year.currentText()[:4])

    def reload_view(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.currentText()
        matrix = attendance_matrix(
            self.archive, self.selected_year(), kinds=() if kind == ALL_KINDS else (kind,)
        )
        fields, rows = matrix_fields(matrix), matrix_rows(matrix)
        self.table.clear()
        self.table.setColumnCount(len(fields))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([f.label for f in fields])
        for row_number, row in enumerate(rows):
            for column, spec in enumerate(fields):
                item = QTableWidgetItem(str(row.get(spec.key, "")))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                color = _MARK_COLORS.get(item.text())
                if color:
                    item.setForeground(QColor(color))
                self.table.setItem(row_number, column, item)
        self.table.resizeColumnsToContents()
        self._summary = f"{self.register.title}：{self.selected_year()}年度共 {len(matrix.meetings)} 次会议、{len(matrix.members)} 人"
        self.stale = False
        self.summary_changed.emit()

    def summary_text(self) -> str:
        return self._summary

    def add_record(self) -> None:
        QMessageBox.information(
            self,
            "考勤自动生成",
            "考勤册由会议记录中的出席情况自动生成。请在会议记录簿中新增会议并登记出席情况。",
        )

    def focus_search(self) -> None:
        self.year.setFocus()
