"""Many texts at once: `extract_quotes_many`, in this process or over worker processes.

The input is read lazily in chunks and at most a few chunks per worker are in flight,
so a generator over a corpus of any size streams through in bounded memory, and the
results come back in input order. Each worker process builds one `QuoteExtractor` when
it starts (the lexicons and Punkt parameters are loaded once per worker, not per text).

The same ordered, windowed submission (`ordered_map`) drives the Dask path of the
command line (`quoteattr.dask.extract_quotes_cluster`): only the executor differs.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal, overload

from quoteattr._errors import ConfigurationError
from quoteattr._models import Quote
from quoteattr.pipeline import QuoteExtractor, decode_hint

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "check_chunksize",
    "extract_quotes_many",
    "ordered_map",
    "resolve_jobs",
]

#: Texts per task sent to a worker: large enough that the cost of a round trip between
#: processes (well under a millisecond) is small beside the work (news: ~2 ms a text).
DEFAULT_CHUNKSIZE = 16
# A chunk is also closed once it holds this many characters, so a chunk of long books
# does not pin tens of megabytes per task.
MAX_CHUNK_CHARS = 1_000_000
# Chunks in flight per worker: one running, one queued, one being returned.
WINDOW_PER_WORKER = 3

Result = list[Quote] | Exception
# Submits a chunk of texts; returns a function that waits for and returns its results.
Submit = Callable[[list[str]], Callable[[], list[Result]]]


class RemoteTraceback(Exception):
    """The formatted traceback of an exception raised in a worker process (its ``__cause__``)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def resolve_jobs(jobs: int | None) -> int:
    """The number of worker processes for ``jobs``: 0 or ``None`` means one per CPU.

    Raises:
        ConfigurationError: ``jobs`` is negative or not an int.
    """
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ConfigurationError(f"jobs must be an int >= 0 (0: one per CPU), got {jobs!r}")
    return jobs


def check_chunksize(chunksize: int) -> int:
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ConfigurationError(f"chunksize must be an int >= 1, got {chunksize!r}")
    return chunksize


def _type_error(index: int, item: object) -> TypeError:
    hint = decode_hint(item)
    return TypeError(f"texts[{index}] is {type(item).__name__}, expected str{hint}")


# ---------------------------------------------------------------------------- workers

_WORKER_EXTRACTORS: dict[tuple[tuple[str, Any], ...], QuoteExtractor] = {}


def options_key(options: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A hashable key for extractor options (lists become tuples)."""
    return tuple(sorted((k, _hashable(v)) for k, v in options.items()))


def _hashable(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return tuple(sorted(value))
    if isinstance(value, list):
        return tuple(value)
    return value


def worker_extractor(options: Mapping[str, Any]) -> QuoteExtractor:
    """The extractor for ``options`` in this process, built on first use and then reused."""
    key = options_key(options)
    extractor = _WORKER_EXTRACTORS.get(key)
    if extractor is None:
        extractor = QuoteExtractor(**options)
        _WORKER_EXTRACTORS[key] = extractor
    return extractor


def _init_worker(options: dict[str, Any]) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool after the chunks in hand,
    # instead of every worker printing its own KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_extractor(options)
    # What the worker inherited from its parent (lexicons, the parent's own objects) lives
    # as long as the worker: out of the collector's sight, full collections stay cheap
    # and do not write to (and so copy) pages shared with the parent.
    gc.freeze()


def _portable(exc: Exception) -> Exception:
    """``exc`` with its traceback attached as text, replaced by a plain ``RuntimeError``
    carrying its message if it cannot cross a process boundary."""
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    exc.__cause__ = None
    exc._quoteattr_tb = tb  # type: ignore[attr-defined]
    return exc


def extract_chunk(texts: list[str], options: dict[str, Any]) -> list[Result]:
    """Extract every text of a chunk in this process; a failing text gives its exception."""
    extractor = worker_extractor(options)
    out: list[Result] = []
    for text in texts:
        try:
            out.append(extractor.extract(text))
        except Exception as exc:  # one bad text must not lose the chunk
            out.append(_portable(exc))
    return out


def _restore(exc: Exception) -> Exception:
    tb = getattr(exc, "_quoteattr_tb", None)
    if tb is not None and exc.__cause__ is None:
        exc.__cause__ = RemoteTraceback(f'\n"""\n{tb}"""')
    return exc


# ---------------------------------------------------------------------------- ordering


def _chunks(
    texts: Iterable[object], chunksize: int, stop_at_error: bool
) -> Iterator[list[str | TypeError]]:
    """The input in chunks of at most ``chunksize`` items and about `MAX_CHUNK_CHARS`
    characters; a non-``str`` item is replaced by the ``TypeError`` that names it."""
    chunk: list[str | TypeError] = []
    chars = 0
    for index, item in enumerate(texts):
        if isinstance(item, str):
            chunk.append(item)
            chars += len(item)
        else:
            chunk.append(_type_error(index, item))
            if stop_at_error:
                break
        if len(chunk) >= chunksize or chars >= MAX_CHUNK_CHARS:
            yield chunk
            chunk = []
            chars = 0
    if chunk:
        yield chunk


def ordered_map(
    submit: Submit,
    texts: Iterable[object],
    *,
    chunksize: int,
    window: int,
    return_exceptions: bool,
    broken: tuple[type[Exception], ...] = (),
) -> Iterator[Result]:
    """Results of every text in input order, with at most ``window`` chunks in flight.

    ``submit`` starts a chunk (only the ``str`` items) and returns a function that waits
    for its results. A non-``str`` item gives a ``TypeError`` naming its index. With
    ``return_exceptions`` a failed text yields its exception and the run goes on;
    otherwise the first failure is raised once every earlier result has been yielded.
    An exception of a type in ``broken`` (the executor itself failed) is, with
    ``return_exceptions``, given to every text of the chunk; without, it is raised.
    """
    pending: deque[tuple[list[str | TypeError], Callable[[], list[Result]]]] = deque()
    chunks = _chunks(texts, chunksize, stop_at_error=not return_exceptions)

    def fill() -> None:
        while len(pending) < window:
            chunk = next(chunks, None)
            if chunk is None:
                return
            strings = [t for t in chunk if isinstance(t, str)]
            pending.append((chunk, submit(strings) if strings else list))

    fill()
    while pending:
        chunk, wait = pending.popleft()
        try:
            done: list[Result] = wait()
        except broken as exc:
            if not return_exceptions:
                raise
            done = [exc for t in chunk if isinstance(t, str)]
        fill()  # keep the workers busy while this chunk is handed out
        results = iter(done)
        for item in chunk:
            result: Result = item if isinstance(item, TypeError) else next(results)
            if isinstance(result, Exception):
                result = _restore(result)
                if not return_exceptions:
                    raise result
            yield result


# ---------------------------------------------------------------------------- public


@overload
def extract_quotes_many(
    texts: Iterable[str],
    *,
    jobs: int | None = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    return_exceptions: Literal[False] = False,
    **options: Any,
) -> Iterator[list[Quote]]: ...


@overload
def extract_quotes_many(
    texts: Iterable[object],
    *,
    jobs: int | None = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    return_exceptions: Literal[True],
    **options: Any,
) -> Iterator[list[Quote] | Exception]: ...


def extract_quotes_many(
    texts: Iterable[object],
    *,
    jobs: int | None = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    return_exceptions: bool = False,
    **options: Any,
) -> Iterator[list[Quote]] | Iterator[list[Quote] | Exception]:
    """The quotes of every text, one list per text, in input order.

    ``texts`` may be any iterable (a list, a generator over a file or a database
    cursor): it is read lazily, a few chunks ahead of the results, so a corpus of
    any size streams through in bounded memory.

    Args:
        texts: the documents, each a ``str``.
        jobs: worker processes: 1 (the default) runs in this process; ``0`` or
            ``None`` starts one per CPU (``os.cpu_count()``). Each worker builds
            one `QuoteExtractor` when it starts.
        chunksize: texts sent to a worker per task (a chunk is also closed at
            about a million characters).
        return_exceptions: if false (the default), the first text that fails
            raises its exception, after the results of every text before it
            were yielded; a non-``str`` item raises ``TypeError`` naming its
            index (``texts[7] is bytes, expected str ...``). If true, a failed
            text yields its exception object in its place and the run goes on
            (what a corpus job wants: report the record and keep going).
        **options: `QuoteExtractor` options (``kinds``, ``marks``, ``min_length``,
            ``extra_cues``), the same for every text.

    Returns:
        An iterator of ``list[Quote]`` (or the exception of a failed text with
        ``return_exceptions``), one per input text, in input order. Closing the
        iterator early (``break``) stops the workers.

    Raises:
        ConfigurationError: bad options, ``jobs`` or ``chunksize`` (raised at
            the call, before any text is read).

    With ``jobs > 1`` the worker processes are started with the platform's
    default ``multiprocessing`` start method; under ``spawn`` (Windows, macOS)
    call it from code guarded by ``if __name__ == "__main__":``. An exception
    raised in a worker has the worker's traceback as its ``__cause__``.
    """
    n = resolve_jobs(jobs)
    size = check_chunksize(chunksize)
    extractor = QuoteExtractor(**options)  # validates the options here, not in a worker
    if n == 1:
        return _in_process(extractor, texts, return_exceptions)
    return _over_processes(texts, n, size, return_exceptions, dict(options))


def _in_process(
    extractor: QuoteExtractor, texts: Iterable[object], return_exceptions: bool
) -> Iterator[Result]:
    for index, item in enumerate(texts):
        if not isinstance(item, str):
            error = _type_error(index, item)
            if not return_exceptions:
                raise error
            yield error
            continue
        if not return_exceptions:
            yield extractor.extract(item)
            continue
        try:
            yield extractor.extract(item)
        except Exception as exc:  # reported in place; the run goes on
            yield exc


def _over_processes(
    texts: Iterable[object],
    jobs: int,
    chunksize: int,
    return_exceptions: bool,
    options: dict[str, Any],
) -> Iterator[Result]:
    executor = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,))

    def submit(chunk: list[str]) -> Callable[[], list[Result]]:
        nonlocal executor
        try:
            future: Future[list[Result]] = executor.submit(extract_chunk, chunk, options)
        except BrokenProcessPool:
            # A worker died (killed, out of memory) and took the pool with it: start a
            # new pool so the texts after the lost chunks are still processed.
            if not return_exceptions:
                raise
            executor.shutdown(wait=False, cancel_futures=True)
            executor = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,))
            future = executor.submit(extract_chunk, chunk, options)
        return future.result

    try:
        yield from ordered_map(
            submit,
            texts,
            chunksize=chunksize,
            window=WINDOW_PER_WORKER * jobs,
            return_exceptions=return_exceptions,
            broken=(BrokenProcessPool,),
        )
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
