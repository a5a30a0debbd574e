"""The organization profile, its committee, the 六有 checklist and the units inside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind, Problem, parse_value
from liangxin_desktop.catalog.organization import COMMITTEE, ORGANIZATION
from liangxin_desktop.catalog.validation import clean_record
from liangxin_desktop.domain import codes
from liangxin_desktop.errors import ValidationFailed
from liangxin_desktop.storage import audit
from liangxin_desktop.storage.archive import Archive


def get_organization(archive: Archive) -> dict[str, Any] | None:
    rows = list(archive.db.query("SELECT * FROM organization WHERE id = 1"))
    return rows[0] if rows else None


def organization_name(archive: Archive) -> str:
    org = get_organization(archive)
    return org["name"] if org else ""


def committee(archive: Archive) -> list[dict[str, Any]]:
    return list(archive.db.query("SELECT * FROM committee_members ORDER BY sort_order, id"))


def six_haves(archive: Archive) -> list[dict[str, Any]]:
    stored = {r["item"]: r for r in archive.db.query("SELECT * FROM six_haves")}
    return [
        stored.get(item, {"item": item, "done": 0, "done_on": None, "note": None})
        for item in codes.SIX_HAVES
    ]


def committee_ids_on(archive: Archive, day: date) -> set[int]:
    """Roster ids of the committee serving on ``day``: the linked row, else the one member of that name."""
    rows = archive.db.execute(
        "SELECT coalesce(c.person_id, (SELECT min(p.id) FROM people p WHERE p.name = c.name "
        "HAVING count(*) = 1)) FROM committee_members c "
        "WHERE (c.start_on IS NULL OR c.start_on <= ?) AND (c.end_on IS NULL OR c.end_on >= ?)",
        [day.isoformat(), day.isoformat()],
    )
    return {row[0] for row in rows if row[0] is not None}


def save_profile(
    archive: Archive,
    profile: Mapping[str, object],
    members: Sequence[Mapping[str, object]] = (),
    haves: Sequence[Mapping[str, object]] = (),
    today: date | None = None,
) -> None:
    """Validate everything first, then write profile, committee and 六有 in one transaction."""
    cleaned = clean_record(ORGANIZATION, profile, today)
    problems = list(cleaned.errors)
    committee_rows = []
    for index, member in enumerate(members, start=1):
        checked = clean_record(COMMITTEE, member, today)
        problems += [_numbered(p, index) for p in checked.errors]
        committee_rows.append(
            dict(checked.values, sort_order=index, person_id=member.get("person_id") or None)
        )
    if problems:
        raise ValidationFailed(problems)
    with archive.transaction() as db:
        values = dict(cleaned.values, id=1, updated_at=audit.now_text())
        db.table("organization").upsert(values, pk="id")
        db.execute("DELETE FROM committee_members")
        for row in committee_rows:
            db.table("committee_members").insert(row)
        for have in haves:
            db.table("six_haves").upsert(_have_row(have), pk="item")
        audit.record(db, "保存党组织基本情况", "organization", 1, list(cleaned.values))


def _numbered(problem: Problem, index: int) -> Problem:
    return Problem(problem.field_key, f"第{index}位委员的{problem.label}", problem.message)


_DONE_ON = Field("done_on", "日期", FieldKind.DATE)


def _have_row(have: Mapping[str, object]) -> dict[str, Any]:
    done_on = parse_value(_DONE_ON, have.get("done_on"))
    return {
        "item": have["item"],
        "done": 1 if have.get("done") else 0,
        "done_on": done_on,
        "note": (str(have.get("note") or "").strip() or None),
    }
