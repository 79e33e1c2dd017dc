"""Score an extractor against annotated corpora: quoted spans, speakers, cues, indirect speech.

The corpora are JSON Lines, one document per line::

    {"id": ..., "text": ..., "quotes": [{"start", "end", "text", "speaker",
     "speaker_start", "speaker_end", "speaker_entity", "cue", "cue_start", "cue_end",
     "quote_type", "quote_id", "part", "mark_left", "mark_right", ...}], "meta": {...}}

``quotes`` is ``null`` for an unlabelled document (it is read but not scored).
Every corpus is scored by the same code; a `Profile` only says how a speaker is
judged right and which optional metrics (cues, indirect speech) apply.

>>> from quoteattr import QuoteExtractor
>>> from quoteattr.evaluate import evaluate_corpus, load_corpus, profile_for_path
>>> scores = evaluate_corpus(load_corpus("polnear_dev.jsonl"),  # doctest: +SKIP
...                          QuoteExtractor(kinds="direct,mixed,indirect"),
...                          profile_for_path("polnear_dev.jsonl"))
>>> scores.spans_exact.f1  # doctest: +SKIP

How the gold is read (see docs/accuracy.md for the reasons):

* Parts of one annotated quotation (same ``quote_id``) that the annotation split
  without a mark between them (the left part has ``mark_right == "none"``, the
  right part ``mark_left == "none"``, and the gap holds no blank line and no
  double quotation mark) are joined back into one quoted span.
* A ``mixed`` record is reported speech around quoted fragments: the fragments
  (paired double quotation marks inside the record, or just outside its ends)
  are the gold quoted spans; the whole record is not.
* ``indirect`` records (PolNeAR) are scored by their content, all parts of one
  ``quote_id`` together, a leading complementiser "that" dropped.
* A quoted span that stops short of its own quotation mark (only spaces
  between, or none) is widened to take it in.
* Every gold range is trimmed of white space; quoted spans keep their marks.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs

from quoteattr._errors import InputFormatError
from quoteattr._models import Quote

__all__ = [
    "PROFILES",
    "Accuracy",
    "CorpusScores",
    "DocumentScores",
    "ErrorRecord",
    "GoldDocument",
    "GoldQuote",
    "GoldSpeaker",
    "GoldStats",
    "Profile",
    "Ranges",
    "RuleCount",
    "Scores",
    "evaluate_corpus",
    "gold_document",
    "jaccard",
    "judge_speaker",
    "load_corpus",
    "match_exact",
    "match_spans",
    "normalise_name",
    "profile_for_path",
    "score_document",
    "trim",
]

Range = tuple[int, int]
Ranges = tuple[Range, ...]
"""A set of characters as sorted, disjoint ``(start, end)`` ranges."""

SpanLike = Range | Sequence[Range]
GoldKind = Literal["direct", "mixed", "indirect"]
ErrorType = Literal[
    "false_positive",
    "miss",
    "wrong_speaker",
    "indirect_false_positive",
    "indirect_miss",
    "indirect_wrong_source",
]

# Double quotation marks: mixed fragments are delimited by these; single marks
# are left out because news text uses U+2019 as an apostrophe far more than as a mark.
_DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
_ANY_MARKS = _DOUBLE_MARKS | frozenset(
    "'\u2018\u2019\u201a\u201b\u2039\u203a\u300c\u300d\u300e\u300f"
)
_OPENERS = frozenset("\"'\u201c\u2018\u201e\u201a\u00ab\u2039\u300c\u300e")
_CLOSERS = frozenset("\"'\u201d\u2019\u00bb\u203a\u300d\u300f")
_BEFORE_OPENER = frozenset(" \t\n([{\u2014\u2013-")
_AFTER_CLOSER = frozenset(".,;:!?)]}\u2014\u2013-")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LEADING_THAT = re.compile(r"that\b\s*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md"})
_PRONOUNS = frozenset(
    "i me my mine myself you your yours yourself he him his himself she her hers herself "
    "it its itself we us our ours ourselves they them their theirs themselves thee thou "
    "thy one".split()
)
_TITLES = frozenset(
    "mr mrs miss ms dr sir lady lord rev reverend madame monsieur mme mlle master professor "
    "prof capt captain col colonel gen general".split()
)
_CONTEXT = 100  # characters kept on each side of an error


# --------------------------------------------------------------------------- metrics


def trim(text: str, start: int, end: int) -> Range:
    """``(start, end)`` moved inwards past white space at both ends of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ranges(span: SpanLike) -> Ranges:
    """Sorted, merged, non-empty ranges of a span or a sequence of spans."""
    if len(span) == 2 and isinstance(span[0], int):
        items: list[Range] = [span]  # type: ignore[list-item]
    else:
        items = [(int(s), int(e)) for s, e in span]  # type: ignore[misc]
    out: list[Range] = []
    for s, e in sorted(r for r in items if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def _size(ranges: Ranges) -> int:
    return sum(e - s for s, e in ranges)


def _intersection(a: Ranges, b: Ranges) -> int:
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def jaccard(a: SpanLike, b: SpanLike) -> float:
    """Character Jaccard index of two spans: size(a & b) / size(a | b), in [0, 1].

    Each argument is a ``(start, end)`` pair or a sequence of such pairs (a
    span in several pieces). Two empty spans score 0.
    """
    ra, rb = _ranges(a), _ranges(b)
    inter = _intersection(ra, rb)
    union = _size(ra) + _size(rb) - inter
    return inter / union if union else 0.0


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_exact(gold: Sequence[SpanLike], predicted: Sequence[SpanLike]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` of identical spans.

    Spans are compared as given (trim them first); empty spans never match.
    Among duplicates the earliest unpaired item on each side is used.
    """
    free: dict[Ranges, list[int]] = {}
    for gi, g in enumerate(gold):
        key = _ranges(g)
        if key:
            free.setdefault(key, []).append(gi)
    for waiting in free.values():
        waiting.reverse()
    pairs = []
    for pi, p in enumerate(predicted):
        waiting = free.get(_ranges(p), [])
        if waiting:
            pairs.append((waiting.pop(), pi))
    pairs.sort()
    return pairs


def match_spans(
    gold: Sequence[SpanLike], predicted: Sequence[SpanLike], threshold: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` with Jaccard >= ``threshold``.

    Greedy by best Jaccard (ties: the earlier spans first), so each gold span
    and each prediction is used at most once, and swapping the two lists
    swaps the pairs. Candidate pairs
    come from a sweep over start offsets, so the cost grows with the number of
    overlapping pairs, not with ``len(gold) * len(predicted)``.
    """
    granges = [_ranges(g) for g in gold]
    pranges = [_ranges(p) for p in predicted]
    items = [(r[0][0], r[-1][1], 0, i) for i, r in enumerate(granges) if r]
    items += [(r[0][0], r[-1][1], 1, i) for i, r in enumerate(pranges) if r]
    items.sort()
    active: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    candidates = []
    for start, end, side, idx in items:
        other = active[1 - side]
        other[:] = [(e, i) for e, i in other if e > start]
        for _, j in other:
            gi, pi = (idx, j) if side == 0 else (j, idx)
            score = jaccard(granges[gi], pranges[pi])
            if score >= threshold and score > 0.0:
                # Ties broken by position, the same whichever side is "gold".
                a, b = granges[gi], pranges[pi]
                candidates.append((-score, min(a, b), max(a, b), gi, pi))
        active[side].append((end, idx))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    pairs.sort()
    return pairs


@attrs.frozen(slots=True)
class Scores:
    """Counts behind precision, recall and F1: ``tp`` of ``predicted`` and of ``gold``."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """``tp / predicted`` (1.0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        """``tp / gold`` (1.0 when there is no gold)."""
        return self.tp / self.gold if self.gold else 1.0 if not self.predicted else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        """Counts and rounded ratios, plain JSON types."""
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@attrs.frozen(slots=True)
class Accuracy:
    """``right`` out of ``total`` judged items."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """``right / total`` (0.0 when nothing was judged)."""
        return self.right / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.right + other.right, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        """Counts and the rounded accuracy, plain JSON types."""
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


@attrs.frozen(slots=True)
class RuleCount:
    """How one attribution rule did: its predictions, how many matched a gold
    quotation, how many of those had a gold speaker (``judged``), and how many
    of those it attributed right. ``kind`` is ``"span"`` (direct and mixed
    quotations) or ``"indirect"``."""

    rule: str
    kind: str
    predicted: int = 0
    matched: int = 0
    judged: int = 0
    right: int = 0

    def __add__(self, other: RuleCount) -> RuleCount:
        return RuleCount(
            self.rule,
            self.kind,
            self.predicted + other.predicted,
            self.matched + other.matched,
            self.judged + other.judged,
            self.right + other.right,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types."""
        return attrs.asdict(self)


# ------------------------------------------------------------------------------ gold


@attrs.frozen(slots=True)
class GoldSpeaker:
    """Who the gold says spoke: a mention span and/or a named entity.

    ``aliases`` are the entity's names, already passed through `normalise_name`.
    """

    text: str | None = None
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    aliases: frozenset[str] = frozenset()
    # Names that belong only to other characters of the document (fiction).
    others: frozenset[str] = frozenset()


@attrs.frozen(slots=True)
class GoldQuote:
    """One gold item: a quoted span (``direct``/``mixed``) or indirect content.

    ``ranges`` are trimmed character ranges; a quoted span has one, the content
    of an indirect record split by its attribution ("…, X said, …") may have more.
    ``marked`` tells whether the span starts or ends with a quotation mark.
    """

    ranges: Ranges
    kind: GoldKind
    quote_id: str = ""
    speaker: GoldSpeaker | None = None
    cue: Range | None = None
    marked: bool = True

    @property
    def start(self) -> int:
        """Start of the first range."""
        return self.ranges[0][0]

    @property
    def end(self) -> int:
        """End of the last range."""
        return self.ranges[-1][1]


@attrs.frozen(slots=True)
class GoldStats:
    """What reading the gold did, for the report: records read, parts joined,
    direct records split into several quotations, spans widened to reach
    their own marks, fragments found in mixed records, marks left unpaired,
    quoted spans without marks or speaker."""

    documents: int = 0
    unlabelled: int = 0
    records: int = 0
    joined_parts: int = 0
    split_records: int = 0
    extended_to_marks: int = 0
    mixed_records: int = 0
    mixed_fragments: int = 0
    mixed_without_marks: int = 0
    unpaired_marks: int = 0
    unmarked_spans: int = 0
    spans_without_speaker: int = 0

    def __add__(self, other: GoldStats) -> GoldStats:
        pairs = zip(attrs.astuple(self), attrs.astuple(other), strict=True)
        return GoldStats(*(a + b for a, b in pairs))

    def to_dict(self) -> dict[str, int]:
        """Plain JSON types."""
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class GoldDocument:
    """A corpus document and its gold, ready to score.

    ``spans`` are the quoted spans (direct quotations and the quoted fragments
    of mixed records), ``indirect`` the indirect records' contents, and
    ``mixed_contents`` the whole reported content of mixed records (an indirect
    prediction matching one of these is neither right nor wrong).
    ``labelled`` is false when the corpus gives no quotes for the document.
    """

    id: str
    text: str
    spans: tuple[GoldQuote, ...] = ()
    indirect: tuple[GoldQuote, ...] = ()
    mixed_contents: tuple[GoldQuote, ...] = ()
    labelled: bool = True
    stats: GoldStats = GoldStats()


def normalise_name(name: str) -> str:
    """A name for comparison: case-folded, periods dropped, white space collapsed.

    >>> normalise_name(" Mrs.  Tapley") == normalise_name("mrs tapley")
    True
    """
    return " ".join(name.replace(".", "").split()).casefold()


def _entity_id_name(entity: str) -> str:
    # LitBank ids look like "Jack_Hollins-0".
    return re.sub(r"-\d+$", "", entity).replace("_", " ")


class _AliasIndex:
    """The names of every character or entity in a document's ``meta``, looked up by name.

    PDNC gives ``meta.characters`` {name: {"aliases": [...]}} and sometimes
    names the speaker by one of the aliases rather than the key; LitBank gives
    ``meta.speakers`` {entity id: [mention texts]}.
    """

    def __init__(self, meta: Mapping[str, Any]) -> None:
        self._by_name: dict[str, set[str]] = {}
        self._speakers: Mapping[str, Any] | None = None
        self._cache: dict[tuple[str | None, str | None], frozenset[str]] = {}
        characters = meta.get("characters")
        if isinstance(characters, Mapping):
            for key, info in characters.items():
                found = info.get("aliases", []) if isinstance(info, Mapping) else []
                names = {str(key)} | {a for a in found if isinstance(a, str)}
                for name in names:
                    self._by_name.setdefault(normalise_name(name), set()).update(names)
        speakers = meta.get("speakers")
        if isinstance(speakers, Mapping):
            self._speakers = speakers
        names = set(self._by_name)
        if self._speakers is not None:
            for found in self._speakers.values():
                if isinstance(found, list):
                    names.update(normalise_name(a) for a in found if isinstance(a, str))
        self.all_names = frozenset(names - _PRONOUNS)

    def aliases(self, entity: str | None, speaker_text: str | None) -> frozenset[str]:
        """Normalised names of ``entity`` (plus the speaker text), pronouns left out."""
        key = (entity, speaker_text)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        names: set[str] = set()
        if entity:
            names.add(entity)
            names.update(self._by_name.get(normalise_name(entity), ()))
            if self._speakers is not None:
                names.add(_entity_id_name(entity))
                found = self._speakers.get(entity, [])
                names.update(a for a in found if isinstance(a, str))
        if speaker_text:
            names.add(speaker_text)
        normalised = {normalise_name(n) for n in names}
        # "Mr. Felix Dunstan" also answers to "Felix Dunstan"; a title is
        # dropped only before a full name, so "Mrs. Pellow" never becomes "Pellow".
        for n in list(normalised):
            words = n.split()
            if len(words) >= 3 and words[0] in _TITLES:
                normalised.add(" ".join(words[1:]))
        out = frozenset(n for n in normalised if n and n not in _PRONOUNS)
        self._cache[key] = out
        return out


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _speaker(record: Mapping[str, Any], index: _AliasIndex) -> GoldSpeaker | None:
    start = _int_or_none(record.get("speaker_start"))
    end = _int_or_none(record.get("speaker_end"))
    text = record.get("speaker") if isinstance(record.get("speaker"), str) else None
    entity = record.get("speaker_entity")
    entity = entity.strip() if isinstance(entity, str) and entity.strip() else None
    if (start is None or end is None) and entity is None:
        return None
    if start is None or end is None:
        start = end = None
    aliases = index.aliases(entity, text)
    return GoldSpeaker(text, start, end, entity, aliases, index.all_names - aliases)


def _cue(record: Mapping[str, Any]) -> Range | None:
    start = _int_or_none(record.get("cue_start"))
    end = _int_or_none(record.get("cue_end"))
    return (start, end) if start is not None and end is not None and end > start else None


def _has_mark(record: Mapping[str, Any], side: str, text: str, start: int, end: int) -> bool:
    value = record.get(f"mark_{side}")
    if value in ("source", "added"):
        return True
    if value == "none":
        return False
    if start >= end:
        return False
    return (text[start] if side == "left" else text[end - 1]) in _ANY_MARKS


def _chains(
    parts: list[Mapping[str, Any]], text: str, *, by_marks: bool
) -> list[list[Mapping[str, Any]]]:
    """Group the parts of one quotation into runs that form one continuous span.

    With ``by_marks`` two neighbours join only when the annotation says neither
    side has a mark there; otherwise (mixed records, which carry no mark
    fields) they join when only white space separates them.
    """
    chains: list[list[Mapping[str, Any]]] = []
    for part in parts:
        if chains:
            prev = chains[-1][-1]
            gap = text[prev["end"] : part["start"]]
            if by_marks:
                join = (
                    part["start"] >= prev["end"]
                    and not _has_mark(prev, "right", text, prev["start"], prev["end"])
                    and not _has_mark(part, "left", text, part["start"], part["end"])
                    and not _BLANK_LINE.search(gap)
                    and not any(c in _DOUBLE_MARKS for c in gap)
                )
            else:
                join = part["start"] >= prev["end"] and not gap.strip()
            if join:
                chains[-1].append(part)
                continue
        chains.append([part])
    return chains


def _fragments(text: str, start: int, end: int) -> tuple[list[Range], int]:
    """Quoted fragments inside reported content ``text[start:end]``.

    Double marks are paired in order (open, close, open, …); if their number is
    odd, a mark just before ``start`` or just after ``end`` is taken in (the
    annotated content sometimes stops inside the marks). Returns the fragments
    and the number of marks left unpaired.
    """
    marks = [i for i in range(start, end) if text[i] in _DOUBLE_MARKS]
    if len(marks) % 2:
        if start > 0 and text[start - 1] in _DOUBLE_MARKS:
            marks.insert(0, start - 1)
        elif end < len(text) and text[end] in _DOUBLE_MARKS:
            marks.append(end)
    unpaired = len(marks) % 2
    pairs = [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]
    return [trim(text, s, e) for s, e in pairs], unpaired


def _curly_quotations(text: str, start: int, end: int) -> list[Range]:
    """Top-level “…” quotations of ``text[start:end]`` if it holds more than one.

    PolNeAR derives ``direct`` from marks at both ends, so “a,” and “b” comes
    as one record; curly marks show the nesting, so the record can be split.
    Straight marks cannot (a nested "no" inside "…" looks the same).
    """
    depth = 0
    open_at = start
    out: list[Range] = []
    for i in range(start, end):
        c = text[i]
        if c == "\u201c":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == "\u201d" and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((open_at, i + 1))
    if depth > 0:
        out.append((open_at, end))
    return out if len(out) > 1 else []


def _reach_marks(text: str, start: int, end: int) -> Range:
    """Widen a quoted span that stops short of its own quotation marks.

    Some gold spans leave out a mark that only white space separates from
    them (PDNC, where a dash before the closing mark became a space:
    ``"Where shall I put "``), or leave out marks right next to them (some
    LitBank spans). A span with a mark at one end takes in a mark facing it
    at the other end across spaces or tabs (no line break): an opening mark
    after white space or an opening bracket or dash, a closing mark before
    white space or punctuation. A span with no mark at either end takes in
    marks only when both sit right against it.
    """
    left = _mark_before(text, start, " \t")
    right = _mark_after(text, end, " \t")
    has_left = start < end and text[start] in _ANY_MARKS
    has_right = start < end and text[end - 1] in _ANY_MARKS
    if has_right and not has_left and left is not None:
        return left, end
    if has_left and not has_right and right is not None:
        return start, right
    if not has_left and not has_right:
        left, right = _mark_before(text, start, ""), _mark_after(text, end, "")
        if left is not None and right is not None:
            return left, right
    return start, end


def _mark_before(text: str, start: int, skip: str) -> int | None:
    i = start
    while i > 0 and text[i - 1] in skip:
        i -= 1
    if i > 0 and text[i - 1] in _OPENERS and (i < 2 or text[i - 2] in _BEFORE_OPENER):
        return i - 1
    return None


def _mark_after(text: str, end: int, skip: str) -> int | None:
    j = end
    while j < len(text) and text[j] in skip:
        j += 1
    if (
        j < len(text)
        and text[j] in _CLOSERS
        and (j + 1 == len(text) or text[j + 1] in _AFTER_CLOSER or text[j + 1].isspace())
    ):
        return j + 1
    return None


def _int_field(record: Mapping[str, Any], name: str, where: str) -> int:
    value = record.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputFormatError(f"{where}: quote field {name!r} must be an int, got {value!r}")
    return value


def gold_document(record: Mapping[str, Any], *, where: str = "document") -> GoldDocument:
    """Read one corpus record (a parsed JSON line) into a `GoldDocument`.

    Raises:
        InputFormatError: ``text`` is missing or not a string, ``quotes`` is not a
            list, or a quote lacks integer ``start``/``end`` inside the text.
    """
    if not isinstance(record, Mapping):
        raise InputFormatError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputFormatError(f"{where}: 'text' must be a string")
    doc_id = str(record.get("id", where))
    quotes = record.get("quotes")
    if quotes is None:
        stats = GoldStats(documents=1, unlabelled=1)
        return GoldDocument(doc_id, text, labelled=False, stats=stats)
    if not isinstance(quotes, list):
        raise InputFormatError(f"{where}: 'quotes' must be a list or null")
    meta = record.get("meta") if isinstance(record.get("meta"), Mapping) else {}
    assert isinstance(meta, Mapping)

    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for n, q in enumerate(quotes):
        if not isinstance(q, Mapping):
            raise InputFormatError(f"{where}: quote {n} is not an object")
        s, e = _int_field(q, "start", where), _int_field(q, "end", where)
        if not 0 <= s <= e <= len(text):
            raise InputFormatError(f"{where}: quote {n} span ({s}, {e}) is outside the text")
        kind = str(q.get("quote_type") or "direct")
        kind = kind if kind in ("mixed", "indirect") else "direct"
        qid = q.get("quote_id")
        key = (kind, str(qid) if qid is not None else f"#{n}")
        groups.setdefault(key, []).append(q)

    index = _AliasIndex(meta)
    spans: dict[Range, GoldQuote] = {}
    indirect: list[GoldQuote] = []
    mixed: list[GoldQuote] = []
    joined = split = extended = fragments = no_marks = unpaired = 0

    for (kind, qid), parts in groups.items():
        parts.sort(key=lambda q: (q["start"], q["end"]))
        first = parts[0]
        speaker, cue = _speaker(first, index), _cue(first)
        if kind == "indirect":
            ranges = []
            for p in parts:
                s, e = trim(text, p["start"], p["end"])
                m = _LEADING_THAT.match(text, s, e)
                if m and m.end() < e:
                    s = m.end()
                ranges.append((s, e))
            got = _ranges(ranges)
            if got:
                indirect.append(GoldQuote(got, "indirect", qid, speaker, cue, marked=False))
            continue
        for chain in _chains(parts, text, by_marks=kind == "direct"):
            joined += len(chain) - 1
            start, end = trim(text, chain[0]["start"], chain[-1]["end"])
            if start >= end:
                continue
            if kind == "mixed":
                content = GoldQuote(((start, end),), "mixed", qid, speaker, cue, marked=False)
                mixed.append(content)
                found, left = _fragments(text, start, end)
                unpaired += left
                if not found:
                    no_marks += 1
                for s, e in found:
                    if s < e:
                        fragments += 1
                        spans.setdefault((s, e), GoldQuote(((s, e),), "mixed", qid, speaker, cue))
                continue
            widened = _reach_marks(text, start, end)
            extended += widened != (start, end)
            start, end = widened
            marked = (
                text[start] in _ANY_MARKS
                or text[end - 1] in _ANY_MARKS
                or _has_mark(chain[0], "left", text, start, end)
                or _has_mark(chain[-1], "right", text, start, end)
            )
            pieces = _curly_quotations(text, start, end) if text[start] == "\u201c" else []
            split += bool(pieces)
            for s, e in pieces or [(start, end)]:
                s, e = trim(text, s, e)
                if s < e:
                    spans.setdefault(
                        (s, e), GoldQuote(((s, e),), "direct", qid, speaker, cue, marked)
                    )

    ordered = tuple(sorted(spans.values(), key=lambda g: g.ranges))
    stats = GoldStats(
        documents=1,
        records=len(quotes),
        joined_parts=joined,
        split_records=split,
        extended_to_marks=extended,
        mixed_records=sum(1 for k, _ in groups if k == "mixed"),
        mixed_fragments=fragments,
        mixed_without_marks=no_marks,
        unpaired_marks=unpaired,
        unmarked_spans=sum(1 for g in ordered if not g.marked),
        spans_without_speaker=sum(1 for g in ordered if g.speaker is None),
    )
    return GoldDocument(
        doc_id,
        text,
        ordered,
        tuple(sorted(indirect, key=lambda g: g.ranges)),
        tuple(sorted(mixed, key=lambda g: g.ranges)),
        True,
        stats,
    )


def load_corpus(path: str | os.PathLike[str]) -> Iterator[GoldDocument]:
    """Read a JSON Lines corpus lazily, one `GoldDocument` per non-blank line.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        InputFormatError: a line is not valid JSON or not a corpus record
            (the message gives the file and line number).
    """
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{os.fspath(path)}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputFormatError(f"{where}: not valid JSON ({exc.msg})") from None
            yield gold_document(record, where=where)


# --------------------------------------------------------------------------- profiles


@attrs.frozen(slots=True)
class Profile:
    """How one kind of corpus is judged.

    A predicted speaker is right when any enabled test passes:

    * ``overlap``: the predicted speaker mention overlaps the gold speaker span;
    * ``surname``: the last word of the predicted entity's name occurs, as a
      word, in the gold speaker text (news: "Ruiz" in "Health Minister
      Ana Ruiz");
    * ``aliases``: the predicted entity's name (alone or after its title) or
      the speaker mention's text equals one of the gold aliases after
      `normalise_name` (pronoun mentions are never compared by text); or the
      entity's name mentions include an alias of the gold character and no
      name that belongs only to another character of the document (so an
      entity that merges two characters is never right).

    ``cues`` turns on cue accuracy and ``indirect`` the indirect-speech scores
    (they are computed only when the extractor returns indirect records).
    With no test enabled, attribution and end-to-end scores are not reported.
    """

    name: str
    overlap: bool = False
    surname: bool = False
    aliases: bool = False
    cues: bool = False
    indirect: bool = False

    @property
    def attribution(self) -> bool:
        """Whether speakers are judged at all."""
        return self.overlap or self.surname or self.aliases


PROFILES: dict[str, Profile] = {
    "news": Profile("news", overlap=True, surname=True, cues=True, indirect=True),
    "fiction": Profile("fiction", aliases=True),
    "litbank": Profile("litbank", overlap=True, aliases=True),
    "spans": Profile("spans"),
}
"""The shipped profiles: news (PolNeAR), fiction (PDNC), litbank, spans (RiQuA)."""

_PROFILE_PREFIXES = (
    ("polnear", "news"),
    ("pdnc", "fiction"),
    ("litbank", "litbank"),
    ("riqua", "spans"),
)


def profile_for_path(path: str | os.PathLike[str]) -> Profile:
    """The profile for a corpus file, from its name (polnear*, pdnc*, litbank*, riqua*).

    Any other name gets the ``spans`` profile (quoted spans only).
    """
    base = os.path.basename(os.fspath(path)).lower()
    for prefix, name in _PROFILE_PREFIXES:
        if base.startswith(prefix):
            return PROFILES[name]
    return PROFILES["spans"]


def _surname(name: str) -> str | None:
    words = [w.strip(".-'\u2019") for w in _WORD.findall(name)]
    words = [w for w in words if w]
    while words and words[-1].replace(".", "").casefold() in _SUFFIXES:
        words.pop()
    return words[-1] if words else None


def judge_speaker(quote: Quote, gold: GoldSpeaker, profile: Profile) -> bool:
    """Whether ``quote``'s speaker is the gold speaker under ``profile`` (see `Profile`)."""
    mention, entity = quote.speaker, quote.entity
    if (
        profile.overlap
        and mention is not None
        and gold.start is not None
        and gold.end is not None
        and _overlaps((mention.start, mention.end), (gold.start, gold.end))
    ):
        return True
    if profile.surname and entity is not None and gold.text:
        surname = _surname(entity.name)
        if surname and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", gold.text, re.IGNORECASE):
            return True
    if profile.aliases and gold.aliases:
        names = []
        if entity is not None:
            names.append(entity.name)
            if entity.title:
                names.append(f"{entity.title} {entity.name}")
        if mention is not None and mention.kind != "pronoun":
            names.append(mention.text)
        if any(normalise_name(n) in gold.aliases for n in names):
            return True
        # The entity's own name mentions identify the character when they name
        # it and no other ("Maud" in an entity called "Maud Ashdown").
        if entity is not None:
            own = {normalise_name(m.text) for m in entity.mentions if m.kind == "name"}
            if own & gold.aliases and not own & gold.others:
                return True
    return False


# ---------------------------------------------------------------------------- scoring


@attrs.frozen(slots=True)
class ErrorRecord:
    """One error for error analysis, with ``left``/``right`` context (100 characters each)."""

    doc_id: str
    type: ErrorType
    start: int
    end: int
    text: str
    left: str
    right: str
    gold_speaker: str | None = None
    predicted_speaker: str | None = None
    predicted_entity: str | None = None
    rule: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types."""
        return attrs.asdict(self)


@attrs.frozen(slots=True)
class DocumentScores:
    """Counts for one document (add them up with `CorpusScores`)."""

    doc_id: str
    spans_exact: Scores
    spans_overlap: Scores
    attribution: Accuracy
    end_to_end: Scores
    cue: Accuracy
    indirect: Scores | None
    indirect_source: Accuracy | None
    rules: tuple[RuleCount, ...]
    errors: tuple[ErrorRecord, ...] = ()


def _rule_name(quote: Quote) -> str:
    return quote.rule or "(none)"


def _speaker_label(gold: GoldSpeaker | None) -> str | None:
    if gold is None:
        return None
    return gold.text or gold.entity


def _content_parts(text: str, quote: Quote) -> tuple[Range, ...]:
    """The trimmed, non-empty parts of a record's content: its segments, else the
    content range (one empty range if nothing is left, so the record still counts)."""
    spans = [(s.start, s.end) for s in quote.segments] or [(quote.content_start, quote.content_end)]
    parts = tuple(r for r in (trim(text, s, e) for s, e in spans) if r[0] < r[1])
    return parts or (trim(text, quote.content_start, quote.content_end),)


def _hull(parts: Sequence[Range]) -> Range:
    return parts[0][0], parts[-1][1]


def _error(
    doc: GoldDocument,
    kind: ErrorType,
    rng: Range,
    quote: Quote | None = None,
    gold: GoldQuote | None = None,
) -> ErrorRecord:
    s, e = rng
    text = doc.text
    return ErrorRecord(
        doc.id,
        kind,
        s,
        e,
        text[s:e],
        text[max(0, s - _CONTEXT) : s],
        text[e : e + _CONTEXT],
        _speaker_label(gold.speaker) if gold else None,
        quote.speaker.text if quote and quote.speaker else None,
        quote.entity.name if quote and quote.entity else None,
        quote.rule if quote else None,
        quote.kind if quote else None,
    )


def score_document(
    doc: GoldDocument,
    quotes: Sequence[Quote],
    profile: Profile,
    *,
    indirect: bool = False,
    errors: bool = False,
) -> DocumentScores:
    """Score the predictions ``quotes`` for ``doc`` (see docs/accuracy.md for each metric).

    Args:
        doc: the gold document.
        quotes: what the extractor returned for ``doc.text``.
        profile: how speakers are judged and which optional metrics apply.
        indirect: score indirect records too (only with ``profile.indirect``);
            pass true when the extractor was asked for ``"indirect"``.
        errors: keep false positives, misses and wrong speakers in ``errors``.
    """
    text = doc.text
    span_quotes = [q for q in quotes if q.kind in ("direct", "mixed")]
    pred: list[Range] = []
    owner: list[Quote] = []
    for q in span_quotes:
        for seg in q.segments or ():
            rng = trim(text, seg.start, seg.end)
            if rng[0] < rng[1]:
                pred.append(rng)
                owner.append(q)
        if not q.segments:
            rng = trim(text, q.start, q.end)
            if rng[0] < rng[1]:
                pred.append(rng)
                owner.append(q)
    gold = doc.spans
    gold_ranges = [g.ranges for g in gold]

    exact = match_exact(gold_ranges, pred)
    spans_exact = Scores(len(exact), len(pred), len(gold))
    pairs = match_spans(gold_ranges, pred)
    spans_overlap = Scores(len(pairs), len(pred), len(gold))

    rules: dict[tuple[str, str], list[int]] = {}
    for q in owner:
        rules.setdefault((_rule_name(q), "span"), [0, 0, 0, 0])[0] += 1
    attribution = Accuracy()
    cue = Accuracy()
    e2e_tp = e2e_neutral = 0
    wrong: list[tuple[int, int]] = []
    for gi, pi in pairs:
        g, q = gold[gi], owner[pi]
        counts = rules[(_rule_name(q), "span")]
        counts[1] += 1
        if profile.cues and g.cue is not None:
            right_cue = q.cue is not None and _overlaps((q.cue.start, q.cue.end), g.cue)
            cue += Accuracy(int(right_cue), 1)
        if not profile.attribution:
            continue
        if g.speaker is None:
            e2e_neutral += 1
            continue
        right = judge_speaker(q, g.speaker, profile)
        counts[2] += 1
        counts[3] += int(right)
        attribution += Accuracy(int(right), 1)
        e2e_tp += int(right)
        if not right:
            wrong.append((gi, pi))
    if profile.attribution:
        end_to_end = Scores(
            e2e_tp, len(pred) - e2e_neutral, sum(1 for g in gold if g.speaker is not None)
        )
    else:
        end_to_end = Scores()

    found: list[ErrorRecord] = []
    if errors:
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for pi, rng in enumerate(pred):
            if pi not in matched_p:
                found.append(_error(doc, "false_positive", rng, owner[pi]))
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                found.append(_error(doc, "miss", (g.start, g.end), gold=g))
        for gi, pi in wrong:
            found.append(_error(doc, "wrong_speaker", pred[pi], owner[pi], gold[gi]))

    ind_scores: Scores | None = None
    ind_source: Accuracy | None = None
    if indirect and profile.indirect:
        ind_quotes = [q for q in quotes if q.kind == "indirect"]
        # By its parts, as the gold is: "A, Ruiz said, B" is content A and B, not the cue.
        ind_pred = [_content_parts(text, q) for q in ind_quotes]
        ind_gold = [g.ranges for g in doc.indirect]
        ind_pairs = match_spans(ind_gold, ind_pred)
        matched_p = {pi for _, pi in ind_pairs}
        rest = [pi for pi in range(len(ind_pred)) if pi not in matched_p]
        # The clause around a quoted fragment (a PolNeAR mixed record) is a
        # reported statement the gold does not list as indirect: not counted.
        neutral = match_spans([m.ranges for m in doc.mixed_contents], [ind_pred[i] for i in rest])
        neutral_p = {rest[pi] for _, pi in neutral}
        ind_scores = Scores(len(ind_pairs), len(ind_pred) - len(neutral_p), len(ind_gold))
        ind_source = Accuracy()
        for q in ind_quotes:
            rules.setdefault((_rule_name(q), "indirect"), [0, 0, 0, 0])[0] += 1
        for gi, pi in ind_pairs:
            g, q = doc.indirect[gi], ind_quotes[pi]
            counts = rules[(_rule_name(q), "indirect")]
            counts[1] += 1
            if g.speaker is None:
                continue
            right = judge_speaker(q, g.speaker, profile)
            counts[2] += 1
            counts[3] += int(right)
            ind_source += Accuracy(int(right), 1)
            if errors and not right:
                found.append(_error(doc, "indirect_wrong_source", _hull(ind_pred[pi]), q, g))
        if errors:
            matched_g = {gi for gi, _ in ind_pairs}
            for pi, parts in enumerate(ind_pred):
                if pi not in matched_p and pi not in neutral_p:
                    found.append(
                        _error(doc, "indirect_false_positive", _hull(parts), ind_quotes[pi])
                    )
            for gi, g in enumerate(doc.indirect):
                if gi not in matched_g:
                    found.append(_error(doc, "indirect_miss", (g.start, g.end), gold=g))

    found.sort(key=lambda r: (r.start, r.end, r.type))
    return DocumentScores(
        doc.id,
        spans_exact,
        spans_overlap,
        attribution,
        end_to_end,
        cue,
        ind_scores,
        ind_source,
        tuple(RuleCount(r, k, *c) for (r, k), c in sorted(rules.items())),
        tuple(found),
    )


@attrs.frozen(slots=True)
class CorpusScores:
    """Micro-averaged scores over a corpus (counts summed over documents).

    ``attribution``, ``end_to_end`` and ``cue`` are ``None`` where the profile
    does not judge them; ``indirect`` and ``indirect_source`` are ``None``
    unless the profile scores indirect speech and the extractor returned it.
    ``seconds`` is the time spent inside the extractor, ``characters`` the
    text it read.
    """

    name: str
    profile: str
    kinds: tuple[str, ...]
    documents: int
    characters: int
    seconds: float
    spans_exact: Scores
    spans_overlap: Scores
    attribution: Accuracy | None
    end_to_end: Scores | None
    cue: Accuracy | None
    indirect: Scores | None
    indirect_source: Accuracy | None
    rules: tuple[RuleCount, ...]
    gold: GoldStats
    errors: tuple[ErrorRecord, ...] = ()

    @property
    def chars_per_second(self) -> float:
        """Extraction speed over the corpus."""
        return self.characters / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Figures only (no corpus text, no errors), plain JSON types."""

        def opt(value: Scores | Accuracy | None) -> dict[str, Any] | None:
            return value.to_dict() if value is not None else None

        return {
            "name": self.name,
            "profile": self.profile,
            "kinds": list(self.kinds),
            "documents": self.documents,
            "characters": self.characters,
            "seconds": round(self.seconds, 3),
            "chars_per_second": round(self.chars_per_second),
            "spans_exact": self.spans_exact.to_dict(),
            "spans_overlap": self.spans_overlap.to_dict(),
            "attribution": opt(self.attribution),
            "end_to_end": opt(self.end_to_end),
            "cue": opt(self.cue),
            "indirect": opt(self.indirect),
            "indirect_source": opt(self.indirect_source),
            "rules": [r.to_dict() for r in self.rules],
            "gold": self.gold.to_dict(),
        }


def evaluate_corpus(
    docs: Iterable[GoldDocument],
    extractor: Any,
    profile: Profile,
    *,
    name: str = "corpus",
    errors: bool = False,
    limit: int | None = None,
) -> CorpusScores:
    """Run ``extractor.extract`` on every labelled document and add up the scores.

    Args:
        docs: gold documents, e.g. from `load_corpus`.
        extractor: a `quoteattr.QuoteExtractor` (anything with ``extract(text)``
            returning `Quote` records and a ``kinds`` collection).
        profile: how speakers are judged (`profile_for_path` picks one).
        name: the corpus name to report.
        errors: keep the error records (memory grows with the error count).
        limit: score only the first ``limit`` labelled documents.
    """
    kinds = tuple(sorted(getattr(extractor, "kinds", ("direct", "mixed"))))
    indirect = "indirect" in kinds and profile.indirect
    exact = overlap = e2e = Scores()
    attribution = cue = Accuracy()
    ind: Scores | None = Scores() if indirect else None
    ind_source: Accuracy | None = Accuracy() if indirect else None
    rules: dict[tuple[str, str], RuleCount] = {}
    gold_stats = GoldStats()
    found: list[ErrorRecord] = []
    documents = characters = 0
    seconds = 0.0
    for doc in docs:
        if limit is not None and documents >= limit:
            break
        gold_stats += doc.stats
        if not doc.labelled:
            continue
        started = time.perf_counter()
        quotes = extractor.extract(doc.text)
        seconds += time.perf_counter() - started
        documents += 1
        characters += len(doc.text)
        scores = score_document(doc, quotes, profile, indirect=indirect, errors=errors)
        exact += scores.spans_exact
        overlap += scores.spans_overlap
        attribution += scores.attribution
        e2e += scores.end_to_end
        cue += scores.cue
        if ind is not None and scores.indirect is not None:
            ind += scores.indirect
        if ind_source is not None and scores.indirect_source is not None:
            ind_source += scores.indirect_source
        for r in scores.rules:
            key = (r.rule, r.kind)
            rules[key] = rules[key] + r if key in rules else r
        found.extend(scores.errors)
    return CorpusScores(
        name,
        profile.name,
        kinds,
        documents,
        characters,
        seconds,
        exact,
        overlap,
        attribution if profile.attribution else None,
        e2e if profile.attribution else None,
        cue if profile.cues else None,
        ind,
        ind_source,
        tuple(sorted(rules.values(), key=lambda r: (r.kind, -r.predicted, r.rule))),
        gold_stats,
        tuple(found),
    )
