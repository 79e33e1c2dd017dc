"""Tokens of a small window of text, with offsets into the caller's string.

Attribution only ever tokenises the few sentences around a quotation, so the
cost of this stage grows with the number of quotations, not with the document.
"""

from __future__ import annotations

import regex

# Words keep inner apostrophes, hyphens and periods (O’Brien, U.S, well-known);
# a final period is attached afterwards only for abbreviations and initials.
_TOKEN = regex.compile(
    r"(?P<w>\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)"
    r"|(?P<n>\p{N}[\p{N}\p{L}]*)"
    r"|(?P<p>[^\s\p{L}\p{N}])"
)

WORD, NUMBER, PUNCT = 1, 2, 3


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
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastindex or PUNCT
        s, e = m.span()
        if kind == WORD and e < end and text[e] == ".":
            word = text[s:e]
            if (
                (len(word) == 1 and word.isupper())
                or "." in word
                or (word.lower() + ".") in abbreviations
            ):
                e += 1
        out.append(Token(s, e, text[s:e], kind))
    # A period swallowed above must not also appear as its own token.
    return [t for i, t in enumerate(out) if not (i and t.start < out[i - 1].end)]
