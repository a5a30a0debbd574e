"""Reading any register that lives in one table: id lists (filtered, sorted) and rows by id.

The UI keeps only the id list of a register and fetches rows by page, which keeps a
100,000-person roster fluid; exports and printing stream rows in id order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import FieldKind
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.storage.archive import Archive

_PAGE = 500


@dataclass(frozen=True)
class RowFilter:
    """What the clerk asked to see: search text, sort, and for rosters history / as-of date."""

    search: str = ""
    sort_key: str | None = None
    descending: bool = False
    include_left: bool = False
    as_of: date | None = None
    year: int | None = None  # yearly books: only records dated in this year


def year_scope(year: int | None, today: date | None = None) -> tuple[date, RowFilter]:
    """What "the registers of ``year``" means: books dated in that year (all years when None),
    rosters as at its last day for a past year, else today's roster. (as_of, filter)."""
    today = today or date.today()
    past = year is not None and year < today.year
    as_of = date(year, 12, 31) if past and year is not None else today
    return as_of, RowFilter(as_of=as_of if past else None, year=year)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(register: Register, row_filter: RowFilter) -> tuple[str, list[Any]]:
    params: list[Any] = []
    if row_filter.as_of is not None and register.as_of_where:
        clause = register.as_of_where
        params += [row_filter.as_of.isoformat()] * clause.count("?")
    elif row_filter.include_left and register.history_where:
        clause = register.history_where
    else:
        clause = register.where
    clause = f"({clause})"  # a register's filter may contain OR
    if row_filter.year is not None and register.date_field:
        clause += f" AND {register.date_field} BETWEEN ? AND ?"
        params += [f"{row_filter.year}-01-01", f"{row_filter.year}-12-31"]
    terms = row_filter.search.split()
    for term in terms:
        pattern = f"%{_escape_like(term)}%"
        ors = " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in register.search_columns)
        clause += f" AND ({ors})"
        params += [pattern] * len(register.search_columns)
    return clause, params


def _order(register: Register, row_filter: RowFilter) -> str:
    if not row_filter.sort_key:
        return register.default_sort
    spec = register.field(row_filter.sort_key)
    column = spec.sort_by or spec.key
    descending = row_filter.descending != spec.sort_reversed
    if spec.kind is FieldKind.COMPUTED and not spec.sort_by:
        return register.default_sort
    direction = "DESC" if descending else "ASC"
    return f"{column} IS NULL, {column} {direction}, id {direction}"


def list_ids(
    archive: Archive, register: Register, row_filter: RowFilter | None = None
) -> list[int]:
    row_filter = row_filter or RowFilter()
    where, params = _where(register, row_filter)
    source = register.source
    if row_filter.search.strip() and register.search_index:
        source = f"{register.source} INDEXED BY {register.search_index}"
    sql = f"SELECT id FROM {source} WHERE {where} ORDER BY {_order(register, row_filter)}"
    return [row[0] for row in archive.db.execute(sql, params).fetchall()]


def rows_by_ids(
    archive: Archive, register: Register, ids: Sequence[int]
) -> dict[int, dict[str, Any]]:
    """Rows keyed by id (ids that vanished meanwhile are simply absent)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _PAGE):
        chunk = list(ids[start : start + _PAGE])
        marks = ",".join("?" * len(chunk))
        cursor = archive.db.execute(f"SELECT * FROM {register.source} WHERE id IN ({marks})", chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found[row["id"]] = row
    return found


def iter_rows(
    archive: Archive, register: Register, row_filter: RowFilter | None = None
) -> Iterator[dict[str, Any]]:
    """Every row in display order, fetched page by page (for exports and printing)."""
    return iter_rows_by_ids(archive, register, list_ids(archive, register, row_filter))


def iter_rows_by_ids(
    archive: Archive, register: Register, ids: Sequence[int]
) -> Iterator[dict[str, Any]]:
    """The rows of ``ids`` in that order, a page at a time (ids gone meanwhile are skipped)."""
    for start in range(0, len(ids), _PAGE):
        chunk = ids[start : start + _PAGE]
        rows = rows_by_ids(archive, register, chunk)
        for row_id in chunk:
            if row_id in rows:
                yield rows[row_id]


def count(archive: Archive, register: Register, row_filter: RowFilter | None = None) -> int:
    where, params = _where(register, row_filter or RowFilter())
    sql = f"SELECT count(*) FROM {register.source} WHERE {where}"
    return int(archive.db.execute(sql, params).fetchone()[0])
