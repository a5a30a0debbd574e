"""By-hand benchmark of printing a whole year's archive, against LibreOffice on the same data.

Run from the repository root:  python bench/print.py [--members 1000] [--meetings 300]
    [--photos 60] [--keep DIR] [--skip-libreoffice]

It builds a 2026 archive (the demo data for ``--members`` people, topped up to ``--meetings``
meetings in the year with realistic minutes and attendance, and ``--photos`` photos of
2,400 × 1,600 pixels), prints every register into one bookmarked PDF in a child process
(time, pages, size, peak memory), then exports the same registers to Excel and lets
LibreOffice print that workbook (``soffice --headless --convert-to pdf``) as the peer.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _fixtures import photo_jpeg  # noqa: E402
from _measure import RESULT_MARK, run_script  # noqa: E402

from liangxin_desktop.catalog import get_register  # noqa: E402
from liangxin_desktop.catalog.meetings import BOOK_KINDS  # noqa: E402
from liangxin_desktop.catalog.registers import available_registers  # noqa: E402
from liangxin_desktop.demo import DemoSpec, build_demo  # noqa: E402
from liangxin_desktop.storage import files, queries  # noqa: E402
from liangxin_desktop.storage.archive import Archive, open_archive  # noqa: E402
from liangxin_desktop.storage.meetings import Attendance, save_meeting  # noqa: E402

TODAY = date(2026, 11, 28)
YEAR = 2026
TARGET_SECONDS = 20.0
TARGET_RATIO = 2.0

_SENTENCES = [
    "会议传达学习了上级党组织关于加强“两新”组织党建工作的通知精神",
    "支部书记通报了本季度党建工作和生产经营情况，对“三会一课”落实情况作了点评",
    "与会党员结合岗位实际逐一发言，查找在学习、工作、作风等方面存在的不足",
    "会议研究了党员志愿服务队下一阶段的服务项目，明确了责任人和完成时限",
    "大家一致认为，要把党建工作与企业发展深度融合，做到组织共建、活动共联、资源共享",
    "会议强调，要严格党费收缴，按月足额交纳，财务人员做好登记和公示",
    "针对青年员工思想活跃的特点，支部决定开展“党员先锋岗”评比和结对帮带活动",
    "会议听取了入党积极分子的思想汇报，培养联系人介绍了考察情况",
    "会议要求各党小组在本月内完成谈心谈话，做好记录并报支部备案",
    "最后，支部书记对下一步工作作了部署，要求全体党员带头攻坚克难，发挥先锋模范作用",
]


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _minutes(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(3, 7)):
        sentences = rng.sample(_SENTENCES, rng.randint(2, 4))
        paragraphs.append("；".join(sentences) + "。")
    return "\n".join(paragraphs)


def _members_on(archive: Archive, day: str) -> list[tuple[int, str]]:
    return archive.db.execute(
        "SELECT id, coalesce(unit, '') FROM people WHERE stage IN ('member', 'left') "
        "AND joined_on <= ? AND (left_on IS NULL OR left_on > ?) ORDER BY id",
        [day, day],
    ).fetchall()


def top_up_meetings(archive: Archive, wanted: int, rng: random.Random) -> int:
    """Add meetings in the year until it has ``wanted``: mostly 党小组会 of one group each."""
    have = archive.db.execute(
        "SELECT count(*) FROM meetings WHERE meeting_date LIKE ? AND deleted_at IS NULL",
        [f"{YEAR}-%"],
    ).fetchone()[0]
    books = ["org_life"] * 6 + ["committee_meetings", "trainings", "activities"]
    added = 0
    while have + added < wanted:
        key = rng.choice(books)
        day = date(YEAR, 1, 5) + timedelta(days=rng.randrange(0, 320))
        members = _members_on(archive, day.isoformat())
        kind = rng.choice(BOOK_KINDS[key])
        if kind in ("党小组会", "谈心谈话"):
            unit = rng.choice(sorted({u for _, u in members}))
            people = [i for i, u in members if u == unit]
        elif key == "committee_meetings" and kind != "支部党员大会":
            people = [i for i, _ in members[:7]]
        else:
            people = [i for i, _ in members]
        attendance = [
            Attendance(
                i, "出席" if rng.random() < 0.9 else "请假", "" if rng.random() < 0.5 else "出差"
            )
            for i in people
        ]
        attendance = [
            a if a.status == "出席" or a.reason else Attendance(a.person_id, "缺席")
            for a in attendance
        ]
        save_meeting(
            archive,
            get_register(key),
            {
                "meeting_date": day.isoformat(),
                "kind": kind,
                "start_time": "14:30",
                "end_time": "16:00",
                "place": rng.choice(["公司三楼会议室", "党员活动室", "生产车间会议室", "线上会议"]),
                "host": "刘杰",
                "recorder": "史娜洁",
                "topic": rng.choice(_SENTENCES)[:28],
                "minutes": _minutes(rng),
                **({"hours": 2} if key == "trainings" else {}),
            },
            attendance,
            [{"content": "按会议要求抓好落实，下次会议通报进展", "owner": "刘杰"}],
            today=TODAY,
        )
        added += 1
    return have + added


def add_photos(archive: Archive, count: int, folder: Path, rng: random.Random) -> None:
    for number in range(count):
        path = folder / f"photo{number}.jpg"
        path.write_bytes(photo_jpeg(rng, (rng.randrange(256), 80, 60)))
        files.import_photo(
            archive,
            {
                "title": f"主题党日活动现场（{number + 1}）",
                "file_date": (date(YEAR, 1, 10) + timedelta(days=number * 5)).isoformat(),
                "place": "党员活动室",
                "author": "史娜洁",
            },
            path,
            today=TODAY,
        )
        path.unlink()


def build(path: Path, members: int, meetings: int, photos: int) -> dict[str, int]:
    rng = random.Random(7)
    archive = open_archive(path)
    try:
        build_demo(archive, DemoSpec(seed=7, members=members, today=TODAY))
        total = top_up_meetings(archive, meetings, rng)
        with tempfile.TemporaryDirectory() as folder:
            add_photos(archive, photos, Path(folder), rng)
        return {
            "meetings": total,
            "members": queries.count(archive, get_register("members")),
            "photos": queries.count(
                archive, get_register("photo_album"), queries.RowFilter(year=YEAR)
            ),
        }
    finally:
        archive.close()


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_print(archive_path: Path, out: Path, registers: list[str] | None = None) -> None:
    """In a child process: print the whole year, report seconds, pages, size, memory."""
    from pypdf import PdfReader

    from liangxin_desktop.output.pdf.books import print_registers
    from liangxin_desktop.output.pdf.fonts import register_fonts

    register_fonts()  # loading the fonts once is not part of printing a year
    archive = open_archive(archive_path, create=False)
    started = time.perf_counter()
    chosen = [get_register(k) for k in registers] if registers else available_registers()
    print_registers(
        archive,
        chosen,
        out,
        as_of=TODAY,
        row_filter=queries.RowFilter(year=YEAR),
    )
    seconds = time.perf_counter() - started
    archive.close()
    pages = len(PdfReader(out).pages)
    result = {
        "seconds": seconds,
        "pages": pages,
        "mb": out.stat().st_size / 1e6,
        "peak": _peak_mb(),
    }
    print(RESULT_MARK + json.dumps(result), flush=True)


def run_child(*args: str) -> dict[str, float]:
    found = run_script(__file__, *args)
    if "error" in found:
        _say("\n".join(found["stderr_tail"]))
        raise SystemExit("子进程失败 (child process failed)")
    return found


def libreoffice(
    archive_path: Path, folder: Path, registers: list[str] | None = None
) -> dict[str, float] | None:
    """The peer: our Excel export of the same registers, printed by LibreOffice."""
    from pypdf import PdfReader

    from liangxin_desktop.output.excel import export_workbook

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        _say("LibreOffice (soffice) not found: skipping the peer")
        return None
    archive = open_archive(archive_path, create=False)
    workbook = folder / "archive.xlsx"
    export_workbook(
        archive,
        [get_register(k) for k in registers] if registers else available_registers(),
        workbook,
        row_filter=queries.RowFilter(year=YEAR),
        as_of=TODAY,
    )
    archive.close()
    profile = folder / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder / "lo"),
        str(workbook),
    ]
    subprocess.run([*command[:3], "--terminate_after_init"], capture_output=True, check=False)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, timeout=1800)
    seconds = time.perf_counter() - started
    pdf = folder / "lo" / "archive.pdf"
    return {"seconds": seconds, "pages": len(PdfReader(pdf).pages), "mb": pdf.stat().st_size / 1e6}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--photos", type=int, default=60)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--skip-libreoffice", action="store_true")
    parser.add_argument(
        "--roster",
        type=int,
        metavar="N",
        help="instead: only the 党员花名册 of N people (bench/_fixtures.py), ours against LibreOffice",
    )
    parser.add_argument("--child-print", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-registers", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_print:
        child_print(*args.child_print, args.child_registers)
        return 0
    if args.roster:
        return roster_only(args)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="print-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    archive_path = folder / "print-bench.lxdb"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{archive_path}{suffix}").unlink(missing_ok=True)
    _say("building the archive …")
    started = time.perf_counter()
    sizes = build(archive_path, args.members, args.meetings, args.photos)
    built = time.perf_counter() - started
    _say(f"built in {built:.1f} s: {sizes}")
    ours = run_child("--child-print", str(archive_path), str(folder / "archive.pdf"))
    peer = None if args.skip_libreoffice else libreoffice(archive_path, folder)
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"data: {sizes['members']} members, {sizes['meetings']} meetings in {YEAR}, "
        f"{sizes['photos']} photos (built in {built:.1f} s)"
    )
    verdict = "ok" if ours["seconds"] <= TARGET_SECONDS else "SLOWER THAN TARGET"
    print(
        f"our whole-year archive PDF: {ours['seconds']:.1f} s, {ours['pages']} pages, "
        f"{ours['mb']:.1f} MB, peak {ours['peak']:.0f} MB  (target ≤ {TARGET_SECONDS:.0f} s: {verdict})"
    )
    if peer:
        ratio = peer["seconds"] / ours["seconds"]
        print(
            f"LibreOffice printing our Excel export of the same registers: {peer['seconds']:.1f} s, "
            f"{peer['pages']} pages, {peer['mb']:.1f} MB"
        )
        verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
        print(
            f"ratio LibreOffice / ours: {ratio:.1f}×  (target ≥ {TARGET_RATIO:.0f}×, aim 3×: {verdict})"
        )
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"kept in {folder}")
    return 0


def roster_only(args: argparse.Namespace) -> int:
    """A plain table on both sides: the 党员花名册 of ``--roster`` people."""
    from _fixtures import build_archive

    folder = args.keep or Path(tempfile.mkdtemp(prefix="print-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    archive_path = folder / "roster-bench.lxdb"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{archive_path}{suffix}").unlink(missing_ok=True)
    _say(f"building a roster of {args.roster} people …")
    build_archive(archive_path, args.roster)
    ours = run_child(
        "--child-print",
        str(archive_path),
        str(folder / "roster.pdf"),
        "--child-registers",
        "members",
    )
    peer = None if args.skip_libreoffice else libreoffice(archive_path, folder, ["members"])
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"our 党员花名册 of {args.roster} people: {ours['seconds']:.1f} s, {ours['pages']} pages, "
        f"{ours['mb']:.1f} MB, peak {ours['peak']:.0f} MB"
    )
    if peer:
        print(
            f"LibreOffice printing our Excel export of it: {peer['seconds']:.1f} s, "
            f"{peer['pages']} pages, {peer['mb']:.1f} MB"
        )
        print(f"ratio LibreOffice / ours: {peer['seconds'] / ours['seconds']:.1f}×")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
