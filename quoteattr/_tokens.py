"""Tokens of a small window of text, with offsets into the caller's string.

Attribution only ever tokenises the few paragraphs around a quotation, so the
cost of this stage grows with the number of quotations, not with the document.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

# Words keep inner apostrophes, hyphens and periods (O’Brien, U.S, well-known) and
# combining accents; a final period is attached afterwards only for abbreviations
# and initials. The standard library's engine: a single pass, no backtracking
# between the three alternatives (their first characters do not overlap), and
# faster per match than `regex` for this simple pattern. Every character that is
# not white space starts one of the alternatives, so `findall` skips nothing.
_MARKS = "\u0300-\u036f"
# Every repeat is possessive where Python has them (3.11+): each is followed by the end
# of its alternative or by a character it cannot match, so nothing ever backtracks into
# it and the matches are the same; the engine just keeps no backtracking state (the
# token pattern runs once per token: a tenth fewer instructions).
_P = "+" if sys.version_info >= (3, 11) else ""
# The group that matched is the token's kind; the white space before a token is
# captured too, so `findall` alone gives every offset (no match object per token).
_TOKEN = re.compile(
    rf"(\s*{_P})(?:([^\W\d_][\w{_MARKS}]*{_P}(?:['’\-.][^\W_][\w{_MARKS}]*{_P})*{_P})"
    rf"|(\d[^\W_]*{_P})"
    rf"|([^\w\s{_MARKS}]|[_{_MARKS}]))"
)

WORD, NUMBER, PUNCT = 1, 2, 3


class Token:
    """One token: offsets, text, kind (WORD, NUMBER or PUNCT), and case flags.

    Made only by `tokenize`, which fills the fields of a bare ``Token()`` (calling the
    class with no ``__init__`` is the cheapest way to make an instance): ``lower`` is
    the lowercase text, ``upper`` whether a word starts with a capital."""

    __slots__ = ("end", "kind", "lower", "start", "text", "upper")

    start: int
    end: int
    text: str
    kind: int
    lower: str
    upper: bool

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(
    text: str, start: int, end: int, abbreviations: frozenset[str] = frozenset()
) -> list[Token]:
    """Tokens of ``text[start:end]``. ``abbreviations`` (lowercase, with their
    final period, e.g. ``"mr."``) keep their period, as do initials ("J.", "U.S.")."""
    out: list[Token] = []
    append = out.append
    pos = start
    taken = False  # the word before took the period that comes next
    # The hottest loop of the library: tokens are filled in place.
    for space, word, number, punct in _TOKEN.findall(text, start, end):
        if word:
            t = Token()
            t.start = pos = pos + len(space)
            pos += len(word)
            t.kind = WORD
            t.upper = word[0].isupper()
            if (
                pos < end
                and text[pos] == "."
                and (
                    (len(word) == 1 and word.isupper())
                    or "." in word
                    or (word.lower() + ".") in abbreviations
                )
            ):
                taken = True
                word += "."
                t.end = pos + 1
            else:
                t.end = pos
        elif taken:
            taken = False
            pos += len(space) + 1  # the period taken by the word before
            continue
        else:
            t = Token()
            t.start = pos = pos + len(space)
            if number:
                word = number
                t.kind = NUMBER
            else:
                word = punct
                t.kind = PUNCT
            pos += len(word)
            t.end = pos
            t.upper = False
        t.text = word
        t.lower = word.lower()
        append(t)
    return out


def index_at(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token that starts at or after ``offset``."""
    return bisect_left(tokens, offset, key=_START)


# A key in C: bisecting calls it at every step (twice as fast as a Python function).
_START = attrgetter("start")
