"""Files kept inside the archive: activity materials, and photos scaled for the album.

A file is checked before anything is written: its size, its type, and for photos that the
image really decodes (a renamed or broken file is refused with a sentence that says so).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from liangxin_desktop.catalog.files import ACTIVITY_MATERIALS, PHOTO_ALBUM
from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import InvalidValue, ValidationFailed
from liangxin_desktop.files import atomic_output
from liangxin_desktop.storage import audit, records
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.meetings import meeting_label

MAX_MATERIAL_BYTES = 30 * 1024 * 1024
MAX_PHOTO_BYTES = 40 * 1024 * 1024
PHOTO_LONG_SIDE = 2400
MATERIAL_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".wps": "application/vnd.ms-works",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".et": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".dps": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".ofd": "application/ofd",
    ".txt": "text/plain",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
_EXIF_IFD, _DATE_TIME_ORIGINAL, _DATE_TIME = 0x8769, 36867, 306


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidValue(
                f"文件“{path.name}”有 {size / 1024 / 1024:.1f} MB，超过了 {limit // 1024 // 1024} MB 的上限。",
                "请压缩或拆分后再导入。",
            )
        if size == 0:
            raise InvalidValue(f"文件“{path.name}”是空的。", "请确认选择了正确的文件。")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidValue(
            f"找不到文件“{path.name}”。", "请确认文件仍在原处（U盘是否已拔出？）。"
        ) from None
    except PermissionError:
        raise InvalidValue(
            f"没有权限读取文件“{path.name}”。", "请把文件复制到“文档”文件夹后再导入。"
        ) from None


def _metadata(register: Register, raw: Mapping[str, object], today: date | None) -> dict[str, Any]:
    cleaned = records.validate(register, raw, today)
    if not cleaned.ok:
        raise ValidationFailed(cleaned.errors)
    return cleaned.values


def _insert(archive: Archive, register: Register, values: dict[str, Any]) -> int:
    stamp = audit.now_text()
    values.update(dict(register.fixed_values), created_at=stamp, updated_at=stamp)
    with archive.transaction() as db:
        new_id = db.table("files").insert(values).last_rowid
        assert new_id is not None
        audit.record(db, f"导入{register.row_noun}", "files", new_id)
    return new_id


def import_material(
    archive: Archive, raw: Mapping[str, object], source: Path, today: date | None = None
) -> int:
    mime = MATERIAL_TYPES.get(source.suffix.lower())
    if mime is None:
        raise InvalidValue(
            f"不支持“{source.suffix or '无扩展名'}”类型的文件。",
            "可以导入 PDF、Word、Excel、PPT、WPS、OFD、TXT 和图片（JPG、PNG）。",
        )
    data = _read(source, MAX_MATERIAL_BYTES)
    values = _metadata(ACTIVITY_MATERIALS, raw, today)
    values.update(file_name=source.name, mime=mime, size=len(data), data=data)
    return _insert(archive, ACTIVITY_MATERIALS, values)


def _taken_on(image: Image.Image) -> str | None:
    exif = image.getexif()
    text = exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME)
    try:
        return (
            datetime.strptime(str(text).strip(), "%Y:%m:%d %H:%M:%S").date().isoformat()
            if text
            else None
        )
    except ValueError:
        return None


def _open_image(data: bytes, name: str) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG"):
            raise InvalidValue(
                f"“{name}”不是 JPG 或 PNG 照片。", "请先用看图软件另存为 JPG 格式再导入。"
            )
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise InvalidValue(
            f"“{name}”无法作为照片打开，文件可能已损坏或不是图片。", "请换一张照片再试。"
        ) from exc
    except Image.DecompressionBombError as exc:
        raise InvalidValue(f"“{name}”的像素过多，不像是普通照片。", "请先缩小照片再导入。") from exc
    return image


def _scaled(image: Image.Image) -> tuple[bytes, str, Image.Image]:
    """Upright, at most 2400 px on the long side, re-encoded (which also drops EXIF: no GPS in the archive)."""
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    image.thumbnail((PHOTO_LONG_SIDE, PHOTO_LONG_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if fmt == "PNG":
        image.save(out, "PNG", optimize=True)
        return out.getvalue(), "image/png", image
    image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    return out.getvalue(), "image/jpeg", image


def import_photo(
    archive: Archive, raw: Mapping[str, object], source: Path, today: date | None = None
) -> int:
    data = _read(source, MAX_PHOTO_BYTES)
    image = _open_image(data, source.name)
    raw = dict(raw)
    if not str(raw.get("file_date") or "").strip():
        raw["file_date"] = _taken_on(image)
    values = _metadata(PHOTO_ALBUM, raw, today)
    if not values.get("file_date"):
        raise InvalidValue("照片中没有拍摄日期。", "请在“拍摄日期”中填写。")
    stored, mime, scaled = _scaled(image)
    values.update(
        file_name=source.name,
        mime=mime,
        size=len(stored),
        data=stored,
        width=scaled.width,
        height=scaled.height,
    )
    return _insert(archive, PHOTO_ALBUM, values)


def file_data(archive: Archive, file_id: int) -> tuple[str, bytes]:
    row = archive.db.execute("SELECT file_name, data FROM files WHERE id = ?", [file_id]).fetchone()
    if row is None:
        raise InvalidValue("找不到这个文件，可能已被删除。", "请刷新列表后重试。")
    return row[0], row[1]


def save_copy(archive: Archive, file_id: int, target: Path) -> Path:
    """另存为: write the stored file to ``target`` (atomically)."""
    _name, data = file_data(archive, file_id)
    with atomic_output(target) as temp:
        temp.write_bytes(data)
    return target


def meeting_labels(archive: Archive, limit: int = 300) -> list[str]:
    """Recent meetings and activities as choices for 关联会议或活动."""
    rows = archive.db.execute(
        "SELECT meeting_date, kind, topic FROM meetings WHERE deleted_at IS NULL ORDER BY meeting_date DESC, id DESC "
        "LIMIT ?",
        [limit],
    ).fetchall()
    return [meeting_label({"meeting_date": d, "kind": k, "topic": t}) for d, k, t in rows]
