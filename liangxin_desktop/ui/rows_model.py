"""A table model over rows already in memory (dicts keyed by field): shown as they scroll in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from liangxin_desktop.catalog.fields import Field
from liangxin_desktop.ui.columns_model import ColumnsModel, Index


class RowsModel(ColumnsModel):
    def __init__(self, fields: Sequence[Field]) -> None:
        super().__init__()
        self.columns = tuple(fields)
        self.rows: list[dict[str, Any]] = []

    def show(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self.rows[index.row()].get(self.columns[index.column()].key, ""))
