"""My care plan, as a resident uses it, on the real window and the demo home.

Margaret opens her plan with her PIN (7314); Bill chose an open plan and has none
written yet. Speech comes from a stand-in engine that keeps what it is asked to say; the
test plays its sentences. The window's highlighting and the page turning are real (the
engine and the audio are tested in test_read_aloud.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import Services
from kiosk.domain.access import Actor
from kiosk.domain.care_plans import PlanDraft, WhoTookPart
from kiosk.domain.enums import CarePlanSection
from kiosk.speech.sentences import split_sentences
from kiosk.speech.synthesizer import SpeechListener
from kiosk.speech.voices import Voice
from kiosk.storage import models
from kiosk.storage.database import open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.my_care_plan_screen import MyCarePlanScreen
from kiosk.ui.speech_player import SpeechPlayer
from kiosk.ui.theme import Metrics
from kiosk.ui.widgets.touch_button import TouchButton
from tests.helpers.layout import layout_problems
from tests.helpers.person import CountingPerson, Person
from tests.helpers.shell import kiosk_window, settle

MARGARET_PIN = "7314"
PAGE_HEADINGS = [
    "What matters most to me",
    "People who are important to me",
    "How I communicate, and how to talk with me",
    "My wellness",
    "Please do, and please don't",
    "How and when to support me",
    "Also worth knowing about me",
    "My goals",
    "My day",
    "Risks we agreed",
    "Who helped me write this",
]
TALK_THANKS = "Thank you. A member of staff will come and talk with you about this."


class ListeningVoice:
    """A speech engine at the kiosk's boundary that keeps every text it is asked to say and
    records none of it: a test plays the sentences itself, with :func:`play`."""

    available = True

    def __init__(self) -> None:
        self.said: list[str] = []

    def speak(self, text: str, voice: Voice, listener: SpeechListener) -> int:
        self.said.append(text)
        return len(self.said)

    def cancel(self, number: int | None = None) -> None:
        """Nothing was recorded, so nothing is left to cancel."""


def play(player: SpeechPlayer, text: str) -> None:
    """Each sentence of ``text`` heard in turn, as the player says so; then the end."""
    for sentence in split_sentences(text):
        player.sentence_started.emit(sentence.start, sentence.end)
    player.stop()


@pytest.fixture
def person(qtbot: QtBot) -> CountingPerson:
    return CountingPerson(qtbot)


@pytest.fixture
def kiosk(demo_dir: Path) -> Iterator[tuple[MainWindow, Services]]:
    """The kiosk as it is: each resident's own text size (Margaret's is 150 %)."""
    with kiosk_window(demo_dir) as opened:
        yield opened


@pytest.fixture
def voice(kiosk: tuple[MainWindow, Services]) -> ListeningVoice:
    window, _ = kiosk
    engine = ListeningVoice()
    window.connect_speech(SpeechPlayer(engine, parent=window))
    return engine


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def staff_actor(services: Services, role: str) -> Actor:
    demo = next(member for member in STAFF if member.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def sign_in(window: MainWindow, services: Services, name: str) -> None:
    """The face chosen (the taps that takes are not the task's)."""
    window.sign_in(resident_id(services, name))
    settle()
    if window.current.name == "answers":  # "You said, we did" first
        window.after_answers()
        settle()


def open_plan(
    window: MainWindow, services: Services, person: Person, name: str
) -> MyCarePlanScreen:
    """From Home, as the resident: My care plan, then their PIN if they chose one."""
    sign_in(window, services, name)
    person.tap(window.home.task_buttons["my-care-plan"])
    if window.current.name == "private-pin":
        Person(person.qtbot).type_pin(window.private_pin.pin_pad, MARGARET_PIN)  # not task taps
    settle()
    screen = window.current
    assert isinstance(screen, MyCarePlanScreen), screen.name
    return screen


def write_plan(services: Services, name: str, sections: dict[CarePlanSection, str]) -> int:
    """A plan written by the carer with the resident (empty sections left out)."""
    rid = resident_id(services, name)
    services.care_plans.save(
        staff_actor(services, "carer"),
        rid,
        PlanDraft(sections=sections),
        WhoTookPart(f"{name} and Tomasz", resident_took_part=True),
    )
    return rid


def confirmations(demo_dir: Path, rid: int) -> list[str]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"))
    try:
        with database.sessions() as session:
            rows = session.scalars(
                select(models.CarePlanConfirmation).where(
                    models.CarePlanConfirmation.resident_id == rid
                )
            ).all()
            return [row.section for row in rows]
    finally:
        database.dispose()


def headings(screen: MyCarePlanScreen) -> list[str]:
    return [page.heading for page in screen.book.pages]


# -- pages -------------------------------------------------------------------------------


def test_the_plan_is_a_page_for_each_section_then_goals_day_risks_and_helpers(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    assert headings(screen) == PAGE_HEADINGS
    plan = services.care_plans.current(window.private_actor, resident_id(services, "Margaret"))  # type: ignore[arg-type]
    assert plan is not None
    assert screen.heading.text() == "What matters most to me"
    assert screen.body.text() == plan.body(CarePlanSection.WHAT_MATTERS)  # type: ignore[attr-defined]
    sentences = [label.text() for label in screen.view.body.sentences]
    assert sentences[0] == "My daughter Susan and my grandsons."
    assert " ".join(sentences) == plan.body(CarePlanSection.WHAT_MATTERS)
    assert screen.book.page_label.text() == "Page 1 of 11"
    assert not screen.book.previous_button.isEnabled()
    for number, heading in enumerate(PAGE_HEADINGS[1:], start=2):
        person.tap(screen.next_button)
        assert screen.heading.text() == heading
        assert screen.book.page_label.text() == f"Page {number} of 11"
        assert screen.heading.isVisible() and screen.body.isVisible()
    assert not screen.next_button.isEnabled()  # the last page
    goals = screen.book.views[7].body.text()
    assert "I want to sing a hymn on my own at the Sunday service." in goals
    assert "You have done this." in goals  # the garden bench, every day
    day = screen.book.views[8].body.text()
    assert "Music: Radio 4, not too loud" in day
    assert screen.body.text() == "Written with Margaret and her daughter Susan at her review"
    assert not screen.book.yes_button.isVisible()  # only a section is said to be right
    assert screen.book.talk_button.isVisible()
    person.tap(screen.book.previous_button)
    assert screen.heading.text() == "Risks we agreed"
    assert "We will look at your plan together again on" in screen.view.review.text()


def test_a_plan_with_empty_sections_offers_to_talk_about_them(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    rid = write_plan(services, "Bill", {CarePlanSection.WELLNESS: "I walk every day."})
    screen = open_plan(window, services, person, "Bill")
    assert screen.heading.text() == "What matters most to me"
    assert screen.body.text() == (
        "Not written yet. Would you like to talk about this with a member of staff?"
    )
    assert not screen.book.yes_button.isVisible()  # nothing yet to say is right
    assert headings(screen)[7:] == ["My goals", "My day"]  # no risks, no helpers named
    assert screen.book.views[7].body.text().startswith("Not written yet.")
    person.tap(screen.book.talk_button)
    assert screen.book.thanks.text() == TALK_THANKS
    carer = staff_actor(services, "carer")
    [request] = [r for r in services.care_plan_talk.requests(carer) if r.resident_id == rid]
    assert request.section is CarePlanSection.WHAT_MATTERS


def test_no_plan_yet_says_so_and_still_lets_them_ask(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Bill")
    assert screen.sections == ()
    assert screen.heading.text() == "Your care plan"
    assert "has not been written yet" in screen.body.text()  # type: ignore[attr-defined]
    assert not screen.next_button.isVisible() and not screen.book.yes_button.isVisible()
    person.tap(screen.book.talk_button)
    carer = staff_actor(services, "carer")
    [request] = [r for r in services.care_plan_talk.requests(carer) if r.resident_name == "Bill"]
    assert request.section is None


# -- "Yes, that's right" and "I want to talk about this" ---------------------------------


def test_yes_thats_right_is_recorded_once_even_when_tapped_twice(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, demo_dir: Path
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    rid = resident_id(services, "Margaret")
    before = confirmations(demo_dir, rid)
    said: list[str] = []
    screen.say.connect(said.append)
    person.tap(screen.next_button)
    assert screen.page.section is CarePlanSection.IMPORTANT_PEOPLE
    assert not screen.view.confirmed.isVisible()  # not said to be right yet
    person.tap(screen.book.yes_button)
    person.tap(screen.book.yes_button)  # a second tap, a moment later
    assert confirmations(demo_dir, rid) == [*before, "important_people"]
    assert screen.view.confirmed.text() == "You said this was right today."
    assert screen.book.thanks.isVisible() and said == [screen.book.thanks.text()] * 2
    plan = services.care_plans.current(window.private_actor, rid)  # type: ignore[arg-type]
    assert plan is not None and CarePlanSection.IMPORTANT_PEOPLE in plan.confirmed


def test_i_want_to_talk_about_this_asks_staff_about_that_section(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    carer = staff_actor(services, "carer")
    waiting = services.care_plan_talk.requests(carer)
    for _ in range(5):
        person.tap(screen.next_button)
    assert screen.page.section is CarePlanSection.SUPPORT
    person.tap(screen.book.talk_button)
    assert screen.book.thanks.text() == TALK_THANKS and screen.book.thanks.isVisible()
    person.tap(screen.book.talk_button)  # asking twice is fine: still one request
    new = [r for r in services.care_plan_talk.requests(carer) if r not in waiting]
    assert [(r.resident_name, r.section) for r in new] == [("Margaret", CarePlanSection.SUPPORT)]
    person.tap(screen.next_button)  # a new page: the thanks was for the last one
    assert not screen.book.thanks.isVisible()
    person.tap(screen.next_button)  # "My goals": not a section, so its name goes with it
    person.tap(screen.book.talk_button)
    [goals] = [r for r in services.care_plan_talk.requests(carer) if r not in waiting][1:]
    assert goals.section is None and goals.note == "My goals"


def test_what_came_of_a_request_is_heard_once_before_the_plan(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    carer = staff_actor(services, "carer")
    [eye_drops] = [
        r for r in services.care_plan_talk.requests(carer) if r.resident_name == "Margaret"
    ]
    services.care_plan_talk.resolve(carer, eye_drops.id, "Your eye drops are now at 9 and at 6.")
    screen = open_plan(window, services, person, "Margaret")
    assert screen.steps.step == 0 and screen.outcomes.isVisible()
    read = screen.reading_order()
    assert read[:2] == ["My care plan", screen.outcomes.intro.text()]
    assert "My wellness" in read
    assert "You asked to talk about this." in read
    assert "Tomasz Zieliński said: Your eye drops are now at 9 and at 6." in read
    assert read[-1] == "Thank you"
    person.tap(screen.outcomes.thank_you_button)
    assert screen.heading.isVisible() and screen.heading.text() == "What matters most to me"
    window.go_home()
    person.tap(window.home.task_buttons["my-care-plan"])  # still unlocked: no PIN again
    assert window.current is screen
    assert screen.steps.step == 1 and not screen.outcomes.isVisible()
    actor = window.private_actor
    assert actor is not None
    assert services.care_plan_talk.outcomes_to_hear(actor, resident_id(services, "Margaret")) == ()


# -- privacy -----------------------------------------------------------------------------


def test_only_the_plan_of_the_person_the_reader_is_ever_shown(
    kiosk: tuple[MainWindow, Services],
) -> None:
    window, services = kiosk
    margaret, kaur = resident_id(services, "Margaret"), resident_id(services, "Mrs Kaur")
    kaur_plan = services.care_plans.current(Actor.resident_in_private(kaur), kaur)
    assert kaur_plan is not None
    kaur_words = {text.body for text in kaur_plan.sections if text.body}
    reader: list[Actor | None] = [None]
    screen = MyCarePlanScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        care_plans=services.care_plans,
        care_plan_talk=services.care_plan_talk,
        reader=lambda: reader[0],
    )

    def everything_shown() -> set[str]:
        return {view.body.text() for view in screen.book.views} | {
            view.heading.text() for view in screen.book.views
        }

    screen.refresh()  # nobody past a check
    assert screen.heading.text() == "Please touch your name first."
    assert not screen.book.yes_button.isVisibleTo(
        screen
    ) and not screen.book.talk_button.isVisibleTo(screen)
    reader[0] = Actor.resident(kaur)  # Mrs Kaur, chosen by face but past no check
    screen.refresh()
    assert screen.heading.text() == "Sorry, you are not allowed to do that."
    assert not everything_shown() & kaur_words
    reader[0] = Actor.resident_in_private(margaret)  # Margaret, past her PIN
    screen.refresh()
    assert screen.book.pages[0].text.startswith("My daughter Susan")
    assert not everything_shown() & kaur_words
    screen.deleteLater()


# -- reading aloud -----------------------------------------------------------------------


def test_a_page_is_read_title_words_then_choices(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    sentences = [label.text() for label in screen.view.body.sentences]
    assert screen.reading_order() == [
        "My care plan",
        "What matters most to me",
        *sentences,
        "You said this was right on " + screen.view.confirmed.text().split(" on ", 1)[1],
        screen.view.review.text(),
        "Page 1 of 11",
        *[button.accessibleName() for button in screen.book.scroll_buttons if button.isEnabled()],
        "Yes, that's right",
        "I want to talk about this",
        "Read it all",
        "Next page ›",  # "Back a page" is left out on the first page: it does nothing
    ]
    assert screen.view.review.text().startswith("We will look at your plan together again on")
    widgets = [widget for widget, _ in screen.reading_items()]
    assert widgets[0] is None  # the window's title
    assert widgets[2:7] == screen.view.body.sentences  # a sentence to a label: lit up alone


def test_hearing_a_section_is_at_most_four_taps_from_home(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, voice: ListeningVoice
) -> None:
    window, services = kiosk
    person.taps = 0
    screen = open_plan(window, services, person, "Margaret")  # her face, 1, and her PIN
    person.tap(screen.next_button)  # 2
    person.tap(screen.next_button)  # 3
    person.tap(window.read_button)  # 4: "How I communicate…" read aloud
    assert person.taps == 4
    heard = voice.said[-1].split("\n")
    assert heard[:2] == ["My care plan", "How I communicate, and how to talk with me"]
    assert "Please say your name when you come in, and tell me what you are doing." in heard
    # The first section takes two taps; "Read it all" reads every one after two.
    window.go_home()
    person.taps = 0
    person.tap(window.home.task_buttons["my-care-plan"])
    person.tap(screen.book.read_all_button)
    assert person.taps == 2
    assert all(heading in voice.said[-1].split("\n") for heading in PAGE_HEADINGS)


def test_read_it_all_reads_every_page_in_turn_and_turns_the_pages(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, voice: ListeningVoice
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    player = window.speech
    assert player is not None
    seen: list[tuple[int, bool]] = []  # the page shown, and whether the words lit are in sight
    player.sentence_started.connect(
        lambda *_: seen.append(
            (screen.book.index, window.highlighted is not None and window.highlighted.isVisible())
        )
    )
    person.tap(screen.book.read_all_button)
    play(player, voice.said[-1])
    text = voice.said[-1].split("\n")
    assert text[0] == "My care plan"
    assert [line for line in text if line in PAGE_HEADINGS] == PAGE_HEADINGS
    assert text[-1].startswith("We will look at your plan together again on")
    assert text.count(text[-1]) == 1  # the review date once, not on every page
    assert "Yes, that's right" not in text and "Page 1 of 11" not in text
    pages_in_turn = [page for n, (page, _) in enumerate(seen) if n == 0 or seen[n - 1][0] != page]
    assert pages_in_turn == list(range(len(PAGE_HEADINGS)))
    assert all(in_sight for _, in_sight in seen)
    assert window.highlighted is None


def test_every_button_can_say_its_words_on_every_page(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, voice: ListeningVoice
) -> None:
    """Long press (or talking buttons) reads a button: the window wires the buttons it
    finds when the screen opens, so no page may bring buttons of its own later."""
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    buttons = set(screen.findChildren(TouchButton))
    while screen.next_button.isEnabled():
        person.tap(screen.next_button)
    window.words.switch("cy")  # the pages are made again, in Welsh
    assert set(screen.findChildren(TouchButton)) == buttons
    assert all(button.property("speaks") for button in buttons)


def test_turning_a_page_by_hand_stops_the_reading(
    kiosk: tuple[MainWindow, Services], person: CountingPerson, voice: ListeningVoice
) -> None:
    window, services = kiosk
    screen = open_plan(window, services, person, "Margaret")
    player = window.speech
    assert player is not None
    person.tap(screen.book.read_all_button)
    assert player.speaking
    person.tap(screen.next_button)
    assert not player.speaking and screen.book.index == 1


# -- a very long section -----------------------------------------------------------------


def test_a_very_long_section_scrolls_with_big_buttons_and_loses_nothing(
    kiosk: tuple[MainWindow, Services], person: CountingPerson
) -> None:
    window, services = kiosk
    sentence = "I like my tea at eight <b>& strong</b>, with the radio on. "
    long = (sentence * (10_000 // len(sentence) + 1))[:10_000].strip()
    write_plan(services, "Bill", {CarePlanSection.WHAT_MATTERS: long})
    screen = open_plan(window, services, person, "Bill")
    assert screen.body.text() == long  # type: ignore[attr-defined]
    shown = " ".join(label.text() for label in screen.view.body.sentences)
    assert shown == long and "<b>& strong</b>" in shown  # plain text, every word
    assert layout_problems(window, window.theme.metrics) == []
    view = screen.view
    bar = view.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    assert screen.book.scroll_buttons == [screen.book.up_button, screen.book.down_button]
    assert not screen.book.up_button.isEnabled() and screen.book.down_button.isEnabled()
    assert screen.reading_order()[-5:-3] == ["Down", "Yes, that's right"]  # heard, in turn
    turns = 0
    while screen.book.down_button.isEnabled():
        before = bar.value()
        person.tap(screen.book.down_button)
        assert bar.value() > before and screen.book.index == 0
        turns += 1
    assert turns > 3 and view.at_bottom
    person.tap(screen.book.up_button)
    assert not view.at_bottom and screen.book.down_button.isEnabled()
    person.tap(screen.next_button)  # Next always turns the page, wherever the words are
    assert screen.book.index == 1 and screen.book.scroll_buttons == []  # "Not written yet" fits


# -- how it looks --------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("text_scale", [100, 200])
def test_every_page_fits_without_clipped_words(
    demo_dir: Path, qtbot: QtBot, size: tuple[int, int], text_scale: int
) -> None:
    person = Person(qtbot)
    with kiosk_window(demo_dir, text_scale=text_scale, size=size) as (window, services):
        window.connect_speech(SpeechPlayer(None, parent=window))
        carer = staff_actor(services, "carer")
        [request] = [
            r for r in services.care_plan_talk.requests(carer) if r.resident_name == "Margaret"
        ]
        services.care_plan_talk.resolve(carer, request.id, "We moved your eye drops to 9.")
        screen = open_plan(window, services, person, "Margaret")
        metrics: Metrics = window.theme.metrics
        assert metrics.text_scale == text_scale
        assert layout_problems(window, metrics) == [], "what came of a request"
        person.tap(screen.outcomes.thank_you_button)
        for page in range(len(screen.book.pages)):
            settle()
            assert layout_problems(window, metrics) == [], screen.heading.text()
            if page == 1:
                person.tap(screen.book.yes_button)  # the thanks, under the words
                settle()
                assert layout_problems(window, metrics) == [], "thanks"
            while screen.next_button.isEnabled() and screen.book.index == page:
                person.tap(screen.next_button)
