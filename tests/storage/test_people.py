"""Members: adding, editing, refusing bad records atomically, leaving, and the as-of roster."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import VALID_ID, member

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import membership, people, queries

TODAY = date(2026, 11, 28)


def _count(archive) -> int:
    return archive.db.execute("SELECT count(*) FROM people").fetchone()[0]


def test_add_member_fills_sex_and_birth_from_id_and_records_milestones(archive) -> None:
    person_id = people.add_member(archive, member(), today=TODAY)
    person = people.get_person(archive, person_id)
    assert person["sex"] == "女" and person["birth_date"] == "1949-12-31"
    assert person["stage"] == "member" and person["id_number"] == VALID_ID
    kinds = [(m["kind"], m["date"]) for m in people.milestones_of(archive, person_id)]
    assert kinds == [("admitted", "1975-07-01"), ("converted", "1976-07-01")]
    assert people.unit_names(archive) == ["第一党小组"]
    audit = archive.db.execute("SELECT action, fields FROM audit_log").fetchall()
    assert audit == [("新增党员", "")]  # the audit log never holds personal values


def test_id_number_is_normalized(archive) -> None:
    person_id = people.add_member(
        archive, member(id_number=" １１０１０５１９４９１２３１００２x ")
    )
    assert people.get_person(archive, person_id)["id_number"] == VALID_ID


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"id_number": "110105194912310021"}, "公民身份号码"),
        ({"name": ""}, "姓名：必须填写"),
        ({"sex": "男"}, "性别：与公民身份号码不符"),
        ({"member_category": "预备党员"}, "人员类别"),
        ({"joined_on": "1960-07-01", "converted_on": "1961-07-01"}, "未满18周岁"),
        ({"converted_on": "1970-01-01"}, "不能早于加入党组织日期"),
        ({"phone": "12345"}, "联系电话"),
        ({"ethnicity": "火星族"}, "民族"),
    ],
)
def test_bad_member_is_refused_naming_the_field(archive, overrides, fragment) -> None:
    with pytest.raises(ValidationFailed) as caught:
        people.add_member(archive, member(**overrides), today=TODAY)
    assert fragment in caught.value.headline
    assert _count(archive) == 0


def test_same_id_number_cannot_be_registered_twice(archive) -> None:
    people.add_member(archive, member(), today=TODAY)
    with pytest.raises(ValidationFailed, match="已登记在“王秀英”名下"):
        people.add_member(archive, member(name="王秀英二"), today=TODAY)
    assert _count(archive) == 1


def test_a_failed_write_leaves_nothing_behind(archive, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise OSError("disk went away")

    monkeypatch.setattr(people, "sync_milestone", broken)
    with pytest.raises(OSError):
        people.add_member(archive, member(), today=TODAY)
    assert _count(archive) == 0
    assert archive.db.execute("SELECT count(*) FROM units").fetchone()[0] == 0
    assert archive.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_update_changes_only_what_changed(archive) -> None:
    person_id = people.add_member(archive, member(), today=TODAY)
    people.update_member(
        archive,
        person_id,
        member(phone="0571-88886666", joined_on="1975-08-01", converted_on="1976-08-01"),
        today=TODAY,
    )
    person = people.get_person(archive, person_id)
    assert person["phone"] == "0571-88886666"
    dates = {m["kind"]: m["date"] for m in people.milestones_of(archive, person_id)}
    assert dates == {"admitted": "1975-08-01", "converted": "1976-08-01"}
    fields = archive.db.execute(
        "SELECT fields FROM audit_log WHERE action = '修改党员'"
    ).fetchone()[0]
    assert set(fields.split(",")) == {"phone", "joined_on", "converted_on"}


def test_leaving_removes_from_current_roster_but_keeps_history(archive) -> None:
    stays = people.add_member(archive, member(), today=TODAY)
    leaves = people.add_member(
        archive,
        member(
            name="李强",
            id_number="440524188001010014",
            joined_on="1950-07-01",
            converted_on="1951-07-01",
        ),
        today=TODAY,
    )
    people.record_leave(archive, leaves, "转出", date(2020, 5, 1), "中共某某委员会", today=TODAY)
    current = queries.list_ids(archive, MEMBERS)
    history = queries.list_ids(archive, MEMBERS, queries.RowFilter(include_left=True))
    then = queries.list_ids(archive, MEMBERS, queries.RowFilter(as_of=date(2019, 12, 31)))
    after = queries.list_ids(archive, MEMBERS, queries.RowFilter(as_of=date(2020, 5, 1)))
    assert current == [stays] and sorted(history) == sorted([stays, leaves])
    assert sorted(then) == sorted([stays, leaves]) and after == [stays]
    assert people.milestones_of(archive, leaves)[-1]["kind"] == "transferred_out"
    assert people.member_counts(archive) == {
        "total": 1,
        "full": 1,
        "probationary": 0,
        "left": 1,
        "suspended": 0,
    }


@pytest.mark.parametrize(
    ("kind", "day", "destination", "fragment"),
    [
        ("转出", date(2020, 1, 1), None, "必须填写转往的党组织"),
        ("死亡", date(2027, 1, 1), None, "不能晚于今天"),
        ("死亡", date(1976, 1, 1), None, "早于转为正式党员日期"),
        ("退休", date(2020, 1, 1), None, "不是离开的方式"),
    ],
)
def test_leaving_refusals(archive, kind, day, destination, fragment) -> None:
    person_id = people.add_member(archive, member(), today=TODAY)
    with pytest.raises(InvalidValue, match=fragment):
        people.record_leave(archive, person_id, kind, day, destination, today=TODAY)
    assert people.get_person(archive, person_id)["stage"] == "member"


def test_search_and_sort(demo_archive) -> None:
    some = people.get_person(demo_archive, queries.list_ids(demo_archive, MEMBERS)[5])
    by_name = queries.list_ids(demo_archive, MEMBERS, queries.RowFilter(search=some["name"]))
    by_id = queries.list_ids(
        demo_archive, MEMBERS, queries.RowFilter(search=some["id_number"][-6:])
    )
    by_phone = queries.list_ids(demo_archive, MEMBERS, queries.RowFilter(search=some["phone"]))
    assert some["id"] in by_name and by_id == [some["id"]] and some["id"] in by_phone
    assert queries.list_ids(demo_archive, MEMBERS, queries.RowFilter(search="100%_不存在")) == []
    oldest_first = queries.list_ids(
        demo_archive, MEMBERS, queries.RowFilter(sort_key="age", descending=True)
    )
    births = [people.get_person(demo_archive, i)["birth_date"] for i in oldest_first]
    assert births == sorted(births)


def test_as_of_roster_shows_the_category_and_standing_of_that_day(archive) -> None:
    from liangxin_desktop.catalog.fields import Field

    person_id = people.add_member(
        archive, member(joined_on="2021-07-01", converted_on="2022-07-01"), today=TODAY
    )
    membership.suspend(archive, person_id, date(2024, 3, 1), "失联满6个月", "本支部", today=TODAY)
    row = people.get_person(archive, person_id)
    category: Field = MEMBERS.field("member_category")
    standing: Field = MEMBERS.field("party_standing")
    assert category.compute(row, date(2021, 12, 31)) == "预备党员"  # type: ignore[misc]
    assert category.compute(row, date(2023, 1, 1)) == "正式党员"  # type: ignore[misc]
    assert standing.compute(row, date(2023, 12, 31)) == "正常"  # type: ignore[misc]
    assert standing.compute(row, date(2024, 3, 1)) == "停止党籍"  # type: ignore[misc]
    assert queries.list_ids(archive, MEMBERS) == [person_id]  # stays on the 花名册
    as_of = queries.RowFilter(as_of=date(2024, 6, 30))
    assert queries.list_ids(archive, MEMBERS, as_of) == [person_id]
