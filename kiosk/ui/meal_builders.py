"""How the meal screens are built and wired to the window: residents' "Suggest a meal" and
"You said, we did", and the kitchen's inbox, dishes and menu planner (with printing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


def build_suggest_meal(window: MainWindow) -> Screen:
    from kiosk.ui.screens.suggest_meal_screen import SuggestMealScreen

    data = window.home_data()
    screen = SuggestMealScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        ideas=data.suggestions,
        dishes=data.menus,
        signed_in=lambda: window.resident,
    )
    screen.say.connect(window.read_words)
    screen.home_chosen.connect(window.go_home)
    return screen


def build_answers(window: MainWindow) -> Screen:
    from kiosk.ui.screens.answers_screen import AnswersScreen

    screen = AnswersScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        answers=window.home_data().suggestions,
        idea_answers=window.home_data().ideas,
        signed_in=lambda: window.resident,
    )
    screen.finished.connect(window.after_answers)
    return screen


def build_kitchen_inbox(window: MainWindow) -> Screen:
    from kiosk.ui.records_builders import print_poster_on_request
    from kiosk.ui.screens.kitchen_inbox_screen import KitchenInboxScreen

    data = window.home_data()
    screen = KitchenInboxScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        suggestions=data.suggestions,
        dishes=data.menus,
        today=data.today,
    )
    return print_poster_on_request(window, screen)


def build_dishes(window: MainWindow) -> Screen:
    from kiosk.ui.screen_builders import choose_photo
    from kiosk.ui.screens.dishes_screen import DishesScreen

    return DishesScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        kitchen=window.home_data().menus,
        choose_photo=lambda: choose_photo(window),
    )


def build_menu_planner(window: MainWindow) -> Screen:
    from kiosk.ui.screens.menu_planner_screen import MenuPlannerScreen

    data = window.home_data()
    screen = MenuPlannerScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        menus=data.menus,
        today=data.today,
    )

    def print_it(day: date, kind: str) -> None:
        actor = window.staff_actor
        if actor is None:
            return
        language = window.words.language
        make = data.printer.menu_card if kind == "card" else data.printer.menu_week
        if not window.print_jobs.start(lambda: make(actor, day, language)):
            window.show_notice(window.words.gettext("Still printing the last one. Please wait."))

    screen.print_requested.connect(print_it)
    return screen


MEAL_BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "suggest-meal": build_suggest_meal,
    "answers": build_answers,
    "kitchen-inbox": build_kitchen_inbox,
    "dishes": build_dishes,
    "menu-planner": build_menu_planner,
}
