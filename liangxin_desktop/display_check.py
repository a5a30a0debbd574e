"""Before Qt starts on Linux: can its xcb plugin load? If not, say in Chinese which packages to install.

Qt itself would print an English line and abort with signal 6 when a system library of the xcb
platform plugin is missing (from Qt 6.5 ``libxcb-cursor0``, on minimal systems several more). This
module only uses the standard library, so ``tasks.py`` can run the same check before PySide6 is
installed. Whether a library loads is asked of a *resolver* (``soname → bool``), an argument, so the
check is tested with simulated missing libraries.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

Resolver = Callable[[str], bool]

# The xcb plugin's system libraries (``ldd libqxcb.so`` of PySide6 6.8–6.11) and the Debian/UOS/
# Kylin package of each. Order: the one that is missing most often first.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
_NOT_A_SCREEN = {"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}


def debian_packages() -> list[str]:
    """What a fresh Debian/UOS/Kylin needs for the window (the .deb's ``Depends``)."""
    return list(dict.fromkeys(XCB_LIBRARIES.values()))


def missing_packages(
    resolve: Resolver,
    sonames: Iterable[str] = XCB_LIBRARIES,
    names: Mapping[str, str] = XCB_LIBRARIES,
) -> list[str]:
    """The packages of the libraries that do not resolve (a library with no known package: its soname)."""
    missing = [names.get(soname, soname) for soname in sonames if not resolve(soname)]
    return list(dict.fromkeys(missing))


def load_resolver(soname: str) -> bool:
    """Can the dynamic linker load this library from the system's paths?"""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def ldd_not_found(library: Path) -> set[str] | None:
    """The sonames ``ldd`` cannot find for a library (None when ldd cannot tell)."""
    try:
        result = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return {
        line.split("=>")[0].strip() for line in result.stdout.splitlines() if "not found" in line
    }


def qt_plugin(name: str) -> Path | None:
    """The file of one of Qt's platform plugins (``xcb``, ``wayland``) in PySide6, or None."""
    folders = []
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        folders.append(Path(frozen_base) / "PySide6")
    spec = importlib.util.find_spec("PySide6")
    if spec and spec.submodule_search_locations:
        folders.extend(Path(p) for p in spec.submodule_search_locations)
    for folder in folders:
        candidate = folder / "Qt" / "plugins" / "platforms" / f"libq{name}.so"
        if candidate.exists():
            return candidate
    return None


def plugin_resolver(plugin: Path | None) -> tuple[Resolver, set[str]]:
    """A resolver that asks ``ldd`` of the plugin itself, plus the sonames ldd could not find."""
    not_found = ldd_not_found(plugin) if plugin else None
    if not_found is None:
        return load_resolver, set()
    return (lambda soname: soname not in not_found), not_found


def xcb_message(packages: list[str]) -> str:
    command = "sudo apt install " + " ".join(packages)
    return (
        "无法打开程序窗口：这台电脑缺少图形界面需要的系统组件：\n"
        f"  {'、'.join(packages)}\n"
        "请让电脑管理员（或有管理员权限的同事）在终端中运行下面这条命令安装，然后重新打开本程序：\n"
        f"  {command}\n"
        "（统信 UOS、麒麟、Debian、Ubuntu 都用这条命令；没有网络时可以从系统安装光盘或内网软件源安装。）"
    )


NO_DISPLAY_MESSAGE = (
    "无法打开程序窗口：没有找到图形桌面（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）。\n"
    "请在电脑的桌面环境中打开本程序。不需要窗口的功能可以在命令行使用，例如：liangxin-desktop --help"
)


@dataclass(frozen=True)
class DisplayCheck:
    """The outcome: start (maybe on another platform plugin), or refuse with a message."""

    ok: bool
    message: str = ""
    platform: str | None = None  # set QT_QPA_PLATFORM to this before Qt starts


def check_display(
    env: Mapping[str, str], xcb: Resolver, wayland_ok: Callable[[], bool], extra: Iterable[str] = ()
) -> DisplayCheck:
    """Decide how the window can open on Linux, given the environment and what resolves."""
    requested = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if requested in _NOT_A_SCREEN or requested.startswith("wayland"):
        return DisplayCheck(True)
    has_x, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not has_x and not has_wayland:
        return DisplayCheck(False, NO_DISPLAY_MESSAGE)
    missing = missing_packages(xcb, [*XCB_LIBRARIES, *extra])
    if not missing and has_x:
        return DisplayCheck(True)
    if has_wayland and wayland_ok():
        note = xcb_message(missing).splitlines()[1:4] if missing else []
        return DisplayCheck(True, "\n".join(["改用 Wayland 显示窗口。", *note]), "wayland")
    return DisplayCheck(False, xcb_message(missing) if missing else NO_DISPLAY_MESSAGE)


def ensure_display() -> bool:
    """Run the check for this process (Linux only): print the message; False = do not start Qt."""
    if not sys.platform.startswith("linux"):
        return True
    xcb, not_found = plugin_resolver(qt_plugin("xcb"))

    def wayland_ok() -> bool:
        plugin = qt_plugin("wayland")
        return plugin is not None and not ldd_not_found(plugin)

    result = check_display(os.environ, xcb, wayland_ok, sorted(not_found))
    if result.message:
        print(result.message, file=sys.stderr)
    if result.platform:
        os.environ["QT_QPA_PLATFORM"] = result.platform
    return result.ok
