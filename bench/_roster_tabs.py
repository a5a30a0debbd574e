"""The roster benchmark's other tabs at 100,000 people: 党费收缴册 and 入党积极分子花名册 first
paint, sorting by every column, and marking a month paid for 10,000 selected members."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from liangxin_desktop.catalog import get_register
from liangxin_desktop.storage import dues
from liangxin_desktop.storage.archive import Archive

RUNS = 3
SELECTED = 10_000
TAB_PAINT_MS = 150
SORT_MS = 100
MARK_PAID_S = 1.0


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def tab_paints(
    app: Any, archive: Archive, paint_counter: Any, until_painted: Any, discard: Any
) -> dict[str, Any]:
    """Each tab built, shown and painted, best of RUNS; and reading 10,000 selected dues lines."""
    from liangxin_desktop.ui.activists_tab import ActivistsTab
    from liangxin_desktop.ui.dues_tab import DuesTab

    found: dict[str, Any] = {}
    for key, make in (("dues", DuesTab), ("activists", ActivistsTab)):
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            tab = make(archive, get_register(key))
            tab.resize(1280, 800)
            counter = paint_counter(tab.table.viewport())
            tab.show()
            if getattr(tab, "stale", False):
                tab.refresh()  # the window does this when the tab is first shown
            until_painted(app, counter)
            runs.append(_ms(start))
            if key == "dues":
                start = time.perf_counter()
                chosen = tab.model.lines_at(range(SELECTED))
                found["dues_selected_ms"] = min(found.get("dues_selected_ms", 1e9), _ms(start))
                found["dues_rows"] = tab.model.rowCount() - 1
                found["dues_selected"] = len(chosen)
                del chosen
            discard(app, tab)
        found[key] = min(runs)
    return found


def sort_every_column(app: Any, tab: Any, timed_repaint: Any) -> dict[str, float]:
    """Clicking each column header, ascending then descending; the worse of the two, best of RUNS."""
    from PySide6.QtCore import Qt

    found = {}
    for column, spec in enumerate(tab.model.columns):
        worst = 0.0
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            best = min(
                timed_repaint(app, tab, lambda c=column, o=order: tab.table.sortByColumn(c, o))
                for _ in range(RUNS)
            )
            worst = max(worst, best)
        found[spec.label] = worst
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return found


def mark_paid(archive: Archive) -> dict[str, Any]:
    """登记缴费 of one month for 10,000 members (record_payments: checks, one transaction), best
    of RUNS; the month's payments of those members are removed before each run."""
    month = date.today().isoformat()[:7]
    owing = dues.months_owing_here(archive, date.today().year)  # who owes this month here
    ids = [person for person, (_, months) in owing.items() if month in months][:SELECTED]
    marks = ",".join("?" * len(ids))
    runs = []
    for _ in range(RUNS):
        with archive.transaction() as db:
            db.execute(
                f"DELETE FROM dues_payments WHERE month = ? AND person_id IN ({marks})",
                [month, *ids],
            )
        start = time.perf_counter()
        written = dues.record_payments(archive, ids, [month], date.today(), "按月", "")
        runs.append(time.perf_counter() - start)
    return {"seconds": min(runs), "written": written}


def lines(figures: dict[str, Any], line: Any, verdict: Any) -> list[Any]:
    tabs, sort, paid = figures["tabs"], figures["sort_all"], figures["mark_paid"]
    worst = max(sort, key=lambda label: sort[label])
    out = [
        line(f"其他页签 other tabs at this size, best of {RUNS}"),
        line(
            f"党费收缴册 first paint ({tabs['dues_rows']:,} 名, 全年缴费)",
            f"{tabs['dues']:.1f} ms",
            f"≤ {TAB_PAINT_MS} ms",
            verdict(tabs["dues"], TAB_PAINT_MS),
        ),
        line("  读取选中的 10,000 名 lines_at", f"{tabs['dues_selected_ms']:.1f} ms"),
        line(
            "入党积极分子花名册 first paint",
            f"{tabs['activists']:.1f} ms",
            f"≤ {TAB_PAINT_MS} ms",
            verdict(tabs["activists"], TAB_PAINT_MS),
        ),
        line(
            f"登记缴费 {paid['written']:,} 名 × 1 个月 record_payments",
            f"{paid['seconds']:.2f} s",
            f"≤ {MARK_PAID_S:.0f} s",
            verdict(paid["seconds"], MARK_PAID_S),
        ),
        line(f"按列排序 sort by each of {len(sort)} columns (asc/desc worse), best of {RUNS}"),
    ]
    for label in ("姓名", "年龄", "党龄"):
        out.append(
            line(
                f"  {label}",
                f"{sort[label]:.1f} ms",
                f"≤ {SORT_MS} ms",
                verdict(sort[label], SORT_MS),
            )
        )
    out.append(
        line(
            f"  最慢 slowest: {worst}",
            f"{sort[worst]:.1f} ms",
            f"≤ {SORT_MS} ms",
            verdict(sort[worst], SORT_MS),
        )
    )
    return out
