"""The shape of an archive's schema (tables, views and their columns) checked before writing.

The application id says a file claims to be ours; the shape says it really is: a database
made by another program that copied our id is refused before a migration touches it.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from sqlite_utils import Database

from liangxin_desktop.errors import ArchiveError
from liangxin_desktop.storage.migrations import migrations

Shape = dict[str, tuple[str, ...]]


def shape_of(conn: sqlite3.Connection) -> Shape:
    """Every table and view (SQLite's own left out) with its column names in order."""
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall()
    return {
        name: tuple(row[1] for row in conn.execute(f'PRAGMA table_info("{name}")'))
        for (name,) in names
    }


@cache
def expected_shape(version: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The shape an archive has after the first ``version`` migrations (built in memory)."""
    db = Database(memory=True)
    steps = [step.name for step in migrations.pending(db)]
    migrations.apply(db, stop_before=steps[version:] or None)
    return tuple(shape_of(db.conn).items())


def check_shape(conn: sqlite3.Connection, version: int) -> None:
    """Refuse a database whose tables or columns are not those of our schema at ``version``."""
    try:
        actual = shape_of(conn)
    except sqlite3.DatabaseError:
        actual = {}
    expected = dict(expected_shape(version))
    if version == 0 and set(actual) <= set(expected):
        return  # a new archive whose first migration never finished (the program was stopped)
    if actual != expected:
        raise ArchiveError(
            "这个数据库文件带有“两新党建台账”的标记，但内容结构不是本程序的台账。",
            "请选择本程序保存的台账文件（.lxdb）；这个文件没有被改动。",
        )
