"""The records `extract_quotes` returns: small frozen attrs classes.

Every offset is a Python ``str`` index into the caller's original string, so
``source[span.start:span.end] == span.text`` holds for every span in a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import Any, Literal

import attrs

QuoteKind = Literal["direct", "mixed", "indirect", "other"]
MentionKind = Literal["name", "pronoun", "nominal", "organisation"]
EntityKind = Literal["person", "organisation", "document", "unknown"]

QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "mixed", "indirect", "other")
MENTION_KINDS: tuple[MentionKind, ...] = ("name", "pronoun", "nominal", "organisation")
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organisation", "document", "unknown")


def _non_negative(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _end_after_start(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


def _mention_tuple(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(values)


def _span_tuple(values: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(values)


_OBJECT_SETATTR = object.__setattr__


def _compact_pickling(cls: type[Any]) -> type[Any]:
    """Pickle ``cls`` as a tuple of its field values (attrs' default is a dict by field
    name, set back by a Python loop with a membership test per field): records cross
    process boundaries by the thousand in `extract_quotes_many`, and their unpickling
    in the parent is what limits the speed-up of a second process."""
    names = tuple(a.name for a in attrs.fields(cls))
    values = attrgetter(*names)

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return values(self)

    # Unrolled, as attrs writes its __init__: a loop over the fields unpickles 1.6x slower.
    lines = [f"    _set({name!r}, state[{i}])" for i, name in enumerate(names)]
    source = "def __setstate__(self, state):\n    _set = _setattr.__get__(self)\n"
    scope: dict[str, Any] = {"_setattr": _OBJECT_SETATTR}
    exec(source + "\n".join(lines), scope)
    __setstate__ = scope["__setstate__"]

    cls.__getstate__ = __getstate__  # type: ignore[assignment]
    cls.__setstate__ = __setstate__
    return cls


@_compact_pickling
@attrs.frozen(slots=True, getstate_setstate=False)
class Span:
    """A stretch of the source text: ``source[start:end] == text``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@_compact_pickling
@attrs.frozen(slots=True, getstate_setstate=False)
class Mention(Span):
    """A span that names or refers to a speaker ("Ruiz", "she", "a spokeswoman")."""

    kind: MentionKind = attrs.field(default="name", validator=attrs.validators.in_(MENTION_KINDS))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: ``{"text", "start", "end", "kind"}``."""
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind}


@_compact_pickling
@attrs.frozen(slots=True, getstate_setstate=False)
class Entity:
    """One speaker, with every mention of it that attribution used.

    ``name`` is the canonical name ("Ana Ruiz"), ``title`` the role or
    title met with it ("Health Minister"), or ``None``.
    """

    name: str
    title: str | None = None
    kind: EntityKind = attrs.field(default="unknown", validator=attrs.validators.in_(ENTITY_KINDS))
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mention_tuple)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; mentions as a list of mention dicts."""
        return {
            "name": self.name,
            "title": self.title,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }


def _confidence(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must be in [0, 1], got {value}")


@_compact_pickling
@attrs.frozen(slots=True, getstate_setstate=False)
class Quote:
    """One quotation (or reported statement) and who it is attributed to.

    ``start``/``end`` cover the whole quotation, marks included;
    ``content_start``/``content_end`` and ``text`` cover what is inside the
    marks. A quotation that runs over several paragraphs (the opening mark
    repeated at each paragraph) has one ``segments`` span per paragraph.
    ``paragraph`` is the index of the paragraph the quotation starts in and
    ``sentence`` the index of its first sentence within that paragraph.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)
    text: str
    content_start: int
    content_end: int
    kind: QuoteKind = attrs.field(validator=attrs.validators.in_(QUOTE_KINDS))
    closed: bool = True
    speaker: Mention | None = None
    entity: Entity | None = None
    cue: Span | None = None
    confidence: float = attrs.field(default=0.0, validator=_confidence)
    rule: str | None = None
    paragraph: int = 0
    sentence: int = 0
    segments: tuple[Span, ...] = attrs.field(default=(), converter=_span_tuple)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types, ``None`` where a part is absent.

        ``entity`` is given as ``{"name", "title", "kind"}`` (its mentions are
        left out to keep one record per quote small).
        """
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "content_start": self.content_start,
            "content_end": self.content_end,
            "kind": self.kind,
            "closed": self.closed,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "entity": (
                {"name": self.entity.name, "title": self.entity.title, "kind": self.entity.kind}
                if self.entity
                else None
            ),
            "cue": self.cue.to_dict() if self.cue else None,
            "confidence": round(self.confidence, 4),
            "rule": self.rule,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "segments": [s.to_dict() for s in self.segments],
        }
