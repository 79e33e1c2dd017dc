"""Tokens of a small window of text, with offsets into the caller's string.

Attribution only ever tokenises the few paragraphs around a quotation, so the
cost of this stage grows with the number of quotations, not with the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

# Words keep inner apostrophes, hyphens and periods (O’Brien, U.S, well-known) and
# combining accents; a final period is attached afterwards only for abbreviations
# and initials. The standard library's engine: a single pass, no backtracking
# between the three alternatives (their first characters do not overlap), and
# faster per match than `regex` for this simple pattern.
_MARKS = "\u0300-\u036f"
# The group that matched is the token's kind.
_TOKEN = re.compile(
    rf"([^\W\d_][\w{_MARKS}]*(?:['’\-.][^\W_][\w{_MARKS}]*)*)"
    r"|(\d[^\W_]*)"
    rf"|([^\w\s{_MARKS}]|[_{_MARKS}])"
)

WORD, NUMBER, PUNCT = 1, 2, 3
_new = object.__new__


class Token:
    """One token: offsets, text, kind (WORD, NUMBER or PUNCT), and case flags."""

    __slots__ = ("end", "kind", "lower", "start", "text", "upper")

    def __init__(self, start: int, end: int, text: str, kind: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.lower = text.lower()
        self.upper = kind == WORD and text[0].isupper()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(
    text: str, start: int, end: int, abbreviations: frozenset[str] = frozenset()
) -> list[Token]:
    """Tokens of ``text[start:end]``. ``abbreviations`` (lowercase, with their
    final period, e.g. ``"mr."``) keep their period, as do initials ("J.", "U.S.")."""
    out: list[Token] = []
    append = out.append
    skip = -1  # a period already taken by the word before it
    # The hottest loop of the library: tokens are filled in place, not through __init__.
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        if s == skip:
            continue
        kind = m.lastindex
        word = m.group()
        t = _new(Token)
        if kind == WORD:
            if (
                e < end
                and text[e] == "."
                and (
                    (len(word) == 1 and word.isupper())
                    or "." in word
                    or (word.lower() + ".") in abbreviations
                )
            ):
                skip = e
                e += 1
                word += "."
            t.upper = word[0].isupper()
        else:
            t.upper = False
        t.start = s
        t.end = e
        t.text = word
        t.kind = kind  # type: ignore[assignment]
        t.lower = word.lower()
        append(t)
    return out


def index_at(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    return bisect_left(tokens, offset, key=_start)


def _start(token: Token) -> int:
    return token.start
