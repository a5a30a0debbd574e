"""Import templates (下载导入模板) and the problem list of a checked import, as .xlsx files.

A template has the register's columns as headers (required ones marked), a comment on each
header saying what to write, ID-number and phone columns formatted as text before anything is
typed, drop-down lists for choice columns, and a second sheet 填写说明 with every column's
format and an example row.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain.idnumber import fictional_id_number
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
_KIND_EXAMPLES = {
    FieldKind.DATE: "2019-07-01",
    FieldKind.MONTH: "2019-07",
    FieldKind.TIME: "14:30",
    FieldKind.BOOL: "否",
    FieldKind.INTEGER: "1",
    FieldKind.NUMBER: "1.5",
    FieldKind.MONEY: "6500.00",
    FieldKind.ID_NUMBER: fictional_id_number("320505", date(1990, 5, 12), 31),
    FieldKind.PHONE: "13912345678",
}
# One fictional member, meeting and document, so that the examples read like a real row
# ({year}: the year the template is made in).
_KEY_EXAMPLES = {
    "name": "李明",
    "birth_date": "1990-05-12",
    "education": "大学本科",
    "unit": "第一党小组",
    "joined_on": "2015-06-28",
    "converted_on": "2016-06-28",
    "home_address": "江苏省苏州市虎丘区长江路88号3幢502室",
    "lost_since": "2025-03",
    "mobile_destination": "广东省深圳市南山区",
    "transferred_in_on": "2020-09-15",
    "from_org": "中共苏州市华远电子有限公司支部委员会",
    "degree": "学士",
    "native_place": "江苏苏州",
    "residence": "江苏省苏州市虎丘区",
    "household_registration": "江苏省苏州市吴中区",
    "party_post": "组织委员",
    "work_unit_post": "苏州市和泰食品有限公司 质检主管",
    "volunteer_book_no": "2015032",
    "applied_on": "2024-03-05",
    "talked_on": "2024-03-26",
    "talked_by": "王书记",
    "activist_on": "2024-04-18",
    "activist_filed_on": "2024-04-25",
    "mentors": "张华、刘芳",
    "candidate_on": "2025-05-20",
    "candidate_filed_on": "2025-05-28",
    "sponsors": "张华、刘芳",
    "political_review_on": "2025-06-10",
    "review_conclusion": "合格",
    "training_start_on": "2025-06-16",
    "training_end_on": "2025-06-18",
    "training_hours": "24",
    "pre_review_on": "2025-06-25",
    "publicity_start_on": "2025-06-30",
    "publicity_end_on": "2025-07-04",
    "category": "在职",
    "base_fen": "6500.00",
    "monthly_fen": "97.50",
    "approved_by": "",
    "meeting_date": "{year}-03-12",
    "start_time": "14:30",
    "end_time": "16:00",
    "place": "公司党员活动室",
    "host": "王建国",
    "recorder": "李明",
    "topic": "学习传达上级会议精神；研究发展党员工作",
    "hours": "2",
    "guests": "上级党委组织员 赵敏",
    "minutes": "王建国传达了会议精神，与会党员逐一发言……",
    "vote_eligible": "9",
    "vote_present": "8",
    "vote_written": "0",
    "vote_yes": "8",
    "vote_no": "0",
    "vote_abstain": "0",
    "attendees": "王建国、李明、张华",
    "on_leave": "刘芳（出差）",
    "absentees": "",
    "observers": "",
    "deed_date": "{year}-04-02",
    "person": "张华",
    "deed": "拾到顾客遗失的钱包，当场归还失主",
    "beneficiary": "顾客 陈女士",
    "verified_by": "王建国",
    "commendation": "公司通报表扬",
    "doc_date": "{year}-02-20",
    "issuer": "中共苏州市虎丘区委组织部",
    "doc_number": "虎组〔{year}〕5号",
    "title": "关于做好{year}年度发展党员工作的通知",
    "copies": "1",
    "handling": "已在支委会传达，按要求落实",
    "handler": "李明",
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


def _example(spec: Field | None, year: int) -> str:
    """A realistic example of ``spec``'s column (a name, a date, 6500.00, this year)."""
    if spec is None:
        return ""
    if spec.key == "year":
        return str(year)
    if spec.key in _KEY_EXAMPLES:
        return _KEY_EXAMPLES[spec.key].format(year=year)
    if spec.key.startswith("m") and spec.key[1:].isdigit():  # 1月…12月 of the dues sheet
        return _KEY_EXAMPLES["monthly_fen"]
    if spec.choices:
        return spec.choices[0]
    return _KIND_EXAMPLES.get(spec.kind, "")


def write_template(importer: Importer, target: Path, today: date) -> Path:
    """The empty import template of ``importer``'s register at ``target`` (.xlsx); the
    examples of 填写说明 are dated around ``today``'s year."""
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
        guide.append(
            [
                column.label + ("（必填）" if column.required else ""),
                text,
                _example(spec, today.year),
            ]
        )
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
