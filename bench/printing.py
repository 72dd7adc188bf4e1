"""Printing benchmark: the large-print weekly menu (7 days x 4 meals x 3 choices, with
pictures) and the weekly schedule (7 days x 6 activities, with pictures, on A4 and A3),
each against a bare reportlab canvas drawing the same strings in the same fonts."""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
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
ACTIVITIES = (  # (title, picture, place, led by)
    ("Armchair exercise", "exercise", "Lounge", "Priya"),
    ("Welsh chat (Sgwrs)", "talk", "Conservatory", "Gareth"),
    ("Music and movement", "music", "Lounge", "Hannah"),
    ("Baking", "cake", "Kitchen", "Priya and Gareth"),
    ("Pet therapy", "dog", "Lounge", "Sue and Bramble"),
    ("Quiz", "quiz", "Dining room", "Priya"),
    ("Painting", "paint", "Conservatory", "Tomasz"),
    ("Film afternoon", "film", "Lounge", "Tomasz"),
    ("Flower arranging", "flower", "Conservatory", "Priya"),
    ("Singing for fun", "singing", "Lounge", "Priya"),
    ("Bingo", "bingo", "Dining room", "Priya"),
)
ACTIVITY_TIMES = ((9, 30), (11, 0), (13, 30), (15, 0), (16, 30), (18, 30))  # 6 a day


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


def sample_schedule() -> list[object]:
    """A full week of activities: six a day, each with a picture, a place and a leader;
    one a day is from residents, and one in the week is cancelled with a reason."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.domain.week import ActivityOnDay, DayPlan

    zone = ZoneInfo("Europe/London")
    plans: list[object] = []
    number = 0
    for offset in range(7):
        day = MONDAY + timedelta(days=offset)
        activities = []
        for hour, minute in ACTIVITY_TIMES:
            title, picture, place, led_by = ACTIVITIES[number % len(ACTIVITIES)]
            starts = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
            activities.append(
                ActivityOnDay(
                    slot_id=number,
                    title=title,
                    picture=picture,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=1),
                    place=place,
                    led_by=led_by,
                    cancelled=number == 12,
                    cancel_reason="Priya is off sick. It is on again next week."
                    if number == 12
                    else None,
                    from_residents=number % 5 == 1,
                )
            )
            number += 1
        plans.append(DayPlan(day, tuple(activities), ()))
    return plans


def _schedule(days: list[object], paper: str) -> bytes:
    from kiosk.printing.schedule import weekly_schedule_pdf

    return weekly_schedule_pdf(
        days,  # type: ignore[arg-type]
        paper=paper,
        home_name="Willow Court",
        locale="en_GB",
        translate=lambda words: words,
        pictures_dir=PICTURES,
        fonts_dir=FONTS,
    )


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


def pdf_lines(pdf: bytes) -> tuple[list[str], int]:
    """Every line of text a PDF holds, read back from it, and its page count."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    lines = [
        line for page in reader.pages for line in page.extract_text().splitlines() if line.strip()
    ]
    return lines, len(reader.pages)


def bare_canvas(strings: list[str]) -> bytes:
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


def timed_against_bare(make: Callable[[], bytes], strings: list[str]) -> tuple[float, float]:
    """Median seconds for ``make`` and for a bare canvas of ``strings``, run alternately so
    a busy moment on the machine hits both alike."""
    made, bare = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        make()
        made.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare_canvas(strings)
        bare.append(time.perf_counter() - started)
    return statistics.median(made), statistics.median(bare)


def run_all() -> list[Result]:
    week = sample_week()
    started = time.perf_counter()
    first = _menu(week)  # fonts registered and pictures read: once per process
    first_s = time.perf_counter() - started
    strings, pages = pdf_lines(first)
    bare_canvas(strings)
    menu_s, bare_s = timed_against_bare(lambda: _menu(week), strings)
    results = [
        Result("print", "weekly menu, first in the process", first_s * 1000, "ms", ""),
        Result("print", f"weekly menu, {pages} pages, 84 dishes", menu_s * 1000, "ms", "< 500 ms"),
        Result(
            "print", f"bare canvas, same {len(strings)} lines (baseline)", bare_s * 1000, "ms", ""
        ),
        Result("print", "ratio menu / bare canvas", menu_s / bare_s, "x", "<= 3"),
    ]
    return results + run_schedule()


def run_schedule() -> list[Result]:
    """The weekly schedule, 7 days x 6 activities with pictures, on A4 and on A3."""
    days = sample_schedule()
    results = []
    for paper in ("a4", "a3"):
        strings, pages = pdf_lines(_schedule(days, paper))
        schedule_s, bare_s = timed_against_bare(lambda paper=paper: _schedule(days, paper), strings)
        name = f"schedule {paper.upper()}"
        results += [
            Result(
                "print",
                f"{name}, {pages} pages, {7 * len(ACTIVITY_TIMES)} activities",
                schedule_s * 1000,
                "ms",
                "< 500 ms",
            ),
            Result(
                "print",
                f"bare canvas, same {len(strings)} lines (baseline)",
                bare_s * 1000,
                "ms",
                "",
            ),
            Result("print", f"ratio {name} / bare canvas", schedule_s / bare_s, "x", "<= 3"),
        ]
    return results
