"""The resident's side of the conversation about their care plan: "Yes, that's right"
about a section, and "I want to talk about this", which staff resolve with them. The
resident hears how it was resolved the next time they open their plan.

A resident answers only about their own plan, past their private check; staff with the
right to write care plans see and resolve the requests. Everything is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.care_plan_records import TalkRequestView
from kiosk.domain.enums import CarePlanSection, TalkRequestSource
from kiosk.domain.errors import NotAllowedError, NotFoundError
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_text
from kiosk.services.audit import record
from kiosk.services.care_plan_rows import newest_version, staff_names
from kiosk.services.who import require_active_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

CONFIRM_ACTION = "care_plan.confirm"
TALK_ACTION = "care_plan.talk_request"
RESOLVE_ACTION = "care_plan.talk_resolved"
NOTE_MAX = 2_000
ALREADY_RESOLVED = N_("This has been sorted out already.")


class CarePlanTalkService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    def confirm(self, actor: Actor, resident_id: int, section: CarePlanSection) -> datetime:
        """The resident says "Yes, that's right" about a section of their newest plan: a
        dated confirmation (a second tap the same minute adds nothing)."""
        _require_the_resident(actor, resident_id)
        now = self._now()
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            version = newest_version(session, resident_id)
            if version is None:
                raise NotFoundError(N_("Your care plan has not been written yet."))
            last = session.scalars(
                select(models.CarePlanConfirmation)
                .where(
                    models.CarePlanConfirmation.version_id == version.id,
                    models.CarePlanConfirmation.section == section.value,
                )
                .order_by(models.CarePlanConfirmation.confirmed_at.desc())
                .limit(1)
            ).first()
            if last is not None and (now - last.confirmed_at).total_seconds() < 60:
                return last.confirmed_at  # a double tap: one confirmation
            session.add(
                models.CarePlanConfirmation(
                    version_id=version.id,
                    section=section.value,
                    resident_id=resident_id,
                    confirmed_at=now,
                )
            )
            record(
                session,
                actor,
                CONFIRM_ACTION,
                record_type="resident",
                record_id=resident_id,
                detail=section.value,
            )
            return now

    def ask_to_talk(
        self,
        actor: Actor,
        resident_id: int,
        section: CarePlanSection | None,
        note: str | None = None,
    ) -> TalkRequestView:
        """ "I want to talk about this": a request for staff about a section (or the whole
        plan). One open request per section: asking again returns the one already open."""
        by_staff = actor.can(Capability.WRITE_CARE_PLANS) and not actor.is_resident(resident_id)
        if not by_staff:
            _require_the_resident(actor, resident_id)
        note = clean_text(note, field="note", max_length=NOTE_MAX, required=False, multiline=True)
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            open_already = session.scalars(
                select(models.TalkRequest).where(
                    models.TalkRequest.resident_id == resident_id,
                    models.TalkRequest.resolved_at.is_(None),
                    models.TalkRequest.section.is_(None)
                    if section is None
                    else models.TalkRequest.section == section.value,
                )
            ).first()
            if open_already is not None:
                return _to_view(session, open_already)
            version = newest_version(session, resident_id)
            row = models.TalkRequest(
                resident_id=resident_id,
                version_id=version.id if version is not None else None,
                section=section.value if section is not None else None,
                raised_via=(TalkRequestSource.STAFF if by_staff else TalkRequestSource.KIOSK).value,
                note=note,
                raised_at=self._now(),
            )
            session.add(row)
            session.flush()
            record(session, actor, TALK_ACTION, record_type="talk_request", record_id=row.id)
            return _to_view(session, row)

    def requests(
        self, actor: Actor, *, include_resolved: bool = False
    ) -> tuple[TalkRequestView, ...]:
        """Requests to talk, oldest first (waiting longest at the top); resolved ones too
        when asked, newest resolved last."""
        actor.require(Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            query = select(models.TalkRequest).order_by(
                models.TalkRequest.raised_at, models.TalkRequest.id
            )
            if not include_resolved:
                query = query.where(models.TalkRequest.resolved_at.is_(None))
            return tuple(_to_view(session, row) for row in session.scalars(query))

    def resolve(self, actor: Actor, request_id: int, resolution: str) -> TalkRequestView:
        """What was agreed when staff and the resident talked; the resident hears it."""
        actor.require(Capability.WRITE_CARE_PLANS)
        words = clean_text(
            resolution, field="resolution", max_length=NOTE_MAX, required=True, multiline=True
        )
        with session_scope(self._sessions) as session:
            row = session.get(models.TalkRequest, request_id)
            if row is None:
                raise NotFoundError(N_("We could not find that request."))
            if row.resolved_at is not None:
                raise NotAllowedError(ALREADY_RESOLVED)
            row.resolved_at = self._now()
            row.resolved_by_staff_id = actor.staff_id
            row.resolution = words
            session.flush()
            record(session, actor, RESOLVE_ACTION, record_type="talk_request", record_id=row.id)
            return _to_view(session, row)

    def outcomes_to_hear(self, actor: Actor, resident_id: int) -> tuple[TalkRequestView, ...]:
        """The resident's requests resolved since they last opened their plan."""
        _require_the_resident(actor, resident_id)
        with session_scope(self._sessions) as session:
            rows = session.scalars(
                select(models.TalkRequest)
                .where(
                    models.TalkRequest.resident_id == resident_id,
                    models.TalkRequest.resolved_at.is_not(None),
                    models.TalkRequest.outcome_heard_at.is_(None),
                )
                .order_by(models.TalkRequest.resolved_at)
            ).all()
            return tuple(_to_view(session, row) for row in rows)

    def outcomes_heard(self, actor: Actor, resident_id: int, request_ids: Sequence[int]) -> None:
        """The resident has been shown (and read) these outcomes."""
        _require_the_resident(actor, resident_id)
        with session_scope(self._sessions) as session:
            for row in session.scalars(
                select(models.TalkRequest).where(
                    models.TalkRequest.id.in_(list(request_ids)),
                    models.TalkRequest.resident_id == resident_id,
                    models.TalkRequest.resolved_at.is_not(None),
                    models.TalkRequest.outcome_heard_at.is_(None),
                )
            ):
                row.outcome_heard_at = self._now()


def _require_the_resident(actor: Actor, resident_id: int) -> None:
    """Only the resident themselves, past their private check."""
    if not (actor.private and actor.is_resident(resident_id)):
        raise NotAllowedError(N_("Sorry, you are not allowed to do that."))


def _to_view(session: Session, row: models.TalkRequest) -> TalkRequestView:
    resident = session.get(models.Resident, row.resident_id)
    names = staff_names(session, {row.resolved_by_staff_id})
    return TalkRequestView(
        id=row.id,
        resident_id=row.resident_id,
        resident_name=resident.preferred_name if resident is not None else "",
        section=CarePlanSection(row.section) if row.section else None,
        note=row.note,
        raised_at=row.raised_at,
        raised_via=TalkRequestSource(row.raised_via),
        resolved_at=row.resolved_at,
        resolved_by=names.get(row.resolved_by_staff_id),
        resolution=row.resolution,
    )
