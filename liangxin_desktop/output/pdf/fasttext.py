"""A reportlab text object that remembers how each string is written in the PDF.

reportlab works out, for every ``textOut``, which font subset each character is in, escapes
the bytes and measures the string. A register prints the same strings again and again (the
attendance marks, dates, names repeated in every band), so this keeps the result per font and
string for the document being written. The subset a character was given never changes within
a document, which is what makes the cache safe; the output is the same operators reportlab
writes itself (the tests read the text back from the PDFs).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

_Pieces = tuple[tuple[int, str], ...]
CACHE_LIMIT = 50_000  # strings remembered per document: bounded memory for huge rosters


class FastTextObject(PDFTextObject):
    _curSubset: int  # reportlab's: the font subset selected last in this text object

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        cache = canvas.__dict__.get("_lx_text_cache")
        if cache is None:
            cache = canvas.__dict__["_lx_text_cache"] = {}
        self._lx_cache: dict[tuple[str, str], tuple[_Pieces, float]] = cache
        fonts = canvas.__dict__.get("_lx_font_ops")
        if fonts is None:
            fonts = canvas.__dict__["_lx_font_ops"] = {}
        self._lx_font_ops: dict[tuple[str, int, float, float], str] = fonts

    def text_at(self, x: float, y: float, text: str) -> None:
        """``setTextOrigin(x, y)`` then ``textOut(text)``, in one step (the common case)."""
        self._x0 = x
        self._y0 = self._y = y
        self._code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        self._x = x
        self.textOut(text)

    def textOut(self, text: str) -> None:  # reportlab's name
        entry = self._lx_cache.get((self._fontname, text))
        if entry is None:
            entry = self._remember(text)
            if entry is None:
                super().textOut(text)
                return
        pieces, unit_width = entry
        if len(pieces) == 1 and pieces[0][0] == self._curSubset:
            self._code.append(pieces[0][1])  # the usual case: no change of font subset
        else:
            ops = []
            for subset, op in pieces:
                if subset != self._curSubset:
                    ops.append(self._font_op(subset))
                    self._curSubset = subset
                ops.append(op)
            self._code.append(" ".join(ops))
        self._x += unit_width * self._fontsize

    def _font_op(self, subset: int) -> str:
        select = (self._fontname, subset, self._fontsize, self._leading)
        font_op = self._lx_font_ops.get(select)
        if font_op is None:
            font: Any = pdfmetrics.getFont(self._fontname)
            name = font.getSubsetInternalName(subset, self._canvas._doc)
            font_op = f"{name} {fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
            self._lx_font_ops[select] = font_op
        return font_op

    def _remember(self, text: str) -> tuple[_Pieces, float] | None:
        font: Any = pdfmetrics.getFont(self._fontname)
        if not getattr(font, "_dynamicFont", False) or getattr(font, "shapable", False):
            return None
        canvas: Any = self._canvas
        pieces = tuple(
            (subset, f"({canvas._escape(part)}) Tj")
            for subset, part in font.splitString(text, canvas._doc)
        )
        entry = (pieces, pdfmetrics.stringWidth(text, self._fontname, 1))
        if len(self._lx_cache) < CACHE_LIMIT:  # a 100,000-row roster is mostly unique strings
            self._lx_cache[(self._fontname, text)] = entry
        return entry
