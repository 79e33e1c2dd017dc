"""Reported speech without quotation marks: ``kind="indirect"`` records.

One regex pass over the text finds the reporting verbs of the lexicon
(`data/lexicon/indirect_cues.tsv`, readings in `indirect_readings.tsv`) and
"according to", another the lines that open with a source and a colon; only
the sentences that hold one are tokenised, and only a window around each cue when a
sentence is very long, so the cost grows with the number of cues, not with
the document. Each cue is read against a few general English patterns:

=======================  =====================================================  ====
rule                     pattern                                                conf
=======================  =====================================================  ====
indirect_said_that       X said (on Tuesday) (that) CLAUSE                      0.8
indirect_told            X told reporters/CNN/him (that) CLAUSE                 0.8
indirect_said_of         X said of Y that CLAUSE                                0.8
indirect_statement       X's statement / a statement from X said CLAUSE         0.8
indirect_clause_said     CLAUSE, X said.  /  CLAUSE, said X.  /  A, X said, B   0.8
indirect_according_to    CLAUSE, according to X.  /  According to X, CLAUSE     0.85
indirect_participle      …, adding (that) CLAUSE  (the sentence's speaker)      0.7
indirect_relative        X, who said CLAUSE                                     0.7
indirect_passive         it was reported (by X) that CLAUSE / Y was cited by X  0.6
indirect_object          X cited / called for / wants CONTENT                   0.5
indirect_evidential      X seemed to … / X is expected to … (no source)         0.5
indirect_question        Asked whether … / when asked about … / X was asked …   0.5
indirect_colon           SOURCE: CLAUSE opening a line (headlines)              0.6
=======================  =====================================================  ====

Headlines count in title case ("Hollande Says …", "Lawmakers Slam …"), and a clause
verb may take any short subject that opens its clause ("Several supporters of the
reform said …").

The content is the reported clause without the cue, the complementiser
"that" and the adjuncts between them ("on Tuesday", "in an interview").
A statement is reported once: a cue that attributes a direct quotation
(“Q,” X said) gives no indirect record, a cue inside a quotation or inside
another record's content gives none either (no nested records), and a cue
shared with a ``mixed`` quoted fragment gives the fragment's speaker to the
indirect record that contains it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import cache
from heapq import merge
from itertools import accumulate

from quoteattr import _lexicon, _mentions
from quoteattr._attribution import PRONOUN_FACTOR, Link
from quoteattr._conversation import _Genders
from quoteattr._document import Document
from quoteattr._errors import DataError
from quoteattr._lexicon import Frame
from quoteattr._mentions import DETERMINERS, SKIPPABLE, WEEKDAYS, lexicon
from quoteattr._models import Mention, Span
from quoteattr._tokens import NUMBER, PUNCT, WORD, Token, tokenize

CONFIDENCE = {
    "indirect_said_that": 0.8,
    "indirect_told": 0.8,
    "indirect_said_of": 0.8,
    "indirect_statement": 0.8,
    "indirect_clause_said": 0.8,
    "indirect_according_to": 0.85,
    "indirect_participle": 0.7,
    "indirect_relative": 0.7,
    "indirect_passive": 0.6,
    "indirect_object": 0.5,
    "indirect_evidential": 0.5,
    "indirect_question": 0.5,
    "indirect_colon": 0.6,
    "indirect_noun": 0.5,
}
# A sentence longer than this is read through windows around each cue.
LONG_SENTENCE = 2000
WINDOW_BEFORE = 400
WINDOW_AFTER = 300
# How far a typewriter quotation (''…'') may run from its opening marks: the search for
# its closing marks stays bounded in a paragraph of many unclosed ones.
MAX_TYPEWRITER = 3000
# How many tokens may separate a cue from its complementiser "that".
MAX_ADJUNCT = 12
# How far back (sentences) to look for a pronoun's named antecedent.
ANTECEDENT_SENTENCES = 8

_COMMAS = frozenset([",", "—", "–", "--"])
_CLOSING = frozenset([".", "!", "?", "”", "’", '"', "'", ")", "…", ":"])
_OBJECT_PRONOUNS = frozenset("him her them me us you it".split())
_BE = frozenset("is was were are been be being".split())
_RELATIVES = frozenset(["who", "which", "that"])
_OPENING_CONJUNCTIONS = frozenset(
    "but and yet so still however also now meanwhile indeed moreover further".split()
)
_TRAIL = " \t\n\r\f\v\u00a0.!?,;:"


class _Cue:
    __slots__ = ("frame", "gerund", "lemma", "participle", "words")

    def __init__(
        self, words: tuple[str, ...], lemma: str, frame: Frame, gerund: bool, participle: bool
    ) -> None:
        self.words = words
        self.lemma = lemma
        self.frame = frame
        self.gerund = gerund
        self.participle = participle


class _Table:
    """Reporting verbs by first word, and one regex that finds their first words."""

    __slots__ = (
        "adjuncts",
        "appraisals",
        "bare",
        "by_first",
        "gapped",
        "judged",
        "nouns",
        "opening",
        "questions",
        "scan",
        "scan_first",
        "stances",
        "title_bases",
    )

    def __init__(self) -> None:
        readings = _readings()
        self.appraisals = readings["appraisal"]
        self.questions = readings["question"]
        self.bare = readings["bare"]
        self.stances = readings["stance"]
        self.judged = readings["judged"]
        by_first: dict[str, list[_Cue]] = {}
        for cue in _lexicon.indirect_cues():
            forms = set(cue.forms)
            participles = {f for f in forms if f.endswith("ed") or f in ("said", "told")}
            if cue.lemma in self.stances:
                participles = set()  # "concerned about": an adjective, one form
            for form in forms:
                words = tuple(form.split())
                gerund = form == cue.gerund and cue.lemma not in self.stances
                entry = _Cue(words, cue.lemma, cue.frame, gerund, form in participles)
                by_first.setdefault(words[0], []).append(entry)
        for entries in by_first.values():
            entries.sort(key=lambda c: -len(c.words))
        self.by_first = by_first
        self.adjuncts: Mapping[str, str] = _lexicon.indirect_adjuncts()
        forms = {" ".join(c.words) for entries in by_first.values() for c in entries}
        # Title case for headlines ("Hollande Says Trump ...", "Sanders Calls For ..."):
        # a capitalised form counts only in a title-case sentence (see `find`). Not
        # the base form or the gerund, which head nouns there ("Joke", "Demand").
        finite = {f for c in _lexicon.indirect_cues() for f in c.forms - {c.lemma, c.gerund}}
        forms |= {f[0].upper() + f[1:] for f in finite} | {f.title() for f in finite}
        # The base form after a plural subject in a title-case headline ("Lawmakers Rip
        # Mayor Over Budget", "New Polls Show …"): scanned, kept there only (`find`).
        verbs = [c for c in _lexicon.indirect_cues() if c.lemma not in self.stances]
        firsts = {f.split()[0] for c in verbs for f in c.forms - {c.lemma, c.gerund}}
        bases = {c.lemma for c in verbs if c.lemma.split()[0] not in firsts}
        self.title_bases = frozenset(b.split()[0].capitalize() for b in bases)
        forms |= {b[0].upper() + b[1:] for b in bases} | {b.title() for b in bases}
        # A gerund opening a sentence ("Citing a new study, the mayor …"), there only.
        gerunds = {c.gerund for c in _lexicon.indirect_cues() if c.lemma not in self.stances}
        self.opening = frozenset(g[0].upper() + g[1:] for g in gerunds)
        forms |= self.opening
        forms |= {"according to", "According to"}
        # Stance nouns ("her decision to …"): in the same scan, kept by `_owned_at` only
        # before their frame; not in `by_first`, so no verb reading sees them.
        self.nouns = frozenset(_stance_nouns())
        forms |= self.nouns
        # A trie of the forms (phrasal verbs whole, so "went" alone is not a candidate):
        # each character has one branch, so the scan is linear. A form starts a word:
        # `scan` finds it after a character that is not a word character (a pattern that
        # opens with a character set is scanned for in C, one that opens with a
        # lookbehind is tried at every position: a third more work), `scan_first` at
        # the start of the text.
        trie = _trie(sorted(forms))
        self.scan = re.compile(r"[^\w](?:" + trie + r")\b")
        self.scan_first = re.compile(r"(?:" + trie + r")\b")
        # A phrasal verb with a word inside it ("spoke briefly of", "raised new questions
        # about"): its first word, the word inside and its second word, one trie (\x01 an
        # adverb, \x02 any word before the noun of a light verb); `_verb_at` checks the rest.
        keys = {
            c.words[0] + ("\x01" if len(c.words) == 2 else "\x02") + c.words[1]
            for e in by_first.values()
            for c in e
            if len(c.words) > 1
            and c.lemma not in self.stances
            and (c.words[0] not in _NOT_GAPPED or len(c.words) > 2)
            and c.words[1] not in _NO_GAP_NOUN | DETERMINERS  # "make the case", "make it clear"
        }
        # "talked to reporters about", "spoke with the mayor about": the one spoken to
        keys |= {
            c.words[0] + "\x03about"
            for e in by_first.values()
            for c in e
            if c.words[1:] == ("about",) and c.lemma not in self.stances
        }
        adverb = " (?:[a-z]+ly|" + "|".join(sorted(_GAP_WORDS)) + ") "
        gapped = (
            _trie(sorted(keys))
            .replace("\x01", adverb)
            .replace("\x02", " [a-z][a-z-]* ")
            .replace("\x03", r" (?:to|with) (?:[\w’'.-]+ ){1," + str(MAX_SPOKEN_TO) + "}")
        )
        self.gapped = re.compile(r"[^\w](?:" + gapped + r")\b")


def _readings() -> dict[str, frozenset[str]]:
    """Lemmas by their special readings (`data/lexicon/indirect_readings.tsv`):
    "appraisal" ("is expected to"), "question" ("when asked about"), "bare"
    (the base form is a verb after any noun phrase: "Analysts at the bank say") and
    "stance" (an adjective after "be": "The mayor is critical of the plan")."""
    return parse_readings(_lexicon._resource("indirect_readings.tsv"))


READINGS = ("appraisal", "question", "bare", "stance", "judged")


def parse_readings(source: _lexicon.Source) -> dict[str, frozenset[str]]:
    """Parse an ``indirect_readings.tsv`` file: lowercase lemma, reading (`READINGS`)."""
    out: dict[str, set[str]] = {r: set() for r in READINGS}
    for number, (lemma, reading) in _lexicon._rows(source, ("lemma", "reading")):
        if reading not in out or lemma != lemma.lower():
            raise DataError(
                f"{_lexicon._label(source)}:{number}: expected a lowercase lemma and one of "
                f"{', '.join(READINGS)}, got {lemma!r} {reading!r}"
            )
        out[reading].add(lemma)
    return {k: frozenset(v) for k, v in out.items()}


_QUESTION_WORDS = frozenset("whether if what why how who whom which when where to".split())


def _question(state: _State, view: _View, k: int, span: Span, subordinate: bool) -> _Record | None:
    """The question put to an unnamed or passive subject: after "about", or from the
    question word on; a subordinate question ("When asked about X, …") ends at its comma."""
    toks = view.toks
    if k < len(toks) and toks[k].lower == "by":
        by = _mentions.np_starting_at(state.text, toks, k + 1, len(toks))
        if by is None:
            return None
        k = view.index(by.end)
    while k < len(toks) and _adverb(toks[k]):
        k += 1  # "Asked specifically what …"
    k = _skip_time(state, view, k, commas=False)  # "Asked Tuesday about …"
    if k + 1 < len(toks) and toks[k].lower in ("on", "in", "at", "during"):
        # "Asked on the radio who leads the party, he said Ruiz.", "asked at a briefing
        # Monday about …": a short place or time phrase
        t = k + 1
        while t < len(toks) and t - k <= 8 and toks[t].kind in (WORD, NUMBER):
            if toks[t].lower in _QUESTION_WORDS - {"to"} or toks[t].lower == "about":
                k = t
                break
            if toks[t].lower in _NOT_OPENERS:
                break
            t += 1
    if k < len(toks) and toks[k].lower == "about":
        k += 1
    elif k >= len(toks) or toks[k].lower not in _QUESTION_WORDS:
        return None
    rec = _content(state, view, k, "indirect_question", None, span)
    if rec is None:
        return None
    if subordinate:
        a, b = rec.ranges[0]
        t = k + 1
        while t < len(toks) and toks[t].start < b and toks[t].text != ",":
            t += 1
        if t < len(toks) and toks[t].start < b:
            rec.ranges[0] = (a, _trim_end(state.text, a, toks[t].start))
    else:
        _clause_end(state, view, rec)
    return rec


def _to_follows(toks: Sequence[Token], k: int) -> bool:
    while k < len(toks) and _adverb(toks[k]):
        k += 1
    return k < len(toks) and toks[k].lower == "to"


# The branches of a trie node start with different characters, so their order does not
# change what matches; `re` tries them one by one, so the commonest go first: English
# letters by frequency at the start of a word (the root) and anywhere (below it), lower
# case before capitals. At a blank before an ordinary word ("the", "to", "a") the scan
# fails after a few tries instead of the alphabet's worth.
_INITIALS = "taoswcbpfmhidrelngyuvkjqxz"
_BY_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz"


def _rank(order: str, ch: str) -> int:
    low = ch.lower()
    i = order.find(low)
    return (i if i >= 0 else len(order)) + (len(order) + 1 if ch != low else 0)


def _trie(words: Sequence[str]) -> str:
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, order: str = _INITIALS) -> str:  # type: ignore[type-arg]
        ranked = sorted(node.items(), key=lambda item: (_rank(order, item[0]), item[0]))
        alts = [re.escape(ch) + build(sub, _BY_FREQUENCY) for ch, sub in ranked if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


@cache
def _table() -> _Table:
    return _Table()


class _Record:
    """A reported statement found in one sentence, before it becomes a `Link`."""

    __slots__ = ("cue", "head", "joint", "ranges", "referent", "rule", "silent", "speaker")

    def __init__(
        self,
        rule: str,
        speaker: Mention | None,
        cue: Span,
        ranges: list[tuple[int, int]],
        head: bool,
        joint: int = -1,
        referent: Mention | None = None,
    ) -> None:
        self.rule = rule
        self.speaker = speaker
        self.referent = referent
        self.cue = cue
        self.ranges = ranges
        self.head = head  # the content follows the cue
        # A continuation ("…, adding that", "… and added"): where the record it
        # continues must end (the comma or "and" before the cue); -1 otherwise.
        self.joint = joint
        # A cue that reports nothing ("Tom said nothing"): kept while the sentence is
        # read, as the subject of a verb coordinated with it ("… and said that …"),
        # with no content, then dropped.
        self.silent = False


class _View:
    """The tokens of a sentence, or of a window of a long one."""

    __slots__ = ("e", "from_start", "s", "starts", "subjects", "to_end", "toks")

    def __init__(
        self,
        text: str,
        s: int,
        e: int,
        lo: int,
        hi: int,
        tokens: tuple[list[Token], list[int]] | None = None,
    ) -> None:
        if tokens is not None:
            # a slice of the paragraph's tokens, shared with the other stages
            ptoks, pstarts = tokens
            i, j = bisect_left(pstarts, lo), bisect_left(pstarts, hi)
            self.toks: list[Token] = ptoks[i:j]
            self.starts = pstarts[i:j]
        else:
            if lo > s:
                while lo < hi and not text[lo].isspace():
                    lo += 1  # start on a word boundary
            self.toks = tokenize(text, lo, hi, lexicon().abbreviations)
            self.starts = [t.start for t in self.toks]
        self.s, self.e = s, e
        self.from_start = lo <= s
        # `_subject` by cue index: the tail and the head readings of a cue share it
        self.subjects: dict[int, Mention | None] = {}
        self.to_end = hi >= e

    def index(self, offset: int) -> int:
        return bisect_left(self.starts, offset)


def _cue_start(link: Link) -> int:
    return link.cue.start if link.cue is not None else -1


class _State:
    """What one `find` call shares between sentences."""

    def __init__(self, doc: Document, links: Sequence[Link]) -> None:
        self.doc = doc
        self.text = doc.text
        self.table = _table()
        self.cue_owner: dict[int, Link] = {}
        # Quotations with a speaker and a cue, by sentence, in the order of their cues.
        self.by_sentence: dict[tuple[int, int], tuple[list[int], list[Link]]] = {}
        cued: dict[tuple[int, int], list[Link]] = {}
        self.direct: list[tuple[int, int]] = []
        for link in links:
            if link.cue is not None and link.kind in ("direct", "mixed"):
                self.cue_owner[link.cue.start] = link
            if link.kind in ("direct", "mixed") and link.speaker is not None and link.cue:
                cued.setdefault((link.paragraph, link.sentence), []).append(link)
            if link.kind == "direct":
                self.direct.append((link.start, link.end))
        self.direct.sort()
        # Running lengths of the direct quotations, so `direct_share` of a long range
        # costs two bisections, not a walk over every quotation inside it.
        self.direct_before = list(accumulate((e - s for s, e in self.direct), initial=0))
        self.direct_disjoint = all(
            self.direct[k][1] <= self.direct[k + 1][0] for k in range(len(self.direct) - 1)
        )
        for where, cued_links in cued.items():
            cued_links.sort(key=_cue_start)  # stable: ties keep the quotations' order
            self.by_sentence[where] = ([_cue_start(x) for x in cued_links], cued_links)
        # Cues of direct quotations (“Q,” X said): never an indirect cue.
        self.direct_cues = {c for c, link in self.cue_owner.items() if link.kind == "direct"}
        self.quotes = doc.quote_spans
        # End of the last statement extended past its sentence: no cue before it counts.
        self.covered = -1
        self.para_starts = [s for s, _ in doc.paragraphs]
        self.quote_starts = [s for s, _ in doc.quote_spans]
        # Named speakers by position, for pronoun antecedents: the quotations'
        # (sorted) and this stage's own (appended in document order).
        named = sorted(
            ((link.start, link.referent) for link in links if link.referent is not None),
            key=lambda x: x[0],
        )
        named = [(a, m) for a, m in named if m.kind != "pronoun"]
        self.speakers: tuple[tuple[list[int], list[Mention]], ...] = (
            ([a for a, _ in named], [m for _, m in named]),
            ([], []),
        )
        self.genders: _Genders | None = None
        self._starts_of: tuple[int, list[Token], list[int]] = (-1, [], [])
        self._sentence_tokens: dict[int, tuple[int, list[Token], list[int]]] = {}
        self.sentence_names: dict[tuple[int, int], list[Mention]] = {}
        self.headlines: dict[tuple[int, int], bool] = {}

    def paragraph_tokens(self, p: int) -> tuple[list[Token], list[int]]:
        """The paragraph's tokens (cached by the document) and their start offsets."""
        if self._starts_of[0] != p:
            self._starts_of = (p, self.doc.tokens(p), self.doc.token_starts(p))
        return self._starts_of[1], self._starts_of[2]

    def tokens_for(self, p: int, s: int, e: int) -> tuple[list[Token], list[int]]:
        """Tokens covering sentence ``[s, e)`` of paragraph ``p``: the paragraph's when an
        earlier stage has tokenised it, else the sentence's own (the paragraph's other
        sentences may hold no cue), cached for the pronoun antecedents."""
        ps, pe = self.doc.paragraphs[p]
        if pe - ps <= LONG_SENTENCE and self.has_tokens(p):
            return self.paragraph_tokens(p)
        got = self._sentence_tokens.get(s)
        if got is None or got[0] != e:
            toks = tokenize(self.text, s, e, lexicon().abbreviations)
            got = (e, toks, [t.start for t in toks])
            self._sentence_tokens[s] = got
        return got[1], got[2]

    def has_tokens(self, p: int) -> bool:
        """Whether an earlier stage has tokenised paragraph ``p`` already."""
        return p == self._starts_of[0] or self.doc.has_tokens(p)

    def doc_paragraph(self, offset: int) -> int:
        return bisect_right(self.para_starts, offset) - 1

    def add_speaker(self, start: int, mention: Mention) -> None:
        if mention.kind != "pronoun":
            self.speakers[1][0].append(start)
            self.speakers[1][1].append(mention)

    def recent_speakers(self, offset: int, lo: int, limit: int = -1) -> list[Mention]:
        """Named speakers of statements starting in ``[lo, offset)``, nearest first; the
        nearest ``limit`` only if it is >= 0 (a bounded look back in long documents)."""
        out: list[tuple[int, Mention]] = []
        for at, who in self.speakers:
            i = bisect_left(at, offset)
            stop = 0 if limit < 0 else max(0, i - limit)
            while i > stop and at[i - 1] >= lo:
                i -= 1
                out.append((at[i], who[i]))
        out.sort(key=lambda x: -x[0])
        return [m for _, m in (out if limit < 0 else out[:limit])]

    def in_quote(self, offset: int) -> bool:
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i][1]

    def direct_share(self, a: int, b: int) -> float:
        """The share of ``[a, b)`` inside direct quotations."""
        if not self.direct:
            return 0.0
        direct = self.direct
        i = max(0, bisect_left(direct, (a, -1)) - 1)
        if not self.direct_disjoint:
            covered = 0
            while i < len(direct) and direct[i][0] < b:
                qs, qe = direct[i]
                covered += max(0, min(b, qe) - max(a, qs))
                i += 1
            return covered / max(1, b - a)
        j = bisect_left(direct, (b, -1))  # direct[i:j]: the quotations starting before b
        if j <= i:
            return 0.0
        qs, qe = direct[i]
        covered = max(0, min(b, qe) - max(a, qs))
        if j - 1 > i:
            # Those after the first start at or after a; only the last can reach past b.
            covered += self.direct_before[j] - self.direct_before[i + 1]
            covered -= max(0, direct[j - 1][1] - b)
        return covered / max(1, b - a)


def find(doc: Document, links: Sequence[Link]) -> list[Link]:
    """Indirect statements outside the given quotations, in document order."""
    text = doc.text
    if not doc.paragraphs:
        return []
    state = _State(doc, links)
    para_starts = [s for s, _ in doc.paragraphs]
    out: list[Link] = []
    key = (-1, -1)
    p = si = -1
    batch: list[int] = []
    bounds = (0, 0)  # of the sentence of ``key``
    candidates = _cue_starts(state.table, text)
    colons = _colon_lines(text)
    if colons:
        candidates = list(merge(candidates, colons))
    polls = [
        m.start()
        for m in _IN_POLL.finditer(text)
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_")
    ]
    if polls:
        candidates = list(merge(candidates, polls))
    gapped = [m.start() + 1 for m in state.table.gapped.finditer(text)]
    if gapped:
        candidates = sorted(set(candidates).union(gapped))
    direct = state.direct_cues
    table = state.table
    for c in candidates:
        owned = _owned_at(table, text, c)
        if owned is None:
            continue  # a stance noun without its frame ("his plans for …" stays a verb)
        base = _title_base(table, text, c)
        if base and not _plural_before(text, c):
            continue  # "Support For The Plan", "Its Support Grows": no plural subject
        if (
            c in direct
            or state.in_quote(c)
            or (text[c] != ":" and not owned and _noun_before(text, c))
        ):
            continue  # (“Q,” X said: the statement is the quotation) cost no sentence split
        if not bounds[0] <= c < bounds[1]:
            p = bisect_right(para_starts, c) - 1
            if p < 0 or c >= doc.paragraphs[p][1]:
                continue
            sentences = doc.sentences(p)
            si = bisect_right(sentences, (c, len(text) + 1)) - 1
            if si < 0 or c >= sentences[si][1]:
                continue
        if (p, si) != key:
            if batch:
                out.extend(_sentence(state, key, bounds, batch))
            key, bounds, batch = (p, si), sentences[si], []
        if base and not _headline(state, key, bounds):
            continue  # "Support for the plan": a base form in running text heads a noun
        if (
            text[c].isupper()
            and not text.startswith("According", c)
            and _has_word(text, bounds[0], c)
            and (not _headline(state, key, bounds) or _opening_gerund(state.table, text, c))
        ):
            continue  # a capitalised form opens a sentence or stands in a headline
        if c >= state.covered:
            batch.append(c)
    if batch:
        out.extend(_sentence(state, key, bounds, batch))
    return out


def _cue_starts(table: _Table, text: str) -> list[int]:
    """Where the forms of the lexicon start a word, in order (the matches do not overlap)."""
    first = table.scan_first.match(text)
    if first is None:
        return [m.start() + 1 for m in table.scan.finditer(text)]
    return [0, *(m.start() + 1 for m in table.scan.finditer(text, first.end()))]


def _title_base(table: _Table, text: str, c: int) -> bool:
    """A capitalised base form at ``c`` ("Rip", "Call For"), read in headlines only."""
    if not text[c].isupper():
        return False
    m = _WORD_AT.match(text, c)
    return m is not None and m.group() in table.title_bases


# A capitalised plural right before a headline's base form: "Lawmakers", "New Polls",
# not "Its", "This", "Boss".
_PLURAL_BEFORE = re.compile(r"(?<![\w'’])[A-Z][a-z]+[^sSiu'’\W]s[^\S\n]+\Z")


def _plural_before(text: str, c: int) -> bool:
    """The word right before ``c`` is a capitalised plural noun ("Senators Say")."""
    m = _PLURAL_BEFORE.search(text, max(0, c - 40), c)
    return (
        m is not None
        and _WORD_AT.match(text, m.start()) is not None
        and (m.group().split()[0].lower() not in _table().by_first)
    )


def _opening_gerund(table: _Table, text: str, c: int) -> bool:
    """A capitalised gerund at ``c`` ("Citing"): a cue only when it opens a sentence."""
    m = _WORD_AT.match(text, c)
    return m is not None and m.group() in table.opening


_WORD_AT = re.compile(r"[A-Za-z]+")


def combine(links: Sequence[Link], found: Sequence[Link]) -> list[Link]:
    """``links`` and the indirect statements ``found``, by start, with every statement
    that crosses another record dropped: records are disjoint or nested. A statement
    gives way to a quotation, and to a statement found before it."""
    dropped: set[int] = set()
    stack: list[Link] = []  # the records around the current position, outermost first
    for link in sorted([*links, *found], key=lambda link: (link.start, -link.end)):
        while stack and stack[-1].end <= link.start:
            stack.pop()
        while stack and link.end > stack[-1].end:  # the two cross
            if link.kind == "indirect" or stack[-1].kind != "indirect":
                dropped.add(id(link))
                break
            dropped.add(id(stack.pop()))  # a quotation is never cut by a statement
        if id(link) not in dropped:
            stack.append(link)
    kept = [link for link in [*links, *found] if id(link) not in dropped]
    return sorted(kept, key=lambda link: link.start)


# A line that opens with a short capitalised phrase and a colon: "Ruiz: Cruel jokes
# have no place in a debate" (headlines, transcripts), maybe after a straight
# or curly double mark that the marks stage found to be no quotation (a transcript that
# opens every turn with one: "WEBB: …).
_COLON_LINE = re.compile(r"[^\S\n]*(?:[\"\u201c][^\S\n]*)?[A-Z][^\n:]{0,60}?:")
# The same after a line end: a pattern that opens with a literal is scanned for in C
# several times faster than "(?m)^", which `re` tries at every position.
_COLON_NEXT_LINE = re.compile(r"\n" + _COLON_LINE.pattern)


def _colon_lines(text: str) -> list[int]:
    """Offsets of the colons of `_COLON_LINE` at the start of a line, in order."""
    first = _COLON_LINE.match(text)
    out = [first.end() - 1] if first is not None else []
    out.extend(m.end() - 1 for m in _COLON_NEXT_LINE.finditer(text))
    return out


# The marks `_COLON_LINE` lets a line open with.
_STRAY_OPENERS = frozenset(['"', "\u201c"])
# How many tokens the source before a headline colon may have.
MAX_COLON_SOURCE = 6


def _colon(state: _State, view: _View, v: int) -> _Record | None:
    """SOURCE: CLAUSE at the start of a line, the source a name or an organisation
    ("Carson: Cruz taking 'Benghazi' approach to Iowa"); not a label ("Editor's note:",
    "Contributing: …") or a quotation (the quotation stages read those)."""
    text, toks = state.text, view.toks
    # a stray mark before the source (inside a quotation the colon is no candidate)
    lo = 1 if toks and toks[0].text in _STRAY_OPENERS else 0
    if not view.from_start or v <= lo or v - lo > MAX_COLON_SOURCE or v + 1 >= len(toks):
        return None
    if any(t.kind == PUNCT or _mentions.possessive(t) for t in toks[lo:v]):
        return None
    source = _mentions.np_starting_at(text, toks, lo, v)
    if (
        source is None
        or source.end != toks[v - 1].end
        or source.kind not in ("name", "organisation", "nominal")
        or not _real_source(state, source)
        or len(toks[lo].text) < 2
    ):
        return None
    if v == lo + 1 and (toks[lo].lower.endswith(("ed", "ing")) or toks[lo].lower in _labels()):
        return None  # "Revealed: …", "Contributing: …", "UPDATE: …"
    # "Ruiz: ‘No Place For Cruel Jokes’": a headline's quotation is its statement, marks
    # and all (the quotation itself stays a term: colon statements claim none)
    w = v + 2 if toks[v + 1].text in _OPENING_MARKS else v + 1
    if (
        w >= len(toks)
        or toks[w].kind != WORD
        or (
            sum(1 for t in toks[w : w + 4] if t.kind == WORD) < 3
            # a transcript's turn may open with an interjection ("HALE: Well, look, …")
            and not (source.text.isupper() and toks[w].text in _lexicon.interjections())
        )
    ):
        return None  # "Pledged: 781", "Twitter: @name", "Bush: Survive"
    rec = _content(state, view, v + 1, "indirect_colon", source, _span(text, toks, v, v + 1))
    if rec is not None:
        # a transcript turn ("TAPPER: Well, … . And …") is the speaker's whole line
        end = _trim_end(text, view.s, state.doc.paragraphs[state.doc_paragraph(view.s)][1])
        if end > rec.ranges[0][1]:
            rec.ranges[0] = (rec.ranges[0][0], end)
            state.covered = max(state.covered, end)
    return rec


@cache
def _labels() -> frozenset[str]:
    """Words that open a line as a label, not a source ("UPDATE: …", "Q: …"):
    `data/lexicon/indirect_labels.tsv`."""
    return parse_labels(_lexicon._resource("indirect_labels.tsv"))


def parse_labels(source: _lexicon.Source) -> frozenset[str]:
    """Parse an ``indirect_labels.tsv`` file: one lowercase word a line."""
    out: set[str] = set()
    for number, (word,) in _lexicon._rows(source, ("word",)):
        if word != word.lower() or " " in word:
            raise DataError(
                f"{_lexicon._label(source)}:{number}: expected one lowercase word, got {word!r}"
            )
        out.add(word)
    return frozenset(out)


# Words of the object of a postmodifier phrase ("close to [the new mayor of Ohio]").
MAX_POSTMODIFIER = 6


@cache
def _postmodifiers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases that tie a source to what it knows ("a source close to the mayor"):
    `data/lexicon/indirect_postmodifiers.tsv`, by first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in parse_postmodifiers(_lexicon._resource("indirect_postmodifiers.tsv")):
        out.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(p, key=len, reverse=True)) for w, p in out.items()}


def parse_postmodifiers(source: _lexicon.Source) -> tuple[tuple[str, ...], ...]:
    """Parse an ``indirect_postmodifiers.tsv`` file: one lowercase phrase a line."""
    out: list[tuple[str, ...]] = []
    for number, (phrase,) in _lexicon._rows(source, ("phrase",)):
        words = tuple(phrase.split(" "))
        if phrase != phrase.lower() or len(words) < 2 or "" in words:
            raise DataError(
                f"{_lexicon._label(source)}:{number}: expected a lowercase phrase of "
                f"two or more words, got {phrase!r}"
            )
        out.append(words)
    return tuple(out)


def _postmodifier_at(toks: Sequence[Token], k: int) -> int:
    """The length of the postmodifier phrase at ``toks[k]`` ("close to"), else 0."""
    if k >= len(toks):
        return 0
    for words in _postmodifiers().get(toks[k].lower, ()):
        n = len(words)
        if k + n <= len(toks) and all(toks[k + x].lower == words[x] for x in range(1, n)):
            return n
    return 0


def _with_postmodifier(state: _State, view: _View, m: Mention) -> Mention:
    """ "said a source close to the mayor": the source runs through the phrase."""
    toks = view.toks
    k = view.index(m.end)
    n = _postmodifier_at(toks, k)
    if n == 0:
        return m
    e = k + n
    while e < len(toks) and e - k - n < MAX_POSTMODIFIER and toks[e].kind != PUNCT:
        e += 1
    if e == k + n or (e < len(toks) and toks[e].kind != PUNCT):
        return m
    end = toks[e - 1].end
    return Mention(m.start, end, state.text[m.start : end], m.kind)


def _postmodified_before(state: _State, view: _View, i: int) -> Mention | None:
    """ "…, a source close to the mayor said": the source ending right before
    ``toks[i]`` when it holds a postmodifier phrase; None otherwise."""
    text, toks = state.text, view.toks
    for p in range(i - 2, max(0, i - 2 - MAX_POSTMODIFIER), -1):
        if toks[p].kind == PUNCT:
            return None
        n = _postmodifier_at(toks, p)
        if n == 0:
            continue
        if p + n >= i:
            return None
        head = _mentions.np_ending_at(text, toks, p - 1, 0)
        if head is None or not _real_source(state, head) or head.kind == "pronoun":
            return None
        end = toks[i - 1].end
        return Mention(head.start, end, text[head.start : end], head.kind)
    return None


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _headline(state: _State, key: tuple[int, int], bounds: tuple[int, int]) -> bool:
    """A title-case sentence ("Hollande Says Trump Makes You Want To Retch"): at least
    three in four of its words of four letters or more are capitalised."""
    known = state.headlines.get(key)
    if known is None:
        s, e = bounds
        words = _LONG_WORD.findall(state.text, s, min(e, s + LONG_SENTENCE))
        upper = sum(1 for w in words if w[0].isupper())
        known = len(words) >= 3 and upper * 4 >= len(words) * 3
        state.headlines[key] = known
    return known


_WORD_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'’"
_NOUN_MAKERS = (DETERMINERS - {"that"}) | {"to"}


def _noun_before(text: str, c: int) -> bool:
    """ "the report", "Trump's plans", "to say": not a reporting verb of its own (a cheap
    look at the raw text, so that such words cost no tokenisation): the letters right
    before the blanks before ``c``, within 24 characters."""
    lo = max(0, c - 24)
    blanks = text[lo:c].rstrip(" \t")  # stripped in C: no loop per character
    k = lo + len(blanks)
    i = lo + len(blanks.rstrip(_WORD_LETTERS))
    if k == c or i == k or (i > lo and text[i - 1].isalpha()):
        return False  # "García said": "a" is the end of a word, not a determiner
    word = text[i:k].lower()
    if word in _STANDALONE and _finite_at(text, c):
        return False  # "some say", "the two said", "one in three said"
    if word == "to" and _reported_infinitive(text, i, c):
        return False
    if word.endswith(("'s", "’s")):
        # "That’s according to X": "according" is never a noun, the "’s" a verb; so is
        # the "’s" of a pronoun ("he’s hoping", "she’s said"): a pronoun has no "’s"
        if word.replace("’", "'") in _CONTRACTED_PRONOUNS:
            return False
        return not text.startswith("according to", c)
    return word in _NOUN_MAKERS


_THAT_AFTER = re.compile(r"[a-z]+(?: out)? that\b")
_GO_ON = re.compile(r"(?:(?:went|goes|go|going|gone) on|continu(?:ed|es|e|ing)) $")


def _reported_infinitive(text: str, to: int, c: int) -> bool:
    """An infinitive that reports: "to say that", "to admit that" (the verb and a
    complementiser), "went on to say" (the next thing said) or "continued to criticize"
    (a stance kept up, so taken already; not "tried to", "began to": attempts)."""
    if _GO_ON.search(text, max(0, to - 16), to) is not None:
        return True
    m = _THAT_AFTER.match(text, c)
    if m is None:
        return False
    table = _table()
    return any(
        cue.frame in ("clause", "addressee")
        for cue in table.by_first.get(text[c : m.end()].split()[0], ())
    )


# Determiners that are a subject of their own before a finite verb ("many said").
_STANDALONE = frozenset(
    "all both many most some several each another dozens hundreds "
    "one two three four five six seven eight nine ten".split()
)
_LETTERS = re.compile(r"[a-z]+")


def _finite_at(text: str, c: int) -> bool:
    """The verb form at ``c`` is a past form ("said", "told") or the base form of a
    `bare` verb ("say"): a verb after a quantifier, where "reports" or "claims" are
    nouns."""
    m = _LETTERS.match(text, c)
    if m is None:
        return False
    table = _table()
    word = m.group()
    return any(
        len(cue.words) == 1 and (cue.participle or (word == cue.lemma and word in table.bare))
        for cue in table.by_first.get(word, ())
    )


# --- one sentence --------------------------------------------------------------------------


def _sentence(
    state: _State, key: tuple[int, int], bounds: tuple[int, int], offsets: list[int]
) -> list[Link]:
    text = state.text
    s, e = bounds
    found: list[_Record] = []
    p = key[0]
    if e - s <= LONG_SENTENCE:
        view = _View(text, s, e, s, e, state.tokens_for(p, s, e))
        for c in offsets:
            rec = _at(state, key, view, c, found)
            if rec is not None:
                found.append(rec)
    else:
        # A long sentence is tokenised once and each cue reads a window of it, with the
        # records found in that window only: per cue the work is bounded, so a sentence
        # of a million characters costs linear time.
        tokens = state.tokens_for(p, s, e)
        k = 0
        for c in offsets:
            lo = max(s, c - WINDOW_BEFORE)
            view = _View(text, s, e, lo, min(e, c + WINDOW_AFTER), tokens)
            while k < len(found) and found[k].cue.start < lo:
                k += 1
            rec = _at(state, key, view, c, found[k:])
            if rec is not None:
                found.append(rec)
    found = [r for r in found if not r.silent and not _cue_quoted(state, r)]
    return [_link(state, key, r) for r in _choose(text, found)]


def _cue_quoted(state: _State, r: _Record) -> bool:
    """A tail record whose content opens a ''typewriter'' quotation that closes after
    its cue (*''As I read the report, I see a town that works,'' she said*): the cue is
    inside the quoted words, so it is none."""
    if r.head or r.rule == "indirect_according_to":
        return False
    text = state.text
    a, b = r.ranges[-1]
    if r.cue.start < b or text.count("''", a, b) % 2 == 0:
        return False
    return _typewriter_close(state, b, 0) >= r.cue.end


def _around_quotes(state: _State, a: int, b: int) -> tuple[int, int]:
    """A content never cuts a quotation: it holds it whole, lies inside it or beside it
    ("Smith said the plan “was dead." — the unclosed quotation runs to the end)."""
    quotes = state.quotes
    i = bisect_left(state.quote_starts, b) - 1
    if i >= 0 and a < quotes[i][0] < b < quotes[i][1]:
        b = quotes[i][1]
    i = bisect_right(state.quote_starts, a) - 1
    if i >= 0 and quotes[i][0] < a < quotes[i][1] < b:
        a = quotes[i][0]
    return a, b


def _choose(text: str, found: list[_Record]) -> list[_Record]:
    """No nested records: tails first, then heads left to right; a continuation
    ("…, adding that") cuts the record it continues."""
    for r in found:
        if r.rule == "indirect_colon" and r.speaker is not None and r.speaker.text.isupper():
            # a transcript turn ("WEBB: Well, look, the council thinks …") is the speaker's
            # whole line: a report inside it is nested, not a tail ("…, the council thinks");
            # a headline's source ("Report: …, aides say") is not in capitals
            return [r]
    tails = sorted((r for r in found if not r.head), key=lambda r: r.cue.start)
    heads = sorted((r for r in found if r.head), key=lambda r: r.cue.start)
    if heads and any(r.rule == "indirect_passive" for r in tails):
        # A passive's content opens mid-sentence: inside a head's content it is an
        # inner report ("They stressed that [A, where B was opposed by C]").
        cue_ends = [r.cue.end for r in heads]
        reach = list(accumulate((r.ranges[-1][1] for r in heads), max))
        tails = [
            r
            for r in tails
            if r.rule != "indirect_passive"
            or (i := bisect_right(cue_ends, r.ranges[0][0])) == 0
            or reach[i - 1] <= r.cue.start
        ]
    kept: list[_Record] = []
    tail_end = -1
    for r in tails:
        if r.cue.start < tail_end or (kept and r.ranges[0][1] > kept[-1].cue.start):
            continue  # inside an earlier tail, or an earlier tail's cue inside this content
        kept.append(r)
        tail_end = max(tail_end, r.cue.end, r.ranges[-1][1])
    # a head is silent inside a tail ("CLAUSE, X said"), not before a passive's subject
    spans = sorted(
        (min(r.ranges[0][0], r.cue.start), max(r.cue.end, r.ranges[-1][1])) for r in kept
    )
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    last: _Record | None = None
    for r in heads:
        i = bisect_right(starts, r.cue.start)
        if i and reach[i - 1] > r.cue.start:
            continue
        if last is not None and r.cue.start < last.ranges[-1][1]:
            a = last.ranges[-1][0]
            if r.joint <= a + 1:
                continue  # a cue inside another record's content: nested, not reported
            last.ranges[-1] = (a, _trim_end(text, a, r.joint))
        kept.append(r)
        last = r
    return sorted(kept, key=lambda r: r.ranges[0][0])


def _around_typewriter(state: _State, r: _Record) -> None:
    """The typewriter counterpart of `_around_quotes`: a content whose last part opens
    a ''…'' quotation the marks stage left unpaired and stops at a sentence's end or a
    comma inside it (*said Ms. Lee ''was the best choice. She knows the town.''*) runs
    to the closing marks, within its paragraph and `MAX_TYPEWRITER` characters. Not an
    according-to record: its source may stand inside the quoted words."""
    if r.rule == "indirect_according_to":
        return
    text = state.text
    a, b = r.ranges[-1]
    if r.cue.start >= b:
        return  # a cue inside the quoted words is none
    if b >= len(text) or text[b] not in ".!?," or text.count("''", a, b) % 2 == 0:
        return
    close = _typewriter_close(state, b, 1)
    if close > b + 2:
        r.ranges[-1] = (a, close + 2)
        state.covered = max(state.covered, close + 2)  # its sentences report no more


def _link(state: _State, key: tuple[int, int], r: _Record) -> Link:
    r.ranges = [_around_quotes(state, a, b) for a, b in r.ranges]
    _around_typewriter(state, r)
    start, end = r.ranges[0][0], r.ranges[-1][1]
    speaker, referent = r.speaker, r.referent
    owner = state.cue_owner.get(r.cue.start)
    confidence = CONFIDENCE[r.rule]
    if owner is not None and owner.kind == "mixed" and owner.speaker is not None:
        speaker, referent = owner.speaker, owner.referent
    elif speaker is not None and referent is None:
        if speaker.kind == "pronoun":
            referent = _antecedent(state, key, speaker)
            if referent is not None:
                confidence *= PRONOUN_FACTOR
        else:
            referent = speaker
    if referent is not None:
        state.add_speaker(start, referent)
    return Link(
        start,
        end,
        start,
        end,
        "indirect",
        True,
        tuple(r.ranges),
        key[0],
        key[1],
        speaker,
        r.cue,
        confidence,
        r.rule,
        referent,
    )


# --- reading one cue ------------------------------------------------------------------------


def _at(
    state: _State, key: tuple[int, int], view: _View, c: int, found: Sequence[_Record]
) -> _Record | None:
    toks = view.toks
    v = view.index(c)
    if v >= len(toks) or toks[v].start != c:
        return None
    owner = state.cue_owner.get(c)
    if owner is not None and owner.kind == "direct":
        return None  # “Q,” X said: the statement is the quotation
    if toks[v].lower == "according":
        rec = _according(state, view, v)
    elif toks[v].text == ":":
        rec = _colon(state, view, v)
    elif toks[v].text == "In":
        rec = _in_poll(state, view, v)
    else:
        rec = _owned_stance(state, view, v)
        if rec is None:
            rec = _verb(state, key, view, v, found)
    if rec is None:
        return None
    for a, b in rec.ranges:
        if b - a < 1 or state.direct_share(a, b) > 0.5:
            return None
    if not any(_has_word(state.text, a, b) for a, b in rec.ranges):
        return None
    if len(rec.ranges) == 1 and _lone_adverb(view, *rec.ranges[0]):
        return None  # "According to X, basically." / "the figures backed up"
    if rec.head and _no_report(state, view, rec):
        # "Tom said nothing", "I saw him", "God knows we waited": no record, but its
        # subject still serves "… and said that …" after it
        rec.silent = True
        rec.ranges = [(rec.cue.end, rec.cue.end)]
    return rec


# Object pronouns that are a whole person ("I saw [him]"), not a reported content.
_PERSON_OBJECTS = (_OBJECT_PRONOUNS - {"it"}) | frozenset(
    "himself herself themselves myself yourself ourselves".split()
)
_NOTHING = frozenset("nothing naught nought".split())


def _no_report(state: _State, view: _View, rec: _Record) -> bool:
    """A cue read before its content that reports no statement: the object "nothing"
    of a verb of saying or knowing ("Tom said nothing", "she knew nothing of it";
    not "said nothing was wrong", where "nothing" opens a clause), a lone personal
    pronoun after a verb of sight ("I saw him"), an oath ("God knows we waited"), or a
    "who" that opens its sentence, a question word ("Who would believe it?")."""
    toks = view.toks
    v = view.index(rec.cue.start)
    hit = _verb_at(state.table, toks, v)
    if hit is None:
        return False
    lemma = hit[0].lemma
    if (
        rec.speaker is not None
        and rec.speaker.text.lower() == "who"
        and not _has_word(state.text, view.s, rec.speaker.start)
    ):
        return True  # "Who would find her there?": a question, not a relative
    if (
        lemma == "know"
        and rec.speaker is not None
        and rec.speaker.text.lower() in _lexicon.word_list("indirect_oath_sources.txt")
    ):
        return True
    a, b = rec.ranges[0]
    i = view.index(a)
    if i >= len(toks) or toks[i].start >= b:
        return False
    first = toks[i].lower
    if first in _NOTHING and lemma in _lexicon.word_list("indirect_unsaid_cues.txt"):
        nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].start < b else None
        return nxt is None or nxt.kind == PUNCT or not _clause_verb(nxt, toks[i])
    if first in _PERSON_OBJECTS and lemma in _lexicon.word_list("indirect_perception_cues.txt"):
        return all(t.kind == PUNCT for t in toks[i + 1 :] if t.start < b)
    return False


def _clause_verb(t: Token, prev: Token) -> bool:
    """``t`` after a subject is its verb: a finite form (`_finite`) or an -s form
    ("nothing happens"; not "nothing less")."""
    w = t.lower
    return _finite(t, prev) or (w.endswith("s") and not w.endswith("ss") and len(w) > 2)


def _lone_adverb(view: _View, a: int, b: int) -> bool:
    """``text[a:b]`` is one adverb in -ly, particle or time word and nothing else but
    punctuation (`indirect_empty_contents.txt`)."""
    toks = view.toks
    i = view.index(a)
    words = 0
    empty = _lexicon.word_list("indirect_empty_contents.txt")
    while i < len(toks) and toks[i].start < b:
        if toks[i].kind != PUNCT:
            if words or not (_adverb(toks[i]) or toks[i].lower in empty):
                return False
            words += 1
        i += 1
    return words == 1


_ALNUM = re.compile(r"[^\W_]")  # str.isalnum


def _has_word(text: str, a: int, b: int) -> bool:
    return _ALNUM.search(text, a, min(b, a + 200)) is not None


def _verb_at(
    table: _Table, toks: Sequence[Token], v: int, stances: bool = True
) -> tuple[_Cue, int] | None:
    for cue in table.by_first.get(toks[v].lower, ()):
        if not stances and cue.lemma in table.stances:
            continue
        n = len(cue.words)
        if n == 1:
            return cue, 1
        if v + n <= len(toks) and all(toks[v + k].lower == cue.words[k] for k in range(1, n)):
            return cue, n
        gap = _gap(table, toks, v, cue)
        if gap and all(toks[v + gap + k].lower == cue.words[k] for k in range(1, n)):
            return cue, n + gap
    return None


MAX_SPOKEN_TO = 4
_TIME_WORDS = frozenset(
    "week weekend month year morning afternoon evening night today yesterday tonight".split()
)
# Words that may stand inside a phrasal verb besides adverbs in -ly: "talked more about",
# "spoke Tuesday about", "focused again on"; not "out" ("spoke out of turn").
_GAP_WORDS = frozenset(
    "more again also even first further often today yesterday tonight Monday Tuesday"
    " Wednesday Thursday Friday Saturday Sunday".split()
)
# Verbs that are mostly auxiliaries ("have doubts about": "have also been …") take no
# word inside (nor do stance adjectives, "critical of": see `_Table`).
_NOT_GAPPED = frozenset("have has had having".split())


def _gap(table: _Table, toks: Sequence[Token], v: int, cue: _Cue) -> int:
    """How many tokens stand between the first and the second word of the phrasal
    ``cue`` at ``toks[v]`` (0: none may): an adverb ("spoke briefly of"), a time word,
    or, before the noun of a light verb and its preposition, one word ("raised new
    questions about", "drew global attention to")."""
    n = len(cue.words)
    if v + n + 1 > len(toks) or (cue.words[0] in _NOT_GAPPED and n == 2):
        return 0
    t = toks[v + 1]
    if cue.words[1:] == ("about",) and t.lower in ("to", "with"):
        # "talked to reporters about": up to MAX_SPOKEN_TO words of the one spoken to
        k = v + 2
        while k < len(toks) and k - v - 2 < MAX_SPOKEN_TO and toks[k].kind == WORD:
            if toks[k].lower in _TIME_WORDS:
                return 0  # "the people I spoke to this week about": a time, no one
            if toks[k].lower == "about":
                return k - v - 1 if k > v + 2 else 0
            k += 1
        return 0
    if t.kind != WORD or not t.text.isalpha():
        return 0
    if (t.lower.endswith("ly") and len(t.lower) > 4) or t.text in _GAP_WORDS:
        return 1
    if (
        n >= 3
        and t.text.islower()
        and t.lower not in _NO_GAP_NOUN
        and t.lower not in table.by_first  # a verb of its own: "have expressed misgivings"
    ):
        return 1
    return 0


# Not an adjective before the noun of a light verb: "made it clear", "took him to task".
_NO_GAP_NOUN = frozenset("it him her them me us you not".split())


def _verb(
    state: _State, key: tuple[int, int], view: _View, v: int, found: Sequence[_Record]
) -> _Record | None:
    text, toks = state.text, view.toks
    hit = _verb_at(state.table, toks, v)
    if hit is None:
        return None
    cue, n = hit
    prev = toks[v - 1] if v > 0 else None
    if prev is not None and (
        (
            prev.lower in DETERMINERS
            and prev.lower != "that"
            and not (prev.lower in _STANDALONE and _finite_at(text, toks[v].start))
        )
        or (_mentions.possessive(prev) and not _contracted_pronoun(prev))
    ):
        return None  # "the report", "Trump's plans": a noun
    if v + n < len(toks) and toks[v + n].lower in _lexicon.word_list("indirect_compound_heads.txt"):
        return None  # "White House press secretary Ann Lee said": a compound noun
    if (
        prev is not None
        and toks[v].lower in ("show", "shows")
        and prev.lower in _lexicon.word_list("indirect_show_modifiers.txt")
    ):
        return None  # "his TV show", "a radio show": a noun
    span = _span(text, toks, v, v + n)
    if (
        prev is not None
        and prev.lower == "as"
        and cue.participle
        and v + n + 1 < len(toks)
        and toks[v + n].lower in ("by", "in")
        and all(t.kind == PUNCT or t.lower in _OPENING_CONJUNCTIONS for t in toks[: v - 1])
    ):
        # "As reported by the Herald, CLAUSE": the source after "by", as "according to"
        return _as_reported(state, view, v + n + 1, span)
    if cue.frame == "evidential":
        if toks[v].lower.endswith("ing"):
            return None  # "practice at appearing unpracticed": no appraisal
        return _evidential(state, view, v, n, span)
    if cue.frame != "object":
        tail = _tail(state, view, v, n, cue, span)
        if tail is not None:
            return tail
    rec = _head(state, key, view, v, n, cue, span, found)
    if rec is None and cue.lemma in state.table.stances:
        # "Regulators worried that …": no "be" before it, the verb of the same form
        hit = _verb_at(state.table, toks, v, stances=False)
        if hit is not None:
            cue, n = hit
            return _head(state, key, view, v, n, cue, _span(text, toks, v, v + n), found)
    return rec


def _widened_source(
    state: _State, view: _View, first: int, speaker: Mention
) -> tuple[int, Mention]:
    """A tail source joined to the phrase before it by the word at ``first - 1`` ("a study
    by X", "she and another reporter"): the joint before that phrase and the source
    widened to start there, or (-1, ``speaker``) when the phrase is no source after a joint."""
    text, toks = state.text, view.toks
    head = _mentions.np_ending_at(text, toks, first - 2, 0)
    if head is not None and _real_source(state, head):
        joint = _joint_before(toks, view.index(head.start))
        if joint >= 0:
            s0 = head.start
            return joint, Mention(s0, speaker.end, text[s0 : speaker.end], head.kind)
    return -1, speaker


# Verbs of saying that stand before their subject after a statement ("…, said Ms. Lee");
# "…, denied the report", "…, shows Sanders with 47 percent": an object, no inversion.
_INVERTING = frozenset(
    "say add write recall note ask declare tell explain continue reply answer insist argue "
    "warn conclude predict observe acknowledge concede counter caution remark quip joke "
    "feel agree complain suggest".split()
)


def _tail(state: _State, view: _View, v: int, n: int, cue: _Cue, span: Span) -> _Record | None:
    """CLAUSE, X said.  /  CLAUSE, said X.  /  A, X said, B."""
    text, toks = state.text, view.toks
    if not view.from_start or cue.gerund:
        return None  # "…, adding he would run": a participle, not "…, said X"
    joint = _joint_before(toks, v)
    speaker = None
    if joint >= 0 and cue.lemma in _INVERTING:
        speaker = _role_then_name(state, toks, v + n) or _mentions.np_starting_at(
            text, toks, v + n, len(toks)
        )
        if speaker is not None and not _real_source(state, speaker):
            return None
        if speaker is not None:
            speaker = _with_postmodifier(state, view, speaker)
    inverted = speaker is not None
    asked = False
    if speaker is not None:
        k = view.index(speaker.end)
    else:
        joint = -1
        speaker = _subject(state, view, v)
        if speaker is not None and speaker.text.lower() != "it" and _passive_before(toks, v):
            if cue.lemma not in state.table.questions:
                return None  # "…, the mayor was told": a passive, its subject is no source
            asked = True  # "…, he was asked": a question put by no one named
        if speaker is not None:
            first = view.index(speaker.start)
            joint = _joint_before(toks, first)
            if joint < 0 and first >= 2 and toks[first - 1].lower == "as":
                joint = _joint_before(toks, first - 1)  # "…, as police have said."
            if joint < 0 and first >= 3 and toks[first - 1].lower in ("by", "from", "of"):
                # "…, a study by the Council of City Schools found."
                joint, speaker = _widened_source(state, view, first, speaker)
            if (
                joint < 0
                and first >= 3
                and toks[first - 1].lower in ("and", "or")
                and _ends(view, v + n)
                and _real_source(state, speaker)
            ):
                # "…, she and another reporter said."
                joint, speaker = _widened_source(state, view, first, speaker)
            if joint < 0:
                # "…, Algerian foreign ministry spokesman Benali Abdelaziz said"
                m = first
                heads = _lexicon.word_list("indirect_compound_heads.txt")
                while (
                    m > 0
                    and first - m < 6
                    and (_modifier(state, toks[m - 1]) or toks[m].lower in heads)
                ):
                    m -= 1
                if m < first and _joint_before(toks, m) >= 0:
                    joint = _joint_before(toks, m)
                    s0 = toks[m].start
                    speaker = Mention(s0, speaker.end, text[s0 : speaker.end], speaker.kind)
        if joint < 0:
            found = _quoted_before(state, view, v)
            if found is None:
                return None
            speaker, joint = found
        k = v + n
        if cue.frame == "addressee":
            k = _skip_object(state, view, k)
    k = _skip_time(state, view, k, commas=False)
    if speaker is None:
        return None
    a = _quote_opening(state, view.s, min(speaker.start, span.start))
    b = _trim_end(text, a, toks[joint].start)
    if b - a < 3 or joint < 1:
        return None
    rec = _Record("indirect_clause_said", speaker, span, [(a, b)], head=False)
    if asked:
        rec.rule, rec.speaker = "indirect_question", None
    if _ends(view, k) or (k < len(toks) and toks[k].text == ";"):
        # "…, analysts say; in 2012 …": a semicolon ends the attribution too
        return _extend(state, view, rec)
    if k + 1 < len(toks) and toks[k].text == "," and text.startswith("''", toks[k + 1].start):
        # ''Q1,'' X said, ''Q2.'' — the unpaired typewriter quotation goes on after it
        more = _typewriter(state, view, toks[k + 1].start, rec.rule, speaker, span)
        if more is not None:
            opener = _FIRST_WORD.match(text, toks[k + 1].start + 2)
            if "''" not in text[a:b] and not (opener and opener.group(1) in _NOT_OPENERS):
                # "In May, as the crowd booed, Mr. Hale said, ''Q.''": the quotation alone
                # (not "The plan, she said, ''is a mistake.''": its verb needs the subject)
                rec.ranges[0] = more.ranges[0]
            else:
                rec.ranges.append(more.ranges[0])
            return rec
    if k < len(toks) and (
        text[a] in _OPENING_MARKS
        or (
            toks[k].lower in _ADJUNCT_PREPOSITIONS
            and not _approximate(toks, k)
            and joint >= 4
            and any(_finite(toks[i], toks[i - 1]) for i in range(view.index(a) + 1, joint))
            and not _complement_after(view, k)
        )
    ):
        # "…,'' she said in Iowa in response to a question." / "…, he said of the plan.";
        # not "When talk turned to jobs, the mayor declared on the radio that …": the
        # verb reports the clause after "that", the opening clause is none
        return _extend(state, view, rec)
    if k + 1 < len(toks) and (
        toks[k].lower in _LATER
        or (
            toks[k].lower in _OCCASION_PREPOSITIONS
            and (
                toks[k + 1].lower in DETERMINERS or toks[k + 1].upper or toks[k + 1].kind == NUMBER
            )
        )
    ):
        # "These workers, Mr. Hale said in the hearing, were well paid": the adjunct is
        # the attribution's, the statement goes on after its comma
        m = k + 1
        while m < len(toks) and m - k <= MAX_ADJUNCT and toks[m].kind != PUNCT:
            m += 1
        if m < len(toks) and m > k + 1 and toks[m].text == ",":
            k = m
    if k >= len(toks) or toks[k].text not in (",", "(", "—", "–", "-"):
        return None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if (
        not inverted
        and toks[k].text == ","
        and nxt is not None
        and nxt.lower == "that"
        and k + 2 < len(toks)
        and toks[k + 2].kind == WORD
        and not _finite(toks[k + 2], nxt)
    ):
        # "It is no surprise, Ms. Lee said, that [the plan failed]": a complementiser
        # (before a verb, "…, a law, she said, that is unfair", it is a relative)
        nxt = toks[k + 2]
    elif (
        inverted
        or toks[k].text != ","
        or nxt is None
        or nxt.lower.endswith("ing")
        or nxt.lower in _RELATIVES
        or nxt.lower == "as"
    ):
        # "…, said X, an economist." / "…, X said, adding that …" / "…, X announced, gaining …"
        return _extend(state, view, rec)
    # A, X said, B: one statement in two parts.
    end = _content_end(state, view)
    if end > nxt.start:
        rec.ranges.append((nxt.start, end))
        return rec
    return None


def _plural_subject(table: _Table, toks: Sequence[Token], v: int, cue: _Cue) -> bool:
    """The -s form at ``v`` ("advocates", "reports") is a plural noun when a finite
    reporting verb and the start of a clause follow it: "advocates say it …", "reports
    said the …", "critics argue that …" (not "says praise from …")."""
    t = toks[v]
    if v + 2 >= len(toks) or cue.gerund or t.upper:  # "Media Reports Reveal …": a headline
        return False
    nxt, after = toks[v + 1], toks[v + 2]
    if t.lower == cue.lemma and v > 0 and toks[v - 1].kind == WORD and toks[v - 1].upper:
        # "A Daily Ledger report said …": a bare form after a capitalised word and before
        # a past reporting verb is a noun with its modifier (no verb takes a past after it)
        return _reporting_verb(table, nxt.lower, bare=False)
    if t.lower == cue.lemma or not t.lower.endswith("s"):
        return False
    if not (after.lower in _REPORTED_OPENERS or after.lower in DETERMINERS or after.upper):
        return False
    return _reporting_verb(table, nxt.lower, bare=True)


def _reporting_verb(table: _Table, word: str, bare: bool) -> bool:
    """``word`` is a one-word clause or addressee cue in its past form, or (``bare``) in
    its base form: the verb after a plural subject."""
    return any(
        len(c.words) == 1
        and not c.gerund
        and c.frame in ("clause", "addressee")
        and (c.participle or (bare and word == c.lemma))
        for c in table.by_first.get(word, ())
    )


# Words that open a reported clause right after its verb ("say it …", "argue that …").
_REPORTED_OPENERS = frozenset("that it he she they we i you there".split())


def _passive_before(toks: Sequence[Token], v: int) -> bool:
    """A form of "be" among the auxiliaries and adverbs right before the verb at ``v``
    ("was told", "has been widely reported", "is well known"): a passive."""
    j = v - 1
    while j >= 0 and (toks[j].lower in SKIPPABLE or _adverb(toks[j]) or toks[j].lower == "well"):
        if toks[j].lower in _BE:
            return True
        j -= 1
    return False


def _with_subject(state: _State, view: _View, j: int) -> tuple[Mention, int] | None:
    """The source of a participle after ", with" ("…, with RealClearPolitics showing
    her ahead"): the source ending at ``toks[j]`` and where the statement before it
    ends (the comma), or None."""
    toks = view.toks
    w = j
    while w >= 0 and j - w < 6 and toks[w].lower != "with":
        if toks[w].kind == PUNCT and toks[w].text not in ".'’-":
            return None
        w -= 1
    if w < 1 or w == j or toks[w].lower != "with" or toks[w - 1].text != ",":
        return None
    m = _mentions.np_starting_at(state.text, toks, w + 1, j + 1)
    if m is None or view.index(m.end) != j + 1 or not _real_source(state, m):
        return None  # not "…, with 40 percent backing him": a poll's own finding
    return m, toks[w - 1].start


def _role_then_name(state: _State, toks: Sequence[Token], k: int) -> Mention | None:
    """The name after lowercase role words that open an inverted source: "…, said
    lobbyist Ann Lee", "…, says political scientist Tom Hale"; None without a name."""
    j = k
    low = -1  # the last lowercase role word
    while (
        j < len(toks)
        and j - k < 6
        and toks[j].kind == WORD
        and (toks[j].upper or _modifier(state, toks[j]))
    ):
        if not toks[j].upper:
            low = j
        j += 1
    # "…, said Democratic strategist Ann Lee", "former Ohio governor Tom Hale": capitalised
    # words may stand among the role words, the name follows the last lowercase one
    if low < 0 or low + 1 >= len(toks) or not toks[low + 1].upper:
        return None
    m = _mentions.np_starting_at(state.text, toks, low + 1, len(toks))
    return m if m is not None and m.kind == "name" else None


_OPENING_MARKS = "'\"“‘"
_FIRST_WORD = re.compile(r"\s*(\w+)")
# Words that cannot open the object of an object-frame cue ("support among voters",
# "called into the show", "wants and needs"): the word was no cue.
_NO_OBJECT = frozenset(
    "and or but among into onto toward towards across around under until since despite "
    "amid without than upon within beyond along".split()
)
# A preposition right after "X said" opens an adjunct, not the reported clause.
_LATER = frozenset(["earlier", "later"])
_OCCASION_PREPOSITIONS = frozenset("in at on during after before".split())
_ADJUNCT_PREPOSITIONS = frozenset(
    "in at on during after before while when from of about with via through outside "
    "inside following".split()
)


def _modifier(state: _State, t: Token) -> bool:
    """A word that may stand before a name in a role: "foreign ministry spokesman"."""
    return (
        t.kind == WORD
        and t.lower not in _NOT_OPENERS
        and t.lower not in _mentions.STOPS
        and t.lower not in SKIPPABLE
        and t.lower not in state.table.by_first
    )


def _quote_opening(state: _State, s: int, end: int) -> int:
    """Where the statement before ``end`` starts: the sentence start ``s``, or an
    earlier ''typewriter'' opening mark when the sentence split a quotation the marks
    stage did not pair (''Q1! Q2,'' he said)."""
    text = state.text
    if text.count("''", s, end) % 2 == 0:
        return s
    para_start = state.doc.paragraphs[state.doc_paragraph(s)][0]
    o = text.rfind("''", para_start, s)
    return o if o >= 0 and text.count("''", para_start, o) % 2 == 0 else s


def _quoted_before(state: _State, view: _View, v: int) -> tuple[Mention, int] | None:
    """''Q,'' Leonard Burman, director of a centre at a school, said: the speaker is the
    name right after the closing marks, too far from the cue for `subject_before`."""
    toks = view.toks
    i = v - 1
    while i > 1 and v - i < 40:
        if toks[i].text in ("'", "’", "”", '"') and toks[i - 1].text in _JOINT:
            joint = _joint_before(toks, i + 1)
            if joint >= 0:
                m = _mentions.np_starting_at(state.text, toks, i + 1, v)
                if m is not None and m.kind in ("name", "organisation"):
                    e = view.index(m.end)
                    if e < len(toks) and toks[e].text == ",":
                        return m, joint
            return None
        i -= 1
    return None


# Marks that may close a statement before its attribution: “Q,” / ''Q,'' / Q,
_JOINT = frozenset([",", "—", "–", "--", "'", "’", "”", '"', "?", "!"])


def _joint_before(toks: Sequence[Token], i: int) -> int:
    """Index of the comma (with any closing marks) that ends a statement right before
    ``toks[i]``, or -1: "…, said X", "…,'' Mr. Burman said", "…?” she asked"."""
    j = i
    while j > 0 and i - j < 4 and toks[j - 1].kind == PUNCT and toks[j - 1].text in _JOINT:
        j -= 1
    run = [t.text for t in toks[j:i]]
    if not run:
        return -1
    if any(x in _COMMAS for x in run):
        return j
    if len(run) >= 2 and run[0] in "?!" and run[1] in "'’”\"":
        return j + 1  # “Why?” he asked: the question mark is part of the statement
    return -1


def _typewriter_close(state: _State, at: int, skip: int) -> int:
    """Where a ''typewriter'' quotation open at ``at`` closes: the next '' from ``at +
    skip``, within the paragraph of ``at`` and `MAX_TYPEWRITER` characters; -1 if none."""
    para_end = state.doc.paragraphs[state.doc_paragraph(at)][1]
    return state.text.find("''", at + skip, min(para_end, at + MAX_TYPEWRITER))


def _typewriter(
    state: _State, view: _View, a: int, rule: str, speaker: Mention | None, span: Span
) -> _Record | None:
    """The statement after "X said:" is a ''typewriter'' quotation: up to its closing
    marks, over the sentences of the paragraph if need be."""
    close = _typewriter_close(state, a, 2)
    if close < 0:
        return None
    end = close + 2
    if end > view.e:
        state.covered = max(state.covered, end)
    return _Record(rule, speaker, span, [(a, end)], head=True)


_DASH_RUN = re.compile(r"[—–―]|\s-+\s")


def _next_paragraph(
    state: _State, at: int, rule: str, speaker: Mention, span: Span
) -> _Record | None:
    """The paragraph after the one that ends at ``at`` with a colon, as a statement;
    None when the colon does not end its paragraph, or the next one opens with a
    quotation mark (the quotation stages read it) or markup, or is shorter than 20
    characters (a heading)."""
    text, doc = state.text, state.doc
    p = state.doc_paragraph(at - 1)
    if p + 1 >= len(doc.paragraphs) or text[at : doc.paragraphs[p][1]].strip():
        return None
    a, b = doc.paragraphs[p + 1]
    while a < b and text[a].isspace():
        a += 1
    b = _trim_end(text, a, b)
    if b - a < 20 or text[a] in _OPENING_MARKS or text[a] == "<" or state.in_quote(a):
        return None  # a quotation, a heading or markup (an embedded post)
    state.covered = max(state.covered, b)
    return _Record(rule, speaker, span, [(a, b)], head=True)


def _extend(state: _State, view: _View, rec: _Record) -> _Record:
    """''Q1,'' X said. ''Q2. Q3.'' — a typewriter quotation that the marks stage did
    not pair continues the statement over the next sentences of the paragraph."""
    text = state.text
    a, b = rec.ranges[-1]
    if not text.startswith("''", a) and (
        # "A ''quoted,'' X said. ''Q2.''" goes on as well, unless the sentence does
        rec.head
        or "''" not in text[b : rec.cue.start]
        or view.e - rec.cue.end > 200  # the attribution ends the sentence, and soon
        or _DASH_RUN.search(text, rec.cue.end, view.e) is not None
    ):
        return rec
    para_end = state.doc.paragraphs[state.doc_paragraph(a)][1]
    nxt = view.e
    while nxt < para_end and text[nxt].isspace():
        nxt += 1
    if not text.startswith("''", nxt):
        return rec
    close = text.find("''", nxt + 2, min(para_end, nxt + MAX_TYPEWRITER))
    if close < 0:
        return rec
    rec.ranges.append((nxt, close + 2))
    state.covered = max(state.covered, close + 2)
    return rec


def _subject(state: _State, view: _View, v: int) -> Mention | None:
    """The subject of the cue at ``v`` if it can be a source: a name, a pronoun, an
    organisation or a lexicon noun ("officials", "the report"), not "the low demand"."""
    if v in view.subjects:
        return view.subjects[v]
    found = _read_subject(state, view, v)
    view.subjects[v] = found
    return found


def _read_subject(state: _State, view: _View, v: int, parenthetical: bool = True) -> Mention | None:
    text, toks = state.text, view.toks
    i = v
    while i > 0 and (
        toks[i - 1].lower.replace("’", "'") in _MORE_SKIPPABLE
        or _adverb(toks[i - 1])
        or toks[i - 1].lower in _FLOATING
    ):
        i -= 1
    i = _before_dashes(toks, i)
    j = i - 1
    while j >= 0 and toks[j].lower in SKIPPABLE:
        j -= 1
    if j >= 0 and j + 1 < i and _dash(toks[j]):
        # "Three officials — all Republicans — have also said": auxiliaries after the dash
        i = _before_dashes(toks, j + 1)
        j = i - 1
    if j >= 2 and toks[j].text == ")":
        # "Sen. Ann Lee (a Democrat from Ohio) says": the subject before the parenthesis
        o = j - 1
        while o > 0 and j - o < 30 and toks[o].text not in "()":
            o -= 1
        if toks[o].text == "(" and o > 0 and toks[o - 1].kind == WORD and j - o > 3:
            i = o
            j = i - 1
    if j >= 0 and toks[j].lower.replace("’", "'") in _LINKING_PRONOUNS:
        # "He’s hoping", "she’s said", "they’re hopeful": the pronoun without its verb
        e0 = toks[j].start + toks[j].lower.replace("’", "'").index("'")
        return Mention(toks[j].start, e0, text[toks[j].start : e0], "pronoun")
    if j >= 0 and toks[j].lower in _QUANTIFIERS and (j == 0 or toks[j - 1].kind == PUNCT):
        return Mention(toks[j].start, toks[j].end, toks[j].text, "nominal")  # "Some say"
    if (
        j >= 2
        and toks[j].lower in ("whom", "which")
        and toks[j - 1].lower == "of"
        and (toks[j - 2].lower in _QUANTIFIERS or toks[j - 2].lower in _NUMBER_WORDS)
    ):
        # "the families, many of whom say …": the share of the relative's antecedent
        s0, e0 = toks[j - 2].start, toks[j].end
        return Mention(s0, e0, text[s0:e0], "nominal")
    count = _count(toks, j)
    if count < 0:
        count = _share(toks, j)
    last = j
    if count < 0 and j >= 4 and toks[j].text == ",":
        # "about two-thirds, 67 percent, say": a share with its figure between commas
        inner = _count(toks, j - 1)
        if inner >= 2 and toks[inner - 1].text == ",":
            outer = _share(toks, inner - 2)
            if outer < 0:
                outer = _count(toks, inner - 2)
            if outer >= 0:
                count, last = outer, j - 1
    if count >= 0:
        s0, e0 = toks[count].start, toks[last].end
        return Mention(s0, e0, text[s0:e0], "nominal")  # "61 percent said", "six in 10 say"
    if (
        j >= 0
        and toks[j].kind == WORD
        and not toks[j].upper
        and toks[j].lower.endswith("s")
        and not toks[j].lower.endswith(("ss", "'s", "’s"))
        and toks[j].lower not in _NOT_OPENERS
        and toks[j].lower not in _mentions.STOPS
        and (j == 0 or toks[j - 1].kind == PUNCT or toks[j - 1].lower in _COORDINATORS)
    ):
        # a bare plural opening its clause: "but engineers said", "Analysts say"
        return Mention(toks[j].start, toks[j].end, toks[j].text, "nominal")
    postmodified = _postmodified_before(state, view, i)
    if postmodified is not None:
        return postmodified
    c0 = _parenthetical_before(toks, i) if parenthetical else -1
    if c0 > 0:
        # "The mayor, in a statement, said", "Analysts, however, say" (one level only)
        before = _read_subject(state, view, c0, parenthetical=False)
        if before is not None:
            return before
    speaker = _mentions.subject_before(text, toks, i, 0)
    if speaker is None:
        # "Republican nominee Donald Trump on Friday endorsed": a time phrase between
        t = _time_before(state, toks, i)
        if t < i:
            speaker = _mentions.subject_before(text, toks, t, 0)
    if speaker is not None and _is_time(state, speaker):
        # "Trump this week also said": step over the time phrase
        speaker = _mentions.subject_before(text, toks, view.index(speaker.start), 0)
    if speaker is not None and _real_source(state, speaker):
        if speaker.kind in ("name", "organisation"):
            speaker = _attached_head(state, view, speaker)
        r = _relative_comma(view, speaker)
        if r < 0 and not toks[v].lower.endswith("ing"):  # "candidates proposing …"
            r = _restrictive_relative(view, speaker)
        if r < 0 or view.index(speaker.start) == r + 2:
            return speaker  # "…, which Tom Hale, being tired, considered": its own subject
        # "The senator, who opposed the bill, said": the relative's antecedent, never a
        # noun of the clause ("A new advert, which will air in Ohio, attacks")
        antecedent = _mentions.np_ending_at(text, toks, r - 1, 0)
        if antecedent is not None and _real_source(state, antecedent):
            return antecedent
        # "A survey of caucusgoers, who …, found": the phrase opening the clause, with
        # its postmodifier
        head = _clause_opening_np(state, view, r - 1)
        if (
            head is not None
            and _real_source(state, head)
            and head.kind != "pronoun"
            and (view.index(head.end) == r or toks[view.index(head.end)].lower in _POSTMODIFIERS)
        ):
            return head
        if (
            antecedent is not None
            and antecedent.kind == "nominal"
            and toks[view.index(antecedent.start)].lower in DETERMINERS
        ):
            return antecedent  # "a farmer who writes for the local paper endorsed"
    return _clause_np(state, view, i)


def _attached_head(state: _State, view: _View, speaker: Mention) -> Mention:
    """The phrase a name after an attaching preposition belongs to: "the Office for Road
    Safety reported", "The court in Denver found", "Ann Webb of the League for Clean
    Rivers urged". The name is the object of the preposition, never the verb's subject."""
    text, toks = state.text, view.toks
    for _ in range(3):  # "NAME of the League for Clean Rivers": one step per preposition
        p, e = view.index(speaker.start) - 1, view.index(speaker.end)
        if (
            p < 1
            or toks[p].text not in _mentions.ATTACHING  # lower case: not a headline's "From"
            or toks[p - 1].kind != WORD
            or (e < len(toks) and toks[e].text == ",")  # "…, a nurse in Ames, Iowa, said"
        ):
            return speaker
        inner = _mentions.np_ending_at(text, toks, p - 1, 0)
        if inner is None or inner.kind == "pronoun" or not _real_source(state, inner):
            return speaker  # not "the eve of a new vote", "the rise of cable news"
        if inner.kind == "name":
            return inner  # the person of "Ann Webb of the League"
        if inner.kind != "organisation":
            return speaker  # "officials in Denver": measured, left as it was (docs)
        speaker = Mention(inner.start, speaker.end, text[inner.start : speaker.end], inner.kind)
    return speaker


# A pronoun and a contracted "is" or "has" in one token: never a possessive.
_CONTRACTED_PRONOUNS = frozenset(["he's", "she's", "who's"])


# A pronoun and its contracted "be" (or "has") in one token: the subject of what follows.
_LINKING_PRONOUNS = _CONTRACTED_PRONOUNS | frozenset(["they're", "we're", "you're", "i'm"])


def _contracted_pronoun(t: Token) -> bool:
    return t.lower.replace("’", "'") in _CONTRACTED_PRONOUNS


_RELATIVE_OPENERS = frozenset("who whom whose which".split())
# Words that open a parenthetical between a subject and its verb ("in a statement",
# "for instance", "however", "on the other hand").
_PARENTHETICAL_OPENERS = frozenset(
    "in on for at by with of after before during like unlike however meanwhile "
    "therefore though instead indeed moreover furthermore too".split()
)


def _parenthetical_before(toks: Sequence[Token], i: int) -> int:
    """Index of the comma opening a short parenthetical that ends with the comma at
    ``toks[i - 1]`` ("X, in a statement, said"), or -1."""
    if i < 3 or toks[i - 1].text != ",":
        return -1
    c = i - 2
    while c > 0 and i - c <= 10 and toks[c].text != ",":
        if toks[c].kind == PUNCT and toks[c].text not in ".'’-":
            return -1
        c -= 1
    if c < 1 or toks[c].text != "," or c + 1 >= i - 1:
        return -1
    first = toks[c + 1].lower
    if first not in _PARENTHETICAL_OPENERS or toks[c - 1].kind != WORD:
        return -1
    return c


# Adverbs without -ly and floating quantifiers between a subject and its verb
# ("has nevertheless called", "have all attacked", "have both urged", "has long argued",
# "has always maintained", "has since said", "she yet feared", "well knew").
_FLOATING = frozenset("nevertheless nonetheless all both each long always since yet well".split())


# Words that may open a time phrase before a cue ("on Friday", "late Tuesday").
_TIME_OPENERS = frozenset("on in at late early earlier last this next".split())
_DAYS = frozenset("today yesterday tonight".split())
_YEAR = re.compile(r"(?:19|20)\d\d")
# Time words that end no time phrase ("at last", "once", "again").
_NOT_TIME_NOUNS = frozenset(
    "earlier later recently again also last this next late early previously privately "
    "publicly repeatedly separately once often".split()
)


def _time_before(state: _State, toks: Sequence[Token], i: int) -> int:
    """Where a time phrase ending right before ``toks[i]`` starts ("X on Friday
    said", "X late last week endorsed"), or ``i`` when there is none."""
    adjuncts = state.table.adjuncts
    if (
        i >= 3
        and toks[i - 2].lower in ("in", "since")
        and _YEAR.fullmatch(toks[i - 1].text)
        and toks[i - 3].kind == WORD
    ):
        return i - 2  # "an arbitration panel in 2001 found"
    j = i - 1
    times = 0
    while j >= 0 and i - j <= 5:
        w = toks[j].lower
        if adjuncts.get(w) == "time":
            times += 1
        elif not (w in _TIME_OPENERS or toks[j].kind == NUMBER):
            break
        j -= 1
    while j + 1 < i and toks[j + 1].kind == NUMBER:
        j += 1  # a number opening the phrase belongs to the subject
    if (
        times == 0
        or adjuncts.get(toks[i - 1].lower) != "time"
        or toks[i - 1].lower in _NOT_TIME_NOUNS
        or not (
            toks[j + 1].lower in _TIME_OPENERS
            or (i - j == 2 and toks[j + 1].lower in _DAYS)
            # "candidates for president Thursday lashed out": a weekday after a lowercase
            # word (not "Super Tuesday said")
            or (
                i - j == 2
                and toks[j + 1].lower in WEEKDAYS
                and j >= 0
                and toks[j].kind == WORD
                and not toks[j].upper
            )
        )
    ):
        return i  # "Super Tuesday said", "CNN morning shows": a name, a noun
    return j + 1


# Words that open a new clause: a relative before them is no longer open.
_RELATIVE_BREAKS = frozenset(
    "because when while if as after before since although though unless and but or where "
    "whether".split()
)
# Prepositions whose object is never the subject of the verb after the phrase.
_PLACE_PREPOSITIONS = frozenset(
    "in on at to with by for from into of across throughout around near outside inside "
    "beyond through within among between over under".split()
)


def _restrictive_relative(view: _View, speaker: Mention) -> int:
    """ "An advert that ran in Ohio said": ``speaker`` is the object of a preposition in a
    relative clause without commas on the noun before it; the index of the word before
    the relative pronoun (where the antecedent ends, as a comma would be), or -1."""
    toks = view.toks
    s = view.index(speaker.start)
    if s < 3 or toks[s - 1].lower not in _PLACE_PREPOSITIONS:
        return -1
    r = s - 2
    while r > 0 and s - r < 15 and toks[r].kind != PUNCT and toks[r].lower not in _RELATIVE_BREAKS:
        if toks[r].lower in _RELATIVES:
            prev, nxt = toks[r - 1], toks[r + 1]
            if (
                prev.kind == WORD
                and prev.lower not in _mentions.STOPS
                and not _finite(prev, prev)
                # a subject relative with its own verb: "that ran", "who once spoke"
                and (_verb_like(toks, r + 1) or _adverb(nxt))
            ):
                return r
            return -1
        r -= 1
    return -1


def _relative_comma(view: _View, speaker: Mention) -> int:
    """Index of the comma opening a relative clause between commas that ends with
    ``speaker`` ("The senator, who opposed the bill, said"), or -1."""
    toks = view.toks
    e = view.index(speaker.end)
    if e >= len(toks) or toks[e].text != ",":
        return -1
    r = view.index(speaker.start) - 1
    while r > 0 and toks[r].text != "," and e - r < 30:
        if toks[r].text in _BOUNDARIES:
            return -1
        r -= 1
    if r < 1 or toks[r].text != "," or toks[r + 1].lower not in _RELATIVE_OPENERS:
        return -1
    return r


# Words that end a loose subject read backwards from its verb.
_LOOSE_STOPS = frozenset(
    "that which who whom whose what when where while although though because if as since "
    "after before unless and but or".split()
)


def _loose_subject(state: _State, view: _View, v: int) -> Mention | None:
    """Any short phrase opening the clause before the cue: "most of them said"."""
    toks = view.toks
    j = _before_dashes(toks, v) - 1
    while j >= 0 and (
        toks[j].lower in SKIPPABLE
        or toks[j].lower.replace("’", "'") in _MORE_SKIPPABLE
        or _adverb(toks[j])
    ):
        j -= 1
    c0 = _parenthetical_before(toks, j + 1) if j >= 0 else -1
    if c0 > 0:
        j = c0 - 1  # "Cement makers, for instance, argue that …"
    if j < 0 or toks[j].kind == PUNCT:
        return None
    k = j
    while (
        k >= 0
        and j - k < 15
        and toks[k].text not in _BOUNDARIES
        and toks[k].lower not in _LOOSE_STOPS
    ):
        k -= 1
    if k == j or j - k >= 15 or (k < 0 and not view.from_start):
        return None
    if (
        k >= 0
        and toks[k].lower in _LOOSE_STOPS
        and toks[k].lower not in ("and", "but", "or")
        and toks[k].lower not in _SUBORDINATORS
    ):
        return None  # "the claims that several reports say …": a relative, not a clause
    a, b = toks[k + 1].start, toks[j].end
    return Mention(a, b, state.text[a:b], "nominal")


_SUBJECT_PRONOUNS = frozenset("i you he she it we they there".split())


def _clause_opens(toks: Sequence[Token], k: int) -> bool:
    """A reported clause starts at ``toks[k]``: "that", a subject pronoun, a determiner,
    a name or a number, not a preposition or a conjunction ("pledged delegates",
    "remarks after the talks")."""
    if k >= len(toks):
        return False
    t = toks[k]
    w = t.lower.replace("’", "'").split("'")[0]  # "they’re"
    if w in _SUBJECT_PRONOUNS or w == "that" or (w in DETERMINERS):
        return True
    return t.kind == NUMBER or (t.upper and w not in _mentions.STOPS)


_DASHES = frozenset(["—", "–", "--", "―"])


def _dash(t: Token) -> bool:
    """A dash, or one of the hyphens of a typed dash (" -- " is two tokens)."""
    return t.text in _DASHES or t.text == "-"


def _before_dashes(toks: Sequence[Token], i: int) -> int:
    """Where a subject ends before a parenthesis between dashes ("Murphy — after a
    knock on wood — told me", "Kall -- co-editor of a book -- said"): the first dash,
    else ``i``."""
    if i < 3 or not _dash(toks[i - 1]):
        return i
    e = i - 1
    while e > 0 and toks[e - 1].text == "-" and toks[e - 1].end == toks[e].start:
        e -= 1  # the closing "--"
    d = e - 1
    while d > 0 and i - d < 30 and not _dash(toks[d]):
        d -= 1
    while d > 0 and toks[d - 1].text == "-" and toks[d - 1].end == toks[d].start:
        d -= 1  # the opening "--"
    return d if d > 0 and _dash(toks[d]) and toks[d - 1].kind == WORD else i


def _adverb(t: Token) -> bool:
    """ "repeatedly", "publicly"; not a noun of the lexicon ("the family said")."""
    w = t.lower
    return (
        w.endswith("ly")
        and len(w) > 4
        and not t.upper
        and w not in lexicon().nominals
        and w not in lexicon().org_words
    )


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten half most majority".split()
)


def _count(toks: Sequence[Token], j: int) -> int:
    """Start index of a share ending at ``toks[j]`` ("61 percent", "six in 10"), or -1."""
    if j < 1:
        return -1
    if toks[j].lower in ("percent", "%") and toks[j - 1].kind == NUMBER:
        return j - 1
    if (
        (toks[j].kind == NUMBER or toks[j].lower in _NUMBER_WORDS)  # "one in three"
        and j >= 2
        and toks[j - 1].lower == "in"
        and (toks[j - 2].kind == NUMBER or toks[j - 2].lower in _NUMBER_WORDS)
    ):
        return j - 2
    return -1


# Words that head a share of a group: "a third of voters", "the majority of them".
_FRACTIONS = frozenset(
    "half third thirds quarter quarters fifth fifths majority minority plurality "
    "two-thirds three-quarters three-fourths".split()
)
# How far back from the cue a share of a group ("19 percent of students polled") may start.
MAX_SHARE = 10


def _share(toks: Sequence[Token], j: int) -> int:
    """Start index of a share of a group ending at ``toks[j]``: "19 percent of college
    students polled", "about three-quarters", "a majority of Republicans"; or -1. The
    group after "of" holds no relative or verb (the cue would be its own)."""
    h = j
    while h >= 0 and j - h < MAX_SHARE:
        t = toks[h]
        if (
            (t.kind == PUNCT and t.text != "%")
            or t.lower in _LOOSE_STOPS
            or t.lower in _NOT_OPENERS
        ):
            return -1
        if h == j or toks[h + 1].lower == "of":
            start = _count(toks, h)
            if start < 0 and t.lower in _FRACTIONS:
                start = h
            if start >= 0:
                while start > 0 and (
                    toks[start - 1].lower in _QUANTITY_WORDS
                    or toks[start - 1].lower in ("a", "the", "an")
                ):
                    start -= 1
                return start
        h -= 1
    return -1


def _clause_np(state: _State, view: _View, v: int) -> Mention | None:
    """A long subject at the start of the clause: "a 46-page analysis released by the
    department last month reveals", "Erin Murphy, a former aide who …, said"."""
    text, toks = state.text, view.toks
    j = v - 1
    while j >= 0 and toks[j].lower in SKIPPABLE:
        j -= 1
    if j >= 0 and toks[j].text == ",":
        # an apposition too long for subject_before: the clause opens with the name
        m = _clause_opening_np(state, view, j)
        if m is not None:
            k = view.index(m.end)
            if (
                k < len(toks)
                and toks[k].text == ","
                and (
                    m.kind in ("name", "organisation")
                    or (m.kind == "nominal" and _real_source(state, m))
                )
            ):
                return m  # "The analysts, who spoke on condition of anonymity, said"
        return _role_and_name(state, view, j)
    k = j
    while k >= 0 and j - k < 25 and toks[k].text not in _BOUNDARIES:
        k -= 1
    last = toks[j] if j >= 0 else None
    if last is None or not (
        last.upper
        or last.kind == NUMBER
        or last.lower in lexicon().nominals
        or last.lower in lexicon().org_words
        or last.lower in _source_nouns()
        or (last.lower.endswith("s") and not last.lower.endswith("ss"))
    ):
        return None  # "our worst fears": the phrase before the cue ends in no noun
    m = _mentions.np_starting_at(text, toks, k + 1, j + 1)
    if m is None or not _real_source(state, m) or m.kind == "pronoun":
        return None
    e = view.index(m.end)
    if e <= j and toks[e].lower not in _POSTMODIFIERS:
        return None
    return m


def _role_and_name(state: _State, view: _View, j: int) -> Mention | None:
    """ "Conservative economist Aparna Mathur, who studies …, said": the clause opens
    with role words and a name, then an apposition up to the comma at ``j``."""
    toks = view.toks
    k = j - 1
    while (
        k >= 0
        and j - k < 40
        and toks[k].text not in _BOUNDARIES - {","}
        and (toks[k].text != "-" or _word_hyphen(toks, k))
    ):
        k -= 1
    if k < 0 and not view.from_start:
        return None
    first = k + 1
    while first < j and toks[first].lower in _OPENING_CONJUNCTIONS:
        first += 1
    c = first
    while c < j and toks[c].text != ",":
        c += 1
    if c == j or c - first > 8:
        return None
    m = _mentions.np_ending_at(state.text, toks, c - 1, first)
    if m is None or m.kind != "name":
        return None
    i = view.index(m.start)
    if not all(_modifier(state, t) and (not t.upper or t is toks[first]) for t in toks[first:i]):
        return None
    return m


def _clause_opening_np(state: _State, view: _View, j: int, commas: bool = False) -> Mention | None:
    """The noun phrase opening the clause that ``toks[j]`` is in; with ``commas``
    a comma ends the clause, else the clause may hold appositions."""
    toks = view.toks
    # a standalone hyphen is a dash: "ORLANDO (Reuters) - President Obama met …"
    stops = (_BOUNDARIES if commas else _BOUNDARIES - {","}) | {"-"}
    k = j
    while k >= 0 and j - k < 40 and (toks[k].text not in stops or _word_hyphen(toks, k)):
        k -= 1
    while k + 1 < j and toks[k + 1].lower in _OPENING_CONJUNCTIONS:
        k += 1
    return _mentions.np_starting_at(state.text, toks, k + 1, j)


def _word_hyphen(toks: Sequence[Token], k: int) -> bool:
    """A hyphen inside a word ("a 30-year veteran"), not a dash."""
    return (
        toks[k].text == "-"
        and 0 < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start
        and toks[k].end == toks[k + 1].start
    )


_BOUNDARIES = frozenset([",", ";", ":", "(", ")", "“", "”", '"', "—", "–", "--"])
_POSTMODIFIERS = frozenset(
    "who that which released issued published from of by for at in on with to and".split()
)
_QUANTIFIERS = frozenset("some many others most few several both critics".split())
_MORE_SKIPPABLE = frozenset(
    "doesn't didn't don't isn't wasn't won't can't couldn't wouldn't hasn't haven't hadn't "
    "shouldn't aren't weren't may might could should must can "
    "are am be".split()  # the progressive: "officials are expecting a record turnout"
)


def _is_time(state: _State, m: Mention) -> bool:
    return state.table.adjuncts.get(m.text.split()[-1].lower()) == "time"


def _real_source(state: _State, m: Mention) -> bool:
    """A name, a pronoun, an organisation or a lexicon noun: not "A new" or "the low"."""
    if _is_time(state, m):
        return False
    last = m.text.split()[-1]
    lex = lexicon()
    if m.kind in ("name", "organisation") and last[:1].isupper():
        return True
    low = last.lower()
    return (
        low in lex.nominals or low in lex.pronouns or low in lex.org_words or low in _source_nouns()
    )


def _source_nouns() -> frozenset[str]:
    """Sources for this stage only (`data/lexicon/indirect_sources.txt`): "the auditor
    found", "the film argues"; not speakers of quotations, so not in the nominals."""
    return _lexicon.word_list("indirect_sources.txt")


# Finite verbs and auxiliaries that cannot open a reported clause ("Everything
# Trump says is a lie": the cue is inside a relative clause).
_NOT_OPENERS = frozenset(
    "is was are were has have had will would can could should may might must do does did "
    "be been being".split()
)
_PARTICLES = frozenset("up off out down away back over".split())
# Verbs of response whose "by" + gerund may name an act instead of words.
_RESPONSES = frozenset("respond reply answer react".split())


def _acted_response(toks: Sequence[Token], k: int) -> bool:
    """``toks[k:]``, right after a verb of response, is "by" and a gerund of leaving or
    breaking off (`indirect_leaving_gerunds.txt`), maybe after an adverb: "responded
    (quickly) by leaving the talks" says what was done, not what was said."""
    if k < len(toks) and _adverb(toks[k]):
        k += 1
    return (
        k + 1 < len(toks)
        and toks[k].lower == "by"
        and toks[k + 1].lower in _lexicon.word_list("indirect_leaving_gerunds.txt")
    )


# Prepositions before a gerund that reports ("by saying that", "after criticizing").
_GERUND_PREPOSITIONS = frozenset("by after while before in for without when since upon".split())
_STANCE_ADVERBS = frozenset("not never still also very so too more less most increasingly".split())
# Verbs that link a subject to a stance adjective ("is critical of", "remained wary of").
_LINKING = _BE | frozenset(
    "am 's 're remain remains remained remaining become becomes became grew grown "
    "isn't wasn't weren't aren't".split()
)
_SUBORDINATORS = frozenset(
    "while although though whereas when as if because since after before unless once".split()
)


def _head(
    state: _State,
    key: tuple[int, int],
    view: _View,
    v: int,
    n: int,
    cue: _Cue,
    span: Span,
    found: Sequence[_Record],
) -> _Record | None:
    """X said (that) CLAUSE, and its participle, relative and passive forms."""
    text, toks = state.text, view.toks
    j = v - 1
    passive = False
    # "was widely criticized", "who pointedly refused": adverbs between them too
    while j >= 0 and (
        toks[j].lower in SKIPPABLE or _adverb(toks[j]) or toks[j].lower in ("together", "well")
    ):
        passive = passive or toks[j].lower in _BE
        j -= 1
    if (
        v >= 1
        and toks[v - 1].lower == "having"
        and v + 2 < len(toks)
        and toks[v + 1].lower in ("that", "this")
        and toks[v + 2].text == ","
    ):
        return None  # "Having said that, …": a connective, nothing is reported
    at = v  # where the subject ends
    if cue.lemma in state.table.stances:
        # "The mayor is (deeply) critical of the plan": an adjective, not a passive
        j = v - 1
        while j >= 0 and (_adverb(toks[j]) or toks[j].lower in _STANCE_ADVERBS):
            j -= 1
        passive = False
        if j >= 0 and toks[j].lower.replace("’", "'") in _LINKING_PRONOUNS:
            at = j + 1  # "They’re hopeful that …": the subject and its "be" in one token
            j -= 1
        else:
            if j < 0 or toks[j].lower.replace("’", "'") not in _LINKING:
                return None  # "a critical of" …: no "be" before the adjective
            at = j
            j -= 1
            while j >= 0 and toks[j].lower in SKIPPABLE:
                j -= 1
    word = toks[j].lower if j >= 0 else ""
    if word.replace("’", "'") == "who's":
        word = "who"  # "X, who’s argued for months that …": the relative and its "has"
    if (
        not passive
        and j >= 0
        and _contracted_pronoun(toks[j])
        and (cue.participle or (toks[v].lower.endswith("n") and not cue.gerund))
    ):
        # "he’s said to be", "she’s seen as", "he’s criticized by": the "’s" is "is"
        after = toks[v + n].lower if v + n < len(toks) else ""
        passive = (cue.lemma in state.table.appraisals and after == "to") or (
            after == "by" or (after in ("as", "for", "of") and cue.lemma in state.table.judged)
        )
    joint = -1
    opening_comma = -1  # "After criticizing the plan, the mayor …": the content ends there
    relative_comma = False
    referent: Mention | None = None
    rule = {"clause": "indirect_said_that", "addressee": "indirect_told"}.get(
        cue.frame, "indirect_object"
    )
    k = v + n
    if k < len(toks) and n == 1 and toks[k].lower in _PARTICLES:
        return None  # "showed up", "backed off": another verb
    if n == 1 and _plural_subject(state.table, toks, v, cue):
        return None  # "but advocates say …": the -s form is a plural noun, the subject
    if cue.lemma in _RESPONSES and _acted_response(toks, k):
        return None  # "the union responded by leaving the talks": an act, nothing said
    speaker: Mention | None
    if (
        cue.lemma in state.table.questions
        and cue.participle
        and (passive or word in _BE or j < 0 or toks[j].kind == PUNCT or word in _SUBORDINATORS)
    ):
        # "Asked whether …, he said", "when asked about X", "Y was asked why …"
        question = _question(state, view, k, span, subordinate=not (passive or word in _BE))
        if question is not None or not (j >= 0 and toks[j].text == ","):
            return question
        # "Ruth Lee, an editor at the paper, asked Mook if …": a finite verb after all
    if (passive or word in _BE) and not cue.gerund:
        if cue.lemma in state.table.appraisals and _to_follows(toks, v + n):
            # "The House is expected to pass the bill": an appraisal, its subject included
            return _evidential(state, view, v, n, span)
        if cue.lemma in state.table.judged and (cue.participle or toks[v].lower.endswith("n")):
            # "seen", "known": the participles that do not end in -ed
            judged = _judged(state, view, v, n, span)
            if judged is not None:
                return judged
        # it was reported (by X) that CLAUSE; "X was charged": not a report
        jj = j
        while jj >= 0 and toks[jj].lower in _BE | SKIPPABLE:
            jj -= 1
        if not cue.participle or jj < 0:
            return None
        if toks[jj].lower != "it":
            return _passive_by(state, view, jj, k, span, cue.frame == "addressee")
        speaker = None
        if k < len(toks) and toks[k].lower == "by":
            speaker = _mentions.np_starting_at(text, toks, k + 1, len(toks))
            if speaker is not None:
                k = view.index(speaker.end)
        t = _that_after(state, view, k)
        if t < 0:
            return None
        return _content(state, view, t + 1, "indirect_passive", speaker, span)
    if cue.participle and not cue.gerund and _reduced_passive(toks, v, k):
        # "The plan, criticized by the mayor, would …": a passive participle on the noun
        # before the comma, never an active report with the by-phrase as its object
        return None
    if cue.gerund and toks[v].lower in _NOT_BREAKS:
        return None  # "regarding", "concerning": prepositions
    if cue.gerund and j >= 1 and toks[j].text in ("”", '"', "'"):
        # "…were “overblown,” adding that …": the comma inside the closing marks
        c = j - 1 if toks[j].text != "'" or toks[j - 1].text != "'" else j - 2
        if c >= 0 and toks[c].text == ",":
            j = c
    with_subject = _with_subject(state, view, j) if cue.gerund and j >= 2 else None
    if with_subject is not None:
        # "…, with RealClearPolitics showing her ahead": the participle has its own source
        speaker, joint = with_subject
        rule = "indirect_participle"
    elif cue.gerund and j >= 0 and (toks[j].text in _COMMAS or toks[j].lower == "and"):
        # …, adding that CLAUSE / …, even suggesting CLAUSE: the speaker of the sentence
        if text.count("''", max(view.s, toks[v].start - LONG_SENTENCE), toks[v].start) % 2:
            return None  # "…fought ''for our rights, knowing that …''": the speaker's words
        speaker, referent = _previous_speaker(state, key, view, v, found, fallback=True)
        if speaker is None and j >= 1 and toks[j].text == ",":
            # "The budget chief went further, arguing …": no name, the clause's subject
            speaker = _clause_opening_np(state, view, j - 1, commas=True)
            if speaker is not None and not _real_source(state, speaker):
                speaker = None
        if speaker is None:
            return None
        joint = toks[j].start
        rule = "indirect_participle"
    elif cue.gerund and (
        (word in _GERUND_PREPOSITIONS and j == v - 1)
        or (v == 0 and view.from_start)
        or (j == v - 1 and j >= 0 and toks[j].kind == PUNCT and toks[j].text not in _COMMAS)
    ):
        # "… by saying that CLAUSE", "After criticizing the plan, the mayor …",
        # "Citing a new study, the mayor …"
        rule = "indirect_participle"
        starts = word not in _GERUND_PREPOSITIONS or j == 0 or toks[j - 1].kind == PUNCT
        if starts:
            comma = v + n
            while comma < len(toks) and toks[comma].text != "," and comma - v < 40:
                comma += 1
            if comma + 1 >= len(toks) or toks[comma].text != ",":
                return None
            speaker = _mentions.np_starting_at(text, toks, comma + 1, len(toks))
            if speaker is None or not _real_source(state, speaker):
                return None
            opening_comma = toks[comma].start
        else:
            relative = _relative_subject(state, view, j)
            if relative is not None:
                # "Ann Lee, who surprised the board by declaring …": "who" is the subject
                speaker, referent = relative
            else:
                speaker, referent = _previous_speaker(state, key, view, v, found, fallback=True)
            if speaker is None:
                # "The senator ended the speech by praising …": the clause's subject
                speaker = _clause_opening_np(state, view, j, commas=True)
                if speaker is None or not _real_source(state, speaker):
                    return None
    elif word in _RELATIVES:
        jj = j - 1
        if jj >= 0 and (toks[jj].text == "," or (word == "who" and _dash(toks[jj]))):
            jj -= 1  # "Ann Lee, who said", "Ann Lee — who has called for …"
        antecedent = _mentions.np_ending_at(text, toks, jj, 0) if jj >= 0 else None
        if antecedent is not None and not _real_source(state, antecedent):
            antecedent = None
        if jj + 1 < j:
            relative_comma = True
            if word == "who" and cue.frame != "object":
                joint = toks[jj + 1].start  # "X endorsed Trump, who said A": A is Trump's
        if word == "who":
            e0 = toks[j].start + 3  # "who", also of "who’s argued"
            speaker = Mention(toks[j].start, e0, text[toks[j].start : e0], "pronoun")
            referent = antecedent
        elif antecedent is None:
            return None
        else:
            # "The union, which endorsed …": the relative pronoun is the source, standing
            # for its antecedent, as "who" does
            speaker = Mention(toks[j].start, toks[j].end, toks[j].text, "pronoun")
            referent = antecedent
        rule = "indirect_relative"
    else:
        if word == "to" and not passive:
            if not _reported_infinitive(text, toks[j].start, toks[v].start):
                return None  # "to not recommend charges": an intention, not a report
            at = _infinitive_subject(state, view, j)
            infinitive = _subject(state, view, at) if at > 0 else None
            if infinitive is None or infinitive.text.lower() == "it":
                return None  # "it is hard to say that": no source
        speaker = _subject(state, view, at)
        if (
            speaker is None
            and word in ("and", "but")
            and not passive
            and any(t.lower in _MODALS for t in toks[j + 1 : v])
        ):
            # "X said she was a voter and would probably back Y": the modal belongs
            # to the reported clause, whose verb this is; nothing new is reported
            return None
        if (
            speaker is None
            and word == "and"
            and not passive
            and _shares_verb(view, v, j, cue, found)
        ):
            # "X urged the council to act and back the plan": a base form after "and"
            # goes with the infinitive or modal of the content it stands in
            return None
        if speaker is None and word in ("and", "but") and not passive:
            # X said A and added B: the coordinated verb shares the subject
            speaker, referent = _previous_speaker(state, key, view, v, found, fallback=False)
            if speaker is not None:
                joint = toks[j].start
                if j > 0 and toks[j - 1].text == ",":
                    joint = toks[j - 1].start
            else:
                # "Sullivan put off deciding but said …": the clause's opening subject
                opening = _clause_opening_np(state, view, j, commas=True)
                if opening is None and j > 0 and toks[j - 1].text == ",":
                    # "O'Malley spoke at the forum on Sunday, and criticized Sanders"
                    opening = _clause_opening_np(state, view, j - 1)
                if opening is not None and _real_source(state, opening):
                    speaker = opening
                else:
                    speaker, referent, relative_comma = _coordinated_subject(state, view, j)
                    if speaker is not None and speaker.kind == "pronoun":
                        rule = "indirect_relative"
        if (
            speaker is None
            and cue.frame in ("clause", "addressee")
            and not passive
            and not cue.gerund
            and (toks[v].lower != cue.lemma or cue.lemma in state.table.bare)
            and _clause_opens(toks, v + n)
        ):
            # "Several supporters of reform said it's …": a subject too long or too
            # plain to read as a source, before a finite verb and a clause
            speaker = _loose_subject(state, view, v)
        if speaker is None:
            return None
        if joint < 0:
            speaker, joint = _object_and_subject(state, view, speaker)
        if joint < 0:
            joint = _coordination(view, view.index(speaker.start))
        if rule == "indirect_said_that" and _is_document(speaker):
            rule = "indirect_statement"
        if speaker.text.lower().endswith((" of whom", " of which")):
            rule = "indirect_relative"  # its statement ends at the relative clause's comma
    if (
        cue.frame == "clause"
        and speaker is not None
        and k < len(toks)
        and toks[k].text == ","
        and view.index(speaker.start) > 1
        and toks[view.index(speaker.start) - 1].lower in ("which", "whom")
        and toks[view.index(speaker.start) - 2].lower not in _GAP_PREPOSITIONS
    ):
        # "The claims, which Ann Lee denies, hurt her": the relative clause ends at the
        # comma; its verb's object is "which", the words after it are the main clause's
        # (not "an ad in which he declares, …")
        return None
    if cue.frame == "addressee":
        k = _skip_object(state, view, k)
    if cue.frame == "clause" and k < len(toks) and toks[k].lower == "of":
        # X said of Y that CLAUSE: Y is any short phrase
        t = k + 1
        while t < len(toks) and t - k <= MAX_ADJUNCT and toks[t].kind != PUNCT:
            if toks[t].lower == "that":
                k, rule = t + 1, "indirect_said_of"
                break
            t += 1
    else:
        t = _that_after(state, view, k)
        if t > k and toks[k].lower in DETERMINERS and _relative_that(state, toks, t):
            pass  # "cited a report that found …": the noun phrase and its relative clause
        elif t >= 0:
            # "said that would permit …": a pronoun "that" is the clause's subject
            k = t if t + 1 < len(toks) and toks[t + 1].lower in _NOT_OPENERS else t + 1
        elif cue.frame != "object":
            if (
                cue.frame == "clause"
                and k == v + n
                and cue.lemma in _lexicon.word_list("indirect_addressee_verbs.txt")
            ):
                k = _addressee_that(state, view, k)
            k = _skip_time(state, view, k)
            t = _that_after(state, view, k, participles=True) if k > v + n else -1
            if t >= 0 and t + 1 < len(toks) and toks[t + 1].lower not in _NOT_OPENERS:
                k = t + 1  # "said in a statement released on Friday that …"
            if (
                cue.frame == "clause"
                and k + 1 < len(toks)
                and k == v + n
                and toks[k].lower in _CUE_PREPOSITIONS
                and toks[k + 1].kind != PUNCT
                and not _approximate(toks, k)
            ):
                # "complained about the food", "joked of his age": the preposition
                # belongs to the verb, its object is the content
                span = _span(text, toks, v, k + 1)
                k += 1
    if k < len(toks) and speaker is not None and toks[k].lower in _NOT_OPENERS:
        return _extracted(state, view, k, rule, speaker, span)
    if (
        k == v + n
        and k < len(toks)
        and speaker is not None
        and _verb_like(toks, k)
        and _subject_relative_before(state, view, speaker)
    ):
        # "which critics say hurts the poor": the relative is the subject, so the word
        # after the cue opens the predicate, whatever the verb
        rec = _extracted(state, view, k, rule, speaker, span)
        if rec is not None:
            return rec
    if (
        k + 1 < len(toks)
        and toks[k].text == ":"
        and cue.frame != "object"
        and text.startswith("''", toks[k + 1].start)
    ):
        # X said: ''Q1. Q2.'' — a typewriter quotation the marks stage left unpaired
        return _typewriter(state, view, toks[k + 1].start, rule, speaker, span)
    if (
        k + 1 == len(toks)
        and toks[k].text == ":"
        and view.to_end
        and speaker is not None
        and toks[k - 1].lower != "that"  # "The poll also found that:" and a list
    ):
        # "The governor added:" closing its paragraph: the next paragraph is the statement
        return _next_paragraph(state, toks[k].end, rule, speaker, span)
    if (
        k >= len(toks)
        or toks[k].lower in _NOT_OPENERS
        or (
            toks[k].kind == PUNCT
            and (cue.frame == "object" or toks[k].text in ".;:)")
            and not _amount(toks, k)
        )
        or (
            cue.frame == "object"
            and (toks[k].lower in _ADJUNCT_PREPOSITIONS or toks[k].lower in _NO_OBJECT)
            and not _approximate(toks, k)
        )
        or toks[k].lower in ("and", "or", "but")  # "he said and left": nothing reported
        or (cue.lemma == "add" and toks[k].lower == "to" and not _that_within(toks, k))
        or (cue.lemma == "find" and toks[k].lower in _REFLEXIVES)  # "found himself in …"
    ):
        return None  # "labor issues at the institute": no object, no report
    if (
        cue.frame == "object"
        and cue.participle
        and j == v - 1
        and toks[j].kind == WORD
        and not toks[j].upper
        and toks[j].lower not in _mentions.STOPS
        and (toks[k].lower in ("by", "on") or state.table.adjuncts.get(toks[k].lower) == "time")
    ):
        return None  # "a poll released Saturday found …": a participle on a noun
    lead = _gap_antecedent(state, view, k, speaker) if not passive else None
    if lead is not None:
        # "a topic she knew well": the verb's object is the noun before its subject
        return _Record(rule, speaker, span, [lead], head=True)
    rec = _content(state, view, k, rule, speaker, span)
    if rec is None or (cue.frame != "object" and _only_occasion(view, k, rec, cue.lemma)):
        return None
    rec.joint, rec.referent = joint, referent
    if opening_comma > rec.ranges[0][0]:
        a = rec.ranges[0][0]
        rec.ranges[0] = (a, _trim_end(text, a, min(rec.ranges[0][1], opening_comma)))
    _subordinate_end(state, view, v, rec)
    # a relative clause ends at its first comma ("Ms. Diaz, who said [A], left")
    _clause_end(state, view, rec, relative_comma or rule == "indirect_relative")
    if rule == "indirect_object" or (rule == "indirect_relative" and cue.frame == "object"):
        # "Ms. Diaz, who endorsed [Mr. Hale] and campaigned for him": a relative's object
        _object_end(state, view, rec)
    _as_much(state, view, rec)
    if rule != "indirect_statement":
        _closed_object_end(state, view, rec)
    _infinitive_end(state, view, rec)
    return rec


# What may follow a verb whose object is the antecedent of a relative clause without a
# pronoun: a preposition, a subordinator, an adverb or the main clause's verb ("a topic
# she knew [well]", "what she truly believes [remains] a mystery").
_GAP_OPENERS = (
    frozenset(
        "in on at for from since during while when before after well now later remains "
        "remain seems seemed".split()
    )
    | _NOT_OPENERS
)
# A preposition before the noun: the relative may be on a noun before it ("the cards in
# the mail they asked for") or the phrase an adjunct ("as president he would know").
_GAP_PREPOSITIONS = frozenset(
    "in on at to with by for from into of upon over under after before despite about "
    "against like as toward towards through during without within among between".split()
)
# Words before a subject pronoun that are no antecedent ("because he said in May …").
_NO_ANTECEDENT = frozenset(
    "because so since until although though where how why whether once unless if then now "
    "even just still only also".split()
)


def _gap_antecedent(
    state: _State, view: _View, k: int, speaker: Mention | None
) -> tuple[int, int] | None:
    """ "It was a topic she knew well", "What she truly believes remains a mystery": a
    subject pronoun right after "what" or a noun phrase, and after the verb a word that
    opens no object or clause (`_GAP_OPENERS`, a comma, an adverb in -ly), is a relative
    clause on that noun: the noun ("what") is the content, the words after the verb are
    the main clause's. ``None`` when the shape does not fit."""
    toks = view.toks
    if speaker is None or k >= len(toks) or speaker.text.lower() not in _SUBJECT_PRONOUNS:
        return None
    if not (toks[k].lower in _GAP_OPENERS or toks[k].text == "," or _adverb(toks[k])):
        return None
    i = view.index(speaker.start)
    if i < 1:
        return None
    prev = toks[i - 1]
    if prev.lower == "what":
        lead: Mention | None = Mention(prev.start, prev.end, prev.text, "pronoun")
    elif (
        prev.kind != WORD
        or prev.upper
        or prev.lower in _mentions.STOPS
        or prev.lower in _NO_ANTECEDENT
        or prev.lower in _NOT_OPENERS
        or prev.lower in lexicon().pronouns
        or prev.lower in state.table.adjuncts  # "last week he said in a statement"
        or _adverb(prev)
    ):
        return None
    else:
        lead = _mentions.np_ending_at(state.text, toks, i - 1, 0)
    if lead is None or (lead.kind == "pronoun" and prev.lower != "what"):
        return None
    h = view.index(lead.start)
    if h > 0 and toks[h - 1].lower in _GAP_PREPOSITIONS:
        return None  # "got cards in the mail they asked for": the antecedent is elsewhere
    return lead.start, lead.end


# Prepositions that open where or when something was said ("reported from Ohio"),
# not what; "believe in", "think through", "see in" report a content after them.
_OCCASION_ONLY = frozenset("from in at during on after before since".split())
_PREPOSITION_VERBS = frozenset("believe think see".split())
MAX_OCCASION = 6


def _only_occasion(view: _View, k: int, rec: _Record, lemma: str) -> bool:
    """ "Ms. Lee reported [from Washington].", "The mayor did not respond [in kind].":
    a verb of saying with only a short phrase of place, time or manner after it, to the
    end of its sentence (at most `MAX_OCCASION` tokens, no finite verb), reports
    nothing."""
    toks = view.toks
    if (
        k >= len(toks)
        or toks[k].lower not in _OCCASION_ONLY
        or lemma in _PREPOSITION_VERBS
        or _approximate(toks, k)
    ):
        return False
    end = rec.ranges[-1][1]
    i = k + 1
    while i < len(toks) and toks[i].start < end:
        if i - k > MAX_OCCASION or _finite(toks[i], toks[i - 1]) or toks[i].lower == "that":
            return False
        i += 1
    return i >= len(toks) or toks[i].text in (".", "!", "?")


def _infinitive_end(state: _State, view: _View, rec: _Record) -> None:
    """ "vowed [to cut the tax] and praised the mayor", "agreed [to back the nominee],
    but sounded unsure": an infinitive takes no finite verb, so "and" / "but" and one
    is the source's next predicate. The content must open with "to" and a word that
    may be a verb (not "to the voters", "to Ms. Lee", "to problems"); it goes on past a
    relative or a quotation mark, whose clause may hold its own verbs. A noun phrase
    reported by a verb of saying ends the same way (`_noun_phrase_end`)."""
    toks = view.toks
    a, b = rec.ranges[-1]
    k = view.index(a)
    if k + 1 >= len(toks) or toks[k].start != a:
        return
    if toks[k].lower != "to":
        if rec.rule in ("indirect_said_that", "indirect_told", "indirect_participle"):
            _noun_phrase_end(state, view, rec, k)
        return
    w = toks[k + 1]
    if (
        w.kind != WORD
        or w.upper
        or w.lower in DETERMINERS
        or (w.lower.endswith("s") and not w.lower.endswith("ss"))
    ):
        return
    k += 2
    while k < len(toks) and toks[k].start < b:
        t = toks[k]
        if t.lower in _RELATIVES or t.text in _OPENING_MARKS:
            return
        if t.lower in ("and", "but") and _predicate_after(toks, k):
            cut = toks[k - 1].start if toks[k - 1].text == "," else t.start
            rec.ranges[-1] = (a, _trim_end(state.text, a, cut))
            return
        k += 1


# Words that open a clause, not a noun phrase, as a reported content.
_NOT_NOUN_PHRASE = frozenset("that whether if what why how who when where".split())
_PARTICLES_AFTER = frozenset("to up out back right".split())


def _noun_phrase_end(state: _State, view: _View, rec: _Record, k: int) -> None:
    """ "signaled [willingness to change the law] but has met opposition", "rejected
    [the offer] and went home": a noun phrase (lowercase, no punctuation, no finite
    verb or present tense in -s before the "and" / "but") ends before a verb of the
    source's: an auxiliary, a modal or an irregular past, or a past in "-ed" that takes
    an object ("and removed the sign", "and jailed him"). Not "[the anxiety and
    deep-seated anger]", "[the heat and unsettled weather could last]"."""
    toks = view.toks
    a, b = rec.ranges[-1]
    first = toks[k]
    if (
        first.kind != WORD
        or first.upper
        or first.lower in _SUBJECT_PRONOUNS
        or first.lower in _NOT_NOUN_PHRASE
    ):
        return
    finite = _lexicon.word_list("finite_verbs.txt")
    i = k + 1
    while i + 1 < len(toks) and toks[i].start < b:
        t = toks[i]
        w = t.lower
        if (
            t.kind == PUNCT
            or w in _RELATIVES
            or w in _SUBJECT_PRONOUNS
            or _finite(t, toks[i - 1])
            or (w.endswith("s") and not w.endswith("ss") and toks[i - 1].kind == WORD)
        ):
            return
        if w in ("and", "but"):
            nxt = toks[i + 1]
            v = nxt.lower.replace("\u2019", "'")
            after = toks[i + 2] if i + 2 < len(toks) else None
            if nxt.kind == WORD and (
                v in finite
                or (
                    v.endswith("ed")
                    and "-" not in v
                    and after is not None
                    and (
                        after.lower in DETERMINERS
                        or after.lower in _OBJECT_PRONOUNS
                        or after.lower in _PARTICLES_AFTER
                        or after.upper
                    )
                )
            ):
                rec.ranges[-1] = (a, _trim_end(state.text, a, t.start))
                return
        i += 1


def _as_much(state: _State, view: _View, rec: _Record) -> None:
    """ "said [as much] in an interview": "as much" stands for the statement, what
    follows it is the occasion (not "announce [as much stimulus as …]")."""
    toks = view.toks
    a, b = rec.ranges[-1]
    k = view.index(a)
    if (
        k + 2 < len(toks)
        and toks[k].start == a
        and toks[k].lower == "as"
        and toks[k + 1].lower == "much"
        and toks[k + 2].start < b
        and (toks[k + 2].kind == PUNCT or toks[k + 2].lower in _ADJUNCT_PREPOSITIONS)
    ):
        rec.ranges[-1] = (a, toks[k + 1].end)


def _object_end(state: _State, view: _View, rec: _Record) -> None:
    """An object ends before an apposition ("attacked [Ms. Lee], a former aide"), at a
    dash ("praised [the deal] — a rare show of unity"), before the occasion it was
    said on ("praised [the nurses] in a statement on Friday") and before the source's
    next predicate ("praised [the nurses] but stopped short of a raise")."""
    toks = view.toks
    a, b = rec.ranges[-1]
    k = view.index(a) + 1
    while k < len(toks) and toks[k].start < b:
        t = toks[k]
        if (
            (t.text == "," and k + 1 < len(toks) and toks[k + 1].lower in ("a", "an", "the"))
            or (_dash(t) and not _word_hyphen(toks, k))
            or _occasion_at(toks, k)
            or (t.lower in ("and", "but") and _predicate_after(toks, k))
            or t.lower in _OBJECT_ADJUNCTS
        ):
            rec.ranges[-1] = (a, _trim_end(state.text, a, t.start))
            return
        k += 1


# A content that opens with a word that takes no modifier of its own: a pronoun or a
# demonstrative ("condemned [it] after the vote"), or else a name of at most
# `MAX_CLOSED_NAME` capitalised words.
_CLOSED_OBJECTS = frozenset("him her them it me us you this that these those".split())
MAX_CLOSED_NAME = 4
# Words that open the time, place or reason of the telling after such a content. "as",
# "for", "to", "on", "by", "with" left out: "described [Ms. Lee as a fighter]", "praised
# [Ms. Lee for her work]" are annotated with their phrase.
_TELLING_ADJUNCTS = frozenset("after since until while because when before in at during".split())


def _closed_object_end(state: _State, view: _View, rec: _Record) -> None:
    """ "endorsed [Ms. Lee] in March", "criticized [him] after the vote", "has not
    mentioned [the senator's rival] since": a pronoun or a short name takes no
    modifier, so a time, place or reason right after it belongs to the telling. Not
    for a poll's finding ("shows [Ms. Lee in the lead]"): its phrase is the finding."""
    toks = view.toks
    a, b = rec.ranges[-1]
    k = view.index(a)
    if k >= len(toks) or toks[k].start != a:
        return
    i = k + 1
    if toks[k].lower not in _CLOSED_OBJECTS:
        i = k
        while i < len(toks) and i - k < MAX_CLOSED_NAME and toks[i].kind == WORD and toks[i].upper:
            i += 1
        if i == k:
            return
    if (
        i < len(toks)
        and toks[i].start < b
        and toks[i].kind == WORD
        and not toks[i].upper
        and toks[i].lower in _TELLING_ADJUNCTS
    ):
        rec.ranges[-1] = (a, _trim_end(state.text, a, toks[i].start))


# Words that open an adjunct of the source's sentence after an object: when and despite
# what it was said, not what ("criticized [the plan] when the vote failed").
# "after", "because", "during", "until", "while", "since" measured and left out: the
# clause after them is as often part of the content or another statement.
_OBJECT_ADJUNCTS = frozenset("before despite when amid".split())


def _predicate_after(toks: Sequence[Token], k: int) -> bool:
    """ "and" at ``toks[k]`` joins a predicate or a clause to the sentence, not a noun
    phrase to the object ("endorsed [Ms. Lee] and has campaigned for her")."""
    i = k + 1
    while i < min(len(toks), k + 3) and (_adverb(toks[i]) or toks[i].lower in _PARTICIPLE_ADVERBS):
        i += 1
    return i < len(toks) and _finite(toks[i], toks[i - 1] if i > k + 1 else toks[k - 1])


_OCCASION_DETERMINERS = frozenset("a an the his her their its".split())


def _occasion_at(toks: Sequence[Token], k: int) -> bool:
    """ "in a statement", "during a radio interview", "on the conference call": the
    occasion of a statement (`data/lexicon/indirect_media.txt`) starts at ``toks[k]``."""
    if toks[k].lower not in ("in", "during", "on") or k + 2 >= len(toks):
        return False
    if toks[k + 1].lower not in _OCCASION_DETERMINERS:
        return False
    media = _lexicon.word_list("indirect_media.txt")
    for t in toks[k + 2 : k + 5]:
        if t.kind == PUNCT:
            return False
        if t.lower in media:
            return True
    return False


_CURRENCY = frozenset("$ £ € ¥".split())


_REFLEXIVES = frozenset(
    "myself yourself himself herself itself oneself ourselves yourselves themselves".split()
)


def _that_within(toks: Sequence[Token], k: int) -> bool:
    """A "that" within `MAX_ADJUNCT` tokens from ``toks[k]`` and before punctuation: "added
    to reporters that …" reports, "adding to her lead" (to increase) does not."""
    j = k
    while j < len(toks) and j - k <= MAX_ADJUNCT and toks[j].kind != PUNCT:
        if toks[j].lower == "that":
            return True
        j += 1
    return False


def _approximate(toks: Sequence[Token], k: int) -> bool:
    """ "at least 20 victims", "about 1,500 pages": a preposition that opens a number, not
    an adjunct ("reported [at least 20 victims]")."""
    word = toks[k].lower
    if word == "at" and k + 1 < len(toks) and toks[k + 1].lower in ("least", "most"):
        j = k + 2
    elif word in ("about", "around"):
        j = k + 1
    else:
        return False
    return j < len(toks) and (toks[j].kind == NUMBER or _amount(toks, j))


def _amount(toks: Sequence[Token], k: int) -> bool:
    """A sum of money opens an object ("calls for $1 trillion in new spending")."""
    return toks[k].text in _CURRENCY and k + 1 < len(toks) and toks[k + 1].kind == NUMBER


def _coordinated_subject(
    state: _State, view: _View, j: int
) -> tuple[Mention | None, Mention | None, bool]:
    """The subject of "X did A and VERB B" when the clause opens with no plain source:
    a relative "who" (*Ms. Lee, who campaigned on jobs and sought [the union's
    backing]*: "who", its antecedent Ms. Lee, the content ends at the relative
    clause's comma) or a name before an apposition (*Ann Roe, a former aide, became a
    delegate and said [...]*); (None, None, False) otherwise."""
    toks = view.toks
    k = j - 1
    while k >= 0 and j - k < 40 and toks[k].text not in _BOUNDARIES - {","}:
        if toks[k].lower == "who" and k >= 1 and toks[k - 1].text in (",", "—", "–", "--"):
            if not all(t.text != "," for t in toks[k + 1 : j]):
                return None, None, False  # "who …, …, and": a list, not one clause
            antecedent = _mentions.np_ending_at(state.text, toks, k - 2, 0) if k >= 2 else None
            if antecedent is None or not _real_source(state, antecedent):
                return None, None, False
            who = Mention(toks[k].start, toks[k].end, toks[k].text, "pronoun")
            return who, antecedent, True
        k -= 1
    opening = _clause_opening_np(state, view, j)
    if opening is None or opening.kind not in ("name", "organisation"):
        return None, None, False
    e = view.index(opening.end)
    if e >= j or toks[e].text != ",":
        return None, None, False  # "Ann Roe, a former aide, …": an apposition follows
    return opening, None, False


def _infinitive_subject(state: _State, view: _View, to: int) -> int:
    """Where the source of a reporting infinitive ends (-1 if none): the object before
    "to" ("forced the banker to admit that") when it is a name or a pronoun, else the
    subject of the verbs before it ("Trump went on to say", "he was quick to point
    out that")."""
    toks = view.toks
    i = to
    if i > 0 and (toks[i - 1].lower in _OBJECT_PRONOUNS - {"it"} or toks[i - 1].upper):
        return i  # "forced Mr. Stump to admit", "asked them to say"
    lex = lexicon()
    while (
        i > 0
        and to - i < 5
        and toks[i - 1].kind == WORD
        and not toks[i - 1].upper
        and toks[i - 1].lower not in _LOOSE_STOPS
        and toks[i - 1].lower not in lex.pronouns
        and toks[i - 1].lower not in lex.nominals
        and toks[i - 1].lower not in lex.org_words
        and toks[i - 1].lower not in DETERMINERS
    ):
        i -= 1
    return i if 0 < i < to else -1


def _reduced_passive(toks: Sequence[Token], v: int, k: int) -> bool:
    """ "The report, released by the council on Monday, found …": the cue at ``toks[v]``
    right after a comma and a word, "by" right after it (``toks[k]``), and a comma closing
    the phrase within a few words, before any finite verb."""
    if v < 2 or toks[v - 1].text != "," or toks[v - 2].kind != WORD:
        return False
    if k != v + 1 or k + 1 >= len(toks) or toks[k].lower != "by":
        return False
    nxt = toks[k + 1]
    if nxt.kind != WORD or nxt.lower.endswith("ing") or _adverb(nxt):
        return False  # "…, responded by pointing …": a finite verb and its manner
    for t in range(k + 2, min(len(toks), k + 12)):
        if toks[t].text == ",":
            return True
        if toks[t].kind == PUNCT or _finite(toks[t], toks[t - 1]):
            return False
    return False


def _passive_by(
    state: _State, view: _View, jj: int, k: int, span: Span, addressee: bool = False
) -> _Record | None:
    """ "O'Malley's move was first reported by MSNBC": the subject is the content, the
    agent after "by" the source (a name, an organisation or a lexicon noun). With a verb
    of telling (``addressee``) the subject is the one told: "Ann Webb was told by Tom
    Hale (that) [the plan was dead]"."""
    text, toks = state.text, view.toks
    if k >= len(toks) or toks[k].lower != "by":
        return None
    agent = _mentions.np_starting_at(text, toks, k + 1, len(toks)) or _source(state, view, k + 1)
    if agent is None or agent.kind == "pronoun" or not _real_source(state, agent):
        return None
    told = _mentions.np_ending_at(text, toks, jj, 0) if addressee else None
    nominal = lexicon().nominals.get(toks[jj].lower)
    if told is not None and (
        told.kind in ("name", "pronoun") or (nominal is not None and nominal.kind == "person")
    ):
        # the one told is a person ("Ann Webb was told by …"), not a story that was told
        t = _skip_time(state, view, view.index(agent.end), commas=False)
        if t < len(toks) and toks[t].lower == "that":
            t += 1
        if t >= len(toks) or _ends(view, t) or toks[t].kind == PUNCT:
            return None  # "Ann Webb was told by Tom Hale.": nothing reported
        return _content(state, view, t, "indirect_passive", agent, span)
    # the subject: the words that open the clause ("His views", "The registration issue")
    i = jj
    while (
        i >= 0
        and jj - i < MAX_PASSIVE_SUBJECT
        and toks[i].kind != PUNCT
        and toks[i].lower not in _LOOSE_STOPS
        and toks[i].lower not in _NOT_OPENERS
    ):
        i -= 1
    if i == jj or jj - i >= MAX_PASSIVE_SUBJECT or (i < 0 and not view.from_start):
        return None
    first = toks[i + 1]
    if first.lower in _SUBJECT_PRONOUNS or first.lower in _RELATIVES:
        return None  # "they were criticized by": a pronoun content says nothing
    return _Record("indirect_passive", agent, span, [(first.start, toks[jj].end)], head=False)


# How many words the subject of a passive report ("His views were echoed by …") may have.
MAX_PASSIVE_SUBJECT = 12


_EXTRACTING = frozenset("which who what that".split())


def _subject_relative_before(state: _State, view: _View, speaker: Mention) -> bool:
    """ "which" / "who" right before ``speaker``, after no preposition ("the tax, which
    critics say …", not "a call in which organizers claimed …"), or a "that" read into
    ``speaker`` right after a noun ("the tax that critics say …", not "remember that …")."""
    toks = view.toks
    i = view.index(speaker.start)
    if toks[i].lower == "that" and i + 1 < view.index(speaker.end) and i > 0:
        return _noun_ending_at(state, toks, i - 1)
    if (
        i > 1
        and toks[i - 1].lower == "that"
        and _mentions.plural_noun(toks[view.index(speaker.end) - 1], lexicon())
    ):
        # "the tax that critics say …": the mention reader leaves "that" out before a
        # plural noun
        return _noun_ending_at(state, toks, i - 2)
    return (
        i > 1
        and toks[i - 1].lower in ("which", "who")
        and toks[i - 2].lower not in _GAP_PREPOSITIONS
    )


def _noun_ending_at(state: _State, toks: Sequence[Token], i: int) -> bool:
    """A noun phrase (a nominal, a name or an organisation) ends at ``toks[i]``."""
    noun = _mentions.np_ending_at(state.text, toks, i, 0)
    return noun is not None and noun.kind in ("nominal", "name", "organisation")


def _verb_like(toks: Sequence[Token], k: int) -> bool:
    """``toks[k]`` opens a predicate: a finite verb of `finite_verbs.txt`, a past in -ed or
    an -s form before no verb ("hurts the poor", not "voters rejected")."""
    t = toks[k]
    if t.kind != WORD or t.upper:
        return False
    w = t.lower.replace("’", "'")
    if w in _lexicon.word_list("finite_verbs.txt"):
        return True
    if _past_in_ed(w):
        return True
    if not w.endswith("s") or w.endswith(("ss", "'s")) or w in _mentions.STOPS:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not _finite(nxt, t)


def _extracted(
    state: _State, view: _View, k: int, rule: str, speaker: Mention, span: Span
) -> _Record | None:
    """ "a surge of independents, which Democrats say could be aiding Sanders": the
    subject of the reported clause is the relative before the source, the content
    that relative and the verb phrase after the cue."""
    toks = view.toks
    text = state.text
    if rule != "indirect_said_that":
        return None
    i = view.index(speaker.start)
    e = view.index(speaker.end)
    lead: tuple[int, int] | None = None
    if toks[i].lower in _EXTRACTING and i + 1 < e:
        # "assets that prosecutors said were linked": "that" was read into the subject
        lead = (toks[i].start, toks[i].end)
        s0 = toks[i + 1].start
        speaker = Mention(s0, speaker.end, text[s0 : speaker.end], speaker.kind)
    elif i > 0 and toks[i - 1].lower in _EXTRACTING:
        lead = (toks[i - 1].start, toks[i - 1].end)
    elif (
        i > 0
        and toks[i].lower in DETERMINERS
        and toks[i - 1].kind == WORD
        and not toks[i - 1].upper
        and toks[i - 1].lower not in _mentions.STOPS
        and toks[i - 1].lower not in lexicon().pronouns
    ):
        # "a probe the agency said was ongoing": a relative without a pronoun
        noun = _mentions.np_ending_at(text, toks, i - 1, 0)
        if noun is not None and noun.kind != "pronoun":
            lead = (noun.start, noun.end)
    if lead is None:
        return None
    rec = _content(state, view, k, rule, speaker, span)
    if rec is None:
        return None
    rec.ranges.insert(0, lead)
    # "The tax, which critics say is unfair, will rise": the relative ends at its comma
    li = view.index(lead[0])
    _clause_end(
        state, view, rec, li > 0 and toks[li].lower in _EXTRACTING and toks[li - 1].text == ","
    )
    _restrictive_end(state, view, rec, li, k)
    return rec


_NO_MAIN_VERB_BEFORE = frozenset("that and or but who which whom , ; : — –".split())


def _restrictive_end(state: _State, view: _View, rec: _Record, li: int, k: int) -> None:
    """ "The tax that critics say hurts the poor will rise": a relative on the subject of
    its sentence (no finite verb from the clause's start to the relative at ``toks[li]``)
    ends before the main clause's verb, the first auxiliary, modal or irregular past of
    `finite_verbs.txt` after the predicate's first word at ``toks[k]``."""
    toks = view.toks
    if li < 1 or toks[li - 1].text == "," or toks[li].lower not in _RELATIVES:
        return
    c = li - 1
    while c >= 0 and toks[c].text not in _BOUNDARIES and toks[c].text not in ".!?":
        if _finite(toks[c], toks[c - 1] if c > 0 else toks[c]):
            return  # "He won a state which …": the main verb is before the relative
        c -= 1
    if c < 0 and not view.from_start:
        return
    finite = _lexicon.word_list("finite_verbs.txt")
    a, b = rec.ranges[-1]
    if k >= len(toks) or toks[k].kind != WORD or toks[k].start != a or toks[k - 1].kind == PUNCT:
        return  # "All that we wanted, was …": the predicate does not follow the cue
    j = k + 1
    last = -1  # the last one: "… says means prices will rise [was] cut"
    while j < len(toks) and toks[j].start < b:
        t = toks[j]
        if (t.kind == PUNCT and t.text not in _QUOTE_MARKS and t.text not in "-'’") or (
            t.lower in ("that", "if", "whether")
        ):
            break  # the main verb comes before any comma; a clause's verbs are its own
        if (
            t.kind == WORD
            and t.lower in finite
            and toks[j - 1].lower not in _NO_MAIN_VERB_BEFORE
            and toks[j - 1].lower not in _SUBJECT_PRONOUNS
            and toks[j - 1].lower not in finite  # "may have": one verb
        ):
            last = j
        j += 1
    if last > 0:
        rec.ranges[-1] = (a, _trim_end(state.text, a, toks[last - 1].end))


_COORDINATORS = frozenset("but and while whereas yet".split())
_CONCESSIVE = frozenset("though although".split())
_MODALS = frozenset("would will could can might may should must".split())
# Words that may open a counted subject: "more than 4 in 10", "nearly half".
_QUANTITY_WORDS = frozenset(
    "more than less fewer nearly almost about roughly over only just".split()
)


def _object_and_subject(state: _State, view: _View, speaker: Mention) -> tuple[Mention, int]:
    """ "…the agency mishandled [the case] and [the council] said B": a subject read as
    "X and Y" right after a finite verb is that verb's object X and a new subject Y, so
    the clause after "and" is a statement of its own (not "the case and the council"):
    Y and where the statement before it ends ("and"), else ``speaker`` and -1."""
    toks = view.toks
    i = view.index(speaker.start)
    if i < 1 or not _finite(toks[i - 1], toks[i - 2] if i >= 2 else toks[i - 1]):
        return speaker, -1
    k = i + 1
    while k < len(toks) and toks[k].end <= speaker.end:
        if toks[k].lower == "and":
            right = _mentions.np_starting_at(state.text, toks, k + 1, len(toks))
            if right is not None and right.end == speaker.end:
                return right, toks[k].start
            break
        k += 1
    return speaker, -1


def _coordination(view: _View, i: int) -> int:
    """Where a coordinated clause with its own subject starts ("…, but he said B"), so
    that it ends the statement before it; -1 if the subject does not follow one."""
    toks = view.toks
    if i >= 1 and toks[i - 1].text == ";":
        return toks[i - 1].start
    if i >= 1 and i < len(toks) and toks[i].kind == NUMBER and toks[i - 1].lower in (",", "and"):
        return toks[i - 1].start  # "43 percent support A, 40 percent support B and 1 percent …"
    while i >= 2 and toks[i - 1].lower in _QUANTITY_WORDS:
        i -= 1  # "…, and more than 4 in 10 said"
    if i >= 2 and toks[i - 1].lower in _CONCESSIVE and toks[i - 2].text in _COMMAS:
        return toks[i - 2].start  # "…, though she acknowledged B"
    if i >= 1 and toks[i - 1].lower in _COORDINATORS:
        if i >= 2 and toks[i - 2].text in _COMMAS:  # "…, and he said" / "… — and he noted"
            return toks[i - 2].start
        if toks[i - 1].lower != "and":  # "both he and Rubio promised": one subject
            return toks[i - 1].start
        if (
            i >= 2
            and (toks[i].lower in _SUBJECT_PRONOUNS or toks[i].upper)
            and toks[i - 2].kind == WORD
            and not toks[i - 2].upper
            and toks[i - 2].lower not in _OBJECT_PRONOUNS
            and toks[i - 2].lower not in _SUBJECT_PRONOUNS
        ):
            # "… mishandled the case and they accused B", "… was late and Ms. Ruiz said B"
            return toks[i - 1].start
    return -1


def _verb_follows(state: _State, toks: Sequence[Token], k: int) -> bool:
    while k < len(toks) and toks[k].lower in ("also", "then", "later", "again"):
        k += 1
    if k >= len(toks):
        return False
    hit = _verb_at(state.table, toks, k)
    return (
        hit is not None
        and not hit[0].gerund
        and (hit[0].frame != "object" or toks[k].lower != hit[0].lemma)
    )


MAX_CONTRAST = 40


def _contrast_goes_on(state: _State, toks: Sequence[Token], k: int, b: int, rule: str) -> bool:
    """ "The poll found [A beats B by six points, while C trails]": a finding or a
    statement goes on past ", while" (``toks[k]``) and a clause that reports nothing of
    its own; not before a participle (", while acknowledging …") nor when a reporting
    verb follows within `MAX_CONTRAST` tokens (", while Y said …": Y's statement)."""
    if toks[k].lower != "while" or rule not in ("indirect_said_that", "indirect_statement"):
        return False
    i = k + 1
    if i >= len(toks) or toks[i].lower.endswith("ing"):
        return False
    while i < len(toks) and toks[i].start < b and i - k <= MAX_CONTRAST:
        if toks[i].kind == WORD and _verb_at(state.table, toks, i) is not None:
            return False
        i += 1
    return True


def _quote_between(state: _State, a: int, b: int) -> bool:
    """A quotation (of the marks stage) starts in ``text[a:b]``: one bisection, as a
    content may run to the end of a very long sentence."""
    i = bisect_left(state.quote_starts, a)
    return i < len(state.quote_starts) and state.quote_starts[i] < b


# A comma and one of these ends a reported statement ("…, but", "…, which"), as does
# a comma and a participle ("…, saying", "…, bringing the total to …").
_DEGREE = frozenset("well far just slightly".split())
_COMPARATIVES = frozenset("less fewer lower higher smaller larger bigger".split())
_CLAUSE_BREAKS = frozenset("but which while where although".split())
_PARTICIPLE_ADVERBS = frozenset("even again also then still later instead".split())
_NOT_BREAKS = frozenset(
    "including according following concerning regarding during considering".split()
)


def _breaks(t: Token) -> bool:
    w = t.lower
    return w in _CLAUSE_BREAKS or (
        w.endswith("ing") and len(w) > 5 and not t.upper and w not in _NOT_BREAKS
    )


def _clause_end(state: _State, view: _View, rec: _Record, any_comma: bool = False) -> None:
    """The content stops at "; " and at ", but" / ", which" / ", while" / ", where";
    with ``any_comma`` (X, who said A, did B) at the first comma."""
    toks = view.toks
    text = state.text
    a, b = rec.ranges[-1]
    k = view.index(a)
    # inside a ''typewriter'' quotation the marks stage left unpaired: no cut there
    quoted = k < len(toks) and toks[k].start == a and text.startswith("''", a)
    k += 2 if quoted else 1
    while k < len(toks) and toks[k].start < b:
        t = toks[k]
        if t.kind != PUNCT and t.lower != "and" and t.lower != "but":
            k += 1  # no word but these two can end the content
            continue
        nk = k + 1  # the word after a comma, past the closing marks of a quotation
        if t.text == "," and nk < len(toks):
            if toks[nk].text in ("”", '"'):
                nk += 1
            elif toks[nk].text == "'" and text.startswith("''", toks[nk].start):
                nk += 2
                quoted = False  # ''…,'' closes here
        if t.text == "'" and text.startswith("''", t.start):
            quoted = not quoted
            k += 2
            continue
        if quoted:
            k += 1
            continue
        if nk > k + 1 and nk < len(toks) and not any_comma and _breaks(toks[nk]):
            # "…were “overblown,” adding that …": the quotation stays, the rest goes
            rec.ranges[-1] = (a, _trim_end(state.text, a, toks[nk - 1].end))
            return
        if t.text == ";" or (
            t.text == ","
            and k + 1 < len(toks)
            and (
                (any_comma and not _list_after(toks, k))
                # "X said A, but B", "X said A, bringing B": still X's statement unless
                # B has its own speaker or reporting verb (", but Y said", ", adding")
                or (
                    _breaks(toks[k + 1])
                    and not _contrast_goes_on(state, toks, k + 1, b, rec.rule)
                    and not (
                        rec.rule == "indirect_said_that"
                        and (
                            toks[k + 1].lower == "but"
                            or (
                                toks[k + 1].lower.endswith("ing")
                                and _verb_at(state.table, toks, k + 1) is None
                            )
                        )
                    )
                )
                # "Mr. Hale, citing a study, said …": the participle ends at the verb
                or (rec.rule == "indirect_participle" and _verb_follows(state, toks, k + 1))
                # "X said A, when B": the time of the statement, the writer's
                or (rec.rule == "indirect_said_that" and toks[k + 1].lower == "when")
                # "X said he backed Ms. Lee, the front-runner": the writer's apposition
                or (
                    toks[k + 1].lower in ("a", "an", "the")
                    and _apposition_to_end(
                        toks, k + 1, b, relative=rec.rule == "indirect_said_that"
                    )
                )
                # "X said it would be Ms. Lee, who leads the race": the writer's relative
                # (not before a quotation: its quoted words may be the statement's)
                or (
                    (toks[k + 1].lower == "who" or _whom_at(toks, k + 1))
                    and not _quote_between(state, t.end, b)
                    and not _relative_in_subject(toks, k + 1, b)
                )
                # "…rose 3 percent, compared with 2 percent a year ago": the writer's
                or (
                    k + 2 < len(toks)
                    and toks[k + 1].lower in ("compared", "up", "down")
                    and toks[k + 2].lower in ("with", "to", "from")
                )
                # "…earned $2 a share, well above forecasts" / "…, less than half of …"
                or (
                    k + 2 < len(toks)
                    and (
                        (toks[k + 1].lower in _DEGREE and toks[k + 2].lower in ("above", "below"))
                        or (toks[k + 1].lower in _COMPARATIVES and toks[k + 2].lower == "than")
                    )
                )
                # "…, even suggesting", "…, again saying": an adverb before the participle
                or (
                    k + 2 < len(toks)
                    and (_adverb(toks[k + 1]) or toks[k + 1].lower in _PARTICIPLE_ADVERBS)
                    and _breaks(toks[k + 2])
                    and toks[k + 2].lower not in _CLAUSE_BREAKS
                )
            )
        ):
            rec.ranges[-1] = (a, _trim_end(state.text, a, t.start))
            return
        if t.lower in ("and", "but") and _verb_follows(state, toks, k + 1):
            # "X said A and said B": the second verb starts another statement
            cut = toks[k - 1].start if toks[k - 1].text == "," else t.start
            rec.ranges[-1] = (a, _trim_end(state.text, a, cut))
            return
        if t.lower == "and" and toks[k - 1].text == "," and _own_clause(toks, k + 1):
            # "X said A, and the council voted B": the writer's next clause
            rec.ranges[-1] = (a, _trim_end(state.text, a, toks[k - 1].start))
            return
        k += 1


_NOT_PAST = frozenset("need needed indeed speed breed seed feed greed shed hundred".split())
MAX_COORDINATED_SUBJECT = 8
# Words after "and" that open no subject: a question word, an adverb of the predicate.
_NOT_SUBJECTS = frozenset("how what why whether where when then also still it not".split())


def _past_in_ed(w: str) -> bool:
    """``w`` may be a regular past: "-ed", not short ("fed", "shed"), not hyphenated
    ("need-based", "state-owned": adjectives) and not a word of `_NOT_PAST`."""
    return w.endswith("ed") and len(w) > 4 and "-" not in w and w not in _NOT_PAST


def _finite(t: Token, prev: Token) -> bool:
    """``t`` is a finite verb: an auxiliary, a modal, an irregular past
    (`data/lexicon/finite_verbs.txt`) or a past in "-ed" after no determiner, possessive,
    adverb or preposition ("the armed forces", "newly elected": adjectives); not a
    hyphenated word ("need-based", "state-owned": adjectives)."""
    if t.kind != WORD or t.upper:
        return False
    w = t.lower.replace("’", "'")
    if w in _lexicon.word_list("finite_verbs.txt"):
        return True
    return (
        _past_in_ed(w)
        and prev.lower not in DETERMINERS
        and prev.lower not in _mentions.STOPS
        and not _mentions.possessive(prev)
        and not _adverb(prev)
    )


MAX_RELATIVE = 40


def _whom_at(toks: Sequence[Token], k: int) -> bool:
    """A relative "whom" opens at ``toks[k]``: "whom", a word and "whom" ("with
    whom", "for whom"), or a word, "of" and "whom" ("most of whom")."""
    for i in range(k, min(k + 3, len(toks))):
        if toks[i].lower == "whom":
            return i == k or (toks[k].kind == WORD and (i == k + 1 or toks[k + 1].lower == "of"))
        if toks[i].kind != WORD:
            return False
    return False


def _relative_in_subject(toks: Sequence[Token], k: int, b: int) -> bool:
    """The relative clause at ``toks[k]`` ("who") closes at a comma before a finite verb:
    it stands inside the reported clause's subject ("said [Ms. Lee, who leads the race,
    would win]"), so the statement goes on. At most `MAX_RELATIVE` tokens."""
    i = k + 1
    while i < len(toks) and toks[i].start < b and i - k <= MAX_RELATIVE:
        t = toks[i]
        if t.kind == PUNCT and t.text != ",":
            if t.text in '.;:!?()\u201c\u201d"' or _dash(t):
                return False
        if t.text == ",":
            j = i + 1
            if j < len(toks) and _adverb(toks[j]):
                j += 1
            return j < len(toks) and toks[j].start < b and _finite(toks[j], toks[j - 1])
        i += 1
    return False


def _own_clause(toks: Sequence[Token], k: int) -> bool:
    """A clause with its own subject opens at ``toks[k]`` (after "and"): a subject
    pronoun ("…, and he has …") or a short noun phrase and a finite verb ("…, and the
    council voted …")."""
    if k >= len(toks):
        return False
    w = toks[k].lower.replace("’", "'")
    if w.split("'")[0] in _SUBJECT_PRONOUNS - {"you", "it"}:
        return True
    if toks[k].kind == PUNCT or w in _mentions.STOPS or w in _NOT_SUBJECTS or _adverb(toks[k]):
        return False
    for i in range(k + 1, min(len(toks), k + MAX_COORDINATED_SUBJECT)):
        t = toks[i]
        if t.kind == PUNCT and t.text not in ("'", "’", "-"):
            return False
        if t.lower in ("that", "who", "which", "to"):
            return False
        if _finite(t, toks[i - 1]):
            return True
    return False


MAX_APPOSITION = 25


def _apposition_to_end(toks: Sequence[Token], k: int, b: int, relative: bool = False) -> bool:
    """From ``toks[k]`` ("a", "an", "the") to the content's end ``b``, at most
    `MAX_APPOSITION` tokens, a noun phrase: no finite verb, relative or clause mark;
    with ``relative`` the noun phrase may end in a relative clause ("…, a plan that
    failed"), up to `MAX_APPOSITION` * 2 tokens and no comma or quotation mark."""
    i = k + 1
    limit = k + MAX_APPOSITION * (2 if relative else 1)
    clause = False
    while i < len(toks) and toks[i].start < b and i < limit:
        if toks[i].kind == PUNCT and toks[i].text not in ("'", "\u2019", "-", "."):
            return False
        if toks[i].text == "'" and i + 1 < len(toks) and toks[i + 1].text == "'":
            return False  # ''typewriter'' quotation marks
        if not clause and toks[i].lower in ("who", "which", "that", "whose"):
            if not relative or i == k + 1:
                return False
            clause = True  # "…, the alliance that includes …"
        elif not clause and _finite(toks[i], toks[i - 1]):
            return False
        i += 1
    return i >= len(toks) or toks[i].start >= b


def _list_after(toks: Sequence[Token], k: int) -> bool:
    """The comma at ``toks[k]`` separates items of a list ("shelters, beds and food"):
    at most three words, then "and" / "or"."""
    for t in toks[k + 1 : k + 5]:
        if t.lower in ("and", "or"):
            return True
        if t.kind != WORD:
            return False
    return False


def _subordinate_end(state: _State, view: _View, v: int, rec: _Record) -> None:
    """ "While X acknowledged A, Y noted B": a subordinate clause ends at its comma."""
    toks = view.toks
    i = view.index(rec.speaker.start) if rec.speaker is not None else v
    i = min(i, v)

    def opens(j: int) -> bool:
        # "With leaders worried about A, the president …": a sentence-opening "with" too
        w = toks[j].lower
        return w in _SUBORDINATORS or (w == "with" and j == 0)

    while i > 0 and toks[i - 1].kind == WORD and not opens(i - 1):
        i -= 1
        if v - i > 12:
            return
    if i == 0 or not opens(i - 1):
        return
    a, b = rec.ranges[0]
    k = view.index(a)
    while k < len(toks) and toks[k].start < b:
        if toks[k].text == ",":
            if toks[k].start > a:
                rec.ranges[0] = (a, _trim_end(state.text, a, toks[k].start))
            return
        k += 1


_CLAUSE_OPENERS = frozenset(
    "but and yet that while although though because if when whereas since so".split()
)


_JUDGED_RELATIVES = frozenset("who which whose".split())


def _judged(state: _State, view: _View, v: int, n: int, span: Span) -> _Record | None:
    """ "[The mayor] is widely seen as [a safe pair of hands]", "[The plan] was criticized
    by [the council] for [its cost]": the passive of a judging verb with "as", "for" or
    "of" is an appraisal, its subject and the phrase after the preposition; the agent
    after "by", if any, is the source."""
    text, toks = state.text, view.toks
    k = v + n
    agent: Mention | None = None
    if k < len(toks) and toks[k].lower == "by":
        agent = _mentions.np_starting_at(text, toks, k + 1, len(toks)) or _source(
            state, view, k + 1
        )
        if agent is None or agent.kind == "pronoun" or not _real_source(state, agent):
            return None
        k = view.index(agent.end)
    if k + 1 >= len(toks) or toks[k].lower not in ("as", "for", "of"):
        return None
    j = v - 1
    while j >= 0 and (toks[j].lower not in _BE or toks[j].lower == "been") and v - j < 4:
        j -= 1
    if j >= 1 and (
        (toks[j].lower == "be" and toks[j - 1].lower == "to") or toks[j].lower == "being"
    ):
        return None  # "loath to be seen as", "an edge on being viewed as": no statement
    rec = _evidential(state, view, v, k + 1 - v, span, opens=False)
    if rec is None or len(rec.ranges) < 2:
        return None
    a, b = rec.ranges[0]
    i = v - 1
    while i >= 0 and toks[i].start >= a:
        if toks[i].lower in _JUDGED_RELATIVES:
            # "Sheriff Ruiz, [who] is known for [his stance]": the relative clause
            rec.ranges[0] = (toks[i].start, b)
            break
        i -= 1
    if agent is not None:
        rec.rule, rec.speaker = "indirect_passive", agent
    return rec


# Words between "it seems" and its clause: "It appears, though, that …".
_IT_SEEMS_SKIPS = frozenset("though however then now also like as if".split())


def _evidential(
    state: _State, view: _View, v: int, n: int, span: Span, opens: bool = True
) -> _Record | None:
    """ "Sanders seemed to reap the benefits": an appraisal without a named source; the
    content is the whole clause, its subject included (``opens``: what follows the
    cue must open a clause or a verb phrase)."""
    toks = view.toks
    k = v + n
    while k < len(toks) and _adverb(toks[k]):
        k += 1
    if k >= len(toks):
        return None
    nxt = toks[k]
    if (
        opens
        and v >= 1
        and toks[v - 1].lower == "it"
        and (v >= 2 or view.from_start)
        and (v == 1 or toks[v - 2].kind == PUNCT or toks[v - 2].lower in _CLAUSE_OPENERS)
        and nxt.lower != "to"
        and not (v >= 2 and toks[v - 2].text == "," and nxt.text == ",")  # ", it seems,"
    ):
        # "It seems (that) [the plan failed]": the clause after the verb is the content
        while k < len(toks) and (toks[k].text == "," or toks[k].lower in _IT_SEEMS_SKIPS):
            k += 1
        if k < len(toks) and toks[k].lower == "that":
            k += 1
        if not _clause_opens(toks, k) or (k < len(toks) and toks[k].lower == "that"):
            return None
        rec = _content(state, view, k, "indirect_evidential", None, span)
        if rec is not None:
            _clause_end(state, view, rec)
        return rec
    if opens and not (
        nxt.lower in ("to", "that", "like", "a", "an")
        or (
            nxt.kind == WORD
            and not nxt.upper
            and nxt.lower not in _mentions.STOPS
            and nxt.lower not in DETERMINERS
            and nxt.lower not in _NOT_OPENERS
            and nxt.lower not in ("before", "as", "like")
        )
    ):
        return None  # "appeared in court", "appeared before the committee"
    cs = v
    while (
        cs > 0
        and v - cs < 20
        and toks[cs - 1].text not in _BOUNDARIES
        and toks[cs - 1].lower not in _CLAUSE_OPENERS
    ):
        cs -= 1
    if cs == v and v > 1 and toks[v - 1].text == ",":
        # "Clinton, who …, appeared to assuage …": the subject before the apposition
        opening = _clause_opening_np(state, view, v - 1)
        if opening is not None and opening.kind in ("name", "organisation", "nominal"):
            cs = view.index(opening.start)
            if cs == 0 and not view.from_start:
                return None
    if cs == v or (cs == 0 and not view.from_start):
        return None
    rec = _Record(
        "indirect_evidential", None, span, [(span.start, _content_end(state, view))], True
    )
    _clause_end(state, view, rec)  # after the cue: a subject's own ", which …" stays
    end = rec.ranges[0][1]
    c = v + n
    while c < len(toks) and toks[c].start < end:
        if (toks[c].text == "," and not _in_number(toks, c)) or (
            _dash(toks[c]) and not _word_hyphen(toks, c)
        ):
            # an appraisal is one clause: "[The decision is expected to be unfavorable],
            # with sharp consequences …", "[Nabisco is expected to cut 277 jobs] -- the …"
            end = _trim_end(state.text, toks[cs].start, toks[c].start)
            break
        c += 1
    rec.ranges[0] = (toks[cs].start, end)
    j = v - 1  # the subject ends before "is", "may", "did not", "had" and the cue
    while j >= cs and (toks[j].lower in SKIPPABLE or toks[j].lower in _MODALS or _adverb(toks[j])):
        j -= 1
    if j >= cs and v + n < len(toks) and toks[v + n].start < end:
        # the appraisal is the subject and what follows the cue, not the cue itself:
        # "[The plant] is expected [to close in May]"
        rec.ranges = [(toks[cs].start, toks[j].end), (toks[v + n].start, end)]
    return rec


def _in_number(toks: Sequence[Token], c: int) -> bool:
    """The comma at ``toks[c]`` separates thousands ("1,237"), no clauses."""
    return (
        0 < c < len(toks) - 1
        and toks[c - 1].kind == NUMBER
        and toks[c + 1].kind == NUMBER
        and toks[c - 1].end == toks[c].start
        and toks[c].end == toks[c + 1].start
    )


def _content(
    state: _State, view: _View, k: int, rule: str, speaker: Mention | None, span: Span
) -> _Record | None:
    toks = view.toks
    if k >= len(toks):
        return None
    a = toks[k].start
    b = _content_end(state, view)
    if b <= a:
        return None
    return _Record(rule, speaker, span, [(a, b)], head=True)


def _according(state: _State, view: _View, v: int) -> _Record | None:
    """CLAUSE, according to X.  /  According to X, CLAUSE.  /  A, according to X, B."""
    text, toks = state.text, view.toks
    if v + 2 >= len(toks) or toks[v + 1].lower != "to" or not view.from_start:
        return None
    source = _source(state, view, v + 2)
    if source is None:
        return None
    span = _span(text, toks, v, v + 2)
    after = view.index(source.end)
    rule = "indirect_according_to"
    if all(t.kind == PUNCT or t.lower in _OPENING_CONJUNCTIONS for t in toks[:v]):
        j = after
        while j < len(toks) and j - after <= MAX_SOURCE and toks[j].text not in _COMMAS:
            j += 1
        if j + 1 >= len(toks) or toks[j].text not in _COMMAS:
            return None
        return _content(state, view, j + 1, rule, source, span)
    a = view.s
    cut = v - 1 if toks[v - 1].text in _COMMAS else v
    b = _trim_end(text, a, toks[cut].start)
    if cut == v and text.endswith(("’s", "'s"), a, b):
        b -= 2  # "[That]’s according to X": the "’s" is the verb
    if b - a < 3:
        return None
    rec = _Record(rule, source, span, [(a, b)], head=False)
    k = _skip_time(state, view, after, commas=False)
    # "Over the long term, according to X, B": a short phrase opening with a preposition
    # is no statement of its own, so B goes on it whatever B opens with
    opener = view.index(a)
    adverbial = (
        opener < len(toks)
        and toks[opener].lower in _INTRO_PREPOSITIONS
        and cut - opener <= 8
        and not any(t.text in _COMMAS for t in toks[opener:cut])
    )
    if (
        cut == v - 1
        and k + 1 < len(toks)
        and toks[k].text in _COMMAS
        and (
            adverbial
            or (
                toks[k + 1].lower not in _APPOSITION_OPENERS
                and not (toks[k + 1].upper and source.kind == "name")
            )
        )
    ):
        # A, according to X, B: one statement in two parts.
        end = _content_end(state, view)
        if end > toks[k + 1].start:
            rec.ranges.append((toks[k + 1].start, end))
    return rec


def _as_reported(state: _State, view: _View, k: int, span: Span) -> _Record | None:
    """As reported by X, CLAUSE: the source from ``toks[k]`` to its comma."""
    toks = view.toks
    source = _source(state, view, k)
    if source is None:
        return None
    j = view.index(source.end)
    if j + 1 >= len(toks) or toks[j].text not in _COMMAS:
        return None
    return _content(state, view, j + 1, "indirect_according_to", source, span)


_INTRO_PREPOSITIONS = frozenset(
    "in on at over during after before for by under since with without among amid "
    "throughout until within across".split()
)


# "In the latest poll, CLAUSE": a document word within a short phrase after "In".
_IN_POLL = re.compile(
    # no look-behind: a literal prefix lets `re` skip ahead (the caller checks the word start)
    r"In (?:a|an|the|this|that|its|their|his|her|one|[A-Z])[^.,;:!?\n]{0,80}?"
    r"\b(?:polls?|surveys?|study|studies|report|analysis)\b"
)


def _in_poll(state: _State, view: _View, v: int) -> _Record | None:
    """In the latest poll (, conducted in May), CLAUSE: the poll is the source (rule
    ``indirect_according_to``), at the start of a sentence only."""
    text, toks = state.text, view.toks
    if not view.from_start or any(t.kind == WORD for t in toks[:v]):
        return None
    comma = v + 1
    while comma < len(toks) and comma - v <= MAX_SOURCE and toks[comma].text != ",":
        if toks[comma].kind == PUNCT and toks[comma].text not in "/&-":
            return None
        comma += 1
    if comma + 1 >= len(toks) or toks[comma].text != ",":
        return None
    source = _mentions.make(text, toks[v + 1 : comma], lexicon())
    if source is None or not _is_document(source):
        return None
    k = comma + 1
    if toks[k].lower.endswith("ed"):
        # "…, conducted in early September, Clinton led": past the participle phrase
        e = k + 1
        while e < len(toks) and e - k <= MAX_SOURCE and toks[e].text != ",":
            e += 1
        if e + 1 >= len(toks):
            return None
        k = e + 1
    rec = _content(state, view, k, "indirect_according_to", source, _span(text, toks, v, v + 1))
    if rec is None:
        return None
    _clause_end(state, view, rec)
    end = view.index(rec.ranges[0][1])
    if any(_verb_at(state.table, toks, i) is not None for i in range(k, end)):
        return None  # "In the survey, 19 percent of students support …": the verb reports
    return rec


@cache
def _stance_nouns() -> dict[str, str]:
    """Nouns whose possessive owner is a source, by frame ("to" or "that"):
    `data/lexicon/indirect_stance_nouns.tsv`."""
    return parse_stance_nouns(_lexicon._resource("indirect_stance_nouns.tsv"))


def parse_stance_nouns(source: _lexicon.Source) -> dict[str, str]:
    """Parse an ``indirect_stance_nouns.tsv`` file: a lowercase noun and its frame."""
    out: dict[str, str] = {}
    for number, (noun, frame) in _lexicon._rows(source, ("noun", "frame")):
        if noun != noun.lower() or " " in noun or frame not in ("to", "that"):
            raise DataError(
                f"{_lexicon._label(source)}:{number}: expected a lowercase noun and the "
                f"frame to or that, got {noun!r} {frame!r}"
            )
        out[noun] = frame
    return out


_FRAME_TO = re.compile(r"[ \t]+to[ \t]+[a-z]")
_FRAME_THAT = re.compile(r"[ \t]+(?:is|was)[ \t]+that[ \t]")


def _owned_at(table: _Table, text: str, c: int) -> bool | None:
    """Whether the scan's match at ``c`` is a stance noun before its frame ("decision
    to", "view is that"): True if so, False for any other form, None for a stance noun
    without its frame and no verb of the lexicon ("decision" alone is no candidate)."""
    m = _WORD_AT.match(text, c)
    if m is None or m.group() not in table.nouns:
        return False
    word = m.group()
    frame = _FRAME_TO if _stance_nouns()[word] == "to" else _FRAME_THAT
    if frame.match(text, m.end()) is not None:
        return True
    return False if word in table.by_first else None


_OWNER_PRONOUNS = frozenset("his her their its".split())


def _owned_stance(state: _State, view: _View, v: int) -> _Record | None:
    """ "her decision to meet the governor", "Mr. Lee's view is that fares must rise": the
    possessive owner of a stance noun is the source, the infinitive or the clause after
    "is that" the content (rule ``indirect_noun``)."""
    text, toks = state.text, view.toks
    frame = _stance_nouns().get(toks[v].text)
    if frame is None or v < 1 or v + 3 >= len(toks):
        return None
    if frame == "to" and toks[v + 1].text != "to":
        return None  # "his plans for the economy": the frame must follow
    if frame == "that" and (toks[v + 1].text not in ("is", "was") or toks[v + 2].text != "that"):
        return None
    o = v - 1
    if (
        o >= 1
        and toks[o].kind == WORD
        and not toks[o].upper
        and toks[o].lower not in _OWNER_PRONOUNS
        and not _mentions.possessive(toks[o])
    ):
        o -= 1  # one describing word: "her latest effort", "his own plan"
    owner = toks[o]
    if owner.lower in _OWNER_PRONOUNS:
        speaker = Mention(owner.start, owner.end, owner.text, "pronoun")
    elif _mentions.possessive(owner):
        found = _mentions.np_ending_at(text, toks, o, 0)
        speaker = found or Mention(owner.start, owner.end, owner.text, "nominal")
    else:
        return None
    k = v + 1 if frame == "to" else v + 3
    rec = _content(state, view, k, "indirect_noun", speaker, _span(text, toks, v, k))
    if rec is None:
        return None
    _clause_end(state, view, rec)
    return rec


# How many tokens a source after "according to" may run.
MAX_SOURCE = 30
_APPOSITION_OPENERS = frozenset(
    "a an the who which whose that one its his her their where when as".split()
)
# Words that end a source read forwards ("according to a poll that shows …").
_SOURCE_STOPS = frozenset(
    "who whom whose which that where when as because after before while although though "
    "in on at during last this earlier".split()
)


def _source(state: _State, view: _View, k: int) -> Mention | None:
    """The source after "according to": "U.S. data", "a statement released by the ministry",
    "a recent Federal Election Commission report" — up to a comma or a relative."""
    toks = view.toks
    e = k
    while (
        e < len(toks)
        and e - k < MAX_SOURCE
        and (toks[e].kind != PUNCT or toks[e].text in "/&-")
        and (e == k or toks[e].lower not in _SOURCE_STOPS)
    ):
        e += 1
    if e == k or toks[e - 1].kind != WORD:
        return None
    return _mentions.make(state.text, toks[k:e], lexicon())


def _is_document(m: Mention) -> bool:
    lex = lexicon()
    words = m.text.lower().split()
    head = words[-1]
    for w in range(1, len(words) - 1):
        if any(tuple(words[w : w + len(p)]) == p for p in _postmodifiers().get(words[w], ())):
            head = words[w - 1]  # "two officials briefed on the plan": people, not a document
            break
    nominal = lex.nominals.get(head)
    if nominal is not None:
        return nominal.kind == "document"
    return lex.org_words.get(head) == "document"


def _shares_verb(view: _View, v: int, j: int, cue: _Cue, found: Sequence[_Record]) -> bool:
    """The cue at ``v`` is a base form after "and" (at ``j``) inside the content of an
    earlier record, and that content holds "to" or a modal before it: the verb is
    coordinated with that infinitive or modal, not a new statement of the speaker's."""
    toks = view.toks
    if cue.gerund or toks[v].lower != cue.lemma.split()[0]:
        return False
    c = toks[j].start
    for rec in found:
        a, b = rec.ranges[-1]
        if rec.head and rec.cue.end <= a <= c < b:
            return any(t.lower == "to" or t.lower in _MODALS for t in toks[view.index(a) : j])
    return False


def _inner(rec: _Record, found: Sequence[_Record]) -> bool:
    """``rec``'s cue stands inside another record's content (*They question whether
    [she opposes the deal]*): an inner report, whose speaker is no one's to share."""
    c = rec.cue.start
    return any(r.head and r is not rec and r.ranges[0][0] <= c < r.ranges[-1][1] for r in found)


def _relative_subject(state: _State, view: _View, j: int) -> tuple[Mention, Mention | None] | None:
    """ "Ann Lee, who last week surprised the board by declaring …": a relative "who" /
    "which" after a comma, whose clause runs without punctuation to the preposition at
    ``toks[j]`` and holds a finite verb, is the subject of the gerund after it; the
    pronoun and its antecedent, or None."""
    toks = view.toks
    r = j - 1
    finite = False
    while r > 0 and j - r < 25 and toks[r].kind != PUNCT:
        if toks[r].lower in ("who", "which"):
            if not finite or toks[r - 1].text != ",":
                return None
            antecedent = _mentions.np_ending_at(state.text, toks, r - 2, 0) if r >= 2 else None
            if antecedent is not None and not _real_source(state, antecedent):
                antecedent = None
            if antecedent is None:
                return None
            return Mention(toks[r].start, toks[r].end, toks[r].text, "pronoun"), antecedent
        if toks[r].lower in _RELATIVE_BREAKS:
            return None
        finite = finite or _finite(toks[r], toks[r - 1])
        r -= 1
    return None


def _previous_speaker(
    state: _State,
    key: tuple[int, int],
    view: _View,
    v: int,
    found: Sequence[_Record],
    fallback: bool,
) -> tuple[Mention | None, Mention | None]:
    """The speaker of the nearest earlier cue in the sentence, else its first name."""
    c = view.toks[v].start
    best: tuple[int, Mention | None, Mention | None] = (-1, None, None)
    for rec in found:
        if rec.head and rec.cue.start < c < rec.ranges[-1][1] and rec.speaker is not None:
            # the outermost record this cue continues ("X said A, adding B")
            return rec.speaker, rec.referent
    for rec in found:
        if (
            rec.cue.start < c
            and rec.speaker is not None
            and rec.cue.start > best[0]
            and not _inner(rec, found)
        ):
            best = (rec.cue.start, rec.speaker, rec.referent)
    cued = state.by_sentence.get(key)
    if cued is not None:
        starts, cued_links = cued
        i = bisect_left(starts, c) - 1  # the last quotation cue before this one
        if i >= 0 and starts[i] > best[0]:
            link = cued_links[bisect_left(starts, starts[i])]  # the first of equal cues
            best = (starts[i], link.speaker, link.referent)
    if best[1] is not None:
        return best[1], best[2]
    if not fallback:
        return None, None
    names = _mentions.name_mentions(state.text, view.toks, 0, v, state.doc.common_word)
    return (names[0], None) if names else (None, None)


# --- token helpers --------------------------------------------------------------------------


def _skip_object(state: _State, view: _View, k: int) -> int:
    """X told [reporters | CNN | him | the Associated Press] …"""
    toks = view.toks
    if k >= len(toks) or toks[k].lower == "that":
        return k
    if toks[k].lower in _OBJECT_PRONOUNS:
        return k + 1
    # "told co-host Joe Scarborough that …", "told one of his aides on Monday that …"
    t = k
    relative = False  # "tells people who wonder why … that": the question is theirs
    while t < len(toks) and t - k <= MAX_ADJUNCT:
        w = toks[t]
        if w.lower == "that" and t > k:
            return t
        if (
            (w.kind == PUNCT and w.text not in _QUOTE_MARKS)
            or w.lower in _NOT_OPENERS
            or (w.lower in _QUESTION_OPENERS and not relative)
        ):
            break  # "asked whether the deal meant that …": the question is the content
        relative = relative or w.lower in _RELATIVE_OPENERS
        t += 1
    obj = _mentions.np_starting_at(state.text, toks, k, len(toks))
    if obj is None:
        # "told the forum he was …": a short noun phrase, then a subject pronoun
        if toks[k].lower in DETERMINERS:
            t = k + 1
            while t < len(toks) and t - k <= 4 and toks[t].kind == WORD:
                if toks[t].lower in _SUBJECT_PRONOUNS - {"it", "there", "you"}:
                    return t
                t += 1
        return k
    e = view.index(obj.end)
    if obj.kind in ("name", "organisation") and e + 1 < len(toks) and toks[e].kind == NUMBER:
        # "told ZTV Radio 4's Morning Show he …", "told Channel 4 News that …": the
        # number is part of the station's name, and so is a name right after it (not
        # "told Ann Webb 10 people had died")
        n = e + 1
        if n + 1 < len(toks) and toks[n].text in ("'", "’") and toks[n + 1].lower == "s":
            n += 2
        m = n
        while m < len(toks) and toks[m].kind == WORD and toks[m].upper:
            m += 1
        if (
            n < m < len(toks)
            and toks[m].kind == WORD
            and toks[m].lower not in _SUBJECT_PRONOUNS | DETERMINERS
            and (
                m + 1 == len(toks)
                or toks[m + 1].kind == PUNCT
                or toks[m + 1].upper
                or toks[m + 1].lower in _SUBJECT_PRONOUNS | DETERMINERS
            )
        ):
            m += 1  # "Radio 4's Morning programme he …": the programme's noun
        if m > n or (
            n < len(toks) and (toks[n].lower in _SUBJECT_PRONOUNS or toks[n].lower == "that")
        ):
            return m
    return e


# Words that open an indirect question ("asked whether …", "told them why …").
_QUESTION_OPENERS = frozenset("whether if why how what".split())

# Prepositions that belong to a clause verb used with an object ("worried about").
_CUE_PREPOSITIONS = frozenset("about for of with on over against at".split())
_QUOTE_MARKS = frozenset(["“", "”", '"', "‘", "’", "'"])


# Time words that are a time only before another ("this week", not "this was").
_TIME_MODIFIERS = frozenset("this last next".split())


def _skip_time(state: _State, view: _View, k: int, commas: bool = True) -> int:
    """Past "on Tuesday", "last week", "in a statement", a comma: where the content starts."""
    toks = view.toks
    adjuncts = state.table.adjuncts
    start = k
    while k < len(toks) and k - start <= MAX_ADJUNCT:
        t = toks[k]
        if t.kind == PUNCT and t.text in _COMMAS and commas:
            k += 1
            continue
        if (
            t.kind == WORD
            and adjuncts.get(t.lower) == "time"
            and not _mentions.possessive(t)
            and (
                t.lower not in _TIME_MODIFIERS
                or (k + 1 < len(toks) and adjuncts.get(toks[k + 1].lower) == "time")
            )
        ):
            k += 1
            continue
        if t.lower == "on" and k + 1 < len(toks) and adjuncts.get(toks[k + 1].lower) == "time":
            k += 2
            continue
        n, kind = state.doc.cues.phrase_at(toks, k, len(toks)) if t.kind == WORD else (0, "")
        if n and kind == "manner":
            k += n
            if k < len(toks) and toks[k].lower in ("with", "to") and toks[k - 1].kind == WORD:
                k += 1  # "in an interview with", "in a letter to"
            if toks[k - 1].lower in ("with", "to"):
                k = _skip_object(state, view, k)
            continue
        break
    return k


def _that_after(state: _State, view: _View, k: int, participles: bool = False) -> int:
    """Index of the complementiser "that" after adjuncts ("said on Tuesday that"), or -1;
    with ``participles`` a past participle may stand between too ("released on Friday")."""
    toks = view.toks
    adjuncts = state.table.adjuncts
    j = k
    while j < len(toks) and j - k <= MAX_ADJUNCT:
        t = toks[j]
        if t.lower == "that":
            return j
        if t.kind == PUNCT:
            if t.text not in ",()—–-'’":
                return -1
        elif not (
            t.kind == NUMBER
            or t.upper
            or t.lower in adjuncts
            or _adverb(t)  # "argued forcefully that"
            or (participles and t.lower.endswith("ed") and len(t.lower) > 4)
        ):
            return -1
        j += 1
    return -1


_ADDRESSEE_PRONOUNS = _OBJECT_PRONOUNS - {"you", "it"}


def _addressee_that(state: _State, view: _View, k: int) -> int:
    """ "warned the council that CLAUSE", "promised voters that …": a person or group
    between a clause verb and a complementiser "that" is an addressee, so the content
    starts after "that"; else ``k``."""
    toks = view.toks
    if k >= len(toks):
        return k
    if toks[k].lower in _ADDRESSEE_PRONOUNS:
        j = k + 1
    else:
        m = _mentions.np_starting_at(state.text, toks, k, len(toks))
        if (
            m is None
            or m.kind not in ("name", "nominal", "organisation")
            or not _real_source(state, m)
            or _is_document(m)
            or _is_time(state, m)
        ):
            return k
        j = view.index(m.end)
        if any(
            toks[i].lower in _GAP_PREPOSITIONS or _finite(toks[i], toks[i - 1])
            for i in range(k + 1, j)
        ):
            return k  # "recalling a report from the campaign that …": no addressee
    if (
        j + 1 >= len(toks)
        or toks[j].lower != "that"
        or _relative_that(state, toks, j)
        or _verb_like(toks, j + 1)  # "the council that meets on Monday"
    ):
        return k
    return j + 1


def _relative_that(state: _State, toks: Sequence[Token], t: int) -> bool:
    """``toks[t]``, "that", is followed by a finite verb, so it is a relative pronoun on
    the noun before it ("a report that found", "a poll that shows"), no complementiser."""
    if t + 1 >= len(toks):
        return False
    nxt = toks[t + 1]
    if nxt.kind != WORD or nxt.upper:
        return False
    w = nxt.lower.replace("’", "'")
    return (
        w in _lexicon.word_list("finite_verbs.txt")
        or _past_in_ed(w)
        or (w.endswith("s") and not w.endswith("ss") and w in state.table.by_first)
    )


def _complement_after(view: _View, k: int) -> bool:
    """A complementiser "that" closes the adjunct phrase that opens with a preposition at
    ``toks[k]`` ("declared on national television that [he was raising money]"): "that"
    and a subject (a pronoun, a determiner, a name, a number), within `MAX_ADJUNCT`
    tokens and no punctuation; before a verb "that" is a relative ("said in a statement
    that was released …")."""
    toks = view.toks
    if k >= len(toks) or toks[k].lower not in _ADJUNCT_PREPOSITIONS:
        return False
    j = k + 1
    while j + 1 < len(toks) and j - k <= MAX_ADJUNCT and toks[j].kind != PUNCT:
        if toks[j].lower == "that":
            nxt = toks[j + 1]
            return (
                nxt.lower in _SUBJECT_PRONOUNS
                or nxt.lower in DETERMINERS
                or nxt.upper
                or nxt.kind == NUMBER
            )
        j += 1
    return False


def _ends(view: _View, k: int) -> bool:
    """Only closing punctuation from ``toks[k]`` to the sentence end."""
    if not view.to_end:
        return False
    toks = view.toks
    for t in toks[k : k + 4]:
        if t.kind != PUNCT or t.text not in _CLOSING:
            return False
    return len(toks) - k <= 4


def _content_end(state: _State, view: _View) -> int:
    return _trim_end(state.text, view.s, view.e)


def _trim_end(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return b


def _span(text: str, toks: Sequence[Token], a: int, b: int) -> Span:
    s, e = toks[a].start, toks[b - 1].end
    return Span(s, e, text[s:e])


# --- pronoun antecedents ----------------------------------------------------------------------


def _sentence_names(state: _State, p: int, s: int, e: int) -> list[Mention]:
    """The person names of sentence ``[s, e)`` of paragraph ``p``, from the paragraph's
    shared tokens when the paragraph is short, else from the sentence's own."""
    doc = state.doc
    toks, starts = state.tokens_for(p, s, e)
    i = bisect_left(starts, s)
    j = bisect_left(starts, e, lo=i)
    found = _mentions.name_mentions(doc.text, toks, i, j, doc.common_word)
    return [m for m in found if m.kind == "name"]


def _mention_start(m: Mention) -> int:
    return m.start


def _antecedent(state: _State, key: tuple[int, int], pronoun: Mention) -> Mention | None:
    """The named person a "he"/"she" speaker refers to: the first name of that gender
    in the nearest sentence before it, else the nearest earlier speaker who fits."""
    # "his"/"her": the owner of a stance noun ("her decision to run")
    gender = {"he": "m", "she": "f", "his": "m", "her": "f"}.get(pronoun.text.lower())
    if gender is None:
        return None
    doc = state.doc
    if state.genders is None:
        state.genders = _Genders(doc)
    genders = state.genders
    p, si = key
    seen = 0
    lo = pronoun.start
    known = {m.text.split()[-1].lower() for m in state.recent_speakers(pronoun.start, 0, 50)}
    while p >= 0 and seen < ANTECEDENT_SENTENCES:
        sentences = doc.sentences(p)
        if si >= len(sentences):
            si = len(sentences) - 1
        while si >= 0 and seen < ANTECEDENT_SENTENCES:
            s, e = sentences[si]
            lo = s
            found = state.sentence_names.get((p, si))
            if found is None:
                found = _sentence_names(state, p, s, e)
                state.sentence_names[(p, si)] = found
            # the names before the pronoun, within LONG_SENTENCE characters of it (bounded
            # in a sentence of thousands of words)
            a = bisect_left(found, pronoun.start - LONG_SENTENCE, key=_mention_start)
            b = bisect_left(found, pronoun.start, lo=a, key=_mention_start)
            names = [
                m for m in found[a:b] if m.end <= pronoun.start and not state.in_quote(m.start)
            ]
            for m in names:
                g = genders.of(m)
                if g == gender or (g == "x" and m.text.split()[-1].lower() in known):
                    return m
            seen += 1
            si -= 1
        p -= 1
        si = 1 << 30
    for m in state.recent_speakers(pronoun.start, lo, 50):
        if genders.of(m) in (gender, "x"):
            return m
    return None
