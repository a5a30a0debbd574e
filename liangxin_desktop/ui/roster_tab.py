"""The 党员花名册 tab: the shared register tab plus leaving, history and the as-of roster."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QPushButton

from liangxin_desktop import clock
from liangxin_desktop.domain import dates
from liangxin_desktop.errors import InvalidValue
from liangxin_desktop.storage import membership, people, pipeline, pipeline_steps
from liangxin_desktop.ui.leave_dialog import LeaveDialog
from liangxin_desktop.ui.membership_actions import MembershipActions
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.record_dialog import RecordDialog
from liangxin_desktop.ui.six_month_dialog import SixMonthDialog
from liangxin_desktop.ui.step_dialog import DecidingMeeting, Step, StepDialog


class RosterTab(MembershipActions):
    def add_actions(self) -> None:
        self.leave_button = QPushButton("组织关系与党籍")
        self.leave_button.setToolTip("转出（开具介绍信）、转入、死亡、出党、停止党籍、恢复党籍")
        self.leave_button.setMenu(
            self._menu(
                ("党员离开（转出、死亡、出党）…", self.leave_selected),
                ("组织关系转入（再次转入）…", self.transfer_in_selected),
                ("打印组织关系介绍信…", self.print_letter_selected),
                ("登记介绍信回执…", self.receipt_selected),
                ("停止党籍…", self.suspend_selected),
                ("恢复党籍…", self.restore_selected),
            )
        )
        self.bar.addWidget(self.leave_button)
        self.steps_button = QPushButton("预备党员")
        self.steps_button.setToolTip("党委审批、入党宣誓、预备期考察、转正、延长预备期、归档")
        self.steps_button.setMenu(
            self._menu(
                ("上级党委审批…", self.approve_selected),
                *[
                    (f"{pipeline_steps.STEPS[kind].label}…", self._step_action(kind))
                    for kind in ("sworn", "assessment", "conversion_applied")
                ],
                ("转为正式党员…", self.convert_selected),
                ("延长预备期…", self.extend_selected),
                *[
                    (f"{pipeline_steps.STEPS[kind].label}…", self._step_action(kind))
                    for kind in ("conversion_approved", "archived")
                ],
            )
        )
        self.bar.addWidget(self.steps_button)
        self.add_pipeline_record_button()
        flags = QPushButton("六个月提示…")
        flags.setToolTip("连续3个月、6个月未参加组织生活或未交党费的党员（党章第九条）")
        flags.clicked.connect(lambda: SixMonthDialog.ask(self, self.archive))
        self.bar.addWidget(flags)

    def add_filters(self) -> None:
        self.include_left = QCheckBox("含已离开")
        self.include_left.setToolTip("同时显示已转出、去世等离开本支部的党员")
        self.as_of = QLineEdit()
        self.as_of.setPlaceholderText("历史名册：日期")
        self.as_of.setMaximumWidth(120)
        self.as_of.setToolTip(
            "输入日期（例如 2020-12-31）后按回车，查看当时在册的党员；清空则为当前名册"
        )
        self.bar.addWidget(self.include_left)
        self.add_reveal_ids()
        self.bar.addWidget(self.as_of)
        self.include_left.toggled.connect(self.apply_filter)
        self.as_of.returnPressed.connect(self.apply_filter)

    def search_hint(self) -> str:
        return "查找：姓名、身份证号、电话、单位或党小组"

    def empty_text(self) -> str:
        """After the profile is saved the roster is empty: what to do next (see the 用户手册)."""
        return (
            "名册中还没有党员。接下来：\n"
            "① 点击“新增党员”（Ctrl+N）逐个登记；已有 Excel 花名册的，用“文件 → 从Excel导入…”（Ctrl+I）导入。\n"
            "② 在“六册 → 党费收缴册”中做本年度的党费核定。\n"
            "③ 开过的会议、党课和活动，记入“五簿”中对应的记录簿。不清楚记在哪一本？按 F1 打开使用说明。"
        )

    def filter_values(self) -> dict[str, Any] | None:
        as_of = None
        if self.as_of.text().strip():
            try:
                as_of = dates.parse_date(self.as_of.text())
            except InvalidValue as exc:
                show_problem(self, InvalidValue(f"截至日期：{exc.headline}", exc.advice))
                return None
        return {"include_left": self.include_left.isChecked(), "as_of": as_of}

    def recount(self) -> None:
        self._counts = people.member_counts(self.archive)
        self._total = self._counts["total"] + self._counts["left"]

    def summary_line(self, shown: int) -> str:
        counts = self._counts
        return (
            f"在册党员 {counts['total']} 人（正式党员 {counts['full']} 人，预备党员 "
            f"{counts['probationary']} 人）；已离开 {counts['left']} 人；当前列表 {shown} 条"
        )

    def _choices(self) -> dict[str, list[str]]:
        return {"unit": people.unit_names(self.archive)}

    def open_form(self, record_id: int | None) -> Any:
        archive, fields = self.archive, self.register.form_fields
        if record_id is None:
            return RecordDialog.ask(
                self,
                "新增党员",
                fields,
                lambda raw: people.validate_member(archive, raw),
                lambda raw: people.add_member(archive, raw),
                choices=self._choices(),
            )
        person = people.get_person(archive, record_id)
        saved = RecordDialog.ask(
            self,
            f"修改：{person['name']}",
            fields,
            lambda raw: people.validate_member(archive, raw, record_id),
            lambda raw: people.update_member(archive, record_id, raw),
            initial=person,
            choices=self._choices(),
        )
        return None if saved is None else record_id

    def leave_selected(self) -> None:
        person_id = self._require_selection("办理离开")
        if person_id is None:
            return
        person = people.get_person(self.archive, person_id)
        leave = LeaveDialog.ask(
            self,
            person["name"],
            lambda answer: people.record_leave(
                self.archive,
                person_id,
                answer.kind,
                answer.day,
                answer.destination,
                answer.note,
                **answer.details,
            ),
            membership.next_letter_number(self.archive, (self.today or clock.today()).year),
        )
        if leave is None:
            return
        self.refresh()
        if leave.kind == "转出" and self.ask_yes(
            "打印介绍信", "已办理转出。现在打印组织关系介绍信吗？"
        ):
            self.print_letter(int(leave.outcome), person["name"])

    def _probationary(self, doing: str) -> dict[str, Any] | None:
        person_id = self._require_selection(doing)
        if person_id is None:
            return None
        person = people.get_person(self.archive, person_id)
        if person["member_category"] != "预备党员":
            QMessageBox.information(
                self, "不是预备党员", f"“{person['name']}”是正式党员，不需要{doing}。"
            )
            return None
        return person

    def convert_selected(self) -> None:
        person = self._probationary("办理转正")
        if person is None:
            return
        due = pipeline.probation_due(self.archive, person["id"])
        explanation = (
            f"“{person['name']}”预备期满（{dates.format_cn_date(due)}），经支部大会讨论通过转为正式党员。"
            "转正日期为预备期满之日，不论支部大会在哪一天召开（《发展党员工作细则》第三十二条）。"
        )
        step = StepDialog.ask(
            self,
            "转为正式党员",
            explanation,
            "支部大会日期",
            default_day=max(due, min(self.today or clock.today(), due)),
            action=lambda answer: pipeline_steps.convert(
                self.archive,
                person["id"],
                answer.day,
                due,
                meeting_id=answer.meeting_id,
                today=self.today,
            ),
            warn=lambda answer: pipeline_steps.vote_missing(self.archive, answer.meeting_id),
            meeting=DecidingMeeting(
                self.archive,
                pipeline_steps.DECIDING_MEETINGS["conversion_meeting"],
                f"讨论{person['name']}按期转为正式党员",
            ),
        )
        if step is not None:
            self.refresh()

    def extend_selected(self) -> None:
        person = self._probationary("延长预备期")
        if person is None:
            return

        def extend(answer: Step) -> object:
            months = int(answer.text) if answer.text.isdigit() else 0
            return pipeline.extend_probation(
                self.archive, person["id"], answer.day, months, self.today
            )

        explanation = f"经支部大会讨论，延长“{person['name']}”的预备期（只能延长一次，6至12个月）。"
        if (
            StepDialog.ask(
                self, "延长预备期", explanation, "支部大会日期", "延长月数", "6", action=extend
            )
            is not None
        ):
            self.refresh()
