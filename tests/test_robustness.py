"""Bad input: the input contract, and small versions of every pathological input.

The pathological inputs are those of the speed issue (only opening quotes, only
apostrophes, nested alternating marks, a sentence without a full stop, a token
without spaces, "said said said" lines, random Unicode) and of the reliability
issue (control characters, lone surrogates, combining marks, right-to-left text,
zero-width characters, NBSP, CRLF/CR line ends, a BOM), each 10-50 KB. Each must
run without an exception and give records that satisfy the offset invariants.
How fast they run is measured by ``benchmarks/adversarial.py``, not here.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
import regex
from test_properties import check_records

import quoteattr
from quoteattr import QuoteExtractor, extract_quotes

EXTRACTOR = QuoteExtractor()
EVERY_KIND = QuoteExtractor(kinds=("direct", "mixed", "indirect", "other"), min_length=0)
SIZE = 10_000

# --- the input contract ------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [None, 1, 2.5, ["a"], ("a",), {"text": "a"}, object(), memoryview(b"a")]
)
def test_non_str_raises_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        extract_quotes(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(value).__name__):
        EXTRACTOR.extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [b"\xe2\x80\x9cHi,\xe2\x80\x9d he said.", bytearray(b"abc")])
def test_bytes_say_to_decode(value: bytes) -> None:
    with pytest.raises(TypeError, match=type(value).__name__) as info:
        extract_quotes(value)  # type: ignore[arg-type]
    assert "decode" in str(info.value)


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\r\n", "\t \u00a0\u3000", "\u2029\x0c"])
def test_empty_and_white_space_give_no_records(text: str) -> None:
    assert extract_quotes(text) == []
    assert EVERY_KIND.extract(text) == []


def test_zero_width_and_bom_only_give_no_records() -> None:
    for text in ["\ufeff", "\u200b\u200b", "\ufeff \n\u200b"]:
        assert extract_quotes(text) == []


# --- pathological inputs -------------------------------------------------------------

SENTENCE = "“We will not pay for the wall,” the minister said. Officials told reporters "
SENTENCE += "there was “more work to do.” "


def repeat(unit: str, n: int = SIZE) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def spread(junk: str, n: int = SIZE) -> str:
    """News sentences with ``junk`` after every third word."""
    words = SENTENCE.split(" ")
    unit = " ".join(w + (junk if i % 3 == 0 else "") for i, w in enumerate(words)) + " "
    return repeat(unit, n)


def random_unicode(n: int = SIZE, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x110000)) for _ in range(n))


def random_words(n: int = SIZE, seed: int = 8) -> str:
    rng = random.Random(seed)
    vocab = "the minister said that Smith told reporters , ; there was more work to do".split()
    out: list[str] = []
    while sum(map(len, out)) + len(out) < n:
        out.append(rng.choice(vocab))
    return " ".join(out)


def random_token(n: int = SIZE, seed: int = 9) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEF") for _ in range(n))


def distinct_speakers(sep: str, n: int = SIZE, seed: int = 10) -> str:
    """Quotations each attributed to a different made-up name."""
    rng = random.Random(seed)
    out: list[str] = []
    while sum(map(len, out)) < n:
        name = rng.choice("BCDFGHKLMNPRSTVWZ") + "".join(
            rng.choice("aeiouybcdfghklmnprstvwz") for _ in range(rng.randint(4, 9))
        )
        out.append(f"“We will win,” said {name}.{sep}")
    return "".join(out)[:n]


# Hebrew and Arabic words inside a right-to-left override and its pop.
RTL = " \u202e\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\u202c"

PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "only_opening_quotes": lambda: repeat("“"),
    "only_opening_quotes_and_words": lambda: repeat("“We will "),
    "only_straight_apostrophes": lambda: repeat("'"),
    "only_curly_apostrophes": lambda: repeat("’"),
    "only_straight_double_quotes": lambda: repeat('"'),
    "nested_alternating_marks": lambda: repeat("“‘"),
    "nested_alternating_marks_words": lambda: repeat("“a ‘b "),
    "sentence_without_full_stop": lambda: random_words(),
    "token_without_spaces": lambda: random_token(),
    "said_said_said_lines": lambda: repeat("said said said\n"),
    "random_unicode": lambda: random_unicode(),
    "nul_and_control_characters": lambda: spread("\x00\x01\x07\x1b\x7f\x9b"),
    "only_nul": lambda: repeat("\x00"),
    "lone_surrogates": lambda: spread("\ud800") + "\udfff“\ud83d”",
    "combining_marks": lambda: spread("\u0301\u0308\u0327"),
    "combining_mark_on_quote": lambda: repeat("“\u0301We\u0301 said.”\u0301 "),
    "right_to_left_text": lambda: spread(RTL),
    "zero_width_characters": lambda: spread("\u200b\u200c\u200d\u2060\ufeff"),
    "nbsp": lambda: repeat(SENTENCE.replace(" ", "\u00a0")),
    "crlf_line_ends": lambda: repeat(SENTENCE + "\r\n"),
    "crlf_paragraphs": lambda: repeat(SENTENCE + "\r\n\r\n"),
    "cr_line_ends": lambda: repeat(SENTENCE + "\r"),
    "bom_at_start": lambda: "\ufeff" + repeat(SENTENCE + "\n\n"),
    "unclosed_quote_every_sentence": lambda: repeat("He said “we will win. "),
    "dialogue_in_one_paragraph": lambda: repeat("“Yes,” he said. “No,” said Smith. "),
    "straight_quotes_in_one_paragraph": lambda: repeat('"a" '),
    "distinct_speakers": lambda: distinct_speakers("\n\n"),
    "distinct_speakers_in_one_paragraph": lambda: distinct_speakers(" "),
    "capitalised_words": lambda: repeat("Smith Jones Brown Minister "),
    "names_and_cues_without_stop": lambda: repeat("Smith said Jones told Brown added "),
    "abbreviations": lambda: repeat("Mr. Dr. Sen. U.S. "),
    "periods_without_spaces": lambda: repeat("a.(b."),
    "exclamation_marks": lambda: repeat("!"),
    "only_spaces_then_text": lambda: repeat(" ", SIZE - 10) + "“Hi,” I said.",
    "only_newlines_then_text": lambda: repeat("\n", SIZE - 10) + "“Hi,” I said.",
    "unicode_line_separators": lambda: repeat(SENTENCE + "\u2028\u2029\x85\x0b\x0c"),
    "colons": lambda: repeat("He said: "),
    "continuations_without_stop": lambda: repeat("the mayor said, adding that, "),
    "relative_cues_without_stop": lambda: repeat("Ann Lee, who said, "),
    "dashes": lambda: repeat("— "),
    "html_leftovers": lambda: repeat('<p class="x">&ldquo;Hi,&rdquo; he said.</p>&nbsp;'),
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_gives_valid_records(name: str) -> None:
    text = PATHOLOGICAL[name]()
    assert 10_000 <= len(text) <= 50_000
    check_records(text, EXTRACTOR.extract(text))
    check_records(text, EVERY_KIND.extract(text))


def test_quotes_survive_bad_characters_around_them() -> None:
    """Junk next to a quotation does not lose it, and offsets index the junk-laden text."""
    for junk in ["\x00", "\ud800", "\u200b", "\ufeff", "\u0301", "\u202e", "\u00a0"]:
        text = f"{junk}“We will win,” the mayor said.{junk}\r\n{junk}Nothing else."
        records = extract_quotes(text)
        check_records(text, records)
        assert [q.text for q in records] == ["We will win,"], repr(junk)
        assert records[0].speaker is not None and records[0].speaker.text == "the mayor"


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_ends_give_the_same_quotes(eol: str) -> None:
    lines = ["“We will win,” the mayor said.", "", "“Never,” said Smith.", "He left."]
    text = eol.join(lines)
    got = [(q.text, q.speaker.text if q.speaker else None) for q in extract_quotes(text)]
    assert got == [("We will win,", "the mayor"), ("Never,", "Smith")]


def test_large_input_keeps_offsets() -> None:
    """A large document with one speaker quoted thousands of times: offsets still index
    the caller's string. (200 KB keeps the suite fast; benchmarks/adversarial.py and
    the CLI tests run the megabyte sizes.)"""
    text = repeat("Intro line.\n\n“We will win,” the mayor said.\r\n\r\n", 200_000)
    records = extract_quotes(text)
    check_records(text, records)
    assert len(records) == text.count("“")  # the last one is cut off, unclosed


# --- each regex on its own ----------------------------------------------------------


def _module_patterns() -> list[tuple[str, regex.Pattern[str]]]:
    """Every compiled pattern held at module level in the library."""
    import importlib
    import re
    from pathlib import Path

    found = []
    for path in sorted(Path(quoteattr.__file__).parent.glob("*.py")):
        if "compile(" not in path.read_text(encoding="utf-8"):
            continue  # (and optional heavy imports such as quoteattr.dask stay unloaded)
        module = importlib.import_module(f"quoteattr.{path.stem}")
        for attr, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)) and isinstance(value.pattern, str):
                found.append((f"{path.stem}.{attr}", value))
    return found


PATTERNS = _module_patterns()
# Small: a pattern the library only applies anchored to a few characters ("match" on
# the head of a line) may be quadratic when searched anywhere; an exponential one
# would still hang here. docs/reliability.md reviews how each pattern is applied.
SMALL = {name: make()[:2_000] for name, make in PATHOLOGICAL.items()}


def test_patterns_are_found() -> None:
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_each_regex_on_pathological_inputs(name: str, pattern: regex.Pattern[str]) -> None:
    """``finditer`` over each input terminates and gives matches inside the text."""
    for text in SMALL.values():
        for m in pattern.finditer(text):
            assert 0 <= m.start() <= m.end() <= len(text)
