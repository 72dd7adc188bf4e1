"""The "Today" poster: one day's activities on an A4 sheet for the lounge wall, in the
biggest clear print that fits the sheet.

The text is tried from ``MAX_SCALE`` times clear print's sizes down, a tenth at a time
(found by halving), to the biggest size at which everything fits on one page and no word
has to break in two. A day too full even at clear print's own sizes runs on to more pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from kiosk.domain.week import DayPlan
from kiosk.printing.fonts import FontSet, register_fonts
from kiosk.printing.layout import build_pdf
from kiosk.printing.menu_words import Translate
from kiosk.printing.schedule_parts import (
    ScheduleSetup,
    day_story,
    document_words,
    text_width,
    widest_line_word,
    widest_word,
)
from kiosk.printing.schedule_words import NOTHING_TODAY, TODAY, Kind, activity_lines, day_heading
from kiosk.printing.styles import A4_PAGE, clear_print

MAX_SCALE = 2.5  # body text at 45 pt, the title at 80 pt
STEPS = 10  # scales are tried in tenths


def today_poster_pdf(
    plan: DayPlan,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> bytes:
    """The poster for ``plan``'s day as a PDF, in ``locale`` through ``translate``."""
    fonts = register_fonts(fonts_dir)
    scale = _best_scale(plan, home_name, locale, translate, pictures_dir, fonts)
    setup, story = _poster(plan, scale, home_name, locale, translate, pictures_dir, fonts)
    title = f"{translate(TODAY)}: {day_heading(plan.day, locale)}"
    words = document_words(title, home_name, setup, number_one_page=False)
    return build_pdf(story, page=setup.page, styles=setup.styles, words=words)


def poster_scale(
    plan: DayPlan,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> float:
    """How many times clear print's sizes the poster's text is set at (1 to MAX_SCALE)."""
    fonts = register_fonts(fonts_dir)
    return _best_scale(plan, home_name, locale, translate, pictures_dir, fonts)


def _best_scale(
    plan: DayPlan,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts: FontSet,
) -> float:
    low, high = STEPS, round(MAX_SCALE * STEPS)  # in tenths; ``low`` (clear print) is the floor
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(plan, middle / STEPS, home_name, locale, translate, pictures_dir, fonts):
            low = middle
        else:
            high = middle - 1
    return low / STEPS


def _poster(
    plan: DayPlan,
    scale: float,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts: FontSet,
) -> tuple[ScheduleSetup, list[Flowable]]:
    page = dataclasses.replace(
        A4_PAGE, picture=A4_PAGE.picture * scale, gap=A4_PAGE.gap * min(scale, 1.5)
    )
    setup = ScheduleSetup(clear_print(fonts, scale=scale), page, translate, locale, pictures_dir)
    day = day_heading(plan.day, locale)
    heading = [setup.text(translate(TODAY), "title"), setup.text(day, "heading")]
    if home_name.strip():
        heading.append(setup.text(home_name, "subtitle"))
    story = day_story(plan, setup, heading=heading, section=day, nothing=translate(NOTHING_TODAY))
    return setup, story


def _fits(
    plan: DayPlan,
    scale: float,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts: FontSet,
) -> bool:
    """True when the poster at ``scale`` is one page, breaks no word in two and (above
    clear print's own sizes) keeps every time range on one line."""
    setup, story = _poster(plan, scale, home_name, locale, translate, pictures_dir, fonts)
    page, styles = setup.page, setup.styles
    headings = (
        (translate(TODAY), styles.title),
        (day_heading(plan.day, locale), styles.heading),
        (home_name, styles.subtitle),
    )
    if any(widest_word(words, style, fonts) > page.frame_width for words, style in headings):
        return False
    lines = [line for a in plan.activities for line in activity_lines(a, locale, translate)]
    words_width = page.frame_width - page.picture - page.gap
    if widest_line_word(lines, setup.lines, fonts) > words_width:
        return False
    times = [line.text for line in lines if line.kind is Kind.TIME]
    if scale > 1 and any(text_width(t, setup.lines.time, fonts) > words_width for t in times):
        return False  # bigger print is not worth a time range broken over two lines
    return _height(story, setup) <= setup.frame_height


def _height(story: Sequence[Flowable], setup: ScheduleSetup) -> float:
    width, height = setup.page.frame_width, setup.frame_height
    return sum(
        part.wrap(width, height)[1] + part.getSpaceBefore() + part.getSpaceAfter() for part in story
    )
