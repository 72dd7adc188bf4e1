"""The words a printed menu uses: meals, allergens and dietary notes named in plain words,
and dates in the menu's language. Marked with ``N_``; the caller's ``translate`` turns them
into the menu's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from kiosk.domain.enums import Allergen, DietaryTag, Meal
from kiosk.domain.text import N_
from kiosk.domain.week import DishOnMenu

Translate = Callable[[str], str]

MEAL_WORDS: dict[Meal, str] = {
    Meal.BREAKFAST: N_("Breakfast"),
    Meal.LUNCH: N_("Lunch"),
    Meal.TEA: N_("Tea"),
    Meal.SUPPER: N_("Supper"),
}

# The fourteen allergens UK food law names, in words (lower case: they sit in a sentence).
ALLERGEN_WORDS: dict[Allergen, str] = {
    Allergen.CELERY: N_("celery"),
    Allergen.GLUTEN: N_("gluten"),
    Allergen.CRUSTACEANS: N_("crustaceans (such as prawns)"),
    Allergen.EGGS: N_("eggs"),
    Allergen.FISH: N_("fish"),
    Allergen.LUPIN: N_("lupin"),
    Allergen.MILK: N_("milk"),
    Allergen.MOLLUSCS: N_("molluscs (such as mussels)"),
    Allergen.MUSTARD: N_("mustard"),
    Allergen.TREE_NUTS: N_("nuts"),
    Allergen.PEANUTS: N_("peanuts"),
    Allergen.SESAME: N_("sesame"),
    Allergen.SOYA: N_("soya"),
    Allergen.SULPHITES: N_("sulphites"),
}

DIETARY_WORDS: dict[DietaryTag, str] = {
    DietaryTag.VEGETARIAN: N_("Vegetarian"),
    DietaryTag.VEGAN: N_("Vegan"),
    DietaryTag.HALAL: N_("Halal"),
    DietaryTag.KOSHER: N_("Kosher"),
    DietaryTag.NO_BEEF: N_("No beef"),
    DietaryTag.NO_PORK: N_("No pork"),
    DietaryTag.DIABETIC: N_("Suitable for diabetes"),
    DietaryTag.LOW_SALT: N_("Low salt"),
    DietaryTag.FORTIFIED: N_("Fortified (extra energy)"),
}

# IDDSI food textures softer than "regular" (level 7 needs no note).
TEXTURE_WORDS: dict[int, str] = {
    3: N_("Liquidised (IDDSI level 3)"),
    4: N_("Puréed (IDDSI level 4)"),
    5: N_("Minced and moist (IDDSI level 5)"),
    6: N_("Soft and bite-sized (IDDSI level 6)"),
}

CONTAINS = N_("Contains: {allergens}")
NO_ALLERGENS = N_("No allergens listed")
NOT_PLANNED = N_("Not planned yet")
WEEK_TITLE = N_("Menu for the week of {date}")
DAY_TITLE = N_("Menu for {day}")
CONTINUED = N_("{day}, continued")
PAGE_OF = N_("Page {page} of {pages}")
LIST_SEPARATOR = ", "
NOTE_SEPARATOR = ". "
NO_BREAK_SPACE = "\u00a0"
LATIN_END = "\u0250"  # letters below this are Latin (with every accent Welsh and Polish use)
_BRACKETED = re.compile(r"\([^()]*\)")


def unbroken(words: str) -> str:
    """``words`` with no-break spaces: a date or "(IDDSI level 6)" never splits over lines."""
    return words.replace(" ", NO_BREAK_SPACE)


def _brackets_unbroken(text: str) -> str:
    """ "(IDDSI level 6)" kept on one line; but not words of two scripts ("(IDDSI ਪੱਧਰ 6)"):
    joined, they would be one word in two fonts, which cannot be shaped."""
    return _BRACKETED.sub(
        lambda found: unbroken(found[0]) if _one_script(found[0]) else found[0], text
    )


def _one_script(words: str) -> bool:
    latin = [letter < LATIN_END for letter in words if letter.isalpha()]
    return all(latin) or not any(latin)


def allergen_line(dish: DishOnMenu, translate: Translate) -> str:
    """ "Contains: milk, eggs, gluten" in the fixed legal order, or that none are listed."""
    named = [translate(ALLERGEN_WORDS[a]) for a in ALLERGEN_WORDS if a in dish.allergens]
    if not named:
        return translate(NO_ALLERGENS)
    named = [_brackets_unbroken(words) for words in named]
    return translate(CONTAINS).format(allergens=LIST_SEPARATOR.join(named))


def dietary_line(dish: DishOnMenu, translate: Translate) -> str | None:
    """ "Vegetarian. Soft and bite-sized (IDDSI level 6)", or None when there is nothing to say."""
    notes = [translate(DIETARY_WORDS[t]) for t in DIETARY_WORDS if t in dish.dietary]
    texture = TEXTURE_WORDS.get(dish.iddsi_level)
    if texture is not None:
        notes.append(translate(texture))
    return _brackets_unbroken(NOTE_SEPARATOR.join(notes)) or None


def long_date(day: date, locale: str) -> str:
    """ "23 November 2026", "23 Tachwedd 2026", "23 listopada 2026", "23 ਨਵੰਬਰ 2026",
    kept on one line."""
    from babel.dates import format_date

    return unbroken(format_date(day, "long", locale=locale))


def day_and_date(day: date, locale: str, *, capital: bool = True) -> str:
    """ "Monday 23 November"; ``capital`` gives a heading a capital first letter even in
    languages that write day names small ("poniedziałek")."""
    from babel.dates import format_date

    words = format_date(day, "EEEE d MMMM", locale=locale)
    return words[:1].upper() + words[1:] if capital else words
