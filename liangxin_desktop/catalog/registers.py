"""The 17 registers of “5簿6册1卡” and the optional books, keyed as in DOMAIN.md.

Registers whose fields are defined here are fully working (table, form, Excel, PDF);
the others are listed with their titles and groups so that keys, sheet names and
printed titles are fixed from the start.
"""

from __future__ import annotations

from liangxin_desktop.catalog import books, files, meetings
from liangxin_desktop.catalog.activists import ACTIVISTS
from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.catalog.mobile import MOBILE_MEMBERS
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import InvalidValue

GROUPS = ("簿", "册", "卡", "其他")
GROUP_TITLES = {"簿": "五簿", "册": "六册", "卡": "一卡", "其他": "其他台账"}


def _build() -> dict[str, Register]:
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
