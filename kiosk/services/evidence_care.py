"""Care-plan reviews, new versions and requests to talk, for the evidence report.

Only who, when, whether the person took part, and who from the staff: never a word of the
plan, who else was there, what changed, a request's note or how it was resolved.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.evidence import PlanEvent, PlanWork, TalkEntry
from kiosk.services.evidence_window import Window
from kiosk.storage import models

_WORK_ORDER = {PlanWork.REVIEW: 0, PlanWork.VERSION: 1}


def plan_events(session: Session, window: Window) -> tuple[PlanEvent, ...]:
    """Reviews held and versions written in the range, oldest first."""
    review, version, plan = models.CarePlanReview, models.CarePlanVersion, models.CarePlan
    events = [
        PlanEvent(resident=name, day=day, work=PlanWork.REVIEW, took_part=involved, by=by)
        for day, involved, name, by in session.execute(
            select(
                review.reviewed_on,
                review.resident_involved,
                models.Resident.preferred_name,
                models.Staff.name,
            )
            .join(plan, plan.id == review.care_plan_id)
            .join(models.Resident, models.Resident.id == plan.resident_id)
            .outerjoin(models.Staff, models.Staff.id == review.reviewed_by_staff_id)
            .where(
                review.reviewed_on >= window.period.first, review.reviewed_on <= window.period.last
            )
        )
    ]
    events.extend(
        PlanEvent(
            resident=name,
            day=window.day(written_at),
            work=PlanWork.VERSION,
            took_part=took_part,
            by=by,
        )
        for written_at, took_part, name, by in session.execute(
            select(
                version.created_at,
                version.resident_took_part,
                models.Resident.preferred_name,
                models.Staff.name,
            )
            .join(plan, plan.id == version.care_plan_id)
            .join(models.Resident, models.Resident.id == plan.resident_id)
            .outerjoin(models.Staff, models.Staff.id == version.written_by_staff_id)
            .where(window.within(version.created_at))
        )
    )
    events.sort(key=lambda event: (event.day, _WORK_ORDER[event.work], event.resident.casefold()))
    return tuple(events)


def talk_entries(session: Session, window: Window, as_of: date) -> tuple[TalkEntry, ...]:
    """Requests to talk raised in the range, oldest first."""
    talk = models.TalkRequest
    return tuple(
        TalkEntry(
            resident=name,
            section=section,
            raised_on=window.day(raised_at),
            resolved_on=window.day(resolved_at) if resolved_at is not None else None,
            as_of=as_of,
        )
        for raised_at, resolved_at, section, name in session.execute(
            select(talk.raised_at, talk.resolved_at, talk.section, models.Resident.preferred_name)
            .join(models.Resident, models.Resident.id == talk.resident_id)
            .where(window.within(talk.raised_at))
            .order_by(talk.raised_at, talk.id)
        )
    )
