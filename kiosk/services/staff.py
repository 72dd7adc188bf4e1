"""Staff: the first manager, signing in with a PIN, and the manager's staff list.

Every method that needs a right checks it here; hiding a button is not the check.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability, LockoutPolicy
from kiosk.domain.enums import StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.pins import check_pin, hash_pin
from kiosk.domain.staff import StaffMember
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_name
from kiosk.services.audit import record
from kiosk.services.pin_attempts import attempt, replace_pin
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now


class StaffService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        policy: LockoutPolicy | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._sessions = sessions
        self._policy = policy or LockoutPolicy()
        self._clock = clock

    # -- first run -----------------------------------------------------------------------

    def needs_first_manager(self) -> bool:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(models.Staff)) == 0

    def create_first_manager(self, name: str, pin: str) -> StaffMember:
        """The home's first member of staff, a manager; refused once anyone exists."""
        with session_scope(self._sessions) as session:
            if session.scalar(select(func.count()).select_from(models.Staff)):
                raise NotAllowedError(N_("This kiosk already has a manager."))
            row = _new_staff(name, StaffRole.MANAGER, pin)
            session.add(row)
            session.flush()
            record(session, Actor(), "staff.first_manager", record_type="staff", record_id=row.id)
            return to_member(row)

    # -- signing in ----------------------------------------------------------------------

    def sign_in_choices(self) -> list[StaffMember]:
        """Names to choose from before typing a PIN (no right needed to see who works here)."""
        with self._sessions() as session:
            rows = session.scalars(select(models.Staff).where(models.Staff.active.is_(True))).all()
            return sorted((to_member(r) for r in rows), key=lambda m: m.name.casefold())

    def sign_in(self, staff_id: int, pin: str) -> Actor:
        """The staff member, if ``pin`` is theirs; a plain-words error otherwise."""
        with session_scope(self._sessions) as session:
            row = session.get(models.Staff, staff_id)
            if row is None or not row.active:
                raise NotFoundError(N_("We could not find that member of staff."))
            outcome = attempt(
                session,
                row,
                pin,
                who=Actor(staff_id=row.id),
                record_type="staff",
                policy=self._policy,
                now=self._clock(),
            )
            actor = Actor.staff(row.id, StaffRole(row.role))
            if outcome.ok:
                record(session, actor, "staff.sign_in", record_type="staff", record_id=row.id)
        outcome.raise_if_refused()  # after the commit: a wrong PIN is counted, not rolled back
        return actor

    # -- the manager's list --------------------------------------------------------------

    def list(self, actor: Actor) -> list[StaffMember]:
        actor.require(Capability.MANAGE_STAFF)
        with self._sessions() as session:
            rows = session.scalars(select(models.Staff)).all()
            return sorted((to_member(r) for r in rows), key=lambda m: m.name.casefold())

    def add(self, actor: Actor, name: str, role: StaffRole, pin: str) -> StaffMember:
        actor.require(Capability.MANAGE_STAFF)
        with session_scope(self._sessions) as session:
            row = _new_staff(name, role, pin)
            session.add(row)
            session.flush()
            record(session, actor, "staff.add", record_type="staff", record_id=row.id)
            return to_member(row)

    def set_role(self, actor: Actor, staff_id: int, role: StaffRole) -> StaffMember:
        actor.require(Capability.MANAGE_STAFF)
        with session_scope(self._sessions) as session:
            row = _load(session, staff_id)
            if row.role == StaffRole.MANAGER and role != StaffRole.MANAGER:
                _keep_a_manager(session, row.id)
            row.role = StaffRole(role).value
            record(
                session, actor, "staff.role", record_type="staff", record_id=row.id, detail=row.role
            )
            return to_member(row)

    def reset_pin(self, actor: Actor, staff_id: int, pin: str) -> StaffMember:
        """A new PIN; it also lifts any lock-out."""
        actor.require(Capability.MANAGE_STAFF)
        with session_scope(self._sessions) as session:
            row = _load(session, staff_id)
            replace_pin(row, pin)
            record(session, actor, "staff.pin_reset", record_type="staff", record_id=row.id)
            return to_member(row)

    def disable(self, actor: Actor, staff_id: int) -> StaffMember:
        """They can no longer sign in; everything they did stays on record."""
        actor.require(Capability.MANAGE_STAFF)
        if actor.staff_id == staff_id:
            raise NotAllowedError(N_("You cannot switch off your own sign-in."))
        with session_scope(self._sessions) as session:
            row = _load(session, staff_id)
            if row.role == StaffRole.MANAGER:
                _keep_a_manager(session, row.id)
            row.active = False
            record(session, actor, "staff.disable", record_type="staff", record_id=row.id)
            return to_member(row)

    # -- the kiosk itself ----------------------------------------------------------------

    def leave_kiosk_mode(self, actor: Actor) -> None:
        """A manager closes the kiosk window (for maintenance). Audited; others are refused."""
        actor.require(Capability.EXIT_KIOSK)
        with session_scope(self._sessions) as session:
            record(session, actor, "kiosk.exit")


def _new_staff(name: str, role: StaffRole, pin: str) -> models.Staff:
    return models.Staff(
        name=clean_name(name, field="name"),
        role=StaffRole(role).value,
        pin_hash=hash_pin(check_pin(pin)),
    )


def _load(session: Session, staff_id: int) -> models.Staff:
    row = session.get(models.Staff, staff_id)
    if row is None:
        raise NotFoundError(N_("We could not find that member of staff."))
    return row


def _keep_a_manager(session: Session, leaving_id: int) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(models.Staff)
        .where(
            models.Staff.role == StaffRole.MANAGER.value,
            models.Staff.active.is_(True),
            models.Staff.id != leaving_id,
        )
    )
    if not others:
        raise ValidationError("role", N_("The home needs at least one manager."))


def to_member(row: models.Staff) -> StaffMember:
    return StaffMember(
        id=row.id,
        name=row.name,
        role=StaffRole(row.role),
        active=row.active,
        locked_until=row.locked_until,
    )
