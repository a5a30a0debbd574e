"""``check --data FILE``: the full integrity check from the command line, reading only."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from damage import swap_two_indexes

from liangxin_desktop.storage import backups, privacy

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), "check", "--data", str(path)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_check_says_a_sound_archive_is_whole_even_with_a_password(demo_archive) -> None:
    privacy.set_password(demo_archive, "", "zhibu2026", "zhibu2026")  # guards the window only
    path = demo_archive.path
    demo_archive.close()
    before = path.read_bytes()
    done = check(path)
    assert done.returncode == 0 and "台账文件完好" in done.stderr
    assert path.read_bytes() == before  # reading only


def test_check_names_the_damage_and_the_backup_to_restore(demo_archive) -> None:
    backup = backups.make_backup(demo_archive, "每日", now=datetime(2026, 11, 27, 8, 0))
    path = demo_archive.path
    demo_archive.close()
    swap_two_indexes(path)
    done = check(path)
    said = done.stderr
    assert done.returncode == 1 and "Traceback" not in said
    assert "台账文件有损坏" in said and str(backup.path) in said and "restore" in said
