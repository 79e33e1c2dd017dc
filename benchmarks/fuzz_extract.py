"""Coverage-guided fuzzing of `extract_quotes` with atheris (libFuzzer for Python).

    pip install atheris            # not a dependency of quoteattr
    python benchmarks/fuzz_extract.py --seconds 60
    python benchmarks/fuzz_extract.py --seconds 600 --kinds direct,mixed --corpus /tmp/fuzz-corpus

Each input is turned into a ``str`` three ways (chosen by the input itself): raw
code points (lone surrogates included), UTF-8 decoded with ``surrogateescape``, or
a sequence of pieces (every quotation mark, apostrophe words, cues, names, line
ends, control and zero-width characters) so that quotations actually occur. The
text is extracted and every record checked: offsets inside the text, spans that
slice to their text, the quotation starting with an opening mark, records sorted
and laminar, ``to_dict()`` serialisable, the same result twice.

``--target reader`` fuzzes the command line's JSONL reader instead (no
extraction): the input is a JSONL file's bytes; every non-blank line must give
exactly one record or one error record, with its line number, in order, under
``--encoding-errors`` strict and replace, and every record and error must
serialise as UTF-8 JSON.

A violated invariant or an exception is a crash: libFuzzer stops and writes the
input to ``crash-<sha1>`` (``--artifacts DIR``); replay it with
``python benchmarks/fuzz_extract.py crash-<sha1>``. An input that takes longer
than ``--timeout`` seconds (default 10) is reported as a hang. libFuzzer's last
lines ("Done N runs in S second(s)", ``stat::number_of_executed_units``) give the
number of inputs tried.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit("this harness needs atheris: pip install atheris")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

with atheris.instrument_imports(include=["quoteattr"]):
    from quoteattr import Quote, QuoteExtractor
    from quoteattr._marks import _TABLE
    from quoteattr._output import to_json
    from quoteattr.cli import ENCODING_ERRORS, ERROR_CODES, Record, _records

_OPENING = sorted({m.text for m in _TABLE.values() if m.glyph != "close"}, key=len, reverse=True)
_CLOSING = sorted({m.text for m in _TABLE.values() if m.glyph != "open"}, key=len, reverse=True)
_PIECES = [
    *[m.text for m in _TABLE.values()],
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x1b",
    "\ufeff",
    "\u200b",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\x0c",
    "\ud800",
    "\udfff",
    "\u0301",
    "\u202e",
    "\u05e9\u05dc\u05d5\u05dd",
    "—",
    "--",
    "-",
    ".",
    ". ",
    ",",
    ", ",
    ":",
    ": ",
    "!",
    "?",
    "said",
    "says",
    "told reporters",
    "added",
    "according to",
    "in a statement",
    "that",
    "he",
    "she",
    "they",
    "I",
    "Smith",
    "Ana Lopez",
    "Mr.",
    "Dr.",
    "U.S.",
    "the minister",
    "a spokeswoman",
    "police",
    "can't",
    "boys'",
    "'tis",
    "rock 'n' roll",
    "’90s",
    "o'clock",
    "We",
    "will",
    "win",
    "the",
    "wall",
    "It",
    "is",
    "over",
    "&ldquo;",
    "<p>",
]

_EXTRACTOR: QuoteExtractor | None = None


def _text(data: bytes) -> str:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    if mode == 0:
        return str(fdp.ConsumeUnicode(fdp.remaining_bytes()))
    if mode == 1:
        return fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    parts = []
    while fdp.remaining_bytes():
        if fdp.ConsumeIntInRange(0, 7) == 0:
            parts.append(str(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(1, 8))))
        else:
            parts.append(_PIECES[fdp.ConsumeIntInRange(0, len(_PIECES) - 1)])
    return "".join(parts)


def _slices(text: str, span: object) -> bool:
    s, e, t = span.start, span.end, span.text  # type: ignore[attr-defined]
    return bool(0 <= s <= e <= len(text) and text[s:e] == t)


def check(text: str, records: list[Quote]) -> None:
    """The invariants of tests/test_properties.py, compactly."""
    assert isinstance(records, list)
    prev = (-1, -1)
    stack: list[tuple[int, int]] = []
    for q in records:
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text), q
        assert text[q.content_start : q.content_end] == q.text, q
        if q.kind != "indirect":
            assert any(text.startswith(m, q.start) for m in _OPENING), q
            if q.closed:
                assert any(text.startswith(m, q.end - len(m)) for m in _CLOSING), q
        assert prev <= (q.start, q.end), "not sorted"
        prev = (q.start, q.end)
        for part in (*q.segments, q.speaker, q.cue, *(q.entity.mentions if q.entity else ())):
            assert part is None or _slices(text, part), (q, part)
        assert 0.0 <= q.confidence <= 1.0
        json.dumps(q.to_dict())
    for s, e in sorted(((q.start, q.end) for q in records), key=lambda x: (x[0], -x[1])):
        while stack and stack[-1][1] <= s:
            stack.pop()
        assert not stack or e <= stack[-1][1], f"{(s, e)} overlaps {stack[-1]}"
        stack.append((s, e))


def test_one_input(data: bytes) -> None:
    assert _EXTRACTOR is not None
    text = _text(data)
    records = _EXTRACTOR.extract(text)
    check(text, records)
    again = _EXTRACTOR.extract(text)
    assert [q.to_dict() for q in again] == [q.to_dict() for q in records], "not deterministic"


_READER_FILE = Path(tempfile.mkdtemp(prefix="fuzz-reader-")) / "input.jsonl"


def test_reader(data: bytes) -> None:
    """One record or error per non-blank line, whatever the bytes."""
    lines = data.split(b"\n")
    if lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    expected = [n for n, line in enumerate(lines, 1) if line.strip()]
    _READER_FILE.write_bytes(data)
    for errors in ENCODING_ERRORS:
        items = list(_records([str(_READER_FILE)], "jsonl", "id", "text", errors))
        assert [item.line for item in items] == expected, (items, expected)
        for item in items:
            if isinstance(item, Record):
                assert isinstance(item.text, str)
                to_json({"id": item.id}).encode("utf-8")
            else:
                assert item.error in ERROR_CODES, item
                to_json(item.to_dict()).encode("utf-8")


def main() -> None:
    global _EXTRACTOR
    parser = argparse.ArgumentParser(prog="fuzz_extract.py", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz (default 60)")
    parser.add_argument(
        "--target",
        choices=("extract", "reader"),
        default="extract",
        help="extract: the library's invariants; reader: the CLI's JSONL accounting",
    )
    parser.add_argument(
        "--kinds", default="direct,mixed,indirect,other", help="kinds to extract (default: all)"
    )
    parser.add_argument("--timeout", type=int, default=10, help="seconds before an input hangs")
    parser.add_argument("--max-len", type=int, default=4096, help="longest input in bytes")
    parser.add_argument("--corpus", default=None, help="directory to keep the growing corpus in")
    parser.add_argument("--artifacts", default="./", help="where crash files go (default: .)")
    args, rest = parser.parse_known_args()
    _EXTRACTOR = QuoteExtractor(kinds=args.kinds, min_length=0)
    fuzzer_args = [
        sys.argv[0],
        f"-max_total_time={args.seconds}",
        f"-timeout={args.timeout}",
        f"-max_len={args.max_len}",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
        f"-artifact_prefix={args.artifacts.rstrip('/')}/",
        *rest,
    ]
    if args.corpus:
        Path(args.corpus).mkdir(parents=True, exist_ok=True)
        fuzzer_args.append(args.corpus)
    atheris.Setup(fuzzer_args, test_reader if args.target == "reader" else test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
