"""民主评议党员: each member's result (中国共产党支部工作条例（试行）Art. 19; 党员教育管理工作条例).

The results are 优秀, 合格, 基本合格, 不合格. A 不合格 member is followed up (限期改正, and the
decisions the 条例 allows); a 基本合格 member is helped to improve. The review is prepared by a
动员 at a 支部党员大会 before the review meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

RESULTS = ("优秀", "合格", "基本合格", "不合格")
DEFAULT_RESULT = "合格"
FOLLOW_UP_RESULT = "不合格"
MOBILISATION_TOPIC = "民主评议党员动员"


def results_with_exceptions(
    member_ids: Iterable[int], exceptions: Mapping[int, str]
) -> dict[int, str]:
    """ "全部合格" for ``member_ids``, with the ``exceptions`` given (person_id → result)."""
    for result in exceptions.values():
        if result not in RESULTS:
            raise ValueError(f"unknown review result {result!r}")
    return {pid: exceptions.get(pid, DEFAULT_RESULT) for pid in member_ids}


@dataclass(frozen=True)
class ReviewSummary:
    counts: dict[str, int]  # result → members, in the order of RESULTS
    follow_up: tuple[int, ...]  # 不合格: to be followed up (限期改正)

    def text(self) -> str:
        """ "优秀2人，合格10人，基本合格1人"."""
        return "，".join(f"{r}{n}人" for r, n in self.counts.items() if n)


def summarize(results: Mapping[int, str]) -> ReviewSummary:
    counts = dict.fromkeys(RESULTS, 0)
    for result in results.values():
        counts[result] += 1
    follow_up = tuple(sorted(p for p, r in results.items() if r == FOLLOW_UP_RESULT))
    return ReviewSummary(counts, follow_up)
