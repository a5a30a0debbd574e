"""汇总移交包: pick several bundles, the password they share (if any), and where the summary goes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.ui.checked_dialog import CheckedDialog
from liangxin_desktop.ui.file_dialogs import ask_folder, ask_open_many, ask_save


@dataclass(frozen=True)
class SummaryRequest:
    bundles: list[Path]
    password: str | None
    workbook: Path
    pdf: Path | None


class SummaryDialog(CheckedDialog):
    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        super().__init__(parent, "汇总移交包", "生成汇总表")
        self.setMinimumWidth(640)
        self.folder = folder
        self.bundles = QListWidget()
        self.bundles.setObjectName("summary_bundles")
        add_files = QPushButton("添加移交包（.zip）…")
        add_files.clicked.connect(self._add_files)
        add_folder = QPushButton("添加移交包文件夹…")
        add_folder.clicked.connect(self._add_folder)
        remove = QPushButton("移除所选")
        remove.clicked.connect(self._remove_selected)
        self.password = QLineEdit()
        self.password.setObjectName("summary_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("移交包加密时填写（各移交包用同一个密码）")
        self.workbook = QLineEdit(str(folder / "移交包汇总表.xlsx"))
        self.workbook.setObjectName("summary_workbook")
        self.with_pdf = QCheckBox("同时生成打印用的 PDF（与 Excel 同名）")
        self.with_pdf.setChecked(True)
        self._layout([add_files, add_folder, remove])

    def _layout(self, list_buttons: list[QPushButton]) -> None:
        row = QHBoxLayout()
        for button in list_buttons:
            row.addWidget(button)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow("密码：", self.password)
        where = QHBoxLayout()
        where.addWidget(self.workbook, 1)
        browse = QPushButton("选择位置…")
        browse.clicked.connect(self._browse)
        where.addWidget(browse)
        form.addRow("汇总表保存为：", where)
        form.addRow("", self.with_pdf)
        hint = QLabel("每个移交包先校验；未通过校验的单独列出，不计入合计。")
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.bundles, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def add_bundle(self, path: Path) -> None:
        existing = {self.bundles.item(i).text() for i in range(self.bundles.count())}
        if str(path) not in existing:
            self.bundles.addItem(str(path))

    def _remove_selected(self) -> None:
        for item in self.bundles.selectedItems():
            self.bundles.takeItem(self.bundles.row(item))

    def _add_files(self) -> None:
        for path in ask_open_many(self, "选择移交包", "bundle", "移交包 (*.zip)"):
            self.add_bundle(path)

    def _add_folder(self) -> None:
        chosen = ask_folder(self, "选择移交包文件夹", "bundle")
        if chosen:
            self.add_bundle(chosen)

    def _browse(self) -> None:
        current = Path(self.workbook.text())
        chosen = ask_save(
            self, "汇总表保存为", "export", current.name, "Excel 工作簿 (*.xlsx)", current.parent
        )
        if chosen:
            self.workbook.setText(str(chosen))

    def request(self) -> SummaryRequest:
        if not self.bundles.count():
            raise InvalidValue("请先添加要汇总的移交包。")
        workbook = Path(self.workbook.text().strip() or "移交包汇总表.xlsx")
        if workbook.suffix.lower() != ".xlsx":
            workbook = workbook.with_suffix(".xlsx")
        paths = [Path(self.bundles.item(i).text()) for i in range(self.bundles.count())]
        return SummaryRequest(
            paths,
            self.password.text() or None,
            workbook,
            workbook.with_suffix(".pdf") if self.with_pdf.isChecked() else None,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> SummaryRequest | None:
        return cls(parent, folder).answer()
