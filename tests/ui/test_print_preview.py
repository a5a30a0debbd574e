"""The print preview: exactly the PDF that prints, page ranges, saving, printing, the 纪实表."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from helpers import LONG_WAIT_MS, visible_progress_dialogs, when_dialog_opens
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from liangxin_desktop.catalog import get_register
from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.output.pdf.books import print_registers
from liangxin_desktop.storage import queries
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.print_preview import PrintPreviewDialog, registers_job

COMMITTEE = get_register("committee_meetings")
THIS_YEAR = date.today().year


def _texts(data: bytes | Path) -> list[str]:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    return [page.extract_text() for page in PdfReader(source).pages]


@pytest.fixture
def preview(qtbot, demo_archive) -> PrintPreviewDialog:
    make_application()
    dialog = PrintPreviewDialog(
        demo_archive, registers_job([COMMITTEE], COMMITTEE.title), THIS_YEAR
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=LONG_WAIT_MS)
    assert visible_progress_dialogs() == []  # 正在生成打印预览…… closed with the job
    return dialog


@pytest.fixture
def answers(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: said.append(a[2]) or QMessageBox.StandardButton.No
    )
    return said


def test_the_preview_shows_the_pdf_that_is_printed(
    preview: PrintPreviewDialog, demo_archive, tmp_path: Path
) -> None:
    printed = print_registers(
        demo_archive,
        [COMMITTEE],
        tmp_path / "same.pdf",
        row_filter=queries.RowFilter(year=THIS_YEAR),
    )
    assert _texts(preview.pdf) == _texts(printed)
    assert preview.document.pageCount() == len(_texts(printed))
    assert f"共 {preview.document.pageCount()} 页" in preview.page_count.text()


def test_saving_a_page_range_writes_those_pages_only(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path, monkeypatch, answers
) -> None:
    target = tmp_path / "部分页.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview.pages.setText("2-3")
    preview.save_button.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=LONG_WAIT_MS)
    texts = _texts(target)
    assert texts == _texts(preview.pdf)[1:3]
    assert "第 2 页" in texts[0] and "目" in texts[0]


def test_saving_all_pages_writes_exactly_the_preview(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path, monkeypatch, answers
) -> None:
    target = tmp_path / "全部.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    preview.save_button.click()
    assert answers and target.read_bytes() == preview.pdf
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


def test_a_wrong_page_range_is_explained(qtbot, preview: PrintPreviewDialog) -> None:
    said: list[str] = []
    failures = when_dialog_opens(
        qtbot, QMessageBox, lambda box: said.append(box.text()) or box.accept()
    )
    preview.pages.setText("9-2")
    preview.save_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=LONG_WAIT_MS)
    assert failures == [] and "页码" in said[0]


def test_printing_sends_the_chosen_pages_to_the_printer(
    preview: PrintPreviewDialog, tmp_path: Path
) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    preview.send_to_printer(printer, [1, 3])
    reader = PdfReader(tmp_path / "printer.pdf")
    assert len(reader.pages) == 2
    assert all(page.images for page in reader.pages)  # the pages as rendered images


def test_changing_the_year_makes_that_years_book(qtbot, preview: PrintPreviewDialog) -> None:
    before = preview.pdf
    preview.year.setCurrentIndex(3)
    qtbot.waitUntil(lambda: preview.pdf != before, timeout=LONG_WAIT_MS)
    assert f"{THIS_YEAR - 3}年度" in _texts(preview.pdf)[0]


def test_the_whole_years_archive_from_the_menu(qtbot, demo_archive) -> None:
    make_application()
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    seen: list[int] = []

    def look(dialog: PrintPreviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=LONG_WAIT_MS)
        seen.append(dialog.document.pageCount())
        assert dialog.folder_button.isVisibleTo(dialog)
        assert "封面及总目录" not in _texts(dialog.pdf)[0]
        assert all(r.title in "".join(_texts(dialog.pdf)) for r in available_registers())
        dialog.reject()

    failures = when_dialog_opens(qtbot, PrintPreviewDialog, look)
    window.print_all()
    assert failures == [] and seen and seen[0] > 20


def test_printing_a_development_record_from_the_activists_tab(qtbot, demo_archive) -> None:
    make_application()
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    tab = window.show_register("activists")
    tab.table.selectRow(0)
    name = demo_archive.db.execute(
        "SELECT name FROM people WHERE id = ?", [tab.model.id_at(0)]
    ).fetchone()[0]
    pages: list[str] = []

    def look(dialog: PrintPreviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=LONG_WAIT_MS)
        pages.extend(_texts(dialog.pdf))
        assert not dialog.year.isVisibleTo(dialog)
        dialog.reject()

    failures = when_dialog_opens(qtbot, PrintPreviewDialog, look)
    button = next(b for b in tab.findChildren(QPushButton) if b.text() == "打印纪实表…")
    button.click()
    assert failures == [] and len(pages) == 1
    assert "发展党员工作纪实表" in pages[0] and name in pages[0]


def test_a_cancelled_preview_says_so_and_can_be_made_again(qtbot, demo_archive) -> None:
    from liangxin_desktop.errors import Cancelled

    make_application()
    cancel = {"now": True}

    def make(reader, year, options):
        if cancel["now"]:
            raise Cancelled()
        return registers_job([COMMITTEE], "x").make_books(reader, year, options)

    job = registers_job([COMMITTEE], COMMITTEE.title)
    dialog = PrintPreviewDialog(demo_archive, type(job)(job.title, make), THIS_YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "已取消" in dialog.page_count.text(), timeout=LONG_WAIT_MS)
    assert visible_progress_dialogs() == []
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    cancel["now"] = False
    dialog.again.click()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=LONG_WAIT_MS)
    assert dialog.print_button.isEnabled()


def test_zoom_and_going_to_a_page(qtbot, preview: PrintPreviewDialog) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    assert preview.document.pageCount() >= 3
    preview.zoom.setCurrentText("200%")
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == 2.0
    preview.zoom.setCurrentText("适合宽度")
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.go_to.maximum() == preview.document.pageCount()
    preview.go_to.setValue(3)
    qtbot.waitUntil(lambda: preview.view.pageNavigator().currentPage() == 2, timeout=LONG_WAIT_MS)


def test_the_pdf_is_named_by_organization_register_and_year(
    preview: PrintPreviewDialog, monkeypatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, title, start, f: started.append(start) or ("", ""),
    )
    preview.save_pdf()
    name = Path(started[0]).name
    assert name.startswith("中共") and f"-{COMMITTEE.title}-{THIS_YEAR}年度-" in name
    assert name.endswith(".pdf")
