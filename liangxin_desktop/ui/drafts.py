"""Autosaving a form as a draft every few seconds, and offering drafts back at the next start.

A ``DraftKeeper`` watches one open form: when what the clerk typed differs from what was last
kept, it is written to the archive's drafts table. Saving or deliberately discarding the form
removes the draft; a crash leaves it, and the next start asks: 恢复 or 丢弃.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import drafts, rescued_drafts
from liangxin_desktop.storage.archive import Archive


class RecordDialog(Protocol):
    """What a keeper uses of the form (record_dialog imports this module)."""

    editors: dict[str, Any]
    finished: Any

    def raw_values(self) -> dict[str, Any]: ...


class MainWindow(Protocol):
    """What offering drafts uses of the main window."""

    archive: Archive
    register_tabs: dict[str, Any]

    def show_register(self, key: str) -> Any: ...


log = logging.getLogger(__name__)
AUTOSAVE_MS = 5000
_restoring: set[str] = set()  # drafts the clerk chose to bring back (the form applies them)


@dataclass(frozen=True)
class DraftSlot:
    """Where a form's draft is kept: the archive, the register and the record (None: new)."""

    archive: Archive
    register: str
    record_id: int | None


class DraftKeeper(QObject):
    """Keeps the draft of one RecordDialog while it is open."""

    def __init__(self, dialog: RecordDialog, slot: DraftSlot) -> None:
        super().__init__(dialog)  # type: ignore[arg-type]
        self._dialog, self.slot = (
            weakref.ref(dialog),
            slot,
        )  # no cycle: the form is freed when closed
        self._kept = self._opened = dialog.raw_values()
        key = drafts.draft_key(slot.register, slot.record_id)
        if key in _restoring:
            _restoring.discard(key)
            self._apply(drafts.get_draft(slot.archive, slot.register, slot.record_id))
        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.keep)
        self.timer.start()
        dialog.finished.connect(self._finished)

    @property
    def dialog(self) -> RecordDialog:
        form = self._dialog()
        assert form is not None, "the draft keeper lives inside its form"
        return form

    def _apply(self, draft: drafts.Draft | None) -> None:
        if draft is None:
            return
        for key, value in draft.values.items():
            if key in self.dialog.editors:
                self.dialog.editors[key].set_value(value)
        self._kept = {}

    def keep(self) -> None:
        """Write the draft when the form changed since it was last kept."""
        form = self._dialog()
        if form is None:
            self.timer.stop()  # the form is gone: nothing left to keep
            return
        values = form.raw_values()
        if values == self._kept or self.slot.archive.read_only or self.slot.archive.closed:
            return
        try:
            drafts.save_draft(
                self.slot.archive,
                self.slot.register,
                self.slot.record_id,
                self._label(values),
                values,
            )
        except LiangxinError as exc:  # a full disk: the form stays open, the clerk can still save
            log.warning("draft not kept: %s", exc.headline)
            return
        self._kept = values

    def rescue(self) -> None:
        """The archive can no longer be written: keep what was typed in the data folder, to be
        offered back when the archive opens again (``storage.rescued_drafts``)."""
        form = self._dialog()
        if form is None or form.raw_values() == self._opened:
            return
        values = form.raw_values()
        slot = self.slot
        try:
            rescued_drafts.rescue_draft(
                slot.archive.path, slot.register, slot.record_id, self._label(values), values
            )
        except LiangxinError as exc:
            log.warning("draft not rescued: %s", exc.headline)

    def _label(self, values: dict[str, Any]) -> str:
        register = REGISTERS[self.slot.register]
        parts = [str(values.get(key) or "") for key in ("meeting_date", "kind", "topic", "title")]
        text = " ".join(p for p in parts if p) or values.get("name") or ""
        new = "（新记录）" if self.slot.record_id is None else ""
        return f"{register.title}：{text}{new}".strip("：")

    def _finished(self, _result: int) -> None:
        """Saved or discarded on purpose: the draft has done its work."""
        self.timer.stop()
        if self.slot.archive.closed or self.slot.archive.read_only:
            return
        try:
            drafts.delete_draft(self.slot.archive, self.slot.register, self.slot.record_id)
        except LiangxinError as exc:
            log.warning("draft not removed: %s", exc.headline)


def offer_drafts(window: MainWindow) -> None:
    """At start: each draft a crash left behind, offered back (恢复) or dropped (丢弃)."""
    archive = window.archive
    if archive.read_only:
        return
    rescued_drafts.take_back(archive)  # typed while the archive's drive was gone
    for draft in drafts.list_drafts(archive):
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "发现未保存的草稿",
            f"上次关闭程序前有一份没有保存的草稿：\n{draft.label}\n（{draft.saved_at:%Y-%m-%d %H:%M} 自动保存）",
            parent=window if isinstance(window, QWidget) else None,
        )
        restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if box.clickedButton() is restore and draft.register in window.register_tabs:
            _restoring.add(draft.key)
            tab = window.register_tabs[draft.register]
            window.show_register(draft.register)
            tab.open_form(draft.record_id)
            _restoring.discard(draft.key)
        drafts.delete_draft(archive, draft.register, draft.record_id)
