"""Logging, configured once: a rotating file in the log folder. Never log ID numbers, phones or names."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from liangxin_desktop import paths
from liangxin_desktop.files import make_private


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to ``app.log`` (1 MB × 5); returns its path, or None when the folder is not writable."""
    folder = folder or paths.logs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(
            folder / "app.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    for own in (folder, *folder.glob("app.log*")):
        make_private(own)  # logs written before the app kept its files private
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    return folder / "app.log"
