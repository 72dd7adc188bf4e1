"""A whole care home over months or years, made up, for benchmarks and load tests.

:func:`generate_home` fills an empty demo database with a believable home, "Alder House":
staff; residents moving in and out; dishes and menus; suggestions with the staff's answers
and what was done about them; polls and ballots; a weekly programme with who came and
the faces they gave; care plans with versions, reviews and requests to talk; daily
backups; and the audit trail. How much of each follows the rates per resident-year
(``BALLOTS_PER_RESIDENT_YEAR`` and the rest; a resident-year is one resident living here
for a year), taken from issue #10's five-year home of 200 residents.

The story: the home began using Our Say on the first day of the range, so every record
is dated from then on; residents who lived here before keep their real moving-in dates.
"Now" is midday on ``end``; menus and the programme are planned up to two weeks ahead.

The same arguments always give the same rows (``random.Random(seed)``); only PIN hashes,
which are salted, differ. Everything is written with SQLAlchemy Core ``executemany`` in
one transaction, so a generated home is either all there or not there at all. Like the
demo home it goes only into a demo database, and only into an empty one.

This module plans the people, the food and the records about the records, and runs every
step in order. The rest is in :mod:`kiosk.storage.generated_trail` (suggestions, polls,
the programme and menus) and :mod:`kiosk.storage.generated_care_plans`, on the shared
ground of :mod:`kiosk.storage.generated_planner` (the rates, and what every step uses);
the words and tables they draw from are in :mod:`kiosk.storage.generated_content`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from itertools import count
from operator import itemgetter
from time import perf_counter

from sqlalchemy import Connection, func, select

from kiosk.domain.enums import (
    ActorKind,
    CarePlanAccess,
    ContrastTheme,
    DatabaseKind,
    StaffRole,
)
from kiosk.domain.pins import hash_pin
from kiosk.domain.text import N_
from kiosk.storage import demo_content
from kiosk.storage import generated_content as content
from kiosk.storage.backup import backup_name
from kiosk.storage.database import Database
from kiosk.storage.demo import SEEDED_MARKER, NotADemoDatabase
from kiosk.storage.errors import DatabaseError
from kiosk.storage.generated_care_plans import CarePlanSteps
from kiosk.storage.generated_planner import (
    AUDIT_EVENTS_PER_RESIDENT_YEAR,
    BALLOTS_PER_RESIDENT_YEAR,
    FEEDBACK_PER_RESIDENT_YEAR,
    SUGGESTIONS_PER_RESIDENT_YEAR,
    YEAR_DAYS,
    AuditTuple,
    Person,
    Row,
    Writer,
    at,
    dish_row,
    poisson,
)
from kiosk.storage.generated_planner import (
    TALK_REQUESTS_PER_RESIDENT_YEAR as TALK_REQUESTS_PER_RESIDENT_YEAR,  # not in __all__
)
from kiosk.storage.generated_trail import TrailSteps
from kiosk.storage.models import (
    Activity,
    AuditEvent,
    BackupRecord,
    Dish,
    DishAllergen,
    DishDietaryTag,
    Resident,
    SchemaMeta,
    Setting,
    Staff,
)

# The rates per resident-year are the planner's, and importable from here too.
__all__ = [
    "AUDIT_EVENTS_PER_RESIDENT_YEAR",
    "BALLOTS_PER_RESIDENT_YEAR",
    "FEEDBACK_PER_RESIDENT_YEAR",
    "GENERATED_MARKER",
    "SUGGESTIONS_PER_RESIDENT_YEAR",
    "GeneratedSummary",
    "HomeNotEmpty",
    "generate_home",
]

GENERATED_MARKER = "generated_home"

_MEAN_STAY_DAYS = 900  # about two and a half years
_OWN_LANGUAGE_SHARE = 0.65  # Welsh, Polish and Punjabi speakers who chose their language


class HomeNotEmpty(DatabaseError):
    """A home is generated only into a database that holds none yet."""

    def __init__(self, location: str) -> None:
        super().__init__(
            N_("The database {location} already holds a home. The generated home was not added."),
            location=location,
        )


@dataclass(frozen=True)
class GeneratedSummary:
    beds: int  # residents living here at any one time (a few beds stand empty between)
    first_day: date
    last_day: date
    resident_years: float  # the days everyone lived here within the range, in years
    seconds: float  # how long generating took
    counts: Mapping[str, int]  # rows written, by table

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def per_resident_year(self, table: str) -> float:
        return self.counts.get(table, 0) / self.resident_years


def generate_home(
    database: Database, *, residents: int, years: float, end: date, seed: int = 1
) -> GeneratedSummary:
    """Fill an empty demo database with ``years`` of a home of ``residents`` beds, ending on
    ``end``. Refuses a live database, and one that already holds a home."""
    if residents < 1 or years <= 0:
        raise ValueError("a generated home needs at least one resident and some time")
    if database.kind != DatabaseKind.DEMO:
        raise NotADemoDatabase(database.location)
    started = perf_counter()
    first = end - timedelta(days=max(1, round(years * YEAR_DAYS)) - 1)
    with database.engine.begin() as connection:
        _refuse_unless_empty_demo(connection, database.location)
        writer = Writer(connection)
        home = _Home(writer, random.Random(seed), beds=residents, first=first, last=end)
        home.build()
        writer.put(
            SchemaMeta,
            [
                {
                    "name": GENERATED_MARKER,
                    "value": f"{residents} residents, {years:g} years to {end}, seed {seed}",
                },
                # A home is here now: the demo home is never seeded on top of it.
                {"name": SEEDED_MARKER, "value": home.now.isoformat()},
            ],
        )
    return GeneratedSummary(
        beds=residents,
        first_day=first,
        last_day=end,
        resident_years=home.resident_years,
        seconds=perf_counter() - started,
        counts=dict(writer.counts),
    )


def _refuse_unless_empty_demo(connection: Connection, location: str) -> None:
    meta = dict(connection.execute(select(SchemaMeta.name, SchemaMeta.value)).all())
    if meta.get("kind") != DatabaseKind.DEMO.value:
        raise NotADemoDatabase(location)
    people = sum(
        connection.execute(select(func.count()).select_from(model)).scalar_one()
        for model in (Staff, Resident)
    )
    if people or GENERATED_MARKER in meta or SEEDED_MARKER in meta:
        raise HomeNotEmpty(location)


class _Home(TrailSteps, CarePlanSteps):
    """Plans the home day by day and writes it table by table, parents first."""

    def build(self) -> None:
        self._staff_and_settings()
        self._residents()
        self._food_and_activities()
        self._suggestions()
        self._polls()
        self._programme()
        self._menus()
        self._care_plans()
        self._backups_and_exports()
        self.writer.put(AuditEvent, self._audit_rows())

    # -- people --------------------------------------------------------------------------

    def _staff_and_settings(self) -> None:
        joined = at(self.first - timedelta(days=900), time(9, 0))
        people = [(member.name, member.role, member.pin) for member in demo_content.STAFF]
        for number in range(self.beds // 8):
            name = content.STAFF_NAMES[number % len(content.STAFF_NAMES)]
            if number >= len(content.STAFF_NAMES):
                name = f"{name} {number // len(content.STAFF_NAMES) + 1}"
            role = content.EXTRA_STAFF_ROLES[number % len(content.EXTRA_STAFF_ROLES)]
            people.append((name, role, f"{(2713 + 7919 * number) % 10000:04d}"))
        rows = []
        for name, role, pin in people:
            staff_id = self._id("staff")
            self.staff[role].append(staff_id)
            self.staff_names[staff_id] = name
            rows.append(
                {
                    "id": staff_id,
                    "name": name,
                    "role": role.value,
                    "pin_hash": hash_pin(pin),
                    "created_at": joined,
                    "updated_at": joined,
                }
            )
        self.writer.put(Staff, rows)
        manager = self.staff[StaffRole.MANAGER][0]
        settings = {
            "home_name": content.HOME_NAME,
            "timezone": demo_content.HOME_TIMEZONE,
            "idle_timeout_seconds": str(demo_content.IDLE_TIMEOUT_SECONDS),
        }
        self.writer.put(
            Setting,
            (
                {"name": name, "value": value, "updated_at": joined, "updated_by_staff_id": manager}
                for name, value in settings.items()
            ),
        )

    def _stays(self) -> list[tuple[date, int, date | None]]:
        """Who lived in each room, as (moved in, room, moved out or None), in moving order.

        Each room has someone from before the range; when they leave, it stands empty for
        one to five weeks before the next person moves in."""
        stays = []
        for room in range(1, self.beds + 1):
            moved_in = self.first - timedelta(days=self.rng.randint(20, 1500))
            while moved_in <= self.last:
                stay = 30 + int(self.rng.expovariate(1 / _MEAN_STAY_DAYS))
                left = moved_in + timedelta(days=stay)
                if left > self.first:
                    stays.append((moved_in, room, left if left <= self.last else None))
                moved_in = left + timedelta(days=self.rng.randint(7, 35))
        return sorted(stays, key=lambda stay: (stay[0], stay[1]))

    def _residents(self) -> None:
        pin_hashes = {pin: hash_pin(pin) for pin in content.RESIDENT_PINS}
        rows = []
        for moved_in, room, left in self._stays():
            resident, row = self._resident(moved_in, room, left, pin_hashes)
            self.residents.append(resident)
            rows.append(row)
            if moved_in >= self.first:
                self._note(
                    row["created_at"],
                    "resident.add",
                    staff=self._one_of(StaffRole.MANAGER),
                    record=("resident", resident.id),
                )
            if row["archived_at"] is not None:
                self._note(
                    row["archived_at"],
                    "resident.archive",
                    staff=self._one_of(StaffRole.MANAGER),
                    record=("resident", resident.id),
                )
        self.writer.put(Resident, rows)
        self.present = [[r for r in self.residents if r.here_on(day)] for day in self.days]

    def _resident(
        self, moved_in: date, room: int, left: date | None, pin_hashes: Mapping[str, str]
    ) -> tuple[Person, Row]:
        rng = self.rng
        group = rng.choices(
            tuple(content.NAME_GROUP_WEIGHTS), tuple(content.NAME_GROUP_WEIGHTS.values())
        )[0]
        woman = self._chance(0.7)
        women, men, women_surnames, men_surnames = content.NAMES[group]
        first_name = rng.choice((women if woman else men).split())
        surname = rng.choice((women_surnames if woman else men_surnames).split())
        title = "Mrs" if woman else "Mr"
        access = rng.choices(
            (CarePlanAccess.STAFF, CarePlanAccess.PIN, CarePlanAccess.OPEN), (70, 20, 10)
        )[0]
        resident_id = self._id("resident")
        resident = Person(
            id=resident_id,
            name=f"{title} {surname}" if self._chance(0.12) else first_name,
            moved_in=moved_in,
            left=left,
            # One in twelve never joins in (too frail, or not wanting to); the rest vary.
            keen=0.0 if resident_id % 12 == 0 else rng.uniform(0.3, 1.7),
            kin=rng.choice(content.KIN),
            plan_access=access,
            diet=rng.choice(content.DIETS[group]) if resident_id % 6 == 1 else None,
        )
        own_language = group != "en_GB" and self._chance(_OWN_LANGUAGE_SHARE)
        arrived = at(moved_in, time(11, 0))
        archived = at(left, time(11, 0)) if left else None
        pin = rng.choice(content.RESIDENT_PINS) if access is CarePlanAccess.PIN else None
        return resident, {
            "id": resident.id,
            "preferred_name": resident.name,
            "full_name": f"{first_name} {surname}",
            "room": str(room),
            "language": group if own_language else "en_GB",
            "text_scale": rng.choices((100, 125, 150, 200), (5, 2, 2, 1))[0],
            "contrast": (ContrastTheme.HIGH if self._chance(0.1) else ContrastTheme.STANDARD).value,
            "speech_rate": rng.randrange(110, 155, 5),
            "talking_buttons": self._chance(0.2),
            "care_plan_access": access.value,
            "pin_hash": pin_hashes[pin] if pin else None,
            "support_notes": rng.choice(content.SUPPORT_NOTES) if self._chance(0.3) else None,
            "active": archived is None,
            "archived_at": archived,
            "created_at": arrived,
            "updated_at": archived or arrived,
        }

    # -- food and activities ---------------------------------------------------------------

    def _food_and_activities(self) -> None:
        added = at(self.first - timedelta(days=30), time(10, 0))
        rows = []
        for dish in demo_content.DISHES:
            dish_id = self._id("dish")
            self.dishes[dish.name] = dish_id
            self.dish_slots.append(
                (dish_id, dish.name, dish.picture, content.SLOT_FOR_COURSE[dish.course])
            )
            rows.append(dish_row(dish_id, dish.name, dish.course, dish.picture, added))
            rows[-1].update(description=dish.description, iddsi_level=dish.iddsi.value)
        self.writer.put(Dish, rows)
        self.writer.put(
            DishAllergen,
            (
                {"dish_id": self.dishes[dish.name], "allergen": allergen.value}
                for dish in demo_content.DISHES
                for allergen in dish.allergens
            ),
        )
        self.writer.put(
            DishDietaryTag,
            (
                {"dish_id": self.dishes[dish.name], "tag": tag.value}
                for dish in demo_content.DISHES
                for tag in dish.tags
            ),
        )
        activities = []
        for activity in demo_content.ACTIVITIES:
            activity_id = self._id("activity")
            self.activities[activity.title] = activity_id
            self.activity_pictures[activity.title] = activity.picture
            activities.append(
                {
                    "id": activity_id,
                    "title": activity.title,
                    "description": activity.description,
                    "picture": activity.picture,
                    "default_place": activity.default_place,
                    "created_at": added,
                    "updated_at": added,
                }
            )
        self.writer.put(Activity, activities)

    # -- records about the records -------------------------------------------------------

    def _backups_and_exports(self) -> None:
        """A checked backup every night, and the manager's CSV export once a month."""
        rows = []
        manager = self.staff[StaffRole.MANAGER][0]
        for number, day in enumerate(self.days[1:], start=1):
            started = at(day, time(2, 30))
            backup_id = self._id("backup_record")
            destination = f"/var/lib/our-say/backups/{backup_name(day)}"
            rows.append(
                {
                    "id": backup_id,
                    "started_at": started,
                    "finished_at": started + timedelta(seconds=self.rng.randint(4, 40)),
                    "destination": destination,
                    "byte_size": 400_000 + number * self.beds * 3_000,
                    "ok": True,
                    "message": None,
                }
            )
            self._note(started, "backup", record=("backup", backup_id), detail=destination)
            if day.day == 1:
                self._note(at(day, time(10, 0)), "export.csv", staff=manager, detail="14 CSV files")
        self.writer.put(BackupRecord, rows)

    def _audit_rows(self) -> Iterator[Row]:
        """Every day's events in time order: those tied to records above, and enough
        everyday ones (sign-ins, care plans looked at) to reach the rate per resident-year."""
        ids = count(1)
        rate = AUDIT_EVENTS_PER_RESIDENT_YEAR / YEAR_DAYS
        names = tuple(content.EVERYDAY)
        weights = tuple(content.EVERYDAY.values())
        for day, present in zip(self.days, self.present, strict=True):
            events = self.audit.pop(day, [])
            wanted = poisson(self.rng, len(present) * rate) - len(events)
            if present:
                events += [
                    self._everyday(day, present, action)
                    for action in self.rng.choices(names, weights, k=max(0, wanted))
                ]
            events.sort(key=itemgetter(0))
            for moment, kind, staff, resident, action, record_type, record_id, detail in events:
                if moment <= self.now:
                    yield {
                        "id": next(ids),
                        "occurred_at": moment,
                        "actor_kind": kind.value,
                        "actor_staff_id": staff,
                        "actor_resident_id": resident,
                        "action": action,
                        "record_type": record_type,
                        "record_id": record_id,
                        "detail": detail,
                    }

    def _everyday(self, day: date, present: list[Person], action: str) -> AuditTuple:
        rng = self.rng
        moment = self._moment(day, 7, 20)
        person = rng.choice(present)
        if action == "staff.sign_in":
            role = rng.choices(tuple(StaffRole), (1, 2, 2, 6))[0]
            staff = self._one_of(role)
            return (moment, ActorKind.STAFF, staff, None, action, "staff", staff, None)
        if action == "pin.failed":
            return (moment, ActorKind.SYSTEM, None, None, action, "resident", person.id, None)
        if action in ("care_plan.view.own", "care_plan.unlock"):
            return (
                moment,
                ActorKind.RESIDENT,
                None,
                person.id,
                "care_plan.view" if action == "care_plan.view.own" else action,
                "resident",
                person.id,
                None,
            )
        staff = self._one_of(rng.choice((StaffRole.CARER, StaffRole.MANAGER)))
        return (moment, ActorKind.STAFF, staff, None, action, "resident", person.id, None)
