"""换届选举: 应到/实到 voters, candidates and votes; a valid election sets the new committee."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.domain import codes
from liangxin_desktop.domain.election import Candidate, Outcome, count_votes, is_valid
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.output.committee_history import write_history
from liangxin_desktop.storage import elections
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.organization import organization_name
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.save_target import save_as

_NAME, _POST, _VOTES = 0, 1, 2


def _spin(maximum: int = 10_000) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    return box


class ElectionDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("换届选举")
        self.archive = archive
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setCalendarPopup(True)
        self.entitled, self.present, self.seats = _spin(), _spin(), _spin(50)
        self.seats.setValue(3)
        form = QFormLayout()
        form.addRow("选举日期", self.held_on)
        form.addRow("应到会有选举权人数", self.entitled)
        form.addRow("实到会有选举权人数", self.present)
        form.addRow("应选名额", self.seats)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("candidates")
        self.table.setHorizontalHeaderLabels(["候选人", "拟任职务", "得票数"])
        self.table.horizontalHeader().setSectionResizeMode(_NAME, QHeaderView.ResizeMode.Stretch)
        add = QPushButton("增加候选人")
        add.setObjectName("add_candidate")
        add.clicked.connect(self.add_candidate)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("保存选举结果")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(QLabel("候选人（差额选举时候选人多于应选名额）"), 1)
        row.addWidget(add)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        for box in (self.entitled, self.present, self.seats):
            box.valueChanged.connect(self.update_verdict)
        self.table.itemChanged.connect(self.update_verdict)
        self.resize(560, 520)
        self.outcome: Outcome | None = None
        self.update_verdict()

    def add_candidate(self) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)  # the row is complete before the verdict reads it
        self.table.insertRow(row)
        self.table.setItem(row, _NAME, QTableWidgetItem(""))
        post = QComboBox()
        post.addItems(codes.COMMITTEE_POSTS)
        post.setCurrentText("书记" if row == 0 else "委员")
        self.table.setCellWidget(row, _POST, post)
        votes = _spin()
        votes.valueChanged.connect(self.update_verdict)
        self.table.setCellWidget(row, _VOTES, votes)
        self.table.blockSignals(False)

    def candidates(self) -> list[Candidate]:
        found = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, _NAME) or QTableWidgetItem("")).text().strip()
            post, votes = self.table.cellWidget(row, _POST), self.table.cellWidget(row, _VOTES)
            assert isinstance(post, QComboBox) and isinstance(votes, QSpinBox)
            if name:
                found.append(Candidate(name, post.currentText(), votes.value()))
        return found

    def update_verdict(self, *_: object) -> None:
        entitled, present = self.entitled.value(), self.present.value()
        if not entitled:
            self.verdict.setText("请填写应到会有选举权人数。")
            return
        if not is_valid(entitled, present):
            self.verdict.setText(
                f"实到{present}人未超过应到{entitled}人的五分之四，选举无效，不能保存。"
            )
            return
        outcome = count_votes(entitled, present, self.candidates(), max(self.seats.value(), 1))
        names = "、".join(f"{c.name}（{c.votes}票）" for c in outcome.elected) or "无"
        self.verdict.setText(f"选举有效。得票超过实到人数一半者当选：{names}。")

    def save(self) -> None:
        held = self.held_on.date().toPython()
        assert isinstance(held, date)
        try:
            self.outcome = elections.record_election(
                self.archive,
                held,
                self.entitled.value(),
                self.present.value(),
                self.candidates(),
                self.seats.value(),
                clock.today(),
            )
        except LiangxinError as exc:
            show_problem(self, exc, "无法保存")
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive) -> Outcome | None:
        dialog = cls(archive, parent)
        dialog.exec()
        return dialog.outcome


def print_history(parent: QWidget, archive: Archive) -> Path | None:
    """Save 历届党组织委员会 as a PDF where the clerk chooses."""
    return save_as(
        parent,
        "历届委员会",
        "历届党组织委员会.pdf",
        lambda target: write_history(
            organization_name(archive), elections.committee_history(archive), clock.today(), target
        ),
    )
