"""The shipped lexicons: plain UTF-8 files in ``quoteattr/data/lexicon/``.

Each file has one entry a line, fields separated by a TAB; a line whose first
non-blank character is ``#`` is a comment and blank lines are ignored. Every
``parse_*`` function takes a path (so tests and users can parse their own
file) and raises `DataError` naming the file and line of a malformed entry;
the argument-less functions parse the shipped file once and cache the result
as read-only mappings and frozensets.

Files and their columns:

- ``cue_verbs.tsv``: lemma, past, third person, gerund, past participle,
  strength (strong|weak), domain (news|fiction|both)
- ``cue_phrases.tsv``: phrase, type (source_after|source_before|manner)
- ``nominals.tsv``: noun, plural, kind (person|organisation|document), gender (m|f|n|x)
- ``titles.tsv``: title, gender (m|f|x), type (honorific|role)
- ``first_names.tsv``: name, gender (m|f|x)
- ``pronouns.tsv``: pronoun, gender (m|f|n|x), number (sg|pl|x), person (1|2|3),
  case (comma-separated: nom, acc, gen, poss, refl)
- ``not_names.txt``: one word a line
- ``interjections.txt``: one word a line (also not names, except after an inverted cue)
- ``org_words.tsv``: word, kind (organisation|document)
- ``hypocorisms.tsv``: pet form, full forms (comma-separated)
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator, Mapping
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeVar, Union, cast

import attrs

from quoteattr._errors import DataError

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

Source = Union[Traversable, "os.PathLike[str]", str]
"""Where a parser reads from: a package resource, a path, or a path string."""

Strength = Literal["strong", "weak"]
Domain = Literal["news", "fiction", "both"]
PhraseType = Literal["source_after", "source_before", "manner"]
NominalKind = Literal["person", "organisation", "document"]
Gender = Literal["m", "f", "n", "x"]
NameGender = Literal["m", "f", "x"]
Number = Literal["sg", "pl", "x"]
TitleType = Literal["honorific", "role"]
OrgKind = Literal["organisation", "document"]

STRENGTHS: tuple[Strength, ...] = ("strong", "weak")
DOMAINS: tuple[Domain, ...] = ("news", "fiction", "both")
PHRASE_TYPES: tuple[PhraseType, ...] = ("source_after", "source_before", "manner")
NOMINAL_KINDS: tuple[NominalKind, ...] = ("person", "organisation", "document")
GENDERS: tuple[Gender, ...] = ("m", "f", "n", "x")
NAME_GENDERS: tuple[NameGender, ...] = ("m", "f", "x")
NUMBERS: tuple[Number, ...] = ("sg", "pl", "x")
TITLE_TYPES: tuple[TitleType, ...] = ("honorific", "role")
ORG_KINDS: tuple[OrgKind, ...] = ("organisation", "document")
CASES: tuple[str, ...] = ("nom", "acc", "gen", "poss", "refl")

_T = TypeVar("_T")
_S = TypeVar("_S", bound=str)


@attrs.frozen(slots=True)
class CueVerb:
    """A speech or attribution verb with its inflections.

    ``forms`` holds the lemma and every inflection, as written in the file
    (lowercase; a phrasal verb's forms keep their particle: "went on").
    """

    lemma: str
    past: str
    third_person: str
    gerund: str
    past_participle: str
    strength: Strength
    domain: Domain
    forms: frozenset[str]


@attrs.frozen(slots=True)
class Nominal:
    """A common-noun speaker head looked up by one of its forms.

    ``number`` is the number of the form it was looked up by: ``"sg"`` for the
    singular, ``"pl"`` for the plural, ``"x"`` when both are spelled alike
    ("police", "staff", "data").
    """

    noun: str
    plural: str
    kind: NominalKind
    gender: Gender
    number: Number


@attrs.frozen(slots=True)
class Title:
    """A title, honorific or role that stands before a name ("Mrs.", "Foreign Minister")."""

    title: str
    gender: NameGender
    type: TitleType


@attrs.frozen(slots=True)
class Pronoun:
    """A personal pronoun: gender, number, person and the cases it can fill."""

    pronoun: str
    gender: Gender
    number: Number
    person: int
    cases: frozenset[str]


# -- reading --------------------------------------------------------------------------


def _resource(name: str) -> Traversable:
    return files("quoteattr") / "data" / "lexicon" / name


def _label(source: Source) -> str:
    name = getattr(source, "name", None)
    return name if isinstance(name, str) and name else os.fspath(cast("os.PathLike[str]", source))


def _lines(source: Source) -> Iterator[tuple[int, str]]:
    """Numbered content lines: comments and blank lines skipped, line ends stripped."""
    label = _label(source)
    path: Traversable | Path = Path(source) if isinstance(source, (str, os.PathLike)) else source
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"{label}: lexicon file not found") from exc
    except UnicodeDecodeError as exc:
        raise DataError(f"{label}: not valid UTF-8 ({exc.reason})") from exc
    except OSError as exc:
        raise DataError(f"{label}: cannot be read ({exc})") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    # split on \n only: str.splitlines also breaks at \x1c, \x85, \u2028 ..., which
    # would make line numbers disagree with an editor's
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, line


def _rows(source: Source, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Numbered rows of exactly ``len(columns)`` non-empty, TAB-separated fields."""
    label = _label(source)
    for number, line in _lines(source):
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) != len(columns):
            raise DataError(
                f"{label}:{number}: expected {len(columns)} TAB-separated fields "
                f"({', '.join(columns)}), got {len(fields)}: {line!r}"
            )
        for column, field in zip(columns, fields, strict=True):
            if not field or field != field.strip() or "  " in field:
                raise DataError(
                    f"{label}:{number}: field {column!r} is empty or has stray spaces: {field!r}"
                )
        yield number, fields


def _choice(label: str, number: int, column: str, value: str, allowed: tuple[_S, ...]) -> _S:
    for option in allowed:
        if value == option:
            return option
    raise DataError(
        f"{label}:{number}: {column} must be one of {', '.join(allowed)}, got {value!r}"
    )


def _put(table: dict[str, _T], key: str, value: _T, label: str, number: int) -> None:
    """Add ``key``; a repeat must carry the same value (repeats are harmless, conflicts not)."""
    old = table.get(key)
    if old is not None and old != value:
        raise DataError(f"{label}:{number}: {key!r} listed again with a different value")
    table[key] = value


def _choices(
    source: Source, columns: tuple[str, str], allowed: tuple[_S, ...], lowercase: str = ""
) -> Mapping[str, _S]:
    """A two-column table: a key -> one of ``allowed``. With ``lowercase`` (what the keys
    are, for the message), a key must be lowercase."""
    label = _label(source)
    table: dict[str, _S] = {}
    for number, (key, value) in _rows(source, columns):
        if lowercase and key != key.lower():
            raise DataError(f"{label}:{number}: {lowercase} are lowercase, got {key!r}")
        _put(table, key, _choice(label, number, columns[1], value, allowed), label, number)
    return MappingProxyType(table)


# -- parsers (one per file, path given) ------------------------------------------------


def parse_cue_verbs(source: Source) -> tuple[CueVerb, ...]:
    """Parse a ``cue_verbs.tsv`` file."""
    label = _label(source)
    columns = ("lemma", "past", "third_person", "gerund", "past_participle", "strength", "domain")
    verbs: dict[str, CueVerb] = {}
    owner: dict[str, str] = {}
    for number, fields in _rows(source, columns):
        lemma, past, third, gerund, participle = fields[:5]
        forms = frozenset(fields[:5])
        for form in forms:
            if form != form.lower():
                raise DataError(f"{label}:{number}: verb forms are lowercase, got {form!r}")
        verb = CueVerb(
            lemma=lemma,
            past=past,
            third_person=third,
            gerund=gerund,
            past_participle=participle,
            strength=_choice(label, number, "strength", fields[5], STRENGTHS),
            domain=_choice(label, number, "domain", fields[6], DOMAINS),
            forms=forms,
        )
        _put(verbs, lemma, verb, label, number)
        for form in forms:
            if owner.setdefault(form, lemma) != lemma:
                raise DataError(
                    f"{label}:{number}: form {form!r} of {lemma!r} is also a form of "
                    f"{owner[form]!r}"
                )
    return tuple(verbs.values())


def parse_cue_phrases(source: Source) -> Mapping[str, PhraseType]:
    """Parse a ``cue_phrases.tsv`` file.

    A phrase with a straight apostrophe ("'s statement") is also entered with
    the typographic one (U+2019), as news text mostly has it.
    """
    label = _label(source)
    table: dict[str, PhraseType] = {}
    for number, (phrase, kind) in _rows(source, ("phrase", "type")):
        value = _choice(label, number, "type", kind, PHRASE_TYPES)
        _put(table, phrase, value, label, number)
        if "'" in phrase:
            _put(table, phrase.replace("'", "\u2019"), value, label, number)
    return MappingProxyType(table)


def parse_nominals(source: Source) -> Mapping[str, Nominal]:
    """Parse a ``nominals.tsv`` file; keys are the lowercase singular and plural."""
    label = _label(source)
    table: dict[str, Nominal] = {}
    for number, (noun, plural, kind, gender) in _rows(source, ("noun", "plural", "kind", "gender")):
        kind_ = _choice(label, number, "kind", kind, NOMINAL_KINDS)
        gender_ = _choice(label, number, "gender", gender, GENDERS)
        if noun.lower() == plural.lower():
            _put(table, noun.lower(), Nominal(noun, plural, kind_, gender_, "x"), label, number)
            continue
        _put(table, noun.lower(), Nominal(noun, plural, kind_, gender_, "sg"), label, number)
        _put(table, plural.lower(), Nominal(noun, plural, kind_, gender_, "pl"), label, number)
    return MappingProxyType(table)


def parse_titles(source: Source) -> Mapping[str, Title]:
    """Parse a ``titles.tsv`` file; keys are the exact title text."""
    label = _label(source)
    table: dict[str, Title] = {}
    for number, (title, gender, kind) in _rows(source, ("title", "gender", "type")):
        record = Title(
            title,
            _choice(label, number, "gender", gender, NAME_GENDERS),
            _choice(label, number, "type", kind, TITLE_TYPES),
        )
        _put(table, title, record, label, number)
    return MappingProxyType(table)


def parse_first_names(source: Source) -> Mapping[str, NameGender]:
    """Parse a ``first_names.tsv`` file: name -> gender (m, f or x)."""
    return _choices(source, ("name", "gender"), NAME_GENDERS)


def parse_pronouns(source: Source) -> Mapping[str, Pronoun]:
    """Parse a ``pronouns.tsv`` file; keys are lowercase ("i" for "I")."""
    label = _label(source)
    table: dict[str, Pronoun] = {}
    columns = ("pronoun", "gender", "number", "person", "case")
    for number, (word, gender, num, person, case) in _rows(source, columns):
        if word != word.lower():
            raise DataError(f"{label}:{number}: pronouns are lowercase, got {word!r}")
        if person not in ("1", "2", "3"):
            raise DataError(f"{label}:{number}: person must be 1, 2 or 3, got {person!r}")
        cases = case.split(",")
        for item in cases:
            _choice(label, number, "case", item, CASES)
        record = Pronoun(
            word,
            _choice(label, number, "gender", gender, GENDERS),
            _choice(label, number, "number", num, NUMBERS),
            int(person),
            frozenset(cases),
        )
        _put(table, word, record, label, number)
    return MappingProxyType(table)


def parse_not_names(source: Source) -> frozenset[str]:
    """Parse a ``not_names.txt`` file: one capitalised word a line."""
    label = _label(source)
    words: set[str] = set()
    for number, line in _lines(source):
        word = line.strip()
        if any(c.isspace() for c in word):
            raise DataError(f"{label}:{number}: one word a line, got {word!r}")
        words.add(word)
    return frozenset(words)


def parse_word_list(source: Source) -> frozenset[str]:
    """Parse a one-entry-a-line list of lower-case words or phrases (``reply_openers.txt``,
    ``continuation_cues.txt``, ...); white space inside a phrase is normalised ("went on")."""
    label = _label(source)
    entries: set[str] = set()
    for number, line in _lines(source):
        entry = " ".join(line.split())
        if entry != entry.lower():
            raise DataError(f"{label}:{number}: entries are lower case, got {entry!r}")
        entries.add(entry)
    return frozenset(entries)


def parse_org_words(source: Source) -> Mapping[str, OrgKind]:
    """Parse an ``org_words.tsv`` file: word -> organisation | document."""
    return _choices(source, ("word", "kind"), ORG_KINDS)


# -- the shipped lexicons, parsed once -------------------------------------------------


@functools.cache
def cue_verbs() -> tuple[CueVerb, ...]:
    """The shipped speech and attribution verbs."""
    return parse_cue_verbs(_resource("cue_verbs.tsv"))


@functools.cache
def cue_phrases() -> Mapping[str, PhraseType]:
    """The shipped multi-word cues: phrase -> source_after | source_before | manner."""
    return parse_cue_phrases(_resource("cue_phrases.tsv"))


@functools.cache
def nominals() -> Mapping[str, Nominal]:
    """The shipped nominal speaker heads, by lowercase singular and plural."""
    return parse_nominals(_resource("nominals.tsv"))


@functools.cache
def titles() -> Mapping[str, Title]:
    """The shipped titles, honorifics and roles, by exact text (see `find_title`)."""
    return parse_titles(_resource("titles.tsv"))


@functools.cache
def first_names() -> Mapping[str, NameGender]:
    """The shipped given names: name -> m | f | x."""
    return parse_first_names(_resource("first_names.tsv"))


@functools.cache
def pronouns() -> Mapping[str, Pronoun]:
    """The shipped personal pronouns, by lowercase form ("i" for "I")."""
    return parse_pronouns(_resource("pronouns.tsv"))


@functools.cache
def not_names() -> frozenset[str]:
    """Capitalised words that start a sentence or clause but are never person names
    (`interjections` included)."""
    return parse_not_names(_resource("not_names.txt")) | interjections()


@functools.cache
def interjections() -> frozenset[str]:
    """Interjections and discourse words ("Oh", "Bah", "Well"): not names, except as
    the speaker right after an inverted cue ("said Ho.")."""
    return parse_not_names(_resource("interjections.txt"))


@functools.cache
def org_words() -> Mapping[str, OrgKind]:
    """Words that make a capitalised sequence an organisation or a document."""
    return parse_org_words(_resource("org_words.tsv"))


@functools.cache
def cue_verb_forms() -> Mapping[str, CueVerb]:
    """Every inflected form of every shipped cue verb (lowercase) -> its verb."""
    return MappingProxyType({form: verb for verb in cue_verbs() for form in verb.forms})


@functools.cache
def _titles_folded() -> Mapping[str, Title]:
    folded: dict[str, Title] = {}
    for text, record in titles().items():
        folded.setdefault(text.casefold(), record)
    return MappingProxyType(folded)


def find_title(text: str) -> Title | None:
    """The title spelled ``text``: exact match first, then ignoring case ("foreign minister")."""
    record = titles().get(text)
    return record if record is not None else _titles_folded().get(text.casefold())


@functools.cache
def title_cues() -> frozenset[str]:
    """Words that introduce a quoted name or term, not speech ("so-called", "titled")."""
    return parse_not_names(_resource("title_cues.txt"))


# -- reported speech (issue 4): ``indirect_cues.tsv`` and ``indirect_adjuncts.tsv`` ----------

Frame = Literal["clause", "addressee", "object", "evidential"]
FRAMES: tuple[Frame, ...] = ("clause", "addressee", "object", "evidential")
AdjunctClass = Literal["time", "adjunct"]
ADJUNCT_CLASSES: tuple[AdjunctClass, ...] = ("time", "adjunct")


@attrs.frozen(slots=True)
class IndirectCue:
    """A verb that reports a statement without quotation marks, with its inflections.

    ``frame`` tells where the reported content stands: ``"clause"`` (X said (that)
    CLAUSE, or CLAUSE, X said), ``"addressee"`` (X told Y (that) CLAUSE),
    ``"object"`` (X cited CONTENT; never after the content) or ``"evidential"``
    (X seems to …: the whole clause is an appraisal with no named source).
    """

    lemma: str
    gerund: str
    frame: Frame
    forms: frozenset[str]


def parse_indirect_cues(source: Source) -> tuple[IndirectCue, ...]:
    """Parse an ``indirect_cues.tsv`` file: lemma, past, third person, gerund,
    past participle, frame (clause|addressee|object|evidential)."""
    label = _label(source)
    columns = ("lemma", "past", "third_person", "gerund", "past_participle", "frame")
    cues: dict[str, IndirectCue] = {}
    owner: dict[str, str] = {}
    for number, fields in _rows(source, columns):
        forms = frozenset(fields[:5])
        for form in forms:
            if form != form.lower():
                raise DataError(f"{label}:{number}: verb forms are lowercase, got {form!r}")
            if owner.setdefault(form, fields[0]) != fields[0]:
                raise DataError(
                    f"{label}:{number}: form {form!r} of {fields[0]!r} is also a form of "
                    f"{owner[form]!r}"
                )
        cue = IndirectCue(
            fields[0], fields[3], _choice(label, number, "frame", fields[5], FRAMES), forms
        )
        _put(cues, fields[0], cue, label, number)
    return tuple(cues.values())


def parse_indirect_adjuncts(source: Source) -> Mapping[str, AdjunctClass]:
    """Parse an ``indirect_adjuncts.tsv`` file: lowercase word -> time | adjunct."""
    return _choices(source, ("word", "class"), ADJUNCT_CLASSES, "words")


@functools.cache
def indirect_cues() -> tuple[IndirectCue, ...]:
    """The shipped reporting verbs for reported speech without quotation marks."""
    return parse_indirect_cues(_resource("indirect_cues.tsv"))


@functools.cache
def indirect_adjuncts() -> Mapping[str, AdjunctClass]:
    """The shipped words that may separate a reporting verb from its content."""
    return parse_indirect_adjuncts(_resource("indirect_adjuncts.tsv"))


Sex = Literal["m", "f"]
SEXES: tuple[Sex, ...] = ("m", "f")


def parse_address_terms(source: Source) -> Mapping[str, Sex]:
    """Parse an ``address_terms.tsv`` file: lowercase form of address -> m | f."""
    return _choices(source, ("term", "gender"), SEXES, "terms")


@functools.cache
def address_terms() -> Mapping[str, Sex]:
    """The shipped forms of address ("sir", "madam", "my boy") and the sex of the one
    they address."""
    return parse_address_terms(_resource("address_terms.tsv"))


def parse_spouse_terms(source: Source) -> Mapping[str, Sex]:
    """Parse a ``spouse_terms.tsv`` file: lowercase word for a spouse -> the sex (m | f)
    of one who says "my" before it."""
    return _choices(source, ("term", "gender"), SEXES, "terms")


@functools.cache
def spouse_terms() -> Mapping[str, Sex]:
    """The shipped words for a spouse ("husband", "wife") and the sex of one who says
    "my husband" or "my wife"."""
    return parse_spouse_terms(_resource("spouse_terms.tsv"))


def parse_post_titles(source: Source) -> Mapping[str, Sex]:
    """Parse a ``post_titles.tsv`` file: an honorific that follows a name -> m | f."""
    return _choices(source, ("honorific", "gender"), SEXES)


@functools.cache
def post_titles() -> Mapping[str, Sex]:
    """The shipped honorifics that follow a name ("Ayesha Begum", "John Smith, Esq.")."""
    return parse_post_titles(_resource("post_titles.tsv"))


def parse_kin_terms(source: Source) -> Mapping[str, tuple[str, ...]]:
    """Parse a ``kin_terms.tsv`` file: lowercase kin noun -> the honorifics, comma-separated,
    that the relative's name takes ("mother" -> "Mrs.", "Lady", ...)."""
    label = _label(source)
    table: dict[str, tuple[str, ...]] = {}
    for number, (noun, honorifics) in _rows(source, ("noun", "honorifics")):
        if noun != noun.lower():
            raise DataError(f"{label}:{number}: kin nouns are lowercase, got {noun!r}")
        items = tuple(h.strip() for h in honorifics.split(","))
        if not all(items):
            raise DataError(f"{label}:{number}: an empty honorific in {honorifics!r}")
        _put(table, noun, items, label, number)
    return MappingProxyType(table)


@functools.cache
def kin_terms() -> Mapping[str, tuple[str, ...]]:
    """The shipped kin nouns ("mother", "uncle") and the honorifics their names take."""
    return parse_kin_terms(_resource("kin_terms.tsv"))


def parse_hypocorisms(source: Source) -> Mapping[str, tuple[str, ...]]:
    """Parse a ``hypocorisms.tsv`` file: pet form -> its full forms, comma-separated,
    read both ways: each form, in lower case, maps to the forms it may stand for
    ("harry" -> "henry", "henry" -> "harry")."""
    label = _label(source)
    table: dict[str, list[str]] = {}
    for number, (pet, full) in _rows(source, ("pet form", "full forms")):
        forms = [f.strip() for f in full.split(",")]
        if not all(forms):
            raise DataError(f"{label}:{number}: an empty full form in {full!r}")
        pet = pet.lower()
        for form in forms:
            form = form.lower()
            if form == pet:
                raise DataError(f"{label}:{number}: {pet!r} is its own full form")
            for a, b in ((pet, form), (form, pet)):
                others = table.setdefault(a, [])
                if b not in others:
                    others.append(b)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


@functools.cache
def hypocorisms() -> Mapping[str, tuple[str, ...]]:
    """The shipped pet forms of given names ("Harry" for "Henry"), both ways, lowercase."""
    return parse_hypocorisms(_resource("hypocorisms.tsv"))


WORD_LISTS = (
    "arrival_nouns.txt",
    "continuation_cues.txt",
    "cue_manners.txt",
    "finite_verbs.txt",
    "given_honorifics.txt",
    "hearing_verbs.txt",
    "indirect_addressee_verbs.txt",
    "indirect_compound_heads.txt",
    "indirect_empty_contents.txt",
    "indirect_leaving_gerunds.txt",
    "indirect_media.txt",
    "indirect_oath_sources.txt",
    "indirect_perception_cues.txt",
    "indirect_show_modifiers.txt",
    "indirect_sources.txt",
    "indirect_unsaid_cues.txt",
    "label_nouns.txt",
    "military_ranks.txt",
    "naming_words.txt",
    "person_abbreviations.txt",
    "quoting_verbs.txt",
    "rank_nouns.txt",
    "reply_openers.txt",
    "role_nouns.txt",
    "speech_nouns.txt",
    "term_nouns.txt",
    "thought_cues.txt",
    "titled_heads.txt",
    "unnamed_speakers.txt",
    "unsaid_words.txt",
    "uttered_verbs.txt",
    "voice_nouns.txt",
    "work_nouns.txt",
    "writing_verbs.txt",
    "written_cues.txt",
)
"""The shipped one-entry-a-line lists that `word_list` reads."""


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The shipped word list ``name`` (one of `WORD_LISTS`), parsed by `parse_word_list`."""
    if name not in WORD_LISTS:
        raise ValueError(f"no shipped word list {name!r}")
    return parse_word_list(_resource(name))
