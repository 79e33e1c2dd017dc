"""Speaker tallies: who is quoted, how often and how many words.

`speakers` groups the quotes of one document (or of a whole corpus, chained)
by speaker entity. `SpeakerCounts` adds documents up one at a time without
keeping the quotes, for a corpus too large to hold in memory (the CLI's
``quoteattr speakers``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs
import regex

from quoteattr._models import Quote

__all__ = ["UNATTRIBUTED", "SpeakerCounts", "SpeakerRow", "SpeakerTally", "speaker_key", "speakers"]

#: The key that quotes without a speaker are tallied under (``unattributed=True``).
UNATTRIBUTED = "(unattributed)"

# A word: letters/digits, possibly joined by apostrophes, hyphens or dots (can’t,
# U.S.-bound). Joiners are never word characters, so each run is matched once: linear.
_WORD = regex.compile(r"[^\W_]+(?:[’'\-.]+[^\W_]+)*")


def count_words(text: str) -> int:
    """The number of words in ``text`` (punctuation alone is not a word)."""
    return sum(1 for _ in _WORD.finditer(text))


def speaker_key(q: Quote) -> str | None:
    """Whom a quote is tallied under: its entity's name, else its speaker mention's
    text, else ``None`` (unattributed)."""
    if q.entity is not None:
        return q.entity.name
    if q.speaker is not None:
        return " ".join(q.speaker.text.split())
    return None


@attrs.frozen(slots=True)
class SpeakerTally:
    """The quotes of one speaker.

    ``name`` is the entity's canonical name (or the speaker mention's text when
    the quote has no entity), ``title`` the most frequent title met with it,
    ``kind`` the entity kind (``"unknown"`` without an entity), ``quotes`` the
    speaker's quotes in the order given and ``words`` the number of words
    quoted (the content inside the marks).
    """

    name: str
    title: str | None
    kind: str
    quotes: tuple[Quote, ...]
    words: int

    @property
    def count(self) -> int:
        """The number of quotes."""
        return len(self.quotes)


def _order(name: str, count: int, words: int) -> tuple[int, int, str]:
    return (-count, -words, name.casefold())


def speakers(quotes: Iterable[Quote], *, unattributed: bool = False) -> dict[str, SpeakerTally]:
    """Group ``quotes`` by speaker: name -> `SpeakerTally`, most quoted first.

    Quotes are grouped by their entity's name (``quote.entity.name``), so the
    quotes of several documents can be tallied together by chaining them. A
    quote with a speaker mention but no entity is grouped by the mention's
    text. Quotes without a speaker are left out, unless ``unattributed`` is
    true: then they are tallied under the key `UNATTRIBUTED`.

    The order is: most quotes first, then most words, then by name.

    Examples:
        >>> from quoteattr import extract_quotes
        >>> text = '“We will win,” the mayor said. “Not this year,” Ana Ruiz said.'
        >>> {name: t.count for name, t in speakers(extract_quotes(text)).items()}
        {'Ana Ruiz': 1, 'the mayor': 1}
    """
    groups: dict[str, list[Quote]] = {}
    titles: dict[str, Counter[str]] = {}
    kinds: dict[str, str] = {}
    for q in quotes:
        key = speaker_key(q)
        if key is None:
            if not unattributed:
                continue
            key = UNATTRIBUTED
        groups.setdefault(key, []).append(q)
        if q.entity is not None:
            kinds.setdefault(key, q.entity.kind)
            if q.entity.title:
                titles.setdefault(key, Counter())[q.entity.title] += 1
    tallies = []
    for key, qs in groups.items():
        title = titles[key].most_common(1)[0][0] if key in titles else None
        words = sum(count_words(q.text) for q in qs)
        tallies.append(SpeakerTally(key, title, kinds.get(key, "unknown"), tuple(qs), words))
    tallies.sort(key=lambda t: _order(t.name, t.count, t.words))
    return {t.name: t for t in tallies}


@attrs.frozen(slots=True)
class SpeakerRow:
    """One line of a corpus tally: a speaker and its counts."""

    name: str
    title: str | None
    kind: str
    quotes: int
    words: int
    documents: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: ``{"speaker", "title", "kind", "quotes", "words", "documents"}``."""
        return {
            "speaker": self.name,
            "title": self.title,
            "kind": self.kind,
            "quotes": self.quotes,
            "words": self.words,
            "documents": self.documents,
        }


class SpeakerCounts:
    """Counts per speaker over many documents, without keeping the quotes.

    Call `add` once per document, then `rows`.
    """

    def __init__(self, *, unattributed: bool = True) -> None:
        self._unattributed = unattributed
        self._quotes: Counter[str] = Counter()
        self._words: Counter[str] = Counter()
        self._documents: Counter[str] = Counter()
        self._titles: dict[str, Counter[str]] = {}
        self._kinds: dict[str, str] = {}
        self.document_count = 0
        self.quote_count = 0

    def add(self, quotes: Iterable[Quote]) -> None:
        """Add the quotes of one document."""
        self.document_count += 1
        seen: set[str] = set()
        for tally in speakers(quotes, unattributed=self._unattributed).values():
            key = tally.name
            self.quote_count += tally.count
            self._quotes[key] += tally.count
            self._words[key] += tally.words
            if key not in seen:
                seen.add(key)
                self._documents[key] += 1
            if tally.title:
                self._titles.setdefault(key, Counter())[tally.title] += tally.count
            if tally.kind != "unknown" or key not in self._kinds:
                self._kinds[key] = tally.kind

    def rows(self) -> list[SpeakerRow]:
        """One row per speaker, most quoted first (then most words, then by name)."""
        rows = [
            SpeakerRow(
                key,
                self._titles[key].most_common(1)[0][0] if key in self._titles else None,
                self._kinds.get(key, "unknown"),
                n,
                self._words[key],
                self._documents[key],
            )
            for key, n in self._quotes.items()
        ]
        rows.sort(key=lambda r: _order(r.name, r.quotes, r.words))
        return rows
