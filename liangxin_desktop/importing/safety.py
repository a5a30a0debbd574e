"""Checks made before a workbook is parsed: size, zip bombs, XML entity tricks, passwords.

Everything here reads at most a bounded number of bytes and never expands XML entities, so a
hostile file is refused quickly and in little memory. Each refusal is an ``ImportRefused``
with a plain Chinese sentence.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeXml
from defusedxml.common import DefusedXmlException

from liangxin_desktop.errors import LiangxinError

MAX_FILE_BYTES = 60 * 1024 * 1024  # the file on disk
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # all parts of an .xlsx together, as the zip declares
MAX_PART_RATIO = 200  # uncompressed / compressed size of one large part
MAX_ZIP_ENTRIES = 5000
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELLS = 4_000_000  # rows × columns of the used range (the reader allocates all of it)
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?r=\"([A-Z]{1,3})([0-9]{1,7})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"([0-9]{1,7})\"")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s/>]")
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 256
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class ImportRefused(LiangxinError):
    """The file cannot be imported at all (not a workbook, damaged, protected, too big)."""


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int


def damaged(name: str) -> ImportRefused:
    return ImportRefused(
        f"文件“{name}”已损坏或不是 Excel 文件，无法读取。",
        "请用 Excel 或 WPS 打开它，确认内容完好后“另存为”Excel 工作簿（.xlsx）再导入。",
    )


def too_big(what: str) -> ImportRefused:
    return ImportRefused(
        f"文件太大：{what}。",
        f"一次最多导入 {MAX_ROWS:,} 行、{MAX_COLUMNS} 列。请把表格拆成几个文件分别导入。",
    )


def check_file(path: Path) -> bytes:
    """The first bytes of the file, after checking that it exists and is not too big."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        raise ImportRefused(
            f"无法打开文件“{path.name}”。", "请确认文件存在，并且没有被其他程序占用。"
        ) from None
    if size == 0:
        raise ImportRefused(f"文件“{path.name}”是空的。", "请选择有内容的 Excel 文件。")
    if size > MAX_FILE_BYTES:
        raise too_big(f"{size / 1024 / 1024:.0f} MB，超过 {MAX_FILE_BYTES // 1024 // 1024} MB")
    return head


def check_ole(path: Path) -> None:
    """An OLE (compound) file: a password-protected .xlsx, or an old .xls workbook."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES)
    if _ENCRYPTED_MARK in data:
        raise ImportRefused(
            f"文件“{path.name}”设置了打开密码，无法读取。",
            "请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，"
            "清空密码）后保存，再导入。",
        )


def check_xlsx(path: Path) -> zipfile.ZipFile:
    """Open the .xlsx as a zip after checking what it declares (sizes, ratios, entries)."""
    try:
        archive = zipfile.ZipFile(path)
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise damaged(path.name) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        archive.close()
        raise damaged(path.name)
    total = sum(entry.file_size for entry in entries)
    bomb = any(
        entry.file_size > 1024 * 1024
        and entry.file_size > MAX_PART_RATIO * max(entry.compress_size, 1)
        for entry in entries
    )
    if total > MAX_UNPACKED_BYTES or bomb:
        archive.close()
        raise ImportRefused(
            f"文件“{path.name}”解压后异常巨大，可能是恶意构造的文件，已拒绝读取。",
            "如果这是正常的表格，请在 Excel 或 WPS 中删除多余的内容后另存为新文件再导入。",
        )
    return archive


def _read_xml(archive: zipfile.ZipFile, name: str) -> Element:
    try:
        return SafeXml.fromstring(archive.read(name))
    except (DefusedXmlException, SafeXml.ParseError, KeyError, zipfile.BadZipFile):
        raise damaged(Path(str(archive.filename)).name) from None


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part inside the .xlsx (read with DTDs and entities forbidden)."""
    book = _read_xml(archive, "xl/workbook.xml")
    rels = _read_xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet"):
            target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            parts[sheet.get("name", "")] = target
    return parts


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def scan_part(archive: zipfile.ZipFile, name: str) -> Extent:
    """Refuse DTDs/entities in an XML part and measure the range of cells it uses.

    Read as a stream in chunks (with an overlap so that no tag is cut), never parsed:
    the reader behind us allocates the whole used range, so it must be known first.
    """
    rows = row_tags = cell_tags = cells_with_ref = 0
    letters: set[bytes] = set()
    tail = b""
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                data = tail + chunk
                if _DTD.search(data):
                    raise ImportRefused(
                        "文件中含有不允许的 XML 声明（DOCTYPE/ENTITY），可能是恶意构造的文件，已拒绝读取。",
                        "请在 Excel 或 WPS 中打开它并另存为新的 .xlsx 文件再导入。",
                    )
                cut = data.rfind(b"<", 0, len(data) - _OVERLAP) if len(chunk) == _CHUNK else -1
                scanned = data[:cut] if cut > 0 else data
                refs = _CELL_REF.findall(scanned)
                cells_with_ref += len(refs)
                letters.update(column for column, _row in refs)
                numbers = _ROW_REF.findall(scanned) + [number for _column, number in refs[-1:]]
                rows = max([rows, *map(int, numbers)])
                cell_tags += len(_CELL_TAG.findall(scanned))
                row_tags += len(_ROW_TAG.findall(scanned))
                tail = data[len(scanned) :]
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        raise damaged(Path(str(archive.filename)).name) from None
    columns = max((_column_number(column) for column in letters), default=0)
    # Cells without a reference are placed one after another: count them as extra columns.
    return Extent(max(rows, row_tags), columns + (cell_tags - cells_with_ref))


def check_extent(extent: Extent) -> None:
    if extent.rows > MAX_ROWS + 100:
        raise too_big(f"工作表有 {extent.rows:,} 行")
    if extent.columns > MAX_COLUMNS:
        raise too_big(f"工作表有 {extent.columns:,} 列")
    if extent.rows * extent.columns > MAX_CELLS:
        raise too_big(f"工作表的范围有 {extent.rows:,} 行 × {extent.columns:,} 列")


def check_other_parts(archive: zipfile.ZipFile) -> None:
    """DTDs and entities are refused in every XML part, not only in the sheet we read."""
    for entry in archive.infolist():
        if entry.filename.endswith((".xml", ".rels")) and "worksheets/" not in entry.filename:
            scan_part(archive, entry.filename)
