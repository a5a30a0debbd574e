"""A dialog whose OK button checks the input first: a refusal is said under the form, which stays open."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from liangxin_desktop.errors import InvalidValue


class CheckedDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def request(self) -> Any:
        """What was asked for, as plain data; InvalidValue saying what is wrong."""
        raise NotImplementedError

    def _accept(self) -> None:
        try:
            self.request()
        except InvalidValue as exc:
            self.problem.setText(exc.message())
            return
        self.accept()

    def answer(self) -> Any:
        """Show the dialog; the request, or None when cancelled."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.request()
