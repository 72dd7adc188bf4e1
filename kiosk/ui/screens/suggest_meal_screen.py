"""Suggest a meal: which meal → a dish from the pictures (or type a new one) → hear it read
back → Send. Four taps from Home once the resident has chosen their face.

A dish someone has already asked for shows how many want it; choosing it offers "Me too"
instead of a second copy, and typing a name like one already asked for offers the same.
Saying why and ticking dietary needs are there, never in the way. If the resident is signed
out part-way, what they had gathered is kept as a draft and offered back next time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, DietaryTag, MealSlot
from kiosk.domain.meals import Dish, MealSuggestion, NewMealSuggestion
from kiosk.domain.residents import Resident
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.suggestion_screen import CHOOSE, CONFIRM, DRAFT, START, TYPE, WHY, SuggestionScreen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid

SLOTS: tuple[tuple[MealSlot, str, str], ...] = (
    (MealSlot.BREAKFAST, "breakfast", N_("Breakfast")),
    (MealSlot.LUNCH, "lunch", N_("Lunch")),
    (MealSlot.TEA, "tea", N_("Tea")),
    (MealSlot.SUPPER, "supper", N_("Supper")),
    (MealSlot.PUDDING, "pudding", N_("Pudding")),
    (MealSlot.SNACK, "snack", N_("Snack")),
)
SLOT_WORDS = {slot: words for slot, _, words in SLOTS}
SLOT_PICTURES = {slot: picture for slot, picture, _ in SLOTS}
# Which dishes in the kitchen's catalogue fit each meal.
COURSES: dict[MealSlot, frozenset[Course]] = {
    MealSlot.BREAKFAST: frozenset({Course.BREAKFAST}),
    MealSlot.LUNCH: frozenset({Course.MAIN, Course.SOUP}),
    MealSlot.TEA: frozenset({Course.SNACK, Course.SOUP, Course.SIDE}),
    MealSlot.SUPPER: frozenset({Course.MAIN, Course.SOUP}),
    MealSlot.PUDDING: frozenset({Course.PUDDING}),
    MealSlot.SNACK: frozenset({Course.SNACK, Course.DRINK}),
}
DIETARY: tuple[tuple[DietaryTag, str], ...] = (
    (DietaryTag.VEGETARIAN, N_("Vegetarian")),
    (DietaryTag.VEGAN, N_("Vegan")),
    (DietaryTag.HALAL, N_("Halal")),
    (DietaryTag.KOSHER, N_("Kosher")),
    (DietaryTag.NO_PORK, N_("No pork")),
    (DietaryTag.NO_BEEF, N_("No beef")),
    (DietaryTag.DIABETIC, N_("Good for diabetes")),
    (DietaryTag.LOW_SALT, N_("Low salt")),
    (DietaryTag.FORTIFIED, N_("Extra nourishing")),
)


DISHES_AT_MOST = 4  # a row each (long names fit), as many as the height holds

# The steps, in the order a resident meets them: every suggestion's (choosing the meal, then
# the dish), then dietary needs, and the thank-you.
MEAL, DISH = START, CHOOSE
DIETARY_STEP, THANKS = WHY + 1, WHY + 2


class MealIdeas(Protocol):
    def open_meal_suggestions(self, viewer: Actor) -> Sequence[MealSuggestion]: ...
    def similar_meal_suggestions(self, text: str, viewer: Actor) -> Sequence[MealSuggestion]: ...
    def suggest_meal(
        self, actor: Actor, new: NewMealSuggestion, *, draft_id: int | None = None
    ) -> MealSuggestion: ...
    def support(self, actor: Actor, proposal_id: int) -> MealSuggestion: ...
    def save_meal_draft(self, actor: Actor, new: NewMealSuggestion) -> int | None: ...
    def meal_draft(self, actor: Actor) -> MealSuggestion | None: ...
    def discard_meal_draft(self, actor: Actor) -> None: ...


class DishCatalogue(Protocol):
    def catalogue(
        self, course: Course | None = None, *, include_archived: bool = False
    ) -> Sequence[Dish]: ...


class SuggestMealScreen(SuggestionScreen[NewMealSuggestion, MealSuggestion]):
    name = "suggest-meal"
    thanks_step = THANKS
    another_picture = "suggest-meal"
    another_words = N_("Suggest another")
    nothing_typed_words = N_("Please type the name of a food first.")
    choices_at_most = DISHES_AT_MOST

    def __init__(
        self,
        *,
        words: Words,
        pictures: PictureLibrary,
        theme: Theme,
        ideas: MealIdeas,
        dishes: DishCatalogue,
        signed_in: Callable[[], Resident | None],
    ) -> None:
        kit = {"pictures": pictures, "theme": theme}
        dietary_button = BigButton("menu", "", horizontal=True, small=True, **kit)
        super().__init__(
            words=words,
            pictures=pictures,
            theme=theme,
            signed_in=signed_in,
            read_back_extras=[(dietary_button, 3)],
        )
        self._ideas = ideas
        self._dishes = dishes

        # Which meal
        self.meal_grid = ChoiceGrid(words=words, **kit)
        self.meal_grid.chosen.connect(self._on_meal_grid_chosen)

        # Which dish, or type one; dietary needs beside "Say why" when it is heard back
        self.dish_grid = self.choice_grid
        self.dish_typing = self.title_typing
        self.dietary_button = dietary_button
        self.dietary_button.tapped.connect(lambda: self._go(DIETARY_STEP))

        # Dietary needs, ticked
        dietary_page = QWidget()
        self.dietary_grid = ChoiceGrid(words=words, **kit)
        self.dietary_grid.chosen.connect(self._on_dietary_grid_chosen)
        self.dietary_done_button = BigButton("check", "", horizontal=True, **kit)
        self.dietary_done_button.tapped.connect(lambda: self._go(CONFIRM, remember=False))
        column = QVBoxLayout(dietary_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.dietary_grid, 1)
        column.addWidget(self.dietary_done_button)

        self._lay_out_steps(self.meal_grid, dietary_page)
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Suggest a meal")

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.meal_grid.set_choices(
            [Choice(slot.value, picture, gettext(words)) for slot, picture, words in SLOTS]
        )
        self.meal_grid.retranslate()
        self.dietary_grid.retranslate()
        self.dish_typing.prompt.setText(gettext("Type the name of the food you would like."))
        self.dietary_button.set_words(gettext("Dietary needs"))
        self.dietary_done_button.set_words(gettext("Done"))
        super().retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.meal_grid.apply_theme(theme)
        self.dietary_grid.apply_theme(theme)

    # -- steps -----------------------------------------------------------------------------

    def _go(self, step: int, *, remember: bool = True) -> None:
        if step == DIETARY_STEP:
            self._fill_dietary()
        super()._go(step, remember=remember)

    def _fresh(self) -> NewMealSuggestion:
        return NewMealSuggestion(meal_slot=MealSlot.LUNCH, title="")

    def _start_afresh(self) -> None:
        super()._start_afresh()
        self.meal_grid.restart()

    def _prompt(self, step: int) -> str:
        gettext = self.words.gettext
        meal = gettext(SLOT_WORDS[self._new.meal_slot]).lower()
        prompts = {
            DRAFT: gettext("Last time you started asking for {dish}. Would you like to carry on?"),
            MEAL: gettext("Which meal is your idea for?"),
            DISH: gettext("What would you like for {meal}?"),
            CONFIRM: gettext("Is this right?"),
            DIETARY_STEP: gettext("Touch any that matter for this food. Touch again to undo."),
            THANKS: gettext("Thank you!"),
        }
        title = self._new.title or gettext("a meal")
        return prompts.get(step, "").format(dish=title, meal=meal)

    def _summary_words(self) -> str:
        gettext = self.words.gettext
        meal = gettext(SLOT_WORDS[self._new.meal_slot]).lower()
        if self._supporting is not None:
            others = self._supporting.supporters + 1
            return gettext(
                "{dish} for {meal} is already asked for by {count} people. "
                "Would you like to add your support?"
            ).format(dish=self._supporting.title, meal=meal, count=others)
        lines = [
            gettext("You would like {dish} for {meal}.").format(dish=self._new.title, meal=meal)
        ]
        if self._new.reason:
            lines.append(gettext("Why: {reason}").format(reason=self._new.reason))
        if self._new.dietary:
            names = [gettext(words) for tag, words in DIETARY if tag in self._new.dietary]
            lines.append(gettext("It needs to be: {needs}.").format(needs=", ".join(names)))
        return "\n".join(lines)

    def _show_picture(self) -> None:
        picture = (
            self._supporting.picture if self._supporting is not None else self._new.picture
        ) or SLOT_PICTURES[self._new.meal_slot]
        self.read_back.show_picture(picture, self._new.title, self.theme)

    # -- the draft ---------------------------------------------------------------------------

    def _draft(self, actor: Actor) -> MealSuggestion | None:
        return self._ideas.meal_draft(actor)

    def _gathered_in(self, draft: MealSuggestion) -> NewMealSuggestion:
        return NewMealSuggestion(
            meal_slot=draft.meal_slot,
            title=draft.title,
            dish_id=draft.dish_id,
            picture=draft.picture,
            reason=draft.reason,
            dietary=draft.dietary,
        )

    def _keep_draft(self, actor: Actor, new: NewMealSuggestion) -> None:
        self._ideas.save_meal_draft(actor, new)

    def _discard_draft(self, actor: Actor) -> None:
        self._ideas.discard_meal_draft(actor)

    # -- what the resident chooses -------------------------------------------------------------

    def _on_meal_grid_chosen(self, key: str) -> None:
        self._new = replace(self._new, meal_slot=MealSlot(key))
        self.dish_grid.restart()
        self._go(DISH)

    def _fill_choices(self) -> None:
        actor = self._actor()
        slot = self._new.meal_slot
        asked = [
            idea
            for idea in (self._ideas.open_meal_suggestions(actor) if actor else [])
            if idea.meal_slot is slot
        ]
        asked_dishes = {idea.dish_id for idea in asked if idea.dish_id is not None}
        choices = [
            Choice(
                f"idea:{idea.id}",
                idea.picture or SLOT_PICTURES[slot],
                idea.title,
                self._wanted_by(idea),
            )
            for idea in asked
        ]
        choices += [
            Choice(f"dish:{dish.id}", dish.picture, dish.name)
            for dish in self._dishes.catalogue()
            if dish.course in COURSES[slot] and dish.id not in asked_dishes
        ]
        self.dish_grid.set_choices(choices)

    def _wanted_by(self, idea: MealSuggestion) -> str:
        count = idea.supporters + 1
        if idea.supported_by_viewer:
            return self.words.gettext("You asked for this too")
        return self.words.ngettext(
            "{count} person asked for this", "{count} people asked for this", count
        ).format(count=count)

    def _on_choice_grid_chosen(self, key: str) -> None:
        kind, _, number = key.partition(":")
        if kind == "idea":
            actor = self._actor()
            ideas = self._ideas.open_meal_suggestions(actor) if actor else []
            idea = next((i for i in ideas if i.id == int(number)), None)
            if idea is None:
                self._fill_choices()
                return
            self._choose_support(idea)
            return
        dish = next((d for d in self._dishes.catalogue() if d.id == int(number)), None)
        if dish is None:
            self._fill_choices()
            return
        self._supporting = None
        self._new = replace(self._new, title=dish.name, dish_id=dish.id, picture=dish.picture)
        self._go(CONFIRM)

    def _backed_already_words(self, sent: MealSuggestion) -> str:
        return self.words.gettext("You have already asked for {dish}. Thank you!").format(
            dish=sent.title
        )

    def _on_type_button_tapped(self) -> None:
        self._supporting = None
        self._new = replace(self._new, dish_id=None, picture=None)
        self._go(TYPE)

    def _title_to_type(self) -> str:
        return self._new.title if self._new.dish_id is None else ""

    def _similar_to(self, typed: str, actor: Actor) -> Sequence[MealSuggestion]:
        return self._ideas.similar_meal_suggestions(typed, actor)

    def _support_offer(self, sent: MealSuggestion) -> tuple[str | None, str]:
        words = self.words.gettext("{dish} is already suggested. Add your support?")
        return sent.picture, words.format(dish=sent.title)

    def _fill_dietary(self) -> None:
        gettext = self.words.gettext
        self.dietary_grid.set_choices(
            [Choice(tag.value, None, gettext(words)) for tag, words in DIETARY],
            ticked={tag.value for tag in self._new.dietary},
        )

    def _on_dietary_grid_chosen(self, key: str) -> None:
        tag = DietaryTag(key)
        ticked = tag not in self._new.dietary
        dietary = self._new.dietary | {tag} if ticked else self._new.dietary - {tag}
        self._new = replace(self._new, dietary=frozenset(dietary))
        self.dietary_grid.set_ticked(key, ticked)

    # -- sending -------------------------------------------------------------------------------

    def _add_support(self, actor: Actor, sent: MealSuggestion) -> str:
        idea = self._ideas.support(actor, sent.id)
        return self.words.gettext("Your support is added. {count} people now want {dish}.").format(
            count=idea.supporters + 1, dish=idea.title
        )

    def _send_new(self, actor: Actor) -> str:
        self._ideas.suggest_meal(actor, self._new, draft_id=self._draft_id)
        return self.words.gettext(
            "Your idea is with the kitchen. They will answer you, and you will hear "
            "their answer here."
        )
