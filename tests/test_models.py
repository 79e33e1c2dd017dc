"""The records themselves: frozen, comparable, and the same after crossing a process
boundary (`extract_quotes_many` pickles them, in a compact form of their own)."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from quoteattr import Entity, Mention, Quote, Span, extract_quotes
from quoteattr.testing import Case, news_documents

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _records(text: str) -> list[Quote]:
    return extract_quotes(text)


@FAST
@given(news_documents())
def test_records_survive_pickling(case: Case) -> None:
    text, _ = case
    records = _records(text)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(records, protocol=protocol))
        assert back == records
        assert [q.to_dict() for q in back] == [q.to_dict() for q in records]
    assert copy.deepcopy(records) == records


def test_one_entity_stays_one_object_after_pickling() -> None:
    text = "“We will build it,” said Ana Lopez. “It will be done,” Lopez added."
    records = _records(text)
    assert len(records) == 2 and records[0].entity is records[1].entity
    back = pickle.loads(pickle.dumps(records))
    assert back[0].entity is back[1].entity
    assert back[0].entity is not None and back[0].entity.name == "Ana Lopez"


@pytest.mark.parametrize(
    "record",
    [
        Span(1, 4, "abc"),
        Mention(0, 3, "she", "pronoun"),
        Entity("Ana Lopez", "Mayor", "person", [Mention(0, 9, "Ana Lopez")]),
        Quote(0, 5, "abc", 1, 4, "direct", segments=[Span(1, 4, "abc")]),
    ],
)
def test_unpickled_records_are_still_frozen(record: object) -> None:
    back = pickle.loads(pickle.dumps(record))
    assert back == record and hash(back) == hash(record)
    field = attrs.fields(type(back))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(back, field, None)
    # A subclass keeps its own fields: a Mention comes back a Mention, kind included.
    assert type(back) is type(record)


def test_a_truncated_state_is_refused() -> None:
    span = Span.__new__(Span)
    with pytest.raises(IndexError):
        span.__setstate__((1, 2))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Span(-1, 2, "ab"), "start must be >= 0, got -1"),
        (lambda: Span(3, 2, ""), r"end \(2\) must be >= start \(3\)"),
        (lambda: Mention(0, 3, "she", "speaker"), "'kind' must be in .* \\(got 'speaker'\\)"),
        (lambda: Mention(4, 3, "she", "speaker"), r"end \(3\) must be >= start \(4\)"),
        (lambda: Entity("Ana Lopez", None, "crowd"), "'kind' must be in .* \\(got 'crowd'\\)"),
        (lambda: Quote(0, 5, "abc", 1, 4, "quip"), "'kind' must be in .* \\(got 'quip'\\)"),
        (
            lambda: Quote(0, 5, "abc", 1, 4, "direct", confidence=1.5),
            r"confidence must be in \[0, 1\], got 1.5",
        ),
        (lambda: Quote(-3, 5, "abc", 1, 4, "quip"), "start must be >= 0, got -3"),
    ],
)
def test_invalid_values_are_refused(make: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()  # type: ignore[operator]


def test_evolve_checks_the_new_values() -> None:
    quote = Quote(0, 5, "abc", 1, 4, "direct", speaker=Mention(6, 9, "she", "pronoun"))
    with pytest.raises(ValueError, match="confidence"):
        attrs.evolve(quote, confidence=-0.5)
    with pytest.raises(ValueError, match="kind"):
        attrs.evolve(quote, kind="quip")
    assert quote.speaker is not None
    with pytest.raises(ValueError, match="kind"):
        attrs.evolve(quote.speaker, kind="crowd")
    with pytest.raises(ValueError) as caught:
        Mention(0, 3, "she", "crowd")  # type: ignore[arg-type]
    # The arguments of attrs' own `in_` validator: message, field, options, value.
    assert caught.value.args[1].name == "kind" and caught.value.args[3] == "crowd"
    assert attrs.evolve(quote, confidence=0.5).confidence == 0.5
