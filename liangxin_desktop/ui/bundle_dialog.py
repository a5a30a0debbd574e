"""导出移交包: one dialog — the year, where to save (a USB stick), and an optional password."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.bundle.making import check_password
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.ui.checked_dialog import CheckedDialog
from liangxin_desktop.ui.file_dialogs import ask_save
from liangxin_desktop.ui.register_tab import year_selector


@dataclass(frozen=True)
class BundleRequest:
    target: Path
    year: int
    password: str | None


def default_bundle_name(org_name: str, year: int) -> str:
    return f"{org_name or '台账'}-{year}年度移交包.zip"


class BundleDialog(CheckedDialog):
    def __init__(self, parent: QWidget | None, org_name: str, folder: Path) -> None:
        super().__init__(parent, "导出移交包", "生成移交包")
        self.setMinimumWidth(620)
        self.org_name = org_name
        self.year = year_selector()
        self.target = QLineEdit(str(folder / default_bundle_name(org_name, self._year())))
        self.target.setObjectName("bundle_target")
        browse = QPushButton("选择位置…")
        browse.clicked.connect(self._browse)
        self.year.currentTextChanged.connect(lambda _text: self._year_changed())
        self.encrypt = QCheckBox("加密（AES-256，对方用 7-Zip、WinRAR 或 Bandizip 输入密码打开）")
        self.encrypt.setChecked(True)
        self.password = QLineEdit()
        self.password.setObjectName("bundle_password")
        self.confirm = QLineEdit()
        self.confirm.setObjectName("bundle_confirm")
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText("至少6位，英文字母、数字或符号")
        self.encrypt.toggled.connect(self.password.setEnabled)
        self.encrypt.toggled.connect(self.confirm.setEnabled)
        self._layout(browse)

    def _layout(self, browse: QPushButton) -> None:
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("年度：", self.year)
        form.addRow("保存到：", where)
        form.addRow("", self.encrypt)
        form.addRow("密码：", self.password)
        form.addRow("再输一遍：", self.confirm)
        hint = QLabel(
            "移交包包含全年台账的 PDF 和 Excel、台账数据和校验清单，没有本程序也能阅读。"
            "写入后会从U盘读回核对，核对无误才算完成。请把密码当面或电话告诉对方，不要写在U盘上。"
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _year(self) -> int:
        return int(self.year.currentText()[:4])

    def _year_changed(self) -> None:
        current = Path(self.target.text())
        self.target.setText(str(current.parent / default_bundle_name(self.org_name, self._year())))

    def _browse(self) -> None:
        current = Path(self.target.text())
        chosen = ask_save(
            self, "移交包保存到", "bundle", current.name, "移交包压缩文件 (*.zip)", current.parent
        )
        if chosen:
            self.target.setText(
                str(chosen if chosen.suffix.lower() == ".zip" else chosen.with_suffix(".zip"))
            )

    def request(self) -> BundleRequest:
        """What was asked for; InvalidValue naming what is wrong."""
        text = self.target.text().strip()
        if not text:
            raise InvalidValue("请选择移交包的保存位置。")
        target = Path(text)
        if target.suffix.lower() != ".zip":
            target = target.with_suffix(".zip")
        password = None
        if self.encrypt.isChecked():
            password = self.password.text()
            check_password(password)
            if password != self.confirm.text():
                raise InvalidValue("两次输入的密码不一样。", "请重新输入。")
        return BundleRequest(target, self._year(), password)

    @classmethod
    def ask(cls, parent: QWidget | None, org_name: str, folder: Path) -> BundleRequest | None:
        return cls(parent, org_name, folder).answer()
