"""The Excel export read back with openpyxl: text IDs, real dates, header, freeze, filter, print setup."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from helpers import VALID_ID, member

from liangxin_desktop.catalog import get_register
from liangxin_desktop.errors import Cancelled
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.storage import people, queries

MEMBERS = get_register("members")


def _export(archive, tmp_path: Path, **kwargs) -> openpyxl.Workbook:
    target = tmp_path / "roster.xlsx"
    export_workbook(archive, [MEMBERS], target, as_of=date(2026, 11, 28), **kwargs)
    return openpyxl.load_workbook(target)


def test_roster_sheet_reads_back(archive, tmp_path: Path) -> None:
    people.add_member(archive, member(phone="0571-88886666", note="=SUM(A1:A9) 不是公式"))
    sheet = _export(archive, tmp_path)["党员花名册"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["姓名", "性别", "民族", "公民身份号码"]
    assert all(c.font.bold for c in sheet[1])
    row = dict(zip(header, (c for c in sheet[2]), strict=True))
    assert row["公民身份号码"].value == VALID_ID and isinstance(row["公民身份号码"].value, str)
    assert row["公民身份号码"].number_format == "@"
    assert row["联系电话"].value == "0571-88886666" and row["联系电话"].data_type == "s"
    assert row["加入党组织日期"].value == datetime(1975, 7, 1) and row["加入党组织日期"].is_date
    assert row["年龄"].value == 76 and row["党龄"].value == 50
    assert row["备注"].value == "=SUM(A1:A9) 不是公式" and row["备注"].data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"
    assert sheet.column_dimensions["D"].width >= 20


def test_many_members_and_progress(demo_archive, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    sheet = _export(demo_archive, tmp_path, progress=lambda d, t: seen.append((d, t)))["党员花名册"]
    assert sheet.max_row == 1 + people.member_counts(demo_archive)["total"]
    assert seen and seen[-1][0] == seen[-1][1]


def test_cancelled_export_leaves_no_file(demo_archive, tmp_path: Path) -> None:
    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        export_workbook(demo_archive, [MEMBERS], tmp_path / "x.xlsx", progress=cancel)
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*part*")) == []


def test_the_attendance_sheet_counts_are_numbers(demo_archive, tmp_path: Path) -> None:
    target = tmp_path / "考勤.xlsx"
    year = date(2026, 11, 28).year
    export_workbook(
        demo_archive,
        [get_register("attendance")],
        target,
        as_of=date(2026, 11, 28),
        row_filter=queries.RowFilter(year=year),
    )
    sheet = openpyxl.load_workbook(target)["组织生活考勤册"]
    header = [c.value for c in sheet[1]]
    rows = [
        dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)
    ]
    counted = [r for r in rows if r["应到"] is not None]
    assert counted and all(
        isinstance(r["应到"], int) and isinstance(r["实到"], int) for r in counted
    )
