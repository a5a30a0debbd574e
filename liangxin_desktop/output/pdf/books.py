"""Printing registers: one register, or several into one PDF with running page numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from liangxin_desktop.catalog.registers import Register
from liangxin_desktop.output.files import Progress, atomic_output, no_progress
from liangxin_desktop.output.pdf.document import PageSetup, new_canvas
from liangxin_desktop.output.pdf.fonts import register_fonts
from liangxin_desktop.output.pdf.roster import RosterBook
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name


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
    """Print the roster registers (as of ``as_of``) into one PDF, written atomically."""
    register_fonts()
    as_of = as_of or date.today()
    org_name = organization_name(archive)
    with archive.snapshot():
        books = [
            RosterBook(
                archive,
                register,
                PageSetup(register.orientation, org_name, register.title, binding_margin),
                as_of,
                row_filter,
            )
            for register in registers
        ]
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
