"""A manifest of the wrong shape, or one that points the database elsewhere, is refused plainly."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from liangxin_desktop.bundle import making
from liangxin_desktop.bundle.manifest import DATABASE_NAME, MANIFEST_NAME
from liangxin_desktop.bundle.summary_report import summarize_bundles
from liangxin_desktop.bundle.verifying import verify_bundle
from liangxin_desktop.errors import BundleError

TAMPERED = "这不是本程序生成的移交包，或已被人改动"
Edit = Callable[[dict[str, Any], Path], None]


@pytest.fixture(scope="module")
def good_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from liangxin_desktop.demo import DemoSpec, build_demo
    from liangxin_desktop.storage.archive import open_archive

    folder = tmp_path_factory.mktemp("bundle")
    archive = open_archive(folder / "demo.lxdb")
    build_demo(archive, DemoSpec(seed=5, members=8, today=date(2026, 11, 28)))
    making.make_bundle(archive, folder / "移交包", year=2026, today=date(2026, 11, 28))
    archive.close()
    return folder / "移交包"


def _set(key: str, value: Any) -> Edit:
    return lambda manifest, _folder: manifest.__setitem__(key, value)


def _nested(manifest: dict[str, Any], _folder: Path) -> None:
    """Written as text below: Python's own parser cannot build it."""
    manifest["registers"] = []


def _database_entry(manifest: dict[str, Any]) -> dict[str, Any]:
    return next(item for item in manifest["files"] if item["path"] == DATABASE_NAME)


def _point_database(path: str) -> Edit:
    def edit(manifest: dict[str, Any], _folder: Path) -> None:
        manifest["database"] = path

    return edit


def _move_database(path: str) -> Edit:
    """The database entry (and the file) moved elsewhere, consistently re-hashed."""

    def edit(manifest: dict[str, Any], folder: Path) -> None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(folder / DATABASE_NAME, target)
        _database_entry(manifest)["path"] = path
        manifest["database"] = path

    return edit


def _drop_database(manifest: dict[str, Any], folder: Path) -> None:
    manifest["files"].remove(_database_entry(manifest))
    (folder / DATABASE_NAME).unlink()


def _swap_database(manifest: dict[str, Any], folder: Path) -> None:
    """Another database beside ours, re-hashed, and the manifest pointed at it."""
    other = folder / "数据库" / "另一个.lxdb"
    shutil.copyfile(folder / DATABASE_NAME, other)
    data = other.read_bytes()
    manifest["files"].append(
        {"path": "数据库/另一个.lxdb", "role": "database", "size": len(data),
         "sha256": hashlib.sha256(data).hexdigest()}
    )  # fmt: skip
    manifest["database"] = "数据库/另一个.lxdb"


MALFORMED: dict[str, Edit] = {
    "a year that is not a number": _set("year", "二〇二六"),
    "a year that is a boolean": _set("year", True),
    "an invalid as-of date": _set("as_of", "2026-02-30"),
    "registers as a string": _set("registers", "members"),
    "a null register": _set("registers", [None]),
    "a register count that is text": _set(
        "registers", [{"key": "members", "title": "党员花名册", "count": "8", "unit": "人"}]
    ),
    "deeply nested JSON": _nested,
    "files as a dictionary": _set("files", {}),
    "the database pointing outside": _point_database("../台账.lxdb"),
    "the database at an absolute path": _point_database("/tmp/台账.lxdb"),
    "the database moved and re-hashed": _move_database("别处/台账.lxdb"),
    "the database missing": _drop_database,
    "a swapped database pointed at": _swap_database,
}


@pytest.mark.parametrize("label", list(MALFORMED))
def test_a_malformed_manifest_is_refused_plainly(
    good_bundle: Path, tmp_path: Path, label: str
) -> None:
    folder = tmp_path / "包"
    shutil.copytree(good_bundle, folder)
    manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    MALFORMED[label](manifest, folder)
    text = json.dumps(manifest, ensure_ascii=False) if label != "deeply nested JSON" else None
    if text is None:
        text = json.dumps({**manifest, "registers": []}, ensure_ascii=False).replace(
            '"registers": []', '"registers": ' + "[" * 100_000 + "]" * 100_000
        )
    (folder / MANIFEST_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(BundleError, match=TAMPERED):
        verify_bundle(folder)
    report = summarize_bundles([folder])
    assert not report.summaries and TAMPERED in report.failed[0].reason


def test_the_untouched_bundle_still_verifies(good_bundle: Path) -> None:
    assert verify_bundle(good_bundle).ok
