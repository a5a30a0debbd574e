"""The 入党积极分子花名册 tab: applicants, activists and candidates, and the steps that move them on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QMenu, QPushButton

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.storage import pipeline, pipeline_steps
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.person_picker import PeoplePicker
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.register_tab import RegisterTab
from liangxin_desktop.ui.step_dialog import DecidingMeeting, Step, StepDialog

Record = Callable[[Archive, int, Step, date | None], Any]
Warn = Callable[[Archive, int, Step], Sequence[str]]

_MENTORS = Field("mentors", "培养联系人", max_length=40, help="1至2名正式党员，从名册中选择")
_PUBLICITY_END = Field("end", "公示结束日期", FieldKind.DATE, required=True)


@dataclass(frozen=True)
class StepAction:
    """One step the tab offers: what its dialog asks, and the storage calls that warn and record."""

    label: str  # the button or menu entry, and the dialog's title
    doing: str  # what the clerk is doing, for 请先选择…
    explanation: str  # ``{name}`` is the person's name
    date_label: str
    record: Record
    warn: Warn | None = None
    text_label: str = ""
    topic: str = ""  # the 议题 of a deciding meeting's record made with the step (``{name}``)
    extra: tuple[Field, ...] = ()


def _mentors(step: Step) -> str:
    return str(step.values.get("mentors") or "")


def _recorded(kind: str, doing: str, explanation: str, date_label: str) -> StepAction:
    """A step of ``pipeline_steps.STEPS``: a dated entry with its one detail."""
    step = pipeline_steps.STEPS[kind]
    return StepAction(
        step.label,
        doing,
        explanation,
        date_label,
        lambda a, pid, s, today: pipeline_steps.record_step(a, pid, kind, s.day, s.text, today),
        text_label=step.detail_label,
    )


# Keyed by the milestone each records; a key of ``DECIDING_MEETINGS`` is tied to its meeting.
STEP_ACTIONS: dict[str, StepAction] = {
    "activist": StepAction(
        "确定为入党积极分子",
        "确定为积极分子",
        "“{name}”经支委会研究确定为入党积极分子。培养联系人应为1至2名正式党员，从名册中选择。",
        "支委会日期",
        lambda a, pid, s, today: pipeline.make_activist(
            a, pid, s.day, _mentors(s), today, meeting_id=s.meeting_id
        ),
        warn=lambda a, pid, s: pipeline.activist_warnings(a, pid, s.day, _mentors(s)),
        topic="研究确定{name}为入党积极分子",
        extra=(_MENTORS,),
    ),
    "candidate": StepAction(
        "确定为发展对象",
        "确定为发展对象",
        "“{name}”经培养考察一年以上，支委会研究确定为发展对象。",
        "支委会日期",
        lambda a, pid, s, today: pipeline.make_candidate(
            a, pid, s.day, today, meeting_id=s.meeting_id
        ),
        warn=lambda a, pid, s: pipeline.candidate_warnings(a, pid, s.day),
        topic="研究确定{name}为发展对象",
    ),
    "admitted": StepAction(
        "接收为预备党员",
        "接收为预备党员",
        "支部大会讨论并表决通过接收“{name}”为预备党员。接收后将出现在党员花名册中，"
        "入党日期为支部大会日期。请选择记录了表决情况的支部党员大会，或新建一条并填写表决情况。",
        "支部大会日期",
        lambda a, pid, s, today: pipeline.admit(a, pid, s.day, today, meeting_id=s.meeting_id),
        warn=lambda a, pid, s: [
            *pipeline.admission_warnings(a, pid, s.day),
            *pipeline_steps.vote_missing(a, s.meeting_id),
        ],
        topic="讨论接收{name}为预备党员",
    ),
    "assessment": _recorded(
        "assessment", "登记培养考察", "每半年对“{name}”进行一次考察。", "考察日期"
    ),
    "pre_review": _recorded(
        "pre_review", "登记预审", "上级党委对发展对象“{name}”进行预审。", "预审日期"
    ),
    "publicity": StepAction(
        "公示",
        "登记公示",
        "对发展对象“{name}”进行公示（不少于5个工作日，在支部大会之前）。",
        "公示开始日期",
        lambda a, pid, s, today: pipeline_steps.record_publicity(
            a, pid, s.day, date.fromisoformat(s.values["end"]), today
        ),
        extra=(_PUBLICITY_END,),
    ),
    "disqualified": StepAction(
        "取消资格",
        "取消资格",
        "取消“{name}”的入党申请人（积极分子、发展对象）资格。记录保留，不会删除。",
        "日期",
        lambda a, pid, s, today: pipeline.disqualify(a, pid, s.day, s.text, today),
        text_label="原因",
    ),
}
MAIN_STEPS = ("activist", "candidate", "admitted")  # buttons; the others are under 其他步骤
MORE_STEPS = ("assessment", "pre_review", "publicity", "disqualified")


class ActivistsTab(RegisterTab):
    def add_actions(self) -> None:
        for kind in MAIN_STEPS:
            button = QPushButton(f"{STEP_ACTIONS[kind].label}…")
            button.clicked.connect(lambda _=False, kind=kind: self.run_step(kind))
            self.bar.addWidget(button)
        more = QPushButton("其他步骤")
        more.setToolTip("、".join(STEP_ACTIONS[kind].label for kind in MORE_STEPS))
        menu = QMenu(more)
        for kind in MORE_STEPS:
            action = menu.addAction(f"{STEP_ACTIONS[kind].label}…")
            action.triggered.connect(lambda _=False, kind=kind: self.run_step(kind))
        more.setMenu(menu)
        self.bar.addWidget(more)
        self.add_pipeline_record_button()

    def search_hint(self) -> str:
        return "查找：姓名、身份证号、电话、单位或培养联系人"

    def empty_text(self) -> str:
        return "还没有入党申请人。收到入党申请书后，点击“新增入党积极分子”登记申请人。"

    def _people_pickers(
        self, person: dict[str, Any] | None, keys: tuple[str, ...] = ("mentors", "sponsors")
    ) -> dict[str, PeoplePicker]:
        """培养联系人 and 入党介绍人, picked from the 正式党员 of the roster (or typed)."""
        full = pipeline_steps.full_members_on(self.archive, self.today or clock.today())
        pickers = {key: PeoplePicker(2, full) for key in keys}
        for key, picker in pickers.items():
            picker.setToolTip("从名册的正式党员中选择；名册以外的人员可直接输入姓名")
            picker.set_text(str((person or {}).get(key) or ""))
        return pickers

    def open_form(self, record_id: int | None) -> Any:
        archive, fields = self.archive, self.register.form_fields
        if record_id is None:
            return RecordDialog.ask(
                self,
                "登记入党申请人",
                fields,
                lambda raw: pipeline.validate_applicant(archive, raw),
                lambda raw: pipeline.add_applicant(archive, raw),
                combos=self._people_pickers(None),
            )
        person = pipeline.get_applicant(archive, record_id)
        saved = RecordDialog.ask(
            self,
            f"修改：{person['name']}",
            fields,
            lambda raw: pipeline.validate_applicant(archive, raw, record_id),
            lambda raw: pipeline.update_applicant(archive, record_id, raw),
            initial=person,
            combos=self._people_pickers(person),
        )
        return None if saved is None else record_id

    def run_step(self, kind: str) -> None:
        """Ask for a dated step, say what the rules warn about before it is recorded, then carry
        it out (with its deciding meeting); a refusal keeps the dialog open with what was typed."""
        spec = STEP_ACTIONS[kind]
        person_id = self._require_selection(spec.doing)
        if person_id is None:
            return
        person = pipeline.get_applicant(self.archive, person_id)
        archive, today, warn = self.archive, self.today, spec.warn
        decided_by = pipeline_steps.DECIDING_MEETINGS.get(kind)
        step = StepDialog.ask(
            self,
            spec.label,
            spec.explanation.format(name=person["name"]),
            spec.date_label,
            spec.text_label,
            action=lambda answer: spec.record(archive, person_id, answer, today),
            warn=(lambda answer: warn(archive, person_id, answer)) if warn else None,
            meeting=(
                DecidingMeeting(archive, decided_by, spec.topic.format(name=person["name"]))
                if decided_by
                else None
            ),
            extra=spec.extra,
            inputs=(
                {"mentors": self._people_pickers(person, ("mentors",))["mentors"]}
                if _MENTORS in spec.extra
                else None
            ),
        )
        if step is not None:
            self.refresh()
