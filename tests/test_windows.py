"""Long texts are processed in windows of whole paragraphs (`QuoteExtractor(window=...)`).

What must hold: the windows cover the text exactly and end at paragraph breaks where
there are any; records of a windowed run index the caller's string like any other;
documents that each fit a window give the same records whether they are processed
alone or inside one long text.
"""

from __future__ import annotations

import gc
import itertools

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import check_records

from quoteattr import ConfigurationError, Quote, QuoteExtractor, _attribution
from quoteattr._layout import paragraphs as layout_paragraphs
from quoteattr._layout import windows
from quoteattr.pipeline import PAUSE_COLLECTOR
from quoteattr.testing import news_documents

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARTICLES = [
    "Ana Ruiz spoke in Lima.\n\n“We will build the road,” Ruiz said. "
    "“It will take two years.”\n\nThe plan was approved on Monday.",
    "Tom Hale arrived late.\n\n“I did not see the letter,” he said.\n\n"
    "Hale later told reporters: “The vote was fair.”",
    "The committee met on Friday.\n\n“Nobody expected this,” said Mary Stone, "
    "the chairwoman.\n\nStone added that “the budget is safe.”",
]


def _pieces(text: str, size: int) -> list[tuple[int, int]]:
    cuts = windows(text, size)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(cuts):
        assert end == start
    assert all(start < end for start, end in cuts) or text == ""
    return cuts


@FAST
@given(st.text(alphabet="ab “”\n\r\t.", max_size=3000), st.integers(1, 400))
def test_windows_cover_the_text_exactly(text: str, size: int) -> None:
    cuts = _pieces(text, size)
    for start, end in cuts[:-1]:
        assert end - start >= size  # never cut before the target size
        assert not (text[end - 1] == "\r" and text[end] == "\n")  # nor inside a CRLF


def test_a_window_ends_at_a_blank_line_not_before_a_quotation() -> None:
    text = "x" * 90 + "\n\n“A quote,” she said.\n\nNarration again.\n\nMore."
    (_, first), _ = _pieces(text, 80)[:2]
    assert text[first:].lstrip().startswith("Narration again.")


def test_a_window_ends_at_a_line_end_then_at_white_space() -> None:
    line = "word " * 25 + "\n" + "next line " * 10
    ((_, end), *_) = _pieces(line, 100)
    assert line[end - 1] == "\n"
    token = "y" * 300 + " tail"
    ((_, end), *_) = _pieces(token, 100)
    assert end == 100  # no white space within half a window: a hard cut
    spaced = "y" * 120 + " tail"
    ((_, end), *_) = _pieces(spaced, 100)
    assert spaced[end - 1] == " "


def _key(q: Quote, delta: int = 0) -> tuple[object, ...]:
    return (
        q.start + delta,
        q.end + delta,
        q.kind,
        q.text,
        q.speaker.text if q.speaker else None,
        q.speaker.start + delta if q.speaker else None,
        q.entity.name if q.entity else None,
        q.cue.start + delta if q.cue else None,
        q.rule,
        q.sentence,
    )


def test_windowed_records_are_those_of_each_window_alone() -> None:
    extractor = QuoteExtractor()
    text = "\n\n".join(a + "\n\n" + "Filler paragraph. " * 40 for a in ARTICLES * 2)
    offsets = windows(text, 1_000)
    assert len(offsets) >= 4
    expected = []
    paragraphs = 0
    for start, end in offsets:
        piece = text[start:end]
        expected += [(_key(q, start), q.paragraph + paragraphs) for q in extractor.extract(piece)]
        paragraphs += len(layout_paragraphs(piece))
    windowed = QuoteExtractor(window=1_000).extract(text)
    check_records(text, windowed)
    assert [(_key(q), q.paragraph) for q in windowed] == expected
    assert len(windowed) >= 2 * 5


def test_records_of_a_windowed_run_index_the_callers_string() -> None:
    text = "\n\n".join(ARTICLES * 30)
    records = QuoteExtractor(window=1_000).extract(text)
    assert len(records) >= 30 * 5
    check_records(text, records)
    for q in records:
        if q.entity is not None:
            for m in q.entity.mentions:
                assert text[m.start : m.end] == m.text


def test_one_window_gives_the_records_of_extract() -> None:
    text = "\n\n".join(ARTICLES)
    assert QuoteExtractor(window=max(1_000, len(text))).extract(text) == QuoteExtractor().extract(
        text
    )
    assert list(QuoteExtractor().iter_extract(text)) == QuoteExtractor().extract(text)


@FAST
@given(news_documents())
def test_generated_news_in_small_windows_gives_valid_records(case: object) -> None:
    text = case[0]  # type: ignore[index]
    long = "\n\n".join([text] * 3)
    records = QuoteExtractor(window=1_000).extract(long)
    check_records(long, records)
    assert [q.start for q in records] == sorted(q.start for q in records)


def test_iter_extract_checks_its_argument_at_the_call() -> None:
    with pytest.raises(TypeError, match="bytes"):
        QuoteExtractor().iter_extract(b"text")  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [0, 999, -5, True, 1.5e6, "1000"])
def test_window_must_be_an_int_of_at_least_1000(window: object) -> None:
    with pytest.raises(ConfigurationError, match="window"):
        QuoteExtractor(window=window)  # type: ignore[arg-type]


def test_the_window_is_reported() -> None:
    assert QuoteExtractor(window=5_000).window == 5_000
    assert QuoteExtractor().window >= 1_000_000


def test_shifted_entities_are_shared_between_the_quotes_of_a_window() -> None:
    text = "Filler paragraph here. " * 60 + "\n\n" + ARTICLES[0]
    records = QuoteExtractor(window=1_000).extract(text)
    entities = [q.entity for q in records if q.entity is not None]
    assert len(entities) >= 2 and all(e is entities[0] for e in entities)
    assert attrs.asdict(entities[0])["name"] == "Ana Ruiz"


def test_the_garbage_collector_is_left_as_it_was() -> None:
    text = "\n\n".join(ARTICLES * 30)
    extractor = QuoteExtractor(window=1_000)
    assert gc.get_freeze_count() == 0
    records = extractor.extract(text)
    assert records and gc.get_freeze_count() == 0 and gc.isenabled()
    # Between windows, what exists is frozen; stopping early unfreezes it.
    second = windows(text, 1_000)[1][0]
    stream = extractor.iter_extract(text)
    while next(stream).start < second:
        pass
    assert gc.get_freeze_count() > 0
    stream.close()
    assert gc.get_freeze_count() == 0
    gc.disable()
    try:
        assert extractor.extract(text) == records
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def _long_text(size: int = PAUSE_COLLECTOR) -> str:
    text = "\n\n".join(ARTICLES)
    return "\n\n".join([text] * (size // len(text) + 1))


def test_the_collector_is_paused_during_a_long_text_only(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, bool]] = []
    real = _attribution.attribute

    def spy(doc: object, quotations: object, *rest: object) -> object:
        seen.append((len(doc.text), gc.isenabled()))  # type: ignore[attr-defined]
        return real(doc, quotations, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(_attribution, "attribute", spy)
    short = ARTICLES[0]
    QuoteExtractor().extract(short)
    QuoteExtractor().extract(_long_text())
    assert seen == [(len(short), True), (len(_long_text()), False)]
    assert gc.isenabled()


def test_the_caller_runs_with_the_collector_on_between_windows() -> None:
    size = 2 * PAUSE_COLLECTOR
    text = _long_text(3 * size)
    extractor = QuoteExtractor(window=size)
    cuts = windows(text, size)
    assert sum(e - s >= PAUSE_COLLECTOR for s, e in cuts) >= 2
    states = {gc.isenabled() for _ in extractor.iter_extract(text)}
    assert states == {True}


def test_a_failing_long_text_turns_the_collector_back_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(doc: object, quotations: object, *rest: object) -> object:
        raise RuntimeError("injected")

    monkeypatch.setattr(_attribution, "attribute", fail)
    with pytest.raises(RuntimeError, match="injected"):
        QuoteExtractor().extract(_long_text())
    assert gc.isenabled()
