"""Verifying a bundle: every file against the manifest, and the database's own integrity.

Refusals that make the bundle unreadable (wrong password, a damaged zip, unsafe names,
oversized entries, no manifest) raise BundleError. Everything else found wrong is a
problem on the returned Verification, named in a plain sentence: a file missing, altered
or extra, a database that is not ours or not intact, counts that differ from the manifest.
The database is read into memory only; nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from liangxin_desktop.bundle.manifest import MANIFEST_NAME, README_NAME, RegisterCount
from liangxin_desktop.bundle.memory import memory_archive
from liangxin_desktop.bundle.sources import ZIP_ERRORS, Source, open_source, read_all
from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.errors import BundleError
from liangxin_desktop.storage.archive import APPLICATION_ID
from liangxin_desktop.storage.migrations import MIGRATION_COUNT

MAX_MANIFEST_BYTES = 4 << 20
MAX_DATABASE_BYTES = 4 << 30
_CHUNK = 1 << 20


@dataclass
class Verification:
    """What verifying found; ``database`` is the verified database file's bytes (in memory)."""

    path: Path
    manifest: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    database: bytes | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def organization(self) -> str:
        return str(self.manifest.get("organization") or "")

    @property
    def year(self) -> int:
        return int(self.manifest.get("year") or 0)

    @property
    def as_of(self) -> date:
        return date.fromisoformat(str(self.manifest.get("as_of")))

    def describe(self) -> str:
        """One line: whose bundle, which year, verified or not."""
        head = f"{self.organization} {self.year}年度移交包"
        if self.ok:
            return f"{head}：校验通过，{len(self.manifest['files'])} 个文件完整无误。"
        return f"{head}：校验未通过。" + "；".join(self.problems) + "。"


def _hash_entry(source: Source, name: str) -> tuple[str, int] | None:
    """SHA-256 and size of one entry, or None when its data is damaged (CRC, HMAC, deflate)."""
    stream = source.open(name)
    digest, size = hashlib.sha256(), 0
    try:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    except (*ZIP_ERRORS, OSError):
        return None
    finally:
        stream.close()
    return digest.hexdigest(), size


def _read_manifest(source: Source) -> dict[str, Any]:
    from liangxin_desktop.bundle.manifest import parse_manifest

    if not any(e.name == MANIFEST_NAME for e in source.entries()):
        raise BundleError(
            "这不是“两新党建台账”的移交包：里面没有文件清单（manifest.json）。",
            "请确认选择的是移交包（.zip 文件或移交包文件夹）。",
        )
    try:
        return parse_manifest(read_all(source, MANIFEST_NAME, MAX_MANIFEST_BYTES))
    except ZIP_ERRORS as exc:
        raise BundleError("移交包的文件清单已损坏。", "请向移交人重新索取移交包。") from exc


def _check_files(source: Source, manifest: dict[str, Any], result: Verification) -> None:
    present = {e.name: e for e in source.entries()}
    listed = {str(f["path"]) for f in manifest["files"]}
    for item in manifest["files"]:
        name = str(item["path"])
        if name not in present:
            result.problems.append(f"缺少文件“{name}”")
            continue
        if manifest.get("encrypted") and name != README_NAME and not present[name].encrypted:
            result.problems.append(f"文件“{name}”没有加密，可能已被替换")
        hashed = _hash_entry(source, name)
        if hashed is None:
            result.problems.append(f"文件“{name}”已损坏或被改动")
        elif hashed != (item["sha256"], item["size"]):
            result.problems.append(f"文件“{name}”已被改动（校验值不一致）")
    for name in sorted(set(present) - listed - {MANIFEST_NAME}):
        result.problems.append(f"多出了清单中没有的文件“{name}”")


def check_database(data: bytes) -> tuple[list[str], sqlite3.Connection | None]:
    """Problems of a database image, and an in-memory connection to it when it is usable."""
    if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
        return ["数据库文件不是有效的台账文件"], None
    (app_id,) = struct.unpack(">I", data[68:72])
    if app_id != APPLICATION_ID:
        return ["数据库文件不是“两新党建台账”的台账"], None
    if data[18] != 1 or data[19] != 1:
        return ["数据库文件不是独立的快照（仍为WAL模式），其他电脑可能无法只读打开"], None
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        conn.deserialize(data)
        conn.execute("PRAGMA query_only = ON")
        problems = _integrity(conn)
    except sqlite3.DatabaseError:
        problems = ["数据库文件已损坏"]
    if problems:
        conn.close()
        return problems, None
    return [], conn


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        return ["数据库文件的完整性检查未通过（已损坏）"]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > MIGRATION_COUNT:
        return ["数据库由更新版本的程序生成，请安装最新版本后再核对"]
    if version < MIGRATION_COUNT:
        return ["数据库由旧版本的程序生成，当前程序不能直接浏览"]
    return []


def _check_counts(conn: sqlite3.Connection, manifest: dict[str, Any], result: Verification) -> None:
    """The record counts in the manifest are those of the database (a replaced database shows)."""
    from liangxin_desktop.bundle.manifest import register_counts

    listed = [r for r in manifest.get("registers", []) if r.get("key") in REGISTERS]
    archive = memory_archive(conn)
    counted = register_counts(
        archive, [REGISTERS[r["key"]] for r in listed], result.year, result.as_of
    )
    for row, count in zip(listed, counted, strict=True):
        if row.get("count") != count.count:
            result.problems.append(
                f"数据库中“{count.title}”的记录数（{count.count}）与清单（{row.get('count')}）不一致"
            )


def verify_bundle(
    path: Path, password: str | None = None, keep_database: bool = False
) -> Verification:
    """Check the bundle at ``path``; BundleError when it cannot be read at all."""
    with open_source(Path(path), password) as source:
        manifest = _read_manifest(source)
        result = Verification(Path(path), manifest)
        _check_files(source, manifest, result)
        database = str(manifest.get("database") or "")
        if not any(e.name == database for e in source.entries()):
            return result  # already named as missing
        try:
            data = read_all(source, database, MAX_DATABASE_BYTES)
        except BundleError:
            return result  # already named as damaged
    problems, conn = check_database(data)
    result.problems += problems
    if conn is not None:
        try:
            _check_counts(conn, manifest, result)
        finally:
            conn.close()
    if keep_database and result.ok:
        result.database = data
    return result


__all__ = ["RegisterCount", "Verification", "check_database", "verify_bundle"]
