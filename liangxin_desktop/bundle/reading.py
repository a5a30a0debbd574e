"""Opening a bundle's database read-only, in memory: no temporary file ever holds its data.

The window and its background jobs (export, print) need several connections, so the
database is loaded into a named in-memory database shared by this process's connections
(``mode=memory&cache=shared``), every connection with ``PRAGMA query_only``. It lives as long
as the returned Archive is open.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from liangxin_desktop.bundle.verifying import Verification, check_database, verify_bundle
from liangxin_desktop.errors import BundleError
from liangxin_desktop.storage.archive import Archive


def shared_memory_archive(data: bytes, path: Path) -> Archive:
    """The database image ``data`` as a read-only archive that open_reader can open again."""
    problems, private = check_database(data)
    if private is None:
        raise BundleError("移交包中的台账数据无法打开：" + "；".join(problems) + "。")
    uri = f"file:bundle-{secrets.token_hex(8)}?mode=memory&cache=shared"
    shared = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        private.backup(shared)
    finally:
        private.close()
    shared.execute("PRAGMA query_only = ON")
    return Archive(Database(shared), path, read_only=True, uri=uri)


def open_bundle(path: Path, password: str | None = None) -> tuple[Verification, Archive | None]:
    """Verify the bundle, then open its database read-only in memory.

    A bundle that does not verify is still opened when its database itself is intact, so a
    superior can look at it; the Verification says what is wrong.
    """
    result = verify_bundle(path, password, keep_database=True)
    data = result.database
    if data is None:
        data = _database_despite_problems(path, password, result)
    if data is None:
        return result, None
    archive = shared_memory_archive(data, Path(path))
    result.database = None  # the bytes are in the shared database now
    return result, archive


def _database_despite_problems(
    path: Path, password: str | None, result: Verification
) -> bytes | None:
    from liangxin_desktop.bundle.sources import open_source, read_all
    from liangxin_desktop.bundle.verifying import MAX_DATABASE_BYTES

    name = str(result.manifest.get("database") or "")
    with open_source(Path(path), password) as source:
        if not any(e.name == name for e in source.entries()):
            return None
        try:
            data = read_all(source, name, MAX_DATABASE_BYTES)
        except BundleError:
            return None
    _problems, conn = check_database(data)
    if conn is None:
        return None
    conn.close()
    return data
