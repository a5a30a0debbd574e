"""The 文件 menu's hand-over actions: 导出移交包, 打开移交包 (read-only window) and 汇总移交包.

Each runs its long part off the UI thread with a cancellable progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from liangxin_desktop.bundle.making import make_bundle
from liangxin_desktop.bundle.reading import open_bundle
from liangxin_desktop.bundle.sources import WrongPassword, check_password, is_encrypted
from liangxin_desktop.bundle.summary_report import (
    SummaryReport,
    summarize_bundles,
    write_summary_pdf,
    write_summary_xlsx,
)
from liangxin_desktop.bundle.verifying import Verification
from liangxin_desktop.output.files import Progress
from liangxin_desktop.storage import organization
from liangxin_desktop.storage.archive import Archive, open_reader
from liangxin_desktop.ui.bundle_dialog import BundleDialog
from liangxin_desktop.ui.file_dialogs import ask_open
from liangxin_desktop.ui.summary_dialog import SummaryDialog, SummaryRequest
from liangxin_desktop.ui.window_state import last_folder
from liangxin_desktop.ui.workers import run_with_progress

# Shows an opened bundle (its verification, and its archive when the database could be read).
ShowBundle = Callable[[Verification, Archive | None], None]


def make(window: QWidget, archive: Archive) -> None:
    """导出移交包: one dialog, then the bundle is made, written, read back and verified."""
    request = BundleDialog.ask(
        window, organization.organization_name(archive), last_folder("bundle")
    )
    if request is None:
        return

    def job(progress: Progress) -> Verification:
        reader = open_reader(archive)  # the job's own connection, in its own thread
        try:
            return make_bundle(
                reader,
                request.target,
                year=request.year,
                password=request.password,
                progress=progress,
            )
        finally:
            reader.close()

    def done(result: Verification) -> None:
        locked = "\n\n移交包已加密：请把密码当面或电话告诉对方。" if request.password else ""
        QMessageBox.information(
            window,
            "移交包已完成",
            f"移交包已生成，并已从保存位置读回核对无误：\n{result.path}{locked}\n\n"
            "从U盘拔出前，请先在电脑上“安全弹出”U盘。",
        )

    run_with_progress(window, "正在生成移交包……", job, done)


def open_(window: QWidget, show: ShowBundle) -> None:
    """打开移交包: a .zip, or the manifest.json inside a bundle folder."""
    chosen = ask_open(window, "打开移交包", "bundle", "移交包 (*.zip manifest.json);;所有文件 (*)")
    if chosen is None:
        return
    open_path(window, chosen.parent if chosen.name == "manifest.json" else chosen, show)


def ask_password(window: QWidget, path: Path) -> str | None:
    """Ask until the password opens the bundle (a wrong one is said at once) or the clerk cancels."""
    prompt = f"“{path.name}”已加密，请输入移交人另行告知的密码："
    while True:
        text, ok = QInputDialog.getText(window, "移交包已加密", prompt, QLineEdit.EchoMode.Password)
        if not ok or not text:
            return None
        try:
            check_password(path, text)
        except WrongPassword:
            prompt = "密码不正确，请重新输入（注意大小写）："
            continue
        return text


def open_path(window: QWidget, path: Path, show: ShowBundle, password: str | None = None) -> None:
    """Verify the bundle, then show it read-only in a window of its own."""
    if password is None and is_encrypted(path):
        password = ask_password(window, path)
        if password is None:
            return

    def job(progress: Progress) -> tuple[Verification, Archive | None]:
        progress(0, 1)
        opened = open_bundle(path, password)
        progress(1, 1)
        return opened

    run_with_progress(window, "正在校验移交包……", job, lambda opened: show(*opened))


def summarize(window: QWidget) -> None:
    """汇总移交包: verify each, sum the verified, list the others; an Excel table and a PDF."""
    request = SummaryDialog.ask(window, last_folder("export"))
    if request is None:
        return
    run_summary(window, request)


def run_summary(window: Any, request: SummaryRequest) -> None:
    def job(progress: Progress) -> SummaryReport:
        report = summarize_bundles(request.bundles, request.password, progress)
        write_summary_xlsx(report, request.workbook)
        if request.pdf is not None:
            write_summary_pdf(report, request.pdf)
        return report

    def done(report: SummaryReport) -> None:
        failed = "".join(f"\n  · {f.path.name}：{f.reason}" for f in report.failed)
        text = f"已汇总 {len(report.summaries)} 个党组织：\n{request.workbook}"
        if failed:
            text += f"\n\n以下移交包没有通过校验，单独列出，未计入合计：{failed}"
        answer = QMessageBox.question(window, "汇总完成", text + "\n\n现在打开汇总表吗？")
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(request.workbook)))

    run_with_progress(window, "正在校验并汇总移交包……", job, done)
