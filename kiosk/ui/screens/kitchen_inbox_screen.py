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

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, Meal, MealSlot, ProposalStatus
from kiosk.domain.meals import (
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
from kiosk.ui.discard import discard
from kiosk.ui.inbox_parts import (
    answer_sent,
    backers,
    days_waiting,
    flagged,
)
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.staff_screen import SignedInStaff, field_label
from kiosk.ui.suggestion_inbox_screen import SuggestionInboxScreen
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


class KitchenInboxScreen(SuggestionInboxScreen[MealSuggestion, AnswerKind]):
    name = "kitchen-inbox"
    kind_words = ANSWER_WORDS
    kinds_needing_words = frozenset({AnswerKind.NOT_NOW, AnswerKind.NO})
    none_yet_words = N_("No meal ideas yet.")

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
        super().__init__(
            words=words,
            pictures=pictures,
            theme=theme,
            signed_in=signed_in,
            kinds=AnswerKind,
            now=now,
        )
        self._suggestions = suggestions
        self._dishes = dishes
        self._today = today
        self.day: date | None = None
        self.meal: Meal | None = None
        self.dish_id: int | None = None
        kit = {"pictures": pictures, "theme": theme}

        # "Yes, on the menu": which day, which meal, which dish
        self._place_kind_buttons(len(self.kind_buttons))
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
        self._on_menu_parts: list[QWidget] = [self.day_label, self.meal_label, self.dish_label]

        self._lay_out_panels(
            self.day_label,
            self._days_grid,
            self.meal_label,
            meals,
            self.dish_label,
            self._dishes_column,
        )
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Meal ideas from residents")

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.day_label.setText(gettext("Which day?"))
        self.meal_label.setText(gettext("Which meal?"))
        for meal, button in self.meal_buttons.items():
            button.set_words(gettext(MEAL_WORDS[meal]))
        self.dish_label.setText(gettext("Which dish?"))
        super().retranslate()

    # -- the list ----------------------------------------------------------------------------

    def _read_inbox(self) -> list[MealSuggestion]:
        return list(self._suggestions.inbox(self.actor()))

    def _picture_of(self, idea: MealSuggestion) -> str:
        return idea.picture or "idea"

    def idea_words(self, idea: MealSuggestion, now: datetime) -> str:
        gettext = self.words.gettext
        who = idea.resident_name or gettext("a resident")
        first = gettext("{dish} for {meal}, from {name}").format(
            dish=idea.title, meal=gettext(SLOT_WORDS[idea.meal_slot]).lower(), name=who
        )
        if idea.answered:
            status = gettext("Answered: {answer}").format(answer=self.answer_words(idea))
        else:
            status = days_waiting(self.words, idea, now)
            first = flagged(self.words, idea, now, first)
        return "\n".join([first, backers(self.words, idea), status])

    def answer_words(self, idea: MealSuggestion) -> str:
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
        self.day = None
        self.meal = SERVED_AT[idea.meal_slot]
        self.dish_id = idea.dish_id
        super()._open(idea)

    def _answer_title(self, idea: MealSuggestion) -> str:
        gettext = self.words.gettext
        return gettext("{dish} for {meal}").format(
            dish=idea.title, meal=gettext(SLOT_WORDS[idea.meal_slot]).lower()
        )

    def _answer_details(self, idea: MealSuggestion) -> list[str]:
        return [self.idea_words(idea, self._now())]

    def _fill_answer(self) -> None:
        super()._fill_answer()
        if self.chosen is None:
            return
        on_menu = self.kind is AnswerKind.ON_MENU
        for part in self._on_menu_parts:
            part.setVisible(on_menu)
        self._fill_days(on_menu)
        for meal, button in self.meal_buttons.items():
            button.setVisible(on_menu)
            button.set_chosen(meal is self.meal)
        self._fill_dishes(on_menu)

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

    def _send_answer(self, idea: MealSuggestion, kind: AnswerKind) -> list[str]:
        new_dish = self.dish_id == NEW_DISH and kind is AnswerKind.ON_MENU
        self._send(idea, kind)
        done = [answer_sent(self.words, idea.resident_name)]
        if new_dish:
            done.append(
                self.words.gettext(
                    "{dish} is now in the dishes. Please add its allergens and texture "
                    "on the Dishes screen before it is printed on a menu."
                ).format(dish=idea.title)
            )
        return done

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
