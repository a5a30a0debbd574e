"""A clerk's roster with 转入, 党籍状态 and 失联: an imported 转入日期 opens the period here, an
imported 停止党籍 records the suspension, in the import's one transaction; bad values refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import member
from import_helpers import dump, workbook

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.importing.plan import SAME
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.importing.standing import NOT_WRITTEN
from liangxin_desktop.storage import import_batches, membership, people, queries

TODAY = date(2026, 11, 28)
IDS = [fictional_id_number("330106", date(1980 + n, 3, 7), n) for n in range(4)]
HEADER = [
    "姓名",
    "身份证号码",
    "人员类别",
    "入党时间",
    "转正时间",
    "组织关系转入时间",
    "原所在党组织",
    "党籍状态",
    "停止党籍日期",
    "停止党籍原因",
    "失联年月",
]


def _roster(path: Path, *rows: list[object]) -> Path:
    return workbook(path, [["某某公司党支部党员花名册"], HEADER, *rows], title="党员名册")


def _import(archive, path: Path, **kwargs):
    return import_file(archive, "members", path, today=TODAY, **kwargs)


def _ids(archive) -> dict[str, int]:
    return {r["name"]: r["id"] for r in archive.db.query("SELECT id, name FROM people")}


def test_transfers_suspensions_and_lost_contact_are_imported(archive, tmp_path: Path) -> None:
    path = _roster(
        tmp_path / "名册.xlsx",
        ["王秀英", IDS[0], "正式党员", "2010-07-01", "2011-07-01", "2024-05-01", "中共某大学委员会",
         None, None, None, None],
        ["张伟", IDS[1], "正式党员", "2005-07-01", "2006-07-01", None, None,
         "停止党籍", "2025-03-01", "失去联系超过6个月", "2024-06"],
        ["李娜", IDS[2], "预备党员", "2026-03-01", None, None, None, "正常", None, None, None],
    )  # fmt: skip
    plan = _import(archive, path, dry_run=False)
    assert plan.ok, [p.text() for p in plan.errors]
    # the deciding body was not in the sheet: recorded as not written, with a warning to check it
    assert any(
        p.row == 4 and p.column == "决定停止党籍的党组织" and NOT_WRITTEN in p.message
        for p in plan.warnings
    )
    ids = _ids(archive)
    [period] = membership.periods_of(archive, ids["王秀英"])
    assert (period["start_on"], period["start_kind"], period["from_org"]) == (
        "2024-05-01",
        "转入",
        "中共某大学委员会",
    )
    before, after = (
        queries.list_ids(archive, MEMBERS, queries.RowFilter(as_of=date(2024, 4, 30))),
        queries.list_ids(archive, MEMBERS, queries.RowFilter(as_of=date(2024, 5, 1))),
    )
    assert ids["王秀英"] not in before and ids["王秀英"] in after
    [stop] = membership.standing_of(archive, ids["张伟"])
    assert (stop["suspended_on"], stop["reason"], stop["decided_by"]) == (
        "2025-03-01",
        "失去联系超过6个月",
        NOT_WRITTEN,
    )
    zhang = people.get_person(archive, ids["张伟"])
    assert (zhang["stage"], zhang["is_lost"], zhang["lost_since"]) == ("member", 1, "2024-06")
    assert people.member_counts(archive)["suspended"] == 1  # still in the 花名册, not counted
    import_batches.undo_last_batch(archive)  # the suspension and the periods go with the people
    assert archive.db.execute("SELECT count(*) FROM party_standing").fetchone()[0] == 0
    assert archive.db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_bad_standing_values_are_refused_naming_row_and_column(archive, tmp_path: Path) -> None:
    path = _roster(
        tmp_path / "名册.xlsx",
        ["王秀英", IDS[0], "正式党员", "2010-07-01", "2011-07-01", None, None,
         "暂停", None, None, None],
        ["张伟", IDS[1], "正式党员", "2005-07-01", "2006-07-01", None, None,
         "停止党籍", None, "失联", None],
        ["李娜", IDS[2], "正式党员", "2005-07-01", "2006-07-01", None, None,
         "停止党籍", "2004-03-01", "失联", None],
        ["赵一", IDS[3], "正式党员", "2005-07-01", "2006-07-01", None, None,
         "正常", "2025-03-01", None, None],
    )  # fmt: skip
    untouched = dump(archive)
    plan = _import(archive, path, dry_run=False)
    assert not plan.ok
    found = {(p.row, p.column): p.message for p in plan.errors}
    assert "正常" in found[(3, "党籍状态")]  # 暂停 is not a 党籍状态
    assert "必须填写停止党籍日期" in found[(4, "停止党籍日期")]
    assert "早于此人在本组织的开始日期" in found[(5, "停止党籍日期")]  # before the 入党日期
    assert "党籍状态应为“停止党籍”" in found[(6, "停止党籍日期")]
    assert dump(archive) == untouched  # nothing written


def test_an_existing_member_gets_the_suspension_once(archive, tmp_path: Path) -> None:
    person_id = people.add_member(
        archive,
        member(name="张伟", id_number=IDS[1], joined_on="2005-07-01", converted_on="2006-07-01"),
    )
    path = workbook(
        tmp_path / "名册.xlsx",
        [[*HEADER, "决定停止党籍的党组织"], ["张伟", IDS[1], None, None, None, None, None,
         "停止党籍", "2025-03-01", "失去联系超过6个月", None, "中共某某街道工作委员会"]],
    )  # fmt: skip
    plan = _import(archive, path, dry_run=False, update_existing=True)
    assert plan.ok, [p.text() for p in plan.errors]
    [stop] = membership.standing_of(archive, person_id)
    assert stop["decided_by"] == "中共某某街道工作委员会"
    again = _import(archive, path, update_existing=True)  # already stopped: nothing to do
    assert [row.action for row in again.rows] == [SAME]
    assert len(membership.standing_of(archive, person_id)) == 1
