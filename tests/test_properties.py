"""Pipeline-level properties: what `extract_quotes` promises for any ``str``.

Two kinds of input: arbitrary text (all of Unicode, surrogates and control
characters included, mixed with quotation marks so that quotes do occur) and
generated narration with quotations inserted in every mark family, where the
expected quotation spans are known.

The checks live in plain functions (`check_records`, `recovered`, ...) so that
`test_fuzz.py` runs the same properties with many more examples.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quoteattr import Quote, QuoteExtractor, extract_quotes
from quoteattr._marks import _TABLE

# Modest counts: the whole default suite must stay fast; test_fuzz.py runs thousands.
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

OPENING = sorted({m.text for m in _TABLE.values() if m.glyph != "close"}, key=len, reverse=True)
CLOSING = sorted({m.text for m in _TABLE.values() if m.glyph != "open"}, key=len, reverse=True)

EXTRACTOR = QuoteExtractor()
ALL_MARKED = QuoteExtractor(kinds=("direct", "mixed", "other"), min_length=0)
DIRECT = QuoteExtractor(kinds=("direct",))
EVERY_KIND = QuoteExtractor(kinds=("direct", "mixed", "indirect", "other"), min_length=0)


# --- the invariants -------------------------------------------------------------


def check_span(text: str, span: object, what: str) -> None:
    start, end, value = span.start, span.end, span.text  # type: ignore[attr-defined]
    assert 0 <= start <= end <= len(text), f"{what} {start}:{end} outside the text"
    assert text[start:end] == value, f"{what} {start}:{end} does not slice to its text"


def check_records(text: str, records: object) -> None:
    """Every invariant a result of `extract` must satisfy for ``text``."""
    assert isinstance(records, list)
    previous: tuple[int, int] | None = None
    for q in records:
        assert isinstance(q, Quote)
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)
        assert text[q.content_start : q.content_end] == q.text
        if q.kind != "indirect":
            # The whole span is the quotation with its marks.
            assert any(
                text.startswith(m, q.start) and q.content_start >= q.start + len(m) for m in OPENING
            ), f"{text[q.start : q.end]!r} does not start with an opening mark"
            if q.closed:
                assert any(
                    text.startswith(m, q.end - len(m)) and q.content_end <= q.end - len(m)
                    for m in CLOSING
                ), f"{text[q.start : q.end]!r} is closed but does not end with a closing mark"
        # Sorted by position.
        key = (q.start, q.end)
        assert previous is None or previous <= key, "records not sorted"
        previous = key
        prev_end = q.start
        for i, seg in enumerate(q.segments):
            check_span(text, seg, "segment")
            assert prev_end <= seg.start < seg.end <= q.end, "segments ordered, inside the quote"
            if i == 0:
                assert seg.start == q.start
            prev_end = seg.end
        if q.segments:
            assert q.segments[-1].end == q.end
        if q.speaker is not None:
            check_span(text, q.speaker, "speaker")
        if q.cue is not None:
            check_span(text, q.cue, "cue")
        if q.entity is not None:
            for m in q.entity.mentions:
                check_span(text, m, "entity mention")
        assert 0.0 <= q.confidence <= 1.0
        json.dumps(q.to_dict())  # plain JSON types, even with lone surrogates in the text
    check_laminar([(q.start, q.end) for q in records])


def check_laminar(spans: list[tuple[int, int]]) -> None:
    """Top-level spans do not overlap; any other span lies inside one (a quotation
    inside a reported statement): two spans are disjoint or one contains the other."""
    open_: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        while open_ and open_[-1][1] <= start:
            open_.pop()
        if open_:
            assert end <= open_[-1][1], f"{(start, end)} overlaps {open_[-1]}"
        open_.append((start, end))


def dicts(records: Sequence[Quote], entity: bool = True) -> list[str]:
    out = []
    for q in records:
        d = q.to_dict()
        if not entity:
            del d["entity"]
        out.append(json.dumps(d, sort_keys=True))
    return out


def check_deterministic(text: str) -> list[Quote]:
    """Same input, same output: twice with one extractor, and with a fresh one."""
    first = EXTRACTOR.extract(text)
    assert dicts(EXTRACTOR.extract(text)) == dicts(first)
    assert dicts(QuoteExtractor().extract(text)) == dicts(first)
    assert dicts(extract_quotes(text)) == dicts(first)
    return first


def check_kinds_subset(text: str) -> None:
    """Asking for fewer kinds gives a subset of the records, never different records.

    Direct and mixed records are always computed, so ``kinds=("direct",)`` is a pure
    filter of the default. Indirect statements are only looked for when asked for, and
    their speakers then join the entities: a direct record may get its entity named
    from more mentions ("The minister" rather than "the minister"), so against every
    kind the records are compared without their entity.
    """
    default = dicts(EXTRACTOR.extract(text))
    direct = dicts(DIRECT.extract(text))
    assert set(direct) <= set(default)
    assert all(json.loads(d)["kind"] == "direct" for d in direct)
    assert [d for d in default if json.loads(d)["kind"] == "direct"] == direct
    every = EVERY_KIND.extract(text)
    assert set(dicts(EXTRACTOR.extract(text), entity=False)) <= set(dicts(every, entity=False))


def check_disjoint(records: Sequence[Quote]) -> None:
    """Quotations in marks never overlap: nested marks stay inside their record."""
    for a, b in itertools.pairwise(records):
        assert a.end <= b.start, f"{(a.start, a.end)} overlaps {(b.start, b.end)}"


def check_any_text(text: str) -> None:
    records = check_deterministic(text)
    check_records(text, records)
    check_disjoint(records)
    check_disjoint(ALL_MARKED.extract(text))
    check_records(text, EVERY_KIND.extract(text))
    check_kinds_subset(text)


# --- arbitrary text ---------------------------------------------------------------

# Every code point, surrogates (category Cs) and control characters included.
ANY_CHAR = st.characters(exclude_categories=())
_PIECES = st.sampled_from(
    [
        *[m.text for m in _TABLE.values()],
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\x00",
        "\ufeff",
        "\u200b",
        "\u00a0",
        "\ud800",
        "\udfff",
        "\u0301",
        "\u05e9\u05dc\u05d5\u05dd",
        "—",
        "--",
        ". ",
        ", ",
        ": ",
        "said",
        " said ",
        "he said",
        "Smith",
        "the minister",
        "told reporters",
        "according to",
        "can't",
        "boys'",
        "'tis",
        "rock 'n' roll",
        "’90s",
        "U.S.",
        "Mr.",
        "we",
        "win",
        "It",
    ]
)
# Arbitrary Unicode alone rarely contains a quotation; mix it with marks and words.
ANY_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    st.lists(st.one_of(_PIECES, st.text(ANY_CHAR, max_size=4)), max_size=80).map("".join),
)


# Found by the long runs (tests/test_fuzz.py); kept as regression examples.
FOUND_BY_FUZZING = [
    # Asking for indirect speech renamed the entity of a direct quote's speaker.
    "The minister said that “The”. “The” said Smith. “The” said Smith. “The,” said the minister. ",
    # An unclosed quotation run into by the next: the indirect statement cut it.
    "Mr. Dr. Sen. U.S. Mr. Smith said Jones told Brown added Smith He said “we will win. "
    "He said “we will w",
    "Smith told r“eporters: ‘The’. ",
    (
        "The the the the the the the I. “The wall?” said Dr. Rao. The the wall the pay the "
        "the 1990. They said: “The the the the the we o'clock,”.\nThe minister said: “The I "
        "pay the the the we the”. Smith asked" + "\x00" * 20 + "“a ‘b “a ‘b “a ‘b “a ‘b “a ‘b "
        "“a ‘b “a ‘" + "\x00" * 20 + " that “Pay”. Smith asked: “Pay the we the we the never "
        "the,”. "
    ),
    # Two indirect statements crossing each other (atheris, benchmarks/fuzz_extract.py).
    "'''s—told reporter.''s—told reporter",
]


@FAST
@given(ANY_TEXT)
@example(FOUND_BY_FUZZING[0])
@example(FOUND_BY_FUZZING[1])
@example(FOUND_BY_FUZZING[2])
@example(FOUND_BY_FUZZING[3])
@example(FOUND_BY_FUZZING[4])
def test_any_text_gives_valid_records(text: str) -> None:
    check_any_text(text)


# --- generated text with quotations -------------------------------------------------

# (opener, closer) of every mark family and the usual ways of writing it.
STYLES: list[tuple[str, str]] = [
    ("“", "”"),
    ('"', '"'),
    ("``", "''"),
    ("„", "“"),
    ("”", "”"),
    ("‘", "’"),
    ("'", "'"),
    ("‚", "‘"),
    ("«", "»"),
    ("»", "«"),
    ("« ", " »"),
    ("‹", "›"),
    ("›", "‹"),
    ("「", "」"),
    ("『", "』"),
]
_NAMES = ["Smith", "Ana Lopez", "the minister", "a spokeswoman", "Dr. Rao", "she", "he", "they"]
_CUES = ["said", "told reporters", "added", "asked", "wrote", "replied"]
_WORDS = [
    "the",
    "wall",
    "we",
    "pay",
    "Mexico",
    "never",
    "I",
    "told",
    "them",
    "again",
    "home",
    "rock",
    "1990",
    "will",
    "not",
    "win",
    "it",
    "is",
    "over",
    "now",
]
_APOSTROPHE_WORDS = ["can't", "won't", "it's", "Smith's", "o'clock"]
_TAILS = [" ", "\n", "\n\n", "\r\n\r\n", " \n", "\n\n\n"]


def _sentence(draw: st.DrawFn, words: list[str]) -> str:
    body = " ".join(draw(st.lists(st.sampled_from(words), min_size=1, max_size=8)))
    return body[0].upper() + body[1:]


@st.composite
def documents(
    draw: st.DrawFn, styles: Sequence[int] = tuple(range(len(STYLES)))
) -> tuple[str, list[tuple[int, int]], tuple[str, str]]:
    """Narration with quotations of one style inserted.

    Returns the text, the expected (start, end) of every quotation (marks
    included) and the style.
    """
    opener, closer = STYLES[draw(st.sampled_from(list(styles)))]
    # Apostrophes inside straight single quotes are ambiguous even to a reader.
    words = _WORDS if opener in ("'", "‚") else _WORDS + _APOSTROPHE_WORDS
    parts: list[str] = []
    expected: list[tuple[int, int]] = []
    pos = 0

    def add(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    for _ in range(draw(st.integers(1, 6))):
        shape = draw(st.integers(0, 3))
        speaker = draw(st.sampled_from(_NAMES))
        cue = draw(st.sampled_from(_CUES))
        if draw(st.booleans()):
            add(_sentence(draw, words) + ". ")
        if shape == 1:
            add(f"{speaker[0].upper()}{speaker[1:]} {cue}: ")
        elif shape == 2:
            add(f"{speaker[0].upper()}{speaker[1:]} {cue} that ")
        quote = opener + _sentence(draw, words)
        quote += draw(st.sampled_from(["", ",", ".", "!", "?"])) + closer
        expected.append((pos, pos + len(quote)))
        add(quote)
        if shape == 0:
            add(f" {cue} {speaker}.")
        elif shape == 3:
            add(f" {speaker} {cue}.")
        else:
            add(".")
        add(draw(st.sampled_from(_TAILS)))
    return "".join(parts), expected, (opener, closer)


Doc = tuple[str, list[tuple[int, int]], tuple[str, str]]


def check_document(doc: Doc) -> None:
    text, expected, _ = doc
    check_any_text(text)
    # Every inserted quotation comes out, whatever kind attribution gives it.
    got = [(q.start, q.end) for q in ALL_MARKED.extract(text)]
    assert got == expected
    assert all(q.closed for q in ALL_MARKED.extract(text))


def spans_of(records: Sequence[Quote]) -> list[tuple[int, int, int, int]]:
    return [(q.start, q.end, q.content_start, q.content_end) for q in records]


def check_guillemet_swap(doc: Doc) -> None:
    """“ ” and « » are the same quotation, so the records keep their spans."""
    text, _, _ = doc
    swapped = text.replace("“", "«").replace("”", "»")
    assert len(swapped) == len(text)
    for extractor in (EXTRACTOR, ALL_MARKED):
        assert spans_of(extractor.extract(swapped)) == spans_of(extractor.extract(text))


@FAST
@given(documents())
def test_inserted_quotations_in_every_family(doc: Doc) -> None:
    check_document(doc)


@FAST
@given(documents(styles=(0,)))
def test_swapping_curly_for_guillemets_keeps_spans(doc: Doc) -> None:
    check_guillemet_swap(doc)


@FAST
@given(documents(), st.lists(st.tuples(st.integers(0, 10_000), _PIECES), max_size=4))
def test_generated_text_with_noise_gives_valid_records(
    doc: Doc, noise: list[tuple[int, str]]
) -> None:
    """Stray marks and junk spliced into a well-formed document: still valid records."""
    text = doc[0]
    for at, piece in noise:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    check_any_text(text)


def test_the_laminar_check_can_fail() -> None:
    check_laminar([(0, 10), (0, 5), (6, 8), (10, 12), (12, 12)])
    for bad in ([(0, 5), (3, 8)], [(0, 5), (0, 8), (4, 9)], [(2, 9), (0, 4)]):
        with pytest.raises(AssertionError):
            check_laminar(bad)


@pytest.mark.parametrize(
    "text",
    [
        "Smith said the plan “was dead.",  # unclosed: the quotation runs to the paragraph end
        "Smith told them “we will win.",
        "Smith told r“eporters: ‘The’. ",  # found by test_generated_text_with_noise...
    ],
)
def test_indirect_statement_does_not_cut_a_quotation(text: str) -> None:
    """A reported statement either contains a quotation or lies outside it."""
    check_records(text, EVERY_KIND.extract(text))


def test_any_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    text = Text("“We will win,” the mayor said.")
    records = extract_quotes(text)
    check_records(text, records)
    assert [q.text for q in records] == ["We will win,"]
