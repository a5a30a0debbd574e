"""文件 → 操作记录: records named by their labels, fields by their Chinese labels, no personal
values; filtered by date and register; printed through the preview, exported, in the bundle."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from helpers import LONG_WAIT_MS, VALID_ID, member, when_dialog_opens
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from liangxin_desktop.bundle import making
from liangxin_desktop.bundle.manifest import AUDIT_LOG_NAME, MANIFEST_NAME, README_NAME
from liangxin_desktop.catalog.meetings import COMMITTEE_MEETINGS
from liangxin_desktop.storage import people, records
from liangxin_desktop.storage.audit_view import audit_entries
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.audit_dialog import AuditDialog
from liangxin_desktop.ui.main_window import MainWindow
from liangxin_desktop.ui.print_preview import PrintPreviewDialog

PHONE = "13912345678"


def _meeting() -> dict[str, object]:
    return {
        "meeting_date": "2026-03-15",
        "kind": "支部党员大会",
        "topic": "学习党章",
        "host": "李明",
        "recorder": "王芳",
        "content": "学习了党章第一章。",
    }


def _fill(archive) -> int:
    person_id = people.add_member(archive, member(), date(2026, 11, 28))
    people.update_member(archive, person_id, dict(member(), phone=PHONE), date(2026, 11, 28))
    records.add_record(archive, COMMITTEE_MEETINGS, _meeting(), date(2026, 11, 28))
    return person_id


def _all_text(entries) -> str:
    return "\n".join(" ".join(e.as_row().values()) for e in entries)


def test_entries_name_records_and_fields_but_no_personal_values(archive) -> None:
    _fill(archive)
    entries = audit_entries(archive)
    lines = {(e.register, e.record, e.action, e.fields) for e in entries}
    assert ("党组织会议记录簿", "2026-03-15 支部党员大会", "新增会议", "") in lines
    assert ("党员花名册", "王秀英", "修改党员", "联系电话") in lines
    text = _all_text(entries)
    assert PHONE not in text and VALID_ID not in text and "phone" not in text


def test_the_log_is_filtered_by_register_and_date(archive) -> None:
    _fill(archive)
    archive.db.execute(
        "UPDATE audit_log SET at = '2025-06-01T10:00:00' WHERE table_name = 'people'"
    )
    assert {e.register for e in audit_entries(archive, register_title="党员花名册")} == {
        "党员花名册"
    }
    this_year = audit_entries(archive, date(2026, 1, 1), date(2099, 12, 31))
    assert this_year and all(e.register != "党员花名册" for e in this_year)
    old = audit_entries(archive, date(2025, 6, 1), date(2025, 6, 1))
    assert len(old) == 2 and {e.at for e in old} == {"2025-06-01 10:00:00"}


def test_the_dialog_from_the_menu_shows_prints_and_exports(qtbot, archive, tmp_path, monkeypatch):
    make_application()
    _fill(archive)
    window = MainWindow(archive)
    qtbot.addWidget(window)
    seen: dict[str, object] = {}

    def look_at_preview(preview: PrintPreviewDialog) -> None:
        qtbot.waitUntil(lambda: preview.document.pageCount() > 0, timeout=LONG_WAIT_MS)
        seen["pdf"] = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf)).pages)
        preview.reject()

    def use(dialog: AuditDialog) -> None:
        dialog.start.setDate(dialog.start.date().addYears(-1))
        dialog.end.setDate(dialog.end.date().addYears(1))
        dialog.register.setCurrentText("党组织会议记录簿")
        seen["rows"] = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
        seen["summary"] = dialog.summary.text()
        failures.extend(when_dialog_opens(qtbot, PrintPreviewDialog, look_at_preview))
        dialog.print_preview()
        target = tmp_path / "操作记录.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        dialog.export()
        seen["xlsx"] = [list(r) for r in load_workbook(target).active.iter_rows(values_only=True)]
        dialog.accept()

    failures = when_dialog_opens(qtbot, AuditDialog, use)
    window.audit_action.trigger()
    assert failures == []
    assert seen["rows"] == ["2026-03-15 支部党员大会"] and seen["summary"] == "共 1 条操作"
    assert "操作记录" in seen["pdf"] and "2026-03-15 支部党员大会" in seen["pdf"]
    assert seen["xlsx"][0] == ["时间", "台账", "记录", "操作", "涉及栏目"]
    assert seen["xlsx"][1][1:4] == ["党组织会议记录簿", "2026-03-15 支部党员大会", "新增会议"]


def test_the_bundle_holds_the_years_log_listed_in_manifest_and_readme(archive, tmp_path) -> None:
    _fill(archive)
    archive.db.execute("UPDATE audit_log SET at = '2026-05-01T09:00:00'")
    result = making.make_bundle(
        archive, tmp_path / "移交包.zip", year=2026, today=date(2026, 11, 28)
    )
    assert result.ok
    with zipfile.ZipFile(tmp_path / "移交包.zip") as bundle:
        assert AUDIT_LOG_NAME in bundle.read(MANIFEST_NAME).decode("utf-8")
        assert AUDIT_LOG_NAME in bundle.read(README_NAME).decode("utf-8-sig")
        pdf = PdfReader(io.BytesIO(bundle.read(AUDIT_LOG_NAME)))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "2026年度，共 3 条操作" in text.replace("\n", "")
    assert "2026-03-15 支部党员大会" in text and PHONE not in text and VALID_ID not in text
