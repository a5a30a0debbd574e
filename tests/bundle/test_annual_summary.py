"""The 汇总移交包 carries the 党内统计年报 tables summed over the verified bundles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from helpers import member

from liangxin_desktop.bundle.making import make_bundle
from liangxin_desktop.bundle.summary_report import (
    summarize_bundles,
    write_summary_pdf,
    write_summary_xlsx,
)
from liangxin_desktop.catalog.meetings import ORG_LIFE
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import meetings, member_review, organization, people
from liangxin_desktop.storage.archive import open_archive

TODAY = date(2026, 11, 28)


def _branch(path: Path, name: str, women: int, men: int, reviews: tuple[str, ...] = ()) -> Path:
    """``women`` then ``men`` full members; ``reviews``: the 民主评议 results of the first ones."""
    archive = open_archive(path)
    organization.save_profile(archive, {"name": name, "kind": "党支部"}, today=TODAY)
    ids = []
    for index in range(women + men):
        number = fictional_id_number(
            "330106", date(1985, 1, 1), index * 2 + (1 if index >= women else 0)
        )
        values = member(
            name=f"党员{index}", id_number=number, joined_on="2010-07-01", converted_on="2011-07-01"
        )
        ids.append(people.add_member(archive, values, today=TODAY))
    if reviews:
        review = meetings.save_meeting(
            archive,
            ORG_LIFE,
            {"meeting_date": "2026-11-20", "kind": "民主评议党员", "topic": "民主评议党员"},
            [meetings.Attendance(pid, "出席") for pid in ids],
            today=TODAY,
        )
        member_review.save_results(archive, review, dict(zip(ids, reviews, strict=False)))
    bundle = make_bundle(archive, path.with_suffix(".zip"), year=2026, today=TODAY).path
    archive.close()
    return bundle


def test_annual_tables_one_row_per_branch_and_their_sum(tmp_path: Path) -> None:
    bundles = [
        _branch(tmp_path / "甲.lxdb", "中共甲公司支部委员会", 2, 1, ("优秀", "合格", "合格")),
        _branch(tmp_path / "乙.lxdb", "中共乙协会支部委员会", 1, 3, ("合格", "基本合格")),
    ]
    report = summarize_bundles(bundles)
    basic = next(t for t in report.annual() if t.title == "党员队伍基本情况")
    members, women = basic.columns.index("党员总数"), basic.columns.index("女")
    assert [(name, f[members], f[women]) for name, f in basic.rows] == [
        ("中共甲公司支部委员会", 3, 2),
        ("中共乙协会支部委员会", 4, 1),
    ]
    assert (basic.totals()[members], basic.totals()[women]) == (7, 3)
    review = next(t for t in report.annual() if t.title == "民主评议党员情况")
    assert review.columns == ("党员数", "参加评议党员数", "优秀", "合格", "基本合格", "不合格")
    assert [figures for _name, figures in review.rows] == [(3, 3, 1, 2, 0, 0), (4, 2, 0, 1, 1, 0)]
    assert review.totals() == (7, 5, 1, 3, 1, 0)
    book = openpyxl.load_workbook(write_summary_xlsx(report, tmp_path / "汇总.xlsx"))
    rows = [[c.value for c in row] for row in book["党员队伍基本情况"].iter_rows()]
    header = next(row for row in rows if row[0] == "党组织名称")
    total = next(row for row in rows if row[0] == "合计")
    assert dict(zip(header, total, strict=True))["党员总数"] == 7
    assert "两年党员数综合比较" in book.sheetnames
    rows = [[c.value for c in row] for row in book["民主评议党员情况"].iter_rows()]
    assert next(row for row in rows if row[0] == "合计")[1:] == [7, 5, 1, 3, 1, 0]
    from pypdf import PdfReader

    pdf = write_summary_pdf(report, tmp_path / "汇总.pdf", TODAY)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "党员队伍基本情况" in text and "发展党员情况" in text and "民主评议党员情况" in text
