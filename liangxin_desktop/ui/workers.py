"""Long jobs (export, print) off the UI thread, with a progress dialog that can cancel."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from liangxin_desktop.errors import Cancelled, LiangxinError
from liangxin_desktop.output.files import Progress
from liangxin_desktop.ui.messages import show_crash, show_problem

log = logging.getLogger(__name__)
Job = Callable[[Progress], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.job, self.signals, self.stop = job, signals, stop

    def _report(self, done: int, total: int) -> None:
        if self.stop.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError as exc:  # the window that asked has closed: nobody to tell
            if not shiboken6.isValid(self.signals):
                return
            raise exc

    def _run(self) -> None:
        try:
            result = self.job(self._report)
        except Cancelled:
            self.signals.cancelled.emit()
        except LiangxinError as exc:
            self.signals.failed.emit(exc, "")
        except Exception as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


def run_with_progress(
    parent: QWidget,
    label: str,
    job: Job,
    on_done: Callable[[Any], None],
    on_cancelled: Callable[[], None] | None = None,
    on_failed: Callable[[], None] | None = None,
) -> _Signals:
    """Run ``job(progress)`` in the thread pool; ``on_done(result)`` runs on the UI thread.

    The progress dialog closes when the job ends, whether it is done, failed or cancelled,
    before ``on_done``, ``on_cancelled`` or the failure message runs (so none is hidden behind
    it). A job that ends at once (cancelled, refused) must not end before anyone listens: the
    handlers given here are connected before it starts, and the job starts only when control is
    back in the event loop, so that a caller may still connect to the returned signals.
    """
    dialog = _progress_dialog(parent, label)
    stop = threading.Event()
    signals = _Signals(parent)
    dialog.canceled.connect(stop.set)

    def show_progress(done: int, total: int) -> None:
        if not stop.is_set():
            dialog.setValue(int(done * 100 / max(total, 1)))

    def close() -> None:
        stop.set()  # a progress report still on its way must not show the dialog again
        dialog.hide()
        dialog.deleteLater()

    def finished(result: object) -> None:
        close()
        on_done(result)

    def failed(exc: BaseException, details: str) -> None:
        close()
        if on_failed is not None:
            on_failed()
        _report_failure(parent, exc, details)

    def cancelled() -> None:
        close()
        if on_cancelled is not None:
            on_cancelled()

    signals.progress.connect(show_progress)
    signals.finished.connect(finished)
    signals.cancelled.connect(cancelled)
    signals.failed.connect(failed)
    runnable = _Runnable(job, signals, stop)
    QTimer.singleShot(0, signals, lambda: QThreadPool.globalInstance().start(runnable))
    return signals


def _progress_dialog(parent: QWidget, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "取消", 0, 100, parent)
    dialog.setObjectName("progress")
    dialog.setWindowTitle("请稍候")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)  # the job ends the dialog, not a value of 100
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


def _report_failure(parent: QWidget, exc: BaseException, details: str) -> None:
    if isinstance(exc, LiangxinError):
        show_problem(parent, exc)
    else:
        log.error("background job failed:\n%s", details)
        show_crash(parent, details)


def run_in_background(
    parent: QObject, job: Callable[[], Any], on_done: Callable[[Any], None]
) -> None:
    """A short job nobody waits on (a table's totals): no dialog. ``on_done`` gets the result on
    the UI thread, or None when the job failed (logged without its data)."""
    signals = _Signals(parent)

    def failed(_exc: BaseException, details: str) -> None:
        log.error("background job failed:\n%s", details)
        on_done(None)

    signals.finished.connect(on_done)
    signals.failed.connect(failed)
    QThreadPool.globalInstance().start(
        _Runnable(lambda _progress: job(), signals, threading.Event())
    )
