"""Opening archives: new files, migrations, refusals that leave the file untouched, the lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import member

from liangxin_desktop.errors import ArchiveError, ArchiveLocked
from liangxin_desktop.storage import people
from liangxin_desktop.storage.archive import APPLICATION_ID, backup_to, open_archive
from liangxin_desktop.storage.migrations import MIGRATION_COUNT


def test_new_archive_is_migrated_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "new.lxdb"
    archive = open_archive(path)
    tables = set(archive.db.table_names())
    assert {"people", "milestones", "organization", "audit_log", "units"} <= tables
    assert archive.db.execute("PRAGMA user_version").fetchone()[0] == MIGRATION_COUNT
    assert archive.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert archive.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    archive.close()
    reopened = open_archive(path)  # a second open applies nothing and keeps the data
    from liangxin_desktop.storage.migrations import migrations

    assert reopened.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
        migrations._migrations
    )
    reopened.close()


def test_empty_file_is_refused_unless_the_clerk_chose_to_start_anew(tmp_path: Path) -> None:
    path = tmp_path / "empty.lxdb"
    path.write_bytes(b"")
    for create in (True, False):
        with pytest.raises(ArchiveError, match="是空的（0 字节）"):
            open_archive(path, create=create)
        assert path.read_bytes() == b""
    open_archive(path, replace_empty=True).close()
    assert path.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize(
    "content", [b"hello, this is a letter\n" * 20, b"PK\x03\x04" + b"\0" * 200]
)
def test_other_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "letter.lxdb"
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match="不是“两新党建台账”的台账文件"):
        open_archive(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "letter.lxdb.lock").exists()


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="不是“两新党建台账”的台账"):
        open_archive(path)
    assert path.read_bytes() == before


def test_corrupt_archive_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bad.lxdb"
    archive = open_archive(path)
    archive.db.execute("CREATE TABLE filler (x)")
    with archive.transaction() as db:
        for i in range(3000):
            db.execute("INSERT INTO filler VALUES (?)", ["x" * 200 + str(i)])
    archive.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="已损坏"):
        open_archive(path)
    assert path.read_bytes() == bytes(data)


def test_archive_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.lxdb"
    open_archive(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {MIGRATION_COUNT + 1}")
    conn.close()
    with pytest.raises(ArchiveError, match="更新版本"):
        open_archive(path)


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ro.lxdb"
    open_archive(path).close()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(ArchiveError, match="只读"):
            open_archive(path)
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_second_running_copy_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shared.lxdb"
    open_archive(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from liangxin_desktop.storage.archive import open_archive
            archive = open_archive(Path({str(path)!r}))
            print("locked", flush=True)
            sys.stdin.readline()
            archive.close()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(ArchiveLocked, match="正由另一个已打开"):
            open_archive(path)
    finally:
        holder.communicate("\n", timeout=20)
    open_archive(path).close()  # released when the other copy closed


def test_backup_is_a_consistent_checked_copy(archive, tmp_path: Path) -> None:
    people.add_member(archive, member())
    target = backup_to(archive.db, tmp_path / "backups" / "b.lxdb")
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT name FROM people").fetchone()[0] == "王秀英"
    copy.close()


def _every_later_migration() -> list[str]:
    from sqlite_utils import Database

    from liangxin_desktop.storage.migrations import migrations

    return [step.name for step in migrations.pending(Database(memory=True))][1:]


@pytest.mark.parametrize("stop_before", _every_later_migration())
def test_archives_of_every_earlier_version_are_upgraded_with_a_backup(
    tmp_path: Path, stop_before: str
) -> None:
    from sqlite_utils import Database

    from liangxin_desktop.storage.migrations import migrations

    path = tmp_path / "old.lxdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(Database(conn), stop_before=stop_before)
    conn.execute(
        "INSERT INTO people (name, id_number, stage, member_category, joined_on, created_at, updated_at) "
        "VALUES ('老党员', '11010519491231002X', 'member', '正式党员', '1970-07-01', 'x', 'x')"
    )
    conn.commit()
    old_version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert old_version < MIGRATION_COUNT
    archive = open_archive(path)
    assert archive.db.execute("PRAGMA user_version").fetchone()[0] == MIGRATION_COUNT
    assert archive.db.execute("SELECT name FROM people").fetchone()[0] == "老党员"
    assert archive.db.execute("SELECT count(*) FROM activists_view").fetchone()[0] == 1
    archive.close()
    backups = list((tmp_path / "备份").glob("*升级前*"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
    copy.close()


def test_an_archive_before_the_rules_migration_keeps_its_dues_and_gets_the_settings(
    tmp_path: Path,
) -> None:
    """A version-9 archive (before 0011_membership and 0012_rules) with a 核定 opens with its 核定 intact."""
    from sqlite_utils import Database

    from liangxin_desktop.storage import dues, settings
    from liangxin_desktop.storage.migrations import migrations

    path = tmp_path / "v9.lxdb"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(Database(conn), stop_before="0011_membership")
    conn.execute(
        "INSERT INTO people (id, name, id_number, stage, member_category, joined_on, created_at, "
        "updated_at) VALUES (1, '老党员', '11010519491231002X', 'member', '正式党员', '1970-07-01', 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO dues_assessments (person_id, year, category, base_fen, rate_bp, monthly_fen, "
        "updated_at) VALUES (1, 2026, '在职', 450000, 100, 4500, 'x')"
    )
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 9
    conn.close()
    archive = open_archive(path)
    [line] = dues.dues_grid(archive, 2026)
    assert line.monthly_fen == 4500 and line.due_fen("2026-03") == 3 * 4500
    assert settings.rule_settings(archive).prepay_months == 6
    assert archive.db.execute("SELECT count(*) FROM meetings_view").fetchone()[0] == 0
    archive.close()
