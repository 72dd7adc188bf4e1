"""How was it? end to end on the demo home: the real window, the real schedule service and a
real SQLite file, tapped as a resident would. Counts taps (four from Home once the resident
has chosen their face), double taps, words of every kind, refusals in words, and the
screen's fit at both sizes and both text sizes.

The screen is given a clock: the Monday after the demo's week at nine in the morning, when
every activity of the demo's week has ended and nobody has yet said how it went (staff
recorded who came only last week), so every resident has the same fourteen to choose from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.schedule import FEEDBACK_WORDS_MAX, FeedbackFace, GivenFeedback, SlotToReview
from kiosk.domain.week import monday_of
from kiosk.services.schedule import ScheduleService
from kiosk.storage import models
from kiosk.storage.database import Database, DatabaseKind, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens import how_was_it_screen
from kiosk.ui.screens.how_was_it_screen import (
    CHOOSE,
    CONFIRM,
    FACE,
    NOTHING,
    THANKS,
    WORDS,
    FeedbackBox,
    HowWasItScreen,
)
from tests.helpers.layout import layout_problems
from tests.helpers.person import CountingPerson, Person
from tests.helpers.shell import kiosk_window, settle

HOME_ZONE = ZoneInfo("Europe/London")
Stored = Callable[[str, int], list[tuple[int, str | None]]]
SIZES = [(1280, 800), (1920, 1080)]
HOSTILE = [
    "<b>Lovely</b> & </para> fun",
    "Cake 🎂 and a cuppa 👵🏽",
    "ਬਹੁਤ ਵਧੀਆ ਸੀ",  # it was very good, in Gurmukhi
    "Było bardzo miło, dziękuję",
    "Roedd e'n hyfryd",
    "حفلة جميلة",  # right to left
]


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class CountingSchedule:
    """The real schedule service, counting the feedback handed to it."""

    def __init__(self, real: FeedbackBox) -> None:
        self.real = real
        self.given: list[tuple[int, FeedbackFace, str | None]] = []

    def slots_to_review(self, actor: Actor, now: datetime | None = None) -> Sequence[SlotToReview]:
        return self.real.slots_to_review(actor, now=now)

    def give_feedback(
        self,
        actor: Actor,
        slot_id: int,
        face: FeedbackFace,
        words: str | None = None,
        now: datetime | None = None,
    ) -> GivenFeedback:
        self.given.append((slot_id, face, words))
        return self.real.give_feedback(actor, slot_id, face, words, now=now)

    def feedback_reader(self, viewer: Actor) -> str | None:
        return self.real.feedback_reader(viewer)


@pytest.fixture
def person(qtbot: QtBot) -> CountingPerson:
    return CountingPerson(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        yield window, services


@pytest.fixture
def clock(kiosk: tuple[MainWindow, Services], monkeypatch: pytest.MonkeyPatch) -> Clock:
    """How was it?'s clock: nine on the Monday after the demo's week (a test may move it)."""
    clock = after_the_week(kiosk[1])
    stop_the_clock(monkeypatch, clock)
    return clock


def demo_monday(services: Services) -> date:
    return monday_of(services.week.today())


def after_the_week(services: Services) -> Clock:
    """Nine on the Monday after the demo's week."""
    day = demo_monday(services) + timedelta(days=7)
    return Clock(datetime.combine(day, time(9, 0), tzinfo=HOME_ZONE))


def stop_the_clock(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> None:
    """How was it?, made by the window's own builder at this fixed time, so that the demo's
    week has ended whatever day the tests run (the window gives the screen no clock: it
    reads the time itself). Only the clock is added; everything else is the builder's."""
    monkeypatch.setattr(how_was_it_screen, "HowWasItScreen", partial(HowWasItScreen, now=clock))


def serve_schedule(window: MainWindow, schedule: FeedbackBox) -> None:
    """Hand the window ``schedule`` (the real service, wrapped to count what is sent) in
    place of the real one, before How was it? is first built: the service is its edge."""
    assert "how-was-it" not in window.screens, "How was it? is built already"
    window.connect_home(replace(window.home_data(), schedule=schedule))  # type: ignore[arg-type]


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def sign_in(window: MainWindow, person: Person, services: Services, name: str) -> None:
    """Choose a face, and hear any answers waiting, as the resident would."""
    window.sign_in(resident_id(services, name))
    settle()
    if window.current.name == "answers":
        person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]


def open_it(window: MainWindow, person: Person) -> HowWasItScreen:
    person.tap(window.home.task_buttons["how-was-it"])
    screen = window.current
    assert isinstance(screen, HowWasItScreen)
    return screen


def coordinator(services: Services) -> Actor:
    demo = next(member for member in STAFF if member.role == "coordinator")
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


@pytest.fixture
def same_file(demo_dir: Path) -> Iterator[Database]:
    """The kiosk's database file, opened a second time (as a second kiosk would)."""
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield database
    database.dispose()


@pytest.fixture
def stored(same_file: Database) -> Stored:
    """What is in the database from a resident about a slot: (face, words) rows."""
    database = same_file

    def rows(name: str, slot_id: int) -> list[tuple[int, str | None]]:
        with database.sessions() as session:
            return [
                (face, words)
                for face, words in session.execute(
                    select(models.Feedback.face, models.Feedback.words)
                    .join(models.Resident, models.Resident.id == models.Feedback.resident_id)
                    .where(
                        models.Feedback.slot_id == slot_id,
                        models.Resident.preferred_name == name,
                    )
                )
            ]

    return rows


def first_card(screen: HowWasItScreen) -> tuple[int, QAbstractButton]:
    key, button = next(iter(screen.activity_grid.buttons.items()))
    return int(key), button


def to_confirm(screen: HowWasItScreen, person: Person, face: FeedbackFace) -> int:
    slot_id, card = first_card(screen)
    person.tap(card)
    assert screen.step == FACE
    person.tap(screen.face_buttons[face])
    assert screen.step == CONFIRM
    return slot_id


# ---------------------------------------------------------------------------------------
# Taps


@pytest.mark.usefixtures("clock")
def test_a_face_is_four_taps_from_home(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, stored: Stored
) -> None:
    window, services = kiosk
    said: list[str] = []
    sign_in(window, person, services, "Margaret")
    person.taps = 0
    screen = open_it(window, person)
    screen.say.connect(said.append)
    assert screen.step == CHOOSE
    assert 1 <= len(screen.activity_grid.buttons) <= 6
    slot_id, card = first_card(screen)
    # The newest first: Sunday's singing, which ended yesterday afternoon.
    assert card.accessibleName() == "Singing for fun\nYesterday afternoon"
    person.tap(card)
    assert screen.prompt.text() == "Singing for fun: how was it?"
    person.tap(screen.face_buttons[FeedbackFace.GOOD])
    assert screen.step == CONFIRM
    assert "You said: good." in screen.summary.text()
    assert said == [screen.summary.text()]  # read back before Send
    person.tap(screen.send_button)
    assert screen.step == THANKS
    assert person.taps == 4
    assert screen.thanks.text() == "Thank you! Priya Shah will read this."
    assert said[-1] == screen.thanks.text()
    assert stored("Margaret", slot_id) == [(3, None)]


@pytest.mark.usefixtures("clock")
def test_another_activity_offers_the_rest(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dai")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.NOT_GOOD)
    person.tap(screen.send_button)
    person.tap(screen.another_button)
    assert screen.step == CHOOSE
    assert str(slot_id) not in screen.activity_grid.buttons
    assert len(screen.activity_grid.buttons) <= 6
    person.tap(screen.activity_grid.next_button)  # the other pages are there too
    assert str(slot_id) not in screen.activity_grid.buttons


@pytest.mark.usefixtures("clock")
def test_back_goes_a_step_at_a_time_and_the_face_stays_chosen(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    screen = open_it(window, person)
    to_confirm(screen, person, FeedbackFace.ALL_RIGHT)
    person.tap(window.back_button)
    assert screen.step == FACE
    assert screen.face_buttons[FeedbackFace.ALL_RIGHT].chosen
    assert not screen.face_buttons[FeedbackFace.GOOD].chosen
    person.tap(window.back_button)
    assert screen.step == CHOOSE
    person.tap(window.back_button)
    assert window.current is window.home


@pytest.mark.usefixtures("clock")
def test_a_double_tapped_send_sends_once(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    counting = CountingSchedule(services.schedule)
    serve_schedule(window, counting)
    sign_in(window, person, services, "Margaret")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.GOOD)
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    screen._on_send_button_tapped()  # even a third press straight to the slot
    settle()
    assert counting.given == [(slot_id, FeedbackFace.GOOD, None)]
    assert screen.step == THANKS


# ---------------------------------------------------------------------------------------
# Words


@pytest.mark.parametrize("typed", HOSTILE)
@pytest.mark.usefixtures("clock")
def test_words_are_stored_exactly_as_typed(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, typed: str, stored: Stored
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Mrs Kaur")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.GOOD)
    person.tap(screen.add_words_button)
    assert screen.step == WORDS
    screen.words_typing.line_edit.setText(typed)  # as the on-screen keyboard leaves it
    screen.words_typing.done.emit()
    assert screen.step == CONFIRM
    assert screen.summary.textFormat() == Qt.TextFormat.PlainText
    assert typed in screen.summary.text()  # Mrs Kaur's screen speaks Punjabi
    assert screen.add_words_button.words == window.words.gettext("Change my words")
    person.tap(screen.send_button)
    assert screen.step == THANKS
    assert stored("Mrs Kaur", slot_id) == [(3, typed)]


@pytest.mark.usefixtures("clock")
def test_ten_thousand_characters_are_refused_in_words_and_kept(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, stored: Stored
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Joan")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.GOOD)
    person.tap(screen.add_words_button)
    screen.words_typing.line_edit.setText("fun " * 2500)  # 10,000 characters pasted
    screen.words_typing.done.emit()
    assert screen.step == WORDS
    assert screen.problem.isVisible()
    assert screen.problem.text() == "This is too long. Please keep it under 1000 letters."
    kept = screen.words_typing.text()
    assert len(kept) > FEEDBACK_WORDS_MAX  # nothing typed is thrown away
    # Back, and "Add some words" again: the words are still in the box, and not sent.
    person.tap(window.back_button)
    assert screen.step == CONFIRM and "Your words" not in screen.summary.text()
    person.tap(screen.add_words_button)
    assert screen.words_typing.text() == kept
    just_fits = kept[: FEEDBACK_WORDS_MAX - 1] + "!"  # cut down to the limit: it goes
    screen.words_typing.line_edit.setText(just_fits)
    screen.words_typing.done.emit()
    person.tap(screen.send_button)
    assert stored("Joan", slot_id) == [(3, just_fits)]


@pytest.mark.usefixtures("clock")
def test_signed_out_part_way_the_face_and_words_come_back(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Bill")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.NOT_GOOD)
    person.tap(screen.add_words_button)
    screen.words_typing.line_edit.setText("Could not hear the music")
    window.sign_out()  # nobody touched the screen for a while
    settle()
    assert window.current is window.home
    sign_in(window, person, services, "Dot")  # someone else first: nothing of Bill's
    screen = open_it(window, person)
    person.tap(screen.activity_grid.buttons[str(slot_id)])
    assert not any(button.chosen for button in screen.face_buttons.values())
    person.tap(window.home_button)
    sign_in(window, person, services, "Bill")
    screen = open_it(window, person)
    person.tap(screen.activity_grid.buttons[str(slot_id)])
    assert screen.face_buttons[FeedbackFace.NOT_GOOD].chosen
    person.tap(screen.face_buttons[FeedbackFace.NOT_GOOD])
    person.tap(screen.add_words_button)
    assert screen.words_typing.text() == "Could not hear the music"


# ---------------------------------------------------------------------------------------
# Nothing to say, and refusals


def test_nothing_to_say_about_is_a_kind_word_and_home(
    kiosk: tuple[MainWindow, Services], clock: Clock, person: CountingPerson
) -> None:
    window, services = kiosk
    clock.now += timedelta(days=30)  # everything is more than a week ago
    sign_in(window, person, services, "Ron")
    screen = open_it(window, person)
    assert screen.step == NOTHING
    assert screen.prompt.text() == "Nothing to say about just now. Thank you!"
    assert screen.nothing_label.isVisible()
    assert "Nothing to say about just now. Thank you!" in screen.reading_order()
    person.tap(screen.nothing_home_button)
    assert window.current is window.home


def test_too_late_is_refused_in_words_and_nothing_is_stored(
    kiosk: tuple[MainWindow, Services], clock: Clock, person: CountingPerson, stored: Stored
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Pat")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.GOOD)
    clock.now += timedelta(days=8)  # the screen was left open a long time
    person.tap(screen.send_button)
    assert screen.step == CONFIRM
    assert screen.problem.isVisible()
    assert screen.problem.text() == "It is too long ago to say how this went."
    assert screen.send_button.isEnabled()
    assert stored("Pat", slot_id) == []


def test_not_on_the_list_of_who_came_is_refused_in_words(
    kiosk: tuple[MainWindow, Services],
    clock: Clock,
    person: CountingPerson,
    stored: Stored,
    same_file: Database,
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    screen = open_it(window, person)
    slot_id = to_confirm(screen, person, FeedbackFace.GOOD)
    # Meanwhile, at the office PC, staff record who came, and Margaret is not on the list.
    office = ScheduleService(same_file.sessions, now=clock)
    office.record_attendance(coordinator(services), slot_id, [resident_id(services, "Dot")])
    person.tap(screen.send_button)
    assert screen.step == CONFIRM
    assert screen.problem.text() == (
        "Our list says you were not at this one. Please ask a member of staff if that is wrong."
    )
    # Next time, it is not offered to her; Dot still has it.
    person.tap(window.home_button)
    screen = open_it(window, person)
    assert str(slot_id) not in screen.activity_grid.buttons
    person.tap(window.home_button)
    sign_in(window, person, services, "Dot")
    screen = open_it(window, person)
    assert first_card(screen)[0] == slot_id


def test_when_words_name_the_day_as_people_say_it(
    kiosk: tuple[MainWindow, Services], clock: Clock, person: CountingPerson
) -> None:
    """On a Thursday at noon: this morning, yesterday, the days of this week, and the same
    day a week ago is "last Thursday"."""
    window, services = kiosk
    thursday = demo_monday(services) + timedelta(days=3)
    clock.now = datetime.combine(thursday, time(12), tzinfo=HOME_ZONE)
    sign_in(window, person, services, "Mr Patel")
    screen = open_it(window, person)

    def when(days_before: int, hour: int) -> str:
        starts = datetime.combine(thursday - timedelta(days=days_before), time(hour), HOME_ZONE)
        slot = SlotToReview(1, 1, "Quiz", "quiz", starts, starts + timedelta(hours=1), None, None)
        return screen.when_words(slot)

    assert when(0, 10) == "This morning"
    assert when(1, 14) == "Yesterday afternoon"
    assert when(1, 18) == "Yesterday evening"
    assert when(2, 10) == "Tuesday morning"
    assert when(6, 17) == "Friday evening"
    assert when(7, 18) == "Last Thursday evening"
    # The cards say it too.
    hand_massage = next(s for s in screen.slots if s.title == "Hand massage")
    card = screen.activity_grid.buttons[str(hand_massage.slot_id)]
    assert card.accessibleName() == "Hand massage\nThis morning"


# ---------------------------------------------------------------------------------------
# Every step can be heard, and fits


@pytest.mark.usefixtures("clock")
def test_every_step_can_be_heard(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    screen = open_it(window, person)
    assert screen.reading_order()[:2] == [
        "How was it?",
        "Which one would you like to say something about?",
    ]
    to_confirm(screen, person, FeedbackFace.GOOD)
    person.tap(window.back_button)
    heard = screen.reading_order()
    assert {"Good", "All right", "Not good"} <= set(heard)
    person.tap(screen.face_buttons[FeedbackFace.GOOD])
    heard = screen.reading_order()
    assert screen.summary.text() in heard and "Send" in heard and "Add some words" in heard


@pytest.mark.parametrize("scale", [100, 200])
def test_every_step_fits_both_screens(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch, scale: int
) -> None:
    person = Person(qtbot)
    problems: list[str] = []
    with kiosk_window(demo_dir, text_scale=scale) as (window, services):
        clock = after_the_week(services)
        stop_the_clock(monkeypatch, clock)
        for width, height in SIZES:
            window.resize(width, height)
            window.go_home()
            clock.now = after_the_week(services).now
            sign_in(window, person, services, "Margaret")
            screen = open_it(window, person)

            def check(step: str, width: int = width, height: int = height) -> None:
                settle()
                assert (window.width(), window.height()) == (width, height)
                problems.extend(
                    f"{step} {width}x{height} {scale}%: {problem}"
                    for problem in layout_problems(window, window.theme.metrics)
                )

            check("choose")
            to_confirm(screen, person, FeedbackFace.GOOD)
            check("confirm")
            person.tap(window.back_button)
            check("face")
            person.tap(screen.face_buttons[FeedbackFace.NOT_GOOD])
            person.tap(screen.add_words_button)
            check("words")
            screen.words_typing.line_edit.setText("Too loud, " * 100)
            screen.words_typing.done.emit()
            check("confirm with a thousand letters")
            person.tap(screen.send_button)
            check("thanks")
            person.tap(screen.home_button)
            clock.now += timedelta(days=30)
            screen = open_it(window, person)
            check("nothing")
            person.tap(screen.nothing_home_button)
            window.sign_out()
    assert problems == []
