"""流动党员登记卡 with its follow-up entries (年度报告, 年审, 联系), saved together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from liangxin_desktop.catalog.fields import Field, FieldKind, Problem, parse_value
from liangxin_desktop.catalog.mobile import ENTRY_KINDS, MOBILE_MEMBERS
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import records
from liangxin_desktop.storage.archive import Archive

_ENTRY_DATE = Field("entry_date", "日期", FieldKind.DATE)


def _clean_entries(rows: Sequence[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], list[Problem]]:
    cleaned, problems = [], []
    for index, row in enumerate(rows, start=1):
        label = f"第{index}条跟踪记录"
        try:
            day = parse_value(_ENTRY_DATE, row.get("entry_date"))
        except InvalidValue as exc:
            problems.append(Problem("entries", f"{label}的日期", exc.message()))
            continue
        kind = str(row.get("kind") or "").strip() or "联系"
        content = str(row.get("content") or "").strip()
        if day is None or not content:
            problems.append(Problem("entries", label, "请填写日期和内容。"))
        elif kind not in ENTRY_KINDS:
            problems.append(
                Problem("entries", f"{label}的类型", f"应为{'、'.join(ENTRY_KINDS)}之一。")
            )
        else:
            cleaned.append(
                {"entry_date": day, "kind": kind, "content": content, "sort_order": index}
            )
    return cleaned, problems


def entry_problems(rows: Sequence[Mapping[str, Any]]) -> list[Problem]:
    return _clean_entries(rows)[1]


def save_card(
    archive: Archive,
    raw: Mapping[str, object],
    entries: Sequence[Mapping[str, Any]] = (),
    card_id: int | None = None,
    today: date | None = None,
) -> int:
    """Add or update a card with its follow-up entries, all or nothing."""
    cleaned_entries, problems = _clean_entries(entries)
    cleaned = records.validate(MOBILE_MEMBERS, raw, today)
    if problems or not cleaned.ok:
        raise ValidationFailed(cleaned.errors + problems)
    return records.save_with_children(
        archive,
        MOBILE_MEMBERS,
        raw,
        card_id,
        {"mobile_card_entries": ("card_id", cleaned_entries)},
        today,
    )


def entries_of(archive: Archive, card_id: int) -> list[dict[str, Any]]:
    return list(
        archive.db.query(
            "SELECT entry_date, kind, content FROM mobile_card_entries WHERE card_id = ? ORDER BY entry_date, sort_order",
            [card_id],
        )
    )
