"""The evaluation harness: gold reading, matching, and every metric, on hand-made documents."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Entity, InputFormatError, Mention, Quote, Span
from quoteattr.evaluate import (
    PROFILES,
    Accuracy,
    GoldDocument,
    GoldQuote,
    GoldSpeaker,
    Scores,
    evaluate_corpus,
    gold_document,
    jaccard,
    judge_speaker,
    load_corpus,
    match_exact,
    match_spans,
    normalise_name,
    profile_for_path,
    score_document,
    trim,
)

NEWS = PROFILES["news"]
FICTION = PROFILES["fiction"]
LITBANK = PROFILES["litbank"]
SPANS = PROFILES["spans"]


# ----------------------------------------------------------------------------- helpers


def at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def record(text: str, piece: str, nth: int = 0, **fields: Any) -> dict[str, Any]:
    """A corpus quote record for ``piece`` (marks included)."""
    s, e = at(text, piece, nth)
    out: dict[str, Any] = {"start": s, "end": e, "text": text[s:e]}
    speaker_nth = fields.pop("speaker_nth", 0)
    for key in ("speaker", "cue"):
        if key in fields:
            ss, se = at(text, fields.pop(key), speaker_nth if key == "speaker" else 0)
            out.update({key: text[ss:se], f"{key}_start": ss, f"{key}_end": se})
    out.update(fields)
    return out


def quote(
    text: str,
    piece: str,
    nth: int = 0,
    *,
    kind: str = "direct",
    speaker: str | None = None,
    speaker_nth: int = 0,
    mention_kind: str = "name",
    entity: str | None = None,
    title: str | None = None,
    cue: str | None = None,
    rule: str | None = None,
    segments: list[str] | None = None,
) -> Quote:
    """A predicted `Quote` over ``piece`` (content = piece without its outer marks)."""
    s, e = at(text, piece, nth)
    mention = None
    if speaker is not None:
        ms, me = at(text, speaker, speaker_nth)
        mention = Mention(ms, me, text[ms:me], mention_kind)  # type: ignore[arg-type]
    cue_span = None
    if cue is not None:
        cs, ce = at(text, cue)
        cue_span = Span(cs, ce, text[cs:ce])
    segs: list[Span] = []
    for seg in segments or [piece]:
        ss, se = at(text, seg)
        segs.append(Span(ss, se, text[ss:se]))
    return Quote(
        start=s,
        end=e,
        text=text[s + 1 : e - 1],
        content_start=s + 1,
        content_end=e - 1,
        kind=kind,  # type: ignore[arg-type]
        speaker=mention,
        entity=Entity(entity, title) if entity else None,
        cue=cue_span,
        rule=rule,
        segments=tuple(segs),
    )


def indirect_quote(text: str, content: str, *, speaker: str | None = None) -> Quote:
    s, e = at(text, content)
    mention = None
    if speaker is not None:
        ms, me = at(text, speaker)
        mention = Mention(ms, me, text[ms:me])
    return Quote(s, e, text[s:e], s, e, "indirect", speaker=mention, rule="indirect-test")


NEWS_TEXT = (
    "“We will finish the bridge by June,” the mayor, Ana Ruiz, said on Monday.\n"
    "Critics called the plan “a fantasy” and “a waste of money.”\n"
    "Ruiz said that the city had already paid for the steel."
)


def news_doc() -> GoldDocument:
    t = NEWS_TEXT
    return gold_document(
        {
            "id": "news-1",
            "text": t,
            "quotes": [
                record(
                    t,
                    "“We will finish the bridge by June,”",
                    speaker="the mayor, Ana Ruiz",
                    cue="said",
                    quote_id="E1",
                    part=0,
                    quote_type="direct",
                    mark_left="source",
                    mark_right="source",
                ),
                record(
                    t,
                    "the plan “a fantasy” and “a waste of money.”",
                    speaker="Critics",
                    cue="called",
                    quote_id="E2",
                    part=0,
                    quote_type="mixed",
                    mark_left="n/a",
                    mark_right="n/a",
                ),
                record(
                    t,
                    "that the city had already paid for the steel",
                    speaker="Ruiz",
                    speaker_nth=1,
                    cue="said",
                    quote_id="E3",
                    part=0,
                    quote_type="indirect",
                    mark_left="n/a",
                    mark_right="n/a",
                ),
            ],
            "meta": {},
        }
    )


# ---------------------------------------------------------------------- metric helpers


def test_trim_moves_past_white_space_only() -> None:
    text = '  "Yes."\n'
    assert trim(text, 0, len(text)) == (2, 8)
    assert trim("   ", 0, 3)[0] == trim("   ", 0, 3)[1]


def test_jaccard_values() -> None:
    assert jaccard((0, 10), (0, 10)) == 1.0
    assert jaccard((0, 10), (10, 20)) == 0.0
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    # A span in two pieces: the gap between them is not part of it.
    assert jaccard([(0, 4), (8, 12)], (0, 12)) == pytest.approx(8 / 12)
    assert jaccard((3, 3), (3, 3)) == 0.0


def test_match_exact_is_one_to_one() -> None:
    gold = [(0, 5), (10, 15)]
    pred = [(10, 15), (10, 15), (0, 4)]
    assert match_exact(gold, pred) == [(1, 0)]


def test_match_spans_prefers_the_best_pair_and_uses_each_item_once() -> None:
    gold = [(0, 10)]
    pred = [(0, 8), (0, 10), (1, 9)]
    assert match_spans(gold, pred) == [(0, 1)]
    # Two gold spans, one long prediction covering both: only one may match.
    assert len(match_spans([(0, 10), (11, 20)], [(0, 20)])) == 1
    # Below the threshold: no match.
    assert match_spans([(0, 10)], [(6, 20)]) == []


def test_scores_ratios() -> None:
    s = Scores(tp=3, predicted=4, gold=6)
    assert (s.precision, s.recall) == (0.75, 0.5)
    assert s.f1 == pytest.approx(0.6)
    assert Scores().f1 == 1.0  # nothing to find, nothing found
    assert Scores(0, 2, 0).f1 == 0.0
    assert Accuracy(1, 4).value == 0.25 and Accuracy().value == 0.0


def test_normalise_name_ignores_periods_case_and_spaces() -> None:
    assert normalise_name("Mrs. Tapley") == normalise_name(" mrs  Tapley ")
    assert normalise_name("St. John") != normalise_name("John")


# ---------------------------------------------------------------------------- gold reading


def test_mixed_record_is_scored_by_its_quoted_fragments() -> None:
    doc = news_doc()
    texts = [NEWS_TEXT[g.start : g.end] for g in doc.spans]
    assert texts == [
        "“We will finish the bridge by June,”",
        "“a fantasy”",
        "“a waste of money.”",
    ]
    assert [g.kind for g in doc.spans] == ["direct", "mixed", "mixed"]
    assert doc.spans[1].speaker is not None and doc.spans[1].speaker.text == "Critics"
    assert len(doc.mixed_contents) == 1
    assert doc.stats.mixed_fragments == 2


def test_mixed_fragment_whose_mark_lies_just_outside_the_record() -> None:
    t = 'The chef said the soup was "the best in town" and smiled.'
    s, e = at(t, 'the soup was "the best in town')  # the record stops before the mark
    doc = gold_document(
        {
            "id": "m",
            "text": t,
            "quotes": [{"start": s, "end": e, "quote_id": "E1", "quote_type": "mixed"}],
        }
    )
    assert [t[g.start : g.end] for g in doc.spans] == ['"the best in town"']


def test_indirect_content_drops_that_and_joins_parts() -> None:
    doc = news_doc()
    (g,) = doc.indirect
    assert NEWS_TEXT[g.start : g.end] == "the city had already paid for the steel"
    t = "The budget, the minister said, would grow next year."
    a, b = at(t, "The budget,"), at(t, "would grow next year")
    doc = gold_document(
        {
            "id": "i",
            "text": t,
            "quotes": [
                {"start": a[0], "end": a[1], "quote_id": "E1", "part": 0, "quote_type": "indirect"},
                {"start": b[0], "end": b[1], "quote_id": "E1", "part": 1, "quote_type": "indirect"},
            ],
        }
    )
    (g,) = doc.indirect
    assert g.ranges == (a, b)


def test_parts_split_without_marks_are_joined_into_one_span() -> None:
    t = "“Stay calm. Nothing is lost. We rebuild,” she said.\n“Next.”"
    one, two, three = at(t, "“Stay calm."), at(t, "Nothing is lost."), at(t, "We rebuild,”")
    nxt = at(t, "“Next.”")
    parts = [
        {"start": one[0], "end": one[1], "mark_left": "source", "mark_right": "none"},
        {"start": two[0], "end": two[1], "mark_left": "none", "mark_right": "none"},
        {"start": three[0], "end": three[1], "mark_left": "none", "mark_right": "source"},
        {"start": nxt[0], "end": nxt[1], "mark_left": "source", "mark_right": "source"},
    ]
    for n, p in enumerate(parts):
        p.update(quote_id="E1", part=n, quote_type="direct")
    doc = gold_document({"id": "j", "text": t, "quotes": parts})
    assert [t[g.start : g.end] for g in doc.spans] == [
        "“Stay calm. Nothing is lost. We rebuild,”",
        "“Next.”",
    ]
    assert doc.stats.joined_parts == 2


def test_parts_are_not_joined_across_a_new_opening_mark() -> None:
    t = "“First paragraph without a close.\n“Second paragraph,” he said."
    a, b = at(t, "“First paragraph without a close."), at(t, "“Second paragraph,”")
    doc = gold_document(
        {
            "id": "p",
            "text": t,
            "quotes": [
                {
                    "start": a[0],
                    "end": a[1],
                    "quote_id": "Q",
                    "part": 0,
                    "mark_left": "source",
                    "mark_right": "none",
                },
                {
                    "start": b[0],
                    "end": b[1],
                    "quote_id": "Q",
                    "part": 1,
                    "mark_left": "source",
                    "mark_right": "source",
                },
            ],
        }
    )
    assert [g.ranges for g in doc.spans] == [(a,), (b,)]


def test_parts_are_not_joined_across_a_blank_line() -> None:
    t = "The note said: “Back soon\n\nGone fishing” in pencil."
    a, b = at(t, "“Back soon"), at(t, "Gone fishing”")
    doc = gold_document(
        {
            "id": "b",
            "text": t,
            "quotes": [
                {
                    "start": a[0],
                    "end": a[1],
                    "quote_id": "Q",
                    "part": 0,
                    "mark_left": "source",
                    "mark_right": "none",
                },
                {
                    "start": b[0],
                    "end": b[1],
                    "quote_id": "Q",
                    "part": 1,
                    "mark_left": "none",
                    "mark_right": "source",
                },
            ],
        }
    )
    assert [g.ranges for g in doc.spans] == [(a,), (b,)]


def test_span_stopping_short_of_its_marks_is_widened() -> None:
    # A closing mark the span left out across a space (a lost dash before it).
    t = 'He stared. "Where shall I put "\n\n"Anywhere," she said.'
    s, e = at(t, '"Where shall I put')
    doc = gold_document({"id": "w", "text": t, "quotes": [{"start": s, "end": e}]})
    assert [t[g.start : g.end] for g in doc.spans] == ['"Where shall I put "']
    assert doc.stats.extended_to_marks == 1
    # Marks right against a span annotated without them.
    t = '"Who is this for?" asked the clerk.'
    s, e = at(t, "Who is this for?")
    doc = gold_document({"id": "w", "text": t, "quotes": [{"start": s, "end": e}]})
    assert [t[g.start : g.end] for g in doc.spans] == ['"Who is this for?"']
    # Unmarked speech next to the opening mark of the next quotation stays as it is.
    t = 'She agreed to come along . " We leave at noon . "'
    s, e = at(t, "She agreed to come along .")
    doc = gold_document({"id": "w", "text": t, "quotes": [{"start": s, "end": e}]})
    assert [g.ranges for g in doc.spans] == [((s, e),)]
    # A multi-paragraph quotation does not reach the next paragraph's mark.
    t = '"First part of it\n"Second part."'
    s, e = at(t, '"First part of it')
    doc = gold_document({"id": "w", "text": t, "quotes": [{"start": s, "end": e}]})
    assert [g.ranges for g in doc.spans] == [((s, e),)]


def test_direct_record_holding_several_curly_quotations_is_split() -> None:
    t = "Voters wanted “jobs,” “roads” and “schools.”"
    s, e = at(t, "“jobs,” “roads” and “schools.”")
    doc = gold_document(
        {
            "id": "c",
            "text": t,
            "quotes": [{"start": s, "end": e, "quote_id": "E1", "quote_type": "direct"}],
        }
    )
    assert [t[g.start : g.end] for g in doc.spans] == ["“jobs,”", "“roads”", "“schools.”"]
    # A nested quotation stays inside its quotation.
    t = "“He said “never” to me,” she said."
    s, e = at(t, "“He said “never” to me,”")
    doc = gold_document({"id": "n", "text": t, "quotes": [{"start": s, "end": e}]})
    assert [g.ranges for g in doc.spans] == [((s, e),)]


def test_unlabelled_document_and_bad_records() -> None:
    doc = gold_document({"id": "u", "text": "No labels.", "quotes": None})
    assert not doc.labelled and doc.spans == ()
    with pytest.raises(InputFormatError):
        gold_document({"id": "x", "quotes": []})
    with pytest.raises(InputFormatError):
        gold_document({"id": "x", "text": "short", "quotes": [{"start": 0, "end": 99}]})
    with pytest.raises(InputFormatError):
        gold_document({"id": "x", "text": "short", "quotes": [{"start": "0", "end": 2}]})


def test_fiction_aliases_found_by_key_or_by_alias() -> None:
    t = '"Tea?" asked Mrs Hale.'
    meta = {"characters": {"Mrs. Hale": {"aliases": ["Mrs. Hale", "Mother"], "gender": "F"}}}
    s, e = at(t, '"Tea?"')
    for named in ("Mrs. Hale", "Mother"):
        doc = gold_document(
            {
                "id": "f",
                "text": t,
                "meta": meta,
                "quotes": [{"start": s, "end": e, "speaker_entity": named}],
            }
        )
        speaker = doc.spans[0].speaker
        assert speaker is not None and speaker.aliases == {"mrs hale", "mother"}


def test_title_is_dropped_from_full_name_aliases_only() -> None:
    t = '"Late again," said Mr. Felix Dunstan. "Sit," said Mrs. Hale.'
    s, e = at(t, '"Late again,"')
    s2, e2 = at(t, '"Sit,"')
    meta = {
        "characters": {
            "Mr. Felix Dunstan": {"aliases": ["Mr. Felix Dunstan"]},
            "Mrs. Hale": {"aliases": ["Mrs. Hale"]},
        }
    }
    doc = gold_document(
        {
            "id": "f",
            "text": t,
            "meta": meta,
            "quotes": [
                {"start": s, "end": e, "speaker_entity": "Mr. Felix Dunstan"},
                {"start": s2, "end": e2, "speaker_entity": "Mrs. Hale"},
            ],
        }
    )
    by_entity = {g.speaker.entity: g.speaker.aliases for g in doc.spans if g.speaker}
    assert by_entity["Mr. Felix Dunstan"] == {"mr felix dunstan", "felix dunstan"}
    assert by_entity["Mrs. Hale"] == {"mrs hale"}


def test_litbank_aliases_include_entity_mentions_but_not_pronouns() -> None:
    t = '"Come in," said the old sailor. He smiled.'
    s, e = at(t, '"Come in,"')
    ss, se = at(t, "the old sailor")
    meta = {"speakers": {"Tom_Bow-3": ["the old sailor", "Tom", "he"]}}
    doc = gold_document(
        {
            "id": "l",
            "text": t,
            "meta": meta,
            "quotes": [
                {
                    "start": s,
                    "end": e,
                    "speaker": "the old sailor",
                    "speaker_start": ss,
                    "speaker_end": se,
                    "speaker_entity": "Tom_Bow-3",
                }
            ],
        }
    )
    speaker = doc.spans[0].speaker
    assert speaker is not None
    assert {"the old sailor", "tom", "tom bow"} <= speaker.aliases
    assert "he" not in speaker.aliases


# ------------------------------------------------------------------------------ scoring


def test_exact_versus_overlap() -> None:
    doc = news_doc()
    t = NEWS_TEXT
    # The first prediction drops the closing mark: an overlap match, not exact.
    clipped = "“We will finish the bridge by June,"
    preds = [quote(t, clipped, segments=[clipped]), quote(t, "“a fantasy”", kind="mixed")]
    scores = score_document(doc, preds, NEWS)
    assert scores.spans_exact == Scores(1, 2, 3)
    assert scores.spans_overlap == Scores(2, 2, 3)


def test_multi_paragraph_quote_is_scored_by_segments() -> None:
    t = "“The river rose all night.\n“By dawn the road was gone,” the farmer said."
    a, b = at(t, "“The river rose all night."), at(t, "“By dawn the road was gone,”")
    doc = gold_document(
        {
            "id": "mp",
            "text": t,
            "quotes": [
                {
                    "start": a[0],
                    "end": a[1],
                    "quote_id": "Q",
                    "part": 0,
                    "mark_left": "source",
                    "mark_right": "none",
                },
                {
                    "start": b[0],
                    "end": b[1],
                    "quote_id": "Q",
                    "part": 1,
                    "mark_left": "source",
                    "mark_right": "source",
                },
            ],
        }
    )
    whole = t[: b[1]]
    pred = quote(t, whole, segments=["“The river rose all night.", "“By dawn the road was gone,”"])
    scores = score_document(doc, [pred], SPANS)
    assert scores.spans_exact == Scores(2, 2, 2)


def test_news_attribution_by_overlap_or_surname() -> None:
    doc = news_doc()
    t = NEWS_TEXT
    span = "“We will finish the bridge by June,”"
    gold = doc.spans[0].speaker
    assert gold is not None
    # The mention overlaps the gold source span.
    assert judge_speaker(quote(t, span, speaker="Ana Ruiz"), gold, NEWS)
    # Another mention, but the entity's surname is in the gold source text.
    assert judge_speaker(
        quote(t, span, speaker="Ruiz", speaker_nth=1, entity="Ana Ruiz"), gold, NEWS
    )
    assert judge_speaker(
        quote(t, span, speaker="Ruiz", speaker_nth=1, entity="Ana Ruiz Jr."), gold, NEWS
    )
    assert not judge_speaker(quote(t, span, speaker="Critics"), gold, NEWS)
    assert not judge_speaker(quote(t, span, speaker="Critics", entity="Rui"), gold, NEWS)
    assert not judge_speaker(quote(t, span), gold, NEWS)


def test_fiction_attribution_by_alias() -> None:
    t = '"Tea?" asked Mrs Hale. "No," said her son.'
    gold = GoldSpeaker(entity="Mrs. Hale", aliases=frozenset({"mrs hale", "mother"}))
    span = '"Tea?"'
    assert judge_speaker(quote(t, span, speaker="Mrs Hale"), gold, FICTION)
    assert judge_speaker(quote(t, span, entity="MOTHER"), gold, FICTION)
    assert judge_speaker(quote(t, span, entity="Hale", title="Mrs."), gold, FICTION)
    assert not judge_speaker(quote(t, span, entity="Hale"), gold, FICTION)
    assert not judge_speaker(quote(t, span, speaker="her son"), gold, FICTION)
    # Fiction has no speaker spans: overlap alone never makes it right.
    gold_with_span = GoldSpeaker("Mrs Hale", *at(t, "Mrs Hale"), "Mrs. Hale", frozenset({"x"}))
    assert not judge_speaker(
        quote(t, span, speaker="Mrs Hale", mention_kind="pronoun"), gold_with_span, FICTION
    )


def test_litbank_attribution_by_overlap_or_mention_text() -> None:
    t = '"Come in," said the old sailor. "Sit," she added. Tom waved.'
    ss, se = at(t, "the old sailor")
    gold = GoldSpeaker("the old sailor", ss, se, "Tom_Bow-3", frozenset({"the old sailor", "tom"}))
    span = '"Come in,"'
    assert judge_speaker(quote(t, span, speaker="old sailor"), gold, LITBANK)
    assert judge_speaker(quote(t, span, speaker="Tom"), gold, LITBANK)
    assert not judge_speaker(quote(t, span, speaker="she", mention_kind="pronoun"), gold, LITBANK)


def test_end_to_end_cue_and_rules() -> None:
    t = NEWS_TEXT
    doc = news_doc()
    preds = [
        quote(
            t,
            "“We will finish the bridge by June,”",
            speaker="the mayor",
            cue="said",
            rule="trigram",
        ),
        quote(t, "“a fantasy”", kind="mixed", speaker="Ruiz", speaker_nth=1, rule="nearest"),
        quote(
            t, "“a waste of money.”", kind="mixed", speaker="Critics", cue="called", rule="trigram"
        ),
        quote(t, "“We will", rule="nearest", segments=["“We will"]),  # a duplicate: unmatched
    ]
    scores = score_document(doc, preds, NEWS)
    assert scores.spans_overlap == Scores(3, 4, 3)
    assert scores.attribution == Accuracy(2, 3)
    assert scores.end_to_end == Scores(2, 4, 3)
    # Gold cues: "said" for the first, "called" for both fragments.
    assert scores.cue == Accuracy(2, 3)
    rules = {(r.rule, r.kind): r for r in scores.rules}
    assert (rules["trigram", "span"].predicted, rules["trigram", "span"].matched) == (2, 2)
    assert rules["trigram", "span"].right == 2
    nearest = rules["nearest", "span"]
    assert (nearest.predicted, nearest.matched, nearest.judged, nearest.right) == (2, 1, 1, 0)


def test_gold_without_speaker_is_neutral_in_end_to_end() -> None:
    t = '"Rain again," someone muttered.'
    s, e = at(t, '"Rain again,"')
    doc = gold_document({"id": "n", "text": t, "quotes": [{"start": s, "end": e}]})
    scores = score_document(doc, [quote(t, '"Rain again,"', speaker="someone")], NEWS)
    assert scores.spans_overlap == Scores(1, 1, 1)
    assert scores.attribution == Accuracy(0, 0)
    assert scores.end_to_end == Scores(0, 0, 0)


def test_indirect_scores_and_mixed_clause_is_not_a_false_positive() -> None:
    t = NEWS_TEXT
    doc = news_doc()
    preds = [
        indirect_quote(t, "the city had already paid for the steel", speaker="Ruiz said"),
        indirect_quote(t, "the plan “a fantasy” and “a waste of money.”", speaker="Critics"),
        indirect_quote(t, "We will finish the bridge by June"),
    ]
    scores = score_document(doc, preds, NEWS, indirect=True)
    assert scores.indirect == Scores(1, 2, 1)
    assert scores.indirect_source == Accuracy(1, 1)
    assert score_document(doc, preds, NEWS).indirect is None
    assert score_document(doc, preds, FICTION, indirect=True).indirect is None
    # Indirect records never count as quoted spans.
    assert scores.spans_overlap.predicted == 0


def test_errors_list_false_positives_misses_and_wrong_speakers() -> None:
    t = NEWS_TEXT
    doc = news_doc()
    preds = [
        quote(t, "“We will finish the bridge by June,”", speaker="Critics", rule="r1"),
        quote(t, "“a fantasy” and", kind="mixed", speaker="Critics", segments=["“a fantasy” and"]),
        quote(t, "“a waste", kind="mixed", segments=["“a waste"]),
    ]
    scores = score_document(doc, preds, NEWS, errors=True)
    kinds = sorted(e.type for e in scores.errors)
    assert kinds == ["false_positive", "miss", "wrong_speaker"]
    wrong = next(e for e in scores.errors if e.type == "wrong_speaker")
    assert wrong.predicted_speaker == "Critics" and wrong.gold_speaker == "the mayor, Ana Ruiz"
    assert wrong.rule == "r1" and t[wrong.start : wrong.end] == wrong.text
    assert len(wrong.left) <= 100 and len(wrong.right) <= 100
    assert score_document(doc, preds, NEWS).errors == ()


# -------------------------------------------------------------------------- corpus level


class FixedExtractor:
    """Returns prepared predictions per text, like a `QuoteExtractor` would."""

    def __init__(self, answers: dict[str, list[Quote]], kinds: tuple[str, ...]) -> None:
        self.answers = answers
        self.kinds = frozenset(kinds)
        self.calls = 0

    def extract(self, text: str) -> list[Quote]:
        self.calls += 1
        return self.answers.get(text, [])


def write_corpus(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_load_and_evaluate_corpus(tmp_path: Path) -> None:
    t = NEWS_TEXT
    second = '"Go home," the guard said.'
    corpus = tmp_path / "polnear_tiny.jsonl"
    write_corpus(
        corpus,
        [
            {
                "id": "a",
                "text": t,
                "quotes": [
                    record(
                        t,
                        "“We will finish the bridge by June,”",
                        speaker="the mayor, Ana Ruiz",
                        cue="said",
                        quote_id="E1",
                        quote_type="direct",
                    )
                ],
            },
            {"id": "unlabelled", "text": "Nothing here.", "quotes": None},
            {
                "id": "b",
                "text": second,
                "quotes": [
                    record(
                        second,
                        '"Go home,"',
                        speaker="the guard",
                        cue="said",
                        quote_id="E1",
                        quote_type="direct",
                    )
                ],
            },
        ],
    )
    docs = list(load_corpus(corpus))
    assert [d.id for d in docs] == ["a", "unlabelled", "b"]
    extractor = FixedExtractor(
        {
            t: [quote(t, "“We will finish the bridge by June,”", speaker="Ana Ruiz")],
            second: [
                quote(second, '"Go home,"', speaker="guard", cue="said"),
                quote(second, '"Go home,"', speaker="guard"),
            ],
        },
        ("direct", "mixed"),
    )
    scores = evaluate_corpus(docs, extractor, profile_for_path(corpus), name="tiny")
    assert extractor.calls == 2  # the unlabelled document is not run
    assert scores.documents == 2 and scores.characters == len(t) + len(second)
    assert scores.spans_exact == Scores(2, 3, 2)
    assert scores.attribution == Accuracy(2, 2)
    assert scores.cue == Accuracy(1, 2)
    assert scores.indirect is None  # the extractor was not asked for indirect records
    assert scores.gold.unlabelled == 1
    figures = json.dumps(scores.to_dict())
    assert "bridge" not in figures and "guard" not in figures  # no corpus text
    limited = evaluate_corpus(load_corpus(corpus), extractor, NEWS, limit=1)
    assert limited.documents == 1


def test_load_corpus_reports_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "quotes": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"bad\.jsonl:2"):
        list(load_corpus(bad))
    with pytest.raises(FileNotFoundError):
        list(load_corpus(tmp_path / "missing.jsonl"))


def test_profile_for_path() -> None:
    assert profile_for_path("../x/polnear_dev.jsonl").name == "news"
    assert profile_for_path("pdnc_dev.jsonl").name == "fiction"
    assert profile_for_path("/a/litbank_quotes.jsonl").name == "litbank"
    assert profile_for_path("riqua_train.jsonl").name == "spans"
    assert profile_for_path("mine.jsonl").name == "spans"
    assert not SPANS.attribution and NEWS.cues and NEWS.indirect


def test_benchmark_script_writes_figures_and_markdown(tmp_path: Path) -> None:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("accuracy_script", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    text = '"We are ready," the captain said.'
    s, e = at(text, '"We are ready,"')
    corpus = tmp_path / "riqua_tiny.jsonl"
    write_corpus(corpus, [{"id": "r", "text": text, "quotes": [{"start": s, "end": e}]}])
    out, md = tmp_path / "acc.json", tmp_path / "tables.md"
    assert script.main([str(corpus), "--json", str(out), "--markdown", str(md)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    (figures,) = report["corpora"]
    assert figures["name"] == "riqua_tiny" and figures["profile"] == "spans"
    assert 0.0 <= figures["spans_exact"]["f1"] <= 1.0
    assert "captain" not in out.read_text(encoding="utf-8")
    assert "riqua_tiny" in md.read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        script.main([str(tmp_path / "missing.jsonl")])


# ---------------------------------------------------------------------------- properties


@st.composite
def span_lists(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A text of quoted words and the (start, end) of each quotation."""
    words = draw(st.lists(st.text("abcdefgh", min_size=1, max_size=8), min_size=1, max_size=8))
    gaps = draw(st.lists(st.text(" x.", max_size=4), min_size=len(words), max_size=len(words)))
    text, spans = "", []
    for word, gap in zip(words, gaps, strict=True):
        text += gap + " "
        spans.append((len(text), len(text) + len(word) + 2))
        text += f'"{word}"'
    return text, spans


@settings(max_examples=60, deadline=None)
@given(span_lists())
def test_perfect_prediction_scores_one(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    text += " said Kim Lee."
    ks, ke = at(text, "Kim Lee")
    doc = gold_document(
        {
            "id": "p",
            "text": text,
            "quotes": [
                {
                    "start": s,
                    "end": e,
                    "speaker": "Kim Lee",
                    "speaker_start": ks,
                    "speaker_end": ke,
                    "cue_start": ks - 5,
                    "cue_end": ks - 1,
                }
                for s, e in spans
            ],
        }
    )
    mention = Mention(ks, ke, "Kim Lee")
    cue = Span(ks - 5, ks - 1, text[ks - 5 : ks - 1])
    preds = [
        Quote(
            s,
            e,
            text[s + 1 : e - 1],
            s + 1,
            e - 1,
            "direct",
            speaker=mention,
            cue=cue,
            segments=(Span(s, e, text[s:e]),),
        )
        for s, e in spans
    ]
    scores = score_document(doc, preds, NEWS)
    for metric in (scores.spans_exact, scores.spans_overlap, scores.end_to_end):
        assert metric.f1 == 1.0
    assert scores.attribution.value == 1.0 and scores.cue.value == 1.0


ranges = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))


@given(ranges, ranges)
def test_jaccard_is_symmetric_and_bounded(a: tuple[int, int], b: tuple[int, int]) -> None:
    assert jaccard(a, b) == jaccard(b, a)
    assert 0.0 <= jaccard(a, b) <= 1.0
    if a[1] > a[0]:
        assert jaccard(a, a) == 1.0


@given(st.lists(ranges, max_size=12), st.lists(ranges, max_size=12))
def test_matching_is_one_to_one_symmetric_and_bounded(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]]
) -> None:
    pairs = match_spans(gold, pred)
    assert len({g for g, _ in pairs}) == len(pairs) == len({p for _, p in pairs})
    assert all(jaccard(gold[g], pred[p]) >= 0.5 for g, p in pairs)
    assert len(match_spans(pred, gold)) == len(pairs)
    exact = match_exact(gold, pred)
    assert len(exact) <= len(pairs)
    assert len(match_exact(pred, gold)) == len(exact)
    s = Scores(len(pairs), len(pred), len(gold))
    assert 0.0 <= s.precision <= 1.0 and 0.0 <= s.recall <= 1.0 and 0.0 <= s.f1 <= 1.0


@settings(max_examples=40, deadline=None)
@given(span_lists())
def test_an_extra_false_positive_lowers_precision_only(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, spans = case
    text += ' And "noise".'
    doc = gold_document(
        {"id": "p", "text": text, "quotes": [{"start": s, "end": e} for s, e in spans]}
    )
    preds = [Quote(s, e, text[s + 1 : e - 1], s + 1, e - 1, "direct") for s, e in spans]
    extra = quote(text, '"noise"')
    before = score_document(doc, preds, SPANS).spans_exact
    after = score_document(doc, [*preds, extra], SPANS).spans_exact
    assert after.recall == before.recall
    assert after.precision < before.precision


def test_gold_quote_properties() -> None:
    g = GoldQuote(((3, 5), (8, 10)), "indirect")
    assert (g.start, g.end) == (3, 10)


def test_fiction_entity_mentions_identify_one_character_only() -> None:
    t = '"Tea?" asked Maud. Maud Ashdown smiled at Ethel.'
    gold = GoldSpeaker(
        entity="Maud",
        aliases=frozenset({"maud", "maudy"}),
        others=frozenset({"ethel", "ethel ashdown"}),
    )
    span = '"Tea?"'
    s, e = at(t, "Maud")
    fs, fe = at(t, "Maud Ashdown")
    hs, he = at(t, "Ethel")
    own = Mention(s, e, t[s:e], "name")
    full = Mention(fs, fe, t[fs:fe], "name")
    helen = Mention(hs, he, t[hs:he], "name")
    base = quote(t, span)
    right = attrs.evolve(base, entity=Entity("Maud Ashdown", mentions=(own, full)))
    merged = attrs.evolve(base, entity=Entity("Maud Ashdown", mentions=(own, full, helen)))
    assert judge_speaker(right, gold, FICTION)
    assert not judge_speaker(merged, gold, FICTION)


def test_an_indirect_prediction_is_scored_by_its_segments() -> None:
    # "A, X said, B": the gold content is A and B, without the attribution between them.
    t = (
        "Fares will rise, the mayor of the county told reporters at a long briefing on "
        "Monday night, and trams will run late."
    )
    a, b = "Fares will rise", "and trams will run late"
    doc = gold_document(
        {
            "id": "two-parts",
            "text": t,
            "quotes": [
                record(
                    t,
                    part_text,
                    speaker="the mayor",
                    cue="told",
                    quote_id="E1",
                    part=i,
                    quote_type="indirect",
                    mark_left="n/a",
                    mark_right="n/a",
                )
                for i, part_text in enumerate((a, b))
            ],
            "meta": {},
        }
    )
    (sa, ea), (sb, eb) = at(t, a), at(t, b)
    ms, me = at(t, "the mayor")
    whole = Quote(
        sa,
        eb,
        t[sa:eb],
        sa,
        eb,
        "indirect",
        speaker=Mention(ms, me, t[ms:me]),
        rule="indirect-test",
    )
    parts = attrs.evolve(whole, segments=(Span(sa, ea, t[sa:ea]), Span(sb, eb, t[sb:eb])))
    scores = score_document(doc, [parts], NEWS, indirect=True)
    assert scores.indirect == Scores(1, 1, 1)
    assert scores.indirect_source == Accuracy(1, 1)
    # Without segments the record's content is one range, the attribution included: it
    # covers the two parts but is mostly the cue and its source, so it does not match.
    assert jaccard(((sa, ea), (sb, eb)), (sa, eb)) < 0.5
    assert score_document(doc, [whole], NEWS, indirect=True).indirect == Scores(0, 1, 1)


def test_ab_speed_script_times_two_checkouts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "ab_speed_script", root / "benchmarks" / "ab_speed.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, [{"id": "a", "text": '"We are ready," the captain said. ' * 50}])
    args = ["--corpus", str(corpus), "--old", str(root), "--new", str(root), "--rounds", "1"]
    assert script.main([*args, "--kinds", "default"]) == 0
    out = capsys.readouterr().out
    assert "default, round 1: old " in out and "default: new/old median " in out
    ratio = float(out.rsplit(" ", 1)[-1])
    assert ratio > 0


def test_indirect_ceiling_script_puts_each_error_in_one_class(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "indirect_ceiling_script", root / "benchmarks" / "indirect_ceiling.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    t = (
        "Ann Webb said the bridge would open in June after the vote. "
        "Tom Hale said he thinks the plan is sound. Rain fell all day, the station said."
    )

    def gold(content: str, cue: str, nth: int = 0) -> dict[str, Any]:
        out = record(t, content, quote_id=content, quote_type="indirect")
        cs, ce = at(t, cue, nth)
        return {**out, "cue": t[cs:ce], "cue_start": cs, "cue_end": ce}

    def pred(content: str, cue: str, nth: int = 0) -> Quote:
        s, e = at(t, content)
        cs, ce = at(t, cue, nth)
        return Quote(s, e, t[s:e], s, e, "indirect", cue=Span(cs, ce, t[cs:ce]))

    corpus = tmp_path / "polnear_tiny.jsonl"
    quotes = [
        gold("the bridge would open", "said"),  # the prediction runs on past it
        gold("he thinks the plan is sound", "said", 1),  # matched
        gold("the plan is sound", "thinks"),  # inside the matched prediction
        gold("Rain fell all day", "said", 2),  # nothing predicted
    ]
    write_corpus(corpus, [{"id": "d", "text": t, "quotes": quotes}])
    extractor = FixedExtractor(
        {
            t: [
                pred("the bridge would open in June after the vote", "said"),
                pred("he thinks the plan is sound", "said", 1),
                pred("all day", "fell"),  # an inner report of the third gold record
                pred("Tom Hale", "Hale"),  # nothing in the gold near it
            ]
        },
        ("indirect",),
    )
    (doc,) = script.load_corpus(corpus)
    counts = script.classify(doc, extractor)
    assert (counts["matched"], counts["predicted"], counts["gold"]) == (1, 4, 4)
    assert counts["gold: boundary"] == counts["gold: nested"] == counts["gold: no record"] == 1
    assert counts["pred: boundary"] == counts["pred: inner report"] == counts["pred: no gold"] == 1
    table = script.report("tiny", counts)
    # One boundary fixed: 2 matched of 4 predicted, 4 gold.
    assert "F1 0.250" in table and "0.500" in table.splitlines()[4]
    assert "maximum one-to-one matching has 1 pairs" in table
    # The first gold item must give up its first choice for the second to be matched.
    assert script.maximum_matching([[(0, 10)], [(0, 20)]], [[(0, 14)], [(0, 6)]]) == 2
    assert script.maximum_matching([[(0, 10)]], [[(30, 40)]]) == 0
    assert script.main([str(corpus)]) == 0
    assert capsys.readouterr().out.startswith("polnear_tiny: ")
