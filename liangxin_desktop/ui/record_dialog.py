"""The add/edit form of any register, built from its catalog fields, validated as the clerk types.

Save stays disabled while any field is wrong; the message names the field and what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.catalog.validation import Cleaned
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.ui.confirm import confirm_warnings
from liangxin_desktop.ui.drafts import DraftKeeper, DraftSlot
from liangxin_desktop.ui.field_widgets import CustomInput, FieldEditor
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.window_state import fit_to_screen

Validate = Callable[[dict[str, Any]], Cleaned]
Save = Callable[[dict[str, Any]], Any]
_COLUMNS = 2


class Section(QWidget):
    """A part of a form beyond its fields (attendance, resolutions): tells when it changed."""

    changed = Signal()

    def state(self) -> Any:
        """What the clerk entered, to tell whether closing would lose anything."""
        return None

    def form_changed(self, raw: dict[str, Any]) -> None:
        """The form's fields changed (e.g. a meeting's date): adapt this section if it depends on them."""


class RecordDialog(QDialog):
    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        validate: Validate,
        save: Save,
        initial: Mapping[str, Any] | None = None,
        choices: Mapping[str, Sequence[str]] | None = None,
        parent: QWidget | None = None,
        sections: Sequence[Section] = (),
        draft: DraftSlot | None = None,
        combos: Mapping[str, QComboBox | CustomInput] | None = None,
    ) -> None:
        """``combos`` replace the inputs of some fields (e.g. person pickers for 主持人, 记录人)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self._validate, self._save = validate, save
        self.result_value: Any = None
        self.sections = list(sections)
        self.editors = {
            f.key: FieldEditor(f, (choices or {}).get(f.key, ()), combo=(combos or {}).get(f.key))
            for f in fields
        }
        self._build(fields)
        for key, value in (initial or {}).items():
            if key in self.editors:
                self.editors[key].set_value(value)
        self._initial = self._state()
        self.drafts = DraftKeeper(self, draft) if draft is not None else None
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.revalidate)
        self.finished.connect(
            self._timer.stop
        )  # closed: no re-check (the archive may be closed next)
        for editor in self.editors.values():
            editor.changed.connect(self._timer.start)
        for section in self.sections:
            section.changed.connect(self._timer.start)
        self.revalidate()
        fit_to_screen(self, 980, 680)
        # Deleted once closed (its values are read right after exec, before the deletion runs):
        # a form left behind as a hidden child of the window was later freed by Python's cycle
        # collector at a random moment — a crash in a long session.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _build(self, fields: Sequence[Field]) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        position = 0
        for spec in fields:
            wide = spec.kind is FieldKind.LONG_TEXT
            if wide and position % _COLUMNS:
                position += 1
            row, col = divmod(position, _COLUMNS)
            label = QLabel(
                spec.label + ("<span style='color:#c62828'> *</span>" if spec.required else "")
            )
            label.setBuddy(self.editors[spec.key].input)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(self.editors[spec.key], row, col * 2 + 1, 1, 3 if wide else 1)
            position += _COLUMNS if wide else 1
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(grid)
        for section in self.sections:
            column.addWidget(section)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.message = QLabel()
        self.message.setObjectName("validation_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("带 <span style='color:#c62828'>*</span> 的项目必须填写。"))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _state(self) -> tuple[Any, ...]:
        return (self.raw_values(), *(section.state() for section in self.sections))

    def raw_values(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def revalidate(self) -> Cleaned:
        for section in self.sections:
            section.form_changed(self.raw_values())
        cleaned = self._validate(self.raw_values())
        by_field = {p.field_key: p for p in reversed(cleaned.problems)}
        for key, editor in self.editors.items():
            problem = by_field.get(key)
            editor.mark(problem.text() if problem else None, problem.is_error if problem else True)
        lines = [f"<span style='color:#c62828'>× {p.text()}</span>" for p in cleaned.errors]
        lines += [f"<span style='color:#b26a00'>！{p.text()}</span>" for p in cleaned.warnings]
        self.message.setText("<br>".join(lines[:6]) + ("<br>……" if len(lines) > 6 else ""))
        self.save_button.setEnabled(cleaned.ok)
        return cleaned

    def accept(self) -> None:
        self._timer.stop()
        cleaned = self.revalidate()
        if not cleaned.ok:
            return
        if not confirm_warnings(self, [p.text() for p in cleaned.warnings], "保存"):
            return  # 返回修改: the form stays as it is
        try:
            self.result_value = self._save(self.raw_values())
        except LiangxinError as exc:
            show_problem(self, exc, "无法保存")
            return  # the dialog stays open: nothing the clerk typed is lost
        super().accept()

    def reject(self) -> None:
        """Closing with changes asks first, so that nothing typed is lost by a slip."""
        if self._state() != self._initial:
            answer = QMessageBox.question(
                self,
                "放弃填写的内容？",
                "您已填写的内容还没有保存。确定要放弃吗？",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        fields: Sequence[Field],
        validate: Validate,
        save: Save,
        initial: Mapping[str, Any] | None = None,
        choices: Mapping[str, Sequence[str]] | None = None,
        sections: Sequence[Section] = (),
        draft: DraftSlot | None = None,
        combos: Mapping[str, QComboBox | CustomInput] | None = None,
    ) -> Any:
        """Show the form; the save callback's result once saved, or None when cancelled.

        With ``draft`` the form is kept as a draft every few seconds until it is closed."""
        dialog = cls(
            title, fields, validate, save, initial, choices, parent, sections, draft, combos
        )
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
