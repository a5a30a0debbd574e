"""--today: every command works as on the day given (printing's 编印日期 and the default year)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from liangxin_desktop import app
from liangxin_desktop.storage.archive import Archive


def test_print_as_of_a_past_day(demo_archive: Archive, tmp_path: Path) -> None:
    path = demo_archive.path
    demo_archive.close()
    out = tmp_path / "花名册.pdf"
    args = ["print", "--data", str(path), "--register", "members", "--today", "2026-06-30"]
    assert app.main([*args, "--out", str(out)]) == 0
    cover = PdfReader(out).pages[0].extract_text()
    assert "2026年6月30日" in cover  # 编印日期 and 统计截至: the day given, not the computer's


def test_the_gui_title_shows_a_fixed_day(qtbot, archive: Archive) -> None:
    from datetime import date

    from liangxin_desktop import __version__
    from liangxin_desktop.ui.application import make_application
    from liangxin_desktop.ui.main_window import MainWindow

    make_application()
    window = MainWindow(archive, today=date(2025, 12, 31), fixed_day=True)
    qtbot.addWidget(window)
    # the day before the application's name, which ends the title (else Qt repeats it)
    assert window.windowTitle().endswith("（按2025年12月31日） — 两新党建台账 " + __version__)
    assert window.stats_tab.year.currentText() == "2025年度"
