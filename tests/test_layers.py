"""Qt only in ui/: everything below it imports without loading PySide6."""

from __future__ import annotations

import subprocess
import sys

BELOW_UI = [
    "liangxin_desktop.cli",
    "liangxin_desktop.demo",
    "liangxin_desktop.domain.dues",
    "liangxin_desktop.catalog",
    "liangxin_desktop.catalog.members",
    "liangxin_desktop.storage.people",
    "liangxin_desktop.storage.queries",
    "liangxin_desktop.output.excel",
    "liangxin_desktop.output.pdf.books",
    "liangxin_desktop.bundle.making",
    "liangxin_desktop.bundle.reading",
    "liangxin_desktop.bundle.summary_report",
    "liangxin_desktop.bundle.commands",
]


def test_no_qt_below_the_ui() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in BELOW_UI)
        + ("loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\nprint(loaded)\n")
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
