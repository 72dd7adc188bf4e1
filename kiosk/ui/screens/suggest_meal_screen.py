"""Suggest a meal: which meal → a dish from the pictures (or type a new one) → hear it read
back → Send. Four taps from Home once the resident has chosen their face.

A dish someone has already asked for shows how many want it; choosing it offers "Me too"
instead of a second copy, and typing a name like one already asked for offers the same.
Saying why and ticking dietary needs are there, never in the way. If the resident is signed
out part-way, what they had gathered is kept as a draft and offered back next time.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.access import Actor
from kiosk.domain.enums import Course, DietaryTag, MealSlot
from kiosk.domain.errors import KioskError
from kiosk.domain.meals import (
    REASON_MAX,
    SUGGESTION_TITLE_MAX,
    Dish,
    MealSuggestion,
    NewMealSuggestion,
)
from kiosk.domain.residents import Resident
from kiosk.domain.text import N_
from kiosk.i18n import Words
from kiosk.ui.discard import discard
from kiosk.ui.pictures import PictureLibrary
from kiosk.ui.screen import Screen
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.big_button import BigButton
from kiosk.ui.widgets.choice_grid import Choice, ChoiceGrid
from kiosk.ui.widgets.typing_panel import TypingPanel

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

SIMILAR_SHOWN = 2

# The steps, in the order a resident meets them.
DRAFT, MEAL, DISH, TYPE, CONFIRM, WHY, DIETARY_STEP, THANKS = range(8)


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


class SuggestMealScreen(Screen):
    name = "suggest-meal"
    say = Signal(str)  # words to read aloud now (the read-back before Send)
    home_chosen = Signal()

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
        super().__init__(words=words, pictures=pictures, theme=theme)
        self._ideas = ideas
        self._dishes = dishes
        self._signed_in = signed_in
        self._new = NewMealSuggestion(meal_slot=MealSlot.LUNCH, title="")
        self._supporting: MealSuggestion | None = None  # "me too" for this one
        self._draft_id: int | None = None
        self._steps_taken: list[int] = []
        self._similar: list[MealSuggestion] = []

        self.prompt = QLabel()
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setProperty("role", "heading")
        self.prompt.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setProperty("role", "banner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.steps = QStackedWidget()
        kit = {"pictures": pictures, "theme": theme}

        # A draft kept from last time
        draft_page = QWidget()
        self.carry_on_button = BigButton("yes", "", large=True, **kit)
        self.start_again_button = BigButton("no", "", large=True, **kit)
        self.carry_on_button.tapped.connect(self._on_carry_on_button_tapped)
        self.start_again_button.tapped.connect(self._on_start_again_button_tapped)
        row = QHBoxLayout(draft_page)
        row.setSpacing(theme.metrics.gap_px)
        row.addWidget(self.carry_on_button)
        row.addWidget(self.start_again_button)

        # Which meal
        self.meal_grid = ChoiceGrid(words=words, **kit)
        self.meal_grid.chosen.connect(self._on_meal_grid_chosen)

        # Which dish
        dish_page = QWidget()
        self.dish_grid = ChoiceGrid(words=words, columns=1, horizontal=True, **kit)
        self.dish_grid.fit_rows_to_height(DISHES_AT_MOST)
        self.dish_grid.chosen.connect(self._on_dish_grid_chosen)
        self.type_button = BigButton("keyboard", "", horizontal=True, small=True, **kit)
        self.type_button.tapped.connect(self._on_type_button_tapped)
        self.dish_grid.put_in_pager(self.type_button)
        column = QVBoxLayout(dish_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.dish_grid, 1)

        # Typing a dish, and typing why
        self.dish_typing = TypingPanel(words=words, max_length=SUGGESTION_TITLE_MAX, **kit)
        self.dish_typing.text_changed.connect(self._on_dish_typing_text_changed)
        self.dish_typing.done.connect(self._on_dish_typing_done)
        self.why_typing = TypingPanel(words=words, max_length=REASON_MAX, **kit)
        self.why_typing.done.connect(self._on_why_typing_done)

        # Hear it back, then Send (or "Me too")
        confirm_page = QWidget()
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.send_button = BigButton("yes", "", horizontal=True, **kit)
        self.send_button.tapped.connect(self._on_send_button_tapped)
        self.why_button = BigButton("talk", "", horizontal=True, small=True, **kit)
        self.why_button.tapped.connect(lambda: self._go(WHY))
        self.dietary_button = BigButton("menu", "", horizontal=True, small=True, **kit)
        self.dietary_button.tapped.connect(lambda: self._go(DIETARY_STEP))
        top = QHBoxLayout()
        top.setSpacing(theme.metrics.gap_px)
        top.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.summary, 1)
        actions = QHBoxLayout()  # one row: the page fits at large text
        actions.setSpacing(theme.metrics.gap_px)
        actions.addWidget(self.why_button, 2)
        actions.addWidget(self.dietary_button, 3)
        actions.addWidget(self.send_button, 3)
        column = QVBoxLayout(confirm_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addLayout(top, 1)
        column.addLayout(actions)

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

        # Thank you
        thanks_page = QWidget()
        self.thanks = QLabel()
        self.thanks.setTextFormat(Qt.TextFormat.PlainText)
        self.thanks.setWordWrap(True)
        self.another_button = BigButton("suggest-meal", "", large=True, **kit)
        self.another_button.tapped.connect(self._on_another_button_tapped)
        self.home_button = BigButton("home", "", large=True, **kit)
        self.home_button.tapped.connect(self.home_chosen)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.metrics.gap_px)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.home_button)
        column = QVBoxLayout(thanks_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.metrics.gap_px)
        column.addWidget(self.thanks)
        column.addStretch(1)
        column.addLayout(buttons)

        for page in (
            draft_page,
            self.meal_grid,
            dish_page,
            self.dish_typing,
            confirm_page,
            self.why_typing,
            dietary_page,
            thanks_page,
        ):
            self.steps.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.metrics.gap_px // 2)  # words above the choices, not targets
        layout.addWidget(self.prompt)
        layout.addWidget(self.problem)
        layout.addWidget(self.steps, 1)
        self.retranslate()

    # -- Screen ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.words.gettext("Suggest a meal")

    @property
    def step(self) -> int:
        return self.steps.currentIndex()

    def refresh(self) -> None:
        """Each visit starts afresh, or from the draft kept last time."""
        self._start_afresh()
        actor = self._actor()
        draft = self._ideas.meal_draft(actor) if actor is not None else None
        if draft is not None:
            self._draft_id = draft.id
            self._new = NewMealSuggestion(
                meal_slot=draft.meal_slot,
                title=draft.title,
                dish_id=draft.dish_id,
                picture=draft.picture,
                reason=draft.reason,
                dietary=draft.dietary,
            )
            self._go(DRAFT, remember=False)
        else:
            self._go(MEAL, remember=False)

    def step_back(self) -> bool:
        """Back goes to the step before, within the screen, until the first one."""
        if self.step == THANKS or not self._steps_taken:
            return False
        self._go(self._steps_taken.pop(), remember=False)
        return True

    def title_can_give_way(self) -> bool:
        return self.step in (TYPE, WHY)  # the question above the box says what to do

    def keep_unfinished(self) -> None:
        actor = self._actor()
        if actor is None or self.step in (DRAFT, MEAL, THANKS) or self._supporting is not None:
            return
        # Something the service refuses (too long) cannot be kept; nothing else is lost.
        with contextlib.suppress(KioskError):
            self._ideas.save_meal_draft(actor, self._gathered())

    def retranslate(self) -> None:
        gettext = self.words.gettext
        self.meal_grid.set_choices(
            [Choice(slot.value, picture, gettext(words)) for slot, picture, words in SLOTS]
        )
        self.meal_grid.retranslate()
        self.dish_grid.retranslate()
        self.dietary_grid.retranslate()
        self.dish_typing.retranslate()
        self.why_typing.retranslate()
        self.carry_on_button.set_words(gettext("Yes, carry on"))
        self.start_again_button.set_words(gettext("No, start again"))
        self.type_button.set_words(gettext("Something else: type it"))
        self.dish_typing.prompt.setText(gettext("Type the name of the food you would like."))
        self.why_typing.prompt.setText(
            gettext("Why would you like it? You can say as much or as little as you like.")
        )
        self.why_button.set_words(gettext("Say why"))
        self.dietary_button.set_words(gettext("Dietary needs"))
        self.dietary_done_button.set_words(gettext("Done"))
        self.another_button.set_words(gettext("Suggest another"))
        self.home_button.set_words(gettext("Home"))
        self._show_step_words()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for grid in (self.meal_grid, self.dish_grid, self.dietary_grid):
            grid.apply_theme(theme)
        self.dish_grid.fit_rows_to_height(DISHES_AT_MOST)
        self.dish_typing.apply_theme(theme)
        self.why_typing.apply_theme(theme)
        self._show_picture()

    # -- steps -----------------------------------------------------------------------------

    def _go(self, step: int, *, remember: bool = True) -> None:
        if remember and self.steps.currentIndex() != step:
            self._steps_taken.append(self.step)
        self._show_problem("")
        if step == DISH:
            self._fill_dishes()
        elif step == TYPE:
            self.dish_typing.set_text(self._new.title if self._new.dish_id is None else "")
        elif step == WHY:
            self.why_typing.set_text(self._new.reason or "")
        elif step == DIETARY_STEP:
            self._fill_dietary()
        elif step == CONFIRM:
            if not self._new.client_token:
                self._new = replace(self._new, client_token=uuid.uuid4().hex)
            self.send_button.setEnabled(True)
        self._show_only(step)
        self._show_step_words()
        self.title_room_changed.emit()
        if step == CONFIRM:
            self.say.emit(self.summary.text())

    def _show_only(self, step: int) -> None:
        """Show ``step``; the hidden steps ask for no room (a stack is as tall as its
        tallest page otherwise, and the screen would not fit at large text)."""
        for index in range(self.steps.count()):
            page = self.steps.widget(index)
            policy = QSizePolicy.Policy.Preferred if index == step else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.steps.setCurrentIndex(step)

    def _start_afresh(self) -> None:
        self._new = NewMealSuggestion(meal_slot=MealSlot.LUNCH, title="")
        self._supporting = None
        self._draft_id = None
        self._steps_taken = []
        self._similar = []
        self.meal_grid.restart()

    def _show_step_words(self) -> None:
        gettext = self.words.gettext
        step = self.step
        meal = gettext(SLOT_WORDS[self._new.meal_slot]).lower()
        prompts = {
            DRAFT: gettext("Last time you started asking for {dish}. Would you like to carry on?"),
            MEAL: gettext("Which meal is your idea for?"),
            DISH: gettext("What would you like for {meal}?"),
            CONFIRM: gettext("Is this right?"),
            DIETARY_STEP: gettext("Touch any that matter for this food. Touch again to undo."),
            THANKS: gettext("Thank you!"),
        }
        self.prompt.setVisible(step in prompts)
        title = self._new.title or gettext("a meal")
        self.prompt.setText(prompts.get(step, "").format(dish=title, meal=meal))
        if step == CONFIRM:
            self.summary.setText(self._summary_words())
            self._show_picture()
            supporting = self._supporting is not None
            self.send_button.set_words(gettext("Me too") if supporting else gettext("Send it"))
            self.why_button.setVisible(not supporting)
            self.dietary_button.setVisible(not supporting)

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
        size = self.theme.metrics.picture_px * (2 if self.theme.metrics.scale < 1.5 else 1)
        self.picture.setPixmap(
            self.pictures.pixmap(picture, size, self._new.title, self.theme.palette)
        )

    # -- what the resident chooses -------------------------------------------------------------

    def _on_carry_on_button_tapped(self) -> None:
        self._go(CONFIRM if self._new.title else DISH)

    def _on_start_again_button_tapped(self) -> None:
        actor = self._actor()
        if actor is not None:
            self._ideas.discard_meal_draft(actor)
        self._start_afresh()
        self._go(MEAL, remember=False)

    def _on_meal_grid_chosen(self, key: str) -> None:
        self._new = replace(self._new, meal_slot=MealSlot(key))
        self.dish_grid.restart()
        self._go(DISH)

    def _fill_dishes(self) -> None:
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

    def _on_dish_grid_chosen(self, key: str) -> None:
        kind, _, number = key.partition(":")
        if kind == "idea":
            actor = self._actor()
            ideas = self._ideas.open_meal_suggestions(actor) if actor else []
            idea = next((i for i in ideas if i.id == int(number)), None)
            if idea is None:
                self._fill_dishes()
                return
            self._choose_support(idea)
            return
        dish = next((d for d in self._dishes.catalogue() if d.id == int(number)), None)
        if dish is None:
            self._fill_dishes()
            return
        self._supporting = None
        self._new = replace(self._new, title=dish.name, dish_id=dish.id, picture=dish.picture)
        self._go(CONFIRM)

    def _choose_support(self, idea: MealSuggestion) -> None:
        if idea.supported_by_viewer:
            self._show_problem(
                self.words.gettext("You have already asked for {dish}. Thank you!").format(
                    dish=idea.title
                )
            )
            return
        self._supporting = idea
        self._go(CONFIRM)

    def _on_type_button_tapped(self) -> None:
        self._supporting = None
        self._new = replace(self._new, dish_id=None, picture=None)
        self._go(TYPE)

    def _on_dish_typing_text_changed(self, text: str) -> None:
        """Offer the ideas already asked for that are like what is being typed."""
        while self.dish_typing.hints.count():
            item = self.dish_typing.hints.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                discard(widget)
        actor = self._actor()
        if actor is None or len(text.strip()) < 3:
            self._similar = []
            self.dish_typing.show_hints(False)
            return
        self._similar = list(self._ideas.similar_meal_suggestions(text, actor))[:SIMILAR_SHOWN]
        for idea in self._similar:
            button = BigButton(
                idea.picture or "idea",
                self.words.gettext("{dish} is already suggested. Add your support?").format(
                    dish=idea.title
                ),
                pictures=self.pictures,
                theme=self.theme,
                horizontal=True,
                small=True,
            )
            button.tapped.connect(lambda idea=idea: self._choose_support(idea))
            self.dish_typing.hints.addWidget(button)
        self.dish_typing.show_hints(bool(self._similar))

    def _on_dish_typing_done(self) -> None:
        typed = self.dish_typing.text()
        if not typed.strip():
            self._show_problem(self.words.gettext("Please type the name of a food first."))
            return
        if len(typed) > SUGGESTION_TITLE_MAX:
            self._show_problem(self._too_long(SUGGESTION_TITLE_MAX))
            return
        self._new = replace(self._new, title=typed.strip())
        self._go(CONFIRM)

    def _on_why_typing_done(self) -> None:
        typed = self.why_typing.text()
        if len(typed) > REASON_MAX:
            self._show_problem(self._too_long(REASON_MAX))
            return
        self._new = replace(self._new, reason=typed.strip() or None)
        self._go(CONFIRM, remember=False)

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

    def _on_send_button_tapped(self) -> None:
        actor = self._actor()
        if actor is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)  # one tap sends once
        gettext = self.words.gettext
        try:
            if self._supporting is not None:
                idea = self._ideas.support(actor, self._supporting.id)
                thanks = gettext("Your support is added. {count} people now want {dish}.").format(
                    count=idea.supporters + 1, dish=idea.title
                )
            else:
                self._ideas.suggest_meal(actor, self._new, draft_id=self._draft_id)
                thanks = gettext(
                    "Your idea is with the kitchen. They will answer you, and you will hear "
                    "their answer here."
                )
        except KioskError as error:
            self.send_button.setEnabled(True)
            self._show_problem(error.text(gettext))
            return
        self.thanks.setText(thanks)
        self._steps_taken = []
        self._go(THANKS, remember=False)
        self.say.emit(thanks)

    def _on_another_button_tapped(self) -> None:
        self._start_afresh()
        self._go(MEAL, remember=False)

    # -- helpers -------------------------------------------------------------------------------

    def _actor(self) -> Actor | None:
        resident = self._signed_in()
        return Actor.resident(resident.id) if resident is not None else None

    def _gathered(self) -> NewMealSuggestion:
        """What has been gathered so far, with the typing not yet confirmed."""
        new = self._new
        if self.step == TYPE and self.dish_typing.text().strip():
            new = replace(new, title=self.dish_typing.text().strip()[:SUGGESTION_TITLE_MAX])
        if self.step == WHY and self.why_typing.text().strip():
            new = replace(new, reason=self.why_typing.text().strip()[:REASON_MAX])
        return new

    def _too_long(self, limit: int) -> str:
        return self.words.gettext("This is too long. Please keep it under {limit} letters.").format(
            limit=limit
        )

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
