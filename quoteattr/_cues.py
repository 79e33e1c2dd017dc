"""Speech cues. (Placeholder.)"""

from __future__ import annotations

from collections.abc import Iterable


class CueLexicon:
    """Speech and attribution cues."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    @classmethod
    def load(cls, extra: Iterable[str] = ()) -> CueLexicon:
        """The shipped lexicon plus ``extra`` cues."""
        return cls(frozenset(["said", "says", "told", "added"]) | frozenset(extra))
