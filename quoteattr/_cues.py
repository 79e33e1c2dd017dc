"""Speech cues: the verbs and phrases that introduce or attribute a statement.

The lexicon is data (`data/lexicon/cue_verbs.tsv`, `cue_phrases.tsv`); this
module only matches it against tokens. A cue is matched on lowercase token
text, so "Said" at the start of a sentence is a cue too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from quoteattr import _lexicon
from quoteattr._tokens import WORD, Token

STRONG, WEAK = "strong", "weak"


class CueLexicon:
    """Cue verbs (every inflection) and cue phrases, indexed by their first word."""

    __slots__ = ("_bare", "_manners", "_phrases", "_verbs")

    def __init__(
        self,
        verbs: dict[str, list[tuple[tuple[str, ...], str]]],
        phrases: dict[str, list[tuple[tuple[str, ...], str]]],
        bare: frozenset[str] = frozenset(),
        manners: frozenset[str] = frozenset(),
    ) -> None:
        # first word -> [(all words, strength or phrase type)], longest first
        self._verbs = verbs
        self._phrases = phrases
        self._bare = bare
        self._manners = manners

    @classmethod
    def load(cls, extra: Iterable[str] = ()) -> CueLexicon:
        """The shipped lexicon plus ``extra`` cue words or phrases (taken as strong cues)."""
        verbs: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        bare: set[str] = set()
        manners: set[str] = set()
        manner_lemmas = _lexicon.word_list("cue_manners.txt")
        for verb in _lexicon.cue_verbs():
            if verb.lemma in manner_lemmas or verb.domain == "fiction":
                manners.update(verb.forms)
            for form in verb.forms:
                _add(verbs, form, verb.strength)
            if " " not in verb.lemma and verb.lemma not in (verb.past, verb.past_participle):
                bare.add(verb.lemma)
        for cue in extra:
            if cue.strip():
                _add(verbs, cue, STRONG)
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in _lexicon.cue_phrases().items():
            _add(phrases, phrase, kind)
        for table in (verbs, phrases):
            for entries in table.values():
                entries.sort(key=lambda entry: -len(entry[0]))
        return cls(verbs, phrases, frozenset(bare), frozenset(manners))

    def verb_at(self, tokens: Sequence[Token], i: int, hi: int) -> tuple[int, str]:
        """``(number of tokens, strength)`` of the cue verb starting at ``tokens[i]``,
        ``(0, "")`` if there is none. The match does not run past ``hi``."""
        # Called on every word of a paragraph: a word that starts no cue costs one lookup.
        entries = self._verbs.get(tokens[i].lower)
        if not entries or surname_at(tokens, i):
            return _NONE
        return _match(entries, tokens, i, hi)

    def verb_starts(self, tokens: Sequence[Token]) -> list[int]:
        """Indices of the words of ``tokens`` where a cue verb starts (`verb_at` on each)."""
        verbs, n = self._verbs, len(tokens)
        return [
            k
            for k, t in enumerate(tokens)
            if t.kind == WORD
            and (entries := verbs.get(t.lower))
            and _match(entries, tokens, k, n)[0]
            and not surname_at(tokens, k)
            and not voice_adjective(tokens, k, n)
        ]

    def phrase_at(self, tokens: Sequence[Token], i: int, hi: int) -> tuple[int, str]:
        """``(number of tokens, phrase type)`` of the cue phrase starting at ``tokens[i]``."""
        entries = self._phrases.get(tokens[i].lower)
        return _match(entries, tokens, i, hi) if entries else _NONE

    def is_bare(self, word: str) -> bool:
        """Whether ``word`` (any case) is a cue verb's bare form only ("report", "state"),
        which a singular subject cannot take: "the agency report", "Ohio state senator"."""
        return word.lower() in self._bare

    def is_manner(self, word: str) -> bool:
        """Whether ``word`` (any case) is a form of a verb that tells a manner, a gesture or
        a thought rather than the words (`cue_manners.txt`: "smiling", "hoping", "found")."""
        return word.lower() in self._manners

    def is_verb_form(self, word: str) -> bool:
        """Whether ``word`` (any case) begins some cue verb."""
        return word.lower() in self._verbs


def voice_adjective(tokens: Sequence[Token], k: int, n: int) -> bool:
    """ "added in a stern lecturing voice", "a pleading voice": a participle right before
    a noun of voice (voice_nouns.txt) describes the voice; it is no verb of speaking."""
    return (
        k + 1 < n
        and tokens[k].lower.endswith("ing")
        and tokens[k + 1].lower in _lexicon.word_list("voice_nouns.txt")
    )


def surname_at(tokens: Sequence[Token], k: int) -> bool:
    """ "Mr. Read said", "Dr. Long": a capitalised word right after an abbreviated
    honorific is a surname, whatever verb it spells and even when it is on the
    not-names list (read by the cue lexicon and by `_mentions` alike)."""
    t = tokens[k]
    return k > 0 and t.kind == WORD and t.upper and tokens[k - 1].lower in surname_titles()


@lru_cache(maxsize=1)
def surname_titles() -> frozenset[str]:
    """Honorifics abbreviated with a period ("Mr.", "Dr.", "Rev."), lowercase: the
    capitalised word after one is a surname ("Mr. Read", "Mrs. Long"), not a verb or
    a common word. Not "Miss", "Lady", "Master": words of their own. The same
    honorific written without its period, British style ("Mr Read", "Dr Long"),
    when the titles list has that form too."""
    titles = {t.lower(): v for t, v in _lexicon.titles().items()}
    dotted = {
        t for t, v in titles.items() if v.type == "honorific" and t.endswith(".") and " " not in t
    }
    bare = {t[:-1] for t in dotted if t[:-1] in titles and titles[t[:-1]].type == "honorific"}
    return frozenset(dotted | bare)


def _add(table: dict[str, list[tuple[tuple[str, ...], str]]], text: str, value: str) -> None:
    words = tuple(w for w in text.lower().replace("’", "'").split() if w)
    if words:
        entries = table.setdefault(words[0], [])
        if all(existing != words for existing, _ in entries):
            entries.append((words, value))


_NONE = (0, "")


def _match(
    entries: list[tuple[tuple[str, ...], str]],
    tokens: Sequence[Token],
    i: int,
    hi: int,
) -> tuple[int, str]:
    """The longest of ``entries`` (the cues that begin with ``tokens[i]``) that the
    tokens from ``i`` on spell out, before ``hi``."""
    for words, value in entries:
        n = len(words)
        if n == 1:
            return 1, value  # the shortest entry, so the last
        if i + n > hi:
            continue
        for k in range(1, n):
            if tokens[i + k].lower.replace("’", "'") != words[k]:
                break
        else:
            return n, value
    return _NONE
