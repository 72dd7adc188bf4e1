"""Reading the week: activities and menus, day by day, in the home's own time zone."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.enums import Allergen, DietaryTag, Meal, SlotSource, SlotStatus
from kiosk.domain.week import ActivityOnDay, DayPlan, DishOnMenu
from kiosk.storage import models

TIMEZONE_SETTING = "timezone"
DEFAULT_TIMEZONE = "Europe/London"


class WeekService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def home_zone(self) -> ZoneInfo:
        with self._sessions() as session:
            return _zone(session)

    def today(self, now: datetime | None = None) -> date:
        """The home's date now (a kiosk in London on 1 a.m. UTC is still on the same day)."""
        moment = now or datetime.now(UTC)
        return moment.astimezone(self.home_zone()).date()

    def day(self, day: date) -> DayPlan:
        return self.days(day, day)[0]

    def days(self, first: date, last: date) -> list[DayPlan]:
        """Every day from ``first`` to ``last`` inclusive, with activities and menus."""
        with self._sessions() as session:
            zone = _zone(session)
            activities = _activities(session, zone, first, last)
            meals = _meals(session, first, last)
        plans = []
        day = first
        while day <= last:
            plans.append(
                DayPlan(
                    day=day,
                    activities=tuple(activities.get(day, ())),
                    meals=tuple((meal, tuple(meals.get((day, meal), ()))) for meal in Meal),
                )
            )
            day += timedelta(days=1)
        return plans


def home_zone_in(session: Session) -> ZoneInfo:
    """The home's time zone, read in the caller's session (other services use this)."""
    return _zone(session)


def _zone(session: Session) -> ZoneInfo:
    row = session.get(models.Setting, TIMEZONE_SETTING)
    try:
        return ZoneInfo(row.value if row is not None else DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _activities(
    session: Session, zone: ZoneInfo, first: date, last: date
) -> dict[date, list[ActivityOnDay]]:
    start = datetime.combine(first, time.min, tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
    rows = session.execute(
        select(models.ScheduleSlot, models.Activity)
        .join(models.Activity, models.Activity.id == models.ScheduleSlot.activity_id)
        .where(models.ScheduleSlot.starts_at >= start, models.ScheduleSlot.starts_at < end)
        .order_by(models.ScheduleSlot.starts_at, models.ScheduleSlot.id)
    ).all()
    by_day: dict[date, list[ActivityOnDay]] = defaultdict(list)
    for slot, activity in rows:
        starts = slot.starts_at.astimezone(zone)
        by_day[starts.date()].append(
            ActivityOnDay(
                slot_id=slot.id,
                title=activity.title,
                picture=activity.picture,
                starts_at=starts,
                ends_at=slot.ends_at.astimezone(zone),
                place=slot.place or activity.default_place,
                led_by=slot.led_by,
                cancelled=slot.status == SlotStatus.CANCELLED.value,
                cancel_reason=slot.cancel_reason,
                from_residents=slot.source in (SlotSource.POLL.value, SlotSource.PROPOSAL.value),
            )
        )
    return by_day


def _meals(session: Session, first: date, last: date) -> dict[tuple[date, Meal], list[DishOnMenu]]:
    entries = session.execute(
        select(models.MenuEntry, models.Dish)
        .join(models.Dish, models.Dish.id == models.MenuEntry.dish_id)
        .where(models.MenuEntry.menu_date >= first, models.MenuEntry.menu_date <= last)
        .order_by(models.MenuEntry.menu_date, models.MenuEntry.meal, models.MenuEntry.position)
    ).all()
    dish_ids = {dish.id for _, dish in entries}
    allergens: dict[int, set[Allergen]] = defaultdict(set)
    dietary: dict[int, set[DietaryTag]] = defaultdict(set)
    if dish_ids:
        for dish_id, allergen in session.execute(
            select(models.DishAllergen.dish_id, models.DishAllergen.allergen).where(
                models.DishAllergen.dish_id.in_(dish_ids)
            )
        ):
            allergens[dish_id].add(Allergen(allergen))
        for dish_id, tag in session.execute(
            select(models.DishDietaryTag.dish_id, models.DishDietaryTag.tag).where(
                models.DishDietaryTag.dish_id.in_(dish_ids)
            )
        ):
            dietary[dish_id].add(DietaryTag(tag))
    menu: dict[tuple[date, Meal], list[DishOnMenu]] = defaultdict(list)
    for entry, dish in entries:
        menu[(entry.menu_date, Meal(entry.meal))].append(
            DishOnMenu(
                dish_id=dish.id,
                name=dish.name,
                picture=dish.picture,
                dietary=frozenset(dietary[dish.id]),
                allergens=frozenset(allergens[dish.id]),
                iddsi_level=dish.iddsi_level,
            )
        )
    return menu
