"""Statistics and the 年报 tables of a hand-built archive, checked against counts made by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import member
from openpyxl import load_workbook

from liangxin_desktop import app
from liangxin_desktop.catalog.meetings import TRAININGS
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.output.annual_report import AnnualTable, annual_tables
from liangxin_desktop.output.statistics_report import statistics_charts
from liangxin_desktop.storage import dues, meetings, organization, people
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.statistics import branch_statistics

SETUP_DAY = date(2026, 12, 31)


def _person(name: str, birth: date, male: bool, **values: object) -> dict:
    number = fictional_id_number("110105", birth, 11 if male else 12)
    return member(name=name, id_number=number, **values)


@pytest.fixture
def branch(archive: Archive) -> Archive:
    """甲 (1960, 男, 本科, 1985) and 乙 (1995, 女, 回族, 硕士, admitted 2026-03-10) stay;
    丙 (1975, 女, 高中, 2010) transfers out on 2026-06-30; 丁 (1980, 男) died on 2025-05-01."""
    organization.save_profile(
        archive,
        {"name": "中共测试有限公司支部委员会", "kind": "党支部", "keeper": "史娜洁"},
        [{"name": "甲", "post": "书记"}],
        today=SETUP_DAY,
    )
    ids = {}
    for name, birth, male, values in (
        ("甲", date(1960, 3, 1), True, {"joined_on": "1985-07-01", "converted_on": "1986-07-01",
            "job_post": "非公有制企业管理人员", "education": "大学本科"}),
        ("乙", date(1995, 6, 2), False, {"joined_on": "2026-03-10", "converted_on": None,
            "member_category": "预备党员", "ethnicity": "回族", "education": "硕士研究生",
            "job_post": "非公有制企业专业技术人员"}),
        ("丙", date(1975, 1, 15), False, {"joined_on": "2010-07-01", "converted_on": "2011-07-01",
            "education": "普通高中", "job_post": "工勤技能人员"}),
        ("丁", date(1980, 8, 8), True, {"joined_on": "2000-07-01", "converted_on": "2001-07-01"}),
    ):  # fmt: skip
        ids[name] = people.add_member(
            archive, _person(name, birth, male, **values), today=SETUP_DAY
        )
    people.record_leave(
        archive, ids["丙"], "转出", date(2026, 6, 30), "中共某某委员会", today=SETUP_DAY
    )
    people.record_leave(archive, ids["丁"], "死亡", date(2025, 5, 1), today=SETUP_DAY)
    meetings.save_meeting(
        archive,
        TRAININGS,
        {"kind": "专题辅导", "meeting_date": "2026-09-15", "topic": "专题辅导", "hours": 3},
        [meetings.Attendance(ids["甲"], "出席"), meetings.Attendance(ids["乙"], "出席")],
        today=SETUP_DAY,
    )
    dues.assess(archive, ids["甲"], 2026, "在职", 300000)
    dues.record_payments(
        archive, [ids["甲"]], ["2026-01", "2026-02"], date(2026, 2, 20), today=SETUP_DAY
    )
    return archive


def test_members_by_category_as_of_the_years_end(branch: Archive) -> None:
    stats = branch_statistics(branch, 2026, SETUP_DAY)
    expected = {
        "人员类别": {"正式党员": 1, "预备党员": 1},
        "性别": {"男": 1, "女": 1},
        "民族": {"汉族": 1, "少数民族": 1},
        "年龄": {"31至35岁": 1, "61岁及以上": 1},
        "学历": {"研究生": 1, "大学本科": 1},
        "入党时间": {"十一届三中全会至十八大前": 1, "十八大以来": 1},
        "工作岗位": {"非公有制企业管理人员": 1, "非公有制企业专业技术人员": 1},
    }
    for title, counts in expected.items():
        rows = dict(stats.breakdown(title).rows)
        assert {k: v for k, v in rows.items() if v} == counts, title
    assert dict(stats.changes.rows) == {
        "发展党员": 1, "转为正式党员": 0, "组织关系转入": 0, "组织关系转出": 1,
        "死亡": 0, "出党": 0, "停止党籍": 0,
    }  # fmt: skip
    assert stats.members_last_year == 2  # 甲 and 丙 on 2025-12-31
    assert stats.dues_by_month[0] == ("2026-01", 1500, 1500)
    assert stats.dues_by_month[2] == ("2026-03", 1500, 0)
    assert len(stats.dues_by_month) == 12
    assert stats.attendance_by_member == []  # the training book is not organizational life


def test_annual_tables_cell_by_cell(branch: Archive) -> None:
    tables = {t.title: t for t in annual_tables([branch_statistics(branch, 2026, SETUP_DAY)])}

    def cells(title: str) -> dict[str, int]:
        table = tables[title]
        assert [name for name, _ in table.rows] == ["中共测试有限公司支部委员会"]
        return dict(zip(table.columns, table.rows[0][1], strict=True))

    basic = cells("党员队伍基本情况")
    assert (
        basic["党员总数"],
        basic["正式党员"],
        basic["预备党员"],
        basic["女"],
        basic["少数民族"],
    ) == (2, 1, 1, 1, 1)
    assert (basic["管理人员"], basic["专业技术人员"], basic["工人（工勤技能人员）"]) == (1, 1, 0)
    developed = cells("发展党员情况")
    assert (developed["发展党员数"], developed["女"], developed["少数民族"]) == (1, 1, 1)
    assert (developed["35岁及以下"], developed["大专及以上"], developed["专业技术人员"]) == (
        1,
        1,
        1,
    )
    assert cells("预备党员转正情况") == {"转为正式党员": 0, "延长预备期": 0, "取消预备党员资格": 0}
    assert cells("党员学习培训情况") == {
        "培训场次": 1, "参加培训人次": 2, "培训学时（人·学时）": 6, "党员数": 2,
        "学时达标党员数": 0,
    }  # fmt: skip
    assert cells("民主评议党员情况") == {
        "党员数": 2, "参加评议党员数": 0, "优秀": 0, "合格": 0, "基本合格": 0, "不合格": 0
    }  # fmt: skip
    comparison = cells("两年党员数综合比较")
    assert (comparison["上年底党员数"], comparison["本年增加"], comparison["本年减少"]) == (2, 1, 1)
    assert (comparison["其中转出"], comparison["本年底党员数"]) == (1, 2)


def _first_row(table: AnnualTable) -> dict[str, int]:
    return dict(zip(table.columns, table.rows[0][1], strict=True))


def test_study_hours_and_review_results_counted_by_hand(branch: Archive) -> None:
    from liangxin_desktop.catalog.meetings import ORG_LIFE
    from liangxin_desktop.storage import member_review

    ids = {row["name"]: row["id"] for row in branch.db.query("SELECT id, name FROM people")}
    present = [meetings.Attendance(ids[n], "出席") for n in ("甲", "乙", "丙")]
    meetings.save_meeting(
        branch,
        TRAININGS,
        {"kind": "集中学习", "meeting_date": "2026-10-10", "topic": "集中学习", "hours": 14},
        [present[1]],
        today=SETUP_DAY,
    )
    spring, winter = (
        meetings.save_meeting(
            branch,
            ORG_LIFE,
            {"meeting_date": day, "kind": "民主评议党员", "topic": "民主评议党员"},
            attending,
            today=SETUP_DAY,
        )
        for day, attending in (("2026-03-20", present), ("2026-12-12", present[:2]))
    )
    member_review.save_results(
        branch, spring, {ids["甲"]: "合格", ids["乙"]: "基本合格", ids["丙"]: "不合格"}
    )
    member_review.save_results(branch, winter, {ids["甲"]: "优秀"})
    stats = branch_statistics(branch, 2026, SETUP_DAY)
    # 甲 (书记, target 56): 3 学时 → 不足一半; 乙 (target 32): 3 + 14 = 17 → 完成一半以上
    assert dict(stats.study_hours.rows) == {
        "已达标": 0, "完成一半以上": 1, "不足一半": 1, "无学时": 0
    }  # fmt: skip
    # 甲's later review counts (优秀); 丙 left on 2026-06-30 and is not on the year-end roster
    assert dict(stats.reviews.rows) == {"优秀": 1, "合格": 0, "基本合格": 1, "不合格": 0}
    tables = {t.title: t for t in annual_tables([stats])}
    assert _first_row(tables["民主评议党员情况"]) == {
        "党员数": 2, "参加评议党员数": 2, "优秀": 1, "合格": 0, "基本合格": 1, "不合格": 0
    }  # fmt: skip
    assert _first_row(tables["党员学习培训情况"]) == {
        "培训场次": 2, "参加培训人次": 3, "培训学时（人·学时）": 20, "党员数": 2,
        "学时达标党员数": 0,
    }  # fmt: skip
    charts = {chart.title: chart for chart in statistics_charts(stats)}
    assert charts["2026年民主评议党员结果"].labels == ("优秀", "基本合格")
    assert charts["2026年党员学时（对照各自目标）"].labels == ("完成一半以上", "不足一半")


def test_stats_command_writes_the_workbook_and_the_pdf(branch: Archive, tmp_path: Path) -> None:
    path = branch.path
    branch.close()
    out = tmp_path / "统计.xlsx"
    assert (
        app.main(
            [
                "stats",
                "--data",
                str(path),
                "--year",
                "2026",
                "--today",
                "2027-01-05",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    book = load_workbook(out)
    sheet = book["党员队伍基本情况"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["填报单位", "中共测试有限公司支部委员会"] in [row[:2] for row in values]
    assert ["负责人", "甲"] in [row[:2] for row in values]
    assert ["填表人", "史娜洁"] in [row[:2] for row in values]
    assert ["报出时间", "2027年1月5日"] in [row[:2] for row in values]
    header = next(row for row in values if row[0] == "党组织名称")
    figures = values[values.index(header) + 1]
    assert dict(zip(header, figures, strict=True))["党员总数"] == 2
    titles = [row[0].value for row in book["统计"].iter_rows() if row[0].value]
    assert "党员学时（2026年）" in titles and "党员民主评议（2026年）" in titles
    assert "民主评议党员情况" in book.sheetnames
    pdf = tmp_path / "统计.pdf"
    assert app.main(["stats", "--data", str(path), "--year", "2026", "--out", str(pdf)]) == 0
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "党内统计年报" in text and "两年党员数综合比较" in text and "党员年龄" in text


def test_development_counts_by_the_approval_and_only_those_admitted_here(archive: Archive) -> None:
    """戊 admitted here on 2025-12-20, approved on 2026-01-15: 发展 of 2026 (DOMAIN.md: by the
    审批 date); 己 admitted elsewhere in 2026 and transferred in: a 转入, not a 发展."""
    from liangxin_desktop.bundle.summary import summarize_archive
    from liangxin_desktop.storage import pipeline_steps

    organization.save_profile(
        archive, {"name": "中共测试有限公司支部委员会", "kind": "党支部"}, today=SETUP_DAY
    )
    approved = people.add_member(
        archive,
        _person("戊", date(1996, 4, 1), True, joined_on="2025-12-20", converted_on=None,
                member_category="预备党员"),
        today=date(2025, 12, 20),
    )  # fmt: skip
    pipeline_steps.approve(archive, approved, date(2026, 1, 15), "某综合党委", today=SETUP_DAY)
    people.add_member(
        archive,
        _person("己", date(1997, 5, 2), False, joined_on="2026-02-01", converted_on=None,
                member_category="预备党员", transferred_in_on="2026-05-01",
                from_org="中共某某支部委员会"),
        today=SETUP_DAY,
    )  # fmt: skip
    for year, developed, moved_in in ((2025, 0, 0), (2026, 1, 1)):
        stats = branch_statistics(archive, year, date(year, 12, 31))
        assert [p["name"] for p in stats.changed_people["发展党员"]] == ["戊"][:developed]
        assert stats.changes.count("组织关系转入") == moved_in, year
        summary = summarize_archive(archive, year, date(year, 12, 31))
        assert summary.admitted == developed, year  # the 汇总 counts as the 年报 does
