"""Meals end to end on the demo home: the real window, real services, a real SQLite file,
tapped as a resident and a cook would. Counts taps (at most four from Home once the
resident has chosen their face), double taps, drafts on idle sign-out, "me too", and the
kitchen's answer reaching the resident ("You said, we did")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, Meal, MealSlot, ProposalStatus
from kiosk.domain.meals import AnswerKind, MealSuggestion, NewMealSuggestion
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.answers_screen import AnswersScreen
from kiosk.ui.screens.kitchen_inbox_screen import KitchenInboxScreen
from kiosk.ui.screens.suggest_meal_screen import CONFIRM, DISH, MEAL, THANKS, SuggestMealScreen
from kiosk.ui.speech_player import SpeechPlayer
from tests.helpers.person import CountingPerson, Person
from tests.helpers.shell import kiosk_window, settle


@pytest.fixture
def person(qtbot: QtBot) -> CountingPerson:
    return CountingPerson(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        yield window, services


def resident(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def kitchen(services: Services) -> Actor:
    demo = next(person for person in STAFF if person.role == "kitchen")
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def sign_in(window: MainWindow, person: Person, services: Services, name: str) -> None:
    """Choose a face, and hear any answers waiting, as the resident would."""
    window.sign_in(resident(services, name))
    settle()
    if window.current.name == "answers":
        person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]


def suggest_screen(window: MainWindow) -> SuggestMealScreen:
    screen = window.current
    assert isinstance(screen, SuggestMealScreen)
    return screen


def ideas_of(services: Services, name: str) -> list[MealSuggestion]:
    rid = resident(services, name)
    return [
        idea for idea in services.suggestions.inbox(kitchen(services)) if idea.resident_id == rid
    ]


def test_a_dish_from_the_pictures_is_four_taps_from_home(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    before = len(ideas_of(services, "Margaret"))
    person.taps = 0
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    assert screen.step == MEAL
    person.tap(screen.meal_grid.buttons["pudding"])
    assert screen.step == DISH
    dish_key = next(key for key in screen.dish_grid.buttons if key.startswith("dish:"))
    dish_words = screen.dish_grid.buttons[dish_key].words
    person.tap(screen.dish_grid.buttons[dish_key])
    assert screen.step == CONFIRM
    assert dish_words in screen.summary.text()
    person.tap(screen.send_button)
    assert screen.step == THANKS
    assert person.taps == 4
    after = ideas_of(services, "Margaret")
    assert len(after) == before + 1
    newest = max(after, key=lambda idea: idea.id)
    assert newest.title == dish_words and newest.status is ProposalStatus.OPEN


def test_a_double_tapped_send_stores_one_suggestion(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    before = len(ideas_of(services, "Margaret"))
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["supper"])
    person.tap(screen.type_button)
    qtbot.keyClicks(screen.dish_typing.line_edit, "Cheese on toast")
    screen.dish_typing.done.emit()
    assert screen.step == CONFIRM
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    screen._on_send_button_tapped()  # even a third press straight to the slot
    settle()
    titles = [idea.title for idea in ideas_of(services, "Margaret")]
    assert titles.count("Cheese on toast") == 1
    assert len(titles) == before + 1


@pytest.mark.parametrize(
    "typed",
    ["<b>Fish</b> & </para> pie", "Cawl 🍲 a bara brith", "ਦਾਲ ਚਾਵਲ", "Zupa ogórkowa"],
)
def test_typed_dishes_are_kept_exactly_as_typed(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, typed: str
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["lunch"])
    person.tap(screen.type_button)
    screen.dish_typing.line_edit.setText(typed)  # as an on-screen keyboard would leave it
    screen.dish_typing.done.emit()
    assert typed in screen.summary.text()
    person.tap(screen.send_button)
    assert screen.step == THANKS
    assert typed in [idea.title for idea in ideas_of(services, "Dot")]


def test_too_long_a_name_is_refused_in_words_and_kept_on_screen(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["lunch"])
    person.tap(screen.type_button)
    long_text = "pie " * 2500  # 10,000 characters pasted
    screen.dish_typing.line_edit.setText(long_text)
    screen.dish_typing.done.emit()
    assert screen.step != CONFIRM
    assert screen.problem.isVisible() and "too long" in screen.problem.text()
    assert screen.dish_typing.text()  # nothing typed is thrown away
    screen.dish_typing.line_edit.setText("   ")
    screen.dish_typing.done.emit()
    assert "Please type" in screen.problem.text() and screen.step != CONFIRM


def test_choosing_an_idea_already_asked_for_adds_support_once(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["lunch"])
    idea_key = next(key for key in screen.dish_grid.buttons if key.startswith("idea:"))
    idea_id = int(idea_key.split(":")[1])
    before = next(i for i in services.suggestions.inbox(kitchen(services)) if i.id == idea_id)
    person.tap(screen.dish_grid.buttons[idea_key])
    assert screen.step == CONFIRM
    assert screen.send_button.words == window.words.gettext("Me too")
    person.tap(screen.send_button)
    assert screen.step == THANKS
    after = next(i for i in services.suggestions.inbox(kitchen(services)) if i.id == idea_id)
    assert after.supporters == before.supporters + 1
    # Next time the same idea says so, and a second "me too" is not offered.
    person.tap(screen.another_button)
    person.tap(screen.meal_grid.buttons["lunch"])
    button = screen.dish_grid.buttons.get(idea_key)
    while button is None:
        person.tap(screen.dish_grid.next_button)
        button = screen.dish_grid.buttons.get(idea_key)
    assert window.words.gettext("You asked for this too") in button.words
    person.tap(button)
    assert screen.step == DISH and screen.problem.isVisible()


def test_typing_a_name_like_an_idea_offers_support(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["lunch"])
    person.tap(screen.type_button)
    dot = Actor.resident(resident(services, "Dot"))
    idea = next(
        idea
        for idea in services.suggestions.open_meal_suggestions(dot)
        if not idea.supported_by_viewer and idea.title.isascii()
    )
    qtbot.keyClicks(screen.dish_typing.line_edit, idea.title.lower())
    settle()
    offers = [
        screen.dish_typing.hints.itemAt(i).widget() for i in range(screen.dish_typing.hints.count())
    ]
    assert offers and idea.title in offers[0].words  # type: ignore[union-attr]
    person.tap(offers[0])  # type: ignore[arg-type]
    assert screen.step == CONFIRM
    assert screen.send_button.words == window.words.gettext("Me too")


def test_at_large_text_the_keyboard_keeps_its_rows_with_a_hint(
    qtbot: QtBot, demo_dir: Path, person: CountingPerson
) -> None:
    """At 200 % on the smallest screen the title gives its line to the keyboard while the
    resident types (the question says what to do, and the title is still read aloud), and
    an offer of support takes the question's place, not a row of letters."""
    with kiosk_window(demo_dir, text_scale=200) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))  # "Read this to me" shown
        sign_in(window, person, services, "Dot")
        person.tap(window.home.task_buttons["suggest-meal"])
        screen = suggest_screen(window)
        person.tap(screen.meal_grid.buttons["lunch"])
        assert window.title_label.isVisible()
        person.tap(screen.type_button)
        settle()
        assert not window.title_label.isVisible()
        assert screen.reading_order()[:2] == [screen.title(), screen.dish_typing.prompt.text()]
        assert key_rows(screen) >= 2
        qtbot.keyClicks(screen.dish_typing.line_edit, "fish")
        settle()
        assert screen.dish_typing.hints.count() > 0
        assert key_rows(screen) >= 2
        person.tap(screen.dish_typing.keyboard.done_key)
        settle()
        assert screen.step == CONFIRM and window.title_label.isVisible()


def key_rows(screen: SuggestMealScreen) -> int:
    return len({key.y() for key in screen.dish_typing.keyboard.visible_keys()})


def test_back_goes_one_step_back_within_the_screen(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["tea"])
    person.tap(screen.type_button)
    person.tap(window.back_button)
    assert window.current is screen and screen.step == DISH
    person.tap(window.back_button)
    assert window.current is screen and screen.step == MEAL
    person.tap(window.back_button)
    assert window.current is window.home


def test_an_unfinished_idea_is_kept_as_a_draft_and_offered_back(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = suggest_screen(window)
    person.tap(screen.meal_grid.buttons["supper"])
    person.tap(screen.type_button)
    qtbot.keyClicks(screen.dish_typing.line_edit, "Welsh rarebit")
    window.sign_out()  # as the idle sign-out does
    assert window.current is window.home
    dot = Actor.resident(resident(services, "Dot"))
    draft = services.suggestions.meal_draft(dot)
    assert draft is not None and draft.title == "Welsh rarebit"

    sign_in(window, person, services, "Dot")
    person.tap(window.home.task_buttons["suggest-meal"])
    assert "Welsh rarebit" in screen.prompt.text()
    person.tap(screen.carry_on_button)
    assert screen.step == CONFIRM and "Welsh rarebit" in screen.summary.text()
    person.tap(screen.send_button)
    assert services.suggestions.meal_draft(dot) is None
    sent = [i for i in ideas_of(services, "Dot") if i.title == "Welsh rarebit"]
    assert len(sent) == 1 and sent[0].status is ProposalStatus.OPEN


def test_back_from_an_answer_goes_to_the_kitchens_list(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    window.on_staff_signed_in(kitchen(services))
    window.open_screen("kitchen-inbox")
    inbox = window.current
    assert isinstance(inbox, KitchenInboxScreen)
    person.tap(next(iter(inbox.idea_buttons.values())))
    assert inbox.answer_panel.isVisible()
    person.tap(window.back_button)
    assert window.current is inbox and inbox.list_panel.isVisible()
    assert not inbox.answer_panel.isVisible()
    person.tap(window.back_button)
    assert window.current.name == "staff-room"


def test_the_kitchen_puts_an_idea_on_the_menu_and_the_resident_hears_it(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    cook = kitchen(services)
    dot = Actor.resident(resident(services, "Dot"))
    assert services.suggestions.answers_to_hear(dot) == []  # nothing yet for Dot
    pie = next(d for d in services.menus.catalogue() if d.course is Course.MAIN)
    idea = services.suggestions.suggest_meal(
        dot, NewMealSuggestion(meal_slot=MealSlot.LUNCH, title=pie.name, dish_id=pie.id)
    )

    window.on_staff_signed_in(cook)
    window.open_screen("kitchen-inbox")
    inbox = window.current
    assert isinstance(inbox, KitchenInboxScreen)
    person.tap(inbox.idea_buttons[idea.id])
    person.tap(inbox.kind_buttons[AnswerKind.ON_MENU])
    day = window.home_data().today() + timedelta(days=2)
    person.tap(inbox.day_buttons[day])
    person.tap(inbox.meal_buttons[Meal.LUNCH])
    person.tap(inbox.send_button)
    assert not inbox.problem.isVisible(), inbox.problem.text()
    week = services.menus.week(day - timedelta(days=day.weekday()))
    assert pie.id in [dish.dish_id for dish in week.choices(day, Meal.LUNCH)]

    person.tap(window.home_button)  # the cook leaves; Dot comes to the kiosk
    window.sign_in(dot.resident_id)  # type: ignore[arg-type]
    settle()
    answers = window.current
    assert isinstance(answers, AnswersScreen)
    assert any(
        window.words.day_and_date(day) in answers.answer_words(shown) for shown in answers.shown
    )
    person.tap(answers.thank_you_button)
    assert window.current is window.home
    assert services.suggestions.answers_to_hear(dot) == []


def test_the_cook_prints_the_week_from_the_planner_off_the_gui_thread(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    """The planner's "Print the week…" through the window's print job and the real print
    desk: a PDF kept in the home's printouts folder, the outcome shown in words, audited."""
    window, services = kiosk
    cook = kitchen(services)
    window.on_staff_signed_in(cook)
    window.open_screen("menu-planner")
    planner = window.current
    with qtbot.waitSignal(window.print_jobs.finished, timeout=60_000) as done:
        person.tap(planner.print_button)  # type: ignore[attr-defined]
        assert window.notice.text() == window.words.gettext("Printing… this takes a moment.")
    words = done.args[0]
    monday = window.home_data().today()
    monday -= timedelta(days=monday.weekday())
    year, week, _ = monday.isocalendar()
    kept = services.printer._out_dir / f"menu-{year}-W{week:02d}.pdf"
    assert kept.is_file() and kept.read_bytes().startswith(b"%PDF")
    assert str(kept) in words and window.notice.text() == words
    manager = next(p for p in STAFF if p.role == "manager")
    boss = next(m for m in services.staff.sign_in_choices() if m.name == manager.name)
    events = services.audit.events(services.staff.sign_in(boss.id, manager.pin), action="print")
    assert [e.actor_staff_id for e in events][:1] == [cook.staff_id]
