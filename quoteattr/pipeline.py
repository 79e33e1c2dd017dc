"""The pipeline, top to bottom. Each stage is a module of pure functions over the
caller's original string; no stage rewrites the text, so every offset is the caller's.

1. layout       (`_layout`)      paragraphs, deciding whether single newlines break them
2. marks        (`_marks`)       quotation marks classified and paired into quotations
3. sentences    (`_sentences`)   Punkt sentence spans, only for paragraphs that need them
4. attribution  (`_attribution`) cue + mention sieves give each quotation a kind and speaker
5. conversation (`_conversation`) pronoun speakers resolved, unattributed dialogue turns filled
6. indirect     (`_indirect`)    reported speech without marks (only if asked for); a
                                 quoted term inside a statement becomes its fragment
7. entities     (`_entities`)    speaker mentions grouped into entities
8. records      (here)           `Quote` records, filtered by kind, sorted by position

A text longer than the extractor's ``window`` is cut at paragraph breaks into windows
that run through the stages one after the other (`_layout.windows`), so the memory
one call needs does not grow with the text; records are shifted back to the caller's
offsets.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator

import attrs

from quoteattr import _attribution, _conversation, _entities, _indirect, _layout, _marks
from quoteattr._attribution import Genre
from quoteattr._cues import CueLexicon
from quoteattr._document import Document
from quoteattr._errors import ConfigurationError
from quoteattr._models import QUOTE_KINDS, Entity, Mention, Quote, QuoteKind, Span
from quoteattr._sentences import SentenceSplitter

DEFAULT_KINDS: tuple[QuoteKind, ...] = ("direct", "mixed")
# Characters per window: the longest novels of the evaluation corpora stay whole.
DEFAULT_WINDOW = 1_000_000
MIN_WINDOW = 1_000
# From this length on, the cyclic garbage collector is paused while a text (or window) is
# processed: its work objects (mostly tokens) pile up, and every collection rescans them
# (a quarter to a third of the time of a 1 MB window). Extraction makes next to no cyclic
# garbage; below this length pausing gains nothing measurable.
PAUSE_COLLECTOR = 50_000


class QuoteExtractor:
    """Holds the settings and the loaded lexicons; build once, call `extract` many times.

    Args:
        kinds: which kinds of record to return: ``"direct"`` (a quotation that
            is a statement of its own), ``"mixed"`` (a quoted fragment inside
            reported speech), ``"indirect"`` (reported speech without marks) and
            ``"other"`` (quoted phrases with no speech context: titles, scare
            quotes). Default: direct and mixed.
        marks: which quotation-mark families to pair: ``"double"`` (“…” "…" „…“,
            and dash dialogue: in a text whose turns open with a dash, "—Come up,
            he called.", each dash-led paragraph), ``"single"`` (‘…’ '…' ‚…‘),
            ``"guillemet"`` («…» »…« ‹…› ›…‹), ``"cjk"`` (「…」 『…』). Default: all.
        min_length: the shortest quotation content, in characters, to return.
        extra_cues: more speech verbs or phrases ("opined", "wrote in a memo"),
            added to the shipped cue lexicon.
        genre: how short quoted phrases inside narration are read ("a coat
            called a “Chesterfield”", "called the plan “a fantasy”"): ``"news"``
            quotes its sources in such fragments, so they are speech (kind
            ``mixed``); in ``"fiction"`` they are names and terms (kind ``other``),
            and so is text read or written ("she read: “Arriving Tuesday”").
            ``"auto"`` (the default) decides per text: a text with dialogue, or
            whose narration is told in the past tense with next to no numbers or
            dates, is read as fiction.
        window: a text longer than this many characters is processed in windows of
            about this size, cut at paragraph breaks: memory stays bounded whatever
            the length, but speakers, pronouns and entities are resolved within a
            window (an entity met in two windows gives two `Entity` objects).

    Raises:
        ConfigurationError: an unknown kind, mark family or genre, a negative
            length, or a window under 1,000 characters.

    An extractor is immutable after construction and safe to share between threads.
    """

    __slots__ = (
        "_cues",
        "_families",
        "_genre",
        "_kinds",
        "_min_length",
        "_splitter",
        "_window",
    )

    def __init__(
        self,
        *,
        kinds: Iterable[str] = DEFAULT_KINDS,
        marks: Iterable[str] = _marks.FAMILIES,
        min_length: int = 1,
        extra_cues: Iterable[str] = (),
        genre: Genre = "auto",
        window: int = DEFAULT_WINDOW,
    ) -> None:
        kinds = _as_names(kinds, "kinds")
        bad = sorted(set(kinds) - set(QUOTE_KINDS))
        if bad or not kinds:
            raise ConfigurationError(
                f"kinds must be a non-empty subset of {list(QUOTE_KINDS)}, got {sorted(kinds)}"
            )
        families = _as_names(marks, "marks")
        bad = sorted(set(families) - set(_marks.FAMILIES))
        if bad or not families:
            raise ConfigurationError(
                f"marks must be a non-empty subset of {list(_marks.FAMILIES)}, "
                f"got {sorted(families)}"
            )
        if isinstance(min_length, bool) or not isinstance(min_length, int) or min_length < 0:
            raise ConfigurationError(f"min_length must be an int >= 0, got {min_length!r}")
        if isinstance(window, bool) or not isinstance(window, int) or window < MIN_WINDOW:
            raise ConfigurationError(f"window must be an int >= {MIN_WINDOW}, got {window!r}")
        if genre not in _attribution.GENRES:
            raise ConfigurationError(
                f"genre must be one of {list(_attribution.GENRES)}, got {genre!r}"
            )
        self._genre: Genre = genre
        self._window = window
        self._kinds = frozenset(kinds)
        self._families = frozenset(families)
        self._min_length = min_length
        self._cues = CueLexicon.load(_as_names(extra_cues, "extra_cues"))
        self._splitter = SentenceSplitter()

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of record this extractor returns."""
        return self._kinds

    @property
    def marks(self) -> frozenset[str]:
        """The quotation-mark families this extractor pairs."""
        return self._families

    @property
    def genre(self) -> Genre:
        """How quoted phrases inside narration are read: "auto", "news" or "fiction"."""
        return self._genre

    @property
    def window(self) -> int:
        """The longest text processed in one piece, in characters."""
        return self._window

    def extract(self, text: str) -> list[Quote]:
        """Every quotation in ``text`` with its speaker, sorted by start offset.

        Raises:
            TypeError: ``text`` is not a ``str``.
        """
        _check_text(text)
        if len(text) <= self._window:
            return self._extract_paused(text)[0]
        return list(self._windows(text))

    def iter_extract(self, text: str) -> Iterator[Quote]:
        """The records of `extract`, in the same order, one window of text at a time.

        For a text longer than `window`, only one window's records and working
        state are held at once: iterate to process a very long text in bounded
        memory.

        Raises:
            TypeError: ``text`` is not a ``str`` (at the call, not at the first item).
        """
        _check_text(text)
        return self._windows(text)

    def _windows(self, text: str) -> Iterator[Quote]:
        if len(text) <= self._window:
            yield from self._extract_paused(text)[0]
            return
        paragraph = 0
        frozen = False
        try:
            # The cyclic collector rescans every live object from time to time: the
            # caller's objects and the records of earlier windows would make each window
            # dearer than the last. Keep what lives before the text out of its sight
            # (collecting it, a full pass over the caller's heap, costs more than a window's
            # records), then after each window collect its garbage and freeze what survives.
            if gc.isenabled():
                gc.freeze()
                frozen = True
            for start, end in _layout.windows(text, self._window):
                # Each window's records are made in the caller's offsets (no second copy).
                records, count = self._extract_paused(text[start:end], start, paragraph)
                yield from records
                paragraph += count
                if gc.isenabled():
                    gc.collect()
                    gc.freeze()
                    frozen = True
        finally:
            if frozen:
                gc.unfreeze()

    def _extract_paused(
        self, text: str, delta: int = 0, paragraph: int = 0
    ) -> tuple[list[Quote], int]:
        """`_extract`, with the garbage collector paused for a long text (never while
        the caller's code runs: `_windows` yields between windows)."""
        if len(text) < PAUSE_COLLECTOR or not gc.isenabled():
            return self._extract(text, delta, paragraph)
        gc.disable()
        try:
            return self._extract(text, delta, paragraph)
        finally:
            gc.enable()

    def _extract(self, text: str, delta: int = 0, paragraph: int = 0) -> tuple[list[Quote], int]:
        """The records of one window, and its number of paragraphs: offsets shifted by
        ``delta`` and paragraph numbers by ``paragraph`` (the window's place in the text)."""
        if not text or text.isspace():
            return [], 0
        paragraphs = _layout.paragraphs(text)
        quotations = _marks.find_quotations(text, paragraphs, self._families)
        doc = Document(text, paragraphs, self._splitter, self._cues)
        links = _attribution.attribute(doc, quotations, self._genre)
        _conversation.resolve(doc, links)
        if "indirect" in self._kinds:
            links = _indirect.combine(links, _indirect.find(doc, links))
            # "The “Fair Roads” plan would fail, Ruiz said": the quoted term is Ruiz's word.
            _attribution.claim_terms(links)
        entities = _entities.resolve(doc, links)

        records = []
        moved: dict[int, Entity] = {}
        for link in links:
            if link.kind not in self._kinds:
                continue
            if link.content_end - link.content_start < self._min_length:
                continue
            speaker = link.speaker
            entity = entities.get(speaker) if speaker is not None else None
            cue = link.cue
            if delta:
                if speaker is not None:
                    speaker = _moved(speaker, delta)
                if entity is not None:
                    known = moved.get(id(entity))
                    if known is None:
                        known = moved[id(entity)] = attrs.evolve(
                            entity, mentions=tuple(_moved(m, delta) for m in entity.mentions)
                        )
                    entity = known
                if cue is not None:
                    cue = Span(cue.start + delta, cue.end + delta, cue.text)
            records.append(
                Quote(
                    start=link.start + delta,
                    end=link.end + delta,
                    text=text[link.content_start : link.content_end],
                    content_start=link.content_start + delta,
                    content_end=link.content_end + delta,
                    kind=link.kind,
                    closed=link.closed,
                    speaker=speaker,
                    entity=entity,
                    cue=cue,
                    confidence=link.confidence,
                    rule=link.rule,
                    paragraph=link.paragraph + paragraph,
                    sentence=link.sentence,
                    segments=tuple(Span(s + delta, e + delta, text[s:e]) for s, e in link.segments),
                )
            )
        records.sort(key=lambda q: (q.start, q.end))
        return records, len(paragraphs)


def decode_hint(value: object) -> str:
    """The advice added to the ``TypeError`` of a ``bytes`` text, else ``""``."""
    if isinstance(value, (bytes, bytearray)):
        return " (decode it first, e.g. data.decode('utf-8'))"
    return ""


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise TypeError(
            f"extract_quotes() expects str, got {type(text).__name__}{decode_hint(text)}"
        )


def _moved(m: Mention, delta: int) -> Mention:
    """``m``, found in a window starting at ``delta``, in the caller's offsets."""
    return Mention(m.start + delta, m.end + delta, m.text, m.kind)


def _as_names(values: Iterable[str], option: str) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    try:
        names = tuple(values)
    except TypeError:
        raise ConfigurationError(f"{option} must be an iterable of strings") from None
    if not all(isinstance(v, str) for v in names):
        raise ConfigurationError(f"{option} must contain only strings, got {names!r}")
    return tuple(v.strip() for v in names)


_DEFAULT: QuoteExtractor | None = None


def extract_quotes(text: str, **options: object) -> list[Quote]:
    """Every quotation in ``text`` with its speaker, sorted by start offset.

    A shortcut for ``QuoteExtractor(**options).extract(text)``; without options
    a shared default extractor is reused. See `QuoteExtractor` for the options.
    """
    global _DEFAULT
    if options:
        return QuoteExtractor(**options).extract(text)  # type: ignore[arg-type]
    if _DEFAULT is None:
        _DEFAULT = QuoteExtractor()
    return _DEFAULT.extract(text)
