"""帮助 → 使用说明: the bundled 用户手册 in a browser window; F1 on a register opens its section."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from liangxin_desktop import APP_NAME, paths
from liangxin_desktop.manual import manual_html


class HelpDialog(QDialog):
    """The manual, kept open beside the main window (not modal) while the clerk works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"使用说明 — {APP_NAME}")
        self.resize(900, 660)  # fits a 1366×768 screen with the task bar
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual")
        self.browser.setSearchPaths([str(paths.manual_dir())])
        self.browser.setOpenLinks(False)  # anchors stay inside; other links open outside
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setHtml(manual_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in {"", "file"} and url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
        else:
            QDesktopServices.openUrl(url)

    def show_section(self, anchor: str | None = None) -> None:
        """Show the window at a section (``reg-members``, ``first-start`` …) or at the top."""
        self.show()
        self.raise_()
        self.activateWindow()
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)
