"""The recycle bin (回收站): deleted records of every book, with restore."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.window_state import fit_to_screen


class RecycleBinDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("回收站")
        self.archive = archive
        self.restored: set[str] = set()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("bin")
        self.table.setHorizontalHeaderLabels(["台账", "内容", "删除时间"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.restore_button = buttons.addButton(
            "恢复所选记录", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "这里是删除的台账记录。党员不会被删除（只办理离开）。选中记录后点击“恢复所选记录”。"
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 480)
        self.load()

    def load(self) -> None:
        self.entries = records.recycle_bin(self.archive)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, text in enumerate(
                (entry.register.title, entry.summary, entry.deleted_at.replace("T", " "))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def restore_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        for row in rows:
            entry = self.entries[row]
            try:
                records.restore_record(self.archive, entry.register, entry.record_id)
            except LiangxinError as exc:
                show_problem(self, exc, "无法恢复")
            else:
                self.restored.add(entry.register.key)
        self.load()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive) -> set[str]:
        """Show the bin; the keys of the registers that got records back."""
        dialog = cls(archive, parent)
        dialog.exec()
        return dialog.restored
