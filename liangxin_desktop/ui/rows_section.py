"""A form section holding a small table of rows (决议事项, 流动党员的年度报告 …) the clerk adds to."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from liangxin_desktop.ui.record_dialog import Section


class RowsSection(Section):
    def __init__(
        self,
        title: str,
        columns: list[tuple[str, str]],
        rows: list[dict[str, Any]],
        name: str,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.keys = [key for key, _ in columns]
        self.table = QTableWidget(len(rows), len(columns))
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([label for _, label in columns])
        self.table.horizontalHeader().setSectionResizeMode(
            len(columns) - 1 if name != "resolutions" else 0, QHeaderView.ResizeMode.Stretch
        )
        self.table.setMinimumHeight(120)
        for row, values in enumerate(rows):
            for column, key in enumerate(self.keys):
                self.table.setItem(row, column, QTableWidgetItem(str(values.get(key) or "")))
        add, remove = QPushButton("增加一条"), QPushButton("删除所选")
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"<b>{title}</b>{hint}"))
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())

    def rows(self) -> list[dict[str, Any]]:
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(len(self.keys))]
            values = dict(zip(self.keys, (c.text() if c else "" for c in cells), strict=True))
            if any(v.strip() for v in values.values()):
                found.append(values)
        return found

    def state(self) -> Any:
        return tuple(tuple(sorted(r.items())) for r in self.rows())
