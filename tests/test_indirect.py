"""Reported speech without quotation marks (kind "indirect"): one real sentence per
pattern, the seed's reported statements, bad input, and properties of every record."""

from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import Quote, QuoteExtractor, extract_quotes
from quoteattr._errors import DataError
from quoteattr._indirect import _table, parse_labels, parse_postmodifiers, parse_readings
from quoteattr._lexicon import (
    indirect_adjuncts,
    indirect_cues,
    parse_indirect_adjuncts,
    parse_indirect_cues,
)

ALL = QuoteExtractor(kinds=("direct", "mixed", "indirect"))
ONLY = QuoteExtractor(kinds=("indirect",))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def indirect(text: str) -> list[Quote]:
    return [q for q in ALL.extract(text) if q.kind == "indirect"]


def _read(q: Quote) -> tuple[str, str | None, str | None]:
    """A record's content, speaker text and cue text."""
    return q.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None


def one(text: str) -> Quote:
    found = indirect(text)
    assert len(found) == 1, [(q.text, q.rule) for q in found]
    return found[0]


# --- one sentence per pattern -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue", "rule"),
    [
        (
            "The mayor said the bridge would reopen in May.",
            "the bridge would reopen in May",
            "The mayor",
            "said",
            "indirect_said_that",
        ),
        (
            "Senator Ana Ruiz argued that the bill was too expensive.",
            "the bill was too expensive",
            "Senator Ana Ruiz",
            "argued",
            "indirect_said_that",
        ),
        (
            "The coach warned that the season could be cancelled.",
            "the season could be cancelled",
            "The coach",
            "warned",
            "indirect_said_that",
        ),
        (
            "Ms. Lee insisted she had never seen the letter.",
            "she had never seen the letter",
            "Ms. Lee",
            "insisted",
            "indirect_said_that",
        ),
        (
            "The governor said on Tuesday that schools would stay open.",
            "schools would stay open",
            "The governor",
            "said",
            "indirect_said_that",
        ),
        (
            "Mr. Novak said in an interview that he regretted the decision.",
            "he regretted the decision",
            "Mr. Novak",
            "said",
            "indirect_said_that",
        ),
        (
            "Maria Costa told reporters the talks had stalled.",
            "the talks had stalled",
            "Maria Costa",
            "told",
            "indirect_told",
        ),
        (
            "The senator told CNN that he would not run again.",
            "he would not run again",
            "The senator",
            "told",
            "indirect_told",
        ),
        (
            "The minister said of the protesters that they had been misled.",
            "they had been misled",
            "The minister",
            "said",
            "indirect_said_of",
        ),
        (
            "The plant will close next year, the company said.",
            "The plant will close next year",
            "the company",
            "said",
            "indirect_clause_said",
        ),
        (
            "Prices rose sharply in March, said Paul Grant, an economist at the bank.",
            "Prices rose sharply in March",
            "Paul Grant",
            "said",
            "indirect_clause_said",
        ),
        (
            "Unemployment fell to 4 percent, according to the Labor Department.",
            "Unemployment fell to 4 percent",
            "the Labor Department",
            "according to",
            "indirect_according_to",
        ),
        (
            "According to the ministry, the border will reopen on Friday.",
            "the border will reopen on Friday",
            "the ministry",
            "According to",
            "indirect_according_to",
        ),
        (
            "The ministry's statement said the border would reopen on Friday.",
            "the border would reopen on Friday",
            "The ministry's statement",
            "said",
            "indirect_statement",
        ),
        (
            "It was reported by the agency that two ships had collided.",
            "two ships had collided",
            "the agency",
            "reported",
            "indirect_passive",
        ),
        (
            "The center was founded by Tom Hale, who said the city needed more shelters.",
            "the city needed more shelters",
            "who",
            "said",
            "indirect_relative",
        ),
    ],
)
def test_pattern(text: str, content: str, speaker: str, cue: str, rule: str) -> None:
    q = one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue
    assert q.rule == rule
    assert q.start == q.content_start and q.end == q.content_end
    assert 0.0 < q.confidence <= 1.0


def test_appraisal_without_a_source() -> None:
    q = one("After the debate, Sanders seemed to reap the benefits.")
    assert q.text == "Sanders seemed to reap the benefits"
    assert q.speaker is None and q.rule == "indirect_evidential"
    assert indirect("The senator appeared in court on Monday.") == []


def test_passive_appraisal_keeps_its_subject() -> None:
    q = one("The House is expected to pass the bill this week.")
    assert q.text == "The House is expected to pass the bill this week"
    assert q.speaker is None and q.rule == "indirect_evidential"
    assert indirect("The senator was charged with fraud.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Asked whether he would run again, the senator smiled.", "whether he would run again"),
        ("When asked about the loan, Cruz changed the subject.", "the loan"),
        ("The governor was asked why the schools had closed.", "why the schools had closed"),
        (
            "Asked specifically what should be done, the voters were evenly divided.",
            "what should be done",
        ),
        ("Asked on local radio who leads the party, the mayor laughed.", "who leads the party"),
    ],
)
def test_question_put_to_an_unnamed_or_passive_subject(text: str, content: str) -> None:
    q = one(text)
    assert q.text == content
    assert q.rule == "indirect_question" and q.speaker is None


def test_headline_verbs_in_title_case() -> None:
    q = one("Hollande Says Trump Makes Him Want To Retch\n\nThe president spoke on Monday.")
    assert q.text == "Trump Makes Him Want To Retch"
    assert q.speaker is not None and q.speaker.text == "Hollande"
    # a capitalised form in running text is a name, not a verb
    assert indirect("They met at the Said Business School in Oxford.") == []


def test_headline_source_and_colon() -> None:
    q = one("Ruiz: Cruel jokes have no place in a debate\n\nThe speaker spoke on Monday.")
    assert q.text == "Cruel jokes have no place in a debate"
    assert q.speaker is not None and q.speaker.text == "Ruiz" and q.rule == "indirect_colon"
    assert q.cue is not None and q.cue.text == ":"
    for label in (
        "Contributing: Brittney Bennett and Greg Toppo, USA TODAY.",
        "Editor's note: An earlier version of this article misstated a date.",
        "Pledged delegates: 781.",
    ):
        assert indirect(label) == [], label


@pytest.mark.parametrize(
    ("headline", "content", "speaker", "cue"),
    [
        ("Lawmakers Slam Mayor Over Late Budget", "Mayor Over Late Budget", "Lawmakers", "Slam"),
        ("Two Senators Say The Bridge Is Unsafe", "The Bridge Is Unsafe", "Two Senators", "Say"),
        ("Farm Groups Call For Lower Fuel Taxes", "Lower Fuel Taxes", "Farm Groups", "Call For"),
    ],
)
def test_base_form_after_a_plural_in_a_headline(
    headline: str, content: str, speaker: str, cue: str
) -> None:
    q = one(headline + "\n\nThe vote came on Monday, after a long debate downtown.")
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "Support For The New Bridge Grows In Town\n\nThe vote came on Monday.",
        "Its Support Grows Among Farmers\n\nThe vote came on Monday.",
        "Support for the bridge grew. Say what you will, the vote was close.",
        "The new polls Show a close race, the paper wrote on Monday in a long article.",
    ],
)
def test_base_form_without_a_plural_headline_subject_is_no_verb(text: str) -> None:
    cues = {q.cue.text for q in indirect(text) if q.cue is not None}
    assert not cues & {"Support", "Say", "Show"}


@pytest.mark.parametrize(
    ("line", "content"),
    [
        ("Mayor Ruiz: ‘We Will Open The Bridge In June.’", "‘We Will Open The Bridge In June.’"),
        ("Ortega: 'Never underestimate the voters.'", "'Never underestimate the voters.'"),
        ("Okafor: ‘No Regrets’ About The Late Budget", "‘No Regrets’ About The Late Budget"),
    ],
)
def test_headline_source_colon_and_quotation(line: str, content: str) -> None:
    text = line + "\n\nThe speech came on Monday, at a rally downtown."
    found = ALL.extract(text)
    q = one(text)
    assert q.text == content and q.rule == "indirect_colon"
    assert q.speaker is not None and q.speaker.text == line.split(":")[0]
    # the quotation itself stays a term, not a quoted span of the statement's source
    assert [r.kind for r in found if r.kind in ("direct", "mixed")] == []
    check_indirect(text, found)
    # a colon before a quotation of fewer than three words is no statement
    assert indirect("Ortega: 'Survive.'\n\nThe speech came on Monday.") == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Senator Cornyn told reporters this was the only chance to pass the measure.",
            "this was the only chance to pass the measure",
            "Senator Cornyn",
        ),
        (
            "Murphy — after a knock on wood — told me he had been lucky.",
            "he had been lucky",
            "Murphy",
        ),
        (
            "Dale Kerr -- co-author of a book on the election, an expert -- said the rules "
            "had changed.",
            "the rules had changed",
            "Dale Kerr",
        ),
        (
            "The funeral was held on Friday, attorneys for the family said.",
            "The funeral was held on Friday",
            "attorneys for the family",
        ),
    ],
)
def test_content_and_subject_edges(text: str, content: str, speaker: str) -> None:
    q = one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "In the survey, 19 percent of college students polled support the plan.",
            "the plan",
            "19 percent of college students polled",
        ),
        (
            "About three-quarters say the economy is getting worse.",
            "the economy is getting worse",
            "About three-quarters",
        ),
        (
            "A majority of Republicans say the party is divided.",
            "the party is divided",
            "A majority of Republicans",
        ),
    ],
)
def test_share_of_a_group_is_the_source(text: str, content: str, speaker: str) -> None:
    q = one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_noun_subject_before_a_parenthetical() -> None:
    q = one("The analysts, who spoke on condition of anonymity, said the deal was close.")
    assert q.text == "the deal was close"
    assert q.speaker is not None and q.speaker.text == "The analysts"


def test_role_and_name_before_a_long_apposition() -> None:
    q = one(
        "Conservative economist Lena Marsh, who studies tax policy and labor issues at a "
        "research institute, said the statement didn't clarify the matter."
    )
    assert q.text == "the statement didn't clarify the matter"
    assert q.speaker is not None and q.speaker.text == "Lena Marsh"


def test_coordinated_stance_verb_is_a_statement_of_its_own() -> None:
    found = indirect("Graham said the climate is changing and criticized the party's silence.")
    assert [(q.text, q.cue and q.cue.text) for q in found] == [
        ("the climate is changing", "said"),
        ("the party's silence", "criticized"),
    ]
    assert all(q.speaker is not None and q.speaker.text == "Graham" for q in found)


def test_progressive_report() -> None:
    q = one("State election officials are expecting a record turnout this year.")
    assert q.text == "a record turnout this year"
    assert q.speaker is not None and q.speaker.text == "State election officials"


def test_passive_stance_with_an_agent() -> None:
    q = one("The bill was criticized by Senate Democrats as too costly.")
    assert [s.text for s in q.segments] == ["The bill", "too costly"]
    assert q.rule == "indirect_passive"
    assert q.speaker is not None and q.speaker.text == "Senate Democrats"
    assert indirect("The bill was passed by the Senate.") == []
    q = one("His views were echoed by a number of tax experts.")
    assert (q.text, q.speaker and q.speaker.text) == ("His views", "a number of tax experts")


def test_passive_after_a_head_statement_leaves_the_head() -> None:
    # the passive's subject opens after the head's content ends: both are reported
    found = indirect(
        "They stressed that the grants worked in small towns, where the plan has been opposed"
        " by most voters."
    )
    assert [(q.text, q.rule) for q in found] == [
        ("the grants worked in small towns", "indirect_said_that"),
        ("the plan", "indirect_passive"),
    ]
    # inside the head's content the passive is an inner report
    found = indirect("The mayor said that in small towns, the plan was criticized by the council.")
    assert [(q.text, q.rule) for q in found] == [
        ("in small towns, the plan was criticized by the council", "indirect_said_that")
    ]
    # a head cue inside a tail's content stays silent
    found = indirect("The plan will close, the mayor said, and he told them to leave.")
    assert [q.rule for q in found] == ["indirect_clause_said"]


@pytest.mark.parametrize(
    ("text", "parts", "speaker"),
    [
        (
            "The mayor is widely seen as a safe pair of hands.",
            ["The mayor", "a safe pair of hands"],
            None,
        ),
        ("The judge is known for her long rulings.", ["The judge", "her long rulings"], None),
        ("Ann Lee was accused of fraud.", ["Ann Lee", "fraud"], None),
        (
            "Mr. Hale has been mentioned as a possible chief of staff.",
            ["Mr. Hale", "a possible chief of staff"],
            None,
        ),
        (
            "The plan was criticized by the council for its cost.",
            ["The plan", "its cost"],
            "the council",
        ),
        (
            "Tom Hale, who is known for his stance on roads, won the seat.",
            ["who", "his stance on roads"],
            None,
        ),
    ],
)
def test_passive_judgement_with_as_for_of(text: str, parts: list[str], speaker: str | None) -> None:
    q = one(text)
    assert [s.text for s in q.segments] == parts
    assert (q.speaker.text if q.speaker else None) == speaker
    assert q.rule == ("indirect_passive" if speaker else "indirect_evidential")


def test_passive_judgement_needs_a_finite_be_and_a_preposition() -> None:
    assert indirect("He was loath to be seen as taking a victory lap.") == []
    assert indirect("She has an edge on being viewed as honest.") == []
    assert indirect("The rule is known to few people.") == []


def test_evidential_before_like_or_an_article() -> None:
    q = one("The idea seems like a contradiction.")
    assert ([s.text for s in q.segments], q.rule) == (
        ["The idea", "like a contradiction"],
        "indirect_evidential",
    )
    q = one("For the mayor, the vote seemed a reminder that crowds are not enough.")
    assert [s.text for s in q.segments] == [
        "the vote",
        "a reminder that crowds are not enough",
    ]
    assert indirect("He appeared in court on Monday.") == []


def test_reportedly_is_an_appraisal_without_a_source() -> None:
    q = one("The club is reportedly spending a million dollars on ads.")
    assert ([s.text for s in q.segments], q.speaker, q.rule) == (
        ["The club", "spending a million dollars on ads"],
        None,
        "indirect_evidential",
    )


def test_it_seems_reports_the_clause_after_it() -> None:
    q = one("It appears, though, that the game was not boring to everyone.")
    assert (q.text, q.speaker, q.rule) == (
        "the game was not boring to everyone",
        None,
        "indirect_evidential",
    )
    q = one("Although this is no science, it seems the council has too many members.")
    assert q.text == "the council has too many members"
    # a parenthetical "it seems" reports nothing; "it seemed to" keeps its whole clause
    assert indirect("Where, it seems, the payouts were hidden, nobody asked.") == []
    assert one("It appeared to be sailing through the Senate.").text == (
        "It appeared to be sailing through the Senate"
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Asked Tuesday about the loan, the mayor said nothing.", "the loan"),
        ("When asked last month about the inquiry, the mayor smiled.", "the inquiry"),
        ("When asked at the business conference about the merger, she smiled.", "the merger"),
        ("When asked by a reporter on Thursday about the vote, he left.", "the vote"),
    ],
)
def test_question_after_a_time_or_place_phrase(text: str, content: str) -> None:
    found = [q for q in indirect(text) if q.rule == "indirect_question"]
    assert [q.text for q in found] == [content]


def test_thats_according_to() -> None:
    q = one("The fund raised two million dollars. That’s according to the county.")
    assert (q.text, q.speaker and q.speaker.text, q.rule) == (
        "That",
        "the county",
        "indirect_according_to",
    )
    # a possessive before any other cue is still a noun
    assert indirect("The mayor’s report on the bridge was late.") == []


def test_stance_adjective_after_a_negated_be() -> None:
    q = one("Voters weren’t too concerned about the new tax.")
    assert (q.text, q.speaker and q.speaker.text, q.cue and q.cue.text) == (
        "the new tax",
        "Voters",
        "concerned about",
    )
    assert one("The mayor isn't critical of the plan.").text == "the plan"


def test_evidential_gerund_is_no_appraisal() -> None:
    assert indirect("She spent years of practice at appearing calm.") == []
    found = indirect("The mayor denied the charge, appearing to rely on an old rule.")
    assert all(q.rule != "indirect_evidential" for q in found)


def test_coordinated_verb_after_a_comma_takes_the_clause_subject() -> None:
    found = indirect("Marsh spoke at the immigration forum on Sunday, and criticized both rivals.")
    assert [(q.text, q.speaker and q.speaker.text) for q in found] == [("both rivals", "Marsh")]


def test_typewriter_quotation_continues_after_its_attribution() -> None:
    q = one(
        "''We will leave here loving this country more,'' Ms. Obi said, ''the only "
        "place where this could have happened.''"
    )
    assert [s.text for s in q.segments] == [
        "''We will leave here loving this country more",
        "''the only place where this could have happened.''",
    ]
    assert q.speaker is not None and q.speaker.text == "Ms. Obi"


def test_no_cut_inside_an_unpaired_typewriter_quotation() -> None:
    found = indirect(
        "Mr. Lund said it would tell a long story, one of ''loss and delight, one of "
        "fear, but also of hope.''"
    )
    said = [q for q in found if q.cue is not None and q.cue.text == "said"]
    assert len(said) == 1
    assert said[0].text.startswith("it would tell") and said[0].text.endswith("hope.''")


def test_typewriter_quotation_after_a_colon_runs_to_its_closing_marks() -> None:
    text = (
        "Mr. Lund said: ''Noise does not win votes. Experience does. "
        "Those with a record will rise.'' Candidates like that agree."
    )
    q = one(text)
    assert q.text.startswith("''Noise") and q.text.endswith("rise.''")
    assert q.speaker is not None and q.speaker.text == "Mr. Lund"


def test_noun_before_a_preposition_is_no_object_cue() -> None:
    text = (
        "Economist Ana Ruiz, who studies tax policy and labor issues at the institute, "
        "said the statement did not clarify the matter."
    )
    records = indirect(text)
    assert [q.cue.text for q in records if q.cue is not None][:1] == ["said"]
    assert records[0].text == "the statement did not clarify the matter"


def test_relative_subject_of_the_reported_clause() -> None:
    q = one("Registrations rose sharply, which Democrats say could help Ms. Ruiz.")
    assert [seg.text for seg in q.segments] == ["which", "could help Ms. Ruiz"]
    assert q.speaker is not None and q.speaker.text == "Democrats"


def test_counted_subject_after_a_coordinator_starts_a_new_statement() -> None:
    text = "Most voters said they were worried, and more than 4 in 10 said prices would rise."
    first, second = indirect(text)
    assert first.text == "they were worried"
    assert second.text == "prices would rise"
    assert second.speaker is not None and second.speaker.text == "4 in 10"


def test_pronoun_that_opens_the_content() -> None:
    q = one("The senator said that would permit the financing of more ships.")
    assert q.text == "that would permit the financing of more ships"


def test_relative_report_ends_the_object_before_it() -> None:
    first, second = indirect("Ted Cruz endorsed Trump, who said he was honored.")
    assert (first.text, first.rule) == ("Trump", "indirect_object")
    assert (second.text, second.rule) == ("he was honored", "indirect_relative")
    assert second.entity is not None and second.entity.name == "Trump"


def test_subject_that_is_no_known_source() -> None:
    text = "Several supporters of the reform said it was time to cut the number of delegates."
    q = one(text)
    assert q.text == "it was time to cut the number of delegates"
    assert q.speaker is not None and q.speaker.text == "Several supporters of the reform"
    # a noun that looks like a verb form does not report anything
    assert indirect("The convention has more pledged delegates than ever.") == []


def test_participle_continues_the_speaker() -> None:
    text = "The mayor said the bridge would reopen in May, adding that tolls would rise."
    first, second = indirect(text)
    assert first.text == "the bridge would reopen in May"
    assert second.text == "tolls would rise"
    assert second.rule == "indirect_participle"
    assert second.speaker is not None and second.speaker.text == "The mayor"


def test_interrupted_statement_has_two_segments() -> None:
    text = "The museum, Ms. Obi said, would open to the public in June."
    q = one(text)
    assert [s.text for s in q.segments] == ["The museum", "would open to the public in June"]
    assert q.speaker is not None and q.speaker.text == "Ms. Obi"


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # a complementiser after the attribution: the statement goes on without it
        (
            "It was no surprise, Ms. Obi said, that the bridge had closed again.",
            ["It was no surprise", "the bridge had closed again"],
        ),
        (
            "He hoped, the coach said, that the fans would come back.",
            ["He hoped", "the fans would come back"],
        ),
        # "that" before a verb is a relative on the noun before the attribution
        (
            "The council passed a rule, Ms. Obi said, that is meant to protect the park.",
            ["The council passed a rule"],
        ),
    ],
)
def test_interrupted_statement_goes_on_after_that(text: str, segments: list[str]) -> None:
    q = one(text)
    assert [s.text for s in q.segments] == segments
    assert q.speaker is not None and q.speaker.text in ("Ms. Obi", "the coach")


def test_object_and_subject_after_a_finite_verb_split_two_statements() -> None:
    # "the case and Democrats" is no subject: "the case" is the object of "mishandled"
    text = "The mayor said the agency mishandled the case and Democrats said the audit was late."
    first, second = indirect(text)
    assert first.text == "the agency mishandled the case"
    assert second.text == "the audit was late"
    assert second.speaker is not None and second.speaker.text == "Democrats"
    text = "Nurses said the board ignored the staff and Democrats accused it of waste."
    first, second = indirect(text)
    assert first.text == "the board ignored the staff"
    assert second.speaker is not None and second.speaker.text == "Democrats"
    assert second.cue is not None and second.cue.text == "accused"
    # a coordinated subject opening its clause stays one subject
    q = one("Farmers and local officials warned that the dam would flood the valley.")
    assert q.speaker is not None and q.speaker.text == "Farmers and local officials"


@pytest.mark.parametrize(
    "text",
    [
        "These workers, Mr. Hale said in the hearing, were paid too little.",
        "These workers, Mr. Hale explained earlier in the hearing, were paid too little.",
        "These workers, Mr. Hale said on Tuesday, were paid too little.",
    ],
)
def test_adjunct_of_an_interrupting_attribution(text: str) -> None:
    # the adjunct belongs to the attribution: no head record "in the hearing, were …"
    q = one(text)
    assert [s.text for s in q.segments] == ["These workers", "were paid too little"]
    assert q.rule == "indirect_clause_said"


def test_opening_phrase_without_a_verb_is_no_tail_statement() -> None:
    # "At a town hall meeting, X asked Y about Z": the opening phrase is no statement
    text = "At a recent town hall meeting in Ohio, a young woman asked the mayor about the tax."
    assert all(not q.text.startswith("At a recent") for q in indirect(text))
    assert all(q.rule != "indirect_clause_said" for q in indirect(text))
    # a clause before the attribution still is one, whatever adjunct follows the verb
    for text, content in [
        (
            "The plant closed in May, the mayor said in a statement on Friday.",
            "The plant closed in May",
        ),
        (
            "The bridge was unsafe for years, the mayor said of the old span.",
            "The bridge was unsafe for years",
        ),
    ]:
        q = one(text)
        assert q.rule == "indirect_clause_said"
        assert q.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The bank said it earned two dollars a share, well above the forecast of analysts.",
            "it earned two dollars a share",
        ),
        (
            "The survey suggests the show drew about eight million viewers, less than half of "
            "the audience a year ago.",
            "the show drew about eight million viewers",
        ),
        # no comma: the comparison is the statement's own
        (
            "The mayor said the plan would cost less than the old one.",
            "the plan would cost less than the old one",
        ),
    ],
)
def test_writer_comparison_after_a_comma_ends_the_statement(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    "text", ["According to the mayor, basically.", "The crowd applauded loudly."]
)
def test_a_lone_adverb_is_no_content(text: str) -> None:
    assert all(q.text.split()[0] not in ("basically", "loudly") for q in indirect(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The council has pushed for months.", "months"),
        ("The senator responded first.", "first"),
        ("The governor did not feel well.", "well"),
        ("Those are the values voters believe in.", "in"),
        ("The agency agreed to.", "to"),
        ("The mayor pushed ahead.", "ahead"),
    ],
)
def test_a_lone_particle_or_time_word_is_no_content(text: str, word: str) -> None:
    assert word not in [q.text for q in indirect(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Half the voters said so.", "so"),
        ("The court ruled that out.", "out"),
        ("He did not say why.", "why"),
    ],
)
def test_a_lone_answer_word_stays_a_content(text: str, word: str) -> None:
    assert word in [q.text for q in indirect(text)]


def test_a_one_word_answer_is_a_content() -> None:
    found = indirect("Asked whether the bridge would close, the mayor said no.")
    assert "no" in [q.text for q in found]


def test_as_much_stands_for_the_statement() -> None:
    assert one("Her campaign manager said as much in an interview on Thursday.").text == "as much"
    q = one("The bank did not announce as much stimulus as many had hoped.")
    assert q.text == "as much stimulus as many had hoped"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Critics say the money would be better spent on the old alliance, the pact "
            "that includes most of Europe.",
            "the money would be better spent on the old alliance",
        ),
        (
            "The mayor said she would repeal the parking rule, a measure that drivers hate.",
            "she would repeal the parking rule",
        ),
        # a clause after the comma is no apposition
        (
            "The mayor said she would repeal the rule, the council agreed that it was unfair.",
            "she would repeal the rule, the council agreed that it was unfair",
        ),
    ],
)
def test_writer_apposition_with_a_relative_clause_ends_a_said_content(
    text: str, content: str
) -> None:
    assert one(text).text == content


def test_relative_clause_inside_the_reported_subject() -> None:
    text = "The senator said Ms. Lee, who leads the race by ten points, would win easily."
    assert one(text).text == "Ms. Lee, who leads the race by ten points, would win easily"
    # the writer's relative at the end of the statement is still cut off
    assert one("The mayor said it would be Ms. Lee, who leads the race.").text == (
        "it would be Ms. Lee"
    )


def test_only_verbs_of_saying_invert() -> None:
    q = one("The plan will fail, wrote the editors of the paper.")
    assert q.speaker is not None and q.speaker.text == "the editors of the paper"
    # "…, shows X": X is the object of "shows", not an inverted source
    text = "The county survey, run by the college, shows the mayor with a small lead."
    found = indirect(text)
    assert all(q.rule != "indirect_clause_said" for q in found)
    assert any(q.speaker is not None and q.speaker.text.endswith("survey") for q in found)


def test_opening_with_clause_ends_at_its_comma() -> None:
    text = (
        "With city leaders increasingly worried about the cost of the bridge, the mayor is "
        "asking the state for help."
    )
    first = indirect(text)[0]
    assert first.text == "the cost of the bridge"
    assert first.speaker is not None and first.speaker.text.endswith("leaders")


@pytest.mark.parametrize(
    "text",
    [
        "He also hosts a TV show that airs on Sundays.",
        "She taped an hourlong show that aired Friday.",
    ],
)
def test_a_broadcast_show_is_no_verb(text: str) -> None:
    assert indirect(text) == []


def test_show_after_a_plural_subject_still_reports() -> None:
    q = one("Recent polls show the mayor with a small lead.")
    assert q.text == "the mayor with a small lead"


def test_who_speaks_through_its_antecedent() -> None:
    text = "The plan was drafted by Tom Hale, who said the city needed more shelters."
    q = one(text)
    assert q.speaker is not None and q.speaker.kind == "pronoun"
    assert q.entity is not None and q.entity.name == "Tom Hale"


def test_pronoun_speaker_resolved_to_the_named_person() -> None:
    text = (
        "Governor Anna Reyes visited the flooded town on Monday.\n\n"
        "She said the state would pay for the repairs."
    )
    q = one(text)
    assert q.speaker is not None and q.speaker.text == "She"
    assert q.entity is not None and q.entity.name == "Anna Reyes"


def test_nested_report_is_one_record() -> None:
    # "he told Pompeo that …" is part of what Ebrard said, not a statement of its own.
    text = "Ebrard said he told Pompeo that the proposal was unnecessary."
    q = one(text)
    assert q.text == "he told Pompeo that the proposal was unnecessary"


def test_coordinated_clause_with_its_own_speaker_is_split() -> None:
    text = "The mayor said the bridge was safe, but engineers said it needed repairs."
    found = indirect(text)
    assert [q.text for q in found] == ["the bridge was safe", "it needed repairs"]
    assert [q.speaker.text for q in found if q.speaker] == ["The mayor", "engineers"]


# --- sources that are not people ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        (
            "Migrant crossings fell to 100,000 in June, according to U.S. data.",
            "U.S. data",
            "document",
        ),
        (
            "According to a statement released by U.S. authorities, the two ministers met.",
            "a statement released by U.S. authorities",
            "document|organisation",
        ),
        ("The ministry said the vaccine was safe.", "The ministry", "organisation"),
        ("A new report found that wages had stalled.", "A new report", "document"),
    ],
)
def test_non_person_sources(text: str, source: str, kind: str) -> None:
    q = one(text)
    assert q.speaker is not None and q.speaker.text == source
    assert q.entity is not None and q.entity.kind in kind.split("|")


# --- quotations already found ---------------------------------------------------------------


def test_direct_quotation_gives_no_indirect_duplicate() -> None:
    text = "“The bridge is safe,” the mayor said. “We checked it twice.”"
    assert indirect(text) == []
    assert [q.kind for q in ALL.extract(text)] == ["direct", "direct"]


def test_colon_introduction_gives_no_indirect_duplicate() -> None:
    text = "The mayor said: “The bridge is safe and we checked it twice.”"
    assert indirect(text) == []


def test_mixed_fragment_stays_inside_one_indirect_record() -> None:
    text = "Pompeo praised the talks but said there was still “more work to do.”"
    records = ALL.extract(text)
    reported = [q for q in records if q.kind == "indirect" and q.cue and q.cue.text == "said"]
    fragments = [q for q in records if q.kind == "mixed"]
    assert len(reported) == 1 and len(fragments) == 1
    report, fragment = reported[0], fragments[0]
    assert report.content_start <= fragment.start < fragment.end <= report.content_end
    assert report.speaker == fragment.speaker
    assert report.entity is not None and fragment.entity is not None
    assert report.entity.name == fragment.entity.name == "Pompeo"


def test_cue_inside_a_quotation_is_not_a_report() -> None:
    text = "“She said the bridge was safe,” the engineer told me."
    assert indirect(text) == []


def test_default_kinds_leave_indirect_out() -> None:
    text = "The mayor said the bridge would reopen in May."
    assert extract_quotes(text) == []
    assert [q.kind for q in ONLY.extract(text)] == ["indirect"]


# --- the seed ---------------------------------------------------------------------------------


def test_seed_reported_statements() -> None:
    text = (SEEDS / "ebrard_pompeo.txt").read_text(encoding="utf-8")
    expected = json.loads((SEEDS / "ebrard_pompeo.expected.json").read_text(encoding="utf-8"))[
        "indirect_quotes"
    ]
    found = indirect(text)
    for want in expected:
        hits = [q for q in found if want["content_contains"] in q.text]
        assert len(hits) == 1, want["content_contains"]
        q = hits[0]
        assert q.entity is not None and q.entity.name == want["speaker_entity"]
        assert q.cue is not None and q.cue.text.lower() == want["cue"].lower()
        if "speaker_mention" in want:
            assert q.speaker is not None and q.speaker.text == want["speaker_mention"]


# --- bad input ----------------------------------------------------------------------------------


def test_very_long_sentence_without_full_stop() -> None:
    words = ["the", "officials", "said", "that", "prices", "would", "rise", "and"] * 1300
    text = " ".join(words)  # more than 10,000 words, no full stop
    records = ALL.extract(text)
    assert all(q.text.strip() for q in records)
    assert len([q for q in records if q.kind == "indirect"]) <= 2


def test_list_of_said_without_subjects() -> None:
    text = "said said said, said. Said said; said said said. said, said, said."
    assert indirect(text) == []
    text = "\n".join(["said"] * 5000)
    assert indirect(text) == []


def test_headlines_without_verbs() -> None:
    text = "Border Talks\n\nMexico Migration Deal Update\n\nThe Week Ahead: Trade, Tariffs"
    assert indirect(text) == []


def test_many_reports_in_one_long_sentence_stay_bounded() -> None:
    text = ", ".join(["the mayor said the bridge was safe"] * 3000) + "."
    records = indirect(text)
    assert all(q.text.strip() for q in records)
    total = sum(q.content_end - q.content_start for q in records)
    assert total <= len(text)  # no nested or repeated contents


# --- properties -----------------------------------------------------------------------------------

SUBJECTS = ["The mayor", "Officials", "She", "Ana Ruiz", "The ministry", "A report", "they"]
CUES = ["said", "told reporters", "added", "argued that", "warned", "found", "says"]
CLAUSES = [
    "the bridge would reopen",
    "prices had risen",
    "the plan was dead",
    "“more work” was needed",
]
JOINERS = [". ", ", ", "; ", " and ", "\n\n", ", according to the agency. ", ": "]


@st.composite
def news(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        form = draw(st.integers(0, 2))
        s, c, k = (
            draw(st.sampled_from(SUBJECTS)),
            draw(st.sampled_from(CUES)),
            draw(st.sampled_from(CLAUSES)),
        )
        if form == 0:
            parts.append(f"{s} {c} {k}")
        elif form == 1:
            parts.append(f"{k.capitalize()}, {s.lower()} {c.split()[0]}")
        else:
            parts.append(f"“{k.capitalize()},” {s.lower()} {c.split()[0]}")
        parts.append(draw(st.sampled_from(JOINERS)))
    return "".join(parts)


def check_indirect(text: str, records: list[Quote]) -> None:
    reported = [q for q in records if q.kind == "indirect"]
    direct = [q for q in records if q.kind == "direct"]
    for q in reported:
        assert q.start == q.content_start < q.content_end == q.end
        assert text[q.content_start : q.content_end] == q.text
        assert q.text.strip() and any(ch.isalnum() for ch in q.text)
        assert q.segments and q.segments[0].start == q.start and q.segments[-1].end == q.end
        for seg in q.segments:
            assert text[seg.start : seg.end] == seg.text
        assert q.cue is not None and text[q.cue.start : q.cue.end] == q.cue.text
        if q.rule != "indirect_evidential":  # "X seemed to …": the clause holds its cue
            assert not (q.content_start <= q.cue.start < q.content_end) or len(q.segments) > 1
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        assert 0.0 < q.confidence <= 1.0
        for d in direct:
            # never the same statement twice: a direct quotation is not re-reported
            assert not (
                q.content_start <= d.start
                and d.end <= q.content_end
                and (d.end - d.start > (q.content_end - q.content_start) / 2)
            )
    # no nested records: no record's cue lies inside another record's content
    for a in reported:
        for b in reported:
            if a is not b and a.cue is not None:
                inside = any(s.start <= a.cue.start < s.end for s in b.segments)
                assert not inside


@FAST
@given(news())
def test_properties_on_generated_news(text: str) -> None:
    records = ALL.extract(text)
    check_indirect(text, records)
    assert records == ALL.extract(text)  # deterministic
    assert [q for q in records if q.kind == "indirect"] == ONLY.extract(text)


@FAST
@given(st.text(alphabet=st.sampled_from(list("said told Xy, .“”\"'\n")), max_size=300))
def test_properties_on_arbitrary_text(text: str) -> None:
    check_indirect(text, ALL.extract(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Some say the new road will never be finished.", "Some"),
        ("Many said they would stay home on election day.", "Many"),
        ("The two said they had first met at a wedding.", "The two"),
        ("Both argued that the fee was unfair.", "Both"),
        ("One in three said the council ignores the suburbs.", "One in three"),
    ],
)
def test_quantifier_before_a_past_form_is_the_subject(text: str, source: str) -> None:
    q = one(text)
    assert q.speaker is not None and q.speaker.text == source
    check_indirect(text, ALL.extract(text))


def test_quantifier_before_a_plural_noun_is_no_subject() -> None:
    # "some reports" is a noun phrase: the source of the statement, not a cue of its own
    q = one("Some reports said the bakery would close.")
    assert q.speaker is not None and q.speaker.text == "Some reports"
    assert indirect("Two claims surfaced in the press last week.") == []


def test_hyphenated_word_inside_an_apposition_is_no_dash() -> None:
    text = (
        "Nora Field, a 30-year veteran of the agency who retired in 2013, said the "
        "new rules would not stop fraud."
    )
    q = one(text)
    assert q.text == "the new rules would not stop fraud"
    assert q.speaker is not None and q.speaker.text == "Nora Field"


def test_transcript_turn_is_the_whole_line() -> None:
    text = (
        "HOST: Let me ask about the budget.\n\n"
        "GARCIA: Well, the budget is late. It was late last year too, and nobody minded.\n"
    )
    found = indirect(text)
    turn = [q for q in found if q.speaker is not None and q.speaker.text == "GARCIA"]
    assert len(turn) == 1 and turn[0].rule == "indirect_colon"
    assert turn[0].text == "Well, the budget is late. It was late last year too, and nobody minded"
    # "I think …" inside the turn is not reported again
    assert all(not (turn[0].start < q.start < turn[0].end) for q in found if q is not turn[0])
    check_indirect(text, ALL.extract(text))


def test_transcript_turns_behind_stray_marks_are_read_as_lines() -> None:
    # Each turn opens with a straight mark nothing closes: no quotation, so each
    # labelled line is its speaker's statement, an interjection first or not.
    text = (
        "Part of the interview follows:\n\n"
        '"ANN WEBB: Let\u2019s start with the budget. Why did it slip?\n\n'
        '"TOM HALE: Well, look, the council thinks this is a game. But the fees matter.\n\n'
        '"Follow Ann Webb on Twitter @annwebb."'
    )
    found = ALL.extract(text)
    assert [(*_read(q), q.rule) for q in found] == [
        ("Let\u2019s start with the budget. Why did it slip", "ANN WEBB", ":", "indirect_colon"),
        (
            "Well, look, the council thinks this is a game. But the fees matter",
            "TOM HALE",
            ":",
            "indirect_colon",
        ),
    ]
    check_indirect(text, found)


def test_a_headline_source_not_in_capitals_yields_to_a_tail() -> None:
    # Only a transcript's label in capitals takes its whole line over "…, X says".
    q = one("Report: Half of the visitors gave money to the fund, the campaign says\n")
    assert q.rule == "indirect_clause_said"
    assert q.speaker is not None and q.speaker.text == "the campaign"


def test_line_label_is_no_source() -> None:
    assert indirect("UPDATE: The story was changed to show the new figures.\n") == []
    found = indirect("Q: What were the first figures from the school?\n")
    assert all(q.rule != "indirect_colon" for q in found)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The senator took aim at the new tax on fuel.", "the new tax on fuel", "took aim at"),
        (
            "Ms. Ruiz raised questions about the cost of the bridge.",
            "the cost of the bridge",
            "raised questions about",
        ),
        (
            "The mayor expressed concern that the plan would raise rents.",
            "the plan would raise rents",
            "expressed concern that",
        ),
        ("The audit cast doubt on the official figures.", "the official figures", "cast doubt on"),
        ("He made no mention of the strike.", "the strike", "made no mention of"),
        ("The coach spoke out about the new rules.", "the new rules", "spoke out about"),
        ("The singer opened up about her long illness.", "her long illness", "opened up about"),
        ("The clerk pleaded guilty to two thefts.", "two thefts", "pleaded guilty to"),
        ("The governor hinted at a run for the Senate.", "a run for the Senate", "hinted at"),
        ("The critic extolled the new bridge.", "the new bridge", "extolled"),
        ("The nurses implored the board to act.", "the board to act", "implored"),
        ("The senator disavowed the group's new ads.", "the group's new ads", "disavowed"),
        ("Party leaders rallied behind the new mayor.", "the new mayor", "rallied behind"),
        ("Rival campaigns piled on the front-runner.", "the front-runner", "piled on"),
    ],
)
def test_light_verb_stances(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content", "source", "cue"),
    [
        ("The mayor is deeply critical of the new tax.", "the new tax", "The mayor", "critical of"),
        ("Doctors remain skeptical of the new drug.", "the new drug", "Doctors", "skeptical of"),
        (
            "She was not very confident that the bill would pass.",
            "the bill would pass",
            "She",
            "confident that",
        ),
    ],
)
def test_stance_adjectives_after_be(text: str, content: str, source: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)
    assert q.speaker is not None and q.speaker.text == source


def test_stance_adjective_without_be_is_the_verb() -> None:
    # no "be": "worried" is the verb, and "that" its complementiser
    q = one("Local farmers worried that the new dam would flood their fields.")
    assert (q.text, q.cue and q.cue.text) == ("the new dam would flood their fields", "worried")
    assert indirect("The critical of the plan.") == []


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "The coach went on to say that the team had improved.",
            "the team had improved",
            "The coach",
        ),
        ("He went on to praise the nurses for their work.", "the nurses for their work", "He"),
        (
            "The senator was quick to point out that the plan had no funding.",
            "the plan had no funding",
            "The senator",
        ),
        (
            "The judge forced Mr. Hale to admit that the files were missing.",
            "the files were missing",
            "Mr. Hale",
        ),
    ],
)
def test_reporting_infinitives(text: str, content: str, source: str) -> None:
    q = one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == source


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "He angered many voters by saying that the war had been a mistake.",
            "the war had been a mistake",
            "He",
        ),
        ("After criticizing the plan, the mayor left the meeting.", "the plan", "the mayor"),
        ("The senator ended the speech by praising the nurses.", "the nurses", "The senator"),
    ],
)
def test_gerund_after_a_preposition(text: str, content: str, source: str) -> None:
    q = one(text)
    assert (q.text, q.rule) == (content, "indirect_participle")
    assert q.speaker is not None and q.speaker.text == source


def test_gerund_opening_a_sentence() -> None:
    q = indirect("Citing a new study, the mayor said the plan would fail.")[0]
    assert (q.text, q.rule) == ("a new study", "indirect_participle")
    assert q.speaker is not None and q.speaker.text == "the mayor"
    q = one("Claiming the vote was rigged, the senator walked out.")
    assert q.text == "the vote was rigged"
    # a capitalised gerund inside a headline is no cue
    assert all(q.cue is None or q.cue.text != "Citing" for q in indirect("Mayor Citing Polls Wins"))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The coach retorted that the referee had been unfair.",
            "the referee had been unfair",
            "retorted",
        ),
        ("The governor derided the proposal as a gimmick.", "the proposal as a gimmick", "derided"),
        (
            "She singled out the water board for praise.",
            "the water board for praise",
            "singled out",
        ),
    ],
)
def test_more_reporting_verbs(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content", "source", "cue"),
    [
        ("The mayor spelled out her plan.", "her plan", "The mayor", "spelled out"),
        (
            "Ms. Webb bristled at the suggestion that she had lied.",
            "the suggestion that she had lied",
            "Ms. Webb",
            "bristled at",
        ),
        (
            "The audit calls into question the figures of the agency.",
            "the figures of the agency",
            "The audit",
            "calls into question",
        ),
        # stance adjectives after "be"
        ("The council is divided over the budget.", "the budget", "The council", "divided over"),
        ("Voters were split on the bridge.", "the bridge", "Voters", "split on"),
        ("Dr. Ruiz is proud of the new clinic.", "the new clinic", "Dr. Ruiz", "proud of"),
    ],
)
def test_more_stance_verbs_and_adjectives(text: str, content: str, source: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)
    assert q.speaker is not None and q.speaker.text == source


def test_a_stance_adjective_without_be_is_no_cue() -> None:
    assert indirect("The split on the vote was clear.") == []


def test_subject_before_a_relative_clause_between_commas() -> None:
    found = indirect("The senator, who opposed the bill, said it would fail.")
    said = [q for q in found if q.cue is not None and q.cue.text == "said"]
    assert len(said) == 1 and said[0].text == "it would fail"
    assert said[0].speaker is not None and said[0].speaker.text == "The senator"
    assert said[0].rule == "indirect_said_that"


@pytest.mark.parametrize(
    ("text", "first", "rest", "source"),
    [
        (
            "The bank holds assets that prosecutors said were linked to fraud.",
            "that",
            "were linked to fraud",
            "prosecutors",
        ),
        (
            "It was part of a probe the agency said was still open.",
            "a probe",
            "was still open",
            "the agency",
        ),
    ],
)
def test_relative_subject_without_a_pronoun(text: str, first: str, rest: str, source: str) -> None:
    q = one(text)
    assert [s.text for s in q.segments] == [first, rest]
    assert q.speaker is not None and q.speaker.text == source


def test_adverb_inside_a_passive_or_a_relative() -> None:
    q = one("The plan was widely criticized by economists.")
    assert (q.text, q.rule) == ("The plan", "indirect_passive")
    assert q.speaker is not None and q.speaker.text == "economists"
    # a passive without an agent reports nothing: the subject is no source
    assert indirect("The plan was widely criticized.") == []
    # ... unless a judging verb says what for: an appraisal without a source
    q = one("The plan was widely criticized for its cost.")
    assert ([s.text for s in q.segments], q.speaker) == (["The plan", "its cost"], None)
    q = one("Ms. Diaz, who pointedly refused to endorse the mayor, left early.")
    assert (q.text, q.rule) == ("to endorse the mayor", "indirect_relative")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ms. Ruiz told co-host Ann Lee that she did not know the answer.",
            "she did not know the answer",
        ),
        ("The mayor told the forum he was against the new tax.", "he was against the new tax"),
        (
            "He told one of his aides on a regular basis that the plan was doomed.",
            "the plan was doomed",
        ),
    ],
)
def test_addressee_skipped_up_to_the_clause(text: str, content: str) -> None:
    q = one(text)
    assert (q.text, q.rule) == (content, "indirect_told")


def test_participle_after_an_adverb_ends_the_statement() -> None:
    first, second = indirect(
        "The coach complained about the referee after the game, even suggesting he had been paid."
    )
    assert first.text == "the referee after the game"
    assert (second.text, second.rule) == ("he had been paid", "indirect_participle")
    assert second.speaker is not None and second.speaker.text == "The coach"


def test_dash_and_a_new_speaker_end_the_statement() -> None:
    first, second = indirect(
        "Ms. Ruiz said the vote would be close \u2014 and she noted that turnout was low."
    )
    assert first.text == "the vote would be close"
    assert (second.text, second.speaker and second.speaker.text) == ("turnout was low", "she")


def test_as_x_said_after_the_statement() -> None:
    q = one("The new dam will cost more than planned, as the audit noted.")
    assert (q.text, q.rule) == ("The new dam will cost more than planned", "indirect_clause_said")
    assert q.speaker is not None and q.speaker.text == "the audit"


def test_list_of_shares_gives_one_record_each() -> None:
    found = indirect(
        "Of likely voters, 43 percent back Ruiz, 40 percent back Hale and 1 percent back Ode."
    )
    assert [(q.text, q.speaker and q.speaker.text) for q in found] == [
        ("Ruiz", "43 percent"),
        ("Hale", "40 percent"),
        ("Ode", "1 percent"),
    ]


def test_evidential_subject_before_an_apposition() -> None:
    q = one("The group, which has lost many members, seems unlikely to fight again.")
    assert (q.text, q.rule) == (
        "The group, which has lost many members, seems unlikely to fight again",
        "indirect_evidential",
    )
    q = one("The senator seemed to reap the benefits, which surprised many.")
    assert q.text == "The senator seemed to reap the benefits"


def test_coordinator_after_the_cue_reports_nothing() -> None:
    assert indirect("The mayor agreed and left the room.") == []
    assert indirect("The coach complained but signed the new contract anyway.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said in a statement released on Friday that the border would reopen.",
        "The ministry said Friday in an interview with the paper that the border would reopen.",
    ],
)
def test_that_after_a_manner_phrase_is_no_content(text: str) -> None:
    assert one(text).text == "the border would reopen"


def test_no_object_after_an_object_cue() -> None:
    # "support among …", "called into …": a noun or an intransitive use, no report
    assert indirect("Her support among young voters is slipping.") == []
    assert indirect("The senator called into a radio show on Monday.") == []


def test_preposition_of_a_clause_verb_is_part_of_the_cue() -> None:
    q = one("The mayor worried about the cost of the new bridge.")
    assert (q.text, q.cue and q.cue.text) == ("the cost of the new bridge", "worried about")
    # a time after the verb is still skipped, not taken for the verb's preposition
    q = one("The mayor said on Tuesday the bridge would reopen.")
    assert (q.text, q.cue and q.cue.text) == ("the bridge would reopen", "said")


def test_commented_on_and_fired_back_at() -> None:
    assert one("The governor has also commented on the shooting.").text == "the shooting"
    assert one("She fired back at her critics.").text == "her critics"


def test_in_a_poll_opening_a_sentence() -> None:
    q = one("In the latest county poll, the mayor led his rival by five points.")
    assert (q.text, q.rule) == ("the mayor led his rival by five points", "indirect_according_to")
    assert q.speaker is not None and q.speaker.text == "the latest county poll"
    q = one("In the previous poll, conducted in early May, the mayor led by five points.")
    assert q.text == "the mayor led by five points"
    # a reporting verb inside reports for its own subject
    q = one("In the latest county poll, 61 percent of voters backed the plan.")
    assert q.speaker is not None and q.speaker.text == "61 percent of voters"
    # "In a statement" is a manner, not a source: the verb's subject speaks
    q = one("In a statement, the mayor said the bridge would open.")
    assert q.speaker is not None and q.speaker.text == "the mayor"


def test_infinitive_of_intention_is_no_report() -> None:
    assert indirect("It is hard to say that the plan works.") == []
    assert indirect("The board voted to not recommend any changes.") == []


def test_participle_after_the_cue_of_a_quotation() -> None:
    text = "\u201cThe day was long,\u201d he said, adding he would never go back there."
    q = one(text)
    assert (q.text, q.rule) == ("he would never go back there", "indirect_participle")
    assert q.speaker is not None and q.speaker.text == "he"


def test_base_form_after_a_plural_subject() -> None:
    q = one("Recent polls show the mayor with a narrow lead.")
    assert q.text == "the mayor with a narrow lead"
    assert q.speaker is not None and q.speaker.text == "Recent polls"
    q = one("Many believe the new bridge is too expensive.")
    assert q.speaker is not None and q.speaker.text == "Many"


# --- the data files ----------------------------------------------------------------------------


def test_shipped_lexicons_load() -> None:
    lemmas = {c.lemma: c for c in indirect_cues()}
    assert lemmas["say"].frame == "clause" and "said" in lemmas["say"].forms
    assert lemmas["tell"].frame == "addressee"
    assert indirect_adjuncts()["tuesday"] == "time"


def test_readings_file(tmp_path: Path) -> None:
    readings = _table().appraisals, _table().questions, _table().bare
    assert "expect" in readings[0] and "ask" in readings[1] and "say" in readings[2]
    lemmas = {c.lemma for c in indirect_cues()}
    assert readings[0] | readings[1] | readings[2] <= lemmas
    bad = tmp_path / "readings.tsv"
    bad.write_text("expect\tguess\n", encoding="utf-8")
    with pytest.raises(DataError, match="appraisal"):
        parse_readings(bad)


def test_labels_file(tmp_path: Path) -> None:
    bad = tmp_path / "labels.tsv"
    bad.write_text("Update\n", encoding="utf-8")
    with pytest.raises(DataError, match="lowercase"):
        parse_labels(bad)
    bad.write_text("# a comment\nupdate\n", encoding="utf-8")
    assert parse_labels(bad) == frozenset(["update"])


def test_malformed_lexicon_rows_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "cues.tsv"
    bad.write_text("say\tsaid\tsays\tsaying\tsaid\tshout\n", encoding="utf-8")
    with pytest.raises(DataError, match="frame"):
        parse_indirect_cues(bad)
    bad.write_text("say\tSaid\tsays\tsaying\tsaid\tclause\n", encoding="utf-8")
    with pytest.raises(DataError, match="lowercase"):
        parse_indirect_cues(bad)
    bad.write_text("Tuesday\ttime\n", encoding="utf-8")
    with pytest.raises(DataError, match="lowercase"):
        parse_indirect_adjuncts(bad)


def _laminar(spans: list[tuple[int, int]]) -> bool:
    """Two spans are disjoint or one holds the other."""
    return all(
        a[1] <= b[0]
        or b[1] <= a[0]
        or (a[0] <= b[0] and b[1] <= a[1])
        or (b[0] <= a[0] and a[1] <= b[1])
        for i, a in enumerate(spans)
        for b in spans[i + 1 :]
    )


@pytest.mark.parametrize(
    "text",
    [
        # found by a fuzzer: two tails over stray typewriter marks overlapped
        "'''s—told reporter.''s—told reporter",
        "Dr.'''tis—told reporters——Dr.'''tis—told reporters—<p>says",
        "Prices fell, the agency said, and wages rose, the union said.",
    ],
)
def test_records_are_laminar(text: str) -> None:
    extractor = QuoteExtractor(kinds="direct,mixed,indirect,other", min_length=0)
    records = extractor.extract(text)
    assert _laminar([(q.start, q.end) for q in records])
    assert not _laminar([(0, 5), (3, 8)])  # the check can fail


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "He calls for $1 trillion in new spending on roads.",
            "$1 trillion in new spending on roads",
        ),
        ("The council wants £5 million for the new park.", "£5 million for the new park"),
    ],
)
def test_object_may_open_with_a_sum_of_money(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content", "speaker", "entity"),
    [
        (
            "Ann Lee, who campaigned on jobs and sought the union's endorsement, lost the race.",
            "the union's endorsement",
            "who",
            "Ann Lee",
        ),
        (
            "Rosa Vidal, a retired nurse, joined the board and said she would vote "
            "against the budget.",
            "she would vote against the budget",
            "Rosa Vidal",
            "Rosa Vidal",
        ),
    ],
)
def test_coordinated_verb_takes_the_clause_subject(
    text: str, content: str, speaker: str, entity: str
) -> None:
    q = one(text)
    assert q.text == content
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.entity is not None and q.entity.name == entity
    check_indirect(text, ALL.extract(text))


def test_coordinated_verb_after_a_list_gets_no_relative_source() -> None:
    # "who …, …, and": the relative clause is a list, so its subject is not read
    text = "Tom Hale, who sang, danced, and praised the band, left early."
    assert all(q.rule != "indirect_relative" for q in indirect(text))


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Republican nominee Ann Lee on Friday endorsed the plan.", "Ann Lee", "the plan"),
        (
            "Presidential hopeful Tom Hale late last week praised the nurses.",
            "Tom Hale",
            "the nurses",
        ),
        ("The senator late Tuesday said he would run again.", "The senator", "he would run again"),
    ],
)
def test_time_phrase_between_subject_and_cue(text: str, speaker: str, content: str) -> None:
    q = one(text)
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.text == content


def test_name_with_a_day_is_no_time_phrase() -> None:
    # "Super Tuesday" and "at last" are no time phrases before the cue
    found = indirect(
        "Many voters in the states holding contests on Super Tuesday said they were angry."
    )
    assert all(q.speaker is None or q.speaker.text != "Super" for q in found)
    found = indirect("People across the country would at last see the truth.")
    assert all(q.speaker is None or q.speaker.text != "the country" for q in found)


def test_participle_between_commas_ends_before_the_verb() -> None:
    text = "Mr. Hale, citing a new study, said the candidate could win."
    found = indirect(text)
    assert [(q.text, q.cue.text if q.cue else None) for q in found] == [
        ("a new study", "citing"),
        ("the candidate could win", "said"),
    ]
    assert all(q.speaker is not None and q.speaker.text == "Mr. Hale" for q in found)
    check_indirect(text, ALL.extract(text))


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The dam is safe, a source close to the mayor said.",
            "a source close to the mayor",
            "The dam is safe",
        ),
        (
            "The dam is safe, said people familiar with the survey.",
            "people familiar with the survey",
            "The dam is safe",
        ),
        (
            "Two officials briefed on the plan said it would fail.",
            "Two officials briefed on the plan",
            "it would fail",
        ),
    ],
)
def test_source_with_a_postmodifier(text: str, source: str, content: str) -> None:
    q = one(text)
    assert q.speaker is not None and q.speaker.text == source
    assert q.text == content
    assert q.rule != "indirect_statement"  # officials, not a document, although "plan" is one


def test_postmodifiers_file(tmp_path: Path) -> None:
    bad = tmp_path / "postmodifiers.tsv"
    bad.write_text("close\n", encoding="utf-8")
    with pytest.raises(DataError, match="two or more words"):
        parse_postmodifiers(bad)
    bad.write_text("# a comment\nclose to\n", encoding="utf-8")
    assert parse_postmodifiers(bad) == (("close", "to"),)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "A reporter asked if the ruling meant that the trial was over.",
            "if the ruling meant that the trial was over",
        ),
        (
            "She asked the judge whether the delay meant that the jury would go home.",
            "whether the delay meant that the jury would go home",
        ),
    ],
)
def test_question_after_an_addressee_verb_is_the_content(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize("name", ["Ana García", "Ms. Peña", "Chloé Dufresne"])
def test_name_ending_in_a_non_ascii_letter_is_a_subject(name: str) -> None:
    # the raw-text look at the word before the cue must not read "García" as "a"
    q = one(f"{name} said the new clinic would open in May.")
    assert q.speaker is not None and q.speaker.text == name


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The banker told investors that the worries were “overblown,” adding that the "
            "bank was sound.",
            "the worries were “overblown,”",
            "the bank was sound",
        ),
        (
            "The banker told investors that the worries were ''overblown,'' adding that the "
            "bank was sound.",
            "the worries were ''overblown,''",
            "the bank was sound",
        ),
    ],
)
def test_participle_after_a_closing_quotation_mark(text: str, first: str, second: str) -> None:
    found = indirect(text)
    assert [q.text for q in found] == [first, second]
    assert found[1].rule == "indirect_participle"
    assert found[1].speaker is not None and found[1].speaker.text == "The banker"
    check_indirect(text, ALL.extract(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Sen. Ann Lee (a Democrat so young she was taken for an intern) says the bill is dead.",
            "Sen. Ann Lee",
        ),
        (
            "Three former officials — all of them Republicans — have also said the bill is dead.",
            "Three former officials",
        ),
        (
            "Three former officials ― all of them Republicans ― said the bill is dead.",
            "Three former officials",
        ),
    ],
)
def test_subject_before_a_parenthesis(text: str, source: str) -> None:
    q = one(text)
    assert q.speaker is not None and q.speaker.text == source
    assert q.text == "the bill is dead"


def test_asked_after_an_apposition_is_a_finite_verb() -> None:
    text = "Ruth Lee, an editor at the paper, asked the mayor if the plan would continue."
    q = one(text)
    assert q.speaker is not None and q.speaker.text == "Ruth Lee"
    assert q.text == "if the plan would continue" and q.rule == "indirect_told"
    # the participle between commas stays a question without a source
    found = indirect("The senator, asked about the loan, said nothing new.")
    assert [q.rule for q in found][:1] == ["indirect_question"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "A poll released Saturday found that most voters back the mayor.",
            "found",
            "most voters back the mayor",
        ),
        (
            "The report issued by the agency on Monday shows that prices rose.",
            "shows",
            "prices rose",
        ),
    ],
)
def test_participle_on_a_noun_is_no_object_cue(text: str, cue: str, content: str) -> None:
    q = one(text)
    assert q.cue is not None and q.cue.text == cue
    assert q.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ruling is widely expected to favor the city, with sharp costs for the region.",
            "The ruling is widely expected to favor the city",
        ),
        (
            "The plant is expected to cut 300 jobs this week -- the first of many cuts.",
            "The plant is expected to cut 300 jobs this week",
        ),
        # a comma before the cue belongs to the subject
        (
            "The group, which has lost many members, seems unlikely to fight again.",
            "The group, which has lost many members, seems unlikely to fight again",
        ),
    ],
)
def test_appraisal_ends_at_a_comma_or_dash_after_the_cue(text: str, content: str) -> None:
    q = one(text)
    assert q.rule == "indirect_evidential" and q.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor attacked Ann Lee, a former aide, in a speech on Monday.", "Ann Lee"),
        ("The council praised the deal — a rare show of unity.", "the deal"),
        ("The mayor praised the well-known deal.", "the well-known deal"),  # no dash
    ],
)
def test_object_ends_before_an_apposition_or_a_dash(text: str, content: str) -> None:
    q = one(text)
    assert q.rule == "indirect_object" and q.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Among those who said the tax was unfair, most backed the mayor.", "the tax was unfair"),
        # a list inside the content is no end of the relative clause
        (
            "The vote was won by Tom Hale, who said the city needed shelters, beds and food.",
            "the city needed shelters, beds and food",
        ),
    ],
)
def test_relative_clause_ends_at_its_comma(text: str, content: str) -> None:
    found = [q for q in indirect(text) if q.rule == "indirect_relative"]
    assert [q.text for q in found] == [content]


def test_coordinated_verb_after_a_modal_stays_in_the_content() -> None:
    text = "The woman said she was a loyal voter and would probably back the mayor again."
    q = one(text)
    assert q.text == "she was a loyal voter and would probably back the mayor again"
    # without a modal the second verb is the speaker's own statement
    found = indirect("The mayor said the plan was sound and criticized the council.")
    assert [q.cue.text for q in found if q.cue] == ["said", "criticized"]


def test_coordinated_verb_takes_no_speaker_from_an_inner_report() -> None:
    # "backs" reports inside Tom Hale's content: "insists" is Tom Hale's, not Ann Webb's
    text = "Tom Hale doubts that Ann Webb backs the plan and insists that the vote was rigged."
    found = indirect(text)
    assert [(q.text, q.speaker.text if q.speaker else None) for q in found] == [
        ("Ann Webb backs the plan", "Tom Hale"),
        ("the vote was rigged", "Tom Hale"),
    ]
    text = "Farmers question whether the mayor opposes the dam and worry that she might relent."
    found = indirect(text)
    assert [q.speaker.text if q.speaker else None for q in found] == ["Farmers"] * 2


def test_base_form_after_and_goes_with_the_contents_infinitive_or_modal() -> None:
    q = one("The senator urged the council to act quickly and back the new budget.")
    assert q.text == "the council to act quickly and back the new budget"
    q = one("Ann Webb said she would visit the plant and praise the workers.")
    assert q.text == "she would visit the plant and praise the workers"
    # without "to" or a modal before it the verb is the speaker's own (a finite form)
    found = indirect("Tom Hale said the plan was sound and praised the council.")
    assert [q.cue.text for q in found if q.cue] == ["said", "praised"]


def test_but_goes_on_with_the_same_statement_unless_someone_else_speaks() -> None:
    q = one("The mayor said the plan was sound, but the costs were high.")
    assert q.text == "the plan was sound, but the costs were high"
    found = indirect("The mayor said the plan was sound, but engineers said it would fail.")
    assert [q.text for q in found] == ["the plan was sound", "it would fail"]


def test_said_goes_on_through_a_participle_that_reports_nothing() -> None:
    q = one("The agency said prices rose 3 percent, bringing the yearly rise to 9 percent.")
    assert q.text == "prices rose 3 percent, bringing the yearly rise to 9 percent"
    # a reporting participle still ends it, also when it attributes a quotation
    text = "She noted her years in the state, saying “we faced hard times together.”"
    assert [q.text for q in indirect(text)] == ["her years in the state"]


def test_adverb_between_the_cue_and_that() -> None:
    assert one("The mayor argued forcefully that taxes are too high.").text == "taxes are too high"


def _walk_share(direct: list[tuple[int, int]], a: int, b: int) -> float:
    # The walk from the quotation starting last before a to the last starting before b.
    i = max(0, bisect_left(direct, (a, -1)) - 1)
    covered = sum(max(0, min(b, e) - max(a, s)) for s, e in direct[i:] if s < b)
    return covered / max(1, b - a)


@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=30),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_direct_share_counts_the_direct_quotations_in_a_range(
    quotes: list[tuple[int, int]], a: int, width: int
) -> None:
    # The running-length shortcut gives what the walk over the quotations in the range
    # gives, for disjoint quotations and (the walk itself) overlapping ones.
    from quoteattr._document import Document
    from quoteattr._indirect import _State

    state = _State(Document("", [], None, None), [])  # type: ignore[arg-type]
    spans = sorted((s, s + n) for s, n in quotes)
    for candidate in (spans, _disjoint(spans)):
        state.direct = candidate
        state.direct_before = [0]
        for s, e in candidate:
            state.direct_before.append(state.direct_before[-1] + e - s)
        state.direct_disjoint = all(
            candidate[k][1] <= candidate[k + 1][0] for k in range(len(candidate) - 1)
        )
        b = a + width
        assert state.direct_share(a, b) == _walk_share(candidate, a, b)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


def test_a_long_sentence_of_according_to_quotations_stays_linear_in_records() -> None:
    # One paragraph of "“Q,” the mayor said, according to the Herald," again and again:
    # every cue's range spans the rest of the sentence (it once walked every quotation
    # in it per cue). Behaviour: one direct record per quotation, none lost.
    unit = "\u201cWe will stay,\u201d the mayor said, according to the Herald, "
    text = unit * 400
    quotes = QuoteExtractor(kinds=("direct", "mixed", "indirect")).extract(text)
    assert sum(q.kind == "direct" for q in quotes) == 400


def test_pronoun_sources_in_a_long_sentence_resolve_nearby() -> None:
    # One sentence of "Ms. Lee said A, but she said B," again and again: each "she"
    # looked through every name and every earlier speaker of the sentence (quadratic);
    # now through those of the last LONG_SENTENCE characters and the nearest 50 speakers.
    unit = "Ms. Lee said the plan was ready, but she said it was costly, "
    quotes = ALL.extract(unit * 300)
    shes = [q for q in quotes if q.speaker is not None and q.speaker.text == "she"]
    assert len(shes) == 300
    assert all(q.entity is not None and q.entity.name.endswith("Lee") for q in shes)


# --- session 6: tail attributions -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "The plant will close next spring, said lobbyist Nora Field.",
            "The plant will close next spring",
            "Nora Field",
        ),
        (
            "Rents have doubled in a decade, says urban economist Tom Hale in Leeds.",
            "Rents have doubled in a decade",
            "Tom Hale",
        ),
    ],
)
def test_inverted_source_after_role_words(text: str, content: str, source: str) -> None:
    q = one(text)
    assert (q.text, q.speaker and q.speaker.text, q.rule) == (
        content,
        source,
        "indirect_clause_said",
    )


def test_role_words_without_a_name_give_no_inverted_source() -> None:
    # "said local officials" is a plain noun phrase; "said in public" no source at all
    assert [q.text for q in indirect("The plant will close, said in public.")] == []


def test_coordinated_subject_after_the_statement() -> None:
    q = one("The guard pushed a photographer to the ground, she and another reporter said.")
    assert q.text == "The guard pushed a photographer to the ground"
    assert q.speaker is not None and q.speaker.text == "she and another reporter"


def test_a_list_before_the_verb_is_no_coordinated_source() -> None:
    found = indirect("Besides Chile, Peru, Bolivia and Ecuador have claims in the region.")
    assert all(q.rule != "indirect_clause_said" for q in found)


def test_semicolon_ends_a_tail_attribution() -> None:
    q = one("Turnout will be low this year, analysts say; in 2012 it was higher.")
    assert (q.text, q.speaker and q.speaker.text) == ("Turnout will be low this year", "analysts")


def test_typewriter_fragment_before_the_cue_goes_on_in_the_next_sentence() -> None:
    text = (
        "Still, the clubs are ''barely making a profit,'' Mr. Ortiz said. ''Golf is a thin trade.''"
    )
    q = one(text)
    assert q.text.endswith("''Golf is a thin trade.''")
    assert q.text.startswith("Still, the clubs are")


def test_typewriter_fragment_does_not_go_on_past_a_dash() -> None:
    text = (
        "He praised the plan - ''a real step forward,'' he said - and left early. ''We will see.''"
    )
    assert all("We will see" not in q.text for q in indirect(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "In May, as the crowd booed, Mr. Hale said, ''We will build it anyway.''",
            "''We will build it anyway.''",
        ),
        (
            "The new stadium, Ms. Ruiz said, ''is a waste of public money.''",
            "The new stadium, Ms. Ruiz said, ''is a waste of public money.''",
        ),
    ],
)
def test_typewriter_quotation_after_a_mid_sentence_cue(text: str, content: str) -> None:
    q = one(text)
    assert q.text == content


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Among likely voters, about two-thirds, 67 percent, say they will back the levy.",
            "about two-thirds, 67 percent",
            "they will back the levy",
        ),
        (
            "A third of renters, 33%, say they cannot pay.",
            "A third of renters, 33%",
            "they cannot pay",
        ),
    ],
)
def test_share_with_its_figure_between_commas(text: str, source: str, content: str) -> None:
    q = one(text)
    assert (q.speaker and q.speaker.text, q.text) == (source, content)


def test_tail_source_with_a_by_phrase() -> None:
    q = one("Pupils sit 112 tests before they leave school, a study by the Schools Council found.")
    assert q.text == "Pupils sit 112 tests before they leave school"
    assert q.speaker is not None and q.speaker.text == "a study by the Schools Council"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The mayor said the bus plan was ready, though she admitted it was too costly.",
            "the bus plan was ready",
            "it was too costly",
        ),
        (
            "Ms. Ruiz said hackers broke into the council's servers and she accused the "
            "contractor of negligence.",
            "hackers broke into the council's servers",
            "the contractor of negligence",
        ),
    ],
)
def test_concessive_or_coordinated_clause_with_its_own_speaker(
    text: str, first: str, second: str
) -> None:
    assert [q.text for q in indirect(text)] == [first, second]


def test_coordinated_subjects_are_not_split() -> None:
    found = indirect("Both the mayor and she said the bridge would reopen.")
    assert [q.text for q in found] == ["the bridge would reopen"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor praised the nurses in a statement on Friday.", "the nurses"),
        (
            "The senator criticized the plan during a long radio interview with the station.",
            "the plan",
        ),
        # no occasion noun: the object goes on
        (
            "Ms. Lee attacked the proposal in the name of fairness.",
            "the proposal in the name of fairness",
        ),
    ],
)
def test_object_ends_before_the_occasion_it_was_said_on(text: str, content: str) -> None:
    assert one(text).text == content


def test_media_list_is_lower_case_words() -> None:
    from quoteattr._lexicon import word_list

    media = word_list("indirect_media.txt")
    assert "statement" in media and all(w == w.lower() and " " not in w for w in media)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The agency said prices rose 3 percent last year, compared with 2 percent a "
            "year earlier.",
            "prices rose 3 percent last year",
        ),
        ("The mayor said sales were 40 million, down from 52 million.", "sales were 40 million"),
    ],
)
def test_a_comparison_after_a_comma_is_the_writers(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "As reported by the Herald, the roads were unsafe.",
            "the Herald",
            "the roads were unsafe",
        ),
        (
            "As noted in the audit, the bridge needs repairs.",
            "the audit",
            "the bridge needs repairs",
        ),
    ],
)
def test_as_reported_by_a_source(text: str, source: str, content: str) -> None:
    q = one(text)
    assert (q.speaker and q.speaker.text, q.text, q.rule) == (
        source,
        content,
        "indirect_according_to",
    )


def test_as_reported_without_a_source_gives_nothing() -> None:
    assert indirect("As reported, the roads were unsafe.") == []


def test_participle_inside_a_typewriter_quotation_is_the_speakers_words() -> None:
    text = "Mr. Lee said he had fought ''for our rights, knowing that we had none.''"
    q = one(text)
    assert q.text == "he had fought ''for our rights, knowing that we had none.''"


def test_according_to_after_a_short_opening_phrase_goes_on() -> None:
    text = "Over the long term, according to the budget office, the debt will keep rising."
    q = one(text)
    assert q.text == text[:-1]
    assert [text[s.start : s.end] for s in q.segments] == [
        "Over the long term",
        "the debt will keep rising",
    ]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The mayor has nevertheless called the vote a mistake.",
            "The mayor",
            "the vote a mistake",
        ),
        (
            "Ann Lee, Tom Hale and Rosa Diaz have all attacked the levy as unfair.",
            "Rosa Diaz",
            "the levy as unfair",
        ),
        (
            "The unions have both urged the council to act.",
            "The unions",
            "the council to act",
        ),
    ],
)
def test_adverb_or_floating_quantifier_before_the_verb(
    text: str, source: str, content: str
) -> None:
    q = one(text)
    assert (q.speaker and q.speaker.text, q.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "The mayor, in a statement, said the bridge would reopen.",
            "The mayor",
            "the bridge would reopen",
        ),
        (
            "Glass makers, for instance, argue that imports doubled last year.",
            "Glass makers",
            "imports doubled last year",
        ),
        (
            "The judge, in response to a request, ordered the agency to release the files.",
            "The judge",
            "the agency to release the files",
        ),
    ],
)
def test_subject_before_a_parenthetical(text: str, source: str, content: str) -> None:
    q = one(text)
    assert (q.speaker and q.speaker.text, q.text) == (source, content)


def test_a_chain_of_parentheticals_is_read_one_level_deep() -> None:
    # "a, in b, in c, …, said": the subject is looked for before one parenthetical only
    text = "Ms. Lee" + ", in turn" * 2000 + ", said the plan was sound."
    found = indirect(text)
    assert all(q.speaker is None or q.speaker.text != "Ms. Lee" for q in found)


def test_a_bare_weekday_between_subject_and_cue() -> None:
    q = one("The leading candidates for governor Thursday lashed out at the mayor.")
    assert q.speaker is not None and q.speaker.text == "The leading candidates for governor"
    assert q.text == "the mayor"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "White House press secretary Ann Lee argued that the plan was sound.",
            "Ann Lee",
            "the plan was sound",
        ),
        (
            "The plan failed, press secretary Ann Lee said at a briefing.",
            "press secretary Ann Lee",
            "The plan failed",
        ),
        (
            "Ann Lee, a fellow at a conservative think tank, said the plan would fail.",
            "Ann Lee",
            "the plan would fail",
        ),
        (
            "Ann Lee, a fellow at two conservative think tanks, said the plan would fail.",
            "Ann Lee",
            "the plan would fail",
        ),
    ],
)
def test_a_cue_word_in_a_compound_noun_is_no_verb(text: str, source: str, content: str) -> None:
    q = one(text)
    assert (q.speaker and q.speaker.text, q.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("What she truly believes remains a mystery to most voters.", "What"),
        ("It was a topic she knew well, having run a large firm.", "a topic"),
        ("And what we saw in the valley, is a town that works.", "what"),
    ],
)
def test_an_object_gap_relative_reports_its_antecedent(text: str, content: str) -> None:
    assert [q.text for q in indirect(text)] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a time word, a preposition before the noun, a verb with its own object
        ("Last week he said in a statement the plan would fail.", "the plan would fail"),
        ("Cards came in the mail they never asked for.", None),
        ("It was a topic she knew nothing about.", None),
    ],
)
def test_no_antecedent_outside_the_gap_shape(text: str, content: str | None) -> None:
    texts = [q.text for q in indirect(text)]
    assert "a topic" not in texts and "the mail" not in texts
    if content is not None:
        assert content in texts


@pytest.mark.parametrize(
    "text",
    [
        "After he won the primary in May, the senator declared on national television "
        "that he was raising money.",
        "As the storm grew worse, the governor warned on local radio that the roads would close.",
    ],
)
def test_a_complementiser_after_the_adjunct_makes_the_opening_clause_no_statement(
    text: str,
) -> None:
    q = one(text)
    assert q.rule == "indirect_said_that"
    assert q.text in ("he was raising money", "the roads would close")


def test_a_tail_with_an_adjunct_and_no_complementiser_stays() -> None:
    q = one("The plan is sound, the mayor said in Ohio.")
    assert (q.rule, q.text) == ("indirect_clause_said", "The plan is sound")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Officials reported at least 20 victims at the center.",
            "at least 20 victims at the center",
            "reported",
        ),
        (
            "The mayor has said about 20 people applied for the post.",
            "about 20 people applied for the post",
            "said",
        ),
        (
            "The board has deemed about 1,500 of those pages private.",
            "about 1,500 of those pages private",
            "deemed",
        ),
    ],
)
def test_a_preposition_before_a_number_opens_the_content(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


def test_a_place_after_a_verb_of_saying_stays_no_content() -> None:
    assert indirect("The mayor reported from Ohio.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The senator won the primary in Ohio, adding to her lead over the mayor.",
        "The mayor is adding to his wins in the south.",
    ],
)
def test_add_to_is_to_increase(text: str) -> None:
    assert indirect(text) == []


@pytest.mark.parametrize(
    "text",
    ["The mayor found himself in trouble again.", "Voters find themselves torn between the two."],
)
def test_find_oneself_is_no_finding(text: str) -> None:
    assert indirect(text) == []


def test_add_to_an_addressee_with_that_reports() -> None:
    assert one("The mayor added to reporters that the plan was dead.").text == ("the plan was dead")


def test_a_year_between_subject_and_cue() -> None:
    q = one("Talks went on, though an arbitration panel in 2001 found the city was in breach.")
    assert (q.speaker and q.speaker.text, q.text) == (
        "an arbitration panel",
        "the city was in breach",
    )


def test_a_share_of_a_relative_is_the_source() -> None:
    q = one("The plan upset the families, many of whom say the claims are unfounded.")
    assert (q.speaker and q.speaker.text, q.text, q.rule) == (
        "many of whom",
        "the claims are unfounded",
        "indirect_relative",
    )
    q = one("The delegates, both of whom backed the mayor, will vote today.")
    assert q.text == "the mayor"


def test_loose_subject_after_a_subordinator() -> None:
    q = one("The gap grew after leaked pages from his 1995 return show he took a loss.")
    assert (q.speaker and q.speaker.text, q.text) == (
        "leaked pages from his 1995 return",
        "he took a loss",
    )


def test_a_colon_closing_its_paragraph_introduces_the_next_one() -> None:
    text = (
        "The mayor spoke first. The governor added:\n\n"
        "It is typical of the council. It knows nothing about the bridge.\n\n"
        "The meeting ended at noon."
    )
    q = one(text)
    assert q.text == "It is typical of the council. It knows nothing about the bridge"
    assert (q.speaker and q.speaker.text, q.cue and q.cue.text) == ("The governor", "added")


@pytest.mark.parametrize(
    "after",
    [
        "“It is typical of the council,” he said later.",  # a quotation: not doubled
        "<tweet>It is typical of the council and its friends.</tweet>",  # markup
    ],
)
def test_no_paragraph_statement_after_a_colon_before_a_quotation_or_markup(after: str) -> None:
    text = "The governor added:\n\n" + after
    assert all(q.cue is None or q.cue.text != "added" for q in indirect(text))


def test_participle_after_with_has_its_own_source() -> None:
    text = "Polls show the mayor with a small lead, with the Herald showing her ahead by 3 points."
    found = indirect(text)
    assert [(q.text, q.speaker and q.speaker.text) for q in found] == [
        ("the mayor with a small lead", "Polls"),
        ("her ahead by 3 points", "the Herald"),
    ]


def test_a_share_after_with_stays_in_the_polls_finding() -> None:
    text = "The poll showed the mayor losing ground, with 40 percent backing him before."
    assert [q.text for q in indirect(text)] == [
        "the mayor losing ground, with 40 percent backing him before"
    ]


def test_said_clause_ends_at_comma_when() -> None:
    text = "Ms. Ruiz said the deficit would shrink, when she met the council in May."
    q = one(text)
    assert q.text == "the deficit would shrink"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Fares will rise next year, one slide says.", "Fares will rise next year", "one slide"),
        ("The film argues that the war was lost early.", "the war was lost early", "The film"),
        ("The legislation calls for a new tax on fuel.", "a new tax on fuel", "The legislation"),
    ],
)
def test_sources_of_the_indirect_stage_only(text: str, content: str, source: str) -> None:
    q = one(text)
    assert (q.text, q.speaker and q.speaker.text) == (content, source)


def test_source_nouns_file_is_lower_case_words() -> None:
    from quoteattr._indirect import _source_nouns

    words = _source_nouns()
    assert {"auditor", "film", "slide", "legislation"} <= words
    assert all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("The court ruled that the law was void.", "the law was void", "The court"),
        ("She maintained that the vote was fair.", "the vote was fair", "She"),
        ("Police discovered that the money had gone.", "the money had gone", "Police"),
        ("The memo states that the plant will close.", "the plant will close", "The memo"),
    ],
)
def test_verbs_that_report_only_before_that(text: str, content: str, source: str) -> None:
    q = one(text)
    assert (q.text, q.speaker and q.speaker.text, q.cue and q.cue.text.split()[-1]) == (
        content,
        source,
        "that",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The king ruled the country for forty years.",
        "Officials maintained the roads all winter.",
        "The rules that apply here are old.",
    ],
)
def test_those_verbs_alone_report_nothing(text: str) -> None:
    assert indirect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor has long argued that taxes are too high.",
        "The mayor has always said that taxes are too high.",
        "The mayor has since admitted that taxes are too high.",
    ],
)
def test_long_always_since_before_the_verb_are_no_part_of_the_source(text: str) -> None:
    q = one(text)
    assert (q.text, q.speaker and q.speaker.text) == ("taxes are too high", "The mayor")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Ms. Obi apparently disagrees with her former boss.", "her former boss", "disagrees with"),
        ("The mayor pushed back on the claims.", "the claims", "pushed back on"),
        ("The mayor is disagreeing with the council.", "the council", "disagreeing with"),
    ],
)
def test_disagree_with_and_push_back_on(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Residents were baffled by Mr. Lee's decision to close it.", "to close it", "Mr. Lee's"),
        ("Voters cheered her promise to cut fares.", "to cut fares", "her"),
        ("The mayor's view is that fares must rise.", "fares must rise", "The mayor's"),
        ("Mr. Lee's argument was that the bill cost more.", "the bill cost more", "Mr. Lee's"),
    ],
)
def test_a_stance_noun_reports_for_its_possessive_owner(
    text: str, content: str, source: str
) -> None:
    q = one(text)
    assert (q.text, q.speaker and q.speaker.text, q.rule) == (content, source, "indirect_noun")


def test_her_owner_resolves_to_the_woman_named_before() -> None:
    text = "Ms. Ruiz spoke on Monday. Voters cheered her promise to cut fares."
    q = one(text)
    assert q.entity is not None and q.entity.name.endswith("Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "The decision to close the bridge angered residents.",  # no owner
        "His attempt to climb the wall failed.",  # an action, not a stance
        "Voters liked his plans for the economy.",  # no frame after the noun
        "Her view of the bridge is that of a painter.",  # "is that" not after the noun
    ],
)
def test_no_stance_noun_record(text: str) -> None:
    assert [q for q in indirect(text) if q.rule == "indirect_noun"] == []


def test_parse_stance_nouns_checks_the_frame(tmp_path: Path) -> None:
    from quoteattr._indirect import _stance_nouns, parse_stance_nouns

    good = tmp_path / "nouns.tsv"
    good.write_text("# a comment\ndecision\tto\nview\tthat\n", encoding="utf-8")
    assert parse_stance_nouns(good) == {"decision": "to", "view": "that"}
    good.write_text("decision\tfor\n", encoding="utf-8")
    with pytest.raises(DataError, match="frame"):
        parse_stance_nouns(good)
    assert _stance_nouns()["decision"] == "to"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said fares would rise, and the council voted it down.", "fares would rise"),
        ("Ms. Ruiz argued the road was safe, and she has driven it often.", "the road was safe"),
        ("The union denied any role, and two of its members were charged.", "any role"),
    ],
)
def test_a_coordinated_clause_with_its_own_subject_ends_the_content(
    text: str, content: str
) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officials said ", "the roads were icy, and it was hard to drive"),
        ("The mayor said ", "taxes would rise, and how fast was unclear"),
        ("She said ", "the pay was low, and then would not say more"),
    ],
)
def test_and_before_it_a_question_word_or_an_adverb_keeps_the_content(
    text: str, content: str
) -> None:
    assert one(text + content + ".").text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The anchor declined the assignment and has since left the network.", "the assignment"),
        ("The senator endorsed Ms. Lee and later campaigned for her.", "Ms. Lee"),
        ("The mayor praised the nurses and went home early.", "the nurses"),
    ],
)
def test_an_object_ends_before_a_coordinated_predicate(text: str, content: str) -> None:
    assert one(text).text == content


def test_an_object_keeps_coordinated_nouns() -> None:
    assert one("The mayor praised the nurses and the drivers.").text == "the nurses and the drivers"


def test_coordinated_clause_with_a_modified_plural_subject() -> None:
    text = "The mayor said it was safe, and human rights groups warned that the plan failed."
    found = indirect(text)
    assert [q.text for q in found] == ["it was safe", "the plan failed"]


def test_and_before_a_capitalised_subject_after_a_lowercase_word() -> None:
    text = "The mayor said the report was late and Ms. Ruiz said it was never written."
    found = indirect(text)
    assert [(q.text, q.speaker and q.speaker.text) for q in found] == [
        ("the report was late", "The mayor"),
        ("it was never written", "Ms. Ruiz"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was low, said Republican strategist Ann Lee.",
        "Turnout was low, said former Ohio governor Ann Lee, who chairs the board.",
    ],
)
def test_capitalised_words_among_the_role_words_of_an_inverted_source(text: str) -> None:
    q = one(text)
    assert (q.text, q.speaker and q.speaker.text) == ("Turnout was low", "Ann Lee")


@pytest.mark.parametrize(
    "adjunct",
    ["when the vote failed", "before the vote", "despite the cost", "amid the protests"],
)
def test_an_object_ends_before_an_adjunct_of_the_sentence(adjunct: str) -> None:
    assert one(f"The senator criticized the new budget {adjunct}.").text == "the new budget"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor continued to criticize the plan.", "the plan"),
        ("Protesters continue to call for new elections.", "new elections"),
        ("The senator is continuing to insist the vote was rigged.", "the vote was rigged"),
    ],
)
def test_an_infinitive_after_continue_reports(text: str, content: str) -> None:
    assert one(text).text == content


def test_an_infinitive_after_try_reports_nothing() -> None:
    assert indirect("The mayor tried to blame the council.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The paper published the mayor's tax returns.", "the mayor's tax returns", "published"),
        ("Ms. Lee has promoted a plan to fix the roads.", "a plan to fix the roads", "promoted"),
        ("Several governors balked at the cost.", "the cost", "balked at"),
        ("The candidates sparred over taxes.", "taxes", "sparred over"),
    ],
)
def test_publish_promote_balk_at_spar_over(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The mayor focused on the cost of housing.", "the cost of housing", "focused on"),
        ("The report lists three reasons for the delay.", "three reasons for the delay", "lists"),
        ("The senator ruled out a run for governor.", "a run for governor", "ruled out"),
        ("Ms. Ruiz stood by her remarks.", "her remarks", "stood by"),
        ("The mayor made no secret of her plans.", "her plans", "made no secret of"),
    ],
)
def test_more_object_cues(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


def test_a_relative_who_after_the_content_is_the_writers() -> None:
    text = "The mayor said the winner would be Ms. Lee, who leads the race by ten points."
    assert one(text).text == "the winner would be Ms. Lee"


def test_a_relative_who_before_a_quotation_stays() -> None:
    text = "The mayor praised Ms. Lee, who called the plan “a good start” on Friday."
    assert one(text).text == "Ms. Lee, who called the plan “a good start” on Friday"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The mayor ignored the council's warnings.", "the council's warnings", "ignored"),
        ("The unions resisted the new rules.", "the new rules", "resisted"),
        ("Critics savaged the budget.", "the budget", "savaged"),
    ],
)
def test_more_object_cues_3(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue and q.cue.text) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ms. Lee confided that she was tired.", "she was tired"),
        ("The council objected to the new fees.", "the new fees"),
        ("The senator scoffed at the idea.", "the idea"),
    ],
)
def test_confide_object_to_scoff_at(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor reflected on her years in office.", "her years in office"),
        ("The council acquiesced to the union's demands.", "the union's demands"),
        ("The senator pleaded for calm.", "calm"),
    ],
)
def test_reflect_on_acquiesce_to_plead_for(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor brushed off the criticism.", "the criticism"),
        ("Unions lobbied for a higher wage.", "a higher wage"),
        ("Critics panned the new budget.", "the new budget"),
    ],
)
def test_brush_off_lobby_for_pan(text: str, content: str) -> None:
    assert one(text).text == content


def test_a_thousands_comma_does_not_end_an_appraisal() -> None:
    text = "The mayor was expected to win the 1,200 votes needed for a majority."
    q = one(text)
    assert q.rule == "indirect_evidential"
    assert q.text == "The mayor was expected to win the 1,200 votes needed for a majority"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The plant is expected to close in May.", ["The plant", "to close in May"]),
        ("Both offers seemed to carry little weight.", ["Both offers", "to carry little weight"]),
        ("The mayor had appeared to be on the rise.", ["The mayor", "to be on the rise"]),
    ],
)
def test_an_appraisal_is_its_subject_and_what_follows_the_cue(text: str, parts: list[str]) -> None:
    q = one(text)
    assert q.rule == "indirect_evidential"
    assert [text[s.start : s.end] for s in q.segments] == parts


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor is eager to cut taxes.", "cut taxes"),
        ("The unions remain open to a deal.", "a deal"),
        ("Voters were troubled by the new fees.", "the new fees"),
    ],
)
def test_more_stance_adjectives(text: str, content: str) -> None:
    assert one(text).text == content


def test_an_apposition_closing_the_content_is_the_writers() -> None:
    text = "Ms. Ruiz said she would vote for Tom Hale, the only candidate from the valley."
    assert one(text).text == "she would vote for Tom Hale"


def test_an_apposition_before_the_verb_of_the_content_stays() -> None:
    text = "Ms. Ruiz said Tom Hale, the only candidate from the valley, would win."
    assert one(text).text == "Tom Hale, the only candidate from the valley, would win"


@pytest.mark.parametrize(
    "rest",
    ["and later campaigned for him, lost", "when he ran for mayor, lost", "despite the cost, lost"],
)
def test_the_object_of_a_relative_ends_as_an_object_does(rest: str) -> None:
    found = indirect(f"The senator, who endorsed Tom Hale {rest} the race.")
    assert [q.text for q in found if q.rule == "indirect_relative"] == ["Tom Hale"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union endorsed Ms. Okafor in March.", "Ms. Okafor"),
        ("The council condemned it after the vote on the bridge.", "it"),
        ("The mayor has not mentioned Tom Hale since the debate.", "Tom Hale"),
        ("The senator backed him until he left the race.", "him"),
        ("The governor praised Dana Whitfield during a visit to the port.", "Dana Whitfield"),
    ],
)
def test_the_time_or_reason_after_a_pronoun_or_a_name_is_the_tellings(
    text: str, content: str
) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a noun phrase may take its own phrase: it stays
        ("The union endorsed the plan in the spring budget.", "the plan in the spring budget"),
        # "as" and "for" phrases are part of what was said
        ("The senator described Tom Hale as a fighter.", "Tom Hale as a fighter"),
        # a poll's finding holds its phrase
        ("The poll shows Ms. Okafor in the lead.", "Ms. Okafor in the lead"),
    ],
)
def test_a_phrase_after_a_noun_or_in_a_finding_stays(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The survey found that the mayor leads by six points, while the council trails.",
            "the mayor leads by six points, while the council trails",
        ),
        (
            "A new poll shows Ms. Okafor with 48 percent, while Tom Hale has 41 percent.",
            "Ms. Okafor with 48 percent, while Tom Hale has 41 percent",
        ),
        (
            "The mayor said the budget was balanced, while the deficit fell by half.",
            "the budget was balanced, while the deficit fell by half",
        ),
    ],
)
def test_a_statement_goes_on_past_a_contrast_that_reports_nothing(text: str, content: str) -> None:
    assert one(text).text == content


def test_a_contrast_with_its_own_reporting_verb_or_a_participle_ends_the_statement() -> None:
    found = indirect("The mayor said the budget was balanced, while critics said it was not.")
    assert [q.text for q in found] == ["the budget was balanced", "it was not"]
    found = indirect("The mayor said the budget was balanced, while admitting that fees rose.")
    assert found[0].text == "the budget was balanced"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator vowed to cut the tax and praised the mayor.", "to cut the tax"),
        ("The council agreed to back the plan, but sounded unsure on Monday.", "to back the plan"),
        ("The mayor praised the nurses but stopped short of a raise.", "the nurses"),
    ],
)
def test_the_sources_next_predicate_ends_an_infinitive_or_an_object(
    text: str, content: str
) -> None:
    assert indirect(text)[0].text == content


@pytest.mark.parametrize(
    "text",
    [
        "The council wants to cut taxes and build roads.",  # two infinitives
        "The council wants to cut taxes and to build roads.",
    ],
)
def test_coordinated_infinitives_stay_one_content(text: str) -> None:
    assert one(text).text.startswith("to cut taxes and")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ms. Ruiz said she would vote for Tom Hale, with whom she once worked.",
            "she would vote for Tom Hale",
        ),
        (
            "Ms. Ruiz said she had thanked the nurses, most of whom work nights.",
            "she had thanked the nurses",
        ),
        ("Ms. Ruiz said she had met Tom Hale, whom she admires.", "she had met Tom Hale"),
        # inside the reported clause's subject the relative stays
        (
            "Ms. Ruiz said Tom Hale, with whom she once worked, would win.",
            "Tom Hale, with whom she once worked, would win",
        ),
    ],
)
def test_a_whom_relative_after_a_content_is_the_writers(text: str, content: str) -> None:
    assert indirect(text)[0].text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The agency signaled willingness to change the rule but has met opposition.",
            "willingness to change the rule",
        ),
        ("The mayor promised a new park and removed the old sign.", "a new park"),
    ],
)
def test_the_sources_next_predicate_ends_a_reported_noun_phrase(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a clause with a present tense in -s: the second verb may be its own
        (
            "The mayor said the system gives too much power to elites and could fail.",
            "the system gives too much power to elites and could fail",
        ),
        # a participle in -ed before a noun is an adjective of the phrase
        (
            "The mayor predicted the heat and unsettled weather could last a week.",
            "the heat and unsettled weather could last a week",
        ),
    ],
)
def test_a_clause_or_a_coordinated_noun_goes_on(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The senator vowed to fund early schooling and need-based aid for college.",
            "to fund early schooling and need-based aid for college",
        ),
        (
            "The mayor cited the anxiety and deep-seated anger of the workers.",
            "the anxiety and deep-seated anger of the workers",
        ),
    ],
)
def test_a_hyphenated_word_in_ed_is_no_verb(text: str, content: str) -> None:
    assert one(text).text == content


def test_a_content_runs_to_the_close_of_a_typewriter_quotation_it_opens() -> None:
    text = (
        "Ms. Lee said the mayor ''was the best choice. She knows the town.''"
        " Others said he was not."
    )
    found = indirect(text)
    assert [q.text for q in found] == [
        "the mayor ''was the best choice. She knows the town.''",
        "he was not",
    ]


def test_a_content_without_an_open_typewriter_quotation_keeps_its_sentence() -> None:
    assert one("Ms. Lee said the mayor was the best choice. Others disagreed.").text == (
        "the mayor was the best choice"
    )


def test_a_cue_inside_a_typewriter_quotation_is_none() -> None:
    found = indirect("''As I read the report, I see a town that works,'' she said.")
    assert [(q.text, q.speaker.text if q.speaker else None) for q in found] == [
        ("''As I read the report, I see a town that works", "she")
    ]


@pytest.mark.parametrize(
    "text", ["Ana Ruiz reported from Springfield.", "The mayor did not respond in kind."]
)
def test_a_verb_of_saying_with_only_a_short_phrase_of_place_or_manner_reports_nothing(
    text: str,
) -> None:
    assert indirect(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Voters still believe in the town.", "in the town"),
        ("The mayor said on Friday the bridge would close.", "the bridge would close"),
    ],
)
def test_a_phrase_after_believe_or_before_a_clause_stays(text: str, content: str) -> None:
    assert one(text).text == content


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The mayor spoke warmly of her years on the council.",
            "her years on the council",
            "spoke warmly of",
        ),
        (
            "She touched briefly on the plans for the harbour.",
            "the plans for the harbour",
            "touched briefly on",
        ),
        (
            "The senator talked openly about the cost of the war.",
            "the cost of the war",
            "talked openly about",
        ),
        ("Other officials spoke Tuesday about the new dam.", "the new dam", "spoke Tuesday about"),
        (
            "Farmers raised new questions about the cost of the dam.",
            "the cost of the dam",
            "raised new questions about",
        ),
        (
            "The coach took direct aim at the league's new rules.",
            "the league's new rules",
            "took direct aim at",
        ),
        (
            "The mayor made abundantly clear that she would run again.",
            "she would run again",
            "made abundantly clear",
        ),
    ],
)
def test_a_phrasal_cue_may_hold_an_adverb_or_an_adjective(
    text: str, content: str, cue: str
) -> None:
    q = one(text)
    assert (q.text, q.cue.text if q.cue else None) == (content, cue)


@pytest.mark.parametrize(
    "text",
    [
        "He spoke out of turn at the meeting.",  # "out" is no adverb inside "spoke of"
        "The clerk pleaded not guilty to the theft.",  # "not" is no adjective
        "The mayor focused the debate on roads.",  # only adverbs inside "focused on"
        "The mayor spoke loud about roads.",
    ],
)
def test_no_other_word_inside_a_phrasal_cue(text: str) -> None:
    assert indirect(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The budget chief went further, arguing the plan could make the deficit worse.",
            "the plan could make the deficit worse",
            "The budget chief",
        ),
        (
            "On Tuesday, the mayor toured the north, touting the new bridge.",
            "the new bridge",
            "the mayor",
        ),
    ],
)
def test_a_participle_after_a_comma_reports_for_the_clause_subject_without_a_name(
    text: str, content: str, speaker: str
) -> None:
    q = one(text)
    assert (q.text, q.speaker.text if q.speaker else None, q.rule) == (
        content,
        speaker,
        "indirect_participle",
    )


def test_a_participle_after_a_comma_needs_a_source_subject() -> None:
    assert indirect("The rain fell all week, showing no sign of stopping.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Some senators have serious doubts about the new tax.",
            "the new tax",
            "have serious doubts about",
        ),
        ("The mayor had real concerns about the cost.", "the cost", "had real concerns about"),
        # a verb of its own is no word inside "have misgivings about"
        (
            "Younger voters have expressed misgivings about the mayor.",
            "the mayor",
            "expressed misgivings about",
        ),
    ],
)
def test_a_light_verb_have_may_hold_an_adjective(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue.text if q.cue else None) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "He’s comparing the new rule to the old one.",
            "the new rule to the old one",
            "He",
            "comparing",
        ),
        ("She's said she would run again.", "she would run again", "She", "said"),
        (
            "But she’s not predicting they’ll lose the vote.",
            "they’ll lose the vote",
            "she",
            "predicting",
        ),
    ],
)
def test_a_pronoun_with_a_contracted_is_or_has_is_the_source(
    text: str, content: str, speaker: str, cue: str
) -> None:
    assert _read(one(text)) == (content, speaker, cue)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He’s seen as a safe pair of hands.", "He’s seen as a safe pair of hands"),
        ("He's said to be furious.", "He's said to be furious"),
    ],
)
def test_a_contracted_is_before_a_judged_or_appraisal_participle_is_a_passive(
    text: str, content: str
) -> None:
    q = one(text)
    assert (q.text, q.rule, q.speaker) == (content, "indirect_evidential", None)


def test_a_name_with_s_before_a_cue_word_is_still_a_possessive() -> None:
    assert indirect("The mayor’s plans for the park are vague.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "She is talking to farmers about the price of feed.",
            "the price of feed",
            "talking to farmers about",
        ),
        (
            "Aides have talked with the campaign about the next steps.",
            "the next steps",
            "talked with the campaign about",
        ),
    ],
)
def test_the_one_spoken_to_may_stand_inside_talk_about(text: str, content: str, cue: str) -> None:
    q = one(text)
    assert (q.text, q.cue.text if q.cue else None) == (content, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The experts I spoke to this week about the tax plan agreed.",  # a time, no one
        "She spoke to the group of farmers, and in the wake of the flood about nothing.",
    ],
)
def test_no_time_or_punctuation_inside_talk_to_about(text: str) -> None:
    assert indirect(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        ("They’re hopeful that the vote will pass.", "the vote will pass", "They", "hopeful that"),
        (
            "She’s also supportive of the new bus routes.",
            "the new bus routes",
            "She",
            "supportive of",
        ),
        (
            "We're seeing a change in how voters think.",
            "a change in how voters think",
            "We",
            "seeing",
        ),
    ],
)
def test_a_pronoun_and_its_contracted_be_before_a_stance_or_a_gerund(
    text: str, content: str, speaker: str, cue: str
) -> None:
    assert _read(one(text)) == (content, speaker, cue)


def test_a_relative_who_after_a_dash_has_its_antecedent() -> None:
    found = indirect(
        "It is a big issue, with Ann Lee — who has called for higher taxes on the rich —"
        " attacking the plan."
    )
    q = found[0]
    assert (q.text, q.speaker.text if q.speaker else None, q.rule) == (
        "higher taxes on the rich",
        "who",
        "indirect_relative",
    )
    assert q.entity is not None and "Lee" in q.entity.name


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The plan was drafted by Tom Hale, who’s argued for months that fares are too high.",
            "fares are too high",
            "argued for",
        ),
        (
            "Other than the senator, who's called for more troops, the field is quiet.",
            "more troops",
            "called for",
        ),
    ],
)
def test_who_with_a_contracted_has_is_a_relative(text: str, content: str, cue: str) -> None:
    found = [q for q in indirect(text) if q.rule == "indirect_relative"]
    assert [_read(q) for q in found] == [(content, "who", cue)]
