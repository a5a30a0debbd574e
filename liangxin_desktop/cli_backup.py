"""The command-line jobs of backups: ``backup``, ``backups``, ``restore`` and ``check``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_DAMAGED = 1


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def add_commands(commands: Any) -> None:
    """Register the three subcommands on the CLI's subparsers."""
    backup = commands.add_parser("backup", help="立即备份台账（经过校验）")
    backup.add_argument("--data", type=Path, required=True, dest="data")
    backup.add_argument("--to", type=Path, help="备份到这个文件夹（例如U盘），默认为台账旁的“备份”")
    listing = commands.add_parser("backups", help="列出台账的备份")
    listing.add_argument("--data", type=Path, required=True, dest="data")
    restore = commands.add_parser("restore", help="用一个备份恢复台账（先备份当前台账）")
    restore.add_argument("--data", type=Path, required=True, dest="data")
    restore.add_argument("--from", type=Path, required=True, dest="source", help="备份文件")
    check = commands.add_parser("check", help="检查台账文件是否完好（完整性检查，只读）")
    check.add_argument("--data", type=Path, required=True, dest="data")


def run_backup(args: argparse.Namespace) -> int:
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.backups import make_backup

    archive = open_archive(args.data, create=False)
    try:
        backup = make_backup(archive, "手动", folder=args.to)
    finally:
        archive.close()
    _say(f"已备份并校验通过：{backup.path}（{backup.records} 条记录）")
    return EXIT_OK


def run_backups(args: argparse.Namespace) -> int:
    from liangxin_desktop.storage.backups import list_backups

    found = list_backups(args.data)
    if not found:
        _say(f"“{args.data.name}”还没有备份。")
        return EXIT_OK
    print("时间\t原因\t大小\t记录数\t校验\t文件")
    for backup in found:
        size = f"{backup.size / 1024 / 1024:.1f} MB"
        verified = "通过" if backup.verified else "未通过"
        print(
            f"{backup.made_at:%Y-%m-%d %H:%M:%S}\t{backup.reason}\t{size}\t{backup.records}"
            f"\t{verified}\t{backup.path.name}"
        )
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.backups import restore_backup

    archive = open_archive(args.data, create=False)
    restored = restore_backup(archive, args.source)
    restored.close()
    _say(f"已用备份“{args.source.name}”恢复台账：{args.data}（恢复前的台账已另行备份）")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """The full integrity check, reading only: "台账文件完好", or what is wrong and which backup
    to restore from (a damaged file is refused at open with the same advice)."""
    from liangxin_desktop.storage.archive import open_archive
    from liangxin_desktop.storage.backups import newest_good
    from liangxin_desktop.storage.integrity import integrity_problems

    archive = open_archive(args.data, read_only=True)
    try:
        problems = integrity_problems(archive)
    finally:
        archive.close()
    if not problems:
        _say(f"台账文件完好：{args.data}（完整性检查通过）")
        return EXIT_OK
    _say(f"台账文件有损坏（{len(problems)} 处问题），例如：" + "；".join(problems[:3]))
    good = newest_good(args.data)
    if good is not None:
        _say(
            f"最近的完好备份：{good.path}（{good.made_at:%Y-%m-%d %H:%M}），可以用 restore 命令恢复。"
        )
    return EXIT_DAMAGED


COMMANDS = {
    "backup": run_backup,
    "backups": run_backups,
    "restore": run_restore,
    "check": run_check,
}
