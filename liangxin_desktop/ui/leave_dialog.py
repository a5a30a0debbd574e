"""Recording that a member leaves the roster: how, when, where to, and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
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
from liangxin_desktop.domain.milestones import LEAVE_HINTS, LEAVE_MILESTONES
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.ui.field_widgets import FieldEditor


@dataclass(frozen=True)
class Leave:
    kind: str
    day: date
    destination: str | None
    note: str | None


class LeaveDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"党员离开：{name}")
        self.kind = QComboBox()
        self.kind.addItems(list(LEAVE_MILESTONES))
        self.day = FieldEditor(Field("left_on", "日期", FieldKind.DATE))
        self.day.set_value(date.today().isoformat())
        self.destination = QLineEdit()
        self.destination.setPlaceholderText("转出时填写接收的党组织")
        self.note = QLineEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout()
        form.addRow("离开方式", self.kind)
        form.addRow("", self.hint)
        form.addRow("日期", self.day)
        form.addRow("转往党组织", self.destination)
        form.addRow("备注", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(f"“{name}”将从当前党员名册中移出，记录保留在历史名册中，不会删除。")
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentTextChanged.connect(self._kind_changed)
        self._kind_changed(self.kind.currentText())
        self.result_value: Leave | None = None
        self.action: Callable[[Leave], object] | None = None

    def _kind_changed(self, kind: str) -> None:
        self.hint.setText(LEAVE_HINTS.get(kind, ""))
        self.destination.setEnabled(kind == "转出")

    def accept(self) -> None:
        try:
            day = dates.parse_date(self.day.value())
        except InvalidValue as exc:
            self.error.setText(f"日期：{exc.message()}")
            return
        kind = self.kind.currentText()
        destination = self.destination.text().strip() or None
        if kind == "转出" and not destination:
            self.error.setText("转往党组织：组织关系转出时必须填写。")
            return
        leave = Leave(
            kind, day, destination if kind == "转出" else None, self.note.text().strip() or None
        )
        if self.action is not None:
            try:
                self.action(leave)
            except LiangxinError as exc:  # refused: stay open with what was typed
                self.error.setText(exc.message())
                return
        self.result_value = leave
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, action: Callable[[Leave], object] | None = None
    ) -> Leave | None:
        """Ask how and when the member leaves; with ``action``, record it before closing."""
        dialog = cls(name, parent)
        dialog.action = action
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
