"""A private scratch folder for each run, inside the app's own data folder.

Work that holds personal data before it is finished (a bundle's snapshot and PDFs,
openpyxl's spooled sheets) is written here rather than in the system's temp folder, so
that what a crash (``kill -9``, a power cut) leaves behind can be found and removed at the
next start. Each run's folder holds an OS lock (released by the OS when the process ends):
a folder whose lock can be taken belongs to a run that is over.

The hidden ``.part`` files a write leaves beside its target (an export on a USB stick, a
backup, a bundle) cannot live here; instead each is noted in the run's ``parts`` folder while
it exists (``files.noted_part``), and the next start removes the parts its dead runs noted.
A part on a drive that is not there now (the stick) stays noted in ``待清理`` until it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from liangxin_desktop import files, paths
from liangxin_desktop.storage.lock import try_lock

log = logging.getLogger(__name__)
_LOCK_NAME = ".in-use"
_NOTES = "parts"  # in a run's folder: one note per half-written file (its path)
_PENDING = "待清理"  # notes of parts on a drive that was not there at the last start
_held: dict[Path, int] = {}  # this process's folder and the descriptor holding its lock


def session_folder() -> Path:
    """This run's scratch folder (made and locked on first use, readable by the user only)."""
    root = paths.scratch_dir()
    for folder, _fd in _held.items():
        if folder.parent == root and folder.exists():
            return folder
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    fd = os.open(folder / _LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try_lock(fd)
    _held[folder] = fd
    return folder


@contextmanager
def private_stage(prefix: str) -> Iterator[Path]:
    """A new folder in this run's scratch folder, removed afterwards whatever happens."""
    stage = Path(tempfile.mkdtemp(prefix=prefix, dir=session_folder()))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def clean_leftovers() -> int:
    """Remove the scratch folders of runs that are over; how many were removed."""
    root = paths.scratch_dir()
    if not root.is_dir():
        return 0
    removed = 0
    _remove_noted_parts(root / _PENDING, root)
    for folder in root.iterdir():
        if folder.name == _PENDING or folder in _held or not folder.is_dir() or _in_use(folder):
            continue
        _remove_noted_parts(folder / _NOTES, root)
        shutil.rmtree(folder, ignore_errors=True)
        removed += not folder.exists()
    if removed:
        log.info("removed %d scratch folder(s) left by earlier runs", removed)
    return removed


def _remove_noted_parts(notes: Path, root: Path) -> None:
    """Remove each half file a dead run noted; keep the note of one whose drive is not here."""
    if not notes.is_dir():
        return
    for note in notes.iterdir():
        with contextlib.suppress(OSError, UnicodeDecodeError):
            part = Path(note.read_text(encoding="utf-8"))
            if not files.is_part_name(part.name):
                note.unlink()  # not a name we write under: never remove anything else
            elif part.parent.is_dir():
                shutil.rmtree(part) if part.is_dir() else part.unlink(missing_ok=True)
                note.unlink()
                log.info("removed a half-written file left by an earlier run")
            elif notes.name != _PENDING:
                (root / _PENDING).mkdir(exist_ok=True)
                os.replace(note, root / _PENDING / note.name)


def _in_use(folder: Path) -> bool:
    try:
        fd = os.open(folder / _LOCK_NAME, os.O_RDWR)
    except FileNotFoundError:
        return False  # the run died before it took its lock: over
    except OSError:
        return True
    try:
        return not try_lock(fd)
    finally:
        os.close(fd)  # closing releases the lock just taken


def use_for_temporary_files() -> None:
    """Send Python's temporary files (openpyxl's spooled sheets) into this run's folder, and
    note there the half-written files this run makes beside their targets."""
    folder = session_folder()
    tempfile.tempdir = str(folder)
    files.note_parts_in(folder / _NOTES)


def release() -> None:
    """At a clean exit: remove this run's folder."""
    files.note_parts_in(None)
    for folder, fd in list(_held.items()):
        with contextlib.suppress(OSError):
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        del _held[folder]
    if tempfile.tempdir is not None and not Path(tempfile.tempdir).exists():
        tempfile.tempdir = None
