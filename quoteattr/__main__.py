"""``python -m quoteattr``: the same command line as the ``quoteattr`` script."""

from __future__ import annotations

from quoteattr.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
