"""Finding the header row of a clerk's sheet and matching its columns to fields by name.

Headers are compared after removing spaces, line breaks, ``*`` marks and full-width forms;
a header also matches when its bracketed part is left out on both sides (“入党时间（年月）”).
Each field has the common names clerks use for it (``SYNONYMS``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from liangxin_desktop.domain.text import fullwidth_alnum_to_ascii
from liangxin_desktop.importing.reading import Cell, SheetData, blank
from liangxin_desktop.importing.safety import ImportRefused

HEADER_SEARCH_ROWS = 30
_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_NOISE = re.compile(r"[\s*＊:：]+")
_TOTALS = ("合计", "小计", "总计")
_SIGNATURES = ("填表人", "审核人", "制表人", "填报人", "负责人", "填表日期", "制表日期", "填报日期")

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "党员姓名", "人员姓名"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "公民身份证号码",
        "居民身份证号码",
        "身份证",
        "证件号码",
    ),
    "sex": ("性别",),
    "birth_date": ("出生年月", "出生日期", "出生年月日", "生日"),
    "education": ("学历", "文化程度", "最高学历"),
    "member_category": ("人员类别", "党员类别", "党员类型", "类别"),
    "unit": ("所在党支部", "所在党小组", "党小组", "所在支部", "支部"),
    "joined_on": ("入党时间", "入党日期", "入党年月", "加入党组织日期", "加入党组织时间"),
    "converted_on": ("转正时间", "转正日期", "转正年月", "转为正式党员时间"),
    "transferred_in_on": (
        "组织关系转入时间",
        "组织关系转入日期",
        "转入时间",
        "转入日期",
        "转入本支部时间",
    ),
    "from_org": ("原所在党组织", "原党组织", "转出党组织", "原所在党支部", "从何处转入"),
    "volunteer_book_no": ("志愿书编号", "入党志愿书号"),
    "job_post": ("岗位", "工作岗位类别"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式"),
    "home_address": ("住址", "家庭地址", "家庭住址"),
    "residence": ("居住地", "现住址"),
    "household_registration": ("户籍", "户口所在地"),
    "work_unit_post": ("工作单位", "单位及职务", "工作单位和职务", "单位职务"),
    "note": ("备注", "说明"),
    "is_lost": ("失联党员", "是否失联"),
    "lost_since": ("失联时间",),
    "is_mobile": ("流动党员", "是否流动"),
    "mobile_destination": ("流向", "外出地点"),
    "applied_on": ("申请入党日期", "申请入党时间", "递交入党申请书时间", "入党申请时间"),
    "talked_on": ("谈话时间",),
    "activist_on": ("确定为入党积极分子时间", "确定为积极分子时间", "列为积极分子时间"),
    "candidate_on": ("确定为发展对象时间",),
    "mentors": ("培养人", "培养联系人"),
    "sponsors": ("介绍人",),
    "meeting_date": ("会议日期", "会议时间", "时间", "活动日期", "活动时间"),
    "kind": ("会议类型", "活动类型", "形式"),
    "topic": ("会议议题", "主题", "会议主题", "活动主题", "内容"),
    "place": ("会议地点", "活动地点"),
    "minutes": ("会议内容", "记录"),
    "attendees": ("出席", "参会人员", "到会人员", "参加人员"),
    "on_leave": ("请假",),
    "absentees": ("缺席",),
    "deed_date": ("日期", "时间"),
    "person": ("姓名", "集体", "人员"),
    "deed": ("事迹", "好人好事", "主要事迹"),
    "doc_date": ("收文日期", "发文日期", "收文时间", "发文时间", "日期"),
    "issuer": ("发文机关", "发文单位", "来文单位", "发文党组织"),
    "doc_number": ("发文字号", "文件编号"),
    "title": ("标题", "文件名称"),
    "year": ("年度", "年份"),
    "category": ("类别", "缴费类别"),
    "base_fen": ("基数", "缴费基数", "月工资收入"),
    "monthly_fen": ("月应缴", "每月应缴", "月缴纳金额", "月应缴金额"),
    **{f"m{m:02d}": (f"{m:02d}月", f"{'一二三四五六七八九十'[m - 1] if m <= 10 else '十' + '一二'[m - 11]}月") for m in range(1, 13)},
}  # fmt: skip


def normalize_header(text: str) -> str:
    return _NOISE.sub("", fullwidth_alnum_to_ascii(text)).replace("（", "(").replace("）", ")")


def _names(key: str, label: str) -> tuple[set[str], set[str]]:
    exact = {normalize_header(name) for name in (label, *SYNONYMS.get(key, ()))}
    loose = {_BRACKETED.sub("", name) for name in exact}
    return exact, loose


@dataclass(frozen=True)
class Column:
    """One importable column: the field it fills and the header written in templates."""

    key: str
    label: str
    required: bool = False


def match_header(text: str, columns: Sequence[Column]) -> str | None:
    """The key of the column a header names, or None (exact names first, then loose)."""
    header = normalize_header(text)
    if not header:
        return None
    table = [(c.key, *_names(c.key, c.label)) for c in columns]
    for key, exact, _loose in table:
        if header in exact:
            return key
    header = _BRACKETED.sub("", header)
    for key, _exact, loose in table:
        if header in loose:
            return key
    return None


def map_row(row: Sequence[Cell], columns: Sequence[Column]) -> dict[int, str]:
    """Column index → key for the headers of ``row`` (each key taken by its first column)."""
    mapping: dict[int, str] = {}
    for index, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = match_header(value, columns)
        if key is not None and key not in mapping.values():
            mapping[index] = key
    return mapping


def footer_kind(row: Sequence[Cell]) -> str | None:
    """“合计” for a totals row, “签字” for a 填表人/审核人 line under the table, else None."""
    for value in row:
        if not isinstance(value, str):
            continue
        text = normalize_header(value)
        if text in _TOTALS:
            return "合计"
        if text.startswith(_SIGNATURES):
            return "签字"
    return None


def header_cells(sheet: SheetData, index: int) -> list[Cell]:
    """The headers of row ``index``, completed from the row above where a cell is empty.

    A two-row header has group cells (“基本情况”, merged across) over sub-headers, and the
    columns without a group (“姓名”, merged down) name themselves in the upper row only.
    """
    if index >= len(sheet.rows):
        return []
    row = list(sheet.rows[index])
    above = sheet.rows[index - 1] if index > 0 else []
    for column, value in enumerate(row):
        if _empty(value) and column < len(above) and not _empty(above[column]):
            row[column] = above[column]
    return row


def _empty(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def find_header(sheet: SheetData, columns: Sequence[Column]) -> tuple[int, dict[int, str]]:
    """The header row (0-based) and its mapping: the row among the first ones naming most columns.

    Title rows, merged titles, notes and blank rows above the table are skipped because they
    name fewer columns; at least two must be recognised. For a two-row header the lower row is
    the header row (see ``header_cells``).
    """
    best, best_mapping = -1, dict[int, str]()
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if blank(row):
            continue
        mapping = map_row(header_cells(sheet, index), columns)
        if len(mapping) > len(best_mapping):
            best, best_mapping = index, mapping
    if len(best_mapping) < 2:
        expected = "、".join(c.label for c in columns[:6])
        raise ImportRefused(
            f"在工作表“{sheet.name}”的前 {HEADER_SEARCH_ROWS} 行中找不到表头。",
            f"表头应写明各列的名称，例如：{expected}。也可以先“下载导入模板”，把数据复制进模板再导入。",
        )
    return best, best_mapping


def missing_required(mapping: dict[int, str], columns: Sequence[Column]) -> list[Column]:
    present = set(mapping.values())
    return [c for c in columns if c.required and c.key not in present]
