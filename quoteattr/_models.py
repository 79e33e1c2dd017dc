"""The records `extract_quotes` returns: small frozen attrs classes.

Every offset is a Python ``str`` index into the caller's original string, so
``source[span.start:span.end] == span.text`` holds for every span in a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import Any, Literal

import attrs
from attr import _config

QuoteKind = Literal["direct", "mixed", "indirect", "other"]
MentionKind = Literal["name", "pronoun", "nominal", "organisation"]
EntityKind = Literal["person", "organisation", "document", "unknown"]

QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "mixed", "indirect", "other")
MENTION_KINDS: tuple[MentionKind, ...] = ("name", "pronoun", "nominal", "organisation")
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organisation", "document", "unknown")


# Each record checks its fields in one `__attrs_post_init__` rather than with one
# validator per field (records are made by the thousand per document, a call each
# validator; the checks are inline, a helper only builds the error): the same checks
# in the same order, with the same errors; attrs runs
# it after every field is set, in `evolve` too, and skips it, as it would skip the
# validators, while `attrs.validators.set_disabled(True)` holds.


def _bad_span(start: int, end: int) -> ValueError:
    """The error for offsets that are not a span: a negative start, or an end before it."""
    if start < 0:
        return ValueError(f"start must be >= 0, got {start}")
    return ValueError(f"end ({end}) must be >= start ({start})")


def _not_in(attribute: attrs.Attribute[Any], options: tuple[str, ...], value: Any) -> ValueError:
    """The error `attrs.validators.in_` raises, with its arguments."""
    return ValueError(
        f"'{attribute.name}' must be in {options!r} (got {value!r})", attribute, options, value
    )


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

    start: int
    end: int
    text: str

    def __attrs_post_init__(self) -> None:
        if _config._run_validators:
            if self.start < 0 or self.end < self.start:
                raise _bad_span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types: ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@_compact_pickling
@attrs.frozen(slots=True, getstate_setstate=False)
class Mention(Span):
    """A span that names or refers to a speaker ("Ruiz", "she", "a spokeswoman")."""

    kind: MentionKind = "name"

    def __attrs_post_init__(self) -> None:
        if _config._run_validators:
            if self.start < 0 or self.end < self.start:
                raise _bad_span(self.start, self.end)
            if self.kind not in MENTION_KINDS:
                raise _not_in(_MENTION_KIND, MENTION_KINDS, self.kind)

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
    kind: EntityKind = "unknown"
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mention_tuple)

    def __attrs_post_init__(self) -> None:
        if _config._run_validators and self.kind not in ENTITY_KINDS:
            raise _not_in(_ENTITY_KIND, ENTITY_KINDS, self.kind)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types; mentions as a list of mention dicts."""
        return {
            "name": self.name,
            "title": self.title,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }


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

    start: int
    end: int
    text: str
    content_start: int
    content_end: int
    kind: QuoteKind
    closed: bool = True
    speaker: Mention | None = None
    entity: Entity | None = None
    cue: Span | None = None
    confidence: float = 0.0
    rule: str | None = None
    paragraph: int = 0
    sentence: int = 0
    segments: tuple[Span, ...] = attrs.field(default=(), converter=_span_tuple)

    def __attrs_post_init__(self) -> None:
        if _config._run_validators:
            if self.start < 0 or self.end < self.start:
                raise _bad_span(self.start, self.end)
            if self.kind not in QUOTE_KINDS:
                raise _not_in(_QUOTE_KIND, QUOTE_KINDS, self.kind)
            if not 0.0 <= self.confidence <= 1.0:
                raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")

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


_MENTION_KIND = attrs.fields(Mention).kind
_ENTITY_KIND = attrs.fields(Entity).kind
_QUOTE_KIND = attrs.fields(Quote).kind
