"""A lock file beside the archive so that two running copies never open the same archive.

The lock is an operating-system lock on the first byte of ``<archive>.lock``: it is
released by the OS when the process ends, so a crash never leaves a stale lock behind.
Who holds it (program, process, computer, since when) is written after that byte so
that the second copy can tell the clerk.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from liangxin_desktop.errors import ArchiveLocked, ArchiveReadOnly

_INFO_OFFSET = 16


def lock_path_for(archive: Path) -> Path:
    return archive.with_name(archive.name + ".lock")


def try_lock(fd: int) -> bool:
    """Take an OS lock on the first byte of an open file; False when another process holds it."""
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 0)


def _read_holder(fd: int) -> dict[str, str]:
    try:
        os.lseek(fd, _INFO_OFFSET, os.SEEK_SET)
        data = os.read(fd, 4096)
        holder = json.loads(data.decode("utf-8") or "{}")
        return holder if isinstance(holder, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_holder(fd: int) -> None:
    info = {
        "pid": str(os.getpid()),
        "host": socket.gethostname(),
        "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
    }
    try:  # only to tell a second copy who holds the lock: a full disk must not stop the start
        os.ftruncate(fd, _INFO_OFFSET)
        os.lseek(fd, _INFO_OFFSET, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode("utf-8"))
    except OSError:
        pass


class ArchiveLock:
    """Holds the lock of one archive while the app has it open."""

    def __init__(self, archive: Path) -> None:
        self.path = lock_path_for(archive)
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise ArchiveReadOnly(
                "无法在台账所在的文件夹里建立锁定文件，这个文件夹可能是只读的。",
                "请把台账文件复制到本机可写的文件夹（例如“文档”）后再打开。",
            ) from exc
        if not try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            raise ArchiveLocked(
                _locked_headline(holder), "请先关闭另一个窗口中的台账，再重新打开。"
            )
        _write_holder(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, _INFO_OFFSET)
            _unlock(fd)
        finally:
            os.close(fd)
        # Another copy may have just taken it; the OS lock is what counts.
        with contextlib.suppress(OSError):
            self.path.unlink()

    @property
    def held(self) -> bool:
        return self._fd is not None


def _locked_headline(holder: dict[str, str]) -> str:
    where = ""
    if holder.get("host") and holder.get("since"):
        where = f"（计算机 {holder['host']}，自 {holder['since']} 起）"
    return f"这个台账正由另一个已打开的“两新党建台账”程序使用{where}。"
