"""Verified backups of the archive: made with SQLite's backup API, listed, rotated, restored.

A backup is a consistent snapshot (never a file copy of the live database), written under a
temporary name, then checked — ``integrity_check``, our application id, the record count of
every table equal to the archive's — and only then given its final name. Beside each one a
small ``.json`` says when, why, how big and what it holds, so listing opens no database.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from liangxin_desktop import __version__, paths
from liangxin_desktop.errors import ArchiveError
from liangxin_desktop.files import make_private, noted_part
from liangxin_desktop.storage.archive import (
    APPLICATION_ID,
    Archive,
    check_header,
    open_archive,
)
from liangxin_desktop.storage.failures import storage_error
from liangxin_desktop.storage.migrations import MIGRATION_COUNT

log = logging.getLogger(__name__)

BEFORE_UPGRADE = "升级前"
AUTOMATIC_REASONS = ("每日", "关闭时", "导入前", "撤销导入前", "恢复前", "批量修改前")
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"-(\d{8}-\d{6})-([^-]+)$")  # <archive>-20261128-093000-每日


@dataclass(frozen=True)
class Backup:
    """One backup file and what its catalog entry says about it."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    counts: dict[str, int]
    verified: bool
    schema_version: int

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of every table (SQLite's own and the migrations record left out)."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name != '_sqlite_migrations'"
            " ORDER BY name"
        )
    ]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _problem(exc: OSError | sqlite3.Error) -> ArchiveError:
    if isinstance(exc, sqlite3.Error):
        found = storage_error(exc)
        if found is not None:
            return found
    if isinstance(exc, OSError) and exc.errno in (28, 27, 122):  # ENOSPC, EFBIG, EDQUOT
        return ArchiveError("磁盘空间不足，备份没有完成。", "请清理磁盘或换一个备份位置后重试。")
    return ArchiveError(
        f"备份没有完成（{exc}）。", "请确认备份文件夹可以写入（U盘是否已拔出？）后重试。"
    )


def make_backup(
    archive: Archive, reason: str, *, folder: Path | None = None, now: datetime | None = None
) -> Backup:
    """Write a verified backup of ``archive`` into ``folder`` (default: its 备份 folder)."""
    now = now or datetime.now()
    folder = Path(folder) if folder is not None else paths.backups_dir(archive.path)
    target = folder / f"{archive.path.stem}-{now.strftime(_STAMP)}-{reason}{archive.path.suffix}"
    with noted_part(target.with_name(f".{target.name}.part")) as partial:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            counts = _copy_and_verify(archive, partial)
            os.replace(partial, target)
            make_private(target)
            backup = Backup(
                target, now, reason, target.stat().st_size, counts, True, MIGRATION_COUNT
            )
            _write_entry(backup)
        except (OSError, sqlite3.Error) as exc:
            _remove(partial)
            raise _problem(exc) from exc
        except BaseException:
            _remove(partial)
            raise
    log.info("backup written: %s (%s)", target.name, reason)
    return backup


def _copy_and_verify(archive: Archive, partial: Path) -> dict[str, int]:
    dest = sqlite3.connect(str(partial))
    try:
        archive.db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        expected = record_counts(archive.db.conn)
        problem = verify_connection(dest, expected)
        if problem:
            raise ArchiveError(f"备份文件校验失败：{problem}。", "请检查磁盘后重试。")
        return expected
    finally:
        dest.close()


def verify_connection(conn: sqlite3.Connection, expected: dict[str, int] | None = None) -> str:
    """What is wrong with a backup's database ("" when it is sound)."""
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        return "完整性检查未通过"
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        return "不是本程序的台账"
    if expected is not None and record_counts(conn) != expected:
        return "记录数与台账不一致"
    return ""


def _entry_path(backup_path: Path) -> Path:
    return backup_path.with_name(backup_path.name + ".json")


def _write_entry(backup: Backup) -> None:
    entry = {
        "made_at": backup.made_at.isoformat(timespec="seconds"),
        "reason": backup.reason,
        "size": backup.size,
        "counts": backup.counts,
        "verified": backup.verified,
        "schema_version": backup.schema_version,
        "app_version": __version__,
    }
    path = _entry_path(backup.path)
    path.write_text(json.dumps(entry, ensure_ascii=False, indent=1), encoding="utf-8")
    make_private(path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def read_entry(path: Path) -> Backup | None:
    """A backup as its catalog entry describes it; None when there is no usable entry."""
    try:
        entry = json.loads(_entry_path(path).read_text(encoding="utf-8"))
        return Backup(
            path,
            datetime.fromisoformat(entry["made_at"]),
            str(entry["reason"]),
            path.stat().st_size,
            {str(k): int(v) for k, v in entry["counts"].items()},
            bool(entry["verified"]),
            int(entry["schema_version"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def list_backups(archive_path: Path, folder: Path | None = None) -> list[Backup]:
    """The backups of an archive, newest first (files without an entry are described afresh)."""
    folder = Path(folder) if folder is not None else paths.backups_dir(archive_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{archive_path.stem}-*{archive_path.suffix}"):
        backup = read_entry(path) or describe(path)
        if backup is not None:
            found.append(backup)
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def describe(path: Path) -> Backup | None:
    """A backup without a catalog entry (made by an older version): read and checked now."""
    named = _NAME.search(path.stem)
    try:
        made_at = datetime.strptime(named.group(1), _STAMP) if named else None
    except ValueError:
        made_at = None
    made_at = made_at or datetime.fromtimestamp(path.stat().st_mtime)
    reason = named.group(2) if named else "其他"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            problem = verify_connection(conn)
            counts = {} if problem else record_counts(conn)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return Backup(path, made_at, reason, path.stat().st_size, {}, False, 0)
    return Backup(path, made_at, reason, path.stat().st_size, counts, not problem, version)


def check_restorable(path: Path) -> Backup:
    """A backup that may replace the archive: ours, whole, not from a newer program."""
    if not path.is_file() or not check_header(path):
        raise ArchiveError("所选文件不是台账的备份。", "请选择“备份”文件夹中的 .lxdb 文件。")
    backup = describe(path)
    if backup is None or not backup.verified:
        raise ArchiveError("这个备份已损坏，不能用来恢复。", "请选择另一个（较早的）备份。")
    if backup.schema_version > MIGRATION_COUNT:
        raise ArchiveError(
            "这个备份是由更新版本的“两新党建台账”保存的，当前程序不能用它恢复。",
            "请安装最新版本的程序后再恢复；台账没有被改动。",
        )
    return backup


def restore_backup(archive: Archive, source: Path) -> Archive:
    """Replace the archive with ``source``: back up the current one first, check the backup,
    copy it beside the archive, swap the files atomically and reopen. The archive reopened."""
    check_restorable(source)
    make_backup(archive, "恢复前")
    path = archive.path

    def make_room() -> None:
        archive.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:  # another connection still has it open
            raise ArchiveError("台账正在被其他操作使用，不能恢复。", "请关闭其他窗口后重试。")

    _swap_in(source, path, make_room)
    log.info("archive restored from %s", source.name)
    return open_archive(path, create=False)


def _swap_in(source: Path, path: Path, make_room: Callable[[], None]) -> None:
    """Copy ``source`` beside ``path`` (checked), clear the way, then rename it into place."""
    with noted_part(path.with_name(f".{path.name}.restore.part")) as staged:
        try:
            _copy_file_database(source, staged)
            make_room()
            os.replace(staged, path)
        except (OSError, sqlite3.Error) as exc:
            raise _problem(exc) from exc
        finally:
            _remove(staged)


def newest_good(archive_path: Path) -> Backup | None:
    """The newest backup that verified and that this program can open."""
    for backup in list_backups(archive_path):
        if backup.verified and backup.schema_version <= MIGRATION_COUNT:
            return backup
    return None


def recover_damaged(path: Path, source: Path, now: datetime | None = None) -> Archive:
    """Put a backup in the place of a damaged archive, which is kept aside (renamed, never
    written: 台账-损坏-20261128-093000.lxdb) with its journal files; the archive opened."""
    check_restorable(source)
    aside = path.with_name(
        f"{path.stem}-损坏-{(now or datetime.now()).strftime(_STAMP)}{path.suffix}"
    )

    def set_aside() -> None:
        for suffix in ("-wal", "-shm"):
            journal = path.with_name(path.name + suffix)
            if journal.exists():
                os.replace(journal, aside.with_name(aside.name + suffix))
        os.replace(path, aside)

    _swap_in(source, path, set_aside)
    log.info("damaged archive set aside; restored from %s", source.name)
    return open_archive(path, create=False)


def _copy_file_database(source: Path, target: Path) -> None:
    reader = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    dest = sqlite3.connect(str(target))
    try:
        reader.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        problem = verify_connection(dest, record_counts(reader))
        if problem:
            raise ArchiveError(f"恢复用的副本校验失败：{problem}。", "请检查磁盘后重试。")
    finally:
        dest.close()
        reader.close()
    make_private(target)


def to_keep(backups: list[Backup], today: date) -> set[Path]:
    """Rotation: the newest backup of each of the last 7 days, 4 weeks and 12 months that have
    one, every pre-upgrade backup for a year, and every backup the clerk made by hand."""
    keep: set[Path] = set()
    newest_first = sorted(backups, key=lambda b: b.made_at, reverse=True)
    periods: dict[tuple[str, object], Path] = {}
    for backup in newest_first:
        if backup.reason not in AUTOMATIC_REASONS and backup.reason != BEFORE_UPGRADE:
            keep.add(backup.path)
            continue
        day = backup.made_at.date()
        if backup.reason == BEFORE_UPGRADE and today - day <= timedelta(days=365):
            keep.add(backup.path)
        for kind, key in (
            ("day", day),
            ("week", day.isocalendar()[:2]),
            ("month", day.strftime("%Y-%m")),
        ):
            periods.setdefault((kind, key), backup.path)
    for kind, count in (("day", 7), ("week", 4), ("month", 12)):
        chosen = [path for (k, _key), path in periods.items() if k == kind]
        keep.update(chosen[:count])  # periods were met newest first
    return keep


def rotate(archive_path: Path, today: date) -> int:
    """Delete the automatic backups rotation no longer keeps; how many were deleted."""
    backups = list_backups(archive_path)
    kept = to_keep(backups, today)
    removed = 0
    for backup in backups:
        if backup.path not in kept:
            _remove(backup.path)
            _remove(_entry_path(backup.path))
            removed += 1
    return removed


def backup_if_due(
    archive: Archive, reason: str = "每日", now: datetime | None = None
) -> Backup | None:
    """The start's backup: only when the newest one is older than a day; rotation after it."""
    now = now or datetime.now()
    newest = next(iter(list_backups(archive.path)), None)
    if newest is not None and now - newest.made_at < timedelta(days=1):
        return None
    backup = make_backup(archive, reason, now=now)
    rotate(archive.path, now.date())
    return backup
