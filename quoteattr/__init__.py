"""quoteattr: find who said what.

>>> from quoteattr import extract_quotes
>>> [q.text for q in extract_quotes('“We will win,” the mayor said.')]
['We will win,']
"""

from __future__ import annotations

from quoteattr._batch import extract_quotes_many
from quoteattr._errors import ConfigurationError, DataError, InputFormatError, QuoteattrError
from quoteattr._html import Quotes, render_html, view
from quoteattr._models import Entity, Mention, Quote, Span
from quoteattr._speakers import SpeakerTally, speakers
from quoteattr.pipeline import QuoteExtractor, extract_quotes

__all__ = [
    "ConfigurationError",
    "DataError",
    "Entity",
    "InputFormatError",
    "Mention",
    "Quote",
    "QuoteExtractor",
    "QuoteattrError",
    "Quotes",
    "Span",
    "SpeakerTally",
    "__version__",
    "extract_quotes",
    "extract_quotes_many",
    "render_html",
    "speakers",
    "view",
]

__version__ = "0.1.0"
