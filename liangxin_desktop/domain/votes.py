"""The branch vote on admitting or converting a member, with 书面意见 (written opinions).

发展党员工作细则 (2014), 支部大会讨论接收预备党员: 有表决权的到会人数必须超过应到会有表决权人数的
半数; 赞成人数超过应到会有表决权人数的半数才能通过; 因故不能到会的有表决权的党员，在支部大会召开
前正式向党支部提出书面意见的，应当统计在票数内. Probationary members and members whose 党籍 is
stopped have no vote (DOMAIN.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vote:
    entitled: int  # 应到会有表决权人数
    present: int  # 实到会有表决权人数
    yes: int  # 赞成 (present and written)
    no: int = 0
    abstain: int = 0
    written: int = 0  # 书面意见: absent voting members who sent a written opinion


def vote_problems(vote: Vote) -> list[tuple[str, str]]:
    """(field, message) for counts that cannot be: the votes of those present plus the written
    opinions cannot exceed the voters; written opinions come from the absent only."""
    found = []
    if vote.present > vote.entitled:
        found.append(("vote_present", "不能多于应到会有表决权人数。"))
    if vote.written > vote.entitled - vote.present:
        found.append(("vote_written", "书面意见只来自未到会的有表决权党员，不能多于未到会人数。"))
    voters = vote.present + vote.written
    if vote.yes + vote.no + vote.abstain > voters:
        found.append(
            (
                "vote_yes",
                f"赞成、反对、弃权合计 {vote.yes + vote.no + vote.abstain} 票，多于实到会有表决权的"
                f" {vote.present} 人与书面意见 {vote.written} 份之和。",
            )
        )
    return found


def is_valid(vote: Vote) -> bool:
    """有效: those present with a vote are more than half of those entitled."""
    return vote.entitled > 0 and vote.present * 2 > vote.entitled


def is_passed(vote: Vote) -> bool:
    """通过: valid, and yes (present and written opinions) more than half of those entitled."""
    return is_valid(vote) and vote.yes * 2 > vote.entitled


def result_text(vote: Vote) -> str:
    if not is_valid(vote):
        return "无效（到会不足半数）"
    return "通过" if is_passed(vote) else "未通过"
