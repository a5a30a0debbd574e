"""The superiors' summary of many bundles: verify each, sum the verified, list the others apart.

Written as an Excel workbook (汇总 and 未通过校验 sheets) and as a printed PDF drawn by the
same table printer as the registers (RosterBook), with the project's embedded fonts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from liangxin_desktop.bundle.memory import memory_archive
from liangxin_desktop.bundle.summary import REQUIREMENT_LABELS, OrgSummary, summarize_archive
from liangxin_desktop.bundle.verifying import check_database, verify_bundle
from liangxin_desktop.catalog.fields import Field, FieldKind, display_value
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.errors import BundleError
from liangxin_desktop.output.annual_report import AnnualTable, CoverBlock, annual_tables
from liangxin_desktop.output.files import Progress, no_progress
from liangxin_desktop.output.pdf.document import Book, PageSetup, write_document
from liangxin_desktop.output.pdf.roster import RosterBook, TableSource
from liangxin_desktop.output.plain_sheet import write_plain_workbook
from liangxin_desktop.output.statistics_report import annual_sheet, annual_table_source
from liangxin_desktop.storage.statistics import BranchStatistics, branch_statistics

_INT, _MONEY = FieldKind.INTEGER, FieldKind.MONEY
SUMMARY_FIELDS: tuple[Field, ...] = (
    Field("name", "党组织名称", width=30, print_width=3.0),
    Field("year", "年度", _INT, width=7, print_width=0.8),
    Field("members", "党员数", _INT, width=7, print_width=0.8),
    Field("full_members", "正式党员", _INT, width=7, print_width=0.8),
    Field("probationary", "预备党员", _INT, width=7, print_width=0.8),
    Field("activists", "入党积极分子", _INT, width=8, print_width=0.8),
    Field("candidates", "发展对象", _INT, width=7, print_width=0.8),
    Field("admitted", "本年发展", _INT, width=7, print_width=0.8),
    Field("converted", "本年转正", _INT, width=7, print_width=0.8),
    Field("dues_due_fen", "党费应缴（元）", _MONEY, width=11, print_width=1.2),
    Field("dues_paid_fen", "党费实缴（元）", _MONEY, width=11, print_width=1.2),
    *(
        Field(f"held:{label}", f"{label}（次）", _INT, width=8, print_width=0.8)
        for label in REQUIREMENT_LABELS
    ),
    Field("shortfalls", "三会一课未达要求（按月、季、年）", width=26, print_width=2.4),
    Field("six_haves", "六有缺项", width=16, print_width=1.6),
    Field("term_end", "届满日期", width=16, print_width=1.9),
    Field("flags_warn", "连续3个月提示（人）", _INT, width=9, print_width=0.9),
    Field("flags_alert", "连续6个月警示（人）", _INT, width=9, print_width=0.9),
)
FAILED_FIELDS: tuple[Field, ...] = (
    Field("file", "移交包", width=36, print_width=3.0),
    Field("name", "党组织", width=30, print_width=3.0),
    Field("year", "年度", _INT, width=7, print_width=0.7),
    Field("reason", "未通过校验的原因", width=60, print_width=6.0),
)
_SUMMED = [f.key for f in SUMMARY_FIELDS if f.kind in (_INT, _MONEY) and f.key != "year"]


@dataclass(frozen=True)
class FailedBundle:
    path: Path
    organization: str
    year: int | None
    reason: str


@dataclass
class SummaryReport:
    summaries: list[OrgSummary] = field(default_factory=list)
    failed: list[FailedBundle] = field(default_factory=list)
    statistics: list[BranchStatistics] = field(default_factory=list)  # for the 年报 tables

    def annual(self) -> list[AnnualTable]:
        """The 党内统计年报 tables, one row per verified organization (the 合计 is their sum)."""
        return annual_tables(self.statistics)

    def rows(self) -> list[dict[str, Any]]:
        """One row per verified organization, then the 合计 row."""
        rows = [summary_row(s) for s in self.summaries]
        total: dict[str, Any] = {"name": f"合计（{len(rows)} 个党组织）"}
        total.update({key: sum(row[key] for row in rows) for key in _SUMMED})
        return [*rows, total]

    def failed_rows(self) -> list[dict[str, Any]]:
        return [
            {"file": f.path.name, "name": f.organization, "year": f.year, "reason": f.reason}
            for f in self.failed
        ]


def summary_row(s: OrgSummary) -> dict[str, Any]:
    term = format_cn_date(date.fromisoformat(s.term_end)) if s.term_end else "未填写"
    row: dict[str, Any] = {
        "name": s.name,
        "year": s.year,
        "members": s.members,
        "full_members": s.full_members,
        "probationary": s.probationary,
        "activists": s.activists,
        "candidates": s.candidates,
        "admitted": s.admitted,
        "converted": s.converted,
        "dues_due_fen": s.dues_due_fen,
        "dues_paid_fen": s.dues_paid_fen,
        "shortfalls": "；".join(s.shortfalls) or "达到要求",
        "six_haves": "、".join(s.six_haves_missing) or "无",
        "term_end": f"{term}（{s.term_note}）" if s.term_note else term,
        "flags_warn": s.flags_warn,
        "flags_alert": s.flags_alert,
    }
    row.update({f"held:{label}": count for label, count in s.meetings.items()})
    return row


def _summarize_one(path: Path, password: str | None, seen: set[tuple[str, int]]) -> Any:
    """An OrgSummary, or a FailedBundle saying why it is not summed."""
    try:
        result = verify_bundle(path, password, keep_database=True)
    except BundleError as exc:
        return FailedBundle(path, "", None, exc.message())
    if not result.ok or result.database is None:
        return FailedBundle(path, result.organization, result.year, "；".join(result.problems))
    key = (result.organization, result.year)
    if key in seen:
        return FailedBundle(
            path, result.organization, result.year, "与前面的移交包是同一党组织同一年度，未重复计入"
        )
    seen.add(key)
    _problems, conn = check_database(result.database)
    assert conn is not None  # verified just now
    try:
        archive = memory_archive(conn, path)
        return (
            summarize_archive(archive, result.year, result.as_of),
            branch_statistics(archive, result.year, result.as_of),
        )
    finally:
        conn.close()


def summarize_bundles(
    paths: Sequence[Path], password: str | None = None, progress: Progress = no_progress
) -> SummaryReport:
    """Verify and summarize every bundle (one password for all, or none)."""
    report, seen = SummaryReport(), set[tuple[str, int]]()
    for done, path in enumerate(paths):
        progress(done, len(paths))
        outcome = _summarize_one(Path(path), password, seen)
        if isinstance(outcome, FailedBundle):
            report.failed.append(outcome)
        else:
            report.summaries.append(outcome[0])
            report.statistics.append(outcome[1])
    progress(len(paths), len(paths))
    return report


def write_summary_xlsx(report: SummaryReport, target: Path) -> Path:
    def annual_sheets(book: Any) -> None:  # the 年报 tables after 汇总 and 未通过校验
        for table in report.annual() if report.summaries else []:
            annual_sheet(book, table, CoverBlock("", "", "", ""), report.summaries[0].year)

    return write_plain_workbook(
        [
            ("汇总", SUMMARY_FIELDS, report.rows()),
            ("未通过校验", FAILED_FIELDS, report.failed_rows()),
        ],
        target,
        bold_last_row=True,
        more=annual_sheets,
    )


def _source(
    title: str, fields: tuple[Field, ...], rows: list[dict[str, Any]], note: str, totals: bool
) -> TableSource:
    return TableSource(title, fields, len(rows), lambda: iter(rows), note, totals_last=totals)


def write_summary_pdf(report: SummaryReport, target: Path, today: date | None = None) -> Path:
    today = today or date.today()
    rows = report.rows()
    note = f"未通过校验 {len(report.failed)} 个（未计入合计）" if report.failed else ""
    whose = f"已校验的 {len(report.summaries)} 个移交包"
    books = [
        Book(
            "台账汇总表",
            [
                RosterBook(
                    _source("两新党组织台账汇总表", SUMMARY_FIELDS, rows, note, True),
                    PageSetup("landscape", whose, "台账汇总表"),
                    today,
                )
            ],
        )
    ]
    if report.summaries:
        year = report.summaries[0].year
        setup = PageSetup("portrait", whose, f"{year}年度党内统计年报（汇总）")
        tables = [annual_table_source(t, t.title, year) for t in report.annual()]
        books.append(Book("党内统计年报（汇总）", [RosterBook(t, setup, today) for t in tables]))
    if report.failed:
        failed = report.failed_rows()
        books.append(
            Book(
                "未通过校验的移交包",
                [
                    RosterBook(
                        _source(
                            "未通过校验的移交包（未计入合计）", FAILED_FIELDS, failed, "", False
                        ),
                        PageSetup("landscape", f"{len(failed)} 个移交包", "未通过校验的移交包"),
                        today,
                    )
                ],
            )
        )
    write_document(books, target, "台账汇总表")
    return target


def cell_text(spec: Field, row: dict[str, Any]) -> str:
    """A summary cell as shown in the window's table."""
    value = row.get(spec.key)
    return "" if value is None else display_value(spec, value)
