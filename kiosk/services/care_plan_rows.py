"""Care-plan rows in and out of the database, for the care-plan services: finding a plan's
versions and reviews, turning a version into what a reader sees, and writing a new one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.care_plans import (
    AgreedRisk,
    CarePlanView,
    DailyRoutine,
    PlanDraft,
    PlanGoal,
    WhoTookPart,
    sections_in_order,
)
from kiosk.domain.enums import CarePlanSection, GoalStatus
from kiosk.domain.errors import NotFoundError, ValidationError
from kiosk.domain.text import N_
from kiosk.domain.text_rules import clean_text
from kiosk.storage import models

SECTION_MAX = 20_000  # letters in one "About Me" section
ITEM_MAX = 2_000  # a goal, a routine's steps, a risk or what was agreed
SHORT_MAX = 120  # a name, a time of day, who said it
MAX_ITEMS = 50  # goals, routines or risks in one plan


def plan_of(session: Session, resident_id: int) -> models.CarePlan | None:
    return session.scalars(
        select(models.CarePlan).where(models.CarePlan.resident_id == resident_id)
    ).first()


def newest_version(session: Session, resident_id: int) -> models.CarePlanVersion | None:
    return session.scalars(
        select(models.CarePlanVersion)
        .join(models.CarePlan, models.CarePlan.id == models.CarePlanVersion.care_plan_id)
        .where(models.CarePlan.resident_id == resident_id)
        .order_by(models.CarePlanVersion.version_number.desc())
        .limit(1)
    ).first()


def version_numbered(session: Session, resident_id: int, number: int) -> models.CarePlanVersion:
    row = session.scalars(
        select(models.CarePlanVersion)
        .join(models.CarePlan, models.CarePlan.id == models.CarePlanVersion.care_plan_id)
        .where(
            models.CarePlan.resident_id == resident_id,
            models.CarePlanVersion.version_number == number,
        )
    ).first()
    if row is None:
        raise NotFoundError(N_("We could not find that version of the care plan."))
    return row


def newest_review(session: Session, resident_id: int) -> models.CarePlanReview | None:
    return session.scalars(
        select(models.CarePlanReview)
        .join(models.CarePlan, models.CarePlan.id == models.CarePlanReview.care_plan_id)
        .where(models.CarePlan.resident_id == resident_id)
        .order_by(models.CarePlanReview.created_at.desc(), models.CarePlanReview.id.desc())
        .limit(1)
    ).first()


def next_review_on(
    session: Session, resident_id: int, version: models.CarePlanVersion
) -> date | None:
    """When the plan is next to be looked at together: from the newest review if it came
    after ``version`` (the newest), otherwise from the version itself."""
    review = newest_review(session, resident_id)
    if review is not None and review.created_at >= version.created_at:
        return review.next_review_on
    return version.next_review_on


def staff_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {each for each in ids if each is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(models.Staff.id, models.Staff.name).where(models.Staff.id.in_(wanted))
    ).all()
    return {row.id: row.name for row in rows}


def to_view(session: Session, resident_id: int, version: models.CarePlanVersion) -> CarePlanView:
    """What a reader sees of ``version``; the next review from the newest review when it
    came after this version."""
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
    confirmed = session.execute(
        select(
            models.CarePlanConfirmation.section, func.max(models.CarePlanConfirmation.confirmed_at)
        )
        .where(
            models.CarePlanConfirmation.version_id == version.id,
            models.CarePlanConfirmation.section.is_not(None),
        )
        .group_by(models.CarePlanConfirmation.section)
    ).all()
    resident = session.get(models.Resident, resident_id)
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
        next_review_on=next_review_on(session, resident_id, version),
        resident_name=resident.preferred_name if resident is not None else "",
        confirmed={CarePlanSection(section): at for section, at in confirmed},
    )


def write_version(
    session: Session,
    plan: models.CarePlan,
    draft: PlanDraft,
    took_part: WhoTookPart,
    *,
    people: str,
    staff_id: int | None,
    now: datetime,
) -> models.CarePlanVersion:
    """A new version after the newest, with every part of ``draft`` checked first (a plain
    error names the field; nothing is written then)."""
    if len(draft.goals) + len(draft.routines) + len(draft.risks) > 3 * MAX_ITEMS or any(
        len(items) > MAX_ITEMS for items in (draft.goals, draft.routines, draft.risks)
    ):
        raise ValidationError(
            "items", N_("That is too many. Please keep it under {limit}."), limit=MAX_ITEMS
        )
    sections = {
        section: _long(draft.sections.get(section), f"section.{section.value}", SECTION_MAX)
        for section in CarePlanSection
    }
    goals = [
        (
            _required(goal.goal, "goal", ITEM_MAX),
            _short(goal.expressed_by, "expressed_by"),
            GoalStatus(goal.status),
            goal.review_on,
        )
        for goal in draft.goals
    ]
    routines = [
        (
            _required(routine.name, "routine_name", SHORT_MAX),
            _short(routine.timing, "timing"),
            _long(routine.steps, "steps", ITEM_MAX),
            _long(routine.music, "music", ITEM_MAX) or None,
        )
        for routine in draft.routines
    ]
    risks = [
        (
            _required(risk.risk, "risk", ITEM_MAX),
            _required(risk.agreement, "agreement", ITEM_MAX),
            _short(risk.agreed_by, "agreed_by"),
        )
        for risk in draft.risks
    ]
    supported_by = _short(draft.supported_by, "supported_by")
    what_changed = clean_text(
        took_part.what_changed,
        field="what_changed",
        max_length=ITEM_MAX,
        required=False,
        multiline=True,
    )
    newest = session.scalar(
        select(func.max(models.CarePlanVersion.version_number)).where(
            models.CarePlanVersion.care_plan_id == plan.id
        )
    )
    version = models.CarePlanVersion(
        care_plan_id=plan.id,
        version_number=(newest or 0) + 1,
        written_by_staff_id=staff_id,
        supported_by=supported_by,
        people_present=people,
        resident_took_part=took_part.resident_took_part,
        change_summary=what_changed,
        next_review_on=draft.next_review_on,
        created_at=now,
    )
    session.add(version)
    session.flush()
    session.add_all(
        models.CarePlanSectionText(version_id=version.id, section=section.value, body=body)
        for section, body in sections.items()
        if body
    )
    session.add_all(
        models.CarePlanGoal(
            version_id=version.id,
            position=position,
            goal=goal,
            expressed_by=expressed_by,
            status=status.value,
            review_on=review_on,
        )
        for position, (goal, expressed_by, status, review_on) in enumerate(goals)
    )
    session.add_all(
        models.CarePlanRoutine(
            version_id=version.id,
            position=position,
            name=name,
            timing=timing,
            steps=steps,
            music=music,
        )
        for position, (name, timing, steps, music) in enumerate(routines)
    )
    session.add_all(
        models.CarePlanRisk(
            version_id=version.id,
            position=position,
            risk=risk,
            agreement=agreement,
            agreed_by=agreed_by,
        )
        for position, (risk, agreement, agreed_by) in enumerate(risks)
    )
    session.flush()
    return version


def _long(text: str | None, field: str, limit: int) -> str:
    return clean_text(text, field=field, max_length=limit, required=False, multiline=True) or ""


def _required(text: str | None, field: str, limit: int) -> str:
    cleaned = clean_text(text, field=field, max_length=limit, required=True, multiline=True)
    assert cleaned is not None  # required=True never returns None
    return cleaned


def _short(text: str | None, field: str) -> str | None:
    return clean_text(text, field=field, max_length=SHORT_MAX, required=False)
