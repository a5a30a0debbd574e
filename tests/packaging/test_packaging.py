"""The packages agree with the program: one name and one version in the spec, the Windows installer,
the .deb and the tarball; the .deb has the UOS layout and depends on what the start-up check needs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import types
from pathlib import Path

import pytest

import liangxin_desktop
from liangxin_desktop.display_check import debian_packages

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))

import build_info as info  # noqa: E402
import linux_packages  # noqa: E402

ISS = (PACKAGING / "windows" / "liangxin-desktop.iss").read_text(encoding="utf-8")
SPEC = (PACKAGING / "liangxin_desktop.spec").read_text(encoding="utf-8")


def _define(name: str) -> str:
    match = re.search(rf"^#define {name} (.+)$", ISS, re.MULTILINE)
    assert match, name
    return match.group(1).strip()


def test_build_info_is_the_package() -> None:
    assert info.NAME == liangxin_desktop.APP_ID
    assert liangxin_desktop.__version__ == info.VERSION
    assert info.TITLE == liangxin_desktop.APP_NAME
    assert info.four_part_version().startswith(liangxin_desktop.__version__.split("+")[0][:3])
    assert len(info.version_tuple()) == 4


def test_the_spec_takes_name_version_and_data_from_build_info() -> None:
    assert "name=info.NAME" in SPEC and "COLLECT(" in SPEC
    assert "version=info.windows_version_info() if windows else None" in SPEC
    assert "info.DATA_FOLDERS" in SPEC and "info.QT_EXCLUDES" in SPEC
    for folder in info.DATA_FOLDERS:
        assert (info.ROOT / folder).is_dir(), folder


def test_the_installer_reads_name_and_version_from_the_program_the_spec_builds() -> None:
    assert _define("AppExe") == f'"{info.NAME}.exe"'
    assert _define("AppFolder").strip('"').replace("\\", "/").endswith(f"dist/{info.NAME}")
    assert _define("AppName") == 'GetStringFileInfo(AppFolder + "\\" + AppExe, "ProductName")'
    assert _define("AppVersion") == 'GetStringFileInfo(AppFolder + "\\" + AppExe, "ProductVersion")'
    assert "AppVersion={#AppVersion}" in ISS and "AppName={#AppName}" in ISS
    assert not re.search(r"\d+\.\d+\.\d+", ISS.split("[Setup]")[1].split("[Languages]")[0])


def test_the_installer_is_per_user_with_shortcuts_and_leaves_the_data_alone() -> None:
    assert "PrivilegesRequired=lowest" in ISS
    assert "DefaultDirName={localappdata}\\Programs\\" in ISS
    assert '"{autoprograms}\\{#AppName}"' in ISS and '"{autodesktop}\\{#AppName}"' in ISS
    assert "SetupIconFile=..\\..\\build\\icons\\liangxin-desktop.ico" in ISS
    code = "\n".join(line for line in ISS.splitlines() if not line.startswith(";"))
    for forbidden in ("[UninstallDelete]", "{userappdata}", "{app}\\数据", "AppData"):
        assert forbidden not in code


def test_the_windows_version_resource_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    compat = pytest.importorskip("PyInstaller.compat", reason="PyInstaller: tasks.py build")
    # versioninfo imports two Windows-only modules; building the structure needs neither
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    resource = info.windows_version_info()
    strings = {s.name: s.val for s in resource.kids[0].kids[0].kids}
    assert strings["ProductName"] == info.TITLE
    assert strings["ProductVersion"] == strings["FileVersion"] == info.VERSION
    assert strings["OriginalFilename"] == f"{info.NAME}.exe"
    assert resource.ffi.fileVersionMS == (info.version_tuple()[0] << 16) | info.version_tuple()[1]
    assert len(resource.toRaw()) > 200


def test_unused_qt_pieces_are_dropped_but_pillows_own_libraries_stay() -> None:
    assert not info.keep_binary("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not info.keep_binary("libgtk-3.so.0") and not info.keep_binary("libQt6Qml.so.6")
    assert not info.keep_binary("PySide6/Qt/lib/libQt6QuickTemplates2.so.6")
    assert info.keep_binary("pillow.libs/libharfbuzz-172d1f63.so.0.61421.0")
    assert info.keep_binary("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert info.keep_binary("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert info.keep_binary("PySide6/Qt/lib/libQt6Pdf.so.6") and info.keep_binary("libXext.so.6")
    assert info.keep_data_file("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not info.keep_data_file("PySide6/Qt/translations/qtbase_de.qm")


def test_the_desktop_entry_and_info_file_follow_the_uos_rules() -> None:
    entry = linux_packages.desktop_entry("/opt/apps/x/files/liangxin-desktop", info.DEB_APPID)
    assert "Name=两新党建台账" in entry and "Categories=Office;" in entry
    assert f"Comment={info.DESCRIPTION}" in entry and "Terminal=false" in entry
    data = json.loads(linux_packages.uos_info("arm64"))
    assert data["appid"] == info.DEB_APPID and data["name"] == info.TITLE
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", data["version"]) and data["arch"] == ["arm64"]
    assert data["permissions"]["autostart"] is False
    control = linux_packages.control_file("amd64", 1234)
    assert f"Version: {info.VERSION}\n" in control
    assert f"Depends: {', '.join(debian_packages())}\n" in control


@pytest.fixture
def fake_build(tmp_path: Path) -> Path:
    """A stand-in for dist/liangxin-desktop (the real one takes minutes; CI checks that one)."""
    folder = tmp_path / "dist" / info.NAME
    (folder / "_internal").mkdir(parents=True)
    program = folder / info.NAME
    program.write_text('#!/bin/sh\necho 两新党建台账 "$@"\n', encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal" / "base_library.zip").write_bytes(b"x" * 100)
    return folder


def test_the_tarball_holds_the_build_and_a_start_script(fake_build: Path, tmp_path: Path) -> None:
    tarball = linux_packages.make_tarball(fake_build, tmp_path, "amd64")
    assert tarball.name == f"{info.NAME}-{info.VERSION}-linux-amd64.tar.gz"
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "out", filter="tar")
    script = tmp_path / "out" / f"{info.NAME}-{info.VERSION}" / f"{info.NAME}.sh"
    result = subprocess.run([str(script), "--smoke-test"], capture_output=True, text=True)
    assert result.stdout.strip() == "两新党建台账 --smoke-test"


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")
def test_the_deb_has_the_uos_layout(fake_build: Path, tmp_path: Path, qapp) -> None:
    import icons

    pngs = icons.render_pngs(tmp_path / "icons")
    icons.make_ico(pngs, tmp_path / "icons" / "app.ico")
    deb = linux_packages.make_deb(
        fake_build, tmp_path / "icons", tmp_path, tmp_path / "work", "amd64"
    )
    assert deb.name == f"{info.DEB_APPID}_{info.VERSION}_amd64.deb"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    app = f"./opt/apps/{info.DEB_APPID}"
    for path in (
        f"{app}/files/{info.NAME}",
        f"{app}/files/_internal/base_library.zip",
        f"{app}/entries/applications/{info.DEB_APPID}.desktop",
        f"{app}/entries/icons/hicolor/48x48/apps/{info.DEB_APPID}.png",
        f"{app}/entries/icons/hicolor/512x512/apps/{info.DEB_APPID}.png",
        f"{app}/entries/icons/hicolor/scalable/apps/{info.DEB_APPID}.svg",
        f"{app}/info",
    ):
        assert path in listing
    assert "root/root" in listing and "-rwxr-xr-x" in listing
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True).stdout
    assert f"Package: {info.DEB_APPID}" in fields and "libxcb-cursor0" in fields
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    program = root / "opt" / "apps" / info.DEB_APPID / "files" / info.NAME
    assert subprocess.run([str(program)], capture_output=True, text=True).returncode == 0
    from PIL import Image

    assert Image.open(tmp_path / "icons" / "app.ico").size == (256, 256)
