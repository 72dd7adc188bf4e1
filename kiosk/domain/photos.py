"""Photos staff attach to a resident (and later a dish or an activity): what we accept.

Photographs help people living with dementia recognise themselves and others, so staff can
take one on a phone or camera and choose the file. We do not trust the file's name: the
first bytes say what a file really is. Only JPEG, PNG and WebP pictures are kept, and only
up to a size a small kiosk PC can show quickly. Nothing here decodes the picture; a photo
that passes but will not draw is shown as initials by the screens, never as a crash.
"""

from __future__ import annotations

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_

MAX_PHOTO_BYTES = 5 * 1024 * 1024  # a phone photo is 2-4 MB
MAX_PHOTO_MB = MAX_PHOTO_BYTES // (1024 * 1024)

JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"
PHOTO_TYPES = (JPEG, PNG, WEBP)

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_START = b"\xff\xd8\xff"  # start of image, then the first marker


def sniff_photo_type(data: bytes) -> str | None:
    """The photo's type from its first bytes ("image/png"…), or None if it is not one we use."""
    if data.startswith(_PNG_SIGNATURE):
        return PNG
    if data.startswith(_JPEG_START):
        return JPEG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


def check_photo(data: bytes) -> str:
    """Return the type of a photo we can keep; otherwise a plain-words error."""
    mime_type = sniff_photo_type(data)
    if mime_type is None:
        raise ValidationError(
            "photo", N_("That file is not a photo we can use. Please choose a JPEG or PNG picture.")
        )
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(
            "photo",
            N_("That photo is too big. Please choose one smaller than {limit} MB."),
            limit=MAX_PHOTO_MB,
        )
    return mime_type
