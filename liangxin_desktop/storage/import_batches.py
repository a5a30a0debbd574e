"""Import batches: what one Excel import added or changed, so that "撤销上次导入" can undo it.

The only writer of ``import_batches`` and ``import_batch_items``. An item remembers one row
(by rowid) with, for a changed row, the row and its child rows as they were before. Undo runs
in one transaction: rows the import added are deleted (the one case in which people are
deleted: they came from the file and nothing else refers to them yet), changed rows get their
earlier values back. A row changed after the import, or an added person who is referred to
since (attendance, dues, …), makes the undo refuse and change nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive

# Child rows kept with their parent: table → [(child table, foreign-key column)].
CHILDREN: dict[str, list[tuple[str, str]]] = {
    "people": [
        ("milestones", "person_id"),
        ("membership_periods", "person_id"),
        ("party_standing", "person_id"),
    ],
    "meetings": [("meeting_attendance", "meeting_id"), ("resolutions", "meeting_id")],
}


@dataclass(frozen=True)
class Batch:
    id: int
    register: str
    file_name: str
    imported_at: str
    added: int
    updated: int


def _fingerprint(db: Database, table: str, row_id: int) -> str | None:
    """A digest of the row and its child rows: any later change to them changes it."""
    now = snapshot(db, table, row_id)
    if now["row"] is None:
        return None
    text = json.dumps(now, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _row(db: Database, table: str, row_id: int) -> dict[str, Any] | None:
    cursor = db.execute(f"SELECT * FROM {table} WHERE rowid = ?", [row_id])
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([c[0] for c in cursor.description], found, strict=True))


def _rows(db: Database, table: str, key: str, value: int) -> list[dict[str, Any]]:
    cursor = db.execute(f"SELECT * FROM {table} WHERE {key} = ?", [value])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def snapshot(db: Database, table: str, row_id: int) -> dict[str, Any]:
    """A row and its child rows as they are now (taken before an import changes them)."""
    children = {child: _rows(db, child, key, row_id) for child, key in CHILDREN.get(table, [])}
    return {"row": _row(db, table, row_id), "children": children}


def start_batch(db: Database, register: str, file_name: str) -> int:
    batch_id = (
        db.table("import_batches")
        .insert({"register": register, "file_name": file_name, "imported_at": audit.now_text()})
        .last_rowid
    )
    assert batch_id is not None
    return batch_id


def record_item(
    db: Database,
    batch_id: int,
    table: str,
    row_id: int,
    before: dict[str, Any] | None = None,
) -> None:
    """Remember a row the batch added (``before`` None) or changed (``before`` its snapshot)."""
    stamp = _fingerprint(db, table, row_id)
    db.execute(
        "INSERT INTO import_batch_items (batch_id, table_name, row_id, action, before, stamp) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            batch_id,
            table,
            row_id,
            "add" if before is None else "update",
            None if before is None else json.dumps(before, ensure_ascii=False),
            stamp,
        ],
    )


def finish_batch(db: Database, batch_id: int, added: int, updated: int) -> None:
    db.execute(
        "UPDATE import_batches SET added = ?, updated = ? WHERE id = ?", [added, updated, batch_id]
    )
    audit.record(db, f"导入（新增{added}条，更新{updated}条）", "import_batches", batch_id)


def last_batch(archive: Archive) -> Batch | None:
    """The latest import not yet undone."""
    row = archive.db.execute(
        "SELECT id, register, file_name, imported_at, added, updated FROM import_batches "
        "WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return Batch(*row) if row else None


def undo_last_batch(archive: Archive) -> Batch:
    """Undo the latest import, all or nothing; InvalidValue (saying why) when it cannot be."""
    batch = last_batch(archive)
    if batch is None:
        raise InvalidValue("没有可以撤销的导入。", "只有通过“从Excel导入”导入的数据可以撤销。")
    items = archive.db.execute(
        "SELECT table_name, row_id, action, before, stamp FROM import_batch_items "
        "WHERE batch_id = ? ORDER BY id DESC",
        [batch.id],
    ).fetchall()
    with archive.transaction() as db:
        for table, row_id, action, before, stamp in items:
            _check_unchanged(db, batch, table, row_id, stamp)
            if action == "add":
                _delete_added(db, batch, table, row_id)
            else:
                _restore(db, table, row_id, json.loads(before))
        db.execute(
            "UPDATE import_batches SET undone_at = ? WHERE id = ?", [audit.now_text(), batch.id]
        )
        audit.record(db, "撤销导入", "import_batches", batch.id)
    return batch


def _changed_since(batch: Batch) -> InvalidValue:
    return InvalidValue(
        f"不能撤销：{batch.imported_at[:16].replace('T', ' ')} 导入的“{batch.file_name}”中，"
        "有记录在导入后又被修改或删除过。",
        "撤销会丢失这些修改，所以没有做任何改动。请在台账中逐条修改。",
    )


def _check_unchanged(db: Database, batch: Batch, table: str, row_id: int, stamp: Any) -> None:
    if _fingerprint(db, table, row_id) != stamp:
        raise _changed_since(batch)


def _delete_added(db: Database, batch: Batch, table: str, row_id: int) -> None:
    for child, key in CHILDREN.get(table, []):
        db.execute(f"DELETE FROM {child} WHERE {key} = ?", [row_id])
    try:
        db.execute(f"DELETE FROM {table} WHERE rowid = ?", [row_id])
    except sqlite3.IntegrityError:
        raise InvalidValue(
            f"不能撤销：“{batch.file_name}”导入的人员已在其他台账中用到（会议出席、党费等）。",
            "撤销会使这些记录失去对应的人员，所以没有做任何改动。",
        ) from None


def _restore(db: Database, table: str, row_id: int, before: dict[str, Any]) -> None:
    row = before["row"]
    columns = [key for key in row if key != "id"]
    assignments = ", ".join(f"{column} = ?" for column in columns)
    db.execute(
        f"UPDATE {table} SET {assignments} WHERE rowid = ?",
        [*(row[column] for column in columns), row_id],
    )
    for child, key in CHILDREN.get(table, []):
        db.execute(f"DELETE FROM {child} WHERE {key} = ?", [row_id])
        rows = before["children"].get(child, [])
        if rows:
            db.table(child).insert_all(rows)
