"""Sentences: Punkt with shipped parameters, news abbreviations, quotation joins."""

from __future__ import annotations

import itertools
import json
import re
import threading
from importlib import resources

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import (  # type: ignore[import-untyped]
    PunktParameters,
    PunktSentenceTokenizer,
)

from quoteattr import _sentences
from quoteattr._sentences import SentenceSplitter, join_quote_splits, punkt_tokenizer

SPLITTER = SentenceSplitter()


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in SPLITTER.spans(text, 0, len(text))]


# --- abbreviations --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met U.S. officials in Washington on Monday.",
        "Sen. Ted Cruz (R-Texas) and Rep. Elijah Cummings (D-Md.) met Gov. Pat McCrory.",
        "Gen. Mark Milley and Lt. Col. Smith met Capt. Jones at Ft. Bragg, N.C. on Sept. 3.",
        "The meeting began at 10 a.m. on Jan. 5 in St. Louis, officials said.",
        "Other E.U. leaders have proposed a joint command for U.N. missions.",
        "Acme Corp. and Widgets Inc. said profits at the U.K. unit fell.",
        "She lives at No. 10 Downing Street, near Nos. 11 and 12.",
        "Prof. Jane Doe of Calif. and Dr. John Roe spoke vs. the motion.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert sents(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        # The name is also a common word: stock Punkt breaks after the title.
        "“I shall go out,” said Mr. Keen, and took his hat.",
        "He met Mrs.\nWhite at noon and they walked home.",
        "“Hush,” said Dr. Brown quietly.",
    ],
)
def test_an_honorific_never_ends_a_sentence(text: str) -> None:
    assert sents(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He moved to the U.S. The president welcomed him.",
            ["He moved to the U.S.", "The president welcomed him."],
        ),
        (
            "I asked him again. He said no. Then he left.",
            ["I asked him again.", "He said no.", "Then he left."],
        ),
        (
            "“Is it over?” she asked. “Not yet!” He sighed.",
            ["“Is it over?” she asked.", "“Not yet!”", "He sighed."],
        ),
        (
            "The vote was 52 to 48. Democrats objected.",
            ["The vote was 52 to 48.", "Democrats objected."],
        ),
        ("I was ill. The doctor came at noon.", ["I was ill.", "The doctor came at noon."]),
    ],
)
def test_real_sentence_ends_still_split(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    assert sents("He lives at No. 10 Downing Street. No. He does not.") == [
        "He lives at No. 10 Downing Street.",
        "No.",
        "He does not.",
    ]


# --- quotation marks ------------------------------------------------------------------


def test_closing_quote_after_a_period_belongs_to_the_sentence() -> None:
    assert sents("She said, “I’m leaving.” Then she left.") == [
        "She said, “I’m leaving.”",
        "Then she left.",
    ]
    assert sents('He said "Go." She went.') == ['He said "Go."', "She went."]
    assert sents("It was a wild night.’ Nobody answered.") == [
        "It was a wild night.’",
        "Nobody answered.",
    ]


def test_opening_quote_stays_with_the_next_sentence() -> None:
    assert sents("He left. “ Why?” she asked.")[1].startswith("“")


@pytest.mark.parametrize(
    "text",
    [
        "“No.” he said.",
        "“Stop!” cried she.",
        "“Why?” asked the old man, without looking up.",
        "“Yes.” — he nodded slowly.",
    ],
)
def test_lowercase_after_closing_mark_is_one_unit(text: str) -> None:
    assert sents(text) == [text]


def test_uppercase_after_closing_mark_is_a_new_sentence() -> None:
    assert sents("“No.” He turned away.") == ["“No.”", "He turned away."]


def test_join_quote_splits_merges_inside_quotations() -> None:
    text = (
        "“I can’t anticipate their stance. We are not going to change our position. "
        "We don’t agree,” Ebrard said today. The talks end on Friday."
    )
    spans = SPLITTER.spans(text, 0, len(text))
    assert len(spans) == 4  # Punkt splits inside the quotation
    q_end = text.index("”") + 1
    merged = join_quote_splits(text, spans, [(0, q_end)])
    assert [text[s:e] for s, e in merged] == [
        text[: text.index(" The talks")],
        "The talks end on Friday.",
    ]


def test_join_quote_splits_keeps_a_boundary_at_the_quotation_end() -> None:
    text = "“It is over. We lost.” The crowd fell silent."
    spans = SPLITTER.spans(text, 0, len(text))
    merged = join_quote_splits(text, spans, [(0, text.index("”") + 1)])
    assert [text[s:e] for s, e in merged] == ["“It is over. We lost.”", "The crowd fell silent."]


def test_join_quote_splits_moves_boundaries_to_quotation_ends_in_tokenised_text() -> None:
    text = (
        '" Come in , " he said . " I was afraid you were out . " " So I am . Very much so . " '
        '" Then I will wait . "'
    )
    spans = SPLITTER.spans(text, 0, len(text))
    # Punkt leaves each spaced closing quote at the start of the next sentence.
    assert text[spans[2][0] : spans[2][0] + 3] == '" "'
    quotes, i = [], 0
    while (a := text.find('"', i)) >= 0:
        b = text.index('"', a + 1) + 1
        quotes.append((a, b))
        i = b
    merged = join_quote_splits(text, spans, quotes)
    assert [text[s:e] for s, e in merged] == [
        '" Come in , " he said .',
        '" I was afraid you were out . "',
        '" So I am . Very much so . "',
        '" Then I will wait . "',
    ]


def test_join_quote_splits_moves_an_opening_mark_back_to_its_quotation() -> None:
    text = "He said. “Go. Now.” She went."
    spans = [(0, 10), (10, 19), (20, 29)]  # as if a splitter had left the “ behind
    merged = join_quote_splits(text, spans, [(9, 19)])
    assert [text[s:e] for s, e in merged] == ["He said.", "“Go. Now.”", "She went."]


def test_join_quote_splits_merges_lowercase_tag_and_ignores_quote_order() -> None:
    text = "“Go.” he said. “Now. Please.” The door closed."
    spans = [(0, 5), (6, 14), (15, 20), (21, 29), (30, 46)]
    assert [text[s:e] for s, e in spans][-1] == "The door closed."
    quotes = [(15, 29), (0, 5)]
    merged = join_quote_splits(text, spans, quotes)
    assert [text[s:e] for s, e in merged] == [
        "“Go.” he said.",
        "“Now. Please.”",
        "The door closed.",
    ]
    assert join_quote_splits(text, [], quotes) == []


# --- offsets, wraps and the paragraph range -------------------------------------------


def test_offsets_are_absolute_within_the_range() -> None:
    text = "Header line.\n\nMr. Smith spoke. He left early.\n\nFooter."
    start = text.index("Mr.")
    end = text.index("\n\nFooter")
    spans = SPLITTER.spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Mr. Smith spoke.", "He left early."]
    assert all(start <= s < e <= end for s, e in spans)


def test_hard_wrapped_paragraph() -> None:
    text = (
        "It was late when Mr.\nHolloway came home. He\nsaid nothing to the U.S.\n"
        "officials waiting in the hall.\n“Go away,” he said."
    )
    assert sents(text) == [
        "It was late when Mr.\nHolloway came home.",
        "He\nsaid nothing to the U.S.\nofficials waiting in the hall.",
        "“Go away,” he said.",
    ]


def test_empty_and_space_ranges() -> None:
    assert SPLITTER.spans("", 0, 0) == []
    assert SPLITTER.spans("   \n ", 0, 5) == []
    assert SPLITTER.spans("abc", 2, 1) == []


# --- shipped parameters ---------------------------------------------------------------


def _json_params() -> PunktParameters:
    data = json.loads(
        resources.files("quoteattr").joinpath("data", "punkt", "english.json").read_text("utf-8")
    )
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {(a, b) for a, b in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho_context"])
    return params


def test_shipped_model_is_nltk_english() -> None:
    params = _json_params()
    assert len(params.ortho_context) > 20000
    assert {"mr", "u.s", "calif", "inc"} <= params.abbrev_types
    assert {"he", "the", "however"} <= params.sent_starters


def test_news_abbreviations_are_merged() -> None:
    abbrevs = punkt_tokenizer()._params.abbrev_types
    assert {"sen", "gov", "rep", "gen", "lt", "col", "sgt", "capt", "e.u", "a.m", "p.m"} <= abbrevs
    assert {"dr", "mrs", "prof", "rev", "hon", "adm", "corp", "ltd", "vs", "etc"} <= abbrevs
    # "No." is only an abbreviation before a number, so it is not a Punkt abbreviation.
    assert "no" not in abbrevs
    assert "no" in _sentences._NUMERIC_ABBREVS


def test_abbreviation_file_lines_are_well_formed() -> None:
    source = resources.files("quoteattr").joinpath("data", "abbreviations.txt")
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            word, _, flag = line.partition(" ")
            assert word.endswith("."), line
            assert flag in ("", "+number"), line


@pytest.mark.parametrize(
    "text",
    [
        "The dog barked. The cat ran away. Nobody came.",
        "Mr. Brown and Mrs. Green arrived at 3 p.m. They left at 5.",
        "In the U.S. officials disagree. J. Smith said so.",
        "Shares rose 5.3%. Analysts were surprised... Then they fell.",
    ],
)
def test_same_splits_as_nltk_with_the_same_parameters(text: str) -> None:
    # None of these texts uses a news abbreviation or a typographic quote, so our
    # tokenizer must agree exactly with plain NLTK running on the shipped model.
    plain = PunktSentenceTokenizer(_json_params())
    assert list(punkt_tokenizer().span_tokenize(text)) == list(plain.span_tokenize(text))


def test_loading_never_touches_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk  # type: ignore[import-untyped]

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk data lookup")

    monkeypatch.setattr(nltk, "download", forbidden)
    monkeypatch.setattr(nltk.data, "find", forbidden)
    monkeypatch.setattr(nltk.data, "load", forbidden)
    monkeypatch.setattr(_sentences, "_TOKENIZER", None)
    fresh = SentenceSplitter()
    text = "Sen. Smith arrived. He spoke."
    assert [text[s:e] for s, e in fresh.spans(text, 0, len(text))] == [
        "Sen. Smith arrived.",
        "He spoke.",
    ]


def test_candidate_regex_has_no_wall_clock_limit() -> None:
    # NLTK 3.10 runs Punkt's candidate regex under a 5 s limit that counts the whole
    # iteration, so a long paragraph could raise TimeoutError; ours is a plain pattern.
    assert isinstance(punkt_tokenizer()._lang_vars.period_context_re(), re.Pattern)


def test_ortho_context_does_not_grow_while_splitting() -> None:
    ortho = punkt_tokenizer()._params.ortho_context
    before = len(ortho)
    sents("Zyxwvut said so. Qwertzuiop agreed. Mr. Asdfghjkl left.")
    assert len(ortho) == before


def test_splitter_is_shareable_between_threads() -> None:
    text = "Mr. Smith met U.S. officials. They talked. “No.” he said. It ended. " * 50
    expected = SPLITTER.spans(text, 0, len(text))
    results: list[list[tuple[int, int]]] = []

    def work() -> None:
        results.append(SentenceSplitter().spans(text, 0, len(text)))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


# --- properties -----------------------------------------------------------------------

_PROSE = st.lists(
    st.sampled_from(
        [
            "Mr.",
            "U.S.",
            "No.",
            "10",
            "he",
            "He",
            "said",
            "“",
            "”",
            '"',
            "'",
            ".",
            "?",
            "!",
            "...",
            " ",
            " ",
            "\n",
            "a.m.",
            "The",
            "end",
            ",",
            "(",
            ")",
            "—",
            "\xa0",
            "e.g.",
        ]
    ),
    max_size=60,
).map(lambda xs: " ".join(xs))


def _check_spans(text: str, start: int, end: int) -> None:
    spans = SPLITTER.spans(text, start, end)
    lo, hi = max(0, start), min(len(text), end)
    prev = lo
    for s, e in spans:
        assert prev <= s < e <= hi
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e
    # Every visible character of the range is in a sentence.
    covered = [False] * (hi - lo) if hi > lo else []
    for s, e in spans:
        for i in range(s, e):
            covered[i - lo] = True
    assert all(covered[i - lo] or text[i].isspace() for i in range(lo, hi))


@given(st.text(), st.integers(-3, 300), st.integers(-3, 300))
@example("a. b", 0, 4)
def test_any_text_and_range(text: str, start: int, end: int) -> None:
    _check_spans(text, start, end)


@settings(max_examples=300)
@given(_PROSE)
def test_prose_like_text(text: str) -> None:
    _check_spans(text, 0, len(text))


@settings(max_examples=300)
@given(
    st.sampled_from(["", "(", "“", "'", '"', "‘(", "`"]),
    st.sampled_from(["said", "Mr", "U.S", "e.g", "J", "ab", "year", "Gov", "no", "ill", "10"]),
    st.sampled_from([".", "?", "!"]),
    st.sampled_from([" ", "\n", "", "  "]),
    st.sampled_from(["The", "the", "“We", '"', ")", "...", "He", "Smith", "10", "officials", "."]),
)
def test_fast_decision_equals_punkt(
    opening: str, word: str, end: str, space: str, nxt: str
) -> None:
    tok = punkt_tokenizer()
    context = opening + word + end + space + nxt
    assert tok.text_contains_sentbreak(context) == PunktSentenceTokenizer.text_contains_sentbreak(
        tok, context
    )


@settings(max_examples=300)
@given(
    st.sampled_from(["", "(", "“", '"', "she said ", "U.S. "]),
    st.sampled_from(["said", "Mr", "10", "J", "", "why", "e.g"]),
    st.sampled_from(['"', "”", "’", "'", ")", ")”", ""]),
    st.sampled_from([".", "?", "!", "?!"]),
    st.sampled_from([" ", "\n", "", "  "]),
    st.sampled_from(["The", "the", "“We", '"', ")", "...", "10", "who", "abreast", ".", "--"]),
)
def test_fast_decision_after_a_closing_mark_equals_punkt(
    opening: str, word: str, close: str, end: str, space: str, nxt: str
) -> None:
    tok = punkt_tokenizer()
    context = opening + word + close + end + space + nxt
    assert tok.text_contains_sentbreak(context) == PunktSentenceTokenizer.text_contains_sentbreak(
        tok, context
    )


@settings(max_examples=500)
@given(st.text(alphabet=list("aB1.?!\"'’”)(“ \n-,;:"), min_size=1, max_size=12))
def test_a_mark_end_is_always_a_punkt_break(context: str) -> None:
    # The shortcut's claim on any string, not only on the contexts Punkt's scan builds.
    if _sentences._MARK_END.match(context) is not None:
        assert PunktSentenceTokenizer.text_contains_sentbreak(punkt_tokenizer(), context)


@st.composite
def _disjoint_spans(draw: st.DrawFn, size: int) -> list[tuple[int, int]]:
    cuts = sorted(draw(st.lists(st.integers(0, size), max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return [(a, b) for a, b in pairs if a < b]


@settings(max_examples=300)
@given(st.data(), _PROSE)
def test_join_quote_splits_properties(data: st.DataObject, text: str) -> None:
    spans = SPLITTER.spans(text, 0, len(text))
    quotes = data.draw(_disjoint_spans(len(text)))
    data.draw(st.randoms()).shuffle(quotes)
    merged = join_quote_splits(text, spans, quotes)
    assert len(merged) <= len(spans)
    lo = spans[0][0] if spans else 0
    hi = spans[-1][1] if spans else 0
    prev = lo
    for s, e in merged:
        assert prev <= s < e <= hi
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e
    # Every visible character of a sentence is still in a unit.
    inside = {i for s, e in merged for i in range(s, e)}
    assert all(i in inside for s, e in spans for i in range(s, e) if not text[i].isspace())
    # No remaining boundary lies strictly inside a quotation.
    for (_, pe), (ns, _) in itertools.pairwise(merged):
        assert not any(qs < pe and ns < qe for qs, qe in quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The S.E.C. said it would look into it. Then more.", 2),
        ("Officials at the F.B.I. said the case was closed.", 1),
        ("He moved to the U.S. The weather was fine.", 2),  # a capital: a new sentence
    ],
)
def test_no_sentence_ends_at_an_initialism_before_a_lower_case_word(
    text: str, expected: int
) -> None:
    spans = SentenceSplitter().spans(text, 0, len(text))
    assert len(spans) == expected
    assert text[spans[0][0] : spans[0][1]].endswith((".", "it."))


def test_an_exclamation_in_brackets_ends_no_sentence() -> None:
    text = "My aunt, who often (bless her!) speaks at length, came in. She sat."
    a, b = SPLITTER.spans(text, 0, len(text))[0]
    assert text[a:b].endswith("came in.")
