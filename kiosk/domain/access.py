"""Who may do what, and how wrong PINs lock a person out. Pure rules, no storage.

Rights are checked in the services (``require``), never only by hiding a button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.domain.enums import StaffRole
from kiosk.domain.errors import NotAllowedError
from kiosk.domain.text import N_


class Capability(StrEnum):
    MANAGE_RESIDENTS = "manage_residents"
    MANAGE_STAFF = "manage_staff"
    READ_AUDIT = "read_audit"
    MANAGE_BACKUPS = "manage_backups"
    EXPORT_RECORDS = "export_records"  # CSV files of the home's records
    VIEW_EVIDENCE = "view_evidence"  # the co-production evidence report
    EXIT_KIOSK = "exit_kiosk"
    PLAN_MEALS = "plan_meals"  # dishes, menus, answering meal suggestions
    PLAN_ACTIVITIES = "plan_activities"  # activities, polls, the schedule, other suggestions
    PRINT_FOR_HOME = "print_for_home"  # menus, schedules, posters
    WRITE_CARE_PLANS = "write_care_plans"  # read, write, review, resolve talk requests
    HELP_RESIDENT_SIGN_IN = "help_resident_sign_in"  # "with staff only" care plans


_EVERY_STAFF_MEMBER = frozenset({Capability.HELP_RESIDENT_SIGN_IN})

RIGHTS: dict[StaffRole, frozenset[Capability]] = {
    StaffRole.MANAGER: frozenset(Capability),
    StaffRole.COORDINATOR: _EVERY_STAFF_MEMBER
    | {Capability.PLAN_ACTIVITIES, Capability.PRINT_FOR_HOME},
    StaffRole.KITCHEN: _EVERY_STAFF_MEMBER | {Capability.PLAN_MEALS, Capability.PRINT_FOR_HOME},
    StaffRole.CARER: _EVERY_STAFF_MEMBER | {Capability.WRITE_CARE_PLANS},
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking: a signed-in member of staff, a resident at the kiosk, or the system.

    A resident who has only touched their face may use the open screens (suggest, vote,
    say how it went). ``private`` is set once they have also passed the check their
    care-plan setting asks for (their PIN, a staff member's PIN, or none for an open
    plan); ``helped_by`` names the member of staff whose PIN opened it. Helping gives
    the resident no staff rights, and the helper none of the resident's.
    """

    staff_id: int | None = None
    role: StaffRole | None = None
    resident_id: int | None = None
    private: bool = False
    helped_by: int | None = None

    @classmethod
    def staff(cls, staff_id: int, role: StaffRole) -> Actor:
        return cls(staff_id=staff_id, role=role)

    @classmethod
    def resident(cls, resident_id: int) -> Actor:
        return cls(resident_id=resident_id)

    @classmethod
    def resident_in_private(cls, resident_id: int, *, helped_by: int | None = None) -> Actor:
        """The resident, past the check for their own private screens."""
        return cls(resident_id=resident_id, private=True, helped_by=helped_by)

    @property
    def is_staff(self) -> bool:
        return self.staff_id is not None and self.role is not None

    def can(self, capability: Capability) -> bool:
        return self.role is not None and capability in RIGHTS[self.role]

    def require(self, capability: Capability) -> None:
        if not self.can(capability):
            raise NotAllowedError(N_("Sorry, you are not allowed to do that."))

    def is_resident(self, resident_id: int) -> bool:
        return self.resident_id is not None and self.resident_id == resident_id

    def may_read_private(self, resident_id: int, capability: Capability) -> bool:
        """The resident themselves, past their check, or staff with ``capability``."""
        return (self.private and self.is_resident(resident_id)) or self.can(capability)

    def require_private(self, resident_id: int, capability: Capability) -> None:
        if not self.may_read_private(resident_id, capability):
            raise NotAllowedError(N_("Sorry, you are not allowed to do that."))


SYSTEM = Actor()

# Whoever runs the kiosk's own commands (``kiosk report evidence``) on its account. They can
# already read the database file itself, so a PIN would protect nothing: these commands run
# with a manager's rights and are audited as the system (no member of staff is named).
COMMAND_LINE = Actor(role=StaffRole.MANAGER)


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """Five wrong PINs lock a person for 15 minutes; each lock-out after that doubles it."""

    attempts: int = 5
    first_lock: timedelta = timedelta(minutes=15)
    longest_lock: timedelta = timedelta(hours=24)

    def lock_length(self, lockouts_before: int) -> timedelta:
        return min(self.first_lock * (2**lockouts_before), self.longest_lock)


@dataclass(frozen=True, slots=True)
class PinState:
    """What the database keeps about one person's PIN attempts (it survives a restart)."""

    failed: int = 0
    lockouts: int = 0
    locked_until: datetime | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime, policy: LockoutPolicy) -> PinState:
        failed = self.failed + 1
        if failed < policy.attempts:
            return PinState(failed, self.lockouts, self.locked_until)
        return PinState(0, self.lockouts + 1, now + policy.lock_length(self.lockouts))

    def after_success(self) -> PinState:
        return PinState()  # a right PIN ends the streak: the next lock-out is short again
