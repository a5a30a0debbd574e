"""Test helpers: a valid member record and Chinese typing the way an input method does it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

VALID_ID = "11010519491231002X"  # 女, 1949-12-31 (DOMAIN.md example)


def member(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "王秀英",
        "ethnicity": "汉族",
        "id_number": VALID_ID,
        "education": "大学本科",
        "member_category": "正式党员",
        "unit": "第一党小组",
        "joined_on": "1975-07-01",
        "converted_on": "1976-07-01",
        "job_post": "离退休人员",
        "phone": "13800138000",
        "home_address": "北京市朝阳区建国路1号",
    }
    values.update(overrides)
    return values


def add_members(archive: Any, names: list[str], today: Any = None) -> list[int]:
    """Full members (joined 2005) with these names and distinct valid ID numbers."""
    from datetime import date

    from liangxin_desktop.domain.idnumber import fictional_id_number
    from liangxin_desktop.storage import people

    return [
        people.add_member(
            archive,
            member(
                name=name,
                id_number=fictional_id_number("330106", date(1980, 1, 1), index),
                joined_on="2005-07-01",
                converted_on="2006-07-01",
            ),
            today=today,
        )
        for index, name in enumerate(names)
    ]


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit ``text`` into ``widget`` as an input method would (QTest cannot type Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def when_dialog_opens(qtbot, kind: type, act: Callable[[QDialog], None]) -> list[str]:
    """Run ``act`` on the next modal dialog of ``kind`` (the call that opens it blocks)."""
    failures: list[str] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, handle)
            return
        try:
            act(dialog)
        except Exception as exc:
            failures.append(repr(exc))
            dialog.done(0)

    QTimer.singleShot(0, handle)
    return failures


def answer_message(qtbot, button_text: str) -> list[str]:
    """Click ``button_text`` on the next message box; the list gets its texts (what the clerk read)."""
    seen: list[str] = []

    def answer(box: QDialog) -> None:
        seen.append(f"{box.text()}\n{box.informativeText()}")  # type: ignore[attr-defined]
        [button] = [b for b in box.buttons() if b.text() == button_text]  # type: ignore[attr-defined]
        button.click()

    failures = when_dialog_opens(qtbot, QMessageBox, answer)
    return seen if not failures else [*seen, *failures]


def save_to(monkeypatch, target: Path) -> list[str]:
    """Every save dialog answers ``target``; every question after the job (打开文件？) is
    answered 否, and the list gets what it said."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    offered: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: offered.append(a[2]) or QMessageBox.StandardButton.No,
    )
    return offered


LONG_WAIT_MS = (
    300_000  # a waitUntil returns as soon as its condition holds; this only bounds a hang
)


def visible_progress_dialogs() -> list[QWidget]:
    """Every progress window the clerk could still see (none should stay after its job)."""
    from PySide6.QtWidgets import QProgressDialog

    return [
        w for w in QApplication.allWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def shown_window(qtbot, archive: Any) -> Any:
    """The main window on ``archive`` as it is, shown (as after start)."""
    from liangxin_desktop.ui.application import make_application
    from liangxin_desktop.ui.main_window import MainWindow

    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    return window


def window_on(qtbot, archive: Any, members: list[str] | None = None) -> Any:
    """The main window on ``archive`` with an organization profile (and these full members),
    shown as after start."""
    from liangxin_desktop.storage import organization

    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    if members:
        add_members(archive, members)
    return shown_window(qtbot, archive)
