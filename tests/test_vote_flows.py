"""Voting end to end on the demo home: the real window, the real polls service, a real SQLite
file, tapped as a resident would. Counts taps (at most four from Home once the resident has
chosen their face), checks one ballot per resident (changed, never overwritten by the next
resident at the kiosk, cast once however often "Yes" is tapped), a vote that closes while
someone is choosing, results hidden until closing unless live, the bar chart's words (a
tie, numbers in words in four languages) and the layout of every step."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.enums import BallotAnswer, PollKind, ResultsVisibility
from kiosk.domain.polls import MyBallot, NewPoll, NewPollOption, Poll, ResultsHiddenError
from kiosk.number_words import has_number_words, number_in_words
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.vote_screen import (
    CHOOSE,
    CONFIRM,
    FACES_STEP,
    LIST,
    RESULTS,
    THANKS,
    PollBox,
    VoteScreen,
)
from kiosk.ui.widgets.choice_grid import ChoiceGrid
from kiosk.ui.widgets.results_chart import _Bar
from tests.helpers.layout import layout_problems
from tests.helpers.person import CountingPerson, Person
from tests.helpers.scenes import SCENES
from tests.helpers.shell import kiosk_window, settle

SATURDAY = "What would you like to do next Saturday afternoon?"  # choose one, after close
TRY_THESE = "Would you like to try these?"  # yes / maybe / no, live
NEW_ACTIVITY = "Which new weekly activity shall we start?"  # closed: 5, 3, 1, 1


class CountingPolls:
    """The real polls service, counting the ballots the screen sends."""

    def __init__(self, polls: PollBox) -> None:
        self._polls = polls
        self.casts = 0

    def cast_ballot(self, *args: Any, **kwargs: Any) -> MyBallot:
        self.casts += 1
        return self._polls.cast_ballot(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._polls, name)


@pytest.fixture
def person(qtbot: QtBot) -> CountingPerson:
    return CountingPerson(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        yield window, services


# -- the window, and what it is handed ------------------------------------------------------


def serve_polls(window: MainWindow, polls: PollBox) -> None:
    """Hand the window ``polls`` (the real service, wrapped to count what the screen sends
    or to show fewer votes) in place of the real one: the service is the unit's edge. The
    window's own builder makes the Vote screen with it when it is first opened."""
    assert "vote" not in window.screens, "Vote is already built, with the real service"
    window.connect_home(replace(window.home_data(), polls=polls))  # type: ignore[arg-type]


def resident(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def sign_in(window: MainWindow, person: Person, services: Services, name: str) -> None:
    """Choose a face, and hear any answers waiting, as the resident would."""
    window.sign_in(resident(services, name))
    settle()
    if window.current.name == "answers":
        person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]


def coordinator(services: Services) -> Actor:
    demo = next(member for member in STAFF if member.role == "coordinator")
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def poll_asking(services: Services, question: str) -> Poll:
    return next(
        p for p in services.polls.all_polls(coordinator(services)) if p.question == question
    )


def ballot_of(services: Services, name: str, question: str) -> MyBallot | None:
    poll = poll_asking(services, question)
    return services.polls.my_ballot(Actor.resident(resident(services, name)), poll.id)


def chosen_label(services: Services, name: str, question: str) -> str | None:
    ballot = ballot_of(services, name, question)
    if ballot is None or ballot.chosen is None:
        return None
    option = poll_asking(services, question).option(ballot.chosen)
    return option.label if option is not None else None


def open_vote(window: MainWindow, person: Person) -> VoteScreen:
    person.tap(window.home.task_buttons["vote"])
    screen = window.current
    assert isinstance(screen, VoteScreen)
    return screen


def find(person: Person, grid: ChoiceGrid, key: str) -> QAbstractButton:
    """The button for ``key``, turning the pages as a resident would (each turn a tap)."""
    while key not in grid.buttons:
        assert grid.next_button.isEnabled(), f"{key} is on no page"
        person.tap(grid.next_button)
    return grid.buttons[key]


def poll_card(person: Person, screen: VoteScreen, services: Services, question: str) -> None:
    poll = poll_asking(services, question)
    kind = "open" if any(p.id == poll.id for p in screen._open) else "closed"
    person.tap(find(person, screen.poll_grid, f"{kind}:{poll.id}"))


def option_button(person: Person, screen: VoteScreen, label: str) -> QAbstractButton:
    assert screen.poll is not None
    option = next(o for o in screen.poll.options if o.label == label)
    return find(person, screen.option_grid, str(option.id))


def say_all(screen: VoteScreen, person: Person, answers: Mapping[str, BallotAnswer]) -> None:
    """Touch a face for each choice, turning the pages of choices as needed."""
    faces = screen.faces
    for row in faces.rows:
        while not row.isVisible():
            person.tap(faces.next_button)
        person.tap(row.buttons[answers[row.option.label]])


def heard(screen: VoteScreen) -> list[str]:
    spoken: list[str] = []
    screen.say.connect(spoken.append)
    return spoken


# -- voting --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Mr Okafor", "Ron"])  # 100 % and 150 % text
def test_choose_one_is_four_taps_from_home(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, name: str
) -> None:
    window, services = kiosk
    sign_in(window, person, services, name)
    assert ballot_of(services, name, SATURDAY) is None
    person.taps = 0
    screen = open_vote(window, person)
    assert screen.step == LIST
    spoken = heard(screen)
    poll_card(person, screen, services, SATURDAY)
    assert screen.step == CHOOSE
    person.tap(option_button(person, screen, "A film"))
    assert screen.step == CONFIRM
    assert screen.summary.text() == "You chose: A film. Is that right?"
    assert spoken == ["You chose: A film. Is that right?"]  # read back at once
    person.tap(screen.confirm_button)
    assert screen.step == THANKS
    assert person.taps == 4
    assert screen.prompt.text() == "Thank you, your vote is in."
    assert chosen_label(services, name, SATURDAY) == "A film"


def test_one_vote_and_nothing_closed_goes_straight_to_it(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    saturday = poll_asking(services, SATURDAY)

    class OnlySaturday(CountingPolls):
        def polls_open(self, viewer: Actor, *, now: datetime | None = None) -> list[Poll]:
            return [p for p in self._polls.polls_open(viewer, now=now) if p.id == saturday.id]

        def polls_closed(self, viewer: Actor, **_: Any) -> list[Poll]:
            return []

    serve_polls(window, OnlySaturday(services.polls))
    sign_in(window, person, services, "Mr Okafor")
    person.taps = 0
    screen = open_vote(window, person)
    assert screen.step == CHOOSE and screen.prompt.text() == SATURDAY
    person.tap(option_button(person, screen, "Baking"))
    person.tap(screen.confirm_button)
    assert screen.step == THANKS and person.taps == 3
    assert chosen_label(services, "Mr Okafor", SATURDAY) == "Baking"
    # Back from the thanks shows the one vote; Back again leaves.
    person.tap(window.back_button)
    assert window.current is screen and screen.step == LIST
    person.tap(window.back_button)
    assert window.current is window.home


def test_yes_maybe_no_for_each_then_read_back(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Bill")
    screen = open_vote(window, person)
    poll_card(person, screen, services, TRY_THESE)
    assert screen.step == FACES_STEP
    for row in screen.faces.rows:  # always words with the faces
        assert [b.words for b in row.buttons.values()] == ["Yes", "Maybe", "No"]
        assert [b.picture_key for b in row.buttons.values()] == [
            "face-happy",
            "face-neutral",
            "face-sad",
        ]
    # "Done" before every choice has an answer asks, in words, for the one missing.
    person.tap(screen.faces.done_button)
    assert screen.step == FACES_STEP and screen.problem.isVisible()
    assert "A visit from the school choir" in screen.problem.text()
    answers = {
        "A visit from the school choir": BallotAnswer.MAYBE,
        "Chair yoga": BallotAnswer.YES,
        "Fish and chips on Fridays": BallotAnswer.NO,
    }
    spoken = heard(screen)
    say_all(screen, person, answers)
    person.tap(screen.faces.done_button)
    assert screen.step == CONFIRM
    assert screen.summary.text() == (
        "You said:\nA visit from the school choir: Maybe\nChair yoga: Yes\n"
        "Fish and chips on Fridays: No\nIs that right?"
    )
    assert spoken == [screen.summary.text()]
    person.tap(screen.confirm_button)
    assert screen.step == THANKS
    ballot = ballot_of(services, "Bill", TRY_THESE)
    assert ballot is not None
    poll = poll_asking(services, TRY_THESE)
    assert {poll.option(o).label: a for o, a in ballot.answers} == answers  # type: ignore[union-attr]


def test_a_vote_can_be_changed_until_it_closes(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    before = services.polls.results(coordinator(services), poll_asking(services, SATURDAY).id)
    sign_in(window, person, services, "Margaret")
    screen = open_vote(window, person)
    saturday = poll_asking(services, SATURDAY)
    card = screen.poll_grid.buttons[f"open:{saturday.id}"]
    assert card.chosen and "You have voted: Singing" in card.words
    poll_card(person, screen, services, SATURDAY)
    assert screen.note.text().startswith("You chose Singing. You can change it")
    assert option_button(person, screen, "Singing").chosen  # their choice, already picked
    person.tap(option_button(person, screen, "Bingo"))
    person.tap(screen.choose_again_button)  # changed their mind about changing
    assert screen.step == CHOOSE
    person.tap(option_button(person, screen, "Baking"))
    person.tap(screen.confirm_button)
    assert screen.prompt.text() == "Thank you, your vote is changed."
    assert chosen_label(services, "Margaret", SATURDAY) == "Baking"
    after = services.polls.results(coordinator(services), saturday.id)
    assert after.ballots == before.ballots  # changed, not a second ballot
    # Back: to the votes, where the card says what they chose now.
    person.tap(window.back_button)
    assert screen.step == LIST
    assert "You have voted: Baking" in screen.poll_grid.buttons[f"open:{saturday.id}"].words


def test_the_next_resident_sees_their_own_and_cannot_overwrite_the_first(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    screen = open_vote(window, person)
    poll_card(person, screen, services, SATURDAY)
    person.tap(option_button(person, screen, "Baking"))
    person.tap(screen.confirm_button)
    assert chosen_label(services, "Margaret", SATURDAY) == "Baking"
    # Margaret walks away; Ron chooses his face at the same kiosk.
    person.tap(window.home_button)
    sign_in(window, person, services, "Ron")
    screen = open_vote(window, person)
    saturday = poll_asking(services, SATURDAY)
    card = screen.poll_grid.buttons[f"open:{saturday.id}"]
    assert not card.chosen and "You have voted" not in card.words
    poll_card(person, screen, services, SATURDAY)
    assert not any(button.chosen for button in screen.option_grid.buttons.values())
    assert screen.note.text().startswith("Touch the one you would like.")
    person.tap(option_button(person, screen, "Bingo"))
    person.tap(screen.confirm_button)
    assert chosen_label(services, "Ron", SATURDAY) == "Bingo"
    assert chosen_label(services, "Margaret", SATURDAY) == "Baking"


def test_a_screen_left_open_cannot_vote_for_the_one_before(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    screen = open_vote(window, person)
    poll_card(person, screen, services, SATURDAY)
    person.tap(option_button(person, screen, "Bingo"))
    assert screen.step == CONFIRM
    # Someone else is now the resident at the kiosk, with Margaret's choice still showing.
    window.resident = services.residents.get(resident(services, "Ron"))
    person.tap(screen.confirm_button)
    assert screen.step == CONFIRM and screen.problem.isVisible()
    assert screen.problem.text() == "Sorry, you are not allowed to do that."
    assert chosen_label(services, "Margaret", SATURDAY) == "Singing"
    assert ballot_of(services, "Ron", SATURDAY) is None


def test_a_double_tapped_yes_casts_once(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    counting = CountingPolls(services.polls)
    serve_polls(window, counting)
    sign_in(window, person, services, "Helena")  # a tremor: she may tap twice
    screen = open_vote(window, person)
    poll_card(person, screen, services, SATURDAY)
    person.tap(option_button(person, screen, "A film"))
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    screen._on_confirm_button_tapped()  # even a third press straight to the slot
    settle()
    assert counting.casts == 1
    assert screen.step == THANKS
    assert chosen_label(services, "Helena", SATURDAY) == "A film"


def test_a_vote_that_closed_meanwhile_is_refused_kindly_with_the_results(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Mr Okafor")
    screen = open_vote(window, person)
    poll_card(person, screen, services, SATURDAY)
    person.tap(option_button(person, screen, "Singing"))
    spoken = heard(screen)
    closed = services.polls.close_early(coordinator(services), poll_asking(services, SATURDAY).id)
    person.tap(screen.confirm_button)
    assert screen.step == RESULTS
    at = window.words.clock_time(closed.closed_at.astimezone(services.week.home_zone()))
    apology = f"Sorry, this vote closed at {at}. Here is what people chose."
    assert screen.problem.isVisible() and screen.problem.text() == apology
    assert screen.chart.results is not None and screen.chart.results.final
    assert screen.chart.summary_words() == "Most people chose Singing. Seven people voted."
    assert spoken and spoken[-1].startswith(apology)
    assert "Most people chose Singing. Seven people voted." in spoken[-1]
    assert ballot_of(services, "Mr Okafor", SATURDAY) is None
    person.tap(window.back_button)  # on to the other votes
    assert screen.step == LIST


def test_results_stay_hidden_until_the_vote_closes(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Mr Okafor")
    screen = open_vote(window, person)
    saturday = poll_asking(services, SATURDAY)
    assert f"closed:{saturday.id}" not in screen.poll_grid.buttons
    spoken = heard(screen)
    poll_card(person, screen, services, SATURDAY)
    person.tap(option_button(person, screen, "Bingo"))
    person.tap(screen.confirm_button)
    assert screen.step == THANKS
    assert screen.thanks_chart.results is None
    day = window.words.day_name(saturday.closed_at.astimezone(services.week.home_zone()).date())
    assert screen.note.text() == f"We will share what people chose on {day}."
    words = " ".join(screen.reading_order())
    assert "voted" not in words.replace("your vote", "") and "Bingo" not in words
    assert spoken[-1] == f"Thank you, your vote is in.\nWe will share what people chose on {day}."
    with pytest.raises(ResultsHiddenError):
        services.polls.results(Actor.resident(resident(services, "Mr Okafor")), saturday.id)


def test_live_results_are_shown_after_voting(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Bill")
    screen = open_vote(window, person)
    poll_card(person, screen, services, TRY_THESE)
    say_all(
        screen,
        person,
        {
            "A visit from the school choir": BallotAnswer.YES,
            "Chair yoga": BallotAnswer.YES,
            "Fish and chips on Fridays": BallotAnswer.YES,
        },
    )
    person.tap(screen.faces.done_button)
    spoken = heard(screen)
    person.tap(screen.confirm_button)
    results = screen.thanks_chart.results
    assert results is not None and not results.final and results.ballots == 7
    lines = screen.thanks_chart.reading_lines()
    assert lines[:2] == [
        "Most people said yes to A visit from the school choir. Seven people voted.",
        "The vote is still open, so this may change.",
    ]
    assert lines[2:6] == [
        "A visit from the school choir",
        "Yes: six",
        "Maybe: one. No: zero.",
        "Most people said yes to this",
    ]
    assert spoken[-1].startswith("Thank you, your vote is in.\nMost people said yes")


# -- the chart -----------------------------------------------------------------------------


def closed_results(window: MainWindow, person: Person, services: Services) -> VoteScreen:
    sign_in(window, person, services, "Dot")
    screen = open_vote(window, person)
    poll_card(person, screen, services, NEW_ACTIVITY)
    assert screen.step == RESULTS
    return screen


def test_a_closed_vote_reads_its_chart_in_order(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    screen = open_vote(window, person)
    spoken = heard(screen)
    poll_card(person, screen, services, NEW_ACTIVITY)
    expected = [
        "Vote",
        NEW_ACTIVITY,
        "Most people chose Gardening club. Ten people voted.",
        "Gardening club",
        "Five people",
        "Most people chose this",
        "Knitting circle",
        "Three people",
        "Card games",
        "One person",
        "Dominoes",
        "One person",
        "Other votes",
        "Home",
    ]
    assert screen.reading_order() == expected
    assert spoken == ["\n".join(expected[1:-2])]  # read aloud at once, in the same order
    # The chart is words and bars, nothing to tap; each bar is as long as its count.
    assert not screen.chart.findChildren(QAbstractButton)
    bars = [card.findChild(_Bar) for card in screen.chart.cards]
    assert [bar.value for bar in bars] == [5, 3, 1, 1]
    assert bars[0].longest == 5
    widths = {bar.width() for bar in bars}
    assert len(widths) == 1  # every track the same length, so the lengths compare


def test_a_tie_is_said_plainly(kiosk: tuple[MainWindow, Services], person: CountingPerson) -> None:
    window, services = kiosk
    staff = coordinator(services)
    now = datetime.now(UTC)
    poll = services.polls.create_poll(
        staff,
        NewPoll(
            question="Where shall we go in spring?",
            options=(
                NewPollOption("The seaside", "beach"),
                NewPollOption("The garden centre", "flower"),
                NewPollOption("The museum", "place"),
            ),
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=2),
            kind=PollKind.CHOOSE_ONE,
            visibility=ResultsVisibility.AFTER_CLOSE,
        ),
    )
    seaside, garden, museum = (option.id for option in poll.options)
    for name, option in (("Bill", seaside), ("Ron", garden), ("Pat", museum), ("Dot", garden)):
        voter = resident(services, name)
        services.polls.cast_ballot(
            Actor.resident(voter), poll.id, {option: BallotAnswer.CHOSEN}, resident_id=voter
        )
    services.polls.cast_ballot(
        Actor.resident(resident(services, "Joan")), poll.id, {seaside: BallotAnswer.CHOSEN}
    )
    services.polls.close_early(staff, poll.id)
    sign_in(window, person, services, "Mr Okafor")
    screen = open_vote(window, person)
    poll_card(person, screen, services, "Where shall we go in spring?")
    chart = screen.chart
    assert chart.summary_words() == (
        "A tie between The seaside and The garden centre. Five people voted."
    )
    marked = [
        "Tied for the most" in [label.text() for label in card.findChildren(QLabel)]
        for card in chart.cards
    ]
    assert marked == [True, True, False]  # the seaside and the garden centre
    assert "Most people chose this" not in screen.reading_order()


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en_GB", ["Five people", "Three people", "One person", "One person"]),
        ("cy", ["pump", "tri", "un", "un"]),
        ("pl", ["pięć", "trzy", "jeden", "jeden"]),
        ("pa", ["5", "3", "1", "1"]),  # no words for Punjabi numbers: the digits
    ],
)
def test_counts_are_in_words_in_each_language(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, language: str, counts: list[str]
) -> None:
    window, services = kiosk
    screen = closed_results(window, person, services)
    window.on_language_chosen(language)
    settle()
    shown = [
        next(label.text() for label in card.findChildren(QLabel, "count"))
        for card in screen.chart.cards
    ]
    for words, number in zip(shown, counts, strict=True):
        assert number.casefold() in words.casefold()
    assert has_number_words(language) is (language != "pa")


def test_number_words() -> None:
    assert number_in_words(7, "en_GB") == "seven"
    assert number_in_words(21, "en_GB") == "twenty-one"
    assert number_in_words(7, "cy") == "saith"
    assert number_in_words(2, "cy") == "dau"
    assert number_in_words(7, "pl") == "siedem"
    assert number_in_words(12, "pl") == "dwanaście"
    assert number_in_words(7, "pa") == "7"  # espeak-ng reads the digits in Punjabi
    assert number_in_words(7, "xx") == "7"
    assert has_number_words("en_GB") and has_number_words("cy") and has_number_words("pl")


# -- how it looks --------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("text_scale", [100, 200])
def test_every_step_fits(
    qtbot: QtBot, demo_dir: Path, size: tuple[int, int], text_scale: int
) -> None:
    person = CountingPerson(qtbot)
    with kiosk_window(demo_dir, size=size, text_scale=text_scale) as (window, services):
        seen: dict[str, list[str]] = {}

        def check(step: str) -> None:
            settle()
            seen[step] = layout_problems(window, window.theme.metrics)

        sign_in(window, person, services, "Margaret")
        screen = open_vote(window, person)
        check("the votes")
        poll_card(person, screen, services, SATURDAY)
        check("choose one")
        person.tap(option_button(person, screen, "Baking"))
        check("hear it back")
        person.tap(screen.confirm_button)
        check("thank you, results later")
        person.tap(screen.other_votes_button)
        poll_card(person, screen, services, TRY_THESE)
        check("yes, maybe or no")
        person.tap(screen.faces.done_button)
        check("hear the answers back")
        person.tap(screen.confirm_button)
        check("thank you, results so far")
        person.tap(screen.other_votes_button)
        poll_card(person, screen, services, NEW_ACTIVITY)
        check("what people chose")
        services.polls.close_early(coordinator(services), poll_asking(services, TRY_THESE).id)
        person.tap(screen.results_other_button)
        poll_card(person, screen, services, TRY_THESE)
        check("closed yes, maybe or no")
        assert screen.step == RESULTS
        assert {step: problems for step, problems in seen.items() if problems} == {}


def test_every_choice_shows_on_the_chart_at_the_residents_own_text_size(
    qtbot: QtBot, demo_dir: Path
) -> None:
    """Margaret reads at 150 %: the chart is rebuilt narrower as it is laid out, and every
    choice's card must still be shown (they were left hidden once)."""
    with kiosk_window(demo_dir) as (window, services):
        SCENES["vote-results"](window, services)
        settle()
        screen = window.current
        assert isinstance(screen, VoteScreen)
        assert window.theme.metrics.text_scale == 150
        cards = screen.chart.cards
        assert len(cards) >= 2
        assert all(card.isVisible() for card in cards)
