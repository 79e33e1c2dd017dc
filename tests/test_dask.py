"""`quoteattr.dask` on a real two-process `distributed.LocalCluster`: every helper gives
what one process gives, on a few hundred generated news documents.

Needs the ``dask`` extra (``pip install -e '.[dask,test]'``); skipped without it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from quoteattr import ConfigurationError, Quote, extract_quotes  # noqa: E402
from quoteattr.cli import main  # noqa: E402
from quoteattr.dask import (  # noqa: E402
    COLUMNS,
    connect,
    extract_bag,
    extract_dataframe,
    extract_quotes_cluster,
    extract_records,
    quotes_frame,
)

_PEOPLE = [("Maria", "Lopez", "she"), ("James", "Chen", "he"), ("Amina", "Okafor", "she")]
_ROLES = ["Mayor", "Senator", "Health Secretary", "Dr"]
_SAID = [
    "We will rebuild the bridge before the winter",
    "The budget is simply not enough for the schools",
    "Our nurses deserve better pay and safer wards",
    "I am confident the talks will resume next week",
]
_NARRATION = [
    "The council met on Tuesday to discuss the plan.",
    "Shares in the company fell by 4% in early trading.",
    "Heavy rain closed two roads near the town centre.",
]


def news_document(rng: random.Random) -> str:
    """A generated news article with attributed quotations (no corpus text)."""
    first, last, pron = rng.choice(_PEOPLE)
    role = rng.choice(_ROLES)
    paragraphs = [rng.choice(_NARRATION)]
    for _ in range(rng.randint(1, 6)):
        said = rng.choice(_SAID)
        paragraphs.append(
            rng.choice(
                [
                    f"“{said},” {role} {first} {last} said.",
                    f"{first} {last} told reporters: “{said}.”",
                    f"“{said},” {pron} added.",
                    f"{last} said there was still “more work to do.”",
                    f"'{said},' said {last}.",
                    rng.choice(_NARRATION),
                ]
            )
        )
    return "\n\n".join(paragraphs)


CORPUS = [news_document(random.Random(i)) for i in range(300)]
EXPECTED = [extract_quotes(t) for t in CORPUS]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_the_corpus_has_quotes() -> None:
    assert sum(map(len, EXPECTED)) > len(CORPUS)


def test_bag_equals_one_process(client: Any) -> None:
    bag = db.from_sequence(CORPUS, npartitions=7)
    got = extract_bag(bag).compute()
    assert got == EXPECTED
    assert all(isinstance(q, Quote) for qs in got for q in qs)


def test_bag_options_reach_the_workers(client: Any) -> None:
    bag = db.from_sequence(CORPUS[:50], npartitions=4)
    got = extract_bag(bag, kinds="direct").compute()
    assert got == [extract_quotes(t, kinds="direct") for t in CORPUS[:50]]


def test_records_give_the_cli_jsonl_objects(client: Any) -> None:
    records = db.from_sequence(
        [{"id": f"n{i}", "text": t} for i, t in enumerate(CORPUS)], npartitions=5
    )
    got = extract_records(records).compute()
    assert got == [
        {"id": f"n{i}", "quotes": [q.to_dict() for q in qs]} for i, qs in enumerate(EXPECTED)
    ]


def _rows(doc_ids: list[Any]) -> list[tuple[Any, ...]]:
    rows = []
    for doc_id, quotes in zip(doc_ids, EXPECTED, strict=True):
        for q in quotes:
            rows.append((doc_id, q.start, q.end, q.kind, q.text, q.speaker and q.speaker.text))
    return rows


def _frame_rows(frame: Any) -> list[tuple[Any, ...]]:
    out = []
    for r in frame.itertuples(index=False):
        speaker = None if pd.isna(r.speaker) else r.speaker
        out.append((r.doc_id, r.start, r.end, r.kind, r.text, speaker))
    return out


def test_dataframe_one_row_per_quote_with_typed_columns(client: Any) -> None:
    ids = [f"doc-{i}" for i in range(len(CORPUS))]
    frame = dd.from_pandas(pd.DataFrame({"id": ids, "body": CORPUS}), npartitions=6)
    quotes = extract_dataframe(frame, "body", id_column="id")
    result = quotes.compute()
    assert list(result.columns) == ["doc_id", *COLUMNS]
    assert len(result) == sum(map(len, EXPECTED))
    assert _frame_rows(result) == _rows(ids)
    # the lazy frame's metadata is what computing gives
    assert dict(result.dtypes) == dict(quotes.dtypes)
    for name, dtype in COLUMNS.items():
        assert result[name].dtype == pd.Series([], dtype=dtype).dtype, name
    # every offset slices the document
    texts = dict(zip(ids, CORPUS, strict=True))
    for r in result.itertuples(index=False):
        doc = texts[r.doc_id]
        assert doc[r.content_start : r.content_end] == r.text
        if not pd.isna(r.speaker_start):
            assert doc[r.speaker_start : r.speaker_end] == r.speaker


def test_dataframe_index_as_doc_id(client: Any) -> None:
    frame = dd.from_pandas(
        pd.DataFrame({"text": CORPUS[:80]}, index=pd.RangeIndex(1000, 1080)), npartitions=3
    )
    result = extract_dataframe(frame).compute()
    assert result["doc_id"].dtype == "int64"
    assert _frame_rows(result) == [r for r in _rows(list(range(1000, 1300))) if r[0] < 1080]


def test_quotes_frame_on_pandas_skips_missing_texts() -> None:
    series = pd.Series([CORPUS[0], None, CORPUS[1]], index=["a", "b", "c"], dtype=object)
    frame = quotes_frame(series)
    assert set(frame["doc_id"]) <= {"a", "c"}
    assert len(frame) == len(EXPECTED[0]) + len(EXPECTED[1])
    empty = quotes_frame(pd.Series(["no quotes here"], index=[7]))
    assert list(empty.columns) == ["doc_id", *COLUMNS] and len(empty) == 0
    with pytest.raises(TypeError, match="row 0"):
        quotes_frame(pd.Series([12], dtype=object))


def test_bad_options_raise_before_anything_runs() -> None:
    with pytest.raises(ConfigurationError):
        extract_bag(db.from_sequence(CORPUS[:3]), kinds="bogus")
    with pytest.raises(KeyError, match="nope"):
        extract_dataframe(dd.from_pandas(pd.DataFrame({"text": CORPUS[:3]}), npartitions=1), "nope")


def test_cluster_stream_equals_one_process(client: Any) -> None:
    address = client.scheduler.address
    got = list(extract_quotes_cluster(iter(CORPUS), address, chunksize=7))
    assert got == EXPECTED
    got = list(extract_quotes_cluster(CORPUS[:40], client, chunksize=3, window=2))
    assert got == EXPECTED[:40]
    assert client.status == "running"  # a client passed in is left open


def test_cluster_stream_errors_in_place(client: Any) -> None:
    texts: list[Any] = [CORPUS[0], 5, CORPUS[1]]
    got = list(extract_quotes_cluster(texts, client, return_exceptions=True))
    assert got[0] == EXPECTED[0] and got[2] == EXPECTED[1]
    assert isinstance(got[1], TypeError) and "texts[1] is int" in str(got[1])
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        list(extract_quotes_cluster(texts, client))


def test_connect_to_nothing_is_a_connection_error() -> None:
    with pytest.raises(ConnectionError, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout=1)


def test_cli_scheduler_equals_one_process(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(CORPUS)]
    lines.insert(10, "{broken")
    corpus.write_text("\n".join(lines) + "\n")
    argv = ["extract", str(corpus), "--input-format", "jsonl", "-f", "jsonl"]
    code_local = main([*argv, "-o", str(tmp_path / "local.jsonl")])
    code_dask = main(
        [*argv, "-o", str(tmp_path / "dask.jsonl"), "--scheduler", client.scheduler.address]
    )
    err = capsys.readouterr().err
    assert code_local == code_dask == 1
    assert err.count(f"{corpus}:11: malformed JSON") == 2
    local = (tmp_path / "local.jsonl").read_text()
    assert (tmp_path / "dask.jsonl").read_text() == local
    assert len(local.splitlines()) == len(CORPUS)
