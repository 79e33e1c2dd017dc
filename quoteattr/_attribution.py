"""Attribution: ordered sieves link each quotation to a cue and a speaker mention.

Each sieve is a small function over the tokens around one quotation; the first
that fires wins and leaves its name in ``Link.rule``. High-precision patterns
come first, conversational guesses last:

==================  ====================================================  ====
rule                pattern                                               conf
==================  ====================================================  ====
quote_cue_mention   “Q,” said X  /  “Q,” X said  /  “Q,” X, the mayor, said  0.95
according_to        according to X, … “Q”  /  “Q,” according to X         0.9
mention_cue_quote   X said: “Q”  /  X told reporters, “Q”                 0.9
cue_clause_quote    X said (that) … “Q” (a quoted fragment: mixed)        0.85
clause_cue_mention  … “Q” for the EU, said X.  /  … “Q” law, X said.      0.85
mention_colon_quote X delivered a message: “Q”  (a colon, no cue verb)    0.7
characterisation    X hailed the deal as a “Q”  /  … as a “Q” by X        0.5
sentence_subject    Japan branded the north an “Q”  (no cue: mixed)       0.5
colon_intro         X said:¶“Q”  (the cue ends the previous sentence)     0.8
same_paragraph      “Q1,” he said. “Q2.”  (Q2 shares Q1's speaker)        0.8
turn_taking         alternating quote paragraphs in a dialogue            0.6
previous_paragraph  a quote paragraph continuing the last speaker         0.6
narration_subject   X laughed.¶“Q”  (the preceding narration's subject)   0.4
paragraph_mention   X smiled. “Q”  (the narration's subject)              0.5
nearest_mention     any name in the sentence (fallback)                   0.3
==================  ====================================================  ====

A pronoun speaker ("she said") is resolved to the nearest compatible named
antecedent, preferring the speaker the dialogue's turn-taking predicts.

Quoted text that is nobody's speech gets kind ``other``: markup values and stage
directions, titles and terms ("Meet the Press", the so-called “deal”), quotations in
single marks in a headline or a subheading, inset verse and inscriptions, a letter
quoted paragraph by paragraph, and, in a story told with dialogue, short quoted
phrases inside narration (a bottle marked “poison”).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Literal

import attrs
import regex

from quoteattr import _lexicon, _mentions
from quoteattr._cues import voice_adjective
from quoteattr._document import Document
from quoteattr._marks import RawQuote
from quoteattr._mentions import lexicon
from quoteattr._models import Mention, MentionKind, QuoteKind, Span
from quoteattr._tokens import NUMBER, PUNCT, WORD, Token, index_at

CONFIDENCE = {
    "quote_cue_mention": 0.95,
    "according_to": 0.9,
    "mention_cue_quote": 0.9,
    "clause_cue_mention": 0.85,
    "characterisation": 0.5,
    "sentence_subject": 0.5,
    "cue_clause_quote": 0.85,
    "mention_colon_quote": 0.7,
    "colon_intro": 0.8,
    "same_paragraph": 0.8,
    "turn_taking": 0.6,
    "previous_paragraph": 0.6,
    "narration_subject": 0.4,
    "paragraph_mention": 0.5,
    "nearest_mention": 0.3,
    "in_statement": 0.5,
}
# Titles quoted earlier in a sentence that a quotation's search for its cue steps over.
_TITLES_SKIPPED = 4
# A pronoun speaker resolved to an antecedent is a little less certain.
PRONOUN_FACTOR = 0.9
# Tokens that may sit between a closing mark and a following cue.
TAIL_JOINERS = frozenset([",", "—", "–", "-", "(", ";"])
# Words a quoted phrase may follow and still be a statement of its own.
MAX_SCARE_WORDS = 4


@attrs.define(slots=True)
class Link:
    """A quotation (or reported statement) with its attribution, before records are built."""

    start: int
    end: int
    content_start: int
    content_end: int
    kind: QuoteKind
    closed: bool = True
    segments: tuple[tuple[int, int], ...] = ()
    paragraph: int = 0
    sentence: int = 0
    speaker: Mention | None = None
    cue: Span | None = None
    confidence: float = 0.0
    rule: str | None = None
    # The named mention a pronoun speaker was resolved to (the speaker itself for names).
    referent: Mention | None = None
    # Kind "other" for want of speech around it (a title or term, no cue in its sentence),
    # not for its place (a headline, markup): reported speech around it may claim it.
    term: bool = False
    # Kind "other" for what it is, yet a turn of its scene: words a look "says" ("as much
    # as to say, “Q”") hold a place in the talk, so `_conversation` decodes the turn with
    # the speaker found here (the others' speakers stay as they were), then clears it.
    silent: bool = False


@attrs.define(slots=True)
class _Found:
    rule: str
    speaker: Mention | None
    cue: Span | None = None
    direct: bool = True
    # What a relative pronoun speaker stands for: "Trump, who has called it …"
    referent: Mention | None = None


class _Context:
    """The tokens of one paragraph and the quotations in it."""

    __slots__ = (
        "_clauses",
        "_cues",
        "_likely",
        "_singular",
        "doc",
        "double_marks",
        "end",
        "p",
        "quotes",
        "start",
        "starts",
        "tokens",
    )

    def __init__(
        self, doc: Document, p: int, quotes: Sequence[RawQuote], double_marks: bool = True
    ) -> None:
        self.doc = doc
        # The document quotes in double marks: single marks at the top level are rare.
        self.double_marks = double_marks
        self.p = p
        self.start, self.end = doc.paragraphs[p]
        self.tokens = doc.tokens(p)
        self.starts = doc.token_starts(p)
        self.quotes = quotes
        self._cues: list[int] | None = None
        self._clauses: list[int] | None = None
        self._likely: list[Mention] | None = None
        self._singular: tuple[list[Mention], list[int]] | None = None

    def likely_speakers(self) -> list[Mention]:
        """The narration's names of the best tier, computed once: subjects of a cue
        ("Fells told Fox News in Milwaukee") before people ("Mr. Quick") before places;
        names after "to", "with", "at" … ("turned to Anne") are left out."""
        if self._likely is None:
            found = [
                m for m in narration_mentions(self.doc, self.p) if m.kind in ("name", "pronoun")
            ]
            cues = self.cue_positions()
            tiers: list[list[Mention]] = [[], [], []]
            toks = self.tokens
            for m in found:
                i, j = self.index(m.start), self.index(m.end)
                k = bisect_left(cues, j)
                if (k < len(cues) and cues[k] - j <= 2) or (k > 0 and cues[k - 1] == i - 1):
                    tiers[0].append(m)
                elif i > 0 and toks[i - 1].lower in _OBJECT_PREPOSITIONS:
                    # "sat down beside Ida and whispered “Q”": the one spoken to
                    # or about, seldom the speaker; no candidate at all.
                    continue
                elif m.kind == "pronoun" or _mentions.gender_of(m.text) != "x":
                    tiers[1].append(m)
                else:
                    tiers[2].append(m)
            self._likely = next((t for t in tiers if t), [])
        return self._likely

    def singular_speakers(self) -> tuple[list[Mention], list[int]]:
        """`likely_speakers` without plural pronouns, and their starts, computed once: a
        paragraph of many quotations asks for them once per quotation."""
        if self._singular is None:
            found = [m for m in self.likely_speakers() if not _plural(m)]
            self._singular = (found, [m.start for m in found])
        return self._singular

    def cue_positions(self) -> list[int]:
        """Indices of the tokens where a cue verb starts, computed once."""
        if self._cues is None:
            self._cues = self.doc.cues.verb_starts(self.tokens)
        return self._cues

    def clause_openers(self) -> list[int]:
        """Indices of the clause-opening conjunctions after a comma (", and when"),
        computed once: `_new_clause_between` asks about many ranges of one paragraph."""
        if self._clauses is None:
            toks = self.tokens
            self._clauses = [
                k
                for k in range(1, len(toks))
                if toks[k].lower in _CLAUSE_OPENERS and toks[k - 1].text == ","
            ]
        return self._clauses

    def index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)


# Prepositions whose object is someone spoken to or met, not the speaker. ("of", "by",
# "for", "on", "about", "after", "behind", "near" as well: pdnc_dev -33; not "from":
# "a quote from the mayor".)
_OBJECT_PREPOSITIONS = frozenset("to with beside towards toward at upon".split())


Genre = Literal["auto", "news", "fiction"]
GENRES: tuple[Genre, ...] = ("auto", "news", "fiction")


def attribute(doc: Document, quotations: Sequence[RawQuote], genre: Genre = "auto") -> list[Link]:
    """One `Link` per quotation, in document order (pronouns left for `_conversation`).

    ``genre`` says how short quoted phrases inside narration are read: as terms in
    ``"fiction"``, as speech in ``"news"``; ``"auto"`` decides from the text
    (`_terms_in_narration`)."""
    by_paragraph: dict[int, list[RawQuote]] = {}
    for q in quotations:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    doc.quote_spans = [(q.start, q.end) for q in quotations]
    links: list[Link] = []
    turns: set[int] = set()  # paragraphs that are one unattributed quotation, so far
    # How the body (the paragraphs after a possible headline) quotes.
    body = [q for q in quotations if q.paragraph > 0]
    singles = sum(1 for q in body if q.open_mark in _SINGLE_OPENERS)
    double_marks = 2 * singles <= len(body)
    for p in sorted(by_paragraph):
        ctx = _Context(doc, p, by_paragraph[p], double_marks)
        paragraph_links = [_attribute_one(ctx, i) for i in range(len(ctx.quotes))]
        _coordinated(ctx, paragraph_links)
        _share_within_paragraph(ctx, paragraph_links)
        for link in paragraph_links:
            if link.speaker is not None and is_place(doc, link.speaker):
                # "a porter on the Quayside said": a place speaks for nobody.
                link.speaker = link.referent = link.cue = link.rule = None
            if link.speaker is None and link.kind != "other":
                _paragraph_mention(ctx, link)
            if link.speaker is not None and link.speaker.kind in ("name", "organisation"):
                link.referent = link.speaker  # pronouns and nominals: see _conversation
            elif link.referent is not None and link.referent.kind in ("name", "organisation"):
                pass  # a relative pronoun, resolved by its sieve
        first = paragraph_links[0]
        if first.start == ctx.start and first.speaker is None and len(first.segments) <= 1:
            turns.add(p)
        links.extend(paragraph_links)
    if genre != "news":
        exchanges = sum(1 for p in turns if p + 1 in turns)
        _terms_in_narration(doc, links, exchanges, genre == "fiction")
    _letters(doc, links)
    return links


# A letter quoted paragraph by paragraph: "Dear Mr. Pellow," … "Yours truly,".
_SALUTATION = regex.compile(r"(?i)(?:my[ \t]+)?dear(?:est)?[ \t]+[^,!?;:\n]{1,40},")
# The salutation runs into the letter's first sentence after a dash: "My dear Ann,--I write".
_SALUTATION_DASH = regex.compile(
    r"(?i)(?:my[ \t]+)?dear(?:est)?,?[ \t]+[^,!?;:\n]{1,40},[ \t]*+(?:--|\u2014)"
)
# A salutation that is the whole quotation, without its comma: '“Dearest Kate” [wrote Ann],'.
_SALUTATION_BARE = regex.compile(r"(?i)(?:my[ \t]+)?dear(?:est)?[ \t]+[^,!?;:.\n]{1,40}")
# Words after a paragraph's last quotation that still leave the letter's salutation
# heading it: '“Dearest Kate” [wrote Ann],'.
_TAIL_WORDS = 3


def _short_tail(doc: Document, link: Link) -> bool:
    """At most `_TAIL_WORDS` words follow ``link`` to the end of its paragraph."""
    end = _last_end(link)
    k = _end_paragraph(doc, link)
    if k < 0 or doc.paragraphs[k][1] < end:
        return False
    return len(doc.text[end : doc.paragraphs[k][1]].split()) <= _TAIL_WORDS


def _last_end(link: Link) -> int:
    """Where the quotation's last segment ends."""
    return link.segments[-1][1] if link.segments else link.end


def _end_paragraph(doc: Document, link: Link) -> int:
    """The index of the paragraph where the quotation's last segment ends (-1: none)."""
    return bisect_right(doc.paragraphs, (_last_end(link),)) - 1


_CLOSING = regex.compile(
    r"(?i)(?:(?:ever|always)[ \t]+)?(?:yours|your[ \t]+(?:affectionate|loving|devoted|"
    r"sincere|faithful|obedient|friend)|sincerely|faithfully|affectionately)[^.!?;:\n]{0,30},?"
)
# "Believe me," before the closing; "Your anxious and loving cousin,": up to three words
# between "your" and the writer's tie to the reader.
_CLOSING_MORE = regex.compile(
    r"(?i)believe[ \t]+me(?:[ \t]+(?:ever|always|still))?,?|your[ \t]+(?:[a-z]+[ \t]+){0,3}"
    r"(?:affectionate|loving|devoted|faithful|obedient|grateful|humble|friend|cousin|sister|"
    r"brother|daughter|son|niece|nephew|aunt|uncle|mother|father|wife|husband|servant)"
    r"[^.!?;:\n]{0,20},?"
)
# A letter's heading: where and when it was written, a paragraph each before the
# salutation ("Elm Lodge," ¶ "Tuesday." ¶ "Dearest Ann,").
_HEADING_PARAGRAPHS = 2
_LETTER_PARAGRAPHS = 20


def _closing(text: str, link: Link) -> bool:
    """The quotation is a letter's closing, alone or with its signature on the next line
    ("Your brother,\n      FRANK.")."""
    start, end = link.content_start, link.content_end
    line = text.find("\n", start, end)
    if line >= 0 and 0 < len(text[line:end].split()) <= MAX_SCARE_WORDS:
        end = len(text[start:line].rstrip()) + start
    return (
        _CLOSING.fullmatch(text, start, end) is not None
        or _CLOSING_MORE.fullmatch(text, start, end) is not None
    )


def _heading(doc: Document, links: Sequence[Link], i: int) -> int:
    """How many of the quotations before ``links[i]`` head a letter: short paragraphs, one
    quotation each, every word capitalised or a number, in the paragraphs right before it
    (a place, a date), the first of them after a paragraph that is not a quotation."""
    n = 0
    while n < _HEADING_PARAGRAPHS and i - n - 1 >= 0:
        link, nxt = links[i - n - 1], links[i - n]
        words = doc.text[link.content_start : link.content_end].split()
        if (
            not _whole_paragraph(doc, link)
            or nxt.paragraph != link.paragraph + 1
            or not 0 < len(words) <= MAX_SCARE_WORDS
            or not all(w[0].isupper() or w[0].isdigit() for w in words)
            or words[-1].endswith(("?", "!"))
        ):
            break
        n += 1
    if n and i - n - 1 >= 0:
        before = links[i - n - 1]
        if before.kind != "other" and _end_paragraph(doc, before) == links[i - n].paragraph - 1:
            return 0  # the heading goes on from a quotation: dialogue ("Yes." ¶ "Dear Tom,")
    return n


def _letters(doc: Document, links: list[Link]) -> None:
    """A letter quoted paragraph by paragraph, each paragraph in its own marks, from its
    salutation ("Dear Mr. Pellow,") to its closing ("Yours truly,"), is a document read
    or written, not speech: kind other; so is a salutation alone in its paragraph before
    unquoted text. With a heading (a place or a date, a paragraph each, right before the
    salutation) it is a letter without a closing too, to the last paragraph of the run,
    and the salutation may run on into the first sentence after a dash."""
    text, paragraphs = doc.text, doc.paragraphs
    i = 0
    while i < len(links):
        first = links[i]
        j = i
        whole = _whole_paragraph(doc, first)
        if not whole:
            if first.start != paragraphs[first.paragraph][0]:
                i += 1
                continue
            # The salutation opens the paragraph; its other quotations ('“Dear Ann,” it
            # ran, “we are well.”') end it. Only the paragraph's first quotation gets here.
            while j + 1 < len(links) and links[j + 1].paragraph == first.paragraph:
                j += 1
            if not _ends_paragraph(doc, links[j]) and not _short_tail(doc, links[j]):
                i = j + 1
                continue
        alone = whole and _SALUTATION.fullmatch(text, first.content_start, first.content_end)
        head = _heading(doc, links, i) if whole else 0
        opening = _SALUTATION.match(
            text, first.content_start, first.content_end
        ) or _SALUTATION_BARE.fullmatch(text, first.content_start, first.content_end)
        if (
            not alone
            and not (head and _SALUTATION_DASH.match(text, first.content_start, first.content_end))
            and not opening
        ):
            i += 1
            continue
        closed = False
        while j + 1 < len(links) and j - i < _LETTER_PARAGRAPHS:
            prev, nxt = links[j], links[j + 1]
            last = bisect_right(paragraphs, (prev.end,)) - 1
            if not _whole_paragraph(doc, nxt) or nxt.paragraph != last + 1:
                break
            j += 1
            if _closing(text, nxt):
                closed = True
                break
        if closed:
            while j + 1 < len(links) and _closing(text, links[j + 1]):
                j += 1  # "Believe me," ¶ "Your loving cousin,"
            if j + 1 < len(links) and _signature(doc, links[j], links[j + 1]):
                j += 1  # "Yours truly," ¶ "Ann Webb."
        if not closed and not head and not alone:
            i += 1  # "Dear Tom, you are late.": a reply, unless a closing ends the run
            continue
        # Without a closing in marks, a paragraph that is only "Dear Joan," before a
        # paragraph with no quotation at its start: a letter whose text follows unquoted.
        lone = not closed and not head and _unquoted_after(doc, links, i)
        letter = links[i - head : j + 1] if closed or head else [first] if lone else []
        for link in letter:
            link.kind = "other"
            link.speaker = link.referent = link.cue = link.rule = None
            link.confidence = 0.0
        i = j + 1 if closed or head else i + 1


def _unquoted_after(doc: Document, links: Sequence[Link], i: int) -> bool:
    """The paragraph after ``links[i]``'s does not open with a quotation."""
    p = bisect_right(doc.paragraphs, (links[i].end,))
    if p >= len(doc.paragraphs):
        return False
    start = doc.paragraphs[p][0]
    return not (i + 1 < len(links) and links[i + 1].start <= start + 1 <= links[i + 1].end)


def _signature(doc: Document, closing: Link, link: Link) -> bool:
    """``link`` is a name signing the letter: a short paragraph right after the closing."""
    last = bisect_right(doc.paragraphs, (closing.end,)) - 1
    words = doc.text[link.content_start : link.content_end].split()
    return (
        _whole_paragraph(doc, link)
        and link.paragraph == last + 1
        and 0 < len(words) <= MAX_SCARE_WORDS
        and not doc.text[link.content_start : link.content_end].rstrip().endswith(("?", "!"))
    )


def _whole_paragraph(doc: Document, link: Link) -> bool:
    """The quotation opens its paragraph and its last segment ends one."""
    start, _ = doc.paragraphs[link.paragraph]
    return link.start == start and _ends_paragraph(doc, link)


def _ends_paragraph(doc: Document, link: Link) -> bool:
    """The quotation's last segment ends a paragraph."""
    k = _end_paragraph(doc, link)
    return k >= 0 and doc.paragraphs[k][1] == _last_end(link)


# Four pairs of adjacent paragraphs that are each one unattributed quotation: a dialogue
# (a news story may list three or four quotations one per line).
_DIALOGUE_EXCHANGES = 4
# Narration told in the past tense, with next to no numbers or dates: a story. News
# narrates in the present perfect and the present ("has said", "is expected") beside its
# past, and dates and counts things; a novel's narration is "was", "were", "had".
# (`re`, not `regex`: this scan runs over whole texts and `re` is twice as fast here.)
# Every alternative starts with its own first character, so the engine skips to the
# next character that starts a word of the list instead of trying every position;
# `(?<!\w.)` after that character is `(?<!\w)` before it.
_PAST_WORDS = ("was", "were", "had")
_PRESENT_WORDS = ("is", "are", "has", "have", "will")
_DATE_WORDS = (
    "January February March April June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
).split()


def _tense_words() -> re.Pattern[str]:
    rests: dict[str, list[str]] = {}
    for w in _PAST_WORDS + _PRESENT_WORDS:
        for first in (w[0].upper(), w[0]):
            rests.setdefault(first, []).append(w[1:])
    for w in _DATE_WORDS:
        rests.setdefault(w[0], []).append(w[1:])
    for digit in "0123456789":
        rests.setdefault(digit, []).append("[0-9]*")
    branches = [f"{first}(?<!\\w.)(?:{'|'.join(rest)})" for first, rest in rests.items()]
    return re.compile(f"(?:{'|'.join(branches)})(?!\\w)")


_TENSE_WORDS = _tense_words()
_PAST = frozenset(w for p in _PAST_WORDS for w in (p, p.capitalize()))
_PRESENT = frozenset(w for p in _PRESENT_WORDS for w in (p, p.capitalize()))
_STORY_PAST = 15  # past-tense auxiliaries in the narration, at least
_STORY_PAST_SHARE = 1.5  # times the present-tense ones (plus one)
_STORY_DATES = 1.0  # numbers and dates per 1,000 characters of narration, at most
_STORY_DIGITS = 5.0  # digits per 1,000 characters of the whole text: news, no need to look
# Or prose punctuated like a novel: a long text with semicolons and next to no digits.
# News style avoids the semicolon (at most 1.0 per 1,000 characters in 3,000 PolNeAR and
# BBC articles of 5,000 characters or more) and counts things.
_PROSE_LENGTH = 5000
_PROSE_SEMICOLONS = 1.0  # per 1,000 characters, at least
_PROSE_DIGITS = 1.0  # per 1,000 characters, at most


def _told_as_story(doc: Document) -> bool:
    """Whether the narration (the text outside quotations) reads as a story: mostly in
    the past tense ("was", "had"), with next to no numbers or dates; or whether a long
    text is punctuated like a novel (semicolons, next to no digits), whatever its tense.
    Read once per document (attribution and conversation both ask)."""
    return doc.once(("story",), lambda: _reads_as_story(doc))


def _reads_as_story(doc: Document) -> bool:
    text = doc.text
    digits = sum(map(text.count, "0123456789"))
    if digits * 1000 > _STORY_DIGITS * len(text):
        return False
    if (
        len(text) >= _PROSE_LENGTH
        and digits * 1000 <= _PROSE_DIGITS * len(text)
        and text.count(";") * 1000 >= _PROSE_SEMICOLONS * len(text)
    ):
        return True
    if sum(map(text.count, _PAST)) < _STORY_PAST:
        # Fewer past forms in the whole text than a story needs in its narration (a
        # bound: every "was" is an occurrence of the string): no need to read the words.
        return False
    past = present = dated = narration = 0
    pos = 0
    for start, end in [*doc.quote_spans, (len(text), len(text))]:
        if start > pos:
            narration += start - pos
            for word in _TENSE_WORDS.findall(text, pos, start):
                if word in _PAST:
                    past += 1
                elif word in _PRESENT:
                    present += 1
                else:
                    dated += 1
        pos = max(pos, end)
    return (
        past >= _STORY_PAST
        and past >= _STORY_PAST_SHARE * (present + 1)
        and dated * 1000 <= _STORY_DATES * max(1, narration)
    )


# Words a look or a gesture "says" in a story: nobody speaks them ("looked round, as much
# as to say, “Who asked you?”", "his eyes seemed to say", "as who should say").
_IMAGINED = regex.compile(
    r"(?i)\b(?:seem(?:s|ed|ing)?[ \t\n]+to[ \t\n]+say|as[ \t\n]+(?:much[ \t\n]+as|if)"
    r"[ \t\n]+to[ \t\n]+say|as[ \t\n]+who[ \t\n]+should[ \t\n]+say)[,:;\-\u2014 \t\n]*+$"
)
_IMAGINED_REACH = 30
# Rules that give a quoted fragment a speaker without a speech verb governing it.
_NO_CUE = frozenset([None, "sentence_subject", "paragraph_mention"])


def _terms_in_narration(
    doc: Document, links: list[Link], exchanges: int, story: bool = False
) -> None:
    """In a story, a short quoted phrase inside a narration sentence (the bottle was
    marked “poison”, a coat called a “Chesterfield”) names a thing or echoes a word; the
    characters' speech stands in its own quotations. News quotes its sources' words in
    fragments ("called the plan “a fantasy”"): they stay speech. A story is a document
    with dialogue (`_DIALOGUE_EXCHANGES`) or narration told like one (`_told_as_story`),
    or any document when ``story`` (the caller said it is fiction)."""
    if not _in_story(doc, exchanges, story):
        # News: nothing found below would be applied. Asked first, as its answer is
        # cheaper than the tests of every quotation (most news counts things: digits).
        return
    text = doc.text
    terms: list[Link] = []
    silent: list[Link] = []  # not spoken, yet a turn of the talk
    prev: Link | None = None
    read: Link | None = None  # the last quotation read out by an "it" (`_read_out_by_it`)
    for link in links:
        last, prev = prev, link
        if link.kind != "other" and (
            _after_written_cue(text, link.start)
            or _written_after(text, link.end)
            or _writing_tag(text, link)
            or _WRITTEN_INTRO.search(text, max(0, link.start - _WRITTEN_INTRO_REACH), link.start)
            or _signed_off(doc, link)
        ):
            terms.append(link)  # the note ran, “Come at once.”: read, not spoken
            continue
        if link.kind != "other" and _IMAGINED.search(
            text, max(0, link.start - _IMAGINED_REACH), link.start
        ):
            silent.append(link)  # she looked round, as much as to say, “Who asked you?”
            continue
        if link.kind != "other" and _AS_EXPRESSED.search(
            text, max(0, link.start - _AS_EXPRESSED_REACH), link.start
        ):
            silent.append(link)  # as he put it, “camped”: the narrator borrows a word
            continue
        if link.kind != "other" and _read_out_by_it(doc, link, read):
            terms.append(link)  # he read it. ¶ “Come at six,” it said: the note's words
            read = link
            continue
        if link.kind != "other" and _overheard(doc, link):
            terms.append(link)  # catching scraps of talk: ¶ “… the flat after all.”
            continue
        if link.kind != "other" and _unspoken(text, link):
            silent.append(link)  # she didn't say “never”; the old adage, “waste not”
            continue
        if link.kind == "other" or len(link.segments) > 1 or text.startswith("_", link.start):
            continue  # "cry aloud, _Halloo_": `_marks` took the italics for the words cried
        if link.cue is None and _in_capitals(text, link.content_start, link.content_end):
            terms.append(link)  # “THE MILL” stood empty: a name on a sign, nobody's words
            continue
        if last is not None and _joined_to_speech(text, last, link):
            continue  # “Lovely,” the girls whispered, and “charming.”: more of the same
        after_term = last is not None and (last.kind == "other" or (terms and terms[-1]) is last)
        if _phrase_in_narration(doc, link, after_term):
            terms.append(link)  # sent home “on account of his health.”: the narrator's words
            continue
        words = text[link.content_start : link.content_end].split()
        if (
            len(words) > MAX_SCARE_WORDS
            and link.rule not in _NO_CUE
            and not _after_determiner(text, link.start)
            and not (_title_like(words) and _named_by_word(text, link))
        ):
            continue
        before = text[max(0, link.start - 2) : link.start].rstrip()
        if not before or not before[-1].isalnum():
            continue  # after a comma, a colon or a dash: a reply goes on ("said he; “no.”")
        if link.kind == "direct" and not _named_by_word(text, link):
            continue
        if _uttered(text, link):
            continue  # Tom only said “Ow!”: a short utterance after the verb, no comma
        terms.append(link)
    for link in silent:
        # Its speaker stays for `_conversation` to weigh the turn, which then clears it.
        link.kind = "other"
        link.silent = True
    for link in terms:
        link.kind = "other"
        link.speaker = link.referent = link.cue = link.rule = None
        link.confidence = 0.0


def _in_story(doc: Document, exchanges: int, story: bool) -> bool:
    """Whether `_terms_in_narration` applies: the caller said fiction, the document has
    dialogue, or its narration is told like a story."""
    return story or exchanges >= _DIALOGUE_EXCHANGES or _told_as_story(doc)


# A verb of speaking (`uttered_verbs.txt`) right before a quotation, up to four words
# between and no comma: "Tom only said “Ow!”", "a voice from within answered “Yes.”",
# "uttered a rapid “I know.”". Not an infinitive or a modal's verb ("as soon as you can
# say “Go!”", "tried saying “Aha!”" is still a verb, "to say “Yes,”" is not), nor a noun
# ("a cry of “Fire!”").
_UTTERED_BEFORE = regex.compile(
    r"(?i)\b(?:"
    + "|".join(sorted(_lexicon.word_list("uttered_verbs.txt"), key=lambda w: (-len(w), w)))
    + r")(?:[ \t\n]++[\w\u2019'-]++){0,4}?[ \t\n]*+$"
)
_UTTERED_NOT = regex.compile(
    r"(?i)\b(?:(?:to|can|could|would|might|will|shall|should|must|of|without)[ \t\n]+"
    r"(?:\w+[ \t\n]+)?(?:say|saying|cry|answer|reply|ask)"
    r"|(?:a|an|the|his|her|their|its|one)[ \t\n]+(?:\w+[ \t\n]+)?(?:cry|answer|reply))\b"
)
_UTTERED_REACH = 60
# A clause of its own between the verb and the quotation: "He said the inn was named
# “The Bell,”" names a thing.
_UTTERED_GAP = frozenset(
    "that was were is are be been named called known titled entitled marked labelled".split()
)


def _uttered(text: str, link: Link) -> bool:
    """The quotation is a whole short utterance (a capital, then a closing stop, comma or
    mark of its own) right after a verb of speaking with no comma between."""
    if link.rule != "cue_clause_quote":
        return False  # the verb's own clause, with its subject, before the quotation
    said = text[link.content_start : link.content_end].strip(" \t\n_")
    if not said[:1].isupper() or not said.endswith((".", "!", "?", ",")):
        return False
    start = max(0, link.start - _UTTERED_REACH)
    verb = _UTTERED_BEFORE.search(text, start, link.start)
    if verb is None or _UTTERED_NOT.search(text, start, link.start) is not None:
        return False
    between = text[verb.start() : link.start].split()[1:]
    return not any(w.lower() in _UTTERED_GAP for w in between)


def _phrase_in_narration(doc: Document, link: Link, after_term: bool) -> bool:
    """The quotation goes on a narration sentence after a comma, in lower case, with no
    speech cue in that sentence and no quotation before it there but a term (``after_term``)
    ("his aunt kept him home for a week, “on account of his chest.”"): a borrowed phrase,
    not a turn. After a tag ("said Mrs. Fenn, “and shut the door.”") the cue is in the
    sentence; after a quotation's tag ("“Ah, but,” put in his wife, “let her go.”") the
    quotation before is."""
    text = doc.text
    if link.kind != "direct" or len(link.segments) > 1:
        return False
    if not text[link.content_start : link.content_start + 1].islower():
        return False
    sentences = doc.sentences(link.paragraph)
    ss, se = sentences[max(0, bisect_left(sentences, (link.start + 1,)) - 1)]
    before = text[ss : link.start].rstrip()
    if not before.endswith(",") or not before[-2:-1].isalnum():
        return False
    if len(doc.quotes_in(ss, link.start)) > after_term:
        return False  # “Ah, but,” put in his wife, “let her go.”: the tag's own sentence
    cue = link.cue
    if cue is None or cue.end <= ss or cue.start >= se:
        return True
    # A full stop closes the quoted phrase's sentence: a cue after it is the next one's.
    said = text[link.content_start : link.content_end].rstrip(_INNER_CLOSERS)
    return cue.start >= link.end and said.endswith(".")


# An article or a possessive right before a quotation makes it a noun phrase's head:
# "kept up a “yo-ho, yo-ho”", "keep my “eye on the road”".
_DETERMINERS = frozenset("a an the my his her their our your".split())


def _after_determiner(text: str, start: int) -> bool:
    """The word right before ``start`` is an article or a possessive."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower() in _DETERMINERS


def _named_by_word(text: str, link: Link) -> bool:
    """The quotation follows a naming word ("a room called “the study”", "known as
    “the long winter”") and is no call ("called “Halt!”")."""
    words = text[max(0, link.start - 40) : link.start].split()
    if words and words[-1].lower() == "as":
        words.pop()
    if not words or words[-1].lower() not in _lexicon.word_list("naming_words.txt"):
        return False
    return text[link.content_start : link.content_end].rstrip(_INNER_CLOSERS)[-1:] not in "!?"


# Between two quotations of one sentence: the first one's tag, if any, then "and"/"or"
# ("“Q1,” the girls whispered, and “Q2”", "“Q1;” and “Q2”").
_JOINED_TO_SPEECH = regex.compile(r"\s*+(?P<tag>[^\"“”.!?;:\n]{1,60}?,\s*+)?(?:and|or|nor)\s++")


def _joined_to_speech(text: str, before: Link, link: Link) -> bool:
    """``link`` goes on from the speech ``before`` in the same sentence: after that
    quotation's own tag and "and" ("“Lovely,” the girls whispered, and “charming.”"),
    or right after it and "and"/"or" when it ends like a sentence ("“Stop the
    cart!” or “Stop the horse!”"), not in a list of words ("“yes” or “no”")."""
    if before.kind not in ("direct", "mixed") or before.paragraph != link.paragraph:
        return False
    m = _JOINED_TO_SPEECH.fullmatch(text, before.end, link.start)
    if m is None:
        return False
    if m.group("tag") is not None:
        cue = before.cue
        return cue is not None and before.end <= cue.start and cue.end <= link.start
    said = text[before.content_start : before.content_end].rstrip(_INNER_CLOSERS)
    return said[-1:] in ("!", "?", ".", ";", "…")


# Words nobody says aloud here: unsaid ("she didn't say “Q”", "he never answered, “Q”"),
# a thought in the conditional ("he would think, “Q”"), a saying of "we" or of the
# reader ("we used to say, “Q”", "“Q” you will exclaim", "“Q,” as they say"), a proverb
# ("the homely adage, “Q”", "a gold motto on it, “Q”").
_UNSPOKEN_BEFORE = regex.compile(
    r"(?i)(?:\b(?:did|do|does|could|would|dared|need)(?:[ \t\n]*n[o'\u2019]t|[ \t\n]+not)"
    r"[ \t\n]+(?:say|ask|answer|reply|add|exclaim|utter|tell[ \t\n]+\w+)"
    r"|\b(?:never|not)[ \t\n]+(?:said|asked|answered|replied|added|exclaimed|uttered)"
    r"|\bwe[ \t\n]+(?:used|began|came|learned|learnt)[ \t\n]+to[ \t\n]+(?:say|call[ \t\n]+\w+)"
    r"|\b(?:he|she|they|I|we|you)[ \t\n]+would[ \t\n]+think|\bput[ \t\n]+into[ \t\n]+words"
    r"|\byou[ \t\n]+(?:will|would|may|might|must)[ \t\n]+(?:say|exclaim|ask|reply|cry)"
    r"|\b(?:the|an?|this|that|our|his|her|their|old|homely|golden|family)[ \t\n]+"
    r"(?:\w+[ \t\n]+)?(?:adage|proverb|maxim|motto)"
    # words wished, meant or imagined, not said: "he felt like answering:", "she had
    # almost said", "might have said:", "her eyes said:", "a smile which meant,"
    r"|\b(?:(?:would|might|could|should|must)[ \t\n]+(?:\w+[ \t\n]+)?have"
    r"|felt[ \t\n]+like|(?:wanted|wished|ready|tempted)[ \t\n]+to"
    r"|(?:was|were)[ \t\n]+(?:just[ \t\n]+)?(?:going|about)[ \t\n]+to"
    r"|tongue[ \t\n]+to|lips[ \t\n]+to|nearly|almost(?:[ \t\n]+ready[ \t\n]+to)?"
    r"|(?:how|why)[ \t\n]+(?:could|did|should|would)[ \t\n]+(?:he|she|I|they|we)"
    r"(?:[ \t\n]+not)?"
    r"|as[ \t\n]+if[ \t\n]+(?:\w+[ \t\n]+){1,3}?(?:had|were|was)"
    r"|imagin(?:e|ed)[ \t\n]+(?:\w+[ \t\n]+){1,3}?(?:to[ \t\n]+have)?)[ \t\n]+"
    r"(?:say|said|saying|add|added|adding|answer|answered|answering|reply|replied|ask|"
    r"exclaim|exclaimed|cry|cried|shout|shouting|retort)"
    r"|\b(?:eyes|look|looks|glance|gesture|attitude)[ \t\n]+(?:said|says)"
    r"|\b(?:meant|implied|signified|expressed)(?=[ \t\n]*[,:]))\b"
    r"[^.!?;\"\u201c\u201d\u2018\u2019]{0,25}?[,:\-\u2014]*[ \t\n]*$"
)
_UNSPOKEN_AFTER = regex.compile(
    r"[,;]?[ \t\n]*(?:(?:as[ \t\n]+)?(?:you|one)[ \t\n]+(?:will|would|may|might|must)[ \t\n]+"
    r"(?:say|exclaim|ask|reply|cry)|we[ \t\n]+(?:used|began|came|learned|learnt)[ \t\n]+to"
    r"[ \t\n]+(?:say|call)|as[ \t\n]+(?:they|people|folks|we)[ \t\n]+say)\b"
)
_UNSPOKEN_REACH = 60


# Right before the quotation: a form of "be" ("which they said was “Q”", "the gates were
# “made of gold”": what a thing was or was called), a verb of singing or playing (what
# was sung: "hear her sing “Dear Old Home”"), a request's "to" ("begged them to “keep
# the peace”": the request reported, its words not given as said).
_AFTER_BE = regex.compile(
    r"(?i)\b(?:(?:was|were|is|are|be|been|being)[ \t\n]+(?:\w+ly[ \t\n]+)?"
    r"(?:thought|considered|deemed|held|reckoned|judged)"  # "it was thought “very English”"
    r"|was|were|is|are|be|been|sings?|sang|sung|singing|hums?|hummed|humming|"
    r"whistled?|whistles|whistling|play(?:s|ed|ing)?|(?:request(?:s|ed)?|beg(?:s|ged)?|"
    r"pray(?:s|ed)?|implor(?:e|es|ed)|entreat(?:s|ed)?|urg(?:e|es|ed)|bid|bade|told|tell|"
    r"ask(?:s|ed)?|invit(?:e|es|ed)|exhort(?:s|ed)?)[ \t\n]+(?:\w+[ \t\n]+){0,2}?to)[ \t\n]*$"
)
_AFTER_BE_REACH = 40


# Words kept back: "instead of saying,", "prevented him from saying,", "on the point of
# saying to her:", "no power of saying", "the smallest temptation to say," — unless the
# verb that follows says them ("Instead of answering her he asked:").
_NOT_SAYING = regex.compile(
    r"(?i)\b(?:instead[ \t\n]+of|from|without|on[ \t\n]+the[ \t\n]+point[ \t\n]+of|"
    r"temptation[ \t\n]+to|power[ \t\n]+of)[ \t\n]+(?:saying|say|exclaiming|answering|"
    r"replying|asking|adding)\b(?:(?!\b(?:asked|said|says|murmured|answered|replied|cried|"
    r"added|exclaimed|whispered)\b)[^.!?;\"\u201c\u201d]){0,25}[,:\-\u2014]*[ \t\n]*$"
)


def _unspoken(text: str, link: Link) -> bool:
    """The quotation is words nobody says aloud in the story (`_UNSPOKEN_BEFORE`,
    `_NOT_SAYING`, `_UNSPOKEN_AFTER`, `_AFTER_BE`)."""
    return (
        _UNSPOKEN_BEFORE.search(text, max(0, link.start - _UNSPOKEN_REACH), link.start) is not None
        or _NOT_SAYING.search(text, max(0, link.start - _UNSPOKEN_REACH), link.start) is not None
        or _AFTER_BE.search(text, max(0, link.start - _AFTER_BE_REACH), link.start) is not None
        or _UNSPOKEN_AFTER.match(text, link.end, min(len(text), link.end + _UNSPOKEN_REACH))
        is not None
    )


# The end of a paragraph in which someone reads a thing ("He frowned when he read it.",
# "she read this:").
_READ_IT = regex.compile(
    r"(?i)\bread(?:s|ing)?[ \t\n]+(?:it|this|them)\b[^.!?;:\"\u201c\u201d]{0,20}?[.:]\s*+$"
)
_READ_IT_REACH = 60


def _read_out_by_it(doc: Document, link: Link, last_read: Link | None) -> bool:
    """A quotation tagged "it said" that opens the paragraph after one ending on someone
    reading it ("He read it. ¶ “Come at six,” it said, “and bring the lamp.”"): the words
    of the thing read, not speech; so is the rest of that tag's quotation (``last_read``:
    the last quotation this rule caught)."""
    speaker = link.speaker
    if speaker is None or speaker.text.lower() != "it" or link.cue is None:
        return False
    last = last_read
    if last is not None and last.paragraph == link.paragraph and last.cue == link.cue:
        return True  # “Come at six,” it said, “and bring the lamp.”
    text = doc.text
    ps = doc.paragraphs[link.paragraph][0]
    if link.paragraph == 0 or text[ps : link.start].strip():
        return False
    qs, qe = doc.paragraphs[link.paragraph - 1]
    return _READ_IT.search(text, max(qs, qe - _READ_IT_REACH), qe) is not None


# The end of a paragraph that sets scraps of others' talk before the reader ("catching odds
# and ends of conversation as they did so.", "the fragments of talk she overheard:"); in
# the plural: "one bit of conversation she overheard" is one exchange, told as speech.
_SCRAPS = regex.compile(
    r"(?i)\b(?:fragments|scraps|snatches|odds[ \t\n]+and[ \t\n]+ends|bits)[ \t\n]+of"
    r"[ \t\n]+(?:\w+[ \t\n]+)?(?:conversation|talk|chatter|gossip|dialogue)\b[^.!?;:\"“”]*+"
    r"[.:]\s*+$"
)
_SCRAPS_REACH = 120


def _overheard(doc: Document, link: Link) -> bool:
    """The quotation is in the paragraph right after one that ends on scraps of talk
    overheard (`_SCRAPS`), and no speech verb of that paragraph governs it: a sample of
    what was heard, nobody's turn."""
    p = link.paragraph - 1
    cue = link.cue
    if p < 0 or (
        cue is not None
        and link.rule not in _NO_CUE
        and cue.start >= doc.paragraphs[link.paragraph][0]
    ):
        return False
    ps, pe = doc.paragraphs[p]
    return _SCRAPS.search(doc.text, max(ps, pe - _SCRAPS_REACH), pe) is not None


# "as he expressed it, “Q”", "as the saying is, “Q”": the narrator borrows the words.
_AS_EXPRESSED = regex.compile(
    r"(?i)\bas[ \t\n]+(?:(?:his|her|their|\w+'s)[ \t\n]+)?\w+[ \t\n]+(?:\w+[ \t\n]+)?"
    r"(?:expressed|put|phrased|worded)[ \t\n]+it,?+[ \t\n]*+$"
    r"|\bas[ \t\n]+the[ \t\n]+saying[ \t\n]+(?:is|goes|has[ \t\n]+it),?+[ \t\n]*+$"
)
_AS_EXPRESSED_REACH = 40
# "“To Ann, from her friends,” was engraved upon it": a text written on a thing.
_WRITTEN_AFTER = regex.compile(
    r"[ \t\n]*+(?:was|were|is|are)[ \t\n]+(?:\w+[ \t\n]+)?"
    r"(?:engraved|inscribed|written|printed|painted|carved|stamped|scrawled|lettered)\b"
)
_WRITTEN_REACH = 30


def _written_after(text: str, end: int) -> bool:
    """The quotation ending at ``end`` is the subject of a verb of writing in the passive
    ("“Q” was engraved upon it")."""
    return _WRITTEN_AFTER.match(text, end, min(len(text), end + _WRITTEN_REACH)) is not None


# A quotation tagged with a verb of writing ("“Q,” she wrote", "wrote Ann, “Q”"): what
# the writer set down, not speech. Not "written"/"writing" ("she said, giving him the
# sheet she had written, “Q”": a participle of the narration), nor "he read" (RiQuA counts
# a word read out as said).
_WRITING_RULES = frozenset(["quote_cue_mention", "mention_cue_quote"])
_WRITING_REACH = 40


def _writing_tag(text: str, link: Link) -> bool:
    """The quotation's cue is a verb of writing in a tag right before or after it."""
    cue = link.cue
    if cue is None or link.rule not in _WRITING_RULES:
        return False
    if text[cue.start : cue.end].lower() not in _lexicon.word_list("writing_verbs.txt"):
        return False
    return -_WRITING_REACH <= cue.start - link.end <= _WRITING_REACH or (
        0 <= link.start - cue.end <= _WRITING_REACH
    )


# A letter given whole in one quoted paragraph ends on its closing and signature:
# "… I long to see you.   Yours ever, Mary.", "… by the mail.   Yours, etc."
_SIGNED_OFF = regex.compile(
    r"(?:^|[.!?][ \t\n]+|[ \t]{2,}|--[ \t\n]*)(?:(?:[Ee]ver|[Aa]lways)[ \t\n]+)?"
    r"(?:[Yy]ours(?:[ \t\n]+(?:ever|truly|sincerely|faithfully|affectionately|devotedly|"
    r"etc\.?))?|[Yy]our[ \t\n]+(?:affectionate|loving|devoted|sincere|faithful|obedient|"
    r"humble)(?:[ \t\n]+\w+){0,2}),?(?:[ \t\n]*,?[ \t\n]*(?:etc\.|my[ \t\n]+dearest"
    r"[ \t\n]+\w+|[A-Z][\w.\-]*(?:[ \t\n]+[A-Z][\w.\-]*){0,2}))?[.,]?[ \t\n]*$"
)
_SIGNED_OFF_REACH = 80
_SIGNED_OFF_WORDS = 8


def _signed_off(doc: Document, link: Link) -> bool:
    """The quotation is a paragraph of its own, of eight words or more, that ends on a
    letter's closing ("Yours ever, Mary.")."""
    text = doc.text
    start, end = link.content_start, link.content_end
    return (
        _whole_paragraph(doc, link)
        and len(text[start:end].split(None, _SIGNED_OFF_WORDS)) > _SIGNED_OFF_WORDS
        and _SIGNED_OFF.search(text, max(start, end - _SIGNED_OFF_REACH), end) is not None
    )


# What a text read, ran or contained, given after it: "the scroll read as follows:",
# "it contained the words:", "consisted entirely of the words:" (not "spoke as follows:").
_WRITTEN_INTRO = regex.compile(
    r"(?i)\b(?:read|reads|ran|runs|contained|contains|consisted[ \t\n]+(?:\w+[ \t\n]+)?of"
    r"|inscribed[^.!?\"\u201c\u201d]{0,30}?)[ \t\n]+(?:as[ \t\n]+follows"
    r"|(?:the|these)[ \t\n]+(?:following[ \t\n]+)?words|the[ \t\n]+following)"
    r"[ \t]*+[:.]?(?:--|\u2014)?[ \t\n]*+$"
)
_WRITTEN_INTRO_REACH = 80


def _after_written_cue(text: str, start: int) -> bool:
    """The quotation at ``start`` follows a word of reading or writing ("he read:",
    "the note ran,", "was written"), at most a comma, colon or dash between."""
    words = text[max(0, start - 30) : start].split()
    if words and words[-1] in ("--", "\u2014", "-"):
        words.pop()
    if not words:
        return False
    return words[-1].rstrip(",:-\u2014").lower() in _lexicon.word_list("written_cues.txt")


# A news dateline opening a paragraph: a place in capitals ("NEW YORK", "JACKSON, Miss.",
# "WASHINGTON, Dec. 8 (UPI)") or a place with an agency ("Washington (AFP)"), then a dash.
_DATELINE = regex.compile(
    r"(?:[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+){0,3}(?:,[^\n\-–—()]{1,30}?)?"
    r"(?:[ \t]*\([^()\n]{1,20}\))?"
    r"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}(?:,[^\n\-–—()]{1,30}?)?[ \t]*\([^()\n]{1,20}\))"
    r"[ \t]*[\-–—]{1,2}[ \t]"
)
_DATELINE_REACH = 60


# An illustration's caption in a plain-text book: "[Illustration: “Q,” she said]".
_CAPTION = regex.compile(r"\[(?i:illustration|frontispiece)[^\]\n]*+$")
_CAPTION_REACH = 40


def _attribute_one(ctx: _Context, i: int) -> Link:
    q = ctx.quotes[i]
    doc = ctx.doc
    sentences = doc.sentences(ctx.p)
    # Spans are sorted (start, end) pairs: a 1-tuple bisects on the start, no list per quote.
    si = max(0, bisect_left(sentences, (q.start + 1,)) - 1)
    ss, _ = sentences[si]
    if ss - ctx.start < _DATELINE_REACH and ss < q.start:
        dateline = _DATELINE.match(doc.text, ctx.start, q.start)
        if dateline is not None and dateline.end() > ss:
            ss = dateline.end()  # "NEW YORK (AP) — Ruiz said …": the sentence opens after it
    k = i - 1
    # A title quoted earlier in the sentence ("during a “Town Hall Forum” sponsored by NBC
    # and said …") does not cut the sentence: the subject before it still speaks. A few
    # at most: each quotation's search back must not reach over all the ones before it.
    while (
        k >= 0
        and i - k <= _TITLES_SKIPPED
        and ctx.quotes[k].start > ss
        and _a_title(doc.text, ctx.quotes[k])
    ):
        k -= 1
    prev_end = ctx.quotes[k].end if k >= 0 else ctx.start
    next_start = ctx.quotes[i + 1].start if i + 1 < len(ctx.quotes) else ctx.end
    lead = (ctx.index(max(ss, prev_end)), ctx.index(q.start))
    last = max(0, bisect_left(sentences, (q.end,)) - 1)
    tail_end = sentences[last][1]
    ends_sentence = (
        ctx.index(ss) < ctx.index(q.start)
        and doc.text[q.content_start : q.content_end].rstrip().rstrip(_INNER_CLOSERS)[-1:] == "."
    )
    if ends_sentence and last + 1 < len(sentences):
        ends_sentence = doc.text[sentences[last + 1][0] : sentences[last + 1][0] + 1] not in DASHES
    if tail_end <= q.end + 1 and last + 1 < len(sentences) and not ends_sentence:
        # “Q?” Merkley said. — Punkt ends the sentence with the quotation. Not so when
        # words before it lead to a final period: “… release the videos “without delay.”"
        tail_end = sentences[last + 1][1]
    tail_end = min(max(tail_end, q.end), next_start)
    if q.end > ctx.end:  # the quotation ends in a later paragraph: no tail here
        tail = (len(ctx.tokens), len(ctx.tokens))
    else:
        tail = (ctx.index(q.end), ctx.index(tail_end))
    link = Link(
        q.start,
        q.end,
        q.content_start,
        q.content_end,
        "direct",
        q.closed,
        _spoken_segments(doc.text, q),
        q.paragraph,
        si,
    )
    if (
        _not_words(doc.text, q)
        or _in_headline(ctx, q)
        or _capitals_line(ctx, q)
        or _label_line(ctx, q)
        or _with_byline(ctx, q, lead)
        or (i > 0 and _after_byline(doc.text, ctx.quotes[i - 1].end, q.start))
        or _YEAR_AFTER.match(doc.text, q.end, min(ctx.end, q.end + _AFTER_REACH)) is not None
        or _CAPTION.search(doc.text, max(ctx.start, q.start - _CAPTION_REACH), q.start) is not None
    ):
        link.kind = "other"
        return link
    if _labels_a_thing(doc.text, q, ctx.end):
        link.kind = "other"
        link.term = True  # "the senator called it a “Roads First” hat": still his words
        return link
    found = (
        _quote_cue_mention(ctx, q, tail)
        or _according_to(ctx, lead, tail)
        or _named_over_nominal(ctx, lead)
        or _clause_cue_mention(ctx, q, tail)
        or _mention_cue_quote(ctx, lead, weak=True)
        or _mention_colon_quote(ctx, lead)
    )
    if found is not None and found.rule in _RELAYABLE:
        relay = _relayed(ctx, lead, tail, found)
        if relay is not None:
            found = relay
    if found is None and lead[0] == lead[1] == ctx.index(ss) and si > 0:
        found = _colon_intro(ctx, si - 1)
    if found is None and lead[0] == lead[1] and si == 0 and i == 0:
        found = _previous_paragraph_intro(ctx) or _sung_intro(ctx)
    if (found is None or found.rule not in _INTRODUCED) and _inset(ctx, q):
        link.kind = "other"
        return link
    if found is not None and not found.direct and _names_a_work(ctx, q, lead, found.cue):
        found = None  # he called it a so-called “deal”: a term, not his words
    elif (
        found is not None
        and found.direct
        and _in_a_phrase(ctx, lead)
        and _named_thing(ctx, q, lead)
    ):
        found = None  # "On this weekend's broadcast of “Fox News Sunday,” Pence said"
    if found is not None:
        link.rule = found.rule
        link.speaker = found.speaker and _voice_owner(ctx, found.speaker)
        link.referent = found.referent
        link.cue = found.cue
        link.kind = "direct" if found.direct else "mixed"
        link.confidence = CONFIDENCE[found.rule]
        inner = _quoted_inner(doc.text, q, found.cue)
        if inner is not None:
            link.segments = (inner,)
    else:
        link.kind = _kind_without_cue(ctx, q, lead, ctx.index(ss))
        # Not a work's title after its owner or its kind ("ABC's “This Week”", "the
        # reality show “Night Shift”"): a name the writer gives, whoever speaks near it.
        link.term = link.kind == "other" and not (
            lead[1] > lead[0]
            and (_mentions.possessive(ctx.tokens[lead[1] - 1]) or _after_work_noun(ctx, lead))
        )
        subject = _sentence_subject(ctx, ctx.index(ss), lead[1]) if link.kind == "mixed" else None
        if subject is not None:
            # "Japan branded North Korea an “outlaw nation”": the fragment's own sentence
            # names who speaks; a neighbouring sentence's speaker is a worse guess.
            link.speaker = subject
            w = index_at(ctx.tokens, subject.end)
            # The sentence's last speech verb, else the word after the subject:
            # "Reed took to Twitter to accuse the board of “Q”" -> "accuse".
            c = _last_cue(ctx, w + 1, lead[1])
            if c is None:
                c = w
            link.cue = _span(ctx.doc.text, ctx.tokens, c, c + 1)
            link.rule = "sentence_subject"
            link.confidence = CONFIDENCE["sentence_subject"]
        titled = _titled_at(ctx, lead) if link.kind == "mixed" else None
        if titled is not None:
            # "the editorial, entitled “Q,”": the title is the word that names it.
            link.cue = _span(ctx.doc.text, ctx.tokens, titled, titled + 1)
        if link.kind == "mixed" and _characterised(ctx, lead):
            speaker = _characteriser(ctx, ctx.index(ss), lead[1], tail)
            if speaker is not None:
                link.speaker = speaker
                v = _naming_verb(ctx, lead)
                if v is None:
                    v = _characterising_verb(ctx, lead)
                if v is None:
                    v = index_at(ctx.tokens, speaker.end)
                if (
                    v < lead[1]
                    and (ctx.tokens[v].kind == WORD or ctx.tokens[v].text == ":")
                    and speaker.end < q.start
                ):
                    # "Merkel heralded the deal as a “Q”": the verb before the object; a
                    # transcript's "WEBB: … as “Q” put it": the colon after the speaker.
                    link.cue = _span(ctx.doc.text, ctx.tokens, v, v + 1)
                link.rule = "characterisation"
                link.confidence = CONFIDENCE["characterisation"]
    return link


def _voice_owner(ctx: _Context, m: Mention) -> Mention:
    """ "said Ann's clear voice", "her voice called": the voice's owner speaks, "Ann"
    or "her" (read as "she"); any other mention stays as it is."""
    toks = ctx.tokens
    a, b = index_at(toks, m.start), index_at(toks, m.end)
    if b - a < 2 or toks[b - 1].lower not in _lexicon.word_list("voice_nouns.txt"):
        return m
    for k in range(a, b - 1):
        t = toks[k]
        if t.lower in _PRONOUN_OWNERS and k == a:
            return Mention(t.start, t.end, t.text, "pronoun")
        if _mentions.possessive(t):
            if not all(x.upper for x in toks[a : k + 1]):
                return m  # "the old man's voice": a description, read as it is
            if any(x.kind != WORD or x.upper for x in toks[k + 1 : b - 1]):
                return m
            end = t.end - 2
            return Mention(m.start, end, ctx.doc.text[m.start : end], "name")
    return m


def _characterising_verb(ctx: _Context, lead: tuple[int, int]) -> int | None:
    """The word before the object of "… hailed the deal as a “Q”" (-> "hailed"), or
    ``None`` when the frame has no object phrase before it."""
    toks = ctx.tokens
    lo, hi = lead
    j = hi - 1
    if j > lo and toks[j].lower in _mentions.DETERMINERS:
        j -= 1
    obj = _mentions.np_ending_at(ctx.doc.text, toks, j - 1, lo) if j - 1 >= lo else None
    if obj is None:
        return None
    a = index_at(toks, obj.start) - 1
    if a >= lo and toks[a].lower in _WORK_PREPOSITIONS:
        # "going after Webb as …" is a verb; "the deal with Turkey as …" is not.
        a -= 1
        if a < lo or not toks[a].lower.endswith(("ing", "ed")):
            return None
    if a < lo or toks[a].kind != WORD or toks[a].upper:
        return None
    return a


def _last_cue(ctx: _Context, lo: int, hi: int) -> int | None:
    """The last cue verb in ``tokens[lo:hi]`` that tells the words (not a manner, not a
    noun after a determiner or a possessive)."""
    toks, cues = ctx.tokens, ctx.cue_positions()
    for k in range(bisect_left(cues, hi) - 1, bisect_left(cues, lo) - 1, -1):
        c = cues[k]
        before = toks[c - 1]
        if ctx.doc.cues.is_manner(toks[c].text) or toks[c].upper:
            continue
        if before.lower in _mentions.DETERMINERS or _mentions.possessive(before):
            continue
        return c
    return None


def _a_title(text: str, q: RawQuote) -> bool:
    """A short Title Case name in marks with no punctuation of speech: “Town Hall Forum”."""
    content = text[q.content_start : q.content_end].strip()
    # (One piece past the limit says that the quotation is longer.)
    words = content.split(None, MAX_SCARE_WORDS + 2)
    return (
        0 < len(words) <= MAX_SCARE_WORDS + 2
        and not _ends_like_speech(content)
        and _title_like(words)
    )


def _sentence_subject(ctx: _Context, lo: int, hi: int) -> Mention | None:
    """The name, organisation or pronoun opening the sentence, followed by a verb."""
    toks = ctx.tokens
    found = _mentions.np_starting_at(ctx.doc.text, toks, lo, hi)
    if found is None or found.kind not in ("name", "organisation", "pronoun"):
        return None
    if _ordinary_opener(ctx, found):
        return None
    w = index_at(toks, found.end)
    if w >= hi or toks[w].kind != WORD or toks[w].upper:
        return None
    return found


def _ordinary_opener(ctx: _Context, m: Mention) -> bool:
    """A capitalised word opening a sentence that is no name: a word the document also
    uses in lower case ("Pollsters agree"), a participle ("Conceding that …", "Preceded
    by …") or a pronoun's contraction ("It’s been …")."""
    if m.kind == "pronoun" or " " in m.text:
        return False
    word = m.text.lower()
    if word in lexicon().first_names:
        return False
    if word[-2:] in ("’s", "'s") and word[:-2] in lexicon().pronouns:
        return True
    if word.endswith(("ing", "ed")):
        # A participle goes on with a function word ("Preceded by", "Conceding that");
        # a name ending so with a verb ("Reed took", "Manning said").
        toks = ctx.tokens
        w = index_at(toks, m.end)
        after = toks[w].lower if w < len(toks) else ""
        if after == "," or after in _mentions.STOPS or after in _mentions.DETERMINERS:
            return True
    return ctx.doc.common_word(word)


# How many tokens a fronted adverbial may take before the subject ("In August, …").
_FRONTED = 6


def _sentence_main_subject(ctx: _Context, v: int) -> Mention | None:
    """`_main_subject` of the sentence around token ``v``, from the sentence's start."""
    sentences = ctx.doc.sentences(ctx.p)
    at = ctx.tokens[v].start
    k = bisect_right(sentences, (at, len(ctx.doc.text))) - 1
    if k < 0:
        return None
    return _main_subject(ctx, ctx.index(sentences[k][0]), v)


def _main_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """The subject of the main clause, after a short fronted adverbial: "In August, several
    environmental groups granted Mr. Clarke an extension, saying …" -> the groups."""
    toks = ctx.tokens
    starts = [lo]
    for c in range(lo, min(v, lo + _FRONTED)):
        if toks[c].text == ",":
            starts.insert(0, c + 1)
            break
    for start in starts:
        found = _mentions.np_starting_at(ctx.doc.text, toks, start, v)
        if found is None:
            continue
        if start == lo and found.kind == "name" and _ordinary_opener(ctx, found):
            continue  # "Delighted by the news, Tom danced, saying": no one "Delighted"
        w = index_at(toks, found.end)
        if w < v and toks[w].text == "," and start == lo and found.kind != "pronoun":
            w = _after_apposition(toks, w, v)  # "Dean, a medical doctor, then appeared"
        if w < v and toks[w].kind == WORD and not toks[w].upper:
            return found
    return None


def _after_apposition(toks: Sequence[Token], c: int, v: int) -> int:
    """The token after the apposition opening with the comma at ``c`` (", a doctor, "),
    ``v`` if there is none before it."""
    for k in range(c + 1, min(v, c + _mentions.MAX_NP + 2)):
        t = toks[k]
        if t.text == ",":
            return k + 1
        if t.kind == PUNCT and t.text not in ".-’'()":
            break
    return v


def _characteriser(ctx: _Context, lo: int, hi: int, tail: tuple[int, int]) -> Mention | None:
    """Who characterises: the agent of a passive ("labeled as a “witch hunt” by Democrats"),
    else the first name or pronoun of the sentence ("Merkel heralded the deal as a “Q”")."""
    toks = ctx.tokens
    k = tail[0]
    if k < tail[1] and toks[k].lower == "by":
        agent = _mentions.np_starting_at(ctx.doc.text, toks, k + 1, tail[1])
        if agent is not None:
            return agent
    return _clause_subject(ctx, lo, hi)


def _not_words(text: str, q: RawQuote) -> bool:
    """A markup attribute value (author="…", id="…") or a stage direction in brackets
    ("(CROSSTALK.)", "[applause]"): quoted, but nobody's words."""
    if q.start > 0 and text[q.start - 1] == "=":
        return True
    return _bracketed(text[q.content_start : q.content_end].strip().rstrip("."))


def _bracketed(content: str) -> bool:
    """``content`` is one stage direction in brackets: "(CROSSTALK.)", "[applause]"."""
    return (
        len(content) > 2
        and content[0] in "(["
        and content[-1] in ")]"
        and (content.count("(") + content.count("[") == 1)
    )


def _quoted_inner(text: str, q: RawQuote, cue: Span | None) -> tuple[int, int] | None:
    """The inner quotation, marks included, when the quotation holds nothing else and its
    cue says the speaker repeats another's words (`quoting_verbs.txt`: "'The end,'" he
    quoted): those words are what is quoted, the outer marks only frame the repeating;
    else ``None``."""
    if cue is None or cue.text.lower() not in _lexicon.word_list("quoting_verbs.txt"):
        return None
    if len(q.nested) != 1 or len(q.segments) != 1 or not q.closed:
        return None
    start, end = q.nested[0]
    if (start, end) != (q.content_start, q.content_end) or end - start < 3:
        return None
    return start, end


# Marks and white space around a paragraph's part of a quotation.
_SEGMENT_EDGES = " \t\n\"'“”‘’«»"


def _spoken_segments(text: str, q: RawQuote) -> tuple[tuple[int, int], ...]:
    """The paragraphs of a quotation of several, but for any that is only a stage
    direction in brackets ("(CROSSTALK.)" between two turns of a transcript): words of
    the transcriber, not of a speaker."""
    segments = q.segments
    if len(segments) < 2:
        return segments
    kept = tuple(
        (s, e)
        for s, e in segments
        if not _bracketed(text[s:e].strip(_SEGMENT_EDGES).rstrip(".").strip(_SEGMENT_EDGES))
    )
    return kept or segments


# A headline is a document's first line, short, with more text after it.
_HEADLINE_WORDS = 20
_SINGLE_OPENERS = frozenset(["‘", "'"])


def _in_headline(ctx: _Context, q: RawQuote) -> bool:
    """A quotation in single marks in a headline ("Mayor calls plan ‘a disaster’") or a
    subheading ("‘A Town Without Water.’" on a line of its own): news headlines put
    quoted words in single marks, and the story quotes them again with the speaker;
    the heading's copy is a title, not a statement."""
    if q.open_mark not in _SINGLE_OPENERS or len(ctx.doc.paragraphs) < 2:
        return False
    line = ctx.doc.text[ctx.start : ctx.end]
    if "\n" in line or "\r" in line:
        return False
    if not ctx.double_marks:
        return False  # a story quoting in single marks may open with a line of dialogue
    if ctx.p == 0:
        return len(line.split()) <= _HEADLINE_WORDS
    if ctx.p == 1 and len(line.split()) <= _HEADLINE_WORDS:
        # A headline and its deck: "Mayor fights for the mill; ¶Workers fear ‘the end’"
        hs, he = ctx.doc.paragraphs[0]
        headline = ctx.doc.text[hs:he].rstrip()
        if headline.endswith(";") and len(headline.split()) <= _HEADLINE_WORDS:
            return True
    if q.start != ctx.start or q.end != ctx.end:
        return False
    content = ctx.doc.text[q.content_start : q.content_end].strip().rstrip(".!?")
    return len(content.split()) > 1 and "," not in content


# How far after a quotation its year or byline is looked for. The bound matters: `regex`
# looks for a pattern's required literal ("(", "by") up to endpos before it matches, so a
# match up to the paragraph's end costs the paragraph's length for every quotation.
_AFTER_REACH = 200
# After a quotation, its year in brackets: a cited title or slogan (“Stop the Tolls” (2015)).
_YEAR_AFTER = regex.compile(r"[ \t]*+\((?:1[5-9]|20)\d\d\)")
# After a quotation: a lower-case noun (`label_nouns.txt` says which are labels' things).
_NOUN_AFTER = regex.compile(r"[ \t]++([a-z][a-z\-]*+)")


def _labels_a_thing(text: str, q: RawQuote, end: int) -> bool:
    """The quotation is a label or slogan on a thing named right after it ("a “Roads
    First” hat", "the “restricted” level"), not a sentence of its own."""
    if text[q.content_start : q.content_end].rstrip()[-1:] in ".,!?;:":
        return False  # “We lost.” T-shirts appeared: a sentence, then the narration
    m = _NOUN_AFTER.match(text, q.end, min(end, q.end + _AFTER_REACH))
    return m is not None and m.group(1) in _lexicon.word_list("label_nouns.txt")


# After a quotation: ", by" and a capitalised name (the byline of an article's title).
_BYLINE = regex.compile(r"[ \t]*+,?[ \t]*+by[ \t]++(?:the[ \t]++)?(\p{Lu}\w*+)")


def _with_byline(ctx: _Context, q: RawQuote, lead: tuple[int, int]) -> bool:
    """The title of an article with its byline, standing alone: "“Museum to close in
    May,” by the Herald's Ana Ruiz" in a list of links, opening its paragraph or after a
    dash or a colon. Not the agent of a passive ("called the remarks “cruel,” by Hale")."""
    lo, hi = lead
    if hi > lo and ctx.tokens[hi - 1].text not in (*DASHES, ":", "-", "--", "("):
        return False
    text = ctx.doc.text
    if text[q.content_start : q.content_end].rstrip(_INNER_CLOSERS)[-1:] != "," and not (
        text.startswith(",", q.end)
    ):
        return False
    m = _BYLINE.match(text, q.end, min(ctx.end, q.end + _AFTER_REACH))
    return m is not None and m.group(1) not in _DATE_WORDS  # “Q,” by Monday: a deadline


# Between an article's title and its text: "“Title,” by the Herald's Ana Ruiz: “Text”".
_BYLINE_COLON = regex.compile(
    r"[ \t]*+,?[ \t]*+by[ \t]++(?:the[ \t]++)?\p{Lu}[^.!?:\n]{0,80}+:[ \t]*+"
)


def _after_byline(text: str, prev_end: int, start: int) -> bool:
    """The quotation follows an article's title and byline ending in a colon: an excerpt
    of the article in a list of links ("“Museum to close,” by Ana Ruiz: “The museum
    …”"), the article's text, not its writer speaking."""
    m = _BYLINE_COLON.match(text, prev_end, start)
    return m is not None and m.end() == start


_LOWER = regex.compile(r"\p{Ll}")
_UPPER = regex.compile(r"\p{Lu}")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is in capitals (three or more, no small letter) and no
    exclamation or question: a heading, a sign or a notice, not a shout."""
    if _LOWER.search(text, start, end) or len(_UPPER.findall(text, start, end)) < 3:
        return False
    return text[start:end].rstrip(_INNER_CLOSERS)[-1:] not in "!?"


def _capitals_line(ctx: _Context, q: RawQuote) -> bool:
    """A paragraph that is only a quotation in capitals, not an exclamation or a
    question: a heading, a sign or a notice (“THE OLD MILL”, “ROOMS TO LET”), not a
    shout (“FIRE!”). Also a line that opens with one of three words or more and no
    comma of its own, the line going on after it: a headline over its blurb in a list
    of stories (“MILL TO CLOSE IN MAY” “The owners said on Monday …”)."""
    text = ctx.doc.text
    if q.start == ctx.start and q.end == ctx.end:
        return _in_capitals(text, q.content_start, q.content_end)
    if q.start != ctx.start and text[q.start - 1] != "\n":
        return False
    content = text[q.content_start : q.content_end].rstrip()
    return (
        len(content.split()) >= _HEADLINE_MIN_WORDS
        and content[-1:] != ","
        and _in_capitals(text, q.content_start, q.content_end)
    )


# Words of a quoted headline in capitals that opens a line of a list of stories.
_HEADLINE_MIN_WORDS = 3


def _label_line(ctx: _Context, q: RawQuote) -> bool:
    """A paragraph that is only a quotation of one or two words ending in a colon: a
    label over a list or links (“Related:”), not a statement."""
    if q.start != ctx.start or q.end != ctx.end:
        return False
    content = ctx.doc.text[q.content_start : q.content_end].strip()
    return content.endswith(":") and len(content.split()) <= 2


# Rules that found a speech verb introducing an inset quotation ("He said:¶    “Q”").
_INTRODUCED = frozenset(["colon_intro", "mention_colon_quote", "mention_cue_quote"])
# Spaces before a line that set it in from the text around it (verse, an epigraph).
_INSET = 3


def _indent(text: str, start: int) -> int:
    """The spaces and tabs between the line start and ``start`` (-1 if words come first)."""
    line = text.rfind("\n", max(0, start - 80), start) + 1
    if line == 0 and start > 80:
        return -1
    lead = text[line:start]
    return len(lead) if not lead.strip(" \t") else -1


def _inset(ctx: _Context, q: RawQuote) -> bool:
    """A quotation set in from the text around it, on a line of its own: verse, a song,
    an epigraph or an inscription (“Full fathom five thy father lies” under a chapter
    heading), not a turn of the dialogue."""
    if q.start != ctx.start:
        return False
    text, paragraphs, p = ctx.doc.text, ctx.doc.paragraphs, ctx.p
    if _indent(text, q.start) < _INSET:
        return False
    around = [paragraphs[k][0] for k in (p - 1, p + 1) if 0 <= k < len(paragraphs)]
    return any(0 <= _indent(text, a) < _INSET - 1 for a in around)


# --- sieve 1: “Q,” said X / “Q,” X said ------------------------------------------------------


def _quote_cue_mention(ctx: _Context, q: RawQuote, tail: tuple[int, int]) -> _Found | None:
    toks, text = ctx.tokens, ctx.doc.text
    credit = _dash_credit(ctx, tail)
    if credit is not None:
        return credit
    k, hi = tail
    while k < hi and toks[k].kind == PUNCT and toks[k].text in TAIL_JOINERS:
        k += 1
    if k >= hi or toks[k].kind != WORD or toks[k].lower in _CLAUSE_OPENERS:
        return None  # “Q,” but he said …: a new clause with its own statement
    passive = _passive_agent(ctx, k, hi) or _owned_speech(ctx, k, hi)
    if passive is not None:
        return passive  # “Q” was written by X: no comma needed
    # “Q,” said X needs a break between quotation and cue: a comma, ?, ! or dash
    # inside or after the marks, or “No.” he said in lower case.
    # A quotation ending in an inner one ends at its punctuation: “… ‘accept it,’” X said.
    content = text[q.content_start : q.content_end].rstrip().rstrip(_INNER_CLOSERS)
    if not (
        k > tail[0]
        or (content and content[-1] in ",?!…—–-")
        or (content.endswith(".") and not toks[k].upper)
    ):
        return None
    cues = ctx.doc.cues
    n, _ = cues.verb_at(toks, k, hi)
    if n and toks[k].lower.endswith("ing"):
        n = 0  # “Q,” …, referencing the report: a participle, not "said X"
    adjacent = not _LETTER.search(text, q.end, toks[k].start)  # the tag right after the marks
    opening = adjacent and _opens_sentence(ctx, q)
    if n:  # inverted: “Q,” said X
        speaker = _mentions.speaker_after_cue(text, toks, k + n, hi, opening)
        if speaker is None:
            return None
        return _Found("quote_cue_mention", speaker, _span(text, toks, k, k + n))
    if opening and toks[k].lower in _EMERGING and k + 1 < hi:
        emerging = _emerging_speaker(ctx, k, hi)
        if emerging is not None:
            return _Found("quote_cue_mention", emerging, _span(text, toks, k, k + 1))
    if opening and _past_form(toks[k]) and k + 1 < hi:
        # “Q,” hooted Tom: a verb the lexicon lacks, in a cue's place, before a speaker
        # (a person: "severed the air" has an object), with no cue after it ("retired
        # general Ann Webb said": a description).
        speaker = _mentions.speaker_after_cue(text, toks, k + 1, hi, opening)
        if (
            speaker is not None
            and speaker.start == toks[k + 1].start
            and _person_phrase(speaker)
            and not _cue_after(ctx, index_at(toks, speaker.end), hi)
        ):
            return _Found("quote_cue_mention", speaker, _span(text, toks, k, k + 1))
    limit = min(hi, k + _mentions.MAX_NP + 4)
    depth = 0  # inside "(D-Wis.)"
    for v in range(k + 1, limit):
        t = toks[v]
        if t.kind == PUNCT:
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0 and t.text not in ",.’'-)":
                return _apposed_speaker(ctx, k, hi) or _unknown_verb_tag(ctx, k, hi, opening)
            continue
        n, strength = cues.verb_at(toks, v, hi)
        if n and strength != "strong" and v + n < hi and toks[v + n].lower in lexicon().nominals:
            n = 0  # "White House press secretary": a noun compound, not "press"
        if n and toks[v - 1].lower in _mentions.DETERMINERS and not _heard_speaker(ctx, v, k):
            n = 0  # “Q” was the answer: a noun after a determiner
        if n and depth == 0:
            if _unsaid(toks, v, n, k, hi):
                return None  # “Q?” Tom said nothing.
            heard = _heard_speaker(ctx, v, k)
            if heard is not None:  # “Q,” he heard her say.
                return _Found("quote_cue_mention", heard, _span(text, toks, v, v + n))
            speaker = _mentions.subject_before(text, toks, v, k)
            if _noun_after(ctx, v, speaker):
                continue
            if speaker is None:
                return _apposed_speaker(ctx, k, hi) or _unknown_verb_tag(ctx, k, hi, opening)
            first = index_at(toks, speaker.start)
            # Only modifiers may stand before the subject: "retired general Lloyd Newton said",
            # or a description the name is in apposition to: "the harbor chief, Ana Velez, said".
            if _described_name(toks, k, first, index_at(toks, speaker.end), v):
                return _Found("quote_cue_mention", speaker, _span(text, toks, v, v + n))
            if any(x.kind != WORD for x in toks[k:first]) or first - k > 4:
                return None
            return _Found("quote_cue_mention", speaker, _span(text, toks, v, v + n))
    return _apposed_speaker(ctx, k, hi) or _unknown_verb_tag(ctx, k, hi, opening)


_LETTER = regex.compile(r"\p{L}")


def _opens_sentence(ctx: _Context, q: RawQuote) -> bool:
    """No word of the quotation's sentence comes before it."""
    sentences = ctx.doc.sentences(ctx.p)
    i = bisect_right(sentences, (q.start, len(ctx.doc.text))) - 1
    ss = sentences[i][0] if i >= 0 else ctx.start
    return not _LETTER.search(ctx.doc.text, max(ss, ctx.start), q.start)


# Particles of a phrasal verb in a tag: "she jerked out", "he broke off".
_TAG_PARTICLES = frozenset("out up in back off forth on".split())


def _past_form(t: Token) -> bool:
    """A lower-case past form in -ed that may be a verb of saying the lexicon lacks
    ("hooted", "chorused"), not one of hearing ("overheard" is no -ed form anyway)."""
    w = t.lower
    return (
        t.kind == WORD
        and not t.upper
        and len(w) > 4
        and w.endswith("ed")
        and w not in lexicon().nominals
        and w not in _lexicon.word_list("hearing_verbs.txt")
    )


def _unknown_verb_tag(ctx: _Context, k: int, hi: int, opening: bool) -> _Found | None:
    """ "“Q,” Ann intervened, …", "“Q,” he flashed": a speaker right after the
    quotation, then a past form in -ed the lexicon lacks (and a particle or adverbs), then
    punctuation or a word that ends a clause: the tag's shape says the verb is one of
    saying. Only right after a quotation that opens its sentence (``opening``): a later
    clause ("…, the men jumped out") has a subject of its own, and a quoted title in a
    sentence ("when Ruiz called it “a farce,” Hale seized on it") is no turn."""
    if not opening:
        return None
    toks, text = ctx.tokens, ctx.doc.text
    speaker = _mentions.np_starting_at(text, toks, k, hi)
    if speaker is None or speaker.kind not in ("name", "nominal", "pronoun"):
        return None
    if speaker.kind == "pronoun" and speaker.text.lower() not in _TAG_PRONOUNS:
        return None
    v = index_at(toks, speaker.end)
    if v >= hi or toks[v].start < speaker.end or not _past_form(toks[v]):
        return None
    j = v + 1
    if j < hi and toks[j].lower in _TAG_PARTICLES:
        j += 1
    j = _mentions.past_adverbs(toks, j, hi)
    if j < hi and toks[j].kind != PUNCT:
        return None
    return _Found("quote_cue_mention", speaker, _span(text, toks, v, v + 1))


_TAG_PRONOUNS = frozenset(["he", "she", "i", "they", "we"])
# Verbs a voice or words come out with: "“Q,” came Ann's voice", "broke from Tom".
_EMERGING = frozenset(["came", "broke", "burst"])


def _emerging_speaker(ctx: _Context, k: int, hi: int) -> Mention | None:
    """ "“Q,” came Ann's voice", "came the voice of Ann", "burst from Tom", "came from
    Ann's lips": the voice's owner, or the person the words come from."""
    toks, text = ctx.tokens, ctx.doc.text
    via = toks[k + 1].lower == "from"
    j = k + 2 if via else k + 1
    speaker = _mentions.speaker_after_cue(text, toks, j, hi, True) if j < hi else None
    if speaker is None:
        return None
    if via:
        if speaker.start != toks[j].start:
            return None
        if speaker.text.endswith(("'s", "’s")) and speaker.kind == "name":
            e = speaker.end - 2  # "from Ann's tight lips": Ann
            return Mention(speaker.start, e, text[speaker.start : e], "name")
        return speaker if _person_phrase(speaker) else None
    voiced = any(t.lower in _mentions.VOICES for t in toks[j : index_at(toks, speaker.end) + 1])
    return speaker if voiced else None


def _person_phrase(m: Mention) -> bool:
    """A name, or a description whose head is a person noun ("the old driver")."""
    if m.kind == "name":
        return not m.text.endswith(("'s", "’s"))
    if m.kind != "nominal":
        return False
    nominal = lexicon().nominals.get(m.text.split()[-1].lower())
    return nominal is not None and nominal.kind == "person"


def _cue_after(ctx: _Context, j: int, hi: int) -> bool:
    """A cue verb within a few words after ``toks[j]`` (skipping adverbs)."""
    toks = ctx.tokens
    j = _mentions.past_adverbs(toks, j, hi)
    return j < hi and ctx.doc.cues.verb_at(toks, j, hi)[0] > 0


# Words of a description before a name in apposition: "a spokeswoman for the ministry".
_DESCRIPTION_WORDS = 6


def _described_name(toks: Sequence[Token], k: int, first: int, last: int, v: int) -> bool:
    """``toks[k:v]`` is "a description, Name," before the verb: a few words starting
    with a determiner, a comma, the name (``toks[first:last]``), a comma."""
    return (
        2 <= first - k <= _DESCRIPTION_WORDS + 1
        and toks[k].lower in _mentions.DETERMINERS
        and toks[first - 1].text == ","
        and all(x.kind == WORD for x in toks[k : first - 1])
        and last + 1 == v
        and toks[last].text == ","
    )


# Words before a subject that leave the verb after it bare: "did Anne say", "let Ruiz explain".
_AUXILIARIES = frozenset(
    "do does did will would shall should can could may might must let lets "
    "heard hear saw see watched help helped to".split()
)


def _noun_after(ctx: _Context, v: int, subject: Mention | None) -> bool:
    """A cue's bare form right after a singular noun phrase is a noun: "a Budget Office
    report found", "Reed's niece, state Sen. Mary Price, shouted" (a singular subject
    takes "reports", "states")."""
    toks = ctx.tokens
    if subject is None or subject.kind == "pronoun" or not ctx.doc.cues.is_bare(toks[v].text):
        return False
    a, e = index_at(toks, subject.start), index_at(toks, subject.end)
    if e != v and not (e + 1 == v and toks[e].text == ","):
        return False  # "Smith will report": an auxiliary between
    if a > 0 and toks[a - 1].lower in _mentions.DETERMINERS:
        a -= 1  # "hear the Heron say"
    if a > 0 and (toks[a - 1].lower in _CONJUNCTIONS or toks[a - 1].lower in _AUXILIARIES):
        return False  # "Smith and Jones state": a plural subject; "did Anne say"
    head = toks[e - 1].lower
    nominal = lexicon().nominals.get(head)
    if nominal is not None:
        return nominal.number == "sg"
    return not head.endswith("s")


_BE = frozenset(["was", "were", "is", "are", "been", "be"])


def _passive_agent(ctx: _Context, k: int, hi: int) -> _Found | None:
    """ "“Q” was written by Bruce Webb": the agent of a passive cue right after the
    quotation speaks."""
    toks = ctx.tokens
    if k + 2 >= hi or toks[k].lower not in _BE:
        return None
    v = k + 1
    n, _ = ctx.doc.cues.verb_at(toks, v, hi)
    if not n or v + n >= hi or toks[v + n].lower != "by":
        return None
    agent = _mentions.np_starting_at(ctx.doc.text, toks, v + n + 1, hi)
    if agent is None or agent.kind == "pronoun":
        return None
    return _Found("quote_cue_mention", agent, _span(ctx.doc.text, toks, k, v + n))


# Describing words between an owner and a noun of speech: "Ann's quiet, firm answer".
_SPEECH_NOUN_WORDS = 3


def _owned_speech(ctx: _Context, k: int, hi: int) -> _Found | None:
    """ "“Q,” was Dora's dry response", "“Q” was the clerk's polite reply": the owner
    of a noun of speech (speech_nouns.txt) after "was" speaks; the noun is the cue."""
    toks, text = ctx.tokens, ctx.doc.text
    if k + 2 >= hi or toks[k].lower not in _BE:
        return None
    e = k + 1
    while e + 1 < hi and toks[e].lower in _BEFORE_OWNER:
        e += 1  # "“Q,” was therefore his answer", "was all her answer"
    o = e  # the owner's first word
    nouns = _lexicon.word_list("speech_nouns.txt")
    if toks[e].lower in _PRONOUN_OWNERS:
        # "“Q,” was his answer": the pronoun, resolved like "he said" (not "her
        # ladyship's answer", read below).
        v = e + 1
        while v < hi and v - e <= _SPEECH_NOUN_WORDS and toks[v].lower not in nouns:
            if toks[v].kind != WORD or toks[v].upper or _mentions.possessive(toks[v]):
                break
            v += 1
        if v < hi and toks[v].lower in nouns:
            owner = Mention(toks[e].start, toks[e].end, toks[e].text, "pronoun")
            return _Found("quote_cue_mention", owner, _span(text, toks, v, v + 1))
    while e < hi and e - k <= _mentions.MAX_NP and not _mentions.possessive(toks[e]):
        if toks[e].kind != WORD:
            return None
        e += 1
    if e >= hi or not _mentions.possessive(toks[e]):
        return None
    v = e + 1
    while v < hi and v - e <= _SPEECH_NOUN_WORDS and toks[v].lower not in nouns:
        if toks[v].kind != WORD or toks[v].upper:
            if toks[v].text != ",":
                return None
        v += 1
    if v >= hi or toks[v].lower not in nouns:
        return None
    start, end = toks[o].start, toks[e].end
    first = toks[o].lower
    if all(t.upper for t in toks[o : e + 1]) and first not in _mentions.DETERMINERS:
        kind: MentionKind = "name"  # "Dora's", "Mrs. Pell's", as after "said"
    elif first in _OWNER_OPENERS and e > o:
        kind = "nominal"  # "the croupier", "her ladyship"
    else:
        return None
    end -= 2  # the owner without its "'s": "Mrs. Pell", "the croupier"
    speaker = Mention(start, end, text[start:end], kind)
    return _Found("quote_cue_mention", speaker, _span(text, toks, v, v + 1))


# "“Q,” was my reply": the narrator's ("my" is the first person, as "I").
_PRONOUN_OWNERS = frozenset(["his", "her", "my"])
_BEFORE_OWNER = frozenset(["therefore", "then", "all", "still", "again", "now", "only"])
_OWNER_OPENERS = frozenset(["the", "this", "that", "his", "her", "their", "my", "your", "our"])


# How far a speaker's appositions may reach before the cue: "“Q,” Scott Pruitt, the
# attorney general of Oklahoma, one of the states suing the agency, said".
_APPOSITION_REACH = 30
_SENTENCE_STOPS = frozenset([".", ";", ":", "?", "!"])
_DOUBLE_MARKS = frozenset(["“", "”", '"', "„", "«", "»"])


def _apposed_speaker(ctx: _Context, k: int, hi: int) -> _Found | None:
    """ "“Q,” NAME, apposition(s), said": a name right after the quotation, then commas
    around descriptions, then a strong cue after a comma."""
    toks, text = ctx.tokens, ctx.doc.text
    speaker = _mentions.np_starting_at(text, toks, k, hi)
    if speaker is None or speaker.kind not in ("name", "nominal", "organisation"):
        return None
    e = index_at(toks, speaker.end)
    if e >= hi or toks[e].text != ",":
        return None
    cues = ctx.doc.cues
    for v in range(e + 1, min(hi, e + _APPOSITION_REACH)):
        t = toks[v]
        if t.text in _SENTENCE_STOPS or (t.kind == PUNCT and t.text in _DOUBLE_MARKS):
            return None
        if t.kind != WORD or toks[v - 1].text != ",":
            continue
        n, strength = cues.verb_at(toks, v, hi)
        if n and strength == "strong" and not _noun_after(ctx, v, speaker):
            return _Found("quote_cue_mention", speaker, _span(text, toks, v, v + n))
    return None


DASHES = frozenset(["—", "―", "–"])
# Words that open a new clause after a quotation, whose cue is not the quotation's.
_CLAUSE_OPENERS = frozenset(
    "but and or though although while whereas because since if unless when".split()
)
_INNER_CLOSERS = "’'”\"›» \t"


def _dash_credit(ctx: _Context, tail: tuple[int, int]) -> _Found | None:
    """“Q” ― Carlos Ruiz: a dash and a name closing the paragraph credit the quotation."""
    toks, text = ctx.tokens, ctx.doc.text
    k, hi = tail
    if k >= hi or toks[k].text not in DASHES:
        return None
    speaker = _mentions.np_starting_at(text, toks, k + 1, hi)
    if speaker is None or speaker.kind != "name":
        return None
    # Nothing but punctuation until the paragraph ends or the next quotation starts.
    rest = toks[index_at(toks, speaker.end) : hi]
    if any(t.kind != PUNCT for t in rest):
        return None
    return _Found("quote_cue_mention", speaker, _span(text, toks, k, k + 1))


# --- sieve 2: according to X ------------------------------------------------------------------


def _according_to(ctx: _Context, lead: tuple[int, int], tail: tuple[int, int]) -> _Found | None:
    toks, text = ctx.tokens, ctx.doc.text
    for lo, hi in (lead, tail):
        for k in range(lo, hi):
            if toks[k].kind != WORD:
                continue
            n, kind = ctx.doc.cues.phrase_at(toks, k, hi)
            if n and kind == "source_after":
                speaker = _mentions.np_starting_at(text, toks, k + n, hi)
                if speaker is not None:
                    speaker = _agent_of_document(ctx, speaker, hi) or speaker
                    return _Found(
                        "according_to",
                        speaker,
                        _span(text, toks, k, k + n),
                        direct=_adjacent(ctx, lead),
                    )
    return None


# Verb rules whose speaker an "according to X" in the same sentence replaces.
_RELAYABLE = frozenset(
    ["quote_cue_mention", "mention_cue_quote", "cue_clause_quote", "clause_cue_mention"]
)
# Phrases that name who relays the statement, not who made it ("citing" and "quoting"
# name the speaker's own source).
_RELAYS = frozenset(["according"])
_AFTER_QUOTE = frozenset(["quote_cue_mention", "clause_cue_mention"])


def _relayed(
    ctx: _Context, lead: tuple[int, int], tail: tuple[int, int], found: _Found
) -> _Found | None:
    """ "“Q,” the mayor said, according to the Herald": the Herald is the source.

    A statement known through someone else's account is that account's: the
    sentence's "according to X" outranks the speech verb's subject.
    """
    toks = ctx.tokens
    # The phrase goes with the cue's clause: after “Q,” X said; before X said “Q”.
    lo, hi = tail if found.rule in _AFTER_QUOTE else lead
    for k in range(lo, hi):
        if toks[k].lower in _RELAYS:
            relay = _according_to(ctx, (k, hi), (hi, hi))
            if relay is not None:
                relay.direct = found.direct
                return relay
    return _reported_by(ctx, tail, found)


# Verb forms of a news outlet relaying a statement at the end of its sentence.
_REPORTS = frozenset(["reported", "reports"])


def _reported_by(ctx: _Context, tail: tuple[int, int], found: _Found) -> _Found | None:
    """ "“Q,” said Ana Ruiz, a party official, reports the Herald." / "…, the Herald
    reported.": the outlet closing the sentence after a comma relays the statement."""
    toks, text = ctx.tokens, ctx.doc.text
    lo, hi = tail
    end = hi
    while end > lo and toks[end - 1].kind == PUNCT:
        end -= 1
    if end - lo < 2:
        return None
    last = toks[end - 1]
    if last.lower in _REPORTS:
        # "…, the Herald reported."
        speaker = _mentions.subject_before(text, toks, end - 1, lo)
        if speaker is None or speaker.kind not in ("name", "organisation"):
            return None
        a = index_at(toks, speaker.start)
        if a == lo or toks[a - 1].text != ",":
            return None
        return _Found("quote_cue_mention", speaker, _span(text, toks, end - 1, end), found.direct)
    for k in range(end - 2, lo, -1):
        if toks[k].lower in _REPORTS and toks[k - 1].text == ",":
            # "…, reports the Herald."
            speaker = _mentions.np_starting_at(text, toks, k + 1, end)
            if speaker is None or speaker.end != toks[end - 1].end:
                return None
            if speaker.kind not in ("name", "organisation"):
                return None
            return _Found("quote_cue_mention", speaker, _span(text, toks, k, k + 1), found.direct)
        if toks[k].kind == PUNCT:
            return None
    return None


def _agent_of_document(ctx: _Context, mention: Mention, hi: int) -> Mention | None:
    """ "a statement released by the ministry" -> "the ministry"."""
    toks, text = ctx.tokens, ctx.doc.text
    lex = lexicon()
    k = index_at(toks, mention.start)
    e = index_at(toks, mention.end)  # first token after the mention
    head = toks[e - 1].lower if e > k else ""
    nominal = lex.nominals.get(head)
    if nominal is None or nominal.kind != "document":
        # "a statement from the ministry" was read as one phrase: split it at "from"/"by".
        for m in range(k + 1, e - 1):
            if (
                toks[m].lower in ("from", "by")
                and lex.nominals.get(toks[m - 1].lower)
                and (lex.nominals[toks[m - 1].lower].kind == "document")
            ):
                return _mentions.np_starting_at(text, toks, m + 1, hi)
        return None
    m = e
    while m < hi and m - e < 3 and toks[m].lower not in ("by", "from"):
        m += 1
    if m < hi and toks[m].lower in ("by", "from"):
        return _mentions.np_starting_at(text, toks, m + 1, hi)
    return None


# --- sieve 3: X said: “Q” / X said that … “Q” -------------------------------------------------


# Words after which a cue form is a noun or an infinitive: "her statement", "via email",
# "too early to tell".
_NOT_BEFORE_CUE = frozenset(["to", "via", "his", "her", "their", "its", "our", "my", "your"])


def _mention_cue_quote(ctx: _Context, lead: tuple[int, int], weak: bool = False) -> _Found | None:
    """X said: “Q” / X said (that) … “Q”; with ``weak``, also "X called Y a “Q”".

    Of the cues before the quotation, the nearest one whose subject is a name,
    pronoun or organisation wins over a nearer one with a common-noun subject
    ("Ryan said the protests demand that … “Q”" is Ryan's).
    """
    toks, text = ctx.tokens, ctx.doc.text
    lo, hi = lead
    cues = ctx.doc.cues
    best: tuple[int, int, _Found] | None = None
    aside = -1  # where a clause set off between a tag and the quotation starts
    for v in range(hi - 1, lo - 1, -1):
        tok = toks[v]
        if tok.kind != WORD or (tok.upper and v > lo and toks[v - 1].kind == WORD):
            continue  # "United States": a capitalised word mid-sentence is no cue
        n, strength = cues.verb_at(toks, v, hi)
        if not n or _unsaid(toks, v, n, lo, hi) or voice_adjective(toks, v, hi):
            continue
        before = toks[v - 1].lower if v > lo else ""
        owner = _gerund_owner(ctx, v, n, lo, hi)
        if owner is not None:
            # "stopped by Sir Hugh's saying, “Q”", "upon her saying, “Q”": the owner of
            # the gerund says it, whatever the sentence's subject.
            if best is None or (0, hi - v) < best[:2]:
                best = (0, hi - v, _Found("mention_cue_quote", owner, _span(text, toks, v, v + n)))
            break
        heard = _heard_speaker(ctx, v, lo)  # "heard her say": "her" is no determiner
        determined = before in _mentions.DETERMINERS or before in _NOT_BEFORE_CUE
        if (
            heard is None
            and determined
            and not (_mentions.indefinite_subject(toks, v - 1, lo))
            and not (
                v - 3 >= lo
                and toks[v - 2].lower == "of"
                and before in _mentions.COUNTS
                and toks[v - 3].lower in lexicon().nominals
            )
        ):
            continue  # "the answer", "her statement"; not "a mother of three replied"
        contracted = _contracted_pronoun(ctx, v, lo)
        if v > lo and _mentions.possessive(toks[v - 1]) and contracted is None:
            owner = _claim_owner(ctx, v, n, lo, hi)
            if owner is not None and (best is None or (1, hi - v) < best[:2]):
                # Ranked below a verb with a subject: "X said that Y's claim that … is “Q”".
                found = _Found("cue_clause_quote", owner, _span(text, toks, v, v + n), False)
                best = (1, hi - v, found)
            continue  # "Clinton's remarks": a noun after a possessive
        between = toks[v + n : hi]
        # "adding later, “Q”", "said again: “Q”": adverbs keep the cue next to the quotation.
        adjacent = v + n == aside or all(
            t.kind == PUNCT or t.lower == "that" or t.lower in _mentions.SKIPPABLE for t in between
        )
        if (
            strength != "strong"
            and not adjacent
            and not weak
            and not _follows_on(ctx, v, lo)
            and not (_after_relative(toks, v, lo) and v + n < hi and toks[v + n].lower == "that")
        ):
            continue
        rank = 0
        gerund = toks[v].lower.endswith("ing") and v > lo
        if gerund and toks[v - 1].lower in _GERUND_PREPOSITIONS:
            # "Blake answered them by saying": the subject of the verb the gerund hangs on.
            speaker = _local_subject(ctx, lo, v - 1) or _main_subject(
                ctx, _own_clause(ctx, lo, v), v
            )
        elif gerund and toks[v - 1].text == ",":
            # "Mook said as much, arguing that …": the clause's subject speaks; the last
            # clause's ("Ann stared and he repeated it, adding, “Q”": his).
            speaker = (
                _new_clause_subject(ctx, lo, v)
                or _main_subject(ctx, _own_clause(ctx, lo, v), v)
                or _clause_subject(ctx, lo, v)
            )
        elif contracted is not None:
            speaker = contracted  # "He’s claiming that …"
        else:
            speaker = heard or _mentions.subject_before(text, toks, v, lo)
            if speaker is None and v - 1 > lo and toks[v - 1].lower in _FOCUSING:
                # "the clerk only said “Q”": an adverb on the verb, not the subject.
                speaker = _mentions.subject_before(text, toks, v - 1, lo)
            if _noun_after(ctx, v, speaker):
                continue
            if (
                speaker is not None
                and _object_of_preposition(toks, speaker, lo)
                and not (
                    gerund
                    and index_at(toks, speaker.end) == v
                    and toks[index_at(toks, speaker.start) - 1].lower == "with"
                )
            ):
                # "…, with Senator Ruiz calling it a “Q”": the gerund's own subject speaks.
                speaker = _head_of_phrase(ctx, speaker, lo, v)
        referent = None
        if speaker is None:
            speaker = _share_subject(ctx, lo, v)
        if speaker is None:
            speaker = _coordinated_subject(ctx, lo, v)
        if speaker is None:
            speaker, referent = _relative_subject(ctx, lo, v)
        if speaker is None and v == lo and toks[v].lower.endswith("ing"):
            # "X hailed it as “Q1,” telling reporters …": X, the sentence's subject; the
            # phrase after the participle is the one told.
            speaker = _sentence_main_subject(ctx, v)
            if speaker is None:
                continue
        if speaker is None and all(
            (t.kind == PUNCT or t.lower in lexicon().not_names) and t.lower not in _COORDINATORS
            for t in toks[lo:v]
        ):
            after = _mentions.speaker_after_cue(text, toks, v + n, hi)
            if after is not None and index_at(toks, after.end) <= hi:
                speaker = after  # “Q1,” said X, “Q2.”
        if speaker is None:
            speaker, rank = (
                (
                    _predicate_subject(ctx, lo, v)
                    or _new_clause_subject(ctx, lo, v)
                    or _clause_subject(ctx, lo, v)
                ),
                2,
            )
        if speaker is None:
            continue
        if (
            best is not None
            and _in_subordinate(toks, speaker, lo, v + n, hi - best[1])
            and _told_as_story(ctx.doc)
        ):
            # "She looked up when he called her, and then said: “Q”": the verb nearer the
            # quotation has its subject; one inside a clause of time before it is no tag.
            continue
        if rank == 0 and strength != "strong" and _aside_before(toks, speaker, lo, v + n, hi):
            # "Tom went on, as Ann smiled at the floor, “Q”": a clause of time set off by
            # commas between the tag and the quotation is no tag; the verb before it is.
            # Not a verb of saying ("murmured Ann, while Tom said, “Q”": Tom's).
            rank = 3
            aside = index_at(toks, speaker.start) - 2
        speaker = _issuer_of_document(ctx, speaker, lo) or speaker
        cue = _span(text, toks, v, v + n)
        if speaker.kind == "pronoun":
            outer = _what_they_called(ctx, speaker, lo) or _reporting_self(ctx, speaker, lo)
            if outer is not None:
                speaker, cue = outer
        if rank == 0 and speaker.kind == "nominal" and speaker is not heard:
            rank = 1  # (the hearer is no better a speaker than the one heard)
        # "“Q1,” said he; “Q2”": the semicolon goes on with the same speech.
        if (adjacent or toks[hi - 1].text in ":,;") and not any(t.lower == "that" for t in between):
            found = _Found("mention_cue_quote", speaker, cue, direct=True, referent=referent)
        else:
            found = _Found("cue_clause_quote", speaker, cue, direct=False, referent=referent)
        if best is not None and best[0] == 1 and _new_clause_between(ctx, v + n, hi - best[1]):
            break  # "She said …, and when pressed, the mother of three replied, “Q”"
        if best is None or (rank, hi - v) < best[:2]:
            best = (rank, hi - v, found)
        if rank == 0:
            break  # nothing further back can rank better
    return best[2] if best is not None else None


def _new_clause_between(ctx: _Context, a: int, b: int) -> bool:
    """A clause-opening conjunction after a comma in ``tokens[a:b]`` (", and when", ", but")."""
    at = ctx.clause_openers()
    i = bisect_left(at, a + 1)
    return i < len(at) and at[i] < b


# Object pronouns that can be heard to speak: "heard him say".
_HEARD_PRONOUNS = frozenset(["him", "her", "me", "them", "us"])


# Words between the one heard and "and" before the second verb: "heard her greet Ann and".
_HEARD_REACH = 6


def _heard_speaker(ctx: _Context, v: int, lo: int) -> Mention | None:
    """ "she heard him say “Q”", "heard one of the men whisper": the one heard before
    the cue ``tokens[v]`` speaks, not the hearer (the sentence's subject)."""
    toks, text = ctx.tokens, ctx.doc.text
    j = v - 1
    if j - 1 < lo:
        return None
    if toks[j].lower == "and":
        # "heard her greet Ann and say “Q”": the verb after "and" is the heard one's too.
        for k in range(j - 2, max(lo, j - _HEARD_REACH) - 1, -1):
            if toks[k].kind == PUNCT:
                return None
            if k - 1 >= lo and _hearing(toks[k - 1].lower):
                if toks[k].lower in _HEARD_PRONOUNS:
                    return Mention(toks[k].start, toks[k].end, toks[k].text, "pronoun")
                found = _mentions.np_starting_at(text, toks, k, j)
                if found is not None and found.kind == "name":
                    return found
                return None
        return None
    if toks[j].lower in _HEARD_PRONOUNS:
        if not _hearing(toks[j - 1].lower):
            return None
        return Mention(toks[j].start, toks[j].end, toks[j].text, "pronoun")
    heard = _mentions.np_ending_at(text, toks, j, lo)
    if heard is None or heard.kind == "pronoun":
        return None
    a = index_at(toks, heard.start)
    if a - 2 >= lo and toks[a - 1].lower == "of" and toks[a - 2].lower == "one":
        a -= 2  # "one of the men": one of them speaks
        s = toks[a].start
        heard = Mention(s, heard.end, text[s : heard.end], "nominal")
    if a - 1 < lo or not _hearing(toks[a - 1].lower):
        return None
    return heard


def _unsaid(toks: Sequence[Token], v: int, n: int, lo: int, hi: int) -> bool:
    """The speech verb ``tokens[v : v + n]`` says nothing was said: "Tom said nothing",
    "did not answer", "couldn't reply", "without speaking" (data/lexicon/unsaid_words.txt)."""
    words = _lexicon.word_list("unsaid_words.txt")
    before = toks[v - 1].lower if v - 1 >= lo else ""
    if before in words or before.endswith(("n't", "n’t")):
        return True
    return v + n < hi and toks[v + n].lower == "nothing"


# Prepositions whose gerund shares the clause's subject: "responded by saying".
_GERUND_PREPOSITIONS = frozenset(["by"])


def _local_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """The phrase opening the clause that ends before ``tokens[v]``, if a verb follows it:
    "I was tired, but Ruiz calmed me by saying" -> Ruiz."""
    toks = ctx.tokens
    start = lo
    for j in range(v - 1, lo - 1, -1):
        if toks[j].text in ",;:" or toks[j].lower in _CLAUSE_OPENERS:
            start = j + 1
            break
    found = _mentions.np_starting_at(ctx.doc.text, toks, start, v)
    if found is None:
        return None
    w = index_at(toks, found.end)
    if w >= v or toks[w].kind != WORD or toks[w].upper:
        return None
    return found


def _follows_on(ctx: _Context, v: int, lo: int) -> bool:
    """A weak cue that continues an earlier statement of the same subject governs the
    words after it: "X said …, adding that …", "X told … and called it a “Q”"; not a
    gesture or a thought ("…, smiling", "… and hopes")."""
    toks = ctx.tokens
    if v <= lo or ctx.doc.cues.is_manner(toks[v].text):
        return False
    j = v - 1
    while j > lo and toks[j].lower in _mentions.SKIPPABLE:
        j -= 1
    before = toks[j]
    cues = ctx.cue_positions()
    earlier = cues[bisect_left(cues, lo) : bisect_left(cues, v)]
    strong = [c for c in earlier if ctx.doc.cues.verb_at(toks, c, v)[1] == "strong"]
    if not strong:
        return False  # no statement before to continue
    if toks[v].lower.endswith("ing"):
        return before.text == "," or before.lower in _GERUND_PREPOSITIONS
    if before.lower in _COORDINATORS:
        return True
    # "she said, but …, and as Reed went on about “Q”", "While he admitted …, Ham also
    # noted several “Q”": a new clause with its own subject.
    subject = _mentions.subject_before(ctx.doc.text, toks, v, lo)
    if subject is None or subject.kind not in ("name", "pronoun", "organisation"):
        return False
    between = toks[strong[-1] + 1 : j]
    if any(t.lower in _CLAUSE_OPENERS for t in between):
        return True
    return subject.kind == "name" and any(t.text == "," for t in between)


# Possessive pronouns that own a gerund of speech ("upon her saying").
_GERUND_OWNERS = frozenset(["his", "her", "their", "my", "our"])
# Words between a gerund of speech and its quotation, at most: "saying firmly,".
_GERUND_REACH = 8


def _gerund_owner(ctx: _Context, v: int, n: int, lo: int, hi: int) -> Mention | None:
    """The owner of a gerund of speech right before the quotation: "by Sir Hugh's
    saying firmly, “Q”" -> Sir Hugh, "upon her saying, “Q”" -> her (a pronoun,
    resolved like "she said"). Not a noun ("her sayings") nor a gerund far from it."""
    toks, text = ctx.tokens, ctx.doc.text
    if v <= lo or not toks[v].lower.endswith("ing") or hi - (v + n) > _GERUND_REACH:
        return None
    if any(t.kind == WORD and ctx.doc.cues.is_verb_form(t.text) for t in toks[v + n : hi]):
        return None
    if v + n < hi and toks[hi - 1].text not in ",:":
        return None  # "their declaring one dish “splendid”": a term, no speech
    t = toks[v - 1]
    if t.lower in _GERUND_OWNERS:
        return Mention(t.start, t.end, t.text, "pronoun")
    if not _mentions.possessive(t) or not t.upper:
        return None
    owner = _mentions.np_ending_at(text, toks, v - 1, lo)
    if owner is None or owner.kind != "name":
        return None
    end = owner.end - 2  # without the "'s"
    return Mention(owner.start, end, text[owner.start : end], owner.kind)


def _claim_owner(ctx: _Context, v: int, n: int, lo: int, hi: int) -> Mention | None:
    """ "Reed's claim that there were “thousands of cases”": a speech noun owned by a name
    and followed by "that" gives the statement to its owner."""
    toks, text = ctx.tokens, ctx.doc.text
    if v + n >= hi or toks[v + n].lower != "that" or toks[v].lower.endswith("ing"):
        return None
    owner = _mentions.np_ending_at(text, toks, v - 1, lo)
    if owner is None or owner.kind not in ("name", "organisation"):
        return None
    end = owner.end - 2  # without the "'s"
    return Mention(owner.start, end, text[owner.start : end], owner.kind)


def _object_of_preposition(toks: Sequence[Token], mention: Mention, lo: int) -> bool:
    """The phrase is the object of a preposition ("32% of Republican", "marching through
    the streets", "said, with a faint smile"), so not a subject; a sentence-opening "In
    Iowa" is left alone."""
    if mention.kind == "pronoun" and mention.text.lower() in _SUBJECT_PRONOUNS:
        return False  # "for she calmly replied": "for" is a conjunction before a subject
    a = index_at(toks, mention.start)
    if a - 2 > lo and toks[a - 1].lower in ("or", "and") and toks[a - 2].upper:
        # "Retired officers in Market Harborough or Malvern murmur": the second of two
        # coordinated names after a preposition is its object too.
        b = a - 2
        while b > lo and toks[b - 1].upper and a - b < _mentions.MAX_NP:
            b -= 1
        a = b
    return a - 1 > lo and toks[a - 1].lower in _WORK_PREPOSITIONS


def _head_of_phrase(ctx: _Context, obj: Mention, lo: int, v: int) -> Mention | None:
    """The subject a prepositional object stands in for: "32% of Republican claims",
    "marching through the streets chanted" -> the phrase opening the clause, if any.
    The clause is the object's own: in "Tom was angry; but her mother, without pausing
    for her reply, continued", the one after "; but", not the sentence's first."""
    toks = ctx.tokens
    for start in _clause_starts(toks, lo, index_at(toks, obj.start)):
        found = _mentions.np_starting_at(ctx.doc.text, toks, start, v)
        if found is None or (
            found.kind == "pronoun" and found.text.lower() not in _SUBJECT_PRONOUNS
        ):
            continue
        if index_at(toks, found.end) >= v:
            return None
        return found
    return None


# Words that open a clause after a comma or a semicolon ("; but her mother …").
_CLAUSE_LINKS = frozenset("and but or yet so for while whilst when whereupon".split())


def _clause_starts(toks: Sequence[Token], lo: int, a: int) -> list[int]:
    """Where the clauses holding ``toks[a]`` may start, nearest first: after each
    semicolon or colon, or linking word after a comma or semicolon, back to ``lo``
    (linking words and adverbs such as "then" skipped), and ``lo`` itself last."""
    out: list[int] = []
    for k in range(a - 1, lo - 1, -1):
        t = toks[k]
        if t.text in ";:" or (
            t.lower in _CLAUSE_LINKS and k - 1 >= lo and toks[k - 1].text in ",;"
        ):
            s = k + 1
            while s < a and (
                toks[s].lower in _CLAUSE_LINKS or toks[s].lower in _mentions.SKIPPABLE
            ):
                s += 1
            out.append(s)
    out.append(lo)
    return out


def _contracted_pronoun(ctx: _Context, v: int, lo: int) -> Mention | None:
    """ "He’s claiming", "It's denouncing": a pronoun with a contracted "is"/"has" before
    the cue is its subject (not a possessive)."""
    if v <= lo:
        return None
    tok = ctx.tokens[v - 1]
    if not _mentions.possessive(tok):
        return None
    word = tok.text[:-2]
    if word.lower() not in lexicon().subjects:
        return None
    return Mention(tok.start, tok.start + len(word), word, "pronoun")


def _what_they_called(ctx: _Context, pronoun: Mention, lo: int) -> tuple[Mention, Span] | None:
    """ "Ban Ki-moon condemned what he called a “brazen breach”": the pronoun of a "what
    he called" clause is the sentence's subject, who speaks through the outer verb."""
    toks = ctx.tokens
    a = index_at(toks, pronoun.start)
    if a - 1 <= lo or toks[a - 1].lower != "what":
        return None
    outer = _contracted_pronoun(ctx, lo + 1, lo - 1)  # "It’s denouncing what it calls"
    if outer is None:
        outer = _mentions.np_starting_at(ctx.doc.text, toks, lo, a - 1)
    if outer is None:
        return None
    w = index_at(toks, outer.end)
    if w < a - 1 and toks[w].start < outer.end:
        w += 1  # the contracted verb ('s) is part of the pronoun's token
    if w >= a - 1 or toks[w].kind != WORD:
        return None
    said_by = lexicon().pronouns.get(pronoun.text.lower(), "x")[0]
    if said_by in "mf" and _mentions.gender_of(outer.text) in "mf":
        if said_by != _mentions.gender_of(outer.text):
            return None  # "Clinton condemned what he called …": someone else
    # The speech verb nearest "what", else the word after the subject: "the Council on
    # Friday made a condemnation and pledged to act against what it called “Q”".
    c = _last_cue(ctx, w, a - 1)
    if c is not None:
        w = c
    return outer, _span(ctx.doc.text, toks, w, w + 1)


def _reporting_self(ctx: _Context, pronoun: Mention, lo: int) -> tuple[Mention, Span] | None:
    """ "Lynch said she recalled thinking, “Q”", "She said she recalls the colleague being
    “Q”": a speaker reporting her own words or thoughts; the outer report is the
    attribution (the same person, named where the inner clause has a pronoun)."""
    toks, text = ctx.tokens, ctx.doc.text
    a = index_at(toks, pronoun.start)
    j = a - 1
    if j > lo and toks[j].lower == "that":
        j -= 1
    if j <= lo or toks[j].kind != WORD:
        return None
    n, strength = ctx.doc.cues.verb_at(toks, j, a)
    if not n or strength != "strong" or j + n != (a - 1 if toks[a - 1].lower == "that" else a):
        return None
    outer = _mentions.subject_before(text, toks, j, lo)
    if outer is None or outer.kind not in ("name", "pronoun"):
        return None
    said_by = lexicon().pronouns.get(pronoun.text.lower(), "x")[0]
    if outer.kind == "pronoun":
        if outer.text.lower() != pronoun.text.lower():
            return None
    elif said_by not in "mf" or _mentions.gender_of(outer.text) not in (said_by, "x"):
        return None  # "it", "they" after a name, or a name of the other gender
    return outer, _span(text, toks, j, j + n)


_SHARES = frozenset(["percent", "%", "per cent"])


def _share_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """ "63 percent said Clinton was “justified”": a poll share is the subject."""
    toks = ctx.tokens
    j = v - 1
    while j > lo and toks[j].lower in _mentions.SKIPPABLE:
        j -= 1
    if j - 1 < lo or toks[j].lower not in _SHARES or toks[j - 1].kind != NUMBER:
        return None
    s, e = toks[j - 1].start, toks[j].end
    return Mention(s, e, ctx.doc.text[s:e], "nominal")


_COORDINATORS = frozenset(["and", "but", "then", "or"])


def _coordinator_before(toks: Sequence[Token], lo: int, v: int) -> int | None:
    """The index of the coordinator ("and", "but", ...) right before the verb at ``v``,
    past skippable words ("and then said", "and quietly asked"); ``None`` if there is
    none after ``lo``."""
    j = v - 1
    while j > lo and toks[j].lower in _mentions.SKIPPABLE:
        j -= 1
    return None if j <= lo or toks[j].lower not in _COORDINATORS else j


def _coordinated_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """ "I laughed and said, “Q”", "She urges her husband to leave and repeatedly says
    “Q”": a second verb shares the subject of the cue verb before it in the clause."""
    toks = ctx.tokens
    j = _coordinator_before(toks, lo, v)
    if j is None:
        return None
    cues = ctx.cue_positions()
    k = bisect_left(cues, j) - 1
    # "praised the talks but said": a cue form after a determiner is a noun.
    while k >= 0 and cues[k] > lo and toks[cues[k] - 1].lower in _mentions.DETERMINERS:
        k -= 1
    if k < 0 or cues[k] < lo:
        return None
    if toks[v].lower.endswith("s") and not toks[cues[k]].lower.endswith("s"):
        return None  # "X said shootings and protests demand …": a noun, not "said and protests"
    speaker = _mentions.subject_before(ctx.doc.text, toks, cues[k], lo)
    if speaker is None or speaker.kind not in ("name", "pronoun", "organisation"):
        return None
    if _in_subordinate(toks, speaker, lo, cues[k], j + 1) and _told_as_story(ctx.doc):
        # "She looked up when he called her, and then said": past the comma the verb
        # goes on with the main clause, not the subordinate one (`_predicate_subject`).
        return None
    if ctx.doc.cues.verb_at(toks, cues[k], v)[1] != "strong":
        # "Ann showed such doubt that Tom collected himself and asked": a weak cue (a
        # gesture, a finding) before a later clause with a subject of its own.
        later = _predicate_subject(ctx, lo, v)
        if later is not None and later.start > toks[cues[k]].end:
            return later
    return speaker


# Conjunctions opening a clause set off by commas between a tag and its quotation.
_ASIDE_OPENERS = frozenset(["as", "when", "while", "whilst"])


def _aside_before(toks: Sequence[Token], m: Mention, lo: int, e: int, hi: int) -> bool:
    """Whether ``m``, the subject of a verb ending at ``e``, opens a clause set off by
    commas (", as Ann smiled at the floor,") that ends right before the quotation at
    ``hi``, with words before it (a tag of its own): "Tom went on, as Ann smiled, “Q”"."""
    a = index_at(toks, m.start)
    if m.kind not in ("name", "pronoun") or a - 3 < lo:
        return False
    if toks[a - 1].lower not in _ASIDE_OPENERS or toks[a - 2].text != ",":
        return False
    if toks[a - 3].kind != WORD or hi - 1 < e or toks[hi - 1].text != ",":
        return False
    return all(t.kind == WORD for t in toks[e : hi - 1])


def _in_subordinate(toks: Sequence[Token], m: Mention, lo: int, v: int, j: int) -> bool:
    """Whether ``m``, the subject of the verb at ``v``, opens a subordinate clause
    ("when he spoke") that a comma and a coordinator close before ``j``, where a
    later verb goes on with the main clause ("…, and then said")."""
    a = index_at(toks, m.start)
    if m.kind not in ("name", "pronoun") or a - 1 <= lo:
        return False
    if toks[a - 1].lower not in _SUBORDINATE_OPENERS:
        return False
    between = toks[v:j]
    return any(t.text == "," for t in between) and any(t.lower in _COORDINATORS for t in between)


def _issuer_of_document(ctx: _Context, doc_np: Mention, lo: int) -> Mention | None:
    """ "the Security Council issued a statement calling …": a document right after a verb
    speaks for that verb's subject."""
    toks = ctx.tokens
    head = lexicon().nominals.get(doc_np.text.split()[-1].lower())
    if head is None or head.kind != "document":
        return None
    a = index_at(toks, doc_np.start)
    if a - 1 <= lo or toks[a - 1].kind != WORD or toks[a - 1].upper:
        return None
    issuer = _mentions.subject_before(ctx.doc.text, toks, a - 1, lo)
    if issuer is None or issuer.kind not in ("name", "organisation", "pronoun", "nominal"):
        return None
    if lexicon().nominals.get(issuer.text.split()[-1].lower()) is head:
        return None
    return issuer


def _named_over_nominal(ctx: _Context, lead: tuple[int, int]) -> _Found | None:
    """A strong cue whose subject is a common noun ("In a statement announcing the pick")
    yields to a weaker cue with a named subject nearer the quotation ("the Association of
    Flight Attendants called Clinton a “champion”")."""
    found = _mention_cue_quote(ctx, lead)
    if found is None or found.speaker is None:
        return found
    head = lexicon().nominals.get(found.speaker.text.split()[-1].lower())
    if found.speaker.kind != "nominal" and (head is None or head.kind != "document"):
        return found
    named = _mention_cue_quote(ctx, lead, weak=True)
    if (
        named is not None
        and named.speaker is not None
        and named.speaker.kind in ("name", "organisation")
        and named.cue is not None
        and found.cue is not None
        and named.cue.start > found.cue.start
    ):
        return named
    return found


_RELATIVES = frozenset(["who", "which", "that"])
# A focusing adverb between a subject and its cue ("the clerk only said “Q”"), looked past
# only when the cue finds no subject otherwise ("merely", "briefly": -ly adverbs, skipped).
_FOCUSING = frozenset(["only"])


def _after_relative(toks: Sequence[Token], v: int, lo: int) -> bool:
    """ "…, who added that …": a verb right after "who" (adverbs between) is a finite verb
    with its own subject; with "that" after it, a cue even when weak."""
    j = v - 1
    while j >= lo and toks[j].lower in _mentions.SKIPPABLE:
        j -= 1
    return j > lo and toks[j].lower == "who" and toks[j - 1].text == ","


def _relative_subject(ctx: _Context, lo: int, v: int) -> tuple[Mention | None, Mention | None]:
    """ "Trump, who has called the pact “insanity”": the relative pronoun speaks (news
    annotators mark it) and stands for the phrase before it."""
    toks, text = ctx.tokens, ctx.doc.text
    j = v - 1
    while j >= lo and toks[j].lower in _mentions.SKIPPABLE:
        j -= 1
    if (
        j - 1 > lo
        and (toks[j].kind == NUMBER or toks[j].upper)
        and toks[j - 1].lower in _mentions.TIME_PREPOSITIONS
    ):
        j -= 2  # "McConnell, who in 2010 said …"
        while j >= lo and toks[j].lower in _mentions.SKIPPABLE:
            j -= 1
    if j < lo or toks[j].lower not in _RELATIVES:
        return None, None
    rel = toks[j]
    k = j - 1
    if k >= lo and toks[k].text == ",":
        k -= 1
    antecedent = _mentions.np_ending_at(text, toks, k, lo) if k >= lo else None
    if antecedent is None or antecedent.kind == "pronoun":
        return None, None
    return Mention(rel.start, rel.end, rel.text, "pronoun"), antecedent


def _clause_cue_mention(ctx: _Context, q: RawQuote, tail: tuple[int, int]) -> _Found | None:
    """ "… “the beginning of the end” for the EU, said Geert Wilders." — the sentence
    closes with its attribution after a comma."""
    toks = ctx.tokens
    lo, hi = tail
    for c in range(lo, hi):
        if toks[c].text == ",":
            found = _quote_cue_mention(ctx, q, (c, hi))
            if found is not None:
                return _Found("clause_cue_mention", found.speaker, found.cue, direct=False)
    return None


def _mention_colon_quote(ctx: _Context, lead: tuple[int, int]) -> _Found | None:
    """ "McConnell delivered a blunt message to Trump: “Q”": the clause's subject."""
    lo, hi = lead
    toks = ctx.tokens
    if hi - lo < 2 or toks[hi - 1].text != ":":
        return None
    found = _mentions.name_mentions(ctx.doc.text, toks, lo, hi - 1, ctx.doc.common_word)
    found = [m for m in found if not _shouted_words(ctx, m)]
    if not found:
        return None
    # "With Democratic leaders worried …, President Reed is rolling out a message:": not a
    # name inside a prepositional phrase when another one is free.
    free = [m for m in found if not _object_of_preposition(toks, m, lo - 1)]
    speaker = (free or found)[0]
    return _Found("mention_colon_quote", speaker, _span(ctx.doc.text, toks, hi - 1, hi))


def _shouted_words(ctx: _Context, m: Mention) -> bool:
    """A heading in capitals, not a name: "POLLS SHOW A TIGHT RACE", or a word of the
    document's ordinary vocabulary in capitals ("CARE")."""
    words = m.text.split()
    if not all(w.isupper() and w.isalpha() for w in words):
        return False
    return len(words) >= 3 or any(ctx.doc.common_word(w.lower()) for w in words)


# Conjunctions that open a clause of time: "…, when Mrs. Dorn came in and said, “Q”".
_SUBORDINATORS = frozenset(["when", "while", "whilst", "till", "until"])


def _new_clause_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """ "He handed the cup to Ann, and Ann looked up and said, “Q”": the subject of the
    last clause that opens with a coordinator and a person's name or a pronoun followed
    by a verb (a lower-case word), not the first name of the sentence."""
    toks = ctx.tokens
    found = None
    for m in _mentions.name_mentions(ctx.doc.text, toks, lo, v, ctx.doc.common_word):
        # A person by its words ("Ann", "Mr. Hale", "she"), not "and Republican voters".
        if m.kind != "pronoun" and (m.kind != "name" or _mentions.gender_of(m.text) == "x"):
            continue
        a, b = index_at(toks, m.start), index_at(toks, m.end)
        if b + 2 < v and toks[b].text == "," and toks[b + 1].lower.endswith("ing"):
            b += 1  # "and Ann, turning round, said": a participle's phrase after the name
        if (
            (
                a - 1 > lo
                and (
                    toks[a - 1].lower in _COORDINATORS
                    # "…, when Mrs. Dorn came in and said": not "He sat still until she had
                    # spoken, and then said" (past a comma the clause is the main one again).
                    or (
                        toks[a - 1].lower in _SUBORDINATORS
                        and not any(t.text == "," for t in toks[b:v])
                    )
                )
                and b < v
                and toks[b].kind == WORD
                and not toks[b].upper
                and toks[b].lower not in _mentions.STOPS
            )
            or (
                # "sat down by Mary, who smiled and said": the relative clause's antecedent.
                m.kind == "name"
                and b + 2 < v
                and toks[b].text == ","
                and toks[b + 1].lower == "who"
            )
        ):
            found = m
    return found


# Words after which a name or "he"/"she" opens a clause as its subject: a coordinate
# clause, or a subordinate one, whose subject shares no verb past a stop ("He waited
# until she had done, and then said": his).
_COORDINATE_OPENERS = frozenset("and but or then so yet".split())
_SUBORDINATE_OPENERS = frozenset(
    "when while whilst till until as that though although because since where "
    "whereupon after before once".split()
)
_CLAUSE_STOPS = frozenset(",;:—–(")
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we"])


def _predicate_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """ "When they had crossed, Tom Hale struck the rail and exclaimed:", "…, so that
    Ann collected herself and asked": a cue verb after "and", with no subject of its own,
    shares the subject of the last clause before it: the last name, subject pronoun or
    description of a person that opens a clause (at the sentence's start, after
    punctuation or a conjunction) and is followed by a lower-case word (its verb), not
    an object ("at Tom", "to her")."""
    toks = ctx.tokens
    if _coordinator_before(toks, lo, v) is None:
        return None
    found = None
    mentions = _mentions.name_mentions(ctx.doc.text, toks, lo, v, ctx.doc.common_word)
    for a in range(lo, v):
        if toks[a].lower in ("the", "a", "an"):
            # "the boy crossed over and said": a description of a person.
            np = _mentions.np_starting_at(ctx.doc.text, toks, a, v)
            if np is not None and np.kind == "nominal" and _person_phrase(np):
                mentions.append(np)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        if m.kind == "pronoun" and m.text.lower() not in _SUBJECT_PRONOUNS:
            continue
        if m.kind not in ("name", "pronoun", "nominal"):
            continue
        a, b = index_at(toks, m.start), index_at(toks, m.end)
        if b + 1 < v and m.kind == "name" and toks[b].text == "," and toks[b + 1].lower == "who":
            found = m  # "…, when Ann, who had waited, took the ring and said": Ann
            continue
        if b >= v or toks[b].kind != WORD or toks[b].upper or toks[b].lower in _mentions.STOPS:
            continue
        if _mentions.possessive(toks[b - 1]):
            continue
        before = toks[a - 1] if a > lo else None
        if before is None or before.text in _CLAUSE_STOPS:
            found = m
        elif before.lower in _COORDINATE_OPENERS:
            if a - 2 >= lo and toks[a - 2].text in _CLAUSE_STOPS:
                found = m  # "…, and Ann looked up": not "Tom and Ann", "Hale and Democratic"
        elif before.lower in _SUBORDINATE_OPENERS and _result_or_time(toks, a - 1, lo):
            if not any(t.text in _CLAUSE_STOPS for t in toks[b:v]):
                found = m
    return found


def _result_or_time(toks: Sequence[Token], k: int, lo: int) -> bool:
    """``toks[k]`` opens a clause of time or manner ("when", "as", "until"), or of result
    ("so that", "such … that"); a "that" after a verb ("conceded that Ann had …")
    opens its object, whose subject is not the one of the main verb."""
    if toks[k].lower != "that":
        return True
    return any(t.lower in ("so", "such") for t in toks[max(lo, k - 8) : k])


def _own_clause(ctx: _Context, lo: int, v: int) -> int:
    """Where the clause of the cue at ``v`` starts: the nearest clause start
    (`_clause_starts`) that opens with a name, a subject pronoun or a description of a
    person ("Tom had wept; and Ann, unhappy to see it, could not help saying": Ann's
    clause), else ``lo``."""
    toks = ctx.tokens
    for start in _clause_starts(toks, lo, v)[:-1]:
        found = _mentions.np_starting_at(ctx.doc.text, toks, start, v)
        if found is None or index_at(toks, found.end) >= v:
            continue
        if (found.kind == "pronoun" and found.text.lower() in _SUBJECT_PRONOUNS) or (
            found.kind != "pronoun" and _person_phrase(found)
        ):
            return start
    return lo


def _clause_subject(ctx: _Context, lo: int, v: int) -> Mention | None:
    """ "X praised Y but said …": the first name or pronoun of the clause (of the
    cue's own clause first: "Tom had wept; and Ann, unhappy, could not help saying")."""
    toks = ctx.tokens
    own = _own_clause(ctx, lo, v)
    if own > lo:
        found = _clause_subject(ctx, own, v)
        if found is not None:
            return found
    for m in _mentions.name_mentions(ctx.doc.text, toks, lo, v, ctx.doc.common_word):
        a = index_at(toks, m.start)
        if not _mentions.heading_word(toks, a, lo, v):
            return m  # "CONGRESS HAS INVESTIGATED HIM —" is a heading, not a name
    return None


# --- sieve 4: X said:¶“Q” ----------------------------------------------------------------------


def _colon_intro(ctx: _Context, si: int) -> _Found | None:
    """The sentence before the quotation ends "… X said:" and introduces it."""
    ss, se = ctx.doc.sentences(ctx.p)[si]
    return _intro_in(ctx, ctx.index(ss), ctx.index(se))


def _intro_in(ctx: _Context, lo: int, hi: int, unfinished: bool = False) -> _Found | None:
    toks = ctx.tokens
    # "he said:--", "she went on:—": the colon still introduces the next paragraph, but
    # only through a speech verb near its end ("returned with a letter:--" over a set-in
    # letter stays an inset: LitBank spans measured worse).
    colon = hi - 1
    while colon > lo and toks[colon].text in _JOINING_DASHES:
        colon -= 1
    dashed = toks[colon].text == ":" and colon < hi - 1
    if dashed:
        hi = colon + 1
    if hi - lo < 2:
        return None
    if toks[hi - 1].text != ":":
        # A paragraph that stops in mid-sentence ("Selina calmly replied,¶“Q”", "then
        # the clerk said —¶“Q”") introduces the next one as a colon does.
        end = toks[hi - 1]
        if not unfinished or (end.kind == PUNCT and end.text not in _UNFINISHED):
            return None
        found = _mention_cue_quote(ctx, (lo, hi))
        # A pronoun subject ("he had said at dinner,¶“Q”") is left to the turn-taking,
        # which weighs the scene's voices (taking it measured worse on LitBank).
        if (
            found is None
            or found.cue is None
            or found.speaker is None
            or found.speaker.kind == "pronoun"
            or hi - ctx.index(found.cue.end) > INTRO_TAIL
        ):
            return None
        return _Found("colon_intro", found.speaker, found.cue, direct=True)
    found = _mention_cue_quote(ctx, (lo, hi))
    if dashed and (
        found is None or found.cue is None or hi - ctx.index(found.cue.end) > INTRO_TAIL
    ):
        return None
    if found is None:
        found = _manner_before_colon(ctx, lo, hi)
    if found is None and _announces(toks, lo, hi - 1):
        found = _mention_colon_quote(ctx, (lo, hi))
    if found is None:
        return None
    return _Found("colon_intro", found.speaker, found.cue, direct=True)


def _manner_before_colon(ctx: _Context, lo: int, hi: int) -> _Found | None:
    """ "the clerk went on in his quiet way:", "Ann added in a low voice:": a weak cue
    whose only words before the colon are a phrase of manner introduces as a strong one."""
    found = _mention_cue_quote(ctx, (lo, hi), weak=True)
    if found is None or found.cue is None or found.speaker is None:
        return None
    toks = ctx.tokens
    c = ctx.index(found.cue.end)
    if not 0 < hi - 1 - c <= INTRO_TAIL or toks[c].lower not in ("in", "with"):
        return None
    if any(t.kind == PUNCT for t in toks[c : hi - 1]):
        return None
    return found


# Marks a paragraph ends on when its sentence goes on in the next one, and how many
# tokens may follow the cue ("said in a low, strained voice —").
_UNFINISHED = frozenset([",", "—", "–", "-", "--", ";"])
INTRO_TAIL = 8


_ANNOUNCING = frozenset(["following", "follows"])


def _announces(toks: Sequence[Token], lo: int, colon: int) -> bool:
    """The sentence before a colon announces a text: "X issued the following statement:",
    "The transcript is as follows:", "X posted a message:"."""
    if colon <= lo:
        return False
    if any(t.lower in _ANNOUNCING for t in toks[max(lo, colon - 4) : colon]):
        return True
    nominal = lexicon().nominals.get(toks[colon - 1].lower)
    return nominal is not None and nominal.kind == "document"


# --- kinds --------------------------------------------------------------------------------------


def _adjacent(ctx: _Context, lead: tuple[int, int]) -> bool:
    """The quotation starts its sentence or follows a colon or comma: a statement of its own."""
    lo, hi = lead
    return hi == lo or ctx.tokens[hi - 1].kind == PUNCT


def _kind_without_cue(
    ctx: _Context, q: RawQuote, lead: tuple[int, int], sentence_lo: int
) -> QuoteKind:
    """Direct if the quotation stands as a statement, mixed if it is a quoted fragment
    of running text, "other" for a title, a name or a term ("Meet the Press", the
    so-called “deal”)."""
    text = ctx.doc.text
    content = text[q.content_start : q.content_end].strip()
    if not content:
        return "other"
    words = content.split()
    ends_like_speech = _ends_like_speech(content)
    if _characterised(ctx, lead):
        return "mixed"  # hailed Trump as “The Comeback Kid”
    lo, hi = lead
    if _said_words(ctx, hi, lo):
        return "mixed"  # "she heard the words “my son,”": words someone said
    if _titled_at(ctx, lead) is not None:
        return "mixed"  # "the ad, titled “Open Roads,”": its makers' words (see rules.md)
    if _after_term_noun(ctx, lead):
        return "mixed"  # "has used the phrase “border crisis”": someone's wording
    if _named_thing(ctx, q, lead):
        return "other"
    if _adjacent(ctx, lead):
        if len(words) <= MAX_SCARE_WORDS and not ends_like_speech and hi > lo:
            return "other"  # “Gone with the Wind,” a film; a list of names
        return "direct"
    if len(words) > MAX_SCARE_WORDS or _has_cue(ctx, sentence_lo, hi):
        return "mixed"  # what he called a “brazen breach”
    return "other"  # the hostile chairs of the “parlour”


def _titled_at(ctx: _Context, lead: tuple[int, int]) -> int | None:
    """Index of "titled"/"entitled" right before the quotation, a comma at most between
    ("a memo titled “Q”", "the editorial, entitled, “Q”"), or ``None``."""
    j = _word_before(ctx, lead)
    return j if j >= lead[0] and ctx.tokens[j].lower in _TITLING else None


def _word_before(ctx: _Context, lead: tuple[int, int]) -> int:
    """Index of the last token of the text before a quotation, a comma skipped ("her
    memoir, “Q”"); below ``lead[0]`` when there is none."""
    lo, hi = lead
    j = hi - 1
    if j > lo and ctx.tokens[j].text == ",":
        j -= 1
    return j


_TITLING = frozenset(["titled", "entitled"])


@cache
def _characterisation_words() -> Mapping[str, frozenset[str]]:
    """Frame word -> the words that cancel it right before it (`characterisations.tsv`;
    a verb of naming, marked "+" there, is in `_naming_verbs` too)."""
    table: dict[str, frozenset[str]] = {}
    text = _lexicon._resource("characterisations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        word, _, cancel = line.partition("\t")
        table[word.strip().rstrip("+").lower()] = frozenset(cancel.lower().split())
    return table


@cache
def _naming_verbs() -> frozenset[str]:
    """The verbs of naming of `characterisations.tsv` (marked "+"): "dubbed", "branded"."""
    text = _lexicon._resource("characterisations.tsv").read_text(encoding="utf-8")
    return frozenset(
        line.partition("\t")[0].strip().rstrip("+").lower()
        for line in text.splitlines()
        if line.partition("\t")[0].strip().endswith("+")
    )


# Words of a naming verb's object before the name: "branded the new plan a “Q”".
_NAMED_OBJECT = 3


def _naming_verb(ctx: _Context, lead: tuple[int, int]) -> int | None:
    """Index of the verb of naming whose object the quotation names, an object of up to
    `_NAMED_OBJECT` words between ("dubbed Webb “Mr. Tax Hike”", "branded the plan a
    “giveaway”"), or ``None``."""
    lo, hi = lead
    toks = ctx.tokens
    j = hi - 1
    if j > lo and toks[j].lower in _mentions.DETERMINERS:
        j -= 1
    for k in range(j, max(lo, j - _NAMED_OBJECT - 1), -1):
        if toks[k].kind != WORD:
            return None
        if toks[k].lower in _naming_verbs():
            cancel = _characterisation_words()[toks[k].lower]
            return k if k == lo or toks[k - 1].lower not in cancel else None
    return None


def _characterised(ctx: _Context, lead: tuple[int, int]) -> bool:
    """The quotation follows a characterisation frame inside its clause: "X as a “Q”",
    "X dubbed Webb “Q”"."""
    lo, hi = lead
    toks = ctx.tokens
    j = hi - 1
    if j > lo and toks[j].lower in _mentions.DETERMINERS:
        j -= 1
    if j <= lo:
        return False  # "As the “establishment” candidate, …": the frame opens the sentence
    cancel = _characterisation_words().get(toks[j].lower)
    if cancel is not None and toks[j - 1].lower not in cancel:
        return True
    return _naming_verb(ctx, lead) is not None


def _has_cue(ctx: _Context, lo: int, hi: int) -> bool:
    """Whether a speech verb of any strength starts in ``tokens[lo:hi]``."""
    at = ctx.cue_positions()
    i = bisect_left(at, lo)
    return i < len(at) and at[i] < hi


def _ends_like_speech(content: str) -> bool:
    return content[-1] in ".?!,;:…—-" or content[-1] in "'\"’”"


def _named_thing(ctx: _Context, q: RawQuote, lead: tuple[int, int]) -> bool:
    """A title, name or term in marks: “Meet the Press”, the so-called “deal”."""
    content = ctx.doc.text[q.content_start : q.content_end].strip()
    if not content:
        return True
    lo, hi = lead
    if hi > lo and ctx.tokens[hi - 1].lower in _lexicon.title_cues():
        return True
    # American commas and periods sit inside the marks: CBS's “Face the Nation,”
    bare = content.rstrip(",.")
    # No title has more than `_TITLE_WORDS` words: one piece past that is enough to tell.
    words = bare.split(None, _TITLE_WORDS)
    if not words or not _title_like(words) or _ends_like_speech(bare):
        return False
    if any(w.endswith((".", "!", "?")) and len(w) > 4 for w in words[:-1]):
        return False  # “The Donald. Big Daddy.”: two sentences, not a title ("Mr." is short)
    k = ctx.index(q.end)
    if k < len(ctx.tokens) and ctx.tokens[k].text in _lexicon.word_list("role_nouns.txt"):
        return True  # “Night Shift” star Ana Ruiz: a part in a work
    if q.start == ctx.start and not (content[-1].isalnum() and _subject_of_sentence(ctx, k)):
        return False  # a paragraph that opens with a quotation opens with speech
    if hi > lo and (_mentions.possessive(ctx.tokens[hi - 1]) or _after_work_noun(ctx, lead)):
        return True  # ABC's “This Week,”, the podcast “Here We Go.”: a thing, not words
    first = words[0].lower()
    if first in lexicon().not_names and first not in ("the", "a", "an"):
        return False  # “This is Italy.”, “But you are Paul.”
    return len(words) > 1 or bare == content


def _subject_of_sentence(ctx: _Context, k: int) -> bool:
    """The token at ``k``, right after a quotation with no comma or stop of its own, is a
    lower-case word that is neither a speech verb nor a pronoun: the sentence goes on with
    the quotation as its subject ("“Open Roads” is a film about …"), not with a tag ("“Hush”
    she said", "“Yes,” faltered the boy")."""
    if k >= len(ctx.tokens):
        return False
    tok = ctx.tokens[k]
    return (
        tok.kind == WORD
        and not tok.upper
        and tok.lower not in lexicon().pronouns
        and not _has_cue(ctx, k, k + 1)
    )


# A title right after a preposition names a place, a programme or a work, even in a
# sentence with a cue: "Pence said on “Meet the Press”", "the overture to “The Barber
# of Seville”", "in the garden of the “Golden Lion”".
_TITLE_REACH = 6  # tokens between a cue and a title it governs: "called the winner “Q”"
_WORK_PREPOSITIONS = frozenset(
    "on in of to from for at with by under into onto about during through".split()
)


def _names_a_work(
    ctx: _Context, q: RawQuote, lead: tuple[int, int], cue: Span | None = None
) -> bool:
    """A quoted title in a sentence that has a speech cue: only a title cue ("the so-called
    “deal”"), a possessive ("CNN's “State of the Union”") or a preposition ("on “Meet
    the Press”", "of the “Crown”") make it a name. Otherwise the quoted words are the
    speaker's, in Title Case or not: "Trump proclaimed a goal of “Peace Through
    Strength.”", "he called Rubio “Little Marco”"."""
    lo, hi = lead
    toks = ctx.tokens
    if hi > lo and toks[hi - 1].lower in _lexicon.title_cues():
        return True
    if hi == lo or not _named_thing(ctx, q, lead):
        return False
    if cue is None or cue.end > q.start or hi - ctx.index(cue.end) > _TITLE_REACH:
        return True  # a cue far before the title does not govern it
    j = hi - 1
    if _mentions.possessive(toks[j]) or _after_work_noun(ctx, lead):
        return True
    if j > lo and toks[j].lower in _mentions.DETERMINERS:
        j -= 1
    return toks[j].lower in _WORK_PREPOSITIONS


def _in_a_phrase(ctx: _Context, lead: tuple[int, int]) -> bool:
    """The quotation is the object of a preposition or a possessive ("on CBS's “Q”",
    "broadcast of “Q”") or names a work ("the podcast “Q”"), not a statement standing
    on its own."""
    lo, hi = lead
    if hi == lo:
        return False
    before = ctx.tokens[hi - 1]
    return (
        _mentions.possessive(before)
        or before.lower in _WORK_PREPOSITIONS
        or before.lower in _TELLING  # "told “Fox and Friends”": the one told, a programme
        or _after_work_noun(ctx, lead)
    )


# Forms of "tell", whose object right after it is the one told, not the words.
_TELLING = frozenset(["tell", "tells", "told", "telling"])


def _after_term_noun(ctx: _Context, lead: tuple[int, int]) -> bool:
    """The quotation follows a noun of wording after "the" or a possessive ("the phrase
    “Q”", "his slogan, “Q”": `term_nouns.txt`), a comma at most between. Not "that word
    “Q”", which points back at the writer's own text."""
    lo = lead[0]
    toks = ctx.tokens
    j = _word_before(ctx, lead)
    if j - 1 < lo or toks[j].text not in _lexicon.word_list("term_nouns.txt"):
        return False
    before = toks[j - 1]
    return before.lower in _OWNERS or _mentions.possessive(before)


# "the" and the possessive determiners: whose wording a term noun names.
_OWNERS = frozenset("the his her their its our my your".split())


def _after_work_noun(ctx: _Context, lead: tuple[int, int]) -> bool:
    """The quotation follows a noun of a work ("the reality show “Q”", "her memoir, “Q”":
    `work_nouns.txt`), a comma at most between."""
    lo = lead[0]
    toks = ctx.tokens
    j = _word_before(ctx, lead)
    if j < lo or toks[j].text not in _lexicon.word_list("work_nouns.txt"):
        return False
    # "called the show “Total Nonsense”": the object of a cue, and the words its speaker's.
    return not (
        j - 2 >= lo and toks[j - 1].lower in _mentions.DETERMINERS and _has_cue(ctx, j - 2, j - 1)
    )


# Prepositions of four letters a title may leave in lower case: "The Late Show with Ana Ruiz".
_TITLE_SMALL_WORDS = frozenset("with from into onto upon over".split())


# The most words a title has ("A Long Walk Home to the Old Mill").
_TITLE_WORDS = 8


def _title_like(words: Sequence[str]) -> bool:
    """Title Case: every word of four letters or more is capitalised ("Meet the Press"),
    but for a few prepositions ("Dinner with Ana")."""
    if len(words) > _TITLE_WORDS:
        return False  # (first: most quotations are longer, and then nothing else counts)
    long = [w for w in words if (len(w) > 3 and w not in _TITLE_SMALL_WORDS) or w[:1].isupper()]
    if not long or not all(w[:1].isupper() or w[:1].isdigit() for w in long):
        return False
    return len(words) == 1 or len(long) >= 2  # not “Most of it.”


# --- same paragraph, fallbacks, pronouns ---------------------------------------------------------


_CONJUNCTIONS = frozenset(["and", "or", "nor"])
_JOINING_DASHES = frozenset(["-", "--", "—", "–"])


def _coordinated(ctx: _Context, links: list[Link]) -> None:
    """ "called Machado “Miss Piggy” and “Miss Housekeeping”": a quoted phrase joined to a
    quoted fragment of speech by a conjunction is more of the same speech."""
    toks = ctx.tokens
    for i in range(1, len(links)):
        link, prev = links[i], links[i - 1]
        if link.kind != "other" or prev.kind == "other":
            continue  # only after speech: not in a list of titles
        if prev.kind == "mixed" and prev.cue is None:
            k = ctx.index(prev.start)
            if not _said_words(ctx, k, ctx.index(ctx.start)):
                continue
        between = toks[ctx.index(prev.end) : ctx.index(link.start)]
        # "“Dear Anne!” -- and “Dear Anne,” was all she could say": dashes join too.
        words = [t.lower for t in between if t.text != "," and t.text not in _JOINING_DASHES]
        if not words or words[0] not in _CONJUNCTIONS or len(words) > 2:
            continue
        if len(words) == 2 and words[1] not in _mentions.DETERMINERS:
            continue
        link.kind = "mixed"


def _hearing(word: str) -> bool:
    """ "heard", "overhear": a verb of hearing (data/lexicon/hearing_verbs.txt)."""
    return word in _lexicon.word_list("hearing_verbs.txt")


def _said_words(ctx: _Context, hi: int, lo: int) -> bool:
    """``tokens[hi - 2 : hi]`` are "the words" after a verb of saying or hearing ("she heard
    the words", "he repeated the words"); not "a label with the words", "use the words"."""
    toks = ctx.tokens
    if hi - 3 < lo or toks[hi - 1].lower != "words" or toks[hi - 2].lower != "the":
        return False
    verb = toks[hi - 3]
    return _hearing(verb.lower) or ctx.doc.cues.verb_at(toks, hi - 3, hi - 2)[0] == 1


def _share_within_paragraph(ctx: _Context, links: list[Link]) -> None:
    """“Q1,” he said. “Q2.” — an unattributed quotation takes its paragraph's speaker."""
    known = [link for link in links if link.speaker is not None]
    if not known:
        return
    last: Link | None = None
    for link in links:
        if link.speaker is not None:
            last = link
            continue
        if link.kind == "other":
            continue
        source = last if last is not None else known[0]
        link.speaker = source.speaker
        link.cue = source.cue
        if source is last:
            # "called it “outrageous” and called for pay to be “clawed back”": the
            # second verb of the same subject is this quotation's cue.
            link.cue = _coordinated_cue(ctx, last.end, link.start) or link.cue
        link.rule = "same_paragraph"
        link.confidence = CONFIDENCE["same_paragraph"]


def _coordinated_cue(ctx: _Context, start: int, end: int) -> Span | None:
    """A cue verb right after "and"/"but" between two quotations of one sentence."""
    toks = ctx.tokens
    lo, hi = ctx.index(start), ctx.index(end)
    if hi - lo > _TITLE_REACH * 2 or any(t.text in _SENTENCE_STOPS for t in toks[lo:hi]):
        return None
    for v in range(lo + 1, hi):
        if toks[v - 1].lower not in _COORDINATORS or toks[v].kind != WORD:
            continue
        n, _ = ctx.doc.cues.verb_at(toks, v, hi)
        if n and not ctx.doc.cues.is_manner(toks[v].text):
            return _span(ctx.doc.text, toks, v, v + n)
    return None


def _paragraph_mention(ctx: _Context, link: Link) -> None:
    """ "Elizabeth smiled. “Q”": a name in the paragraph's narration, nearest the quotation
    among the best kind there is: the subject of a cue, then a person, then any name."""
    # "“Q” he asked as they went in": a plural pronoun is seldom one turn's speaker.
    found, starts = ctx.singular_speakers()
    if found:
        i = bisect_left(starts, link.start)
        near = found[max(0, i - 1) : i + 1]
        nearest = min(near, key=lambda m: abs(m.start - link.start))
        if nearest.kind == "pronoun" and _told_as_story(ctx.doc) and _moved_on(ctx, nearest, link):
            # "“Q” He watched Ann until she sat down. She was tired.": in a story, a
            # pronoun sentences off, past someone else, is whom the narration moved on to.
            return
        link.speaker = nearest
        if link.cue is None:  # not "a memo titled “Q”": its naming word stays the cue
            link.cue = (
                _cue_next_to(ctx, link.speaker)
                or _verb_after(ctx, link.speaker, link)
                or _cue_before(ctx, link)
            )
        link.rule = "paragraph_mention"
        link.confidence = CONFIDENCE["paragraph_mention"]


def _moved_on(ctx: _Context, m: Mention, link: Link) -> bool:
    """Whether pronoun ``m`` is two sentences or more from the quotation, with a name or
    a pronoun of the other sex between them: "“Q” He watched Ann until she sat down.
    She was tired." (not "She sat by Tom. The room was bare. She sat down. “Q”")."""
    sentences = ctx.doc.sentences(ctx.p)
    starts = [s for s, _ in sentences]
    sm = bisect_right(starts, m.start) - 1
    first = bisect_right(starts, link.start) - 1
    last = bisect_right(starts, max(link.start, link.end - 1)) - 1
    if sm < first - 1:
        lo, hi = sentences[sm][1], link.start
    elif sm > last + 1:
        lo, hi = link.end, starts[sm]
    else:
        return False
    sex = _mentions.lexicon().pronouns.get(m.text.lower(), "x")[0]
    for other in narration_mentions(ctx.doc, ctx.p, end=hi):
        if other.start < lo:
            continue
        if other.kind == "name":
            return True
        said = _mentions.lexicon().pronouns.get(other.text.lower(), "x")[0]
        if other.kind == "pronoun" and said in "mf" and said != sex:
            return True
    return False


def _cue_before(ctx: _Context, link: Link) -> Span | None:
    """The last cue verb before the quotation in its own sentence, when its subject is
    elsewhere: "After saying her foot was “so swollen,” she was taken in" -> "saying"."""
    sentences = ctx.doc.sentences(ctx.p)
    if link.sentence >= len(sentences):
        return None
    lo, hi = ctx.index(sentences[link.sentence][0]), ctx.index(link.start)
    cues = ctx.cue_positions()
    k = bisect_left(cues, hi) - 1
    if k < 0 or cues[k] < lo:
        return None
    return _cue_at(ctx, cues[k])


def _plural(m: Mention) -> bool:
    """A plural pronoun mention: "they", "we"."""
    if m.kind != "pronoun":
        return False
    return _mentions.lexicon().pronouns.get(m.text.lower(), "").endswith("pl")


def _cue_next_to(ctx: _Context, m: Mention) -> Span | None:
    """The cue verb the mention is the subject of ("Schiff said."), or that it follows
    ("said Schiff"), as `_Context.likely_speakers` ranks them."""
    i, j = ctx.index(m.start), ctx.index(m.end)
    cues = ctx.cue_positions()
    k = bisect_left(cues, j)
    if k < len(cues) and cues[k] - j <= 2:
        v = cues[k]
    elif k > 0 and cues[k - 1] == i - 1:
        v = cues[k - 1]
    else:
        return None
    return _cue_at(ctx, v)


def _cue_at(ctx: _Context, v: int) -> Span | None:
    """The cue verb (with its particle: "pointed out") starting at token ``v``, or
    None after a determiner ("was the answer Ruiz gave": a noun)."""
    toks = ctx.tokens
    if v > 0 and toks[v - 1].lower in _mentions.DETERMINERS:
        return None
    n, _ = ctx.doc.cues.verb_at(toks, v, len(toks))
    return _span(ctx.doc.text, toks, v, v + max(n, 1))


def _verb_after(ctx: _Context, m: Mention, link: Link) -> Span | None:
    """The word the subject ``m`` goes on with in the quotation's sentence, before it:
    "Ruiz, the mayor, stood by her “plain words”" -> "stood". Adverbs and an apposition
    are skipped."""
    sentences = ctx.doc.sentences(ctx.p)
    if m.end > link.start or link.sentence >= len(sentences):
        return None
    if m.start < sentences[link.sentence][0]:
        return None
    toks = ctx.tokens
    hi = ctx.index(link.start)
    w = ctx.index(m.end)
    if w < hi and toks[w].text == ",":
        w = _after_apposition(toks, w, hi)
    while w < hi and toks[w].lower in _mentions.SKIPPABLE and toks[w].lower not in _NO_CUE_VERBS:
        w += 1
    if w >= hi or toks[w].kind != WORD or toks[w].upper:
        return None
    t = toks[w].lower
    if t in _mentions.STOPS or t in _mentions.DETERMINERS or t in _mentions.SKIPPABLE:
        return None
    n, _ = ctx.doc.cues.verb_at(toks, w, hi)
    return _span(ctx.doc.text, toks, w, w + max(n, 1))


# Forms of "be", "have", "do" and modals: no cue of their own ("Ruiz was …").
_NO_CUE_VERBS = frozenset("has have had was were is did does do would will".split())


def narration_mentions(doc: Document, p: int, end: int | None = None) -> list[Mention]:
    """Name and pronoun mentions of paragraph ``p`` outside its quotations (before ``end``),
    places left out (`is_place`).

    Computed once per paragraph: a paragraph of a thousand quotations asks a thousand times.
    """
    cached = doc.narration.get(p)
    if cached is None:
        toks = doc.tokens(p)
        found: list[Mention] = []
        for lo, hi in _outside(doc, p, toks):
            found.extend(
                m
                for m in _mentions.name_mentions(doc.text, toks, lo, hi, doc.common_word)
                if not is_place(doc, m)
            )
        # Mentions do not overlap, so their ends are sorted like their starts.
        cached = (found, [m.end for m in found])
        doc.narration[p] = cached
    found, ends = cached
    return found if end is None else found[: bisect_right(ends, end)]


# What comes before a place's name: "in Leeds", "near the Mill", "on the Quayside"
# ("at", "to", "from" only with "the": "at Anne", "to Anne" are people).
# Searched backwards ((?r)) from the name: the match must end there, so each start
# position tried fails at once on `$` instead of trying the prepositions; whether a
# match exists is the same either way, and only that is asked (0.6x the instructions).
_PLACE_BEFORE = regex.compile(
    r"(?ri)(?<![\p{L}\p{N}])(?:(?:in|near|into|towards?|through|outside|inside|across|around"
    r"|within|beyond)\s+(?:the\s+)?|(?:at|to|from|on|round)\s+the\s+)(?-i:\p{Lu}\p{L}*\s+)?$"
)
_PLACE_WINDOW = 30
_PLACE_OCCURRENCES = 60
_PLACE_MIN = 3
# A shorter text gives too few occurrences to tell (and a short story's places rarely
# speak): asking would cost a search of the text per name.
_PLACE_TEXT = 20_000
# A name after such words this often (of its first 400 occurrences) names a place.
_PLACE_SHARE = 0.4


def is_place(doc: Document, m: Mention) -> bool:
    """Whether name mention ``m`` names a place, not a person: the document puts its last
    word after "in", "near", "at the", "on the" … in 40% of its occurrences or more
    ("the Rectory", "the Quayside", "Leeds"). A title or a given name is a person's.
    Only asked of texts of 20,000 characters or more."""
    if m.kind != "name" or len(doc.text) < _PLACE_TEXT:
        return False
    # Asked again at every mention of a name (narration, speakers): the answer depends
    # on the text of the mention alone.
    known = doc.places.get(m.text)
    if known is None:
        known = doc.places[m.text] = _place_name(doc, m.text)
    return known


def _place_name(doc: Document, name: str) -> bool:
    words = [w for w in name.split() if w[:1].isupper()]
    lex = lexicon()
    if not words or any(w.lower() in lex.title_words for w in words):
        return False
    # Every word a place's: "Millbrook Rectory", not "NEWSWIRE Ohio".
    return all(_place_word(doc, w) for w in words)


def _place_word(doc: Document, word: str) -> bool:
    if word.lower() in lexicon().first_names:
        return False
    return doc.once(("place", word), lambda: _after_place_words(doc, word))


def _after_place_words(doc: Document, word: str) -> bool:
    text = doc.text
    starts = doc.occurrences(word, _PLACE_OCCURRENCES)
    n = len(starts)
    if n < _PLACE_MIN:
        return False
    share = _PLACE_SHARE * n
    after = 0
    # Read until the answer is sure: the share reached, or out of reach of the rest.
    for k, s in enumerate(starts):
        if after + n - k < share:
            return False
        if _PLACE_BEFORE.search(text, max(0, s - _PLACE_WINDOW), s) is not None:
            after += 1
            if after >= share:
                return True
    return False


def _previous_paragraph_intro(ctx: _Context) -> _Found | None:
    """The previous paragraph ends "… X said:" and introduces this one."""
    p = ctx.p - 1
    if p < 0:
        return None
    doc = ctx.doc
    ss, se = doc.sentences(p)[-1]
    prev = _Context(doc, p, ())
    return _intro_in(prev, prev.index(ss), prev.index(se), unfinished=True)


# The end of a paragraph that introduces a song: a verb of singing or someone's song, then
# a colon ("… the ballad he always sang:", "he began his old song:").
_SUNG = regex.compile(
    r"(?i)(?:\b(?:sing|sings|sang|sung|singing)|\b(?:his|her|my|their|our|your)[ \t\n]+"
    r"(?:\w+[ \t\n]+)?song)\b[^.!?;:]*+:[ \t]*+$"
    # … or reads it out: "I read the entry aloud.", "she read out:".
    r"|\bread(?:s|ing)?\b[^.!?;:]{0,40}?\b(?:aloud|out)\b[^.!?;:]{0,40}?[.:][ \t]*+$"
)
_SUNG_REACH = 80


def _sung_intro(ctx: _Context) -> _Found | None:
    """The previous paragraph ends on a song's introduction ("he sang, as he always did:")
    and names the singer: the set-in verse after it is the singer's, not an epigraph's."""
    p = ctx.p - 1
    if p < 0:
        return None
    doc = ctx.doc
    ss, se = doc.sentences(p)[-1]
    if _SUNG.search(doc.text, max(ss, se - _SUNG_REACH), se) is None:
        return None
    prev = _Context(doc, p, ())
    found = _mention_cue_quote(prev, (prev.index(ss), prev.index(se)), weak=True)
    if found is None or found.speaker is None or found.cue is None:
        return None
    return _Found("colon_intro", found.speaker, found.cue, direct=True)


def _outside(doc: Document, p: int, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges of paragraph ``p`` outside quotations."""
    starts = [t.start for t in toks]
    ps, pe = doc.paragraphs[p]
    out = []
    pos = 0
    for qs, qe in doc.quotes_in(ps, pe):
        a = bisect_left(starts, qs)
        if a > pos:
            out.append((pos, a))
        pos = bisect_left(starts, qe)
    if pos < len(toks):
        out.append((pos, len(toks)))
    return out


def _span(text: str, toks: Sequence[Token], a: int, b: int) -> Span:
    s, e = toks[a].start, toks[b - 1].end
    return Span(s, e, text[s:e])


# Statements whose content claims no quoted term: a "Name: words" line is a headline or a
# transcript turn, whose quoted words are titles as often as anyone's.
_UNCLAIMING = frozenset(["indirect_colon"])


def claim_terms(links: Sequence[Link]) -> None:
    """A quoted title or term inside an indirect statement's content is the source's
    wording, a fragment of the statement: kind mixed, with the statement's speaker and
    cue ("Ruiz said the county's “Fair Roads” plan would fail"); so is one before a
    quotation attributed after it in its sentence (`_claim_before_tail`). ``links`` are
    in document order, indirect statements among them (`_indirect.combine`)."""
    _claim_before_tail(links)
    contents: list[tuple[int, int, Link]] = []
    for link in links:
        if link.kind != "indirect" or link.speaker is None or link.rule in _UNCLAIMING:
            continue
        for s, e in link.segments or ((link.content_start, link.content_end),):
            contents.append((s, e, link))
    if not contents:
        return
    contents.sort(key=lambda c: (c[0], -c[1]))
    # One sweep: `open_` holds the contents around the position, outermost first
    # (records are disjoint or nested, so the innermost holding a term is on top).
    open_: list[tuple[int, int, Link]] = []
    j = 0
    for link in sorted((x for x in links if x.kind == "other" and x.term), key=_by_start):
        while j < len(contents) and contents[j][0] <= link.start:
            while open_ and open_[-1][1] <= contents[j][0]:
                open_.pop()
            open_.append(contents[j])
            j += 1
        while open_ and open_[-1][1] < link.end:
            open_.pop()
        if not open_:
            continue
        _in_statement(link, open_[-1][2])


def _claim_before_tail(links: Sequence[Link]) -> None:
    """A quoted term before a mixed quotation in its sentence, when that quotation's
    speaker and cue come after it ("The four “gaps” he cited are “Q,” the paper
    reported"): the sentence up to the reported words is the speaker's, so the term is
    their wording too (kind mixed, rule in_statement). Not across another quotation."""
    pending: list[Link] = []
    for link in sorted(links, key=_by_start):
        if link.kind == "other" and link.term:
            if pending and (pending[0].paragraph, pending[0].sentence) != (
                link.paragraph,
                link.sentence,
            ):
                pending = []
            pending.append(link)
            continue
        if link.kind == "indirect":
            continue
        if (
            pending
            and link.kind in ("direct", "mixed")
            and link.rule == "quote_cue_mention"
            and link.speaker is not None
            and link.cue is not None
            and link.speaker.start >= link.end
            and link.cue.start >= link.end
            and (link.paragraph, link.sentence) == (pending[0].paragraph, pending[0].sentence)
        ):
            for term in pending:
                _in_statement(term, link)
        pending = []


def _in_statement(term: Link, statement: Link) -> None:
    """The quoted term is a fragment of ``statement``: kind mixed, its speaker and cue."""
    term.kind = "mixed"
    term.speaker = statement.speaker
    term.referent = statement.referent
    term.cue = statement.cue
    term.rule = "in_statement"
    term.confidence = CONFIDENCE["in_statement"]


def _by_start(link: Link) -> int:
    return link.start
