"""Drafts: what the clerk is typing in a form, kept every few seconds until it is saved.

One row per open form (its register and record, or a new record), written in its own small
transaction, so that a crash or a power cut loses at most a few seconds of typing. Drafts
are not records: no register, print or export reads this table (migration 0014_drafts), and
a hand-over bundle's copy of the database has it emptied.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from liangxin_desktop.storage.archive import Archive


@dataclass(frozen=True)
class Draft:
    key: str
    register: str
    record_id: int | None
    label: str
    values: dict[str, Any]
    saved_at: datetime


def draft_key(register: str, record_id: int | None) -> str:
    return f"{register}:{record_id if record_id is not None else 'new'}"


def save_draft(
    archive: Archive, register: str, record_id: int | None, label: str, values: dict[str, Any]
) -> None:
    """Keep (or replace) the draft of one form."""
    with archive.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO drafts (key, register, record_id, label, draft_values, saved_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                draft_key(register, record_id),
                register,
                record_id,
                label,
                json.dumps(values, ensure_ascii=False, default=str),
                datetime.now().isoformat(timespec="seconds"),
            ],
        )


def delete_draft(archive: Archive, register: str, record_id: int | None) -> None:
    with archive.transaction() as db:
        db.execute("DELETE FROM drafts WHERE key = ?", [draft_key(register, record_id)])


def list_drafts(archive: Archive) -> list[Draft]:
    rows = archive.db.execute(
        "SELECT key, register, record_id, label, draft_values, saved_at FROM drafts"
        " ORDER BY saved_at"
    ).fetchall()
    return [
        Draft(key, register, record_id, label, json.loads(values), datetime.fromisoformat(saved))
        for key, register, record_id, label, values, saved in rows
    ]


def get_draft(archive: Archive, register: str, record_id: int | None) -> Draft | None:
    key = draft_key(register, record_id)
    return next((d for d in list_drafts(archive) if d.key == key), None)
