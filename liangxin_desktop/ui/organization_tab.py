"""The organization profile tab: Party organization, host organization, committee and 六有."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field
from liangxin_desktop.catalog.organization import (
    COMMITTEE_FIELDS,
    HOST_FIELDS,
    ORGANIZATION,
    PARTY_FIELDS,
)
from liangxin_desktop.catalog.validation import clean_record
from liangxin_desktop.domain import codes
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import meetings, organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.election_dialog import ElectionDialog, print_history
from liangxin_desktop.ui.field_widgets import FieldEditor
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.person_picker import PERSON_ID_ROLE, PersonDelegate

SIX_HAVE_LABELS = {item: f"有{item}" for item in codes.SIX_HAVES}


class OrganizationTab(QWidget):
    saved = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.editors: dict[str, FieldEditor] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        self.welcome = QLabel(
            "第一步：请填写党组织基本情况，然后点击下方的“保存基本情况”。"
            "党组织名称会印在每一本台账的封面和页眉上。"
        )
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 10px;")
        layout.addWidget(self.welcome)
        columns = QHBoxLayout()
        columns.addWidget(self._form_box("党组织", PARTY_FIELDS), 1)
        columns.addWidget(self._form_box("所在单位（两新组织）", HOST_FIELDS), 1)
        layout.addLayout(columns)
        layout.addWidget(self._committee_box())
        layout.addWidget(self._six_haves_box())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton("保存基本情况")
        self.save_button.setObjectName("save_organization")
        self.save_button.clicked.connect(self.save)
        footer = QHBoxLayout()  # below the scrolling form: 保存基本情况 is always in sight
        footer.setContentsMargins(9, 0, 9, 6)
        footer.addWidget(self.message, 1)
        footer.addWidget(self.save_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(footer)
        self.load()

    def _form_box(self, title: str, fields: tuple[Field, ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for spec in fields:
            editor = FieldEditor(spec)
            self.editors[spec.key] = editor
            form.addRow(spec.label + (" *" if spec.required else ""), editor)
        return box

    def _committee_box(self) -> QGroupBox:
        box = QGroupBox("党组织委员（书记、副书记、委员）")
        self.committee = QTableWidget(0, len(COMMITTEE_FIELDS))
        self.committee.setHorizontalHeaderLabels([f.label for f in COMMITTEE_FIELDS])
        self.committee.horizontalHeader().setStretchLastSection(True)
        self.committee_names = PersonDelegate([], self.committee)  # 姓名 picked from the roster
        self.committee.setItemDelegateForColumn(0, self.committee_names)
        self.committee.setMinimumHeight(150)
        self.committee.setToolTip(
            "职务可填：" + "、".join(codes.COMMITTEE_POSTS) + "；日期如 2024-03-01"
        )
        add, remove = QPushButton("增加一行"), QPushButton("删除所选行")
        add.setObjectName("add_committee_row")
        add.clicked.connect(lambda: self.committee.insertRow(self.committee.rowCount()))
        remove.clicked.connect(lambda: self.committee.removeRow(self.committee.currentRow()))
        election = QPushButton("换届选举…")
        election.setObjectName("election")
        election.setToolTip("登记换届选举的应到、实到人数和得票，当选者成为新一届委员")
        election.clicked.connect(self.record_election)
        history = QPushButton("历届委员会…")
        history.clicked.connect(lambda: print_history(self, self.archive))
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(election)
        buttons.addWidget(history)
        buttons.addStretch(1)
        layout = QHBoxLayout(box)
        layout.addWidget(self.committee, 1)
        layout.addLayout(buttons)
        return box

    def record_election(self) -> None:
        if ElectionDialog.ask(self, self.archive) is not None:
            self.load()
            self.saved.emit()

    def _six_haves_box(self) -> QGroupBox:
        box = QGroupBox("六有情况")
        grid = QGridLayout(box)
        self.haves: dict[str, tuple[QCheckBox, QLineEdit, QLineEdit]] = {}
        for row, item in enumerate(codes.SIX_HAVES):
            check, day, note = QCheckBox(SIX_HAVE_LABELS[item]), QLineEdit(), QLineEdit()
            day.setPlaceholderText("达到日期，例如 2023-07-01")
            note.setPlaceholderText("说明（可不填）")
            grid.addWidget(check, row, 0)
            grid.addWidget(day, row, 1)
            grid.addWidget(note, row, 2)
            self.haves[item] = (check, day, note)
        grid.setColumnStretch(2, 1)
        return box

    # -- data ------------------------------------------------------------
    def load(self) -> None:
        profile = organization.get_organization(self.archive) or {}
        for key, editor in self.editors.items():
            editor.set_value(profile.get(key))
        self.welcome.setVisible(not profile)
        self.committee_names.people = meetings.roster_for_attendance(self.archive, clock.today())
        members = organization.committee(self.archive)
        self.committee.setRowCount(len(members))
        for row, member in enumerate(members):
            for column, spec in enumerate(COMMITTEE_FIELDS):
                self.committee.setItem(row, column, QTableWidgetItem(member.get(spec.key) or ""))
            self.committee.item(row, 0).setData(PERSON_ID_ROLE, member.get("person_id"))  # type: ignore[union-attr]
        for have in organization.six_haves(self.archive):
            check, day, note = self.haves[have["item"]]
            check.setChecked(bool(have["done"]))
            day.setText(have["done_on"] or "")
            note.setText(have["note"] or "")
        self._saved_state = self._state()
        self._show_warnings()

    def _state(self) -> tuple[Any, ...]:
        return (self.profile_values(), self._committee_rows(), self._have_rows())

    def has_unsaved_changes(self) -> bool:
        return self._state() != self._saved_state

    def _cell(self, row: int, column: int) -> str:
        item = self.committee.item(row, column)
        return item.text() if item is not None else ""

    def _committee_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in range(self.committee.rowCount()):
            values = {
                spec.key: self._cell(row, column) for column, spec in enumerate(COMMITTEE_FIELDS)
            }
            if any(v.strip() for v in values.values()):
                name = self.committee.item(row, 0)
                rows.append(dict(values, person_id=name.data(PERSON_ID_ROLE) if name else None))
        return rows

    def _have_rows(self) -> list[dict[str, Any]]:
        return [
            {"item": item, "done": check.isChecked(), "done_on": day.text(), "note": note.text()}
            for item, (check, day, note) in self.haves.items()
        ]

    def profile_values(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def save(self) -> bool:
        try:
            organization.save_profile(
                self.archive, self.profile_values(), self._committee_rows(), self._have_rows()
            )
        except LiangxinError as exc:
            show_problem(self, exc, "无法保存")
            return False
        self.welcome.setVisible(False)
        self._saved_state = self._state()
        self._show_warnings(saved=True)
        self.saved.emit()
        return True

    def _show_warnings(self, saved: bool = False) -> None:
        cleaned = clean_record(ORGANIZATION, self.profile_values())
        lines = ["<span style='color:#2e7d32'>已保存。</span>"] if saved else []
        lines += [f"<span style='color:#b26a00'>！{p.text()}</span>" for p in cleaned.warnings]
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setText("<br>".join(lines))
