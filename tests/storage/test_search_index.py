"""The roster's search and sort indexes (migration 0016): what a keystroke finds, kept in step."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from liangxin_desktop.catalog.activists import ACTIVISTS
from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.storage import people, queries
from liangxin_desktop.storage.archive import APPLICATION_ID, Archive, open_archive
from liangxin_desktop.storage.migrations import MIGRATION_COUNT, migrations, version_before
from tests.helpers import member

TODAY = date(2026, 11, 28)


def _id(sequence: int, birth: date = date(1950, 5, 1)) -> str:
    return fictional_id_number("110105", birth, sequence)


def _add(
    archive: Archive, name: str, sequence: int, birth: date = date(1950, 5, 1), **values: object
) -> int:
    raw = member(name=name, id_number=_id(sequence, birth), **values)
    return people.add_member(archive, raw, TODAY)


def _found(archive: Archive, text: str, register=MEMBERS) -> list[int]:
    return queries.list_ids(archive, register, queries.RowFilter(search=text))


def test_three_characters_are_found_anywhere_and_shorter_terms_at_the_start(archive) -> None:
    wang = _add(archive, "王秀英", 1, phone="13912345678", unit="第一党小组")
    li = _add(archive, "李王明", 2, phone="13800138000", unit="第二党小组")
    zhang = _add(archive, "张秀英", 3, phone="15000001111", unit="第一党小组")
    assert _found(archive, "秀英") == []  # two characters: the start of a column only
    assert _found(archive, "王") == [wang]  # a surname; 李王明 has 王 inside, not at the start
    assert _found(archive, "王秀英") == [wang]  # three: anywhere (through the trigram index)
    assert _found(archive, "张秀英 第一党") == [zhang]  # every term must match
    assert _found(archive, "1234") == [wang]  # a phone fragment
    assert _found(archive, _id(2)[-6:]) == [li]  # the last six characters of an ID number
    assert _found(archive, "第二") == [li]  # a 党小组 by its start
    assert _found(archive, '秀英"') == []  # a quote in a term is a character, not FTS syntax
    assert _found(archive, "查无此人") == []


def test_one_or_two_digits_cannot_narrow_the_list_and_wait_for_the_third(archive) -> None:
    ids = [_add(archive, name, n) for n, name in enumerate(["王秀英", "李明", "张伟"], 1)]
    assert queries.search_terms(MEMBERS, "1 18 王") == ("王",)
    assert _found(archive, "1") == ids  # as if nothing were typed yet
    assert _found(archive, "18") == ids
    assert _found(archive, "110") == ids  # every ID starts 110105


def test_the_index_follows_edits_leaving_and_other_registers(archive) -> None:
    person = _add(archive, "王秀英", 1)
    people.update_member(archive, person, member(name="赵秀英", id_number=_id(1)), TODAY)
    assert _found(archive, "王秀英") == []
    assert _found(archive, "赵秀英") == [person]
    people.record_leave(archive, person, "转出", date(2026, 3, 1), "市直机关党委", "")
    assert _found(archive, "赵秀英") == []  # no longer in the roster
    history = queries.RowFilter(search="赵秀英", include_left=True)
    assert queries.list_ids(archive, MEMBERS, history) == [person]
    assert _found(archive, "赵秀英", ACTIVISTS) == []
    indexed = archive.db.execute(
        "SELECT rowid FROM people_fts WHERE people_fts MATCH '\"赵秀英\"'"
    ).fetchall()
    assert indexed == [(person,)]


def test_sorting_by_age_walks_the_birth_dates_and_keeps_empty_values_last(archive) -> None:
    old = _add(archive, "老党员", 1, date(1949, 12, 31))
    young = _add(
        archive, "新党员", 2, date(1990, 1, 1), joined_on="2020-07-01", converted_on="2021-07-01"
    )
    unknown = _add(archive, "无生日", 3)
    archive.db.execute("UPDATE people SET birth_date = NULL WHERE id = ?", [unknown])
    by_age = queries.RowFilter(sort_key="age")
    assert queries.list_ids(archive, MEMBERS, by_age) == [young, old, unknown]  # youngest first
    oldest_first = queries.RowFilter(sort_key="age", descending=True)
    assert queries.list_ids(archive, MEMBERS, oldest_first) == [old, young, unknown]
    plan = archive.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM people WHERE stage = 'member' "
        "AND birth_date IS NOT NULL ORDER BY birth_date, id"
    ).fetchall()
    assert "people_by_birth_date" in str(plan) and "TEMP B-TREE" not in str(plan)


def test_an_archive_of_the_previous_version_gets_the_index_of_its_people(tmp_path: Path) -> None:
    path = tmp_path / "old.lxdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(Database(conn), stop_before="0016_search_index")
    conn.execute(
        "INSERT INTO people (name, id_number, stage, member_category, joined_on, created_at, "
        "updated_at) VALUES ('老党员', '11010519491231002X', 'member', '正式党员', '1970-07-01', "
        "'x', 'x')"
    )
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version_before("0016_search_index")
    conn.close()
    archive = open_archive(path)
    try:
        assert archive.db.execute("PRAGMA user_version").fetchone()[0] == MIGRATION_COUNT
        assert _found(archive, "老党员") == [1]
        assert _found(archive, "1231002") == [1]
    finally:
        archive.close()
