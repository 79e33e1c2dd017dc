"""Sentences. (Naive placeholder: to be replaced by Punkt with shipped parameters.)"""

from __future__ import annotations

import regex

_SENT = regex.compile(r"[^.!?]+(?:[.!?]+|$)")


class SentenceSplitter:
    """Split a paragraph into sentence spans (absolute offsets)."""

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence ``(start, end)`` spans covering ``text[start:end]``."""
        out = []
        for m in _SENT.finditer(text, start, end):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if s < e:
                out.append((s, e))
        return out
