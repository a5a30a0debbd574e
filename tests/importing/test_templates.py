"""下载导入模板: headers with notes, text-format ID columns, drop-down lists; a filled template imports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from helpers import VALID_ID

from liangxin_desktop.domain.idnumber import parse_id_number
from liangxin_desktop.importing.runner import IMPORTERS, get_importer, import_file
from liangxin_desktop.importing.templates import write_template

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("key", list(IMPORTERS))
def test_every_template_has_the_columns_and_a_guide(tmp_path: Path, key: str) -> None:
    importer = get_importer(key)
    book = openpyxl.load_workbook(write_template(importer, tmp_path / "模板.xlsx", TODAY))
    sheet = book.worksheets[0]
    assert sheet.title == importer.title[:31]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.label for c in importer.columns]
    assert all(c.comment is not None and c.comment.text for c in sheet[1])
    guide = list(book["填写说明"].values)
    assert len(guide) == len(headers) + 1
    assert book["选项"].sheet_state == "hidden"


def _examples(path: Path) -> dict[str, str]:
    guide = openpyxl.load_workbook(path)["填写说明"]
    return {
        str(label).removesuffix("（必填）"): example
        for label, _, example in guide.iter_rows(min_row=2, values_only=True)
    }


def test_the_examples_look_like_a_real_row(tmp_path: Path) -> None:
    dues = _examples(write_template(get_importer("dues"), tmp_path / "党费.xlsx", TODAY))
    assert dues["年度"] == "2026" and dues["缴费基数"] == "6500.00"
    assert dues["缴费类别"] == "在职" and dues["月应缴金额"] == "97.50" == dues["3月"]
    members = _examples(write_template(get_importer("members"), tmp_path / "党员.xlsx", TODAY))
    assert members["姓名"] == "李明" and members["出生日期"] == "1990-05-12"
    person = parse_id_number(members["公民身份号码"], TODAY)  # a valid number (check character)
    assert person.birth_date == date(1990, 5, 12) and person.sex == "男"  # as 出生日期 and 李明
    assert members["联系电话"] == "13912345678"
    assert members["加入党组织日期"] < members["转为正式党员日期"]
    meetings = _examples(write_template(get_importer("org_life"), tmp_path / "会议.xlsx", TODAY))
    assert meetings["日期"] == "2026-03-12" and meetings["主持人"] == "王建国"
    assert meetings["应到会有表决权人数"] == "9" and meetings["赞成"] == "8"


def test_member_template_formats_and_lists_then_imports_when_filled(
    archive, tmp_path: Path
) -> None:
    path = write_template(get_importer("members"), tmp_path / "党员模板.xlsx", TODAY)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    column = {c.value: c.column_letter for c in sheet[1]}
    assert sheet[f"{column['公民身份号码']}2"].number_format == "@"
    assert sheet[f"{column['联系电话']}500"].number_format == "@"
    assert "必填" in sheet[f"{column['姓名']}1"].comment.text
    ranges = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    category = ranges[f"{column['人员类别']}2:{column['人员类别']}1001"]
    assert category.type == "list" and category.formula1.startswith("'选项'!")
    assert category.errorStyle == "stop"
    assert ranges[f"{column['民族']}2:{column['民族']}1001"].errorStyle == "warning"
    values = {"姓名": "王秀英", "公民身份号码": VALID_ID, "人员类别": "正式党员",
              "加入党组织日期": "1975-07-01", "转为正式党员日期": "1976-07-01"}  # fmt: skip
    for header, value in values.items():
        sheet[f"{column[header]}2"] = value
    book.save(path)
    plan = import_file(archive, "members", path, dry_run=False, today=TODAY)
    assert plan.ok and plan.count("新增") == 1, [p.text() for p in plan.problems]
