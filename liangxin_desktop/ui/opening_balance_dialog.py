"""录入今年已交党费: the year so far for many members at once, for a clerk starting mid-year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop.domain import dates
from liangxin_desktop.domain.dues import format_fen
from liangxin_desktop.errors import InvalidValue, LiangxinError
from liangxin_desktop.storage import dues
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.opening_balance import (
    OpeningBalance,
    opening_balance_warnings,
    record_opening_balance,
)
from liangxin_desktop.ui.backup_dialog import BULK_CHANGE, backup_before
from liangxin_desktop.ui.checked_dialog import CheckedDialog
from liangxin_desktop.ui.confirm import confirm_warnings
from liangxin_desktop.ui.window_state import fit_to_screen

_HINT = (
    "刚开始使用本程序时，把今年已经交过的党费一次录入：勾选党员，选择“已交至”的月份和缴纳日期。"
    "已登记过的月份不变。缴纳日期按实际填写——按月交纳的，选“各月按当月最后一天”。"
)


class OpeningBalanceDialog(CheckedDialog):
    def __init__(self, parent: QWidget | None, archive: Archive, year: int, today: date) -> None:
        super().__init__(parent, f"录入{year}年已交党费", "登记")
        self.archive, self.year, self.today = archive, year, today
        self.lines = dues.dues_grid(archive, year)
        self.checks: list[QTableWidgetItem] = []  # the name cells, with their check boxes
        self.table = self._members_table()
        self.through = QComboBox()
        self.through.setObjectName("through")
        last = today.month - 1 if today.year == year else 12
        for number in range(1, 13):
            self.through.addItem(f"{number}月", f"{year}-{number:02d}")
        self.through.setCurrentIndex(max(0, last - 1))
        self.month_end = QRadioButton("各月按当月最后一天交纳")
        self.month_end.setChecked(True)
        self.one_day = QRadioButton("都在同一天交纳：")
        self.paid_on = QLineEdit()
        self.paid_on.setObjectName("paid_on")
        self.paid_on.setPlaceholderText("例如 2026-06-30")
        self.paid_on.setEnabled(False)
        self.one_day.toggled.connect(self.paid_on.setEnabled)
        self.method = QComboBox()
        self.method.addItems(dues.METHODS)
        self.collector = QLineEdit()
        self._layout()
        fit_to_screen(self, 760, 620)
        self.recorded = 0

    def _members_table(self) -> QTableWidget:
        table = QTableWidget(len(self.lines), 4)
        table.setObjectName("members")
        table.setHorizontalHeaderLabels(["姓名", "月应缴（元）", "已登记月份", "说明"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, line in enumerate(self.lines):
            name = QTableWidgetItem(line.name)
            assessed = line.monthly_fen is not None
            name.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            name.setCheckState(Qt.CheckState.Checked if assessed else Qt.CheckState.Unchecked)
            if not assessed:
                name.setFlags(Qt.ItemFlag.ItemIsUserCheckable)  # shown, not selectable
            amount = "未核定" if line.monthly_fen is None else format_fen(line.monthly_fen)
            note = "" if assessed else "请先年度核定"
            paid = f"{len(line.paid)} 个月" if line.paid else "无"
            for column, text in enumerate((amount, paid, note), start=1):
                table.setItem(row, column, QTableWidgetItem(text))
            table.setItem(row, 0, name)
            self.checks.append(name)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _layout(self) -> None:
        hint = QLabel(_HINT)
        hint.setWordWrap(True)
        choose = QHBoxLayout()
        for text, state in (("全选", Qt.CheckState.Checked), ("全不选", Qt.CheckState.Unchecked)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self.check_all(s))
            choose.addWidget(button)
        choose.addStretch(1)
        when = QHBoxLayout()
        when.addWidget(self.month_end)
        when.addWidget(self.one_day)
        when.addWidget(self.paid_on, 1)
        form = QFormLayout()
        form.addRow("已交至：", self.through)
        form.addRow("缴纳日期：", when)
        form.addRow("缴纳方式：", self.method)
        form.addRow("收缴人：", self.collector)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def check_all(self, state: Qt.CheckState) -> None:
        for check, line in zip(self.checks, self.lines, strict=True):
            if line.monthly_fen is not None:
                check.setCheckState(state)

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(
            line.person_id
            for check, line in zip(self.checks, self.lines, strict=True)
            if check.checkState() == Qt.CheckState.Checked
        )

    def request(self) -> OpeningBalance:
        ids = self.checked_ids()
        if not ids:
            raise InvalidValue("请勾选已交过党费的党员。")
        paid_on = None
        if self.one_day.isChecked():
            try:
                paid_on = dates.parse_date(self.paid_on.text())
            except InvalidValue as exc:
                raise InvalidValue(f"缴纳日期：{exc.message()}") from exc
            if paid_on > self.today:
                raise InvalidValue("缴纳日期不能晚于今天。")
        return OpeningBalance(
            self.year,
            ids,
            str(self.through.currentData()),
            paid_on,
            self.method.currentText(),
            self.collector.text().strip(),
        )

    def _accept(self) -> None:
        try:
            request = self.request()
            if not confirm_warnings(self, opening_balance_warnings(self.archive, request), "登记"):
                return  # 返回修改: the dialog stays as it was
            if not backup_before(self, self.archive, BULK_CHANGE):
                return
            self.recorded = record_opening_balance(self.archive, request, self.today)
        except LiangxinError as exc:
            self.problem.setText(exc.message())
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, year: int, today: date) -> int | None:
        """Show the dialog; how many monthly payments were recorded, or None when cancelled."""
        dialog = cls(parent, archive, year, today)
        return dialog.recorded if dialog.exec() == CheckedDialog.DialogCode.Accepted else None
