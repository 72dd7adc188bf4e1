"""Marking words for translation without translating them yet.

The domain and the services know nothing of the current language: they mark their
plain-words messages with :func:`N_` so the catalogues pick them up, and the screen
translates them when it shows them.
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext-noop name
    """Mark ``message`` for the translation catalogues; return it unchanged."""
    return message
