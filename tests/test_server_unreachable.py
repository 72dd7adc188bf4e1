"""When the home's PostgreSQL server cannot be reached (issue #10): the resident sees a
clear message in plain words where the kiosk shows any problem, what they entered stays on
screen, and it is sent once, and only once, when they try again after the server is back.
A screen that cannot even be read takes them Home with words that say why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.app import Services, _recover_from_unexpected_errors
from kiosk.domain.errors import ConnectionLost
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.suggest_meal_screen import CONFIRM, THANKS, SuggestMealScreen
from tests.conftest import postgres_copy
from tests.helpers.person import CountingPerson
from tests.helpers.postgres import PostgresServer
from tests.helpers.shell import kiosk_window, settle

LOST_WORDS = "cannot reach the home's computer"


@pytest.fixture
def shared_kiosk(
    qtbot: QtBot, demo_dir: Path, postgres_server: PostgresServer, postgres_demo_home: str
) -> Iterator[tuple[MainWindow, Services]]:
    """The kiosk on a copy of the demo home kept on the PostgreSQL server."""
    with (
        postgres_copy(postgres_server, postgres_demo_home) as url,
        kiosk_window(demo_dir, database_url=url) as (window, services),
    ):
        yield window, services


@pytest.fixture
def server_down(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """Call ``halt()`` to take the server away; it is always started again afterwards."""
    yield postgres_server
    if not (postgres_server.data_dir / "postmaster.pid").exists():
        postgres_server.start()


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def test_words_typed_while_the_server_is_away_stay_and_are_sent_once_it_is_back(
    qtbot: QtBot,
    shared_kiosk: tuple[MainWindow, Services],
    server_down: PostgresServer,
) -> None:
    window, services = shared_kiosk
    person = CountingPerson(qtbot)
    dot = resident_id(services, "Dot")
    window.sign_in(dot)
    settle()
    if window.current.name == "answers":
        person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]
    person.tap(window.home.task_buttons["suggest-meal"])
    screen = window.current
    assert isinstance(screen, SuggestMealScreen)
    person.tap(screen.meal_grid.buttons["supper"])
    person.tap(screen.type_button)
    qtbot.keyClicks(screen.dish_typing.line_edit, "Welsh rarebit & <leeks>")
    screen.dish_typing.done.emit()
    assert screen.step == CONFIRM

    server_down.halt()
    person.tap(screen.send_button)
    assert screen.step == CONFIRM  # still here, with the words
    assert screen.problem.isVisible() and LOST_WORDS in screen.problem.text()
    assert "Welsh rarebit & <leeks>" in screen.summary.text()
    assert screen.send_button.isEnabled()
    person.tap(screen.send_button)  # a second try while it is still away: the same words
    assert screen.step == CONFIRM and LOST_WORDS in screen.problem.text()

    server_down.start()
    person.tap(screen.send_button)
    assert screen.step == THANKS
    kitchen = services.staff.sign_in(3, "6053")
    titles = [idea.title for idea in services.suggestions.inbox(kitchen) if idea.resident_id == dot]
    assert titles.count("Welsh rarebit & <leeks>") == 1


@pytest.mark.qt_no_exception_capture
def test_a_screen_that_cannot_be_read_takes_the_resident_home_with_words(
    qtbot: QtBot,
    shared_kiosk: tuple[MainWindow, Services],
    server_down: PostgresServer,
) -> None:
    window, services = shared_kiosk
    _recover_from_unexpected_errors(window)
    ron = resident_id(services, "Ron")
    server_down.halt()

    def choose_a_face() -> None:
        window.sign_in(ron)

    QTimer.singleShot(0, choose_a_face)
    qtbot.waitUntil(lambda: window.home.message.isVisibleTo(window), timeout=5000)
    assert window.current is window.home and window.isVisible()
    assert LOST_WORDS in window.home.message.text()
    assert "Traceback" not in window.home.message.text()
    with pytest.raises(ConnectionLost):
        services.residents.list_active()
    server_down.start()
    window.sign_in(ron)  # back: the same kiosk carries on
    settle()
    assert window.resident is not None and window.resident.id == ron
