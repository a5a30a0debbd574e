"""Membership periods (组织关系) and 停止党籍 in the archive: read in bulk, written in one transaction.

The only writer of ``membership_periods`` and ``party_standing``. Every write also brings the
``people`` roster columns (stage, left_on, left_kind, transferred_in_on, from_org, suspended_on,
restored_on) in step in the same transaction, so the roster keeps filtering on indexed columns.
Readers take many people at once (one query, not one per person): the roster has 100,000.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlite_utils import Database

from liangxin_desktop.catalog.members import MEMBER_ON, NORMAL_STANDING_ON
from liangxin_desktop.domain import membership as rules
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.domain.membership import Period, Suspension
from liangxin_desktop.domain.milestones import LEAVE_MILESTONES
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive

_CHUNK = 500


def member_on_clause(table_name: str = "people") -> str:
    """SQL: the row of ``table_name`` is a member here on a day (two "?" for that day)."""
    return MEMBER_ON.replace("people.id", f"{table_name}.id")


def counted_on_clause(table_name: str = "people") -> str:
    """SQL: a member here in normal standing on a day (four "?" for that day): 应到, votes."""
    clause = f"{MEMBER_ON} AND {NORMAL_STANDING_ON}"
    return clause.replace("people.id", f"{table_name}.id")


def _where_ids(person_ids: Sequence[int] | None) -> Iterable[tuple[str, list[int]]]:
    if person_ids is None:
        yield "", []
        return
    ids = list(person_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        yield f" WHERE person_id IN ({','.join('?' * len(chunk))})", chunk


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def periods_by_person(
    archive: Archive, person_ids: Sequence[int] | None = None
) -> dict[int, list[Period]]:
    """Everyone's periods (or those of ``person_ids``), oldest first, in one query per 500."""
    found: dict[int, list[Period]] = defaultdict(list)
    for where, params in _where_ids(person_ids):
        for person_id, start, end, kind, paid in archive.db.execute(
            "SELECT person_id, start_on, end_on, start_kind, dues_paid_until "
            f"FROM membership_periods{where} ORDER BY person_id, start_on",
            params,
        ):
            found[person_id].append(Period(date.fromisoformat(start), _day(end), kind, paid))
    return dict(found)


def suspensions_by_person(
    archive: Archive, person_ids: Sequence[int] | None = None
) -> dict[int, list[Suspension]]:
    """Everyone's 停止党籍 intervals (or those of ``person_ids``), oldest first."""
    found: dict[int, list[Suspension]] = defaultdict(list)
    for where, params in _where_ids(person_ids):
        for person_id, start, end in archive.db.execute(
            "SELECT person_id, suspended_on, restored_on "
            f"FROM party_standing{where} ORDER BY person_id, suspended_on",
            params,
        ):
            found[person_id].append(Suspension(date.fromisoformat(start), _day(end)))
    return dict(found)


def counted_months(
    archive: Archive,
    first_month: str,
    last_month: str,
    *,
    for_dues: bool = False,
    person_ids: Sequence[int] | None = None,
) -> dict[int, list[str]]:
    """Per person, the months from ``first_month`` to ``last_month`` they count here (normal
    standing on at least one day; with ``for_dues``, less months paid elsewhere). People who
    count in none of them are left out."""
    periods = periods_by_person(archive, person_ids)
    stops = suspensions_by_person(archive, list(periods))
    months = rules.dues_months if for_dues else rules.member_months
    found = {}
    for person_id, own in periods.items():
        counted = months(own, first_month, last_month, stops.get(person_id, []))
        if counted:
            found[person_id] = counted
    return found


def periods_of(archive: Archive, person_id: int) -> list[dict[str, Any]]:
    """One person's periods as full rows (介绍信 details, 回执), oldest first."""
    return list(
        archive.db.query(
            "SELECT * FROM membership_periods WHERE person_id = ? ORDER BY start_on", [person_id]
        )
    )


def standing_of(archive: Archive, person_id: int) -> list[dict[str, Any]]:
    """One person's 停止党籍 decisions as full rows, oldest first."""
    return list(
        archive.db.query(
            "SELECT * FROM party_standing WHERE person_id = ? ORDER BY suspended_on", [person_id]
        )
    )


def get_period(archive: Archive, period_id: int) -> dict[str, Any]:
    rows = list(archive.db.query("SELECT * FROM membership_periods WHERE id = ?", [period_id]))
    if not rows:
        raise InvalidValue("找不到这条组织关系记录，可能已被其他操作修改。", "请刷新列表后重试。")
    return rows[0]


def start_for_new_member(db: Database, values: Mapping[str, Any]) -> tuple[str, str]:
    """(start date, kind) of the first period of a member typed into the roster: the 转入日期
    when given, else the 入党日期 (接收) — or the organization's 成立日期 when that is later (组建)."""
    if values.get("transferred_in_on"):
        return str(values["transferred_in_on"]), "转入"
    joined = str(values["joined_on"])
    row = db.execute("SELECT founded_on FROM organization WHERE id = 1").fetchone()
    founded = row[0] if row and row[0] else None
    return (founded, "组建") if founded and founded > joined else (joined, "接收")


def open_first_period(db: Database, person_id: int, values: Mapping[str, Any]) -> None:
    """Inside the caller's transaction: the period of a member just added to the roster."""
    start, kind = start_for_new_member(db, values)
    _insert_period(
        db, person_id, start, kind, from_org=values.get("from_org") if kind == "转入" else None
    )
    sync_person(db, person_id)


def move_first_period(db: Database, person_id: int, values: Mapping[str, Any]) -> None:
    """Inside the caller's transaction: a roster edit of 入党日期/转入日期/原党组织 moves the start
    of the person's only period (later periods are 转入 records of their own)."""
    rows = db.execute(
        "SELECT id, end_on FROM membership_periods WHERE person_id = ?", [person_id]
    ).fetchall()
    if len(rows) != 1:
        return
    start, kind = start_for_new_member(db, values)
    if rows[0][1] is not None and rows[0][1] <= start:
        raise InvalidValue("开始日期晚于离开本组织的日期。", "请核对入党日期或转入日期。")
    from_org = values.get("from_org") if kind == "转入" else None
    db.execute(
        "UPDATE membership_periods SET start_on = ?, start_kind = ?, from_org = ? WHERE id = ?",
        [start, kind, from_org, rows[0][0]],
    )
    sync_person(db, person_id)


def close_period(db: Database, person_id: int, day: date, kind: str) -> None:
    """Inside the caller's transaction: end the open period (取消预备党员资格 uses this)."""
    db.execute(
        "UPDATE membership_periods SET end_on = ?, end_kind = ? WHERE person_id = ? AND end_on IS NULL",
        [day.isoformat(), kind, person_id],
    )
    sync_person(db, person_id)


def _insert_period(db: Database, person_id: int, start: str, kind: str, **extra: Any) -> int:
    values = {k: v for k, v in extra.items() if v not in (None, "")}
    row = dict(values, person_id=person_id, start_on=start, start_kind=kind)
    row["created_at"] = audit.now_text()
    columns = ", ".join(row)
    cursor = db.execute(
        f"INSERT INTO membership_periods ({columns}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    return int(cursor.lastrowid or 0)


def sync_person(db: Database, person_id: int) -> None:
    """Bring the ``people`` roster columns in step with the periods and 党籍 (same transaction)."""
    last = db.execute(
        "SELECT start_on, start_kind, from_org, end_on, end_kind FROM membership_periods "
        "WHERE person_id = ? ORDER BY start_on DESC LIMIT 1",
        [person_id],
    ).fetchone()
    stop = db.execute(
        "SELECT suspended_on, restored_on FROM party_standing WHERE person_id = ? "
        "ORDER BY suspended_on DESC LIMIT 1",
        [person_id],
    ).fetchone()
    updates: dict[str, Any] = {"suspended_on": stop[0] if stop else None}
    updates["restored_on"] = stop[1] if stop else None
    if last is not None:
        start, kind, from_org, end, end_kind = last
        updates.update(
            transferred_in_on=start if kind == "转入" else None,
            from_org=from_org if kind == "转入" else None,
            left_on=end,
            left_kind=end_kind,
            stage=("dropped" if end_kind == "取消资格" else "left") if end else "member",
        )
    db.table("people").update(person_id, dict(updates, updated_at=audit.now_text()))


def _person(db: Database, person_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT id, name, stage, joined_on FROM people WHERE id = ?", [person_id]))
    if not rows:
        raise InvalidValue("找不到这个人员，可能已被其他操作修改。", "请刷新列表后重试。")
    return rows[0]


def _check_past(day: date, today: date, label: str = "日期") -> None:
    if day > today:
        raise InvalidValue(f"{label}不能晚于今天。", "请在事情发生后再登记。")


def transfer_in(
    archive: Archive,
    person_id: int,
    day: date,
    from_org: str,
    *,
    letter_no: str = "",
    dues_paid_until: str | None = None,
    today: date | None = None,
) -> None:
    """组织关系转入 of someone already in the archive (a member who left and comes back)."""
    _check_past(day, today or date.today(), "转入日期")
    if not from_org.strip():
        raise InvalidValue("请填写原所在党组织（介绍信上的转出党组织）。")
    with archive.transaction() as db:
        person = _person(db, person_id)
        if person["joined_on"] is None or person["joined_on"] > day.isoformat():
            raise InvalidValue(f"“{person['name']}”在转入日期还不是党员，不能办理转入。")
        problem = rules.period_problem(
            periods_by_person(archive, [person_id]).get(person_id, []), Period(day)
        )
        if problem:
            raise InvalidValue(problem)
        _insert_period(
            db,
            person_id,
            day.isoformat(),
            "转入",
            from_org=from_org.strip(),
            in_letter_no=letter_no.strip(),
            dues_paid_until=dues_paid_until,
        )
        _milestone(db, person_id, "transferred_in", day, f"由：{from_org.strip()}")
        sync_person(db, person_id)
        audit.record(db, "组织关系转入", "membership_periods", person_id)


def _milestone(
    db: Database, person_id: int, kind: str, day: date, detail: str | None, note: str | None = None
) -> None:
    db.execute(
        "INSERT INTO milestones (person_id, kind, date, detail, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [person_id, kind, day.isoformat(), detail, note, audit.now_text()],
    )


def _open_period(db: Database, person: Mapping[str, Any], day: date) -> tuple[int, str]:
    row = db.execute(
        "SELECT id, start_on FROM membership_periods WHERE person_id = ? AND end_on IS NULL",
        [person["id"]],
    ).fetchone()
    if row is None:
        raise InvalidValue(f"“{person['name']}”目前不在党员名册中。", "只有在册党员可以办理离开。")
    if day.isoformat() <= row[1]:
        raise InvalidValue(
            f"离开日期应晚于在本组织的开始日期（{format_cn_date(date.fromisoformat(row[1]))}）。",
            "请核对日期。",
        )
    return int(row[0]), str(row[1])


def end_membership(
    archive: Archive,
    person_id: int,
    kind: str,
    day: date,
    details: Mapping[str, Any] | None = None,
    today: date | None = None,
) -> int:
    """End the current period by 转出, 死亡 or 出党; returns the period's id (for the 介绍信).

    ``details``: to_org, out_letter_no, letter_valid_until, out_dues_paid_until (转出);
    end_detail (除名/开除党籍/退党/劝退) and decided_by (出党); note.
    """
    details = dict(details or {})
    _check_end(kind, day, details, today or date.today())
    with archive.transaction() as db:
        person = _person(db, person_id)
        period_id, _start = _open_period(db, person, day)
        columns = {
            k: (str(v).strip() or None) if v is not None else None for k, v in details.items()
        }
        columns.update(end_on=day.isoformat(), end_kind=kind)
        assignments = ", ".join(f"{k} = ?" for k in columns)
        db.execute(
            f"UPDATE membership_periods SET {assignments} WHERE id = ?",
            [*columns.values(), period_id],
        )
        detail = _end_detail(kind, details)
        _milestone(db, person_id, LEAVE_MILESTONES[kind], day, detail, details.get("note"))
        sync_person(db, person_id)
        audit.record(db, f"党员离开（{kind}）", "people", person_id, ["stage", "left_on"])
    return period_id


def _end_detail(kind: str, details: Mapping[str, Any]) -> str | None:
    if kind == "转出":
        return f"转往：{details['to_org']}"
    if kind == "出党":
        return f"{details['end_detail']}（{details['decided_by']}决定）"
    return None


_PERIOD_COLUMNS = {
    "to_org",
    "out_letter_no",
    "letter_valid_until",
    "out_dues_paid_until",
    "end_detail",
    "decided_by",
    "note",
}


def _check_end(kind: str, day: date, details: Mapping[str, Any], today: date) -> None:
    if kind not in LEAVE_MILESTONES:
        raise InvalidValue(
            f"“{kind}”不是离开的方式。", "请选择：" + "、".join(LEAVE_MILESTONES) + "。"
        )
    unknown = set(details) - _PERIOD_COLUMNS
    if unknown:
        raise ValueError(sorted(unknown))
    _check_past(day, today, "离开日期")
    if kind == "转出":
        if not str(details.get("to_org") or "").strip():
            raise InvalidValue("组织关系转出时必须填写转往的党组织。", "请填写接收党组织的名称。")
        valid = details.get("letter_valid_until")
        problem = rules.letter_validity_problem(day, date.fromisoformat(valid)) if valid else None
        if problem:
            raise InvalidValue(f"介绍信有效期：{problem}")
    if kind == "出党":
        if details.get("end_detail") not in rules.EXPULSION_KINDS:
            raise InvalidValue("请选择出党的情形：" + "、".join(rules.EXPULSION_KINDS) + "。")
        if not str(details.get("decided_by") or "").strip():
            raise InvalidValue("请填写作出出党决定的党组织。")


def record_receipt(archive: Archive, period_id: int, day: date, today: date | None = None) -> None:
    """The 回执 of a 转出's 介绍信 came back from the receiving organization on ``day``."""
    _check_past(day, today or date.today(), "回执日期")
    period = get_period(archive, period_id)
    if period["end_kind"] != "转出":
        raise InvalidValue("只有组织关系转出才有回执。")
    if day.isoformat() < period["end_on"]:
        raise InvalidValue("回执日期早于转出日期，请核对。")
    with archive.transaction() as db:
        db.execute(
            "UPDATE membership_periods SET receipt_on = ? WHERE id = ?",
            [day.isoformat(), period_id],
        )
        audit.record(db, "登记介绍信回执", "membership_periods", period_id, ["receipt_on"])


def suspend(
    archive: Archive,
    person_id: int,
    day: date,
    reason: str,
    decided_by: str,
    today: date | None = None,
) -> None:
    """停止党籍: the member stays on the 花名册 (党籍状态 停止党籍), without vote or dues."""
    _check_past(day, today or date.today(), "停止党籍日期")
    if not reason.strip() or not decided_by.strip():
        raise InvalidValue("停止党籍须写明原因和作出决定的党组织。")
    with archive.transaction() as db:
        person = _person(db, person_id)
        periods = periods_by_person(archive, [person_id]).get(person_id, [])
        if not rules.is_member_on(periods, day):
            raise InvalidValue(f"“{person['name']}”在这一天不是本组织的党员。")
        stops = suspensions_by_person(archive, [person_id]).get(person_id, [])
        if any(s.end is None or s.end > day for s in stops):
            raise InvalidValue(f"“{person['name']}”已经停止党籍，尚未恢复。")
        db.execute(
            "INSERT INTO party_standing (person_id, suspended_on, reason, decided_by, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [person_id, day.isoformat(), reason.strip(), decided_by.strip(), audit.now_text()],
        )
        _milestone(db, person_id, "suspended", day, f"{reason.strip()}（{decided_by.strip()}决定）")
        sync_person(db, person_id)
        audit.record(db, "停止党籍", "party_standing", person_id)


def restore(
    archive: Archive, person_id: int, day: date, decided_by: str, today: date | None = None
) -> None:
    """恢复党籍: ends the open 停止党籍 of the member on ``day``."""
    _check_past(day, today or date.today(), "恢复党籍日期")
    if not decided_by.strip():
        raise InvalidValue("恢复党籍须写明作出决定的党组织。")
    with archive.transaction() as db:
        row = db.execute(
            "SELECT id, suspended_on FROM party_standing WHERE person_id = ? AND restored_on IS NULL",
            [person_id],
        ).fetchone()
        if row is None:
            raise InvalidValue("这名党员没有停止党籍，不需要恢复。")
        if day.isoformat() <= row[1]:
            raise InvalidValue("恢复党籍日期应晚于停止党籍日期。")
        db.execute(
            "UPDATE party_standing SET restored_on = ?, restored_by = ? WHERE id = ?",
            [day.isoformat(), decided_by.strip(), row[0]],
        )
        _milestone(db, person_id, "restored", day, f"{decided_by.strip()}决定")
        sync_person(db, person_id)
        audit.record(db, "恢复党籍", "party_standing", person_id)


def next_letter_number(archive: Archive, year: int) -> str:
    """The next 介绍信 number of ``year``: "2026-004" after "2026-003" (存根 and 介绍信 share it)."""
    rows = archive.db.execute(
        "SELECT out_letter_no FROM membership_periods WHERE out_letter_no LIKE ?", [f"{year}-%"]
    ).fetchall()
    numbers = [int(n[0].split("-", 1)[1]) for n in rows if n[0].split("-", 1)[1].isdigit()]
    return f"{year}-{max(numbers, default=0) + 1:03d}"


def receipts_missing(archive: Archive, today: date) -> list[dict[str, Any]]:
    """转出 whose 回执 has not come back although the 介绍信's 有效期 has passed."""
    rows = archive.db.query(
        "SELECT mp.*, p.name FROM membership_periods mp JOIN people p ON p.id = mp.person_id "
        "WHERE mp.end_kind = '转出' AND mp.receipt_on IS NULL ORDER BY mp.letter_valid_until"
    )
    return [
        row for row in rows if rules.receipt_missing(_day(row["letter_valid_until"]), None, today)
    ]
