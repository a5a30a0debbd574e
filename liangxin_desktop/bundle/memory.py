"""A read-only Archive over a bundle's database already open in memory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from liangxin_desktop.storage.archive import Archive


def memory_archive(conn: sqlite3.Connection, path: Path | None = None) -> Archive:
    """An Archive over an already open, read-only connection (the storage functions read it)."""
    return Archive(Database(conn), path or Path("移交包"), read_only=True)
