"""An import plan: what each row of the sheet would add or change, and every problem found.

Nothing is written while planning. Problems name the Excel row (第N行), the column header as
the clerk wrote it and what to do; errors block the import, warnings do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.importing.reading import Cell

ADD, UPDATE, SAME = "新增", "更新", "无变化"
UPDATE_OPTION = "已登记的人员或记录按表格内容更新"  # the wizard's checkbox says exactly this
_SCIENTIFIC = r"\s*'?\d(?:\.\d+)?[eE]\+?\d+\s*"
NUMBER_ID = InvalidValue(
    "身份证号码被保存成了数字：Excel 只保留 15 位有效数字，后几位已经丢失，无法恢复。",
    "请把这一列的单元格格式设为“文本”，再对照身份证重新输入号码。",
)


@dataclass(frozen=True)
class RowProblem:
    row: int  # the Excel row number (1-based), 0 for the whole sheet
    column: str  # the header as written in the file ("" when it concerns the row)
    message: str
    is_error: bool = True

    def text(self) -> str:
        where = f"第{self.row}行" if self.row else "表格"
        column = f"“{self.column}”" if self.column else ""
        return f"{where}{column}：{self.message}"


@dataclass
class PlannedRow:
    """One row of the sheet and what it would do; ``raw`` are the cells by field key."""

    row: int
    action: str
    summary: str
    raw: dict[str, Any]
    target_id: int | None = None  # the record an update changes
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportPlan:
    kind_key: str
    file_name: str
    sheet: str
    header_row: int  # Excel row number of the header
    mapping: dict[int, str]  # column index → field key
    headers: list[str]  # the header cells as written
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    update_existing: bool = False
    options: dict[str, Any] = field(default_factory=dict)
    excluded: list[int] = field(default_factory=list)  # Excel rows the clerk left out

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def summary(self) -> str:
        text = f"新增 {self.count(ADD)} 条，更新 {self.count(UPDATE)} 条"
        if self.count(SAME):
            text += f"，{self.count(SAME)} 条与台账中相同（不变）"
        if self.excluded:
            text += f"，{len(self.excluded)} 行按您的选择不导入"
        if self.errors:
            text += f"；发现 {len(self.errors)} 处错误，改正前不能导入"
        if self.warnings:
            text += f"；{len(self.warnings)} 处提醒"
        return text


def prepare_cell(spec: Field, value: Cell) -> Any:
    """A cell as the field's parser expects it; InvalidValue for damage Excel did to it."""
    kind = spec.kind
    if value is None or (isinstance(value, bool) and kind is FieldKind.BOOL):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it; the parser says what is wrong
    if kind is FieldKind.ID_NUMBER and (
        isinstance(value, int | float) or (isinstance(value, str) and _is_scientific(value))
    ):
        raise NUMBER_ID
    if kind is FieldKind.MONEY and isinstance(value, float):
        return Decimal(repr(round(value, 2)))
    if kind is FieldKind.MONTH and isinstance(value, float):
        return _float_month(value)
    if kind is FieldKind.DATE and isinstance(value, float):
        raise InvalidValue(
            f"“{value:g}”不是日期。", "请写成“2019-07-01”的样子，或把单元格设为日期格式。"
        )
    if kind in (FieldKind.DATE, FieldKind.MONTH):
        return _date_cell(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()  # a date cell in a text column
    return value


def month_only(spec: Field, value: Cell) -> str | None:
    """``"YYYY-MM"`` when a date column holds only a year and month (1985.03, 2001年7月)."""
    if spec.kind is not FieldKind.DATE:
        return None
    if isinstance(value, float):
        return _float_month(value)
    if not isinstance(value, str):
        return None
    try:
        dates.parse_date(value)
        return None
    except InvalidValue:
        pass
    try:
        return dates.parse_year_month(value)
    except InvalidValue:
        return None


def _date_cell(value: Cell) -> Any:
    if isinstance(value, date):
        if not dates.EARLIEST_YEAR <= value.year <= dates.LATEST_YEAR:
            raise InvalidValue(f"“{value:%Y-%m-%d}”中的年份不对。", "请核对日期。")
        return value
    if isinstance(value, time):
        raise InvalidValue(f"“{value}”是时间，不是日期。", "请写成“2019-07-01”的样子。")
    return value


def _is_scientific(text: str) -> bool:
    import re

    return re.fullmatch(_SCIENTIFIC, text) is not None


def _float_month(value: float) -> str:
    """2019.7 typed into a number cell; 2019.1 may have been 2019.10 before Excel cut the zero."""
    text = f"{value:.2f}".rstrip("0")
    if text.endswith(".1"):
        raise InvalidValue(
            f"“{text}”可能是{text[:4]}年1月，也可能是输入的“{text}0”（10月）被 Excel 当成数字去掉了末尾的0。",
            "请把这一列设为“文本”格式后重新输入，或写成“2019-10”的样子。",
        )
    return dates.parse_year_month(text)
