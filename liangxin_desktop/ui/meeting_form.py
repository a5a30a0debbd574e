"""The meeting form: the shared record fields, 主持人/记录人 picked, the attendance, the resolutions
and the development decisions taken at the meeting (确定为积极分子 …, recorded with the steps)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Problem
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.validation import Cleaned
from liangxin_desktop.domain.meeting_people import count_warnings
from liangxin_desktop.storage import meetings, pipeline_steps, records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.attendance_section import AttendancePicker, meeting_day
from liangxin_desktop.ui.drafts import DraftSlot
from liangxin_desktop.ui.person_picker import PersonPicker
from liangxin_desktop.ui.record_dialog import RecordDialog, Section
from liangxin_desktop.ui.rows_section import RowsSection

PICKED_FIELDS = ("host", "recorder")  # chosen from the members of the meeting day
_VOTES = ("vote_yes", "vote_no", "vote_abstain")


def _number(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


class DecisionsSection(Section):
    """What the meeting decided about people, read only: the steps are recorded (and changed)
    in the 入党积极分子花名册 and the 党员花名册, tied to this meeting."""

    def __init__(self, decisions: list[str]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        title = QLabel(
            "<b>本次会议作出的发展党员决定</b>（在入党积极分子花名册、党员花名册中办理）"
        )
        title.setWordWrap(True)
        self.lines = QLabel("\n".join(f"{n}. {text}" for n, text in enumerate(decisions, 1)))
        self.lines.setObjectName("meeting_decisions")
        self.lines.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.lines)


class MeetingForm:
    """The dialog of one meeting with what ties its parts together (pickers, counts, warnings)."""

    def __init__(
        self, parent: QWidget | None, archive: Archive, register: Register, meeting_id: int | None
    ) -> None:
        self.archive, self.register, self.meeting_id = archive, register, meeting_id
        initial = (
            records.get_record(archive, register, meeting_id)
            if meeting_id
            else {"meeting_date": clock.today().isoformat()}
        )
        recorded = meetings.attendance_of(archive, meeting_id) if meeting_id else {}
        self.attendance = AttendancePicker(
            archive, meeting_day(initial), recorded, str(initial.get("kind") or "")
        )
        self.resolutions = RowsSection(
            "决议事项",
            [("content", "决议事项"), ("owner", "负责人"), ("deadline", "完成时限")],
            meetings.resolutions_of(archive, meeting_id) if meeting_id else [],
            "resolutions",
            "（没有可不填）",
        )
        decisions = pipeline_steps.decisions_of(archive, meeting_id) if meeting_id else []
        self.decisions = DecisionsSection(decisions) if decisions else None
        self.pickers = {key: PersonPicker() for key in PICKED_FIELDS}
        self._offered_day: date | None = None
        self._offer_people()
        title = f"修改{register.row_noun}记录" if meeting_id else f"新增{register.row_noun}记录"
        self.dialog = RecordDialog(
            title,
            register.form_fields,
            self.validate,
            self.save,
            initial,
            parent=parent,
            sections=[
                self.attendance,
                self.resolutions,
                *([self.decisions] if self.decisions else []),
            ],
            draft=DraftSlot(archive, register.key, meeting_id),
            combos=self.pickers,
        )
        self.attendance.changed.connect(self._offer_people)
        self.dialog.editors["vote_held"].changed.connect(self.prefill_votes)

    def _offer_people(self) -> None:
        """主持人 and 记录人 offer the members of the meeting day (the attendance's roster)."""
        if self.attendance.day == self._offered_day:
            return
        self._offered_day = self.attendance.day
        for picker in self.pickers.values():
            picker.set_people(self.attendance.people)

    def prefill_votes(self) -> None:
        """Ticking 是否表决 fills empty vote counts from the attendance (预备党员 have no vote)."""
        editors = self.dialog.editors
        if not editors["vote_held"].value():
            return
        eligible, present = meetings.suggested_vote_counts(
            self.archive, self.attendance.entries(), self.attendance.day
        )
        for key, count in (("vote_eligible", eligible), ("vote_present", present)):
            if not str(editors[key].value()).strip():
                editors[key].set_value(count)
        if not any(str(editors[key].value()).strip() for key in _VOTES):
            editors["vote_yes"].set_value(present)

    def validate(self, raw: dict[str, Any]) -> Cleaned:
        cleaned = records.validate(self.register, raw)
        entries = self.attendance.entries()
        cleaned.problems += meetings.attendance_problems(self.archive, entries)
        if raw.get("vote_held") and not raw.get("vote_eligible"):
            eligible, present = meetings.suggested_vote_counts(
                self.archive, entries, meeting_day(raw)
            )
            cleaned.problems.append(
                Problem(
                    "vote_eligible",
                    "应到会有表决权人数",
                    f"按出席情况，应到会有表决权 {eligible} 人、实到 {present} 人（预备党员没有表决权）。",
                    is_error=False,
                )
            )
        votes = [_number(raw.get(key)) or 0 for key in _VOTES]
        for key, text in count_warnings(
            self.attendance.present(),
            bool(raw.get("vote_held")),
            _number(raw.get("vote_present")),
            votes,
        ):
            cleaned.problems.append(Problem(key, "", text, is_error=False))
        return cleaned

    def save(self, raw: dict[str, Any]) -> int:
        return meetings.save_meeting(
            self.archive,
            self.register,
            raw,
            self.attendance.entries(),
            self.resolutions.rows(),
            self.meeting_id,
        )


def ask_meeting(
    parent: QWidget, archive: Archive, register: Register, meeting_id: int | None
) -> int | None:
    """The add/edit form of a meeting; the saved meeting's id, or None when cancelled."""
    form = MeetingForm(parent, archive, register, meeting_id)
    accepted = form.dialog.exec() == QDialog.DialogCode.Accepted
    return int(form.dialog.result_value) if accepted else None
