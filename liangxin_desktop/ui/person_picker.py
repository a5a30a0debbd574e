"""Picking a person from the roster: an editable combo with completion, free text for outsiders.

API (one widget and one table delegate):

- ``PersonPicker()`` — a ``QComboBox``; ``set_people(rows)`` offers roster rows (dicts with
  ``id``, ``name`` and optionally ``unit``); ``set_person(name, person_id=None)`` shows a name;
  ``name()`` is the text shown (a picked member or a typed outsider); ``person_id()`` is the
  picked member's id, or None for an outsider (or a name two members share and none was picked).
- ``PersonDelegate(people)`` — the same picker as the editor of a table column; the name goes to
  the cell's text and the id to its ``PERSON_ID_ROLE`` data (None for an outsider).
- ``PeoplePicker(slots, people)`` — several pickers side by side (入党介绍人: 2, 培养联系人: 1–2)
  read and written as one text, the names joined with “、” as the registers keep them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import zip_longest
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from liangxin_desktop.domain.pipeline_rules import split_names
from liangxin_desktop.ui.field_widgets import CustomInput

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 7
Index = QModelIndex | QPersistentModelIndex


class PersonPicker(QComboBox):
    """One person: chosen from the roster (with completion) or typed, e.g. a superior's representative."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText("从名册中选择，也可直接输入")
        self.setToolTip("可从名册中选择（输入姓名中的字即可查找）；名册以外的人员可直接输入姓名")

    def set_people(self, people: Sequence[Mapping[str, Any]]) -> None:
        """Offer these roster rows, keeping the name (and id) shown."""
        shown, chosen = self.name(), self.person_id()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem("", None)
            for person in people:
                self.addItem(str(person["name"]), int(person["id"]))
                if person.get("unit"):
                    self.setItemData(self.count() - 1, person["unit"], Qt.ItemDataRole.ToolTipRole)
            self.set_person(shown, chosen)
        finally:
            self.blockSignals(False)

    def set_person(self, name: str | None, person_id: int | None = None) -> None:
        name = name or ""
        index = self.findData(person_id) if person_id is not None else -1
        if index < 0 or self.itemText(index) != name:
            index = self.findText(name) if name else 0
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(name)

    def name(self) -> str:
        return self.currentText().strip()

    def person_id(self) -> int | None:
        """The roster id of the name shown; None for an outsider or an unresolved shared name."""
        name = self.name()
        if not name:
            return None
        if self.currentIndex() > 0 and self.itemText(self.currentIndex()) == name:
            return self._id_at(self.currentIndex())
        matches = [i for i in range(1, self.count()) if self.itemText(i) == name]
        return self._id_at(matches[0]) if len(matches) == 1 else None

    def _id_at(self, index: int) -> int | None:
        data = self.itemData(index)
        return int(data) if data is not None else None


class PersonDelegate(QStyledItemDelegate):
    """A table column whose cells are picked with a ``PersonPicker``."""

    def __init__(self, people: Sequence[Mapping[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: Sequence[Mapping[str, Any]] = list(people)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        picker = PersonPicker(parent)
        picker.set_people(self.people)
        return picker

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, PersonPicker)
        editor.set_person(index.data() or "", index.data(PERSON_ID_ROLE))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, PersonPicker)
        model.setData(index, editor.name())
        model.setData(index, editor.person_id(), PERSON_ID_ROLE)


class PeoplePicker(CustomInput):
    """Several people, each picked from the roster or typed; the text is their names joined by “、”.

    A stored text naming more people than there are pickers gets a picker per name, so that
    nothing recorded is dropped (the count rule then says what is wrong)."""

    def __init__(
        self, slots: int, people: Sequence[Mapping[str, Any]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._people = list(people)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.pickers: list[PersonPicker] = []
        for _ in range(slots):
            self._add_picker()

    def _add_picker(self) -> None:
        picker = PersonPicker(self)
        picker.set_people(self._people)
        line = picker.lineEdit()
        if line is not None:
            line.setPlaceholderText(f"第{len(self.pickers) + 1}人")
        picker.currentTextChanged.connect(self.changed)
        self._row.addWidget(picker, 1)
        self.pickers.append(picker)

    def set_people(self, people: Sequence[Mapping[str, Any]]) -> None:
        self._people = list(people)
        for picker in self.pickers:
            picker.set_people(self._people)

    def names(self) -> list[str]:
        return [picker.name() for picker in self.pickers if picker.name()]

    def text(self) -> str:
        return "、".join(self.names())

    def set_text(self, text: str) -> None:
        names = split_names(text)
        while len(self.pickers) < len(names):
            self._add_picker()
        for picker, name in zip_longest(self.pickers, names):
            picker.set_person(name or "")
