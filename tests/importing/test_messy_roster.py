"""The roster a clerk really has: two-row header, 合计 and signature rows, month-only dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from import_helpers import messy_roster

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.importing.runner import import_file

TODAY = date(2026, 11, 28)
ID_1985 = fictional_id_number("110105", date(1985, 3, 12), 246)
ID_1990 = fictional_id_number("330106", date(1990, 7, 7), 123)
ID_1979 = fictional_id_number("330106", date(1979, 1, 20), 135)


def _roster(tmp_path: Path, **kwargs) -> Path:
    return messy_roster(
        tmp_path / "名册.xlsx",
        ("林小红", ID_1985, "1985.03", "2008年7月1日", "2009.07.01", "13600002222"),
        ("王志强", ID_1990, "1990年7月", "2025-12-01", None, "13600003333"),
        ("陈国栋", ID_1979, "1979-01-20", "2001年7月", "2002年7月", None),
        **kwargs,
    )


def _by_name(archive) -> dict[str, dict]:
    return {p["name"]: p for p in archive.db.query(f"SELECT * FROM {MEMBERS.source}")}


def test_two_row_header_totals_and_signatures_are_read_as_a_clerk_means(archive, tmp_path):
    plan = import_file(archive, "members", _roster(tmp_path), dry_run=False, today=TODAY)

    assert plan.ok, [p.text() for p in plan.errors]
    assert plan.header_row == 3  # the sub-header row; 姓名 comes from the merged cell above
    assert [row.summary for row in plan.rows] == ["林小红", "王志强", "陈国栋"]
    skipped = {p.row: p.message for p in plan.warnings if p.row in (7, 8)}
    assert "合计行" in skipped[7] and "签字行" in skipped[8]
    stored = _by_name(archive)
    assert set(stored) == {"林小红", "王志强", "陈国栋"}
    assert stored["林小红"]["phone"] == "13600002222"


def test_category_is_inferred_from_the_conversion_date_with_a_warning(archive, tmp_path):
    plan = import_file(archive, "members", _roster(tmp_path), dry_run=False, today=TODAY)

    stored = _by_name(archive)
    assert stored["林小红"]["member_category"] == "正式党员"
    assert stored["王志强"]["member_category"] == "预备党员"
    assert stored["陈国栋"]["member_category"] == "正式党员"
    sheet_notes = [p.message for p in plan.warnings if p.row == 0]
    assert any("没有“人员类别”列" in text and "转为正式党员日期" in text for text in sheet_notes)


def test_a_category_column_written_by_the_clerk_is_used_not_inferred(archive, tmp_path):
    path = messy_roster(
        tmp_path / "名册.xlsx",
        ("王志强", ID_1990, "1990-07-07", "2025-12-01", None, "13600003333", "预备党员"),
        with_category=True,
    )
    plan = import_file(archive, "members", path, dry_run=False, today=TODAY)

    assert plan.ok, [p.text() for p in plan.errors]
    assert not [p for p in plan.warnings if "人员类别" in p.message]
    assert _by_name(archive)["王志强"]["member_category"] == "预备党员"


def test_month_only_dates_take_the_day_from_the_id_or_the_first_with_a_warning(archive, tmp_path):
    plan = import_file(archive, "members", _roster(tmp_path), dry_run=False, today=TODAY)

    stored = _by_name(archive)
    assert stored["林小红"]["birth_date"] == "1985-03-12"  # 1985.03 + the ID number
    assert stored["王志强"]["birth_date"] == "1990-07-07"  # 1990年7月 + the ID number
    assert stored["陈国栋"]["joined_on"] == "2001-07-01"
    assert stored["陈国栋"]["converted_on"] == "2002-07-01"
    assert stored["林小红"]["converted_on"] == "2009-07-01"
    month_notes = {(p.row, p.column) for p in plan.warnings if "只写了年月" in p.message}
    assert month_notes == {(6, "入党时间"), (6, "转正时间")}  # none for 出生年月


def test_a_birth_month_that_disagrees_with_the_id_is_an_error(archive, tmp_path):
    path = messy_roster(
        tmp_path / "名册.xlsx", ("林小红", ID_1985, "1985.04", "2008-07-01", "2009-07-01", None)
    )
    plan = import_file(archive, "members", path, today=TODAY)

    assert [(p.row, p.column) for p in plan.errors] == [(4, "出生年月")]
    assert "与公民身份号码不符" in plan.errors[0].message


def test_an_excluded_row_is_neither_checked_nor_imported(archive, tmp_path):
    path = messy_roster(
        tmp_path / "名册.xlsx",
        ("林小红", ID_1985, "1985.03", "2008-07-01", "2009-07-01", None),
        ("（待核实）", None, None, None, None, None),
    )
    assert not import_file(archive, "members", path, today=TODAY).ok

    plan = import_file(archive, "members", path, excluded=[5], dry_run=False, today=TODAY)

    assert plan.ok and plan.excluded == [5]
    assert "1 行按您的选择不导入" in plan.summary()
    assert set(_by_name(archive)) == {"林小红"}
