"""Make Chinese render everywhere: register the bundled fonts with Qt and use them for the UI."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from liangxin_desktop import paths

log = logging.getLogger(__name__)
UI_FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")


def install_fonts(app: QApplication, point_size: float = 10.5) -> str | None:
    """Register the bundled fonts; the UI font becomes the bundled sans family."""
    family = None
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
        if font_id < 0:
            log.warning("font not loaded: %s", name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    if family:
        font = QFont(family)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return family
