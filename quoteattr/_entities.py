"""Entities. (Placeholder.)"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr._attribution import Link
from quoteattr._document import Document
from quoteattr._models import Entity, Mention


def resolve(doc: Document, links: Sequence[Link]) -> dict[Mention, Entity]:
    """Group speaker mentions into entities."""
    return {}
