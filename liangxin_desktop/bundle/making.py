"""Making a bundle: snapshot the database, print and export from that snapshot, write, read back.

Everything is first made in a private temporary folder (deleted in ``finally``: it holds
personal data): the database snapshot (SQLite backup API, switched to a self-contained
``journal_mode = DELETE`` file), the year's PDFs and Excel workbook generated from the
snapshot (so that they agree with it), 说明.txt and the manifest. Then the bundle is written
beside the target under a temporary name, read back from there and verified, and only then
renamed to its final name. A full, removed or read-only target leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pyzipper

from liangxin_desktop.bundle import manifest as mf
from liangxin_desktop.bundle.verifying import Verification, verify_bundle
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.catalog.registers import available_registers
from liangxin_desktop.errors import InvalidValue, OutputError
from liangxin_desktop.files import noted_part, output_error, part_path
from liangxin_desktop.output.audit_table import TITLE as AUDIT_TITLE
from liangxin_desktop.output.audit_table import audit_source
from liangxin_desktop.output.excel import export_workbook
from liangxin_desktop.output.files import Progress, no_progress
from liangxin_desktop.output.pdf.books import print_registers, write_table
from liangxin_desktop.output.pdf.document import PageSetup
from liangxin_desktop.storage import queries, scratch
from liangxin_desktop.storage.archive import Archive, backup_to, open_archive
from liangxin_desktop.storage.audit_view import audit_entries
from liangxin_desktop.storage.organization import organization_name
from liangxin_desktop.storage.privacy import PASSWORD_KEY

MIN_PASSWORD = 6
_STORED_SUFFIXES = (".pdf", ".xlsx")  # already compressed


def check_password(password: str) -> None:
    """Refuse passwords that some unzip programs would read differently (or that are too short)."""
    if len(password) < MIN_PASSWORD:
        raise InvalidValue(f"密码太短：至少需要 {MIN_PASSWORD} 位。", "请用字母和数字组成密码。")
    if not all(33 <= ord(c) <= 126 for c in password):
        raise InvalidValue(
            "密码只能由英文字母、数字和常用符号组成（不能有汉字或空格）。",
            "不同的解压软件对汉字密码的处理不同，对方可能无法打开。",
        )


def _check_target(target: Path, password: str | None) -> None:
    is_zip = target.suffix.lower() == ".zip"
    if password and not is_zip:
        raise InvalidValue(
            "加密的移交包只能保存为 .zip 压缩包。", "请把保存位置的文件名改为以 .zip 结尾。"
        )
    if not is_zip and target.exists():
        raise InvalidValue(
            f"文件夹“{target.name}”已经存在，移交包不会覆盖它。", "请换一个新的名称。"
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"保存位置“{folder}”不存在。", "请重新选择保存位置（U盘是否已拔出？）。")
    if not os.access(folder, os.W_OK):
        raise OutputError(
            f"保存位置“{folder}”是只读的，无法写入。",
            "请检查U盘的写保护开关，或换一个保存位置。",
        )


def bundle_as_of(year: int, today: date) -> date:
    """Rosters in a bundle: as at the end of a past year, or as of today for this year."""
    return queries.year_scope(year, today)[0]


class _Steps:
    """Overall progress over steps, each reported by its own (done, total)."""

    def __init__(self, progress: Progress, count: int) -> None:
        self.progress, self.count, self.done = progress, count, 0

    def sub(self, done: int, total: int) -> None:
        self.progress(self.done * 100 + done * 100 // max(total, 1), self.count * 100)

    def next(self) -> None:
        self.done += 1
        self.progress(self.done * 100, self.count * 100)


@dataclass(frozen=True)
class _Staged:
    files: list[tuple[str, Path, str]]  # name in the bundle, staged file, role
    facts: mf.BundleFacts


def _snapshot(archive: Archive, target: Path) -> None:
    backup_to(archive.db, target)
    conn = sqlite3.connect(str(target))
    try:
        conn.execute("PRAGMA journal_mode = DELETE")  # self-contained: opens read-only anywhere
        conn.execute("PRAGMA secure_delete = ON")  # drafts are not records: not even their pages
        with conn:
            conn.execute("DELETE FROM drafts")
            # the 启动密码 guards the clerk's window; its hash has no business on a stick
            conn.execute("DELETE FROM settings WHERE key = ?", [PASSWORD_KEY])
    finally:
        conn.close()


def _stage(
    archive: Archive, stage: Path, year: int, as_of: date, encrypted: bool, steps: _Steps
) -> _Staged:
    database = stage / "database.lxdb"
    _snapshot(archive, database)
    steps.next()
    snapshot = open_archive(database, read_only=True)
    try:
        registers = available_registers()
        row_filter = queries.RowFilter(as_of=as_of, year=year)
        files = [(mf.DATABASE_NAME, database, "database")]
        files += _print_and_export(snapshot, registers, stage, year, as_of, row_filter, steps)
        facts = mf.BundleFacts(
            organization=organization_name(snapshot) or "（未填写党组织名称）",
            year=year,
            as_of=as_of,
            generated_at=datetime.now().astimezone(),
            schema_version=int(snapshot.db.execute("PRAGMA user_version").fetchone()[0]),
            encrypted=encrypted,
            counts=tuple(mf.register_counts(snapshot, registers, year, as_of)),
        )
    finally:
        snapshot.close()
    return _Staged(files, facts)


def _print_and_export(
    snapshot: Archive,
    registers: Sequence[Register],
    stage: Path,
    year: int,
    as_of: date,
    row_filter: queries.RowFilter,
    steps: _Steps,
) -> list[tuple[str, Path, str]]:
    files = []
    made = stage / "made"
    made.mkdir()
    whole = made / "whole.pdf"
    print_registers(
        snapshot, registers, whole, as_of=as_of, row_filter=row_filter, progress=steps.sub
    )
    files.append((mf.whole_pdf_name(year), whole, "pdf"))
    steps.next()
    workbook = made / "workbook.xlsx"
    export_workbook(
        snapshot, registers, workbook, row_filter=row_filter, as_of=as_of, progress=steps.sub
    )
    files.append((mf.workbook_name(year), workbook, "excel"))
    steps.next()
    for number, register in enumerate(registers, start=1):
        volume = made / f"{register.key}.pdf"
        print_registers(
            snapshot, [register], volume, as_of=as_of, row_filter=row_filter, progress=steps.sub
        )
        files.append((mf.volume_name(number, register), volume, f"pdf:{register.key}"))
        steps.next()
    files.append((mf.AUDIT_LOG_NAME, _print_audit_log(snapshot, made, year), "audit"))
    return files


def _print_audit_log(snapshot: Archive, made: Path, year: int) -> Path:
    """The year's 操作记录 (labels and field names only: no personal values) as a PDF."""
    entries = audit_entries(snapshot, date(year, 1, 1), date(year, 12, 31))
    source = audit_source(entries, f"{year}年度")
    setup = PageSetup("landscape", organization_name(snapshot), AUDIT_TITLE)
    target = made / "audit.pdf"
    write_table(source, setup, target, date(year, 12, 31))
    return target


def _write_readme_and_manifest(stage: Path, staged: _Staged) -> tuple[Path, bytes]:
    entries = [mf.file_entry(name, path, role) for name, path, role in staged.files]
    readme = stage / "readme.txt"
    readme.write_bytes(mf.readme_text(staged.facts, entries).encode("utf-8"))
    entries.append(mf.file_entry(mf.README_NAME, readme, "readme"))
    return readme, mf.manifest_json(staged.facts, entries)


def _check_space(target: Path, paths: Sequence[Path]) -> None:
    needed = sum(p.stat().st_size for p in paths) + (1 << 20)
    free = shutil.disk_usage(target.parent).free
    if free < needed:
        raise OutputError(
            f"保存位置空间不足：移交包约需 {needed / (1 << 20):.1f} MB，"
            f"只剩 {free / (1 << 20):.1f} MB。",
            "请换一个空间更大的U盘，或删除U盘上不需要的文件后重试。",
        )


def _fsync(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open folders and flushes on its own."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_zip(
    temp: Path,
    files: Sequence[tuple[str, Path]],
    readme: Path,
    manifest: bytes,
    password: str | None,
) -> None:
    with pyzipper.AESZipFile(temp, "w", compression=pyzipper.ZIP_DEFLATED) as zf:
        zf.write(readme, mf.README_NAME)  # readable without the password: it names no one
        if password:
            zf.setpassword(password.encode("ascii"))
            zf.setencryption(pyzipper.WZ_AES, nbits=256)
        zf.writestr(mf.MANIFEST_NAME, manifest)
        for name, path in files:
            stored = path.suffix.lower() in _STORED_SUFFIXES
            zf.write(path, name, compress_type=pyzipper.ZIP_STORED if stored else None)
    _fsync(temp)


def _write_folder(
    temp: Path, files: Sequence[tuple[str, Path]], readme: Path, manifest: bytes
) -> None:
    temp.mkdir()
    (temp / mf.MANIFEST_NAME).write_bytes(manifest)
    for name, path in [(mf.README_NAME, readme), *files]:
        destination = temp / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
        _fsync(destination)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()


def _publish(
    target: Path,
    files: Sequence[tuple[str, Path]],
    readme: Path,
    manifest: bytes,
    password: str | None,
) -> Verification:
    """Write under a temporary name beside the target, verify it there, then rename."""
    is_zip = target.suffix.lower() == ".zip"
    with noted_part(part_path(target)) as temp:
        return _write_verify_rename(temp, target, is_zip, files, readme, manifest, password)


def _write_verify_rename(
    temp: Path,
    target: Path,
    is_zip: bool,
    files: Sequence[tuple[str, Path]],
    readme: Path,
    manifest: bytes,
    password: str | None,
) -> Verification:
    try:
        if is_zip:
            _write_zip(temp, files, readme, manifest, password)
        else:
            _write_folder(temp, files, readme, manifest)
        result = verify_bundle(temp, password)
        if not result.ok:
            raise OutputError(
                "写入后读回核对不一致：" + "；".join(result.problems) + "。",
                "U盘可能有故障，请换一个U盘或保存位置重试。",
            )
        os.replace(temp, target) if is_zip else temp.rename(target)
        _fsync_folder(target.parent)
    except OSError as exc:
        _remove(temp)
        raise output_error(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    result.path = target
    return result


def make_bundle(
    archive: Archive,
    target: Path,
    *,
    year: int | None = None,
    password: str | None = None,
    today: date | None = None,
    progress: Progress = no_progress,
) -> Verification:
    """Make the hand-over bundle of ``year`` at ``target`` (a .zip file, or a new folder)."""
    target = Path(target)
    today = today or date.today()
    year = year or today.year
    if password:
        check_password(password)
    _check_target(target, password)
    as_of = bundle_as_of(year, today)
    steps = _Steps(progress, len(available_registers()) + 4)
    with scratch.private_stage("bundle-") as stage:
        try:
            staged = _stage(archive, stage, year, as_of, bool(password), steps)
            readme, manifest = _write_readme_and_manifest(stage, staged)
        except OSError as exc:
            raise OutputError(
                f"在本机临时文件夹中生成移交包失败（{exc.strerror or exc}）。",
                "请检查本机磁盘空间后重试。",
            ) from exc
        files = [(name, path) for name, path, _role in staged.files]
        _check_space(target, [readme, *(path for _name, path in files)])
        result = _publish(target, files, readme, manifest, password)
        steps.next()
    return result
