"""By-hand benchmark of Excel in and out: import 10,000 rows, export a 100,000-person roster.

Run from the repository root:  python bench/excel.py [--rows 10000] [--people 100000] [--keep DIR]
Each measurement runs in a child process of this script, so that each peak memory figure
(VmHWM) is its own; the two exports alternate (``--repeat`` times) and the best of each counts. Targets (issue 5): import ≤ 5 s; export ≤ 1.3 × a bare openpyxl dump.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _fixtures import build_archive, person_row, unit_names  # noqa: E402
from _measure import RESULT_MARK, peak_rss_mb, run_script  # noqa: E402
from _roster_excel import plain_dump  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from liangxin_desktop.catalog.members import MEMBERS  # noqa: E402
from liangxin_desktop.output.excel import export_workbook  # noqa: E402
from liangxin_desktop.storage.archive import open_archive  # noqa: E402

IMPORT_SECONDS = 5.0
EXPORT_RATIO = 1.3
_IMPORT_HEADER = ["序号", "姓名", "性别", "民族", "身份证号码", "出生日期", "文化程度", "人员类别",
                  "所在党支部", "入党时间", "转正时间", "工作岗位", "手机号码", "家庭住址", "籍贯",
                  "工作单位及职务"]  # fmt: skip
_KEYS = ["name", "sex", "ethnicity", "id_number", "birth_date", "education", "member_category",
         "unit", "joined_on", "converted_on", "job_post", "phone", "home_address", "native_place",
         "work_unit_post"]  # fmt: skip


def clerk_workbook(path: Path, rows: int, seed: int = 7) -> Path:
    """A roster as a clerk keeps it: a title row, synonym headers, dates written three ways."""
    rng, used, units = random.Random(seed), set[str](), unit_names()
    today, stamp = date.today(), "2026-01-01T00:00:00"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("党员名单")
    sheet.append(["某某科技有限公司党支部党员花名册"])
    sheet.append(_IMPORT_HEADER)
    spellings = ["{0}", "{0:%Y/%-m/%-d}", "{0:%Y年%-m月%-d日}"]
    written = 0
    while written < rows:
        person = person_row(rng, written + 1, units, used, today, stamp)
        latest = max(person["joined_on"], person["converted_on"] or "")
        future = latest > today.isoformat()  # the fixture's young members may join later
        if person["stage"] != "member" or future:
            continue
        values: list[Any] = [written + 1]
        for key in _KEYS:
            value = person[key]
            if key in ("joined_on", "converted_on", "birth_date") and value:
                value = rng.choice(spellings).format(date.fromisoformat(value))
            values.append(value)
        sheet.append(values)
        written += 1
    book.save(path)
    return path


def import_child(source: Path, folder: Path) -> dict[str, Any]:
    from liangxin_desktop.importing.reading import read_sheet
    from liangxin_desktop.importing.runner import commit_import, get_importer, plan_import

    archive = open_archive(folder / "import-target.lxdb")
    try:
        start = time.perf_counter()
        sheet = read_sheet(source)
        read_s = time.perf_counter() - start
        plan = plan_import(archive, get_importer("members"), sheet, source.name)
        plan_s = time.perf_counter() - start - read_s
        commit_import(archive, plan)
        total_s = time.perf_counter() - start
        people = archive.db.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        archive.close()
    return {
        "rows": len(plan.rows),
        "errors": len(plan.errors),
        "people": people,
        "read_s": read_s,
        "plan_s": plan_s,
        "commit_s": total_s - read_s - plan_s,
        "total_s": total_s,
        "peak_mb": peak_rss_mb(),
    }


def export_child(kind: str, archive_path: Path, target: Path) -> dict[str, Any]:
    archive = open_archive(archive_path, read_only=True)
    try:
        start = time.perf_counter()
        if kind == "styled":
            export_workbook(archive, [MEMBERS], target, as_of=date.today())
        else:
            plain_dump(archive, target, date.today())
        seconds = time.perf_counter() - start
    finally:
        archive.close()
    return {"seconds": seconds, "peak_mb": peak_rss_mb(), "size_mb": target.stat().st_size / 1e6}


def _best(results: list[dict[str, Any]]) -> dict[str, Any]:
    good = [r for r in results if "error" not in r]
    return min(good, key=lambda r: r["seconds"]) if good else results[0]


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child-import":
        print(RESULT_MARK + json.dumps(import_child(Path(argv[1]), Path(argv[2]))))
        return 0
    if argv and argv[0] == "--child-export":
        result = export_child(argv[1], Path(argv[2]), Path(argv[3]))
        print(RESULT_MARK + json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--repeat", type=int, default=2, help="export runs of each kind")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="excel-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    _say(f"machine: {platform.platform()}, {platform.python_version()}, folder {folder}")
    _say(f"writing a clerk workbook of {args.rows:,} rows …")
    source = clerk_workbook(folder / "clerk.xlsx", args.rows)
    (folder / "import-target.lxdb").unlink(missing_ok=True)
    imported = run_script(__file__, "--child-import", source, folder)
    _say(f"building an archive of {args.people:,} people …")
    built = build_archive(folder / "export-source.lxdb", args.people)
    # Alternate the two and keep the best of each: on a shared machine one run alone can be
    # slowed by another job and give a misleading ratio.
    runs: dict[str, list[dict[str, Any]]] = {"plain": [], "styled": []}
    for _ in range(args.repeat):
        for kind in runs:
            target = folder / f"roster-{kind}.xlsx"
            runs[kind].append(run_script(__file__, "--child-export", kind, built.path, target))
    styled, plain = (_best(runs[kind]) for kind in ("styled", "plain"))
    _print(args, imported, styled, plain)
    return 0 if "error" not in imported | styled | plain else 1


def _print(args: Any, imported: dict, styled: dict, plain: dict) -> None:
    print(f"\nExcel benchmark — {platform.platform()}, Python {platform.python_version()}")
    if "error" in imported:
        print("import failed:", imported["error"], *imported.get("stderr_tail", []), sep="\n  ")
    else:
        total = imported["total_s"]
        print(
            f"import {imported['rows']:,} rows: {total:.2f} s (read {imported['read_s']:.2f}, "
            f"check {imported['plan_s']:.2f}, commit {imported['commit_s']:.2f}), "
            f"peak {imported['peak_mb']:.0f} MB, errors {imported['errors']} "
            f"[target ≤ {IMPORT_SECONDS:g} s: {'OK' if total <= IMPORT_SECONDS else 'over'}]"
        )
    if "error" in styled or "error" in plain:
        print("export failed:", styled, plain)
        return
    ratio = styled["seconds"] / plain["seconds"]
    print(
        f"export {args.people:,} people: {styled['seconds']:.1f} s, peak {styled['peak_mb']:.0f} MB, "
        f"{styled['size_mb']:.1f} MB file; bare openpyxl dump {plain['seconds']:.1f} s, "
        f"peak {plain['peak_mb']:.0f} MB; ratio {ratio:.2f} "
        f"[target ≤ {EXPORT_RATIO:g}: {'OK' if ratio <= EXPORT_RATIO else 'over'}]"
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
