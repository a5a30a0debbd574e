"""Dialogs wide enough for their whole title: a window manager such as openbox cuts a
title longer than the window (“下载导入… 0.1.0”), and the title is what the clerk reads first."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from liangxin_desktop.ui.window_state import FRAME_ALLOWANCE, available_area

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
    # the window manager's frame, both sides (not known before the window is shown)
    margins = frame.width() - widget.width() if widget.isVisible() else FRAME_ALLOWANCE // 2
    wanted = min(title_width(widget), area.width() - margins)
    if wanted <= widget.width():
        return
    widget.setMinimumWidth(wanted)
    widget.resize(wanted, widget.height())


def choose_item(
    parent: QWidget, title: str, label: str, items: list[str], current: int
) -> str | None:
    """QInputDialog.getItem with its whole title in sight; the chosen text, or None.

    Dialogs with long titles are widened one by one like this, not by an application event
    filter: a Python filter sees every event of every object, PySide must make a Python object for
    each (objects being destroyed too), and that crashed a later progress dialog in some runs.
    """
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(items[current])
    dialog.adjustSize()
    widen_for_title(dialog)
    try:
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
