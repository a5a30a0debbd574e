"""A small form for one dated step (确定为积极分子, 转正 …): a date, the deciding meeting where the
rules tie the step to one (a record near the date, or a new one made with the step, carrying the
vote of a 支部党员大会), and the few answers the step needs.

The step's warnings are shown *before* it is recorded: the clerk chooses 仍然办理 or 返回修改
(issue 10, item 6); a refusal keeps the dialog open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS
from liangxin_desktop.catalog.validation import clean_field
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.storage import pipeline_steps
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.field_widgets import CustomInput, FieldEditor

NEW_MEETING = "new"
VOTE_FIELDS = (
    "vote_eligible", "vote_present", "vote_written", "vote_yes", "vote_no", "vote_abstain"
)  # fmt: skip


@dataclass(frozen=True)
class DecidingMeeting:
    """The meeting that decides a step: one of ``kind`` near the step's date, or a new record
    made with the step (with ``topic``; the vote of a 支部党员大会 is typed in the dialog)."""

    archive: Archive
    kind: str  # 支委会 / 支部党员大会
    topic: str

    @property
    def votes(self) -> bool:
        return self.kind in pipeline_steps.VOTING_MEETINGS

    def near(self, day: date) -> list[dict[str, Any]]:
        return pipeline_steps.meetings_near(self.archive, self.kind, day)


@dataclass
class Step:
    day: date
    text: str
    outcome: Any = None  # what the step's action returned (e.g. warnings)
    meeting_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)  # the extra fields, parsed
    new_meeting: bool = False  # the deciding meeting's record is made with the step
    vote: dict[str, Any] | None = None  # the vote typed for a new 支部党员大会 record


def confirm_warnings(parent: QWidget | None, warnings: Sequence[str]) -> bool:
    """Ask before recording a step the rules warn about: True for 仍然办理."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("请注意")
    box.setText("按照《发展党员工作细则》，这一步有以下情况：")
    box.setInformativeText("\n".join(warnings))
    go = box.addButton("仍然办理", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("返回修改", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is go


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
        extra: Sequence[Field] = (),
        meeting: DecidingMeeting | None = None,
        inputs: Mapping[str, QComboBox | CustomInput] | None = None,
    ) -> None:
        """``inputs`` replace the inputs of some ``extra`` fields (e.g. a PeoplePicker)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = FieldEditor(Field("day", date_label, FieldKind.DATE))
        self.day.set_value((default_day or clock.today()).isoformat())
        self.text = QLineEdit(text_value)
        self.text_required = bool(text_label)
        self.extra = {
            spec.key: FieldEditor(spec, combo=(inputs or {}).get(spec.key)) for spec in extra
        }
        self.meeting = QComboBox()
        self._meeting = meeting
        self._meeting_dates: dict[int, str] = {}
        self.vote = {key: FieldEditor(COMMITTEE_MEETINGS.field(key)) for key in VOTE_FIELDS}
        self.vote_box = self._vote_box()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(date_label, self.day)
        if meeting is not None:
            form.addRow(f"决定的{meeting.kind}", self.meeting)
            self.day.changed.connect(self._list_meetings)
            self.meeting.currentIndexChanged.connect(self._meeting_picked)
            self._list_meetings()
        if text_label:
            form.addRow(text_label, self.text)
        for spec in extra:
            form.addRow(spec.label, self.extra[spec.key])
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
        layout.addWidget(self.vote_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_value: Step | None = None
        self.action: Callable[[Step], Any] | None = None
        self.warn: Callable[[Step], Sequence[str]] | None = None
        self.resize(520, 220)

    def _vote_box(self) -> QGroupBox:
        box = QGroupBox("表决情况（记入新建的会议记录）")
        grid = QFormLayout(box)
        for editor in self.vote.values():
            grid.addRow(editor.spec.label, editor)
        box.setVisible(False)
        return box

    def _list_meetings(self) -> None:
        """The meetings of the deciding kind near the date typed, nearest first, then a new one.

        A meeting stays picked only while the step's date is its date; a meeting held on the
        date typed is picked by itself."""
        if self._meeting is None:
            return
        try:
            day = dates.parse_date(self.day.value()).isoformat()
        except InvalidValue:
            return
        chosen = self.meeting.currentData()
        if chosen != NEW_MEETING and self._meeting_dates.get(chosen) != day:
            chosen = None
        self.meeting.blockSignals(True)
        self.meeting.clear()
        self.meeting.addItem("（不关联会议记录）", None)
        for row in self._meeting.near(date.fromisoformat(day)):
            label = f"{row['meeting_date']} {row['kind']}：{str(row['topic'])[:24]}"
            self.meeting.addItem(label, int(row["id"]))  # (a tuple would not be found again)
            self._meeting_dates[int(row["id"])] = str(row["meeting_date"])
            if chosen is None and row["meeting_date"] == day:
                chosen = int(row["id"])
        self.meeting.addItem(f"新建{self._meeting.kind}会议记录（日期同上）", NEW_MEETING)
        self.meeting.setCurrentIndex(max(self.meeting.findData(chosen) if chosen else 0, 0))
        self.meeting.blockSignals(False)

    def _meeting_picked(self) -> None:
        data = self.meeting.currentData()
        new = data == NEW_MEETING
        if data and not new and self.day.value() != self._meeting_dates[data]:
            self.day.set_value(self._meeting_dates[data])  # dated by the meeting that decided it
        voting = new and self._meeting is not None and self._meeting.votes
        self.vote_box.setVisible(voting)
        if voting:
            self._offer_entitled()
        self.adjustSize()

    def _offer_entitled(self) -> None:
        """应到会有表决权人数: the 正式党员 in normal standing on the day, unless typed already."""
        editor = self.vote["vote_eligible"]
        if self._meeting is None or str(editor.value()).strip():
            return
        try:
            day = dates.parse_date(self.day.value())
        except InvalidValue:
            return
        editor.set_value(len(pipeline_steps.full_members_on(self._meeting.archive, day)))

    def _step(self) -> Step | None:
        try:
            day = dates.parse_date(self.day.value())
        except InvalidValue as exc:
            self.error.setText(f"日期：{exc.message()}")
            return None
        values = {}
        for key, editor in self.extra.items():
            value, problem = clean_field(editor.spec, editor.value())
            if problem:
                self.error.setText(problem.text())
                return None
            values[key] = value
        data = self.meeting.currentData() if self._meeting is not None else None
        new = data == NEW_MEETING
        vote = None
        if new and self._meeting is not None and self._meeting.votes:
            vote = {key: editor.value() for key, editor in self.vote.items()}
        return Step(
            day,
            self.text.text().strip(),
            meeting_id=int(data) if data and not new else None,
            values=values,
            new_meeting=new,
            vote=vote,
        )

    def _carry_out(self, step: Step) -> Any:
        """The step's action; with a new meeting record, both in one transaction."""
        if self.action is None:
            return None
        if not step.new_meeting or self._meeting is None:
            return self.action(step)
        action, meeting = self.action, self._meeting

        def at(meeting_id: int) -> Any:
            step.meeting_id = meeting_id
            return action(step)

        return pipeline_steps.with_new_meeting(
            meeting.archive, meeting.kind, step.day, meeting.topic, step.vote, at
        )

    def accept(self) -> None:
        step = self._step()
        if step is None:
            return
        try:
            warnings = list(self.warn(step)) if self.warn is not None else []
            if warnings and not confirm_warnings(self, warnings):
                self.error.setText("请修改后再确定。")
                return
            step.outcome = self._carry_out(step)
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
        *,
        warn: Callable[[Step], Sequence[str]] | None = None,
        extra: Sequence[Field] = (),
        meeting: DecidingMeeting | None = None,
        inputs: Mapping[str, QComboBox | CustomInput] | None = None,
    ) -> Step | None:
        """Ask for the step; ``warn`` says what the rules warn about before ``action`` records it
        (a refusal keeps the dialog open). ``meeting`` offers the deciding meetings near the date
        or a new record of one."""
        dialog = cls(
            title, explanation, date_label, text_label, text_value, default_day, parent, extra,
            meeting, inputs,
        )  # fmt: skip
        dialog.action, dialog.warn = action, warn
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
