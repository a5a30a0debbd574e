"""Every path the app uses, in one place: data, logs, backups and bundled resources.

Source checkouts and frozen (PyInstaller) builds are both handled. Tests and the
command line override the data folder; nothing else reads the environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from liangxin_desktop import APP_ID

ARCHIVE_FILE_NAME = "台账.lxdb"
BACKUPS_FOLDER_NAME = "备份"
PORTABLE_FOLDER_NAME = "数据"
PORTABLE_MARKER = "portable.txt"
_DATA_DIR_ENV = "LIANGXIN_DATA_DIR"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (fonts, rule texts, icons)."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icon_file() -> Path:
    """The app's icon (drawn for it: ``resources/icons/liangxin-desktop.svg``)."""
    return resources_dir() / "icons" / f"{APP_ID}.svg"


def manual_dir() -> Path:
    """The 用户手册 (HTML and its screenshots)."""
    return resources_dir() / "manual"


def program_dir() -> Path:
    """The folder the program runs from: beside the executable (frozen) or the checkout's root."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    """Portable mode (a USB stick): a ``数据`` folder or a ``portable.txt`` file beside the program."""
    folder = program_dir()
    return (folder / PORTABLE_FOLDER_NAME).is_dir() or (folder / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    """The data folder; ``LIANGXIN_DATA_DIR`` overrides it (tests), portable mode puts it beside the program."""
    override = os.environ.get(_DATA_DIR_ENV)
    if override:
        return Path(override)
    if is_portable():
        return program_dir() / PORTABLE_FOLDER_NAME
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))


def default_archive_path() -> Path:
    return data_dir() / ARCHIVE_FILE_NAME


def backups_dir(archive: Path) -> Path:
    """Backups live beside the archive, so they travel with it; in portable mode in ``数据/备份``
    whichever archive is open, so a stick run never writes backups onto the PC."""
    if is_portable():
        return data_dir() / BACKUPS_FOLDER_NAME
    return archive.parent / BACKUPS_FOLDER_NAME


def scratch_dir() -> Path:
    """Unfinished work of each run (removed at the next start if a crash left it)."""
    return data_dir() / "临时"


def logs_dir() -> Path:
    return data_dir() / "logs"


def settings_dir() -> Path:
    """Where the app's QSettings (window sizes, last folders …) are kept: ``<data>/设置``."""
    return data_dir() / "设置"
