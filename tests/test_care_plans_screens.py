"""The carers' care-plan screens, tapped as a carer would, on real widgets offscreen, over
the real care-plan service on a copy of the demo home: the list of plans and reviews due,
one plan, writing it with the person, recording a review, versions and comparing them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.care_plans import PlanDraft, WhoTookPart
from kiosk.domain.enums import CarePlanSection, DatabaseKind
from kiosk.i18n import Words
from kiosk.storage.database import open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.ui.care_plan_staff_list import PlanStatusRow
from kiosk.ui.care_plan_staff_took_part import TOOK_PART
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.care_plans_screen import CarePlansScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.day_picker import add_months, date_words
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
SCREENSHOTS = Path(os.environ.get("CARE_PLAN_SCREENS_DIR", "/tmp/care-plan-screens"))

CARER_NAME = "Tomasz Zieliński"
NOT_ALLOWED = "Sorry, you are not allowed to do that."
HOSTILE = '<b>&amp;</b> & < > "quotes" 🙂👍🏽 ਮੈਨੂੰ ਚਾਹ ਪਸੰਦ ਹੈ ŵŷ zażółć\nand a second line'
LONG_SECTION = ("Margaret likes her tea strong, with a drop of milk. " * 200)[:10_000].strip()
S = CarePlanSection


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


def resident_id(services: Services, name: str) -> int:
    return next(r.id for r in services.residents.list_active() if r.preferred_name == name)


Build = Callable[..., CarePlansScreen]


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(qtbot: QtBot, services: Services) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    hosts: list[Host] = []

    def build_screen(
        *, role: str = "carer", scale: int = 100, size: tuple[int, int] = (1280, 800)
    ) -> CarePlansScreen:
        theme = Theme(STANDARD, Metrics(dpi=96, text_scale=scale))
        actor = staff(services, role)
        screen = CarePlansScreen(
            words=Words(LOCALES, "en_GB"),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            care_plans=services.care_plans,
            staff_name=lambda: CARER_NAME,
            today=services.week.today,
        )
        host = Host(screen, theme)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*size)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen


def row_of(screen: CarePlansScreen, name: str) -> PlanStatusRow:
    return next(r for r in screen.list_page.rows if r.accessibleName().startswith(name + ","))


def open_plan(screen: CarePlansScreen, person: Person, name: str) -> None:
    person.tap(row_of(screen, name))
    assert screen.view == "plan" and screen.plan_page.isVisible()


def write_plan(services: Services, name: str, *, next_review_on: date | None) -> None:
    """A plan saved through the service, for a resident who had none."""
    services.care_plans.save(
        staff(services, "carer"),
        resident_id(services, name),
        PlanDraft({S.WHAT_MATTERS: f"{name}'s family."}, next_review_on=next_review_on),
        WhoTookPart(f"{name}, {CARER_NAME}", resident_took_part=True),
    )


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def save_png(screen: CarePlansScreen, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screen.window().grab().save(str(SCREENSHOTS / f"{name}.png"))


# ---------------------------------------------------------------------------------------
# The list


def test_the_list_puts_overdue_reviews_first_and_says_where_each_plan_stands(
    build: Build, services: Services
) -> None:
    today = services.week.today()
    write_plan(services, "Bill", next_review_on=today - timedelta(days=10))
    write_plan(services, "Dot", next_review_on=today + timedelta(days=5))
    write_plan(services, "Ron", next_review_on=None)
    screen = build()
    words = screen.words

    names = [row.accessibleName().split(",")[0] for row in screen.list_page.rows]
    assert names[:3] == ["Bill", "Dot", "Ron"]  # overdue, due soon, no review date
    assert names[3:6] == ["Dai", "Margaret", "Mrs Kaur"]  # later, the soonest first
    assert set(names[6:]) == {"Eirlys", "Helena", "Joan", "Mr Okafor", "Mr Patel", "Pat"}

    overdue = date_words(words, today - timedelta(days=10))
    assert row_of(screen, "Bill").detail.text().split("\n") == [
        "Room 8 · version 1",
        f"⚑ Review overdue since {overdue}",
    ]
    soon = date_words(words, today + timedelta(days=5))
    assert f"Review due soon, on {soon}" in row_of(screen, "Dot").detail.text()
    assert row_of(screen, "Margaret").detail.text().split("\n") == [
        "Room 1 · version 3",
        "Review due on Sunday 31 January 2027",
        "1 request to talk",
    ]
    assert "No review date" in row_of(screen, "Ron").detail.text()
    assert row_of(screen, "Joan").detail.text().split("\n") == ["Room 3", "No plan written yet"]
    save_png(screen, "care-plans-list-with-overdue-1280x800-100")
    assert screen.list_page.summary.text() == (
        "1 review overdue. 1 due in the next two weeks. 6 with no plan yet."
    )
    assert screen.step_back() is False  # from the list, Back leaves the screen


def test_only_staff_who_write_care_plans_see_them(build: Build) -> None:
    screen = build(role="kitchen")
    assert screen.problem.isVisible() and screen.problem.text() == NOT_ALLOWED
    assert screen.list_page.rows == [] and not screen.list_page.summary.isVisible()


def test_one_plan_shows_every_part_and_what_can_be_done_with_it(
    build: Build, person: Person, qtbot: QtBot
) -> None:
    screen = build()
    printed: list[int] = []
    screen.print_requested.connect(printed.append)
    open_plan(screen, person, "Margaret")
    page = screen.plan_page
    assert page.heading.text() == "Margaret, room 1"
    assert page.state_label.text().split("\n")[1:] == [
        "Review due on Sunday 31 January 2027",
        "1 request to talk",
    ]
    shown = texts(page)
    for words in (
        "What matters most to me",
        "Goals, in their own words",
        "I want to sing a hymn on my own at the Sunday service.",
        "Daily routines",
        "Risks we agreed together",
        "Supported to write this by",
        "Written with Margaret and her daughter Susan at her review",
    ):
        assert words in shown
    assert [b.words for b in (page.write_button, page.review_button)] == [
        "Write with Margaret",
        "Record a review",
    ]
    person.tap(page.print_button)
    assert screen.status is not None and printed == [screen.status.resident_id]
    assert screen.step_back() is True
    qtbot.wait(10)
    assert screen.view == "list" and screen.list_page.isVisible()


def test_a_resident_with_no_plan_can_only_have_one_written(build: Build, person: Person) -> None:
    screen = build()
    open_plan(screen, person, "Joan")
    page = screen.plan_page
    assert page.write_button.isVisible() and page.write_button.words == "Write with Joan"
    for button in (page.review_button, page.history_button, page.print_button):
        assert not button.isVisible()
    assert "No plan written yet. Write it with them, in their own words." in texts(page)


# ---------------------------------------------------------------------------------------
# Writing it with the person


def test_a_new_version_keeps_hostile_text_exactly(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    screen = build()
    margaret = resident_id(services, "Margaret")
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[margaret]
    assert screen.view == "write" and editor.isVisible() and screen.bars.save_bar.isVisible()
    assert editor.took_part.people_edit.text() == f"Margaret, {CARER_NAME}"
    assert editor.took_part.took_part is None  # nobody has said yet
    assert "radio" in editor.section_boxes[S.WHAT_MATTERS].text()  # begins from version 3

    editor.section_boxes[S.WHAT_MATTERS].set_text(HOSTILE)
    editor.section_boxes[S.ALSO_KNOW].set_text(LONG_SECTION)
    editor.section_boxes[S.WELLNESS].set_text("")  # taken out: "not written yet"
    person.tap(editor.goals.add_button)
    new_goal = editor.goals.cards[-1]
    new_goal.set_text("goal", "ਮੈਂ ਬਾਗ਼ ਵਿੱਚ ਤੁਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ <i>daily</i> 🌷")
    new_goal.set_text("expressed_by", "Margaret & Susan")
    person.tap(editor.risks.add_button)  # an empty card is left out, not refused
    editor.took_part.people_edit.setText(f"Margaret, Susan (daughter) & <Tomasz>, {CARER_NAME}")
    editor.took_part.what_changed_box.set_text(HOSTILE)
    person.tap(editor.took_part.yes_button)
    screen.keyboard.hide()
    qtbot.wait(10)
    # A tremor's double tap on Save saves once.
    qtbot.mouseClick(screen.bars.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.bars.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)

    assert not screen.problem.isVisible(), screen.problem.text()
    assert screen.view == "plan"
    assert "Saved as version 4. The old versions are kept." in texts(screen.plan_page)
    carer = staff(services, "carer")
    plan = services.care_plans.current(carer, margaret)
    assert plan is not None and plan.version_number == 4
    assert plan.body(S.WHAT_MATTERS) == HOSTILE
    assert plan.body(S.ALSO_KNOW) == LONG_SECTION
    assert plan.body(S.WELLNESS) == ""
    assert plan.goals[-1].goal == "ਮੈਂ ਬਾਗ਼ ਵਿੱਚ ਤੁਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ <i>daily</i> 🌷"
    assert plan.goals[-1].expressed_by == "Margaret & Susan"
    assert len(plan.goals) == 3 and len(plan.risks) == 1  # the empty risk card left out
    assert plan.routines[0].name == "Morning"  # what was not touched is kept as it was
    newest = services.care_plans.versions(carer, margaret)[0]
    assert newest.number == 4 and newest.resident_took_part is True
    assert newest.people_present == f"Margaret, Susan (daughter) & <Tomasz>, {CARER_NAME}"
    assert newest.what_changed == HOSTILE
    assert HOSTILE in texts(screen.plan_page)  # shown as typed, never as markup
    assert margaret not in screen.forms.editors  # the form went once it was saved


def test_the_on_screen_keys_type_into_a_section_with_new_lines(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    screen = build()
    open_plan(screen, person, "Joan")
    person.tap(screen.plan_page.write_button)
    box = screen.forms.editors[resident_id(services, "Joan")].section_boxes[S.WHAT_MATTERS]
    box.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    assert screen.bars.new_line_bar.isVisible() and not screen.bars.save_bar.isVisible()
    for letter in "tea":
        key = screen.keyboard.key_for(letter)
        assert key is not None
        person.tap(key)
    person.tap(screen.bars.new_line_button)
    person.tap(screen.keyboard.space_key)
    person.tap(screen.keyboard.key_for("x"))  # type: ignore[arg-type]
    person.tap(screen.keyboard.delete_key)
    assert box.text() == "tea\n "
    person.tap(screen.keyboard.done_key)
    assert not screen.keyboard.isVisible() and screen.bars.save_bar.isVisible()
    assert not screen.bars.new_line_bar.isVisible()


def test_a_goal_removed_is_not_in_the_new_version(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    margaret = resident_id(services, "Margaret")
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[margaret]
    assert len(editor.goals.cards) == 2
    person.tap(editor.goals.cards[0].remove_button)
    assert len(editor.goals.cards) == 1 and editor.has_changes()
    person.tap(editor.took_part.yes_button)
    person.tap(screen.bars.save_button)
    plan = services.care_plans.current(staff(services, "carer"), margaret)
    assert plan is not None and plan.version_number == 4
    assert [goal.goal for goal in plan.goals] == [
        "I want to sing a hymn on my own at the Sunday service."
    ]


def test_the_screen_follows_a_new_language_and_text_size(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[resident_id(services, "Margaret")]
    editor.section_boxes[S.WELLNESS].set_text("Eye drops twice a day.")
    screen.words.switch("cy")
    screen.retranslate()
    screen.apply_theme(Theme(STANDARD, Metrics(dpi=96, text_scale=200)))
    screen.words.switch("en_GB")
    screen.retranslate()
    assert editor.section_boxes[S.WELLNESS].text() == "Eye drops twice a day."
    assert editor.heading.text() == "Writing with Margaret"
    assert screen.step_back() and screen.bars.leave_bar.isVisible()  # still changed
    person.tap(screen.bars.leave_button)
    assert screen.step_back() and screen.view == "list"
    assert len(screen.list_page.rows) == 12


def test_who_was_there_and_took_part_are_needed_and_nothing_typed_is_lost(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    dot = resident_id(services, "Dot")
    open_plan(screen, person, "Dot")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[dot]
    editor.section_boxes[S.WHAT_MATTERS].set_text("My cat, Sooty.\nMy garden.")
    person.tap(screen.bars.save_button)

    needs = "Please say whether Dot took part: Yes or No."
    assert screen.problem.isVisible() and screen.problem.text() == needs
    under = editor.problems.show(TOOK_PART, needs)
    assert under is not None and under.isVisible()
    assert editor.section_boxes[S.WHAT_MATTERS].text() == "My cat, Sooty.\nMy garden."
    assert services.care_plans.current(staff(services, "carer"), dot) is None

    person.tap(editor.took_part.no_button)
    editor.took_part.people_edit.setText("   ")
    person.tap(screen.bars.save_button)
    refused = "Please say who was there, starting with the person."
    assert screen.problem.text() == f"Who was there: {refused}"
    assert refused in texts(editor)
    assert editor.section_boxes[S.WHAT_MATTERS].text() == "My cat, Sooty.\nMy garden."
    assert editor.took_part.took_part is False and editor.took_part.no_button.chosen
    assert screen.view == "write"
    assert services.care_plans.current(staff(services, "carer"), dot) is None

    editor.took_part.people_edit.setText("Dot's son Ian, Tomasz")
    person.tap(screen.bars.save_button)
    assert screen.view == "plan" and not screen.problem.isVisible()
    plan = services.care_plans.current(staff(services, "carer"), dot)
    assert plan is not None and plan.body(S.WHAT_MATTERS) == "My cat, Sooty.\nMy garden."
    summary = services.care_plans.versions(staff(services, "carer"), dot)[0]
    assert (summary.people_present, summary.resident_took_part) == ("Dot's son Ian, Tomasz", False)


def test_a_section_too_long_is_refused_under_its_field(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[resident_id(services, "Margaret")]
    too_long = "a" * 20_001
    editor.section_boxes[S.SUPPORT].set_text(too_long)
    person.tap(editor.took_part.yes_button)
    person.tap(screen.bars.save_button)
    problem = "This is too long: 20001 letters. Please keep it under 20000."
    assert screen.problem.text() == f"How and when to support me: {problem}"
    assert problem in texts(editor)
    assert editor.section_boxes[S.SUPPORT].text() == too_long
    versions = services.care_plans.versions(
        staff(services, "carer"), resident_id(services, "Margaret")
    )
    assert versions[0].number == 3


def test_a_goal_with_no_words_is_refused_under_the_goals(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[resident_id(services, "Margaret")]
    person.tap(editor.goals.add_button)
    editor.goals.cards[-1].set_text("expressed_by", "Susan")  # whose words, but no goal
    screen.keyboard.hide()
    person.tap(editor.took_part.yes_button)
    person.tap(screen.bars.save_button)
    assert screen.problem.text() == "Goals, in their own words: Please write something here first."
    assert editor.goals.problem_label.isVisible()
    assert editor.goals.problem_label.text() == "Please write something here first."
    assert editor.goals.cards[-1].text("expressed_by") == "Susan"


def test_leaving_with_changes_asks_first_and_a_form_left_is_kept(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    screen = build()
    margaret = resident_id(services, "Margaret")
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    assert screen.step_back() is True  # nothing changed: straight back to the plan
    assert screen.view == "plan" and margaret not in screen.forms.editors

    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[margaret]
    editor.section_boxes[S.ALSO_KNOW].set_text("She was a teacher.")
    assert screen.step_back() is True
    qtbot.wait(10)
    assert screen.view == "write" and screen.bars.leave_bar.isVisible()
    assert not screen.bars.save_bar.isVisible()
    person.tap(screen.bars.stay_button)
    assert screen.view == "write" and screen.bars.save_bar.isVisible()

    # Home, or nobody touching the screen: the form is kept for Margaret, not lost.
    screen.keep_unfinished()
    screen.refresh()
    assert screen.view == "list"
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.write_button)
    assert screen.forms.editors[margaret] is editor
    assert editor.section_boxes[S.ALSO_KNOW].text() == "She was a teacher."
    assert editor.notice.isVisible()
    assert editor.notice.text().startswith("These are the changes you had not saved yet.")

    person.tap(screen.bars.cancel_button)
    assert screen.bars.leave_bar.isVisible()
    person.tap(screen.bars.leave_button)
    assert screen.view == "plan" and margaret not in screen.forms.editors
    person.tap(screen.plan_page.write_button)
    fresh = screen.forms.editors[margaret]
    assert "spelling game" in fresh.section_boxes[S.ALSO_KNOW].text()
    assert not fresh.notice.isVisible()


# ---------------------------------------------------------------------------------------
# Versions and reviews


def test_versions_are_listed_and_any_two_compared(
    build: Build, person: Person, qtbot: QtBot
) -> None:
    screen = build()
    open_plan(screen, person, "Margaret")
    person.tap(screen.plan_page.history_button)
    history = screen.history_page
    assert screen.view == "history" and history.isVisible()
    assert list(history.version_rows) == [3, 2, 1]
    assert history.chosen == [3, 2]
    row = history.version_rows[2]
    assert row.accessibleName().startswith("Version 2, ") and row.accessibleName().endswith(
        ", chosen"
    )
    assert "Written by Tomasz Zieliński" in row.accessibleDescription()
    assert "Margaret took part." in row.accessibleDescription()
    assert "Reviews held" in texts(history)

    person.tap(history.compare_button)
    diff = screen.diff_view
    assert screen.view == "compare"
    assert diff.heading.text() == "What changed from version 2 to version 3"
    lines = {
        row.accessibleName(): row for row in diff.findChildren(QWidget) if row.accessibleName()
    }
    added = next(name for name in lines if name.startswith("+ added: I taught"))
    assert "I have my own PIN for this plan" in added
    taken_out = next(name for name in lines if name.startswith("− taken out: I taught"))
    struck = [
        label for label in lines[taken_out].findChildren(QLabel) if "I taught" in label.text()
    ]
    assert struck and "line-through" in struck[0].styleSheet()
    bold = [label for label in lines[added].findChildren(QLabel) if "I taught" in label.text()]
    assert bold and bold[0].property("role") == "strong"

    assert screen.step_back() is True
    person.tap(history.version_rows[2])  # no longer chosen
    assert history.chosen == [3] and not history.compare_button.isEnabled()
    person.tap(history.version_rows[1])
    assert sorted(history.chosen) == [1, 3] and history.compare_button.isEnabled()
    person.tap(history.compare_button)
    assert diff.heading.text() == "What changed from version 1 to version 3"
    assert screen.step_back() and screen.step_back() and screen.view == "plan"


def test_a_review_is_recorded_and_the_list_moves_on(
    build: Build, person: Person, qtbot: QtBot, services: Services
) -> None:
    today = services.week.today()
    write_plan(services, "Bill", next_review_on=today - timedelta(days=3))
    bill = resident_id(services, "Bill")
    screen = build()
    assert screen.list_page.rows[0].accessibleName().startswith("Bill,")
    open_plan(screen, person, "Bill")
    person.tap(screen.plan_page.review_button)
    review = screen.forms.reviews[bill]
    assert screen.view == "review" and review.isVisible()
    assert review.held_on == today
    assert review.next_review_on == add_months(today, 6)
    assert screen.bars.save_button.words == "Save the review"

    person.tap(screen.bars.save_button)
    assert screen.problem.text() == "Please say whether Bill took part: Yes or No."
    person.tap(review.took_part.yes_button)
    review.took_part.what_changed_box.set_text("Bill wants to go to the pub <on Fridays> 🍺")
    person.tap(screen.bars.save_button)

    next_review = date_words(screen.words, add_months(today, 6))
    assert screen.view == "plan" and not screen.problem.isVisible()
    assert f"The review is saved. Next review: {next_review}." in texts(screen.plan_page)
    [held] = services.care_plans.reviews(staff(services, "carer"), bill)
    assert held.reviewed_on == today and held.resident_involved is True
    assert held.people_present == f"Bill, {CARER_NAME}"
    assert held.what_changed == "Bill wants to go to the pub <on Fridays> 🍺"
    assert screen.step_back() is True
    qtbot.wait(10)
    assert row_of(screen, "Bill").detail.text().split("\n")[1] == f"Review due on {next_review}"
    assert screen.list_page.rows[0].accessibleName().split(",")[0] != "Bill"


def test_a_review_day_cannot_be_after_today(
    build: Build, person: Person, services: Services
) -> None:
    screen = build()
    open_plan(screen, person, "Dai")
    person.tap(screen.plan_page.review_button)
    picker = screen.forms.reviews[resident_id(services, "Dai")].held_picker
    person.tap(picker.change_button)
    buttons = picker.findChildren(BigButton)
    later = [b for b in buttons if b.words in ("A day later", "A week later")]
    assert later and not any(button.isEnabled() for button in later)
    earlier = next(b for b in buttons if b.words == "A week earlier")
    person.tap(earlier)
    assert picker.day == services.week.today() - timedelta(days=7)


# ---------------------------------------------------------------------------------------
# How it looks


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("scale", [100, 200])
def test_every_step_fits(
    build: Build,
    person: Person,
    qtbot: QtBot,
    services: Services,
    scale: int,
    size: tuple[int, int],
) -> None:
    screen = build(scale=scale, size=size)
    host = screen.window()
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)  # let the layout settle, as it has before a person looks
        assert (host.width(), host.height()) == size
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save_png(screen, f"care-plans-{name}-{size[0]}x{size[1]}-{scale}")

    check("list")
    open_plan(screen, person, "Margaret")
    check("plan")
    person.tap(screen.plan_page.write_button)
    editor = screen.forms.editors[resident_id(services, "Margaret")]
    check("write")
    person.tap(editor.goals.cards[0].review_picker.change_button)
    screen.scroll.verticalScrollBar().setValue(
        editor.goals.mapTo(screen.scroll.widget(), editor.rect().topLeft()).y()
    )
    check("write-goals")
    person.tap(screen.bars.save_button)
    check("write-refused")
    editor.section_boxes[S.COMMUNICATION].setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    check("write-typing")
    person.tap(screen.keyboard.done_key)
    editor.section_boxes[S.COMMUNICATION].insert("Speak up, please.")
    screen.step_back()
    check("leave")
    person.tap(screen.bars.leave_button)
    person.tap(screen.plan_page.review_button)
    review = screen.forms.reviews[resident_id(services, "Margaret")]
    person.tap(review.next_picker.change_button)
    check("review")
    assert screen.step_back() and screen.view == "plan"  # nothing changed: no question
    person.tap(screen.plan_page.history_button)
    check("history")
    person.tap(screen.history_page.compare_button)
    check("compare")
    assert problems == [], "\n".join(problems)
