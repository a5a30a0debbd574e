"""The check before Qt starts: a missing system library becomes a Chinese sentence with the apt command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from liangxin_desktop import display_check
from liangxin_desktop.display_check import check_display, missing_packages

ROOT = Path(__file__).resolve().parent.parent
X = {"DISPLAY": ":0"}


def without(*sonames: str):
    return lambda soname: soname not in sonames


def test_a_missing_xcb_cursor_names_the_package_and_the_command() -> None:
    result = check_display(X, without("libxcb-cursor.so.0"), lambda: False)
    assert not result.ok
    assert "libxcb-cursor0" in result.message
    assert "sudo apt install libxcb-cursor0\n" in result.message
    assert "xcb" not in result.message.replace("libxcb-cursor0", "")  # no Qt jargon around it


def test_several_missing_libraries_make_one_command_in_table_order() -> None:
    resolve = without("libxcb-keysyms.so.1", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4")
    result = check_display(X, resolve, lambda: False)
    assert "sudo apt install libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1" in result.message


def test_an_unknown_missing_library_is_named_by_its_file() -> None:
    resolve = without("libfoo.so.3")
    assert missing_packages(resolve, ["libxcb.so.1", "libfoo.so.3"]) == ["libfoo.so.3"]
    result = check_display(X, resolve, lambda: False, extra=["libfoo.so.3"])
    assert "sudo apt install libfoo.so.3" in result.message


def test_everything_present_starts_on_x() -> None:
    result = check_display(X, lambda soname: True, lambda: False)
    assert result == display_check.DisplayCheck(True)


def test_wayland_is_used_when_xcb_cannot_load() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    result = check_display(env, without("libxcb-cursor.so.0"), lambda: True)
    assert result.ok and result.platform == "wayland"
    assert "sudo apt install libxcb-cursor0" in result.message  # still says what to install


def test_no_desktop_at_all_is_said_plainly() -> None:
    result = check_display({}, lambda soname: True, lambda: True)
    assert not result.ok and "没有找到图形桌面" in result.message


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "wayland", "wayland-egl"])
def test_a_chosen_platform_other_than_xcb_is_not_checked(platform: str) -> None:
    def must_not_be_asked(soname: str) -> bool:
        raise AssertionError(soname)

    assert check_display({"QT_QPA_PLATFORM": platform}, must_not_be_asked, lambda: False).ok


def test_the_deb_depends_on_every_package_of_the_check() -> None:
    packages = display_check.debian_packages()
    assert packages[:3] == ["libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4"]
    assert len(packages) == len(set(packages)) == len(display_check.XCB_LIBRARIES)


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is not installed")
def test_ldd_of_the_real_xcb_plugin_reports_what_this_machine_lacks() -> None:
    plugin = display_check.qt_plugin("xcb")
    assert plugin is not None and plugin.name == "libqxcb.so"
    not_found = display_check.ldd_not_found(plugin)
    assert not_found is not None
    resolve, reported = display_check.plugin_resolver(plugin)
    assert reported == not_found
    assert all(resolve(soname) for soname in display_check.XCB_LIBRARIES if soname not in not_found)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_the_gui_without_a_desktop_exits_1_with_the_sentence(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data", str(tmp_path / "a.lxdb")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "没有找到图形桌面" in result.stderr
    assert "qt.qpa" not in result.stderr and not (tmp_path / "a.lxdb").exists()
