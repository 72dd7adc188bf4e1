"""The ground the generated home is planned on: the rates, and what every step shares.

:class:`Planner` holds the state the steps build up as they go (staff, residents and who
was here on each day, dishes, activities, the slots and menus that suggestions and polls
asked for, the audit events waiting to be written) and the helpers they all use. The steps
themselves are :mod:`kiosk.storage.generated` (people, food, records),
:mod:`kiosk.storage.generated_trail` (suggestions, polls, the programme and menus) and
:mod:`kiosk.storage.generated_care_plans`.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import count, islice
from typing import Any

from sqlalchemy import Connection, insert

from kiosk.domain.enums import (
    ActorKind,
    CarePlanAccess,
    Course,
    DietaryTag,
    Meal,
    MealSlot,
    SlotSource,
    StaffRole,
)
from kiosk.storage.demo import HOME_ZONE
from kiosk.storage.models import Base

# How much happens per resident-year (one resident living here for a year).
BALLOTS_PER_RESIDENT_YEAR = 100
SUGGESTIONS_PER_RESIDENT_YEAR = 20
FEEDBACK_PER_RESIDENT_YEAR = 50
AUDIT_EVENTS_PER_RESIDENT_YEAR = 500
TALK_REQUESTS_PER_RESIDENT_YEAR = 1.0

YEAR_DAYS = 365.25
_PLANNED_AHEAD = timedelta(days=13)  # menus and the programme: this week and next
_CHUNK = 5_000  # rows per executemany

Row = dict[str, Any]


class Writer:
    """Bulk inserts in chunks, counting the rows written."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.counts: Counter[str] = Counter()

    def put(self, model: type[Base], rows: Iterable[Row]) -> None:
        statement = insert(model)
        found = iter(rows)
        while chunk := list(islice(found, _CHUNK)):
            self._connection.execute(statement, chunk)
            self.counts[model.__tablename__] += len(chunk)


def at(day: date, clock: time) -> datetime:
    """``clock`` on ``day`` in the home, as an aware UTC moment."""
    return datetime.combine(day, clock, tzinfo=HOME_ZONE).astimezone(UTC)


def local_day(moment: datetime) -> date:
    return moment.astimezone(HOME_ZONE).date()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, found, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        found += 1
        product *= rng.random()
    return found


def dish_row(dish_id: int, name: str, course: Course, picture: str, added: datetime) -> Row:
    """A dish the kitchen adds: the demo's dishes, and those residents asked for."""
    return {
        "id": dish_id,
        "name": name,
        "description": None,
        "course": course.value,
        "picture": picture,
        "iddsi_level": 7,
        "created_at": added,
        "updated_at": added,
    }


@dataclass
class Person:
    """A resident as the planner knows them."""

    id: int
    name: str
    moved_in: date
    left: date | None  # the day they moved out; None while they live here
    keen: float  # how much they join in (0: never): weighs who suggests, votes, comes along
    kin: str
    plan_access: CarePlanAccess
    diet: DietaryTag | None  # said with every meal they suggest

    def here_on(self, day: date) -> bool:
        """Here all day: not the day they moved in, nor the day they left."""
        return self.moved_in < day and (self.left is None or day < self.left)


@dataclass(frozen=True)
class PlannedSlot:
    """A slot planned because of a suggestion or a poll."""

    activity: str
    day: date
    hours: tuple[time, time]
    source: SlotSource
    proposal_id: int | None = None
    poll_id: int | None = None
    place: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class MenuLink:
    proposal_id: int
    day: date
    meal: Meal
    dish_id: int
    planned_at: datetime


AuditTuple = tuple[
    datetime, ActorKind, int | None, int | None, str, str | None, int | None, str | None
]


class Planner:
    """What every step of planning the home shares: the writer and the random numbers,
    the days and who was here on each, and what earlier steps leave for later ones."""

    def __init__(
        self, writer: Writer, rng: random.Random, *, beds: int, first: date, last: date
    ) -> None:
        self.writer = writer
        self.rng = rng
        self.beds = beds
        self.first = first
        self.last = last
        self.now = at(last, time(12, 0))
        self.horizon = last + _PLANNED_AHEAD
        self.days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        self.ids: defaultdict[str, Iterator[int]] = defaultdict(lambda: count(1))
        self.staff: dict[StaffRole, list[int]] = defaultdict(list)
        self.staff_names: dict[int, str] = {}
        self.residents: list[Person] = []
        self.present: list[list[Person]] = []
        self.dishes: dict[str, int] = {}
        self.dish_slots: list[tuple[int, str, str, MealSlot]] = []  # id, name, picture, slot
        self.activities: dict[str, int] = {}
        self.activity_pictures: dict[str, str] = {}
        self.planned_slots: list[PlannedSlot] = []
        self.poll_weekdays: dict[int, int] = {}
        self.talks_owed = 0.5  # requests to talk not yet given to anyone, as a fraction
        self.menu_links: list[MenuLink] = []
        self.menu_taken: set[tuple[date, Meal, int]] = set()
        self.audit: defaultdict[date, list[AuditTuple]] = defaultdict(list)

    @property
    def resident_years(self) -> float:
        return sum(len(present) for present in self.present) / YEAR_DAYS

    # -- helpers -------------------------------------------------------------------------

    def _id(self, table: str) -> int:
        return next(self.ids[table])

    def _one_of(self, role: StaffRole) -> int:
        return self.rng.choice(self.staff[role])

    def _chance(self, share: float) -> bool:
        return self.rng.random() < share

    def _moment(self, day: date, earliest: int = 9, latest: int = 19) -> datetime:
        return at(day, time(self.rng.randint(earliest, latest), self.rng.randrange(60)))

    def _keen_sample(self, people: Sequence[Person], wanted: int) -> list[Person]:
        """``wanted`` of ``people``, the keener more likely (Efraimidis and Spirakis)."""
        willing = [person for person in people if person.keen > 0]
        if wanted >= len(willing):
            return willing
        rng = self.rng
        return heapq.nlargest(wanted, willing, key=lambda p: rng.random() ** (1 / p.keen))

    def _present_on(self, day: date) -> list[Person]:
        index = (min(day, self.last) - self.first).days
        return self.present[index] if index >= 0 else []

    def _note(
        self,
        moment: datetime,
        action: str,
        *,
        staff: int | None = None,
        resident: int | None = None,
        record: tuple[str, int] | None = None,
        detail: str | None = None,
    ) -> None:
        """An audit event tied to a record, written with the day's everyday events."""
        if moment > self.now:
            return
        kind = ActorKind.RESIDENT if resident else ActorKind.STAFF if staff else ActorKind.SYSTEM
        record_type, record_id = record if record else (None, None)
        self.audit[local_day(moment)].append(
            (moment, kind, staff, resident, action, record_type, record_id, detail)
        )
