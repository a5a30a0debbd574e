"""What every benchmark script shares: timing, peak memory, paint counting, child runs and the
printed table of figures beside their targets."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_MARK = "BENCH-RESULT "


@dataclass
class Line:
    """One row of the printed table (a section title when ``value`` is None)."""

    label: str
    value: str | None = None
    target: str = ""
    verdict: str = ""


def verdict(measured: float, limit: float) -> str:
    return "OK" if measured <= limit else "over"


def elapsed_ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def best_ms(action: Callable[[], Any], repeat: int = 3) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(elapsed_ms(start))
    return min(timings)


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


def paint_counter(widget: Any) -> Any:
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


def until_painted(app: Any, counter: Any, timeout: float = 30.0) -> None:
    """Process events until the watched widget has been painted, then let pending updates run."""
    deadline = time.perf_counter() + timeout
    while counter.count == 0:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("no paint event arrived")
    app.processEvents()


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


def header(what: str, people: int) -> str:
    """The report's first lines: what was measured, on which machine, how busy it was."""
    import PySide6

    return (
        f"两新党建台账 {what} — {people:,} people — {date.today()}\n"
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{load_average()}"
    )


def note(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def run_script(script: str | Path, *args: object) -> dict[str, Any]:
    """Run a benchmark script again as a child (with its hidden flag in ``args``) and read back the
    figures it printed with ``report_to_parent`` — or what went wrong."""
    command = [sys.executable, str(Path(script).resolve()), *map(str, args)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return dict(json.loads(line[len(RESULT_MARK) :]))
    tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
    return {"error": f"exit code {done.returncode}", "stderr_tail": tail}


def report_to_parent(figures: dict[str, Any]) -> int:
    print(RESULT_MARK + json.dumps(figures, ensure_ascii=False), flush=True)
    return 0


def in_folder(keep: Path | None, prefix: str, run: Callable[..., int]) -> int:
    """``run(folder)`` in ``keep`` (made when missing, kept), else in a temporary folder."""
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        return run(keep.resolve())
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        return run(Path(folder))


def mb(size: float) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
