"""学时: each member's yearly training hours against the target (全国党员教育培训工作规划).

The 2019–2023 规划 asks ≥ 32 学时 a year of every member and ≥ 56 of the 书记 and committee
members (domain-research §3 "Training hours"); both are settings (``RuleSettings``). A member's
hours are the 学时 of the training and study records they attended (出席), summed per year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class StudyHours:
    """One member's 学时 for a year."""

    person_id: int
    name: str
    hours: float
    target: int
    is_leader: bool  # 书记 or committee member (the higher target)

    @property
    def short(self) -> float:
        """学时 still missing to reach the target (0 when reached)."""
        return max(self.target - self.hours, 0.0)

    @property
    def reached(self) -> bool:
        return self.hours >= self.target


def study_hours(
    members: Iterable[tuple[int, str, bool]],
    attended: Iterable[tuple[int, float]],
    target: int = 32,
    leader_target: int = 56,
) -> list[StudyHours]:
    """Each member's total from ``attended`` (person_id, 学时 of one record attended).

    ``members``: (person_id, name, is_leader), in the order the result keeps.
    """
    totals: dict[int, float] = {}
    for person_id, hours in attended:
        totals[person_id] = totals.get(person_id, 0.0) + hours
    return [
        StudyHours(pid, name, totals.get(pid, 0.0), leader_target if leader else target, leader)
        for pid, name, leader in members
    ]
