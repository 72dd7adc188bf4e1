"""The pieces of a printed menu shared by the weekly menu and the table card: a day with its
meals, and each dish as a row (picture, name in bold, allergens and notes in words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from kiosk.domain.enums import Meal
from kiosk.domain.week import DishOnMenu
from kiosk.printing.layout import Beside, DocumentWords, Together
from kiosk.printing.markup import plain_text
from kiosk.printing.menu_words import (
    CONTINUED,
    MEAL_WORDS,
    NOT_PLANNED,
    PAGE_OF,
    Translate,
    allergen_line,
    dietary_line,
)
from kiosk.printing.pictures import picture
from kiosk.printing.styles import ClearPrint, PageShape

ROW_SPACE_FACTOR = 0.45  # space after a dish row, as a share of the body text size


@dataclass(frozen=True)
class MenuSetup:
    """What every part of a menu needs: styles, page, language and pictures."""

    styles: ClearPrint
    page: PageShape
    translate: Translate
    locale: str
    pictures_dir: Path

    def text(self, words: str, style_name: str) -> Flowable:
        return plain_text(words, getattr(self.styles, style_name), self.styles.fonts)


def dish_row(dish: DishOnMenu, setup: MenuSetup) -> Flowable:
    """Picture, then the dish's name in bold, "Contains: ..." and any dietary notes."""
    words = [
        setup.text(dish.name, "item"),
        setup.text(allergen_line(dish, setup.translate), "body"),
    ]
    notes = dietary_line(dish, setup.translate)
    if notes:
        words.append(setup.text(notes, "body"))
    page = setup.page
    row = Beside(
        picture(setup.pictures_dir, dish.picture, page.picture),
        words,
        size=page.picture,
        gap=page.gap,
    )
    row.spaceAfter = setup.styles.body.fontSize * ROW_SPACE_FACTOR
    return row


def meal_part(
    meal: Meal, choices: Sequence[DishOnMenu], setup: MenuSetup, *, above: Sequence[Flowable] = ()
) -> list[Flowable]:
    """The meal's name as a heading, then its choices, or "Not planned yet". The heading
    (and anything ``above`` it, such as the day) stays on the page of the first choice."""
    rows: list[Flowable] = [dish_row(dish, setup) for dish in choices]
    if not rows:
        rows = [
            Beside(
                None,
                [setup.text(setup.translate(NOT_PLANNED), "body")],
                size=0,
                gap=setup.page.picture + setup.page.gap,
            )
        ]
    heading = setup.text(setup.translate(MEAL_WORDS[meal]), "subheading")
    return [Together([*above, heading, rows[0]]), *rows[1:]]


def meals_of_day(
    meals: Sequence[tuple[Meal, Sequence[DishOnMenu]]],
    setup: MenuSetup,
    *,
    heading: Sequence[Flowable] = (),
    section: str | None = None,
) -> list[Flowable]:
    """Every meal of the day in order, planned or not, under ``heading`` (the day's name,
    kept with the first meal). ``section`` names the day for "…, continued" on later pages."""
    by_meal = dict(meals)
    story: list[Flowable] = []
    for meal in Meal:
        above = heading if not story else ()
        story.extend(meal_part(meal, by_meal.get(meal, ()), setup, above=above))
    if section is not None:
        story[0].section_title = section  # type: ignore[attr-defined]  # read by layout
    return story


def menu_document_words(title: str, home_name: str, setup: MenuSetup) -> DocumentWords:
    translate = setup.translate
    return DocumentWords(
        title=title,
        author=home_name,
        language=setup.locale.replace("_", "-"),
        page_of=lambda page, pages: translate(PAGE_OF).format(page=page, pages=pages),
        continued=lambda section: translate(CONTINUED).format(day=section),
    )
