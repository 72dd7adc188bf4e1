"""The Dishes screen, tapped as a cook would, on real widgets offscreen.

The kitchen service is a small in-memory fake that keeps the rules (and the words) of
``kiosk.services.menus``: the domain's own checks on names, pictures, texture levels and
photos; no two dishes on offer with the same name; only kitchen staff and managers may
change dishes; a dish on a menu or in a suggestion is archived, not deleted. So what is
asserted is what the service was handed and what a person sees.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.domain.access import Actor
from kiosk.domain.enums import Allergen, Course, DietaryTag, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.meals import Dish, DishDetails, RemovedHow, clean_dish_details, match_key
from kiosk.domain.photos import check_photo
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.fonts import register_fonts
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.dishes_screen import (
    ALLERGEN_WORDS,
    COURSE_WORDS,
    FOOD_PICTURES,
    DishesScreen,
)
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


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp: object) -> None:
    if any(FONTS.glob("*.ttf")):
        register_fonts(FONTS)


# -- the kitchen, in memory ----------------------------------------------------------------


class FakeKitchen:
    """The dishes service's rules without a database; it remembers what it was handed."""

    def __init__(self) -> None:
        self.dishes: dict[int, Dish] = {}
        self.photos: dict[int, bytes] = {}
        self.in_use: set[int] = set()  # on a menu or in a suggestion
        self.added: list[DishDetails] = []
        self.updated: list[tuple[int, DishDetails]] = []
        self.removed: list[int] = []
        self.photos_read: list[int] = []
        self._next_id = 1

    # reading
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

    def dish(self, dish_id: int) -> Dish:
        if dish_id not in self.dishes:
            raise NotFoundError(N_("We could not find that dish."))
        return self.dishes[dish_id]

    def dish_photo(self, dish_id: int) -> bytes | None:
        self.photos_read.append(dish_id)
        return self.photos.get(dish_id)

    # writing: only kitchen staff and managers
    @staticmethod
    def _may_change(actor: Actor) -> None:
        if actor.role not in (StaffRole.KITCHEN, StaffRole.MANAGER):
            raise NotAllowedError(N_("Sorry, you are not allowed to do that."))

    def _refuse_same_name(self, name: str, *, other_than: int | None) -> None:
        for dish in self.dishes.values():
            if (
                dish.id != other_than
                and not dish.archived
                and match_key(dish.name) == match_key(name)
            ):
                raise ValidationError(
                    "name", N_("There is already a dish called {name}."), name=dish.name
                )

    def add_dish(self, actor: Actor, details: DishDetails) -> Dish:
        self._may_change(actor)
        clean = clean_dish_details(details)
        self._refuse_same_name(clean.name, other_than=None)
        dish = Dish(
            id=self._next_id,
            name=clean.name,
            course=clean.course,
            picture=clean.picture,
            has_photo=False,
            dietary=clean.dietary,
            allergens=clean.allergens,
            iddsi_level=clean.iddsi_level,
            description=clean.description,
        )
        self._next_id += 1
        self.dishes[dish.id] = dish
        self.added.append(details)
        return dish

    def update_dish(self, actor: Actor, dish_id: int, details: DishDetails) -> Dish:
        self._may_change(actor)
        dish = self.dish(dish_id)
        clean = clean_dish_details(details)
        if not dish.archived:
            self._refuse_same_name(clean.name, other_than=dish_id)
        changed = replace(
            dish,
            name=clean.name,
            course=clean.course,
            picture=clean.picture,
            dietary=clean.dietary,
            allergens=clean.allergens,
            iddsi_level=clean.iddsi_level,
            description=clean.description,
        )
        self.dishes[dish_id] = changed
        self.updated.append((dish_id, details))
        return changed

    def set_dish_photo(self, actor: Actor, dish_id: int, data: bytes) -> Dish:
        self._may_change(actor)
        check_photo(data)
        self.photos[dish_id] = data
        self.dishes[dish_id] = replace(self.dish(dish_id), has_photo=True)
        return self.dishes[dish_id]

    def remove_dish_photo(self, actor: Actor, dish_id: int) -> Dish:
        self._may_change(actor)
        self.photos.pop(dish_id, None)
        self.dishes[dish_id] = replace(self.dish(dish_id), has_photo=False)
        return self.dishes[dish_id]

    def remove_dish(self, actor: Actor, dish_id: int) -> RemovedHow:
        self._may_change(actor)
        dish = self.dish(dish_id)
        self.removed.append(dish_id)
        if dish_id in self.in_use:
            self.dishes[dish_id] = replace(dish, archived=True)
            return RemovedHow.ARCHIVED
        del self.dishes[dish_id]
        return RemovedHow.DELETED

    # setting up
    def stock(
        self,
        name: str,
        course: Course = Course.MAIN,
        *,
        picture: str | None = None,
        dietary: frozenset[DietaryTag] = frozenset(),
        allergens: frozenset[Allergen] = frozenset(),
        iddsi_level: int = 7,
        description: str | None = None,
    ) -> Dish:
        """A dish already in the catalogue (as the service would have kept it)."""
        dish = Dish(
            self._next_id,
            name,
            course,
            picture,
            False,
            dietary,
            allergens,
            iddsi_level,
            description,
        )
        self._next_id += 1
        self.dishes[dish.id] = dish
        return dish


@dataclass
class Photos:
    """Stands in for the window's file chooser: hands over whatever a test puts here."""

    chosen: bytes | None = None
    asked: int = 0

    def __call__(self) -> bytes | None:
        self.asked += 1
        return self.chosen


def png_bytes(colour: QColor, width: int = 240, height: int = 180) -> bytes:
    image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
    image.fill(colour)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data())


# -- the screen in a window ----------------------------------------------------------------


def theme_at(scale: int = 100) -> Theme:
    return Theme(STANDARD, Metrics(dpi=96, text_scale=scale))


Build = Callable[..., DishesScreen]


@pytest.fixture
def kitchen() -> FakeKitchen:
    return FakeKitchen()


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def build(qtbot: QtBot, kitchen: FakeKitchen) -> Iterator[Build]:
    """Builds the screen in a window of its own, shown and refreshed, as the window does."""
    hosts: list[Host] = []

    def build_screen(
        *,
        actor: Actor | None = COOK,
        photos: Callable[[], bytes | None] | None = None,
        scale: int = 100,
        host_scale: int | None = None,
        language: str = "en_GB",
    ) -> DishesScreen:
        theme = theme_at(scale)
        screen = DishesScreen(
            words=Words(LOCALES, language),
            pictures=PictureLibrary(PICTURES),
            theme=theme,
            signed_in=lambda: actor,
            kitchen=kitchen,
            choose_photo=photos or Photos(),
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


def row_for(screen: DishesScreen, dish_id: int) -> QAbstractButton:
    return next(row for row in screen.rows if row.dish_id == dish_id)


def open_dish(person: Person, screen: DishesScreen, dish_id: int) -> None:
    person.tap(row_for(screen, dish_id))
    assert screen.editor_page.isVisible()
    assert screen.dish is not None and screen.dish.id == dish_id


def tap_picture(person: Person, screen: DishesScreen, key: str | None) -> None:
    """Turn the pages of pictures until ``key`` is there, then touch it."""
    while key not in screen.picture_buttons:
        person.tap(screen.next_pictures_button)
    person.tap(screen.picture_buttons[key])


def words_on(button: BigButton) -> str:
    label = button.findChild(QLabel, "words")
    assert isinstance(label, QLabel)
    return label.text()


def chosen(buttons: dict[object, BigButton]) -> set[object]:
    return {key for key, button in buttons.items() if button.chosen}


# -- adding ----------------------------------------------------------------------------------


def test_a_new_dish_with_allergens_is_saved_and_its_name_shown_exactly(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    screen = build()
    assert screen.title() == "Dishes"
    assert screen.none_label.isVisible()
    person.tap(screen.add_button)
    assert screen.heading.text() == "A new dish"
    assert not screen.choose_photo_button.isVisible()  # a photo needs a dish to belong to
    assert screen.later_label.isVisible()
    assert chosen(screen.texture_buttons) == {7}  # "7 Regular" until told otherwise

    screen.name_edit.setText(HOSTILE)
    person.tap(screen.course_buttons[Course.SOUP])
    tap_picture(person, screen, "soup")
    person.tap(screen.dietary_buttons[DietaryTag.VEGETARIAN])
    for allergen in (Allergen.CELERY, Allergen.MILK, Allergen.GLUTEN, Allergen.EGGS):
        person.tap(screen.allergen_buttons[allergen])
    person.tap(screen.allergen_buttons[Allergen.EGGS])  # touched again: not in it after all
    assert screen.contains_label.text() == "Contains: Celery, Cereals with gluten, Milk."
    person.tap(screen.texture_buttons[3])
    person.tap(screen.save_button)

    assert banner(screen) == ""
    assert kitchen.added == [
        DishDetails(
            name=HOSTILE,
            course=Course.SOUP,
            picture="soup",
            dietary=frozenset({DietaryTag.VEGETARIAN}),
            allergens=frozenset({Allergen.CELERY, Allergen.MILK, Allergen.GLUTEN}),
            iddsi_level=3,
        )
    ]
    assert screen.saved_label.text() == "Saved."
    assert screen.heading.text() == HOSTILE
    assert screen.heading.textFormat() == Qt.TextFormat.PlainText
    assert screen.choose_photo_button.isVisible()  # now it can have a photo
    assert screen.remove_button.isVisible()

    person.tap(screen.back_to_list_button)
    (dish,) = kitchen.dishes.values()
    row = row_for(screen, dish.id)
    assert row.name.text() == HOSTILE and row.name.textFormat() == Qt.TextFormat.PlainText
    assert row.detail.text() == "Soup"
    assert row.accessibleName() == f"{HOSTILE}, Soup"
    for label in screen.findChildren(QLabel):
        if HOSTILE in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_dish_needs_a_course(build: Build, person: Person, kitchen: FakeKitchen) -> None:
    screen = build()
    person.tap(screen.add_button)
    screen.name_edit.setText("Fish pie")
    person.tap(screen.save_button)
    assert banner(screen) == "Please choose the course."
    assert kitchen.added == []
    person.tap(screen.course_buttons[Course.MAIN])
    person.tap(screen.save_button)
    assert banner(screen) == ""
    assert [d.name for d in kitchen.dishes.values()] == ["Fish pie"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("🍲🍲", "Name: A name needs at least one letter."),
        ("   ", "Name: Please write something here first."),
        ("x" * 500, "Name: This is too long: 500 letters. Please keep it under 120."),
        ("Stew\x1b", "Name: This has a hidden control character in it. Please type it again."),
    ],
    ids=["emoji", "blank", "long", "escape"],
)
def test_a_name_that_cannot_be_kept_is_refused_in_words_and_nothing_is_lost(
    build: Build, person: Person, kitchen: FakeKitchen, name: str, words: str
) -> None:
    screen = build()
    person.tap(screen.add_button)
    screen.name_edit.setText(name)
    person.tap(screen.course_buttons[Course.PUDDING])
    person.tap(screen.allergen_buttons[Allergen.MILK])
    person.tap(screen.texture_buttons[4])
    person.tap(screen.save_button)
    assert banner(screen) == words
    assert kitchen.dishes == {}
    assert screen.saved_label.text() == ""
    # Still on the form, just as it was, to put right and save again.
    assert screen.editor_page.isVisible() and screen.dish is None
    assert screen.name_edit.text() == name
    assert chosen(screen.course_buttons) == {Course.PUDDING}
    assert chosen(screen.allergen_buttons) == {Allergen.MILK}
    assert chosen(screen.texture_buttons) == {4}
    screen.name_edit.setText("Rice pudding")
    person.tap(screen.save_button)
    assert banner(screen) == ""
    (dish,) = kitchen.dishes.values()
    assert (dish.name, dish.allergens, dish.iddsi_level) == (
        "Rice pudding",
        frozenset({Allergen.MILK}),
        4,
    )


def test_a_second_dish_of_the_same_name_is_refused_in_words(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    pie = kitchen.stock("Fish pie")
    screen = build()
    person.tap(screen.add_button)
    screen.name_edit.setText("fish  PIE")
    person.tap(screen.course_buttons[Course.MAIN])
    person.tap(screen.save_button)
    assert banner(screen) == "Name: There is already a dish called Fish pie."
    assert list(kitchen.dishes) == [pie.id]
    assert screen.name_edit.text() == "fish  PIE"


def test_a_carer_is_told_no_and_what_was_typed_stays(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    stew = kitchen.stock("Lamb stew", allergens=frozenset({Allergen.CELERY}))
    screen = build(actor=CARER, photos=Photos(png_bytes(QColor("red"))))
    person.tap(screen.add_button)
    screen.name_edit.setText("Cottage pie")
    person.tap(screen.course_buttons[Course.MAIN])
    person.tap(screen.save_button)
    assert banner(screen) == NOT_ALLOWED
    assert screen.name_edit.text() == "Cottage pie"
    assert chosen(screen.course_buttons) == {Course.MAIN}
    assert kitchen.added == []

    person.tap(screen.back_to_list_button)
    assert banner(screen) == ""
    open_dish(person, screen, stew.id)
    screen.name_edit.setText("Irish stew")
    person.tap(screen.allergen_buttons[Allergen.MUSTARD])
    person.tap(screen.save_button)
    assert banner(screen) == NOT_ALLOWED
    assert screen.name_edit.text() == "Irish stew"
    assert chosen(screen.allergen_buttons) == {Allergen.CELERY, Allergen.MUSTARD}
    person.tap(screen.choose_photo_button)
    assert banner(screen) == NOT_ALLOWED
    person.tap(screen.remove_button)
    person.tap(screen.remove_yes_button)
    assert banner(screen) == NOT_ALLOWED
    assert kitchen.dishes[stew.id] == stew


def test_nobody_signed_in_is_asked_to_sign_in(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    screen = build(actor=None)
    person.tap(screen.add_button)
    screen.name_edit.setText("Fish pie")
    person.tap(screen.course_buttons[Course.MAIN])
    person.tap(screen.save_button)
    assert banner(screen) == "Please sign in as staff first."
    assert kitchen.dishes == {}


# -- changing --------------------------------------------------------------------------------


def test_changing_a_dish_keeps_what_was_not_touched(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    pie = kitchen.stock(
        "Fish pie",
        picture="fish",
        dietary=frozenset(),
        allergens=frozenset({Allergen.FISH, Allergen.MILK, Allergen.GLUTEN}),
        iddsi_level=6,
        description="Made with haddock.",
    )
    screen = build()
    assert row_for(screen, pie.id).detail.text() == "Main course"
    open_dish(person, screen, pie.id)
    assert screen.name_edit.text() == "Fish pie"
    assert chosen(screen.course_buttons) == {Course.MAIN}
    assert chosen(screen.picture_buttons) == {"fish"}  # its page opens by itself
    assert chosen(screen.allergen_buttons) == {Allergen.FISH, Allergen.MILK, Allergen.GLUTEN}
    assert chosen(screen.texture_buttons) == {6}
    person.tap(screen.allergen_buttons[Allergen.GLUTEN])
    person.tap(screen.texture_buttons[5])
    assert kitchen.updated == []  # nothing is kept before Save
    person.tap(screen.save_button)
    assert banner(screen) == ""
    assert kitchen.updated == [
        (
            pie.id,
            DishDetails(
                name="Fish pie",
                course=Course.MAIN,
                picture="fish",
                allergens=frozenset({Allergen.FISH, Allergen.MILK}),
                iddsi_level=5,
                description="Made with haddock.",  # not on this form: kept as it was
            ),
        )
    ]
    assert screen.saved_label.text() == "Saved."
    person.tap(screen.course_buttons[Course.SIDE])
    assert screen.saved_label.text() == ""  # a change not yet saved


def test_no_picture_can_be_chosen(build: Build, person: Person, kitchen: FakeKitchen) -> None:
    cake = kitchen.stock("Victoria sponge", Course.PUDDING, picture="cake")
    screen = build()
    open_dish(person, screen, cake.id)
    while None not in screen.picture_buttons:
        person.tap(screen.previous_pictures_button)
    person.tap(screen.picture_buttons[None])
    person.tap(screen.save_button)
    assert kitchen.dishes[cake.id].picture is None


def test_every_food_picture_is_offered_a_page_at_a_time(build: Build, person: Person) -> None:
    manifest = json.loads((PICTURES / "pictures.json").read_text(encoding="utf-8"))
    keys = [key for key, _ in FOOD_PICTURES if key is not None]
    assert set(keys) <= set(manifest)
    assert len(keys) == len(set(keys))
    not_food = {"back", "home", "cross", "check", "people", "photo-album", "cat", "dog", "bus"}
    assert not set(keys) & not_food
    assert {"fish", "soup", "pie", "pudding", "tea", "breakfast"} <= set(keys)

    screen = build()
    person.tap(screen.add_button)
    seen: list[str | None] = []
    assert not screen.previous_pictures_button.isEnabled()
    for page in range(screen.picture_pages):
        assert screen.picture_page_label.text() == f"Page {page + 1} of {screen.picture_pages}"
        assert len(screen.picture_buttons) <= 12
        seen.extend(screen.picture_buttons)
        if page < screen.picture_pages - 1:
            person.tap(screen.next_pictures_button)
    assert not screen.next_pictures_button.isEnabled()
    assert seen == [key for key, _ in FOOD_PICTURES]
    # every picture has words beside it
    assert all(words_on(button) for button in screen.picture_buttons.values())


# -- photos ----------------------------------------------------------------------------------


def test_a_photo_is_kept_at_once_and_shown_in_the_list(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    soup = kitchen.stock("Tomato soup", Course.SOUP, picture="soup")
    photos = Photos()
    screen = build(photos=photos)
    open_dish(person, screen, soup.id)
    assert not screen.remove_photo_button.isVisible()
    person.tap(screen.choose_photo_button)  # the chooser was closed without a choice
    assert photos.asked == 1 and not kitchen.dishes[soup.id].has_photo
    photos.chosen = png_bytes(QColor(220, 0, 0))
    person.tap(screen.choose_photo_button)
    assert banner(screen) == ""
    assert kitchen.photos[soup.id] == photos.chosen
    assert screen.saved_label.text() == "The photo is saved."
    assert screen.remove_photo_button.isVisible()
    assert _middle_of(screen.preview) == QColor(220, 0, 0)

    person.tap(screen.back_to_list_button)
    row = row_for(screen, soup.id)
    (avatar,) = [label for label in row.findChildren(QLabel) if not label.pixmap().isNull()]
    assert _middle_of(avatar) == QColor(220, 0, 0)

    open_dish(person, screen, soup.id)
    person.tap(screen.remove_photo_button)
    assert not kitchen.dishes[soup.id].has_photo
    assert screen.saved_label.text() == "The photo is removed."
    assert not screen.remove_photo_button.isVisible()
    assert _middle_of(screen.preview) != QColor(220, 0, 0)  # its pictogram again


def test_a_file_that_is_not_a_photo_or_cannot_be_read_is_told_in_words(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    soup = kitchen.stock("Tomato soup", Course.SOUP)
    photos = Photos(b"Dear kitchen, the soup was lovely.")
    screen = build(photos=photos)
    open_dish(person, screen, soup.id)
    person.tap(screen.choose_photo_button)
    assert banner(screen) == (
        "That file is not a photo we can use. Please choose a JPEG or PNG picture."
    )
    assert not kitchen.dishes[soup.id].has_photo

    def unreadable() -> bytes | None:
        raise PermissionError("the memory stick was taken out")

    screen._choose_photo = unreadable
    person.tap(screen.choose_photo_button)
    assert banner(screen) == "We could not read that file. Please try again."


def _middle_of(label: QLabel) -> QColor:
    image = label.pixmap().toImage()
    return QColor(image.pixel(image.width() // 2, image.height() // 2))


# -- removing --------------------------------------------------------------------------------


def test_remove_asks_first_then_deletes_a_dish_never_used(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    pie = kitchen.stock(HOSTILE)
    screen = build()
    open_dish(person, screen, pie.id)
    person.tap(screen.remove_button)
    assert screen.remove_question.isVisible()
    assert screen.remove_question.text() == (
        f"Are you sure you want to remove {HOSTILE}? If it is on a menu or in a suggestion, "
        "it is kept in the records and no longer offered."
    )
    assert screen.remove_question.textFormat() == Qt.TextFormat.PlainText
    assert not screen.remove_button.isVisible()
    person.tap(screen.remove_no_button)
    assert not screen.remove_question.isVisible() and screen.remove_button.isVisible()
    assert kitchen.removed == []

    person.tap(screen.remove_button)
    person.tap(screen.remove_yes_button)
    assert kitchen.removed == [pie.id] and pie.id not in kitchen.dishes
    assert screen.list_page.isVisible()
    assert screen.list_notice.text() == (
        f"{HOSTILE} is deleted. It was never on a menu or in a suggestion."
    )
    assert screen.list_notice.textFormat() == Qt.TextFormat.PlainText
    assert screen.rows == []


def test_a_dish_on_a_menu_is_archived_and_shown_only_on_request(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    curry = kitchen.stock("Chicken curry", picture="curry")
    dal = kitchen.stock("Tarka dal", dietary=frozenset({DietaryTag.VEGAN}))
    kitchen.in_use.add(curry.id)
    screen = build()
    open_dish(person, screen, curry.id)
    person.tap(screen.remove_button)
    person.tap(screen.remove_yes_button)
    assert kitchen.dishes[curry.id].archived
    assert screen.list_notice.text() == (
        "Chicken curry is on a menu or in a suggestion, so it is kept in the records and "
        "no longer offered."
    )
    assert [row.dish_id for row in screen.rows] == [dal.id]

    person.tap(screen.archived_button)
    assert screen.archived_button.chosen
    assert [row.dish_id for row in screen.rows] == [dal.id, curry.id]  # archived ones last
    assert row_for(screen, curry.id).detail.text() == "Main course · Archived"
    open_dish(person, screen, curry.id)
    assert screen.archived_label.isVisible()
    assert screen.archived_label.text() == (
        "Archived: it is kept in the records and no longer offered."
    )
    assert not screen.remove_button.isVisible()  # it is archived already
    person.tap(screen.back_to_list_button)
    person.tap(screen.archived_button)
    assert not screen.archived_button.chosen
    assert [row.dish_id for row in screen.rows] == [dal.id]


def test_the_list_is_in_course_order(build: Build, kitchen: FakeKitchen) -> None:
    tea = kitchen.stock("Tea", Course.DRINK)
    crumble = kitchen.stock("Apple crumble", Course.PUDDING)
    porridge = kitchen.stock("Porridge", Course.BREAKFAST)
    bake = kitchen.stock("Bean bake", Course.MAIN)
    beef = kitchen.stock("Beef stew", Course.MAIN)
    screen = build()
    assert [row.dish_id for row in screen.rows] == [
        porridge.id,
        bake.id,
        beef.id,
        crumble.id,
        tea.id,
    ]
    assert [row.detail.text() for row in screen.rows] == [
        "Breakfast",
        "Main course",
        "Main course",
        "Pudding",
        "Drink",
    ]


# -- words -----------------------------------------------------------------------------------


def test_every_word_is_set_again_in_welsh(
    build: Build, person: Person, kitchen: FakeKitchen
) -> None:
    kitchen.stock("Cawl", Course.SOUP)
    screen = build()
    person.tap(screen.add_button)
    english = {id(b): b.accessibleName() for b in screen.findChildren(BigButton)}
    screen.words.switch("cy")
    screen.retranslate()
    welsh = screen.words.gettext
    assert screen.title() == welsh("Dishes") != "Dishes"
    assert screen.course_buttons[Course.MAIN].accessibleName() == welsh("Main course")
    for allergen, words in ALLERGEN_WORDS.items():
        assert screen.allergen_buttons[allergen].accessibleName() == welsh(words)
    assert sum(welsh(words) != words for words in ALLERGEN_WORDS.values()) >= 13  # "Sesame"
    for course, words in COURSE_WORDS.items():
        assert screen.course_buttons[course].accessibleName() == welsh(words)
    changed = [
        b for b in screen.findChildren(BigButton) if b.accessibleName() != english.get(id(b))
    ]
    assert len(changed) > 30
    assert all(b.accessibleName().strip() for b in screen.findChildren(BigButton))
    person.qtbot.wait(50)  # longer words: still no clipped words or crowded buttons
    assert layout_problems(screen.window(), screen.theme.metrics) == []
    save(screen.window(), "dishes-welsh-100")


def test_every_control_has_a_name(build: Build, person: Person, kitchen: FakeKitchen) -> None:
    pie = kitchen.stock("Fish pie")
    screen = build()
    open_dish(person, screen, pie.id)
    unnamed = [
        widget
        for widget in screen.findChildren(QWidget)
        if widget.isVisibleTo(screen)
        and (isinstance(widget, QAbstractButton) or widget.inherits("QLineEdit"))
        and not widget.accessibleName().strip()
    ]
    assert unnamed == []
    assert screen.reading_order()[0] == "Dishes"


# -- how it looks ----------------------------------------------------------------------------


def save(host: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    host.grab().save(str(SCREENSHOTS / f"{name}.png"))


def scroll_to(screen: StaffScreen, widget: QWidget) -> None:
    """Scroll so that ``widget`` is at the top of the view, as a person would."""
    top = widget.mapTo(screen.scroll.widget(), widget.rect().topLeft()).y()
    screen.scroll.verticalScrollBar().setValue(top - 20)


def stock_the_kitchen(kitchen: FakeKitchen) -> dict[str, Dish]:
    kitchen.stock(
        "Porridge with honey",
        Course.BREAKFAST,
        picture="porridge",
        dietary=frozenset({DietaryTag.VEGETARIAN}),
        allergens=frozenset({Allergen.GLUTEN, Allergen.MILK}),
        iddsi_level=4,
    )
    kitchen.stock("Full English breakfast", Course.BREAKFAST, picture="fried-egg")
    kitchen.stock("Cawl (Welsh lamb broth)", Course.SOUP, picture="soup", iddsi_level=3)
    pie = kitchen.stock(
        "Fish pie with a cheesy mash topping",
        picture="pie",
        allergens=frozenset({Allergen.FISH, Allergen.MILK, Allergen.GLUTEN}),
        iddsi_level=6,
    )
    kitchen.stock("Pierogi ruskie", picture="dumpling", dietary=frozenset({DietaryTag.VEGETARIAN}))
    kitchen.stock("ਦਾਲ ਮਖਣੀ", picture="curry", dietary=frozenset({DietaryTag.VEGETARIAN}))
    kitchen.stock("Roast potatoes", Course.SIDE, picture="potato")
    kitchen.stock("Jam sponge and custard", Course.PUDDING, picture="pudding")
    kitchen.stock("Welsh cakes", Course.SNACK, picture="cake")
    kitchen.stock("Tea", Course.DRINK, picture="tea")
    kitchen.photos[pie.id] = png_bytes(QColor(240, 200, 120))
    kitchen.dishes[pie.id] = replace(kitchen.dishes[pie.id], has_photo=True)
    gone = kitchen.stock("Spotted dick", Course.PUDDING, picture="pudding")
    kitchen.dishes[gone.id] = replace(gone, archived=True)
    return {"pie": kitchen.dishes[pie.id], "gone": kitchen.dishes[gone.id]}


@pytest.mark.parametrize("scale", [100, 200])
def test_every_part_fits_and_looks_right(
    build: Build, person: Person, kitchen: FakeKitchen, qtbot: QtBot, scale: int
) -> None:
    dishes = stock_the_kitchen(kitchen)
    screen = build(scale=scale)
    host = screen.window()
    problems: list[str] = []

    def check(name: str) -> None:
        qtbot.wait(50)  # let the layout settle, as it has before a person looks
        assert (host.width(), host.height()) == WINDOW
        problems.extend(f"{name}: {p}" for p in layout_problems(host, screen.theme.metrics))
        save(host, f"dishes-{name}-{scale}")

    check("list")
    person.tap(screen.archived_button)
    check("list-archived")
    open_dish(person, screen, dishes["pie"].id)
    check("editor")
    scroll_to(screen, screen.picture_heading)
    check("editor-pictures")
    scroll_to(screen, screen.allergens_heading)
    check("editor-allergens")
    scroll_to(screen, screen.texture_heading)
    check("editor-texture")
    person.tap(screen.remove_button)
    qtbot.wait(50)
    check("editor-remove")
    person.tap(screen.back_to_list_button)
    person.tap(screen.add_button)
    screen.name_edit.setText(HOSTILE)
    person.tap(screen.course_buttons[Course.SOUP])
    check("add")
    screen.name_edit.setFocus()
    qtbot.waitUntil(screen.keyboard.isVisible)
    assert not screen.save_bar.isVisible()  # Save steps aside for the keys
    check("add-keyboard")
    screen.keyboard.done.emit()
    assert screen.save_bar.isVisible()
    person.tap(screen.save_button)
    check("saved")
    assert problems == [], "\n".join(problems)


def test_the_screen_redraws_for_large_text(
    build: Build, person: Person, kitchen: FakeKitchen, qtbot: QtBot
) -> None:
    """Text made larger while the screen is built (apply_theme), not built large."""
    dishes = stock_the_kitchen(kitchen)
    screen = build(scale=100, host_scale=200)
    screen.apply_theme(theme_at(200))
    host = screen.window()
    qtbot.wait(50)
    problems = [f"list: {p}" for p in layout_problems(host, screen.theme.metrics)]
    open_dish(person, screen, dishes["pie"].id)
    qtbot.wait(50)
    problems += [f"editor: {p}" for p in layout_problems(host, screen.theme.metrics)]
    save(host, "dishes-apply-theme-200")
    assert len(screen.picture_buttons) == 6  # fewer to a page at large text
    assert problems == [], "\n".join(problems)
