"""首页 (待办与提醒): what is due, most urgent first; each item opens what settles it.

The list comes from ``storage.reminders`` (the kinds are ``domain.reminders.registry``); this tab
only shows it, stores 已处理 / 暂缓到, and asks the window to open the record.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.reminders.base import Reminder, Urgency
from liangxin_desktop.domain.reminders.registry import kind_of
from liangxin_desktop.storage import reminders
from liangxin_desktop.storage.archive import Archive, open_reader
from liangxin_desktop.ui.activists_tab import ActivistsTab
from liangxin_desktop.ui.dues_tab import DuesTab
from liangxin_desktop.ui.register_tab import RegisterTab
from liangxin_desktop.ui.roster_tab import RosterTab
from liangxin_desktop.ui.six_month_dialog import SixMonthDialog
from liangxin_desktop.ui.step_dialog import StepDialog
from liangxin_desktop.ui.workers import run_in_background

COLOURS = {
    Urgency.OVERDUE: "#c62828",
    Urgency.THIS_MONTH: "#e65100",
    Urgency.SOON: "#1565c0",
    Urgency.NOTE: "#555555",
}
COLUMNS = ("紧急程度", "事项", "到期日", "人员")
SNOOZE_DAYS = 7


class HomeTab(QWidget):
    open_requested = Signal(object)  # a Reminder: the window opens its record or dialog
    counts_changed = Signal()

    def __init__(self, archive: Archive, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.today = archive, today
        self.items: list[Reminder] = []
        self.stale = False
        self.loading = False  # a check is running in the background
        self.generation = 0  # which check the list on screen comes from
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.open_button = QPushButton("打开办理")
        self.open_button.setToolTip("打开这条提醒涉及的记录或办理的对话框（也可以双击）")
        self.done_button = QPushButton("已处理")
        self.done_button.setToolTip("已在台账之外办妥：不再提醒")
        self.snooze_button = QPushButton("暂缓到…")
        self.snooze_button.setToolTip("暂时不提醒，到选定的日期后如仍未办理再提醒")
        refresh = QPushButton("刷新")
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        for button in (self.open_button, self.done_button, self.snooze_button, refresh):
            bar.addWidget(button)
        self.table = self._make_table()
        self.empty_hint = QLabel("目前没有需要办理的事项。")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #666; font-size: 15px; padding: 24px;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        self.open_button.clicked.connect(self.open_selected)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.snooze_button.clicked.connect(self.snooze_selected)
        refresh.clicked.connect(self.reload)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("reminders")
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 80), (2, 120), (3, 90)):
            header.resizeSection(column, width)
        return table

    # -- the list ----------------------------------------------------------
    def reload(self) -> None:
        """Check what is due off the UI thread (a large archive takes seconds) and show it when
        done; the list shown so far stays until then."""
        self.stale = False
        self.loading = True
        self.generation += 1
        shown, archive, today = self.generation, self.archive, self.today
        self.heading.setText(f"待办与提醒（{dates.format_cn_date(today)}）：正在检查……")

        def check() -> list[Reminder]:
            reader = open_reader(archive)  # the job's own connection, in its own thread
            try:
                return reminders.reminders(reader, today)
            finally:
                reader.close()

        run_in_background(self, check, lambda found: self._show(shown, found))

    def _show(self, shown: int, found: list[Reminder] | None) -> None:
        if shown != self.generation or self.archive.closed:
            return  # checked for a state that has changed since, or the window has closed
        self.loading = False
        if found is None:
            self.heading.setText("待办事项暂时无法检查，请点“刷新”重试。")
            return
        self.items = found
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            due = dates.format_cn_date(item.due) if item.due else ""
            for column, text in enumerate((item.urgency.value, item.message, due, item.person)):
                cell = QTableWidgetItem(text or "")
                if column == 0:
                    cell.setForeground(QBrush(QColor(COLOURS[item.urgency])))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.heading.setText(
            f"待办与提醒（{dates.format_cn_date(self.today)}）：共 {len(self.items)} 项，"
            f"逾期 {self.overdue_count()} 项"
        )
        self.empty_hint.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        self._update_buttons()
        self.counts_changed.emit()

    def overdue_count(self) -> int:
        return sum(1 for item in self.items if item.urgency is Urgency.OVERDUE)

    def tab_title(self) -> str:
        overdue = self.overdue_count()
        return f"首页（待办 {len(self.items)}" + (f"，逾期 {overdue}）" if overdue else "）")

    def selected(self) -> Reminder | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        self.open_button.setEnabled(item is not None and item.record is not None)
        self.done_button.setEnabled(item is not None and kind_of(item.kind).dismissable)
        self.snooze_button.setEnabled(item is not None)

    def lock(self) -> None:
        """A read-only view (a hand-over bundle): the list stays, nothing settles or opens a form."""
        for button in (self.open_button, self.done_button, self.snooze_button):
            button.hide()
        self.table.doubleClicked.disconnect()

    # -- settling ----------------------------------------------------------
    def open_selected(self) -> None:
        item = self.selected()
        if item is not None and item.record is not None:
            self.open_requested.emit(item)

    def mark_selected_done(self) -> None:
        item = self.selected()
        if item is not None and kind_of(item.kind).dismissable:
            reminders.mark_done(self.archive, item.key)
            self.reload()

    def snooze_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        step = StepDialog.ask(
            self,
            "暂缓提醒",
            f"“{item.message}”\n\n到下面的日期之前不再提醒；届时如仍未办理，会再次出现。",
            "暂缓到",
            default_day=self.today + timedelta(days=SNOOZE_DAYS),
            action=lambda answer: reminders.snooze(self.archive, item.key, answer.day, self.today),
        )
        if step is not None:
            self.reload()


class ReminderWindow(Protocol):
    """What ``open_reminder`` needs of the main window."""

    @property
    def archive(self) -> Archive: ...

    @property
    def tabs(self) -> QTabWidget: ...

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def organization_tab(self) -> QWidget: ...

    def show_register(self, key: str) -> object: ...

    def reveal_record(self, key: str, record_id: int) -> object: ...


def open_reminder(window: ReminderWindow, item: Reminder) -> None:
    """A 首页 item: open its record, or the dialog that settles it (转正, 发展对象, 党委审批, 回执,
    支部大会接收, 上缴, the form …)."""
    link = item.record
    if link is None:
        return
    if link.register == "organization":
        window.tabs.setCurrentWidget(window.organization_tab)
        return
    if link.record_id is None:
        window.stack.setCurrentWidget(window.tabs)
        shown = window.show_register(link.register)
        if item.action == "remit" and isinstance(shown, DuesTab):
            shown.remit()
        return
    tab = window.reveal_record(link.register, link.record_id)
    if item.action == "six_month" and isinstance(window, QWidget):
        SixMonthDialog.ask(window, window.archive)
    elif isinstance(tab, RosterTab) and item.action in _ROSTER_ACTIONS:
        getattr(tab, _ROSTER_ACTIONS[item.action])()
    elif isinstance(tab, ActivistsTab) and item.action in _PIPELINE_ACTIONS:
        tab.run_step(_PIPELINE_ACTIONS[item.action])
    elif item.action == "edit" and isinstance(tab, RegisterTab):
        tab.edit_selected()


# The roster's and the pipeline's dialogs that settle a reminder, by its ``action``.
_ROSTER_ACTIONS = {
    "convert": "convert_selected",
    "approve": "approve_selected",
    "receipt": "receipt_selected",
}
_PIPELINE_ACTIONS = {"make_candidate": "candidate", "admit": "admitted"}  # ActivistsTab.run_step
