"""What every output job shares: the progress callback and the shape of a register writer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from liangxin_desktop.errors import Cancelled

if TYPE_CHECKING:
    from liangxin_desktop.catalog.register import Register
    from liangxin_desktop.storage.archive import Archive
    from liangxin_desktop.storage.queries import RowFilter

# A long job reports (done, total); it raises Cancelled to stop the job.
Progress = Callable[[int, int], None]


class WriteRegisters(Protocol):
    """The shape shared by the Excel export and printing, so callers can use either."""

    def __call__(
        self,
        archive: Archive,
        registers: Sequence[Register],
        target: Path,
        *,
        row_filter: RowFilter | None = None,
        as_of: date | None = None,
        progress: Progress = ...,
    ) -> Path: ...


def no_progress(done: int, total: int) -> None:
    """The progress callback of jobs nobody watches."""


__all__ = [
    "Cancelled",
    "Progress",
    "WriteRegisters",
    "no_progress",
]
