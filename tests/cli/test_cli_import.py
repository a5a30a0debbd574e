"""``import``, ``template`` and ``undo-import`` through the program's main(): messages and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from helpers import VALID_ID
from import_helpers import dump, workbook

from liangxin_desktop.app import main
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage.archive import open_archive

ID_1990 = fictional_id_number("330106", date(1990, 3, 7), 123)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "台账.lxdb"
    open_archive(path).close()
    return path


def _members(data: Path) -> list[tuple[str, str]]:
    archive = open_archive(data)
    try:
        return archive.db.execute("SELECT name, id_number FROM people ORDER BY id").fetchall()
    finally:
        archive.close()


def test_import_checks_first_then_writes_and_undo_takes_it_back(data, tmp_path, capsys) -> None:
    sheet = workbook(
        tmp_path / "名册.xlsx",
        [["党员花名册"], ["姓名", "身份证号", "人员类别", "入党时间", "转正时间"],
         ["王秀英", VALID_ID, "正式党员", "1975.7.1", "1976.7.1"],
         ["张伟", ID_1990, "正式党员", "2015/7/1", "2016/7/1"]],
    )  # fmt: skip
    args = ["import", "--data", str(data), "--register", "members", "--file", str(sheet)]
    assert main([*args, "--dry-run"]) == 0
    assert "新增 2 条" in capsys.readouterr().err and _members(data) == []
    assert main(args) == 0
    assert "已导入到“党员花名册”" in capsys.readouterr().err
    assert _members(data) == [("王秀英", VALID_ID), ("张伟", ID_1990)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "错误 第3行“身份证号”" in err and "没有导入任何数据" in err
    assert main(["undo-import", "--data", str(data)]) == 0
    assert "已撤销" in capsys.readouterr().err and _members(data) == []
    assert main(["undo-import", "--data", str(data)]) == 1
    assert "没有可以撤销的导入" in capsys.readouterr().err


def test_refused_rows_can_be_saved_as_a_problem_list(data, tmp_path, capsys) -> None:
    sheet = workbook(
        tmp_path / "坏.xlsx",
        [
            ["姓名", "身份证号", "人员类别", "入党时间"],
            ["王秀英", 11010519491231002, "党员", "昨天"],
        ],
    )
    archive = open_archive(data)
    before = dump(archive)
    archive.close()
    problems = tmp_path / "问题.xlsx"
    code = main(["import", "--data", str(data), "--register", "members", "--file", str(sheet),
                 "--problems", str(problems)])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert "第2行“身份证号”" in err and "15 位有效数字" in err
    rows = list(openpyxl.load_workbook(problems)["问题清单"].values)
    assert rows[0] == ("行号", "列", "问题", "类型")
    assert {(r[0], r[1], r[3]) for r in rows[1:]} == {
        (2, "身份证号", "错误"),
        (2, "人员类别", "错误"),
        (2, "入党时间", "错误"),
    }
    archive = open_archive(data)
    assert dump(archive) == before
    archive.close()


def test_unknown_register_missing_file_and_template(data, tmp_path, capsys) -> None:
    assert (
        main(["import", "--data", str(data), "--register", "attendance", "--file", "x.xlsx"]) == 1
    )
    assert "不能从 Excel 导入" in capsys.readouterr().err
    args = ["import", "--data", str(data), "--register", "members", "--file"]
    assert main([*args, str(tmp_path / "无.xlsx")]) == 1
    assert "无法打开文件" in capsys.readouterr().err
    target = tmp_path / "模板.xlsx"
    assert main(["template", "--register", "org_life", "--out", str(target)]) == 0
    headers = [c.value for c in openpyxl.load_workbook(target).worksheets[0][1]]
    assert headers[:2] == ["日期", "类型"] and "出席人员" in headers and "请假人员" in headers
