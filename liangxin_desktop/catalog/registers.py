"""The 17 registers of “5簿6册1卡” and the optional books, keyed as in DOMAIN.md.

Registers whose fields are defined here are fully working (table, form, Excel, PDF);
the others are listed with their titles and groups so that keys, sheet names and
printed titles are fixed from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, Problem
from liangxin_desktop.errors import InvalidValue

Check = Callable[[dict[str, Any], date], list[Problem]]

GROUPS = ("簿", "册", "卡", "其他")
GROUP_TITLES = {"簿": "五簿", "册": "六册", "卡": "一卡", "其他": "其他台账"}


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
    search_index: str | None = None  # an index covering the search columns, used while searching
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


def _build() -> dict[str, Register]:
    from liangxin_desktop.catalog import books, files, meetings
    from liangxin_desktop.catalog.activists import ACTIVISTS
    from liangxin_desktop.catalog.members import MEMBERS
    from liangxin_desktop.catalog.mobile import MOBILE_MEMBERS

    registers = [
        meetings.COMMITTEE_MEETINGS,
        meetings.TRAININGS,
        meetings.ORG_LIFE,
        meetings.ACTIVITIES,
        meetings.DELIBERATIONS,
        MEMBERS,
        ACTIVISTS,
        Register(
            "attendance",
            "组织生活考勤册",
            "册",
            "考勤",
            derived="attendance",
            date_field="meeting_date",
        ),
        Register("dues", "党费收缴册", "册", "党费", count_unit="名", derived="dues"),
        books.GOOD_DEEDS,
        books.WORK_RULES,
        MOBILE_MEMBERS,
        books.INCOMING_DOCUMENTS,
        books.OUTGOING_DOCUMENTS,
        files.ACTIVITY_MATERIALS,
        meetings.JOINT_MEETINGS,
        files.PHOTO_ALBUM,
    ]
    return {register.key: register for register in registers}


REGISTERS: dict[str, Register] = _build()


def get_register(key: str) -> Register:
    """The register for a key; InvalidValue (naming the known keys) when there is none."""
    try:
        return REGISTERS[key]
    except KeyError:
        known = "、".join(REGISTERS)
        raise InvalidValue(f"没有名为“{key}”的台账。", f"可用的台账代号：{known}。") from None


def available_registers() -> list[Register]:
    return [register for register in REGISTERS.values() if register.available]
