"""党员学习培训登记: each member's 学时 of the year against the target, printed and exported."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.output.pdf.books import write_table
from liangxin_desktop.output.pdf.document import PageSetup
from liangxin_desktop.output.study_hours_table import (
    STUDY_FIELDS,
    TITLE,
    study_rows,
    study_source,
    write_study_hours_xlsx,
)
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name
from liangxin_desktop.storage.study_hours import yearly_study_hours
from liangxin_desktop.ui.register_tab import year_selector
from liangxin_desktop.ui.save_target import XLSX_FILTER, save_as


class StudyHoursDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.archive = archive
        self.year = year_selector()
        self.table = QTableWidget(0, len(STUDY_FIELDS))
        self.table.setObjectName("study_hours")
        self.table.setHorizontalHeaderLabels([f.label for f in STUDY_FIELDS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        print_button = QPushButton("打印…")
        print_button.clicked.connect(self.print_list)
        export_button = QPushButton("导出Excel…")
        export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.year)
        bar.addWidget(self.summary, 1)
        bar.addWidget(print_button)
        bar.addWidget(export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.resize(720, 520)
        self.year.currentTextChanged.connect(lambda _text: self.load())
        self.load()

    def selected_year(self) -> int:
        return int(self.year.currentText()[:4])

    def load(self) -> None:
        self.lines = yearly_study_hours(self.archive, self.selected_year())
        rows = study_rows(self.lines)
        self.table.setRowCount(len(rows))
        for number, (row, line) in enumerate(zip(rows, self.lines, strict=True)):
            for column, spec in enumerate(STUDY_FIELDS):
                item = QTableWidgetItem(str(row[spec.key]))
                if not line.reached:
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        short = sum(1 for line in self.lines if not line.reached)
        self.summary.setText(f"共 {len(rows)} 名党员，未达标 {short} 名")

    def print_list(self) -> None:
        setup = PageSetup("portrait", organization_name(self.archive), TITLE)
        source = study_source(self.lines, self.selected_year())
        save_as(
            self,
            "打印",
            f"{TITLE}-{self.selected_year()}年度.pdf",
            lambda target: write_table(source, setup, target, clock.today()),
        )

    def export(self) -> None:
        lines, year = self.lines, self.selected_year()
        save_as(
            self,
            "导出Excel",
            f"{TITLE}-{year}年度.xlsx",
            lambda target: write_study_hours_xlsx(lines, year, target),
            XLSX_FILTER,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive) -> None:
        cls(archive, parent).exec()
