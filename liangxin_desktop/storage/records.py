"""Records of the plain and meeting books: add, edit, move to the recycle bin, restore.

People are not handled here: they never go to the recycle bin (see ``people.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.catalog.validation import Cleaned, clean_record
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive


def validate(register: Register, raw: Mapping[str, object], today: date | None = None) -> Cleaned:
    return clean_record(register, raw, today)


def _cleaned_or_refuse(
    register: Register, raw: Mapping[str, object], today: date | None
) -> dict[str, Any]:
    cleaned = validate(register, raw, today)
    if not cleaned.ok:
        raise ValidationFailed(cleaned.errors)
    return cleaned.values


def get_record(archive: Archive, register: Register, record_id: int) -> dict[str, Any]:
    rows = list(archive.db.query(f"SELECT * FROM {register.source} WHERE id = ?", [record_id]))
    if not rows:
        raise InvalidValue(
            f"找不到这条{register.row_noun}记录，可能已被删除。", "请刷新列表后重试。"
        )
    return rows[0]


def add_record(
    archive: Archive, register: Register, raw: Mapping[str, object], today: date | None = None
) -> int:
    """Add one record in one transaction; ValidationFailed names the fields when refused."""
    return insert_record(archive, register, _cleaned_or_refuse(register, raw, today))


def insert_row(db: Database, table: str, values: Mapping[str, Any]) -> int:
    """INSERT one row; its rowid. Plain SQL: sqlite-utils' ``insert`` inspects the table on
    every call, which costs more than the insert itself when an import writes thousands."""
    columns = list(values)
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[column] for column in columns],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def insert_record(archive: Archive, register: Register, cleaned_values: Mapping[str, Any]) -> int:
    """Write a record whose values ``validate`` accepted (callers that checked first: imports)."""
    values = dict(cleaned_values)
    stamp = audit.now_text()
    values.update(dict(register.fixed_values), created_at=stamp, updated_at=stamp)
    with archive.transaction() as db:
        record_id = insert_row(db, str(register.table), values)
        audit.record(db, f"新增{register.row_noun}", str(register.table), record_id)
    return record_id


def update_record(
    archive: Archive,
    register: Register,
    record_id: int,
    raw: Mapping[str, object],
    today: date | None = None,
) -> list[str]:
    """Save changes in one transaction; the keys of the fields that changed."""
    values = _cleaned_or_refuse(register, raw, today)
    before = get_record(archive, register, record_id)
    changed = [k for k, v in values.items() if before.get(k) != v]
    if changed:
        with archive.transaction() as db:
            updates = {k: values[k] for k in changed}
            db.table(str(register.table)).update(
                record_id, dict(updates, updated_at=audit.now_text())
            )
            audit.record(db, f"修改{register.row_noun}", str(register.table), record_id, changed)
    return changed


def save_with_children(
    archive: Archive,
    register: Register,
    raw: Mapping[str, object],
    record_id: int | None,
    children: Mapping[str, tuple[str, Sequence[Mapping[str, Any]]]],
    today: date | None = None,
) -> int:
    """Add (``record_id`` None) or update a record and replace its child rows, in one transaction.

    ``children`` maps a child table to (its foreign-key column, the rows to store).
    """
    with archive.transaction() as db:
        if record_id is None:
            record_id = add_record(archive, register, raw, today)
        else:
            update_record(archive, register, record_id, raw, today)
        for table, (key, rows) in children.items():
            db.execute(f"DELETE FROM {table} WHERE {key} = ?", [record_id])
            if rows:
                db.table(table).insert_all([dict(row, **{key: record_id}) for row in rows])
    return record_id


def delete_record(archive: Archive, register: Register, record_id: int) -> None:
    """Move a record to the recycle bin (回收站); it can be restored from there."""
    if not register.deletable:
        raise InvalidValue(f"“{register.title}”中的记录不能删除。")
    get_record(archive, register, record_id)
    with archive.transaction() as db:
        db.execute(
            f"UPDATE {register.table} SET deleted_at = ? WHERE id = ?",
            [audit.now_text(), record_id],
        )
        audit.record(db, f"删除{register.row_noun}（移入回收站）", str(register.table), record_id)


@dataclass(frozen=True)
class BinEntry:
    """A record in the recycle bin."""

    register: Register
    record_id: int
    summary: str
    deleted_at: str


def _register_of(table: str, row: Mapping[str, Any]) -> Register | None:
    for register in REGISTERS.values():
        if (
            register.table == table
            and register.deletable
            and all(row.get(k) == v for k, v in register.fixed_values)
        ):
            return register
    return None


def _summary(register: Register, row: Mapping[str, Any]) -> str:
    shown = [str(row[f.key]) for f in register.fields[:3] if f.stored and row.get(f.key)]
    return "　".join(text.replace("\n", " ")[:40] for text in shown)


def recycle_bin(archive: Archive) -> list[BinEntry]:
    """Every deleted record of every book, newest deletion first."""
    tables = sorted({r.table for r in REGISTERS.values() if r.deletable and r.table})
    entries = []
    for table in tables:
        for row in archive.db.query(f"SELECT * FROM {table} WHERE deleted_at IS NOT NULL"):
            register = _register_of(table, row)
            if register is not None:
                entries.append(
                    BinEntry(register, row["id"], _summary(register, row), row["deleted_at"])
                )
    return sorted(entries, key=lambda e: e.deleted_at, reverse=True)


def restore_record(archive: Archive, register: Register, record_id: int) -> None:
    with archive.transaction() as db:
        cursor = db.execute(
            f"UPDATE {register.table} SET deleted_at = NULL WHERE id = ? "
            "AND deleted_at IS NOT NULL",
            [record_id],
        )
        if cursor.rowcount != 1:
            raise InvalidValue("回收站中已没有这条记录。", "请刷新回收站后重试。")
        audit.record(db, f"恢复{register.row_noun}", str(register.table), record_id)


def ids_in(archive: Archive, register: Register, ids: Sequence[int]) -> list[int]:
    """Which of ``ids`` are live records of ``register`` (for checks in tests and the UI)."""
    marks = ",".join("?" * len(ids))
    sql = f"SELECT id FROM {register.source} WHERE {register.where} AND id IN ({marks})"
    return [r[0] for r in archive.db.execute(sql, list(ids))]
