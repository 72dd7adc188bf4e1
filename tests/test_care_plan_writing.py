"""Writing care plans with the person: every save a new version, nothing overwritten, any
two versions compared; reviews and the list of reviews due; rights and audit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.care_plan_diff import Change
from kiosk.domain.care_plan_records import ReviewState
from kiosk.domain.care_plans import (
    AgreedRisk,
    DailyRoutine,
    PlanDraft,
    PlanGoal,
    WhoTookPart,
)
from kiosk.domain.enums import CarePlanSection, GoalStatus, StaffRole
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.residents import NewResident
from kiosk.services.care_plans import CarePlanService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

HOSTILE = "<b>bold</b> & &amp; \u202e 🙂 ਦਾਲ ŵŷ zażółć\nsecond line"
WITH_ADA = WhoTookPart("Ada, her son Tom, and Cara Jones", resident_took_part=True)
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> list[datetime]:
    return [NOW]


@pytest.fixture
def plans(database: Database, clock: list[datetime]) -> CarePlanService:
    return CarePlanService(database.sessions, now=lambda: clock[0])


@pytest.fixture
def ada(database: Database, manager: Actor) -> int:
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    return residents.add(manager, NewResident("Ada", room="4")).id


@pytest.fixture
def bert(database: Database, manager: Actor) -> int:
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    return residents.add(manager, NewResident("Bert")).id


@pytest.fixture
def carer(database: Database, manager: Actor) -> Actor:
    member = StaffService(database.sessions).add(manager, "Cara Jones", StaffRole.CARER, "5555")
    return Actor.staff(member.id, StaffRole.CARER)


@pytest.fixture
def kitchen(database: Database, manager: Actor) -> Actor:
    member = StaffService(database.sessions).add(manager, "Kit Evans", StaffRole.KITCHEN, "6666")
    return Actor.staff(member.id, StaffRole.KITCHEN)


def _draft(**sections: str) -> PlanDraft:
    return PlanDraft(
        sections={CarePlanSection(name): body for name, body in sections.items()},
        goals=(PlanGoal("Walk to the garden each day", "Ada", GoalStatus.ACTIVE, None),),
        routines=(DailyRoutine("Morning", "About 8", "Tea first, then wash.", "Radio 2"),),
        risks=(AgreedRisk("Falls on the stairs", "Use the lift with a carer", "Ada and Tom"),),
        supported_by="Cara Jones",
        next_review_on=date(2027, 2, 1),
    )


def _count(database: Database, model: type[models.Base]) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_every_save_is_a_new_version_and_the_old_one_is_kept_exactly(
    database: Database, plans: CarePlanService, carer: Actor, ada: int, clock: list[datetime]
) -> None:
    first = plans.save(carer, ada, _draft(what_matters=HOSTILE), WITH_ADA)
    clock[0] = NOW + timedelta(days=30)
    second = plans.save(
        carer,
        ada,
        _draft(what_matters="My garden.", support="Knock and wait."),
        WhoTookPart("Ada and Cara", resident_took_part=True, what_changed="Ada's words"),
    )
    assert (first.version_number, second.version_number) == (1, 2)
    assert first.body(CarePlanSection.WHAT_MATTERS) == HOSTILE  # kept exactly
    assert first.resident_name == "Ada"
    assert plans.version(carer, ada, 1).body(CarePlanSection.WHAT_MATTERS) == HOSTILE
    assert plans.current(carer, ada) == second
    assert second.goals[0].goal == "Walk to the garden each day"
    assert second.routines[0].music == "Radio 2"
    assert second.risks[0].agreed_by == "Ada and Tom"
    history = plans.versions(carer, ada)
    assert [summary.number for summary in history] == [2, 1]
    assert history[0].what_changed == "Ada's words"
    assert history[0].written_by == "Cara Jones"
    assert history[1].people_present == "Ada, her son Tom, and Cara Jones"
    assert all(summary.resident_took_part for summary in history)
    assert _count(database, models.CarePlanVersion) == 2
    assert _count(database, models.CarePlan) == 1


def test_two_versions_compare_line_by_line(plans: CarePlanService, carer: Actor, ada: int) -> None:
    plans.save(carer, ada, _draft(what_matters="My garden.\nMy cat."), WITH_ADA)
    changed = PlanDraft(
        sections={CarePlanSection.WHAT_MATTERS: "My garden.\nMy daughter."},
        goals=(),
        supported_by="Cara Jones",
    )
    plans.save(carer, ada, changed, WITH_ADA)
    diff = plans.compare(carer, ada, 1, 2)
    what_matters = next(p for p in diff.parts if p.part == CarePlanSection.WHAT_MATTERS)
    assert [(line.change, line.text) for line in what_matters.lines] == [
        (Change.SAME, "My garden."),
        (Change.REMOVED, "My cat."),
        (Change.ADDED, "My daughter."),
    ]
    changed_parts = {part.part for part in diff.changed_parts}
    assert changed_parts == {CarePlanSection.WHAT_MATTERS, "goals", "routines", "risks"}
    with pytest.raises(NotFoundError):
        plans.compare(carer, ada, 1, 9)


def test_who_was_there_is_required_and_bad_text_is_refused_in_words(
    database: Database, plans: CarePlanService, carer: Actor, ada: int
) -> None:
    with pytest.raises(ValidationError) as missing:
        plans.save(carer, ada, _draft(), WhoTookPart("  ", resident_took_part=False))
    assert missing.value.field == "people_present"
    with pytest.raises(ValidationError) as control:
        plans.save(carer, ada, _draft(support="a\x00b"), WITH_ADA)
    assert control.value.field == "section.support"
    blank_goal = PlanDraft(sections={}, goals=(PlanGoal(" ", None, GoalStatus.ACTIVE, None),))
    with pytest.raises(ValidationError) as goal:
        plans.save(carer, ada, blank_goal, WITH_ADA)
    assert goal.value.field == "goal"
    assert _count(database, models.CarePlanVersion) == 0  # nothing half-written
    long_words = "word " * 2_000  # 10,000 letters: kept
    saved = plans.save(carer, ada, _draft(also_know=long_words), WITH_ADA)
    assert saved.body(CarePlanSection.ALSO_KNOW) == long_words.strip()


def test_only_carers_and_managers_write_and_every_edit_is_audited_without_words(
    database: Database, plans: CarePlanService, carer: Actor, kitchen: Actor, ada: int
) -> None:
    for attempt in (
        lambda: plans.save(kitchen, ada, _draft(), WITH_ADA),
        lambda: plans.versions(kitchen, ada),
        lambda: plans.overview(kitchen, NOW.date()),
        lambda: plans.save(Actor.resident_in_private(ada), ada, _draft(), WITH_ADA),
    ):
        with pytest.raises(NotAllowedError):
            attempt()
    plans.save(carer, ada, _draft(what_matters="Secret words"), WITH_ADA)
    with database.sessions() as session:
        edits = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "care_plan.edit")
        ).all()
    assert [(e.actor_staff_id, e.record_id, e.detail) for e in edits] == [
        (carer.staff_id, ada, "version 1")
    ]


def test_a_review_sets_the_next_date_and_the_list_shows_overdue_first(
    plans: CarePlanService, carer: Actor, ada: int, bert: int, clock: list[datetime]
) -> None:
    today = NOW.date()
    overview = {status.resident_id: status for status in plans.overview(carer, today)}
    assert overview[ada].state is ReviewState.NO_PLAN
    plans.save(carer, ada, _draft(), WITH_ADA)  # review due 2027-02-01
    plans.save(
        carer, bert, PlanDraft(sections={}, next_review_on=today - timedelta(days=3)), WITH_ADA
    )
    listed = plans.overview(carer, today)
    assert [status.resident_id for status in listed] == [bert, ada]
    assert [status.state for status in listed] == [ReviewState.OVERDUE, ReviewState.LATER]
    with pytest.raises(ValidationError):
        plans.record_review(carer, bert, today, WITH_ADA, next_review_on=today - timedelta(days=1))
    with pytest.raises(ValidationError):
        plans.record_review(carer, bert, today + timedelta(days=1), WITH_ADA, next_review_on=None)
    clock[0] = NOW + timedelta(minutes=5)
    review = plans.record_review(
        carer,
        bert,
        today,
        WhoTookPart("Bert and Cara", resident_took_part=False, what_changed="Nothing today"),
        next_review_on=today + timedelta(days=10),
    )
    assert review.reviewed_by == "Cara Jones" and review.version_number == 1
    bert_now = next(s for s in plans.overview(carer, today) if s.resident_id == bert)
    assert (bert_now.state, bert_now.next_review_on) == (
        ReviewState.DUE_SOON,
        today + timedelta(days=10),
    )
    assert plans.current(carer, bert).next_review_on == today + timedelta(days=10)
    assert [r.what_changed for r in plans.reviews(carer, bert)] == ["Nothing today"]


def test_a_plan_not_yet_written_cannot_be_reviewed(
    plans: CarePlanService, carer: Actor, ada: int
) -> None:
    with pytest.raises(NotFoundError):
        plans.record_review(carer, ada, NOW.date(), WITH_ADA, next_review_on=None)
