"""Round trip: every importable register exported, imported into a fresh archive, exported again.

The two exports are compared cell by cell, so every column that Excel shows survives. The
demo archive is built without leavers: a roster export holds the current members only, and
meetings and dues of someone who left cannot name a member of the new archive.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from liangxin_desktop import demo
from liangxin_desktop.catalog.registers import REGISTERS
from liangxin_desktop.importing.runner import IMPORTERS, import_file
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.storage import import_batches
from liangxin_desktop.storage.archive import open_archive
from liangxin_desktop.storage.queries import RowFilter

TODAY = date(2026, 11, 28)
ORDER = [
    "members",
    "activists",
    "dues",
    *(k for k in IMPORTERS if k not in ("members", "activists", "dues")),
]


def _cells(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def _export(archive, key: str, path: Path) -> list[list[object]]:
    export_workbook(archive, [REGISTERS[key]], path, row_filter=RowFilter(year=2026), as_of=TODAY)
    return _cells(path)


@pytest.mark.slow
def test_every_importable_register_survives_a_round_trip(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(demo, "_some_leave", lambda *args: None)
    source = open_archive(tmp_path / "source.lxdb")
    target = open_archive(tmp_path / "target.lxdb")
    try:
        demo.build_demo(source, demo.DemoSpec(seed=5, members=30, today=TODAY))
        assert set(ORDER) == set(IMPORTERS) and len(ORDER) == 12
        for key in ORDER:
            exported = _export(source, key, tmp_path / f"{key}.xlsx")
            assert len(exported) > 1, key
            plan = import_file(
                target, key, tmp_path / f"{key}.xlsx", dry_run=False, today=TODAY,
                options={"year": 2026},
            )  # fmt: skip
            assert plan.ok, (key, [p.text() for p in plan.errors[:3]])
            assert _export(target, key, tmp_path / f"{key}-again.xlsx") == exported, key
        count = (
            "SELECT status, count(*) FROM meeting_attendance JOIN meetings ON meetings.id = "
            "meeting_id WHERE meeting_date LIKE '2026-%' GROUP BY status ORDER BY status"
        )
        assert target.db.execute(count).fetchall() == source.db.execute(count).fetchall()
        assert import_batches.last_batch(target).register == "outgoing_documents"
    finally:
        source.close()
        target.close()
