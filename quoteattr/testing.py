"""Hypothesis strategies for property tests of code that finds or uses quotations.

This module needs Hypothesis, which quoteattr itself does not depend on: install
the ``test`` extra (``pip install 'quoteattr[test]'``) or ``hypothesis``.
``import quoteattr`` never imports it.

The strategies build English news text from templates, so the quotations in
it, their exact offsets, kinds and speakers are known:

* `quotations` — a quotation with its marks, in any supported mark style
  (“…” "…" „…“ ‘…’ '…' «…» « … » »…« ‹…› 「…」 『…』);
* `attributed_paragraphs` — ``(text, expected)``: one paragraph with one or
  two quotations and their speakers (“Q,” said X / “Q,” X said / X said: “Q” /
  “Q,” according to X / “Q,” X, the mayor, said / X said that … “q” …);
* `news_documents` — ``(text, expected)``: a headline, narration and quote
  paragraphs, with surname-only second references, pronoun speakers
  (“Q,” she added) and quote paragraphs that continue the last speaker.

``expected`` is a tuple of `ExpectedQuote`; `mismatches` compares it with
what an extractor returned::

    from hypothesis import given
    from quoteattr import extract_quotes
    from quoteattr.testing import attributed_paragraphs, mismatches

    @given(attributed_paragraphs())
    def test_every_quote_and_speaker_is_found(case):
        text, expected = case
        assert mismatches(expected, extract_quotes(text)) == []

Speakers are real-looking people ("Maria Lopez", "Mayor James Chen", later
"Chen"), nominals ("the mayor", "a spokeswoman for the ministry", "police")
and pronouns. The sentences inside the marks contain no speech verb, and the
narration neither quotes nor names anyone, so every quotation has exactly one
right answer. The word lists are data: ``quoteattr/data/testing.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "quoteattr.testing needs Hypothesis: pip install 'quoteattr[test]' (or hypothesis)"
    ) from exc

from quoteattr._models import Quote, QuoteKind, Span

__all__ = [
    "FAMILIES",
    "Case",
    "ExpectedQuote",
    "MarkStyle",
    "attributed_paragraphs",
    "mark_styles",
    "mismatches",
    "news_documents",
    "quotations",
    "quote_contents",
]

#: The mark families the strategies can use (the names `QuoteExtractor(marks=...)` takes).
FAMILIES: tuple[str, ...] = ("double", "single", "guillemet", "cjk")

_DATA = Path(__file__).with_name("data") / "testing.json"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@attrs.frozen(slots=True)
class MarkStyle:
    """A way of writing a quotation: its opening and closing marks (a French
    guillemet style includes the space inside), the family they belong to and
    the apostrophe that goes with them inside words (can’t / can't)."""

    open: str
    close: str
    family: str
    apostrophe: str


@attrs.frozen(slots=True)
class ExpectedQuote:
    """A quotation the generated text contains, and the right attribution.

    ``start``/``end`` cover the whole quotation, marks included, and
    ``content_start``/``content_end``/``text`` what is inside the marks, as in
    `quoteattr.Quote`. ``speaker`` is the speaker as written ("a spokeswoman
    for the ministry", "Mayor Maria Lopez", "she"); ``head`` is the part of it
    that a speaker mention must contain ("spokeswoman", "Lopez", "she"). Both
    are ``None`` for a quote paragraph that continues the previous speaker:
    any mention of ``entity`` is right there. ``entity`` is the person's full
    name ("Maria Lopez") when the speaker is a named person or a pronoun
    referring to one, else ``None``. ``template`` names the template that
    produced the quotation.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    text: str
    kind: QuoteKind
    speaker: Span | None
    head: Span | None
    entity: str | None
    template: str


#: What `attributed_paragraphs` and `news_documents` generate: the text and its quotations.
Case = tuple[str, tuple[ExpectedQuote, ...]]


def mismatches(expected: Sequence[ExpectedQuote], quotes: Sequence[Quote]) -> list[str]:
    """What ``quotes`` (from ``extract_quotes(text)``) got wrong, one line each.

    Empty when every expected quotation was found with exactly its offsets,
    its kind and a speaker mention that contains ``head`` and lies within
    ``speaker`` (and, when ``entity`` is given, an entity of that name), and
    no other quotation (of any kind returned) was found.
    """
    problems: list[str] = []
    found = {(q.start, q.end): q for q in quotes}
    wanted = {(e.start, e.end) for e in expected}
    for e in expected:
        where = f"[{e.template}] {e.start}:{e.end} {e.text!r}"
        q = found.get((e.start, e.end))
        if q is None:
            near = [f"{o.start}:{o.end}" for o in quotes if o.start < e.end and e.start < o.end]
            problems.append(f"{where}: not found" + (f" (overlapping: {near})" if near else ""))
            continue
        if q.kind != e.kind:
            problems.append(f"{where}: kind {q.kind!r}, expected {e.kind!r}")
        wanted_speaker = e.speaker.text if e.speaker is not None else e.entity
        if q.speaker is None:
            problems.append(f"{where}: no speaker, expected {wanted_speaker!r}")
        elif (
            e.speaker is not None
            and e.head is not None
            and not (
                e.speaker.start <= q.speaker.start <= e.head.start
                and e.head.end <= q.speaker.end <= e.speaker.end
            )
        ):
            problems.append(
                f"{where}: speaker {q.speaker.text!r} at {q.speaker.start}:{q.speaker.end}, "
                f"expected {e.speaker.text!r} at {e.speaker.start}:{e.speaker.end}"
            )
        if e.entity is not None and (q.entity is None or q.entity.name != e.entity):
            got = q.entity.name if q.entity is not None else None
            problems.append(f"{where}: entity {got!r}, expected {e.entity!r}")
    for q in quotes:
        if (q.start, q.end) not in wanted:
            problems.append(f"unexpected quote {q.start}:{q.end} {q.text!r} ({q.kind})")
    return problems


# ---------------------------------------------------------------------------- strategies


def _families(marks: Iterable[str]) -> tuple[str, ...]:
    families = (marks,) if isinstance(marks, str) else tuple(marks)
    bad = sorted(set(families) - set(FAMILIES))
    if bad or not families:
        raise ValueError(f"marks must be a non-empty subset of {list(FAMILIES)}, got {families}")
    return families


def mark_styles(marks: Iterable[str] = FAMILIES) -> st.SearchStrategy[MarkStyle]:
    """A quotation-mark style from the given families (default: all of them)."""
    styles = [
        MarkStyle(s["open"], s["close"], family, s["apostrophe"])
        for family in _families(marks)
        for s in _data()["styles"][family]
    ]
    return st.sampled_from(styles)


@st.composite
def _sentence(draw: st.DrawFn, apostrophe: str) -> str:
    d = _data()
    words = [draw(st.sampled_from(d["subjects"])), draw(st.sampled_from(d["verbs"]))]
    words.append(draw(st.sampled_from(d["objects"])))
    if draw(st.booleans()):
        words.append(draw(st.sampled_from(d["adverbials"])))
    return " ".join(words).replace("{a}", apostrophe)


@st.composite
def _content(draw: st.DrawFn, apostrophe: str, end: str | None = None) -> str:
    """One to three sentences; the last ends with ``end`` (drawn when ``None``)."""
    sentences = [draw(_sentence(apostrophe)) for _ in range(draw(st.integers(1, 3)))]
    stops = [draw(st.sampled_from(".?!")) for _ in sentences[:-1]]
    last = end if end is not None else draw(st.sampled_from(".?!"))
    return " ".join(s + p for s, p in zip(sentences, [*stops, last], strict=True))


def quote_contents(*, apostrophe: str = "’") -> st.SearchStrategy[str]:
    """What someone says: one to three plain English sentences (no quotation marks,
    no speech verbs), contractions written with ``apostrophe``."""
    return _content(apostrophe)


@st.composite
def _quotation(draw: st.DrawFn, marks: tuple[str, ...]) -> str:
    style = draw(mark_styles(marks))
    return style.open + draw(_content(style.apostrophe)) + style.close


def quotations(marks: Iterable[str] = FAMILIES) -> st.SearchStrategy[str]:
    """A quotation, marks included: “We will not change our position.”, 'Nobody
    cannot accept the rules?', « The city needs the budget. », 「…」 and so on,
    in any mark style of the given families (default: all)."""
    return _quotation(_families(marks))


class _Builder:
    """Text appended piece by piece, with the offsets of what matters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    @property
    def text(self) -> str:
        return "".join(self.parts)


@attrs.frozen(slots=True)
class _Speaker:
    text: str
    head: str  # a substring of text
    entity: str | None
    gender: str | None  # m | f for a named person


@attrs.define(slots=True)
class _Person:
    first: str
    last: str
    gender: str
    title: str | None
    mentioned: bool = False

    def speaker(self) -> _Speaker:
        """The full form the first time, the surname after that (news style)."""
        full = f"{self.first} {self.last}"
        if self.mentioned:
            text = self.last
        else:
            text = f"{self.title} {full}" if self.title else full
            self.mentioned = True
        return _Speaker(text, self.last, full, self.gender)


def _people(draw: st.DrawFn, n: int) -> list[_Person]:
    d = _data()
    rows = draw(
        st.lists(st.sampled_from(d["people"]), min_size=n, max_size=n, unique_by=lambda r: r[1])
    )
    return [
        _Person(first, last, gender, draw(st.none() | st.sampled_from(d["titles"])))
        for first, last, gender in rows
    ]


def _nominal(draw: st.DrawFn) -> _Speaker:
    row = draw(st.sampled_from(_data()["nominals"]))
    return _Speaker(row["text"], row["head"], None, None)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Paragraph:
    """Writes one templated paragraph into a builder and records its quotations."""

    def __init__(self, b: _Builder, style: MarkStyle) -> None:
        self.b = b
        self.style = style
        self.expected: list[ExpectedQuote] = []
        self._pending: list[tuple[int, int, int, int, str, QuoteKind, str]] = []

    def quote(self, content: str, kind: QuoteKind, template: str) -> None:
        start = self.b.pos
        self.b.add(self.style.open)
        cs, ce = self.b.add(content)
        end = self.b.add(self.style.close)[1]
        self._pending.append((start, end, cs, ce, content, kind, template))

    def speaker(self, spk: _Speaker, *, capital: bool = False) -> tuple[Span, Span]:
        text = _cap(spk.text) if capital else spk.text
        s, e = self.b.add(text)
        h = s + text.index(spk.head) if spk.head in text else s
        head_end = h + len(spk.head) if spk.head in text else e
        return Span(s, e, text), Span(h, head_end, text[h - s : head_end - s])

    def attribute(self, spans: tuple[Span | None, Span | None], entity: str | None) -> None:
        """Give every quotation written since the last call these speaker spans."""
        speaker, head = spans
        for start, end, cs, ce, content, kind, template in self._pending:
            self.expected.append(
                ExpectedQuote(start, end, cs, ce, content, kind, speaker, head, entity, template)
            )
        self._pending.clear()


# The templates: (name, kind). Each writes "X" (a speaker) and "Q" (a quotation).
_TEMPLATES = (
    "quote_cue_speaker",  # “Q,” X said.
    "quote_inverted_cue",  # “Q,” said X.
    "speaker_cue_colon",  # X said: “Q.”
    "speaker_cue_comma",  # X told reporters, “Q.”
    "quote_according_to",  # “Q,” according to X.
    "according_to_fragment",  # According to X, the plan was “q.”
    "quote_appositive",  # “Q,” X, the mayor, said.
    "cue_clause_fragment",  # X said that the plan was “q”.
)


def _write_attributed(
    draw: st.DrawFn, b: _Builder, style: MarkStyle, spk: _Speaker, template: str
) -> list[ExpectedQuote]:
    d = _data()
    p = _Paragraph(b, style)
    a = style.apostrophe
    cue = d["cues"]
    if template == "quote_cue_speaker":
        p.quote(draw(_content(a, end=",")), "direct", template)
        b.add(" ")
        spans = p.speaker(spk)
        b.add(f" {draw(st.sampled_from(cue['tail']))}.")
    elif template == "quote_inverted_cue":
        p.quote(draw(_content(a, end=",")), "direct", template)
        b.add(f" {draw(st.sampled_from(cue['inverted']))} ")
        spans = p.speaker(spk)
        b.add(".")
    elif template in ("speaker_cue_colon", "speaker_cue_comma"):
        spans = p.speaker(spk, capital=True)
        b.add(
            f" {draw(st.sampled_from(cue['intro']))}{':' if template.endswith('colon') else ','} "
        )
        p.quote(draw(_content(a, end=".")), "direct", template)
    elif template == "quote_according_to":
        p.quote(draw(_content(a, end=",")), "direct", template)
        b.add(" according to ")
        spans = p.speaker(spk)
        b.add(".")
    elif template == "according_to_fragment":
        b.add("According to ")
        spans = p.speaker(spk)
        b.add(f", {draw(st.sampled_from(d['clause_objects']))} ")
        p.quote(draw(st.sampled_from(d["fragments"])), "mixed", template)
        b.add(".")
    elif template == "quote_appositive":  # named people only: see _speaker_for
        p.quote(draw(_content(a, end=",")), "direct", template)
        b.add(" ")
        spans = p.speaker(spk)
        b.add(f", {draw(st.sampled_from(d['appositives']))}, {draw(st.sampled_from(cue['tail']))}.")
    elif template == "cue_clause_fragment":
        spans = p.speaker(spk, capital=True)
        b.add(f" {draw(st.sampled_from(cue['clause']))} ")
        b.add(f"{draw(st.sampled_from(d['clause_objects']))} ")
        p.quote(draw(st.sampled_from(d["fragments"])), "mixed", template)
        b.add(".")
    else:  # pragma: no cover - the list above is closed
        raise AssertionError(template)
    p.attribute(spans, spk.entity)
    if template in ("quote_cue_speaker", "quote_inverted_cue") and draw(st.booleans()):
        # “Q1,” X said. “Q2.” — the second quotation shares the speaker.
        b.add(" ")
        p.quote(draw(_content(a, end=".")), "direct", "same_paragraph")
        p.attribute(spans, spk.entity)
    return p.expected


def _speaker_for(
    draw: st.DrawFn, people: list[_Person], templates: tuple[str, ...]
) -> tuple[_Speaker, _Person | None, str]:
    """A speaker and a template: three in four speakers are people; an apposition
    (“Q,” Maria Lopez, the mayor, said) goes with a name only."""
    named: int = draw(st.integers(0, 3))
    if people and named:
        person = draw(st.sampled_from(people))
        return person.speaker(), person, draw(st.sampled_from(templates))
    nominal = [t for t in templates if t != "quote_appositive"] or list(_TEMPLATES[:1])
    return _nominal(draw), None, draw(st.sampled_from(nominal))


@st.composite
def _attributed_paragraph(
    draw: st.DrawFn, marks: tuple[str, ...], templates: tuple[str, ...]
) -> Case:
    b = _Builder()
    style = draw(mark_styles(marks))
    people = _people(draw, 1)
    if templates == ("quote_appositive",):
        spk, template = people[0].speaker(), templates[0]
    else:
        spk, _, template = _speaker_for(draw, people, templates)
    expected = _write_attributed(draw, b, style, spk, template)
    return b.text, tuple(expected)


def _check_templates(templates: Iterable[str] | None) -> tuple[str, ...]:
    if templates is None:
        return _TEMPLATES
    names = tuple(templates)
    bad = sorted(set(names) - set(_TEMPLATES))
    if bad or not names:
        raise ValueError(f"templates must be a non-empty subset of {list(_TEMPLATES)}")
    return names


def attributed_paragraphs(
    marks: Iterable[str] = FAMILIES, *, templates: Iterable[str] | None = None
) -> st.SearchStrategy[Case]:
    """``(text, expected)``: one paragraph with one or two attributed quotations.

    The templates (``templates`` picks some; default all):

    - ``quote_cue_speaker``: “Q,” Maria Lopez said. (“Q2.” may follow)
    - ``quote_inverted_cue``: “Q,” said the mayor. (“Q2.” may follow)
    - ``speaker_cue_colon``: Police said: “Q.”
    - ``speaker_cue_comma``: Governor James Chen told reporters, “Q.”
    - ``quote_according_to``: “Q,” according to a spokeswoman for the ministry.
    - ``according_to_fragment``: According to officials, the plan was “q”.
    - ``quote_appositive``: “Q,” Elena Rossi, the health minister, said. (named speakers only)
    - ``cue_clause_fragment``: The company said that the vote was “q”.

    Fragments (“q”) are kind ``mixed``, whole quotations ``direct``.
    """
    return _attributed_paragraph(_families(marks), _check_templates(templates))


@st.composite
def _news_document(draw: st.DrawFn, marks: tuple[str, ...], max_paragraphs: int) -> Case:
    d = _data()
    b = _Builder()
    style = draw(mark_styles(marks))
    people = _people(draw, draw(st.integers(1, 3)))
    expected: list[ExpectedQuote] = []
    sep = draw(st.sampled_from(["\n\n", "\n"]))
    if draw(st.booleans()):
        b.add(draw(st.sampled_from(d["headlines"])) + sep)
    # The last attribution: (speaker spans, entity, person) for continuations.
    last: tuple[str | None, _Person | None] | None = None
    for i in range(draw(st.integers(1, max_paragraphs))):
        if i:
            b.add(sep)
        choice = draw(st.sampled_from(["narration", "quote", "quote", "continue"]))
        if choice == "continue" and last is not None and last[1] is not None:
            p = _Paragraph(b, style)
            previous = last[1]
            if draw(st.booleans()):
                # A quote paragraph alone continues the previous paragraph's speaker.
                p.quote(draw(_content(style.apostrophe, end=".")), "direct", "quote_paragraph")
                p.attribute((None, None), last[0])
            else:
                p.quote(draw(_content(style.apostrophe, end=",")), "direct", "pronoun")
                b.add(" ")
                pronoun = "she" if previous.gender == "f" else "he"
                spans = p.speaker(_Speaker(pronoun, pronoun, None, None))
                b.add(f" {draw(st.sampled_from(d['cues']['continuation']))}.")
                p.attribute(spans, f"{previous.first} {previous.last}")
            expected.extend(p.expected)
            last = None
            continue
        if choice != "quote":
            sentences = draw(st.lists(st.sampled_from(d["narration"]), min_size=1, max_size=3))
            b.add(" ".join(sentences))
            last = None
            continue
        spk, person, template = _speaker_for(draw, people, _TEMPLATES)
        written = _write_attributed(draw, b, style, spk, template)
        expected.extend(written)
        last = (written[0].entity, person)
    if draw(st.booleans()):
        b.add("\n")
    return b.text, tuple(expected)


def news_documents(
    marks: Iterable[str] = FAMILIES, *, max_paragraphs: int = 8
) -> st.SearchStrategy[Case]:
    """``(text, expected)``: a short news article of up to ``max_paragraphs`` paragraphs.

    One mark style per document; paragraphs separated by blank lines or by
    single newlines (one paragraph per line); an optional headline. Paragraphs
    are narration (no quotation, no person), `attributed_paragraphs`
    templates, and continuations right after a quote paragraph of a named
    person: a quotation alone (“Q.” — the same speaker) or with a pronoun
    (“Q,” she added). People are named in full the first time ("Mayor Maria
    Lopez"), by surname after that ("Lopez"); ``entity`` is the full name.
    """
    if max_paragraphs < 1:
        raise ValueError(f"max_paragraphs must be >= 1, got {max_paragraphs}")
    return _news_document(_families(marks), max_paragraphs)
