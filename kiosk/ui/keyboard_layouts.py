"""The keys of the on-screen keyboard for each language: pure data, no Qt.

A layout is a few pages; a page is up to :data:`MAX_ROWS` rows of up to :data:`MAX_KEYS`
keys. Each key is the text it types (a letter, or a letter with its dot, such as "ਸ਼";
always in Unicode NFC, the form the database keeps). Latin layouts have capitals
(``has_case``); Gurmukhi has none.

:func:`fit` re-flows a layout for a screen that has room for fewer keys in a row (a big
text size, or a screen with large pixels): long rows are split in two even halves and the
extra rows go onto extra pages. Keys are never made smaller to squeeze them in.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

MAX_ROWS = 4
MAX_KEYS = 11

Row = tuple[str, ...]
Page = tuple[Row, ...]


@dataclass(frozen=True)
class KeyboardLayout:
    pages: tuple[Page, ...]
    has_case: bool
    # What the key that switches to each page shows ("abc", "123"): symbols, not words.
    page_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.page_names and len(self.page_names) != len(self.pages):
            raise ValueError("one name per page, or none")

    def name_of(self, page: int) -> str:
        if self.page_names:
            return self.page_names[page]
        return "".join(self.pages[page][0][:3])

    def all_keys(self) -> frozenset[str]:
        """Every key on every page."""
        return frozenset(key for page in self.pages for row in page for key in row)


def _row(keys: str) -> Row:
    """``"q w e"`` → ``("q", "w", "e")``: keys are separated by spaces (a key may be two
    code points, such as a letter with its nukta)."""
    return tuple(unicodedata.normalize("NFC", key) for key in keys.split())


QWERTY: tuple[Row, ...] = (
    _row("q w e r t y u i o p"),
    _row("a s d f g h j k l"),
    _row("z x c v b n m"),
)
DIGITS_AND_MARKS: Page = (
    _row("1 2 3 4 5 6 7 8 9 0"),
    _row("- ' & , . ? ! ( ) / :"),
)

ENGLISH = KeyboardLayout(
    pages=(QWERTY, DIGITS_AND_MARKS),
    has_case=True,
    page_names=("abc", "123"),
)

WELSH = KeyboardLayout(
    pages=(
        (*QWERTY, _row("â ê î ô û ŵ ŷ")),
        DIGITS_AND_MARKS,
        (
            _row("á à ä é è ë í ì ï"),
            _row("ó ò ö ú ù ü"),
            _row("ẃ ẁ ẅ ý ỳ ÿ"),
        ),
    ),
    has_case=True,
    page_names=("abc", "123", "àéï"),
)

POLISH = KeyboardLayout(
    pages=((*QWERTY, _row("ą ć ę ł ń ó ś ź ż")), DIGITS_AND_MARKS),
    has_case=True,
    page_names=("abc", "123"),
)

# Gurmukhi: the vowel signs (and bindi, tippi) sit on the second row of both letter pages,
# so a consonant and its vowel sign never need a page change.
_GURMUKHI_SIGNS = _row("ਾ ਿ ੀ ੁ ੂ ੇ ੈ ੋ ੌ ਂ ੰ")
PUNJABI = KeyboardLayout(
    pages=(
        (
            _row("ਅ ਆ ਇ ਈ ਉ ਊ ਏ ਐ ਓ ਔ"),
            _GURMUKHI_SIGNS,
            _row("ਕ ਖ ਗ ਘ ਙ ਚ ਛ ਜ ਝ ਞ"),
            _row("ਟ ਠ ਡ ਢ ਣ ਤ ਥ ਦ ਧ ਨ"),
        ),
        (
            _row("ਪ ਫ ਬ ਭ ਮ ਯ ਰ ਲ ਵ ੜ"),
            _GURMUKHI_SIGNS,
            _row("ਸ ਹ ਸ਼ ਖ਼ ਗ਼ ਜ਼ ਫ਼ ਲ਼ ੱ ਼ ੍"),
            _row("੧ ੨ ੩ ੪ ੫ ੬ ੭ ੮ ੯ ੦"),
        ),
        (
            _row("1 2 3 4 5 6 7 8 9 0"),
            _row("- ' & , . ? ! ( ) । :"),
        ),
    ),
    has_case=False,
    page_names=("ਅ ਕ", "ਪ ਸ", "123"),
)

LAYOUTS: dict[str, KeyboardLayout] = {
    "en_GB": ENGLISH,
    "cy": WELSH,
    "pl": POLISH,
    "pa": PUNJABI,
}


def layout_for(language: str) -> KeyboardLayout:
    """The keys for ``language`` ("cy", "pl_PL" …); English (UK) for a language we lack."""
    if language in LAYOUTS:
        return LAYOUTS[language]
    base = language.replace("-", "_").split("_")[0]
    return LAYOUTS.get(base, ENGLISH)


def fit(layout: KeyboardLayout, keys_per_row: int, rows_per_page: int = MAX_ROWS) -> KeyboardLayout:
    """``layout`` with no row longer than ``keys_per_row`` and no page taller than
    ``rows_per_page``; the same layout when it already fits."""
    keys_per_row = max(1, keys_per_row)
    rows_per_page = max(1, rows_per_page)
    pages: list[Page] = []
    names: list[str] = []
    for index, page in enumerate(layout.pages):
        rows = [part for row in page for part in _split_evenly(row, keys_per_row)]
        chunks = [
            tuple(rows[start : start + rows_per_page])
            for start in range(0, len(rows), rows_per_page)
        ]
        name = layout.name_of(index)
        pages.extend(chunks)
        names.extend(
            [name] if len(chunks) == 1 else [f"{name} {part}" for part in range(1, len(chunks) + 1)]
        )
    return KeyboardLayout(pages=tuple(pages), has_case=layout.has_case, page_names=tuple(names))


def _split_evenly(row: Row, most: int) -> list[Row]:
    """A row of 10 with room for 8 becomes two rows of 5 (keeping QWERTY's two halves)."""
    if len(row) <= most:
        return [row]
    parts = math.ceil(len(row) / most)
    size = math.ceil(len(row) / parts)
    return [row[start : start + size] for start in range(0, len(row), size)]
