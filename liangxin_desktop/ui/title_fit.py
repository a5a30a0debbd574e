"""Every dialog is wide enough for its whole title: a window manager such as openbox cuts a
title longer than the window (“下载导入… 0.1.0”), and the title is what the clerk reads first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from liangxin_desktop.ui.window_state import available_area

# the title bar's icon and its three buttons, with the window manager's margins
TITLE_BAR_ALLOWANCE = 130


def shown_title(widget: QWidget) -> str:
    """The title as the window manager shows it (Qt adds the application's display name)."""
    title = widget.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    return f"{title} — {name}" if name and name not in title else title


def title_width(widget: QWidget) -> int:
    """The width a window needs for its whole title, in pixels (a bold title-bar font)."""
    font = QFont(widget.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(shown_title(widget)) + TITLE_BAR_ALLOWANCE


def widen_for_title(widget: QWidget) -> None:
    """Make ``widget`` wide enough for its title, frame included never wider than the screen
    (Qt centres it over its parent after the Show event, with the new width)."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    margins = frame.width() - widget.width()  # the window manager's frame, both sides
    wanted = min(title_width(widget), area.width() - margins)
    if wanted <= widget.width():
        return
    widget.setMinimumWidth(wanted)
    widget.resize(wanted, widget.height())


class TitleFitter(QObject):
    """An application event filter: widens each dialog for its title as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and watched.windowTitle()
        ):
            widen_for_title(watched)
        return False


def install_title_fitter(app: QApplication) -> None:
    if getattr(app, "_liangxin_title_fitter", None) is None:
        fitter = TitleFitter(app)
        app.installEventFilter(fitter)
        app._liangxin_title_fitter = fitter  # type: ignore[attr-defined]  # keep alive
