"""Clerk-made rosters imported: title rows, synonyms, mixed dates, damaged IDs, duplicates, undo."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import VALID_ID, member
from import_helpers import dump, workbook

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.importing.plan import UPDATE_OPTION
from liangxin_desktop.importing.reading import read_sheet
from liangxin_desktop.importing.runner import commit_import, get_importer, import_file, plan_import
from liangxin_desktop.importing.safety import ImportRefused
from liangxin_desktop.storage import import_batches, people

TODAY = date(2026, 11, 28)
ID_1990 = fictional_id_number("330106", date(1990, 3, 7), 123)  # 男
ID_1985 = fictional_id_number("110105", date(1985, 10, 2), 246)  # 女
HEADER = [
    "序号",
    "姓名",
    "身份证号码",
    "民族",
    "文化程度",
    "人员类别",
    "入党时间",
    "转正时间",
    "手机号码",
]


def _clerk_roster(path: Path, *rows: list[object]) -> Path:
    return workbook(
        path,
        [
            ["某某科技有限公司党支部党员花名册"],
            ["填表人：张三            填表日期：2026年11月"],
            [],
            HEADER,
            *rows,
        ],
        title="党员名单",
        merge="A1:I1",
    )


def _import(archive, path: Path, **kwargs):
    return import_file(archive, "members", path, today=TODAY, **kwargs)


def test_clerk_roster_with_title_rows_synonyms_and_mixed_dates(archive, tmp_path: Path) -> None:
    path = _clerk_roster(
        tmp_path / "名册.xlsx",
        [
            1,
            "王秀英",
            VALID_ID.lower(),
            "汉",
            "本科",
            "正式党员",
            "1975.07.01",
            "1976年7月1日",
            "138 0013 8000",
        ],
        [
            2,
            "张 伟",
            f" '{ID_1990} ",
            "汉族",
            "大专",
            "正式党员",
            datetime(2015, 7, 1),
            "2016/7/1",
            13900139000,
        ],
        [None] * 9,  # a blank row inside the table
        [
            3,
            "李丽",
            "１１０１０５" + ID_1985[6:],
            "回族",
            "硕士研究生",
            "预备党员",
            "20260301",
            None,
            "'13700137000",
        ],
    )
    plan = _import(archive, path, dry_run=False)
    assert plan.header_row == 4 and plan.ok, [p.text() for p in plan.problems]
    rows = {r["name"]: r for r in archive.db.query("SELECT * FROM people ORDER BY id")}
    assert set(rows) == {"王秀英", "张 伟", "李丽"}
    assert rows["王秀英"]["id_number"] == VALID_ID and rows["王秀英"]["sex"] == "女"
    assert rows["王秀英"]["joined_on"] == "1975-07-01" and rows["王秀英"]["education"] == "大学本科"
    assert rows["王秀英"]["phone"] == "13800138000"
    assert rows["张 伟"]["id_number"] == ID_1990 and rows["张 伟"]["converted_on"] == "2016-07-01"
    assert rows["张 伟"]["phone"] == "13900139000" and rows["张 伟"]["education"] == "大学专科"
    assert rows["李丽"]["id_number"] == ID_1985 and rows["李丽"]["ethnicity"] == "回族"
    assert rows["李丽"]["joined_on"] == "2026-03-01" and rows["李丽"]["birth_date"] == "1985-10-02"
    milestones = archive.db.execute("SELECT kind, date FROM milestones ORDER BY id").fetchall()
    assert ("admitted", "2015-07-01") in milestones and ("converted", "2016-07-01") in milestones


def test_bad_rows_are_refused_row_by_row_and_nothing_is_written(archive, tmp_path: Path) -> None:
    people.add_member(archive, member(), today=TODAY)
    before = dump(archive)
    path = _clerk_roster(
        tmp_path / "坏.xlsx",
        [1, "张伟", 110101199003077870, "汉族", "本科", "正式党员", "2015-07-01", "2016-07-01", ""],
        [2, "李丽", ID_1985, "汉族", "本科", "党员", "2015-13-01", None, ""],
        [3, "王秀英", VALID_ID, "汉族", "本科", "正式党员", "1975-07-01", "1976-07-01", ""],
        [4, "赵强", ID_1990, "汉族", "本科", "正式党员", "2015-07-01", "2016-07-01", ""],
        [5, "赵强二", ID_1990, "汉族", "本科", "正式党员", "2015-07-01", "2016-07-01", ""],
        [6, "", "", "", "", "", "", "", "13800138000"],
    )
    plan = _import(archive, path, dry_run=False)
    assert not plan.ok
    texts = [p.text() for p in plan.errors]
    assert any(
        t.startswith("第5行“身份证号码”") and "15 位有效数字" in t and "文本" in t for t in texts
    )
    assert any(t.startswith("第6行“人员类别”") for t in texts)
    assert any(t.startswith("第6行“入党时间”") for t in texts)
    assert any(
        t.startswith("第7行“身份证号码”")
        and "已登记" in t
        and f"请勾选“{UPDATE_OPTION}”" in t
        and "命令行" not in t
        for t in texts
    )
    assert any(t.startswith("第9行“身份证号码”") and "第8行" in t for t in texts)
    assert any(t.startswith("第10行“姓名”") and "必须填写" in t for t in texts)
    assert dump(archive) == before
    with pytest.raises(ImportRefused):
        commit_import(archive, plan)
    assert dump(archive) == before


def test_update_existing_changes_only_cells_given_and_undo_restores(
    archive, tmp_path: Path
) -> None:
    person = people.add_member(archive, member(), today=TODAY)
    before = dump(archive)
    path = workbook(
        tmp_path / "更新.xlsx",
        [["姓名", "公民身份号码", "联系电话", "入党日期", "家庭住址"],
         ["王秀英", VALID_ID, "13911112222", "1975-07-01", None]],
    )  # fmt: skip
    plan = _import(archive, path, dry_run=False, update_existing=True)
    assert plan.ok and plan.count("更新") == 1
    row = people.get_person(archive, person)
    assert row["phone"] == "13911112222" and row["home_address"] == "北京市朝阳区建国路1号"
    batch = import_batches.undo_last_batch(archive)
    assert batch.updated == 1
    assert people.get_person(archive, person)["phone"] == "13800138000"
    after = dump(archive)
    assert after["people"] == before["people"] and after["milestones"] == before["milestones"]


def test_undo_deletes_added_people_unless_changed_since(archive, tmp_path: Path) -> None:
    before = dump(archive)
    path = _clerk_roster(
        tmp_path / "a.xlsx",
        [1, "张伟", ID_1990, "汉族", "本科", "正式党员", "2015-07-01", "2016-07-01", ""],
        [2, "李丽", ID_1985, "汉族", "本科", "正式党员", "2010-07-01", "2011-07-01", ""],
    )
    _import(archive, path, dry_run=False)
    assert people.member_counts(archive)["total"] == 2
    import_batches.undo_last_batch(archive)
    after = dump(archive)
    assert after["people"] == before["people"] == [] and after["milestones"] == []
    with pytest.raises(InvalidValue, match="没有可以撤销的导入"):
        import_batches.undo_last_batch(archive)

    _import(archive, path, dry_run=False)
    changed = archive.db.execute("SELECT id FROM people WHERE name = '李丽'").fetchone()[0]
    people.update_member(
        archive, changed, dict(people.get_person(archive, changed), phone="13700137000"), TODAY
    )
    snapshot = dump(archive)
    with pytest.raises(InvalidValue, match="导入后又被修改"):
        import_batches.undo_last_batch(archive)
    assert dump(archive) == snapshot


def test_same_file_twice_is_refused_and_unchanged_rows_are_not_counted(
    archive, tmp_path: Path
) -> None:
    path = _clerk_roster(
        tmp_path / "a.xlsx",
        [1, "张伟", ID_1990, "汉族", "本科", "正式党员", "2015-07-01", "2016-07-01", ""],
    )
    _import(archive, path, dry_run=False)
    again = _import(archive, path)
    assert not again.ok and "已登记" in again.errors[0].message
    same = _import(archive, path, update_existing=True)
    assert same.ok and same.count("无变化") == 1
    with pytest.raises(ImportRefused, match="没有需要导入的新内容"):
        commit_import(archive, same)


def test_header_not_found_and_missing_required_column(archive, tmp_path: Path) -> None:
    no_header = workbook(tmp_path / "x.xlsx", [["随便写的"], ["一些内容", "别的"]])
    with pytest.raises(ImportRefused, match="找不到表头"):
        _import(archive, no_header)
    missing = workbook(tmp_path / "y.xlsx", [["姓名", "民族"], ["张伟", "汉族"]])
    plan = _import(archive, missing)
    assert not plan.ok and {p.column for p in plan.errors} >= {"公民身份号码", "人员类别"}
    assert all(p.row == 0 for p in plan.errors)


def test_manual_mapping_overrides_detection(archive, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "m.xlsx",
        [["名", "号", "类", "日"], ["张伟", ID_1990, "正式党员", "2015-07-01"]],
    )
    importer = get_importer("members")
    sheet = read_sheet(path)
    mapping = {0: "name", 1: "id_number", 2: "member_category", 3: "joined_on"}
    plan = plan_import(
        archive, importer, sheet, path.name, header_row=0, mapping=mapping, today=TODAY
    )
    assert plan.ok and plan.count("新增") == 1
    assert any("转正" in p.message for p in plan.warnings)  # warnings don't block
    commit_import(archive, plan, today=TODAY)
    assert people.member_counts(archive)["total"] == 1
