"""Misreadings of reported speech found by reading the indirect records of novels the way
a literary scholar would (session 13): each test is one general English rule, invented
text."""

from __future__ import annotations

from quoteattr import Quote, QuoteExtractor

ALL = QuoteExtractor(kinds=("direct", "mixed", "indirect"))


def indirect(text: str) -> list[Quote]:
    return [q for q in ALL.extract(text) if q.kind == "indirect"]


def _read(q: Quote) -> tuple[str, str | None, str | None]:
    return q.text, q.speaker.text if q.speaker else None, q.cue.text if q.cue else None


def test_saying_nothing_reports_no_statement() -> None:
    # "said nothing": silence, not a reported statement; nor is knowing or seeing nothing.
    assert indirect("Mrs. Ames smiled, and said nothing.") == []
    assert indirect("Tom Hale said nothing more until the carriage stopped.") == []
    assert indirect("Dr. Ruiz knew nothing of the letter.") == []
    assert indirect("Ann Webb saw nothing but fog on the moor.") == []
    # "nothing" opening the reported clause is still a report.
    found = indirect("Tom Hale said nothing was wrong with the horse.")
    assert [_read(q) for q in found] == [("nothing was wrong with the horse", "Tom Hale", "said")]
    found = indirect("Mrs. Ames said nothing happens in the village after dark.")
    assert [_read(q) for q in found] == [
        ("nothing happens in the village after dark", "Mrs. Ames", "said")
    ]
    # A report after the silence is found on its own.
    found = indirect("Tom Hale said nothing, for he knew that the lane was flooded.")
    assert [_read(q) for q in found] == [("the lane was flooded", "he", "knew")]


def test_seeing_a_person_reports_no_statement() -> None:
    assert indirect("Ann Webb had not seen him since the wedding.") == []
    assert indirect("Tom Hale walked past the gate without seeing her.") == []
    # More than the pronoun: the sight is a content ("saw him leave", "sees them as").
    found = indirect("Mrs. Ames saw him leave the house at dawn.")
    assert [q.text for q in found] == ["him leave the house at dawn"]


def test_an_oath_with_know_is_no_source() -> None:
    assert indirect("God knows I have tried to keep the farm.") == []
    assert indirect("Heaven knows what the old man meant by it.") == []
    found = indirect("The vicar knows the farm is failing.")
    assert [_read(q) for q in found] == [("the farm is failing", "The vicar", "knows")]


def test_yet_and_well_before_the_cue_are_no_part_of_the_source() -> None:
    found = indirect("For all her hopes, she yet feared that the roof would leak.")
    assert [_read(q) for q in found] == [("the roof would leak", "she", "feared")]
    found = indirect("Dr. Ruiz well knew that the bridge was unsafe.")
    assert [_read(q) for q in found] == [("the bridge was unsafe", "Dr. Ruiz", "knew")]
    # "It was well known that": a passive, no source, as "It was widely known that".
    assert indirect("It was well known that the mill had closed.") == indirect(
        "It was widely known that the mill had closed."
    )
    assert all(q.speaker is None for q in indirect("It was well known that the mill had closed."))


def test_a_verb_after_saying_nothing_keeps_its_subject() -> None:
    found = indirect("All evening he said nothing, then at ten he rose and said that he was tired.")
    assert [_read(q) for q in found] == [("he was tired", "he", "said")]


def test_a_who_opening_its_sentence_is_a_question() -> None:
    assert indirect("The farm was far away. Who would find her there?") == []
    found = indirect("The mayor met Ann Webb, who said the bridge was unsafe.")
    assert [_read(q) for q in found] == [("the bridge was unsafe", "who", "said")]
