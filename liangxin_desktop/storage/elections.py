"""换届选举: the election record, the new committee and term it sets, and the committee history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.election import Candidate, Outcome, count_votes, term_end
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import audit, organization
from liangxin_desktop.storage.archive import Archive


@dataclass(frozen=True)
class Term:
    """One committee term: its dates, its members, and the election that began it (if any)."""

    term_start: str
    term_end: str
    members: tuple[tuple[str, str], ...]  # (name, post)
    election: dict[str, Any] | None


def _check_counts(entitled: int, present: int, candidates: Sequence[Candidate], seats: int) -> None:
    if entitled <= 0:
        raise InvalidValue("请填写应到会有选举权的人数。")
    if not 0 <= present <= entitled:
        raise InvalidValue("实到会有选举权的人数不能多于应到人数。")
    if seats <= 0 or not candidates:
        raise InvalidValue("请填写应选名额和候选人。")
    if len(candidates) < seats:
        raise InvalidValue("候选人人数不能少于应选名额（可以实行差额选举，候选人多于应选名额）。")
    for candidate in candidates:
        if not candidate.name.strip():
            raise InvalidValue("候选人姓名不能为空。")
        if not 0 <= candidate.votes <= present:
            raise InvalidValue(f"{candidate.name}的得票数不能多于实到会有选举权的人数。")


def record_election(
    archive: Archive,
    held_on: date,
    entitled: int,
    present: int,
    candidates: Sequence[Candidate],
    seats: int,
    today: date,
    meeting_id: int | None = None,
) -> Outcome:
    """Record a 换届 election; a valid one sets the new committee and term, keeping the old one."""
    if held_on > today:
        raise InvalidValue("选举日期不能晚于今天。")
    _check_counts(entitled, present, candidates, seats)
    outcome = count_votes(entitled, present, candidates, seats)
    if not outcome.valid:
        raise InvalidValue(
            f"选举无效：实到会有选举权的{present}人未超过应到{entitled}人的五分之四。",
            "按规定到会人数超过五分之四方可进行选举，请另行召开选举大会。",
        )
    org = organization.get_organization(archive) or {}
    end = term_end(held_on, org.get("kind") or "党支部")
    with archive.transaction() as db:
        _keep_outgoing(db, org)
        election_id = (
            db.table("elections")
            .insert(
                {
                    "held_on": held_on.isoformat(),
                    "meeting_id": meeting_id,
                    "entitled": entitled,
                    "present": present,
                    "seats": seats,
                    "created_at": audit.now_text(),
                }
            )
            .last_rowid
        )
        for order, c in enumerate(candidates, start=1):
            db.table("election_candidates").insert(
                {
                    "election_id": election_id,
                    "name": c.name.strip(),
                    "post": c.post,
                    "votes": c.votes,
                    "elected": int(c in outcome.elected),
                    "sort_order": order,
                }
            )
        term_id = _insert_term(db, held_on.isoformat(), end.isoformat(), election_id)
        _set_committee(db, term_id, outcome.elected, held_on)
        if org:
            db.execute(
                "UPDATE organization SET term_start = ?, term_end = ?, updated_at = ? WHERE id = 1",
                [held_on.isoformat(), end.isoformat(), audit.now_text()],
            )
        audit.record(db, "换届选举", "elections", election_id, [f"当选{len(outcome.elected)}人"])
    return outcome


def _insert_term(db: Any, start: str | None, end: str | None, election_id: int | None) -> int:
    return int(
        db.table("committee_terms")
        .insert(
            {
                "term_start": start,
                "term_end": end,
                "election_id": election_id,
                "created_at": audit.now_text(),
            }
        )
        .last_rowid
    )


def _keep_outgoing(db: Any, org: dict[str, Any]) -> None:
    """The committee in office before the first recorded election becomes a term of the history."""
    if db.execute("SELECT 1 FROM committee_terms").fetchone():
        return
    members = db.execute(
        "SELECT name, post FROM committee_members ORDER BY sort_order, id"
    ).fetchall()
    if not members:
        return
    term_id = _insert_term(db, org.get("term_start"), org.get("term_end"), None)
    for order, (name, post) in enumerate(members, start=1):
        db.execute(
            "INSERT INTO committee_term_members (term_id, name, post, sort_order) VALUES (?, ?, ?, ?)",
            [term_id, name, post, order],
        )


def _set_committee(db: Any, term_id: int, elected: Sequence[Candidate], held_on: date) -> None:
    db.execute("DELETE FROM committee_members")
    for order, c in enumerate(elected, start=1):
        db.execute(
            "INSERT INTO committee_term_members (term_id, name, post, sort_order) VALUES (?, ?, ?, ?)",
            [term_id, c.name, c.post, order],
        )
        db.execute(
            "INSERT INTO committee_members (name, post, start_on, sort_order) VALUES (?, ?, ?, ?)",
            [c.name, c.post, held_on.isoformat(), order],
        )


def committee_history(archive: Archive) -> list[Term]:
    """Every term kept, newest first; without any election, the committee in office."""
    terms = []
    for term_id, start, end, election_id in archive.db.execute(
        "SELECT id, term_start, term_end, election_id FROM committee_terms "
        "ORDER BY term_start IS NULL, term_start DESC, id DESC"
    ).fetchall():
        members = archive.db.execute(
            "SELECT name, post FROM committee_term_members WHERE term_id = ? ORDER BY sort_order",
            [term_id],
        ).fetchall()
        election = None
        if election_id is not None:
            election = next(archive.db.query("SELECT * FROM elections WHERE id = ?", [election_id]))
        terms.append(Term(start or "", end or "", tuple(map(tuple, members)), election))
    if terms:
        return terms
    org = organization.get_organization(archive) or {}
    current = tuple((m["name"], m["post"]) for m in organization.committee(archive))
    return (
        [Term(org.get("term_start") or "", org.get("term_end") or "", current, None)]
        if current
        else []
    )


def term_text(term: Term) -> str:
    """ "2026年6月1日至2029年6月1日" (or what is known of it)."""
    start = dates.format_cn_date(term.term_start) if term.term_start else "（未填写）"
    end = dates.format_cn_date(term.term_end) if term.term_end else "（未填写）"
    return f"{start}至{end}"
