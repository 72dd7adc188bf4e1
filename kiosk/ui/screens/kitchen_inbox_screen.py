"""The kitchen's inbox: every meal idea residents sent, with how many back it; answer each.

Unanswered ideas come first, oldest first, and those waiting more than 14 days are
flagged. An answer is "Yes, on the menu" (choose the day, the meal and the dish: the menu
entry is made), "Not now" or "No" (with a reason in plain words). The resident hears it
the next time they sign in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, Meal, MealSlot, ProposalStatus
from kiosk.domain.meals import (
    ANSWER_MAX,
    SERVED_AT,
    Answer,
    AnswerKind,
    Dish,
    DishDetails,
    MealSuggestion,
    match_key,
    similarity,
)
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui import form_parts as form
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, StaffScreen, field_label
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton

SLOT_WORDS = {
    MealSlot.BREAKFAST: N_("Breakfast"),
    MealSlot.LUNCH: N_("Lunch"),
    MealSlot.TEA: N_("Tea"),
    MealSlot.SUPPER: N_("Supper"),
    MealSlot.PUDDING: N_("Pudding"),
    MealSlot.SNACK: N_("Snack"),
}
MEAL_WORDS = {
    Meal.BREAKFAST: N_("Breakfast"),
    Meal.LUNCH: N_("Lunch"),
    Meal.TEA: N_("Tea"),
    Meal.SUPPER: N_("Supper"),
}
ANSWER_WORDS = {
    AnswerKind.ON_MENU: N_("Yes, on the menu"),
    AnswerKind.NOT_NOW: N_("Not now"),
    AnswerKind.NO: N_("No"),
}
STATUS_WORDS = {
    ProposalStatus.AGREED: N_("Yes"),
    ProposalStatus.DONE: N_("Yes"),
    ProposalStatus.NOT_NOW: N_("Not now"),
    ProposalStatus.DECLINED: N_("No"),
}
# The course a new dish gets when the kitchen adds a resident's typed idea to the catalogue.
NEW_DISH_COURSE = {
    MealSlot.BREAKFAST: Course.BREAKFAST,
    MealSlot.LUNCH: Course.MAIN,
    MealSlot.TEA: Course.SNACK,
    MealSlot.SUPPER: Course.MAIN,
    MealSlot.PUDDING: Course.PUDDING,
    MealSlot.SNACK: Course.SNACK,
}
DAYS_AHEAD = 14
DISHES_OFFERED = 4
NEW_DISH = -1  # the "add it as a new dish" choice


class SuggestionInbox(Protocol):
    def inbox(self, actor: Actor) -> Sequence[MealSuggestion]: ...
    def answer(self, actor: Actor, proposal_id: int, answer: Answer) -> MealSuggestion: ...


class DishCatalogue(Protocol):
    def catalogue(
        self, course: Course | None = None, *, include_archived: bool = False
    ) -> Sequence[Dish]: ...
    def add_dish(self, actor: Actor, details: DishDetails) -> Dish: ...


class KitchenInboxScreen(StaffScreen):
    name = "kitchen-inbox"

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        signed_in: SignedInStaff,
        suggestions: SuggestionInbox,
        dishes: DishCatalogue,
        today: Callable[[], date],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(words=words, pictures=pictures, theme=theme, signed_in=signed_in)
        self._suggestions = suggestions
        self._dishes = dishes
        self._today = today
        self._now = now
        self.ideas: list[MealSuggestion] = []
        self.chosen: MealSuggestion | None = None
        self.kind: AnswerKind | None = None
        self.day: date | None = None
        self.meal: Meal | None = None
        self.dish_id: int | None = None
        self._sending = False
        kit = {"pictures": pictures, "theme": theme}

        # The list
        self.list_panel = QWidget()
        self.summary = form.plain_label()
        self.idea_buttons: dict[int, BigButton] = {}
        self._ideas_column = QVBoxLayout()
        self._ideas_column.setSpacing(theme.metrics.gap_px)
        column = QVBoxLayout(self.list_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addLayout(self._ideas_column)

        # One idea, and the answer
        self.answer_panel = QWidget()
        self.back_button = BigButton("back", "", horizontal=True, small=True, **kit)
        self.back_button.tapped.connect(self._show_list)
        self.idea_title = form.plain_label()
        self.idea_title.setProperty("role", "heading")
        self.idea_details = form.plain_label()
        self.kind_label = field_label()
        self.kind_buttons = {kind: BigButton(None, "", small=True, **kit) for kind in AnswerKind}
        kinds = QGridLayout()
        kinds.setSpacing(theme.metrics.gap_px)
        for index, (kind, button) in enumerate(self.kind_buttons.items()):
            button.tapped.connect(lambda kind=kind: self._choose_kind(kind))
            kinds.addWidget(button, 0, index)
        self.day_label = field_label()
        self.day_buttons: dict[date, BigButton] = {}
        self._days_grid = QGridLayout()
        self._days_grid.setSpacing(theme.metrics.gap_px)
        self.meal_label = field_label()
        self.meal_buttons = {meal: BigButton(None, "", small=True, **kit) for meal in Meal}
        meals = QGridLayout()
        meals.setSpacing(theme.metrics.gap_px)
        for index, (meal, button) in enumerate(self.meal_buttons.items()):
            button.tapped.connect(lambda meal=meal: self._choose_meal(meal))
            meals.addWidget(button, 0, index)
        self.dish_label = field_label()
        self.dish_buttons: dict[int, BigButton] = {}
        self._dishes_column = QVBoxLayout()
        self._dishes_column.setSpacing(theme.metrics.gap_px)
        self.reason_label = field_label()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(ANSWER_MAX + 1)
        self.send_button = BigButton("yes", "", horizontal=True, **kit)
        self.send_button.tapped.connect(self._on_send_button_tapped)
        self._on_menu_parts: list[QWidget] = [self.day_label, self.meal_label, self.dish_label]
        column = QVBoxLayout(self.answer_panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px // 2)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.idea_title)
        column.addWidget(self.idea_details)
        column.addWidget(self.kind_label)
        column.addLayout(kinds)
        column.addWidget(self.day_label)
        column.addLayout(self._days_grid)
        column.addWidget(self.meal_label)
        column.addLayout(meals)
        column.addWidget(self.dish_label)
        column.addLayout(self._dishes_column)
        column.addWidget(self.reason_label)
        column.addWidget(self.reason_edit)
        column.addWidget(self.send_button)

        self.content.addWidget(self.list_panel)
        self.content.addWidget(self.answer_panel)
        self.content.addStretch(1)
        self.answer_panel.hide()
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Meal ideas from residents")

    def refresh(self) -> None:
        super().refresh()
        self._show_list()

    def retranslate(self) -> None:
        super().retranslate()
        gettext = self.words.gettext
        self.back_button.set_words(gettext("Back to the list"))
        self.kind_label.setText(gettext("Your answer"))
        for kind, button in self.kind_buttons.items():
            button.set_words(gettext(ANSWER_WORDS[kind]))
        self.day_label.setText(gettext("Which day?"))
        self.meal_label.setText(gettext("Which meal?"))
        for meal, button in self.meal_buttons.items():
            button.set_words(gettext(MEAL_WORDS[meal]))
        self.dish_label.setText(gettext("Which dish?"))
        self.send_button.set_words(gettext("Send the answer"))
        self._show_reason_words()
        if self.list_panel.isVisibleTo(self):
            self._fill_list()
        elif self.chosen is not None:
            self._fill_answer()

    # -- the list ----------------------------------------------------------------------------

    def _show_list(self) -> None:
        self.chosen = None
        self.answer_panel.hide()
        self.list_panel.show()
        result = self.attempt(lambda: list(self._suggestions.inbox(self.actor())))
        self.ideas = result if result is not None else []
        self._fill_list()

    def _fill_list(self) -> None:
        for button in self.idea_buttons.values():
            discard(button)
        self.idea_buttons = {}
        gettext = self.words.gettext
        now = self._now()
        waiting = [idea for idea in self.ideas if not idea.answered]
        overdue = [idea for idea in waiting if idea.overdue(now)]
        self.summary.setText(
            gettext("{waiting} waiting for an answer ({overdue} for more than 14 days).").format(
                waiting=len(waiting), overdue=len(overdue)
            )
            if self.ideas
            else gettext("No meal ideas yet.")
        )
        for idea in self.ideas:
            button = BigButton(
                idea.picture or "idea",
                self._idea_words(idea, now),
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.tapped.connect(lambda idea=idea: self._open(idea))
            self.idea_buttons[idea.id] = button
            self._ideas_column.addWidget(button)

    def _idea_words(self, idea: MealSuggestion, now: datetime) -> str:
        gettext = self.words.gettext
        who = idea.resident_name or gettext("a resident")
        first = gettext("{dish} for {meal}, from {name}").format(
            dish=idea.title, meal=gettext(SLOT_WORDS[idea.meal_slot]).lower(), name=who
        )
        backers = self.words.ngettext(
            "{count} more resident wants it", "{count} more residents want it", idea.supporters
        ).format(count=idea.supporters)
        if idea.answered:
            status = gettext("Answered: {answer}").format(answer=self._answer_words(idea))
        else:
            days = (now - idea.submitted_at).days if idea.submitted_at else 0
            status = self.words.ngettext(
                "Waiting {count} day", "Waiting {count} days", days
            ).format(count=days)
            if idea.overdue(now):
                first = gettext("⚑ Over 14 days: please answer. {idea}").format(idea=first)
        return "\n".join([first, backers, status])

    def _answer_words(self, idea: MealSuggestion) -> str:
        gettext = self.words.gettext
        if idea.menu_date is not None and idea.menu_meal is not None:
            return gettext("on the menu, {meal} on {day}").format(
                meal=gettext(MEAL_WORDS[idea.menu_meal]).lower(),
                day=self.words.day_and_date(idea.menu_date),
            )
        words = gettext(STATUS_WORDS.get(idea.status, ANSWER_WORDS[AnswerKind.NO]))
        return f"{words}: {idea.response}" if idea.response else words

    # -- answering -----------------------------------------------------------------------------

    def _open(self, idea: MealSuggestion) -> None:
        self.chosen = idea
        self.kind = None
        self.day = None
        self.meal = SERVED_AT[idea.meal_slot]
        self.dish_id = idea.dish_id
        self.reason_edit.clear()
        self.list_panel.hide()
        self.answer_panel.show()
        self._fill_answer()
        self.scroll.verticalScrollBar().setValue(0)

    def _fill_answer(self) -> None:
        idea = self.chosen
        if idea is None:
            return
        gettext = self.words.gettext
        self.idea_title.setText(
            gettext("{dish} for {meal}").format(
                dish=idea.title, meal=gettext(SLOT_WORDS[idea.meal_slot]).lower()
            )
        )
        lines = [self._idea_words(idea, self._now())]
        if idea.reason:
            lines.append(gettext("Why: {reason}").format(reason=idea.reason))
        self.idea_details.setText("\n".join(lines))
        for kind, button in self.kind_buttons.items():
            button.set_chosen(kind is self.kind)
        on_menu = self.kind is AnswerKind.ON_MENU
        for part in self._on_menu_parts:
            part.setVisible(on_menu)
        self._fill_days(on_menu)
        for meal, button in self.meal_buttons.items():
            button.setVisible(on_menu)
            button.set_chosen(meal is self.meal)
        self._fill_dishes(on_menu)
        self._show_reason_words()
        self.reason_label.setVisible(self.kind is not None)
        self.reason_edit.setVisible(self.kind is not None)
        self.send_button.setVisible(self.kind is not None)

    def _fill_days(self, shown: bool) -> None:
        for button in self.day_buttons.values():
            discard(button)
        self.day_buttons = {}
        if not shown:
            return
        first = self._today()
        for offset in range(DAYS_AHEAD):
            day = first + timedelta(days=offset)
            button = BigButton(
                None,
                self.words.day_and_date(day),
                pictures=self.pictures,
                theme=self.theme,
                small=True,
            )
            button.set_chosen(day == self.day)
            button.tapped.connect(lambda day=day: self._choose_day(day))
            self.day_buttons[day] = button
            columns = 4 if self.theme.metrics.scale < 1.5 else 2
            self._days_grid.addWidget(button, offset // columns, offset % columns)

    def _fill_dishes(self, shown: bool) -> None:
        for button in self.dish_buttons.values():
            discard(button)
        self.dish_buttons = {}
        idea = self.chosen
        if not shown or idea is None:
            return
        gettext = self.words.gettext
        catalogue = list(self._dishes.catalogue())
        offered = sorted(catalogue, key=lambda dish: -similarity(idea.title, dish.name))
        offered = [dish for dish in offered[:DISHES_OFFERED] if similarity(idea.title, dish.name)]
        if idea.dish_id is not None:
            offered = [d for d in catalogue if d.id == idea.dish_id] + [
                d for d in offered if d.id != idea.dish_id
            ]
        choices: list[tuple[int, str | None, str]] = [
            (dish.id, dish.picture, dish.name) for dish in offered
        ]
        if not any(match_key(dish.name) == match_key(idea.title) for dish in catalogue):
            choices.append(
                (NEW_DISH, "idea", gettext("Add “{dish}” as a new dish").format(dish=idea.title))
            )
        for key, picture, words in choices:
            button = BigButton(
                picture,
                words,
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.set_chosen(key == self.dish_id)
            button.tapped.connect(lambda key=key: self._choose_dish(key))
            self.dish_buttons[key] = button
            self._dishes_column.addWidget(button)

    def _show_reason_words(self) -> None:
        gettext = self.words.gettext
        if self.kind is AnswerKind.ON_MENU:
            self.reason_label.setText(gettext("Anything to add? (You can leave this empty.)"))
        else:
            self.reason_label.setText(gettext("Why? Say it in plain words the resident will hear."))

    def _choose_kind(self, kind: AnswerKind) -> None:
        self.kind = kind
        self._fill_answer()

    def _choose_day(self, day: date) -> None:
        self.day = day
        for each, button in self.day_buttons.items():
            button.set_chosen(each == day)

    def _choose_meal(self, meal: Meal) -> None:
        self.meal = meal
        for each, button in self.meal_buttons.items():
            button.set_chosen(each is meal)

    def _choose_dish(self, dish_id: int) -> None:
        self.dish_id = dish_id
        for each, button in self.dish_buttons.items():
            button.set_chosen(each == dish_id)

    def _on_send_button_tapped(self) -> None:
        idea, kind = self.chosen, self.kind
        if idea is None or kind is None or self._sending:
            return
        self._sending = True
        new_dish = self.dish_id == NEW_DISH and kind is AnswerKind.ON_MENU
        try:
            answered = self.attempt(lambda: self._send(idea, kind))
        finally:
            self._sending = False
        if answered is not None:
            gettext = self.words.gettext
            self._show_list()
            done = [
                gettext("Answer sent. {name} will hear it next time.").format(
                    name=idea.resident_name or gettext("The resident")
                )
            ]
            if new_dish:
                done.append(
                    gettext(
                        "{dish} is now in the dishes. Please add its allergens and texture "
                        "on the Dishes screen before it is printed on a menu."
                    ).format(dish=idea.title)
                )
            self.summary.setText("\n".join([*done, self.summary.text()]))

    def _send(self, idea: MealSuggestion, kind: AnswerKind) -> MealSuggestion:
        actor = self.actor()
        reason = self.reason_edit.text()
        if kind is not AnswerKind.ON_MENU:
            return self._suggestions.answer(actor, idea.id, Answer(kind, reason=reason))
        dish_id = self.dish_id
        if dish_id == NEW_DISH:
            details = DishDetails(name=idea.title, course=NEW_DISH_COURSE[idea.meal_slot])
            dish_id = self._dishes.add_dish(actor, details).id
            self.dish_id = dish_id
        return self._suggestions.answer(
            actor,
            idea.id,
            Answer(kind, reason=reason, menu_date=self.day, menu_meal=self.meal, dish_id=dish_id),
        )
