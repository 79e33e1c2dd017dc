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

import functools
import math
import threading
from bisect import bisect_right
from collections.abc import Callable, Sequence

import regex

from quoteattr import _attribution, _entities, _lexicon, _mentions
from quoteattr._attribution import (
    CONFIDENCE,
    PRONOUN_FACTOR,
    Link,
    _outside,
)
from quoteattr._document import Document
from quoteattr._models import Mention
from quoteattr._tokens import PUNCT, Token, tokenize

# Gender of a name (lexicon, else the pronouns after it); `_indirect` uses it too.
_Genders = _entities.Genders

# How many earlier paragraphs to search for a pronoun's named antecedent.
ANTECEDENT_PARAGRAPHS = 3
# Characters (a few pages) within which a description's tag ("said the old lady") may
# take a recent speaker as its antecedent (pdnc_dev: 8,000 +15, 15,000 +17, 30,000 +12;
# LitBank the same).
DESCRIBED_REACH = 15000
# More tokens than "“Q,” said the old gentleman, smiling." outside the quotes: narration.
NARRATION_WORDS = 12
# Times the others must address the narrator by one name before "I" takes it.
NARRATOR_EVIDENCE = 3


class _Turn:
    __slots__ = ("addressee", "links", "named", "p", "quote_led")

    def __init__(self, p: int, links: list[Link], quote_led: bool) -> None:
        self.p = p
        self.links = links
        self.quote_led = quote_led
        self.addressee: Mention | None = None
        # Names inside the turn's quotations: people spoken to or of, not the speaker.
        self.named: list[Mention] = []

    @property
    def speaker(self) -> Mention | None:
        """The named speaker of the turn (a resolved referent), if any."""
        for link in self.links:
            ref = link.referent
            if ref is not None and (ref.kind != "pronoun" or _first_person(ref)):
                return ref
        return None


def _first_person(m: Mention) -> bool:
    """The narrator of a first-person story: "I asked", "was my reply", "heard me say"."""
    return m.kind == "pronoun" and m.text.lower() in _NARRATOR_PRONOUNS


_NARRATOR_PRONOUNS = frozenset(["i", "my", "me"])


def _key(m: Mention | None) -> str:
    # "Mr.\nDorn" at a line break is the "Mr. Dorn" of the line before.
    return "" if m is None else " ".join(m.text.lower().replace(".", "").split())


# Narration mentions of the document being resolved, per paragraph (one thread, one doc).
_STATE = threading.local()
# Mentions a pronoun or a title looks at in one paragraph: enough for a subject, and
# linear time on a paragraph of thousands of quotations.
SCAN_MENTIONS = 60


def narration_mentions(doc: Document, p: int, end: int | None = None) -> list[Mention]:
    """`_attribution.narration_mentions`, computed once per paragraph while resolving."""
    cache: tuple[Document, dict[int, tuple[list[Mention], list[int]]]] | None = getattr(
        _STATE, "cache", None
    )
    if cache is None or cache[0] is not doc:
        return _attribution.narration_mentions(doc, p, end)
    found = cache[1].get(p)
    if found is None:
        ms = _attribution.narration_mentions(doc, p)
        found = cache[1][p] = (ms, [m.end for m in ms])
    mentions, ends = found
    if end is None:
        return mentions
    return mentions[: bisect_right(ends, end)]


def resolve(doc: Document, links: Sequence[Link]) -> None:
    """Resolve pronoun speakers and fill unattributed turns, in place."""
    turns = _turns(doc, links)
    if not turns:
        return
    _STATE.cache = (doc, {})
    _STATE.titled = {}
    _STATE.surnames = {}
    _STATE.honoured = {}
    _STATE.apposed = {}
    _STATE.designations = {}
    _STATE.recurrent = {}
    try:
        for turn in turns:
            for link in turn.links:
                sp = link.speaker
                if sp is not None and sp.kind == "name" and _kind_word(doc, sp):
                    # "said the Englishman" where the text also says "an Englishman": a
                    # description of whichever one is at hand, not a name of its own.
                    link.speaker = Mention(sp.start, sp.end, sp.text, "nominal")
                    if link.referent is sp:
                        link.referent = None
        _resolve(doc, turns)
        for turn in turns:
            for link in turn.links:
                if link.silent:  # a turn of the talk, nobody's words
                    link.speaker = link.referent = link.cue = link.rule = None
                    link.confidence = 0.0
                elif (
                    link.speaker is not None
                    and link.speaker.kind == "nominal"
                    and (link.referent is None or link.referent.kind == "nominal")
                ):
                    # "said the man with the black beard", no name found for him: the
                    # description with its post-modifier is who he is.
                    fuller = _postmodified(doc.text, link.speaker)
                    if fuller is not None:
                        link.speaker = link.referent = fuller
    finally:
        _STATE.cache = None
        _STATE.titled = None
        _STATE.surnames = None
        _STATE.honoured = None
        _STATE.apposed = None
        _STATE.designations = None
        _STATE.recurrent = None


def _resolve(doc: Document, turns: list[_Turn]) -> None:
    original = [[(link.speaker, link.rule) for link in turn.links] for turn in turns]
    genders = _Genders(doc)
    dialogue = _dialogue_turns(doc, turns)
    _local(doc, turns, genders, dialogue)
    narrator = _narrator_name(turns)
    talk = [i for i, d in enumerate(dialogue) if d]
    if talk:
        # Only the stretches that are dialogue: a concatenation of news articles with
        # one interview costs that interview, not every name of the other articles.
        _decode_scenes(
            doc, [turns[i] for i in talk], [original[i] for i in talk], genders, narrator
        )
        narrator = narrator or _narrator_name(turns)
        _long_turns([turns[i] for i in talk], genders)
    narrator = narrator or _narrator_named(doc, turns)
    if narrator is not None:
        for turn in turns:
            for link in turn.links:
                if link.referent is not None and _first_person(link.referent):
                    link.referent = narrator


# A quotation of this many paragraphs or more is a story or a speech (`_long_turns`).
LONG_TURN_SEGMENTS = 2
# Characters between two such quotations within which the second goes on with the first
# (pdnc_dev: 600 to 3,000 the same).
LONG_TURN_REACH = 1500
# Rules that guessed a speaker from the talk, not from a tag.
_GUESSED = frozenset(["turn_taking", "narration_subject", "previous_paragraph"])


def _long_turns(turns: Sequence[_Turn], genders: _Genders) -> None:
    """A quotation of several paragraphs with no tag of its own goes on with the teller
    of the last one, when only short turns ("Go on.", "You did?") or a heading stand
    between them: the listener interjects, the teller holds the floor."""
    last: Link | None = None
    for turn in turns:
        for link in turn.links:
            if len(link.segments) < LONG_TURN_SEGMENTS:
                continue
            teller = None if last is None else last.referent or last.speaker
            if (
                last is not None
                and teller is not None
                and teller.kind != "pronoun"
                and link.start - last.end <= LONG_TURN_REACH
            ):
                sp = link.speaker
                if link.rule in _GUESSED:
                    link.speaker = link.referent = teller
                    link.cue = None
                elif (
                    link.rule == "paragraph_mention"
                    and sp is not None
                    and sp.kind == "pronoun"
                    and (g := _speaker_gender(sp)) is not None
                    and _compatible(teller, g, genders)
                ):
                    # "“Q” he went on. “Q2¶“Q3”": "he" is the teller.
                    link.referent = teller
            last = link


def _dialogue_turns(doc: Document, turns: Sequence[_Turn]) -> list[bool]:
    """Per turn, whether its stretch of the document is dialogue (`_has_dialogue`).
    Stretches end at a heading or a scene break, and where turns are more than
    STRETCH_GAP_CHARS apart: an interview among news articles is a dialogue, the
    articles around it are not. In a text whose dialogue stretches hold DIALOGUE_SHARE
    of its turns (a book) every stretch is: a chapter's two lines after a break
    ("“Q,” said Tom.¶“Dreadful.”") alternate as its talk elsewhere does."""
    out: list[bool] = []
    lo = 0
    for i in range(1, len(turns) + 1):
        if i < len(turns) and not _stretch_break(doc, turns[i - 1].p, turns[i].p):
            continue
        out.extend([_has_dialogue(doc, turns[lo:i])] * (i - lo))
        lo = i
    if sum(out) >= DIALOGUE_SHARE * len(out):
        return [True] * len(out)
    return out


# Share of the turns in dialogue stretches from which a text is read as dialogue
# throughout: novels have 0.45 to 1 (LitBank, PDNC), a run of news articles with
# one interview 0.01. The decoder then costs at most four times the dialogue.
DIALOGUE_SHARE = 0.25


# Characters of narration between two turns that end a stretch (a page or so).
STRETCH_GAP_CHARS = 3000
# A paragraph this short that does not end as a sentence does is a heading.
HEADING_CHARS = 80
_SENTENCE_ENDS = frozenset(".!?:;,\"'”’»)]…—–-")


def _stretch_break(doc: Document, a: int, b: int) -> bool:
    """Whether the paragraphs between turn paragraphs ``a`` and ``b`` end a stretch."""
    if b == a + 1:
        return False
    if doc.paragraphs[b][0] - doc.paragraphs[a][1] > STRETCH_GAP_CHARS:
        return True
    return any(_heading(doc, p) for p in range(a + 1, b))


def _heading(doc: Document, p: int) -> bool:
    """A title or a break: "* * *", "CHAPTER IV", "Mayor opens new bridge"."""
    s, e = doc.paragraphs[p]
    if e - s > HEADING_CHARS:
        return False
    line = doc.text[s:e].rstrip()
    return _separator(doc, p) or line[-1:] not in _SENTENCE_ENDS


def _has_dialogue(doc: Document, turns: Sequence[_Turn]) -> bool:
    """Whether the turns hold a dialogue: two adjacent paragraphs that are nothing
    but quotations ("“Where?”¶“Home.”"), or three adjacent short turns ("“Q,” said
    Mary.¶“Q,” said Tom.¶“Q,” she said."). News rarely has one: its quote paragraphs
    carry their context, and a bare one continues the speaker before it."""
    text = doc.text
    bare_p = short_p = -2
    run = 0
    tagged: list[Mention] = []
    for turn in turns:
        words = _narration_words(text, doc.paragraphs[turn.p], turn.links, DIALOGUE_WORDS)
        if words == 0 and turn.p == bare_p + 1:
            return True
        if words == 0:
            bare_p = turn.p
        if turn.quote_led and words <= DIALOGUE_WORDS:
            if turn.p != short_p + 1:
                run = 0
                tagged = []
            run += 1
            tagged.extend(ln.speaker for ln in turn.links if ln.speaker is not None)
            if run >= 3 and not _introductions(tagged):
                return True
            short_p = turn.p
    return False


def _introductions(tagged: Sequence[Mention]) -> bool:
    """Whether every tagged speaker of a run is a different person, named in full ("“Q,”
    Senator Ann Lee said. ¶ “Q.” ¶ “Q,” Tom Webb warned.") or described beside one
    ("the mayor said"): news introducing each source, whose bare paragraphs continue
    them. A dialogue's tags come back to its speakers by a short name or a pronoun."""
    if not tagged:
        return False
    keys = [_key(m) for m in tagged]
    full = [m.kind == "name" and len(m.text.split()) >= 2 for m in tagged]
    # "Lee said" after "Mayor Ann Lee": the source again, by the surname news uses.
    surnames = {m.text.split()[-1] for m, f in zip(tagged, full, strict=True) if f}
    again = [i > 0 and m.kind == "name" and m.text in surnames for i, m in enumerate(tagged)]
    described = [m.kind == "nominal" and " " in m.text for m in tagged]
    people = [k for k, a in zip(keys, again, strict=True) if not a]
    return (
        len(set(people)) == len(people)
        and any(full)
        and all(f or d or a for f, d, a in zip(full, described, again, strict=True))
    )


def _narration_words(
    text: str, paragraph: tuple[int, int], links: Sequence[Link], most: int
) -> int:
    """Words of a paragraph outside its quotations, counted up to ``most + 1``: whether a
    turn is short is all that is asked, and a news paragraph's narration is long."""
    pos, end = paragraph
    n = 0
    for link in links:
        if n > most:
            return n
        # at most ``most - n + 1`` pieces, the last holding any words beyond
        n += len(text[pos : link.start].split(None, most - n))
        pos = max(pos, link.end)
    return n if n > most else n + len(text[pos:end].split(None, most - n))


def _local(doc: Document, turns: list[_Turn], genders: _Genders, dialogue: Sequence[bool]) -> None:
    """The first, local pass: each turn from the turns just before it (``dialogue``:
    per turn, whether its stretch is a dialogue)."""
    # Named speakers by `_key`, most recent last (a dict: linear time on a long book).
    participants: dict[str, Mention] = {}
    for i, turn in enumerate(turns):
        prev = turns[i - 1] if i and turns[i - 1].p == turn.p - 1 else None
        before = (
            turns[i - 2] if prev is not None and i > 1 and turns[i - 2].p == turn.p - 2 else None
        )
        nxt = turns[i + 1] if i + 1 < len(turns) and turns[i + 1].p == turn.p + 1 else None
        in_dialogue = dialogue[i] and prev is not None and (before is not None or nxt is not None)
        if dialogue[i]:
            turn.addressee, turn.named = _quoted_names(doc, turn, _asks(doc, prev))
        for link in turn.links:
            if link.speaker is None:
                _fill(doc, link, turn, prev, before, in_dialogue, participants, genders)
                continue
            gender = _speaker_gender(link.speaker) if link.referent is None else None
            fuller = _postmodified(doc.text, link.speaker) if link.referent is None else None
            if fuller is not None and _recurring(doc, fuller):
                # "said the man with the black beard", a description the text keeps
                # naming him by: no one met before (its post-modifier is put back last).
                link.referent = link.speaker
                gender = None
            if link.referent is None and link.speaker.kind == "nominal":
                # "the Colonel said": a named person with that title; "her mother
                # said": the possessor's parent or spouse, by the surname.
                titled = (
                    _titled(doc, link, turn, participants)
                    or _kin(doc, link, turn, prev, participants, genders)
                    or _apposed(doc, link.speaker)
                )
                if titled is not None:
                    link.referent = titled
                    gender = None
            # "the old lady said" is a character met before, like "she said".
            if gender is not None:
                recent = turns[i - 1] if i and turn.p - turns[i - 1].p <= OTHER_PARAGRAPHS else None
                ref = _antecedent(
                    doc,
                    link,
                    gender,
                    turn,
                    prev,
                    before,
                    participants,
                    genders,
                    dialogue[i],
                    recent.speaker if recent is not None else None,
                )
                if ref is not None:
                    link.referent = ref
                    link.confidence *= PRONOUN_FACTOR
            if link.referent is None and (
                link.speaker.kind != "pronoun" or _first_person(link.speaker)
            ):
                link.referent = link.speaker
        speaker = turn.speaker
        if speaker is not None:
            participants.pop(_key(speaker), None)
            participants[_key(speaker)] = speaker
    _fill_backwards(turns)


# The narration naming its narrator: "My name is Ann Webb", "Call me Tom", "I called
# myself Bo". Fixed phrases, one or two capitalised words after them.
_NARRATOR_NAMING = regex.compile(
    r"(?<![\p{L}\p{N}'’])(?:[Mm]y name (?:is|was)|[Cc]all me|I called myself|I came to be called)"
    r" +(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])"
)


def _narrator_named(doc: Document, turns: Sequence[_Turn]) -> Mention | None:
    """The name a first-person narrator gives themself in the narration (not inside a
    quotation, where anyone may say "call me Tom"), when "I" speaks some turn."""
    if not any(t.speaker is not None and _first_person(t.speaker) for t in turns):
        return None
    for m in _NARRATOR_NAMING.finditer(doc.text):
        if not any(a <= m.start() < b for a, b in doc.quote_spans):
            return Mention(m.start(1), m.end(1), m.group(1), "name")
    return None


def _narrator_name(turns: Sequence[_Turn]) -> Mention | None:
    """The narrator is the one the others address next to the narrator's turns
    ("“I cried.” … “Exactly, Fenby,”"): "I" takes that name when it recurs.
    Someone who speaks in the third person ("said Matvei") is not the narrator."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    third: set[str] = set()
    for i, turn in enumerate(turns):
        speaker = turn.speaker
        if speaker is None:
            continue
        if not _first_person(speaker):
            third.update(
                _key(link.speaker)
                for link in turn.links
                if link.speaker is not None
                and link.speaker.kind == "name"
                and link.rule in ("quote_cue_mention", "mention_cue_quote")
            )
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(turns) and abs(turns[j].p - turn.p) == 1:
                addressee = turns[j].addressee
                if addressee is not None:
                    key = _key(addressee)
                    counts[key] = counts.get(key, 0) + 1
                    first.setdefault(key, addressee)
    counts = {k: n for k, n in counts.items() if k not in third}
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < NARRATOR_EVIDENCE:
        return None
    return first[best]


def _turns(doc: Document, links: Sequence[Link]) -> list[_Turn]:
    by_p: dict[int, list[Link]] = {}
    for link in links:
        if link.kind != "other" or link.silent:
            by_p.setdefault(link.paragraph, []).append(link)
    return [_Turn(p, ls, ls[0].start == doc.paragraphs[p][0]) for p, ls in sorted(by_p.items())]


def _compatible(m: Mention, gender: str, genders: _Genders) -> bool:
    return gender == "x" or genders.of(m) in (gender, "x")


def _speaker_gender(m: Mention) -> str | None:
    """Gender of a speaker that needs an antecedent: "she", or "the old lady"."""
    if m.kind == "pronoun":
        return _SPEAKER_GENDER.get(m.text.lower())
    words = m.text.lower().split()
    if m.kind != "nominal" or len(words) < 2 or (words[0] != "the" and not _other_description(m)):
        return None
    nominal = _mentions.lexicon().nominals.get(words[-1])
    if nominal is None or nominal.kind != "person" or nominal.gender not in ("m", "f"):
        return None
    return nominal.gender


# How far back the last voice a "said the other man" is not may be.
OTHER_PARAGRAPHS = 3


def _other_description(m: Mention) -> bool:
    """ "the other man", "other lady": a description of the other of two."""
    words = m.text.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return len(words) > 1 and words[0] == "other"


def _antecedent(
    doc: Document,
    link: Link,
    gender: str,
    turn: _Turn,
    prev: _Turn | None,
    before: _Turn | None,
    participants: dict[str, Mention],
    genders: _Genders,
    dialogue: bool = True,
    last_voice: Mention | None = None,
) -> Mention | None:
    assert link.speaker is not None
    addressed = _key(turn.addressee)
    described = link.speaker.kind == "nominal"
    clash = _age_clash(link.speaker) if described else ""

    def named(m: Mention) -> bool:
        """ "the old lady" is one named or designated before ("the Grandmother"), not
        another description ("the clerk")."""
        return not described or m.kind == "name" or _designation(m)

    # "said the other man": the one of two who did not just speak or act, so neither
    # the last voice nor the name the paragraph's narration opened with.
    shut: set[str] = set()
    if described and _other_description(link.speaker):
        if last_voice is not None:
            shut.add(_key(last_voice))
        actor = next(
            (
                m
                for m in narration_mentions(doc, turn.p, end=link.speaker.start)[:SCAN_MENTIONS]
                if m.kind == "name"
            ),
            None,
        )
        if actor is not None:
            shut.add(_key(actor))

    def fits(m: Mention) -> bool:
        return (
            m.kind == "name"
            and _key(m) != addressed
            and _key(m) not in shut
            and _compatible(m, gender, genders)
            and _person_like(m, participants, genders)
            and not aged(m)
        )

    def aged(m: Mention) -> bool:
        """ "the old lady" is no "Miss", "the girl" no "Mrs.", "the man" no "little Tom"."""
        if not clash:
            return False
        name = _entities._Name(m)
        if clash == "child":
            return _child(doc, name)
        if clash == "mr":
            return name.honorific.lower().rstrip(".") in _MEN_HONORIFICS
        return _entities._marital(name) == clash

    # A name in this paragraph's narration before the pronoun: "Anne looked up. “Q,” she said."
    first = next(
        (
            m
            for m in narration_mentions(doc, turn.p, end=link.speaker.start)[:SCAN_MENTIONS]
            if fits(m)
        ),
        None,
    )
    if first is not None:
        return first  # the paragraph's subject, not a name it mentions in passing
    last = prev.speaker if prev is not None else None
    if (
        not dialogue
        and prev is not None
        and last is not None
        and (prev.links[-1].kind == "mixed" or len(last.text.split()) > 1)
        and fits(last)
    ):
        # News: the pronoun continues the paragraph before's speaker, one quoted in
        # fragments ("Ann said the plan was “a mistake”.") or introduced by full name
        # ("Tom Webb warned: “Q”" ¶ "“Q,” he added."), not the turn before that
        # (dialogue alternates: A, B, then "she" is A).
        return last
    if before is not None and before.speaker is not None and _key(before.speaker) != _key(last):
        if (
            named(before.speaker)
            and _key(before.speaker) not in shut
            and _compatible(before.speaker, gender, genders)
            and not aged(before.speaker)
        ):
            return before.speaker
    if turn.p > 0 and (prev is None or not prev.quote_led or _narrated(doc, prev.p)):
        # After narration, the pronoun continues its last subject: "Corder shaded his eyes."
        subject = _last_subject(doc, turn.p - 1, fits)
        if subject is not None:
            return subject
    if (
        prev is not None
        and prev.addressee is not None
        and named(prev.addressee)
        and _key(prev.addressee) not in shut
        and _compatible(prev.addressee, gender, genders)
        and not aged(prev.addressee)
    ):
        return prev.addressee
    # The nearest named mention of that gender in the paragraphs before.
    for p in range(turn.p - 1, max(-1, turn.p - 1 - ANTECEDENT_PARAGRAPHS), -1):
        subject = _last_subject(doc, p, fits)
        if subject is not None:
            return subject

    def recent(m: Mention) -> bool:
        """A speaker met within DESCRIBED_REACH of a description's tag: "the old lady"
        of a new scene is no woman who last spoke chapters before."""
        return not described or link.start - m.start <= DESCRIBED_REACH

    if prev is not None:
        for key, m in reversed(participants.items()):
            if (
                key != addressed
                and key != _key(last)
                and recent(m)
                and named(m)
                and genders.of(m) == gender
                and not aged(m)
            ):
                return m
    for key, m in reversed(participants.items()):
        if (
            key != addressed
            and recent(m)
            and named(m)
            and _compatible(m, gender, genders)
            and not aged(m)
        ):
            return m
    return None


def _narrated(doc: Document, p: int) -> bool:
    """Whether paragraph ``p`` tells more than who spoke: a few narration words at least."""
    toks = doc.tokens(p)
    words = sum(hi - lo for lo, hi in _outside(doc, p, toks))
    return words > NARRATION_WORDS


def _last_subject(doc: Document, p: int, fits: Callable[[Mention], bool]) -> Mention | None:
    """The first fitting name of the last sentence of paragraph ``p`` that has one."""
    mentions = narration_mentions(doc, p)[-SCAN_MENTIONS:]
    # Read from the end: the names of earlier sentences are never asked whether they fit
    # (each new name asked costs a reading of the document for its gender).
    k = len(mentions) - 1
    while k >= 0 and not fits(mentions[k]):
        k -= 1
    if k < 0:
        return None
    starts = [s for s, _ in doc.sentences(p)]
    last = bisect_right(starts, mentions[k].start) - 1
    found = mentions[k]
    for m in reversed(mentions[:k]):
        if bisect_right(starts, m.start) - 1 != last:
            break
        if fits(m):
            found = m
    return found


# Honorifics that abbreviate only these words: "Mr. Dorn" is no "Major".
_HONORIFIC_ABBREVIATIONS = {
    "mr": frozenset(["mister", "master"]),
    "mrs": frozenset(["mistress", "missus"]),
    "ms": frozenset(),
    # Titles that are whole words abbreviate nothing: "Sir" is no "sister", "Lord" no
    # "landlord".
    "sir": frozenset(),
    "lord": frozenset(),
    "lady": frozenset(),
    "dame": frozenset(),
}


def _abbreviates(short: str, word: str) -> bool:
    """ "dr" abbreviates "doctor", "col" "colonel": same first letter, letters in order
    ("mr" only "mister" and "master", not "major" or "minister")."""
    if not short or not word or short[0] != word[0]:
        return False
    if short in _HONORIFIC_ABBREVIATIONS:
        return word in _HONORIFIC_ABBREVIATIONS[short]
    it = iter(word)
    return all(c in it for c in short)


# Title words that in lower case describe anyone ("the lady"), unlike "the doctor".
_COMMON_TITLES = frozenset(["lady"])


def _titled(
    doc: Document, link: Link, turn: _Turn, participants: dict[str, Mention]
) -> Mention | None:
    """The named person a definite title refers to: "the doctor" -> "Dr. Mehta"."""
    assert link.speaker is not None
    words = link.speaker.text.lower().split()
    head = _rank_title(link.speaker)
    if head is None:
        if len(words) < 2 or words[0] != "the":
            return None
        head = words[-1]
    lex = _mentions.lexicon()
    if head not in lex.title_words and head + "." not in lex.title_words:
        return None
    if head in _COMMON_TITLES and words[-1] == head and link.speaker.text.split()[-1].islower():
        return None  # "the lady": a woman of any rank, not "Lady Edser" by her title

    def match(m: Mention) -> bool:
        first = m.text.split()[0].lower().rstrip(".")
        return len(m.text.split()) > 1 and (first == head or _abbreviates(first, head))

    for m in reversed(participants.values()):
        if match(m):
            return m
    for p in range(turn.p, max(-1, turn.p - 1 - 2 * ANTECEDENT_PARAGRAPHS), -1):
        found = [
            m for m in narration_mentions(doc, p)[-SCAN_MENTIONS:] if m.kind == "name" and match(m)
        ]
        if p == turn.p:
            found = [m for m in found if m.end <= link.speaker.start]
        if found:
            return found[-1]
    return _titled_in_document(doc, head)


_POSSESSIVE_GENDER = {"his": "m", "her": "f", "their": "x"}
# Possessors tried for one kin noun: the last speaker, the paragraph's names, recent speakers.
KIN_POSSESSORS = 6


_kin_head = _entities.kin_head

# "Mr. Pryor, the lawyer," and "the lawyer, Mr. Pryor,": a name in apposition to a
# definite description, read in a window before or after the description.
_NAME_BEFORE = regex.compile(
    r"((?:\p{Lu}[\p{Ll}\p{M}'’\-]*\.?[ \t\r\n]+){0,2}\p{Lu}[\p{Ll}\p{M}'’\-]+),"
    r"[ \t\r\n]+[Tt]he[ \t\r\n]+(?:\p{Ll}+[ \t\r\n]+)?$"
)
_NAME_AFTER = regex.compile(
    r",[ \t\r\n]+((?:\p{Lu}[\p{Ll}\p{M}'’\-]*\.?[ \t\r\n]+){0,2}\p{Lu}[\p{Ll}\p{M}'’\-]+)[,.;]"
)
_THE_BEFORE = regex.compile(r"(?:^|[^\p{L}])[Tt]he[ \t\r\n]+(?:\p{Ll}+[ \t\r\n]+)?$")
APPOSITION_WINDOW = 60


def _apposed(doc: Document, speaker: Mention) -> Mention | None:
    """The one name the document puts in apposition to a definite description:
    "said the lawyer" -> "Mr. Pryor" from "Mr. Pryor, the lawyer, ...". Descriptions
    of a sex or an age ("the old man", "the girl") fit too many people to be read so."""
    words = speaker.text.split()
    if len(words) < 2 or words[0].lower() != "the" or not words[-1].islower():
        return None
    head = words[-1]
    lex = _mentions.lexicon()
    nominal = lex.nominals.get(head)
    if nominal is None or nominal.kind != "person" or nominal.gender in ("m", "f"):
        return None
    cache: dict[str, Mention | None] | None = getattr(_STATE, "apposed", None)
    if cache is not None and head in cache:
        return cache[head]
    text = doc.text
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for start in doc.occurrences(head, TITLE_OCCURRENCES):
        lo = max(0, start - APPOSITION_WINDOW)
        end = start + len(head)
        found = None
        m = _NAME_BEFORE.search(text, lo, start)
        if m is not None:
            found = (m.start(1), m.end(1))
        elif _THE_BEFORE.search(text, lo, start) is not None:
            m = _NAME_AFTER.match(text, end, min(len(text), end + APPOSITION_WINDOW))
            if m is not None:
                found = (m.start(1), m.end(1))
        if found is None:
            continue
        name = text[found[0] : found[1]]
        last = name.split()[-1].lower().rstrip(".")
        if last in lex.not_names or last in lex.title_words or name.split()[0].lower() == "the":
            continue
        key = " ".join(name.split())
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, Mention(found[0], found[1], name, "name"))
    result = None
    if counts:
        top = max(counts, key=lambda k: counts[k])
        if counts[top] >= TITLE_DOMINANCE * sum(counts.values()):
            result = first[top]
    if cache is not None:
        cache[head] = result
    return result


def _kin(
    doc: Document,
    link: Link,
    turn: _Turn,
    prev: _Turn | None,
    participants: dict[str, Mention],
    genders: _Genders,
) -> Mention | None:
    """The named relative a possessive kin noun refers to: "“Q,” said her mother"
    after Miss Dorn's turn -> "Mrs. Dorn", met anywhere in the document."""
    assert link.speaker is not None
    if not _kin_head(link.speaker):
        return None
    words = link.speaker.text.lower().split()
    gender = _POSSESSIVE_GENDER[words[0]]
    honorifics = _lexicon.kin_terms()[words[-1]]
    possessors: list[Mention] = []
    if prev is not None and prev.speaker is not None:
        possessors.append(prev.speaker)
    here = narration_mentions(doc, turn.p, end=link.speaker.start)[-SCAN_MENTIONS:]
    possessors.extend(m for m in reversed(here) if m.kind == "name")
    possessors.extend(reversed(participants.values()))
    sibling = honorifics == _SIBLING
    relatives = _sibling_candidates(doc, turn, here, possessors) if sibling else []
    sex = _nominal_gender(link.speaker)
    tried: set[str] = set()
    for m in possessors:
        key = _key(m)
        if key in tried or m.kind != "name" or not _compatible(m, gender, genders):
            continue
        tried.add(key)
        if len(tried) > KIN_POSSESSORS:
            break
        surname = _surname(doc, m)
        if surname is None:
            continue
        if sibling:
            found = next(
                (
                    r
                    for r in relatives
                    if _key(r) != key
                    and r.text.split()[0] != m.text.split()[0]
                    and genders.of(r) == sex
                    and _surname(doc, r) == surname
                ),
                None,
            )
        else:
            found = _honoured(doc, surname, honorifics)
        if found is not None and _key(found) != key:
            return found
    return None


# kin_terms.tsv's honorifics for a brother or a sister: none ("Tom Dorn", not "Mr. Dorn").
_SIBLING = ("-",)


def _sibling_candidates(
    doc: Document, turn: _Turn, here: Sequence[Mention], possessors: Sequence[Mention]
) -> list[Mention]:
    """People a "her brother" may be, nearest first: names without an honorific in the
    paragraph, the paragraphs just before it, and the recent speakers."""
    found: list[Mention] = [m for m in reversed(here) if m.kind == "name"]
    for p in range(turn.p - 1, max(-1, turn.p - 1 - ANTECEDENT_PARAGRAPHS), -1):
        found.extend(m for m in reversed(narration_mentions(doc, p)[-SCAN_MENTIONS:]))
    found.extend(possessors)
    return [m for m in found if m.kind == "name" and not _entities._Name(m).honorific]


# A capitalised word right after a given name: "Clara| Dorn".
_NEXT_NAME = regex.compile(r"[ \t\r\n]{1,3}(\p{Lu}[\p{Ll}\p{M}'’\-]+)")


def _surname(doc: Document, m: Mention) -> str | None:
    """The family name of a person mention: its last word after a title or a given
    name ("Mrs. Dorn", "Clara Dorn"), else the word that most often follows a
    lone given name in the document ("Clara" -> "Dorn"), seen at least twice."""
    name = _entities._Name(m)
    words = name.name_words
    if len(words) > 1 or (name.honorific and words):
        return words[-1].rstrip(".")
    cache: dict[str, str | None] | None = getattr(_STATE, "surnames", None)
    given = words[-1] if words else ""
    if not given:
        return None
    if cache is not None and given in cache:
        return cache[given]
    lex = _mentions.lexicon()
    counts: dict[str, int] = {}
    total = 0
    text = doc.text
    for start in doc.occurrences(given, TITLE_OCCURRENCES):
        total += 1
        nm = _NEXT_NAME.match(text, start + len(given))
        if nm is None:
            continue
        word = nm.group(1)
        if word.lower() in lex.not_names or word.lower() in lex.title_words:
            continue
        counts[word] = counts.get(word, 0) + 1
    found = None
    if counts:
        top = max(counts, key=lambda k: counts[k])
        if counts[top] >= 2:
            found = top
    if cache is not None:
        cache[given] = found
    return found


def _honoured(doc: Document, surname: str, honorifics: Sequence[str]) -> Mention | None:
    """The first "Mrs. Dorn" of the document for these honorifics, else the first
    "Lady Jane Dorn" (a given name between honorific and surname)."""
    cache: dict[tuple[str, tuple[str, ...]], Mention | None] | None = getattr(
        _STATE, "honoured", None
    )
    key = (surname, tuple(honorifics))
    if cache is not None and key in cache:
        return cache[key]
    text = doc.text
    found: Mention | None = None
    longer: Mention | None = None
    for start in doc.occurrences(surname, TITLE_OCCURRENCES):
        before = text[max(0, start - 40) : start].split()
        if not before:
            continue
        if before[-1] in honorifics:
            lead = 1
        elif (
            longer is None
            and len(before) > 1
            and before[-2] in honorifics
            and before[-1][:1].isupper()
        ):
            lead = 2  # "Lady Jane| Dorn"
        else:
            continue
        begin = text.rfind(before[-lead], max(0, start - 40), start)
        if begin < 0:
            continue
        end = start + len(surname)
        if lead == 2:
            longer = Mention(begin, end, text[begin:end], "name")
            continue
        found = Mention(begin, end, text[begin:end], "name")
        break
    # "Mrs. Dorn" itself when the document has it: "Mrs. Henry Dorn" may be an in-law.
    found = found or longer
    if cache is not None:
        cache[key] = found
    return found


# A capitalised surname after a title word: "Doctor| Fennimore", "Dr.| Corder".
_AFTER_TITLE = regex.compile(r"\.?[ \t\r\n]{1,3}(\p{Lu}[\p{Ll}\p{M}'’\-]+)")
# Occurrences of a title read to find the one person who bears it.
TITLE_OCCURRENCES = 200
# Share of those occurrences one surname must have: "the Major" is Major Pryce.
TITLE_DOMINANCE = 0.75


def _titled_in_document(doc: Document, head: str) -> Mention | None:
    """The one person the document titles ``head`` ("the doctor" -> "Doctor
    Fennimore" met chapters before), or None when the title goes with several names."""
    cache: dict[str, Mention | None] | None = getattr(_STATE, "titled", None)
    if cache is not None and head in cache:
        return cache[head]
    lex = _mentions.lexicon()
    nominal = lex.nominals.get(head)
    if nominal is not None and nominal.gender in ("m", "f"):
        return None  # "the lady", "the lord": a person of rank, not one titled person
    spellings = {
        w.rstrip(".")
        for w in lex.title_words
        if w.rstrip(".") == head or _abbreviates(w.rstrip("."), head)
    }
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    total = 0
    text = doc.text
    for word in sorted(spellings):
        cap = word[:1].upper() + word[1:]
        for start in doc.occurrences(cap, TITLE_OCCURRENCES):
            m = _AFTER_TITLE.match(text, start + len(cap))
            if m is None:
                continue
            surname = m.group(1)
            if surname.lower() in lex.not_names or surname.lower() in lex.title_words:
                continue
            total += 1
            counts[surname] = counts.get(surname, 0) + 1
            if surname not in first:
                end = m.end()
                first[surname] = Mention(start, end, text[start:end], "name")
    found = None
    if counts:
        top = max(counts, key=lambda k: counts[k])
        if counts[top] >= TITLE_DOMINANCE * total:
            found = first[top]
    if cache is not None:
        cache[head] = found
    return found


def _person_like(m: Mention, participants: dict[str, Mention], genders: _Genders) -> bool:
    """A name known to be a person: a known gender, or an earlier speaker."""
    return genders.of(m) != "x" or _key(m) in participants


def _fill(
    doc: Document,
    link: Link,
    turn: _Turn,
    prev: _Turn | None,
    before: _Turn | None,
    in_dialogue: bool,
    participants: dict[str, Mention],
    genders: _Genders,
) -> None:
    """Guess the speaker of an unattributed quotation from the conversation."""
    if not turn.quote_led:
        return
    last = prev.speaker if prev is not None else None
    addressed = _key(turn.addressee)
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
        # The latest other named participant, before "a gardener's wife" met once.
        for k, m in reversed(participants.items()):
            if k in (addressed, _key(last)):
                continue
            if m.kind == "name":
                guess = m
                break
            guess = guess or m
    elif prev is not None and last is not None:
        guess, rule = last, "previous_paragraph"
    elif prev is None and turn.p > 0:
        # After narration, its last subject speaks: "Roddy laughed.¶“Q”"
        guess = _last_subject(
            doc,
            turn.p - 1,
            lambda m: (
                m.kind == "name" and _key(m) != addressed and _person_like(m, participants, genders)
            ),
        )
        rule = "narration_subject"
    if guess is not None:
        link.speaker = link.referent = guess
        link.rule = rule
        link.confidence = CONFIDENCE[rule]
        if rule == "previous_paragraph" and prev is not None:
            # “Q1,” he said.¶“Q2.” — the same mention and cue go on speaking (the
            # referent stays the resolved name).
            said = next((k for k in prev.links if k.referent is guess), None)
            if said is not None and said.speaker is not None:
                link.speaker, link.cue = said.speaker, said.cue


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


# Words of address between the punctuation and a vocative name: "…, my dear Clara;".
_VOCATIVE_ADJECTIVES = frozenset(["dear", "dearest", "good", "old", "poor", "little"])

# Speakers name themselves: "I am Tringham", "I'm Jo".
_SELF_NAMING = frozenset(["am", "i'm", "i’m"])


def _self_named(toks: Sequence[Token], i: int) -> bool:
    """Whether the name at ``toks[i]`` is the speaker's own: "I am Tringham"."""
    return i > 0 and toks[i - 1].lower in _SELF_NAMING


def _asks(doc: Document, turn: _Turn | None) -> bool:
    """Whether the turn's last quotation ends with a question mark."""
    if turn is None:
        return False
    said = doc.text[turn.links[-1].content_start : turn.links[-1].content_end].rstrip(" \t\r\n")
    return said.rstrip("\"'”’»)").endswith("?")


def _quoted_names(
    doc: Document, turn: _Turn, asked: bool = False
) -> tuple[Mention | None, list[Mention]]:
    """The name the turn's quotations address (“John, …” or “…, John.”), and every
    name they contain: speakers seldom name themselves."""
    text = doc.text
    lex = _mentions.lexicon()
    vocative: Mention | None = None
    named: list[Mention] = []
    for link in turn.links:
        toks = tokenize(text, link.content_start, link.content_end, lex.abbreviations)
        for m in _mentions.name_mentions(text, toks, 0, len(toks), doc.common_word):
            if m.kind != "name":
                continue
            i = _mentions_index(toks, m.start)
            j = _mentions_index(toks, m.end)
            if turn.quote_led and not _self_named(toks, i):
                named.append(m)  # narration before a quotation may bring in other voices
            if vocative is not None:
                continue
            # "…, my dear Clara;": words of address may stand before the name.
            k = i
            if k > 0 and toks[k - 1].lower in _VOCATIVE_ADJECTIVES:
                k -= 1
            if k > 0 and toks[k - 1].lower in ("my", "your"):
                k -= 1
            left_ok = k == 0 or (toks[k - 1].kind == PUNCT and toks[k - 1].text in ",“\"‘'")
            right_ok = j >= len(toks) or (toks[j].kind == PUNCT and toks[j].text in ",.!?;")
            # At the very start, a name is a vocative before "," or "!" ("Tom! Look."), not
            # before "." or "?" ("Who did it?" - "Anne." / "Anne?" is no call).
            if (
                left_ok
                and right_ok
                and (i > 0 or (j < len(toks) and toks[j].text in ",!"))
                and not _inner_quoted(text, link.content_start, m.start)
            ):
                alone = len(turn.links) == 1 or (asked and link is turn.links[0])
                if i == 0 and alone and _bare_name(toks, j):
                    # "“Dale,” said Ann", or after "Who?": the name asked for, no call.
                    continue
                vocative = m
    return vocative, named


# A single mark before a capital opens a quotation within a quotation (a mark before a
# small letter is mostly an elision: "tell 'em"); one after a word or a stop closes it.
_INNER_OPEN = regex.compile(r"(?<![\p{L}\p{N}])['‘](?=\p{Lu})")
_INNER_CLOSE = regex.compile(r"(?<=[\p{L}\p{N}.,!?;:—\-])['’](?![\p{L}\p{N}])")


def _inner_quoted(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation within the quotation that starts at
    ``start``: "I wrote: ‘Dear Mrs. Dale, …’" calls no one."""
    if "'" not in text[start:pos] and "‘" not in text[start:pos]:
        return False
    opened = [m.start() for m in _INNER_OPEN.finditer(text, start, pos)]
    if not opened:
        return False
    closed = [m.start() for m in _INNER_CLOSE.finditer(text, opened[-1], pos)]
    return not closed


def _bare_name(toks: Sequence[Token], j: int) -> bool:
    """Whether a comma, then nothing but a form of address and punctuation, follows
    the name that opens a quotation (ending at token ``j``): "“Dale,” said Ann",
    "“Dale, sir.”"."""
    genders = _lexicon.address_terms()
    return toks[j].text == "," and all(t.kind == PUNCT or t.lower in genders for t in toks[j:])


def _mentions_index(toks: Sequence[object], offset: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < offset:  # type: ignore[attr-defined]
            lo = mid + 1
        else:
            hi = mid
    return lo


# --- scenes: the speakers of a stretch of dialogue decoded together ------------------------------
#
# A scene is a run of turns separated by at most a little narration. Its
# candidates are the characters that speak, are addressed or are named in it
# (and just before it). Every turn gets one candidate by a second-order Viterbi
# search: explicit named cues fix a turn, pronouns and gendered nominals
# restrict it to a gender, a vocative rules out the one addressed (and favours
# them next), and the transitions favour strict alternation (A, B, A, B), with
# the odds of alternation learnt from the document's own attributed turns
# (news paragraphs often continue one speaker, dialogue alternates).

# Narration paragraphs, and their characters, a scene may bridge.
SCENE_GAP = 2
SCENE_GAP_CHARS = 700
# Words of narration before a turn's first quotation that end the scene before it
# (pdnc_dev: 120 +17, 100 +8, 150 +13, 60 -20).
SCENE_LEAD_WORDS = 120
# A paragraph this short in capitals (or without letters) is a heading or a break.
SEPARATOR_CHARS = 40
# Paragraphs before a scene whose names are candidates (four: pdnc_dev +27 over three;
# five or six gain more there but cost LitBank).
CONTEXT_PARAGRAPHS = 4
MAX_CANDIDATES = 6
# Characters a long scene may have in all; each turn chooses among the MAX_CANDIDATES of
# them met nearest to it (a long scene's talk moves from one group to another).
SCENE_CANDIDATES = 10
# A previous scene's speakers are candidates if it ended this close.
CARRY_PARAGRAPHS = 8
# Words of narration a turn of a dialogue has at most: "“Q,” said the old gentleman."
DIALOGUE_WORDS = 6
# Times "I" must speak before the narrator is a candidate of every scene.
NARRATOR_TURNS = 3
_HARD = 20.0
# Per turn: cost of each paragraph since a character last appeared (up to a horizon),
# and of a character who has no attributed turn in the scene.
SALIENCE_DECAY = 0.2
SALIENCE_HORIZON = 10
SILENT_PENALTY = 1.0
# Neither that nor NEVER_SPOKE for one the narration of a talk with a tagged voice names
# as a subject this many times, in its paragraphs or the PRESENT_LEAD paragraphs before
# ("Ann reflected." between the turns of a talk in which only the other is tagged): there
# all along, her turns merely untagged.
PRESENT_MENTIONS = 2
PRESENT_LEAD = 2
# More for one who has no attributed turn anywhere in the text: a name in the narration
# ("a portrait of Grace Washington") rather than a speaker.
NEVER_SPOKE = 1.0
NEVER_SPOKE_TURNS = 100
# In such a text, per turn and per log of the attributed turns a character has in all:
# the people of the story who speak most speak most of its untagged turns too.
SPOKE_PRIOR = 0.1
# Per log of the adjacent tagged turns two characters share in the text: an untagged
# turn next to a tagged one is likelier the voice of one its speaker often talks with.
PARTNER_PRIOR = 0.3
# "“…, Anne.”": the next turn is Anne's, by this much.
VOCATIVE_NEXT = 2.5
# "“…?”¶“Yes, Anne.”": the turn a vocative answers is Anne's, by this much.
VOCATIVE_PREV = 1.5
# Share of both kept across a paragraph of narration between the two turns: there the
# one named answers (or was answered) in a third of PDNC's pairs, against two thirds
# next to each other; the speaker going on is as likely ("“…, Alan.” ¶ He rose. ¶ “…”").
# A form of address ("Yes, sir.") says as much less of the turn across narration
# (ADDRESSED_GENDER): its sex is the neighbour's in 77 % of PDNC's pairs there, 91 %
# next to each other.
VOCATIVE_GAP = 0.5
# Log-odds of the same speaker and of a given third one against alternation when
# narration paragraphs come between two turns. In PDNC, across one narration paragraph
# the same voice speaks again in 40 % of cases, the other of the last two in 33 %, someone
# else in 27 % (split among the scene's other candidates); across two, 33/21/46 %.
GAP_SAME = 0.3
GAP_NEW = -1.5
# Log-odds shift of "the same speaker again" after a turn that ends with a question,
# and into a turn that opens with a reply word ("Yes", "No"). Stronger than the raw
# rates say (about -1.1 each): the decoder also weighs salience and names against them.
QUESTION_KEEPS = 2.0
REPLY_KEEPS = 2.0
# Log-odds shift of "the same speaker again" across narration of NARRATION_WORDS words
# or more after a turn's last quotation, and again before the next turn's first one.
NARRATION_KEEPS = 1.0
# Log-odds of a third speaker against the one from two turns before, at most.
MAX_NEW_ODDS = -2.0
# A character named inside the turn's quotation speaks it only this unlikely.
QUOTED_NAME = 3.0
# Per turn, a character the scene's quotations name but never address and who never
# speaks in the scene (talked about, not present).
TALKED_ABOUT = 1.0
# "the doctor said": the cost of taking it as a character of its own when a
# named candidate could be meant, and of taking it as that named one.
NOMINAL_ITSELF = 1.5
# A name in the turn's own narration before its quotation, and the subject of the
# last sentence of the narration paragraph just before the turn.
HERE_BONUS = 3.0
# What a "said the other" turn takes off the one the narration just before shows acting.
OTHER_ACTOR = HERE_BONUS
# More when the turn's tag is a pronoun of the name's sex: "Tom frowned. He said, “Q”".
HERE_TAGGED = 1.5
# The weight of the sex a pronoun tag gives its turn ("“Q,” she said").
PRONOUN_TAG_WEIGHT = 8.0
# Paragraphs before a pronoun-tagged turn whose narration subject counts for it
# (pdnc_dev: turns given the subject one paragraph back were right 82 times in 100,
# two or three back 64-73; a description's turn still looks ANTECEDENT_PARAGRAPHS back).
PRONOUN_BEFORE_PARAGRAPHS = 1
# The subject of the paragraph before a description's turn ("said the old man");
# before a pronoun-tagged turn it weighs HERE_BONUS (1.2 there: pdnc_dev -26).
BEFORE_BONUS = 1.2
# The subject of the narration paragraph just before a turn with no cue at all
# ("Ruth turned to Paul.¶“Q”"): weaker than before a pronoun.
BARE_BEFORE_BONUS = 1.0
# The last turn's tagged speaker acting after its quotations before a pronoun-tagged
# turn of that sex: "“Q1,” said Ann. Ann looked at her watch.¶“Q2,” she said" (she
# goes on). As strong as the pronoun's sex (pdnc_dev +9 at HERE_BONUS, +11 at 5.0,
# +19 at 8.0, +18 at 12.0; LitBank the same).
SPEAKER_ACTING = 8.0
# A named cue of a later quotation in a turn whose first quotation has its own cue.
LATER_NAME_BOOST = 1.5
# A speaker next to a turn that says "sir" (or "madam") of the other gender.
ADDRESSED_GENDER = 3.0
# "the old lady" taken for a "Miss", "the girl" for a "Mrs.".
AGE_MISMATCH = 4.0
NOMINAL_NAMED = 0.3
# "the old lady" tag that `_antecedent` read as a woman met before: a bonus for her.
GUESSED_REFERENT = 2.0
# Rules whose speaker was read off a cue next to the quotation.
EXPLICIT = frozenset(
    [
        "quote_cue_mention",
        "mention_cue_quote",
        "cue_clause_quote",
        "colon_intro",
        "according_to",
        "same_paragraph",
    ]
)
_OPPOSITE = {"m": "f", "f": "m"}
_OPENING_MARKS = " \t\r\n\"'“‘«‹„(["
_GENDER_OF = {"he": "m", "she": "f"}
# Pronoun speakers of a tag: "“Q,” he said", and the owner in "“Q,” was his answer".
# "him" and "her" speak in "heard him say “Q”".
_SPEAKER_GENDER = {"he": "m", "she": "f", "his": "m", "her": "f", "him": "m"}


class _Char:
    """One character: the name mentions of one person."""

    __slots__ = (
        "child",
        "cluster",
        "designated",
        "gender",
        "index",
        "kind",
        "last",
        "lexical",
        "marital",
        "mentions",
        "mister",
        "narrator",
        "spoke",
        "starts",
        "starts_seen",
    )

    def __init__(
        self,
        index: int,
        cluster: _entities._Cluster | None,
        gender: str,
        kind: str = "name",
    ) -> None:
        self.index = index
        self.cluster = cluster
        self.gender = gender
        self.kind = kind  # "name", "nominal" ("the old lady") or "narrator" ("I")
        self.mentions: list[Mention] = []  # sorted by start, as are ``starts``
        self.starts: list[int] = []
        self.starts_seen: set[int] = set()
        self.spoke = 0
        self.last = -1
        self.marital: set[str] = set()  # "mrs", "miss": the honorifics of its names
        self.mister = False  # a name of his is "Mr. Dorn" or "Sir Tom": a grown man
        self.child = False  # "little Tom", "Master Tom": a child
        # "the Grandmother", "the Professor": a description that names one character.
        self.designated = False
        self.narrator = kind == "narrator"
        self.lexical = kind == "nominal" and gender != "x"

    def person(self) -> bool:
        """Known to be a person: a title, a given name, or a turn of speech (pronouns
        after a name are no proof: "London … she")."""
        return self.narrator or self.lexical or self.spoke > 0

    def add(self, m: Mention) -> None:
        if m.start in self.starts_seen:
            return
        self.starts_seen.add(m.start)
        if m.kind == "name" and m.text[:1] in _MARITAL_INITIALS:
            name = _entities._Name(m)
            marital = _entities._marital(name)
            if marital:
                self.marital.add(marital)
            elif name.honorific.lower().rstrip(".") in _MEN_HONORIFICS:
                self.mister = True
        i = bisect_right(self.starts, m.start)
        self.starts.insert(i, m.start)
        self.mentions.insert(i, m)

    def mention_before(self, offset: int) -> Mention | None:
        """The character's mention nearest before ``offset`` (else its first)."""
        if not self.mentions:
            return None
        i = bisect_right(self.starts, offset) - 1
        return self.mentions[max(i, 0)]


# Paragraphs within which "the gentleman" is the "old gentleman" of a tag before it.
DESCRIBED_PARAGRAPHS = 10
# Times the text must say "the man with the black beard" for it to be a name of his.
POSTMODIFIED_TIMES = 3


class _Cast:
    """The document's characters, name forms grouped as `_entities` groups them."""

    def __init__(self, doc: Document, genders: _Genders, narrator: Mention | None = None) -> None:
        self.doc = doc
        self.forms: dict[str, _entities._Name | None] = {}
        self.surname_forms: dict[str, list[_entities._Name]] = {}
        self.genders = genders
        self.chars: list[_Char] = []
        self.by_text: dict[str, _Char] = {}
        self.words: set[str] = set()  # one-word names the text uses as words
        # Characters with a name, filed by its words (linear time on a long book).
        self.named: _entities.ClusterIndex[_Char] = _entities.ClusterIndex()
        self.narrator = _Char(-1, None, "x", "narrator")
        # The name the others call the narrator by ("Watson"): "I", not a third person.
        self.narrator_key = _key(narrator) if narrator is not None else None
        self.narrator_name = _entities._Name(narrator) if narrator is not None else None
        # The character the last "said the Colonel" read as "Colonel Marsh" is, by title.
        self.titled: dict[str, _Char] = {}
        # The last "the old gentleman" tag, by head: its character and paragraph.
        self.described: dict[str, tuple[_Char, int]] = {}

    def postmodified(self, fuller: Mention, ch: _Char) -> _Char:
        """The character of a description with its post-modifier ("the man with the
        black beard"), of the sex of the description it extends ``ch``."""
        key = "~" + " ".join(fuller.text.lower().split()[1:])
        found = self.by_text.get(key)
        if found is None:
            found = _Char(len(self.chars), None, ch.gender, "nominal")
            self.chars.append(found)
            self.by_text[key] = found
        return found

    def described_before(self, speaker: Mention, ch: _Char, p: int) -> _Char:
        """ "said the gentleman" a few paragraphs after "said the old gentleman" is
        him: the same head, fewer words (a description's short form in its scene)."""
        words = speaker.text.lower().split()
        if words[0] != "the" or ch.kind != "nominal":
            return ch
        head = words[-1]
        last = self.described.get(head)
        if len(words) == 2:
            if last is not None and p - last[1] <= DESCRIBED_PARAGRAPHS:
                self.described[head] = (last[0], p)
                return last[0]
            return ch
        self.described[head] = (ch, p)
        return ch

    def of(self, m: Mention) -> _Char | None:
        if _first_person(m) or (m.kind == "name" and self._narrator_form(m)):
            return self.narrator
        if m.kind == "nominal":
            return self._nominal(m)
        if m.kind != "name":
            return None
        key = _key(m)
        ch = self.by_text.get(key)
        if ch is None:
            if key in self.words:
                return None
            if len(m.text.split()) == 1 and (
                _entities.word_use(self.doc, m.text) or _entities.place_use(self.doc, m.text)
            ):
                # "the average Christian", "her Christian name", "a Hindu State": a
                # word, no one in the cast ("the Ferryman", a designation, stays); "went
                # to Washington", "in Washington": a place, not "Grace Washington".
                self.words.add(key)
                return None
            ch = self._find(m)
            self.by_text[key] = ch
        return ch

    def _narrator_form(self, m: Mention) -> bool:
        """Whether name ``m`` is the narrator's ("Watson", "Mr. Watson", "John Watson")."""
        if self.narrator_name is None:
            return False
        if _key(m) == self.narrator_key:
            return True
        name = _entities._Name(m)
        return (
            not _entities._marital(name)
            and name.surname == self.narrator_name.surname
            and name.compatible(self.narrator_name)
        )

    def _nominal(self, m: Mention) -> _Char | None:
        words = m.text.lower().split()
        if words[0] in ("the", "a", "an", "this", "that"):
            words = words[1:]
        if not words:
            return None  # a bare "the"
        key = "~" + " ".join(words)
        ch = self.by_text.get(key)
        if ch is None:
            head = words[-1]
            nominal = _mentions.lexicon().nominals.get(head)
            if nominal is not None and nominal.kind != "person":
                return None
            if head in _lexicon.word_list("unnamed_speakers.txt"):
                return None  # "a voice said": anyone
            if nominal is None and not m.text.split()[-1][:1].isupper():
                return None  # "the gesture", "a time": not a person's description
            gender = nominal.gender if nominal is not None else "x"
            sex: str = gender if gender in ("m", "f") else "x"
            if sex == "x":
                sex = _description_gender(self.doc, m.text.split()[-1])
            ch = _Char(
                len(self.chars),
                None,
                sex,
                "nominal",
            )
            self.chars.append(ch)
            self.by_text[key] = ch
        return ch

    def _find(self, m: Mention) -> _Char:
        name = _entities._Name(m)
        gender = self.genders.of(m)
        # "Mrs. Dorn" is not "Clara Dorn" when other Dorns are about (mother and
        # daughter), nor "Mr. Dorn" "Henry Dorn" beside other men Dorns (father and
        # sons), nor "Miss Dorn" one of two sisters with given names ("Ellen Dorn" and
        # "Jane Dorn"); "General Dorn" still joins a given name (pdnc worse apart).
        marital = _entities._marital(name)
        if marital == "mrs" or name.honorific.lower().rstrip(".") == "mr":
            shared = _entities.shared_surname(self.doc, name, self.surname_forms)
        elif marital == "miss" and _entities.sisters(self.doc, name, self.surname_forms):
            shared = frozenset([name.surname])
        else:
            shared = frozenset()
        owner = _entities.surname_owner(self.doc, name, self.surname_forms, gender)
        fits = _entities.given_name_fits(self.doc, name, self._fitting(name, gender, shared, owner))
        if not fits:
            fits = self._pet_form_of(m, name, gender)
        if fits:
            ch = max(fits, key=lambda c: c.last)
            assert ch.cluster is not None
            ch.cluster.add(name)
            if ch.gender == "x":
                ch.gender = gender
            ch.lexical = ch.lexical or _lexical(m)
            return ch
        cluster = _entities._Cluster("person")
        ch = _Char(len(self.chars), cluster, gender)
        self.named.register(cluster, ch)
        # A place ("to Washington") is no short form of a person named after it.
        if name.first is None and not shared and not _attribution.is_place(self.doc, m):
            full = _entities.fuller_form(self.doc, name, self.forms)
            if full is not None:
                cluster.add(full)
                if gender == "x":
                    gender = self.genders.of(full.mention)
        cluster.add(name)
        if cluster.gender == "x":
            cluster.gender = gender
        ch.gender = gender
        ch.child = _child(self.doc, name)
        ch.lexical = _lexical(m) or any(_lexical(n.mention) for n in cluster.names)
        self.chars.append(ch)
        return ch

    def _pet_form_of(self, m: Mention, name: _entities._Name, gender: str) -> list[_Char]:
        """The characters a lone given name no one bears is another form of: "Harry" is
        "Henry Quill" (hypocorisms.tsv, both ways)."""
        if name.honorific or name.title or len(name.name_words) != 1:
            return []
        found: list[_Char] = []
        for other in _lexicon.hypocorisms().get(name.surname, ()):
            # The full form as a name of its own, to ask the clusters filed under it.
            form = _entities._Name(Mention(m.start, m.start + len(other), other.capitalize()))
            found += self._fitting(form, gender)
        return found

    def _fitting(
        self,
        name: _entities._Name,
        gender: str,
        shared: frozenset[str] = frozenset(),
        owner: str | None = None,
    ) -> list[_Char]:
        """The characters filed under ``name``'s words whose cluster accepts it, of a sex
        that fits ``gender``."""
        return [
            c
            for c in self.named.candidates(name)
            if c.cluster is not None
            and c.cluster.accepts(name, shared, owner)
            and (gender == "x" or c.gender in ("x", gender))
        ]


# "the |stranger": the definite article right before a description's head.
_THE_JUST_BEFORE = regex.compile(r"(?<![\p{L}])[Tt]he[ \t\r\n]+$")
DESCRIPTION_OCCURRENCES = 50
# "he" or "she" after "the stranger" this many times, and three to one, make its sex
# (two, two to one: pdnc_dev +3 more, LitBank -6).
DESCRIPTION_PRONOUNS = 3
DESCRIPTION_ODDS = 3


def _description_gender(doc: Document, head: str) -> str:
    """The sex of a description no lexicon sexes ("the stranger", "the General"): the
    "he" or "she" that follows its occurrences after "the", as `_entities.Genders`
    reads a name's, else "x"."""
    text = doc.text
    counts = [0, 0]
    for start in doc.occurrences(head, DESCRIPTION_OCCURRENCES):
        if _THE_JUST_BEFORE.search(text, max(0, start - 5), start) is None:
            continue
        sex = _entities.pronoun_after(text, start + len(head))
        if sex is not None:
            counts[sex] += 1
    male, female = counts
    if male + female >= DESCRIPTION_PRONOUNS and max(male, female) >= DESCRIPTION_ODDS * min(
        male, female
    ):
        return "m" if male > female else "f"
    return "x"


def _lexical(m: Mention) -> bool:
    """A person by the words of the name: a title or a known given name."""
    return _mentions.gender_of(m.text) != "x" or bool(_entities._Name(m).honorific)


class _Evidence:
    """What one turn tells about its speaker."""

    __slots__ = (
        "addressed",
        "age",
        "answers",
        "bonus",
        "bonus_chars",
        "continues",
        "fixed",
        "gender",
        "gender_weight",
        "nominal",
        "old",
        "other",
        "parents",
        "quoted",
        "spouse",
        "vocative",
    )

    def __init__(self) -> None:
        self.fixed: _Char | None = None
        self.nominal: _Char | None = None  # "the old lady said": herself, or a named one
        # The marital form a description rules out: "the old lady" is no "Miss".
        self.age = ""
        self.old = False  # "the old man": no one the narration calls "Tom" or "Tom Dorn"
        # "Yes, sir.": the gender of the one spoken to, a speaker of a turn next to it.
        self.addressed = ""
        self.continues = False  # "“Q,” she went on": the last speaker keeps the floor
        self.other = False  # "“Q,” said the other": not the one who spoke or acted last
        self.gender = "x"
        self.gender_weight = 0.0
        self.bonus: dict[int, float] = {}
        self.bonus_chars: list[_Char] = []
        self.vocative: _Char | None = None
        # The vocative does not open the quotation ("Not yet, Anne."): an answer to the
        # one it names more often than "Anne, come here", which turns to someone new.
        self.answers = False
        self.quoted: set[int] = set()  # characters the turn's quotations name
        # "Mother's very angry": the speaker is a child, not the "Mrs." ("f") or "Mr." ("m").
        self.parents: frozenset[str] = frozenset()
        # "Home to my husband.": the speaker's sex, as the quotation gives it.
        self.spouse = ""

    def boost(self, ch: _Char, bonus: float) -> None:
        if ch.index not in self.bonus:
            self.bonus_chars.append(ch)
        self.bonus[ch.index] = self.bonus.get(ch.index, 0.0) + bonus


def _decode_scenes(
    doc: Document,
    turns: Sequence[_Turn],
    original: Sequence[Sequence[tuple[Mention | None, str | None]]],
    genders: _Genders,
    narrator: Mention | None = None,
) -> None:
    # A paragraph of reported speech with a quoted fragment is narration, not a turn.
    keep = [
        i for i, turn in enumerate(turns) if any(k.kind == "direct" or k.silent for k in turn.links)
    ]
    turns = [turns[i] for i in keep]
    original = [original[i] for i in keep]
    if not turns:
        return
    cast = _Cast(doc, genders, narrator)
    evidence = [
        _turn_evidence(turn, orig, cast) for turn, orig in zip(turns, original, strict=True)
    ]
    _narration_evidence(doc, turns, evidence, cast)
    words = [_turn_words(doc.text, turn) for turn in turns]
    for said, ev in zip(words, evidence, strict=True):
        ev.parents = _parents_named(said)
    narrated = sum(1 for e in evidence if e.fixed is cast.narrator) >= NARRATOR_TURNS
    same, new = _transition_odds(turns, evidence)
    pairs = _partners(turns, evidence)
    # Having no attributed turn says something only in a text with many of them (a book).
    attributed = sum(1 for e in evidence if e.fixed is not None)
    never_spoke = NEVER_SPOKE if attributed >= NEVER_SPOKE_TURNS else 0.0
    styles = _address_styles(turns, evidence) if never_spoke else {}
    voices = _Idiolects(words, evidence) if never_spoke else None
    keeps = [
        _keeps_floor(doc, turn, turns[i + 1] if i + 1 < len(turns) else None)
        for i, turn in enumerate(turns)
    ]
    silences = [
        i + 1 < len(turns) and _silence_between(doc, turn, turns[i + 1])
        for i, turn in enumerate(turns)
    ]
    scenes = _split_scenes(doc, turns)
    story = _attribution._told_as_story(doc)
    carried: list[tuple[_Char, int]] = []  # the last scene's final speakers, with paragraph
    decoded: list[tuple[_Char, bool] | None] = [None] * len(turns)
    last: list[_Char] = []  # the last decoded scene's final voices, across breaks
    for lo, hi, hard in scenes:
        if hard:
            carried = []
        cands, seen = _candidates(
            doc, turns, evidence, lo, hi, cast, carried, narrated, bool(never_spoke)
        )
        if len(cands) < (2 if hi - lo > 1 else 1) and last:
            # "* * *¶“Where is everyone?”¶“Out.”": no name since the break, so
            # the voices of the scene before it rather than nobody; and a talk of
            # two or more turns needs two voices ("Later he said to Ann, “Q”¶“Q2”":
            # Ann alone would speak every turn).
            first_p = turns[lo].p
            cands, seen = _candidates(
                doc,
                turns,
                evidence,
                lo,
                hi,
                cast,
                [(ch, first_p) for ch in last],
                narrated,
                bool(never_spoke),
            )
        if not cands:
            carried = []
            continue
        # Presence waives the silent penalty only beside a tagged voice (`_viterbi`).
        tagged = story and any(evidence[i].fixed is not None for i in range(lo, hi))
        present = _present(doc, turns, lo, hi, cast) if tagged else frozenset()
        path = _viterbi(
            turns,
            evidence,
            lo,
            hi,
            cands,
            seen,
            same,
            new,
            never_spoke,
            keeps,
            pairs,
            styles,
            voices,
            silences,
            present,
        )
        for k, ci in enumerate(path):
            _apply(turns[lo + k], original[lo + k], cands[ci], hi - lo > 1, doc)
            decoded[lo + k] = (cands[ci], hi - lo > 1)
        end_p = turns[hi - 1].p
        carried = [(cands[ci], end_p) for ci in path[-2:]]
        last = [ch for ch, _ in carried]
        # and its tagged speakers, latest first: a talk after a break that names no
        # one, or one person, is mostly among them.
        held = {ch.index for ch in last}
        for k in range(hi - 1, lo - 1, -1):
            ch = evidence[k].fixed
            if ch is not None and ch.index not in held:
                held.add(ch.index)
                last.append(ch)
    _habitual(turns, original, evidence, decoded)


# A description's turns decoded as one named character this many times, and this share
# of them, make her the one it stands for where its scene offers no one.
HABITUAL_TURNS = 3
HABITUAL_SHARE = 0.5


def _habitual(
    turns: Sequence[_Turn],
    original: Sequence[Sequence[tuple[Mention | None, str | None]]],
    evidence: Sequence[_Evidence],
    decoded: Sequence[tuple[_Char, bool] | None],
) -> None:
    """ "said the old gentleman", decoded as Mr. Quarle in scene after scene, is him
    in a scene where no named man was at hand to read it so."""
    counts: dict[int, dict[int, int]] = {}
    chars: dict[int, _Char] = {}
    for orig, ev, got in zip(original, evidence, decoded, strict=True):
        if ev.nominal is None or got is None or not _named(got[0]) or not _definite(orig):
            continue
        per = counts.setdefault(ev.nominal.index, {})
        per[got[0].index] = per.get(got[0].index, 0) + 1
        chars[got[0].index] = got[0]
    if not counts:
        return
    for turn, orig, ev, got in zip(turns, original, evidence, decoded, strict=True):
        if ev.nominal is None or (got is not None and got[0] is not ev.nominal):
            continue
        if not _definite(orig):
            continue
        read = counts.get(ev.nominal.index)
        if not read:
            continue
        top = max(read, key=lambda c: read[c])
        ch = chars[top]
        if (ev.age and ev.age == _marital_age(ch)) or (ev.old and _given_named(ch)):
            continue  # "the old man" read as "George" in scenes with no one else
        if read[top] >= HABITUAL_TURNS and read[top] >= HABITUAL_SHARE * sum(read.values()):
            _apply(turn, orig, ch, got[1] if got is not None else False)


def _narration_evidence(
    doc: Document, turns: Sequence[_Turn], evidence: Sequence[_Evidence], cast: _Cast
) -> None:
    """Who the narration around a turn is about: "Gerald passed his hand over his
    forehead. “Q,” he cried." and "Dr. Venn tossed his hat.¶“Q,” he said."."""

    def person(m: Mention) -> _Char | None:
        ch = cast.of(m) if m.kind == "name" else None
        if ch is not None:
            ch.add(m)
        return ch if ch is not None and ch.person() else None

    for i, turn in enumerate(turns):
        ev = evidence[i]
        if ev.fixed is not None:
            continue

        def give(ch: _Char, bonus: float, ev: _Evidence = ev, i: int = i) -> None:
            # "Ann shrugged.¶“Q,” said the other": the one who acted last is not the
            # one who speaks, and the voice before her may go on.
            if ev.other:
                ev.boost(ch, -OTHER_ACTOR)
                if i == 0 or ch is not evidence[i - 1].fixed:
                    ev.other = False
            else:
                ev.boost(ch, bonus)

        def fits(ch: _Char | None, ev: _Evidence = ev) -> bool:
            return (
                ch is not None
                and ch is not ev.vocative
                and ch.index not in ev.quoted
                and (not ev.gender_weight or ch.gender != _OPPOSITE[ev.gender])
            )

        # "Mary looked at Tom. “Q”": the subject (first name) of the last sentence
        # before the quotation that has a fitting name, not the object after it.
        here = [
            (m, ch)
            for m in narration_mentions(doc, turn.p, end=turn.links[0].start)[-SCAN_MENTIONS:]
            if m.kind == "name" and fits(ch := person(m))
        ]
        here = _with_designations(doc, turn.p, here, turn.links[0].start, cast, fits)
        if here:
            subject = _subject_of(doc, turn.p, here, ev)
            if subject is not None:
                tagged = ev.gender_weight >= PRONOUN_TAG_WEIGHT
                bonus = HERE_BONUS + (HERE_TAGGED if tagged else 0.0)
                give(subject, bonus)
        p = turn.p - 1
        if i and turns[i - 1].p == p:
            # "“Q1,” said Tom. Mary rose.¶“Q2,” she said": someone other than the last
            # speaker acting after that turn's quotations weighs as a name here; before
            # a bare turn ("¶“Q2”"), as after a paragraph of narration, BARE_BEFORE_BONUS.
            # The last speaker acting so before a pronoun tag speaks again: SPEAKER_ACTING.
            if here:
                continue
            tagged = ev.gender_weight >= PRONOUN_TAG_WEIGHT
            if tagged:
                bonus = HERE_BONUS
            elif not ev.gender_weight and ev.nominal is None:
                bonus = BARE_BEFORE_BONUS
            else:
                continue
            actor = _acting_after(doc, turns[i - 1], ev, fits, person)
            if actor is not None and actor is evidence[i - 1].fixed:
                if tagged:
                    give(actor, SPEAKER_ACTING)
            elif actor is not None:
                give(actor, bonus)
            continue
        if p < 0 or here:
            # "Mira came in. ¶ Ann took the letter. “Q,” she said": a fitting name in
            # the turn's own narration, and the paragraphs before have no say.
            continue
        bonus, reach = BEFORE_BONUS, ANTECEDENT_PARAGRAPHS
        if ev.gender_weight >= PRONOUN_TAG_WEIGHT:
            # "“Q,” he said" reads the paragraph just before: past a paragraph of
            # narration with no name, a name met earlier is mostly someone else. That
            # paragraph's subject counts as much as a name in the turn's own narration.
            bonus, reach = HERE_BONUS, PRONOUN_BEFORE_PARAGRAPHS
            if _thought(turn):
                # "“Q,” he thought" after a stretch of musing with no name: the thinker
                # is met further back than a speaker who answers (as for a description).
                reach = ANTECEDENT_PARAGRAPHS
        if not ev.gender_weight:
            if ev.nominal is not None or not BARE_BEFORE_BONUS:
                continue
            # "Ruth turned to Paul.¶“Q”": the one who acts just before a bare turn.
            bonus, reach = BARE_BEFORE_BONUS, 1
        # "Tom took it out.¶“Q,” he said": the last sentence with a name of the
        # pronoun's gender (for a description's turn, over a few paragraphs).
        for q in range(p, max(-1, p - reach), -1):
            if _separator(doc, q):
                break
            found = [
                (m, ch)
                for m in narration_mentions(doc, q)[-SCAN_MENTIONS:]
                if m.kind == "name" and fits(ch := person(m))
            ]
            found = _with_designations(doc, q, found, None, cast, fits)
            if found:
                subject = _subject_of(doc, q, found, ev)
                if subject is not None:
                    give(subject, bonus)
                break


def _with_designations(
    doc: Document,
    p: int,
    found: list[tuple[Mention, _Char | None]],
    end: int | None,
    cast: _Cast,
    fits: Callable[[_Char | None], bool],
) -> list[tuple[Mention, _Char | None]]:
    """``found`` (fitting names of paragraph ``p``'s narration) with the fitting
    designations among them, in order."""
    extra: list[tuple[Mention, _Char | None]] = []
    for m in _narration_designations(doc, p):
        if end is not None and m.end > end:
            break
        ch = _designated(doc, m, cast)  # a person by its title or noun
        # "the doctor" only of a known sex: one of unknown sex fits "she" and "he" alike
        # ("The doctor came forwards. ¶ “Q,” she moaned." is the patient's).
        lower = m.text.split()[-1][:1].islower()
        if ch is not None and fits(ch) and not (lower and ch.gender == "x"):
            extra.append((m, ch))
    if not extra:
        return found
    return sorted(found + extra, key=lambda x: x[0].start)[-SCAN_MENTIONS:]


def _acting_after(
    doc: Document,
    prev: _Turn,
    ev: _Evidence,
    fits: Callable[[_Char | None], bool],
    person: Callable[[Mention], _Char | None],
) -> _Char | None:
    """The subject of the narration after the last quotation of turn ``prev``, if a
    name other than its tag's speaker mention and not after a preposition (read as
    for the turn ``ev``: a sentence its pronoun opens is about someone else)."""
    tags = {link.speaker.start for link in prev.links if link.speaker is not None}
    after = prev.links[-1].end
    text = doc.text
    # "… looking at Ann, who sat on the bed": one looked at or spoken to acts no more.
    found = [
        (m, ch)
        for m in narration_mentions(doc, prev.p)[-SCAN_MENTIONS:]
        if m.kind == "name"
        and m.start >= after
        and m.start not in tags
        and _subject_like(text, m)
        and fits(ch := person(m))
    ]
    if not found:
        return None
    return _subject_of(doc, prev.p, found, ev)


# "The Professor broke silence": a title or a capitalised description after "the" that
# names one character in the narration (not "the Professor's", not "the Rev. Mr. Dorn").
_DESIGNATION = regex.compile(
    r"(?<![\p{L}\p{N}])[Tt]he[ \t\r\n]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}'’.\-]|[ \t\r\n]+\p{Lu})"
)
# "The doctor bent down": a title word in lower case after "the" (not "the doctor's").
_LOWER_TITLE = regex.compile(r"(?<![\p{L}\p{N}])[Tt]he[ \t\r\n]+(\p{Ll}+)(?![\p{L}\p{N}'’.\-])")


def _narration_designations(doc: Document, p: int) -> list[Mention]:
    """Designations ("the Professor", "the Secretary") in paragraph ``p``'s narration:
    a title word or a person noun, capitalised, after "the"; or a title word in lower
    case ("the doctor", "the colonel")."""
    cache: dict[int, list[Mention]] | None = getattr(_STATE, "designations", None)
    if cache is not None and p in cache:
        return cache[p]
    lex = _mentions.lexicon()
    text = doc.text
    toks = doc.tokens(p)
    found: list[Mention] = []
    for lo, hi in _outside(doc, p, toks):
        if lo >= hi:
            continue
        for m in _DESIGNATION.finditer(text, toks[lo].start, toks[hi - 1].end):
            word = m.group(1).lower()
            nominal = lex.nominals.get(word)
            if (word in lex.title_words or word + "." in lex.title_words) or (
                nominal is not None and nominal.kind == "person"
            ):
                found.append(Mention(m.start(), m.end(), m.group(0), "nominal"))
        for m in _LOWER_TITLE.finditer(text, toks[lo].start, toks[hi - 1].end):
            word = m.group(1)
            if word != "the" and (word in lex.title_words or word + "." in lex.title_words):
                found.append(Mention(m.start(), m.end(), m.group(0), "nominal"))
    found.sort(key=lambda m: m.start)
    if cache is not None:
        cache[p] = found
    return found


def _designated(doc: Document, m: Mention, cast: _Cast) -> _Char | None:
    """The character a designation in the narration is: the one person the document
    titles so ("the Professor" -> "Professor Quillon"), else the character the last
    turn tagged "said the Professor" was read as, else the character of such turns."""
    head = m.text.split()[-1].lower()
    named = _titled_in_document(doc, head)
    if named is not None:
        ch = cast.of(named)
        if ch is not None:
            ch.add(named)
            return ch
    if head in cast.titled:
        return cast.titled[head]
    return cast.by_text.get("~" + head)


def _subject_of(
    doc: Document, p: int, found: Sequence[tuple[Mention, _Char | None]], ev: _Evidence
) -> _Char | None:
    """The first name of the last sentence of paragraph ``p`` that has one in ``found``
    (fitting names, in order) and no pronoun of the turn's gender before it: "Tom came
    in. He looked at Bill." is about Tom, back over the sentence whose subject is "he"."""
    starts = [s for s, _ in doc.sentences(p)]
    k = len(found)
    while k:
        last = bisect_right(starts, found[k - 1][0].start) - 1
        j = k - 1
        while j and bisect_right(starts, found[j - 1][0].start) - 1 == last:
            j -= 1
        if (
            j + 1 < k
            and _SUBORDINATE_OPENING.match(
                doc.text, starts[last] if last >= 0 else 0, found[j][0].start
            )
            and _HE_SHE.search(doc.text, found[j][0].end, found[j + 1][0].start) is None
        ):
            # "When Ann went home, Tom came out": the main clause's subject.
            j += 1
        # "The first time that Ann went out Tom took her": a name after a subordinator
        # inside the sentence is its clause's subject; a later one is the sentence's.
        after = j
        while after < k and _SUBORDINATE_BEFORE.search(
            doc.text, max(0, found[after][0].start - SUBORDINATE_WINDOW), found[after][0].start
        ):
            after += 1
        if after < k:
            j = after
        for m, arrived in found[j:k]:
            if _arrival_before().search(doc.text, max(0, m.start - ARRIVAL_WINDOW), m.start):
                # "he was disturbed by the arrival of Tom": the one who comes in.
                return arrived
        first_m, ch = found[j]
        if not _pronoun_subject(doc, p, starts, first_m, ev):
            return ch
        k = j
    return None


# Characters before a name searched for "the arrival of" (`_arrival_before`).
ARRIVAL_WINDOW = 30


@functools.cache
def _arrival_before() -> regex.Pattern[str]:
    """A noun of someone entering the scene (arrival_nouns.txt) and "of", right at the
    end of the text searched: "the arrival of Tom", "by the appearance of Mrs. Dorn"."""
    nouns = "|".join(regex.escape(w) for w in sorted(_lexicon.word_list("arrival_nouns.txt")))
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{nouns})[ \t\r\n]+of[ \t\r\n]+$")


# A subordinator or "that" right before a name inside a sentence (lower case: not the
# sentence's first word, which `_SUBORDINATE_OPENING` reads).
_SUBORDINATE_BEFORE = regex.compile(
    r"(?<!\p{L})(?:because|whereas|whether|until|till|unless|though|although|while|whilst"
    r"|if|since|before|after|that)[ \t\r\n]+$"
)
SUBORDINATE_WINDOW = 12
_HE_SHE = regex.compile(r"(?i)(?<!\p{L})(?:he|she|they)(?!\p{L})")
# A subordinator opening a sentence, right before its first name.
_SUBORDINATE_OPENING = regex.compile(
    r"[\"“‘'( \t\r\n]*(?:When|After|Before|As|While|Whilst|Since|Until|Till|Though|Although|If"
    r"|Because|Once|Unless)[ \t\r\n]+(?:(?:the|old|young|little|poor)[ \t\r\n]+)?$"
)


# A name after a preposition is no subject: "She had tea with old Mrs. Grey."
_OBJECT_BEFORE = regex.compile(
    r"(?i)(?<!\p{L})(?:with|to|at|of|for|by|from|on|upon|in|into|about|behind|beside|besides"
    r"|between|among|amongst|toward|towards|than|like|against|near|over|under|round|around"
    r"|through|beyond|without|except|onto|unto|past)[ \t\r\n]+"
    r"(?:(?:the|old|little|young|poor|dear|good|my|her|his|their|our)[ \t\r\n]+)?$"
)
OBJECT_WINDOW = 30


def _subject_like(text: str, m: Mention) -> bool:
    """Whether name mention ``m`` can be its clause's subject (no preposition before it)."""
    return _OBJECT_BEFORE.search(text, max(0, m.start - OBJECT_WINDOW), m.start) is None


def _pronoun_subject(
    doc: Document, p: int, starts: Sequence[int], name: Mention, ev: _Evidence
) -> bool:
    """Whether a "he"/"she" of the turn's pronoun gender comes before ``name`` in its
    sentence: "He looked at Tom." is about someone else than Tom."""
    if not ev.gender_weight:
        return False
    sentence = bisect_right(starts, name.start) - 1
    begin = starts[sentence] if sentence >= 0 else 0
    for m in narration_mentions(doc, p, end=name.start)[-SCAN_MENTIONS:]:
        if m.start >= begin and m.kind == "pronoun" and _GENDER_OF.get(m.text.lower()) == ev.gender:
            return True
    return False


# Words that count as forms of address only after "my": "Oh, Lord!" is no one spoken to.
_AFTER_MY = frozenset(["lord", "lady"])


@functools.cache
def _address_terms() -> tuple[dict[str, _lexicon.Sex], regex.Pattern[str]]:
    """Forms of address and the gender of the one they address (address_terms.tsv),
    and a pattern that finds one standing alone between punctuation ("Yes, sir.")."""
    genders = dict(_lexicon.address_terms())
    ws = r"[ \t\r\n]"
    plain = sorted((regex.escape(t) for t in genders if t not in _AFTER_MY), key=len, reverse=True)
    after_my = [rf"(?<=my{ws}+){regex.escape(t)}" for t in sorted(_AFTER_MY & genders.keys())]
    pattern = regex.compile(
        rf"(?:^|[,;!?.—–\-]{ws}*|[\"“‘']{ws}*)"
        rf"(?:(?:my|your){ws}+)?(?:(?:dear|good|old|poor|little){ws}+)?"
        rf"({'|'.join(plain + after_my)})"
        rf"(?={ws}*[,.!?;:—–\-\"”’']|{ws}*$)",
        regex.IGNORECASE,
    )
    return genders, pattern


# What a turn that says "my husband" or "my wife" costs one of the other sex: a wife
# speaks of her husband, a husband of his wife (spouse_terms.tsv). "your husband" gives
# the sex of the one spoken to instead, as "sir" does (ADDRESSED_GENDER).
SPOUSE_SEX = 3.0


@functools.cache
def _spouse_pattern() -> tuple[dict[str, _lexicon.Sex], regex.Pattern[str]]:
    """The spouse words and the sex of one who says "my" before them, and a pattern
    for "my husband", "my poor wife", "your wife" (at most one word between)."""
    sexes = dict(_lexicon.spouse_terms())
    ws = r"[ \t\r\n]"
    terms = "|".join(sorted((regex.escape(t) for t in sexes), key=len, reverse=True))
    pattern = regex.compile(
        rf"(?<!\p{{L}})(my|your){ws}+(?:\p{{L}}+{ws}+)?({terms})(?!\p{{L}})", regex.IGNORECASE
    )
    return sexes, pattern


def _spouse_sexes(text: str, turn: _Turn) -> tuple[str, str]:
    """The sex of the turn's speaker, if a quotation of the turn speaks of "my husband"
    or "my wife", and of the one spoken to, if one speaks of "your wife"; each "" when
    none does, or when both do. One scan of the quotations serves both."""
    sexes, pattern = _spouse_pattern()
    found: dict[str, set[str]] = {"my": set(), "your": set()}
    for link in turn.links:
        for m in pattern.finditer(text, link.content_start, link.content_end):
            found[m.group(1).lower()].add(sexes[m.group(2).lower()])
    mine, yours = found["my"], found["your"]
    return (
        next(iter(mine)) if len(mine) == 1 else "",
        next(iter(yours)) if len(yours) == 1 else "",
    )


def _turn_evidence(
    turn: _Turn, orig: Sequence[tuple[Mention | None, str | None]], cast: _Cast
) -> _Evidence:
    ev = _Evidence()
    first = turn.links[0]
    text = cast.doc.text
    address_genders, address = _address_terms()
    for link in turn.links:
        sir = address.search(text, link.content_start, link.content_end)
        if sir is not None:
            ev.addressed = address_genders[sir.group(1).lower()]
            break
    if first.cue is not None and orig[0][1] in EXPLICIT:
        # "went on", "added": cue verbs that keep the previous speaker.
        cue = " ".join(first.cue.text.lower().split())
        ev.continues = cue in _lexicon.word_list("continuation_cues.txt")
    ev.other = _said_the_other(text, first)
    ev.spouse, addressee_sex = _spouse_sexes(text, turn)
    if not ev.addressed:
        # "Is your wife well?": the one spoken to is a man, as after "sir".
        ev.addressed = addressee_sex
    claimed = False  # an earlier quotation of the paragraph has its own cue
    for link, (speaker, rule) in zip(turn.links, orig, strict=True):
        if speaker is None:
            continue
        explicit = rule in EXPLICIT
        claimed, was_claimed = claimed or explicit, claimed
        if speaker.kind == "name" or _first_person(speaker):
            ch = cast.of(speaker)
            if ch is None:
                continue
            ch.add(speaker)
            if explicit and not was_claimed:
                if ev.fixed is None:
                    ev.fixed = ch
                ch.spoke += 1
            else:
                # “Q,” he said, though he had told Mr. Dorn “Q2”: the first cue names
                # the turn's speaker; a later one is a hint.
                if not explicit:
                    ev.boost(ch, 2.0)
                elif ch.index not in ev.bonus:
                    ev.boost(ch, LATER_NAME_BOOST)
        elif speaker.kind == "nominal" and explicit:
            ref = link.referent
            if ref is not None and ref.kind == "name":
                if (
                    _kin_head(speaker)
                    or _apposed(cast.doc, speaker) is ref
                    or (_title_head(speaker) and _bears_title(speaker, ref))
                ):
                    # "the Colonel" -> "Colonel Marsh", "her mother" -> "Mrs. Dorn"
                    ch = cast.of(ref)
                    if ch is not None and ev.fixed is None:
                        ch.add(ref)
                        ev.fixed = ch
                        if _title_head(speaker) and _bears_title(speaker, ref):
                            cast.titled[speaker.text.split()[-1].lower()] = ch
                    continue
                if _title_head(speaker):
                    # "the old lady" read as a woman met before (`_antecedent`): a guess
                    # the decoding weighs, not a name the tag gives.
                    ch = cast.of(ref)
                    if ch is not None:
                        ch.add(ref)
                        ev.boost(ch, GUESSED_REFERENT)
            ch = cast.of(speaker)
            if ch is None or ev.fixed is not None or ev.nominal is not None:
                continue
            ch = cast.described_before(speaker, ch, turn.p)
            fuller = _postmodified(text, speaker)
            if fuller is not None:
                # "said the man with the black beard": that man, one of his own.
                ch = cast.postmodified(fuller, ch)
                ch.add(fuller)
            ch.add(speaker)
            ch.spoke += 1
            if fuller is not None and _recurring(cast.doc, fuller):
                ev.fixed = ch  # a description the text keeps naming him by
            elif speaker.text.split()[0].lower() in ("a", "an", "another", "one"):
                ev.fixed = ch  # "said an old gentleman": someone new
            elif _designation(speaker) and not _kind_word(cast.doc, speaker):
                ev.fixed = ch  # "said the President": a designation, not a description
                ch.designated = True
            else:
                ev.nominal = ch
                ev.age = _age_clash(speaker)
                ev.old = bool(set(speaker.text.lower().split()) & _OLD_WORDS)
                sex = ch.gender if ch.gender != "x" else _tag_sex(text, speaker)
                if sex != "x":
                    ev.gender, ev.gender_weight = sex, 4.0
        elif speaker.kind == "pronoun":
            g = _SPEAKER_GENDER.get(speaker.text.lower())
            if g is None:
                continue
            weight = PRONOUN_TAG_WEIGHT if explicit else 3.0
            if weight > ev.gender_weight:
                ev.gender, ev.gender_weight = g, weight
            if explicit and ev.vocative is None and link.cue is not None:
                # "“Q,” she said to Tom": Tom is spoken to, as if named in the quotation.
                spoken_to = _tag_object(cast.doc, turn.p, link, speaker)
                ch = cast.of(spoken_to) if spoken_to is not None else None
                if spoken_to is not None and ch is not None and ch.person():
                    ch.add(spoken_to)
                    ev.vocative = ch
    if turn.addressee is not None:
        ch = cast.of(turn.addressee)
        if ch is not None:
            ch.add(turn.addressee)
            ev.vocative = ch
            ev.answers = not any(
                not text[link.content_start : turn.addressee.start].strip(_OPENING_MARKS)
                for link in turn.links
                if link.content_start <= turn.addressee.start < link.content_end
            )
    for m in turn.named:
        ch = cast.of(m)
        if ch is not None and ch is not ev.vocative:
            ev.quoted.add(ch.index)
    return ev


# "said the visitor, taking off his hat": the sex the rest of a description's tag gives.
_TAG_CLAUSE = regex.compile(r"[^\"“”‘’.;:!?]{0,80}")
_TAG_MALE = regex.compile(r"(?i)(?<!\p{L})(?:his|himself|he)(?!\p{L})")
_TAG_FEMALE = regex.compile(r"(?i)(?<!\p{L})(?:herself|she)(?!\p{L})")


def _tag_sex(text: str, speaker: Mention) -> str:
    """ "m" or "f" from a "his", "he", "she" or "herself" in the clause after a
    description ("said the visitor in his easy way"), else "x"."""
    m = _TAG_CLAUSE.match(text, speaker.end)
    end = m.end() if m is not None else speaker.end
    male = _TAG_MALE.search(text, speaker.end, end) is not None
    female = _TAG_FEMALE.search(text, speaker.end, end) is not None
    if male != female:
        return "m" if male else "f"
    return "x"


# A name right after one of these words in a pronoun tag's clause is the one spoken to
# or looked at: "she said to Tom", "he said, turning to Tom", "she cried, looking at Tom".
_TO_BEFORE = regex.compile(r"(?i)(?<!\p{L})(?:to|at|towards|toward|upon)[ \t\r\n]+$")
_CLAUSE_END = regex.compile(r"[.;:!?“”\"]")
TAG_OBJECT_WINDOW = 60


def _tag_object(doc: Document, p: int, link: Link, speaker: Mention) -> Mention | None:
    """The name a pronoun tag speaks to or looks at, in the tag's own clause: after
    the cue, up to the quotation or to a sentence stop or quotation mark."""
    assert link.cue is not None
    begin = max(link.cue.end, speaker.end)
    limit = link.start if begin <= link.start else begin + TAG_OBJECT_WINDOW
    stop = _CLAUSE_END.search(doc.text, begin, limit)
    end = stop.start() if stop is not None else limit
    for m in narration_mentions(doc, p, end=end)[-SCAN_MENTIONS:]:
        if (
            m.start >= begin
            and m.kind == "name"
            and _TO_BEFORE.search(doc.text, max(0, m.start - 12), m.start) is not None
        ):
            return m
    return None


# "“Q,” said the other" / "“Q,” the other replied": the tag names the one of two who
# did not just speak.
_THE_OTHER_AFTER = regex.compile(
    r"[ \t\r\n,]*(?:(\p{Ll}+)[ \t\r\n]+the[ \t\r\n]+other|the[ \t\r\n]+other[ \t\r\n]+(\p{Ll}+))"
    r"(?![\p{L}\-])"
)


_WORD_AFTER = regex.compile(r"[ \t\r\n]+(\p{L}+)")


def _said_the_other(text: str, link: Link) -> bool:
    """Whether the quotation's tag is "said the other" (or "the other said")."""
    m = _THE_OTHER_AFTER.match(text, link.end, min(len(text), link.end + 40))
    if m is None:
        return False
    verb = m.group(1) or m.group(2)
    if verb not in _lexicon.cue_verb_forms():
        return False
    if m.group(2):
        return True
    # "said the other woman", "said the other one": a description, not "the other".
    after = _WORD_AFTER.match(text, m.end(), min(len(text), m.end() + 30))
    word = after.group(1).lower() if after is not None else ""
    return word != "one" and word not in _mentions.lexicon().nominals


# First letters of the honorifics `_entities._marital` reads (Mrs., Miss, Frau, Signora, Lady).
_MARITAL_INITIALS = frozenset("MFSL")
# Words of a description that say the person is old or young.
_OLD_WORDS = frozenset(["old", "elderly", "aged"])
_YOUNG_WORDS = frozenset(["young", "girl", "lass", "maiden"])


# Heads of a description of a boy: "the boy" is no "Mr. Dorn".
_BOY_HEADS = frozenset(["boy"])
# Honorifics of a grown man.
_MEN_HONORIFICS = frozenset(["mr", "sir"])
# Heads of a description of a grown-up: "the man" is no "little Tom".
_ADULT_HEADS = frozenset(["man", "gentleman", "woman", "lady"])


def _age_clash(m: Mention) -> str:
    """What a description rules out: "the old lady" is not a "Miss", "the girl" not a
    "Mrs.", "the boy" not a "Mr." ("mr"), "the old man" or "the gentleman" not a child
    ("child", see `_child`); "" when it says nothing of age."""
    words = m.text.lower().split()
    said = set(words)
    if said & _OLD_WORDS:
        return "miss" if _nominal_gender(m) == "f" else "child"
    if said & _YOUNG_WORDS:
        return "mrs"
    if words[-1] in _BOY_HEADS:
        return "mr"
    if words[-1] in _ADULT_HEADS:
        return "child"
    return ""


def _given_named(ch: _Char) -> bool:
    """Whether the character's fullest name is a given name with no honorific or title
    ("Tom", "Tom Dorn"): the young of a story go by it, "the old man" is a "Mr. Dorn"."""
    best = ch.cluster.best if ch.cluster is not None else None
    if best is None or best.honorific or best.title or ch.marital:
        return False
    given = best.first if best.first is not None else best.surname
    return given in _mentions.lexicon().first_names


def _marital_age(ch: _Char) -> str:
    """ "child" for a child, else "mrs" or "miss" when every honorific name of the
    character says so, else "mr" for a man some name calls "Mr." or "Sir"."""
    if ch.child:
        return "child"
    if ch.mister and not ch.marital:
        return "mr"
    return next(iter(ch.marital)) if len(ch.marital) == 1 else ""


# Words before a given name that make its bearer a child: "little Tom", "Master Tom".
_CHILD_BEFORE = regex.compile(r"(?:\b[Ll]ittle|\bMaster)[ \t\r\n]+$")
# Times the document must say so.
CHILD_EVIDENCE = 3


def _child(doc: Document, name: _entities._Name) -> bool:
    """Whether the document calls the bearer of this given name "little Tom" or
    "Master Tom" at least `CHILD_EVIDENCE` times (once per given name and document)."""
    words = name.name_words
    given = name.first or (words[0] if len(words) == 1 and not name.honorific else None)
    if not given or given.lower() not in _mentions.lexicon().first_names:
        return False
    return doc.once(("child", given), lambda: _called_child(doc, given))


def _called_child(doc: Document, given: str) -> bool:
    text = doc.text
    n = 0
    for start in doc.occurrences(given, TITLE_OCCURRENCES):
        n += _CHILD_BEFORE.search(text, max(0, start - 12), start) is not None
    return n >= CHILD_EVIDENCE


def _kind_word(doc: Document, m: Mention) -> bool:
    """ "the Englishman", "the Pole" in a text that also writes "an Englishman", "a
    Pole" (`_entities.word_use`): a kind of person, described, not one character's
    designation ("the Ferryman", "the President" stay)."""
    words = m.text.split()
    return (
        len(words) == 2
        and words[0].lower() == "the"
        and words[1][:1].isupper()
        and _entities.word_use(doc, words[1])
    )


def _designation(m: Mention) -> bool:
    """ "the President", "the Masked Stranger": a definite nominal whose words are all
    capitalised names one character, as a name does ("the voice of John Dunmore" does not)."""
    words = m.text.split()
    return len(words) > 1 and words[0].lower() == "the" and all(w[:1].isupper() for w in words[1:])


def _transition_odds(turns: Sequence[_Turn], evidence: Sequence[_Evidence]) -> tuple[float, float]:
    """Log-odds of "same speaker again" and "a third speaker" against alternation,
    from the document's own attributed turns: pairs of adjacent explicitly
    attributed turns give how often a speaker keeps the floor (rare in dialogue,
    common in news), runs of three how often a third one cuts in."""
    kept, changed = 1.0, 9.0  # a prior: dialogue changes speaker
    for i in range(1, len(turns)):
        a, b = evidence[i - 1].fixed, evidence[i].fixed
        if a is not None and b is not None and turns[i].p == turns[i - 1].p + 1:
            if a is b:
                kept += 1
            else:
                changed += 1
    alt, new = 8.0, 2.0
    for i in range(2, len(turns)):
        if turns[i].p != turns[i - 1].p + 1 or turns[i - 1].p != turns[i - 2].p + 1:
            continue
        a, b, c = evidence[i - 2].fixed, evidence[i - 1].fixed, evidence[i].fixed
        if a is None or b is None or c is None or a is b:
            continue
        if c is a:
            alt += 1
        elif c is not b:
            new += 1
    p_alt = alt / (alt + new)
    # Explicit cues cluster where a third speaker cuts in (the author names who speaks
    # when it is not the obvious one), so the learnt odds overstate it: cap them.
    return math.log(kept / changed / p_alt), min(MAX_NEW_ODDS, math.log(new / alt))


def _partners(turns: Sequence[_Turn], evidence: Sequence[_Evidence]) -> dict[tuple[int, int], int]:
    """How often two characters speak adjacent tagged turns, by their indexes (both ways):
    who talks with whom in the text."""
    pairs: dict[tuple[int, int], int] = {}
    for i in range(1, len(turns)):
        a, b = evidence[i - 1].fixed, evidence[i].fixed
        if a is None or b is None or a is b or turns[i].p != turns[i - 1].p + 1:
            continue
        for key in ((a.index, b.index), (b.index, a.index)):
            pairs[key] = pairs.get(key, 0) + 1
    return pairs


# Per log of the tagged turns in which a character calls someone by the same form of
# address as an untagged turn does: in a book, the son says "Mumsy", the visitor
# "Mrs. Pell", her husband "Nora". Learnt only from a book's many tagged turns (in a
# short text, four sisters who all say "Jo" give one or two turns each).
ADDRESS_STYLE = 0.5


def _address_styles(
    turns: Sequence[_Turn], evidence: Sequence[_Evidence]
) -> dict[str, dict[int, int]]:
    """Who calls someone by which form of address in the tagged turns, by form:
    the family says "Nora", the visitor "Miss Pell"."""
    styles: dict[str, dict[int, int]] = {}
    for turn, ev in zip(turns, evidence, strict=True):
        if ev.fixed is not None and turn.addressee is not None:
            by = styles.setdefault(_key(turn.addressee), {})
            by[ev.fixed.index] = by.get(ev.fixed.index, 0) + 1
    return styles


# In a book, the words of a character's tagged turns against those of everyone's: each
# untagged turn's words weigh for the candidates who use them (a naive Bayes log-ratio,
# Dirichlet-smoothed towards everyone's words by IDIOLECT_PRIOR words, times IDIOLECT,
# at most IDIOLECT_CAP either way: a hint, as the speaker's favourite oath or form of
# address is, never a tag).
IDIOLECT = 0.15
IDIOLECT_PRIOR = 2000.0
IDIOLECT_CAP = 1.0


class _Idiolects:
    """The words each character uses in its tagged turns, and everyone's."""

    def __init__(self, words: Sequence[list[str]], evidence: Sequence[_Evidence]) -> None:
        self.words = words  # per turn
        self.counts: dict[int, dict[str, int]] = {}
        self.sizes: dict[int, int] = {}
        self.all: dict[str, int] = {}
        self.size = 0
        for said, ev in zip(words, evidence, strict=True):
            if ev.fixed is None:
                continue
            own = self.counts.setdefault(ev.fixed.index, {})
            for w in said:
                own[w] = own.get(w, 0) + 1
                self.all[w] = self.all.get(w, 0) + 1
            self.sizes[ev.fixed.index] = self.sizes.get(ev.fixed.index, 0) + len(said)
            self.size += len(said)
        self.smooth = self.size + len(self.all) + 1
        # Log-ratio of a word for a character, by (character, word): a book's turns
        # ask again and again for the same few thousand words.
        self.ratios: dict[tuple[int, str], float] = {}

    def score(self, i: int, cands: Sequence[_Char]) -> list[float]:
        """Per candidate, what turn ``i``'s words say for it (0 for one never tagged)."""
        said = self.words[i]
        out = []
        for ch in cands:
            own = self.counts.get(ch.index)
            if not own:
                out.append(0.0)
                continue
            size = self.sizes[ch.index] + IDIOLECT_PRIOR
            ratios = self.ratios
            s = 0.0
            for w in said:
                r = ratios.get((ch.index, w))
                if r is None:
                    p = (self.all.get(w, 0) + 1) / self.smooth
                    r = ratios[ch.index, w] = math.log(
                        (own.get(w, 0) + IDIOLECT_PRIOR * p) / size / p
                    )
                s += r
            out.append(max(-IDIOLECT_CAP, min(IDIOLECT_CAP, IDIOLECT * s)))
        return out


def _turn_words(text: str, turn: _Turn) -> list[str]:
    """The turn's words inside its quotations, in lower case."""
    return [
        m.group().lower()
        for link in turn.links
        for m in _LETTERS.finditer(text, link.content_start, link.content_end)
    ]


# What a turn that says "mother" or "father" as a name ("Mother's very angry", "Ask
# Papa") costs a "Mrs." or a "Mr." (a parent of the family): the speaker is their child.
PARENT_WORD = 1.0
_PARENT_WORDS = {
    "mother": "f",
    "mamma": "f",
    "mama": "f",
    "mummy": "f",
    "mumsy": "f",
    "mum": "f",
    "father": "m",
    "papa": "m",
    "daddy": "m",
    "dad": "m",
    "pa": "m",
}
# Words before "mother" that make it a common noun: "my mother", "a mother".
_KIN_OWNERS = frozenset(
    ["my", "your", "his", "her", "their", "our", "the", "a", "own", "whose", "its"]
)


def _parents_named(said: Sequence[str]) -> frozenset[str]:
    """The sexes of the parents a turn's words call by a bare kin word ("Mother says no")."""
    found: set[str] = set()
    for k, word in enumerate(said):
        sex = _PARENT_WORDS.get(word)
        if sex is not None and (k == 0 or said[k - 1] not in _KIN_OWNERS):
            found.add(sex)
    return frozenset(found)


def _parent_like(ch: _Char) -> str:
    """ "f" for a "Mrs.", "m" for a "Mr." known by the surname alone, else ""."""
    if "mrs" in ch.marital:
        return "f"
    best = ch.cluster.best if ch.cluster is not None else None
    if best is not None and best.first is None and best.honorific.lower().rstrip(".") == "mr":
        return "m"
    return ""


def _separator(doc: Document, p: int) -> bool:
    """A scene break or a heading: "* * *", "CHAPTER IV", "[III]"."""
    s, e = doc.paragraphs[p]
    if e - s > SEPARATOR_CHARS:
        return False
    line = doc.text[s:e]
    return line.upper() == line


def _keeps_floor(doc: Document, turn: _Turn, nxt: _Turn | None) -> float:
    """How the end of a turn, and the start of the next, shift the odds that its
    speaker also speaks next: a question wants an answer from someone else (in PDNC
    the same voice follows a question in 1 case of 45, other turns 1 of 17), and a
    turn that opens with "Yes" or "No" answers someone else (1 of 60). Narration
    after the turn's last quotation, or before the next turn's first one, makes the
    same voice more likely (in PDNC 17 and 26 in 100 such pairs, 2 without it):
    “Q,” said Ann. She put the cup down and looked at the fire.¶“Q2”."""
    text = doc.text
    last = turn.links[-1]
    content = text[last.content_start : last.content_end].rstrip(" \t\r\n\"'”’")
    shift = -QUESTION_KEEPS if content.endswith("?") else 0.0
    if _narration_at_least(text, last.end, doc.paragraphs[turn.p][1]):
        shift += NARRATION_KEEPS
    if nxt is not None:
        first = nxt.links[0]
        if nxt.p == turn.p + 1 and _narration_at_least(text, doc.paragraphs[nxt.p][0], first.start):
            shift += NARRATION_KEEPS
        m = _LETTERS.search(text, first.content_start, first.content_end)
        if m is not None and m.group().lower() in _lexicon.word_list("reply_openers.txt"):
            shift -= REPLY_KEEPS
    return shift


# Log-odds shift of "the same speaker again" when the narration between two turns
# says someone did not answer ("Tom made no answer."): the one spoken to keeps silent,
# the one who spoke goes on (pdnc_dev +10; 2.0 gains more there but costs LitBank 6).
SILENCE_KEEPS = 1.0
# How far back from the next turn's first quotation the narration is read.
SILENCE_CHARS = 600
_SILENCE = regex.compile(
    r"(?i)(?<!\p{L})(?:was|were|remained|kept|sat|stood|fell)[ \t\r\n]+silent"
    r"|(?<!\p{L})said[ \t\r\n]+nothing"
    r"|(?<!\p{L})(?:made|gave|returned)[ \t\r\n]+no[ \t\r\n]+(?:answer|reply|response|rejoinder)"
    r"|(?<!\p{L})(?:did[ \t\r\n]+not|didn[’']t|could[ \t\r\n]+not|couldn[’']t)"
    r"[ \t\r\n]+(?:answer|reply|respond|speak)"
    r"|(?<!\p{L})no[ \t\r\n]+(?:answer|reply)[ \t\r\n]+(?:came|was)"
)


def _silence_between(doc: Document, turn: _Turn, nxt: _Turn) -> bool:
    """Whether the narration after turn ``turn``'s paragraph and before the first
    quotation of ``nxt`` says someone did not answer: "Tom made no answer." (a
    silence in the turn's own paragraph, "“Q,” she said, and was silent.", is hers)."""
    start = doc.paragraphs[turn.p][1]
    end = nxt.links[0].start
    if end - start > SILENCE_CHARS:
        start = end - SILENCE_CHARS
    return _SILENCE.search(doc.text, start, end) is not None


# A word: a run of letters (a turn's words, the first of a reply, narration counted).
_LETTERS = regex.compile(r"\p{L}+")


def _narration_at_least(text: str, start: int, end: int, words: int = NARRATION_WORDS) -> bool:
    """Whether ``text[start:end]`` holds ``words`` words or more (by default more than
    a tag such as "said the old gentleman, smiling.")."""
    n = 0
    for _ in _LETTERS.finditer(text, start, end):
        n += 1
        if n >= words:
            return True
    return False


def _split_scenes(doc: Document, turns: Sequence[_Turn]) -> list[tuple[int, int, bool]]:
    """Scenes as ``(first turn, end turn, after a scene break)``."""
    out: list[tuple[int, int, bool]] = []
    lo = 0
    hard = True
    for i in range(1, len(turns) + 1):
        broken = False
        if i < len(turns):
            a, b = turns[i - 1].p, turns[i].p
            gap = b - a - 1
            # A turn led by a long stretch of narration ("When the guests had gone, …
            # “Q”") opens a scene of its own, as a paragraph of narration would.
            led = _narration_at_least(
                doc.text, doc.paragraphs[b][0], turns[i].links[0].start, SCENE_LEAD_WORDS
            )
            if gap == 0 and not led:
                continue
            broken = any(_separator(doc, p) for p in range(a + 1, b))
            if gap <= SCENE_GAP and not broken and not led:
                chars = doc.paragraphs[b][0] - doc.paragraphs[a][1]
                if chars <= SCENE_GAP_CHARS:
                    continue
        out.append((lo, i, hard))
        lo = i
        hard = broken
    return out


def _present(
    doc: Document, turns: Sequence[_Turn], lo: int, hi: int, cast: _Cast
) -> frozenset[int]:
    """The characters the narration of turns ``lo`` to ``hi`` names (or designates) as
    subjects PRESENT_MENTIONS times or more, from PRESENT_LEAD paragraphs before its first
    turn (none before the turn ahead of it)."""
    first = turns[lo].p
    begin = max(turns[lo - 1].p + 1 if lo else 0, first - PRESENT_LEAD)
    counts: dict[int, int] = {}
    for p in range(begin, turns[hi - 1].p + 1):
        for m in narration_mentions(doc, p):
            if m.kind == "name" and _subject_like(doc.text, m):
                ch = cast.of(m)
                if ch is not None:
                    counts[ch.index] = counts.get(ch.index, 0) + 1
        # "The duchess laughed.": a designation of one character counts as her name.
        for m in _narration_designations(doc, p):
            if _subject_like(doc.text, m):
                ch = _designated(doc, m, cast)
                if ch is not None:
                    counts[ch.index] = counts.get(ch.index, 0) + 1
    return frozenset(c for c, n in counts.items() if n >= PRESENT_MENTIONS)


def _candidates(
    doc: Document,
    turns: Sequence[_Turn],
    evidence: Sequence[_Evidence],
    lo: int,
    hi: int,
    cast: _Cast,
    carried: Sequence[tuple[_Char, int]],
    narrated: bool,
    book: bool = False,
) -> tuple[list[_Char], dict[int, list[int]]]:
    """The scene's likely speakers, and the paragraphs where each appears."""
    score: dict[int, float] = {}
    chars: dict[int, _Char] = {}
    seen: dict[int, list[int]] = {}

    def add(ch: _Char, s: float, p: int) -> None:
        chars[ch.index] = ch
        score[ch.index] = max(score.get(ch.index, -1e9), s)
        seen.setdefault(ch.index, []).append(p)

    first_p = turns[lo].p
    for i in range(lo, hi):
        ev = evidence[i]
        p = turns[i].p
        if ev.fixed is not None:
            add(ev.fixed, 10.0 + score.get(ev.fixed.index, 0.0), p)
        if ev.nominal is not None:
            add(ev.nominal, 9.0, p)
        for ch in ev.bonus_chars:
            add(ch, 5.0, p)
        # In a book, a name only ever spoken to and never tagged ("Harry", "my pet") is
        # mostly another name of one who speaks, or someone away: no voice of its own.
        if ev.vocative is not None and ev.vocative.person() and (ev.vocative.spoke or not book):
            add(ev.vocative, 4.0, p)
        # "“…, Ezra,” said Mr. Quarle. ¶ “…,” replied the trader.": the one spoken to
        # answers, a candidate though no tag named him before.
        before = evidence[i - 1] if i > lo else None
        if (
            ev.nominal is not None
            and before is not None
            and before.vocative is not None
            and before.vocative.person()
        ):
            add(before.vocative, 4.0, p)

    start = max(0, first_p - CONTEXT_PARAGRAPHS)
    if lo > 0:
        start = max(start, turns[lo - 1].p + 1)
    for p in range(first_p - 1, start - 1, -1):
        if _separator(doc, p):
            start = p + 1
            break
    last_p = turns[hi - 1].p
    # "he" and "she" in the narration keep the last named man or woman present.
    focus: dict[str, _Char] = {}
    for p in range(start, last_p + 1):
        for m in narration_mentions(doc, p):
            named = cast.of(m)
            if named is None:
                g = _GENDER_OF.get(m.text.lower()) if m.kind == "pronoun" else None
                named = focus.get(g) if g is not None else None
                if named is not None:
                    add(named, 1.0 + (p - start) / (last_p - start + 1), p)
                continue
            named.add(m)
            named.last = max(named.last, p)
            if named.person():
                add(named, 1.0 + (p - start) / (last_p - start + 1), p)
                # The last subject of that gender, not a name after a preposition
                # ("tea with Mrs. Grey", "turned to Paul").
                if named.gender in ("m", "f") and m.kind == "name" and _subject_like(doc.text, m):
                    focus[named.gender] = named
    for ch, end_p in carried:
        if first_p - end_p <= CARRY_PARAGRAPHS:
            add(ch, 0.5, end_p)
    if narrated:
        add(cast.narrator, 0.2, first_p)
    ranked = sorted(chars.values(), key=lambda c: -score[c.index])[:SCENE_CANDIDATES]
    return ranked, {c.index: sorted(seen[c.index]) for c in ranked}


def _viterbi(
    turns: Sequence[_Turn],
    evidence: Sequence[_Evidence],
    lo: int,
    hi: int,
    cands: Sequence[_Char],
    seen: dict[int, list[int]],
    same: float,
    new: float,
    never_spoke: float = 0.0,
    keeps: Sequence[float] = (),
    pairs: dict[tuple[int, int], int] | None = None,
    styles: dict[str, dict[int, int]] | None = None,
    voices: _Idiolects | None = None,
    silences: Sequence[bool] = (),
    present: frozenset[int] = frozenset(),
) -> list[int]:
    if not keeps:
        keeps = [0.0] * len(turns)
    pairs = pairs or {}
    speakers = {ev.fixed.index for ev in evidence[lo:hi] if ev.fixed is not None}
    # Someone the scene's quotations speak of, never to, and who never speaks in it
    # is talked about in their absence ("Shall we ask Nell to come with us?").
    spoken_to = {ev.vocative.index for ev in evidence[lo:hi] if ev.vocative is not None}
    absent = set().union(*(ev.quoted for ev in evidence[lo:hi])) - speakers - spoken_to
    emissions = []
    for i in range(lo, hi):
        p = turns[i].p
        em = _emission(
            evidence[i],
            cands,
            i > lo and evidence[i - 1],
            i + 1 < hi and evidence[i + 1],
            VOCATIVE_GAP if i > lo and p - turns[i - 1].p > 1 else 1.0,
            VOCATIVE_GAP if i + 1 < hi and turns[i + 1].p - p > 1 else 1.0,
        )
        # Next to a tagged turn, those its speaker talks with elsewhere in the text.
        partners = (
            [
                tagged
                for j in (i - 1, i + 1)
                if lo <= j < hi
                and abs(turns[j].p - p) == 1
                and (tagged := evidence[j].fixed) is not None
            ]
            if pairs and evidence[i].fixed is None
            else []
        )
        addressee = turns[i].addressee
        style = (
            styles.get(_key(addressee), {})
            if styles and addressee is not None and evidence[i].fixed is None
            else {}
        )
        if evidence[i].parents and evidence[i].fixed is None:
            for c, ch in enumerate(cands):
                if _parent_like(ch) in evidence[i].parents:
                    em[c] -= PARENT_WORD
        if voices is not None and evidence[i].fixed is None:
            for c, v in enumerate(voices.score(i, cands)):
                em[c] += v
        for c, ch in enumerate(cands):
            if style:
                em[c] += ADDRESS_STYLE * math.log1p(style.get(ch.index, 0))
            for other in partners:
                em[c] += PARTNER_PRIOR * math.log1p(pairs.get((other.index, ch.index), 0))
            em[c] -= SALIENCE_DECAY * _distance(seen[ch.index], p)
            if ch.index not in speakers and not (speakers and ch.index in present):
                em[c] -= SILENT_PENALTY
                if not ch.spoke and not ch.narrator:
                    em[c] -= never_spoke
            if ch.index in absent:
                em[c] -= TALKED_ABOUT
            if never_spoke:
                em[c] += SPOKE_PRIOR * math.log1p(ch.spoke)
        emissions.append(em)
    allowed = [_nearest(cands, seen, turns[i].p, evidence[i], speakers) for i in range(lo, hi)]
    best: dict[tuple[int, int], float] = {(-1, c): emissions[0][c] for c in allowed[0]}
    back: list[dict[tuple[int, int], tuple[int, int]]] = []
    for t in range(1, hi - lo):
        gap = turns[lo + t].p - turns[lo + t - 1].p > 1
        s_same, s_new = (same + keeps[lo + t - 1], new) if not gap else (GAP_SAME, GAP_NEW)
        if silences and silences[lo + t - 1]:
            s_same += SILENCE_KEEPS
        s_alt = 0.0
        if _thought(turns[lo + t]):
            # "“Q,” he thought": a thought answers no one; the narration and the tag's
            # gender choose the thinker, not the alternation of the talk before it.
            s_same, s_new = 0.0, 0.0
        if evidence[lo + t].continues:
            s_same, s_alt, s_new = 0.0, -2.0, -2.5
        elif evidence[lo + t].other:
            s_same = -_HARD
        em = emissions[t]
        nxt: dict[tuple[int, int], float] = {}
        bp: dict[tuple[int, int], tuple[int, int]] = {}
        for (a, b), s in best.items():
            for c in allowed[t]:
                if c == b:
                    tr = s_same
                elif a < 0 or c == a:
                    tr = s_alt
                else:
                    tr = s_new
                v = s + tr + em[c]
                key = (b, c)
                if v > nxt.get(key, -math.inf):
                    nxt[key] = v
                    bp[key] = (a, b)
        back.append(bp)
        best = nxt
    state = max(best, key=lambda st: best[st])
    path = [state[1]]
    for bp in reversed(back):
        state = bp[state]
        path.append(state[1])
    path.reverse()
    return path


def _thought(turn: _Turn) -> bool:
    """Whether a cue right next to one of the turn's quotations is a verb of thought
    ("“Q,” he thought", "She wondered: “Q”"; data/lexicon/thought_cues.txt)."""
    words = _lexicon.word_list("thought_cues.txt")
    return any(
        link.cue is not None
        and link.rule in ("quote_cue_mention", "mention_cue_quote")
        and link.cue.text.lower() in words
        for link in turn.links
    )


def _nearest(
    cands: Sequence[_Char],
    seen: dict[int, list[int]],
    p: int,
    ev: _Evidence,
    speakers: set[int],
) -> list[int]:
    """The candidates a turn chooses among, up to MAX_CANDIDATES: the one its cue
    names, then the scene's named speakers met nearest to it, then the others
    (a name in passing nearby does not push out a speaker of the scene). A pronoun
    tag's turn ranks those of the other sex last: "she said" leaves the men out."""
    if len(cands) <= MAX_CANDIDATES:
        return list(range(len(cands)))
    other = _OPPOSITE[ev.gender] if ev.gender_weight >= PRONOUN_TAG_WEIGHT else ""

    def rank(c: int) -> tuple[bool, bool, bool, int, int]:
        ch = cands[c]
        return (
            ch is not ev.fixed,
            ch.gender == other,
            ch.index not in speakers,
            _distance(seen[ch.index], p),
            c,
        )

    return sorted(range(len(cands)), key=rank)[:MAX_CANDIDATES]


def _distance(paragraphs: Sequence[int], p: int) -> int:
    """Paragraphs since the last appearance at or before ``p`` (a later one counts double)."""
    i = bisect_right(paragraphs, p)
    if i:
        return min(p - paragraphs[i - 1], SALIENCE_HORIZON)
    return min(2 * (paragraphs[0] - p) + 2, SALIENCE_HORIZON)


def _emission(
    ev: _Evidence,
    cands: Sequence[_Char],
    prev: _Evidence | bool,
    nxt: _Evidence | bool = False,
    after_gap: float = 1.0,
    before_gap: float = 1.0,
) -> list[float]:
    """What a turn's own evidence says for each candidate. A vocative or a form of
    address of the turn before (after) weighs ``after_gap`` (``before_gap``) of its
    pull: VOCATIVE_GAP across a paragraph of narration."""
    out = []
    named = ev.nominal is not None and any(
        _named(c) and c.gender in ("x", ev.nominal.gender) for c in cands
    )
    for ch in cands:
        s = 0.0
        if ev.fixed is not None:
            s -= 0.0 if ch is ev.fixed else _HARD
        elif ev.nominal is not None:
            if ch is ev.nominal:
                s -= NOMINAL_ITSELF if named else 0.0
            elif not _named(ch):
                s -= _HARD
            else:
                s -= NOMINAL_NAMED
                if (ev.age and ev.age == _marital_age(ch)) or (ev.old and _given_named(ch)):
                    s -= AGE_MISMATCH
        if ev.gender_weight:
            if ch.narrator or ch.gender == _OPPOSITE[ev.gender]:
                s -= ev.gender_weight
            elif ch.gender == "x":
                s -= 1.0
        if ev.spouse and ch.gender == _OPPOSITE[ev.spouse]:
            s -= SPOUSE_SEX
        s += ev.bonus.get(ch.index, 0.0)
        if ev.vocative is ch:
            s -= 4.0
        elif ch.index in ev.quoted:
            s -= QUOTED_NAME
        if isinstance(prev, _Evidence) and prev.vocative is ch:
            s += VOCATIVE_NEXT * after_gap
        if isinstance(nxt, _Evidence) and nxt.answers and nxt.vocative is ch:
            s += VOCATIVE_PREV * before_gap
        for other, share in ((prev, after_gap), (nxt, before_gap)):
            if isinstance(other, _Evidence) and other.addressed:
                if ch.narrator or ch.gender == _OPPOSITE[other.addressed]:
                    s -= ADDRESSED_GENDER * share
        out.append(s)
    return out


_FIRST_PERSON = regex.compile(r"(?<![\p{L}\p{N}'’])I(?![\p{L}\p{N}'’])")


def _apply(
    turn: _Turn,
    orig: Sequence[tuple[Mention | None, str | None]],
    ch: _Char,
    dialogue: bool,
    doc: Document | None = None,
) -> None:
    rep = ch.mention_before(turn.links[0].start)
    if rep is None:
        return
    if ch.narrator and doc is not None:
        # "I clung to him, and said, “Q”": the narrator's own "I" in the turn's narration.
        start = doc.paragraphs[turn.p][0]
        own = list(_FIRST_PERSON.finditer(doc.text, start, turn.links[0].start))
        if own:
            rep = Mention(own[-1].start(), own[-1].end(), own[-1].group(), kind="pronoun")
    for link, (speaker, rule) in zip(turn.links, orig, strict=True):
        if link.kind == "other":
            continue
        ref = link.referent
        if (
            speaker is not None
            and _kin_head(speaker)
            and ref is not None
            and ref.kind == "name"
            and ref.start in ch.starts_seen
        ):
            continue  # "her mother" read as "Mrs. Dorn": that name, not one merged with it
        if (
            speaker is not None
            and speaker.kind == "name"
            and rule not in EXPLICIT
            and speaker.start not in ch.starts_seen
        ) or (
            speaker is not None
            and rule not in EXPLICIT
            and _guessed_pronoun(doc, turn, speaker, ch)
        ):
            # A name guessed from the paragraph ("Mary looked at Tom. “Q”" gave the
            # nearest, Tom) weighed in the decoding as a bonus: the decoded one speaks.
            # So does one of the other sex than a pronoun guessed from a sentence of
            # its own (`_guessed_pronoun`).
            speaker = None
        if speaker is None:
            new_rule = "turn_taking" if dialogue else "narration_subject"
            link.speaker = link.referent = rep
            link.rule = new_rule
            link.confidence = CONFIDENCE[new_rule]
        elif speaker.kind == "pronoun":
            g = _SPEAKER_GENDER.get(speaker.text.lower())
            if g is None or ch.narrator or ch.gender == _OPPOSITE[g]:
                continue
            link.referent = rep
        elif (
            speaker.kind == "nominal"
            and ch.kind != "narrator"
            and not (_title_head(speaker) and ref is not None and _bears_title(speaker, ref))
            # "her mother" that `_kin` read as "Mrs. Dorn" keeps her; unread, the decoded
            # one, but not for "her sister" one with a full name of her own ("Ellen Brook
            # ... her sister" is no "Jane Hart": `_kin` found no Brook sister).
            and not (
                _kin_head(speaker)
                and (
                    (ref is not None and ref.kind == "name")
                    or (_sibling_noun(speaker) and _full_named(ch))
                )
            )
        ):
            if ch.kind == "nominal" or ch.gender != _OPPOSITE.get(_nominal_gender(speaker), ""):
                link.referent = rep if _named(ch) else speaker


def _guessed_pronoun(doc: Document | None, turn: _Turn, speaker: Mention, ch: _Char) -> bool:
    """Whether ``speaker``, a "he"/"she" the paragraph gave an untagged turn, is no
    speaker of it when the decoding chose ``ch``, of the other sex: a pronoun in a
    sentence of its own beside the quotation is as often the one spoken to ("“Q.” He
    frowned and looked away.") as the speaker. One in a quotation's own sentence
    ("“Q,” was her answer as she rose") stays: it is all but a tag."""
    if doc is None or speaker.kind != "pronoun" or ch.narrator:
        return False
    sex = _SPEAKER_GENDER.get(speaker.text.lower())
    if sex is None or ch.gender != _OPPOSITE.get(sex):
        return False
    starts = [s for s, _ in doc.sentences(turn.p)]
    k = bisect_right(starts, speaker.start)
    return not any(
        bisect_right(starts, link.start) <= k <= bisect_right(starts, max(link.start, link.end - 1))
        for link in turn.links
    )


def _named(ch: _Char) -> bool:
    """A character a description can be: one with a name, or a designation ("the old
    lady" is "the Grandmother" of the turns before)."""
    return ch.kind == "name" or ch.designated


def _definite(orig: Sequence[tuple[Mention | None, str | None]]) -> bool:
    """Whether the turn's description is "the X", no kin noun ("his father" is
    someone else's father in each scene)."""
    m = next((sp for sp, _ in orig if sp is not None and sp.kind == "nominal"), None)
    return m is not None and m.text.split()[0].lower() == "the" and not _kin_head(m)


# "the man |with the black beard", "the gentleman |in the white waistcoat": a prepositional
# phrase with "the" that ends at a stop, after a definite description in a tag.
_POSTMODIFIER = regex.compile(
    r"[ \t\r\n]+(?:in|with|on|at|from)[ \t\r\n]+the[ \t\r\n]+"
    r"((?:[\p{Ll}\-'’]+[ \t\r\n]+){0,2}[\p{Ll}\-'’]+)(?=[,.;:!?\"“”])"
)
# Words of such a phrase that tell the manner or the time, not the person: "in the same
# tone", "with the utmost calm", "at the moment".
_MANNER_WORDS = frozenset(
    "same most utmost greatest least slightest air tone voice manner way time moment end "
    "first last meantime while".split()
)


def _recurring(doc: Document, fuller: Mention) -> bool:
    """Whether the text names someone by this description with its post-modifier
    POSTMODIFIED_TIMES times or more, as by a name ("the gentleman in the white
    waistcoat"; "the man with the basket" met once is a passer-by)."""
    words = fuller.text.split()
    key = " ".join(words).lower()
    cache: dict[str, bool] | None = getattr(_STATE, "recurrent", None)
    if cache is not None and key in cache:
        return cache[key]
    text = doc.text
    phrase = regex.compile(
        r"(?i)(?<![\p{L}])" + r"[ \t\r\n]+".join(regex.escape(w) for w in words) + "$"
    )
    width = len(fuller.text) + 2 * len(words)
    n = 0
    for start in doc.occurrences(words[-1], TITLE_OCCURRENCES):
        end = start + len(words[-1])
        n += phrase.search(text, max(0, end - width), end) is not None
    found = n >= POSTMODIFIED_TIMES
    if cache is not None:
        cache[key] = found
    return found


def _postmodified(text: str, speaker: Mention) -> Mention | None:
    """ "the man" of "said the man with the black beard." with its post-modifier, or
    None."""
    words = speaker.text.split()
    if len(words) < 2 or words[0].lower() != "the" or not words[-1].islower():
        return None
    m = _POSTMODIFIER.match(text, speaker.end, min(len(text), speaker.end + 50))
    if m is None:
        return None
    said = m.group(1).lower().split()
    if said[0] in _MANNER_WORDS or said[-1] in _MANNER_WORDS:
        return None
    return Mention(speaker.start, m.end(), text[speaker.start : m.end()], "nominal")


def _title_head(m: Mention) -> bool:
    """ "the Colonel": a definite title, resolved to a named person by `_titled`."""
    words = m.text.lower().split()
    lex = _mentions.lexicon()
    return _rank_title(m) is not None or (
        len(words) > 1 and (words[-1] in lex.title_words or words[-1] + "." in lex.title_words)
    )


def _rank_title(m: Mention) -> str | None:
    """ "lady" for "her ladyship", "lord" for "his lordship": a woman or man called by
    rank stands for the one who bears that title ("Lady Dorn"), as "the Colonel" does."""
    words = m.text.lower().split()
    if len(words) < 2 or words[0] not in ("her", "his"):
        return None
    for entry in _lexicon.word_list("rank_nouns.txt"):  # "ladyship lady"
        noun, _, title = entry.partition(" ")
        if words[1] == noun:  # "her ladyship soon afterwards" too
            return title
    return None


def _sibling_noun(m: Mention) -> bool:
    """ "her sister", "his brother": a kin noun `_kin` reads by the possessor's surname."""
    return _lexicon.kin_terms().get(m.text.lower().split()[-1]) == _SIBLING


def _full_named(ch: _Char) -> bool:
    """Whether character ``ch`` has a given name and a surname ("Jane Hart"): its
    cluster's fullest name, not its mentions (a long book has thousands)."""
    best = ch.cluster.best if ch.cluster is not None else None
    return best is not None and len(best.name_words) > 1


def _bears_title(speaker: Mention, ref: Mention) -> bool:
    """ "the Colonel" read as "Colonel Marsh" (`_titled`), not "the old lady" read as a
    woman met before (`_antecedent`): the name carries the title."""
    head = _rank_title(speaker) or speaker.text.lower().split()[-1]
    words = ref.text.split()
    first = words[0].lower().rstrip(".")
    return len(words) > 1 and (first == head or _abbreviates(first, head))


def _nominal_gender(m: Mention) -> str:
    nominal = _mentions.lexicon().nominals.get(m.text.lower().split()[-1])
    return nominal.gender if nominal is not None else "x"
