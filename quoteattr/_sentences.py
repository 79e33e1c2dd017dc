"""Sentences: NLTK's Punkt with English parameters that ship inside the package.

The parameters are NLTK's English Punkt model (``data/punkt/english.json``, see the
NOTICE there) plus the news abbreviations of ``data/abbreviations.txt``. They are read
once per process; nothing is downloaded and NLTK's data path is never consulted.

Adjustments on top of NLTK's Punkt, all keeping its decisions except where noted:

* the candidate regex is compiled with the standard library (NLTK 3.10 puts a 5-second
  wall-clock limit on the whole scan of a text, which a long paragraph can exceed), and
  the commonest candidate, a plain word and a period, is decided without building
  tokens (same decision, three to four times faster);
* Punkt's word and token patterns are matched directly, compiled by `regex` as NLTK 3.10
  does, without the Python wrapper and timer NLTK 3.10 puts around every match (same
  splits; sentence splitting takes about half the time);
* closing curly quotes and guillemets count as closing punctuation whatever the NLTK version
  (``He left.” Then`` keeps the ``”``), and a straight quote moves back onto the
  sentence before it only when it touches the sentence end (in tokenised text
  ``said . " I`` the quote opens the next quotation);
* a split after a closing mark is undone when the next sentence starts in lower case
  (``“No.” he said`` is one unit), and a split after "No." before a number is undone;
* `join_quote_splits` moves or removes boundaries that fall inside a quotation.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from operator import methodcaller
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer  # type: ignore[import-untyped]

__all__ = ["SentenceSplitter", "join_quote_splits", "punkt_tokenizer"]

# Closing quotation marks and brackets. Opening marks (U+201C, U+2018, U+00AB) are left
# out so the next sentence's opening quote is never pulled back onto the previous one.
_CLOSERS = "\"')]}\u2019\u201d\u00bb\u203a"
_CLOSING_MARKS = frozenset("\"'\u2019\u201d\u00bb\u203a\u300d\u300f")
# Punkt's realignment: closing punctuation after a sentence end belongs to that sentence.
_REALIGN = re.compile("[" + re.escape(_CLOSERS) + r"]+?(?:\s+|(?=--)|$)", re.MULTILINE)
# After white space a straight quote more likely opens the next quotation ('said . " I'
# in tokenised text), so only the unambiguous closers move back across a space.
_REALIGN_AFTER_SPACE = re.compile(
    "[" + re.escape(_CLOSERS.replace('"', "").replace("'", "")) + r"]+?(?:\s+|(?=--)|$)",
    re.MULTILINE,
)
# Punkt's characters that cannot occur inside a word, with the typographic quotes.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb!?])"
# Punkt's candidate sentence ends, as NLTK writes it, compiled with the standard library:
# NLTK 3.10 wraps it in a wall-clock limit that also counts the time Punkt spends between
# matches, so a long paragraph could raise TimeoutError. The pattern is linear: only a
# candidate followed by white space scans the next token, once.
_PERIOD_CONTEXT = re.compile(
    r"[.?!](?=(?P<after_tok>" + _NON_WORD + r"|\s+(?P<next_tok>\S+)))", re.UNICODE
)
# A Punkt candidate context that is a plain word, a period, then a token or punctuation.
# Opening marks before the word are either split off by Punkt's word tokenizer or kept on
# the word's type ("“no"), which is then never an abbreviation, initial or number.
_PLAIN_END = re.compile(
    r"[\"'`([{\u201c\u2018\u00ab]*([^\W\d_]{2,})\.(?:\s+[^\s.]|" + _NON_WORD + ")"
)
# A Punkt candidate context whose end mark is a token of its own ("?", "!"), or whose period
# follows a closing mark ("said”. The", "(Reuters). The"), then a token: Punkt's first pass
# makes the mark's token a break and its second pass reads only tokens that end with a
# period and are an abbreviation, an initial, a number or a collocation's first word.
_MARK_END = re.compile(r"[^\s.?!]*(?:[?!]|[\"')\u2019\u201d]\.)(?:\s+[^\s.]|" + _NON_WORD + ")")
# The types of the tokens `_MARK_END` ends with (a closing mark before the period, or the
# period alone): its shortcut holds while no abbreviation or collocation starts with one.
_MARK_TYPES = frozenset([".", '"', "'", ")", "\u2019", "\u201d"])


class _OrthoContext(dict[str, int]):
    """Orthographic flags; an unseen word reads as 0 *without* being inserted.

    NLTK keeps these in a ``defaultdict``, which grows by one entry per unseen word
    read, so a shared tokenizer would leak memory over a corpus and mutate under
    concurrent readers.
    """

    __slots__ = ()

    def __missing__(self, key: str) -> int:
        return 0


def _abbrev_type(written: str) -> str:
    """Punkt's type for an abbreviation as written in text: ``"U.S."`` -> ``"u.s"``."""
    return written.strip().lower().removesuffix(".")


def _read_abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(plain, before-a-number-only) abbreviation types from ``abbreviations.txt``."""
    plain: set[str] = set()
    numeric: set[str] = set()
    source = resources.files("quoteattr").joinpath("data", "abbreviations.txt")
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, flag = line.partition(" ")
        if flag.strip() == "+number":
            numeric.add(_abbrev_type(word))
        else:
            plain.add(_abbrev_type(word))
    return frozenset(plain), frozenset(numeric)


def _direct(pattern: Any) -> Any:
    """``pattern`` (a compiled pattern or NLTK's timed wrapper of one) compiled by
    `regex`, the engine NLTK 3.10 uses, and matched without a wrapper."""
    return regex.compile(pattern.pattern, pattern.flags)


# Punkt's "number or alphabetic" test (``nltk.tokenize.punkt._re_non_punct``).
_NON_PUNCT = regex.compile(r"[^\W\d]", regex.UNICODE)

_LOCK = threading.Lock()
_TOKENIZER: Any = None
_NUMERIC_ABBREVS: frozenset[str] = frozenset()


def _load() -> Any:
    """Build the shared tokenizer once per process (about 20 ms)."""
    global _TOKENIZER, _NUMERIC_ABBREVS
    with _LOCK:
        if _TOKENIZER is not None:
            return _TOKENIZER
        # Imported here: importing nltk takes up to a second, which `import quoteattr`
        # should not pay.
        from nltk.tokenize.punkt import (
            PunktLanguageVars,
            PunktParameters,
            PunktSentenceTokenizer,
            PunktToken,
        )

        # NLTK's word pattern, matched without NLTK 3.10's per-call time guard.
        word_re = regex.compile(
            PunktLanguageVars._word_tokenize_fmt
            % {
                "NonWord": _NON_WORD,
                "MultiChar": PunktLanguageVars._re_multi_char_punct,
                "WordStart": PunktLanguageVars._re_word_start,
            },
            regex.UNICODE | regex.VERBOSE,
        )

        class _EnglishVars(PunktLanguageVars):  # type: ignore[misc]
            """Punkt language variables that know typographic quotes (as NLTK 3.10 does)."""

            __slots__ = ()
            re_boundary_realignment = _REALIGN
            _re_non_word_chars = _NON_WORD

            def period_context_re(self) -> re.Pattern[str]:
                return _PERIOD_CONTEXT

            def _word_tokenizer_re(self) -> Any:
                return word_re

        class _Token(PunktToken):  # type: ignore[misc]
            """Punkt's token with its patterns matched directly: NLTK 3.10 runs each match
            of every token through a Python wrapper with a wall-clock guard. The
            patterns are NLTK's own, compiled by the same engine; they are linear."""

            __slots__ = ()
            _RE_ELLIPSIS = _direct(PunktToken._RE_ELLIPSIS)
            _RE_NUMERIC = _direct(PunktToken._RE_NUMERIC)
            _RE_INITIAL = _direct(PunktToken._RE_INITIAL)
            _RE_ALPHA = _direct(PunktToken._RE_ALPHA)

            @property
            def is_non_punct(self) -> Any:
                return _NON_PUNCT.search(self.type)

        class _Tokenizer(PunktSentenceTokenizer):  # type: ignore[misc]
            """Punkt with shortcuts for the commonest candidates: a plain word and a period,
            a question or exclamation mark, a closing mark and a period.

            Punkt decides each candidate by tokenising and annotating its context
            ("said. The"); when the word before the period is only letters, at least
            two, and not a known abbreviation, no heuristic of Punkt's can undo the
            break (collocations start with initials or numbers), and neither can it
            for `_MARK_END`, so the answer is known without building tokens. Same
            decisions, about twice as fast.
            """

            def text_contains_sentbreak(self, text: str) -> bool:
                m = _PLAIN_END.match(text)
                if m is not None:
                    word = m.group(1).lower()
                    if word not in self._params.abbrev_types and word not in colloc_first:
                        return True
                if mark_end is not None and mark_end.match(text) is not None:
                    return True
                return bool(super().text_contains_sentbreak(text))

            def _slices_from_text(self, text: str) -> Iterator[slice]:
                for start, stop in self.bounds(text):
                    yield slice(start, stop)

            def bounds(self, text: str) -> list[tuple[int, int]]:
                """``(start, stop)`` of Punkt's slices (`_slices_from_text`, realignment
                left out): NLTK's `_match_potential_end_contexts` and `_slices_from_text`
                in one loop, with the same quirks (white space first in the gap before a
                candidate counts as none), without the generators, slice objects and the
                per-character look for the last white space."""
                out: list[tuple[int, int]] = []
                last_break = 0
                previous = None
                # The word before the previous candidate: ``text[word_start:word_stop]``.
                word_start = word_stop = 0
                abbrevs = self._params.abbrev_types
                slow = super().text_contains_sentbreak
                spaces = [c for c in _SPACES if c in text]
                for match in _candidates(text):
                    at = match.start()
                    space = text.rfind(" ", word_stop, at)
                    for c in spaces:
                        space = max(space, text.rfind(c, word_stop, at))
                    start = space + 1 if space > word_stop else word_start
                    if previous is not None and word_stop <= start:
                        context = (
                            text[word_start:word_stop]
                            + previous.group()
                            + previous.group("after_tok")
                        )
                        m = _PLAIN_END.match(context)
                        if (
                            (
                                m is not None
                                and (word := m.group(1).lower()) not in abbrevs
                                and word not in colloc_first
                            )
                            or (mark_end is not None and mark_end.match(context) is not None)
                            or slow(context)
                        ):
                            out.append((last_break, previous.end()))
                            # the next sentence starts at the next token, else right here
                            nxt = previous.start("next_tok")
                            last_break = nxt if nxt >= 0 else previous.end()
                    previous = match
                    word_start, word_stop = start, at
                if previous is not None:
                    context = (
                        text[word_start:word_stop] + previous.group() + previous.group("after_tok")
                    )
                    if self.text_contains_sentbreak(context):
                        out.append((last_break, previous.end()))
                        nxt = previous.start("next_tok")
                        last_break = nxt if nxt >= 0 else previous.end()
                out.append((last_break, len(text.rstrip())))
                return out

        source = resources.files("quoteattr").joinpath("data", "punkt", "english.json")
        data = json.loads(source.read_text(encoding="utf-8"))
        plain, numeric = _read_abbreviations()
        params = PunktParameters()
        params.abbrev_types = set(data["abbrev_types"]) | plain
        params.collocations = {(a, b) for a, b in data["collocations"]}
        params.sent_starters = set(data["sent_starters"])
        params.ortho_context = _OrthoContext(data["ortho_context"])
        colloc_first = frozenset(a for a, _ in params.collocations)
        mark_end = None if _MARK_TYPES & (colloc_first | params.abbrev_types) else _MARK_END
        tokenizer = _Tokenizer(params, lang_vars=_EnglishVars(), token_cls=_Token)
        # Compile the lazily built regexes now, so concurrent first calls don't race.
        tokenizer._lang_vars.period_context_re()
        tokenizer._lang_vars._word_tokenizer_re()
        _NUMERIC_ABBREVS = numeric
        _TOKENIZER = tokenizer
        return tokenizer


# Punkt's white space (``string.whitespace``) but the space.
_SPACES = "\t\n\r\x0b\x0c"
# `_PERIOD_CONTEXT` one end mark at a time: a pattern that opens with a literal is
# scanned for by `re` several times faster than one that opens with a character set.
_PERIOD_CONTEXTS = tuple(
    (mark, re.compile(re.escape(mark) + _PERIOD_CONTEXT.pattern[len("[.?!]") :])) for mark in ".?!"
)


def _candidates(text: str) -> list[re.Match[str]]:
    """The matches of `_PERIOD_CONTEXT` in ``text``, in order."""
    found: list[re.Match[str]] = []
    marks = 0
    for mark, pattern in _PERIOD_CONTEXTS:
        if mark in text:
            found.extend(pattern.finditer(text))
            marks += 1
    if marks > 1:  # the matches of one pattern are in order already (most text: ".")
        found.sort(key=_START)
    return found


_START = methodcaller("start")


def punkt_tokenizer() -> PunktSentenceTokenizer:
    """The configured, shared Punkt tokenizer (no quotation adjustments).

    Treat it as read-only: it is shared by every `SentenceSplitter` in the process.
    """
    tokenizer = _TOKENIZER
    return tokenizer if tokenizer is not None else _load()


# A sentence may end at one of these; if none occurs before the paragraph's final
# punctuation, the paragraph is one sentence and Punkt need not run.
_TAIL = " \t\r\n\f\v\u00a0.!?\u2026" + _CLOSERS
# "No." at the end of a sentence whose successor starts with a digit.
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\.\Z")
# An initialism at the end of a span: "S.E.C.", "U.S.", "F.B.I.".
_INITIALISM = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}\Z")
_LOWER_START = re.compile(r"(?:[-\u2013\u2014]+\s*)?[^\W\d_]")
_ONLY_CLOSERS = re.compile(r"[\s\"'\u2019\u201d\u00bb\u203a\u300d\u300f)\]]*")
_ONLY_OPENERS = re.compile(r"[\s\"'\u201c\u2018\u00ab\u2039\u201e\u300c\u300e(\[]*")


class SentenceSplitter:
    """Split a paragraph into sentence spans with absolute offsets.

    Cheap to build (the Punkt parameters are loaded once per process), immutable,
    and safe to share between threads.
    """

    __slots__ = ("_honorifics", "_numeric", "_tokenizer")

    def __init__(self) -> None:
        self._tokenizer = punkt_tokenizer()
        self._numeric = _NUMERIC_ABBREVS
        self._honorifics = _honorifics()

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Sentence ``(start, end)`` spans covering ``text[start:end]``.

        Spans are sorted, non-overlapping, non-empty and trimmed of white space;
        together they cover every non-space character of the range.
        """
        start = max(0, start)
        end = min(len(text), max(start, end))
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return []
        lead = len(chunk) - len(chunk.lstrip())
        s0, e0 = start + lead, start + lead + len(stripped)
        core = stripped.rstrip(_TAIL)
        if "." not in core and "?" not in core and "!" not in core:
            return [(s0, e0)]
        out: list[tuple[int, int]] = []
        prev_end = s0
        for s, e in _realign(text, self._tokenizer.bounds(stripped), s0):
            # Punkt's spans are already trimmed; guard the invariants anyway.
            s = max(s, prev_end)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            if out and _gap_has_text(text, out[-1][1], s):
                # Never drop characters between two spans: extend the previous one.
                out[-1] = (out[-1][0], _rtrim(text, out[-1][1], s))
            out.append((s, e))
            prev_end = e
        if not out:
            return [(s0, e0)]
        if out[-1][1] < e0:
            out[-1] = (out[-1][0], e0)
        if out[0][0] > s0:
            out[0] = (s0, out[0][1])
        return self._repair(text, out)

    def _repair(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Undo splits after a number-only abbreviation and before a lower-case word
        that follows a closing quotation mark."""
        merged = [spans[0]]
        for s, e in spans[1:]:
            ps, pe = merged[-1]
            if _joins(text, ps, pe, s, self._numeric, self._honorifics):
                merged[-1] = (ps, e)
            else:
                merged.append((s, e))
        return merged


def _realign(text: str, raw: Iterable[tuple[int, int]], shift: int) -> Iterator[tuple[int, int]]:
    """Punkt's boundary realignment: closing marks after a sentence end join that sentence.

    Unlike NLTK's, a straight quote is moved back only when it touches the sentence end.
    """
    prev: tuple[int, int] | None = None
    for s, e in raw:
        s += shift
        e += shift
        if prev is not None:
            pattern = _REALIGN if s == prev[1] else _REALIGN_AFTER_SPACE
            m = pattern.match(text, s, e)
            if m is not None:
                prev = (prev[0], _rtrim(text, s, m.end()))
                s = m.end()
                if s >= e:
                    continue
            yield prev
        prev = (s, e)
    if prev is not None:
        yield prev


def _rtrim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _gap_has_text(text: str, a: int, b: int) -> bool:
    return b > a and not text[a:b].isspace()


def _honorifics() -> frozenset[str]:
    """The abbreviated honorifics of the shared lexicon, without their period ("mr")."""
    from quoteattr._mentions import lexicon  # a late import: the splitter stands alone otherwise

    return frozenset(
        h.removesuffix(".") for h in lexicon().honorifics if h.endswith(".") and " " not in h
    )


def _joins(
    text: str,
    ps: int,
    pe: int,
    s: int,
    numeric: frozenset[str],
    honorifics: frozenset[str] = frozenset(),
) -> bool:
    """Whether the boundary between ``text[ps:pe]`` and a sentence at ``s`` is spurious."""
    last = text[pe - 1]
    if last == "." and text[s].isupper() and honorifics:
        # "said Mr. Keen": Punkt breaks after a title when the name is also a common
        # word ("keen"); a sentence never ends with an honorific.
        m = _LAST_WORD.search(text, max(ps, pe - 12), pe)
        if m is not None and m.group(1).lower() in honorifics:
            return True
    if last in _CLOSING_MARKS:
        m = _LOWER_START.match(text, s)
        return m is not None and text[m.end() - 1].islower()
    if last == ")" and text[pe - 2 : pe - 1] in ("!", "?") and text[s].islower():
        return True  # "who often (bless her!) speaks": an aside in brackets ends no sentence
    if last == "." and text[s].islower() and _INITIALISM.search(text, max(ps, pe - 16), pe):
        return True  # "The S.E.C. said": Punkt breaks after an initialism it does not know
    if last == "." and text[s].isdigit() and numeric:
        m = _LAST_WORD.search(text, max(ps, pe - 12), pe)
        return m is not None and m.group(1).lower() in numeric
    return False


def join_quote_splits(
    text: str,
    sentences: list[tuple[int, int]],
    quotes: Sequence[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Adjust sentence boundaries so that no quotation is cut and a quotation keeps its tag.

    For each boundary that falls strictly inside a quotation span (the quotation starts
    before the first sentence ends and ends after the second starts):

    * if only closing marks and space lie between the sentence end and the quotation's
      end (``said . " " So`` in tokenised text), the boundary moves to the quotation end;
    * if only opening marks and space lie between the quotation's start and the sentence
      end, the boundary moves back to the quotation start;
    * otherwise the two sentences are merged (``“I cannot. We will not,” he said``).

    A boundary is also removed when the first sentence ends with a closing mark and the
    second starts in lower case (``“No.” he said``, ``“Stop!” cried she``).

    Args:
        text: the document.
        sentences: sorted, non-overlapping, trimmed sentence spans.
        quotes: quotation spans (marks included), in any order.

    Returns:
        Sorted, non-overlapping spans covering the same text.
    """
    if not sentences:
        return []
    ordered = sorted(quotes)
    n = len(ordered)
    qi = 0
    # The quotation reaching furthest among those that start before the current boundary.
    outer: tuple[int, int] | None = None
    merged = [sentences[0]]
    for s, e in sentences[1:]:
        ps, pe = merged[-1]
        while qi < n and ordered[qi][0] < pe:
            if outer is None or ordered[qi][1] > outer[1]:
                outer = ordered[qi]
            qi += 1
        if outer is not None and outer[1] > s:
            qs, qe = outer
            if qe <= e and _ONLY_CLOSERS.fullmatch(text, pe, qe) is not None:
                pe = _rtrim(text, ps, qe)
                s = _lskip(text, qe, e)
                merged[-1] = (ps, pe)
                if s >= e:
                    merged[-1] = (ps, e)
                    continue
            elif ps < qs and _ONLY_OPENERS.fullmatch(text, qs, pe) is not None:
                pe = _rtrim(text, ps, qs)
                s = _lskip(text, qs, e)
                merged[-1] = (ps, pe)
            else:
                merged[-1] = (ps, e)
                continue
        if _joins(text, ps, pe, s, frozenset()):
            merged[-1] = (ps, e)
        else:
            merged.append((s, e))
    return merged


def _lskip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start
