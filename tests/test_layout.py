"""Layout: paragraph spans, blank lines, hard wraps, line-ending variants."""

from __future__ import annotations

import textwrap

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteattr._layout import paragraphs

_WS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u2028\u2029\u3000\ufeff\u200b"
_NL = r"(?>\r\n|[\r\n\v\x85\u2028])"
_BLANK_LINE = regex.compile(_NL + r"[ \t\xa0\u3000\ufeff]*" + _NL)
_HARD = regex.compile(r"[\f\x1c\x1d\x1e\u2029]")


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraphs(text)]


# --- documents with one paragraph per line (news) -------------------------------------


NEWS = (
    "Mexico rejects safe third country status\n"
    "Foreign Minister Marcelo Ebrard\n"
    "said on Sunday that Mexico would not sign a safe third country agreement.\n"
    "“We are not going to change our position,” Ebrard told reporters.\n"
    "Mexico\n"
    "has long resisted pressure from Washington on the issue.\n"
    "The talks will resume in July, officials said.\n"
    "gm"
)


def test_news_lines_are_paragraphs_and_lowercase_continuations_are_wraps() -> None:
    assert texts(NEWS) == [
        "Mexico rejects safe third country status",
        "Foreign Minister Marcelo Ebrard\n"
        "said on Sunday that Mexico would not sign a safe third country agreement.",
        "“We are not going to change our position,” Ebrard told reporters.",
        "Mexico\nhas long resisted pressure from Washington on the issue.",
        "The talks will resume in July, officials said.",
        "gm",
    ]


def test_blank_lines_always_separate() -> None:
    text = "The minister spoke first.\n\nThe president\n\nsaid nothing at all."
    assert texts(text) == ["The minister spoke first.", "The president", "said nothing at all."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title never ends a paragraph.
        ("The bill was sponsored by Sen.\nTed Cruz of Texas.", 1),
        # An initialism before a lower-case word is not a sentence end ...
        ("Officials from the U.S.\nembassy declined to comment.", 1),
        # ... but before a capital it is.
        ("The company moved its headquarters to the U.S.\nThe move cost $2 million.", 2),
        # A sentence end is a paragraph end even before a lower-case word.
        ("Prices rose sharply.\niPhone sales fell.", 2),
        # Commas and word hyphens run on.
        ("“We have not agreed to anything,”\nEbrard said.", 1),
        ("The long-\nawaited report was published on Monday.", 1),
        # A short line cut after a function word.
        ("Officials at the\nWhite House said the talks would go on.", 1),
        # A headline without a full stop, then the story.
        ("Trump vows to fight on\nThe president said he would appeal the ruling.", 2),
        # Headlines separated by semicolons stay apart.
        ("Clinton, surprise populist;\nThe candidate broke with her husband's record.", 2),
        # A bullet always starts a paragraph.
        ("The measures include:\n - a freeze on fuel duty\n - higher tax credits", 3),
        ("Steps agreed on Monday\n1. Talks resume in July\n2. Tariffs are suspended", 3),
    ],
)
def test_single_line_break_decisions(text: str, expected: int) -> None:
    assert len(paragraphs(text)) == expected, texts(text)


# --- hard-wrapped documents (Gutenberg novels) ----------------------------------------

NOVEL_PARAS = [
    "It was a bright cold day in April, and the clocks were striking thirteen. "
    "The hallway smelt of boiled cabbage and old rag mats, and at one end of it a "
    "coloured poster, too large for indoor display, had been tacked to the wall.",
    "“Do you suppose,” said Mr. Holloway, turning slowly from the window, “that any "
    "of them will come back before the snow? I should not like to wager on it.”",
    "“No.” She folded her letter twice and put it away in the drawer of the desk, "
    "where she kept the others that had arrived since the beginning of the winter.",
    "The carriage waited at the gate for nearly an hour, and the horses grew restless "
    "in the cold, stamping and blowing while the coachman walked up and down the lane.",
]


def wrap(paragraph: str, width: int = 70) -> str:
    return "\n".join(textwrap.wrap(paragraph, width))


def test_wrapped_novel_with_blank_lines_joins_every_single_break() -> None:
    text = "\n\n".join(wrap(p) for p in NOVEL_PARAS)
    assert [" ".join(p.split()) for p in texts(text)] == NOVEL_PARAS


def test_wrapped_novel_keeps_short_lines_and_verse_in_their_block() -> None:
    verse = "    Row, row, the little boat!\n    Watch the water, see it float!"
    text = "\n\n".join([wrap(NOVEL_PARAS[0]), verse, wrap(NOVEL_PARAS[3])])
    got = texts(text)
    assert len(got) == 3
    assert got[1] == verse.strip()


def test_wrapped_novel_without_blank_lines_breaks_at_intentional_line_ends() -> None:
    # Paragraphs separated by a single line break: the last line of each is short and
    # the next line's first word would have fitted on it.
    text = "\n".join(wrap(p) for p in NOVEL_PARAS)
    got = [" ".join(p.split()) for p in texts(text)]
    assert got == NOVEL_PARAS


def test_wrapped_lines_ending_with_a_title_are_not_paragraph_ends() -> None:
    body = wrap(NOVEL_PARAS[0]) + "\n" + wrap(NOVEL_PARAS[3])
    text = body + "\nThe letter was addressed to Mr.\nHolloway at the old house by the river."
    assert texts(text)[-1].startswith("The letter was addressed to Mr.\nHolloway")


def test_short_list_of_lines_is_not_mistaken_for_wrapped_text() -> None:
    text = "Alice: are you coming?\nBob: in a minute.\nAlice: we are late.\nBob: I know."
    assert len(paragraphs(text)) == 4


# --- white space and line-ending variants ---------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\x85", "\v"])
def test_line_endings_give_the_same_paragraphs(newline: str) -> None:
    text = NEWS.replace("\n", newline)
    got = [p.replace(newline, "\n") for p in texts(text)]
    assert got == texts(NEWS)


def test_crlf_blank_lines_and_whitespace_only_lines() -> None:
    text = "First paragraph here.\r\n \t\xa0\r\nSecond paragraph\r\nruns on here.\r\n\r\n"
    assert texts(text) == ["First paragraph here.", "Second paragraph\r\nruns on here."]


def test_form_feed_and_paragraph_separator_end_a_paragraph() -> None:
    text = "The first page ends here,\fand the second starts here.\u2029Third part."
    assert texts(text) == [
        "The first page ends here,",
        "and the second starts here.",
        "Third part.",
    ]


def test_bom_nbsp_and_outer_space_are_trimmed() -> None:
    text = "\ufeff\xa0 The minister arrived. \xa0\n\n\u3000He spoke briefly.\u200b "
    assert texts(text) == ["The minister arrived.", "He spoke briefly."]
    assert paragraphs(text)[0][0] == 3


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\r\n\t\xa0\ufeff", "\f\u2029"])
def test_nothing_but_space_has_no_paragraph(text: str) -> None:
    assert paragraphs(text) == []


def test_text_without_line_breaks_is_one_paragraph() -> None:
    text = "  He said so .  “ Yes , ” she replied .  "
    assert texts(text) == ["He said so .  “ Yes , ” she replied ."]


# --- properties -----------------------------------------------------------------------

_LINEY = st.lists(
    st.sampled_from(
        [
            *"ab. ,A\n\n\n\r\t\xa0\f\u2028\u2029\ufeff“”\"'-",
            *["Mr.", "U.S.", "the", "\r\n", " - ", "1. ", "x" * 45],
        ]
    ),
    max_size=80,
).map("".join)


def _check(text: str) -> list[tuple[int, int]]:
    spans = paragraphs(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[s] not in _WS and text[e - 1] not in _WS
        para = text[s:e]
        # Paragraphs never cross a blank line or a hard break.
        assert _BLANK_LINE.search(para) is None, para
        assert _HARD.search(para) is None, para
        prev = e
    # Every visible character belongs to a paragraph.
    covered = sum(e - s for s, e in spans)
    gaps = zip([0, *(e for _, e in spans)], [*(s for s, _ in spans), len(text)], strict=True)
    outside = "".join(text[a:b] for a, b in gaps)
    assert all(c in _WS for c in outside)
    assert covered + len(outside) == len(text)
    return spans


@given(st.text())
@example("\ufeff\r\n\r")
@example("a\r\rb")
def test_any_text_gives_sorted_trimmed_paragraphs(text: str) -> None:
    _check(text)


@settings(max_examples=300)
@given(_LINEY)
def test_line_structured_text_gives_sorted_trimmed_paragraphs(text: str) -> None:
    _check(text)


@settings(max_examples=200)
@given(st.lists(st.sampled_from([*NOVEL_PARAS, "Short line.", "gm", "the U.S."]), max_size=12))
def test_crlf_equals_lf(parts: list[str]) -> None:
    text = "\n".join(wrap(p, 60) for p in parts)
    crlf = text.replace("\n", "\r\n")
    a = [text[s:e] for s, e in paragraphs(text)]
    b = [crlf[s:e].replace("\r\n", "\n") for s, e in paragraphs(crlf)]
    assert a == b
