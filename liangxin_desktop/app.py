"""Composition root: arguments → paths → logging → excepthook → QApplication → archive → window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from liangxin_desktop import cli, clock


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.command:
        return cli.run(args)
    from liangxin_desktop.logs import setup_logging

    setup_logging()
    if args.smoke_test:
        from liangxin_desktop.ui.smoke import run_smoke_test

        return run_smoke_test()
    from liangxin_desktop.ui.application import run_gui

    return run_gui(args.data, clock.resolve_today(args.today), fixed_day=args.today is not None)


if __name__ == "__main__":
    sys.exit(main())
