"""Checks made before a workbook is parsed: size, zip bombs, XML entity tricks, passwords.

Everything here reads at most a bounded number of bytes and never expands XML entities, so a
hostile file is refused quickly and in little memory. Each refusal is an ``ImportRefused``
with a plain Chinese sentence.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Sequence
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
# A cell's or a row's ``r`` attribute, however it is quoted or spaced (the reader accepts all):
# the value is checked separately, so that nothing the reader would place far away slips by.
_CELL_REF = re.compile(rb"<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ROW_REF = re.compile(rb"<(?:[\w.-]+:)?row\s[^>]*?\br\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CELL_VALUE = re.compile(rb"\s*([A-Za-z]{0,8})\s*([0-9]{1,9})\s*")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s/>]")
_MERGE_TAG = re.compile(rb"<(?:[\w.-]+:)?mergeCell[\s/>]")
_STRING_COUNT = re.compile(
    rb"<(?:[\w.-]+:)?sst\s[^>]*?\b(?:count|uniqueCount)\s*=\s*[\"']\s*([0-9]{1,20})"
)
_TAG = re.compile(rb"<[^>]*>")
MAX_MERGED = 100_000
# The text between the tags of the sheet read and of the shared strings, which the reader keeps
# in memory twice (its own strings, then Python's): a 100,000-row roster has well under this.
MAX_TEXT_BYTES = 100 * 1024 * 1024
# Reading errors of a damaged or unusual zip: bad deflate data, an unknown compression method.
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, KeyError, zlib.error, NotImplementedError)
_CHUNK = 4 * 1024 * 1024
_OVERLAP = 256
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class ImportRefused(LiangxinError):
    """The file cannot be imported at all (not a workbook, damaged, protected, too big)."""


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int
    merged: int = 0
    text: int = 0


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
        raise password_protected(path.name)


def password_protected(name: str) -> ImportRefused:
    return ImportRefused(
        f"文件“{name}”设置了打开密码，无法读取。",
        "请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，"
        "清空密码）后保存，再导入。",
    )


def check_xlsx(path: Path) -> zipfile.ZipFile:
    """Open the .xlsx as a zip after checking what it declares (sizes, ratios, entries,
    encryption, compression methods)."""
    try:
        archive = zipfile.ZipFile(path)
        entries = archive.infolist()
    except (*ZIP_ERRORS, ValueError):
        raise damaged(path.name) from None
    try:
        _check_entries(path.name, entries)
    except ImportRefused:
        archive.close()
        raise
    return archive


def _check_entries(name: str, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ZIP_ENTRIES:
        raise damaged(name)
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise password_protected(name)  # a zip with a password (ZipCrypto or AES)
    if any(
        entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for entry in entries
    ):
        raise damaged(name)  # Excel and WPS only ever store or deflate
    total = sum(entry.file_size for entry in entries)
    bomb = any(
        entry.file_size > 1024 * 1024
        and entry.file_size > MAX_PART_RATIO * max(entry.compress_size, 1)
        for entry in entries
    )
    if total > MAX_UNPACKED_BYTES or bomb:
        raise ImportRefused(
            f"文件“{name}”解压后异常巨大，可能是恶意构造的文件，已拒绝读取。",
            "如果这是正常的表格，请在 Excel 或 WPS 中删除多余的内容后另存为新文件再导入。",
        )


def _read_xml(archive: zipfile.ZipFile, name: str) -> Element:
    try:
        return SafeXml.fromstring(archive.read(name))
    except (DefusedXmlException, SafeXml.ParseError, RecursionError, *ZIP_ERRORS):
        raise damaged(Path(str(archive.filename)).name) from None


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part inside the .xlsx (read with DTDs and entities forbidden).

    A workbook without sheets, or with two sheets of one name (Excel allows neither, and the
    reader would read another sheet than the one measured), is refused as damaged.
    """
    book = _read_xml(archive, "xl/workbook.xml")
    rels = _read_xml(archive, "xl/_rels/workbook.xml.rels")
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts: dict[str, str] = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet"):
            target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            name = sheet.get("name", "")
            if name.casefold() in {known.casefold() for known in parts}:
                raise damaged(Path(str(archive.filename)).name)
            parts[name] = target
    if not parts:
        raise no_sheets(Path(str(archive.filename)).name)
    return parts


def no_sheets(name: str) -> ImportRefused:
    return ImportRefused(
        f"文件“{name}”中没有工作表。", "请用 Excel 或 WPS 打开它，确认其中有表格后再导入。"
    )


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


@dataclass
class _Measure:
    """What a sheet part places where, counted chunk by chunk."""

    rows: int = 0
    columns: int = 0
    row_tags: int = 0
    cell_tags: int = 0
    cells_with_ref: int = 0
    merged: int = 0
    text: int = 0

    def add(self, data: bytes, name: str) -> None:
        for quoted in _CELL_REF.findall(data):
            letters, number = _reference(b"".join(quoted), name)
            self.columns = max(self.columns, _column_number(letters))
            self.rows = max(self.rows, number)
            self.cells_with_ref += 1
        for quoted in _ROW_REF.findall(data):
            self.rows = max(self.rows, _reference(b"".join(quoted), name)[1])
        self.cell_tags += len(_CELL_TAG.findall(data))
        self.row_tags += len(_ROW_TAG.findall(data))
        self.merged += len(_MERGE_TAG.findall(data))
        self.text += len(_TAG.sub(b"", data))

    def extent(self) -> Extent:
        # Cells without a reference are placed one after another: count them as extra columns.
        extra = self.cell_tags - self.cells_with_ref
        return Extent(max(self.rows, self.row_tags), self.columns + extra, self.merged, self.text)


def _reference(value: bytes, name: str) -> tuple[bytes, int]:
    """A cell reference as the reader reads it (``A12``, `` cv900000 ``); anything else —
    entities, signs, absurdly long numbers — is refused: no workbook Excel writes has it."""
    match = _CELL_VALUE.fullmatch(value)
    if match is None:
        raise damaged(name)
    return match.group(1), int(match.group(2))


def scan_part(archive: zipfile.ZipFile, name: str) -> Extent:
    """Refuse DTDs/entities and absurd string counts in an XML part, and measure the range of
    cells it uses and the text it holds.

    Read as a stream in chunks (with an overlap so that no tag is cut), never parsed:
    the reader behind us allocates the whole used range, so it must be known first.
    """
    file_name = Path(str(archive.filename)).name
    measure = _Measure()
    tail = b""
    first = True
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                data = tail + chunk
                _check_chunk(data, file_name, first)
                first = False
                cut = data.rfind(b"<", 0, len(data) - _OVERLAP) if len(chunk) == _CHUNK else -1
                scanned = data[:cut] if cut > 0 else data
                measure.add(scanned, file_name)
                tail = data[len(scanned) :]
    except ZIP_ERRORS:
        raise damaged(file_name) from None
    return measure.extent()


def _check_chunk(data: bytes, file_name: str, first: bool) -> None:
    if _DTD.search(data):
        raise ImportRefused(
            "文件中含有不允许的 XML 声明（DOCTYPE/ENTITY），可能是恶意构造的文件，已拒绝读取。",
            "请在 Excel 或 WPS 中打开它并另存为新的 .xlsx 文件再导入。",
        )
    if first:  # the reader reserves room for as many shared strings as the part declares
        counts = [int(count) for count in _STRING_COUNT.findall(data[:4096])]
        if any(count > MAX_CELLS for count in counts):
            raise too_big(f"声明了 {max(counts):,} 个文字")


def check_extent(extent: Extent) -> None:
    if extent.rows > MAX_ROWS + 100:
        raise too_big(f"工作表有 {extent.rows:,} 行")
    if extent.columns > MAX_COLUMNS:
        raise too_big(f"工作表有 {extent.columns:,} 列")
    if extent.rows * extent.columns > MAX_CELLS:
        raise too_big(f"工作表的范围有 {extent.rows:,} 行 × {extent.columns:,} 列")
    if extent.merged > MAX_MERGED:
        raise too_big(f"工作表有 {extent.merged:,} 处合并单元格")
    if extent.text > MAX_TEXT_BYTES:
        raise too_big(f"表格中的文字超过 {MAX_TEXT_BYTES // 1024 // 1024} MB")


def check_merged(
    name: str, merged: Sequence[tuple[tuple[int, int], tuple[int, int]]], cells: int
) -> None:
    """Merged ranges of a sheet never overlap, so together they cover at most all its cells;
    ranges that claim more (each repeats its value in every cell it covers) are refused."""
    covered = 0
    for (top, left), (bottom, right) in merged:
        covered += max(bottom - top + 1, 0) * max(right - left + 1, 0)
        if covered > cells + len(merged):
            raise ImportRefused(
                f"文件“{name}”中的合并单元格互相重叠，文件已损坏。",
                "请在 Excel 或 WPS 中取消合并单元格，另存为新的 .xlsx 文件再导入。",
            )


def check_other_parts(archive: zipfile.ZipFile) -> int:
    """DTDs and entities are refused in every XML part, not only in the sheet we read; the
    bytes of text in them (the shared strings), which the reader keeps with the sheet's."""
    text = 0
    for entry in archive.infolist():
        if entry.filename.endswith((".xml", ".rels")) and "worksheets/" not in entry.filename:
            text += scan_part(archive, entry.filename).text
    return text
