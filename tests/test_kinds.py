"""What ``kinds`` changes: which records come back, and one reading that needs indirect speech."""

from __future__ import annotations

import pytest

from quoteattr import QuoteExtractor

DEFAULT = QuoteExtractor()
INDIRECT = QuoteExtractor(kinds=("direct", "mixed", "indirect"))
EVERY = QuoteExtractor(kinds=("direct", "mixed", "indirect", "other"))
WITHOUT_INDIRECT = QuoteExtractor(kinds=("direct", "mixed", "other"))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The “Fair Roads” plan would cost too much, the mayor said on Tuesday.", "Fair Roads"),
        (
            "Their “Open Doors” policy has failed, the governor's office said in a statement.",
            "Open Doors",
        ),
    ],
)
def test_a_quoted_term_inside_a_reported_statement_is_its_fragment(text: str, term: str) -> None:
    records = INDIRECT.extract(text)
    statement = next(q for q in records if q.kind == "indirect")
    fragment = next(q for q in records if q.text == term)
    assert fragment.kind == "mixed"
    assert fragment.rule == "in_statement"
    assert statement.content_start <= fragment.start < fragment.end <= statement.content_end
    assert fragment.speaker == statement.speaker
    assert fragment.cue == statement.cue
    # Without the indirect stage nobody claims the term: a term of kind other.
    (alone,) = [q for q in WITHOUT_INDIRECT.extract(text) if q.text == term]
    assert alone.kind == "other" and alone.speaker is None
    assert all(q.text != term for q in DEFAULT.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # A work's title after its owner or its kind is nobody's wording.
        "The series would return next year, the network said of ABC's “Town Builders”.",
        "The mayor said the reality show “Town Builders” would film downtown.",
        # No statement around the term.
        "The “Fair Roads” plan was on the agenda again.",
    ],
)
def test_titles_and_terms_outside_statements_stay_other(text: str) -> None:
    (title,) = [q for q in EVERY.extract(text) if q.kind not in ("indirect",)]
    assert title.kind == "other"
    assert title.speaker is None


def test_fewer_kinds_only_drop_records() -> None:
    text = (
        "“We will not wait,” Ana Ruiz said. She added that the “Fair Roads” plan was dead, "
        "and that the county would vote in May."
    )
    every = EVERY.extract(text)
    for kinds in (("direct",), ("direct", "mixed", "indirect"), ("indirect", "other")):
        subset = QuoteExtractor(kinds=kinds).extract(text)
        assert [q for q in every if q.kind in kinds] == subset
