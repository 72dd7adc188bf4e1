"""The resident's side of the care-plan conversation: "Yes, that's right", "I want to talk
about this", staff resolving it, and the resident hearing the outcome once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.domain.access import Actor
from kiosk.domain.care_plans import PlanDraft, WhoTookPart
from kiosk.domain.enums import CarePlanSection, StaffRole, TalkRequestSource
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.residents import NewResident
from kiosk.services.care_plan_talk import CarePlanTalkService
from kiosk.services.care_plans import CarePlanService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
SUPPORT = CarePlanSection.SUPPORT


@pytest.fixture
def clock() -> list[datetime]:
    return [NOW]


@pytest.fixture
def talk(database: Database, clock: list[datetime]) -> CarePlanTalkService:
    return CarePlanTalkService(database.sessions, now=lambda: clock[0])


@pytest.fixture
def carer(database: Database, manager: Actor) -> Actor:
    member = StaffService(database.sessions).add(manager, "Cara Jones", StaffRole.CARER, "5555")
    return Actor.staff(member.id, StaffRole.CARER)


@pytest.fixture
def residents(database: Database, manager: Actor, carer: Actor) -> tuple[int, int]:
    """Ada, with a plan written, and Bert."""
    service = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    ada = service.add(manager, NewResident("Ada")).id
    bert = service.add(manager, NewResident("Bert")).id
    CarePlanService(database.sessions).save(
        carer,
        ada,
        PlanDraft(sections={SUPPORT: "Knock and wait."}),
        WhoTookPart("Ada and Cara", resident_took_part=True),
    )
    return ada, bert


def _confirmations(database: Database) -> list[tuple[str | None, int]]:
    with database.sessions() as session:
        rows = session.scalars(select(models.CarePlanConfirmation)).all()
        return [(row.section, row.resident_id) for row in rows]


def test_yes_thats_right_is_dated_once_per_tap_and_shown_on_the_plan(
    database: Database,
    talk: CarePlanTalkService,
    residents: tuple[int, int],
    clock: list[datetime],
) -> None:
    ada, _ = residents
    me = Actor.resident_in_private(ada)
    assert talk.confirm(me, ada, SUPPORT) == NOW
    clock[0] = NOW + timedelta(seconds=1)
    assert talk.confirm(me, ada, SUPPORT) == NOW  # a double tap
    assert _confirmations(database) == [("support", ada)]
    clock[0] = NOW + timedelta(days=2)
    talk.confirm(me, ada, SUPPORT)
    assert len(_confirmations(database)) == 2
    plan = CarePlanService(database.sessions).current(me, ada)
    assert plan is not None and plan.confirmed == {SUPPORT: NOW + timedelta(days=2)}


def test_only_the_resident_past_their_check_answers_about_their_own_plan(
    talk: CarePlanTalkService, residents: tuple[int, int], carer: Actor
) -> None:
    ada, bert = residents
    for actor in (Actor.resident(ada), Actor.resident_in_private(bert)):
        with pytest.raises(NotAllowedError):
            talk.confirm(actor, ada, SUPPORT)
        with pytest.raises(NotAllowedError):
            talk.ask_to_talk(actor, ada, SUPPORT)
        with pytest.raises(NotAllowedError):
            talk.outcomes_to_hear(actor, ada)
    with pytest.raises(NotAllowedError):
        talk.requests(Actor.resident_in_private(ada))
    with pytest.raises(NotFoundError):  # Bert has no plan to confirm
        talk.confirm(Actor.resident_in_private(bert), bert, SUPPORT)
    assert talk.ask_to_talk(carer, ada, None).raised_via is TalkRequestSource.STAFF


def test_a_request_is_resolved_and_the_resident_hears_the_outcome_once(
    database: Database,
    talk: CarePlanTalkService,
    residents: tuple[int, int],
    carer: Actor,
    clock: list[datetime],
) -> None:
    ada, _ = residents
    me = Actor.resident_in_private(ada)
    asked = talk.ask_to_talk(me, ada, SUPPORT, note="  <b>&amp; 🙂  ")
    assert talk.ask_to_talk(me, ada, SUPPORT).id == asked.id  # one open request a section
    assert asked.note == "<b>&amp; 🙂" and asked.raised_via is TalkRequestSource.KIOSK
    clock[0] = NOW + timedelta(hours=1)
    whole_plan = talk.ask_to_talk(me, ada, None)
    assert [r.id for r in talk.requests(carer)] == [asked.id, whole_plan.id]  # oldest first
    with pytest.raises(ValidationError):
        talk.resolve(carer, asked.id, "   ")
    resolved = talk.resolve(carer, asked.id, "We'll knock twice & wait. ਧੰਨਵਾਦ")
    assert resolved.resolved_by == "Cara Jones" and resolved.resolved
    with pytest.raises(NotAllowedError):
        talk.resolve(carer, asked.id, "Again")
    assert [r.id for r in talk.requests(carer)] == [whole_plan.id]
    assert len(talk.requests(carer, include_resolved=True)) == 2
    heard = talk.outcomes_to_hear(me, ada)
    assert [(r.id, r.resolution) for r in heard] == [(asked.id, "We'll knock twice & wait. ਧੰਨਵਾਦ")]
    talk.outcomes_heard(me, ada, [r.id for r in heard])
    assert talk.outcomes_to_hear(me, ada) == ()
    assert talk.ask_to_talk(me, ada, SUPPORT).id != asked.id  # a new one after resolving
    with database.sessions() as session:
        actions = session.scalars(
            select(models.AuditEvent.action).where(models.AuditEvent.action.like("care_plan.%"))
        ).all()
    assert actions.count("care_plan.talk_request") == 3
    assert actions.count("care_plan.talk_resolved") == 1
