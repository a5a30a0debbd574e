"""The 党费收缴册 tab: the year's grid, 年度核定, marking months paid for many members at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import clock
from liangxin_desktop.catalog.fields import Field, Problem
from liangxin_desktop.catalog.fields import FieldKind as K
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.validation import Cleaned, clean_fields
from liangxin_desktop.domain import dates
from liangxin_desktop.domain.dues import DuesCategory
from liangxin_desktop.errors import InvalidValue, LiangxinError, OutputError
from liangxin_desktop.output.dues_table import (
    dues_row,
    through_month,
    through_text,
    totals_row,
)
from liangxin_desktop.storage import dues, dues_accounts
from liangxin_desktop.storage.archive import Archive, open_reader
from liangxin_desktop.ui.backup_dialog import BULK_CHANGE, NO_BACKUP_ADVICE, backup_before
from liangxin_desktop.ui.dues_accounts_dialog import ask_return, print_notice
from liangxin_desktop.ui.dues_model import DuesTableModel
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.record_dialog import RecordDialog, Section
from liangxin_desktop.ui.workers import run_in_background
from liangxin_desktop.ui.year_tab import YearTab

TOTALS_DELAY_MS = 150

ASSESS_FIELDS = (
    Field(
        "category",
        "缴费类别",
        K.CHOICE,
        required=True,
        choices=tuple(c.value for c in DuesCategory),
    ),
    Field(
        "base",
        "缴费基数（元/月）",
        K.MONEY,
        help="在职：税后月工资（不含五险一金、补贴、奖金）；离退休：月养老金",
    ),
    Field(
        "fixed",
        "定额（元/月）",
        K.MONEY,
        help="农民：0.20至1.00元；困难减免：批准后的金额，免交填0",
    ),
    Field("approved_by", "批准人", help="困难减免须经批准"),
    Field(
        "from_month",
        "调整起始月份",
        K.MONTH,
        help="年度核定不填；年中工资变动的，填按新工资领取的当月，从该月起按新标准交纳",
    ),
    Field(
        "voluntary",
        "自愿多交（元/月）",
        K.MONEY,
        help="每月党费一般不超过1000元；本人自愿多交的，填写每月多交的金额",
    ),
)
LARGE_FIELDS = (
    Field("paid_on", "缴纳日期", K.DATE, required=True),
    Field("amount", "金额（元）", K.MONEY, required=True, help="自愿一次性交纳1000元以上"),
    Field("note", "备注"),
)
REMIT_FIELDS = (
    Field("remitted_on", "上缴日期", K.DATE, required=True),
    Field("amount", "金额（元）", K.MONEY, required=True),
    Field("period", "所属期间", help="例如：2026年第一季度"),
    Field("receiver", "接收党组织"),
)
PAY_FIELDS = (
    Field("first_month", "所属月份（起）", K.MONTH, required=True),
    Field("last_month", "所属月份（止）", K.MONTH, help="只交一个月可不填"),
    Field("paid_on", "缴纳日期", K.DATE, required=True),
    Field("method", "缴纳方式", K.CHOICE, required=True, choices=dues.METHODS),
    Field("collector", "收缴人"),
)


_clean = clean_fields


def _clean_assessment(raw: dict[str, Any]) -> Cleaned:
    """A rate-based category needs its base; 困难减免 needs its approver and amount."""
    cleaned = _clean(ASSESS_FIELDS, raw)
    category, values = cleaned.values.get("category"), cleaned.values
    if category in (DuesCategory.IN_SERVICE.value, DuesCategory.RETIRED.value) and not values.get(
        "base"
    ):
        cleaned.problems.append(
            Problem("base", "缴费基数（元/月）", f"“{category}”党员须填写缴费基数。")
        )
    if category == DuesCategory.HARDSHIP.value:
        if values.get("fixed") is None:
            cleaned.problems.append(
                Problem("fixed", "定额（元/月）", "困难减免请填写批准后的金额，免交填0。")
            )
        if not values.get("approved_by"):
            cleaned.problems.append(
                Problem("approved_by", "批准人", "困难减免须经批准，请填写批准人。")
            )
    return cleaned


def _months(first: str, last: str | None) -> list[str]:
    """The months from ``first`` to ``last`` (at most twelve: a quarter, half a year, a year)."""
    last = last or first
    if last < first:
        raise InvalidValue("所属月份（止）不能早于所属月份（起）。")
    months: list[str] = []
    current = first
    while current <= last:
        months.append(current)
        current = dates.add_months(date.fromisoformat(current + "-01"), 1).isoformat()[:7]
    if len(months) > 12:
        raise InvalidValue("一次最多登记12个月的党费。")
    return months


def _unassessed_warning(count: int) -> str:
    """ "；3名党员未核定…" when members owe months with no 核定 (the amount is unknown)."""
    return f"；{count}名党员有未核定月份，请先年度核定" if count else ""


class DuesTab(YearTab):
    model: DuesTableModel

    def __init__(self, archive: Archive, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(archive, register, DuesTableModel(archive), "dues_grid", parent)
        self.size_columns()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        bar = QHBoxLayout()
        for text, slot in (
            ("年度核定…", self.assess_selected),
            ("按上年核定", self.carry_over),
            ("登记缴费…", self.pay_selected),
            ("录入今年已交…", self.opening_balance),
            ("大额党费…", self.large_dues),
            ("上缴党费…", self.remit),
            ("返还、下拨…", lambda: ask_return(self, self.archive, self.selected_year())),
            ("收缴公示…", lambda: print_notice(self, self.archive, self.selected_year())),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(QLabel("按住 Ctrl 或 Shift 可选择多名党员，一次登记。"))
        bar.addStretch(1)
        bar.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Show the selected year: the rows at once, the 合计 (and the summary) when added up."""
        year = self.selected_year()
        through = through_month(year, clock.today())
        self.model.load(year, through)
        self._summary = (
            f"{self.register.title}：{year}年度 {self.model.member_count} 名党员，合计计算中……"
        )
        self.stale = False
        self.summary_changed.emit()
        archive = self.archive

        def add_up() -> dict[str, Any]:
            reader = open_reader(archive)  # the job's own connection, in its own thread
            unassessed = 0
            try:
                rows = []
                for line in dues.iter_grid(reader, year):
                    unassessed += bool(line.unassessed_months(through))
                    rows.append(dues_row(line, year, through))
                return {**totals_row(rows), "unassessed": unassessed}
            finally:
                reader.close()

        shown = self.model.generation
        QTimer.singleShot(  # after the first paint, which the adding-up would slow down
            TOTALS_DELAY_MS,
            self,
            lambda: run_in_background(self, add_up, lambda t: self._show_totals(shown, t)),
        )

    def _show_totals(self, shown: int, totals: dict[str, Any] | None) -> None:
        if shown != self.model.generation:
            return  # added up for a grid that has been reloaded since
        if not self.isVisible():  # the clerk went elsewhere (or the window closed): add up anew
            self.stale = True  # when the tab is shown again
            return
        year = self.model.year
        self.model.set_totals(totals)
        if totals is None:
            self._summary = f"{self.register.title}：{year}年度合计无法计算，请重新打开本页。"
        else:
            self._summary = (
                f"{self.register.title}：{year}年度应缴 {dues.yuan(totals['due_fen'])} 元，"
                f"实缴 {dues.yuan(totals['paid_fen'])} 元，"
                f"欠缴 {dues.yuan(totals['owed_fen'])} 元（{through_text(year, clock.today())}）"
                + _unassessed_warning(totals["unassessed"])
            )
        self.summary_changed.emit()

    def _selected(self) -> list[dues.DuesLine]:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        chosen = self.model.lines_at(rows)
        if not chosen:
            QMessageBox.information(self, "请先选择", "请先在表格中点选党员（可多选）。")
        return chosen

    def assess_selected(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        year = self.selected_year()

        def save(raw: dict[str, Any]) -> int:
            values = _clean_assessment(raw).values
            farmer = values["category"] == DuesCategory.FARMER.value
            if not backup_before(self, self.archive, BULK_CHANGE):
                raise OutputError("没有保存核定。", NO_BACKUP_ADVICE)
            with self.archive.transaction():  # all selected members, or none
                for line in chosen:
                    dues.assess(
                        self.archive,
                        line.person_id,
                        year,
                        values["category"],
                        values["base"] or 0,
                        reduced_fen=None if farmer else values["fixed"],
                        farmer_fen=values["fixed"]
                        if farmer and values["fixed"] is not None
                        else 20,
                        approved_by=values["approved_by"] or "",
                        from_month=values["from_month"],
                        voluntary_fen=values["voluntary"] or 0,
                    )
            return len(chosen)

        names = "、".join(line.name for line in chosen[:5]) + ("等" if len(chosen) > 5 else "")
        first = chosen[0]
        initial = {"category": first.category, "base": first.base_fen}
        if (
            RecordDialog.ask(
                self,
                f"{year}年度党费核定：{names}",
                ASSESS_FIELDS,
                _clean_assessment,
                save,
                initial=initial,
            )
            is not None
        ):
            self.refresh()

    def carry_over(self) -> None:
        if not backup_before(self, self.archive, BULK_CHANGE):
            return
        try:
            count = dues.carry_over(self.archive, self.selected_year())
        except LiangxinError as exc:
            show_problem(self, exc)
            return
        QMessageBox.information(self, "按上年核定", f"已按上年度核定了 {count} 名党员的党费。")
        self.refresh()

    def pay_selected(self) -> None:
        chosen = self._selected()
        if not chosen:
            return

        def save(raw: dict[str, Any]) -> int:
            values = _clean(PAY_FIELDS, raw).values
            return dues.record_payments(
                self.archive,
                [line.person_id for line in chosen],
                _months(values["first_month"], values["last_month"]),
                date.fromisoformat(values["paid_on"]),
                values["method"],
                values["collector"] or "",
            )

        def check(raw: dict[str, Any]) -> Cleaned:
            cleaned = _clean(PAY_FIELDS, raw)
            values = cleaned.values
            if cleaned.ok and values.get("first_month") and values.get("paid_on"):
                try:
                    months = _months(values["first_month"], values["last_month"])
                except InvalidValue:
                    return cleaned
                paid_on = date.fromisoformat(values["paid_on"])
                ids = [line.person_id for line in chosen]
                for text in dues.payment_warnings(self.archive, ids, months, paid_on):
                    cleaned.problems.append(Problem("paid_on", "", text, is_error=False))
            return cleaned

        month = clock.today().isoformat()[:7]
        initial = {"first_month": month, "paid_on": clock.today().isoformat(), "method": "按月"}
        names = "、".join(line.name for line in chosen[:5]) + ("等" if len(chosen) > 5 else "")
        if (
            RecordDialog.ask(
                self,
                f"登记党费：{names}（{len(chosen)}人）",
                PAY_FIELDS,
                check,
                save,
                initial=initial,
            )
            is not None
        ):
            self.refresh()

    def opening_balance(self) -> None:
        """录入今年已交: the months paid before the program was used, for many members at once."""
        from liangxin_desktop.ui.opening_balance_dialog import OpeningBalanceDialog

        if OpeningBalanceDialog.ask(self, self.archive, self.selected_year(), clock.today()):
            self.refresh()

    def add_record(self) -> None:
        self.pay_selected()

    def focus_search(self) -> None:
        self.table.setFocus()

    def large_dues(self) -> None:
        chosen = self._selected()
        if not chosen:
            return
        line = chosen[0]

        def save(raw: dict[str, Any]) -> int:
            values = _clean(LARGE_FIELDS, raw).values
            return dues_accounts.record_large_dues(
                self.archive,
                line.person_id,
                date.fromisoformat(values["paid_on"]),
                values["amount"],
                values["note"] or "",
            )

        RecordDialog.ask(
            self,
            f"大额党费：{line.name}",
            LARGE_FIELDS,
            lambda raw: _clean(LARGE_FIELDS, raw),
            save,
            initial={"paid_on": clock.today().isoformat()},
        )
        self.refresh()

    def remit(self) -> None:
        year = self.selected_year()
        accounts = dues_accounts.money_lists(self.archive, year)
        done = (
            "；".join(
                f"{r['remitted_on']} {dues.yuan(r['amount_fen'])}元"
                for r in accounts["remittances"]
            )
            or "无"
        )
        large = (
            "；".join(
                f"{r['paid_on']} {r['name']} {dues.yuan(r['amount_fen'])}元"
                for r in accounts["large"]
            )
            or "无"
        )

        def save(raw: dict[str, Any]) -> int:
            values = _clean(REMIT_FIELDS, raw).values
            return dues_accounts.remit(
                self.archive,
                date.fromisoformat(values["remitted_on"]),
                values["amount"],
                values["period"] or "",
                values["receiver"] or "",
            )

        info = Section()
        label = QLabel(f"{year}年度已上缴：{done}\n{year}年度大额党费：{large}")
        label.setWordWrap(True)
        QVBoxLayout(info).addWidget(label)
        RecordDialog.ask(
            self,
            "上缴党费",
            REMIT_FIELDS,
            lambda raw: _clean(REMIT_FIELDS, raw),
            save,
            initial={"remitted_on": clock.today().isoformat()},
            sections=[info],
        )
