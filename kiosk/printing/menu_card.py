"""A menu card for the dining tables: one day, A5 portrait (an A4 sheet folded in half),
in the same clear print as the weekly menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from kiosk.domain.meals import MenuWeek
from kiosk.printing.fonts import register_fonts
from kiosk.printing.layout import build_pdf
from kiosk.printing.menu_parts import (
    MenuSetup,
    meals_of_day,
    menu_document_words,
)
from kiosk.printing.menu_words import DAY_TITLE, Translate, day_and_date, unbroken
from kiosk.printing.styles import A5_PAGE, clear_print


def menu_card_pdf(
    week: MenuWeek,
    day: date,
    *,
    home_name: str,
    locale: str,
    translate: Translate,
    pictures_dir: Path,
    fonts_dir: Path,
) -> bytes:
    """The card for ``day`` (one of ``week``'s days) as a PDF of A5 pages."""
    styles = clear_print(register_fonts(fonts_dir))
    setup = MenuSetup(styles, A5_PAGE, translate, locale, pictures_dir)
    title = translate(DAY_TITLE).format(day=unbroken(day_and_date(day, locale, capital=False)))
    heading: list[Flowable] = [setup.text(title, "title")]
    if home_name.strip():
        heading.append(setup.text(home_name, "subtitle"))
    meals = next((meals for each_day, meals in week.days if each_day == day), ())
    # The running head on a second page names just the day: it fits the A5 band on one line.
    section = unbroken(day_and_date(day, locale))
    story = meals_of_day(meals, setup, heading=heading, section=section)
    return build_pdf(
        story, page=A5_PAGE, styles=styles, words=menu_document_words(title, home_name, setup)
    )
