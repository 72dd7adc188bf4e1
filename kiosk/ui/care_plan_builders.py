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


CARE_PLAN_BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "talk-requests": build_talk_requests,
}
