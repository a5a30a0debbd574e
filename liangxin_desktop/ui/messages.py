"""Turning problems into dialogs: expected ones as a Chinese sentence, bugs as a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from liangxin_desktop import APP_NAME, __version__
from liangxin_desktop.errors import LiangxinError

log = logging.getLogger(__name__)


def show_problem(parent: QWidget | None, exc: LiangxinError, title: str = "无法完成") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, exc.headline, QMessageBox.StandardButton.Ok, parent
    )
    if exc.advice:
        box.setInformativeText(exc.advice)
    box.exec()


def show_crash(parent: QWidget | None, details: str) -> None:
    """A bug: say so plainly, offer the details to copy for the developers."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "程序出错",
        "程序遇到了一个意外错误。您已保存的数据不受影响。",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setInformativeText("请点击“复制错误信息”，把内容发给技术支持人员。必要时请重新启动程序。")
    box.setDetailedText(details)
    copy = box.addButton("复制错误信息", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.exec()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, LiangxinError):
            show_problem(QApplication.activeWindow(), value)
            return
        details = f"{APP_NAME} {__version__}\n" + "".join(
            traceback.format_exception(kind, value, tb)
        )
        log.error("unexpected error:\n%s", details)
        if QApplication.instance() is not None:
            show_crash(QApplication.activeWindow(), details)
        else:
            sys.__excepthook__(kind, value, tb)

    sys.excepthook = hook


def offer_open(parent: QWidget, path: object) -> None:
    """A file was saved: say where, and open it if the clerk wants to."""
    answer = QMessageBox.question(parent, "已完成", f"文件已保存：\n{path}\n\n现在打开它吗？")
    if answer == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
