"""Opening, checking, locking and backing up the one SQLite archive file.

Nothing is written to a file until it has been recognised as an archive of ours
(or is new), is writable and is locked for this process.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from liangxin_desktop import paths
from liangxin_desktop.errors import ArchiveError, ArchiveReadOnly, ArchiveUnwritable
from liangxin_desktop.files import make_private, noted_part
from liangxin_desktop.storage import seal
from liangxin_desktop.storage.failures import corrupt_error, storage_error, unwritable_error
from liangxin_desktop.storage.lock import ArchiveLock
from liangxin_desktop.storage.migrations import MIGRATION_COUNT, migrations
from liangxin_desktop.storage.shape import check_shape

log = logging.getLogger(__name__)

APPLICATION_ID = 0x4C584442  # "LXDB": marks a SQLite file as our archive
_SQLITE_MAGIC = b"SQLite format 3\x00"
_NOT_ARCHIVE_ADVICE = "请在“文件 → 打开台账”中选择本程序保存的台账文件（扩展名 .lxdb）。"


@dataclass
class Archive:
    """An open archive: the database plus what we know about the file."""

    db: Database
    path: Path
    read_only: bool = False
    lock: ArchiveLock | None = field(default=None, repr=False)
    closed: bool = field(default=False, repr=False)
    # A database that is not the file at ``path`` (a hand-over bundle's copy in memory):
    # the SQLite URI that further connections (open_reader) open, read-only.
    uri: str | None = field(default=None, repr=False)
    # The file opened for writing (device, inode): a write finds out when it is gone or replaced.
    identity: tuple[int, int] | None = field(default=None, repr=False)
    # Called once when the file can no longer be written (the window turns read-only).
    on_unwritable: Callable[[], None] | None = field(default=None, repr=False)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One all-or-nothing write (nested calls become savepoints).

        A file that vanished, was replaced or made read-only since it was opened (a pulled USB
        stick, a deleted or chmod-ed file: SQLite would go on writing to the open handle, or
        fail with an I/O error) is ``ArchiveUnwritable``: nothing is written, and from then on
        the archive is read-only."""
        if self.read_only:
            raise ArchiveError("这个台账是以只读方式打开的，不能修改。")
        if not self.db.conn.in_transaction and not _still_writable(self.path, self.identity):
            self._became_unwritable()
            raise unwritable_error()
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as exc:
            problem = storage_error(exc)
            if problem is None:
                raise
            if not isinstance(problem, ArchiveUnwritable) and not _still_writable(
                self.path, self.identity
            ):
                problem = unwritable_error()  # an I/O error because the file went away
            if isinstance(problem, ArchiveUnwritable):
                self._became_unwritable()
            raise problem from exc

    def _became_unwritable(self) -> None:
        log.warning("the archive file can no longer be written; going on read-only")
        self.read_only = True
        if self.on_unwritable is not None:
            self.on_unwritable()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see one consistent state (a read transaction, never committed)."""
        if self.db.conn.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.conn.rollback()

    def close(self) -> None:
        """Close the database and release the lock (calling it again does nothing)."""
        if self.closed:
            return
        self.closed = True
        try:
            if not self.read_only:
                self.db.execute("PRAGMA optimize")
            self.db.close()
            if not self.read_only and self.uri is None:
                seal.write_seal(self.path)
        finally:
            if self.lock is not None:
                self.lock.release()


def _identity(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_dev, found.st_ino


def _still_writable(path: Path, identity: tuple[int, int] | None) -> bool:
    """The opened file is still at ``path``, the same file, and writable (None: not a file)."""
    if identity is None:
        return True
    try:
        found = path.stat()
    except OSError:
        return False
    same = (found.st_dev, found.st_ino) == identity
    return same and bool(found.st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except PermissionError as exc:
        raise ArchiveError(
            "没有权限读取这个文件。", "请检查文件权限，或把它复制到“文档”文件夹后再打开。"
        ) from exc
    except OSError as exc:
        raise ArchiveError(
            f"无法读取这个文件（{exc.strerror}）。", "请确认文件仍在原处后重试。"
        ) from exc


def check_header(path: Path) -> bool:
    """Refuse files that are not our archives, reading only the header; False for an empty file.

    The application id is written before the file switches to WAL mode, so the main
    file's header always carries it, even after a crash left a ``-wal`` file behind.
    """
    header = _read_header(path)
    if not header:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise ArchiveError("这个文件不是“两新党建台账”的台账文件。", _NOT_ARCHIVE_ADVICE)
    (app_id,) = struct.unpack(">I", header[68:72])
    if app_id != APPLICATION_ID:
        raise ArchiveError("这是一个数据库文件，但不是“两新党建台账”的台账。", _NOT_ARCHIVE_ADVICE)
    return True


def _schema_version(conn: sqlite3.Connection) -> int:
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise (storage_error(exc) or corrupt_error()) from exc
    if version > MIGRATION_COUNT:
        raise ArchiveError(
            "这个台账是由更新版本的“两新党建台账”保存的，当前程序无法打开。",
            "请安装最新版本的程序后再打开，台账文件没有被改动。",
        )
    return version


def _check_writable(path: Path) -> None:
    folder = path.parent
    marked_read_only = path.exists() and not path.stat().st_mode & stat.S_IWUSR
    if path.exists() and (marked_read_only or not os.access(path, os.W_OK)):
        raise ArchiveReadOnly(
            "台账文件是只读的，无法保存修改。",
            "如果文件在U盘或光盘上，请先复制到本机“文档”文件夹再打开；也可以去掉文件的“只读”属性。",
        )
    if not os.access(folder, os.W_OK):
        raise ArchiveReadOnly(
            "台账所在的文件夹是只读的，无法保存修改。",
            "请把台账文件复制到本机“文档”文件夹后再打开。",
        )


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _quick_check(conn: sqlite3.Connection) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise (storage_error(exc) or corrupt_error()) from exc
    if not result or result[0] != "ok":
        raise corrupt_error()


def open_archive(
    path: Path, *, read_only: bool = False, create: bool = True, replace_empty: bool = False
) -> Archive:
    """Open (or create) the archive at ``path``; raise ArchiveError with a Chinese message.

    ``create`` makes a new archive where there is no file; an existing empty file (a copy
    that failed?) is refused unless ``replace_empty`` says the clerk chose to start anew there.
    """
    path = Path(path)
    exists = path.exists()
    if exists and not path.is_file():
        raise ArchiveError("指定的路径是一个文件夹，不是台账文件。", _NOT_ARCHIVE_ADVICE)
    if not exists and (read_only or not create):
        raise ArchiveError(f"找不到台账文件：{path}。", "请确认文件位置后重试。")
    has_data = check_header(path) if exists else False
    if exists and not has_data and not replace_empty and not read_only:
        raise ArchiveError(
            f"台账文件“{path.name}”是空的（0 字节），可能是一次没有完成的复制或保存。",
            "请找到完整的台账文件，或用“文件 → 备份与恢复”从备份恢复；这个文件没有被改动。",
        )
    if read_only:
        return _open_read_only(path, has_data)
    if not exists:
        path.parent.mkdir(parents=True, exist_ok=True)
    _check_writable(path)
    lock = ArchiveLock(path)
    lock.acquire()
    try:
        opened = _open_writable(path, has_data, lock)
    except BaseException:
        lock.release()
        raise
    for own in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(own)  # an archive made before the app kept its files private
    return opened


def _open_read_only(path: Path, has_data: bool) -> Archive:
    if not has_data:
        raise ArchiveError("这个文件是空的，不是台账。", _NOT_ARCHIVE_ADVICE)
    if seal.broken(path):
        raise corrupt_error()
    conn = _connect(path, read_only=True)
    try:
        _quick_check(conn)
        version = _schema_version(conn)
    except BaseException:
        conn.close()
        raise
    if version < MIGRATION_COUNT:
        conn.close()
        raise ArchiveError(
            "这个台账是由旧版本程序保存的，只读方式无法打开。",
            "请复制一份后用“打开台账”正常打开，程序会自动升级副本。",
        )
    return Archive(Database(conn), path, read_only=True)


def _open_writable(path: Path, has_data: bool, lock: ArchiveLock) -> Archive:
    conn = _connect(path, read_only=False)
    try:
        version = 0
        if has_data:
            if seal.broken(path):
                raise corrupt_error()
            seal.remove_seal(path)  # from now on the file changes: the seal would be stale
            _quick_check(conn)
            version = _schema_version(conn)
            check_shape(conn, version)
        db = Database(conn)
        if version and version < MIGRATION_COUNT:
            backup_to(db, backup_path(path, "升级前"))
        if not has_data:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
    except sqlite3.Error as exc:
        conn.close()
        raise (storage_error(exc) or corrupt_error()) from exc
    except BaseException:
        conn.close()
        raise
    return Archive(db, path, lock=lock, identity=_identity(path))


def backup_path(archive: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return paths.backups_dir(archive) / f"{archive.stem}-{stamp}-{reason}{archive.suffix}"


def backup_to(db: Database, target: Path) -> Path:
    """A consistent snapshot of a live database via SQLite's backup API, then checked."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with noted_part(target.with_name(target.name + ".part")) as partial:
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
            ok = dest.execute("PRAGMA integrity_check").fetchone()
            if not ok or ok[0] != "ok":
                raise ArchiveError("备份文件校验失败。", "请检查磁盘空间后重试。")
        except BaseException:
            dest.close()
            partial.unlink(missing_ok=True)
            raise
        dest.close()
        partial.replace(target)
    log.info("backup written: %s", target.name)
    return target


def open_reader(archive: Archive) -> Archive:
    """A second, read-only connection to an open archive, for a background job's own thread."""
    if archive.uri is not None:
        conn = sqlite3.connect(archive.uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
    else:
        conn = _connect(archive.path, read_only=True)
    return Archive(Database(conn), archive.path, read_only=True)


def open_writer(archive: Archive) -> Archive:
    """A second, writable connection to an archive this program has open (and locked), for a
    background job that writes in its own thread (an import); busy_timeout waits for the UI."""
    conn = _connect(archive.path, read_only=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return Archive(Database(conn), archive.path, identity=archive.identity)
