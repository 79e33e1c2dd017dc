"""Speakers right after an inverted cue: what only that position makes a speaker."""

from __future__ import annotations

import pytest

from quoteattr import extract_quotes


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text, q.speaker.text if q.speaker else None, q.speaker.kind if q.speaker else None)
        for q in extract_quotes(text)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # An interjection that is also a name: after "said" and before punctuation, a name.
        ("“I am hungry,” said Ho. The cook sat down.", "Ho", "name"),
        ("“Hurry up!” cried Bah, and ran.", "Bah", "name"),
        # ... or, when the quotation opens its sentence, before a preposition.
        ("“Is it late?” said Ho to Tom.", "Ho", "name"),
        ("“Is it late?” said Ho in a low voice.", "Ho", "name"),
        # A determiner and one lower-case noun, outside any lexicon.
        ("“Land ahead,” said the mariner.", "the mariner", "nominal"),
        ("“Two shillings,” replied a turnkey, “no more.”", "a turnkey", "nominal"),
        # One describing word before it, or a relative clause after it.
        ("“Land ahead,” said the old mariner.", "the old mariner", "nominal"),
        ("“Fine weather,” remarked the passenger who sat by the rail.", "the passenger", "nominal"),
    ],
)
def test_the_speaker_after_an_inverted_cue(text: str, speaker: str, kind: str) -> None:
    first = _speakers(text)[0]
    assert first[1:] == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Right before the past or third-person form of a cue verb, an interjection is
        # the verb's subject, so a name.
        ("“I am hungry,” Ho said. The cook sat down.", "Ho"),
        ("Bah asked, “Is it late?”", "Bah"),
        ("“Is it late?” Pshaw says.", "Pshaw"),
        # An idiom, and a base form: no subject.
        ("“Is it late?” Well said.", None),
        ("“Is it late?” Please say.", None),
    ],
)
def test_an_interjection_before_a_cue_verb_is_its_subject(text: str, speaker: str | None) -> None:
    got = _speakers(text)
    assert got[0][1] == speaker


def test_an_interjection_opening_a_sentence_is_still_no_name() -> None:
    # Not after a cue: "Pshaw" is the interjection, and "Tom" speaks.
    got = _speakers("Pshaw, what nonsense. “We leave at dawn,” said Tom.")
    assert got == [("We leave at dawn,", "Tom", "name")]


@pytest.mark.parametrize(
    "text",
    [
        # The noun does not end the phrase: no guess from the new rule.
        "“We won,” said the coach happily to the crowd.",
        # A pronoun or a function word after the determiner is no noun.
        "“We won,” said the other, “easily.”",
        # Two words ending in an adverb: no description.
        "“We won,” said the coach quietly.",
    ],
)
def test_only_a_closed_determiner_phrase_is_taken(text: str) -> None:
    for _, speaker, _ in _speakers(text):
        assert speaker not in ("the coach happily", "the other", "the coach quietly")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Indeed,” said Mr. van der Berg.", "Mr. van der Berg"),
        ("Mr. van der Berg said: “Indeed.”", "Mr. van der Berg"),
        ("“No,” said Carlos de la Vega, “never.”", "Carlos de la Vega"),
        ("“Yes,” Ana de los Rios said.", "Ana de los Rios"),
        ("“Yes,” Ludwig van Hout said.", "Ludwig van Hout"),  # one particle, as before
    ],
)
def test_particles_in_a_row_stay_inside_a_name(text: str, speaker: str) -> None:
    assert {s for _, s, _ in _speakers(text)} == {speaker}


def test_particles_without_a_name_after_them_end_the_name() -> None:
    # "de la" followed by a lower-case word: the name is "Carlos".
    assert _speakers("“Fine,” said Carlos de la casa.")[0][1] == "Carlos"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A manner after the speaker is no part of the speaker.
        ("“Shut the gate,” said the farmer in a hoarse voice.", "the farmer"),
        ("“We are late,” said the lady with a sigh, and rose.", "the lady"),
        ("“Not today,” said the clerk in his dry way.", "the clerk"),
        # "the voice of X": X speaks.
        ("“Come in,” said the calm voice of Dr. Lamb from the hall.", "Dr. Lamb"),
        # An affiliation stays.
        ("“No comment,” said a spokesman for the ministry.", "a spokesman for the ministry"),
    ],
)
def test_a_manner_after_the_speaker_is_cut_and_a_voice_is_its_owner(
    text: str, speaker: str
) -> None:
    assert _speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # After an inverted cue, a possessive name and a person noun: the relation speaks.
        ("“Go home,” said Nell's young man.", "Nell's young man", "nominal"),
        ("“Is he here?” asked Mr. Lamb’s good lady.", "Mr. Lamb’s good lady", "nominal"),
        ("“It is late,” said Tom's solicitor.", "Tom's solicitor", "nominal"),
        # A statement noun after the possessive: the name's owner speaks.
        ("“Fine,” was Nell's reply.", "Nell", "name"),
        # Nouns of asking, pleading and warning are nouns of speech too.
        ("“Are you sure?” was Sir Rufus's cold, suspicious inquiry.", "Sir Rufus", "name"),
        ("“Let me stay,” was Nell's quiet plea.", "Nell", "name"),
        ("“Mind the step,” was the porter's warning.", "the porter", "nominal"),
    ],
)
def test_a_possessive_name_and_a_person_noun_after_a_cue(
    text: str, speaker: str, kind: str
) -> None:
    assert _speakers(text)[0][1:] == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "asked X of Y": Y is the one asked, not part of X's name.
        ("“Where now?” asked Drummond of Lyle as they walked on.", "Drummond"),
        # A title or an institution takes "of": one name.
        ("“We are ready,” said Secretary of State Jane Hill.", "Secretary of State Jane Hill"),
        ("“Rates stay,” said the Bank of Veldoria.", "the Bank of Veldoria"),
    ],
)
def test_of_joins_a_name_only_after_a_title_or_an_institution(text: str, speaker: str) -> None:
    assert _speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We can win,” said former state senator Ana Ruiz.", "Ana Ruiz"),
        ("“We can win,” said retired surgeon Ana Ruiz of Dayton.", "Ana Ruiz"),
        ("“We can win,” said longtime campaign adviser Tom Webb.", "Tom Webb"),
        # A phrase that opens on its head noun runs on to the name after it.
        ("“We can win,” said campaign adviser Tom Webb.", "Tom Webb"),
        ("“We can win,” said press secretary Ana Ruiz.", "Ana Ruiz"),
        ("“We can win,” said City Hall press secretary Ana Ruiz.", "Ana Ruiz"),
        ("“We can win,” said campaign officials.", "campaign officials"),
        ("“We can win,” said a senior Ruiz adviser.", "a senior Ruiz adviser"),
        ("“We can win,” said one former Ruiz campaign aide.", "one former Ruiz campaign aide"),
    ],
)
def test_described_speaker_after_an_inverted_cue(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert q.rule == "quote_cue_mention"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Ruiz, who says the council should add two ferries to the route, tweeted that the "
            "plan was “dead on arrival.”",
            "tweeted",
        ),
        ("Ruiz, who thinks the plan will fail, called it “a waste of money.”", "called"),
    ],
)
def test_the_subject_before_a_relative_clause_speaks(text: str, cue: str) -> None:
    (q,) = extract_quotes(text)
    assert q.speaker is not None and q.speaker.text == "Ruiz"
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "After meeting Lopez, the mayor has increasingly decried the “systemic neglect” of "
            "the coast.",
            "decried",
        ),
        ("“We will rebuild,” the mayor firmly insisted.", "insisted"),
    ],
)
def test_adverbs_in_ly_between_subject_and_cue(text: str, cue: str) -> None:
    (q,) = extract_quotes(text)
    assert q.speaker is not None and q.speaker.text == "the mayor"
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“It will not pass,” wrote one commenter.", "one commenter"),
        ("“It will not pass,” said the tycoon.", "the tycoon"),
        ("“It will not pass,” a columnist for the paper wrote.", "a columnist for the paper"),
    ],
)
def test_person_nouns_of_news_speakers(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert q.speaker is not None and q.speaker.text == speaker


# Given names that are also months: a person where no month can stand.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“I shall wait,” said May. “All night.”", "May"),
        ("“Nobody told me,” June answered.", "June"),
        ("May said: “The carriage is late.”", "May"),
        ("Prime Minister Nora May said: “We will leave.”", "Prime Minister Nora May"),
    ],
)
def test_a_month_that_is_a_given_name_speaks_after_a_cue(text: str, speaker: str) -> None:
    assert _speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "“We lost,” the mayor said in May.",
        "“We lost,” the mayor said on May 5.",
        "In May the mayor said: “We lost.”",
        "Between April and May the mayor said: “We lost.”",
        "“We lost,” said the mayor last June.",
    ],
)
def test_a_month_is_no_speaker(text: str) -> None:
    assert _speakers(text)[0][1] not in ("May", "June", "April and May")


def test_month_name_reads_the_position() -> None:
    from quoteattr._mentions import lexicon, month_name, name_mentions
    from quoteattr._tokens import tokenize

    def names(text: str) -> list[str]:
        toks = tokenize(text, 0, len(text), lexicon().abbreviations)
        return [m.text for m in name_mentions(text, toks, 0, len(toks)) if m.kind == "name"]

    assert "May" in names("Fenwick looked up and took the letter to Fenwick and May.")
    assert "May" in names("He turned. “Good night, May.”")
    assert names("It rained from April until May, and in June.") == []
    text = "We met on May 5."
    toks = tokenize(text, 0, len(text), lexicon().abbreviations)
    assert not any(month_name(toks, i, 0, len(toks)) for i in range(len(toks)))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will win,” Mr. Hale, the mayor of Springfield, Ill., said.", "Mr. Hale"),
        ("“We will win,” Ana Ruiz, a nurse from Dayton, Ohio, said.", "Ana Ruiz"),
        ("“We will win,” Tom Webb, a lawyer in Lyon, France, told reporters.", "Tom Webb"),
        ("“We will win,” the mayor of Springfield, Ill., said.", "the mayor"),
    ],
)
def test_a_place_and_its_state_in_an_apposition_are_skipped(text: str, speaker: str) -> None:
    # Not "Springfield": "Ill." is the place's state, not an apposition to it.
    (q,) = extract_quotes(text)
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_list_of_names_is_no_placed_apposition() -> None:
    (q,) = extract_quotes("“We will win,” Ana, the mayor of Lyon, said.")
    assert q.speaker is not None and q.speaker.text == "Ana"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will win,” said a Christian.", "a Christian"),
        ("“We will win,” a Christian said.", "a Christian"),
        ("“We will win,” every Texan said.", "every Texan"),
        ("“We will win,” one Parisian told me.", "one Parisian"),
        ("“We will win,” the average Christian said.", "the average Christian"),
        ("The typical Texan says “we will win”.", "The typical Texan"),
    ],
)
def test_an_indefinite_determiner_makes_a_capitalised_word_a_description(
    text: str, speaker: str
) -> None:
    # "a Christian" is a kind of person (religion, nationality, origin), not a name.
    (q,) = extract_quotes(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.speaker.kind == "nominal"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will win,” Christian said.", "Christian"),
        ("“We will win,” the Heron said.", "Heron"),
        ("A tearful Hale said “we will win”.", "Hale"),
    ],
)
def test_names_without_an_indefinite_determiner_stay_names(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.speaker.kind == "name"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # Adverbs of manner after the description (or after an interjection name).
        ("“Go on,” said the keeper eagerly.", "the keeper", "nominal"),
        ("“Come in,” said the valet somewhat stiffly.", "the valet", "nominal"),
        ("“It all comes,” said Ho crossly, “of eating.”", "Ho", "name"),
        # A quotation that opens its sentence: a preposition after the description, an
        # "of" phrase, a possessive, or a describing word before a name.
        ("“They have gone,” said the parlourmaid to Tom Hale.", "the parlourmaid", "nominal"),
        ("“Whose house?” asked the elder of the two men.", "the elder of the two men", "nominal"),
        ("“The pier looks new,” said her companion, with a shrug.", "her companion", "nominal"),
        ("“Your feet grow,” said the agonised Ann, and pushed her.", "Ann", "name"),
    ],
)
def test_descriptions_after_an_inverted_cue_with_more_words(
    text: str, speaker: str, kind: str
) -> None:
    assert _speakers(text)[0][1:] == (speaker, kind)


@pytest.mark.parametrize(
    "text",
    [
        # A time is no speaker; "her" before a particle is the one called.
        "“Hush,” said the next morning.",
        "He had called her “Nell”--called her back twice.",
        # Mid-sentence, the words after the verb are its object.
        "Ann Webb, who starred in “Rain” and “Wind,” posted the clip to her page.",
    ],
)
def test_no_description_speaker_where_the_words_are_no_speaker(text: str) -> None:
    speakers = [s for _, s, _ in _speakers(text)]
    assert not any(s and s.startswith(("the next", "her", "the clip")) for s in speakers)


def test_a_title_after_describing_words_stays_with_its_name() -> None:
    from quoteattr import extract_quotes

    for text, name in (
        ("“Come in,” said the gentle Mrs. Ames.", "Mrs. Ames"),
        ("“Come in,” said the more candid Lady Webb.", "Lady Webb"),
    ):
        q = extract_quotes(text)[0]
        assert q.speaker is not None and q.speaker.text == name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A short adverb of manner, or a participle with no comma, after the speaker.
        ("“Well,” said Ho sadly. “Go on.”", "Ho"),
        ("“Whew!” said the housebreaker wiping his face.", "the housebreaker"),
    ],
)
def test_a_short_adverb_or_a_participle_ends_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text)[0][1] == speaker


def test_a_common_word_after_an_honorific_is_a_surname_in_narration() -> None:
    from quoteattr._mentions import lexicon, name_mentions
    from quoteattr._tokens import tokenize

    def names(text: str) -> list[str]:
        toks = tokenize(text, 0, len(text), lexicon().abbreviations)
        return [m.text for m in name_mentions(text, toks, 0, len(toks)) if m.kind == "name"]

    assert names("Then Mrs Last came in with the tea.") == ["Mrs Last"]
    assert names("Then Mr. Long rose to go.") == ["Mr. Long"]


def test_a_capitalised_plural_after_an_inverted_cue_is_a_name() -> None:
    # A nickname spelled like a plural noun names one speaker; "the sailors" stays a crowd.
    text = (
        "Mrs. Ames looked up from the ledger.\n\n"
        '"The tide turns at six," said Mrs. Ames.\n\n'
        '"Then we sail at five," replied Porters, and took his hat.\n\n'
        '"Let them wait," said the sailors.'
    )
    quotes = extract_quotes(text)
    assert [(q.speaker.text, q.speaker.kind) for q in quotes if q.speaker] == [
        ("Mrs. Ames", "name"),
        ("Porters", "name"),
        ("the sailors", "nominal"),
    ]
    assert quotes[1].entity is not None and quotes[1].entity.name == "Porters"
