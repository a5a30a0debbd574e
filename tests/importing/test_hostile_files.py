"""Hostile spreadsheets: a Chinese refusal each, in bounded memory, the archive untouched.

The files are read in a child process, so that a file that got past the guards would kill
the child (an abort, an exhausted memory), not the test run, and its peak memory is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hostile_files import HOSTILE, with_rows

from liangxin_desktop.catalog.registers import get_register
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.storage import queries

TODAY = date(2026, 11, 28)
MAX_RSS_MB = 300
_WORKER = r"""
import json, re, sys
from datetime import date
from pathlib import Path
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.storage.archive import open_archive

def peak_mb():  # this process's own peak (ru_maxrss would include the forking parent's)
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s*(\d+)", status).group(1)) // 1024

for number, name in enumerate(sys.argv[2:]):
    archive = open_archive(Path(sys.argv[1]) / f"a{number}.lxdb")
    try:
        import_file(archive, "members", Path(name), dry_run=False, today=date(2026, 11, 28))
        outcome = ["imported", ""]
    except LiangxinError as exc:
        outcome = ["refused", exc.message()]
    people = archive.db.execute("SELECT count(*) FROM people").fetchone()[0]
    archive.close()
    print(json.dumps([name, *outcome, people, peak_mb()]), flush=True)
print(json.dumps(["rss", peak_mb()]))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc")
def test_every_hostile_file_is_refused_in_chinese_in_bounded_memory(tmp_path: Path) -> None:
    files = {
        maker(tmp_path).as_posix(): (label, words) for label, (maker, words) in HOSTILE.items()
    }
    assert all(Path(name).stat().st_size < 20 * 1024 * 1024 for name in files)
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(tmp_path), *files],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    results = {line[0]: line[1:] for line in lines[:-1]}
    for name, (label, words) in files.items():
        outcome, message, people, _rss = results[name]
        assert outcome == "refused" and words in message, (label, message)
        assert people == 0, label
    assert lines[-1][0] == "rss" and lines[-1][1] < MAX_RSS_MB, lines


def test_control_characters_are_cleaned_on_import_with_a_warning(archive, tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>公民身份号码</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>人员类别</t></is></c>'
        '<c r="D1" t="inlineStr"><is><t>入党时间</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>王&#1;秀英</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>11010519491231002X</t></is></c>'
        '<c r="C2" t="inlineStr"><is><t>正式党员</t></is></c>'
        '<c r="D2" t="inlineStr"><is><t>1975-07-01</t></is></c></row>'
    )
    path = with_rows(tmp_path, "ctrl.xlsx", rows)
    plan = import_file(archive, "members", path, dry_run=False, today=TODAY)
    assert plan.ok
    cleaned = [w.text() for w in plan.warnings if "控制字符" in w.message]
    assert cleaned == ["第2行“姓名”：含有无法保存的控制字符（不可见），已删除。"]
    assert archive.db.execute("SELECT name FROM people").fetchone()[0] == "王秀英"


def test_a_nul_in_a_csv_field_is_cleaned(archive, tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text(
        "姓名,身份证号,人员类别,入党时间\n王\x00秀\x0b英,11010519491231002x,正式党员,1975-07-01\n"
    )
    plan = import_file(archive, "members", path, dry_run=False, today=TODAY)
    assert plan.ok and [w.column for w in plan.warnings if "控制字符" in w.message] == ["姓名"]
    assert archive.db.execute("SELECT name FROM people").fetchone()[0] == "王秀 英"


def test_export_writes_what_an_older_version_let_in(archive, tmp_path: Path) -> None:
    import openpyxl
    from helpers import member

    from liangxin_desktop.storage import people

    with archive.transaction():
        people.insert_member(archive, member())
    archive.db.execute("UPDATE people SET name = ?, note = ?", ["a\x01b\x0bc", "x\x00y"])
    archive.db.conn.commit()
    target = tmp_path / "out.xlsx"
    export_workbook(archive, [get_register("members")], target, as_of=TODAY)
    sheet = openpyxl.load_workbook(target).active
    values = [cell.value for cell in sheet[2]]
    assert "ab\nc" in values and "xy" in values
    assert queries.count(archive, get_register("members"), queries.RowFilter()) == 1
