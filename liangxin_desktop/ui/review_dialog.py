"""民主评议结果: each member's result on a review meeting, with "全部合格" and the exceptions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.domain.member_review import DEFAULT_RESULT, RESULTS, ReviewSummary, summarize
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import member_review
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.messages import show_problem

NOT_RATED = "（未评）"
_RESULT, _NOTE = 2, 3


class ReviewDialog(QDialog):
    def __init__(self, archive: Archive, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("民主评议党员结果")
        self.archive, self.meeting_id = archive, meeting_id
        self.members = member_review.reviewable_members(archive, meeting_id)
        recorded = member_review.results_of(archive, meeting_id)
        self.table = QTableWidget(len(self.members), 4)
        self.table.setObjectName("review_results")
        self.table.setHorizontalHeaderLabels(
            ["姓名", "党小组", "评议结果", "备注（不合格的整改要求）"]
        )
        self.table.horizontalHeader().setSectionResizeMode(_NOTE, QHeaderView.ResizeMode.Stretch)
        for row, person in enumerate(self.members):
            for column, text in enumerate((person["name"], person["unit"] or "")):
                self.table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItems([NOT_RATED, *RESULTS])
            combo.setCurrentText(recorded.get(person["id"], NOT_RATED))
            combo.currentTextChanged.connect(self._update_summary)
            self.table.setCellWidget(row, _RESULT, combo)
            self.table.setItem(row, _NOTE, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(_NOTE, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        all_pass = QPushButton("其余全部合格")
        all_pass.setObjectName("all_pass")
        all_pass.setToolTip("把尚未评定的党员都设为“合格”，再单独修改优秀、基本合格、不合格的人")
        all_pass.clicked.connect(self.mark_rest_passed)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(all_pass)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.saved: ReviewSummary | None = None
        self._update_summary()

    def _combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, _RESULT)
        assert isinstance(widget, QComboBox)
        return widget

    def results(self) -> dict[int, str]:
        return {
            person["id"]: self._combo(row).currentText()
            for row, person in enumerate(self.members)
            if self._combo(row).currentText() != NOT_RATED
        }

    def mark_rest_passed(self) -> None:
        for row in range(len(self.members)):
            if self._combo(row).currentText() == NOT_RATED:
                self._combo(row).setCurrentText(DEFAULT_RESULT)

    def _update_summary(self, *_: object) -> None:
        results = self.results()
        missing = len(self.members) - len(results)
        text = summarize(results).text() or "尚未评定"
        self.summary.setText(f"{text}" + (f"；{missing}人未评" if missing else ""))

    def save(self) -> None:
        notes = {
            person["id"]: (self.table.item(row, _NOTE) or QTableWidgetItem("")).text()
            for row, person in enumerate(self.members)
        }
        try:
            self.saved = member_review.save_results(
                self.archive, self.meeting_id, self.results(), notes
            )
        except LiangxinError as exc:
            show_problem(self, exc, "无法保存")
            return
        if self.saved.follow_up:
            names = "、".join(p["name"] for p in self.members if p["id"] in self.saved.follow_up)
            QMessageBox.information(
                self,
                "不合格党员",
                f"评定为不合格的党员：{names}。\n请按规定限期改正，并把整改情况记入备注。",
            )
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, meeting_id: int) -> ReviewSummary | None:
        try:
            dialog = cls(archive, meeting_id, parent)
        except LiangxinError as exc:
            show_problem(parent, exc, "无法登记")
            return None
        dialog.exec()
        return dialog.saved
