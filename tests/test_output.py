"""The CLI's output formats, on hand-built records (independent of extraction)."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Entity, Mention, Quote, Span
from quoteattr._output import (
    CSV_COLUMNS,
    FORMATS,
    CsvWriter,
    JsonlWriter,
    JsonWriter,
    TableWriter,
    csv_row,
    make_writer,
    render_table,
)

SOURCE = (
    "“We will not change our position,” Foreign Minister Marcelo Ebrard said.\n"
    'The mayor said there was still "more work to do, a lot, really."'
)


def _quotes() -> list[Quote]:
    first = SOURCE.index("“")
    first_end = SOURCE.index("”") + 1
    spk = SOURCE.index("Foreign")
    cue = SOURCE.index("said")
    second = SOURCE.index('"')
    second_end = len(SOURCE)
    mayor = SOURCE.index("The mayor")
    cue2 = SOURCE.index("said", cue + 1)
    return [
        Quote(
            start=first,
            end=first_end,
            text=SOURCE[first + 1 : first_end - 1],
            content_start=first + 1,
            content_end=first_end - 1,
            kind="direct",
            speaker=Mention(spk, spk + 31, SOURCE[spk : spk + 31], "name"),
            entity=Entity("Marcelo Ebrard", "Foreign Minister", "person"),
            cue=Span(cue, cue + 4, "said"),
            confidence=0.9,
            rule="quote-cue-mention",
        ),
        Quote(
            start=second,
            end=second_end,
            text=SOURCE[second + 1 : second_end - 1],
            content_start=second + 1,
            content_end=second_end - 1,
            kind="mixed",
            speaker=Mention(mayor, mayor + 9, "The mayor", "nominal"),
            cue=Span(cue2, cue2 + 4, "said"),
            confidence=0.75,
            rule="mention-cue-that",
        ),
        Quote(start=0, end=2, text="x", content_start=0, content_end=1, kind="other"),
    ]


def test_quotes_fixture_slices_source() -> None:
    for q in _quotes()[:2]:
        assert SOURCE[q.content_start : q.content_end] == q.text
        assert q.speaker is not None and SOURCE[q.speaker.start : q.speaker.end] == q.speaker.text
        assert q.cue is not None and SOURCE[q.cue.start : q.cue.end] == q.cue.text


def test_table_has_header_and_one_block_per_quote() -> None:
    out = render_table(_quotes(), width=200)
    lines = out.splitlines()
    assert lines[0].split() == ["quote", "kind", "speaker", "entity", "cue", "conf"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert "We will not change our position," in out
    assert "Foreign Minister Marcelo Ebrard" in out
    assert "Marcelo Ebrard" in out and "0.90" in out and "0.75" in out
    assert "mixed" in out and "The mayor" in out
    assert "quote-cue-mention" not in out  # the rule only with explain


def test_table_columns_are_aligned() -> None:
    out = render_table(_quotes(), width=200)
    lines = out.splitlines()
    kind_col = lines[0].index("kind")
    rows = [ln for ln in lines[2:] if ln.strip()]
    assert {ln[kind_col:].split()[0] for ln in rows} == {"direct", "mixed", "other"}


def test_explain_adds_rule_column() -> None:
    out = render_table(_quotes(), width=200, explain=True)
    assert out.splitlines()[0].split()[-1] == "rule"
    assert "quote-cue-mention" in out and "mention-cue-that" in out


def test_absent_parts_show_a_dash() -> None:
    out = render_table(_quotes()[2:], width=100)
    row = out.splitlines()[2].split()
    assert row == ["x", "other", "-", "-", "-", "0.00"]


def test_empty_table() -> None:
    assert render_table([], width=80) == "(no quotes found)\n"


def test_long_quote_is_cut_with_an_ellipsis() -> None:
    long_text = " ".join(["word"] * 400)
    q = Quote(0, len(long_text) + 2, long_text, 1, len(long_text) + 1, "direct")
    out = render_table([q], width=80)
    body = out.splitlines()[2:]
    assert 1 < len(body) <= 6
    assert body[-1].rstrip().endswith("…") or "…" in body[-1]


def test_newlines_inside_a_quote_do_not_break_rows() -> None:
    text = "first line\nsecond  line"
    q = Quote(0, len(text) + 2, text, 1, len(text) + 1, "direct")
    out = render_table([q], width=100)
    assert out.splitlines()[2].startswith("first line second line")


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(min_value=70, max_value=220),
    texts=st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=4),
    explain=st.booleans(),
)
def test_table_fits_the_width(width: int, texts: list[str], explain: bool) -> None:
    quotes = [
        Quote(
            0,
            len(t) + 2,
            t,
            1,
            len(t) + 1,
            "direct",
            speaker=Mention(0, 6, "Pompeo"),
            entity=Entity("Mike Pompeo"),
            cue=Span(0, 4, "said"),
            rule="quote-cue-mention",
        )
        for t in texts
    ]
    out = render_table(quotes, width=width, explain=explain)
    assert all(len(line) <= width for line in out.splitlines())


def test_jsonl_writer_one_line_per_document() -> None:
    buf = io.StringIO()
    w = JsonlWriter(buf)
    w.write("café", SOURCE, _quotes())
    w.write(7, "", [])
    w.close()
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(ln) for ln in lines)
    assert first == {"id": "café", "quotes": [q.to_dict() for q in _quotes()]}
    assert second == {"id": 7, "quotes": []}
    assert "café" in lines[0]  # UTF-8, not \u escapes


def test_json_writer_is_one_array() -> None:
    buf = io.StringIO()
    w = JsonWriter(buf)
    w.write("a", SOURCE, _quotes())
    w.write("b", "", [])
    w.close()
    data = json.loads(buf.getvalue())
    assert data == [
        {"id": "a", "quotes": [q.to_dict() for q in _quotes()]},
        {"id": "b", "quotes": []},
    ]


def test_json_writer_without_documents() -> None:
    buf = io.StringIO()
    w = JsonWriter(buf)
    w.close()
    assert json.loads(buf.getvalue()) == []


def test_csv_round_trip() -> None:
    buf = io.StringIO()
    w = CsvWriter(buf)
    w.write("doc,1", SOURCE, _quotes())
    w.close()
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 3
    for row, q in zip(rows, _quotes(), strict=True):
        expected = {k: "" if v is None else str(v) for k, v in csv_row("doc,1", q).items()}
        assert row == expected
        assert row["text"] == q.text
        assert SOURCE[int(row["start"]) : int(row["end"])] == SOURCE[q.start : q.end]
    assert rows[0]["speaker"] == "Foreign Minister Marcelo Ebrard"
    assert rows[0]["entity_title"] == "Foreign Minister"
    assert rows[2]["speaker"] == "" and rows[2]["rule"] == ""


def test_csv_keeps_newlines_and_quotes_in_text() -> None:
    text = 'He said "yes",\nthen left'
    q = Quote(0, len(text) + 2, text, 1, len(text) + 1, "direct")
    buf = io.StringIO()
    CsvWriter(buf).write("d", text, [q])
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["text"] == text


def test_table_writer_heads_each_document() -> None:
    buf = io.StringIO()
    w = TableWriter(buf, width=100)
    w.write("one.txt", SOURCE, _quotes()[:1])
    w.write("two.txt", "", [])
    w.close()
    out = buf.getvalue()
    assert out.startswith("one.txt: 1 quote\n")
    assert "\ntwo.txt: 0 quotes\n" in out
    assert "(no quotes found)" in out


def test_make_writer_knows_every_format() -> None:
    for fmt in FORMATS:
        buf = io.StringIO()
        w = make_writer(fmt, buf, width=100, explain=True)
        w.write("d", SOURCE, _quotes())
        w.close()
        assert buf.getvalue()
