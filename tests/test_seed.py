"""Acceptance: the seed document gives exactly its five expected quotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr import QuoteExtractor, extract_quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = (SEEDS / "ebrard_pompeo.txt").read_text(encoding="utf-8")
EXPECTED = json.loads((SEEDS / "ebrard_pompeo.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def quotes():  # type: ignore[no-untyped-def]
    return extract_quotes(TEXT)


def test_exactly_the_expected_spans(quotes) -> None:  # type: ignore[no-untyped-def]
    want = [(q["start"], q["end"]) for q in EXPECTED["direct_and_mixed_quotes"]]
    assert [(q.start, q.end) for q in quotes] == want


@pytest.mark.parametrize("n", range(5))
def test_each_quote(quotes, n: int) -> None:  # type: ignore[no-untyped-def]
    want = EXPECTED["direct_and_mixed_quotes"][n]
    got = quotes[n]
    assert TEXT[got.start : got.end] == want["text"]
    assert got.kind == want["kind"]
    assert got.speaker is not None and got.entity is not None
    allowed = {want["speaker"]["text"], *want.get("speaker_alternatives", [])}
    assert got.speaker.text in allowed
    assert got.entity.name == want["speaker"]["entity"]
    assert got.cue is not None and got.cue.text.lower() == want["cue"].lower()


def test_entities_group_mentions(quotes) -> None:  # type: ignore[no-untyped-def]
    ebrard = quotes[0].entity
    assert ebrard is not None
    assert ebrard.title == "Foreign Minister"
    pompeo = {q.entity.name for q in quotes[1:3] if q.entity}
    assert pompeo == {"Mike Pompeo"}


def test_no_quote_from_an_apostrophe(quotes) -> None:  # type: ignore[no-untyped-def]
    for q in quotes:
        assert TEXT[q.start] in "“\"«»„‘'"


def test_other_kinds_filtered_not_lost() -> None:
    every = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(TEXT)
    assert len(every) >= 5
