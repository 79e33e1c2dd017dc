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

from bisect import bisect_right
from collections.abc import Callable, Sequence

import regex

from quoteattr import _mentions
from quoteattr._attribution import CONFIDENCE, PRONOUN_FACTOR, Link, _outside, narration_mentions
from quoteattr._document import Document
from quoteattr._mentions import gender_of
from quoteattr._models import Mention
from quoteattr._tokens import PUNCT, tokenize

# How many earlier paragraphs to search for a pronoun's named antecedent.
ANTECEDENT_PARAGRAPHS = 3
# More tokens than "“Q,” said the old gentleman, smiling." outside the quotes: narration.
NARRATION_WORDS = 12
# Times the others must address the narrator by one name before "I" takes it.
NARRATOR_EVIDENCE = 3


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
            if ref is not None and (ref.kind != "pronoun" or _first_person(ref)):
                return ref
        return None


def _first_person(m: Mention) -> bool:
    """The narrator of a first-person story: "I asked"."""
    return m.kind == "pronoun" and m.text.lower() == "i"


def _key(m: Mention | None) -> str:
    return "" if m is None else m.text.lower().replace(".", "")


def resolve(doc: Document, links: Sequence[Link]) -> None:
    """Resolve pronoun speakers and fill unattributed turns, in place."""
    turns = _turns(doc, links)
    genders = _Genders(doc)
    participants: list[Mention] = []  # named speakers, most recent last
    for i, turn in enumerate(turns):
        prev = turns[i - 1] if i and turns[i - 1].p == turn.p - 1 else None
        before = (
            turns[i - 2] if prev is not None and i > 1 and turns[i - 2].p == turn.p - 2 else None
        )
        nxt = turns[i + 1] if i + 1 < len(turns) and turns[i + 1].p == turn.p + 1 else None
        in_dialogue = prev is not None and (before is not None or nxt is not None)
        turn.addressee = _vocative(doc, turn)
        for link in turn.links:
            if link.speaker is None:
                _fill(doc, link, turn, prev, before, in_dialogue, participants, genders)
                continue
            gender = _speaker_gender(link.speaker) if link.referent is None else None
            if link.referent is None and link.speaker.kind == "nominal":
                # "the Colonel said": a named person with that title.
                titled = _titled(doc, link, turn, participants)
                if titled is not None:
                    link.referent = titled
                    gender = None
            # "the old lady said" is a character met before, like "she said".
            if gender is not None:
                ref = _antecedent(doc, link, gender, turn, prev, before, participants, genders)
                if ref is not None:
                    link.referent = ref
                    link.confidence *= PRONOUN_FACTOR
            if link.referent is None and (
                link.speaker.kind != "pronoun" or _first_person(link.speaker)
            ):
                link.referent = link.speaker
        speaker = turn.speaker
        if speaker is not None:
            participants[:] = [m for m in participants if _key(m) != _key(speaker)]
            participants.append(speaker)
    _fill_backwards(turns)
    _name_narrator(turns)


def _name_narrator(turns: Sequence[_Turn]) -> None:
    """The narrator is the one the others address next to the narrator's turns
    ("“I cried.” … “Exactly, Hastings,”"): give "I" that name when it recurs."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for i, turn in enumerate(turns):
        speaker = turn.speaker
        if speaker is None or not _first_person(speaker):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(turns) and abs(turns[j].p - turn.p) == 1:
                addressee = turns[j].addressee
                if addressee is not None:
                    key = _key(addressee)
                    counts[key] = counts.get(key, 0) + 1
                    first.setdefault(key, addressee)
    if not counts:
        return
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < NARRATOR_EVIDENCE:
        return
    name = first[best]
    for turn in turns:
        for link in turn.links:
            if link.referent is not None and _first_person(link.referent):
                link.referent = name


def _turns(doc: Document, links: Sequence[Link]) -> list[_Turn]:
    by_p: dict[int, list[Link]] = {}
    for link in links:
        if link.kind != "other":
            by_p.setdefault(link.paragraph, []).append(link)
    return [_Turn(p, ls, ls[0].start == doc.paragraphs[p][0]) for p, ls in sorted(by_p.items())]


# Subject pronouns only: "Styles, his mother's place" says nothing of Styles.
_GENDERED = regex.compile(r"\b(?:(he)|(she))\b", regex.I)
# How far after a name to look for the pronoun that refers back to it.
_EVIDENCE_WINDOW = 120


class _Genders:
    """Gender of a name: from the lexicon (first name, title), else from the pronouns
    that follow the name's occurrences in the document ("Darcy … his")."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.cache: dict[str, str] = {}

    def of(self, m: Mention) -> str:
        g = gender_of(m.text)
        if g != "x":
            return g
        word = m.text.split()[-1]
        known = self.cache.get(word)
        if known is None:
            known = self._evidence(word)
            self.cache[word] = known
        return known

    def _evidence(self, word: str) -> str:
        text = self.doc.text
        counts = [0, 0]
        for start in self.doc.occurrences(word):
            end = start + len(word)
            m = _GENDERED.search(text, end, end + _EVIDENCE_WINDOW)
            if m is not None:
                counts[0 if m.group(1) else 1] += 1
        male, female = counts
        if male + female >= 2 and max(male, female) >= 2 * min(male, female):
            return "m" if male > female else "f"
        return "x"


def _compatible(m: Mention, gender: str, genders: _Genders) -> bool:
    return gender == "x" or genders.of(m) in (gender, "x")


def _speaker_gender(m: Mention) -> str | None:
    """Gender of a speaker that needs an antecedent: "she", or "the old lady"."""
    if m.kind == "pronoun":
        return {"he": "m", "she": "f"}.get(m.text.lower())
    words = m.text.lower().split()
    if m.kind != "nominal" or len(words) < 2 or words[0] != "the":
        return None
    nominal = _mentions.lexicon().nominals.get(words[-1])
    if nominal is None or nominal.kind != "person" or nominal.gender not in ("m", "f"):
        return None
    return nominal.gender


def _antecedent(
    doc: Document,
    link: Link,
    gender: str,
    turn: _Turn,
    prev: _Turn | None,
    before: _Turn | None,
    participants: list[Mention],
    genders: _Genders,
) -> Mention | None:
    assert link.speaker is not None
    addressed = _key(turn.addressee)
    participants = [m for m in participants if _key(m) != addressed]

    def fits(m: Mention) -> bool:
        return (
            m.kind == "name"
            and _key(m) != addressed
            and _compatible(m, gender, genders)
            and _person_like(m, participants, genders)
        )

    # A name in this paragraph's narration before the pronoun: "Anne looked up. “Q,” she said."
    here = [m for m in narration_mentions(doc, turn.p, end=link.speaker.start) if fits(m)]
    if here:
        return here[0]  # the paragraph's subject, not a name it mentions in passing
    last = prev.speaker if prev is not None else None
    if before is not None and before.speaker is not None and _key(before.speaker) != _key(last):
        if _compatible(before.speaker, gender, genders):
            return before.speaker
    if turn.p > 0 and (prev is None or not prev.quote_led or _narrated(doc, prev.p)):
        # After narration, the pronoun continues its last subject: "Kemp shaded his eyes."
        subject = _last_subject(doc, turn.p - 1, fits)
        if subject is not None:
            return subject
    if (
        prev is not None
        and prev.addressee is not None
        and _compatible(prev.addressee, gender, genders)
    ):
        return prev.addressee
    # The nearest named mention of that gender in the paragraphs before.
    for p in range(turn.p - 1, max(-1, turn.p - 1 - ANTECEDENT_PARAGRAPHS), -1):
        subject = _last_subject(doc, p, fits)
        if subject is not None:
            return subject
    if prev is not None:
        for m in reversed(participants):
            if _key(m) != _key(last) and genders.of(m) == gender:
                return m
    for m in reversed(participants):
        if _compatible(m, gender, genders):
            return m
    return None


def _narrated(doc: Document, p: int) -> bool:
    """Whether paragraph ``p`` tells more than who spoke: a few narration words at least."""
    toks = doc.tokens(p)
    words = sum(hi - lo for lo, hi in _outside(doc, p, toks))
    return words > NARRATION_WORDS


def _last_subject(doc: Document, p: int, fits: Callable[[Mention], bool]) -> Mention | None:
    """The first fitting name of the last sentence of paragraph ``p`` that has one."""
    found = [m for m in narration_mentions(doc, p) if fits(m)]
    if not found:
        return None
    starts = [s for s, _ in doc.sentences(p)]
    last = bisect_right(starts, found[-1].start) - 1
    return next(m for m in found if bisect_right(starts, m.start) - 1 == last)


def _abbreviates(short: str, word: str) -> bool:
    """"dr" abbreviates "doctor", "col" "colonel": same first letter, letters in order."""
    if not short or not word or short[0] != word[0]:
        return False
    it = iter(word)
    return all(c in it for c in short)


def _titled(
    doc: Document, link: Link, turn: _Turn, participants: Sequence[Mention]
) -> Mention | None:
    """The named person a definite title refers to: "the doctor" -> "Dr. Lal"."""
    assert link.speaker is not None
    words = link.speaker.text.lower().split()
    if len(words) < 2 or words[0] != "the":
        return None
    head = words[-1]
    lex = _mentions.lexicon()
    if head not in lex.title_words and head + "." not in lex.title_words:
        return None

    def match(m: Mention) -> bool:
        first = m.text.split()[0].lower().rstrip(".")
        return len(m.text.split()) > 1 and (first == head or _abbreviates(first, head))

    for m in reversed(participants):
        if match(m):
            return m
    for p in range(turn.p, max(-1, turn.p - 1 - 2 * ANTECEDENT_PARAGRAPHS), -1):
        found = [m for m in narration_mentions(doc, p) if m.kind == "name" and match(m)]
        if p == turn.p:
            found = [m for m in found if m.end <= link.speaker.start]
        if found:
            return found[-1]
    return None


def _person_like(m: Mention, participants: Sequence[Mention], genders: _Genders) -> bool:
    """A name known to be a person: a known gender, or an earlier speaker."""
    if genders.of(m) != "x":
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
    genders: _Genders,
) -> None:
    """Guess the speaker of an unattributed quotation from the conversation."""
    if not turn.quote_led:
        return
    last = prev.speaker if prev is not None else None
    addressed = _key(turn.addressee)
    participants = [m for m in participants if _key(m) != addressed]
    guess: Mention | None = None
    rule = "turn_taking"
    if (
        in_dialogue
        and before is not None
        and before.speaker is not None
        and (_key(before.speaker) not in (_key(last), addressed))
    ):
        guess = before.speaker
    elif prev is not None and prev.addressee is not None and _key(prev.addressee) != _key(last):
        guess = prev.addressee
    elif in_dialogue and last is not None:
        others = [m for m in participants if _key(m) != _key(last)]
        # A named participant before "a gardener's wife" met once.
        others = [m for m in others if m.kind == "name"] or others
        guess = others[-1] if others else None
    elif prev is not None and last is not None:
        guess, rule = last, "previous_paragraph"
    elif prev is None and turn.p > 0:
        # After narration, its last subject speaks: "Ronny laughed.¶“Q”"
        guess = _last_subject(
            doc,
            turn.p - 1,
            lambda m: m.kind == "name"
            and _key(m) != addressed
            and _person_like(m, participants, genders),
        )
        rule = "narration_subject"
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
        for m in _mentions.name_mentions(text, toks, 0, len(toks), doc.common_word):
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
