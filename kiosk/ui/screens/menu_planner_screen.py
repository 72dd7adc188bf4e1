"""Menu planner (kitchen staff and managers): a week of menus, a day and a meal at a time.

The week shows every day with its four meals and their choices, and warns in words about
a day with no vegetarian choice or nothing soft. Touching a meal opens it: the choices in
the order they are offered (each can move up or down, or come off) and the kitchen's dishes
to add, a page at a time. Nothing is kept until Save. "Copy last week" fills only the meals
that are still empty. Printing is asked for with :attr:`MenuPlannerScreen.print_requested`:
the week's menu, or one day's menu card; the window does the printing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, DietaryTag, Meal
from kiosk.domain.meals import (
    CHOICES_PER_MEAL_MAX,
    Dish,
    MenuWarning,
    MenuWarningKind,
    MenuWeek,
)
from kiosk.domain.text import N_
from kiosk.domain.week import DishOnMenu, days_of_week, monday_of
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screens.dishes_screen import COURSE_ORDER, COURSE_WORDS
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen
from kiosk.ui.theme import Theme
from kiosk.ui.week_pager import date_range
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui.widgets.words_label import WordsLabel

MEAL_WORDS: dict[Meal, str] = {
    Meal.BREAKFAST: N_("Breakfast"),
    Meal.LUNCH: N_("Lunch"),
    Meal.TEA: N_("Tea"),
    Meal.SUPPER: N_("Supper"),
}
# The courses offered first when adding to a meal ("All dishes" shows every course).
SUITS: dict[Meal, frozenset[Course]] = {
    Meal.BREAKFAST: frozenset({Course.BREAKFAST, Course.DRINK}),
    Meal.LUNCH: frozenset({Course.SOUP, Course.MAIN, Course.SIDE, Course.PUDDING}),
    Meal.TEA: frozenset({Course.SOUP, Course.SIDE, Course.SNACK, Course.PUDDING, Course.DRINK}),
    Meal.SUPPER: frozenset({Course.SOUP, Course.MAIN, Course.SIDE, Course.SNACK, Course.DRINK}),
}
WARNING_WORDS: dict[MenuWarningKind, str] = {
    MenuWarningKind.NO_VEGETARIAN: N_("{day}: no vegetarian choice"),
    MenuWarningKind.NO_SOFT: N_("{day}: nothing soft (IDDSI 6 or below)"),
}
WEEK, EDITOR = "week", "editor"


class MenuPlanning(Protocol):
    """What this screen needs from the kitchen's menus service."""

    def catalogue(
        self, course: Course | None = None, *, include_archived: bool = False
    ) -> Sequence[Dish]: ...
    def week(self, monday: date) -> MenuWeek: ...
    def set_choices(
        self, actor: Actor, day: date, meal: Meal, dish_ids: Sequence[int]
    ) -> MenuWeek: ...
    def copy_week(self, actor: Actor, from_monday: date, to_monday: date) -> int: ...


class MenuPlannerScreen(StaffScreen):
    name = "menu-planner"
    print_requested = Signal(object, str)  # (the Monday, "week") or (a day, "card")

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        menus: MenuPlanning,
        today: Callable[[], date],
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._menus = menus
        self._today = today
        self.monday = monday_of(today())
        self.menu_week: MenuWeek | None = None
        self.view = WEEK
        self.cells: dict[tuple[date, Meal], _MealCell] = {}
        self.card_buttons: dict[date, BigButton] = {}
        self.day_cards: dict[date, QFrame] = {}
        # The meal being changed, its choices as they stand (not yet saved), and as saved.
        self.editing: tuple[date, Meal] | None = None
        self.draft: list[DishOnMenu] = []
        self._saved_ids: list[int] = []
        self._catalogue: list[Dish] = []
        self.all_courses = False
        self.dish_page = 0
        self.dish_buttons: dict[int, BigButton] = {}
        self.choice_rows: list[_ChoiceRow] = []
        self._saving = False

        self.week_page = QWidget()
        self.editor_page = QWidget()
        self._build_week_page()
        self._build_editor_page()
        self._stack_pages(self.week_page, self.editor_page)
        self._arrange()
        self._show_view(WEEK)
        self.retranslate()

    # -- building --------------------------------------------------------------------------

    def _build_week_page(self) -> None:
        gap = self.theme.metrics.gap_px
        # Words after a change ("Saved: …") stay in sight above the week, wherever it is
        # scrolled to, so the cook keeps their place in the week.
        self.notice = form.notice_card(gap)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroll), self.notice)
        self.week_label = QLabel()
        self.week_label.setProperty("role", "title")
        self.week_label.setWordWrap(True)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_week_button = self._big()
        self.this_week_button = self._big("today")
        self.next_week_button = self._big()
        self.previous_week_button.tapped.connect(self._on_previous_week_button_tapped)
        self.this_week_button.tapped.connect(self._on_this_week_button_tapped)
        self.next_week_button.tapped.connect(self._on_next_week_button_tapped)
        self._navigation = QGridLayout()
        self.warnings_label = WordsLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setProperty("role", "banner")
        self.empty_week_label = QLabel()
        self.empty_week_label.setWordWrap(True)
        self.copy_button = self._big("calendar")
        self.copy_button.tapped.connect(self._on_copy_button_tapped)
        self.print_button = self._big("newspaper")
        self.print_button.tapped.connect(self._on_print_button_tapped)
        self._actions = QGridLayout()
        self._days_host = QWidget()
        self._days = QVBoxLayout(self._days_host)
        self._days.setContentsMargins(0, 0, 0, 0)
        layout = form.column(self.week_page, gap)
        layout.addWidget(self.week_label)
        layout.addLayout(self._navigation)
        layout.addWidget(self.warnings_label)
        layout.addLayout(self._actions)
        layout.addWidget(self.empty_week_label)
        layout.addWidget(self._days_host)

    def _build_editor_page(self) -> None:
        gap = self.theme.metrics.gap_px
        self.editor_heading = QLabel()
        self.editor_heading.setProperty("role", "title")
        self.editor_heading.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.count_label.setStyleSheet("font-weight: bold;")
        self.nothing_label = QLabel()
        self.nothing_label.setWordWrap(True)
        self._choices_host = QWidget()
        self._choices = QVBoxLayout(self._choices_host)
        self._choices.setContentsMargins(0, 0, 0, 0)
        chosen = form.card()
        inside = form.inside(chosen, gap)
        inside.addWidget(self.count_label)
        inside.addWidget(self.nothing_label)
        inside.addWidget(self._choices_host)

        self.add_heading = QLabel()
        self.add_heading.setProperty("role", "heading")
        self.add_heading.setWordWrap(True)
        self.suits_button = self._big()
        self.all_button = self._big()
        self.suits_button.tapped.connect(lambda: self._on_filter_tapped(all_courses=False))
        self.all_button.tapped.connect(lambda: self._on_filter_tapped(all_courses=True))
        self._filters = QGridLayout()
        self.no_dishes_label = QLabel()
        self.no_dishes_label.setWordWrap(True)
        self._dish_grid = QGridLayout()
        self.previous_dishes_button = self._big()
        self.next_dishes_button = self._big()
        self.previous_dishes_button.tapped.connect(lambda: self._turn_dishes(-1))
        self.next_dishes_button.tapped.connect(lambda: self._turn_dishes(+1))
        self.dish_page_label = form.page_label()
        pager = form.pager(
            self.previous_dishes_button, self.dish_page_label, self.next_dishes_button, gap
        )
        adding = form.card()
        inside = form.inside(adding, gap)
        inside.setSpacing(gap)  # rows of buttons a full gap apart
        inside.addWidget(self.add_heading)
        inside.addLayout(self._filters)
        inside.addWidget(self.no_dishes_label)
        inside.addLayout(self._dish_grid)
        inside.addLayout(pager)

        layout = form.column(self.editor_page, gap)
        layout.addWidget(self.editor_heading)
        layout.addWidget(chosen)
        layout.addWidget(adding)

        # Save and Cancel: always in sight under the editor
        self.save_button = BigButton(
            "check", "", pictures=self.pictures, theme=self.theme, horizontal=True
        )
        self.cancel_button = BigButton(
            "cross", "", pictures=self.pictures, theme=self.theme, horizontal=True
        )
        self.save_button.tapped.connect(self._on_save_button_tapped)
        self.cancel_button.tapped.connect(self._on_cancel_button_tapped)
        self.unsaved_label = QLabel()
        self.unsaved_label.setWordWrap(True)
        self.unsaved_label.setStyleSheet("font-weight: bold;")
        self.save_bar = QWidget()
        row = QHBoxLayout(self.save_bar)
        row.setContentsMargins(0, gap // 2, 0, 0)
        row.setSpacing(gap)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.unsaved_label, 1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroll) + 1, self.save_bar)

    def _arrange(self) -> None:
        """Rows of buttons; fewer to a row when the text is large, so every word fits."""
        gap = self.theme.metrics.gap_px
        self.content.setSpacing(gap)
        for layout in (self.week_page.layout(), self.editor_page.layout(), self._days):
            layout.setSpacing(gap)
        self._choices.setSpacing(gap)
        form.grid_of(
            self._navigation,
            [self.previous_week_button, self.this_week_button, self.next_week_button],
            3,
            gap,
        )
        form.grid_of(self._actions, [self.copy_button, self.print_button], 2, gap)
        form.grid_of(self._filters, [self.suits_button, self.all_button], 2, gap)

    @property
    def _large(self) -> bool:
        return self.theme.metrics.scale >= 1.5

    # -- what the window uses ----------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Menu planner")

    def refresh(self) -> None:
        """Shown again: this week, fresh from the kitchen's records."""
        super().refresh()
        self._say("")
        self.monday = monday_of(self._today())
        self._show_view(WEEK)
        self._load_week()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.previous_week_button.set_words(gettext("‹ Week before"))
        self.this_week_button.set_words(gettext("This week"))
        self.next_week_button.set_words(gettext("Week after ›"))
        self.copy_button.set_words(gettext("Copy last week"))
        self.print_button.set_words(gettext("Print the week…"))
        self.empty_week_label.setText(
            gettext(
                "Nothing is planned for this week yet. Touch a meal to choose its dishes, "
                "or copy last week."
            )
        )
        self.nothing_label.setText(gettext("Nothing chosen yet. Add dishes from the list below."))
        self.add_heading.setText(gettext("Add a dish"))
        self.suits_button.set_words(gettext("Dishes for this meal"))
        self.all_button.set_words(gettext("All dishes"))
        self.no_dishes_label.setText(
            gettext("There are no dishes here yet. Add them on the Dishes screen.")
        )
        self.previous_dishes_button.set_words(gettext("‹ Back a page"))
        self.next_dishes_button.set_words(gettext("More dishes ›"))
        self.save_button.set_words(gettext("Save"))
        self.cancel_button.set_words(gettext("Cancel"))
        self._show_week()
        self._show_editor()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._arrange()
        self._show_week()
        self._show_editor()

    # -- the week --------------------------------------------------------------------------

    def _load_week(self) -> None:
        monday = self.monday
        self.menu_week = self.attempt(lambda: self._menus.week(monday))
        self._show_week()

    def _show_week(self) -> None:
        gettext = self.words.gettext
        self.week_label.setText(self.week_words(self.monday))
        self.this_week_button.setEnabled(self.monday != monday_of(self._today()))
        week = self.menu_week
        warnings = [self.warning_words(w) for w in (week.warnings if week else ())]
        self.warnings_label.setText("\n".join([gettext("Please check:"), *warnings]))
        self.warnings_label.setVisible(bool(warnings))
        self.empty_week_label.setVisible(week is not None and not self._planned_meals())
        self._fill_days()

    def week_words(self, monday: date) -> str:
        """ "23 – 29 November 2026", in the language being spoken."""
        return date_range(monday, monday + timedelta(days=6), self.words.language)

    def warning_words(self, warning: MenuWarning) -> str:
        """ "Tuesday: no vegetarian choice", "Friday: nothing soft (IDDSI 6 or below)"."""
        gettext = self.words.gettext
        day = self.words.day_name(warning.day)
        if warning.meal is not None:
            day = gettext("{day}, {meal}").format(day=day, meal=gettext(MEAL_WORDS[warning.meal]))
        return gettext(WARNING_WORDS[warning.kind]).format(day=day)

    def _planned_meals(self) -> int:
        week = self.menu_week
        if week is None:
            return 0
        return sum(
            1 for day in days_of_week(self.monday) for meal in Meal if week.choices(day, meal)
        )

    def _fill_days(self) -> None:
        for card in self.day_cards.values():
            self._days.removeWidget(card)
            discard(card)
            card.setParent(None)
        self.day_cards = {}
        self.cells = {}
        self.card_buttons = {}
        if self.menu_week is None:
            return
        gettext = self.words.gettext
        gap = self.theme.metrics.gap_px
        today = self._today()
        columns = 2 if self._large else 4
        for day in days_of_week(self.monday):
            card = form.card()
            card.setProperty("today", "true" if day == today else "false")
            inside = form.inside(card, gap)
            inside.setSpacing(gap)
            day_words = self.words.day_and_date(day)
            if day == today:
                day_words = gettext("Today, {day}").format(day=day_words)
            day_label = QLabel(day_words)
            day_label.setProperty("role", "heading")
            day_label.setWordWrap(True)
            print_card = self._big("newspaper")
            print_card.set_words(gettext("Print menu card"))
            print_card.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
            print_card.tapped.connect(lambda day=day: self._on_card_button_tapped(day))
            self.card_buttons[day] = print_card
            top = QHBoxLayout()
            top.setSpacing(gap)
            top.addWidget(day_label, 1)
            top.addWidget(print_card)
            inside.addLayout(top)
            grid = QGridLayout()
            grid.setSpacing(gap)
            for index, meal in enumerate(Meal):
                choices = self.menu_week.choices(day, meal)
                cell = _MealCell(
                    gettext(MEAL_WORDS[meal]),
                    [dish.name for dish in choices],
                    nothing=gettext("Nothing chosen yet"),
                )
                cell.tapped.connect(lambda day=day, meal=meal: self._open(day, meal))
                self.cells[(day, meal)] = cell
                grid.addWidget(cell, index // columns, index % columns)
            for column in range(columns):
                grid.setColumnStretch(column, 1)
            inside.addLayout(grid)
            self._days.addWidget(card)
            self.day_cards[day] = card

    def _go_to_week(self, monday: date) -> None:
        self._say("")
        self.show_problem("")
        self.monday = monday
        self._load_week()
        self.scroll.verticalScrollBar().setValue(0)

    def _on_previous_week_button_tapped(self) -> None:
        self._go_to_week(self.monday - timedelta(days=7))

    def _on_next_week_button_tapped(self) -> None:
        self._go_to_week(self.monday + timedelta(days=7))

    def _on_this_week_button_tapped(self) -> None:
        self._go_to_week(monday_of(self._today()))

    def _on_copy_button_tapped(self) -> None:
        self._say("")
        gettext = self.words.gettext
        monday = self.monday
        empty_before = 7 * len(Meal) - self._planned_meals()
        copied = self.attempt(
            lambda: self._menus.copy_week(self.actor(), monday - timedelta(days=7), monday)
        )
        if copied is None:
            return
        self._load_week()
        if copied:
            words = self.words.ngettext(
                "{count} choice copied from last week into the empty meals. Meals "
                "already planned were left as they were.",
                "{count} choices copied from last week into the empty meals. Meals "
                "already planned were left as they were.",
                copied,
            ).format(count=copied)
        elif empty_before == 0:
            words = gettext("Nothing was copied: every meal this week already has its choices.")
        else:
            words = gettext(
                "Nothing was copied: last week has no choices for the meals that are empty here."
            )
        self._say(words)

    def _on_print_button_tapped(self) -> None:
        self.print_requested.emit(self.monday, "week")

    def _on_card_button_tapped(self, day: date) -> None:
        self.print_requested.emit(day, "card")

    def _say(self, text: str) -> None:
        """Plain words after a change ("Saved: …"); "" hides them."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- one meal --------------------------------------------------------------------------

    def _open(self, day: date, meal: Meal) -> None:
        self._say("")
        self.show_problem("")
        dishes = self.attempt(lambda: self._menus.catalogue())
        if dishes is None or self.menu_week is None:
            return
        self._catalogue = sorted(
            (dish for dish in dishes if not dish.archived),
            key=lambda d: (COURSE_ORDER.get(d.course, 99), d.name.casefold()),
        )
        self.editing = (day, meal)
        self.draft = list(self.menu_week.choices(day, meal))
        self._saved_ids = [dish.dish_id for dish in self.draft]
        self.all_courses = not self._suitable()  # nothing suits: show every dish
        self.dish_page = 0
        self._show_view(EDITOR)
        self._show_editor()
        self.scroll.verticalScrollBar().setValue(0)

    def _suitable(self) -> list[Dish]:
        if self.editing is None:
            return []
        suits = SUITS[self.editing[1]]
        return [dish for dish in self._catalogue if dish.course in suits]

    def _offered(self) -> list[Dish]:
        return list(self._catalogue) if self.all_courses else self._suitable()

    def _show_editor(self) -> None:
        if self.editing is None:
            return
        gettext = self.words.gettext
        day, meal = self.editing
        self.editor_heading.setText(
            gettext("{meal} on {day}").format(
                meal=gettext(MEAL_WORDS[meal]), day=self.words.day_and_date(day)
            )
        )
        self.count_label.setText(
            gettext("Choices, in the order they are offered: {count} of {limit}").format(
                count=len(self.draft), limit=CHOICES_PER_MEAL_MAX
            )
        )
        self.nothing_label.setVisible(not self.draft)
        changed = [dish.dish_id for dish in self.draft] != self._saved_ids
        chosen = gettext("{count} of {limit} chosen.").format(
            count=len(self.draft), limit=CHOICES_PER_MEAL_MAX
        )
        not_saved = gettext("Not saved yet.")
        self.unsaved_label.setText(f"{chosen} {not_saved}" if changed else chosen)
        self.suits_button.set_chosen(not self.all_courses)
        self.all_button.set_chosen(self.all_courses)
        self._fill_choices()
        self._fill_dishes()

    def _fill_choices(self) -> None:
        for row in self.choice_rows:
            self._choices.removeWidget(row)
            discard(row)
            row.setParent(None)
        self.choice_rows = []
        last = len(self.draft) - 1
        for index, dish in enumerate(self.draft):
            row = _ChoiceRow(
                index, dish, words=self.words, pictures=self.pictures, theme=self.theme
            )
            row.up_button.setEnabled(index > 0)
            row.down_button.setEnabled(index < last)
            row.up_button.tapped.connect(lambda index=index: self._move(index, -1))
            row.down_button.tapped.connect(lambda index=index: self._move(index, +1))
            row.remove_button.tapped.connect(lambda index=index: self._take_off(index))
            self._choices.addWidget(row)
            self.choice_rows.append(row)
        self._choices_host.setVisible(bool(self.draft))

    @property
    def _dishes_per_page(self) -> int:
        return 6 if self._large else 8

    @property
    def dish_pages(self) -> int:
        return max(1, math.ceil(len(self._offered()) / self._dishes_per_page))

    def _fill_dishes(self) -> None:
        for button in self.dish_buttons.values():
            self._dish_grid.removeWidget(button)
            discard(button)
        self.dish_buttons = {}
        offered = self._offered()
        per_page = self._dishes_per_page
        self.dish_page = max(0, min(self.dish_page, self.dish_pages - 1))
        columns = 2 if self._large else 4
        chosen = {dish.dish_id for dish in self.draft}
        gettext = self.words.gettext
        start = self.dish_page * per_page
        for index, dish in enumerate(offered[start : start + per_page]):
            course = gettext(COURSE_WORDS.get(dish.course, dish.course))
            button = BigButton(
                dish.picture,
                f"{dish.name}\n{course}",
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.set_chosen(dish.id in chosen)
            button.tapped.connect(lambda dish=dish: self._on_dish_tapped(dish))
            self.dish_buttons[dish.id] = button
            self._dish_grid.addWidget(button, index // columns, index % columns)
        for column in range(4):
            self._dish_grid.setColumnStretch(column, 1 if column < columns else 0)
        self._dish_grid.setSpacing(self.theme.metrics.gap_px)
        self.no_dishes_label.setVisible(not offered)
        many = self.dish_pages > 1
        for widget in (self.previous_dishes_button, self.next_dishes_button, self.dish_page_label):
            widget.setVisible(many)
        self.previous_dishes_button.setEnabled(self.dish_page > 0)
        self.next_dishes_button.setEnabled(self.dish_page < self.dish_pages - 1)
        self.dish_page_label.setText(
            gettext("Page {page} of {pages}").format(page=self.dish_page + 1, pages=self.dish_pages)
        )

    def _turn_dishes(self, step: int) -> None:
        self.dish_page += step
        self._fill_dishes()

    def _on_filter_tapped(self, *, all_courses: bool) -> None:
        self.all_courses = all_courses
        self.dish_page = 0
        self._show_editor()

    def _on_dish_tapped(self, dish: Dish) -> None:
        gettext = self.words.gettext
        if any(each.dish_id == dish.id for each in self.draft):
            self.show_problem(
                gettext("{dish} is already a choice for this meal.").format(dish=dish.name)
            )
            return
        if len(self.draft) >= CHOICES_PER_MEAL_MAX:
            self.show_problem(
                gettext("A meal can have up to {limit} choices. Please take one off first.").format(
                    limit=CHOICES_PER_MEAL_MAX
                )
            )
            return
        self.show_problem("")
        self.draft.append(dish.on_menu())
        self._show_editor()

    def _move(self, index: int, step: int) -> None:
        other = index + step
        if 0 <= index < len(self.draft) and 0 <= other < len(self.draft):
            self.draft[index], self.draft[other] = self.draft[other], self.draft[index]
            self.show_problem("")
            self._show_editor()

    def _take_off(self, index: int) -> None:
        if 0 <= index < len(self.draft):
            del self.draft[index]
            self.show_problem("")
            self._show_editor()

    def _on_save_button_tapped(self) -> None:
        if self._saving or self.editing is None:
            return
        day, meal = self.editing
        dish_ids = [dish.dish_id for dish in self.draft]
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            week = self.attempt(lambda: self._menus.set_choices(self.actor(), day, meal, dish_ids))
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        if week is None:
            self.scroll.verticalScrollBar().setValue(0)  # the words are at the top
            return  # the choices stay as they are, to put right and save again
        self.menu_week = week
        self._back_to_week()
        gettext = self.words.gettext
        self._say(
            gettext("Saved: {meal} on {day}.").format(
                meal=gettext(MEAL_WORDS[meal]), day=self.words.day_and_date(day)
            )
        )
        self._scroll_to_day(day)

    def _on_cancel_button_tapped(self) -> None:
        editing = self.editing
        self.show_problem("")
        self._back_to_week()
        if editing is not None:
            self._scroll_to_day(editing[0])

    def _back_to_week(self) -> None:
        self.editing = None
        self.draft = []
        self._show_view(WEEK)
        self._show_week()

    # -- views -----------------------------------------------------------------------------

    def _show_view(self, view: str) -> None:
        self.view = view
        self._on_keyboard_done()
        self.week_page.setVisible(view == WEEK)
        self.editor_page.setVisible(view == EDITOR)
        self.save_bar.setVisible(view == EDITOR)

    def _scroll_to_day(self, day: date) -> None:
        """Back on the week: show the day just changed at the top, where the cook left off."""

        def scroll() -> None:
            card = self.day_cards.get(day)
            inner = self.scroll.widget()
            if card is None or not card.isVisible() or not inner.isAncestorOf(card):
                return
            inner.layout().activate()  # the week was just rebuilt: place it first
            top = card.mapTo(inner, QPoint(0, 0)).y()
            self.scroll.verticalScrollBar().setValue(top - self.theme.metrics.gap_px // 2)

        QTimer.singleShot(0, self, scroll)


class _MealCell(TouchButton):
    """One meal on one day in the week: its name and its choices. Touch it to change them."""

    MARGIN = 10

    def __init__(self, meal: str, names: list[str], *, nothing: str) -> None:
        super().__init__("")
        self.setProperty("role", "quiet")
        self.meal_label = QLabel(meal)
        self.meal_label.setProperty("role", "heading")
        self.meal_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(self.MARGIN, self.MARGIN, self.MARGIN, self.MARGIN)
        layout.setSpacing(4)
        layout.addWidget(self.meal_label)
        # One line per choice, with a bullet: a long name that wraps is still one dish.
        self.name_labels: list[QLabel] = []
        for name in names:
            bullet = QLabel("•")
            label = form.plain_label(name)
            label.setStyleSheet("font-weight: normal;")
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            layout.addLayout(row)
            self.name_labels.append(label)
        self.nothing_label = QLabel(nothing)
        self.nothing_label.setWordWrap(True)
        self.nothing_label.setStyleSheet("font-weight: normal;")
        self.nothing_label.setVisible(not names)
        layout.addWidget(self.nothing_label)
        layout.addStretch(1)
        self.setAccessibleName(f"{meal}: {', '.join(names) if names else nothing}")
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.refresh_words_tone()

    @property
    def names(self) -> str:
        """The choices as shown, one to a line ("" when there are none)."""
        return "\n".join(label.text() for label in self.name_labels)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.layout().minimumSize()


class _ChoiceRow(QWidget):
    """One choice in the meal being changed: its place and name, Up, Down and Remove."""

    def __init__(
        self,
        index: int,
        dish: DishOnMenu,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
    ) -> None:
        super().__init__()
        gettext = words.gettext
        gap = theme.metrics.gap_px
        self.dish_id = dish.dish_id
        size = theme.metrics.small_picture_px
        picture = QLabel()
        picture.setPixmap(pictures.pixmap(dish.picture, size, dish.name, theme.palette))
        picture.setFixedSize(size, size)
        self.name_label = form.plain_label(f"{index + 1}. {dish.name}")
        marks = []
        if DietaryTag.VEGAN in dish.dietary:
            marks.append(gettext("Vegan"))
        elif DietaryTag.VEGETARIAN in dish.dietary:
            marks.append(gettext("Vegetarian"))
        if dish.soft:
            marks.append(gettext("Soft"))
        self.marks_label = form.plain_label(" · ".join(marks))
        self.marks_label.setProperty("role", "quiet")
        self.marks_label.setVisible(bool(marks))
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.name_label)
        text.addWidget(self.marks_label)
        self.up_button = self._button(gettext("Up"), pictures, theme)
        self.down_button = self._button(gettext("Down"), pictures, theme)
        self.remove_button = self._button(gettext("Remove"), pictures, theme)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(gap)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(text, 1)
        for button in (self.up_button, self.down_button, self.remove_button):
            layout.addWidget(button)

    @staticmethod
    def _button(words: str, pictures: PictureLibrary, theme: Theme) -> BigButton:
        button = BigButton(None, words, pictures=pictures, theme=theme)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        return button
