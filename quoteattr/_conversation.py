"""Conversation: pronoun speakers and unattributed turns, from the flow of the dialogue.

Runs after the local sieves of `_attribution`. It walks the quote paragraphs
("turns") in order and keeps who has spoken:

* a pronoun speaker ("she said") is resolved to a named antecedent of its
  gender: the speaker the turn-taking predicts, else a recent participant
  other than the previous turn's speaker, else the nearest named mention;
* an unattributed turn inside a dialogue (a run of adjacent quote
  paragraphs) takes the speaker of the turn before last (A, B, A, B), or the
  person the previous turn addressed by name ("…, John."), and is filled
  backwards from the next attributed turns when nothing comes before;
* an unattributed quote paragraph outside a dialogue continues the speaker
  of the paragraph just before it (news: a quote paragraph after “Q,” X said).
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr import _mentions
from quoteattr._attribution import CONFIDENCE, PRONOUN_FACTOR, Link, narration_mentions
from quoteattr._document import Document
from quoteattr._mentions import gender_of
from quoteattr._models import Mention
from quoteattr._tokens import PUNCT, tokenize

# How many earlier paragraphs to search for a pronoun's named antecedent.
ANTECEDENT_PARAGRAPHS = 3


class _Turn:
    __slots__ = ("addressee", "links", "p", "quote_led")

    def __init__(self, p: int, links: list[Link], quote_led: bool) -> None:
        self.p = p
        self.links = links
        self.quote_led = quote_led
        self.addressee: Mention | None = None

    @property
    def speaker(self) -> Mention | None:
        """The named speaker of the turn (a resolved referent), if any."""
        for link in self.links:
            ref = link.referent
            if ref is not None and ref.kind != "pronoun":
                return ref
        return None


def _key(m: Mention | None) -> str:
    return "" if m is None else m.text.lower().replace(".", "")


def resolve(doc: Document, links: Sequence[Link]) -> None:
    """Resolve pronoun speakers and fill unattributed turns, in place."""
    turns = _turns(doc, links)
    participants: list[Mention] = []  # named speakers, most recent last
    for i, turn in enumerate(turns):
        prev = turns[i - 1] if i and turns[i - 1].p == turn.p - 1 else None
        before = turns[i - 2] if prev is not None and i > 1 and turns[i - 2].p == turn.p - 2 else None
        nxt = turns[i + 1] if i + 1 < len(turns) and turns[i + 1].p == turn.p + 1 else None
        in_dialogue = prev is not None and (before is not None or nxt is not None)
        for link in turn.links:
            if link.speaker is None:
                _fill(doc, link, turn, prev, before, in_dialogue, participants)
            elif link.speaker.kind == "pronoun" and link.referent is None:
                ref = _antecedent(doc, link, turn, prev, before, participants)
                if ref is not None:
                    link.referent = ref
                    link.confidence *= PRONOUN_FACTOR
            elif link.referent is None:
                link.referent = link.speaker
        speaker = turn.speaker
        if speaker is not None:
            participants[:] = [m for m in participants if _key(m) != _key(speaker)]
            participants.append(speaker)
        turn.addressee = _vocative(doc, turn)
    _fill_backwards(turns)


def _turns(doc: Document, links: Sequence[Link]) -> list[_Turn]:
    by_p: dict[int, list[Link]] = {}
    for link in links:
        if link.kind != "other":
            by_p.setdefault(link.paragraph, []).append(link)
    return [
        _Turn(p, ls, ls[0].start == doc.paragraphs[p][0]) for p, ls in sorted(by_p.items())
    ]


def _compatible(m: Mention, gender: str) -> bool:
    return gender == "x" or gender_of(m.text) in (gender, "x")


def _pronoun_gender(m: Mention) -> str | None:
    word = m.text.lower()
    return {"he": "m", "she": "f"}.get(word)


def _antecedent(
    doc: Document,
    link: Link,
    turn: _Turn,
    prev: _Turn | None,
    before: _Turn | None,
    participants: list[Mention],
) -> Mention | None:
    assert link.speaker is not None
    gender = _pronoun_gender(link.speaker)
    if gender is None:
        return None
    # A name in this paragraph's narration before the pronoun: "Anne looked up. “Q,” she said."
    here = [
        m for m in narration_mentions(doc, turn.p, end=link.speaker.start)
        if m.kind == "name" and _compatible(m, gender) and _person_like(m, participants)
    ]
    if here:
        return here[-1]
    last = prev.speaker if prev is not None else None
    if before is not None and before.speaker is not None and _key(before.speaker) != _key(last):
        if _compatible(before.speaker, gender):
            return before.speaker
    if prev is not None and prev.addressee is not None and _compatible(prev.addressee, gender):
        return prev.addressee
    if prev is not None:
        for m in reversed(participants):
            if _key(m) != _key(last) and _compatible(m, gender) and gender_of(m.text) != "x":
                return m
    # The nearest named mention of that gender in the paragraphs before.
    for p in range(turn.p - 1, max(-1, turn.p - 1 - ANTECEDENT_PARAGRAPHS), -1):
        found = [
            m for m in narration_mentions(doc, p)
            if m.kind == "name" and _compatible(m, gender) and _person_like(m, participants)
        ]
        if found:
            return found[-1]
    for m in reversed(participants):
        if _compatible(m, gender):
            return m
    return None


def _person_like(m: Mention, participants: Sequence[Mention]) -> bool:
    """A name known to be a person: a known first name or title, or an earlier speaker."""
    if gender_of(m.text) != "x":
        return True
    key = _key(m)
    return any(_key(p) == key for p in participants)


def _fill(
    doc: Document,
    link: Link,
    turn: _Turn,
    prev: _Turn | None,
    before: _Turn | None,
    in_dialogue: bool,
    participants: list[Mention],
) -> None:
    """Guess the speaker of an unattributed quotation from the conversation."""
    if not turn.quote_led:
        return
    last = prev.speaker if prev is not None else None
    guess: Mention | None = None
    rule = "turn_taking"
    if in_dialogue and before is not None and before.speaker is not None and (
        _key(before.speaker) != _key(last)
    ):
        guess = before.speaker
    elif prev is not None and prev.addressee is not None and _key(prev.addressee) != _key(last):
        guess = prev.addressee
    elif in_dialogue and last is not None:
        others = [m for m in participants if _key(m) != _key(last)]
        guess = others[-1] if others else None
    elif prev is not None and last is not None:
        guess, rule = last, "previous_paragraph"
    if guess is not None:
        link.speaker = link.referent = guess
        link.rule = rule
        link.confidence = CONFIDENCE[rule]


def _fill_backwards(turns: Sequence[_Turn]) -> None:
    """A dialogue that opens unattributed: turn i speaks like turn i + 2."""
    for i in range(len(turns) - 3, -1, -1):
        turn = turns[i]
        if not turn.quote_led or turn.speaker is not None:
            continue
        a, b = turns[i + 1], turns[i + 2]
        if a.p != turn.p + 1 or b.p != turn.p + 2:
            continue
        sa, sb = a.speaker, b.speaker
        if sa is None or sb is None or _key(sa) == _key(sb):
            continue
        for link in turn.links:
            if link.speaker is None or (link.speaker.kind == "pronoun" and link.referent is None):
                if link.speaker is None:
                    link.speaker = sb
                    link.rule = "turn_taking"
                    link.confidence = CONFIDENCE["turn_taking"]
                link.referent = sb


def _vocative(doc: Document, turn: _Turn) -> Mention | None:
    """A name the turn's quotations address: “John, …” or “…, John.”"""
    text = doc.text
    lex = _mentions.lexicon()
    for link in turn.links:
        toks = tokenize(text, link.content_start, link.content_end, lex.abbreviations)
        for m in _mentions.name_mentions(text, toks, 0, len(toks)):
            if m.kind != "name":
                continue
            i = _mentions_index(toks, m.start)
            j = _mentions_index(toks, m.end)
            left_ok = i == 0 or (toks[i - 1].kind == PUNCT and toks[i - 1].text in ",“\"‘'")
            right_ok = j >= len(toks) or (toks[j].kind == PUNCT and toks[j].text in ",.!?;")
            if left_ok and right_ok and (i > 0 or (j < len(toks) and toks[j].text == ",")):
                return m
    return None


def _mentions_index(toks: Sequence[object], offset: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < offset:  # type: ignore[attr-defined]
            lo = mid + 1
        else:
            hi = mid
    return lo
