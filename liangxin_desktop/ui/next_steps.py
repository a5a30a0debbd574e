"""The empty roster, once the profile is saved, says what to do next (instead of an empty grid)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

from liangxin_desktop.ui.register_tab import RegisterTab

NEXT_STEPS = (
    "<p style='font-size:16px; font-weight:bold;'>还没有登记党员。接下来：</p>"
    "<p>① 点“新增党员”（Ctrl+N）逐个登记；已有 Excel 花名册的，用“文件 → 从Excel导入…”（Ctrl+I）导入"
    "（可先“文件 → 下载导入模板…”）。</p>"
    "<p>② 在“六册 → 党费收缴册”中做本年度的党费核定。</p>"
    "<p>③ 开过的会议、党课和活动，记入“五簿”中对应的记录簿。</p>"
    "<p>不清楚记在哪一本？按 F1 打开使用说明。</p>"
)


class NextSteps(QLabel):
    """A hint drawn over the roster's table while it has no rows and nothing is searched."""

    def __init__(self, tab: RegisterTab) -> None:
        super().__init__(NEXT_STEPS, tab.table.viewport())
        self.setObjectName("next_steps")
        self.tab = tab
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("color: #555; font-size: 14px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the table stays usable
        model = tab.model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.refresh)
        tab.table.viewport().installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        self.setGeometry(self.tab.table.viewport().rect().adjusted(40, 20, -40, -20))

    def refresh(self) -> None:
        empty = self.tab.model.rowCount() == 0 and not self.tab.search.text().strip()
        self._fit()
        self.setVisible(empty)
