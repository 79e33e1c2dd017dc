"""The ``quoteattr`` command line.

``quoteattr FILE`` prints a table of the quotes in a text file (shorthand for
``quoteattr extract FILE --format table``); ``quoteattr extract`` reads text
files, JSONL corpora or stdin and writes a table, JSON, JSONL, CSV or an HTML
page; ``quoteattr speakers`` tallies who is quoted, how often and how many words.

Every input record ends up either as one output document or as one error record
(on stderr, and as JSONL in ``--errors FILE``), in input order. Exit status: 0
success; 1 some input records failed (each reported, the others processed; or,
with ``--on-error fail``, the run stopped at the first); 2 bad usage, bad options,
unreadable input or unwritable output (nothing is written); 130 interrupted
(SIGINT); 143 terminated (SIGTERM). ``-o`` and ``--errors`` files are written
atomically: an interrupted or failed run leaves neither them nor a temporary file.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, closing, contextmanager
from types import FrameType
from typing import IO, TextIO

import attrs

from quoteattr import __version__
from quoteattr._attribution import GENRES
from quoteattr._errors import ConfigurationError
from quoteattr._models import QUOTE_KINDS, Quote
from quoteattr._output import (
    FORMATS,
    SPEAKER_FORMATS,
    Writer,
    make_writer,
    to_json,
    write_speakers,
)
from quoteattr._speakers import SpeakerCounts
from quoteattr.pipeline import DEFAULT_KINDS, QuoteExtractor

__all__ = ["main"]

PROG = "quoteattr"
STDIN = "-"
SUBCOMMANDS = ("extract", "speakers")
INPUT_FORMATS = ("text", "jsonl")
ON_ERROR = ("continue", "fail")
ENCODING_ERRORS = ("strict", "replace")

EXIT_OK = 0
EXIT_RECORD_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 128 + signal.SIGTERM

#: The ``error`` codes of error records.
ERROR_CODES = (
    "invalid-utf8",  # a text file or JSONL line is not valid UTF-8 (--encoding-errors strict)
    "malformed-json",  # the line is not JSON (NaN and out-of-range numbers included)
    "not-an-object",  # the line is JSON but not an object
    "missing-text",  # the object has no --text-field
    "text-not-a-string",  # the text field is a number, null, an array ...
    "unreadable",  # the file could not be read (at all, or past this line)
    "extraction-failed",  # extraction raised (a bug in quoteattr: please report it)
    "output-failed",  # the document's output could not be formatted (a bug, likewise)
)


class UsageError(Exception):
    """Bad options or unreadable input, found before any output is written (exit 2)."""


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like ``KeyboardInterrupt`` so temporary files go."""


class _Stopped(Exception):
    """``--on-error fail`` met a failed record."""


@attrs.frozen(slots=True)
class Record:
    """One input document: its id, its text, where it came from, and its size in bytes
    as read (for the progress report). ``raw_id`` is the JSONL id field as given
    (``None`` if absent; ``id`` then falls back to the line number)."""

    id: object
    text: str
    source: str
    line: int | None = None
    size: int = 0
    raw_id: object = None


@attrs.frozen(slots=True)
class RecordError:
    """An input record that could not be used; reported, then the run goes on.

    ``line`` is the 1-based line of a JSONL record (``None`` for a text file), ``id``
    the record's id field if it could be read, ``error`` one of `ERROR_CODES`.
    """

    source: str
    line: int | None
    id: object
    reason: str
    error: str = "extraction-failed"

    def to_dict(self) -> dict[str, object]:
        """Plain JSON types: ``{"line", "id", "source", "error", "reason"}``."""
        return {
            "line": self.line,
            "id": self.id,
            "source": self.source,
            "error": self.error,
            "reason": self.reason,
        }

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
    _add_input_options(ex, "kinds to return")
    ex.add_argument(
        "--explain", action="store_true", help="table: add the rule that attributed each quote"
    )
    ex.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT (atomically: a temporary file, then renamed) instead of stdout",
    )
    _add_corpus_options(ex)
    _add_speakers_parser(sub)
    return parser


def _add_corpus_options(ex: argparse.ArgumentParser) -> None:
    """Options for running over a corpus: processes, a Dask cluster, progress."""
    ex.add_argument(
        "-j",
        "--jobs",
        type=_jobs_arg,
        default=1,
        metavar="N",
        help="worker processes; 0 means one per CPU (default: 1, in this process)",
    )
    ex.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster whose scheduler is at ADDRESS "
        "(e.g. tcp://10.0.0.5:8786; needs the 'quoteattr[dask]' extra)",
    )
    ex.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress report (shown on stderr only when it is a terminal)",
    )


def _jobs_arg(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0 (0: one per CPU), got {jobs}")
    return jobs


def _add_speakers_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``quoteattr speakers``: the inputs of ``extract``, a tally instead of the quotes."""
    sp = sub.add_parser(
        "speakers",
        help="tally who is quoted, how often and how many words, across files or a corpus",
        description=(
            "Extract the quotes of every input document and tally them by speaker entity: "
            "quotes, words quoted and documents quoted in, most quoted first."
        ),
    )
    sp.add_argument(
        "inputs", nargs="*", metavar="FILE", help="text or JSONL files; '-' or none reads stdin"
    )
    sp.add_argument(
        "-f",
        "--format",
        choices=SPEAKER_FORMATS,
        default="table",
        help="output format (default: table)",
    )
    _add_input_options(sp, "kinds of quote to count")
    sp.add_argument(
        "--top", type=_top_arg, default=None, metavar="N", help="only the N most quoted speakers"
    )
    sp.add_argument(
        "--unattributed",
        action="store_true",
        help="add a row '(unattributed)' for the quotes without a speaker",
    )
    sp.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT (atomically: a temporary file, then renamed) instead of stdout",
    )
    _add_corpus_options(sp)


def _add_input_options(parser: argparse.ArgumentParser, kinds: str) -> None:
    """The options every corpus subcommand reads its input with."""
    parser.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="text",
        help="text: each file is one document; jsonl: one JSON object per line (default: text)",
    )
    parser.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSONL field holding the id (default: id)"
    )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSONL field holding the text (default: text)",
    )
    parser.add_argument(
        "--encoding-errors",
        choices=ENCODING_ERRORS,
        default="strict",
        help="invalid UTF-8 in the input: strict makes the file (text) or line (jsonl) an "
        "error record; replace decodes it as U+FFFD (default: strict)",
    )
    parser.add_argument(
        "--errors",
        metavar="FILE",
        help="also write the error records to FILE as JSONL (atomically, always written, "
        "empty when nothing failed)",
    )
    parser.add_argument(
        "--on-error",
        choices=ON_ERROR,
        default="continue",
        help="a failed input record: report it and go on, or stop the run with status 1 "
        "without writing -o (default: continue)",
    )
    parser.add_argument(
        "--kinds",
        default=",".join(DEFAULT_KINDS),
        metavar="KINDS",
        help=f"comma-separated {kinds}, from {','.join(QUOTE_KINDS)} "
        f"(default: {','.join(DEFAULT_KINDS)})",
    )
    parser.add_argument(
        "--genre",
        choices=GENRES,
        default="auto",
        help="how short quoted phrases inside narration are read: news (speech), fiction "
        "(names and terms) or auto, decided per text (default: auto)",
    )


def _top_arg(value: str) -> int:
    try:
        top = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
    if top < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {top}")
    return top


def _normalise_argv(argv: list[str]) -> list[str]:
    """``quoteattr FILE ...`` means ``quoteattr extract FILE ...``."""
    if not argv or argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["extract", *argv]


# ---------------------------------------------------------------------------- input


def _check_inputs(paths: Sequence[str], input_format: str = "text") -> list[str]:
    """The files to read, every one checked before any output is written.

    A directory stands for the files under it (recursively) with the input format's
    extension, ``*.txt`` or ``*.jsonl``, in sorted path order.
    """
    if not paths:
        return [STDIN]
    if list(paths).count(STDIN) > 1:
        raise UsageError("stdin ('-') given more than once")
    files: list[str] = []
    for path in paths:
        if path == STDIN:
            files.append(path)
            continue
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file")
        if os.path.isdir(path):
            found = _files_under(path, ".jsonl" if input_format == "jsonl" else ".txt")
            if not found:
                suffix = ".jsonl" if input_format == "jsonl" else ".txt"
                raise UsageError(f"{path}: is a directory with no *{suffix} files")
            files.extend(found)
            continue
        if not os.access(path, os.R_OK):
            raise UsageError(f"{path}: permission denied")
        files.append(path)
    return files


def _files_under(directory: str, suffix: str) -> list[str]:
    """Readable files ending in ``suffix`` under ``directory``, sorted by path
    (component by component: ``a/y.txt`` before ``b/x.txt`` before ``z.txt``)."""
    found: list[str] = []
    for root, _dirs, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            if name.endswith(suffix) and os.path.isfile(path):
                if not os.access(path, os.R_OK):
                    raise UsageError(f"{path}: permission denied")
                found.append(path)
    return sorted(found, key=lambda p: os.path.relpath(p, directory).split(os.sep))


@contextmanager
def _open_binary(path: str) -> Iterator[IO[bytes]]:
    if path == STDIN:
        yield sys.stdin.buffer
    else:
        with open(path, "rb") as f:
            yield f


def _source_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _decode_error(exc: UnicodeDecodeError, base: int = 0) -> str:
    """The reason for invalid UTF-8; ``base`` is the offset in the file of the bytes
    that were decoded, so the offset given is the file's."""
    bad = exc.object[exc.start : exc.start + 1].hex()
    return f"invalid UTF-8 at byte offset {base + exc.start} (byte 0x{bad})"


def _cannot_read(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


def _read_text(path: str, encoding_errors: str = "strict") -> Iterator[Record | RecordError]:
    """A text file is one document; its id is the path as given (``<stdin>`` for stdin)."""
    source = _source_name(path)
    try:
        with _open_binary(path) as f:
            data = f.read()
    except OSError as exc:
        yield RecordError(source, None, None, _cannot_read(exc), "unreadable")
        return
    try:
        # Bytes decoded as they are, so offsets index the file's text with its own
        # line endings and BOM (what open(path, encoding="utf-8", newline="") gives).
        text = data.decode("utf-8", encoding_errors)
    except UnicodeDecodeError as exc:
        yield RecordError(source, None, None, _decode_error(exc), "invalid-utf8")
        return
    yield Record(source, text, source, None, len(data))


_BOM = b"\xef\xbb\xbf"


def _read_jsonl(
    path: str, id_field: str, text_field: str, encoding_errors: str = "strict"
) -> Iterator[Record | RecordError]:
    """One document per non-blank line; a line that cannot be used is a `RecordError`.

    Lines are split at ``\\n`` bytes only (JSON escapes every other line break inside
    a string) and numbered from 1, blank lines included; a UTF-8 BOM before the first
    line is skipped (JSON parsers reject it, editors on Windows write it).
    """
    source = _source_name(path)
    lineno = offset = 0
    try:
        with _open_binary(path) as f:
            for raw in f:
                lineno += 1
                start = offset
                offset += len(raw)
                if lineno == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                    start += len(_BOM)
                if raw.strip():
                    yield _parse_line(
                        raw, source, lineno, start, id_field, text_field, encoding_errors
                    )
    except OSError as exc:
        # Nothing after this point can be counted: one error stands for the rest.
        reason = _cannot_read(exc)
        if lineno:
            reason += f" (stopped after line {lineno}; the rest of the file is not counted)"
        yield RecordError(source, lineno + 1 if lineno else None, None, reason, "unreadable")


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):  # 1e999: Python reads inf, which no JSON writer can write back
        raise ValueError(f"number out of range: {literal[:40]}")
    return value


def _parse_line(
    raw: bytes,
    source: str,
    lineno: int,
    start: int,
    id_field: str,
    text_field: str,
    encoding_errors: str = "strict",
) -> Record | RecordError:
    """The record on one non-blank JSONL line (``start``: its byte offset in the file)."""
    try:
        line = raw.decode("utf-8", encoding_errors)
    except UnicodeDecodeError as exc:
        return RecordError(source, lineno, None, _decode_error(exc, start), "invalid-utf8")
    try:
        obj = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        reason = f"malformed JSON: {exc.msg} at column {exc.colno}"
        return RecordError(source, lineno, None, reason, "malformed-json")
    except RecursionError:
        reason = "malformed JSON: nested too deeply"
        return RecordError(source, lineno, None, reason, "malformed-json")
    except ValueError as exc:  # NaN, 1e999, an integer of more than 4300 digits
        reason = str(exc)
        if "integer string conversion" in reason:
            reason = f"an integer of more than {sys.get_int_max_str_digits()} digits"
        return RecordError(source, lineno, None, f"malformed JSON: {reason}", "malformed-json")
    if not isinstance(obj, dict):
        reason = f"expected a JSON object, got {_json_type(obj)}"
        return RecordError(source, lineno, None, reason, "not-an-object")
    raw_id = obj.get(id_field)
    if text_field not in obj:
        reason = f"missing text field {text_field!r}"
        return RecordError(source, lineno, raw_id, reason, "missing-text")
    text = obj[text_field]
    if not isinstance(text, str):
        reason = f"text field {text_field!r} is {_json_type(text)}, expected a string"
        return RecordError(source, lineno, raw_id, reason, "text-not-a-string")
    # The line number stands in for a missing id so every output line can be traced.
    doc_id = raw_id if id_field in obj else lineno
    return Record(doc_id, text, source, lineno, len(raw), raw_id)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _records(
    paths: Sequence[str],
    input_format: str,
    id_field: str,
    text_field: str,
    encoding_errors: str = "strict",
) -> Iterator[Record | RecordError]:
    for path in paths:
        if input_format == "jsonl":
            yield from _read_jsonl(path, id_field, text_field, encoding_errors)
        else:
            yield from _read_text(path, encoding_errors)


# Runs extraction over texts, in order; a failed text (or a non-str placeholder) gives
# its exception in its place.
Runner = Callable[[Iterable[object]], Iterator["list[Quote] | Exception"]]


Item = tuple[Record, list[Quote]] | RecordError


def _extract(items: Iterable[Record | RecordError], run: Runner) -> Generator[Item, None, None]:
    """Quotes per record, in input order, whatever runs the extraction.

    Every item goes through ``run`` (a `RecordError` as a non-text placeholder, so it
    keeps its place without reaching a worker), and each result is matched with the
    oldest item still waiting: one output per input, errors included, in order, with
    no more items held than the runner has in flight.
    """
    waiting: deque[Record | RecordError] = deque()

    def texts() -> Iterator[object]:
        for item in items:
            waiting.append(item)
            yield item.text if isinstance(item, Record) else item

    def failed(item: Record | RecordError, reason: str) -> RecordError:
        if isinstance(item, RecordError):
            return item
        return RecordError(item.source, item.line, item.raw_id, reason, "extraction-failed")

    feed = texts()
    results = run(feed)
    try:
        for result in results:
            item = waiting.popleft()
            if isinstance(result, Exception):  # a library bug must not end a corpus run
                yield failed(item, f"internal error: {type(result).__name__}: {result}")
            elif isinstance(item, RecordError):
                yield item
            else:
                yield item, result
    finally:  # stopped early (Ctrl-C, --on-error fail): stop the workers now
        close = getattr(results, "close", None)
        if close is not None:
            close()
    # A runner that ended early must not lose the records it did not return.
    for _ in feed:
        pass
    while waiting:
        yield failed(waiting.popleft(), "internal error: no result from the extraction")


def _runner(args: argparse.Namespace) -> Runner:
    """Extraction in this process, over ``--jobs`` processes, or on a Dask cluster."""
    options = {"kinds": args.kinds, "genre": args.genre}
    if args.scheduler:
        if args.jobs != 1:
            raise UsageError("--jobs and --scheduler cannot be combined (the cluster has workers)")
        try:
            from quoteattr import dask as qdask
        except ImportError as exc:
            raise UsageError(
                f"--scheduler needs Dask: pip install 'quoteattr[dask]' ({exc})"
            ) from None
        try:
            client = qdask.connect(args.scheduler)
        except ConnectionError as exc:
            raise UsageError(f"--scheduler: {exc}") from None

        def on_cluster(texts: Iterable[object]) -> Iterator[list[Quote] | Exception]:
            try:
                yield from qdask.extract_quotes_cluster(
                    texts, client, return_exceptions=True, **options
                )
            finally:
                client.close()  # type: ignore[no-untyped-call,unused-ignore]

        return on_cluster
    from quoteattr._batch import extract_quotes_many

    return lambda texts: extract_quotes_many(
        texts, jobs=args.jobs, return_exceptions=True, **options
    )


class Progress:
    """A one-line progress report on stderr, redrawn at most a few times a second:
    documents (of how many, when known), characters per second, and the share done
    with an ETA when the input's size is known (files, not stdin)."""

    INTERVAL = 0.2

    def __init__(self, stream: TextIO, total_bytes: int | None, total_docs: int | None) -> None:
        self._stream = stream
        self._total_bytes = total_bytes or None
        self._total_docs = total_docs
        self._t0 = time.monotonic()
        self._last = 0.0
        self._shown = False
        self.docs = self.errors = self.chars = self.bytes = 0
        self.complete = False  # set when the input was read to its end

    def record(self, record: Record | None) -> None:
        """Count one output document (``None``: one failed record) and redraw if due."""
        if record is None:
            self.errors += 1
        else:
            self.docs += 1
            self.chars += len(record.text)
            self.bytes += record.size
        now = time.monotonic()
        if now - self._last >= self.INTERVAL:
            self._last = now
            self._draw(now)

    def line(self, now: float) -> str:
        """The report as it stands at time ``now``."""
        elapsed = max(now - self._t0, 1e-9)
        done = self.docs + self.errors
        docs = f"{done:,}" if self._total_docs is None else f"{done:,}/{self._total_docs:,}"
        parts = [f"{docs} docs"]
        if self.errors:
            parts.append(f"{self.errors:,} failed")
        parts.append(f"{_si(self.chars / elapsed)} chars/s")
        share = None
        if self.complete:
            share = 1.0
        elif self._total_bytes:
            share = min(1.0, self.bytes / self._total_bytes)
        elif self._total_docs:
            share = min(1.0, done / self._total_docs)
        if share is not None:
            eta = elapsed * (1 - share) / share if share > 0 else None
            parts.append(f"{share:4.0%}")
            if not self.complete:
                parts.append("ETA " + ("--:--" if eta is None else _clock(eta)))
        parts.append(_clock(elapsed))
        return f"{PROG}: " + "  ".join(parts)

    def _draw(self, now: float) -> None:
        width = shutil.get_terminal_size(fallback=(80, 24)).columns
        self._stream.write("\r" + self.line(now)[: width - 1] + "\x1b[K")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Wipe the line (before a message is printed on stderr)."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._last = 0.0  # redraw at the next record

    def close(self) -> None:
        """Leave the final figures on their own line."""
        if self._shown or self.docs + self.errors:
            self._stream.write("\r" + self.line(time.monotonic()) + "\x1b[K\n")
            self._stream.flush()


def _si(value: float) -> str:
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.2f} {unit}"
    return f"{value:.0f}"


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    if s >= 3600:
        return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def _progress(args: argparse.Namespace, paths: Sequence[str]) -> Progress | None:
    """A progress report if stderr is a terminal and ``--quiet`` was not given."""
    if args.quiet or not _isatty(sys.stderr):
        return None
    total_bytes: int | None = None
    if STDIN not in paths:
        try:
            total_bytes = sum(os.path.getsize(p) for p in paths)
        except OSError:
            total_bytes = None
    total_docs = len(paths) if args.input_format == "text" and STDIN not in paths else None
    return Progress(sys.stderr, total_bytes, total_docs)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------------------- output


def _check_target(path: str) -> str:
    """The absolute path of an output file, if it can be created (else `UsageError`)."""
    target = os.path.abspath(path)
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise UsageError(f"{path}: directory {directory} does not exist")
    if os.path.isdir(target):
        raise UsageError(f"{path}: is a directory")
    return target


@contextmanager
def _atomic_output(path: str) -> Iterator[TextIO]:
    """Write to a temporary file beside ``path``, renamed over it only on success."""
    target = _check_target(path)
    directory = os.path.dirname(target)
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


class ErrorLog:
    """Reports failed records: one line each on stderr, and a JSONL line each in the
    ``--errors`` file if there is one."""

    def __init__(self, stream: TextIO | None, progress: Progress | None) -> None:
        self._stream = stream
        self._progress = progress
        self.count = 0

    def report(self, error: RecordError) -> None:
        """Count and report one failed record."""
        self.count += 1
        if self._progress is not None:
            self._progress.clear()
            self._progress.record(None)
        _err(error.message())
        if self._stream is not None:
            self._stream.write(to_json(error.to_dict()) + "\n")


def _consume(
    items: Generator[Item, None, None],
    use: Callable[[Record, list[Quote]], None],
    log: ErrorLog,
    progress: Progress | None,
    stop_at_error: bool,
) -> int:
    """Hand every document to ``use`` and every failed record to ``log``; the number of
    documents used. With ``stop_at_error``, the first failed record raises `_Stopped`.

    ``use`` raising (a formatting bug) makes that document an error record: writers
    write a document in one call, so nothing of it reached the output.
    """
    docs = 0
    with closing(items):  # stops worker processes however the loop ends
        try:
            for item in items:
                if isinstance(item, tuple):
                    record, quotes = item
                    try:
                        use(record, quotes)
                    except OSError:  # the output itself failed (disk full): not a record's fault
                        raise
                    except Exception as exc:
                        reason = f"internal error writing the output: {type(exc).__name__}: {exc}"
                        item = RecordError(
                            record.source, record.line, record.raw_id, reason, "output-failed"
                        )
                    else:
                        docs += 1
                        if progress is not None:
                            progress.record(record)
                        continue
                log.report(item)
                if stop_at_error:
                    raise _Stopped
            if progress is not None:
                progress.complete = True
        finally:
            if progress is not None:
                progress.close()
    return docs


@contextmanager
def _output(path: str | None, fmt: str) -> Iterator[TextIO]:
    """``-o`` (atomic) or stdout."""
    if path:
        with _atomic_output(path) as out:
            yield out
    else:
        with _stdout(fmt) as out:
            yield out


def _check_output_paths(args: argparse.Namespace) -> None:
    """Checked before the run (``speakers`` opens its output only at the end)."""
    for path in (args.output, args.errors):
        if path:
            _check_target(path)
    if args.output and args.errors:
        if os.path.abspath(args.output) == os.path.abspath(args.errors):
            raise UsageError(f"-o and --errors name the same file ({args.output})")


def _corpus(
    args: argparse.Namespace,
    use: Callable[[Record, list[Quote]], None],
    open_output: Callable[[], AbstractContextManager[Callable[[], None]]],
) -> int:
    """Run the inputs through extraction: ``use`` gets each document; ``open_output``
    opens the output (yielding the function that finishes it) around the run."""
    try:
        QuoteExtractor(kinds=args.kinds)  # the runner builds its own (one per worker)
    except ConfigurationError as exc:
        raise UsageError(f"--kinds: {exc}") from None
    paths = _check_inputs(args.inputs, args.input_format)
    _check_output_paths(args)
    run_texts = _runner(args)
    records = _records(
        paths, args.input_format, args.id_field, args.text_field, args.encoding_errors
    )
    progress = _progress(args, paths)
    stop_at_error = args.on_error == "fail"
    with ExitStack() as stack:
        # Entered first, committed last: a stopped run still leaves its error record.
        errors_out = stack.enter_context(_atomic_output(args.errors)) if args.errors else None
        log = ErrorLog(errors_out, progress)
        try:
            with open_output() as finish:
                docs = _consume(_extract(records, run_texts), use, log, progress, stop_at_error)
                finish()
        except _Stopped:
            where = f"; {args.output} was not written" if args.output else ""
            _err(f"stopped at the first failed record (--on-error fail){where}")
            return EXIT_RECORD_ERRORS
    if log.count:
        listed = f" (listed in {args.errors})" if args.errors else ""
        _err(f"{log.count} of {docs + log.count} input records failed{listed}")
        return EXIT_RECORD_ERRORS
    return EXIT_OK


def _run_extract(args: argparse.Namespace) -> int:
    writer: Writer | None = None

    def use(record: Record, quotes: list[Quote]) -> None:
        assert writer is not None
        writer.write(record.id, record.text, quotes)

    @contextmanager
    def open_output() -> Iterator[Callable[[], None]]:
        nonlocal writer
        with _output(args.output, args.format) as out:
            writer = make_writer(args.format, out, width=_table_width(), explain=args.explain)
            yield writer.close

    return _corpus(args, use, open_output)


def _run_speakers(args: argparse.Namespace) -> int:
    """``quoteattr speakers``: every document's quotes, tallied; written once at the end."""
    counts = SpeakerCounts(unattributed=args.unattributed)

    def use(record: Record, quotes: list[Quote]) -> None:
        counts.add(quotes)

    @contextmanager
    def open_output() -> Iterator[Callable[[], None]]:
        def finish() -> None:
            rows = counts.rows()[: args.top] if args.top else counts.rows()
            docs = counts.document_count
            with _output(args.output, args.format) as out:
                write_speakers(args.format, out, rows, documents=docs, width=_table_width())

        yield finish

    return _corpus(args, use, open_output)


@contextmanager
def _signals() -> Iterator[None]:
    """While the command runs, SIGTERM raises `Terminated` in this process, so that
    temporary output files are removed as on Ctrl-C (SIGKILL cannot be caught), and
    SIGINT is this process's alone: worker processes forked by ``--jobs`` inherit the
    handlers and ignore Ctrl-C (the terminal sends it to them too), so only this
    process reports it, once, and then stops them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pid = os.getpid()

    def on_term(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != pid:  # a forked worker: die as by default
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated

    def on_int(signum: int, frame: FrameType | None) -> None:
        if os.getpid() == pid:  # a forked worker finishes its chunk; the parent stops it
            raise KeyboardInterrupt

    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, on_term)}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not if ignored
        previous[signal.SIGINT] = signal.signal(signal.SIGINT, on_int)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


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
        with _signals():
            return _run_speakers(args) if args.command == "speakers" else _run_extract(args)
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
    except OSError as exc:  # writing the output failed (disk full ...): -o is left as it was
        _err(f"cannot write the output: {exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        _err("terminated")
        return EXIT_TERMINATED
