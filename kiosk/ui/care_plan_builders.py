"""Builders for the care-plan screens staff use: listed by name in
:data:`CARE_PLAN_BUILDERS` (the resident's own "My care plan" is in screen_builders)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screen import Screen


def build_talk_requests(window: MainWindow) -> Screen:
    from kiosk.ui.screens.talk_requests_screen import TalkRequestsScreen

    data = window.home_data()
    zone = data.home_zone()  # read once: each reading opens a session
    return TalkRequestsScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        talk=data.care_plan_talk,
        now=lambda: datetime.now(zone),
    )


def build_care_plans(window: MainWindow) -> Screen:
    from kiosk.ui.screens.care_plans_screen import CarePlansScreen

    data = window.home_data()
    screen = CarePlansScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        care_plans=data.care_plans,
        staff_name=lambda: window.staff_name,
        today=data.today,
        home_zone=data.home_zone,
    )

    def print_it(resident_id: int) -> None:
        """The resident's own copy, in their language, printed off the GUI thread."""
        actor = window.staff_actor
        if actor is None:
            return
        printer = data.printer
        language = data.residents.get(resident_id).language or window.words.language
        if not window.print_jobs.start(lambda: printer.care_plan(actor, resident_id, language)):
            window.show_notice(window.words.gettext("Still printing the last one. Please wait."))

    screen.print_requested.connect(print_it)
    return screen


CARE_PLAN_BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "care-plans": build_care_plans,
    "talk-requests": build_talk_requests,
}
