"""The attendance section of the meeting form: many rows set at once, a 党小组 at once, expected by kind."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.catalog.meetings import ATTENDANCE_STATUSES
from liangxin_desktop.domain import dates
from liangxin_desktop.domain.meeting_people import EXPECTED_BY_KIND, GROUP, expected_people
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import meetings, organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.record_dialog import Section

NOT_EXPECTED = ""  # not expected at this meeting (e.g. another 党小组)
NO_GROUP = "（未分党小组）"
_STATUS, _REASON = 3, 4
ROWS_IN_SIGHT = 12  # people visible without scrolling the table (the form itself scrolls)


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


def meeting_day(raw: dict[str, Any]) -> date:
    try:
        return dates.parse_date(raw.get("meeting_date") or "")
    except InvalidValue:
        return clock.today()


class AttendancePicker(Section):
    """Every member in the roster on the meeting day, with 出席 / 请假 + 原因 / 缺席 / 列席."""

    def __init__(
        self,
        archive: Archive,
        on: date,
        recorded: dict[int, meetings.Attendance],
        kind: str = "",
    ) -> None:
        super().__init__()
        self.archive, self.kind = archive, kind
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("attendance")
        self.table.setHorizontalHeaderLabels(["姓名", "人员类别", "党小组", "出席情况", "请假原因"])
        self.table.setItemDelegateForColumn(_STATUS, _StatusDelegate(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(_REASON, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader().defaultSectionSize() * ROWS_IN_SIGHT
        self.table.setMinimumHeight(rows + self.table.horizontalHeader().sizeHint().height() + 6)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self._title_bar())
        layout.addLayout(self._selection_bar())
        layout.addWidget(self.table)
        self._fill(on, recorded)
        self._auto_state = self.state()
        self.table.itemChanged.connect(self._changed)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self._changed()

    def _title_bar(self) -> QHBoxLayout:
        all_present = QPushButton("全部出席")
        all_present.setObjectName("all_present")
        all_present.setToolTip("把尚未选择的人都设为“出席”，再单独修改请假或缺席的人")
        all_present.clicked.connect(self.mark_all_present)
        by_kind = QPushButton("按会议类型重设")
        by_kind.setObjectName("expected_by_kind")
        by_kind.setToolTip("支委会：委员；党小组会：所选党小组；党员大会：全体党员")
        by_kind.clicked.connect(self.apply_expected)
        clear = QPushButton("全部清空")
        clear.clicked.connect(lambda: self._set_rows(range(self.table.rowCount()), NOT_EXPECTED))
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>出席情况</b>（应到人数、实到人数由此自动计算）"))
        bar.addStretch(1)
        bar.addWidget(self.summary)
        for button in (all_present, by_kind, clear):
            bar.addWidget(button)
        return bar

    def _selection_bar(self) -> QHBoxLayout:
        self.group = QComboBox()
        self.group.setObjectName("select_group")
        self.group.setToolTip("选中一个党小组的全部人员；开党小组会时，应到的就是这个小组")
        self.group.activated.connect(lambda _index: self.select_group(self.group.currentText()))
        self.selected = QLabel("按住 Ctrl 或 Shift 可选多人")
        self.reason = QLineEdit()
        self.reason.setObjectName("bulk_reason")
        self.reason.setPlaceholderText("请假原因（设为请假时填入）")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("选中党小组："))
        bar.addWidget(self.group)
        bar.addWidget(self.selected)
        bar.addStretch(1)
        for status in (*ATTENDANCE_STATUSES, NOT_EXPECTED):
            button = QPushButton(status or "不参加")
            button.setObjectName(f"set_{status or 'none'}")
            button.setToolTip(f"把选中的人设为“{status or '不参加（不计应到）'}”")
            button.clicked.connect(lambda _=False, s=status: self.set_selected(s))
            bar.addWidget(button)
        bar.addWidget(self.reason, 1)
        return bar

    def _fill(self, on: date, recorded: dict[int, meetings.Attendance]) -> None:
        """The roster on the meeting day (and anyone already recorded), with their statuses."""
        self.day = on
        self.people = meetings.roster_for_attendance(self.archive, on, list(recorded))
        self.committee = organization.committee_ids_on(self.archive, on)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            entry = recorded.get(person["id"])
            category = (person["member_category"] or "") + (
                "（委员）" if person["id"] in self.committee else ""
            )
            for column, text in enumerate((person["name"], category, person["unit"] or "")):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            self.table.setItem(
                row, _STATUS, QTableWidgetItem(entry.status if entry else NOT_EXPECTED)
            )
            self.table.setItem(row, _REASON, QTableWidgetItem(entry.reason if entry else ""))
        self.table.blockSignals(False)
        shown = self.group.currentText()
        self.group.clear()
        self.group.addItem("")
        self.group.addItems(sorted({p["unit"] or NO_GROUP for p in self.people}))
        self.group.setCurrentText(shown)

    def form_changed(self, raw: dict[str, Any]) -> None:
        """A new date: the members of that day (keeping their choices); a new kind: who is expected."""
        day = meeting_day(raw)
        if day != self.day:
            members = {p["id"] for p in meetings.roster_for_attendance(self.archive, day)}
            kept = {e.person_id: e for e in self.entries() if e.person_id in members}
            untouched = self.state() == self._auto_state
            self._fill(day, kept)
            if untouched:
                self._auto_state = self.state()
            self._changed()
        kind = str(raw.get("kind") or "")
        if kind != self.kind:
            self.kind = kind
            if self.state() == self._auto_state:  # only what the clerk has not changed by hand
                self.apply_expected()

    def apply_expected(self) -> None:
        """The kind's expected people set to 出席, everyone else to 不参加 (when the kind says)."""
        groups = {p["id"]: p["unit"] for p in self.people}
        group = self.group.currentText()
        expected = expected_people(
            self.kind, groups, self.committee, None if group == NO_GROUP else group or None
        )
        if expected is None:
            return
        rows = range(self.table.rowCount())
        self._set_rows([r for r in rows if self.people[r]["id"] not in expected], NOT_EXPECTED)
        self._set_rows([r for r in rows if self.people[r]["id"] in expected], "出席")
        self._auto_state = self.state()

    def select_group(self, group: str) -> None:
        """Select every row of this 党小组 (NO_GROUP: those in none)."""
        selection = QItemSelection()
        model = self.table.model()
        for row, person in enumerate(self.people):
            if (person["unit"] or NO_GROUP) == group:
                selection.select(model.index(row, 0), model.index(row, _REASON))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        if EXPECTED_BY_KIND.get(self.kind) == GROUP and self.state() == self._auto_state:
            self.apply_expected()

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def set_selected(self, status: str) -> None:
        """The selected rows set to ``status``; 请假 takes the reason typed beside the buttons."""
        reason = self.reason.text().strip() if status == "请假" else ""
        self._set_rows(self.selected_rows(), status, reason)

    def _show_selected(self) -> None:
        count = len(self.selected_rows())
        self.selected.setText(
            f"已选 {count} 人，设为：" if count else "按住 Ctrl 或 Shift 可选多人"
        )

    def _set_rows(self, rows: Any, status: str, reason: str | None = None) -> None:
        self.table.blockSignals(True)  # one recount at the end, not one per member
        try:
            for row in rows:
                self.table.item(row, _STATUS).setText(status)  # type: ignore[union-attr]
                if reason is not None or status != "请假":
                    self.table.item(row, _REASON).setText(reason or "")  # type: ignore[union-attr]
        finally:
            self.table.blockSignals(False)
        self._changed()

    def _changed(self, *_: Any) -> None:
        entries = self.entries()
        expected = sum(1 for e in entries if e.status != "列席")
        self.summary.setText(f"应到 {expected} 人，实到 {self.present()} 人")
        self.changed.emit()

    def present(self) -> int:
        return sum(1 for e in self.entries() if e.status == "出席")

    def mark_all_present(self) -> None:
        blank = [r for r in range(self.table.rowCount()) if not self.table.item(r, _STATUS).text()]  # type: ignore[union-attr]
        self._set_rows(blank, "出席")

    def set_status(self, name: str, status: str, reason: str = "") -> None:
        for row, person in enumerate(self.people):
            if person["name"] == name:
                self._set_rows([row], status, reason)
                return
        raise KeyError(name)

    def entries(self) -> list[meetings.Attendance]:
        chosen = []
        for row, person in enumerate(self.people):
            status_item, reason_item = self.table.item(row, _STATUS), self.table.item(row, _REASON)
            status = status_item.text() if status_item else ""
            if status:
                reason = reason_item.text() if reason_item else ""
                chosen.append(meetings.Attendance(person["id"], status, reason))
        return chosen

    def state(self) -> Any:
        return tuple(self.entries())
