"""Where the indirect-speech errors are, and what fixing each class would be worth.

    python benchmarks/indirect_ceiling.py ../shared/eval/polnear_dev.jsonl [more.jsonl ...]

Scores indirect records as ``benchmarks/accuracy.py`` does (content parts, character
Jaccard >= 0.5, one-to-one; a prediction matching a PolNeAR ``mixed`` content is not
counted), then puts every unmatched record in the first class that fits:

* a missed gold record is a *boundary* error when an unmatched prediction shares its
  cue (the cue spans overlap), *nested* when its cue lies inside a prediction's
  content (the stage reports the outer statement only), else *no record*;
* an unmatched prediction is a *boundary* error when an unmatched gold record shares
  its cue, an *inner report* when its cue lies inside a gold content, else it has
  *no gold* near its cue.

The last column is the F1 if every error of the class were fixed and nothing else
changed: a fixed boundary turns a wrong prediction into a match; a found record adds
a match and a prediction (or 1 / p predictions when found at precision p).
Each file is reported on its own; the corpora are not in this repository.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoteattr import QuoteExtractor
from quoteattr.evaluate import (
    GoldDocument,
    _content_parts,  # the scorer's own parts of a record: classes add up to its figures
    jaccard,
    load_corpus,
    match_spans,
)

Range = tuple[int, int]


def _overlap(a: Range | None, b: Range | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _inside(cue: Range | None, parts: Sequence[Range]) -> bool:
    return cue is not None and any(s <= cue[0] and cue[1] <= e for s, e in parts)


def maximum_matching(gold: Sequence[Sequence[Range]], pred: Sequence[Sequence[Range]]) -> int:
    """Size of a maximum one-to-one matching at Jaccard >= 0.5 (augmenting paths), to
    check that the scorer's greedy matching loses no pair."""
    edges = [[p for p, parts in enumerate(pred) if jaccard(g, parts) >= 0.5] for g in gold]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    return sum(augment(g, set()) for g in range(len(gold)))


def classify(doc: GoldDocument, extractor: QuoteExtractor) -> Counter[str]:
    """Counts of matched records and of each error class in one document."""
    text = doc.text
    quotes = [q for q in extractor.extract(text) if q.kind == "indirect"]
    pred = [_content_parts(text, q) for q in quotes]
    pcue: list[Range | None] = [(q.cue.start, q.cue.end) if q.cue else None for q in quotes]
    pairs = match_spans([g.ranges for g in doc.indirect], pred)
    gold_hit = {g for g, _ in pairs}
    pred_hit = {p for _, p in pairs}
    rest = [p for p in range(len(pred)) if p not in pred_hit]
    neutral = match_spans([m.ranges for m in doc.mixed_contents], [pred[p] for p in rest])
    neutral_p = {rest[i] for _, i in neutral}
    counted = [p for p in rest if p not in neutral_p]
    missed = [g for g in range(len(doc.indirect)) if g not in gold_hit]
    out: Counter[str] = Counter(matched=len(pairs), predicted=len(pairs) + len(counted))
    out["gold"] = len(doc.indirect)
    out["maximum matching"] = maximum_matching([g.ranges for g in doc.indirect], pred)
    for g in missed:
        cue = doc.indirect[g].cue
        if any(_overlap(cue, pcue[p]) for p in counted):
            out["gold: boundary"] += 1
        elif any(_inside(cue, parts) for parts in pred):
            out["gold: nested"] += 1
        else:
            out["gold: no record"] += 1
    for p in counted:
        if any(_overlap(pcue[p], doc.indirect[g].cue) for g in missed):
            out["pred: boundary"] += 1
        elif any(_inside(pcue[p], doc.indirect[g].ranges) for g in range(len(doc.indirect))):
            out["pred: inner report"] += 1
        else:
            out["pred: no gold"] += 1
    return out


def _f1(tp: float, predicted: float, gold: float) -> float:
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def report(name: str, c: Counter[str]) -> str:
    """A text table of one corpus's classes."""
    tp, pr, gd = c["matched"], c["predicted"], c["gold"]
    bnd = min(c["gold: boundary"], c["pred: boundary"])
    nested, none = c["gold: nested"], c["gold: no record"]
    lines = [
        f"{name}: {tp} matched of {pr} predicted, {gd} gold, F1 {_f1(tp, pr, gd):.3f}",
        f"(a maximum one-to-one matching has {c['maximum matching']} pairs)",
        f"{'class':52} {'count':>6} {'F1 if all fixed':>16}",
    ]

    def row(label: str, count: int, f1: float | None = None) -> None:
        cell = f"{f1:16.3f}" if f1 is not None else ""
        lines.append(f"{label:52} {count:6d} {cell}")

    row("gold missed, a prediction shares its cue (boundary)", c["gold: boundary"])
    row("  ... each paired with a wrong prediction", bnd, _f1(tp + bnd, pr, gd))
    row("gold missed, cue inside a prediction (nested)", nested, _f1(tp + nested, pr + nested, gd))
    row("gold missed, no record for its cue", none, _f1(tp + none, pr + none, gd))
    for p in (0.5, 0.31):
        row(f"  ... found at precision {p}", none, _f1(tp + none, pr + none / p, gd))
    row("prediction unmatched, shares a gold cue (boundary)", c["pred: boundary"])
    row("prediction unmatched, cue inside a gold content", c["pred: inner report"])
    row("prediction unmatched, no gold near its cue", c["pred: no gold"])
    both = _f1(tp + bnd + nested, pr + nested, gd)
    row("boundary and nested, both perfect", bnd + nested, both)
    gone = c["pred: no gold"]
    row(
        "  ... and the predictions with no gold gone",
        gone,
        _f1(tp + bnd + nested, pr + nested - gone, gd),
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print one table per corpus file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", help="PolNeAR-style JSONL files")
    args = parser.parse_args(argv)
    extractor = QuoteExtractor(kinds=("direct", "mixed", "indirect"))
    for path in args.corpora:
        total: Counter[str] = Counter()
        for doc in load_corpus(path):
            total += classify(doc, extractor)
        print(report(Path(path).stem, total), end="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
