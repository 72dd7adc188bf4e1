"""Opening a resident's private screens: own PIN, staff beside them, or an open plan."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kiosk.domain.access import Actor, LockoutPolicy
from kiosk.domain.enums import CarePlanAccess, StaffRole
from kiosk.domain.errors import LockedOutError, NotAllowedError, NotFoundError, WrongPinError
from kiosk.domain.residents import NewResident
from kiosk.services.audit import AuditService
from kiosk.services.private_access import PrivateAccessService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage.database import Database
from kiosk.storage.types import utc_now
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines


class Clock:
    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def access(database: Database, clock: Clock) -> PrivateAccessService:
    return PrivateAccessService(database.sessions, policy=LockoutPolicy(), clock=clock)


@pytest.fixture
def people(database: Database, manager: Actor) -> dict[str, int]:
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    staff = StaffService(database.sessions)

    def resident(name: str, mode: CarePlanAccess, pin: str | None = None) -> int:
        new = NewResident(name, care_plan_access=mode, pin=pin)
        return residents.add(manager, new).id

    return {
        "pin": resident("Margaret", CarePlanAccess.PIN, "7314"),
        "staff": resident("Albert", CarePlanAccess.STAFF, "1111"),
        "open": resident("Helena", CarePlanAccess.OPEN),
        "kitchen": staff.add(manager, "Sam", StaffRole.KITCHEN, "6053").id,
        "carer": staff.add(manager, "Ada", StaffRole.CARER, "5281").id,
        "manager": manager.staff_id or 0,
    }


def test_each_setting_asks_for_what_the_resident_chose(
    access: PrivateAccessService, people: dict[str, int]
) -> None:
    assert access.access_mode(people["pin"]) is CarePlanAccess.PIN
    assert access.access_mode(people["staff"]) is CarePlanAccess.STAFF
    assert access.access_mode(people["open"]) is CarePlanAccess.OPEN


def test_own_pin_opens_only_for_that_resident(
    access: PrivateAccessService, people: dict[str, int]
) -> None:
    actor = access.with_own_pin(people["pin"], "7314")
    assert actor == Actor.resident_in_private(people["pin"])
    assert actor.private and not actor.is_staff
    with pytest.raises(WrongPinError):
        access.with_own_pin(people["pin"], "1234")


def test_with_staff_only_refuses_the_residents_own_pin(
    access: PrivateAccessService, people: dict[str, int]
) -> None:
    with pytest.raises(NotAllowedError):
        access.with_own_pin(people["staff"], "1111")  # their PIN is right, the setting says no


def test_an_open_plan_needs_nothing_and_others_cannot_skip_their_pin(
    access: PrivateAccessService, people: dict[str, int]
) -> None:
    assert access.open_plan(people["open"]).private
    for who in ("pin", "staff"):
        with pytest.raises(NotAllowedError):
            access.open_plan(people[who])


def test_any_member_of_staff_can_help_and_it_is_audited_under_both(
    access: PrivateAccessService, people: dict[str, int], database: Database, manager: Actor
) -> None:
    actor = access.with_staff(people["staff"], people["kitchen"], "6053")
    assert actor.private and actor.helped_by == people["kitchen"]
    assert not actor.is_staff  # helping lends the resident no staff rights
    [event] = AuditService(database.sessions).events(manager, action="care_plan.unlock")
    assert (event.actor_kind, event.actor_resident_id, event.actor_staff_id) == (
        "resident",
        people["staff"],
        people["kitchen"],
    )
    assert event.record_id == people["staff"]


def test_a_wrong_staff_pin_counts_against_the_staff_member(
    access: PrivateAccessService, people: dict[str, int], database: Database, manager: Actor
) -> None:
    for _ in range(4):
        with pytest.raises(WrongPinError):
            access.with_staff(people["pin"], people["carer"], "0000")
    with pytest.raises(LockedOutError):
        access.with_staff(people["pin"], people["carer"], "0000")
    with pytest.raises(LockedOutError):  # locked: even the right PIN waits
        StaffService(database.sessions).sign_in(people["carer"], "5281")
    failures = AuditService(database.sessions).events(manager, action="pin.failed")
    assert {e.record_type for e in failures} == {"staff"}
    assert {e.record_id for e in failures} == {people["carer"]}


def test_a_thousand_wrong_pins_never_open_the_plan(
    access: PrivateAccessService, people: dict[str, int], clock: Clock
) -> None:
    opened = 0
    for guess in range(1000):
        try:
            access.with_own_pin(people["pin"], f"{guess:04d}")
            opened += 1
        except (WrongPinError, LockedOutError):
            pass
        clock.now += timedelta(seconds=1)
    assert opened == 0  # 7314 is in the range, but the lock-out came long before it
    with pytest.raises(LockedOutError):
        access.with_own_pin(people["pin"], "7314")


def test_unknown_or_moved_out_people_are_not_found(
    access: PrivateAccessService, people: dict[str, int], database: Database, manager: Actor
) -> None:
    with pytest.raises(NotFoundError):
        access.with_own_pin(9999, "7314")
    with pytest.raises(NotFoundError):
        access.with_staff(people["pin"], 9999, "7314")
    ResidentsService(database.sessions, languages=ALL_LANGUAGES).archive(manager, people["open"])
    with pytest.raises(NotFoundError):
        access.open_plan(people["open"])


def test_only_a_manager_may_leave_kiosk_mode(
    database: Database, people: dict[str, int], manager: Actor
) -> None:
    staff = StaffService(database.sessions)
    carer = staff.sign_in(people["carer"], "5281")
    with pytest.raises(NotAllowedError):
        staff.leave_kiosk_mode(carer)
    with pytest.raises(NotAllowedError):
        staff.leave_kiosk_mode(Actor.resident_in_private(people["open"]))
    staff.leave_kiosk_mode(manager)
    [event] = AuditService(database.sessions).events(manager, action="kiosk.exit")
    assert event.actor_staff_id == manager.staff_id
