"""The frame shared by every printed book: page header and footer, "第 X 页 共 Y 页", atomic writing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from liangxin_desktop import APP_NAME, __version__
from liangxin_desktop.output.files import Progress, atomic_output, no_progress
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


def numbered_canvas_class(setup: PageSetup) -> type[Canvas]:
    """A canvas that holds pages back until the end so each can say "共 Y 页"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", SANS)
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                _draw_running_text(self, setup, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_running_text(canvas: Canvas, setup: PageSetup, number: int, total: int) -> None:
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


class _ProgressDoc(BaseDocTemplate):
    """Reports progress per page and lets the clerk cancel between pages."""

    def __init__(self, *args: Any, progress: Progress, expected_pages: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._progress = progress
        self._expected = max(expected_pages, 1)

    def afterPage(self) -> None:
        self._progress(min(self.page, self._expected - 1), self._expected)


def build_pdf(
    target: Path,
    setup: PageSetup,
    story: list[Flowable],
    *,
    progress: Progress = no_progress,
    expected_pages: int = 1,
    on_first_page: Callable[[Canvas, Any], None] | None = None,
) -> Path:
    """Lay out ``story`` into ``target`` (written under a temporary name, then renamed)."""
    register_fonts()
    left, right, top, bottom = setup.margins
    width, height = setup.size
    with atomic_output(target) as temp:
        doc = _ProgressDoc(
            str(temp),
            pagesize=setup.size,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=f"{setup.org_name} {setup.title}",
            author=setup.org_name,
            creator=f"{APP_NAME} {__version__}",
            progress=progress,
            expected_pages=expected_pages,
            initialFontName=SANS,
        )
        frame = Frame(
            left,
            bottom,
            width - left - right,
            height - top - bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=on_first_page or _noop)]
        )
        doc.build(story, canvasmaker=numbered_canvas_class(setup))
    progress(1, 1)
    return target


def _noop(canvas: Canvas, doc: Any) -> None:
    """No per-page drawing beyond the running header and footer."""
