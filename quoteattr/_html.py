"""The who-said-what view: a self-contained HTML page of a text and its quotes.

The page has no script and loads nothing (no network, no external CSS or
fonts): the original text, paragraph by paragraph, every quotation
highlighted in one colour per speaker, the speaker mention underlined and the
cue underlined with dots, a tooltip (``title``) on each quotation with its
kind, speaker, cue, confidence and rule, and a legend of the speakers with
their quote and word counts and an inline SVG bar chart of who is quoted most.

Every highlight carries machine-readable attributes so the page can be
checked or scraped:

* ``mark.qa-q`` (a quotation, one element per paragraph it touches):
  ``data-quote`` (index in the quote list), ``data-kind``, ``data-speaker``
  (the mention as written, ``""`` when unattributed), ``data-entity`` (the
  entity name or ``""``), ``data-confidence``, ``data-rule``, ``data-start``
  and ``data-end`` (the quote's offsets in the text);
* ``span.qa-spk`` (a speaker mention) and ``span.qa-cue`` (a cue):
  ``data-role`` (``speaker`` or ``cue``), ``data-quotes`` (the indices of
  the quotes they belong to, space-separated) and, on speakers, ``data-entity``.

The text is never altered except for display: characters HTML cannot carry
(control characters, lone surrogates) are shown as U+FFFD.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from quoteattr import _layout
from quoteattr._models import Quote, Span
from quoteattr._speakers import UNATTRIBUTED, SpeakerRow, SpeakerTally, speaker_key, speakers

__all__ = [
    "CSS",
    "Quotes",
    "page",
    "page_head",
    "page_tail",
    "render_fragment",
    "render_html",
    "render_summary",
    "view",
]

# Light fill for the quotation, strong colour for its speaker's underline and the chart.
_PALETTE: tuple[tuple[str, str], ...] = (
    ("#a5d8ff", "#1864ab"),
    ("#ffd8a8", "#d9480f"),
    ("#b2f2bb", "#2b8a3e"),
    ("#fcc2d7", "#a61e4d"),
    ("#d0bfff", "#5f3dc4"),
    ("#ffec99", "#e67700"),
    ("#99e9f2", "#0b7285"),
    ("#ffc9c9", "#c92a2a"),
    ("#c0eb75", "#5c940d"),
    ("#eebefa", "#862e9c"),
    ("#96f2d7", "#087f5b"),
    ("#bac8ff", "#364fc7"),
)
_GREY = ("#e9ecef", "#868e96")
# The chart shows the most quoted speakers; the legend table lists them all.
_CHART_ROWS = 12
_CHART_LABEL = 26

# Characters that HTML cannot carry (C0/C1 controls but tab/newline/CR, surrogates).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

CSS = """
.qa{color:#212529;background:#fff;font:17px/1.65 Georgia,'DejaVu Serif',serif;
  max-width:78rem;margin:0 auto;padding:1rem 1.5rem}
.qa h1,.qa h2,.qa h3{font-family:system-ui,'DejaVu Sans',sans-serif;line-height:1.25}
.qa h2{font-size:1.3rem;margin:1.5rem 0 .2rem}
.qa h3{font-size:1rem;margin:0 0 .5rem}
.qa .qa-summary{font:14px/1.4 system-ui,'DejaVu Sans',sans-serif;color:#495057;margin:0 0 1rem}
.qa .qa-doc{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:2rem;
  align-items:start;border-top:1px solid #dee2e6;padding-top:.5rem}
@media (max-width:900px){.qa .qa-doc{grid-template-columns:1fr}}
.qa .qa-text p{margin:0 0 .9em}
.qa mark.qa-q{color:inherit;border-radius:3px;padding:.05em .1em;
  -webkit-box-decoration-break:clone;box-decoration-break:clone}
.qa mark.qa-q[data-kind=indirect]{background:none!important;
  border-bottom:3px solid var(--qa-fill)}
.qa mark.qa-q[data-speaker=""]{outline:1px dashed #868e96}
.qa .qa-spk{text-decoration:underline solid var(--qa-line) 3px;text-underline-offset:3px;
  font-weight:bold}
.qa .qa-cue{text-decoration:underline dotted #495057 2px;text-underline-offset:3px}
.qa aside{font:14px/1.4 system-ui,'DejaVu Sans',sans-serif;position:sticky;top:.5rem}
.qa .qa-legend{border-collapse:collapse;width:100%;margin-bottom:1rem}
.qa .qa-legend th,.qa .qa-legend td{padding:.2rem .4rem;border-bottom:1px solid #e9ecef;
  text-align:left;vertical-align:top}
.qa .qa-legend td.qa-n{text-align:right;font-variant-numeric:tabular-nums}
.qa .qa-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;
  vertical-align:-.1em;margin-right:.35em;border:2px solid}
.qa .qa-title{color:#868e96;font-size:.85em}
.qa .qa-key{color:#495057;font-size:.85em}
.qa .qa-key u{text-decoration-thickness:2px;text-underline-offset:3px}
.qa .qa-key u.qa-dotted{text-decoration-style:dotted}
.qa .qa-corpus-body{max-width:40rem;font:14px/1.4 system-ui,'DejaVu Sans',sans-serif}
.qa .qa-chart text{font:12px system-ui,'DejaVu Sans',sans-serif;fill:#212529}
"""


def _colour(i: int) -> tuple[str, str]:
    if i < len(_PALETTE):
        return _PALETTE[i]
    hue = (i * 137.508) % 360  # golden angle: neighbours stay far apart
    return (f"hsl({hue:.0f},70%,84%)", f"hsl({hue:.0f},60%,32%)")


def _display(s: str) -> str:
    """Escaped text for an element's content."""
    return html.escape(_UNSAFE.sub("\ufffd", s), quote=False)


def _attr(s: object) -> str:
    """Escaped text for a quoted attribute value."""
    return html.escape(_UNSAFE.sub("\ufffd", str(s)), quote=True)


def _check(text: str, quotes: Sequence[Quote]) -> None:
    n = len(text)
    for i, q in enumerate(quotes):
        spans: list[tuple[str, Span | Quote]] = [("quote", q)]
        if q.speaker is not None:
            spans.append(("speaker", q.speaker))
        if q.cue is not None:
            spans.append(("cue", q.cue))
        for what, span in spans:
            if not 0 <= span.start <= span.end <= n:
                raise ValueError(
                    f"quote {i}: {what} span {span.start}:{span.end} is outside the text "
                    f"(length {n}); were the quotes extracted from this text?"
                )
        if text[q.content_start : q.content_end] != q.text:
            raise ValueError(
                f"quote {i}: text[{q.content_start}:{q.content_end}] is not the quote's "
                "text; were the quotes extracted from this text?"
            )


# ---------------------------------------------------------------------------- the text


class _Interval:
    __slots__ = ("end", "open", "order", "rank", "start", "tag")

    def __init__(self, start: int, end: int, rank: int, order: int, tag: str, open_: str) -> None:
        self.start = start
        self.end = end
        self.rank = rank  # quotations outside, mentions and cues inside
        self.order = order
        self.tag = tag
        self.open = open_


def _nest(text: str, start: int, end: int, intervals: Sequence[_Interval]) -> str:
    """``text[start:end]`` with every interval clipped to it and wrapped in its element.

    Overlapping intervals are split where they cross, so the elements always nest.
    """
    clipped = []
    for iv in intervals:
        s, e = max(iv.start, start), min(iv.end, end)
        if s < e:
            clipped.append((s, e, iv))
    bounds = sorted({start, end, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    starting: dict[int, list[tuple[int, _Interval]]] = {}
    for s, e, iv in clipped:
        starting.setdefault(s, []).append((e, iv))
    out: list[str] = []
    stack: list[tuple[int, _Interval]] = []
    for k, b in enumerate(bounds):
        # Close what ends here; whatever was open above it closes and reopens.
        low = next((i for i, (e, _) in enumerate(stack) if e == b), len(stack))
        reopen = [item for item in stack[low:] if item[0] != b]
        for _, iv in reversed(stack[low:]):
            out.append(f"</{iv.tag}>")
        del stack[low:]
        if b == end:
            break
        new = reopen + starting.get(b, [])
        new.sort(key=lambda item: (item[1].rank, -item[0], item[1].order))
        for item in new:
            out.append(item[1].open)
            stack.append(item)
        out.append(_display(text[b : bounds[k + 1]]))
    return "".join(out)


def _quote_title(q: Quote) -> str:
    lines = [f"{q.kind} quotation · confidence {q.confidence:.2f} · rule {q.rule or '-'}"]
    if q.speaker is not None:
        who = q.entity.name if q.entity is not None else q.speaker.text
        title = f", {q.entity.title}" if q.entity is not None and q.entity.title else ""
        lines.append(f"speaker: {who}{title} (“{' '.join(q.speaker.text.split())}”)")
    else:
        lines.append("speaker: unknown")
    if q.cue is not None:
        lines.append(f"cue: {' '.join(q.cue.text.split())}")
    if not q.closed:
        lines.append("no closing mark: ends at its paragraph")
    return "\n".join(lines)


def _intervals(
    quotes: Sequence[Quote], colours: dict[str | None, tuple[str, str]]
) -> list[_Interval]:
    out: list[_Interval] = []
    roles: dict[tuple[str, int, int], list[int]] = {}
    role_entity: dict[tuple[str, int, int], str] = {}
    for i, q in enumerate(quotes):
        key = speaker_key(q)
        fill, line = colours[key]
        open_ = (
            f'<mark class="qa-q" data-quote="{i}" data-kind="{q.kind}" '
            f'data-speaker="{_attr(q.speaker.text if q.speaker else "")}" '
            f'data-entity="{_attr(q.entity.name if q.entity else "")}" '
            f'data-confidence="{q.confidence:.2f}" data-rule="{_attr(q.rule or "")}" '
            f'data-start="{q.start}" data-end="{q.end}" '
            f'style="background-color:{fill};--qa-fill:{fill};--qa-line:{line}" '
            f'title="{_attr(_quote_title(q))}">'
        )
        out.append(_Interval(q.start, q.end, 0, i, "mark", open_))
        if q.speaker is not None:
            k = ("speaker", q.speaker.start, q.speaker.end)
            roles.setdefault(k, []).append(i)
            role_entity.setdefault(k, key or "")
        if q.cue is not None:
            roles.setdefault(("cue", q.cue.start, q.cue.end), []).append(i)
    for n, ((role, s, e), idx) in enumerate(sorted(roles.items(), key=lambda kv: kv[0][1:])):
        ids = " ".join(map(str, idx))
        if role == "speaker":
            entity = role_entity[(role, s, e)]
            line = colours[entity][1]
            open_ = (
                f'<span class="qa-spk" data-role="speaker" data-quotes="{ids}" '
                f'data-entity="{_attr(entity)}" style="--qa-line:{line}" '
                f'title="{_attr("speaker: " + entity)}">'
            )
        else:
            open_ = f'<span class="qa-cue" data-role="cue" data-quotes="{ids}" title="cue">'
        out.append(_Interval(s, e, 1, len(quotes) + n, "span", open_))
    return out


def _text_html(
    text: str, quotes: Sequence[Quote], colours: dict[str | None, tuple[str, str]]
) -> str:
    intervals = _intervals(quotes, colours)
    paragraphs = _layout.paragraphs(text)
    # A gap between paragraphs is white space; show anything else it holds too.
    blocks: list[tuple[int, int]] = []
    pos = 0
    for s, e in paragraphs:
        if text[pos:s].strip():
            blocks.append((pos, s))
        blocks.append((s, e))
        pos = e
    if text[pos:].strip():
        blocks.append((pos, len(text)))
    # One sweep over the paragraphs with the intervals sorted by start: each
    # paragraph sees only the intervals open over it (a long book stays linear).
    intervals.sort(key=lambda iv: iv.start)
    parts = []
    active: list[_Interval] = []
    k = 0
    for s, e in blocks:
        while k < len(intervals) and intervals[k].start < e:
            active.append(intervals[k])
            k += 1
        active = [iv for iv in active if iv.end > s]
        inside = [iv for iv in active if iv.start < e]
        parts.append(f'<p data-start="{s}" data-end="{e}">{_nest(text, s, e, inside)}</p>')
    return "\n".join(parts)


# ---------------------------------------------------------------------------- the legend


def _colours(tallies: Iterable[str]) -> dict[str | None, tuple[str, str]]:
    colours: dict[str | None, tuple[str, str]] = {None: _GREY, UNATTRIBUTED: _GREY}
    for i, name in enumerate(n for n in tallies if n != UNATTRIBUTED):
        colours[name] = _colour(i)
    return colours


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _chart(rows: Sequence[tuple[str, int]], colours: dict[str | None, tuple[str, str]]) -> str:
    rows = list(rows[:_CHART_ROWS])
    if not rows:
        return ""
    label_w, bar_w, row_h, pad = 170, 150, 22, 4
    width = label_w + bar_w + 40
    height = row_h * len(rows) + pad
    top = max(n for _, n in rows)
    parts = [
        f'<svg class="qa-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="quotes per speaker">'
    ]
    for i, (name, n) in enumerate(rows):
        y = pad + i * row_h
        w = max(2, round(bar_w * n / top))
        fill, line = colours[name]
        parts.append(
            f'<g data-speaker="{_attr(name)}" data-count="{n}">'
            f"<title>{_display(f'{name}: {n} quote' + ('' if n == 1 else 's'))}</title>"
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">'
            f"{_display(_short(name, _CHART_LABEL))}</text>"
            f'<rect x="{label_w}" y="{y + 2}" width="{w}" height="{row_h - 6}" rx="2" '
            f'fill="{fill}" stroke="{line}"/>'
            f'<text x="{label_w + w + 5}" y="{y + 14}">{n}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend(tallies: Sequence[SpeakerTally], colours: dict[str | None, tuple[str, str]]) -> str:
    if not tallies:
        return '<aside class="qa-aside"><p class="qa-key">No quotations found.</p></aside>'
    rows = []
    for t in tallies:
        fill, line = colours[t.name]
        title = f' <span class="qa-title">{_display(t.title)}</span>' if t.title else ""
        rows.append(
            f'<tr data-speaker="{_attr(t.name)}" data-count="{t.count}" data-words="{t.words}">'
            f'<td><span class="qa-swatch" style="background-color:{fill};border-color:{line}">'
            f"</span>{_display(t.name)}{title}</td>"
            f'<td class="qa-n">{t.count}</td><td class="qa-n">{t.words}</td></tr>'
        )
    chart = _chart([(t.name, t.count) for t in tallies], colours)
    return (
        '<aside class="qa-aside"><h3>Who is quoted</h3>'
        f"{chart}"
        '<table class="qa-legend"><thead><tr><th>speaker</th><th class="qa-n">quotes</th>'
        '<th class="qa-n">words</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
        '<p class="qa-key"><u>speaker</u> underlined, <u class="qa-dotted">cue</u> dotted; '
        "hover over a quotation for its kind, confidence and rule.</p></aside>"
    )


def render_fragment(
    text: str, quotes: Sequence[Quote], *, heading: str | None = None, check: bool = True
) -> str:
    """The view of one document as an HTML fragment (no ``<html>``, no styles).

    Put it inside an element of class ``qa`` with `CSS` in scope; `page` and
    `render_html` do that. With ``check`` false, records that do not fit the
    text are drawn as far as they fit instead of raising ``ValueError`` (the
    CLI's writer: it writes whatever records it is given, as the other formats do).
    """
    quotes = list(quotes)
    if check:
        _check(text, quotes)
    tallies = list(speakers(quotes, unattributed=True).values())
    colours = _colours(t.name for t in tallies)
    attributed = sum(1 for q in quotes if speaker_key(q) is not None)
    named = sum(1 for t in tallies if t.name != UNATTRIBUTED)
    n = len(quotes)
    summary = (
        f"{n} quotation{'' if n == 1 else 's'}, {attributed} attributed, "
        f"{named} speaker{'' if named == 1 else 's'}"
    )
    head = f"<h2>{_display(heading)}</h2>" if heading is not None else ""
    return (
        f'<section class="qa-section">{head}<p class="qa-summary">{summary}</p>'
        f'<div class="qa-doc"><div class="qa-text">{_text_html(text, quotes, colours)}</div>'
        f"{_legend(tallies, colours)}</div></section>"
    )


def render_summary(rows: Sequence[SpeakerRow], documents: int) -> str:
    """A corpus-wide section: who is quoted across ``documents`` documents (a chart
    and a table with quotes, words and documents per speaker)."""
    colours = _colours(r.name for r in rows)
    chart = _chart([(r.name, r.quotes) for r in rows if r.name != UNATTRIBUTED], colours)
    body = []
    for r in rows:
        fill, line = colours[r.name]
        title = f' <span class="qa-title">{_display(r.title)}</span>' if r.title else ""
        body.append(
            f'<tr data-speaker="{_attr(r.name)}" data-count="{r.quotes}" data-words="{r.words}" '
            f'data-documents="{r.documents}"><td><span class="qa-swatch" '
            f'style="background-color:{fill};border-color:{line}"></span>{_display(r.name)}'
            f'{title}</td><td class="qa-n">{r.quotes}</td><td class="qa-n">{r.words}</td>'
            f'<td class="qa-n">{r.documents}</td></tr>'
        )
    quotes = sum(r.quotes for r in rows)
    return (
        '<section class="qa-section qa-corpus"><h2>All documents</h2>'
        f'<p class="qa-summary">{documents} documents, {quotes} quotations</p>'
        f'<div class="qa-corpus-body">{chart}'
        '<table class="qa-legend"><thead><tr><th>speaker</th><th class="qa-n">quotes</th>'
        '<th class="qa-n">words</th><th class="qa-n">documents</th></tr></thead><tbody>'
        + "".join(body)
        + "</tbody></table></div></section>"
    )


def page_head(title: str) -> str:
    """The start of a page, up to the opening of its main element (for streaming)."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_display(title)}</title><style>{CSS}</style></head>\n"
        '<body style="margin:0;background:#fff"><main class="qa">\n'
    )


def page_tail() -> str:
    """The end of a page started with `page_head`."""
    return "\n</main></body></html>\n"


def page(body: str, *, title: str) -> str:
    """A complete HTML page around ``body`` (fragments from `render_fragment`)."""
    return page_head(title) + body + page_tail()


def render_html(text: str, quotes: Sequence[Quote], *, title: str | None = None) -> str:
    """A self-contained HTML page showing who said what in ``text``.

    ``quotes`` are the records `extract_quotes` returned for this very
    ``text``. The page shows the text paragraph by paragraph with every
    quotation highlighted in a colour per speaker, speaker mentions underlined
    and cues dotted, a tooltip per quotation (kind, speaker, cue, confidence,
    rule), and a legend: each speaker's quote and word counts and a bar chart
    of who is quoted most. It has no script and loads nothing from the network.

    Args:
        text: the document.
        quotes: its quotes.
        title: the page title and heading (default: none shown, page titled
            "quoteattr").

    Returns:
        The page, to write to a ``.html`` file (UTF-8).

    Raises:
        ValueError: a quote's offsets do not fit ``text``.

    Examples:
        >>> from quoteattr import extract_quotes
        >>> text = "“We will win,” the mayor said."
        >>> page = render_html(text, extract_quotes(text))
        >>> 'data-entity="the mayor"' in page
        True
    """
    body = render_fragment(text, quotes, heading=title)
    return page(body, title=f"quoteattr: {title}" if title else "quoteattr: who said what")


class Quotes(list[Quote]):
    """The quotes of one text, together with the text: a `list` that displays itself.

    A ``Quotes`` is a plain list of `Quote` records (indexing, iteration,
    ``len``, ``==`` with a list all work as for the list `extract_quotes`
    returns) that also keeps the ``text`` they were found in, so it can show
    itself: in Jupyter it renders as the who-said-what view, `to_html` gives
    the full page and `speakers` the tallies.

    Args:
        text: the document.
        quotes: its quotes; when omitted they are extracted with the default
            settings (``extract_quotes(text)``).

    Examples:
        >>> qs = Quotes("“We will win,” the mayor said.")
        >>> [q.text for q in qs]
        ['We will win,']
        >>> qs.speakers()["the mayor"].count
        1
    """

    __slots__ = ("text",)

    def __init__(self, text: str, quotes: Iterable[Quote] | None = None) -> None:
        if quotes is None:
            from quoteattr.pipeline import extract_quotes

            quotes = extract_quotes(text)
        super().__init__(quotes)
        self.text = text

    def __reduce__(self) -> tuple[type[Quotes], tuple[str, list[Quote]]]:
        return (type(self), (self.text, list(self)))

    def speakers(self, *, unattributed: bool = False) -> dict[str, SpeakerTally]:
        """Tallies per speaker: ``quoteattr.speakers(self)``."""
        return speakers(self, unattributed=unattributed)

    def to_html(self, *, title: str | None = None) -> str:
        """The full page: ``render_html(self.text, self, title=title)``."""
        return render_html(self.text, self, title=title)

    def _repr_html_(self) -> str:
        """The view in Jupyter: the page's fragment with its styles."""
        return f'<div class="qa"><style>{CSS}</style>{render_fragment(self.text, self)}</div>'


def view(text: str, **options: object) -> Quotes:
    """Extract the quotes of ``text`` and keep them with it, for display.

    ``view(text, **options)`` is ``Quotes(text, extract_quotes(text, **options))``;
    in a Jupyter notebook the result shows as the who-said-what view.
    """
    from quoteattr.pipeline import extract_quotes

    return Quotes(text, extract_quotes(text, **options))
