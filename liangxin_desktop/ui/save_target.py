"""Writing a file where the clerk chooses: the save dialog, then the writer, a failure said plainly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.ui.messages import show_problem

PDF_FILTER = "PDF 文件 (*.pdf)"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


def save_as(
    parent: QWidget,
    title: str,
    file_name: str,
    write: Callable[[Path], Any],
    file_filter: str = PDF_FILTER,
) -> Path | None:
    """Ask where to save ``file_name``, write it there; the path, or None if cancelled or failed."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / file_name), file_filter
    )
    if not chosen:
        return None
    try:
        write(Path(chosen))
    except LiangxinError as exc:
        show_problem(parent, exc, "无法保存")
        return None
    return Path(chosen)
