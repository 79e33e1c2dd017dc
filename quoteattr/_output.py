"""Output formats of the command line: table, JSON, JSONL, CSV and HTML.

Every format is a writer with the same two calls, ``write(doc_id, text, quotes)``
once per document and ``close()`` at the end, so the CLI streams a corpus
document by document and a new format is one more entry in `WRITERS`.
Writers never close the stream they were given. `write_speakers` writes the
speaker tallies of ``quoteattr speakers``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TextIO

from quoteattr import _html
from quoteattr._models import Quote
from quoteattr._speakers import UNATTRIBUTED, SpeakerCounts, SpeakerRow

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "SPEAKER_COLUMNS",
    "SPEAKER_FORMATS",
    "WRITERS",
    "Writer",
    "csv_row",
    "make_writer",
    "render_speaker_table",
    "render_table",
    "to_json",
    "write_speakers",
]

#: Flat CSV columns, one row per quote; absent parts are empty cells.
CSV_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "start",
    "end",
    "kind",
    "text",
    "speaker",
    "speaker_start",
    "speaker_end",
    "entity",
    "entity_title",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "rule",
)

# A quote cell longer than this many lines is cut with an ellipsis: the table is
# for reading in a terminal; JSON/JSONL/CSV carry the full text.
_MAX_QUOTE_LINES = 6
_QUOTE_SHARE = 0.4
_QUOTE_MAX = 80
_GAP = "  "
_ABSENT = "-"
# A lone surrogate (a str may hold one; a JSON escape like "\ud800" gives one) cannot
# be encoded as UTF-8: JSON escapes it, the other formats show U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


# Line breaks to str.splitlines (and to JavaScript before ES2019) that JSON leaves raw.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def to_json(value: object, *, indent: int | None = None) -> str:
    """``value`` as JSON, non-ASCII characters as they are, except that a value holding
    a lone surrogate is written with ASCII escapes (valid JSON that reads back as the
    same string), so the line can always be encoded as UTF-8; NEL, LINE SEPARATOR and
    PARAGRAPH SEPARATOR are always escaped, so a JSONL line is one line to any reader."""
    line = json.dumps(value, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(line):
        return json.dumps(value, indent=indent)
    # These characters can only occur inside JSON strings, where an escape is equivalent.
    return _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def _encodable(value: Any) -> Any:
    """A CSV cell or display string that UTF-8 can encode (lone surrogates as U+FFFD)."""
    if isinstance(value, str) and _SURROGATE.search(value):
        return _SURROGATE.sub("\ufffd", value)
    return value


class Writer(Protocol):
    """Writes one output format, document by document."""

    def write(self, doc_id: object, text: str, quotes: Sequence[Quote]) -> None:
        """Write the quotes found in one document (``text`` is its full text)."""

    def close(self) -> None:
        """Finish the output (closing brackets and the like); the stream stays open."""


def _squash(s: str) -> str:
    # Display only: newlines inside a quote would break the grid, and control
    # characters (escape sequences) would reach the terminal.
    s = " ".join(s.split())
    return s if s.isprintable() else "".join(c if c.isprintable() else "\ufffd" for c in s)


def _cells(q: Quote, explain: bool) -> list[str]:
    row = [
        _squash(q.text),
        q.kind,
        _squash(q.speaker.text) if q.speaker else _ABSENT,
        _squash(q.entity.name) if q.entity else _ABSENT,
        _squash(q.cue.text) if q.cue else _ABSENT,
        f"{q.confidence:.2f}",
    ]
    if explain:
        row.append(q.rule or _ABSENT)
    return row


def _fill(natural: list[int], minimum: list[int], room: int) -> list[int]:
    """Share ``room`` between columns: each at least its minimum, at most its natural
    width, the rest handed out one character at a time to the narrowest (water-filling)."""
    widths = [min(m, n) for m, n in zip(minimum, natural, strict=True)]
    spare = room - sum(widths)
    while spare > 0:
        open_cols = [i for i, w in enumerate(widths) if w < natural[i]]
        if not open_cols:
            break
        i = min(open_cols, key=lambda j: (widths[j], j))
        widths[i] += 1
        spare -= 1
    return widths


def _column_widths(natural: list[int], minimum: list[int], width: int) -> list[int]:
    """Column 0 (the quote) gets what the others leave, but never less than
    `_QUOTE_SHARE` of the line, and no more than a readable `_QUOTE_MAX`."""
    room = width - len(_GAP) * (len(natural) - 1)
    quote_floor = min(natural[0], max(minimum[0], int(room * _QUOTE_SHARE)))
    others = _fill(natural[1:], minimum[1:], max(room - quote_floor, sum(minimum[1:])))
    quote = max(quote_floor, min(natural[0], _QUOTE_MAX, room - sum(others)))
    return [min(quote, natural[0]), *others]


def _wrap(cell: str, width: int, max_lines: int | None, hyphens: bool) -> list[str]:
    lines = textwrap.wrap(cell, width, break_long_words=True, break_on_hyphens=hyphens) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: width - 1] if len(last) >= width else last) + "…"
    return lines


def render_table(quotes: Sequence[Quote], *, width: int = 100, explain: bool = False) -> str:
    """An aligned text table of ``quotes`` fitting in ``width`` characters.

    Columns: quote, kind, speaker, entity, cue, confidence (and rule with
    ``explain``). Cells wrap inside their column; the quote column gets the
    largest share of the width and long quotes are cut after a few lines.
    """
    headers = ["quote", "kind", "speaker", "entity", "cue", "conf"]
    if explain:
        headers.append("rule")
    if not quotes:
        return "(no quotes found)\n"
    rows = [_cells(q, explain) for q in quotes]
    ncol = len(headers)
    natural = [max(len(headers[c]), *(len(r[c]) for r in rows)) for c in range(ncol)]
    # kind and confidence never wrap; text columns may shrink to a short floor.
    fixed = {1, 5}
    minimum = [
        natural[c] if c in fixed else min(natural[c], max(len(headers[c]), 6 if c else 12))
        for c in range(ncol)
    ]
    widths = _column_widths(natural, minimum, width)

    out = [
        _GAP.join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
        _GAP.join("-" * w for w in widths),
    ]
    multi_line = False
    for row in rows:
        wrapped = [
            _wrap(cell, widths[c], _MAX_QUOTE_LINES if c == 0 else None, hyphens=c == 6)
            for c, cell in enumerate(row)
        ]
        height = max(len(w) for w in wrapped)
        if multi_line or height > 1:
            # A blank line between rows keeps multi-line rows apart.
            if len(out) > 2:
                out.append("")
            multi_line = True
        for i in range(height):
            parts = [(w[i] if i < len(w) else "").ljust(widths[c]) for c, w in enumerate(wrapped)]
            out.append(_GAP.join(parts).rstrip())
    return "\n".join(out) + "\n"


def _doc_label(doc_id: object) -> str:
    return _encodable(doc_id) if isinstance(doc_id, str) else json.dumps(doc_id)


class TableWriter:
    """A heading per document (its id and quote count) followed by its table."""

    def __init__(self, stream: TextIO, *, width: int = 100, explain: bool = False) -> None:
        self._stream = stream
        self._width = width
        self._explain = explain
        self._count = 0

    def write(self, doc_id: object, text: str, quotes: Sequence[Quote]) -> None:
        """Write the heading and table of one document."""
        n = len(quotes)
        heading = f"{_doc_label(doc_id)}: {n} quote{'' if n == 1 else 's'}"
        sep = "\n" if self._count else ""
        table = render_table(quotes, width=self._width, explain=self._explain)
        self._stream.write(f"{sep}{heading}\n\n{table}")
        self._count += 1

    def close(self) -> None:
        """Nothing to finish."""


def _doc_object(doc_id: object, quotes: Sequence[Quote]) -> dict[str, Any]:
    return {"id": doc_id, "quotes": [q.to_dict() for q in quotes]}


class JsonlWriter:
    """One line per document: ``{"id": ..., "quotes": [Quote.to_dict(), ...]}``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, doc_id: object, text: str, quotes: Sequence[Quote]) -> None:
        """Write one document's line."""
        self._stream.write(to_json(_doc_object(doc_id, quotes)) + "\n")

    def close(self) -> None:
        """Nothing to finish."""


class JsonWriter:
    """One JSON array of the same document objects as JSONL, streamed."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._count = 0

    def write(self, doc_id: object, text: str, quotes: Sequence[Quote]) -> None:
        """Write one document object into the array."""
        body = textwrap.indent(to_json(_doc_object(doc_id, quotes), indent=2), "  ")
        self._stream.write(("[\n" if self._count == 0 else ",\n") + body)
        self._count += 1

    def close(self) -> None:
        """Close the array (an empty array when there were no documents)."""
        self._stream.write("\n]\n" if self._count else "[]\n")


def csv_row(doc_id: object, q: Quote) -> dict[str, Any]:
    """The flat `CSV_COLUMNS` values of one quote (``None`` where absent)."""
    return {
        "doc_id": doc_id,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "text": q.text,
        "speaker": q.speaker.text if q.speaker else None,
        "speaker_start": q.speaker.start if q.speaker else None,
        "speaker_end": q.speaker.end if q.speaker else None,
        "entity": q.entity.name if q.entity else None,
        "entity_title": q.entity.title if q.entity else None,
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "confidence": round(q.confidence, 4),
        "rule": q.rule,
    }


class CsvWriter:
    """A header row, then one row per quote with `CSV_COLUMNS`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._buffer = io.StringIO()
        self._writer = csv.DictWriter(self._buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self._writer.writeheader()
        self._flush()

    def _flush(self) -> None:
        # One write per document: a failure leaves no partial rows in the stream.
        self._stream.write(self._buffer.getvalue())
        self._buffer.seek(0)
        self._buffer.truncate()

    def write(self, doc_id: object, text: str, quotes: Sequence[Quote]) -> None:
        """Write one row per quote of the document (lone surrogates as U+FFFD)."""
        try:
            for q in quotes:
                row = csv_row(doc_id, q)
                self._writer.writerow({k: _encodable(v) for k, v in row.items()})
        except BaseException:
            self._buffer.seek(0)
            self._buffer.truncate()
            raise
        self._flush()

    def close(self) -> None:
        """Nothing to finish."""


class HtmlWriter:
    """One self-contained HTML page (`quoteattr.render_html`'s view): a section per
    document with its text, highlighted quotes and legend; with several documents,
    a corpus-wide tally of the speakers at the end."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._count = 0
        self._speakers = SpeakerCounts()

    def write(self, doc_id: object, text: str, quotes: Sequence[Quote]) -> None:
        """Write one document's section (the page starts with the first one)."""
        label = _doc_label(doc_id)
        head = _html.page_head(f"quoteattr: {label}") if self._count == 0 else ""
        fragment = _html.render_fragment(text, quotes, heading=label, check=False)
        self._stream.write(head + fragment + "\n")
        self._speakers.add(quotes)
        self._count += 1

    def close(self) -> None:
        """Write the corpus tally (several documents) and end the page."""
        if self._count == 0:
            self._stream.write(_html.page_head("quoteattr") + "<p>No documents.</p>")
        elif self._count > 1:
            self._stream.write(_html.render_summary(self._speakers.rows(), self._count))
        self._stream.write(_html.page_tail())


WriterFactory = Callable[..., Writer]

#: Format name -> writer class; every writer takes the stream plus keyword options.
WRITERS: dict[str, WriterFactory] = {
    "table": TableWriter,
    "json": JsonWriter,
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "html": HtmlWriter,
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def make_writer(fmt: str, stream: TextIO, *, width: int = 100, explain: bool = False) -> Writer:
    """The writer for ``fmt`` (one of `FORMATS`) on ``stream``."""
    if fmt == "table":
        return TableWriter(stream, width=width, explain=explain)
    return WRITERS[fmt](stream)


# ---------------------------------------------------------------------------- speakers

#: Columns of ``quoteattr speakers`` (CSV header, JSON keys, table headings).
SPEAKER_COLUMNS: tuple[str, ...] = ("speaker", "title", "kind", "quotes", "words", "documents")
SPEAKER_FORMATS: tuple[str, ...] = ("table", "csv", "json")


def render_speaker_table(rows: Sequence[SpeakerRow], *, documents: int, width: int = 100) -> str:
    """An aligned table of speaker tallies fitting in ``width`` characters, with a
    closing line of totals. Names and titles wrap inside their columns."""
    if not rows:
        return f"(no quotes found in {documents} document{'' if documents == 1 else 's'})\n"
    headers = ["speaker", "title", "quotes", "words", "docs"]
    cells = [
        [
            _squash(r.name),
            _squash(r.title or _ABSENT),
            str(r.quotes),
            str(r.words),
            str(r.documents),
        ]
        for r in rows
    ]
    natural = [max(len(headers[c]), *(len(row[c]) for row in cells)) for c in range(5)]
    room = width - len(_GAP) * 4 - sum(natural[2:])
    # The counts never wrap; the name gets at least half of what is left.
    name_w = min(natural[0], max(12, room - min(natural[1], room // 2)))
    title_w = min(natural[1], max(8, room - name_w))
    widths = [name_w, title_w, *natural[2:]]
    right = {2, 3, 4}
    out = [
        _GAP.join(
            h.rjust(w) if c in right else h.ljust(w)
            for c, (h, w) in enumerate(zip(headers, widths, strict=True))
        ).rstrip(),
        _GAP.join("-" * w for w in widths),
    ]
    for row in cells:
        wrapped = [_wrap(cell, widths[c], None, hyphens=False) for c, cell in enumerate(row)]
        for i in range(max(len(w) for w in wrapped)):
            parts = [
                (w[i] if i < len(w) else "").rjust(widths[c])
                if c in right
                else (w[i] if i < len(w) else "").ljust(widths[c])
                for c, w in enumerate(wrapped)
            ]
            out.append(_GAP.join(parts).rstrip())
    quotes = sum(r.quotes for r in rows)
    named = sum(1 for r in rows if r.name != UNATTRIBUTED)
    out.append("")
    out.append(
        f"{named} speaker{'' if named == 1 else 's'}, {quotes} quote{'' if quotes == 1 else 's'} "
        f"in {documents} document{'' if documents == 1 else 's'}"
    )
    return "\n".join(out) + "\n"


def write_speakers(
    fmt: str, stream: TextIO, rows: Sequence[SpeakerRow], *, documents: int, width: int = 100
) -> None:
    """Write speaker tallies as ``fmt`` (one of `SPEAKER_FORMATS`): an aligned table,
    CSV with `SPEAKER_COLUMNS`, or a JSON array of objects with those keys."""
    if fmt == "table":
        stream.write(render_speaker_table(rows, documents=documents, width=width))
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=SPEAKER_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _encodable(v) for k, v in r.to_dict().items()})
    elif fmt == "json":
        stream.write(to_json([r.to_dict() for r in rows], indent=2) + "\n")
    else:
        raise ValueError(f"unknown speakers format {fmt!r}; expected one of {SPEAKER_FORMATS}")
