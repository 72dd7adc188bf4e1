"""Meals: dishes, residents' meal suggestions, the kitchen's answers and the weekly menu.

The chain a suggestion follows is the heart of co-production: a resident says what they
would like (with a picture, or typed, and why); others add "me too"; the kitchen answers
in plain words ("yes, on the menu" with the day, "not now" or "no" with a reason); the
resident hears the answer the next time they sign in ("You said, we did").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher
from enum import StrEnum

from kiosk.domain.enums import (
    Allergen,
    Course,
    DietaryTag,
    IddsiLevel,
    Meal,
    MealSlot,
    ProposalStatus,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_name, clean_text
from kiosk.domain.week import DayPlan, DishOnMenu

DISH_NAME_MAX = 120  # dish.name is VARCHAR(120)
DISH_DESCRIPTION_MAX = 1000
SUGGESTION_TITLE_MAX = 120  # a dish's name, as the resident said it
REASON_MAX = 1000  # "why" in the resident's words
ANSWER_MAX = 1000  # the kitchen's reason in plain words
UNANSWERED_AFTER = timedelta(days=14)  # an open suggestion older than this is flagged
CHOICES_PER_MEAL_MAX = 6  # no more than six choices at a time (DESIGN.md)
PICTURE_KEY_MAX = 64  # picture columns are VARCHAR(64)
CLIENT_TOKEN_MAX = 64  # proposal.client_token is VARCHAR(64)

# Which menu meal a suggested slot is served at: puddings come with lunch, snacks with tea.
SERVED_AT: dict[MealSlot, Meal] = {
    MealSlot.BREAKFAST: Meal.BREAKFAST,
    MealSlot.LUNCH: Meal.LUNCH,
    MealSlot.TEA: Meal.TEA,
    MealSlot.SUPPER: Meal.SUPPER,
    MealSlot.PUDDING: Meal.LUNCH,
    MealSlot.SNACK: Meal.TEA,
}


class AnswerKind(StrEnum):
    """What the kitchen says to a suggestion."""

    ON_MENU = "on_menu"  # yes: it is on the menu on a given day and meal
    NOT_NOW = "not_now"  # not now, with a reason
    NO = "no"  # no, with a reason


ANSWER_STATUS: dict[AnswerKind, ProposalStatus] = {
    AnswerKind.ON_MENU: ProposalStatus.AGREED,
    AnswerKind.NOT_NOW: ProposalStatus.NOT_NOW,
    AnswerKind.NO: ProposalStatus.DECLINED,
}


class RemovedHow(StrEnum):
    """What "remove this dish" did: gone for good, or kept for the menus it is on."""

    DELETED = "deleted"  # never on a menu nor in a suggestion
    ARCHIVED = "archived"  # kept where it was used, but offered no more


class MenuWarningKind(StrEnum):
    NO_VEGETARIAN = "no_vegetarian"  # a day with dishes but no vegetarian choice
    NO_SOFT = "no_soft"  # a day with dishes but nothing at IDDSI level 6 or below


@dataclass(frozen=True, slots=True)
class Dish:
    """A dish in the kitchen's catalogue."""

    id: int
    name: str
    course: Course
    picture: str | None  # a pictogram key in assets/pictures
    has_photo: bool
    dietary: frozenset[DietaryTag]
    allergens: frozenset[Allergen]
    iddsi_level: int
    description: str | None = None
    archived: bool = False

    @property
    def soft(self) -> bool:
        return self.iddsi_level <= 6

    def on_menu(self) -> DishOnMenu:
        return DishOnMenu(
            dish_id=self.id,
            name=self.name,
            picture=self.picture,
            dietary=self.dietary,
            allergens=self.allergens,
            iddsi_level=self.iddsi_level,
        )


@dataclass(frozen=True, slots=True)
class DishDetails:
    """What the kitchen types or ticks to add a dish or change one."""

    name: str
    course: Course
    picture: str | None = None
    dietary: frozenset[DietaryTag] = frozenset()
    allergens: frozenset[Allergen] = frozenset()
    iddsi_level: int = 7
    description: str | None = None


@dataclass(frozen=True, slots=True)
class NewMealSuggestion:
    """A resident's meal idea, as the suggest screens gather it.

    ``dish_id`` is set when they picked a picture from the catalogue; otherwise ``title``
    is what they typed. ``client_token`` is made once per suggestion on the screen, so a
    double-tapped "Send" stores one suggestion, not two.
    """

    meal_slot: MealSlot
    title: str
    dish_id: int | None = None
    picture: str | None = None
    reason: str | None = None
    dietary: frozenset[DietaryTag] = frozenset()
    client_token: str | None = None


@dataclass(frozen=True, slots=True)
class MealSuggestion:
    """A suggestion as residents and the kitchen see it."""

    id: int
    resident_id: int | None
    resident_name: str | None
    title: str
    meal_slot: MealSlot
    dish_id: int | None
    picture: str | None
    reason: str | None
    dietary: frozenset[DietaryTag]
    status: ProposalStatus
    submitted_at: datetime | None  # None while it is a draft
    supporters: int  # residents who said "me too" (not counting the one who suggested it)
    supported_by_viewer: bool = False  # the resident asking has said "me too" (or suggested it)
    response: str | None = None
    responded_by: str | None = None  # the staff member's name
    responded_at: datetime | None = None
    menu_date: date | None = None  # for "yes, on the menu"
    menu_meal: Meal | None = None

    @property
    def answered(self) -> bool:
        return self.responded_at is not None

    def overdue(self, now: datetime) -> bool:
        """Sent, still unanswered, and older than 14 days: the inbox flags it."""
        return (
            self.status is ProposalStatus.OPEN
            and self.submitted_at is not None
            and now - self.submitted_at > UNANSWERED_AFTER
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """The kitchen's answer: on the menu (with the day and meal), not now, or no (with a
    reason in plain words). ``reason`` may add words to a yes too."""

    kind: AnswerKind
    reason: str | None = None
    menu_date: date | None = None
    menu_meal: Meal | None = None
    dish_id: int | None = None  # the catalogue dish to serve (default: the one suggested)


@dataclass(frozen=True, slots=True)
class MenuWarning:
    day: date
    kind: MenuWarningKind
    meal: Meal | None = None


@dataclass(frozen=True, slots=True)
class MenuWeek:
    """The planner's week: every day, every meal, the choices in order, and warnings."""

    monday: date
    days: tuple[tuple[date, tuple[tuple[Meal, tuple[DishOnMenu, ...]], ...]], ...]
    warnings: tuple[MenuWarning, ...]

    @classmethod
    def from_days(cls, plans: list[DayPlan]) -> MenuWeek:
        """The menus of seven days read for "This week" (activities left out)."""
        days = tuple((plan.day, plan.meals) for plan in plans)
        return cls(monday=plans[0].day, days=days, warnings=menu_warnings(days))

    def choices(self, day: date, meal: Meal) -> tuple[DishOnMenu, ...]:
        for each_day, meals in self.days:
            if each_day == day:
                return dict(meals).get(meal, ())
        return ()


def menu_warnings(
    days: tuple[tuple[date, tuple[tuple[Meal, tuple[DishOnMenu, ...]], ...]], ...],
) -> tuple[MenuWarning, ...]:
    """Days with dishes but no vegetarian choice (breakfast aside), or nothing soft."""
    warnings: list[MenuWarning] = []
    for day, meals in days:
        dishes = [dish for _, choices in meals for dish in choices]
        if not dishes:
            continue
        main_meals = [
            dish for meal, choices in meals if meal is not Meal.BREAKFAST for dish in choices
        ]
        if main_meals and not any(
            DietaryTag.VEGETARIAN in dish.dietary or DietaryTag.VEGAN in dish.dietary
            for dish in main_meals
        ):
            warnings.append(MenuWarning(day, MenuWarningKind.NO_VEGETARIAN))
        if not any(dish.soft for dish in dishes):
            warnings.append(MenuWarning(day, MenuWarningKind.NO_SOFT))
    return tuple(warnings)


# -- "Fish pie is already suggested" ----------------------------------------------------


def match_key(text: str) -> str:
    """Text folded for comparing names: case, accents and spacing do not matter."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join("".join(c if c.isalnum() else " " for c in kept).split())


def similarity(typed: str, existing: str) -> float:
    """How alike two dish names are, 0 to 1: a word in common or a close spelling counts."""
    a, b = match_key(typed), match_key(existing)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(a) >= 3 and (b.startswith(a) or a in b.split()):
        return 0.9
    if len(b) >= 3 and f" {b} " in f" {a} ":  # "fish pie please" and "Fish pie"
        return 0.85
    words_a, words_b = set(a.split()), set(b.split())
    shared = {w for w in words_a & words_b if len(w) >= 3}
    word_score = len(shared) / max(len(words_a), len(words_b)) if shared else 0.0
    return max(word_score, SequenceMatcher(None, a, b).ratio())


SIMILAR_ENOUGH = 0.75


def similar_titles(typed: str, titles: list[tuple[int, str]], limit: int = 3) -> list[int]:
    """The ids of the titles most like ``typed`` (best first), alike enough to offer."""
    scored = [(similarity(typed, title), key) for key, title in titles]
    scored = [(score, key) for score, key in scored if score >= SIMILAR_ENOUGH]
    scored.sort(key=lambda pair: -pair[0])
    return [key for _, key in scored[:limit]]


def week_of(monday: date) -> list[date]:
    return [monday + timedelta(days=offset) for offset in range(7)]


# -- What people type and pick, checked ------------------------------------------------


def clean_title(title: str | None, *, dish_name: str | None = None) -> str:
    """A suggestion's title: one line, a letter at least, spaces folded.

    An empty title takes the name of the dish picked from the pictures, if there is one.
    """
    typed = clean_text(title, field="title", max_length=SUGGESTION_TITLE_MAX, required=False)
    if typed is None and dish_name is not None:
        return dish_name
    return clean_name(typed, field="title", max_length=SUGGESTION_TITLE_MAX)


def clean_draft_title(title: str | None) -> str:
    """A draft's title, kept as far as it was typed ("" when nothing yet)."""
    typed = clean_text(title, field="title", max_length=SUGGESTION_TITLE_MAX, required=False)
    return " ".join(typed.split()) if typed else ""


def clean_reason(reason: str | None) -> str | None:
    """The resident's "why", in their words: optional, several lines allowed."""
    return clean_text(reason, field="reason", max_length=REASON_MAX, required=False, multiline=True)


def check_picture_key(key: str | None) -> str | None:
    """A pictogram key such as ``"fried-egg"``, or None; never free text."""
    if key is None or key == "":
        return None
    if len(key) > PICTURE_KEY_MAX or not all(
        c.isascii() and (c.isalnum() or c in "-_") for c in key
    ):
        raise ValidationError(
            "picture", N_("That picture is not one we know. Please choose another.")
        )
    return key


def check_client_token(token: str | None) -> str | None:
    """The screen's one-off token for a suggestion (so a double tap sends it once)."""
    if token is None:
        return None
    if not token or len(token) > CLIENT_TOKEN_MAX or not token.isascii() or not token.isprintable():
        raise ValueError("a client token is 1 to 64 printable ASCII characters")
    return token


def is_empty_draft(new: NewMealSuggestion) -> bool:
    """Nothing typed or picked yet, beyond the meal it is for: no draft worth keeping."""
    return (
        not (new.title or "").strip()
        and not (new.reason or "").strip()
        and new.dish_id is None
        and not new.picture
        and not new.dietary
    )


def answer_words(answer: Answer) -> str:
    """The words stored with an answer ("" for a plain yes); refuses a missing reason or day."""
    reason = clean_text(
        answer.reason, field="reason", max_length=ANSWER_MAX, required=False, multiline=True
    )
    if answer.kind is AnswerKind.ON_MENU:
        if answer.menu_date is None or answer.menu_meal is None:
            raise ValidationError("menu_date", N_("Please choose the day and the meal."))
        return reason or ""
    if reason is None:
        raise ValidationError("reason", N_("Please say why, in plain words."))
    return reason


def check_iddsi_level(level: int) -> int:
    if level not in IddsiLevel.values():
        raise ValidationError(
            "iddsi_level", N_("Please choose a texture level from 3 to 7 (IDDSI).")
        )
    return level


def clean_dish_details(details: DishDetails) -> DishDetails:
    """The kitchen's dish details, checked and tidied for storage."""
    return DishDetails(
        name=clean_name(details.name, field="name", max_length=DISH_NAME_MAX),
        course=Course(details.course),
        picture=check_picture_key(details.picture),
        dietary=frozenset(DietaryTag(tag) for tag in details.dietary),
        allergens=frozenset(Allergen(allergen) for allergen in details.allergens),
        iddsi_level=check_iddsi_level(details.iddsi_level),
        description=clean_text(
            details.description,
            field="description",
            max_length=DISH_DESCRIPTION_MAX,
            required=False,
            multiline=True,
        ),
    )
