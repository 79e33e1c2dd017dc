"""Errors the library raises. A non-``str`` text raises the built-in ``TypeError``."""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every error quoteattr raises on purpose (besides ``TypeError``)."""


class ConfigurationError(QuoteattrError, ValueError):
    """An option given to `QuoteExtractor` (or the CLI) is not valid."""


class DataError(QuoteattrError):
    """A data file shipped with the package is missing or malformed."""


class InputFormatError(QuoteattrError, ValueError):
    """A corpus record cannot be read: malformed JSON, missing or non-string text field."""
