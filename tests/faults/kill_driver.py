"""The kill -9 campaign, run as its own process: fork a worker, let it write, SIGKILL it at a
seeded random moment, then check what a crash may never do.

After every kill: the archive opens and passes ``integrity_check``; every record the worker
reported committed is there; every import is all or nothing; no half file under a final
name; and after the next start's clean-up (``scratch.clean_leftovers``) no hidden ``.part``
beside the targets and no scratch folder (a bundle's snapshot and PDFs) of the killed run.
Prints one JSON line with the figures. Usage: kill_driver.py FOLDER KILLS_PER_JOB SEED
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from liangxin_desktop import paths
from liangxin_desktop.bundle.making import make_bundle
from liangxin_desktop.bundle.verifying import verify_bundle
from liangxin_desktop.catalog.registers import available_registers, get_register
from liangxin_desktop.domain.idnumber import fictional_id_number
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.storage import dues, meetings, organization, people, scratch
from liangxin_desktop.storage.archive import Archive, open_archive

TODAY = date(2026, 11, 28)
IMPORT_ROWS = 150
MONTHS = [f"2026-{m:02d}" for m in range(7, 12)]  # 补交 reaches back 6 months at most


def _member(number: int, prefix: str) -> dict[str, object]:
    return {
        "name": f"{prefix}{number}",
        "id_number": fictional_id_number(
            "110105", date(1970 + number // 1000, 1, 1), number % 1000
        ),
        "member_category": "正式党员",
        "joined_on": "2000-07-01",
        "converted_on": "2001-07-01",
    }


def _report(fd: int, item: object) -> None:
    os.write(fd, (json.dumps(item, ensure_ascii=False) + "\n").encode())


# -- workers: each runs in a forked child until it is killed -----------------------------
def work_meetings(archive: Archive, folder: Path, run: int, fd: int) -> None:
    register = get_register("org_life")
    for number in range(10_000):
        raw = {"meeting_date": "2026-11-20", "kind": "党课", "topic": f"第{run}轮第{number}次"}
        _report(fd, meetings.save_meeting(archive, register, raw, [], [], today=TODAY))


def work_dues(archive: Archive, folder: Path, run: int, fd: int) -> None:
    """A new member, assessed (核定), then pays the months of the last half-year one by one."""
    for number in range(1000):
        person = people.insert_member(archive, _member(5000 + run * 1000 + number, "缴费"))
        dues.assess(archive, person, 2026, "在职", 500_000)
        for month in MONTHS:
            dues.record_payments(archive, [person], [month], TODAY, today=TODAY)
            _report(fd, [person, month])


def _import_file(folder: Path, run: int, batch: int) -> Path:
    """A roster of IMPORT_ROWS new members, different for every (run, batch)."""
    first = (run * 100 + batch) * IMPORT_ROWS
    lines = ["姓名,公民身份号码,人员类别,加入党组织日期,转为正式党员日期"]
    for number in range(first, first + IMPORT_ROWS):
        birth = date(1950, 1, 1) + timedelta(days=number // 1000)
        id_number = fictional_id_number("110106", birth, number % 1000)
        lines.append(f"导{number},{id_number},正式党员,2000-07-01,2001-07-01")
    path = folder / f"导入-{run}-{batch}.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def work_import(archive: Archive, folder: Path, run: int, fd: int) -> None:
    for batch in range(100):
        plan = import_file(
            archive, "members", _import_file(folder, run, batch), dry_run=False, today=TODAY
        )
        if not plan.ok:
            raise SystemExit(f"import refused: {[p.text() for p in plan.errors][:3]}")
        _report(fd, (run * 100 + batch) * IMPORT_ROWS)


def work_bundle(archive: Archive, folder: Path, run: int, fd: int) -> None:
    for number in range(10_000):
        target = folder / f"移交包-{run}-{number}.zip"
        make_bundle(archive, target, year=2026, today=TODAY)
        _report(fd, target.name)


def work_export(archive: Archive, folder: Path, run: int, fd: int) -> None:
    for number in range(10_000):
        target = folder / f"导出-{run}-{number}.xlsx"
        export_workbook(archive, available_registers(), target, as_of=TODAY)
        _report(fd, target.name)


JOBS = {
    "meetings": (work_meetings, 0.15, 1.2),
    "dues": (work_dues, 0.15, 1.2),
    "import": (work_import, 0.3, 3.0),
    "bundle": (work_bundle, 0.3, 4.0),
    "export": (work_export, 0.1, 1.5),
}


# -- the campaign -----------------------------------------------------------------------
def prepare(path: Path) -> None:
    archive = open_archive(path)
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    archive.close()


def kill_once(job: str, path: Path, folder: Path, run: int, delay: float) -> list[object]:
    """Fork a worker, kill it after ``delay`` seconds; what it reported committed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_end)
        try:
            scratch.use_for_temporary_files()  # as app.main does for every run
            archive = open_archive(path)
            JOBS[job][0](archive, folder, run, write_end)
        finally:
            os._exit(3)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    data = b""
    while chunk := os.read(read_end, 65536):
        data += chunk
    os.close(read_end)
    if not os.WIFSIGNALED(status):
        raise SystemExit(f"{job} worker ended by itself (status {status}) before the kill")
    return [json.loads(line) for line in data.decode().splitlines()]


def check(job: str, path: Path, folder: Path, reported: list[object], totals: dict) -> None:
    archive = open_archive(path)  # quick_check runs here
    try:
        assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", job
        totals["committed"] += len(reported)
        totals["lost"] += _missing(job, archive, folder, reported)
    finally:
        archive.close()
    scratch.clean_leftovers()  # the next start
    root = paths.scratch_dir()
    totals["scratch_left"] += sum(1 for f in root.iterdir() if f.is_dir()) if root.is_dir() else 0
    for item in folder.iterdir():
        if ".part" in item.name:
            totals["part_files_left"] += 1
            if item.is_dir():
                shutil.rmtree(item)
            else:
                item.unlink()


def _missing(job: str, archive: Archive, folder: Path, reported: list[object]) -> int:
    db = archive.db
    if job == "meetings":
        return sum(
            db.execute("SELECT count(*) FROM meetings WHERE id = ?", [i]).fetchone()[0] == 0
            for i in reported
        )
    if job == "dues":
        return sum(
            db.execute(
                "SELECT count(*) FROM dues_payments WHERE person_id = ? AND month = ?", pair
            ).fetchone()[0]
            == 0
            for pair in reported
        )
    if job == "import":
        sizes = db.execute(
            "SELECT b.id, count(i.id) FROM import_batches b"
            " LEFT JOIN import_batch_items i ON i.batch_id = b.id GROUP BY b.id"
        ).fetchall()
        assert all(size == IMPORT_ROWS for _id, size in sizes), sizes  # all or nothing
        people_rows = db.execute("SELECT count(*) FROM people WHERE name LIKE '导%'").fetchone()[0]
        assert people_rows == IMPORT_ROWS * len(sizes), (people_rows, len(sizes))
        return sum(
            db.execute("SELECT count(*) FROM people WHERE name = ?", [f"导{first}"]).fetchone()[0]
            == 0
            for first in reported
        )
    return _missing_files(job, folder, reported)


def _missing_files(job: str, folder: Path, reported: list[object]) -> int:
    """Every file under its final name is whole; every reported one is there."""
    lost = sum(not (folder / str(name)).exists() for name in reported)
    for item in folder.iterdir():
        if item.name.startswith(".") or item.suffix not in (".zip", ".xlsx"):
            continue
        if item.suffix == ".zip":
            assert verify_bundle(item).ok, item.name
        else:
            openpyxl.load_workbook(item, read_only=True).close()
        item.unlink()
    return lost


def main() -> None:
    folder, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    chance = random.Random(seed)
    path = folder / "台账.lxdb"
    prepare(path)
    totals = {"kills": 0, "committed": 0, "lost": 0, "part_files_left": 0, "scratch_left": 0}
    per_job: dict[str, int] = {}
    for job, (_work, shortest, longest) in JOBS.items():
        out = folder / job
        out.mkdir()
        for run in range(kills):
            delay = chance.uniform(shortest, longest)
            reported = kill_once(job, path, out, run, delay)
            check(job, path, out, reported, totals)
            totals["kills"] += 1
            per_job[job] = per_job.get(job, 0) + 1
    print(json.dumps({**totals, "per_job": per_job}, ensure_ascii=False))


if __name__ == "__main__":
    main()
