"""Property tests: whatever the cells hold, planning reports problems by row and column, never
raises anything but a refusal, and never writes; dates typed in any accepted spelling read back.
"""

from __future__ import annotations

from datetime import date, datetime

from helpers import VALID_ID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_helpers import dump

from liangxin_desktop.importing.reading import SheetData
from liangxin_desktop.importing.runner import get_importer, plan_import

TODAY = date(2026, 11, 28)
HEADER = [
    "姓名",
    "身份证号",
    "性别",
    "人员类别",
    "入党时间",
    "转正时间",
    "手机",
    "失联年月",
    "是否流动党员",
]
cells = st.one_of(
    st.none(),
    st.text(max_size=25),
    st.sampled_from(
        ["正式党员", "预备党员", "男", "女", "是", "否", "=1+1", "'", "２０１９年７月１日"]
    ),
    st.integers(min_value=-(10**19), max_value=10**19),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
)
LABELS = {f.label for f in get_importer("members").fields}  # checks of fields not in the file
rows = st.lists(st.lists(cells, min_size=0, max_size=len(HEADER) + 2), max_size=6)
fixture_ok = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fixture_ok
@given(rows=rows)
def test_any_cells_give_problems_by_row_never_a_crash_nor_a_write(archive, rows) -> None:
    before = dump(archive)
    sheet = SheetData("表", [["标题"], list(HEADER), *(list(r) for r in rows)])
    plan = plan_import(archive, get_importer("members"), sheet, "x.xlsx", today=TODAY)
    assert plan.header_row == 2
    for problem in plan.problems:
        assert 3 <= problem.row <= 2 + len(rows) and problem.message
        assert problem.column == "" or problem.column in HEADER or problem.column in LABELS
    planned = {row.row for row in plan.rows}
    refused = {p.row for p in plan.errors}
    assert not planned & refused
    assert dump(archive) == before


@fixture_ok
@given(
    number=st.one_of(
        st.integers(min_value=10**14, max_value=10**18), st.floats(min_value=1e14, max_value=1e18)
    )
)
def test_an_id_stored_as_a_number_is_always_refused_with_the_reason(archive, number) -> None:
    sheet = SheetData("表", [HEADER[:5], ["张伟", number, None, "正式党员", "2015-07-01"]])
    plan = plan_import(archive, get_importer("members"), sheet, "x.xlsx", today=TODAY)
    assert [p.column for p in plan.errors] == ["身份证号"]
    assert "15 位有效数字" in plan.errors[0].message


SPELLINGS = [
    "{d:%Y-%m-%d}",
    "{d.year}/{d.month}/{d.day}",
    "{d:%Y.%m.%d}",
    "{d.year}年{d.month}月{d.day}日",
    "{d:%Y%m%d}",
    " '{d:%Y-%m-%d} ",
]


@fixture_ok
@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2026, 11, 28)),
    spelling=st.sampled_from(SPELLINGS),
    wide=st.booleans(),
)
def test_dates_in_every_spelling_are_read_the_same(archive, day, spelling, wide) -> None:
    text = spelling.format(d=day)
    if wide:
        text = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    sheet = SheetData("表", [["日期", "姓名（集体）", "主要事迹"], [text, "青年突击队", "抢修"]])
    plan = plan_import(archive, get_importer("good_deeds"), sheet, "x.xlsx", today=TODAY)
    assert plan.ok, [p.text() for p in plan.problems]
    assert plan.rows[0].raw["deed_date"] == text


@fixture_ok
@given(year=st.integers(1990, 2025), month=st.integers(1, 12))
def test_a_year_month_typed_as_a_number_is_read_or_refused_when_ambiguous(
    archive, year, month
) -> None:
    sheet = SheetData(
        "表",
        [
            [*HEADER[:5], "失联年月", "是否失联党员"],
            ["张伟", VALID_ID, None, "正式党员", "1975-07-01", float(f"{year}.{month}"), "是"],
        ],
    )
    plan = plan_import(archive, get_importer("members"), sheet, "x.xlsx", today=TODAY)
    lost = [p for p in plan.problems if p.column == "失联年月"]
    if month in (1, 10):
        assert lost and "10月" in lost[0].message
    else:
        assert not lost and plan.ok, [p.text() for p in plan.problems]
        assert plan.rows[0].raw["lost_since"] == f"{year}-{month:02d}"
