"""The 考勤册 matrix of a year as a table model: each row rendered when it comes into view.

A ten-year archive's year holds some 300 meetings × 1,000 members; the matrix itself (one
year's attendance rows) is small, but a widget item per cell is not. The model turns a member's
line into its row (``output.attendance_table.member_row``) only when the view asks for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from liangxin_desktop.output.attendance_table import matrix_fields, member_row, totals_row
from liangxin_desktop.storage.attendance import AttendanceMatrix
from liangxin_desktop.ui.columns_model import ColumnsModel, Index

_MARK_BRUSHES = {
    mark: QBrush(QColor(color))
    for mark, color in {"×": "#c62828", "假": "#b26a00", "列": "#546e7a"}.items()
}


class AttendanceTableModel(ColumnsModel):
    def __init__(self) -> None:
        super().__init__()
        self.matrix = AttendanceMatrix(0, [], [])
        self.columns = matrix_fields(self.matrix)

    def show(self, matrix: AttendanceMatrix) -> None:
        self.beginResetModel()
        self.matrix, self.columns = matrix, matrix_fields(matrix)
        self.forget_rendered()
        self.endResetModel()

    def row_total(self) -> int:
        return len(self.matrix.members) + 1  # and the 合计 row

    def numbered_rows(self) -> int:
        return len(self.matrix.members)

    def _row(self, number: int) -> dict[str, Any]:
        return self.rendered(number, self._render) or {}

    def _render(self, number: int) -> dict[str, Any]:
        members = self.matrix.members
        if number < len(members):
            return member_row(self.matrix, members[number])
        return totals_row(self.matrix)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self._row(index.row()).get(self.columns[index.column()].key, ""))
        if role == Qt.ItemDataRole.ForegroundRole:
            return _MARK_BRUSHES.get(
                str(self._row(index.row()).get(self.columns[index.column()].key, ""))
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignCenter.value)
        return None
