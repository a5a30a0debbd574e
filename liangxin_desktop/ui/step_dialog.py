"""A small form for one dated step (确定为积极分子, 转正 …): a date and, where needed, one more answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.ui.field_widgets import FieldEditor


@dataclass(frozen=True)
class Step:
    day: date
    text: str


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
        self.resize(480, 200)

    def accept(self) -> None:
        try:
            day = dates.parse_date(self.day.value())
        except InvalidValue as exc:
            self.error.setText(f"日期：{exc.message()}")
            return
        self.result_value = Step(day, self.text.text().strip())
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
    ) -> Step | None:
        dialog = cls(title, explanation, date_label, text_label, text_value, default_day, parent)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
