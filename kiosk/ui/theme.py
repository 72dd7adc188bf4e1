"""The look: two palettes (standard, high contrast) and sizes from the real screen.

Sizes follow DESIGN.md: touch targets at least 16 mm on the physical screen and never
below 44 px, at least 8 mm between them, body text at least 24 px at 100 %, and a
resident's own text size from 100 to 200 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.domain.enums import ContrastTheme

FONT_FAMILIES = ("Atkinson Hyperlegible Next", "Noto Sans Gurmukhi", "Noto Sans")
FALLBACK_DPI = 96.0
MIN_TARGET_MM = 16
MIN_TARGET_PX = 44
MIN_GAP_MM = 8
BODY_PX_AT_100 = 24


@dataclass(frozen=True)
class Palette:
    name: ContrastTheme
    background: str  # the page
    surface: str  # cards
    text: str
    quiet_text: str  # secondary words (still 7:1)
    button: str
    button_text: str
    border: str  # outlines of cards and buttons (3:1 against the page, as an icon)
    highlight: str  # today, the chosen thing (behind text: 7:1 with text)
    warning: str  # behind text too: "Cancelled", error banners
    picture_backdrop: str | None = None  # a tile behind pictures, where the page is dark


STANDARD = Palette(
    name=ContrastTheme.STANDARD,
    background="#FBF7EE",  # warm cream, easier than pure white for many older eyes
    surface="#FFFFFF",
    text="#1A1A1A",
    quiet_text="#3B3B3B",
    button="#1D3B5F",
    button_text="#FFFFFF",
    border="#4A4A4A",
    highlight="#FFE7A0",
    warning="#FFD9D2",
)

HIGH_CONTRAST = Palette(
    name=ContrastTheme.HIGH,
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    quiet_text="#FFFF66",
    button="#FFFF00",
    button_text="#000000",
    border="#FFFFFF",
    highlight="#003A70",
    warning="#6B0000",
    picture_backdrop="#FFFFFF",  # OpenMoji outlines are black: on black they would vanish
)

PALETTES = {palette.name: palette for palette in (STANDARD, HIGH_CONTRAST)}


def palette_for(theme: ContrastTheme) -> Palette:
    return PALETTES[theme]


def sane_dpi(reported: float) -> float:
    """The screen's physical DPI, or a fallback when it reports nonsense (0, 1, 20000…)."""
    return reported if 50.0 <= reported <= 600.0 else FALLBACK_DPI


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one screen and one text size."""

    dpi: float = FALLBACK_DPI
    text_scale: int = 100

    @property
    def px_per_mm(self) -> float:
        return sane_dpi(self.dpi) / 25.4

    @property
    def scale(self) -> float:
        return self.text_scale / 100

    def text_px(self, at_100: int) -> int:
        return round(at_100 * self.scale)

    @property
    def body_px(self) -> int:
        return self.text_px(BODY_PX_AT_100)

    @property
    def heading_px(self) -> int:
        return self.text_px(30)

    @property
    def title_px(self) -> int:
        return self.text_px(36)

    @property
    def min_target_px(self) -> int:
        return max(MIN_TARGET_PX, math.ceil(MIN_TARGET_MM * self.px_per_mm))

    @property
    def gap_px(self) -> int:
        return math.ceil(MIN_GAP_MM * self.px_per_mm)

    @property
    def picture_px(self) -> int:
        """Pictures on big buttons: large enough to recognise from a chair."""
        return max(self.min_target_px, round(72 * min(self.scale, 1.5)))

    @property
    def small_picture_px(self) -> int:
        return max(40, round(48 * min(self.scale, 1.5)))

    @property
    def border_px(self) -> int:
        return 3


@dataclass(frozen=True)
class Theme:
    palette: Palette
    metrics: Metrics

    def stylesheet(self) -> str:
        p, m = self.palette, self.metrics
        families = ", ".join(f'"{family}"' for family in FONT_FAMILIES)
        radius = max(12, m.gap_px // 2)
        pad_v, pad_h = 8, 16  # min-width and min-height count inside padding and border
        return f"""
* {{ font-family: {families}; font-size: {m.body_px}px; color: {p.text}; }}
QMainWindow, QStackedWidget, QScrollArea, QWidget#screen, QWidget#content {{
    background: {p.background};
}}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {m.title_px}px; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {m.heading_px}px; font-weight: bold; }}
QLabel[role="strong"] {{ font-weight: bold; }}
QLabel[role="quiet"] {{ color: {p.quiet_text}; }}
QLabel[role="banner"] {{
    background: {p.warning}; border: {m.border_px}px solid {p.border};
    border-radius: {radius}px; padding: {m.gap_px // 2}px;
}}
QLabel[role="notice"] {{ background: {p.warning}; padding: 2px 8px; border-radius: 6px; }}
QFrame[role="card"] {{
    background: {p.surface}; border: {m.border_px}px solid {p.border}; border-radius: {radius}px;
}}
QFrame[role="card"][today="true"], QWidget[today="true"] {{ background: {p.highlight}; }}
QFrame[role="card"] QLabel {{ border: none; }}
QPushButton {{
    background: {p.button}; color: {p.button_text}; border: {m.border_px}px solid {p.border};
    border-radius: {radius}px; padding: {pad_v}px {pad_h}px; font-weight: bold;
    min-height: {m.min_target_px - 2 * (pad_v + m.border_px)}px;
    min-width: {m.min_target_px - 2 * (pad_h + m.border_px)}px;
}}
QPushButton:pressed {{ background: {p.highlight}; color: {p.text}; }}
QPushButton:disabled {{ background: {p.background}; color: {p.quiet_text};
    border-style: dashed; }}
QPushButton:focus {{ outline: none; border-color: {p.text}; }}
QPushButton[role="quiet"] {{
    background: {p.surface}; color: {p.text}; border: {m.border_px}px solid {p.border};
}}
QPushButton[chosen="true"] {{ background: {p.highlight}; color: {p.text};
    border: {m.border_px * 2}px solid {p.text}; }}
QLabel[reading="true"] {{ background: {p.highlight}; color: {p.text}; }}
QPushButton[reading="true"] {{ border: {m.border_px * 3}px solid {p.text}; }}
QLabel[tone="on-button"] {{ color: {p.button_text}; font-weight: bold; }}
QLabel[tone="on-surface"] {{ color: {p.text}; font-weight: bold; }}
QLabel[tone="disabled"] {{ color: {p.quiet_text}; font-weight: bold; }}
QLineEdit, QTextEdit, QPlainTextEdit {{
    background: {p.surface}; color: {p.text}; border: {m.border_px}px solid {p.border};
    border-radius: 8px; padding: 6px 10px; selection-background-color: {p.highlight};
    selection-color: {p.text}; min-height: {m.min_target_px - 2 * (6 + m.border_px)}px;
}}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border-color: {p.text}; }}
QScrollBar:vertical {{ width: {m.min_target_px}px; background: {p.surface}; }}
QScrollBar::handle:vertical {{ background: {p.button}; min-height: {m.min_target_px}px;
    border-radius: 8px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0px; }}
"""
