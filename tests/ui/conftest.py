"""The UI tests' default window: a saved organization and three members (赵一, 钱二, 孙三).

A module that needs another window defines its own ``window`` fixture, which takes precedence.
"""

from __future__ import annotations

import pytest
from helpers import add_members

from liangxin_desktop.storage import organization
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, archive) -> MainWindow:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    add_members(archive, ["赵一", "钱二", "孙三"])
    make_application()
    shown = MainWindow(archive)
    qtbot.addWidget(shown)
    shown.show()
    return shown
