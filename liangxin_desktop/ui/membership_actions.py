"""The roster's actions on 组织关系 and 党籍 (转入, 介绍信, 回执, 停止/恢复党籍) and on a 预备党员's
later steps (党委审批, 宣誓, 考察, 转正申请, 转正审批, 归档): each a small dialog that refuses or
warns before it records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMenu, QMessageBox

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field, FieldKind
from liangxin_desktop.domain import dates
from liangxin_desktop.storage import membership, people, pipeline_steps
from liangxin_desktop.ui.register_tab import RegisterTab
from liangxin_desktop.ui.step_dialog import Step, StepDialog

_FROM_ORG = Field("from_org", "原所在党组织", required=True, max_length=80)
_LETTER = Field("in_letter_no", "介绍信编号", max_length=40)
_PAID = Field("dues_paid_until", "党费交至", FieldKind.MONTH, help="介绍信上写明的党费已交到的月份")
_REASON = Field("reason", "原因", required=True, max_length=120)
_BODY = Field("decided_by", "决定的党组织", required=True, max_length=80)


class MembershipActions(RegisterTab):
    def _menu(self, *entries: tuple[str, Callable[[], None]]) -> QMenu:
        menu = QMenu(self)
        for text, slot in entries:
            menu.addAction(text).triggered.connect(lambda _=False, slot=slot: slot())
        return menu

    def ask_yes(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _person(self, doing: str) -> dict[str, Any] | None:
        person_id = self._require_selection(doing)
        return None if person_id is None else people.get_person(self.archive, person_id)

    def _ask(
        self,
        person: dict[str, Any],
        title: str,
        text: str,
        label: str,
        act: Callable[[Step], Any],
        **kw: Any,
    ) -> None:
        step = StepDialog.ask(
            self, title, text.format(name=person["name"]), label, action=act, **kw
        )
        if step is not None:
            if step.outcome:
                QMessageBox.warning(self, "请注意", "\n".join(step.outcome))
            self.refresh()

    def transfer_in_selected(self) -> None:
        """组织关系转入 of someone who left and comes back: one person, a second period."""
        person = self._person("办理组织关系转入")
        if person is None:
            return
        if person["stage"] == "member":
            QMessageBox.information(
                self,
                "已在本组织",
                f"“{person['name']}”目前在本组织。新转入的党员请用“新增党员”登记并填写转入日期。",
            )
            return

        def act(step: Step) -> None:
            values = step.values
            membership.transfer_in(
                self.archive,
                person["id"],
                step.day,
                values["from_org"] or "",
                letter_no=values["in_letter_no"] or "",
                dues_paid_until=values["dues_paid_until"],
            )

        self._ask(
            person,
            "组织关系转入",
            "“{name}”的组织关系转入本组织（同一人再次转入，记录为新的在本组织时段）。",
            "转入日期",
            act,
            extra=(_FROM_ORG, _LETTER, _PAID),
        )

    def _transfer_out_period(self, doing: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        person = self._person(doing)
        if person is None:
            return None
        periods = [
            p for p in membership.periods_of(self.archive, person["id"]) if p["end_kind"] == "转出"
        ]
        if not periods:
            QMessageBox.information(
                self, "没有转出记录", f"“{person['name']}”没有组织关系转出的记录。"
            )
            return None
        return person, periods[-1]

    def print_letter_selected(self) -> None:
        found = self._transfer_out_period("打印介绍信")
        if found is not None:
            self.print_letter(found[1]["id"], found[0]["name"])

    def print_letter(self, period_id: int, name: str) -> None:
        from liangxin_desktop.ui.print_preview import preview_transfer_letter

        preview_transfer_letter(self, self.archive, period_id, name)

    def receipt_selected(self) -> None:
        found = self._transfer_out_period("登记回执")
        if found is None:
            return
        person, period = found
        self._ask(
            person,
            "登记介绍信回执",
            f"“{{name}}”转往{period['to_org'] or '其他党组织'}的介绍信（第{period['out_letter_no'] or '—'}号）的回执已寄回。",
            "回执日期",
            lambda step: membership.record_receipt(self.archive, period["id"], step.day),
        )

    def suspend_selected(self) -> None:
        person = self._person("停止党籍")
        if person is None:
            return
        since = person.get("lost_since")
        lost = f"（失联自{dates.format_cn_month(since)}）" if since else ""
        self._ask(
            person,
            "停止党籍",
            "经党组织决定，停止“{name}”的党籍" + lost + "。停止党籍期间仍在花名册中，"
            "不计入应到人数，没有表决权，不交纳党费。",
            "决定日期",
            lambda step: membership.suspend(
                self.archive,
                person["id"],
                step.day,
                step.values["reason"] or "",
                step.values["decided_by"] or "",
            ),
            extra=(_REASON, _BODY),
        )

    def restore_selected(self) -> None:
        person = self._person("恢复党籍")
        if person is None:
            return
        self._ask(
            person,
            "恢复党籍",
            "经党组织决定，恢复“{name}”的党籍。",
            "恢复日期",
            lambda step: membership.restore(
                self.archive, person["id"], step.day, step.values["decided_by"] or ""
            ),
            extra=(_BODY,),
        )

    def approve_selected(self) -> None:
        person = self._person("登记党委审批")
        if person is None:
            return
        body = Field("body", "审批的党委", required=True, max_length=80)
        self._ask(
            person,
            "上级党委审批",
            "上级党委审批“{name}”为预备党员（应在支部大会后3个月内，最长不超过6个月）。",
            "审批日期",
            lambda step: pipeline_steps.approve(
                self.archive, person["id"], step.day, step.values["body"] or ""
            ),
            warn=lambda step: pipeline_steps.approval_warnings(
                self.archive, person["id"], step.day
            ),
            extra=(body,),
        )

    def _step_action(self, kind: str) -> Callable[[], None]:
        step_kind = pipeline_steps.STEPS[kind]

        def run() -> None:
            person = self._person(step_kind.label)
            if person is None:
                return
            self._ask(
                person,
                step_kind.label,
                f"登记“{{name}}”的{step_kind.label}。",
                "日期",
                lambda step: pipeline_steps.record_step(
                    self.archive, person["id"], kind, step.day, step.text
                ),
                text_label=step_kind.detail_label,
                default_day=clock.today(),
            )

        return run
