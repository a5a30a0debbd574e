"""Render the app icon (``resources/icons/liangxin-desktop.svg``) to PNG sizes and a Windows .ico.

``python packaging/icons.py OUT_DIR`` (run with the project's virtual environment: it uses Qt's
QSvgRenderer and Pillow). ``tasks.py build`` runs it; nothing generated is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "liangxin-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(
    out_dir: Path, svg: Path = SVG, sizes: tuple[int, ...] = PNG_SIZES
) -> dict[int, Path]:
    """One transparent PNG per size: ``OUT_DIR/<size>.png``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"图标文件无法读取：{svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        written[size] = out_dir / f"{size}.png"
        image.save(str(written[size]))
    return written


def make_ico(pngs: dict[int, Path], target: Path) -> Path:
    """A multi-size Windows icon from the rendered PNGs (Pillow)."""
    from PIL import Image

    largest = Image.open(pngs[max(pngs)])
    largest.save(target, sizes=[(s, s) for s in ICO_SIZES if s in pngs])
    return target


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    pngs = render_pngs(out)
    make_ico(pngs, out / "liangxin-desktop.ico")
    print(f"图标：{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
