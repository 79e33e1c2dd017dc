"""Entities: the speaker mentions of one person or body grouped under a canonical name.

"Health Minister Ana Ruiz", "Ruiz" and a resolved "he" become one
entity named "Ana Ruiz" with the title "Health Minister". A bare
surname is completed from the fullest form of the name found in the document.
Honorifics keep people apart: "Mr. Pellow" and "Mrs. Pellow" are two entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import attrs
import regex

from quoteattr import _lexicon
from quoteattr._attribution import Link
from quoteattr._cues import surname_at
from quoteattr._document import Document
from quoteattr._mentions import (
    _SENTENCE_OPENERS,
    ATTACHING,
    NAME_PARTICLES,
    _name_token,
    gender_of,
    lexicon,
    name_mentions,
)
from quoteattr._models import Entity, EntityKind, Mention, MentionKind
from quoteattr._tokens import WORD, tokenize

# How far before a surname to look for the rest of the name ("U.S. Secretary of State Mike ").
_NAME_WINDOW = 80
# Occurrences of a name read for its full form or gender: enough to see the usual ones,
# and a bounded cost per name on a long text.
_FORM_OCCURRENCES = 50
# A person's name rarely has more words than this, titles apart ("Martin Luther King Jr.").
_MAX_NAME_WORDS = 4


# What `_Name` reads from a mention's text: name words, honorific, post, title,
# surname, first, gender, wife.
_Parsed = tuple[tuple[str, ...], str, bool, "str | None", str, "str | None", str, bool]
# Texts of names kept read (the cache is emptied when full).
_PARSED_NAMES = 4096
_parsed_names: dict[str, _Parsed] = {}


class _Name:
    """A name mention split into its title words and its name words."""

    __slots__ = (
        "first",
        "gender",
        "honorific",
        "mention",
        "name_words",
        "post",
        "surname",
        "title",
        "wife",
    )

    def __init__(self, mention: Mention) -> None:
        # A document names its people again and again: each text is read once.
        parsed = _parsed_names.get(mention.text)
        if parsed is None:
            parsed = self._parse(mention)
            if len(_parsed_names) >= _PARSED_NAMES:
                _parsed_names.clear()
            _parsed_names[mention.text] = parsed
        self.mention = mention
        words, self.honorific, self.post, self.title, self.surname, first, gender, wife = parsed
        self.name_words = list(words)
        self.first = first
        self.gender = gender
        self.wife = wife

    def _parse(self, mention: Mention) -> _Parsed:
        lex = lexicon()
        words = mention.text.replace(",", " ").split()
        # "_Sir John_": underscores mark italics in plain-text books, no part of a name.
        words = [w.strip("_") for w in words if w.strip("_")] or words
        # Everything up to the last title word is the role: "Health Minister Ana Ruiz",
        # "U.S. Secretary of State Jane Hill".
        k = 0
        for i, w in enumerate(words[:-1]):
            lw = w.lower()
            if lw in lex.title_words or lw.rstrip(".") + "." in lex.title_words:
                k = i + 1
        title_words = words[:k]
        self.mention = mention
        self.name_words = words[k:] or words[-1:]
        # "Ayesha Begum": an honorific after the name says who she is.
        end_word = self.name_words[-1]
        after = _lexicon.post_titles().get(end_word) if len(self.name_words) > 1 else None
        after_word = ""
        if after is not None:
            after_word = end_word
            title_words = [*title_words, after_word]
            self.name_words = self.name_words[:-1]
        last = self.name_words[-1]
        if len(last) > 2 and last.lower().endswith(("'s", "’s")):
            # "Tony Webb's": the person is "Tony Webb".
            self.name_words = [*self.name_words[:-1], last[:-2]]
        honorifics = [
            w
            for w in title_words
            if w.lower() in lex.honorifics or w.lower() + "." in lex.honorifics or w == after_word
        ]
        # The honorific next to the name is the person's: "Mrs. Hebden and Miss Varley"
        # cut short by a window reads "Mrs. Miss Varley".
        self.honorific = honorifics[-1] if honorifics else ""
        self.post = after is not None  # "Ayesha Begum" keeps its order
        role = [w for w in title_words if w not in honorifics]
        self.title = " ".join(role) if role else None
        self.surname = self.name_words[-1].lower()
        self.first = self.name_words[0].lower() if len(self.name_words) > 1 else None
        self.gender = after or gender_of(mention.text)
        # "Mrs. John Pennock" is John's wife: her name is the whole form, and
        # "John" is no given name of hers.
        self.wife = self.first is not None and _wife_form(self)
        if self.wife:
            self.first = None
        return (
            tuple(self.name_words),
            self.honorific,
            self.post,
            self.title,
            self.surname,
            self.first,
            self.gender,
            self.wife,
        )

    @property
    def canonical(self) -> str:
        """The name without its role ("Ana Ruiz"); honorific kept for a lone surname."""
        if self.honorific and (self.first is None or self.wife):
            if self.post:
                return f"{' '.join(self.name_words)} {self.honorific}"
            return f"{self.honorific} {' '.join(self.name_words)}"
        return " ".join(self.name_words)

    def compatible(self, other: _Name) -> bool:
        """Whether two name forms can denote one person."""
        if self.wife or other.wife:
            return self.canonical == other.canonical
        if (
            self.surname != other.surname
            and self.surname != other.first
            and (other.surname != self.first)
        ):
            return False
        if self.first and other.first and self.first != other.first:
            return False
        if self.gender != "x" and other.gender != "x" and self.gender != other.gender:
            return False
        return not (self.honorific and other.honorific and self.honorific != other.honorific)


class _Cluster:
    __slots__ = (
        "apart",
        "best",
        "gender",
        "index",
        "kind",
        "last",
        "marital",
        "mentions",
        "mister",
        "names",
        "order",
        "ranks",
    )

    def __init__(self, kind: EntityKind) -> None:
        self.kind: EntityKind = kind
        self.names: list[_Name] = []
        self.mentions: list[Mention] = []
        self.best: _Name | None = None
        self.gender = "x"
        self.last = -1
        self.index: ClusterIndex[Any] | None = None
        self.order = 0
        self.marital = ""  # "mrs" or "miss" once a name with one of them is added
        # An honorific and a surname the document gives to several people ("Mrs.
        # Tredgold" beside Rose and Harry Tredgold): no given name joins it.
        self.apart = False
        # The military ranks of its names ("general") and whether one of them is "Mr.".
        self.ranks: set[str] = set()
        self.mister = False

    def add(self, name: _Name) -> None:
        self.names.append(name)
        rank = _rank(name)
        if rank:
            self.ranks.add(rank)
        self.mister = self.mister or _mister(name)
        self.marital = self.marital or _marital(name)
        if self.best is None or (len(name.name_words), name.honorific != "") > (
            len(self.best.name_words),
            self.best.honorific != "",
        ):
            self.best = name
            if self.index is not None:
                self.index.note(self)
        if self.gender == "x":
            self.gender = name.gender

    def accepts(
        self, name: _Name, shared: frozenset[str] = frozenset(), owner: str | None = None
    ) -> bool:
        """Whether ``name`` can be another form of this cluster's person; ``owner`` is the
        given name a bare surname stands for in the document (`surname_owner`)."""
        best = self.best
        if best is None:
            return False
        if self.gender != "x" and name.gender != "x" and self.gender != name.gender:
            return False
        if name.honorific and best.honorific and name.honorific != best.honorific:
            return False
        marital = _marital(name)
        if marital and self.marital and marital != self.marital:
            return False  # "Miss Pentreath" is the daughter of "Mrs. Pentreath"
        rank = _rank(name)
        if rank and (self.mister or (self.ranks and rank not in self.ranks)):
            return False  # "General Ashby" is not "Mr. Ashby" nor "Captain Ashby"
        if self.ranks and _mister(name):
            return False
        if name.wife or best.wife:
            return name.canonical == best.canonical  # "Mrs. John Pennock"
        if name.first is not None:
            if self.apart and best.first is None:
                return False  # "Rose Tredgold" is not the "Mrs. Tredgold" of a family
            if best.first is None and not best.honorific and best.surname in lexicon().first_names:
                return name.first == best.surname  # "Anne": "Anne Kersey", not "Allan Anne"
            return best.surname == name.surname and best.first in (None, name.first)
        word = name.surname
        if (name.honorific or name.title) and best.first is not None and word == best.surname:
            # "Mrs. Ashby" is "Winifred Ashby" only if no other Ashby is about.
            return word not in shared
        if (
            not name.honorific
            and best.first is not None
            and word != best.first
            and word in lexicon().first_names
            and not (word == best.surname and best.first in lexicon().first_names)
        ):
            # "Anne" is no "what Anne": a given name is not a surname, unless a given
            # name comes before it ("Elizabeth Warren", then "Warren said").
            return False
        if (
            owner is not None
            and word == best.surname
            and best.first != owner
            and (best.first is not None or best.honorific or best.title)
        ):
            # "Ravenhill" is the Ravenhill named "Gideon Ravenhill" twenty times, not
            # "Crispin Ravenhill" nor "Mr. Ravenhill", who may be any man of the family.
            return False
        return word == best.surname or word == best.first

    def entity(self) -> Entity:
        if self.best is None:
            # "the old lady", not the first pronoun resolved to her.
            named = [m for m in self.mentions if m.kind != "pronoun"] or self.mentions
            name = named[0].text
            title = None
        else:
            name = self.best.canonical
            titles = [n.title for n in self.names if n.title]
            title = max(titles, key=len) if titles else None
        seen: dict[tuple[int, int], Mention] = {}
        for m in self.mentions:
            seen.setdefault((m.start, m.end), m)
        mentions = tuple(sorted(seen.values(), key=lambda m: m.start))
        return Entity(name=name, title=title, kind=self.kind, mentions=mentions)


T = TypeVar("T")


class ClusterIndex(Generic[T]):
    """Clusters (and what owns them) by the words of their best name form.

    `_Cluster.accepts` only ever says yes to a name that shares its surname or given
    name with the cluster's best form, so a name is checked against the clusters
    filed under its own words, not against every cluster of a long document.
    Entries of a best form since replaced stay: `accepts` rejects them.
    """

    __slots__ = ("_by_word", "_owners")

    def __init__(self) -> None:
        self._by_word: dict[str, dict[int, _Cluster]] = {}
        self._owners: list[T] = []

    def register(self, cluster: _Cluster, owner: T) -> None:
        """File ``cluster`` (owned by ``owner``) after those registered before it."""
        cluster.order = len(self._owners)
        cluster.index = self
        self._owners.append(owner)
        self.note(cluster)

    def note(self, cluster: _Cluster) -> None:
        """File ``cluster`` under the words of its (new) best form."""
        best = cluster.best
        if best is None:
            return
        self._by_word.setdefault(best.surname, {})[cluster.order] = cluster
        if best.first is not None:
            self._by_word.setdefault(best.first, {})[cluster.order] = cluster

    def candidates(self, name: _Name) -> list[T]:
        """Owners of the clusters that may accept ``name``, in registration order."""
        found = dict(self._by_word.get(name.surname, {}))
        if name.first is not None:
            found.update(self._by_word.get(name.first, {}))
        return [self._owners[k] for k in sorted(found)]


# Subject pronouns only: "Brackley, his mother's place" says nothing of Brackley.
# (`(s?)he`, not `(he)|(she)`: the same matches, a quarter faster.)
_GENDERED = regex.compile(r"\b(s?)he\b", regex.I)
# A lower-case article right before a word: "the |Casino".
_THE_BEFORE = regex.compile(r"(?<![\p{L}])(?:the|a|an|this|that|every|each|any|no)\s+$")
# The last letters of those words: no other character before the white space lets it match.
_THE_ENDS = frozenset("eanstyho")
# A title right before a word: "Mrs |Tapley", "Mr. |Thornley".
_TITLE_BEFORE = regex.compile(r"(\p{Lu}[\p{L}]*\.?)\s+$")
# A capitalised word inside a sentence: another name between a name and a pronoun
# ("Crabbe looked at Nancy and she") makes the pronoun no evidence.
_OTHER_NAME = regex.compile(r"[^.!?\"“‘\s][ \t\n]+\p{Lu}\p{Ll}")
# Pronoun evidence that overrides the given-name list: this many, four to one.
_OVERRIDE = 10
# How far after a name to look for the pronoun that refers back to it.
_EVIDENCE_WINDOW = 120


class Genders:
    """Gender of a name: from the lexicon (first name, title), else from the pronouns
    that follow the name's occurrences in the document ("Thornley … his")."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # Every `Genders` of a document shares its answers: conversation, indirect speech
        # and entities ask about the same names, and a word's evidence costs a search per
        # occurrence. The document keeps the dicts, never this object: a cycle through
        # the document would keep it and all its tokens alive past `extract`.
        self.cache: dict[str, str] = doc.once(("genders",), dict)
        self.counts: dict[str, tuple[int, int]] = doc.once(("gender counts",), dict)

    def of(self, m: Mention) -> str:
        g = gender_of(m.text)
        words = m.text.split()
        if g != "x" and (len(words) > 1 or words[0].lower() not in lexicon().first_names):
            return g
        word = words[-1]
        known = self.cache.get(word)
        if known is None:
            known = self._evidence(word)
            self.cache[word] = known
        if g != "x":
            # A given name of one sex that the book gives to someone of the other
            # ("Beryl ... he" again and again): the book's pronouns win.
            male, female = self.counts.get(word, (0, 0))
            other = male if g == "f" else female
            same = female if g == "f" else male
            return g if other < _OVERRIDE or other < 4 * same else ("m" if g == "f" else "f")
        return known

    def _evidence(self, word: str) -> str:
        text = self.doc.text
        counts = [0, 0]
        # The sexes of the people the word names with a title or a given name before
        # it ("Mr. Stumpf", "John Stumpf"): a surname only men carry is a man's.
        carriers: set[str] = set()
        for start in self.doc.occurrences(word, _FORM_OCCURRENCES):
            before = _TITLE_BEFORE.search(text, max(0, start - 12), start)
            if before is not None:
                g = gender_of(before.group(1))
                if g != "x":
                    carriers.add(g)
                    continue  # "Mrs Tapley" is not "Tapley"
            lo, k = max(0, start - 7), start - 1
            while k >= lo and text[k].isspace():  # (`\s` is never outside `isspace`)
                k -= 1
            if (
                lo <= k < start - 1
                and text[k] in _THE_ENDS
                and _THE_BEFORE.search(text, max(0, start - 7), start) is not None
            ):
                continue  # "the Casino … her": a place or a thing, not a person's name
            sex = pronoun_after(text, start + len(word))
            if sex is not None:
                counts[sex] += 1
        male, female = counts
        self.counts[word] = (male, female)
        if male + female >= 2 and max(male, female) >= 2 * min(male, female):
            return "m" if male > female else "f"
        return carriers.pop() if len(carriers) == 1 else "x"


def pronoun_after(text: str, end: int) -> int | None:
    """The sex of the "he" or "she" that refers back to a word ending at ``end``: 0 for
    "he", 1 for "she", the first within `_EVIDENCE_WINDOW` characters with no other name
    between; None when there is none."""
    m = _GENDERED.search(text, end, end + _EVIDENCE_WINDOW)
    if m is None or _OTHER_NAME.search(text, end, m.start()) is not None:
        return None
    return 1 if m.group(1) else 0


_PRONOUN_GENDER = {"he": "m", "she": "f"}


def resolve(doc: Document, links: Sequence[Link]) -> dict[Mention, Entity]:
    """The entity of each speaker mention (a pronoun's is its antecedent's)."""
    clusters: list[_Cluster] = []
    by_mention: dict[Mention, _Cluster] = {}
    by_key: dict[str, _Cluster] = {}
    full_forms: dict[str, list[_Name]] = {}
    completed: dict[str, _Name | None] = {}
    genders = Genders(doc)
    index: ClusterIndex[_Cluster] = ClusterIndex()
    for n, link in enumerate(links):
        speaker = link.speaker
        if speaker is None:
            continue
        referent = link.referent or speaker
        if referent.kind == "pronoun":
            continue
        if referent.kind == "nominal":
            # "said her aunt": the document's one "Aunt Maud".
            referent = _titled_relative(doc, referent) or referent
        cluster = by_mention.get(referent)
        if cluster is None:
            # "her mother" read as "Mrs. Dorn": a relative of a Dorn, so not the
            # "Clara Dorn" that "Mrs. Dorn" could otherwise be.
            kin = kin_head(speaker) and referent.kind == "name"
            # "“Q,” he said" resolved to "Fenwick": this Fenwick is a man, not "Mrs. Fenwick".
            hint = "x"
            if speaker.kind == "pronoun":
                hint = _PRONOUN_GENDER.get(speaker.text.lower(), "x")
            cluster = _cluster_for(
                doc, referent, clusters, index, by_key, full_forms, genders, completed, kin, hint
            )
            by_mention[referent] = cluster
        cluster.last = n
        cluster.mentions.append(speaker)
        if referent is not speaker:
            cluster.mentions.append(referent)
        by_mention[speaker] = cluster
    distinct = {id(c): c for c in by_mention.values()}
    built = {key: _typed(doc.text, c.entity()) for key, c in distinct.items()}  # once each
    return {m: built[id(c)] for m, c in by_mention.items()}


# A name in capital letters only, of two to six letters ("ZTV", "NRFB", "ZTV2").
_ACRONYM = regex.compile(r"[A-Z][A-Z&]{1,5}[0-9]?")


def _typed(text: str, entity: Entity) -> Entity:
    """A person entity whose name is an acronym is an organisation ("ZTV", "the ARB"):
    people are not written so, except the role abbreviations of `person_abbreviations.txt`
    ("MP", "DJ"), a transcript's speaker label ("WEBB: …", capitals before a colon), a
    name also written in small letters and one that "he" or "she" refers to."""
    if (
        entity.kind != "person"
        or _ACRONYM.fullmatch(entity.name) is None
        or entity.name.lower() in _lexicon.word_list("person_abbreviations.txt")
        or any(text.startswith(":", m.end) for m in entity.mentions)
        # "“ANN, come here!” … Ann": a name shouted in capitals, written as a name too
        or any(m.kind == "name" and not m.text.isupper() for m in entity.mentions)
        or any(m.text.lower() in _PRONOUN_GENDER for m in entity.mentions)  # "he", "she"
    ):
        return entity
    return attrs.evolve(entity, kind="organisation")


def _cluster_for(
    doc: Document,
    mention: Mention,
    clusters: list[_Cluster],
    index: ClusterIndex[_Cluster],
    by_key: dict[str, _Cluster],
    full_forms: dict[str, list[_Name]],
    genders: Genders,
    completed: dict[str, _Name | None],
    kin: bool = False,
    hint: str = "x",
) -> _Cluster:
    lex = lexicon()
    if mention.kind != "name":
        key = " ".join(w for w in mention.text.lower().split() if w not in ("the", "a", "an"))
        cluster = by_key.get(key)
        if cluster is None:
            words = mention.text.split()
            # "a spokesman for the ministry", "the Association of Rural Nurses": the head
            # is the word before the first attaching preposition.
            cut = next((n for n in range(1, len(words)) if words[n] in ATTACHING), len(words))
            head = words[cut - 1].lower()
            nominal = lex.nominals.get(head)
            kind: EntityKind = "unknown"
            if mention.kind == "organisation":
                kind = (
                    "document"
                    if nominal is not None and nominal.kind == "document"
                    else ("organisation")
                )
            elif nominal is not None:
                kind = "person" if nominal.kind == "person" else "organisation"
            cluster = _Cluster(kind)
            by_key[key] = cluster
            clusters.append(cluster)
        return cluster
    name = _Name(mention)
    if name.gender == "x":
        # "Tapley ... he" is not "Mrs Tapley"
        name.gender = hint if hint != "x" else genders.of(mention)
        if name.gender == "x" and name.first is None and not name.honorific:
            # "Trump says he would": the pronoun right after this occurrence.
            sex = pronoun_after(doc.text, mention.end)
            if sex is not None:
                name.gender = "f" if sex else "m"
    shared = shared_surname(doc, name, full_forms, kin)
    owner = surname_owner(doc, name, full_forms, name.gender)
    # The most recently used person this name can be ("Fenwick" after "Roland Fenwick").
    fits = [
        c for c in index.candidates(name) if c.kind == "person" and c.accepts(name, shared, owner)
    ]
    heir = _heir(doc, name)
    if heir is not None:
        # "Mr. Dorn" beside "Sir Hugh Dorn": the heir, "Roy Dorn", and no one else.
        fits = [
            c
            for c in index.candidates(heir)
            if c.kind == "person"
            and c.best is not None
            and c.best.first == heir.first
            and c.best.surname == heir.surname
        ]
    else:
        fits = given_name_fits(doc, name, fits)
    if fits:
        cluster = max(fits, key=lambda c: c.last)
        cluster.add(name)
        return cluster
    cluster = _Cluster("person")
    index.register(cluster, cluster)
    cluster.add(name)
    if heir is not None:
        cluster.add(heir)
        cluster.mentions.append(heir.mention)
        clusters.append(cluster)
        return cluster
    cluster.apart = bool(shared)
    if name.first is None and not (kin and name.honorific) and not shared and not name.wife:
        # "Ruiz": complete it from the commonest fuller form in the document.
        forms = _surname_forms(doc, name, full_forms)
        fuller = [f for f in forms if f.first is not None and not f.wife and cluster.accepts(f)]
        counts: dict[str, int] = {}
        for f in fuller:
            counts[f.canonical] = counts.get(f.canonical, 0) + 1
        lex = lexicon()
        # A known first name, or a word the text never writes in lower case: not
        # "Harvest Thanksgiving Martin", nor "Little Tobble" however often an adjective
        # before the name opens a sentence; a given name ("Martin") is completed only by
        # what follows it ("Martin Webb").
        given = name.surname in lex.first_names and not name.honorific
        fuller = [
            f
            for f in fuller
            if f.first is not None
            and not given
            and (f.first in lex.first_names or not doc.common_word(f.first))
        ]
        if not fuller:
            full = fuller_form(doc, name, completed)
            if full is not None:
                fuller = [full]
                counts[full.canonical] = 1
        if fuller:
            top = max((f.canonical for f in fuller), key=lambda k: counts[k])
            for f in fuller:
                if f.canonical == top:
                    cluster.add(f)
                    cluster.mentions.append(f.mention)
        for f in forms:
            if f.first is None and f.title and cluster.accepts(f):
                cluster.names.append(f)
    clusters.append(cluster)
    return cluster


# Kin nouns that are also titles before a given name ("Aunt Maud", "Uncle Ned").
_KIN_TITLES = {"aunt": "Aunt", "uncle": "Uncle"}
# The commonest "Aunt X" is "her aunt" when met this often, and this many times as
# often as any other "Aunt Y".
_KIN_TITLE_USES = 5
_KIN_TITLE_LEAD = 3
_TITLED_NAME = regex.compile(r"[ \t]+(\p{Lu}[\p{Ll}\p{M}'’\-]+)")


def _titled_relative(doc: Document, m: Mention) -> Mention | None:
    """For "her aunt", "his uncle": the name the document gives an aunt or uncle by
    title ("Aunt Maud"), when one such name far outnumbers the others; searched once
    per kin noun and document."""
    words = m.text.lower().split()
    if len(words) != 2 or words[0] not in _POSSESSIVES:
        return None
    title = _KIN_TITLES.get(words[1])
    if title is None:
        return None
    return doc.once(("kin", title), lambda: _dominant_titled(doc, title))


def _dominant_titled(doc: Document, title: str) -> Mention | None:
    """The first "Aunt X" of the commonest X, when it far outnumbers the others."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    text = doc.text
    for start in doc.occurrences(title, _COUNTED):
        hit = _TITLED_NAME.match(text, start + len(title))
        if hit is None or hit.group(1).lower() in lexicon().not_names:
            continue
        word = hit.group(1)
        counts[word] = counts.get(word, 0) + 1
        first.setdefault(word, Mention(start, hit.end(), text[start : hit.end()], "name"))
    ranked = sorted(counts, key=lambda w: -counts[w])
    if ranked and counts[ranked[0]] >= _KIN_TITLE_USES:
        runner = counts[ranked[1]] if len(ranked) > 1 else 0
        if counts[ranked[0]] >= _KIN_TITLE_LEAD * runner:
            return first[ranked[0]]
    return None


_POSSESSIVES = frozenset(["his", "her", "their"])


def kin_head(m: Mention) -> bool:
    """ "her mother", "his poor father": a possessive and a kin noun of kin_terms.tsv."""
    words = m.text.lower().split()
    return (
        m.kind == "nominal"
        and len(words) >= 2
        and words[0] in _POSSESSIVES
        and words[-1] in _lexicon.kin_terms()
    )


def shared_surname(
    doc: Document, name: _Name, full_forms: dict[str, list[_Name]], kin: bool = False
) -> frozenset[str]:
    """``{surname}`` when "Mrs. Dorn" may be another Dorn than "Clara Dorn": the
    document gives the surname to more people than the honorific and one given name
    (or the name came from a kin noun: "her mother"); else empty."""
    if not (name.honorific or name.title) or name.first is not None:
        return frozenset()
    if kin:
        return frozenset([name.surname])
    forms = _surname_forms(doc, name, full_forms)
    # People of the name's sex ("Mr. Fenwick" is not shared with "Mrs. Fenwick"), except
    # for a married woman, the wife of any man of the name ("Mrs. Dorn" beside Mr. and
    # Henry Dorn is not Clara Dorn); "Mrs. John Pennock" is a person of her own.
    married = _marital(name) == "mrs"
    people = {
        f.first or (f.canonical if f.wife else f.honorific)
        for f in forms
        if (f.first or f.honorific)
        and (married or name.gender == "x" or f.gender in ("x", name.gender))
    }
    if len(people) > 2 or (len(people) == 2 and name.honorific not in people):
        return frozenset([name.surname])
    if _marital(name) == "mrs" and _goes_by_given(doc, name, forms):
        return frozenset([name.surname])
    return frozenset()


def _heir(doc: Document, name: _Name) -> _Name | None:
    """For "Mr. Dorn" in a family whose head has a title (titled_heads.txt: "Sir Hugh
    Dorn"): the one man Dorn with a given name left when the titled head, the given names
    women bear and the men the text names with an honorific or a title ("Mr. Owen
    Dorn", a younger son) are set aside: the eldest son, the family's "Mr. Dorn". Else
    None. The forms are read from every occurrence of the surname, once per document."""
    if name.first is not None or name.wife or name.honorific.lower().rstrip(".") != "mr":
        return None
    surname = name.name_words[-1]
    forms: list[_Name] = doc.once(("all forms", surname), lambda: _all_forms(doc, surname))
    heads = _lexicon.word_list("titled_heads.txt")
    named = [f for f in forms if f.first is not None and not f.wife and f.surname == name.surname]
    titled = {f.first for f in named if f.honorific.lower() in heads and f.gender != "f"}
    if not titled:
        return None
    women = {f.first for f in named if f.gender == "f"}
    others = {f.first for f in named if f.honorific or f.title}
    left = {f.first: f for f in named if f.gender != "f" and f.first not in titled | women | others}
    return next(iter(left.values())) if len(left) == 1 else None


def _all_forms(doc: Document, surname: str) -> list[_Name]:
    """The forms of ``surname`` at its first `_COUNTED` occurrences: those `_forms_of`
    read already (its first `_FORM_OCCURRENCES`) when there are no more."""
    known = doc.name_forms.get(surname)
    if (
        known is not None
        and len(doc.occurrences(surname, _FORM_OCCURRENCES + 1)) <= _FORM_OCCURRENCES
    ):
        return list(known)
    return _find_forms(doc, surname, _COUNTED)


def sisters(doc: Document, name: _Name, full_forms: dict[str, list[_Name]]) -> bool:
    """Whether the document gives ``name``'s surname to two or more women with a given
    name ("Ellen Dorn", "Jane Dorn"): then a "Miss Dorn" may be either."""
    forms = _surname_forms(doc, name, full_forms)
    return len({f.first for f in forms if f.first and not f.wife and f.gender == "f"}) >= 2


# A bare surname stands for the bearer whose given name comes with it this many times
# as often as any other given name of the same sex ("Gideon Ravenhill" beside one
# "Crispin Ravenhill"), and at least this often.
_OWNER_LEAD = 3
_OWNER_USES = 3


def surname_owner(
    doc: Document, name: _Name, full_forms: dict[str, list[_Name]], gender: str
) -> str | None:
    """For a bare surname ("Ravenhill") of sex ``gender``: the given name (lower case) of
    the one person the document mostly names with it, when several people of that sex
    carry it with a given name; else None (no choice to make, or no clear one)."""
    if name.first is not None or name.honorific or name.title or name.wife:
        return None
    return doc.once(
        ("surname owner", name.surname, gender),
        lambda: _owner(_surname_forms(doc, name, full_forms), gender),
    )


def _owner(forms: list[_Name], gender: str) -> str | None:
    counts: dict[str, int] = {}
    for f in forms:
        if f.first is not None and not f.wife and (gender == "x" or f.gender == gender):
            counts[f.first] = counts.get(f.first, 0) + 1
    if len(counts) < 2:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] >= _OWNER_USES and ranked[0] >= _OWNER_LEAD * ranked[1]:
        return max(counts, key=lambda k: counts[k])
    return None


# An indefinite article or a third person's possessive before a word, maybe with one
# lower-case word between: "an average |Christian", "her |Christian". Not "the": "the
# Ferryman" is a designation, "the unhappy Tamsin" a person; nor "my dear Ilse", a vocative.
_DETERMINER_BEFORE = regex.compile(
    r"(?<![\p{L}])(?i:a|an|his|her|their|its|every|no|some|any)[ \t\r\n]+"
    r"(?:\p{Ll}+[ \t\r\n]+)?$"
)
_WORD_USE_WINDOW = 30
# Of a given name's occurrences, this share after a determiner (and this many): a word.
WORD_USE_SHARE = 0.3
WORD_USE_MIN = 2


def word_use(doc: Document, word: str) -> bool:
    """Whether the document uses a capitalised word mostly as an adjective or a noun
    ("the average Christian", "her Christian name"), not as someone's name: after a
    determiner or a possessive in ``WORD_USE_SHARE`` of its occurrences."""
    return doc.once(("word use", word), lambda: _count_word_use(doc, word))


def _count_word_use(doc: Document, word: str) -> bool:
    n, found = _words_before(doc, word, _DETERMINER_BEFORE, _WORD_USE_WINDOW)
    return len(found) >= WORD_USE_MIN and len(found) >= WORD_USE_SHARE * n


def _words_before(
    doc: Document, word: str, pattern: regex.Pattern[str], window: int
) -> tuple[int, list[regex.Match[str]]]:
    """How many of ``word``'s first `_FORM_OCCURRENCES` occurrences there are, and the
    matches of ``pattern`` (anchored at its end) in the ``window`` characters before each."""
    text = doc.text
    starts = doc.occurrences(word, _FORM_OCCURRENCES)
    found = [m for s in starts if (m := pattern.search(text, max(0, s - window), s)) is not None]
    return len(starts), found


# "to |Washington", "in |Washington", "at |Washington": a place's prepositions, without
# "the" ("to the Rectory" is `_attribution.is_place`'s).
_PLACE_PREPOSITION = regex.compile(r"(?<![\p{L}])(?i:to|in|at|from|into|towards?)[ \t\r\n]+$")
_PLACE_PREPOSITION_WINDOW = 12
# Of a word's occurrences, this share after such a preposition (and this many, at
# least one after "in"): a place.
PLACE_USE_SHARE = 0.4
PLACE_USE_MIN = 4


def place_use(doc: Document, word: str) -> bool:
    """Whether the document writes a one-word name mostly after "to", "in", "at" …
    ("went to Washington", "settled in Washington"): a place. "to Anne", "at Anne" are
    a person, but in a smaller share of her name's occurrences, and never "in Anne"."""
    return doc.once(("place use", word), lambda: _count_place_use(doc, word))


def _count_place_use(doc: Document, word: str) -> bool:
    n, found = _words_before(doc, word, _PLACE_PREPOSITION, _PLACE_PREPOSITION_WINDOW)
    inside = any(m.group().lower().startswith("in") for m in found)
    return len(found) >= PLACE_USE_MIN and inside and len(found) >= PLACE_USE_SHARE * n


# A surname the document writes alone in this share of its occurrences (of its first
# 50) is how its bearer goes: a lone given name is rather another bearer's.
_SURNAME_CALLED = 2 / 3

C = TypeVar("C")


def given_name_fits(doc: Document, name: _Name, fits: list[C]) -> list[C]:
    """For a lone given name ("John") that several people bear ("John Quill", "John
    Tamworth"): those of them the text does not mostly call by the surname alone (the
    one it calls "Tamworth" is rarely its "John") nor by "Sir" and the given name ("Sir
    John"). ``fits`` are clusters or what owns them (with a ``cluster`` attribute)."""
    word = name.surname
    if (
        len(fits) < 2
        or name.first is not None
        or name.honorific
        or name.title
        or word not in lexicon().first_names
    ):
        return fits
    keep = []
    for f in fits:
        cluster = f if isinstance(f, _Cluster) else getattr(f, "cluster", None)
        if isinstance(cluster, _Cluster) and _knighted(cluster, word):
            continue
        best = cluster.best if isinstance(cluster, _Cluster) else None
        if best is None or best.first != word or not _goes_by_surname(doc, best):
            keep.append(f)
    return keep or fits


def _knighted(cluster: _Cluster, word: str) -> bool:
    """Whether the cluster is someone the text calls "Sir" and the given name ``word``
    ("Sir John"): a lone "John" is rather another John."""
    given_honorifics = _lexicon.word_list("given_honorifics.txt")
    return any(
        n.first is None and n.surname == word and n.honorific.lower() in given_honorifics
        for n in cluster.names
    )


def _goes_by_surname(doc: Document, name: _Name) -> bool:
    """Whether the text writes ``name``'s surname alone in `_SURNAME_CALLED` of its
    occurrences: its bearer goes by the surname ("Tamworth"), rarely by the given name."""
    forms = _forms_of(doc, name.name_words[-1])
    alone = sum(1 for g in forms if g.first is None and not g.honorific and not g.title)
    return bool(forms) and alone >= _SURNAME_CALLED * len(forms)


# Occurrences counted to tell which form of a name a document uses most.
_COUNTED = 2000
# A woman the narration calls by her given name this many times, and at least twice
# as often as "Mrs." and the surname, is not the "Mrs.": "Lottie" beside "Mrs. Harcourt".
_GIVEN_USE = 10


def _goes_by_given(doc: Document, name: _Name, forms: list[_Name]) -> bool:
    """Whether a woman of the surname goes by her given name far more often than the
    document says "Mrs." and the surname: then the "Mrs." is her mother."""
    surname = name.name_words[-1]
    # Once per honorific and surname in a document: every "Mrs. Dorn" of a long book
    # asks the same question.
    return doc.once(
        ("given", name.honorific, surname), lambda: _count_given(doc, name, forms, surname)
    )


def _count_given(doc: Document, name: _Name, forms: list[_Name], surname: str) -> bool:
    text = doc.text
    titled = 0
    for start in doc.occurrences(surname, _COUNTED):
        before = _TITLE_BEFORE.search(text, max(0, start - 12), start)
        titled += before is not None and before.group(1) == name.honorific
    for f in forms:
        if f.first is None or f.honorific or f.gender not in ("x", name.gender):
            continue
        given = len(doc.occurrences(f.name_words[0], _COUNTED))
        if given >= _GIVEN_USE and given >= 2 * titled:
            return True
    return False


def _surname_forms(doc: Document, name: _Name, seen: dict[str, list[_Name]]) -> list[_Name]:
    """The forms of ``name``'s surname, the same for every case of it met in one run."""
    forms = seen.get(name.surname)
    if forms is None:
        forms = seen[name.surname] = _forms_of(doc, name.name_words[-1])
    return forms


def _forms_of(doc: Document, surname: str) -> list[_Name]:
    """Every name mention in the document that ends with ``surname``."""
    known: list[_Name] | None = doc.name_forms.get(surname)
    if known is None:
        known = doc.name_forms[surname] = _find_forms(doc, surname)
    return list(known)


def _find_forms(doc: Document, surname: str, cap: int = _FORM_OCCURRENCES) -> list[_Name]:
    text = doc.text
    out: list[_Name] = []
    lex = lexicon()
    tails: dict[tuple[bool, str], _Tail | None] = doc.once(("name tails",), dict)
    for start in doc.occurrences(surname, cap):
        end = start + len(surname)
        lo = max(0, start - _NAME_WINDOW)
        found = _last_names(doc, lo, start, end, tails)
        if found is None:
            toks = tokenize(text, lo, end, lex.abbreviations)
            if lo > 0 and len(toks) > 1 and toks[0].start == lo and not text[lo - 1].isspace():
                toks = toks[1:]  # cut by the window
            found = name_mentions(text, toks, 0, len(toks), doc.common_word)
        if found and found[-1].end == end and found[-1].kind == "name":
            name = _Name(found[-1])
            # "Washington Post Hit Piece Exploits Trump": a Title Case headline, not a name.
            if len(name.name_words) <= _MAX_NAME_WORDS:
                out.append(name)
    return out


# How far back from a surname to start reading for the word no name crosses: a few
# words ("Health Minister Ana Ruiz").
_BACK_CHARS = 24


# The last mention read after a word no name crosses, from that word's end: start, end,
# text, kind. A document names its people in the same few ways again and again ("Prime
# Minister Ann Hill", "Ms Hill"): the same words after such a word are read once.
_Tail = tuple[int, int, str, MentionKind]


def _last_names(
    doc: Document, lo: int, start: int, end: int, tails: dict[tuple[bool, str], _Tail | None]
) -> list[Mention] | None:
    """The last mention that `name_mentions` finds in ``text[lo:end]`` after the last
    word before ``start`` that no name run can cross (a lower-case word other than a
    particle, a punctuation mark), in a list (empty when none): the same last mention as
    over the whole window, for the cost of tokenising a few words. None when no such
    word is near. ``tails`` remembers what was read after such a word, by whether that
    word opens a sentence (all that `name_mentions` asks of it) and the text after it."""
    text = doc.text
    lex = lexicon()
    # Tokenising may start right after any white space: no token spans white space,
    # and a period taken by an abbreviation is never after one.
    p = text.rfind(" ", lo, start - _BACK_CHARS) if start - _BACK_CHARS > lo else -1
    if p < lo:
        p = text.rfind(" ", lo, start)
        if p < lo:
            return None
    toks = doc.tokens_in(p + 1, end)
    if toks is None:
        toks = tokenize(text, p + 1, end, lex.abbreviations)
    for b in range(len(toks) - 2, -1, -1):
        t = toks[b]
        if (
            not _name_token(t, lex)
            and t.lower not in NAME_PARTICLES
            # "Mr. Poor Ruiz": a capitalised word after an honorific is in the name
            # (at the window's first token the word before is unread).
            and not (t.kind == WORD and t.upper and (b == 0 or surname_at(toks, b)))
        ):
            # The tokens after ``t`` are those of the text after it, whatever precedes.
            s = toks[b + 1].start
            key = (t.text in _SENTENCE_OPENERS, text[s:end])
            if key in tails:
                tail = tails[key]
                if tail is None:
                    return []
                return [Mention(s + tail[0], s + tail[1], tail[2], tail[3])]
            found = name_mentions(text, toks, b + 1, len(toks), doc.common_word)
            if not found:
                tails[key] = None
                return []
            m = found[-1]
            tails[key] = (m.start - s, m.end - s, m.text, m.kind)
            return [m]
    return None


# A capitalised word right after a given name: "Mabel| Varley".
# "O'Hara", "McBryde", "Grant-Menzies", "Varley's" are one word.
_NEXT_NAME = regex.compile(
    r"[ \t]+(\p{Lu}(?:['’]\p{Lu}[\p{Ll}\p{M}]+"
    r"|[\p{Ll}\p{M}]+(?:['’\-]?\p{Lu}[\p{Ll}\p{M}]+|['’\-][\p{Ll}\p{M}]+)?))"
)


def _surname_word(doc: Document, word: str) -> bool:
    """Whether a capitalised word after a given name can be (part of) a surname."""
    lex = lexicon()
    low = word.lower()
    return not (
        low in lex.not_names
        or low in lex.title_words
        or low in lex.first_names
        or doc.common_word(low)
    )


def fuller_form(doc: Document, name: _Name, cache: dict[str, _Name | None]) -> _Name | None:
    """The document's usual full form of a one-word name ("Mabel" -> "Mabel Varley",
    "Miss Varley" -> "Mabel Varley"): a form met at least twice, or with a known
    given name, that can denote the same person."""
    word = name.name_words[-1]
    key = f"{name.honorific}|{word}"
    if key in cache:
        return cache[key]
    lex = lexicon()
    forms = [f for f in _forms_of(doc, word) if f.first is not None]
    text = doc.text
    if word.lower() in lex.first_names or not doc.common_word(word.lower()):
        # "Mabel Varley": the given name followed by a surname.
        for start in doc.occurrences(word, _FORM_OCCURRENCES):
            m = _NEXT_NAME.match(text, start + len(word))
            if m is None:
                continue
            if not _surname_word(doc, m.group(1)):
                continue
            end = m.end()
            # A surname of two words: "Nadia Abdul Rahmani".
            m = _NEXT_NAME.match(text, end)
            if m is not None and _surname_word(doc, m.group(1)):
                end = m.end()
            s = start
            forms.append(_Name(Mention(s, end, text[s:end], "name")))
    counts: dict[str, int] = {}
    for f in forms:
        counts[f.canonical] = counts.get(f.canonical, 0) + 1
    low = word.lower()
    given = low in lex.first_names and not name.honorific
    fits = [
        f
        for f in forms
        if f.first is not None
        and (counts[f.canonical] > 1 or f.first in lex.first_names)
        and ((f.surname == low and not given) or (f.first == low and not name.honorific))
        and (name.gender == "x" or f.gender in ("x", name.gender))
        and not (name.honorific and f.honorific and name.honorific != f.honorific)
    ]
    if given and len({f.canonical for f in fits}) > 1:
        # "John" among "John Quill" and "John Tamworth": not the one the text calls
        # "Tamworth" (as `given_name_fits` reads a lone given name).
        fits = [f for f in fits if not _goes_by_surname(doc, f)] or fits
    # "Mrs. John Pennock" is John's wife, no fuller form of "Mrs. Pennock"; and a
    # married woman's given name is rarely the one her sisters-in-law go by.
    fits = [f for f in fits if not (f.honorific and f.first and _wife_form(f))]
    if name.honorific.lower().rstrip(".") in _MARRIED:
        fits = [f for f in fits if f.honorific == name.honorific]
    if name.honorific and len({f.canonical for f in fits}) > 1:
        fits = []  # "Miss Pennock" among "Selina Pennock" and "Judith Pennock"
    best = max(fits, key=lambda f: counts[f.canonical]) if fits else None
    cache[key] = best
    return best


_MARRIED = frozenset(["mrs", "madame", "mme", "frau", "signora", "senora"])
_UNMARRIED = frozenset(["miss", "mademoiselle", "mlle", "fraulein", "signorina", "senorita"])


def _rank(name: _Name) -> str:
    """The military rank of a name's title in lower case ("general" for "General
    Ashby", "lieutenant general"), else ""."""
    words = (name.title or "").lower().split()
    if words and words[-1] in _lexicon.word_list("military_ranks.txt"):
        return " ".join(words)
    return ""


def _mister(name: _Name) -> bool:
    return name.honorific.lower().rstrip(".") == "mr"


def _marital(name: _Name) -> str:
    """ "mrs" for a married woman's honorific, "miss" for an unmarried one's, else ""."""
    hon = name.honorific.lower().rstrip(".")
    if hon in _MARRIED:
        return "mrs"
    if hon in _UNMARRIED:
        return "miss"
    if hon == "lady" and name.first is None and name.surname not in lexicon().first_names:
        return "mrs"  # "Lady Ferrand" is a wife; "Lady Glenda" an earl's daughter
    return ""


def _wife_form(name: _Name) -> bool:
    """An honorific of one gender before a given name of the other ("Mrs. John
    Pennock"), or a married woman's honorific before a word no given name list has
    ("Mrs. Stanton Corbet": her husband's or her family's name, rarely her own)."""
    hon = gender_of(name.honorific)
    first = lexicon().first_names.get(name.first or "")
    if first is None and name.first is not None and _marital(name) == "mrs":
        return True
    return hon in ("m", "f") and first in ("m", "f") and hon != first
