"""Shared fixtures: headless Qt, a private data folder, and fresh archives in tmp dirs."""

from __future__ import annotations

import gc
import os
import sys
from datetime import date
from pathlib import Path

import pytest

# Headless, on a screen the size of the most common office laptop (1366×768); on Windows a
# drive letter's colon would end the platform argument.
os.environ["QT_QPA_PLATFORM"] = (
    "offscreen"
    if sys.platform == "win32"
    else f"offscreen:configfile={Path(__file__).parent / 'offscreen_1366x768.json'}"
)
sys.path.insert(0, str(Path(__file__).parent))

from liangxin_desktop.storage.archive import Archive, open_archive

TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Tests never touch the real user folder."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("LIANGXIN_DATA_DIR", str(folder))
    return folder


def _patient(wait):
    """``wait`` with the long timeout unless the test gives one: pytest-qt's 5-second default
    fails on a busy machine (a wait returns as soon as its condition holds; this bounds a hang)."""
    from helpers import LONG_WAIT_MS

    def patiently(self, *args, **kwargs):
        kwargs.setdefault("timeout", LONG_WAIT_MS)
        return wait(self, *args, **kwargs)

    return patiently


@pytest.fixture(autouse=True)
def patient_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    from pytestqt.qtbot import QtBot

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive"):
        monkeypatch.setattr(QtBot, name, _patient(getattr(QtBot, name)))


@pytest.fixture(autouse=True)
def real_today_again():
    """A test that ran a command with --today leaves the next test on the real date."""
    yield
    from liangxin_desktop import clock

    clock.fix_today(None)


@pytest.fixture(autouse=True)
def collected_after_each_test():
    """Python's cycle collector runs after every test, not at a random later moment: a Qt object
    freed wrongly by it then crashes the test that left it, not some test minutes later."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.processEvents()
    gc.collect()


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    opened = open_archive(tmp_path / "test.lxdb")
    yield opened
    opened.close()


@pytest.fixture
def demo_archive(tmp_path: Path) -> Archive:
    from liangxin_desktop.demo import DemoSpec, build_demo

    opened = open_archive(tmp_path / "demo.lxdb")
    build_demo(opened, DemoSpec(seed=3, members=36, today=TODAY))
    yield opened
    opened.close()
