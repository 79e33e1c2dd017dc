"""The command line never loses a record: accounting, error records, invalid UTF-8,
``--on-error``, ``--encoding-errors``, atomic output and interrupted runs.

Every input record must end up either as one output document or as one error record
(stderr, and ``--errors FILE``), in input order; ``-o`` and ``--errors`` are all or
nothing. Expected quotes come from the library itself: these tests check the CLI's
plumbing, not attribution.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import fail_on

from quoteattr import QuoteExtractor, extract_quotes
from quoteattr._output import JsonlWriter, to_json
from quoteattr.cli import ENCODING_ERRORS, ERROR_CODES, Record, Terminated, _records, main

NEWS = "“We are not going to change our position,” the minister said on Sunday.\n"
BRIDGE = "The mayor told reporters: “The bridge will reopen in May.”\n"
FICTION = "“Come in,” said Mrs. Pellow.\r\n“I shall not,” he replied.\r\n"
TEXTS = [NEWS, BRIDGE, FICTION, "", "Nobody said anything.", "‘Hm,’ she said. \u2028 \x00"]

# Bad lines, by the error code they must give (bytes: some are not UTF-8).
BAD: dict[str, list[bytes]] = {
    "malformed-json": [
        b'{"id": "cut", "text": ',
        b"{'id': 1, 'text': 'single quotes'}",
        b'{"id": 1, "text": "a"} trailing',
        b'{"id": NaN, "text": "a"}',
        b'{"id": 1, "text": "a", "n": 1e999}',
        b'{"id": ' + b"7" * 5000 + b', "text": "a"}',
        b"[" * 100_000,
    ],
    "not-an-object": [b'["a", "list"]', b"42", b'"just a string"', b"null"],
    "missing-text": [b'{"id": "no-text", "body": "x"}', b"{}"],
    "text-not-a-string": [
        b'{"id": "num", "text": 12}',
        b'{"id": "null", "text": null}',
        b'{"id": "list", "text": ["a"]}',
        b'{"text": {"nested": "object"}}',
    ],
    "invalid-utf8": [b'{"id": "latin1", "text": "caf\xe9"}', b"\xff\xfe{}"],
}
BLANK = [b"", b"   ", b"\t", b" \r"]


def _good(doc_id: object, text: str) -> bytes:
    return json.dumps({"id": doc_id, "text": text}).encode("utf-8")


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, list[str]]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def _jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _listing(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")


# ---------------------------------------------------------------------------- accounting


def _injected_corpus(path: Path) -> tuple[list[tuple[int, object, str]], list[tuple[int, str]]]:
    """A JSONL file of good lines with every kind of bad line and blank lines between.

    Returns the good records ``(line, id, text)`` and the bad ones ``(line, code)``.
    """
    good: list[tuple[int, object, str]] = []
    bad: list[tuple[int, str]] = []
    lines: list[bytes] = []
    bad_lines = [(code, raw) for code, raws in BAD.items() for raw in raws]
    for i, (code, raw) in enumerate(bad_lines):
        text = TEXTS[i % len(TEXTS)]
        lines.append(_good(f"doc-{i}", text))
        good.append((len(lines), f"doc-{i}", text))
        if i % 3 == 0:
            lines.append(BLANK[i % len(BLANK)])
        lines.append(raw)
        bad.append((len(lines), code))
    lines.append(json.dumps({"text": NEWS}).encode())  # no id: the line number stands in
    good.append((len(lines), len(lines), NEWS))
    path.write_bytes(b"\n".join(lines))  # and no newline after the last line
    return good, bad


def _check_accounting(
    out: Path,
    errors: Path,
    good: list[tuple[int, object, str]],
    bad: list[tuple[int, str]],
    source: str,
) -> None:
    docs = _jsonl(out)
    errs = _jsonl(errors)
    assert len(docs) + len(errs) == len(good) + len(bad)
    assert [d["id"] for d in docs] == [doc_id for _, doc_id, _ in good]  # input order
    for d, (_, _, text) in zip(docs, good, strict=True):
        assert d["quotes"] == [q.to_dict() for q in extract_quotes(text)]
    assert [(e["line"], e["error"]) for e in errs] == bad
    for e in errs:
        assert set(e) == {"line", "id", "source", "error", "reason"}
        assert e["source"] == source and e["error"] in ERROR_CODES and e["reason"]


def test_accounting_with_injected_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good, bad = _injected_corpus(corpus)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, stdout, err = _run(
        capsys, "extract", corpus, "--input-format", "jsonl", "-f", "jsonl",
        "-o", out, "--errors", errors,
    )  # fmt: skip
    assert code == 1
    assert stdout == ""
    _check_accounting(out, errors, good, bad, str(corpus))
    # stderr: one line per failed record, then the count; never a traceback.
    assert len(err) == len(bad) + 1
    for line, (lineno, _) in zip(err[:-1], bad, strict=True):
        assert line.startswith(f"quoteattr: {corpus}:{lineno}")
    assert (
        err[-1] == f"quoteattr: {len(bad)} of {len(good) + len(bad)} input records failed "
        f"(listed in {errors})"
    )
    assert _listing(tmp_path) == ["corpus.jsonl", "errors.jsonl", "out.jsonl"]


def test_error_records_carry_the_id_and_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b"\n".join(
            [
                b'{"id": "a", "body": "x"}',
                b'{"id": {"url": "u", "n": 3}, "text": 4.5}',
                b'{"text": true}',
                b'{"id": "x" "text": "y"}',
            ]
        )
    )
    errors = tmp_path / "e.jsonl"
    code, _, err = _run(capsys, "extract", corpus, "--input-format", "jsonl", "--errors", errors)
    assert code == 1
    got = _jsonl(errors)
    assert got == [
        {"line": 1, "id": "a", "source": str(corpus), "error": "missing-text",
         "reason": "missing text field 'text'"},
        {"line": 2, "id": {"url": "u", "n": 3}, "source": str(corpus),
         "error": "text-not-a-string",
         "reason": "text field 'text' is a number, expected a string"},
        {"line": 3, "id": None, "source": str(corpus), "error": "text-not-a-string",
         "reason": "text field 'text' is a boolean, expected a string"},
        {"line": 4, "id": None, "source": str(corpus), "error": "malformed-json",
         "reason": "malformed JSON: Expecting ',' delimiter at column 12"},
    ]  # fmt: skip
    assert err[0] == f"quoteattr: {corpus}:1 (id \"a\"): missing text field 'text'"
    assert err[1].startswith(f'quoteattr: {corpus}:2 (id {{"url": "u", "n": 3}}): text field')


def test_accounting_as_a_subprocess(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    good, bad = _injected_corpus(corpus)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", str(corpus), "--input-format", "jsonl",
         "-f", "jsonl", "-o", str(out), "--errors", str(errors)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == len(bad) + 1
    _check_accounting(out, errors, good, bad, str(corpus))


def test_accounting_with_two_worker_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Enough good records between the bad ones that several chunks are in flight.
    corpus = tmp_path / "corpus.jsonl"
    good, bad = _injected_corpus(corpus)
    data = corpus.read_bytes()
    extra = b"\n".join(_good(f"more-{i}", TEXTS[i % len(TEXTS)]) for i in range(60))
    corpus.write_bytes(extra + b"\n" + data + b"\n" + extra)
    shift = len(extra.split(b"\n"))
    more = [(n + 1, f"more-{n}", TEXTS[n % len(TEXTS)]) for n in range(60)]
    tail = shift + len(data.split(b"\n"))
    good = (
        more
        + [(ln + shift, shift + doc_id if isinstance(doc_id, int) else doc_id, t)
           for ln, doc_id, t in good]
        + [(ln + tail, doc_id, t) for ln, doc_id, t in more]
    )  # fmt: skip
    bad = [(ln + shift, c) for ln, c in bad]
    runs = {}
    for jobs in ("1", "2"):
        out, errors = tmp_path / f"out{jobs}.jsonl", tmp_path / f"errors{jobs}.jsonl"
        code, _, _ = _run(
            capsys, "extract", corpus, "--input-format", "jsonl", "-f", "jsonl",
            "-o", out, "--errors", errors, "--jobs", jobs,
        )  # fmt: skip
        assert code == 1
        _check_accounting(out, errors, good, bad, str(corpus))
        runs[jobs] = (out.read_bytes(), errors.read_bytes())
    assert runs["1"] == runs["2"]


# Lines for the property test: (raw line, kind) where kind is "good", a code, or "blank".
_LINES = st.one_of(
    st.tuples(
        st.builds(
            lambda i, t: _good(i, t),
            st.one_of(st.integers(), st.text(max_size=5), st.none()),
            st.one_of(st.sampled_from(TEXTS), st.text(max_size=40)),
        ),
        st.just("good"),
    ),
    st.sampled_from([(raw, code) for code, raws in BAD.items() for raw in raws if len(raw) < 999]),
    st.tuples(st.sampled_from(BLANK), st.just("blank")),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(lines=st.lists(_LINES, max_size=12), final_newline=st.booleans())
def test_outputs_plus_errors_equal_records(
    lines: list[tuple[bytes, str]], final_newline: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [(n, kind) for n, (_, kind) in enumerate(lines, 1) if kind != "blank"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out, errors = (Path(tmp) / name for name in ("c.jsonl", "o.jsonl", "e.jsonl"))
        corpus.write_bytes(b"\n".join(raw for raw, _ in lines) + (b"\n" if final_newline else b""))
        code = main(
            [str(corpus), "--input-format", "jsonl", "-f", "jsonl", "-o", str(out),
             "--errors", str(errors)]
        )  # fmt: skip
        docs, errs = _jsonl(out), _jsonl(errors)
        assert sorted(os.listdir(tmp)) == ["c.jsonl", "e.jsonl", "o.jsonl"]
    capsys.readouterr()
    assert len(docs) + len(errs) == len(records)
    assert [(e["line"], e["error"]) for e in errs] == [r for r in records if r[1] != "good"]
    assert len(docs) == sum(1 for _, kind in records if kind == "good")
    assert code == (1 if errs else 0)


def _reader_fragments() -> st.SearchStrategy[bytes]:
    good = st.builds(_good, st.text(max_size=4), st.text(max_size=20))
    known = st.sampled_from([raw for raws in BAD.values() for raw in raws if len(raw) < 999])
    junk = st.binary(max_size=40)
    escapes = st.sampled_from([b'{"text": "\\ud800"}', b'{"id": "\\udfff", "text": ""}'])
    return st.one_of(good, known, junk, escapes, st.sampled_from([*BLANK, b"\xef\xbb\xbf"]))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(_reader_fragments(), max_size=10))
def test_any_bytes_give_one_record_or_error_per_non_blank_line(parts: list[bytes]) -> None:
    # The reader alone (no extraction): arbitrary bytes, lines split at b"\n" only.
    data = b"\n".join(parts)
    lines = data.split(b"\n")
    if lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    expected = [n for n, line in enumerate(lines, 1) if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.jsonl"
        path.write_bytes(data)
        for errors in ENCODING_ERRORS:
            items = list(_records([str(path)], "jsonl", "id", "text", errors))
            assert [item.line for item in items] == expected
            for item in items:
                if isinstance(item, Record):
                    assert isinstance(item.text, str)
                    to_json({"id": item.id}).encode("utf-8")
                else:
                    assert item.error in ERROR_CODES
                    to_json(item.to_dict()).encode("utf-8")
                    assert errors == "strict" or item.error != "invalid-utf8"


def test_blank_lines_are_not_records_but_keep_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n\n" + json.dumps({"text": NEWS}).encode() + b"\n  \r\n\t\n{bad\n\n")
    errors = tmp_path / "e.jsonl"
    code, out, _ = _run(
        capsys, "extract", corpus, "--input-format", "jsonl", "-f", "jsonl", "--errors", errors
    )
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [3]
    assert [e["line"] for e in _jsonl(errors)] == [6]


def test_a_bom_before_the_first_line_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\xef\xbb\xbf" + _good("a", NEWS) + b"\n" + _good("b", FICTION) + b"\n")
    code, out, _ = _run(capsys, "extract", corpus, "--input-format", "jsonl", "-f", "jsonl")
    assert code == 0
    assert [json.loads(ln) for ln in out.splitlines()] == [
        {"id": "a", "quotes": [q.to_dict() for q in extract_quotes(NEWS)]},
        {"id": "b", "quotes": [q.to_dict() for q in extract_quotes(FICTION)]},
    ]


def test_errors_file_is_written_empty_when_nothing_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(_good("a", NEWS) + b"\n")
    errors = tmp_path / "e.jsonl"
    errors.write_text("stale errors of an earlier run\n")
    code, _, err = _run(capsys, "extract", corpus, "--input-format", "jsonl", "--errors", errors)
    assert code == 0 and err == []
    assert errors.read_bytes() == b""


def test_output_and_errors_cannot_be_the_same_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(_good("a", NEWS) + b"\n")
    same = tmp_path / "x.jsonl"
    code, _, err = _run(capsys, corpus, "--input-format", "jsonl", "-o", same, "--errors", same)
    assert code == 2 and "same file" in err[0]
    assert not same.exists()


def test_errors_in_a_missing_directory_exits_2_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(_good("a", NEWS) + b"\n")
    code, out, err = _run(
        capsys, "speakers", corpus, "--input-format", "jsonl",
        "--errors", tmp_path / "no" / "e.jsonl",
    )  # fmt: skip
    assert code == 2 and out == "" and "does not exist" in err[0]


# ---------------------------------------------------------------------------- failures


def test_an_extraction_exception_becomes_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "bridge")
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join([_good(1, NEWS), json.dumps({"text": BRIDGE}).encode(),
                                   _good(3, FICTION)]))  # fmt: skip
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    code, _, err = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "-o", out, "--errors", errors
    )
    assert code == 1
    assert [d["id"] for d in _jsonl(out)] == [1, 3]
    assert _jsonl(errors) == [
        {"line": 2, "id": None, "source": str(corpus), "error": "extraction-failed",
         "reason": "internal error: RuntimeError: boom"}
    ]  # fmt: skip
    assert not any("Traceback" in line for line in err)


def test_a_runner_that_ends_early_loses_no_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def two_then_stop(args: Any) -> Any:
        def run(texts: Any) -> Any:
            for n, text in enumerate(texts):
                if n == 2:
                    return
                yield extract_quotes(text) if isinstance(text, str) else TypeError("x")

        return run

    monkeypatch.setattr("quoteattr.cli._runner", two_then_stop)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join([_good("a", NEWS), b"{x", _good("c", ""), _good("d", "")]))
    errors = tmp_path / "e.jsonl"
    code, out, _ = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "--errors", errors
    )
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["a"]
    assert [(e["line"], e["error"]) for e in _jsonl(errors)] == [
        (2, "malformed-json"),
        (3, "extraction-failed"),
        (4, "extraction-failed"),
    ]


def test_a_formatting_failure_becomes_an_error_record_and_writes_nothing_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = JsonlWriter.write

    def fragile(self: JsonlWriter, doc_id: object, text: str, quotes: Any) -> None:
        if doc_id == "b":
            raise ValueError("cannot format")
        real(self, doc_id, text, quotes)

    monkeypatch.setattr(JsonlWriter, "write", fragile)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join(_good(i, t) for i, t in [("a", NEWS), ("b", BRIDGE), ("c", "")]))
    out = tmp_path / "o.jsonl"
    code, _, err = _run(capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "-o", out)
    assert code == 1
    assert [d["id"] for d in _jsonl(out)] == ["a", "c"]
    assert "internal error writing the output: ValueError: cannot format" in err[0]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table", "html"])
def test_lone_surrogates_in_jsonl_input_reach_every_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A JSON escape gives a lone surrogate; it cannot be written as UTF-8.
    text = "“We \ud800 will win,” he said. \udcff"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "s\udc80", "text": text}) + "\n", encoding="ascii")
    out = tmp_path / f"out.{fmt}"
    code, _, err = _run(capsys, corpus, "--input-format", "jsonl", "-f", fmt, "-o", out)
    assert code == 0, err
    written = out.read_bytes().decode("utf-8")  # strict: valid UTF-8
    if fmt == "jsonl":
        assert json.loads(written) == {
            "id": "s\udc80",
            "quotes": [q.to_dict() for q in extract_quotes(text)],
        }
    elif fmt == "csv":
        assert "We \ufffd will win," in written


def test_speakers_count_failed_records_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join([_good("a", NEWS), b"{bad", _good("b", BRIDGE)]))
    errors = tmp_path / "e.jsonl"
    code, out, err = _run(
        capsys, "speakers", corpus, "--input-format", "jsonl", "-f", "json", "--errors", errors
    )
    assert code == 1
    assert json.loads(out)  # the tally of the two good documents
    assert [e["line"] for e in _jsonl(errors)] == [2]
    assert err[-1].startswith("quoteattr: 1 of 3 input records failed")


# ---------------------------------------------------------------------------- --on-error fail


def test_on_error_fail_stops_at_the_first_failed_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = QuoteExtractor.extract

    def counting(self: QuoteExtractor, text: str) -> Any:
        seen.append(text)
        return real(self, text)

    monkeypatch.setattr(QuoteExtractor, "extract", counting)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        b"\n".join([_good("a", NEWS), b'{"id": "bad", "text": 1}', _good("c", FICTION), b"{x"])
    )
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    out.write_text("precious\n")
    code, stdout, err = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "-o", out,
        "--errors", errors, "--on-error", "fail",
    )  # fmt: skip
    assert code == 1 and stdout == ""
    assert out.read_text() == "precious\n"  # nothing half-written
    assert [(e["line"], e["id"]) for e in _jsonl(errors)] == [(2, "bad")]
    assert seen == [NEWS]  # nothing after the failed record was extracted
    assert (
        err[-1] == f"quoteattr: stopped at the first failed record (--on-error fail); "
        f"{out} was not written"
    )
    assert _listing(tmp_path) == ["c.jsonl", "e.jsonl", "o.jsonl"]


def test_speakers_on_error_fail_writes_no_tally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join([_good("a", NEWS), b"{bad", _good("b", BRIDGE)]))
    out = tmp_path / "speakers.csv"
    code, stdout, _ = _run(
        capsys, "speakers", corpus, "--input-format", "jsonl", "-f", "csv", "-o", out,
        "--on-error", "fail",
    )  # fmt: skip
    assert code == 1 and stdout == ""
    assert _listing(tmp_path) == ["c.jsonl"]


def test_on_error_fail_on_stdout_writes_the_documents_before_the_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join([_good("a", NEWS), b"[]", _good("c", FICTION)]))
    code, out, _ = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "--on-error", "fail"
    )
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["a"]


def test_on_error_fail_with_nothing_failing_is_a_normal_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(NEWS, encoding="utf-8")
    code, out, err = _run(capsys, "extract", a, "-f", "jsonl", "--on-error", "fail")
    assert code == 0 and err == []
    assert json.loads(out)["id"] == str(a)


# ---------------------------------------------------------------------------- invalid UTF-8


def test_invalid_utf8_in_a_jsonl_line_gives_the_file_byte_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _good("a", NEWS) + b"\n"
    second = b'{"id": "b", "text": "caf'
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(first + second + b'\xe9"}\n' + _good("c", "") + b"\n")
    errors = tmp_path / "e.jsonl"
    code, out, err = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "--errors", errors
    )
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == ["a", "c"]
    (record,) = _jsonl(errors)
    offset = len(first) + len(second)
    assert record["line"] == 2 and record["error"] == "invalid-utf8"
    assert record["reason"] == f"invalid UTF-8 at byte offset {offset} (byte 0xe9)"
    assert err[0] == f"quoteattr: {corpus}:2: invalid UTF-8 at byte offset {offset} (byte 0xe9)"


def test_invalid_utf8_text_file_is_an_error_record_the_others_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(NEWS, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    prefix = "“Déjà vu,” she said. ".encode()
    bad.write_bytes(prefix + b"\xc3( and more")
    errors = tmp_path / "e.jsonl"
    code, out, _ = _run(capsys, bad, good, "-f", "jsonl", "--errors", errors)
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [str(good)]
    assert _jsonl(errors) == [
        {"line": None, "id": None, "source": str(bad), "error": "invalid-utf8",
         "reason": f"invalid UTF-8 at byte offset {len(prefix)} (byte 0xc3)"}
    ]  # fmt: skip


def test_encoding_errors_replace_decodes_with_replacement_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad_bytes = b"\xff\xfe \xe2\x80"  # two invalid bytes, a space, a truncated sequence
    raw = "“Déjà vu,” she said. ".encode() + bad_bytes + " “Again,” he said.\r\n".encode()
    decoded = raw.decode("utf-8", "replace")
    expected = [q.to_dict() for q in extract_quotes(decoded)]
    assert expected and "\ufffd" in decoded
    text_file = tmp_path / "t.txt"
    text_file.write_bytes(raw)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"id": 1, "text": "' + raw.rstrip().replace(b'"', b'\\"') + b'"}\n')
    jsonl_text = raw.rstrip().decode("utf-8", "replace")

    code, out, err = _run(capsys, text_file, "-f", "jsonl", "--encoding-errors", "replace")
    assert (code, err) == (0, [])
    assert json.loads(out)["quotes"] == expected

    code, out, err = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl", "--encoding-errors=replace"
    )
    assert (code, err) == (0, [])
    assert json.loads(out)["quotes"] == [q.to_dict() for q in extract_quotes(jsonl_text)]

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, err = _run(capsys, "-", "-f", "jsonl", "--encoding-errors", "replace")
    assert (code, err) == (0, [])
    assert json.loads(out) == {"id": "<stdin>", "quotes": expected}


def test_encoding_errors_strict_applies_to_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"ab\x80"), encoding="utf-8"))
    code, out, err = _run(capsys, "-f", "jsonl")
    assert code == 1 and out == ""
    assert err[0] == "quoteattr: <stdin>: invalid UTF-8 at byte offset 2 (byte 0x80)"


def test_encoding_errors_rejects_other_handlers(capsys: pytest.CaptureFixture[str]) -> None:
    # surrogateescape would put lone surrogates in the text: not offered.
    code, _, err = _run(capsys, "x.txt", "--encoding-errors", "surrogateescape")
    assert code == 2 and any("invalid choice" in line for line in err)


# ---------------------------------------------------------------------------- interrupted runs


@pytest.mark.parametrize(
    ("exc", "status", "message"),
    [
        (KeyboardInterrupt(), 130, "quoteattr: interrupted"),
        (Terminated(), 143, "quoteattr: terminated"),
        (OSError(28, "No space left on device"), 2,
         "quoteattr: cannot write the output: No space left on device"),
    ],
)  # fmt: skip
def test_a_run_that_dies_mid_stream_leaves_no_output_and_no_temp_file(
    exc: BaseException,
    status: int,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = JsonlWriter.write
    calls: list[object] = []

    def dies_third(self: JsonlWriter, doc_id: object, text: str, quotes: Any) -> None:
        calls.append(doc_id)
        if len(calls) == 3:
            raise exc
        real(self, doc_id, text, quotes)

    monkeypatch.setattr(JsonlWriter, "write", dies_third)
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join([_good(i, NEWS) for i in range(2)] + [b"{x"] + [_good(3, "")]))
    code, out, err = _run(
        capsys, corpus, "--input-format", "jsonl", "-f", "jsonl",
        "-o", tmp_path / "out.jsonl", "--errors", tmp_path / "err.jsonl",
    )  # fmt: skip
    assert code == status and out == ""
    assert err[-1] == message and not any("Traceback" in line for line in err)
    assert _listing(tmp_path) == ["c.jsonl"]


def _start_slow_run(
    tmp_path: Path, workers: int, *extra: str
) -> tuple[subprocess.Popen[str], threading.Event]:
    """The CLI reading JSONL from a pipe fed a line every few milliseconds, until the
    returned event is set; returns once its temporary output files exist and its
    ``workers`` worker processes have started (mid-run)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", "extract", "-", "--input-format", "jsonl",
         "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"),
         "--errors", str(tmp_path / "err.jsonl"), *extra],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8", start_new_session=True,
    )  # fmt: skip
    stop = threading.Event()

    def feed() -> None:
        assert proc.stdin is not None
        n = 0
        with contextlib.suppress(OSError, ValueError):
            while not stop.is_set():
                line = {"id": n, "text": NEWS * 5} if n % 7 else {"id": n}
                proc.stdin.write(json.dumps(line) + "\n")
                proc.stdin.flush()
                n += 1
                stop.wait(0.005)

    threading.Thread(target=feed, daemon=True).start()
    deadline = time.monotonic() + 120  # a hang guard, not a timing assertion
    while len([n for n in os.listdir(tmp_path) if n.endswith(".tmp")]) < 2:
        if proc.poll() is not None or time.monotonic() > deadline:
            stop.set()
            proc.kill()
            pytest.fail(f"the run did not start: {proc.communicate()[1]}")
        time.sleep(0.05)
    if workers:
        # Ctrl-C used to reach workers idle between chunks (and print their
        # tracebacks): wait until they have started and settled.
        while True:
            children = _children(proc.pid)
            if children is None:  # no /proc: give the pool time to start
                time.sleep(3)
                break
            if len(children) >= workers or proc.poll() is not None:
                time.sleep(1.5)
                break
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
    time.sleep(0.5)  # let some records through
    return proc, stop


def _children(pid: int) -> list[int] | None:
    """Child processes of ``pid``, from Linux's ``/proc`` (``None`` without it)."""
    if not os.path.isdir("/proc/self"):
        return None
    found: list[int] = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == pid:
                found.append(int(entry))
    return found


@pytest.mark.parametrize(
    ("sig", "status", "message", "jobs"),
    [
        # Ctrl-C in a terminal signals the whole process group, workers included.
        (signal.SIGINT, 130, "quoteattr: interrupted", "2"),
        (signal.SIGTERM, 143, "quoteattr: terminated", "1"),
    ],
)
def test_a_killed_subprocess_leaves_no_output_and_no_temp_file(
    sig: signal.Signals, status: int, message: str, jobs: str, tmp_path: Path
) -> None:
    proc, stop = _start_slow_run(tmp_path, int(jobs) if jobs != "1" else 0, "--jobs", jobs)
    try:
        if jobs == "1":
            proc.send_signal(sig)
        else:
            os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=120)
    finally:
        stop.set()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == status
    assert err.splitlines()[-1] == message
    assert "Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_jsonl_output_lines_survive_splitlines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # NEL and the Unicode line separators are escaped: one document, one line, to any reader.
    text = "“We will\u2028win,” he said.\x85“Soon,” she said.\u2029"
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(_good("\x85", text) + b"\n" + _good("b", "") + b"\n")
    code, out, _ = _run(capsys, corpus, "--input-format", "jsonl", "-f", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(ln)["id"] for ln in lines] == ["\x85", "b"]
    assert json.loads(lines[0])["quotes"] == [q.to_dict() for q in extract_quotes(text)]
