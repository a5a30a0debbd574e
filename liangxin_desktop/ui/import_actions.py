"""The 文件 menu's import actions: 从Excel导入…, 下载导入模板…, 撤销上次导入 (a main-window mixin)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.importing.plan import ImportPlan
from liangxin_desktop.importing.runner import IMPORTERS, commit_import
from liangxin_desktop.importing.templates import write_template
from liangxin_desktop.output.files import Progress
from liangxin_desktop.storage import import_batches
from liangxin_desktop.storage.archive import open_writer
from liangxin_desktop.ui.backup_dialog import backup_before
from liangxin_desktop.ui.import_wizard import ImportWizard
from liangxin_desktop.ui.messages import show_problem
from liangxin_desktop.ui.title_fit import choose_item
from liangxin_desktop.ui.workers import run_with_progress


class ImportActions:
    """Mixed into MainWindow, which provides the archive, the tabs and ``_ask_target``."""

    archive: Any
    register_tabs: dict[str, Any]
    today: date

    def _current_import_key(self) -> str:
        tab = self.current_register_tab()  # type: ignore[attr-defined]
        key = tab.register.key if tab is not None else "members"
        return key if key in IMPORTERS else "members"

    def import_from_excel(self) -> None:
        if not self._registers_ready():  # type: ignore[attr-defined]
            return
        plan = ImportWizard.ask(self._widget(), self.archive, self._current_import_key())
        if plan is not None:
            self.commit_plan(plan)

    def commit_plan(self, plan: ImportPlan) -> Any:
        """Write a checked plan in the background, as one transaction on the job's connection."""
        archive = self.archive
        if not backup_before(self._widget(), archive, "导入前"):
            return None

        def job(progress: Progress) -> ImportPlan:
            writer = open_writer(archive)  # the job's own connection, in its own thread
            try:
                commit_import(writer, plan, progress=progress)
            finally:
                writer.close()
            return plan

        return run_with_progress(self._widget(), "正在导入……", job, self._imported)

    def _imported(self, plan: ImportPlan) -> None:
        self._reload_all(plan.kind_key)
        QMessageBox.information(
            self._widget(),
            "导入完成",
            f"已导入到“{IMPORTERS[plan.kind_key].title}”：新增 {plan.count('新增')} 条，"
            f"更新 {plan.count('更新')} 条。\n\n如发现导入有误，可以用“文件 → 撤销上次导入”撤销。",
        )

    def _reload_all(self, key: str) -> None:
        for tab in self.register_tabs.values():
            tab.stale = True
        self.show_register(key if key in self.register_tabs else "members")  # type: ignore[attr-defined]
        self._tab_shown()  # type: ignore[attr-defined]

    def download_template(self) -> None:
        keys = list(IMPORTERS)
        titles = [IMPORTERS[k].title for k in keys]
        current = keys.index(self._current_import_key()) if self.archive else 0
        chosen = choose_item(self._widget(), "下载导入模板", "选择台账：", titles, current)
        if chosen is None:
            return
        importer = IMPORTERS[keys[titles.index(chosen)]]
        target = self._ask_target(  # type: ignore[attr-defined]
            "保存导入模板", ".xlsx", "Excel 工作簿 (*.xlsx)", f"{importer.title}-导入模板"
        )
        if target is None:
            return
        try:
            write_template(importer, Path(target), self.today)
        except LiangxinError as exc:
            show_problem(self._widget(), exc)
            return
        self._offer_open(Path(target))  # type: ignore[attr-defined]

    def undo_last_import(self) -> None:
        batch = import_batches.last_batch(self.archive)
        if batch is None:
            QMessageBox.information(self._widget(), "撤销上次导入", "没有可以撤销的导入。")
            return
        title = IMPORTERS[batch.register].title if batch.register in IMPORTERS else batch.register
        answer = QMessageBox.question(
            self._widget(),
            "撤销上次导入",
            f"{batch.imported_at.replace('T', ' ')} 从“{batch.file_name}”导入到“{title}”：\n"
            f"新增 {batch.added} 条，更新 {batch.updated} 条。\n\n"
            "撤销后，新增的记录（包括人员）将被删除，更新的记录恢复为导入前的内容。确定撤销吗？",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not backup_before(self._widget(), self.archive, "撤销导入前"):
            return
        try:
            import_batches.undo_last_batch(self.archive)
        except LiangxinError as exc:
            show_problem(self._widget(), exc, "不能撤销")
            return
        self._reload_all(batch.register)
        QMessageBox.information(self._widget(), "撤销上次导入", "已撤销。")

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
