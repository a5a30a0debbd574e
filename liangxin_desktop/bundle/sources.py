"""Reading a bundle's files safely, from a zip (plain or AES) or a folder, without extracting.

Entries are checked before anything is read: names that would escape a folder (absolute
paths, drive letters, ``..``, backslashes, links) are refused, and so are sizes or
compression ratios no real bundle has (zip bombs). Contents are streamed into a hash or into
memory, never written to disk.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

import pyzipper

from liangxin_desktop.bundle.manifest import MANIFEST_NAME
from liangxin_desktop.errors import BundleError

MAX_ENTRIES = 1000
MAX_ENTRY_BYTES = 4 << 30  # one file (the database with its photos is the largest)
MAX_TOTAL_BYTES = 8 << 30
MAX_RATIO = 200  # uncompressed / compressed, for entries above RATIO_FLOOR
RATIO_FLOOR = 16 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 20

# What reading a damaged zip raises (pyzipper has a BadZipFile class of its own).
ZIP_ERRORS = (zipfile.BadZipFile, pyzipper.BadZipFile, EOFError, zlib.error)
_DAMAGED_ADVICE = "请向移交人重新索取移交包（U盘拔出前是否点了“安全弹出”？）。"


class PasswordNeeded(BundleError):
    """The bundle is encrypted and no password was given."""


class WrongPassword(BundleError):
    """The password given does not open the bundle."""


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    encrypted: bool


def check_name(name: str) -> None:
    """Refuse an entry name that could land outside the folder it is extracted into."""
    parts = PurePosixPath(name).parts
    unsafe = (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or bool(_DRIVE.match(name))
        or any(part in ("..", ".") for part in parts)
    )
    if unsafe:
        raise BundleError(
            f"移交包中有一个不安全的文件名“{name}”（指向文件夹以外的位置），已拒绝打开。",
            "这不是本程序生成的移交包，或已被人改动，请不要解压它，并向移交人核实。",
        )


def _check_sizes(entries: list[tuple[str, int, int]]) -> None:
    """(name, size, compressed size) of every entry: refuse counts, sizes and ratios beyond bounds."""
    if len(entries) > MAX_ENTRIES:
        raise BundleError(
            f"移交包中的文件太多（{len(entries)} 个），不像是本程序生成的移交包，已拒绝打开。"
        )
    total = 0
    for name, size, compressed in entries:
        ratio_too_high = size > RATIO_FLOOR and size > MAX_RATIO * max(compressed, 1)
        if size > MAX_ENTRY_BYTES or ratio_too_high:
            raise BundleError(
                f"移交包中的文件“{name}”异常巨大（{size // (1 << 20)} MB），已拒绝打开。",
                "这不是本程序生成的移交包，或已被人改动，请向移交人核实。",
            )
        total += size
    if total > MAX_TOTAL_BYTES:
        raise BundleError("移交包解压后的总大小异常巨大，已拒绝打开。")


class Source(Protocol):
    def entries(self) -> list[Entry]: ...

    def open(self, name: str) -> BinaryIO: ...

    def close(self) -> None: ...


class _Bounded:
    """A reader that refuses to give more bytes than the entry said it had."""

    def __init__(self, stream: BinaryIO, limit: int, name: str) -> None:
        self.stream, self.left, self.name = stream, limit, name

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(_CHUNK if size < 0 else size)
        self.left -= len(data)
        if self.left < 0:
            raise BundleError(f"移交包中的文件“{self.name}”比记录的更大，已拒绝打开。")
        return data

    def close(self) -> None:
        self.stream.close()


class ZipSource:
    """A zip bundle; encrypted entries need the password (AES, as 7-Zip writes and reads it)."""

    def __init__(self, path: Path, password: str | None) -> None:
        try:
            self.zip = pyzipper.AESZipFile(path)
        except (*ZIP_ERRORS, ValueError) as exc:
            raise BundleError(
                f"“{path.name}”不是完整的压缩包（文件不完整或已损坏）。", _DAMAGED_ADVICE
            ) from exc
        if password:
            self.zip.setpassword(password.encode("utf-8"))
        self.password = password
        infos = [i for i in self.zip.infolist() if not i.is_dir()]
        for info in infos:
            check_name(info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                check_name("../" + info.filename)  # a link can point anywhere: refused the same way
        _check_sizes([(i.filename, i.file_size, i.compress_size) for i in infos])
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise BundleError("移交包中有重名的文件，可能已被人改动，已拒绝打开。")
        self.infos = {i.filename: i for i in infos}

    def entries(self) -> list[Entry]:
        return [Entry(i.filename, i.file_size, bool(i.flag_bits & 1)) for i in self.infos.values()]

    def open(self, name: str) -> BinaryIO:
        info = self.infos[name]
        if info.flag_bits & 1 and not self.password:
            raise PasswordNeeded(
                "这个移交包已加密，需要密码才能打开。", "请输入移交人另行告知的密码。"
            )
        try:
            stream = self.zip.open(info)
        except RuntimeError as exc:  # pyzipper: "Bad password for file …"
            raise WrongPassword(
                "密码不正确，无法打开这个移交包。",
                "请核对移交人告知的密码（注意大小写）后重试。",
            ) from exc
        except (*ZIP_ERRORS, OSError) as exc:
            raise BundleError("移交包已损坏，无法读取。", _DAMAGED_ADVICE) from exc
        return _Bounded(stream, info.file_size, name)  # type: ignore[return-value]

    def close(self) -> None:
        self.zip.close()


# Files that Windows and macOS leave in folders they show (thumbnails, view settings): not extra.
SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store", "system volume information"}


def _system_file(path: Path, folder: Path) -> bool:
    parts = path.relative_to(folder).parts
    return any(p.lower() in SYSTEM_FILES or p.startswith("._") for p in parts)


class FolderSource:
    """A bundle written as a folder (no encryption); links and odd names are refused too."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        found = []
        for path in sorted(folder.rglob("*")):
            if _system_file(path, folder):
                continue
            if path.is_symlink():
                raise BundleError(
                    f"移交包文件夹中有一个链接“{path.name}”，可能指向别处，已拒绝打开。"
                )
            if path.is_file():
                name = path.relative_to(folder).as_posix()
                check_name(name)
                found.append((name, path.stat().st_size))
        _check_sizes([(name, size, size) for name, size in found])
        self._entries = [Entry(name, size, False) for name, size in found]

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def open(self, name: str) -> BinaryIO:
        size = next(e.size for e in self._entries if e.name == name)
        return _Bounded((self.folder / name).open("rb"), size, name)  # type: ignore[return-value]

    def close(self) -> None:
        """Nothing stays open between reads."""


def is_encrypted(path: Path) -> bool:
    """Whether a zip bundle needs a password (a folder never does); False when unreadable."""
    if Path(path).is_dir():
        return False
    try:
        with pyzipper.AESZipFile(path) as archive:
            return any(info.flag_bits & 1 for info in archive.infolist())
    except (*ZIP_ERRORS, OSError, ValueError):
        return False  # opening it will say what is wrong


def check_password(path: Path, password: str) -> None:
    """WrongPassword at once (the manifest is small) rather than after verifying everything."""
    with open_source(path, password) as source:
        if any(e.name == MANIFEST_NAME for e in source.entries()):
            read_all(source, MANIFEST_NAME, 4 << 20)


@contextmanager
def open_source(path: Path, password: str | None = None) -> Iterator[Source]:
    """The bundle at ``path`` (a .zip or a folder) for reading; BundleError when unusable."""
    path = Path(path)
    if not path.exists():
        raise BundleError(f"找不到移交包：{path}。", "请确认U盘已插好、位置正确后重试。")
    source: Source
    try:
        source = FolderSource(path) if path.is_dir() else ZipSource(path, password)
    except PermissionError as exc:
        raise BundleError("没有权限读取这个移交包。", "请检查文件权限后重试。") from exc
    except OSError as exc:
        raise BundleError(
            f"无法读取移交包（{exc.strerror or exc}）。", "请确认U盘已插好后重试。"
        ) from exc
    try:
        yield source
    finally:
        source.close()


def read_all(source: Source, name: str, limit: int) -> bytes:
    """One whole entry into memory, refusing more than ``limit`` bytes."""
    entry = next(e for e in source.entries() if e.name == name)
    if entry.size > limit:
        raise BundleError(f"移交包中的文件“{name}”异常巨大，已拒绝打开。")
    stream = source.open(name)
    try:
        return _read_checked(stream, name)
    finally:
        stream.close()


def _read_checked(stream: BinaryIO, name: str) -> bytes:
    parts = []
    try:
        while chunk := stream.read(_CHUNK):
            parts.append(chunk)
    except RuntimeError as exc:
        raise WrongPassword("密码不正确，无法打开这个移交包。", "请核对密码后重试。") from exc
    except (*ZIP_ERRORS, OSError) as exc:
        raise BundleError(f"移交包中的文件“{name}”已损坏，无法读取。", _DAMAGED_ADVICE) from exc
    return b"".join(parts)
