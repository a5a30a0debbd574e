"""公示用 in the print preview: the roster is printed with ID numbers as 3301**********1234."""

from __future__ import annotations

import io

from helpers import LONG_WAIT_MS
from pypdf import PdfReader

from liangxin_desktop.catalog import get_register
from liangxin_desktop.domain.idnumber import mask_id_number
from liangxin_desktop.ui.application import make_application
from liangxin_desktop.ui.print_preview import PrintPreviewDialog, registers_job


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_public_printing_masks_every_id_number(qtbot, demo_archive) -> None:
    make_application()
    members = get_register("members")
    dialog = PrintPreviewDialog(demo_archive, registers_job([members], members.title), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=LONG_WAIT_MS)
    numbers = [n for (n,) in demo_archive.db.execute("SELECT id_number FROM people") if n]
    shown = _text(dialog.pdf)
    assert numbers and any(n in shown for n in numbers)  # the full book shows them
    before = dialog.pdf
    dialog.public.click()
    qtbot.waitUntil(lambda: dialog.pdf != before and bool(dialog.pdf), timeout=LONG_WAIT_MS)
    public = _text(dialog.pdf)
    assert not any(n in public for n in numbers)
    assert sum(mask_id_number(n) in public for n in numbers) >= len(numbers) // 2
