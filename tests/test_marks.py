"""The quotation-mark stage: classification, pairing, nesting, paragraphs."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import _marks
from quoteattr._marks import _TABLE, FAMILIES, RawQuote, find_quotations

ALL = frozenset(FAMILIES)
_BLANK = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line paragraphs, trimmed (a stand-in for the layout stage)."""
    out = []
    pos = 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        pos = m.end() if m else len(text)
    return out


def find(text: str, families: frozenset[str] = ALL) -> list[RawQuote]:
    return find_quotations(text, paragraphs(text), families)


def spans(text: str, families: frozenset[str] = ALL) -> list[str]:
    return [text[q.start : q.end] for q in find(text, families)]


def contents(text: str) -> list[str]:
    return [text[q.content_start : q.content_end] for q in find(text)]


# --- double marks -----------------------------------------------------------


def test_curly_double_quotes() -> None:
    text = "“We will not pay for the wall,” the minister said. “Never.”"
    assert spans(text) == ["“We will not pay for the wall,”", "“Never.”"]
    assert contents(text) == ["We will not pay for the wall,", "Never."]


def test_straight_double_quotes_direction_from_context() -> None:
    text = 'He called the report "fake news" and added, "We are done here."'
    assert spans(text) == ['"fake news"', '"We are done here."']


def test_straight_double_quotes_after_dash_and_at_paragraph_start() -> None:
    text = '"I was about to say--" she began.\n\nHe cut in--"Stop!"'
    assert spans(text) == ['"I was about to say--"', '"Stop!"']


def test_ptb_tokenised_straight_quotes() -> None:
    text = '" Hello , " said he . " Go away ! " she cried : " Now ! "'
    assert spans(text) == ['" Hello , "', '" Go away ! "', '" Now ! "']
    assert contents(text) == ["Hello ,", "Go away !", "Now !"]


def test_ptb_passage_starting_inside_a_quotation() -> None:
    # The excerpt starts in the middle of a quotation: its first mark closes.
    text = 'see that it is done . " He left . Then he said : " What is that ? " he cried .'
    assert spans(text) == ['" What is that ? "']


def test_curly_opened_straight_closed() -> None:
    text = 'Cruz called it “highly significant." Later he said "sorry" to Carson.'
    assert spans(text) == ['“highly significant."', '"sorry"']


def test_german_low_nine_quotes() -> None:
    text = "„Das ist ‚gut‘“, sagte sie. „Ja“, antwortete er."
    assert spans(text) == ["„Das ist ‚gut‘“", "„Ja“"]
    assert find(text)[0].nested == ((9, 14),)


def test_swedish_right_marks_both_ways() -> None:
    text = "Han sa ”Hej då” och gick."
    assert spans(text) == ["”Hej då”"]


# --- single marks and apostrophes -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The administration’s plan can’t work, Mexico’s minister said.",
        "PTB text splits clitics: the administration ’s plan , he ’d say .",
        "The ’90s gave us rock ’n’ roll and the boys’ own paper.",
        "’Tis five o’clock, so give ’em the news, said the boys’ mother.",
        "I can't see the boys' dog; it's five o'clock and 'tis late.",
        "Rock 'n' roll in the '90s: 'em and 'til, the Joneses' car.",
        "He was goin' home an' singin' o' the sea, the lads' song.",
    ],
)
def test_apostrophes_never_open_or_close(text: str) -> None:
    assert spans(text) == []


def test_single_quotes_with_apostrophes_inside() -> None:
    text = "‘I can’t go to the boys’ school,’ she said, ‘it’s the ’90s.’"
    assert spans(text) == ["‘I can’t go to the boys’ school,’", "‘it’s the ’90s.’"]


def test_straight_single_quotes_with_apostrophes_inside() -> None:
    text = "'It's the boys' turn,' he said. 'Don't argue.'"
    assert spans(text) == ["'It's the boys' turn,'", "'Don't argue.'"]


def test_possessive_plural_closes_when_nothing_better_comes() -> None:
    text = "‘Give it to the boys’ she said, and left."
    assert spans(text) == ["‘Give it to the boys’"]


def test_elision_inside_narration_does_not_swallow_quotes() -> None:
    text = "Ships of men on 'Change, the dark “interlopers” and “generals” of trade."
    assert spans(text) == ["“interlopers”", "“generals”"]


def test_capitalised_elision_may_open_a_quote() -> None:
    text = "'Tis true,' said the old man."
    assert spans(text) == ["'Tis true,'"]


def test_ptb_straight_single_quotes() -> None:
    text = "' Was it gone ? ' ' Yes , it was gone . ' he said ."
    assert spans(text) == ["' Was it gone ? '", "' Yes , it was gone . '"]


# --- guillemets and CJK ----------------------------------------------------


def test_french_guillemets() -> None:
    text = "« Bonjour », dit-il. Elle répondit «\u00a0Non\u00a0»."
    assert spans(text) == ["« Bonjour »", "«\u00a0Non\u00a0»"]


def test_german_guillemets_point_inwards() -> None:
    text = "»Ja«, sagte er, »das ist ›gut‹.«"
    assert spans(text) == ["»Ja«", "»das ist ›gut‹.«"]


def test_cjk_corner_brackets() -> None:
    text = "他说：「你好『世界』。」然后走了。"
    quotes = find(text)
    assert [text[q.start : q.end] for q in quotes] == ["「你好『世界』。」"]
    assert quotes[0].family == "cjk"
    assert [text[s:e] for s, e in quotes[0].nested] == ["『世界』"]


# --- nesting -----------------------------------------------------------------


def test_alternate_family_nested_inside_double() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    quotes = find(text)
    assert [text[q.start : q.end] for q in quotes] == ["“He told me ‘never again’ and left,”"]
    assert [text[s:e] for s, e in quotes[0].nested] == ["‘never again’"]


def test_double_nested_inside_single() -> None:
    text = "‘The crowd shouted “fire!” twice,’ she said."
    assert spans(text) == ["‘The crowd shouted “fire!” twice,’"]


def test_same_style_straight_nesting() -> None:
    text = 'He said, "I was sure the answer was "no" before I asked." Then he left.'
    quotes = find(text)
    assert [text[q.start : q.end] for q in quotes] == [
        '"I was sure the answer was "no" before I asked."'
    ]


# --- paragraphs --------------------------------------------------------------


def test_multi_paragraph_quotation() -> None:
    text = (
        "He rose and spoke.\n\n"
        "“The first part of the speech goes on for a while and is not closed.\n\n"
        "“The second part carries on in the same breath.\n\n"
        "“And the third ends it,” he said.\n\n"
        "“A new quotation,” she answered."
    )
    quotes = find(text)
    assert len(quotes) == 2
    first = quotes[0]
    assert first.closed and len(first.segments) == 3
    assert [text[s:e] for s, e in first.segments] == [
        "“The first part of the speech goes on for a while and is not closed.",
        "“The second part carries on in the same breath.",
        "“And the third ends it,”",
    ]
    assert first.paragraph == 1
    assert text[first.start : first.end].endswith("ends it,”")
    assert text[quotes[1].start : quotes[1].end] == "“A new quotation,”"


def test_social_media_footer_ends_a_statement_quoted_by_paragraph() -> None:
    text = (
        "Part of the statement follows:\n\n"
        '"We will not run again next year.\n\n'
        '"We said so in May, and we say so again.\n\n'
        '"Follow Ana Ruiz on Twitter @anaruiz."'
    )
    quotes = find(text)
    assert len(quotes) == 1
    assert quotes[0].closed is False
    assert [text[s:e] for s, e in quotes[0].segments] == [
        '"We will not run again next year.',
        '"We said so in May, and we say so again.',
    ]


def test_transcript_turns_behind_stray_marks_are_no_quotation() -> None:
    # Every turn opens with a mark that nothing closes: the marks are stray, the turns
    # are read as lines ("WEBB: …"); what is paired inside a turn stays a quotation.
    text = (
        "Part of the interview follows:\n\n"
        '"ANN WEBB: Let\u2019s start with the budget. Why did it slip?\n\n'
        '"TOM HALE: Because the council changed its plan twice, '
        "as \u201cThe Ledger\u201d put it.\n\n"
        '"And it will change it again.\n\n'
        '"Follow Ann Webb on Twitter @annwebb."'
    )
    assert spans(text) == ["\u201cThe Ledger\u201d"]
    # the same without a footer: the last turn is left open at the end of the text
    assert spans(text[: text.index('\n\n"Follow')]) == ["\u201cThe Ledger\u201d"]


def test_transcript_excerpt_closed_at_its_end_is_one_quotation() -> None:
    # The convention kept whole: the excerpt's last paragraph closes it.
    text = (
        "Part of the interview follows:\n\n"
        '"WEBB: Why did the budget slip?\n\n'
        '"HALE: Because the council changed its plan twice."'
    )
    quotes = find(text)
    assert len(quotes) == 1 and quotes[0].closed and len(quotes[0].segments) == 2


@pytest.mark.parametrize(
    "text",
    [
        # a speech opening with a word and a colon, not a speaker's label in capitals
        '"Yes: I knew it all along, and I told the others so.\n\nShe looked away.',
        '"Ann Webb: that is the name on the door.\n\nHe nodded.',
        # a label that does not open the paragraph's quotation
        'He read it out. "WEBB: the budget slipped.\n\nNobody spoke.',
    ],
)
def test_unclosed_speech_without_a_label_stays_a_quotation(text: str) -> None:
    quotes = find(text)
    assert len(quotes) == 1 and not quotes[0].closed


def test_a_paragraph_of_only_an_inner_quotation_left_open_ends_there() -> None:
    text = (
        "The clerk read the last line of the register:--\n\n"
        "     \"'HENRY DALE, RIVERSIDE, OHIO.'\n\n\n"
        '"One of the river-town gentry, I reckon," said the clerk.'
    )
    first, second = find(text)
    assert not first.closed and len(first.segments) == 1
    assert text[second.start : second.end] == '"One of the river-town gentry, I reckon,"'


def test_an_inner_quotation_paragraph_inside_a_told_story_goes_on() -> None:
    text = (
        '"I went up to him and he said:\n\n'
        "\"'Come in.'\n\n"
        '"So in I went, and there he sat."\n\nShe stopped.'
    )
    (q,) = find(text)
    assert q.closed and len(q.segments) == 3


def test_follow_line_spoken_in_its_own_marks_stays_a_quotation() -> None:
    text = "“Follow me on Twitter @anaruiz,” she told the crowd."
    assert spans(text) == ["“Follow me on Twitter @anaruiz,”"]
    text = "He began: “The bridge will close in May.\n\n“Follow the signs to the ferry.”"
    assert len(find(text)[0].segments) == 2


def test_multi_paragraph_hard_wrapped_straight_quotes() -> None:
    text = (
        '"It was a dark night when we set out from the village, and\n'
        "nobody knew the road; the carter had left us at the inn.\n\n"
        '"We walked on until morning," he said, "and then we slept."'
    )
    quotes = find(text)
    assert len(quotes) == 2
    assert len(quotes[0].segments) == 2 and quotes[0].closed
    assert text[quotes[1].start : quotes[1].end] == '"and then we slept."'


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "“This quotation is never closed.   \n\nShe said “yes” afterwards."
    quotes = find(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "“This quotation is never closed.",
        "“yes”",
    ]
    assert quotes[0].closed is False and quotes[0].close_mark == ""
    assert quotes[1].closed is True


def test_unclosed_quote_does_not_disturb_later_paragraphs() -> None:
    text = 'He began, "and then\n\nthe narration goes on.\n\n"Fine," said she.'
    quotes = find(text)
    assert [text[q.start : q.end] for q in quotes] == ['"and then', '"Fine,"']
    assert [q.closed for q in quotes] == [False, True]


def test_families_filter() -> None:
    text = "“Yes,” he said, ‘no’ and «peut-être»."
    assert spans(text, frozenset({"double"})) == ["“Yes,”"]
    assert spans(text, frozenset({"single", "guillemet"})) == ["‘no’", "«peut-être»"]


def test_offsets_into_text_outside_paragraphs_ignored() -> None:
    text = "“Outside” and “inside”"
    quotes = find_quotations(text, [(12, len(text))], ALL)
    assert [text[q.start : q.end] for q in quotes] == ["“inside”"]


# --- robustness ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\ud800“\udfff”\ud800",
        "\x00“\x01\x02”\x1b'\x7f",
        "“" * 1000,
        "”" * 1000,
        "'" * 5000,
        "’" * 5000,
        "“‘" * 100_000,
        "\"'" * 50_000,
        "« » ‹ › „ ‚ 「 『 」 』 `` ''" * 500,
        "a'b'c'd' " * 2000,
    ],
)
def test_adversarial_text_gives_a_result(text: str) -> None:
    quotes = find(text)
    check_invariants(text, paragraphs(text), quotes)


def test_bad_paragraph_spans_are_tolerated() -> None:
    text = "“One” and “two”"
    for paras in ([(-5, 100)], [(10, 3)], [(0, 8), (4, 15)], [(0, 0)], []):
        check_invariants(text, [], find_quotations(text, paras, ALL))


# --- properties ----------------------------------------------------------------

OPENING = {m.text for m in _TABLE.values() if m.glyph != "close"}
CLOSING = {m.text for m in _TABLE.values() if m.glyph != "open"}
DASH_OPENERS = {"\u2014", "\u2015", "--"}


def check_invariants(text: str, paras: list[tuple[int, int]], quotes: list[RawQuote]) -> None:
    last_end = 0
    for q in quotes:
        assert last_end <= q.start, "sorted and non-overlapping"
        last_end = q.end
        assert q.start <= q.content_start <= q.content_end <= q.end
        assert text.startswith(q.open_mark, q.start)
        if q.open_mark in DASH_OPENERS or (q.open_mark == "" and q.close_mark == ""):
            assert q.closed and q.close_mark == ""  # a dash-dialogue turn
        else:
            assert q.open_mark in OPENING and _TABLE[q.open_mark].family in FAMILIES
        if q.closed and q.close_mark:
            assert q.close_mark in CLOSING and text[: q.end].endswith(q.close_mark)
        else:
            assert q.close_mark == ""
        assert q.segments[0][0] == q.start and q.segments[-1][1] == q.end
        prev = q.start
        for s, e in q.segments:
            assert prev <= s < e
            prev = e
            if paras:
                assert any(ps <= s and e <= pe for ps, pe in paras), "segment in a paragraph"
        for s, e in q.nested:
            assert q.start < s < e <= q.end


_ALPHABET = st.sampled_from(
    [
        *"ab c.,!?-—\n\n \t",
        *["“", "”", '"', "'", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "『", "』"],
        *["``", "''", "can't", "boys'", " 'tis", "\ud800", "\x00"],
    ]
)


@given(st.lists(_ALPHABET, max_size=200).map("".join))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_invariants_hold_for_any_text(text: str) -> None:
    paras = paragraphs(text)
    check_invariants(text, paras, find_quotations(text, paras, ALL))


@given(st.text(max_size=300))
@settings(max_examples=300)
def test_invariants_hold_for_any_unicode(text: str) -> None:
    paras = paragraphs(text)
    check_invariants(text, paras, find_quotations(text, paras, ALL))


_WORDS = st.sampled_from(
    [
        "the",
        "wall",
        "can't",
        "won't",
        "it's",
        "we",
        "pay",
        "Mexico",
        "never",
        "I",
        "o'clock",
        "told",
        "them",
        "again",
        "home",
        "Smith's",
        "rock",
        "1990",
    ]
)
_STYLES = [("“", "”"), ('"', '"'), ("«", "»"), ("»", "«"), ("‘", "’"), ("„", "“"), ("「", "」")]


@st.composite
def documents(
    draw: st.DrawFn, styles: tuple[int, ...] = tuple(range(len(_STYLES)))
) -> tuple[str, list[tuple[int, int]]]:
    """Narration with quotations inserted; returns the text and the quotation spans."""
    opener, closer = _STYLES[draw(st.sampled_from(styles))]
    parts: list[str] = []
    expected: list[tuple[int, int]] = []
    pos = 0
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            narration = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=6))) + " "
            parts.append(narration)
            pos += len(narration)
        words = draw(st.lists(_WORDS, min_size=1, max_size=8))
        punct = draw(st.sampled_from(["", ",", ".", "!", "?"]))
        quote = opener + " ".join(words) + punct + closer
        expected.append((pos, pos + len(quote)))
        tail = draw(st.sampled_from([" said Smith. ", " ", ", she said. ", "\n", "\n\n"]))
        parts.append(quote + tail)
        pos += len(quote) + len(tail)
    return "".join(parts), expected


@given(documents())
@settings(max_examples=300)
def test_inserted_quotations_are_recovered(doc: tuple[str, list[tuple[int, int]]]) -> None:
    text, expected = doc
    quotes = find(text)
    assert [(q.start, q.end) for q in quotes] == expected
    assert all(q.closed for q in quotes)


@given(documents(styles=(0,)))
@settings(max_examples=200)
def test_swapping_curly_for_guillemets_keeps_spans(doc: tuple[str, list[tuple[int, int]]]) -> None:
    text, expected = doc
    swapped = text.replace("“", "«").replace("”", "»")
    assert [(q.start, q.end) for q in find(swapped)] == expected
    assert [(q.start, q.end) for q in find(text)] == expected


# --- dash dialogue -------------------------------------------------------------------------------

DASHED = """The kettle sang on the hob while Ellen waited.

\u2014Is the post in yet? she asked.

\u2014Not yet, Tom answered. The van is late again today.

He folded the paper and said:

\u2014Perhaps the snow has closed the pass.

\u2014Then we wait, said Ellen."""


def test_dash_dialogue_turns_are_quotations() -> None:
    assert spans(DASHED) == [
        "\u2014Is the post in yet?",
        "\u2014Not yet,",
        "The van is late again today.",
        "\u2014Perhaps the snow has closed the pass.",
        "\u2014Then we wait,",
    ]


def test_dash_dialogue_content_leaves_out_the_dash() -> None:
    q = find(DASHED)[0]
    assert DASHED[q.content_start : q.content_end] == "Is the post in yet?"
    assert q.open_mark == "\u2014" and q.closed


def test_double_hyphen_dialogue() -> None:
    text = DASHED.replace("\u2014", "--")
    assert spans(text)[0] == "--Is the post in yet?"
    assert len(spans(text)) == 5


def test_dash_dialogue_needs_the_double_family() -> None:
    assert spans(DASHED, frozenset(["single"])) == []


def test_a_few_dashes_in_quoted_dialogue_are_not_turns() -> None:
    text = (
        "\u201cIs the post in yet?\u201d she asked.\n\n"
        "\u2014 eggs, bread and milk\n\n\u2014 a new kettle, he said\n\n"
        "\u201cNot yet,\u201d Tom answered.\n\n\u201cThen we wait.\u201d"
    )
    assert all(s.startswith("\u201c") for s in spans(text))


def test_a_dashed_list_without_speech_is_not_dialogue() -> None:
    text = "Bring these:\n\n\u2014 eggs\n\n\u2014 bread and milk\n\n\u2014 a new kettle"
    assert spans(text) == []  # one colon is the only sign of speech: a list


def test_speech_inside_a_dash_turn_is_not_a_tag() -> None:
    text = DASHED + "\n\n\u2014It is late. He thinks the road is shut for the whole winter now."
    assert spans(text)[-1].startswith("\u2014It is late. He thinks")


def test_imperative_is_not_a_tag() -> None:
    text = DASHED + "\n\n\u2014Go home now. Tell Ellen the van is late."
    assert spans(text)[-1] == "\u2014Go home now. Tell Ellen the van is late."


@pytest.mark.parametrize(
    ("turn", "expected"),
    [
        ("\u2014Come in, said Ellen, the door is open.", ["\u2014Come in,", "the door is open."]),
        ("\u2014Sit down, he said, you look tired!", ["\u2014Sit down,", "you look tired!"]),
        ("\u2014Thank you, he said, smiling at her.", ["\u2014Thank you,"]),
        ("\u2014Thank you, he said, with a bow. It is kind.", ["\u2014Thank you,", "It is kind."]),
    ],
)
def test_dash_dialogue_speech_goes_on_after_a_tag_closed_by_a_comma(
    turn: str, expected: list[str]
) -> None:
    assert spans(DASHED + "\n\n" + turn)[-len(expected) :] == expected


def test_heading_between_dashes_is_not_a_turn() -> None:
    assert "\u2014 IV \u2014" not in spans("\u2014 IV \u2014\n\n" + DASHED)


_CURLY_STORY = (
    "“We are ready,” the coach said. “The team is young.”\n\n"
    "The local paper described the season this way:\n\n"
    '"The players arrived in June, and what the coach called a “fresh start” began at once.\n\n'
    '"By August the stadium was full, the fans chanting “One more year!”\n\n'
    "“It was a good summer,” the coach said later."
)


def test_an_excerpt_paragraph_opened_by_a_straight_mark_keeps_its_curly_quotations() -> None:
    found = spans(_CURLY_STORY)
    assert "“fresh start”" in found
    assert "“One more year!”" in found
    assert not any(s.startswith('"') for s in found)


def test_a_straight_mark_closed_by_a_curly_one_stays_a_quotation() -> None:
    text = (
        "“We are ready,” the coach said.\n\n"
        + '"We will win,” she said.\n\n'
        + ("“It was a good summer,” the coach said later. “Next year too.”")
    )
    assert '"We will win,”' in spans(text)


def test_curly_quotations_nest_in_a_straight_one() -> None:
    # Four curly quotations inside a straight one: one quotation, not one closed early.
    text = (
        "“We are ready,” the coach said. “The team is young.”\n\n"
        + '"I cannot shout. It comes across as “too loud” or “too shrill” or “too cold”'
        + ' or “too much.”"\n\nThe season opens in May.'
    )
    found = spans(text)
    assert found[-1].startswith('"I cannot') and found[-1].endswith('.”"')


def test_a_straight_excerpt_opener_in_a_document_of_straight_marks_stays() -> None:
    text = '"We are ready," the coach said.\n\n"The team is young and what he called a start.'
    assert spans(text)[-1].startswith('"The team')


_MARK_TEXT = st.lists(
    st.sampled_from(
        [*"ab \nn,.'\"`‘’“”«»「＂„‹", "''", "``", "’n’", "rock ’n’ roll"],
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_MARK_TEXT, st.sampled_from([FAMILIES, ("double",), ("single", "guillemet")]))
def test_marks_found_from_their_first_character_as_from_every_position(
    text: str, families: tuple[str, ...]
) -> None:
    # Matching only where a mark character is gives the pairs of trying every position.
    fam = frozenset(families)
    pattern = _marks._pattern(fam)
    starts = _marks._mark_positions(text, _marks._first_chars(fam))
    fast = _marks._pair_paragraph(text, 0, len(text), pattern, starts)
    slow = _marks._pair_paragraph(text, 0, len(text), pattern, list(range(len(text))))
    assert fast == slow


def _doubles_reference(costs: list[tuple[float, float]], nests: list[float]) -> list[int]:
    # The Viterbi over nesting depths 0..2, written for any depth.
    depth = [0.0, _marks._START_INSIDE, float("inf")]
    back = []
    for (open_cost, close_cost), nest in zip(costs, nests, strict=True):
        new, roles = [], []
        for d in range(3):
            best, role = depth[d] + _marks._SKIP, _marks._NONE
            if d > 0 and depth[d - 1] + open_cost + nest * (d - 1) < best:
                best, role = depth[d - 1] + open_cost + nest * (d - 1), _marks._OPEN
            if d < 2 and depth[d + 1] + close_cost < best:
                best, role = depth[d + 1] + close_cost, _marks._CLOSE
            new.append(best)
            roles.append(role)
        depth = new
        back.append(roles)
    d = min(range(3), key=lambda k: depth[k] + _marks._END_INSIDE * k)
    out = [_marks._NONE] * len(costs)
    for k in range(len(costs) - 1, -1, -1):
        out[k] = back[k][d]
        d += 1 if out[k] == _marks._CLOSE else -1 if out[k] == _marks._OPEN else 0
    return out


_COST = st.sampled_from([0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 5.5])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_COST, _COST, st.sampled_from([_marks._NEST, _marks._NEST_CURLY]))))
def test_double_marks_decided_as_by_the_general_viterbi(
    marks: list[tuple[float, float, float]],
) -> None:
    costs = [(o, c) for o, c, _ in marks[:12]]
    nests = [n for _, _, n in marks[:12]]
    assert _marks._decide_doubles(costs, nests) == _doubles_reference(costs, nests)


# --- typewriter ''…'' quotations (archive text): single quotations inside are nested


def test_single_quotation_inside_typewriter_quotation_is_not_returned() -> None:
    text = "''I told them, 'Not today,' and left,'' the mayor said."
    assert spans(text) == []


def test_single_quotation_ending_with_the_typewriter_close_is_not_returned() -> None:
    text = "The mayor spoke. ''She said, 'The bridge opens in May,''' he recalled."
    assert spans(text) == []
    text = "'''Board games,''' he replied. ''Like 'Snakes and Ladders.' ''"
    assert spans(text) == []


def test_typewriter_quotation_going_on_into_the_next_paragraph() -> None:
    text = "''We were told 'wait' again and again.\n\n''Then it rained,'' she said."
    assert spans(text) == []


def test_single_quotation_outside_typewriter_quotations_stays() -> None:
    text = "''We are ready,'' she said. Her 'plan' was a list."
    assert spans(text) == ["'plan'"]


def test_ptb_quotation_still_pairs_with_its_nested_single_quotation() -> None:
    text = "He said 'no' to ``the 'big' plan,'' she wrote."
    assert spans(text) == ["'no'", "``the 'big' plan,''"]
    assert find(text)[1].nested == ((text.index("'big'"), text.index("'big'") + 5),)


def test_two_apostrophes_after_a_word_open_nothing() -> None:
    # A closer with nothing open (an odd pair in the text) starts no region.
    text = "It was the 80s'' thing. She said 'no' at once."
    assert spans(text) == ["'no'"]


# --- a height in feet and inches: the double mark after 6’2 is the inch sign


@pytest.mark.parametrize(
    "text",
    [
        "“He is taller than me; he’s like 6’2”,” Ruiz said.",
        '"She is 5\'10" and fast," the coach said.',
    ],
)
def test_inch_mark_after_a_height_does_not_close(text: str) -> None:
    (q,) = find(text)
    assert text[q.start : q.end].endswith(("2”,”", 'fast,"'))


def test_a_quotation_ending_after_a_plain_number_still_closes() -> None:
    text = "“The score was 3-2,” she said. “We lost.”"
    assert spans(text) == ["“The score was 3-2,”", "“We lost.”"]


# --- words cried out, in plain-text italics -------------------------------------


@pytest.mark.parametrize(
    ("text", "cried"),
    [
        ("The sentry cried out in a hoarse voice, _Wer da_, and raised his lamp.", "_Wer da_"),
        ("I heard one of the boatmen cry aloud _Avanti_; the boat swung round.", "_Avanti_"),
        ("The heralds called out three times,\n_Oyez oyez_ (an old word).", "_Oyez oyez_"),
        ("When the cask was opened there was a great shout of _Salud_ from the men.", "_Salud_"),
        (
            "They danced round the fire, repeating again and again, _Hala tiro_, till dawn.",
            "_Hala tiro_",
        ),
    ],
)
def test_italics_after_a_verb_of_crying_out_are_a_quotation(text: str, cried: str) -> None:
    (q,) = find(text)
    assert text[q.start : q.end] == cried
    assert text[q.content_start : q.content_end] == cried.strip("_")


@pytest.mark.parametrize(
    "text",
    [
        "She said it was _very_ late, and cried out when she saw the clock.",
        "The word _hurgo_ means a great lord.",
        "He cried out. _Chapter Two_ began on the next page.",
        "“He cried out, _Halt_, and we stopped,” said Ann.",
        "He would repeat and then print every week in the _Gazette_ what she said.",
        "Repeating her lesson aloud from _Old Tales_ she walked home.",
    ],
)
def test_other_italics_are_no_quotation(text: str) -> None:
    assert all(text[q.start] != "_" for q in find(text))


@given(st.text(alphabet="_ ab\ncried out aloud,", max_size=80))
def test_cried_italics_are_inside_the_text_and_ordered(text: str) -> None:
    found = find(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    for q in found:
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)
