"""The shipped pictograms and fonts: all there, licensed, and usable by Qt and reportlab."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Imported after the Qt platform is chosen.
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QRawFont, QTextLayout
from PySide6.QtSvg import QSvgRenderer
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.storage.demo_content import PICTURE_KEYS

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PICTURES = ASSETS / "pictures"
FONTS = ASSETS / "fonts"

# Pictures the screens ask for by key (the demo data's keys are in PICTURE_KEYS).
SCREEN_PICTURE_KEYS = frozenset(
    {
        "home", "back", "speak", "stop", "calendar", "vote", "suggest-meal", "feedback",
        "care-plan", "language", "staff", "people", "breakfast", "lunch", "supper", "snack",
        "face-very-sad", "face-sad", "face-neutral", "face-happy", "face-very-happy",
        "yes", "maybe", "no",
        "section-what-matters", "section-important-people", "section-communication",
        "section-wellness", "section-do-and-dont", "section-support", "section-also-know",
        "talk", "lock", "keyboard", "check", "cross", "today", "clock", "place", "idea",
        "home-idea", "activity", "menu",
    }
)  # fmt: skip

ATKINSON = "Atkinson Hyperlegible Next"
# File -> (family name Qt reports, weight).
FONT_FILES = {
    "AtkinsonHyperlegible-Regular.ttf": (ATKINSON, 400),
    "AtkinsonHyperlegible-Bold.ttf": (ATKINSON, 700),
    "NotoSans-Regular.ttf": ("Noto Sans", 400),
    "NotoSans-Bold.ttf": ("Noto Sans", 700),
    "NotoSansGurmukhi-Regular.ttf": ("Noto Sans Gurmukhi", 400),
    "NotoSansGurmukhi-Bold.ttf": ("Noto Sans Gurmukhi", 700),
}

WELSH = "âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳ"
POLISH = "ąćęłńóśźż"
PUNCTUATION = "£€–—‘’“”•"
LATIN_NEEDED = WELSH + WELSH.upper() + POLISH + POLISH.upper() + PUNCTUATION

GURMUKHI_LETTERS = "ਅਆਇਕਖਗਘਚਪਬਮਰਲਸਹੜ"
GURMUKHI_SIGNS = "ਾਿੀੁੂੇੈੋੌੰੱਂ"
GURMUKHI_DIGITS = "੦੧੨੩੪੫੬੭੮੯"


def load_index() -> dict[str, dict[str, str]]:
    return json.loads((PICTURES / "pictures.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------
# Pictures


def test_every_picture_in_the_index_has_its_file_and_every_file_is_indexed() -> None:
    index = load_index()
    files = {path.name for path in PICTURES.glob("*.svg")}
    assert {entry["file"] for entry in index.values()} == files
    for key, entry in index.items():
        assert entry["file"] == f"{key}.svg"
        assert entry["hexcode"]
        assert entry["openmoji_annotation"]
    assert list(index) == sorted(index)


def test_every_picture_key_the_demo_and_the_screens_use_has_a_picture() -> None:
    index = load_index()
    assert sorted(PICTURE_KEYS - index.keys()) == []
    assert sorted(SCREEN_PICTURE_KEYS - index.keys()) == []


@pytest.mark.parametrize("key", sorted(load_index()))
def test_each_picture_renders_in_qt(qapp: object, key: str) -> None:
    renderer = QSvgRenderer(str(PICTURES / f"{key}.svg"))
    assert renderer.isValid()
    assert not renderer.defaultSize().isEmpty()

    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 48, 48))
    painter.end()
    painted = sum(
        1 for x in range(0, 48, 2) for y in range(0, 48, 2) if image.pixelColor(x, y).alpha() > 0
    )
    assert painted > 10, "the picture drew (almost) nothing"


def test_pictures_carry_their_attribution_and_licence() -> None:
    attribution = (PICTURES / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "OpenMoji" in attribution
    assert "CC BY-SA 4.0" in attribution
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in attribution
    licence = (PICTURES / "LICENSE-OpenMoji.txt").read_text(encoding="utf-8")
    assert "Attribution-ShareAlike 4.0 International" in licence


# ---------------------------------------------------------------------------------------
# Fonts


def test_fonts_carry_their_licence_and_readme() -> None:
    ofl = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    readme = (FONTS / "README.md").read_text(encoding="utf-8")
    for name in FONT_FILES:
        assert name in ofl
        assert name in readme
    assert {path.name for path in FONTS.glob("*.ttf")} == set(FONT_FILES)


@pytest.mark.parametrize("name", sorted(FONT_FILES))
def test_each_font_loads_in_qt_with_its_family_and_weight(qapp: object, name: str) -> None:
    family, weight = FONT_FILES[name]
    font_id = QFontDatabase.addApplicationFont(str(FONTS / name))
    assert font_id != -1
    assert QFontDatabase.applicationFontFamilies(font_id) == [family]

    raw = QRawFont(str(FONTS / name), 24)
    assert raw.isValid()
    assert raw.familyName() == family
    assert raw.weight() == weight
    # Static TrueType: glyf outlines and no variation axes (reportlab needs both).
    assert not raw.fontTable("glyf").isEmpty()
    assert raw.fontTable("fvar").isEmpty()


def missing(font_file: str, characters: str) -> str:
    raw = QRawFont(str(FONTS / font_file), 24)
    return "".join(c for c in characters if not raw.supportsCharacter(ord(c)))


@pytest.mark.parametrize(
    "name", ["AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"]
)
def test_atkinson_has_every_welsh_and_polish_letter(qapp: object, name: str) -> None:
    assert missing(name, LATIN_NEEDED) == ""


@pytest.mark.parametrize("name", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"])
def test_noto_sans_covers_latin_greek_and_cyrillic(qapp: object, name: str) -> None:
    assert missing(name, LATIN_NEEDED + "ΑΒΓαβγωΩ" + "АБВабвжщЯя") == ""


@pytest.mark.parametrize("name", ["NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"])
def test_noto_sans_gurmukhi_has_the_letters_signs_and_digits(qapp: object, name: str) -> None:
    assert missing(name, GURMUKHI_LETTERS + GURMUKHI_SIGNS + GURMUKHI_DIGITS) == ""


def shaped_runs(text: str, family: str) -> list[tuple[str, list[int]]]:
    """Lay text out with Qt (HarfBuzz): the font and glyphs of each run, in visual order."""
    for name, (file_family, _) in FONT_FILES.items():
        if file_family == family:
            assert QFontDatabase.addApplicationFont(str(FONTS / name)) != -1
    font = QFont(family)
    font.setPixelSize(32)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_welsh_and_polish_text_is_drawn_in_atkinson_without_fallback(qapp: object) -> None:
    runs = shaped_runs("Ŵyr Ŷd ẃ ẁ ẅ ỳ — Zażółć gęślą jaźń £5", ATKINSON)
    assert {family for family, _ in runs} == {ATKINSON}


def test_gurmukhi_vowel_sign_i_is_drawn_before_its_consonant(qapp: object) -> None:
    # ਕਿ (ka + sign i): the sign is typed after ਕ but drawn before it, which needs the
    # font's shaping tables to work in Qt.
    raw = QRawFont(str(FONTS / "NotoSansGurmukhi-Regular.ttf"), 32)
    typed_order = list(raw.glyphIndexesForString("ਕਿ"))
    assert shaped_runs("ਕਿ", "Noto Sans Gurmukhi") == [("Noto Sans Gurmukhi", typed_order[::-1])]


@pytest.mark.parametrize("name", sorted(FONT_FILES))
def test_each_font_registers_with_reportlab(name: str) -> None:
    font = TTFont(f"OurSayTest-{Path(name).stem}", str(FONTS / name))
    pdfmetrics.registerFont(font)
    if name.startswith("Atkinson"):
        assert [c for c in LATIN_NEEDED if ord(c) not in font.face.charToGlyph] == []
    if name.startswith("NotoSansGurmukhi"):
        assert all(ord(c) in font.face.charToGlyph for c in GURMUKHI_LETTERS + GURMUKHI_DIGITS)
