"""Archive-quality printing read back: covers, 目录 with true page numbers, meeting records,
bookmarks, page ranges, a folder of books, cards, the photo album and the 纪实表."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from liangxin_desktop.catalog import get_register
from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.errors import Cancelled, InvalidValue
from liangxin_desktop.output.pdf.books import (
    PrintOptions,
    build_books,
    print_folder,
    print_registers,
    render_books,
)
from liangxin_desktop.output.pdf.document import parse_page_ranges
from liangxin_desktop.output.pdf.flow import Cell, grid_row, paginate
from liangxin_desktop.output.pdf.fonts import register_fonts
from liangxin_desktop.output.pdf.linebreak import NO_LINE_END, NO_LINE_START
from liangxin_desktop.output.pdf.pipeline_record import pipeline_book
from liangxin_desktop.storage import files, queries
from liangxin_desktop.storage.meetings import Attendance, save_meeting

AS_OF = date(2026, 11, 28)
YEAR = queries.RowFilter(year=2026)
COMMITTEE = get_register("committee_meetings")


def _texts(pdf: Path | bytes) -> list[str]:
    import io

    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return [page.extract_text() for page in PdfReader(source).pages]


def _outline(pdf: Path) -> list[tuple[int, str, int]]:
    """(level, title, page number from 1) of every bookmark."""
    reader = PdfReader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


# -- pure layout maths -------------------------------------------------------


def test_paginate_fills_pages_in_order() -> None:
    assert paginate([10] * 10, [False] * 10, 35, 35) == [(0, 3), (3, 6), (6, 9), (9, 10)]
    assert paginate([], [], 100, 100) == [(0, 0)]


def test_a_heading_never_ends_a_page() -> None:
    heights, keeps = [30, 30, 10, 30], [False, False, True, False]
    # unit 2 (a heading, kept with unit 3) would fit on page 1, but not with what follows it
    assert paginate(heights, keeps, 75, 75) == [(0, 2), (2, 4)]


def test_a_unit_taller_than_a_page_gets_its_own_page() -> None:
    assert paginate([10, 500, 10], [False] * 3, 100, 100) == [(0, 1), (1, 2), (2, 3)]


def test_a_chain_too_long_for_any_page_is_placed_unit_by_unit() -> None:
    pages = paginate([40] * 6, [True] * 5 + [False], 100, 100)
    assert pages == [(0, 2), (2, 4), (4, 6)]


def test_page_ranges_are_parsed_as_written() -> None:
    assert parse_page_ranges("1-3, 8") == {1, 2, 3, 8}
    assert parse_page_ranges("５－６") == {5, 6}  # typed with a Chinese input method
    assert parse_page_ranges("2，4－5") == {2, 4, 5}
    for bad in ("", "a", "3-1", "0", "1-2-3"):
        with pytest.raises(ValueError):
            parse_page_ranges(bad)


def test_long_record_text_obeys_chinese_line_breaking() -> None:
    register_fonts()
    text = "会议强调，要把“三会一课”落到实处。" * 40 + "（完）"
    units = grid_row([Cell(text, 300)])
    lines = [unit.cells[0][1][0] for unit in units]
    assert "".join(lines) == text
    assert len(lines) > 5
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START
    for line in lines[:-1]:
        assert line[-1] not in NO_LINE_END


# -- the year's archive -------------------------------------------------------


@pytest.fixture
def archive_pdf(demo_archive, tmp_path: Path) -> Path:
    return print_registers(
        demo_archive, available_registers(), tmp_path / "archive.pdf", as_of=AS_OF, row_filter=YEAR
    )


def test_the_year_archive_has_a_bookmark_per_book_and_per_meeting(
    demo_archive, archive_pdf: Path
) -> None:
    outline = _outline(archive_pdf)
    books = [title for level, title, _ in outline if level == 0]
    assert books[0] == "2026年度党建工作台账（封面及总目录）"
    assert books[1:] == [register.title for register in available_registers()]
    pages = [page for level, _, page in outline if level == 0]
    assert pages == sorted(pages) and pages[0] == 1
    meetings = queries.count(demo_archive, COMMITTEE, YEAR)
    start = books.index(COMMITTEE.title)
    inside = [t for level, t, _ in outline if level == 1 and t.startswith("2026年")]
    assert meetings and len(inside) >= meetings
    texts = _texts(archive_pdf)
    for level, title, page in outline:
        if level == 0 and title == COMMITTEE.title:
            assert COMMITTEE.title in texts[page - 1] and "2026年度" in texts[page - 1]
    assert start > 0


def test_the_general_contents_lists_every_book_with_its_pages(
    demo_archive, archive_pdf: Path
) -> None:
    outline = [(t, p) for level, t, p in _outline(archive_pdf) if level == 0]
    total = len(PdfReader(archive_pdf).pages)
    starts = [p for _, p in outline] + [total + 1]
    contents = "\n".join(_texts(archive_pdf)[1:3])
    assert "总  目  录" in contents
    for (title, start), end in zip(outline[1:], starts[2:], strict=True):
        # "党员花名册 六册 33名 4" — the book's pages as the 总目录 says and as printed
        match = re.search(re.escape(title) + r"\s*\S+\s*\S+\s*(\d+)", contents)
        assert match, title
        assert int(match.group(1)) == end - start, title


def test_every_page_says_which_page_of_its_book_it_is(archive_pdf: Path) -> None:
    texts = _texts(archive_pdf)
    numbered = [re.search(r"第 (\d+) 页  共 (\d+) 页", text) for text in texts]
    covers = [i for i, match in enumerate(numbered) if match is None]
    assert covers[0] == 0 and len(covers) == len(available_registers()) + 1
    for index, match in enumerate(numbered):
        if match:
            assert int(match.group(1)) == index - max(c for c in covers if c < index) + 1


def test_meeting_book_contents_give_the_page_each_meeting_starts_on(
    demo_archive, tmp_path: Path
) -> None:
    pdf = print_registers(demo_archive, [COMMITTEE], tmp_path / "c.pdf", row_filter=YEAR)
    texts = _texts(pdf)
    assert "党组织会议记录簿" in texts[0] and "2026年度" in texts[0]
    contents = texts[1]
    assert "目    录" in contents or "目 录" in contents.replace("  ", " ")
    rows = re.findall(r"^(\d+) (2026年\d{1,2}月\d{1,2}日) (\S+) .*? (\d+)$", contents, re.M)
    assert len(rows) == queries.count(demo_archive, COMMITTEE, YEAR)
    for number, day, kind, page in rows:
        text = texts[int(page) - 1]
        assert f"编号：2026-{int(number):03d}" in text
        assert day in text and f"{kind}记录" in text
        assert f"第 {page} 页" in text


def test_a_meeting_prints_in_the_standard_layout(demo_archive, tmp_path: Path) -> None:
    pdf = print_registers(demo_archive, [COMMITTEE], tmp_path / "c.pdf", row_filter=YEAR)
    page = _texts(pdf)[2]
    for label in ("会议类型", "时", "地", "主 持 人", "记 录 人", "应到人数", "实到人数"):
        assert label in page
    for label in ("出席人员", "缺席人员及原因", "列席人员", "议", "会  议  记  录"):
        assert label in page.replace("会 议 记 录", "会  议  记  录")
    assert "主持人（签字）" in page and "记录人（签字）" in page


def test_a_long_meeting_runs_over_pages_with_every_name_and_word(
    demo_archive, tmp_path: Path
) -> None:
    from liangxin_desktop.storage.meetings import roster_for_attendance

    ids = [row["id"] for row in roster_for_attendance(demo_archive, date(2026, 3, 2))]
    attendance = [Attendance(i, "出席") for i in ids[:-1]] + [Attendance(ids[-1], "请假", "出差")]
    minutes = "\n".join(
        f"第{n}项：研究支部工作，大家逐一发言，形成一致意见。" * 6 for n in range(60)
    )
    save_meeting(
        demo_archive,
        COMMITTEE,
        {
            "meeting_date": "2026-03-02",
            "kind": "支部党员大会",
            "topic": "审议年度工作",
            "minutes": minutes,
            "vote_held": True,
            "vote_eligible": 10,
            "vote_present": 9,
            "vote_yes": 8,
            "vote_no": 0,
            "vote_abstain": 1,
        },
        attendance,
        [{"content": "通过年度工作计划", "owner": "刘杰", "deadline": "2026-04-01"}],
        today=AS_OF,
    )
    pdf = print_registers(demo_archive, [COMMITTEE], tmp_path / "long.pdf", row_filter=YEAR)
    texts = _texts(pdf)
    start = next(i for i, t in enumerate(texts) if "审议年度工作" in t and "编号" in t)
    end = next(i for i in range(start, len(texts)) if "主持人（签字）" in texts[i])
    assert end - start >= 2  # the record runs over several pages
    body = "".join(texts[start : end + 1]).replace("\n", "")
    for n in range(60):
        assert f"第{n}项：研究支部工作" in body
    assert "请假：" in body and "（出差）" in body
    assert "赞成 8 票" in body and "表决结果：通过" in body
    assert "责任人：刘杰" in body and "2026年4月1日" in body
    for index in range(start + 1, end + 1):
        assert "审议年度工作" not in texts[index] or "目" in texts[index]


def test_every_font_of_the_archive_is_embedded_and_qpdf_finds_no_fault(
    archive_pdf: Path,
) -> None:
    reader = PdfReader(archive_pdf)
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            assert "+" in str(font["/BaseFont"])  # a subset
    if shutil.which("pdffonts"):
        report = subprocess.run(
            ["pdffonts", str(archive_pdf)], capture_output=True, text=True, check=True
        ).stdout
        rows = report.splitlines()[2:]
        assert rows and all(" yes yes " in row for row in rows)
        assert not any("Helvetica" in row for row in rows)
        names = " ".join(rows)
        assert "NotoSerifSC" in names and "NotoSansSC-Bold" in names
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(archive_pdf)], capture_output=True)
        assert result.returncode == 0, result.stdout


# -- page ranges, folders, the binding margin ----------------------------------


def test_printing_a_page_range_keeps_the_book_numbering(demo_archive, tmp_path: Path) -> None:
    whole = _texts(print_registers(demo_archive, [COMMITTEE], tmp_path / "w.pdf", row_filter=YEAR))
    part = print_registers(
        demo_archive, [COMMITTEE], tmp_path / "p.pdf", row_filter=YEAR, pages={3, 5}
    )
    texts = _texts(part)
    assert texts == [whole[2], whole[4]]
    assert "第 3 页" in texts[0] and "第 5 页" in texts[1]
    assert _outline(part)[0][1] == COMMITTEE.title
    if shutil.which("qpdf"):
        assert subprocess.run(["qpdf", "--check", str(part)], capture_output=True).returncode == 0


def test_one_pdf_per_register_in_a_new_folder(demo_archive, tmp_path: Path) -> None:
    registers = [COMMITTEE, get_register("members"), get_register("photo_album")]
    folder = print_folder(demo_archive, registers, tmp_path / "2026年度台账", row_filter=YEAR)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["01 党组织会议记录簿.pdf", "02 党员花名册.pdf", "03 党组织活动图片册.pdf"]
    assert "党员花名册" in _texts(folder / "02 党员花名册.pdf")[0]
    assert [p.name for p in tmp_path.iterdir()] == ["2026年度台账"] or all(
        not p.name.startswith(".") for p in tmp_path.iterdir()
    )
    with pytest.raises(InvalidValue):
        print_folder(demo_archive, registers, folder)  # never into a folder with files


def test_a_cancelled_folder_leaves_nothing(demo_archive, tmp_path: Path) -> None:
    calls = []

    def cancel(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) > 5:
            raise Cancelled()

    with pytest.raises(Cancelled):
        print_folder(
            demo_archive, available_registers(), tmp_path / "out", row_filter=YEAR, progress=cancel
        )
    assert [p.name for p in tmp_path.iterdir() if "out" in p.name] == []


def test_the_binding_margin_moves_the_body_and_marks_the_line(demo_archive, tmp_path: Path) -> None:
    plain = print_registers(demo_archive, [COMMITTEE], tmp_path / "a.pdf", row_filter=YEAR)
    bound = print_registers(
        demo_archive,
        [COMMITTEE],
        tmp_path / "b.pdf",
        row_filter=YEAR,
        options=PrintOptions(binding_margin=True),
    )
    assert "装" not in _texts(plain)[2] and "装" in _texts(bound)[2]
    assert len(_texts(bound)) >= len(_texts(plain))


# -- cards, the album, the 纪实表 ----------------------------------------------


def test_mobile_cards_print_two_to_a_page(demo_archive, tmp_path: Path) -> None:
    register = get_register("mobile_members")
    count = queries.count(demo_archive, register)
    pdf = print_registers(demo_archive, [register], tmp_path / "cards.pdf", as_of=AS_OF)
    texts = _texts(pdf)
    assert count >= 2
    assert len(texts) == 1 + (count + 1) // 2
    assert texts[1].count("流动党员登记卡（") == 2
    assert "联系、年度报告及年审记录" in texts[1]


def _photo(tmp_path: Path, size: tuple[int, int], name: str) -> Path:
    path = tmp_path / name
    Image.new("RGB", size, (180, 30, 30)).save(path, "JPEG")
    return path


def test_photos_print_two_or_four_to_a_page_without_distortion(archive, tmp_path: Path) -> None:
    sizes = [(1600, 900), (900, 1600), (1200, 1200), (2000, 500), (800, 600)]
    for number, size in enumerate(sizes):
        files.import_photo(
            archive,
            {
                "title": f"照片{number}号说明",
                "file_date": f"2026-0{number + 1}-10",
                "place": "活动室",
            },
            _photo(tmp_path, size, f"p{number}.jpg"),
            today=AS_OF,
        )
    album = get_register("photo_album")
    four = print_registers(archive, [album], tmp_path / "four.pdf", row_filter=YEAR)
    two = print_registers(
        archive,
        [album],
        tmp_path / "two.pdf",
        row_filter=YEAR,
        options=PrintOptions(photos_per_page=2),
    )
    assert len(PdfReader(four).pages) == 1 + 2 and len(PdfReader(two).pages) == 1 + 3
    text = "".join(_texts(two))
    assert "照片0号说明" in text and "时间：2026年1月10日" in text and "地点：活动室" in text
    ratios = []
    for page in PdfReader(four).pages[1:]:
        for image in page.images:
            ratios.append(round(image.image.width / image.image.height, 1))
    assert sorted(ratios) == sorted(round(w / h, 1) for w, h in sizes)


def test_a_persons_development_record_on_one_page(demo_archive, tmp_path: Path) -> None:
    person = demo_archive.db.execute(
        "SELECT p.id, p.name FROM people p JOIN milestones m ON m.person_id = p.id "
        "WHERE m.kind = 'candidate' LIMIT 1"
    ).fetchone()
    book = pipeline_book(demo_archive, person[0], AS_OF)
    texts = _texts(render_books([book]))
    assert len(texts) == 1
    page = texts[0]
    assert "发展党员工作纪实表" in page and person[1] in page
    for step in ("递交入党申请书", "确定为入党积极分子", "确定为发展对象", "转为正式党员"):
        assert step in page
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", page)
    assert "审核提示" in page and "党支部书记（签字）" in page


def test_books_are_built_from_the_catalog_layouts(demo_archive) -> None:
    books = build_books(demo_archive, [COMMITTEE], row_filter=YEAR, as_of=AS_OF)
    kinds = [type(part).__name__ for part in books[0].parts]
    assert kinds == ["Cover", "Contents", "RecordPages"]
    books = build_books(demo_archive, [get_register("mobile_members")], as_of=AS_OF)
    assert [type(p).__name__ for p in books[0].parts] == ["Cover", "CardPages"]


def test_the_cached_text_object_writes_what_reportlab_writes(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from liangxin_desktop.output.pdf.fasttext import FastTextObject
    from liangxin_desktop.output.pdf.fonts import SANS, SERIF

    register_fonts()
    strings = ["√", "张三", "√", "假", "2026年3月5日", "√", "（出差）", "壹贰叁肆伍陆柒捌玖拾" * 30]
    codes = []
    for cached in (False, True):
        canvas = Canvas(str(tmp_path / f"{cached}.pdf"), initialFontName=SANS)
        text = FastTextObject(canvas) if cached else canvas.beginText()
        for font in (SERIF, SANS):
            text.setFont(font, 9)
            for number, string in enumerate(strings * 2):
                text.setTextOrigin(10 + number, 20)
                text.textOut(string)
        codes.append(text.getCode())
    assert codes[0] == codes[1]


def test_a_development_record_prints_in_a_fresh_program(demo_archive, tmp_path: Path) -> None:
    """The first thing printed may be a 纪实表: it must load the fonts itself."""
    import sys

    person = demo_archive.db.execute("SELECT person_id FROM milestones LIMIT 1").fetchone()[0]
    target = tmp_path / "jsb.pdf"
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from liangxin_desktop.storage.archive import open_reader, open_archive\n"
        "from liangxin_desktop.output.pdf.pipeline_record import pipeline_book\n"
        "from liangxin_desktop.output.pdf.books import render_books\n"
        "archive = open_archive(Path(sys.argv[1]), create=False)\n"
        "book = pipeline_book(archive, int(sys.argv[2]), date(2026, 11, 28))\n"
        "Path(sys.argv[3]).write_bytes(render_books([book]))\n"
    )
    path = str(demo_archive.path)
    demo_archive.close()
    done = subprocess.run(
        [sys.executable, "-c", script, path, str(person), str(target)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "发展党员工作纪实表" in _texts(target)[0]


def test_numbers_stay_with_their_unit_and_latin_words_stay_whole() -> None:
    from liangxin_desktop.output.pdf.linebreak import wrap_text

    def measure(text: str) -> float:  # Chinese characters 2 wide, Latin 1 wide
        return sum(1 if ord(c) < 128 else 2 for c in text)

    lines = wrap_text("会议于2026年12月31日召开，应到128人，讨论ISO9001认证。", 16, measure)
    joined = "|".join(lines)
    for whole in ("12月", "31日", "128人", "ISO9001"):
        assert any(whole in line for line in lines), joined
    assert all(measure(line) <= 16 + 2 for line in lines)  # a hanging mark at most
    assert wrap_text("开会日期是31日上午", 13, measure) == ["开会日期是", "31日上午"]
    assert wrap_text("完成时限：2026年2月7日）", 20, measure) == ["完成时限：", "2026年2月7日）"]
    assert wrap_text("共有党员128人参加", 12, measure) == ["共有党员", "128人参加"]


def test_an_empty_archive_prints_every_book(archive, tmp_path: Path) -> None:
    pdf = print_registers(archive, available_registers(), tmp_path / "empty.pdf", as_of=AS_OF)
    texts = _texts(pdf)
    outline = [title for level, title, _ in _outline(pdf) if level == 0]
    assert outline[1:] == [register.title for register in available_registers()]
    assert sum("无记录" in text for text in texts) == len(available_registers())  # covers only
    blank = print_registers(
        archive, available_registers(), tmp_path / "blank.pdf", as_of=AS_OF,
        options=PrintOptions(blank_pages=True),
    )  # fmt: skip
    texts = _texts(blank)
    assert any("暂无记录。" in text for text in texts)
    assert "暂无流动党员。" in "".join(texts) and "本年度暂无照片。" in "".join(texts)


@pytest.mark.parametrize("key", ["committee_meetings", "good_deeds", "members", "mobile_members"])
def test_an_empty_register_prints_its_cover_saying_so(archive, tmp_path: Path, key: str) -> None:
    register = get_register(key)
    pdf = print_registers(archive, [register], tmp_path / "空.pdf", row_filter=YEAR)
    texts = _texts(pdf)
    assert len(texts) == 1 and register.title in texts[0]
    assert ("本年度无记录" if register.date_field else "无记录") in texts[0]
    blank = print_registers(
        archive, [register], tmp_path / "空白页.pdf", row_filter=YEAR,
        options=PrintOptions(blank_pages=True),
    )  # fmt: skip
    assert len(PdfReader(blank).pages) >= 2  # asked for: the cover and the empty pages
