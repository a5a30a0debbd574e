"""An archive written by an earlier release (commit d7b2c86, schema 8) opens in this one: backed up, then migrated.

``tests/fixtures/archive-d7b2c86.lxdb`` was made by that commit's own code
(``git archive d7b2c86 | tar -x -C old && python old/main.py demo --data … --seed 5 --members 8``),
not by today's migrations stopped early. CI also starts the built program on it (packaging/check_build.py).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from liangxin_desktop.storage.archive import open_archive
from liangxin_desktop.storage.migrations import MIGRATION_COUNT

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "archive-d7b2c86.lxdb"


def _counts(db: sqlite3.Connection) -> dict[str, int]:
    tables = ("people", "meetings", "meeting_attendance", "dues_payments", "files")
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_an_archive_of_the_earlier_release_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "台账.lxdb"
    shutil.copy2(FIXTURE, path)
    with sqlite3.connect(path) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 8
        before = _counts(old)
        organization = old.execute("SELECT name FROM organization").fetchone()[0]
    archive = open_archive(path)
    assert archive.db.execute("PRAGMA user_version").fetchone()[0] == MIGRATION_COUNT > 8
    assert _counts(archive.db.conn) == before
    assert archive.db.execute("SELECT name FROM organization").fetchone()[0] == organization
    archive.close()
    backups = list((tmp_path / "备份").glob("台账-*-升级前.lxdb"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("PRAGMA user_version").fetchone()[0] == 8
        assert _counts(backup) == before
