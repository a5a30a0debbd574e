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
_DATA_DIR_ENV = "LIANGXIN_DATA_DIR"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (fonts, rule texts, icons)."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def data_dir() -> Path:
    """The user's data folder; ``LIANGXIN_DATA_DIR`` overrides it (tests, portable mode)."""
    override = os.environ.get(_DATA_DIR_ENV)
    if override:
        return Path(override)
    if is_portable():
        return Path(sys.executable).resolve().parent / "data"
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))


def is_portable() -> bool:
    """A frozen build with a ``portable.txt`` beside it keeps its data beside the program."""
    if not getattr(sys, "frozen", False):
        return False
    return (Path(sys.executable).resolve().parent / "portable.txt").exists()


def default_archive_path() -> Path:
    return data_dir() / ARCHIVE_FILE_NAME


def backups_dir(archive: Path) -> Path:
    """Automatic backups live beside the archive, so they travel with it."""
    return archive.parent / "备份"


def scratch_dir() -> Path:
    """Unfinished work of each run (removed at the next start if a crash left it)."""
    return data_dir() / "临时"


def logs_dir() -> Path:
    return data_dir() / "logs"
