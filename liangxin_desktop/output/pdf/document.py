"""What every printed book shares: paper and margins, the running header and "第 X 页 共 Y 页"."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from liangxin_desktop import APP_NAME, __version__
from liangxin_desktop.output.pdf.fonts import SANS, register_fonts


@dataclass(frozen=True)
class PageSetup:
    """Paper, margins and the running header text of one book."""

    orientation: str = "landscape"
    org_name: str = ""
    title: str = ""
    binding_margin: bool = False  # 装订线: extra room on the left for binding

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.orientation == "landscape" else portrait(A4)

    @property
    def margins(self) -> tuple[float, float, float, float]:
        left = 25 * mm if self.binding_margin else 15 * mm
        return left, 12 * mm, 18 * mm, 15 * mm  # left, right, top, bottom

    @property
    def body(self) -> tuple[float, float, float, float]:
        """The printable box: x, y (bottom), width, height."""
        width, height = self.size
        left, right, top, bottom = self.margins
        return left, bottom, width - left - right, height - top - bottom


def new_canvas(path: str, setup: PageSetup) -> Canvas:
    """A canvas whose only fonts are our embedded ones (no stray Helvetica reference)."""
    register_fonts()
    canvas = Canvas(path, pagesize=setup.size, initialFontName=SANS, initialFontSize=9)
    canvas.setTitle(f"{setup.org_name} {setup.title}".strip())
    canvas.setAuthor(setup.org_name)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    return canvas


def draw_running_text(canvas: Canvas, setup: PageSetup, number: int, total: int) -> None:
    """Organization and register title above the body, page number below it."""
    width, height = setup.size
    left, right, top, bottom = setup.margins
    canvas.saveState()
    canvas.setFont(SANS, 8)
    canvas.setFillGray(0.35)
    canvas.drawString(left, height - top + 6 * mm, setup.org_name)
    canvas.drawRightString(width - right, height - top + 6 * mm, setup.title)
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.4)
    canvas.line(left, height - top + 4.5 * mm, width - right, height - top + 4.5 * mm)
    canvas.setFont(SANS, 9)
    canvas.setFillGray(0)
    canvas.drawCentredString(width / 2, bottom - 9 * mm, f"第 {number} 页  共 {total} 页")
    canvas.restoreState()
