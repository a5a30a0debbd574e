"""Writing files safely: a temporary name beside the target, renamed only when complete."""

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
    temp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.part{target.suffix}")
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
