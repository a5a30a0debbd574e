"""The six-month list (“六个月提示”) as a printable table."""

from __future__ import annotations

from functools import partial
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain import dates
from liangxin_desktop.output.pdf.roster import TableSource
from liangxin_desktop.storage.six_month import MemberFlag

FIELDS = (
    Field("name", "姓名", width=8, print_width=1.2),
    Field("unit", "党小组", width=16, print_width=2.2),
    Field(
        "attendance_months",
        "连续未参加组织生活（月）",
        FieldKind.INTEGER,
        width=12,
        print_width=1.6,
    ),
    Field("dues_months", "连续未交纳党费（月）", FieldKind.INTEGER, width=12, print_width=1.6),
    Field("level", "提示", width=10, print_width=1.2),
    Field("note", "说明", width=24, print_width=2.6),
    Field("handling", "处理情况（手填）", width=20, print_width=2.4),
)
EXPLANATION = (
    "依据党章第九条：党员无正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，"
    "就被认为是自行脱党。本清单只作提醒，须经支部党员大会讨论决定，程序不会自动处理。"
)


def run_note(flag: MemberFlag) -> str:
    """Since when, and the months that flag the branch (nothing held) or need a 核定."""
    notes = []
    attendance, dues = flag.flag.attendance, flag.flag.dues
    if attendance.months:
        notes.append(f"自{dates.format_cn_month(attendance.since)}起未参加")
        if attendance.quiet_months:
            notes.append(f"其中{len(attendance.quiet_months)}个月支部未安排其参加的活动")
    if dues.months:
        notes.append(f"自{dates.format_cn_month(dues.since)}起未交")
        if dues.quiet_months:
            notes.append(f"其中{len(dues.quiet_months)}个月未核定党费")
    return "；".join(notes)


def flag_rows(flags: list[MemberFlag]) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "unit": f.unit,
            "attendance_months": f.flag.attendance_months,
            "dues_months": f.flag.dues_months,
            "level": f.flag.level,
            "note": run_note(f),
            "handling": "",
        }
        for f in flags
    ]


def six_month_source(flags: list[MemberFlag]) -> TableSource:
    rows = flag_rows(flags)
    return TableSource(
        "党员连续六个月情况提示清单",
        FIELDS,
        len(rows),
        partial(iter, rows),
        f"共 {len(rows)} 名党员需要关注（3个月提醒，6个月警示）",
    )
