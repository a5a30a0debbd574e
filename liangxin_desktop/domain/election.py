"""换届选举 of a branch committee (《中国共产党基层组织选举工作条例》; domain-research §7).

- The election is valid when the voters present are **more than 4/5** of those entitled to
  vote (有选举权的到会人数超过应到会人数的五分之四，会议有效).
- A candidate is elected with **more than half** of the votes of the voters present (赞成票超过
  实到会有选举权的人数的一半，始得当选); 差额 elections (more candidates than seats) are
  allowed; when more candidates pass half than there are seats, the most votes win.
- The new committee's term starts on the election day and lasts 3 years for a 支部 or 总支,
  5 for a 基层党委 (中办《关于党的基层组织任期的意见》2018).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from liangxin_desktop.domain.dates import add_months

TERM_YEARS = {"党委": 5, "党总支": 3, "党支部": 3, "联合党支部": 3}


def is_valid(entitled: int, present: int) -> bool:
    """Present voters more than 4/5 of those entitled (integers: 5 × present > 4 × entitled)."""
    return entitled > 0 and 5 * present > 4 * entitled


def is_elected(votes: int, present: int) -> bool:
    """More than half of the voters present."""
    return 2 * votes > present


@dataclass(frozen=True)
class Candidate:
    name: str
    post: str  # 书记 / 副书记 / 委员
    votes: int


@dataclass(frozen=True)
class Outcome:
    valid: bool
    elected: tuple[Candidate, ...]  # in order of votes, at most ``seats``
    not_elected: tuple[Candidate, ...]


def count_votes(
    entitled: int, present: int, candidates: Sequence[Candidate], seats: int
) -> Outcome:
    """Who is elected: more than half of those present, the most votes first, ``seats`` at most."""
    if not is_valid(entitled, present):
        return Outcome(False, (), tuple(candidates))
    above = sorted((c for c in candidates if is_elected(c.votes, present)), key=lambda c: -c.votes)
    elected = tuple(above[:seats])
    return Outcome(True, elected, tuple(c for c in candidates if c not in elected))


def term_end(start: date, org_kind: str) -> date:
    """The day the term ends: the start + 3 years (5 for a 基层党委)."""
    return add_months(start, 12 * TERM_YEARS.get(org_kind, 3))


def is_full_term(start: date, end: date, years: int) -> bool:
    """True when ``end`` closes a term of ``years`` begun on ``start``: on the anniversary of
    the election, or on the day before it (2024-06-18 → 2027-06-17 or 2027-06-18)."""
    anniversary = add_months(start, years * 12)
    return end in (anniversary, anniversary - timedelta(days=1))
