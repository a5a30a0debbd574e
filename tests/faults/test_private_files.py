"""On Linux every file the app keeps — the archive and its journal, lock and seal, backups and
their catalog entries, logs, scratch, settings — is the user's only (0600, folders 0700), even
when the user's umask would let others read, and an older archive made 0644 is tightened."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(env: dict[str, str], *args: str | Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, env=env, timeout=600,
        preexec_fn=lambda: os.umask(0o022),  # an ordinary desktop umask: others may read
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _open_to_others(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)} {stat.filemode(path.stat().st_mode)}"
        for path in [folder, *folder.rglob("*")]
        if path.stat().st_mode & 0o077
    ]


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_archive_backups_and_logs_are_the_users_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "LIANGXIN_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    archive = data / "台账.lxdb"
    _run(env, "demo", "--data", archive)
    _run(env, "backup", "--data", archive)
    _run(env, "export", "--data", archive, "--out", tmp_path / "out.xlsx")
    _run(env, "--smoke-test")
    older = data / "旧台账.lxdb"
    _run(env, "demo", "--data", older)
    older.chmod(0o644)  # as an earlier version left it
    _run(env, "backups", "--data", older)  # reads only: not tightened yet
    _run(env, "backup", "--data", older)  # opened for writing: tightened
    assert (data / "logs" / "app.log").exists() and list((data / "备份").glob("*.lxdb"))
    assert _open_to_others(data) == []
