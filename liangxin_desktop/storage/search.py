"""Searching every register at once (Ctrl+F): the first hits of each, to open in their register."""

from __future__ import annotations

from dataclasses import dataclass

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive

HITS_PER_REGISTER = 50


@dataclass(frozen=True)
class Hit:
    register: Register
    record_id: int
    summary: str


def _summary(register: Register, row: dict[str, object]) -> str:
    shown = [str(row[f.key]) for f in register.fields if f.stored and row.get(f.key)][:4]
    return "　".join(text.replace("\n", " ")[:40] for text in shown)


def search_everywhere(archive: Archive, text: str) -> list[Hit]:
    """Hits in every register that keeps records (people who left included), register by register."""
    if not text.strip():
        return []
    hits: list[Hit] = []
    for register in available_registers():
        if register.derived or not register.search_columns:
            continue
        row_filter = queries.RowFilter(search=text, include_left=True)
        ids = queries.list_ids(archive, register, row_filter)[:HITS_PER_REGISTER]
        stored = [f.key for f in register.fields if f.stored]  # what a summary shows
        rows = queries.rows_by_ids(archive, register, ids, stored)
        hits += [Hit(register, i, _summary(register, rows[i])) for i in ids if i in rows]
    return hits
