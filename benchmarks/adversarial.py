"""Adversarial inputs against news text: is every input linear and fast enough?

    python benchmarks/adversarial.py                      # 10 KB, 100 KB and 1 MB of each
    python benchmarks/adversarial.py --news ../shared/eval/bbc_news_unlabelled.jsonl
    python benchmarks/adversarial.py --only apostrophes --profile   # where the time goes

For every input (the adversarial list of the speed issue, the bad-input list of
the reliability issue, and a few more that stress one stage each) the harness
times one `QuoteExtractor.extract` call at each size and prints characters per
second, the ratio to the speed on news text (the articles of ``--news`` one by
one) and the growth of the time per character from the smallest to the largest
size. Flags:

* ``SLOW``   below 0.3x the news speed (the speed issue's target);
* ``SUPER``  time grows as n**k with k > 1.18 between the smallest and the largest
  size (1.5x more time per character over a 10x size: super-linear; timings are
  noisy, re-run before believing a 1.2). A size whose time, extrapolated from the
  sizes before it, would exceed ``--budget`` seconds is skipped (and flagged SLOW).

``--profile`` runs cProfile on the largest size of the selected inputs and prints
the functions that take the time. ``--json FILE`` writes the figures.
Timings belong here, not in the test suite (tests/test_robustness.py runs small
versions of the same inputs as correctness tests).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import pstats
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from quoteattr import QuoteExtractor  # noqa: E402

DEFAULT_NEWS = "../shared/eval/bbc_news_unlabelled.jsonl"
SLOW_RATIO = 0.3
# time ~ n**k: k = 1.18 is a 1.5x growth of the time per character over a 10x size.
SUPER_EXPONENT = 1.18

_WORDS = (
    "the minister said that there was still more work to do in the region and officials "
    "told reporters on Friday a spokeswoman for ministry police government people year "
    "Smith Lopez Johnson Paris Washington economy would could will not be have been"
).split()
_SENTENCE = (
    "The minister said the government would not pay for the wall, and officials told "
    "reporters that “there is more work to do,” according to a spokeswoman. "
)


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _words(n: int, seed: int, sep: str = " ", punct: str = "") -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        w = rng.choice(_WORDS) + (rng.choice(punct) if punct and rng.random() < 0.1 else "")
        out.append(w)
        size += len(w) + len(sep)
    return sep.join(out)[:n]


def _random_unicode(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x110000)) for _ in range(n))


def _random_bmp_text(n: int, seed: int) -> str:
    # Letters of many scripts, spaces, punctuation and marks: more "text-like" junk.
    rng = random.Random(seed)
    pool = [chr(c) for c in range(0x20, 0x3000) if chr(c).isprintable()]
    pool += list(" “”‘’\"'«».,;:!?\n") * 40
    return "".join(rng.choice(pool) for _ in range(n))


def _token(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ") for _ in range(n))


def _speakers(n: int, seed: int, sep: str) -> str:
    """Quotations each attributed to a different made-up name (Xqobwe, Tkeunar, ...)."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        name = rng.choice("BCDFGHKLMNPRSTVWZ") + "".join(
            rng.choice("aeiouybcdfghklmnprstvwz") for _ in range(rng.randint(4, 9))
        )
        unit = f"“We will win,” said {name}.{sep}"
        out.append(unit)
        size += len(unit)
    return "".join(out)[:n]


def _dirty(sentence: str, junk: str) -> Callable[[int], str]:
    """News-like sentences with ``junk`` after every few words."""

    def make(n: int) -> str:
        words = sentence.split(" ")
        unit = " ".join(w + (junk if i % 3 == 0 else "") for i, w in enumerate(words)) + " "
        return _repeat(unit, n)

    return make


# name -> text of (about) n characters
INPUTS: dict[str, Callable[[int], str]] = {
    # The speed issue's list.
    "only_opening_quotes": lambda n: _repeat("“", n),
    "only_apostrophes": lambda n: _repeat("'", n),
    "only_curly_apostrophes": lambda n: _repeat("’", n),
    "nested_alternating": lambda n: _repeat("“‘", n),
    "sentence_without_full_stop": lambda n: _words(n, 1, punct=",;"),
    "token_without_spaces": lambda n: _token(n, 2),
    "said_said_said_lines": lambda n: _repeat("said said said\n", n),
    "random_unicode": lambda n: _random_unicode(n, 3),
    # The reliability issue's list, spread through news-like text.
    "nul_and_control": _dirty(_SENTENCE, "\x00\x01\x07\x1b"),
    "lone_surrogates": _dirty(_SENTENCE, "\ud800\udfff"),
    "combining_marks": _dirty(_SENTENCE, "\u0301\u0308\u0327"),
    "rtl_text": _dirty(_SENTENCE, " \u202e\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627"),
    "zero_width": _dirty(_SENTENCE, "\u200b\u200c\u200d\u2060"),
    "nbsp": lambda n: _repeat(_SENTENCE.replace(" ", "\u00a0"), n),
    "crlf_lines": lambda n: _repeat(_SENTENCE + "\r\n", n),
    "cr_lines": lambda n: _repeat(_SENTENCE + "\r", n),
    "bom_everywhere": _dirty(_SENTENCE, "\ufeff"),
    # One stage each.
    "random_text_with_marks": lambda n: _random_bmp_text(n, 4),
    "opening_quote_words": lambda n: _repeat("“We ", n),
    "unclosed_quote_per_sentence": lambda n: _repeat("He said “we will win. ", n),
    "dialogue_one_paragraph": lambda n: _repeat("“Yes,” he said. “No,” said Smith. ", n),
    "straight_quotes_one_paragraph": lambda n: _repeat('"a" ', n),
    "quotes_many_paragraphs": lambda n: _repeat("“Yes,” he said.\n\n", n),
    "distinct_speakers": lambda n: _speakers(n, 5, "\n\n"),
    "distinct_speakers_one_paragraph": lambda n: _speakers(n, 6, " "),
    "capitalised_words": lambda n: _repeat("Smith Jones Brown Minister ", n),
    "names_and_cues_no_stop": lambda n: _repeat("Smith said Jones told Brown added ", n),
    "abbreviations": lambda n: _repeat("Mr. Dr. Sen. U.S. ", n),
    "periods_no_space": lambda n: _repeat("a.(b.", n),
    "exclamations": lambda n: _repeat("!", n),
    "dots": lambda n: _repeat(".", n),
    "spaces": lambda n: _repeat(" ", n - 1) + "x",
    "newlines": lambda n: _repeat("\n", n - 1) + "x",
    "one_word_lines": lambda n: _repeat("word\n", n),
    "wrapped_lines": lambda n: _repeat(_SENTENCE[:69] + "\n", n),
    "colons": lambda n: _repeat("He said: ", n),
    "dashes": lambda n: _repeat("— ", n),
    "according_to": lambda n: _repeat("according to ", n),
}


def news_speed(path: Path, limit: int, extractor: QuoteExtractor) -> tuple[float, int]:
    """Characters per second of `extract` over the articles of ``path``, one call each."""
    texts: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            texts.append(text)
            total += len(text)
            if total >= limit:
                break
    for text in texts[:20]:  # warm up (lexicons, Punkt)
        extractor.extract(text)
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for text in texts:
            extractor.extract(text)
        best = min(best, time.perf_counter() - t0)
    return total / best, total


def time_one(extractor: QuoteExtractor, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        extractor.extract(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _exponent(seconds: dict[int, float]) -> float:
    """k in time ~ n**k, from the smallest and largest size timed (1.0 if only one)."""
    sizes = sorted(seconds)
    if len(sizes) < 2:
        return 1.0
    a, b = sizes[0], sizes[-1]
    return math.log(max(seconds[b], 1e-9) / max(seconds[a], 1e-9)) / math.log(b / a)


def _estimate(seconds: dict[int, float], size: int) -> float:
    """Seconds one run at ``size`` will take, extrapolated with the exponent seen so far
    (quadratic while only one size has been timed: better to skip than to hang)."""
    last = max(seconds)
    k = max(1.0, _exponent(seconds)) if len(seconds) > 1 else 2.0
    return seconds[last] * (size / last) ** k


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="adversarial.py", description=__doc__.split("\n")[0])
    parser.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL (default: %(default)s)")
    parser.add_argument(
        "--news-chars", type=int, default=2_000_000, help="news characters to time (default 2 M)"
    )
    parser.add_argument(
        "--sizes",
        default="10000,100000,1000000",
        help="comma-separated sizes in characters (default: %(default)s)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="skip a size whose extrapolated time exceeds this many seconds (default 120)",
    )
    parser.add_argument("--only", nargs="*", default=None, help="input names to run")
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs per size")
    parser.add_argument("--kinds", default="direct,mixed", help="kinds (default direct,mixed)")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size")
    parser.add_argument("--json", default=None, help="write the figures to this file")
    parser.add_argument("--list", action="store_true", help="list the input names and exit")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    if args.list:
        print("\n".join(INPUTS))
        return 0
    names = args.only or list(INPUTS)
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        print(f"unknown inputs: {unknown}; --list shows them", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    extractor = QuoteExtractor(kinds=args.kinds)

    news_cps, news_total = news_speed(Path(args.news), args.news_chars, extractor)
    print(f"news: {news_cps:,.0f} chars/s over {news_total:,} chars ({args.news})")
    print(f"kinds: {args.kinds}")
    header = f"{'input':32}" + "".join(f"{f'{s // 1000} KB c/s':>14}" for s in sizes)
    print(header + f"{'ratio':>8}{'k':>8}  flag")
    rows = []
    for name in names:
        cps: dict[int, float] = {}
        seconds: dict[int, float] = {}
        skipped: list[int] = []
        for size in sizes:
            if seconds and _estimate(seconds, size) > args.budget:
                skipped.append(size)
                continue
            text = INPUTS[name](size)
            # Best of N where noise matters; one run of the large sizes.
            seconds[size] = time_one(extractor, text, args.repeat if size <= 100_000 else 1)
            cps[size] = len(text) / seconds[size]
        done = sorted(cps)
        ratio = cps[done[-1]] / news_cps
        k = _exponent(seconds)
        flags = []
        if ratio < SLOW_RATIO or skipped:
            flags.append("SLOW")
        if k > SUPER_EXPONENT:
            flags.append("SUPER")
        if skipped:
            flags.append(f"(skipped {','.join(f'{s // 1000} KB' for s in skipped)}: over budget)")
        cells = "".join(f"{cps[s]:14,.0f}" if s in cps else f"{'-':>14}" for s in sizes)
        print(f"{name:32}{cells}{ratio:8.2f}{k:8.2f}  {' '.join(flags)}", flush=True)
        rows.append(
            {
                "input": name,
                "chars_per_s": {str(s): c for s, c in cps.items()},
                "ratio_to_news": ratio,
                "exponent": k,
                "skipped": skipped,
                "flags": flags,
            }
        )
        if args.profile:
            text = INPUTS[name](done[-1])
            prof = cProfile.Profile()
            prof.enable()
            extractor.extract(text)
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(12)
    if args.json:
        Path(args.json).write_text(
            json.dumps({"news_chars_per_s": news_cps, "sizes": sizes, "inputs": rows}, indent=2)
            + "\n",
            encoding="utf-8",
        )
    return 1 if any(r["flags"] for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
