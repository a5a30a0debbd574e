"""从Excel导入: a wizard — file and sheet, the column mapping, then the check before importing.

The wizard writes nothing: ``ImportWizard.ask`` returns the checked plan (or None), and the
main window commits it in the background as one transaction. Problems name the Excel row
and the column as the clerk wrote it, and can be saved as an .xlsx to fix the file.
"""

from __future__ import annotations

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

from liangxin_desktop import clock
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.importing import reading
from liangxin_desktop.importing.columns import header_cells, map_row, missing_required
from liangxin_desktop.importing.plan import UPDATE_OPTION, ImportPlan
from liangxin_desktop.importing.runner import IMPORTERS, detect, guess_importer
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.file_dialogs import ask_open
from liangxin_desktop.ui.import_check_page import PreviewPage
from liangxin_desktop.ui.import_state import ImportState, cell_text
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.window_state import fit_to_screen

NOT_IMPORTED = "（不导入）"
_PREVIEW_ROWS = 8
_WARNING_STYLE = "color: #b71c1c;"


class FilePage(QWizardPage):
    """The file, its sheet and the register to import into (guessed from the sheet's headers)."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("选择要导入的文件")
        self.setSubTitle("支持 Excel 工作簿（.xlsx、.xls）和 CSV 文件。导入前会先检查全部内容。")
        self.register = QComboBox()
        for importer in IMPORTERS.values():
            self.register.addItem(importer.title, importer.key)
        self.register.setCurrentIndex(self.register.findData(state.importer.key))
        self.register_chosen = False  # the clerk picked the register: no more guessing
        self.guess = QLabel()
        self.guess.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText("点击“选择文件…”")
        self.path.textChanged.connect(self._load_sheets)
        browse = QPushButton("选择文件…")
        browse.clicked.connect(self._browse)
        self.sheet = QComboBox()
        self.sheet.currentTextChanged.connect(self._sheet_chosen)
        self.update_existing = QCheckBox(f"{UPDATE_OPTION}（空白单元格不会清除已有内容）")
        self.year = QSpinBox()
        self.year.setRange(1949, clock.today().year + 1)
        self.year.setValue(clock.today().year)
        self.year.setSuffix(" 年度")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("文件：", row)
        form.addRow("工作表：", self.sheet)
        form.addRow("导入到：", self.register)
        form.addRow("", self.guess)
        form.addRow("党费年度：", self.year)
        form.addRow("", self.update_existing)
        self.register.currentIndexChanged.connect(self._register_changed)
        self.register.activated.connect(self._register_picked)
        self._register_changed()

    def _register_changed(self) -> None:
        self.state.importer = IMPORTERS[self.register.currentData()]
        self.year.setEnabled(self.state.importer.key == "dues")

    def _register_picked(self) -> None:
        self.register_chosen = True
        self.guess.clear()

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

    def _sheet_chosen(self, name: str) -> None:
        """Read the chosen sheet and, unless the clerk picked one, choose the register it fits."""
        if not name or not self._read(quiet=True) or self.register_chosen:
            return
        guessed = guess_importer(self.state.sheet) if self.state.sheet else None
        self.state.guessed = guessed
        if guessed is None:
            self.guess.setText("从表头看不出是哪一本台账，请在上面选择。")
            return
        self.register.setCurrentIndex(self.register.findData(guessed.key))
        self.guess.setText(f"按表头判断，这是“{guessed.title}”的表格；如不对，请在上面改选。")

    def _read(self, quiet: bool) -> bool:
        """The chosen sheet into the shared state (read again only when file or sheet changed)."""
        path, name = Path(self.path.text().strip()), self.sheet.currentText()
        if self.state.sheet is not None and self.state.sheet_for == (str(path), name):
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sheet = reading.read_sheet(path, name)
        except LiangxinError as exc:
            QGuiApplication.restoreOverrideCursor()
            if not quiet:
                show_problem(self, exc, "无法读取文件")
            return False
        QGuiApplication.restoreOverrideCursor()
        self.state.sheet, self.state.sheet_for, self.state.path = sheet, (str(path), name), path
        self.state.excluded.clear()
        return True

    def isComplete(self) -> bool:
        return self.sheet.count() > 0

    def validatePage(self) -> bool:
        return self._read(quiet=False)


class MappingPage(QWizardPage):
    """The header row found, and one combo box per column saying which field it fills."""

    def __init__(self, state: ImportState) -> None:
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
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(_WARNING_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel("表头在："))
        top.addWidget(self.header)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        """The clerk's own mapping when coming back to the same file, sheet and register."""
        state = self.state
        sheet = state.sheet
        assert sheet is not None
        if state.mapped_for == state.source():
            row, mapping = state.header_row, dict(state.mapping)
        else:
            try:
                row, mapping = detect(sheet, state.importer)
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
        self._fill(row, map_row(header_cells(sheet, row), self.state.importer.columns))

    def _fill(self, row: int, mapping: dict[int, str]) -> None:
        sheet = self.state.sheet
        assert sheet is not None
        self.state.header_row = row
        width = sheet.width
        shown = [header_cells(sheet, row)]
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
                item = QTableWidgetItem(cell_text(value))
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
        self.state.mapped_for = self.state.source()
        self.warning.setText(self._looks_wrong())
        self.completeChanged.emit()

    def _looks_wrong(self) -> str:
        """What suggests the wrong register or a wrong header row; "" when all looks right."""
        state = self.state
        keys = set(state.mapping.values())
        inferred = state.importer.inferable(keys)
        columns = state.importer.columns
        missing = [
            c.label for c in missing_required(state.mapping, columns) if c.key not in inferred
        ]
        words = []
        if missing:
            words.append(f"没有对应到必填的列：{'、'.join(missing)}。")
        if state.guessed is not None and state.guessed.key != state.importer.key:
            words.append(f"这张表的表头更像“{state.guessed.title}”，请检查“导入到”是否选对。")
        if missing or len(keys) < 2:
            words.append("请检查表头所在的行，或在下拉框中指定各列。")
        return "".join(words)

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


class ImportWizard(QWizard):
    def __init__(self, parent: QWidget | None, archive: Archive, register_key: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("从Excel导入")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        fit_to_screen(self, 960, 640)
        importer = IMPORTERS.get(register_key, IMPORTERS["members"])
        self.state = ImportState(archive, importer)
        self.file_page = FilePage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.preview_page = PreviewPage(
            self.state, self.file_page.update_existing, self.file_page.year.value
        )
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步 >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.setButtonText(QWizard.WizardButton.FinishButton, "导入")

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, register_key: str) -> ImportPlan | None:
        """The checked plan the clerk chose to import, or None when cancelled."""
        wizard = cls(parent, archive, register_key)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return None
        return wizard.state.plan
