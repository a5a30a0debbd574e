"""Starting the GUI: the QApplication, fonts, error handling, the archive and the main window."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from liangxin_desktop import APP_ID, APP_NAME, __version__, paths
from liangxin_desktop.ui.fonts import install_fonts
from liangxin_desktop.ui.messages import install_excepthook
from liangxin_desktop.ui.password_dialog import unlock
from liangxin_desktop.ui.recovery import open_at_start, show_read_only_banner
from liangxin_desktop.ui.settings import configure_settings


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(
        f"{APP_NAME} {__version__}"
    )  # the title ends with it: not added twice
    app.setApplicationVersion(__version__)
    configure_settings()
    icon = paths.icon_file()
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_fonts(app)
    install_chinese_translation(app)
    return app


def install_chinese_translation(app: QApplication) -> bool:
    """Qt's own texts (是/否, 确定, 取消, 保存, 放弃 …) in Chinese, whatever the system's language."""
    if getattr(app, "_liangxin_translator", None) is not None:
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return False
    app.installTranslator(translator)
    missing = MissingQtTexts(app)
    app.installTranslator(missing)  # installed last, asked first
    app._liangxin_translator = (translator, missing)  # type: ignore[attr-defined]  # keep alive
    return True


MISSING_QT_TEXTS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class MissingQtTexts(QTranslator):
    """The few Qt texts that Qt's own Chinese translation lacks (Qt's file dialog labels)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return MISSING_QT_TEXTS.get((context, source))  # None: ask the next translator

    def isEmpty(self) -> bool:
        return False


def run_gui(data: Path | None, today: date, fixed_day: bool = False) -> int:
    """The window works on ``today`` (from ``clock.resolve_today``); a fixed day shows in the title."""
    app = make_application()
    install_excepthook()
    archive = open_at_start(data or paths.default_archive_path())
    if archive is None:
        return 1
    if not unlock(archive):  # the 启动密码, before anything of the archive is shown
        archive.close()
        return 1
    from liangxin_desktop.ui import archive_check, backup_dialog, drafts
    from liangxin_desktop.ui.main_window import MainWindow

    window = MainWindow(archive, today=today, fixed_day=fixed_day)
    if archive.read_only:
        show_read_only_banner(window)
    window.show()
    backup_dialog.back_up_at_start(window)
    drafts.offer_drafts(window)
    archive_check.check_if_due(window)  # the weekly integrity_check, off the UI thread
    return app.exec()
