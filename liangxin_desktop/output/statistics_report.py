"""The branch's statistics and its 党内统计年报 tables as an Excel workbook or a printed PDF
(charts drawn with reportlab graphics; the 年报 with its cover block)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain.dates import format_cn_date, format_cn_month
from liangxin_desktop.domain.dues import format_fen
from liangxin_desktop.files import atomic_output
from liangxin_desktop.output.annual_report import AnnualTable, CoverBlock
from liangxin_desktop.output.pdf.charts import Chart, ChartPages
from liangxin_desktop.output.pdf.document import Book, PageSetup, write_document
from liangxin_desktop.output.pdf.parts import Cover
from liangxin_desktop.output.pdf.roster import RosterBook, TableSource
from liangxin_desktop.storage.statistics import BranchStatistics

_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")


def statistics_charts(stats: BranchStatistics) -> list[Chart]:
    """The charts of the 统计 tab and of the printed statistics, from one set of figures."""
    charts = [
        Chart(f"党员{b.title}（截至{format_cn_date(stats.as_of)}）", *_nonzero(b.rows))
        for b in stats.breakdowns
    ]
    charts.append(
        Chart(f"{stats.year}年党员队伍变化", *_nonzero(stats.changes.rows, keep_all=True))
    )
    held = sorted(
        ((kind, sum(months)) for kind, months in stats.meetings.items()), key=lambda x: -x[1]
    )
    if held:
        charts.append(Chart(f"{stats.year}年各类会议和活动次数", *_nonzero(tuple(held))))
    if stats.study_hours.total:
        charts.append(
            Chart(f"{stats.year}年党员学时（对照各自目标）", *_nonzero(stats.study_hours.rows))
        )
    if stats.reviews.total:
        charts.append(Chart(f"{stats.year}年民主评议党员结果", *_nonzero(stats.reviews.rows)))
    if stats.dues_by_month:
        charts.append(
            Chart(
                f"{stats.year}年党费应缴与实缴（元）",
                tuple(f"{int(m[5:])}月" for m, _d, _p in stats.dues_by_month),
                (
                    tuple(d / 100 for _m, d, _p in stats.dues_by_month),
                    tuple(p / 100 for _m, _d, p in stats.dues_by_month),
                ),
                ("应缴", "实缴"),
            )
        )
    return charts


def _nonzero(
    rows: Sequence[tuple[str, int]], keep_all: bool = False
) -> tuple[tuple[str, ...], tuple[tuple[float, ...]]]:
    kept = [(label, count) for label, count in rows if keep_all or count]
    return tuple(label for label, _ in kept), (tuple(float(count) for _, count in kept),)


def statistics_tables(stats: BranchStatistics) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The statistics as plain tables: (title, header, rows)."""
    tables: list[tuple[str, list[str], list[list[Any]]]] = [
        (f"党员{b.title}", ["类别", "人数"], [[label, count] for label, count in b.rows])
        for b in stats.breakdowns
    ]
    tables.append(("党员队伍变化", ["变化", "人数"], [list(r) for r in stats.changes.rows]))
    tables.append(
        (
            "会议和活动（按月）",
            ["类型", *(f"{m}月" for m in range(1, 13)), "合计"],
            [[kind, *months, sum(months)] for kind, months in sorted(stats.meetings.items())],
        )
    )
    tables.append(
        (
            "出席率（按会议类型）",
            ["类型", "应到人次", "实到人次", "出席率"],
            [[k, e, p, _rate(p, e)] for k, e, p in stats.attendance_by_kind],
        )
    )
    tables.append(
        (
            "出席率（按党员）",
            ["姓名", "应到次数", "实到次数", "出席率"],
            [[n, e, p, _rate(p, e)] for n, e, p in stats.attendance_by_member],
        )
    )
    tables += [
        (f"党员{b.title}（{stats.year}年）", ["类别", "人数"], [list(r) for r in b.rows])
        for b in (stats.study_hours, stats.reviews)
    ]
    dues_rows: list[list[Any]] = [
        [format_cn_month(m), format_fen(d), format_fen(p)] for m, d, p in stats.dues_by_month
    ]
    dues_rows.append(["本年上缴", "", format_fen(stats.remitted_fen)])
    tables.append(("党费（按月）", ["月份", "应缴（元）", "实缴（元）"], dues_rows))
    return tables


def _rate(present: int, expected: int) -> str:
    return f"{present * 100 / expected:.1f}%" if expected else ""


def _style_header(sheet: Any, row: int) -> None:
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def annual_sheet(book: Workbook, table: AnnualTable, cover: CoverBlock, year: int) -> None:
    sheet = book.create_sheet(table.title[:31])
    sheet.append([f"{year}年度党内统计年报：{table.title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in cover.lines():
        sheet.append([label, value])
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append(["党组织名称", *table.columns])
    for name, figures in table.rows:
        sheet.append([name, *figures])
    if len(table.rows) > 1:
        sheet.append(["合计", *table.totals()])
    _style_header(sheet, header_row)
    sheet.column_dimensions["A"].width = 36


def write_statistics_xlsx(
    stats: BranchStatistics, tables: Sequence[AnnualTable], cover: CoverBlock, target: Path
) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "统计"
    sheet.append(
        [f"{stats.org_name} {stats.year}年度统计（党员截至{format_cn_date(stats.as_of)}）"]
    )
    sheet["A1"].font = Font(bold=True, size=14)
    for title, header, rows in statistics_tables(stats):
        sheet.append([])
        sheet.append([title])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append(header)
        _style_header(sheet, sheet.max_row)
        for row in rows:
            sheet.append(row)
    sheet.column_dimensions["A"].width = 30
    for table in tables:
        annual_sheet(book, table, cover, stats.year)
    with atomic_output(target) as temp:
        book.save(temp)
    return target


def annual_table_source(table: AnnualTable, page_title: str, year: int) -> TableSource:
    """A 年报 table printed with its columns as rows (指标 | each organization | 合计)."""
    names = [name for name, _figures in table.rows]
    with_total = len(names) > 1
    fields = (
        Field("item", "指标", width=20, print_width=3.0),
        *(
            Field(f"o{i}", name, FieldKind.INTEGER, width=10, print_width=1.6)
            for i, name in enumerate(names)
        ),
        *(
            (Field("total", "合计", FieldKind.INTEGER, width=10, print_width=1.2),)
            if with_total
            else ()
        ),
    )
    totals = table.totals()
    rows = []
    for column, label in enumerate(table.columns):
        row: dict[str, Any] = {"item": label, "total": totals[column]}
        row.update({f"o{i}": figures[column] for i, (_n, figures) in enumerate(table.rows)})
        rows.append(row)
    return TableSource(page_title, fields, len(rows), lambda: iter(rows), year=year)


def write_statistics_pdf(
    stats: BranchStatistics,
    tables: Sequence[AnnualTable],
    cover: CoverBlock,
    target: Path,
    today: date,
) -> Path:
    portrait = PageSetup("portrait", stats.org_name, f"{stats.year}年度党内统计年报")
    report = Book(
        "党内统计年报",
        [
            Cover(portrait, "党内统计年报", f"{stats.year}年度", cover.lines()),
            *(
                RosterBook(annual_table_source(t, t.title, stats.year), portrait, today)
                for t in tables
            ),
        ],
    )
    charts_setup = PageSetup("portrait", stats.org_name, f"{stats.year}年度党员队伍统计")
    charts = Book("党员队伍统计图", [ChartPages(charts_setup, statistics_charts(stats))])
    write_document([report, charts], target, f"{stats.year}年度党内统计年报")
    return target
