"""quoteattr.testing: the strategies generate what they promise, and extraction
recovers every generated quotation and its speaker."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from quoteattr import Entity, Mention, Quote, Span, extract_quotes
from quoteattr._marks import _TABLE
from quoteattr.testing import (
    FAMILIES,
    Case,
    ExpectedQuote,
    attributed_paragraphs,
    mark_styles,
    mismatches,
    news_documents,
    quotations,
    quote_contents,
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAMILY_OF = {m.text: m.family for m in _TABLE.values()}
TEMPLATES = (
    "quote_cue_speaker",
    "quote_inverted_cue",
    "speaker_cue_colon",
    "speaker_cue_comma",
    "quote_according_to",
    "according_to_fragment",
    "quote_appositive",
    "cue_clause_fragment",
)


def check_case(case: Case) -> None:
    """What every generated case promises about its own offsets."""
    text, expected = case
    assert isinstance(text, str) and text.strip()
    previous_end = 0
    for e in expected:
        assert previous_end <= e.start < e.content_start <= e.content_end < e.end <= len(text)
        previous_end = e.end
        assert text[e.content_start : e.content_end] == e.text
        assert e.text == e.text.strip() and e.text
        assert e.kind in ("direct", "mixed")
        opening = text[e.start : e.content_start].strip()
        closing = text[e.content_end : e.end].strip()
        assert FAMILY_OF[opening] == FAMILY_OF[closing]
        if e.speaker is None:
            assert e.head is None and e.entity is not None
            continue
        assert e.head is not None
        assert text[e.speaker.start : e.speaker.end] == e.speaker.text
        assert text[e.head.start : e.head.end] == e.head.text
        assert e.speaker.start <= e.head.start < e.head.end <= e.speaker.end
        # The speaker is outside every quotation.
        assert all(not (o.start < e.speaker.end and e.speaker.start < o.end) for o in expected)


# --- the strategies themselves -----------------------------------------------------


@FAST
@given(st.sampled_from(FAMILIES).flatmap(lambda f: st.tuples(st.just(f), quotations([f]))))
def test_quotations_use_one_family(drawn: tuple[str, str]) -> None:
    family, quotation = drawn
    opening = next(m for m in sorted(FAMILY_OF, key=len, reverse=True) if quotation.startswith(m))
    closing = next(m for m in sorted(FAMILY_OF, key=len, reverse=True) if quotation.endswith(m))
    assert FAMILY_OF[opening] == FAMILY_OF[closing] == family
    assert quotation[len(opening) : -len(closing)].strip()


@FAST
@given(quote_contents(apostrophe="'"))
def test_quote_contents_are_sentences_without_marks(content: str) -> None:
    assert content[0].isupper() and content[-1] in ".?!"
    assert not any(c in content for c in '“”„«»‹›「」『』"')
    assert " said" not in content


def test_mark_styles_cover_every_family() -> None:
    seen = set()

    @settings(max_examples=200, database=None)
    @given(mark_styles())
    def collect(style: object) -> None:
        seen.add(style.family)  # type: ignore[attr-defined]

    collect()
    assert seen == set(FAMILIES)


@pytest.mark.parametrize("bad", [(), ("double", "smoke"), "smoke"])
def test_unknown_families_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        quotations(bad)  # type: ignore[arg-type]


def test_unknown_templates_are_refused() -> None:
    with pytest.raises(ValueError):
        attributed_paragraphs(templates=["quote_said_nobody"])
    with pytest.raises(ValueError):
        news_documents(max_paragraphs=0)


@FAST
@given(attributed_paragraphs())
def test_attributed_paragraphs_are_consistent(case: Case) -> None:
    check_case(case)
    assert 1 <= len(case[1]) <= 2
    assert "\n" not in case[0]


@FAST
@given(news_documents())
def test_news_documents_are_consistent(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_is_generated_as_documented(template: str) -> None:
    @settings(max_examples=10, database=None)
    @given(attributed_paragraphs(templates=[template]))
    def run(case: Case) -> None:
        check_case(case)
        assert case[1][0].template == template
        assert case[1][0].kind == ("mixed" if template.endswith("fragment") else "direct")

    run()


def test_names_are_real_looking() -> None:
    texts: list[str] = []

    # A fixed sample: which names a random 150 draws happen to hold is luck, not behaviour.
    @settings(max_examples=150, database=None, derandomize=True)
    @given(attributed_paragraphs())
    def collect(case: Case) -> None:
        texts.append(case[0])

    collect()
    joined = "\n".join(texts)
    for name in ("Lopez", "the mayor", "spokeswoman for the ministry"):
        assert name in joined


# --- mismatches() ------------------------------------------------------------------

TEXT = "“We will win,” the mayor said."


def _expected() -> tuple[ExpectedQuote, ...]:
    return (
        ExpectedQuote(
            0,
            14,
            1,
            13,
            "We will win,",
            "direct",
            Span(15, 24, "the mayor"),
            Span(19, 24, "mayor"),
            None,
            "quote_cue_speaker",
        ),
    )


def _quote(**changes: object) -> Quote:
    fields: dict[str, object] = {
        "start": 0,
        "end": 14,
        "text": "We will win,",
        "content_start": 1,
        "content_end": 13,
        "kind": "direct",
        "speaker": Mention(15, 24, "the mayor", "nominal"),
        "entity": Entity("the mayor"),
    }
    fields.update(changes)
    return Quote(**fields)  # type: ignore[arg-type]


def test_mismatches_accepts_the_right_answer() -> None:
    assert mismatches(_expected(), [_quote()]) == []
    assert mismatches(_expected(), extract_quotes(TEXT)) == []


@pytest.mark.parametrize(
    ("quotes", "problem"),
    [
        ([], "not found"),
        ([_quote(kind="mixed")], "kind"),
        ([_quote(speaker=None, entity=None)], "no speaker"),
        ([_quote(speaker=Mention(15, 18, "the", "nominal"))], "speaker 'the'"),
        ([_quote(), _quote(start=20, end=24, content_start=21, content_end=23)], "unexpected"),
    ],
)
def test_mismatches_reports_each_problem(quotes: list[Quote], problem: str) -> None:
    found = mismatches(_expected(), quotes)
    assert len(found) == 1 and problem in found[0], found


def test_mismatches_checks_the_entity() -> None:
    e = ExpectedQuote(0, 14, 1, 13, "We will win,", "direct", None, None, "Maria Lopez", "x")
    assert mismatches([e], [_quote(entity=Entity("Maria Lopez"))]) == []
    assert "entity" in mismatches([e], [_quote(entity=Entity("Ana Ruiz"))])[0]


# --- hypothesis is optional ----------------------------------------------------------


def test_import_quoteattr_does_not_need_hypothesis() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import quoteattr\n"
        "assert 'hypothesis' not in {m for m in sys.modules if sys.modules[m] is not None}\n"
        "print(len(quoteattr.extract_quotes('“We will win,” the mayor said.')))\n"
        "try:\n"
        "    import quoteattr.testing\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[0] == "1"
    assert "pip install 'quoteattr[test]'" in out


# --- extraction recovers what was generated --------------------------------------------
#
# These properties found attribution bugs; their minimal examples are pinned below
# (the FIXED lists once fixed, the strict xfail lists while not). The paragraph
# property passes; the news one still finds rarer cases, listed here.

KNOWN_BUGS = (
    "attribution bugs the news_documents property still finds (under 1 percent of its "
    "examples): news quote paragraphs with short tags can still read as a dialogue (a "
    "source named later in the run: '“Q,” Senator Ann Lee said. / “Q.” / … / “Q,” the "
    "mayor explained.'), so a bare quote paragraph takes another paragraph's speaker "
    "instead of continuing the one before it; and a quotation in single marks in a first "
    "paragraph, when no later paragraph quotes, is read as a headline's title (kind other)"
)
# While it fails, the news property does not shrink (shrinking a known failure costs
# most of the suite's time).
UNSHRUNK = settings(FAST, phases=[Phase.explicit, Phase.reuse, Phase.generate])


@pytest.mark.parametrize("family", FAMILIES)
@FAST
@given(case=st.data())
def test_extraction_recovers_attributed_paragraphs(family: str, case: st.DataObject) -> None:
    text, expected = case.draw(attributed_paragraphs([family]))
    assert mismatches(expected, extract_quotes(text)) == [], text


@pytest.mark.xfail(reason=KNOWN_BUGS, strict=False)
@UNSHRUNK
@given(news_documents())
def test_extraction_recovers_news_documents(case: Case) -> None:
    text, expected = case
    assert mismatches(expected, extract_quotes(text)) == [], text


@FAST
@given(attributed_paragraphs(templates=["quote_cue_speaker", "speaker_cue_colon"]))
def test_speakers_are_outside_the_quotations(case: Case) -> None:
    # Whatever attribution decides, a speaker mention is never inside its own quotation.
    text, _ = case
    for q in extract_quotes(text):
        if q.speaker is not None:
            assert q.speaker.end <= q.start or q.speaker.start >= q.end


# The minimal failing examples (Hypothesis-shrunk), one per bug; the fixed ones
# stay as regression tests.
FIXED_EXAMPLES = [
    pytest.param(
        "“We will not change our position,” a spokesman for the city said.",
        [("We will not change our position,", "a spokesman for the city", "spokesman")],
        id="spokesman-for-the-city",
    ),
    pytest.param(
        "“We will not change our position,” said Health Minister Maria Lopez. "
        "“We will not change our position.”",
        [
            ("We will not change our position,", "Health Minister Maria Lopez", "Lopez"),
            ("We will not change our position.", "Health Minister Maria Lopez", "Lopez"),
        ],
        id="titled-speaker-same-paragraph",
    ),
    pytest.param(
        "According to Mayor Maria Lopez, the plan was “a serious mistake”.",
        [("a serious mistake", "Mayor Maria Lopez", "Lopez")],
        id="titled-speaker-according-to-fragment",
    ),
    pytest.param(
        "According to Maria Lopez, the plan was 'a fair deal for workers'.",
        [("a fair deal for workers", "Maria Lopez", "Lopez")],
        id="straight-single-fragment-ending-in-s",
    ),
    pytest.param(
        "“We will not change our position,” Maria Lopez said.\n\n"
        "“We will not change our position.”\n\n"
        "According to the mayor, the plan was “a serious mistake”.",
        [
            ("We will not change our position,", "Maria Lopez", "Lopez"),
            ("We will not change our position.", "Maria Lopez", "Lopez"),
            ("a serious mistake", "the mayor", "mayor"),
        ],
        id="quote-paragraph-before-a-fragment-paragraph",
    ),
]
BUG_EXAMPLES: list[object] = []


@pytest.mark.parametrize(("text", "wanted"), FIXED_EXAMPLES)
def test_fixed_attribution_bugs(text: str, wanted: list[tuple[str, str, str]]) -> None:
    _check_wanted(text, wanted)


@pytest.mark.xfail(reason="attribution bug, reported; remove this marker once fixed", strict=True)
@pytest.mark.parametrize(("text", "wanted"), BUG_EXAMPLES)
def test_known_attribution_bugs(text: str, wanted: list[tuple[str, str, str]]) -> None:
    _check_wanted(text, wanted)


# Found later by news_documents (shrunk by hand to the pattern): quote paragraphs in
# news treated as dialogue turns, and a headline line merged into the next paragraphs.
Q = "We will not change our position"
NEWS_BUG_EXAMPLES: list[object] = []


NEWS_FIXED_EXAMPLES = [
    pytest.param(
        f"“{Q},” according to Mayor Sarah Okafor.\n\n“{Q}.”\n\n“{Q},” Okafor said.\n\n"
        f"Daniel Novak said: “{Q}.”",
        [(1, "entity", "Sarah Okafor")],
        id="according-to-then-the-surname",
    ),
    pytest.param(
        f"“{Q},” Maria Lopez said.\n\n“{Q}.”\n\n“{Q},” the mayor said.",
        [(1, "entity", "Maria Lopez")],
        id="news-full-name-then-a-description",
    ),
    pytest.param(
        f"Daniel Novak said in a statement: “{Q}.”\n\n"
        "According to Novak, the new law is “a serious mistake”.",
        [(1, "entity", "Daniel Novak")],
        id="surname-in-the-given-name-list",
    ),
    pytest.param(
        f"“{Q},” Senator James Chen said.\n\n“{Q}.”\n\n“{Q},” David Moreau warned.\n\n“{Q}.”",
        [(1, "entity", "James Chen"), (3, "entity", "David Moreau")],
        id="news-quote-paragraph-continues-the-last-speaker",
    ),
    pytest.param(
        f"“{Q},” Maria Lopez said.\n\nElena Rossi said the plan was “a serious mistake”.\n\n"
        f"“{Q},” she added.",
        [(2, "entity", "Elena Rossi")],
        id="pronoun-after-a-fragment-paragraph",
    ),
    pytest.param(
        f"“{Q},” Maria Lopez said.\n\n“{Q},” Elena Rossi said.\n\n“{Q},” she went on.",
        [(2, "entity", "Elena Rossi")],
        id="continuation-pronoun-after-two-speakers",
    ),
    pytest.param(
        "Talks on hospital funding resume\n"
        "「We will not change our position? We will,」 according to the governor.\n"
        "「They should have finished,」 James Chen warned.\n"
        "Hundreds of workers gathered outside the town hall.\n"
        "The council met on Tuesday to discuss the budget.\n"
        "The council met on Tuesday to discuss the budget.\n",
        [(0, "kind", "direct"), (0, "paragraph", 1), (1, "paragraph", 2)],
        id="headline-line-merged-into-the-next-paragraphs",
    ),
]


@pytest.mark.parametrize(("text", "wanted"), NEWS_FIXED_EXAMPLES)
def test_fixed_news_attribution_bugs(text: str, wanted: list[tuple[int, str, object]]) -> None:
    _check_fields(text, wanted)


@pytest.mark.xfail(reason="attribution bug, reported; remove this marker once fixed", strict=True)
@pytest.mark.parametrize(("text", "wanted"), NEWS_BUG_EXAMPLES)
def test_known_news_attribution_bugs(text: str, wanted: list[tuple[int, str, object]]) -> None:
    _check_fields(text, wanted)


def _check_fields(text: str, wanted: list[tuple[int, str, object]]) -> None:
    quotes = extract_quotes(text)
    for i, field, value in wanted:
        q = quotes[i]
        got = (q.entity.name if q.entity else None) if field == "entity" else getattr(q, field)
        assert got == value, (i, field, got)


def _check_wanted(text: str, wanted: list[tuple[str, str, str]]) -> None:
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [w[0] for w in wanted]
    for q, (_, speaker, head) in zip(quotes, wanted, strict=True):
        assert q.speaker is not None, q
        # The mention lies within the speaker as written and contains its head.
        assert head in q.speaker.text and q.speaker.text in speaker, q.speaker
