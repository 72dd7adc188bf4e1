"""Care plans: read by the person or their carers, written with the person, reviewed
together.

A care plan is private. The resident reads only their own, and only once they have passed
the check their care-plan setting asks for; staff need the right to write care plans.
Rights are checked before the database is touched. Every view, print, edit and review is
audited (who, which resident) in the same transaction, never with any of the plan's words.
Every save is a new version: nothing is ever overwritten, and any two can be compared.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.care_plan_diff import PlanDiff, compare_plans
from kiosk.domain.care_plan_records import (
    PlanStatus,
    ReviewRecord,
    VersionSummary,
    review_state,
)
from kiosk.domain.care_plans import CarePlanView, PlanDraft, WhoTookPart
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_text
from kiosk.services.audit import record
from kiosk.services.care_plan_rows import (
    newest_version,
    next_review_on,
    plan_of,
    staff_names,
    to_view,
    version_numbered,
    write_version,
)
from kiosk.services.who import require_active_resident
from kiosk.storage import models
from kiosk.storage.database import session_scope
from kiosk.storage.types import utc_now

VIEW_ACTION = "care_plan.view"
PRINT_ACTION = "care_plan.print"
EDIT_ACTION = "care_plan.edit"
REVIEW_ACTION = "care_plan.review"
COMPARE_ACTION = "care_plan.compare"
HISTORY_ACTION = "care_plan.history"

MAX_PEOPLE = 500


class CarePlanService:
    def __init__(
        self, sessions: sessionmaker[Session], *, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._sessions = sessions
        self._now = now

    # -- reading -------------------------------------------------------------------------

    def current(self, actor: Actor, resident_id: int) -> CarePlanView | None:
        """The newest version of the resident's plan, or None if no plan has been written.

        Raises NotAllowedError for anyone but the resident (past their check) and staff
        who write care plans, and NotFoundError for an unknown resident. Only a plan
        actually shown is audited.
        """
        return self._newest(actor, resident_id, VIEW_ACTION)

    def for_printing(self, actor: Actor, resident_id: int) -> CarePlanView | None:
        """As :meth:`current`, for a printed copy: audited as a print."""
        return self._newest(actor, resident_id, PRINT_ACTION)

    def version(self, actor: Actor, resident_id: int, number: int) -> CarePlanView:
        """One saved version (staff, to look back)."""
        actor.require(Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            _require_resident(session, resident_id)
            row = version_numbered(session, resident_id, number)
            view = to_view(session, resident_id, row)
            record(session, actor, VIEW_ACTION, record_type="resident", record_id=resident_id)
            return view

    def versions(self, actor: Actor, resident_id: int) -> tuple[VersionSummary, ...]:
        """Every version, newest first: when, by whom, with whom, what changed."""
        actor.require(Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            _require_resident(session, resident_id)
            rows = session.scalars(
                select(models.CarePlanVersion)
                .join(models.CarePlan)
                .where(models.CarePlan.resident_id == resident_id)
                .order_by(models.CarePlanVersion.version_number.desc())
            ).all()
            names = staff_names(session, {row.written_by_staff_id for row in rows})
            record(session, actor, HISTORY_ACTION, record_type="resident", record_id=resident_id)
            return tuple(
                VersionSummary(
                    number=row.version_number,
                    created_at=row.created_at,
                    written_by=names.get(row.written_by_staff_id),
                    people_present=row.people_present,
                    resident_took_part=row.resident_took_part,
                    what_changed=row.change_summary,
                )
                for row in rows
            )

    def compare(self, actor: Actor, resident_id: int, older: int, newer: int) -> PlanDiff:
        """Two versions compared part by part, line by line."""
        actor.require(Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            _require_resident(session, resident_id)
            old = to_view(session, resident_id, version_numbered(session, resident_id, older))
            new = to_view(session, resident_id, version_numbered(session, resident_id, newer))
            record(
                session,
                actor,
                COMPARE_ACTION,
                record_type="resident",
                record_id=resident_id,
                detail=f"versions {older} and {newer}",
            )
            return compare_plans(old, new)

    def reviews(self, actor: Actor, resident_id: int) -> tuple[ReviewRecord, ...]:
        """Every review held, newest first."""
        actor.require(Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            _require_resident(session, resident_id)
            plan = plan_of(session, resident_id)
            if plan is None:
                return ()
            rows = session.scalars(
                select(models.CarePlanReview)
                .where(models.CarePlanReview.care_plan_id == plan.id)
                .order_by(models.CarePlanReview.reviewed_on.desc(), models.CarePlanReview.id.desc())
            ).all()
            names = staff_names(session, {row.reviewed_by_staff_id for row in rows})
            numbers = dict(
                session.execute(
                    select(models.CarePlanVersion.id, models.CarePlanVersion.version_number).where(
                        models.CarePlanVersion.care_plan_id == plan.id
                    )
                ).all()
            )
            return tuple(
                ReviewRecord(
                    reviewed_on=row.reviewed_on,
                    reviewed_by=names.get(row.reviewed_by_staff_id),
                    people_present=row.people_present,
                    resident_involved=row.resident_involved,
                    what_changed=row.what_changed,
                    next_review_on=row.next_review_on,
                    version_number=numbers.get(row.version_id),
                )
                for row in rows
            )

    def overview(self, actor: Actor, today: date) -> tuple[PlanStatus, ...]:
        """Every resident living here and where their plan stands: overdue reviews first,
        then due soon, then the rest; open talk requests counted."""
        actor.require(Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            residents = session.scalars(
                select(models.Resident).where(models.Resident.active.is_(True))
            ).all()
            talks = dict(
                session.execute(
                    select(models.TalkRequest.resident_id, func.count())
                    .where(models.TalkRequest.resolved_at.is_(None))
                    .group_by(models.TalkRequest.resident_id)
                ).all()
            )
            statuses = []
            for resident in residents:
                version = newest_version(session, resident.id)
                next_review = next_review_on(session, resident.id, version) if version else None
                statuses.append(
                    PlanStatus(
                        resident_id=resident.id,
                        resident_name=resident.preferred_name,
                        room=resident.room,
                        version_number=version.version_number if version else None,
                        next_review_on=next_review,
                        state=review_state(version is not None, next_review, today),
                        open_talks=talks.get(resident.id, 0),
                    )
                )
            order = list(type(statuses[0].state)) if statuses else []
            return tuple(
                sorted(
                    statuses,
                    key=lambda s: (
                        order.index(s.state),
                        s.next_review_on or date.max,
                        s.resident_name.casefold(),
                    ),
                )
            )

    # -- writing -------------------------------------------------------------------------

    def save(
        self, actor: Actor, resident_id: int, draft: PlanDraft, took_part: WhoTookPart
    ) -> CarePlanView:
        """Save the plan as written with the person: always a new version, the old ones
        kept as they were. Records who was there and whether the person took part."""
        actor.require(Capability.WRITE_CARE_PLANS)
        people = _people(took_part.people_present)
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            plan = plan_of(session, resident_id)
            if plan is None:
                plan = models.CarePlan(resident_id=resident_id, created_at=self._now())
                session.add(plan)
                session.flush()
            version = write_version(
                session,
                plan,
                draft,
                took_part,
                people=people,
                staff_id=actor.staff_id,
                now=self._now(),
            )
            record(
                session,
                actor,
                EDIT_ACTION,
                record_type="resident",
                record_id=resident_id,
                detail=f"version {version.version_number}",
            )
            return to_view(session, resident_id, version)

    def record_review(
        self,
        actor: Actor,
        resident_id: int,
        reviewed_on: date,
        took_part: WhoTookPart,
        *,
        next_review_on: date | None,
    ) -> ReviewRecord:
        """A review held together (the plan itself may or may not have changed: saving a
        changed plan is :meth:`save`). Sets when the next one is due."""
        actor.require(Capability.WRITE_CARE_PLANS)
        people = _people(took_part.people_present)
        today = self._now().date()
        if reviewed_on > today:
            raise ValidationError("reviewed_on", N_("A review cannot be in the future."))
        if next_review_on is not None and next_review_on <= reviewed_on:
            raise ValidationError("next_review_on", N_("The next review must be after this one."))
        changed = _optional(took_part.what_changed, "what_changed")
        with session_scope(self._sessions) as session:
            require_active_resident(session, resident_id)
            version = newest_version(session, resident_id)
            plan = plan_of(session, resident_id)
            if plan is None or version is None:
                raise NotFoundError(N_("There is no care plan to review yet. Write it first."))
            session.add(
                models.CarePlanReview(
                    care_plan_id=plan.id,
                    reviewed_on=reviewed_on,
                    reviewed_by_staff_id=actor.staff_id,
                    people_present=people,
                    resident_involved=took_part.resident_took_part,
                    what_changed=changed,
                    version_id=version.id,
                    next_review_on=next_review_on,
                    created_at=self._now(),
                )
            )
            record(session, actor, REVIEW_ACTION, record_type="resident", record_id=resident_id)
            names = staff_names(session, {actor.staff_id})
            return ReviewRecord(
                reviewed_on=reviewed_on,
                reviewed_by=names.get(actor.staff_id),
                people_present=people,
                resident_involved=took_part.resident_took_part,
                what_changed=changed,
                next_review_on=next_review_on,
                version_number=version.version_number,
            )

    def _newest(self, actor: Actor, resident_id: int, action: str) -> CarePlanView | None:
        actor.require_private(resident_id, Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            _require_resident(session, resident_id)
            version = newest_version(session, resident_id)
            if version is None:
                return None
            view = to_view(session, resident_id, version)
            record(session, actor, action, record_type="resident", record_id=resident_id)
            return view


def _require_resident(session: Session, resident_id: int) -> None:
    if session.get(models.Resident, resident_id) is None:
        raise NotFoundError(N_("We could not find that resident."))


def _people(text: str) -> str:
    people = clean_text(text, field="people_present", max_length=MAX_PEOPLE, required=False)
    if people is None:
        raise ValidationError(
            "people_present", N_("Please say who was there, starting with the person.")
        )
    return people


def _optional(text: str | None, field: str) -> str | None:
    return clean_text(text, field=field, max_length=2000, required=False, multiline=True)
