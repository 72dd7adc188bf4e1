"""How the activity screens are built and wired to the window: residents' "Share an idea",
"Vote" and "How was it?", and the coordinator's ideas inbox, polls, week planner and
feedback (with printing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


def _home_now(window: MainWindow) -> Callable[[], datetime]:
    """The time now on the home's clock (its time zone, not the machine's)."""
    zone = window.home_data().home_zone()  # read once: each reading opens a session
    return lambda: datetime.now(zone)


def build_suggest_idea(window: MainWindow) -> Screen:
    from kiosk.ui.screens.suggest_idea_screen import SuggestIdeaScreen

    data = window.home_data()
    screen = SuggestIdeaScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        ideas=data.ideas,
        activities=data.schedule,
        signed_in=lambda: window.resident,
    )
    screen.say.connect(window.read_words)
    screen.home_chosen.connect(window.go_home)
    return screen


def build_vote(window: MainWindow) -> Screen:
    from kiosk.ui.screens.vote_screen import VoteScreen

    data = window.home_data()
    screen = VoteScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        polls=data.polls,
        signed_in=lambda: window.resident,
        home_zone=data.home_zone,
    )
    screen.say.connect(window.read_words)
    screen.home_chosen.connect(window.go_home)
    return screen


def build_how_was_it(window: MainWindow) -> Screen:
    from kiosk.ui.screens.how_was_it_screen import HowWasItScreen

    screen = HowWasItScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        schedule=window.home_data().schedule,
        signed_in=lambda: window.resident,
    )
    screen.say.connect(window.read_words)
    screen.home_chosen.connect(window.go_home)
    return screen


def build_activity_feedback(window: MainWindow) -> Screen:
    from kiosk.ui.screens.activity_feedback_screen import ActivityFeedbackScreen

    data = window.home_data()
    return ActivityFeedbackScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        schedule=data.schedule,
        today=data.today,
    )


def build_week_planner(window: MainWindow) -> Screen:
    from kiosk.ui.screens.week_planner_screen import WeekPlannerScreen

    data = window.home_data()
    screen = WeekPlannerScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        schedule=data.schedule,
        polls=data.polls,
        ideas=data.ideas,
        residents=data.residents,
        today=data.today,
        home_zone=data.home_zone,
    )

    def print_it(day: date, kind: str) -> None:
        actor = window.staff_actor
        if actor is None:
            return
        language = window.words.language
        printer = data.printer
        if kind == "today":
            started = window.print_jobs.start(lambda: printer.today_poster(actor, day, language))
        else:  # "a4" or "a3"
            started = window.print_jobs.start(
                lambda: printer.schedule_week(actor, day, kind, language)
            )
        if not started:
            window.show_notice(window.words.gettext("Still printing the last one. Please wait."))

    screen.print_requested.connect(print_it)
    return screen


def build_polls(window: MainWindow) -> Screen:
    from kiosk.ui.screens.polls_screen import PollsScreen

    data = window.home_data()
    screen = PollsScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        polls=data.polls,
        activities=data.schedule,
        ideas=data.ideas,
        now=_home_now(window),
    )

    def plan_it(poll_id: int) -> None:
        window.open_screen("week-planner")  # opening resets the planner to its week...
        planner = window.screen("week-planner")
        planner.plan_from_poll(poll_id)  # type: ignore[attr-defined]  # ...then the winner

    screen.plan_requested.connect(plan_it)
    return screen


def build_ideas_inbox(window: MainWindow) -> Screen:
    from kiosk.ui.records_builders import print_poster_on_request
    from kiosk.ui.screens.ideas_inbox_screen import IdeasInboxScreen

    screen = IdeasInboxScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        ideas=window.home_data().ideas,
        now=_home_now(window),
    )
    return print_poster_on_request(window, screen)


ACTIVITY_BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "suggest-idea": build_suggest_idea,
    "vote": build_vote,
    "how-was-it": build_how_was_it,
    "ideas-inbox": build_ideas_inbox,
    "activity-feedback": build_activity_feedback,
    "week-planner": build_week_planner,
    "polls": build_polls,
}
