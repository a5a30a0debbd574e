"""The command-line jobs of Excel imports: ``import``, ``template`` and ``undo-import``.

``import`` always checks the whole file first (the dry run) and writes only when no row has an
error, in one transaction; ``--dry-run`` stops after the check. Problems are printed as
“第N行“列”：…” lines on stderr and can be saved as an .xlsx (``--problems``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.importing.plan import UPDATE_OPTION

EXIT_OK, EXIT_REFUSED = 0, 1
_SHOWN_PROBLEMS = 200


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def add_import_commands(commands: Any, year_type: Callable[[str], int]) -> None:
    """Register the subcommands on the main parser's subparsers."""
    sub = commands.add_parser("import", help="从 Excel/CSV 导入（先检查全部行，无错误才写入）")
    sub.add_argument("--data", type=Path, required=True, dest="data")
    sub.add_argument("--register", required=True, metavar="KEY", help="台账代号，如 members")
    sub.add_argument("--file", type=Path, required=True, help="要导入的 .xlsx/.xls/.csv 文件")
    sub.add_argument("--sheet", help="工作表名称（默认第一个）")
    sub.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    sub.add_argument(
        "--update-existing",
        action="store_true",
        help=f"{UPDATE_OPTION}（即导入向导中的同名选项）",
    )
    sub.add_argument("--year", type=year_type, help="党费：表格中没有“年度”列时的年度")
    sub.add_argument("--problems", type=Path, metavar="OUT.xlsx", help="把问题清单保存为 Excel")
    template = commands.add_parser("template", help="下载导入模板（.xlsx）")
    template.add_argument("--register", required=True, metavar="KEY")
    template.add_argument("--out", type=Path, required=True)
    undo = commands.add_parser("undo-import", help="撤销上次导入")
    undo.add_argument("--data", type=Path, required=True, dest="data")


def run_import(args: argparse.Namespace) -> int:
    from liangxin_desktop.importing.reading import read_sheet
    from liangxin_desktop.importing.runner import commit_import, get_importer, plan_import
    from liangxin_desktop.importing.templates import write_problems
    from liangxin_desktop.storage.archive import open_archive

    importer = get_importer(args.register)
    sheet = read_sheet(args.file, args.sheet)
    archive = open_archive(args.data, create=False)
    try:
        plan = plan_import(
            archive,
            importer,
            sheet,
            args.file.name,
            update_existing=args.update_existing,
            options={"year": args.year} if args.year else {},
            today=args.today,
        )
        _report(plan)
        if args.problems:
            write_problems(plan, args.problems)
            _say(f"问题清单已保存到：{args.problems}")
        if not plan.ok:
            _say("没有导入任何数据。请改正表格后重新导入。")
            return EXIT_REFUSED
        if args.dry_run:
            _say("这是检查（--dry-run），没有写入台账。去掉 --dry-run 即可导入。")
            return EXIT_OK
        commit_import(archive, plan, today=args.today)
    finally:
        archive.close()
    _say(f"已导入到“{importer.title}”。如需撤销，请运行 undo-import。")
    return EXIT_OK


def _report(plan: Any) -> None:
    _say(f"工作表“{plan.sheet}”，表头在第{plan.header_row}行：{plan.summary()}。")
    ordered = sorted(plan.problems, key=lambda p: (p.row, not p.is_error))
    for problem in ordered[:_SHOWN_PROBLEMS]:
        _say(("错误 " if problem.is_error else "提醒 ") + problem.text())
    if len(ordered) > _SHOWN_PROBLEMS:
        _say(f"……另有 {len(ordered) - _SHOWN_PROBLEMS} 处问题，请用 --problems 保存完整清单。")


def run_template(args: argparse.Namespace) -> int:
    from liangxin_desktop.importing.runner import get_importer
    from liangxin_desktop.importing.templates import write_template

    if args.out.suffix.lower() != ".xlsx":
        raise InvalidValue(f"模板文件“{args.out.name}”的扩展名应为 .xlsx。")
    importer = get_importer(args.register)
    write_template(importer, args.out, args.today)
    _say(f"已保存“{importer.title}”的导入模板：{args.out}")
    return EXIT_OK


def run_undo(args: argparse.Namespace) -> int:
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.import_batches import undo_last_batch

    archive = open_archive(args.data, create=False)
    try:
        batch = undo_last_batch(archive)
    finally:
        archive.close()
    _say(
        f"已撤销 {batch.imported_at.replace('T', ' ')} 导入的“{batch.file_name}”"
        f"（新增{batch.added}条，更新{batch.updated}条）。"
    )
    return EXIT_OK


IMPORT_COMMANDS = {"import": run_import, "template": run_template, "undo-import": run_undo}
