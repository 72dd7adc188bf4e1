"""The kitchen's dishes and the weekly menu planner, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.enums import Allergen, Course, DietaryTag, Meal, MealSlot, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.meals import (
    Answer,
    AnswerKind,
    DishDetails,
    MenuWarning,
    MenuWarningKind,
    NewMealSuggestion,
    RemovedHow,
)
from kiosk.domain.residents import NewResident
from kiosk.services.menus import MenusService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.services.suggestions import SuggestionsService
from kiosk.storage import models
from kiosk.storage.database import Database
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)
MONDAY = date(2026, 11, 16)
NEXT_MONDAY = MONDAY + timedelta(days=7)
TUESDAY = MONDAY + timedelta(days=1)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
STAFF_PINS = {StaffRole.CARER: "5555", StaffRole.KITCHEN: "6666", StaffRole.COORDINATOR: "7777"}
HOSTILE_NAMES = ["<b>Bold</b> & pie", "Mum's </para> stew", "Cake 🎂", "ਦਾਲ", "Żurek", "حمص"]
VEG = frozenset({DietaryTag.VEGETARIAN})


@dataclass(frozen=True)
class Kitchen:
    database: Database
    menus: MenusService
    staff: dict[StaffRole, Actor]
    resident: Actor
    chef: Actor
    stew: int  # meat, regular texture
    pie: int  # fish, soft (level 6)
    macaroni: int  # vegetarian, regular texture


@pytest.fixture
def kitchen(database: Database, manager: Actor) -> Kitchen:
    staff_service = StaffService(database.sessions)
    staff = {StaffRole.MANAGER: manager}
    for role, pin in STAFF_PINS.items():
        member = staff_service.add(manager, f"{role.value.title()} Jones", role, pin)
        staff[role] = Actor.staff(member.id, role)
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    resident = Actor.resident(residents.add(manager, NewResident("Ann")).id)
    menus = MenusService(database.sessions, now=lambda: NOW)
    chef = staff[StaffRole.KITCHEN]
    stew = menus.add_dish(chef, DishDetails("Beef stew", Course.MAIN, "stew"))
    pie = menus.add_dish(
        chef,
        DishDetails(
            "Fish pie",
            Course.MAIN,
            "fish",
            allergens=frozenset({Allergen.FISH, Allergen.MILK}),
            iddsi_level=6,
        ),
    )
    macaroni = menus.add_dish(chef, DishDetails("Macaroni cheese", Course.MAIN, dietary=VEG))
    return Kitchen(database, menus, staff, resident, chef, stew.id, pie.id, macaroni.id)


def _count(database: Database, model: type[models.Base], *where: object) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _actions(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(
            session.scalars(select(models.AuditEvent.action).order_by(models.AuditEvent.id)).all()
        )


def _entry_rows(database: Database, day: date, meal: Meal) -> list[tuple[int, int, int | None]]:
    """(entry id, dish, proposal) at that meal, in order."""
    with database.sessions() as session:
        return [
            (row.id, row.dish_id, row.proposal_id)
            for row in session.scalars(
                select(models.MenuEntry)
                .where(models.MenuEntry.menu_date == day, models.MenuEntry.meal == meal.value)
                .order_by(models.MenuEntry.position)
            )
        ]


def _names(k: Kitchen, day: date, meal: Meal, monday: date = MONDAY) -> list[str]:
    return [dish.name for dish in k.menus.week(monday).choices(day, meal)]


# ---------------------------------------------------------------------------------------
# Dishes


def test_a_dish_is_stored_as_given(kitchen: Kitchen) -> None:
    pie = kitchen.menus.dish(kitchen.pie)
    assert (pie.name, pie.course, pie.picture, pie.iddsi_level) == (
        "Fish pie",
        Course.MAIN,
        "fish",
        6,
    )
    assert pie.allergens == {Allergen.FISH, Allergen.MILK} and pie.soft
    assert not pie.archived and not pie.has_photo
    assert kitchen.menus.dish(kitchen.macaroni).dietary == VEG
    with pytest.raises(NotFoundError):
        kitchen.menus.dish(999)
    assert _actions(kitchen.database).count("dish.add") == 3


def test_the_catalogue_by_course_and_without_archived_dishes(kitchen: Kitchen) -> None:
    crumble = kitchen.menus.add_dish(kitchen.chef, DishDetails("Apple crumble", Course.PUDDING))
    kitchen.menus.archive_dish(kitchen.chef, kitchen.stew)
    names = [dish.name for dish in kitchen.menus.catalogue()]
    assert names == ["Fish pie", "Macaroni cheese", "Apple crumble"]  # mains before puddings
    assert [d.id for d in kitchen.menus.catalogue(Course.PUDDING)] == [crumble.id]
    everything = kitchen.menus.catalogue(include_archived=True)
    assert [d.name for d in everything if d.archived] == ["Beef stew"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_dish_names_are_kept_exactly(kitchen: Kitchen, name: str) -> None:
    added = kitchen.menus.add_dish(kitchen.chef, DishDetails(name, Course.MAIN, description=name))
    assert kitchen.menus.dish(added.id).name == name
    assert kitchen.menus.dish(added.id).description == name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "Please write something here first."),
        ("42", "A name needs at least one letter."),
        ("x" * 10_000, "This is too long: 10000 letters. Please keep it under 120."),
        ("  FISH   pie ", "There is already a dish called Fish pie."),
        ("fish-pie", "There is already a dish called Fish pie."),
    ],
)
def test_bad_or_twice_used_names_are_refused(kitchen: Kitchen, name: str, words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        kitchen.menus.add_dish(kitchen.chef, DishDetails(name, Course.MAIN))
    assert refused.value.text() == words
    assert _count(kitchen.database, models.Dish) == 3


def test_an_archived_dishs_name_may_be_used_again(kitchen: Kitchen) -> None:
    kitchen.menus.archive_dish(kitchen.chef, kitchen.pie)
    again = kitchen.menus.add_dish(kitchen.chef, DishDetails("Fish pie", Course.MAIN))
    assert again.id != kitchen.pie
    with pytest.raises(ValidationError, match="already a dish called"):
        kitchen.menus.update_dish(kitchen.chef, kitchen.stew, DishDetails("fish PIE", Course.MAIN))


def test_changing_a_dish_replaces_its_labels(kitchen: Kitchen) -> None:
    changed = kitchen.menus.update_dish(
        kitchen.chef,
        kitchen.pie,
        DishDetails(
            "Fish pie",
            Course.MAIN,
            "pie",
            allergens=frozenset({Allergen.FISH, Allergen.EGGS}),
            dietary=frozenset({DietaryTag.FORTIFIED}),
            iddsi_level=5,
        ),
    )
    assert changed.allergens == {Allergen.FISH, Allergen.EGGS}
    assert changed.dietary == {DietaryTag.FORTIFIED} and changed.iddsi_level == 5
    assert kitchen.menus.dish(kitchen.pie) == changed
    assert _count(kitchen.database, models.DishAllergen) == 2
    assert _actions(kitchen.database)[-1] == "dish.edit"
    with pytest.raises(ValidationError, match="texture level"):
        kitchen.menus.update_dish(
            kitchen.chef, kitchen.pie, DishDetails("Fish pie", Course.MAIN, iddsi_level=2)
        )


def test_a_dish_photo_is_kept_replaced_and_removed(kitchen: Kitchen) -> None:
    assert kitchen.menus.dish_photo(kitchen.pie) is None
    assert kitchen.menus.set_dish_photo(kitchen.chef, kitchen.pie, PNG).has_photo
    assert kitchen.menus.dish_photo(kitchen.pie) == PNG
    kitchen.menus.set_dish_photo(kitchen.chef, kitchen.pie, JPEG)
    assert kitchen.menus.dish_photo(kitchen.pie) == JPEG
    assert _count(kitchen.database, models.Photo) == 1  # the old photo went
    with pytest.raises(ValidationError, match="not a photo"):
        kitchen.menus.set_dish_photo(kitchen.chef, kitchen.pie, b"GIF89a not ours")
    assert not kitchen.menus.remove_dish_photo(kitchen.chef, kitchen.pie).has_photo
    assert kitchen.menus.dish_photo(kitchen.pie) is None
    assert _count(kitchen.database, models.Photo) == 0


def test_an_unused_dish_is_deleted(kitchen: Kitchen) -> None:
    kitchen.menus.set_dish_photo(kitchen.chef, kitchen.stew, PNG)
    assert kitchen.menus.remove_dish(kitchen.chef, kitchen.stew) is RemovedHow.DELETED
    with pytest.raises(NotFoundError):
        kitchen.menus.dish(kitchen.stew)
    assert _count(kitchen.database, models.Photo) == 0
    assert "dish.delete" in _actions(kitchen.database)


def test_a_dish_on_a_menu_is_archived_and_the_menu_still_reads(kitchen: Kitchen) -> None:
    kitchen.menus.set_choices(kitchen.chef, TUESDAY, Meal.LUNCH, [kitchen.stew, kitchen.pie])
    allergens = _count(kitchen.database, models.DishAllergen)
    assert kitchen.menus.remove_dish(kitchen.chef, kitchen.pie) is RemovedHow.ARCHIVED
    assert kitchen.menus.dish(kitchen.pie).archived
    assert _names(kitchen, TUESDAY, Meal.LUNCH) == ["Beef stew", "Fish pie"]
    assert _count(kitchen.database, models.DishAllergen) == allergens
    assert "dish.archive" in _actions(kitchen.database)

    # It stays where it is (and may move), but cannot be newly planned.
    kitchen.menus.set_choices(kitchen.chef, TUESDAY, Meal.LUNCH, [kitchen.pie, kitchen.stew])
    assert _names(kitchen, TUESDAY, Meal.LUNCH) == ["Fish pie", "Beef stew"]
    with pytest.raises(ValidationError, match="Fish pie is no longer made here"):
        kitchen.menus.set_choices(kitchen.chef, MONDAY, Meal.LUNCH, [kitchen.pie])


def test_a_dish_in_a_suggestion_is_archived(kitchen: Kitchen, database: Database) -> None:
    SuggestionsService(database.sessions).suggest_meal(
        kitchen.resident, NewMealSuggestion(MealSlot.LUNCH, "", dish_id=kitchen.macaroni)
    )
    assert kitchen.menus.remove_dish(kitchen.chef, kitchen.macaroni) is RemovedHow.ARCHIVED
    assert kitchen.menus.dish(kitchen.macaroni).archived


# ---------------------------------------------------------------------------------------
# The week's menus


def test_choices_are_kept_in_the_order_given(kitchen: Kitchen) -> None:
    k = kitchen
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.stew, k.pie, k.macaroni])
    before = {dish: entry for entry, dish, _ in _entry_rows(k.database, TUESDAY, Meal.LUNCH)}
    week = k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.macaroni, k.pie, k.stew])
    assert [d.name for d in week.choices(TUESDAY, Meal.LUNCH)] == [
        "Macaroni cheese",
        "Fish pie",
        "Beef stew",
    ]
    after = {dish: entry for entry, dish, _ in _entry_rows(k.database, TUESDAY, Meal.LUNCH)}
    assert after == before  # the same rows, moved

    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.pie])
    assert _names(k, TUESDAY, Meal.LUNCH) == ["Fish pie"]
    assert _entry_rows(k.database, TUESDAY, Meal.LUNCH)[0][0] == before[k.pie]
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [])
    assert _names(k, TUESDAY, Meal.LUNCH) == []
    assert _actions(k.database).count("menu.edit") == 4


def test_a_dish_from_a_suggestion_keeps_its_link_when_moved(
    kitchen: Kitchen, database: Database
) -> None:
    k = kitchen
    suggestions = SuggestionsService(database.sessions)
    idea = suggestions.suggest_meal(k.resident, NewMealSuggestion(MealSlot.LUNCH, "Fish pie"))
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.stew])
    suggestions.answer(
        k.chef,
        idea.id,
        Answer(AnswerKind.ON_MENU, menu_date=TUESDAY, menu_meal=Meal.LUNCH, dish_id=k.pie),
    )
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.pie, k.macaroni, k.stew])
    assert [(dish, link) for _, dish, link in _entry_rows(k.database, TUESDAY, Meal.LUNCH)] == [
        (k.pie, idea.id),
        (k.macaroni, None),
        (k.stew, None),
    ]
    with pytest.raises(ValidationError, match="because a resident asked for it"):
        k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.stew])
    assert len(_entry_rows(k.database, TUESDAY, Meal.LUNCH)) == 3


def test_choices_twice_too_many_or_unknown_are_refused(kitchen: Kitchen) -> None:
    k = kitchen
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.stew])
    with pytest.raises(ValidationError, match="on this meal twice"):
        k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.pie, k.pie])
    extra = [k.menus.add_dish(k.chef, DishDetails(f"Dish {n}", Course.MAIN)).id for n in range(4)]
    with pytest.raises(ValidationError, match="no more than 6 choices"):
        k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.stew, k.pie, k.macaroni, *extra])
    with pytest.raises(NotFoundError):
        k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.pie, 999])
    assert _names(k, TUESDAY, Meal.LUNCH) == ["Beef stew"]
    six = [k.stew, k.pie, *extra]
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, six)
    assert len(_names(k, TUESDAY, Meal.LUNCH)) == 6


def test_a_week_starts_on_a_monday(kitchen: Kitchen) -> None:
    week = kitchen.menus.week(MONDAY)
    assert [day for day, _ in week.days] == [MONDAY + timedelta(days=n) for n in range(7)]
    assert all([meal for meal, _ in meals] == list(Meal) for _, meals in week.days)
    with pytest.raises(ValidationError, match="Monday"):
        kitchen.menus.week(TUESDAY)
    with pytest.raises(ValidationError, match="Monday"):
        kitchen.menus.copy_week(kitchen.chef, MONDAY, NEXT_MONDAY + timedelta(days=2))


def test_the_week_warns_of_days_with_no_vegetarian_or_soft_choice(kitchen: Kitchen) -> None:
    k = kitchen
    wednesday = MONDAY + timedelta(days=2)
    k.menus.set_choices(k.chef, MONDAY, Meal.LUNCH, [k.stew, k.pie, k.macaroni])  # fine
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.stew, k.pie])  # no vegetarian
    k.menus.set_choices(k.chef, wednesday, Meal.LUNCH, [k.stew, k.macaroni])  # nothing soft
    assert k.menus.week(MONDAY).warnings == (
        MenuWarning(TUESDAY, MenuWarningKind.NO_VEGETARIAN),
        MenuWarning(wednesday, MenuWarningKind.NO_SOFT),
    )


def test_copying_a_week_fills_only_empty_meals(kitchen: Kitchen) -> None:
    k = kitchen
    k.menus.set_choices(k.chef, MONDAY, Meal.LUNCH, [k.stew, k.pie])
    k.menus.set_choices(k.chef, MONDAY, Meal.SUPPER, [k.macaroni, k.stew])
    k.menus.set_choices(k.chef, TUESDAY, Meal.LUNCH, [k.pie, k.macaroni])
    next_tuesday = NEXT_MONDAY + timedelta(days=1)
    k.menus.set_choices(k.chef, next_tuesday, Meal.LUNCH, [k.macaroni])  # already planned
    k.menus.archive_dish(k.chef, k.stew)

    made = k.menus.copy_week(k.chef, MONDAY, NEXT_MONDAY)
    assert made == 2  # Monday lunch (pie) and supper (macaroni); the stew is archived
    assert _names(k, NEXT_MONDAY, Meal.LUNCH, NEXT_MONDAY) == ["Fish pie"]
    assert _names(k, NEXT_MONDAY, Meal.SUPPER, NEXT_MONDAY) == ["Macaroni cheese"]
    assert _names(k, next_tuesday, Meal.LUNCH, NEXT_MONDAY) == ["Macaroni cheese"]
    assert _names(k, MONDAY, Meal.LUNCH) == ["Beef stew", "Fish pie"]  # the source is untouched
    assert _actions(k.database)[-1] == "menu.copy"

    assert k.menus.copy_week(k.chef, MONDAY, NEXT_MONDAY) == 0  # nothing empty is left to fill
    with pytest.raises(ValidationError):
        k.menus.copy_week(k.chef, MONDAY, MONDAY)


# ---------------------------------------------------------------------------------------
# Rights: the kitchen and the manager plan meals; nobody else changes anything


def _writes(k: Kitchen) -> dict[str, Callable[[Actor], object]]:
    new = DishDetails("Trifle", Course.PUDDING)
    softer = DishDetails("Fish pie", Course.MAIN, "fish", iddsi_level=5)
    return {
        "add_dish": lambda who: k.menus.add_dish(who, new),
        "update_dish": lambda who: k.menus.update_dish(who, k.pie, softer),
        "set_dish_photo": lambda who: k.menus.set_dish_photo(who, k.pie, PNG),
        "remove_dish_photo": lambda who: k.menus.remove_dish_photo(who, k.pie),
        "archive_dish": lambda who: k.menus.archive_dish(who, k.macaroni),
        "remove_dish": lambda who: k.menus.remove_dish(who, k.stew),
        "set_choices": lambda who: k.menus.set_choices(who, MONDAY, Meal.LUNCH, [k.pie]),
        "copy_week": lambda who: k.menus.copy_week(who, MONDAY, NEXT_MONDAY),
    }


@pytest.mark.parametrize("who", ["coordinator", "carer", "resident"])
@pytest.mark.parametrize(
    "method",
    [
        "add_dish",
        "update_dish",
        "set_dish_photo",
        "remove_dish_photo",
        "archive_dish",
        "remove_dish",
        "set_choices",
        "copy_week",
    ],
)
def test_only_the_kitchen_and_manager_change_dishes_and_menus(
    kitchen: Kitchen, who: str, method: str
) -> None:
    k = kitchen
    k.menus.set_choices(k.chef, MONDAY, Meal.LUNCH, [k.stew])
    actor = {
        "coordinator": k.staff[StaffRole.COORDINATOR],
        "carer": k.staff[StaffRole.CARER],
        "resident": k.resident,
    }[who]
    before = (
        k.menus.catalogue(include_archived=True),
        k.menus.week(NEXT_MONDAY),
        k.menus.week(MONDAY),
    )
    events = len(_actions(k.database))
    with pytest.raises(NotAllowedError):
        _writes(k)[method](actor)
    after = (
        k.menus.catalogue(include_archived=True),
        k.menus.week(NEXT_MONDAY),
        k.menus.week(MONDAY),
    )
    assert after == before
    assert len(_actions(k.database)) == events


@pytest.mark.parametrize("role", [StaffRole.KITCHEN, StaffRole.MANAGER])
def test_the_kitchen_and_manager_may(kitchen: Kitchen, role: StaffRole) -> None:
    k = kitchen
    k.menus.set_choices(k.chef, MONDAY, Meal.LUNCH, [k.stew])
    for write in _writes(k).values():
        write(k.staff[role])
    assert _names(k, MONDAY, Meal.LUNCH) == _names(k, NEXT_MONDAY, Meal.LUNCH, NEXT_MONDAY)
    assert _names(k, MONDAY, Meal.LUNCH) == ["Fish pie"]
    assert k.menus.dish(k.pie).iddsi_level == 5 and k.menus.dish(k.pie).has_photo is False
    assert k.menus.dish(k.stew).archived and k.menus.dish(k.macaroni).archived
