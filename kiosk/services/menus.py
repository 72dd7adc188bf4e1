"""The kitchen's dishes and the weekly menu planner.

Anyone may read the catalogue (residents pick meal ideas from its pictures). Changing
dishes or menus needs the right to plan meals, checked before the database is touched.
A dish that was ever used (on a menu, in a suggestion) is archived, never deleted, so no
menu loses a dish; an archived dish stays where it is but is not newly planned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import Allergen, Course, DietaryTag, Meal
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.meals import (
    CHOICES_PER_MEAL_MAX,
    Dish,
    DishDetails,
    MenuWeek,
    RemovedHow,
    clean_dish_details,
    match_key,
    menu_warnings,
    week_of,
)
from kiosk.domain.photos import check_photo
from kiosk.domain.text import N_
from kiosk.domain.week import DishOnMenu
from kiosk.services.audit import record
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

_COURSE_ORDER = {course: number for number, course in enumerate(Course)}


class MenusService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    # -- the catalogue (anyone may read it) --------------------------------------------

    def catalogue(
        self, course: Course | None = None, *, include_archived: bool = False
    ) -> list[Dish]:
        """Dishes by course, then by name; archived ones only when asked for."""
        query = select(models.Dish)
        if course is not None:
            query = query.where(models.Dish.course == Course(course).value)
        if not include_archived:
            query = query.where(models.Dish.archived_at.is_(None))
        with self._sessions() as session:
            dishes = _to_dishes(session, session.scalars(query).all())
        return sorted(dishes, key=lambda d: (_COURSE_ORDER[d.course], d.name.casefold(), d.id))

    def dish(self, dish_id: int) -> Dish:
        with self._sessions() as session:
            return _to_dishes(session, [_load_dish(session, dish_id)])[0]

    def dish_photo(self, dish_id: int) -> bytes | None:
        """The dish's photo as stored, or None."""
        with self._sessions() as session:
            data = session.scalar(
                select(models.Photo.data)
                .join(models.Dish, models.Dish.photo_id == models.Photo.id)
                .where(models.Dish.id == dish_id)
            )
        return bytes(data) if data is not None else None

    # -- changing dishes ---------------------------------------------------------------

    def add_dish(self, actor: Actor, details: DishDetails) -> Dish:
        actor.require(Capability.PLAN_MEALS)
        clean = clean_dish_details(details)
        with session_scope(self._sessions) as session:
            _refuse_same_name(session, clean.name, other_than=None)
            now = self._now()
            row = models.Dish(name=clean.name, course=clean.course.value, created_at=now)
            _apply(row, clean, now)
            session.add(row)
            session.flush()
            _replace_labels(session, row.id, clean)
            record(session, actor, "dish.add", record_type="dish", record_id=row.id)
            return _to_dishes(session, [row])[0]

    def update_dish(self, actor: Actor, dish_id: int, details: DishDetails) -> Dish:
        actor.require(Capability.PLAN_MEALS)
        clean = clean_dish_details(details)
        with session_scope(self._sessions) as session:
            row = _load_dish(session, dish_id)
            if row.archived_at is None:
                _refuse_same_name(session, clean.name, other_than=row.id)
            before = _to_dishes(session, [row])[0]
            _apply(row, clean, self._now())
            session.flush()
            _replace_labels(session, row.id, clean)
            after = _to_dishes(session, [row])[0]
            if after != before:
                record(session, actor, "dish.edit", record_type="dish", record_id=row.id)
            return after

    def set_dish_photo(self, actor: Actor, dish_id: int, data: bytes) -> Dish:
        """Keep a real photo of the dish; it replaces any old one."""
        actor.require(Capability.PLAN_MEALS)
        mime_type = check_photo(data)
        with session_scope(self._sessions) as session:
            row = _load_dish(session, dish_id)
            old_photo_id = row.photo_id
            photo = models.Photo(mime_type=mime_type, byte_size=len(data), data=data)
            session.add(photo)
            session.flush()
            row.photo_id = photo.id
            row.updated_at = self._now()
            session.flush()
            _drop_if_unused(session, old_photo_id)
            record(
                session, actor, "dish.edit", record_type="dish", record_id=row.id, detail="photo"
            )
            return _to_dishes(session, [row])[0]

    def remove_dish_photo(self, actor: Actor, dish_id: int) -> Dish:
        """Take the photo away; the dish's pictogram shows instead."""
        actor.require(Capability.PLAN_MEALS)
        with session_scope(self._sessions) as session:
            row = _load_dish(session, dish_id)
            old_photo_id = row.photo_id
            if old_photo_id is not None:
                row.photo_id = None
                row.updated_at = self._now()
                session.flush()
                _drop_if_unused(session, old_photo_id)
                record(
                    session,
                    actor,
                    "dish.edit",
                    record_type="dish",
                    record_id=row.id,
                    detail="photo removed",
                )
            return _to_dishes(session, [row])[0]

    def archive_dish(self, actor: Actor, dish_id: int) -> Dish:
        """Offer the dish no more; the menus it is already on keep it."""
        actor.require(Capability.PLAN_MEALS)
        with session_scope(self._sessions) as session:
            row = _load_dish(session, dish_id)
            self._archive(session, actor, row)
            return _to_dishes(session, [row])[0]

    def remove_dish(self, actor: Actor, dish_id: int) -> RemovedHow:
        """Delete a dish never used; archive one on a menu or in a suggestion."""
        actor.require(Capability.PLAN_MEALS)
        with session_scope(self._sessions) as session:
            row = _load_dish(session, dish_id)
            if _dish_used(session, dish_id):
                self._archive(session, actor, row)
                return RemovedHow.ARCHIVED
            photo_id, name = row.photo_id, row.name
            session.delete(row)  # its allergens and tags go with it (ON DELETE CASCADE)
            session.flush()
            _drop_if_unused(session, photo_id)
            record(
                session, actor, "dish.delete", record_type="dish", record_id=dish_id, detail=name
            )
            return RemovedHow.DELETED

    def _archive(self, session: Session, actor: Actor, row: models.Dish) -> None:
        if row.archived_at is not None:
            return
        now = self._now()
        row.archived_at = now
        row.updated_at = now
        session.flush()
        record(session, actor, "dish.archive", record_type="dish", record_id=row.id)

    # -- the week's menus --------------------------------------------------------------

    def week(self, monday: date) -> MenuWeek:
        """Seven days from ``monday``: every meal's choices in order, and any warnings."""
        _require_monday(monday)
        with self._sessions() as session:
            return _menu_week(session, monday)

    def set_choices(self, actor: Actor, day: date, meal: Meal, dish_ids: Sequence[int]) -> MenuWeek:
        """The choices at one meal become ``dish_ids``, in that order."""
        actor.require(Capability.PLAN_MEALS)
        meal = Meal(meal)
        wanted = list(dish_ids)
        _check_choices(wanted)
        with session_scope(self._sessions) as session:
            current = _entries(session, day, meal)
            _check_dishes(session, wanted, already={entry.dish_id for entry in current})
            if [entry.dish_id for entry in current] != wanted:
                _rewrite_meal(session, actor, day, meal, current, wanted)
                record(
                    session,
                    actor,
                    "menu.edit",
                    record_type="menu",
                    detail=f"{day.isoformat()} {meal.value}: {len(wanted)} choices",
                )
            return _menu_week(session, _monday_of(day))

    def copy_week(self, actor: Actor, from_monday: date, to_monday: date) -> int:
        """Copy each meal's choices into the target week's meals that are still empty.

        What is already planned is never overwritten; archived dishes are left out.
        Returns how many menu entries were made.
        """
        actor.require(Capability.PLAN_MEALS)
        _require_monday(from_monday)
        _require_monday(to_monday)
        if from_monday == to_monday:
            raise ValidationError("to_monday", N_("Please choose a different week to copy to."))
        with session_scope(self._sessions) as session:
            made = _copy_into_empty_meals(session, actor, from_monday, to_monday)
            session.flush()
            record(
                session,
                actor,
                "menu.copy",
                record_type="menu",
                detail=f"{from_monday.isoformat()} to {to_monday.isoformat()}: {made} entries",
            )
            return made


# ---------------------------------------------------------------------------------------
# Dishes


def _load_dish(session: Session, dish_id: int) -> models.Dish:
    row = session.get(models.Dish, dish_id)
    if row is None:
        raise NotFoundError(N_("We could not find that dish."))
    return row


def _refuse_same_name(session: Session, name: str, *, other_than: int | None) -> None:
    """Two dishes on offer with the same name would confuse everyone."""
    key = match_key(name)
    for dish_id, existing in session.execute(
        select(models.Dish.id, models.Dish.name).where(models.Dish.archived_at.is_(None))
    ):
        if dish_id != other_than and match_key(existing) == key:
            raise ValidationError(
                "name", N_("There is already a dish called {name}."), name=existing
            )


def _apply(row: models.Dish, details: DishDetails, now: datetime) -> None:
    row.name = details.name
    row.course = details.course.value
    row.picture = details.picture
    row.iddsi_level = details.iddsi_level
    row.description = details.description
    row.updated_at = now


def _replace_labels(session: Session, dish_id: int, details: DishDetails) -> None:
    """The dish's allergens and dietary tags become exactly those in ``details``."""
    allergens = {
        row.allergen: row
        for row in session.scalars(
            select(models.DishAllergen).where(models.DishAllergen.dish_id == dish_id)
        )
    }
    tags = {
        row.tag: row
        for row in session.scalars(
            select(models.DishDietaryTag).where(models.DishDietaryTag.dish_id == dish_id)
        )
    }
    wanted_allergens = {allergen.value for allergen in details.allergens}
    wanted_tags = {tag.value for tag in details.dietary}
    for name, allergen_row in allergens.items():
        if name not in wanted_allergens:
            session.delete(allergen_row)
    for name, tag_row in tags.items():
        if name not in wanted_tags:
            session.delete(tag_row)
    session.add_all(
        models.DishAllergen(dish_id=dish_id, allergen=name)
        for name in sorted(wanted_allergens - set(allergens))
    )
    session.add_all(
        models.DishDietaryTag(dish_id=dish_id, tag=name) for name in sorted(wanted_tags - set(tags))
    )
    session.flush()


def _dish_used(session: Session, dish_id: int) -> bool:
    on_menu = session.scalar(
        select(models.MenuEntry.id).where(models.MenuEntry.dish_id == dish_id).limit(1)
    )
    suggested = session.scalar(
        select(models.Proposal.id).where(models.Proposal.dish_id == dish_id).limit(1)
    )
    return on_menu is not None or suggested is not None


def _drop_if_unused(session: Session, photo_id: int | None) -> None:
    """Delete a photo nothing points at any more, so old photos do not fill the database."""
    if photo_id is None:
        return
    for table in models.Base.metadata.sorted_tables:
        column = table.c.get("photo_id")
        if column is None:
            continue
        if session.scalar(select(column).where(column == photo_id).limit(1)) is not None:
            return
    photo = session.get(models.Photo, photo_id)
    if photo is not None:
        session.delete(photo)


def _labels(
    session: Session, dish_ids: Iterable[int]
) -> tuple[dict[int, set[Allergen]], dict[int, set[DietaryTag]]]:
    ids = set(dish_ids)
    allergens: dict[int, set[Allergen]] = defaultdict(set)
    dietary: dict[int, set[DietaryTag]] = defaultdict(set)
    if not ids:
        return allergens, dietary
    for dish_id, allergen in session.execute(
        select(models.DishAllergen.dish_id, models.DishAllergen.allergen).where(
            models.DishAllergen.dish_id.in_(ids)
        )
    ):
        allergens[dish_id].add(Allergen(allergen))
    for dish_id, tag in session.execute(
        select(models.DishDietaryTag.dish_id, models.DishDietaryTag.tag).where(
            models.DishDietaryTag.dish_id.in_(ids)
        )
    ):
        dietary[dish_id].add(DietaryTag(tag))
    return allergens, dietary


def _to_dishes(session: Session, rows: Sequence[models.Dish]) -> list[Dish]:
    allergens, dietary = _labels(session, (row.id for row in rows))
    return [
        Dish(
            id=row.id,
            name=row.name,
            course=Course(row.course),
            picture=row.picture,
            has_photo=row.photo_id is not None,
            dietary=frozenset(dietary.get(row.id, ())),
            allergens=frozenset(allergens.get(row.id, ())),
            iddsi_level=row.iddsi_level,
            description=row.description,
            archived=row.archived_at is not None,
        )
        for row in rows
    ]


# ---------------------------------------------------------------------------------------
# Menus


def _monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _require_monday(monday: date) -> None:
    if monday.weekday() != 0:
        raise ValidationError("monday", N_("Please choose a Monday: a week starts on a Monday."))


def _check_choices(dish_ids: list[int]) -> None:
    if len(dish_ids) > CHOICES_PER_MEAL_MAX:
        raise ValidationError(
            "dishes",
            N_("Please offer no more than {limit} choices at one meal."),
            limit=CHOICES_PER_MEAL_MAX,
        )
    if len(set(dish_ids)) != len(dish_ids):
        raise ValidationError("dishes", N_("A dish is on this meal twice. Please take one off."))


def _check_dishes(session: Session, dish_ids: list[int], *, already: set[int]) -> None:
    """Every dish exists; an archived one only if it is already on this meal."""
    rows = {
        row.id: row
        for row in session.scalars(select(models.Dish).where(models.Dish.id.in_(dish_ids)))
    }
    for dish_id in dish_ids:
        row = rows.get(dish_id)
        if row is None:
            raise NotFoundError(N_("We could not find that dish."))
        if row.archived_at is not None and dish_id not in already:
            raise ValidationError(
                "dishes",
                N_("{name} is no longer made here, so it cannot go on a menu."),
                name=row.name,
            )


def _entries_query(day: date, meal: Meal) -> Select[tuple[models.MenuEntry]]:
    return (
        select(models.MenuEntry)
        .where(models.MenuEntry.menu_date == day, models.MenuEntry.meal == meal.value)
        .order_by(models.MenuEntry.position, models.MenuEntry.id)
    )


def _entries(session: Session, day: date, meal: Meal) -> list[models.MenuEntry]:
    return list(session.scalars(_entries_query(day, meal)).all())


def _rewrite_meal(
    session: Session,
    actor: Actor,
    day: date,
    meal: Meal,
    current: list[models.MenuEntry],
    wanted: list[int],
) -> None:
    """Keep the entries (and their suggestion links) for dishes that stay; renumber them.

    SQLite checks UNIQUE(menu_date, meal, position) row by row, so the entries that stay
    first move to positions beyond any in use, then to their places.
    """
    by_dish = {entry.dish_id: entry for entry in current}
    for entry in current:
        if entry.dish_id not in wanted:
            if entry.proposal_id is not None:
                raise ValidationError(
                    "dishes",
                    N_(
                        "One of these dishes is on the menu because a resident asked for it. "
                        "Please answer their suggestion again first, with the new day."
                    ),
                )
            session.delete(entry)
    session.flush()
    out_of_the_way = max([len(wanted), *(entry.position for entry in current)]) + 1
    kept = [by_dish[dish_id] for dish_id in wanted if dish_id in by_dish]
    for number, entry in enumerate(kept):
        entry.position = out_of_the_way + number
    session.flush()
    for position, dish_id in enumerate(wanted, start=1):
        entry = by_dish.get(dish_id)
        if entry is not None:
            entry.position = position
    session.flush()
    session.add_all(
        models.MenuEntry(
            menu_date=day,
            meal=meal.value,
            position=position,
            dish_id=dish_id,
            created_by_staff_id=actor.staff_id,
        )
        for position, dish_id in enumerate(wanted, start=1)
        if dish_id not in by_dish
    )
    session.flush()


def _copy_into_empty_meals(
    session: Session, actor: Actor, from_monday: date, to_monday: date
) -> int:
    """Each meal of the target week with nothing planned takes the source's live dishes."""
    archived = set(
        session.scalars(select(models.Dish.id).where(models.Dish.archived_at.is_not(None))).all()
    )
    source = _planned(session, from_monday)
    target = _planned(session, to_monday)
    made = 0
    for source_day, target_day in zip(week_of(from_monday), week_of(to_monday), strict=True):
        for meal in Meal:
            if target.get((target_day, meal)):
                continue  # already planned: never overwritten
            dishes = [d for d in source.get((source_day, meal), []) if d not in archived]
            session.add_all(
                models.MenuEntry(
                    menu_date=target_day,
                    meal=meal.value,
                    position=position,
                    dish_id=dish_id,
                    created_by_staff_id=actor.staff_id,
                )
                for position, dish_id in enumerate(dishes, start=1)
            )
            made += len(dishes)
    return made


def _planned(session: Session, monday: date) -> dict[tuple[date, Meal], list[int]]:
    """The dish ids at each meal of the week, in order."""
    planned: dict[tuple[date, Meal], list[int]] = defaultdict(list)
    for day, meal, dish_id in session.execute(
        select(models.MenuEntry.menu_date, models.MenuEntry.meal, models.MenuEntry.dish_id)
        .where(
            models.MenuEntry.menu_date >= monday,
            models.MenuEntry.menu_date <= monday + timedelta(days=6),
        )
        .order_by(models.MenuEntry.menu_date, models.MenuEntry.meal, models.MenuEntry.position)
    ):
        planned[(day, Meal(meal))].append(dish_id)
    return planned


def _menu_week(session: Session, monday: date) -> MenuWeek:
    planned = _planned(session, monday)
    dish_ids = {dish_id for ids in planned.values() for dish_id in ids}
    rows = session.scalars(select(models.Dish).where(models.Dish.id.in_(dish_ids))).all()
    dishes = {dish.id: dish.on_menu() for dish in _to_dishes(session, rows)}
    days = tuple(
        (
            day,
            tuple((meal, tuple(_on_menu(dishes, planned.get((day, meal), [])))) for meal in Meal),
        )
        for day in week_of(monday)
    )
    return MenuWeek(monday=monday, days=days, warnings=menu_warnings(days))


def _on_menu(dishes: dict[int, DishOnMenu], dish_ids: list[int]) -> list[DishOnMenu]:
    return [dishes[dish_id] for dish_id in dish_ids]
