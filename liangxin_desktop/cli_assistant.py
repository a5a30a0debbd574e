"""The clerk's assistant on the command line: ``todo`` (what is due), ``stats`` and ``report``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK = 0


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def add_assistant_commands(commands: Any, year_type: Callable[[str], int]) -> None:
    todo = commands.add_parser("todo", help="列出待办与提醒（首页的内容）")
    todo.add_argument("--data", type=Path, required=True, dest="data")
    todo.add_argument("--json", action="store_true", help="以 JSON 输出（供其他程序读取）")


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


ASSISTANT_COMMANDS = {"todo": run_todo}
