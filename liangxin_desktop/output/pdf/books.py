"""Printing registers: one register, or several into one PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from liangxin_desktop.catalog.registers import Register
from liangxin_desktop.output.files import Progress, no_progress
from liangxin_desktop.output.pdf.document import PageSetup, build_pdf
from liangxin_desktop.output.pdf.roster import roster_story
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name


def print_registers(
    archive: Archive,
    registers: Sequence[Register],
    target: Path,
    *,
    as_of: date | None = None,
    year: int | None = None,
    row_filter: queries.RowFilter | None = None,
    progress: Progress = no_progress,
) -> Path:
    """Print the roster registers to one PDF (a roster is printed as of ``as_of``)."""
    as_of = as_of or date.today()
    if row_filter is None:
        row_filter = queries.RowFilter(as_of=as_of) if year else queries.RowFilter()
    org_name = organization_name(archive)
    first = registers[0]
    title = first.title if len(registers) == 1 else "党建工作台账"
    setup = PageSetup(first.orientation, org_name, title)
    story: list[Flowable] = []
    pages = 0
    for register in registers:
        if story:
            story.append(PageBreak())
        rows = list(queries.iter_rows(archive, register, row_filter))
        part, count = roster_story(register, rows, setup, as_of, org_name)
        story.extend(part)
        pages += count
    return build_pdf(target, setup, story, progress=progress, expected_pages=pages)
