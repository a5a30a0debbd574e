"""The 党费收缴册 grid as a table model: the year's people by id, their lines fetched by page.

At 100,000 members a year's grid holds over a million payments; the model keeps only the
ordered ids, fetches the DuesLines of the rows on screen (``storage.dues.dues_grid`` for those
ids) and renders them with ``output.dues_table.dues_row``. The 合计 row is added up in the
background (``set_totals``) and says so until it arrives.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from liangxin_desktop.catalog.fields import display_value
from liangxin_desktop.output.dues_table import DUES_FIELDS, dues_row
from liangxin_desktop.storage import dues
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.columns_model import ColumnsModel, Index

PAGE_SIZE = 200
MAX_PAGES = 30
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DuesTableModel(ColumnsModel):
    columns = DUES_FIELDS

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.year, self.through = 0, ""
        self.totals: dict[str, Any] | None = None
        self.generation = 0  # counts the loads, so that late totals of an earlier one are dropped
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[dues.DuesLine]] = OrderedDict()

    def load(self, year: int, through: str) -> None:
        """The grid of ``year``, owed counted up to ``through``; the totals wait for set_totals."""
        self.beginResetModel()
        self.year, self.through, self.totals = year, through, None
        self.generation += 1
        self._ids = dues.grid_person_ids(self.archive, year)
        self._pages.clear()
        self.forget_rendered()
        self.endResetModel()

    def set_totals(self, totals: dict[str, Any] | None) -> None:
        """The 合计 row (None: it could not be added up)."""
        self.totals = totals or {"name": "合计（无法计算）"}
        last = len(self._ids)
        self.dataChanged.emit(self.index(last, 0), self.index(last, len(DUES_FIELDS) - 1))

    @property
    def member_count(self) -> int:
        return len(self._ids)

    def row_total(self) -> int:
        return len(self._ids) + 1  # and the 合计 row

    def numbered_rows(self) -> int:
        return len(self._ids)

    def line_at(self, number: int) -> dues.DuesLine | None:
        if number >= len(self._ids):
            return None
        page = number // PAGE_SIZE
        lines = self._pages.get(page)
        if lines is None:
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            found = {line.person_id: line for line in dues.dues_grid(self.archive, self.year, ids)}
            lines = [found[i] for i in ids if i in found]
            self._pages[page] = lines
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        offset = number - page * PAGE_SIZE
        return lines[offset] if offset < len(lines) else None

    def lines_at(self, numbers: Sequence[int]) -> list[dues.DuesLine]:
        """The lines of the given rows (the 合计 row has none), read in one go for many rows."""
        ids = [self._ids[n] for n in sorted(set(numbers)) if n < len(self._ids)]
        found: dict[int, dues.DuesLine] = {}
        for start in range(0, len(ids), dues.GRID_CHUNK):
            chunk = ids[start : start + dues.GRID_CHUNK]
            found.update(
                (line.person_id, line) for line in dues.dues_grid(self.archive, self.year, chunk)
            )
        return [found[i] for i in ids if i in found]

    def _row(self, number: int) -> dict[str, Any] | None:
        if number == len(self._ids):
            return self.totals or {"name": "合计（计算中……）"}
        return self.rendered(number, self._render)

    def _render(self, number: int) -> dict[str, Any] | None:
        line = self.line_at(number)
        return None if line is None else dues_row(line, self.year, self.through)

    # -- Qt model API ----------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            spec = DUES_FIELDS[index.column()]
            return "" if row is None else display_value(spec, row.get(spec.key))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(_RIGHT.value)
        return None
