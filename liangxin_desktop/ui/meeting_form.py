"""The meeting form: the shared record fields plus the attendance picker and the resolutions."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.catalog.fields import Problem
from liangxin_desktop.catalog.meetings import ATTENDANCE_STATUSES
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.validation import Cleaned
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import meetings, records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.drafts import DraftSlot
from liangxin_desktop.ui.record_dialog import RecordDialog, Section
from liangxin_desktop.ui.rows_section import RowsSection

NOT_EXPECTED = ""  # not expected at this meeting (e.g. another 党小组)
_STATUS, _REASON = 3, 4


class _StatusDelegate(QStyledItemDelegate):
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([NOT_EXPECTED, *ATTENDANCE_STATUSES])
        return combo


class AttendancePicker(Section):
    """Every member in the roster on the meeting day, with 出席 / 请假 + 原因 / 缺席 / 列席."""

    def __init__(
        self, archive: Archive, on: date, recorded: dict[int, meetings.Attendance]
    ) -> None:
        super().__init__()
        self.archive = archive
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("attendance")
        self.table.setHorizontalHeaderLabels(["姓名", "人员类别", "党小组", "出席情况", "请假原因"])
        self.table.setItemDelegateForColumn(_STATUS, _StatusDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self._fill(on, recorded)
        self.summary = QLabel()
        all_present = QPushButton("全部出席")
        all_present.setObjectName("all_present")
        all_present.setToolTip("把尚未选择的人都设为“出席”，再单独修改请假或缺席的人")
        all_present.clicked.connect(self.mark_all_present)
        clear = QPushButton("全部清空")
        clear.clicked.connect(lambda: self._set_all(NOT_EXPECTED, only_blank=False))
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>出席情况</b>（应到人数、实到人数由此自动计算）"))
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(all_present)
        bar.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.table.itemChanged.connect(self._changed)
        self._changed()

    def _fill(self, on: date, recorded: dict[int, meetings.Attendance]) -> None:
        """The roster on the meeting day (and anyone already recorded), with their statuses."""
        self.day = on
        self.people = meetings.roster_for_attendance(self.archive, on, list(recorded))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            entry = recorded.get(person["id"])
            for column, text in enumerate(
                (person["name"], person["member_category"] or "", person["unit"] or "")
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            self.table.setItem(
                row, _STATUS, QTableWidgetItem(entry.status if entry else NOT_EXPECTED)
            )
            self.table.setItem(row, _REASON, QTableWidgetItem(entry.reason if entry else ""))
        self.table.blockSignals(False)

    def form_changed(self, raw: dict[str, Any]) -> None:
        """A new meeting date: the members of that day, keeping what was already chosen for them."""
        day = _meeting_day(raw)
        if day != self.day:
            chosen = {entry.person_id: entry for entry in self.entries()}
            self._fill(
                day,
                {
                    pid: e
                    for pid, e in chosen.items()
                    if any(
                        p["id"] == pid for p in meetings.roster_for_attendance(self.archive, day)
                    )
                },
            )
            self._changed()

    def _changed(self, *_: Any) -> None:
        entries = self.entries()
        expected = sum(1 for e in entries if e.status != "列席")
        present = sum(1 for e in entries if e.status == "出席")
        self.summary.setText(f"应到 {expected} 人，实到 {present} 人")
        self.changed.emit()

    def _set_all(self, status: str, only_blank: bool) -> None:
        self.table.blockSignals(True)  # one recount at the end, not one per member
        try:
            for row in range(self.table.rowCount()):
                item = self.table.item(row, _STATUS)
                if item is not None and (not only_blank or not item.text()):
                    item.setText(status)
        finally:
            self.table.blockSignals(False)
        self._changed()

    def mark_all_present(self) -> None:
        self._set_all("出席", only_blank=True)

    def set_status(self, name: str, status: str, reason: str = "") -> None:
        for row, person in enumerate(self.people):
            if person["name"] == name:
                self.table.item(row, _STATUS).setText(status)  # type: ignore[union-attr]
                self.table.item(row, _REASON).setText(reason)  # type: ignore[union-attr]
                return
        raise KeyError(name)

    def entries(self) -> list[meetings.Attendance]:
        chosen = []
        for row, person in enumerate(self.people):
            status_item, reason_item = self.table.item(row, _STATUS), self.table.item(row, _REASON)
            status = status_item.text() if status_item else ""
            if status:
                chosen.append(
                    meetings.Attendance(
                        person["id"], status, reason_item.text() if reason_item else ""
                    )
                )
        return chosen

    def state(self) -> Any:
        return tuple(self.entries())


def _meeting_day(raw: dict[str, Any]) -> date:
    try:
        return dates.parse_date(raw.get("meeting_date") or "")
    except InvalidValue:
        return date.today()


def ask_meeting(
    parent: QWidget, archive: Archive, register: Register, meeting_id: int | None
) -> int | None:
    """The add/edit form of a meeting; the saved meeting's id, or None when cancelled."""
    initial = (
        records.get_record(archive, register, meeting_id)
        if meeting_id
        else {"meeting_date": date.today().isoformat()}
    )
    recorded = meetings.attendance_of(archive, meeting_id) if meeting_id else {}
    picker = AttendancePicker(archive, _meeting_day(initial), recorded)
    resolutions = RowsSection(
        "决议事项",
        [("content", "决议事项"), ("owner", "负责人"), ("deadline", "完成时限")],
        meetings.resolutions_of(archive, meeting_id) if meeting_id else [],
        "resolutions",
        "（没有可不填）",
    )

    def validate(raw: dict[str, Any]) -> Cleaned:
        cleaned = records.validate(register, raw)
        cleaned.problems += meetings.attendance_problems(archive, picker.entries())
        if raw.get("vote_held") and not raw.get("vote_eligible"):
            eligible, present = meetings.suggested_vote_counts(
                archive, picker.entries(), _meeting_day(raw)
            )
            cleaned.problems.append(
                Problem(
                    "vote_eligible",
                    "应到会有表决权人数",
                    f"按出席情况，应到会有表决权 {eligible} 人、实到 {present} 人（预备党员没有表决权）。",
                    is_error=False,
                )
            )
        return cleaned

    def save(raw: dict[str, Any]) -> int:
        return meetings.save_meeting(
            archive, register, raw, picker.entries(), resolutions.rows(), meeting_id
        )

    title = f"修改{register.row_noun}记录" if meeting_id else f"新增{register.row_noun}记录"
    result = RecordDialog.ask(
        parent,
        title,
        register.form_fields,
        validate,
        save,
        initial=initial,
        sections=[picker, resolutions],
        draft=DraftSlot(archive, register.key, meeting_id),
    )
    return None if result is None else int(result)
