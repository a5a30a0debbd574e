"""What can be imported: one ``Importer`` per register, sharing cell preparation and problems.

An importer knows its columns (the register's form fields, plus extras such as attendance by
names), turns one sheet row into a ``PlannedRow`` (reporting problems, writing nothing), and
commits a planned row through the storage writers inside the import's one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.validation import clean_record
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.importing.columns import Column
from liangxin_desktop.importing.plan import PlannedRow, RowProblem, month_only, prepare_cell
from liangxin_desktop.importing.reading import Cell
from liangxin_desktop.storage.archive import Archive


@dataclass
class Context:
    """What planning one sheet shares between its rows."""

    archive: Archive
    today: date
    update_existing: bool
    headers: dict[str, str]  # field key → header as written in the file
    problems: list[RowProblem] = field(default_factory=list)
    seen: dict[Any, int] = field(default_factory=dict)  # natural key → first row with it
    options: dict[str, Any] = field(default_factory=dict)
    inferred: frozenset[str] = frozenset()  # keys without a column, filled from other cells

    def problem(self, row: int, key: str, label: str, message: str, is_error: bool = True) -> None:
        self.problems.append(RowProblem(row, self.headers.get(key, label), message, is_error))

    def add(self, row: int, problems: Iterable[Problem]) -> bool:
        """Record a record's problems for ``row``; True when none of them is an error."""
        ok = True
        for p in problems:
            self.problem(row, p.field_key, p.label, p.message, p.is_error)
            ok = ok and not p.is_error
        return ok

    def first_seen(self, key: Any, row: int) -> int | None:
        """The earlier row with the same natural key (and remember this one if it is the first)."""
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = row
        return earlier


class Importer:
    """Base of the importers: columns from the register's form fields."""

    register: Register
    noun = "记录"

    def __init__(self, register: Register) -> None:
        self.register = register

    @property
    def key(self) -> str:
        return self.register.key

    @property
    def title(self) -> str:
        return self.register.title

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.register.form_fields

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(Column(f.key, f.label, f.required) for f in self.fields)

    def field_by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    def notes(self) -> dict[str, str]:
        """Extra notes for template headers, by key (formats are explained for every field)."""
        return {}

    def prepare(self, ctx: Context, row: int, cells: Mapping[str, Cell]) -> dict[str, Any] | None:
        """The row's cells ready for the parsers; None when a cell is damaged.

        The other cells of a damaged row are still checked, so that one pass over the file
        reports everything there is to fix.
        """
        specs = self.field_by_key()
        raw: dict[str, Any] = {}
        damaged = set()
        for key, value in cells.items():
            spec = specs.get(key)
            try:
                month = month_only(spec, value) if spec else None
                if month is not None:
                    raw[key] = self.whole_date(ctx, row, spec, month, cells)  # type: ignore[arg-type]
                else:
                    raw[key] = prepare_cell(spec, value) if spec else value
            except InvalidValue as exc:
                ctx.problem(row, key, spec.label if spec else key, exc.message())
                damaged.add(key)
        if not damaged:
            return raw
        if self.register.fields:
            others = clean_record(self.register, raw, ctx.today, self.fields).problems
            ctx.add(row, [p for p in others if p.field_key not in damaged])
        return None

    def whole_date(
        self, ctx: Context, row: int, spec: Field, month: str, cells: Mapping[str, Cell]
    ) -> str:
        """A date written as a month only: the 1st of that month, with a warning to check it."""
        ctx.problem(
            row,
            spec.key,
            spec.label,
            f"只写了年月（{dates.format_cn_month(month)}），已按该月1日登记，请核对后在台账中改正。",
            is_error=False,
        )
        return f"{month}-01"

    def inferable(self, mapping_keys: set[str]) -> dict[str, str]:
        """Required keys this importer can fill from other columns: key → the warning to show."""
        return {}

    def plan_row(self, ctx: Context, row: int, cells: Mapping[str, Cell]) -> PlannedRow | None:
        raise NotImplementedError

    def commit_row(self, archive: Archive, batch_id: int, planned: PlannedRow, today: date) -> None:
        raise NotImplementedError


def refused(ctx: Context, row: int, exc: LiangxinError, key: str = "", label: str = "") -> None:
    ctx.problem(row, key, label, exc.message())
