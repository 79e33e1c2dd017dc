"""Speaker tallies: quoteattr.speakers and ``quoteattr speakers``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from quoteattr import Entity, Mention, Quote, extract_quotes
from quoteattr._speakers import UNATTRIBUTED, SpeakerCounts, count_words, speakers
from quoteattr.cli import main
from quoteattr.testing import Case, news_documents

SEED = Path(__file__).resolve().parent.parent / "seeds" / "ebrard_pompeo.txt"
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_seed_tally() -> None:
    tallies = speakers(extract_quotes(SEED.read_text(encoding="utf-8")))
    assert list(tallies) == ["Mike Pompeo", "Marcelo Ebrard", "U.S. authorities"]
    pompeo = tallies["Mike Pompeo"]
    assert pompeo.count == 3 and pompeo.title == "Secretary" and pompeo.kind == "person"
    assert pompeo.words == sum(count_words(q.text) for q in pompeo.quotes)
    assert tallies["Marcelo Ebrard"].title == "Foreign Minister"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("We don’t agree, and we have not accepted it,", 9),
        ("the state of the USMCA , and", 6),
        ("U.S.-bound flows", 2),
        ("— … ,", 0),
        ("", 0),
    ],
)
def test_count_words(text: str, n: int) -> None:
    assert count_words(text) == n


def _q(start: int, text: str, speaker: str | None, entity: str | None) -> Quote:
    return Quote(
        start=start,
        end=start + len(text) + 2,
        text=text,
        content_start=start + 1,
        content_end=start + 1 + len(text),
        kind="direct",
        speaker=Mention(0, len(speaker), speaker) if speaker else None,
        entity=Entity(entity, title="Mayor" if entity == "Ana Ruiz" else None) if entity else None,
    )


def test_grouping_order_and_unattributed() -> None:
    quotes = [
        _q(0, "one two", "Ruiz", "Ana Ruiz"),
        _q(20, "three", "police", None),
        _q(40, "four five six", None, None),
        _q(60, "seven", "Ana Ruiz", "Ana Ruiz"),
        _q(80, "eight nine", "police", None),
    ]
    t = speakers(quotes)
    assert list(t) == ["Ana Ruiz", "police"]
    assert (t["Ana Ruiz"].count, t["Ana Ruiz"].words, t["Ana Ruiz"].title) == (2, 3, "Mayor")
    assert (t["police"].count, t["police"].words, t["police"].kind) == (2, 3, "unknown")
    with_none = speakers(quotes, unattributed=True)
    assert with_none[UNATTRIBUTED].count == 1 and with_none[UNATTRIBUTED].words == 3


@FAST
@given(news_documents())
def test_tallies_partition_the_attributed_quotes(case: Case) -> None:
    quotes = extract_quotes(case[0])
    tallies = speakers(quotes, unattributed=True)
    assert sum(t.count for t in tallies.values()) == len(quotes)
    assert sorted(q.start for t in tallies.values() for q in t.quotes) == [q.start for q in quotes]
    counts = [(-t.count, -t.words) for t in tallies.values()]
    assert counts == sorted(counts)
    corpus = SpeakerCounts(unattributed=True)
    corpus.add(quotes)
    corpus.add(quotes)
    for row in corpus.rows():
        assert row.quotes == 2 * tallies[row.name].count
        assert row.words == 2 * tallies[row.name].words
        assert row.documents == 2


# --- the CLI ----------------------------------------------------------------------------


def _corpus(tmp_path: Path) -> list[str]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("“We will win the vote,” Maria Lopez said.", encoding="utf-8")
    b.write_text("“Not yet,” Maria Lopez said. “Soon,” the mayor said.", encoding="utf-8")
    return [str(a), str(b)]


def test_cli_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speakers", *_corpus(tmp_path), str(SEED)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["speaker", "title", "quotes", "words", "docs"]
    assert lines[2].split()[:2] == ["Maria", "Lopez"] or lines[2].split()[:2] == ["Mike", "Pompeo"]
    assert "in 3 documents" in out


def test_cli_csv_and_json_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _corpus(tmp_path)
    assert main(["speakers", *files, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert main(["speakers", *files, "--format", "json"]) == 0
    objs = json.loads(capsys.readouterr().out)
    assert [r["speaker"] for r in rows] == [o["speaker"] for o in objs]
    lopez = next(o for o in objs if o["speaker"] == "Maria Lopez")
    assert (lopez["quotes"], lopez["documents"], lopez["words"]) == (2, 2, 7)
    assert {k: str(v) if v is not None else "" for k, v in lopez.items()} == next(
        r for r in rows if r["speaker"] == "Maria Lopez"
    )


def test_cli_jsonl_corpus_top_and_unattributed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [
        {"id": 1, "text": "“Yes,” said Ana Ruiz."},
        {"id": 2, "text": "“No,” said Ana Ruiz. “Hm,” said Bo Lee."},
        {"id": 3, "text": "“Who said that?”"},
    ]
    corpus.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    args = ["speakers", str(corpus), "--input-format", "jsonl", "-f", "json"]
    assert main([*args, "--top", "1"]) == 0
    assert [o["speaker"] for o in json.loads(capsys.readouterr().out)] == ["Ana Ruiz"]
    assert main([*args, "--unattributed"]) == 0
    names = [o["speaker"] for o in json.loads(capsys.readouterr().out)]
    assert UNATTRIBUTED in names


def test_cli_output_file_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "“Yes,” said Ana Ruiz."}\nnot json\n', encoding="utf-8")
    out = tmp_path / "speakers.csv"
    code = main(["speakers", str(corpus), "--input-format", "jsonl", "-f", "csv", "-o", str(out)])
    assert code == 1
    assert "malformed JSON" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("Ana Ruiz,")


@pytest.mark.parametrize("bad", [["--top", "0"], ["--kinds", "loud"], ["-f", "html"]])
def test_cli_bad_options_exit_2(bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speakers", str(SEED), *bad]) == 2


def test_cli_no_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("Nothing was said.", encoding="utf-8")
    assert main(["speakers", str(empty)]) == 0
    assert "no quotes found in 1 document" in capsys.readouterr().out
