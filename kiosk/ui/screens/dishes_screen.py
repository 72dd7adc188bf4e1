"""Dishes (kitchen staff and managers): the kitchen's catalogue, one dish at a time.

The list shows every dish still offered (archived ones on request), each with its
picture, name and course. The editor sets a dish's name, course, picture (one of the food
pictograms, or a real photo from a file), dietary tags, the fourteen allergens UK food law
names, and its IDDSI texture level. Every choice is a big button in words, never a code
or a drop-down list. Nothing is kept until Save (a photo is kept as soon as it is chosen),
and the kitchen service decides what is allowed: this screen shows its answer in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit

from kiosk.domain.access import Actor
from kiosk.domain.enums import Allergen, Course, DietaryTag, IddsiLevel
from kiosk.domain.meals import Dish, DishDetails, RemovedHow
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.list_and_editor_screen import ListAndEditorScreen, ListRow
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.face_tile import photo_avatar

T = TypeVar("T")

# Courses in the order of a day's eating, in words (never the stored codes).
COURSE_WORDS: dict[Course, str] = {
    Course.BREAKFAST: N_("Breakfast"),
    Course.SOUP: N_("Soup"),
    Course.MAIN: N_("Main course"),
    Course.SIDE: N_("Side"),
    Course.PUDDING: N_("Pudding"),
    Course.SNACK: N_("Snack"),
    Course.DRINK: N_("Drink"),
}
COURSE_ORDER = {course: index for index, course in enumerate(COURSE_WORDS)}
DIETARY_WORDS: dict[DietaryTag, str] = {
    DietaryTag.VEGETARIAN: N_("Vegetarian"),
    DietaryTag.VEGAN: N_("Vegan"),
    DietaryTag.HALAL: N_("Halal"),
    DietaryTag.KOSHER: N_("Kosher"),
    DietaryTag.NO_PORK: N_("No pork"),
    DietaryTag.NO_BEEF: N_("No beef"),
    DietaryTag.DIABETIC: N_("Good for diabetes"),
    DietaryTag.LOW_SALT: N_("Low salt"),
    DietaryTag.FORTIFIED: N_("Extra nourishing"),
}
# The fourteen allergens, named in full as UK food law names them.
ALLERGEN_WORDS: dict[Allergen, str] = {
    Allergen.CELERY: N_("Celery"),
    Allergen.GLUTEN: N_("Cereals with gluten"),
    Allergen.CRUSTACEANS: N_("Crustaceans"),
    Allergen.EGGS: N_("Eggs"),
    Allergen.FISH: N_("Fish"),
    Allergen.LUPIN: N_("Lupin"),
    Allergen.MILK: N_("Milk"),
    Allergen.MOLLUSCS: N_("Molluscs"),
    Allergen.MUSTARD: N_("Mustard"),
    Allergen.TREE_NUTS: N_("Tree nuts"),
    Allergen.PEANUTS: N_("Peanuts"),
    Allergen.SESAME: N_("Sesame"),
    Allergen.SOYA: N_("Soya"),
    Allergen.SULPHITES: N_("Sulphites"),
}
# IDDSI food texture levels, the number first (as on the IDDSI chart), then the words.
TEXTURE_WORDS: dict[int, str] = {
    IddsiLevel.REGULAR.value: N_("7 Regular"),
    IddsiLevel.SOFT_AND_BITE_SIZED.value: N_("6 Soft and bite-sized"),
    IddsiLevel.MINCED_AND_MOIST.value: N_("5 Minced and moist"),
    IddsiLevel.PUREED.value: N_("4 Puréed"),
    IddsiLevel.LIQUIDISED.value: N_("3 Liquidised"),
}
# The pictograms in assets/pictures/pictures.json that show food or drink, with words for
# each (every picture has words beside it). None is "no picture": the name is shown instead.
FOOD_PICTURES: tuple[tuple[str | None, str], ...] = (
    (None, N_("No picture")),
    ("lunch", N_("A plate")),
    ("soup", N_("Soup")),
    ("stew", N_("Stew")),
    ("curry", N_("Curry")),
    ("pie", N_("Pie")),
    ("pasta", N_("Pasta")),
    ("rice", N_("Rice")),
    ("dumpling", N_("Dumpling")),
    ("fish", N_("Fish")),
    ("chicken", N_("Chicken")),
    ("sausage", N_("Sausage")),
    ("egg", N_("Egg")),
    ("fried-egg", N_("Fried egg")),
    ("cheese", N_("Cheese")),
    ("sandwich", N_("Sandwich")),
    ("bread", N_("Bread")),
    ("breakfast", N_("Croissant")),
    ("porridge", N_("Porridge")),
    ("potato", N_("Potato")),
    ("cauliflower", N_("Broccoli")),
    ("onion", N_("Onion")),
    ("apple", N_("Apple")),
    ("strawberry", N_("Strawberry")),
    ("fruit", N_("Grapes")),
    ("pudding", N_("Custard")),
    ("cake", N_("Cake")),
    ("chocolate", N_("Chocolate")),
    ("snack", N_("Biscuit")),
    ("tea", N_("Tea")),
    ("coffee", N_("Coffee")),
    ("hot-chocolate", N_("Hot chocolate")),
)
# Fields the service names in its refusals, with the words staff see above each field.
FIELDS = {
    "name": N_("Name"),
    "course": N_("Course"),
    "picture": N_("Picture"),
    "iddsi_level": N_("Texture (IDDSI)"),
    "photo": N_("Photo"),
}


class DishKitchen(Protocol):
    """What this screen needs from the kitchen's dishes service."""

    def catalogue(
        self, course: Course | None = None, *, include_archived: bool = False
    ) -> Sequence[Dish]: ...
    def dish(self, dish_id: int) -> Dish: ...
    def dish_photo(self, dish_id: int) -> bytes | None: ...
    def add_dish(self, actor: Actor, details: DishDetails) -> Dish: ...
    def update_dish(self, actor: Actor, dish_id: int, details: DishDetails) -> Dish: ...
    def set_dish_photo(self, actor: Actor, dish_id: int, data: bytes) -> Dish: ...
    def remove_dish_photo(self, actor: Actor, dish_id: int) -> Dish: ...
    def remove_dish(self, actor: Actor, dish_id: int) -> RemovedHow: ...


@dataclass
class _Draft:
    """The choices on the editor, not yet saved."""

    course: Course | None = None
    picture: str | None = None
    dietary: set[DietaryTag] = field(default_factory=set)
    allergens: set[Allergen] = field(default_factory=set)
    iddsi_level: int = IddsiLevel.REGULAR.value

    @classmethod
    def of(cls, dish: Dish) -> _Draft:
        return cls(
            dish.course, dish.picture, set(dish.dietary), set(dish.allergens), dish.iddsi_level
        )


class DishesScreen(ListAndEditorScreen):
    name = "dishes"
    fields = FIELDS

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        kitchen: DishKitchen,
        choose_photo: Callable[[], bytes | None],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._kitchen = kitchen
        self._choose_photo = choose_photo
        self._dishes: list[Dish] = []
        self._photos: dict[int, bytes | None] = {}  # read once per dish, until it changes
        self.show_archived = False
        self.dish: Dish | None = None  # the one being changed; None while adding
        self._draft = _Draft()
        self._saving = False
        self.picture_page = 0
        self.picture_buttons: dict[str | None, BigButton] = {}
        self._build_pages()
        self._arrange()
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_list_page(self) -> None:
        self.list_notice = form.notice_card(self.theme.metrics.gap_px)
        self.add_button = self._big("menu")
        self.add_button.tapped.connect(self._on_add_button_tapped)
        self.archived_button = self._big()
        self.archived_button.tapped.connect(self._on_archived_button_tapped)
        self.none_label = QLabel()
        self.none_label.setWordWrap(True)
        self._list_top = QGridLayout()
        self._lay_out_list(self._list_top, self.none_label)

    def _build_editor_page(self) -> None:
        gap = self.theme.metrics.gap_px
        # The dish: its picture or photo, its name as a heading, and the photo's buttons
        self.preview = QLabel()
        self.archived_label = QLabel()
        self.archived_label.setWordWrap(True)
        self.archived_label.setProperty("role", "notice")
        layout = self._begin_editor(self.preview, self.archived_label)

        # Name and course
        self.name_label = field_label()
        self.name_edit = QLineEdit()
        self.name_label.setBuddy(self.name_edit)
        self.name_edit.textEdited.connect(self._on_name_edit_text_edited)
        self.course_label = field_label()
        self.course_buttons: dict[Course, BigButton] = {}
        for course in COURSE_WORDS:
            button = self._big()
            button.tapped.connect(lambda course=course: self._on_course_tapped(course))
            self.course_buttons[course] = button
        self._course_grid = QGridLayout()
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.name_label)
        inside.addWidget(self.name_edit)
        inside.addSpacing(gap // 2)
        inside.addWidget(self.course_label)
        inside.addLayout(self._course_grid)
        layout.addWidget(card)

        # The picture: a food pictogram, a few pages of them
        self.picture_heading = form.section_heading()
        self.picture_help = QLabel()
        self.picture_help.setWordWrap(True)
        self._picture_grid = QGridLayout()
        self.previous_pictures_button = self._big()
        self.next_pictures_button = self._big()
        self.previous_pictures_button.tapped.connect(lambda: self._turn_pictures(-1))
        self.next_pictures_button.tapped.connect(lambda: self._turn_pictures(+1))
        self.picture_page_label = form.page_label()
        pager = form.pager(
            self.previous_pictures_button, self.picture_page_label, self.next_pictures_button, gap
        )
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.picture_heading)
        inside.addWidget(self.picture_help)
        inside.addLayout(self._picture_grid)
        inside.addSpacing(gap - gap // 2)  # buttons a full gap apart
        inside.addLayout(pager)
        layout.addWidget(card)

        # Dietary tags, allergens and texture: toggles and choices in words
        self.dietary_heading = form.section_heading()
        self.dietary_buttons: dict[DietaryTag, BigButton] = {}
        for tag in DIETARY_WORDS:
            button = self._big()
            button.tapped.connect(lambda tag=tag: self._on_dietary_tapped(tag))
            self.dietary_buttons[tag] = button
        self._dietary_grid = QGridLayout()
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.dietary_heading)
        inside.addLayout(self._dietary_grid)
        layout.addWidget(card)

        self.allergens_heading = form.section_heading()
        self.allergens_help = QLabel()
        self.allergens_help.setWordWrap(True)
        self.allergen_buttons: dict[Allergen, BigButton] = {}
        for allergen in ALLERGEN_WORDS:
            button = self._big()
            button.tapped.connect(lambda allergen=allergen: self._on_allergen_tapped(allergen))
            self.allergen_buttons[allergen] = button
        self._allergen_grid = QGridLayout()
        self.contains_label = QLabel()
        self.contains_label.setWordWrap(True)
        self.contains_label.setStyleSheet("font-weight: bold;")
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.allergens_heading)
        inside.addWidget(self.allergens_help)
        inside.addLayout(self._allergen_grid)
        inside.addWidget(self.contains_label)
        layout.addWidget(card)

        self.texture_heading = form.section_heading()
        self.texture_buttons: dict[int, BigButton] = {}
        for level in TEXTURE_WORDS:
            button = self._big()
            button.tapped.connect(lambda level=level: self._on_texture_tapped(level))
            self.texture_buttons[level] = button
        self._texture_grid = QGridLayout()
        card = form.card()
        inside = form.inside(card, gap)
        inside.addWidget(self.texture_heading)
        inside.addLayout(self._texture_grid)
        layout.addWidget(card)

        # Remove, asked twice
        self.remove_button = self._big("cross")
        self.remove_button.tapped.connect(self._on_remove_button_tapped)
        self.remove_question = form.plain_label()
        self.remove_question.setProperty("role", "banner")
        self.remove_yes_button = self._big("check")
        self.remove_no_button = self._big("no")
        self.remove_yes_button.tapped.connect(self._on_remove_yes_button_tapped)
        self.remove_no_button.tapped.connect(self._hide_remove_question)
        layout.addSpacing(gap)
        layout.addWidget(self.remove_question)
        layout.addLayout(
            form.row_of([self.remove_button, self.remove_yes_button, self.remove_no_button], gap)
        )
        self._hide_remove_question()

    def _arrange(self) -> None:
        """Choices in rows; fewer to a row when the text is large, so every word fits."""
        large = self.theme.metrics.scale >= 1.5
        gap = self.theme.metrics.gap_px
        form.grid_of(self._list_top, [self.add_button, self.archived_button], 2, gap)
        form.grid_of(self._course_grid, list(self.course_buttons.values()), 2 if large else 4, gap)
        form.grid_of(
            self._dietary_grid, list(self.dietary_buttons.values()), 2 if large else 3, gap
        )
        form.grid_of(
            self._allergen_grid, list(self.allergen_buttons.values()), 2 if large else 4, gap
        )
        form.grid_of(
            self._texture_grid, list(self.texture_buttons.values()), 2 if large else 5, gap
        )
        self._rows.setSpacing(gap)
        self._show_pictures()

    # -- pictures to choose from -------------------------------------------------------------

    @property
    def _pictures_per_page(self) -> int:
        return 6 if self.theme.metrics.scale >= 1.5 else 12

    @property
    def picture_pages(self) -> int:
        return max(1, math.ceil(len(FOOD_PICTURES) / self._pictures_per_page))

    def _show_pictures(self) -> None:
        """This page of pictograms, the chosen one ticked."""
        for button in self.picture_buttons.values():
            self._picture_grid.removeWidget(button)
            discard(button)
        self.picture_buttons = {}
        large = self.theme.metrics.scale >= 1.5
        columns = 2 if large else 4
        per_page = self._pictures_per_page
        self.picture_page = max(0, min(self.picture_page, self.picture_pages - 1))
        start = self.picture_page * per_page
        for index, (key, words) in enumerate(FOOD_PICTURES[start : start + per_page]):
            button = BigButton(
                key,
                self.words.gettext(words),
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
            )
            button.set_chosen(key == self._draft.picture)
            button.tapped.connect(lambda key=key: self._on_picture_tapped(key))
            self.picture_buttons[key] = button
            self._picture_grid.addWidget(button, index // columns, index % columns)
        for column in range(4):
            self._picture_grid.setColumnStretch(column, 1 if column < columns else 0)
        self._picture_grid.setSpacing(self.theme.metrics.gap_px)
        self.previous_pictures_button.setEnabled(self.picture_page > 0)
        self.next_pictures_button.setEnabled(self.picture_page < self.picture_pages - 1)
        self.picture_page_label.setText(
            self.words.gettext("Page {page} of {pages}").format(
                page=self.picture_page + 1, pages=self.picture_pages
            )
        )

    def _turn_pictures(self, step: int) -> None:
        self.picture_page += step
        self._show_pictures()

    def _page_of_picture(self, key: str | None) -> int:
        keys = [each for each, _ in FOOD_PICTURES]
        index = keys.index(key) if key in keys else 0
        return index // self._pictures_per_page

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Dishes")

    def refresh(self) -> None:
        super().refresh()
        self._photos.clear()
        self._show_list()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        gap = theme.metrics.gap_px
        self.content.setSpacing(gap)
        self._arrange()
        self._fill_list()
        self._show_preview()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.add_button.set_words(gettext("Add a dish"))
        self.archived_button.set_words(gettext("Show archived dishes too"))
        self.none_label.setText(gettext("No dishes yet. Add the first one."))
        self.back_to_list_button.set_words(gettext("All dishes"))
        self.later_label.setText(gettext("Save first. Then you can add a photo."))
        self.name_label.setText(gettext("Name"))
        self.name_edit.setAccessibleName(gettext("Name"))
        self.course_label.setText(gettext("Course"))
        for course, button in self.course_buttons.items():
            button.set_words(gettext(COURSE_WORDS[course]))
        self.picture_heading.setText(gettext("Picture"))
        self.picture_help.setText(
            gettext(
                "Choose the picture that looks most like it. A photo, if it has one, "
                "is shown instead."
            )
        )
        self.previous_pictures_button.set_words(gettext("‹ Back a page"))
        self.next_pictures_button.set_words(gettext("More pictures ›"))
        self.dietary_heading.setText(gettext("Suits these diets"))
        for tag, button in self.dietary_buttons.items():
            button.set_words(gettext(DIETARY_WORDS[tag]))
        self.allergens_heading.setText(gettext("Allergens"))
        self.allergens_help.setText(gettext("Touch each allergen this dish contains."))
        for allergen, button in self.allergen_buttons.items():
            button.set_words(gettext(ALLERGEN_WORDS[allergen]))
        self.texture_heading.setText(gettext("Texture (IDDSI)"))
        for level, button in self.texture_buttons.items():
            button.set_words(gettext(TEXTURE_WORDS[level]))
        self.remove_button.set_words(gettext("Remove this dish"))
        self.remove_yes_button.set_words(gettext("Yes, remove it"))
        self.remove_no_button.set_words(gettext("No, keep the dish"))
        self._show_pictures()
        self._fill_list()
        self._show_editor_words()

    # -- the list --------------------------------------------------------------------------

    def _show_list(self, notice: str = "") -> None:
        self.editing = False
        self.dish = None
        self._on_keyboard_done()
        include = self.show_archived
        dishes = self.attempt(lambda: self._kitchen.catalogue(include_archived=include))
        found = list(dishes) if dishes is not None else []
        # Those still offered first, by course and name; then the archived ones.
        found.sort(key=lambda d: (d.archived, COURSE_ORDER.get(d.course, 99), d.name.casefold()))
        self._dishes = found
        self.archived_button.set_chosen(self.show_archived)
        self._show_list_page(notice)

    def _fill_list(self) -> None:
        self._show_rows(
            (dish.id, _DishRow(dish, self._row_picture(dish), words=self.words, theme=self.theme))
            for dish in self._dishes
        )
        self.none_label.setVisible(not self._dishes)

    def _row_picture(self, dish: Dish) -> QPixmap:
        size = max(self.theme.metrics.min_target_px, round(64 * min(self.theme.metrics.scale, 1.5)))
        return self._picture_of(dish.id if dish.has_photo else None, dish.picture, dish.name, size)

    def _picture_of(self, photo_of: int | None, key: str | None, name: str, size: int) -> QPixmap:
        """The dish's photo if it has one that draws; else its pictogram; else its name."""
        if photo_of is not None:
            if photo_of not in self._photos:
                self._photos[photo_of] = self._kitchen.dish_photo(photo_of)
            photo = photo_avatar(self._photos[photo_of], size, self.theme)
            if photo is not None:
                return photo
        return self.pictures.pixmap(key, size, name, self.theme.palette)

    def _on_archived_button_tapped(self) -> None:
        self.show_archived = not self.show_archived
        self.show_problem("")
        self._show_list()

    def _on_add_button_tapped(self) -> None:
        self.show_problem("")
        self.dish = None
        self._draft = _Draft()
        self.name_edit.clear()
        self._show_editor(saved="")

    def _open(self, dish_id: int) -> None:
        self.show_problem("")
        dish = self.attempt(lambda: self._kitchen.dish(dish_id))
        if dish is None:
            return
        self._load(dish)
        self._show_editor(saved="")

    def _load(self, dish: Dish) -> None:
        self.dish = dish
        self._draft = _Draft.of(dish)
        self.name_edit.setText(dish.name)

    # -- the editor ------------------------------------------------------------------------

    def _show_editor(self, *, saved: str) -> None:
        self.editing = True
        self._on_keyboard_done()
        self._hide_remove_question()
        self._show_editor_page(saved)
        self.picture_page = self._page_of_picture(self._draft.picture)
        self._show_choices()
        self._show_pictures()
        if not saved:
            self.scroll.verticalScrollBar().setValue(0)

    def _show_editor_words(self) -> None:
        gettext = self.words.gettext
        dish = self.dish
        adding = dish is None
        self.heading.setText(gettext("A new dish") if dish is None else dish.name)
        archived = dish is not None and dish.archived
        self.archived_label.setText(
            gettext("Archived: it is kept in the records and no longer offered.")
        )
        self.archived_label.setVisible(archived)
        self.later_label.setVisible(adding)
        self.choose_photo_button.setVisible(not adding)
        self.remove_photo_button.setVisible(dish is not None and dish.has_photo)
        self.remove_button.setVisible(
            dish is not None and not archived and not self.remove_question.isVisible()
        )
        if dish is not None:
            self.remove_question.setText(
                gettext(
                    "Are you sure you want to remove {name}? If it is on a menu or in a "
                    "suggestion, it is kept in the records and no longer offered."
                ).format(name=dish.name)
            )
        allergens = [gettext(w) for a, w in ALLERGEN_WORDS.items() if a in self._draft.allergens]
        self.contains_label.setText(
            gettext("Contains: {allergens}.").format(allergens=", ".join(allergens))
            if allergens
            else gettext("No allergens ticked: it contains none of the 14.")
        )
        self._show_preview()

    def _show_choices(self) -> None:
        draft = self._draft
        for course, button in self.course_buttons.items():
            button.set_chosen(course == draft.course)
        for tag, button in self.dietary_buttons.items():
            button.set_chosen(tag in draft.dietary)
        for allergen, button in self.allergen_buttons.items():
            button.set_chosen(allergen in draft.allergens)
        for level, button in self.texture_buttons.items():
            button.set_chosen(level == draft.iddsi_level)
        for key, button in self.picture_buttons.items():
            button.set_chosen(key == draft.picture)
        self._show_editor_words()

    def _changed(self) -> None:
        self.saved_label.setText("")  # something is not saved now
        self._show_choices()

    def _on_name_edit_text_edited(self, _text: str) -> None:
        self.saved_label.setText("")
        self._show_preview()

    def _on_course_tapped(self, course: Course) -> None:
        self._draft.course = course
        self._changed()

    def _on_picture_tapped(self, key: str | None) -> None:
        self._draft.picture = key
        self._changed()

    def _on_dietary_tapped(self, tag: DietaryTag) -> None:
        _toggle(self._draft.dietary, tag)
        self._changed()

    def _on_allergen_tapped(self, allergen: Allergen) -> None:
        _toggle(self._draft.allergens, allergen)
        self._changed()

    def _on_texture_tapped(self, level: int) -> None:
        self._draft.iddsi_level = level
        self._changed()

    def _show_preview(self) -> None:
        if not self.editing:
            return
        size = max(
            self.theme.metrics.min_target_px, round(120 * min(self.theme.metrics.scale, 1.5))
        )
        dish = self.dish
        name = self.name_edit.text().strip() or self.words.gettext("A new dish")
        photo_of = dish.id if dish is not None and dish.has_photo else None
        self.preview.setPixmap(self._picture_of(photo_of, self._draft.picture, name, size))
        self.preview.setFixedSize(size, size)
        self.preview.setAccessibleName(self.words.gettext("Picture"))

    # -- saving ----------------------------------------------------------------------------

    def _on_save_button_tapped(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            saved = self._save()
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        if saved is not None:
            self.dish = saved
            self.name_edit.setText(saved.name)  # as kept: trimmed, spaces folded
            self._photos.pop(saved.id, None)
            self.saved_label.setText(self.words.gettext("Saved."))
            self._show_editor_words()

    def _save(self) -> Dish | None:
        draft, dish = self._draft, self.dish
        if draft.course is None:
            self.saved_label.setText("")
            self.show_problem(self.words.gettext("Please choose the course."))
            self._scroll_to_top_of(self.course_label, self.theme.metrics.gap_px)
            return None
        details = DishDetails(
            name=self.name_edit.text(),
            course=draft.course,
            picture=draft.picture,
            dietary=frozenset(draft.dietary),
            allergens=frozenset(draft.allergens),
            iddsi_level=draft.iddsi_level,
            description=dish.description if dish is not None else None,
        )
        if dish is None:
            return self._attempt_form(lambda: self._kitchen.add_dish(self.actor(), details))
        return self._attempt_form(lambda: self._kitchen.update_dish(self.actor(), dish.id, details))

    def _attempt_form(self, action: Callable[[], T]) -> T | None:
        """As for every form, and a refusal is shown from the top, where its words are."""
        result = super()._attempt_form(action)
        if result is None:
            self.scroll.verticalScrollBar().setValue(0)  # the words are at the top
        return result

    # -- the photo -------------------------------------------------------------------------

    def _on_choose_photo_button_tapped(self) -> None:
        dish = self.dish
        if dish is None:
            return
        data = self._photo_from_file()
        if data is None:
            return  # they changed their mind, or the file could not be read
        updated = self.attempt(lambda: self._kitchen.set_dish_photo(self.actor(), dish.id, data))
        if updated is None:
            return
        self.dish = updated
        self._photos[updated.id] = data
        self.saved_label.setText(self.words.gettext("The photo is saved."))
        self._show_editor_words()

    def _on_remove_photo_button_tapped(self) -> None:
        dish = self.dish
        if dish is None:
            return
        updated = self.attempt(lambda: self._kitchen.remove_dish_photo(self.actor(), dish.id))
        if updated is None:
            return
        self.dish = updated
        self._photos.pop(updated.id, None)
        self.saved_label.setText(self.words.gettext("The photo is removed."))
        self._show_editor_words()

    # -- removing --------------------------------------------------------------------------

    def _on_remove_button_tapped(self) -> None:
        self.show_problem("")
        self.remove_button.hide()
        for widget in (self.remove_question, self.remove_yes_button, self.remove_no_button):
            widget.show()
        self._show_editor_words()
        self._scroll_to_top_of(self.remove_question, self.theme.metrics.gap_px)

    def _hide_remove_question(self) -> None:
        for widget in (self.remove_question, self.remove_yes_button, self.remove_no_button):
            widget.hide()
        dish = self.dish
        self.remove_button.setVisible(dish is not None and not dish.archived)

    def _on_remove_yes_button_tapped(self) -> None:
        dish = self.dish
        if dish is None:
            return
        how = self.attempt(lambda: self._kitchen.remove_dish(self.actor(), dish.id))
        if how is None:
            self._hide_remove_question()
            return
        gettext = self.words.gettext
        if how == RemovedHow.ARCHIVED:
            words = gettext(
                "{name} is on a menu or in a suggestion, so it is kept in the records and "
                "no longer offered."
            )
        else:
            words = gettext("{name} is deleted. It was never on a menu or in a suggestion.")
        self._photos.pop(dish.id, None)
        self._show_list(notice=words.format(name=dish.name))


class _DishRow(ListRow):
    """One dish in the list: its picture (or photo), its name and its course."""

    def __init__(self, dish: Dish, picture: QPixmap, *, words: Words, theme: Theme) -> None:
        super().__init__()
        self.dish_id = dish.id
        gettext = words.gettext
        details = [gettext(COURSE_WORDS.get(dish.course, dish.course))]
        if dish.archived:
            details.append(gettext("Archived"))
        self.setAccessibleName(", ".join([dish.name, *details]))
        avatar = QLabel()
        avatar.setPixmap(picture)
        avatar.setFixedSize(picture.size())
        self.name = form.plain_label(dish.name)
        self.name.setProperty("role", "heading")
        self.detail = form.plain_label(" · ".join(details))
        self._lay_out(avatar, self.name, self.detail)


def _toggle(chosen: set[T], item: T) -> None:
    if item in chosen:
        chosen.discard(item)
    else:
        chosen.add(item)
