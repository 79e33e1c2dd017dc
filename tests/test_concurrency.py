"""Concurrency and determinism across processes.

* One `QuoteExtractor` shared by a thread pool gives exactly the sequential results.
* First use from many threads at once (lazy loading of lexicons and Punkt) is safe.
* Results do not depend on ``PYTHONHASHSEED`` or on the process: two interpreters
  with different hash seeds give the same JSON.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Quote, QuoteExtractor
from quoteattr.testing import news_documents

REPO = Path(__file__).resolve().parent.parent

_PEOPLE = [
    "Maria Lopez",
    "Mayor James Chen",
    "Dr. Anna Rao",
    "Sen. Ted Cruz",
    "John Smith",
    "Elizabeth Pellow",
    "Mr. Thornley",
    "Foreign Minister Marcelo Ebrard",
]
_NOMINALS = ["the mayor", "a spokeswoman", "police", "the ministry", "officials"]
_CUES = ["said", "told reporters", "added", "asked", "replied", "wrote", "warned"]
_BODIES = [
    "We will not pay for the wall",
    "There is still more work to do",
    "It is over",
    "Nobody saw it coming",
    "I cannot say more today",
    "You must be joking",
    "The figures speak for themselves",
    "We are looking into it",
]
_MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("「", "」")]


def corpus(n: int = 40, seed: int = 0) -> list[str]:
    """Deterministic documents with names, second references, pronouns and dialogue."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        opener, closer = rng.choice(_MARKS)
        person = rng.choice(_PEOPLE)
        surname = person.split()[-1]
        paras = [f"{rng.choice(_BODIES)} as talks resume", f"{person} arrived on Monday."]
        for _ in range(rng.randint(2, 8)):
            body = rng.choice(_BODIES)
            cue = rng.choice(_CUES)
            shape = rng.randrange(6)
            who = rng.choice([surname, rng.choice(_NOMINALS), rng.choice(_PEOPLE), "she", "he"])
            if shape == 0:
                paras.append(f"{opener}{body},{closer} {cue} {who}.")
            elif shape == 1:
                paras.append(f"{who[0].upper()}{who[1:]} {cue}: {opener}{body}.{closer}")
            elif shape == 2:
                more = rng.choice(_BODIES)
                paras.append(f"{opener}{body},{closer} {who} {cue}. {opener}{more}.{closer}")
            elif shape == 3:
                paras.append(f"{opener}{body}.{closer}")
            elif shape == 4:
                paras.append(f"According to {who}, the plan is {opener}{body.lower()}.{closer}")
            else:
                lead = f"{who[0].upper()}{who[1:]} {cue} that there was"
                paras.append(f"{lead} {opener}{body.lower()}.{closer}")
        docs.append(rng.choice(["\n\n", "\n", "\r\n\r\n"]).join(paras))
    return docs


def as_json(records: list[Quote]) -> str:
    return json.dumps([q.to_dict() for q in records], sort_keys=True)


EVERY_KIND = ("direct", "mixed", "indirect", "other")


def test_corpus_has_attributed_quotes() -> None:
    """The corpus exercises attribution (else the tests below prove little)."""
    records = [q for doc in corpus() for q in QuoteExtractor().extract(doc)]
    assert len(records) > 100
    assert sum(q.speaker is not None for q in records) > 50
    assert sum(q.entity is not None for q in records) > 30


def test_thread_pool_gives_sequential_results() -> None:
    texts = corpus() * 3
    for kinds in (("direct", "mixed"), EVERY_KIND):
        run = QuoteExtractor(kinds=kinds).extract
        sequential = [as_json(run(t)) for t in texts]
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = [as_json(r) for r in pool.map(run, texts)]
        assert threaded == sequential


@settings(max_examples=10, deadline=None)
@given(st.lists(news_documents(), min_size=2, max_size=6))
def test_thread_pool_on_generated_news(cases: list[tuple[str, object]]) -> None:
    extractor = QuoteExtractor()
    texts = [text for text, _ in cases] * 4
    sequential = [as_json(extractor.extract(t)) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda t: as_json(extractor.extract(t)), texts)) == sequential


# Run in a fresh interpreter: every lazily loaded table is first touched by many
# threads at once, released together by a barrier.
_FIRST_USE = textwrap.dedent(
    """
    import json, sys, threading
    from concurrent.futures import ThreadPoolExecutor
    texts = json.load(open(sys.argv[1], encoding="utf-8"))
    barrier = threading.Barrier(8)

    def run(i):
        barrier.wait()
        if i % 2:
            from quoteattr import extract_quotes
            out = [extract_quotes(t) for t in texts]
        else:
            from quoteattr import QuoteExtractor
            ex = QuoteExtractor(kinds=("direct", "mixed", "indirect", "other"))
            out = [[q for q in ex.extract(t) if q.kind in ("direct", "mixed")] for t in texts]
        return json.dumps([[q.to_dict() for q in r] for r in out], sort_keys=True)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(run, range(8)))
    print(json.dumps(results))
    """
)

# Extract every text of a JSON file and print the records as JSON.
_DUMP = textwrap.dedent(
    """
    import json, sys
    from quoteattr import QuoteExtractor
    texts = json.load(open(sys.argv[1], encoding="utf-8"))
    out = {}
    for kinds in (("direct", "mixed"), ("direct", "mixed", "indirect", "other")):
        ex = QuoteExtractor(kinds=kinds)
        out[",".join(kinds)] = [[q.to_dict() for q in ex.extract(t)] for t in texts]
    print(json.dumps(out, sort_keys=True))
    """
)


def _run(script: str, texts_file: Path, seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", script, str(texts_file)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_first_use_from_many_threads(tmp_path: Path) -> None:
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(corpus(12)), encoding="utf-8")
    results = json.loads(_run(_FIRST_USE, texts_file, "0"))
    assert len(results) == 8
    assert all(r == results[0] for r in results)
    expected = [[q.to_dict() for q in QuoteExtractor().extract(t)] for t in corpus(12)]
    assert json.loads(results[1]) == json.loads(json.dumps(expected))


def test_results_do_not_depend_on_hash_seed_or_process(tmp_path: Path) -> None:
    texts = corpus(30, seed=1)
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    first = _run(_DUMP, texts_file, "1")
    second = _run(_DUMP, texts_file, "4242")
    assert first == second
    # And the same as this process (whatever its seed).
    here = {}
    for kinds in (("direct", "mixed"), EVERY_KIND):
        run = QuoteExtractor(kinds=kinds).extract
        here[",".join(kinds)] = [[q.to_dict() for q in run(t)] for t in texts]
    assert json.loads(first) == json.loads(json.dumps(here, sort_keys=True))
