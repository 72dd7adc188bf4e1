"""The large-print weekly menu and the table card, read back from the PDF itself."""

from __future__ import annotations

import io
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.domain.enums import Allergen, DietaryTag, Meal
from kiosk.domain.meals import MenuWeek
from kiosk.domain.week import DayPlan, DishOnMenu
from kiosk.i18n import Words
from kiosk.printing.menu import weekly_menu_pdf
from kiosk.printing.menu_card import menu_card_pdf
from tests.test_print_pdf_reading import (
    FONTS,
    PICTURES,
    ROOT,
    page_texts,
    rule_breaks,
    squashed,
    text_runs,
)

MONDAY = date(2026, 11, 23)
LONG_NAME = (
    "Slow-roasted shoulder of lamb with rosemary, garlic and redcurrant gravy, buttered "
    "new potatoes, carrots and garden peas"
)
assert len(LONG_NAME) == 120
HOSTILE = (
    "<b>bold</b>",
    "Fish & chips",
    "</para>",
    "Tea ☕",
    "ਦਾਲ ਚਾਵਲ",
    LONG_NAME,
    "a &lt; b &amp; <font name='Courier'>c</font>",
)
DAY_NAMES = (
    "Monday 23 November",
    "Tuesday 24 November",
    "Wednesday 25 November",
    "Thursday 26 November",
    "Friday 27 November",
    "Saturday 28 November",
    "Sunday 29 November",
)


def dish(number: int, name: str, picture: str | None = "fish", **details: object) -> DishOnMenu:
    return DishOnMenu(
        dish_id=number,
        name=name,
        picture=picture,
        dietary=frozenset(details.get("dietary", ())),  # type: ignore[arg-type]
        allergens=frozenset(details.get("allergens", ())),  # type: ignore[arg-type]
        iddsi_level=int(details.get("iddsi", 7)),  # type: ignore[call-overload]
    )


def week_of(choices: dict[tuple[int, Meal], list[DishOnMenu]]) -> MenuWeek:
    """A week whose days hold ``choices`` (day offset, meal) -> dishes; the rest unplanned."""
    plans = [
        DayPlan(
            MONDAY + timedelta(days=offset),
            (),
            tuple((meal, tuple(choices.get((offset, meal), []))) for meal in Meal),
        )
        for offset in range(7)
    ]
    return MenuWeek.from_days(plans)


def hostile_week() -> MenuWeek:
    """Monday's lunch holds every hostile name; each day has dishes with allergens."""
    choices: dict[tuple[int, Meal], list[DishOnMenu]] = {
        (0, Meal.LUNCH): [
            dish(index, name, allergens={Allergen.MILK}) for index, name in enumerate(HOSTILE)
        ],
    }
    for offset in range(7):
        choices[(offset, Meal.BREAKFAST)] = [
            dish(
                100 + offset,
                f"Porridge number {offset}",
                "porridge",
                allergens={Allergen.MILK, Allergen.EGGS, Allergen.GLUTEN},
                dietary={DietaryTag.VEGETARIAN},
                iddsi=6,
            )
        ]
    return week_of(choices)


def english(week: MenuWeek) -> bytes:
    return weekly_menu_pdf(
        week,
        home_name="Willow Court <Care> & Co",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return english(hostile_week())


@pytest.fixture(scope="module")
def punjabi_pdf() -> bytes:
    words = Words(ROOT / "locales", "pa")
    week = week_of(
        {
            (0, Meal.LUNCH): [
                dish(1, "ਦਾਲ ਚਾਵਲ", "curry", allergens={Allergen.MILK}),
                dish(2, "Fish pie", "fish", allergens={Allergen.FISH}),
                dish(3, "ਕਿਤਾਬ ਦਾਲ", "soup"),
            ]
        }
    )
    return weekly_menu_pdf(
        week,
        home_name="ਵਿਲੋ ਕੋਰਟ",
        locale="pa",
        translate=words.gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def test_nothing_breaks_clear_print(hostile_pdf: bytes) -> None:
    assert rule_breaks(hostile_pdf) == []


def test_every_font_is_ours_and_embedded(hostile_pdf: bytes) -> None:
    from tests.test_print_pdf_reading import fonts_used

    names = {font.name.split("+", 1)[-1] for font in fonts_used(hostile_pdf)}
    assert names <= {
        "AtkinsonHyperlegibleNext-Regular",
        "AtkinsonHyperlegibleNext-Bold",
        "NotoSansGurmukhi-Regular",
        "NotoSansGurmukhi-Bold",
        "NotoSans-Regular",
        "NotoSans-Bold",
    }
    assert all(font.embedded for font in fonts_used(hostile_pdf))


@pytest.mark.parametrize("name", HOSTILE)
def test_every_dish_name_prints_exactly_as_stored(hostile_pdf: bytes, name: str) -> None:
    everything = " ".join(page_texts(hostile_pdf))
    assert squashed(name) in everything


def test_a_dish_name_is_bold_and_its_allergens_are_plain_words(hostile_pdf: bytes) -> None:
    runs = text_runs(hostile_pdf)
    [name] = [run for run in runs if run.text.strip() == "Fish & chips"]
    assert name.font.endswith("AtkinsonHyperlegibleNext-Bold")
    assert name.size == pytest.approx(20)
    monday = page_texts(hostile_pdf)[0]
    assert "Porridge number 0 Contains: gluten, eggs, milk" in monday
    assert "Vegetarian. Soft and bite-sized (IDDSI level 6)" in monday


def test_unplanned_meals_say_so_in_words(hostile_pdf: bytes) -> None:
    tuesday = " ".join(text for text in page_texts(hostile_pdf) if "Tuesday 24" in text)
    assert "Lunch Not planned yet Tea Not planned yet Supper Not planned yet" in tuesday


def test_title_home_and_one_day_to_a_page(hostile_pdf: bytes) -> None:
    pages = page_texts(hostile_pdf)
    assert pages[0].startswith("Menu for the week of 23 November 2026 Willow Court <Care> & Co")
    first_pages = []
    for day in DAY_NAMES:
        starts = [n for n, text in enumerate(pages) if text.startswith(day)]
        assert len(starts) == 1 or day == DAY_NAMES[0], day
        first_pages.append(starts[0] if starts else 0)
    assert first_pages == sorted(first_pages)
    assert len(set(first_pages)) == 7  # each day on pages of its own


def test_a_day_that_runs_on_says_continued(hostile_pdf: bytes) -> None:
    pages = page_texts(hostile_pdf)
    assert pages[1].startswith("Monday 23 November, continued")
    assert not any("continued" in text for text in pages[2:])


def test_every_page_says_which_page_it_is_at_the_same_place(hostile_pdf: bytes) -> None:
    pages = page_texts(hostile_pdf)
    total = len(pages)
    runs = text_runs(hostile_pdf)
    footers = [run for run in runs if run.text.strip().startswith("Page ")]
    assert [run.text.strip() for run in footers] == [
        f"Page {n} of {total}" for n in range(1, total + 1)
    ]
    assert {round(run.size, 2) for run in footers} == {16.0}


def test_no_dish_is_split_from_its_allergens(hostile_pdf: bytes) -> None:
    for text in page_texts(hostile_pdf):
        for name in HOSTILE:
            if squashed(name) in text:
                after = text.split(squashed(name), 1)[1]
                assert after.lstrip().startswith("Contains: milk"), name


def test_punjabi_words_are_in_a_gurmukhi_font_and_shaped(punjabi_pdf: bytes) -> None:
    assert rule_breaks(punjabi_pdf) == []
    runs = text_runs(punjabi_pdf)
    gurmukhi = [run for run in runs if any("\u0a00" <= c <= "\u0a7f" for c in run.text)]
    assert gurmukhi
    assert all("NotoSansGurmukhi" in run.font for run in gurmukhi)
    latin = [run for run in runs if run.text.strip() == "Fish pie"]
    assert latin and latin[0].font.endswith("AtkinsonHyperlegibleNext-Bold")
    text = " ".join(page_texts(punjabi_pdf))
    assert "ਦਾਲ ਚਾਵਲ" in text
    assert "ਵਿਲੋ ਕੋਰਟ" not in text  # shaped: the vowel sign ਿ is drawn before its letter
    assert "ਿਵਲੋ ਕੋਰਟ" in text
    assert "ਿਕਤਾਬ ਦਾਲ" in text


def test_punjabi_menu_uses_the_catalogue_and_babel(punjabi_pdf: bytes) -> None:
    first = unicodedata.normalize("NFC", page_texts(punjabi_pdf)[0])
    assert "23 ਨਵੰਬਰ 2026" in first  # the week's date, by Babel
    assert unicodedata.normalize("NFC", "ਨਾਸ਼ਤਾ") in first  # "Breakfast", from the catalogue
    assert "ਦੁੱਧ" in first  # "milk", named in words


@pytest.mark.parametrize("language", ["cy", "pl"])
def test_welsh_and_polish_menus_name_allergens_in_their_words(language: str) -> None:
    words = Words(ROOT / "locales", language)
    week = week_of({(0, Meal.LUNCH): [dish(1, "Cawl", allergens={Allergen.CELERY})]})
    pdf = weekly_menu_pdf(
        week,
        home_name="Willow Court",
        locale=language,
        translate=words.gettext,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )
    first = page_texts(pdf)[0]
    expected = {
        "cy": ("Yn cynnwys: seleri", "Tudalen 1 o 7"),
        "pl": ("Zawiera: seler", "Strona 1 z 7"),
    }
    for words_expected in expected[language]:
        assert words_expected in first
    assert rule_breaks(pdf) == []


def test_a_missing_or_broken_picture_leaves_the_words(tmp_path: Path) -> None:
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "broken.svg").write_text("<svg><path d='M 0 0 L", encoding="utf-8")
    week = week_of(
        {
            (0, Meal.LUNCH): [
                dish(1, "Broken picture pie", "broken"),
                dish(2, "Missing picture pie", "nowhere"),
                dish(3, "Sneaky picture pie", "../fonts/OFL"),
            ]
        }
    )
    pdf = weekly_menu_pdf(
        week,
        home_name="",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=pictures,
        fonts_dir=FONTS,
    )
    first = page_texts(pdf)[0]
    for name in ("Broken picture pie", "Missing picture pie", "Sneaky picture pie"):
        assert name in first


def test_the_card_is_one_day_on_a5_in_the_same_clear_print() -> None:
    from pypdf import PdfReader

    week = hostile_week()
    pdf = menu_card_pdf(
        week,
        MONDAY + timedelta(days=1),
        home_name="Willow Court",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (420, 595)  # A5 portrait
    text = " ".join(page_texts(pdf))
    assert text.startswith("Menu for Tuesday 24 November Willow Court Breakfast Porridge number 1")
    assert "Monday" not in text and "Porridge number 0" not in text
    assert rule_breaks(pdf) == []
    assert "Page 1 of" in text


def test_the_same_menu_gives_the_same_pdf() -> None:
    week = hostile_week()
    assert english(week) == english(week)
