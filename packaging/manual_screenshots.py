"""Remake the screenshots of the 用户手册 (``python3 tasks.py screenshots``).

Drives the real window offscreen at 1366×768 on a fresh archive (the welcome page, the empty roster
with its next steps) and on the demo archive (roster, a meeting book, the print preview) and saves
``resources/manual/images/*.png``, so the manual's pictures always show the program as it is.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS  # noqa: E402
from liangxin_desktop.demo import DemoSpec, build_demo  # noqa: E402
from liangxin_desktop.storage import organization  # noqa: E402
from liangxin_desktop.storage.archive import open_archive  # noqa: E402
from liangxin_desktop.ui.application import make_application  # noqa: E402
from liangxin_desktop.ui.main_window import MainWindow  # noqa: E402
from liangxin_desktop.ui.print_preview import PrintPreviewDialog, registers_job  # noqa: E402

IMAGES = ROOT / "resources" / "manual" / "images"
SCREEN = (1366, 728)  # a 1366×768 screen less the task bar
WIDTH = 1100  # pixels kept in the manual (scaled down smoothly)


def wait_until(condition: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("截图超时：界面没有在规定时间内准备好")
        QApplication.processEvents()
        time.sleep(0.05)


def progress_shown() -> bool:
    return any(
        w.isVisible() and w.inherits("QProgressDialog") for w in QApplication.topLevelWidgets()
    )


def has_ink(widget: QWidget) -> bool:
    """Text is drawn on the page (the middle third of the view), not only the blank sheet."""
    image = widget.grab().toImage()
    xs = range(image.width() // 3, 2 * image.width() // 3, 2)
    ys = range(0, image.height() - 20, 2)
    return any(image.pixelColor(x, y).lightness() < 140 for y in ys for x in xs)


def save(widget: QWidget, name: str) -> Path:
    QApplication.processEvents()
    image = widget.grab().toImage()
    if image.width() > WIDTH:
        from PySide6.QtCore import Qt

        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    target = IMAGES / f"{name}.png"
    if not image.save(str(target)):
        raise SystemExit(f"无法保存截图：{target}")
    print(f"截图：{target.relative_to(ROOT)}")
    return target


def window_on(path: Path) -> MainWindow:
    window = MainWindow(open_archive(path))
    window.resize(*SCREEN)
    window.show()
    QApplication.processEvents()
    return window


def fresh_archive_shots(folder: Path) -> None:
    path = folder / "新台账.lxdb"
    window = window_on(path)
    save(window, "welcome")
    organization.save_profile(
        window.archive, {"name": "中共示例科技有限公司支部委员会", "kind": "党支部"}
    )
    window.close()
    window = window_on(path)  # the profile is saved: the registers open on the empty roster
    save(window, "next-steps")
    window.close()


def demo_archive_shots(folder: Path) -> None:
    archive = open_archive(folder / "示例.lxdb")
    build_demo(archive, DemoSpec(seed=3, members=36, today=date.today()))
    archive.close()
    window = window_on(folder / "示例.lxdb")
    window.show_register("members")
    save(window, "roster")
    window.show_register("org_life")
    save(window, "meetings")
    year = date.today().year
    job = registers_job([COMMITTEE_MEETINGS], COMMITTEE_MEETINGS.title)
    preview = PrintPreviewDialog(window.archive, job, year, window)
    preview.resize(1100, 700)
    preview.show()
    wait_until(lambda: preview.document.pageCount() > 0)
    wait_until(lambda: preview.document.pageCount() > 0 and not progress_shown())
    wait_until(lambda: has_ink(preview.view))  # QPdfView draws its pages a moment later
    save(preview, "print-preview")
    preview.close()
    window.close()


def main() -> int:
    make_application()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liangxin-shots-") as temp:
        os.environ["LIANGXIN_DATA_DIR"] = temp  # never the clerk's real data folder
        fresh_archive_shots(Path(temp))
        demo_archive_shots(Path(temp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
