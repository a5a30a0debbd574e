"""Printing registers: one register, or several into one PDF with running page numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from liangxin_desktop.catalog.registers import Register
from liangxin_desktop.output.attendance_table import LEGEND, matrix_fields, matrix_rows
from liangxin_desktop.output.dues_table import DUES_FIELDS, dues_rows
from liangxin_desktop.output.files import Progress, atomic_output, no_progress
from liangxin_desktop.output.pdf.document import PageSetup, new_canvas
from liangxin_desktop.output.pdf.fonts import register_fonts
from liangxin_desktop.output.pdf.roster import RosterBook, TableSource, register_source
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import attendance_matrix
from liangxin_desktop.storage.dues import dues_grid
from liangxin_desktop.storage.organization import organization_name

MEETINGS_PER_BAND = 16  # attendance columns on one landscape page


def attendance_sources(archive: Archive, register: Register, year: int) -> list[TableSource]:
    """The matrix in bands of meetings, so that every column stays readable."""
    matrix = attendance_matrix(archive, year)
    rows = matrix_rows(matrix)
    bands = [
        matrix.meetings[i : i + MEETINGS_PER_BAND]
        for i in range(0, len(matrix.meetings), MEETINGS_PER_BAND)
    ] or [[]]
    sources = []
    for number, band in enumerate(bands, start=1):
        suffix = f"（第{number}/{len(bands)}部分）" if len(bands) > 1 else ""
        sources.append(
            TableSource(
                f"{register.title}{suffix}",
                matrix_fields(matrix, band),
                len(rows),
                partial(iter, rows),
                f"共 {len(matrix.meetings)} 次会议　{LEGEND}",
                year,
            )
        )
    return sources


def _sources(
    archive: Archive, register: Register, row_filter: queries.RowFilter | None, as_of: date
) -> list[TableSource]:
    year = (row_filter.year if row_filter else None) or as_of.year
    if register.derived == "attendance":
        return attendance_sources(archive, register, year)
    if register.derived == "dues":
        rows = dues_rows(dues_grid(archive, year), year, as_of)
        return [
            TableSource(
                register.title,
                DUES_FIELDS,
                len(rows),
                partial(iter, rows),
                f"共 {len(rows) - 1} 名党员　单位：元",
                year,
            )
        ]
    return [register_source(archive, register, row_filter)]


def print_registers(
    archive: Archive,
    registers: Sequence[Register],
    target: Path,
    *,
    as_of: date | None = None,
    row_filter: queries.RowFilter | None = None,
    progress: Progress = no_progress,
    binding_margin: bool = False,
) -> Path:
    """Print the registers (rosters as of ``as_of``, books of the filter's year) into one PDF."""
    register_fonts()
    as_of = as_of or date.today()
    org_name = organization_name(archive)
    with archive.snapshot():
        books = [
            RosterBook(
                source,
                PageSetup(register.orientation, org_name, register.title, binding_margin),
                as_of,
            )
            for register in registers
            for source in _sources(archive, register, row_filter, as_of)
        ]
        return write_books(books, target, progress)


def write_books(
    books: Sequence[RosterBook], target: Path, progress: Progress = no_progress
) -> Path:
    """Measure every book (for "共 Y 页"), then draw them one after another into ``target``."""
    register_fonts()
    counts = [book.measure(no_progress) for book in books]
    total = sum(counts)
    progress(0, total)
    with atomic_output(target) as temp:
        canvas = new_canvas(str(temp), books[0].setup)
        first = 1
        for book, count in zip(books, counts, strict=True):
            book.draw(canvas, first, total, progress)
            first += count
        canvas.save()
    progress(total, total)
    return target
