"""Fuzz: hostile words kept by the services, shown on the screens that show them, at
1280 x 800 and 200 % text (where room runs out first): nothing overlaps, sticks out or is
cut off (issue #10), not even a "word" longer than a line. One window per screen, many
words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.care_plans import PlanDraft, WhoTookPart
from kiosk.domain.enums import CarePlanSection, MealSlot, StaffRole
from kiosk.domain.meals import Answer, AnswerKind, NewMealSuggestion
from kiosk.domain.schedule import NewActivity, NewSlot
from kiosk.ui.main_window import MainWindow
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.fuzz import printable_text
from tests.helpers.layout import layout_problems
from tests.helpers.scenes import SCENES, as_resident, as_staff, care_plan_of
from tests.helpers.shell import kiosk_window, settle

FUZZ = settings(max_examples=8, deadline=None, derandomize=True, database=None)
NAME = printable_text(max_length=70)
WORDS = printable_text(max_length=900, multiline=True)
HOSTILE = "<b>Fish & chips</b> &amp; </para><br/> \u202eevil\u202c שלום ☕🍕 ਦਾਲ Zażółć"

Show = Callable[[MainWindow, Services, str, str], None]


def _resident(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_all() if r.preferred_name == name)


_RENAMED: dict[int, int] = {}


def staff_list(window: MainWindow, services: Services, name: str, words: str) -> None:
    as_staff(window, services, "manager")
    services.staff.add(window.staff_actor, name, StaffRole.CARER, "2468")  # type: ignore[arg-type]
    window.open_screen("staff-list")


def residents(window: MainWindow, services: Services, name: str, words: str) -> None:
    as_staff(window, services, "manager")
    manager = window.staff_actor
    assert manager is not None
    if id(services) not in _RENAMED:
        _RENAMED[id(services)] = _resident(services, "Ron")  # before he is renamed, below
    ron = _RENAMED[id(services)]
    services.residents.update_details(
        manager, ron, preferred_name=name, full_name=name, room=name[:20], support_notes=words
    )
    window.open_screen("residents")


def kitchen_inbox(window: MainWindow, services: Services, name: str, words: str) -> None:
    bill = Actor.resident(_resident(services, "Bill"))
    services.suggestions.suggest_meal(bill, NewMealSuggestion(MealSlot.TEA, name, reason=words))
    SCENES["kitchen-inbox"](window, services)


def answers(window: MainWindow, services: Services, name: str, words: str) -> None:
    patel = Actor.resident(_resident(services, "Mr Patel"))
    meal = services.suggestions.suggest_meal(patel, NewMealSuggestion(MealSlot.LUNCH, name))
    as_staff(window, services, "kitchen")
    kitchen = window.staff_actor
    assert kitchen is not None
    services.suggestions.answer(kitchen, meal.id, Answer(AnswerKind.NOT_NOW, words))
    window.sign_out_staff()
    as_resident(window, services, "Mr Patel")
    assert window.current.name == "answers"


def this_week(window: MainWindow, services: Services, name: str, words: str) -> None:
    as_staff(window, services, "coordinator")
    coordinator = window.staff_actor
    assert coordinator is not None
    day = services.week.today()
    starts = datetime.combine(day, time(23), tzinfo=services.week.home_zone())
    title = f"{name} {len(services.schedule.activities(coordinator))}"
    activity = services.schedule.add_activity(coordinator, NewActivity(title[-120:]))
    new = NewSlot(activity.id, starts, starts + timedelta(minutes=30), place=words[:120])
    services.schedule.add_slot(coordinator, new)
    window.sign_out_staff()
    as_resident(window, services, "Margaret")
    if window.current.name == "answers":
        window.after_answers()
    window.open_screen("this-week")


def my_care_plan(window: MainWindow, services: Services, name: str, words: str) -> None:
    as_staff(window, services, "carer")
    carer = window.staff_actor
    assert carer is not None
    sections = dict.fromkeys(CarePlanSection, words)
    services.care_plans.save(
        carer, _resident(services, "Mrs Kaur"), PlanDraft(sections), WhoTookPart(name, True)
    )
    window.sign_out_staff()
    care_plan_of("Mrs Kaur")(window, services)


SHOWN: dict[str, Show] = {
    "staff-list": staff_list,
    "residents": residents,
    "kitchen-inbox": kitchen_inbox,
    "answers": answers,
    "this-week": this_week,
    "my-care-plan": my_care_plan,
}


@pytest.mark.slow
@pytest.mark.parametrize("screen", SHOWN)
def test_any_words_fit_their_screen(qtbot: QtBot, demo_dir: Path, screen: str) -> None:
    show = SHOWN[screen]
    with kiosk_window(demo_dir, text_scale=200) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))

        @FUZZ
        @given(name=NAME, words=WORDS)
        @example(name=HOSTILE, words=HOSTILE)
        @example(name="W" * 70, words="x" * 900)  # words longer than any line
        @example(name="Dai 👨\u200d👩\u200d👧\u200d👦 " * 6, words="Z\u0336\u0301\u0302" * 200)
        def shown(name: str, words: str) -> None:
            window.sign_out()
            show(window, services, name, words)
            settle()
            problems = layout_problems(window, window.theme.metrics)
            assert problems == [], (name, words, problems)

        shown()
