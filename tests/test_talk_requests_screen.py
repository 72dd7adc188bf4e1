"""The carers' "Requests to talk", tapped as a carer would, on real widgets offscreen, over
the real care-plan talk service on a copy of the demo home.

The demo home has one request waiting (Margaret, about her wellness, two days ago) and one
sorted out (Dai, about how to support him). Tests add more as residents do: past their
private check, through the service.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.care_plan_records import TalkRequestView
from kiosk.domain.enums import CarePlanSection, DatabaseKind, TalkRequestSource
from kiosk.i18n import Words
from kiosk.services.care_plan_talk import CarePlanTalkService
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.storage.types import utc_now
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.talk_requests_screen import TalkRequestsScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("TALK_SCREENS_DIR", "/tmp/talk-requests-screens"))
LONDON = ZoneInfo("Europe/London")

NOT_ALLOWED = "Sorry, you are not allowed to do that."
EMPTY_REFUSED = "What you agreed: Please write something here first."
ALREADY_SORTED = "This has been sorted out already."
HOSTILE = (
    "<b>Eye drops</b> & <script>alert('x')</script> "
    "'); DROP TABLE talk_request;-- %s {name} \\n 50% less 😊 ਸਤ ਸ੍ਰੀ ਅਕਾਲ Zieliński"
)
KAUR_NOTE = "I would like my granddaughter Simran to be there when we talk."


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
def services(demo_dir: Path, demo: Database) -> Services:
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, locale=None, environ={})
    return Services(demo, config)


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


def in_private(services: Services, name: str) -> Actor:
    return Actor.resident_in_private(resident_id(services, name))


def staff_member(services: Services, role: str) -> Actor:
    person = next(p for p in STAFF if p.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == person.name)
    return services.staff.sign_in(member.id, person.pin)


def ask(
    services: Services,
    demo: Database,
    name: str,
    section: CarePlanSection | None,
    note: str | None = None,
    *,
    days_ago: int = 0,
) -> TalkRequestView:
    """ "I want to talk about this", as the resident at the kiosk, ``days_ago`` days ago."""
    moment = utc_now() - timedelta(days=days_ago)
    talk = CarePlanTalkService(demo.sessions, now=lambda: moment)
    return talk.ask_to_talk(in_private(services, name), resident_id(services, name), section, note)


class CountingTalk:
    """The real service, counting the calls to ``resolve``."""

    def __init__(self, talk: CarePlanTalkService) -> None:
        self._talk = talk
        self.resolved: list[int] = []

    def requests(
        self, actor: Actor, *, include_resolved: bool = False
    ) -> Sequence[TalkRequestView]:
        return self._talk.requests(actor, include_resolved=include_resolved)

    def resolve(self, actor: Actor, request_id: int, resolution: str) -> TalkRequestView:
        self.resolved.append(request_id)
        return self._talk.resolve(actor, request_id, resolution)


Build = Callable[..., TalkRequestsScreen]


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def talk(services: Services) -> CountingTalk:
    return CountingTalk(services.care_plan_talk)


@pytest.fixture
def build(qtbot: QtBot, services: Services, talk: CountingTalk) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    hosts: list[Host] = []

    def build_screen(
        *,
        role: str | None = "carer",
        scale: int = 100,
        size: tuple[int, int] = (1280, 800),
    ) -> TalkRequestsScreen:
        theme = Theme(STANDARD, Metrics(dpi=96, text_scale=scale))
        actor = staff_member(services, role) if role else None
        screen = TalkRequestsScreen(
            words=Words(LOCALES, "en_GB"),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            talk=talk,
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


def lines_of(screen: TalkRequestsScreen, request: TalkRequestView) -> list[str]:
    return screen.request_buttons[request.id].words.split("\n")


def day_of(screen: TalkRequestsScreen, moment: datetime) -> str:
    return screen.words.day_and_date(moment.astimezone(LONDON).date())


def waited(request: TalkRequestView) -> int:
    return (datetime.now(LONDON) - request.raised_at).days


def type_agreed(screen: TalkRequestsScreen, qtbot: QtBot, text: str) -> None:
    """Touch the box (the on-screen keyboard rises), type, then the keyboard's Done. Qt's
    test keys are ASCII only: other letters and emoji are pasted in, as from a phone."""
    screen.agreed_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    if text.isascii():
        qtbot.keyClicks(screen.agreed_edit, text)
    else:
        screen.agreed_edit.insert(text)
    screen.keyboard.done.emit()
    assert not screen.keyboard.isVisible()


def save(host: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------
# The list


def test_requests_wait_oldest_first_with_who_what_when_how_and_the_note(
    build: Build, services: Services, demo: Database
) -> None:
    dai = ask(services, demo, "Dai", CarePlanSection.DO_AND_DONT, days_ago=5)
    kaur = ask(services, demo, "Mrs Kaur", None, KAUR_NOTE)
    screen = build()

    margaret = next(r for r in screen.requests if r.resident_name == "Margaret")
    assert [r.id for r in screen.requests] == [dai.id, margaret.id, kaur.id]
    assert list(screen.request_buttons) == [dai.id, margaret.id, kaur.id]
    assert screen.summary.text().startswith("3 requests are waiting, the longest wait first.")

    assert lines_of(screen, dai) == [
        "Dai: Please do, and please don't",
        "Waiting 5 days",
        f"Dai asked at the kiosk on {day_of(screen, dai.raised_at)}",
    ]
    assert lines_of(screen, margaret) == [
        "Margaret: My wellness",
        f"Waiting {waited(margaret)} days",
        f"Margaret asked at the kiosk on {day_of(screen, margaret.raised_at)}",
        "Note: I want to talk about my eye drops.",
    ]
    assert waited(margaret) in (1, 2)  # whole days: 1 before the time of day it was raised
    assert lines_of(screen, kaur) == [
        "Mrs Kaur: The whole plan",
        "Waiting since today",
        f"Mrs Kaur asked at the kiosk on {day_of(screen, kaur.raised_at)}",
        f"Note: {KAUR_NOTE}",
    ]
    assert screen.request_buttons[dai.id].picture_key == "section-do-and-dont"
    assert screen.request_buttons[kaur.id].picture_key == "talk"  # the whole plan


def test_a_request_staff_noted_for_a_resident_says_so(build: Build, services: Services) -> None:
    carer = staff_member(services, "carer")
    bill = resident_id(services, "Bill")
    noted = services.care_plan_talk.ask_to_talk(
        carer, bill, CarePlanSection.SUPPORT, "Bill asked me at breakfast."
    )
    assert noted.raised_via is TalkRequestSource.STAFF
    screen = build()
    assert lines_of(screen, noted)[2] == (
        f"Staff noted it for Bill on {day_of(screen, noted.raised_at)}"
    )


def test_nobody_waiting_is_said_in_words(build: Build, services: Services) -> None:
    [margaret] = services.care_plan_talk.requests(staff_member(services, "manager"))
    services.care_plan_talk.resolve(staff_member(services, "manager"), margaret.id, "Done.")
    screen = build()
    assert screen.requests == [] and screen.request_buttons == {}
    assert screen.summary.text() == "Nobody is waiting to talk about their care plan."


def test_only_staff_who_write_care_plans_see_the_requests(build: Build) -> None:
    screen = build(role="kitchen")
    assert screen.problem.isVisible() and screen.problem.text() == NOT_ALLOWED
    assert screen.requests == [] and screen.request_buttons == {}
    screen = build(role="coordinator")
    assert screen.problem.text() == NOT_ALLOWED and screen.request_buttons == {}
    screen = build(role=None)
    assert screen.problem.text() == "Please sign in as staff first."
    assert screen.request_buttons == {}


# ---------------------------------------------------------------------------------------
# Sorting one out


def test_what_was_agreed_is_kept_exactly_and_the_resident_hears_it(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    margaret_id = resident_id(services, "Margaret")
    margaret = in_private(services, "Margaret")
    assert services.care_plan_talk.outcomes_to_hear(margaret, margaret_id) == ()
    screen = build()
    [waiting] = screen.requests
    person.tap(screen.request_buttons[waiting.id])
    assert screen.resolve_panel.isVisible() and not screen.list_panel.isVisible()
    assert screen.request_title.text() == "Margaret: My wellness"
    assert "Note: I want to talk about my eye drops." in screen.request_details.text()
    assert screen.agreed_label.text() == "What did you agree together?"
    assert screen.agreed_hint.text().startswith("Margaret will hear these words the next time")

    type_agreed(screen, qtbot, HOSTILE)
    assert screen.agreed_edit.text() == HOSTILE
    person.tap(screen.save_button)

    assert not screen.problem.isVisible(), screen.problem.text()
    assert screen.list_panel.isVisible() and screen.chosen is None
    assert screen.saved_notice.isVisible()
    assert screen.saved_notice.text() == (
        "Saved. Margaret will hear what you agreed the next time they open their care plan."
    )
    assert screen.requests == [] and screen.request_buttons == {}

    [heard] = services.care_plan_talk.outcomes_to_hear(margaret, margaret_id)
    assert heard.id == waiting.id and heard.resolution == HOSTILE
    assert heard.resolved_by == "Tomasz Zieliński"

    person.tap(screen.sorted_out_tab)
    assert screen.sorted_out_tab.chosen and not screen.waiting_tab.chosen
    assert [r.resident_name for r in screen.requests] == ["Margaret", "Dai"]  # newest first
    assert list(screen.sorted_out_cards) == [r.id for r in screen.requests]
    assert screen.requests[0].id == waiting.id
    card = screen.sorted_out_cards[waiting.id]
    card_words = "\n".join(label.text() for label in card.findChildren(QLabel))
    assert all(label.textFormat() is Qt.TextFormat.PlainText for label in card.findChildren(QLabel))
    assert f"Agreed: {HOSTILE}" in card_words  # shown as plain text, never as markup
    assert "Sorted out on " in card_words and " by Tomasz Zieliński" in card_words


def test_nothing_written_is_refused_in_words_and_nothing_is_sorted_out(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    screen = build()
    [waiting] = screen.requests
    person.tap(screen.request_buttons[waiting.id])
    person.tap(screen.save_button)
    assert screen.problem.isVisible() and screen.problem.text() == EMPTY_REFUSED
    assert screen.resolve_panel.isVisible() and screen.chosen == waiting

    type_agreed(screen, qtbot, "   ")
    person.tap(screen.save_button)
    assert screen.problem.text() == EMPTY_REFUSED
    assert screen.agreed_edit.text() == "   "  # what was typed stays, to put right
    assert [r.id for r in services.care_plan_talk.requests(staff_member(services, "carer"))] == [
        waiting.id
    ]


def test_a_double_tap_on_save_saves_once(
    build: Build, person: Person, qtbot: QtBot, talk: CountingTalk
) -> None:
    screen = build()
    [waiting] = screen.requests
    person.tap(screen.request_buttons[waiting.id])
    type_agreed(screen, qtbot, "We will ask the GP about the eye drops on Monday.")
    screen.save_button.tapped.emit()
    screen.save_button.tapped.emit()  # a second tap before the screen has changed
    assert talk.resolved == [waiting.id]
    assert not screen.problem.isVisible(), screen.problem.text()
    assert screen.saved_notice.isVisible()


def test_one_already_sorted_out_elsewhere_is_said_in_the_services_words(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    screen = build()
    [waiting] = screen.requests
    person.tap(screen.request_buttons[waiting.id])
    type_agreed(screen, qtbot, "Helen will ring the optician.")
    services.care_plan_talk.resolve(staff_member(services, "manager"), waiting.id, "Sorted.")
    person.tap(screen.save_button)
    assert screen.problem.isVisible() and screen.problem.text() == ALREADY_SORTED
    assert screen.resolve_panel.isVisible()
    assert screen.agreed_edit.text() == "Helen will ring the optician."
    [kept] = services.care_plan_talk.requests(
        staff_member(services, "carer"), include_resolved=True
    )[-1:]
    assert kept.resolution == "Sorted."  # the first answer stands


def test_back_goes_to_the_list_and_keeps_what_was_typed(
    build: Build, person: Person, qtbot: QtBot
) -> None:
    screen = build()
    [waiting] = screen.requests
    person.tap(screen.request_buttons[waiting.id])
    type_agreed(screen, qtbot, "Half written")
    assert screen.step_back() is True
    qtbot.wait(10)
    assert screen.list_panel.isVisible() and not screen.resolve_panel.isVisible()
    assert screen.step_back() is False  # from the list, Back leaves the screen
    person.tap(screen.request_buttons[waiting.id])
    assert screen.agreed_edit.text() == "Half written"
    person.tap(screen.back_button)
    assert screen.list_panel.isVisible() and screen.chosen is None

    person.tap(screen.request_buttons[waiting.id])
    screen.agreed_edit.insert(", then more")
    screen.keep_unfinished()  # nobody touched the screen: the window signs the carer out
    screen.refresh()  # and the next time the screen is opened
    qtbot.wait(10)
    assert screen.list_panel.isVisible()
    person.tap(screen.request_buttons[waiting.id])
    assert screen.agreed_edit.text() == "Half written, then more"


def test_sorted_out_shows_when_by_whom_and_what_was_agreed(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    person.tap(screen.sorted_out_tab)
    assert screen.request_buttons == {}
    [dai] = screen.requests
    assert dai.resident_name == "Dai" and dai.resolved_at is not None
    assert screen.summary.text() == "1 request sorted out. The newest is first."
    labels = [label.text() for label in screen.sorted_out_cards[dai.id].findChildren(QLabel)]
    assert labels[0] == "Dai: How and when to support me"
    assert labels[1].split("\n") == [
        f"Staff noted it for Dai on {day_of(screen, dai.raised_at)}",
        "Note: Dai told Gareth in Welsh that he does not like the shower.",
        f"Sorted out on {day_of(screen, dai.resolved_at)} by Tomasz Zieliński",
        "Agreed: We talked with Dai in Welsh, with Gareth helping. He now has a bath on "
        "Sunday mornings. This is in his new plan.",
    ]
    person.tap(screen.waiting_tab)
    assert screen.sorted_out_cards == {} and len(screen.request_buttons) == 1


# ---------------------------------------------------------------------------------------
# How it looks


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("scale", [100, 200])
def test_every_part_fits(
    build: Build,
    person: Person,
    qtbot: QtBot,
    services: Services,
    demo: Database,
    scale: int,
    size: tuple[int, int],
) -> None:
    ask(services, demo, "Mrs Kaur", None, KAUR_NOTE + " " + HOSTILE)
    ask(services, demo, "Dai", CarePlanSection.DO_AND_DONT, days_ago=20)
    screen = build(scale=scale, size=size)
    host = screen.window()
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)  # let the layout settle, as it has before a person looks
        assert (host.width(), host.height()) == size
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save(host, f"talk-requests-{name}-{size[0]}x{size[1]}-{scale}")

    check("list")
    person.tap(screen.request_buttons[screen.requests[0].id])
    check("open")
    person.tap(screen.save_button)
    assert screen.problem.text() == EMPTY_REFUSED
    check("refused")
    screen.agreed_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    check("typing")
    screen.keyboard.done.emit()
    person.tap(screen.back_button)
    person.tap(screen.sorted_out_tab)
    check("sorted-out")
    assert problems == [], "\n".join(problems)
