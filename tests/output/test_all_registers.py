"""Every available register exported to Excel and printed, read back from the files."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.output.pdf.books import print_registers
from liangxin_desktop.storage import queries

AS_OF = date(2026, 11, 28)


def test_whole_archive_workbook(demo_archive, tmp_path: Path) -> None:
    registers = available_registers()
    target = export_workbook(
        demo_archive,
        registers,
        tmp_path / "all.xlsx",
        row_filter=queries.RowFilter(year=2026),
        as_of=AS_OF,
    )
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames == [r.title for r in registers]
    for register in registers:
        sheet = book[register.title]
        header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
        rows = sum(1 for _ in sheet.iter_rows(min_row=2))
        if register.derived == "attendance":
            assert header[:2] == ["姓名", "党小组"] and header[-3:] == ["应到", "实到", "出勤率"]
            assert rows > 20  # the members, then 合计
        elif register.derived == "dues":
            assert header[:5] == ["姓名", "缴费类别", "缴费基数", "比例", "月应缴金额"]
            assert header[5:17] == [f"{m}月" for m in range(1, 13)] and header[-2:] == [
                "欠缴",
                "备注",
            ]
            assert rows > 20
        else:
            assert header == [f.label for f in register.excel_fields]
            assert rows == len(
                queries.list_ids(demo_archive, register, queries.RowFilter(year=2026))
            )
            assert rows > 0, register.key
    book.close()


def test_whole_archive_pdf(demo_archive, tmp_path: Path) -> None:
    registers = available_registers()
    reader = PdfReader(
        print_registers(
            demo_archive,
            registers,
            tmp_path / "all.pdf",
            as_of=AS_OF,
            row_filter=queries.RowFilter(year=2026),
        )
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    for register in registers:
        assert register.title in text, register.key
    assert ("2026年度" in text and "研究本月党建工作安排" in text) or "支委会" in text
    sizes = {(round(float(p.mediabox[2])), round(float(p.mediabox[3]))) for p in reader.pages}
    assert sizes == {(842, 595), (595, 842)}  # landscape books and the portrait rules book
    # pages are numbered per book: the last page is the last of the photo album
    last = reader.pages[-1].extract_text()
    assert re.search(r"第 (\d+) 页  共 \1 页", last) and "党组织活动图片册" in last
