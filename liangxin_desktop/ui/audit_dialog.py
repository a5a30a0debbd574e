"""文件 → 操作记录: who-did-what of the archive by date and register, printed and exported."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.output.audit_table import (
    AUDIT_FIELDS,
    TITLE,
    audit_source,
    period_text,
    write_audit_xlsx,
)
from liangxin_desktop.output.pdf.books import PrintOptions
from liangxin_desktop.output.pdf.document import Book, PageSetup
from liangxin_desktop.output.pdf.roster import RosterBook
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.audit_view import AuditEntry, audit_entries
from liangxin_desktop.storage.organization import organization_name
from liangxin_desktop.ui.print_preview import PrintJob, PrintPreviewDialog
from liangxin_desktop.ui.save_target import XLSX_FILTER, save_as
from liangxin_desktop.ui.window_state import fit_to_screen

ALL_REGISTERS = "全部台账"
SHOWN_AT_MOST = 2000  # the table shows the newest lines; print and export take them all
_EXTRA_TITLES = ("党组织基本情况", "规则设置", "民主评议党员")


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class AuditDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        fit_to_screen(self, 1100, 640)
        self.archive = archive
        today = clock.today()
        self.start, self.end = _date_edit(date(today.year, 1, 1)), _date_edit(today)
        self.register = QComboBox()
        self.register.addItems(
            [ALL_REGISTERS, *(r.title for r in REGISTERS.values()), *_EXTRA_TITLES]
        )
        self.table = QTableWidget(0, len(AUDIT_FIELDS))
        self.table.setObjectName("audit_log")
        self.table.setHorizontalHeaderLabels([f.label for f in AUDIT_FIELDS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.entries: list[AuditEntry] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.load)
        self.register.currentIndexChanged.connect(self.load)
        self.load()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, widget in (("从", self.start), ("到", self.end), ("台账", self.register)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch()
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch()
        for name, text, slot in (
            ("print", "打印预览…", self.print_preview),
            ("export", "导出Excel…", self.export),
            ("close", "关闭", self.accept),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def _bounds(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def period(self) -> str:
        start, end = self._bounds()
        chosen = self.register.currentText()
        scope = "" if chosen == ALL_REGISTERS else f"{chosen}，"
        return scope + period_text(start.isoformat(), end.isoformat())

    def load(self) -> None:
        start, end = self._bounds()
        chosen = self.register.currentText()
        self.entries = audit_entries(
            self.archive, start, end, None if chosen == ALL_REGISTERS else chosen
        )
        shown = self.entries[:SHOWN_AT_MOST]
        self.table.setRowCount(len(shown))
        for number, entry in enumerate(shown):
            row = entry.as_row()
            for column, spec in enumerate(AUDIT_FIELDS):
                self.table.setItem(number, column, QTableWidgetItem(row[spec.key]))
        self.table.resizeColumnsToContents()
        more = (
            f"（列表显示最近 {SHOWN_AT_MOST} 条，打印和导出包含全部）"
            if len(shown) < len(self.entries)
            else ""
        )
        self.summary.setText(f"共 {len(self.entries)} 条操作{more}")

    def print_job(self) -> PrintJob:
        source, org = audit_source(self.entries, self.period()), organization_name(self.archive)

        def make(reader: Archive, year: int, options: PrintOptions) -> list[Book]:
            setup = PageSetup("landscape", org, TITLE, options.binding_margin)
            return [Book(TITLE, [RosterBook(source, setup, clock.today())])]

        return PrintJob(TITLE, make, yearly=False)

    def print_preview(self) -> None:
        PrintPreviewDialog(self.archive, self.print_job(), None, self).exec()

    def export(self) -> None:
        entries = self.entries
        save_as(
            self,
            "导出Excel",
            f"{TITLE}.xlsx",
            lambda target: write_audit_xlsx(entries, target),
            XLSX_FILTER,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive) -> None:
        cls(archive, parent).exec()
