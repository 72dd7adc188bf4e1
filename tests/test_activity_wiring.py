"""The activity screens as the window wires them: the real window on the demo home, reached
only by tapping, as a resident or a member of staff reaches them.

Home's six tasks each open their screen (asking "Who are you?" first where the screen needs
to know, and the resident's PIN for their care plan); the coordinator's staff room offers
her four activity tools and each opens; the kitchen's does not offer them; and the chain
from a closed vote to the week: Polls → the closed vote → "Plan it in the week" → the
planner, with the winner chosen, saves a slot that remembers the vote.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.enums import SlotSource
from kiosk.domain.week import monday_of
from kiosk.storage.demo_content import STAFF
from kiosk.ui.home_data import PRIVATE_SCREENS, RESIDENT_SCREENS
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.activity_feedback_screen import ActivityFeedbackScreen
from kiosk.ui.screens.how_was_it_screen import HowWasItScreen
from kiosk.ui.screens.ideas_inbox_screen import IdeasInboxScreen
from kiosk.ui.screens.my_care_plan_screen import MyCarePlanScreen
from kiosk.ui.screens.polls_screen import LIST, PollsScreen
from kiosk.ui.screens.staff_room_screen import StaffRoomScreen
from kiosk.ui.screens.suggest_idea_screen import SuggestIdeaScreen
from kiosk.ui.screens.suggest_meal_screen import SuggestMealScreen
from kiosk.ui.screens.this_week_screen import ThisWeekScreen
from kiosk.ui.screens.vote_screen import VoteScreen
from kiosk.ui.screens.week_planner_screen import View, WeekPlannerScreen
from kiosk.ui.widgets.face_tile import FaceTile
from tests.helpers.person import Person
from tests.helpers.shell import kiosk_window, settle

CLOSED_POLL = "Which new weekly activity shall we start?"  # closed: Gardening club won
COORDINATOR = ("Priya Shah", "3719")
KITCHEN = ("Gareth Evans", "6053")
MARGARET_PIN = "7314"

HOME_TASKS = {
    "suggest-meal": SuggestMealScreen,
    "suggest-idea": SuggestIdeaScreen,
    "vote": VoteScreen,
    "how-was-it": HowWasItScreen,
    "this-week": ThisWeekScreen,
    "my-care-plan": MyCarePlanScreen,
}
COORDINATOR_TOOLS = {
    "ideas-inbox": IdeasInboxScreen,
    "polls": PollsScreen,
    "week-planner": WeekPlannerScreen,
    "activity-feedback": ActivityFeedbackScreen,
}
KITCHEN_TOOLS = {"kitchen-inbox", "dishes", "menu-planner"}


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        yield window, services


# -- tapping through the window -------------------------------------------------------------


def choose_face(person: Person, window: MainWindow, name: str) -> None:
    """On "Who are you?", turn the pages to ``name``'s face and touch it; then hear any
    answers waiting ("You said, we did" comes first), as the resident would."""
    assert window.current.name == "who"
    for _ in range(window.who.pages):
        tiles = [
            tile
            for tile in window.who.findChildren(FaceTile)
            if tile.accessibleName() == name and tile.isVisible()
        ]
        if tiles:
            person.tap(tiles[0])
            settle()
            if window.current.name == "answers":
                person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]
                settle()
            return
        person.tap(window.who.next_button)
    raise AssertionError(f"{name} is not on Who are you?")


def staff_sign_in(person: Person, window: MainWindow, name: str, pin: str) -> StaffRoomScreen:
    """The discreet Staff button on Home, a name, a PIN: the staff room."""
    window.go_home()
    person.tap(window.home.staff_button)
    screen = window.staff_sign_in
    assert window.current is screen
    [button] = [b for b in screen.name_buttons if b.words == name]
    person.tap(button)
    person.type_pin(screen.pin_pad, pin)
    room = window.current
    assert isinstance(room, StaffRoomScreen), room.name
    return room


def offered(room: StaffRoomScreen) -> set[str]:
    return {name for name, button in room.tool_buttons.items() if button.isVisible()}


def coordinator(services: Services) -> Actor:
    demo = next(member for member in STAFF if member.role == "coordinator")
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


# -- Home -----------------------------------------------------------------------------------


def test_each_of_homes_six_tasks_opens_its_screen(
    kiosk: tuple[MainWindow, Services], person: Person
) -> None:
    window, _ = kiosk
    assert set(window.home.task_buttons) == set(HOME_TASKS)
    for name, kind in HOME_TASKS.items():
        window.sign_out()  # nobody at the kiosk: each task starts from an empty Home
        person.tap(window.home.task_buttons[name])
        settle()
        if name in RESIDENT_SCREENS or name in PRIVATE_SCREENS:
            assert window.current.name == "who", f"{name}: Who are you? comes first"
            choose_face(person, window, "Margaret")
        if name in PRIVATE_SCREENS:
            assert window.current.name == "private-pin", f"{name}: her PIN comes next"
            person.type_pin(window.private_pin.pin_pad, MARGARET_PIN)
            settle()
        screen = window.current
        assert isinstance(screen, kind), f"{name} opened {screen.name}"
        assert screen.name == name and screen.isVisible()
        assert window.home_button.isVisible() and window.back_button.isVisible()
    window.sign_out()


# -- the staff room -------------------------------------------------------------------------


def test_each_coordinator_tool_opens_its_screen(
    kiosk: tuple[MainWindow, Services], person: Person
) -> None:
    window, _ = kiosk
    room = staff_sign_in(person, window, *COORDINATOR)
    assert offered(room) == set(COORDINATOR_TOOLS)
    for name, kind in COORDINATOR_TOOLS.items():
        person.tap(room.tool_buttons[name])
        settle()
        screen = window.current
        assert isinstance(screen, kind), f"{name} opened {screen.name}"
        assert screen.name == name and window.staff_actor is not None
        assert screen.problem.text() == "", f"{name}: {screen.problem.text()}"
        person.tap(window.back_button)
        settle()
        assert window.current is room, f"Back from {name} went to {window.current.name}"


def test_the_kitchens_staff_room_has_no_activity_tools(
    kiosk: tuple[MainWindow, Services], person: Person
) -> None:
    window, _ = kiosk
    room = staff_sign_in(person, window, *KITCHEN)
    assert offered(room) == KITCHEN_TOOLS
    assert not offered(room) & set(COORDINATOR_TOOLS)


# -- from a closed vote to the week -----------------------------------------------------------


def test_a_closed_votes_winner_is_planned_into_the_week(
    kiosk: tuple[MainWindow, Services], person: Person
) -> None:
    window, services = kiosk
    staff = coordinator(services)
    closed = next(p for p in services.polls.all_polls(staff) if p.question == CLOSED_POLL)
    room = staff_sign_in(person, window, *COORDINATOR)
    person.tap(room.tool_buttons["polls"])
    polls = window.current
    assert isinstance(polls, PollsScreen)
    while all(row.poll_id != closed.id for row in polls.rows):
        assert polls.next_page_button.isEnabled(), "the closed vote is on no page"
        person.tap(polls.next_page_button)
    [row] = [row for row in polls.rows if row.poll_id == closed.id]
    person.tap(row)
    assert polls.poll is not None and polls.poll.id == closed.id
    assert polls.plan_button.isVisible(), "a closed vote with a winner can be planned"
    assert polls.plan_button.words == "Plan it in the week"

    person.tap(polls.plan_button)
    settle()
    planner = window.current
    assert isinstance(planner, WeekPlannerScreen)
    assert planner.view is View.ADD and planner.problem.text() == ""
    editor = planner.editor
    assert editor.source is SlotSource.POLL
    assert editor.choice is not None and editor.choice.key == closed.id
    assert editor.choice.title == "Gardening club"
    day, _, _ = editor.times.when()
    before = {slot.id for slot in services.schedule.week(staff, monday_of(day))}

    person.tap(planner.save_button)
    settle()
    assert planner.problem.text() == "" and planner.view is View.WEEK
    [slot] = [s for s in services.schedule.week(staff, monday_of(day)) if s.id not in before]
    assert (slot.title, slot.source, slot.poll_id) == ("Gardening club", SlotSource.POLL, closed.id)
    assert slot.starts_at.astimezone(services.week.home_zone()).date() == day
    assert slot.id in planner.slot_cards  # and the week shown has it
    # Back from the planner goes back to Polls, where she came from, not the staff room.
    person.tap(window.back_button)
    settle()
    assert window.current is polls and polls.view == LIST
