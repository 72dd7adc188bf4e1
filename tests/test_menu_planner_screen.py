"""The Menu planner, tapped as a cook would, on real widgets offscreen.

The menus service is a small in-memory fake that keeps the rules (and the words) of
``kiosk.services.menus``: no more than six choices a meal, no dish twice in one meal, an
archived dish never newly added, only kitchen staff and managers may plan, copying fills
only empty meals and counts the entries it made; warnings come from the domain's own
``menu_warnings``. So what is asserted is what the service was handed and what a person sees.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, DietaryTag, Meal, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.meals import CHOICES_PER_MEAL_MAX, Dish, MenuWeek, menu_warnings
from kiosk.domain.text import N_
from kiosk.domain.week import days_of_week
from kiosk.i18n import Words
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.menu_planner_screen import EDITOR, WEEK, MenuPlannerScreen
from kiosk.ui.staff_screen import StaffScreen
from kiosk.ui.theme import STANDARD, Metrics, Theme
from kiosk.ui.widgets.big_button import BigButton
from tests.helpers.host import Host
from tests.helpers.layout import layout_problems
from tests.helpers.person import Person

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
PICTURES = ROOT / "assets" / "pictures"
FONTS = ROOT / "assets" / "fonts"
WINDOW = (1280, 800)
SCREENSHOTS = Path(os.environ.get("KITCHEN_SCREENS_DIR", "/tmp/kitchen-screens"))

NOT_ALLOWED = "Sorry, you are not allowed to do that."
HOSTILE = "<b>x</b> & </para> 🍲 ਦਾਲ"
COOK = Actor.staff(7, StaffRole.KITCHEN)
CARER = Actor.staff(8, StaffRole.CARER)
THURSDAY = date(2026, 11, 26)  # "today" in these tests
MONDAY = date(2026, 11, 23)
TUESDAY = MONDAY + timedelta(days=1)
WEDNESDAY = MONDAY + timedelta(days=2)
VEG = frozenset({DietaryTag.VEGETARIAN})


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


# -- the kitchen's menus, in memory -----------------------------------------------------------


class FakeMenus:
    """The menus service's rules without a database; it remembers what it was handed."""

    def __init__(self) -> None:
        self.dishes: dict[int, Dish] = {}
        self.entries: dict[tuple[date, Meal], list[int]] = {}
        self.set_calls: list[tuple[date, Meal, list[int]]] = []
        self.copy_calls: list[tuple[date, date]] = []
        self.weeks_asked: list[date] = []

    def stock(
        self,
        name: str,
        course: Course = Course.MAIN,
        *,
        picture: str | None = None,
        dietary: frozenset[DietaryTag] = frozenset(),
        iddsi_level: int = 7,
    ) -> Dish:
        dish = Dish(
            len(self.dishes) + 1, name, course, picture, False, dietary, frozenset(), iddsi_level
        )
        self.dishes[dish.id] = dish
        return dish

    def archive(self, dish_id: int) -> None:
        self.dishes[dish_id] = replace(self.dishes[dish_id], archived=True)

    def catalogue(
        self, course: Course | None = None, *, include_archived: bool = False
    ) -> Sequence[Dish]:
        return sorted(
            (
                dish
                for dish in self.dishes.values()
                if (course is None or dish.course == course)
                and (include_archived or not dish.archived)
            ),
            key=lambda dish: dish.name.casefold(),
        )

    def week(self, monday: date) -> MenuWeek:
        self.weeks_asked.append(monday)
        days = tuple(
            (
                day,
                tuple(
                    (
                        meal,
                        tuple(self.dishes[i].on_menu() for i in self.entries.get((day, meal), [])),
                    )
                    for meal in Meal
                ),
            )
            for day in days_of_week(monday)
        )
        return MenuWeek(monday=monday, days=days, warnings=menu_warnings(days))

    @staticmethod
    def _may_plan(actor: Actor) -> None:
        if actor.role not in (StaffRole.KITCHEN, StaffRole.MANAGER):
            raise NotAllowedError(N_("Sorry, you are not allowed to do that."))

    def set_choices(self, actor: Actor, day: date, meal: Meal, dish_ids: Sequence[int]) -> MenuWeek:
        self._may_plan(actor)
        ids = list(dish_ids)
        if len(ids) > CHOICES_PER_MEAL_MAX:
            raise ValidationError(
                "dishes",
                N_("Please offer no more than {limit} choices at one meal."),
                limit=CHOICES_PER_MEAL_MAX,
            )
        if len(set(ids)) != len(ids):
            raise ValidationError(
                "dishes", N_("A dish is on this meal twice. Please take one off.")
            )
        before = self.entries.get((day, meal), [])
        for dish_id in ids:
            if dish_id not in self.dishes:
                raise NotFoundError(N_("We could not find that dish."))
            if self.dishes[dish_id].archived and dish_id not in before:
                raise ValidationError(
                    "dishes",
                    N_("{name} is no longer made here, so it cannot go on a menu."),
                    name=self.dishes[dish_id].name,
                )
        self.set_calls.append((day, meal, ids))
        self.entries[(day, meal)] = ids
        return self.week(day - timedelta(days=day.weekday()))

    def copy_week(self, actor: Actor, from_monday: date, to_monday: date) -> int:
        """Fills the empty meals only; returns how many menu entries it made."""
        self._may_plan(actor)
        self.copy_calls.append((from_monday, to_monday))
        made = 0
        for offset in range(7):
            for meal in Meal:
                source = (from_monday + timedelta(days=offset), meal)
                target = (to_monday + timedelta(days=offset), meal)
                live = [i for i in self.entries.get(source, []) if not self.dishes[i].archived]
                if live and not self.entries.get(target):
                    self.entries[target] = live
                    made += len(live)
        return made

    def plan(self, day: date, meal: Meal, *dishes: Dish) -> None:
        self.entries[(day, meal)] = [dish.id for dish in dishes]


# -- the screen in a window ----------------------------------------------------------------


def theme_at(scale: int = 100) -> Theme:
    return Theme(STANDARD, Metrics(dpi=96, text_scale=scale))


Build = Callable[..., MenuPlannerScreen]


@pytest.fixture
def menus() -> FakeMenus:
    return FakeMenus()


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(qtbot: QtBot, menus: FakeMenus) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    hosts: list[Host] = []

    def build_screen(
        *,
        actor: Actor | None = COOK,
        scale: int = 100,
        host_scale: int | None = None,
        language: str = "en_GB",
        today: date = THURSDAY,
    ) -> MenuPlannerScreen:
        theme = theme_at(scale)
        screen = MenuPlannerScreen(
            words=Words(LOCALES, language),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            menus=menus,
            today=lambda: today,
        )
        host = Host(screen, theme_at(host_scale or scale), screen.pictures)
        qtbot.addWidget(host)
        hosts.append(host)
        host.resize(*WINDOW)
        host.show()
        qtbot.waitExposed(host)
        screen.refresh()
        qtbot.wait(10)
        return screen

    yield build_screen


def banner(screen: StaffScreen) -> str:
    return screen.problem.text() if screen.problem.isVisible() else ""


def open_meal(person: Person, screen: MenuPlannerScreen, day: date, meal: Meal) -> None:
    person.tap(screen.cells[(day, meal)])
    assert screen.view == EDITOR and screen.editing == (day, meal)


def add_dish(person: Person, screen: MenuPlannerScreen, dish: Dish) -> None:
    """Turn the pages of dishes until ``dish`` is there, then touch it."""
    while screen.dish_page > 0:
        person.tap(screen.previous_dishes_button)
    while dish.id not in screen.dish_buttons:
        person.tap(screen.next_dishes_button)
    person.tap(screen.dish_buttons[dish.id])


def draft_names(screen: MenuPlannerScreen) -> list[str]:
    return [dish.name for dish in screen.draft]


def row_names(screen: MenuPlannerScreen) -> list[str]:
    return [row.name_label.text() for row in screen.choice_rows]


# -- the week ----------------------------------------------------------------------------------


def test_the_week_opens_on_this_weeks_monday_with_its_menus(build: Build, menus: FakeMenus) -> None:
    porridge = menus.stock("Porridge", Course.BREAKFAST, dietary=VEG, iddsi_level=4)
    pie = menus.stock("Fish pie", iddsi_level=6)
    bake = menus.stock("Bean bake", dietary=VEG)
    menus.plan(TUESDAY, Meal.LUNCH, pie, bake)
    menus.plan(TUESDAY, Meal.BREAKFAST, porridge)
    screen = build()
    assert screen.title() == "Menu planner"
    assert screen.monday == MONDAY and menus.weeks_asked == [MONDAY]
    assert screen.week_label.text() == "23 – 29 November 2026"
    assert screen.cells[(TUESDAY, Meal.LUNCH)].names == "Fish pie\nBean bake"
    assert screen.cells[(TUESDAY, Meal.BREAKFAST)].names == "Porridge"
    assert screen.cells[(TUESDAY, Meal.TEA)].names == ""
    assert screen.cells[(TUESDAY, Meal.TEA)].nothing_label.text() == "Nothing chosen yet"
    assert screen.cells[(TUESDAY, Meal.TEA)].accessibleName() == "Tea: Nothing chosen yet"
    assert screen.cells[(TUESDAY, Meal.LUNCH)].accessibleName() == "Lunch: Fish pie, Bean bake"
    assert len(screen.cells) == 7 * 4
    assert not screen.warnings_label.isVisible()  # Tuesday has a vegetarian and a soft choice
    assert not screen.empty_week_label.isVisible()
    assert not screen.this_week_button.isEnabled()  # this is this week


def test_the_weeks_before_and_after(build: Build, person: Person, menus: FakeMenus) -> None:
    stew = menus.stock("Beef stew")
    menus.plan(MONDAY - timedelta(days=7), Meal.SUPPER, stew)
    screen = build()
    assert screen.empty_week_label.isVisible()
    person.tap(screen.previous_week_button)
    assert screen.monday == MONDAY - timedelta(days=7)
    assert screen.week_label.text() == "16 – 22 November 2026"
    assert screen.cells[(MONDAY - timedelta(days=7), Meal.SUPPER)].names == "Beef stew"
    assert screen.this_week_button.isEnabled()
    person.tap(screen.next_week_button)
    person.tap(screen.next_week_button)
    assert screen.week_label.text() == "30 November – 6 December 2026"
    for _ in range(4):
        person.tap(screen.next_week_button)
    assert screen.week_label.text() == "28 December 2026 – 3 January 2027"
    person.tap(screen.this_week_button)
    assert screen.monday == MONDAY and not screen.this_week_button.isEnabled()
    assert menus.weeks_asked[:4] == [
        MONDAY,
        MONDAY - timedelta(days=7),
        MONDAY,
        MONDAY + timedelta(days=7),
    ]


def test_a_sunday_belongs_to_the_week_before(build: Build) -> None:
    screen = build(today=date(2026, 11, 29))
    assert screen.monday == MONDAY


def test_the_weeks_warnings_are_in_words(build: Build, person: Person, menus: FakeMenus) -> None:
    beef = menus.stock("Roast beef")
    soup = menus.stock("Leek soup", Course.SOUP, dietary=VEG, iddsi_level=3)
    menus.plan(TUESDAY, Meal.LUNCH, beef)
    menus.plan(MONDAY + timedelta(days=4), Meal.LUNCH, menus.stock("Cheese salad", dietary=VEG))
    screen = build()
    assert screen.warnings_label.isVisible()
    assert screen.warnings_label.text() == (
        "Please check:\n"
        "Tuesday: no vegetarian choice\n"
        "Tuesday: nothing soft (IDDSI 6 or below)\n"
        "Friday: nothing soft (IDDSI 6 or below)"
    )
    open_meal(person, screen, TUESDAY, Meal.SUPPER)
    add_dish(person, screen, soup)
    person.tap(screen.save_button)
    assert screen.warnings_label.text() == "Please check:\nFriday: nothing soft (IDDSI 6 or below)"


# -- one meal ----------------------------------------------------------------------------------


def test_choices_are_saved_in_the_order_they_were_added(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    pie = menus.stock("Fish pie", picture="pie")
    soup = menus.stock("Tomato soup", Course.SOUP, dietary=VEG)
    crumble = menus.stock("Apple crumble", Course.PUDDING, dietary=VEG)
    screen = build()
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    assert screen.editor_heading.text() == "Lunch on Tuesday 24 November"
    assert screen.nothing_label.isVisible()
    assert screen.unsaved_label.text() == "0 of 6 chosen."
    for dish in (soup, pie, crumble):
        add_dish(person, screen, dish)
    assert row_names(screen) == ["1. Tomato soup", "2. Fish pie", "3. Apple crumble"]
    assert screen.count_label.text() == "Choices, in the order they are offered: 3 of 6"
    assert screen.unsaved_label.text() == "3 of 6 chosen. Not saved yet."
    assert screen.dish_buttons[pie.id].chosen
    assert menus.set_calls == []  # nothing is kept before Save
    person.tap(screen.save_button)
    assert banner(screen) == ""
    assert menus.set_calls == [(TUESDAY, Meal.LUNCH, [soup.id, pie.id, crumble.id])]
    assert screen.view == WEEK
    assert screen.notice.text() == "Saved: Lunch on Tuesday 24 November."
    assert screen.cells[(TUESDAY, Meal.LUNCH)].names == "Tomato soup\nFish pie\nApple crumble"


def test_up_down_and_remove_change_the_order(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    a, b, c = (menus.stock(name) for name in ("Shepherd's pie", "Cauliflower cheese", "Ham salad"))
    menus.plan(WEDNESDAY, Meal.SUPPER, a, b, c)
    screen = build()
    open_meal(person, screen, WEDNESDAY, Meal.SUPPER)
    assert row_names(screen) == ["1. Shepherd's pie", "2. Cauliflower cheese", "3. Ham salad"]
    assert not screen.choice_rows[0].up_button.isEnabled()
    assert not screen.choice_rows[-1].down_button.isEnabled()
    person.tap(screen.choice_rows[0].down_button)
    assert draft_names(screen) == ["Cauliflower cheese", "Shepherd's pie", "Ham salad"]
    person.tap(screen.choice_rows[2].up_button)
    assert draft_names(screen) == ["Cauliflower cheese", "Ham salad", "Shepherd's pie"]
    person.tap(screen.choice_rows[0].remove_button)
    assert row_names(screen) == ["1. Ham salad", "2. Shepherd's pie"]
    assert not screen.dish_buttons[b.id].chosen  # it can be added again
    person.tap(screen.save_button)
    assert menus.set_calls == [(WEDNESDAY, Meal.SUPPER, [c.id, a.id])]


def test_cancel_keeps_the_meal_as_it_was(build: Build, person: Person, menus: FakeMenus) -> None:
    a, b = menus.stock("Lasagne"), menus.stock("Veg lasagne", dietary=VEG)
    menus.plan(WEDNESDAY, Meal.LUNCH, a, b)
    screen = build()
    open_meal(person, screen, WEDNESDAY, Meal.LUNCH)
    person.tap(screen.choice_rows[0].remove_button)
    person.tap(screen.cancel_button)
    assert screen.view == WEEK and menus.set_calls == []
    assert screen.cells[(WEDNESDAY, Meal.LUNCH)].names == "Lasagne\nVeg lasagne"
    open_meal(person, screen, WEDNESDAY, Meal.LUNCH)
    assert draft_names(screen) == ["Lasagne", "Veg lasagne"]


def test_a_seventh_choice_is_refused_in_words(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    dishes = [menus.stock(f"Dish {n}") for n in range(1, 8)]
    screen = build()
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    for dish in dishes[:6]:
        add_dish(person, screen, dish)
    assert banner(screen) == ""
    add_dish(person, screen, dishes[6])
    assert banner(screen) == "A meal can have up to 6 choices. Please take one off first."
    assert len(screen.draft) == 6 and not screen.dish_buttons[dishes[6].id].chosen
    person.tap(screen.choice_rows[5].remove_button)
    assert banner(screen) == ""
    add_dish(person, screen, dishes[6])
    person.tap(screen.save_button)
    assert menus.set_calls[-1][2] == [d.id for d in dishes[:5]] + [dishes[6].id]


def test_a_dish_is_not_added_twice(build: Build, person: Person, menus: FakeMenus) -> None:
    pie = menus.stock(HOSTILE)
    screen = build()
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    add_dish(person, screen, pie)
    add_dish(person, screen, pie)
    assert banner(screen) == f"{HOSTILE} is already a choice for this meal."
    assert screen.problem.textFormat() == Qt.TextFormat.PlainText
    assert len(screen.draft) == 1


def test_the_services_refusal_is_shown_and_the_choices_stay(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    pie, bake = menus.stock("Fish pie"), menus.stock("Bean bake", dietary=VEG)
    screen = build(actor=CARER)
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    add_dish(person, screen, pie)
    add_dish(person, screen, bake)
    person.tap(screen.save_button)
    assert banner(screen) == NOT_ALLOWED
    assert screen.view == EDITOR and draft_names(screen) == ["Fish pie", "Bean bake"]
    assert screen.unsaved_label.text() == "2 of 6 chosen. Not saved yet."
    assert menus.entries == {}


def test_a_dish_archived_meanwhile_is_refused_in_words(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    pie, bake = menus.stock("Fish pie"), menus.stock("Bean bake", dietary=VEG)
    screen = build()
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    add_dish(person, screen, pie)
    add_dish(person, screen, bake)
    menus.archive(pie.id)  # in the office, while the cook was choosing
    person.tap(screen.save_button)
    assert banner(screen) == "Fish pie is no longer made here, so it cannot go on a menu."
    assert draft_names(screen) == ["Fish pie", "Bean bake"]
    person.tap(screen.choice_rows[0].remove_button)
    person.tap(screen.save_button)
    assert banner(screen) == ""
    assert menus.entries[(TUESDAY, Meal.LUNCH)] == [bake.id]


def test_an_archived_dish_already_on_a_meal_stays_but_is_not_offered(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    old, new = (
        menus.stock("Spotted dick", Course.PUDDING),
        menus.stock("Jam sponge", Course.PUDDING),
    )
    menus.plan(TUESDAY, Meal.LUNCH, old)
    menus.archive(old.id)
    screen = build()
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    assert draft_names(screen) == ["Spotted dick"]
    assert old.id not in screen.dish_buttons and new.id in screen.dish_buttons
    add_dish(person, screen, new)
    person.tap(screen.save_button)
    assert menus.entries[(TUESDAY, Meal.LUNCH)] == [old.id, new.id]


def test_dishes_for_the_meal_come_first_and_every_course_can_be_reached(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    breakfasts = [menus.stock(f"Breakfast {n}", Course.BREAKFAST) for n in range(3)]
    tea = menus.stock("Tea", Course.DRINK)
    others = [menus.stock(f"Main {n:02}") for n in range(12)]
    others.append(menus.stock("Lemon tart", Course.PUDDING))
    screen = build()
    open_meal(person, screen, MONDAY, Meal.BREAKFAST)
    assert screen.suits_button.chosen and not screen.all_button.chosen
    assert set(screen.dish_buttons) == {d.id for d in [*breakfasts, tea]}
    assert not screen.next_dishes_button.isVisible()  # one page: no pager
    person.tap(screen.all_button)
    assert screen.all_button.chosen
    seen: list[int] = []
    for page in range(screen.dish_pages):
        assert screen.dish_page_label.text() == f"Page {page + 1} of {screen.dish_pages}"
        seen.extend(screen.dish_buttons)
        if page < screen.dish_pages - 1:
            person.tap(screen.next_dishes_button)
    assert sorted(seen) == sorted(menus.dishes)
    add_dish(person, screen, others[-1])
    assert draft_names(screen) == ["Lemon tart"]


# -- the whole week -------------------------------------------------------------------------


def test_copy_last_week_fills_only_the_empty_meals(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    stew, pie, bake = menus.stock("Beef stew"), menus.stock("Fish pie"), menus.stock("Bake")
    last_monday = MONDAY - timedelta(days=7)
    for day in days_of_week(last_monday):
        for meal in Meal:
            menus.plan(day, meal, stew, bake)
    menus.plan(TUESDAY, Meal.LUNCH, pie)
    screen = build()
    person.tap(screen.copy_button)
    assert menus.copy_calls == [(last_monday, MONDAY)]
    assert screen.notice.text() == (
        "54 choices copied from last week into the empty meals. "
        "Meals already planned were left as they were."
    )
    assert screen.cells[(TUESDAY, Meal.LUNCH)].names == "Fish pie"  # left as it was
    assert screen.cells[(WEDNESDAY, Meal.TEA)].names == "Beef stew\nBake"
    person.tap(screen.copy_button)
    assert screen.notice.text() == (
        "Nothing was copied: every meal this week already has its choices."
    )


def test_copy_last_week_says_when_there_was_nothing_to_copy(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    menus.plan(TUESDAY, Meal.LUNCH, menus.stock("Fish pie"))
    screen = build()
    person.tap(screen.copy_button)
    assert screen.notice.text() == (
        "Nothing was copied: last week has no choices for the meals that are empty here."
    )
    menus.plan(MONDAY - timedelta(days=7), Meal.TEA, menus.stock("Scones", Course.SNACK))
    person.tap(screen.copy_button)
    assert screen.notice.text() == (
        "1 choice copied from last week into the empty meals. "
        "Meals already planned were left as they were."
    )


def test_copy_last_week_is_refused_for_a_carer(
    build: Build, person: Person, menus: FakeMenus
) -> None:
    menus.plan(MONDAY - timedelta(days=7), Meal.TEA, menus.stock("Scones", Course.SNACK))
    screen = build(actor=CARER)
    person.tap(screen.copy_button)
    assert banner(screen) == NOT_ALLOWED
    assert not screen.notice.isVisible()
    assert (MONDAY, Meal.TEA) not in menus.entries


def test_print_asks_for_the_week_shown_or_a_days_menu_card(
    build: Build, person: Person, menus: FakeMenus, qtbot: QtBot
) -> None:
    screen = build()
    asked: list[tuple[object, str]] = []
    screen.print_requested.connect(lambda when, kind: asked.append((when, kind)))
    person.tap(screen.print_button)
    person.tap(screen.next_week_button)
    person.tap(screen.print_button)
    person.tap(screen.card_buttons[WEDNESDAY + timedelta(days=7)])
    assert asked == [
        (MONDAY, "week"),
        (MONDAY + timedelta(days=7), "week"),
        (WEDNESDAY + timedelta(days=7), "card"),
    ]
    assert all(type(when) is date for when, _ in asked)


def test_names_are_shown_exactly(build: Build, person: Person, menus: FakeMenus) -> None:
    dish = menus.stock(HOSTILE, dietary=VEG)
    menus.plan(TUESDAY, Meal.SUPPER, dish)
    screen = build()
    cell = screen.cells[(TUESDAY, Meal.SUPPER)]
    assert cell.names == HOSTILE
    assert cell.name_labels[0].textFormat() == Qt.TextFormat.PlainText
    open_meal(person, screen, TUESDAY, Meal.SUPPER)
    assert row_names(screen) == [f"1. {HOSTILE}"]
    for label in screen.findChildren(QLabel):
        if HOSTILE in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


# -- words ---------------------------------------------------------------------------------


def test_every_word_is_set_again_in_polish(build: Build, person: Person, menus: FakeMenus) -> None:
    menus.plan(TUESDAY, Meal.LUNCH, menus.stock("Bigos"))
    screen = build()
    english = {id(b): b.accessibleName() for b in screen.findChildren(BigButton)}
    screen.words.switch("pl")
    screen.retranslate()
    person.qtbot.wait(10)  # the week is drawn again
    polish = screen.words.gettext
    assert screen.title() == polish("Menu planner") != "Menu planner"
    assert screen.week_label.text() == "23 – 29 listopada 2026"
    assert screen.warnings_label.text().startswith(polish("Please check:"))
    assert "wtorek" in screen.warnings_label.text()
    for button in (screen.previous_week_button, screen.copy_button, screen.print_button):
        assert button.accessibleName() != english[id(button)]
    assert screen.cells[(TUESDAY, Meal.LUNCH)].accessibleName().startswith(polish("Lunch"))
    open_meal(person, screen, TUESDAY, Meal.LUNCH)
    assert screen.save_button.accessibleName() == polish("Save") != "Save"
    assert screen.all_button.accessibleName() == polish("All dishes") != "All dishes"
    assert all(b.accessibleName().strip() for b in screen.findChildren(BigButton))
    person.qtbot.wait(50)  # longer words: still no clipped words or crowded buttons
    assert layout_problems(screen.window(), screen.theme.metrics) == []
    save(screen.window(), "planner-polish-meal-100")


def test_every_control_has_a_name(build: Build, person: Person, menus: FakeMenus) -> None:
    menus.plan(TUESDAY, Meal.LUNCH, menus.stock("Fish pie"))
    screen = build()
    for view in ("week", "editor"):
        if view == "editor":
            open_meal(person, screen, TUESDAY, Meal.LUNCH)
        unnamed = [
            widget
            for widget in screen.findChildren(QWidget)
            if widget.isVisibleTo(screen)
            and isinstance(widget, QAbstractButton)
            and not widget.accessibleName().strip()
        ]
        assert unnamed == [], view
    assert screen.reading_order()[0] == "Menu planner"


# -- how it looks ----------------------------------------------------------------------------


def save(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


def scroll_to(screen: StaffScreen, widget: QWidget) -> None:
    """Scroll so that ``widget`` is at the top of the view, as a person would."""
    top = widget.mapTo(screen.scroll.widget(), widget.rect().topLeft()).y()
    screen.scroll.verticalScrollBar().setValue(top - 20)


def plan_a_busy_week(menus: FakeMenus) -> dict[str, Dish]:
    porridge = menus.stock("Porridge", Course.BREAKFAST, picture="porridge", iddsi_level=4)
    eggs = menus.stock("Scrambled eggs on toast", Course.BREAKFAST, picture="egg", dietary=VEG)
    soup = menus.stock("Cawl (Welsh lamb broth)", Course.SOUP, picture="soup", iddsi_level=3)
    pie = menus.stock("Fish pie with a cheesy mash topping", picture="pie", iddsi_level=6)
    pierogi = menus.stock("Pierogi ruskie", picture="dumpling", dietary=VEG)
    dal = menus.stock("ਦਾਲ ਮਖਣੀ", picture="curry", dietary=VEG, iddsi_level=5)
    roast = menus.stock("Roast chicken with all the trimmings", picture="chicken")
    sponge = menus.stock("Jam sponge and custard", Course.PUDDING, picture="pudding")
    cakes = menus.stock("Welsh cakes", Course.SNACK, picture="cake", dietary=VEG)
    sandwiches = menus.stock("Egg and cress sandwiches", Course.SNACK, picture="sandwich")
    tea = menus.stock("Tea", Course.DRINK, picture="tea", dietary=VEG)
    for day in days_of_week(MONDAY):
        menus.plan(day, Meal.BREAKFAST, porridge, eggs, tea)
        menus.plan(day, Meal.LUNCH, soup, pie, pierogi, dal, roast, sponge)
        menus.plan(day, Meal.TEA, cakes, sandwiches, tea)
        menus.plan(day, Meal.SUPPER, soup, sandwiches)
    # Tuesday: no vegetarian choice. Friday: nothing soft, and no supper planned yet.
    menus.plan(TUESDAY, Meal.LUNCH, roast, pie)
    menus.plan(TUESDAY, Meal.TEA, sandwiches)
    friday = MONDAY + timedelta(days=4)
    menus.plan(friday, Meal.BREAKFAST, eggs, tea)
    menus.plan(friday, Meal.LUNCH, roast, pierogi, sponge)
    menus.plan(friday, Meal.SUPPER)
    for n in range(10):
        menus.stock(f"Extra main {n}", picture="stew")
    return {"roast": roast, "pie": pie}


@pytest.mark.parametrize("scale", [100, 200])
def test_every_part_fits_and_looks_right(
    build: Build, person: Person, menus: FakeMenus, qtbot: QtBot, scale: int
) -> None:
    plan_a_busy_week(menus)
    screen = build(scale=scale)
    host = screen.window()
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)  # let the layout settle, as it has before a person looks
        assert (host.width(), host.height()) == WINDOW
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save(host, f"planner-{name}-{scale}")

    check("week")
    scroll_to(screen, screen.day_cards[WEDNESDAY])
    check("week-wednesday")
    open_meal(person, screen, MONDAY, Meal.LUNCH)
    check("meal-full")
    scroll_to(screen, screen.add_heading)
    check("meal-adding")
    person.tap(screen.cancel_button)
    open_meal(person, screen, WEDNESDAY, Meal.TEA)
    person.tap(screen.choice_rows[2].up_button)
    person.tap(screen.all_button)
    check("meal-changed")
    person.tap(screen.save_button)
    check("week-saved")
    person.tap(screen.next_week_button)
    person.tap(screen.copy_button)
    check("week-copied")
    assert problems == [], "\n".join(problems)


def test_the_screen_redraws_for_large_text(
    build: Build, person: Person, menus: FakeMenus, qtbot: QtBot
) -> None:
    """Text made larger while the screen is built (apply_theme), not built large."""
    plan_a_busy_week(menus)
    screen = build(scale=100, host_scale=200)
    screen.apply_theme(theme_at(200))
    host = screen.window()
    qtbot.wait(50)
    problems = [f"week: {p}" for p in layout_problems(host, screen.theme.metrics)]
    save(host, "planner-apply-theme-200")
    open_meal(person, screen, MONDAY, Meal.LUNCH)
    qtbot.wait(50)
    problems += [f"meal: {p}" for p in layout_problems(host, screen.theme.metrics)]
    assert len(screen.dish_buttons) <= 6  # fewer to a page at large text
    assert problems == [], "\n".join(problems)
