"""操作记录 as the clerk reads it: when, which register, which record by its label, what, which fields.

Records are named by their label (a meeting by its date and kind, a person by the name), never by
an ID number, phone or address; fields by their Chinese labels from the catalog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.catalog.organization import ORGANIZATION
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.storage.archive import Archive

_PRIVATE_KINDS = (FieldKind.ID_NUMBER, FieldKind.PHONE, FieldKind.CREDIT_CODE)
# tables that belong to no register's form, by the register (or page) the clerk knows them from;
# "person"/"meeting": their row id names a person or a meeting
_OTHER_TABLES: dict[str, tuple[str, str]] = {
    "dues_assessments": ("党费收缴册", "person"),
    "dues_payments": ("党费收缴册", ""),
    "dues_remittances": ("党费收缴册", ""),
    "large_dues": ("党费收缴册", ""),
    "dues_changes": ("党费收缴册", ""),
    "dues_returns": ("党费收缴册", ""),
    "excused_months": ("组织生活考勤册", "person"),
    "member_review_results": ("民主评议党员", "meeting"),
    "milestones": ("发展党员", "person"),
    "organization": ("党组织基本情况", ""),
    "settings": ("规则设置", ""),
    "import_batches": ("导入", "batch"),
}
_OTHER_FIELDS = {
    "category": "交纳类别",
    "base_fen": "工资基数",
    "stage": "发展阶段",
    "left_on": "离开日期",
    "left_kind": "离开方式",
    "startup_password": "启动密码",
    "idle_lock_seconds": "空闲锁定时间",
}


@dataclass(frozen=True)
class AuditEntry:
    """One line of the 操作记录."""

    at: str  # "2026-03-15 09:30:12"
    register: str
    record: str
    action: str
    fields: str

    def as_row(self) -> dict[str, str]:
        return {
            "at": self.at,
            "register": self.register,
            "record": self.record,
            "action": self.action,
            "fields": self.fields,
        }


def is_private(spec: Field) -> bool:
    """ID numbers, phones and addresses: never shown in the 操作记录 or in a record's label."""
    return spec.kind in _PRIVATE_KINDS or "address" in spec.key


def record_label(register: Register, row: Mapping[str, Any]) -> str:
    """ "2026-03-15 支部党员大会", "张三": a record's first one (rosters) or two shown values."""
    shown = [f for f in register.fields if f.stored and not is_private(f) and row.get(f.key)]
    texts = [
        str(row[f.key]).replace("\n", " ")[:30] for f in shown[: 1 if register.is_roster else 2]
    ]
    return " ".join(texts)


def _register_for(table: str, row: Mapping[str, Any]) -> Register | None:
    for register in REGISTERS.values():
        if register.table == table and all(row.get(k) == v for k, v in register.fixed_values):
            return register
    return None


class _Namer:
    """Looks up each record once, however many lines name it."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.rows: dict[tuple[str, int], dict[str, Any] | None] = {}

    def row(self, table: str, row_id: int | None) -> dict[str, Any] | None:
        if row_id is None:
            return None
        key = (table, row_id)
        if key not in self.rows:
            found = list(self.archive.db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
            self.rows[key] = found[0] if found else None
        return self.rows[key]

    def labelled(self, table: str, row_id: int | None) -> tuple[str, str] | None:
        """(register title, record label) for a register's own table; None for other tables."""
        row = self.row(table, row_id) if any(r.table == table for r in REGISTERS.values()) else None
        register = _register_for(table, row) if row else None
        return (register.title, record_label(register, row)) if register and row else None

    def other(self, table: str, row_id: int | None) -> tuple[str, str]:
        title, names = _OTHER_TABLES.get(table, ("", ""))
        if names == "person":
            return title or "党员名册", self._label("people", row_id)
        if names == "meeting":
            return title, self._label("meetings", row_id)
        if names == "batch":
            batch = self.row("import_batches", row_id)
            if batch:
                register = REGISTERS.get(str(batch["register"]))
                return (register.title if register else title), str(batch["file_name"])
        return title or table, ""

    def _label(self, table: str, row_id: int | None) -> str:
        found = self.labelled(table, row_id)
        return found[1] if found else ""


def _field_labels(table: str, fields: str) -> str:
    """The changed fields' labels, from every register kept in ``table`` (names, never values)."""
    labels = dict(_OTHER_FIELDS)
    for register in (*REGISTERS.values(), ORGANIZATION):
        if register.table == table:
            labels.update({f.key: f.label for f in register.fields if f.key not in labels})
    return "、".join(labels.get(key, key) for key in filter(None, (fields or "").split(",")))


def audit_entries(
    archive: Archive,
    start: date | None = None,
    end: date | None = None,
    register_title: str | None = None,
) -> list[AuditEntry]:
    """The log, newest first, between ``start`` and ``end`` (inclusive), of one register or all."""
    sql = "SELECT at, action, table_name, row_id, fields FROM audit_log WHERE 1"
    params: list[Any] = []
    if start:
        sql, params = sql + " AND at >= ?", [*params, start.isoformat()]
    if end:
        sql, params = sql + " AND at < ?", [*params, f"{end.isoformat()}T99"]
    namer = _Namer(archive)
    entries = []
    for at, action, table, row_id, fields in archive.db.execute(sql + " ORDER BY id DESC", params):
        found = namer.labelled(table, row_id)
        title, label = found or namer.other(table, row_id)
        if register_title and title != register_title:
            continue
        entries.append(
            AuditEntry(at.replace("T", " "), title, label, action, _field_labels(table, fields))
        )
    return entries
