"""历届委员会: the committee of every term with its election, as a table to print."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from liangxin_desktop.catalog.fields import Field
from liangxin_desktop.output.pdf.books import write_table
from liangxin_desktop.output.pdf.document import PageSetup
from liangxin_desktop.output.pdf.roster import TableSource
from liangxin_desktop.storage.elections import Term, term_text

TITLE = "历届党组织委员会"
HISTORY_FIELDS = (
    Field("term", "任期", width=26, print_width=3.2),
    Field("name", "姓名", width=10, print_width=1.3),
    Field("post", "职务", width=10, print_width=1.3),
    Field("election", "选举情况", width=30, print_width=3.4),
)


def _election_text(term: Term) -> str:
    if term.election is None:
        return "（换届前已在任，未登记选举）"
    e = term.election
    return f"{e['held_on']}选举：应到{e['entitled']}人，实到{e['present']}人，应选{e['seats']}名"


def history_rows(terms: list[Term]) -> list[dict[str, Any]]:
    rows = []
    for term in terms:
        for index, (name, post) in enumerate(term.members):
            first = index == 0
            rows.append(
                {
                    "term": term_text(term) if first else "",
                    "name": name,
                    "post": post,
                    "election": _election_text(term) if first else "",
                }
            )
    return rows


def write_history(
    org_name: str, terms: list[Term], today: date, target: Path | BinaryIO
) -> Path | BinaryIO:
    rows = history_rows(terms)
    source = TableSource(
        TITLE, HISTORY_FIELDS, len(rows), lambda: iter(rows), f"共 {len(terms)} 届"
    )
    return write_table(source, PageSetup("portrait", org_name, TITLE), target, today)
