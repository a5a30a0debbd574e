"""The 党籍 columns of an imported 党员花名册: 党籍状态, and for 停止党籍 its date, reason and the
deciding body. The importer writes the suspension with the member, in the import's transaction.

停止党籍 is a decision of the Party organization (DOMAIN.md "Membership in this organization"): its
date is required; a reason or deciding body the sheet leaves out is recorded as not written, with
a warning, because the record cannot be kept without them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind, parse_value
from liangxin_desktop.domain import codes
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.importing.columns import Column
from liangxin_desktop.importing.kinds import Context
from liangxin_desktop.importing.plan import prepare_cell
from liangxin_desktop.importing.reading import Cell

SUSPENDED = codes.PARTY_STANDINGS[1]  # 停止党籍
NOT_WRITTEN = "导入时表格中未写明"
FIELDS: dict[str, Field] = {
    spec.key: spec
    for spec in (
        Field("party_standing", "党籍状态", FieldKind.CHOICE, choices=codes.PARTY_STANDINGS),
        Field("suspended_on", "停止党籍日期", FieldKind.DATE),
        Field("suspension_reason", "停止党籍原因", max_length=120),
        Field("suspended_by", "决定停止党籍的党组织", max_length=80),
    )
}
COLUMNS = tuple(Column(spec.key, spec.label) for spec in FIELDS.values())
NOTES = {
    "party_standing": "停止党籍的党员写“停止党籍”，并填写停止党籍日期；其他党员可不填",
    "suspended_on": "党籍状态为“停止党籍”时必填",
    "suspension_reason": "例如：失去联系超过6个月",
    "suspended_by": "作出停止党籍决定的党组织",
}


@dataclass(frozen=True)
class Suspension:
    day: date
    reason: str
    decided_by: str


def split(cells: Mapping[str, Cell]) -> tuple[dict[str, Cell], dict[str, Cell]]:
    """(the 党籍 cells, the others) of a row."""
    mine = {k: v for k, v in cells.items() if k in FIELDS}
    return mine, {k: v for k, v in cells.items() if k not in FIELDS}


def _value(ctx: Context, row: int, key: str, cell: Cell) -> tuple[Any, bool]:
    spec = FIELDS[key]
    try:
        return parse_value(spec, prepare_cell(spec, cell)), True
    except InvalidValue as exc:
        ctx.problem(row, key, spec.label, exc.message())
        return None, False


def read(
    ctx: Context, row: int, cells: Mapping[str, Cell]
) -> tuple[str | None, Suspension | None, bool]:
    """(党籍状态 written or None, the 停止党籍 to record or None, whether the cells are acceptable);
    problems are reported naming the column."""
    values: dict[str, Any] = {}
    ok = True
    for key, cell in cells.items():
        values[key], good = _value(ctx, row, key, cell)
        ok = ok and good
    standing = values.get("party_standing")
    if not ok:
        return standing, None, False
    day = values.get("suspended_on")
    if standing != SUSPENDED:
        if day is not None:
            ctx.problem(
                row, "suspended_on", "停止党籍日期", "填写了停止党籍日期，党籍状态应为“停止党籍”。"
            )
            return standing, None, False
        return standing, None, True
    if day is None:
        ctx.problem(
            row, "suspended_on", "停止党籍日期", "党籍状态为“停止党籍”时，必须填写停止党籍日期。"
        )
        return standing, None, False
    when = date.fromisoformat(day)
    if when > ctx.today:
        ctx.problem(row, "suspended_on", "停止党籍日期", "不能晚于今天。")
        return standing, None, False
    texts = {
        key: str(values.get(key) or "").strip() for key in ("suspension_reason", "suspended_by")
    }
    for key, text in texts.items():
        if not text:
            ctx.problem(
                row,
                key,
                FIELDS[key].label,
                f"没有填写，已记为“{NOT_WRITTEN}”，请核对后补正。",
                is_error=False,
            )
    reason = texts["suspension_reason"] or NOT_WRITTEN
    return standing, Suspension(when, reason, texts["suspended_by"] or NOT_WRITTEN), True


def before_membership(day: date, start: str | None) -> str | None:
    """A problem when the 停止党籍 date is before the member's time here (入党 or 转入)."""
    if start and day.isoformat() < start:
        return (
            f"早于此人在本组织的开始日期（{format_cn_date(date.fromisoformat(start))}），请核对。"
        )
    return None
