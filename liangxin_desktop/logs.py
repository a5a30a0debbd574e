"""Logging, configured once: a rotating file in the log folder. Never log ID numbers, phones or names."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from liangxin_desktop import paths


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to ``app.log`` (1 MB × 5); returns its path, or None when the folder is not writable."""
    folder = folder or paths.logs_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "app.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    return folder / "app.log"
