"""Printing registers as books: one register, the whole year's archive, or a folder of books.

A book is a register of one year (or a roster as of a day): its cover, then — by the
register's ``print_layout`` — a 目录 and one record per page run (meetings, work rules), the
table (rosters, the 考勤册 and 党费 grids, the document books), cards or the photo album.
The year's archive in one PDF starts with its own cover and a 总目录, and has a bookmark per
book and per record.
"""

from __future__ import annotations

import io
import os
import secrets
import shutil
from collections.abc import Container, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import BinaryIO

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import GROUP_TITLES
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.files import noted_part, output_error
from liangxin_desktop.output.attendance_table import LEGEND, matrix_fields, matrix_rows
from liangxin_desktop.output.dues_table import DUES_PRINT_FIELDS, dues_rows, through_text
from liangxin_desktop.output.files import Progress, no_progress
from liangxin_desktop.output.pdf.album import AlbumPages
from liangxin_desktop.output.pdf.cards import CardPages
from liangxin_desktop.output.pdf.document import Book, PageSetup, Part, write_document
from liangxin_desktop.output.pdf.fonts import register_fonts
from liangxin_desktop.output.pdf.parts import Column, Contents, Cover, Record, RecordPages
from liangxin_desktop.output.pdf.records import (
    MEETING_CONTENTS,
    RULE_CONTENTS,
    meeting_records,
    rule_records,
)
from liangxin_desktop.output.pdf.roster import RosterBook, TableSource, register_source
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import attendance_matrix
from liangxin_desktop.storage.dues import dues_grid
from liangxin_desktop.storage.organization import get_organization

MEETINGS_PER_BAND = 16  # attendance columns on one landscape page


@dataclass(frozen=True)
class PrintOptions:
    """What the clerk can choose when printing."""

    binding_margin: bool = False  # 装订线
    photos_per_page: int = 4  # 2 or 4
    printed_on: date | None = None  # 编印日期 (the day given with --today; else the real date)
    blank_pages: bool = False  # an empty register prints its empty pages, not only its cover
    mask_ids: bool = False  # 公示用: ID numbers printed as 3301**********1234


@dataclass(frozen=True)
class _Context:
    archive: Archive
    org_name: str
    keeper: str
    as_of: date
    year: int
    row_filter: queries.RowFilter | None
    options: PrintOptions


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
                totals_last=True,
            )
        )
    return sources


def _table_sources(context: _Context, register: Register) -> list[TableSource]:
    if register.derived == "attendance":
        return attendance_sources(context.archive, register, context.year)
    if register.derived == "dues":
        rows = dues_rows(dues_grid(context.archive, context.year), context.year, context.as_of)
        return [
            TableSource(
                register.title,
                DUES_PRINT_FIELDS,
                len(rows),
                partial(iter, rows),
                f"共 {len(rows) - 1} 名党员　单位：元　应缴{through_text(context.year, context.as_of)}",
                context.year,
                totals_last=True,
            )
        ]
    return [register_source(context.archive, register, context.row_filter)]


def _orientation(register: Register) -> str:
    if register.print_layout in ("meetings", "rules", "cards", "album"):
        return "portrait"
    return register.orientation


def _period(context: _Context, register: Register) -> tuple[str, list[tuple[str, str]]]:
    """The cover's big line ("2026年度") and its details."""
    details = [("保  管  人", context.keeper)]
    if register.date_field or register.derived:
        end = min(date(context.year, 12, 31), max(context.as_of, date(context.year, 1, 1)))
        details.append(
            ("起止日期", f"{format_cn_date(date(context.year, 1, 1))}至{format_cn_date(end)}")
        )
    else:
        details.append(("统计截至", format_cn_date(context.as_of)))
    printed_on = context.options.printed_on or date.today()
    details += [("本册页数", "共 {pages} 页"), ("编印日期", format_cn_date(printed_on))]
    return f"{context.year}年度", details


def register_book(context: _Context, register: Register) -> Book:
    setup = PageSetup(
        _orientation(register), context.org_name, register.title, context.options.binding_margin
    )
    _, _, width, _ = setup.body
    period, details = _period(context, register)
    cover_setup = PageSetup(setup.orientation, context.org_name, register.title, False)
    parts: list[Part] = [Cover(cover_setup, register.title, period, details)]
    archive, row_filter = context.archive, context.row_filter
    layout = register.print_layout
    if layout in ("meetings", "rules"):
        if layout == "meetings":
            records = meeting_records(archive, register, row_filter, width)
            columns: Sequence[Column] = MEETING_CONTENTS
        else:
            records = rule_records(archive, register, row_filter, width)
            columns = RULE_CONTENTS
        pages = RecordPages(setup, records, "")
        parts.append(_contents(setup, records, pages, columns, len(parts)))
        parts.append(pages)
    elif layout == "cards":
        parts.append(CardPages(setup, archive, row_filter, context.as_of))
    elif layout == "album":
        parts.append(AlbumPages(setup, archive, row_filter, context.options.photos_per_page))
    else:
        for source in _table_sources(context, register):
            parts.append(
                RosterBook(source, setup, context.as_of, mask_ids=context.options.mask_ids)
            )
    if not context.options.blank_pages and all(_is_empty(part) for part in parts[1:]):
        nothing = "本年度无记录" if register.date_field or register.derived else "无记录"
        parts = [Cover(cover_setup, register.title, period, [*details, ("本册内容", nothing)])]
    return Book(register.title, parts)


def _is_empty(part: Part) -> bool:
    """A part with nothing to print (a 合计 row of nothing is nothing)."""
    if isinstance(part, RosterBook):
        return part.source.count - (1 if part.source.totals_last else 0) <= 0
    if isinstance(part, RecordPages):
        return not part.records
    if isinstance(part, Contents):
        return True  # a 目录 is empty or not with the pages it lists
    if isinstance(part, CardPages):
        return not part.cards
    if isinstance(part, AlbumPages):
        return not part.rows
    return False


def _contents(
    setup: PageSetup,
    records: Sequence[Record],
    pages: RecordPages,
    columns: Sequence[Column],
    pages_before: int,
) -> Contents:
    """The book's 目录: a line per record with the page it starts on."""

    def rows() -> list[list[str]]:
        first = pages_before + contents.pages + 1
        return [
            [str(number), *record.contents, str(first + page)]
            for number, (record, page) in enumerate(
                zip(records, pages.first_pages, strict=True), start=1
            )
        ]

    contents = Contents(setup, columns, len(records), rows)
    return contents


ARCHIVE_CONTENTS = (
    Column("序号", 0.5, "centre"),
    Column("台账名称", 3.2),
    Column("类别", 0.9, "centre"),
    Column("记录", 1.0, "centre"),
    Column("页数", 0.7, "centre"),
)


def _archive_book(context: _Context, books: Sequence[Book], registers: Sequence[Register]) -> Book:
    """The year's archive: its own cover and a 总目录 of the books in it."""
    title = "党建工作台账"
    setup = PageSetup("portrait", context.org_name, f"{context.year}年度{title}", False)
    details = [
        ("党组织名称", context.org_name),
        ("保  管  人", context.keeper),
        ("台账册数", f"共 {len(books)} 册"),
        ("编印日期", format_cn_date(context.options.printed_on or date.today())),
    ]
    cover = Cover(setup, title, f"{context.year}年度", details)

    def rows() -> list[list[str]]:
        return [
            [
                str(n),
                book.title,
                GROUP_TITLES.get(register.group, ""),
                _count(context, register),
                str(book.pages),
            ]
            for n, (book, register) in enumerate(zip(books, registers, strict=True), start=1)
        ]

    contents = Contents(
        setup,
        ARCHIVE_CONTENTS,
        len(books),
        rows,
        "总  目  录",
        "各册页码自封面起单独编排；电子版可使用左侧书签跳转。",
    )
    return Book(f"{context.year}年度{title}（封面及总目录）", [cover, contents])


def _count(context: _Context, register: Register) -> str:
    if register.derived:
        return "—"
    return f"{queries.count(context.archive, register, context.row_filter)}{register.count_unit}"


def _context(
    archive: Archive,
    as_of: date | None,
    row_filter: queries.RowFilter | None,
    options: PrintOptions | None,
) -> _Context:
    register_fonts()
    as_of = as_of or date.today()
    organization = get_organization(archive) or {}
    return _Context(
        archive,
        organization.get("name") or "",
        organization.get("keeper") or "",
        as_of,
        (row_filter.year if row_filter else None) or as_of.year,
        row_filter,
        options or PrintOptions(),
    )


def build_books(
    archive: Archive,
    registers: Sequence[Register],
    *,
    as_of: date | None = None,
    row_filter: queries.RowFilter | None = None,
    options: PrintOptions | None = None,
) -> list[Book]:
    """The books to print: with the archive's cover and 总目录 when more than one register."""
    context = _context(archive, as_of, row_filter, options)
    books = [register_book(context, register) for register in registers]
    if len(registers) > 1:
        return [_archive_book(context, list(books), registers), *books]
    return books


def print_registers(
    archive: Archive,
    registers: Sequence[Register],
    target: Path,
    *,
    as_of: date | None = None,
    row_filter: queries.RowFilter | None = None,
    progress: Progress = no_progress,
    options: PrintOptions | None = None,
    pages: Container[int] | None = None,
) -> Path:
    """Print the registers (rosters as of ``as_of``, books of the filter's year) into one PDF.

    ``target`` is written under a temporary name and renamed when complete. ``pages`` limits
    the output to those pages of the document (numbered from 1 through the whole PDF).
    """
    if not registers:
        raise InvalidValue("没有选择要打印的台账。")
    with archive.snapshot():
        books = build_books(archive, registers, as_of=as_of, row_filter=row_filter, options=options)
        write_document(books, target, books[0].parts[0].setup.title, progress, pages)
    return target


def render_books(books: Sequence[Book], progress: Progress = no_progress) -> bytes:
    """The PDF of ``books`` in memory (the print preview: no temporary file with personal data)."""
    stream = io.BytesIO()
    write_document(books, stream, books[0].parts[0].setup.title, progress)
    return stream.getvalue()


def print_folder(
    archive: Archive,
    registers: Sequence[Register],
    folder: Path,
    *,
    as_of: date | None = None,
    row_filter: queries.RowFilter | None = None,
    progress: Progress = no_progress,
    options: PrintOptions | None = None,
) -> Path:
    """One PDF per register ("01 党组织会议记录簿.pdf" …) in a new ``folder``.

    The folder is written under a temporary name beside it and renamed when every book is
    complete, so a cancelled job leaves no half folder.
    """
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise InvalidValue(
            f"文件夹“{folder.name}”已经存在且不是空的。", "请选择一个新的文件夹名称。"
        )
    with noted_part(folder.with_name(f".{folder.name}.{secrets.token_hex(4)}.part")) as temp:
        try:
            temp.mkdir(parents=False)
            with archive.snapshot():
                context = _context(archive, as_of, row_filter, options)
                for number, register in enumerate(registers, start=1):
                    book = register_book(context, register)
                    path = temp / f"{number:02d} {register.title}.pdf"

                    def step(done: int, total: int, number: int = number) -> None:
                        progress(
                            (number - 1) * 1000 + done * 1000 // max(total, 1),
                            len(registers) * 1000,
                        )

                    write_document([book], path, register.title, step)
            if folder.exists():
                folder.rmdir()
            os.replace(temp, folder)
        except OSError as exc:
            shutil.rmtree(temp, ignore_errors=True)
            raise output_error(folder, exc) from exc
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    return folder


def write_table(
    source: TableSource,
    setup: PageSetup,
    target: Path | BinaryIO,
    as_of: date | None = None,
    progress: Progress = no_progress,
) -> Path | BinaryIO:
    """A single table (a list, not a register book: no cover) as a PDF."""
    register_fonts()
    book = Book(source.title, [RosterBook(source, setup, as_of or date.today())])
    write_document([book], target, source.title, progress)
    return target
