"""Printed tables fitted to their rows: no date, ID, phone, amount or name broken on paper."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from liangxin_desktop.catalog import get_register
from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.output.pdf.books import print_registers
from liangxin_desktop.output.pdf.document import Book, PageSetup, write_document
from liangxin_desktop.output.pdf.fonts import register_fonts
from liangxin_desktop.output.pdf.layout import ColumnNeed, fit_columns, fit_table, table_scale
from liangxin_desktop.output.pdf.roster import (
    BODY_SIZE,
    SMALLEST_SCALE,
    RosterBook,
    TableSource,
    register_source,
)
from liangxin_desktop.storage import dues, organization, people, queries

AS_OF = date(2026, 12, 1)
NAMES = ["王志强", "林小红", "陈国栋", "赵丽", "孙浩", "周建军", "吴婷婷", "郑永康", "欧阳明华"]


def test_every_column_gets_its_minimum_and_spare_goes_to_who_wants_it() -> None:
    needs = [
        ColumnNeed(whole=20, longest=20, header=10),  # a date: 20, wants no more
        ColumnNeed(whole=0, longest=0, header=12),  # empty: only its header
        ColumnNeed(whole=10, longest=70, header=10, weight=1),  # an address: wants 60 more
    ]
    # minimums 20 + 12 + 10 = 42; 58 spare all to the address (it wants 60)
    assert fit_columns(needs, 100) == [20, 12, 68]
    # 158 spare: the address takes its 60, the 98 left spread by weight (1 each)
    assert [round(w, 2) for w in fit_columns(needs, 200)] == [52.67, 44.67, 102.67]


def test_spare_is_shared_by_weight_but_never_past_the_longest_value() -> None:
    needs = [ColumnNeed(0, 30, 10, weight=3), ColumnNeed(0, 100, 10, weight=1)]
    # 80 spare: by weight 60 / 20, but the first wants only 20: its 40 over go to the second
    assert fit_columns(needs, 100) == [30, 70]


def test_a_table_too_wide_is_printed_smaller_down_to_a_readable_size() -> None:
    needs = [ColumnNeed(60, 60, 10), ColumnNeed(60, 60, 10)]
    assert table_scale(needs, 150, 0.75) == 1.0
    assert table_scale(needs, 100, 0.75) == pytest.approx(100 / 120)
    assert table_scale(needs, 60, 0.75) == 0.75
    assert fit_columns(needs, 60) == [30, 30]  # the last resort: all shrunk alike


def test_a_wrapping_text_column_gets_a_readable_line_before_the_font_gets_small() -> None:
    date_column = ColumnNeed(whole=60, longest=60, header=20)
    address = ColumnNeed(whole=10, longest=200, header=20, wraps=True)  # 10: "1983室"
    # 8-character lines (80) fit at scale 1 on a page of 140: the address gets them all
    assert fit_table([date_column, address], 140, 0.75, [80, 40, 16]) == (1.0, [60, 80])
    # a page of 105: 60 + 80 fit at 105 / 140 = 0.75, the smallest size allowed
    scale, widths = fit_table([date_column, address], 105, 0.75, [80, 40, 16])
    assert scale == pytest.approx(0.75) and widths == pytest.approx([60, 80])
    # a page of 75: 4-character lines (40) at 0.75; a page of 50: the last resort, 16
    assert fit_table([date_column, address], 75, 0.75, [80, 40, 16])[1] == pytest.approx([60, 40])
    scale, widths = fit_table([date_column, address], 50, 0.75, [80, 40, 16])
    # minimums 60 + 20 (the header) = 80 in 50 / 0.75 = 66.7: both shrunk alike (x 5/6)
    assert scale == 0.75 and widths == pytest.approx([50, 50 / 3])


def test_a_short_text_is_not_widened_past_its_longest_value() -> None:
    post = ColumnNeed(whole=12, longest=30, header=20, wraps=True)
    assert fit_table([post], 30, 0.75, [80, 40]) == (1.0, [30])


def _sparse_archive(archive) -> list[dict]:
    """A real first-month roster: names, IDs, a few phones, few optional fields."""
    organization.save_profile(
        archive, {"name": "中共杭州明远科技有限公司支部委员会", "kind": "党支部"}
    )
    added = []
    for index, name in enumerate(NAMES):
        raw = {
            "name": name,
            "id_number": fictional_id_number(
                "330106", date(1985 + index % 7, 3, 10 + index), index
            ),
            "member_category": "正式党员",
            "joined_on": f"{2008 + index}-07-01",
            "converted_on": f"{2009 + index}-07-01",
        }
        if index % 3 == 0:
            raw["phone"] = f"136000{index:05d}"
        person_id = people.add_member(archive, raw, today=AS_OF)
        dues.assess(archive, person_id, 2026, "在职", 8_000_00)
        added.append(people.get_person(archive, person_id))
    return added


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def _whole_values(person: dict) -> list[str]:
    values = [person["name"], person["id_number"], person["member_category"]]
    values += [format_cn_date(date.fromisoformat(person[k])) for k in ("birth_date", "joined_on")]
    return values + ([person["phone"]] if person.get("phone") else [])


def test_the_roster_of_a_sparse_archive_keeps_every_value_whole(archive, tmp_path: Path) -> None:
    added = _sparse_archive(archive)
    pdf = print_registers(
        archive,
        [get_register("members"), get_register("dues"), get_register("activists")],
        tmp_path / "花名册.pdf",
        as_of=AS_OF,
        row_filter=queries.RowFilter(year=2026),
    )
    text = _text(pdf)
    lines = set(text.splitlines())
    for person in added:
        for value in _whole_values(person):
            assert value in text, value
    # the dues amounts each on one line: 120.00 a month, January–November owed on 1 December
    assert "1320.00" in text and "120.00" in text
    assert any(re.search(r"(^| )11880\.00( |$)", line) for line in lines)  # nine members


def test_an_empty_column_keeps_a_readable_header(archive) -> None:
    _sparse_archive(archive)
    activists = get_register("activists")
    book = RosterBook(
        register_source(archive, activists),
        PageSetup("landscape", "中共测试支部", activists.title),
        AS_OF,
    )
    book.measure()
    assert all(len(lines) <= 3 for lines in book.header_lines)
    assert book.scale == 1.0


def test_the_demo_roster_keeps_dates_ids_and_phones_whole(demo_archive, tmp_path: Path) -> None:
    pdf = print_registers(
        demo_archive, [get_register("members")], tmp_path / "demo.pdf", as_of=AS_OF
    )
    text = _text(pdf)
    for person in demo_archive.db.execute(
        "SELECT name, id_number, phone, joined_on FROM people WHERE stage = 'member'"
    ).fetchall():
        name, id_number, phone, joined_on = person
        assert id_number in text and name in text
        assert not phone or phone in text
        assert format_cn_date(date.fromisoformat(joined_on)) in text


def test_the_demo_roster_is_readable_and_compact(demo_archive) -> None:
    members = get_register("members")
    book = RosterBook(
        register_source(demo_archive, members), PageSetup("landscape", "中共测试支部"), AS_OF
    )
    pages = book.measure()
    address = [f.key for f in book.fields].index("home_address") + 1
    # an address wraps in lines of 8 characters or more (it was two), at 6.6 pt or larger,
    # so the demo's 33 members take 3 pages (they took 9)
    assert book.widths[address] >= 8 * BODY_SIZE
    assert book.scale * BODY_SIZE >= 6.5
    assert pages <= 3
    header_lines = [len(lines) for lines in book.header_lines]
    assert max(header_lines) <= 3


def test_a_table_too_wide_for_the_page_prints_smaller_and_whole(tmp_path: Path) -> None:
    fields = tuple(
        Field(f"id{i}", f"身份证{i}", FieldKind.ID_NUMBER, print_width=1) for i in range(7)
    )
    register_fonts()
    row = {f"id{i}": fictional_id_number("330106", date(1980, 1, 1), i) for i in range(7)}
    source = TableSource("宽表", fields, 2, lambda: iter([row, row]))
    book = RosterBook(source, PageSetup("portrait", "中共测试支部", "宽表"), AS_OF)
    book.measure()
    assert SMALLEST_SCALE <= book.scale < 1.0
    _, _, body_width, _ = book.setup.body
    assert sum(book.widths) * book.scale == pytest.approx(body_width)
    pdf = tmp_path / "宽表.pdf"
    write_document([Book("宽表", [book])], pdf, "宽表")
    text = _text(pdf)
    assert all(value in text for value in row.values())
