"""The large-print weekly menu: A4 portrait, one day to a page (a long day runs on to a
second page, headed "…, continued"), every dish with its picture and allergens in words."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from kiosk.domain.meals import MenuWeek
from kiosk.printing.fonts import register_fonts
from kiosk.printing.layout import build_pdf
from kiosk.printing.menu_parts import (
    MenuSetup,
    meals_of_day,
    menu_document_words,
)
from kiosk.printing.menu_words import WEEK_TITLE, Translate, day_and_date, long_date
from kiosk.printing.styles import A4_PAGE, clear_print


def weekly_menu_pdf(
    week: MenuWeek,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> bytes:
    """The week's menu as a PDF, in ``locale`` (en_GB, cy, pl, pa) through ``translate``."""
    styles = clear_print(register_fonts(fonts_dir))
    setup = MenuSetup(styles, A4_PAGE, translate, locale, pictures_dir)
    title = translate(WEEK_TITLE).format(date=long_date(week.monday, locale))
    story: list[Flowable] = [setup.text(title, "title")]
    if home_name.strip():
        story.append(setup.text(home_name, "subtitle"))
    for index, (day, meals) in enumerate(week.days):
        if index:
            story.append(PageBreak())
        title = day_and_date(day, locale)
        heading = setup.text(title, "heading")
        story.extend(meals_of_day(meals, setup, heading=[heading], section=title))
    return build_pdf(
        story, page=A4_PAGE, styles=styles, words=menu_document_words(title, home_name, setup)
    )
