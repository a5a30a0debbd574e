"""Dialogs are wide enough for their whole title (openbox cut “下载导入模板 — 两新党建台账 0.1.0”)."""

from __future__ import annotations

from helpers import when_dialog_opens
from PySide6.QtWidgets import QDialog, QInputDialog

from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.title_fit import shown_title, title_width, widen_for_title
from liangxin_desktop.ui.window_state import FRAME_ALLOWANCE, available_area


def test_the_template_chooser_shows_its_whole_title(qtbot, archive) -> None:
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[str, int, int, int]] = []

    def look(dialog: QInputDialog) -> None:
        needed = title_width(dialog)
        seen.append((shown_title(dialog), dialog.width(), needed, dialog.sizeHint().width()))
        dialog.reject()

    failures = when_dialog_opens(qtbot, QInputDialog, look)
    window.download_template()
    assert failures == []
    [(title, width, needed, natural)] = seen
    assert title.startswith("下载导入模板 — 两新党建台账 ")
    assert width >= needed > natural  # its contents alone would have made it narrower


def test_a_dialog_is_widened_but_never_past_the_screen(qtbot) -> None:
    make_application()
    box = QDialog()
    box.setWindowTitle("很长的标题" * 40)
    qtbot.addWidget(box)
    widen_for_title(box)  # before it is shown, as ``choose_item`` does
    box.show()
    qtbot.waitExposed(box)
    available = available_area(box)
    frame = box.frameGeometry()
    assert available.contains(frame)
    assert frame.width() >= available.width() - FRAME_ALLOWANCE // 2
