"""Starting the GUI: the QApplication, fonts, error handling, the archive and the main window."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from liangxin_desktop import APP_NAME, paths
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage.archive import Archive, open_archive
from liangxin_desktop.ui.fonts import install_fonts
from liangxin_desktop.ui.messages import install_excepthook


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
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
    app._liangxin_translator = translator  # type: ignore[attr-defined]  # keep it alive
    return True


def _open_with_retry(path: Path) -> Archive | None:
    """Open the archive; when refused, explain and let the clerk pick another file or quit."""
    while True:
        try:
            return open_archive(path)
        except LiangxinError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "无法打开台账", exc.headline)
            box.setInformativeText(exc.advice)
            choose = box.addButton("选择其他台账文件…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not choose:
                return None
            chosen, _ = QFileDialog.getOpenFileName(
                None, "打开台账", str(path.parent), "台账文件 (*.lxdb);;所有文件 (*)"
            )
            if not chosen:
                return None
            path = Path(chosen)


def run_gui(data: Path | None, today: date, fixed_day: bool = False) -> int:
    """The window works on ``today`` (from ``clock.resolve_today``); a fixed day shows in the title."""
    app = make_application()
    install_excepthook()
    archive = _open_with_retry(data or paths.default_archive_path())
    if archive is None:
        return 1
    from liangxin_desktop.ui.main_window import MainWindow

    window = MainWindow(archive, today=today, fixed_day=fixed_day)
    window.show()
    return app.exec()
