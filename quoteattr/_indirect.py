"""Reported speech without quotation marks. (Not built yet: issue 4.)"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr._attribution import Link
from quoteattr._document import Document


def find(doc: Document, links: Sequence[Link]) -> list[Link]:
    """Indirect statements outside the given quotations."""
    return []
