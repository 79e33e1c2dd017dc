"""Entities: speaker mentions grouped under one canonical name per person."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import QuoteExtractor, _entities, _layout, extract_quotes
from quoteattr._cues import CueLexicon
from quoteattr._document import Document
from quoteattr._models import Mention
from quoteattr._sentences import SentenceSplitter


def document(text: str) -> Document:
    return Document(text, _layout.paragraphs(text), SentenceSplitter(), CueLexicon.load(()))


def name(text: str) -> _entities._Name:
    return _entities._Name(Mention(0, len(text), text, "name"))


def test_given_name_completed_by_the_surname_that_follows_it() -> None:
    doc = document(
        "Mabel Varley had never seen the hills. Mabel Varley wanted to see them.\n\n"
        "Mabel was tired."
    )
    full = _entities.fuller_form(doc, name("Mabel"), {})
    assert full is not None and full.canonical == "Mabel Varley"


def test_surname_with_honorific_completed_by_the_full_name() -> None:
    doc = document("Mabel Varley sat down. Mabel Varley was tired.\n\nMiss Varley left.")
    full = _entities.fuller_form(doc, name("Miss Varley"), {})
    assert full is not None and full.canonical == "Mabel Varley"


def test_given_name_is_not_completed_by_the_words_before_it() -> None:
    doc = document(
        "They went to the Harvest Thanksgiving Martin had planned. "
        "After the Harvest Thanksgiving Martin slept.\n\nMartin woke at noon."
    )
    assert _entities.fuller_form(doc, name("Martin"), {}) is None


def test_honorific_of_the_other_gender_is_not_a_fuller_form() -> None:
    doc = document("Mrs. Fenwick Lane came. Mrs. Fenwick Lane left.\n\nMr. Lane stayed.")
    full = _entities.fuller_form(doc, name("Mr. Lane"), {})
    assert full is None or "Mrs" not in full.canonical


def test_gender_evidence_skips_titled_occurrences() -> None:
    text = (
        "Mrs Tapley said she was tired. Mrs Tapley said she would go. "
        "Tapley said he would stay. Tapley thought he was right. Tapley knew he was."
    )
    genders = _entities.Genders(document(text))
    assert genders.of(Mention(0, 6, "Tapley", "name")) == "m"


def test_surname_alone_keeps_apart_from_the_mother_of_the_other_gender() -> None:
    text = (
        "Tapley said he was tired. Tapley thought he would stay. Tapley knew he was right.\n\n"
        "“Good night,” said Mrs Tapley.\n\n"
        "“Good night, Mother,” said Tapley."
    )
    got = [q.entity.name if q.entity else None for q in extract_quotes(text)]
    assert got == ["Mrs Tapley", "Tapley"]


def test_lone_given_name_and_full_name_are_one_entity() -> None:
    text = (
        "Mabel Varley looked at the hills. Mabel Varley had come a long way.\n\n"
        "“How beautiful it is,” said Mabel.\n\n"
        "“It is,” said Miss Varley later, “more than I hoped.”"
    )
    quotes = extract_quotes(text)
    assert {q.entity.name for q in quotes if q.entity} == {"Mabel Varley"}


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Mary", "Tom Smith", "Smith", "Mr. Smith", "Mrs. Smith", "she", "he"]),
        min_size=1,
        max_size=8,
    )
)
def test_every_speaker_mention_has_an_entity_with_its_offsets(speakers: list[str]) -> None:
    text = "\n\n".join(f"“Line number {i}.” said {s}." for i, s in enumerate(speakers))
    for q in QuoteExtractor().extract(text):
        assert q.speaker is not None
        if q.speaker.kind != "pronoun":
            assert q.entity is not None
        if q.entity is not None:
            assert q.entity.name
            for m in q.entity.mentions:
                assert text[m.start : m.end] == m.text


def test_a_title_case_headline_is_no_full_form_of_a_name() -> None:
    text = (
        "Washington Post Hit Piece Exploits Trump\n\n"
        "A reader wrote that Washington Post Hit Piece Exploits Trump.\n\n"
        "“We will win,” Trump said."
    )
    (quote,) = extract_quotes(text)
    assert quote.entity is not None and quote.entity.name == "Trump"


def test_a_possessive_is_not_part_of_the_name() -> None:
    assert name("Tony Webb's").name_words == ["Tony", "Webb"]
    assert name("Mrs Smith’s").surname == "smith"
    assert name("Mrs Smith’s").canonical == "Mrs Smith"
    assert name("Ross").name_words == ["Ross"]  # a name ending in s is left alone


def test_a_word_after_the_article_gives_no_gender_evidence() -> None:
    text = (
        "The salons of the Casino were full when she came. She loved the Casino; "
        "in the Casino she was happy. The Casino closed and she left."
    )
    assert _entities.Genders(document(text)).of(Mention(18, 24, "Casino", "name")) == "x"
    person = text.replace("the Casino", "Casino").replace("The Casino", "Casino")
    assert _entities.Genders(document(person)).of(Mention(14, 20, "Casino", "name")) == "f"


def test_miss_and_mrs_of_one_surname_are_two_people() -> None:
    # Once "Mrs. Pentreath" is completed as "Lavinia Pentreath", the best form has no
    # honorific left: the cluster still remembers it was a married woman.
    cluster = _entities._Cluster("person")
    cluster.add(name("Mrs. Pentreath"))
    cluster.add(name("Lavinia Pentreath"))
    assert not cluster.accepts(name("Miss Pentreath"))
    assert cluster.accepts(name("Mrs. Pentreath"))
    assert cluster.accepts(name("Pentreath"))


def test_miss_cluster_refuses_a_mrs() -> None:
    cluster = _entities._Cluster("person")
    cluster.add(name("Miss Varley"))
    assert not cluster.accepts(name("Mrs. Varley"))
    assert cluster.accepts(name("Mabel Varley"))


def _entity_names(text: str) -> list[str | None]:
    return [q.entity.name if q.entity else None for q in extract_quotes(text)]


def test_mrs_and_a_surname_shared_by_daughters_is_not_completed() -> None:
    text = (
        "Rose Penrith and Selina Penrith walked to the gate. Rose Penrith laughed. "
        "Selina Penrith did not.\n\n"
        "“You are late,” said Mrs. Penrith.\n\n"
        "“We walked slowly,” said Rose."
    )
    assert _entity_names(text) == ["Mrs. Penrith", "Rose Penrith"]


def test_a_given_name_does_not_join_the_mrs_of_a_family() -> None:
    cluster = _entities._Cluster("person")
    cluster.add(name("Mrs. Penrith"))
    cluster.apart = True  # set by `resolve` when the surname is shared
    assert not cluster.accepts(name("Rose Penrith"))
    assert cluster.accepts(name("Mrs. Penrith"))


def test_a_wife_named_after_her_husband_is_her_own_person() -> None:
    wife = name("Mrs. Edward Fenwick")
    assert wife.wife and wife.first is None
    assert wife.canonical == "Mrs. Edward Fenwick"
    cluster = _entities._Cluster("person")
    cluster.add(name("Edward Fenwick"))
    assert not cluster.accepts(wife)
    assert not name("Mrs. Anna Fenwick").wife
    text = (
        "Edward Fenwick bought the farm.\n\n"
        "“It is too dear,” said Mrs. Edward Fenwick.\n\n"
        "“It is cheap,” said Edward Fenwick."
    )
    assert _entity_names(text) == ["Mrs. Edward Fenwick", "Edward Fenwick"]


def test_the_honorific_next_to_the_name_is_the_persons() -> None:
    assert name("Mrs. Miss Varley").honorific == "Miss"
    assert name("Mrs. Miss Varley").canonical == "Miss Varley"


def test_a_surname_resolved_from_he_does_not_join_the_mrs() -> None:
    text = (
        "Mrs. Thorne came into the room.\n\n"
        "“Breakfast is ready,” said Mrs. Thorne.\n\n"
        "Thorne looked up from the paper. “Thank you,” he said."
    )
    names = _entity_names(text)
    assert names[0] == "Mrs. Thorne"
    assert names[1] != "Mrs. Thorne"


def test_a_surname_only_men_carry_is_a_mans() -> None:
    text = (
        "Mr. Harlow opened the meeting. John Harlow had chaired it for years. "
        "Harlow read the minutes and the senator listened."
    )
    genders = _entities.Genders(document(text))
    assert genders.of(Mention(0, 6, "Harlow", "name")) == "m"
    both = text.replace("John Harlow", "Mrs. Harlow")
    assert _entities.Genders(document(both)).of(Mention(0, 6, "Harlow", "name")) == "x"


def test_a_woman_called_by_her_given_name_is_not_the_mrs_of_her_surname() -> None:
    story = " ".join(f"Lottie walked to the {place}." for place in ["gate", "well", "barn"] * 4)
    text = (
        f"Lottie Marsh lived with her mother. {story}\n\n"
        "“You will catch cold,” said Mrs. Marsh.\n\n"
        "“I never do,” said Lottie."
    )
    assert _entity_names(text) == ["Mrs. Marsh", "Lottie Marsh"]
    married = text.replace("Lottie walked", "She walked")
    assert _entity_names(married)[0] == "Lottie Marsh"  # one Marsh woman, rarely "Lottie"


def test_a_given_name_is_completed_by_a_surname_of_two_words() -> None:
    doc = document(
        "Nadia Abdul Rahmani spun round on her stool. Nadia Abdul Rahmani laughed.\n\n"
        "Nadia was tired."
    )
    full = _entities.fuller_form(doc, name("Nadia"), {})
    assert full is not None and full.canonical == "Nadia Abdul Rahmani"
    plain = document("Mabel Varley sat down. Mabel Varley Went home.\n\nMabel was tired.")
    full = _entities.fuller_form(plain, name("Mabel"), {})
    assert full is not None and full.canonical == "Mabel Varley"


def test_mrs_before_a_word_no_given_name_list_has_is_a_wife_form() -> None:
    wife = name("Mrs. Thornbury Dorn")
    assert wife.wife and wife.canonical == "Mrs. Thornbury Dorn"
    cluster = _entities._Cluster("person")
    cluster.add(wife)
    assert not cluster.accepts(name("Mrs. Dorn"))
    assert not name("Mrs. Anna Dorn").wife


def test_lady_and_a_surname_is_a_married_woman() -> None:
    assert _entities._marital(name("Lady Ferrand")) == "mrs"
    assert _entities._marital(name("Lady Glenda")) == ""  # a given name: an earl's daughter
    cluster = _entities._Cluster("person")
    cluster.add(name("Lady Ferrand"))
    assert not cluster.accepts(name("Miss Ferrand"))


def test_a_surname_with_an_apostrophe_or_a_capital_inside_is_one_word() -> None:
    for surname in ["O'Hara", "McBryde", "Grant-Menzies"]:
        doc = document(f"Nora {surname} sat down. Nora {surname} smiled.\n\nNora left.")
        full = _entities.fuller_form(doc, name("Nora"), {})
        assert full is not None and full.canonical == f"Nora {surname}"


def test_a_rank_and_a_surname_shared_by_several_men_is_not_a_given_name() -> None:
    doc = document(
        "Henry Ashby rode out. Henry Ashby stayed. Mr. Ashby wrote letters.\n\n"
        "General Ashby came home."
    )
    general = name("General Ashby")
    general.gender = "m"
    shared = _entities.shared_surname(doc, general, {})
    assert shared == frozenset(["ashby"])
    cluster = _entities._Cluster("person")
    cluster.add(name("Henry Ashby"))
    assert not cluster.accepts(general, shared)
    assert cluster.accepts(general)


def test_a_military_rank_is_not_the_mr_nor_another_rank_of_the_surname() -> None:
    # Officers go by their rank: "General Ashby" is the father, "Mr. Ashby" a son,
    # "Captain Ashby" another son.
    cluster = _entities._Cluster("person")
    cluster.add(name("Ashby"))
    cluster.add(name("Mr. Ashby"))
    assert not cluster.accepts(name("General Ashby"))
    assert cluster.accepts(name("Ashby"))
    general = _entities._Cluster("person")
    general.add(name("General Ashby"))
    assert not general.accepts(name("Mr. Ashby"))
    assert not general.accepts(name("Captain Ashby"))
    assert general.accepts(name("General Ashby"))
    assert general.accepts(name("Ashby"))
    text = (
        "“The roads are bad,” said Mr. Ashby.\n\n"
        "“Then we stay,” said General Ashby.\n\n"
        "“As you wish,” said Captain Ashby."
    )
    quotes = extract_quotes(text)
    entities = [q.entity for q in quotes]
    assert all(e is not None for e in entities)
    assert len({id(e) for e in entities}) == 3


def test_a_lone_given_name_is_not_the_sir_of_that_given_name() -> None:
    # "Sir Hugh" goes by the title and the given name: a lone "Hugh" beside him is the
    # other Hugh of the text, however recent Sir Hugh is.
    text = (
        "“The roads are bad,” said Mr. Hugh Penrose.\n\n"
        "“Then we stay,” said Sir Hugh.\n\n"
        "“As you wish,” said Hugh."
    )
    assert _entity_names(text) == ["Hugh Penrose", "Sir Hugh", "Hugh Penrose"]
    alone = "“Then we stay,” said Sir Hugh.\n\n“As you wish,” said Hugh."
    assert _entity_names(alone) == ["Sir Hugh", "Sir Hugh"]


def test_mr_and_the_surname_of_a_knights_family_is_his_eldest_son() -> None:
    # Sir Roger heads the family; "Mr. Giles Dunmore" is a younger son, so the family's
    # "Mr. Dunmore" is the one man left, Tom.
    text = (
        "Sir Roger Dunmore had two sons, Tom Dunmore and Mr. Giles Dunmore, and a "
        "daughter, Kitty Dunmore. Tom Dunmore rode well.\n\n"
        "“The roads are bad,” said Mr. Dunmore."
    )
    assert _entity_names(text) == ["Tom Dunmore"]
    untitled = text.replace("Sir Roger Dunmore", "Roger Dunmore")
    assert _entity_names(untitled) == ["Mr. Dunmore"]


def test_underscores_of_italics_are_no_part_of_a_name() -> None:
    assert name("_Sir Hugh_").canonical == "Sir Hugh"
    assert name("Hugh_ Penrose").first == "hugh"


def test_a_word_after_an_indefinite_article_gives_no_gender_evidence() -> None:
    text = (
        "Then a Hindu came to the gate and he knocked. He waited. Later an Englishman "
        "sat by the well; he slept. The rajah said a Hindu was there and he was tired. "
        "Every Englishman knew he was late."
    )
    genders = _entities.Genders(document(text))
    assert genders.of(Mention(7, 12, "Hindu", "name")) == "x"
    assert genders.of(Mention(60, 70, "Englishman", "name")) == "x"


def test_a_pronoun_after_another_name_is_no_evidence() -> None:
    text = (
        "Crane looked at Nancy and she laughed. Crane called to Nancy; she came. "
        "Crane met Mary, and she smiled."
    )
    genders = _entities.Genders(document(text))
    assert genders.of(Mention(0, 5, "Crane", "name")) == "x"
    direct = "Crane laughed and she looked away. Crane nodded; she smiled. Crane sat, she stood."
    assert _entities.Genders(document(direct)).of(Mention(0, 5, "Crane", "name")) == "f"


def test_a_books_pronouns_override_the_given_name_list() -> None:
    # "Gwen" is listed as a woman's name; this book gives it to a boy.
    text = " ".join(f"Gwen ran to the {p} and he laughed." for p in ["gate", "barn"] * 6)
    genders = _entities.Genders(document(text))
    assert genders.of(Mention(0, 4, "Gwen", "name")) == "m"
    few = " ".join(f"Gwen ran to the {p} and he laughed." for p in ["gate", "barn"])
    assert _entities.Genders(document(few)).of(Mention(0, 4, "Gwen", "name")) == "f"
    assert _entities.Genders(document(text)).of(Mention(0, 9, "Mrs. Gwen", "name")) == "f"


def test_mrs_is_shared_with_the_men_of_her_surname_mr_is_not_with_the_women() -> None:
    doc = document(
        "Clara Dorn came home. Mrs. Dorn was ill, Mr. Dorn was out, and Henry "
        "Dorn was at sea. Roland Fenwick called on Mrs. Fenwick and Jenny Fenwick."
    )
    assert _entities.shared_surname(doc, name("Mrs. Dorn"), {}) == frozenset(["dorn"])
    assert _entities.shared_surname(doc, name("Mr. Fenwick"), {}) == frozenset()


def test_the_given_name_count_is_made_once_per_honorific_and_surname() -> None:
    story = " ".join("Lottie walked to the gate." for _ in range(12))
    doc = document(f"Lottie Marsh lived here. {story} Mrs. Marsh waited.")
    forms = _entities._forms_of(doc, "Marsh")
    assert _entities._goes_by_given(doc, name("Mrs. Marsh"), forms)
    (key,) = [k for k in doc._facts if k[0] == "given"]
    doc._facts[key] = False  # a second question reads the stored answer
    assert not _entities._goes_by_given(doc, name("Mrs. Marsh"), forms)


def test_an_adjective_before_a_name_is_no_given_name() -> None:
    # "Floating Tobble" twice, but "floating" is an ordinary word of the text: the
    # given name is Edward's.
    text = (
        "His name was Edward Tobble. The boys called him Floating Tobble, for the way he "
        "drifted about; floating leaves reminded them of him. Everyone knew Floating Tobble.\n\n"
        "“Is anyone at home?” said Tobble.\n\nNobody answered.\n"
    )
    q = extract_quotes(text)[0]
    assert q.entity is not None and q.entity.name == "Edward Tobble"


def test_an_honorific_after_the_name_makes_a_woman_apart_from_her_husband() -> None:
    text = (
        "Karim came home late. His wife, Ayesha Begum, was waiting.\n\n"
        "“You are late,” said Ayesha Begum.\n\n“The train was slow,” said Karim.\n\n"
        "“Sit down,” he said.\n"
    )
    got = [(q.entity.name if q.entity else None) for q in extract_quotes(text)]
    assert got == ["Ayesha Begum", "Karim", "Karim"]


def test_a_name_with_an_honorific_after_it() -> None:
    n = name("Ayesha Begum")
    assert (n.honorific, n.gender, n.canonical) == ("Begum", "f", "Ayesha Begum")
    assert n.compatible(name("Ayesha"))  # "Ayesha" alone is the same woman
    assert not n.compatible(name("Mr. Ayesha"))
    assert name("Hamid Sahib").gender == "m"


def test_her_aunt_is_the_aunt_the_document_names() -> None:
    text = (
        "Aunt Maud had come to stay. Aunt Maud liked the garden. Everyone loved Aunt "
        "Maud, and Aunt Maud knew it. Aunt Maud stayed a week.\n\n"
        "“Clara, come here,” cried her aunt.\n\n“Coming,” said Clara.\n"
    )
    q = extract_quotes(text)[0]
    assert q.entity is not None and q.entity.name == "Aunt Maud"


def test_her_aunt_among_aunts_named_alike_often_stays_a_description() -> None:
    text = (
        "Aunt Jane and Aunt Mary came. Aunt Jane sat; Aunt Mary stood. Aunt Jane and "
        "Aunt Mary spoke. Aunt Jane left, then Aunt Mary. Aunt Jane returned with Aunt Mary.\n\n"
        "“Clara, come here,” cried her aunt.\n"
    )
    q = extract_quotes(text)[0]
    assert q.entity is not None and q.entity.name == "her aunt"


_FORM_WORDS = st.sampled_from(
    "Ana Ruiz Mr. Dr van der de said the and He she Senator O’Neil J. U.S. , . “ ” ( — "
    "Poor poor Webb's Ruiz-Webb 1990".split()
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_FORM_WORDS, st.sampled_from([" ", "  ", "\n", "", " \n "])), max_size=40)
)
def test_name_forms_read_near_the_surname_match_the_whole_window(
    words: list[tuple[str, str]],
) -> None:
    # The short cut (tokens back to a word no name crosses) finds the forms that
    # reading the whole window before each occurrence finds.
    text = "".join(w + sep for w, sep in words) + " Ruiz said."
    fast = [(f.canonical, f.name_words) for f in _entities._find_forms(document(text), "Ruiz")]
    saved = _entities._last_names
    try:
        _entities._last_names = lambda *args: None  # type: ignore[assignment]
        slow = [(f.canonical, f.name_words) for f in _entities._find_forms(document(text), "Ruiz")]
    finally:
        _entities._last_names = saved  # type: ignore[assignment]
    assert fast == slow


def test_a_name_read_again_is_read_the_same_and_owns_its_fields() -> None:
    a = _entities._Name(Mention(0, 20, "Health Minister Ana Ruiz", "name"))
    a.gender = "f"
    a.name_words.append("Jr.")
    b = _entities._Name(Mention(40, 60, "Health Minister Ana Ruiz", "name"))
    assert (b.title, b.first, b.surname, b.name_words) == (
        "Health Minister",
        "ana",
        "ruiz",
        ["Ana", "Ruiz"],
    )
    assert b.gender == _entities._Name(Mention(0, 3, "Ana", "name")).gender
    assert b.mention.start == 40


@pytest.mark.parametrize(
    ("full", "short"),
    [("Daniel Novak", "Novak"), ("Rand Paul", "Paul"), ("Tom Graham", "Graham")],
)
def test_a_surname_the_given_name_list_holds_links_to_the_full_name(full: str, short: str) -> None:
    # A given name before it makes the word a surname: "Novak said" is Daniel Novak.
    text = f"{full} said: “We will keep fighting.”\n\n“The law is a mistake,” {short} said."
    names = [q.entity.name if q.entity else None for q in extract_quotes(text)]
    assert names == [full, full]


def test_a_bare_surname_is_the_bearer_the_document_names_most_with_it() -> None:
    text = (
        "Gideon Ravenhill kept the mill. Gideon Ravenhill rose early, and Gideon "
        "Ravenhill counted the sacks. His nephew Crispin Ravenhill came in the spring.\n\n"
        "“The wheel is stuck,” said Crispin.\n\n"
        "“Then mend it,” said Ravenhill."
    )
    assert _entity_names(text) == ["Crispin Ravenhill", "Gideon Ravenhill"]


def test_surname_owner_needs_a_clear_lead() -> None:
    doc = document(
        "Gideon Ravenhill came. Gideon Ravenhill sat. Gideon Ravenhill slept. "
        "Crispin Ravenhill left.\n\nRavenhill woke."
    )
    bare = name("Ravenhill")
    assert _entities.surname_owner(doc, bare, {}, "x") == "gideon"
    assert _entities.surname_owner(doc, name("Mr. Ravenhill"), {}, "x") is None
    cluster = _entities._Cluster("person")
    cluster.add(name("Crispin Ravenhill"))
    assert not cluster.accepts(bare, owner="gideon")
    assert cluster.accepts(bare)
    even = document(
        "Gideon Ravenhill came. Gideon Ravenhill sat. Crispin Ravenhill left. "
        "Crispin Ravenhill ran.\n\nRavenhill woke."
    )
    assert _entities.surname_owner(even, bare, {}, "x") is None


def test_a_bare_surname_takes_the_sex_of_the_pronoun_right_after_it() -> None:
    text = (
        "Gideon Ravenhill opened the shop. Philippa Ravenhill ran it. Philippa Ravenhill "
        "kept the books, and Philippa Ravenhill paid the men.\n\n"
        "“Trade is slow,” Ravenhill said, and he shut the ledger."
    )
    assert _entity_names(text) == ["Gideon Ravenhill"]


def test_a_lone_given_name_is_not_the_bearer_called_by_his_surname() -> None:
    # Two Crispins: the text calls one "Ravenhill", so a lone "Crispin" is the other,
    # though "Ravenhill" spoke last.
    text = (
        "Crispin Ravenhill came to stay. Ravenhill was a banker. Ravenhill liked the "
        "garden, and Ravenhill slept late. Ravenhill went out. Little Crispin Dunmore "
        "lived next door with Crispin Dunmore's mother.\n\n"
        "“I want a kite,” said Crispin Dunmore.\n\n"
        "“You shall have one,” said Ravenhill.\n\n"
        "“A red one,” said Crispin."
    )
    assert _entity_names(text) == ["Crispin Dunmore", "Crispin Ravenhill", "Crispin Dunmore"]


def test_a_lone_given_name_is_completed_to_the_bearer_not_called_by_his_surname() -> None:
    # "Tobias Thackwell" is the commoner full form, but the text calls him "Thackwell";
    # the boy it calls "Tobias" is Tobias Pennifold.
    doc = document(
        "Tobias Thackwell owned the mill. Tobias Thackwell was rich. Tobias Thackwell "
        "was old. Thackwell smoked. Thackwell frowned. Thackwell slept. Thackwell ate. "
        "Thackwell left. Thackwell sang. Thackwell wept. Tobias Pennifold was his clerk's "
        "boy. Tobias Pennifold ran.\n\n"
        "Tobias waved."
    )
    full = _entities.fuller_form(doc, name("Tobias"), {})
    assert full is not None and full.canonical == "Tobias Pennifold"


def test_a_lone_given_name_of_one_bearer_called_by_his_surname_is_still_completed() -> None:
    doc = document(
        "Tobias Thackwell owned the mill. Tobias Thackwell was rich. Thackwell smoked. "
        "Thackwell frowned. Thackwell slept. Thackwell ate.\n\nTobias waved."
    )
    full = _entities.fuller_form(doc, name("Tobias"), {})
    assert full is not None and full.canonical == "Tobias Thackwell"
