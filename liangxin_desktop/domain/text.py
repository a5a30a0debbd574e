"""Cleanup of typed or imported text: full-width ASCII, stray spaces and invisible characters."""

from __future__ import annotations

import re

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FULLWIDTH_OFFSET = 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n?")
_BLANK_LINES = re.compile(r"\n{3,}")
# Characters an XML file (so an .xlsx) cannot hold: C0 controls other than tab and line breaks,
# lone surrogates and the two non-characters U+FFFE/U+FFFF. Vertical tab and form feed (Word's
# manual line and page breaks) become line breaks; the rest is dropped.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAK_CONTROLS = str.maketrans("\x0b\x0c", "\n\n")


def _is_fullwidth_alnum(char: str) -> bool:
    return "０" <= char <= "９" or "Ａ" <= char <= "Ｚ" or "ａ" <= char <= "ｚ"


def drop_zero_width(s: str) -> str:
    """Remove zero-width spaces, joiners, byte-order marks and soft hyphens."""
    return s.translate(_ZERO_WIDTH)


def fullwidth_alnum_to_ascii(s: str) -> str:
    """Turn full-width digits, Latin letters and the ideographic space into ASCII.

    Chinese punctuation such as ，。（） is left as it is.
    """
    chars = []
    for char in s:
        if _is_fullwidth_alnum(char):
            char = chr(ord(char) - _FULLWIDTH_OFFSET)
        elif char == _IDEOGRAPHIC_SPACE:
            char = " "
        chars.append(char)
    return "".join(chars)


def fullwidth_to_ascii(s: str) -> str:
    """Turn every full-width ASCII form (U+FF01–U+FF5E, punctuation too) into ASCII.

    For codes and numbers (ID numbers, phones, money), not for ordinary text.
    """
    chars = []
    for char in s:
        if "！" <= char <= "～":
            char = chr(ord(char) - _FULLWIDTH_OFFSET)
        elif char == _IDEOGRAPHIC_SPACE:
            char = " "
        chars.append(char)
    return "".join(chars)


def has_control_characters(s: str) -> bool:
    return bool(_CONTROL.search(s)) or "\x0b" in s or "\x0c" in s


def drop_control_characters(s: str) -> str:
    """Remove what Excel and XML cannot store (U+0001, NUL, …); VT and FF become line breaks."""
    return _CONTROL.sub("", s.translate(_BREAK_CONTROLS))


def strip_apostrophe(s: str) -> str:
    """Remove one leading ``'`` (Excel's "store as text" marker), ignoring spaces before it."""
    stripped = s.lstrip()
    return stripped[1:] if stripped.startswith("'") else s


def remove_spaces(s: str) -> str:
    """Remove all whitespace and zero-width characters (for codes and numbers)."""
    return _SPACES.sub("", drop_zero_width(s))


def _normalize_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def normalize_text(s: str, *, multiline: bool = False) -> str:
    """Clean up one typed or imported value.

    Full-width letters, digits and spaces become ASCII, zero-width characters go,
    runs of whitespace become one space and the ends are trimmed. Chinese
    punctuation stays. With ``multiline`` line breaks are kept (as ``\\n``), each
    line is cleaned on its own and more than one empty line in a row becomes one.
    """
    cleaned = fullwidth_alnum_to_ascii(drop_zero_width(drop_control_characters(s)))
    if not multiline:
        return _normalize_line(cleaned)
    lines = [_normalize_line(line) for line in _LINE_BREAKS.sub("\n", cleaned).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
