"""The 文件 menu's output actions: 导出Excel, 打印, 全部台账 and 移交包 (a main-window mixin).

Excel is written off the UI thread with a progress dialog; printing goes through the print
preview (``ui/print_preview.py``), which renders in the background itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.output.files import Progress
from liangxin_desktop.storage import organization, queries
from liangxin_desktop.storage.archive import open_reader
from liangxin_desktop.ui import bundle_actions
from liangxin_desktop.ui.attendance_tab import AttendanceTab
from liangxin_desktop.ui.dues_tab import DuesTab
from liangxin_desktop.ui.file_dialogs import ask_save, output_file_name
from liangxin_desktop.ui.print_preview import PrintPreviewDialog, registers_job
from liangxin_desktop.ui.register_tab import BookTab
from liangxin_desktop.ui.workers import run_with_progress


class OutputActions:
    """Mixed into MainWindow, which provides the archive, the day and the current tab."""

    archive: Any
    today: date
    _active_tab: Callable[[], Any]  # the register tab shown, or None
    _registers_ready: Callable[[], bool]  # the organization is saved (else it says so)
    _offer_open: Callable[[Path], None]

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _ask_target(self, title: str, suffix: str, filter_text: str, subject: str) -> Path | None:
        name = output_file_name(
            organization.organization_name(self.archive), subject, suffix, self.today
        )
        return ask_save(self._widget(), title, "export", name, filter_text)

    def _export_in_background(
        self, registers: list[Register], year: int | None, subject: str
    ) -> None:
        """Ask where to save, then export to Excel off the UI thread with a progress dialog.

        (Printing goes through the print preview, ``ui/print_preview.py``.)
        """
        target = self._ask_target("导出 Excel", ".xlsx", "Excel 工作簿 (*.xlsx)", subject)
        if target is None:
            return
        archive = self.archive
        as_of, row_filter = queries.year_scope(year)

        def job(progress: Progress) -> Path:
            reader = open_reader(archive)  # the job's own connection, in its own thread
            try:
                return export_workbook(
                    reader,
                    registers,
                    target,
                    row_filter=row_filter,
                    as_of=as_of,
                    progress=progress,
                )
            finally:
                reader.close()

        run_with_progress(
            self._widget(), "正在导出 Excel……", job, lambda result: self._offer_open(Path(result))
        )

    def export_excel(self) -> None:
        tab = self._active_tab()
        if tab is None:
            return
        year = tab.selected_year() if isinstance(tab, BookTab | AttendanceTab | DuesTab) else None
        subject = f"{tab.register.title}{f'-{year}年度' if year else ''}"
        self._export_in_background([tab.register], year, subject)

    def print_pdf(self) -> None:
        """Preview the current register's book (of the tab's year) and print or save it."""
        tab = self._active_tab()
        if tab is None:
            return
        year = tab.selected_year() if isinstance(tab, BookTab | AttendanceTab | DuesTab) else None
        job = registers_job([tab.register], tab.register.title)
        PrintPreviewDialog(self.archive, job, year, self._widget(), self.today).exec()

    def export_all(self) -> None:
        if not self._registers_ready():
            return
        this_year = self.today.year
        years = [f"{y}年度" for y in range(this_year, this_year - 15, -1)]
        chosen, ok = QInputDialog.getItem(
            self._widget(),
            "选择年度",
            "全部台账的年度（花名册按该年年底的情况）：",
            years,
            0,
            False,
        )
        if ok:
            year = int(chosen[:4])
            self._export_in_background(available_registers(), year, f"全部台账-{year}年度")

    def print_all(self) -> None:
        """Preview the whole year's archive (the year is chosen in the preview)."""
        if not self._registers_ready():
            return
        job = registers_job(available_registers(), "党建工作台账")
        PrintPreviewDialog(self.archive, job, self.today.year, self._widget(), self.today).exec()

    def make_bundle(self) -> None:
        if self._registers_ready():
            bundle_actions.make(self._widget(), self.archive)
