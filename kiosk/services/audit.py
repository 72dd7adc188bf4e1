"""The audit log: who did what to which record, and when. Append-only (the database's own
triggers refuse changes); the manager reads it. Never holds PINs or care-plan words."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.enums import ActorKind
from kiosk.domain.staff import AuditEntry
from kiosk.storage import models
from kiosk.storage.database import session_scope

MAX_ROWS = 500


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    record_type: str | None = None,
    record_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Add an event in the caller's transaction, so it stands or falls with the change."""
    if actor.resident_id is not None:  # a resident, perhaps helped by a member of staff
        kind, staff_id = ActorKind.RESIDENT, actor.helped_by
    elif actor.staff_id is not None:
        kind, staff_id = ActorKind.STAFF, actor.staff_id
    else:
        kind, staff_id = ActorKind.SYSTEM, None
    session.add(
        models.AuditEvent(
            actor_kind=kind.value,
            actor_staff_id=staff_id,
            actor_resident_id=actor.resident_id,
            action=action,
            record_type=record_type,
            record_id=record_id,
            detail=detail,
        )
    )


class AuditService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def note(
        self,
        actor: Actor,
        action: str,
        *,
        record_type: str | None = None,
        record_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        """Add one event on its own (a print, an export): nothing else changes with it."""
        with session_scope(self._sessions) as session:
            record(
                session,
                actor,
                action,
                record_type=record_type,
                record_id=record_id,
                detail=detail,
            )

    def events(
        self,
        actor: Actor,
        *,
        action: str | None = None,
        record_type: str | None = None,
        record_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = MAX_ROWS,
    ) -> list[AuditEntry]:
        """The newest events first, filtered; the manager's right alone."""
        actor.require(Capability.READ_AUDIT)
        query = select(models.AuditEvent).order_by(
            models.AuditEvent.occurred_at.desc(), models.AuditEvent.id.desc()
        )
        if action is not None:
            query = query.where(models.AuditEvent.action == action)
        if record_type is not None:
            query = query.where(models.AuditEvent.record_type == record_type)
        if record_id is not None:
            query = query.where(models.AuditEvent.record_id == record_id)
        if since is not None:
            query = query.where(models.AuditEvent.occurred_at >= since)
        if until is not None:
            query = query.where(models.AuditEvent.occurred_at < until)
        with self._sessions() as session:
            rows = session.scalars(query.limit(min(limit, MAX_ROWS))).all()
            return [
                AuditEntry(
                    id=row.id,
                    occurred_at=row.occurred_at,
                    actor_kind=row.actor_kind,
                    actor_staff_id=row.actor_staff_id,
                    actor_resident_id=row.actor_resident_id,
                    action=row.action,
                    record_type=row.record_type,
                    record_id=row.record_id,
                    detail=row.detail,
                )
                for row in rows
            ]
