"""The command-line jobs of the hand-over bundle: ``bundle``, ``verify`` and ``summarize``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liangxin_desktop.errors import InvalidValue

EXIT_OK, EXIT_REFUSED = 0, 1


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def read_password_file(path: Path | None) -> str | None:
    """The first line of the password file (so the password never shows in the process list)."""
    if path is None:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidValue(f"找不到密码文件：{path}。") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidValue(f"无法读取密码文件“{path}”。", "请用记事本保存为 UTF-8 文本。") from exc
    password = text.splitlines()[0].strip("\r\n") if text else ""
    if not password:
        raise InvalidValue(f"密码文件“{path}”的第一行是空的。", "请把密码写在第一行。")
    return password


def add_commands(commands: Any, year_type: Callable[[str], int]) -> None:
    """Register the three subcommands on the CLI's subparsers."""
    bundle = commands.add_parser("bundle", help="生成移交包（交给上级的U盘文件）")
    bundle.add_argument("--data", type=Path, required=True, dest="data")
    bundle.add_argument("--out", type=Path, required=True, help="移交包：xxx.zip 或一个新文件夹")
    bundle.add_argument("--year", type=year_type, help="年度（默认今年）")
    bundle.add_argument("--password-file", type=Path, help="密码文件（第一行为密码），加密压缩包")
    verify = commands.add_parser("verify", help="校验移交包是否完整、未被改动")
    verify.add_argument("bundle", type=Path, help="移交包（.zip 或文件夹）")
    verify.add_argument("--password-file", type=Path, help="密码文件（第一行为密码）")
    summarize = commands.add_parser("summarize", help="汇总多个移交包（上级党组织用）")
    summarize.add_argument("bundles", type=Path, nargs="+", help="移交包（.zip 或文件夹），可多个")
    summarize.add_argument("--password-file", type=Path, help="密码文件（各移交包共用的密码）")
    summarize.add_argument("--out", type=Path, required=True, help="汇总表（.xlsx 或 .pdf）")
    summarize.add_argument("--pdf", type=Path, help="另存一份打印用的汇总表（.pdf）")


def run_bundle(args: argparse.Namespace) -> int:
    from liangxin_desktop.bundle.making import make_bundle
    from liangxin_desktop.storage.archive import open_archive

    password = read_password_file(args.password_file)
    archive = open_archive(args.data, create=False)
    try:
        result = make_bundle(archive, args.out, year=args.year, password=password, today=args.today)
    finally:
        archive.close()
    locked = "（已加密，密码请另行告知对方）" if password else ""
    _say(f"已生成移交包{locked}：{result.path}")
    _say(result.describe())
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from liangxin_desktop.bundle.verifying import verify_bundle

    result = verify_bundle(args.bundle, read_password_file(args.password_file))
    if result.ok:
        _say(result.describe())
        return EXIT_OK
    _say(f"{result.organization} {result.year}年度移交包：校验未通过。")
    for problem in result.problems:
        _say(f"  - {problem}")
    return EXIT_REFUSED


def _check_suffix(path: Path, suffixes: tuple[str, ...]) -> None:
    if path.suffix.lower() not in suffixes:
        raise InvalidValue(
            f"输出文件“{path.name}”的扩展名应为 {' 或 '.join(suffixes)}。", "例如：汇总表.xlsx"
        )


def run_summarize(args: argparse.Namespace) -> int:
    from liangxin_desktop.bundle.summary_report import (
        summarize_bundles,
        write_summary_pdf,
        write_summary_xlsx,
    )

    _check_suffix(args.out, (".xlsx", ".pdf"))
    if args.pdf is not None:
        _check_suffix(args.pdf, (".pdf",))
    report = summarize_bundles(args.bundles, read_password_file(args.password_file))
    targets = [args.out, *([args.pdf] if args.pdf else [])]
    for target in targets:
        if target.suffix.lower() == ".pdf":
            write_summary_pdf(report, target, args.today)
        else:
            write_summary_xlsx(report, target)
    _say(f"已汇总 {len(report.summaries)} 个党组织：" + "、".join(str(t) for t in targets))
    for failed in report.failed:
        _say(f"  未计入（未通过校验）：{failed.path.name}：{failed.reason}")
    return EXIT_OK


COMMANDS = {"bundle": run_bundle, "verify": run_verify, "summarize": run_summarize}
