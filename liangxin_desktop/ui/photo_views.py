"""The 活动图片册's pictures on screen: a thumbnail on every row of the list and a preview in the
form, decoded in memory (scaled while decoding), never written to a file."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout

from liangxin_desktop.catalog.register import Register
from liangxin_desktop.errors import LiangxinError
from liangxin_desktop.storage import files, queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.ui.columns_model import Index
from liangxin_desktop.ui.record_dialog import Section
from liangxin_desktop.ui.register_model import RegisterTableModel

THUMBNAIL = 64  # pixels, the long side of a row's picture
PREVIEW = QSize(420, 300)  # the form's picture at most
_KEPT = 300  # thumbnails kept in memory (the rows in view and some around them)


def decode_scaled(source: bytes | Path, box: QSize) -> QImage:
    """The picture in ``source`` (stored bytes, or the file the clerk picked) scaled to fit
    ``box``, upright; a null image when it cannot be read. JPEGs are scaled while decoding,
    so a 2400-pixel photo costs little more than its thumbnail."""
    if isinstance(source, Path):
        return _read_scaled(QImageReader(str(source)), box)
    buffer = QBuffer()
    buffer.setData(QByteArray(source))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    image = _read_scaled(QImageReader(buffer), box)  # the reader is gone before its buffer
    buffer.close()
    return image


def _read_scaled(reader: QImageReader, box: QSize) -> QImage:
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    reader.setDevice(None)  # type: ignore[arg-type]  # nothing of the reader outlives this call
    if image.isNull() or (image.width() <= box.width() and image.height() <= box.height()):
        return image
    return image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)  # rotated after the scaling


class PhotoTableModel(RegisterTableModel):
    """The photo list: each row's first column shows the photo's thumbnail."""

    _thumbnails: OrderedDict[int, QPixmap]  # by file id, set by reload (called by __init__)

    def __init__(
        self, archive: Archive, register: Register, row_filter: queries.RowFilter | None = None
    ) -> None:
        super().__init__(archive, register, row_filter=row_filter)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            if index.row() < self.row_total():
                return self.thumbnail(self.id_at(index.row()))
            return None
        return super().data(index, role)

    def thumbnail(self, file_id: int) -> QPixmap:
        kept = self._thumbnails.get(file_id)
        if kept is not None:
            self._thumbnails.move_to_end(file_id)
            return kept
        try:
            _name, data = files.file_data(self.archive, file_id)
        except LiangxinError:
            data = b""
        pixmap = QPixmap.fromImage(decode_scaled(data, QSize(THUMBNAIL, THUMBNAIL)))
        self._thumbnails[file_id] = pixmap
        if len(self._thumbnails) > _KEPT:
            self._thumbnails.popitem(last=False)
        return pixmap

    def reload(self, row_filter: queries.RowFilter | None = None) -> None:
        self._thumbnails = OrderedDict()  # a photo edited or deleted: read its picture again
        super().reload(row_filter)


class PhotoPreview(Section):
    """The photo above the form's save button, so the clerk sees what is being described."""

    def __init__(self, source: bytes | Path) -> None:
        super().__init__()
        self.picture = QLabel()
        self.picture.setObjectName("photo_preview")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = decode_scaled(source, PREVIEW)
        if image.isNull():
            self.picture.setText("（无法显示这张照片）")
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.picture)


def stored_preview(archive: Archive, file_id: int) -> PhotoPreview:
    """The form's preview of a photo already in the archive."""
    try:
        _name, data = files.file_data(archive, file_id)
    except LiangxinError:
        data = b""
    return PhotoPreview(data)
