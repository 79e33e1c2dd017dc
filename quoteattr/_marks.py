"""Quotation marks. (Naive placeholder: pairs “…” and "…" within a paragraph.)"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

FAMILIES: tuple[str, ...] = ("double", "single", "guillemet", "cjk")

_PAIR = regex.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


@attrs.frozen(slots=True)
class RawQuote:
    """A paired quotation before attribution."""

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool
    open_mark: str
    close_mark: str
    segments: tuple[tuple[int, int], ...]
    paragraph: int


def find_quotations(
    text: str, paragraphs: Sequence[tuple[int, int]], families: frozenset[str]
) -> list[RawQuote]:
    """Top-level quotations, sorted by start, non-overlapping."""
    out = []
    for i, (ps, pe) in enumerate(paragraphs):
        for m in _PAIR.finditer(text, ps, pe):
            s, e = m.span()
            out.append(RawQuote(s, e, s + 1, e - 1, True, text[s], text[e - 1], ((s, e),), i))
    return out
