"""The fault suite: 105 kill -9s while writing (nothing committed lost, nothing left behind
after the next start), flipped bytes in the archive, no network.

Bounded in time (one driver process forks its workers; about three minutes on two busy
cores) and deterministic in its seeds (where a kill lands still depends on the machine).
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from liangxin_desktop.errors import ArchiveDamaged
from liangxin_desktop.storage import backups
from liangxin_desktop.storage.archive import open_archive

KILLS_PER_JOB = 21  # five jobs: 105 kills
FLIPS = 40


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the driver forks its workers (POSIX)")
def test_105_kills_lose_nothing_committed(tmp_path: Path) -> None:
    driver = Path(__file__).with_name("kill_driver.py")
    env = {**os.environ, "LIANGXIN_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, str(driver), str(tmp_path), str(KILLS_PER_JOB), "14"],
        capture_output=True, text=True, timeout=1800, env=env, cwd=Path(__file__).parents[1],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.splitlines()[-1])
    print("kill -9 campaign:", figures)
    assert figures["kills"] == 5 * KILLS_PER_JOB
    assert figures["lost"] == 0 and figures["committed"] > 0
    assert figures["part_files_left"] == 0  # removed at the next start, from the run's notes
    assert figures["scratch_left"] == 0  # the killed bundles' snapshots and PDFs too


def test_every_flipped_byte_is_detected_at_open_and_a_backup_offered(demo_archive) -> None:
    backups.make_backup(demo_archive, "每日", now=datetime(2026, 11, 27, 8, 0))
    path = demo_archive.path
    demo_archive.close()  # a clean close seals the file
    whole = path.read_bytes()
    stat = path.stat()
    chance = random.Random(14)
    detected = 0
    for _ in range(FLIPS):
        damaged = bytearray(whole)
        at = chance.randrange(100, len(damaged))
        damaged[at] ^= 1 << chance.randrange(8)
        path.write_bytes(bytes(damaged))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # damage on the disk itself
        with pytest.raises(ArchiveDamaged):
            open_archive(path)
        detected += 1
        assert path.read_bytes() == bytes(damaged)  # never opened for writing
    print(f"flipped bytes detected at open: {detected}/{FLIPS}")
    assert backups.newest_good(path) is not None  # what the start offers instead
    path.write_bytes(whole)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    open_archive(path).close()  # the sound file still opens


def test_the_main_flows_need_no_network(demo_archive, tmp_path: Path, monkeypatch) -> None:
    from liangxin_desktop.bundle.making import make_bundle
    from liangxin_desktop.catalog.registers import available_registers
    from liangxin_desktop.output.excel import export_workbook
    from liangxin_desktop.output.pdf.books import print_registers

    def refuse(*args, **kwargs):
        raise AssertionError("the app tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    export_workbook(demo_archive, available_registers(), tmp_path / "a.xlsx")
    print_registers(demo_archive, available_registers()[:3], tmp_path / "a.pdf")
    make_bundle(demo_archive, tmp_path / "包.zip", year=2026)
    backups.make_backup(demo_archive, "手动")
