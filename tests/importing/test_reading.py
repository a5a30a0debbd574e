"""Reading files safely: CSV encodings, old .xls, and hostile or broken files refused quickly."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from helpers import VALID_ID
from import_helpers import dump, workbook

from liangxin_desktop.importing import safety
from liangxin_desktop.importing.reading import read_sheet, sheet_names
from liangxin_desktop.importing.runner import import_file
from liangxin_desktop.importing.safety import ImportRefused

TODAY = date(2026, 11, 28)
CSV_TEXT = "姓名,身份证号,人员类别,入党时间\n王秀英,11010519491231002x,正式党员,1975年7月1日\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_with_or_without_bom_and_gbk(archive, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    assert read_sheet(path).rows[0][0] == "姓名"
    plan = import_file(archive, "members", path, dry_run=False, today=TODAY)
    assert plan.ok, [p.text() for p in plan.problems]
    assert archive.db.execute("SELECT id_number, joined_on FROM people").fetchall() == [
        (VALID_ID, "1975-07-01")
    ]


def test_csv_with_an_id_damaged_by_excel_is_refused(archive, tmp_path: Path) -> None:
    path = tmp_path / "坏.csv"
    path.write_text("姓名,身份证号,人员类别,入党时间\n王秀英,1.10105E+17,正式党员,1975-07-01\n")
    plan = import_file(archive, "members", path, today=TODAY)
    assert plan.errors[0].row == 2 and "15 位有效数字" in plan.errors[0].message


def test_hidden_sheets_are_not_offered_and_a_sheet_is_chosen_by_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.create_sheet("数据").append(["姓名"])
    book.create_sheet("隐藏").sheet_state = "hidden"
    book.save(tmp_path / "b.xlsx")
    assert sheet_names(tmp_path / "b.xlsx") == ["说明", "数据"]
    assert read_sheet(tmp_path / "b.xlsx", "数据").rows == [["姓名"]]
    with pytest.raises(ImportRefused, match="没有名为“别的”"):
        read_sheet(tmp_path / "b.xlsx", "别的")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to make an .xls")
def test_old_xls_workbooks_are_read(archive, tmp_path: Path) -> None:
    source = workbook(
        tmp_path / "旧.xlsx",
        [
            ["姓名", "身份证号", "人员类别", "入党时间"],
            ["王秀英", VALID_ID, "正式党员", date(1975, 7, 1)],
        ],
    )
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    plan = import_file(archive, "members", tmp_path / "旧.xls", dry_run=False, today=TODAY)
    assert (
        plan.ok and archive.db.execute("SELECT joined_on FROM people").fetchone()[0] == "1975-07-01"
    )


def _refused(archive, path: Path, match: str) -> None:
    before = dump(archive)
    with pytest.raises(ImportRefused, match=match):
        import_file(archive, "members", path, dry_run=False, today=TODAY)
    assert dump(archive) == before


def test_wrong_kind_empty_truncated_and_not_a_workbook(archive, tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    _refused(archive, tmp_path / "a.docx", "只支持 Excel 工作簿")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    _refused(archive, tmp_path / "empty.xlsx", "是空的")
    whole = workbook(
        tmp_path / "whole.xlsx", [["姓名", "身份证号"], ["王秀英", VALID_ID]]
    ).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(whole[: len(whole) // 2])
    _refused(archive, tmp_path / "cut.xlsx", "已损坏")
    (tmp_path / "text.xlsx").write_text("姓名,身份证号")
    _refused(archive, tmp_path / "text.xlsx", "已损坏")


def test_password_protected_workbook_is_refused(archive, tmp_path: Path) -> None:
    ole = bytearray(safety.OLE_SIGNATURE + bytes(504))
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(1000)
    (tmp_path / "密码.xlsx").write_bytes(bytes(ole))
    _refused(archive, tmp_path / "密码.xlsx", "设置了打开密码")


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
        for name in set(replace) - set(old.namelist()):
            new.writestr(name, replace[name])
    return target


def test_zip_bomb_is_refused_from_the_declared_sizes(archive, tmp_path: Path) -> None:
    source = workbook(tmp_path / "s.xlsx", [["姓名", "身份证号"], ["王秀英", VALID_ID]])
    bomb = b"<x>" + b" " * (80 * 1024 * 1024) + b"</x>"
    _rezip(source, tmp_path / "bomb.xlsx", {"xl/sharedStrings.xml": bomb})
    assert (tmp_path / "bomb.xlsx").stat().st_size < 1024 * 1024
    _refused(archive, tmp_path / "bomb.xlsx", "解压后异常巨大")


def test_xml_entities_are_refused(archive, tmp_path: Path) -> None:
    source = workbook(tmp_path / "s.xlsx", [["姓名", "身份证号"], ["王秀英", VALID_ID]])
    with zipfile.ZipFile(source) as old:
        sheet = old.read("xl/worksheets/sheet1.xml")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
    )
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    hostile = laughs + body.replace(b"</worksheet>", b"<!-- &lol2; --></worksheet>")
    _rezip(source, tmp_path / "xxe.xlsx", {"xl/worksheets/sheet1.xml": hostile})
    _refused(archive, tmp_path / "xxe.xlsx", "DOCTYPE/ENTITY")


def test_a_huge_used_range_is_refused_before_reading(archive, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号"])
    book.active.cell(row=900_000, column=1, value="远处的一格")
    book.save(tmp_path / "huge.xlsx")
    _refused(archive, tmp_path / "huge.xlsx", "900,000 行")
    wide = openpyxl.Workbook()
    wide.active.cell(row=1, column=16000, value="x")
    wide.save(tmp_path / "wide.xlsx")
    _refused(archive, tmp_path / "wide.xlsx", "16,000 列")
