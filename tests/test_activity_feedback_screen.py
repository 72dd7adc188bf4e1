"""What residents said, for the coordinator: the real window, the real schedule service and
the demo home's SQLite file. The numbers on screen are checked against the rows in the
database (counted here with SQL, not by the service), the residents' words are shown
exactly, and a member of the kitchen is refused in words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.schedule import FeedbackFace
from kiosk.domain.week import monday_of
from kiosk.services.schedule import ScheduleService
from kiosk.storage import models
from kiosk.storage.database import Database, DatabaseKind, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.activity_feedback_screen import (
    BY_ACTIVITY,
    BY_WEEK,
    ActivityFeedbackScreen,
)
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person
from tests.helpers.shell import kiosk_window, settle

HOME_ZONE = ZoneInfo("Europe/London")
SIZES = [(1280, 800), (1920, 1080)]
NOT_ALLOWED = "Sorry, you are not allowed to do that."
HOSTILE = "<b>Loud</b> & </para> 🎂 ਬਹੁਤ ਵਧੀਆ حفلة"


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        yield window, services


@pytest.fixture
def same_file(demo_dir: Path) -> Iterator[Database]:
    """The kiosk's database file, opened a second time (as the office PC would)."""
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield database
    database.dispose()


def staff(services: Services, role: str) -> Actor:
    demo = next(member for member in STAFF if member.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def open_screen(window: MainWindow, services: Services, role: str) -> ActivityFeedbackScreen:
    """Sign in as staff and open the screen, as the window builds it."""
    window.on_staff_signed_in(staff(services, role))
    window.open_screen("activity-feedback")
    settle()
    screen = window.current
    assert isinstance(screen, ActivityFeedbackScreen)
    return screen


def card_lines(card: QFrame) -> list[str]:
    return [label.text() for label in card.findChildren(QLabel)]


def faces_line(good: int, all_right: int, not_good: int) -> str:
    return f"Good: {good}   All right: {all_right}   Not good: {not_good}"


def said_line(count: int) -> str:
    if count == 0:
        return "Nobody has said how it went yet."
    return f"{count} resident{'s' if count != 1 else ''} said how it went."


def last_weeks_slots(database: Database, monday: date) -> list[tuple[int, str, datetime]]:
    """(id, title, start) of last week's slots that happened, in time order, by SQL."""
    start = datetime.combine(monday - timedelta(days=7), time.min, HOME_ZONE)
    end = datetime.combine(monday, time.min, HOME_ZONE)
    with database.sessions() as session:
        rows = session.execute(
            select(models.ScheduleSlot.id, models.Activity.title, models.ScheduleSlot.starts_at)
            .join(models.Activity, models.Activity.id == models.ScheduleSlot.activity_id)
            .where(
                models.ScheduleSlot.starts_at >= start,
                models.ScheduleSlot.starts_at < end,
                models.ScheduleSlot.status != "cancelled",
            )
            .order_by(models.ScheduleSlot.starts_at, models.ScheduleSlot.id)
        ).all()
    return [(slot_id, title, starts.astimezone(HOME_ZONE)) for slot_id, title, starts in rows]


def faces_of(database: Database, slot_ids: list[int]) -> tuple[Counter[int], set[int]]:
    """How many of each face (1 to 3) these slots were given, and by whom."""
    with database.sessions() as session:
        rows = session.execute(
            select(models.Feedback.face, models.Feedback.resident_id).where(
                models.Feedback.slot_id.in_(slot_ids)
            )
        ).all()
    return Counter(face for face, _ in rows), {resident for _, resident in rows}


def came_to(database: Database, slot_id: int) -> int:
    with database.sessions() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(models.Attendance)
                .where(models.Attendance.slot_id == slot_id)
            )
            or 0
        )


def test_last_week_shows_the_faces_words_and_who_came(
    kiosk: tuple[MainWindow, Services], person: Person, same_file: Database
) -> None:
    window, services = kiosk
    screen = open_screen(window, services, "coordinator")
    monday = monday_of(services.week.today())
    assert screen.mode == BY_WEEK and not screen.problem.isVisible()
    assert screen.week_label.text() == f"The week of {window.words.day_and_date(monday)}"
    assert not screen.this_week_button.isEnabled()
    person.tap(screen.previous_week_button)
    assert screen.week_label.text() == (
        f"The week of {window.words.day_and_date(monday - timedelta(days=7))}"
    )
    slots = last_weeks_slots(same_file, monday)
    total, *cards = screen.cards
    assert len(cards) == len(slots) > 10
    for card, (slot_id, title, starts) in zip(cards, slots, strict=True):
        lines = card_lines(card)
        day = window.words.day_and_date(starts.date())
        assert lines[0] == f"{title}: {day}, {window.words.clock_time(starts)}"
        faces, people = faces_of(same_file, [slot_id])
        assert lines[1:4] == [
            faces_line(faces[3], faces[2], faces[1]),
            said_line(len(people)),
            f"{came_to(same_file, slot_id)} came (recorded by staff).",
        ]
    faces, people = faces_of(same_file, [slot_id for slot_id, _, _ in slots])
    came = sum(came_to(same_file, slot_id) for slot_id, _, _ in slots)
    assert card_lines(total)[:4] == [
        "This week altogether",
        faces_line(faces[3], faces[2], faces[1]),
        said_line(len(people)),
        f"{came} came in all, where staff recorded who came.",
    ]
    quiz = next(card for card in cards if card_lines(card)[0].startswith("Quiz:"))
    assert card_lines(quiz)[4:] == [
        "What residents wrote:",
        "Mr Patel (Good): Our team won! Harder questions next time.",
    ]
    assert "Bill (Not good): Could not hear the music." in card_lines(total)
    # And back to this week.
    person.tap(screen.this_week_button)
    assert screen.monday == monday


def test_an_activity_time_after_time(
    kiosk: tuple[MainWindow, Services], person: Person, same_file: Database
) -> None:
    window, services = kiosk
    screen = open_screen(window, services, "coordinator")
    person.tap(screen.activity_mode_button)
    assert screen.mode == BY_ACTIVITY and screen.choose_label.isVisible()
    assert not screen.cards
    titles = [button.words for button in screen.activity_buttons.values()]
    assert "Quiz" in titles and "Gardening club" in titles
    quiz = next(a for a in screen.activity_list if a.title == "Quiz")
    person.tap(screen.activity_buttons[quiz.id])
    assert screen.activity_label.text() == "Quiz"
    total, *cards = screen.cards
    assert card_lines(total)[0] == "Every time altogether"
    monday = monday_of(services.week.today())
    last_quiz = next(s for s in last_weeks_slots(same_file, monday) if s[1] == "Quiz")
    last = cards[-1]  # newest first: last week's is the oldest
    starts = last_quiz[2]
    assert card_lines(last)[0] == (
        f"{window.words.day_and_date(starts.date())}, {window.words.clock_time(starts)}"
    )
    faces, people = faces_of(same_file, [last_quiz[0]])
    assert card_lines(last)[1:3] == [
        faces_line(faces[3], faces[2], faces[1]),
        said_line(len(people)),
    ]
    # Back goes to the list of activities, then leaves.
    person.tap(window.back_button)
    assert screen.activity is None and screen.choose_label.isVisible() and not screen.cards
    person.tap(window.back_button)
    assert window.current is not screen


def test_the_kitchen_is_refused_in_words(
    kiosk: tuple[MainWindow, Services], person: Person
) -> None:
    window, services = kiosk
    screen = open_screen(window, services, "kitchen")
    assert screen.problem.isVisible() and screen.problem.text() == NOT_ALLOWED
    assert not screen.cards and not screen.empty_label.isVisible()
    person.tap(screen.previous_week_button)
    assert screen.problem.text() == NOT_ALLOWED and not screen.cards
    person.tap(screen.activity_mode_button)  # the activities are no secret
    assert screen.activity_buttons and not screen.problem.isVisible()
    person.tap(next(iter(screen.activity_buttons.values())))
    assert screen.problem.text() == NOT_ALLOWED and not screen.cards


def test_residents_words_are_shown_exactly(
    kiosk: tuple[MainWindow, Services], person: Person, same_file: Database
) -> None:
    window, services = kiosk
    monday = monday_of(services.week.today())
    slot = services.schedule.week(staff(services, "coordinator"), monday)[0]
    margaret = next(r for r in services.residents.list_active() if r.preferred_name == "Margaret")
    kiosk_in_the_lounge = ScheduleService(same_file.sessions)
    kiosk_in_the_lounge.give_feedback(
        Actor.resident(margaret.id),
        slot.id,
        FeedbackFace.NOT_GOOD,
        HOSTILE,
        now=slot.ends_at + timedelta(hours=1),
    )
    screen = open_screen(window, services, "coordinator")
    card = next(c for c in screen.cards[1:] if card_lines(c)[0].startswith(slot.title))
    line = next(label for label in card.findChildren(QLabel) if HOSTILE in label.text())
    assert line.text() == f"Margaret (Not good): {HOSTILE}"
    assert line.textFormat() == Qt.TextFormat.PlainText


def test_a_week_with_nothing_finished_says_so(
    kiosk: tuple[MainWindow, Services], person: Person
) -> None:
    window, services = kiosk
    screen = open_screen(window, services, "coordinator")
    person.tap(screen.next_week_button)
    assert screen.empty_label.isVisible()
    assert screen.empty_label.text() == (
        "Nothing has finished this week yet, so there is nothing to show."
    )
    assert not screen.cards
    assert screen.this_week_button.isEnabled()


@pytest.mark.parametrize("scale", [100, 200])
def test_it_fits_both_screens(qtbot: QtBot, demo_dir: Path, scale: int) -> None:
    person = Person(qtbot)
    problems: list[str] = []
    with kiosk_window(demo_dir, text_scale=scale) as (window, services):
        for width, height in SIZES:
            window.resize(width, height)

            def check(what: str, width: int = width, height: int = height) -> None:
                settle()
                assert (window.width(), window.height()) == (width, height)
                problems.extend(
                    f"{what} {width}x{height} {scale}%: {problem}"
                    for problem in layout_problems(window, window.theme.metrics)
                )

            screen = open_screen(window, services, "coordinator")
            person.tap(screen.previous_week_button)
            check("last week")
            screen.scroll.verticalScrollBar().setValue(screen.scroll.verticalScrollBar().maximum())
            check("last week, scrolled down")
            person.tap(screen.activity_mode_button)
            check("activities")
            person.tap(next(iter(screen.activity_buttons.values())))
            check("one activity")
            window.sign_out()
            screen = open_screen(window, services, "kitchen")
            check("refused")
            window.sign_out()
    assert problems == []
