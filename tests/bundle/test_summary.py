"""The superiors' summary against a hand-built archive whose every figure is counted by hand."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import TODAY
from helpers import member

from liangxin_desktop.bundle.making import make_bundle
from liangxin_desktop.bundle.summary import summarize_archive
from liangxin_desktop.bundle.summary_report import (
    SUMMARY_FIELDS,
    summarize_bundles,
    write_summary_pdf,
    write_summary_xlsx,
)
from liangxin_desktop.catalog import get_register
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import dues, meetings, organization, people, pipeline, records

COMMITTEE = get_register("committee_meetings")
ORG_LIFE = get_register("org_life")


def _id(index: int) -> str:
    return fictional_id_number("330106", date(1980, 1, 1), index)


def _meeting(archive, register, day: str, kind: str, attendance=()) -> int:
    return meetings.save_meeting(
        archive,
        register,
        {"meeting_date": day, "kind": kind, "topic": kind},
        attendance,
        today=TODAY,
    )


def build_branch(archive) -> None:
    """9 full members (one converted in 2026), 1 admitted in 2026, 1 activist; meetings; dues."""
    haves = [
        {"item": item, "done": True} for item in ("党员活动室", "挂牌", "党旗党徽", "制度上墙")
    ]
    organization.save_profile(
        archive,
        {"name": "中共甲公司支部委员会", "kind": "党支部", "term_end": "2027-03-31"},
        haves=haves,
    )
    full = [
        people.add_member(
            archive,
            member(
                name=f"党员{i}", id_number=_id(i), joined_on="2005-07-01", converted_on="2006-07-01"
            ),
            today=TODAY,
        )
        for i in range(8)
    ]
    people.add_member(
        archive,
        member(name="新转正", id_number=_id(20), joined_on="2025-03-01", converted_on="2026-03-01"),
        today=TODAY,
    )
    people.add_member(
        archive,
        member(
            name="新党员",
            id_number=_id(21),
            member_category="预备党员",
            joined_on="2026-05-01",
            converted_on=None,
        ),
        today=TODAY,
    )
    applicant = pipeline.add_applicant(
        archive,
        {"name": "申请人", "id_number": _id(30), "applied_on": "2025-10-01"},
        today=TODAY,
    )
    pipeline.make_activist(archive, applicant, date(2026, 1, 10), "党员1", today=TODAY)
    for day in ("2026-03-10", "2026-06-10"):
        _meeting(archive, COMMITTEE, day, "支部党员大会")
    _meeting(archive, COMMITTEE, "2025-12-01", "支部党员大会")  # last year: not counted
    for month in (1, 2, 3):
        _meeting(archive, COMMITTEE, f"2026-{month:02d}-15", "支委会")
    deleted = _meeting(archive, COMMITTEE, "2026-04-15", "支委会")
    records.delete_record(archive, COMMITTEE, deleted)  # in the recycle bin: not counted
    _meeting(archive, ORG_LIFE, "2026-05-20", "党课")
    for month in range(1, 11):  # 党员0 absent from May to October: six months in a row
        _meeting(
            archive,
            ORG_LIFE,
            f"2026-{month:02d}-25",
            "主题党日",
            [meetings.Attendance(full[0], "缺席" if month >= 5 else "出席")]
            + [meetings.Attendance(pid, "出席") for pid in full[1:]],
        )
    dues.assess(archive, full[1], 2026, "在职", 300000)  # 3000.00 yuan → 15.00 a month
    months = ["2026-01", "2026-02", "2026-03"]
    dues.record_payments(archive, [full[1]], months, date(2026, 3, 31), today=TODAY)


def test_figures_match_the_hand_count(archive) -> None:
    build_branch(archive)
    s = summarize_archive(archive, 2026, TODAY)
    assert s.name == "中共甲公司支部委员会"
    assert (s.members, s.full_members, s.probationary) == (10, 9, 1)
    assert (s.activists, s.candidates, s.admitted, s.converted) == (1, 0, 1, 1)
    # November is not over on 11-28: January–October due
    assert (s.dues_due_fen, s.dues_paid_fen) == (10 * 1500, 3 * 1500)
    assert s.meetings == {
        "支部党员大会": 2,
        "支委会": 3,
        "党小组会": 0,
        "主题党日": 10,
        "党课": 1,
        "组织生活会": 0,
        "民主评议": 0,
        "谈心谈话": 0,
    }
    # 10 complete months, 3 quarters; a committee (9 full members ≥ 7); one 党小组 (第一党小组).
    # 支部党员大会 in Q1 and Q2, none in Q3; 支委会 Jan–Mar only; 党课 in Q2 only.
    assert s.shortfalls == [
        "支部党员大会 缺1个季度（应3）",
        "支委会 缺7个月（应10）",
        "党小组会（第一党小组） 缺10个月（应10）",
        "党课 缺2个季度（应3）",
    ]
    assert s.six_haves_missing == ["设备", "党员学习资料"]
    assert (s.term_end, s.term_note) == ("2027-03-31", "即将届满")
    # 党员0 absent May–October; 党员1 assessed for 2026 but unpaid April–October; the other
    # eight never paid (未核定 months are owed too; 新党员 from May: May–October = 6).
    assert (s.flags_warn, s.flags_alert) == (0, 10)


def test_a_past_year_is_held_to_the_whole_year(archive) -> None:
    build_branch(archive)
    s = summarize_archive(archive, 2025, date(2026, 1, 5))  # 2025 is over
    assert (s.members, s.full_members, s.probationary) == (9, 8, 1)  # 新转正 was probationary
    assert s.meetings["支部党员大会"] == 1
    assert "组织生活会 缺1年（应1）" in s.shortfalls and "民主评议 缺1年（应1）" in s.shortfalls


@pytest.fixture
def bundles(archive, demo_archive, tmp_path) -> list[Path]:
    build_branch(archive)
    first = make_bundle(archive, tmp_path / "甲.zip", year=2026, today=TODAY).path
    second = make_bundle(demo_archive, tmp_path / "乙", year=2026, today=TODAY).path
    tampered = make_bundle(archive, tmp_path / "丙", year=2026, today=TODAY).path
    pdf = tampered / "全部台账-2026年度.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"%")
    return [first, second, tampered]


def test_summary_sums_verified_bundles_and_lists_the_others(bundles, tmp_path) -> None:
    report = summarize_bundles(bundles)
    assert [s.name for s in report.summaries] == ["中共甲公司支部委员会", report.summaries[1].name]
    assert [f.path.name for f in report.failed] == ["丙"]
    assert "已被改动" in report.failed[0].reason
    rows = report.rows()
    total = rows[-1]
    assert total["name"] == "合计（2 个党组织）"
    for key in ("members", "full_members", "dues_due_fen", "dues_paid_fen", "held:支委会"):
        assert total[key] == rows[0][key] + rows[1][key]
    assert rows[0]["members"] == 10 and rows[0]["shortfalls"].startswith("支部党员大会 缺1个季度")

    workbook = write_summary_xlsx(report, tmp_path / "汇总.xlsx")
    book = openpyxl.load_workbook(workbook)
    sheet = book["汇总"]
    header = [c.value for c in sheet[1]]
    assert header == [f.label for f in SUMMARY_FIELDS]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0][0] == "中共甲公司支部委员会" and values[0][header.index("党员数")] == 10
    assert values[0][header.index("党费应缴（元）")] == 150.0  # 10 × 15.00
    assert values[-1][0] == "合计（2 个党组织）"
    assert values[-1][header.index("党员数")] == total["members"]
    failed = [[c.value for c in row] for row in book["未通过校验"].iter_rows(min_row=2)]
    assert failed[0][0] == "丙" and "已被改动" in failed[0][3]

    pdf = write_summary_pdf(report, tmp_path / "汇总.pdf", TODAY)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    if text.returncode != 0:
        pytest.skip("pdftotext（poppler-utils）未安装")
    assert "两新党组织台账汇总表" in text.stdout and "合计（2 个党组织）" in text.stdout
    assert "未通过校验的移交包" in text.stdout and "中共甲公司支部委员会" in text.stdout


def test_the_same_organization_twice_is_counted_once(archive, tmp_path) -> None:
    build_branch(archive)
    one = make_bundle(archive, tmp_path / "一.zip", year=2026, today=TODAY).path
    two = make_bundle(archive, tmp_path / "二.zip", year=2026, today=TODAY).path
    report = summarize_bundles([one, two])
    assert len(report.summaries) == 1
    assert "未重复计入" in report.failed[0].reason
