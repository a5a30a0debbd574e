"""检查台账: SQLite's full ``PRAGMA integrity_check``, weekly at start and whenever the clerk asks.

The open at start runs only ``quick_check`` (structure, fast); the full check also reads every
index against its table. The day of the last check that passed is kept in ``settings``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta

from liangxin_desktop.errors import Cancelled
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.failures import storage_error

LAST_CHECK_KEY = "last_integrity_check"
CHECK_EVERY = timedelta(days=7)
_STEPS_PER_REPORT = 20_000  # SQLite VM steps between two looks at the cancel button
_MOST_PROBLEMS = 20  # integrity_check stops listing after this many


def check_due(last: date | None, today: date) -> bool:
    """Weekly: never checked, or the last good check was seven days ago or more."""
    return last is None or today - last >= CHECK_EVERY


def last_check(archive: Archive) -> date | None:
    row = archive.db.execute(
        "SELECT value FROM settings WHERE key = ?", [LAST_CHECK_KEY]
    ).fetchone()
    try:
        return date.fromisoformat(str(row[0])) if row else None
    except ValueError:
        return None


def note_check(archive: Archive, today: date) -> None:
    """Remember the day of a check that passed (not for a read-only archive)."""
    if archive.read_only:
        return
    with archive.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [LAST_CHECK_KEY, today.isoformat()],
        )


def integrity_problems(
    archive: Archive, progress: Callable[[int, int], None] = lambda done, total: None
) -> list[str]:
    """What ``integrity_check`` finds wrong ([] when the file is sound); ``progress`` may raise
    Cancelled (the clerk cancelled), which interrupts the check."""
    conn = archive.db.conn
    stopped: list[Cancelled] = []

    def look_at_cancel() -> int:
        try:
            progress(0, 1)
        except Cancelled as exc:
            stopped.append(exc)
            return 1  # non-zero interrupts the statement
        return 0

    conn.set_progress_handler(look_at_cancel, _STEPS_PER_REPORT)
    try:
        rows = conn.execute(f"PRAGMA integrity_check({_MOST_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        if stopped:
            raise stopped[0] from exc
        problem = storage_error(exc)
        if problem is None:
            raise
        return [problem.headline]
    finally:
        conn.set_progress_handler(None, 0)
    progress(1, 1)
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found
