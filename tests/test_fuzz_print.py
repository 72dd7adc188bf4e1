"""Fuzz: hostile words kept by the services, read back by them, and printed in every PDF
that shows them: the PDF builds, keeps clear print, and its text holds every letter of
the words that a shipped font draws (issue #10)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.care_plans import AgreedRisk, DailyRoutine, PlanDraft, PlanGoal, WhoTookPart
from kiosk.domain.enums import (
    CarePlanSection,
    Course,
    DatabaseKind,
    GoalStatus,
    Meal,
    MealSlot,
)
from kiosk.domain.meals import Answer, AnswerKind, DishDetails, MenuWeek, NewMealSuggestion
from kiosk.domain.schedule import FeedbackFace, NewActivity, NewSlot
from kiosk.domain.week import monday_of
from kiosk.printing.care_plan import care_plan_pdf
from kiosk.printing.evidence import evidence_report_pdf
from kiosk.printing.fonts import FontSet, register_fonts
from kiosk.printing.menu import weekly_menu_pdf
from kiosk.printing.resident_records import resident_records_pdf
from kiosk.printing.schedule import weekly_schedule_pdf
from kiosk.printing.schedule_poster import today_poster_pdf
from kiosk.printing.you_said import you_said_poster_pdf
from kiosk.services.resident_records import ResidentRecordsService
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from tests.helpers.fuzz import LONGEST, missing_from, printable_text
from tests.test_print_pdf_reading import FONTS, PICTURES, page_texts, rule_breaks

FUZZ = settings(max_examples=6, deadline=None, derandomize=True, database=None)
ENGLISH = {
    "locale": "en_GB",
    "translate": lambda words: words,
    "pictures_dir": PICTURES,
    "fonts_dir": FONTS,
}
HOSTILE_EXAMPLE = "<b>Fish & chips</b> &amp; </para><br/> \u202eevil\u202c שלום ☕🍕 ਦਾਲ Zażółć"

NAME = printable_text(max_length=100)
HOME_NAME = printable_text(max_length=200)
LONG_WORDS = printable_text(max_length=1000, multiline=True)
SECTION = st.one_of(
    LONG_WORDS,
    st.builds(
        lambda words, length: (words * (length // len(words) + 1))[:length].strip(),
        LONG_WORDS,
        st.integers(min_value=2000, max_value=LONGEST),
    ),
)


@dataclass
class Home:
    folder: Path
    database: Database
    services: Services
    manager: Actor
    kitchen: Actor
    coordinator: Actor
    carer: Actor
    resident: int
    fonts: FontSet
    days: Iterator[int]

    def next_day(self) -> date:
        """A day of its own for each example, weeks ahead of the demo's plans."""
        return self.services.week.today() + timedelta(days=60 + next(self.days))


def _staff(services: Services, role: str) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[Home]:
    folder = tmp_path_factory.mktemp("fuzz-print")
    shutil.copy(demo_template, folder / "our-say.sqlite3")
    database = open_database(sqlite_url(folder / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    config = AppConfig.build(data_dir=folder, demo=True, windowed=True, locale=None, environ={})
    services = Services(database, config)
    resident = next(r.id for r in services.residents.list_active() if r.preferred_name == "Bill")
    yield Home(
        folder,
        database,
        services,
        _staff(services, "manager"),
        _staff(services, "kitchen"),
        _staff(services, "coordinator"),
        _staff(services, "carer"),
        resident,
        register_fonts(FONTS),
        count(),
    )
    database.dispose()


def assert_printed(pdf: bytes, fonts: FontSet, *words: str | None) -> None:
    """The PDF keeps clear print and its text holds every drawn letter of ``words``."""
    assert rule_breaks(pdf) == []
    text = " ".join(page_texts(pdf))
    for each in words:
        if each:
            assert not missing_from(text, each, fonts), (each, missing_from(text, each, fonts))


# ---------------------------------------------------------------------------------------


@pytest.mark.slow
@FUZZ
@given(
    title=NAME,
    place=NAME,
    led_by=NAME,
    reason=LONG_WORDS,
    dish=NAME,
    home_name=HOME_NAME,
)
@example(
    title=HOSTILE_EXAMPLE,
    place="</para>",
    led_by="Dai & Eirlys",
    reason="Rain \u2028 <br/>",
    dish="Tea ☕ <b>",
    home_name="Willow Court <Care> & Co",
)
def test_the_week_the_poster_and_the_menu_print_any_words(
    home: Home, title: str, place: str, led_by: str, reason: str, dish: str, home_name: str
) -> None:
    day = home.next_day()
    services = home.services
    activity = services.schedule.add_activity(
        home.coordinator, NewActivity(f"{title} {day.isoformat()}")
    )
    starts = datetime.combine(day, time(10), tzinfo=services.week.home_zone())
    new = NewSlot(activity.id, starts, starts + timedelta(hours=1), place=place, led_by=led_by)
    services.schedule.add_slot(home.coordinator, new)
    later = NewSlot(activity.id, starts + timedelta(hours=4), starts + timedelta(hours=5))
    cancelled = services.schedule.add_slot(home.coordinator, later)
    services.schedule.cancel_slot(home.coordinator, cancelled.id, reason)
    made = services.menus.add_dish(home.kitchen, DishDetails(f"{dish} {day}", Course.MAIN))
    services.menus.set_choices(home.kitchen, day, Meal.LUNCH, [made.id])

    monday = monday_of(day)
    week = services.week.days(monday, monday + timedelta(days=6))
    fields = (activity.title, place, led_by, home_name)
    for paper in ("a4", "a3"):
        pdf = weekly_schedule_pdf(week, paper=paper, home_name=home_name, **ENGLISH)
        assert_printed(pdf, home.fonts, *fields, reason)
    poster = today_poster_pdf(services.week.day(day), home_name=home_name, **ENGLISH)
    assert_printed(poster, home.fonts, *fields)
    menu = weekly_menu_pdf(MenuWeek.from_days(week), home_name=home_name, **ENGLISH)
    assert_printed(menu, home.fonts, made.name, home_name)


@pytest.mark.slow
@FUZZ
@given(
    section=SECTION,
    goal=LONG_WORDS,
    routine=NAME,
    steps=LONG_WORDS,
    risk=LONG_WORDS,
    supported_by=NAME,
    name=printable_text(max_length=80),
)
@example(
    section="x" * LONGEST,
    goal=HOSTILE_EXAMPLE,
    routine="<b>",
    steps="&amp;\n\n</para>",
    risk="\u202eevil\u202c",
    supported_by="Dai's son 👨\u200d👩\u200d👧",
    name="Ron <b>",
)
def test_a_care_plan_prints_any_words(
    home: Home,
    section: str,
    goal: str,
    routine: str,
    steps: str,
    risk: str,
    supported_by: str,
    name: str,
) -> None:
    services = home.services
    kept_name = services.residents.update_details(
        home.manager, home.resident, preferred_name=name
    ).preferred_name
    draft = PlanDraft(
        sections={CarePlanSection.WELLNESS: section, CarePlanSection.DO_AND_DONT: goal},
        goals=(PlanGoal(goal, supported_by, GoalStatus.ACTIVE, None),),
        routines=(DailyRoutine(routine, supported_by, steps, None),),
        risks=(AgreedRisk(risk, steps, supported_by),),
        supported_by=supported_by,
    )
    services.care_plans.save(home.carer, home.resident, draft, WhoTookPart(kept_name, True))
    plan = services.care_plans.for_printing(home.carer, home.resident)
    assert plan is not None
    pdf = care_plan_pdf(plan, home_name="Willow Court", printed_on=date(2026, 11, 23), **ENGLISH)
    assert_printed(pdf, home.fonts, kept_name, section, goal, routine, steps, risk, supported_by)


@pytest.mark.slow
@FUZZ
@given(title=NAME, reason=LONG_WORDS, answer=LONG_WORDS, words=LONG_WORDS)
@example(
    title=HOSTILE_EXAMPLE,
    reason="</para>&",
    answer="<br/>No griddle 🍳",
    words="Lovely \u202eevil\u202c",
)
def test_the_evidence_the_poster_and_a_resident_s_records_print_any_words(
    home: Home, title: str, reason: str, answer: str, words: str
) -> None:
    services = home.services
    me = Actor.resident(home.resident)
    meal = services.suggestions.suggest_meal(
        me, NewMealSuggestion(MealSlot.TEA, title, reason=reason)
    )
    services.suggestions.answer(home.kitchen, meal.id, Answer(AnswerKind.NOT_NOW, answer))
    ended = datetime.now(UTC) - timedelta(minutes=5)
    activity = services.schedule.add_activity(
        home.coordinator, NewActivity(f"Fuzz club {next(home.days)}")
    )
    slot = services.schedule.add_slot(
        home.coordinator, NewSlot(activity.id, ended - timedelta(hours=1), ended)
    )
    services.schedule.give_feedback(me, slot.id, FeedbackFace.GOOD, words)

    today = services.week.today()
    chains = services.evidence.you_said_we_did(home.coordinator, today)
    poster = you_said_poster_pdf(chains, today, home_name="Willow Court", **ENGLISH)
    assert_printed(poster, home.fonts, meal.title, answer)
    report = services.evidence.report(home.manager, today - timedelta(days=6), today)
    assert_printed(evidence_report_pdf(report, **ENGLISH), home.fonts, meal.title, answer)
    records = ResidentRecordsService(home.database.sessions).records(home.manager, home.resident)
    pdf = resident_records_pdf(
        records, home_name="Willow Court", printed_on=date(2026, 11, 23), **ENGLISH
    )
    assert_printed(pdf, home.fonts, meal.title, reason, answer, words)
