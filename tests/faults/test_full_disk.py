"""A full disk while saving, importing, exporting and backing up: a clear message, nothing lost.

The disk fills in a child process limited by RLIMIT_FSIZE (a file may not grow past a size,
SIGXFSZ ignored so the write fails instead): no root, no small file system needed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from liangxin_desktop.storage.archive import open_archive

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX only")

_CHILD = r"""
import json, resource, signal, sys
from datetime import date, timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from helpers import member
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage.archive import open_archive

def save(archive, folder):
    with archive.transaction() as db:
        for number in range(5000):
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [f"k{number}", "备注" * 500])

def import_(archive, folder):
    from liangxin_desktop.importing.runner import import_file
    rows = ["姓名,公民身份号码,人员类别,加入党组织日期"]
    from liangxin_desktop.domain.idnumber import fictional_id_number
    for number in range(3000):
        birth = date(1980, 1, 1) + timedelta(days=number // 1000)
        id_number = fictional_id_number("110105", birth, number % 1000)
        rows.append(f"党员{number},{id_number},预备党员,2026-07-01")
    (folder / "名册.csv").write_text("\n".join(rows), encoding="utf-8")
    import_file(archive, "members", folder / "名册.csv", dry_run=False, today=date(2026, 11, 28))

def export(archive, folder):
    from liangxin_desktop.catalog.registers import available_registers
    from liangxin_desktop.output.excel import export_workbook
    export_workbook(archive, available_registers(), folder / "导出.xlsx")

def backup(archive, folder):
    from liangxin_desktop.storage.backups import make_backup
    make_backup(archive, "手动", folder=folder / "备份")

archive = open_archive(Path(sys.argv[2]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
# Saving and importing grow the archive a little; an export or a backup is a new file.
grows = sys.argv[1] in ("save", "import_")
limit = Path(sys.argv[2]).stat().st_size + 64 * 1024 if grows else 20 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    globals()[sys.argv[1]](archive, Path(sys.argv[2]).parent)
    print(json.dumps(["done", ""]))
except LiangxinError as exc:
    print(json.dumps(["refused", exc.message()]))
"""


@pytest.mark.parametrize("job", ["save", "import_", "export", "backup"])
def test_a_full_disk_is_a_clear_message_and_the_archive_is_unchanged(
    demo_archive, job: str
) -> None:
    path = demo_archive.path
    before = _counts(demo_archive)
    demo_archive.close()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, job, str(path), str(Path(__file__).parents[1])],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    outcome, message = json.loads(done.stdout.splitlines()[-1])
    assert outcome == "refused" and "磁盘空间不足" in message, message
    reopened = open_archive(path)
    try:
        assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _counts(reopened) == before
    finally:
        reopened.close()
    assert not [p.name for p in path.parent.iterdir() if ".part" in p.name]


def _counts(archive) -> dict[str, int]:
    tables = ["people", "meetings", "dues_payments", "settings", "milestones"]
    return {t: archive.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
