"""Opening a resident's private screens (their care plan) the way they chose.

Each resident's care-plan setting says what the kiosk asks for after they touch their
face: their own PIN, a member of staff's PIN ("with staff only"), or nothing (an open
plan, by their choice). What comes back is an :class:`Actor` with ``private`` set, which
the care-plan service asks for; nothing else opens a plan. A member of staff may always
help (a resident who forgot their PIN asks a carer); their PIN is counted and locked out
like any other, and the help is audited under both names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability, LockoutPolicy
from kiosk.domain.enums import CarePlanAccess, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError
from kiosk.domain.text import N_
from kiosk.services.audit import record
from kiosk.services.pin_attempts import attempt
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

UNLOCKED = "care_plan.unlock"


class PrivateAccessService:
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

    def access_mode(self, resident_id: int) -> CarePlanAccess:
        """What the kiosk should ask this resident for."""
        with self._sessions() as session:
            return CarePlanAccess(_resident(session, resident_id).care_plan_access)

    def open_plan(self, resident_id: int) -> Actor:
        """A resident who chose an open plan: no PIN. Refused for anyone else."""
        with session_scope(self._sessions) as session:
            row = _resident(session, resident_id)
            if row.care_plan_access != CarePlanAccess.OPEN.value:
                raise NotAllowedError(N_("Your care plan needs a PIN to open."))
            actor = Actor.resident_in_private(row.id)
            record(session, actor, UNLOCKED, record_type="resident", record_id=row.id)
        return actor

    def with_own_pin(self, resident_id: int, pin: str) -> Actor:
        """The resident's own PIN, for a resident whose setting is "my own PIN".

        Wrong PINs count towards a lock-out that survives a restart.
        """
        with session_scope(self._sessions) as session:
            row = _resident(session, resident_id)
            if row.care_plan_access == CarePlanAccess.STAFF.value:
                raise NotAllowedError(N_("Your care plan opens with a member of staff beside you."))
            outcome = attempt(
                session,
                row,
                pin,
                who=Actor.resident(row.id),
                record_type="resident",
                policy=self._policy,
                now=self._clock(),
            )
            actor = Actor.resident_in_private(row.id)
            if outcome.ok:
                record(session, actor, UNLOCKED, record_type="resident", record_id=row.id)
        outcome.raise_if_refused()  # after the commit: the wrong PIN stays counted
        return actor

    def with_staff(self, resident_id: int, staff_id: int, staff_pin: str) -> Actor:
        """A member of staff beside the resident types their own PIN (any setting)."""
        with session_scope(self._sessions) as session:
            row = _resident(session, resident_id)
            helper = session.get(models.Staff, staff_id)
            if helper is None or not helper.active:
                raise NotFoundError(N_("We could not find that member of staff."))
            helper_actor = Actor.staff(helper.id, StaffRole(helper.role))
            helper_actor.require(Capability.HELP_RESIDENT_SIGN_IN)
            outcome = attempt(
                session,
                helper,
                staff_pin,
                who=Actor(staff_id=helper.id),
                record_type="staff",
                policy=self._policy,
                now=self._clock(),
            )
            actor = Actor.resident_in_private(row.id, helped_by=helper.id)
            if outcome.ok:
                record(session, actor, UNLOCKED, record_type="resident", record_id=row.id)
        outcome.raise_if_refused()
        return actor


def _resident(session: Session, resident_id: int) -> models.Resident:
    row = session.get(models.Resident, resident_id)
    if row is None or not row.active:
        raise NotFoundError(N_("We could not find that resident."))
    return row
