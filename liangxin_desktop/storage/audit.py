"""The audit trail: what changed and when, naming fields but never personal values."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlite_utils import Database


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def record(
    db: Database, action: str, table: str, row_id: int | None, fields: Iterable[str] = ()
) -> None:
    db.execute(
        "INSERT INTO audit_log (at, action, table_name, row_id, fields) VALUES (?, ?, ?, ?, ?)",
        [now_text(), action, table, row_id, ",".join(fields)],
    )
