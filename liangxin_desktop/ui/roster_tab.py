"""A roster register's tab: search, sort, add, edit and leave — over a paging table model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.catalog.registers import Register
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.storage import people
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.leave_dialog import LeaveDialog
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.register_model import RegisterTableModel

SEARCH_DELAY_MS = 200


class RosterTab(QWidget):
    """The 党员花名册 (and other people rosters) as a table with its actions."""

    changed = Signal()  # records were added, edited or left
    summary_changed = Signal()  # the counts line changed (also after filtering)

    def __init__(self, archive: Archive, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.register = archive, register
        self.model = RegisterTableModel(archive, register)
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self._counts = people.member_counts(archive)
        self._update_summary()

    def _build(self) -> None:
        self.add_button = QPushButton(f"新增{self.register.row_noun}")
        self.edit_button = QPushButton("修改")
        self.leave_button = QPushButton("党员离开…")
        self.leave_button.setToolTip(
            "转出、死亡、出党或停止党籍：记录日期后移出当前名册，历史中保留"
        )
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("查找：姓名、身份证号、电话、单位或党小组")
        self.include_left = QCheckBox("显示已离开的党员")
        self.as_of = QLineEdit()
        self.as_of.setPlaceholderText("历史名册截至日期")
        self.as_of.setMaximumWidth(150)
        self.as_of.setToolTip(
            "输入日期（例如 2020-12-31）后按回车，查看当时在册的党员；清空则为当前名册"
        )
        bar = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.leave_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.include_left)
        bar.addWidget(self.as_of)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # no column sorted yet: the register's own order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, spec in enumerate(self.model.columns):
            header.resizeSection(column, int(spec.width * 9.5 + 18))
        self._summary = ""
        self.empty_hint = QLabel(
            f"名册中还没有{self.register.row_noun}。点击“新增{self.register.row_noun}”（Ctrl+N）开始登记。"
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #666; font-size: 15px; padding: 24px;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.leave_button.clicked.connect(self.leave_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.include_left.toggled.connect(self.apply_filter)
        self.as_of.returnPressed.connect(self.apply_filter)

    # -- filtering -------------------------------------------------------
    def apply_filter(self) -> None:
        as_of = None
        if self.as_of.text().strip():
            try:
                as_of = dates.parse_date(self.as_of.text())
            except InvalidValue as exc:
                show_problem(self, InvalidValue(f"截至日期：{exc.headline}", exc.advice))
                return
        self.table.scrollToTop()
        row_filter = replace(
            self.model.row_filter,
            search=self.search.text().strip(),
            include_left=self.include_left.isChecked(),
            as_of=as_of,
        )
        self.model.reload(row_filter)
        self._update_summary()

    def refresh(self) -> None:
        """After a change to the data: reload the rows and recount (filtering alone does not)."""
        self.model.reload()
        self._counts = people.member_counts(self.archive)
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        counts = self._counts
        shown = self.model.rowCount()
        self._summary = (
            f"在册党员 {counts['total']} 人（正式党员 {counts['full']} 人，预备党员 {counts['probationary']} 人）"
            f"；已离开 {counts['left']} 人；当前列表 {shown} 条"
        )
        empty = counts["total"] == 0 and counts["left"] == 0
        self.empty_hint.setVisible(empty)
        self.summary_changed.emit()

    def summary_text(self) -> str:
        return self._summary

    # -- actions ---------------------------------------------------------
    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _choices(self) -> dict[str, list[str]]:
        return {"unit": people.unit_names(self.archive)}

    def add_record(self) -> None:
        new_id = RecordDialog.ask(
            self,
            f"新增{self.register.row_noun}",
            self.register.form_fields,
            lambda raw: people.validate_member(self.archive, raw),
            lambda raw: people.add_member(self.archive, raw),
            choices=self._choices(),
        )
        if new_id is not None:
            self.refresh()
            self.select_id(int(new_id))

    def edit_selected(self) -> None:
        person_id = self._selected_id()
        if person_id is None:
            QMessageBox.information(
                self, "请先选择", f"请先在列表中点选要修改的{self.register.row_noun}。"
            )
            return
        person = people.get_person(self.archive, person_id)
        saved = RecordDialog.ask(
            self,
            f"修改：{person['name']}",
            self.register.form_fields,
            lambda raw: people.validate_member(self.archive, raw, person_id),
            lambda raw: people.update_member(self.archive, person_id, raw),
            initial=person,
            choices=self._choices(),
        )
        if saved is not None:
            self.refresh()
            self.select_id(person_id)

    def leave_selected(self) -> None:
        person_id = self._selected_id()
        if person_id is None:
            QMessageBox.information(self, "请先选择", "请先在列表中点选要办理离开的党员。")
            return
        person = people.get_person(self.archive, person_id)
        leave = LeaveDialog.ask(self, person["name"])
        if leave is None:
            return
        try:
            people.record_leave(
                self.archive, person_id, leave.kind, leave.day, leave.destination, leave.note
            )
        except LiangxinError as exc:
            show_problem(self, exc, "无法办理")
            return
        self.refresh()

    def select_id(self, row_id: int) -> None:
        row = self.model.row_of(row_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def current_record(self) -> dict[str, Any] | None:
        person_id = self._selected_id()
        return people.get_person(self.archive, person_id) if person_id else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @property
    def today(self) -> date:
        return self.model.today
