"""Clear print (UKAAF / RNIB): the sizes, spacing and paragraph styles every document uses.

Nothing smaller than 16 pt; body 18 pt; headings 22 pt and up; bold for emphasis, never
italics, capitals or underlining; left-aligned, never justified; one column; line spacing
1.3; black on white; the page number in the same place and size on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A3, A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from kiosk.printing.fonts import FontSet

MIN_TEXT_PT = 16  # the smallest text anywhere on a page
BODY_PT = 18
ITEM_PT = 20  # a dish or activity name: bold
SUBHEADING_PT = 24  # a meal: Breakfast, Lunch...
HEADING_PT = 28  # a day
TITLE_PT = 32  # the document's title
FOOTER_PT = 16  # "Page 2 of 7"
RUNNING_HEAD_PT = 18  # "Monday 23 November, continued", bold
LEADING = 1.3  # line spacing, as a multiple of the text size

INK = colors.black  # black on white: no tints, no reversed-out text
A4_PORTRAIT = A4
A5_PORTRAIT = A5
A3_LANDSCAPE = landscape(A3)


@dataclass(frozen=True, slots=True)
class PageShape:
    """A page size and its spacing. The running head ("Monday, continued") and the page
    number sit in bands between the paper's edge and the text, always in the same place."""

    size: tuple[float, float]
    margin: float  # left and right
    edge: float  # from the top and bottom of the paper to the bands
    picture: float  # the side of a picture beside words
    gap: float  # between a picture and its words

    @property
    def frame_width(self) -> float:
        return self.size[0] - 2 * self.margin

    @property
    def top(self) -> float:
        return self.edge + RUNNING_HEAD_PT * LEADING + BAND_GAP

    @property
    def bottom(self) -> float:
        return self.edge + FOOTER_PT * LEADING + BAND_GAP


BAND_GAP = 4 * mm
A4_PAGE = PageShape(size=A4_PORTRAIT, margin=20 * mm, edge=10 * mm, picture=16 * mm, gap=5 * mm)
A5_PAGE = PageShape(size=A5_PORTRAIT, margin=12 * mm, edge=7 * mm, picture=13 * mm, gap=4 * mm)
A3_PAGE = PageShape(size=A3_LANDSCAPE, margin=12 * mm, edge=8 * mm, picture=16 * mm, gap=5 * mm)


@dataclass(frozen=True, slots=True)
class ClearPrint:
    """The paragraph styles of a clear-print document, in the shipped fonts."""

    title: ParagraphStyle
    subtitle: ParagraphStyle  # the home's name under the title
    heading: ParagraphStyle  # a day
    subheading: ParagraphStyle  # a meal
    item: ParagraphStyle  # a dish's name, bold
    body: ParagraphStyle
    footer: ParagraphStyle
    running_head: ParagraphStyle
    fonts: FontSet


def _style(
    name: str, fonts: FontSet, size: float, *, bold: bool, before: float, after: float
) -> ParagraphStyle:
    if size < MIN_TEXT_PT:
        raise ValueError(f"clear print has no text under {MIN_TEXT_PT} pt ({name}: {size})")
    return ParagraphStyle(
        name,
        fontName=fonts.main.name(bold=bold),
        fontSize=size,
        leading=size * LEADING,
        alignment=TA_LEFT,
        textColor=INK,
        spaceBefore=before,
        spaceAfter=after,
        keepWithNext=False,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,  # a very long word wraps rather than running off the page
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0,
        shaping=0,  # markup.plain_paragraph turns HarfBuzz on for text that needs it
    )


def clear_print(fonts: FontSet, *, scale: float = 1.0) -> ClearPrint:
    """The style sheet; every text size is at least ``MIN_TEXT_PT``.

    ``scale`` (1 or more) enlarges the text and its spacing, for a poster; the page number
    and the running head keep their sizes, so they sit the same on every document.
    """
    if scale < 1:
        raise ValueError(f"clear print never shrinks its text (scale {scale})")

    def style(name: str, size: float, *, bold: bool, before: float, after: float) -> ParagraphStyle:
        return _style(
            name, fonts, size * scale, bold=bold, before=before * scale, after=after * scale
        )

    heading = style("Heading", HEADING_PT, bold=True, before=0, after=3 * mm)
    subheading = style("Subheading", SUBHEADING_PT, bold=True, before=5 * mm, after=2 * mm)
    heading.keepWithNext = subheading.keepWithNext = True
    return ClearPrint(
        title=style("Title", TITLE_PT, bold=True, before=0, after=2 * mm),
        subtitle=style("Subtitle", BODY_PT, bold=False, before=0, after=6 * mm),
        heading=heading,
        subheading=subheading,
        item=style("Item", ITEM_PT, bold=True, before=0, after=0),
        body=style("Body", BODY_PT, bold=False, before=0, after=0),
        footer=_style("Footer", fonts, FOOTER_PT, bold=False, before=0, after=0),
        running_head=_style("RunningHead", fonts, RUNNING_HEAD_PT, bold=True, before=0, after=0),
        fonts=fonts,
    )


def resized(style: ParagraphStyle, size: float, *, bold: bool, fonts: FontSet) -> ParagraphStyle:
    """``style`` at another size (never under ``MIN_TEXT_PT``) and weight: a narrow column's
    text, or bold body text for a word of warning such as "Cancelled"."""
    if size < MIN_TEXT_PT:
        raise ValueError(f"clear print has no text under {MIN_TEXT_PT} pt ({style.name}: {size})")
    weight = "Bold" if bold else "Regular"
    return ParagraphStyle(
        f"{style.name}-{size:g}-{weight}",
        parent=style,
        fontName=fonts.main.name(bold=bold),
        fontSize=size,
        leading=size * LEADING,
    )
