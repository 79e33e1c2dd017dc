"""Speed, memory and scaling of quoteattr on a news corpus (the speed issue's figures).

    python benchmarks/speed.py --corpus ../shared/eval/bbc_news_unlabelled.jsonl
    python benchmarks/speed.py --corpus ... --only pipeline,adversarial --runs 3
    python benchmarks/speed.py --corpus ... --quick          # a smoke run, writes nothing

Sections (``--only`` picks some; all by default):

* ``pipeline``    the full pipeline with the default kinds over every text, characters
                  per second (median of ``--runs``), and in the same runs bare Punkt
                  sentence splitting of the same texts with the same parameters: NLTK's
                  stock ``PunktSentenceTokenizer(params).span_tokenize`` and quoteattr's
                  accelerated ``_sentences.punkt_tokenizer()``, with the ratios and the
                  NLTK version (stock Punkt's speed is that version's code: see
                  ``benchmarks/punkt_nltk.py``);
* ``indirect``    the same with ``kinds=direct,mixed,indirect``;
* ``memory``      peak RSS (``ru_maxrss``) of a fresh process that streams the corpus
                  through `extract_quotes_many`, of one that runs the CLI over it, and
                  of one that only imports quoteattr and extracts one sentence;
* ``scaling``     time per MB for one text of 1, 2, 4 and 8 million characters of
                  concatenated news (the corpus repeated as needed), and the CPU time of
                  the largest text against the sum of its 1 MB pieces timed alone;
* ``processes``   `extract_quotes_many` with 1 and 2 worker processes, the speed-up;
* ``adversarial`` pathological inputs of about 1 MB (and 250 KB, to see growth), in
                  characters per second and as a ratio to the news speed;
* ``huge``        one text of 100 million characters of concatenated news in a fresh
                  process, its records streamed by `QuoteExtractor.iter_extract`: peak
                  RSS, the text's own size, and the speed (``--huge-mb`` sets the size);
* ``profile``     cProfile over the corpus: the functions that take the time.

Every figure is wall-clock (``time.perf_counter``) unless marked CPU; the load
average of the machine is recorded with them, because other processes on a
2-core machine change every wall-clock figure. Results go to
``benchmarks/results/speed.json`` and the tables into ``docs/performance.md``
(between the ``speed:begin``/``speed:end`` markers).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import platform
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from quoteattr import QuoteExtractor  # noqa: E402
from quoteattr._batch import extract_quotes_many  # noqa: E402
from quoteattr._sentences import punkt_tokenizer  # noqa: E402

DEFAULT_CORPUS = "../shared/eval/bbc_news_unlabelled.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "speed.json"
DOC = REPO / "docs" / "performance.md"
BEGIN, END = "<!-- speed:begin -->", "<!-- speed:end -->"
SECTIONS = (
    "pipeline",
    "indirect",
    "memory",
    "scaling",
    "processes",
    "adversarial",
    "huge",
    "profile",
)
MB = 1_000_000  # characters
# Growth of the time per character (4x the input) above which an input is super-linear;
# timings of a single call are noisy, hence the margin.
SUPER_LINEAR = 1.5
MIN_SECONDS = 0.5

TARGETS = {
    "pipeline_chars_per_s": 2.0e6,
    "pipeline_to_stock_punkt": 0.5,
    "indirect_chars_per_s": 1.0e6,
    "peak_rss_mb": 100.0,
    "scaling_8mb_vs_1mb": 1.15,
    "speedup_2_processes": 1.7,
    "adversarial_ratio": 0.3,
}
# The scaling series: the articles in a shuffled order (every size has the corpus's mix of
# sections), the corpus's first N MB (it is sorted by section: business news first), and its
# first MB N times (the same content at every size). The first-N-MB series compares 1 MB of
# business news with 8 MB of every section, so its 8 MB vs 1 MB ratio measures content as
# much as length: it is judged against the 8 MB text's own 1 MB pieces (same content).
_CONTENT_CHANGES = frozenset(["scaling"])
SCALING_SERIES = (
    ("scaling_shuffled", "the articles shuffled, N MB"),
    ("scaling", "the corpus's first N MB"),
    ("scaling_repeat", "its first MB N times"),
)
# The seed of the shuffled series: the same order in every run.
SHUFFLE_SEED = 20261128
# Bounded memory: ten times the text may take at most this much more extraction memory.
BOUNDED = 1.25


# ---------------------------------------------------------------------------- helpers


def load_texts(path: str, limit: int | None = None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
                if limit is not None and len(texts) >= limit:
                    break
    return texts


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fmt_rate(chars_per_s: float) -> str:
    return f"{chars_per_s / 1e6:.2f} M"


# ---------------------------------------------------------------------------- sections


def bench_pipeline(texts: list[str], runs: int, kinds: Sequence[str] | None) -> dict[str, Any]:
    """Pipeline, accelerated Punkt and stock Punkt over the same texts, interleaved."""
    import nltk
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    extractor = QuoteExtractor() if kinds is None else QuoteExtractor(kinds=kinds)
    accelerated = punkt_tokenizer()
    stock = PunktSentenceTokenizer(accelerated._params)  # the same parameters
    chars = sum(map(len, texts))
    extractor.extract(texts[0])  # load lexicons outside the timing

    def pipeline() -> None:
        for t in texts:
            extractor.extract(t)

    def punkt_acc() -> None:
        for t in texts:
            list(accelerated.span_tokenize(t))

    def punkt_stock() -> None:
        for t in texts:
            list(stock.span_tokenize(t))

    runs_out: dict[str, list[tuple[float, float]]] = {"pipeline": [], "acc": [], "stock": []}
    for i in range(runs):
        runs_out["pipeline"].append(timed(pipeline))
        if kinds is None:
            runs_out["acc"].append(timed(punkt_acc))
            runs_out["stock"].append(timed(punkt_stock))
        wall = runs_out["pipeline"][-1][0]
        stock_rate = ""
        if kinds is None:
            stock_wall = runs_out["stock"][-1][0]
            stock_rate = f", stock Punkt (nltk {nltk.__version__}) {fmt_rate(chars / stock_wall)}"
        say(f"  run {i + 1}/{runs}: pipeline {fmt_rate(chars / wall)} chars/s{stock_rate}")

    def med(key: str, idx: int) -> float:
        return statistics.median(chars / r[idx] for r in runs_out[key])

    out: dict[str, Any] = {
        "documents": len(texts),
        "characters": chars,
        "runs": runs,
        "pipeline_chars_per_s": med("pipeline", 0),
        "pipeline_chars_per_cpu_s": med("pipeline", 1),
        "pipeline_runs_chars_per_s": [chars / r[0] for r in runs_out["pipeline"]],
    }
    if kinds is None:
        out |= {
            # Stock Punkt is NLTK's code: its speed is the installed version's
            # (benchmarks/punkt_nltk.py compares versions).
            "nltk_version": nltk.__version__,
            "punkt_accelerated_chars_per_s": med("acc", 0),
            "punkt_stock_chars_per_s": med("stock", 0),
            "punkt_accelerated_chars_per_cpu_s": med("acc", 1),
            "punkt_stock_chars_per_cpu_s": med("stock", 1),
        }
        out["pipeline_to_stock_punkt"] = (
            out["pipeline_chars_per_s"] / out["punkt_stock_chars_per_s"]
        )
        out["pipeline_to_accelerated_punkt"] = (
            out["pipeline_chars_per_s"] / out["punkt_accelerated_chars_per_s"]
        )
    return out


# The peak RSS of a child is read from VmHWM in /proc/self/status: on Linux ru_maxrss
# survives fork + exec, so a child started by a large parent would report the parent's peak.
_PEAK = """
import resource
def peak_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

_STREAM = (
    _PEAK
    + """
import json, sys
from quoteattr._batch import extract_quotes_many
def texts():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)["text"]
n = sum(len(q) for q in extract_quotes_many(texts()))
print(json.dumps({"quotes": n, "maxrss_kb": peak_kb(), "scipy": "scipy" in sys.modules}))
"""
)

_CLI = (
    _PEAK
    + """
import json, sys
from quoteattr.cli import main
code = main(["extract", sys.argv[1], "--input-format", "jsonl", "-f", "jsonl", "-o", sys.argv[2]])
print(json.dumps({"exit": code, "maxrss_kb": peak_kb()}))
"""
)

_FLOOR = (
    _PEAK
    + """
import json, sys
from quoteattr import extract_quotes
extract_quotes("“We will win,” the mayor said.")
print(json.dumps({"maxrss_kb": peak_kb(), "scipy": "scipy" in sys.modules}))
"""
)

# A child process's start: the corpus (argv 1), the size (argv 2), a warm extractor.
_SETUP = (
    _PEAK
    + """
import json, sys, time
sys.path.insert(0, sys.argv[3])
from speed import load_texts, news_text
from quoteattr import QuoteExtractor
texts = load_texts(sys.argv[1])
size = int(sys.argv[2])
extractor = QuoteExtractor()
extractor.extract(texts[0])
"""
)

_SCALE = (
    _SETUP
    + """
if sys.argv[4] == "repeat":  # the first million characters, again and again
    unit = news_text(texts, 1_000_000)
    text = "\\n\\n".join([unit] * (size // 1_000_000))
elif sys.argv[4] == "shuffled":
    import random
    random.Random(int(sys.argv[5])).shuffle(texts)
    text = news_text(texts, size)
else:
    text = news_text(texts, size)
del texts
before = peak_kb()
c0, t0 = time.process_time(), time.perf_counter()
quotes = extractor.extract(text)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
# The largest size also times its 1 MB pieces alone (cut at the paragraph break after each
# MB): the whole against the sum of its pieces is linearity whatever the pieces hold.
pieces_cpu = None
n_quotes = len(quotes)
if len(sys.argv) > 6 and sys.argv[6] == "pieces":
    import gc
    del quotes  # the whole text's records would be traversed by every collection below
    gc.collect()
    cuts = [0]
    for k in range(1, size // 1_000_000):
        cut = text.find("\\n\\n", k * 1_000_000)
        if cut > cuts[-1]:
            cuts.append(cut)
    cuts.append(len(text))
    pieces_cpu = 0.0
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        c1 = time.process_time()
        extractor.extract(piece)
        pieces_cpu += time.process_time() - c1
print(json.dumps({"wall": wall, "cpu": cpu, "quotes": n_quotes, "maxrss_kb": peak_kb(),
                  "before_kb": before, "pieces_cpu": pieces_cpu}))
"""
)


_PROCESSES = """
import json, sys
sys.path.insert(0, sys.argv[4])
from speed import bench_processes, load_texts
texts = load_texts(sys.argv[1], int(sys.argv[3]) or None)
print(json.dumps(bench_processes(texts, int(sys.argv[2]))))
"""


_HUGE = (
    _SETUP
    + """
text = news_text(texts, size)
del texts
import gc
gc.collect()
# Reset the peak to the current size (Linux), so the peak below is extraction's own.
try:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    reset = True
except OSError:
    reset = False
before = peak_kb()
c0, t0 = time.process_time(), time.perf_counter()
quotes = 0
for quote in extractor.iter_extract(text):
    quotes += 1
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"wall": wall, "cpu": cpu, "quotes": quotes, "maxrss_kb": peak_kb(),
                  "before_kb": before, "text_mb": sys.getsizeof(text) / 2**20,
                  "chars": len(text), "window": extractor.window, "reset": reset}))
"""
)


def bench_huge(corpus: str, mb: int, timeout: float) -> dict[str, Any]:
    """One text of ``mb`` million characters, records streamed, in a fresh process."""
    r = _child(_HUGE, corpus, str(mb * MB), str(REPO / "benchmarks"), timeout=timeout)
    out = {
        "mb": mb,
        "chars": r["chars"],
        "window": r["window"],
        "quotes": r["quotes"],
        "seconds": r["wall"],
        "cpu_seconds": r["cpu"],
        "chars_per_s": r["chars"] / r["wall"],
        "text_mb": r["text_mb"],
        "rss_before_extract_mb": r["before_kb"] / 1024,
        "peak_rss_mb": r["maxrss_kb"] / 1024,
        "extract_rss_mb": (r["maxrss_kb"] - r["before_kb"]) / 1024,
        # Without a reset (not Linux) the peak may be that of building the text.
        "peak_reset": r["reset"],
    }
    say(
        f"  {mb} MB: {fmt_rate(out['chars_per_s'])} chars/s, {out['quotes']:,} quotes, "
        f"peak RSS {out['peak_rss_mb']:.0f} MB ({out['rss_before_extract_mb']:.0f} MB "
        f"before extraction, text {out['text_mb']:.0f} MB)"
    )
    return out


def _child(
    code: str, *args: str, timeout: float | None = None, python: str = sys.executable
) -> dict[str, Any]:
    proc = subprocess.run(
        [python, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        timeout=timeout,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def bench_memory(corpus: str, python: str = sys.executable) -> dict[str, Any]:
    """Peak RSS of fresh processes run by ``python`` (another venv's interpreter measures
    a clean install: NLTK imports SciPy and NumPy when they are installed, ~75 MB)."""
    corpus = os.path.abspath(corpus)
    floor = _child(_FLOOR, python=python)
    say(f"  import + one sentence: {floor['maxrss_kb'] / 1024:.1f} MB")
    stream = _child(_STREAM, corpus, python=python)
    say(f"  streaming the corpus: {stream['maxrss_kb'] / 1024:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        cli = _child(_CLI, corpus, os.path.join(tmp, "out.jsonl"), python=python)
    say(f"  CLI over the corpus: {cli['maxrss_kb'] / 1024:.1f} MB")
    return {
        "python": python,
        "scipy_imported": bool(floor.get("scipy")),
        "floor_rss_mb": floor["maxrss_kb"] / 1024,
        "stream_peak_rss_mb": stream["maxrss_kb"] / 1024,
        "cli_peak_rss_mb": cli["maxrss_kb"] / 1024,
        "stream_quotes": stream["quotes"],
    }


def news_text(texts: list[str], size: int) -> str:
    """``size`` characters of concatenated articles (blank line between them)."""
    parts: list[str] = []
    n = 0
    i = 0
    while n < size:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def bench_scaling(
    corpus: str,
    sizes: Sequence[int],
    timeout: float,
    mode: str = "corpus",
    runs: int = 1,
) -> dict[str, Any]:
    """Each size extracted ``runs`` times, each time in a fresh process (peak memory too),
    under a timeout; the figures are the medians.

    The runs go round the sizes in turn (1, 2, 4, 8 MB, then again), so a change in the
    machine's load falls on every size alike: one 0.4 s extraction of the 1 MB text,
    the ratios' denominator, moved them by about 0.1 from one run to the next.

    ``mode`` "corpus": the first N million characters of the corpus (repeated as needed),
    so every size adds other articles; "shuffled": the same after shuffling the articles
    with a fixed seed, so every size holds the same mix of sections; "repeat": the first
    million characters N times, so the content per MB is the same at every size and only
    the length changes.
    """
    results: dict[int, list[dict[str, Any]]] = {mb: [] for mb in sizes}
    stopped: dict[str, Any] | None = None
    for run in range(max(1, runs)):
        for mb in sizes:
            try:
                r = _child(
                    _SCALE,
                    corpus,
                    str(mb * MB),
                    str(REPO / "benchmarks"),
                    mode,
                    str(SHUFFLE_SEED),
                    "pieces" if mb == sizes[-1] and mb > 1 else "whole",
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired:
                stopped = {"mb": mb, "timed_out": True, "timeout_s": timeout}
                say(f"  {mb} MB: did not finish within {timeout:.0f} s")
                break
            except subprocess.CalledProcessError as exc:
                error = (exc.stderr or "").strip().splitlines()[-1:] or [f"exit {exc.returncode}"]
                stopped = {"mb": mb, "failed": error[0]}
                say(f"  {mb} MB: failed: {error[0]}")
                break
            results[mb].append(r)
            say(
                f"  run {run + 1}, {mb} MB: {r['wall'] / mb:.2f} s/MB "
                f"({r['cpu'] / mb:.2f} CPU s/MB), peak {r['maxrss_kb'] / 1024:.0f} MB"
            )
        if stopped:
            break
    rows: list[dict[str, Any]] = []
    for mb in sizes:
        got = results[mb]
        if stopped and stopped["mb"] == mb:
            rows.append(stopped)
            break
        if not got:
            break
        row = {
            "mb": mb,
            "runs": len(got),
            "seconds_per_mb": statistics.median(r["wall"] for r in got) / mb,
            "cpu_seconds_per_mb": statistics.median(r["cpu"] for r in got) / mb,
            "cpu_seconds_per_mb_runs": [r["cpu"] / mb for r in got],
            "quotes": got[0]["quotes"],
            "peak_rss_mb": max(r["maxrss_kb"] for r in got) / 1024,
            "rss_before_extract_mb": max(r["before_kb"] for r in got) / 1024,
        }
        pieces = [r["cpu"] / r["pieces_cpu"] for r in got if r.get("pieces_cpu")]
        if pieces:
            row["cpu_vs_pieces"] = statistics.median(pieces)
        rows.append(row)
    done = [r for r in rows if not r.get("timed_out") and not r.get("failed")]
    for r in done:
        r["vs_first"] = r["seconds_per_mb"] / done[0]["seconds_per_mb"]
        r["cpu_vs_first"] = r["cpu_seconds_per_mb"] / done[0]["cpu_seconds_per_mb"]
    last = done[-1] if done else None
    complete = last is not None and len(done) == len(sizes)
    return {
        "sizes": rows,
        "runs": max(1, runs),
        "largest_vs_smallest": last["vs_first"] if last and complete else None,
        "largest_vs_smallest_cpu": last["cpu_vs_first"] if last and complete else None,
    }


def bench_processes(texts: list[str], runs: int) -> dict[str, Any]:
    chars = sum(map(len, texts))
    out: dict[str, Any] = {}
    # Warm: the in-process extractor and the lexicons the forked workers inherit.
    sum(1 for _ in extract_quotes_many(texts[:20], jobs=1))
    walls: dict[int, list[float]] = {1: [], 2: []}
    parent: dict[int, list[float]] = {1: [], 2: []}
    workers: dict[int, list[float]] = {1: [], 2: []}
    bare: dict[int, list[float]] = {1: [], 2: []}
    loop: dict[int, list[float]] = {1: [], 2: []}
    # Interleaved (1, 2, 1, 2, ...): the host's speed drifts over a minute, and both
    # sides of the ratio should see the same drift.
    for _ in range(runs):
        for jobs in (1, 2):
            p0, c0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
            wall, _ = timed(lambda jobs=jobs: sum(1 for _ in extract_quotes_many(texts, jobs=jobs)))
            walls[jobs].append(wall)
            # The pool is shut down (its workers waited for) when the iterator ends.
            parent[jobs].append(_cpu(resource.RUSAGE_SELF) - p0)
            workers[jobs].append(_cpu(resource.RUSAGE_CHILDREN) - c0)
            bare[jobs].append(_forked_shares(texts, jobs))
            loop[jobs].append(_forked_shares(texts, jobs, _spin))
    for jobs in (1, 2):
        out[f"jobs_{jobs}_chars_per_s"] = chars / statistics.median(walls[jobs])
        out[f"jobs_{jobs}_parent_cpu_s"] = statistics.median(parent[jobs])
        out[f"jobs_{jobs}_workers_cpu_s"] = statistics.median(workers[jobs])
        say(
            f"  jobs={jobs}: {fmt_rate(out[f'jobs_{jobs}_chars_per_s'])} chars/s "
            f"(CPU s: parent {out[f'jobs_{jobs}_parent_cpu_s']:.2f}, "
            f"workers {out[f'jobs_{jobs}_workers_cpu_s']:.2f})"
        )
    out["runs"] = runs
    out["speedups"] = [a / b for a, b in zip(walls[1], walls[2], strict=True)]
    out["speedup"] = out["jobs_2_chars_per_s"] / out["jobs_1_chars_per_s"]
    # Above 1: the same work costs the two workers more CPU time than one process alone
    # (shared caches and memory bandwidth, pickling), whatever the parent does.
    out["workers_cpu_vs_one_process"] = out["jobs_2_workers_cpu_s"] / out["jobs_1_parent_cpu_s"]
    # The host's ceiling for this work: the same texts split between forked copies of a
    # warm process, nothing sent back (no pool, no pickling, no parent). What two cores
    # give here bounds what any pool can give.
    out["bare_speedups"] = [a / b for a, b in zip(bare[1], bare[2], strict=True)]
    out["bare_speedup"] = statistics.median(bare[1]) / statistics.median(bare[2])
    say(
        f"  host ceiling, forked halves with no pool: {out['bare_speedup']:.2f}x "
        f"(pairs: {', '.join(f'{x:.2f}' for x in out['bare_speedups'])})"
    )
    # And for work that touches almost no memory: if this is well below 2x too, the two
    # virtual CPUs are not two whole cores' worth of time, whatever the work.
    out["loop_speedups"] = [a / b for a, b in zip(loop[1], loop[2], strict=True)]
    out["loop_speedup"] = statistics.median(loop[1]) / statistics.median(loop[2])
    say(
        f"  host ceiling, a pure-Python loop: {out['loop_speedup']:.2f}x "
        f"(pairs: {', '.join(f'{x:.2f}' for x in out['loop_speedups'])})"
    )
    # Each pair against its own ceiling: a pair run while something else held a core
    # shows it in all three figures, and this ratio stays what the pool costs.
    out["pool_vs_ceiling"] = [
        a / b for a, b in zip(out["speedups"], out["bare_speedups"], strict=True)
    ]
    say(
        "  the pool's speed-up over the ceiling, pair by pair: "
        + ", ".join(f"{x:.2f}" for x in out["pool_vs_ceiling"])
    )
    out["cpu_count"] = os.cpu_count()
    return out


def _spin(text: str) -> object:
    """As much CPU time per character as extraction, over a few bytes of memory."""
    total = 0
    for i in range(len(text) * 8):
        total += i & 7
    return total


def _forked_shares(
    texts: list[str], jobs: int, work: Callable[[str], object] | None = None
) -> float:
    """Wall time for ``jobs`` forked children to run ``work`` (by default, extraction) over
    every ``jobs``-th text each."""
    extractor = QuoteExtractor()
    work = work or extractor.extract
    t0 = time.perf_counter()
    pids = []
    for k in range(jobs):
        pid = os.fork()
        if pid == 0:  # the child: its share, then leave without the parent's clean-up
            code = 0
            try:
                for text in texts[k::jobs]:
                    work(text)
            except BaseException:
                code = 1
            os._exit(code)
        pids.append(pid)
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        if status:
            raise RuntimeError(f"a forked share failed (status {status})")
    return time.perf_counter() - t0


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


# Pathological inputs, built from a seed (no corpus text).
_WORDS = (
    "the minister said that there was still more work to do in the region and officials "
    "told reporters on Friday a spokeswoman for the ministry police government people "
    "Smith Lopez Johnson Paris Washington economy would could will not be have been"
).split()


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _no_full_stop(n: int) -> str:
    rng = random.Random(1)
    out: list[str] = []
    size = 0
    while size < n:
        w = rng.choice(_WORDS) + ("," if rng.random() < 0.08 else "")
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n]


def _token(n: int) -> str:
    rng = random.Random(2)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789") for _ in range(n))


def _random_unicode(n: int) -> str:
    rng = random.Random(3)
    return "".join(chr(rng.randrange(0x110000)) for _ in range(n))


# name -> (description, builder of about n characters); the first seven are the list.
ADVERSARIAL: dict[str, tuple[str, Callable[[int], str]]] = {
    "only_opening_quotes": ("“ repeated", lambda n: _repeat("“", n)),
    "only_apostrophes": ("’ repeated", lambda n: _repeat("’", n)),
    "nested_alternating": (
        "“‘“‘… alternating opening marks, nothing between (1,000,000 marks per MB)",
        lambda n: _repeat("“‘", n),
    ),
    "sentence_without_full_stop": ("one sentence of news words and commas", _no_full_stop),
    "token_without_spaces": ("one token of letters and digits", _token),
    "said_said_said_lines": (
        "'said said said' lines (100,000 lines per 1.5 MB)",
        lambda n: _repeat("said said said\n", n),
    ),
    "random_unicode": ("random code points of all planes", _random_unicode),
    # More, to separate causes.
    "only_straight_apostrophes": ("' repeated", lambda n: _repeat("'", n)),
    "nested_alternating_in_words": (
        "“abcd‘abcd…: 200,000 opening marks per MB inside one long word, never closed",
        lambda n: _repeat("“abcd‘abcd", n),
    ),
    "nested_alternating_spaced": (
        "“word ‘word … with spaces: every mark a token boundary",
        lambda n: _repeat("“abc ‘abc ", n),
    ),
    # Many quotations without a cue in one paragraph of names: each asks the paragraph's
    # narration for a speaker (quadratic before this row was added).
    "titles_one_paragraph": (
        "“Stop the Tolls,” by Ana Ruiz (2015), “Open Doors” (2016), repeated: one paragraph",
        lambda n: _repeat("“Stop the Tolls,” by Ana Ruiz (2015), “Open Doors” (2016), ", n),
    ),
    # Quoted titles after a cue in a sentence that never ends: each quotation's search for
    # its cue stepped back over every title before it (quadratic before this row).
    "titles_one_sentence": (
        "'The mayor said that the “Fair Roads” plan and the “Open” bill and the “Red” tax ' "
        "repeated: one sentence",
        lambda n: _repeat(
            "The mayor said that the \u201cFair Roads\u201d plan and the \u201cOpen\u201d bill "
            "and the \u201cRed\u201d tax ",
            n,
        ),
    ),
    # With reported speech on: its rules read each cue's neighbourhood, and a sentence
    # that never ends holds every cue of the input.
    "said_said_said_lines_indirect": (
        "'said said said' lines, kinds=direct,mixed,indirect",
        lambda n: _repeat("said said said\n", n),
    ),
    "continuations_indirect": (
        "'the mayor said, adding that, ' repeated: one sentence of cues, "
        "kinds=direct,mixed,indirect",
        lambda n: _repeat("the mayor said, adding that, ", n),
    ),
    "according_quotes_indirect": (
        "'“Q,” the mayor said, according to the Herald, ' repeated: one sentence of "
        "quotations relayed by an account, kinds=direct,mixed,indirect",
        lambda n: _repeat("\u201cQ,\u201d the mayor said, according to the Herald, ", n),
    ),
}


def adversarial_child(name: str, size: int) -> None:
    """Time one extraction of one adversarial input in this (fresh) process."""
    kinds = "direct,mixed,indirect" if name.endswith("_indirect") else None
    extractor = QuoteExtractor(kinds=kinds) if kinds else QuoteExtractor()
    extractor.extract("“Hi,” he said.")
    text = ADVERSARIAL[name][1](size)
    wall, _ = timed(lambda: extractor.extract(text))
    print(json.dumps({"chars": len(text), "seconds": wall}))


def _time_input(name: str, size: int, timeout: float) -> dict[str, Any] | None:
    """One timing in a subprocess (so a super-linear input cannot hang the harness)."""
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--adversarial-child", name, str(size)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def bench_adversarial(
    news_speed: float, big: int, timeout: float, indirect_speed: float | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (description, _build) in ADVERSARIAL.items():
        # An input run with reported speech on is compared with news run the same way.
        base = (indirect_speed or news_speed) if name.endswith("_indirect") else news_speed
        size_big = int(big * 1.5) if name.startswith("said_said_said_lines") else big
        row: dict[str, Any] = {"description": description, "timeout_s": timeout}
        for label, size in (("small", size_big // 4), ("big", size_big)):
            r = _time_input(name, size, timeout)
            row[f"{label}_chars"] = size
            if r is None:  # did not finish: report the bound
                row[f"{label}_chars_per_s"] = None
                row[f"{label}_timed_out"] = True
                break
            row[f"{label}_chars_per_s"] = r["chars"] / r["seconds"]
        big_rate = row.get("big_chars_per_s")
        row["ratio_to_news"] = big_rate / base if big_rate else None
        row["news_chars_per_s"] = base
        small_rate = row.get("small_chars_per_s")
        # Time per character at the big size over that at a quarter of it (1.0: linear).
        row["growth"] = small_rate / big_rate if big_rate and small_rate else None
        out[name] = row
        if big_rate:
            say(
                f"  {name}: {fmt_rate(big_rate)} chars/s, "
                f"{row['ratio_to_news']:.2f}x news, growth {row['growth']:.2f}"
            )
        else:
            say(f"  {name}: did not finish within {timeout:.0f} s")
    return out


STAGES = {
    "pipeline.py:91(extract)": "total",
    "_layout.py": "layout (paragraphs)",
    "_marks.py": "marks (find_quotations)",
    "_attribution.py": "attribution",
    "_conversation.py": "conversation",
    "_indirect.py": "indirect",
    "_entities.py": "entities",
}


def bench_profile(texts: list[str], top: int = 20) -> dict[str, Any]:
    extractor = QuoteExtractor()
    for t in texts[:20]:
        extractor.extract(t)
    profiler = cProfile.Profile()
    profiler.enable()
    for t in texts:
        extractor.extract(t)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    raw: Any = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())  # tottime of everything
    rows = []
    for (path, line, func), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        short = f"{Path(path).name}:{line}({func})" if path != "~" else func
        rows.append((short, ncalls, tottime, cumtime))
    by_self = sorted(rows, key=lambda r: -r[2])[:top]
    by_module: dict[str, float] = {}
    for (path, _line, _func), v in raw.items():
        name = Path(path).name if path != "~" else "(builtins)"
        if "site-packages" in path and "nltk" in path:
            name = "nltk (Punkt)"
        by_module[name] = by_module.get(name, 0.0) + v[2]
    return {
        "profiled_seconds": total,
        "top_self": [
            {"function": f, "calls": n, "self_share": s / total, "cumulative_share": c / total}
            for f, n, s, c in by_self
        ],
        "modules_self": {
            k: v / total for k, v in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]
        },
        "stages_cumulative": _stages(raw, total),
    }


def _stages(raw: Any, total: float) -> dict[str, float]:
    """Cumulative share of the stage calls made by the pipeline (`QuoteExtractor._extract`,
    which runs the stages over one text or one window)."""
    out: dict[str, float] = {}
    for (path, _line, func), v in raw.items():
        callers = v[4]
        for (cpath, _cl, cfunc), cv in callers.items():
            if cpath.endswith("pipeline.py") and cfunc == "_extract":
                key = f"{Path(path).name}:{func}" if path != "~" else func
                out[key] = out.get(key, 0.0) + cv[3] / total
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


# ---------------------------------------------------------------------------- report


def _latest_runs(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs whose figures still stand: a run is dropped once later runs have measured
    every one of its sections again (its figures were all replaced)."""
    covered: set[str] = set()
    kept = []
    for meta in reversed(runs):
        sections = set(meta.get("sections", SECTIONS))
        if sections - covered:
            kept.append(meta)
        covered |= sections
    return kept[::-1]


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def markdown(res: dict[str, Any]) -> str:
    lines = [BEGIN, ""]
    runs = res.get("runs") or [res["meta"]]
    for meta in runs:
        lines += [
            f"Measured {meta['date']} on commit `{meta['commit']}`, Python {meta['python']}, "
            f"{meta['cpu_count']} CPUs, load average {meta['load_before']} before and "
            f"{meta.get('load_after')} after (other processes share these cores); "
            f"sections: {', '.join(meta.get('sections', SECTIONS))}:",
            "",
            "```",
            meta["command"],
            "```",
            "",
        ]
    lines += [
        "| figure | measured | target | |",
        "| --- | --- | --- | --- |",
    ]
    p = res.get("pipeline")
    if p:
        lines.append(
            f"| full pipeline, default kinds | {fmt_rate(p['pipeline_chars_per_s'])} chars/s "
            f"({fmt_rate(p['pipeline_chars_per_cpu_s'])} per CPU-s) | >= 2.0 M | "
            f"{_verdict(p['pipeline_chars_per_s'] >= TARGETS['pipeline_chars_per_s'])} |"
        )
        version = f" (nltk {p['nltk_version']})" if "nltk_version" in p else ""
        lines.append(
            f"| Punkt, NLTK stock `span_tokenize`{version} | "
            f"{fmt_rate(p['punkt_stock_chars_per_s'])} chars/s | | |"
        )
        lines.append(
            f"| Punkt, accelerated (`punkt_tokenizer()`) | "
            f"{fmt_rate(p['punkt_accelerated_chars_per_s'])} chars/s | | |"
        )
        lines.append(
            f"| pipeline / stock Punkt | {p['pipeline_to_stock_punkt']:.2f} | >= 0.5 | "
            f"{_verdict(p['pipeline_to_stock_punkt'] >= TARGETS['pipeline_to_stock_punkt'])} |"
        )
        lines.append(
            f"| pipeline / accelerated Punkt | {p['pipeline_to_accelerated_punkt']:.2f} | | |"
        )
    q = res.get("indirect")
    if q:
        lines.append(
            f"| `kinds=direct,mixed,indirect` | {fmt_rate(q['pipeline_chars_per_s'])} chars/s | "
            f">= 1.0 M | {_verdict(q['pipeline_chars_per_s'] >= TARGETS['indirect_chars_per_s'])} |"
        )
    for key in ("memory_clean", "memory"):
        m = res.get(key)
        if not m:
            continue
        env = (
            "NLTK imported SciPy/NumPy (installed here)"
            if m.get("scipy_imported")
            else "nltk, regex, attrs only"
        )
        lines.append(
            f"| peak RSS, streaming the corpus (`extract_quotes_many`); {env} | "
            f"{m['stream_peak_rss_mb']:.0f} MB | <= 100 MB | "
            f"{_verdict(m['stream_peak_rss_mb'] <= TARGETS['peak_rss_mb'])} |"
        )
        lines.append(
            f"| peak RSS, the CLI over the corpus; {env} | {m['cli_peak_rss_mb']:.0f} MB | "
            f"<= 100 MB | {_verdict(m['cli_peak_rss_mb'] <= TARGETS['peak_rss_mb'])} |"
        )
        lines.append(
            f"| RSS after import and one sentence; {env} | {m['floor_rss_mb']:.0f} MB | | |"
        )
    for key, what in SCALING_SERIES:
        s = res.get(key)
        pieces = s["sizes"][-1].get("cpu_vs_pieces") if s and s["sizes"] else None
        if s and s["largest_vs_smallest"] is not None and key in _CONTENT_CHANGES and pieces:
            lines.append(
                f"| time per MB, 8 MB vs 1 MB ({what}: other content at each size) | "
                f"{s['largest_vs_smallest']:.2f}x ({s['largest_vs_smallest_cpu']:.2f}x in "
                f"CPU time); vs the 8 MB text's own 1 MB pieces, the same content: "
                f"{pieces:.2f}x in CPU time | <= 1.15x (same content) | "
                f"{_verdict(pieces <= TARGETS['scaling_8mb_vs_1mb'])} |"
            )
        elif s and s["largest_vs_smallest"] is not None:
            lines.append(
                f"| time per MB, 8 MB vs 1 MB ({what}) | {s['largest_vs_smallest']:.2f}x "
                f"({s['largest_vs_smallest_cpu']:.2f}x in CPU time) | <= 1.15x | "
                f"{_verdict(s['largest_vs_smallest'] <= TARGETS['scaling_8mb_vs_1mb'])} |"
            )
        elif s:
            lines.append(
                f"| time per MB, 8 MB vs 1 MB ({what}) | did not finish (below) | <= 1.15x | "
                f"{_verdict(False)} |"
            )
    h = res.get("huge")
    if h:
        small, big = h["sizes"]
        lines.append(
            f"| one text of {big['chars'] / 1e6:.0f} M characters, records streamed: "
            f"RSS added by extraction (vs {small['chars'] / 1e6:.0f} M characters) | "
            f"{big['extract_rss_mb']:.0f} MB ({small['extract_rss_mb']:.0f} MB); peak "
            f"{big['peak_rss_mb']:.0f} MB with the text's own {big['text_mb']:.0f} MB; "
            f"{fmt_rate(big['chars_per_s'])} chars/s | bounded | "
            f"{_verdict(big['extract_rss_mb'] <= BOUNDED * small['extract_rss_mb'])} |"
        )
    pr = res.get("processes")
    if pr:
        lines.append(
            f"| 2 processes vs 1 (`extract_quotes_many`) | {pr['speedup']:.2f}x"
            + (
                " (median; interleaved pairs: "
                + ", ".join(f"{x:.2f}" for x in pr["speedups"])
                + ")"
                if pr.get("speedups")
                else ""
            )
            + " | >= 1.7x | "
            f"{_verdict(pr['speedup'] >= TARGETS['speedup_2_processes'])} |"
        )
        # Each figure as the speed-up row above: the ratio of the median times, then the pairs.
        for key, label in (
            ("bare_speedup", "host ceiling: the same texts in 2 forked halves vs 1, no pool"),
            ("loop_speedup", "host ceiling: a pure-Python loop in 2 forked halves vs 1"),
        ):
            if key in pr:
                pairs = ", ".join(f"{x:.2f}" for x in pr[key + "s"])
                lines.append(f"| {label} | {pr[key]:.2f}x (pairs: {pairs}) | | |")
        if "pool_vs_ceiling" in pr:
            lines.append(
                "| the pool's speed-up over the first ceiling | "
                f"{pr['speedup'] / pr['bare_speedup']:.2f}x (pair by pair: "
                + ", ".join(f"{x:.2f}" for x in pr["pool_vs_ceiling"])
                + ") | | |"
            )
        if "workers_cpu_vs_one_process" in pr:
            lines.append(
                f"| CPU time of the 2 workers vs 1 process, same texts | "
                f"{pr['workers_cpu_vs_one_process']:.2f}x (parent "
                f"{pr['jobs_2_parent_cpu_s']:.2f} CPU s) | | |"
            )
    lines.append("")
    if p:
        runs = ", ".join(fmt_rate(x) for x in p["pipeline_runs_chars_per_s"])
        lines += [
            f"Corpus: {p['documents']:,} documents, {p['characters']:,} characters; "
            f"pipeline runs (chars/s): {runs}.",
            "",
        ]
    for key, what in SCALING_SERIES:
        s = res.get(key)
        if not s:
            continue
        lines += [f"### Scaling: one text of concatenated news, {what}", ""]
        lines += [
            "| size | s per MB | CPU s per MB | vs 1 MB (CPU) | quotes | peak RSS |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for r in s["sizes"]:
            if r.get("timed_out"):
                lines.append(f"| {r['mb']} MB | did not finish in {r['timeout_s']:.0f} s | | | | |")
                continue
            if r.get("failed"):
                lines.append(f"| {r['mb']} MB | failed: `{r['failed']}` | | | | |")
                continue
            lines.append(
                f"| {r['mb']} MB | {r['seconds_per_mb']:.2f} | {r['cpu_seconds_per_mb']:.2f} | "
                f"{r['vs_first']:.2f}x ({r['cpu_vs_first']:.2f}x) | {r['quotes']:,} | "
                f"{r['peak_rss_mb']:.0f} MB |"
            )
        lines.append("")
        n_runs = s.get("runs", 1)
        if n_runs > 1:
            lines += [
                f"Medians of {n_runs} extractions per size, each in a fresh process, the "
                "sizes taken in turn (1, 2, 4, 8 MB, then again).",
                "",
            ]
        last = s["sizes"][-1] if s["sizes"] else {}
        if last.get("cpu_vs_pieces"):
            lines += [
                f"The {last['mb']} MB text took {last['cpu_vs_pieces']:.2f}x the CPU time of its "
                "1 MB pieces, each extracted alone in the same process (1.00x is linear, "
                "whatever the pieces hold).",
                "",
            ]
    a = res.get("adversarial")
    if a:
        news = p["pipeline_chars_per_s"] if p else 1e6
        lines += [
            "### Adversarial inputs",
            "",
            f"Ratio to the news speed above ({fmt_rate(news)} chars/s; the `_indirect` "
            "rows to the news speed with the same kinds); "
            "target >= 0.3x. Growth: time per character at the large size over that at a "
            f"quarter of it (1.0 is linear; above {SUPER_LINEAR} counts as super-linear when "
            f"the large call takes at least {MIN_SECONDS} s).",
            "",
            "| input | size | chars/s | vs news | growth | |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for i, (name, r) in enumerate(a.items()):
            extra = "" if i < 7 else " (extra)"
            size = f"{r['big_chars'] / MB:.2f} MB"
            if r["ratio_to_news"] is None:
                which = "big" if r.get("small_chars_per_s") else "small"
                bound = r[f"{which}_chars"] / r["timeout_s"]
                base = r.get("news_chars_per_s", news)
                lines.append(
                    f"| `{name}`{extra}: {r['description']} | {size} | did not finish in "
                    f"{r['timeout_s']:.0f} s at {r[f'{which}_chars']:,} chars "
                    f"(< {fmt_rate(bound)}) | < {bound / base:.2f}x | | {_verdict(False)} |"
                )
                continue
            ok = r["ratio_to_news"] >= TARGETS["adversarial_ratio"]
            # A call of a few milliseconds is too short to judge growth from.
            seconds = r["big_chars"] / r["big_chars_per_s"]
            linear = r["growth"] <= SUPER_LINEAR or seconds < MIN_SECONDS
            verdict = _verdict(ok and linear) + ("" if linear else " (super-linear)")
            lines.append(
                f"| `{name}`{extra}: {r['description']} | {size} | "
                f"{fmt_rate(r['big_chars_per_s'])} | {r['ratio_to_news']:.2f}x | "
                f"{r['growth']:.2f} | {verdict} |"
            )
        lines.append("")
    pf = res.get("profile")
    if pf:
        lines += [
            "### Profile (cProfile over the corpus, share of the profiled time)",
            "",
            "Stages (cumulative, calls made by `QuoteExtractor.extract`):",
            "",
            "| stage | share |",
            "| --- | --- |",
        ]
        for k, v in pf["stages_cumulative"].items():
            if v >= 0.005:
                lines.append(f"| `{k}` | {v:.0%} |")
        lines += ["", "Functions by own time:", "", "| function | calls | own | cumulative |"]
        lines.append("| --- | --- | --- | --- |")
        for r in pf["top_self"][:15]:
            lines.append(
                f"| `{r['function']}` | {r['calls']:,} | {r['self_share']:.1%} | "
                f"{r['cumulative_share']:.1%} |"
            )
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def write_doc(block: str) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "quoteattr"],
            capture_output=True,
            text=True,
            cwd=REPO,
        ).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="JSONL news corpus")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--quick", action="store_true", help="200 documents, 1 run; no files")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds per adversarial input and size"
    )
    parser.add_argument(
        "--scale-timeout", type=float, default=1200.0, help="seconds per scaling size"
    )
    parser.add_argument(
        "--huge-mb", type=int, default=100, help="millions of characters for the huge section"
    )
    parser.add_argument(
        "--memory-python",
        metavar="PYTHON",
        help="also measure memory with this interpreter (a venv with only quoteattr's deps)",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the sections of the saved results that this run does not measure",
    )
    parser.add_argument(
        "--render", action="store_true", help="only rewrite the doc tables from the saved results"
    )
    parser.add_argument("--adversarial-child", nargs=2, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    if args.adversarial_child:
        adversarial_child(args.adversarial_child[0], int(args.adversarial_child[1]))
        return 0
    if args.render:
        write_doc(markdown(json.loads(RESULTS.read_text(encoding="utf-8"))))
        return 0
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    bad = sorted(set(sections) - set(SECTIONS))
    if bad:
        raise SystemExit(f"unknown sections {bad}; choose from {', '.join(SECTIONS)}")
    runs = 1 if args.quick else args.runs
    texts = load_texts(args.corpus, 200 if args.quick else None)
    command = "python benchmarks/speed.py " + " ".join(
        os.path.relpath(a, REPO) if a.startswith(str(REPO.parent)) else a
        for a in (sys.argv[1:] if argv is None else argv)
    )
    res: dict[str, Any] = {
        "meta": {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "load_before": load(),
            "command": command,
        }
    }
    if "pipeline" in sections:
        say("pipeline (default kinds) and Punkt")
        res["pipeline"] = bench_pipeline(texts, runs, None)
    if "indirect" in sections:
        say("pipeline, kinds=direct,mixed,indirect")
        res["indirect"] = bench_pipeline(
            texts, max(1, min(runs, 3)), ("direct", "mixed", "indirect")
        )
    if "memory" in sections and not args.quick:
        say("memory")
        res["memory"] = bench_memory(args.corpus)
        if args.memory_python:
            say(f"memory with {args.memory_python}")
            res["memory_clean"] = bench_memory(args.corpus, args.memory_python)
    if "scaling" in sections:
        sizes = (1, 2) if args.quick else (1, 2, 4, 8)
        say("scaling, the articles shuffled")
        res["scaling_shuffled"] = bench_scaling(
            args.corpus, sizes, args.scale_timeout, "shuffled", runs
        )
        say("scaling, the corpus's first N MB")
        res["scaling"] = bench_scaling(args.corpus, sizes, args.scale_timeout, "corpus", runs)
        say("scaling, the first MB repeated")
        res["scaling_repeat"] = bench_scaling(
            args.corpus, sizes, args.scale_timeout, "repeat", runs
        )
    if "processes" in sections:
        say("processes")
        # In a fresh interpreter: the objects earlier sections leave in this one make the
        # in-process baseline pay for garbage collection (1.59 M instead of 1.94 M chars/s
        # measured here), which inflated the speed-up.
        limit = "200" if args.quick else "0"
        res["processes"] = _child(
            _PROCESSES,
            os.path.abspath(args.corpus),
            str(max(1, min(runs, 5))),
            limit,
            str(REPO / "benchmarks"),
        )
        for jobs in (1, 2):
            say(f"  jobs={jobs}: {fmt_rate(res['processes'][f'jobs_{jobs}_chars_per_s'])} chars/s")
    if "adversarial" in sections:
        say("adversarial")
        news = res["pipeline"]["pipeline_chars_per_s"] if "pipeline" in res else 1e6
        big = 100_000 if args.quick else MB
        indirect = res["indirect"]["pipeline_chars_per_s"] if "indirect" in res else None
        res["adversarial"] = bench_adversarial(news, big, args.timeout, indirect)
    if "huge" in sections and not args.quick:
        say("huge")
        # A tenth of the size first: bounded means the larger text needs no more.
        res["huge"] = {
            "sizes": [
                bench_huge(args.corpus, mb, args.scale_timeout * 4)
                for mb in (max(1, args.huge_mb // 10), args.huge_mb)
            ]
        }
    if "profile" in sections:
        say("profile")
        res["profile"] = bench_profile(texts)
    res["meta"]["load_after"] = load()
    res["meta"]["sections"] = sections
    res["runs"] = [res["meta"]]
    if args.merge and RESULTS.exists():
        saved = json.loads(RESULTS.read_text(encoding="utf-8"))
        stale = {"meta", "runs"} | ({"memory_clean"} if "memory" in sections else set())
        kept = {k: v for k, v in saved.items() if k not in res and k not in stale}
        runs = _latest_runs([*saved.get("runs", [saved["meta"]]), res["meta"]])
        res = {**kept, **res, "runs": runs}

    block = markdown(res)
    print(block)
    if not (args.quick or args.no_write):
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
        write_doc(block)
        say(f"wrote {RESULTS.relative_to(REPO)} and {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
