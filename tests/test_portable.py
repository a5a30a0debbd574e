"""Portable mode: a 数据 folder or portable.txt beside the program keeps archive, backups, logs and settings there."""

from __future__ import annotations

from pathlib import Path

import pytest

from liangxin_desktop import paths
from liangxin_desktop.storage.archive import backup_path


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A program folder on a USB stick; the tests' data-folder override is lifted."""
    folder = tmp_path / "U盘" / "两新党建台账"
    folder.mkdir(parents=True)
    monkeypatch.setattr(paths, "program_dir", lambda: folder)
    monkeypatch.delenv("LIANGXIN_DATA_DIR")
    return folder


def test_not_portable_without_a_marker(program: Path) -> None:
    assert not paths.is_portable()
    assert program not in paths.data_dir().parents


@pytest.mark.parametrize("marker", ["folder", "file"])
def test_a_data_folder_or_portable_txt_keeps_everything_beside_the_program(
    program: Path, marker: str
) -> None:
    if marker == "folder":
        (program / "数据").mkdir()
    else:
        (program / "portable.txt").write_text("", encoding="utf-8")
    assert paths.is_portable()
    data = program / "数据"
    assert paths.data_dir() == data
    assert paths.default_archive_path() == data / "台账.lxdb"
    assert paths.logs_dir() == data / "logs"
    assert paths.settings_dir() == data / "设置"


def test_backups_stay_on_the_stick_even_for_an_archive_on_the_pc(
    program: Path, tmp_path: Path
) -> None:
    (program / "数据").mkdir()
    on_the_pc = tmp_path / "桌面" / "别的台账.lxdb"
    assert paths.backups_dir(on_the_pc) == program / "数据" / "备份"
    assert backup_path(on_the_pc, "升级前").parent == program / "数据" / "备份"


def test_backups_live_beside_the_archive_otherwise(program: Path, tmp_path: Path) -> None:
    archive = tmp_path / "桌面" / "台账.lxdb"
    assert paths.backups_dir(archive) == tmp_path / "桌面" / "备份"


def test_settings_follow_the_data_folder(program: Path, qapp) -> None:
    from PySide6.QtCore import QSettings

    from liangxin_desktop.ui.settings import app_settings

    (program / "数据").mkdir()
    settings = app_settings()
    settings.setValue("window/geometry", "x")
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(program / "数据" / "设置")
    bare = QSettings()  # what code that does not use app_settings() gets after start-up
    assert Path(bare.fileName()).is_relative_to(program / "数据" / "设置")
