"""Hostile words for the fuzz tests: what a person (or a paste, or a broken keyboard) could
put into any free-text field, and the rules the kiosk must keep with it.

:func:`hostile_text` mixes reportlab and HTML markup, right-to-left text with and without
direction overrides, stacks of combining marks, emoji (with joiners, skin tones, flags),
control characters (NUL, carriage return, escape), characters beyond the BMP, Welsh,
Polish and Punjabi, lone spaces of every kind, and text up to 10,000 characters long.

A field either keeps the words exactly (after the one tidy-up every field does: Unicode
NFC, ``\\r\\n`` made ``\\n``, trimmed at the ends, and for names spaces folded) or refuses
them with a :class:`KioskError` in plain words: :func:`check_kept` says which is right.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from hypothesis import strategies as st

from kiosk.domain.errors import KioskError, ValidationError
from kiosk.printing.fonts import FontSet

LONGEST = 10_000
# A plain Latin word, short enough never to be split over two pages.
_LATIN_WORD = re.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{3,40}(?![A-Za-z0-9])")

MARKUP = (
    "<b>",
    "</b>",
    "&amp;",
    "</para>",
    "<br/>",
    "<para>",
    "&",
    "<",
    ">",
    '"',
    "'",
    "&lt;",
    "&#65;",
    "&nbsp;",
    "<font name='Courier' size=2>",
    "</font>",
    "<i>",
    "<![CDATA[",
    "]]>",
    "<img src='x'/>",
    "<script>",
    "%s",
    "%(name)s",
    "{name}",
    "{0}",
    "{",
    "}",
    "\\",
    "'; DROP TABLE resident; --",
)
RIGHT_TO_LEFT = (
    "مرحبا",
    "شاي مع الحليب",
    "שלום",
    "תה חם",
    "\u202eevil\u202c",  # right-to-left override … pop
    "\u202dleft\u202c",  # left-to-right override … pop
    "\u202b",  # right-to-left embedding, never closed
    "\u2067abc\u2069",  # right-to-left isolate
    "\u200f",
    "\u200e",
    "\u061c",
)
SCRIPTS = (
    "Dai",
    "Eirlys",
    "ŵŷâêîôû",
    "Mae hi'n braf",
    "Zażółć gęślą jaźń",
    "Łódź",
    "ਦਾਲ ਚਾਵਲ",
    "ਸਤ ਸ੍ਰੀ ਅਕਾਲ",
    "ਕਿਤਾਬ",
    "Борщ",
    "Ελληνικά",
    "日本語",
    "한국어",
    "ไทย",
    "देवनागरी",
    "ﬁ ﬂ",
    "Ǆ",
    "İı",
    "ß",
)
EMOJI = (
    "🙂",
    "☕",
    "🍕",
    "❤️",
    "👍🏽",
    "👨\u200d👩\u200d👧\u200d👦",
    "🏳️\u200d🌈",
    "🇬🇧",
    "🇵🇱",
    "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",  # the Welsh flag
    "#\ufe0f\u20e3",
)
CONTROLS = ("\x00", "\r", "\n", "\r\n", "\t", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\x1f")
SPACES = (
    " ",
    "  ",
    "\u00a0",
    "\u2007",
    "\u202f",
    "\u2028",
    "\u2029",
    "\u3000",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00ad",
    "\u180e",
)
COMBINING = "\u0300\u0301\u0302\u0303\u0308\u030a\u0327\u0336\u035c\u0361\u0489\u20dd\u0a4d"

_ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cn",))
_ZALGO = st.builds(
    lambda base, marks: base + marks,
    st.sampled_from("aeoZ ਕ"),
    st.text(alphabet=COMBINING, min_size=1, max_size=30),
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0129,.!?-", min_size=1, max_size=12)
_PIECE = st.one_of(
    _WORD,
    st.sampled_from(MARKUP),
    st.sampled_from(RIGHT_TO_LEFT),
    st.sampled_from(SCRIPTS),
    st.sampled_from(EMOJI),
    st.sampled_from(CONTROLS),
    st.sampled_from(SPACES),
    _ZALGO,
    _ASTRAL,
    st.characters(exclude_categories=("Cs",)),  # anything at all, but never a lone surrogate
)


def hostile_text(*, max_pieces: int = 16, long: bool = True) -> st.SearchStrategy[str]:
    """Words made of hostile pieces; with ``long``, sometimes one piece repeated to up to
    10,000 characters (as a paste would)."""
    short = st.lists(_PIECE, min_size=1, max_size=max_pieces).map("".join)
    if not long:
        return short
    return st.one_of(
        short,
        short,
        short,
        st.sampled_from(SPACES + CONTROLS),  # nothing but a lone space or control
        st.builds(_repeated, short, st.integers(min_value=100, max_value=LONGEST)),
    )


def _repeated(piece: str, length: int) -> str:
    return (piece * (length // max(len(piece), 1) + 1))[:length]


def printable_text(*, max_length: int, multiline: bool = False) -> st.SearchStrategy[str]:
    """Hostile words a field of ``max_length`` keeps: for building screens and PDFs."""
    return (
        hostile_text(long=False)
        .map(lambda text: _keepable(text, max_length, multiline))
        .filter(lambda text: any(char.isalpha() for char in text))
    )


def _keepable(text: str, max_length: int, multiline: bool) -> str:
    kept = "".join(
        char
        for char in tidied(text)
        if unicodedata.category(char) != "Cc" or (multiline and char == "\n")
    )
    return tidied(kept)[:max_length].strip()


# ---------------------------------------------------------------------------------------
# What a field must do with them


class Kind(Enum):
    LINE = "one line"
    LINES = "several lines"
    NAME = "a name"


@dataclass(frozen=True)
class Field:
    """A free-text field's rule: one line, several, or a name; and its longest."""

    kind: Kind
    longest: int
    required: bool = False


def tidied(text: str) -> str:
    """Every field's one tidy-up: Unicode NFC, Windows line ends made ``\\n``, trimmed."""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").strip()


def expected(text: str, field: Field) -> str | None:
    """The words ``field`` must keep for ``text``, or None when it may refuse them."""
    kept = tidied(text)
    allowed = "\n" if field.kind is Kind.LINES else ""
    if not kept or len(kept) > field.longest:
        return None
    if any(unicodedata.category(char) == "Cc" and char not in allowed for char in kept):
        return None
    if field.kind is Kind.NAME:
        kept = " ".join(kept.split())
        if not any(char.isalpha() for char in kept):
            return None
    return kept


def empty_is_none(text: str) -> bool:
    return not tidied(text)


def is_plain_words(error: KioskError) -> bool:
    """The words a person sees: a sentence, not a traceback or an exception's repr."""
    words = error.text()
    return (
        bool(words.strip())
        and words.isprintable()
        and not any(
            bad in words
            for bad in ("Traceback", "Error", "Exception", "sqlite", "SQL", "NUL", "\\x", "None")
        )
        and words[0].isupper()
        and words.rstrip()[-1] in ".!?"
    )


def check_kept(
    text: str,
    field: Field,
    store: Callable[[], object],
    read_back: Callable[[], str | None],
) -> str | None:
    """Store ``text`` with ``store`` and read it back: exactly what ``expected`` says, or
    refused in plain words when (and only when) it may be. Returns what was kept."""
    want = expected(text, field)
    try:
        store()
    except KioskError as error:
        assert isinstance(error, ValidationError), repr(error)
        assert is_plain_words(error), error.text()
        if want is not None and not (empty_is_none(text) and not field.required):
            raise AssertionError(f"refused {text!r}: {error.text()}") from None
        return None
    got = read_back()
    if empty_is_none(text) and not field.required:
        assert got in (None, ""), f"{text!r} kept as {got!r}"
        return None
    assert want is not None, f"{text!r} should have been refused, was kept as {got!r}"
    assert got == want, f"{text!r} kept as {got!r}, not {want!r}"
    return got


# ---------------------------------------------------------------------------------------
# Reading it back from a PDF


def visible_letters(text: str, fonts: FontSet) -> Counter[str]:
    """The letters, digits, punctuation and symbols of ``text`` that the Latin face draws as
    themselves: what a PDF's text layer must give back, whatever else it does with the
    rest (shaping, direction, boxes for what no font has)."""
    return Counter(
        char
        for char in unicodedata.normalize("NFC", text)
        if fonts.main.has(char) and unicodedata.category(char)[0] in "LNPS"
    )


def missing_from(pdf_text: str, text: str, fonts: FontSet) -> list[str]:
    """What of ``text`` the PDF's text does not hold (empty when printed): each of its
    plain Latin words (lines may break anywhere, so spaces are left out on both sides),
    and its drawn letters, each as many times as ``text`` has it."""
    printed = unicodedata.normalize("NFC", pdf_text)
    joined = "".join(printed.split())
    words = [word for word in _LATIN_WORD.findall(tidied(text)) if word not in joined]
    letters = visible_letters(text, fonts) - Counter(printed)
    return words + sorted(letters.elements())
