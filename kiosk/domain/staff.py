"""Members of staff as the screens see them (never with a PIN hash)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.enums import StaffRole


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    role: StaffRole
    active: bool
    locked_until: datetime | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    occurred_at: datetime
    actor_kind: str
    actor_staff_id: int | None
    actor_resident_id: int | None
    action: str
    record_type: str | None
    record_id: int | None
    detail: str | None
