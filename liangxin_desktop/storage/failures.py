"""SQLite's environment errors (disk full, I/O error, read-only, busy) as Chinese sentences.

Only errors the clerk's machine causes are translated; anything else (a bug: bad SQL, a
broken constraint) is returned as ``None`` so that it stays a bug, logged with its traceback.
"""

from __future__ import annotations

import sqlite3

from liangxin_desktop.errors import ArchiveDamaged, ArchiveError, ArchiveUnwritable

_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


def disk_full() -> ArchiveError:
    return ArchiveError(
        "磁盘空间不足，刚才的修改没有保存。",
        "台账没有被改动。请删除不需要的文件、清空回收站腾出空间后再试。",
    )


def unwritable_error() -> ArchiveUnwritable:
    return ArchiveUnwritable(
        "台账文件已经不能写入（U盘被拔出、文件被删除或移走、被改为只读），刚才的修改没有保存。",
        "请插回U盘或找回台账文件，然后关闭并重新打开程序。",
    )


def corrupt_error() -> ArchiveDamaged:
    return ArchiveDamaged(
        "台账文件已损坏，无法打开。",
        "请用“文件 → 备份与恢复”从最近的备份恢复；原文件没有被改动。",
    )


def storage_error(exc: sqlite3.Error) -> ArchiveError | None:
    """The Chinese sentence for an environment error of SQLite, or None for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return disk_full()
    if primary == _SQLITE_IOERR:  # a full disk (EFBIG, a quota) or a fault; a pulled stick
        return ArchiveError(  # is told apart by Archive.transaction, which looks for the file
            "读写台账文件时出错：磁盘空间不足、磁盘出现故障，或U盘已被拔出。刚才的修改没有保存。",
            "请检查磁盘空间和U盘后重新打开程序；如果台账已损坏，可以从备份恢复。",
        )
    if primary in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        return unwritable_error()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return ArchiveError(
            "台账正被另一项操作占用，刚才的修改没有保存。", "请稍等片刻后再试一次。"
        )
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return corrupt_error()
    return None
