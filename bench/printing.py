"""Printing benchmark: the large-print weekly menu (7 days x 4 meals x 3 choices, with
pictures) against a bare reportlab canvas drawing the same strings in the same fonts."""

from __future__ import annotations

import io
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from bench.report import Result

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
PICTURES = ROOT / "assets" / "pictures"
RUNS = 21
MONDAY = date(2026, 11, 23)
DISHES = (
    ("Porridge with golden syrup", "porridge"),
    ("Scrambled eggs on toast", "egg"),
    ("Fresh fruit salad", "fruit"),
    ("Fish pie with peas", "fish"),
    ("Chicken curry and rice", "curry"),
    ("Cauliflower cheese", "cauliflower"),
    ("Ham sandwiches", "sandwich"),
    ("Tomato soup and bread", "soup"),
    ("Victoria sponge", "cake"),
    ("Cheese on toast", "cheese"),
    ("Sausage and mash", "sausage"),
    ("Rice pudding", "pudding"),
)


def sample_week() -> object:
    """A full week: every meal has three choices, each with a picture and allergens."""
    from kiosk.domain.enums import Allergen, DietaryTag, Meal
    from kiosk.domain.meals import MenuWeek
    from kiosk.domain.week import DayPlan, DishOnMenu

    allergens = list(Allergen)
    plans = []
    number = 0
    for offset in range(7):
        meals = []
        for meal in Meal:
            choices = []
            for _ in range(3):
                name, picture = DISHES[number % len(DISHES)]
                choices.append(
                    DishOnMenu(
                        dish_id=number,
                        name=name,
                        picture=picture,
                        dietary=frozenset({DietaryTag.VEGETARIAN} if number % 3 == 0 else ()),
                        allergens=frozenset(allergens[number % 14 : number % 14 + 3]),
                        iddsi_level=6 if number % 4 == 0 else 7,
                    )
                )
                number += 1
            meals.append((meal, tuple(choices)))
        plans.append(DayPlan(MONDAY + timedelta(days=offset), (), tuple(meals)))
    return MenuWeek.from_days(plans)


def _menu(week: object) -> bytes:
    from kiosk.printing.menu import weekly_menu_pdf

    return weekly_menu_pdf(
        week,  # type: ignore[arg-type]
        home_name="Willow Court",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


def _strings(pdf: bytes) -> tuple[list[str], int]:
    """Every line of text the menu printed, read back from its PDF, and its page count."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines() if line]
    return lines, len(reader.pages)


def _bare_canvas(strings: list[str]) -> bytes:
    """The baseline: the same strings drawn line by line, bold and regular, no layout."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from kiosk.printing.fonts import register_fonts

    main = register_fonts(FONTS).main
    target = io.BytesIO()
    canvas = Canvas(target, pagesize=A4, invariant=1)
    y = A4[1] - 60
    for index, text in enumerate(strings):
        canvas.setFont(main.name(bold=index % 3 == 0), 18)
        canvas.drawString(56, y, text)
        y -= 24
        if y < 60:
            canvas.showPage()
            y = A4[1] - 60
    canvas.save()
    return target.getvalue()


def run_all() -> list[Result]:
    week = sample_week()
    started = time.perf_counter()
    first = _menu(week)  # fonts registered and pictures read: once per process
    first_s = time.perf_counter() - started
    strings, pages = _strings(first)
    _bare_canvas(strings)
    menu_times, bare_times = [], []
    for _ in range(RUNS):  # alternate, so a busy moment on the machine hits both alike
        started = time.perf_counter()
        _menu(week)
        menu_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        _bare_canvas(strings)
        bare_times.append(time.perf_counter() - started)
    menu_s, bare_s = statistics.median(menu_times), statistics.median(bare_times)
    return [
        Result("print", "weekly menu, first in the process", first_s * 1000, "ms", ""),
        Result("print", f"weekly menu, {pages} pages, 84 dishes", menu_s * 1000, "ms", "< 500 ms"),
        Result(
            "print", f"bare canvas, same {len(strings)} lines (baseline)", bare_s * 1000, "ms", ""
        ),
        Result("print", "ratio menu / bare canvas", menu_s / bare_s, "x", "<= 3"),
    ]
