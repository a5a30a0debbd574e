"""What a register is: the declarative description every layer reads (fields, table, layout)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem

Check = Callable[[dict[str, Any], date], list[Problem]]


@dataclass(frozen=True)
class Register:
    """A register: what the clerk sees as one book or roster."""

    key: str
    title: str
    group: str
    row_noun: str
    count_unit: str = "条"  # "共 12 次会议", "共 36 名党员"
    fields: tuple[Field, ...] = ()
    table: str | None = None  # where records are written
    view: str | None = None  # where they are read, when it adds computed columns
    fixed_values: tuple[tuple[str, str], ...] = ()  # written into every new record (e.g. book)
    date_field: str | None = None  # the date that puts a record into a year (yearly books)
    deletable: bool = False  # records go to the recycle bin (people never do)
    derived: str | None = None  # "attendance": computed from other books, never typed
    where: str = "1"
    history_where: str | None = None  # rosters: current rows plus those who left
    as_of_where: str | None = None  # rosters: rows current on a date (two "?" for that date)
    search_columns: tuple[str, ...] = ()
    search_table: str | None = None  # an FTS5 trigram index of search_columns (rowid = id)
    default_sort: str = "id"
    orientation: str = "landscape"
    is_roster: bool = False  # printed "as of a date" rather than per year
    # how it prints: "table", "meetings" (a record per meeting), "rules" (each rule's full
    # text), "cards" (流动党员登记卡, two per page) or "album" (photos, 2 or 4 per page)
    print_layout: str = "table"
    checks: tuple[Check, ...] = ()

    @property
    def source(self) -> str:
        """The table or view that reading queries use."""
        return self.view or self.table or ""

    @property
    def available(self) -> bool:
        return self.derived is not None or (bool(self.fields) and self.table is not None)

    def field(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    @property
    def table_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_table)

    @property
    def form_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_form and f.stored)

    @property
    def excel_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.in_excel)

    @property
    def print_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.print_width > 0)
