"""从Excel导入: a wizard — file and sheet, the column mapping, then the check before importing.

The wizard writes nothing: ``ImportWizard.ask`` returns the checked plan (or None), and the
main window commits it in the background as one transaction. Problems name the Excel row
and the column as the clerk wrote it, and can be saved as an .xlsx to fix the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.importing import reading
from liangxin_desktop.importing.columns import map_row
from liangxin_desktop.importing.kinds import Importer
from liangxin_desktop.importing.plan import ImportPlan
from liangxin_desktop.importing.runner import IMPORTERS, plan_import
from liangxin_desktop.importing.templates import write_problems
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.file_dialogs import ask_open, ask_save
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.window_state import fit_to_screen

NOT_IMPORTED = "（不导入）"
_PREVIEW_ROWS = 8
_ERROR_COLOR = QColor("#b71c1c")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _State:
    """What the pages share: the archive, the chosen importer, file, sheet and mapping."""

    def __init__(self, archive: Archive, importer: Importer) -> None:
        self.archive = archive
        self.importer = importer
        self.path: Path | None = None
        self.sheet: reading.SheetData | None = None
        self.header_row = 0
        self.mapping: dict[int, str] = {}
        self.plan: ImportPlan | None = None


class FilePage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self.state = state
        self.setTitle("选择要导入的文件")
        self.setSubTitle("支持 Excel 工作簿（.xlsx、.xls）和 CSV 文件。导入前会先检查全部内容。")
        self.register = QComboBox()
        for importer in IMPORTERS.values():
            self.register.addItem(importer.title, importer.key)
        self.register.setCurrentIndex(self.register.findData(state.importer.key))
        self.path = QLineEdit()
        self.path.setPlaceholderText("点击“选择文件…”")
        self.path.textChanged.connect(self._load_sheets)
        browse = QPushButton("选择文件…")
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox()
        self.update_existing = QCheckBox(
            "已登记的人员或记录按表格内容更新（空白单元格不会清除已有内容）"
        )
        self.year = QSpinBox()
        self.year.setRange(1949, date.today().year + 1)
        self.year.setValue(date.today().year)
        self.year.setSuffix(" 年度")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("导入到：", self.register)
        form.addRow("文件：", row)
        form.addRow("工作表：", self.sheet)
        form.addRow("党费年度：", self.year)
        form.addRow("", self.update_existing)
        self.register.currentIndexChanged.connect(self._register_changed)
        self._register_changed()

    def _register_changed(self) -> None:
        self.state.importer = IMPORTERS[self.register.currentData()]
        self.year.setEnabled(self.state.importer.key == "dues")

    def _browse(self) -> None:
        chosen = ask_open(
            self, "选择要导入的文件", "import", "Excel 或 CSV (*.xlsx *.xlsm *.xls *.csv)"
        )
        if chosen:
            self.path.setText(str(chosen))

    def _load_sheets(self, text: str) -> None:
        self.sheet.clear()
        path = Path(text.strip())
        if not text.strip() or not path.is_file():
            self.completeChanged.emit()
            return
        try:
            names = reading.sheet_names(path)
        except LiangxinError as exc:
            show_problem(self, exc, "无法读取文件")
            names = []
        self.sheet.addItems(names)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.sheet.count() > 0

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.state.sheet = reading.read_sheet(path, self.sheet.currentText())
        except LiangxinError as exc:
            QGuiApplication.restoreOverrideCursor()
            show_problem(self, exc, "无法读取文件")
            return False
        QGuiApplication.restoreOverrideCursor()
        self.state.path = path
        return True


class MappingPage(QWizardPage):
    """The header row found, and one combo box per column saying which field it fills."""

    def __init__(self, state: _State) -> None:
        super().__init__()
        self.state = state
        self.setTitle("核对表头和列的对应")
        self.setSubTitle(
            "程序已按列名自动对应。如有不对，请在第一行的下拉框中改选；不需要的列选“（不导入）”。"
        )
        self.header = QSpinBox()
        self.header.setPrefix("第 ")
        self.header.setSuffix(" 行")
        self.header.valueChanged.connect(self._header_changed)
        self.table = QTableWidget()
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        top = QHBoxLayout()
        top.addWidget(QLabel("表头在："))
        top.addWidget(self.header)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        sheet = self.state.sheet
        assert sheet is not None
        from liangxin_desktop.importing.runner import detect

        try:
            row, mapping = detect(sheet, self.state.importer)
        except LiangxinError:
            row, mapping = 0, {}
        self.header.blockSignals(True)
        self.header.setRange(1, max(len(sheet.rows), 1))
        self.header.setValue(row + 1)
        self.header.blockSignals(False)
        self._fill(row, mapping)

    def _header_changed(self, value: int) -> None:
        sheet = self.state.sheet
        assert sheet is not None
        row = value - 1
        cells = sheet.rows[row] if row < len(sheet.rows) else []
        self._fill(row, map_row(cells, self.state.importer.columns))

    def _fill(self, row: int, mapping: dict[int, str]) -> None:
        sheet = self.state.sheet
        assert sheet is not None
        self.state.header_row = row
        width = sheet.width
        shown = [sheet.rows[row] if row < len(sheet.rows) else []]
        shown += [r for r in sheet.rows[row + 1 :] if not reading.blank(r)][:_PREVIEW_ROWS]
        self.table.clear()
        self.table.setColumnCount(width)
        self.table.setRowCount(len(shown) + 1)
        self.table.setHorizontalHeaderLabels([_column_letter(i) for i in range(width)])
        self.combos = []
        columns = self.state.importer.columns
        for index in range(width):
            combo = QComboBox()
            combo.addItem(NOT_IMPORTED, "")
            for column in columns:
                combo.addItem(column.label + ("（必填）" if column.required else ""), column.key)
            combo.setCurrentIndex(max(combo.findData(mapping.get(index, "")), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.table.setCellWidget(0, index, combo)
            self.combos.append(combo)
        for r, cells in enumerate(shown, start=1):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(_cell_text(value))
                if r == 1:
                    item.setBackground(QBrush(QColor("#f2dcdb")))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        self.state.mapping = {
            index: combo.currentData()
            for index, combo in enumerate(self.combos)
            if combo.currentData()
        }
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return len(set(self.state.mapping.values())) == len(self.state.mapping) > 0

    def mapping_for(self, index: int) -> str:
        return str(self.combos[index].currentData() or "")

    def set_mapping(self, index: int, key: str) -> None:
        """Choose the field of column ``index`` ("" for 不导入), as the clerk does in the combo."""
        combo = self.combos[index]
        combo.setCurrentIndex(max(combo.findData(key), 0))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class PreviewPage(QWizardPage):
    """The check: what would be added or updated, and every problem (errors block the import)."""

    def __init__(self, state: _State, file_page: FilePage) -> None:
        super().__init__()
        self.state = state
        self.file_page = file_page
        self.setTitle("检查结果")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = _table(["行号", "列", "问题", "类型"])
        self.preview = _table(["行号", "处理", "内容"])
        self.save = QPushButton("保存问题清单（Excel）…")
        self.save.clicked.connect(self._save_problems)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("问题清单（红色为错误，须改正后才能导入；其余为提醒）："))
        layout.addWidget(self.problems, 2)
        layout.addWidget(QLabel("导入预览："))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)

    def initializePage(self) -> None:
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
                update_existing=self.file_page.update_existing.isChecked(),
                options={"year": self.file_page.year.value()},
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(state.plan)

    def _show(self, plan: ImportPlan) -> None:
        verdict = "可以导入，请点击“导入”。" if plan.ok else ""
        self.summary.setText(f"导入到“{self.state.importer.title}”：{plan.summary()}。{verdict}")
        ordered = sorted(plan.problems, key=lambda p: (p.row, not p.is_error))
        self.problems.setRowCount(len(ordered))
        for r, p in enumerate(ordered):
            values = [
                f"第{p.row}行" if p.row else "表格",
                p.column,
                p.message,
                "错误" if p.is_error else "提醒",
            ]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if p.is_error:
                    item.setForeground(QBrush(_ERROR_COLOR))
                self.problems.setItem(r, c, item)
        self.preview.setRowCount(len(plan.rows))
        for r, row in enumerate(plan.rows):
            for c, text in enumerate([f"第{row.row}行", row.action, row.summary]):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.problems.resizeRowsToContents()
        self.save.setEnabled(bool(plan.problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.state.plan
        return plan is not None and plan.ok and (plan.count("新增") + plan.count("更新")) > 0

    def _save_problems(self) -> None:
        plan = self.state.plan
        assert plan is not None
        source = Path(plan.file_name)
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


class ImportWizard(QWizard):
    def __init__(self, parent: QWidget | None, archive: Archive, register_key: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("从Excel导入")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        fit_to_screen(self, 960, 640)
        importer = IMPORTERS.get(register_key, IMPORTERS["members"])
        self.state = _State(archive, importer)
        self.file_page = FilePage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.preview_page = PreviewPage(self.state, self.file_page)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步 >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.setButtonText(QWizard.WizardButton.FinishButton, "导入")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, register_key: str) -> ImportPlan | None:
        """The checked plan the clerk chose to import, or None when cancelled."""
        wizard = cls(parent, archive, register_key)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return None
        return wizard.state.plan
