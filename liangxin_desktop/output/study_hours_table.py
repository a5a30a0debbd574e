"""党员学习培训登记: each member's 学时 of a year against the target, as a table to print or export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain.study_hours import StudyHours
from liangxin_desktop.output.pdf.roster import TableSource
from liangxin_desktop.output.plain_sheet import write_plain_workbook

TITLE = "党员学习培训登记"
STUDY_FIELDS = (
    Field("name", "姓名", width=10, print_width=1.4),
    Field("role", "身份", width=10, print_width=1.4),
    Field("hours", "本年学时", width=8, print_width=1.0),
    Field("target", "应达学时", FieldKind.INTEGER, width=8, print_width=1.0),
    Field("short", "尚差学时", width=8, print_width=1.0),
    Field("status", "情况", width=10, print_width=1.2),
)


def _hours(value: float) -> str:
    return f"{value:g}"


def study_rows(lines: list[StudyHours]) -> list[dict[str, Any]]:
    return [
        {
            "name": line.name,
            "role": "书记、委员" if line.is_leader else "党员",
            "hours": _hours(line.hours),
            "target": line.target,
            "short": _hours(line.short) if line.short else "",
            "status": "已达标" if line.reached else "未达标",
        }
        for line in lines
    ]


def study_source(lines: list[StudyHours], year: int) -> TableSource:
    rows = study_rows(lines)
    short = sum(1 for line in lines if not line.reached)
    return TableSource(
        f"{TITLE}（{year}年度）",
        STUDY_FIELDS,
        len(rows),
        lambda: iter(rows),
        f"共 {len(rows)} 名党员，未达标 {short} 名（党员每年不少于32学时，书记、委员不少于56学时）",
        year,
    )


def write_study_hours_xlsx(lines: list[StudyHours], year: int, target: Path) -> Path:
    return write_plain_workbook([(f"{TITLE}{year}", STUDY_FIELDS, study_rows(lines))], target)
