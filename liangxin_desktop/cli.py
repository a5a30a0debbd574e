"""The command-line jobs (demo, registers, export, print, import, bundle, verify, summarize). No widgets.

Messages are Chinese on stderr; exit 0 on success, 1 when input is refused, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import NoReturn

from liangxin_desktop import APP_NAME, __version__, cli_backup, clock
from liangxin_desktop.bundle import commands as bundle_commands
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import REGISTERS, available_registers, get_register
from liangxin_desktop.cli_assistant import ASSISTANT_COMMANDS, add_assistant_commands
from liangxin_desktop.cli_import import IMPORT_COMMANDS, add_import_commands
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.output.files import WriteRegisters

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"argument (\S+): invalid int value: '(.*)'", "参数 {0} 需要一个整数，而不是“{1}”"),
    (r"argument (\S+): expected one argument", "参数 {0} 后面需要跟一个值"),
    (r"argument (\S+): invalid choice: '(.*?)'.*", "参数 {0} 不接受“{1}”"),
    (r"argument (\S+): (.*)", "参数 {0}：{1}"),
]


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse, with its errors told in Chinese and exit code 2."""

    def error(self, message: str) -> NoReturn:
        for pattern, template in _ARGPARSE_MESSAGES:
            match = re.fullmatch(pattern, message)
            if match:
                message = template.format(*match.groups())
                break
        self.exit(
            EXIT_USAGE, f"命令用法不正确：{message}。\n请运行“{self.prog} --help”查看用法。\n"
        )


def _year(text: str) -> int:
    if not re.fullmatch(r"(19|20)\d\d", text.strip()):
        raise argparse.ArgumentTypeError(f"年度应为四位数字，例如 {date.today().year}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="liangxin-desktop", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--data", type=Path, help="台账文件（默认：用户数据文件夹中的“台账.lxdb”）")
    parser.add_argument(
        "--smoke-test", action="store_true", help="在后台启动界面、打印一页后退出（用于安装检查）"
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--today", type=clock.parse_today, metavar="YYYY-MM-DD", help=_TODAY_HELP)
    commands = parser.add_subparsers(
        dest="command", metavar="命令", parser_class=ChineseArgumentParser
    )
    demo = commands.add_parser("demo", help="生成一个虚构的示例台账")
    demo.add_argument("--data", type=Path, required=True, dest="data")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--members", type=int, default=36)
    commands.add_parser("registers", help="列出全部台账的代号和名称")
    for name, suffix, help_text in (
        ("export", ".xlsx", "导出为 Excel"),
        ("print", ".pdf", "打印为 PDF"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--data", type=Path, required=True, dest="data")
        sub.add_argument("--out", type=Path, required=True, help=f"输出文件（{suffix}）")
        sub.add_argument(
            "--register", action="append", default=[], metavar="KEY", help="台账代号，可重复"
        )
        sub.add_argument("--year", type=_year, help="年度（花名册按该年年底或今天的情况）")
        if name == "print":
            sub.add_argument(
                "--folder",
                action="store_true",
                help="每个台账单独一个 PDF，放在 --out 指定的新文件夹中",
            )
            sub.add_argument("--binding", action="store_true", help="留出左侧装订线")
            sub.add_argument(
                "--photos-per-page", type=int, choices=(2, 4), default=4, help="图片册每页照片数"
            )
            sub.add_argument("--pages", type=_pages, help="只打印这些页，例如 1-3,8")
    add_import_commands(commands, _year)
    bundle_commands.add_commands(commands, _year)
    cli_backup.add_commands(commands)
    add_assistant_commands(commands, _year)
    for sub in commands.choices.values():  # every command can be run "as of" a past day
        sub.add_argument(
            "--today",
            type=clock.parse_today,
            default=argparse.SUPPRESS,
            metavar="YYYY-MM-DD",
            help=_TODAY_HELP,
        )
    return parser


_TODAY_HELP = "按这一天运行（提醒、统计、总结和打印都以这一天为“今天”），例如 2025-12-31"


def _pages(text: str) -> frozenset[int]:
    from liangxin_desktop.output.pdf.document import parse_page_ranges

    try:
        return parse_page_ranges(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _chosen_registers(keys: Sequence[str]) -> list[Register]:
    if not keys:
        return available_registers()
    return [get_register(key) for key in keys]


def _check_suffix(path: Path, suffix: str) -> None:
    if not suffix:  # a folder
        if path.suffix.lower() in (".pdf", ".xlsx"):
            raise InvalidValue(
                f"“{path.name}”看起来是文件名；按台账分开打印时，--out 应是一个新文件夹。",
                "例如：--out 2026年度台账",
            )
        return
    if path.suffix.lower() != suffix:
        raise InvalidValue(f"输出文件“{path.name}”的扩展名应为 {suffix}。", f"例如：台账{suffix}")


def run_demo(args: argparse.Namespace) -> int:
    from liangxin_desktop.demo import DemoSpec, build_demo
    from liangxin_desktop.storage.archive import open_archive

    if args.members < 1 or args.members > 5000:
        raise InvalidValue("示例党员人数应在 1 到 5000 之间。")
    if args.data.exists() and args.data.stat().st_size > 0:
        raise InvalidValue(
            f"文件“{args.data}”已经存在，示例数据不会覆盖已有文件。", "请指定一个新的文件名。"
        )
    archive = open_archive(args.data, replace_empty=True)
    try:
        build_demo(archive, DemoSpec(seed=args.seed, members=args.members, today=args.today))
    finally:
        archive.close()
    _say(f"已生成示例台账：{args.data}")
    return EXIT_OK


def _output(args: argparse.Namespace, suffix: str, verb: str, write: WriteRegisters) -> int:
    """Export or print: check the target name, open the archive, write, say where it went."""
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.queries import year_scope

    _check_suffix(args.out, suffix)
    registers = _chosen_registers(args.register)
    as_of, row_filter = year_scope(args.year or args.today.year, args.today)
    archive = open_archive(args.data, create=False)
    try:
        write(archive, registers, args.out, row_filter=row_filter, as_of=as_of)
    finally:
        archive.close()
    _say(f"已{verb} {len(registers)} 个台账到：{args.out}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from liangxin_desktop.output.excel import export_workbook

    return _output(args, ".xlsx", "导出", export_workbook)


def run_print(args: argparse.Namespace) -> int:
    from liangxin_desktop.output.pdf.books import PrintOptions, print_folder, print_registers

    options = PrintOptions(
        binding_margin=args.binding, photos_per_page=args.photos_per_page, printed_on=args.today
    )
    if args.folder:
        return _output(args, "", "打印", partial(print_folder, options=options))
    return _output(
        args, ".pdf", "打印", partial(print_registers, options=options, pages=args.pages)
    )


def run_registers(args: argparse.Namespace) -> int:
    for register in REGISTERS.values():
        print(f"{register.key}\t{register.title}")
    return EXIT_OK


_COMMANDS = {
    "demo": run_demo,
    "export": run_export,
    "print": run_print,
    "registers": run_registers,
    **IMPORT_COMMANDS,
    **ASSISTANT_COMMANDS,
}
_COMMANDS.update(bundle_commands.COMMANDS)
_COMMANDS.update(cli_backup.COMMANDS)


def run(args: argparse.Namespace) -> int:
    """Run one command; expected problems become a Chinese message and exit code 1.

    ``args.today`` is resolved here, once: the day given with ``--today`` or the real date.
    """
    clock.fix_today(getattr(args, "today", None))
    args.today = clock.resolve_today(getattr(args, "today", None))
    try:
        return _COMMANDS[args.command](args)
    except LiangxinError as exc:
        _say(exc.message())
        return EXIT_REFUSED
    except KeyboardInterrupt:
        _say("已取消。")
        return EXIT_REFUSED
