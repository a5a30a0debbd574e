"""What every table model of the registers shares: columns from fields, numbered rows."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from liangxin_desktop.catalog.fields import Field

Index = QModelIndex | QPersistentModelIndex


class ColumnsModel(QAbstractTableModel):
    """Columns labelled by ``columns``; ``row_total()`` rows, the first ``numbered_rows()`` of
    them numbered down the side (a 合计 row after them is not)."""

    columns: tuple[Field, ...] = ()
    kept_rows = 6000  # rendered rows kept for repainting (a few screens' worth, either way)

    def __init__(self) -> None:
        super().__init__()
        self._rendered: OrderedDict[int, dict[str, Any]] = OrderedDict()

    def rendered(
        self, number: int, render: Callable[[int], dict[str, Any] | None]
    ) -> dict[str, Any] | None:
        """Row ``number`` as ``render`` makes it, made once while it stays in view."""
        row = self._rendered.get(number)
        if row is None:
            row = render(number)
            if row is None:
                return None
            self._rendered[number] = row
            if len(self._rendered) > self.kept_rows:
                self._rendered.popitem(last=False)
        return row

    def forget_rendered(self) -> None:
        self._rendered.clear()

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
