"""The standard work-rule texts shipped in ``resources/rules/``, adopted into the 制度汇总册."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from liangxin_desktop import paths
from liangxin_desktop.catalog.books import WORK_RULES
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import records
from liangxin_desktop.storage.archive import Archive

ADOPTED_NOTE = "根据本程序提供的标准文本建立，请按本支部实际修改，并填写通过日期和通过会议。"


@cache
def standard_rules() -> dict[str, str]:
    """Title → full text, in the order of ``index.json``."""
    folder = paths.resources_dir() / "rules"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return {item["title"]: _body(item["title"], folder / item["file"]) for item in index}


def _body(title: str, path: Path) -> str:
    """The text without its title line (the title is a field of its own)."""
    text = path.read_text(encoding="utf-8").strip()
    first, _, rest = text.partition("\n")
    return rest.strip() if first.strip() == title else text


def standard_titles_not_adopted(archive: Archive) -> list[str]:
    present = {
        row[0]
        for row in archive.db.execute("SELECT title FROM work_rules WHERE deleted_at IS NULL")
    }
    return [title for title in standard_rules() if title not in present]


def adopt_standard(archive: Archive, title: str) -> int:
    text = standard_rules().get(title)
    if text is None:
        raise InvalidValue(f"没有名为“{title}”的标准制度。")
    return records.add_record(
        archive,
        WORK_RULES,
        {"title": title, "status": "现行有效", "body": text, "note": ADOPTED_NOTE},
    )
