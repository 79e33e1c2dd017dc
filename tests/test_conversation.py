"""The conversation stage: speakers of dialogue turns decoded from the flow of a scene."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import extract_quotes
from quoteattr._attribution import Link
from quoteattr._conversation import (
    _DESIGNATION,
    MAX_CANDIDATES,
    PRONOUN_TAG_WEIGHT,
    _Char,
    _Evidence,
    _nearest,
    _parents_named,
    _subject_like,
    _Turn,
    _turn_words,
)
from quoteattr._models import Mention, Quote


def names(text: str) -> list[str | None]:
    return [q.entity.name if q.entity else None for q in extract_quotes(text)]


def test_unattributed_turns_alternate() -> None:
    text = (
        "“Where have you been all day?” asked Mary.\n\n"
        "“At the market,” replied Tom.\n\n"
        "“All day long?”\n\n"
        "“Most of it.”\n\n"
        "“And what did you buy?”\n\n"
        "“Nothing at all.”"
    )
    assert names(text) == ["Mary", "Tom", "Mary", "Tom", "Mary", "Tom"]


def test_dialogue_that_opens_unattributed_is_filled_backwards() -> None:
    text = (
        "The rain had not stopped since noon.\n\n"
        "“Is it still raining?”\n\n"
        "“It is, and it will go on all night.”\n\n"
        "“Then we stay here,” said Mary.\n\n"
        "“As you like,” said Tom."
    )
    assert names(text) == ["Mary", "Tom", "Mary", "Tom"]


def test_pronoun_takes_the_participant_of_its_gender() -> None:
    text = (
        "“I shall write to him tonight,” said Mary.\n\n"
        "“Do as you please,” said Tom.\n\n"
        "“I always do,” he added, laughing.\n\n"
        "“You always have,” she said."
    )
    assert names(text) == ["Mary", "Tom", "Tom", "Mary"]


def test_continuation_cue_keeps_the_last_speaker() -> None:
    text = (
        "“We will not change our position,” Maria Lopez said.\n\n"
        "“We will not change our position,” Elena Rossi said.\n\n"
        "“Not this year and not the next,” she went on."
    )
    assert names(text)[2] == "Elena Rossi"


def test_vocative_names_the_next_speaker_not_this_one() -> None:
    text = (
        "Mary and Tom sat by the fire. Anne came in with the tea.\n\n"
        "“Tom, will you pour?” said Mary.\n\n"
        "“With pleasure.”\n\n"
        "“Anne, you must sit down.”\n\n"
        "“Thank you, I will.”"
    )
    got = names(text)
    assert got[0] == "Mary" and got[1] == "Tom"
    assert got[2] != "Anne"
    assert got[3] == "Anne"


def test_narration_before_a_pronoun_gives_its_antecedent() -> None:
    text = (
        "“The train is late again,” said Mr. Brown.\n\n"
        "Anne looked up from her book and smiled at him. “It always is,” she said."
    )
    assert names(text) == ["Mr. Brown", "Anne"]


def test_definite_nominal_is_a_named_participant() -> None:
    text = (
        "“You are late, my dear,” said Mr. Brown.\n\n"
        "“The roads were flooded,” said Mary.\n\n"
        "“Then you must stay the night,” said the old gentleman."
    )
    quotes = extract_quotes(text)
    assert quotes[2].speaker is not None and quotes[2].speaker.text == "the old gentleman"
    assert quotes[2].entity is not None and quotes[2].entity.name == "Mr. Brown"


def test_indefinite_nominal_is_someone_new() -> None:
    text = (
        "“You are late, my dear,” said Mr. Brown.\n\n"
        "“The road to the village is closed,” said an old woman at the gate."
    )
    quotes = extract_quotes(text)
    assert quotes[1].entity is not None and quotes[1].entity.name != "Mr. Brown"


def test_fragment_paragraph_is_not_a_dialogue_turn() -> None:
    text = (
        "“We will not change our position,” Maria Lopez said.\n\n"
        "“We will not change our position.”\n\n"
        "According to the mayor, the plan was “a serious mistake”."
    )
    quotes = extract_quotes(text)
    assert quotes[1].entity is not None and quotes[1].entity.name == "Maria Lopez"


def test_place_names_are_not_speakers() -> None:
    text = (
        "London was grey that morning, and she walked to the station alone.\n\n"
        "“Good morning,” said Mr. Brown.\n\n"
        "“Good morning to you.”"
    )
    assert "London" not in names(text)


def test_narrator_named_by_the_others() -> None:
    turns = []
    for _ in range(3):
        turns += [
            "“I cannot believe it,” I said.",
            "“Believe it, Fenby,” said Delorme.",
        ]
    text = "\n\n".join(turns)
    assert names(text).count("Fenby") == 3


def test_narrator_who_names_themself_in_the_narration() -> None:
    text = (
        "My name is Nell Garrow, and the winter I was twelve we moved north.\n\n"
        "“Is the ferry gone?” I asked.\n\n"
        "“An hour since,” said the keeper."
    )
    assert names(text) == ["Nell Garrow", "the keeper"]


def test_call_me_inside_a_quotation_names_no_narrator() -> None:
    text = "“Call me Dot, everyone does,” said the keeper.\n\n“Is the ferry gone?” I asked."
    assert names(text)[1] != "Dot"


def test_scene_break_forgets_the_speakers() -> None:
    text = (
        "“I shall go,” said Mary.\n\n"
        "“Go, then,” said Tom.\n\n"
        "* * *\n\n"
        "The next morning the house was quiet.\n\n"
        "“Who is there?”"
    )
    assert names(text)[2] is None


# --- properties --------------------------------------------------------------------------------

_NAMES = ["Mary", "Tom", "Anne", "Mr. Brown", "Lucy"]
_LINES = ["Yes.", "No, not at all.", "Why not?", "Because it is late.", "Very well."]


@st.composite
def dialogues(draw: st.DrawFn) -> tuple[str, str, str, int]:
    a, b = draw(st.lists(st.sampled_from(_NAMES), min_size=2, max_size=2, unique=True))
    n = draw(st.integers(1, 8))
    lines = [draw(st.sampled_from(_LINES)) for _ in range(n + 2)]
    paragraphs = [f"“{lines[0]}” said {a}.", f"“{lines[1]}” said {b}."]
    paragraphs += [f"“{line}”" for line in lines[2:]]
    return "\n\n".join(paragraphs), a, b, n


@settings(max_examples=40, deadline=None)
@given(dialogues())
def test_two_party_dialogue_alternates(d: tuple[str, str, str, int]) -> None:
    text, a, b, n = d
    got = names(text)
    assert got == [a, b] * ((n + 2) // 2) + [a] * ((n + 2) % 2)


def _valid(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.entity is not None:
            for m in q.entity.mentions:
                assert text[m.start : m.end] == m.text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*_NAMES, "he", "she", "the old lady", "I"]), st.booleans()),
        min_size=1,
        max_size=10,
    )
)
def test_any_dialogue_gives_spans_of_the_text(turns: list[tuple[str, bool]]) -> None:
    paragraphs = []
    for i, (who, attributed) in enumerate(turns):
        line = _LINES[i % len(_LINES)]
        paragraphs.append(f"“{line}” said {who}." if attributed else f"“{line}”")
    text = "\n\n".join(paragraphs)
    quotes = extract_quotes(text)
    assert len(quotes) == len(turns)
    _valid(text, quotes)


def test_a_name_inside_the_quotation_is_not_its_speaker() -> None:
    # Alternation says Tom, but people seldom name themselves.
    text = (
        "Anne sat by the window with her sewing.\n\n"
        "“Shall we go out?” said Tom.\n\n"
        "“Not yet,” said Mary.\n\n"
        "“Tom never waits for anything.”"
    )
    got = names(text)
    assert got[:2] == ["Tom", "Mary"]
    assert got[2] not in ("Tom", None)


def test_speaker_naming_themselves_is_not_excluded() -> None:
    text = (
        "Anne was at the door.\n\n"
        "“Who is there?” said Tom.\n\n"
        "“A friend,” said Mary.\n\n"
        "“Which friend?”\n\n"
        "“I am Mary, your cousin.”"
    )
    assert names(text) == ["Tom", "Mary", "Tom", "Mary"]


def test_the_narrators_name_addressed_is_not_the_narrator_speaking() -> None:
    # The others call the narrator "Fenby": a turn addressing Fenby is not "I".
    text = (
        "Crabb was waiting for us at the station.\n\n"
        "“Where are you going?” I asked.\n\n"
        "“Out, Fenby,” said Delorme.\n\n"
        "“May I come?” I asked.\n\n"
        "“Of course, Fenby,” said Delorme.\n\n"
        "“Now?” I asked.\n\n"
        "“Yes, Fenby,” said Delorme.\n\n"
        "“Then let us go,” I said.\n\n"
        "“Not so fast,” said Delorme.\n\n"
        "“Fenby, you are too slow.”"
    )
    quotes = extract_quotes(text)
    assert [q.speaker.text for q in quotes if q.speaker][:2] == ["I", "Delorme"]
    last = quotes[-1]
    assert last.speaker is not None and last.speaker.text != "I"
    assert last.entity is not None and last.entity.name != "Fenby"


def test_narration_pronouns_keep_their_character_in_the_scene() -> None:
    # Harry is named once, then only "he": still the one Mary talks to.
    text = (
        "Tom came in with the post and went out again. Harry stayed by the fire.\n\n"
        "He read his letters one by one. He said nothing for a long while, and he did "
        "not look up when Mary came in.\n\n"
        "“Any news?” said Mary.\n\n"
        "“None at all.”\n\n"
        "“Nothing from London?”\n\n"
        "“Nothing.”"
    )
    assert names(text) == ["Mary", "Harry", "Mary", "Harry"]


def test_someone_talked_about_does_not_take_a_turn() -> None:
    text = (
        "“Where is the key?” said Tom.\n\n"
        "“I gave it to Anne,” said Mary.\n\n"
        "Anne had gone out to the garden an hour before, and the door was locked.\n\n"
        "“When did Anne take it?”\n\n"
        "“This morning.”\n\n"
        "“Then we wait.”"
    )
    assert names(text) == ["Tom", "Mary", "Tom", "Mary", "Tom"]


def test_narration_subject_not_its_object_before_a_turn() -> None:
    # "Mary looked at Tom": Mary asks, not Tom (the nearest name).
    text = (
        "“Is it late?” said Tom.\n\n"
        "“Nearly ten,” said Mary.\n\n"
        "“Then I must go.”\n\n"
        "Mary looked at Tom for a while. “So soon?”\n\n"
        "“I am afraid so.”"
    )
    assert names(text) == ["Tom", "Mary", "Tom", "Mary", "Tom"]


def test_a_pronoun_subject_sends_the_antecedent_back_a_sentence() -> None:
    # "He looked at Frank": the "he" is Oscar, named in the sentence before.
    text = (
        "“Is the boat ready?” said Frank.\n\n"
        "“Nearly,” said Oscar.\n\n"
        "“Then we sail at noon,” said Frank.\n\n"
        "Oscar put down his cup and went to the window. He looked at Frank for a long time.\n\n"
        "“You are a fool,” he said."
    )
    assert names(text) == ["Frank", "Oscar", "Frank", "Oscar"]


def test_a_lady_read_as_a_woman_met_before_is_weighed_not_fixed() -> None:
    # "the old lady" carries no "Lady" name: Mrs. Grey, not the niece who just spoke.
    text = (
        "Mrs. Grey and her niece Nora sat by the fire.\n\n"
        "“The tea is cold,” said Nora.\n\n"
        "“Then ring for more,” said the old lady.\n\n"
        "“I rang twice.”\n\n"
        "“Ring again.”"
    )
    assert names(text) == ["Nora", "Mrs. Grey", "Nora", "Mrs. Grey"]
    # "the lady" after "Lady Anne came in": the title the name carries, as before.
    text = "“Nearly,” said Oscar. Lady Anne came in.\n\n“You are late,” said the lady."
    assert names(text)[-1] == "Lady Anne"


def test_a_kin_noun_no_surname_resolves_takes_the_decoded_speaker() -> None:
    # Lucy has no surname to make "her mother" a "Mrs. X": the scene decides (Mrs. Grey).
    text = (
        "Lucy came home late, and Mrs. Grey was waiting in the hall.\n\n"
        "“Where have you been?” said Mrs. Grey.\n\n"
        "“Out walking,” said Lucy.\n\n"
        "“Alone, in the rain?” said her mother.\n\n"
        "“Yes, alone.”"
    )
    assert names(text) == ["Mrs. Grey", "Lucy", "Mrs. Grey", "Lucy"]


def test_a_name_that_never_speaks_in_a_long_text_takes_no_turn() -> None:
    # A book-length run of attributed turns, then a scene under a portrait.
    base = "".join(
        f"“Is it {i} o'clock?” said Tom.\n\n“It is {i},” said Mary.\n\n" for i in range(60)
    )
    text = base + (
        "* * *\n\nOver the fireplace hung a portrait. George Washington looked down "
        "from it, stern and grey.\n\nMary came in with Tom.\n\n“Who painted it?”\n\n"
        "“Nobody knows.”\n\n“It is very fine.”\n\n“It is.”"
    )
    got = names(text)[-4:]
    assert "George Washington" not in got
    assert set(got) == {"Mary", "Tom"}


def test_a_question_makes_the_same_voice_next_less_likely() -> None:
    from types import SimpleNamespace

    from quoteattr import _conversation
    from quoteattr._attribution import Link

    text = "“Shall we take the cart?”\n\n“I had forgotten the fair.”"
    doc = SimpleNamespace(text=text, paragraphs=[(0, 25), (27, 54)])
    question = _conversation._Turn(0, [Link(0, 25, 1, 24, "direct")], True)
    statement = _conversation._Turn(1, [Link(27, 54, 28, 53, "direct")], True)
    assert text[1:24].endswith("?") and text[28:53].endswith(".")
    assert _conversation._keeps_floor(doc, question, None) < 0.0  # type: ignore[arg-type]
    assert _conversation._keeps_floor(doc, statement, None) == 0.0  # type: ignore[arg-type]


def test_a_reply_word_opens_another_voice() -> None:
    from types import SimpleNamespace

    from quoteattr import _conversation
    from quoteattr._attribution import Link

    text = "“I had forgotten the fair.”\n\n“No, you never forget it.”\n\n“Nothing new.”"
    doc = SimpleNamespace(text=text, paragraphs=[(0, 27), (29, 55), (57, 72)])
    first = _conversation._Turn(0, [Link(0, 27, 1, 26, "direct")], True)
    reply = _conversation._Turn(1, [Link(29, 55, 30, 54, "direct")], True)
    other = _conversation._Turn(2, [Link(57, 72, 58, 71, "direct")], True)
    assert text[30:32] == "No" and text[58:65] == "Nothing"
    assert _conversation._keeps_floor(doc, first, reply) < 0.0  # type: ignore[arg-type]
    assert _conversation._keeps_floor(doc, reply, other) == 0.0  # type: ignore[arg-type]


def test_an_interjection_opening_a_turn_reacts_to_another_voice() -> None:
    from types import SimpleNamespace

    from quoteattr import _conversation
    from quoteattr._attribution import Link

    text = "“I sold the farm.”\n\n“Oh, you never did!”"
    doc = SimpleNamespace(text=text, paragraphs=[(0, 18), (20, len(text))])
    first = _conversation._Turn(0, [Link(0, 18, 1, 17, "direct")], True)
    reply = _conversation._Turn(1, [Link(20, len(text), 21, len(text) - 1, "direct")], True)
    assert _conversation._keeps_floor(doc, first, reply) < 0.0  # type: ignore[arg-type]


def test_narration_after_or_before_a_turn_makes_the_same_voice_likelier() -> None:
    from types import SimpleNamespace

    from quoteattr import _conversation
    from quoteattr._attribution import Link

    said = "“I have work to do.”"
    tail = " He picked up his tools and walked slowly down the path towards the barn."
    nxt = "“The hay will not bring itself in.”"
    text = said + tail + "\n\n" + nxt
    a, b = len(said), len(said + tail)
    doc = SimpleNamespace(text=text, paragraphs=[(0, b), (b + 2, len(text))])
    first = _conversation._Turn(0, [Link(0, a, 1, a - 1, "direct")], True)
    second = _conversation._Turn(1, [Link(b + 2, len(text), b + 3, len(text) - 1, "direct")], True)
    assert _conversation._keeps_floor(doc, first, second) > 0.0  # type: ignore[arg-type]
    # A tag alone is no narration: “Q,” said the old gentleman, smiling.
    short = said + " said the old gentleman, smiling."
    doc = SimpleNamespace(text=short, paragraphs=[(0, len(short))])
    assert _conversation._keeps_floor(doc, first, None) == 0.0  # type: ignore[arg-type]
    # Narration opening the next turn's paragraph counts as well.
    text = said + "\n\n" + tail.strip() + " " + nxt
    c = len(said) + 2
    doc = SimpleNamespace(text=text, paragraphs=[(0, a), (c, len(text))])
    q = text.index(nxt)
    second = _conversation._Turn(1, [Link(q, len(text), q + 1, len(text) - 1, "direct")], False)
    assert _conversation._keeps_floor(doc, first, second) > 0.0  # type: ignore[arg-type]


def test_his_answer_is_resolved_like_he_said() -> None:
    text = (
        "“Where is the key?” asked Mary.\n\n“Gone,” said Tom.\n\n“Really?”\n\n"
        "“Quite gone,” was his answer."
    )
    assert names(text)[-1] == "Tom"


def test_said_the_other_is_not_the_one_who_spoke_or_acted_last() -> None:
    text = (
        "“Where is the key?” asked Tom.\n\n“In the drawer,” said Mary.\n\n“It is not there.”\n\n"
        "“Then it is in the hall.”\n\n“I looked in the hall.”\n\n“Look again,” said Mary.\n\n"
        "Mary sat down by the fire and took up her sewing again.\n\n"
        "“It is gone,” said the other."
    )
    assert names(text)[-1] == "Tom"


@pytest.mark.parametrize(
    ("tag", "other"),
    [
        (", said the other.", True),
        (" the other replied.", True),
        (", said the other woman.", False),
        (", said the others.", False),
        (", said the mother.", False),
        (" on the other hand.", False),
    ],
)
def test_said_the_other_tag(tag: str, other: bool) -> None:
    from quoteattr import _conversation
    from quoteattr._attribution import Link

    text = "“It is gone”" + tag
    link = Link(0, 12, 1, 11, "direct")
    assert _conversation._said_the_other(text, link) is other


def test_after_a_narration_paragraph_the_last_voice_may_go_on() -> None:
    # Across narration the same voice speaks again more often than the other one.
    text = (
        "“Is it raining?” said Tom.\n\n"
        "“It has rained all day,” said Mary.\n\n"
        "“And all night?”\n\n"
        "“All night too.”\n\n"
        "Outside, the water ran along the gutters and down into the square below the "
        "windows.\n\n"
        "“It will never stop.”"
    )
    assert names(text) == ["Tom", "Mary", "Tom", "Mary", "Mary"]


def test_a_capitalised_definite_nominal_is_a_designation() -> None:
    from quoteattr import _conversation
    from quoteattr._models import Mention

    def nominal(text: str) -> Mention:
        return Mention(0, len(text), text, "nominal")

    assert _conversation._designation(nominal("the President"))
    assert _conversation._designation(nominal("the Masked Stranger"))
    assert not _conversation._designation(nominal("the doctor"))
    assert not _conversation._designation(nominal("the voice of John Dunmore"))
    assert not _conversation._designation(nominal("President"))


def test_a_long_scene_keeps_its_latest_group_as_candidates() -> None:
    # Eight people speak in one scene, two by two; the unattributed exchange at the
    # end belongs to the last pair, though six others spoke as often before them.
    names = ["Tom", "Anne", "Peter", "Mary", "Jack", "Susan", "Henry", "Lucy"]
    parts = []
    for a, b in zip(names[::2], names[1::2], strict=True):
        parts += [
            f'"Good evening, {b}," said {a}.',
            f'"Good evening," said {b}.',
            f'"Is it cold out there?" asked {a}.',
            f'"Very cold," said {b}.',
        ]
    parts += ['"Will you stay for supper?"', '"Only if there is pie."', '"There is always pie."']
    quotes = extract_quotes("\n\n".join(parts))
    assert [q.speaker.text for q in quotes[-3:] if q.speaker] == ["Henry", "Lucy", "Henry"]


_VILLAGE = (
    "Doctor Lane came in at noon; the whole valley called him the doctor.\n\n"
    "Tom went home.\n\nNothing happened for a week. It rained.\n\n"
    "The cart went down the lane. Ann baked.\n\nSam came to the door.\n\n"
    "Mary sat by the fire.\n\nJim read.\n\n"
    '"How is the boy?" asked Mary.\n\n'
)


def test_a_definite_title_is_the_one_person_the_document_titles_so() -> None:
    quotes = extract_quotes(_VILLAGE + '"Better," said the doctor.')
    assert quotes[-1].entity is not None and quotes[-1].entity.name == "Doctor Lane"


def test_a_title_borne_by_two_people_names_neither() -> None:
    text = "Doctor Hale and Doctor Lane had quarrelled.\n\n" + _VILLAGE
    quotes = extract_quotes(text + '"Better," said the doctor.')
    assert quotes[-1].entity is None or quotes[-1].entity.name not in ("Doctor Lane", "Hale")


def test_the_lady_is_not_any_titled_lady() -> None:
    text = _VILLAGE.replace("Doctor Lane", "Lady Lane").replace("the doctor", "the lady")
    quotes = extract_quotes(text + '"Better," said the lady.')
    assert quotes[-1].entity is None or "Lane" not in quotes[-1].entity.name


def test_a_possessive_kin_noun_is_the_possessors_relative_by_surname() -> None:
    # "her mother" after Ellen Brook's turn: Mrs. Brook, not Ellen herself.
    text = (
        "Mrs. Brook sat sewing by the window. Ellen Brook came in with the dog; "
        "Ellen Brook was wet through.\n\n"
        "“Where have you been all morning?”\n\n"
        "“Down by the river, mamma,” said Ellen.\n\n"
        "“Your boots are soaked through,” said her mother."
    )
    assert names(text)[1:] == ["Ellen Brook", "Mrs. Brook"]


def test_his_father_is_the_mister_of_the_sons_surname() -> None:
    text = (
        "Walter Hartley was up early. Mr. Hartley read his paper, and Walter Hartley "
        "stood at the door.\n\n"
        "“May I take the cart to town?” asked Walter.\n\n"
        "“Not today,” replied his father. “The horse is lame.”"
    )
    assert names(text) == ["Walter Hartley", "Mr. Hartley", "Mr. Hartley"]


def test_her_mother_prefers_mrs_and_the_surname_to_a_longer_form() -> None:
    # "Mrs. Robert Brook" (an aunt by marriage) comes first; "her mother" is "Mrs. Brook".
    text = (
        "Mrs. Robert Brook had come to stay. Mrs. Brook sat sewing by the window. "
        "Ellen Brook came in with the dog; Ellen Brook was wet through.\n\n"
        "“Where have you been all morning?”\n\n"
        "“Down by the river, mamma,” said Ellen.\n\n"
        "“Your boots are soaked through,” said her mother."
    )
    assert names(text)[-1] == "Mrs. Brook"


def test_her_brother_is_a_man_of_her_surname_named_without_honorific() -> None:
    text = (
        "Ellen Brook and Tom Brook walked home from church with Mrs. Brook.\n\n"
        "“Where have you been all morning?” asked Mrs. Brook.\n\n"
        "“Down by the river, mamma,” said Ellen.\n\n"
        "“Your boots are soaked through,” said her brother."
    )
    assert names(text)[-1] == "Tom Brook"


def test_her_sister_is_not_a_woman_of_another_surname() -> None:
    text = (
        "Ellen Brook and Jane Hart walked home from church.\n\n"
        "“Where have you been all morning?” asked Jane.\n\n"
        "“Down by the river,” said Ellen.\n\n"
        "“Your boots are soaked through,” said her sister."
    )
    assert names(text)[-1] != "Jane Hart"


def test_a_kin_noun_without_a_named_relative_stays_a_description() -> None:
    text = (
        "Ellen Brook came in with the dog.\n\n"
        "“Down by the river, mamma,” said Ellen.\n\n"
        "“Your boots are soaked through,” said her mother."
    )
    assert names(text)[-1] == "her mother"


def _cast_of(text: str, *forms: str) -> list[object]:
    """The cast's character for the first occurrence of each name form in ``text``."""
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._models import Mention
    from quoteattr._sentences import SentenceSplitter

    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
    cast = _conversation._Cast(doc, _entities.Genders(doc))
    found = []
    for form in forms:
        i = text.index(form)
        found.append(cast.of(Mention(i, i + len(form), form, "name")))
    return found


def test_mrs_with_a_surname_borne_by_several_is_not_the_daughter() -> None:
    # Mother and daughters share the surname: the cast keeps "Mrs. Dorn" apart from
    # "Clara Dorn" when other women Dorns are about, so a dialogue can alternate them
    # (`_entities.shared_surname` counts people of the name's sex only).
    text = (
        "Clara Dorn came home. Mrs. Dorn was ill, Selina Dorn was out, "
        "and Henry Dorn was at sea. Clara Dorn sat down."
    )
    daughter, mother = _cast_of(text, "Clara Dorn", "Mrs. Dorn")
    assert daughter is not None and mother is not None and daughter is not mother


def test_mr_with_a_surname_borne_by_several_men_is_not_the_son() -> None:
    # Father and sons share the surname: "Mr. Dorn" is kept apart from "Arthur Dorn"
    # when other men Dorns are about, as "Mrs. Dorn" from a daughter.
    text = (
        "Arthur Dorn came home. Mr. Dorn was reading, Henry Dorn was out, "
        "and Walter Dorn was at sea. Arthur Dorn sat down."
    )
    son, father = _cast_of(text, "Arthur Dorn", "Mr. Dorn")
    assert son is not None and father is not None and son is not father


def test_a_name_broken_over_two_lines_is_the_same_character() -> None:
    # "Mr.\nDorn" at a line break is the "Mr. Dorn" met before, not a second Mr. Dorn
    # (the family's other men keep "Mr. Dorn" from joining a given-name Dorn).
    text = (
        "Arthur Dorn came home. Mr. Dorn was reading, Henry Dorn was out, "
        "and Walter Dorn was at sea. Arthur Dorn sat down. Then Mr.\nDorn rose."
    )
    # "Walter Dorn" joins him: his character is no longer a bare "Mr. Dorn".
    first, walter, broken = _cast_of(text, "Mr. Dorn", "Walter Dorn", "Mr.\nDorn")
    assert first is not None and first is walter and first is broken


def test_miss_with_the_surname_of_two_sisters_is_neither() -> None:
    # "Miss Dorn" may be Arabella or Althea: no given-name Dorn is taken for her.
    text = (
        "Arabella Dorn and her sister Althea Dorn lived at the mill. Arabella Dorn sang "
        "and Althea Dorn sewed. Miss Dorn came in."
    )
    arabella, althea, miss = _cast_of(text, "Arabella Dorn", "Althea Dorn", "Miss Dorn")
    assert miss is not None and miss is not arabella and miss is not althea


def test_miss_with_the_surname_of_one_woman_is_that_woman() -> None:
    text = "Arabella Dorn lived at the mill. Arabella Dorn sang. Miss Dorn came in."
    arabella, miss = _cast_of(text, "Arabella Dorn", "Miss Dorn")
    assert arabella is not None and miss is arabella


def test_mr_with_a_surname_of_one_man_is_that_man() -> None:
    text = "Arthur Dorn came home. Mr. Dorn was tired. Arthur Dorn sat down."
    son, mr = _cast_of(text, "Arthur Dorn", "Mr. Dorn")
    assert son is not None and son is mr


def test_a_father_and_son_of_one_surname_alternate_in_a_dialogue() -> None:
    text = (
        "Arthur Dorn and his brothers Henry Dorn and Walter Dorn waited in the study.\n\n"
        "“You are late,” said Mr. Dorn.\n\n"
        "“The roads were flooded,” said Arthur.\n\n"
        "“Then you should have left earlier.”\n\n"
        "“I left at dawn.”"
    )
    assert names(text) == ["Mr. Dorn", "Arthur Dorn", "Mr. Dorn", "Arthur Dorn"]


def test_a_description_takes_the_name_the_text_puts_in_apposition_to_it() -> None:
    text = (
        "Mr. Platt, the lawyer, arrived at noon with his papers. Anne met him in the hall.\n\n"
        "“Is the will signed?” asked Anne.\n\n"
        "“Not yet,” said the lawyer. “We need a witness.”"
    )
    assert names(text) == ["Anne", "Mr. Platt", "Mr. Platt"]


def test_a_description_apposed_to_two_names_takes_neither() -> None:
    text = (
        "Mr. Platt, the lawyer, came first; Mr. Grice, the lawyer, came later.\n\n"
        "“Is the will signed?” asked Anne.\n\n"
        "“Not yet,” said the lawyer."
    )
    assert names(text)[-1] not in ("Mr. Platt", "Mr. Grice")


def test_a_continuation_paragraph_keeps_the_mention_and_cue_before_it() -> None:
    # “Q1,” he said.¶“Q2.”: the second quotation goes on with "he said", resolved to Ortiz.
    text = (
        "Pablo Ortiz leads the drivers' union. “Nobody asked the drivers,” he said.\n\n"
        "“We will strike on Monday.”"
    )
    first, second = extract_quotes(text)
    assert second.rule == "previous_paragraph"
    assert second.speaker == first.speaker and second.speaker is not None
    assert second.speaker.text == "he" and second.cue == first.cue
    assert second.entity is not None and second.entity.name == "Pablo Ortiz"


def test_a_vocative_points_back_at_the_turn_it_answers() -> None:
    text = (
        "Mary, Tom and Anne sat down to breakfast.\n\n"
        "“Good morning,” said Mary.\n\n"
        "“Good morning,” said Tom.\n\n"
        "“Has the post come?”\n\n"
        "“Not yet, Anne. It comes at ten.”\n\n"
        "“Then I shall wait,” said Anne."
    )
    assert names(text)[2] == "Anne"


def test_the_subject_of_the_narration_before_a_bare_turn_speaks_it() -> None:
    text = (
        "“We should go,” said Tom.\n\n"
        "“Not yet,” said Anne.\n\n"
        "“Why not?” asked Mary.\n\n"
        "The clock struck nine. Anne put down her cup and looked at Tom.\n\n"
        "“You knew all along.”"
    )
    assert names(text)[3] == "Anne"


def test_a_later_cue_in_the_paragraph_does_not_override_the_first() -> None:
    text = (
        "“Where were you?” asked Mary.\n\n"
        "“Out,” said Tom.\n\n"
        "“Out where?”\n\n"
        "“Just out. I had business in town,” he said, though that was not what he told "
        "the others: he had said “a walk by the river” to Mr. Dorn, and “nothing at all,” "
        "said Ben Dorn later, “that was all I got.”\n\n"
        "“What business?”"
    )
    got = {q.text: q.entity.name if q.entity else None for q in extract_quotes(text)}
    assert got["Just out. I had business in town,"] == "Tom"
    assert got["nothing at all,"] == "Ben Dorn"


def test_an_old_lady_is_not_a_miss() -> None:
    text = (
        "Mrs. Dale and Miss Dale sat in the parlour with Tom.\n\n"
        "“It is cold today,” said Miss Dale.\n\n"
        "“Very cold,” said Tom.\n\n"
        "“Too cold for a walk,” said the old lady."
    )
    assert names(text)[2] == "Mrs. Dale"


def test_a_description_is_no_other_description() -> None:
    text = (
        "The porter looked up from his ledger.\n\n"
        "“Next, please,” said the porter.\n\n"
        "Ned stepped forward and laid his papers on the desk. He waited a long while, and "
        "nobody in the room said a word to him at all.\n\n"
        "“Here it is,” said the old lady."
    )
    assert names(text) == ["the porter", "the old lady"]


def test_a_description_can_be_a_designation() -> None:
    text = (
        "“You must eat something,” said the Grandmother.\n\n"
        "“I am not hungry,” said Nell.\n\n"
        "“Nonsense,” said the old lady. “Eat.”\n\n"
        "“Well, a little bread.”"
    )
    assert names(text) == ["the Grandmother", "Nell", "the Grandmother", "the Grandmother", "Nell"]


def test_an_old_man_is_no_one_called_by_his_given_name() -> None:
    text = (
        "Ned Garber and Mr. Quarle sat by the fire.\n\n"
        "“It is late,” said Ned.\n\n"
        "“Very late,” said Mr. Quarle.\n\n"
        "“Shall we go?” said Ned.\n\n"
        "“Not yet,” said Mr. Quarle.\n\n"
        "“The fire is still warm,” said the old man."
    )
    assert names(text)[4] == "Mr. Quarle"


def test_a_description_read_as_one_person_again_and_again_stays_her() -> None:
    scene = (
        "Mr. Quarle came into the parlour where Nell sat sewing.\n\n"
        "“Good morning, Nell,” said Mr. Quarle.\n\n“Good morning,” said Nell.\n\n"
        "“Is the kettle on?” said the old gentleman.\n\n“It is,” said Nell.\n\n* * *\n\n"
    )
    last = (
        "The shop was quiet when the bell rang at last.\n\n"
        "“A loaf, if you please,” said the old gentleman.\n\n"
        "“Here you are,” said the baker's boy."
    )
    assert names(scene * 3 + last)[-2:] == ["Mr. Quarle", "the baker's boy"]
    # Read so only twice: the description stays a person of its own.
    assert names(scene * 2 + last)[-2:] == ["the old gentleman", "the baker's boy"]


def test_a_description_answering_a_vocative_is_the_one_spoken_to() -> None:
    # A book (many tagged turns), where a name never tagged is no candidate by itself.
    book = "".join(
        f"“It is hour {i} of the watch,” said {'Nell' if i % 2 else 'Mr. Quarle'}.\n\n"
        for i in range(120)
    )
    text = (
        book + "* * *\n\nMr. Quarle stood warming his hands at the stove.\n\n"
        "“The cart is mended, Ezra,” said Mr. Quarle.\n\n"
        "“I knew it would be,” replied the man."
    )
    assert names(text)[-1] == "Ezra"


def test_a_description_takes_the_sex_its_tag_gives() -> None:
    text = (
        "Ann sat by the bed, and Mr. Quarle stood at the window.\n\n"
        "“Will he live?” said Mr. Quarle.\n\n“He will,” said Ann.\n\n"
        "“Are you sure?” said Mr. Quarle.\n\n"
        "“Quite sure,” said the surgeon, as he took off his gloves."
    )
    assert names(text)[3] != "Ann"


@pytest.mark.parametrize(
    ("after", "sex"),
    [
        (", wiping his brow.", "m"),
        (" in her own way, as she smiled.", "f"),
        (" in her own way; she smiled.", "x"),  # another clause
        (" to herself.", "f"),
        (". He left.", "x"),  # another sentence
        (", looking at her, and he", "m"),
        (", and he looked at her as she spoke.", "x"),  # both
    ],
)
def test_tag_sex(after: str, sex: str) -> None:
    from quoteattr._conversation import _tag_sex

    text = "“Yes,” said the porter" + after
    start = text.index("the porter")
    assert _tag_sex(text, Mention(start, start + 10, "the porter", "nominal")) == sex


def test_a_short_description_is_the_longer_one_just_before() -> None:
    scene = (
        "Mr. Quarle came into the parlour where Nell sat sewing.\n\n"
        "“Good morning, Nell,” said Mr. Quarle.\n\n“Good morning,” said Nell.\n\n"
        "“Is the kettle on?” said the old gentleman.\n\n“It is,” said Nell.\n\n* * *\n\n"
    )
    last = (
        "The shop was quiet when the bell rang at last.\n\n"
        "“A loaf, if you please,” said the old gentleman.\n\n"
        "“Here you are,” said the baker's boy.\n\n"
        "“And a bun,” said the gentleman."
    )
    assert names(scene * 3 + last)[-3:] == ["Mr. Quarle", "the baker's boy", "Mr. Quarle"]


def test_a_recurring_post_modified_description_is_a_character_of_its_own() -> None:
    text = (
        "Mr. Quarle and the man in the grey coat sat at the inn table. The man in the "
        "grey coat had said little all evening.\n\n"
        "“More ale?” said Mr. Quarle.\n\n"
        "“If you please,” said the man in the grey coat.\n\n"
        "“You have come far?” said Mr. Quarle.\n\n"
        "“Far enough,” said the man in the grey coat, and drank."
    )
    quotes = extract_quotes(text)
    assert [q.speaker.text if q.speaker else None for q in quotes][1::2] == [
        "the man in the grey coat"
    ] * 2
    assert names(text) == ["Mr. Quarle", "the man in the grey coat"] * 2


@pytest.mark.parametrize(
    ("tag", "fuller"),
    [
        ("said the man with the black beard.", "the man with the black beard"),
        ("said the woman at the gate, and turned.", "the woman at the gate"),
        ("said the man in the same tone.", None),  # a manner
        ("said the man with a smile.", None),  # "a": a manner, read by the mentions
        ("said the man in the grey coat who", None),  # no stop after the phrase
    ],
)
def test_postmodified(tag: str, fuller: str | None) -> None:
    from quoteattr._conversation import _postmodified

    text = "“Yes,” " + tag
    start = text.index("the ")
    end = text.index(" ", text.index(" ", start) + 1)
    found = _postmodified(text, Mention(start, end, text[start:end], "nominal"))
    assert (found.text if found is not None else None) == fuller


def test_mr_is_no_abbreviation_of_major() -> None:
    from quoteattr._conversation import _abbreviates

    assert _abbreviates("dr", "doctor") and _abbreviates("col", "colonel")
    assert _abbreviates("mr", "master")
    assert not _abbreviates("mr", "major") and not _abbreviates("mr", "mother")
    assert not _abbreviates("mrs", "marquis")
    text = (
        "Major Quell had come to dine, and Mr. Dorn met him at the gate.\n\n"
        "“You are early,” said Mr. Dorn.\n\n“The roads were dry,” said the Major."
    )
    assert names(text) == ["Mr. Dorn", "Quell"]


def test_a_girl_is_not_a_mrs() -> None:
    text = (
        "Mrs. Dale and Miss Dale sat in the parlour with Tom.\n\n"
        "“It is cold today,” said Mrs. Dale.\n\n"
        "“Very cold,” said Tom.\n\n"
        "“Too cold for a walk,” said the girl."
    )
    assert names(text)[2] == "Miss Dale"


def test_sir_says_the_one_spoken_to_is_a_man() -> None:
    text = (
        "Mary and Anne were in the study when Mr. Dorn came in.\n\n"
        "“Where is the letter?” said Mr. Dorn.\n\n"
        "“On the table,” said Anne.\n\n"
        "“I will fetch it,” said Mary.\n\n"
        "“Here it is, sir.”\n\n"
        "“Thank you.”"
    )
    assert names(text)[4] == "Mr. Dorn"


def test_your_wife_says_the_one_spoken_to_is_a_man() -> None:
    text = (
        "Ruth and Jane were in the study when Mr. Dorn came in.\n\n"
        "“Where is the letter?” said Mr. Dorn.\n\n"
        "“On the table,” said Jane.\n\n"
        "“I will fetch it,” said Ruth.\n\n"
        "“Here it is. Is your wife better?”\n\n"
        "“Much better, thank you.”"
    )
    assert names(text)[4] == "Mr. Dorn"


def test_sir_inside_a_word_or_a_name_is_no_form_of_address() -> None:
    from quoteattr._conversation import _address_terms

    _SIR = _address_terms()[1]

    assert _SIR.search("“Yes, sir.”") is not None
    assert _SIR.search("Madam, a word.") is not None
    assert _SIR.search("“Sir Hugh will come,” she said.") is None
    assert _SIR.search("“The siren sang.”") is None


def test_forms_of_address_say_the_gender_of_the_one_spoken_to() -> None:
    from quoteattr._conversation import _address_terms

    genders, pattern = _address_terms()

    def addressed(text: str) -> str | None:
        m = pattern.search(text)
        return None if m is None else genders[m.group(1).lower()]

    assert addressed("“Come here, my boy.”") == "m"
    assert addressed("“Good night, Mother.”") == "f"
    assert addressed("“Yes, my lord.”") == "m"
    assert addressed("“Oh, Lord!”") is None
    assert addressed("“No, no, mistress.”") == "f"
    assert addressed("“Yes, master.”") == "m"
    assert addressed("“The man said so.”") is None


def test_a_dialogue_right_after_a_scene_break_keeps_the_last_voices() -> None:
    text = (
        "“We must go,” said Tom.\n\n"
        "“Yes,” said Anne.\n\n"
        "“Now?”\n\n"
        "“Now.”\n\n"
        "* * *\n\n"
        "“Where is everyone?”\n\n"
        "“Out.”\n\n"
        "“All of them?”"
    )
    got = names(text)
    assert got[:4] == ["Tom", "Anne", "Tom", "Anne"]
    assert set(got[4:]) == {"Tom", "Anne"}


def test_a_talk_after_a_break_naming_one_person_takes_a_second_voice_from_before() -> None:
    text = (
        "“We must go,” said Tom.\n\n"
        "“Yes,” said Anne.\n\n"
        "“Now?”\n\n"
        "“Now.”\n\n"
        "* * *\n\n"
        "Later he said to Anne, “The train was late.”\n\n"
        "“It always is.”\n\n"
        "“Not on Sundays.”\n\n"
        "“Even on Sundays.”"
    )
    got = names(text)
    assert got[:4] == ["Tom", "Anne", "Tom", "Anne"]
    # Anne, the only name after the break, does not speak all four turns.
    assert got[4:] == ["Tom", "Anne", "Tom", "Anne"]


def test_a_talk_after_a_break_may_be_among_any_voice_the_last_scene_tagged() -> None:
    text = (
        "“Shall we walk?” said Tom.\n\n"
        "“If you like,” said Anne.\n\n"
        "“I will stay here,” said Jack.\n\n"
        "“Then stay,” said Anne.\n\n"
        "“I shall.”\n\n"
        "* * *\n\n"
        "“Tired?”\n\n"
        "“A little.”\n\n"
        "“We can rest here.”\n\n"
        "“Yes, let us rest, Tom.”"
    )
    got = names(text)
    assert got[:5] == ["Tom", "Anne", "Jack", "Anne", "Jack"]
    # Tom, tagged before the last two voices, walks on with Anne after the break.
    assert got[5:] == ["Tom", "Anne", "Tom", "Anne"]


def _narration_bonus(text: str) -> dict[str, float]:
    """The narration bonuses of the last turn of ``text``, by the character's first mention."""
    from quoteattr import _attribution, _conversation, _entities, _layout, _marks
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    paragraphs = _layout.paragraphs(text)
    doc = Document(text, paragraphs, SentenceSplitter(), CueLexicon.load(()))
    links = _attribution.attribute(doc, _marks.find_quotations(text, paragraphs, _marks.FAMILIES))
    turns = _conversation._turns(doc, links)
    cast = _conversation._Cast(doc, _entities.Genders(doc))
    original = [[(k.speaker, k.rule) for k in t.links] for t in turns]
    pairs = zip(turns, original, strict=True)
    evidence = [_conversation._turn_evidence(t, o, cast) for t, o in pairs]
    _conversation._narration_evidence(doc, turns, evidence, cast)
    return {
        ch.mentions[0].text: b
        for ch in evidence[-1].bonus_chars
        for b in [evidence[-1].bonus[ch.index]]
    }


def test_a_name_after_a_pronoun_subject_of_that_gender_is_no_antecedent() -> None:
    # "He looked at Harry": the sentence is about another man; Harry gets no bonus
    # for "he said". With Harry as the subject he does.
    head = "“Is the boat ready?” asked Tom.\n\n“Nearly,” said Harry.\n\nThe wind rose. "
    tail = "\n\n“We sail at dawn,” he said."
    assert "Harry" not in _narration_bonus(head + "He looked at Harry and did not move." + tail)
    assert "Harry" in _narration_bonus(head + "Harry looked at him and did not move." + tail)


def test_a_vocative_after_my_dear_names_the_one_spoken_to() -> None:
    text = (
        "Clara, Tom and Anne sat by the window after dinner.\n\n"
        "“Will you sing for us?” said Tom.\n\n"
        "“Not tonight.”\n\n"
        "“Then I will read to you instead, my dear Clara; the book is new.”\n\n"
        "“That would be lovely.”"
    )
    got = names(text)
    assert got[2] != "Clara"
    assert got[3] == "Clara"


_LITTLE_TOM = (
    "Little Tom ran down to the gate, and little Tom waited there while little Tom's dog "
    "barked. Mary watched them from the window.\n\n"
)


def test_the_old_gentleman_is_not_a_child_the_text_calls_little() -> None:
    text = _LITTLE_TOM + "“Who is there?” asked Mary.\n\n“A friend,” said the old gentleman."
    assert names(text)[-1] != "Tom"
    # Without "little", Tom may be the old gentleman met before.
    plain = text.replace("Little Tom", "Tom").replace("little Tom", "Tom")
    assert names(plain)[-1] == "Tom"


def test_a_child_is_a_cast_member_no_adult_description_fits() -> None:
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._models import Mention
    from quoteattr._sentences import SentenceSplitter

    text = _LITTLE_TOM + "“A friend,” said the man."
    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
    cast = _conversation._Cast(doc, _entities.Genders(doc))
    tom = cast.of(Mention(7, 10, "Tom", "name"))
    mary = cast.of(Mention(text.index("Mary"), text.index("Mary") + 4, "Mary", "name"))
    assert tom is not None and mary is not None
    assert _conversation._marital_age(tom) == "child"
    assert _conversation._marital_age(mary) == ""
    i = text.index("the man")
    assert _conversation._age_clash(Mention(i, i + 7, "the man", "nominal")) == "child"


def test_in_a_long_text_the_one_who_speaks_most_takes_an_untagged_turn() -> None:
    # A book's worth of tagged dialogue between Tom and Mary, one line for Jack; then,
    # after a break, Jack is the last named but Tom is the likelier voice.
    talk = (
        "“Is it late?” said Tom.\n\n“Not very,” said Mary.\n\n“Good,” said Tom.\n\n"
        "They walked on.\n\n"
    )
    text = (
        talk * 37
        + "“Good evening,” said Jack.\n\n* * *\n\n"
        + "Tom came in.\n\nJack followed him.\n\nThe rain went on.\n\n"
        + "“What a night.”\n\n“Dreadful.”\n\n“And no sign of it stopping.”"
    )
    assert names(text)[-3:] == ["Tom", "Jack", "Tom"]


def test_a_pronoun_tag_weighs_the_name_before_it_in_its_paragraph_more() -> None:
    head = "“Is the boat ready?” asked Will.\n\n“Nearly,” said Ann.\n\n"
    from quoteattr._conversation import HERE_BONUS

    # More than a name before an untagged quotation is given for being there.
    tagged = _narration_bonus(head + "Tom frowned at the sky. He said, “We sail at dawn.”")
    assert tagged["Tom"] > HERE_BONUS


def test_in_a_book_a_name_only_ever_spoken_to_takes_no_turn() -> None:
    # "Harry" is only a name Mary calls Tom by: after 111 tagged turns it has none,
    # so the answer is Tom's, not a new voice's.
    talk = (
        "“Is it late?” said Tom.\n\n“Not very,” said Mary.\n\n“Good,” said Tom.\n\n"
        "They walked on.\n\n"
    )
    text = (
        talk * 37
        + "* * *\n\nTom and Mary sat by the fire.\n\n"
        + "“Are you tired, Harry?” said Mary.\n\n“A little.”\n\n“Then go to bed.”"
    )
    assert names(text)[-2:] == ["Tom", "Mary"]


def test_an_untagged_answer_is_likelier_from_one_the_tagged_speaker_often_talks_with() -> None:
    # Tom and Mary answer each other in tagged turns; Jack, named last, is the nearer
    # name, but Tom's untagged answer comes from Mary.
    talk = (
        "“Is it late?” said Tom.\n\n“Not very,” said Mary.\n\n"
        "“Shall we go on?” said Tom.\n\n“Yes,” said Mary.\n\nThey walked on.\n\n"
    )
    text = (
        talk * 3
        + "“Good evening,” said Jack.\n\n* * *\n\n"
        + "Mary came in.\n\nJack followed.\n\n“What a night,” said Tom.\n\n“Dreadful.”"
    )
    assert names(text)[-2:] == ["Tom", "Mary"]


def test_a_name_called_out_with_an_exclamation_is_the_one_spoken_to() -> None:
    text = (
        "Mary, Tom and Anne sat by the fire.\n\n"
        "“Is it late?” said Tom.\n\n“Not very,” said Mary.\n\n“I am tired,” said Anne.\n\n"
        "Anne yawned.\n\n"
        "“Tom! The kettle is boiling,” said Mary.\n\n"
        "“So it is.”"
    )
    assert names(text)[-2:] == ["Mary", "Tom"]


# An interview among news articles (a headline over each): invented text.
INTERVIEW = (
    "Harbour pilot on the night of the storm\n\n"
    "Peter Lindqvist has guided ships into the harbour for thirty years.\n\n"
    "“When did you see the tanker?” asked Ruth Okafor.\n\n"
    "“Just before midnight,” said Lindqvist.\n\n"
    "“Was it already drifting?”\n\n"
    "“It was, and fast.”\n\n"
    "“What did you do then?”\n\n"
    "“I called the coastguard.”"
)
ARTICLES = [
    "Council approves new bridge\n\n"
    "The city council voted on Tuesday to build a second bridge over the river.\n\n"
    "“This is a good day for the town,” the mayor, Anna Kowalski, said after the vote.\n\n"
    "Opponents said the cost was too high. Mark Devlin, who leads the residents' group, "
    "spoke to reporters outside the hall.\n\n"
    "“We will go to court if we must,” he said.\n\n"
    "“Nobody asked the people who live by the river.”",
    "Bakery chain reports record sales\n\n"
    "A bakery chain based in the north said its sales rose by a fifth last year.\n\n"
    "“Bread is cheap comfort when times are hard,” said its founder, Sofia Marchetti.\n\n"
    "She added that the firm would open ten shops in the spring.\n\n"
    "“We are hiring bakers in every town we know,” she said.",
    "Rail strike called off\n\n"
    "Train drivers have called off a strike planned for next week after talks.\n\n"
    "“The offer is fair and we accept it,” the union's leader, Tom Baxter, told reporters.\n\n"
    "The rail company said services would run as normal.\n\n"
    "“Passengers can travel with confidence,” a spokeswoman, Lena Fischer, said.\n\n"
    "“We thank them for their patience.”",
]
PLAIN_NEWS = [
    "Shares in the airline fell sharply on Monday after Helen Park, its finance chief, resigned.",
    "The museum will close for repairs until March, the city's culture office announced.",
    "Farmers in the valley expect a poor harvest after the driest summer in decades.",
    "Jonas Weber, the club's new coach, arrives from a team in the second division.",
    "Storm warning lifted",
]


def _records(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[object, ...]]:
    """The records of ``text[lo:hi]``, in offsets from ``lo``."""
    hi = len(text) if hi is None else hi
    return [
        (
            q.kind,
            q.start - lo,
            q.end - lo,
            None if q.speaker is None else (q.speaker.text, q.speaker.start - lo),
            q.entity.name if q.entity else None,
            q.rule,
        )
        for q in extract_quotes(text)
        if lo <= q.start < hi
    ]


def test_an_interview_among_news_articles_leaves_their_attribution() -> None:
    # Alone, Devlin's bare quote paragraph continues "he said" before it; among other
    # articles the interview is dialogue, the articles are not (each alone is not).
    text = "\n\n".join([*ARTICLES, *ARTICLES, INTERVIEW, *ARTICLES, *ARTICLES])
    pos = 0
    for article in ARTICLES * 4:
        i = text.index(article, pos)
        assert _records(text, i, i + len(article)) == _records(article)
        pos = i + len(article)
    i = text.index(INTERVIEW)
    assert _records(text, i, i + len(INTERVIEW)) == _records(INTERVIEW)
    assert _records(INTERVIEW)[-1][-1] == "turn_taking"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_NEWS), min_size=1, max_size=12), st.integers(0, 3))
def test_news_before_a_dialogue_leaves_its_records(paragraphs: list[str], articles: int) -> None:
    prefix = "\n\n".join(paragraphs + ARTICLES[:articles]) + "\n\n"
    assert _records(prefix + INTERVIEW, len(prefix)) == _records(INTERVIEW)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "“The bridge will open in May,” Tom Baker said.\n\n"
            "Peter Walsh called the schedule “a fantasy”.\n\n“Nobody believes it,” he said.",
            "Peter Walsh",
        ),
        (
            "“Taxes will fall,” Anna Berg said.\n\n"
            "Lucy Grant said the promise was “an old trick”.\n\n“We have heard it,” she added.",
            "Lucy Grant",
        ),
    ],
)
def test_in_news_a_pronoun_after_a_fragment_paragraph_continues_its_speaker(
    text: str, wanted: str
) -> None:
    # Not the turn before it, as a dialogue's alternation would have it.
    last = extract_quotes(text)[-1]
    assert last.entity is not None and last.entity.name == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "“The bridge must wait,” according to the mayor.\n\n"
            "Tom Baker warned: “We have waited too long.”\n\n“Nobody believes it,” he added.",
            "Tom Baker",
        ),
        (
            "“Taxes will fall,” the minister said.\n\n"
            "Lucy Grant said: “We have heard that before.”\n\n“It is an old trick,” she added.",
            "Lucy Grant",
        ),
    ],
)
def test_in_news_a_pronoun_after_a_source_named_in_full_continues_that_source(
    text: str, wanted: str
) -> None:
    # Not the source two paragraphs back (the news_documents property found this).
    last = extract_quotes(text)[-1]
    assert last.entity is not None and last.entity.name == wanted


def test_in_dialogue_a_pronoun_after_two_speakers_is_the_first_again() -> None:
    text = (
        "“Where is the key?” said Mary.\n\n“Under the mat,” said Ann.\n\n"
        "“It was not there,” she said.\n\n“Look again.”\n\n“I did.”\n\n“Then it is lost.”"
    )
    quotes = extract_quotes(text)
    assert quotes[2].entity is not None and quotes[2].entity.name == "Mary"


def test_news_introducing_each_source_in_full_is_no_dialogue() -> None:
    text = (
        "“Taxes will fall,” Senator Ann Lee said.\n\n“Not this year.”\n\n"
        "“The plan is a fraud,” Tom Webb warned.\n\n“Nobody believes it.”"
    )
    names = [q.entity.name if q.entity else None for q in extract_quotes(text)]
    assert names == ["Ann Lee", "Ann Lee", "Tom Webb", "Tom Webb"]


def test_a_dialogue_with_full_names_still_alternates() -> None:
    text = (
        "“Where is it?” said Ann Lee.\n\n“Here,” said Tom Webb.\n\n“Where?” said Ann.\n\n"
        "“Under the mat.”"
    )
    names = [q.entity.name if q.entity else None for q in extract_quotes(text)]
    assert names[-1] == "Tom Webb"


def test_news_introducing_a_name_then_a_description_is_no_dialogue() -> None:
    text = (
        "“Taxes will fall,” Ann Lee said.\n\n“Not this year.”\n\n“It is a fraud,” the mayor said."
    )
    names = [q.entity.name if q.entity else None for q in extract_quotes(text)]
    assert names[:2] == ["Ann Lee", "Ann Lee"]


def test_news_naming_a_source_again_by_surname_is_no_dialogue() -> None:
    text = (
        "“Taxes will fall,” according to Mayor Ann Lee.\n\n“Not this year.”\n\n"
        "“It is a fraud,” Lee said.\n\nTom Webb said: “Nobody believes it.”"
    )
    names = [q.entity.name if q.entity else None for q in extract_quotes(text)]
    assert names == ["Ann Lee", "Ann Lee", "Ann Lee", "Tom Webb"]


def test_a_form_of_address_points_to_those_who_use_it() -> None:
    # In a book (100+ tagged turns) only Tom says "Mumsy"; Ann usually answers Mrs. Pell.
    block = (
        "“Good morning, Ann,” said Mrs. Pell.\n\n“Good morning,” said Ann.\n\n"
        "“Is it raining?” asked Mrs. Pell.\n\n“No.”\n\n* * *\n\n"
        "“Come and look, Mumsy,” said Tom.\n\n“She is out,” said Jack.\n\n"
        "“Is she?” asked Tom.\n\n“Yes.”\n\n* * *\n\n"
    )
    text = block * 20 + (
        "Tom came in late. Ann sat down by Mrs. Pell and poured the tea.\n\n"
        "“Where is the jam?” asked Mrs. Pell.\n\n“Here it is, Mumsy.”\n\n“Thank you.”\n"
    )
    assert names(text)[-3:] == ["Mrs. Pell", "Tom", "Mrs. Pell"]


def test_a_book_speakers_own_words_point_to_them() -> None:
    # Tom says "By thunder" in his many tagged turns; nothing else sets him apart from Ann.
    block = (
        "“By thunder, the rain is back,” said Tom.\n\n“Is it?” asked Jack.\n\n"
        "“It is,” said Tom.\n\n“Goodness me, the roof will leak,” said Ann.\n\n"
        "“Will it?” asked Jack.\n\n“It will,” said Ann.\n\n* * *\n\n"
    )
    text = block * 100 + (
        "Ann and Tom stood at the gate with Jack.\n\n"
        "“Where is the cart?” asked Jack.\n\n“By thunder, it has gone!”\n"
    )
    assert names(text)[-2:] == ["Jack", "Tom"]


def test_a_turn_that_calls_a_parent_mother_is_the_childs() -> None:
    # "Mother" as a name: the speaker is the daughter, not the "Mrs." (the subject just before).
    text = (
        "Ann and Mrs. Pell sat by the fire.\n\n“Is Mother cold?”\n\n“A little.”\n\n"
        "“I will fetch a shawl.”\n\n“Thank you, dear.”\n"
    )
    assert names(text) == ["Ann", "Mrs. Pell", "Ann", "Mrs. Pell"]
    # "my mother" is anyone's mother: no evidence either way.
    for quote, parents in (("“Is my mother cold?”", ""), ("“Ask Papa.”", "m")):
        link = Link(0, len(quote), 1, len(quote) - 1, "direct")
        said = _turn_words(quote, _Turn(0, [link], True))
        assert _parents_named(said) == frozenset(parents)


@pytest.mark.parametrize(
    ("text", "name", "subject"),
    [
        ("She had tea with old Mrs. Grey on the lawn.", "Mrs. Grey", False),
        ("Lucy turned to Paul and laughed.", "Paul", False),
        ("It was a letter from young Captain Hale.", "Captain Hale", False),
        ("Paul turned to Lucy and laughed.", "Paul", True),
        ("The door opened. Mrs. Grey came in with the tea.", "Mrs. Grey", True),
        ("“Come in,” said Lucy; and Paul came in.", "Paul", True),
    ],
)
def test_a_name_after_a_preposition_is_no_focus_of_he_and_she(
    text: str, name: str, subject: bool
) -> None:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, kind="name")
    assert _subject_like(text, mention) is subject


_TALK = (
    "“Where have you been all day?” asked Mary.\n\n“At the market,” replied Tom.\n\n"
    "“All day long?”\n\n“Most of it.”\n\n“And what did you buy?”\n\n“Nothing at all.”\n\n"
    "“Nothing?”\n\n"
)


@pytest.mark.parametrize(
    "look",
    [
        "Tom shrugged, as much as to say, “Why should I?”",
        "He gave her a look that seemed to say, “What of it?”",
    ],
)
def test_words_a_look_says_keep_their_turn_but_no_speaker(look: str) -> None:
    text = _TALK + look + "\n\n“You are hopeless.”\n\n“So you often tell me.”"
    quotes = extract_quotes(text, kinds="direct,mixed,other")
    silent = quotes[7]
    assert (silent.kind, silent.speaker, silent.cue, silent.rule) == ("other", None, None, None)
    spoken = [q.entity.name if q.entity else None for q in quotes if q.kind == "direct"]
    # The look holds Tom's place in the alternation: the next turn is Mary's.
    assert spoken[-3:] == ["Mary", "Mary", "Tom"]


@pytest.mark.parametrize(
    "tag", ["she said to Vera.", "she said, turning to Vera.", "said she to Vera."]
)
def test_the_one_a_pronoun_tag_speaks_to_is_not_the_speaker(tag: str) -> None:
    # The turn-taking alone gives "she" to Vera, who spoke two turns before.
    text = (
        "Vera, Nell and Felix sat by the fire.\n\n"
        "“Is the tea ready?” said Vera.\n\n"
        "“Nearly,” said Felix.\n\n"
        f"“Then pour it out,” {tag}\n\n"
        "“I will.”"
    )
    assert names(text) == ["Vera", "Felix", "Nell", "Vera"]


def test_narrator_named_with_an_honorific_is_still_the_narrator() -> None:
    # The others call "I" "Brandt": "Mr. Brandt" and "Tom Brandt" are the narrator too,
    # not a character of their own; "Mrs. Brandt" (a wife, a mother) is someone else.
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    text = (
        "“Sit down, Brandt,” said Orme.\n\n"
        "“Good evening, Mr. Brandt,” said the porter.\n\n"
        "“Tom Brandt, at last!” cried Mrs. Brandt, and Mr. Quill nodded."
    )
    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))

    def mention(s: str) -> Mention:
        i = text.index(s)
        return Mention(i, i + len(s), s, "name")

    cast = _conversation._Cast(doc, _entities.Genders(doc), mention("Brandt"))
    assert cast.of(mention("Brandt")) is cast.narrator
    assert cast.of(mention("Mr. Brandt")) is cast.narrator
    assert cast.of(mention("Tom Brandt")) is cast.narrator
    assert cast.of(mention("Mrs. Brandt")) is not cast.narrator
    assert cast.of(mention("Mr. Quill")) is not cast.narrator
    # Without a narrator's name, a name is a character.
    plain = _conversation._Cast(doc, _entities.Genders(doc))
    assert plain.of(mention("Mr. Brandt")) is not plain.narrator


def test_a_pet_form_no_one_bears_is_its_full_form() -> None:
    # "Harry" is what friends call Henry Quill; a "Harry" of his own (Harry Orme) keeps
    # his name; "Meg" met before a lone "Margaret" is joined the other way round.
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    def cast_of(text: str, *names: str) -> list[object]:
        doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
        cast = _conversation._Cast(doc, _entities.Genders(doc))
        out: list[object] = []
        for s in names:
            i = text.index(s)
            out.append(cast.of(Mention(i, i + len(s), s, "name")))
        return out

    henry, harry = cast_of(
        "Henry Quill lit his pipe.\n\n“You are late, Harry,” said Orme.", "Henry Quill", "Harry"
    )
    assert henry is not None and henry is harry
    orme, harry2, henry2 = cast_of(
        "Harry Orme lit his pipe. Henry Quill came in.\n\n“Sit down, Harry.”",
        "Harry Orme",
        "Harry",
        "Henry Quill",
    )
    assert harry2 is orme and henry2 is not orme
    meg, margaret = cast_of("“Come here, Meg,” said her aunt.\n\nMargaret came.", "Meg", "Margaret")
    assert meg is not None and meg is margaret
    # A pet form of another sex's name, or an unlisted word, stays apart.
    tom, georgina = cast_of("Georgina Quill sat down.\n\n“Yes, Tom.”", "Tom", "Georgina Quill")
    assert tom is not georgina


@pytest.mark.parametrize(
    ("between", "boosted"),
    [
        ("", True),
        ("The rain had not stopped since noon, and the roads were flooded.\n\n", False),
    ],
)
def test_a_pronoun_turn_reads_the_narration_just_before_it(
    monkeypatch: pytest.MonkeyPatch, between: str, boosted: bool
) -> None:
    # "Anton came in.¶“Q,” he said": Anton is weighed for the "he"; past a paragraph of
    # narration with no name he is not (a name met earlier is mostly someone else).
    from collections.abc import Sequence

    from quoteattr import _conversation
    from quoteattr._document import Document

    seen: list[tuple[str, ...]] = []
    narration_evidence = _conversation._narration_evidence

    def spy(
        doc: Document,
        turns: Sequence[_Turn],
        evidence: Sequence[_conversation._Evidence],
        cast: _conversation._Cast,
    ) -> None:
        narration_evidence(doc, turns, evidence, cast)
        for turn, ev in zip(turns, evidence, strict=True):
            if "tomorrow" in doc.text[turn.links[0].start : turn.links[0].end]:
                seen.append(tuple(m.text for ch in ev.bonus_chars for m in ch.mentions))

    monkeypatch.setattr(_conversation, "_narration_evidence", spy)
    text = (
        "“Shall we go?” said Karl.\n\n“Not yet,” said Felix.\n\n“Why not?”\n\n"
        "“The roads are flooded.”\n\n“Then we wait.”\n\n"
        "Anton came in with the wood and put it by the stove.\n\n"
        + between
        + "“We must go tomorrow,” he said.\n\n“If the rain stops.”"
    )
    extract_quotes(text)
    assert len(seen) == 1
    assert ("Anton" in seen[0]) is boosted


def test_the_subject_just_before_a_pronoun_turn_outweighs_the_turn_taking() -> None:
    # After Felix's turn the turn-taking offers Karl or Felix again; "Anton went to the
    # window." makes the "he" Anton's.
    text = (
        "“Shall we go?” said Karl.\n\n“Not yet,” said Anton.\n\n“Why not?” said Karl.\n\n"
        "“The roads are flooded,” said Felix.\n\nAnton went to the window.\n\n"
        "“Then we wait,” he said."
    )
    assert names(text) == ["Karl", "Anton", "Karl", "Felix", "Anton"]


def test_a_name_four_paragraphs_before_the_scene_is_a_voice_of_it() -> None:
    # Nell comes in four paragraphs before the first turn; three paragraphs of setting
    # keep her in the room, and the untagged answers are hers, not Tom's again.
    text = (
        "Nell Orme came into the kitchen and sat by the window.\n\n"
        "The kettle was singing on the stove.\n\n"
        "Outside, the rain had stopped at last.\n\n"
        "A cart went by in the lane, and a dog barked after it.\n\n"
        "“Is the tea ready?” asked Tom Quill.\n\n"
        "“Nearly.”\n\n“Then I shall wait.”\n\n“Do.”"
    )
    assert names(text) == ["Tom Quill", "Nell Orme", "Tom Quill", "Nell Orme"]


@pytest.mark.parametrize(
    ("story", "sex"),
    [
        (
            "The stranger came in; he was wet. The stranger sat; he was cold. "
            "The stranger ate, and then he slept.",
            "m",
        ),
        (
            "The stranger came in; she was wet. The stranger sat; she was cold. "
            "The stranger ate, and then she slept.",
            "f",
        ),
        ("The stranger came in; he was wet. The stranger sat; she was cold.", "x"),
    ],
)
def test_a_description_takes_the_sex_of_the_pronouns_after_it(story: str, sex: str) -> None:
    from quoteattr import _conversation, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    doc = Document(story, _layout.paragraphs(story), SentenceSplitter(), CueLexicon.load(()))
    assert _conversation._description_gender(doc, "stranger") == sex


def test_a_place_is_no_short_form_of_a_person_named_after_it() -> None:
    # "to Marlow", "in Marlow": a town; "the Nadia Marlow Ball" does not make it a woman.
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._models import Mention
    from quoteattr._sentences import SentenceSplitter

    text = (
        "They drove to Marlow in the rain. In Marlow the shops were shut, and near Marlow "
        "the river rose. They slept in Marlow and woke in Marlow. Tickets for the Nadia "
        "Marlow Ball were sold out; the Nadia Marlow Ball was the talk of the week.\n\n"
        "Marlow was quiet that night.\n"
        # The place statistic is read only in texts of 20,000 characters or more.
        + "\nThe clock struck nine, and the lamps along the lane were lit one by one.\n"
        * 300
    )
    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
    cast = _conversation._Cast(doc, _entities.Genders(doc))
    i = text.index("Marlow was quiet")
    town = cast.of(Mention(i, i + 6, "Marlow", "name"))
    assert (
        town is None
        or town.cluster is None
        or all("Nadia" not in n.mention.text for n in town.cluster.names)
    )


@pytest.mark.parametrize(
    ("narration", "speaker"),
    [
        ("Anton got up from the stove.", "Anton"),
        ("Anton looked up.", "Anton"),
        # The last speaker acting after his quotation goes on, as the pronoun's
        # nearest subject (SPEAKER_ACTING), not the one the turn-taking would give.
        ("Karl looked at Anton.", "Karl"),
        ("Karl put down his cup.", "Karl"),
        # One looked at or lit up, after a preposition, is not acting either.
        ("The lamp flickered over Anton, who had not moved.", "Felix"),
        ("The dog lay at the feet of Anton.", "Felix"),
    ],
)
def test_someone_acting_after_the_last_turn_takes_the_pronoun_turn(
    narration: str, speaker: str
) -> None:
    text = (
        "“Shall we go?” said Karl.\n\n“Not yet,” said Felix.\n\n“Why not?” said Anton.\n\n"
        "“The roads,” said Felix.\n\n“What of them?” said Karl. "
        + narration
        + "\n\n“They are flooded,” he said."
    )
    assert names(text)[-1] == speaker


@pytest.mark.parametrize(
    ("narration", "speaker"),
    [
        ("Vera folded the letter and put it away.", "Vera"),
        # Someone else acting after it: as before, the one who acts.
        ("Ines folded the letter and put it away.", "Ines"),
        # No one acting: the other woman answers.
        ("", "Ines"),
    ],
)
def test_the_last_speaker_acting_after_her_turn_takes_the_pronoun_turn(
    narration: str, speaker: str
) -> None:
    text = (
        "Vera and Ines sat by the window.\n\n“It came this morning,” said Ines.\n\n"
        "“From whom?” said Vera.\n\n“From the bank,” said Ines.\n\n"
        "“Then it can wait,” said Vera. " + narration + "\n\n“It has waited long enough,” she said."
    )
    assert names(text)[-1] == speaker


_SILENT_TOPIC = (
    "“Where were you last night?” asked Ilse.\n\n“Out,” said Bram.\n\n"
    "“Out where?” Ilse asked.\n\nBram {verb} Ilse.\n\n“I asked you a question.”"
)


@pytest.mark.parametrize(
    "verb", ["made no answer to", "did not answer", "said nothing to", "gave no reply to"]
)
def test_after_someone_does_not_answer_the_one_who_asked_goes_on(verb: str) -> None:
    # Bram, named just before the bare turn, would take it; his silence says that the
    # one who asked speaks again.
    assert names(_SILENT_TOPIC.format(verb=verb)) == ["Ilse", "Bram", "Ilse", "Ilse"]


@pytest.mark.parametrize("verb", ["looked at", "smiled at", "answered"])
def test_after_someone_acts_the_turn_taking_goes_on(verb: str) -> None:
    assert names(_SILENT_TOPIC.format(verb=verb)) == ["Ilse", "Bram", "Ilse", "Bram"]


@pytest.mark.parametrize(
    ("narration", "titled"),
    [
        ("The Professor broke the silence at last.", True),
        ("Then the Professor broke the silence.", True),
        # A possessive is no designation acting: the turn-taking decides.
        ("The Professor's hat lay on the table.", False),
    ],
)
def test_a_designation_in_the_narration_gives_the_pronoun_turn_its_subject(
    narration: str, titled: bool
) -> None:
    text = (
        "Professor Quillon and Felix came into the hall, with Karl behind them.\n\n"
        "“Shall we go?” said Karl.\n\n“Not yet,” said Felix.\n\n“Why not?” said the Professor."
        "\n\n“The roads,” said Felix.\n\n“What of them?” said Karl.\n\n"
        + narration
        + "\n\n“They are flooded,” he said."
    )
    assert (names(text)[-1] == "Quillon") is titled


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Professor broke the silence.", "The Professor"),
        ("He bowed to the Warden and left.", "the Warden"),
        ("the Professor's hat", None),
        ("the Professor Quillon", None),
        ("the Rev. Mr. Hale", None),
    ],
)
def test_designation_pattern(text: str, found: str | None) -> None:
    m = _DESIGNATION.search(text)
    assert (m.group(0) if m is not None else None) == found


def test_a_given_name_the_text_uses_as_a_word_is_no_one_in_the_cast() -> None:
    # "an average Christian", "her Christian name": the word is no character, so it
    # takes no turns; a real Lucius stays one.
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._models import Mention
    from quoteattr._sentences import SentenceSplitter

    text = (
        "He called her by her Christian name. An average Christian would have laughed, "
        "but Lucius did not. Hindu, Christian, or pagan, it was all one to Lucius."
    )
    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
    cast = _conversation._Cast(doc, _entities.Genders(doc))

    def mention(s: str, nth: int = 0) -> Mention:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return Mention(i, i + len(s), s, "name")

    assert _entities.word_use(doc, "Christian")
    assert not _entities.word_use(doc, "Lucius")
    assert cast.of(mention("Christian", 2)) is None
    assert cast.of(mention("Lucius")) is not None


def test_a_designation_after_the_is_not_a_word_use() -> None:
    from quoteattr import _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    # "the Warden", "the unhappy Maud": a designation and a person, not words.
    text = "The Warden nodded. Then the Warden left, and the unhappy Maud wept for Maud."
    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
    assert not _entities.word_use(doc, "Warden")
    assert not _entities.word_use(doc, "Maud")


@pytest.mark.parametrize(
    ("narration", "bonus"),
    [
        ("Ilse got up from the stove.", {"Ilse": 1.0}),
        # The tag's own speaker acting again is no new voice.
        ("Osric looked at the fire.", {}),
        # One after a preposition is not acting.
        ("The lamp flickered over Ilse.", {}),
    ],
)
def test_someone_acting_after_the_last_turn_weighs_for_a_bare_turn(
    narration: str, bonus: dict[str, float]
) -> None:
    text = (
        "“Shall we go?” said Osric.\n\n“Not yet,” said Bram.\n\n“Why not?” said Ilse.\n\n"
        "“The roads,” said Bram.\n\n“What of them?” said Osric. " + narration + "\n\n"
        "“They are flooded.”"
    )
    assert _narration_bonus(text) == bonus


def test_a_bare_turn_naming_someone_before_its_quotation_reads_no_earlier_narration() -> None:
    text = (
        "“Shall we go?” said Osric.\n\n“Not yet,” said Bram.\n\n"
        "“What of them?” said Osric. Ilse got up from the stove.\n\n"
        "Bram shrugged. “They are flooded.”"
    )
    assert "Ilse" not in _narration_bonus(text)


def test_a_name_written_mostly_after_to_and_in_is_a_place_not_in_the_cast() -> None:
    # "went to Kettleford", "lived in Kettleford": a town, though the text also holds
    # "the Dora Kettleford Fund"; "Lucius" after "to" now and then stays a person.
    from quoteattr import _conversation, _entities, _layout
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._models import Mention
    from quoteattr._sentences import SentenceSplitter

    text = (
        "She went to Kettleford in May. Life in Kettleford was quiet, and she wrote "
        "from Kettleford to Lucius every week. Lucius read the letters. Lucius sighed. "
        "Lucius gave money to the Dora Kettleford Fund. Kettleford was far away, and "
        "Lucius longed to go to Kettleford. Lucius waited."
    )
    doc = Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))
    cast = _conversation._Cast(doc, _entities.Genders(doc))

    def mention(s: str) -> Mention:
        i = text.index(s)
        return Mention(i, i + len(s), s, "name")

    assert _entities.place_use(doc, "Kettleford")
    assert not _entities.place_use(doc, "Lucius")
    assert cast.of(mention("Kettleford")) is None
    assert cast.of(mention("Lucius")) is not None


@pytest.mark.parametrize(
    ("before", "own"),
    [
        ("Mira went to the window.", "Ann took the letter from the table."),
        ("Mira sat down.", "Ann laughed."),
        ("Then Mira went to the window.", "Ann looked up from her book."),
    ],
)
def test_a_name_in_the_turns_own_narration_outweighs_the_paragraph_before(
    before: str, own: str
) -> None:
    # Mira, the subject of the paragraph before and the turn-taking's pick, does not
    # speak: the woman named in the turn's own paragraph does.
    text = (
        "“Shall we go?” said Mira.\n\n“Not yet,” said Greta.\n\n“Why not?” said Mira.\n\n"
        "“The roads,” said Greta.\n\n" + before + "\n\n" + own + " “They are flooded,” she said."
    )
    assert names(text)[-1] == "Ann"


_FLOOD = (
    "The next week the whole valley was under water. The carts stood idle in the yard, "
    "the mill wheel was still, and the road to the town could not be seen at all. Shepherds "
    "came down from the hills with news of bridges gone and sheep lost, and the women "
    "of the farms kept their children indoors and watched the sky. On the fourth day the "
    "rain stopped, and by the evening the water had begun to fall. Ingrid Varn walked down "
    "to the orchard wall, where Greta Holt was already standing with her shawl about her "
    "shoulders, looking at the brown flood that covered the lower field and the line of "
    "willows at its edge. Neither of them had slept much. The lamps were lit in the house "
    "behind them, and somewhere a dog was barking at the water. "
)


def test_a_turn_led_by_a_long_narration_opens_a_scene() -> None:
    # A week and a flood lie between the talk in the yard and the one at the orchard
    # wall: the answer to Greta is Ingrid's, not that of Osric, who spoke in the yard.
    text = (
        "“Is the cart ready?” asked Osric.\n\n“It is,” said Bram.\n\n“Then we leave at dawn.”\n\n"
        + _FLOOD
        + "“Have you seen the river?” asked Greta.\n\n“Not since the spring.”\n\n"
        "“It has risen a foot.”"
    )
    assert names(text) == ["Osric", "Bram", "Osric", "Greta Holt", "Ingrid Varn", "Greta Holt"]


@pytest.mark.parametrize(
    ("narration", "titled"),
    [
        ("The Colonel broke the silence at last.", True),
        ("The Colonel's dog barked.", False),
    ],
)
def test_a_designation_is_the_one_its_tagged_turns_were_read_as(
    narration: str, titled: bool
) -> None:
    # Two colonels in the document: "the Colonel" is no one by the title alone, but the
    # scene's "said the Colonel" was read as Colonel Marsh, and so is the narration's.
    text = (
        "Colonel Pryce wrote twice that week, and Colonel Pryce's letters were long.\n\n"
        "Colonel Marsh came into the hall with Felix and Karl.\n\n"
        "“Shall we go?” said Karl.\n\n“Not yet,” said Felix.\n\n“Why not?” said the Colonel."
        "\n\n“The roads,” said Felix.\n\n“What of them?” said Karl.\n\n"
        + narration
        + "\n\n“They are flooded,” he said."
    )
    assert (names(text)[-1] == "Marsh") is titled


@pytest.mark.parametrize(
    ("gender", "weight"), [("f", PRONOUN_TAG_WEIGHT), ("m", PRONOUN_TAG_WEIGHT), ("f", 3.0)]
)
def test_a_pronoun_turn_chooses_among_people_of_its_sex(gender: str, weight: float) -> None:
    # Scene speakers: men met near the turn, women further back.
    men = [_Char(i, None, "m") for i in range(MAX_CANDIDATES)]
    women = [_Char(MAX_CANDIDATES + i, None, "f") for i in range(2)]
    cands = men + women
    seen = {ch.index: [10 if ch.gender == "m" else 2] for ch in cands}
    ev = _Evidence()
    ev.gender, ev.gender_weight = gender, weight
    allowed = _nearest(cands, seen, 11, ev, {ch.index for ch in cands})
    assert len(allowed) == MAX_CANDIDATES
    # "she said": both women stay in; "he said" or a weaker hint: the nearest.
    women_in = all(cands.index(w) in allowed for w in women)
    assert women_in is (gender == "f" and weight >= PRONOUN_TAG_WEIGHT)


@pytest.mark.parametrize(
    ("narration", "titled"),
    [
        ("The doctor broke the silence at last.", True),
        ("Then the doctor got up from the stove.", True),
        # A possessive is no designation acting: the turn-taking decides.
        ("The doctor's hat lay on the table.", False),
    ],
)
def test_a_lower_case_title_in_the_narration_gives_the_pronoun_turn_its_subject(
    narration: str, titled: bool
) -> None:
    text = (
        "Doctor Paul Quillon and Felix came into the hall, with Karl behind them.\n\n"
        "“Shall we go?” said Karl.\n\n“Not yet,” said Felix.\n\n“Why not?” said the doctor."
        "\n\n“The roads,” said Felix.\n\n“What of them?” said Karl.\n\n"
        + narration
        + "\n\n“They are flooded,” he said."
    )
    assert (names(text)[-1] == "Paul Quillon") is titled


def test_a_lower_case_title_of_unknown_sex_gives_no_subject() -> None:
    # "the doctor" of no known sex fits "she" as well as "he": the turn-taking decides.
    text = (
        "Doctor Quillon and Ines came into the hall, with Vera behind them.\n\n"
        "“Shall we go?” said Vera.\n\n“Not yet,” said Ines.\n\n“Why not?” said the doctor."
        "\n\n“The roads,” said Ines.\n\n“What of them?” said Vera.\n\n"
        "The doctor broke the silence at last.\n\n“They are flooded,” she said."
    )
    assert names(text)[-1] != "Doctor Quillon"


def test_a_whole_word_title_abbreviates_no_other_title() -> None:
    # "Sir" is no short form of "solicitor" (s, i, r in order): the solicitor is himself.
    text = (
        "Sir Hugo Dorn had dined at the club every night that week.\n\n"
        "On Monday Tom Pike went to see his lawyer in the town.\n\n"
        "“You must sign here,” said the solicitor.\n\n"
        "“And here?” said Tom Pike."
    )
    assert names(text) == ["the solicitor", "Tom Pike"]


def test_a_description_takes_no_speaker_from_chapters_before() -> None:
    # Mrs. Ames spoke pages ago: "the old lady" of a new scene is someone else.
    road = "Tom walked on along the road for many a mile, and saw nobody at all that day.\n\n"
    text = (
        "“You will go to bed without supper,” said Mrs. Ames.\n\n"
        "“Yes, ma'am,” said Tom.\n\n"
        + road
        * 220
        + "Tom woke in a strange room, with a fire burning in the grate.\n\n"
        "“Quiet now, child,” said the old lady.\n\n"
        "“Where am I?” said Tom.\n\n"
        "“Safe and warm,” said the old lady."
    )
    assert names(text) == ["Mrs. Ames", "Tom", "the old lady", "Tom", "the old lady"]


def test_a_name_after_an_opening_subordinator_is_not_the_sentence_subject() -> None:
    # "When Ann Webb went home Mira came out": the main clause's Mira is whom the
    # narration is about, and her "she" asks.
    text = (
        "“Is it late?” said Tom Hale.\n\n“Nearly ten,” said Mira Dorn.\n\n"
        "“Then I must go,” said Tom.\n\n"
        "When Ann Webb went home Mira came out of the garden with a basket.\n\n"
        "“Was she cross?” she asked."
    )
    assert names(text) == ["Tom Hale", "Mira Dorn", "Tom Hale", "Mira Dorn"]


_INTERVIEW = (
    "The office was cold that morning. The clerk had gone home, the fire had died, and "
    "the windows were grey with rain. It was a room that had seen better days; the chairs "
    "were old and the carpet was worn. Dr. Ruiz had read the letter twice. He was tired, "
    "and he was not a patient man. Ann Webb was sitting by the door. She had been there "
    "an hour. The lamp was lit, though it was not yet noon.\n\n"
    "“Sit down, please,” said Dr. Ruiz.\n\n“Thank you.”\n\n"
    "“Tea?” said Mrs. Ames from the window.\n\n“No, thank you.”\n\n"
    "“Where were you on Friday night?” asked Dr. Ruiz.\n\n“At home.”\n\n“Alone?”\n\n"
    "“My brother was there.”\n\n“Until when?”\n\n“Until ten.”\n\n"
    "{narration}\n\n“And then?”\n\n“Then I went to bed.”"
)


@pytest.mark.parametrize(
    ("narration", "present"),
    [
        # Named as a subject twice in and before the talk: there all along, though no
        # tag names her, and her answers are not the tagged Mrs. Ames's.
        ("Ann Webb looked at her hands.", True),
        # Once is not enough: the scene's tagged voices keep the edge.
        ("The rain went on.", False),
        # Nor a name after a preposition.
        ("The lamp shone on Ann Webb.", False),
    ],
)
def test_one_the_narration_of_a_talk_names_twice_is_present_untagged(
    narration: str, present: bool
) -> None:
    got = names(_INTERVIEW.format(narration=narration))
    if present:
        assert (
            got
            == ["Dr. Ruiz", "Ann Webb", "Mrs. Ames", "Ann Webb"]
            + [
                "Dr. Ruiz",
                "Ann Webb",
            ]
            * 4
        )
    else:
        assert "Ann Webb" not in got


def test_a_name_after_that_inside_a_sentence_is_not_its_subject() -> None:
    # "The first time that Paul left the house Tom took him out": Tom is the subject,
    # and the "he" after it; without "that" ("The first time Paul left") Paul stays first.
    talk = (
        "“Is it far?” said Paul Hale.\n\n“Not very,” said Tom Webb.\n\n“Shall we walk?”\n\n"
        "“If you like.”\n\n“Is it cold out?”\n\n“A little.”\n\n"
    )
    tagged = "\n\n“I will show you the pond,” he said."
    text = talk + "The first time that Paul left the house Tom took him round the farm." + tagged
    assert names(text)[-1] == "Tom Webb"
    text = talk + "The first time Paul left the house Tom took him round the farm." + tagged
    assert names(text)[-1] == "Paul Hale"


def test_the_boy_is_no_one_called_mister() -> None:
    text = (
        "Mr. Crane and Tom Pike sat by the fire when Ned Bates came in.\n\n"
        "“Let me go into the other room,” said the boy.\n\n"
        "“Stay where you are,” said Tom Pike.\n\n"
        "“Don't come near me,” said the boy."
    )
    assert names(text) == ["Ned Bates", "Tom Pike", "Ned Bates"]


def _present_names(text: str) -> set[str]:
    """The characters `_present` finds in the talk of all ``text``'s turns."""
    from quoteattr import _attribution, _conversation, _entities, _layout, _marks
    from quoteattr._cues import CueLexicon
    from quoteattr._document import Document
    from quoteattr._sentences import SentenceSplitter

    paragraphs = _layout.paragraphs(text)
    doc = Document(text, paragraphs, SentenceSplitter(), CueLexicon.load(()))
    links = _attribution.attribute(doc, _marks.find_quotations(text, paragraphs, _marks.FAMILIES))
    turns = _conversation._turns(doc, links)
    cast = _conversation._Cast(doc, _entities.Genders(doc))
    found = _conversation._present(doc, turns, 0, len(turns), cast)
    return {key for key, ch in cast.by_text.items() if ch is not None and ch.index in found}


@pytest.mark.parametrize(
    ("narration", "present"),
    [
        ("Professor Varga looked at her hands.", {"professor varga"}),
        # A designation of the one person the text titles so counts as her name.
        ("The Professor looked at her hands.", {"professor varga"}),
        ("The lamp shone on the Professor.", set()),
        ("The rain went on.", set()),
    ],
)
def test_a_talk_s_narration_names_or_designates_who_is_present(
    narration: str, present: set[str]
) -> None:
    text = (
        "Professor Varga came in and sat down.\n\n"
        "“Sit down, please,” said Dr. Ruiz.\n\n“Thank you.”\n\n"
        f"{narration}\n\n“And then?”\n\n“Then I went to bed.”"
    )
    assert _present_names(text) == present


def test_the_lady_in_lower_case_is_no_title() -> None:
    # "the lady" is any woman of the scene, not Lady Webb of the town's talk.
    text = (
        "Lady Webb had given a dinner on Friday, and the town talked of nothing else.\n\n"
        "On Monday Ann Hale came into the shop and sat down by Tom Pike.\n\n"
        "“You look tired,” said Tom Pike.\n\n"
        "“I am,” said the lady. “I walked all the way.”"
    )
    assert names(text) == ["Tom Pike", "Ann Hale", "Ann Hale"]
    # "the Doctor" and "the doctor" are one title.
    text = "Dr. Ruiz came in.\n\n“You are late,” said Ann.\n\n“I was kept,” said the doctor."
    assert names(text)[-1] == "Dr. Ruiz"


@pytest.mark.parametrize("inner", ["‘Dear Anne, I am sorry.’", "'Dear Anne, I am sorry.'"])
def test_a_name_inside_a_quotation_within_the_turn_calls_no_one(inner: str) -> None:
    text = (
        "“The tea is ready,” said Anne, and went out again.\n\n"
        "“Tom, have you written to the school?” said Mary.\n\n"
        f"“Yes. I began: {inner}”\n\n"
        "“That will do.”\n\n"
        "“I hope so.”"
    )
    assert names(text) == ["Anne", "Mary", "Tom", "Mary", "Tom"]


def test_two_thoughts_in_a_row_are_one_thinkers_not_an_alternation() -> None:
    # A thought answers no one: the alternation of the talk does not lead into it.
    text = (
        "Tom Hale and Dr. Ruiz sat by the fire. It was late, and the rain had not stopped"
        " all day; the lamps were low and the dog was asleep on the rug.\n\n"
        "“Shall we go?” said Dr. Ruiz.\n\n“Not yet,” said Tom Hale.\n\n"
        "“He is tired of me,” he thought.\n\n“He was always tired of me,” he thought."
    )
    first, second = extract_quotes(text)[-2:]
    assert first.entity is not None and second.entity is not None
    assert first.entity.name == second.entity.name


@pytest.mark.parametrize(
    ("answer", "tag"), [("“Dale,” said Tom.", ""), ("“Dale, ma'am.”", ", said Tom")]
)
def test_a_quotation_that_is_only_a_name_answers_and_calls_no_one(answer: str, tag: str) -> None:
    text = (
        "“I shall send word by the morning post,” said Dale, and went out.\n\n"
        "“Who sent this parcel?” asked Mary.\n\n"
        f"{answer}\n\n"
        "“Then we must thank him.”\n\n"
        f"“I will write tonight”{tag}."
    )
    assert names(text) == ["Dale", "Mary", "Tom", "Mary", "Tom"]


def test_a_turn_decoded_as_the_narrator_takes_the_i_of_its_own_paragraph() -> None:
    text = (
        "“Where were you last night?” asked Tom.\n\n"
        "“At home,” I said.\n\n"
        "“All night?”\n\n"
        "“All night,” I said.\n\n"
        "“Nobody saw you there.”\n\n"
        "“Nobody needed to,” I said.\n\n"
        "He frowned at the floor.\n\n"
        "“Then who took the horse?”\n\n"
        "I met his eyes, too. “I cannot tell you.”"
    )
    last = extract_quotes(text)[-1]
    assert last.speaker is not None
    assert last.speaker.start == text.index("I met")


def test_a_name_that_answers_a_question_calls_no_one_though_more_follows() -> None:
    answer = (
        "“I shall send word by the morning post,” said Dale, and went out.\n\n"
        "“Who sent this parcel?” asked Mary.\n\n"
        "“Dale,” said Tom. “He sends one every week.”\n\n"
        "“Then we must thank him.”\n\n"
        "“I will write tonight.”"
    )
    assert names(answer)[-2:] == ["Mary", "Tom"]
    call = (
        "“I shall send word by the morning post,” said Dale, and went out.\n\n"
        "“The parcel came,” said Mary.\n\n"
        "“Dale,” said Tom. “Come back here.”\n\n"
        "“Yes?”\n\n"
        "“You forgot your hat.”"
    )
    assert names(call)[4] == "Dale"


def test_said_the_other_after_narration_is_not_the_one_who_acted() -> None:
    # "the other" of the two just involved: Ann acted last, so the voice before goes on.
    text = (
        "“Is it true?” asked Mrs. Ames.\n\n“Quite true,” said Ann Webb.\n\n“And the house?”\n\n"
        "“Sold.”\n\n“Such news!” said Mrs. Ames.\n\n"
        "Ann Webb answered only with a tired look.\n\n"
        "“Sit down,” said the other, “and tell me all.”"
    )
    assert names(text)[-1] == "Mrs. Ames"


def test_the_other_man_is_not_the_last_voice() -> None:
    text = (
        "Tom Hale walked with Dr. Ruiz along the quay.\n\n"
        "“The tide is late,” said Dr. Ruiz.\n\n"
        "“That is a notion,” said the other man."
    )
    assert names(text) == ["Dr. Ruiz", "Tom Hale"]


def test_her_ladyship_is_the_lady_of_the_scene() -> None:
    # "her ladyship" is the woman titled Lady, not the last man or woman to speak.
    text = (
        "Lady Dorn sat by the fire with Sir Hugh Dorn and Mrs. Ames, her old friend.\n\n"
        "“Will you have tea?” asked Mrs. Ames.\n\n"
        "“No, thank you,” said Sir Hugh.\n\n"
        "“I will,” added her ladyship, “if it is hot.”"
    )
    assert names(text)[-2:] == ["Lady Dorn", "Lady Dorn"]


def test_the_englishman_is_a_description_where_the_text_says_an_englishman() -> None:
    # "an Englishman" elsewhere makes "the Englishman" a kind of person, read like "the
    # man": the Englishman at hand, not a character of his own.
    text = (
        "Tom Hale sat on the bench at the club with Ann Webb. An Englishman and an "
        "Indian could hardly meet there, and an Englishman is never at ease.\n\n"
        "“Will you have tea?” asked Ann.\n\n"
        "“No, thank you,” said the Englishman. “I must go.”\n\n"
        "“Then go,” she said.\n\n"
        "“Very well,” said Tom."
    )
    assert names(text)[1:3] == ["Tom Hale", "Tom Hale"]
    # Named only "the Ferryman", never "a Ferryman": a designation, a character of its own.
    text = (
        "Tom Hale sat on the bench at the quay with Ann Webb.\n\n"
        "“Will you have tea?” asked Ann.\n\n"
        "“No, thank you,” said the Ferryman. “I must go.”"
    )
    assert names(text)[1] == "Ferryman"


def test_a_pronoun_in_a_sentence_of_its_own_yields_to_the_decoded_speaker() -> None:
    # "He frowned" after an untagged answer is the one answered, not its speaker: the
    # turn-taking's woman speaks. A pronoun in the quotation's own sentence stays.
    turns = (
        "“Where are you going?” asked Tom Hale.\n\n“To the mill,” said Ann Webb.\n\n"
        "“Why the mill?” asked Tom.\n\n"
    )
    own = turns + "“It is broken.” He frowned and looked away.\n\n“Then I will come,” said Tom."
    assert names(own)[3] == "Ann Webb"
    assert extract_quotes(own)[3].rule == "turn_taking"
    same = turns + "“It is broken,” and he frowned.\n\n“Then I will come,” said Tom."
    assert names(same)[3] == "Tom Hale"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ann Webb and Tom Hale sat by the fire.\n\n“Is it late?” asked Ann Webb.\n\n"
            "Tom Hale looked at the clock on the wall.\n\n"
            "“Not yet. My husband will be home at six.”\n\n“Then I will wait for him.”",
            "Ann Webb",
        ),
        (
            "Tom Hale and Ann Webb sat by the fire.\n\n“Is the gate shut?” asked Tom Hale.\n\n"
            "Ann Webb looked out of the window.\n\n"
            "“I could not say. My poor wife shut it last night.”\n\n“Then I will go and see.”",
            "Tom Hale",
        ),
    ],
)
def test_a_turn_that_speaks_of_my_husband_or_my_wife_gives_its_speakers_sex(
    text: str, speaker: str
) -> None:
    # The narration's subject would speak next; "my husband" is a woman's words.
    assert names(text)[2] == speaker


def test_a_story_of_several_paragraphs_goes_on_with_its_teller() -> None:
    # The listener's "Go on," and a chapter heading between two quotations of several
    # paragraphs: the teller of the first tells the second, not the one who spoke last.
    text = (
        "Tom Hale sat by the fire with Ann Webb.\n\n"
        "“You are late,” said Ann.\n\n“The river was high,” said Tom.\n\n"
        "“Tell me how you crossed it.”\n\n“I hardly know.”\n\n"
        "“Try,” said Ann.\n\n"
        "“It was late in the year,” said Tom. “The ice was thin, and the ferry had "
        "gone down to the town for the winter.\n\n"
        "“I walked along the bank for an hour and found nobody.\n\n"
        "“At last I saw a light on the other side.”\n\n"
        "“Go on,” she said.\n\n"
        "CHAPTER II\n\n"
        "“It was an old man with a lantern. He had a boat drawn up in the reeds.\n\n"
        "“He rowed me over without a word, and would not take my money.”\n\n"
        "“A kind man,” said Ann."
    )
    quotes = extract_quotes(text)
    assert quotes[8].text.startswith("It was an old man")
    assert names(text)[8] == "Tom Hale"


def test_the_one_whose_arrival_the_narration_tells_speaks_next() -> None:
    # "disturbed by the arrival of Paul Reed": the newcomer, not Tom whom the
    # sentence's "he" is about, says "he said" next.
    text = (
        "“Where is the key?” asked Tom Hale.\n\n“On the hook,” said Ann Webb.\n\n"
        "“Thank you,” said Tom.\n\n"
        "Tom sat down by the fire with the paper. After supper he was disturbed by the"
        " arrival of Paul Reed.\n\n“You left early yesterday,” he said."
    )
    assert names(text)[-1] == "Paul Reed"


def test_a_vocative_across_narration_pulls_less_than_next_to_it() -> None:
    # "Quite alone, Tom." would make the next turn Tom's; past a paragraph of narration
    # about Ann, she goes on as often as Tom answers, and her narration decides.
    text = (
        "Ann Webb and Tom Hale stood in the hall.\n\n"
        "“Where were you?” asked Tom Hale.\n\n"
        "“Out in the garden,” said Ann Webb.\n\n"
        "“Alone?”\n\n"
        "“Quite alone, Tom.”\n\n"
        "Ann Webb turned away and looked out at the rain for a long while.\n\n"
        "“I did not see anyone at all.”\n\n"
        "Then the clock struck six, and the house was quiet again."
    )
    assert names(text)[-1] == "Ann Webb"


def test_a_thought_reads_the_narration_a_few_paragraphs_back() -> None:
    # "he thought" after a paragraph of setting with no name: the thinker is the subject
    # of the narration before it, not the voice the talk would give next.
    text = (
        "“Will you come tomorrow?” asked Paul Reed.\n\n“Perhaps,” said Tom Hale.\n\n"
        "“Then good night,” said Paul.\n\n"
        "Tom Hale walked home along the river in the dark, and Paul Reed went back to the"
        " inn.\n\nThe water was high under the bridge, and the wind was cold.\n\n"
        "“It will flood by morning,” he thought."
    )
    assert names(text)[-1] == "Tom Hale"


def test_a_form_of_address_across_narration_weighs_half() -> None:
    # "Yes, sir." says the turn next to it is a man's; past a paragraph of narration,
    # half as surely.
    from quoteattr._conversation import ADDRESSED_GENDER, VOCATIVE_GAP, _emission

    woman, man = _Char(0, None, "f"), _Char(1, None, "m")
    sir = _Evidence()
    sir.addressed = "m"
    next_to = _emission(_Evidence(), [woman, man], sir)
    across = _emission(_Evidence(), [woman, man], sir, False, VOCATIVE_GAP)
    assert next_to == [-ADDRESSED_GENDER, 0.0]
    assert across == [-ADDRESSED_GENDER * VOCATIVE_GAP, 0.0]
