"""Drafts that could not be kept in their archive because its file can no longer be written
(the USB stick was pulled): kept in the app's data folder until that archive opens again.

They hold what the clerk typed (perhaps an ID number), like the archive itself: the folder is
the user's only, and each file is removed as soon as its draft is back in the archive, where
the next start offers it (恢复 / 丢弃) like any other draft.
"""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path
from typing import Any

from liangxin_desktop import paths
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.files import atomic_output, make_private
from liangxin_desktop.storage import drafts
from liangxin_desktop.storage.archive import Archive

log = logging.getLogger(__name__)


def rescue_dir() -> Path:
    return paths.data_dir() / "草稿"


def _archive_key(path: Path) -> str:
    return str(path.absolute())


def rescue_draft(
    archive_path: Path, register: str, record_id: int | None, label: str, values: dict[str, Any]
) -> Path:
    """Write one form's draft beside the app's data (never beside the archive: it is gone)."""
    folder = rescue_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_private(folder)
    key = drafts.draft_key(register, record_id).replace(":", "-")
    target = folder / f"{archive_path.stem}-{key}.json"
    content = {
        "archive": _archive_key(archive_path),
        "register": register,
        "record_id": record_id,
        "label": label,
        "values": values,
    }
    with atomic_output(target) as temp:
        temp.write_text(json.dumps(content, ensure_ascii=False, default=str), encoding="utf-8")
    make_private(target)
    return target


def take_back(archive: Archive) -> int:
    """Put this archive's rescued drafts into its drafts table; how many came back."""
    folder = rescue_dir()
    if archive.read_only or not folder.is_dir():
        return 0
    taken = 0
    for path in sorted(folder.glob("*.json")):
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, LiangxinError):
            content = json.loads(path.read_text(encoding="utf-8"))
            if content["archive"] != _archive_key(archive.path):
                continue
            drafts.save_draft(
                archive,
                str(content["register"]),
                content["record_id"],
                str(content["label"]),
                dict(content["values"]),
            )
            path.unlink()
            taken += 1
    if taken:
        log.info("%d rescued draft(s) taken back into the archive", taken)
    return taken
