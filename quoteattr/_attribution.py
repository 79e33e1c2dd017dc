"""Attribution sieves. (Placeholder.)"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quoteattr._document import Document
from quoteattr._marks import RawQuote
from quoteattr._models import Mention, QuoteKind, Span


@attrs.define(slots=True)
class Link:
    """A quotation (or reported statement) with its attribution, before records are built."""

    start: int
    end: int
    content_start: int
    content_end: int
    kind: QuoteKind
    closed: bool = True
    segments: tuple[tuple[int, int], ...] = ()
    paragraph: int = 0
    sentence: int = 0
    speaker: Mention | None = None
    cue: Span | None = None
    confidence: float = 0.0
    rule: str | None = None


def attribute(doc: Document, quotations: Sequence[RawQuote]) -> list[Link]:
    """Attribute every quotation."""
    return [
        Link(q.start, q.end, q.content_start, q.content_end, "direct", q.closed, q.segments,
             q.paragraph)
        for q in quotations
    ]
