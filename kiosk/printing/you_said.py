"""The "You said, we did" poster for the lounge wall: A4 portrait, the month's suggestions
and what became of each, every one a picture beside its words, in print big enough to read
from a metre or two.

The print is never smaller than ``MIN_SCALE`` times clear print's sizes (body text at
23.4 pt). At that size the suggestions take some number of pages (four or five to a page);
the poster is then set at the biggest size, up to ``MAX_SCALE``, that needs no more pages
than that and breaks no word in two. A suggestion never splits across pages. A month with
no suggestions is one friendly page.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kiosk.domain.evidence import SuggestionChain
from kiosk.printing.fonts import FontSet, register_fonts
from kiosk.printing.layout import build_pdf
from kiosk.printing.menu_words import Translate
from kiosk.printing.pictures import picture
from kiosk.printing.schedule_parts import (
    Entry,
    Kept,
    ScheduleSetup,
    document_words,
    text_width,
    widest_word,
)
from kiosk.printing.styles import A4_PAGE, clear_print
from kiosk.printing.you_said_words import (
    NOTHING_NEW,
    NOTHING_NEW_PICTURE,
    TELL_US,
    TITLE,
    PosterItem,
    month_title,
    poster_items,
)

MIN_SCALE = 1.3  # body text at 23.4 pt, "You said: …" at 26 pt
MAX_SCALE = 2.5  # body text at 45 pt, the title at 80 pt
STEPS = 10  # scales are tried in tenths
PICTURE_SIDE = 24 * mm  # at clear print's own sizes; it grows with the text
ITEM_SPACE_FACTOR = 1.0  # space after a suggestion, as a share of the body text size


@dataclass(frozen=True)
class _Poster:
    """What the poster says, worked out once; laid out at several sizes to find the best."""

    title: str
    month: str
    home_name: str
    items: tuple[PosterItem, ...]
    translate: Translate
    locale: str
    pictures_dir: Path
    fonts: FontSet

    @property
    def section(self) -> str:
        """The poster's name, as later pages' top band says it: "…, continued"."""
        return f"{self.title}: {self.month}"


def you_said_poster_pdf(
    chains: Sequence[SuggestionChain],
    month: date,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> bytes:
    """The poster for ``month``'s suggestions as a PDF, in ``locale`` through ``translate``.
    Drafts and suggestions taken back are left out; nobody is named."""
    poster = _poster(chains, month, home_name, locale, translate, pictures_dir, fonts_dir)
    setup = _setup(poster, _best_scale(poster))
    words = document_words(poster.section, home_name, setup, number_one_page=False)
    return build_pdf(_story(poster, setup), page=setup.page, styles=setup.styles, words=words)


def you_said_scale(
    chains: Sequence[SuggestionChain],
    month: date,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> float:
    """How many times clear print's sizes the poster is set at (MIN_SCALE to MAX_SCALE)."""
    poster = _poster(chains, month, home_name, locale, translate, pictures_dir, fonts_dir)
    return _best_scale(poster)


def _poster(
    chains: Sequence[SuggestionChain],
    month: date,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> _Poster:
    return _Poster(
        title=translate(TITLE),
        month=month_title(month, locale),
        home_name=home_name.strip(),
        items=tuple(poster_items(chains, locale, translate)),
        translate=translate,
        locale=locale,
        pictures_dir=pictures_dir,
        fonts=register_fonts(fonts_dir),
    )


def _setup(poster: _Poster, scale: float) -> ScheduleSetup:
    page = dataclasses.replace(
        A4_PAGE, picture=PICTURE_SIDE * scale, gap=A4_PAGE.gap * min(scale, 2.0)
    )
    styles = clear_print(poster.fonts, scale=scale)
    return ScheduleSetup(styles, page, poster.translate, poster.locale, poster.pictures_dir)


def _story(poster: _Poster, setup: ScheduleSetup) -> list[Flowable]:
    """The title, the month and the home, kept with the first suggestion; then the rest."""
    heading = [setup.text(poster.title, "title"), setup.text(poster.month, "heading")]
    if poster.home_name:
        heading.append(setup.text(poster.home_name, "subtitle"))
    rows = [_row(item, setup) for item in poster.items] or [_nothing_new(setup)]
    story: list[Flowable] = [Kept([*heading, rows[0]], limit=setup.frame_height), *rows[1:]]
    story[0].section_title = poster.section  # type: ignore[attr-defined]  # read by layout
    return story


def _row(item: PosterItem, setup: ScheduleSetup) -> Flowable:
    """The suggestion's picture (or its topic's), beside "You said: …" in bold and what
    became of it under that."""
    size, folder = setup.page.picture, setup.pictures_dir
    drawn = picture(folder, item.picture, size) or picture(folder, item.fallback, size)
    words = [setup.text(item.said, setup.lines.title), setup.text(item.outcome, setup.lines.detail)]
    return _entry(drawn, words, setup)


def _nothing_new(setup: ScheduleSetup) -> Flowable:
    """ "No new ideas this month. Tell us yours at the kiosk!" beside a light bulb."""
    drawn = picture(setup.pictures_dir, NOTHING_NEW_PICTURE, setup.page.picture)
    words = [
        setup.text(setup.translate(NOTHING_NEW), setup.lines.title),
        setup.text(setup.translate(TELL_US), setup.lines.detail),
    ]
    return _entry(drawn, words, setup)


def _entry(drawn: Flowable | None, words: list[Flowable], setup: ScheduleSetup) -> Entry:
    page = setup.page
    row = Entry(drawn, words, size=page.picture, gap=page.gap, limit=setup.frame_height)
    row.spaceAfter = setup.styles.body.fontSize * ITEM_SPACE_FACTOR
    return row


def _best_scale(poster: _Poster) -> float:
    """The biggest scale, in tenths, that needs no more pages than ``MIN_SCALE`` does and
    breaks no word in two (nor the title, when it fits on one line at all);
    ``MIN_SCALE`` when even that size must break a word."""
    allowed = _pages(poster, MIN_SCALE)
    whole_title = _title_on_one_line(poster, MIN_SCALE)
    low, high = round(MIN_SCALE * STEPS), round(MAX_SCALE * STEPS)
    if not _fits(poster, low / STEPS, allowed, whole_title=whole_title):
        return MIN_SCALE
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(poster, middle / STEPS, allowed, whole_title=whole_title):
            low = middle
        else:
            high = middle - 1
    return low / STEPS


def _fits(poster: _Poster, scale: float, allowed: int, *, whole_title: bool) -> bool:
    """True when the poster at ``scale`` needs at most ``allowed`` pages, every word of its
    headings and suggestions fits on its line whole, and (with ``whole_title``) so does the
    whole title."""
    if whole_title and not _title_on_one_line(poster, scale):
        return False
    setup = _setup(poster, scale)
    page, styles, fonts = setup.page, setup.styles, setup.fonts
    headings = (
        (poster.title, styles.title),
        (poster.month, styles.heading),
        (poster.home_name, styles.subtitle),
    )
    if any(widest_word(words, style, fonts) > page.frame_width for words, style in headings):
        return False
    words_width = page.frame_width - page.picture - page.gap
    lines = []
    if not poster.items:
        nothing_new = setup.translate(NOTHING_NEW), setup.translate(TELL_US)
        lines += [(nothing_new[0], setup.lines.title), (nothing_new[1], setup.lines.detail)]
    for item in poster.items:
        lines += [(item.said, setup.lines.title), (item.outcome, setup.lines.detail)]
    if any(widest_word(words, style, fonts) > words_width for words, style in lines):
        return False
    return _page_count(_story(poster, setup), setup) <= allowed


def _title_on_one_line(poster: _Poster, scale: float) -> bool:
    title = clear_print(poster.fonts, scale=scale).title
    return text_width(poster.title, title, poster.fonts) <= A4_PAGE.frame_width


def _pages(poster: _Poster, scale: float) -> int:
    setup = _setup(poster, scale)
    return _page_count(_story(poster, setup), setup)


def _page_count(story: Sequence[Flowable], setup: ScheduleSetup) -> int:
    """How many pages ``story`` takes, laid out as reportlab's frame lays it out: each part
    whole on the page it starts on (space before it dropped at a page's top), or, when it is
    taller than a whole page, on a fresh page and running on."""
    width, height = setup.page.frame_width, setup.frame_height
    pages, used = 1, 0.0
    for part in story:
        tall = part.wrap(width, height)[1]
        before = part.getSpaceBefore() if used else 0.0
        if used and (used + before + tall > height or tall > height):
            pages, used, before = pages + 1, 0.0, 0.0
        if tall > height:
            more = math.ceil(tall / height) - 1
            pages, used = pages + more, tall - more * height
        else:
            used += before + tall
        used += part.getSpaceAfter()
    return pages
