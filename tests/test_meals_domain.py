"""Pure meal rules: alike titles, menu warnings, overdue answers, and what people type."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.domain.enums import Course, DietaryTag, Meal, MealSlot, ProposalStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.meals import (
    UNANSWERED_AFTER,
    Answer,
    AnswerKind,
    DishDetails,
    MealSuggestion,
    MenuWarning,
    MenuWarningKind,
    NewMealSuggestion,
    answer_words,
    check_picture_key,
    clean_dish_details,
    clean_draft_title,
    clean_title,
    is_empty_draft,
    match_key,
    menu_warnings,
    similar_titles,
    similarity,
)
from kiosk.domain.week import DishOnMenu

MONDAY = date(2026, 11, 16)
SENT = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


def _dish(dish_id: int, *, veg: bool = False, level: int = 7) -> DishOnMenu:
    return DishOnMenu(
        dish_id=dish_id,
        name=f"Dish {dish_id}",
        picture=None,
        dietary=frozenset({DietaryTag.VEGETARIAN}) if veg else frozenset(),
        allergens=frozenset(),
        iddsi_level=level,
    )


def _suggestion(status: ProposalStatus = ProposalStatus.OPEN) -> MealSuggestion:
    return MealSuggestion(
        id=1,
        resident_id=1,
        resident_name="Ann",
        title="Fish pie",
        meal_slot=MealSlot.LUNCH,
        dish_id=None,
        picture=None,
        reason=None,
        dietary=frozenset(),
        status=status,
        submitted_at=SENT,
        supporters=0,
    )


# -- "Fish pie is already suggested" ----------------------------------------------------


def test_match_key_ignores_case_accents_and_spacing() -> None:
    assert match_key("  Fish   PIE ") == match_key("fish pie") == "fish pie"
    assert match_key("Żurek") == match_key("zurek")
    assert match_key("Shepherd's pie") == "shepherd s pie"


@pytest.mark.parametrize(
    ("typed", "existing"),
    [
        ("fish", "Fish pie"),
        ("Fish pie", "fish  pie"),
        ("pie", "Fish pie"),
        ("fish pie please", "Fish pie"),
        ("Zurek", "Żurek soup on a Saturday"),
        ("Fish pei", "Fish pie"),  # a slip of the finger
    ],
)
def test_alike_titles_are_offered(typed: str, existing: str) -> None:
    assert similar_titles(typed, [(7, existing)]) == [7]


@pytest.mark.parametrize(
    ("typed", "existing"),
    [
        ("fish", "Trifle"),
        ("", "Fish pie"),
        ("pi", "Fish pie"),  # too short to mean anything
        ("Roast chicken dinner", "Fish pie"),
    ],
)
def test_unlike_titles_are_not_offered(typed: str, existing: str) -> None:
    assert similar_titles(typed, [(7, existing)]) == []


def test_similar_titles_best_first_and_at_most_three() -> None:
    titles = [
        (1, "Fish pie with peas"),
        (2, "Fish pie"),
        (3, "Trifle"),
        (4, "Fish pies"),
        (5, "Fish pie and chips"),
        (6, "fish pie"),
    ]
    found = similar_titles("Fish pie", titles)
    assert len(found) == 3
    assert set(found[:2]) == {2, 6}  # the exact matches lead
    assert 3 not in found
    assert similarity("Fish pie", "fish pie") == 1.0


# -- menu warnings ----------------------------------------------------------------------


def test_a_day_without_a_vegetarian_or_soft_choice_is_warned() -> None:
    tuesday = MONDAY + timedelta(days=1)
    days = (
        (MONDAY, ((Meal.LUNCH, (_dish(1), _dish(2, veg=True, level=6))),)),  # fine
        (tuesday, ((Meal.LUNCH, (_dish(1), _dish(3))),)),  # meat only, nothing soft
        (MONDAY + timedelta(days=2), ()),  # nothing planned: nothing to warn about
    )
    assert menu_warnings(days) == (
        MenuWarning(tuesday, MenuWarningKind.NO_VEGETARIAN),
        MenuWarning(tuesday, MenuWarningKind.NO_SOFT),
    )


def test_a_vegetarian_breakfast_does_not_cover_lunch() -> None:
    days = (
        (
            MONDAY,
            (
                (Meal.BREAKFAST, (_dish(1, veg=True, level=6),)),
                (Meal.LUNCH, (_dish(2),)),
            ),
        ),
    )
    assert menu_warnings(days) == (MenuWarning(MONDAY, MenuWarningKind.NO_VEGETARIAN),)


# -- overdue ----------------------------------------------------------------------------


def test_an_open_suggestion_is_overdue_after_fourteen_days() -> None:
    open_one = _suggestion()
    assert not open_one.overdue(SENT + UNANSWERED_AFTER)
    assert open_one.overdue(SENT + UNANSWERED_AFTER + timedelta(minutes=1))
    assert timedelta(days=14) == UNANSWERED_AFTER
    assert not _suggestion(ProposalStatus.NOT_NOW).overdue(SENT + timedelta(days=60))


# -- what people type -------------------------------------------------------------------


def test_a_title_is_folded_and_needs_a_letter() -> None:
    assert clean_title("  Fish     pie ") == "Fish pie"
    assert clean_title("", dish_name="Fish pie") == "Fish pie"
    assert clean_title("My mum's pie", dish_name="Fish pie") == "My mum's pie"
    with pytest.raises(ValidationError, match="at least one letter"):
        clean_title("🙂 123")
    with pytest.raises(ValidationError, match="Please write something here first"):
        clean_title("   ")
    with pytest.raises(ValidationError, match="Please keep it under 120"):
        clean_title("a" * 10_000)


def test_a_draft_title_may_be_empty() -> None:
    assert clean_draft_title(None) == ""
    assert clean_draft_title("  ") == ""
    assert clean_draft_title(" Sardines   on ") == "Sardines on"


def test_answers_need_a_day_or_a_reason() -> None:
    monday_lunch = Answer(AnswerKind.ON_MENU, menu_date=MONDAY, menu_meal=Meal.LUNCH)
    assert answer_words(monday_lunch) == ""
    with pytest.raises(ValidationError, match="choose the day and the meal"):
        answer_words(Answer(AnswerKind.ON_MENU, menu_date=MONDAY))
    for kind in (AnswerKind.NOT_NOW, AnswerKind.NO):
        with pytest.raises(ValidationError, match=r"Please say why, in plain words\."):
            answer_words(Answer(kind, reason="  \n "))
        assert answer_words(Answer(kind, reason=" No kidney. \n Sorry ")) == "No kidney. \n Sorry"
    with pytest.raises(ValidationError, match="Please keep it under 1000"):
        answer_words(Answer(AnswerKind.NO, reason="x" * 10_000))


def test_picture_keys_are_keys_not_words() -> None:
    assert check_picture_key("fried-egg") == "fried-egg"
    assert check_picture_key("") is None
    assert check_picture_key(None) is None
    for bad in ("<b>", "fish pie", "x" * 65, "ਦਾਲ"):
        with pytest.raises(ValidationError):
            check_picture_key(bad)


def test_an_empty_draft_is_only_the_meal_slot() -> None:
    assert is_empty_draft(NewMealSuggestion(MealSlot.TEA, "  "))
    assert not is_empty_draft(NewMealSuggestion(MealSlot.TEA, "", picture="fish"))
    assert not is_empty_draft(NewMealSuggestion(MealSlot.TEA, "", reason="why"))
    assert not is_empty_draft(NewMealSuggestion(MealSlot.TEA, "", dish_id=3))
    assert not is_empty_draft(
        NewMealSuggestion(MealSlot.TEA, "", dietary=frozenset({DietaryTag.HALAL}))
    )


def test_dish_details_are_checked() -> None:
    clean = clean_dish_details(DishDetails("  Fish   pie ", Course.MAIN, description="  "))
    assert (clean.name, clean.description, clean.iddsi_level) == ("Fish pie", None, 7)
    with pytest.raises(ValidationError, match="texture level"):
        clean_dish_details(DishDetails("Fish pie", Course.MAIN, iddsi_level=8))
    with pytest.raises(ValidationError, match="Please keep it under 120"):
        clean_dish_details(DishDetails("x" * 10_000, Course.MAIN))
