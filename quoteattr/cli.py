"""The ``quoteattr`` command line.

``quoteattr FILE`` prints a table of the quotes in a text file (shorthand for
``quoteattr extract FILE --format table``); ``quoteattr extract`` reads text
files, JSONL corpora or stdin and writes a table, JSON, JSONL or CSV.

Exit status: 0 success; 1 some input records failed (each reported on stderr,
the others processed); 2 bad usage, bad options or unreadable input (nothing
is written).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TextIO

import attrs

from quoteattr import __version__
from quoteattr._errors import ConfigurationError
from quoteattr._models import QUOTE_KINDS, Quote
from quoteattr._output import FORMATS, Writer, make_writer
from quoteattr.pipeline import DEFAULT_KINDS, QuoteExtractor

__all__ = ["main"]

PROG = "quoteattr"
STDIN = "-"
SUBCOMMANDS = ("extract",)
INPUT_FORMATS = ("text", "jsonl")

EXIT_OK = 0
EXIT_RECORD_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad options or unreadable input, found before any output is written (exit 2)."""


@attrs.frozen(slots=True)
class Record:
    """One input document: its id, its text, and where it came from."""

    id: object
    text: str
    source: str
    line: int | None = None


@attrs.frozen(slots=True)
class RecordError:
    """An input record that could not be read; reported, then the run goes on."""

    source: str
    line: int | None
    id: object
    reason: str

    def to_dict(self) -> dict[str, object]:
        """Plain JSON types: ``{"source", "line", "id", "reason"}``."""
        return {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason}

    def message(self) -> str:
        """One line for stderr: ``source:line: id ...: reason``."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        who = "" if self.id is None else f" (id {json.dumps(self.id, ensure_ascii=False)})"
        return f"{where}{who}: {self.reason}"


# ---------------------------------------------------------------------------- arguments


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find who said what: quotations, their speakers and cues, with offsets.",
        epilog=f"'{PROG} FILE' is short for '{PROG} extract FILE --format table'.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract quotes from text files, a JSONL corpus or stdin",
        description=(
            "Extract quotes from text files, a JSONL corpus or stdin. Offsets index each "
            "text exactly as read (UTF-8, line endings unchanged)."
        ),
    )
    ex.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE",
        help="text or JSONL files; '-' or none reads stdin",
    )
    ex.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="table",
        help="output format (default: table)",
    )
    ex.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="text",
        help="text: each file is one document; jsonl: one JSON object per line (default: text)",
    )
    ex.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSONL field holding the id (default: id)"
    )
    ex.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSONL field holding the text (default: text)",
    )
    ex.add_argument(
        "--kinds",
        default=",".join(DEFAULT_KINDS),
        metavar="KINDS",
        help=f"comma-separated kinds to return, from {','.join(QUOTE_KINDS)} "
        f"(default: {','.join(DEFAULT_KINDS)})",
    )
    ex.add_argument(
        "--explain", action="store_true", help="table: add the rule that attributed each quote"
    )
    ex.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT (atomically: a temporary file, then renamed) instead of stdout",
    )
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """``quoteattr FILE ...`` means ``quoteattr extract FILE ...``."""
    if not argv or argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["extract", *argv]


# ---------------------------------------------------------------------------- input


def _check_inputs(paths: Sequence[str]) -> list[str]:
    """The inputs to read, every file checked before any output is written."""
    if not paths:
        return [STDIN]
    if list(paths).count(STDIN) > 1:
        raise UsageError("stdin ('-') given more than once")
    for path in paths:
        if path == STDIN:
            continue
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file")
        if os.path.isdir(path):
            raise UsageError(f"{path}: is a directory, expected a file")
        if not os.access(path, os.R_OK):
            raise UsageError(f"{path}: permission denied")
    return list(paths)


@contextmanager
def _open_binary(path: str) -> Iterator[IO[bytes]]:
    if path == STDIN:
        yield sys.stdin.buffer
    else:
        with open(path, "rb") as f:
            yield f


def _source_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _decode_error(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : exc.start + 1].hex()
    return f"invalid UTF-8 at byte offset {exc.start} (byte 0x{bad})"


def _read_text(path: str) -> Iterator[Record | RecordError]:
    """A text file is one document; its id is the path as given (``<stdin>`` for stdin)."""
    source = _source_name(path)
    try:
        with _open_binary(path) as f:
            data = f.read()
    except OSError as exc:
        yield RecordError(source, None, None, f"cannot read: {exc.strerror or exc}")
        return
    try:
        # Bytes decoded as they are, so offsets index the file's text with its
        # own line endings (what open(path, encoding="utf-8", newline="") gives).
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield RecordError(source, None, None, _decode_error(exc))
        return
    yield Record(source, text, source)


def _read_jsonl(path: str, id_field: str, text_field: str) -> Iterator[Record | RecordError]:
    """One document per non-blank line; a line that cannot be used is a `RecordError`."""
    source = _source_name(path)
    try:
        with _open_binary(path) as f:
            for lineno, raw in enumerate(f, 1):
                yield from _parse_line(raw, source, lineno, id_field, text_field)
    except OSError as exc:
        yield RecordError(source, None, None, f"cannot read: {exc.strerror or exc}")


def _parse_line(
    raw: bytes, source: str, lineno: int, id_field: str, text_field: str
) -> Iterator[Record | RecordError]:
    if not raw.strip():
        return
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield RecordError(source, lineno, None, _decode_error(exc))
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield RecordError(source, lineno, None, f"malformed JSON: {exc.msg} at column {exc.colno}")
        return
    except RecursionError:
        yield RecordError(source, lineno, None, "malformed JSON: nested too deeply")
        return
    if not isinstance(obj, dict):
        yield RecordError(source, lineno, None, f"expected a JSON object, got {_json_type(obj)}")
        return
    # The line number stands in for a missing id so every output line can be traced.
    doc_id = obj.get(id_field, lineno)
    if text_field not in obj:
        yield RecordError(source, lineno, doc_id, f"missing text field {text_field!r}")
        return
    text = obj[text_field]
    if not isinstance(text, str):
        reason = f"text field {text_field!r} is {_json_type(text)}, expected a string"
        yield RecordError(source, lineno, doc_id, reason)
        return
    yield Record(doc_id, text, source, lineno)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _records(
    paths: Sequence[str], input_format: str, id_field: str, text_field: str
) -> Iterator[Record | RecordError]:
    for path in paths:
        if input_format == "jsonl":
            yield from _read_jsonl(path, id_field, text_field)
        else:
            yield from _read_text(path)


def _extract(
    extractor: QuoteExtractor, items: Iterator[Record | RecordError]
) -> Iterator[tuple[Record, list[Quote]] | RecordError]:
    """Quotes per record, in input order. (The place for ``--jobs`` later.)"""
    for item in items:
        if isinstance(item, RecordError):
            yield item
            continue
        try:
            quotes = extractor.extract(item.text)
        except Exception as exc:  # a library bug must not end a corpus run
            yield RecordError(
                item.source, item.line, item.id, f"internal error: {type(exc).__name__}: {exc}"
            )
            continue
        yield item, quotes


# ---------------------------------------------------------------------------- output


@contextmanager
def _atomic_output(path: str) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path``, renamed over it only on success."""
    target = os.path.abspath(path)
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise UsageError(f"{path}: directory {directory} does not exist")
    if os.path.isdir(target):
        raise UsageError(f"{path}: is a directory")
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory
        )
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with open(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: str) -> int:
    """Keep an existing file's permissions; a new one gets the usual 0666 & ~umask."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _stdout(fmt: str) -> Iterator[TextIO]:
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if reconfigure is not None and encoding != "utf8":
        # Data formats are UTF-8 whatever the locale; a table degrades gracefully.
        if fmt == "table":
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8")
    yield stream
    stream.flush()


def _table_width() -> int:
    return max(40, shutil.get_terminal_size(fallback=(100, 24)).columns)


# ---------------------------------------------------------------------------- commands


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _run_extract(args: argparse.Namespace) -> int:
    try:
        extractor = QuoteExtractor(kinds=args.kinds)
    except ConfigurationError as exc:
        raise UsageError(f"--kinds: {exc}") from None
    paths = _check_inputs(args.inputs)
    items = _extract(extractor, _records(paths, args.input_format, args.id_field, args.text_field))

    docs = errors = 0

    def run(writer: Writer) -> None:
        nonlocal docs, errors
        for item in items:
            if isinstance(item, RecordError):
                errors += 1
                _err(item.message())
                continue
            record, quotes = item
            writer.write(record.id, record.text, quotes)
            docs += 1
        writer.close()

    width = _table_width()
    if args.output:
        with _atomic_output(args.output) as out:
            run(make_writer(args.format, out, width=width, explain=args.explain))
    else:
        with _stdout(args.format) as out:
            run(make_writer(args.format, out, width=width, explain=args.explain))

    if errors:
        _err(f"{errors} of {docs + errors} input records failed")
        return EXIT_RECORD_ERRORS
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        args = parser.parse_args(_normalise_argv(args_list))
    except SystemExit as exc:  # argparse exits on --help, --version and bad usage
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _run_extract(args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error; silence the final flush.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
