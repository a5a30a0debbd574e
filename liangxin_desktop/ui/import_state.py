"""What the pages of the import wizard share, remembered while the clerk goes back and forth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from liangxin_desktop.importing import reading
from liangxin_desktop.importing.kinds import Importer
from liangxin_desktop.importing.plan import ImportPlan
from liangxin_desktop.storage.archive import Archive


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class ImportState:
    """The archive, the chosen register, file, sheet, header and mapping, and the rows left out.

    ``mapped_for`` names the (file, sheet, register) the mapping was made for: going back to
    the first page and forward again keeps the clerk's mapping unless one of them changed.
    """

    def __init__(self, archive: Archive, importer: Importer) -> None:
        self.archive = archive
        self.importer = importer
        self.path: Path | None = None
        self.sheet: reading.SheetData | None = None
        self.sheet_for: tuple[str, str] | None = None  # (file, sheet) that ``sheet`` was read from
        self.guessed: Importer | None = None  # the register the headers point to
        self.header_row = 0
        self.mapping: dict[int, str] = {}
        self.mapped_for: tuple[str, str, str] | None = None
        self.excluded: set[int] = set()  # Excel row numbers the clerk chose not to import
        self.plan: ImportPlan | None = None

    def source(self) -> tuple[str, str, str]:
        sheet = self.sheet.name if self.sheet else ""
        return (str(self.path or ""), sheet, self.importer.key)
