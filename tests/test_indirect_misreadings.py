"""Misreadings of reported speech found by reading the indirect records of news the way
a journalist would (session 13): each test is one general English rule, invented text."""

from __future__ import annotations

import attrs

from quoteattr import Entity, Mention, Quote, QuoteExtractor
from quoteattr._entities import _typed

ALL = QuoteExtractor(kinds=("direct", "mixed", "indirect"))


def indirect(text: str) -> list[Quote]:
    return [q for q in ALL.extract(text) if q.kind == "indirect"]


def _read(q: Quote) -> tuple[str, str | None, str | None]:
    return q.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None


def test_having_said_that_is_a_connective() -> None:
    # "Having said that," turns the argument; nobody is reported as saying the clause.
    assert indirect("Having said that, the team is yet to lose a game at home.") == []
    # The participle with its own content is still a report.
    found = indirect("Having said that the road was safe, Tom Hale drove off.")
    assert len(found) == 1 and found[0].text.startswith("the road was safe")


def test_an_s_form_before_a_finite_reporting_verb_is_a_plural_subject() -> None:
    found = indirect("Ann Webb thinks the tax is unfair, but advocates say it will fund schools.")
    assert [_read(q) for q in found] == [
        ("the tax is unfair", "Ann Webb", "thinks"),
        ("it will fund schools", "advocates", "say"),
    ]
    found = indirect("Local reports suggest that the tax will fund schools.")
    assert [_read(q) for q in found] == [
        ("the tax will fund schools", "Local reports", "suggest"),
    ]
    # "says" before a noun that is also a verb stays the verb.
    found = indirect("Ann Webb says praise from the board helped her.")
    assert [_read(q) for q in found] == [("praise from the board helped her", "Ann Webb", "says")]


def test_a_passive_after_a_statement_names_no_source() -> None:
    # "the mayor was told": the mayor heard the statement, nobody is its source.
    assert indirect("The zoo will close in May, the mayor was told.") == []
    # A question put to someone: the question, and no one named as its source.
    found = indirect("Would he run again, Tom Hale was asked.")
    assert [(q.text, q.speaker, q.rule) for q in found] == [
        ("Would he run again", None, "indirect_question")
    ]
    # An active tail is unchanged, and a passive "it is said" keeps its reading.
    found = indirect("The zoo will close in May, the mayor has said.")
    assert [_read(q) for q in found] == [("The zoo will close in May", "the mayor", "said")]


def test_a_nominal_entity_is_typed_by_the_head_before_its_preposition() -> None:
    found = indirect("The Association of Rural Nurses has issued guidance to its members.")
    assert [(q.entity.name, q.entity.kind) for q in found if q.entity] == [
        ("The Association of Rural Nurses", "organisation")
    ]
    quotes = ALL.extract("“We will not change our position,” a spokesman for the city said.")
    assert [(q.entity.name, q.entity.kind) for q in quotes if q.entity] == [
        ("a spokesman for the city", "person")
    ]


def test_a_name_after_an_attaching_preposition_is_not_the_source() -> None:
    # The name is the object of "for" / "of" / "in": the source is the phrase it belongs to.
    found = indirect("Last year the Office for Road Safety reported that crashes fell sharply.")
    assert [(q.speaker.text, q.entity.kind) for q in found if q.speaker and q.entity] == [
        ("the Office for Road Safety", "organisation")
    ]
    found = indirect("The court in Denver found the fees were unlawful.")
    assert [q.speaker.text for q in found if q.speaker] == ["The court in Denver"]
    # A person of an organisation: the person, over as many prepositions as there are.
    found = indirect("Ann Webb of the League for Clean Rivers urged the council to act.")
    assert [_read(q) for q in found] == [("the council to act", "Ann Webb", "urged")]
    # Not across a comma: a place in an apposition leaves the name before it.
    found = indirect("Tom Hale, a nurse in Dayton, Ohio, said the clinic would close.")
    assert [q.speaker.text for q in found if q.speaker] == ["Tom Hale"]


def test_a_name_in_capitals_only_is_an_organisation() -> None:
    found = indirect("ZTV said it would close two studios. The MP said the studios were old.")
    assert [(q.entity.name, q.entity.kind) for q in found if q.entity] == [
        ("ZTV", "organisation"),
        ("MP", "person"),
    ]
    # A transcript's speaker label and a name shouted in capitals stay people.
    found = indirect("ANN WEBB: We will build the bridge.\n\nHALE: We will not.")
    assert {q.entity.kind for q in found if q.entity} <= {"person"}
    text = "ANN, come here! Ann did not come."
    shouted = Entity(
        name="ANN",
        kind="person",
        mentions=(Mention(0, 3, "ANN", "name"), Mention(16, 19, "Ann", "name")),
    )
    assert _typed(text, shouted).kind == "person"
    assert _typed(text, attrs.evolve(shouted, mentions=shouted.mentions[:1])).kind == (
        "organisation"
    )


def test_a_number_inside_a_station_name_is_part_of_the_addressee() -> None:
    for text in (
        "Tom Hale told ZTV Radio 4's Morning programme he hoped the vote would pass.",
        "Tom Hale told Channel 4 News that he hoped the vote would pass.",
        "Tom Hale told Radio 5 he hoped the vote would pass.",
    ):
        assert [q.text for q in indirect(text)] == ["he hoped the vote would pass"]
    # A number opening the reported clause stays in it.
    found = indirect("Tom Hale told Ann Webb 10 people had died.")
    assert [q.text for q in found] == ["10 people had died"]


def test_a_person_told_by_someone_is_the_addressee_not_the_content() -> None:
    found = indirect("Ann Webb was told by Tom Hale that the plan was dead.")
    assert [_read(q) for q in found] == [("the plan was dead", "Tom Hale", "told")]
    found = indirect("Voters were assured by the mayor that the road would open.")
    assert [_read(q) for q in found] == [("the road would open", "the mayor", "assured")]
    # Nothing told: no record. A story that was told is still the content.
    assert indirect("Ann Webb was told by Tom Hale.") == []
    found = indirect("A different story was told by the mayor on Monday.")
    assert [q.text for q in found] == ["A different story"]


def test_a_weekday_after_the_opens_a_title() -> None:
    # "the Sunday Ledger" is one title: the weekday is not cut off as a time word.
    for text in (
        "The Sunday Ledger claimed Mr Hale had quit.",
        "A report in the Sunday Ledger claimed Mr Hale had quit.",
    ):
        assert [q.speaker.text for q in indirect(text) if q.speaker] == ["Sunday Ledger"]
    # A weekday before a given name or a title stays a day.
    assert [q.speaker.text for q in indirect("On the Sunday Tom said that he was ill.")] == ["Tom"]
    found = indirect("On the Sunday Mr Hale said that he was ill.")
    assert [q.speaker.text for q in found if q.speaker] == ["Mr Hale"]


def test_that_before_a_plural_noun_is_no_determiner() -> None:
    # A singular "that" cannot determine "people": it opens the clause whose subject follows.
    found = indirect("It was a sign that people said they liked the plan.")
    assert [q.speaker.text for q in found if q.speaker] == ["people"]
    found = indirect("Ann Webb is betting that Farm Belt voters will back the plan.")
    assert [q.speaker.text for q in found if q.speaker][-1] == "Farm Belt voters"
    # Before a singular noun it is a determiner.
    found = indirect("That official said the plan would fail.")
    assert [q.speaker.text for q in found if q.speaker] == ["That official"]


def test_responding_by_leaving_reports_nothing() -> None:
    # "responded by leaving" names an act, not words.
    assert indirect("The union responded by leaving the talks early.") == []
    assert indirect("Tom Hale answered quickly by hanging up the phone.") == []
    # A gerund of speech after "by" still reports.
    found = indirect("The union responded by saying that the offer was too low.")
    assert len(found) == 1 and "the offer was too low" in found[0].text


def test_a_bare_cue_form_after_a_name_and_before_a_past_cue_is_a_noun() -> None:
    # "A Daily Ledger report said": "report" is the noun the outlet's name modifies.
    for text, source in (
        ("A Daily Ledger report said the firm was for sale.", "A Daily Ledger report"),
        ("The Ledger report said the firm was for sale.", "The Ledger report"),
    ):
        found = indirect(text)
        assert [_read(q) for q in found] == [("the firm was for sale", source, "said")]
    # The -s form with no past after it is still the verb.
    found = indirect("The Ledger reports that the firm was for sale.")
    assert [q.cue.text for q in found if q.cue] == ["reports"]
