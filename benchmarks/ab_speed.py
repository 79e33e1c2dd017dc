"""Two checkouts of quoteattr timed against each other on the same corpus.

A busy or throttled machine moves every absolute figure of ``speed.py`` together; timing the
old and the new code in turn, round after round, each in a fresh process, gives a ratio that
such drift mostly cancels out of::

    git worktree add --detach /tmp/old REV
    python benchmarks/ab_speed.py --corpus ../shared/eval/bbc_news_unlabelled.jsonl \\
        --old /tmp/old --new . --rounds 3

Each timing is CPU time over the whole corpus (the lexicons loaded before it). It prints
characters per CPU-second per round and checkout, and new / old per round and kinds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

_TIMER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from quoteattr import QuoteExtractor
with open(sys.argv[2], encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f if line.strip()]
kinds = sys.argv[3]
ex = QuoteExtractor() if kinds == "default" else QuoteExtractor(kinds=kinds.split(","))
ex.extract(texts[0])
t = time.process_time()
for text in texts:
    ex.extract(text)
print(sum(map(len, texts)) / (time.process_time() - t))
"""


def _rate(checkout: Path, corpus: Path, kinds: str) -> float:
    """Characters per CPU-second of ``checkout``'s package over ``corpus``, fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _TIMER, str(checkout), str(corpus), kinds],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout)


def main(argv: list[str] | None = None) -> int:
    """Time both checkouts in turn and print the rates and the per-round ratios."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="JSONL with a 'text' field")
    ap.add_argument("--old", type=Path, required=True, help="checkout of the old code")
    ap.add_argument("--new", type=Path, default=Path("."), help="checkout of the new code")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--kinds",
        nargs="+",
        default=["default", "direct,mixed,indirect"],
        help="'default' or a comma-separated kinds list, one timing each",
    )
    args = ap.parse_args(argv)
    for kinds in args.kinds:
        ratios = []
        for r in range(args.rounds):
            old = _rate(args.old, args.corpus, kinds)
            new = _rate(args.new, args.corpus, kinds)
            ratios.append(new / old)
            print(
                f"{kinds}, round {r + 1}: old {old / 1e6:.2f} M, new {new / 1e6:.2f} M "
                f"chars/CPU-s, new/old {new / old:.3f}"
            )
        print(f"{kinds}: new/old median {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
