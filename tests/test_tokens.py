"""Tokens: offsets, kinds and the token pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import _tokens
from quoteattr._mentions import lexicon
from quoteattr._tokens import NUMBER, PUNCT, WORD, tokenize


def test_words_numbers_and_punctuation() -> None:
    text = "Mr. O’Brien, a well-known U.S. judge, paid $40 in 2015."
    toks = tokenize(text, 0, len(text), lexicon().abbreviations)
    assert [t.text for t in toks] == [
        "Mr.", "O’Brien", ",", "a", "well-known", "U.S.", "judge", ",",
        "paid", "$", "40", "in", "2015", ".",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.kind for t in toks[8:11]] == [WORD, PUNCT, NUMBER]


_GREEDY = re.compile(_tokens._TOKEN.pattern.replace("*+", "*"))


@given(
    st.text(alphabet=list("aZé1_'’-. \n\t\u0301\u00a0“,"), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_possessive_repeats_match_as_greedy_ones(text: str, a: int, b: int) -> None:
    # No repeat of the token pattern is ever backtracked into, so possessive (3.11+)
    # and greedy repeats find the same tokens.
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert _tokens._TOKEN.findall(text, start, end) == _GREEDY.findall(text, start, end)


@settings(deadline=None)
@given(
    st.text(alphabet=list("aZ1.’- \n“”,"), max_size=60),
    st.integers(0, 60),
    st.integers(0, 80),
)
def test_tokens_in_are_the_tokens_of_the_range(text: str, a: int, width: int) -> None:
    # Taken from a tokenised paragraph, or None: never other tokens than tokenising gives.
    from quoteattr._document import Document
    from quoteattr._layout import paragraphs
    from quoteattr._sentences import SentenceSplitter

    spans = paragraphs(text)
    doc = Document(text, spans, SentenceSplitter(), None)  # type: ignore[arg-type]
    for k in range(len(spans)):
        doc.tokens(k)
    start = min(a, len(text))
    end = min(len(text), start + width)
    got = doc.tokens_in(start, end)
    if got is not None:
        want = tokenize(text, start, end, lexicon().abbreviations)
        assert [(t.start, t.end, t.text) for t in got] == [(t.start, t.end, t.text) for t in want]


def test_tokens_in_a_tokenised_paragraph() -> None:
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    text = "The mayor, Ana Ruiz’s aide, met Dr. Lee Smith."
    doc = Document(text, [(0, len(text))], SentenceSplitter(), None)  # type: ignore[arg-type]
    assert doc.tokens_in(4, 9) is None  # the paragraph is not tokenised yet
    doc.tokens(0)
    got = doc.tokens_in(4, 9)
    assert got is not None and [t.text for t in got] == ["mayor"]
    assert doc.tokens_in(11, 19) is None  # "Ruiz’s" runs past the end: it would be cut
    assert doc.tokens_in(5, 9) is None  # not after white space
    end = text.index("Smith") + 5
    assert doc.tokens_in(text.index("Dr."), end) is not None
