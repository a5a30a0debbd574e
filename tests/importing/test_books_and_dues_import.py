"""Meetings with attendance by names, plain books keyed by date and title, and the dues grid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import VALID_ID, member
from import_helpers import dump, workbook

from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.storage import dues, import_batches, people

TODAY = date(2026, 11, 28)
ID_1990 = fictional_id_number("330106", date(1990, 3, 7), 123)


@pytest.fixture
def branch(archive):
    people.add_member(archive, member(), today=TODAY)
    people.add_member(
        archive,
        member(name="张伟", id_number=ID_1990, joined_on="2015-07-01", converted_on="2016-07-01"),
        today=TODAY,
    )
    return archive


def _ids(archive) -> dict[str, int]:
    return dict(archive.db.execute("SELECT name, id FROM people").fetchall())


def test_meetings_with_attendance_by_names(branch, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "组织生活.xlsx",
        [["2026年组织生活记录"],
         ["日期", "会议类型", "主题", "出席人员", "请假人员", "缺席人员"],
         ["2026年3月5日", "主题党日", "学习党章", "王秀英", "张伟（出差）", None],
         ["2026.4.9", "党小组会", "交流发言", "王秀英、张伟", None, None],
         ["2026-05-07", "党课", "专题党课", "王秀英，李四", "张伟", None]],
    )  # fmt: skip
    plan = import_file(branch, "org_life", path, today=TODAY)
    texts = [p.text() for p in plan.errors]
    assert texts == [
        "第5行“出席人员”：“李四”不是会议当天在册的党员，请核对姓名（只能填写本支部党员）。",
        "第5行“请假人员”：“张伟”请假，请在姓名后的括号内写明原因，例如：张伟（出差）。",
    ]
    fixed = workbook(
        tmp_path / "改正.xlsx",
        [["日期", "会议类型", "主题", "出席人员", "请假人员"],
         ["2026年3月5日", "主题党日", "学习党章", "王秀英", "张伟（出差）"],
         ["2026.4.9", "党小组会", "交流发言", "王秀英、张伟", None]],
    )  # fmt: skip
    assert import_file(branch, "org_life", fixed, dry_run=False, today=TODAY).ok
    ids = _ids(branch)
    rows = branch.db.execute(
        "SELECT m.meeting_date, a.person_id, a.status, a.reason FROM meetings m "
        "JOIN meeting_attendance a ON a.meeting_id = m.id ORDER BY m.meeting_date, a.person_id"
    ).fetchall()
    assert rows == [
        ("2026-03-05", ids["王秀英"], "出席", None),
        ("2026-03-05", ids["张伟"], "请假", "出差"),
        ("2026-04-09", ids["王秀英"], "出席", None),
        ("2026-04-09", ids["张伟"], "出席", None),
    ]
    again = import_file(branch, "org_life", fixed, today=TODAY)
    assert [p.row for p in again.errors] == [2, 3] and "不会重复登记" in again.errors[0].message


def test_documents_twice_in_one_file_name_both_rows(archive, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "收文.xlsx",
        [["收文日期", "来文单位", "文号", "文件标题"],
         ["2026-03-01", "区委组织部", "区组〔2026〕3号", "关于开展主题党日的通知"],
         ["2026/3/1", "区委组织部", "区组〔2026〕3号", "关于开展主题党日的通知"]],
    )  # fmt: skip
    plan = import_file(archive, "incoming_documents", path, today=TODAY)
    assert [p.text() for p in plan.errors] == [
        "第3行：与第2行重复（收文日期、文件标题相同），请删除其中一行。"
    ]


def test_dues_grid_assessments_and_paid_months(branch, tmp_path: Path) -> None:
    header = ["姓名", "身份证号", "缴费类别", "缴费基数", "月应缴金额", "1月", "2月", "3月"]
    path = workbook(
        tmp_path / "党费.xlsx",
        [["2026年度党费收缴"], header,
         ["王秀英", VALID_ID, "离退休", 4000, None, 20, "20.00", None],
         ["张伟", None, "在职", "4,500", 45, 45, None, 45],
         ["合计", None, None, None, 65, 65, 20, 45]],
    )  # fmt: skip
    plan = import_file(branch, "dues", path, dry_run=False, today=TODAY, options={"year": 2026})
    assert plan.ok, [p.text() for p in plan.problems]
    ids = _ids(branch)
    grid = {line.name: line for line in dues.dues_grid(branch, 2026)}
    assert grid["王秀英"].monthly_fen == 2000 and grid["王秀英"].paid == {
        "2026-01": 2000,
        "2026-02": 2000,
    }
    assert grid["张伟"].monthly_fen == 4500 and set(grid["张伟"].paid) == {"2026-01", "2026-03"}
    paid_on = branch.db.execute(
        "SELECT paid_on FROM dues_payments WHERE person_id = ? AND month = '2026-01'", [ids["张伟"]]
    ).fetchone()[0]
    assert paid_on == "2026-01-31"
    import_batches.undo_last_batch(branch)
    assert branch.db.execute("SELECT count(*) FROM dues_payments").fetchone()[0] == 0
    assert branch.db.execute("SELECT count(*) FROM dues_assessments").fetchone()[0] == 0


def test_dues_refusals(branch, tmp_path: Path) -> None:
    dues.assess(branch, _ids(branch)["张伟"], 2026, "在职", 450000)
    before = dump(branch)
    path = workbook(
        tmp_path / "党费.xlsx",
        [["姓名", "缴费类别", "缴费基数", "月应缴金额", "1月", "2月"],
         ["王秀英", "离退休", 4000, 30, None, None],
         ["张伟", "在职", 5000, None, None, None],
         ["李四", "在职", 3000, None, 15, None],
         ["王秀英", None, None, None, None, 20]],
    )  # fmt: skip
    plan = import_file(branch, "dues", path, dry_run=False, today=TODAY, options={"year": 2026})
    texts = [p.text() for p in plan.errors]
    assert texts[0].startswith(
        "第2行“缴费类别”：月应缴金额30.00元与按缴费基数和比例计算的20.00元不符"
    )
    assert texts[1].startswith("第3行“缴费类别”：张伟已有2026年度的党费核定")
    assert texts[2].startswith("第4行“姓名”：党员名册中没有“李四”")
    assert texts[3] == "第5行“姓名”：与第2行是同一名党员的2026年度，请合并为一行。"
    assert dump(branch) == before


def test_a_ledger_rounded_to_the_yuan_imports_with_that_setting(branch, tmp_path: Path) -> None:
    """Base 3150.50 × 1% = 31.505: 31.51 to the 分, 32.00 to the 元 (the ledger's rounding)."""
    from liangxin_desktop.storage import settings

    path = workbook(
        tmp_path / "党费.xlsx",
        [["姓名", "缴费类别", "缴费基数", "月应缴金额", "1月"],
         ["张伟", "在职", "3150.50", 32, 32]],
    )  # fmt: skip
    refused = import_file(branch, "dues", path, dry_run=True, today=TODAY, options={"year": 2026})
    assert "按缴费基数和比例计算的31.51元不符" in refused.errors[0].text()
    settings.save_setting(branch, "dues_rounding", "yuan")
    plan = import_file(branch, "dues", path, dry_run=False, today=TODAY, options={"year": 2026})
    assert plan.ok, [p.text() for p in plan.problems]
    line = next(line for line in dues.dues_grid(branch, 2026) if line.name == "张伟")
    assert line.monthly_fen == 3200 and line.paid == {"2026-01": 3200}
