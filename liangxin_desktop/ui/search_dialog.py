"""查找 (Ctrl+F): search all registers; opening a hit shows it in its register."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.search import Hit, search_everywhere
from liangxin_desktop.ui.window_state import fit_to_screen


class SearchDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("查找（全部台账）")
        self.archive = archive
        self.chosen: Hit | None = None
        self.query = QLineEdit()
        self.query.setObjectName("query")
        self.query.setPlaceholderText("输入姓名、身份证号、电话、会议议题、文件标题等")
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        layout.addWidget(QLabel("双击或按回车打开所选记录。"))
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._open_first)
        self.results.itemActivated.connect(self._open)
        fit_to_screen(self, 760, 520)

    def run_search(self) -> None:
        self.hits = search_everywhere(self.archive, self.query.text())
        self.results.clear()
        for hit in self.hits:
            self.results.addItem(QListWidgetItem(f"【{hit.register.title}】{hit.summary}"))
        self.count.setText(f"找到 {len(self.hits)} 条" if self.query.text().strip() else "")

    def _open_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.hits:
            self._open(self.results.item(0))

    def _open(self, item: QListWidgetItem) -> None:
        self.chosen = self.hits[self.results.row(item)]
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive) -> Hit | None:
        dialog = cls(archive, parent)
        dialog.exec()
        return dialog.chosen
