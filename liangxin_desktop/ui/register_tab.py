"""A register's tab: toolbar, search, a paging table, and the add/edit form — shared by every book.

``RegisterTab`` holds what all registers share; ``BookTab`` adds the recycle bin and the
year filter of yearly books. The people rosters (``roster_tab.RosterTab``) add leaving.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import FieldKind
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import queries, records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.drafts import DraftSlot
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.register_model import RegisterTableModel

SEARCH_DELAY_MS = 200
ALL_YEARS = "全部年度"


def year_selector(with_all: bool = False) -> QComboBox:
    """The 年度 box of yearly books: this year first, fifteen years back (and 全部年度)."""
    box = QComboBox()
    box.setObjectName("year")
    this_year = clock.today().year
    box.addItems(
        [f"{y}年度" for y in range(this_year, this_year - 15, -1)]
        + ([ALL_YEARS] if with_all else [])
    )
    return box


class RegisterTab(QWidget):
    changed = Signal()  # records were added, edited or removed
    today: date | None = None  # the window's day (--today) for dated steps; None: the real date
    summary_changed = Signal()  # the counts line changed (also after filtering)

    def __init__(self, archive: Archive, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.register = archive, register
        self.model = RegisterTableModel(archive, register, row_filter=self.initial_filter())
        self.bar = QHBoxLayout()
        self.add_button = QPushButton(f"新增{register.row_noun}")
        self.edit_button = QPushButton("修改")
        self.bar.addWidget(self.add_button)
        self.bar.addWidget(self.edit_button)
        self.add_actions()
        self.bar.addSpacing(16)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.search_hint())
        if register.search_table:
            self.search.setToolTip(
                "一两个字：查找开头（如姓氏）；三个字以上：在任意位置查找。号码请至少输入3位。"
            )
        self.bar.addWidget(self.search, 1)
        self.add_filters()
        self._build_table()
        self.empty_hint = QLabel(self.empty_text())
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #666; font-size: 15px; padding: 24px;")
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self._summary = ""
        self.stale = False  # set by the window when another register changed the data
        self.recount()
        self._update_summary()

    def add_reveal_ids(self) -> None:
        """显示身份证号: lists show ID numbers masked (3301**********1234) until this is ticked."""
        self.reveal_ids = QCheckBox("显示身份证号")
        self.reveal_ids.setToolTip("列表中身份证号只显示前4位和后4位；勾选后显示完整号码")
        self.reveal_ids.toggled.connect(self.model.set_reveal_ids)
        self.bar.addWidget(self.reveal_ids)

    # -- hooks for subclasses --------------------------------------------
    def initial_filter(self) -> queries.RowFilter:
        return queries.RowFilter()

    def add_actions(self) -> None:
        """Buttons after 新增/修改."""

    def add_filters(self) -> None:
        """Filter widgets after the search box (显示身份证号 when the list has ID numbers)."""
        if any(f.kind is FieldKind.ID_NUMBER for f in self.register.table_fields):
            self.add_reveal_ids()

    def filter_values(self) -> dict[str, Any] | None:
        """The RowFilter fields the filter widgets ask for (None: a filter value is wrong)."""
        return {}

    def search_hint(self) -> str:
        columns = [
            self.register.field(k).label
            for k in self.register.search_columns
            if any(f.key == k for f in self.register.fields)
        ]
        return "查找：" + "、".join(columns)

    def empty_text(self) -> str:
        return f"还没有{self.register.row_noun}记录。点击“新增{self.register.row_noun}”（Ctrl+N）开始登记。"

    def recount(self) -> None:
        self._total = queries.count(self.archive, self.register)

    def summary_line(self, shown: int) -> str:
        unit = self.register.count_unit
        return f"{self.register.title}：共 {self._total} {unit}；当前列表 {shown} {unit}"

    def open_form(self, record_id: int | None) -> Any:
        """Show the add (None) or edit form; the saved record's id, or None when cancelled."""
        register, archive = self.register, self.archive
        initial = records.get_record(archive, register, record_id) if record_id else None
        title = f"修改{register.row_noun}" if record_id else f"新增{register.row_noun}"
        if record_id is None:
            return RecordDialog.ask(
                self,
                title,
                register.form_fields,
                lambda raw: records.validate(register, raw),
                lambda raw: records.add_record(archive, register, raw),
                draft=DraftSlot(archive, register.key, None),
            )
        saved = RecordDialog.ask(
            self,
            title,
            register.form_fields,
            lambda raw: records.validate(register, raw),
            lambda raw: records.update_record(archive, register, record_id, raw),
            initial=initial,
            draft=DraftSlot(archive, register.key, record_id),
        )
        return None if saved is None else record_id

    # -- table -----------------------------------------------------------
    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # no column sorted yet: the register's own order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, spec in enumerate(self.model.columns):
            header.resizeSection(column, int(spec.width * 9.5 + 18))

    # -- filtering -------------------------------------------------------
    def apply_filter(self) -> None:
        values = self.filter_values()
        if values is None:
            return
        self.table.scrollToTop()
        self.model.set_filter(
            replace(self.model.row_filter, search=self.search.text().strip(), **values)
        )
        self._update_summary()

    def refresh(self) -> None:
        """After a change made here: reload, recount, and tell the window (other tabs go stale)."""
        self.reload_view()
        self.changed.emit()

    def reload_view(self) -> None:
        """Show the archive as it is now (after a change made elsewhere)."""
        self.model.reload()
        self.recount()
        self._update_summary()

    def _update_summary(self) -> None:
        self._summary = self.summary_line(self.model.rowCount())
        self.empty_hint.setVisible(self._total == 0 and not self.search.text().strip())
        self.summary_changed.emit()

    def summary_text(self) -> str:
        return self._summary

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- actions ---------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def add_pipeline_record_button(self) -> None:
        """打印纪实表… for the rosters of people (it only reads: kept in a bundle's window)."""
        button = QPushButton("打印纪实表…")
        button.setObjectName("print_record")
        button.setToolTip("打印选中人员的发展党员工作纪实表（入党各阶段的日期和情况）")
        button.clicked.connect(self.print_pipeline_record)
        self.bar.addWidget(button)

    def print_pipeline_record(self) -> None:
        """打印纪实表: the selected person's way through the development pipeline."""
        from liangxin_desktop.ui.print_preview import preview_pipeline_record

        person_id = self._require_selection("打印纪实表")
        if person_id is None:
            return
        row = self.archive.db.execute(
            "SELECT name FROM people WHERE id = ?", [person_id]
        ).fetchone()
        preview_pipeline_record(self, self.archive, person_id, row[0] if row else "")

    def _require_selection(self, doing: str) -> int | None:
        record_id = self.selected_id()
        if record_id is None:
            QMessageBox.information(
                self, "请先选择", f"请先在列表中点选要{doing}的{self.register.row_noun}。"
            )
        return record_id

    def add_record(self) -> None:
        new_id = self.open_form(None)
        if new_id is not None:
            self.refresh()
            self.select_id(int(new_id))

    def edit_selected(self) -> None:
        record_id = self._require_selection("修改")
        if record_id is not None and self.open_form(record_id) is not None:
            self.refresh()
            self.select_id(record_id)

    def select_id(self, row_id: int) -> None:
        row = self.model.row_of(row_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))


class BookTab(RegisterTab):
    """A book of records: deletion to the recycle bin, and a year filter for yearly books."""

    def add_actions(self) -> None:
        self.delete_button = QPushButton("删除")
        self.delete_button.setToolTip("删除的记录进入“回收站”，可以恢复")
        self.delete_button.clicked.connect(self.delete_selected)
        self.bar.addWidget(self.delete_button)

    def initial_filter(self) -> queries.RowFilter:
        return queries.RowFilter(year=clock.today().year if self.register.date_field else None)

    def add_filters(self) -> None:
        self.year = year_selector(with_all=True)
        if not self.register.date_field:
            self.year.hide()
            return
        self.year.currentTextChanged.connect(lambda _text: self.apply_filter())
        self.bar.addWidget(self.year)

    def filter_values(self) -> dict[str, Any] | None:
        if not self.register.date_field:
            return {}
        text = self.year.currentText()
        return {"year": None if text == ALL_YEARS else int(text[:4])}

    def selected_year(self) -> int | None:
        values = self.filter_values() or {}
        return values.get("year")

    def delete_selected(self) -> None:
        record_id = self._require_selection("删除")
        if record_id is None:
            return
        answer = QMessageBox.question(
            self,
            "删除记录",
            f"把这条{self.register.row_noun}记录移入回收站吗？\n需要时可以在“文件 → 回收站”中恢复。",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            records.delete_record(self.archive, self.register, record_id)
        except LiangxinError as exc:
            show_problem(self, exc, "无法删除")
            return
        self.refresh()
