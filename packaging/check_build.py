"""Check what ``tasks.py build --deb`` made, as a clerk would use it (CI runs this after the build).

1. the one-folder program: ``--smoke-test``, then a real start under Xvfb on an archive made by an
   earlier release (tests/fixtures/): the window opens, the archive is migrated with a backup first;
2. the tarball: unpacked, started through its start script (``--smoke-test``);
3. the .deb: unpacked with ``dpkg -x`` into a temporary root, its UOS layout checked, started there
   (``--smoke-test`` and under Xvfb on a new archive).
Every library the build bundles must find its dependencies (``ldd``). Needs Xvfb and xdotool.
Run with the project's virtual environment: ``.venv/bin/python packaging/check_build.py [--display :97]``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import build_info as info

DIST = info.ROOT / "dist"
OLD_ARCHIVE = info.ROOT / "tests" / "fixtures" / "archive-d7b2c86.lxdb"  # schema 8 (see its test)


def step(text: str) -> None:
    print(f"== {text}", flush=True)


def fail(text: str) -> None:
    raise SystemExit(f"检查失败：{text}")


def smoke(program: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [str(program), "--smoke-test"], env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0 or "smoke test ok" not in result.stderr:
        fail(f"{program} --smoke-test: rc={result.returncode}\n{result.stderr}")


def unresolved_libraries(folder: Path) -> list[str]:
    """Bundled libraries with a dependency that neither the bundle nor the system provides."""
    problems = []
    env = dict(os.environ, LD_LIBRARY_PATH=str(folder / "_internal"))
    for library in sorted(folder.rglob("*.so*")):
        if library.is_symlink() or not library.is_file():
            continue
        result = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env)
        missing = [line.split()[0] for line in result.stdout.splitlines() if "not found" in line]
        if missing:
            problems.append(f"{library.relative_to(folder)}: {', '.join(missing)}")
    return problems


class Screen:
    """An Xvfb display at 1366×768 for real starts."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stderr=subprocess.DEVNULL,
        )
        self._wait(lambda: self._run("xdotool", "getmouselocation").returncode == 0, 60, "Xvfb")

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, DISPLAY=self.display)
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    @staticmethod
    def _wait(condition, seconds: float, what: str) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                fail(f"{what}：{seconds:.0f} 秒内没有就绪")
            time.sleep(0.5)

    def start_and_quit(self, program: Path, archive: Path, title_part: str) -> None:
        """Start the program, wait for its window (title containing ``title_part``), press Ctrl+Q."""
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env["DISPLAY"] = self.display
        app = subprocess.Popen(
            [str(program), "--data", str(archive)], env=env, stderr=subprocess.PIPE, text=True
        )
        window: list[str] = []

        def shown() -> bool:
            if app.poll() is not None:
                fail(f"程序在窗口出现前退出（rc={app.returncode}）：{app.stderr.read()}")  # type: ignore[union-attr]
            found = self._run("xdotool", "search", "--onlyvisible", "--name", title_part)
            window[:] = found.stdout.split()[:1]
            return bool(window)

        self._wait(shown, 180, "程序窗口")
        self._run("xdotool", "windowfocus", "--sync", window[0])  # no window manager needed
        self._run("xdotool", "key", "ctrl+q")
        try:
            code = app.wait(timeout=120)
        except subprocess.TimeoutExpired:
            app.kill()
            fail("按 Ctrl+Q 后程序没有退出")
        if code != 0:
            fail(f"程序退出码 {code}：{app.stderr.read()}")  # type: ignore[union-attr]

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)


def check_upgrade(screen: Screen, program: Path, work: Path) -> None:
    archive = work / "旧版本" / "台账.lxdb"
    archive.parent.mkdir()
    shutil.copy2(OLD_ARCHIVE, archive)
    with sqlite3.connect(archive) as db:
        before = db.execute("PRAGMA user_version").fetchone()[0]
        name = db.execute("SELECT name FROM organization").fetchone()[0]
    screen.start_and_quit(program, archive, name)
    with sqlite3.connect(archive) as db:
        after = db.execute("PRAGMA user_version").fetchone()[0]
    backups = list((archive.parent / "备份").glob("*.lxdb"))
    if not after > before or len(backups) != 1:
        fail(f"升级：user_version {before} → {after}，备份 {backups}")
    with sqlite3.connect(backups[0]) as db:
        if db.execute("PRAGMA user_version").fetchone()[0] != before:
            fail("升级前的备份不是旧版本的台账")
    print(f"   旧台账（格式 {before}）已升级到格式 {after}，升级前备份：{backups[0].name}")


def check_deb(deb: Path, screen: Screen, work: Path) -> None:
    root = work / "deb-root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True).stdout
    if f"Version: {info.VERSION}" not in fields or "libxcb-cursor0" not in fields:
        fail(f".deb 的 control 不对：\n{fields}")
    app = root / "opt" / "apps" / info.DEB_APPID
    data = json.loads((app / "info").read_text(encoding="utf-8"))
    if data["appid"] != info.DEB_APPID or data["version"] != info.four_part_version():
        fail(f"info 文件不对：{data}")
    desktop = (app / "entries" / "applications" / f"{info.DEB_APPID}.desktop").read_text("utf-8")
    if f"Name={info.TITLE}" not in desktop or "Categories=Office;" not in desktop:
        fail(f".desktop 文件不对：\n{desktop}")
    for icon in ("48x48/apps", "256x256/apps", "scalable/apps"):
        if not list((app / "entries" / "icons" / "hicolor" / icon).glob(f"{info.DEB_APPID}.*")):
            fail(f"缺少图标 {icon}")
    program = app / "files" / info.NAME
    smoke(program)
    screen.start_and_quit(program, work / "新台账.lxdb", info.TITLE)


def check_tarball(tarball: Path, work: Path) -> None:
    with tarfile.open(tarball) as tar:
        tar.extractall(work / "tar", filter="tar")
    script = work / "tar" / f"{info.NAME}-{info.VERSION}" / f"{info.NAME}.sh"
    smoke(script)


def main(argv: list[str]) -> int:
    display = argv[argv.index("--display") + 1] if "--display" in argv else ":97"
    for tool in ("Xvfb", "xdotool", "dpkg-deb", "ldd"):
        if shutil.which(tool) is None:
            fail(f"需要 {tool}（sudo apt install xvfb xdotool dpkg-dev）")
    folder = DIST / info.NAME
    program = folder / info.NAME
    arch = info.machine()
    deb = DIST / f"{info.DEB_APPID}_{info.VERSION}_{arch}.deb"
    tarball = DIST / f"{info.NAME}-{info.VERSION}-linux-{arch}.tar.gz"
    step("打包的库都能找到依赖")
    problems = unresolved_libraries(folder)
    if problems:
        fail("找不到的库：\n" + "\n".join(problems))
    step("程序 --smoke-test")
    smoke(program)
    screen = Screen(display)
    try:
        with tempfile.TemporaryDirectory(prefix="liangxin-check-") as temp:
            work = Path(temp)
            step("在 Xvfb 中打开旧版本的台账（升级前先备份）")
            check_upgrade(screen, program, work)
            step(".tar.gz 解压后用启动脚本运行")
            check_tarball(tarball, work)
            step(".deb 用 dpkg -x 解压到临时目录后运行")
            check_deb(deb, screen, work)
    finally:
        screen.close()
    print("全部检查通过。")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
