"""By-hand benchmark of the 党员花名册 at scale: build, roster tab, search, memory, Excel and PDF.

Run from the repository root:  python bench/roster.py [--people 100000] [--keep DIR] [--skip-print]
The GUI and the printing run in child processes of this same script, so that each peak
memory figure is its own and not the archive build's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything can import Qt
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import _roster_tabs  # noqa: E402
from _decade import add_year_of_dues  # noqa: E402
from _fixtures import build_archive  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from liangxin_desktop.catalog.members import MEMBERS  # noqa: E402
from liangxin_desktop.output.excel import excel_value, export_workbook  # noqa: E402
from liangxin_desktop.storage import queries  # noqa: E402
from liangxin_desktop.storage.archive import open_archive  # noqa: E402

FIRST_PAINT_MS = 150
KEYSTROKE_MS = 50
GUI_PEAK_MB = 150
TYPING_RUNS = 3
PAINT_RUNS = 5
JUMP_ROW = 50_000
WINDOW_SIZE = (1280, 800)
NO_MATCH = "查无此人"
_RESULT_MARK = "BENCH-RESULT "
ARCHIVE_NAME = "roster-bench.lxdb"


@dataclass
class Line:
    """One row of the printed table (a section title when ``value`` is None)."""

    label: str
    value: str | None = None
    target: str = ""
    verdict: str = ""


def verdict(measured: float, limit: float) -> str:
    return "OK" if measured <= limit else "over"


def peak_rss_mb() -> float:
    """Peak resident memory of this program image, in MB.

    Linux's VmHWM rather than ru_maxrss: a child's ru_maxrss starts at its parent's peak
    (the parent's memory is carried across fork + exec), which would hide the child's own.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return maxrss_mb()


def maxrss_mb() -> float:
    """resource.getrusage's ru_maxrss in MB (KB on Linux, bytes on macOS)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def elapsed_ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


# -- GUI child ---------------------------------------------------------------------------------
def _paint_counter(widget: Any) -> Any:
    """An event filter counting the paint events ``widget`` receives."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = PaintCounter(widget)
    widget.installEventFilter(counter)
    return counter


def _until_painted(app: Any, counter: Any, timeout: float = 30.0) -> None:
    """Process events until the watched widget has been painted, then let pending updates run."""
    deadline = time.perf_counter() + timeout
    while counter.count == 0:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("no paint event arrived")
    app.processEvents()


def _timed_repaint(app: Any, tab: Any, action: Callable[[], None]) -> float:
    """Milliseconds from starting ``action`` until the table has been painted again."""
    counter = tab.paint_counter
    counter.count = 0
    start = time.perf_counter()
    action()
    _until_painted(app, counter)
    return elapsed_ms(start)


def _open_tab(app: Any, archive: Any) -> tuple[Any, float, float]:
    """Construct, show and paint a roster tab: (tab, construct ms, construct-to-painted ms)."""
    from liangxin_desktop.ui.roster_tab import RosterTab

    start = time.perf_counter()
    tab = RosterTab(archive, MEMBERS)
    constructed = elapsed_ms(start)
    tab.resize(*WINDOW_SIZE)
    tab.paint_counter = _paint_counter(tab.table.viewport())
    tab.show()
    _until_painted(app, tab.paint_counter)
    return tab, constructed, elapsed_ms(start)


def _discard(app: Any, tab: Any) -> None:
    from PySide6.QtCore import QEvent

    tab.close()
    tab.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def first_paint_runs(app: Any, archive: Any) -> tuple[Any, dict[str, Any]]:
    """PAINT_RUNS fresh tabs; the last one is kept for the other measurements."""
    timings = []
    for _ in range(PAINT_RUNS - 1):
        tab, constructed, total = _open_tab(app, archive)
        _discard(app, tab)
        timings.append((constructed, total))
    tab, constructed, total = _open_tab(app, archive)
    timings.append((constructed, total))
    figures = {
        "construct_runs": [c for c, _ in timings],
        "paint_runs": [t for _, t in timings],
        "rows": tab.model.rowCount(),
    }
    return tab, figures


def jump_figures(app: Any, tab: Any) -> dict[str, Any]:
    """Scroll so that row JUMP_ROW (or the last row, in a smaller roster) is at the top."""
    from PySide6.QtWidgets import QAbstractItemView

    row = min(JUMP_ROW, tab.model.rowCount()) - 1
    index = tab.model.index(row, 0)
    hint = QAbstractItemView.ScrollHint.PositionAtTop
    ms = _timed_repaint(app, tab, lambda: tab.table.scrollTo(index, hint))
    shown = tab.model.data(tab.model.index(tab.table.rowAt(0), 0))
    return {
        "jump_row": row + 1,
        "jump_ms": ms,
        "jump_top_row": tab.table.rowAt(0) + 1,
        "jump_top_name": shown,
    }


def _search_once(app: Any, tab: Any, text: str) -> tuple[float, int]:
    """What the debounced search does after a keystroke: set the text, filter, repaint. A
    keystroke that cannot narrow the list (a first or second digit) leaves the model as it is,
    and nothing is repainted: then its time is the filter call alone."""
    from PySide6.QtCore import QSignalBlocker

    reset: list[bool] = []

    def was_reset() -> None:
        reset.append(True)

    tab.model.modelReset.connect(was_reset)

    def keystroke() -> None:
        with QSignalBlocker(tab.search):  # keep the 200 ms debounce timer out of the way
            tab.search.setText(text)
        tab.apply_filter()

    start = time.perf_counter()
    keystroke()
    ms = elapsed_ms(start)
    if reset:
        counter = tab.paint_counter
        counter.count = 0
        _until_painted(app, counter)
        ms = elapsed_ms(start)
    tab.model.modelReset.disconnect(was_reset)  # only ours: the view's own stays
    return ms, tab.model.rowCount()


def type_slowly(app: Any, tab: Any, text: str) -> list[tuple[str, float, int]]:
    """One keystroke at a time, TYPING_RUNS times: (text so far, best ms, rows listed) for each."""
    steps = [text[:n] for n in range(1, len(text) + 1)] + [""]
    best: dict[str, tuple[float, int]] = {}
    for _ in range(TYPING_RUNS):
        for step in steps:
            ms, rows = _search_once(app, tab, step)
            best[step] = (min(ms, best.get(step, (ms, rows))[0]), rows)
    return [(step or "(清空)", *best[step]) for step in steps]


def search_terms(archive: Any) -> tuple[str, str]:
    """A three-character name and the last six characters of an ID number, both on the roster."""
    db = archive.db
    members = db.execute("SELECT count(*) FROM people WHERE stage = 'member'").fetchone()[0]
    name = db.execute(
        "SELECT name FROM people WHERE stage = 'member' AND length(name) = 3 "
        "ORDER BY id LIMIT 1 OFFSET ?",
        [members // 2],
    ).fetchone()[0]
    number = db.execute(
        "SELECT id_number FROM people WHERE stage = 'member' ORDER BY id LIMIT 1 OFFSET ?",
        [members // 3],
    ).fetchone()[0]
    return name, number[-6:]


def search_figures(app: Any, tab: Any, archive: Any) -> dict[str, Any]:
    name, fragment = search_terms(archive)
    return {
        "name_typed": type_slowly(app, tab, name),
        "id_typed": type_slowly(app, tab, fragment),
        "no_match": _search_once(app, tab, NO_MATCH)[0],
    }


def sort_figures(app: Any, tab: Any) -> dict[str, float]:
    """Clicking a column header: 姓名 (indexed) and 年龄 (sorted by birth date)."""
    from PySide6.QtCore import Qt

    _search_once(app, tab, "")
    keys = [spec.key for spec in tab.model.columns]
    found = {}
    for key in ("name", "age"):
        column = keys.index(key)
        click = partial(tab.table.sortByColumn, column, Qt.SortOrder.AscendingOrder)
        found[key] = _timed_repaint(app, tab, click)
    return found


def gui_figures(path: Path) -> dict[str, Any]:
    """Everything measured in the GUI child process."""
    start_maxrss = maxrss_mb()
    from liangxin_desktop.ui.application import make_application

    app = make_application([sys.argv[0]])
    figures: dict[str, Any] = {
        "qt_platform": app.platformName(),
        "rss_before_tab": peak_rss_mb(),
        "maxrss_at_start": start_maxrss,
    }
    archive = open_archive(path)
    try:
        tab, figures["open"] = first_paint_runs(app, archive)
        figures["jump"] = jump_figures(app, tab)
        figures["search"] = search_figures(app, tab, archive)
        figures["sort"] = sort_figures(app, tab)
        figures["sort_all"] = _roster_tabs.sort_every_column(app, tab, _timed_repaint)
        _discard(app, tab)
        figures["roster_peak_rss"] = peak_rss_mb()
        figures["tabs"] = _roster_tabs.tab_paints(
            app, archive, _paint_counter, _until_painted, _discard
        )
    finally:
        archive.close()
    figures["peak_rss"], figures["maxrss"] = peak_rss_mb(), maxrss_mb()
    return figures


# -- printing child ----------------------------------------------------------------------------
def print_figures(path: Path, target: Path) -> dict[str, Any]:
    from liangxin_desktop.output.pdf.books import print_registers

    archive = open_archive(path, read_only=True)
    try:
        start = time.perf_counter()
        print_registers(archive, [MEMBERS], target)
        seconds = time.perf_counter() - start
    finally:
        archive.close()
    return {"seconds": seconds, "peak_rss": peak_rss_mb()}


def run_child(flag: str, *args: Path) -> dict[str, Any]:
    """Run this script with a hidden flag and read back the figures it prints."""
    command = [sys.executable, str(Path(__file__).resolve()), flag, *map(str, args)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(_RESULT_MARK):
            return json.loads(line[len(_RESULT_MARK) :])
    tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
    return {"error": f"exit code {done.returncode}", "stderr_tail": tail}


# -- SQL underneath the tab --------------------------------------------------------------------
def best_ms(action: Callable[[], Any], repeat: int = 3) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(elapsed_ms(start))
    return min(timings)


def sql_figures(path: Path) -> dict[str, float]:
    """The queries a keystroke runs, timed alone: the id list and the summary counts."""
    from liangxin_desktop.storage.people import member_counts

    archive = open_archive(path, read_only=True)
    try:
        name, fragment = search_terms(archive)
        found = {
            f"list_ids “{term}”": best_ms(
                partial(queries.list_ids, archive, MEMBERS, queries.RowFilter(search=term))
            )
            for term in ("", name, fragment)
        }
        found["member_counts()"] = best_ms(lambda: member_counts(archive))
    finally:
        archive.close()
    return found


# -- Excel -------------------------------------------------------------------------------------
def plain_dump(archive: Any, target: Path, today: date) -> int:
    """The same cell values with bare openpyxl (write-only, no styles): the comparison."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(MEMBERS.title)
    fields = MEMBERS.excel_fields
    sheet.append([spec.label for spec in fields])
    rows = 0
    for row in queries.iter_rows(archive, MEMBERS):
        sheet.append([excel_value(spec, row, today) for spec in fields])
        rows += 1
    book.save(target)
    return rows


def read_only_pass(archive: Any, today: date) -> int:
    """Fetching the rows and computing the cell values, without writing anything."""
    fields = MEMBERS.excel_fields
    return sum(
        1
        for row in queries.iter_rows(archive, MEMBERS)
        for _ in [[excel_value(spec, row, today) for spec in fields]]
    )


def _seconds(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def excel_figures(path: Path, folder: Path) -> dict[str, Any]:
    today = date.today()
    styled, plain = folder / "roster.xlsx", folder / "roster-plain.xlsx"
    archive = open_archive(path, read_only=True)
    try:
        export_s, _ = _seconds(lambda: export_workbook(archive, [MEMBERS], styled, as_of=today))
        plain_s, rows = _seconds(lambda: plain_dump(archive, plain, today))
        read_s, _ = _seconds(lambda: read_only_pass(archive, today))
    finally:
        archive.close()
    return {
        "export_s": export_s,
        "plain_s": plain_s,
        "read_s": read_s,
        "rows": rows,
        "columns": len(MEMBERS.excel_fields),
        "size": styled.stat().st_size,
        "plain_size": plain.stat().st_size,
    }


# -- report ------------------------------------------------------------------------------------
def mb(size: float) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def build_lines(built: Any) -> list[Line]:
    return [
        Line("建库 Archive build"),
        Line(
            "人数 people (在册 + 已离开)",
            f"{built.people:,} ({built.people - built.left:,} + {built.left:,})",
        ),
        Line("里程碑 milestones rows", f"{built.milestones:,}"),
        Line("建库用时 build time", f"{built.seconds:.2f} s"),
        Line("台账文件 archive size", mb(built.path.stat().st_size)),
    ]


def _keystroke_lines(title: str, typed: list[list[Any]]) -> list[Line]:
    lines = [Line(title)]
    for text, ms, rows in typed:
        target, mark = (
            ("", "") if text == "(清空)" else (f"≤ {KEYSTROKE_MS} ms", verdict(ms, KEYSTROKE_MS))
        )
        lines.append(Line(f"  “{text}” → {rows:,} 条", f"{ms:.1f} ms", target, mark))
    return lines


def gui_lines(gui: dict[str, Any]) -> list[Line]:
    if "error" in gui:
        return [
            Line("界面 GUI (child process)"),
            Line("失败 FAILED", gui["error"]),
            *[Line("  " + text, "") for text in gui["stderr_tail"]],
        ]
    opened, jump, search = gui["open"], gui["jump"], gui["search"]
    paint = statistics.median(opened["paint_runs"])
    runs = ", ".join(f"{ms:.0f}" for ms in opened["paint_runs"])
    typed = [
        ms
        for part in ("name_typed", "id_typed")
        for text, ms, _ in search[part]
        if text != "(清空)"
    ]
    return [
        Line(
            f"界面 GUI (child process, Qt platform “{gui['qt_platform']}”, {opened['rows']:,} 行)"
        ),
        Line(
            f"打开名册到首次绘制 first paint, median of {PAINT_RUNS}",
            f"{paint:.1f} ms",
            f"≤ {FIRST_PAINT_MS} ms",
            verdict(paint, FIRST_PAINT_MS),
        ),
        Line("  各次 runs (ms)", runs),
        Line(
            "  其中构造 RosterTab() median", f"{statistics.median(opened['construct_runs']):.1f} ms"
        ),
        Line(
            f"跳到第 {jump['jump_row']:,} 行 scrollTo + fetch + paint", f"{jump['jump_ms']:.1f} ms"
        ),
        Line("  首行 top row shown", f"{jump['jump_top_row']:,} {jump['jump_top_name']}"),
        *_keystroke_lines("逐字搜索姓名 typing a name", search["name_typed"]),
        *_keystroke_lines("逐字搜索身份证号后六位 typing an ID fragment", search["id_typed"]),
        Line(
            f"无结果搜索 no match “{NO_MATCH}”",
            f"{search['no_match']:.1f} ms",
            f"≤ {KEYSTROKE_MS} ms",
            verdict(search["no_match"], KEYSTROKE_MS),
        ),
        Line(
            "每次按键最大 max per keystroke",
            f"{max(typed):.1f} ms",
            f"≤ {KEYSTROKE_MS} ms",
            verdict(max(typed), KEYSTROKE_MS),
        ),
        Line("按姓名排序 sort by 姓名", f"{gui['sort']['name']:.1f} ms"),
        Line("按年龄排序 sort by 年龄", f"{gui['sort']['age']:.1f} ms"),
        Line("内存 RSS after QApplication + fonts", f"{gui['rss_before_tab']:.1f} MB"),
        Line(
            "界面峰值内存 GUI peak RSS (VmHWM), roster",
            f"{gui['roster_peak_rss']:.1f} MB",
            f"≤ {GUI_PEAK_MB} MB",
            verdict(gui["roster_peak_rss"], GUI_PEAK_MB),
        ),
        Line(
            "  … and after the 党费/积极分子 tabs (3 runs each)",
            f"{gui['peak_rss']:.1f} MB",
            f"≤ {GUI_PEAK_MB} MB",
            verdict(gui["peak_rss"], GUI_PEAK_MB),
        ),
        Line(
            "  ru_maxrss at child start / end",
            f"{gui['maxrss_at_start']:.1f} / {gui['maxrss']:.1f} MB",
        ),
    ]


def sql_lines(sql: dict[str, float]) -> list[Line]:
    lines = [Line("每次按键的 SQL, in the parent, best of 3")]
    return lines + [Line(label, f"{ms:.1f} ms") for label, ms in sql.items()]


def excel_lines(excel: dict[str, Any]) -> list[Line]:
    ratio = excel["export_s"] / excel["plain_s"]
    return [
        Line(f"Excel 导出 ({excel['rows']:,} 行 × {excel['columns']} 列)"),
        Line("export_workbook (样式 styled)", f"{excel['export_s']:.2f} s"),
        Line("openpyxl 直写 plain write-only dump", f"{excel['plain_s']:.2f} s"),
        Line("  倍数 ratio export / plain", f"{ratio:.2f} ×"),
        Line("  仅读取+取值 rows + values only", f"{excel['read_s']:.2f} s"),
        Line("文件大小 size styled / plain", f"{mb(excel['size'])} / {mb(excel['plain_size'])}"),
    ]


def count_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def print_lines(printed: dict[str, Any] | None, pdf: Path) -> list[Line]:
    if printed is None:
        return [Line("打印 PDF"), Line("跳过 skipped (--skip-print)", "")]
    if "error" in printed:
        return [
            Line("打印 PDF (child process)"),
            Line("失败 FAILED", printed["error"]),
            *[Line("  " + text, "") for text in printed["stderr_tail"]],
        ]
    return [
        Line("打印 PDF (child process)"),
        Line("print_registers 用时 time", f"{printed['seconds']:.1f} s"),
        Line("页数 pages", f"{count_pages(pdf):,}"),
        Line("文件大小 size", mb(pdf.stat().st_size)),
        Line("打印峰值内存 print peak RSS", f"{printed['peak_rss']:.1f} MB"),
    ]


def width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def render(lines: list[Line]) -> str:
    rows = [line for line in lines if line.value]  # bare notes (value "") may run long
    label_w = max(width(line.label) for line in rows) + 2
    value_w = max(width(line.value or "") for line in rows) + 2
    target_w = max(width(line.target) for line in rows) + 2
    out = []
    for line in lines:
        if line.value is None:
            out.append(f"\n== {line.label} ==")
        else:
            out.append(
                (
                    pad(line.label, label_w)
                    + pad(line.value, value_w)
                    + pad(line.target, target_w)
                    + line.verdict
                ).rstrip()
            )
    return "\n".join(out)


def load_average() -> str:
    """How busy the machine was (timings on a busy machine run long)."""
    if not hasattr(os, "getloadavg"):
        return ""
    return ", load average at start " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def header(people: int) -> str:
    import PySide6

    return (
        f"两新党建台账 roster benchmark — {people:,} people — {date.today()}\n"
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{load_average()}"
    )


# -- main --------------------------------------------------------------------------------------
def note(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def fresh_archive_path(folder: Path) -> Path:
    """The archive path in ``folder``, with any earlier benchmark archive removed."""
    path = folder / ARCHIVE_NAME
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))):
        leftover.unlink(missing_ok=True)
    return path


def run_all(people: int, folder: Path, skip_print: bool) -> int:
    os.environ["LIANGXIN_DATA_DIR"] = str(folder / "userdata")  # never the real user folder
    title = header(people)  # the load average before this benchmark adds to it
    note(f"building an archive of {people:,} people in {folder}")
    built = build_archive(fresh_archive_path(folder), people)
    note("a year of dues for everyone (核定 and every month paid so far)")
    dues_archive = open_archive(built.path)
    try:
        dues_paid = add_year_of_dues(dues_archive, date.today().year, date.today())
    finally:
        dues_archive.close()
    note("GUI timings (child process)")
    gui = run_child("--gui-only", built.path)
    sql = sql_figures(built.path)
    note("marking a month paid for 10,000 members")
    marking = open_archive(built.path)
    try:
        if "error" not in gui:
            gui["mark_paid"] = _roster_tabs.mark_paid(marking)
    finally:
        marking.close()
    note("Excel export")
    excel = excel_figures(built.path, folder)
    pdf, printed = folder / "roster.pdf", None
    if not skip_print:
        note("printing the roster to PDF (child process)")
        printed = run_child("--print-only", built.path, pdf)
    lines = (
        build_lines(built)
        + [Line("党费缴纳记录 dues payments (this year)", f"{dues_paid:,}")]
        + gui_lines(gui)
        + ([] if "error" in gui else _roster_tabs.lines(gui, Line, verdict))
        + sql_lines(sql)
        + excel_lines(excel)
        + print_lines(printed, pdf)
    )
    print(title)
    print(render(lines))
    return 1 if "error" in gui or (printed and "error" in printed) else 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000, help="roster size (default 100000)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build and keep the files in DIR")
    parser.add_argument("--skip-print", action="store_true", help="leave out the PDF printing")
    parser.add_argument("--gui-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--print-only", type=Path, nargs=2, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def report_to_parent(figures: dict[str, Any]) -> int:
    print(_RESULT_MARK + json.dumps(figures, ensure_ascii=False), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.gui_only:
        return report_to_parent(gui_figures(args.gui_only))
    if args.print_only:
        return report_to_parent(print_figures(*args.print_only))
    return in_folder(
        args.keep, "liangxin-bench-", partial(run_all, args.people, skip_print=args.skip_print)
    )


def in_folder(keep: Path | None, prefix: str, run: Callable[..., int]) -> int:
    """``run(folder)`` in ``keep`` (made when missing, kept), else in a temporary folder."""
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        return run(keep.resolve())
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        return run(Path(folder))


if __name__ == "__main__":
    sys.exit(main())
