"""Who is expected at a meeting of each kind, and the counts of a meeting that do not add up.

Source: 《中国共产党支部工作条例（试行）》（2018）第十七条、第十九条 — 支部党员大会 is held for all
members, 支部委员会会议 for the committee, 党小组会 for the members of that 党小组.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

COMMITTEE, GROUP, ALL_MEMBERS = "committee", "group", "all"

EXPECTED_BY_KIND: dict[str, str] = {
    "支委会": COMMITTEE,
    "党委会": COMMITTEE,
    "党总支委员会": COMMITTEE,
    "党小组会": GROUP,
    "支部党员大会": ALL_MEMBERS,
    "党课": ALL_MEMBERS,
    "主题党日": ALL_MEMBERS,
    "组织生活会": ALL_MEMBERS,
    "民主评议党员": ALL_MEMBERS,
    "党员议事会": ALL_MEMBERS,
}


def expected_people(
    kind: str,
    group_of: Mapping[int, str | None],
    committee: set[int],
    group: str | None = None,
) -> set[int] | None:
    """The ids expected at a meeting of ``kind``; None when the kind does not say (the clerk picks).

    ``group_of`` maps every member on the meeting day to their 党小组; ``committee`` holds the ids
    of the committee on that day; ``group`` is the 党小组 holding a 党小组会."""
    who = EXPECTED_BY_KIND.get(kind)
    if who == COMMITTEE:
        return {pid for pid in group_of if pid in committee}
    if who == GROUP:
        return {pid for pid, unit in group_of.items() if unit == group} if group else None
    if who == ALL_MEMBERS:
        return set(group_of)
    return None


def count_warnings(
    present: int, vote_held: bool, vote_present: int | None, votes: Sequence[int]
) -> list[tuple[str, str]]:
    """(field key, message) for a meeting with nobody present, or votes short of those voting."""
    found = []
    if present == 0:
        found.append(
            ("attendance", "出席情况：实到 0 人。请在出席情况中选出出席的人，或确认确实无人出席。")
        )
    if vote_held and vote_present is not None and sum(votes) < vote_present:
        found.append(
            (
                "vote_yes",
                f"赞成、反对、弃权合计 {sum(votes)} 票，少于实到会有表决权的 {vote_present} 人：请核对票数。",
            )
        )
    return found
