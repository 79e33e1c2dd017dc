"""The shipped lexicons: they load, are big enough, are consistent, and bad files are refused."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import _lexicon as lex
from quoteattr._errors import DataError

LOADERS: dict[str, Callable[[], Any]] = {
    "cue_verbs.tsv": lex.cue_verbs,
    "cue_phrases.tsv": lex.cue_phrases,
    "nominals.tsv": lex.nominals,
    "titles.tsv": lex.titles,
    "first_names.tsv": lex.first_names,
    "pronouns.tsv": lex.pronouns,
    "not_names.txt": lex.not_names,
    "interjections.txt": lex.interjections,
    "org_words.tsv": lex.org_words,
    "address_terms.tsv": lex.address_terms,
    "post_titles.tsv": lex.post_titles,
    "spouse_terms.tsv": lex.spouse_terms,
    "kin_terms.tsv": lex.kin_terms,
    "hypocorisms.tsv": lex.hypocorisms,
    **{name: functools.partial(lex.word_list, name) for name in lex.WORD_LISTS},
}


def _content_lines(name: str) -> list[list[str]]:
    """Raw rows of a shipped file (comments and blank lines dropped), fields split on TAB."""
    text = (files("quoteattr") / "data" / "lexicon" / name).read_text(encoding="utf-8")
    return [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- every file loads and is big enough --------------------------------------------------


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_shipped_file_loads_and_is_cached(name: str) -> None:
    loaded = LOADERS[name]()
    assert len(loaded) > 0
    assert LOADERS[name]() is loaded


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("cue_verbs.tsv", 200),
        ("cue_phrases.tsv", 40),
        ("nominals.tsv", 150),
        ("titles.tsv", 150),
        ("first_names.tsv", 1500),
        ("not_names.txt", 300),
        ("interjections.txt", 50),
        ("org_words.tsv", 80),
    ],
)
def test_row_counts_meet_minimums(name: str, minimum: int) -> None:
    assert len(_content_lines(name)) >= minimum


def test_loaded_counts_match_rows() -> None:
    assert len(lex.cue_verbs()) == len(_content_lines("cue_verbs.tsv"))
    assert len(lex.titles()) == len(_content_lines("titles.tsv"))
    assert len(lex.first_names()) == len(_content_lines("first_names.tsv"))
    assert len(lex.not_names()) == len(_content_lines("not_names.txt")) + len(
        _content_lines("interjections.txt")
    )
    assert len(lex.interjections()) == len(_content_lines("interjections.txt"))
    assert len(lex.org_words()) == len(_content_lines("org_words.tsv"))
    assert len(lex.pronouns()) == len(_content_lines("pronouns.tsv"))


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_shipped_files_have_no_repeated_keys(name: str) -> None:
    # The loader accepts an identical repeat; a shipped file should not need one.
    keys = Counter(row[0] for row in _content_lines(name))
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_shipped_files_are_nfc_without_stray_spaces(name: str) -> None:
    for row in _content_lines(name):
        for field in row:
            assert field == unicodedata.normalize("NFC", field)
            assert field == field.strip(), row


def test_mappings_are_read_only() -> None:
    with pytest.raises(TypeError):
        lex.first_names()["Zzyzx"] = "m"  # type: ignore[index]
    with pytest.raises(TypeError):
        lex.cue_phrases()["said so"] = "manner"  # type: ignore[index]


# -- cue verbs --------------------------------------------------------------------------


def _verb(lemma: str) -> lex.CueVerb:
    found = [v for v in lex.cue_verbs() if v.lemma == lemma]
    assert len(found) == 1, lemma
    return found[0]


@pytest.mark.parametrize(
    ("lemma", "past", "third", "gerund", "participle"),
    [
        ("say", "said", "says", "saying", "said"),
        ("tell", "told", "tells", "telling", "told"),
        ("cry", "cried", "cries", "crying", "cried"),
        ("reply", "replied", "replies", "replying", "replied"),
        ("write", "wrote", "writes", "writing", "written"),
        ("begin", "began", "begins", "beginning", "begun"),
        ("admit", "admitted", "admits", "admitting", "admitted"),
        ("nod", "nodded", "nods", "nodding", "nodded"),
        ("stress", "stressed", "stresses", "stressing", "stressed"),
        ("argue", "argued", "argues", "arguing", "argued"),
        ("agree", "agreed", "agrees", "agreeing", "agreed"),
        ("emphasise", "emphasised", "emphasises", "emphasising", "emphasised"),
        ("emphasize", "emphasized", "emphasizes", "emphasizing", "emphasized"),
        ("go on", "went on", "goes on", "going on", "gone on"),
        ("put in", "put in", "puts in", "putting in", "put in"),
        ("point out", "pointed out", "points out", "pointing out", "pointed out"),
        ("break in", "broke in", "breaks in", "breaking in", "broken in"),
    ],
)
def test_inflections(lemma: str, past: str, third: str, gerund: str, participle: str) -> None:
    verb = _verb(lemma)
    assert (verb.past, verb.third_person, verb.gerund, verb.past_participle) == (
        past,
        third,
        gerund,
        participle,
    )
    assert verb.forms == {lemma, past, third, gerund, participle}


def test_every_verb_inflection_has_a_plausible_shape() -> None:
    for verb in lex.cue_verbs():
        head, _, particle = verb.lemma.partition(" ")
        for form in (verb.past, verb.third_person, verb.gerund, verb.past_participle):
            # a phrasal verb keeps its particle in every form
            assert form.endswith(" " + particle) if particle else " " not in form, verb
        g_head = verb.gerund.split(" ")[0]
        t_head = verb.third_person.split(" ")[0]
        assert g_head.endswith("ing"), verb
        assert t_head.endswith("s"), verb
        assert t_head[0] == head[0] and g_head[0] == head[0], verb


def test_forms_map_back_to_one_verb() -> None:
    forms = lex.cue_verb_forms()
    assert forms["said"].lemma == "say"
    assert forms["went on"].lemma == "go on"
    assert forms["whispering"].lemma == "whisper"
    assert sum(len(v.forms) for v in lex.cue_verbs()) == len(forms)


@pytest.mark.parametrize(
    "lemma", "say tell state declare claim announce insist whisper exclaim reply".split()
)
def test_core_speech_verbs_are_strong(lemma: str) -> None:
    assert _verb(lemma).strength == "strong"


@pytest.mark.parametrize(
    "lemma",
    [*"add continue return begin note laugh smile sigh nod observe".split(), "go on", "put in"],
)
def test_context_cues_are_weak(lemma: str) -> None:
    assert _verb(lemma).strength == "weak"


@pytest.mark.parametrize("lemma", ["jerk out", "rap out"])
def test_words_jerked_or_rapped_out_are_a_fiction_cue(lemma: str) -> None:
    # "…, he jerked out: ¶ “Q”": a tag of fiction, weak (a drawer is jerked out too).
    verb = _verb(lemma)
    assert (verb.strength, verb.domain) == ("weak", "fiction")


REQUIRED_VERBS = """say tell add argue warn insist claim explain note acknowledge admit announce
assert confirm deny contend maintain predict promise recall report reveal stress suggest
testify tweet
write post concede complain emphasize emphasise cry exclaim reply answer ask murmur mutter whisper
shout scream sob gasp retort rejoin interpose interrupt stammer drawl growl hiss sneer snap laugh
chuckle return resume observe remark protest plead urge demand inquire enquire""".split()


def test_required_verbs_present() -> None:
    lemmas = {v.lemma for v in lex.cue_verbs()}
    assert [v for v in REQUIRED_VERBS if v not in lemmas] == []
    assert {"go on", "put in", "break in", "chime in", "point out"} <= lemmas
    domains = Counter(v.domain for v in lex.cue_verbs())
    assert domains["news"] and domains["fiction"] and domains["both"]


# -- cue phrases ------------------------------------------------------------------------


def test_cue_phrases() -> None:
    phrases = lex.cue_phrases()
    assert phrases["according to"] == "source_after"
    assert phrases["in the words of"] == "source_after"
    assert phrases["quoting"] == "source_after"
    assert phrases["'s spokesman"] == "source_before"
    assert phrases["\u2019s spokesman"] == "source_before"
    manners = """in a statement|in an interview|on Twitter|to reporters|at a news conference
    |in a press release|in an email|in a letter""".replace("\n    ", "").split("|")
    for manner in manners:
        assert phrases[manner] == "manner", manner
    for kind in lex.PHRASE_TYPES:
        assert kind in phrases.values()


# -- nominals ---------------------------------------------------------------------------


def test_nominals_by_singular_and_plural() -> None:
    nominals = lex.nominals()
    spokesman = nominals["spokesman"]
    assert (spokesman.kind, spokesman.gender, spokesman.number) == ("person", "m", "sg")
    assert nominals["spokesmen"].number == "pl"
    assert nominals["spokesmen"].noun == "spokesman"
    assert nominals["spokeswoman"].gender == "f"
    assert nominals["officials"].number == "pl"
    police = nominals["police"]
    assert (police.kind, police.gender, police.number) == ("organisation", "n", "x")
    assert nominals["ministry"].kind == "organisation"
    assert nominals["memo"].kind == "document"
    assert nominals["old man"].gender == "m"
    assert nominals["white house press secretary"].kind == "person"


def test_nominal_genders_fit_their_kinds() -> None:
    for nominal in lex.nominals().values():
        if nominal.kind == "person":
            assert nominal.gender in ("m", "f", "x"), nominal
        else:
            assert nominal.gender == "n", nominal


def test_required_nominals_present() -> None:
    wanted = """spokesman spokeswoman spokesperson official aide adviser advisor source analyst
    expert witness resident police ministry department agency government administration
    committee campaign company statement report study survey data poll document memo filing
    letter lawsuit complaint man woman girl boy lady gentleman stranger servant maid doctor
    captain""".split()
    assert [w for w in wanted if w not in lex.nominals()] == []


# -- titles -----------------------------------------------------------------------------


def test_titles() -> None:
    titles = lex.titles()
    assert titles["Mr."] == lex.Title("Mr.", "m", "honorific")
    assert titles["Mrs"].gender == "f"
    assert titles["Secretary of State"].type == "role"
    assert titles["Queen"].gender == "f"
    assert "White House press secretary" not in titles
    assert lex.find_title("foreign minister") == titles["Foreign Minister"]
    assert lex.find_title("Foreign Minister") == titles["Foreign Minister"]
    assert lex.find_title("Plumber") is None
    wanted = """Mr. Mr Mrs. Mrs Ms. Miss Mme. Mlle. Dr. Sir Lady Lord Madame Monsieur Herr Frau
    Master Dame Rev. Father Sister Brother Uncle Aunt Cousin President Senator Sen. Rep. Gov.
    Governor Secretary Minister Chancellor Mayor Judge Justice General Gen. Col. Capt. Captain
    Lt. Sgt. Admiral Commissioner Chairman Chairwoman Director CEO Ambassador Speaker Leader King
    Queen Prince Princess Duke Duchess Pope Bishop Professor Prof. Inspector Detective Sheriff
    Coach""".split()
    assert [t for t in wanted if t not in titles] == []
    multi_word = "Vice President|Foreign Minister|Prime Minister|Attorney General|Chief Justice"
    for multi in [*multi_word.split("|"), "Majority Leader"]:
        assert titles[multi].type == "role"


# -- names, pronouns, not-names, organisations --------------------------------------------


def test_first_names() -> None:
    names = lex.first_names()
    news = "Hillary Donald Barack Marco Ted Bernie Angela Vladimir".split()
    fiction = """Ada Beryl Bertha Clara Ethel Mabel Maud Winifred Lavinia Effie Bess Tilly Nettie
    Dulcie Ezra Amos Jasper Rufus Josiah Cornelius Ebenezer""".split()
    assert [n for n in news + fiction if n not in names] == []
    assert names["Donald"] == "m"
    assert names["Hillary"] == "f"
    assert names["Laurie"] == "x"
    assert "Sinclair" not in names
    assert "Carrington" not in names
    assert all(n[0].isupper() for n in names)
    genders = Counter(names.values())
    assert genders["m"] > 500 and genders["f"] > 500


def test_pronouns() -> None:
    pronouns = lex.pronouns()
    wanted = """he him his himself she her hers herself they them their theirs themselves it
    its i me my we us our you your""".split()
    assert [p for p in wanted if p not in pronouns] == []
    assert pronouns["he"].gender == "m"
    assert pronouns["her"].cases == {"acc", "gen"}
    assert pronouns["they"].number == "pl"
    assert pronouns["i"].person == 1
    assert pronouns["your"].person == 2
    assert all(p == p.lower() for p in pronouns)


def test_not_names() -> None:
    words = lex.not_names()
    wanted = """The However Meanwhile Still Yet Also Then Now Here There Instead Indeed Later
    Earlier Today Yesterday Tonight Monday Sunday January December Oh Ah Yes No Well Why
    Chapter""".split()
    assert [w for w in wanted if w not in words] == []
    assert all(w[0].isupper() for w in words)
    # groups can be speakers, so they are deliberately not here
    assert "Republicans" not in words
    assert "Will" not in words


def test_interjections_are_not_names_and_listed_once() -> None:
    own = {row[0] for row in _content_lines("not_names.txt")}
    assert lex.interjections() <= lex.not_names()
    assert lex.interjections() & own == set()  # one file per word
    assert {"Oh", "Pshaw", "Well", "Alas"} <= lex.interjections()


def test_not_names_overlap_only_where_documented() -> None:
    # month names that are also given names; the caller decides by position
    assert lex.not_names() & lex.first_names().keys() <= {"April", "May", "June", "August"}
    assert lex.not_names() & lex.titles().keys() == set()


def test_org_words() -> None:
    words = lex.org_words()
    wanted = """Department Ministry Agency Office Committee Council Commission Party Inc. Corp. Co.
    Ltd. LLC Group Bank University College Institute Foundation Association Union Court Police
    Army Navy Times Post Journal News Network Magazine""".split()
    assert [w for w in wanted if w not in words] == []
    assert words["Report"] == "document"
    assert words["Ministry"] == "organisation"


# -- malformed files --------------------------------------------------------------------

VERB_HEADER = "# lemma past third gerund participle strength domain\n"


def test_parsers_skip_comments_and_blank_lines(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "v.tsv",
        VERB_HEADER + "\n   \n  # indented comment\nsay\tsaid\tsays\tsaying\tsaid\tstrong\tboth\n",
    )
    (verb,) = lex.parse_cue_verbs(path)
    assert verb.lemma == "say"
    assert lex.parse_cue_verbs(str(path)) == (verb,)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("say\tsaid\tsays\tsaying\tsaid\tstrong\n", "expected 7"),
        ("say said says saying said strong both\n", "expected 7"),
        ("say\tsaid\tsays\tsaying\tsaid\tstrong\tboth\textra\n", "expected 7"),
        ("say\tsaid\tsays\tsaying\tsaid\tloud\tboth\n", "strength"),
        ("say\tsaid\tsays\tsaying\tsaid\tstrong\tpoetry\n", "domain"),
        ("say\tsaid\t\tsaying\tsaid\tstrong\tboth\n", "third_person"),
        ("say\tsaid \tsays\tsaying\tsaid\tstrong\tboth\n", "past"),
        ("Say\tsaid\tsays\tsaying\tsaid\tstrong\tboth\n", "lowercase"),
    ],
)
def test_malformed_verb_line_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad_verbs.tsv", VERB_HEADER + "\n" + text)
    with pytest.raises(DataError, match=message) as info:
        lex.parse_cue_verbs(path)
    assert "bad_verbs.tsv:3:" in str(info.value)


def test_conflicting_duplicates_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "names.tsv", "Anne\tf\nJohn\tm\nAnne\tm\n")
    with pytest.raises(DataError, match=r"names\.tsv:3: 'Anne'"):
        lex.parse_first_names(path)
    same = _write(tmp_path, "same.tsv", "Anne\tf\nAnne\tf\n")
    assert dict(lex.parse_first_names(same)) == {"Anne": "f"}


def test_a_form_shared_by_two_verbs_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "v.tsv",
        "say\tsaid\tsays\tsaying\tsaid\tstrong\tboth\n"
        "sayy\tsaid\tsayys\tsayying\tsaid\tweak\tboth\n",
    )
    with pytest.raises(DataError, match=r"v\.tsv:2: form 'said'"):
        lex.parse_cue_verbs(path)


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (lex.parse_cue_phrases, "according to\tsource_later\n"),
        (lex.parse_nominals, "spokesman\tspokesmen\tperson\n"),
        (lex.parse_nominals, "spokesman\tspokesmen\tanimal\tm\n"),
        (lex.parse_nominals, "spokesman\tspokesmen\tperson\tq\n"),
        (lex.parse_titles, "Mr.\tm\tnobility\n"),
        (lex.parse_titles, "Mr.\tn\thonorific\n"),
        (lex.parse_first_names, "Anne\tfemale\n"),
        (lex.parse_pronouns, "he\tm\tsg\t4\tnom\n"),
        (lex.parse_pronouns, "he\tm\tsg\t3\tnominative\n"),
        (lex.parse_pronouns, "He\tm\tsg\t3\tnom\n"),
        (lex.parse_not_names, "Good morning\n"),
        (lex.parse_org_words, "Ministry\tgovernment\n"),
        (lex.parse_address_terms, "sir\tmale\n"),
        (lex.parse_address_terms, "Sir\tm\n"),
        (lex.parse_address_terms, "sir\n"),
        (lex.parse_post_titles, "Begum\tfemale\n"),
        (lex.parse_spouse_terms, "wife\tmale\n"),
        (lex.parse_spouse_terms, "Wife\tm\n"),
        (lex.parse_kin_terms, "Mother\tMrs.\n"),
        (lex.parse_kin_terms, "mother\tMrs.,,Lady\n"),
        (lex.parse_hypocorisms, "Meg\tMargaret,,Megan\n"),
        (lex.parse_hypocorisms, "Harry\tharry\n"),
        (lex.parse_hypocorisms, "Harry\n"),
        (lex.parse_word_list, "Went on\n"),
    ],
)
def test_every_parser_refuses_a_malformed_line(
    tmp_path: Path, parse: Callable[[Path], object], text: str
) -> None:
    path = _write(tmp_path, "bad.tsv", "# header\n" + text)
    with pytest.raises(DataError, match=r"bad\.tsv:2:"):
        parse(path)


def test_word_lists_normalise_phrases_and_name_only_shipped_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "w.txt", "# comment\nwent  on\n\n  added\n")
    assert lex.parse_word_list(path) == frozenset(["went on", "added"])
    assert "went on" in lex.word_list("continuation_cues.txt")
    with pytest.raises(ValueError, match="no shipped word list"):
        lex.word_list("first_names.tsv")


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not found"):
        lex.parse_org_words(tmp_path / "nope.tsv")
    path = tmp_path / "latin1.tsv"
    path.write_bytes("Zo\xeb\tf\n".encode("latin-1"))
    with pytest.raises(DataError, match="UTF-8"):
        lex.parse_first_names(path)


def test_curly_apostrophe_variant_added(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.tsv", "'s statement\tsource_before\naccording to\tsource_after\n")
    assert dict(lex.parse_cue_phrases(path)) == {
        "'s statement": "source_before",
        "\u2019s statement": "source_before",
        "according to": "source_after",
    }


_FIELD = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@given(st.lists(st.lists(_FIELD, min_size=1, max_size=4), max_size=6))
def test_parsers_fail_only_with_data_error(rows: list[list[str]]) -> None:
    # Whatever the file holds, a parser returns a result or raises DataError, nothing else.
    import tempfile

    text = "\n".join("\t".join(row) for row in rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.tsv"
        path.write_text(text, encoding="utf-8")
        for parse in (
            lex.parse_first_names,
            lex.parse_titles,
            lex.parse_nominals,
            lex.parse_pronouns,
            lex.parse_org_words,
            lex.parse_cue_phrases,
            lex.parse_cue_verbs,
            lex.parse_not_names,
            lex.parse_address_terms,
            lex.parse_post_titles,
            lex.parse_spouse_terms,
            lex.parse_kin_terms,
            lex.parse_hypocorisms,
            lex.parse_word_list,
        ):
            try:
                parse(path)
            except DataError:
                pass


@given(st.lists(st.sampled_from(sorted(lex.first_names())), min_size=1, max_size=20))
def test_a_subset_of_a_valid_file_parses_to_the_same_values(picked: list[str]) -> None:
    import tempfile

    names = lex.first_names()
    text = "".join(f"{n}\t{names[n]}\n" for n in picked)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.tsv"
        path.write_text(text, encoding="utf-8")
        assert dict(lex.parse_first_names(path)) == {n: names[n] for n in picked}


def test_hypocorisms_read_both_ways(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.tsv", "# pet\tfull\nKitty\tKatherine,Catherine\nKit\tCatherine\n")
    table = lex.parse_hypocorisms(path)
    assert table["kitty"] == ("katherine", "catherine")
    assert table["catherine"] == ("kitty", "kit")
    assert table["katherine"] == ("kitty",)
    assert lex.hypocorisms()["harry"] == ("henry",)
    assert "harry" in lex.hypocorisms()["henry"]
