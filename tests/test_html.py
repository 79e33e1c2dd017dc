"""The HTML view: render_html, Quotes, the html output format of the CLI."""

from __future__ import annotations

import json
import pickle
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quoteattr import Entity, Mention, Quote, Span, extract_quotes
from quoteattr._html import Quotes, render_html, view
from quoteattr.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "ebrard_pompeo.txt"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VOID = {"meta", "br", "rect", "img", "link", "input", "hr"}


class Page(HTMLParser):
    """A small DOM: checks that tags nest and collects every element with its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, object]] = []
        self.elements: list[dict[str, object]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el: dict[str, object] = {"tag": tag, "attrs": dict(attrs), "text": []}
        self.elements.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": []})

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1]["tag"] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1]['tag'] if self.stack else None}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for el in self.stack:
            el["text"].append(data)  # type: ignore[union-attr]

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, object]]:
        out = []
        for el in self.elements:
            a = el["attrs"]
            if tag is not None and el["tag"] != tag:
                continue
            if all(a.get(k.replace("_", "-")) == v for k, v in attrs.items()):  # type: ignore[attr-defined]
                out.append(el)
        return out


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack or [e["tag"] for e in p.stack] == [], [e["tag"] for e in p.stack]
    return p


def text_of(el: dict[str, object]) -> str:
    return "".join(el["text"])  # type: ignore[arg-type]


def quote_texts(page: Page) -> dict[int, str]:
    """The text of every highlighted quotation (pieces joined), by quote index."""
    out: dict[int, str] = {}
    for el in page.find("mark"):
        i = int(el["attrs"]["data-quote"])  # type: ignore[index]
        out[i] = out.get(i, "") + text_of(el)
    return out


# --- the seed -------------------------------------------------------------------------


def test_seed_page_highlights_every_quote_with_its_speaker() -> None:
    text = SEED.read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    page = parse(render_html(text, quotes, title="seed"))
    marks = page.find("mark")
    assert len({m["attrs"]["data-quote"] for m in marks}) == len(quotes) == 5  # type: ignore[index]
    texts = quote_texts(page)
    for i, q in enumerate(quotes):
        assert texts[i] == text[q.start : q.end]
        first = page.find("mark", data_quote=str(i))[0]["attrs"]
        assert first["data-entity"] == q.entity.name  # type: ignore[index, union-attr]
        assert first["data-speaker"] == q.speaker.text  # type: ignore[index, union-attr]
        assert first["data-kind"] == q.kind  # type: ignore[index]
        assert first["data-rule"] == q.rule  # type: ignore[index]
        assert "confidence" in first["title"]  # type: ignore[index, operator]
        assert (int(first["data-start"]), int(first["data-end"])) == (q.start, q.end)  # type: ignore[index, arg-type]
    # Speaker mentions and cues are underlined elements tied to their quotes.
    speakers = page.find("span", data_role="speaker")
    assert {text_of(s) for s in speakers} >= {"Ebrard", "Pompeo"}
    assert any(text_of(c) == "said" for c in page.find("span", data_role="cue"))
    # The legend counts each speaker's quotes.
    legend = {
        r["attrs"]["data-speaker"]: r["attrs"]["data-count"]
        for r in page.find("tr")
        if "data-speaker" in r["attrs"]  # type: ignore[operator]
    }  # type: ignore[index]
    assert legend["Mike Pompeo"] == "3" and legend["Marcelo Ebrard"] == "1"
    assert page.find("svg")
    bars = {g["attrs"]["data-speaker"]: g["attrs"]["data-count"] for g in page.find("g")}  # type: ignore[index]
    assert bars == {k: v for k, v in legend.items() if k is not None}


def test_one_colour_per_speaker() -> None:
    text = (
        "“We will win,” Maria Lopez said. “Not this year,” the mayor said.\n\n“Never,” Lopez said."
    )
    page = parse(render_html(text, extract_quotes(text)))
    colour = {}
    for el in page.find("mark"):
        a = el["attrs"]
        style = re.search(r"background-color:([^;]+)", a["style"]).group(1)  # type: ignore[arg-type, index, union-attr]
        colour.setdefault(a["data-entity"], set()).add(style)  # type: ignore[index]
    assert set(colour) == {"Maria Lopez", "the mayor"}
    assert all(len(c) == 1 for c in colour.values())
    assert colour["Maria Lopez"] != colour["the mayor"]


def test_paragraphs_are_kept() -> None:
    text = "First paragraph.\n\n“Second,” she said.\n\nThird."
    page = parse(render_html(text, extract_quotes(text)))
    paras = [text_of(p) for p in page.find("p") if "data-start" in p["attrs"]]  # type: ignore[operator]
    assert paras == ["First paragraph.", "“Second,” she said.", "Third."]


def test_page_is_self_contained() -> None:
    text = SEED.read_text(encoding="utf-8")
    page = render_html(text, extract_quotes(text))
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", page, re.IGNORECASE)
    # The only URL is the SVG namespace, which is a name, not a fetch.
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}


def test_text_is_escaped() -> None:
    text = '<script>alert(1)</script> “<b>bold</b> & more,” said Ana Ruiz "x".'
    page = render_html(text, extract_quotes(text), title="<i>t</i>")
    assert "<script>" not in page and "<b>" not in page and "<i>t" not in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in page
    parse(page)


def test_a_multi_paragraph_quotation_is_split_per_paragraph() -> None:
    text = "“We will stay,” she said. “All of us.\n\n“Every one,” she added."
    quotes = extract_quotes(text)
    page = parse(render_html(text, quotes))
    for i, q in enumerate(quotes):
        pieces = page.find("mark", data_quote=str(i))
        assert " ".join(text_of(p) for p in pieces).split() == text[q.start : q.end].split()
    assert any(len(page.find("mark", data_quote=str(i))) == 2 for i in range(len(quotes)))


def test_quotes_from_another_text_are_refused() -> None:
    quotes = extract_quotes("“We will win,” the mayor said.")
    with pytest.raises(ValueError, match="extracted from this text"):
        render_html("Some other text.", quotes)
    with pytest.raises(ValueError, match="extracted from this text"):
        render_html("“We will lose,” the mayor said.", quotes)


def test_no_quotes_still_renders() -> None:
    page = parse(render_html("Nothing said here.", []))
    assert not page.find("mark")
    assert "No quotations found" in render_html("Nothing said here.", [])


def test_unattributed_and_indirect_quotes_are_shown() -> None:
    text = "“Hello there.”\n\nThe mayor said the bridge would reopen in May."
    quotes = extract_quotes(text, kinds=("direct", "mixed", "indirect"))
    page = parse(render_html(text, quotes))
    kinds = {m["attrs"]["data-kind"] for m in page.find("mark")}  # type: ignore[index]
    assert kinds == {q.kind for q in quotes}


def _overlapping() -> tuple[str, list[Quote]]:
    # Hand-built records whose spans cross: the speaker inside another quote, a cue
    # that straddles a quote's end. Elements must still nest.
    text = "“Ana said no,” Bo said. “Yes.”"
    return text, [
        Quote(
            start=0,
            end=14,
            text="Ana said no,",
            content_start=1,
            content_end=13,
            kind="direct",
            speaker=Mention(1, 4, "Ana"),
            entity=Entity("Ana"),
            cue=Span(12, 19, text[12:19]),
        ),
        Quote(
            start=24,
            end=30,
            text="Yes.",
            content_start=25,
            content_end=29,
            kind="direct",
            speaker=Mention(15, 17, "Bo"),
            entity=Entity("Bo"),
        ),
    ]


def test_crossing_spans_still_nest() -> None:
    text, quotes = _overlapping()
    page = parse(render_html(text, quotes))
    assert quote_texts(page) == {0: "“Ana said no,”", 1: "“Yes.”"}
    cue = "".join(text_of(c) for c in page.find("span", data_role="cue"))
    assert cue == text[12:19]


def _visible(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace() and ch != "\ufffd")


@FAST
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "‘",
                "’",
                "'",
                "«",
                "»",
                " said ",
                " Ana Ruiz",
                ", ",
                ". ",
                "\n",
                "\n\n",
            ]
        )
        | st.text(max_size=8),
        max_size=40,
    ).map("".join)
)
@example("“0\x0c““")  # a form feed between two paragraphs of one quotation
def test_any_text_renders_to_well_formed_html(text: str) -> None:
    quotes = extract_quotes(text, kinds=("direct", "mixed", "indirect", "other"), min_length=0)
    page = parse(render_html(text, quotes))
    display = {"\ufffd"}
    for i, q in enumerate(quotes):
        got = quote_texts(page).get(i, "")
        want = text[q.start : q.end]
        if q.end > q.start and want.strip():
            # Same characters, except white space and unsafe characters (shown as U+FFFD
            # inside a paragraph; a form feed between two paragraphs is not shown at all).
            clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]", "\ufffd", want)
            assert _visible(got) == _visible(clean) or set(got) <= display


# --- Quotes ---------------------------------------------------------------------------


def test_quotes_is_a_list_that_displays_itself() -> None:
    text = "“We will win,” the mayor said."
    qs = Quotes(text)
    assert isinstance(qs, list) and qs == extract_quotes(text)
    assert qs.text == text and len(qs) == 1 and qs[0].text == "We will win,"
    fragment = qs._repr_html_()
    assert fragment.startswith('<div class="qa"><style>') and "<html" not in fragment
    assert 'data-entity="the mayor"' in fragment
    assert qs.to_html() == render_html(text, qs)
    assert qs.speakers()["the mayor"].count == 1
    assert pickle.loads(pickle.dumps(qs)) == qs and pickle.loads(pickle.dumps(qs)).text == text
    assert view(text, kinds=("direct",)) == qs


def test_extract_quotes_still_returns_a_plain_list() -> None:
    assert type(extract_quotes("“We will win,” the mayor said.")) is list


# --- the CLI --------------------------------------------------------------------------


def test_cli_html_output(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["extract", str(SEED), "--format", "html", "-o", str(out)]) == 0
    page = parse(out.read_text(encoding="utf-8"))
    assert len(quote_texts(page)) == 5
    assert str(SEED) in text_of(page.find("title")[0])


def test_cli_html_several_documents_get_a_corpus_tally(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("“We will win,” Maria Lopez said.", encoding="utf-8")
    b.write_text("“Not yet,” Maria Lopez said. “Soon,” the mayor said.", encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["extract", str(a), str(b), "--format", "html", "-o", str(out)]) == 0
    page = parse(out.read_text(encoding="utf-8"))
    assert len(page.find("section")) == 3
    corpus = {
        r["attrs"]["data-speaker"]: (r["attrs"]["data-count"], r["attrs"]["data-documents"])  # type: ignore[index]
        for r in page.find("tr")
        if "data-documents" in r["attrs"]  # type: ignore[operator]
    }
    assert corpus == {"Maria Lopez": ("2", "2"), "the mayor": ("1", "1")}


def test_cli_html_from_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "<one>", "text": "“Hi,” said Ana Ruiz."}) + "\n", encoding="utf-8"
    )
    assert main(["extract", str(corpus), "--input-format", "jsonl", "--format", "html"]) == 0
    page = parse(capsys.readouterr().out)
    assert text_of(page.find("h2")[0]) == "<one>"


@FAST
@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20), st.integers(0, 80)), max_size=5),
)
def test_the_writer_draws_records_that_do_not_fit(
    text: str, spans: list[tuple[int, int, int]]
) -> None:
    # The CLI's writer takes whatever records it is given (check=False): records with
    # offsets past the text or content that does not match are drawn as far as they fit.
    from quoteattr._html import page, render_fragment

    quotes = [
        Quote(
            start=s,
            end=s + n,
            text="x",
            content_start=s,
            content_end=s + n,
            kind="direct",
            speaker=Mention(m, m + 2, "ab"),
            cue=Span(m, m + 1, "a"),
        )
        for s, n, m in spans
    ]
    parse(page(render_fragment(text, quotes, check=False), title="t"))
