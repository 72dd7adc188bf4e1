"""Reading care plans: who may, what they see, and that every view is audited (privacy)."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.care_plans import AgreedRisk, CarePlanView, DailyRoutine, PlanGoal
from kiosk.domain.enums import CarePlanSection, GoalStatus, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError
from kiosk.domain.pins import verify_pin
from kiosk.domain.residents import NewResident
from kiosk.services.care_plans import CarePlanService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, session_scope, sqlite_url
from kiosk.storage.demo import DEMO_RESIDENT_PINS, DEMO_STAFF_PINS
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

VIEW = "care_plan.view"
STAFF_PINS = {StaffRole.CARER: "5555", StaffRole.KITCHEN: "6666", StaffRole.COORDINATOR: "7777"}
SCRYPT_HASH = re.compile(r"^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$")


# ---------------------------------------------------------------------------------------
# Set-up: a new home with two residents, three more staff, and plans written as rows


@pytest.fixture
def plans(database: Database) -> CarePlanService:
    return CarePlanService(database.sessions)


@pytest.fixture
def ada(database: Database, manager: Actor) -> int:
    return _add_resident(database, manager, "Ada")


@pytest.fixture
def bert(database: Database, manager: Actor) -> int:
    return _add_resident(database, manager, "Bert")


@pytest.fixture
def staff(database: Database, manager: Actor) -> dict[StaffRole, Actor]:
    """Signed-in staff of every role (the manager is the home's first one)."""
    service = StaffService(database.sessions)
    actors = {StaffRole.MANAGER: manager}
    for role, pin in STAFF_PINS.items():
        member = service.add(manager, f"{role.value.title()} Jones", role, pin)
        actors[role] = Actor.staff(member.id, role)
    return actors


def _add_resident(database: Database, manager: Actor, name: str) -> int:
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    return residents.add(manager, NewResident(name)).id


def _write_version(
    database: Database,
    resident_id: int,
    version_number: int,
    sections: dict[CarePlanSection, str],
    *,
    supported_by: str | None = None,
    next_review_on: date | None = None,
) -> int:
    """One version of the resident's plan (the plan itself is made on first use)."""
    with session_scope(database.sessions) as session:
        plan_id = session.scalar(
            select(models.CarePlan.id).where(models.CarePlan.resident_id == resident_id)
        )
        if plan_id is None:
            plan = models.CarePlan(resident_id=resident_id)
            session.add(plan)
            session.flush()
            plan_id = plan.id
        version = models.CarePlanVersion(
            care_plan_id=plan_id,
            version_number=version_number,
            supported_by=supported_by,
            resident_took_part=True,
            next_review_on=next_review_on,
        )
        session.add(version)
        session.flush()
        session.add_all(
            models.CarePlanSectionText(version_id=version.id, section=section.value, body=body)
            for section, body in sections.items()
        )
        return version.id


def _audited_views(database: Database) -> list[tuple[str, int | None, int | None, str, int]]:
    """Every care-plan view: (actor_kind, actor_staff_id, actor_resident_id, type, id)."""
    with database.sessions() as session:
        rows = session.scalars(
            select(models.AuditEvent)
            .where(models.AuditEvent.action == VIEW)
            .order_by(models.AuditEvent.id)
        ).all()
        for row in rows:
            assert row.detail is None  # never any of the plan's words
        return [
            (
                row.actor_kind,
                row.actor_staff_id,
                row.actor_resident_id,
                row.record_type or "",
                row.record_id or 0,
            )
            for row in rows
        ]


# ---------------------------------------------------------------------------------------
# What a reader sees


def test_resident_past_their_check_reads_their_own_plan(
    database: Database, plans: CarePlanService, ada: int
) -> None:
    version_id = _write_version(
        database,
        ada,
        1,
        {
            CarePlanSection.SUPPORT: "Please knock and wait.",
            CarePlanSection.WHAT_MATTERS: "My garden and my cat, Smudge.",
            CarePlanSection.WELLNESS: "",
        },
        supported_by="Written with Ada, her niece Jo helping",
        next_review_on=date(2027, 2, 1),
    )
    with session_scope(database.sessions) as session:  # written out of order on purpose
        session.add_all(
            [
                models.CarePlanGoal(
                    version_id=version_id, position=2, goal="Walk to the shop", status="active"
                ),
                models.CarePlanGoal(
                    version_id=version_id,
                    position=1,
                    goal="Plant bulbs",
                    expressed_by="Ada",
                    status="achieved",
                    review_on=date(2027, 1, 5),
                ),
                models.CarePlanRoutine(
                    version_id=version_id,
                    position=1,
                    name="Morning",
                    timing="About 8",
                    steps="Tea first.",
                    music="Radio 2",
                ),
                models.CarePlanRisk(
                    version_id=version_id,
                    position=1,
                    risk="Falls",
                    agreement="Frame indoors",
                    agreed_by="Ada and Sam",
                ),
            ]
        )

    plan = plans.current(Actor.resident_in_private(ada), ada)

    assert isinstance(plan, CarePlanView)
    assert (plan.resident_id, plan.version_number) == (ada, 1)
    assert [text.section for text in plan.sections] == list(CarePlanSection)
    assert [text.body for text in plan.sections] == [
        "My garden and my cat, Smudge.",
        "",  # important_people: never written
        "",  # communication: never written
        "",  # wellness: written empty
        "",  # do_and_dont: never written
        "Please knock and wait.",
        "",  # also_know: never written
    ]
    assert plan.body(CarePlanSection.SUPPORT) == "Please knock and wait."
    assert plan.goals == (
        PlanGoal("Plant bulbs", "Ada", GoalStatus.ACHIEVED, date(2027, 1, 5)),
        PlanGoal("Walk to the shop", None, GoalStatus.ACTIVE, None),
    )
    assert plan.routines == (DailyRoutine("Morning", "About 8", "Tea first.", "Radio 2"),)
    assert plan.risks == (AgreedRisk("Falls", "Frame indoors", "Ada and Sam"),)
    assert plan.supported_by == "Written with Ada, her niece Jo helping"
    assert plan.next_review_on == date(2027, 2, 1)
    assert plan.created_at.tzinfo is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.version_number = 2  # type: ignore[misc]


def test_the_newest_version_wins(database: Database, plans: CarePlanService, ada: int) -> None:
    # Written with the higher number first, so the newest is not the last row added.
    _write_version(database, ada, 3, {CarePlanSection.WHAT_MATTERS: "Third"})
    _write_version(database, ada, 1, {CarePlanSection.WHAT_MATTERS: "First"})
    _write_version(database, ada, 2, {CarePlanSection.WHAT_MATTERS: "Second"})

    plan = plans.current(Actor.resident_in_private(ada), ada)

    assert plan is not None
    assert plan.version_number == 3
    assert plan.body(CarePlanSection.WHAT_MATTERS) == "Third"


def test_a_resident_with_no_plan_gets_none(
    database: Database, plans: CarePlanService, staff: dict[StaffRole, Actor], ada: int
) -> None:
    assert plans.current(Actor.resident_in_private(ada), ada) is None
    assert plans.current(staff[StaffRole.CARER], ada) is None
    assert _audited_views(database) == []  # nothing was shown


def test_an_unknown_resident_is_not_found(
    plans: CarePlanService, staff: dict[StaffRole, Actor]
) -> None:
    with pytest.raises(NotFoundError) as raised:
        plans.current(staff[StaffRole.CARER], 9999)
    assert raised.value.text() == "We could not find that resident."


# ---------------------------------------------------------------------------------------
# Who may read


def test_the_resident_without_their_check_is_refused(
    database: Database, plans: CarePlanService, ada: int
) -> None:
    _write_version(database, ada, 1, {CarePlanSection.WHAT_MATTERS: "My garden"})

    with pytest.raises(NotAllowedError) as raised:
        plans.current(Actor.resident(ada), ada)

    assert raised.value.text() == "Sorry, you are not allowed to do that."
    assert _audited_views(database) == []


def test_a_resident_cannot_read_another_residents_plan(
    database: Database, plans: CarePlanService, ada: int, bert: int
) -> None:
    _write_version(database, bert, 1, {CarePlanSection.WHAT_MATTERS: "Bert's words"})
    ada_in_private = Actor.resident_in_private(ada)

    with pytest.raises(NotAllowedError):
        plans.current(ada_in_private, bert)
    assert _audited_views(database) == []

    # Refused before the database is asked: an unknown id is not "not found" for her.
    with pytest.raises(NotAllowedError):
        plans.current(ada_in_private, 9999)


@pytest.mark.parametrize("role", [StaffRole.KITCHEN, StaffRole.COORDINATOR])
def test_kitchen_and_coordinator_staff_are_refused(
    database: Database,
    plans: CarePlanService,
    staff: dict[StaffRole, Actor],
    ada: int,
    role: StaffRole,
) -> None:
    _write_version(database, ada, 1, {CarePlanSection.WHAT_MATTERS: "My garden"})

    with pytest.raises(NotAllowedError):
        plans.current(staff[role], ada)

    assert _audited_views(database) == []


def test_helping_a_resident_gives_the_helper_no_rights_of_their_own(
    database: Database, plans: CarePlanService, staff: dict[StaffRole, Actor], ada: int, bert: int
) -> None:
    _write_version(database, bert, 1, {CarePlanSection.WHAT_MATTERS: "Bert's words"})
    kitchen_id = staff[StaffRole.KITCHEN].staff_id

    with pytest.raises(NotAllowedError):
        plans.current(Actor.resident_in_private(ada, helped_by=kitchen_id), bert)


# ---------------------------------------------------------------------------------------
# Every read is audited: who, and which record


@pytest.mark.parametrize("role", [StaffRole.CARER, StaffRole.MANAGER])
def test_carers_and_managers_read_and_are_audited(
    database: Database,
    plans: CarePlanService,
    staff: dict[StaffRole, Actor],
    ada: int,
    role: StaffRole,
) -> None:
    _write_version(database, ada, 1, {CarePlanSection.WHAT_MATTERS: "My garden"})
    reader = staff[role]

    plan = plans.current(reader, ada)

    assert plan is not None and plan.body(CarePlanSection.WHAT_MATTERS) == "My garden"
    assert _audited_views(database) == [("staff", reader.staff_id, None, "resident", ada)]


def test_each_read_writes_exactly_one_event(
    database: Database, plans: CarePlanService, staff: dict[StaffRole, Actor], ada: int, bert: int
) -> None:
    _write_version(database, ada, 1, {CarePlanSection.WHAT_MATTERS: "Ada's words"})
    _write_version(database, bert, 1, {CarePlanSection.WHAT_MATTERS: "Bert's words"})
    carer_id = staff[StaffRole.CARER].staff_id

    plans.current(Actor.resident_in_private(ada), ada)
    plans.current(Actor.resident_in_private(ada), ada)
    plans.current(staff[StaffRole.CARER], bert)

    assert _audited_views(database) == [
        ("resident", None, ada, "resident", ada),
        ("resident", None, ada, "resident", ada),
        ("staff", carer_id, None, "resident", bert),
    ]


def test_a_helped_resident_is_audited_with_their_helper(
    database: Database, plans: CarePlanService, staff: dict[StaffRole, Actor], ada: int
) -> None:
    _write_version(database, ada, 1, {CarePlanSection.WHAT_MATTERS: "My garden"})
    helper_id = staff[StaffRole.KITCHEN].staff_id  # any member of staff may help

    assert plans.current(Actor.resident_in_private(ada, helped_by=helper_id), ada) is not None

    assert _audited_views(database) == [("resident", helper_id, ada, "resident", ada)]


# ---------------------------------------------------------------------------------------
# The demo home: three plans with several versions each


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Database]:
    opened = open_database(sqlite_url(demo_dir / "our-say.sqlite3"))
    yield opened
    opened.dispose()


def _demo_staff(demo: Database, role: StaffRole) -> Actor:
    with demo.sessions() as session:
        staff_id = session.scalars(
            select(models.Staff.id).where(models.Staff.role == role.value)
        ).first()
    assert staff_id is not None
    return Actor.staff(staff_id, role)


def test_demo_plans_show_their_newest_version(demo: Database) -> None:
    plans = CarePlanService(demo.sessions)
    with demo.sessions() as session:
        newest = dict(
            session.execute(
                select(models.CarePlan.resident_id, func.max(models.CarePlanVersion.version_number))
                .join(models.CarePlanVersion)
                .group_by(models.CarePlan.resident_id)
            ).all()
        )
    assert len(newest) == 3 and max(newest.values()) > 1

    for resident_id, version_number in newest.items():
        plan = plans.current(Actor.resident_in_private(resident_id), resident_id)
        assert plan is not None
        assert plan.version_number == version_number
        assert all(text.body for text in plan.sections)  # the demo writes all seven
        assert plan.goals and plan.risks


def test_another_program_reading_the_file_finds_no_pins_and_no_plan_words_in_the_audit(
    demo_dir: Path, demo: Database
) -> None:
    plans = CarePlanService(demo.sessions)
    carer = _demo_staff(demo, StaffRole.CARER)
    with demo.sessions() as session:
        planned = session.scalars(select(models.CarePlan.resident_id)).all()
        seeded_views = session.scalar(select(func.count()).where(models.AuditEvent.action == VIEW))
    for resident_id in planned:
        assert plans.current(carer, resident_id) is not None
        assert plans.current(Actor.resident_in_private(resident_id), resident_id) is not None
    demo.dispose()

    path = demo_dir / "our-say.sqlite3"
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = {table: _rows(connection, table) for table in tables}
        plan_words = [
            text
            for table, column in [
                ("care_plan_section", "body"),
                ("care_plan_goal", "goal"),
                ("care_plan_routine", "steps"),
                ("care_plan_risk", "risk"),
                ("care_plan_risk", "agreement"),
            ]
            for (text,) in connection.execute(f'SELECT "{column}" FROM "{table}"')
            if text
        ]
    finally:
        connection.close()

    # Every PIN is kept as a scrypt hash, and the hash really is of that person's PIN.
    staff_hashes = {row["role"]: row["pin_hash"] for row in rows["staff"]}
    assert staff_hashes.keys() == DEMO_STAFF_PINS.keys()
    resident_hashes = {row["preferred_name"]: row["pin_hash"] for row in rows["resident"]}
    for pin_hash in [*staff_hashes.values(), *resident_hashes.values()]:
        assert pin_hash is None or SCRYPT_HASH.fullmatch(pin_hash)
    for role, pin in DEMO_STAFF_PINS.items():
        assert verify_pin(pin, staff_hashes[role])
    for name, pin in DEMO_RESIDENT_PINS.items():
        assert verify_pin(pin, resident_hashes[name])

    # No demo PIN is a cell anywhere; in resident and staff it is not even part of one.
    pins = {*DEMO_STAFF_PINS.values(), *DEMO_RESIDENT_PINS.values()}
    for table, table_rows in rows.items():
        for row in table_rows:
            for column, value in row.items():
                assert str(value) not in pins, f"a PIN in {table}.{column}"
                if table in {"resident", "staff"} and column != "pin_hash":
                    assert not any(pin in str(value) for pin in pins), f"{table}.{column}"

    # The audit log says who looked at which plan, and nothing of what it says.
    audit = rows["audit_event"]
    assert sum(row["action"] == VIEW for row in audit) == seeded_views + 2 * len(planned)
    assert plan_words
    for row in audit:
        for column, value in row.items():
            if isinstance(value, str):
                assert not any(words[:24] in value for words in plan_words), (
                    f"care-plan words in audit_event.{column}"
                )


def _rows(connection: sqlite3.Connection, table: str) -> list[dict[str, object]]:
    cursor = connection.execute(f'SELECT * FROM "{table}"')
    columns = [description[0] for description in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor]
