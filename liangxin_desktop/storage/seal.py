"""A seal of the archive file at each clean close, checked at the next open.

SQLite keeps no checksums of its pages, so ``quick_check`` finds only damage to the file's
structure (about one flipped byte in ten). At a clean close, when the file holds everything
(the write-ahead log folded in and removed), its size, modification time and SHA-256 are
written beside it (``台账.lxdb.seal``). At the next open, a file with the same size and time but
another digest was damaged on the disk: it is refused as damaged and a backup is offered. A
file changed since (copied, restored, opened by a crash-interrupted session) is not judged.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from liangxin_desktop.files import make_private

_CHUNK = 1 << 20


def seal_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".seal")


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _journal_in_use(archive: Path) -> bool:
    wal = archive.with_name(archive.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def write_seal(archive: Path) -> None:
    """After a clean close; silently skipped when the file is not whole or cannot be written."""
    with contextlib.suppress(OSError):
        if _journal_in_use(archive):
            return
        state = archive.stat()
        seal = {"size": state.st_size, "mtime_ns": state.st_mtime_ns, "sha256": _digest(archive)}
        seal_path(archive).write_text(json.dumps(seal), encoding="utf-8")
        make_private(seal_path(archive))


def broken(archive: Path) -> bool:
    """True when the file is as the seal describes it in size and time, but not in content."""
    try:
        seal = json.loads(seal_path(archive).read_text(encoding="utf-8"))
        state = archive.stat()
        if _journal_in_use(archive):
            return False
        if (state.st_size, state.st_mtime_ns) != (seal["size"], seal["mtime_ns"]):
            return False
        return _digest(archive) != seal["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remove_seal(archive: Path) -> None:
    with contextlib.suppress(OSError):
        seal_path(archive).unlink()
