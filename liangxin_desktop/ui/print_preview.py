"""打印预览: the very PDF that will be printed or saved, with year, 装订线 and page range.

The PDF is made in the background into memory (never a temporary file: it holds names and ID
numbers) and shown with QtPdf. 打印 renders those pages to the printer the clerk picks in the
system print dialog; 导出PDF saves the same pages under a temporary name, renamed when complete.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import Cancelled, InvalidValue, OutputError
from liangxin_desktop.files import atomic_output
from liangxin_desktop.output.files import Progress
from liangxin_desktop.output.pdf.books import PrintOptions, build_books, print_folder
from liangxin_desktop.output.pdf.document import Book, parse_page_ranges, write_document
from liangxin_desktop.storage import organization, queries
from liangxin_desktop.storage.archive import Archive, open_reader
from liangxin_desktop.ui.file_dialogs import ask_folder, ask_save, output_file_name
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.window_state import fit_to_screen
from liangxin_desktop.ui.workers import run_with_progress

PRINT_DPI = 300  # pages are sent to the printer as images of this resolution
MakeBooks = Callable[[Archive, int, PrintOptions], list[Book]]


@dataclass(frozen=True)
class PrintJob:
    """What to print: a title for file names and a way to build the books for a year."""

    title: str
    make_books: MakeBooks
    yearly: bool = True  # offer the 年度 choice
    photos: bool = False  # offer 2 or 4 photos a page
    registers: tuple[Register, ...] = ()  # when set, 按台账分别保存 is offered


def registers_job(registers: Sequence[Register], title: str) -> PrintJob:
    """Printing registers: rosters as at the end of a past year (or today), books of that year."""

    def make(reader: Archive, year: int, options: PrintOptions) -> list[Book]:
        as_of, row_filter = queries.year_scope(year, options.printed_on)
        return build_books(reader, registers, as_of=as_of, row_filter=row_filter, options=options)

    return PrintJob(
        title,
        make,
        yearly=any(r.date_field or r.derived or r.is_roster for r in registers),
        photos=any(r.print_layout == "album" for r in registers),
        registers=tuple(registers) if len(registers) > 1 else (),
    )


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    pages: Sequence[int],
    progress: Progress,
) -> None:
    """Send ``pages`` (numbered from 1) of ``document`` to ``printer`` as page images."""
    painter = QPainter()
    for index, number in enumerate(pages):
        size = document.pagePointSize(number - 1)
        orientation = (
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        printer.setPageOrientation(orientation)  # applies from the next page on
        if index == 0:
            if not painter.begin(printer):
                raise OutputError("无法开始打印。", "请检查打印机是否已连接并处于就绪状态。")
        elif not printer.newPage():
            painter.end()
            raise OutputError("打印机没有接受下一页。", "请检查打印机后重试。")
        dpi = min(printer.resolution(), PRINT_DPI)
        image = document.render(
            number - 1,
            QSize(math.ceil(size.width() / 72 * dpi), math.ceil(size.height() / 72 * dpi)),
        )
        area = QRectF(painter.viewport())
        scale = min(area.width() / image.width(), area.height() / image.height())
        width, height = image.width() * scale, image.height() * scale
        painter.drawImage(
            QRectF(area.x() + (area.width() - width) / 2, area.y(), width, height), image
        )
        try:
            progress(index + 1, len(pages))
        except Cancelled:
            printer.abort()
            painter.end()
            raise
    if painter.isActive():
        painter.end()


class PrintPreviewDialog(QDialog):
    def __init__(
        self,
        archive: Archive,
        job: PrintJob,
        year: int | None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive, self.job = archive, job
        self.today = clock.resolve_today(today)  # the window's day: 编印日期 and the years offered
        self.setWindowTitle(f"打印预览 — {job.title}")
        fit_to_screen(self, 980, 760)
        self.pdf = b""
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self.document)

        self.year = QComboBox()
        self.year.setObjectName("year")
        this_year = self.today.year
        self.year.addItems([f"{y}年度" for y in range(this_year, this_year - 15, -1)])
        if year is not None and this_year - 15 < year <= this_year:
            self.year.setCurrentIndex(this_year - year)
        self.binding = QCheckBox("留装订线")
        self.blank = QCheckBox("空台账也印空白页")
        self.public = QCheckBox("公示用（隐藏身份证号）")
        self.public.setToolTip("身份证号只印前4位和后4位，如 3301**********1234，用于张贴公示")
        self.blank.setToolTip("不勾选时，没有记录的台账只印封面，并注明“本年度无记录”")
        self.binding.setToolTip("左侧多留 1 厘米并画出装订线，便于装订成册")
        self.photos = QComboBox()
        self.photos.addItems(["每页 4 张照片", "每页 2 张照片"])
        self.pages = QLineEdit()
        self.pages.setPlaceholderText("全部页")
        self.pages.setToolTip("只打印或保存部分页时填写，例如 1-3,8（按预览中的页序）")
        self.pages.setMaximumWidth(160)
        self.page_count = QLabel()

        top = QHBoxLayout()
        if job.yearly:
            top.addWidget(QLabel("年度："))
            top.addWidget(self.year)
        top.addWidget(self.binding)
        top.addWidget(self.blank)
        top.addWidget(self.public)
        if job.photos:
            top.addWidget(self.photos)
        self.again = QPushButton("重新生成")
        self.again.setToolTip("台账有改动，或生成被取消时，按当前设置重新生成预览")
        self.again.clicked.connect(self.refresh)
        top.addStretch()
        top.addWidget(self.page_count)
        top.addWidget(self.again)

        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("导出PDF…")
        self.folder_button = QPushButton("按台账分别保存…")
        self.folder_button.setToolTip("每个台账单独一个 PDF 文件，放在一个新文件夹中")
        close = QPushButton("关闭")
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("页码范围："))
        bottom.addWidget(self.pages)
        self._add_viewing(bottom)
        bottom.addStretch()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        if job.registers:
            bottom.addWidget(self.folder_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        self.folder_button.clicked.connect(self.save_folder)
        close.clicked.connect(self.reject)
        self.year.currentIndexChanged.connect(self.refresh)
        self.binding.toggled.connect(self.refresh)
        self.blank.toggled.connect(self.refresh)
        self.public.toggled.connect(self.refresh)
        self.photos.currentIndexChanged.connect(self.refresh)
        self._set_ready(False)
        self.refresh()

    # -- settings ----------------------------------------------------------
    def selected_year(self) -> int:
        return int(self.year.currentText()[:4])

    def options(self) -> PrintOptions:
        return PrintOptions(
            binding_margin=self.binding.isChecked(),
            blank_pages=self.blank.isChecked(),
            mask_ids=self.public.isChecked(),
            photos_per_page=2 if self.photos.currentIndex() == 1 else 4,
            printed_on=self.today,
        )

    # -- looking at the pages ---------------------------------------------
    ZOOMS = (("适合页面", 0.0), ("适合宽度", -1.0), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0),
             ("150%", 1.5), ("200%", 2.0))  # fmt: skip

    def _add_viewing(self, row: QHBoxLayout) -> None:
        """缩放 and 转到第 N 页, beside the page range."""
        self.zoom = QComboBox()
        self.zoom.setObjectName("zoom")
        for text, factor in self.ZOOMS:
            self.zoom.addItem(text, factor)
        self.zoom.currentIndexChanged.connect(self.set_zoom)
        self.go_to = QSpinBox()
        self.go_to.setObjectName("go_to")
        self.go_to.setRange(1, 1)
        self.go_to.setPrefix("第 ")
        self.go_to.setSuffix(" 页")
        self.go_to.valueChanged.connect(self.jump_to)
        for widget in (QLabel("缩放："), self.zoom, QLabel("转到："), self.go_to):
            row.addWidget(widget)

    def set_zoom(self) -> None:
        factor = float(self.zoom.currentData())
        if factor == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        elif factor < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)

    def jump_to(self, number: int) -> None:
        if 0 < number <= self.document.pageCount():
            self.view.pageNavigator().jump(number - 1, QPointF(), self.view.zoomFactor())

    def selected_pages(self) -> list[int]:
        """The pages to print or save, from 1; InvalidValue when the range is wrong."""
        total = self.document.pageCount()
        text = self.pages.text().strip()
        if not text:
            return list(range(1, total + 1))
        try:
            chosen = parse_page_ranges(text)
        except ValueError as exc:
            raise InvalidValue(f"{exc}。", "例如：1-3,8；留空则为全部页。") from exc
        pages = sorted(page for page in chosen if page <= total)
        if not pages:
            raise InvalidValue(f"页码范围“{text}”超出了共 {total} 页。", "请重新填写页码范围。")
        return pages

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button, self.folder_button):
            button.setEnabled(ready)

    # -- making the PDF ----------------------------------------------------
    def _run(self, label: str, job: Callable[[Progress], object], done: Callable) -> Any:
        return run_with_progress(self, label, job, done)

    def _books_job(self, write: Callable[[list[Book], Progress], object]) -> Callable:
        archive, make, options = self.archive, self.job.make_books, self.options()
        year = self.selected_year()

        def job(progress: Progress) -> object:
            reader = open_reader(archive)  # the job's own connection, in its own thread
            try:
                with reader.snapshot():
                    return write(make(reader, year, options), progress)
            finally:
                reader.close()

        return job

    def refresh(self) -> None:
        """Make the PDF again for the chosen year and options, and show it."""
        self._set_ready(False)
        self.page_count.setText("正在生成……")

        def render(books: list[Book], progress: Progress) -> bytes:
            from liangxin_desktop.output.pdf.books import render_books

            return render_books(books, progress)

        run_with_progress(
            self,
            "正在生成打印预览……",
            self._books_job(render),
            self._show,
            on_cancelled=lambda: self.page_count.setText("已取消，点“重新生成”再试"),
            on_failed=lambda: self.page_count.setText("没有生成"),
        )

    def _show(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        self.pdf = pdf
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.page_count.setText(f"共 {self.document.pageCount()} 页")
        self.go_to.setRange(1, max(1, self.document.pageCount()))
        self._set_ready(self.document.pageCount() > 0)

    # -- printing and saving -----------------------------------------------
    def print_pages(self) -> None:
        try:
            pages = self.selected_pages()
        except InvalidValue as exc:
            show_problem(self, exc, "页码范围不对")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.job.title)
        printer.setFromTo(pages[0], pages[-1])
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, self.document.pageCount())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            first, last = printer.fromPage(), printer.toPage()
            pages = [p for p in range(first, last + 1)] or pages
        self.send_to_printer(printer, pages)

    def send_to_printer(self, printer: QPrinter, pages: Sequence[int]) -> None:
        """Print with a progress dialog on the UI thread (QtPdf renders where it lives)."""
        progress = QProgressDialog("正在打印……", "取消", 0, len(pages), self)
        progress.setWindowTitle("打印")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> None:
            progress.setValue(done)
            if progress.wasCanceled():
                raise Cancelled()

        try:
            print_document(self.document, printer, pages, step)
        except Cancelled:
            pass
        except OutputError as exc:
            show_problem(self, exc, "无法打印")
        finally:
            progress.reset()

    def _ask_file(self) -> Path | None:
        return ask_save(self, "导出PDF", "export", self.file_name(".pdf"), "PDF 文件 (*.pdf)")

    def file_name(self, suffix: str) -> str:
        """Organization, register and year, as an Excel export is named."""
        subject = self.job.title
        if self.job.yearly:
            subject += f"-{self.selected_year()}年度"
        org = organization.organization_name(self.archive)
        return output_file_name(org, subject, suffix, clock.today())

    def save_pdf(self) -> None:
        try:
            pages = self.selected_pages()
        except InvalidValue as exc:
            show_problem(self, exc, "页码范围不对")
            return
        target = self._ask_file()
        if target is None:
            return
        if len(pages) == self.document.pageCount():  # exactly the PDF on the screen
            try:
                with atomic_output(target) as temp:
                    temp.write_bytes(self.pdf)
            except OutputError as exc:
                show_problem(self, exc, "无法保存")
                return
            self._saved(target)
            return
        keep: Container[int] = frozenset(pages)

        def write(books: list[Book], progress: Progress) -> Path:
            write_document(books, target, self.job.title, progress, keep)
            return target

        self._run("正在保存 PDF……", self._books_job(write), lambda path: self._saved(target))

    def save_folder(self) -> None:
        chosen = ask_folder(self, "选择保存位置（将在其中新建文件夹）", "export")
        if chosen is None:
            return
        folder = chosen / f"{Path(self.file_name('')).name}（按台账分册）"
        archive, registers = self.archive, list(self.job.registers)
        year, options = self.selected_year(), self.options()

        def job(progress: Progress) -> Path:
            reader = open_reader(archive)
            try:
                as_of, row_filter = queries.year_scope(year, options.printed_on)
                return print_folder(
                    reader,
                    registers,
                    folder,
                    as_of=as_of,
                    row_filter=row_filter,
                    progress=progress,
                    options=options,
                )
            finally:
                reader.close()

        self._run("正在按台账分别保存……", job, lambda path: self._saved(Path(str(path))))

    def _saved(self, path: Path) -> None:
        answer = QMessageBox.question(self, "已保存", f"已保存到：\n{path}\n\n现在打开它吗？")
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.close()
        super().closeEvent(event)


def preview_pipeline_record(parent: QWidget, archive: Archive, person_id: int, name: str) -> None:
    """The 发展党员纪实表 of one person, in the print preview."""
    from liangxin_desktop.output.pdf.pipeline_record import pipeline_book

    def make(reader: Archive, year: int, options: PrintOptions) -> list[Book]:
        day = options.printed_on or clock.today()
        return [pipeline_book(reader, person_id, day, options.binding_margin)]

    job = PrintJob(f"发展党员工作纪实表-{name}", make, yearly=False)
    PrintPreviewDialog(archive, job, None, parent).exec()


def preview_transfer_letter(parent: QWidget, archive: Archive, period_id: int, name: str) -> None:
    """The 组织关系介绍信 of one 转出 (存根, 介绍信, 回执), in the print preview."""
    from liangxin_desktop.output.pdf.transfer_letter import transfer_letter_book

    def make(reader: Archive, year: int, options: PrintOptions) -> list[Book]:
        return [transfer_letter_book(reader, period_id, options.binding_margin)]

    job = PrintJob(f"组织关系介绍信-{name}", make, yearly=False)
    PrintPreviewDialog(archive, job, None, parent).exec()
