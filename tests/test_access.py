"""Who may do what, PINs, lock-outs and the audit trail, checked in the services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.domain.access import RIGHTS, Actor, Capability, LockoutPolicy, PinState
from kiosk.domain.enums import CarePlanAccess, StaffRole
from kiosk.domain.errors import LockedOutError, NotAllowedError, ValidationError, WrongPinError
from kiosk.domain.residents import NewResident, ResidentPreferences
from kiosk.services.audit import AuditService
from kiosk.services.residents import ResidentsService
from kiosk.services.settings import SettingsService
from kiosk.services.staff import StaffService
from kiosk.storage.database import Database, open_database
from tests.conftest import ALL_LANGUAGES, url_of

pytestmark = pytest.mark.both_engines


class Clock:
    """A clock the test moves by hand (lock-outs last minutes; tests do not wait)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def staff(database: Database, clock: Clock) -> StaffService:
    return StaffService(database.sessions, clock=clock)


@pytest.fixture
def residents(database: Database, clock: Clock) -> ResidentsService:
    return ResidentsService(database.sessions, languages=ALL_LANGUAGES, clock=clock)


def test_each_role_has_the_rights_the_home_expects() -> None:
    assert RIGHTS[StaffRole.MANAGER] == frozenset(Capability)
    assert Capability.PLAN_MEALS in RIGHTS[StaffRole.KITCHEN]
    assert Capability.WRITE_CARE_PLANS not in RIGHTS[StaffRole.KITCHEN]
    assert Capability.PLAN_ACTIVITIES in RIGHTS[StaffRole.COORDINATOR]
    assert Capability.PRINT_FOR_HOME in RIGHTS[StaffRole.COORDINATOR]
    assert Capability.WRITE_CARE_PLANS in RIGHTS[StaffRole.CARER]
    for role in (StaffRole.COORDINATOR, StaffRole.KITCHEN, StaffRole.CARER):
        for managers_only in (
            Capability.MANAGE_STAFF,
            Capability.READ_AUDIT,
            Capability.MANAGE_BACKUPS,
            Capability.EXIT_KIOSK,
        ):
            assert managers_only not in RIGHTS[role]
    assert not Actor.resident(3).can(Capability.MANAGE_RESIDENTS)


def test_lockout_policy_grows_and_resets() -> None:
    policy, now = LockoutPolicy(), datetime(2026, 1, 1, tzinfo=UTC)
    state = PinState()
    for _ in range(4):
        state = state.after_failure(now, policy)
        assert not state.locked_at(now)
    state = state.after_failure(now, policy)
    assert state.locked_until == now + timedelta(minutes=15)
    for _ in range(5):
        state = state.after_failure(now, policy)
    assert state.locked_until == now + timedelta(minutes=30)
    assert policy.lock_length(20) == timedelta(hours=24)
    assert state.after_success() == PinState()


def test_the_first_manager_is_made_once(staff: StaffService) -> None:
    assert staff.needs_first_manager()
    first = staff.create_first_manager("  Grace Mensah ", "4826")
    assert (first.name, first.role) == ("Grace Mensah", StaffRole.MANAGER)
    assert not staff.needs_first_manager()
    with pytest.raises(NotAllowedError):
        staff.create_first_manager("Someone Else", "1234")


@pytest.mark.parametrize("pin", ["12", "12345", "abcd", "", "١٢٣٤", "48 6", "<&>"])
def test_a_new_pin_must_be_four_plain_digits(staff: StaffService, pin: str) -> None:
    with pytest.raises(ValidationError, match="four numbers"):
        staff.create_first_manager("Grace", pin)
    assert staff.needs_first_manager()


def test_staff_sign_in_and_wrong_pins_are_audited(
    database: Database, staff: StaffService, clock: Clock
) -> None:
    grace = staff.create_first_manager("Grace", "4826")
    with pytest.raises(WrongPinError) as wrong:
        staff.sign_in(grace.id, "1111")
    assert wrong.value.tries_left == 4
    manager = staff.sign_in(grace.id, "4826")
    assert manager.role is StaffRole.MANAGER
    actions = [e.action for e in AuditService(database.sessions).events(manager)]
    assert actions[:2] == ["staff.sign_in", "pin.failed"]


def test_a_thousand_guesses_meet_a_lock_that_holds(
    database: Database, staff: StaffService, clock: Clock
) -> None:
    grace = staff.create_first_manager("Grace", "4826")
    refusals = {"wrong": 0, "locked": 0}
    for guess in range(1000):
        try:
            staff.sign_in(grace.id, f"{guess:04d}" if guess != 4826 else "0000")
        except WrongPinError:
            refusals["wrong"] += 1
        except LockedOutError as locked:
            refusals["locked"] += 1
            assert locked.minutes == 15
    assert refusals == {"wrong": 4, "locked": 996}
    with pytest.raises(LockedOutError):  # the right PIN too, while locked
        staff.sign_in(grace.id, "4826")
    restarted = StaffService(database.sessions, clock=clock)  # the lock is in the database
    with pytest.raises(LockedOutError):
        restarted.sign_in(grace.id, "4826")
    clock.now += timedelta(minutes=15)
    assert restarted.sign_in(grace.id, "4826").staff_id == grace.id


def test_a_lock_survives_reopening_the_database(database: Database, manager: Actor) -> None:
    address = url_of(database)
    database.dispose()
    database = open_database(address)
    try:
        staff = StaffService(database.sessions)
        for _ in range(5):
            with pytest.raises((WrongPinError, LockedOutError)):
                staff.sign_in(manager.staff_id or 0, "0000")
    finally:
        database.dispose()
    reopened = open_database(address)
    try:
        with pytest.raises(LockedOutError):
            StaffService(reopened.sessions).sign_in(manager.staff_id or 0, "4826")
    finally:
        reopened.dispose()


def test_a_resident_pin_locks_out_kindly(
    residents: ResidentsService, manager: Actor, clock: Clock
) -> None:
    iris = residents.add(
        manager, NewResident("Iris", pin="2580", care_plan_access=CarePlanAccess.PIN)
    )
    tries = []
    for _ in range(4):
        with pytest.raises(WrongPinError) as wrong:
            residents.verify_pin(iris.id, "0000")
        tries.append(wrong.value.tries_left)
    assert tries == [4, 3, 2, 1]
    with pytest.raises(LockedOutError) as locked:
        residents.verify_pin(iris.id, "0000")
    assert "ask a member of staff" in locked.value.text()
    clock.now += timedelta(minutes=16)
    assert residents.verify_pin(iris.id, "2580") == Actor.resident(iris.id)


def test_a_pin_reset_by_the_manager_lifts_the_lock(
    residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris", pin="2580"))
    for _ in range(5):
        with pytest.raises((WrongPinError, LockedOutError)):
            residents.verify_pin(iris.id, "0000")
    residents.set_pin(manager, iris.id, "3691")
    assert residents.verify_pin(iris.id, "3691") == Actor.resident(iris.id)


def test_kitchen_staff_cannot_manage_residents_staff_or_read_the_audit(
    database: Database, staff: StaffService, residents: ResidentsService, manager: Actor
) -> None:
    cook = staff.add(manager, "Tom Baker", StaffRole.KITCHEN, "6053")
    kitchen = staff.sign_in(cook.id, "6053")
    iris = residents.add(manager, NewResident("Iris"))
    attempts = [
        lambda: residents.add(kitchen, NewResident("Someone")),
        lambda: residents.archive(kitchen, iris.id),
        lambda: residents.set_pin(kitchen, iris.id, "1234"),
        lambda: residents.update_preferences(kitchen, iris.id, ResidentPreferences(text_scale=150)),
        lambda: staff.add(kitchen, "Eve", StaffRole.MANAGER, "1234"),
        lambda: staff.list(kitchen),
        lambda: AuditService(database.sessions).events(kitchen),
    ]
    for call in attempts:
        with pytest.raises(NotAllowedError, match="not allowed"):
            call()
    assert residents.get(iris.id).active


def test_a_resident_may_change_only_their_own_preferences(
    residents: ResidentsService, manager: Actor
) -> None:
    a = residents.add(manager, NewResident("Agnes"))
    b = residents.add(manager, NewResident("Bert"))
    mine = residents.update_preferences(
        Actor.resident(a.id), a.id, ResidentPreferences(text_scale=175)
    )
    assert mine.text_scale == 175
    with pytest.raises(NotAllowedError):
        residents.update_preferences(
            Actor.resident(a.id), b.id, ResidentPreferences(text_scale=200)
        )
    assert residents.get(b.id).text_scale == 100


def test_care_notes_are_for_staff_eyes_only(
    residents: ResidentsService, staff: StaffService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris", support_notes="Hearing aid, left ear"))
    assert residents.get(iris.id).support_notes is None
    assert residents.get(iris.id, Actor.resident(iris.id)).support_notes is None
    assert all(r.support_notes is None for r in residents.list_active())
    assert residents.get(iris.id, manager).support_notes == "Hearing aid, left ear"
    carer = staff.sign_in(staff.add(manager, "Sam", StaffRole.CARER, "5281").id, "5281")
    assert residents.get(iris.id, carer).support_notes == "Hearing aid, left ear"


def test_the_home_always_keeps_a_manager(staff: StaffService, manager: Actor) -> None:
    with pytest.raises(NotAllowedError):
        staff.disable(manager, manager.staff_id or 0)
    with pytest.raises(ValidationError, match="at least one manager"):
        staff.set_role(manager, manager.staff_id or 0, StaffRole.CARER)
    deputy = staff.add(manager, "Deputy", StaffRole.MANAGER, "1357")
    assert staff.set_role(manager, manager.staff_id or 0, StaffRole.CARER).role is StaffRole.CARER
    assert staff.list(staff.sign_in(deputy.id, "1357"))


def test_a_disabled_member_of_staff_cannot_sign_in(staff: StaffService, manager: Actor) -> None:
    sam = staff.add(manager, "Sam", StaffRole.CARER, "5281")
    staff.disable(manager, sam.id)
    assert sam.id not in [m.id for m in staff.sign_in_choices()]
    with pytest.raises(Exception, match="could not find"):
        staff.sign_in(sam.id, "5281")


def test_the_audit_trail_names_who_did_what(
    database: Database, staff: StaffService, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris"))
    residents.archive(manager, iris.id)
    events = AuditService(database.sessions).events(manager, record_type="resident")
    assert [(e.action, e.record_id, e.actor_staff_id) for e in events] == [
        ("resident.archive", iris.id, manager.staff_id),
        ("resident.add", iris.id, manager.staff_id),
    ]


@pytest.mark.sqlite_only  # reads the database file's bytes
def test_another_program_reading_the_file_finds_no_pin(
    database_path: Path, residents: ResidentsService, manager: Actor
) -> None:
    iris = residents.add(manager, NewResident("Iris", pin="8052"))
    with pytest.raises(WrongPinError):
        residents.verify_pin(iris.id, "9163")
    everything = b"".join(
        p.read_bytes() for p in database_path.parent.iterdir() if p.name.startswith("our-say")
    )
    assert b"8052" not in everything and b"9163" not in everything
    assert b"4826" not in everything  # the manager's PIN either


def test_only_a_manager_names_the_home_and_it_is_audited(
    database: Database, manager: Actor
) -> None:
    settings = SettingsService(database.sessions)
    with pytest.raises(NotAllowedError):
        settings.set_home_name(Actor.staff(99, StaffRole.KITCHEN), "Elm Lodge")
    assert settings.set_home_name(manager, "  Elm   Lodge ") == "Elm Lodge"
    assert settings.home_name() == "Elm Lodge"
    events = AuditService(database.sessions).events(manager, action="setting.home_name")
    assert [(event.actor_staff_id, event.detail) for event in events] == [
        (manager.staff_id, "Elm Lodge")
    ]
