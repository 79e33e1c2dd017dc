"""Speaker mentions: noun phrases next to a cue, found without a model.

A mention is read off the tokens around a cue: a proper name with its titles
("Health Minister Ana Ruiz"), a pronoun ("she"), a nominal from the
lexicon ("a spokeswoman for the ministry", "officials") or an organisation
("the State Department"). Word classes come from the data files in
`data/lexicon/`; nothing here names a particular person.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from quoteattr import _lexicon
from quoteattr._cues import surname_at
from quoteattr._models import Mention, MentionKind
from quoteattr._sentences import _read_abbreviations
from quoteattr._tokens import NUMBER, PUNCT, WORD, Token, index_at

DETERMINERS = frozenset(
    "a an the this that these those his her their its our my your some several many "
    "two three four five six seven eight nine ten dozens hundreds another one other "
    "both all each every most".split()
)
# Words between a subject and its cue: "X has also said", "X later told".
SKIPPABLE = frozenset(
    "has have had also later then once further again repeatedly often reportedly "
    "recently previously initially earlier now would will did does do was were is "
    "had already just still even first finally never not has been simply quickly "
    "openly publicly privately flatly angrily calmly softly quietly gently".split()
)
# Lowercase words allowed inside a proper name ("Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    "de da di du del della der den des dos das los las van von la le al bin ibn y".split()
)
# Prepositions that attach a nominal to its organisation ("a spokesman for the ministry").
ATTACHING = frozenset(["for", "of", "at", "from", "with", "in"])
MAX_NP = 10
# Words that end a noun phrase read forwards ("the man who", "a girl in the garden").
STOPS = frozenset(
    "who whom whose which that and or but as in on at to with by for from into of "
    "upon over under after before while when if than".split()
)


class Lexicon:
    """The lexicon data mention finding needs, as lowercase lookups."""

    __slots__ = (
        "abbreviations",
        "first_names",
        "honorifics",
        "interjections",
        "nominals",
        "not_names",
        "org_words",
        "pronouns",
        "subjects",
        "title_gender",
        "title_words",
        "titles",
    )

    def __init__(self) -> None:
        self.pronouns = {p: v.gender + v.number for p, v in _lexicon.pronouns().items()}
        # Only a subject form can be a speaker: "he said", never "his said".
        self.subjects = frozenset(p for p, v in _lexicon.pronouns().items() if "nom" in v.cases)
        self.nominals = {k.lower(): v for k, v in _lexicon.nominals().items()}
        titles = _lexicon.titles()
        self.titles = frozenset(t.lower() for t in titles)
        # Only the capitalised words of a title ("Secretary of the Treasury": not "of", "the").
        self.title_words = frozenset(
            w.lower() for t in titles for w in t.split() if w[:1].isupper()
        )
        self.title_gender = {t.lower(): v.gender for t, v in titles.items()}
        self.honorifics = frozenset(t.lower() for t, v in titles.items() if v.type == "honorific")
        self.first_names = {k.lower(): v for k, v in _lexicon.first_names().items()}
        self.not_names = frozenset(w.lower() for w in _lexicon.not_names())
        self.interjections = frozenset(w.lower() for w in _lexicon.interjections())
        self.org_words = {k.lower(): v for k, v in _lexicon.org_words().items()}
        self.abbreviations = frozenset(
            t for t in self.titles | self.title_words if t.endswith(".")
        ) | frozenset(a + "." for a in _read_abbreviations()[0])


@cache
def lexicon() -> Lexicon:
    """The shared, read-only lexicon (loaded once per process)."""
    return Lexicon()


_ROMAN = frozenset("ivxlcdm")


def _capitalised(t: Token, lex: Lexicon) -> bool:
    return (
        t.upper
        and t.lower not in lex.not_names
        and t.lower not in DETERMINERS
        # "VIII" heads a chapter, it names nobody.
        and not (len(t.text) > 1 and t.text.isupper() and set(t.lower) <= _ROMAN)
    )


def possessive(t: Token) -> bool:
    """ "Dulcie's", "Jones’s": a name used as a modifier, not as a speaker."""
    return t.lower.endswith(("'s", "’s"))


def _name_token(t: Token, lex: Lexicon) -> bool:
    """Capitalised word, title or initial that can be part of a proper-name sequence."""
    return t.kind == WORD and (_capitalised(t, lex) or t.lower in lex.title_words) and t.upper


def classify(tokens: Sequence[Token], lex: Lexicon) -> MentionKind:
    """Kind of the mention made of ``tokens``."""
    if len(tokens) == 1 and tokens[0].lower in lex.pronouns:
        return "pronoun"
    head = tokens[-1].lower
    if head in lex.org_words:
        return "organisation"
    nominal = lex.nominals.get(head)
    if nominal is not None:
        return "organisation" if nominal.kind in ("organisation", "document") else "nominal"
    if described_name(tokens):
        return "nominal"
    if any(t.upper and t.lower not in lex.title_words for t in tokens):
        return "name"
    return "nominal"


# Determiners right before which a capitalised word is a kind of person, not a name:
# "a Christian", "every Texan", "one Parisian". Not "the" ("the Heron" is a character)
# nor modifiers between: news gives names adjectives ("a teary-eyed Smith").
_DESCRIBING = frozenset("a an another every each one".split())


# Adjectives that say how typical a member of a kind is: they never modify a person's
# name, so "the average Christian" is a description ("a teary-eyed Smith" is a name).
_TYPICAL = frozenset("average typical ordinary devout practising practicing".split())


def described_name(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` are an indefinite determiner and one capitalised word, or a
    determiner, a typicality adjective and one: an adjective of religion, nationality
    or origin used as a noun ("a Christian", "every Texan", "the average Christian"),
    a description, not a name."""
    head = tokens[-1]
    if len(tokens) == 3:
        return (
            tokens[0].lower in DETERMINERS
            and tokens[1].lower in _TYPICAL
            and head.kind == WORD
            and head.upper
        )
    return len(tokens) == 2 and tokens[0].lower in _DESCRIBING and head.kind == WORD and head.upper


def make(text: str, tokens: Sequence[Token], lex: Lexicon) -> Mention:
    """The mention spanning ``tokens`` (first to last)."""
    s, e = tokens[0].start, tokens[-1].end
    return Mention(s, e, text[s:e], classify(tokens, lex))


# Particles in a row inside a name: "van der", "de la", "de los".
MAX_PARTICLES = 2


def _after_particles(tokens: Sequence[Token], k: int, hi: int, lex: Lexicon) -> int:
    """Index of the name word after the particles starting at ``tokens[k]`` ("van der
    Hoek" -> "Hoek"), or -1 when no particle or no name word follows."""
    m = k
    while m < hi and m - k < MAX_PARTICLES and tokens[m].lower in NAME_PARTICLES:
        m += 1
    if m == k or m >= hi or not _name_token(tokens[m], lex):
        return -1
    return m


def _before_particles(tokens: Sequence[Token], k: int, lo: int, lex: Lexicon) -> int:
    """Index of the name word before the particles ending at ``tokens[k]``, or -1."""
    m = k
    while m >= lo and k - m < MAX_PARTICLES and tokens[m].lower in NAME_PARTICLES:
        m -= 1
    if m == k or m < lo or not _name_token(tokens[m], lex):
        return -1
    return m


def _name_run_back(tokens: Sequence[Token], j: int, lo: int, lex: Lexicon) -> int:
    """First index of the name run ending at ``j`` ("U.S. Secretary of State Jane Hill")."""
    a = j
    while a - 1 >= lo:
        t = tokens[a - 1]
        if _name_token(t, lex) or _titled_weekday(tokens, a - 1, lo, lex):
            a -= 1
        elif t.lower == "of" and a - 2 >= lo and _name_token(tokens[a - 2], lex):
            a -= 2
        elif (m := _before_particles(tokens, a - 1, lo, lex)) >= 0:
            a = m
        else:
            break
    # A sentence-initial word such as "However" is not part of the name.
    while a < j and tokens[a].lower in lex.not_names and not _titled_weekday(tokens, a, lo, lex):
        a += 1
    return a


# The days of the week, shared with the indirect reader's time phrases.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _titled_weekday(tokens: Sequence[Token], k: int, lo: int, lex: Lexicon) -> bool:
    """``tokens[k]`` is a capitalised weekday between "the" and a capitalised word that is
    no given name or title: the first word of a title ("the Sunday Ledger"), not a day
    ("on the Sunday Tom came")."""
    if k - 1 < lo or k + 1 >= len(tokens):
        return False
    t, nxt = tokens[k], tokens[k + 1]
    return (
        t.lower in WEEKDAYS
        and t.upper
        and tokens[k - 1].lower == "the"
        and nxt.kind == WORD
        and _capitalised(nxt, lex)
        and nxt.lower not in lex.first_names
        and nxt.lower not in lex.title_words
    )


def _head_ok(t: Token, lex: Lexicon) -> bool:
    # A determiner heads nothing, even one a title spells ("The Hague", "The Honourable").
    return (
        t.kind == WORD
        and t.lower not in DETERMINERS
        and (
            t.lower in lex.subjects
            or t.lower in lex.nominals
            or t.lower in lex.org_words
            or (t.lower in lex.title_words and t.lower not in NAME_PARTICLES and t.lower != "of")
            or _capitalised(t, lex)
        )
    )


def np_ending_at(text: str, tokens: Sequence[Token], j: int, lo: int) -> Mention | None:
    """The noun phrase whose last token is ``tokens[j]`` (not reaching before ``lo``)."""
    lex = lexicon()
    if j < lo:
        return None
    head = tokens[j]
    if (
        head.lower in COUNTS
        and j - 2 >= lo
        and tokens[j - 1].lower == "of"
        and tokens[j - 2].lower in lex.nominals
    ):
        # "the 34-year-old mother of three": the count belongs to the nominal before it.
        inner = np_ending_at(text, tokens, j - 2, lo)
        if inner is not None and inner.kind == "nominal":
            return Mention(inner.start, head.end, text[inner.start : head.end], inner.kind)
    if indefinite_subject(tokens, j, lo):
        return Mention(head.start, head.end, head.text, "nominal")
    if month_name(tokens, j, lo, j + 2 if j + 1 < len(tokens) else j + 1):
        a = _name_run_back(tokens, j, lo, lex)
        return _trim_name(text, tokens, a, j, lex)  # "May said", "Theresa May said"
    if not _head_ok(head, lex) and not surname_at(tokens, j):
        # "the announcer said": any noun right after a determiner.
        if not (
            head.kind == WORD
            and not head.upper
            and head.lower not in STOPS
            and head.lower not in SKIPPABLE
            and head.lower not in lex.pronouns
            and j - 1 >= lo
            and tokens[j - 1].lower in DETERMINERS
        ):
            return None
        a = j - 1
    elif head.lower in lex.subjects:
        return make(text, tokens[j : j + 1], lex)
    else:
        a = _name_run_back(tokens, j, lo, lex) if head.upper else j
        if head.upper and classify(tokens[a : j + 1], lex) == "name":
            if a == j:
                for d in (a - 1, a - 2):  # "a Christian said", "the average Christian"
                    if d >= lo and described_name(tokens[d : j + 1]):
                        return make(text, tokens[d : j + 1], lex)
            # A person's name takes no modifiers: "that very letter Piero" is "Piero".
            return _trim_name(text, tokens, a, j, lex)
        a = _modifiers_back(tokens, a, j, lo, lex)
    # "a spokesman for the ministry": reach over one attaching preposition.
    if a - 2 >= lo and tokens[a - 1].lower in ATTACHING:
        inner = np_ending_at(text, tokens, a - 2, lo)
        if (
            inner is not None
            and inner.kind in ("nominal", "name")
            and (tokens[a - 2].lower in lex.nominals or tokens[a - 2].lower in lex.title_words)
        ):
            s = inner.start
            return Mention(s, head.end, text[s : head.end], inner.kind)
    while (
        a < j
        and tokens[a].kind == WORD
        and tokens[a].lower in lex.not_names
        and tokens[a].lower not in DETERMINERS
    ):
        a += 1
    return make(text, tokens[a : j + 1], lex)


def _modifiers_back(tokens: Sequence[Token], a: int, j: int, lo: int, lex: Lexicon) -> int:
    """Lowercase modifiers are kept only when a determiner closes the phrase:
    "a senior administration official", not "reporters on Tuesday officials"."""
    k = a
    while k - 1 >= lo and j - k < MAX_NP:
        t = tokens[k - 1]
        if t.kind == NUMBER or t.text in _COMPOUND_MARKS:
            k -= 1  # "the 34-year-old mother", "9/11 widow"
            continue
        if t.kind != WORD:
            break
        if t.lower in _RELATIVE_WORDS and not _finite_after(tokens, k):
            # "a state which Democrats say": the relative's own subject, not "a state";
            # "an aide who spoke …" is one phrase
            break
        if t.lower in DETERMINERS:
            if (
                t.lower == "that"
                and plural_noun(tokens[j], lex)
                and not any(tokens[m].lower in STOPS for m in range(k, j))
            ):
                # "signs that people said …": a singular "that" before a plural noun is a
                # conjunction or relative, not its determiner (a coordination after it
                # keeps the old reading).
                return k
            return k - 1
        if t.lower in lex.pronouns or t.lower in SKIPPABLE or t.lower in ATTACHING:
            break
        k -= 1
        if t.upper and _capitalised(t, lex):
            a = k  # "Mexican officials", "White House spokesman"
    return a


def plural_noun(t: Token, lex: Lexicon) -> bool:
    """``t`` is the plural form of a nominal head ("people", "economists")."""
    nominal = lex.nominals.get(t.lower)
    return nominal is not None and nominal.number == "pl"


# Relative pronouns: never a modifier of the noun after them.
_RELATIVE_WORDS = frozenset(["which", "who", "whom", "whose"])


def _finite_after(tokens: Sequence[Token], k: int) -> bool:
    """``tokens[k]`` is a finite verb (`finite_verbs.txt` or a past in -ed): the relative
    before it is its subject."""
    w = tokens[k].lower
    return w in _lexicon.word_list("finite_verbs.txt") or (w.endswith("ed") and len(w) > 4)


# Nouns for a voice: "the voice of X" is X speaking.
VOICES = frozenset(["voice", "voices"])
# "in a low voice", "with a sigh", "in her quiet way": a manner after the speaker,
# never an affiliation ("a spokesman for the ministry", "the girl in the garden").
MANNER_PREPOSITIONS = frozenset(["in", "with"])
MANNER_OPENERS = frozenset(["a", "an", "his", "her", "their", "its", "my", "your", "our"])

# Number words that count the children of "a mother of three".
COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
# Punctuation inside a compound modifier: "34-year-old", "9/11".
_COMPOUND_MARKS = frozenset(["-", "/"])


def _trim_name(text: str, tokens: Sequence[Token], a: int, j: int, lex: Lexicon) -> Mention:
    while a < j and tokens[a].lower in lex.not_names and not _titled_weekday(tokens, a, 0, lex):
        a += 1
    return make(text, tokens[a : j + 1], lex)


def subject_before(text: str, tokens: Sequence[Token], i: int, lo: int) -> Mention | None:
    """The subject of the cue at ``tokens[i]``: the phrase just before it.

    Skips auxiliaries and adverbs ("X has also said") and an apposition
    ("Smith, the mayor, said" gives "Smith").
    """
    j = _skip_back(tokens, i - 1, lo)
    if j < lo:
        return None
    if tokens[j].kind == PUNCT and tokens[j].text == ",":
        relative = _before_relative_clause(text, tokens, j, lo)
        if relative is not None:
            return relative
        # Apposition: ", the mayor," — the name before the first comma is the subject.
        k = _back_to_comma(tokens, j - 1, j, lo)
        if k is None or k < lo or tokens[k].text != ",":
            return None
        appos = np_ending_at(text, tokens, j - 1, k + 1)
        name = np_ending_at(text, tokens, _skip_back(tokens, k - 1, lo), lo)
        if name is not None and name.kind in ("name", "organisation", "pronoun"):
            if appos is not None and appos.kind in ("name", "organisation") and j - k <= 4:
                # "Hale, the mayor of Springfield, Ill., said": a place's state or country
                # after a place in the apposition; the subject is the name before it.
                outer = _placed_apposition(text, tokens, index_at(tokens, name.start), lo)
                if outer is not None:
                    return outer
            return name
        if appos is None and j - k == 2 and tokens[j - 1].kind == NUMBER:
            return name  # "Mr. King, 82, told": a surname spelled like a title, an age
        return appos
    found = np_ending_at(text, tokens, j, lo)
    if found is None and j == i - 1 and _interjection_name(tokens, j, i, lo):
        t = tokens[j]
        return Mention(t.start, t.end, t.text, "name")
    if found is not None and found.kind == "nominal":
        # "Trump at the time said", "Smith on Tuesday told": a time phrase, not the subject.
        a = index_at(tokens, found.start)
        if a - 1 > lo and tokens[a - 1].lower in TIME_PREPOSITIONS:
            earlier = subject_before(text, tokens, a - 1, lo)
            if earlier is not None and earlier.kind != "nominal":
                return earlier
    return found


def _interjection_name(tokens: Sequence[Token], j: int, i: int, lo: int) -> bool:
    """``tokens[j]``, a capitalised word of `interjections.txt` that opens its clause right
    before the past or third-person form of a cue verb at ``tokens[i]``, is a name: "“Q,”
    Ho said", "Ho asked, “Q”" (an interjection is never a verb's subject). Not "Well
    said" (an idiom of praise), nor a base form ("Please say", "Come, tell me")."""
    t = tokens[j]
    if not t.upper or t.lower not in lexicon().interjections or t.lower == "well":
        return False
    if j > lo and tokens[j - 1].kind != PUNCT:
        return False
    verb = _lexicon.cue_verb_forms().get(tokens[i].lower)
    return verb is not None and tokens[i].lower in (verb.past, verb.third_person)


def _placed_apposition(text: str, tokens: Sequence[Token], a: int, lo: int) -> Mention | None:
    """The name before an apposition whose place name starts at ``tokens[a]`` ("Hale, the
    mayor of Springfield"), or the description itself when it opens the clause ("the
    mayor of Springfield"); None when the place is in no such prepositional phrase."""
    if a - 1 <= lo or tokens[a - 1].lower not in _PLACE_PREPOSITIONS:
        return None
    k = _back_to_comma(tokens, a - 2, a, lo)
    if k is None:
        return None
    if k < lo or tokens[k].text != ",":
        # "the mayor of Springfield, Ill., said": the description is the subject.
        head = np_ending_at(text, tokens, a - 2, k + 1)
        if head is not None and head.kind == "nominal" and index_at(tokens, head.start) == k + 1:
            return head
        return None
    if k <= lo:
        return None
    name = np_ending_at(text, tokens, _skip_back(tokens, k - 1, lo), lo)
    if name is not None and name.kind in ("name", "pronoun"):
        return name
    return None


_PLACE_PREPOSITIONS = frozenset(["of", "in", "from", "at"])


def _back_to_comma(tokens: Sequence[Token], k: int, start: int, lo: int) -> int | None:
    """From ``tokens[k]`` back over words (and . - ’ ') to the nearest comma within
    MAX_NP tokens of ``start``: its index, or the index where the walk stopped (below
    ``lo``, or out of reach); None at any other punctuation."""
    while k >= lo and start - k <= MAX_NP and tokens[k].text != ",":
        if tokens[k].kind == PUNCT and tokens[k].text not in ".-’'":
            return None
        k -= 1
    return k


# Indefinite pronouns that can be a statement's subject on their own.
INDEFINITES = frozenset("another several some many most others both few".split())


def indefinite_subject(tokens: Sequence[Token], k: int, lo: int) -> bool:
    """ "Several said …", "Another tweeted, …": an indefinite pronoun opening its clause
    is a subject on its own, not the determiner of the word after it."""
    return tokens[k].lower in INDEFINITES and (k == lo or tokens[k - 1].kind == PUNCT)


# How far back a relative clause between a subject and its verb may reach.
MAX_RELATIVE = 40


def _before_relative_clause(text: str, tokens: Sequence[Token], j: int, lo: int) -> Mention | None:
    """ "Ruiz, who says the plan will fail, told …": the phrase before the relative clause
    that ends with the comma at ``tokens[j]`` is the subject of the verb after it."""
    k = j - 1
    while k >= lo and j - k <= MAX_RELATIVE:
        t = tokens[k]
        if t.text == ",":
            break
        if t.kind == PUNCT and t.text in '.;:!?“”"':
            return None
        k -= 1
    if k - 1 < lo or tokens[k].text != "," or tokens[k + 1].lower not in _RELATIVE_OPENERS:
        return None
    found = np_ending_at(text, tokens, _skip_back(tokens, k - 1, lo), lo)
    if found is None or found.kind not in ("name", "organisation", "nominal"):
        return None
    return found


_RELATIVE_OPENERS = frozenset(["who", "whose", "which"])


# Prepositions that open a time or place phrase between a subject and its verb.
TIME_PREPOSITIONS = frozenset(["at", "on", "in", "during", "after", "before", "since", "over"])


def _adverb(t: Token) -> bool:
    """A lower-case word in -ly between a subject and its verb ("Ruiz has increasingly
    decried"); not "only", "early" or a word like "family" or "ally"."""
    w = t.lower
    return (
        t.kind == WORD and not t.upper and len(w) > 5 and w.endswith("ly") and w not in _NOT_ADVERBS
    )


_NOT_ADVERBS = frozenset("family assembly supply anomaly monopoly rally reply ally".split())


def _skip_back(tokens: Sequence[Token], j: int, lo: int) -> int:
    """Step back over adverbs, auxiliaries and a parenthesis: "Moore (D-Wis.) has said"."""
    while j >= lo and (tokens[j].lower in SKIPPABLE or _adverb(tokens[j])):
        j -= 1
    if j >= lo and tokens[j].text == ")":
        k = j - 1
        while k >= lo and j - k <= 8 and tokens[k].text != "(":
            k -= 1
        if k >= lo and tokens[k].text == "(":
            j = k - 1
    return j


def np_starting_at(text: str, tokens: Sequence[Token], i: int, hi: int) -> Mention | None:
    """The noun phrase that starts at ``tokens[i]`` (inverted "said the mayor")."""
    lex = lexicon()
    if i + 2 < hi and tokens[i].kind == NUMBER and tokens[i + 1].text in _COMPOUND_MARKS:
        # "said 9/11 widow Terry Ruiz": a compound with a number modifies the phrase after it.
        k = i + 2
        if tokens[k].kind == NUMBER and k + 1 < hi:
            k += 1
        found = np_starting_at(text, tokens, k, hi) if tokens[k].kind == WORD else None
        if found is None or found.kind not in ("nominal", "name"):
            return None
        s = tokens[i].start
        return Mention(s, found.end, text[s : found.end], found.kind)
    if i >= hi or tokens[i].kind != WORD:
        return None
    first = tokens[i]
    if first.lower in lex.subjects:
        return make(text, tokens[i : i + 1], lex)
    j = i
    if first.lower in DETERMINERS and first.lower != "that":
        # Up to the first head word: "a spokeswoman", "the old lady", "the White House".
        k = i + 1
        seen_lower = False
        while (
            k < hi
            and k - i <= 8
            and (tokens[k].kind in (WORD, NUMBER) or tokens[k].text in _COMPOUND_MARKS)
        ):
            t = tokens[k]
            if t.kind != WORD:
                seen_lower = True  # "the 34-year-old mother"
                k += 1
                continue
            if t.lower in lex.nominals or t.lower in lex.org_words or t.lower in lex.title_words:
                j = k
                if k + 1 < hi and tokens[k + 1].lower in lex.nominals:
                    j = k + 1  # "press secretary"
                break
            if t.upper and _capitalised(t, lex):
                if seen_lower:
                    # "a senior Ruiz aide": a name inside the phrase, before its head;
                    # "a time Rory": the name starts a new phrase.
                    m = k + 1
                    while m < hi and m - k < 3 and tokens[m].upper and _capitalised(tokens[m], lex):
                        m += 1
                    if m < hi and not tokens[m].upper and tokens[m].lower in lex.nominals:
                        j = m
                        if m + 1 < hi and tokens[m + 1].lower in lex.nominals:
                            j = m + 1  # "a Ruiz campaign aide"
                    break
                j = k
            elif j > i or t.lower in STOPS or t.lower in lex.pronouns:
                break  # a name already ended, or a word that never sits inside a phrase
            else:
                seen_lower = True
            k += 1
        if j == i:
            return None
    elif _name_token(first, lex) or month_name(tokens, i, 0, hi):
        while j + 1 < hi and j - i < MAX_NP:
            t = tokens[j + 1]
            if _name_token(t, lex) or surname_at(tokens, j + 1):
                j += 1
            elif (
                t.lower == "of"
                and j + 2 < hi
                and _name_token(tokens[j + 2], lex)
                and (tokens[j].lower in lex.title_words or tokens[j].lower in lex.org_words)
            ):
                j += 2  # "Secretary of State", "Bank of England"; not "asked Drummond of Lyle"
            elif (m := _after_particles(tokens, j + 1, hi, lex)) >= 0:
                j = m
            else:
                break
        # "U.S. authorities", "White House press secretary": a name used as a modifier.
        j = _nominals_after(tokens, j, i, hi, lex)
    elif first.lower in lex.nominals:
        # "said campaign adviser Ana Ruiz": the nominals run on to the name.
        j = _nominals_after(tokens, i, i, hi, lex)
    else:
        return None
    # "said a spokesman for the ministry": one attaching preposition.
    if j + 2 < hi and tokens[j + 1].lower in ATTACHING and tokens[j].lower in lex.nominals:
        inner = np_starting_at(text, tokens, j + 2, hi)
        if (
            inner is not None
            and inner.kind == "name"
            and tokens[j].lower in VOICES
            and tokens[j + 1].lower == "of"
        ):
            return inner  # "said the low voice of Dr. Lee": the voice is his
        if tokens[j + 1].lower in MANNER_PREPOSITIONS and tokens[j + 2].lower in MANNER_OPENERS:
            inner = None  # "said the boy in a low voice", "the man with a sigh": a manner
        if inner is not None and inner.kind != "pronoun":
            s, e = first.start, inner.end
            return Mention(s, e, text[s:e], classify(tokens[i : j + 1], lex))
    return make(text, tokens[i : j + 1], lex)


def _nominals_after(tokens: Sequence[Token], j: int, i: int, hi: int, lex: Lexicon) -> int:
    """The last of the lower-case nouns that run on from ``tokens[j]`` in a phrase that
    starts at ``tokens[i]`` ("campaign adviser"); a title word only before one of them
    ("press secretary", not "home" in "Flying home one night")."""
    while j + 1 < hi and j - i < MAX_NP:
        t = tokens[j + 1]
        if t.upper:
            break
        if t.lower not in lex.nominals and not (
            t.lower in lex.title_words
            and t.lower not in DETERMINERS  # "the" is a title word ("the Rev.")
            and j + 2 < hi
            and not tokens[j + 2].upper
            and tokens[j + 2].lower in lex.nominals
        ):
            break
        j += 1
    return j


def speaker_after_cue(
    text: str, tokens: Sequence[Token], i: int, hi: int, opening: bool = False
) -> Mention | None:
    """The speaker right after an inverted cue ("said the mayor"): `np_starting_at`,
    and two phrases that only this position makes speakers, each ending at punctuation
    (after adverbs) or at ``hi``: a capitalised interjection ("said Ho.": a name there)
    and a determiner with lower-case words ("said the mariner,"). When the quotation
    opens its sentence (``opening``: the cue can only be its tag) the description may
    also go on with a preposition ("said the maid to Tom", "asked the elder of the two
    men"), start with a possessive ("said her companion") or come before a name ("said
    the agonised Ann"); mid-sentence the words after a verb are often its object
    ("posted the clip to the site")."""
    found = np_starting_at(text, tokens, i, hi)
    lex = lexicon()
    if found is not None and found.kind == "name" and found.text.endswith(("'s", "’s")):
        # "said Nell's young man", "asked Mr. Lamb's good lady": the speaker is the one
        # the possessive names a relation of ("was Nell's reply": Nell herself).
        j = index_at(tokens, found.end)
        k = j
        while k < hi and k - j < 3 and tokens[k].kind == WORD and not tokens[k].upper:
            nominal = lex.nominals.get(tokens[k].lower)
            if nominal is not None and nominal.kind == "person":
                s, e = found.start, tokens[k].end
                return Mention(s, e, text[s:e], "nominal")
            if tokens[k].lower in STOPS:
                break
            k += 1
    if found is not None and found.text == "I." and found.end - found.start == 2:
        # "“Q,” said I.": the pronoun and the sentence's period, not an initial.
        return Mention(found.start, found.start + 1, "I", "pronoun")
    if (
        found is not None
        and found.kind == "nominal"
        and found.text[:1].isupper()
        and " " not in found.text
        and (nominal := lex.nominals.get(found.text.lower())) is not None
        and nominal.number == "pl"
        and nominal.kind == "person"
    ):
        # "replied Sailors": one capitalised plural after the verb names one speaker,
        # a nickname, not a crowd (that is "said the sailors").
        return Mention(found.start, found.end, found.text, "name")
    if found is not None and found.kind != "name":
        # "said campaign adviser Ana Ruiz": the description's name is the speaker.
        named = _name_after(text, tokens, found, hi)
        last = tokens[index_at(tokens, found.end) - 1]
        if named is not None and last.upper and last.lower in lex.title_words:
            # "said the gentle Mrs. Ames": the title belongs to the name, not to "the gentle".
            named = Mention(last.start, named.end, text[last.start : named.end], "name")
        found = named or found
    if found is not None or i >= hi:
        return found
    first = tokens[i]
    if first.kind != WORD:
        return None
    described = _described_speaker(text, tokens, i, hi, lex)
    if described is not None:
        return described
    after = past_adverbs(tokens, i + 1, hi)
    if (
        first.upper
        and first.lower in lex.interjections
        and (_described_end(tokens, after, hi) or (opening and tokens[after].lower in STOPS))
    ):
        # "said Ho gravely.", and when the quotation opens its sentence "said Ho to Tom",
        # "said Ho in a low voice" (a description may go on there too).
        return Mention(first.start, first.end, first.text, "name")
    if first.lower not in (_TAG_DETERMINERS if opening else _ARTICLES):
        return None
    # "said the mariner,", "said the old mariner gravely.", "remarked the passenger who
    # had ...": one to three lower-case words, then punctuation (after adverbs), or a
    # word that ends a noun phrase.
    for n in (1, 2, 3):
        end = i + 1 + n
        if end > hi:
            break
        words = tokens[i + 1 : end]
        last = words[-1]
        if not _plain_word(last, lex) or _adverb(last) or last.lower in _TIME_WORDS:
            break  # "said the next morning": a time, not a speaker
        if first.lower == "her" and words[0].lower in _PARTICLES:
            break  # "called her back": "her" is the one called
        if end < hi and tokens[end].upper:
            name = np_starting_at(text, tokens, end, hi) if opening else None
            if name is not None and name.kind == "name":
                after = index_at(tokens, name.end)
                if after >= hi or _closed(tokens, past_adverbs(tokens, after, hi), hi):
                    return name  # "said the agonised Ann Webb."
            continue
        j = past_adverbs(tokens, end, hi)
        if not (
            _described_end(tokens, j, hi)
            or tokens[j].lower in _WHO
            or (opening and tokens[j].lower in STOPS)
        ):
            continue
        e = last.end
        if opening and j == end and j < hi and tokens[j].lower == "of":
            e = _of_phrase(tokens, j, hi, lex) or e
        return Mention(first.start, e, text[first.start : e], "nominal")
    return None


# Determiners of a lower-case description after an inverted cue ("said her companion").
_TAG_DETERMINERS = frozenset("the a an this that his her their my your our".split())
_ARTICLES = frozenset(["the", "a", "an"])
# Words after an object "her" that make no description: "told her so", "called her back".
_PARTICLES = frozenset(
    "so too back up down out off away over round around along on aside forward home "
    "twice once again there here now then yet alone".split()
)
# Words before an adverb of manner: "said the valet somewhat stiffly".
_INTENSIFIERS = frozenset("somewhat rather very quite more most so too half almost".split())
_MAX_ADVERBS = 3


def past_adverbs(tokens: Sequence[Token], j: int, hi: int) -> int:
    """The index after the adverbs of manner at ``tokens[j]`` ("rather coldly")."""
    k = j
    while k < hi and k - j < _MAX_ADVERBS:
        if not (
            _manner(tokens[k])
            or (tokens[k].lower in _INTENSIFIERS and k + 1 < hi and _manner(tokens[k + 1]))
        ):
            break
        k += 1
    return k


# Five-letter words in -ly that are no adverbs of manner ("sadly", "gaily" are).
_NOT_MANNER = frozenset(
    "early daily only holly jolly silly belly jelly bully folly hilly gully rally reply "
    "apply tally dally sully wally molly polly dolly".split()
)


def _manner(t: Token) -> bool:
    """An adverb of manner after a tag's speaker: `_adverb`, or a short one ("sadly")."""
    if _adverb(t):
        return True
    w = t.lower
    return (
        t.kind == WORD and not t.upper and len(w) == 5 and w.endswith("ly") and w not in _NOT_MANNER
    )


def _described_end(tokens: Sequence[Token], j: int, hi: int) -> bool:
    """Punctuation or the end, or a participle ("said the man wiping his face")."""
    if _closed(tokens, j, hi):
        return True
    t = tokens[j]
    return (
        t.kind == WORD
        and not t.upper
        and len(t.lower) > 4
        and t.lower.endswith("ing")
        and t.lower not in lexicon().nominals
        and t.lower not in _ING_NOUNS
    )


# Nouns in -ing that end no description: "said the next morning" is a time.
_ING_NOUNS = frozenset(
    "morning evening something nothing anything everything thing king ring spring string "
    "wing darling wedding meeting building ceiling shilling farthing pudding feeling "
    "sibling evening clothing lodging stocking".split()
)


def _of_phrase(tokens: Sequence[Token], j: int, hi: int, lex: Lexicon) -> int | None:
    """The end of "of the two men" at ``tokens[j]`` ("of"): determiners, then one or two
    lower-case words ending at punctuation or a word that ends a noun phrase."""
    k = j + 1
    while k < hi and k - j <= 2 and tokens[k].lower in DETERMINERS:
        k += 1
    if k == j + 1:
        return None
    for n in (1, 2):
        end = k + n
        if end > hi or not all(_plain_word(t, lex) for t in tokens[k:end]):
            return None
        if _closed(tokens, end, hi) or tokens[end].lower in STOPS:
            return tokens[end - 1].end
    return None


# Lower-case words of a description before a speaker's name: "former state senator".
_MAX_DESCRIBING = 4


def _name_after(text: str, tokens: Sequence[Token], np: Mention, hi: int) -> Mention | None:
    """The name right after the description ``np`` ("Obama adviser" Ana Ruiz)."""
    j = index_at(tokens, np.end)
    if j < hi and tokens[j].start == np.end:
        j += 1  # the mention ended inside a token ("Gov" of "Gov.")
    if j >= hi or tokens[j].start - np.end > 1 or not tokens[j].upper:
        return None
    name = np_starting_at(text, tokens, j, hi)
    return name if name is not None and name.kind == "name" else None


def _described_speaker(
    text: str, tokens: Sequence[Token], i: int, hi: int, lex: Lexicon
) -> Mention | None:
    """ "said former state senator Ana Ruiz", "said retired surgeon Ana Ruiz": lower-case
    describing words, then the name (or a name's description: "former Ruiz aide")."""
    k = i
    while k < hi and k - i < _MAX_DESCRIBING and _plain_word(tokens[k], lex):
        k += 1
    if k == i or k >= hi or tokens[k].kind != WORD or not tokens[k].upper:
        return None
    inner = np_starting_at(text, tokens, k, hi)
    if inner is None or inner.kind == "pronoun":
        return None
    if inner.kind != "name":
        inner = _name_after(text, tokens, inner, hi) or inner
    if inner.kind == "name":
        return inner
    s = tokens[i].start
    return Mention(s, inner.end, text[s : inner.end], inner.kind)


# Relative pronouns that follow a person: "the passenger who had come aboard".
_WHO = frozenset(["who", "whom", "whose"])
# "said the next morning": a time, not a speaker.
_TIME_WORDS = frozenset(
    "day morning evening night afternoon time moment week month year minute hour".split()
)


def _plain_word(t: Token, lex: Lexicon) -> bool:
    """A lower-case word that can be part of a description: not a stop word, particle,
    determiner or pronoun."""
    return (
        t.kind == WORD
        and not t.upper
        and t.lower not in STOPS
        and t.lower not in SKIPPABLE
        and t.lower not in DETERMINERS
        and t.lower not in lex.pronouns
    )


def _closed(tokens: Sequence[Token], j: int, hi: int) -> bool:
    return j >= hi or tokens[j].kind == PUNCT


_SUBJECTS = frozenset(["he", "she", "they"])
_SENTENCE_OPENERS = frozenset(".!?“”\"‘’':;—–-([")


def _never(word: str) -> bool:
    return False


# Given names that are also months (May, June, April, August) are on the not-names
# list; these words before one make it the month ("in May", "since June", "early
# August"), as does a number after it ("May 5").
_MONTH_BEFORE = frozenset(
    "in on of since until till by before after during from to through throughout into "
    "between around about for within the next last early late mid this that each every "
    "or and".split()
)
# Verbs no modal "may" stands before: "May said", "June could not".
_NAME_VERBS = frozenset(
    "said says had has did does could would should might must will can knew told thought "
    "felt went came saw took gave got sat stood began ran made".split()
)


def month_name(tokens: Sequence[Token], i: int, lo: int, hi: int) -> bool:
    """Whether ``tokens[i]``, a given name that is also a month ("May", "June"), names a
    person here: after a given name or a title ("Theresa May", "Miss May"), after a word
    no month follows ("said May", "Fenwick and May"), as a vocative (", May."), or before
    a verb no modal precedes ("May said"); never before a number ("May 5")."""
    lex = lexicon()
    t = tokens[i]
    if (
        t.kind != WORD
        or not t.upper
        or t.lower not in lex.not_names
        or t.lower not in lex.first_names
    ):
        return False
    nxt = tokens[i + 1] if i + 1 < hi else None
    if nxt is not None and nxt.kind == NUMBER:
        return False
    prev = tokens[i - 1] if i > lo else None
    if prev is None or prev.kind != WORD:
        if prev is not None and prev.text == "," and nxt is not None and nxt.text in ".!?”’\"'":
            return True
        return (
            nxt is not None
            and nxt.kind == WORD
            and not nxt.upper
            and (nxt.lower in _NAME_VERBS or (nxt.lower.endswith("ed") and len(nxt.lower) > 3))
        )
    if prev.upper:
        return prev.lower in lex.first_names or prev.lower in lex.title_words
    if prev.lower in ("and", "or"):
        # "Fenwick and May", not "April and May".
        return i - 2 >= lo and _name_token(tokens[i - 2], lex)
    return prev.lower not in _MONTH_BEFORE and prev.lower not in lex.not_names


def name_mentions(
    text: str,
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    common: Callable[[str], bool] = _never,
) -> list[Mention]:
    """Proper-name and pronoun mentions in ``tokens[lo:hi]``, in order.

    ``common(word)`` tells whether a capitalised word is an ordinary word of
    the document (it also occurs in lower case); such a word opening a
    sentence ("Poor Dora", "Thereupon Anne") is not part of the name.
    """
    lex = lexicon()
    out: list[Mention] = []
    i = lo
    while i < hi:
        t = tokens[i]
        if t.lower in _SUBJECTS and t.kind == WORD and t.lower in lex.pronouns:
            out.append(Mention(t.start, t.end, t.text, "pronoun"))
            i += 1
            continue
        if not t.upper:
            i += 1  # most tokens: no name starts in lower case
            continue
        named = _name_token(t, lex)
        if (
            named
            and (i == 0 or tokens[i - 1].text in _SENTENCE_OPENERS)
            and t.lower not in lex.first_names
            and t.lower not in lex.title_words
            and (
                common(t.lower)
                or t.lower.endswith("ly")  # "Unluckily Rahul"
                or (len(t.text) > 2 and t.text.isupper() and "." not in t.text)  # "PRESENTS"
            )
        ):
            i += 1  # a sentence-initial ordinary word
            continue
        if named or month_name(tokens, i, lo, hi):
            j = i
            while j + 1 < hi:
                if (
                    _name_token(tokens[j + 1], lex)
                    or month_name(tokens, j + 1, lo, hi)
                    or surname_at(tokens, j + 1)  # "Mrs. Last", "Dr Long"
                ):
                    j += 1
                elif (m := _after_particles(tokens, j + 1, hi, lex)) >= 0:
                    j = m
                else:
                    break
            run = tokens[i : j + 1]
            if any(x.lower not in lex.title_words for x in run) and not possessive(run[-1]):
                out.append(make(text, run, lex))
            i = j + 1
            continue
        i += 1
    return out


def _shouted(t: Token) -> bool:
    return t.kind == WORD and len(t.text) > 1 and t.text.isupper()


def heading_word(tokens: Sequence[Token], i: int, lo: int, hi: int) -> bool:
    """A word of four capitals or more in a run of three words in capitals: a heading or a
    shouted line ("CONGRESS HAS INVESTIGATED HIM"), not a name; "NBC NEWS" stays a name."""
    t = tokens[i]
    if not _shouted(t) or len(t.text) < 4 or not t.text.isalpha():
        return False
    a = i
    while a - 1 >= lo and i - a < 2 and _shouted(tokens[a - 1]):
        a -= 1
    b = i
    while b + 1 < hi and b - a < 2 and _shouted(tokens[b + 1]):
        b += 1
    return b - a >= 2  # three words in capitals


@lru_cache(maxsize=8192)
def gender_of(mention_text: str) -> str:
    """``"m"``, ``"f"`` or ``"x"`` (unknown) from a title or a first name in the mention,
    or an honorific after the name ("Ayesha Begum")."""
    lex = lexicon()
    words = mention_text.split()
    after = _lexicon.post_titles().get(words[-1]) if len(words) > 1 else None
    if after is not None:
        return after
    for k in range(len(words), 0, -1):
        g = lex.title_gender.get(" ".join(words[:k]).lower())
        if g in ("m", "f"):
            return g
    for w in words:
        lw = w.lower().rstrip(".")
        g = lex.title_gender.get(lw) or lex.title_gender.get(lw + ".")
        if g in ("m", "f"):
            return g
        if lw in lex.title_words:
            continue
        g = lex.first_names.get(lw)
        if g in ("m", "f"):
            return g
        break
    return "x"
