"""Making and verifying hand-over bundles: real zips, a real 7-Zip, tampering, unsafe entries, bad targets."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from conftest import TODAY

from liangxin_desktop.bundle import making
from liangxin_desktop.bundle.manifest import DATABASE_NAME, MANIFEST_NAME, README_NAME
from liangxin_desktop.bundle.reading import open_bundle
from liangxin_desktop.bundle.sources import PasswordNeeded, WrongPassword
from liangxin_desktop.bundle.verifying import verify_bundle
from liangxin_desktop.catalog.registers import get_register
from liangxin_desktop.errors import ArchiveError, BundleError, Cancelled, InvalidValue, OutputError
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import open_reader

PASSWORD = "Zhibu2026!"
SEVEN_ZIP = shutil.which("7z") or shutil.which("7zz")
WHOLE_PDF = "全部台账-2026年度.pdf"


@pytest.fixture
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder, watched: the bundle's staging folder must not stay there."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _make(archive, target: Path, password: str | None = None, **kwargs):
    return making.make_bundle(archive, target, year=2026, password=password, today=TODAY, **kwargs)


def test_plain_zip_holds_everything_and_verifies(demo_archive, usb, private_temp) -> None:
    result = _make(demo_archive, usb / "移交包.zip")
    assert result.ok and result.path == usb / "移交包.zip"
    assert list(private_temp.iterdir()) == []  # the staging folder with personal data is gone
    assert [p.name for p in usb.iterdir()] == ["移交包.zip"]
    with zipfile.ZipFile(usb / "移交包.zip") as bundle:  # plain zips open anywhere
        names = set(bundle.namelist())
        manifest = json.loads(bundle.read(MANIFEST_NAME))
        readme = bundle.read(README_NAME).decode("utf-8-sig")
        database = bundle.read(DATABASE_NAME)
    assert {WHOLE_PDF, "全部台账-2026年度.xlsx", "分册/06-党员花名册.pdf", DATABASE_NAME} <= names
    assert len([n for n in names if n.startswith("分册/")]) == 17
    assert {f["path"] for f in manifest["files"]} == names - {MANIFEST_NAME}
    members = get_register("members")
    counted = queries.count(demo_archive, members, queries.RowFilter(as_of=TODAY, year=2026))
    assert {r["key"]: r["count"] for r in manifest["registers"]}["members"] == counted
    assert manifest["organization"] in readme and "党员花名册：" in readme
    assert "\r\n" in readme and "密码" not in readme.split("个人信息")[0]
    assert database[18] == 1 and database[19] == 1  # not WAL: a self-contained snapshot


def test_encrypted_zip_opens_with_7zip_and_the_right_password_only(demo_archive, tmp_path) -> None:
    if SEVEN_ZIP is None:
        pytest.skip("7-Zip（Debian p7zip-full）未安装：无法用真实的 7-Zip 检查加密移交包")
    bundle = tmp_path / "加密.zip"
    result = _make(demo_archive, bundle, PASSWORD)
    assert result.ok and result.manifest["encrypted"] is True
    right = subprocess.run([SEVEN_ZIP, "t", f"-p{PASSWORD}", str(bundle)], capture_output=True)
    wrong = subprocess.run([SEVEN_ZIP, "t", "-pwrong-pass", str(bundle)], capture_output=True)
    assert right.returncode == 0, right.stdout.decode()
    assert wrong.returncode != 0
    out = tmp_path / "out"
    subprocess.run(
        [SEVEN_ZIP, "x", f"-p{PASSWORD}", f"-o{out}", str(bundle)], capture_output=True, check=True
    )
    listed = {f["path"]: f["sha256"] for f in result.manifest["files"]}
    import hashlib

    assert hashlib.sha256((out / WHOLE_PDF).read_bytes()).hexdigest() == listed[WHOLE_PDF]
    assert (out / "全部台账-2026年度.xlsx").read_bytes()[:2] == b"PK"
    readme = subprocess.run(  # 说明.txt is readable without the password; it names no one
        [SEVEN_ZIP, "x", "-so", "-pwrong-pass", str(bundle), README_NAME], capture_output=True
    )
    text = readme.stdout.decode("utf-8-sig")
    assert "密码由移交人另行告知" in text and "7-Zip" in text


def test_wrong_or_missing_password_is_refused(demo_archive, tmp_path) -> None:
    bundle = tmp_path / "加密.zip"
    _make(demo_archive, bundle, PASSWORD)
    with pytest.raises(WrongPassword, match="密码不正确"):
        verify_bundle(bundle, "wrong-pass")
    with pytest.raises(PasswordNeeded, match="需要密码"):
        verify_bundle(bundle)


def test_one_byte_changed_in_a_folder_bundle_is_named(demo_archive, tmp_path) -> None:
    folder = tmp_path / "移交包"
    assert _make(demo_archive, folder).ok
    volume = folder / "分册" / "06-党员花名册.pdf"
    data = bytearray(volume.read_bytes())
    data[len(data) // 2] ^= 0x01
    volume.write_bytes(bytes(data))
    (folder / "多余.txt").write_text("x")
    (folder / "分册" / "09-党费收缴册.pdf").unlink()
    result = verify_bundle(folder)
    assert not result.ok
    assert "文件“分册/06-党员花名册.pdf”已被改动（校验值不一致）" in result.problems
    assert "缺少文件“分册/09-党费收缴册.pdf”" in result.problems
    assert "多出了清单中没有的文件“多余.txt”" in result.problems
    assert len(result.problems) == 3


def test_files_the_system_leaves_in_a_folder_are_not_extra(demo_archive, tmp_path) -> None:
    folder = tmp_path / "移交包"
    _make(demo_archive, folder)
    (folder / "Thumbs.db").write_bytes(b"x")
    (folder / "分册" / "desktop.ini").write_text("[.ShellClassInfo]")
    (folder / "._说明.txt").write_bytes(b"x")
    assert verify_bundle(folder).ok


def test_one_byte_changed_inside_a_zip_is_detected(demo_archive, tmp_path) -> None:
    bundle = tmp_path / "b.zip"
    _make(demo_archive, bundle)
    with zipfile.ZipFile(bundle) as opened:
        info = opened.getinfo(WHOLE_PDF)  # stored, so its bytes are in the zip as they are
    data = bytearray(bundle.read_bytes())
    data[info.header_offset + 30 + len(info.filename.encode()) + 1000] ^= 0x20
    bundle.write_bytes(bytes(data))
    result = verify_bundle(bundle)
    assert result.problems == [f"文件“{WHOLE_PDF}”已损坏或被改动"]


def test_a_replaced_database_does_not_verify(demo_archive, archive, tmp_path) -> None:
    folder = tmp_path / "移交包"
    _make(demo_archive, folder)
    manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    reader = sqlite3.connect(archive.path)  # another, empty archive of ours
    replaced = folder / DATABASE_NAME
    replaced.unlink()
    target = sqlite3.connect(replaced)
    reader.backup(target)
    target.execute("PRAGMA journal_mode = DELETE")
    target.close()
    reader.close()
    import hashlib

    for item in manifest["files"]:  # a forger who also rewrote the hashes
        if item["path"] == DATABASE_NAME:
            item["sha256"] = hashlib.sha256(replaced.read_bytes()).hexdigest()
            item["size"] = replaced.stat().st_size
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    result = verify_bundle(folder)
    assert any("党员花名册" in p and "不一致" in p for p in result.problems)


def _crafted_zip(path: Path, entries: dict[str, bytes]) -> Path:
    manifest = {"format": "liangxin-handover-bundle", "format_version": 1, "files": []}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(MANIFEST_NAME, json.dumps(manifest))
        for name, data in entries.items():
            bundle.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return path


@pytest.mark.parametrize(
    "name", ["../逃出去.txt", "/etc/cron.d/x", "C:/Windows/x.txt", "a/../../x"]
)
def test_zip_slip_entries_are_refused(tmp_path, name) -> None:
    bundle = _crafted_zip(tmp_path / "evil.zip", {name: b"gotcha"})
    with pytest.raises(BundleError, match="不安全的文件名"):
        verify_bundle(bundle)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.zip"]


def test_oversized_entries_are_refused(tmp_path) -> None:
    bundle = _crafted_zip(tmp_path / "bomb.zip", {"zeros.bin": bytes(40 << 20)})
    with pytest.raises(BundleError, match="异常巨大"):
        verify_bundle(bundle)


def test_truncated_and_foreign_files_are_refused(demo_archive, tmp_path) -> None:
    bundle = tmp_path / "b.zip"
    _make(demo_archive, bundle)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    with pytest.raises(BundleError, match="不是完整的压缩包"):
        verify_bundle(cut)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as opened:
        opened.writestr("照片.jpg", b"x")
    with pytest.raises(BundleError, match="没有文件清单"):
        verify_bundle(other)
    with pytest.raises(BundleError, match="找不到移交包"):
        verify_bundle(tmp_path / "gone.zip")


def test_missing_folder_target_is_refused_and_leaves_nothing(demo_archive, tmp_path) -> None:
    with pytest.raises(OutputError, match="不存在"):
        _make(demo_archive, tmp_path / "拔出的U盘" / "b.zip")
    blocker = tmp_path / "一个文件"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="不存在"):
        _make(demo_archive, blocker / "b.zip")


def test_read_only_target_is_refused(demo_archive, tmp_path, monkeypatch) -> None:
    # Tests run as root, where a 0o555 folder is still writable: the check itself is replaced.
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(making.os, "access", lambda path, mode: Path(path) != usb)
    with pytest.raises(OutputError, match="只读"):
        _make(demo_archive, usb / "b.zip")
    assert list(usb.iterdir()) == []


def test_full_target_is_refused_before_writing(demo_archive, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(making.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(1, 1, 1))
    with pytest.raises(OutputError, match="空间不足"):
        _make(demo_archive, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_target_filling_up_while_writing_leaves_no_half_bundle(
    demo_archive, usb, monkeypatch, private_temp
) -> None:
    def write_then_fail(temp: Path, *args) -> None:
        temp.write_bytes(b"PK half a bundle")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(making, "_write_zip", write_then_fail)
    with pytest.raises(OutputError, match="磁盘空间不足"):
        _make(demo_archive, usb / "b.zip")
    assert list(usb.iterdir()) == []
    assert list(private_temp.iterdir()) == []


def test_stick_pulled_out_while_writing_is_said_plainly(demo_archive, usb, monkeypatch) -> None:
    def write_then_fail(temp: Path, *args) -> None:
        temp.write_bytes(b"PK")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(making, "_write_zip", write_then_fail)
    with pytest.raises(OutputError, match="可能已被拔出") as refused:
        _make(demo_archive, usb / "b.zip")
    assert "Input/output" not in refused.value.message()
    assert list(usb.iterdir()) == []


def test_cancelling_leaves_nothing(demo_archive, usb, private_temp) -> None:
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done > total // 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        _make(demo_archive, usb / "b.zip", progress=progress)
    assert list(usb.iterdir()) == []
    assert list(private_temp.iterdir()) == []


def test_refusals_before_any_work(demo_archive, tmp_path) -> None:
    with pytest.raises(InvalidValue, match="太短"):
        _make(demo_archive, tmp_path / "b.zip", "12345")
    with pytest.raises(InvalidValue, match="不能有汉字"):
        _make(demo_archive, tmp_path / "b.zip", "密码密码密码")
    with pytest.raises(InvalidValue, match=r"只能保存为 \.zip"):
        _make(demo_archive, tmp_path / "folder", PASSWORD)
    (tmp_path / "exists").mkdir()
    with pytest.raises(InvalidValue, match="已经存在"):
        _make(demo_archive, tmp_path / "exists")


def test_opened_bundle_is_read_only_in_memory(demo_archive, tmp_path) -> None:
    bundle = tmp_path / "b.zip"
    _make(demo_archive, bundle, PASSWORD)
    result, opened = open_bundle(bundle, PASSWORD)
    assert result.ok and opened is not None and opened.read_only
    before = bundle.read_bytes()
    try:
        members = get_register("members")
        assert queries.count(opened, members) == queries.count(demo_archive, members)
        with pytest.raises(ArchiveError, match="只读"), opened.transaction():
            pass
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            opened.db.execute("DELETE FROM people")
        reader = open_reader(opened)  # a background job's connection sees the same data
        try:
            assert queries.count(reader, members) == queries.count(demo_archive, members)
        finally:
            reader.close()
    finally:
        opened.close()
    assert bundle.read_bytes() == before
