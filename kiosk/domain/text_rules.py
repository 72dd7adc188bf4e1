"""Rules for the words people type: kept exactly, or refused in plain words.

Text is normalised to Unicode NFC (so the same name typed two ways is stored one way) and
trimmed at the ends; nothing else is changed. Control characters (NUL, escape, …) are
refused rather than silently dropped, so what is stored is what the person meant.
"""

from __future__ import annotations

import unicodedata

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_

# Characters a person cannot type on purpose; line breaks are allowed only in long text.
_LINE_BREAKS = frozenset("\n")


def clean_text(
    value: str | None,
    *,
    field: str,
    max_length: int,
    required: bool,
    multiline: bool = False,
) -> str | None:
    """Return ``value`` normalised for storage, ``None`` when optional and empty.

    Raises :class:`ValidationError` with a plain-words message when it cannot be kept.
    """
    text = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n").strip()
    if not text:
        if required:
            raise ValidationError(field, N_("Please write something here first."))
        return None
    for char in text:
        if unicodedata.category(char) == "Cc" and not (multiline and char in _LINE_BREAKS):
            raise ValidationError(
                field, N_("This has a hidden control character in it. Please type it again.")
            )
    if len(text) > max_length:
        raise ValidationError(
            field,
            N_("This is too long: {length} letters. Please keep it under {limit}."),
            length=len(text),
            limit=max_length,
        )
    return text


def clean_name(value: str | None, *, field: str = "name", max_length: int = 80) -> str:
    """A person's or thing's name: one line, at least one letter, spaces folded."""
    text = clean_text(value, field=field, max_length=max_length, required=True)
    assert text is not None  # required=True never returns None
    text = " ".join(text.split())
    if not any(char.isalpha() for char in text):
        raise ValidationError(field, N_("A name needs at least one letter."))
    return text
