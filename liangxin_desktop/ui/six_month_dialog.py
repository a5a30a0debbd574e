"""六个月提示: members with 3 or more months in a row without organizational life or dues."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.output.pdf.books import write_table
from liangxin_desktop.output.pdf.document import PageSetup
from liangxin_desktop.output.six_month_table import EXPLANATION, FIELDS, flag_rows, six_month_source
from liangxin_desktop.storage import six_month
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name
from liangxin_desktop.ui.file_dialogs import ask_save
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.rows_model import RowsModel
from liangxin_desktop.ui.step_dialog import StepDialog
from liangxin_desktop.ui.window_state import fit_to_screen


class SixMonthDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("六个月提示")
        self.archive = archive
        note = QLabel(
            EXPLANATION + "有正当理由（如病假、经批准外出）的月份，请选中党员后点击“标记正当理由”。"
        )
        note.setWordWrap(True)
        self.model = RowsModel(FIELDS[:-1])
        self.table = QTableView()
        self.table.setObjectName("flags")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        excuse_attendance = buttons.addButton(
            "标记正当理由（组织生活）…", QDialogButtonBox.ButtonRole.ActionRole
        )
        excuse_dues = buttons.addButton(
            "标记正当理由（党费）…", QDialogButtonBox.ButtonRole.ActionRole
        )
        print_button = buttons.addButton("打印清单…", QDialogButtonBox.ButtonRole.ActionRole)
        excuse_attendance.clicked.connect(lambda: self.excuse("attendance"))
        excuse_dues.clicked.connect(lambda: self.excuse("dues"))
        print_button.clicked.connect(self.print_list)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 1100, 520)
        self.load()

    def load(self) -> None:
        self.flags = six_month.member_flags(self.archive, clock.today())
        self.model.show(flag_rows(self.flags))
        self.table.resizeColumnsToContents()  # whole headers, names, groups and the 说明 of each run
        self.table.horizontalHeader().setStretchLastSection(True)

    def excuse(self, what: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        flag = self.flags[rows[0].row()]
        step = StepDialog.ask(
            self,
            "标记正当理由",
            f"“{flag.name}”在这个月有正当理由，不计入连续月数。",
            "月份（选该月任一天）",
            "理由",
            "",
            clock.today().replace(day=1),
        )
        if step is None:
            return
        try:
            six_month.excuse(
                self.archive, flag.person_id, step.day.isoformat()[:7], what, step.text
            )
        except LiangxinError as exc:
            show_problem(self, exc, "无法标记")
            return
        self.load()

    def print_list(self) -> None:
        chosen = ask_save(
            self,
            "打印清单",
            "export",
            f"六个月提示清单-{clock.today():%Y%m%d}.pdf",
            "PDF 文件 (*.pdf)",
        )
        if chosen is None:
            return
        setup = PageSetup("portrait", organization_name(self.archive), "党员连续六个月情况提示清单")
        try:
            write_table(six_month_source(self.flags), setup, chosen, clock.today())
        except LiangxinError as exc:
            show_problem(self, exc, "无法打印")

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive) -> None:
        cls(archive, parent).exec()
