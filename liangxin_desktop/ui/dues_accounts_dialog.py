"""返还/下拨 received from the superior, and the yearly 党费收缴情况公示 printout."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.validation import Cleaned, clean_fields
from liangxin_desktop.domain.dues import format_fen
from liangxin_desktop.output.dues_notice import write_dues_notice
from liangxin_desktop.storage import dues, dues_accounts
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name
from liangxin_desktop.ui.record_dialog import RecordDialog, Section
from liangxin_desktop.ui.save_target import save_as

RETURN_FIELDS = (
    Field("received_on", "收到日期", K.DATE, required=True),
    Field("kind", "类型", K.CHOICE, required=True, choices=dues_accounts.RETURN_KINDS),
    Field("amount", "金额（元）", K.MONEY, required=True),
    Field("source", "拨付单位", help="例如：上级党委组织部"),
    Field("purpose", "用途", help="例如：党员教育培训、慰问困难党员"),
)


def _clean(raw: dict[str, Any]) -> Cleaned:
    return clean_fields(RETURN_FIELDS, raw)


def _received_so_far(archive: Archive, year: int) -> Section:
    rows = dues_accounts.money_lists(archive, year)["returns"]
    text = "；".join(
        f"{r['received_on']} {r['kind']} {format_fen(r['amount_fen'])}元" for r in rows
    )
    info = Section()
    label = QLabel(f"{year}年度已收到：{text or '无'}")
    label.setWordWrap(True)
    QVBoxLayout(info).addWidget(label)
    return info


def ask_return(parent: QWidget, archive: Archive, year: int) -> int | None:
    """Record one 返还/下拨; its id, or None when cancelled."""

    def save(raw: dict[str, Any]) -> int:
        values = _clean(raw).values
        return dues_accounts.record_return(
            archive,
            date.fromisoformat(values["received_on"]),
            values["kind"],
            values["amount"],
            values["source"] or "",
            values["purpose"] or "",
        )

    result: int | None = RecordDialog.ask(
        parent,
        "党费返还、下拨",
        RETURN_FIELDS,
        _clean,
        save,
        initial={"received_on": clock.today().isoformat(), "kind": "返还"},
        sections=[_received_so_far(archive, year)],
    )
    return result


def print_notice(parent: QWidget, archive: Archive, year: int) -> Path | None:
    """Save the year's 党费收缴情况公示 as a PDF where the clerk chooses."""
    return save_as(
        parent,
        "党费收缴情况公示",
        f"党费收缴情况公示-{year}年度.pdf",
        lambda target: write_dues_notice(
            organization_name(archive),
            dues.dues_grid(archive, year),
            dues_accounts.money_lists(archive, year),
            year,
            clock.today(),
            target,
        ),
    )
