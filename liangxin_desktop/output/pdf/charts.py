"""Bar charts on printed pages (reportlab graphics), two to a page, in the project's fonts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from liangxin_desktop.output.pdf.document import Pager, PageSetup
from liangxin_desktop.output.pdf.fonts import SANS, SANS_BOLD

BAR_COLOURS = (colors.HexColor("#b71c1c"), colors.HexColor("#546e7a"))
CHARTS_PER_PAGE = 2


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[float, ...], ...]  # one or two series of the same length
    legend: tuple[str, ...] = ()


def nice_step(top: float, ticks: int = 6) -> int:
    """A whole step of 1, 2 or 5 × 10ⁿ giving about ``ticks`` grid lines up to ``top``."""
    step = 1
    while step * ticks < top:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if step * ticks >= top:
                break
    return step


def chart_drawing(chart: Chart, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height, initialFontName=SANS)  # renderPDF's first state: no Helvetica
    drawing.add(
        String(
            width / 2,
            height - 14,
            chart.title,
            fontName=SANS_BOLD,
            fontSize=12,
            textAnchor="middle",
        )
    )
    bars = VerticalBarChart()
    bars.x, bars.y = 36, 48
    bars.width, bars.height = width - 60, height - 90
    bars.data = [list(values) for values in chart.series]
    bars.categoryAxis.categoryNames = list(chart.labels)
    bars.categoryAxis.labels.fontName = SANS
    bars.categoryAxis.labels.fontSize = 7 if len(chart.labels) > 8 else 8
    bars.categoryAxis.labels.angle = 30 if len(chart.labels) > 8 else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if len(chart.labels) > 8 else "n"
    bars.valueAxis.labels.fontName = SANS
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueStep = nice_step(max((max(s, default=0) for s in chart.series), default=0))
    if len(chart.series) == 1:  # two series side by side: their labels would overlap
        bars.barLabels.fontName = SANS
        bars.barLabels.fontSize = 7
        bars.barLabelFormat = "%d"
        bars.barLabels.nudge = 6
    for index, colour in enumerate(BAR_COLOURS[: len(chart.series)]):
        bars.bars[index].fillColor = colour
    drawing.add(bars)
    for index, name in enumerate(chart.legend):
        x = 40 + index * 110
        drawing.add(String(x + 12, 8, name, fontName=SANS, fontSize=8))
        drawing.add(Rect(x, 7, 9, 8, fillColor=BAR_COLOURS[index], strokeColor=None))
    return drawing


class ChartPages:
    """A part of a book: its charts, two per page, one above the other."""

    def __init__(self, setup: PageSetup, charts: Sequence[Chart]) -> None:
        self.setup, self.charts = setup, list(charts)

    def measure(self) -> int:
        return -(-len(self.charts) // CHARTS_PER_PAGE)

    def draw(self, pager: Pager) -> None:
        x, y, width, height = self.setup.body
        slot = height / CHARTS_PER_PAGE
        for start in range(0, len(self.charts), CHARTS_PER_PAGE):
            pager.start(self.setup)
            for offset, chart in enumerate(self.charts[start : start + CHARTS_PER_PAGE]):
                drawing = chart_drawing(chart, width, slot - 6 * mm)
                renderPDF.draw(drawing, pager.canvas, x, y + height - (offset + 1) * slot)
            pager.finish()
