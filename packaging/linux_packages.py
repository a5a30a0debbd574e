"""Linux packages of the one-folder build: a ``.tar.gz`` with a start script, and a ``.deb`` in the UOS layout.

The .deb (for 统信 UOS, 麒麟 Kylin and Debian) installs everything under ``/opt/apps/<appid>/``:
``files/`` (the program), ``entries/applications/<appid>.desktop``, ``entries/icons/hicolor/…`` and
the ``info`` file UOS's app store reads. Standard library and ``dpkg-deb`` only.
"""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import tarfile
from pathlib import Path

import build_info as info

START_SCRIPT = f"""#!/bin/sh
# 启动{info.TITLE}（在本文件所在的文件夹里运行程序）。
# 便携模式：在本文件旁边新建一个名为“数据”的文件夹，台账、备份、日志和设置就都保存在那里。
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/{info.NAME}" "$@"
"""


def desktop_entry(exec_path: str, icon: str) -> str:
    """The menu entry, in Chinese (with an English fallback name)."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.0",
            f"Name={info.TITLE}",
            f"Name[zh_CN]={info.TITLE}",
            "Name[en]=Liangxin Party Archive",
            f"Comment={info.DESCRIPTION}",
            f"Comment[zh_CN]={info.DESCRIPTION}",
            f"Exec={exec_path} %f",
            f"Icon={icon}",
            "Terminal=false",
            "Categories=Office;",
            "Keywords=党建;台账;党员;党费;三会一课;",
            f"StartupWMClass={info.NAME}",
            "",
        ]
    )


def uos_info(arch: str) -> str:
    """``/opt/apps/<appid>/info`` (UOS application package specification)."""
    data = {
        "appid": info.DEB_APPID,
        "name": info.TITLE,
        "version": info.four_part_version(),
        "arch": [arch],
        "permissions": {
            "autostart": False,
            "notification": False,
            "trayicon": False,
            "clipboard": True,
            "account": False,
            "bluetooth": False,
            "camera": False,
            "audio_record": False,
            "installed_apps": False,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def control_file(arch: str, installed_kb: int) -> str:
    return "\n".join(
        [
            f"Package: {info.DEB_APPID}",
            f"Version: {info.VERSION}",
            f"Architecture: {arch}",
            f"Maintainer: {info.PUBLISHER} <{info.NAME}@localhost>",
            f"Installed-Size: {installed_kb}",
            f"Depends: {info.deb_depends()}",
            "Section: utils",
            "Priority: optional",
            f"Description: {info.TITLE}：{info.DESCRIPTION}",
            " 党员花名册、三会一课记录、党费收缴、发展党员、打印台账和移交包，全部在本机离线完成。",
            "",
        ]
    )


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_tarball(build: Path, out_dir: Path, arch: str) -> Path:
    """``<name>-<version>-linux-<arch>.tar.gz``: the one-folder build plus ``<name>.sh``."""
    top = f"{info.NAME}-{info.VERSION}"
    target = out_dir / f"{top}-linux-{arch}.tar.gz"
    script = out_dir / f".{info.NAME}.sh"
    script.write_text(START_SCRIPT, encoding="utf-8")
    script.chmod(0o755)

    def owned_by_root(entry: tarfile.TarInfo) -> tarfile.TarInfo:
        entry.uid = entry.gid = 0
        entry.uname = entry.gname = "root"
        return entry

    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(build, arcname=top, filter=owned_by_root)
        tar.add(script, arcname=f"{top}/{info.NAME}.sh", filter=owned_by_root)
    script.unlink()
    partial.replace(target)
    return target


def _stage_deb(build: Path, icons: Path, stage: Path, arch: str) -> None:
    app = stage / "opt" / "apps" / info.DEB_APPID
    shutil.copytree(build, app / "files", symlinks=True)
    entries = app / "entries"
    (entries / "applications").mkdir(parents=True)
    exec_path = f"/opt/apps/{info.DEB_APPID}/files/{info.NAME}"
    (entries / "applications" / f"{info.DEB_APPID}.desktop").write_text(
        desktop_entry(exec_path, info.DEB_APPID), encoding="utf-8"
    )
    hicolor = entries / "icons" / "hicolor"
    for png in sorted(icons.glob("*.png")):
        size = png.stem
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(png, folder / f"{info.DEB_APPID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(
        info.ROOT / "resources" / "icons" / f"{info.NAME}.svg",
        hicolor / "scalable" / "apps" / f"{info.DEB_APPID}.svg",
    )
    (app / "info").write_text(uos_info(arch), encoding="utf-8")
    debian = stage / "DEBIAN"
    debian.mkdir()
    installed_kb = (folder_size(stage) + 1023) // 1024
    (debian / "control").write_text(control_file(arch, installed_kb), encoding="utf-8")
    for path in [stage, *stage.rglob("*")]:  # 755 folders and programs, 644 the rest
        if path.is_dir():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            executable = path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if executable else 0o644)


def make_deb(build: Path, icons: Path, out_dir: Path, work: Path, arch: str) -> Path:
    """Stage the UOS layout under ``work`` and build ``<appid>_<version>_<arch>.deb`` with dpkg-deb."""
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("制作 .deb 需要 dpkg-deb：请先运行 sudo apt install dpkg-dev")
    stage = work / "deb-root"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    _stage_deb(build, icons, stage, arch)
    target = out_dir / f"{info.DEB_APPID}_{info.VERSION}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(stage), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    return target
