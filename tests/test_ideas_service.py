"""Residents' ideas for activities and the home, on a real SQLite file: send, drafts,
"me too", the coordinator's inbox and answers, "You said, we did", and the week."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select

from kiosk.domain.access import Actor
from kiosk.domain.enums import (
    DatabaseKind,
    MealSlot,
    ProposalStatus,
    ProposalTopic,
    SlotSource,
    StaffRole,
)
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.ideas import (
    DEFAULT_ANSWER_WORDS,
    IdeaAnswer,
    IdeaAnswerKind,
    NewIdea,
)
from kiosk.domain.meals import Answer, AnswerKind, NewMealSuggestion
from kiosk.domain.residents import NewResident
from kiosk.domain.schedule import NewActivity, NewSlot
from kiosk.services import proposals
from kiosk.services.ideas import IdeasService
from kiosk.services.residents import ResidentsService
from kiosk.services.schedule import ScheduleService
from kiosk.services.staff import StaffService
from kiosk.services.suggestions import SuggestionsService
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, session_scope, sqlite_url
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

START = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # summer: home time is an hour ahead of UTC
LONDON = ZoneInfo("Europe/London")
STAFF_PINS = {StaffRole.CARER: "5555", StaffRole.KITCHEN: "6666", StaffRole.COORDINATOR: "7777"}
IDEA_TOPICS = [ProposalTopic.ACTIVITY, ProposalTopic.HOME, ProposalTopic.OTHER]
HOSTILE_TEXT = [
    "<b>&amp;</b> & </para> trip",
    "Seaside 🏖️🍦 please 👵🏽",
    "ਗੁਰਦੁਆਰੇ ਜਾਣਾ",  # a visit to the gurdwara, in Gurmukhi
    "Côr meibion yn y lolfa",
    "Wycieczka nad morze",
    "رحلة إلى البحر",  # right-to-left
]


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@dataclass(frozen=True)
class Home:
    database: Database
    clock: Clock
    service: IdeasService
    meals: SuggestionsService
    schedule: ScheduleService
    staff: dict[StaffRole, Actor]
    ann: Actor
    bob: Actor
    cai: Actor
    singing: int  # a live activity
    bingo: int  # an activity no longer offered

    @property
    def coordinator(self) -> Actor:
        return self.staff[StaffRole.COORDINATOR]


@pytest.fixture
def home(database: Database, manager: Actor) -> Home:
    """A new home: staff of every role, three residents, two activities, a clock to move."""
    staff_service = StaffService(database.sessions)
    staff = {StaffRole.MANAGER: manager}
    for role, pin in STAFF_PINS.items():
        member = staff_service.add(manager, f"{role.value.title()} Jones", role, pin)
        staff[role] = Actor.staff(member.id, role)
    residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
    ann, bob, cai = (
        Actor.resident(residents.add(manager, NewResident(name)).id)
        for name in ("Ann", "Bob", "Cai")
    )
    clock = Clock(START)
    schedule = ScheduleService(database.sessions, now=clock)
    singing = schedule.add_activity(manager, NewActivity("Singing for fun", "singing", "Lounge"))
    bingo = schedule.add_activity(manager, NewActivity("Bingo", "bingo"))
    with session_scope(database.sessions) as session:
        row = session.get(models.Activity, bingo.id)
        assert row is not None
        row.archived_at = START
    return Home(
        database,
        clock,
        IdeasService(database.sessions, now=clock),
        SuggestionsService(database.sessions, now=clock),
        schedule,
        staff,
        ann,
        bob,
        cai,
        singing.id,
        bingo.id,
    )


def _idea(title: str = "A trip to the seaside", **more: object) -> NewIdea:
    topic = more.pop("topic", ProposalTopic.ACTIVITY)
    return NewIdea(topic, title, **more)  # type: ignore[arg-type]


def _count(database: Database, model: type[models.Base], *where: object) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _proposal(database: Database, proposal_id: int) -> models.Proposal:
    with database.sessions() as session:
        row = session.get(models.Proposal, proposal_id)
        assert row is not None
        return row


def _at_home(day: int, hour: int) -> datetime:
    return datetime(2026, 6, day, hour, 0, tzinfo=LONDON)


# ---------------------------------------------------------------------------------------
# Sending an idea


@pytest.mark.parametrize("topic", IDEA_TOPICS)
def test_a_resident_sends_an_idea_about_each_topic(home: Home, topic: ProposalTopic) -> None:
    sent = home.service.suggest_idea(
        home.ann,
        NewIdea(topic, "  A bird   feeder ", picture="bird", reason="I miss them.\nEvery day."),
    )
    assert (sent.topic, sent.title, sent.picture, sent.reason) == (
        topic,
        "A bird feeder",
        "bird",
        "I miss them.\nEvery day.",
    )
    assert sent.status is ProposalStatus.OPEN and sent.submitted_at == START
    assert sent.resident_name == "Ann" and sent.supporters == 0 and sent.supported_by_viewer
    assert sent.planned_for is None and not sent.answered
    assert home.service.open_ideas(home.bob, topic) == [
        dataclasses.replace(sent, supported_by_viewer=False)
    ]
    others = [t for t in IDEA_TOPICS if t is not topic]
    assert all(home.service.open_ideas(home.bob, t) == [] for t in others)
    assert home.meals.open_meal_suggestions(home.bob) == []


def test_a_meal_idea_is_sent_to_the_kitchen_instead(home: Home) -> None:
    meal = _idea("Fish pie", topic=ProposalTopic.MEAL)
    for attempt in (
        lambda: home.service.suggest_idea(home.ann, meal),
        lambda: home.service.save_idea_draft(home.ann, meal),
        lambda: home.service.open_ideas(home.ann, ProposalTopic.MEAL),
    ):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.text() == "Meal ideas go to the kitchen. Please use Suggest a meal."
    assert _count(home.database, models.Proposal) == 0


def test_an_activity_from_the_list_gives_the_title_and_picture(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea("", activity_id=home.singing))
    assert (sent.title, sent.picture, sent.activity_id) == (
        "Singing for fun",
        "singing",
        home.singing,
    )
    own = home.service.suggest_idea(home.bob, _idea("More singing", activity_id=home.singing))
    assert (own.title, own.picture) == ("More singing", "singing")

    with pytest.raises(ValidationError) as refused:
        home.service.suggest_idea(home.ann, _idea("", activity_id=home.bingo))
    assert "no longer offered here" in refused.value.text()
    with pytest.raises(NotFoundError):
        home.service.suggest_idea(home.ann, _idea("", activity_id=999))
    with pytest.raises(ValidationError, match="picture"):
        home.service.suggest_idea(home.ann, _idea(picture="../../etc/passwd"))
    assert _count(home.database, models.Proposal) == 2


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_typed_words_are_kept_exactly(home: Home, text: str) -> None:
    sent = home.service.suggest_idea(home.ann, _idea(text, reason=f"{text}\n{text}"))
    stored = _proposal(home.database, sent.id)
    assert (stored.title, stored.details) == (text, f"{text}\n{text}")
    [listed] = home.service.inbox(home.coordinator)
    assert (listed.title, listed.reason) == (text, f"{text}\n{text}")
    answered = home.service.answer(
        home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.NOT_NOW, f"{text} 🙂")
    )
    assert answered.response == f"{text} 🙂" == _proposal(home.database, sent.id).response


@pytest.mark.parametrize(
    ("new", "words"),
    [
        (_idea(""), "Please write something here first."),
        (_idea("   "), "Please write something here first."),
        (_idea("x" * 10_000), "This is too long: 10000 letters. Please keep it under 120."),
        (
            _idea("Trip", reason="x" * 10_000),
            "This is too long: 10000 letters. Please keep it under 1000.",
        ),
        (_idea("Trip\x00"), "This has a hidden control character in it. Please type it again."),
    ],
)
def test_empty_or_too_long_words_are_refused_in_words(home: Home, new: NewIdea, words: str) -> None:
    with pytest.raises(ValidationError) as refused:
        home.service.suggest_idea(home.ann, new)
    assert refused.value.text() == words
    assert _count(home.database, models.Proposal) == 0


def test_a_double_tap_sends_one_idea(home: Home) -> None:
    first = home.service.suggest_idea(home.ann, _idea(client_token="tap-1"))
    home.clock.tick(seconds=1)
    again = home.service.suggest_idea(home.ann, _idea(client_token="tap-1"))
    assert again == first
    assert _count(home.database, models.Proposal) == 1
    other = home.service.suggest_idea(home.ann, _idea(client_token="tap-2"))
    assert other.id != first.id and _count(home.database, models.Proposal) == 2
    with pytest.raises(ValidationError):  # someone else's token is never theirs to see
        home.service.suggest_idea(home.bob, _idea(client_token="tap-1"))


def test_a_double_tap_racing_past_the_check_still_sends_one(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = home.service.suggest_idea(home.ann, _idea(client_token="tap-1"))
    real = IdeasService._by_token
    misses = iter([True])  # the first look-up misses, as if the other tap had not landed yet

    def late(self: IdeasService, token: str, resident_id: int) -> object:
        return None if next(misses, False) else real(self, token, resident_id)

    monkeypatch.setattr(IdeasService, "_by_token", late)
    assert home.service.suggest_idea(home.ann, _idea(client_token="tap-1")).id == first.id
    assert _count(home.database, models.Proposal) == 1


def test_two_kiosk_threads_sending_one_token_store_one_idea(home: Home) -> None:
    start = threading.Barrier(2)
    sent: list[int] = []
    failed: list[BaseException] = []

    def tap() -> None:
        try:
            start.wait(timeout=30)
            sent.append(home.service.suggest_idea(home.ann, _idea(client_token="tap-1")).id)
        except BaseException as error:  # reported below, in the test's own thread
            failed.append(error)

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    assert len(sent) == 2 and sent[0] == sent[1]
    assert _count(home.database, models.Proposal) == 1


@pytest.mark.parametrize("role", list(StaffRole))
def test_only_residents_send_ideas(home: Home, role: StaffRole) -> None:
    with pytest.raises(NotAllowedError):
        home.service.suggest_idea(home.staff[role], _idea())
    with pytest.raises(NotAllowedError):
        home.service.save_idea_draft(home.staff[role], _idea())
    with pytest.raises(NotAllowedError):
        home.service.support(home.staff[role], 1)
    assert _count(home.database, models.Proposal) == 0


# ---------------------------------------------------------------------------------------
# Drafts


def test_a_draft_is_kept_carried_on_and_sent(home: Home) -> None:
    assert home.service.save_idea_draft(home.ann, _idea(" ")) is None
    assert home.service.idea_draft(home.ann) is None and _count(home.database, models.Proposal) == 0

    first = home.service.save_idea_draft(home.ann, _idea("A trip to", picture="beach"))
    home.clock.tick(minutes=1)
    second = home.service.save_idea_draft(
        home.ann,
        _idea("A garden  seat", topic=ProposalTopic.HOME, reason="To sit out", picture="garden"),
    )
    assert first == second and _count(home.database, models.Proposal) == 1
    draft = home.service.idea_draft(home.ann)
    assert draft is not None and draft.id == first
    assert (draft.topic, draft.title, draft.reason, draft.picture, draft.status) == (
        ProposalTopic.HOME,
        "A garden seat",
        "To sit out",
        "garden",
        ProposalStatus.DRAFT,
    )
    assert home.service.inbox(home.coordinator) == []
    assert home.service.open_ideas(home.bob, ProposalTopic.HOME) == []

    sent = home.service.suggest_idea(
        home.ann, _idea("A garden seat", topic=ProposalTopic.HOME), draft_id=first
    )
    assert sent.id == first and sent.status is ProposalStatus.OPEN
    assert home.service.idea_draft(home.ann) is None
    assert _count(home.database, models.Proposal) == 1


def test_meal_drafts_and_idea_drafts_are_never_mixed(home: Home) -> None:
    meal_id = home.meals.save_meal_draft(home.ann, NewMealSuggestion(MealSlot.TEA, "Scones"))
    idea_id = home.service.save_idea_draft(home.ann, _idea("Bowls"))
    assert meal_id is not None and idea_id is not None and meal_id != idea_id
    meal, idea = home.meals.meal_draft(home.ann), home.service.idea_draft(home.ann)
    assert meal is not None and meal.title == "Scones"
    assert idea is not None and idea.title == "Bowls"

    home.service.save_idea_draft(home.ann, _idea("Bowls on the lawn"))  # replaces the idea only
    assert _proposal(home.database, meal_id).title == "Scones"
    # A meal draft's id handed to the ideas service is not an idea draft: a new idea is sent.
    sent = home.service.suggest_idea(home.ann, _idea("Darts"), draft_id=meal_id)
    assert sent.id not in (meal_id, idea_id)
    assert _proposal(home.database, meal_id).status == ProposalStatus.DRAFT.value

    home.service.discard_idea_draft(home.ann)
    assert home.service.idea_draft(home.ann) is None
    assert home.meals.meal_draft(home.ann) is not None
    home.service.save_idea_draft(home.ann, _idea("Bowls"))
    home.meals.discard_meal_draft(home.ann)
    assert home.service.idea_draft(home.ann) is not None


def test_another_residents_draft_is_never_taken_over(home: Home) -> None:
    anns = home.service.save_idea_draft(home.ann, _idea("Bowls"))
    sent = home.service.suggest_idea(home.bob, _idea("Darts"), draft_id=anns)
    assert sent.id != anns and sent.resident_name == "Bob"
    draft = home.service.idea_draft(home.ann)
    assert draft is not None and draft.title == "Bowls"


# ---------------------------------------------------------------------------------------
# "Me too"


def test_me_too_counts_once_per_resident(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    once = home.service.support(home.bob, sent.id)
    twice = home.service.support(home.bob, sent.id)
    assert once.supporters == twice.supporters == 1 and twice.supported_by_viewer
    assert home.service.support(home.cai, sent.id).supporters == 2
    assert _count(home.database, models.ProposalSupport) == 2


def test_your_own_idea_already_counts_as_yours(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    own = home.service.support(home.ann, sent.id)
    assert own.supported_by_viewer and own.supporters == 0
    assert _count(home.database, models.ProposalSupport) == 0


def test_me_too_racing_past_the_check_counts_once(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    home.service.support(home.bob, sent.id)
    real = proposals.has_supported
    misses = iter([True])  # the check misses the row the other tap has just written

    def late(session: object, proposal_id: int, resident_id: int) -> bool:
        return False if next(misses, False) else real(session, proposal_id, resident_id)  # type: ignore[arg-type]

    monkeypatch.setattr(proposals, "has_supported", late)
    again = home.service.support(home.bob, sent.id)
    assert next(misses, "used") == "used"  # the check did miss
    assert again.supporters == 1 and again.supported_by_viewer
    assert _count(home.database, models.ProposalSupport) == 1


def test_an_answered_idea_takes_no_more_me_too(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    home.service.answer(home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.YES))
    with pytest.raises(ValidationError) as refused:
        home.service.support(home.bob, sent.id)
    assert refused.value.text() == "This idea has been answered already, so it is closed now."
    assert _count(home.database, models.ProposalSupport) == 0
    with pytest.raises(NotFoundError):
        home.service.support(home.bob, 999)
    meal = home.meals.suggest_meal(home.ann, NewMealSuggestion(MealSlot.LUNCH, "Fish pie"))
    with pytest.raises(NotFoundError):  # a meal is the kitchen's, not an idea
        home.service.support(home.bob, meal.id)


# ---------------------------------------------------------------------------------------
# Browsing


def test_open_ideas_most_supported_first_then_newest(home: Home) -> None:
    older = home.service.suggest_idea(home.ann, _idea("Bowls"))
    home.clock.tick(hours=1)
    popular = home.service.suggest_idea(home.ann, _idea("A trip to the seaside"))
    home.clock.tick(hours=1)
    newest = home.service.suggest_idea(home.bob, _idea("Darts"))
    home.service.support(home.bob, popular.id)
    answered = home.service.suggest_idea(home.cai, _idea("Chess"))
    home.service.answer(home.coordinator, answered.id, IdeaAnswer(IdeaAnswerKind.NO, "No."))
    home.service.suggest_idea(home.cai, _idea("A new sofa", topic=ProposalTopic.HOME))

    listed = home.service.open_ideas(home.bob, ProposalTopic.ACTIVITY)
    assert [i.id for i in listed] == [popular.id, newest.id, older.id]
    assert [i.supported_by_viewer for i in listed] == [True, True, False]
    as_staff = home.service.open_ideas(home.coordinator, ProposalTopic.ACTIVITY)
    assert not any(i.supported_by_viewer for i in as_staff)


def test_similar_ideas_are_offered_before_sending(home: Home) -> None:
    seaside = home.service.suggest_idea(home.ann, _idea("A trip to the seaside"))
    home.service.suggest_idea(home.ann, _idea("Bowls"))
    for title in ("A trip to the zoo", "A trip to the pub", "A trip to the park"):
        home.service.suggest_idea(home.bob, _idea(title))
    answered = home.service.suggest_idea(home.cai, _idea("A trip to the seaside"))
    home.service.answer(home.coordinator, answered.id, IdeaAnswer(IdeaAnswerKind.NO, "No."))
    home_idea = home.service.suggest_idea(
        home.cai, _idea("Seaside pictures in the hall", topic=ProposalTopic.HOME)
    )

    found = home.service.similar_ideas("trip to the seaside", home.cai, ProposalTopic.ACTIVITY)
    assert found[0].id == seaside.id
    assert answered.id not in {i.id for i in found}
    assert len(home.service.similar_ideas("a trip", home.cai, ProposalTopic.ACTIVITY)) == 3
    assert home.service.similar_ideas("knitting", home.cai, ProposalTopic.ACTIVITY) == []
    found_home = home.service.similar_ideas("seaside pictures", home.ann, ProposalTopic.HOME)
    assert [i.id for i in found_home] == [home_idea.id]


# ---------------------------------------------------------------------------------------
# The coordinator's inbox and answers


def test_inbox_unanswered_oldest_first_then_answered_newest_first(home: Home) -> None:
    first = home.service.suggest_idea(home.ann, _idea("Bowls"))
    home.clock.tick(days=1)
    second = home.service.suggest_idea(home.bob, _idea("A new sofa", topic=ProposalTopic.HOME))
    home.clock.tick(days=1)
    third = home.service.suggest_idea(home.cai, _idea("Darts", topic=ProposalTopic.OTHER))
    fourth = home.service.suggest_idea(home.cai, _idea("Chess"))
    home.service.save_idea_draft(home.ann, _idea("Cards"))
    home.meals.suggest_meal(home.ann, NewMealSuggestion(MealSlot.LUNCH, "Fish pie"))
    home.clock.tick(hours=1)
    home.service.answer(home.coordinator, third.id, IdeaAnswer(IdeaAnswerKind.NOT_NOW, "Soon."))
    home.clock.tick(hours=1)
    home.service.answer(home.coordinator, fourth.id, IdeaAnswer(IdeaAnswerKind.NO, "No board."))

    inbox = home.service.inbox(home.coordinator)
    assert [i.id for i in inbox] == [first.id, second.id, fourth.id, third.id]
    assert [i.resident_name for i in inbox] == ["Ann", "Bob", "Cai", "Cai"]
    assert inbox[2].responded_by == "Coordinator Jones" and inbox[2].response == "No board."
    assert not inbox[0].overdue(START + timedelta(days=14))
    assert inbox[0].overdue(START + timedelta(days=14, minutes=1))
    assert not inbox[2].overdue(START + timedelta(days=30))


@pytest.mark.parametrize("role", [StaffRole.KITCHEN, StaffRole.CARER])
def test_only_the_coordinator_and_manager_read_and_answer(home: Home, role: StaffRole) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    for who in (home.staff[role], home.ann):
        with pytest.raises(NotAllowedError):
            home.service.inbox(who)
        with pytest.raises(NotAllowedError):
            home.service.answer(who, sent.id, IdeaAnswer(IdeaAnswerKind.YES))
    assert len(home.service.inbox(home.coordinator)) == 1
    assert len(home.service.inbox(home.staff[StaffRole.MANAGER])) == 1
    assert _proposal(home.database, sent.id).status == ProposalStatus.OPEN.value


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (IdeaAnswerKind.YES, ProposalStatus.AGREED),
        (IdeaAnswerKind.DONE, ProposalStatus.DONE),
        (IdeaAnswerKind.NOT_NOW, ProposalStatus.NOT_NOW),
        (IdeaAnswerKind.NO, ProposalStatus.DECLINED),
    ],
)
def test_each_answer_is_stored_with_its_words(
    home: Home, kind: IdeaAnswerKind, status: ProposalStatus
) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    home.clock.tick(days=2)
    answered = home.service.answer(
        home.coordinator, sent.id, IdeaAnswer(kind, "  We talked about it.\nThank you. ")
    )
    assert answered.status is status and answered.response == "We talked about it.\nThank you."
    assert answered.responded_at == home.clock.now and answered.responded_by == "Coordinator Jones"
    stored = _proposal(home.database, sent.id)
    assert stored.done_at == (home.clock.now if kind is IdeaAnswerKind.DONE else None)
    assert stored.response_heard_at is None
    with home.database.sessions() as session:
        audit = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == "suggestion.answer")
        ).all()
    assert [(a.record_type, a.record_id, a.detail, a.actor_staff_id) for a in audit] == [
        ("proposal", sent.id, kind.value, home.coordinator.staff_id)
    ]


@pytest.mark.parametrize(
    ("kind", "words"),
    [(IdeaAnswerKind.YES, "Yes, we will do this."), (IdeaAnswerKind.DONE, "We have done this.")],
)
def test_a_plain_yes_or_done_gets_plain_words(home: Home, kind: IdeaAnswerKind, words: str) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    answered = home.service.answer(home.coordinator, sent.id, IdeaAnswer(kind, "   "))
    assert answered.response == words == DEFAULT_ANSWER_WORDS[kind]


@pytest.mark.parametrize("kind", [IdeaAnswerKind.NOT_NOW, IdeaAnswerKind.NO])
@pytest.mark.parametrize("reason", [None, "", "  \n "])
def test_not_now_and_no_need_a_reason(home: Home, kind: IdeaAnswerKind, reason: str | None) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    with pytest.raises(ValidationError) as refused:
        home.service.answer(home.coordinator, sent.id, IdeaAnswer(kind, reason))
    assert refused.value.field == "reason"
    assert refused.value.text() == (
        "Please say why, in plain words. The resident will hear this answer."
    )
    stored = _proposal(home.database, sent.id)
    assert stored.status == ProposalStatus.OPEN.value and stored.responded_at is None
    answers = _count(home.database, models.AuditEvent, models.AuditEvent.action.like("suggestion%"))
    assert answers == 0


def test_withdrawn_ideas_and_meals_are_not_answered_here(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    with session_scope(home.database.sessions) as session:
        row = session.get(models.Proposal, sent.id)
        assert row is not None
        row.status = ProposalStatus.WITHDRAWN.value
    with pytest.raises(ValidationError, match="took this suggestion back"):
        home.service.answer(home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.YES))
    assert home.service.inbox(home.coordinator) == []
    meal = home.meals.suggest_meal(home.ann, NewMealSuggestion(MealSlot.LUNCH, "Fish pie"))
    with pytest.raises(NotFoundError):
        home.service.answer(home.coordinator, meal.id, IdeaAnswer(IdeaAnswerKind.YES))
    draft = home.service.save_idea_draft(home.ann, _idea("Cards"))
    assert draft is not None
    with pytest.raises(NotFoundError):
        home.service.answer(home.coordinator, draft, IdeaAnswer(IdeaAnswerKind.YES))


# ---------------------------------------------------------------------------------------
# "You said, we did"


def test_a_changed_answer_is_heard_again(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    assert home.service.answers_to_hear(home.ann) == []
    home.service.answer(home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.NOT_NOW, "Rain."))
    [heard] = home.service.answers_to_hear(home.ann)
    assert (heard.id, heard.response, heard.status) == (sent.id, "Rain.", ProposalStatus.NOT_NOW)
    home.clock.tick(hours=1)
    home.service.mark_heard(home.ann, [sent.id])
    assert home.service.answers_to_hear(home.ann) == []
    assert _proposal(home.database, sent.id).response_heard_at == home.clock.now

    home.clock.tick(days=3)
    home.service.answer(home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.YES, "Sunny now!"))
    [again] = home.service.answers_to_hear(home.ann)
    assert again.status is ProposalStatus.AGREED and again.response == "Sunny now!"
    home.clock.tick(days=7)
    home.service.answer(home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.DONE))
    [done] = home.service.answers_to_hear(home.ann)
    assert done.status is ProposalStatus.DONE and done.done_at == home.clock.now
    home.service.mark_heard(home.ann, [done.id])
    assert home.service.answers_to_hear(home.ann) == []


def test_answers_to_hear_are_only_your_own_ideas(home: Home) -> None:
    anns = home.service.suggest_idea(home.ann, _idea("Bowls"))
    bobs = home.service.suggest_idea(home.bob, _idea("Darts"))
    meal = home.meals.suggest_meal(home.ann, NewMealSuggestion(MealSlot.LUNCH, "Fish pie"))
    for idea in (anns, bobs):
        home.service.answer(home.coordinator, idea.id, IdeaAnswer(IdeaAnswerKind.YES))
    home.meals.answer(home.staff[StaffRole.KITCHEN], meal.id, Answer(AnswerKind.NO, "No fish."))

    assert [i.id for i in home.service.answers_to_hear(home.ann)] == [anns.id]
    assert [s.id for s in home.meals.answers_to_hear(home.ann)] == [meal.id]
    home.service.mark_heard(home.ann, [anns.id, bobs.id, meal.id])  # only Ann's idea is hers
    assert home.service.answers_to_hear(home.ann) == []
    assert [i.id for i in home.service.answers_to_hear(home.bob)] == [bobs.id]
    assert [s.id for s in home.meals.answers_to_hear(home.ann)] == [meal.id]
    home.meals.mark_heard(home.ann, [meal.id, bobs.id])  # the kitchen's side leaves ideas
    assert [i.id for i in home.service.answers_to_hear(home.bob)] == [bobs.id]
    with pytest.raises(NotAllowedError):
        home.service.answers_to_hear(home.coordinator)


# ---------------------------------------------------------------------------------------
# From the idea to the week


def _plan(home: Home, proposal_id: int, starts: datetime) -> int:
    slot = home.schedule.add_slot(
        home.coordinator,
        NewSlot(
            activity_id=home.singing,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            source=SlotSource.PROPOSAL,
            proposal_id=proposal_id,
        ),
    )
    return slot.id


def test_planned_for_is_the_next_slot_made_from_the_idea(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea("More singing"))
    home.service.answer(home.coordinator, sent.id, IdeaAnswer(IdeaAnswerKind.YES))
    last_week = _plan(home, sent.id, _at_home(1, 8))  # 8 o'clock this morning, home time
    next_week = _plan(home, sent.id, _at_home(10, 14))
    week_after = _plan(home, sent.id, _at_home(17, 14))
    assert last_week and week_after

    [idea] = home.service.inbox(home.coordinator)
    assert idea.planned_for == _at_home(10, 14)
    assert idea.planned_for is not None and idea.planned_for.utcoffset() == timedelta(hours=1)
    assert (idea.planned_for.hour, idea.activity_id) == (14, home.singing)

    home.schedule.cancel_slot(home.coordinator, next_week, "The singer is unwell.")
    [idea] = home.service.answers_to_hear(home.ann)
    assert idea.planned_for == _at_home(17, 14)

    home.clock.now = _at_home(20, 9).astimezone(UTC)  # every slot is over: the latest counts
    [idea] = home.service.inbox(home.coordinator)
    assert idea.planned_for == _at_home(17, 14)


def test_an_idea_never_planned_has_no_time(home: Home) -> None:
    sent = home.service.suggest_idea(home.ann, _idea())
    other = home.service.suggest_idea(home.bob, _idea("Darts"))
    _plan(home, other.id, _at_home(3, 10))
    slot = _plan(home, sent.id, _at_home(4, 10))
    home.schedule.cancel_slot(home.coordinator, slot, "Rain.")
    planned = {i.id: i.planned_for for i in home.service.inbox(home.coordinator)}
    assert planned == {sent.id: None, other.id: _at_home(3, 10)}


def test_the_inbox_reads_the_week_in_one_query_however_many_ideas(home: Home) -> None:
    def statements_for_inbox() -> tuple[int, int]:
        """(statements reading the week, statements in all) for one inbox."""
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(home.database.engine, "before_cursor_execute", count)
        try:
            home.service.inbox(home.coordinator)
        finally:
            event.remove(home.database.engine, "before_cursor_execute", count)
        return len([s for s in seen if "schedule_slot" in s]), len(seen)

    first = home.service.suggest_idea(home.ann, _idea("Bowls"))
    _plan(home, first.id, _at_home(5, 10))
    one = statements_for_inbox()
    for day, title in enumerate(("Darts", "Chess", "Cards", "Quiz", "Bingo night"), start=6):
        more = home.service.suggest_idea(home.bob, _idea(title))
        home.service.support(home.cai, more.id)
        _plan(home, more.id, _at_home(day, 10))
    many = statements_for_inbox()
    assert one == many and one[0] == 1
    assert all(i.planned_for is not None for i in home.service.inbox(home.coordinator))


# ---------------------------------------------------------------------------------------
# The demo home


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Database]:
    opened = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    yield opened
    opened.dispose()


def _demo_resident(database: Database, name: str) -> Actor:
    with database.sessions() as session:
        resident_id = session.scalar(
            select(models.Resident.id).where(models.Resident.preferred_name == name)
        )
    assert resident_id is not None
    return Actor.resident(resident_id)


def _demo_staff(database: Database, role: StaffRole) -> Actor:
    with database.sessions() as session:
        staff_id = session.scalar(select(models.Staff.id).where(models.Staff.role == role.value))
    assert staff_id is not None
    return Actor.staff(staff_id, role)


def test_the_demo_home_reads_back_through_the_ideas_service(demo: Database) -> None:
    service = IdeasService(demo.sessions)
    now = datetime.now(UTC)
    margaret = _demo_resident(demo, "Margaret")

    activities = service.open_ideas(margaret, ProposalTopic.ACTIVITY)
    assert activities and activities[0].supporters >= 2 and all(i.picture for i in activities)
    assert service.open_ideas(margaret, ProposalTopic.HOME)
    assert service.open_ideas(margaret, ProposalTopic.OTHER)

    inbox = service.inbox(_demo_staff(demo, StaffRole.COORDINATOR))
    assert {i.topic for i in inbox} == set(IDEA_TOPICS)
    assert inbox[0].overdue(now) and not inbox[0].answered
    assert all(i.status not in (ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN) for i in inbox)
    raised = [i for i in inbox if i.resident_id is None]
    assert raised and all(i.raised_by for i in raised)
    done = [i for i in inbox if i.status is ProposalStatus.DONE]
    assert done and all(i.done_at and i.planned_for for i in done)
    assert any(i.status is ProposalStatus.AGREED and i.planned_for for i in inbox)

    pat = _demo_resident(demo, "Pat")
    unheard = service.answers_to_hear(pat)
    assert any(i.topic is ProposalTopic.HOME and i.response for i in unheard)

    ron = _demo_resident(demo, "Ron")
    draft = service.idea_draft(ron)
    assert draft is not None and draft.topic is ProposalTopic.ACTIVITY
    assert draft.status is ProposalStatus.DRAFT and "football" in draft.title.casefold()
    waiting = next(
        i for i in service.open_ideas(ron, ProposalTopic.ACTIVITY) if not i.supported_by_viewer
    )
    assert service.support(ron, waiting.id).supporters == waiting.supporters + 1
