"""The main window: the guided first start, the 首页, the organization tab and the register tabs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from liangxin_desktop import APP_NAME, __version__, clock, paths
from liangxin_desktop.bundle.verifying import Verification
from liangxin_desktop.catalog.registers import GROUP_TITLES, GROUPS, available_registers
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.manual import section_anchor
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui import backup_dialog, bundle_actions, privacy_actions
from liangxin_desktop.ui.about_dialog import AboutDialog
from liangxin_desktop.ui.attendance_tab import AttendanceTab
from liangxin_desktop.ui.dues_tab import DuesTab
from liangxin_desktop.ui.file_dialogs import ask_open
from liangxin_desktop.ui.help_dialog import HelpDialog
from liangxin_desktop.ui.home_tab import HomeTab, open_reminder
from liangxin_desktop.ui.import_actions import ImportActions
from liangxin_desktop.ui.messages import offer_open
from liangxin_desktop.ui.organization_tab import OrganizationTab
from liangxin_desktop.ui.output_actions import OutputActions
from liangxin_desktop.ui.read_only import make_read_only
from liangxin_desktop.ui.recycle_bin import RecycleBinDialog
from liangxin_desktop.ui.register_tab import ALL_YEARS, BookTab, RegisterTab
from liangxin_desktop.ui.roster_tab import RosterTab
from liangxin_desktop.ui.search_dialog import SearchDialog
from liangxin_desktop.ui.stats_tab import StatsTab
from liangxin_desktop.ui.tabs import make_register_tab
from liangxin_desktop.ui.window_state import remember_window, restore_window

# What a register tab in the window is: a table of records, or the derived attendance matrix.
RegisterView = RegisterTab | AttendanceTab | DuesTab
FIRST_REGISTER_TAB = 2  # after 首页 and 党组织基本情况


class MainWindow(ImportActions, OutputActions, QMainWindow):
    title_note = ""  # before the organization's name in the title (a read-only bundle says so)
    geometry_key = "main_window"  # where its size and place are remembered (window_state)

    def __init__(
        self, archive: Archive, today: date | None = None, fixed_day: bool = False
    ) -> None:
        super().__init__()
        self.archive = archive
        self.today = clock.resolve_today(today)  # the day reminders, statistics and printing use
        self.fixed_day = fixed_day  # given with --today: the title says so
        self.bundle_windows: list[QMainWindow] = []  # hand-over bundles opened from this window
        self.help_dialog: HelpDialog | None = None
        restore_window(self, self.geometry_key, 1280, 800)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self._build_menus()
        self._show_archive()

    # -- building --------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self.open_action = self._action("打开台账…", self.open_other, QKeySequence.StandardKey.Open)
        self.export_action = self._action("导出 Excel…", self.export_excel, "Ctrl+E")
        self.print_action = self._action(
            "打印预览和打印…", self.print_pdf, QKeySequence.StandardKey.Print
        )
        self.export_all_action = self._action("导出全部台账（Excel）…", self.export_all)
        self.print_all_action = self._action("打印全年台账…", self.print_all)
        self.bin_action = self._action("回收站…", self.show_recycle_bin)
        self.import_action = self._action("从Excel导入…", self.import_from_excel, "Ctrl+I")
        self.template_action = self._action("下载导入模板…", self.download_template)
        self.undo_import_action = self._action("撤销上次导入", self.undo_last_import)
        self.make_bundle_action = self._action("导出移交包…", self.make_bundle)
        self.open_bundle_action = self._action(
            "打开移交包…", lambda: bundle_actions.open_(self, self.show_bundle)
        )
        self.summary_action = self._action("汇总移交包…", lambda: bundle_actions.summarize(self))
        self.backup_action = self._action("备份与恢复…", lambda: backup_dialog.open_dialog(self))
        self.audit_action = self._action("操作记录…", self.show_audit_log)
        for action in (
            self.open_action,
            None,
            self.export_action,
            self.print_action,
            None,
            self.export_all_action,
            self.print_all_action,
            None,
            self.import_action,
            self.template_action,
            self.undo_import_action,
            None,
            self.make_bundle_action,
            self.open_bundle_action,
            self.summary_action,
            None,
            self.backup_action,
            self.audit_action,
            self.bin_action,
            None,
            self._action("退出", self.close, QKeySequence.StandardKey.Quit),
        ):
            file_menu.addAction(action) if action else file_menu.addSeparator()
        privacy_actions.add_actions(self, file_menu)  # 检查台账…, 启动密码, the idle lock
        edit_menu = self.menuBar().addMenu("编辑(&E)")
        self.new_action = self._action("新建记录", self.new_record, QKeySequence.StandardKey.New)
        self.find_action = self._action(
            "查找", self.find_in_register, QKeySequence.StandardKey.Find
        )
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.find_action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self.manual_action = self._action(
            "使用说明", self.show_manual, QKeySequence.StandardKey.HelpContents
        )
        self.manual_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        help_menu.addAction(self.manual_action)
        help_menu.addAction(self._action("关于", self.about))

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(f"欢迎使用{APP_NAME}")
        title.setStyleSheet("font-size: 26px; font-weight: bold; color: #b71c1c;")
        text = QLabel(
            "这是一个新的台账，还没有党组织信息。\n"
            "第一步：填写党组织基本情况（名称、类别、上级党组织、所在单位等）。\n"
            "之后就可以登记党员、导出 Excel 和打印花名册。"
        )
        text.setStyleSheet("font-size: 15px;")
        start = QPushButton("填写党组织基本情况")
        start.setObjectName("start_button")
        start.setMinimumHeight(44)
        start.clicked.connect(self._start)
        open_other = QPushButton("打开已有的台账文件…")
        open_other.clicked.connect(self.open_other)
        for widget in (title, text, start, open_other):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _show_archive(self) -> None:
        while self.stack.count():
            widget = self.stack.widget(0)
            if widget is not None:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("groups")
        self.home_tab = HomeTab(self.archive, self.today)
        self.home_tab.counts_changed.connect(self._update_status)
        self.home_tab.open_requested.connect(lambda item: open_reminder(self, item))
        self.tabs.addTab(self.home_tab, self.home_tab.tab_title())
        self.organization_tab = OrganizationTab(self.archive)
        self.tabs.addTab(self.organization_tab, "党组织基本情况")
        self.register_tabs: dict[str, RegisterView] = {}
        for group in GROUPS:
            self._add_group(group)
        self.stats_tab = StatsTab(self.archive, self.today)
        self.tabs.addTab(self.stats_tab, "统计")
        roster = self.register_tabs["members"]
        assert isinstance(roster, RegisterTab)
        self.roster_tab = roster
        self.organization_tab.saved.connect(self._organization_saved)
        self.tabs.currentChanged.connect(lambda _index: self._tab_shown())
        self.stack.addWidget(self.tabs)
        has_org = organization.get_organization(self.archive) is not None
        if not has_org:
            self.stack.insertWidget(0, self._welcome_page())
            self.stack.setCurrentIndex(0)
        else:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentWidget(self.home_tab)
        self._enable_registers(has_org)
        self._update_status()
        privacy_actions.archive_shown(self)

    def _add_group(self, group: str) -> None:
        inner = QTabWidget()
        inner.setObjectName(f"group_{group}")
        for register in available_registers():
            if register.group == group:
                tab = make_register_tab(self.archive, register)
                if isinstance(tab, RegisterTab):
                    tab.today = self.today
                inner.addTab(tab, register.title)
                self.register_tabs[register.key] = tab
                tab.summary_changed.connect(self._update_status)
                tab.changed.connect(lambda source=tab: self._data_changed(source))
        if inner.count():
            inner.currentChanged.connect(lambda _index: self._tab_shown())
            self.tabs.addTab(inner, GROUP_TITLES[group])

    def _data_changed(self, source: RegisterView) -> None:
        """A change in one register shows in the others (roster after 接收, 考勤册 after a meeting …)."""
        for tab in self.register_tabs.values():
            if tab is not source:
                tab.stale = True
        self.home_tab.stale = self.stats_tab.stale = True
        self._tab_shown()

    def _tab_shown(self) -> None:
        for shown in (self.home_tab, self.stats_tab):
            if self.tabs.currentWidget() is shown and shown.stale:
                shown.reload()
        tab = self.current_register_tab()
        if tab is not None and tab.stale:
            tab.reload_view()
            tab.stale = False
        self._update_status()

    def _enable_registers(self, enabled: bool) -> None:
        for index in range(FIRST_REGISTER_TAB, self.tabs.count()):
            self.tabs.setTabEnabled(index, enabled)

    def show_register(self, key: str) -> RegisterView:
        """Bring a register's tab to the front (at most two clicks for the clerk)."""
        tab = self.register_tabs[key]
        for index in range(1, self.tabs.count()):
            inner = self.tabs.widget(index)
            if isinstance(inner, QTabWidget) and inner.indexOf(tab) >= 0:
                self.tabs.setCurrentWidget(inner)
                inner.setCurrentWidget(tab)
        return tab

    def current_register_tab(self) -> RegisterView | None:
        inner = self.tabs.currentWidget()
        current = inner.currentWidget() if isinstance(inner, QTabWidget) else None
        return current if isinstance(current, RegisterTab | AttendanceTab | DuesTab) else None

    def _start(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.organization_tab)

    def _organization_saved(self) -> None:
        self._enable_registers(True)
        self.home_tab.stale = True
        self._update_status()

    def _update_status(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.home_tab), self.home_tab.tab_title())
        name = organization.organization_name(self.archive) or "（尚未填写党组织）"
        portable = "【便携模式】" if paths.is_portable() else ""
        day = f"（按{format_cn_date(self.today)}）" if self.fixed_day else ""
        # ends with the application's display name, so that the platform does not add it again
        self.setWindowTitle(f"{portable}{self.title_note}{name}{day} — {APP_NAME} {__version__}")
        tab = self.current_register_tab() or self.roster_tab
        overdue = self.home_tab.overdue_count()
        due = f"逾期待办 {overdue} 项　　" if overdue else ""
        self.status.setText(f"{due}{tab.summary_text()}　　台账文件：{self.archive.path}")

    # -- actions ---------------------------------------------------------
    def _registers_ready(self) -> bool:
        if not self.tabs.isTabEnabled(FIRST_REGISTER_TAB):
            QMessageBox.information(self, "请先填写党组织", "请先填写并保存党组织基本情况。")
            self._start()
            return False
        return True

    def _active_tab(self) -> RegisterView | None:
        """The register the clerk is looking at (the roster when on the organization tab)."""
        if not self._registers_ready():
            return None
        self.stack.setCurrentWidget(self.tabs)
        return self.current_register_tab() or self.show_register("members")

    def new_record(self) -> None:
        tab = self._active_tab()
        if tab is not None:
            tab.add_record()

    def find_in_register(self) -> None:
        """Ctrl+F: search every register; the chosen hit opens selected in its register."""
        if not self._registers_ready():
            return
        hit = SearchDialog.ask(self, self.archive)
        if hit is None:
            return
        self.reveal_record(hit.register.key, hit.record_id)

    def reveal_record(self, key: str, record_id: int) -> RegisterView:
        """Show a register with one record selected, whatever the year filter or search said."""
        self.stack.setCurrentWidget(self.tabs)
        tab = self.show_register(key)
        if not isinstance(tab, RegisterTab):
            return tab
        if isinstance(tab, BookTab) and tab.register.date_field:
            tab.year.setCurrentText(ALL_YEARS)
        tab.search.clear()
        tab.apply_filter()
        tab._search_timer.stop()  # clearing the box started it: it would reload and lose the selection
        if tab.model.row_of(record_id) < 0 and isinstance(tab, RosterTab):
            tab.include_left.setChecked(True)  # the record is someone who has left
        tab.select_id(record_id)
        return tab

    def show_bundle(self, result: Verification, archive: Archive | None) -> None:
        """An opened hand-over bundle, read-only in a window of its own (a warning if it failed)."""
        if archive is None:
            QMessageBox.warning(
                self,
                "移交包无法打开",
                "移交包没有通过校验，其中的台账数据也无法读取：\n"
                + "；".join(result.problems)
                + "。",
            )
            return
        viewer = MainWindow(archive)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        make_read_only(viewer, result)
        viewer.geometry_key = "bundle_viewer"  # the viewer remembers its own size and place
        restore_window(viewer, viewer.geometry_key, 1280, 800)
        self.bundle_windows.append(viewer)
        viewer.destroyed.connect(lambda: self.bundle_windows.remove(viewer))
        viewer.show()
        if not result.ok:
            QMessageBox.warning(
                viewer,
                "移交包没有通过校验",
                "这个移交包的内容可能不完整或已被改动：\n"
                + "\n".join(result.problems)
                + "\n\n可以查看，但不能作为正式的移交材料，请向移交人核实。",
            )

    def show_recycle_bin(self) -> None:
        if not self._registers_ready():
            return
        for key in RecycleBinDialog.ask(self, self.archive):
            self.register_tabs[key].refresh()

    def show_audit_log(self) -> None:
        from liangxin_desktop.ui.audit_dialog import AuditDialog

        AuditDialog.ask(self, self.archive)

    def _offer_open(self, path: Path) -> None:
        offer_open(self, path)

    def open_other(self) -> None:
        chosen = ask_open(self, "打开台账", "archive", "台账文件 (*.lxdb);;所有文件 (*)")
        if chosen:
            self.switch_archive(chosen)

    def switch_archive(self, path: Path) -> bool:
        if path.resolve() == self.archive.path.resolve():
            return True
        if not self._keep_or_save_profile():
            return False
        new_archive = privacy_actions.open_unlocked(self, path)  # its 启动密码, if it has one
        if new_archive is None:
            return False
        self.archive.close()
        self.archive = new_archive
        self._show_archive()
        return True

    def about(self) -> None:
        AboutDialog(self.archive.path, self).exec()

    def show_manual(self) -> HelpDialog:
        """帮助 → 使用说明 (F1): at the section of the register on screen, or of the first start."""
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        tab = self.current_register_tab() if self.stack.currentWidget() is self.tabs else None
        self.help_dialog.show_section(section_anchor(tab.register) if tab else "first-start")
        return self.help_dialog

    def _keep_or_save_profile(self) -> bool:
        """Unsaved changes on the organization tab: save, discard or stay (False)."""
        if not self.organization_tab.has_unsaved_changes():
            return True
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.question(
            self,
            "保存党组织基本情况？",
            "“党组织基本情况”中有尚未保存的修改。要先保存吗？",
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.organization_tab.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._keep_or_save_profile():
            event.ignore()
            return
        backup_dialog.back_up_on_close(self.archive)
        remember_window(self, self.geometry_key)
        self.archive.close()
        event.accept()
