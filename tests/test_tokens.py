"""Tokens: offsets, kinds and the token pattern."""

from __future__ import annotations

import re

from hypothesis import given
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
