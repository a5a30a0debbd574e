"""The attendance matrix as columns and rows, shared by the Excel sheet, the printed pages and the UI."""

from __future__ import annotations

from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.storage.attendance import AttendanceMatrix, MemberLine

_FIXED_BEFORE = (
    Field("name", "姓名", width=8, print_width=1.2),
    Field("unit", "党小组", width=14, print_width=1.8),
)
_FIXED_AFTER = (
    Field("expected", "应到", FieldKind.INTEGER, width=5, print_width=0.6),  # numbers in Excel
    Field("present", "实到", FieldKind.INTEGER, width=5, print_width=0.6),
    Field("rate", "出勤率", width=7, print_width=0.8),
)
LEGEND = "√ 出席　假 请假　× 缺席　列 列席；最后一行为各次会议的“实到/应到”。"


def meeting_label(meeting: dict[str, Any]) -> str:
    day = date.fromisoformat(meeting["meeting_date"])
    return f"{day.month}.{day.day}\n{meeting['kind']}"


def matrix_fields(
    matrix: AttendanceMatrix, meetings: list[dict[str, Any]] | None = None
) -> tuple[Field, ...]:
    shown = matrix.meetings if meetings is None else meetings
    columns = tuple(Field(f"m{m['id']}", meeting_label(m), width=6, print_width=0.5) for m in shown)
    return _FIXED_BEFORE + columns + _FIXED_AFTER


def member_row(matrix: AttendanceMatrix, line: MemberLine) -> dict[str, Any]:
    """One member's row: a mark per meeting, then 应到, 实到 and 出勤率."""
    row: dict[str, Any] = {
        "name": line.name,
        "unit": line.unit,
        "expected": line.expected,
        "present": line.present,
        "rate": line.rate,
    }
    row.update({f"m{m['id']}": matrix.mark(line, m["id"]) for m in matrix.meetings})
    return row


def totals_row(matrix: AttendanceMatrix) -> dict[str, Any]:
    """The 合计 row: each meeting's 实到/应到, and the members' sums."""
    totals: dict[str, Any] = {"name": "合计", "unit": ""}
    for meeting in matrix.meetings:
        expected, present = matrix.meeting_counts(meeting["id"])
        totals[f"m{meeting['id']}"] = f"{present}/{expected}"
    expected = sum(line.expected for line in matrix.members)
    present = sum(line.present for line in matrix.members)
    totals.update(
        expected=expected,
        present=present,
        rate=f"{present * 100 / expected:.0f}%" if expected else "",
    )
    return totals


def matrix_rows(matrix: AttendanceMatrix) -> list[dict[str, Any]]:
    """One row per member, then the 合计 row with each meeting's 实到/应到."""
    return [*(member_row(matrix, line) for line in matrix.members), totals_row(matrix)]
