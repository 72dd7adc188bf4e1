"""What is on, day by day: the shape "This week" is drawn from. Pure week maths too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.domain.enums import Allergen, DietaryTag, Meal


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def days_of_week(monday: date) -> list[date]:
    return [monday + timedelta(days=offset) for offset in range(7)]


@dataclass(frozen=True, slots=True)
class ActivityOnDay:
    slot_id: int
    title: str
    picture: str | None
    starts_at: datetime  # in the home's time zone
    ends_at: datetime
    place: str | None
    led_by: str | None
    cancelled: bool
    cancel_reason: str | None
    from_residents: bool  # it came from a poll or a resident's suggestion


@dataclass(frozen=True, slots=True)
class DishOnMenu:
    dish_id: int
    name: str
    picture: str | None
    dietary: frozenset[DietaryTag]
    allergens: frozenset[Allergen]
    iddsi_level: int

    @property
    def soft(self) -> bool:
        return self.iddsi_level <= 6


@dataclass(frozen=True, slots=True)
class DayPlan:
    day: date
    activities: tuple[ActivityOnDay, ...]
    meals: tuple[tuple[Meal, tuple[DishOnMenu, ...]], ...]  # in the order of the day

    @property
    def is_empty(self) -> bool:
        return not self.activities and not any(dishes for _, dishes in self.meals)
