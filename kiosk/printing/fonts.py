"""The shipped fonts, registered with reportlab once per process, and the font for each run
of text: Latin in Atkinson Hyperlegible Next, Gurmukhi in Noto Sans Gurmukhi, anything else
Noto Sans has in Noto Sans. Every font is registered for HarfBuzz shaping (uharfbuzz);
``markup`` turns shaping on for the text that needs it.

reportlab's font names are process-wide: register one fonts folder per process.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.domain.errors import PrintError
from kiosk.domain.text import N_

# (family name for reportlab, file stem) in order of preference: the first face that has a
# letter draws it. Atkinson first, so English, Welsh and Polish letters are always in it.
FAMILIES: tuple[tuple[str, str], ...] = (
    ("OurSayAtkinson", "AtkinsonHyperlegible"),
    ("OurSayGurmukhi", "NotoSansGurmukhi"),
    ("OurSayNoto", "NotoSans"),
)
REQUIRED_FAMILY = "OurSayAtkinson"
BMP = 0xFFFF  # the last character reportlab's text maps can name
NO_BREAK_SPACE = "\u00a0"
ZERO_WIDTH_SPACE = "\u200b"

FONTS_MISSING = N_("The fonts for printing are missing from {folder}. Please reinstall Our Say.")

# Categories that belong to no script: spaces, punctuation, digits, marks, format characters.
# They take the font of the letters around them, so a word is never split between fonts.
_NEUTRAL_CATEGORIES = frozenset("ZPNMC")


@dataclass(frozen=True, slots=True)
class Face:
    """One family in two weights (there is no italic, by design) and the characters it has."""

    family: str
    regular: str
    bold: str
    covers: frozenset[int] = field(repr=False)
    letters: frozenset[str] = field(repr=False)  # the same, as characters: a quick test

    def name(self, *, bold: bool) -> str:
        return self.bold if bold else self.regular

    def has(self, char: str) -> bool:
        return ord(char) in self.covers


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text drawn in one face. ``drawable`` is False when no shipped font has
    one of its characters (an emoji, say): it is still kept, exactly, in the PDF's text."""

    face: Face
    text: str
    drawable: bool = True


@dataclass(frozen=True, slots=True)
class FontSet:
    """The registered faces, best first; ``faces[0]`` is the Latin face used for layout."""

    faces: tuple[Face, ...]

    @property
    def main(self) -> Face:
        return self.faces[0]

    def covering(self, char: str) -> Face | None:
        return next((face for face in self.faces if face.has(char)), None)

    def runs(self, text: str) -> list[Run]:
        """``text`` cut into runs of one face each, in order; joined, they give ``text``."""
        if self.main.letters.issuperset(text):
            return [Run(self.main, text)]  # the usual case: all of it in the Latin face
        chosen = [self._strong_face(char) for char in text]
        _fill_neutral(text, chosen, default=self.main)
        runs: list[Run] = []
        for char, face in zip(text, chosen, strict=True):
            assert face is not None
            if not face.has(char) and not _is_mark_or_format(char):
                face = self.covering(char) or face  # punctuation only the other face has
            drawable = face.has(char) or char.isspace() or is_invisible(char)
            if runs and runs[-1].face is face:
                last = runs[-1]
                runs[-1] = Run(face, last.text + char, last.drawable and drawable)
            else:
                runs.append(Run(face, char, drawable))
        return runs

    def keep_missing(self, run: Run) -> None:
        """Let a character no font has (an emoji such as ☕) keep its place in the PDF's text:
        it maps to the font's "missing" glyph (a box) instead of being dropped from the text.

        Only up to U+FFFF: reportlab writes text maps with four hex digits, so a character
        beyond (🍕) would make a broken map; those print as the box with no text behind it.
        """
        missing = {
            ord(c) for c in run.text if not run.face.has(c) and not c.isspace() and ord(c) <= BMP
        }
        if not missing:
            return
        with _lock:
            for name in (run.face.regular, run.face.bold):
                glyphs = pdfmetrics.getFont(name).face.charToGlyph
                for code in missing:
                    glyphs.setdefault(code, 0)

    def _strong_face(self, char: str) -> Face | None:
        if unicodedata.category(char)[0] in _NEUTRAL_CATEGORIES:
            return None
        return self.covering(char)  # None when no face has it: it follows its neighbours


def _is_mark_or_format(char: str) -> bool:
    return unicodedata.category(char)[0] in "MC"


def breaks_words(char: str) -> bool:
    """True for a space reportlab breaks words at: any space but a no-break one (and the
    zero-width space). It shapes each such word with a single font."""
    return (char.isspace() and char != NO_BREAK_SPACE) or char == ZERO_WIDTH_SPACE


def is_invisible(char: str) -> bool:
    """A character with no look of its own: a joiner, a direction mark, a variation selector."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    )


def _fill_neutral(text: str, chosen: list[Face | None], *, default: Face) -> None:
    """Neutral characters take a face from their neighbours, so that a word is drawn in one
    font when it can be: first from the letters of their own word ("(IDDSI" is Latin, "ਦਾਲ,"
    Gurmukhi), then spaces and words of digits alone from the text before (or after)."""
    start = 0
    for end in [*(i for i, char in enumerate(text) if breaks_words(char)), len(text)]:
        _fill_span(chosen, start, end)
        start = end + 1
    _fill_span(chosen, 0, len(text))
    for index, face in enumerate(chosen):
        if face is None:
            chosen[index] = default


def _fill_span(chosen: list[Face | None], start: int, end: int) -> None:
    """Within chosen[start:end], a gap takes the face before it, or else the one after it."""
    previous: Face | None = None
    for index in range(start, end):
        if chosen[index] is None:
            chosen[index] = previous
        else:
            previous = chosen[index]
    following: Face | None = None
    for index in range(end - 1, start - 1, -1):
        if chosen[index] is None:
            chosen[index] = following
        else:
            following = chosen[index]


_lock = threading.Lock()
_registered: dict[Path, FontSet] = {}


def register_fonts(fonts_dir: Path) -> FontSet:
    """Register the shipped fonts with reportlab (once per folder and process; thread-safe)."""
    folder = fonts_dir.resolve()
    with _lock:
        found = _registered.get(folder)
        if found is None:
            found = _registered[folder] = _register(folder)
        return found


def _register(folder: Path) -> FontSet:
    faces = []
    for family, stem in FAMILIES:
        regular_path = folder / f"{stem}-Regular.ttf"
        bold_path = folder / f"{stem}-Bold.ttf"
        if not (regular_path.is_file() and bold_path.is_file()):
            if family == REQUIRED_FAMILY:
                raise PrintError(FONTS_MISSING, folder=str(folder))
            continue
        regular = TTFont(family, str(regular_path), shapable=True)
        bold = TTFont(f"{family}-Bold", str(bold_path), shapable=True)
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        # <i> can never give italics: both "italic" styles map back to the upright faces
        # (mapped first, so each font's own name maps back to upright, not italic).
        for is_bold, is_italic, name in (
            (False, True, family),
            (True, True, f"{family}-Bold"),
            (False, False, family),
            (True, False, f"{family}-Bold"),
        ):
            addMapping(family, int(is_bold), int(is_italic), name)
        covers = frozenset(code for code in regular.face.charToGlyph if code >= 0x20)
        faces.append(Face(family, family, f"{family}-Bold", covers, frozenset(map(chr, covers))))
    return FontSet(tuple(faces))
