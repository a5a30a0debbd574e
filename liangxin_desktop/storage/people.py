"""People: members (and, later, applicants and activists) with their dated milestones.

The ``people`` row carries the roster fields; ``joined_on``, ``converted_on``,
``left_on``/``left_kind`` and ``stage`` are kept in step with the milestones in the
same transaction, so that the roster can be filtered and sorted by index while the
milestones remain the history. People are never deleted: members leave by a dated event.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlite_utils import Database

from liangxin_desktop.catalog.fields import Problem
from liangxin_desktop.catalog.members import MEMBERS
from liangxin_desktop.catalog.validation import Cleaned, clean_record
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import audit, membership
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.records import insert_row


def validate_member(
    archive: Archive,
    raw: Mapping[str, object],
    person_id: int | None = None,
    today: date | None = None,
) -> Cleaned:
    """Clean a member record and add the archive-wide checks (ID number not yet registered)."""
    cleaned = clean_record(MEMBERS, raw, today)
    number = cleaned.values.get("id_number")
    if number:
        other = find_by_id_number(archive, number)
        if other is not None and other["id"] != person_id:
            back = (
                "（已离开）。再次转入的，请勾选“含已离开”，选中此人后点击“组织关系转入…”"
                if other["stage"] == "left"
                else ""
            )
            cleaned.problems.append(
                Problem(
                    "id_number",
                    "公民身份号码",
                    f"这个号码已登记在“{other['name']}”名下，同一人不能重复登记{back}。",
                )
            )
    return cleaned


def find_by_id_number(archive: Archive, number: str) -> dict[str, Any] | None:
    row = archive.db.execute(
        "SELECT id, name, stage FROM people WHERE id_number = ?", [number]
    ).fetchone()
    return {"id": row[0], "name": row[1], "stage": row[2]} if row else None


def get_person(archive: Archive, person_id: int) -> dict[str, Any]:
    rows = list(archive.db.query("SELECT * FROM people WHERE id = ?", [person_id]))
    if not rows:
        raise InvalidValue("找不到这个人员，可能已被其他操作修改。", "请刷新列表后重试。")
    return rows[0]


def _ensure_unit(db: Database, unit: str | None) -> None:
    if unit:
        db.execute(
            "INSERT OR IGNORE INTO units (name, sort_order) VALUES (?, "
            "(SELECT coalesce(max(sort_order), 0) + 1 FROM units))",
            [unit],
        )


def sync_milestone(db: Database, person_id: int, kind: str, day: str | None) -> None:
    """Keep the single milestone of ``kind`` at ``day`` (removing it when the date is cleared)."""
    existing = db.execute(
        "SELECT id FROM milestones WHERE person_id = ? AND kind = ?", [person_id, kind]
    ).fetchone()
    if day is None and existing:
        db.execute("DELETE FROM milestones WHERE id = ?", [existing[0]])
    elif day is not None and existing:
        db.execute("UPDATE milestones SET date = ? WHERE id = ?", [day, existing[0]])
    elif day is not None:
        db.execute(
            "INSERT INTO milestones (person_id, kind, date, created_at) VALUES (?, ?, ?, ?)",
            [person_id, kind, day, audit.now_text()],
        )


def add_member(archive: Archive, raw: Mapping[str, object], today: date | None = None) -> int:
    """Add a member in one transaction; ValidationFailed (naming the fields) when refused."""
    cleaned = validate_member(archive, raw, today=today)
    if not cleaned.ok:
        raise ValidationFailed(cleaned.errors)
    return insert_member(archive, cleaned.values)


def insert_member(archive: Archive, cleaned_values: Mapping[str, Any]) -> int:
    """Write a member whose values ``validate_member`` accepted, with the milestones in step.

    For callers that validated first (an import checks every row before writing any).
    """
    values = dict(cleaned_values)
    stamp = audit.now_text()
    with archive.transaction() as db:
        _ensure_unit(db, values.get("unit"))
        values.update(stage="member", created_at=stamp, updated_at=stamp)
        person_id = insert_row(db, "people", values)
        sync_milestone(db, person_id, "admitted", values.get("joined_on"))
        sync_milestone(db, person_id, "converted", values.get("converted_on"))
        membership.open_first_period(db, person_id, values)
        audit.record(db, "新增党员", "people", person_id)
    return person_id


def update_member(
    archive: Archive, person_id: int, raw: Mapping[str, object], today: date | None = None
) -> list[str]:
    """Save changes in one transaction; the keys of the fields that changed."""
    cleaned = validate_member(archive, raw, person_id=person_id, today=today)
    if not cleaned.ok:
        raise ValidationFailed(cleaned.errors)
    before = get_person(archive, person_id)
    changed = [k for k, v in cleaned.values.items() if before.get(k) != v]
    if not changed:
        return []
    with archive.transaction() as db:
        _ensure_unit(db, cleaned.values.get("unit"))
        updates = {k: cleaned.values[k] for k in changed}
        updates["updated_at"] = audit.now_text()
        db.table("people").update(person_id, updates)
        sync_milestone(db, person_id, "admitted", cleaned.values.get("joined_on"))
        sync_milestone(db, person_id, "converted", cleaned.values.get("converted_on"))
        if {"joined_on", "transferred_in_on", "from_org"} & set(changed):
            membership.move_first_period(db, person_id, cleaned.values)
        audit.record(db, "修改党员", "people", person_id, changed)
    return changed


def record_leave(
    archive: Archive,
    person_id: int,
    kind: str,
    day: date,
    destination: str | None = None,
    note: str | None = None,
    today: date | None = None,
    **details: Any,
) -> int:
    """A member leaves this organization by 转出, 死亡 or 出党 (``storage.membership``); the
    record stays in history. Returns the id of the period that ended (for the 介绍信)."""
    person = get_person(archive, person_id)
    if person.get("converted_on") and day.isoformat() < person["converted_on"]:
        raise InvalidValue("离开日期早于转为正式党员日期。", "请核对日期。")
    if destination:
        details["to_org"] = destination
    if note:
        details["note"] = note
    return membership.end_membership(archive, person_id, kind, day, details, today)


def milestones_of(archive: Archive, person_id: int) -> list[dict[str, Any]]:
    return list(
        archive.db.query(
            "SELECT * FROM milestones WHERE person_id = ? ORDER BY date, id", [person_id]
        )
    )


def member_counts(archive: Archive) -> dict[str, int]:
    row = archive.db.execute(
        "SELECT count(*), sum(member_category = '正式党员'), sum(member_category = '预备党员') "
        "FROM people WHERE stage = 'member'"
    ).fetchone()
    left = archive.db.execute("SELECT count(*) FROM people WHERE stage = 'left'").fetchone()[0]
    stopped = archive.db.execute(
        "SELECT count(*) FROM people WHERE stage = 'member' AND suspended_on IS NOT NULL "
        "AND restored_on IS NULL"
    ).fetchone()[0]
    return {
        "total": row[0] or 0,
        "full": row[1] or 0,
        "probationary": row[2] or 0,
        "left": left,
        "suspended": stopped,
    }


def unit_names(archive: Archive) -> list[str]:
    return [r[0] for r in archive.db.execute("SELECT name FROM units ORDER BY sort_order, name")]
