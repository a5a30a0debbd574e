"""After the main flows (demo, import, export, print, bundle, backup, the window's smoke test),
run as real processes, no ID number or phone of the demo is found in the log folder, the app's scratch folder
or the system temp folder."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(env: dict[str, str], *args: str | Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr


def _secrets(archive: Path) -> set[str]:
    conn = sqlite3.connect(archive)
    try:
        rows = conn.execute("SELECT id_number, phone FROM people").fetchall()
    finally:
        conn.close()
    return {value for row in rows for value in row if value and len(value) >= 7}


def _files_holding(folder: Path, secrets: set[str]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(secret.encode() in data for secret in secrets):
                found.append(str(path.relative_to(folder)))
    return found


def test_the_main_flows_leave_no_id_number_or_phone_behind(tmp_path: Path) -> None:
    data, systemp, out = tmp_path / "userdata", tmp_path / "systemp", tmp_path / "out"
    for folder in (data, systemp, out):
        folder.mkdir()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LIANGXIN_DATA_DIR=str(data),
        TMPDIR=str(systemp),
        TEMP=str(systemp),
        TMP=str(systemp),
    )
    archive = out / "demo.lxdb"
    _run(env, "demo", "--data", archive, "--seed", "7")
    _run(env, "export", "--data", archive, "--out", out / "全部.xlsx")
    _run(env, "print", "--data", archive, "--out", out / "全部.pdf")
    _run(env, "template", "--register", "members", "--out", out / "模板.xlsx")
    _run(env, "export", "--data", archive, "--out", out / "名册.xlsx", "--register", "members")
    _run(env, "demo", "--data", out / "乙.lxdb", "--seed", "8", "--members", "5")
    _run(env, "import", "--data", out / "乙.lxdb", "--register", "members",
         "--file", out / "名册.xlsx")  # fmt: skip
    _run(env, "bundle", "--data", archive, "--out", out / "移交包.zip")
    _run(env, "backup", "--data", archive)
    _run(env, "--smoke-test")  # the window starts (and logs), builds a demo, prints, quits
    secrets = _secrets(archive) | _secrets(out / "乙.lxdb")
    assert len(secrets) > 30  # the demo's people have ID numbers and phones
    assert any(p.suffix == ".log" for p in data.rglob("*"))  # the log was written and is scanned
    assert _files_holding(data, secrets) == []  # logs, 临时 (scratch) and settings
    assert _files_holding(systemp, secrets) == []
