"""A small form for one dated step (确定为积极分子, 转正 …): a date and, where needed, one more answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.ui.field_widgets import FieldEditor


@dataclass
class Step:
    day: date
    text: str
    outcome: Any = None  # what the step's action returned (e.g. warnings)


class StepDialog(QDialog):
    def __init__(
        self,
        title: str,
        explanation: str,
        date_label: str,
        text_label: str = "",
        text_value: str = "",
        default_day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = FieldEditor(Field("day", date_label, FieldKind.DATE))
        self.day.set_value((default_day or date.today()).isoformat())
        self.text = QLineEdit(text_value)
        self.text_required = bool(text_label)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout()
        form.addRow(date_label, self.day)
        if text_label:
            form.addRow(text_label, self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(explanation)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_value: Step | None = None
        self.action: Callable[[Step], Any] | None = None
        self.resize(480, 200)

    def accept(self) -> None:
        try:
            day = dates.parse_date(self.day.value())
        except InvalidValue as exc:
            self.error.setText(f"日期：{exc.message()}")
            return
        step = Step(day, self.text.text().strip())
        if self.action is not None:
            try:
                step.outcome = self.action(step)
            except LiangxinError as exc:  # refused: the dialog stays open with what was typed
                self.error.setText(exc.message())
                return
        self.result_value = step
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        explanation: str,
        date_label: str,
        text_label: str = "",
        text_value: str = "",
        default_day: date | None = None,
        action: Callable[[Step], Any] | None = None,
    ) -> Step | None:
        """Ask for the step; with ``action``, carry it out before closing (a refusal keeps it open)."""
        dialog = cls(title, explanation, date_label, text_label, text_value, default_day, parent)
        dialog.action = action
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
