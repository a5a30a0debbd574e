"""The progress window of a long job closes when the job ends: done, failed or cancelled."""

from __future__ import annotations

import threading

import pytest
from helpers import LONG_WAIT_MS, visible_progress_dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from liangxin_desktop.errors import Cancelled, InvalidValue
from liangxin_desktop.output.files import Progress
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.workers import run_with_progress


@pytest.fixture
def parent(qtbot) -> QWidget:
    make_application()
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _held_job(release: threading.Event, outcome: str):
    """A job that reports progress until the test releases it, then ends as told."""

    def job(progress: Progress) -> str:
        while not release.wait(0.01):
            progress(1, 2)
        progress(2, 2)
        if outcome == "fail":
            raise InvalidValue("缴费基数不对。", "请重新填写。")
        return "ok"

    return job


def _start(qtbot, parent: QWidget, outcome: str, results: list) -> tuple[threading.Event, object]:
    release = threading.Event()
    signals = run_with_progress(parent, "正在生成……", _held_job(release, outcome), results.append)
    qtbot.waitUntil(lambda: bool(visible_progress_dialogs()), timeout=LONG_WAIT_MS)
    return release, signals


def test_the_progress_window_closes_when_the_job_is_done(qtbot, parent: QWidget) -> None:
    results: list = []
    release, _ = _start(qtbot, parent, "ok", results)
    release.set()
    qtbot.waitUntil(lambda: results == ["ok"], timeout=LONG_WAIT_MS)
    assert visible_progress_dialogs() == []


def test_the_progress_window_closes_before_a_failure_is_shown(
    qtbot, parent: QWidget, monkeypatch
) -> None:
    seen: list[list] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: seen.append(visible_progress_dialogs()) or 0
    )
    release, _ = _start(qtbot, parent, "fail", [])
    release.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=LONG_WAIT_MS)
    assert seen == [[]]
    assert visible_progress_dialogs() == []


def test_the_progress_window_closes_when_cancelled(qtbot, parent: QWidget) -> None:
    results: list = []
    release, signals = _start(qtbot, parent, "ok", results)
    with qtbot.waitSignal(signals.cancelled, timeout=LONG_WAIT_MS):
        dialog = visible_progress_dialogs()[0]
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    release.set()
    assert visible_progress_dialogs() == [] and results == []


def test_a_job_that_ends_at_once_still_reaches_its_handlers(qtbot, parent: QWidget) -> None:
    from PySide6.QtCore import QThreadPool

    said: list[str] = []

    def quick(progress: Progress) -> None:
        raise Cancelled()

    run_with_progress(
        parent, "正在生成……", quick, said.append, on_cancelled=lambda: said.append("已取消")
    )
    QThreadPool.globalInstance().waitForDone()  # the job has ended before the UI thread goes on
    qtbot.waitUntil(lambda: said == ["已取消"], timeout=LONG_WAIT_MS)
    assert visible_progress_dialogs() == []


def test_a_job_that_ends_at_once_still_reaches_slots_connected_after_the_call(
    qtbot, parent: QWidget
) -> None:
    """The print preview connects its 已取消 text after starting the job (a race seen in CI)."""
    started = threading.Event()

    def cancelled_at_once(progress: Progress) -> None:
        started.set()
        raise Cancelled()

    signals = run_with_progress(parent, "正在生成……", cancelled_at_once, lambda _: None)
    assert not started.wait(0.2)  # nothing runs before the caller is back in the event loop
    seen: list[str] = []
    signals.cancelled.connect(lambda: seen.append("已取消"))
    qtbot.waitUntil(lambda: seen == ["已取消"], timeout=LONG_WAIT_MS)
    assert visible_progress_dialogs() == []


def test_a_background_job_whose_window_has_closed_ends_quietly(qtbot) -> None:
    """The 首页's check may end after its window closed: nobody to tell, and no error."""
    import shiboken6
    from PySide6.QtCore import QObject, QThreadPool
    from PySide6.QtWidgets import QApplication

    from liangxin_desktop.ui.workers import run_in_background

    owner = QObject()
    release = threading.Event()
    told: list[object] = []
    run_in_background(owner, lambda: release.wait(60), told.append)
    shiboken6.delete(owner)  # the window (and the job's signals with it) is gone
    release.set()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()
    assert told == []
