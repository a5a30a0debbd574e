"""Rules on the organization itself: terms of office (换届) and the size of a branch.

Sources: 中国共产党支部工作条例（试行）2018, Art. 5–6 and 28 (a unit with 3 or more full members
forms its own branch; fewer → a joint branch; 7 or more full members → a branch committee; a
branch usually has no more than 50 members; 支部 and 总支 serve 3 years, 基层党委 5 years per
中国共产党基层组织选举工作条例 2020, Art. 4); DOMAIN.md "Organization rules".
"""

from __future__ import annotations

from datetime import date

from liangxin_desktop.domain import dates

TERM_REMINDER_MONTHS = 6  # remind 6 months before the term ends
OWN_BRANCH_MIN_FULL_MEMBERS = 3
COMMITTEE_MIN_FULL_MEMBERS = 7
COMMITTEE_MIN_SIZE = 3  # a 支部委员会 has 3–5 members (at most 7)
BRANCH_USUAL_MAX_MEMBERS = 50
GENERAL_BRANCH_MAX_MEMBERS = 100  # 50–100 → 党总支; 100 or more → 基层党委


def term_status(term_end: date, today: date) -> str:
    """已届满 after the end, 即将届满 within 6 months of it, else ""."""
    if term_end < today:
        return "已届满"
    if term_end <= dates.add_months(today, TERM_REMINDER_MONTHS):
        return "即将届满"
    return ""


def has_committee_by_size(full_members: int) -> bool:
    """A branch with 7 or more full members sets up a 支部委员会 (else a secretary only)."""
    return full_members >= COMMITTEE_MIN_FULL_MEMBERS


def size_findings(kind: str, full_members: int, members: int, committee_size: int) -> list[str]:
    """What the branch-size rules say about this organization (one sentence each)."""
    found = []
    if kind == "党支部" and full_members < OWN_BRANCH_MIN_FULL_MEMBERS:
        found.append(
            f"正式党员只有{full_members}名，不足{OWN_BRANCH_MIN_FULL_MEMBERS}名，"
            "应与邻近单位联合成立党支部，或请上级党组织研究。"
        )
    branch = kind in ("党支部", "联合党支部")
    if branch and has_committee_by_size(full_members) and committee_size < COMMITTEE_MIN_SIZE:
        found.append(f"正式党员已有{full_members}名（7名以上），应设立支部委员会（3至5名委员）。")
    if branch and members > BRANCH_USUAL_MAX_MEMBERS:
        bigger = "基层党委" if members >= GENERAL_BRANCH_MAX_MEMBERS else "党总支"
        found.append(
            f"党员已有{members}名，超过{BRANCH_USUAL_MAX_MEMBERS}名，可向上级党组织申请成立{bigger}。"
        )
    return found
