"""By-hand benchmark of the 党员花名册 at scale: build, roster tab, search, memory, Excel and PDF.

Run from the repository root:  python bench/roster.py [--people 100000] [--keep DIR] [--skip-print]
The GUI and the printing run in child processes of this same script, so that each peak
memory figure is its own and not the archive build's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
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
from _measure import (  # noqa: E402
    Line,
    best_ms,
    elapsed_ms,
    header,
    in_folder,
    maxrss_mb,
    mb,
    note,
    paint_counter,
    peak_rss_mb,
    render,
    report_to_parent,
    run_script,
    until_painted,
    verdict,
)
from _roster_excel import excel_figures, excel_lines  # noqa: E402

from liangxin_desktop.catalog.members import MEMBERS  # noqa: E402
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
ARCHIVE_NAME = "roster-bench.lxdb"


# -- GUI child ---------------------------------------------------------------------------------


def _timed_repaint(app: Any, tab: Any, action: Callable[[], None]) -> float:
    """Milliseconds from starting ``action`` until the table has been painted again."""
    counter = tab.paint_counter
    counter.count = 0
    start = time.perf_counter()
    action()
    until_painted(app, counter)
    return elapsed_ms(start)


def _open_tab(app: Any, archive: Any) -> tuple[Any, float, float]:
    """Construct, show and paint a roster tab: (tab, construct ms, construct-to-painted ms)."""
    from liangxin_desktop.ui.roster_tab import RosterTab

    start = time.perf_counter()
    tab = RosterTab(archive, MEMBERS)
    constructed = elapsed_ms(start)
    tab.resize(*WINDOW_SIZE)
    tab.paint_counter = paint_counter(tab.table.viewport())
    tab.show()
    until_painted(app, tab.paint_counter)
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
        until_painted(app, counter)
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
            app, archive, paint_counter, until_painted, _discard
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


# -- SQL underneath the tab --------------------------------------------------------------------


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


# -- report ------------------------------------------------------------------------------------


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


# -- main --------------------------------------------------------------------------------------


def fresh_archive_path(folder: Path) -> Path:
    """The archive path in ``folder``, with any earlier benchmark archive removed."""
    path = folder / ARCHIVE_NAME
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))):
        leftover.unlink(missing_ok=True)
    return path


def run_all(people: int, folder: Path, skip_print: bool) -> int:
    os.environ["LIANGXIN_DATA_DIR"] = str(folder / "userdata")  # never the real user folder
    title = header("roster benchmark", people)  # the load average before this benchmark adds to it
    note(f"building an archive of {people:,} people in {folder}")
    built = build_archive(fresh_archive_path(folder), people)
    note("a year of dues for everyone (核定 and every month paid so far)")
    dues_archive = open_archive(built.path)
    try:
        dues_paid = add_year_of_dues(dues_archive, date.today().year, date.today())
    finally:
        dues_archive.close()
    note("GUI timings (child process)")
    gui = run_script(__file__, "--gui-only", built.path)
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
        printed = run_script(__file__, "--print-only", built.path, pdf)
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.gui_only:
        return report_to_parent(gui_figures(args.gui_only))
    if args.print_only:
        return report_to_parent(print_figures(*args.print_only))
    return in_folder(
        args.keep, "liangxin-bench-", partial(run_all, args.people, skip_print=args.skip_print)
    )


if __name__ == "__main__":
    sys.exit(main())
