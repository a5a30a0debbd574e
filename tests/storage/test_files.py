"""Materials and photos inside the archive: type and size checks, scaling, EXIF dates, copies out."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from liangxin_desktop.catalog import get_register
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.storage import files, queries, records

TODAY = date(2026, 11, 28)
MATERIALS, PHOTOS = get_register("activity_materials"), get_register("photo_album")


def _photo(path: Path, size: tuple[int, int], taken: str | None = None, fmt: str = "JPEG") -> Path:
    image = Image.new("RGB", size, (180, 30, 30))
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[36867] = taken
    image.save(path, fmt, exif=exif) if fmt == "JPEG" else image.save(path, fmt)
    return path


def test_material_is_stored_and_copied_out(archive, tmp_path: Path) -> None:
    source = tmp_path / "活动方案.pdf"
    source.write_bytes(b"%PDF-1.4 pretend")
    file_id = files.import_material(
        archive,
        {"file_date": "2026-06-01", "title": "七一主题党日活动方案", "kind": "活动方案"},
        source,
        TODAY,
    )
    row = records.get_record(archive, MATERIALS, file_id)
    assert (row["file_name"], row["size"], row["mime"]) == ("活动方案.pdf", 16, "application/pdf")
    assert "data" not in row  # lists never load the file itself
    copy = files.save_copy(archive, file_id, tmp_path / "copy.pdf")
    assert copy.read_bytes() == source.read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("病毒.exe", b"MZ", "不支持"),
        ("空.pdf", b"", "是空的"),
    ],
)
def test_bad_materials_are_refused(archive, tmp_path: Path, name, content, fragment) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(InvalidValue, match=fragment):
        files.import_material(
            archive, {"file_date": "2026-06-01", "title": "x", "kind": "其他"}, source, TODAY
        )
    assert queries.list_ids(archive, MATERIALS) == []


def test_photo_is_scaled_and_dated_from_exif(archive, tmp_path: Path) -> None:
    source = _photo(tmp_path / "合影.jpg", (4000, 3000), "2026:07:01 09:30:00")
    photo_id = files.import_photo(archive, {"title": "重温入党誓词"}, source, TODAY)
    row = records.get_record(archive, PHOTOS, photo_id)
    assert (row["width"], row["height"], row["file_date"]) == (2400, 1800, "2026-07-01")
    _name, data = files.file_data(archive, photo_id)
    assert Image.open(io.BytesIO(data)).size == (2400, 1800)


def test_photo_without_a_date_needs_one(archive, tmp_path: Path) -> None:
    source = _photo(tmp_path / "无日期.png", (800, 600), fmt="PNG")
    with pytest.raises(InvalidValue, match="没有拍摄日期"):
        files.import_photo(archive, {"title": "活动现场"}, source, TODAY)
    photo_id = files.import_photo(
        archive, {"title": "活动现场", "file_date": "2026-05-04"}, source, TODAY
    )
    assert records.get_record(archive, PHOTOS, photo_id)["mime"] == "image/png"


def test_a_renamed_file_is_not_a_photo(archive, tmp_path: Path) -> None:
    source = tmp_path / "假照片.jpg"
    source.write_bytes(b"this is not an image at all")
    with pytest.raises(InvalidValue, match="无法作为照片打开"):
        files.import_photo(archive, {"title": "x", "file_date": "2026-05-04"}, source, TODAY)


def test_caption_is_required(archive, tmp_path: Path) -> None:
    source = _photo(tmp_path / "a.jpg", (100, 100), "2026:07:01 09:30:00")
    with pytest.raises(ValidationFailed, match="照片说明：必须填写"):
        files.import_photo(archive, {"title": ""}, source, TODAY)
