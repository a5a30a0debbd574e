"""组织关系介绍信: printed with 存根, 介绍信 and 回执 sharing one number, read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers import member

from liangxin_desktop.output.pdf.books import render_books
from liangxin_desktop.output.pdf.transfer_letter import transfer_letter_book
from liangxin_desktop.storage import organization, people

TODAY = date(2026, 11, 28)


def test_the_letter_says_who_where_to_dues_and_validity(archive, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    organization.save_profile(archive, {"name": "中共某某科技有限公司支部委员会", "kind": "党支部"})
    person_id = people.add_member(archive, member(), today=TODAY)
    period_id = people.record_leave(
        archive,
        person_id,
        "转出",
        date(2026, 9, 1),
        "中共某某街道工作委员会",
        today=TODAY,
        out_letter_no="2026-007",
        letter_valid_until="2026-10-01",
        out_dues_paid_until="2026-09",
    )
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(render_books([transfer_letter_book(archive, period_id)]))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = text.replace("\n", "")
    assert "中国共产党党员组织关系介绍信（存根）" in text
    assert "回    执" in text or "回 执" in text
    assert text.count("第 2026-007 号") == 3  # 存根, 介绍信 and 回执 share the number
    assert "王秀英同志（女，76岁，汉族），系中共正式党员" in flat
    assert "由中共某某科技有限公司支部委员会转到中共某某街道工作委员会" in flat
    assert "党费已交到2026年9月" in flat and "有效期30天" in flat
    assert "2026年9月1日" in flat
