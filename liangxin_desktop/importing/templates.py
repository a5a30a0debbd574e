"""Import templates (下载导入模板) and the problem list of a checked import, as .xlsx files.

A template has the register's columns as headers (required ones marked), a comment on each
header saying what to write, ID-number and phone columns formatted as text before anything is
typed, drop-down lists for choice columns, and a second sheet 填写说明 with every column's
format and an example row.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.files import atomic_output
from liangxin_desktop.importing.columns import Column
from liangxin_desktop.importing.kinds import Importer
from liangxin_desktop.importing.plan import ImportPlan

TEMPLATE_ROWS = 1000  # rows prepared with text format and drop-down lists
_HEADER_FONT = Font(bold=True)
_REQUIRED_FILL = PatternFill("solid", fgColor="F2DCDB")
_OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TEXT_KINDS = (FieldKind.ID_NUMBER, FieldKind.PHONE, FieldKind.CREDIT_CODE)
_FORMATS = {
    FieldKind.DATE: "日期，如 2019-07-01、2019/7/1 或 2019年7月1日",
    FieldKind.MONTH: "年月，如 2019-07 或 2019年7月",
    FieldKind.TIME: "时间，如 14:30",
    FieldKind.BOOL: "填“是”或“否”",
    FieldKind.INTEGER: "整数",
    FieldKind.NUMBER: "数字，如 2 或 1.5",
    FieldKind.MONEY: "金额（元），如 3000 或 45.50",
    FieldKind.ID_NUMBER: "18位公民身份号码（本列已设为文本格式，末位X大小写均可）",
    FieldKind.PHONE: "手机号或区号-电话号码（本列已设为文本格式）",
    FieldKind.LONG_TEXT: "文字，可以换行",
}
_EXAMPLES = {
    FieldKind.DATE: "2019-07-01",
    FieldKind.MONTH: "2019-07",
    FieldKind.TIME: "14:30",
    FieldKind.BOOL: "否",
    FieldKind.INTEGER: "1",
    FieldKind.NUMBER: "1.5",
    FieldKind.MONEY: "45.00",
    FieldKind.ID_NUMBER: "11010519491231002X",
    FieldKind.PHONE: "13800138000",
}


def describe(spec: Field | None, column: Column, notes: dict[str, str]) -> str:
    parts = ["必填" if column.required else "选填"]
    if spec is not None and spec.choices:
        shown = "、".join(spec.choices[:15]) + ("等" if len(spec.choices) > 15 else "")
        parts.append(f"从下拉列表中选择：{shown}")
    elif spec is not None and spec.kind in _FORMATS:
        parts.append(_FORMATS[spec.kind])
    if column.key in notes:
        parts.append(notes[column.key])
    return "；".join(parts)


def _example(spec: Field | None) -> str:
    if spec is None:
        return ""
    if spec.choices:
        return spec.choices[0]
    return _EXAMPLES.get(spec.kind, "")


def write_template(importer: Importer, target: Path) -> Path:
    """The empty import template of ``importer``'s register at ``target`` (.xlsx)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = importer.title[:31]
    guide = book.create_sheet("填写说明")
    lists = book.create_sheet("选项")
    lists.sheet_state = "hidden"
    specs = importer.field_by_key()
    notes = importer.notes()
    guide.append(["列名", "填写要求", "示例"])
    for index, column in enumerate(importer.columns, start=1):
        spec = specs.get(column.key)
        text = describe(spec, column, notes)
        _header(sheet, index, column, text, spec)
        guide.append([column.label + ("（必填）" if column.required else ""), text, _example(spec)])
        if spec is not None and spec.choices and not spec.editable_choices:
            _choice_list(sheet, lists, index, spec)
    for cell in guide[1]:
        cell.font = _HEADER_FONT
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 22, 70
    guide.column_dimensions["C"].width = 22
    for row in guide.iter_rows(min_row=2):
        row[1].alignment = _WRAP
    sheet.freeze_panes = "A2"
    with atomic_output(target) as temp:
        book.save(temp)
    return target


def _header(sheet: Worksheet, index: int, column: Column, text: str, spec: Field | None) -> None:
    cell = sheet.cell(row=1, column=index, value=column.label)
    cell.font = _HEADER_FONT
    cell.fill = _REQUIRED_FILL if column.required else _OPTIONAL_FILL
    cell.comment = Comment(text, "两新党建台账", width=260, height=110)
    letter = get_column_letter(index)
    width = spec.width if spec is not None else 10
    sheet.column_dimensions[letter].width = max(width, len(column.label) * 2) + 2
    if spec is not None and spec.kind in _TEXT_KINDS:
        for row in range(2, TEMPLATE_ROWS + 2):
            sheet.cell(row=row, column=index).number_format = "@"
    elif spec is not None and spec.kind is FieldKind.DATE:
        for row in range(2, TEMPLATE_ROWS + 2):
            sheet.cell(row=row, column=index).number_format = "yyyy-mm-dd"


def _choice_list(sheet: Worksheet, lists: Worksheet, index: int, spec: Field) -> None:
    letter = get_column_letter(index)
    for row, choice in enumerate(spec.choices, start=1):
        lists.cell(row=row, column=index, value=choice)
    source = f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${len(spec.choices)}"
    # A matcher accepts more spellings (汉 → 汉族, 本科 → 大学本科): warn, don't forbid.
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning" if spec.matcher else "stop",
        errorTitle=spec.label,
        error=f"请从下拉列表中选择{spec.label}。",
    )
    validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    sheet.add_data_validation(validation)


def write_problems(plan: ImportPlan, target: Path) -> Path:
    """The problem list (and what each row would do) of a checked import, for fixing the file."""
    book = Workbook(write_only=True)
    problems = book.create_sheet("问题清单")
    problems.append(["行号", "列", "问题", "类型"])
    for p in sorted(plan.problems, key=lambda p: (p.row, not p.is_error)):
        problems.append([p.row or "", p.column, p.message, "错误" if p.is_error else "提醒"])
    preview = book.create_sheet("导入预览")
    preview.append(["行号", "处理", "内容"])
    for row in plan.rows:
        preview.append([row.row, row.action, row.summary])
    with atomic_output(target) as temp:
        book.save(temp)
    return target
