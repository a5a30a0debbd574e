"""The demo archive keeps its own rules: only the deliberate cases are flagged."""

from __future__ import annotations

from datetime import date

from conftest import TODAY

from liangxin_desktop.demo_dues import BEHIND_MONTHS
from liangxin_desktop.storage import dues_accounts, member_review, membership
from liangxin_desktop.storage.compliance import compliance_of
from liangxin_desktop.storage.six_month import member_flags
from liangxin_desktop.storage.study_hours import yearly_study_hours


def test_three_meetings_one_lesson_are_complete_in_both_years(demo_archive) -> None:
    for year in (TODAY.year - 1, TODAY.year):
        result = compliance_of(demo_archive, year, TODAY)
        assert result.shortfalls() == [], year
    groups = {c.group for c in compliance_of(demo_archive, TODAY.year, TODAY).checks if c.group}
    assert len(groups) == 3  # every 党小组 meets, not only the first


def test_the_six_month_rule_flags_only_the_members_behind_with_dues(demo_archive) -> None:
    flags = member_flags(demo_archive, TODAY)
    assert flags and all(f.person_id % 11 == 0 for f in flags)
    # stopped paying BEHIND_MONTHS before November (not yet over): August–October
    assert {f.flag.dues.months for f in flags} == {BEHIND_MONTHS - 1}
    assert all(f.flag.attendance.months == 0 for f in flags)


def test_training_hours_reviews_dues_and_documents_keep_the_rules(demo_archive) -> None:
    last_year = TODAY.year - 1
    here = membership.counted_months(demo_archive, f"{last_year}-01", f"{last_year}-12")
    whole_year = {pid for pid, months in here.items() if len(months) == 12}  # here all year
    short = [
        h
        for h in yearly_study_hours(demo_archive, last_year)
        if h.person_id in whole_year and not h.reached
    ]
    assert short == []
    # the 民主评议 follows its 动员 at the 支部党员大会, and every member has a result
    day = demo_archive.db.execute(
        "SELECT meeting_date, id FROM meetings WHERE kind = '民主评议党员' AND meeting_date LIKE ?",
        [f"{last_year}%"],
    ).fetchone()
    mobilised = demo_archive.db.execute(
        "SELECT count(*) FROM meetings WHERE kind = '支部党员大会' AND topic LIKE '%民主评议%' AND meeting_date BETWEEN ? AND ?",
        [f"{last_year}-11-01", day[0]],
    ).fetchone()[0]
    assert mobilised == 1 and member_review.results_of(demo_archive, day[1])
    # 学位 follows 学历, some members are retired, every quarter is remitted
    mismatched = demo_archive.db.execute(
        "SELECT count(*) FROM people WHERE (degree = '学士' AND education != '大学本科') OR "
        "(degree = '硕士' AND education != '硕士研究生')"
    ).fetchone()[0]
    assert mismatched == 0
    assert (
        demo_archive.db.execute(
            "SELECT count(*) FROM people WHERE job_post = '离退休人员'"
        ).fetchone()[0]
        > 0
    )
    remitted = [
        r["period"]
        for year in (last_year, TODAY.year)
        for r in dues_accounts.money_lists(demo_archive, year)["remittances"]
    ]
    assert [p for p in remitted if p.startswith(str(last_year))] == [
        f"{last_year}年第{n}季度" for n in "一二三四"
    ]
    # the mobile member is on leave at home meetings once away; photos belong to meetings
    present_away = demo_archive.db.execute(
        "SELECT count(*) FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id "
        "JOIN people p ON p.id = a.person_id JOIN mobile_cards c ON c.name = p.name "
        "WHERE c.direction = '流出' AND m.meeting_date >= c.away_on AND a.status = '出席'"
    ).fetchone()[0]
    assert present_away == 0
    assert (
        demo_archive.db.execute(
            "SELECT count(*) FROM files WHERE book = 'photo_album' AND related_meeting IS NULL"
        ).fetchone()[0]
        == 0
    )


def test_incoming_document_numbers_rise_with_the_date(demo_archive) -> None:
    rows = demo_archive.db.execute(
        "SELECT doc_date, doc_number FROM documents WHERE direction = 'in' ORDER BY doc_date"
    ).fetchall()
    series: dict[tuple[str, str], int] = {}
    for day, number in rows:
        prefix, _, rest = number.partition("〕")
        value = int(rest.rstrip("号"))
        key = (prefix[:2], day[:4])
        assert value > series.get(key, 0), rows
        series[key] = value
    assert date.fromisoformat(rows[-1][0]) <= TODAY
