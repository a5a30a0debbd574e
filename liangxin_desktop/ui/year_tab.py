"""The tabs of the books derived for a year (考勤册, 党费收缴册): a year box and a table on a model."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.columns_model import ColumnsModel
from liangxin_desktop.ui.register_tab import year_selector


class YearTab(QWidget):
    """A year's table of a derived book, read-only, filled when the tab is first shown (so that
    the window opens fast at 100,000 people) and again whenever the year changes."""

    changed = Signal()
    summary_changed = Signal()

    def __init__(
        self,
        archive: Archive,
        register: Register,
        model: ColumnsModel,
        table_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive, self.register, self.model = archive, register, model
        self.year = year_selector()
        self.table = QTableView()
        self.table.setObjectName(table_name)
        self.table.setModel(model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._summary = ""
        self.stale = True
        self.year.currentTextChanged.connect(lambda _text: self.refresh())

    def size_columns(self) -> None:
        """Each column as wide as its field asks (not measured over 100,000 rows)."""
        header = self.table.horizontalHeader()
        for column, spec in enumerate(self.model.columns):
            header.resizeSection(column, int(spec.width * 9.5 + 18))

    def selected_year(self) -> int:
        return int(self.year.currentText()[:4])

    def refresh(self) -> None:
        """Show the selected year (each book reads its own)."""

    def reload_view(self) -> None:
        self.refresh()

    def summary_text(self) -> str:
        return self._summary
