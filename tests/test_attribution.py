"""Attribution sieves, one real sentence per pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import ConfigurationError, QuoteExtractor, _attribution, extract_quotes


def only(text: str, **options: object):  # type: ignore[no-untyped-def]
    quotes = extract_quotes(text, **options)
    assert len(quotes) == 1, quotes
    return quotes[0]


KEEP_OTHER = QuoteExtractor(kinds=("direct", "mixed", "other"))


def kinds_of(text: str) -> list[str]:
    """The kinds of the records of ``text``, those of kind other included."""
    return [q.kind for q in KEEP_OTHER.extract(text)]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "rule"),
    [
        (
            "“We will not back down,” said Mayor Jane Hill.",
            "Mayor Jane Hill",
            "said",
            "quote_cue_mention",
        ),
        ("“We will not back down,” Hill said on Tuesday.", "Hill", "said", "quote_cue_mention"),
        (
            "“The plan is dead,” a spokeswoman for the ministry said.",
            "a spokeswoman for the ministry",
            "said",
            "quote_cue_mention",
        ),
        (
            "“It is too early to tell,” Smith, the county's sheriff, told reporters.",
            "Smith",
            "told",
            "quote_cue_mention",
        ),
        ("“Was anyone hurt?” asked the old man.", "the old man", "asked", "quote_cue_mention"),
        ("“Never,” she replied.", "she", "replied", "quote_cue_mention"),
        # Weak cues: speech only right next to the quotation.
        ("“What a mess,” reacted Mayor Ruiz.", "Mayor Ruiz", "reacted", "quote_cue_mention"),
        (
            "“We swam here every summer,” reminisced Tom Hale, 82.",
            "Tom Hale",
            "reminisced",
            "quote_cue_mention",
        ),
        ("The senator said: “We have the votes.”", "The senator", "said", "mention_cue_quote"),
        (
            "Officials told reporters on Monday, “The bridge is safe.”",
            "Officials",
            "told",
            "mention_cue_quote",
        ),
        (
            "According to the police report, the driver was “going far too fast for the road.”",
            "the police report",
            "According to",
            "according_to",
        ),
    ],
)
def test_cue_patterns(text: str, speaker: str, cue: str, rule: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue
    assert q.rule == rule
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "“We will rebuild the bridge,” the mayor said, according to the Valley Herald.",
            "the Valley Herald",
            "direct",
        ),
        (
            "According to the police, the driver said, “We were not ready.”",
            "the police",
            "direct",
        ),
        (
            "According to two aides, the governor said the plan was “dead on arrival.”",
            "two aides",
            "mixed",
        ),
    ],
)
def test_according_to_relays_a_cue_clause(text: str, speaker: str, kind: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text.lower() == "according to"
    assert q.rule == "according_to"
    assert q.kind == kind


def test_according_to_before_an_inverted_cue_is_not_the_source() -> None:
    # The phrase belongs to the narration before the quotation, not to "she said".
    text = "According to the map, the road ended here. “We walk from now on,” she said."
    q = extract_quotes(text)[-1]
    assert q.speaker is not None and q.speaker.text == "she"
    assert q.rule == "quote_cue_mention"


def test_mixed_quote_after_reported_speech() -> None:
    text = "The governor said the state still had “a long way to go before reopening.”"
    q = only(text)
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.text == "The governor"
    assert q.rule == "cue_clause_quote"


def test_elided_subject_takes_clause_subject() -> None:
    text = "Garcia praised the deal but said there was “much more work to be done here.”"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Garcia"


def test_pronoun_resolves_to_named_antecedent() -> None:
    text = (
        "Senator Maria Lopez spoke after the vote.\n“This is a good day for the state,” she said."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "she"
    assert q.entity is not None and q.entity.name == "Maria Lopez"


def test_surname_completed_and_title_split() -> None:
    text = "Health Minister Ana Ruiz visited the hospital.\n“We need more nurses,” Ruiz said."
    q = only(text)
    assert q.entity is not None
    assert q.entity.name == "Ana Ruiz"
    assert q.entity.title == "Health Minister"


def test_honorifics_keep_people_apart() -> None:
    text = (
        "“Tell me all about it, and I will listen,” said Mr. Pellow.\n\n"
        "“Oh, you must know,” said Mrs. Pellow."
    )
    quotes = extract_quotes(text)
    assert [q.entity.name for q in quotes if q.entity] == ["Mr. Pellow", "Mrs. Pellow"]


def test_interrupted_quote_shares_speaker() -> None:
    text = "“I am not sure,” said Anne, “that we should go at all.”"
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    assert all(q.speaker is not None and q.speaker.text == "Anne" for q in quotes)


def test_same_paragraph_second_quote() -> None:
    text = "“We are ready,” the coach said. “The players know what to do.”"
    quotes = extract_quotes(text)
    assert [q.speaker.text for q in quotes if q.speaker] == ["the coach", "the coach"]
    assert quotes[1].rule == "same_paragraph"


def test_colon_intro_paragraph() -> None:
    text = "The chairman said in a statement:\n\n“The company has never been stronger.”"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "The chairman"
    assert q.rule == "colon_intro"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ann sat down.\n\nSelina, smiling at her brother, calmly replied,\n\n“No.”", "Selina"),
        ("Then the clerk said in a low, strained voice —\n\n“You do not know him.”", "the clerk"),
        ("Then the clerk said\n\n“You do not know him.”", "the clerk"),
    ],
)
def test_a_paragraph_that_stops_after_a_cue_introduces_the_next(text: str, speaker: str) -> None:
    q = extract_quotes(text)[-1]
    assert q.rule == "colon_intro"
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        # A finished sentence introduces nothing.
        "Then the clerk said that it was late.\n\n“You do not know him.”",
        # The cue is far from where the paragraph stops.
        "Selina said that she would wait for him in the hall until the bells rang out "
        "over the whole of the town,\n\n“No.”",
        # A pronoun is left to the turn-taking.
        "Ann sat down.\n\nHe calmly replied,\n\n“No.”",
    ],
)
def test_an_unfinished_paragraph_introduces_only_a_cue_at_its_end(text: str) -> None:
    assert extract_quotes(text)[-1].rule != "colon_intro"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Is it far?” asked Ann.\n\nIn a low, careful voice, he said:--\n\n“Not far.”", "he"),
        ("“Is it far?” asked Tom.\n\nAfter a pause, Ann said:--\n\n“Late.”", "Ann"),
    ],
)
def test_a_colon_before_a_dash_introduces_the_next_paragraph(text: str, speaker: str) -> None:
    q = extract_quotes(text)[-1]
    assert q.rule == "colon_intro"
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Is it far?” asked Ann.\n\nDr. Ruiz went on in his gentle way:\n\n“Late.”", "Dr. Ruiz"),
        ("“Is it far?” asked Ann.\n\nThe doctor went on with a sigh:\n\n“Late.”", "The doctor"),
    ],
)
def test_a_weak_cue_with_a_phrase_of_manner_before_a_colon_introduces(
    text: str, speaker: str
) -> None:
    q = extract_quotes(text)[-1]
    assert q.rule == "colon_intro"
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_gesture_with_a_phrase_of_manner_before_a_colon_introduces_nothing() -> None:
    text = "“Is it far?” asked Ann.\n\nThe doctor smiled at the clerk with a shrug:\n\n“Late.”"
    assert extract_quotes(text)[-1].rule != "colon_intro"


def test_a_dashed_colon_without_a_speech_verb_introduces_nothing() -> None:
    text = "Tom went out, and came back with a letter:--\n\n“Dear Ann, come at once.”"
    assert extract_quotes(text)[-1].rule != "colon_intro"


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "cue"),
    [
        # The owner without its "'s", the name an entity and the scorer compare.
        ("“Not today,” was Ann's quiet answer.", "Ann", "name", "answer"),
        ("“Not today,” was Mrs. Hale's firm, cool reply.", "Mrs. Hale", "name", "reply"),
        ("“Not today,” was Mrs. Hale’s firm reply.", "Mrs. Hale", "name", "reply"),
        ("“Not today,” was the clerk's polite response.", "the clerk", "nominal", "response"),
        ("“Not today,” was her ladyship's calm rejoinder.", "her ladyship", "nominal", "rejoinder"),
        ("“Not today,” was his quiet answer.", "his", "pronoun", "answer"),
    ],
)
def test_the_owner_of_a_noun_of_speech_after_was_speaks(
    text: str, speaker: str, kind: str, cue: str
) -> None:
    q = only(text)
    assert q.rule == "quote_cue_mention"
    assert q.speaker is not None and (q.speaker.text, q.speaker.kind) == (speaker, kind)
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "“Not today,” was the answer.",
        "“Not today,” was Ann's idea of a joke.",
        "“Not today,” was her idea of a joke.",
        "“Not today,” was written on Ann's old card.",
    ],
)
def test_no_owner_or_no_noun_of_speech_is_no_tag(text: str) -> None:
    q = only(text)
    assert q.speaker is None or not q.speaker.text.startswith(("Ann", "her"))


def test_turn_taking_in_dialogue() -> None:
    text = (
        "“Where have you been?” asked Mary.\n\n"
        "“At the market,” replied Tom.\n\n"
        "“All day?”\n\n"
        "“Most of it.”"
    )
    quotes = extract_quotes(text)
    assert [q.entity.name for q in quotes if q.entity] == ["Mary", "Tom", "Mary", "Tom"]
    assert quotes[2].rule == "turn_taking"


def test_scare_quote_is_other() -> None:
    text = "Critics called the bill a so-called “deal” with no teeth."
    assert extract_quotes(text) == []
    kept = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    assert [q.kind for q in kept] == ["other"]


def test_vocative_is_not_the_speaker() -> None:
    text = "“Mr. Thornley, you are too kind,” said Elizabeth."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Elizabeth"


def test_confidence_follows_rule() -> None:
    strong = only("“We will win,” said the mayor.")
    weak = extract_quotes("The mayor left.\n\n“We will win.”")
    assert strong.confidence > 0.9
    assert all(q.confidence < strong.confidence for q in weak)


def test_dash_credit_at_line_end() -> None:
    text = "Readers wrote in.\n\n“He speaks for me and my family.” ― Ana Ruiz"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Ana Ruiz"
    assert q.cue is not None and q.cue.text == "―"


def test_cue_with_a_proper_subject_beats_a_nearer_noun_cue() -> None:
    text = "Ryan said the recent protests demand that all of us engage in “more listening.”"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Ryan"
    assert q.cue is not None and q.cue.text == "said"


def test_participle_cue_takes_the_clause_subject() -> None:
    text = "Robby Mook spoke on Thursday, arguing that the rival “lashed out at the generals.”"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Robby Mook"


def test_party_parenthesis_is_skipped() -> None:
    text = "“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Rep. Gwen Moore"


def test_show_titles_with_inner_commas_are_not_speech() -> None:
    text = "In an interview on CBS's “Face the Nation,” the senator did not budge."
    assert extract_quotes(text) == []


def test_quoted_fragment_after_a_cue_is_mixed_and_attributed() -> None:
    text = "Cruz called his rival a “pathological liar” at the rally."
    q = only(text)
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.text == "Cruz"


@pytest.mark.parametrize(
    "text",
    [
        "The governor called the plan “Operation Clean Sweep” on Monday.",
        "The senator called her rival “Lady Tax Hike” at the rally.",
    ],
)
def test_title_case_words_a_cue_governs_are_speech(text: str) -> None:
    q = only(text)
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.text.startswith("The ")


@pytest.mark.parametrize(
    "text",
    [
        "The senator said on “Morning Edition” that the bill was dead.",
        "“We are ready,” Ruiz said later on CBS's “Face the Nation.”",
        "Ruiz said that she had read the novel, and that the sequel to “Winter Roads” was due.",
    ],
)
def test_titles_after_a_preposition_or_possessive_or_far_from_the_cue_are_not(text: str) -> None:
    kinds = kinds_of(text)
    assert kinds[-1] == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz told KTV's “Good Morning Valley” on Monday that the bridge would open.",
        "“We will win,” the mayor said of the race during a call to KTV's “This Week.”",
        "Tuesday on the Herald Network's “Brennan,” Ana Ruiz said the bill was dead.",
        "“It is over,” Ruiz told KTV's “Today” on Monday.",
        # A title may keep a preposition of four letters in lower case.
        "“We will win,” Ruiz said on KTV's “Tuesdays with Brennan.”",
    ],
)
def test_a_title_after_a_possessive_is_a_name_whatever_its_first_word(text: str) -> None:
    # "This", "Good", "Today" open sentences too; after "KTV's" they open a title.
    found = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    titles = [q for q in found if text[q.content_start : q.content_end][:1] in "GTB"]
    assert titles and all(q.kind == "other" for q in titles)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ana Ruiz, star of the reality show “Night Shift,” praised the mayor.", "Night"),
        ("“Being a mother is my job,” Ruiz said in May on the podcast “Here We Go.”", "Here"),
        ("She wrote in her memoir, “Open Doors.” She was adamant about it.", "Open"),
        ("“Night Shift” star Ana Ruiz opened up about her struggles.", "Night"),
        ("The “Good Day” host said on Monday that he would retire.", "Good"),
        # A title may open with a numeral.
        ("Watch the trailer for her new documentary, “12th Street,” below.", "12th"),
    ],
)
def test_a_title_after_a_work_noun_or_before_a_role_is_not_speech(text: str, title: str) -> None:
    found = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    kinds = {text[q.content_start : q.content_end].split()[0]: q.kind for q in found}
    assert kinds[title] == "other"
    assert all(k != "other" for w, k in kinds.items() if w != title)


@pytest.mark.parametrize(
    "text",
    [
        "The board called the show “the best news show of record.”",
        "Ruiz called the show “Total Nonsense.”",
        "The mayor said the show “will go on.”",
    ],
)
def test_words_after_a_work_noun_that_a_cue_governs_stay_speech(text: str) -> None:
    assert only(text).kind == "mixed"


def test_an_article_title_with_its_byline_is_not_speech() -> None:
    text = (
        "SHORT READS:\n\n—“Museum to close in May,” by the Herald's Ana Ruiz: http://x.y/z."
        "\n\n“Bakery wins a prize,” by Tom Webb."
    )
    kinds = kinds_of(text)
    assert kinds == ["other", "other"]


def test_the_excerpt_after_an_article_title_and_byline_is_the_articles_text() -> None:
    text = (
        "FAREWELL—“Museum to close in May,” by the Herald's Ana Ruiz: “The museum, a fixture "
        "of the waterfront, will close.” http://x.y/z.\n\nRuiz said: “We are sad.”"
    )
    kinds = kinds_of(text)
    assert kinds == ["other", "other", "direct"]


def test_a_colon_after_by_in_running_text_is_no_byline() -> None:
    text = "“We are sad,” Ruiz said. Her deputy, moved by Ruiz: “So are we.”"
    kinds = kinds_of(text)
    assert kinds == ["direct", "direct"]


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz said the “cruel and false remarks,” by Hale last week hurt her.",
        "“We will rebuild,” by all accounts, was what Ruiz told them.",
        "“We will reopen the bridge,” by Monday, the mayor said.",
    ],
)
def test_by_after_a_quotation_is_no_byline_after_words_or_before_a_date(text: str) -> None:
    assert only(text).kind != "other"


def test_a_quotation_with_its_year_in_brackets_is_a_cited_title() -> None:
    text = (
        "The party's posters grew harsher.\n\n"
        "“Stop the tolls now!” (2015) — “No new bridge” (2016)."
    )
    kinds = kinds_of(text)
    assert kinds == ["other", "other"]


def test_a_bracket_that_is_not_a_year_keeps_speech() -> None:
    text = "“We will win,” (and she meant it) Ruiz said on Monday."
    assert only(text).kind == "direct"


def test_a_fragment_after_a_possessive_not_in_title_case_stays_speech() -> None:
    q = only("Ruiz mocked the governor's “plan to nowhere” at the rally.")
    assert q.kind == "mixed"


def test_characterisation_is_the_subjects_words() -> None:
    text = "Mayor Ana Ruiz hailed the agreement as a “historic breakthrough.”"
    q = only(text)
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.text == "Mayor Ana Ruiz"
    assert q.cue is not None and q.cue.text == "hailed"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Ruiz took swipes at Webb, who she dubbed “the little senator.”", "Ruiz", "dubbed"),
        ("Ruiz branded the new plan a “giveaway” on Monday.", "Ruiz", "branded"),
        ("Ruiz nicknamed her rival “Lady Tax Hike” at the rally.", "Ruiz", "nicknamed"),
    ],
)
def test_a_name_given_by_a_naming_verb_is_the_namers_words(
    text: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert q.kind == "mixed" and q.rule == "characterisation"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_so_dubbed_thing_is_not_a_namers_words() -> None:
    found = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(
        "The so dubbed “Winter Plan” failed in May."
    )
    assert [q.kind for q in found] == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor has used the phrase “border crisis” often in her campaign.",
        "Many voters did not like the slogan “Roads First.”",
        "The council dropped his nickname, “the Bridge Builder,” last year.",
    ],
)
def test_a_quotation_after_a_noun_of_wording_is_someones_words(text: str) -> None:
    kinds = kinds_of(text)
    assert kinds == ["mixed"]


def test_that_phrase_points_back_at_the_writers_own_text() -> None:
    text = "I met cowards--no, I will cross out that phrase “met cowards,” for it is unkind."
    kinds = kinds_of(text)
    assert kinds == ["other"]


def test_characterisation_by_a_passive_agent() -> None:
    q = only("The bill was often labeled in the press as a “giveaway” by Democrats.")
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.text == "Democrats"


@pytest.mark.parametrize(
    "text",
    [
        "Officials searched the files for words such as “ambassador” and “embassy.”",
        "She served in the unit known as the “Night Watch” for a decade.",
        "As the “outsider” candidate, he had little to lose.",
    ],
)
def test_as_without_a_characterisation_is_not_speech(text: str) -> None:
    assert extract_quotes(text) == []


def test_a_quoted_phrase_joined_to_a_quoted_fragment_is_more_of_it() -> None:
    text = "The senator called her rival “Lady Tax Hike” and “the Queen of Spending.”"
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == ["mixed", "mixed"]
    assert all(q.speaker is not None and q.speaker.text == "The senator" for q in quotes)


def test_a_list_of_titles_stays_a_list_of_titles() -> None:
    text = "He has starred in “Winter Roads” and “The Long Harbour” since 2010."
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "“You say you ‘accept responsibility,’” Ruiz said.",
        "\"It feels like, 'We can put this off,'\" Ruiz said.",
        "“I have always disliked the term ‘outreach,’ ” Ruiz told the group.",
    ],
)
def test_a_quotation_ending_in_an_inner_one_takes_the_cue_after_it(text: str) -> None:
    q = only(text)
    assert q.rule == "quote_cue_mention"
    assert q.speaker is not None and q.speaker.text == "Ruiz"


def test_a_cue_word_after_a_determiner_is_a_noun() -> None:
    text = "“Ask me again tomorrow,” was the answer Ruiz gave."
    q = only(text)
    assert q.cue is None or q.cue.text != "answer"


def test_the_object_of_a_preposition_is_not_the_subject_of_a_cue() -> None:
    text = "PolitiFact rated 32% of Republican claims as “false” that year."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "PolitiFact"


def test_a_sentence_opening_place_still_precedes_its_subject() -> None:
    q = only("In Iowa, Ruiz said she was “very happy.”")
    assert q.speaker is not None and q.speaker.text == "Ruiz"


def test_a_second_verb_shares_the_subject_of_the_first() -> None:
    text = "When my mother asked, I laughed and said, “I have never believed it.”"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "I"
    assert q.cue is not None and q.cue.text == "said"


def test_an_adverb_between_cue_and_quotation_keeps_the_cue() -> None:
    quotes = extract_quotes("“We cannot afford it,” Ruiz said, adding later, “It costs a fortune.”")
    assert quotes[1].cue is not None and quotes[1].cue.text == "adding"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Asked about the delay, the clerk only said “Not today” and shut the window.",
            "the clerk",
            "said",
        ),
        ("To her surprise, the waiter only said “Certainly!” and went away.", "the waiter", "said"),
    ],
)
def test_a_focusing_adverb_before_the_cue_is_looked_past(text: str, speaker: str, cue: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“We will win the vote,” Mr. Read said.", "Mr. Read", "said"),
        ("“The clinic opens on Monday,” Ms. Read wrote.", "Ms. Read", "wrote"),
        ("Dr. Tell said: “The clinic opens on Monday.”", "Dr. Tell", "said"),
        # British style, no period: still an honorific, still a surname after it.
        ("“We will win the vote,” Mr Read said.", "Mr Read", "said"),
        ("“It will rain before noon,” said Mrs Last.", "Mrs Last", "said"),
        ("Dr Long said: “The clinic opens on Monday.”", "Dr Long", "said"),
    ],
)
def test_a_word_after_an_abbreviated_honorific_is_a_surname(
    text: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_clause_after_the_quotation_has_its_own_cue() -> None:
    text = "Putney said the video did not give “absolute evidence,” but he said it was clear."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Putney"


def test_what_he_called_is_the_subjects_word() -> None:
    q = only("Senator John Ruiz condemned what he called a “brazen breach” of the rules.")
    assert q.speaker is not None and q.speaker.text == "Senator John Ruiz"
    assert q.cue is not None and q.cue.text == "condemned"


def test_what_he_called_after_a_woman_is_someone_else() -> None:
    q = only("Mary Ruiz condemned what he called a “brazen breach” of the rules.")
    assert q.speaker is not None and q.speaker.text == "he"


def test_a_contracted_pronoun_is_a_subject_not_a_possessive() -> None:
    q = only("He’s claiming that fraud is “a big, big problem” in the state.")
    assert q.speaker is not None and q.speaker.text == "He"
    assert q.cue is not None and q.cue.text == "claiming"


def test_a_speaker_reporting_her_own_words_is_the_outer_report() -> None:
    q = only("Mary Ruiz said she recalled thinking, “This is what people talk about.”")
    assert q.speaker is not None and q.speaker.text == "Mary Ruiz"
    assert q.cue is not None and q.cue.text == "said"


def test_a_report_of_someone_else_keeps_the_inner_speaker() -> None:
    q = only("Mary Ruiz said they recalled thinking, “This is what people talk about.”")
    assert q.speaker is not None and q.speaker.text == "they"


def test_a_fragment_without_a_cue_takes_its_own_sentences_subject() -> None:
    text = (
        "South Korea said the test was “fanatic recklessness.” Japan put the north on its list "
        "of “outlaw nations in the neighborhood.” Russia insisted that talks “must resume.”"
    )
    quotes = extract_quotes(text)
    assert [q.speaker.text for q in quotes if q.speaker] == ["South Korea", "Japan", "Russia"]
    assert quotes[1].rule == "sentence_subject"
    assert quotes[1].cue is not None and quotes[1].cue.text == "put"


def test_a_quoted_fragment_ending_a_sentence_keeps_to_its_sentence() -> None:
    text = (
        "Ana Ruiz wrote on Twitter, saying that officials should release the videos "
        "“without delay.” Ruiz plans to visit on Sunday, according to a campaign aide."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Ana Ruiz"


def test_a_paragraph_guess_keeps_the_cue_of_its_speaker() -> None:
    text = "The talks may stall while the envoy travels, Schiff said. “The other factor is time.”"
    quotes = extract_quotes(text)
    assert quotes[-1].speaker is not None and quotes[-1].speaker.text == "Schiff"
    assert quotes[-1].cue is not None and quotes[-1].cue.text == "said"


def test_a_speaker_with_long_appositions_after_the_quotation() -> None:
    text = (
        "“It is an invasion of the state's domain,” Sara Pruitt, the attorney general of "
        "Oklahoma, one of the states suing the agency, said in a statement."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Sara Pruitt"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.parametrize(
    "text",
    [
        '<tweet author="Officials say the bridge will reopen in May, and everyone agrees">',
        "“(CROSSTALK.)”",
        "The senator paused. “[Applause]” Then he went on.",
    ],
)
def test_markup_values_and_stage_directions_are_nobodys_words(text: str) -> None:
    assert extract_quotes(text) == []


def test_a_programme_title_before_the_attribution_is_not_speech() -> None:
    text = "On this weekend's broadcast of “Fox News Sunday,” Governor Ana Ruiz said she was ready."
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "In August, several environmental groups granted Mr. Ruiz an extension, saying "
            "his “capital was less than expected.”",
            "several environmental groups",
        ),
        ("Meanwhile, it attacked Ruiz, saying he “has offended everyone.”", "it"),
    ],
)
def test_a_participle_after_a_comma_speaks_for_the_main_subject(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == "saying"


def test_a_named_subject_nearer_the_quotation_beats_a_document() -> None:
    text = (
        "In a statement announcing its choice for mayor, the union's leader Ana Lopez called "
        "Ruiz a “champion” for its members."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Ana Lopez"
    assert q.cue is not None and q.cue.text == "called"


def test_a_document_speaks_for_whoever_issued_it() -> None:
    q = only("The ministry released a statement saying the talks were “a step forward.”")
    assert q.speaker is not None and q.speaker.text == "The ministry"
    assert q.cue is not None and q.cue.text == "saying"


def test_two_short_sentences_in_title_case_are_speech() -> None:
    text = "“Here comes the Boss,” she said, clapping. “The Donald. Big Daddy.”"
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert quotes[1].speaker is not None and quotes[1].speaker.text == "she"


def test_a_poll_share_is_a_subject() -> None:
    q = only("However, 63 percent said the senator was “justified” in keeping it private.")
    assert q.speaker is not None and q.speaker.text == "63 percent"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "A Budget Office report released in May found that the agency was “badly run.”",
            "Budget Office",
            "found",
        ),
        (
            "“We are not done yet!” Webb’s niece, state Sen. Mara Price, shouted to the crowd.",
            "Webb’s niece",
            "shouted",
        ),
        ("Only then did Nora say to her brother, “Go home.”", "Nora", "say"),
        ("“It is late,” the officials report.", "the officials", "report"),
    ],
)
def test_a_bare_cue_form_after_a_singular_phrase_is_a_noun(
    text: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert q.speaker is not None and speaker in q.speaker.text
    assert q.cue is not None and q.cue.text == cue


def test_an_announcing_sentence_introduces_the_next_paragraph() -> None:
    text = (
        "When the strike ended, Governor Ana Ruiz issued the following statement:\n\n"
        "“Our workers deserve better, and I am glad they will get it.”"
    )
    q = only(text)
    assert q.rule == "colon_intro"
    assert q.speaker is not None and "Ana Ruiz" in q.speaker.text
    assert q.cue is not None and q.cue.text == ":"


def test_a_colon_without_an_announcing_word_introduces_nothing() -> None:
    text = "Then the storm broke over the farm of Mary Hale:\n\n“Is anyone there?”"
    q = only(text)
    assert q.rule != "colon_intro"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "The mayor said the storm was bad, adding that repairs would take “several weeks.”",
            "The mayor",
            "adding",
        ),
        (
            "Reed told reporters the plan was done and called it a “total failure.”",
            "Reed",
            "called",
        ),
        (
            "Anna Bell responded to a reporter on Friday by saying the delay was a “minor” one.",
            "Anna Bell",
            "saying",
        ),
        (
            "I was tired, but Ruiz calmed me by remarking: “It is simple.”",
            "Ruiz",
            "remarking",
        ),
        (
            "The mayor said the bridge was safe, hoping that the rumours would stop “for good.”",
            "The mayor",
            "said",
        ),
    ],
)
def test_the_verb_nearest_the_quotation_continues_the_statement(
    text: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_plural_noun_after_and_is_no_second_verb() -> None:
    text = (
        "Senator Tom Reed said the wave of floods and protests demands that residents "
        "engage in “more listening.”"
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Senator Tom Reed"
    assert q.cue is not None and q.cue.text == "said"


def test_a_title_earlier_in_the_sentence_does_not_hide_the_subject() -> None:
    text = (
        "Hale, the former governor, spoke during a “Town Hall Forum” sponsored by Channel "
        "Nine and said she has the key quality for the job: “Steadiness and strength.”"
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Hale"


def test_a_colon_clause_subject_is_not_inside_a_prepositional_phrase() -> None:
    text = (
        "With Democratic leaders worried about young voters, President Ana Reed is rolling "
        "out a new message: “It is about me.”"
    )
    q = only(text)
    assert q.rule == "mention_colon_quote"
    assert q.speaker is not None and q.speaker.text == "President Ana Reed"


def test_the_following_comment_is_announced_by_its_subject() -> None:
    text = "On July 6, Webb made the following comment:\n\n“The rate is far too high.”"
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Webb"
    assert q.cue is not None and q.cue.text == ":"


def test_a_claim_owned_by_a_name_is_its_statement() -> None:
    text = "FactCheck did a review of Tom Reed’s claim that there were “thousands of cases” there."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Tom Reed"
    assert q.cue is not None and q.cue.text == "claim"


def test_a_verb_with_a_subject_beats_a_claim_inside_its_clause() -> None:
    text = "Spokeswoman Ann Bell said that Reed’s claim that she backs the plan is “simply false.”"
    q = only(text)
    assert q.speaker is not None and "Ann Bell" in q.speaker.text
    assert q.cue is not None and q.cue.text == "said"


def test_with_a_name_and_a_gerund_the_name_speaks() -> None:
    q = only("Aides were irritated, with Sen. John Olds calling it a “Chinese menu.”")
    assert q.speaker is not None and q.speaker.text == "Sen. John Olds"
    assert q.cue is not None and q.cue.text == "calling"


def test_a_coordinated_verb_after_an_apposition_keeps_the_subject() -> None:
    text = (
        "Webb, a medical doctor, then appeared on MSNBC on Tuesday and began by saying he "
        "would “never” do that."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Webb"
    assert q.cue is not None and q.cue.text == "saying"


def test_a_heading_in_capitals_is_no_speaker() -> None:
    text = (
        "SENATE HAS QUESTIONED HIM — his advice earned him a hearing in Congress for "
        "saying that the pill was a “magic cure.”"
    )
    quotes = extract_quotes(text)
    assert all(q.speaker is None or "QUESTIONED" not in q.speaker.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "When pressed, the 34-year-old mother of three replied, “It is meant for mothers.”",
            "the 34-year-old mother of three",
        ),
        ("“No deal is ever final,” said 9/11 widow Terry Webb.", "Terry Webb"),
        ("“Yes,” said a 34-year-old nurse.", "a 34-year-old nurse"),
    ],
)
def test_numbers_inside_a_nominal_speaker(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_count_after_of_is_no_subject_of_a_noun() -> None:
    q = only("He gave one of three answers, “Yes.”")
    assert q.cue is None or q.cue.text != "answers"


def test_a_quotation_joined_to_speech_by_a_dash_and_and_is_speech() -> None:
    quotes = extract_quotes("“Dear Anne!” -- and “Dear Anne,” was all that she could say.")
    assert [q.kind for q in quotes] == ["direct", "mixed"]


def test_titles_joined_by_and_stay_titles() -> None:
    text = "She liked “Meet the Press” and “Face the Nation” on Sundays."
    assert extract_quotes(text) == []


def test_words_someone_heard_are_speech_but_printed_words_are_not() -> None:
    heard = extract_quotes("He spoke of his son; she heard the words “my son,” and “Frank,” twice.")
    assert [q.kind for q in heard] == ["mixed", "mixed"]
    assert extract_quotes("The gate had the words “KEEP OUT” painted on it.") == []


def test_a_relative_pronoun_speaks_across_a_time_phrase() -> None:
    text = (
        "Reed is close to Hale, now the majority leader, who in 2010 said the party’s goal "
        "was to make Reed a “one-term mayor.”"
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "who"
    assert q.cue is not None and q.cue.text == "said"


def test_a_new_clause_with_its_own_subject_takes_the_quotation() -> None:
    text = (
        "“You winning?” she said, but Ken was drifting off again, and as Reed went on about "
        "“how the system is rigged,” and “wounded families,” Ann said yes."
    )
    quotes = extract_quotes(text)
    second = quotes[1]
    assert second.speaker is not None and second.speaker.text == "Reed"
    assert second.cue is not None and second.cue.text == "went on"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“It is over,” was announced by the mayor.", "the mayor", "was announced"),
        ("“Come home now” was written by Ann Webb in 1990.", "Ann Webb", "was written"),
    ],
)
def test_the_agent_of_a_passive_cue_speaks(text: str, speaker: str, cue: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_main_clause_after_a_subordinate_one_has_its_own_cue() -> None:
    text = "While he admitted costs were high, Ham also noted several “hidden benefits” of it."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Ham"
    assert q.cue is not None and q.cue.text == "noted"


def test_a_sentence_subject_takes_the_last_speech_verb_as_cue() -> None:
    q = only("Reed took to Twitter overnight to accuse the board of being “asleep at the wheel.”")
    assert q.rule == "sentence_subject"
    assert q.speaker is not None and q.speaker.text == "Reed"
    assert q.cue is not None and q.cue.text == "accuse"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Senator Ann Reed, in particular, has been pounding Webb as a “con artist” all week.",
            "pounding",
        ),
        ("Merkel heralded the EU’s deal with Turkey as a “historic step.”", "heralded"),
    ],
)
def test_a_characterisation_cue_is_the_verb_before_its_object(text: str, cue: str) -> None:
    q = only(text)
    assert q.rule == "characterisation"
    assert q.cue is not None and q.cue.text == cue


def test_a_characterising_transcript_speaker_has_the_colon_as_cue() -> None:
    text = (
        '"ANN WEBB: Mayor, let me stop you there, since, as \u201cThe Ledger\u201d put it last '
        "week, the poll shows that voters are angry about the fees."
    )
    q = only(text)
    assert q.rule == "characterisation"
    assert q.speaker is not None and q.speaker.text == "ANN WEBB"
    assert q.cue is not None and q.cue.text == ":"


def test_a_nominal_in_its_own_clause_beats_a_named_subject_of_an_earlier_one() -> None:
    text = (
        "She said fathers would not be eligible, and when pressed on why, the young mother "
        "of three replied, “It is meant for mothers.”"
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "the young mother of three"
    assert q.cue is not None and q.cue.text == "replied"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Another critic, Tom Webb, likened the rules to “burning the house down.”",
            "Tom Webb",
            "likened",
        ),
        (
            "Ann Hale compared Reed to a coach who is “working the referees.”",
            "Ann Hale",
            "compared",
        ),
        (
            "Cross called it “a citizenship election” and likened it to the days when people "
            "had to “stand up.”",
            "Cross",
            "likened",
        ),
    ],
)
def test_comparisons_are_weak_cues(text: str, speaker: str, cue: str) -> None:
    q = extract_quotes(text)[-1]
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_participle_after_a_quotation_does_not_invert() -> None:
    text = '"I would rather not." That remark from Tom Webb ran in 1980, referencing the agency.'
    q = only(text)
    assert q.speaker is None or q.speaker.text != "the agency"


@pytest.mark.parametrize(
    "text",
    [
        "She called the conduct “outrageous” and called for pay to be “clawed back.”",
        "“It is a scandal,” she said, calling the deal “outrageous” and called for pay to be "
        "“clawed back.”",
    ],
)
def test_a_second_verb_of_the_same_subject_is_the_next_quotations_cue(text: str) -> None:
    q = extract_quotes(text)[-1]
    assert q.cue is not None and q.cue.start == text.index("called for")


def test_what_they_called_takes_the_speech_verb_nearest_what() -> None:
    text = (
        "The City Council on Friday made a strong statement and pledged to impose fines as "
        "a deterrent to what it called “a clear threat to order.”"
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "The City Council"
    assert q.cue is not None and q.cue.text == "pledged"


def test_a_second_name_after_a_preposition_is_no_subject() -> None:
    text = "Officers in Market Harborough or Malvern still murmur to each other: “Not again.”"
    q = only(text)
    assert q.speaker is None or q.speaker.text != "Malvern"


def test_a_title_like_surname_before_an_age_is_the_subject() -> None:
    from quoteattr import _mentions
    from quoteattr._tokens import tokenize

    text = "Mr. King, 82, told me."
    toks = tokenize(text, 0, len(text), _mentions.lexicon().abbreviations)
    v = [t.text for t in toks].index("told")
    found = _mentions.subject_before(text, toks, v, 0)
    assert found is not None and found.text == "Mr. King"


@pytest.mark.parametrize(
    "text",
    [
        "Mayor calls bridge plan ‘a costly mistake’\n\n"
        "The mayor of Elmford said on Monday that the bridge plan was “a costly mistake.”",
        "Harbor Chief: ‘We Will Reopen by Spring.’\n"
        "“We will reopen by spring,” the harbor chief, Ana Velez, told reporters on Friday.",
    ],
)
def test_single_marks_in_a_headline_are_not_speech(text: str) -> None:
    body = text.index("\n")
    kinds = {q.start < body: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds[True] == "other"
    assert kinds[False] in ("direct", "mixed")


@pytest.mark.parametrize(
    "text",
    [
        # one line only: no headline above a story
        "Mayor calls bridge plan ‘a costly mistake’ at a meeting on Monday.",
        # double marks in the first line
        "Mayor calls bridge plan “a costly mistake”\n\nThe mayor spoke on Monday.",
        # a long first paragraph is a lead, not a headline
        "The mayor of Elmford, who has opposed the project since the council first voted on it "
        "two years ago, said on Monday that the plan was ‘a costly mistake’ for the town.\n\n"
        "She spoke at a meeting.",
    ],
)
def test_quotations_outside_a_headline_stay_speech(text: str) -> None:
    q = extract_quotes(text, kinds="direct,mixed,other")[0]
    assert q.kind in ("direct", "mixed")


_DIALOGUE = (
    "“Are you coming?”\n\n“Not yet.”\n\n“Why not?”\n\n“The rain.”\n\n“It has stopped.”\n\n"
    "“Then I am coming.”\n\n"
)


@pytest.mark.parametrize(
    ("narration", "phrase"),
    [
        ("When his aunts spoke of him, they said that he was in Paris “studying.”", "studying."),
        (
            "The boys who admired him kept calling him a “true sailor” and such names.",
            "true sailor",
        ),
        ("Her uncle told the “maid” what to cook for supper.", "maid"),
    ],
)
def test_a_short_phrase_in_narration_of_a_dialogue_is_a_term(narration: str, phrase: str) -> None:
    text = _DIALOGUE + narration
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds[phrase] == "other"
    assert kinds["Not yet."] == "direct"


def test_a_longer_phrase_in_narration_of_a_dialogue_without_a_cue_is_a_term() -> None:
    text = _DIALOGUE + (
        "Often she had heard the old house ring with “the long songs of the river men and "
        "their wives” until morning."
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["the long songs of the river men and their wives"] == "other"


@pytest.mark.parametrize(
    ("narration", "phrase"),
    [
        (
            "He was due back at school; but his aunt had kept him at home for a week "
            "or two, “on account of his weak chest.” The doctor said nothing.",
            "on account of his weak chest.",
        ),
        (
            "She was one of the few who had come, unlike her cousins, “uninvited,” and had "
            "stayed the whole week.",
            "uninvited,",
        ),
        (
            "There was a “short cut” to the river, and the old road to the coast, "
            "“a day's ride at the least,” past the mill.",
            "a day's ride at the least,",
        ),
    ],
)
def test_a_lower_case_phrase_after_a_comma_of_narration_is_a_term(
    narration: str, phrase: str
) -> None:
    text = _DIALOGUE + narration
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds[phrase] == "other"
    assert kinds["Not yet."] == "direct"


@pytest.mark.parametrize(
    ("narration", "phrase"),
    [
        (
            "“Come in,” said Mrs. Fenn, shaking the rain from her coat, “and shut the door.”",
            "and shut the door.",
        ),
        ("“Ah, but,” put in his wife, holding the baby on her knee, “let her go.”", "let her go."),
        (
            "Mrs. Fenn turned to the boy, drying her hands, “and what did you see there?”",
            "and what did you see there?",
        ),
    ],
)
def test_a_lower_case_turn_after_a_tag_stays_speech(narration: str, phrase: str) -> None:
    text = _DIALOGUE + narration
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds[phrase] == "direct"


def test_words_a_note_says_after_someone_reads_it_are_not_speech() -> None:
    text = _DIALOGUE + (
        "A boy brought a note, and his face fell when he read it.\n\n"
        "“Come to the mill at six,” it said, “and bring the lamp.”\n\nHe went."
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["Come to the mill at six,"] == "other"
    assert kinds["and bring the lamp."] == "other"
    assert kinds["Not yet."] == "direct"


@pytest.mark.parametrize(
    "text",
    [
        # A reply after reading, said by the reader.
        "A boy brought a note, and his face fell when he read it.\n\n"
        "“Come to the mill at six,” he said, “and bring the lamp.”",
        # A creature called "it", no reading.
        "The little beast looked up at her from the grass.\n\n"
        "“Come to the mill at six,” it said, “and bring the lamp.”",
    ],
)
def test_it_said_without_a_thing_read_stays_speech(text: str) -> None:
    kinds = {q.text: q.kind for q in extract_quotes(_DIALOGUE + text, kinds="direct,mixed,other")}
    assert kinds["Come to the mill at six,"] == "direct"


_SCRAPS_STORY = _DIALOGUE + (
    "The hall was crowded, and they drifted from group to group, catching scraps of "
    "conversation as they went.\n\n"
    "“She never paid him back, you know.” “Not a penny of it, my dear!”\n\n"
    "“What odd things one hears,” said Ivo.\n\n"
)


def test_scraps_of_talk_overheard_are_not_turns() -> None:
    kinds = {q.text: q.kind for q in extract_quotes(_SCRAPS_STORY, kinds="direct,mixed,other")}
    assert kinds["She never paid him back, you know."] == "other"
    assert kinds["Not a penny of it, my dear!"] == "other"
    assert kinds["What odd things one hears,"] == "direct"


@pytest.mark.parametrize(
    "before",
    [
        # One exchange, told as speech.
        "One brief bit of conversation she overheard troubled her.",
        # Scraps, but not at the end of the paragraph before.
        "They caught scraps of conversation. Then the music began.",
    ],
)
def test_overheard_speech_that_is_no_sample_of_scraps_stays_speech(before: str) -> None:
    text = _SCRAPS_STORY.replace(
        "The hall was crowded, and they drifted from group to group, catching scraps of "
        "conversation as they went.",
        before,
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["She never paid him back, you know."] == "direct"


def test_scraps_of_talk_with_their_own_tag_stay_speech() -> None:
    text = _SCRAPS_STORY.replace(
        "“She never paid him back, you know.” “Not a penny of it, my dear!”",
        "“She never paid him back, you know,” said a woman near the door.",
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["She never paid him back, you know,"] == "direct"


@pytest.mark.parametrize(
    "narration",
    [
        "She opened the telegram and read: “Arriving Tuesday, meet the late train.”",
        "The note ran, “Come at once, the river is rising.”",
        "Over the door was written “Knock loudly and wait.”",
        "He turned the cup over. “To Ann Webb, from her friends at the mill,” was engraved "
        "upon it, with the year.",
        "Under the crest were the arms and motto:--“Faithful and bold.”",
        "The letter ended with a postscript: “Burn this when you have read it.”",
        "At noon came the telegram: “Ship sails Friday. Come at once.”",
        "On the shelf stood a brown bottle, labelled: “Two drops at night only.”",
        "Over the bed hung a faded print entitled, “Sheep at Evening by the Mill.”",
        "The clerk unrolled the paper and read as follows:\n\n“All dogs to be kept on a lead.”",
        "She found that the card contained the words:\n\n“Meet me at the bridge at six.”",
    ],
)
def test_text_read_or_written_in_a_story_is_not_speech(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert quotes[-1].kind == "other"
    assert quotes[0].kind == "direct"


def test_words_spoken_as_follows_stay_speech() -> None:
    narration = "He stood up, and spoke as follows:\n\n“I will not sign it, whatever you say.”"
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert quotes[-1].kind == "direct"


@pytest.mark.parametrize(
    "narration",
    [
        "She looked round at him, as much as to say, “Who asked you?”",
        "The dog lifted its head as if to say, “Not now.”",
        "His face seemed to say, “I told you so.”",
        "He only nodded, as who should say, “Just as you like.”",
        "The clerk, who had stayed, or, as he put it, “camped,” in the town all winter, left.",
        "He would not go home, as the saying goes, “with his tail between his legs.”",
    ],
)
def test_words_nobody_speaks_in_a_story_are_not_speech(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert (quotes[-1].kind, quotes[-1].speaker) == ("other", None)
    assert quotes[0].kind == "direct"


@pytest.mark.parametrize(
    "narration",
    [
        "She didn't say “not ever,” but she thought it all the same.",
        "This time he did not reply, “You are wrong,” though he wanted to.",
        "When he saw the lights he would think, “How warm it must be in there!”",
        "“As quick,” we used to say, “as a hare in March.”",
        "Fair and steady, we began to say, “As sure as the tide.”",
        "“What a fool!” you will exclaim. Perhaps he was.",
        "I was born at Brookend, or “over the water,” as they say in those parts.",
        "He lived by the homely adage, “waste not, want not,” all his life.",
        "The cook said the pie was “baked fresh each morning,” which nobody believed.",
        "In those days it was thought “not quite nice” to dance on a Sunday.",
        "We went down to hear the choir sing “The Far Green Hills” at the chapel.",
        "At the meeting the elders begged the boys to “keep the peace at any cost.”",
        "What he felt could have been put into words thus: “I am tired of it all.”",
        "He felt like answering: “Not if I can help it,” but he held his tongue.",
        "It was on the tip of his tongue to ask: “Who sent you here?”",
        "She very nearly said, “You are a fool.” The bell saved her.",
        "A clerk might have said: “The books are closed.” The old man only nodded.",
        "Her eyes said: “Leave me alone.”",
        "He gave the boy a smile which meant, “You will see soon enough.”",
        "She was going to answer, “Never,” when the door opened.",
        "How could he say, “I forgot the key”? He went back for it.",
        "Instead of saying, “I am sorry for it,” he walked out.",
        "She was on the point of saying to him: “Stay here with me tonight.”",
    ],
)
def test_words_nobody_says_aloud_in_a_story_are_not_speech(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert [q.kind for q in quotes[6:]] == ["other"] * (len(quotes) - 6)
    assert all(q.speaker is None for q in quotes[6:])


@pytest.mark.parametrize(
    "narration",
    [
        "Then the old woman pronounced the word “Enough!” and sat down.",
        "The clerk at the desk uttered a sharp “Hush!”",
        "Asked about the key, Tom stammered a “No.”",
        "The farmer said in a loud voice “Close the gate!” and walked off.",
    ],
)
def test_a_short_utterance_right_after_its_verb_is_speech(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert [q.kind for q in quotes[6:]] == ["mixed"]


@pytest.mark.parametrize(
    "narration",
    [
        "It was easy enough to say “Yes.” She did not.",
        "The house had a room called “The Study.” Nobody used it.",
    ],
)
def test_a_short_quotation_after_no_finite_verb_of_speaking_is_a_term(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert [q.kind for q in quotes[6:]] == ["other"]


@pytest.mark.parametrize(
    "narration",
    [
        "Her letter came on Monday. “The roads are bad,” she wrote, “but we shall come.”",
        "The card was short. “Back on the tenth,” wrote Uncle Amos.",
    ],
)
def test_a_quotation_tagged_with_a_verb_of_writing_is_not_speech(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert quotes[6:] and {q.kind for q in quotes[6:]} == {"other"}


def test_speech_over_a_participle_of_writing_stays_speech() -> None:
    narration = "“We have three clues,” he said, writing busily, “and one of them is false.”"
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert [q.kind for q in quotes[6:]] == ["direct", "direct"]


@pytest.mark.parametrize(
    ("text", "segment"),
    [
        ("“‘All things must pass,’” quoted the vicar.", "‘All things must pass,’"),
        ("\"'Dust to dust,'\" she recited softly.", "'Dust to dust,'"),
        ("“‘Fine,’” he said.", "“‘Fine,’”"),  # not a verb of repeating: the outer marks
        ("“‘Fine,’ she told me,” he quoted.", "“‘Fine,’ she told me,”"),  # more than the inner
    ],
)
def test_a_quoted_quotation_is_the_inner_words(text: str, segment: str) -> None:
    (quote,) = extract_quotes(text)
    assert [text[s.start : s.end] for s in quote.segments] == [segment]
    assert quote.start == 0 and text[quote.end - 1] in '”"'  # the record keeps the outer marks


@pytest.mark.parametrize(
    "narration",
    [
        "Every evening she would say, “Shut the gate, it is getting dark.”",
        "He was about to leave when she said, “Wait for me at the gate.”",
        "She almost ran to the door, and called, “Who is there at this hour?”",
        "Instead of answering her he asked: “Where were you all day?”",
    ],
)
def test_words_someone_would_say_in_a_story_stay_speech(narration: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert quotes[-1].kind == "direct"


@pytest.mark.parametrize(
    ("narration", "cried"),
    [
        ("The sentry cried out in a hoarse voice, _Wer da_, and raised his lamp.", "Wer da"),
        ("At the cask there was a great shout of _Viva el rey_ from the men.", "Viva el rey"),
    ],
)
def test_words_cried_out_in_italics_in_a_story_are_speech(narration: str, cried: str) -> None:
    quotes = extract_quotes(_DIALOGUE + narration, kinds="direct,mixed,other")
    assert quotes[-1].text == cried
    assert quotes[-1].kind != "other"


def test_words_as_a_source_put_them_in_news_stay_speech() -> None:
    text = "The plan, as the senator put it, “will not survive the winter.”"
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert q.kind != "other"


def test_text_read_out_in_news_stays_speech() -> None:
    text = "The senator wrote, “We will not back down on this bill.”"
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert q.kind == "direct"


def test_short_fragments_stay_speech_without_dialogue() -> None:
    text = (
        "The governor called the budget “a disgrace” on Monday.\n\n"
        "“We will vote against it,” said Ana Ruiz, the speaker of the house."
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["a disgrace"] == "mixed"


_STORY = (
    "The farm was old and the barn had fallen in long before we came. My uncle was a quiet "
    "man who had worked the fields since he was a boy, and his hands were hard and brown. "
    "The house was cold in winter; the windows were small and the stove was always out by "
    "morning. We were happy there all the same. The neighbours had called the place "
    "“the ark” for as long as anyone could remember, and the name had stuck. There was a "
    "creek behind the orchard where the water was clear and the stones were smooth. My "
    "aunt had kept bees there once, and the hives were still standing when we arrived. "
    "Nobody had touched them in years; the wood was grey and the roofs were gone. It was "
    "the summer my brother was ten, and he was wild about the bees.\n\n"
)


def test_a_short_phrase_in_a_story_told_without_dialogue_is_a_term() -> None:
    kinds = {q.text: q.kind for q in extract_quotes(_STORY, kinds="direct,mixed,other")}
    assert kinds["the ark"] == "other"


def test_a_short_phrase_in_news_told_in_the_past_stays_speech() -> None:
    # The same narration with the dates and counts of a news story.
    text = _STORY.replace("long before we came", "in 2014, on March 3").replace(
        "since he was a boy",
        "for 31 years, since 1985, according to records released on "
        "Tuesday, when 12 of 40 buildings were found in 2 of 9 counties",
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["the ark"] == "mixed"


# Present-tense narration, as some novels open: too few past-tense words to read as a story
# by its tense, but long, with semicolons and no numbers.
_PRESENT_PROSE = (
    "The fog is everywhere; it creeps up the river and down the lanes, and it settles on the "
    "roofs. The lamps are lit early; the shops are dim. Carts go by slowly; the horses steam. "
    "Nobody hurries in such weather, and nobody is glad of it. "
) * 24


def test_a_short_phrase_in_long_prose_with_semicolons_is_a_term() -> None:
    text = _PRESENT_PROSE + "The clerks call the court “the old mill” and go home."
    assert len(text) >= 5000
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["the old mill"] == "other"


def test_a_short_phrase_in_long_prose_that_counts_things_stays_speech() -> None:
    prose = _PRESENT_PROSE.replace("Carts go by slowly", "Some 140 carts go by in 2 hours")
    text = prose + "The clerks call the court “the old mill” and go home."
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["the old mill"] == "mixed"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("CHAPTER TWO\n\n“THE OLD MILL”\n\nThe mill stood by the river.", "other"),
        ("The card in the window read:\n\n“ROOMS TO LET, APPLY WITHIN.”\n\nShe rang.", "other"),
        ("Smoke rose from the barn.\n\n“FIRE!”\n\nEveryone ran.", "direct"),
        ("He came in late.\n\n“WHERE WERE YOU?”\n\nShe did not answer.", "direct"),
        ("He came in late.\n\n“Where were you, Tom.”\n\nShe did not answer.", "direct"),
    ],
)
def test_a_paragraph_quoting_only_capitals_is_a_heading(text: str, kind: str) -> None:
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert q.kind == kind


def test_the_genre_option_decides_how_fragments_in_narration_are_read() -> None:
    story_in_present = (
        "The governor is angry. She has called the budget “a disgrace” and says she will "
        "veto it on Friday, when 12 of 40 members are away."
    )
    assert QuoteExtractor().genre == "auto"
    for genre, text, kind in [
        ("auto", _STORY, "other"),
        ("news", _STORY, "mixed"),
        ("auto", story_in_present, "mixed"),
        ("fiction", story_in_present, "other"),
    ]:
        extractor = QuoteExtractor(kinds=("direct", "mixed", "other"), genre=genre)  # type: ignore[arg-type]
        assert extractor.genre == genre
        (q,) = extractor.extract(text)
        assert q.kind == kind, (genre, text[:20])


def test_news_keeps_fragments_of_a_dialogue_as_speech() -> None:
    text = _DIALOGUE + "The boys kept calling him a “true sailor” and such names."
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other", genre="news")}
    assert kinds["true sailor"] == "mixed"


@pytest.mark.parametrize("genre", ["novel", "", "NEWS", None, 3])
def test_an_unknown_genre_is_refused(genre: object) -> None:
    with pytest.raises(ConfigurationError, match="genre"):
        QuoteExtractor(genre=genre)  # type: ignore[arg-type]


def test_a_reply_going_on_after_a_semicolon_stays_speech() -> None:
    text = _DIALOGUE + "“I am tired,” said Tom; “let us rest.”"
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["let us rest."] in ("direct", "mixed")


@pytest.mark.parametrize(
    "text",
    [
        "CHAPTER ONE\n\n     “Over the hills the lanterns burn,\n      "
        "and none of the sleepers will return.”\n\nThe village lay quiet under the snow.",
        "From the hall came the words of an old song:\n\n          “Down by the river where the "
        "willows grow”\n\nand the others took up the tune.",
    ],
)
def test_a_quotation_set_in_from_the_text_is_verse(text: str) -> None:
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert q.kind == "other"


def test_a_dialogue_indented_like_the_rest_stays_speech() -> None:
    text = "    “Where are you going?” asked Tom.\n\n    “Home,” said Ann.\n\n    They parted."
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["direct", "direct"]


STORY = (
    "The house was quiet when they came in. It was late, and the fire had gone out. "
    "Nobody was in the hall, and the lamps were low. The maid had gone to bed; the cook "
    "was asleep. It was a house that had seen better days, and it was cold. The garden "
    "was dark. The gate was shut. The road was empty and the wind was rising. The dogs "
    "were restless. The old man had been ill, and his sons were away. The letters had "
    "not come. The bread was stale and the milk had turned. "
)


@pytest.mark.parametrize(
    ("sentence", "joined"),
    [
        ("“Lovely,” the girls whispered, and “charming.” They sat down.", "“charming.”"),
        ("She kept shouting “Go away!” or “Leave me!” all night.", "“Leave me!”"),
    ],
)
def test_a_quotation_joined_to_speech_in_a_story_stays_speech(sentence: str, joined: str) -> None:
    text = STORY + sentence
    kinds = {
        text[q.start : q.end]: q.kind
        for q in QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    }
    assert kinds[joined] in ("direct", "mixed")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The cook made a stew she called “hot pot,” and it was good.", "other"),
        ("Everyone in the valley knew it as “the long winter.”", "other"),
        ("He said the inn was named “The Bell,” and we went in.", "other"),
        ("The sentry called “Halt!” at the gate.", "direct"),
        ("“Come in,” she called, “and shut the door.”", "direct"),
    ],
)
def test_a_quotation_after_a_naming_word_in_a_story_is_a_term(sentence: str, kind: str) -> None:
    assert kinds_of(STORY + sentence)[-1] == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The dogs kept up a “yip, yip, yap, yap, yip!” all night long.", "other"),
        ("He made me promise to keep my “eyes open for a man with a limp” and tell him.", "other"),
        ("She wrote a long story, which might have been entitled “How I Lost My Hat.”", "other"),
        ("He promised he would “come back to the farm before the frost,” and he did.", "mixed"),
    ],
)
def test_a_long_phrase_after_an_article_or_a_naming_word_in_a_story(
    sentence: str, kind: str
) -> None:
    assert kinds_of(STORY + sentence)[-1] == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("“THE OLD MILL” stood empty by the river that year.", "other"),
        ("“HELP!” came from the barn, and we ran.", "direct"),
        ("“STOP THE TOLLS,” the farmers shouted at the gate.", "direct"),
    ],
)
def test_a_quotation_in_capitals_without_a_cue_in_a_story_is_a_name(
    sentence: str, kind: str
) -> None:
    assert kinds_of(STORY + sentence)[-1] == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She came in.\n\n[Illustration: “You are late again,” she said]\n\nHe sat.", "other"),
        ("He waited.\n\n[Frontispiece: the mill, “where we first met”]\n\nIt rained.", "other"),
        ("[He paused.] “Go home,” she said.", "direct"),
        ("The mayor spoke. [Editor: “We will build it,” he said.]", "direct"),
    ],
)
def test_a_quotation_in_an_illustration_caption_is_not_speech(text: str, kind: str) -> None:
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert q.kind == kind


def test_a_quotation_after_a_naming_word_in_news_stays_speech() -> None:
    text = "The mayor called the plan “a fantasy” on Tuesday, 12 days after the vote."
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["mixed"]


def test_a_list_of_words_in_a_story_stays_a_list_of_terms() -> None:
    text = STORY + "His answers were always “yes” or “no” to anything."
    kinds = kinds_of(text)
    assert kinds == ["other", "other"]


def test_a_deck_after_a_headline_ending_in_a_semicolon_is_part_of_the_headline() -> None:
    text = (
        "Mayor fights to keep the mill open;\nWorkers fear 'the end of the town'\n\n"
        'The mill will close in May. "We had no choice," the owner said.'
    )
    kinds = kinds_of(text)
    assert kinds == ["other", "direct"]


def test_a_second_paragraph_after_a_headline_without_semicolon_is_the_story() -> None:
    text = (
        "Mayor fights to keep the mill open\n\nWorkers said the plan was 'the end of "
        'the town.\' They were angry.\n\n"We had no choice," the owner said. "None."'
    )
    kinds = kinds_of(text)
    assert kinds[0] != "other"


def test_a_subheading_in_single_marks_is_a_title() -> None:
    text = (
        'The mill closed in May, the owner said. "We had no choice," he said.\n\n'
        "'A Town Without Work.'\n\n"
        '"Nobody here expected it," said Ana Ruiz, who ran the bakery.'
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["A Town Without Work."] == "other"
    assert kinds["Nobody here expected it,"] == "direct"


@pytest.mark.parametrize("heading", ["'A fight to the finish.'", "'We are hiring again!'"])
def test_a_subheading_in_single_marks_need_not_be_in_title_case(heading: str) -> None:
    text = (
        'The mill closed in May, the owner said. "We had no choice," he said.\n\n'
        f"{heading}\n\n"
        '"Nobody here expected it," said Ana Ruiz, who ran the bakery.'
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds[heading.strip("'")] == "other"
    assert kinds["Nobody here expected it,"] == "direct"


def test_a_one_word_or_comma_line_in_single_marks_stays_speech() -> None:
    text = (
        'The mill closed in May. "We had no choice," he said.\n\n'
        "'Yes, we knew.'\n\n"
        '"Nobody expected it," said Ana Ruiz.'
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["Yes, we knew."] != "other"


def test_a_short_turn_in_single_marks_stays_speech() -> None:
    # A story quoting in single marks: a turn on its own line is speech.
    text = "'Where are you going?' asked Tom.\n\n'Good Morning.'\n\n'Home,' said Ann."
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["Good Morning."] == "direct"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "“We will reopen by spring,” the harbor chief, Ana Velez, told reporters.",
            "Ana Velez",
            "told",
        ),
        ("“No,” a spokeswoman for the ministry, Jane Doe, said on Monday.", "Jane Doe", "said"),
    ],
)
def test_a_name_in_apposition_to_a_description_after_the_quotation(
    text: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert q.kind == "direct"
    assert q.rule == "quote_cue_mention"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_quotation_after_a_semicolon_goes_on_with_the_speech() -> None:
    text = "“I have no fear of the storm,” said Mr. Grant; “and I am glad you have none.”"
    second = extract_quotes(text)[1]
    assert second.kind == "direct"
    assert second.speaker is not None and second.speaker.text == "Mr. Grant"


_LETTER = (
    'She opened the letter and read:\n\n"Dear Mr. Pellow,"\n\n'
    '"I write to tell you that the mill will close."\n\n"Yours truly,"\n\n"J. Fenwick."\n\n'
    '"What does he mean?" asked Dulcie.'
)


def test_a_letter_quoted_paragraph_by_paragraph_is_not_speech() -> None:
    kinds = [q.kind for q in extract_quotes(_LETTER, kinds="direct,mixed,other")]
    assert kinds == ["other", "other", "other", "other", "direct"]


def test_a_salutation_without_a_closing_stays_speech() -> None:
    text = '"Dear Tom,"\n\n"I have waited an hour for you."\n\n"Sorry," said Tom.'
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["direct", "direct", "direct"]


def test_a_salutation_alone_before_unquoted_text_is_not_speech() -> None:
    text = (
        "She tore the envelope open.\n\n“Dearest Ann,”\n\nI write in haste; the boat leaves "
        "at noon and I must be on it.\n\n“What does she say?” asked Tom."
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["other", "direct"]


def test_a_letter_with_a_heading_and_no_closing_is_not_speech() -> None:
    text = (
        "The post came late that day.\n\n"
        '"Riverside Farm,"\n\n"Monday."\n\n"Dearest Kate,--The hay is in at last.'
        ' Come when you can."\n\n"The rain kept off for once."\n\n'
        'Kate folded it away. "Good news," she said.'
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["other", "other", "other", "other", "direct"]


def test_a_letter_closing_may_name_the_writers_tie_to_the_reader() -> None:
    text = (
        'She opened it at once.\n\n"Dear Nell,"\n\n"The roof leaks again."\n\n'
        '"Believe me,"\n\n"Your tired and loving aunt,"\n\n"Bess."\n\n'
        '"Poor Aunt Bess," said Nell.'
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["other"] * 5 + ["direct"]


def test_a_letter_whose_salutation_shares_its_paragraph_runs_to_its_closing() -> None:
    text = (
        "Her hands shook as she read it.\n\n"
        '"Dear Sister," it ran, "the farm is sold."\n\n'
        '"We leave on the first boat in spring."\n\n'
        '"Your brother,\n        SAM."\n\n'
        '"He never said a word," she whispered.'
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["other", "other", "other", "other", "direct"]


def test_a_letter_under_a_bare_salutation_and_a_bracketed_tag_runs_to_its_closing() -> None:
    text = (
        "The letter came on Friday.\n\n"
        '"Dearest Kate" [wrote Ann],\n\n"The hay is in and the rain has held off."\n\n'
        '"Yours ever,"\n\n"Ann"\n\nKate laughed. "She never changes," she said.'
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["other", "other", "other", "other", "direct"]


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("“Dear Nell, the roof leaks again and the cow is lame.   Yours ever, Bess.”", "other"),
        ("“We sail on Friday and shall be home by the tenth. Yours, etc.”", "other"),
        ("“Take the farm, the cattle and the mill; it is all yours.”", "direct"),
    ],
)
def test_a_quoted_paragraph_ending_on_a_letters_closing_is_not_speech(
    paragraph: str, kind: str
) -> None:
    quotes = extract_quotes(_DIALOGUE + paragraph, kinds="direct,mixed,other")
    assert [q.kind for q in quotes[6:]] == [kind]


def test_a_reply_opening_with_a_salutation_stays_speech() -> None:
    text = (
        'He came in at noon.\n\n"Dear Tom, you are late."\n\n"The roads were bad."\n\n'
        '"Your dinner is cold."'
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["direct"] * 3


def test_short_answers_before_a_salutation_are_not_a_letter_heading() -> None:
    text = (
        'He came in at noon.\n\n"Where?"\n\n"Tomorrow."\n\n"Dear Tom,--You are late."'
        '\n\n"I am sorry."'
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["direct"] * 4


def test_a_story_in_single_marks_may_open_with_dialogue() -> None:
    text = (
        "‘Where is the cat going with that mouse?’ asked Fern.\n\n"
        "‘Out to the barn,’ said her mother. ‘It will be back by supper.’"
    )
    kinds = [q.kind for q in extract_quotes(text, kinds="direct,mixed,other")]
    assert kinds == ["direct", "direct", "direct"]


def test_an_inset_quotation_introduced_by_a_speech_verb_stays_speech() -> None:
    text = (
        "The mayor said:\n\n     “We will fight on, whatever it takes.”\n\nThe council met later."
    )
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert q.kind == "direct"


_SONG = "          “Row me home across the water,\n             Row me home before the tide.”"


def test_set_in_verse_after_a_singer_introducing_it_is_sung() -> None:
    text = (
        "The old boatman leaned on his oar, and as the light went he sang his favourite "
        f"song:\n\n{_SONG}\n\nThen he laughed and pulled for the shore."
    )
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert (q.kind, q.rule, q.speaker and q.speaker.text) == ("direct", "colon_intro", "he")


_ENTRY = "        “Pruett, Orla, surveyor, 1874, Riverside.\n        Clerk of works at Mill Lane.”"


def test_set_in_text_someone_reads_aloud_is_said() -> None:
    text = (
        "There were several such entries, but only one could be our man. I read the entry "
        f"aloud.\n\n{_ENTRY}\n\nMy friend nodded."
    )
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert (q.kind, q.rule, q.speaker and q.speaker.text) == ("direct", "colon_intro", "I")


def test_set_in_text_read_silently_stays_quoted_matter() -> None:
    text = (
        "There were several such entries, but only one could be our man. I read the entry "
        f"twice.\n\n{_ENTRY}\n\nMy friend nodded."
    )
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert (q.kind, q.speaker) == ("other", None)


def test_set_in_verse_after_a_song_nobody_sings_stays_quoted_matter() -> None:
    text = (
        "The door stood open, and from the hall came the words of a song:"
        f"\n\n{_SONG}\n\nThen the music stopped."
    )
    (q,) = extract_quotes(text, kinds="direct,mixed,other")
    assert (q.kind, q.speaker) == ("other", None)


_QUAYSIDE = (
    "Gulls circled in the rain over the Quayside. Near the Quayside stood an inn, and the "
    "carts rolled down to the Quayside.\n\n"
    "Then a boy from the Quayside ran up, crying “The tide is turning!”\n\n"
    "“Thank you,” said Tom.\n"
    # The place statistic is read only in texts of 20,000 characters or more.
    + "\nThe clock struck nine, and the lamps along the lane were lit one by one.\n"
    * 300
)


def test_a_place_is_no_speaker() -> None:
    # "the Quayside" mostly follows "near the", "to the", "from the": a place, not a person.
    first = extract_quotes(_QUAYSIDE)[0]
    assert first.text == "The tide is turning!"
    assert first.speaker is None or "Quayside" not in first.speaker.text


def test_a_person_met_after_prepositions_is_still_a_person() -> None:
    # "at Anne", "to Anne" take no "the": a person looked at or spoken to.
    text = (
        "Tom looked at Anne. He turned to Anne and smiled. Mary waved at Anne.\n\n"
        "Anne said, “We should go home now.”\n"
        + "\nThe clock struck nine, and the lamps along the lane were lit one by one.\n"
        * 300
    )
    q = extract_quotes(text)[0]
    assert q.speaker is not None and q.speaker.text == "Anne"


def test_is_place_reads_the_document() -> None:
    from quoteattr import _layout
    from quoteattr._attribution import is_place
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._models import Mention
    from quoteattr._sentences import SentenceSplitter

    doc = Document(
        _QUAYSIDE, _layout.paragraphs(_QUAYSIDE), SentenceSplitter(), CueLexicon.load(())
    )
    s = _QUAYSIDE.index("Quayside")
    assert is_place(doc, Mention(s, s + 8, "Quayside", "name"))
    t = _QUAYSIDE.index("Tom")
    assert not is_place(doc, Mention(t, t + 3, "Tom", "name"))


def test_a_document_computes_a_fact_once_per_key() -> None:
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    doc = Document("Tom sat.", [(0, 8)], SentenceSplitter(), CueLexicon.load(()))
    calls: list[str] = []

    def compute(value: object) -> object:
        calls.append(str(value))
        return value

    assert doc.once(("place", "Leeds"), lambda: compute(True)) is True
    assert doc.once(("place", "Leeds"), lambda: compute(False)) is True
    assert doc.once(("kin", "Aunt"), lambda: compute(None)) is None  # None is remembered too
    assert doc.once(("kin", "Aunt"), lambda: compute("again")) is None
    assert doc.once(("place", "Hull"), lambda: compute(False)) is False
    assert calls == ["True", "None", "False"]


def test_a_name_after_to_with_at_is_no_paragraph_speaker() -> None:
    # The one waved at, spoken to or sat with is seldom the one who speaks.
    q = extract_quotes("Everyone waved at Lord Penn. “Come in out of the rain.”\n")[0]
    assert q.speaker is None or "Penn" not in q.speaker.text
    q = extract_quotes("The door opened. Tom turned to Anne. “Where is the key?”\n")[0]
    assert q.speaker is not None and q.speaker.text == "Tom"


def test_a_participle_right_after_a_quotation_is_the_sentence_subjects() -> None:
    # "telling reporters": the reporters are told; the mayor speaks both fragments.
    text = (
        "The mayor hailed the vote as “fantastic,” telling reporters during a visit "
        "that the result is “a great thing.”\n"
    )
    got = [(q.text, q.speaker.text if q.speaker else None) for q in extract_quotes(text)]
    assert got == [("fantastic,", "The mayor"), ("a great thing.", "The mayor")]
    q = extract_quotes(text)[1]
    assert q.cue is not None and q.cue.text == "telling"


def test_a_plural_pronoun_is_no_paragraph_speaker() -> None:
    # "as they went in": the two of them, not the one who asks.
    q = only("Tom led the way. “Is the garden yours?” he asked as they went in.")
    assert q.speaker is not None and q.speaker.text != "they"
    q = only("“Is the garden yours?” They walked on in silence.")
    assert q.speaker is None or q.speaker.text != "They"


def test_a_later_clause_with_its_own_subject_gives_the_speaker() -> None:
    # "and Ann looked up … and said": Ann, not the "He" who opens the sentence.
    q = only("He gave the cup to Ann, and Ann looked up from her book and said, “Thank you.”")
    assert q.speaker is not None and q.speaker.text == "Ann"
    # An object joined by "and" is no subject: the sentence's own subject stays.
    q = only("He gave the cup to Ann and Tom, and said, “Drink it while it is hot.”")
    assert q.speaker is not None and q.speaker.text == "He"


def test_a_name_with_a_relative_clause_before_the_cue_speaks() -> None:
    q = only("Tom frowned. He sat down next to Mary, who smiled and said, “Welcome back.”")
    assert q.speaker is not None and q.speaker.text == "Mary"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Preceded on stage by her deputy, the mayor promised “a cleaner river.”", "Preceded"),
        ("Conceding that the deal was late, she called it “a fair price.”", "Conceding"),
        ("It’s been a “long road” for the town.", "It’s"),
        (
            "The embryonic cells divide. Embryonic cells are “the master key of biology.”",
            "Embryonic",
        ),
    ],
)
def test_an_ordinary_word_opening_the_sentence_is_no_subject(text: str, word: str) -> None:
    quotes = extract_quotes(text, kinds=("direct", "mixed", "other"))
    assert quotes
    assert all(q.speaker is None or q.speaker.text != word for q in quotes)


def test_a_name_opening_the_sentence_is_still_its_subject() -> None:
    q = only("Manning took to the radio to accuse the council of being “asleep at the wheel.”")
    assert q.speaker is not None and q.speaker.text == "Manning"
    assert q.rule == "sentence_subject"


def test_a_paragraph_mention_takes_the_verb_after_it_as_cue() -> None:
    text = "Ruiz, the mayor, stood by her claim that the bridge was “perfectly safe” on Monday."
    q = only(text)
    assert q.rule == "paragraph_mention"
    assert q.speaker is not None and q.speaker.text == "Ruiz"
    assert q.cue is not None and q.cue.text == "stood"


def test_a_paragraph_mention_in_an_earlier_sentence_gets_no_verb_cue() -> None:
    q = only("Ruiz stood by the river. “The bridge is safe and it will stay open.”")
    assert q.rule == "paragraph_mention"
    assert q.cue is None


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Several said they wanted “block grants” instead.", "Several", "said"),
        ("The crowd cheered. Some chanted “Four more years!”", "Some", "chanted"),
        ("Another tweeted, “The vote was rigged.”", "Another", "tweeted"),
    ],
)
def test_an_indefinite_pronoun_opening_the_clause_speaks(text: str, speaker: str, cue: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_verb_form_after_a_determiner_inside_a_clause_is_still_a_noun() -> None:
    q = only("She gave several answers, “Yes.”")
    assert q.cue is None or q.cue.text != "answers"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "NEW YORK - Mayor Ana Ruiz on Saturday tweeted a picture of the bridge with the "
            "words “open at last!” to cheers.",
            "Mayor Ana Ruiz",
        ),
        (
            "Lisbon (AFP) – The mayor has criticised the plan, saying that “nobody asked us.”",
            "The mayor",
        ),
        (
            "PORTO, Dec. 8 (UPI) — In response to the plan, the mayor’s aide rallied "
            "supporters, saying: “We have to stop it.”",
            "the mayor’s aide",
        ),
    ],
)
def test_a_dateline_is_no_speaker(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "“We are not welcome,” said Ana Ruiz, a party official, reports the Valley Herald.",
            "reports",
        ),
        ("“We are not welcome,” Ana Ruiz said, the Valley Herald reported.", "reported"),
    ],
)
def test_an_outlet_reporting_at_the_end_of_the_sentence_is_the_source(text: str, cue: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "the Valley Herald"
    assert q.cue is not None and q.cue.text == cue


def test_reports_inside_the_clause_is_no_relay() -> None:
    q = only("“We are not welcome,” Ana Ruiz said of the reports.")
    assert q.speaker is not None and q.speaker.text == "Ana Ruiz"


def test_who_with_a_weak_cue_and_that_speaks_for_its_antecedent() -> None:
    q = only("The mayor spoke to Ana Ruiz, who added that the group seemed “rattled.”")
    assert q.speaker is not None and q.speaker.text == "who"
    assert q.cue is not None and q.cue.text == "added"
    assert q.entity is not None and q.entity.name == "Ana Ruiz"


def test_which_with_a_weak_verb_is_no_speaker() -> None:
    text = "She sat by the clock, which showed half past five, and remarked: “It is late.”"
    q = only(text)
    assert q.speaker is None or q.speaker.text != "which"


def test_according_to_audio_provided_by_an_outlet() -> None:
    q = only("“We will win,” Ruiz said Monday, according to audio provided by Valley Radio.")
    assert q.speaker is not None and q.speaker.text == "Valley Radio"
    assert q.rule == "according_to"


# The tense words of a story's narration, as a plain alternation (the library's
# pattern is arranged so the engine can skip to a candidate first character).
_TENSE_REFERENCE = re.compile(
    r"(?<!\w)(?:[Ww]as|[Ww]ere|[Hh]ad|[Ii]s|[Aa]re|[Hh]as|[Hh]ave|[Ww]ill|[0-9]+|"
    r"January|February|March|April|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"was Was were had Has have is Is are will 12 3 a _ é \u0301 wasn".split(),
                *"Mays May March Sunday 1st x9 Wednesdays".split(),
                *" \n.",
            ]
        ),
        max_size=15,
    ).map("".join),
    st.integers(0, 20),
)
def test_tense_words_are_the_whole_words_of_the_list(text: str, pos: int) -> None:
    assert _attribution._TENSE_WORDS.findall(text, pos) == _TENSE_REFERENCE.findall(text, pos)


def test_a_heading_in_capitals_is_no_colon_speaker() -> None:
    q = only("THE RACE TIGHTENS In Ohio, Mayor Ana Ruiz had one message: “Prices matter.”")
    assert q.rule == "mention_colon_quote"
    assert q.speaker is not None and q.speaker.text == "Mayor Ana Ruiz"


def _claimed_links(text: str, claim: bool = True) -> list[_attribution.Link]:
    """The links of the pipeline's stages with indirect statements, then `claim_terms`."""
    from quoteattr import _conversation, _indirect, _layout, _marks
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    paragraphs = _layout.paragraphs(text)
    quotations = _marks.find_quotations(text, paragraphs, frozenset(_marks.FAMILIES))
    doc = Document(text, paragraphs, SentenceSplitter(), CueLexicon.load(()))
    links = _attribution.attribute(doc, quotations)
    _conversation.resolve(doc, links)
    links = _indirect.combine(links, _indirect.find(doc, links))
    if claim:
        _attribution.claim_terms(links)
    return links


def _quoted(text: str, links: list[_attribution.Link]) -> list[tuple[str, str]]:
    return [(link.kind, text[link.start : link.end]) for link in links if link.kind != "indirect"]


def test_a_term_before_a_quotation_attributed_after_it_is_the_speakers_wording() -> None:
    text = (
        "The three “gaps” she cited are “the bridge, the ferry and the old road,” "
        "the Daily Courier reported."
    )
    before = [link for link in _claimed_links(text, claim=False) if link.kind != "indirect"]
    assert [link.kind for link in before] == ["other", "direct"]
    term, quote = [link for link in _claimed_links(text) if link.kind != "indirect"]
    assert (term.kind, term.rule) == ("mixed", "in_statement")
    assert term.speaker == quote.speaker and term.cue == quote.cue
    assert term.cue is not None and term.cue.text == "reported"


@pytest.mark.parametrize(
    "text",
    [
        # The quotation is in the next sentence.
        "The council met about the “Fair Roads” plan. “We cannot pay,” the mayor said.",
        # The quotation is another term, with no speaker.
        "The “Fair Roads” plan is known as the “Long Road” in town.",
    ],
)
def test_a_term_is_claimed_only_before_a_quotation_with_its_tail_attribution(text: str) -> None:
    links = [link for link in _claimed_links(text) if link.kind != "indirect"]
    assert (links[0].kind, links[0].rule) == ("other", None)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "The “Fair Roads” plan would cost more than the county can raise, the mayor said.",
            "the mayor",
            "said",
        ),
        (
            "The mayor warned that residents would pay for the “Fair Roads” plan for decades.",
            "The mayor",
            "warned",
        ),
    ],
)
def test_a_term_inside_reported_speech_is_the_sources_wording(
    text: str, speaker: str, cue: str
) -> None:
    assert _quoted(text, _claimed_links(text, claim=False)) == [("other", "“Fair Roads”")]
    links = _claimed_links(text)
    (term,) = [link for link in links if link.kind != "indirect"]
    assert (term.kind, term.rule) == ("mixed", "in_statement")
    assert term.speaker is not None and term.speaker.text == speaker
    assert term.cue is not None and term.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        # No statement around the term.
        "The council met on Tuesday to discuss the “Fair Roads” plan.",
        # A work's title after its owner or its kind stays the writer's name for it.
        "The plan, first shown on ABC's “Town Builders,” would fail, Ruiz said.",
        "Ruiz said the plan, first shown on the reality show “Town Builders,” would fail.",
        # A headline or transcript line "Name: words", and a statement without a source.
        "Ruiz: The “Fair Roads” plan will fail\n\nThe mayor spoke on Monday.",
        "The “Fair Roads” plan seems to be failing.",
    ],
)
def test_terms_no_statement_claims_stay_other(text: str) -> None:
    links = _claimed_links(text)
    assert [kind for kind, _ in _quoted(text, links)] == ["other"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The “Fair Roads” plan would fail, the mayor said.",
                "Ruiz said the “Open Doors” bill was “a disgrace.”",
                "“We will build it,” Hill said.",
                "The show “Town Builders” ran for a year.",
                "According to Ruiz, the “Fair Roads” plan is dead.",
                "Ruiz: The “Fair Roads” plan will fail",
                "Officials called it a “pause.”",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_claiming_terms_only_turns_terms_into_fragments(sentences: list[str]) -> None:
    text = "\n\n".join(sentences)
    before = _claimed_links(text, claim=False)
    after = _claimed_links(text)
    assert [(link.start, link.end) for link in before] == [(link.start, link.end) for link in after]
    for old, new in zip(before, after, strict=True):
        if old.kind == new.kind:
            assert (old.speaker, old.cue, old.rule) == (new.speaker, new.cue, new.rule)
        else:
            assert (old.kind, old.term) == ("other", True)
            assert (new.kind, new.rule) == ("mixed", "in_statement")
            holders = [
                s
                for s in after
                if s.kind == "indirect"
                and s.content_start <= new.start
                and new.end <= s.content_end
            ]
            assert holders and new.speaker is not None


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, wearing a “Roads First” hat, said the vote was close.",
        "Ruiz said the files never reached the “restricted” level.",
        "The clinic got a “B-minus” rating from the state, the report said.",
        "She showed off the “Vote Ruiz” buttons her aides had handed out.",
    ],
)
def test_a_label_on_a_thing_is_no_speech(text: str) -> None:
    (q,) = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    assert q.kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        "“We won,” she said. “We won.” T-shirts appeared within the hour.",
        "The senator said the bill would “level the field” for farmers.",
    ],
)
def test_a_sentence_or_a_verb_before_a_label_noun_stays_speech(text: str) -> None:
    kinds = kinds_of(text)
    assert "other" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "The ad, titled “Open Roads for All,” ran twice on Sunday night.",
        "Titled “A Very Quiet Winter,” the video pans across the empty square.",
        "The council was pleased with the editorial, entitled “Ruiz Is Not a Brave Reformer.”",
    ],
)
def test_a_title_after_titled_is_its_makers_wording(text: str) -> None:
    # PolNeAR counts a work's title after "titled"/"entitled" as quoted words.
    (q,) = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    assert q.kind == "mixed"
    assert q.cue is not None and q.cue.text.lower() in ("titled", "entitled")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Ruiz said", ", and when", ", but", "the plan", ",", "and", "“Q,”"]),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_clause_openers_are_found_as_by_a_scan(words: list[str], a: int, b: int) -> None:
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    text = " ".join(words) + "."
    doc = Document(text, [(0, len(text))], SentenceSplitter(), CueLexicon.load(()))
    ctx = _attribution._Context(doc, 0, [])
    toks = ctx.tokens
    scan = any(
        toks[k].lower in _attribution._CLAUSE_OPENERS and toks[k - 1].text == ","
        for k in range(a + 1, min(b, len(toks)))
    )
    assert _attribution._new_clause_between(ctx, a, b) == scan


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Enter your address and click “Sign up.” That is all it takes.", "Sign up."),
        (
            "The vote was close, the clerk said.\n\n“Related:”\n\nCouncil Approves New Budget",
            "Related:",
        ),
    ],
)
def test_a_button_to_click_or_a_label_over_links_is_no_speech(text: str, label: str) -> None:
    found = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    kinds = {text[q.content_start : q.content_end]: q.kind for q in found}
    assert kinds[label] == "other"


def test_a_title_right_after_told_is_the_one_told() -> None:
    text = "“The bridge opens in May,” the mayor told “Morning Desk,” adding that tolls stay."
    found = QuoteExtractor(kinds=("direct", "mixed", "other")).extract(text)
    assert [q.kind for q in found] == ["direct", "other"]
    assert found[0].speaker is not None and found[0].speaker.text == "the mayor"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Ana Ruiz spent the night in the ward.\n\nAfter saying her foot was “so swollen I "
            "could not walk,” she was taken to the hospital for tests.",
            "she",
            "saying",
        ),
        (
            "Tom Hale was not at the meeting. After arguing that the tax was “a burden on every "
            "family,” he left the party in May.",
            "he",
            "arguing",
        ),
    ],
)
def test_a_cue_whose_subject_comes_after_the_quotation_is_its_cue(
    text: str, speaker: str, cue: str
) -> None:
    # The participle's subject is the main clause's, after the quotation: the speaker
    # comes from the paragraph, the cue from the quotation's own sentence.
    q = only(text)
    assert q.rule == "paragraph_mention"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday.\n\n“Open Roads” is a film about the county and its mayor.",
        "Tea was served at four.\n\n“Duty” always drew a groan from the boys.",
        "The vote is on Friday.\n\n“Fair Fares” would cut every bus ticket by half.",
    ],
)
def test_a_title_opening_its_paragraph_as_the_sentence_subject_is_not_speech(text: str) -> None:
    # Title Case, no comma or stop inside the marks, the sentence going on at once with
    # a lower-case verb: the quotation names a thing the sentence is about.
    assert kinds_of(text)[-1] == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Tea was served at four.\n\n“Hush” she said, and looked away.",
        "Tea was served at four.\n\n“Nell Baxter,” faltered the girl at the door.",
        "Tea was served at four.\n\n“Good morning” was all he said.",
        "Tea was served at four.\n\n“Oh, Dear Me . . .” for she was very tired.",
    ],
)
def test_a_paragraph_opening_with_speech_before_a_tag_or_comma_stays_speech(text: str) -> None:
    assert kinds_of(text)[-1] == "direct"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("On the intake form, a nurse had typed “urgent.”", "a nurse"),
        ("In the chat window she typed, “Call me when you land.”", "she"),
    ],
)
def test_typed_words_are_the_typists(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == "typed"


def test_a_stage_direction_paragraph_is_not_part_of_a_quotation() -> None:
    text = (
        "Part of the interview follows:\n\n"
        '"ANN: We will build the bridge this year.\n\n'
        '"(CROSSTALK.)\n\n'
        '"TOM: And the money?\n\n'
        '"ANN: The county has it."'
    )
    (q,) = extract_quotes(text)
    parts = [s.text for s in q.segments]
    assert len(parts) == 3
    assert not any("CROSSTALK" in p for p in parts)


@pytest.mark.parametrize("line", ["“(Laughter.)”", "“[applause]”"])
def test_a_quotation_that_is_only_a_stage_direction_is_not_speech(line: str) -> None:
    assert kinds_of(f"The mayor spoke for an hour.\n\n{line}\n\nThen she left.") == ["other"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "The governor lauded the mayor in his speech for helping to build “a bridge to "
            "the future.”",
            "The governor",
            "lauded",
        ),
        ("The board commended the nurses for their “quiet courage.”", "The board", "commended"),
    ],
)
def test_words_of_praise_are_the_praisers(text: str, speaker: str, cue: str) -> None:
    q = only(text)
    assert q.kind == "mixed"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_headline_in_capitals_opening_a_line_is_not_speech() -> None:
    text = (
        "Top stories this morning.\n"
        "“MILL TO CLOSE IN MAY” “The owners said on Monday that the mill would close,” "
        "the paper wrote.\n"
        "“GET OUT OF MY HOUSE,” he yelled at the men from the bank."
    )
    kinds = {q.text: q.kind for q in extract_quotes(text, kinds="direct,mixed,other")}
    assert kinds["MILL TO CLOSE IN MAY"] == "other"
    assert kinds["The owners said on Monday that the mill would close,"] == "direct"
    assert kinds["GET OUT OF MY HOUSE,"] == "direct"  # a comma: its tag follows


# Narration told in the past, as a story's is: the rule below reads stories only.
_STORY_OPENING = (
    "The house was quiet. It had rained all night, and the lane was a river; the dog was"
    " asleep, the fire was low and the lamps were out. Ruth had come home late, Paul had"
    " waited. They were tired, they had eaten nothing, and the clock was slow. The wind"
    " was high and the door was shut; the stairs were dark and the kettle was cold.\n\n"
)


def test_a_pronoun_past_another_person_two_sentences_on_is_no_paragraph_mention() -> None:
    # "She whispered" comes after Paul's sentence: the narration has moved on from the
    # quotation, which the turn-taking gives to Paul (Ruth's "she" took it before).
    text = _STORY_OPENING + (
        "“Shall we go?” said Ruth.\n\n“Not yet,” said Paul.\n\n“Why not?”\n\n"
        "“The roads are flooded.” Paul stood at the window for a while. She whispered"
        " something to the dog.\n\n“Then we wait.”"
    )
    q = extract_quotes(text)[3]
    assert q.rule == "turn_taking"
    assert q.entity is not None and q.entity.name == "Paul"


def test_a_pronoun_two_sentences_on_with_no_one_between_is_a_paragraph_mention() -> None:
    text = _STORY_OPENING + (
        "“Shall we go?” said Ruth.\n\n“Not yet,” said Paul.\n\n"
        "“The roads are flooded.” The dog stood at the window for a while. She whispered"
        " something to the dog.\n\n“Then we wait.”"
    )
    # (Ruth's turn by the turn-taking too: a decoded man would take it from "She".)
    q = extract_quotes(text)[2]
    assert q.rule == "paragraph_mention"
    assert q.speaker is not None and q.speaker.text == "She"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tom Hale went out. Ann Webb heard him say, “Hurry up, we are late.”", "him"),
        ("Ann Webb sat down. She heard the doctor say, “Go home.”", "the doctor"),
        ("Tom Hale sat still. He heard one of the men whisper, “Look at him.”", "one of the men"),
        ("Ann Webb came in.\n\n“Go away,” Tom Hale heard her say.", "her"),
    ],
)
def test_the_one_heard_to_say_it_speaks_not_the_hearer(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Mrs. Ames looked up. “Is it late?” Tom Hale said nothing.",
        "“Are you fond of dogs?” Tom Hale did not answer, so Ann Webb went on: “Cats?”",
    ],
)
def test_a_speech_verb_that_says_nothing_was_said_tags_no_quotation(text: str) -> None:
    # Not tagged by the verb: a fallback reads the paragraph instead.
    assert extract_quotes(text)[0].rule not in ("quote_cue_mention", "mention_cue_quote")


def test_said_i_at_a_sentence_end_is_the_pronoun_not_an_initial() -> None:
    q = extract_quotes("“What?” cried I. “You are going again?”")[0]
    assert q.speaker is not None and (q.speaker.text, q.speaker.kind) == ("I", "pronoun")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom Hale was sent off at once, and Ann Webb, taking his arm, thus began: “Well?”",
            "Ann Webb",
        ),
        (
            "Tom Hale had hardly sat down, when Mrs. Ames came over to him and said, “Dance?”",
            "Mrs. Ames",
        ),
    ],
)
def test_the_last_clause_of_a_sentence_gives_the_speaker(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_time_clause_past_a_comma_gives_way_to_the_main_clause() -> None:
    q = only("Tom Hale sat still until Ann Webb was quiet, and then said softly, “I see.”")
    assert q.speaker is not None and q.speaker.text == "Tom Hale"


def test_a_participle_after_a_comma_takes_the_last_clauses_subject() -> None:
    q = only("Ann Webb did not follow, and Tom Hale repeated his question, adding, “Today?”")
    assert q.speaker is not None and q.speaker.text == "Tom Hale"


def test_was_my_reply_is_the_narrators() -> None:
    q = only("He asked me nothing.\n\n“I have no idea at all,” was my reply.")
    assert q.speaker is not None and (q.speaker.text, q.speaker.kind) == ("my", "pronoun")
    assert q.cue is not None and q.cue.text == "reply"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A past form the cue lexicon lacks, in a tag right after the quotation.
        ("Tom Hale sat down.\n\n“So much for that,” hooted Ann Webb, unable to stop.", "Ann Webb"),
        ("Tom Hale sat down.\n\n“Gently,” crooned the driver, and drove on.", "the driver"),
        ("Tom Hale sat down.\n\n“She trapped him,” Aunt Ruth intervened, smiling.", "Aunt Ruth"),
        ("Tom Hale sat down.\n\n“Then it is a lie,” he flashed.", "he"),
    ],
)
def test_a_tag_with_a_verb_outside_the_lexicon(text: str, speaker: str) -> None:
    q = only(text)
    assert q.rule == "quote_cue_mention"
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    "text",
    [
        # An object after the verb, a cue later on, a quoted phrase inside a sentence.
        "Tom Hale sat down.\n\n“Harris!” shattered the still air.",
        "When Ann Webb called it “a farce,” Tom Hale seized upon the word.",
    ],
)
def test_no_unknown_verb_tag_where_the_shape_is_no_tag(text: str) -> None:
    for q in extract_quotes(text):
        assert q.cue is None or q.cue.text not in ("shattered", "seized")


def test_a_description_then_a_known_cue_keeps_that_cue() -> None:
    q = only("“We keep our allies close,” retired general Ann Webb said.")
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.text == "Ann Webb"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“We shall do better,” was Tom Hale's consolation.", "Tom Hale", "consolation"),
    ],
)
def test_the_owner_of_a_speech_noun_speaks(text: str, speaker: str, cue: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tom Hale sat down.\n\n“Come in,” said Ann Webb's clear voice.", "Ann Webb"),
        ("Tom Hale sat down. Mrs. Ames's voice called, “Come in.”", "Mrs. Ames"),
        ("Ann Webb came in.\n\n“Come in,” said her voice.", "her"),
    ],
)
def test_a_voice_is_its_owners(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The cue verb after "and" shares the subject of the last clause before it.
        (
            "When they had crossed the road, Tom Hale struck the rail and exclaimed:\n\n"
            "“Look at the moon!”",
            "Tom Hale",
        ),
        (
            "Mrs. Ames was so confused that Ann Webb collected herself and asked:\n\n"
            "“Where is the cottage?”",
            "Ann Webb",
        ),
        (
            "Mrs. Ames showed such doubt that Ann Webb collected herself and asked:\n\n"
            "“Where is the cottage?”",
            "Ann Webb",
        ),
        (
            "Mrs. Ames began again when Ann Webb, who had waited, took the ring from her"
            " finger and giving it to Tom, said:\n\n“It will fit you.”",
            "Ann Webb",
        ),
        ("Tom Hale looked up; the boy crossed over and said, “Hullo.”", "the boy"),
    ],
)
def test_a_verb_after_and_shares_the_last_clauses_subject(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A time clause closed by a comma, or a "that" object clause, keeps the main one.
        ("Tom Hale sat still until Ann Webb was quiet, and then said softly, “I see.”", "Tom Hale"),
        ("Tom Hale conceded that Ann Webb had won but said the vote was “unfair”.", "Tom Hale"),
    ],
)
def test_a_subordinate_clause_subject_does_not_take_the_verb(text: str, speaker: str) -> None:
    q = extract_quotes(text)[0]
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tom Hale sat down.\n\n“Not now,” was therefore his answer.", "his"),
        ("Tom Hale sat down.\n\n“Would I!” was all her answer.", "her"),
    ],
)
def test_an_adverb_between_was_and_the_owner_of_a_speech_noun(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == "answer"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tom Hale sat down.\n\n“Sorry, my dear,” came Ann Webb's voice.", "Ann Webb"),
        ("Tom Hale sat down.\n\n“Where?” came the voice of Ann Webb.", "Ann Webb"),
        ("Tom Hale sat down.\n\n“A bold idea!” came from Ann Webb's tight lips.", "Ann Webb"),
        ("Tom Hale sat down.\n\n“Those insects!” burst from Ann Webb, with a laugh.", "Ann Webb"),
    ],
)
def test_words_that_come_from_someone(text: str, speaker: str) -> None:
    q = only(text)
    assert q.rule == "quote_cue_mention"
    assert q.speaker is not None and q.speaker.text == speaker


def test_came_with_no_voice_or_person_is_no_tag() -> None:
    q = only("Tom Hale sat down.\n\n“Yes,” came the answer.")
    assert q.rule != "quote_cue_mention"


def test_a_fronted_word_the_text_writes_in_lower_case_is_no_speaker() -> None:
    # "Amused by …, Tom ran …, saying": the subject is Tom, not an "Amused".
    text = (
        "Tom was amused by his own joke.\n\n"
        "Amused by the success of the joke, Tom ran off down the hall and round the table, "
        "saying, “Old slowcoach” all the way to the gate."
    )
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "Tom"


def test_a_participle_before_voice_is_no_cue() -> None:
    # "in a stern lecturing voice": "lecturing" describes the voice; "added" is the cue.
    text = (
        "“Better to sell the boat,” said Tom Hale. Cold and hungry, he lost patience "
        "at last, and added in a stern lecturing voice, “I will not hear of it.”"
    )
    q = extract_quotes(text)[-1]
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.cue is not None and q.cue.text == "added"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom was too tired to argue; but Miss Webb, glancing briefly at Mrs. Ames, "
            "and then at Ann, who had begun to cry, immediately said, "
            "“I do not like this place.”",
            "Miss Webb",
        ),
        (
            "Tom Hale was cross, but Ann did not seem to mind the remark; for she quietly "
            "replied, “Not at all.”",
            "she",
        ),
        (
            "Ann had no answer ready; but her mother, without pausing for her reply, "
            "continued, “And the garden too.”",
            "her mother",
        ),
    ],
)
def test_the_subject_of_the_cue_is_its_own_clauses(text: str, speaker: str) -> None:
    # A prepositional object before the cue ("at Ann", "for her reply") stands for the
    # subject of its own clause (after "; but"), not the sentence's first name; and
    # "for she replied" is a conjunction before a subject, no preposition.
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tom Hale had hidden his face in his hands; and Ann Webb, unhappy to see it, "
            "could not help saying, “Come, Tom.”",
            "Ann Webb",
        ),
        (
            "Tom Hale sat for an hour without a word; but Dr. Ruiz, after a pause, "
            "made him look up by saying, “What is the matter?”",
            "Dr. Ruiz",
        ),
    ],
)
def test_a_cue_with_no_subject_next_to_it_takes_its_own_clauses(text: str, speaker: str) -> None:
    # The subject of "could not help saying" / "by saying" is that of the clause after
    # "; and" / "; but", not the sentence's first name.
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        # The verb after ", and" goes on with the main clause, not the clause of time.
        ("She looked up when he called her, and then said: “A boat? How fine!”", "She"),
        ("Ann Webb looked up when Tom Hale called her, and then said: “Go.”", "Ann Webb"),
        # With no comma and coordinator closing it, the clause's own verb is the tag.
        ("He sat still until she had spoken, and then said: “Go.”", "He"),
        ("Ann Webb smiled when Tom Hale said: “Go.”", "Tom Hale"),
    ],
)
def test_a_verb_after_a_clause_of_time_takes_the_main_subject(tail: str, speaker: str) -> None:
    q = extract_quotes(_STORY_OPENING + tail)[-1]
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mrs. Ames had begun a long reply, when she was cut short by Sir Hugh's "
            "saying firmly, “I would not do that.”",
            "Sir Hugh",
        ),
        ("Tom Hale turned to Ann, and upon her saying, “No, Tom,” he left.", "her"),
    ],
)
def test_the_owner_of_a_gerund_of_speech_speaks(text: str, speaker: str) -> None:
    q = extract_quotes(text)[0]
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_term_after_a_possessive_gerund_is_no_speech() -> None:
    # No comma before the quotation: the word is a term, not what they said.
    quotes = extract_quotes(
        "Tom Hale and Ann liked the menu, and each meal closed with their "
        "declaring one dish “splendid” every night."
    )
    assert all(q.speaker is None or q.speaker.text != "their" for q in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "She went out to the garden, and Tom Hale heard her greet Ann and say: "
            "“I am sorry I was late.”",
            "her",
        ),
        ("Tom Hale heard Mrs. Ames open the door and say: “Come in.”", "Mrs. Ames"),
    ],
)
def test_the_one_heard_speaks_a_verb_after_and(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Then he went on, as Ann smiled at the floor, “You will see.”", "he", "went on"),
        ("Ann Webb went on, while Tom Hale frowned, “It was cold.”", "Ann Webb", "went on"),
        # No tag before the clause: its own verb is the tag.
        ("He sat down, as she said, “Come in.”", "she", "said"),
        # A verb of saying in the clause is the tag.
        ("Ann Webb nodded, while Tom Hale said, “It was cold.”", "Tom Hale", "said"),
    ],
)
def test_a_clause_of_time_between_tag_and_quotation_is_no_tag(
    text: str, speaker: str, cue: str
) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


def test_a_pronoun_in_a_clause_of_time_before_the_quotation_is_no_tag() -> None:
    # Without the rule, "she smiled" (a cue verb, nearer the quotation) took the tag.
    text = (
        "Tom and Ann sat in the garden.\n\nHe went on, as she smiled at the floor, “You will see.”"
    )
    q = extract_quotes(text)[-1]
    assert q.speaker is not None and q.speaker.text == "He"
    assert q.cue is not None and q.cue.text == "went on"
