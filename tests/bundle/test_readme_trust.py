"""说明.txt says plainly what a superior can and cannot trust; the 启动密码 stays at home."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

from conftest import TODAY

from liangxin_desktop.bundle import making
from liangxin_desktop.bundle.manifest import DATABASE_NAME, MANIFEST_NAME, README_NAME
from liangxin_desktop.storage import privacy


def test_the_readme_says_the_checksums_are_no_signature(demo_archive, tmp_path: Path) -> None:
    privacy.set_password(demo_archive, "", "zhibu2026", "zhibu2026")
    target = tmp_path / "移交包.zip"
    assert making.make_bundle(demo_archive, target, year=2026, today=TODAY).ok
    with zipfile.ZipFile(target) as bundle:
        readme = bundle.read(README_NAME).decode("utf-8-sig")
        manifest = json.loads(bundle.read(MANIFEST_NAME))
        (tmp_path / "db.lxdb").write_bytes(bundle.read(DATABASE_NAME))
    database = next(f["sha256"] for f in manifest["files"] if f["path"] == DATABASE_NAME)
    assert "能证明：文件在复制、传递中没有损坏" in readme
    assert "不能证明：这个移交包是谁制作的" in readme and "没有数字签名" in readme
    assert f"前 8 位（{database[:8]}）" in readme  # a fingerprint to read out on the phone
    assert "知道密码的人仍然可以" not in readme  # that line is for encrypted bundles
    conn = sqlite3.connect(tmp_path / "db.lxdb")
    try:
        keys = {row[0] for row in conn.execute("SELECT key FROM settings")}
    finally:
        conn.close()
    assert privacy.PASSWORD_KEY not in keys
    assert privacy.has_password(demo_archive)  # the clerk's own archive keeps it
