"""Ideas end to end on the demo home: "Share an idea" and "You said, we did", in the real
window with real services on a real SQLite file, tapped as a resident would. Counts taps
(four from Home once the resident has chosen their face), double taps, drafts on idle
sign-out, "me too", typed words kept exactly, the coordinator's answer reaching the
resident, reading order, and layout at both screen sizes and both text sizes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.enums import MealSlot, ProposalStatus, ProposalTopic, SlotSource
from kiosk.domain.ideas import Idea, IdeaAnswer, IdeaAnswerKind, NewIdea
from kiosk.domain.meals import Answer, AnswerKind, NewMealSuggestion
from kiosk.domain.schedule import NewSlot
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.answers_screen import ANSWERS_AT_ONCE, AnswersScreen
from kiosk.ui.screens.suggest_idea_screen import (
    CHOICE,
    CONFIRM,
    DRAFT,
    THANKS,
    TOPIC,
    TYPE,
    WHY,
    SuggestIdeaScreen,
)
from kiosk.ui.speech_player import SpeechPlayer
from kiosk.ui.theme import Metrics
from tests.helpers.layout import layout_problems
from tests.helpers.person import CountingPerson, Person
from tests.helpers.shell import kiosk_window, settle

HOSTILE = [
    "<b>A bench</b> & </para> by the pond",
    "More 🐦 feeders 🌷 please",
    "ਬਾਗ਼ ਵਿੱਚ ਫੁੱਲ ਲਗਾਓ",
    "Wycieczka nad morze, proszę",
]


@pytest.fixture
def person(qtbot: QtBot) -> CountingPerson:
    return CountingPerson(qtbot)


@pytest.fixture
def kiosk(qtbot: QtBot, demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    with kiosk_window(demo_dir) as (window, services):
        yield window, services


# -- helpers --------------------------------------------------------------------------------


def resident(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def staff(services: Services, role: str) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def sign_in(window: MainWindow, person: Person, services: Services, name: str) -> None:
    """Choose a face, and hear any answers waiting, as the resident would."""
    window.sign_in(resident(services, name))
    settle()
    if window.current.name == "answers":
        person.tap(window.current.thank_you_button)  # type: ignore[attr-defined]


def open_ideas(window: MainWindow, person: Person) -> SuggestIdeaScreen:
    person.tap(window.home.task_buttons["suggest-idea"])
    screen = window.current
    assert isinstance(screen, SuggestIdeaScreen)
    return screen


def ideas_of(services: Services, name: str) -> list[Idea]:
    rid = resident(services, name)
    coordinator = staff(services, "coordinator")
    return [idea for idea in services.ideas.inbox(coordinator) if idea.resident_id == rid]


def type_into(screen: SuggestIdeaScreen, text: str) -> None:
    screen.idea_typing.line_edit.setText(text)  # as the on-screen keyboard leaves it
    screen.idea_typing.done.emit()


def choice_button(person: Person, screen: SuggestIdeaScreen, key: str) -> QAbstractButton:
    """The choice ``key``, turning the pages to it."""
    grid = screen.choice_grid
    while key not in grid.buttons:
        assert grid.next_button.isEnabled(), f"{key} is on no page"
        person.tap(grid.next_button)
    return grid.buttons[key]


# -- sending an idea ------------------------------------------------------------------------


def test_an_activity_from_the_pictures_is_four_taps_from_home(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    before = len(ideas_of(services, "Margaret"))
    person.taps = 0
    screen = open_ideas(window, person)
    assert screen.step == TOPIC
    person.tap(screen.topic_grid.buttons[ProposalTopic.ACTIVITY.value])
    assert screen.step == CHOICE
    assert len(screen.choice_grid.buttons) <= 6
    key = next(key for key in screen.choice_grid.buttons if key.startswith("activity:"))
    title = screen.choice_grid.buttons[key].words
    person.tap(screen.choice_grid.buttons[key])
    assert screen.step == CONFIRM
    assert f"You would like: {title}. Shall I send it?" in screen.summary.text()
    person.tap(screen.send_button)
    assert screen.step == THANKS
    assert person.taps == 4
    assert "coordinator" in screen.thanks.text()
    after = ideas_of(services, "Margaret")
    assert len(after) == before + 1
    newest = max(after, key=lambda idea: idea.id)
    assert newest.title == title and newest.topic is ProposalTopic.ACTIVITY
    assert newest.activity_id == int(key.split(":")[1])
    assert newest.status is ProposalStatus.OPEN


def test_a_part_of_the_home_is_sent_with_its_picture_and_why(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Eirlys")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    person.tap(choice_button(person, screen, "home:garden"))
    assert screen.step == CONFIRM
    person.tap(screen.why_button)
    assert screen.step == WHY
    screen.why_typing.line_edit.setText("Somewhere to sit in the shade")
    screen.why_typing.done.emit()
    assert screen.step == CONFIRM
    assert "Somewhere to sit in the shade" in screen.summary.text()
    person.tap(screen.send_button)
    assert screen.step == THANKS
    sent = max(ideas_of(services, "Eirlys"), key=lambda idea: idea.id)
    assert sent.topic is ProposalTopic.HOME and sent.picture == "garden"
    assert sent.title == window.words.gettext("Something for the garden")  # in her Welsh
    assert sent.reason == "Somewhere to sit in the shade"


@pytest.mark.parametrize("typed", HOSTILE)
def test_a_typed_home_idea_is_kept_exactly_as_typed(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, typed: str
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    person.tap(screen.type_button)
    assert screen.step == TYPE
    type_into(screen, typed)
    assert screen.step == CONFIRM and typed in screen.summary.text()
    assert screen.summary.textFormat() is Qt.TextFormat.PlainText
    person.tap(screen.send_button)
    assert screen.step == THANKS
    sent = [idea for idea in ideas_of(services, "Dot") if idea.title == typed]
    assert len(sent) == 1 and sent[0].topic is ProposalTopic.HOME


def test_too_long_an_idea_is_refused_in_words_and_kept_on_screen(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.ACTIVITY.value])
    person.tap(screen.type_button)
    type_into(screen, "sing " * 2000)  # 10,000 characters pasted
    assert screen.step == TYPE
    assert screen.problem.isVisible() and "too long" in screen.problem.text()
    assert screen.idea_typing.text()  # nothing typed is thrown away
    type_into(screen, "   ")
    assert screen.step == TYPE and "Please type" in screen.problem.text()
    person.tap(window.back_button)
    assert screen.step == CHOICE


def test_a_double_tapped_send_stores_one_idea(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Margaret")
    before = len(ideas_of(services, "Margaret"))
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.ACTIVITY.value])
    person.tap(screen.type_button)
    qtbot.keyClicks(screen.idea_typing.line_edit, "A tea dance")
    screen.idea_typing.done.emit()
    assert screen.step == CONFIRM
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    screen._on_send_button_tapped()  # even a third press straight to the slot
    settle()
    titles = [idea.title for idea in ideas_of(services, "Margaret")]
    assert titles.count("A tea dance") == 1
    assert len(titles) == before + 1


def test_back_goes_one_step_back_within_the_screen(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    person.tap(screen.type_button)
    person.tap(window.back_button)
    assert window.current is screen and screen.step == CHOICE
    person.tap(window.back_button)
    assert window.current is screen and screen.step == TOPIC
    person.tap(window.back_button)
    assert window.current is window.home


# -- "me too" -------------------------------------------------------------------------------


def test_choosing_another_residents_idea_adds_support_once(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    bill = Actor.resident(resident(services, "Bill"))
    feeder = next(
        idea
        for idea in services.ideas.open_ideas(bill, ProposalTopic.HOME)
        if idea.title.startswith("A bird feeder")
    )
    assert not feeder.supported_by_viewer
    sign_in(window, person, services, "Bill")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    key = f"idea:{feeder.id}"
    button = choice_button(person, screen, key)
    wanted = feeder.supporters + 1
    assert f"{wanted} people want this" in button.words
    person.tap(button)
    assert screen.step == CONFIRM
    assert screen.send_button.words == window.words.gettext("Me too")
    assert not screen.why_button.isVisible()
    person.tap(screen.send_button)
    assert screen.step == THANKS
    assert f"{wanted + 1} people now want this" in screen.thanks.text()
    after = next(
        i for i in services.ideas.open_ideas(bill, ProposalTopic.HOME) if i.id == feeder.id
    )
    assert after.supporters == feeder.supporters + 1 and after.supported_by_viewer
    # Next time the same idea says so, and a second "me too" is not offered.
    person.tap(screen.another_button)
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    button = choice_button(person, screen, key)
    assert window.words.gettext("You want this too") in button.words
    person.tap(button)
    assert screen.step == CHOICE and screen.problem.isVisible()
    assert "already asked" in screen.problem.text()


def test_typing_words_like_an_idea_offers_support(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Bill")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    person.tap(screen.type_button)
    qtbot.keyClicks(screen.idea_typing.line_edit, "a bird feeder")
    settle()
    hints = screen.idea_typing.hints
    offers = [hints.itemAt(i).widget() for i in range(hints.count())]
    assert offers and "A bird feeder" in offers[0].words  # type: ignore[union-attr]
    person.tap(offers[0])  # type: ignore[arg-type]
    assert screen.step == CONFIRM
    assert screen.send_button.words == window.words.gettext("Me too")


# -- drafts ---------------------------------------------------------------------------------


def test_an_unfinished_idea_is_kept_as_a_draft_and_offered_back(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, qtbot: QtBot
) -> None:
    window, services = kiosk
    dot = Actor.resident(resident(services, "Dot"))
    sign_in(window, person, services, "Dot")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.ACTIVITY.value])
    person.tap(screen.type_button)
    qtbot.keyClicks(screen.idea_typing.line_edit, "A choir for Christmas")
    window.sign_out()  # as the idle sign-out does
    assert window.current is window.home
    draft = services.ideas.idea_draft(dot)
    assert draft is not None and draft.title == "A choir for Christmas"
    assert draft.topic is ProposalTopic.ACTIVITY

    sign_in(window, person, services, "Dot")
    open_ideas(window, person)
    assert screen.step == DRAFT and "A choir for Christmas" in screen.prompt.text()
    person.tap(screen.carry_on_button)
    assert screen.step == CONFIRM and "A choir for Christmas" in screen.summary.text()
    person.tap(screen.send_button)
    assert services.ideas.idea_draft(dot) is None
    sent = [i for i in ideas_of(services, "Dot") if i.title == "A choir for Christmas"]
    assert len(sent) == 1 and sent[0].status is ProposalStatus.OPEN


def test_a_picture_chosen_before_sign_out_is_kept_with_its_activity(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    """Signed out while hearing it read back: the activity chosen comes back next time."""
    window, services = kiosk
    margaret = Actor.resident(resident(services, "Margaret"))
    sign_in(window, person, services, "Margaret")
    screen = open_ideas(window, person)
    person.tap(screen.topic_grid.buttons[ProposalTopic.ACTIVITY.value])
    key = next(key for key in screen.choice_grid.buttons if key.startswith("activity:"))
    title = screen.choice_grid.buttons[key].words
    person.tap(screen.choice_grid.buttons[key])
    assert screen.step == CONFIRM
    window.sign_out()
    draft = services.ideas.idea_draft(margaret)
    assert draft is not None and draft.title == title
    assert draft.activity_id == int(key.split(":")[1])
    sign_in(window, person, services, "Margaret")
    open_ideas(window, person)
    person.tap(screen.carry_on_button)
    assert screen.step == CONFIRM and title in screen.summary.text()


def test_starting_again_throws_the_draft_away(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    """Ron started "Watch the football together" and was signed out (the demo keeps it)."""
    window, services = kiosk
    ron = Actor.resident(resident(services, "Ron"))
    assert services.ideas.idea_draft(ron) is not None
    sign_in(window, person, services, "Ron")
    screen = open_ideas(window, person)
    assert screen.step == DRAFT and "football" in screen.prompt.text()
    person.tap(screen.start_again_button)
    assert screen.step == TOPIC
    assert services.ideas.idea_draft(ron) is None


# -- "You said, we did" ---------------------------------------------------------------------


def test_the_answers_screen_reads_an_answered_idea_and_marks_it_heard(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    """Pat has not heard yet why the home cannot have a cat."""
    window, services = kiosk
    pat = Actor.resident(resident(services, "Pat"))
    waiting = services.ideas.answers_to_hear(pat)
    cat = next(idea for idea in waiting if idea.status is ProposalStatus.DECLINED)
    window.sign_in(resident(services, "Pat"))
    settle()
    answers = window.current
    assert isinstance(answers, AnswersScreen)
    assert cat.id in [shown.id for shown in answers.shown]
    words = answers.answer_words(cat)
    assert words.startswith("No, because: ") and cat.response and cat.response in words
    read = answers.reading_order()
    assert read[0] == answers.title() and read[-1] == window.words.gettext("Thank you")
    assert any(cat.title in line and words in line for line in read)
    person.tap(answers.thank_you_button)
    assert window.current is window.home
    assert services.ideas.answers_to_hear(pat) == []


def test_meal_and_idea_answers_come_in_one_list_oldest_first(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    """Dot's idea is answered "yes" and planned into the week; her meal idea was answered
    first. She hears both, oldest first, and "Thank you" marks both heard."""
    window, services = kiosk
    dot = Actor.resident(resident(services, "Dot"))
    meal = services.suggestions.suggest_meal(
        dot, NewMealSuggestion(meal_slot=MealSlot.SUPPER, title="Cheese on toast")
    )
    services.suggestions.answer(
        staff(services, "kitchen"), meal.id, Answer(AnswerKind.NOT_NOW, "We have no grill.")
    )
    activity = services.schedule.activities(dot)[0]
    idea = services.ideas.suggest_idea(
        dot,
        NewIdea(topic=ProposalTopic.ACTIVITY, title=activity.title, activity_id=activity.id),
    )
    coordinator = staff(services, "coordinator")
    services.ideas.answer(coordinator, idea.id, IdeaAnswer(IdeaAnswerKind.YES))
    zone = ZoneInfo("Europe/London")
    day = (datetime.now(zone) + timedelta(days=5)).date()
    starts = datetime(day.year, day.month, day.day, 14, 0, tzinfo=zone)
    services.schedule.add_slot(
        coordinator,
        NewSlot(
            activity_id=activity.id,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            source=SlotSource.PROPOSAL,
            proposal_id=idea.id,
        ),
    )

    window.sign_in(dot.resident_id)  # type: ignore[arg-type]
    settle()
    answers = window.current
    assert isinstance(answers, AnswersScreen)
    assert [shown.id for shown in answers.shown] == [meal.id, idea.id]
    assert answers.intro.text() == window.words.gettext("We have answered your ideas.")
    said = answers.answer_words(answers.shown[1])
    words = window.words
    assert said.startswith("Yes, we will do this.")
    assert said.count("Yes, we will do this.") == 1  # the stored plain "yes" is not said twice
    assert f"It is on {words.day_and_date(day)} at {words.clock_time(starts)}." in said
    assert "Priya Shah said: " in "\n".join(answers.reading_order())
    person.tap(answers.thank_you_button)
    assert services.ideas.answers_to_hear(dot) == []
    assert services.suggestions.answers_to_hear(dot) == []


def test_many_answers_come_a_few_at_a_time_oldest_first(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    """Back after weeks away with fifteen answers waiting: six at a time, oldest first,
    with words that more follow; each "Thank you" marks those heard and brings the next."""
    window, services = kiosk
    ron = Actor.resident(resident(services, "Ron"))
    kitchen = staff(services, "kitchen")
    already = [a.id for a in services.suggestions.answers_to_hear(ron)]
    already += [a.id for a in services.ideas.answers_to_hear(ron)]
    sent = []
    for n in range(15):
        meal = services.suggestions.suggest_meal(
            ron, NewMealSuggestion(meal_slot=MealSlot.TEA, title=f"Tea idea {n}")
        )
        services.suggestions.answer(kitchen, meal.id, Answer(AnswerKind.NOT_NOW, f"Reply {n}"))
        sent.append(meal.id)
    waiting = len(already) + len(sent)

    window.sign_in(ron.resident_id)  # type: ignore[arg-type]
    settle()
    answers = window.current
    assert isinstance(answers, AnswersScreen)
    heard: list[int] = []
    while window.current is answers:
        batch = [shown.id for shown in answers.shown]
        assert 0 < len(batch) <= ANSWERS_AT_ONCE
        more = window.words.gettext("There are more answers after these.")
        settle()
        said = answers.reading_order()
        assert (more in said) == (len(heard) + len(batch) < waiting)
        if more in said:  # after the cards, before "Thank you"
            assert said.index(more) > max(i for i, w in enumerate(said) if "Tea idea" in w)
        heard += batch
        person.tap(answers.thank_you_button)
    assert window.current is window.home
    assert [i for i in heard if i in sent] == sent  # oldest first, each once
    assert len(heard) == len(set(heard)) == waiting
    assert services.suggestions.answers_to_hear(ron) == []


def test_words_fit_each_kind_of_answer(qtbot: QtBot, demo_dir: Path) -> None:
    """Done, not now, and a slot that has been and gone, in the words the resident hears."""
    with kiosk_window(demo_dir) as (window, _):
        screen = window.screen("answers")
        assert isinstance(screen, AnswersScreen)
        last_week = datetime.now(UTC) - timedelta(days=7)

        def answered(status: ProposalStatus, response: str | None) -> Idea:
            return Idea(
                id=1,
                resident_id=1,
                resident_name="Dot",
                topic=ProposalTopic.ACTIVITY,
                title="A trip to the seaside",
                picture="beach",
                activity_id=None,
                reason=None,
                status=status,
                submitted_at=last_week,
                supporters=0,
                response=response,
                responded_at=last_week,
                planned_for=last_week,
            )

        done = screen.answer_words(answered(ProposalStatus.DONE, "We have done this."))
        assert done.startswith("Done! It was on ")
        later = screen.answer_words(answered(ProposalStatus.NOT_NOW, "The bus is broken."))
        assert later.startswith("Not now, because: The bus is broken.")
        assert screen.has_news() is False  # nobody signed in: nothing to hear


# -- reading order and layout -----------------------------------------------------------------


def test_each_step_is_read_title_then_words_then_choices(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sign_in(window, person, services, "Dot")
    screen = open_ideas(window, person)
    for step in walk_the_steps(screen, person):
        items = screen.reading_items()
        assert items[0] == (None, screen.title()), step
        kinds = [isinstance(widget, QAbstractButton) for widget, _ in items[1:]]
        assert kinds == sorted(kinds), f"{step}: a choice is read before the words"
        if step == "offers":
            assert any("A bird feeder" in words for _, words in items), "the offer is read"
            continue
        assert any(isinstance(widget, QLabel) for widget, _ in items[1:]), step
        panels = {"typing": screen.idea_typing, "why": screen.why_typing}
        question = panels[step].prompt if step in panels else screen.prompt
        assert items[1] == (question, question.text()), step


@pytest.mark.parametrize("scale", [100, 200])
def test_every_step_fits_both_screens(qtbot: QtBot, demo_dir: Path, scale: int) -> None:
    person = Person(qtbot)
    problems: list[str] = []
    with kiosk_window(demo_dir, text_scale=scale) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))  # "Read this to me" shown
        metrics: Metrics = window.theme.metrics
        for width, height in [(1280, 800), (1920, 1080)]:
            window.resize(width, height)
            window.sign_out()
            sign_in(window, person, services, "Dot")
            screen = open_ideas(window, person)
            for step in walk_the_steps(screen, person):
                assert (window.width(), window.height()) == (width, height), step
                problems += [
                    f"{step} {width}x{height}: {problem}"
                    for problem in layout_problems(window, metrics)
                ]
            assert window.current is screen
            screen.keep_unfinished()  # a draft, offered back when she comes again
            window.go_home()
            open_ideas(window, person)
            settle()
            assert screen.step == DRAFT
            problems += [f"draft {width}x{height}: {p}" for p in layout_problems(window, metrics)]
            person.tap(screen.carry_on_button)
            person.tap(screen.send_button)
            settle()
            assert screen.step == THANKS
            problems += [f"thanks {width}x{height}: {p}" for p in layout_problems(window, metrics)]
            person.tap(screen.another_button)
            person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
            feeder = next(key for key in screen.choice_grid.buttons if key.startswith("idea:"))
            person.tap(screen.choice_grid.buttons[feeder])
            settle()
            assert screen.send_button.words == "Me too"
            problems += [f"me too {width}x{height}: {p}" for p in layout_problems(window, metrics)]
            window.sign_out()
            window.sign_in(resident(services, "Pat"))  # the cat: a long answer
            settle()
            assert window.current.name == "answers"
            problems += [f"answers {width}x{height}: {p}" for p in layout_problems(window, metrics)]
    assert problems == [], "\n".join(problems)


def walk_the_steps(screen: SuggestIdeaScreen, person: Person) -> Iterator[str]:
    """Every step of the screen in turn, as a resident reaches it (Back between routes)."""
    settle()
    yield "topic"
    person.tap(screen.topic_grid.buttons[ProposalTopic.ACTIVITY.value])
    settle()
    yield "activities"
    screen.step_back()
    person.tap(screen.topic_grid.buttons[ProposalTopic.HOME.value])
    settle()
    yield "home"
    person.tap(screen.type_button)
    settle()
    yield "typing"
    screen.idea_typing.line_edit.setText("a bird feeder")
    settle()
    yield "offers"  # "me too" offers take the question's place under the box
    screen.idea_typing.done.emit()
    settle()
    yield "confirm"
    person.tap(screen.why_button)
    settle()
    yield "why"
    screen.why_typing.done.emit()
    settle()
    yield "confirm-again"
