"""Writing files safely: a temporary name beside the target, renamed only when complete, noted
in this run's scratch folder while it exists (so that the next start removes what a crash
left); and keeping what the app writes readable by the user only."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from liangxin_desktop.errors import LiangxinError, OutputError

_LIBXML_IO_ERROR = re.compile(r"\bIO_(E[A-Z]+)\b")
# No room left: a full disk, a file larger than the system allows (FAT32's 4 GB), a quota.
_DISK_FULL = (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))
_DEVICE_GONE = (errno.EIO, errno.ENODEV, errno.ENXIO)
# ERROR_NOT_READY, ERROR_DEV_NOT_EXIST, ERROR_DEVICE_NOT_CONNECTED, ERROR_DEVICE_REMOVED
_WINDOWS_DEVICE_GONE = (21, 55, 1167, 1617)
_part_notes: Path | None = None  # where this run notes its half-written files (storage.scratch)


def keep_private() -> None:
    """From now on every file and folder this process makes is the user's only (0600 / 0700)
    on Linux; Windows keeps the rights of the user's own folder."""
    if os.name == "posix":
        os.umask(0o077)


def make_private(path: Path) -> None:
    """Tighten an existing file to 0600 or folder to 0700 (Linux); quietly skip what cannot be."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            path.chmod(0o700 if path.is_dir() else 0o600)


def note_parts_in(folder: Path | None) -> None:
    """Note every half-written file of this run in ``folder`` (None: stop noting)."""
    global _part_notes
    _part_notes = folder


def part_path(target: Path) -> Path:
    """The hidden name a file or folder is written under beside ``target`` until complete."""
    return target.with_name(f".{target.stem}.{secrets.token_hex(4)}.part{target.suffix}")


def is_part_name(name: str) -> bool:
    """Whether a file name is one ``part_path`` (or a backup's ``.<name>.part``) gives."""
    return name.startswith(".") and ".part" in name


@contextmanager
def noted_part(temp: Path) -> Iterator[Path]:
    """While the block runs, ``temp`` is noted in this run's scratch folder: when the process
    is killed before it renamed or removed ``temp``, the next start finds the note and removes
    the half file (``storage.scratch.clean_leftovers``)."""
    note = _note(temp)
    try:
        yield temp
    finally:
        if note is not None:
            _remove_quietly(note)


def _note(temp: Path) -> Path | None:
    if _part_notes is None:
        return None
    try:
        _part_notes.mkdir(exist_ok=True)
        note = _part_notes / f"{secrets.token_hex(8)}.txt"
        note.write_text(str(temp.absolute()), encoding="utf-8")
    except OSError:
        return None  # the write itself goes on: only the clean-up after a crash is lost
    return note


def output_error(target: Path, exc: OSError) -> OutputError:
    """The Chinese sentence for an OSError met while writing ``target`` (full, read-only, gone)."""
    if exc.errno in _DISK_FULL:
        return OutputError("磁盘空间不足，文件没有保存。", "请清理磁盘或换一个位置后重试。")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return OutputError(
            f"无法写入“{target.name}”：没有权限，或文件正被其他程序（如 Excel、WPS）打开。",
            "请关闭打开该文件的程序，或换一个保存位置后重试。",
        )
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return OutputError(
            f"保存位置“{target.parent}”不存在。", "请重新选择保存位置（U盘是否已拔出？）。"
        )
    if exc.errno in _DEVICE_GONE or getattr(exc, "winerror", None) in _WINDOWS_DEVICE_GONE:
        return OutputError(
            f"写入“{target.name}”时U盘或磁盘出现故障（可能已被拔出），文件没有保存。",
            "请重新插好U盘，或换一个U盘后重试。",
        )
    return OutputError(
        f"无法写入“{target.name}”（{exc.strerror or exc}）。", "请换一个保存位置后重试。"
    )


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target``, on any failure it is removed."""
    target = Path(target)
    with noted_part(part_path(target)) as temp:
        try:
            yield temp
            os.replace(temp, target)
        except BaseException as exc:
            _remove_quietly(temp)
            cause = os_error_behind(exc)
            if cause is None or isinstance(exc, LiangxinError):
                raise
            raise output_error(target, cause) from exc


def os_error_behind(exc: BaseException) -> OSError | None:
    """The OSError that caused ``exc``: itself, or one a library's own error hides (lxml
    raises "IO_ENOSPC", or "not in an element" while closing a file whose write failed)."""
    seen: BaseException | None = exc
    for _depth in range(20):
        if seen is None or isinstance(seen, OSError):
            return seen
        named = _LIBXML_IO_ERROR.search(str(seen))
        if named and isinstance(getattr(errno, named.group(1), None), int):
            code = getattr(errno, named.group(1))
            return OSError(code, os.strerror(code))
        seen = seen.__cause__ or seen.__context__
    return None


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
