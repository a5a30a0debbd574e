"""One editor widget per field kind, all with the same small interface (value, set_value, changed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field, FieldKind, display_value
from liangxin_desktop.domain import dates

_PLACEHOLDERS = {
    FieldKind.DATE: "例如 2019-07-01",
    FieldKind.MONTH: "例如 2023-05",
    FieldKind.MONEY: "单位：元，例如 15.00",
    FieldKind.INTEGER: "整数",
}


class CustomInput(QWidget):
    """An input made of several widgets (e.g. two person pickers) that reads and writes one text."""

    changed = Signal()

    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        raise NotImplementedError


class FieldEditor(QWidget):
    """Wraps the real input widget; ``value()`` returns what the clerk typed, unparsed."""

    changed = Signal()

    def __init__(
        self,
        spec: Field,
        choices: Sequence[str] = (),
        parent: QWidget | None = None,
        combo: QComboBox | CustomInput | None = None,
    ) -> None:
        """``combo`` replaces the usual input (e.g. a PersonPicker for 主持人)."""
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input = self._make_input(spec, choices) if combo is None else combo
        if isinstance(combo, CustomInput):
            combo.changed.connect(self.changed)
        elif combo is not None:
            combo.currentTextChanged.connect(self.changed)
        self.input.setObjectName(f"field_{spec.key}")
        layout.addWidget(self.input, 1)
        if spec.kind is FieldKind.DATE:
            layout.addWidget(self._calendar_button())
        if spec.help:
            self.input.setToolTip(spec.help)

    def _make_input(self, spec: Field, choices: Sequence[str]) -> QWidget:
        if spec.kind is FieldKind.LONG_TEXT:
            editor = QPlainTextEdit()
            editor.setMinimumHeight(
                220 if spec.max_length >= 5000 else 70
            )  # minutes, rule texts: room to write
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(self.changed)
            return editor
        if spec.kind is FieldKind.BOOL:
            box = QCheckBox("是")
            box.toggled.connect(self.changed)
            return box
        if spec.kind is FieldKind.CHOICE:
            return self._combo(spec, choices)
        line = QLineEdit()
        line.setPlaceholderText(spec.placeholder or _PLACEHOLDERS.get(spec.kind, ""))
        line.setMaxLength(spec.max_length if spec.kind is FieldKind.TEXT else 60)
        line.textChanged.connect(self.changed)
        return line

    def _combo(self, spec: Field, choices: Sequence[str]) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(spec.editable_choices)
        combo.addItem("")
        combo.addItems(list(choices or spec.choices))
        combo.setMaxVisibleItems(20)
        combo.currentTextChanged.connect(self.changed)
        line = combo.lineEdit()
        if spec.editable_choices and line is not None:
            line.setPlaceholderText("可选择，也可直接输入")
        return combo

    def _calendar_button(self) -> QToolButton:
        button = QToolButton()
        button.setText("日历")
        button.setToolTip("从日历中选择日期")
        menu = QMenu(button)
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(day: QDate) -> None:
            self._set_text(day.toString("yyyy-MM-dd"))
            menu.close()

        calendar.clicked.connect(picked)
        menu.aboutToShow.connect(lambda: calendar.setSelectedDate(self._current_qdate()))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    def _current_qdate(self) -> QDate:
        try:
            day = dates.parse_date(self.value())
        except Exception:
            day = clock.today()
        return QDate(day.year, day.month, day.day)

    def _set_text(self, text: str) -> None:
        assert isinstance(self.input, QLineEdit)
        self.input.setText(text)

    def value(self) -> Any:
        widget = self.input
        if isinstance(widget, CustomInput):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_value(self, stored: Any) -> None:
        widget = self.input
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(stored))
            return
        text = "" if stored is None else display_value(self.spec, stored)
        if isinstance(widget, CustomInput):
            widget.set_text(text)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            if widget.findText(text) < 0:
                widget.addItem(text)
            widget.setCurrentText(text)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(text)

    def mark(self, problem: str | None, is_error: bool = True) -> None:
        color = "#c62828" if is_error else "#b26a00"
        self.input.setStyleSheet(f"border: 1px solid {color};" if problem else "")
        self.input.setToolTip(problem or self.spec.help)
