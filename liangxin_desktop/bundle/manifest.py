"""What a bundle holds: file names, the manifest (JSON, for the app) and 说明.txt (for people).

The manifest lists every file with its size and SHA-256, the record count of every register,
the organization, the year and the program that made it. 说明.txt says the same in plain
Chinese for a superior who does not have the app, and is the only file never encrypted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from liangxin_desktop import APP_NAME, __version__
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.errors import BundleError
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.attendance import attendance_matrix
from liangxin_desktop.storage.dues import dues_grid

FORMAT = "liangxin-handover-bundle"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
README_NAME = "说明.txt"
DATABASE_NAME = "数据库/台账.lxdb"
VOLUMES_FOLDER = "分册"
AUDIT_LOG_NAME = "操作记录.pdf"
_CHUNK = 1 << 20


def whole_pdf_name(year: int) -> str:
    return f"全部台账-{year}年度.pdf"


def workbook_name(year: int) -> str:
    return f"全部台账-{year}年度.xlsx"


def volume_name(number: int, register: Register) -> str:
    return f"{VOLUMES_FOLDER}/{number:02d}-{register.title}.pdf"


@dataclass(frozen=True)
class RegisterCount:
    key: str
    title: str
    count: int
    unit: str


def register_counts(
    archive: Archive, registers: Sequence[Register], year: int, as_of: date
) -> list[RegisterCount]:
    """Rows of each register as printed in the bundle: books of ``year``, rosters as of ``as_of``."""
    row_filter = queries.RowFilter(as_of=as_of, year=year)
    counts = []
    for register in registers:
        if register.derived == "attendance":
            count, unit = len(attendance_matrix(archive, year).meetings), "次会议"
        elif register.derived == "dues":
            count, unit = len(dues_grid(archive, year)), register.count_unit + "党员"
        else:
            count, unit = queries.count(archive, register, row_filter), register.count_unit
        counts.append(RegisterCount(register.key, register.title, count, unit))
    return counts


def sha256_of(stream: BinaryIO) -> tuple[str, int]:
    """SHA-256 (hex) and size of everything left in ``stream``."""
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def file_entry(name: str, path: Path, role: str) -> dict[str, Any]:
    with path.open("rb") as stream:
        digest, size = sha256_of(stream)
    return {"path": name, "role": role, "size": size, "sha256": digest}


@dataclass(frozen=True)
class BundleFacts:
    """What the manifest and 说明 say about the bundle besides its files."""

    organization: str
    year: int
    as_of: date
    generated_at: datetime
    schema_version: int
    encrypted: bool
    counts: tuple[RegisterCount, ...]


def manifest_json(facts: BundleFacts, files: Sequence[dict[str, Any]]) -> bytes:
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app": APP_NAME,
        "app_version": __version__,
        "schema_version": facts.schema_version,
        "organization": facts.organization,
        "year": facts.year,
        "as_of": facts.as_of.isoformat(),
        "generated_at": facts.generated_at.isoformat(timespec="seconds"),
        "encrypted": facts.encrypted,
        "database": DATABASE_NAME,
        "registers": [
            {"key": c.key, "title": c.title, "count": c.count, "unit": c.unit} for c in facts.counts
        ],
        "files": list(files),
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def parse_manifest(data: bytes) -> dict[str, Any]:
    """The manifest as a dict, or BundleError when it is not one of ours, exactly as we write it.

    Its shape is checked before anything reads it: every field of the right type, dates that
    are dates, and the files named at the fixed paths a bundle has, the database among them.
    """
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(
            "移交包中的文件清单（manifest.json）无法识别：这不是本程序生成的移交包，或已被人改动。",
            "请向移交人索取原始移交包。",
        )
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BundleError(
            "这个移交包是由更新版本的程序生成的，当前程序无法核对。", "请安装最新版本后再试。"
        )
    if not _well_formed(manifest):
        raise BundleError("这不是本程序生成的移交包，或已被人改动。", "请向移交人索取原始移交包。")
    return manifest


_FIELDS: dict[str, type] = {
    "app": str,
    "app_version": str,
    "schema_version": int,
    "organization": str,
    "year": int,
    "as_of": str,
    "generated_at": str,
    "encrypted": bool,
    "database": str,
    "registers": list,
    "files": list,
}
_HEX = frozenset("0123456789abcdef")


def _well_formed(manifest: dict[str, Any]) -> bool:
    typed = all(_typed(manifest.get(key), kind) for key, kind in _FIELDS.items())
    if not typed or not 1900 <= manifest["year"] <= 2200:
        return False
    try:
        date.fromisoformat(manifest["as_of"])
        datetime.fromisoformat(manifest["generated_at"])
    except ValueError:
        return False
    return _registers_well_formed(manifest["registers"]) and _files_well_formed(manifest)


def _typed(value: Any, kind: type) -> bool:
    """``True`` is an int to Python, not to a manifest."""
    if kind is bool:
        return isinstance(value, bool)
    return isinstance(value, kind) and not isinstance(value, bool)


def _registers_well_formed(registers: list[Any]) -> bool:
    from liangxin_desktop.catalog.registers import REGISTERS

    return all(
        isinstance(row, dict)
        and row.get("key") in REGISTERS
        and isinstance(row.get("title"), str)
        and isinstance(row.get("unit"), str)
        and _count(row.get("count"))
        for row in registers
    )


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _files_well_formed(manifest: dict[str, Any]) -> bool:
    """Each file once, at one of the fixed paths; the database listed, at its one place."""
    files = manifest["files"]
    if not all(
        isinstance(item, dict)
        and isinstance(item.get("path"), str)
        and isinstance(item.get("role"), str)
        and _count(item.get("size"))
        and isinstance(item.get("sha256"), str)
        and len(item["sha256"]) == 64
        and set(item["sha256"]) <= _HEX
        for item in files
    ):
        return False
    names = [item["path"] for item in files]
    allowed = fixed_names(manifest["year"])
    return (
        len(set(names)) == len(names)
        and all(name in allowed for name in names)
        and manifest["database"] == DATABASE_NAME
        and DATABASE_NAME in names
    )


def fixed_names(year: int) -> frozenset[str]:
    """Every path a bundle of ``year`` may hold (the manifest itself aside)."""
    from liangxin_desktop.catalog.registers import REGISTERS

    volumes = {
        volume_name(number, register)
        for register in REGISTERS.values()
        for number in range(1, len(REGISTERS) + 1)
    }
    return frozenset(
        {
            README_NAME,
            DATABASE_NAME,
            AUDIT_LOG_NAME,
            whole_pdf_name(year),
            workbook_name(year),
            *volumes,
        }
    )


_README_FILES = (
    ("{whole_pdf}", "全部台账的打印文件（PDF），用任何 PDF 阅读器打开即可阅读、打印"),
    ("{workbook}", "全部台账的 Excel 表格，每本台账一个工作表，可用 Excel 或 WPS 打开"),
    (VOLUMES_FOLDER + "/", "每本台账单独的 PDF 文件，便于单独打印"),
    (AUDIT_LOG_NAME, "本年度的操作记录：何时对哪本台账的哪条记录做了什么修改（不含个人信息）"),
    (
        DATABASE_NAME,
        f"台账数据，供“{APP_NAME}”程序核对、浏览和汇总（在程序中选择“文件 → 打开移交包”）",
    ),
    (MANIFEST_NAME, "文件清单和校验值，供程序自动核对"),
    (README_NAME, "本说明"),
)


def _trust_lines(facts: BundleFacts, files: Sequence[dict[str, Any]]) -> list[str]:
    """What the checksums prove and what they cannot: the manifest is a list, not a signature."""
    database = next((f["sha256"] for f in files if f["path"] == DATABASE_NAME), "")
    lines = [
        "",
        "校验值能证明什么、不能证明什么：",
        "  能证明：文件在复制、传递中没有损坏，也没有被人随手改动（改动后校验值对不上，"
        "程序打开时会警告）。",
        "  不能证明：这个移交包是谁制作的。文件清单没有数字签名，懂行的人可以改动文件后"
        "重新计算校验值，连同清单和本说明一起改写。",
        "  所以：请当面或通过可靠的渠道从移交人手中接收；有疑问时，请打电话向移交人核对"
        f"“{DATABASE_NAME}”校验值的前 8 位（{database[:8]}）。",
    ]
    if facts.encrypted:
        lines.append(
            "  加密的移交包：不知道密码的人改动其中任何文件都会被发现；知道密码的人仍然可以。"
        )
    return lines


def readme_text(facts: BundleFacts, files: Sequence[dict[str, Any]]) -> str:
    """说明.txt: plain Chinese for a superior without the app (Windows line ends, with a BOM)."""
    stamp = facts.generated_at
    lines = [
        f"{APP_NAME} 移交包说明",
        "",
        f"党组织：{facts.organization}",
        f"年度：{facts.year}年度（花名册为{format_cn_date(facts.as_of)}的情况）",
        f"生成时间：{format_cn_date(stamp.date())} {stamp:%H:%M}",
        f"生成程序：{APP_NAME} {__version__}",
        "",
        "本移交包包含：",
    ]
    names = {"whole_pdf": whole_pdf_name(facts.year), "workbook": workbook_name(facts.year)}
    lines += [f"  {name.format(**names)}　—　{text}；" for name, text in _README_FILES]
    lines += ["", "各台账记录数："]
    lines += [f"  {c.title}：{c.count} {c.unit}" for c in facts.counts]
    lines += ["", "文件校验值（SHA-256）："]
    lines += [f"  {f['sha256']}  {f['path']}" for f in files]
    lines += [
        "",
        f"要确认文件没有被改动，请在“{APP_NAME}”程序中选择“文件 → 打开移交包”（打开时自动校验），"
        "或用任意 SHA-256 工具计算文件的校验值，与上面的数值比对。",
        *_trust_lines(facts, files),
    ]
    if facts.encrypted:
        lines += [
            "",
            "本移交包已加密（AES-256）：除本说明外，其他文件都需要密码才能打开。",
            "请用 7-Zip、WinRAR 或 Bandizip 打开压缩包，输入密码后解压"
            "（Windows 自带的“解压缩”打不开加密的压缩包）。",
            "密码由移交人另行告知（当面或电话），不随U盘一起传递。",
        ]
    lines += [
        "",
        "移交包中有党员的身份证号码、联系电话等个人信息，请妥善保管，不要随意复制或传播。",
    ]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"
