"""The 党组织活动图片册: two or four photos to a page, each with its caption, date and place.

Photos are scaled to fit their box without distortion and re-encoded at print resolution
(150 dpi), so a year of 2,400-pixel photos does not make a 100 MB PDF. They are read
from the archive one at a time while drawing.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Any

from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from liangxin_desktop.catalog.files import PHOTO_ALBUM
from liangxin_desktop.domain.dates import format_cn_date
from liangxin_desktop.output.pdf.document import Pager, PageSetup
from liangxin_desktop.output.pdf.flow import text_width, wrap
from liangxin_desktop.output.pdf.fonts import SANS, SERIF
from liangxin_desktop.output.pdf.parts import ellipsize
from liangxin_desktop.storage import queries
from liangxin_desktop.storage.archive import Archive
from liangxin_desktop.storage.files import file_data

PRINT_DPI = 150  # plenty for photos on an office printer
CAPTION_HEIGHT = 22 * mm
GUTTER = 8 * mm
PHOTOS_PER_PAGE = (2, 4)


def fit_box(image_size: tuple[int, int], box: tuple[float, float]) -> tuple[float, float]:
    """The largest size with the image's proportions that fits ``box`` (never distorted)."""
    width, height = image_size
    scale = min(box[0] / width, box[1] / height)
    return width * scale, height * scale


def print_image(data: bytes, box: tuple[float, float]) -> tuple[ImageReader, tuple[int, int]]:
    """The photo decoded at the resolution its box needs, as a JPEG for the PDF."""
    source = Image.open(io.BytesIO(data))
    shown = fit_box(source.size, box)
    target = (max(1, round(shown[0] / 72 * PRINT_DPI)), max(1, round(shown[1] / 72 * PRINT_DPI)))
    size = source.size
    source.draft("RGB", target)  # JPEG: decode at 1/2, 1/4 or 1/8 of the size straight away
    image: Image.Image
    if source.mode in ("RGBA", "LA", "P"):
        rgba = source.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    else:
        image = source.convert("RGB")
    if image.width > target[0]:
        image = image.resize(target, Image.Resampling.BICUBIC, reducing_gap=2.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return ImageReader(io.BytesIO(out.getvalue())), size


class AlbumPages:
    """Photos in date order, ``per_page`` (2 or 4) to a portrait page."""

    def __init__(
        self,
        setup: PageSetup,
        archive: Archive,
        row_filter: queries.RowFilter | None,
        per_page: int = 4,
    ) -> None:
        if per_page not in PHOTOS_PER_PAGE:
            raise ValueError("photos per page must be 2 or 4")
        self.setup, self.archive, self.per_page = setup, archive, per_page
        self.rows = list(queries.iter_rows(archive, PHOTO_ALBUM, row_filter))

    def measure(self) -> int:
        return max(1, math.ceil(len(self.rows) / self.per_page))

    def _slots(self) -> list[tuple[float, float, float, float]]:
        """Each photo's box on the page (x, y of the bottom left, width, height), captions included."""
        x, y, width, height = self.setup.body
        if self.per_page == 2:
            slot_height = (height - GUTTER) / 2
            return [(x, y + slot_height + GUTTER, width, slot_height), (x, y, width, slot_height)]
        slot_width, slot_height = (width - GUTTER) / 2, (height - GUTTER) / 2
        return [
            (x, y + slot_height + GUTTER, slot_width, slot_height),
            (x + slot_width + GUTTER, y + slot_height + GUTTER, slot_width, slot_height),
            (x, y, slot_width, slot_height),
            (x + slot_width + GUTTER, y, slot_width, slot_height),
        ]

    def draw(self, pager: Pager) -> None:
        if not self.rows:
            pager.start(self.setup)
            x, y, _, height = self.setup.body
            pager.canvas.setFont(SANS, 12)
            pager.canvas.drawString(x, y + height - 14, "本年度暂无照片。")
            pager.finish()
            return
        slots = self._slots()
        for start in range(0, len(self.rows), self.per_page):
            pager.start(self.setup)
            for row, slot in zip(self.rows[start : start + self.per_page], slots, strict=False):
                if row is self.rows[start]:
                    pager.bookmark(f"{format_cn_date(row['file_date'])} {row['title'][:20]}")
                self._photo(pager, row, slot)
            pager.finish()

    def _photo(self, pager: Pager, row: Mapping[str, Any], slot: tuple[float, ...]) -> None:
        canvas = pager.canvas
        x, y, width, height = slot
        box = (width, height - CAPTION_HEIGHT)
        _, data = file_data(self.archive, row["id"])
        try:
            reader, size = print_image(data, box)
        except (OSError, Image.DecompressionBombError):
            reader, size = None, (4, 3)
        shown = fit_box(size, box)
        left = x + (width - shown[0]) / 2
        bottom = y + CAPTION_HEIGHT + (box[1] - shown[1])
        if reader is not None:
            canvas.drawImage(reader, left, bottom, shown[0], shown[1])
        else:
            canvas.setFont(SANS, 10)
            canvas.drawCentredString(x + width / 2, y + height / 2, "（照片无法读取）")
        canvas.setLineWidth(0.5)
        canvas.setStrokeGray(0.5)
        canvas.rect(left, bottom, shown[0], shown[1])
        canvas.setStrokeGray(0)
        self._caption(canvas, row, x, bottom - 5 * mm, width)

    @staticmethod
    def _caption(canvas: Any, row: Mapping[str, Any], x: float, top: float, width: float) -> None:
        lines = wrap(row["title"], width, SERIF, 10.5)
        if len(lines) > 2:  # two lines at most, the second cut with "…"
            lines = [lines[0], ellipsize("".join(lines[1:]), width, SERIF, 10.5)]
        canvas.setFont(SERIF, 10.5)
        for line in lines:
            canvas.drawCentredString(x + width / 2, top, line)
            top -= 14
        facts = [f"时间：{format_cn_date(row['file_date'])}"]
        if row.get("place"):
            facts.append(f"地点：{row['place']}")
        if row.get("author"):
            facts.append(f"拍摄：{row['author']}")
        canvas.setFont(SANS, 8.5)
        info = "    ".join(facts)
        while text_width(info, SANS, 8.5) > width and len(facts) > 1:
            facts.pop()
            info = "    ".join(facts)
        canvas.drawCentredString(x + width / 2, top - 1, info)
        if row.get("related_meeting"):
            canvas.setFillGray(0.35)
            related = ellipsize(f"关联：{row['related_meeting']}", width, SANS, 8)
            canvas.drawCentredString(x + width / 2, top - 13, related)
            canvas.setFillGray(0)
