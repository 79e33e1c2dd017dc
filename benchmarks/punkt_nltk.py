"""Stock NLTK Punkt against quoteattr's accelerated Punkt, per installed NLTK version.

    python benchmarks/punkt_nltk.py --corpus ../shared/eval/bbc_news_unlabelled.jsonl
    python benchmarks/punkt_nltk.py --corpus ... --python /tmp/n391/bin/python --limit 800

The stock-Punkt figure of ``speed.py`` (the baseline of the target "pipeline >= 0.5x
stock Punkt") is NLTK's own code, so its speed is the installed NLTK's. This script
runs, in one fresh process per interpreter (this one and every ``--python``, each with
its own NLTK; quoteattr is imported from this checkout), NLTK's stock
``PunktSentenceTokenizer(params).span_tokenize`` and ``_sentences.punkt_tokenizer()``
with the same parameters over the first ``--limit`` texts, and prints the NLTK
version, characters per CPU-second of each (best of ``--runs``, the interpreters
taken in turn each run, as the machine's load drifts), whether both give the same
spans, and whether stock Punkt gives the same spans under every NLTK. ``--json FILE``
writes the figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = "../shared/eval/bbc_news_unlabelled.jsonl"

# One measurement in a fresh interpreter: argv = repo, corpus, limit.
_CHILD = """
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
import nltk
from nltk.tokenize.punkt import PunktSentenceTokenizer
import quoteattr
from quoteattr._sentences import punkt_tokenizer
texts = []
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            texts.append(json.loads(line)["text"])
            if len(texts) >= int(sys.argv[3]):
                break
accelerated = punkt_tokenizer()
stock = PunktSentenceTokenizer(accelerated._params)  # the same parameters
chars = sum(map(len, texts))
out = {"nltk": nltk.__version__, "python": sys.version.split()[0],
       "quoteattr": quoteattr.__file__, "texts": len(texts), "chars": chars}
spans = {}
for name, tok in (("stock", stock), ("accelerated", accelerated)):
    c = time.process_time()
    found = [list(tok.span_tokenize(t)) for t in texts]
    out[name + "_chars_per_cpu_s"] = chars / (time.process_time() - c)
    spans[name] = hashlib.sha256(repr(found).encode()).hexdigest()
out["same_spans"] = spans["stock"] == spans["accelerated"]
out["stock_spans"] = spans["stock"][:16]
print(json.dumps(out))
"""


def measure(python: str, corpus: str, limit: int) -> dict[str, Any]:
    """The figures of `_CHILD` run by the interpreter ``python`` in a fresh process."""
    proc = subprocess.run(
        [python, "-c", _CHILD, str(REPO), corpus, str(limit)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    """Measure every interpreter in turn, ``--runs`` times, and print (or write) the best."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        help="another interpreter (with another NLTK) to measure; repeatable",
    )
    parser.add_argument("--limit", type=int, default=800, help="texts measured (default 800)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    corpus = str(Path(args.corpus).resolve())
    pythons = [sys.executable, *args.python]
    runs: dict[str, list[dict[str, Any]]] = {p: [] for p in pythons}
    for _ in range(args.runs):
        for python in pythons:
            runs[python].append(measure(python, corpus, args.limit))
    rows = []
    print(f"{'nltk':>8}  {'stock Punkt':>14}  {'accelerated':>14}  same spans  python")
    for python, results in runs.items():
        best = {
            key: max(r[key] for r in results)
            for key in ("stock_chars_per_cpu_s", "accelerated_chars_per_cpu_s")
        }
        row = {
            **results[0],
            **best,
            "interpreter": python,
            "same_spans": all(r["same_spans"] for r in results),
        }
        rows.append(row)
        print(
            f"{row['nltk']:>8}  {row['stock_chars_per_cpu_s'] / 1e6:>9.2f} M/s  "
            f"{row['accelerated_chars_per_cpu_s'] / 1e6:>9.2f} M/s  {row['same_spans']!s:>10}  "
            f"{python}"
        )
    print(
        f"{rows[0]['texts']} texts, {rows[0]['chars']:,} characters; CPU time, best of {args.runs}"
    )
    if len(rows) > 1:
        same = len({r["stock_spans"] for r in rows}) == 1
        print(f"stock Punkt gives the same spans under every NLTK: {same}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
