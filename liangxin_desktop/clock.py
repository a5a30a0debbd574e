"""The one place that decides "today": the computer's date, or the day given with ``--today``.

Everything below takes the resolved day as an argument, so reminders, statistics, the work
summary and printing can be reproduced for a past day (``--today 2025-12-31``).
"""

from __future__ import annotations

import argparse
from datetime import date

from liangxin_desktop.domain.dates import parse_date
from liangxin_desktop.errors import InvalidValue


def parse_today(text: str) -> date:
    """The ``--today`` argument: a date as the clerk writes it (2025-12-31, 2025年12月31日)."""
    try:
        return parse_date(text)
    except InvalidValue as exc:
        raise argparse.ArgumentTypeError(f"“今天”的日期不对：{exc.headline}") from None


_fixed: date | None = None  # the day given with --today, for this run of the program


def fix_today(day: date | None) -> None:
    """Work on ``day`` for the rest of this run (``--today``); None goes back to the real date."""
    global _fixed
    _fixed = day


def today() -> date:
    """The day the program works on: the ``--today`` of this run, else the computer's date.
    Forms take their default dates from here; rules get the day as an argument."""
    return _fixed if _fixed is not None else date.today()


def resolve_today(fixed: date | None) -> date:
    """The day the program works on: the fixed day when one was given, else ``today()``."""
    return fixed if fixed is not None else today()
