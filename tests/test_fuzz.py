"""Long Hypothesis runs of the pipeline properties (``pytest -m fuzz``).

Not part of the default run (pyproject's ``addopts = "-m 'not fuzz'"``). Each
property runs 20,000 examples by default; ``QUOTEATTR_FUZZ_EXAMPLES=N`` changes
that. ``pytest -m fuzz --hypothesis-show-statistics`` prints how many examples
ran. The checks are those of test_properties.py, plus mixtures of the
pathological inputs of test_robustness.py.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import (
    ANY_CHAR,
    ANY_TEXT,
    Doc,
    check_any_text,
    check_document,
    check_guillemet_swap,
    documents,
)
from test_robustness import PATHOLOGICAL

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("QUOTEATTR_FUZZ_EXAMPLES", "20000"))
LONG = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)

# The repeating unit of each pathological input (its first 40 characters).
_UNITS = sorted({make()[:40] for make in PATHOLOGICAL.values()})


@LONG
@given(ANY_TEXT)
def test_fuzz_any_text(text: str) -> None:
    check_any_text(text)


@LONG
@given(st.text(ANY_CHAR, min_size=200, max_size=3000))
def test_fuzz_long_arbitrary_text(text: str) -> None:
    check_any_text(text)


@LONG
@given(documents())
def test_fuzz_inserted_quotations(doc: Doc) -> None:
    check_document(doc)


@LONG
@given(documents(styles=(0,)))
def test_fuzz_guillemet_swap(doc: Doc) -> None:
    check_guillemet_swap(doc)


@LONG
@given(st.lists(st.tuples(st.sampled_from(_UNITS), st.integers(1, 30)), min_size=1, max_size=12))
def test_fuzz_pathological_mixtures(parts: list[tuple[str, int]]) -> None:
    """Runs of the pathological inputs' units, one after another."""
    check_any_text("".join(unit * n for unit, n in parts))


@LONG
@given(documents(), st.lists(st.tuples(st.integers(0, 9999), st.sampled_from(_UNITS)), max_size=6))
def test_fuzz_documents_with_junk(doc: Doc, junk: list[tuple[int, str]]) -> None:
    text = doc[0]
    for at, piece in junk:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    check_any_text(text)
