"""帮助 → 关于: version, where the data is (with 打开文件夹), the bundled fonts and the licenses."""

from __future__ import annotations

import importlib.metadata
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import APP_NAME, __version__, paths
from liangxin_desktop.components import COMPONENTS, FONTS


def _version_of(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


def about_html(archive_path: Path) -> str:
    fonts = "".join(
        f"<li>{escape(label)}：{'已安装' if (paths.fonts_dir() / name).exists() else '缺失'}</li>"
        for name, label in FONTS
    )
    components = "".join(
        f"<tr><td>{escape(label)}</td><td>{_version_of(dist)}</td><td>{license_}</td></tr>"
        for dist, label, license_ in COMPONENTS
    )
    mode = "便携模式（数据保存在程序旁边的“数据”文件夹）" if paths.is_portable() else "安装模式"
    return (
        f"<h2>{escape(APP_NAME)} {__version__}</h2>"
        "<p>两新组织党组织“5簿6册1卡”档案台账，完全离线使用。本程序按 MIT 许可证发布。</p>"
        f"<p><b>运行方式：</b>{mode}<br/><b>数据文件夹：</b>{escape(str(paths.data_dir()))}<br/>"
        f"<b>当前台账：</b>{escape(str(archive_path))}</p>"
        f"<h3>字体</h3><ul>{fonts}</ul>"
        "<p>字体按 SIL Open Font License 1.1 随程序提供，打印的 PDF 中嵌入字体子集。"
        "许可证全文见程序文件夹 resources/fonts/OFL.txt。</p>"
        "<h3>使用的开源组件</h3>"
        '<table border="1" cellspacing="0" cellpadding="3"><tr><th>组件</th><th>版本</th><th>许可证</th></tr>'
        f"{components}</table>"
        "<p>Qt 按 LGPL-3.0 使用：程序文件夹中的 Qt 库可以替换为自行编译的版本。</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, archive_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"关于 {APP_NAME}")
        self.resize(640, 560)
        self.text = QTextBrowser()
        self.text.setObjectName("about")
        self.text.setHtml(about_html(archive_path))
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(f"数据文件夹：{paths.data_dir()}")
        self.folder_label.setWordWrap(True)
        self.open_folder_button = QPushButton("打开文件夹")
        self.open_folder_button.clicked.connect(self.open_data_folder)
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(folder_row)
        layout.addWidget(buttons)

    def open_data_folder(self) -> bool:
        folder = paths.data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
