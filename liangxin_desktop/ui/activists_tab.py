"""The 入党积极分子花名册 tab: applicants, activists and candidates, and the steps that move them on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QMenu, QPushButton

from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.storage import pipeline, pipeline_steps
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.register_tab import RegisterTab
from liangxin_desktop.ui.step_dialog import Step, StepDialog


class ActivistsTab(RegisterTab):
    def add_actions(self) -> None:
        for text, slot in (
            ("确定为积极分子…", self.make_activist),
            ("确定为发展对象…", self.make_candidate),
            ("接收为预备党员…", self.admit),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.bar.addWidget(button)
        more = QPushButton("其他步骤")
        more.setToolTip("培养考察、上级党委预审、公示、取消资格")
        menu = QMenu(more)
        for text, slot in (
            ("培养考察（半年）…", self.assessment),
            ("上级党委预审…", self.pre_review),
            ("公示…", self.publicity),
            ("取消资格…", self.disqualify),
        ):
            menu.addAction(text).triggered.connect(lambda _=False, slot=slot: slot())
        more.setMenu(menu)
        self.bar.addWidget(more)
        self.add_pipeline_record_button()

    def search_hint(self) -> str:
        return "查找：姓名、身份证号、电话、单位或培养联系人"

    def empty_text(self) -> str:
        return "还没有入党申请人。收到入党申请书后，点击“新增入党积极分子”登记申请人。"

    def open_form(self, record_id: int | None) -> Any:
        archive, fields = self.archive, self.register.form_fields
        if record_id is None:
            return RecordDialog.ask(
                self,
                "登记入党申请人",
                fields,
                lambda raw: pipeline.validate_applicant(archive, raw),
                lambda raw: pipeline.add_applicant(archive, raw),
            )
        person = pipeline.get_applicant(archive, record_id)
        saved = RecordDialog.ask(
            self,
            f"修改：{person['name']}",
            fields,
            lambda raw: pipeline.validate_applicant(archive, raw, record_id),
            lambda raw: pipeline.update_applicant(archive, record_id, raw),
            initial=person,
        )
        return None if saved is None else record_id

    def _run_step(
        self,
        doing: str,
        title: str,
        explanation: str,
        date_label: str,
        act: Callable[[int, Step], Any],
        text_label: str = "",
        warn: Callable[[int, Step], Any] | None = None,
        decided_by: str = "",
        extra: tuple[Field, ...] = (),
    ) -> None:
        """Ask for a dated step, say what the rules warn about before it is recorded, then carry
        it out; a refusal keeps the dialog open with what was typed."""
        person_id = self._require_selection(doing)
        if person_id is None:
            return
        person = pipeline.get_applicant(self.archive, person_id)
        step = StepDialog.ask(
            self,
            title,
            explanation.format(name=person["name"]),
            date_label,
            text_label,
            person.get("mentors") or "" if text_label == "培养联系人" else "",
            action=lambda answer: act(person_id, answer),
            warn=(lambda answer: warn(person_id, answer)) if warn else None,
            meetings=(
                (lambda day: pipeline_steps.meetings_near(self.archive, decided_by, day))
                if decided_by
                else None
            ),
            extra=extra,
        )
        if step is not None:
            self.refresh()

    def make_activist(self) -> None:
        self._run_step(
            "确定为积极分子",
            "确定为入党积极分子",
            "“{name}”经支委会研究确定为入党积极分子。培养联系人应为1至2名正式党员，用“、”分隔。",
            "支委会日期",
            lambda pid, step: pipeline.make_activist(
                self.archive, pid, step.day, step.text, meeting_id=step.meeting_id
            ),
            "培养联系人",
            warn=lambda pid, step: pipeline.activist_warnings(
                self.archive, pid, step.day, step.text
            ),
            decided_by="支委会",
        )

    def make_candidate(self) -> None:
        self._run_step(
            "确定为发展对象",
            "确定为发展对象",
            "“{name}”经培养考察一年以上，支委会研究确定为发展对象。",
            "支委会日期",
            lambda pid, step: pipeline.make_candidate(
                self.archive, pid, step.day, meeting_id=step.meeting_id
            ),
            warn=lambda pid, step: pipeline.candidate_warnings(self.archive, pid, step.day),
            decided_by="支委会",
        )

    def admit(self) -> None:
        self._run_step(
            "接收为预备党员",
            "接收为预备党员",
            "支部大会讨论并表决通过接收“{name}”为预备党员。接收后将出现在党员花名册中，"
            "入党日期为支部大会日期。请选择记录了表决情况的支部党员大会。",
            "支部大会日期",
            lambda pid, step: pipeline.admit(
                self.archive, pid, step.day, meeting_id=step.meeting_id
            ),
            warn=lambda pid, step: pipeline.admission_warnings(self.archive, pid, step.day),
            decided_by="支部党员大会",
        )

    def publicity(self) -> None:
        end = Field("end", "公示结束日期", FieldKind.DATE, required=True)
        self._run_step(
            "登记公示",
            "公示",
            "对发展对象“{name}”进行公示（不少于5个工作日，在支部大会之前）。",
            "公示开始日期",
            lambda pid, step: pipeline_steps.record_publicity(
                self.archive, pid, step.day, date.fromisoformat(step.values["end"])
            ),
            extra=(end,),
        )

    def pre_review(self) -> None:
        self._run_step(
            "登记预审",
            "上级党委预审",
            "上级党委对发展对象“{name}”进行预审。",
            "预审日期",
            lambda pid, step: pipeline_steps.record_step(
                self.archive, pid, "pre_review", step.day, step.text
            ),
            "预审结果",
        )

    def assessment(self) -> None:
        self._run_step(
            "登记培养考察",
            "培养考察（半年）",
            "每半年对“{name}”进行一次考察。",
            "考察日期",
            lambda pid, step: pipeline_steps.record_step(
                self.archive, pid, "assessment", step.day, step.text
            ),
            "考察情况",
        )

    def disqualify(self) -> None:
        self._run_step(
            "取消资格",
            "取消资格",
            "取消“{name}”的入党申请人（积极分子、发展对象）资格。记录保留，不会删除。",
            "日期",
            lambda pid, step: pipeline.disqualify(self.archive, pid, step.day, step.text),
            "原因",
        )
