"""What every printed book shares: paper and margins, the running header, page numbers, bookmarks.

A printed book (one register of one year) is a sequence of *parts* — its cover, a 目录, the
table or the record pages — that are measured first and drawn afterwards, so that every page
can say "第 X 页 共 Y 页" and a 目录 can give page numbers. Pages are numbered per book: the
cover is page 1 (not printed on it), so a book's pages read the same whether it is printed alone
or inside the year's archive. ``write_document`` draws several books into one PDF with a
bookmark (PDF outline entry) per book and per record inside it.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from liangxin_desktop import APP_NAME, __version__
from liangxin_desktop.files import atomic_output
from liangxin_desktop.output.files import Progress, no_progress
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
        left = 28 * mm if self.binding_margin else 18 * mm
        return left, 15 * mm, 20 * mm, 18 * mm  # left, right, top, bottom

    @property
    def body(self) -> tuple[float, float, float, float]:
        """The printable box: x, y (bottom), width, height."""
        width, height = self.size
        left, right, top, bottom = self.margins
        return left, bottom, width - left - right, height - top - bottom


class PageCanvas(Canvas):
    """A reportlab canvas that can leave pages out (printing a page range) without changing
    anything else: numbering, the 目录 and the bookmarks stay those of the whole book."""

    def __init__(self, target: str | BinaryIO, setup: PageSetup, keep: Container[int] | None):
        super().__init__(target, pagesize=setup.size, initialFontName=SANS, initialFontSize=9)
        self._keep = keep

    def keeps(self, sequence: int) -> bool:
        """Whether the ``sequence``-th page of the document (from 1) goes into the file."""
        return self._keep is None or sequence in self._keep

    def showPage(self) -> None:
        if self.keeps(self.getPageNumber()):
            super().showPage()
        else:
            self._startPage()  # forget what was drawn; the page number still moves on


class Pager:
    """Hands out pages to the parts of one book: running header, "第 X 页 共 Y 页", bookmarks."""

    def __init__(self, canvas: PageCanvas, book: Book, progress: Callable[[], None]) -> None:
        self.canvas = canvas
        self.book_pages = book.pages
        self.number = 0  # page within the book
        self.bookmarks = 0
        self._progress = progress
        self._book_title: str | None = book.title  # its bookmark goes on its first page kept

    def start(self, setup: PageSetup, *, running: bool = True) -> None:
        """Begin the next page of the book in ``setup``'s orientation."""
        self.number += 1
        self.canvas.setPageSize(setup.size)
        if self._book_title is not None and self._kept():
            self._add(self._book_title, 0)
            self._book_title = None
        if running:
            draw_running_text(self.canvas, setup, self.number, self.book_pages)

    def finish(self) -> None:
        self.canvas.showPage()
        self._progress()

    def bookmark(self, title: str) -> None:
        """A PDF outline entry under the book's, for the current page (when it is kept)."""
        if self._book_title is None and self._kept():
            self._add(title, 1)

    def _kept(self) -> bool:
        return self.canvas.keeps(self.canvas.getPageNumber())

    def _add(self, title: str, level: int) -> None:
        self.bookmarks += 1
        key = f"b{self.canvas.getPageNumber()}.{self.bookmarks}"
        self.canvas.bookmarkPage(key, fit="XYZ")
        self.canvas.addOutlineEntry(title, key, level=level, closed=level == 0)


class Part(Protocol):
    """A run of pages in a book: measured (its page count) before it is drawn."""

    setup: PageSetup

    def measure(self) -> int: ...

    def draw(self, pager: Pager) -> None: ...


@dataclass
class Book:
    """One register (or the archive's cover) as printed: its parts, numbered together."""

    title: str
    parts: list[Part] = field(default_factory=list)
    pages: int = 0

    def measure(self) -> int:
        self.pages = sum(part.measure() for part in self.parts)
        return self.pages


def new_canvas(
    target: str | BinaryIO, setup: PageSetup, keep: Container[int] | None = None
) -> PageCanvas:
    """A canvas whose only fonts are our embedded ones (no stray Helvetica reference)."""
    register_fonts()
    canvas = PageCanvas(target, setup, keep)
    canvas.setTitle(f"{setup.org_name} {setup.title}".strip())
    canvas.setAuthor(setup.org_name)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    canvas.setProducer(f"{APP_NAME} {__version__}")
    return canvas


def draw_books(canvas: PageCanvas, books: Sequence[Book], progress: Progress = no_progress) -> None:
    """Measure the books, then draw them one after another with a bookmark each."""
    total = sum(book.measure() for book in books)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        progress(done, total)

    progress(0, total)
    for book in books:
        pager = Pager(canvas, book, tick)
        for part in book.parts:
            part.draw(pager)
    canvas.showOutline()


def write_document(
    books: Sequence[Book],
    target: Path | BinaryIO,
    title: str,
    progress: Progress = no_progress,
    keep: Container[int] | None = None,
) -> None:
    """Write ``books`` into one PDF: a file (under a temporary name until complete) or a stream.

    ``keep`` limits the output to those pages (numbered through the whole document from 1).
    """
    first = books[0].parts[0].setup
    setup = PageSetup(first.orientation, first.org_name, title, first.binding_margin)
    if isinstance(target, Path):
        with atomic_output(target) as temp:
            canvas = new_canvas(str(temp), setup, keep)
            draw_books(canvas, books, progress)
            canvas.save()
    else:
        canvas = new_canvas(target, setup, keep)
        draw_books(canvas, books, progress)
        canvas.save()


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
    canvas.drawCentredString(width / 2, bottom - 10 * mm, f"第 {number} 页  共 {total} 页")
    if setup.binding_margin:
        _draw_binding_line(canvas, setup)
    canvas.restoreState()


def _draw_binding_line(canvas: Canvas, setup: PageSetup) -> None:
    """装订线: a dashed line in the binding margin with the words 装 订 线 along it."""
    _, height = setup.size
    x = setup.margins[0] - 12 * mm
    canvas.setStrokeGray(0.55)
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 2)
    canvas.line(x, 15 * mm, x, height - 15 * mm)
    canvas.setDash()
    canvas.setFont(SANS, 8)
    canvas.setFillGray(0.45)
    for index, char in enumerate("装订线"):
        y = height / 2 + (1 - index) * 40 * mm
        canvas.setFillGray(1)
        canvas.rect(x - 2.2 * mm, y - 1.2 * mm, 4.4 * mm, 4.4 * mm, stroke=0, fill=1)
        canvas.setFillGray(0.45)
        canvas.drawCentredString(x, y, char)


def parse_page_ranges(text: str) -> frozenset[int]:
    """ "1-3,8" → {1, 2, 3, 8}; page numbers count from 1. ValueError with a Chinese message."""
    pages: set[int] = set()
    cleaned = text.replace("，", ",").replace("－", "-").replace("—", "-").replace(" ", "")
    for part in filter(None, cleaned.split(",")):
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise ValueError(f"页码范围“{text}”写法不对，应写成 1-3,8 这样")
        start, end = int(first), int(last or first)
        if start < 1 or end < start:
            raise ValueError(f"页码范围“{part}”不对：页码从 1 开始，前面的数不能大于后面的数")
        if end - start > 100_000:
            raise ValueError(f"页码范围“{part}”太大")
        pages.update(range(start, end + 1))
    if not pages:
        raise ValueError("没有填写页码范围")
    return frozenset(pages)
