"""The archive file goes away while it is open: the next write is refused, nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from liangxin_desktop.errors import ArchiveError, ArchiveUnwritable
from liangxin_desktop.storage import organization

PROFILE = {"name": "中共测试科技有限公司支部委员会", "kind": "党支部"}


@pytest.mark.parametrize("how", ["removed", "replaced", "read_only"])
def test_a_write_after_the_file_went_away_is_refused(archive, tmp_path: Path, how) -> None:
    calls: list[str] = []
    archive.on_unwritable = lambda: calls.append("told")
    path = archive.path
    if how == "removed":
        os.replace(path, tmp_path / "elsewhere.lxdb")
    elif how == "replaced":  # a copy put back in its place: another file now
        shutil.copy(path, tmp_path / "copy.lxdb")
        os.replace(tmp_path / "copy.lxdb", path)
    else:
        path.chmod(0o444)
    with pytest.raises(ArchiveUnwritable, match="台账文件已经不能写入"):
        organization.save_profile(archive, PROFILE)
    assert archive.read_only and calls == ["told"]
    with pytest.raises(ArchiveError, match="只读方式"):  # from then on: read-only, told once
        organization.save_profile(archive, PROFILE)
    assert calls == ["told"]
    assert organization.get_organization(archive) is None  # nothing was written


def test_a_file_still_in_place_is_written(archive) -> None:
    organization.save_profile(archive, PROFILE)
    assert not archive.read_only and organization.get_organization(archive) is not None
