"""操作记录 as a printed table and an Excel sheet (also one sheet of a hand-over bundle)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from liangxin_desktop.catalog.fields import Field
from liangxin_desktop.output.pdf.roster import TableSource
from liangxin_desktop.output.plain_sheet import write_plain_workbook
from liangxin_desktop.storage.audit_view import AuditEntry

TITLE = "操作记录"
AUDIT_FIELDS = (
    Field("at", "时间", width=19, print_width=1.6),
    Field("register", "台账", width=16, print_width=1.6),
    Field("record", "记录", width=30, print_width=2.6),
    Field("action", "操作", width=20, print_width=1.8),
    Field("fields", "涉及栏目", width=30, print_width=2.6),
)


def period_text(start: str, end: str) -> str:
    """ "2026-01-01 至 2026-03-31", "全部" when there are no bounds."""
    return f"{start or '最早'} 至 {end or '今天'}" if start or end else "全部"


def audit_source(entries: Sequence[AuditEntry], period: str = "全部") -> TableSource:
    rows = [entry.as_row() for entry in entries]
    return TableSource(
        TITLE, AUDIT_FIELDS, len(rows), lambda: iter(rows), f"{period}，共 {len(rows)} 条操作"
    )


def write_audit_xlsx(entries: Sequence[AuditEntry], target: Path) -> Path:
    return write_plain_workbook([(TITLE, AUDIT_FIELDS, [e.as_row() for e in entries])], target)
