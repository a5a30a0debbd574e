"""The tabs of the books derived for a year (考勤册, 党费收缴册): a year box and a table on a model."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.columns_model import ColumnsModel
from liangxin_desktop.ui.register_tab import year_selector

MEASURED_ROWS = 20  # a first screen: these rows are rendered for the paint anyway
CELL_PADDING = 18


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
        """Each column as wide as its field asks, its header's lines and, for the two name
        columns in front, the first screen of rows (measured here: Qt's own measuring asks the
        model for every cell of 300 meeting columns and takes seconds)."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        rows = range(min(self.model.rowCount(), MEASURED_ROWS))
        for column, spec in enumerate(self.model.columns):
            texts = spec.label.split("\n")
            if column < 2:
                texts += [str(self.model.index(row, column).data() or "") for row in rows]
            needed = max(metrics.horizontalAdvance(text) for text in texts) + CELL_PADDING
            header.resizeSection(column, max(int(spec.width * 9.5 + 18), needed))

    def selected_year(self) -> int:
        return int(self.year.currentText()[:4])

    def refresh(self) -> None:
        """Show the selected year (each book reads its own)."""

    def reload_view(self) -> None:
        self.refresh()

    def summary_text(self) -> str:
        return self._summary
