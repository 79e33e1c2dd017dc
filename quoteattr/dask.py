"""Quote extraction on Dask: the same job on a laptop or on a cluster.

Needs the optional extra: ``pip install 'quoteattr[dask]'`` (``dask[dataframe]``,
``distributed``). Every worker needs ``quoteattr`` installed; each worker process
builds one `QuoteExtractor` per set of options and reuses it for every partition.

* `extract_bag` maps extraction over a ``dask.bag`` of texts (one ``list[Quote]``
  per text, in order);
* `extract_records` maps it over a bag of JSON-like records (``{"id", "text"}``)
  and gives the command line's JSONL objects (``{"id", "quotes": [...]}``);
* `extract_dataframe` maps it over a text column of a ``dask.dataframe`` and gives
  one row per quote with typed columns (`COLUMNS`); `quotes_frame` is the same for
  a pandas ``Series``;
* `extract_quotes_cluster` streams texts from this process to a cluster and yields
  the results in input order, like `quoteattr.extract_quotes_many` (this is what
  ``quoteattr extract --scheduler ADDRESS`` runs).

See ``docs/scaling.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

try:
    # Typed as Any where Dask is not installed (mypy runs without the extra).
    import dask.bag as db  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import dask.dataframe as dd  # type: ignore[import-not-found,import-untyped,unused-ignore]
    import pandas as pd  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError as _exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "quoteattr.dask needs Dask: pip install 'quoteattr[dask]' "
        f"(dask[dataframe] and distributed) ({_exc})"
    ) from _exc

from quoteattr._batch import (
    DEFAULT_CHUNKSIZE,
    Result,
    check_chunksize,
    extract_chunk,
    ordered_map,
    resolve_jobs,
    worker_extractor,
)
from quoteattr._models import ENTITY_KINDS, MENTION_KINDS, QUOTE_KINDS, Quote
from quoteattr.pipeline import QuoteExtractor

if TYPE_CHECKING:
    from distributed import Client  # type: ignore[import-not-found,import-untyped,unused-ignore]

__all__ = [
    "COLUMNS",
    "connect",
    "extract_bag",
    "extract_dataframe",
    "extract_quotes_cluster",
    "extract_records",
    "quotes_frame",
]

_STRING = pd.StringDtype("pyarrow")

#: The columns of `extract_dataframe` and `quotes_frame` after ``doc_id``, with their
#: dtypes. Offsets index the document's text; absent parts are ``<NA>``.
COLUMNS: dict[str, Any] = {
    "start": "int64",
    "end": "int64",
    "content_start": "int64",
    "content_end": "int64",
    "kind": pd.CategoricalDtype(list(QUOTE_KINDS)),
    "text": _STRING,
    "closed": "bool",
    "speaker": _STRING,
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_kind": pd.CategoricalDtype(list(MENTION_KINDS)),
    "entity": _STRING,
    "entity_title": _STRING,
    "entity_kind": pd.CategoricalDtype(list(ENTITY_KINDS)),
    "cue": _STRING,
    "cue_start": "Int64",
    "cue_end": "Int64",
    "confidence": "float64",
    "rule": _STRING,
    "paragraph": "int64",
    "sentence": "int64",
}


def _row(doc_id: object, q: Quote) -> tuple[object, ...]:
    sp, en, cue = q.speaker, q.entity, q.cue
    return (
        doc_id,
        q.start,
        q.end,
        q.content_start,
        q.content_end,
        q.kind,
        q.text,
        q.closed,
        sp.text if sp else None,
        sp.start if sp else None,
        sp.end if sp else None,
        sp.kind if sp else None,
        en.name if en else None,
        en.title if en else None,
        en.kind if en else None,
        cue.text if cue else None,
        cue.start if cue else None,
        cue.end if cue else None,
        q.confidence,
        q.rule,
        q.paragraph,
        q.sentence,
    )


def _empty(doc_dtype: Any) -> pd.DataFrame:
    frame = pd.DataFrame({"doc_id": pd.Series([], dtype=doc_dtype)})
    for name, dtype in COLUMNS.items():
        frame[name] = pd.Series([], dtype=dtype)
    return frame


def quotes_frame(texts: pd.Series, **options: Any) -> pd.DataFrame:
    """One row per quote of every text in ``texts``: ``doc_id`` (the text's index
    label) and the typed `COLUMNS`, in document then position order.

    A missing text (``None``/``NaN``) has no quotes; any other non-``str`` value
    raises ``TypeError``. ``options`` are `QuoteExtractor` options.
    """
    extractor = worker_extractor(options)
    rows: list[tuple[object, ...]] = []
    for doc_id, text in texts.items():
        if text is None or (isinstance(text, float) and text != text):
            continue
        if not isinstance(text, str):
            raise TypeError(f"text of row {doc_id!r} is {type(text).__name__}, expected str")
        rows.extend(_row(doc_id, q) for q in extractor.extract(text))
    columns = ["doc_id", *COLUMNS]
    if not rows:
        return _empty(texts.index.dtype)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.astype({"doc_id": texts.index.dtype, **COLUMNS})


def _frame_partition(
    part: pd.DataFrame, text_column: str, id_column: str | None, options: dict[str, Any]
) -> pd.DataFrame:
    texts = part[text_column]
    if id_column is not None:
        texts = pd.Series(texts.to_numpy(), index=pd.Index(part[id_column]))
    out = quotes_frame(texts, **options)
    doc_dtype = (part[id_column] if id_column is not None else part.index).dtype
    return out.astype({"doc_id": doc_dtype})


def extract_dataframe(
    frame: dd.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    **options: Any,
) -> dd.DataFrame:
    """One row per quote of every text in ``frame[text_column]`` (lazily, per partition).

    Columns: ``doc_id`` (the row's index label, or its ``id_column`` value) and the
    typed `COLUMNS`. Rows come in partition, document and position order; the index
    is a fresh ``RangeIndex`` per partition. ``options`` are `QuoteExtractor` options,
    checked here (a bad one raises `ConfigurationError` before anything runs).
    """
    QuoteExtractor(**options)
    if text_column not in frame.columns:
        raise KeyError(f"no column {text_column!r} in the dataframe")
    if id_column is not None and id_column not in frame.columns:
        raise KeyError(f"no column {id_column!r} in the dataframe")
    doc_dtype = (frame[id_column] if id_column is not None else frame.index).dtype
    out: dd.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        _frame_partition,
        text_column,
        id_column,
        dict(options),
        meta=_empty(doc_dtype),
        enforce_metadata=False,
    )
    return out


def _bag_partition(texts: Iterable[str], options: dict[str, Any]) -> list[list[Quote]]:
    extractor = worker_extractor(options)
    return [extractor.extract(text) for text in texts]


def extract_bag(texts: db.Bag, **options: Any) -> db.Bag:
    """A bag of ``list[Quote]``, one per text of ``texts``, in the same order.

    ``options`` are `QuoteExtractor` options (checked here). A non-``str`` element
    raises ``TypeError`` when the bag is computed.
    """
    QuoteExtractor(**options)
    bag: db.Bag = texts.map_partitions(_bag_partition, dict(options))  # type: ignore[no-untyped-call,unused-ignore]
    return bag


def _records_partition(
    records: Iterable[Mapping[str, Any]], id_key: str, text_key: str, options: dict[str, Any]
) -> list[dict[str, Any]]:
    extractor = worker_extractor(options)
    return [
        {
            "id": record.get(id_key),
            "quotes": [q.to_dict() for q in extractor.extract(record[text_key])],
        }
        for record in records
    ]


def extract_records(
    records: db.Bag, *, id_key: str = "id", text_key: str = "text", **options: Any
) -> db.Bag:
    """For a bag of mappings (parsed JSONL), a bag of ``{"id", "quotes"}`` objects, the
    command line's JSONL output (``quotes`` as `Quote.to_dict` dicts), in order.

    >>> # db.read_text("corpus-*.jsonl").map(json.loads) -> extract_records(...)
    >>> #   .map(json.dumps).to_textfiles("quotes-*.jsonl")
    """
    QuoteExtractor(**options)
    bag: db.Bag = records.map_partitions(  # type: ignore[no-untyped-call,unused-ignore]
        _records_partition, id_key, text_key, dict(options)
    )
    return bag


def connect(scheduler: str | Client, *, timeout: float = 30.0) -> Client:
    """A ``distributed.Client`` for a scheduler address (``tcp://host:8786``), or the
    given client unchanged.

    Raises:
        ConnectionError: no scheduler answered at the address within ``timeout`` seconds.
    """
    from distributed import Client  # type: ignore[import-not-found,import-untyped,unused-ignore]

    if isinstance(scheduler, Client):
        return scheduler
    try:
        client: Client = Client(scheduler, timeout=timeout)  # type: ignore[no-untyped-call,unused-ignore]
        return client
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def extract_quotes_cluster(
    texts: Iterable[object],
    scheduler: str | Client,
    *,
    chunksize: int = DEFAULT_CHUNKSIZE,
    window: int | None = None,
    return_exceptions: bool = False,
    **options: Any,
) -> Iterator[list[Quote] | Exception]:
    """Like `quoteattr.extract_quotes_many`, with a Dask cluster as the workers.

    ``texts`` are read here, lazily, and sent to the cluster in chunks of
    ``chunksize``, with at most ``window`` chunks in flight (default: three per
    worker thread); the results come back in input order. Errors as in
    `quoteattr.extract_quotes_many`; with ``return_exceptions`` a chunk lost with
    its worker gives the error to each of its texts.

    The texts travel from this process to the workers: for a corpus already on
    storage the workers can read, `extract_bag` over ``dask.bag.read_text`` avoids
    that.
    """
    QuoteExtractor(**options)
    chunksize = check_chunksize(chunksize)
    client = connect(scheduler)
    own = client is not scheduler  # connected here: disconnect when done
    if window is None:
        nthreads: dict[str, int] = client.nthreads()  # type: ignore[no-untyped-call,unused-ignore]
        window = 3 * (sum(nthreads.values()) or resolve_jobs(0))
    return _on_client(client, own, texts, chunksize, window, return_exceptions, dict(options))


def _on_client(
    client: Client,
    own: bool,
    texts: Iterable[object],
    chunksize: int,
    window: int,
    return_exceptions: bool,
    opts: dict[str, Any],
) -> Iterator[Result]:
    try:
        yield from _submit_all(client, texts, chunksize, window, return_exceptions, opts)
    finally:
        if own:
            client.close()  # type: ignore[no-untyped-call,unused-ignore]


def _submit_all(
    client: Client,
    texts: Iterable[object],
    chunksize: int,
    window: int,
    return_exceptions: bool,
    opts: dict[str, Any],
) -> Iterator[Result]:

    def submit(chunk: list[str]) -> Any:
        return client.submit(extract_chunk, chunk, opts, pure=False).result

    yield from _cluster_results(submit, texts, chunksize, window, return_exceptions)


def _cluster_results(
    submit: Any, texts: Iterable[object], chunksize: int, window: int, return_exceptions: bool
) -> Iterator[Result]:
    # extract_chunk never raises for a text, so an error here lost the chunk (worker died).
    yield from ordered_map(
        submit,
        texts,
        chunksize=chunksize,
        window=window,
        return_exceptions=return_exceptions,
        broken=(Exception,),
    )
