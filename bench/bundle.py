"""By-hand benchmark of the hand-over bundle: make (plain and encrypted), verify, open, summarize.

Run from the repository root:  python bench/bundle.py [--members 500] [--people 0] [--copies 20]
``--members`` builds a demo archive (meetings, dues, photos …); ``--people N`` instead builds a
roster-only archive of N people (bench/_fixtures.py), for the size the roster bench uses.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _fixtures import build_archive  # noqa: E402

from liangxin_desktop.bundle.making import make_bundle  # noqa: E402
from liangxin_desktop.bundle.reading import open_bundle  # noqa: E402
from liangxin_desktop.bundle.summary_report import (  # noqa: E402
    summarize_bundles,
    write_summary_pdf,
    write_summary_xlsx,
)
from liangxin_desktop.bundle.verifying import verify_bundle  # noqa: E402
from liangxin_desktop.demo import DemoSpec, build_demo  # noqa: E402
from liangxin_desktop.storage.archive import open_archive  # noqa: E402

PASSWORD = "Bench2026!"


def timed(label: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def size_mb(path: Path) -> str:
    total = (
        path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*"))
    )
    return f"{total / (1 << 20):.1f} MB"


def build(folder: Path, members: int, people: int) -> Path:
    path = folder / "bench.lxdb"
    if people:
        build_archive(path, people)
        return path
    archive = open_archive(path)
    try:
        build_demo(archive, DemoSpec(seed=1, members=members))
    finally:
        archive.close()
    return path


def run(folder: Path, args: argparse.Namespace) -> None:
    source = timed("build the archive", lambda: build(folder, args.members, args.people))
    print(f"{'archive size':<44} {size_mb(source):>10}")
    archive = open_archive(source)
    try:
        plain = timed(
            "make a plain .zip bundle", lambda: make_bundle(archive, folder / "plain.zip")
        )
        locked = timed(
            "make an AES-256 .zip bundle",
            lambda: make_bundle(archive, folder / "locked.zip", password=PASSWORD),
        )
        timed("make a folder bundle", lambda: make_bundle(archive, folder / "folder"))
    finally:
        archive.close()
    print(
        f"{'plain / encrypted bundle size':<44} {size_mb(plain.path):>10} / {size_mb(locked.path)}"
    )
    timed("verify the encrypted bundle", lambda: verify_bundle(locked.path, PASSWORD))
    opened = timed(
        "open it read-only (verify + load in memory)", lambda: open_bundle(locked.path, PASSWORD)
    )
    if opened[1] is not None:
        opened[1].close()
    copies = []
    for number in range(args.copies):
        copy = folder / f"copy-{number:03d}.zip"
        shutil.copyfile(locked.path, copy)
        copies.append(copy)
    report = timed(
        f"summarize {args.copies} encrypted bundles",
        lambda: summarize_bundles(copies, PASSWORD),
    )
    timed("write the summary .xlsx", lambda: write_summary_xlsx(report, folder / "sum.xlsx"))
    timed("write the summary .pdf", lambda: write_summary_pdf(report, folder / "sum.pdf"))
    print(f"(the copies are one organization, so {len(report.failed)} were listed as duplicates)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--people", type=int, default=0)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    print(
        f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.keep, args)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
