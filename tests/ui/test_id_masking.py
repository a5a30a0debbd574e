"""ID numbers in lists show as 3301**********1234 until the clerk ticks 显示身份证号."""

from __future__ import annotations

from datetime import date

from helpers import VALID_ID, member

from liangxin_desktop.catalog.fields import FieldKind
from liangxin_desktop.storage import organization, people
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.main_window import MainWindow


def _shown_ids(tab) -> list[str]:
    model = tab.model
    [column] = [i for i, f in enumerate(model.columns) if f.kind is FieldKind.ID_NUMBER]
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_roster_masks_ids_until_revealed(qtbot, archive) -> None:
    organization.save_profile(archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"})
    people.add_member(archive, member(), date(2026, 11, 28))
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    tab = window.show_register("members")
    assert tab.reveal_ids.isEnabled() and _shown_ids(tab) == ["1101**********002X"]
    tab.reveal_ids.click()  # the clerk ticks 显示身份证号
    assert tab.reveal_ids.isChecked() and _shown_ids(tab) == [VALID_ID]
    tab.reveal_ids.click()  # the clerk ticks 显示身份证号
    assert _shown_ids(tab) == ["1101**********002X"]
