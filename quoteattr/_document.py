"""A document under analysis: the text, its paragraphs, and what is computed on demand.

Sentence spans and tokens are computed per paragraph, only for the paragraphs
that attribution looks at, and cached for the life of one `extract` call.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from quoteattr import _sentences
from quoteattr._cues import CueLexicon
from quoteattr._mentions import lexicon
from quoteattr._models import Mention
from quoteattr._tokens import Token, tokenize

# Occurrences kept per word by the index, and the default `occurrences` limit.
MAX_OCCURRENCES = 200
# Texts up to this long are searched for a word; longer ones are indexed (the index
# costs one pass over every word, a search one pass of `str.find` per word looked up).
_SEARCHED = 20_000


_ALNUM = re.compile(r"[^\W_]+")

T = TypeVar("T")
_UNSET = object()


def _index_words(text: str) -> dict[str, list[int]]:
    """Offsets of every run of letters and digits, at most `MAX_OCCURRENCES` per word."""
    index: dict[str, list[int]] = {}
    for m in _ALNUM.finditer(text):
        offsets = index.get(m.group())
        if offsets is None:
            index[m.group()] = [m.start()]
        elif len(offsets) < MAX_OCCURRENCES:
            offsets.append(m.start())
    return index


class Document:
    """The caller's text with lazily computed, cached per-paragraph sentences and tokens."""

    __slots__ = (
        "_common",
        "_facts",
        "_pstarts",
        "_sentences",
        "_starts",
        "_tokens",
        "_words",
        "cues",
        "name_forms",
        "narration",
        "paragraphs",
        "places",
        "quote_spans",
        "splitter",
        "text",
    )

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        splitter: _sentences.SentenceSplitter,
        cues: CueLexicon,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.splitter = splitter
        self.cues = cues
        # (start, end) of every top-level quotation, sorted; set by attribution.
        self.quote_spans: list[tuple[int, int]] = []
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._tokens: dict[int, list[Token]] = {}
        self._starts: dict[int, list[int]] = {}
        self._common: dict[str, bool] = {}
        self._words: dict[str, list[int]] | None = None
        self._pstarts: list[int] | None = None
        # Name and pronoun mentions outside quotations, per paragraph (see _attribution).
        self.narration: dict[int, tuple[list[Mention], list[int]]] = {}
        # The name forms that end with a word, by word (see `_entities`): asked for by
        # entities and by the conversation stage alike.
        self.name_forms: dict[str, list[Any]] = {}
        # Whether a name mention's text names a place (see `_attribution.is_place`).
        self.places: dict[str, bool] = {}
        self._facts: dict[tuple[str, ...], object] = {}

    def once(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        """``compute()``, called once per ``key`` in this document and remembered: a
        fact that every mention of a name asks again ("is Leeds a place?")."""
        known = self._facts.get(key, _UNSET)
        if known is _UNSET:
            known = self._facts[key] = compute()
        return cast(T, known)

    def common_word(self, word: str) -> bool:
        """Whether lowercase ``word`` occurs in the text in lower case (an ordinary word)."""
        seen = self._common.get(word)
        if seen is None:
            seen = bool(self.occurrences(word, limit=1))
            self._common[word] = seen
        return seen

    def occurrences(self, word: str, limit: int = MAX_OCCURRENCES) -> list[int]:
        """Start offsets of ``word`` as a whole word (case-sensitive), at most ``limit``.

        A short text is searched; in a long one, words come from an index of the
        runs of letters and digits, built once, on first use, in one pass, and a
        word with inner punctuation ("O’Brien") from the occurrences of its first
        run ("O") that go on with the rest of it.
        """
        text = self.text
        out: list[int] = []
        n = len(word)
        if not n:
            return out
        i = 0
        words = self._words
        if words is None and len(text) > _SEARCHED:
            words = self._words = _index_words(text)
        if words is not None and _ALNUM.fullmatch(word):
            return words.get(word, [])[:limit]
        head = _ALNUM.match(word) if words is not None else None
        if words is not None and head is not None:
            # A run is maximal, so an occurrence of the word starts one of ``head``'s.
            starts = words.get(head.group(), [])
            for i in starts:
                j = i + n
                if text.startswith(word, i) and (j >= len(text) or not text[j].isalnum()):
                    out.append(i)
                    if len(out) >= limit:
                        return out
            if len(starts) < MAX_OCCURRENCES:
                return out
            i += 1  # the index stops there: search on ("to-day" after 200 "to")
        i = text.find(word, i)
        while i >= 0 and len(out) < limit:
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                out.append(i)
            i = text.find(word, i + 1)
        return out

    def quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotation spans that start within ``[start, end)``."""
        spans = self.quote_spans
        i = bisect_left(spans, (start, -1))
        j = bisect_left(spans, (end, -1))
        return spans[i:j]

    def sentences(self, paragraph: int) -> list[tuple[int, int]]:
        """Sentence spans of paragraph number ``paragraph``; a quotation never ends one early."""
        spans = self._sentences.get(paragraph)
        if spans is None:
            start, end = self.paragraphs[paragraph]
            spans = self.splitter.spans(self.text, start, end) or [(start, end)]
            quotes = self.quotes_in(start, end)
            if quotes and len(spans) > 1:
                spans = _sentences.join_quote_splits(self.text, spans, quotes)
            self._sentences[paragraph] = spans
        return spans

    def has_tokens(self, paragraph: int) -> bool:
        """Whether paragraph number ``paragraph`` is tokenised already (its tokens are free)."""
        return paragraph in self._tokens

    def tokens(self, paragraph: int) -> list[Token]:
        """Tokens of paragraph number ``paragraph``."""
        toks = self._tokens.get(paragraph)
        if toks is None:
            start, end = self.paragraphs[paragraph]
            toks = tokenize(self.text, start, end, lexicon().abbreviations)
            self._tokens[paragraph] = toks
        return toks

    def tokens_in(self, start: int, end: int) -> list[Token] | None:
        """``tokenize(text, start, end)`` taken from a paragraph tokenised already, or
        None (then tokenise the range). Taken when ``start`` opens the paragraph or
        follows white space (a token boundary, which a tokenisation from the paragraph's
        start reaches in the same state) and a token of the paragraph ends at ``end``
        (one running past ``end`` would be cut there, or could take a period after it)."""
        p = bisect_right(self.paragraph_starts(), start) - 1
        if p < 0 or p not in self._tokens:
            return None
        ps, pe = self.paragraphs[p]
        if end > pe or (start > ps and not self.text[start - 1].isspace()):
            return None
        toks = self._tokens[p]
        starts = self.token_starts(p)
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if j > i and toks[j - 1].end != end:
            return None
        return toks[i:j]

    def paragraph_starts(self) -> list[int]:
        """Start offsets of `paragraphs` (for bisecting with an int; shared, do not modify)."""
        starts = self._pstarts
        if starts is None:
            starts = self._pstarts = [s for s, _ in self.paragraphs]
        return starts

    def token_starts(self, paragraph: int) -> list[int]:
        """Start offsets of `tokens` (for bisecting; shared, do not modify)."""
        starts = self._starts.get(paragraph)
        if starts is None:
            starts = self._starts[paragraph] = [t.start for t in self.tokens(paragraph)]
        return starts
