"""The command line: ``main(argv)`` in-process, plus ``python -m quoteattr`` on the seed.

Expected results come from the library itself (`extract_quotes`), so these tests
check the CLI's plumbing (reading, ids, formats, errors, atomic output), not the
quality of attribution.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from quoteattr import QuoteExtractor, extract_quotes
from quoteattr.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ebrard_pompeo.txt"

NEWS = (
    "“We are not going to change our position,” the minister said on Sunday.\n\n"
    "The mayor told reporters: “The bridge will reopen in May.”\n\n"
    "Officials said there was still “more work to do.”\n"
)
FICTION = "“Come in,” said Mrs. Pellow.\r\n“I shall not,” he replied.\r\n"
NO_QUOTES = "Nobody said anything at all today.\n"


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _expected(text: str, **options: Any) -> list[dict[str, Any]]:
    return [q.to_dict() for q in extract_quotes(text, **options)]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# ---------------------------------------------------------------------------- formats


def test_jsonl_from_text_files_one_line_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    b = _write(tmp_path / "none.txt", NO_QUOTES)
    code, out, err = _run(capsys, "extract", str(a), str(b), "--format", "jsonl")
    assert code == 0, err
    lines = [json.loads(ln) for ln in out.splitlines()]
    assert lines == [
        {"id": str(a), "quotes": _expected(NEWS)},
        {"id": str(b), "quotes": []},
    ]


def test_json_output_parses_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    code, out, _ = _run(capsys, "extract", str(a), "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"id": str(a), "quotes": _expected(NEWS)}]


def test_json_quotes_slice_the_file_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CRLF is kept: offsets index the file exactly as it is on disk, decoded.
    a = _write(tmp_path / "fiction.txt", FICTION)
    _, out, _ = _run(capsys, "extract", str(a), "--format", "json")
    on_disk = a.read_bytes().decode("utf-8")
    quotes = json.loads(out)[0]["quotes"]
    assert quotes == _expected(on_disk)
    for q in quotes:
        assert on_disk[q["content_start"] : q["content_end"]] == q["text"]
        for part in ("speaker", "cue"):
            if q[part] is not None:
                assert on_disk[q[part]["start"] : q[part]["end"]] == q[part]["text"]


def test_csv_output_parses_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    b = _write(tmp_path / "fiction.txt", FICTION)
    code, out, _ = _run(capsys, "extract", str(a), str(b), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = [(str(a), q) for q in _expected(NEWS)] + [
        (str(b), q) for q in _expected(b.read_bytes().decode("utf-8"))
    ]
    assert len(rows) == len(expected)
    for row, (doc_id, q) in zip(rows, expected, strict=True):
        assert row["doc_id"] == doc_id
        assert (int(row["start"]), int(row["end"])) == (q["start"], q["end"])
        assert row["text"] == q["text"] and row["kind"] == q["kind"]
        assert row["speaker"] == (q["speaker"]["text"] if q["speaker"] else "")
        assert float(row["confidence"]) == q["confidence"]


def test_table_is_the_default_and_lists_every_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    code, out, _ = _run(capsys, str(a))
    assert code == 0
    n = len(extract_quotes(NEWS))
    assert out.startswith(f"{a}: {n} quote")
    header = out.splitlines()[2]
    assert header.split() == ["quote", "kind", "speaker", "entity", "cue", "conf"]
    for q in extract_quotes(NEWS):
        assert " ".join(q.text.split()[:3]) in out
    assert all(len(line) <= 120 for line in out.splitlines())


def test_shorthand_equals_extract_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    short = _run(capsys, str(a))
    full = _run(capsys, "extract", str(a), "--format", "table")
    assert short == full


def test_explain_adds_the_rule_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    _, out, _ = _run(capsys, str(a), "--explain")
    assert out.splitlines()[2].split()[-1] == "rule"


def test_kinds_option_is_passed_to_the_extractor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    code, out, _ = _run(capsys, "extract", str(a), "-f", "jsonl", "--kinds", "direct")
    assert code == 0
    quotes = json.loads(out)["quotes"]
    assert quotes == [q.to_dict() for q in QuoteExtractor(kinds=["direct"]).extract(NEWS)]
    assert all(q["kind"] == "direct" for q in quotes)


@pytest.mark.parametrize(("genre", "kind"), [("news", "mixed"), ("fiction", "other")])
def test_genre_option_is_passed_to_the_extractor(
    genre: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "The mayor called the plan \u201ca fantasy\u201d on Monday. Officials said nothing."
    a = _write(tmp_path / "news.txt", text)
    args = ("extract", str(a), "-f", "jsonl", "--kinds", "direct,mixed,other", "--genre", genre)
    code, out, _ = _run(capsys, *args)
    assert code == 0
    assert [q["kind"] for q in json.loads(out)["quotes"]] == [kind]


def test_bad_genre_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    code, out, err = _run(capsys, "extract", str(a), "--genre", "poetry")
    assert code == 2 and out == ""
    assert "--genre" in err and "poetry" in err


# ---------------------------------------------------------------------------- JSONL corpora


def _corpus(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_in_jsonl_out_keeps_ids_and_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = [("n1", NEWS), (42, FICTION), ("empty", ""), ("n2", NO_QUOTES)]
    path = _corpus(tmp_path, [json.dumps({"id": i, "text": t}) for i, t in docs])
    code, out, err = _run(
        capsys, "extract", str(path), "--input-format", "jsonl", "--format", "jsonl"
    )
    assert code == 0, err
    got = [json.loads(ln) for ln in out.splitlines()]
    assert got == [{"id": i, "quotes": _expected(t)} for i, t in docs]


def test_custom_id_and_text_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _corpus(tmp_path, [json.dumps({"doc": "a", "body": NEWS, "text": 3})])
    code, out, _ = _run(
        capsys,
        "extract",
        str(path),
        "--input-format=jsonl",
        "--format=jsonl",
        "--id-field=doc",
        "--text-field=body",
    )
    assert code == 0
    assert json.loads(out) == {"id": "a", "quotes": _expected(NEWS)}


def test_missing_id_falls_back_to_the_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _corpus(tmp_path, [json.dumps({"text": NEWS}), "", json.dumps({"text": FICTION})])
    _, out, _ = _run(capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl")
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [1, 3]


def test_bad_jsonl_lines_are_reported_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": NEWS}),
        '{"id": "broken", "text": ',  # 2: malformed JSON
        json.dumps({"id": "no-text", "body": NEWS}),  # 3: missing text field
        json.dumps({"id": "ok2", "text": FICTION}),
        json.dumps({"id": "num", "text": 12}),  # 5: text is not a string
        json.dumps(["not", "an", "object"]),  # 6: not an object
        "",  # blank lines are not records
        json.dumps({"id": "ok3", "text": NO_QUOTES}),
    ]
    path = _corpus(tmp_path, lines)
    path.write_bytes(path.read_bytes() + b'{"id": "latin1", "text": "caf\xe9"}\n')  # 9: bad UTF-8
    records_in = sum(1 for ln in path.read_bytes().splitlines() if ln.strip())

    code, out, err = _run(capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl")
    assert code == 1
    docs_out = [json.loads(ln)["id"] for ln in out.splitlines()]
    assert docs_out == ["ok1", "ok2", "ok3"]
    errors = [ln for ln in err.splitlines() if ln.startswith(f"quoteattr: {path}:")]
    assert len(docs_out) + len(errors) == records_in
    assert [e.split(":")[2] for e in errors] == ["2", '3 (id "no-text")', '5 (id "num")', "6", "9"]
    assert "missing text field 'text'" in err
    assert "malformed JSON" in err
    assert "invalid UTF-8" in err
    assert "5 of 8 input records failed" in err
    assert "Traceback" not in err


def fail_on(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    """Make `QuoteExtractor.extract` raise ``RuntimeError("boom")`` on texts with ``word``."""
    real = QuoteExtractor.extract

    def flaky(self: QuoteExtractor, text: str) -> Any:
        if word in text:
            raise RuntimeError("boom")
        return real(self, text)

    monkeypatch.setattr(QuoteExtractor, "extract", flaky)


def test_a_library_failure_on_one_record_does_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_on(monkeypatch, "bridge")
    path = _corpus(
        tmp_path,
        [json.dumps({"id": i, "text": t}) for i, t in [(1, FICTION), (2, NEWS), (3, NO_QUOTES)]],
    )
    code, out, err = _run(capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl")
    assert code == 1
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [1, 3]
    assert "internal error: RuntimeError: boom" in err


# ---------------------------------------------------------------------------- stdin


@pytest.mark.parametrize("argv", [["extract"], ["extract", "-"], ["-"]])
def test_stdin_text(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, FICTION.encode("utf-8"))
    code, out, _ = _run(capsys, *argv, "--format", "jsonl")
    assert code == 0
    assert json.loads(out) == {"id": "<stdin>", "quotes": _expected(FICTION)}


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = "\n".join(json.dumps({"id": i, "text": t}) for i, t in [("a", NEWS), ("b", FICTION)])
    _stdin(monkeypatch, data.encode("utf-8"))
    code, out, _ = _run(capsys, "extract", "--input-format", "jsonl", "--format", "jsonl")
    assert code == 0
    assert [json.loads(ln) for ln in out.splitlines()] == [
        {"id": "a", "quotes": _expected(NEWS)},
        {"id": "b", "quotes": _expected(FICTION)},
    ]


def test_stdin_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "extract", "-", "-")
    assert code == 2 and "more than once" in err


# ---------------------------------------------------------------------------- errors


def test_invalid_utf8_names_the_file_and_byte_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "good.txt", NEWS)
    bad = tmp_path / "bad.txt"
    prefix = "“Déjà vu,” she said. ".encode()
    bad.write_bytes(prefix + b"\xff and more")
    code, out, err = _run(capsys, "extract", str(bad), str(good), "--format", "jsonl")
    assert code == 1
    assert f"{bad}: invalid UTF-8 at byte offset {len(prefix)}" in err
    assert "Traceback" not in err
    assert [json.loads(ln)["id"] for ln in out.splitlines()] == [str(good)]


def test_missing_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "good.txt", NEWS)
    missing = tmp_path / "nope.txt"
    code, out, err = _run(capsys, "extract", str(good), str(missing))
    assert code == 2
    assert out == ""  # checked before anything is written
    assert err.strip().splitlines() == [f"quoteattr: {missing}: no such file"]


def test_directory_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "extract", str(tmp_path))
    assert code == 2 and "is a directory" in err


@pytest.mark.parametrize("kinds", ["direct,bogus", "", "speech"])
def test_bad_kinds_exit_2(kinds: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    code, out, err = _run(capsys, "extract", str(a), "--kinds", kinds)
    assert code == 2
    assert out == ""
    assert err.startswith("quoteattr: --kinds:") and len(err.strip().splitlines()) == 1


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "extract", "x.txt", "--format", "xml")
    assert code == 2 and "invalid choice" in err


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0 and "extract" in out
    code, out, _ = _run(capsys, "extract", "--help")
    assert code == 0 and "--input-format" in out and "--kinds" in out
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and out.startswith("quoteattr ")


def test_no_arguments_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys)
    assert code == 2 and "usage:" in err


# ---------------------------------------------------------------------------- -o OUT


def test_output_file_is_written_and_no_temp_file_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    outdir = tmp_path / "out"
    outdir.mkdir()
    target = outdir / "quotes.jsonl"
    code, out, _ = _run(capsys, "extract", str(a), "-f", "jsonl", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8")) == {
        "id": str(a),
        "quotes": _expected(NEWS),
    }
    assert os.listdir(outdir) == ["quotes.jsonl"]
    assert target.stat().st_mode & 0o777 != 0o600  # not the temp file's private mode


def test_output_replaces_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    target = tmp_path / "quotes.csv"
    target.write_text("old\n")
    code, _, _ = _run(capsys, "extract", str(a), "-f", "csv", "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("doc_id,start,end,")


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "MISSING", "-f", "jsonl"],
        ["extract", "NEWS", "--kinds", "nope"],
        ["extract", "NEWS", "--format", "nope"],
    ],
)
def test_existing_output_untouched_when_the_run_fails_before_writing(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    target = tmp_path / "quotes.jsonl"
    target.write_text("precious\n")
    paths = {"MISSING": str(tmp_path / "missing.txt"), "NEWS": str(a)}
    code, _, _ = _run(capsys, *[paths.get(x, x) for x in argv], "-o", str(target))
    assert code == 2
    assert target.read_text() == "precious\n"
    assert sorted(os.listdir(tmp_path)) == ["news.txt", "quotes.jsonl"]


def test_interrupted_run_leaves_the_old_output_and_no_temp_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = QuoteExtractor.extract
    calls = []

    def interrupt_second(self: QuoteExtractor, text: str) -> Any:
        calls.append(text)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, text)

    monkeypatch.setattr(QuoteExtractor, "extract", interrupt_second)
    path = _corpus(tmp_path, [json.dumps({"id": i, "text": NEWS}) for i in range(3)])
    target = tmp_path / "quotes.jsonl"
    target.write_text("precious\n")
    code, _, err = _run(
        capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl", "-o", str(target)
    )
    assert code == 130 and "interrupted" in err
    assert target.read_text() == "precious\n"
    assert sorted(os.listdir(tmp_path)) == ["corpus.jsonl", "quotes.jsonl"]


def test_output_in_a_missing_directory_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "news.txt", NEWS)
    code, _, err = _run(capsys, str(a), "-o", str(tmp_path / "no" / "such" / "out.txt"))
    assert code == 2 and "does not exist" in err


def test_record_errors_still_write_the_good_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _corpus(tmp_path, [json.dumps({"id": "a", "text": NEWS}), "{bad"])
    target = tmp_path / "out.jsonl"
    code, _, _ = _run(
        capsys, "extract", str(path), "--input-format", "jsonl", "-f", "jsonl", "-o", str(target)
    )
    assert code == 1
    assert [json.loads(ln)["id"] for ln in target.read_text().splitlines()] == ["a"]


# ---------------------------------------------------------------------------- installed


def test_console_script_points_at_main() -> None:
    scripts = metadata.entry_points(group="console_scripts")
    (ep,) = [e for e in scripts if e.name == "quoteattr"]
    assert ep.value == "quoteattr.cli:main"
    assert ep.load() is main


def test_python_m_quoteattr_on_the_seed() -> None:
    seed_text = SEED.read_bytes().decode("utf-8")
    env = {**os.environ, "COLUMNS": "100"}
    jsonl = subprocess.run(
        [sys.executable, "-m", "quoteattr", "extract", str(SEED), "--format", "jsonl"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
    )
    assert jsonl.returncode == 0, jsonl.stderr
    assert json.loads(jsonl.stdout) == {"id": str(SEED), "quotes": _expected(seed_text)}

    table = subprocess.run(
        [sys.executable, "-m", "quoteattr", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
    )
    assert table.returncode == 0, table.stderr
    assert table.stderr == ""
    n = len(extract_quotes(seed_text))
    assert table.stdout.startswith(f"{SEED}: {n} quote")
    assert all(len(line) <= 100 for line in table.stdout.splitlines())
