"""Recording that a member leaves this organization: 转出 (with its 组织关系介绍信), 死亡 or 出党."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

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

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain import dates, membership
from liangxin_desktop.domain.milestones import LEAVE_HINTS, LEAVE_MILESTONES
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.ui.field_widgets import FieldEditor


@dataclass(frozen=True)
class Leave:
    kind: str
    day: date
    destination: str | None
    note: str | None
    details: dict[str, Any] = field(default_factory=dict)  # 介绍信 / 出党 details of the period
    outcome: Any = None  # what the action returned (the period's id)


class LeaveDialog(QDialog):
    def __init__(self, name: str, letter_no: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"党员离开：{name}")
        self.kind = QComboBox()
        self.kind.addItems(list(LEAVE_MILESTONES))
        self.day = FieldEditor(Field("left_on", "日期", FieldKind.DATE))
        self.day.set_value(clock.today().isoformat())
        self.destination = QLineEdit()
        self.destination.setPlaceholderText("转出时填写接收的党组织")
        self.letter_no = QLineEdit(letter_no)
        self.valid_until = FieldEditor(Field("letter_valid_until", "有效期至", FieldKind.DATE))
        self.dues_paid = FieldEditor(Field("out_dues_paid_until", "党费交至", FieldKind.MONTH))
        self.expulsion = QComboBox()
        self.expulsion.addItems(list(membership.EXPULSION_KINDS))
        self.decided_by = QLineEdit()
        self.decided_by.setPlaceholderText("作出决定的党组织")
        self.note = QLineEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("离开方式", self.kind)
        form.addRow("", self.hint)
        form.addRow("日期", self.day)
        form.addRow("转往党组织", self.destination)
        form.addRow("介绍信编号", self.letter_no)
        form.addRow("介绍信有效期至", self.valid_until)
        form.addRow("党费交至", self.dues_paid)
        form.addRow("出党情形", self.expulsion)
        form.addRow("决定机关", self.decided_by)
        form.addRow("备注", self.note)
        self._transfer = (self.destination, self.letter_no, self.valid_until, self.dues_paid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(f"“{name}”将离开本组织，记录保留在历史名册中，不会删除。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.day.changed.connect(self._day_changed)
        self._kind_changed(self.kind.currentText())
        self._day_changed()
        self.result_value: Leave | None = None
        self.action: Callable[[Leave], object] | None = None

    def _kind_changed(self, kind: str) -> None:
        self.hint.setText(LEAVE_HINTS.get(kind, ""))
        for widget in self._transfer:
            widget.setEnabled(kind == "转出")
        self.expulsion.setEnabled(kind == "出党")
        self.decided_by.setEnabled(kind == "出党")

    def _day_changed(self) -> None:
        """A new date proposes the usual 有效期 (30 days) and 党费交至 (the month of leaving)."""
        try:
            day = dates.parse_date(self.day.value())
        except InvalidValue:
            return
        self.valid_until.set_value(membership.letter_valid_until(day).isoformat())
        self.dues_paid.set_value(day.isoformat()[:7])

    def _details(self, kind: str) -> dict[str, Any]:
        if kind == "转出":
            return {
                "out_letter_no": self.letter_no.text().strip() or None,
                "letter_valid_until": self.valid_until.value() or None,
                "out_dues_paid_until": self.dues_paid.value() or None,
            }
        if kind == "出党":
            return {
                "end_detail": self.expulsion.currentText(),
                "decided_by": self.decided_by.text().strip(),
            }
        return {}

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
            kind,
            day,
            destination if kind == "转出" else None,
            self.note.text().strip() or None,
            self._details(kind),
        )
        if self.action is not None:
            try:
                leave = Leave(**{**leave.__dict__, "outcome": self.action(leave)})
            except LiangxinError as exc:  # refused: stay open with what was typed
                self.error.setText(exc.message())
                return
        self.result_value = leave
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        name: str,
        action: Callable[[Leave], object] | None = None,
        letter_no: str = "",
    ) -> Leave | None:
        """Ask how and when the member leaves; with ``action``, record it before closing."""
        dialog = cls(name, letter_no, parent)
        dialog.action = action
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
