"""统计 tab: the branch's statistics of a year as charts (QtCharts), with the 年报 tables and the
year's 工作总结 draft one click away. Figures come from ``storage.statistics`` only; the charts
are the same ``Chart`` values the printed statistics draw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.output.annual_report import annual_tables, cover_block
from liangxin_desktop.output.files import Progress
from liangxin_desktop.output.pdf.charts import Chart, nice_step
from liangxin_desktop.output.statistics_report import (
    statistics_charts,
    write_statistics_pdf,
    write_statistics_xlsx,
)
from liangxin_desktop.output.work_summary import write_work_summary
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive, open_reader
from liangxin_desktop.storage.queries import year_scope
from liangxin_desktop.storage.statistics import branch_statistics
from liangxin_desktop.storage.year_review import year_review
from liangxin_desktop.ui.messages import offer_open
from liangxin_desktop.ui.workers import run_with_progress

SERIES_COLOURS = ("#b71c1c", "#546e7a")
CHART_HEIGHT = 300
ROW_HEIGHT = 30  # per bar: room for the label beside it
YEARS_BACK = 15


def chart_view(chart: Chart) -> QChartView:
    """One bar chart in the window, drawn from the same figures as the printed one."""
    series = QHorizontalBarSeries()
    for index, figures in enumerate(chart.series):
        bars = QBarSet(chart.legend[index] if chart.legend else "人数")
        bars.append(list(reversed(figures)))  # horizontal bars grow upwards: first on top
        bars.setColor(QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]))
        series.append(bars)
    series.setLabelsVisible(len(chart.series) == 1)
    series.setLabelsFormat("@value")
    shown = QChart()
    shown.addSeries(series)
    shown.setTitle(chart.title)
    shown.setTitleFont(QFont(shown.titleFont().family(), 11, QFont.Weight.Bold))
    shown.legend().setVisible(bool(chart.legend))
    shown.setMargins(QMargins(4, 4, 4, 4))
    categories = QBarCategoryAxis()
    categories.append(list(reversed(chart.labels)))
    shown.addAxis(categories, Qt.AlignmentFlag.AlignLeft)  # whole Chinese labels, read across
    series.attachAxis(categories)
    axis = QValueAxis()
    top = max((max(s, default=0) for s in chart.series), default=0)
    step = nice_step(top)
    axis.setRange(0, max(step, -(-top // step) * step))
    axis.setTickCount(int(axis.max() // step) + 1)
    axis.setLabelFormat("%d")
    shown.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    view = QChartView(shown)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    rows = len(chart.labels) * len(chart.series)
    view.setMinimumHeight(max(CHART_HEIGHT, 90 + rows * ROW_HEIGHT))
    return view


class StatsTab(QWidget):
    def __init__(self, archive: Archive, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.today = archive, today
        self.stale = True  # computed when first shown
        self.year = QComboBox()
        self.year.setObjectName("stats_year")
        self.year.addItems([f"{y}年度" for y in range(today.year, today.year - YEARS_BACK, -1)])
        self.year.currentTextChanged.connect(lambda _text: self.reload())
        self.note = QLabel()
        self.excel_button = QPushButton("导出统计和年报（Excel）…")
        self.pdf_button = QPushButton("打印统计和年报（PDF）…")
        self.summary_button = QPushButton("生成工作总结（初稿）…")
        self.summary_button.setToolTip(
            "按台账记录生成本年度党建工作总结的Word初稿，需要您补写的段落已标出"
        )
        bar = QHBoxLayout()
        for widget in (QLabel("年度："), self.year, self.note):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.excel_button, self.pdf_button, self.summary_button):
            bar.addWidget(button)
        self.charts = QWidget()
        self.grid = QGridLayout(self.charts)
        for column in (0, 1):
            self.grid.setColumnStretch(column, 1)  # two charts a row, of equal width
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.summary_button.clicked.connect(lambda: self.save("docx"))
        self.views: list[QChartView] = []

    def selected_year(self) -> int:
        return int(self.year.currentText()[:4])

    def as_of(self) -> date:
        return year_scope(self.selected_year(), self.today)[0]

    def reload(self) -> None:
        stats = branch_statistics(self.archive, self.selected_year(), self.as_of())
        self.stale = False
        for view in self.views:
            self.grid.removeWidget(view)
            view.deleteLater()
        self.views = [chart_view(chart) for chart in statistics_charts(stats)]
        for index, view in enumerate(self.views):
            self.grid.addWidget(view, index // 2, index % 2)
        self.note.setText(f"党员人数截至{format_cn_date(stats.as_of)}，共 {len(stats.members)} 名")

    # -- saving ------------------------------------------------------------
    def _target(self, suffix: str, subject: str, filter_text: str) -> Path | None:
        name = organization.organization_name(self.archive) or "党组织"
        start = Path.home() / f"{name}-{self.selected_year()}年度{subject}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, f"保存{subject}", str(start), filter_text)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def save(self, kind: str) -> None:
        """导出/打印 the statistics with the 年报 tables, or write the 工作总结 draft, off the UI thread."""
        subject, filter_text = {
            "xlsx": ("统计和党内统计年报", "Excel 工作簿 (*.xlsx)"),
            "pdf": ("统计和党内统计年报", "PDF 文件 (*.pdf)"),
            "docx": ("党建工作总结（初稿）", "Word 文档 (*.docx)"),
        }[kind]
        target = self._target(f".{kind}", subject, filter_text)
        if target is None:
            return
        write = self._writer(kind, target)

        def job(progress: Progress) -> Path:
            reader = open_reader(self.archive)  # the job's own connection, in its own thread
            try:
                progress(0, 1)
                write(reader)
                progress(1, 1)
                return target
            finally:
                reader.close()

        run_with_progress(self, f"正在生成{subject}……", job, lambda path: offer_open(self, path))

    def _writer(self, kind: str, target: Path) -> Callable[[Archive], object]:
        year, as_of, today = self.selected_year(), self.as_of(), self.today
        if kind == "docx":
            return lambda reader: write_work_summary(year_review(reader, year, as_of), target)

        def write(reader: Archive) -> object:
            stats = branch_statistics(reader, year, as_of)
            tables, cover = annual_tables([stats]), cover_block(reader, today)
            if kind == "pdf":
                return write_statistics_pdf(stats, tables, cover, target, today)
            return write_statistics_xlsx(stats, tables, cover, target)

        return write
