"""Checking a PIN against a person's row, keeping count of wrong ones (for residents and staff).

The count and any lock are written in the same transaction as the audit event and
committed *before* the caller reports "wrong PIN", so an error never rolls the count back
and a lock-out survives a restart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from kiosk.domain.access import Actor, LockoutPolicy, PinState
from kiosk.domain.errors import LockedOutError, WrongPinError
from kiosk.domain.pins import check_pin, hash_pin, verify_pin
from kiosk.services.audit import record


class HasPin(Protocol):
    id: int
    pin_hash: str | None
    failed_pin_count: int
    lockout_count: int
    locked_until: datetime | None


@dataclass(frozen=True)
class Outcome:
    ok: bool
    error: WrongPinError | LockedOutError | None = None

    def raise_if_refused(self) -> None:
        if self.error is not None:
            raise self.error


def attempt(
    session: Session,
    row: HasPin,
    pin: str,
    *,
    who: Actor,
    record_type: str,
    policy: LockoutPolicy,
    now: datetime,
) -> Outcome:
    """Check ``pin`` for ``row``; updates its counts. The caller commits, then raises."""
    state = PinState(row.failed_pin_count, row.lockout_count, row.locked_until)
    if state.locked_at(now):
        return Outcome(False, LockedOutError(_minutes_until(row.locked_until, now)))
    if row.pin_hash is not None and verify_pin(pin, row.pin_hash):
        _store(row, state.after_success())
        return Outcome(True)
    after = state.after_failure(now, policy)
    _store(row, after)
    record(session, who, "pin.failed", record_type=record_type, record_id=row.id)
    if after.locked_at(now):
        record(session, who, "pin.locked", record_type=record_type, record_id=row.id)
        return Outcome(False, LockedOutError(_minutes_until(after.locked_until, now)))
    return Outcome(False, WrongPinError(policy.attempts - after.failed))


def replace_pin(row: HasPin, pin: str) -> None:
    """Give ``row`` a new PIN (checked, then hashed) and lift any lock-out."""
    row.pin_hash = hash_pin(check_pin(pin))
    _store(row, PinState())


def _store(row: HasPin, state: PinState) -> None:
    row.failed_pin_count = state.failed
    row.lockout_count = state.lockouts
    row.locked_until = state.locked_until


def _minutes_until(moment: datetime | None, now: datetime) -> int:
    if moment is None:
        return 0
    return max(1, math.ceil((moment - now).total_seconds() / 60))
