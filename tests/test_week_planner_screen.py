"""The coordinator's week planner, tapped as Priya would, on a copy of the demo home.

Real services on a real SQLite file (kiosk.app.Services), real widgets offscreen. What is
asserted is what the services then hold (and what "This week" then tells residents), and
what a person sees: the words on the cards, refusals in plain words, nothing typed lost.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.enums import ProposalTopic, SlotSource, SlotStatus
from kiosk.domain.ideas import NewIdea
from kiosk.domain.schedule import NewSlot, Slot
from kiosk.domain.week import monday_of
from kiosk.i18n import Words
from kiosk.storage.database import DatabaseKind, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.week_planner_screen import View, WeekPlannerScreen
from kiosk.ui.slot_actions import Panel
from kiosk.ui.slot_editor import NOTHING_CHOSEN
from kiosk.ui.staff_screen import StaffScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("WEEK_PLANNER_SCREENS_DIR", "/tmp/week-planner-screens"))
SMALL, LARGE = (1280, 800), (1920, 1080)

HOSTILE_PLACE = "<b>Lounge</b> & </para> 🎲 ਬੈਠਕ"
HOSTILE_LEADER = "Żaneta <i>&amp;</i> Priya 👵🏽"
NOT_ALLOWED = "Sorry, you are not allowed to do that."
ENDS_FIRST = "The activity must end after it starts. Please check the times."
NO_REASON = "Please say why it is cancelled. Residents will read this."
CLOSED_POLL = "Which new weekly activity shall we start?"


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


@pytest.fixture
def services(demo_dir: Path) -> Iterator[Services]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, locale=None, environ={})
    yield Services(database, config)
    database.dispose()


def staff(services: Services, role: str) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


Build = Callable[..., WeekPlannerScreen]


@pytest.fixture
def build(qtbot: QtBot, services: Services) -> Iterator[Build]:
    """The screen in a window of its own, shown and refreshed, as the window does it."""
    hosts: list[Host] = []  # kept, so Python does not delete a window still in use

    def build_screen(
        *,
        role: str = "coordinator",
        scale: int = 100,
        host_scale: int | None = None,
        size: tuple[int, int] = SMALL,
    ) -> WeekPlannerScreen:
        actor = staff(services, role)
        theme = Theme(STANDARD, Metrics(dpi=96, text_scale=scale))
        screen = WeekPlannerScreen(
            words=Words(LOCALES, "en_GB"),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            schedule=services.schedule,
            polls=services.polls,
            ideas=services.ideas,
            residents=services.residents,
            today=services.week.today,
            home_zone=services.week.home_zone,
        )
        host_theme = Theme(STANDARD, Metrics(dpi=96, text_scale=host_scale or scale))
        host = Host(screen, host_theme, screen.pictures)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen


# -- helpers --------------------------------------------------------------------------------


def coordinator(services: Services) -> Actor:
    return staff(services, "coordinator")


def this_monday(services: Services) -> date:
    return monday_of(services.week.today())


def next_wednesday(services: Services) -> date:
    """A day in next week: nothing there has started, whatever day the tests run."""
    return this_monday(services) + timedelta(days=9)


def banner(screen: StaffScreen) -> str:
    return screen.problem.text() if screen.problem.isVisible() else ""


def activity_id(services: Services, title: str) -> int:
    return next(
        a.id for a in services.schedule.activities(coordinator(services)) if a.title == title
    )


def poll_id(services: Services, question: str) -> int:
    return next(
        p.id for p in services.polls.all_polls(coordinator(services)) if p.question == question
    )


def slots_on(services: Services, day: date) -> list[Slot]:
    week = services.schedule.week(coordinator(services), monday_of(day))
    return [slot for slot in week if slot.starts_at.date() == day]


def at(services: Services, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=services.week.home_zone())


def plan(services: Services, title: str, day: date, hour: int = 11) -> Slot:
    """A slot planned straight through the service, for the tests that change one."""
    new = NewSlot(
        activity_id(services, title), at(services, day, hour), at(services, day, hour + 1)
    )
    return services.schedule.add_slot(coordinator(services), new)


def show_week_of(person: Person, screen: WeekPlannerScreen, day: date) -> None:
    while monday_of(day) > screen.monday:
        person.tap(screen.pager.next_week_button)
    while monday_of(day) < screen.monday:
        person.tap(screen.pager.previous_week_button)
    assert screen.monday == monday_of(day)


def add_on(person: Person, screen: WeekPlannerScreen, day: date) -> None:
    show_week_of(person, screen, day)
    person.tap(screen.add_buttons[day])
    assert screen.view is View.ADD
    assert screen.editor.times.days.day == day


def choose(person: Person, screen: WeekPlannerScreen, source: SlotSource, key: int) -> None:
    """Touch the list (activities, votes or ideas), turn its pages to ``key``, touch it."""
    editor = screen.editor
    person.tap(editor.source_buttons[source])
    while editor.page > 0:
        person.tap(editor.previous_page_button)
    while key not in editor.offer_buttons:
        person.tap(editor.next_page_button)
    person.tap(editor.offer_buttons[key])
    assert editor.choice is not None and editor.choice.key == key


def open_slot(person: Person, screen: WeekPlannerScreen, slot: Slot) -> None:
    show_week_of(person, screen, slot.starts_at.date())
    person.tap(screen.slot_cards[slot.id])
    assert screen.view is View.SLOT and screen.chosen is not None
    assert screen.chosen.id == slot.id


def save(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


# -- the week -------------------------------------------------------------------------------


def test_the_week_shows_each_day_and_where_things_came_from(
    build: Build, services: Services
) -> None:
    screen = build()
    assert screen.title() == "Week planner"
    assert screen.monday == this_monday(services)
    assert not screen.pager.this_week_button.isEnabled()
    assert len(screen.day_cards) == 7 and len(screen.add_buttons) == 7
    week = services.schedule.week(coordinator(services), screen.monday)
    assert set(screen.slot_cards) == {slot.id for slot in week}
    gardening = next(slot for slot in week if slot.title == "Gardening club")
    card = screen.slot_cards[gardening.id]
    assert card.title_label.text() == "Gardening club"
    assert f"From a vote: {CLOSED_POLL}" in card.details_label.text().splitlines()
    assert "Led by Priya" in card.details_label.text().splitlines()
    punjabi = next(slot for slot in week if slot.title == "Punjabi music afternoon")
    assert "Residents' idea: A Punjabi music afternoon" in (
        screen.slot_cards[punjabi.id].details_label.text().splitlines()
    )
    assert not screen.empty_week_label.isVisible()


def test_a_week_with_nothing_on_it_is_friendly(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    for _ in range(5):
        person.tap(screen.pager.next_week_button)
    assert screen.slots == [] and screen.slot_cards == {}
    assert screen.empty_week_label.isVisible()
    assert screen.empty_week_label.text().startswith("Nothing is planned for this week yet.")
    assert len(screen.add_buttons) == 7
    quiet = [
        label.text()
        for label in screen.week_page.findChildren(QLabel)
        if label.isVisibleTo(screen) and label.text() == "Nothing planned."
    ]
    assert len(quiet) == 7
    person.tap(screen.pager.this_week_button)
    assert screen.monday == this_monday(services) and screen.slot_cards


def test_the_print_buttons_ask_for_the_right_printout(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    asked: list[tuple[date, str]] = []
    screen.print_requested.connect(lambda day, kind: asked.append((day, kind)))
    person.tap(screen.pager.next_week_button)
    next_monday = this_monday(services) + timedelta(days=7)
    person.tap(screen.print_a4_button)
    person.tap(screen.print_a3_button)
    person.tap(screen.print_today_button)
    assert asked == [
        (next_monday, "a4"),
        (next_monday, "a3"),
        (services.week.today(), "today"),
    ]


# -- adding ---------------------------------------------------------------------------------


def test_an_activity_from_the_list_keeps_hostile_words_exactly(
    build: Build, person: Person, services: Services, qtbot: QtBot
) -> None:
    day = next_wednesday(services)
    bingo = activity_id(services, "Bingo")
    screen = build()
    add_on(person, screen, day)
    choose(person, screen, SlotSource.PLANNED, bingo)
    editor = screen.editor
    assert editor.place_edit.text() == "Dining room"  # the activity's usual place
    editor.place_edit.setText(HOSTILE_PLACE)
    editor.led_by_edit.setText(HOSTILE_LEADER)
    editor.note_edit.setText("Bring <your> cards & a pen")
    screen.window().activateWindow()
    editor.led_by_edit.setFocus()  # typing: the keyboard rises, and Save steps aside
    qtbot.wait(300)
    assert screen.keyboard.isVisible() and not screen.save_bar.isVisible()
    person.tap(screen.keyboard.done_key)
    assert not screen.keyboard.isVisible() and screen.save_bar.isVisible()
    person.tap(editor.times.start.more_button)  # 14:30, and the end comes along: 15:30
    assert editor.times.end.value_label.text() == "15:30"
    person.tap(screen.save_button)
    assert banner(screen) == ""
    [slot] = [s for s in slots_on(services, day) if s.activity_id == bingo]
    assert (slot.place, slot.led_by, slot.note) == (
        HOSTILE_PLACE,
        HOSTILE_LEADER,
        "Bring <your> cards & a pen",
    )
    assert slot.source is SlotSource.PLANNED and slot.poll_id is None
    assert (slot.starts_at.time(), slot.ends_at.time()) == (time(14, 30), time(15, 30))
    assert screen.view is View.WEEK
    assert screen.notice.text().startswith("Planned: Bingo on ")
    card = screen.slot_cards[slot.id]
    assert card.details_label.textFormat() == Qt.TextFormat.PlainText
    lines = card.details_label.text().splitlines()
    assert HOSTILE_PLACE in lines and f"Led by {HOSTILE_LEADER}" in lines
    assert HOSTILE_PLACE in card.accessibleName()


def test_a_closed_votes_winner_remembers_the_vote(
    build: Build, person: Person, services: Services
) -> None:
    day = next_wednesday(services)
    closed = poll_id(services, CLOSED_POLL)
    screen = build()
    add_on(person, screen, day)
    choose(person, screen, SlotSource.POLL, closed)
    assert screen.editor.chosen_label.text() == "Chosen: Gardening club"
    assert screen.editor.offer_buttons[closed].words.startswith("Gardening club\nWon: ")
    person.tap(screen.save_button)
    assert banner(screen) == ""
    [slot] = slots_on(services, day)[-1:]
    assert (slot.title, slot.source, slot.poll_id) == ("Gardening club", SlotSource.POLL, closed)
    assert slot.place == "Garden"
    assert f"From a vote: {CLOSED_POLL}" in screen.slot_cards[slot.id].details_label.text()


def test_plan_from_poll_opens_the_form_with_its_winner(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    screen.plan_from_poll(poll_id(services, CLOSED_POLL))
    assert screen.view is View.ADD and banner(screen) == ""
    assert screen.editor.source is SlotSource.POLL
    assert screen.editor.choice is not None and screen.editor.choice.title == "Gardening club"
    assert screen.editor.times.days.day == services.week.today()
    # A vote still open has no winner to plan yet: said in words, the form still there.
    still_open = next(
        p.id
        for p in services.polls.all_polls(coordinator(services))
        if p.question.startswith("What")
    )
    screen.plan_from_poll(still_open)
    assert screen.view is View.ADD and screen.editor.choice is None
    assert banner(screen).startswith("That vote has no winner to plan yet")


def test_a_residents_idea_is_planned_and_remembered(
    build: Build, person: Person, services: Services
) -> None:
    day = next_wednesday(services)
    idea = next(
        i
        for i in services.ideas.inbox(coordinator(services))
        if i.title == "A Punjabi music afternoon"
    )
    screen = build()
    add_on(person, screen, day)
    choose(person, screen, SlotSource.PROPOSAL, idea.id)
    assert screen.editor.offer_buttons[idea.id].words.startswith("A Punjabi music afternoon\n")
    assert not screen.editor.idea_card.isVisible()  # it is one of the activities already
    person.tap(screen.save_button)
    assert banner(screen) == ""
    [slot] = slots_on(services, day)
    assert (slot.source, slot.proposal_id) == (SlotSource.PROPOSAL, idea.id)
    assert slot.title == "Punjabi music afternoon"
    assert "Residents' idea: A Punjabi music afternoon" in (
        screen.slot_cards[slot.id].details_label.text()
    )


def test_an_idea_not_yet_an_activity_is_added_to_them_first(
    build: Build, person: Person, services: Services, qtbot: QtBot
) -> None:
    margaret = next(r for r in services.residents.list_active() if r.preferred_name == "Margaret")
    idea = services.ideas.suggest_idea(
        Actor.resident(margaret.id),
        NewIdea(ProposalTopic.ACTIVITY, "A tea dance", picture="music", client_token="tea-1"),
    )
    assert idea.activity_id is None
    day = next_wednesday(services)
    screen = build()
    add_on(person, screen, day)
    choose(person, screen, SlotSource.PROPOSAL, idea.id)
    editor = screen.editor
    assert editor.idea_card.isVisible()
    assert "is not one of the activities yet" in editor.idea_label.text()
    qtbot.wait(20)
    assert not editor.add_idea_button.visibleRegion().isEmpty()  # scrolled into sight
    editor.led_by_edit.setText("Priya")
    person.tap(screen.save_button)  # not yet: it is not an activity
    assert (
        banner(screen) == "Please add this idea to the activities first, with the button under it."
    )
    assert editor.led_by_edit.text() == "Priya"  # nothing typed is lost
    person.tap(editor.add_idea_button)
    added = next(
        a for a in services.schedule.activities(coordinator(services)) if a.title == "A tea dance"
    )
    assert added.picture == "music"
    assert not editor.idea_card.isVisible() and screen.notice.isVisible()
    person.tap(screen.save_button)
    assert banner(screen) == ""
    [slot] = slots_on(services, day)
    assert (slot.activity_id, slot.source, slot.proposal_id) == (
        added.id,
        SlotSource.PROPOSAL,
        idea.id,
    )
    assert slot.led_by == "Priya"


def test_nothing_chosen_or_an_end_before_the_start_is_refused_in_words(
    build: Build, person: Person, services: Services
) -> None:
    day = next_wednesday(services)
    screen = build()
    add_on(person, screen, day)
    person.tap(screen.save_button)
    assert banner(screen) == NOTHING_CHOSEN
    choose(person, screen, SlotSource.PLANNED, activity_id(services, "Quiz"))
    editor = screen.editor
    editor.led_by_edit.setText(HOSTILE_LEADER)
    for _ in range(3):  # 15:00, 14:30, 14:00, 13:30: before the start at 14:00
        person.tap(editor.times.end.less_button)
    assert editor.times.end.value_label.text() == "13:30"
    assert editor.times.length_label.text() == "It ends before it starts. Please change the times."
    person.tap(screen.save_button)
    assert banner(screen) == ENDS_FIRST
    assert screen.view is View.ADD
    assert editor.led_by_edit.text() == HOSTILE_LEADER and editor.choice is not None
    assert slots_on(services, day) == []
    person.tap(editor.times.end.more_button)
    person.tap(editor.times.end.more_button)
    assert editor.times.length_label.text() == "It lasts 30 minutes."
    person.tap(screen.save_button)
    assert banner(screen) == "" and len(slots_on(services, day)) == 1


def test_the_kitchen_is_refused_in_words(build: Build, person: Person, services: Services) -> None:
    day = next_wednesday(services)
    screen = build(role="kitchen")
    assert screen.slot_cards  # anyone may read the week
    add_on(person, screen, day)
    assert banner(screen) == NOT_ALLOWED  # votes and ideas are the coordinator's
    choose(person, screen, SlotSource.PLANNED, activity_id(services, "Bingo"))
    person.tap(screen.save_button)
    assert banner(screen) == NOT_ALLOWED
    assert screen.view is View.ADD
    assert slots_on(services, day) == []


# -- one activity ----------------------------------------------------------------------------


def test_repeat_weekly_for_three_weeks(build: Build, person: Person, services: Services) -> None:
    first = plan(services, "Painting", next_wednesday(services))
    screen = build()
    open_slot(person, screen, first)
    actions = screen.actions
    person.tap(actions.repeat_button)
    assert actions.panel is Panel.REPEAT
    assert actions.weeks.value_label.text() == "4 weeks"
    person.tap(actions.weeks.less_button)
    assert actions.weeks.value_label.text() == "3 weeks"
    person.tap(actions.repeat_it_button)
    assert banner(screen) == ""
    copies = [
        slot
        for weeks in (1, 2, 3, 4)
        for slot in slots_on(services, first.starts_at.date() + timedelta(weeks=weeks))
        if slot.activity_id == first.activity_id
    ]
    assert [slot.starts_at.date() for slot in copies] == [
        first.starts_at.date() + timedelta(weeks=weeks) for weeks in (1, 2, 3)
    ]
    assert all(slot.repeat_of_slot_id == first.id for slot in copies)
    assert screen.view is View.WEEK
    assert screen.notice.text() == "Painting is now also on 3 more weeks, at the same time."


def test_move_to_another_day_and_time(build: Build, person: Person, services: Services) -> None:
    slot = plan(services, "Quiz", next_wednesday(services), hour=10)
    screen = build()
    open_slot(person, screen, slot)
    actions = screen.actions
    person.tap(actions.move_button)
    assert actions.times.start.value_label.text() == "10:00"
    thursday = slot.starts_at.date() + timedelta(days=1)
    person.tap(actions.times.days.day_buttons[thursday])
    person.tap(actions.times.start.more_button)  # 10:30, and the end comes along: 11:30
    assert actions.times.end.value_label.text() == "11:30"
    person.tap(actions.times.end.more_button)
    assert actions.times.length_label.text() == "It lasts 1 hour and 30 minutes."
    person.tap(actions.move_it_button)
    assert banner(screen) == ""
    [moved] = slots_on(services, thursday)
    assert moved.id == slot.id
    assert (moved.starts_at.time(), moved.ends_at.time()) == (time(10, 30), time(12, 0))
    assert screen.view is View.WEEK and slot.id in screen.slot_cards
    assert screen.notice.text().startswith("Moved: Quiz to Thursday")
    assert services.week.day(slot.starts_at.date()).activities == ()


def test_cancel_with_a_reason_residents_see_on_this_week(
    build: Build, person: Person, services: Services
) -> None:
    slot = plan(services, "Bingo", next_wednesday(services))
    reason = "The caller is <ill> & sends her love"
    screen = build()
    open_slot(person, screen, slot)
    actions = screen.actions
    person.tap(actions.cancel_button)
    person.tap(actions.cancel_it_button)  # no reason yet
    assert banner(screen) == NO_REASON and actions.panel is Panel.CANCEL
    actions.reason_edit.setText(reason)
    person.tap(actions.cancel_it_button)
    assert actions.panel is Panel.CONFIRM and banner(screen) == ""
    assert (
        actions.confirm_label.text() == f"Are you sure? Residents will see: “Cancelled: {reason}”"
    )
    person.tap(actions.no_button)  # not yet: the reason is still there
    assert actions.panel is Panel.CANCEL and actions.reason_edit.text() == reason
    assert services.schedule.slot(coordinator(services), slot.id).status is SlotStatus.PLANNED
    person.tap(actions.cancel_it_button)
    person.tap(actions.yes_button)
    assert banner(screen) == ""
    stored = services.schedule.slot(coordinator(services), slot.id)
    assert (stored.status, stored.cancel_reason) == (SlotStatus.CANCELLED, reason)
    [seen] = services.week.day(slot.starts_at.date()).activities  # what residents read
    assert seen.cancelled and seen.cancel_reason == reason
    card = screen.slot_cards[slot.id]
    assert card.notice_label.isVisible() and card.notice_label.text() == f"Cancelled: {reason}"
    open_slot(person, screen, slot)
    assert not actions.move_button.isEnabled() and not actions.cancel_button.isEnabled()


def test_who_came_is_recorded_once_it_has_started(
    build: Build, person: Person, services: Services
) -> None:
    last_week = this_monday(services) - timedelta(days=7)
    past = next(
        s for s in services.schedule.week(coordinator(services), last_week) if not s.cancelled
    )
    future = plan(services, "Quiz", next_wednesday(services))
    names = {r.preferred_name: r.id for r in services.residents.list_active()}
    screen = build()
    open_slot(person, screen, future)
    actions = screen.actions
    assert not actions.attendance_button.isEnabled()
    assert actions.why_label.text() == "You can record who came once it has started."
    person.tap(actions.done_button)
    assert screen.view is View.WEEK
    open_slot(person, screen, past)
    person.tap(actions.attendance_button)
    assert actions.panel is Panel.ATTENDANCE
    panel = actions.attendance
    for name in list(panel.people):
        if panel.people[name].ticked:
            person.tap(panel.people[name])  # start from nobody
    for name in ("Margaret", "Dai", "Mrs Kaur"):
        person.tap(panel.people[names[name]])
    person.tap(panel.people[names["Dai"]])  # changed their mind about Dai
    assert panel.people[names["Margaret"]].name_label.text() == "✓ Margaret"
    assert panel.people[names["Dai"]].name_label.text() == "Dai"
    assert panel.count_label.text() == "2 residents ticked."
    person.tap(panel.save_button)
    assert banner(screen) == ""
    stored = services.schedule.slot(coordinator(services), past.id)
    assert stored.attended_by == {names["Margaret"], names["Mrs Kaur"]}
    assert screen.notice.text() == f"Saved: 2 residents came to {past.title}."
    assert "2 residents came" in screen.slot_cards[past.id].details_label.text()


def test_back_steps_out_of_each_part_before_leaving(
    build: Build, person: Person, services: Services, qtbot: QtBot
) -> None:
    slot = plan(services, "Bingo", next_wednesday(services))
    screen = build()
    open_slot(person, screen, slot)
    person.tap(screen.actions.cancel_button)
    screen.actions.reason_edit.setText("Snow")
    person.tap(screen.actions.cancel_it_button)
    assert screen.step_back() and screen.actions.panel is Panel.CANCEL
    assert screen.step_back() and screen.actions.panel is Panel.NONE
    assert screen.step_back() and screen.view is View.WEEK
    assert not screen.step_back()
    qtbot.wait(10)  # as after a tap on the window's Back
    add_on(person, screen, slot.starts_at.date())
    assert screen.step_back() and screen.view is View.WEEK


# -- how it looks ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize("scale", [100, 200])
def test_every_part_fits(
    build: Build,
    person: Person,
    services: Services,
    qtbot: QtBot,
    scale: int,
    size: tuple[int, int],
) -> None:
    margaret = next(r for r in services.residents.list_active() if r.preferred_name == "Margaret")
    services.ideas.suggest_idea(
        Actor.resident(margaret.id),
        NewIdea(ProposalTopic.ACTIVITY, "A trip to the big market on Saturday", picture="flower"),
    )
    last_week = this_monday(services) - timedelta(days=7)
    past = next(
        s for s in services.schedule.week(coordinator(services), last_week) if not s.cancelled
    )
    screen = build(scale=scale, size=size)
    host = screen.window()
    actions = screen.actions
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)  # the layout settles, as it has before a person looks
        assert (host.width(), host.height()) == size
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save(host, f"{name}-{size[0]}-{scale}")

    check("week")
    person.tap(screen.pager.next_week_button)
    check("week-empty")
    person.tap(screen.add_buttons[screen.monday + timedelta(days=2)])
    check("add")
    for source in (SlotSource.POLL, SlotSource.PROPOSAL):
        person.tap(screen.editor.source_buttons[source])
        check(f"add-{source.value}")
    idea = next(i for i in screen.editor.ideas if i.activity_id is None)
    choose(person, screen, SlotSource.PROPOSAL, idea.id)
    check("add-idea-to-catalogue")
    screen.editor.place_edit.setText(HOSTILE_PLACE)
    person.tap(screen.save_button)  # refused: the banner at the top, the form kept
    check("add-refused")
    person.tap(screen.cancel_button)
    person.tap(screen.pager.this_week_button)
    open_slot(person, screen, past)
    check("slot")
    for panel, button in (
        (Panel.MOVE, actions.move_button),
        (Panel.REPEAT, actions.repeat_button),
        (Panel.CANCEL, actions.cancel_button),
    ):
        person.tap(button)
        check(f"slot-{panel.value}")
    actions.reason_edit.setText("The minibus <b>broke</b> down & it rained")
    person.tap(actions.cancel_it_button)
    check("slot-confirm")
    person.tap(actions.attendance_button)
    check("slot-attendance")
    assert problems == [], "\n".join(problems)


def test_the_screen_redraws_for_large_text(
    build: Build, person: Person, services: Services, qtbot: QtBot
) -> None:
    """Text made larger once the screen is built (apply_theme), not built large."""
    last_week = this_monday(services) - timedelta(days=7)
    past = next(
        s for s in services.schedule.week(coordinator(services), last_week) if not s.cancelled
    )
    screen = build(scale=100, host_scale=200)
    screen.apply_theme(Theme(STANDARD, Metrics(dpi=96, text_scale=200)))
    host = screen.window()
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save(host, f"apply-theme-{name}-200")

    check("week")
    add_on(person, screen, next_wednesday(services))
    assert len(screen.editor.offer_buttons) <= 4  # fewer to a page at large text
    check("add")
    person.tap(screen.cancel_button)
    open_slot(person, screen, past)
    person.tap(screen.actions.attendance_button)
    check("attendance")
    assert problems == [], "\n".join(problems)
