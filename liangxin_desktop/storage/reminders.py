"""The 首页's reminders read from the archive: the facts the reminder kinds need, and the
reminders the clerk settled (已处理) or put off (暂缓到 a day), stored in ``reminder_states``."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.domain.compliance import period_of
from liangxin_desktop.domain.months import last_complete_month
from liangxin_desktop.domain.reminders.base import (
    Facts,
    MeetingFact,
    MobileCardFact,
    Reminder,
    TransferFact,
)
from liangxin_desktop.domain.reminders.meetings import period_end
from liangxin_desktop.domain.reminders.registry import due_reminders
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, organization, pipeline
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.compliance import compliance_of
from liangxin_desktop.storage.six_month import member_flags
from liangxin_desktop.storage.study_hours import yearly_study_hours

_MEMBER_COLUMNS = (
    "id, name, sex, birth_date, joined_on, converted_on, member_category, unit, is_lost, "
    "lost_since, is_mobile, party_post, approved_on, suspended_on, restored_on"
)


def _rows(archive: Archive, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    return list(archive.db.query(sql, params or []))


def _ids(archive: Archive, sql: str, params: list[Any]) -> set[int]:
    return {int(row[0]) for row in archive.db.execute(sql, params)}


def _mobile_cards(archive: Archive) -> list[MobileCardFact]:
    entries: dict[int, dict[str, list[date]]] = defaultdict(lambda: defaultdict(list))
    for card_id, kind, day in archive.db.execute(
        "SELECT card_id, kind, entry_date FROM mobile_card_entries"
    ):
        entries[card_id][kind].append(date.fromisoformat(day))
    cards = []
    for row in _rows(
        archive,
        "SELECT id, name, away_on, returned_on, transferred_on, card_issued_on FROM mobile_cards "
        "WHERE deleted_at IS NULL AND direction = '流出'",
    ):
        cards.append(
            MobileCardFact(
                row["id"],
                row["name"],
                date.fromisoformat(row["away_on"]),
                _day(row["returned_on"]),
                _day(row["transferred_on"]),
                _day(row["card_issued_on"]),
                tuple(entries[row["id"]]["年度报告"]),
                tuple(entries[row["id"]]["年审"]),
            )
        )
    return cards


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _transfers_out(archive: Archive) -> list[TransferFact]:
    """Every 转出 with its 介绍信's 有效期 and 回执."""
    return [
        TransferFact(row[0], row[1], row[2], row[3], _day(row[4]), _day(row[5]))
        for row in archive.db.execute(
            "SELECT mp.id, mp.person_id, p.name, mp.to_org, mp.letter_valid_until, mp.receipt_on "
            "FROM membership_periods mp JOIN people p ON p.id = mp.person_id "
            "WHERE mp.end_kind = '转出' ORDER BY mp.end_on, mp.id"
        )
    ]


def _dues_facts(archive: Archive, today: date) -> dict[str, Any]:
    """Dues paid per 所属月份 since last year, the 上缴 records, and this year's 核定 and month."""
    return {
        "assessed_this_year": _ids(
            archive, "SELECT person_id FROM dues_assessments WHERE year = ?", [today.year]
        ),
        "paid_this_month": _ids(
            archive,
            "SELECT person_id FROM dues_payments WHERE month = ?",
            [today.isoformat()[:7]],
        ),
        "dues_paid_by_month": {
            month: int(fen)
            for month, fen in archive.db.execute(
                "SELECT month, sum(amount_fen) FROM dues_payments WHERE month >= ? GROUP BY month",
                [f"{today.year - 1}-01"],
            )
        },
        "remittances": [
            (date.fromisoformat(day), period)
            for day, period in archive.db.execute(
                "SELECT remitted_on, period FROM dues_remittances"
            )
        ],
    }


def _last_periods(archive: Archive, today: date) -> list[Any]:
    """三会一课 checks through the last complete period (of the year that month belongs to)."""
    year = int(last_complete_month(today)[:4])
    return list(compliance_of(archive, year, today).checks)


def _current_periods(archive: Archive, today: date) -> list[Any]:
    """三会一课 checks of the month, quarter and year under way, held as if they had ended."""
    ends = {per: period_end(period_of(today, per)) for per in ("month", "quarter", "year")}
    checked = {end: compliance_of(archive, today.year, end) for end in set(ends.values())}
    return [c for per, end in ends.items() for c in checked[end].checks if c.per == per]


def gather_facts(archive: Archive, today: date) -> Facts:
    """What the reminder kinds read, as of ``today`` (one snapshot of the archive)."""
    with archive.snapshot():
        day = today.isoformat()
        members = _rows(
            archive, f"SELECT {_MEMBER_COLUMNS} FROM people WHERE stage = 'member' ORDER BY id"
        )
        facts = Facts(
            organization=organization.get_organization(archive) or {},
            committee=organization.committee(archive),
            six_haves_missing=[h["item"] for h in organization.six_haves(archive) if not h["done"]],
            members=members,
            admitted_here=_ids(
                archive,
                "SELECT person_id FROM membership_periods WHERE start_kind = '接收' AND end_on IS NULL",
                [],
            ),
            full_members=len(
                _ids(
                    archive,
                    f"SELECT id FROM people WHERE {MEMBERS.as_of_where} "
                    "AND converted_on IS NOT NULL AND converted_on <= ?",
                    [day, day, day],
                )
            ),
            probation_ends={
                m["id"]: pipeline.probation_due(archive, m["id"])
                for m in members
                if m["member_category"] == "预备党员" and m["joined_on"]
            },
            applicants=_rows(
                archive,
                "SELECT id, name, stage, applied_on, talked_on, activist_on, candidate_on, "
                "publicity_start_on, publicity_end_on "
                "FROM activists_view WHERE stage IN ('applicant', 'activist', 'candidate')",
            ),
            six_month_flags=member_flags(archive, today),
            transfers_out=_transfers_out(archive),
            meetings=[
                MeetingFact(date.fromisoformat(d), kind, book)
                for d, kind, book in archive.db.execute(
                    "SELECT meeting_date, kind, book FROM meetings WHERE deleted_at IS NULL "
                    "AND meeting_date BETWEEN ? AND ?",
                    [f"{today.year - 1}-01-01", day],
                )
            ],
            mobile_cards=_mobile_cards(archive),
            compliance_done=_last_periods(archive, today),
            compliance_current=_current_periods(archive, today),
            study_hours=yearly_study_hours(archive, today.year),
            **_dues_facts(archive, today),
        )
    return facts


def hidden_keys(archive: Archive, today: date) -> set[str]:
    """Reminders settled (已处理) or put off to a day after ``today``."""
    return {
        key
        for key, state, until in archive.db.execute("SELECT key, state, until FROM reminder_states")
        if state == "done" or (until or "") > today.isoformat()
    }


def reminders(archive: Archive, today: date) -> list[Reminder]:
    """The 首页's list: every reminder true of the archive on ``today`` and not settled."""
    return due_reminders(gather_facts(archive, today), today, hidden_keys(archive, today))


def mark_done(archive: Archive, key: str) -> None:
    """已处理: the clerk settled it outside the archive; it stays away."""
    _store(archive, key, "done", None, "提醒已处理")


def snooze(archive: Archive, key: str, until: date, today: date) -> None:
    """暂缓到 ``until``: hidden until that day, then shown again if still true."""
    if until <= today:
        raise InvalidValue("暂缓到的日期应晚于今天。", "请选择以后的某一天。")
    _store(archive, key, "snoozed", until.isoformat(), "提醒暂缓")


def _store(archive: Archive, key: str, state: str, until: str | None, action: str) -> None:
    with archive.transaction() as db:
        db.table("reminder_states").upsert(
            {"key": key, "state": state, "until": until, "updated_at": audit.now_text()},
            pk="key",
        )
        audit.record(db, action, "reminder_states", None, [key.split("|")[0]])
