"""Breaking Chinese (and mixed Chinese/Latin) text into lines that fit a width.

Chinese may break between any two characters, except that a line never starts with
closing punctuation (，。、；：？！）》」 …) and never ends with opening punctuation
(（《「 …); runs of Latin letters and digits stay together unless they alone are too long.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NO_LINE_START = set("，。、；：？！）》」』】〕〉”’…—·％‰℃,.;:?!)]}%")
NO_LINE_END = set("（《「『【〔〈“‘([{")
# A written date stays whole ("2026年2月7日"); so do Latin words and numbers, and a number with
# the unit after it ("7日", "12人")
_TOKENS = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
    r"|[A-Za-z0-9@#&+\-_./:%]+[年月日时分秒号人票名次页个岁元]?|\s+|.",
    re.S,
)

Measure = Callable[[str], float]


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _split_long(token: str, width: float, measure: Measure) -> list[str]:
    pieces, current, used = [], "", 0.0
    for char in token:
        char_width = measure(char)
        if current and used + char_width > width:
            pieces.append(current)
            current, used = char, char_width
        else:
            current += char
            used += char_width
    return [*pieces, current] if current else pieces


def _fix_punctuation(lines: list[str]) -> list[str]:
    """Move a closing mark up to the previous line, an opening mark down to the next."""
    for index in range(1, len(lines)):
        prev, line = lines[index - 1], lines[index]
        while line and line[0] in NO_LINE_START and len(prev) > 0:
            prev, line = prev + line[0], line[1:]
        while prev and prev[-1] in NO_LINE_END and len(prev) > 1:
            prev, line = prev[:-1], prev[-1] + line
        lines[index - 1], lines[index] = prev, line
    return [line for line in lines if line]


def wrap_text(text: str, width: float, measure: Measure) -> list[str]:
    """The lines of ``text`` (explicit newlines kept) within ``width`` as measured."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure) or [""])
    return lines


def _wrap_paragraph(paragraph: str, width: float, measure: Measure) -> list[str]:
    if measure(paragraph) <= width:
        return [paragraph]
    # widths add up token by token (TrueType text has no kerning here), so each token is
    # measured once, and tokens repeat: the measure is usually a cached lookup
    lines: list[str] = []
    current, used = "", 0.0
    for token in _tokens(paragraph):
        token_width = measure(token)
        if used + token_width <= width:
            current += token
            used += token_width
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = token.lstrip()
        used = measure(current)
        if used > width:
            *full, current = _split_long(current, width, measure)
            lines.extend(full)
            used = measure(current)
    if current.strip():
        lines.append(current)
    return _fix_punctuation(lines)


def widest_unbreakable(text: str, measure: Measure) -> float:
    """The width of the widest piece of ``text`` that wrapping keeps whole (a date, a number)."""
    return max((measure(token) for token in _tokens(text) if not token.isspace()), default=0.0)
