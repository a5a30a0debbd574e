"""The last page of the import wizard: the check, with a tick box to leave single rows out.

Each row of the problem list and of the preview starts with a tick box (ticked: imported).
Unticking a row leaves that Excel row out and checks the sheet again, so an excluded row's
errors no longer block the import; the row stays listed, unticked, to be ticked back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.importing.plan import ADD, UPDATE, ImportPlan
from liangxin_desktop.importing.runner import plan_import
from liangxin_desktop.importing.templates import write_problems
from liangxin_desktop.ui.file_dialogs import ask_save
from liangxin_desktop.ui.import_state import ImportState, cell_text
from liangxin_desktop.ui.messages import show_problem

LEFT_OUT = "不导入"
_ERROR_COLOR = QColor("#b71c1c")
_LEFT_OUT_COLOR = QColor("#757575")


class PreviewPage(QWizardPage):
    """The check: what would be added or updated, and every problem (errors block the import)."""

    def __init__(
        self, state: ImportState, update_existing: QCheckBox, year_of: Callable[[], int]
    ) -> None:
        super().__init__()
        self.state = state
        self.update_existing = update_existing
        self.year_of = year_of  # the 党费年度 chosen on the first page
        self.setTitle("检查结果")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = _table(["行号", "列", "问题", "类型"])
        self.preview = _table(["行号", "处理", "内容"])
        for table in (self.problems, self.preview):
            table.itemChanged.connect(self._ticked)
        self.save = QPushButton("保存问题清单（Excel）…")
        self.save.clicked.connect(self._save_problems)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("问题清单（红色为错误，须改正后才能导入；其余为提醒）："))
        layout.addWidget(self.problems, 2)
        layout.addWidget(QLabel("导入预览（取消行号前的勾，这一行就不导入）："))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)

    def initializePage(self) -> None:
        self.check()

    def check(self) -> None:
        """Plan the import again with the rows left out, and show the result."""
        state = self.state
        assert state.sheet is not None and state.path is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            state.plan = plan_import(
                state.archive,
                state.importer,
                state.sheet,
                state.path.name,
                header_row=state.header_row,
                mapping=state.mapping,
                update_existing=self.update_existing.isChecked(),
                options={"year": self.year_of()},
                excluded=state.excluded,
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(state.plan)

    def _show(self, plan: ImportPlan) -> None:
        verdict = "可以导入，请点击“导入”。" if plan.ok else ""
        self.summary.setText(f"导入到“{self.state.importer.title}”：{plan.summary()}。{verdict}")
        for table in (self.problems, self.preview):
            table.blockSignals(True)
        ordered = sorted(plan.problems, key=lambda p: (p.row, not p.is_error))
        records = {row.row for row in plan.rows} | {p.row for p in plan.errors}  # not 合计 rows
        self.problems.setRowCount(len(ordered))
        for r, p in enumerate(ordered):
            kind = "错误" if p.is_error else "提醒"
            number = p.row if p.row in records else 0
            first = _row_item(number, True, f"第{p.row}行" if p.row else "表格")
            cells = [first, *map(QTableWidgetItem, (p.column, p.message, kind))]
            for c, item in enumerate(cells):
                if p.is_error:
                    item.setForeground(QBrush(_ERROR_COLOR))
                self.problems.setItem(r, c, item)
        shown = [(row.row, row.action, row.summary) for row in plan.rows]
        shown += [(number, LEFT_OUT, self._row_words(number)) for number in plan.excluded]
        shown.sort()
        self.preview.setRowCount(len(shown))
        for r, (number, action, summary) in enumerate(shown):
            cells = [
                _row_item(number, action != LEFT_OUT),
                *map(QTableWidgetItem, (action, summary)),
            ]
            for c, item in enumerate(cells):
                if action == LEFT_OUT:
                    item.setForeground(QBrush(_LEFT_OUT_COLOR))
                self.preview.setItem(r, c, item)
        for table in (self.problems, self.preview):
            table.blockSignals(False)
        self.problems.resizeRowsToContents()
        # errors to fix: the problem list gets the room; none: the rows about to be imported
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretchFactor(self.problems, 2 if plan.errors else 1)
        layout.setStretchFactor(self.preview, 1 if plan.errors else 2)
        self.save.setEnabled(bool(plan.problems))
        self.completeChanged.emit()

    def _row_words(self, number: int) -> str:
        """The non-empty cells of Excel row ``number``, to recognise a row left out."""
        sheet = self.state.sheet
        cells = sheet.rows[number - 1] if sheet and number - 1 < len(sheet.rows) else []
        return "　".join(cell_text(v) for v in cells if cell_text(v).strip())[:80]

    def _ticked(self, item: QTableWidgetItem) -> None:
        number = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 0 or not number:
            return
        self.set_row_imported(int(number), item.checkState() == Qt.CheckState.Checked)

    def set_row_imported(self, number: int, imported: bool) -> None:
        """Import Excel row ``number`` or leave it out, and check the sheet again."""
        if imported:
            self.state.excluded.discard(number)
        else:
            self.state.excluded.add(number)
        self.check()

    def isComplete(self) -> bool:
        plan = self.state.plan
        return plan is not None and plan.ok and (plan.count(ADD) + plan.count(UPDATE)) > 0

    def _save_problems(self) -> None:
        plan = self.state.plan
        assert plan is not None
        source = self.state.path or Path(plan.file_name)
        chosen = ask_save(
            self,
            "保存问题清单",
            "import",
            f"{source.stem}-问题清单.xlsx",
            "Excel 工作簿 (*.xlsx)",
            source.parent if source.parent.is_dir() and source.is_absolute() else None,
        )
        if chosen:
            try:
                write_problems(plan, chosen)
            except LiangxinError as exc:
                show_problem(self, exc)


def _row_item(number: int, imported: bool, text: str = "") -> QTableWidgetItem:
    """第N行, with the tick box that imports row ``number`` (none when ``number`` is 0)."""
    item = QTableWidgetItem(text or f"第{number}行")
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if imported else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, number)
        item.setToolTip("取消勾选：这一行不导入")
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the message / the content
    table.setWordWrap(True)
    return table
