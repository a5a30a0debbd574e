"""The bundled Chinese fonts, registered once with reportlab and embedded as subsets.

reportlab's built-in CID fonts (STSong-Light) are not embedded and print as blanks on
PCs without Adobe's font pack, so every PDF uses these TrueType files instead.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from liangxin_desktop import paths
from liangxin_desktop.errors import OutputError

SANS = "LxSans"  # 黑体-style, tables
SANS_BOLD = "LxSansBold"  # titles
SERIF = "LxSerif"  # 宋体-style body text

FONT_FILES = {
    SANS: "NotoSansSC-Regular.ttf",
    SANS_BOLD: "NotoSansSC-Bold.ttf",
    SERIF: "NotoSerifSC-Regular.ttf",
}
_lock = threading.Lock()


@cache
def _register_all() -> None:
    for name, file_name in FONT_FILES.items():
        path = paths.fonts_dir() / file_name
        if not path.exists():
            raise OutputError(f"缺少打印用的中文字体文件“{file_name}”。", "请重新安装本程序。")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, SANS_BOLD)


def register_fonts() -> None:
    """Load the fonts (about a second the first time; later calls are free)."""
    with _lock:
        _register_all()
