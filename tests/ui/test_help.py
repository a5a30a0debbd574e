"""Help inside the app: 使用说明 (F1 at the register's section), 关于, the next steps, the title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import member, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from liangxin_desktop import __version__, paths
from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.manual import WHAT_GOES_IN, manual_html
from liangxin_desktop.storage import organization, people
from liangxin_desktop.ui.about_dialog import AboutDialog
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.help_dialog import HelpDialog
from liangxin_desktop.ui.main_window import MainWindow


def _window(qtbot, archive, named: bool = True) -> MainWindow:
    if named:
        organization.save_profile(
            archive, {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"}
        )
    make_application()
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_manual_names_every_register_with_what_goes_into_it() -> None:
    html = manual_html()
    assert set(WHAT_GOES_IN) == {register.key for register in available_registers()}
    for register in available_registers():
        assert f'<a name="reg-{register.key}"></a><b>{register.title}</b>' in html
    for chapter in ("install", "first-start", "import", "print", "bundle", "backup", "rules"):
        assert f'<a name="{chapter}"></a>' in html
    assert "{{" not in html and "<!--" not in html


def test_the_manual_says_which_book_a_meeting_goes_into() -> None:
    html = manual_html()
    assert "<tr><td>党课</td><td>党员教育培训记录簿 或 党员组织生活记录簿</td></tr>" in html
    assert "<tr><td>集中学习</td><td>党员教育培训记录簿</td></tr>" in html
    assert "<tr><td>支委会</td><td>党组织会议记录簿</td></tr>" in html


def test_every_picture_of_the_manual_is_bundled() -> None:
    pictures = re.findall(r'<img src="([^"]+)"', manual_html())
    assert len(pictures) >= 5
    for picture in pictures:
        assert (paths.manual_dir() / picture).is_file(), picture


def test_f1_on_a_register_opens_the_manual_at_its_section(qtbot, archive) -> None:
    window = _window(qtbot, archive)
    window.show_register("org_life")
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog)
    qtbot.addWidget(dialog)
    bar = dialog.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    at_org_life = bar.value()
    window.show_register("members")
    window.show_manual()
    qtbot.waitUntil(lambda: bar.value() != at_org_life)
    assert dialog.browser.toPlainText().startswith("两新党建台账 用户手册")
    assert dialog.width() <= 1366 and dialog.height() <= 728


def test_the_welcome_page_opens_the_first_start_section(qtbot, archive) -> None:
    window = _window(qtbot, archive, named=False)
    dialog = window.show_manual()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.browser.verticalScrollBar().value() > 0)
    top = dialog.browser.cursorForPosition(dialog.browser.viewport().rect().topLeft())
    top.select(top.SelectionType.LineUnderCursor)
    assert "第一次打开" in top.selectedText()


def test_about_shows_version_data_folder_and_licenses(qtbot, archive, monkeypatch) -> None:
    window = _window(qtbot, archive)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    seen: dict[str, str] = {}

    def look(dialog: AboutDialog) -> None:
        seen["text"] = dialog.text.toPlainText()
        qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    failures = when_dialog_opens(qtbot, AboutDialog, look)
    window.about()
    assert not failures
    text = seen["text"]
    assert f"两新党建台账 {__version__}" in text and str(paths.data_dir()) in text
    assert str(archive.path) in text
    assert "思源宋体 Noto Serif SC（打印正文）：已安装" in text
    assert "LGPL-3.0" in text and "SIL Open Font License 1.1" in text
    assert opened == [str(paths.data_dir())]


def test_the_empty_roster_shows_the_next_steps_until_someone_is_registered(qtbot, archive) -> None:
    window = _window(qtbot, archive)
    window.show_register("members")  # the window opens on the 首页
    hint = window.roster_tab.empty_hint
    qtbot.waitUntil(hint.isVisible)
    assert "接下来" in hint.text() and "Ctrl+I" in hint.text() and "F1" in hint.text()
    people.add_member(archive, member())
    window.roster_tab.refresh()
    qtbot.waitUntil(lambda: not hint.isVisible())


def test_the_title_shows_the_version(qtbot, archive) -> None:
    window = _window(qtbot, archive)
    assert window.windowTitle() == f"中共测试科技有限公司支部委员会 — 两新党建台账 {__version__}"


def test_the_title_says_portable_mode(qtbot, archive, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "程序" / "数据").mkdir(parents=True)
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path / "程序")
    window = _window(qtbot, archive)
    assert window.windowTitle().startswith("【便携模式】中共测试科技有限公司支部委员会")


@pytest.fixture(autouse=True)
def _no_real_folder_opened(monkeypatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
