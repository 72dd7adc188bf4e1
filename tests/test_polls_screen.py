"""The coordinator's Polls screen, tapped as Priya (the demo home's coordinator) would, on
real widgets offscreen, with the real polls, schedule and ideas services on a copy of the
demo home. What is asserted is what the services stored and what a person sees."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.enums import BallotAnswer, PollKind, ResultsVisibility, StaffRole
from kiosk.domain.polls import NewPoll, NewPollOption, Poll
from kiosk.i18n import Words
from kiosk.storage.database import DatabaseKind, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.polls_screen import EDITOR, LIST, POLL, PollsScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.when_picker import WhenPicker, when_words
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("POLLS_SCREENS_DIR", "/tmp/polls-screens"))
NOT_ALLOWED = "Sorry, you are not allowed to do that."
C, Y, M, N = BallotAnswer.CHOSEN, BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


# -- the demo home, its people and a clock ----------------------------------------------------


class Clock:
    """The home's time now; a test moves it on by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass
class Home:
    services: Services
    clock: Clock
    coordinator: Actor
    kitchen: Actor

    def resident(self, name: str) -> Actor:
        found = next(r for r in self.services.residents.list_active() if r.preferred_name == name)
        return Actor.resident(found.id)

    def polls(self) -> list[Poll]:
        return self.services.polls.all_polls(self.coordinator)

    def poll_called(self, question: str) -> Poll:
        return next(poll for poll in self.polls() if poll.question == question)

    def activity_id(self, title: str) -> int:
        return next(
            a.id for a in self.services.schedule.activities(self.coordinator) if a.title == title
        )


def _sign_in(services: Services, role: StaffRole) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


@pytest.fixture
def home(demo_dir: Path) -> Iterator[Home]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, locale=None, environ={})
    services = Services(database, config)
    zone = services.week.home_zone()
    # A quarter past ten this morning, home time: the demo's polls opened yesterday at 9.
    start = datetime.combine(services.week.today(), time(10, 15), tzinfo=zone)
    yield Home(
        services,
        Clock(max(start, datetime.now(UTC).astimezone(zone))),
        _sign_in(services, StaffRole.COORDINATOR),
        _sign_in(services, StaffRole.KITCHEN),
    )
    database.dispose()


# -- the screen in a window, as the kiosk shows it ----------------------------------------------


def theme_at(scale: int) -> Theme:
    return Theme(STANDARD, Metrics(dpi=96, text_scale=scale))


Build = Callable[..., PollsScreen]


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(qtbot: QtBot, home: Home) -> Iterator[Build]:
    hosts: list[Host] = []  # qtbot holds its widgets weakly: these keep them alive

    def build_screen(
        *,
        signed_in: Callable[[], Actor | None] = lambda: home.coordinator,
        scale: int = 100,
        size: tuple[int, int] = (1280, 800),
    ) -> PollsScreen:
        screen = PollsScreen(
            words=Words(LOCALES, "en_GB"),
            pictures=PictureLibrary(PICTURES),
            theme=theme_at(scale),
            signed_in=signed_in,
            polls=home.services.polls,
            activities=home.services.schedule,
            ideas=home.services.ideas,
            now=home.clock,
        )
        host = Host(screen)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen


def banner(screen: PollsScreen) -> str:
    return screen.problem.text() if screen.problem.isVisible() else ""


def row_for(screen: PollsScreen, question: str) -> BigButton:
    return next(row for row in screen.rows if row.name.text() == question)  # type: ignore[return-value]


def pick(person: Person, grid: ChoiceGrid, key: str) -> None:
    """Turn the grid's pages until ``key`` is there, then touch it."""
    grid.restart()
    person.qtbot.wait(10)  # new buttons are shown on the next turn of the event loop
    while key not in grid.buttons:
        person.tap(grid.next_button)
    person.tap(grid.buttons[key])


def pick_activity(person: Person, screen: PollsScreen, home: Home, title: str) -> None:
    if screen.form.source != "activities":
        person.tap(screen.form.source_buttons["activities"])
    pick(person, screen.form.activity_grid, f"activity:{home.activity_id(title)}")


def type_choice(person: Person, screen: PollsScreen, words: str, picture: str) -> None:
    if screen.form.source != "typed":
        person.tap(screen.form.source_buttons["typed"])
    screen.form.typed_edit.setText(words)
    pick(person, screen.form.typed_picture_grid, picture)
    person.tap(screen.form.add_typed_button)


def new_poll(person: Person, screen: PollsScreen, question: str) -> None:
    person.tap(screen.new_button)
    assert screen.view == EDITOR and screen.form.isVisible()
    screen.form.question_edit.setText(question)


def save(person: Person, screen: PollsScreen) -> None:
    person.tap(screen.save_button)


def details_of(screen: PollsScreen, question: str) -> str:
    return row_for(screen, question).detail.text()  # type: ignore[attr-defined]


def cards_of(screen: PollsScreen) -> list[tuple[str, str, str]]:
    """Each choice's card: its words, its counts, and its mark ("Winner", "Tie")."""
    found = []
    for card in screen.result_cards:
        labels = [label.text() for label in card.findChildren(QLabel) if label.text()]
        title, *rest = labels
        mark = next((text for text in rest if text in {"Winner", "Tie", "Ahead so far"}), "")
        counts = next(text for text in rest if text != mark)
        found.append((title, counts, mark))
    return found


def vote(home: Home, poll: Poll, who: str, answers: dict[int, BallotAnswer]) -> None:
    home.services.polls.cast_ballot(home.resident(who), poll.id, answers, now=home.clock())


# -- making a poll ---------------------------------------------------------------------------------


def test_a_choose_one_poll_from_three_activities_and_a_residents_idea(
    build: Build, person: Person, home: Home, qtbot: QtBot
) -> None:
    screen = build()
    assert screen.title() == "Polls"
    before = len(home.polls())
    new_poll(person, screen, "")
    screen.form.question_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    assert not screen.save_bar.isVisible()  # Save steps aside for the keys
    qtbot.keyClicks(screen.form.question_edit, "What shall we do on Saturday?")
    screen.keyboard.done.emit()
    assert screen.save_bar.isVisible()
    # Defaults: choose one, results hidden, opens now, closes in 3 days at 5 pm.
    assert screen.form.kind_buttons[PollKind.CHOOSE_ONE].chosen
    assert screen.form.visibility_buttons[ResultsVisibility.AFTER_CLOSE].chosen
    assert screen.form.opens_picker.summary_label.text() == "Now"
    for title in ("Bingo", "Film afternoon", "Singing for fun"):
        pick_activity(person, screen, home, title)
    person.tap(screen.form.source_buttons["ideas"])
    # Residents' activity ideas still open or agreed; not the home's, nor those answered no.
    offered = {b.words.split("\n")[0] for b in screen.form.idea_grid.buttons.values()}
    assert offered == {"A trip to the garden centre", "A Punjabi music afternoon"}
    idea = next(i for i in home.services.ideas.inbox(home.coordinator) if "Punjabi" in i.title)
    idea_button = screen.form.idea_grid.buttons[f"idea:{idea.id}"]
    assert "4 people want this" in idea_button.words  # Mrs Kaur and three "me too"s
    person.tap(idea_button)
    assert [row.label.text() for row in screen.form.choice_rows] == [
        "1. Bingo",
        "2. Film afternoon",
        "3. Singing for fun",
        f"4. {idea.title}",
    ]
    assert screen.form.choice_rows[3].source_label.text() == "A resident's idea: 4 people want this"
    assert screen.form.choices_heading.text() == "Choices: 4 of 6"
    save(person, screen)

    assert banner(screen) == ""
    assert screen.view == LIST
    assert len(home.polls()) == before + 1
    poll = home.polls()[0]  # newest first
    assert poll.question == "What shall we do on Saturday?"
    assert (poll.kind, poll.visibility) == (PollKind.CHOOSE_ONE, ResultsVisibility.AFTER_CLOSE)
    assert poll.opens_at == home.clock.now.astimezone(UTC)
    closes = datetime.combine(
        home.clock.now.date() + timedelta(days=3), time(17), tzinfo=home.clock.now.tzinfo
    )
    assert poll.closes_at == closes.astimezone(UTC)
    assert [(o.label, o.activity_id, o.proposal_id) for o in poll.options] == [
        ("Bingo", home.activity_id("Bingo"), None),
        ("Film afternoon", home.activity_id("Film afternoon"), None),
        ("Singing for fun", home.activity_id("Singing for fun"), None),
        (idea.title, idea.activity_id, idea.id),
    ]
    assert poll.options[3].picture == idea.picture
    # The list: newest first, its state in words, nobody has voted yet.
    assert screen.rows[0].name.text() == poll.question
    day = screen.words.day_and_date(closes.date())
    assert details_of(screen, poll.question).split("\n") == [
        f"Open until {day} at 17:00",
        "0 residents have voted",
    ]
    assert screen.list_notice.text() == (
        f"Saved: What shall we do on Saturday?\nOpen until {day} at 17:00."
    )


def test_a_yes_maybe_no_poll_with_live_results(
    build: Build, person: Person, home: Home, qtbot: QtBot
) -> None:
    screen = build()
    new_poll(person, screen, "Would you like to try these?")
    person.tap(screen.form.kind_buttons[PollKind.YES_MAYBE_NO])
    person.tap(screen.form.visibility_buttons[ResultsVisibility.LIVE])
    # Opens tomorrow at 10:00; closes in five days at 18:30 (the evening's times).
    opens, closes = screen.form.opens_picker, screen.form.closes_picker
    person.tap(opens.change_button)
    assert opens.chooser.isVisible() and opens.change_button.words == "Done"
    person.tap(opens.day_buttons[home.clock.now.date() + timedelta(days=1)])
    person.tap(opens.part_buttons[6])
    person.tap(opens.time_buttons[time(10, 0)])
    assert opens.summary_label.text() == "10:00 tomorrow"
    person.tap(opens.change_button)
    assert not opens.chooser.isVisible()
    person.tap(closes.change_button)
    in_five = home.clock.now.date() + timedelta(days=5)
    person.tap(closes.day_buttons[in_five])
    person.tap(closes.part_buttons[18])
    person.tap(closes.time_buttons[time(18, 30)])
    assert closes.summary_label.text() == f"{screen.words.day_and_date(in_five)} at 18:30"
    type_choice(person, screen, "Chair yoga", "exercise")
    type_choice(person, screen, "A visit from the school choir", "singing")
    pick_activity(person, screen, home, "Bingo")
    assert screen.form.typed_edit.text() == ""  # each typed choice moved into the list
    save(person, screen)
    assert banner(screen) == ""

    poll = home.poll_called("Would you like to try these?")
    zone = home.clock.now.tzinfo
    assert (poll.kind, poll.visibility) == (PollKind.YES_MAYBE_NO, ResultsVisibility.LIVE)
    assert poll.opens_at == datetime.combine(
        home.clock.now.date() + timedelta(days=1), time(10), tzinfo=zone
    ).astimezone(UTC)
    assert poll.closes_at == datetime.combine(in_five, time(18, 30), tzinfo=zone).astimezone(UTC)
    assert [(o.label, o.picture, o.activity_id) for o in poll.options] == [
        ("Chair yoga", "exercise", None),
        ("A visit from the school choir", "singing", None),
        ("Bingo", "bingo", home.activity_id("Bingo")),
    ]
    assert details_of(screen, poll.question).startswith("Not open yet: opens 10:00 tomorrow")

    # The next day, three residents vote; the coordinator sees the counts as they come.
    home.clock.tick(days=1)
    chair, choir, bingo = (option.id for option in poll.options)
    vote(home, poll, "Margaret", {chair: Y, choir: M, bingo: N})
    vote(home, poll, "Dai", {chair: Y, choir: N, bingo: N})
    screen.refresh()
    qtbot.wait(10)
    person.tap(row_for(screen, poll.question))
    assert screen.view == POLL
    assert screen.voted_label.text() == "2 residents have voted"
    assert screen.winner_label.text() == "Ahead so far: Chair yoga"
    assert cards_of(screen)[0] == (
        "Chair yoga",
        "Yes 2 (100%) · Maybe 0 (0%) · No 0 (0%)",
        "Ahead so far",
    )
    assert screen.count_again_button.isVisible() and screen.close_button.isVisible()
    assert not screen.plan_button.isVisible()
    vote(home, poll, "Dot", {chair: N, choir: Y, bingo: M})
    person.tap(screen.count_again_button)
    assert screen.voted_label.text() == "3 residents have voted"
    assert cards_of(screen)[1] == (
        "A visit from the school choir",
        "Yes 1 (33%) · Maybe 1 (33%) · No 1 (33%)",
        "",
    )
    # Live: residents may see them too.
    assert home.services.polls.results(home.resident("Dot"), poll.id, now=home.clock()).ballots == 3


def test_one_choice_is_refused_in_words_and_nothing_is_lost(
    build: Build, person: Person, home: Home
) -> None:
    screen = build()
    before = len(home.polls())
    new_poll(person, screen, "Shall we go out?")
    pick_activity(person, screen, home, "Bingo")
    save(person, screen)
    assert banner(screen) == "Choices: A vote needs at least 2 choices. Please add another one."
    assert screen.view == EDITOR  # still here, as it was
    assert screen.form.question_edit.text() == "Shall we go out?"
    assert [row.label.text() for row in screen.form.choice_rows] == ["1. Bingo"]
    assert len(home.polls()) == before
    pick_activity(person, screen, home, "Quiz")
    save(person, screen)
    assert banner(screen) == ""
    assert [o.label for o in home.poll_called("Shall we go out?").options] == ["Bingo", "Quiz"]


def test_a_seventh_choice_is_never_offered(build: Build, person: Person, home: Home) -> None:
    screen = build()
    new_poll(person, screen, "Which one?")
    titles = ["Bingo", "Quiz", "Dominoes", "Card games", "Baking", "Film afternoon"]
    for title in titles:
        assert screen.form.add_card.isVisible()
        pick_activity(person, screen, home, title)
    assert screen.form.choices_heading.text() == "Choices: 6 of 6"
    assert not screen.form.add_card.isVisible()  # no way to add a seventh
    assert screen.form.full_label.isVisible()
    assert "6 choices, the most a vote can have" in screen.form.full_label.text()
    # Touching one again takes it off; taking one off offers more again.
    person.tap(screen.form.choice_rows[1].remove_button)
    assert screen.form.choices_heading.text() == "Choices: 5 of 6"
    assert screen.form.add_card.isVisible() and not screen.form.full_label.isVisible()
    pick_activity(person, screen, home, "Baking")  # already chosen: touched again, off
    assert [row.label.text() for row in screen.form.choice_rows] == [
        "1. Bingo",
        "2. Dominoes",
        "3. Card games",
        "4. Film afternoon",
    ]
    assert f"activity:{home.activity_id('Baking')}" not in screen.form.activity_grid.ticked()


@pytest.mark.parametrize(
    "question",
    ["<b>Bold</b> & Co?", "Tea & cake 🎂🍰 or a walk? 👵🏽", "ਬਾਗ਼ ਵਿੱਚ ਸੈਰ ਕਰੀਏ?"],
)
def test_hostile_words_are_stored_and_shown_exactly(
    build: Build, person: Person, home: Home, question: str
) -> None:
    screen = build()
    new_poll(person, screen, question)
    type_choice(person, screen, question, "talk")
    pick_activity(person, screen, home, "Bingo")
    save(person, screen)
    assert banner(screen) == ""
    poll = home.poll_called(question)
    assert poll.options[0].label == question
    row = row_for(screen, question)
    assert row.name.text() == question  # type: ignore[attr-defined]
    person.tap(row)
    assert screen.poll_heading.text() == question
    assert cards_of(screen)[0][0] == question


def test_ten_thousand_letters_are_refused_in_words_and_stay_in_the_box(
    build: Build, person: Person, home: Home
) -> None:
    screen = build()
    before = len(home.polls())
    long_question = "Shall we sing? " * 666 + "Yes"
    assert len(long_question) > 9_990
    new_poll(person, screen, long_question)
    pick_activity(person, screen, home, "Bingo")
    pick_activity(person, screen, home, "Quiz")
    save(person, screen)
    assert banner(screen) == (
        f"Question: This is too long: {len(long_question)} letters. Please keep it under 200."
    )
    assert screen.form.question_edit.text() == long_question
    assert len(home.polls()) == before


def test_a_typed_choice_too_long_is_refused_in_words_and_stays_in_the_box(
    build: Build, person: Person
) -> None:
    screen = build()
    new_poll(person, screen, "Which one?")
    words = "A very long afternoon out " * 400
    type_choice(person, screen, words, "bus")
    assert banner(screen) == (
        f"This is too long: {len(words.strip())} letters. Please keep it under 120."
    )
    assert screen.form.typed_edit.text() == words
    assert screen.form.choices == []
    type_choice(person, screen, "   ", "bus")
    assert banner(screen) == "Please write something here first."
    type_choice(person, screen, "A trip out", "bus")
    assert banner(screen) == ""
    assert [row.label.text() for row in screen.form.choice_rows] == ["1. A trip out"]


def test_the_closing_time_must_come_after_the_opening(
    build: Build, person: Person, home: Home
) -> None:
    screen = build()
    new_poll(person, screen, "Back to front?")
    pick_activity(person, screen, home, "Bingo")
    pick_activity(person, screen, home, "Quiz")
    person.tap(screen.form.opens_picker.change_button)
    person.tap(screen.form.opens_picker.day_buttons[home.clock.now.date() + timedelta(days=5)])
    save(person, screen)
    assert banner(screen) == (
        "When it closes: The vote must close after it opens. Please change the times."
    )
    assert screen.view == EDITOR


# -- watching, closing and the results ----------------------------------------------------------


def test_closing_early_asks_first_then_shows_the_final_results(
    build: Build, person: Person, home: Home, qtbot: QtBot
) -> None:
    screen = build()
    question = "What would you like to do next Saturday afternoon?"
    assert details_of(screen, question).split("\n")[1] == "7 residents have voted"
    person.tap(row_for(screen, question))
    assert screen.state_label.text().startswith("Open until ")
    assert screen.settings_label.text() == (
        "Choose one. Results for residents: hidden until it closes."
    )
    assert cards_of(screen) == [
        ("Bingo", "1 of 7 votes (14%)", ""),
        ("A film", "1 of 7 votes (14%)", ""),
        ("Singing", "3 of 7 votes (43%)", "Ahead so far"),
        ("Baking", "2 of 7 votes (29%)", ""),
    ]
    person.tap(screen.close_button)
    assert screen.close_question.isVisible() and "Are you sure?" in screen.close_question.text()
    assert not screen.close_button.isVisible()
    person.tap(screen.close_no_button)
    assert not screen.close_question.isVisible() and screen.close_button.isVisible()
    assert home.poll_called(question).closed_early_at is None

    person.tap(screen.close_button)
    person.tap(screen.close_yes_button)
    poll = home.poll_called(question)
    assert poll.closed_early_at == home.clock.now.astimezone(UTC)
    assert screen.poll_notice.text() == "The poll is closed. These are the final results."
    today = screen.words.day_and_date(home.clock.now.date())
    assert screen.state_label.text() == f"Closed on {today}"
    assert screen.winner_label.text() == "Winner: Singing"
    assert cards_of(screen)[2] == ("Singing", "3 of 7 votes (43%)", "Winner")
    assert not screen.close_button.isVisible() and not screen.count_again_button.isVisible()
    with qtbot.waitSignal(screen.plan_requested) as planned:
        person.tap(screen.plan_button)
    assert planned.args == [poll.id]
    # Back to the list: closed, with its winner.
    person.tap(screen.back_to_list_button)
    assert details_of(screen, question).split("\n") == [
        f"Closed on {today}",
        "7 residents have voted",
        "Winner: Singing",
    ]


def test_a_closed_poll_shows_its_winner(build: Build, person: Person) -> None:
    screen = build()
    question = "Which new weekly activity shall we start?"
    assert details_of(screen, question).split("\n")[1:] == [
        "10 residents have voted",
        "Winner: Gardening club",
    ]
    person.tap(row_for(screen, question))
    assert cards_of(screen)[:2] == [
        ("Gardening club", "5 of 10 votes (50%)", "Winner"),
        ("Knitting circle", "3 of 10 votes (30%)", ""),
    ]
    assert screen.plan_button.isVisible()
    assert screen.step_back() and screen.view == LIST
    assert not screen.step_back()  # from the list, Back leaves the screen


def test_a_tie_is_shown_as_a_tie(build: Build, person: Person, home: Home, qtbot: QtBot) -> None:
    now = home.clock()
    poll = home.services.polls.create_poll(
        home.coordinator,
        NewPoll(
            "Tea or coffee?",
            (NewPollOption("Tea"), NewPollOption("Coffee"), NewPollOption("Cocoa")),
            now,
            now + timedelta(hours=2),
        ),
        now=now,
    )
    _tea, coffee, cocoa = (option.id for option in poll.options)
    vote(home, poll, "Margaret", {coffee: C})
    vote(home, poll, "Dai", {cocoa: C})
    home.clock.tick(hours=3)
    screen = build()
    assert details_of(screen, "Tea or coffee?").split("\n")[2] == (
        "A tie between Coffee, Cocoa. Coffee is first on the list."
    )
    person.tap(row_for(screen, "Tea or coffee?"))
    assert cards_of(screen) == [
        ("Tea", "0 of 2 votes (0%)", ""),
        ("Coffee", "1 of 2 votes (50%)", "Tie"),
        ("Cocoa", "1 of 2 votes (50%)", "Tie"),
    ]
    with qtbot.waitSignal(screen.plan_requested) as planned:
        person.tap(screen.plan_button)
    assert planned.args == [poll.id]


# -- who may ------------------------------------------------------------------------------------


def test_the_kitchen_is_told_no_in_words_and_nothing_is_stored(
    build: Build, person: Person, home: Home
) -> None:
    before = len(home.polls())
    screen = build(signed_in=lambda: home.kitchen)
    assert banner(screen) == NOT_ALLOWED
    assert screen.rows == [] and not screen.none_label.isVisible()
    person.tap(screen.new_button)
    assert banner(screen) == NOT_ALLOWED  # residents' ideas are the coordinator's
    screen.form.question_edit.setText("Cake?")
    pick_activity(person, screen, home, "Bingo")
    pick_activity(person, screen, home, "Baking")
    save(person, screen)
    assert banner(screen) == NOT_ALLOWED
    assert screen.form.question_edit.text() == "Cake?"
    assert len(home.polls()) == before


def test_nobody_signed_in_is_asked_to_sign_in(build: Build, home: Home) -> None:
    screen = build(signed_in=lambda: None)
    assert banner(screen) == "Please sign in as staff first."
    assert screen.rows == []


# -- the day and time picker --------------------------------------------------------------------


def test_the_picker_gives_home_times_across_a_clock_change(qtbot: QtBot, person: Person) -> None:
    london = ZoneInfo("Europe/London")
    clock = Clock(datetime(2026, 10, 23, 14, 47, tzinfo=london))  # a Friday, summer time
    picker = WhenPicker(
        words=Words(LOCALES, "en_GB"),
        pictures=PictureLibrary(PICTURES),
        theme=theme_at(100),
        now=clock,
        offer_now=True,
    )
    qtbot.addWidget(picker)
    picker.setStyleSheet(theme_at(100).stylesheet())
    picker.resize(1200, 900)
    picker.show()
    picker.set_moment(clock.now)
    picker.set_now()
    assert picker.is_now and picker.summary() == "Now"
    assert picker.moment() == clock.now
    person.tap(picker.change_button)
    assert list(picker.day_buttons)[:3] == [None, date(2026, 10, 23), date(2026, 10, 24)]
    assert [picker.day_buttons[d].words for d in list(picker.day_buttons)[:3]] == [
        "Now",
        "Today",
        "Tomorrow",
    ]
    assert len(picker.day_buttons) == 1 + 15  # "Now", today and the next 14 days
    assert picker.time_of_day == time(14, 30)  # rounded down to the half hour
    assert not picker.time_buttons[time(14, 30)].isVisible()  # no time for "Now"
    # Monday, after the clocks went back: 17:00 is 17:00 at home, an hour later in UTC.
    person.tap(picker.day_buttons[date(2026, 10, 26)])
    person.tap(picker.part_buttons[12])
    person.tap(picker.time_buttons[time(17, 0)])
    assert not picker.is_now
    assert picker.moment() == datetime(2026, 10, 26, 17, 0, tzinfo=london)
    assert picker.moment().astimezone(UTC) == datetime(2026, 10, 26, 17, 0, tzinfo=UTC)
    assert picker.summary() == "Monday 26 October at 17:00"
    assert [b.words for b in list(picker.time_buttons.values())[:2]] == ["12:00", "12:30"]
    clock.tick(days=3)  # the summary follows the day: now it is "today"
    assert picker.summary() == "17:00 today"
    assert when_words(picker.words, clock.now + timedelta(days=1), clock.now).endswith("tomorrow")


# -- how it looks ---------------------------------------------------------------------------------


def snap(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


def scroll_to(screen: PollsScreen, widget: QWidget) -> None:
    top = widget.mapTo(screen.scroll.widget(), widget.rect().topLeft()).y()
    screen.scroll.verticalScrollBar().setValue(top - 20)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("scale", [100, 200])
def test_every_part_fits(
    build: Build,
    person: Person,
    home: Home,
    qtbot: QtBot,
    size: tuple[int, int],
    scale: int,
) -> None:
    screen = build(scale=scale, size=size)
    host = screen.window()
    problems: list[str] = []
    tag = f"{size[0]}x{size[1]}-{scale}"

    def check(name: str) -> None:
        qtbot.wait(30)
        assert (host.width(), host.height()) == size
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        snap(host, f"polls-{name}-{tag}")

    check("list")
    new_poll(person, screen, "Tea & cake 🎂 or ਬਾਗ਼ ਵਿੱਚ ਸੈਰ?")
    check("editor")
    person.tap(screen.form.closes_picker.change_button)
    scroll_to(screen, screen.form.closes_picker)
    check("editor-closes")
    scroll_to(screen, screen.form.closes_picker.time_label)
    check("editor-times")
    for title in ("Bingo", "Punjabi music afternoon"):
        pick_activity(person, screen, home, title)
    person.tap(screen.form.source_buttons["ideas"])
    scroll_to(screen, screen.form.choices_heading)
    check("editor-ideas")
    person.tap(screen.form.source_buttons["typed"])
    scroll_to(screen, screen.form.add_heading)
    check("editor-typed")
    screen.form.typed_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    check("editor-keyboard")
    screen.keyboard.done.emit()
    for title in ("Quiz", "Dominoes", "Card games", "Baking"):
        pick_activity(person, screen, home, title)
    scroll_to(screen, screen.form.choices_heading)
    check("editor-full")
    save(person, screen)
    assert banner(screen) == ""
    check("saved")
    person.tap(row_for(screen, "What would you like to do next Saturday afternoon?"))
    check("open-poll")
    person.tap(screen.close_button)
    check("close-question")
    person.tap(screen.close_yes_button)
    check("closed-poll")
    assert problems == [], "\n".join(problems)


def test_the_screen_redraws_for_large_text(build: Build, person: Person, qtbot: QtBot) -> None:
    screen = build(scale=100)
    host = screen.window()
    screen.apply_theme(theme_at(200))
    host.setStyleSheet(screen.theme.stylesheet())
    qtbot.wait(30)
    problems = [f"list: {p}" for p in layout_problems(host, screen.theme.metrics)]
    new_poll(person, screen, "Bigger?")
    qtbot.wait(30)
    problems += [f"editor: {p}" for p in layout_problems(host, screen.theme.metrics)]
    assert screen.form.activity_grid.columns == 2
    snap(host, "polls-apply-theme-200")
    assert problems == [], "\n".join(problems)
