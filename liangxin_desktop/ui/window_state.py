"""Windows that fit the screen and come back where the clerk left them; the last used folders.

Sizes, positions, the maximized state and the last folder of each kind of file dialog are kept
in the app's settings (``ui/settings.app_settings``: INI files in the data folder, so portable
mode keeps them on the stick), never in the archive: they belong to this PC, not to the records.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from liangxin_desktop.ui.settings import app_settings

FRAME_ALLOWANCE = 40  # the title bar and borders the window manager adds around a window


def settings() -> QSettings:
    return app_settings()


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (without the task bar).

    The screen is found with the static ``QGuiApplication.screenAt``, not ``widget.screen()``:
    PySide keeps the QScreen that ``widget.screen()`` returns as a child of the widget's Python
    wrapper, and when a closed dialog was collected in a reference cycle it took the screen with
    it — every window opened afterwards crashed (QWidget::screen() on a freed QScreen).
    """
    screen = None
    if widget is not None:
        screen = QGuiApplication.screenAt(widget.mapToGlobal(widget.rect().center()))
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height``, or smaller so that it fits the screen, centred."""
    area = available_area(widget)
    fitted_width = min(width, area.width() - FRAME_ALLOWANCE // 2)
    fitted_height = min(height, area.height() - FRAME_ALLOWANCE)
    widget.resize(fitted_width, fitted_height)
    widget.move(
        area.x() + (area.width() - fitted_width) // 2,
        area.y() + max(0, (area.height() - fitted_height - FRAME_ALLOWANCE) // 2),
    )


def restore_window(widget: QWidget, key: str, width: int, height: int) -> None:
    """Open ``widget`` as the clerk left it last time, or at a size that fits the screen."""
    saved = settings().value(f"{key}/geometry")
    if isinstance(saved, QByteArray) and widget.restoreGeometry(saved) and _on_screen(widget):
        return
    fit_to_screen(widget, width, height)


def remember_window(widget: QWidget, key: str) -> None:
    """Keep the size, position and maximized state of ``widget`` for the next time."""
    store = settings()
    store.setValue(f"{key}/geometry", widget.saveGeometry())
    store.sync()


def _on_screen(widget: QWidget) -> bool:
    """A saved geometry from a larger screen (or a screen no longer attached) is not used."""
    area = available_area(widget)
    frame = widget.frameGeometry() if widget.isWindow() else widget.geometry()
    if widget.isMaximized():
        return True
    return frame.width() <= area.width() and frame.height() <= area.height() + FRAME_ALLOWANCE


def last_folder(kind: str) -> Path:
    """Where the file dialog for ``kind`` (打开, 导出, 导入 …) starts: the last folder used."""
    saved = settings().value(f"folders/{kind}")
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    return Path.home()


def remember_folder(kind: str, chosen: Path) -> None:
    folder = chosen if chosen.is_dir() else chosen.parent
    store = settings()
    store.setValue(f"folders/{kind}", str(folder))
    store.sync()


def start_path(kind: str, name: str = "") -> str:
    """The start of a file dialog: the last folder of ``kind``, with a proposed file name."""
    folder = last_folder(kind)
    return str(folder / name) if name else str(folder)
