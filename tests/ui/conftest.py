"""The UI tests' default window: a saved organization and three members (赵一, 钱二, 孙三).

A module that needs another window defines its own ``window`` fixture, which takes precedence.
"""

from __future__ import annotations

import pytest
from helpers import window_on

from liangxin_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, archive) -> MainWindow:
    return window_on(qtbot, archive, ["赵一", "钱二", "孙三"])
