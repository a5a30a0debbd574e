"""Backups: verified, listed, rotated, restored; a newer program's or a damaged one refused."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers import member

from liangxin_desktop.cli import build_parser, run
from liangxin_desktop.errors import ArchiveError
from liangxin_desktop.storage import people
from liangxin_desktop.storage.backups import (
    Backup,
    backup_if_due,
    list_backups,
    make_backup,
    restore_backup,
    to_keep,
)


def _names(archive) -> list[str]:
    return [r[0] for r in archive.db.execute("SELECT name FROM people ORDER BY id")]


def test_a_backup_is_verified_listed_and_private(archive) -> None:
    people.insert_member(archive, member())
    backup = make_backup(archive, "手动", now=datetime(2026, 11, 28, 9, 30))
    assert backup.path.name == "test-20261128-093000-手动.lxdb"
    assert backup.path.parent == archive.path.parent / "备份"
    assert backup.verified and backup.counts["people"] == 1
    assert oct(backup.path.stat().st_mode & 0o777) == "0o600"
    copy = sqlite3.connect(backup.path)
    assert copy.execute("SELECT name FROM people").fetchall() == [("王秀英",)]
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one whole file
    copy.close()
    assert list_backups(archive.path) == [backup]
    assert not [p for p in backup.path.parent.iterdir() if ".part" in p.name]


def test_restore_backs_up_first_and_brings_the_old_state_back(archive) -> None:
    people.insert_member(archive, member())
    old = make_backup(archive, "手动", now=datetime(2026, 11, 1, 8, 0))
    people.insert_member(archive, member(name="李四", id_number="110105194912310021"))
    restored = restore_backup(archive, old.path)
    try:
        assert _names(restored) == ["王秀英"]
        reasons = [b.reason for b in list_backups(restored.path)]
        assert reasons == ["恢复前", "手动"]
        before = sqlite3.connect(list_backups(restored.path)[0].path)
        assert before.execute("SELECT count(*) FROM people").fetchone()[0] == 2
        before.close()
    finally:
        restored.close()


def test_a_newer_programs_or_a_damaged_backup_is_refused(archive, tmp_path: Path) -> None:
    newer = make_backup(archive, "手动").path
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(ArchiveError, match="更新版本"):
        restore_backup(archive, newer)
    damaged = tmp_path / "坏.lxdb"
    data = bytearray(make_backup(archive, "手动", folder=tmp_path / "b").path.read_bytes())
    data[100:108] = b"\xff" * 8  # the header of the schema page
    damaged.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="已损坏"):
        restore_backup(archive, damaged)
    assert not archive.closed and _names(archive) == []


def _backup(when: datetime, reason: str = "每日") -> Backup:
    return Backup(Path(f"/b/{when:%Y%m%d-%H%M}-{reason}"), when, reason, 1, {}, True, 1)


def test_rotation_keeps_7_days_4_weeks_12_months_and_upgrades_for_a_year() -> None:
    today = date(2026, 11, 28)
    daily = [_backup(datetime(2026, 11, 28, 9) - timedelta(days=n)) for n in range(400)]
    upgrade_recent = _backup(datetime(2026, 3, 1, 10), "升级前")
    upgrade_old = _backup(datetime(2025, 10, 1, 10), "升级前")
    by_hand = _backup(datetime(2024, 1, 1, 10), "手动")
    kept = to_keep([*daily, upgrade_recent, upgrade_old, by_hand], today)
    days = {b.made_at.date() for b in daily if b.path in kept}
    # Worked by hand: 2026-11-28 is the Saturday of ISO week 48.
    last_7_days = {today - timedelta(days=n) for n in range(7)}  # 11-22 … 11-28 (weeks 48, 47)
    weeks_46_and_45 = {date(2026, 11, 15), date(2026, 11, 8)}  # their Sundays
    month_ends = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31]
    months = {date(2026, m, month_ends[m - 1]) for m in range(1, 11)} | {date(2025, 12, 31)}
    assert days == last_7_days | weeks_46_and_45 | months
    assert upgrade_recent.path in kept and by_hand.path in kept
    assert upgrade_old.path not in kept  # over a year old, and not the newest of a kept month


def test_the_start_backup_is_made_once_a_day(archive) -> None:
    first = backup_if_due(archive, now=datetime(2026, 11, 28, 8, 0))
    assert first is not None and first.reason == "每日"
    assert backup_if_due(archive, now=datetime(2026, 11, 28, 17, 0)) is None
    assert backup_if_due(archive, now=datetime(2026, 11, 29, 8, 1)) is not None


def test_cli_backup_backups_and_restore(archive, tmp_path: Path, capsys) -> None:
    people.insert_member(archive, member())
    path = archive.path
    archive.close()
    usb = tmp_path / "U盘"
    assert run(build_parser().parse_args(["backup", "--data", str(path), "--to", str(usb)])) == 0
    assert "校验通过" in capsys.readouterr().err
    assert run(build_parser().parse_args(["backup", "--data", str(path)])) == 0
    assert run(build_parser().parse_args(["backups", "--data", str(path)])) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t") == ["时间", "原因", "大小", "记录数", "校验", "文件"]
    assert out[1].split("\t")[1] == "手动" and out[1].split("\t")[4] == "通过"
    source = next(usb.glob("*.lxdb"))
    assert (
        run(build_parser().parse_args(["restore", "--data", str(path), "--from", str(source)])) == 0
    )
    assert "已用备份" in capsys.readouterr().err
