"""Composition root: arguments → paths → logging → display check → QApplication → archive → window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from liangxin_desktop import cli, clock


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    from liangxin_desktop import paths
    from liangxin_desktop.files import keep_private, make_private
    from liangxin_desktop.storage import scratch

    keep_private()  # the archive, its backups, logs and scratch: the user's only (Linux)
    make_private(paths.data_dir())  # a data folder an earlier version made 0755
    scratch.clean_leftovers()
    scratch.use_for_temporary_files()
    try:
        return _run(args)
    finally:
        scratch.release()


def _run(args: argparse.Namespace) -> int:
    if args.command:
        return cli.run(args)
    from liangxin_desktop.logs import setup_logging

    setup_logging()
    if args.smoke_test:
        from liangxin_desktop.ui.smoke import run_smoke_test

        return run_smoke_test()
    from liangxin_desktop.display_check import ensure_display

    if not ensure_display():  # a Chinese sentence instead of Qt's English abort
        return 1
    from liangxin_desktop.ui.application import run_gui

    clock.fix_today(args.today)  # every form's default date too
    return run_gui(args.data, clock.resolve_today(args.today), fixed_day=args.today is not None)


if __name__ == "__main__":
    sys.exit(main())
