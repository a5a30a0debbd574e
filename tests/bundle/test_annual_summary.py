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
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import organization, people
from liangxin_desktop.storage.archive import open_archive

TODAY = date(2026, 11, 28)


def _branch(path: Path, name: str, women: int, men: int) -> Path:
    archive = open_archive(path)
    organization.save_profile(archive, {"name": name, "kind": "党支部"}, today=TODAY)
    for index in range(women + men):
        number = fictional_id_number(
            "330106", date(1985, 1, 1), index * 2 + (1 if index >= women else 0)
        )
        people.add_member(
            archive,
            member(
                name=f"党员{index}",
                id_number=number,
                joined_on="2010-07-01",
                converted_on="2011-07-01",
            ),
            today=TODAY,
        )
    bundle = make_bundle(archive, path.with_suffix(".zip"), year=2026, today=TODAY).path
    archive.close()
    return bundle


def test_annual_tables_one_row_per_branch_and_their_sum(tmp_path: Path) -> None:
    bundles = [
        _branch(tmp_path / "甲.lxdb", "中共甲公司支部委员会", women=2, men=1),
        _branch(tmp_path / "乙.lxdb", "中共乙协会支部委员会", women=1, men=3),
    ]
    report = summarize_bundles(bundles)
    basic = next(t for t in report.annual() if t.title == "党员队伍基本情况")
    members, women = basic.columns.index("党员总数"), basic.columns.index("女")
    assert [(name, f[members], f[women]) for name, f in basic.rows] == [
        ("中共甲公司支部委员会", 3, 2),
        ("中共乙协会支部委员会", 4, 1),
    ]
    assert (basic.totals()[members], basic.totals()[women]) == (7, 3)
    book = openpyxl.load_workbook(write_summary_xlsx(report, tmp_path / "汇总.xlsx"))
    rows = [[c.value for c in row] for row in book["党员队伍基本情况"].iter_rows()]
    header = next(row for row in rows if row[0] == "党组织名称")
    total = next(row for row in rows if row[0] == "合计")
    assert dict(zip(header, total, strict=True))["党员总数"] == 7
    assert "两年党员数综合比较" in book.sheetnames
    from pypdf import PdfReader

    pdf = write_summary_pdf(report, tmp_path / "汇总.pdf", TODAY)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "党员队伍基本情况" in text and "发展党员情况" in text
