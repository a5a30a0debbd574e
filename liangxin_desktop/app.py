"""Composition root: arguments → paths → logging → display check → QApplication → archive → window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from liangxin_desktop import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
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

    return run_gui(args.data)


if __name__ == "__main__":
    sys.exit(main())
