"""Reminders read from a hand-built archive: each appears when true, and goes when settled or put off."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from helpers import member

from liangxin_desktop import app
from liangxin_desktop.domain.codes import SIX_HAVES
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import dues, mobile, organization, people, pipeline_steps
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.reminders import mark_done, reminders, snooze
from liangxin_desktop.storage.study_hours import yearly_study_hours

ID_A = "110105199005010018"
ID_B = "110105199106020020"


def _profile(archive: Archive, **values: object) -> None:
    profile = {"name": "中共测试有限公司支部委员会", "kind": "党支部"}
    profile.update(values)
    organization.save_profile(archive, profile, today=date(2026, 1, 1))


def _kinds(archive: Archive, today: date) -> list[str]:
    return [item.kind for item in reminders(archive, today)]


def test_probation_reminder_goes_once_the_conversion_is_recorded(archive: Archive) -> None:
    _profile(archive)
    person_id = people.add_member(
        archive,
        member(
            name="陈国栋",
            id_number=ID_A,
            member_category="预备党员",
            joined_on="2025-12-20",
            converted_on=None,
        ),
        today=date(2026, 1, 1),
    )
    assert "probation" not in _kinds(archive, date(2026, 11, 19))
    found = [r for r in reminders(archive, date(2026, 11, 20)) if r.kind == "probation"]
    assert [(r.person, r.due, r.urgency.value) for r in found] == [
        ("陈国栋", date(2026, 12, 20), "即将")
    ]
    assert [
        r.urgency.value for r in reminders(archive, date(2026, 12, 28)) if r.kind == "probation"
    ] == ["逾期"]
    pipeline_steps.convert(
        archive, person_id, date(2026, 12, 22), date(2026, 12, 20), today=date(2026, 12, 28)
    )  # the 支部大会 two days late: 转正日期 is still the end of the 预备期
    assert "probation" not in _kinds(archive, date(2026, 12, 28))


def test_snoozed_until_a_day_and_done_for_good(archive: Archive) -> None:
    _profile(archive, term_start="2024-03-01", term_end="2027-03-01")
    today = date(2026, 11, 28)
    term = next(r for r in reminders(archive, today) if r.kind == "re_election")
    assert term.urgency.value == "即将"
    with pytest.raises(InvalidValue):
        snooze(archive, term.key, today, today)
    snooze(archive, term.key, date(2026, 12, 15), today)
    assert "re_election" not in _kinds(archive, today)
    assert "re_election" not in _kinds(archive, date(2026, 12, 14))
    assert "re_election" in _kinds(archive, date(2026, 12, 15))
    mark_done(archive, term.key)
    assert "re_election" not in _kinds(archive, date(2026, 12, 15))
    assert "re_election" not in _kinds(archive, date(2027, 3, 2))  # the same term end: done


def test_dues_and_six_haves_follow_the_records(archive: Archive) -> None:
    _profile(archive)
    organization.save_profile(
        archive,
        {"name": "中共测试有限公司支部委员会", "kind": "党支部"},
        haves=[
            {"item": item, "done": 1}
            for item in ("党员活动室", "挂牌", "党旗党徽", "制度上墙", "设备")
        ],
        today=date(2026, 1, 1),
    )
    first = people.add_member(
        archive,
        member(id_number=ID_A, name="甲", joined_on="2015-07-01", converted_on="2016-07-01"),
        today=date(2026, 1, 1),
    )
    second = people.add_member(
        archive,
        member(id_number=ID_B, name="乙", joined_on="2015-07-01", converted_on="2016-07-01"),
        today=date(2026, 1, 1),
    )
    today = date(2026, 11, 10)
    messages = {r.kind: r.message for r in reminders(archive, today)}
    assert "2名党员还没有2026年度党费核定" in messages["dues_assessment"]
    assert "“六有”尚未达标：有党员学习资料" in messages["six_haves"]
    for person_id in (first, second):
        dues.assess(archive, person_id, 2026, "在职", 300000)
    dues.record_payments(archive, [first], ["2026-11"], date(2026, 11, 5), today=today)
    messages = {r.kind: r.message for r in reminders(archive, today)}
    assert "dues_assessment" not in messages
    assert "还有1名党员的党费未登记（乙）" in messages["dues_month"]
    dues.record_payments(archive, [second], ["2026-11"], date(2026, 11, 6), today=today)
    assert "dues_month" not in _kinds(archive, today)


def test_mobile_card_reminders(archive: Archive) -> None:
    _profile(archive)
    card = {"direction": "流出", "name": "卢飞", "id_number": ID_A, "away_on": "2026-04-05"}
    card_id = mobile.save_card(archive, card, today=date(2026, 5, 1))
    assert "mobile_transfer" not in _kinds(archive, date(2026, 10, 4))
    assert "mobile_transfer" in _kinds(archive, date(2026, 10, 5))
    mobile.save_card(
        archive, dict(card, returned_on="2026-09-30"), card_id=card_id, today=date(2026, 10, 5)
    )
    assert "mobile_transfer" not in _kinds(archive, date(2026, 10, 5))


def test_todo_json_on_the_command_line(
    archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    _profile(archive, term_start="2023-06-01", term_end="2026-06-01")
    path = archive.path
    archive.close()
    assert app.main(["todo", "--data", str(path), "--today", "2026-11-28", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    term = next(item for item in items if item["kind"] == "re_election")
    assert term == {
        "kind": "re_election",
        "urgency": "逾期",
        "due": "2026-06-01",
        "person": None,
        "record": {"register": "organization", "id": None},
        "message": "本届任期已于2026年6月1日届满，请向上级党组织报告并及时换届选举。",
    }
    assert set(items[0]) == {"kind", "urgency", "due", "person", "record", "message"}


def test_a_wrong_today_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        app.main(["todo", "--data", str(tmp_path / "x.lxdb"), "--today", "2026-02-30"])
    assert stopped.value.code == 2
    assert "“今天”的日期不对" in capsys.readouterr().err


def test_an_archive_of_the_previous_version_gains_the_reminder_states(tmp_path: Path) -> None:
    import sqlite3

    from sqlite_utils import Database

    from liangxin_desktop.storage.archive import APPLICATION_ID, open_archive
    from liangxin_desktop.storage.migrations import migrations

    path = tmp_path / "old.lxdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(Database(conn), stop_before="0013_reminders")
    conn.execute(
        "INSERT INTO organization (id, name, kind, term_end, updated_at) "
        "VALUES (1, '中共旧版支部委员会', '党支部', '2026-06-30', 'x')"
    )
    conn.commit()
    conn.close()
    archive = open_archive(path)
    try:
        item = next(r for r in reminders(archive, date(2026, 11, 28)) if r.kind == "re_election")
        mark_done(archive, item.key)
        assert "re_election" not in _kinds(archive, date(2026, 11, 28))
    finally:
        archive.close()


def test_todo_on_the_demo_archive_lists_only_what_is_true(
    demo_archive: Archive, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import TODAY

    path = demo_archive.path
    demo_archive.close()
    assert app.main(["todo", "--data", str(path), "--today", TODAY.isoformat(), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items, "the demo has something due"
    reopened = open_archive_for_check(path)
    for item in items:
        assert _is_true(reopened, item), item
    reopened.close()


def open_archive_for_check(path: Path) -> Archive:
    from liangxin_desktop.storage.archive import open_archive

    return open_archive(path, create=False)


def _is_true(archive: Archive, item: dict) -> bool:
    """Each kind checked straight against the records, not through the reminder code."""
    db, kind = archive.db, item["kind"]
    if kind == "mobile_transfer":
        away = db.execute(
            "SELECT away_on FROM mobile_cards WHERE id = ? AND returned_on IS NULL",
            [item["record"]["id"]],
        ).fetchone()[0]
        return away <= "2026-05-28"  # six months before 2026-11-28
    if kind == "dues_month":
        unpaid = db.execute(
            "SELECT count(*) FROM people p JOIN dues_assessments a ON a.person_id = p.id AND a.year = 2026 "
            "WHERE p.stage = 'member' AND NOT EXISTS (SELECT 1 FROM dues_payments d "
            "WHERE d.person_id = p.id AND d.month = '2026-11')"
        ).fetchone()[0]
        return f"还有{unpaid}名党员" in item["message"]
    if kind == "political_birthday":
        joined = db.execute(
            "SELECT joined_on FROM people WHERE id = ?", [item["record"]["id"]]
        ).fetchone()[0]
        return joined[5:7] == "11"
    if kind == "study_hours":  # counted again from the records with 学时
        here = {r[0] for r in db.execute("SELECT id FROM people WHERE stage = 'member'")}
        hours = yearly_study_hours(archive, 2026)
        short = [h for h in hours if h.person_id in here and not h.reached]
        return bool(short) and item["message"].startswith(f"{len(short)}名党员2026年度学时未达标")
    if kind == "six_haves":
        done = {r[0] for r in db.execute("SELECT item FROM six_haves WHERE done = 1")}
        missing = [have for have in SIX_HAVES if have not in done]
        return bool(missing) and all(have in item["message"] for have in missing)
    if kind == "probation":
        row = db.execute(
            "SELECT member_category FROM people WHERE id = ?", [item["record"]["id"]]
        ).fetchone()
        return row[0] == "预备党员"
    if kind == "re_election":  # the term ends within six months of 2026-11-28
        term_end = db.execute("SELECT term_end FROM organization").fetchone()[0]
        return term_end == item["due"] and term_end <= "2027-05-28"
    if kind == "six_month":  # the rule's own cases are tested with domain/six_month
        return "连续" in item["message"] and item["record"]["register"] == "members"
    if kind == "meetings_due":  # nothing of that kind held yet in the period under way
        period, rest = item["message"].split("还没有召开")
        label = {"民主评议": "民主评议党员"}.get(rest.split("（")[0], rest.split("（")[0])
        start = {"2026年度": "2026-01-01", "2026年第四季度": "2026-10-01"}.get(period, "2026-11-01")
        held = db.execute(
            "SELECT count(*) FROM meetings WHERE kind = ? AND meeting_date >= ? AND deleted_at IS NULL",
            [label, start],
        ).fetchone()[0]
        return held == 0
    return _is_true_of_membership(archive, item)


def _is_true_of_membership(archive: Archive, item: dict) -> bool:
    """The kinds of issue 11's records (组织关系, 党籍, 审批, 公示, 上缴), against the tables."""
    db, kind, person_id = archive.db, item["kind"], (item["record"] or {}).get("id")
    if kind == "receipt_missing":  # a 转出 whose letter expired before 2026-11-28, no 回执
        rows = db.execute(
            "SELECT letter_valid_until FROM membership_periods WHERE person_id = ? "
            "AND end_kind = '转出' AND receipt_on IS NULL",
            [person_id],
        ).fetchall()
        return any(row[0] == item["due"] and row[0] < "2026-11-28" for row in rows)
    if kind == "approval":  # a 预备党员 admitted here more than 3 months ago, no 审批
        row = db.execute(
            "SELECT member_category, joined_on, approved_on FROM people WHERE id = ?", [person_id]
        ).fetchone()
        return row[0] == "预备党员" and row[1] < "2026-08-28" and row[2] is None
    if kind == "lost_contact":
        row = db.execute(
            "SELECT is_lost, lost_since, suspended_on FROM people WHERE id = ?", [person_id]
        ).fetchone()
        return bool(row[0]) and row[1] <= "2026-05" and row[2] is None
    if kind == "dues_remittance":  # 2026年第三季度: dues paid for its months, no 上缴 naming it
        paid = db.execute(
            "SELECT count(*) FROM dues_payments WHERE month BETWEEN '2026-07' AND '2026-09'"
        ).fetchone()[0]
        named = db.execute(
            "SELECT count(*) FROM dues_remittances WHERE period LIKE '%2026年第三季度%' "
            "OR (period IS NULL AND remitted_on > '2026-09-30')"
        ).fetchone()[0]
        return paid > 0 and named == 0
    return False  # a kind the demo should not have: look at it before adding it here


YOUNG_ID = "110105200001010016"


def _full_member(archive: Archive, name: str, today: date, **extra: object) -> int:
    values = member(id_number=ID_A, name=name, joined_on="2015-07-01", converted_on="2016-07-01")
    return people.add_member(archive, dict(values, **extra), today=today)


def _candidate(archive: Archive) -> int:
    from liangxin_desktop.storage import pipeline

    today = date(2026, 11, 20)
    applicant = {"name": "郑国刚", "id_number": YOUNG_ID, "applied_on": "2024-03-01",
                 "talked_on": "2024-03-15", "political_status": "共青团员"}  # fmt: skip
    person_id = pipeline.add_applicant(archive, applicant, today)
    pipeline.make_activist(archive, person_id, date(2024, 5, 10), "", today)
    pipeline.make_candidate(archive, person_id, date(2025, 6, 1), today)
    return person_id


def test_publicity_then_the_branch_meeting_then_the_approval(archive: Archive) -> None:
    from liangxin_desktop.storage import pipeline

    _profile(archive)
    person_id = _candidate(archive)
    pipeline_steps.record_publicity(
        archive, person_id, date(2026, 6, 8), date(2026, 6, 12), today=date(2026, 6, 12)
    )
    assert {"publicity", "publicity_done"} & set(_kinds(archive, date(2026, 6, 7))) == set()
    assert "publicity" in _kinds(archive, date(2026, 6, 10))
    over = [r for r in reminders(archive, date(2026, 6, 15)) if r.kind == "publicity_done"]
    assert [(r.person, r.due) for r in over] == [("郑国刚", date(2026, 6, 12))]
    assert "publicity" not in _kinds(archive, date(2026, 6, 15))
    pipeline.admit(archive, person_id, date(2026, 6, 16), date(2026, 6, 16))
    assert "publicity_done" not in _kinds(archive, date(2026, 6, 17))
    assert "approval" not in _kinds(archive, date(2026, 9, 16))  # 3 months to the day
    late = [r for r in reminders(archive, date(2026, 9, 17)) if r.kind == "approval"]
    assert [(r.person, r.urgency.value, r.due) for r in late] == [
        ("郑国刚", "逾期", date(2026, 9, 16))
    ]
    pipeline_steps.approve(archive, person_id, date(2026, 9, 20), "中共某区综合委员会",
                           today=date(2026, 9, 20))  # fmt: skip
    assert "approval" not in _kinds(archive, date(2026, 12, 17))


def test_receipt_reminder_goes_once_the_receipt_is_recorded(archive: Archive) -> None:
    from liangxin_desktop.storage import membership

    _profile(archive)
    person_id = _full_member(archive, "段雨华", date(2026, 1, 1))
    details = {"to_org": "中共某公司支部委员会", "out_letter_no": "2026-001",
               "letter_valid_until": "2026-12-03"}  # fmt: skip
    period_id = membership.end_membership(
        archive, person_id, "转出", date(2026, 11, 3), details, today=date(2026, 11, 3)
    )
    assert "receipt_missing" not in _kinds(archive, date(2026, 12, 3))
    found = [r for r in reminders(archive, date(2026, 12, 4)) if r.kind == "receipt_missing"]
    assert [(r.person, r.due) for r in found] == [("段雨华", date(2026, 12, 3))]
    assert found[0].record is not None and found[0].record.record_id == person_id
    membership.record_receipt(archive, period_id, date(2026, 12, 5), today=date(2026, 12, 5))
    assert "receipt_missing" not in _kinds(archive, date(2026, 12, 5))


def test_lost_contact_then_suspended_then_restored(archive: Archive) -> None:
    from liangxin_desktop.storage import membership

    _profile(archive)
    person_id = _full_member(archive, "郝磊", date(2024, 5, 1), is_lost=1, lost_since="2024-04")
    assert "lost_contact" not in _kinds(archive, date(2024, 9, 30))
    assert "lost_contact" in _kinds(archive, date(2024, 10, 1))
    membership.suspend(archive, person_id, date(2024, 10, 8), "失联满6个月", "本支部委员会",
                       today=date(2024, 10, 8))  # fmt: skip
    assert "lost_contact" not in _kinds(archive, date(2024, 10, 8))
    assert "long_suspended" not in _kinds(archive, date(2026, 10, 7))
    found = [r for r in reminders(archive, date(2026, 10, 8)) if r.kind == "long_suspended"]
    assert [(r.person, r.due) for r in found] == [("郝磊", date(2026, 10, 8))]
    membership.restore(archive, person_id, date(2026, 10, 9), "本支部委员会",
                       today=date(2026, 10, 9))  # fmt: skip
    assert {"long_suspended"} & set(_kinds(archive, date(2026, 10, 9))) == set()


def test_remittance_reminder_for_the_last_complete_quarter(archive: Archive) -> None:
    from liangxin_desktop.storage import dues_accounts

    _profile(archive)
    person_id = _full_member(archive, "甲", date(2026, 1, 1))
    dues.assess(archive, person_id, 2026, "在职", 300000)
    dues.record_payments(archive, [person_id], ["2026-07", "2026-08", "2026-09"],
                         date(2026, 9, 20), today=date(2026, 9, 20))  # fmt: skip
    assert "dues_remittance" not in _kinds(archive, date(2026, 9, 29))  # Q3 not over
    found = [r for r in reminders(archive, date(2026, 10, 8)) if r.kind == "dues_remittance"]
    assert [(r.urgency.value, r.due) for r in found] == [("本月", date(2026, 10, 31))]
    assert "2026年第三季度收缴的党费45.00元还没有上缴记录" in found[0].message
    dues_accounts.remit(archive, date(2026, 10, 9), 4500, "2026年第三季度", "综合党委")
    assert "dues_remittance" not in _kinds(archive, date(2026, 10, 9))
