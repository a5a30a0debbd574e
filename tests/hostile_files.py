"""Hostile and malformed workbooks, crafted byte by byte from a good one (for the import tests).

Each maker takes the folder and returns the file; HOSTILE maps a file name to the words its
Chinese refusal must contain. Small files on disk: the harm is in what they claim.
"""

from __future__ import annotations

import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

_HEAD = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>公民身份号码</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>人员类别</t></is></c></row>'
)


def base_workbook(folder: Path) -> Path:
    path = folder / "base.xlsx"
    if not path.exists():
        book = openpyxl.Workbook()
        book.active.title = "名册"
        book.active.append(["姓名", "公民身份号码", "人员类别"])
        book.save(path)
    return path


def rezip(folder: Path, name: str, replace: dict[str, bytes]) -> Path:
    base = base_workbook(folder)
    target = folder / name
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
        for extra in set(replace) - set(old.namelist()):
            new.writestr(extra, replace[extra])
    return target


def _sheet(folder: Path) -> bytes:
    with zipfile.ZipFile(base_workbook(folder)) as book:
        return book.read("xl/worksheets/sheet1.xml")


def with_rows(folder: Path, name: str, rows: str, after: str = "") -> Path:
    """The good workbook with ``rows`` as its sheet data (and ``after`` it, e.g. merges)."""
    sheet = _sheet(folder)
    start, end = sheet.split(b"<sheetData")[0], sheet.split(b"</sheetData>")[-1]
    if b"</sheetData>" not in sheet:
        end = sheet.split(b"<sheetData/>")[1]
    body = f"<sheetData>{rows}</sheetData>{after}".encode()
    return rezip(folder, name, {"xl/worksheets/sheet1.xml": start + body + end})


def _far_cell(reference: str, quote: str = '"', space: str = "") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        cell = f'<c r{space}={space}{quote}{reference}{quote} t="inlineStr"><is><t>x</t></is></c>'
        return with_rows(folder, f"far-{reference}-{len(space)}.xlsx", _HEAD + f"<row>{cell}</row>")

    return make


def _huge_string_count(folder: Path) -> Path:
    sst = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" count="2000000000" uniqueCount="2000000000"><si><t>a</t></si></sst>'
    )
    return rezip(folder, "strings.xlsx", {"xl/sharedStrings.xml": sst})


def _no_sheets(folder: Path) -> Path:
    with zipfile.ZipFile(base_workbook(folder)) as book:
        workbook_xml = book.read("xl/workbook.xml")
    start, rest = workbook_xml.split(b"<sheets>")
    emptied = start + b"<sheets></sheets>" + rest.split(b"</sheets>")[1]
    return rezip(folder, "nosheets.xlsx", {"xl/workbook.xml": emptied})


def _patched(folder: Path, name: str, patch: Callable[[bytearray, zipfile.ZipInfo], None]) -> Path:
    base = base_workbook(folder)
    data = bytearray(base.read_bytes())
    with zipfile.ZipFile(base) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    patch(data, info)
    (folder / name).write_bytes(bytes(data))
    return folder / name


def _central_offsets(data: bytearray, wanted: bytes) -> list[int]:
    found, at = [], 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if not wanted or data[at + 46 : at + 46 + length] == wanted:
            found.append(at)
        at += 4
    return found


def _corrupt_deflate(folder: Path) -> Path:
    def patch(data: bytearray, info: zipfile.ZipInfo) -> None:
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for at in range(start + 5, start + 25):
            data[at] ^= 0x55

    return _patched(folder, "deflate.xlsx", patch)


def _unknown_method(folder: Path) -> Path:
    def patch(data: bytearray, info: zipfile.ZipInfo) -> None:
        data[info.header_offset + 8 : info.header_offset + 10] = struct.pack("<H", 99)
        for at in _central_offsets(data, info.filename.encode()):
            data[at + 10 : at + 12] = struct.pack("<H", 99)

    return _patched(folder, "method.xlsx", patch)


def _encrypted_zip(folder: Path) -> Path:
    def patch(data: bytearray, info: zipfile.ZipInfo) -> None:
        for at in _central_offsets(data, b""):
            data[at + 8] |= 1
        at = 0
        while (at := data.find(b"PK\x03\x04", at)) >= 0:
            data[at + 6] |= 1
            at += 4

    return _patched(folder, "aes.xlsx", patch)


def _duplicate_sheet_name(folder: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "名册"
    book.create_sheet("数据").append(["姓名", "公民身份号码"])
    book.save(folder / "two.xlsx")
    with zipfile.ZipFile(folder / "two.xlsx") as two:
        workbook_xml = two.read("xl/workbook.xml").replace("数据".encode(), "名册".encode())
        parts = {item.filename: two.read(item.filename) for item in two.infolist()}
    parts["xl/workbook.xml"] = workbook_xml
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"<sheetData/>",
        b'<sheetData><row r="900000"><c r="CV900000"><v>1</v></c></row></sheetData>',
    )
    with zipfile.ZipFile(folder / "dup.xlsx", "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return folder / "dup.xlsx"


def _overlapping_merges(folder: Path) -> Path:
    rows = _HEAD + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>v{r}</t></is></c></row>'
        for r in range(2, 2001)
    )
    merges = "".join(f'<mergeCell ref="A{2 + i % 1000}:C{902 + i % 1000}"/>' for i in range(80000))
    return with_rows(
        folder, "merged.xlsx", rows, f'<mergeCells count="80000">{merges}</mergeCells>'
    )


def _too_much_text(folder: Path) -> Path:
    """~290 MB of text that deflates 1:140 (under the zip-bomb ratio) into a 2 MB file,
    streamed into the zip so that making it costs the test little memory."""
    chance = random.Random(14)
    sheet = _sheet(folder)
    start, end = sheet.split(b"<sheetData")[0], sheet.split(b"<sheetData/>")[-1]
    target = folder / "text.xlsx"
    with (
        zipfile.ZipFile(base_workbook(folder)) as old,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for item in old.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                new.writestr(item.filename, old.read(item.filename))
        with new.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(start + b"<sheetData>" + _HEAD.encode())
            for r in range(2, 1600):
                piece = "".join(chance.choice("0123456789abcdef") for _ in range(600))
                cell = f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{piece * 300}</t></is></c></row>'
                part.write(cell.encode())
            part.write(b"</sheetData>" + end)
    return target


def _entity_reference(folder: Path) -> Path:
    return with_rows(folder, "entity.xlsx", _HEAD + '<row><c r="&#65;1"><v>1</v></c></row>')


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "XFD1048576 in single quotes": (_far_cell("XFD1048576", quote="'"), "1,048,576 行"),
    "CV900000 with spaces": (_far_cell("CV900000", space=" "), "900,000 行"),
    "an eight-digit row": (_far_cell("A12345678"), "12,345,678 行"),
    "lower-case letters": (_far_cell("zz5"), "列"),
    "an entity in a reference": (_entity_reference, "已损坏"),
    "uniqueCount of 2e9": (_huge_string_count, "2,000,000,000 个文字"),
    "no sheets": (_no_sheets, "没有工作表"),
    "corrupt deflate data": (_corrupt_deflate, "已损坏"),
    "unknown compression method": (_unknown_method, "已损坏"),
    "a zip with a password": (_encrypted_zip, "设置了打开密码"),
    "two sheets of one name": (_duplicate_sheet_name, "已损坏"),
    "80,000 overlapping merges": (_overlapping_merges, "合并单元格互相重叠"),
    "290 MB of text": (_too_much_text, "文字超过"),
}
