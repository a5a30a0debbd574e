"""The 统计 tab: charts of the archive's figures, and the 年报 saved with a click."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow


def test_stats_tab_charts_and_saving_the_annual_tables(
    qtbot, demo_archive: Archive, tmp_path: Path, monkeypatch
) -> None:
    make_application()
    window = MainWindow(demo_archive, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    tab = window.stats_tab
    assert tab.stale and not tab.views  # nothing computed before the clerk looks
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bool(tab.views))
    titles = [view.chart().title() for view in tab.views]
    assert "党员人员类别（截至2026年11月28日）" in titles
    category = tab.views[titles.index("党员人员类别（截至2026年11月28日）")].chart()
    bars = category.series()[0].barSets()[0]
    labels = category.axes(Qt.Orientation.Vertical)[0].categories()
    assert labels[-1] == "正式党员"  # the first category is drawn on top
    members = demo_archive.db.execute(
        "SELECT count(*) FROM people WHERE stage = 'member' AND member_category = '正式党员'"
    ).fetchone()[0]
    assert bars.at(labels.index("正式党员")) == members
    target = tmp_path / "年报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    qtbot.mouseClick(tab.excel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    assert "年报.xlsx" in asked[0]
    sheet = load_workbook(target)["党员队伍基本情况"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if row[0] == "党组织名称")
    figures = dict(zip(header, rows[rows.index(header) + 1], strict=True))
    assert figures["正式党员"] == members
