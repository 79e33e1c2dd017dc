"""A document under analysis: the text, its paragraphs, and sentence spans computed on demand."""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr._cues import CueLexicon
from quoteattr._sentences import SentenceSplitter


class Document:
    """The caller's text with lazily computed, cached per-paragraph sentence spans."""

    __slots__ = ("_sentences", "cues", "paragraphs", "splitter", "text")

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        splitter: SentenceSplitter,
        cues: CueLexicon,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.splitter = splitter
        self.cues = cues
        self._sentences: dict[int, list[tuple[int, int]]] = {}

    def sentences(self, paragraph: int) -> list[tuple[int, int]]:
        """Sentence spans of paragraph number ``paragraph``."""
        spans = self._sentences.get(paragraph)
        if spans is None:
            start, end = self.paragraphs[paragraph]
            spans = self.splitter.spans(self.text, start, end) or [(start, end)]
            self._sentences[paragraph] = spans
        return spans
