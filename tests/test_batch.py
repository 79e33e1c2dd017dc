"""Batch extraction (`extract_quotes_many`) and the command line over corpora: order,
streaming, errors in place, worker processes, and the record accounting with --jobs."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import random
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from test_cli import fail_on

from quoteattr import ConfigurationError, QuoteExtractor, extract_quotes
from quoteattr._batch import (
    DEFAULT_CHUNKSIZE,
    WINDOW_PER_WORKER,
    extract_quotes_many,
    resolve_jobs,
)
from quoteattr.cli import Progress, Record, main

FORK = multiprocessing.get_start_method() == "fork"
needs_fork = pytest.mark.skipif(not FORK, reason="patches the parent for forked workers")

# ---------------------------------------------------------------------------- corpus

_PEOPLE = [
    ("Maria", "Lopez", "she"),
    ("James", "Chen", "he"),
    ("Amina", "Okafor", "she"),
    ("Peter", "Novak", "he"),
    ("Sofia", "Rossi", "she"),
    ("David", "Brennan", "he"),
]
_TITLES = ["Mayor", "Senator", "Finance Minister", "Dr", "Professor", "Chief Inspector"]
_SAID = [
    "We will rebuild the bridge before the winter",
    "The budget is simply not enough for the schools",
    "Nobody expected the vote to be this close",
    "Our nurses deserve better pay and safer wards",
    "The river has never been this high in March",
    "I am confident the talks will resume next week",
]
_FRAGMENTS = ["more work to do", "a difficult year", "deeply concerned", "a fair deal"]
_NARRATION = [
    "The council met on Tuesday to discuss the plan.",
    "Shares in the company fell by 4% in early trading.",
    "The report was published after months of delay.",
    "Heavy rain closed two roads near the town centre.",
]


def news_document(rng: random.Random) -> str:
    """A news-like article with attributed quotations (generated: no corpus text)."""
    first, last, pron = rng.choice(_PEOPLE)
    other_first, other_last, _ = rng.choice(_PEOPLE)
    title = rng.choice(_TITLES)
    paragraphs = [f"{rng.choice(_NARRATION)[:-1]} as {last} speaks out"]
    for _ in range(rng.randint(2, 7)):
        said = rng.choice(_SAID)
        form = rng.randrange(7)
        if form == 0:
            paragraphs.append(f"“{said},” {title} {first} {last} said on Monday.")
        elif form == 1:
            paragraphs.append(f"{other_first} {other_last} told reporters: “{said}.”")
        elif form == 2:
            paragraphs.append(f"“{said},” said {last}. “{rng.choice(_SAID)}.”")
        elif form == 3:
            paragraphs.append(f"{last} said there was still “{rng.choice(_FRAGMENTS)}.”")
        elif form == 4:
            paragraphs.append(f"“{said},” {pron} added.")
        elif form == 5:
            paragraphs.append(f'"{said}," according to {other_last}.')
        else:
            paragraphs.append(rng.choice(_NARRATION))
    return rng.choice(["\n\n", "\n"]).join(paragraphs) + "\n"


def news_corpus(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return [news_document(rng) for _ in range(n)]


CORPUS = news_corpus(60)


def test_the_generated_corpus_has_quotes() -> None:
    found = [len(extract_quotes(t)) for t in CORPUS]
    assert sum(found) > 2 * len(CORPUS)
    assert all(n > 0 for n in found[:10])


# ---------------------------------------------------------------------------- library


@pytest.mark.parametrize(("jobs", "chunksize"), [(1, DEFAULT_CHUNKSIZE), (2, 3), (2, 1)])
def test_results_in_input_order_equal_one_by_one(jobs: int, chunksize: int) -> None:
    got = list(extract_quotes_many(iter(CORPUS), jobs=jobs, chunksize=chunksize))
    assert got == [extract_quotes(t) for t in CORPUS]


def test_options_reach_the_workers() -> None:
    got = list(extract_quotes_many(CORPUS[:20], jobs=2, chunksize=4, kinds="direct", min_length=30))
    assert got == [extract_quotes(t, kinds="direct", min_length=30) for t in CORPUS[:20]]
    assert any(got) and all(q.kind == "direct" for qs in got for q in qs)


def test_empty_input_and_empty_texts() -> None:
    assert list(extract_quotes_many([], jobs=2)) == []
    assert list(extract_quotes_many(["", " \n", "no quotes here"], jobs=2)) == [[], [], []]


class Counting:
    """An endless generator of texts that counts how many were taken."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for text in itertools.cycle(CORPUS):
            self.taken += 1
            yield text


def test_in_process_reads_one_text_at_a_time() -> None:
    source = Counting()
    results = extract_quotes_many(source)
    assert source.taken == 0  # nothing is read before the first result is asked for
    next(results)
    assert source.taken == 1
    next(results)
    assert source.taken == 2


def test_processes_read_a_bounded_window_of_an_endless_input() -> None:
    source = Counting()
    results = extract_quotes_many(source, jobs=2, chunksize=4)
    for _ in range(30):
        next(results)
    # Never more than the chunks in flight, plus the chunk being handed out.
    assert source.taken <= 30 + (WINDOW_PER_WORKER * 2 + 1) * 4
    results.close()  # stops the workers; must not hang


def test_closing_early_stops_the_workers() -> None:
    results = extract_quotes_many(CORPUS * 5, jobs=2, chunksize=2)
    assert next(results) == extract_quotes(CORPUS[0])
    results.close()
    with pytest.raises(StopIteration):
        next(results)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_non_string_raises_type_error_naming_its_index_after_the_earlier_results(
    jobs: int,
) -> None:
    texts: list[Any] = [*CORPUS[:5], b"bytes", *CORPUS[5:10]]
    got = []
    with pytest.raises(TypeError, match=r"texts\[5\] is bytes, expected str \(decode it"):
        for quotes in extract_quotes_many(texts, jobs=jobs, chunksize=2):
            got.append(quotes)
    assert got == [extract_quotes(t) for t in CORPUS[:5]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_return_exceptions_keeps_every_position(jobs: int) -> None:
    texts: list[Any] = [CORPUS[0], 42, None, CORPUS[1], b"x", CORPUS[2]]
    got = list(extract_quotes_many(texts, jobs=jobs, chunksize=2, return_exceptions=True))
    assert len(got) == len(texts)
    assert got[0] == extract_quotes(CORPUS[0])
    assert got[3] == extract_quotes(CORPUS[1])
    assert got[5] == extract_quotes(CORPUS[2])
    errors = [g for g in got if isinstance(g, Exception)]
    assert [str(e) for e in errors] == [
        "texts[1] is int, expected str",
        "texts[2] is NoneType, expected str",
        "texts[4] is bytes, expected str (decode it first, e.g. data.decode('utf-8'))",
    ]
    assert all(isinstance(e, TypeError) for e in errors)


@needs_fork
def test_an_exception_in_a_worker_is_raised_in_order_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = QuoteExtractor.extract

    def flaky(self: QuoteExtractor, text: str) -> Any:
        if text == "boom":
            raise RuntimeError("worker failed")
        return real(self, text)

    monkeypatch.setattr(QuoteExtractor, "extract", flaky)
    texts = [*CORPUS[:3], "boom", *CORPUS[3:6]]
    got = []
    with pytest.raises(RuntimeError, match="worker failed") as info:
        for quotes in extract_quotes_many(texts, jobs=2, chunksize=2):
            got.append(quotes)
    assert got == [extract_quotes(t) for t in CORPUS[:3]]
    assert "flaky" in str(info.value.__cause__)  # the worker's traceback

    got = list(extract_quotes_many(texts, jobs=2, chunksize=2, return_exceptions=True))
    assert isinstance(got[3], RuntimeError)
    assert got[:3] + got[4:] == [extract_quotes(t) for t in CORPUS[:6]]


@needs_fork
def test_a_dead_worker_loses_only_its_chunks_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = QuoteExtractor.extract

    def dies(self: QuoteExtractor, text: str) -> Any:
        if text == "die":
            os._exit(3)  # a worker killed (out of memory, a signal)
        return real(self, text)

    monkeypatch.setattr(QuoteExtractor, "extract", dies)
    texts = [*CORPUS[:4], "die", *CORPUS[4:40]]
    got = list(extract_quotes_many(texts, jobs=2, chunksize=2, return_exceptions=True))
    assert len(got) == len(texts)
    lost = [i for i, g in enumerate(got) if isinstance(g, BrokenProcessPool)]
    assert 4 in lost
    assert len(lost) < 20  # only the chunks in flight when it died
    expected = [extract_quotes(t) if isinstance(t, str) and t != "die" else None for t in texts]
    for i, g in enumerate(got):
        if i not in lost:
            assert g == expected[i]
    assert got[-1] == expected[-1]  # texts after the death were processed by a new pool

    with pytest.raises(BrokenProcessPool):
        list(extract_quotes_many(texts, jobs=2, chunksize=2))


def test_jobs_zero_or_none_means_one_per_cpu() -> None:
    assert resolve_jobs(0) == resolve_jobs(None) == (os.cpu_count() or 1)
    assert resolve_jobs(3) == 3


@pytest.mark.parametrize(
    "options",
    [
        {"jobs": -1},
        {"jobs": 1.5},
        {"jobs": True},
        {"chunksize": 0},
        {"chunksize": "8"},
        {"kinds": "bogus"},
        {"min_length": -2},
    ],
)
def test_bad_options_raise_at_the_call(options: dict[str, Any]) -> None:
    def never() -> Iterator[str]:
        raise AssertionError("the input must not be read")
        yield ""

    with pytest.raises(ConfigurationError):
        extract_quotes_many(never(), **options)


# ---------------------------------------------------------------------------- command line


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _jsonl_with_bad_lines(path: Path) -> tuple[Path, int]:
    lines = []
    for i, text in enumerate(CORPUS[:30]):
        lines.append(json.dumps({"id": f"doc{i}", "text": text}))
        if i % 7 == 3:
            lines.append('{"id": "broken", "text": ')  # malformed
        if i % 11 == 5:
            lines.append(json.dumps({"id": f"num{i}", "text": 12}))  # not a string
        if i % 13 == 1:
            lines.append(json.dumps({"id": f"none{i}"}))  # no text field
    lines.append("")  # a blank line is not a record
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = sum(1 for ln in lines if ln.strip())
    return path, records


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_accounting_documents_plus_errors_equals_records(
    jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, records_in = _jsonl_with_bad_lines(tmp_path / "corpus.jsonl")
    code, out, err = _run(
        capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl", "--jobs", jobs
    )
    assert code == 1
    docs = [json.loads(ln) for ln in out.splitlines()]
    errors = [ln for ln in err.splitlines() if ln.startswith(f"quoteattr: {path}:")]
    assert len(docs) + len(errors) == records_in
    assert [d["id"] for d in docs] == [f"doc{i}" for i in range(30)]
    for d, text in zip(docs, CORPUS, strict=False):
        assert d["quotes"] == [q.to_dict() for q in extract_quotes(text)]
    # errors in input order
    lines = [int(e.split(":")[2].split()[0]) for e in errors]
    assert lines == sorted(lines)
    assert f"{len(errors)} of {records_in} input records failed" in err


def test_cli_jobs_output_is_identical_to_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = _jsonl_with_bad_lines(tmp_path / "corpus.jsonl")
    outputs = []
    for jobs in ("1", "2", "0"):
        target = tmp_path / f"out{jobs}.csv"
        code, _, _ = _run(
            capsys, "extract", str(path), "--input-format", "jsonl", "-f", "csv",
            "-j", jobs, "-o", str(target),
        )  # fmt: skip
        assert code == 1
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b"\n") > 30


@needs_fork
def test_cli_a_library_failure_in_a_worker_is_one_record_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "boom")
    texts = [*CORPUS[:5], "boom", *CORPUS[5:10]]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    code, out, err = _run(
        capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl", "--jobs", "2"
    )
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]
    assert f"{path}:6 (id 5): internal error: RuntimeError: boom" in err


def test_cli_directory_is_read_recursively_in_sorted_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "news"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    files = {
        root / "b" / "deep" / "x.txt": CORPUS[0],
        root / "a" / "y.txt": CORPUS[1],
        root / "z.txt": CORPUS[2],
        root / "a" / "notes.md": CORPUS[3],  # not *.txt: skipped
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text(CORPUS[4], encoding="utf-8")
    code, out, _ = _run(capsys, "extract", str(root), str(single), "-f", "jsonl", "-j", "2")
    assert code == 0
    docs = [json.loads(ln) for ln in out.splitlines()]
    assert [d["id"] for d in docs] == [
        str(root / "a" / "y.txt"),
        str(root / "b" / "deep" / "x.txt"),
        str(root / "z.txt"),
        str(single),
    ]
    assert docs[0]["quotes"] == [q.to_dict() for q in extract_quotes(CORPUS[1])]


def test_cli_directory_of_jsonl_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "part1.jsonl").write_text(json.dumps({"id": 1, "text": CORPUS[0]}) + "\n")
    (tmp_path / "part2.jsonl").write_text(json.dumps({"id": 2, "text": CORPUS[1]}) + "\n")
    (tmp_path / "readme.txt").write_text("not a corpus")
    code, out, _ = _run(capsys, "extract", str(tmp_path), "--input-format", "jsonl", "-f", "jsonl")
    assert code == 0
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [1, 2]


def test_cli_directory_without_matching_files_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text(CORPUS[0])
    code, out, err = _run(capsys, "extract", str(tmp_path), "-f", "jsonl")
    assert code == 2 and out == ""
    assert f"{tmp_path}: is a directory with no *.txt files" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--jobs", "-1"], "--jobs"),
        (["--jobs", "many"], "--jobs"),
        (["--jobs", "2", "--scheduler", "tcp://127.0.0.1:8786"], "cannot be combined"),
    ],
)
def test_cli_bad_corpus_options_exit_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CORPUS[0])
    code, out, err = _run(capsys, "extract", str(path), *argv)
    assert code == 2 and out == ""
    assert message in err


def test_cli_scheduler_without_dask_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "quoteattr.dask", None)  # import fails as if not installed
    # ... also when an earlier test imported it: `from quoteattr import dask` would find
    # the package's attribute before looking at sys.modules.
    import quoteattr

    monkeypatch.delattr(quoteattr, "dask", raising=False)
    path = tmp_path / "a.txt"
    path.write_text(CORPUS[0])
    code, out, err = _run(capsys, "extract", str(path), "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and out == ""
    assert "--scheduler needs Dask: pip install 'quoteattr[dask]'" in err


def _tty(monkeypatch: pytest.MonkeyPatch, value: bool) -> None:
    monkeypatch.setattr("quoteattr.cli._isatty", lambda stream: value)


def test_cli_progress_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _tty(monkeypatch, True)
    path, records_in = _jsonl_with_bad_lines(tmp_path / "corpus.jsonl")
    code, out, err = _run(capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl")
    assert code == 1
    final = err.rsplit("\r", 1)[-1].splitlines()[0]  # the report's last state
    assert f"{records_in} docs" in final
    assert "chars/s" in final and "100%" in final
    assert len(out.splitlines()) == 30  # the report never reaches stdout
    # error messages are printed on a line of their own, not after the report
    assert all(
        ln.startswith("quoteattr: ") for ln in err.replace("\r\x1b[K", "\n").splitlines() if ln
    )


@pytest.mark.parametrize(("tty", "argv"), [(False, []), (True, ["--quiet"]), (True, ["-q"])])
def test_cli_no_progress_when_not_a_terminal_or_quiet(
    tty: bool,
    argv: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _tty(monkeypatch, tty)
    path = tmp_path / "a.txt"
    path.write_text(CORPUS[0])
    code, _, err = _run(capsys, "extract", str(path), "-f", "jsonl", *argv)
    assert code == 0
    assert err == ""


def test_progress_line_shows_share_and_eta() -> None:
    import io

    progress = Progress(io.StringIO(), total_bytes=1000, total_docs=4)
    progress._t0 = 100.0
    progress.record(Record("a", "x" * 250, "f", None, 250))
    progress.record(None)
    line = progress.line(110.0)  # 250 of 1000 bytes in 10 s: 30 s to go
    assert "2/4 docs" in line and "1 failed" in line
    assert "25%" in line and "ETA 0:30" in line and "25 chars/s" in line

    unknown = Progress(io.StringIO(), total_bytes=None, total_docs=None)
    unknown._t0 = 0.0
    unknown.record(Record("a", "x" * 2_000_000, "-", 1, 2_000_000))
    line = unknown.line(1.0)
    assert "1 docs" in line and "2.00 M chars/s" in line and "ETA" not in line


# ---------------------------------------------------------------------------- junk runs of marks


@pytest.mark.parametrize("junk", ["“" * 50, "’" * 50, "'" * 51, "“‘" * 40, "”’”’”"])
def test_runs_of_five_or_more_marks_pair_nothing_and_leave_quotes_around_them(junk: str) -> None:
    # The marks stage matches such a run as one unit (no work per mark), so
    # 1 MB of opening quotes runs as fast as plain text.
    text = f"“We will win,” the mayor said. {junk}\n\nShe said: “It is done.”"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We will win,", "It is done."]
    assert extract_quotes(junk * 100) == []


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    import signal

    from quoteattr._batch import _init_worker

    old = signal.getsignal(signal.SIGINT)
    try:
        _init_worker({})
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, old)
