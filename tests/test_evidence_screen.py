"""The manager's evidence report on screen, tapped as Helen (the demo home's manager) would,
on real widgets offscreen. The evidence service is faked at the screen's boundary: it
checks the right as the real one does and returns a report built here by hand, so every
number the screen shows is known. What is asserted is what a person sees, and what the
screen asked the service and the print desk for."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import (
    DatabaseKind,
    Meal,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    StaffRole,
)
from kiosk.domain.errors import KioskError, PrintError
from kiosk.domain.evidence import (
    ActivityFeedback,
    DateRange,
    DoneKind,
    DoneThing,
    EvidenceReport,
    Faces,
    MonthFaces,
    MonthTaking,
    OptionResult,
    Participation,
    PlanEvent,
    PlanWork,
    PollOutcome,
    SuggestionChain,
    Taking,
    TalkEntry,
    percent,
    share,
)
from kiosk.i18n import Words
from kiosk.printing import evidence_words as printed
from kiosk.services.evidence import EvidenceService
from kiosk.services.staff import StaffService
from kiosk.services.week import WeekService
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.evidence_screen import (
    ACTIVITIES,
    CARE_PLANS,
    PARTICIPATION,
    POLLS,
    SUGGESTIONS,
    TALK,
    EvidenceScreen,
    EvidenceSource,
)
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("EVIDENCE_SCREENS_DIR", "/tmp/evidence-screens"))
TODAY = date(2026, 5, 15)
MANAGER = Actor.staff(1, StaffRole.MANAGER)
COORDINATOR = Actor.staff(2, StaffRole.COORDINATOR)
NOT_ALLOWED = "Sorry, you are not allowed to do that."
HOSTILE = "<b>Loud</b> & </para> 🎂 ਬਹੁਤ ਵਧੀਆ"


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


# -- a report built by hand ----------------------------------------------------------------------


def busy_report(period: DateRange) -> EvidenceReport:
    """Three months at Willow Court: every number below is counted by hand in the tests."""
    months = (
        MonthTaking(date(2026, 3, 1), Taking(12, 2, 7, 4, 8)),
        MonthTaking(date(2026, 4, 1), Taking(12, 1, 9, 5, 10)),
        MonthTaking(date(2026, 5, 1), Taking(11, 0, 0, 2, 2)),
    )
    fish = DoneThing(DoneKind.MENU, date(2026, 3, 13), "Fish pie", meal=Meal.LUNCH)
    walk = DoneThing(
        DoneKind.ACTIVITY, date(2026, 4, 2), "Garden walk", faces=Faces(good=5, all_right=1)
    )
    suggestions = (
        SuggestionChain(
            proposal_id=1,
            said_on=date(2026, 3, 2),
            said_by="Margaret",
            topic=ProposalTopic.MEAL,
            title="Fish pie on Fridays",
            picture="fish",
            backed_by=2,
            status=ProposalStatus.DONE,
            decided_on=date(2026, 3, 4),
            decided_by="Gareth Evans",
            reason="Yes, from next Friday.",
            done=(fish,),
            done_on=date(2026, 3, 13),
            answered_by=period.last,
        ),
        SuggestionChain(
            proposal_id=2,
            said_on=date(2026, 3, 20),
            said_by=None,
            topic=ProposalTopic.ACTIVITY,
            title="A walk in the garden",
            picture="garden",
            backed_by=0,
            status=ProposalStatus.AGREED,
            decided_on=date(2026, 3, 30),
            decided_by="Priya Shah",
            reason=None,
            done=(walk,),
            done_on=date(2026, 4, 2),
            answered_by=period.last,
        ),
        SuggestionChain(
            proposal_id=3,
            said_on=date(2026, 4, 25),
            said_by="Dai",
            topic=ProposalTopic.HOME,
            title=HOSTILE,
            picture=None,
            backed_by=1,
            status=ProposalStatus.OPEN,
            decided_on=None,
            decided_by=None,
            reason=None,
            done=(),
            done_on=None,
            answered_by=period.last,
        ),
    )
    polls = (
        PollOutcome(
            poll_id=7,
            question="What shall we do on Friday?",
            kind=PollKind.CHOOSE_ONE,
            opened_on=date(2026, 3, 9),
            closed_on=date(2026, 3, 16),
            residents=12,
            voted=9,
            options=(OptionResult("Bingo", chosen=6), OptionResult("Quiz", chosen=3)),
            done=(DoneThing(DoneKind.ACTIVITY, date(2026, 3, 20), "Bingo"),),
        ),
        PollOutcome(
            poll_id=8,
            question="Trips out?",
            kind=PollKind.YES_MAYBE_NO,
            opened_on=date(2026, 4, 6),
            closed_on=date(2026, 4, 13),
            residents=12,
            voted=6,
            options=(OptionResult("The beach", yes=4, maybe=1, no=1),),
            done=(),
        ),
    )
    activities = (
        ActivityFeedback(
            activity_id=3,
            title="Bingo",
            sessions=4,
            months=(
                MonthFaces(date(2026, 3, 1), Faces(good=3, all_right=1)),
                MonthFaces(date(2026, 4, 1), Faces(good=3, not_good=1)),
            ),
        ),
    )
    plan_events = (
        PlanEvent("Margaret", date(2026, 3, 12), PlanWork.REVIEW, True, "Helen Carter"),
        PlanEvent("Dai", date(2026, 4, 8), PlanWork.REVIEW, False, "Tomasz Zieliński"),
        PlanEvent("Margaret", date(2026, 3, 12), PlanWork.VERSION, True, "Helen Carter"),
    )
    talk = (
        TalkEntry("Helena", "wellness", date(2026, 3, 3), date(2026, 3, 5), as_of=period.last),
        TalkEntry("Mr Patel", None, date(2026, 5, 1), None, as_of=period.last),
    )
    return EvidenceReport(
        home_name="Willow Court",
        period=period,
        made_on=TODAY,
        participation=Participation(Taking(12, 3, 10, 6, 11), months),
        suggestions=suggestions,
        polls=polls,
        activities=activities,
        plan_events=plan_events,
        talk_requests=talk,
    )


def empty_report(period: DateRange) -> EvidenceReport:
    months = tuple(MonthTaking(month, Taking(12, 0, 0, 0, 0)) for month in period.months())
    return EvidenceReport(
        home_name="Willow Court",
        period=period,
        made_on=TODAY,
        participation=Participation(Taking(12, 0, 0, 0, 0), months),
        suggestions=(),
        polls=(),
        activities=(),
        plan_events=(),
        talk_requests=(),
    )


def many_suggestions(period: DateRange, count: int) -> EvidenceReport:
    report = busy_report(period)
    chain = report.suggestions[0]
    chains = tuple(
        SuggestionChain(**{**_fields(chain), "proposal_id": n, "title": f"Idea {n}"})
        for n in range(1, count + 1)
    )
    return EvidenceReport(**{**_fields(report), "suggestions": chains})


def _fields(value: object) -> dict[str, object]:
    return {name: getattr(value, name) for name in value.__slots__}  # type: ignore[attr-defined]


# -- the service and the print desk, faked at the screen's boundary -----------------------------


class FakeEvidence:
    """Checks the right as the evidence service does; can be held until released."""

    def __init__(self, make: Callable[[DateRange], EvidenceReport] = busy_report) -> None:
        self.make = make
        self.calls: list[tuple[Actor, date, date]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.error: Exception | None = None

    def report(self, actor: Actor, first: date, last: date) -> EvidenceReport:
        self.calls.append((actor, first, last))
        actor.require(Capability.VIEW_EVIDENCE)
        assert self.gate.wait(30), "the test never let the report finish"
        if self.error is not None:
            raise self.error
        return self.make(DateRange.checked(first, last))


@dataclass
class FakePrintout:
    words: str


@dataclass
class FakeDesk:
    calls: list[tuple[Actor, date, date, str]] = field(default_factory=list)
    error: KioskError | None = None
    gate: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.gate.set()

    def evidence_report(self, actor: Actor, first: date, last: date, locale: str) -> FakePrintout:
        self.calls.append((actor, first, last, locale))
        assert self.gate.wait(30), "the test never let the printout finish"
        if self.error is not None:
            raise self.error
        return FakePrintout(f"Printed: the evidence report ({first} to {last}).")


# -- the screen, as the kiosk shows it -----------------------------------------------------------


@dataclass
class Shown:
    screen: EvidenceScreen
    host: Host
    evidence: FakeEvidence
    desk: FakeDesk
    today: date = TODAY


Build = Callable[..., Shown]


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(qtbot: QtBot) -> Iterator[Build]:
    kept: list[Shown] = []  # qtbot holds its widgets weakly: these keep them alive

    def build_screen(
        *,
        evidence: EvidenceSource | None = None,
        actor: Actor = MANAGER,
        signed_in: Callable[[], Actor | None] | None = None,
        scale: int = 100,
        size: tuple[int, int] = (1280, 800),
        language: str = "en_GB",
        today: date = TODAY,
    ) -> Shown:
        evidence = evidence if evidence is not None else FakeEvidence()
        desk = FakeDesk()
        screen = EvidenceScreen(
            words=Words(LOCALES, language),
            pictures=PictureLibrary(PICTURES),
            theme=Theme(STANDARD, Metrics(dpi=96, text_scale=scale)),
            signed_in=signed_in or (lambda: actor),
            evidence=evidence,
            print_report=desk.evidence_report,
            today=lambda: today,
        )
        host = Host(screen)
        qtbot.addWidget(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        shown = Shown(screen, host, evidence, desk, today)  # type: ignore[arg-type]
        kept.append(shown)
        screen.refresh()
        return shown

    yield build_screen
    for shown in kept:
        shown.screen.worker.wait()
        shown.screen.printing.wait()


def worked_out(qtbot: QtBot, screen: EvidenceScreen) -> None:
    """Wait for the report being worked out to arrive on screen."""
    qtbot.waitUntil(lambda: not screen.working, timeout=10_000)
    qtbot.wait(20)


def banner(screen: EvidenceScreen) -> str:
    return screen.problem.text() if screen.problem.isVisible() else ""


def summary(screen: EvidenceScreen) -> list[tuple[str, str]]:
    """The summary's rows: (words, number)."""
    assert screen.summary_table is not None
    texts = [label.text() for label in screen.summary_table.findChildren(QLabel)]
    return list(zip(texts[::2], texts[1::2], strict=True))


def spaced(text: str) -> str:
    """Dates in the printed report's words are kept on one line with no-break spaces."""
    return text.replace("\u00a0", " ")


def shows(section: str) -> str:
    """The words at the top of a section: what it shows (the printed report's)."""
    return printed.__dict__[f"{section.upper().replace('-', '_')}_SHOWS"]


def choice(picker: QWidget, words: str) -> BigButton:
    return next(b for b in picker.findChildren(BigButton) if b.words == words and b.isVisible())


def snap(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


# -- choosing the period -------------------------------------------------------------------------


def test_the_last_three_months_are_worked_out_first(qtbot: QtBot, build: Build) -> None:
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)
    assert shown.evidence.calls == [(MANAGER, date(2026, 2, 16), TODAY)]
    assert screen.chooser.buttons["quarter"].chosen
    assert screen.heading.text() == "Willow Court: 16 February – 15 May 2026"
    assert screen.summary_title.text() == "Summary"
    assert summary(screen) == [
        ("Residents who took part", "11 of 12 (92%)"),
        ("Suggestions made", "3"),
        ("Suggestions answered", "2 of 3 (67%)"),
        ("Answered within 14 days", "2 of 3 (67%)"),
        ("Median days to answer", "6"),
        ("Went ahead", "2 of 3 (67%)"),
        ("Polls", "2"),
        ("Average turnout", "62%"),  # 75% and 50%: 62.5%, rounded half to even
        ("Feedback answers", "8"),
        ("Good faces", "6 of 8 (75%)"),
        ("Care-plan reviews", "2"),
        ("Reviews with the resident taking part", "1 of 2 (50%)"),
        ("New care-plan versions", "1"),
        ("New versions written with the resident", "1 of 1 (100%)"),
        ("Requests to talk", "2"),
        ("Requests resolved", "1 of 2 (50%)"),
        ("Median days to resolve", "2"),
    ]
    assert banner(screen) == ""


@pytest.mark.parametrize(
    ("key", "first"),
    [("month", date(2026, 4, 16)), ("year", date(2025, 5, 16))],
)
def test_a_quick_period_asks_for_those_dates(
    qtbot: QtBot, build: Build, person: Person, key: str, first: date
) -> None:
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)
    person.tap(screen.chooser.buttons[key])
    worked_out(qtbot, screen)
    assert shown.evidence.calls[-1] == (MANAGER, first, TODAY)
    assert screen.chooser.buttons[key].chosen
    assert not screen.chooser.buttons["quarter"].chosen
    assert screen.shown_period == DateRange(first, TODAY)


def test_chosen_dates_are_asked_for_when_shown(qtbot: QtBot, build: Build, person: Person) -> None:
    shown = build()
    screen, chooser = shown.screen, shown.screen.chooser
    worked_out(qtbot, screen)
    person.tap(chooser.buttons["dates"])
    assert chooser.dates_card.isVisible()
    assert len(shown.evidence.calls) == 1  # nothing is worked out until "Show the report"
    assert chooser.from_picker.day == date(2026, 2, 16)
    person.tap(chooser.from_picker.change_button)
    person.tap(choice(chooser.from_picker, "A year ago"))
    person.tap(chooser.to_picker.change_button)
    person.tap(choice(chooser.to_picker, "A month earlier"))
    person.tap(chooser.show_button)
    worked_out(qtbot, screen)
    assert shown.evidence.calls[-1] == (MANAGER, date(2025, 5, 15), date(2026, 4, 15))
    assert screen.heading.text() == "Willow Court: 15 May 2025 – 15 April 2026"


def test_dates_the_wrong_way_round_are_refused_in_words(
    qtbot: QtBot, build: Build, person: Person
) -> None:
    shown = build()
    screen, chooser = shown.screen, shown.screen.chooser
    worked_out(qtbot, screen)
    person.tap(chooser.buttons["dates"])
    chooser.from_picker.set_day(date(2026, 5, 1))
    chooser.to_picker.set_day(date(2026, 4, 1))
    person.tap(chooser.show_button)
    assert banner(screen) == "The end date is before the start date."
    assert len(shown.evidence.calls) == 1


def test_a_double_tap_works_the_report_out_once(qtbot: QtBot, build: Build, person: Person) -> None:
    shown = build()
    screen, evidence = shown.screen, shown.evidence
    worked_out(qtbot, screen)
    evidence.gate.clear()  # the next report takes its time
    person.tap(screen.chooser.buttons["year"])
    assert screen.working and screen.working_label.isVisible()
    assert screen.working_label.text() == "Working it out…"
    assert not screen.report_page.isVisible()
    person.tap(screen.chooser.buttons["year"])
    person.tap(screen.chooser.buttons["year"])
    evidence.gate.set()
    worked_out(qtbot, screen)
    assert [call[1] for call in evidence.calls] == [date(2026, 2, 16), date(2025, 5, 16)]
    assert screen.report_page.isVisible() and not screen.working_label.isVisible()


def test_a_change_of_mind_while_working_shows_the_last_choice(
    qtbot: QtBot, build: Build, person: Person
) -> None:
    shown = build()
    screen, evidence = shown.screen, shown.evidence
    worked_out(qtbot, screen)
    evidence.gate.clear()
    person.tap(screen.chooser.buttons["year"])
    person.tap(screen.chooser.buttons["month"])
    evidence.gate.set()
    qtbot.waitUntil(lambda: len(evidence.calls) == 3 and not screen.working, timeout=10_000)
    qtbot.wait(20)
    assert evidence.calls[-1][1:] == (date(2026, 4, 16), TODAY)
    assert screen.shown_period == DateRange(date(2026, 4, 16), TODAY)
    assert screen.heading.text() == "Willow Court: 16 April – 15 May 2026"


def test_an_empty_period_says_so_in_friendly_words(qtbot: QtBot, build: Build) -> None:
    shown = build(evidence=FakeEvidence(empty_report))
    screen = shown.screen
    worked_out(qtbot, screen)
    assert screen.empty_label.isVisible()
    assert spaced(screen.empty_label.text()) == (
        "Nothing was recorded between 16 February 2026 and 15 May 2026. No suggestions, "
        "votes, feedback, care-plan reviews or requests to talk. Please choose other dates "
        "to see a report."
    )
    assert not screen.summary_card.isVisible()
    assert not screen.sections_host.isVisible()
    assert screen.print_button.isVisible() and screen.print_button.isEnabled()
    assert banner(screen) == ""


# -- the sections --------------------------------------------------------------------------------


def test_each_section_shows_its_numbers(qtbot: QtBot, build: Build, person: Person) -> None:
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)

    assert screen.section_buttons[PARTICIPATION].chosen
    lines = screen.section_lines()
    assert lines[0] == shows(PARTICIPATION)
    assert lines[1:7] == ["Month", "Residents", "Suggested", "Voted", "Gave feedback", "Took part"]
    assert lines[7:13] == ["Mar 2026", "12", "2", "7", "4", "8 of 12 (67%)"]
    assert lines[-6:] == ["Whole period", "12", "3", "10", "6", "11 of 12 (92%)"]

    person.tap(screen.section_buttons[SUGGESTIONS])
    assert screen.section_buttons[SUGGESTIONS].chosen
    assert not screen.section_buttons[PARTICIPATION].chosen
    lines = screen.section_lines()
    assert lines[:2] == [
        shows(SUGGESTIONS),
        "3 suggestions, oldest first. ⚑ 1 still waits for an answer.",
    ]
    fish = lines.index("Fish pie on Fridays")
    assert lines[fish + 1 : fish + 8] == [
        "Said",
        "2 Mar 2026, by Margaret. 2 others said “me too”.",
        "Decided",
        "Yes, on 4 Mar 2026 (2 days later). Gareth Evans: “Yes, from next Friday.”",
        "Done",
        "Fish pie, Lunch, 13 Mar 2026",
        "A walk in the garden",  # a meal has no faces: the next card
    ]
    walk = lines.index("A walk in the garden")
    assert lines[walk + 1 : walk + 9] == [
        "Said",
        "20 Mar 2026, written by staff for the home.",
        "Decided",
        "Yes, on 30 Mar 2026 (10 days later). By Priya Shah.",
        "Done",
        "Garden walk, 2 Apr 2026",
        "How it went",
        "Good: 5   All right: 1   Not good: 0",
    ]
    waiting = lines.index(f"⚑ {HOSTILE}")  # typed words shown exactly, flagged
    assert lines[waiting + 1 :] == [
        "Said",
        "25 Apr 2026, by Dai. 1 other said “me too”.",
        "Decided",
        "⚑ No answer yet: waiting 20 days.",
    ]
    marked = [c for c in screen.section_host.findChildren(QFrame) if c.property("today") == "true"]
    assert [[label.text() for label in card.findChildren(QLabel)][1] for card in marked] == [
        f"⚑ {HOSTILE}"  # the one still waiting stands out (and is flagged in words)
    ]

    person.tap(screen.section_buttons[POLLS])
    assert screen.section_lines() == [
        shows(POLLS),
        "What shall we do on Friday?",
        "Open from 9 Mar 2026 to 16 Mar 2026.",
        "Voted: 9 of 12 residents (75%).",
        "Bingo: 6",
        "Quiz: 3",
        "Winner: Bingo",
        "Planned from it: 20 Mar 2026: Bingo",
        "Trips out?",
        "Open from 6 Apr 2026 to 13 Apr 2026.",
        "Voted: 6 of 12 residents (50%).",
        "The beach: yes 4, maybe 1, no 1",
        "Winner: The beach",
        "Nothing was planned from it yet.",
    ]

    person.tap(screen.section_buttons[ACTIVITIES])
    assert screen.section_lines() == [
        shows(ACTIVITIES),
        "Bingo",
        "Times held: 4. Answers: 8. Good faces: 6 (75%).",
        "March 2026: Good: 3   All right: 1   Not good: 0",
        "April 2026: Good: 3   All right: 0   Not good: 1",
    ]

    person.tap(screen.section_buttons[CARE_PLANS])
    assert screen.section_lines() == [
        shows(CARE_PLANS),
        "Reviews: 2. The resident took part in 1 (50%).",
        "New versions: 1. Written with the resident: 1 (100%).",
        "12 Mar 2026 · Margaret · Review · Took part: Yes · Helen Carter",
        "8 Apr 2026 · Dai · Review · Took part: No · Tomasz Zieliński",
        "12 Mar 2026 · Margaret · New version · Took part: Yes · Helen Carter",
    ]

    person.tap(screen.section_buttons[TALK])
    assert screen.section_lines() == [
        shows(TALK),
        "Requests: 2. Resolved: 1 (50%). Median days to resolve: 2.",
        "Helena: My wellness · asked 3 Mar 2026 · sorted out 5 Mar 2026, after 2 days",
        "Mr Patel: The whole plan · asked 1 May 2026 · ⚑ still open after 14 days",
    ]


def test_a_section_with_nothing_in_it_says_so(qtbot: QtBot, build: Build, person: Person) -> None:
    def no_polls(period: DateRange) -> EvidenceReport:
        return EvidenceReport(**{**_fields(busy_report(period)), "polls": ()})

    shown = build(evidence=FakeEvidence(no_polls))
    screen = shown.screen
    worked_out(qtbot, screen)
    person.tap(screen.section_buttons[POLLS])
    assert [spaced(line) for line in screen.section_lines()] == [
        shows(POLLS),
        "No polls closed between 16 February 2026 and 15 May 2026.",
    ]
    assert ("Polls", "0") in summary(screen)
    assert ("Average turnout", "–") in summary(screen)


def test_large_text_and_another_language_rebuild_what_is_shown(qtbot: QtBot, build: Build) -> None:
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)
    screen.apply_theme(Theme(STANDARD, Metrics(dpi=96, text_scale=200)))
    shown.host.setStyleSheet(screen.theme.stylesheet())
    qtbot.wait(10)  # new parts show on the next turn of the event loop
    lines = screen.section_lines()  # large text: a card a month, not a table
    assert lines[1:5] == [
        "Whole period",
        "Took part: 11 of 12 (92%)",
        "Residents: 12 · Suggested: 3 · Voted: 10 · Gave feedback: 6",
        "March 2026",
    ]
    screen.words.switch("cy")
    screen.retranslate()
    assert screen.section_buttons[POLLS].words == "Pleidleisiau"
    assert screen.heading.text() == "Willow Court: 16 Chwefror – 15 Mai 2026"
    assert len(shown.evidence.calls) == 1  # nothing worked out again


def test_a_long_list_of_suggestions_comes_a_page_at_a_time(
    qtbot: QtBot, build: Build, person: Person
) -> None:
    shown = build(evidence=FakeEvidence(lambda period: many_suggestions(period, 45)))
    screen = shown.screen
    worked_out(qtbot, screen)
    person.tap(screen.section_buttons[SUGGESTIONS])
    titles = [line for line in screen.section_lines() if line.startswith("Idea ")]
    assert titles == [f"Idea {n}" for n in range(1, 21)]
    assert screen.more_button.isVisible()
    person.tap(screen.more_button)
    person.tap(screen.more_button)
    titles = [line for line in screen.section_lines() if line.startswith("Idea ")]
    assert titles == [f"Idea {n}" for n in range(1, 46)]
    assert not screen.more_button.isVisible()


def test_up_and_down_turn_a_long_report(qtbot: QtBot, build: Build, person: Person) -> None:
    shown = build(evidence=FakeEvidence(lambda period: many_suggestions(period, 20)))
    screen = shown.screen
    worked_out(qtbot, screen)
    person.tap(screen.section_buttons[SUGGESTIONS])
    qtbot.wait(30)
    bar = screen.scroll.verticalScrollBar()
    assert screen.arrows.isVisible() and bar.maximum() > 0
    bar.setValue(0)
    assert not screen.up_button.isEnabled() and screen.down_button.isEnabled()
    person.tap(screen.down_button)
    first_turn = bar.value()
    assert first_turn > 0 and screen.up_button.isEnabled()
    person.tap(screen.up_button)
    assert bar.value() == 0


# -- printing ------------------------------------------------------------------------------------


def test_print_sends_the_dates_shown_and_the_language(
    qtbot: QtBot, build: Build, person: Person
) -> None:
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)
    person.tap(screen.chooser.buttons["month"])
    worked_out(qtbot, screen)
    shown.desk.gate.clear()
    person.tap(screen.print_button)
    assert screen.notice.isVisible()
    assert screen.notice.text() == "Printing… this takes a moment."
    person.tap(screen.print_button)  # a second tap while printing: one printout
    assert screen.notice.text() == "Still printing the last one. Please wait."
    with qtbot.waitSignal(screen.printing.finished, timeout=10_000):
        shown.desk.gate.set()
    assert shown.desk.calls == [(MANAGER, date(2026, 4, 16), TODAY, "en_GB")]
    assert screen.notice.isVisible()
    assert screen.notice.text() == "Printed: the evidence report (2026-04-16 to 2026-05-15)."


def test_print_in_welsh_asks_for_welsh(qtbot: QtBot, build: Build, person: Person) -> None:
    shown = build(language="cy")
    screen = shown.screen
    worked_out(qtbot, screen)
    with qtbot.waitSignal(screen.printing.finished, timeout=10_000):
        person.tap(screen.print_button)
    assert shown.desk.calls == [(MANAGER, date(2026, 2, 16), TODAY, "cy")]


def test_a_failing_print_shows_the_problem(qtbot: QtBot, build: Build, person: Person) -> None:
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)
    shown.desk.error = PrintError("The printer is out of paper.")
    with qtbot.waitSignal(screen.printing.failed, timeout=10_000):
        person.tap(screen.print_button)
    assert banner(screen) == "The printer is out of paper."
    assert not screen.notice.isVisible()
    assert screen.report_page.isVisible()  # the report stays to try again


# -- problems ------------------------------------------------------------------------------------


def test_a_member_of_staff_without_the_right_is_told_in_words(qtbot: QtBot, build: Build) -> None:
    shown = build(actor=COORDINATOR)
    screen = shown.screen
    worked_out(qtbot, screen)
    assert banner(screen) == NOT_ALLOWED
    assert not screen.report_page.isVisible()
    assert not screen.working_label.isVisible()


def test_an_unexpected_fault_is_words_not_a_traceback(qtbot: QtBot, build: Build) -> None:
    evidence = FakeEvidence()
    evidence.error = RuntimeError("database is locked")
    shown = build(evidence=evidence)
    worked_out(qtbot, shown.screen)
    assert banner(shown.screen) == "Sorry, the report could not be worked out. It has been noted."


def test_opening_again_drops_a_report_still_being_worked_out(qtbot: QtBot, build: Build) -> None:
    """Signed out mid-way: the next person to open the screen sees only their own report."""
    signed_in: list[Actor] = [MANAGER]
    evidence = FakeEvidence()
    evidence.gate.clear()
    shown = build(evidence=evidence, signed_in=lambda: signed_in[0])
    screen = shown.screen
    signed_in[0] = COORDINATOR
    screen.refresh()
    evidence.gate.set()
    qtbot.waitUntil(lambda: len(evidence.calls) == 2 and not screen.working, timeout=10_000)
    qtbot.wait(20)
    assert [call[0] for call in evidence.calls] == [MANAGER, COORDINATOR]
    assert screen.report is None and not screen.report_page.isVisible()
    assert banner(screen) == NOT_ALLOWED


def test_signing_out_for_no_touch_forgets_the_report(qtbot: QtBot, build: Build) -> None:
    """The report names residents: when the kiosk signs everyone out, it goes."""
    shown = build()
    screen = shown.screen
    worked_out(qtbot, screen)
    shown.evidence.gate.clear()
    screen.chooser.buttons["year"].tapped.emit()  # one on its way, too
    screen.forget_person()
    shown.evidence.gate.set()
    worked_out(qtbot, screen)
    assert screen.report is None and not screen.report_page.isVisible()
    assert screen.summary_table is None
    assert screen.section_host.findChildren(QLabel) == []
    assert len(shown.evidence.calls) == 2  # the one on its way was not worked out again
    assert banner(screen) == ""


# -- with the real service, on the demo home ---------------------------------------------------


@pytest.fixture
def demo_home(demo_dir: Path) -> Iterator[Database]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield database
    database.dispose()


def sign_in(database: Database, role: StaffRole) -> Actor:
    staff = StaffService(database.sessions)
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in staff.sign_in_choices() if m.name == demo.name)
    return staff.sign_in(member.id, demo.pin)


def test_the_demo_home_from_the_real_service(
    qtbot: QtBot, build: Build, person: Person, demo_home: Database
) -> None:
    """Worked out off the GUI thread by the real service on the demo home's SQLite file:
    the screen shows the numbers the service counts, and the suggestions it found."""
    today = WeekService(demo_home.sessions).today()
    service = EvidenceService(demo_home.sessions, today=lambda: today)
    manager = sign_in(demo_home, StaffRole.MANAGER)
    shown = build(evidence=service, actor=manager, today=today)
    screen = shown.screen
    worked_out(qtbot, screen)
    assert banner(screen) == ""
    first = shown.screen.shown_period.first  # type: ignore[union-attr]
    expected = service.report(manager, first, today)
    numbers = expected.summary
    assert not expected.empty and numbers.suggestions > 0  # the demo home has a past
    assert screen.heading.text().startswith(f"{expected.home_name}: ")
    rows = dict(summary(screen))
    took_part = share(numbers.took_part, numbers.residents)
    assert rows["Residents who took part"] == (
        f"{numbers.took_part} of {numbers.residents} ({percent(took_part)})"
    )
    assert rows["Suggestions made"] == str(numbers.suggestions)
    assert rows["Polls"] == str(numbers.polls)
    assert rows["Care-plan reviews"] == str(numbers.reviews)
    person.tap(screen.section_buttons[SUGGESTIONS])
    shown_titles = [card.findChildren(QLabel)[1].text() for card in suggestion_cards(screen)]
    expected_titles = [
        ("⚑ " if not c.answered and c.status is not ProposalStatus.WITHDRAWN else "") + c.title
        for c in expected.suggestions
    ]
    assert shown_titles == expected_titles[:20]


def test_the_real_service_refuses_a_coordinator_in_words(
    qtbot: QtBot, build: Build, demo_home: Database
) -> None:
    today = WeekService(demo_home.sessions).today()
    service = EvidenceService(demo_home.sessions, today=lambda: today)
    coordinator = sign_in(demo_home, StaffRole.COORDINATOR)
    shown = build(evidence=service, actor=coordinator, today=today)
    worked_out(qtbot, shown.screen)
    assert banner(shown.screen) == NOT_ALLOWED
    assert not shown.screen.report_page.isVisible()


def suggestion_cards(screen: EvidenceScreen) -> list[QFrame]:
    return [
        frame
        for frame in screen.section_host.findChildren(QFrame)
        if frame.property("role") == "card" and frame.parentWidget() is screen.section_host
    ]


# -- how it looks --------------------------------------------------------------------------------


LOOKS = [
    *(
        (size, scale, language)
        for size in ((1280, 800), (1920, 1080))
        for scale in (100, 200)
        for language in ("en_GB", "cy")
    ),
    # Polish words run long and Punjabi needs its own script: the tightest room only.
    ((1280, 800), 200, "pl"),
    ((1280, 800), 200, "pa"),
]


@pytest.mark.parametrize(("size", "scale", "language"), LOOKS)
def test_every_part_fits(
    qtbot: QtBot,
    build: Build,
    person: Person,
    size: tuple[int, int],
    scale: int,
    language: str,
) -> None:
    shown = build(scale=scale, size=size, language=language)
    screen, host = shown.screen, shown.host
    worked_out(qtbot, screen)
    tag = f"{size[0]}x{size[1]}-{scale}-{language}"
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(30)
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        snap(host, f"evidence-{name}-{tag}")
        snap(screen.scroll.widget(), f"evidence-{name}-{tag}-whole")  # all of it, to look at

    check("summary")
    for key in (PARTICIPATION, SUGGESTIONS, POLLS, ACTIVITIES, CARE_PLANS, TALK):
        person.tap(screen.section_buttons[key])
        check(key)
    screen.scroll.verticalScrollBar().setValue(0)
    person.tap(screen.chooser.buttons["dates"])
    person.tap(screen.chooser.from_picker.change_button)
    check("dates")
    assert problems == [], "\n".join(problems)
