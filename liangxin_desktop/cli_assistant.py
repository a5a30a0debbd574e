"""The clerk's assistant on the command line: ``todo`` (what is due), ``stats`` and ``report``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liangxin_desktop.errors import InvalidValue

EXIT_OK = 0


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def add_assistant_commands(commands: Any, year_type: Callable[[str], int]) -> None:
    todo = commands.add_parser("todo", help="列出待办与提醒（首页的内容）")
    todo.add_argument("--data", type=Path, required=True, dest="data")
    todo.add_argument("--json", action="store_true", help="以 JSON 输出（供其他程序读取）")
    stats = commands.add_parser("stats", help="本支部的统计和党内统计年报表（Excel 或 PDF）")
    stats.add_argument("--data", type=Path, required=True, dest="data")
    stats.add_argument("--year", type=year_type, help="年度（默认今年；党员人数按该年年底或今天）")
    stats.add_argument("--out", type=Path, required=True, help="输出文件（.xlsx 或 .pdf）")
    report = commands.add_parser("report", help="生成年度党建工作总结（初稿，Word 文档）")
    report.add_argument("--data", type=Path, required=True, dest="data")
    report.add_argument("--year", type=year_type, required=True, help="年度")
    report.add_argument("--out", type=Path, required=True, help="输出文件（.docx）")


def run_todo(args: argparse.Namespace) -> int:
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.reminders import reminders

    archive = open_archive(args.data, create=False)
    try:
        items = reminders(archive, args.today)
    finally:
        archive.close()
    if args.json:
        print(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=2))
        return EXIT_OK
    for item in items:
        due = f"（{item.due.isoformat()}）" if item.due else ""
        print(f"[{item.urgency.value}] {item.message}{due}")
    sys.stdout.flush()
    overdue = sum(1 for item in items if item.urgency.value == "逾期")
    _say(f"共 {len(items)} 项待办与提醒，其中逾期 {overdue} 项（{args.today.isoformat()}）。")
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    from liangxin_desktop.output.annual_report import annual_tables, cover_block
    from liangxin_desktop.output.statistics_report import (
        write_statistics_pdf,
        write_statistics_xlsx,
    )
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.queries import year_scope
    from liangxin_desktop.storage.statistics import branch_statistics

    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise InvalidValue(
            f"输出文件“{args.out.name}”的扩展名应为 .xlsx 或 .pdf。", "例如：统计.xlsx"
        )
    year = args.year or args.today.year
    archive = open_archive(args.data, create=False)
    try:
        stats = branch_statistics(archive, year, year_scope(year, args.today)[0])
        cover = cover_block(archive, args.today)
    finally:
        archive.close()
    tables = annual_tables([stats])
    if suffix == ".pdf":
        write_statistics_pdf(stats, tables, cover, args.out, args.today)
    else:
        write_statistics_xlsx(stats, tables, cover, args.out)
    _say(f"已保存{year}年度统计和党内统计年报表：{args.out}")
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from liangxin_desktop.output.work_summary import write_work_summary
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.queries import year_scope
    from liangxin_desktop.storage.year_review import year_review

    if args.out.suffix.lower() != ".docx":
        raise InvalidValue(f"输出文件“{args.out.name}”的扩展名应为 .docx。", "例如：工作总结.docx")
    archive = open_archive(args.data, create=False)
    try:
        review = year_review(archive, args.year, year_scope(args.year, args.today)[0])
    finally:
        archive.close()
    write_work_summary(review, args.out)
    _say(f"已生成{args.year}年度党建工作总结（初稿）：{args.out}")
    return EXIT_OK


ASSISTANT_COMMANDS = {"todo": run_todo, "stats": run_stats, "report": run_report}
