"""Qt only in ui/: everything below it imports without loading PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

BELOW_UI = [
    "liangxin_desktop.cli",
    "liangxin_desktop.demo",
    "liangxin_desktop.domain.dues",
    "liangxin_desktop.catalog",
    "liangxin_desktop.catalog.members",
    "liangxin_desktop.storage.people",
    "liangxin_desktop.storage.queries",
    "liangxin_desktop.output.excel",
    "liangxin_desktop.output.pdf.books",
    "liangxin_desktop.bundle.making",
    "liangxin_desktop.bundle.reading",
    "liangxin_desktop.bundle.summary_report",
    "liangxin_desktop.bundle.commands",
]


def test_no_qt_below_the_ui() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in BELOW_UI)
        + ("loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\nprint(loaded)\n")
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


PACKAGE = Path(__file__).resolve().parent.parent / "liangxin_desktop"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(node: ast.AST, package: str, modules: set[str]) -> set[str]:
    """The package's modules an import statement names (``from p import m`` names p.m, not p)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & modules
    if not isinstance(node, ast.ImportFrom):
        return set()
    base = node.module or ""
    if node.level:
        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    submodules = {f"{base}.{alias.name}" for alias in node.names} & modules
    whole = {base} if len(submodules) < len(node.names) else set()
    return (submodules | whole) & modules


def import_graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, wherever the import
    stands (top level, inside a function, or under ``if TYPE_CHECKING:``: each is a dependency)."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set().union(*(_imported(n, package, modules) for n in ast.walk(tree)))
        graph[name] = found - {name}
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = [stack.pop()]
            while group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_the_circle_finder_finds_direct_and_chained_circles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert sorted(import_circles(graph)) == [["a", "b", "c"], ["d", "e"]]
    assert import_circles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_follows_the_package() -> None:
    graph = import_graph()
    assert "liangxin_desktop.catalog.register" in graph["liangxin_desktop.catalog.registers"]
    assert "liangxin_desktop.files" in graph["liangxin_desktop.storage.files"]


def test_no_two_modules_import_each_other() -> None:
    circles = import_circles(import_graph())
    assert circles == [], "modules that import each other (directly or through a chain): " + (
        "; ".join(" ↔ ".join(c) for c in circles)
    )


def test_no_widget_is_asked_for_its_screen() -> None:
    """``widget.screen()`` leaves the QScreen in the widget's keeping (a crash once the widget is
    collected in a cycle); ``ui/window_state.available_area`` finds the screen safely."""
    asked = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ".screen()" in line and not line.lstrip().startswith(("#", "PySide", "The screen"))
    ]
    assert asked == []
