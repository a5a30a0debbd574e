"""What every table model of the registers shares: columns from fields, numbered rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from liangxin_desktop.catalog.fields import Field

Index = QModelIndex | QPersistentModelIndex


class ColumnsModel(QAbstractTableModel):
    """Columns labelled by ``columns``; ``row_total()`` rows, the first ``numbered_rows()`` of
    them numbered down the side (a 合计 row after them is not)."""

    columns: tuple[Field, ...] = ()

    def row_total(self) -> int:
        return 0

    def numbered_rows(self) -> int:
        return self.row_total()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].label
        return str(section + 1) if section < self.numbered_rows() else ""
