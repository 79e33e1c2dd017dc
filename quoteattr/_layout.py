"""Layout: paragraph spans. (Naive placeholder: blank lines and newlines split paragraphs.)"""

from __future__ import annotations

import regex

_PARA = regex.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every paragraph, in order, trimmed of outer white space."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
