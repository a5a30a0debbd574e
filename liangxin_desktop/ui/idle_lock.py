"""The idle lock: after the set minutes without a key or mouse input, every window of the app is
covered and the 启动密码 asked again (only when a password is set).

Open forms are not closed (closing a dialog would end its ``exec``): each is covered with an
opaque panel, its draft is kept at once, and the application-modal unlock dialog on top
takes every input until the password is typed — what was typed is all still there after.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from liangxin_desktop.storage import privacy
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.drafts import DraftKeeper
from liangxin_desktop.ui.password_dialog import UnlockDialog

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


COVER_COLOR = "#eceff1"


class LockedWindow(Protocol):
    """What the lock uses of the main window."""

    archive: Archive


class Cover(QWidget):
    """An opaque panel over the whole of one window, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint it: opaque
        self.setStyleSheet(f"#lock_cover {{ background: {COVER_COLOR}; }}")
        layout = QVBoxLayout(self)
        label = QLabel("台账已锁定")
        label.setStyleSheet("font-size: 22px; color: #546e7a;")
        layout.addStretch(1)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class IdleLock(QObject):
    """Watches the application's input; locks the windows when the archive's idle time passes."""

    def __init__(self, window: LockedWindow) -> None:
        app = QApplication.instance()
        assert app is not None
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.covers: list[Cover] = []
        self.dialog: UnlockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.watching = False  # the application's input is watched only while the lock is armed
        if isinstance(window, QObject):  # the window goes: so does the watching of input
            window.destroyed.connect(self.stop_watching)
        self.refresh()

    def _watch(self, on: bool) -> None:
        """An application event filter sees every event of every object (PySide makes a Python
        object for each), so it is there only while a password and an idle time are set."""
        app = QApplication.instance()
        if app is not None and on != self.watching:
            if on:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
            self.watching = on

    def stop_watching(self) -> None:
        self._watch(False)
        self.timer.stop()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def refresh(self) -> None:
        """Read the archive's setting again (after it changed, or another archive was opened)."""
        archive = self.window.archive
        seconds = 0 if archive.closed else privacy.idle_lock_seconds(archive)
        self._watch(bool(seconds))  # 0 without a password
        if seconds and not self.locked:
            self.timer.start(seconds * 1000)
        elif not seconds:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start()  # input: the idle time starts again
        return False

    def lock(self) -> None:
        archive = self.window.archive
        if self.locked or archive.closed or not privacy.has_password(archive):
            return
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()  # an open menu or list would stay above the cover
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for window in windows:
            for keeper in window.findChildren(DraftKeeper):
                keeper.keep()  # nothing typed depends on the lock ending well
        self.covers = [Cover(w) for w in windows]
        self.dialog = UnlockDialog(archive, locked=True, parent=None)
        self.dialog.accepted.connect(self.unlock)
        self.dialog.show()

    def unlock(self) -> None:
        for cover in self.covers:
            window = cover.parentWidget()
            if window is not None:
                window.removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.refresh()
