"""``--smoke-test``: start the GUI offscreen on a temporary archive, render, print a page, quit."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run_smoke_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from liangxin_desktop.demo import DemoSpec, build_demo
    from liangxin_desktop.output.pdf.books import print_registers
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.ui.application import make_application
    from liangxin_desktop.ui.main_window import MainWindow

    app = make_application()
    with tempfile.TemporaryDirectory(prefix="liangxin-smoke-") as folder:
        archive = open_archive(Path(folder) / "smoke.lxdb")
        build_demo(archive, DemoSpec(seed=7, members=5))
        window = MainWindow(archive)
        window.show()
        app.processEvents()
        image = window.grab()
        from liangxin_desktop.catalog.members import MEMBERS

        pdf = print_registers(archive, [MEMBERS], Path(folder) / "smoke.pdf")
        ok = not image.isNull() and pdf.stat().st_size > 1000
        window.close()
        app.processEvents()
    print("smoke test ok" if ok else "smoke test FAILED", file=sys.stderr)
    return 0 if ok else 1
