"""The 入党积极分子花名册 tab: applicants, activists and candidates, and the steps that move them on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton

from liangxin_desktop.storage import pipeline
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.register_tab import RegisterTab
from liangxin_desktop.ui.step_dialog import Step, StepDialog


class ActivistsTab(RegisterTab):
    def add_actions(self) -> None:
        for text, slot in (
            ("确定为积极分子…", self.make_activist),
            ("确定为发展对象…", self.make_candidate),
            ("接收为预备党员…", self.admit),
            ("取消资格…", self.disqualify),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.bar.addWidget(button)
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
        text_value: str = "",
    ) -> None:
        """Ask for a dated step and carry it out; a refusal keeps the dialog open with what was typed."""
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
            text_value or (person.get("mentors") or "" if text_label == "培养联系人" else ""),
            action=lambda answer: act(person_id, answer),
        )
        if step is None:
            return
        if step.outcome:
            QMessageBox.warning(
                self, "请注意", "\n".join(step.outcome) + "\n\n已按您的操作记录，请核对。"
            )
        self.refresh()

    def make_activist(self) -> None:
        self._run_step(
            "确定为积极分子",
            "确定为入党积极分子",
            "“{name}”经支委会研究确定为入党积极分子。",
            "支委会日期",
            lambda pid, step: pipeline.make_activist(
                self.archive, pid, step.day, step.text, self.today
            ),
            "培养联系人",
        )

    def make_candidate(self) -> None:
        self._run_step(
            "确定为发展对象",
            "确定为发展对象",
            "“{name}”经培养考察一年以上，支委会研究确定为发展对象。",
            "支委会日期",
            lambda pid, step: pipeline.make_candidate(self.archive, pid, step.day, self.today),
        )

    def admit(self) -> None:
        self._run_step(
            "接收为预备党员",
            "接收为预备党员",
            "支部大会讨论通过接收“{name}”为预备党员。接收后将出现在党员花名册中，入党日期为支部大会日期。",
            "支部大会日期",
            lambda pid, step: pipeline.admit(self.archive, pid, step.day, self.today),
        )

    def disqualify(self) -> None:
        self._run_step(
            "取消资格",
            "取消资格",
            "取消“{name}”的入党申请人（积极分子、发展对象）资格。记录保留，不会删除。",
            "日期",
            lambda pid, step: pipeline.disqualify(
                self.archive, pid, step.day, step.text, self.today
            ),
            "原因",
        )
