"""The printed roster read back: title, names, dates, page numbers, embedded fonts; layout maths."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers import member
from pypdf import PdfReader

from liangxin_desktop.catalog import get_register
from liangxin_desktop.errors import Cancelled
from liangxin_desktop.output.pdf.books import print_registers
from liangxin_desktop.output.pdf.layout import column_widths, split_rows
from liangxin_desktop.output.pdf.linebreak import NO_LINE_END, NO_LINE_START, wrap_text
from liangxin_desktop.storage import organization, people

MEMBERS = get_register("members")
AS_OF = date(2026, 11, 28)


def _fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font the PDF uses, read with pypdf."""
    found = []
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            descriptor = descriptor.get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((str(font["/BaseFont"]), embedded))
    return found


@pytest.fixture
def printed(demo_archive, tmp_path: Path) -> Path:
    return print_registers(demo_archive, [MEMBERS], tmp_path / "roster.pdf", as_of=AS_OF)


def test_roster_pdf_reads_back(demo_archive, printed: Path) -> None:
    reader = PdfReader(printed)
    text = "\n".join(page.extract_text() for page in reader.pages)
    org = organization.organization_name(demo_archive)
    assert "党员花名册" in text and org in text
    assert "截至 2026年11月28日" in text
    for person in demo_archive.db.query("SELECT name, stage FROM people"):
        assert (person["name"] in text) == (person["stage"] == "member")
    total = len(reader.pages)
    assert "第 1 页" not in reader.pages[0].extract_text()  # the cover counts, unnumbered
    assert f"共 {total} 页" in reader.pages[0].extract_text()  # 本册页数 on the cover
    for number in range(2, total + 1):
        assert f"第 {number} 页  共 {total} 页" in reader.pages[number - 1].extract_text()
    assert "填表人" in text and "审核人" in text
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert round(width) == 842 and round(height) == 595  # A4 landscape


def test_every_font_is_embedded(printed: Path) -> None:
    fonts = _fonts(printed)
    assert fonts and all(embedded for _, embedded in fonts)
    assert not any("Helvetica" in name for name, _ in fonts)


@pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) not installed"
)
def test_pdffonts_agrees(printed: Path) -> None:
    lines = subprocess.run(
        ["pdffonts", str(printed)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines and all(" yes yes " in line for line in lines)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_check_is_clean(printed: Path) -> None:
    subprocess.run(["qpdf", "--check", str(printed)], capture_output=True, check=True)


def test_header_row_repeats_and_long_text_wraps(archive, tmp_path: Path) -> None:
    organization.save_profile(archive, {"name": "中共测试公司支部委员会", "kind": "党支部"})
    from liangxin_desktop.domain.idnumber import fictional_id_number

    long_address = "浙江省杭州市西湖区文三路" + "某某小区" * 12 + "1幢101室"
    for index in range(60):
        people.add_member(
            archive,
            member(
                name=f"党员{index:02d}",
                home_address=long_address,
                id_number=fictional_id_number("330106", date(1980, 1, 1), index),
                joined_on="2005-07-01",
                converted_on="2006-07-01",
            ),
        )
    reader = PdfReader(print_registers(archive, [MEMBERS], tmp_path / "long.pdf", as_of=AS_OF))
    assert len(reader.pages) > 3
    for page in reader.pages[1:]:  # after the cover, every page repeats the header row
        assert "公民身份号码" in page.extract_text()
    assert "某某小区某某小区" in reader.pages[1].extract_text()


def test_cancelled_print_leaves_no_file(demo_archive, tmp_path: Path) -> None:
    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        print_registers(demo_archive, [MEMBERS], tmp_path / "x.pdf", progress=cancel)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part*")) == []


def _measure(text: str) -> float:
    return float(len(text))  # one unit per character


@pytest.mark.parametrize(
    "text",
    [
        "我们坚持三会一课制度，每月召开支委会。党员大会每季度召开一次，党课每季度一次！",
        "（一）加强组织建设；（二）规范党费收缴、管理和使用：做到账目清楚。",
        "《中国共产党支部工作条例（试行）》「学习」“两学一做”",
    ],
)
def test_line_breaking_rules(text: str) -> None:
    for width in (5, 6, 7, 8, 9, 11):
        lines = wrap_text(text, width, _measure)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, lines)


def test_latin_words_and_numbers_stay_whole() -> None:
    lines = wrap_text("联系电话13800138000请核对", 12, _measure)
    assert "13800138000" in "".join(lines) and any("13800138000" in line for line in lines)


def test_split_rows_and_widths() -> None:
    assert split_rows([10] * 10, first_page=50, other_pages=70, header=10) == [(0, 4), (4, 10)]
    assert split_rows([], 50, 70, 10) == [(0, 0)]
    assert split_rows([100, 10], 50, 50, 10) == [
        (0, 1),
        (1, 2),
    ]  # an oversized row gets its own page
    assert column_widths([1, 3], 100) == [25, 75]
