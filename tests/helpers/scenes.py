"""Each screen reached the way a person reaches it, on the demo home: for layout checks
and for screenshots (scripts/take_screenshots.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.enums import Course
from kiosk.domain.meals import AnswerKind
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.how_was_it_screen import HowWasItScreen
from kiosk.ui.screens.kitchen_inbox_screen import KitchenInboxScreen
from kiosk.ui.screens.my_care_plan_screen import MyCarePlanScreen
from kiosk.ui.screens.residents_screen import ResidentsScreen
from kiosk.ui.screens.suggest_idea_screen import SuggestIdeaScreen
from kiosk.ui.screens.suggest_meal_screen import SuggestMealScreen
from kiosk.ui.screens.vote_screen import VoteScreen

Scene = Callable[[MainWindow, Services], None]


def as_resident(window: MainWindow, services: Services, name: str) -> None:
    chosen = next(r for r in services.residents.list_active() if r.preferred_name == name)
    window.sign_in(chosen.id)


def as_staff(window: MainWindow, services: Services, role: str) -> None:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    window.on_staff_signed_in(services.staff.sign_in(member.id, demo.pin))


def care_plan_of(name: str) -> Scene:
    def go(window: MainWindow, services: Services) -> None:
        as_resident(window, services, name)
        window.open_screen("my-care-plan")

    return go


def staff_tool(name: str, role: str = "manager") -> Scene:
    def go(window: MainWindow, services: Services) -> None:
        as_staff(window, services, role)
        if name != "staff-room":
            window.open_screen(name)

    return go


def evidence_worked_out(window: MainWindow, services: Services) -> None:
    """The evidence report, once its worker has brought the last 3 months to the screen."""
    staff_tool("evidence")(window, services)
    deadline = time.monotonic() + 30
    while getattr(window.current, "working", False) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    settled = time.monotonic() + 0.2  # the report's cards, laid out
    while time.monotonic() < settled:
        QApplication.processEvents()
        time.sleep(0.01)


def staff_pin(window: MainWindow, services: Services) -> None:
    window.open_staff_tools()
    demo = next(person for person in STAFF if person.role == "manager")
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    window.staff_sign_in.choose(member.id)


def plan_page(page: int, *, confirm: bool = False) -> Scene:
    """Mrs Kaur (her plan is open to her) on one page of her plan and, with ``confirm``,
    just after saying "Yes, that's right". (Not Margaret: another scene rests her PIN.)"""

    def go(window: MainWindow, services: Services) -> None:
        care_plan_of("Mrs Kaur")(window, services)
        screen = window.current
        assert isinstance(screen, MyCarePlanScreen)
        if screen.outcomes.shown:
            screen.outcomes.thank_you_button.click()
        screen.book.show_page(page)
        if confirm:
            screen.book.yes_button.click()

    return go


def pin_resting(window: MainWindow, services: Services) -> None:
    """Margaret after five wrong PINs: the longest words the PIN screen shows."""
    care_plan_of("Margaret")(window, services)
    for wrong in ("1111", "2222", "3333", "4444", "5555"):
        window.private_pin.pin_pad.pin_entered.emit(wrong)


def pin_wrong(window: MainWindow, services: Services) -> None:
    care_plan_of("Margaret")(window, services)
    window.private_pin.pin_pad.pin_entered.emit("1111")


def resident_form_typing(window: MainWindow, services: Services) -> None:
    """The manager adding a resident, with the on-screen keyboard up under the form."""
    staff_tool("residents")(window, services)
    screen = window.screen("residents")
    assert isinstance(screen, ResidentsScreen)
    screen.add_button.click()
    screen.preferred_name_edit.setFocus()


def suggest_meal(step: str) -> Scene:
    """Margaret suggesting a lunch: the dishes, typing, or hearing it read back."""

    def go(window: MainWindow, services: Services) -> None:
        as_resident(window, services, "Margaret")
        if window.current.name == "answers":
            window.after_answers()
        window.open_screen("suggest-meal")
        screen = window.current
        assert isinstance(screen, SuggestMealScreen)
        if step == "meal":
            return
        screen.meal_grid.chosen.emit("lunch")
        if step == "typing":
            screen.type_button.click()
            screen.dish_typing.line_edit.setText("fish")
        elif step == "confirm":
            dish = next(d for d in services.menus.catalogue() if d.course is Course.MAIN)
            screen.dish_grid.chosen.emit(f"dish:{dish.id}")

    return go


def answers_for(name: str) -> Scene:
    def go(window: MainWindow, services: Services) -> None:
        as_resident(window, services, name)

    return go


def kitchen_answer(window: MainWindow, services: Services) -> None:
    staff_tool("kitchen-inbox", "kitchen")(window, services)
    screen = window.current
    assert isinstance(screen, KitchenInboxScreen)
    first = next(iter(screen.idea_buttons))
    screen.idea_buttons[first].click()
    screen.kind_buttons[AnswerKind.ON_MENU].click()


def vote(step: str) -> Scene:
    """Margaret voting: the votes, one open vote's choices, or a closed vote's results."""

    def go(window: MainWindow, services: Services) -> None:
        as_resident(window, services, "Margaret")
        if window.current.name == "answers":
            window.after_answers()
        window.open_screen("vote")
        screen = window.current
        assert isinstance(screen, VoteScreen)
        if step == "list":
            return
        viewer = Actor.resident(screen_resident(window))
        if step == "choose":
            poll = services.polls.polls_open(viewer)[0]
            screen.poll_grid.chosen.emit(f"open:{poll.id}")
        else:
            poll = services.polls.polls_closed(viewer)[0]
            screen.poll_grid.chosen.emit(f"closed:{poll.id}")

    return go


def how_was_it(step: str) -> Scene:
    """Margaret saying how an activity went: the activities, or the faces for one."""

    def go(window: MainWindow, services: Services) -> None:
        as_resident(window, services, "Margaret")
        if window.current.name == "answers":
            window.after_answers()
        window.open_screen("how-was-it")
        screen = window.current
        assert isinstance(screen, HowWasItScreen)
        if step == "faces" and screen.slots:
            screen.activity_grid.chosen.emit(str(screen.slots[0].slot_id))

    return go


def suggest_idea(step: str) -> Scene:
    """Margaret sharing an idea: what it is about, or the activities to choose from."""

    def go(window: MainWindow, services: Services) -> None:
        as_resident(window, services, "Margaret")
        if window.current.name == "answers":
            window.after_answers()
        window.open_screen("suggest-idea")
        screen = window.current
        assert isinstance(screen, SuggestIdeaScreen)
        if step == "activity":
            screen.topic_grid.chosen.emit("activity")

    return go


def screen_resident(window: MainWindow) -> int:
    assert window.resident is not None
    return window.resident.id


SCENES: dict[str, Scene] = {
    "home": lambda window, services: None,
    "home-signed-in": lambda window, services: as_resident(window, services, "Margaret"),
    "private-pin": care_plan_of("Margaret"),
    "private-pin-wrong": pin_wrong,
    "private-pin-resting": pin_resting,
    "staff-help": care_plan_of("Dai"),
    "my-care-plan": care_plan_of("Mrs Kaur"),
    "my-care-plan-thanks": plan_page(1, confirm=True),
    "my-care-plan-goals": plan_page(7),
    "my-care-plan-none": care_plan_of("Joan"),
    "staff-sign-in": lambda window, services: window.open_staff_tools(),
    "staff-pin": staff_pin,
    "staff-room": staff_tool("staff-room"),
    "staff-room-carer": staff_tool("staff-room", "carer"),
    "residents": staff_tool("residents"),
    "residents-typing": resident_form_typing,
    "staff-list": staff_tool("staff-list"),
    "audit": staff_tool("audit"),
    "backups": staff_tool("backups"),
    "evidence": evidence_worked_out,
    "suggest-meal": suggest_meal("meal"),
    "suggest-meal-dish": suggest_meal("dish"),
    "suggest-meal-typing": suggest_meal("typing"),
    "suggest-meal-confirm": suggest_meal("confirm"),
    "answers": answers_for("Mr Patel"),
    "kitchen-inbox": staff_tool("kitchen-inbox", "kitchen"),
    "kitchen-answer": kitchen_answer,
    "dishes": staff_tool("dishes", "kitchen"),
    "menu-planner": staff_tool("menu-planner", "kitchen"),
    "staff-room-coordinator": staff_tool("staff-room", "coordinator"),
    "suggest-idea": suggest_idea("topic"),
    "suggest-idea-activity": suggest_idea("activity"),
    "answers-idea": answers_for("Pat"),
    "vote": vote("list"),
    "vote-choose": vote("choose"),
    "vote-results": vote("results"),
    "how-was-it": how_was_it("list"),
    "how-was-it-faces": how_was_it("faces"),
    "ideas-inbox": staff_tool("ideas-inbox", "coordinator"),
    "polls": staff_tool("polls", "coordinator"),
    "week-planner": staff_tool("week-planner", "coordinator"),
    "activity-feedback": staff_tool("activity-feedback", "coordinator"),
    "talk-requests": staff_tool("talk-requests", "carer"),
    "care-plans": staff_tool("care-plans", "carer"),
}
