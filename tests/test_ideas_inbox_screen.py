"""The coordinator's ideas inbox, tapped as a coordinator would, on real widgets offscreen,
over the real ideas service on a copy of the demo home."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind, ProposalStatus
from kiosk.domain.ideas import Idea, IdeaAnswerKind
from kiosk.i18n import Words
from kiosk.services.ideas import IdeasService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.ideas_inbox_screen import IdeasInboxScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("IDEAS_SCREENS_DIR", "/tmp/ideas-screens"))
LONDON = ZoneInfo("Europe/London")

NOT_ALLOWED = "Sorry, you are not allowed to do that."
NEEDS_WORDS = "Please say why, in plain words. The resident will hear this answer."


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Database]:
    opened = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield opened
    opened.dispose()


@pytest.fixture
def service(demo: Database) -> IdeasService:
    return IdeasService(demo.sessions)


def staff_member(demo: Database, role: str) -> Actor:
    person = next(p for p in STAFF if p.role == role)
    staff = StaffService(demo.sessions)
    member = next(m for m in staff.sign_in_choices() if m.name == person.name)
    return staff.sign_in(member.id, person.pin)


def resident(demo: Database, name: str) -> Actor:
    with demo.sessions() as session:
        found = session.scalar(
            select(models.Resident.id).where(models.Resident.preferred_name == name)
        )
    assert found is not None
    return Actor.resident(found)


Build = Callable[..., IdeasInboxScreen]


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(qtbot: QtBot, demo: Database, service: IdeasService) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    hosts: list[Host] = []  # kept alive for the test

    def build_screen(
        *, role: str = "coordinator", scale: int = 100, size: tuple[int, int] = (1280, 800)
    ) -> IdeasInboxScreen:
        theme = Theme(STANDARD, Metrics(dpi=96, text_scale=scale))
        actor = staff_member(demo, role)
        screen = IdeasInboxScreen(
            words=Words(LOCALES, "en_GB"),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            ideas=service,
            now=lambda: datetime.now(LONDON),
        )
        host = Host(screen, theme, screen.pictures)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen


def idea_titled(screen: IdeasInboxScreen, start: str) -> Idea:
    return next(idea for idea in screen.ideas if idea.title.startswith(start))


def sent_on(screen: IdeasInboxScreen, idea: Idea) -> str:
    assert idea.submitted_at is not None
    return screen.words.day_and_date(idea.submitted_at.astimezone(LONDON).date())


def days_waiting(idea: Idea) -> int:
    assert idea.submitted_at is not None
    return (datetime.now(LONDON) - idea.submitted_at).days


def save(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


# ---------------------------------------------------------------------------------------
# The list


def test_the_list_shows_who_what_when_how_many_and_flags_the_overdue(build: Build) -> None:
    screen = build()
    assert screen.summary.text() == "3 waiting for an answer (1 for more than 14 days)."
    assert [i.answered for i in screen.ideas] == sorted(i.answered for i in screen.ideas)

    feeder = idea_titled(screen, "A bird feeder")  # sent 17 days ago
    words = screen.idea_buttons[feeder.id].words.split("\n")
    assert words[0] == "⚑ Over 14 days: please answer. A bird feeder outside the lounge window"
    assert words[1] == f"The home, from Eirlys, sent {sent_on(screen, feeder)}"
    assert words[2:] == ["3 more residents want it", f"Waiting {days_waiting(feeder)} days"]
    assert days_waiting(feeder) in (16, 17)  # as whole days: 16 before the time it was sent
    assert screen.idea_buttons[feeder.id].picture_key == "bird"

    garden = idea_titled(screen, "A trip to the garden")  # sent 6 days ago
    words = screen.idea_buttons[garden.id].words.split("\n")
    assert words[:2] == [
        "A trip to the garden centre",
        f"Activity, from Margaret, sent {sent_on(screen, garden)}",
    ]
    assert words[3] == f"Waiting {days_waiting(garden)} days"
    paper = screen.idea_buttons[idea_titled(screen, "A large-print").id].words
    assert "\nOther, from Joan, sent " in paper and "1 more resident wants it" in paper

    cat = screen.idea_buttons[idea_titled(screen, "Could we have a cat").id].words
    assert "Answered: No: Two people here are allergic" in cat
    knitting = screen.idea_buttons[idea_titled(screen, "A knitting circle").id].words
    assert "from Priya Shah (staff), for the residents" in knitting
    seaside = screen.idea_buttons[idea_titled(screen, "A trip to the seaside").id].words
    assert "\nIn the week: " in seaside and "Answered: Done: What a good idea." in seaside


def test_only_those_who_plan_activities_see_the_ideas(build: Build) -> None:
    screen = build(role="kitchen")
    assert screen.problem.isVisible() and screen.problem.text() == NOT_ALLOWED
    assert screen.ideas == [] and screen.idea_buttons == {}


# ---------------------------------------------------------------------------------------
# Answering


def test_yes_with_words_and_not_now_without_words_is_refused_in_words(
    build: Build, person: Person, qtbot: QtBot, demo: Database, service: IdeasService
) -> None:
    screen = build()
    garden = idea_titled(screen, "A trip to the garden")
    person.tap(screen.idea_buttons[garden.id])
    assert screen.answer_panel.isVisible() and not screen.list_panel.isVisible()
    assert screen.idea_title.text() == "A trip to the garden centre"
    assert "Why: To look at the plants" in screen.idea_details.text()
    assert not screen.send_button.isVisible()  # an answer is chosen first

    person.tap(screen.kind_buttons[IdeaAnswerKind.NOT_NOW])
    assert screen.reason_label.text() == "Why? Say it in plain words the resident will hear."
    person.tap(screen.send_button)
    assert screen.problem.isVisible() and screen.problem.text() == NEEDS_WORDS
    assert screen.answer_panel.isVisible() and screen.chosen == garden  # nothing lost
    assert screen.kind is IdeaAnswerKind.NOT_NOW and screen.kind_buttons[screen.kind].chosen
    assert service.answers_to_hear(resident(demo, "Margaret")) == []

    person.tap(screen.kind_buttons[IdeaAnswerKind.YES])
    assert screen.reason_label.text() == "Anything to add? (You can leave this empty.)"
    screen.reason_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)  # the on-screen keyboard rises to type on
    qtbot.keyClicks(screen.reason_edit, "We have booked the minibus for Tuesday & <tea>.")
    screen._on_keyboard_done()
    person.tap(screen.send_button)

    assert not screen.problem.isVisible(), screen.problem.text()
    assert screen.list_panel.isVisible() and screen.chosen is None
    assert screen.summary.text().startswith("Answer sent. Margaret will hear it next time.\n")
    [heard] = service.answers_to_hear(resident(demo, "Margaret"))
    assert heard.id == garden.id and heard.status is ProposalStatus.AGREED
    assert heard.response == "We have booked the minibus for Tuesday & <tea>."
    words = screen.idea_buttons[garden.id].words
    assert "Answered: Yes: We have booked the minibus for Tuesday & <tea>." in words


def test_an_answered_idea_answered_again_is_heard_again(
    build: Build, person: Person, demo: Database, service: IdeasService
) -> None:
    bill = resident(demo, "Bill")
    assert service.answers_to_hear(bill) == []  # Bill heard "not now" about the races
    screen = build()
    races = idea_titled(screen, "A day at the races")
    person.tap(screen.idea_buttons[races.id])
    assert screen.kind_label.text() == "Answer again (they will hear the new answer)"
    assert "Answered: Not now: Not just now." in screen.idea_details.text()
    person.tap(screen.kind_buttons[IdeaAnswerKind.YES])
    person.tap(screen.send_button)

    [again] = service.answers_to_hear(bill)
    assert (again.id, again.status, again.response) == (
        races.id,
        ProposalStatus.AGREED,
        "Yes, we will do this.",
    )
    assert "Answered: Yes, we will do this." in screen.idea_buttons[races.id].words
    assert screen.summary.text().startswith("Answer sent. Bill will hear it next time.")


def test_back_from_an_idea_goes_to_the_list(build: Build, person: Person, qtbot: QtBot) -> None:
    screen = build()
    person.tap(screen.idea_buttons[screen.ideas[0].id])
    assert screen.step_back() is True
    qtbot.wait(10)
    assert screen.list_panel.isVisible() and not screen.answer_panel.isVisible()
    assert screen.step_back() is False  # from the list, Back leaves the screen
    person.tap(screen.idea_buttons[screen.ideas[0].id])
    person.tap(screen.back_button)
    assert screen.list_panel.isVisible() and screen.chosen is None


# ---------------------------------------------------------------------------------------
# How it looks


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("scale", [100, 200])
def test_every_part_fits(
    build: Build, person: Person, qtbot: QtBot, scale: int, size: tuple[int, int]
) -> None:
    screen = build(scale=scale, size=size)
    host = screen.window()
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)  # let the layout settle, as it has before a person looks
        assert (host.width(), host.height()) == size
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save(host, f"ideas-inbox-{name}-{size[0]}x{size[1]}-{scale}")

    check("list")
    answered = next(idea for idea in screen.ideas if idea.answered and idea.planned_for)
    screen.scroll.verticalScrollBar().setValue(
        screen.idea_buttons[answered.id].mapTo(screen.scroll.widget(), host.rect().topLeft()).y()
    )
    check("list-answered")
    person.tap(screen.idea_buttons[screen.ideas[0].id])
    person.tap(screen.kind_buttons[IdeaAnswerKind.NOT_NOW])
    person.tap(screen.send_button)
    assert screen.problem.text() == NEEDS_WORDS
    check("refused")
    screen.reason_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    check("typing")
    assert problems == [], "\n".join(problems)
