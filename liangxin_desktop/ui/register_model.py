"""A table model over one register that keeps only the id list and fetches rows by page.

Filtering and sorting happen in SQL, so a 100,000-person roster opens and searches fast.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import FieldKind, display_value
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain.idnumber import mask_id_number
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.columns_model import ColumnsModel, Index

PAGE_SIZE = 200
MAX_PAGES = 30
_LEFT_BRUSH = QBrush(QColor("#8a8a8a"))


class RegisterTableModel(ColumnsModel):
    def __init__(
        self,
        archive: Archive,
        register: Register,
        today: date | None = None,
        row_filter: queries.RowFilter | None = None,
    ) -> None:
        super().__init__()
        self.archive = archive
        self.register = register
        self.columns = register.table_fields
        self._today = today or clock.today()
        self.today = self._today
        self.row_filter = row_filter or queries.RowFilter()
        self.reveal_ids = (
            False  # ID numbers show as 3301**********1234 until the clerk reveals them
        )
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self.reload()

    # -- loading ---------------------------------------------------------
    def reload(self, row_filter: queries.RowFilter | None = None) -> None:
        if row_filter is not None:
            self.row_filter = row_filter
        self.today = self.row_filter.as_of or self._today  # 年龄, 党龄, 人员类别 as of that day
        self.beginResetModel()
        self._ids = queries.list_ids(self.archive, self.register, self.row_filter)
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, row_filter: queries.RowFilter) -> None:
        """Show what ``row_filter`` lets through; a keystroke that cannot narrow the list (a
        first digit of an ID number) leaves the list as it is instead of reading it again."""
        unchanged = replace(row_filter, search="") == replace(self.row_filter, search="")
        terms = queries.search_terms(self.register, row_filter.search)
        if unchanged and terms == queries.search_terms(self.register, self.row_filter.search):
            self.row_filter = row_filter
            return
        self.reload(row_filter)

    def _row(self, number: int) -> dict[str, Any] | None:
        page = number // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            rows = queries.rows_by_ids(self.archive, self.register, ids)
            self._pages[page] = rows
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[number])

    def id_at(self, number: int) -> int:
        return self._ids[number]

    def row_of(self, row_id: int) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def record_at(self, number: int) -> dict[str, Any] | None:
        return self._row(number)

    def row_total(self) -> int:
        return len(self._ids)

    # -- Qt model API ----------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            return self._display(index.column(), row) if row else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self._row(index.row())
            return _LEFT_BRUSH if row and row.get("stage") == "left" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._row(index.row())
            if row and row.get("stage") == "left":
                return f"已于 {row.get('left_on')} {row.get('left_kind')}，不在当前名册中"
        return None

    def _display(self, column: int, row: dict[str, Any]) -> str:
        spec = self.columns[column]
        if spec.compute is not None:
            value = spec.compute(row, self.today)
            return "" if value is None else str(value)
        text = display_value(spec, row.get(spec.key))
        return (
            mask_id_number(text)
            if spec.kind is FieldKind.ID_NUMBER and not self.reveal_ids
            else text
        )

    def set_reveal_ids(self, reveal: bool) -> None:
        self.reveal_ids = reveal
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            if self.row_filter.sort_key is not None:
                self.reload(replace(self.row_filter, sort_key=None, descending=False))
            return
        spec = self.columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        self.reload(replace(self.row_filter, sort_key=spec.key, descending=descending))
