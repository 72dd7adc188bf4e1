"""Care plans, read side: the newest version of a resident's plan, for them or their carers.

A care plan is private. The resident reads only their own, and only once they have passed
the check their care-plan setting asks for; staff need the right to write care plans.
Rights are checked before the database is touched. Every plan shown is audited (who,
which resident) in the same transaction, never with any of the plan's words.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.access import Actor, Capability
from kiosk.domain.care_plans import (
    AgreedRisk,
    CarePlanView,
    DailyRoutine,
    PlanGoal,
    sections_in_order,
)
from kiosk.domain.enums import CarePlanSection, GoalStatus
from kiosk.domain.errors import NotFoundError
from kiosk.domain.text import N_
from kiosk.services.audit import record
from kiosk.storage import models
from kiosk.storage.database import session_scope

VIEW_ACTION = "care_plan.view"


class CarePlanService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def current(self, actor: Actor, resident_id: int) -> CarePlanView | None:
        """The newest version of the resident's plan, or None if no plan has been written.

        Raises NotAllowedError for anyone but the resident (past their check) and staff
        who write care plans, and NotFoundError for an unknown resident. Only a plan
        actually shown is audited.
        """
        actor.require_private(resident_id, Capability.WRITE_CARE_PLANS)
        with session_scope(self._sessions) as session:
            if session.get(models.Resident, resident_id) is None:
                raise NotFoundError(N_("We could not find that resident."))
            version = _newest_version(session, resident_id)
            if version is None:
                return None
            view = _to_view(session, resident_id, version)
            record(session, actor, VIEW_ACTION, record_type="resident", record_id=resident_id)
            return view


def _newest_version(session: Session, resident_id: int) -> models.CarePlanVersion | None:
    return session.scalars(
        select(models.CarePlanVersion)
        .join(models.CarePlan, models.CarePlan.id == models.CarePlanVersion.care_plan_id)
        .where(models.CarePlan.resident_id == resident_id)
        .order_by(models.CarePlanVersion.version_number.desc())
        .limit(1)
    ).first()


def _to_view(session: Session, resident_id: int, version: models.CarePlanVersion) -> CarePlanView:
    bodies = {
        CarePlanSection(row.section): row.body
        for row in session.scalars(
            select(models.CarePlanSectionText).where(
                models.CarePlanSectionText.version_id == version.id
            )
        )
    }
    goals = session.scalars(
        select(models.CarePlanGoal)
        .where(models.CarePlanGoal.version_id == version.id)
        .order_by(models.CarePlanGoal.position)
    )
    routines = session.scalars(
        select(models.CarePlanRoutine)
        .where(models.CarePlanRoutine.version_id == version.id)
        .order_by(models.CarePlanRoutine.position)
    )
    risks = session.scalars(
        select(models.CarePlanRisk)
        .where(models.CarePlanRisk.version_id == version.id)
        .order_by(models.CarePlanRisk.position)
    )
    return CarePlanView(
        resident_id=resident_id,
        version_number=version.version_number,
        created_at=version.created_at,
        sections=sections_in_order(bodies),
        goals=tuple(
            PlanGoal(row.goal, row.expressed_by, GoalStatus(row.status), row.review_on)
            for row in goals
        ),
        routines=tuple(
            DailyRoutine(row.name, row.timing, row.steps, row.music) for row in routines
        ),
        risks=tuple(AgreedRisk(row.risk, row.agreement, row.agreed_by) for row in risks),
        supported_by=version.supported_by,
        next_review_on=version.next_review_on,
    )
