"""The file dialogs: they start in the last folder used for that kind of file, and remember it.

Kinds: ``archive`` (台账文件), ``import`` (Excel to import), ``export`` (Excel, PDF, lists the
clerk saves), ``bundle`` (移交包), ``attachment`` (资料 filed in a register).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from liangxin_desktop.ui.window_state import remember_folder, start_path


def output_file_name(organization_name: str, subject: str, suffix: str, today: date) -> str:
    """The proposed name of an exported or printed file: organization, register and year, date."""
    return f"{organization_name or '台账'}-{subject}-{today:%Y%m%d}{suffix}"


def ask_open(parent: QWidget | None, title: str, kind: str, filter_text: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start_path(kind), filter_text)
    return _remembered(kind, chosen)


def ask_open_many(parent: QWidget | None, title: str, kind: str, filter_text: str) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, start_path(kind), filter_text)
    if chosen:
        remember_folder(kind, Path(chosen[0]))
    return [Path(name) for name in chosen]


def ask_save(
    parent: QWidget | None,
    title: str,
    kind: str,
    name: str,
    filter_text: str = "",
    folder: Path | None = None,
) -> Path | None:
    """A file to save: proposed ``name`` in ``folder`` (else the last folder of ``kind``).

    When ``name`` has a suffix (.pdf, .xlsx, .zip) the chosen path gets it too.
    """
    start = str(folder / name) if folder is not None else start_path(kind, name)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, start, filter_text)
    path = _remembered(kind, chosen)
    suffix = Path(name).suffix.lower()
    if path is None or not suffix or path.suffix.lower() == suffix:
        return path
    return path.with_suffix(suffix)


def ask_folder(parent: QWidget | None, title: str, kind: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, start_path(kind))
    return _remembered(kind, chosen)


def _remembered(kind: str, chosen: str) -> Path | None:
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder(kind, path)
    return path
