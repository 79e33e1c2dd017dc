"""Indirect records around relative clauses: a noun inside a relative clause is never the
source of the verb after it (invented sentences)."""

from __future__ import annotations

import pytest

from quoteattr import Quote, QuoteExtractor

ALL = QuoteExtractor(kinds=("direct", "mixed", "indirect"))


def indirect(text: str) -> list[Quote]:
    return [q for q in ALL.extract(text) if q.kind == "indirect"]


def _source(q: Quote) -> tuple[str, str | None, str | None]:
    return (
        q.text,
        q.speaker.text if q.speaker else None,
        q.entity.kind if q.entity else None,
    )


@pytest.mark.parametrize(
    ("text", "content", "source", "kind"),
    [
        (
            "This new advert, which will air across Ohio, attacks the mayor for raising fees.",
            "the mayor for raising fees",
            "This new advert",
            "document",
        ),
        (
            "The advert, which will air in Ohio, attacks the mayor over fees.",
            "the mayor over fees",
            "The advert",
            "document",
        ),
        (
            "Ann Webb, 58, who lives outside Dayton, says she never met the mayor.",
            "she never met the mayor",
            "Ann Webb",
            "person",
        ),
        (
            "A new survey of caucusgoers, who are key in choosing the nominee, found that most"
            " back Tom Hale.",
            "most back Tom Hale",
            "A new survey",
            "document",
        ),
    ],
)
def test_no_noun_inside_a_relative_clause_is_the_source(
    text: str, content: str, source: str, kind: str
) -> None:
    found = [q for q in indirect(text) if q.rule != "indirect_relative"]
    assert [_source(q) for q in found] == [(content, source, kind)]


def test_the_subject_of_the_relative_clause_itself_reports_inside_it() -> None:
    # "which Tom Hale, being tired, rejected": the cue is in the clause, its subject is his
    found = indirect("It was a plan, which Tom Hale, being tired, rejected as folly.")
    assert [q.speaker.text if q.speaker else None for q in found] == ["Tom Hale"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor cited a report that found prices rose by 4 percent.",
            "a report that found prices rose by 4 percent",
        ),
        (
            "The mayor released a study that shows fares are too high.",
            "a study that shows fares are too high",
        ),
        (
            "The mayor said a poll that showed her ahead was wrong.",
            "a poll that showed her ahead was wrong",
        ),
        # a "that" before a subject is a complementiser: the addressee is skipped
        ("The mayor told reporters that prices rose.", "prices rose"),
        ("The mayor told the council that fees would rise.", "fees would rise"),
    ],
)
def test_that_before_a_verb_is_a_relative_on_the_object(text: str, content: str) -> None:
    assert [q.text for q in indirect(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The claims, which Ann Lee denies, hurt her campaign.",
        "The claims, which Ann Lee denies, were false.",
        "Once the fees were raised, which Tom Hale opposed, the talk of a strike ended.",
    ],
)
def test_a_relative_clause_closed_by_a_comma_reports_nothing_after_it(text: str) -> None:
    # the verb's object is "which"; the words after the comma are the main clause's
    assert indirect(text) == []


def test_a_relative_after_a_preposition_still_reports_after_its_comma() -> None:
    q = indirect("The mayor ran an ad in which she declares, the city must grow.")
    assert [(r.text, r.speaker.text if r.speaker else None) for r in q] == [
        ("the city must grow", "she")
    ]


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # the relative is the reported subject whatever the verb after the cue
        ("The tax, which critics say hurts the poor, will rise.", ["which", "hurts the poor"]),
        # a relative between commas ends at its closing comma
        ("The tax, which critics say is unfair, will rise.", ["which", "is unfair"]),
        ("The fee, which Dr. Ruiz said would fall, rose again.", ["which", "would fall"]),
    ],
)
def test_a_relative_as_the_reported_subject_ends_at_its_comma(
    text: str, segments: list[str]
) -> None:
    found = indirect(text)
    assert [[text[s.start : s.end] for s in q.segments] for q in found] == [segments]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ann Lee warned the council that fees would rise.", "fees would rise"),
        ("Ann Lee warned voters that fees would rise.", "fees would rise"),
        ("Ann Lee promised them that fees would fall.", "fees would fall"),
        # a relative "that" keeps its noun phrase; other clause verbs take no addressee
        ("Ann Lee warned the council that meets on Monday.", None),
        ("Tom Hale saw the weary man that he had become.", "the weary man that he had become"),
    ],
)
def test_an_addressee_before_that_after_warn_or_promise(text: str, content: str | None) -> None:
    found = [q.text for q in indirect(text)]
    if content is None:
        assert all(not t.startswith("meets") for t in found)
    else:
        assert found == [content]


@pytest.mark.parametrize(
    ("text", "source", "segments"),
    [
        # the noun before "which" is the antecedent, not part of the relative's subject
        ("It is a state which voters say Tom Hale could win.", "voters", ["Tom Hale could win"]),
        ("He won a state which Democrats said was safe.", "Democrats", ["which", "was safe"]),
    ],
)
def test_a_relative_pronoun_is_no_modifier_of_its_subject(
    text: str, source: str, segments: list[str]
) -> None:
    (q,) = indirect(text)
    assert q.speaker is not None and q.speaker.text == source
    assert [text[s.start : s.end] for s in q.segments] == segments


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        # a restrictive relative on the sentence's subject ends before the main verb
        ("The tax that critics say hurts the poor will rise.", ["that", "hurts the poor"]),
        (
            "A tax which critics claim would hurt the poor was passed.",
            ["which", "would hurt the poor"],
        ),
        (
            "The rule that critics say may have hurt farmers is gone.",
            ["that", "may have hurt farmers"],
        ),
        # the last finite verb is the main one, not a verb of a clause inside the predicate
        (
            "The fee that critics say means prices will rise was cut.",
            ["that", "means prices will rise"],
        ),
    ],
)
def test_a_restrictive_relative_on_the_subject_ends_before_the_main_verb(
    text: str, segments: list[str]
) -> None:
    (q,) = indirect(text)
    assert q.speaker is not None and q.speaker.text == "critics"
    assert [text[s.start : s.end] for s in q.segments] == segments


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a place or name inside a relative clause without commas is no source either
        ("An advert that ran across Ohio attacks the mayor.", "An advert"),
        ("Voters who spoke with the Dayton Herald said fees were too high.", "Voters"),
        # a new clause ends the relative: the place's phrase is the subject again
        (
            "They lost votes because the majority on the city council rejected the plan.",
            "the city council",
        ),
    ],
)
def test_a_prepositional_object_inside_a_relative_is_no_source(text: str, source: str) -> None:
    (q,) = indirect(text)
    assert q.speaker is not None and q.speaker.text == source


def test_a_participle_inside_the_relative_keeps_its_subject() -> None:
    # the cue is inside the relative clause: its subject is the noun before it
    found = indirect("It is a plan that angers voters in towns backing the mayor.")
    assert all(q.speaker is None or q.speaker.text != "the mayor" for q in found)


def test_a_relative_clause_gives_the_same_reading_as_its_sentence_without_it() -> None:
    # "flyer" is no source the stage knows: no record, with or without the relative clause
    assert indirect("The flyer attacks the mayor.") == []
    assert indirect("A new flyer, which ran across Ohio, attacks the mayor.") == []


def test_a_passive_participle_between_commas_is_no_active_report() -> None:
    # "released by the council" is a passive on "The report": the main verb reports
    text = "The report, released by the council on Monday, found that fees rose."
    assert [(q.text, q.speaker.text if q.speaker else None) for q in indirect(text)] == [
        ("fees rose", "The report")
    ]
    assert indirect("The plan, opposed by the mayor, never passed.") == []


@pytest.mark.parametrize(
    ("text", "pronoun", "entity"),
    [
        ("Tom Hale, who endorsed Ann Lee, lost.", "who", "Tom Hale"),
        ("The union, which endorsed Ann Lee, lost.", "which", "The union"),
        ("It is a group that endorsed Ann Lee.", "that", "a group"),
    ],
)
def test_the_relative_pronoun_is_the_source_of_its_clause(
    text: str, pronoun: str, entity: str
) -> None:
    (q,) = indirect(text)
    assert q.speaker is not None and q.speaker.text == pronoun
    assert q.entity is not None and q.entity.name == entity


def test_a_gerund_inside_a_relative_clause_has_the_relative_as_its_subject() -> None:
    text = "Tom Hale met Ann Lee, who last week surprised the board by declaring she would run."
    (q,) = indirect(text)
    assert (q.text, q.speaker.text if q.speaker else None) == ("she would run", "who")
    assert q.entity is not None and q.entity.name == "Ann Lee"
