"""Damage that only the full ``integrity_check`` finds: two indexes of ``people`` swapped."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def swap_two_indexes(path: Path) -> None:
    """Swap the root pages of two indexes of a closed archive: every page stays well-formed
    (``quick_check`` at open passes) but the indexes no longer match the table."""
    conn = sqlite3.connect(path)
    try:
        pages = dict(
            conn.execute(
                "SELECT name, rootpage FROM sqlite_master"
                " WHERE name IN ('people_by_name', 'people_by_phone')"
            ).fetchall()
        )
        conn.execute("PRAGMA writable_schema = ON")
        for name, other in (
            ("people_by_name", "people_by_phone"),
            ("people_by_phone", "people_by_name"),
        ):
            conn.execute(
                "UPDATE sqlite_master SET rootpage = ? WHERE name = ?", [pages[other], name]
            )
        conn.commit()
    finally:
        conn.close()
