"""Polls on a real SQLite file: setting up, voting, changing, closing, results, races."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.enums import (
    BallotAnswer,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    ResultsVisibility,
    StaffRole,
)
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.polls import (
    MyBallot,
    NewPoll,
    NewPollOption,
    Poll,
    PollClosedError,
    PollNotOpenError,
    ResultsHiddenError,
)
from kiosk.domain.residents import NewResident
from kiosk.services import polls as polls_module
from kiosk.services.polls import PollsService
from kiosk.services.residents import ResidentsService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database, session_scope
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
CLOSES = START + timedelta(days=7)
STAFF_PINS = {StaffRole.CARER: "5555", StaffRole.KITCHEN: "6666", StaffRole.COORDINATOR: "7777"}
HOSTILE_TEXT = [
    "<b>Bold</b> & Co",
    "Tea </para> & <i>cake</i>",
    "Cake 🎂🍰 please 👵🏽",
    "ਬਾਗ਼ ਵਿੱਚ ਸੈਰ",  # a walk in the garden, in Gurmukhi
    "Żurek z jajkiem",
    "حمص",  # right-to-left
]
C, Y, M, N = BallotAnswer.CHOSEN, BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO


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
    polls: PollsService
    staff: dict[StaffRole, Actor]
    coordinator: Actor
    ann: Actor
    bob: Actor
    cai: Actor
    bingo: int  # activities in the catalogue
    garden: int
    knitting: int  # archived
    idea: int  # Ann's sent idea for an outing
    draft_idea: int
    meal_idea: int
    withdrawn_idea: int


def _activity(session: object, title: str, picture: str, *, archived: bool = False) -> int:
    row = models.Activity(title=title, picture=picture, archived_at=START if archived else None)
    session.add(row)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    return row.id


def _idea(
    session: object, resident_id: int, title: str, topic: ProposalTopic, status: ProposalStatus
) -> int:
    row = models.Proposal(
        resident_id=resident_id,
        topic=topic.value,
        title=title,
        picture="boat",
        status=status.value,
        submitted_at=None if status is ProposalStatus.DRAFT else START,
        meal_slot="lunch" if topic is ProposalTopic.MEAL else None,
    )
    session.add(row)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    return row.id


@pytest.fixture
def home(database: Database, manager: Actor) -> Home:
    """Staff of every role, three residents, a few activities and residents' ideas."""
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
    assert ann.resident_id is not None
    with session_scope(database.sessions) as session:
        bingo = _activity(session, "Bingo", "bingo")
        garden = _activity(session, "Gardening club", "garden")
        knitting = _activity(session, "Knitting circle", "knitting", archived=True)
        ideas = [
            _idea(session, ann.resident_id, "A boat trip on the canal", topic, status)
            for topic, status in (
                (ProposalTopic.ACTIVITY, ProposalStatus.OPEN),
                (ProposalTopic.ACTIVITY, ProposalStatus.DRAFT),
                (ProposalTopic.MEAL, ProposalStatus.OPEN),
                (ProposalTopic.OTHER, ProposalStatus.WITHDRAWN),
            )
        ]
    clock = Clock(START)
    return Home(
        database,
        clock,
        PollsService(database.sessions, now=clock),
        staff,
        staff[StaffRole.COORDINATOR],
        ann,
        bob,
        cai,
        bingo,
        garden,
        knitting,
        *ideas,
    )


def _new(
    *options: NewPollOption | str,
    question: str = "What shall we do on Saturday?",
    kind: PollKind = PollKind.CHOOSE_ONE,
    visibility: ResultsVisibility = ResultsVisibility.AFTER_CLOSE,
    opens_at: datetime = START,
    closes_at: datetime = CLOSES,
) -> NewPoll:
    chosen = options or ("Bingo", "A film", "Singing")
    return NewPoll(
        question,
        tuple(NewPollOption(o) if isinstance(o, str) else o for o in chosen),
        opens_at,
        closes_at,
        kind,
        visibility,
    )


def _count(database: Database, model: type[models.Base], *where: object) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _actions(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(
            session.scalars(select(models.AuditEvent.action).order_by(models.AuditEvent.id)).all()
        )


def _choose(poll: Poll, position: int) -> dict[int, BallotAnswer]:
    return {poll.options[position - 1].id: C}


def _faces(poll: Poll, *answers: BallotAnswer) -> dict[int, BallotAnswer]:
    return {option.id: answer for option, answer in zip(poll.options, answers, strict=True)}


# ---------------------------------------------------------------------------------------
# Setting up a poll


def test_a_coordinator_sets_up_a_poll_from_the_catalogue_and_ideas(home: Home) -> None:
    poll = home.polls.create_poll(
        home.coordinator,
        _new(
            NewPollOption(activity_id=home.bingo),
            NewPollOption("Gardening", picture="flower", activity_id=home.garden),
            NewPollOption(proposal_id=home.idea),
            "A film",
        ),
    )
    assert poll.question == "What shall we do on Saturday?"
    assert (poll.kind, poll.visibility) == (PollKind.CHOOSE_ONE, ResultsVisibility.AFTER_CLOSE)
    assert (poll.opens_at, poll.closes_at, poll.closed_early_at) == (START, CLOSES, None)
    assert [(o.position, o.label, o.picture) for o in poll.options] == [
        (1, "Bingo", "bingo"),  # words and picture from the catalogue
        (2, "Gardening", "flower"),  # the coordinator's own words and picture win
        (3, "A boat trip on the canal", "boat"),  # the resident's idea, in their words
        (4, "A film", None),
    ]
    assert [(o.activity_id, o.proposal_id) for o in poll.options] == [
        (home.bingo, None),
        (home.garden, None),
        (None, home.idea),
        (None, None),
    ]
    assert poll.my_ballot is None
    assert home.polls.poll(home.ann, poll.id) == poll
    assert home.polls.all_polls(home.coordinator) == [poll]
    assert _actions(home.database)[-1] == "poll.create"
    with home.database.sessions() as session:
        row = session.get(models.Poll, poll.id)
        assert row is not None and row.created_by_staff_id == home.coordinator.staff_id


def test_the_manager_may_set_up_polls_too(home: Home) -> None:
    poll = home.polls.create_poll(home.staff[StaffRole.MANAGER], _new())
    assert len(poll.options) == 3


@pytest.mark.parametrize("who", ["carer", "kitchen", "resident"])
def test_only_those_who_plan_activities_set_up_or_close_polls(home: Home, who: str) -> None:
    actor = {
        "carer": home.staff[StaffRole.CARER],
        "kitchen": home.staff[StaffRole.KITCHEN],
        "resident": home.ann,
    }[who]
    with pytest.raises(NotAllowedError) as refused:
        home.polls.create_poll(actor, _new())
    assert refused.value.text() == "Sorry, you are not allowed to do that."
    assert _count(home.database, models.Poll) == 0
    poll = home.polls.create_poll(home.coordinator, _new())
    with pytest.raises(NotAllowedError):
        home.polls.close_early(actor, poll.id)
    with pytest.raises(NotAllowedError):
        home.polls.all_polls(actor)
    assert home.polls.poll(home.ann, poll.id).closed_early_at is None


@pytest.mark.parametrize("count", [1, 7])
def test_one_choice_or_seven_are_refused_in_words(home: Home, count: int) -> None:
    labels = [f"Choice {n}" for n in range(1, count + 1)]
    with pytest.raises(ValidationError) as refused:
        home.polls.create_poll(home.coordinator, _new(*labels))
    assert refused.value.field == "options"
    assert refused.value.text() in {
        "A vote needs at least 2 choices. Please add another one.",
        "A vote can have at most 6 choices, so all can be seen. Please take some off.",
    }
    assert str(2 if count == 1 else 6) in refused.value.text()
    assert _count(home.database, models.Poll) == 0


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_words_are_stored_exactly(home: Home, text: str) -> None:
    poll = home.polls.create_poll(home.coordinator, _new(text, "Bingo", question=text))
    again = home.polls.poll(home.bob, poll.id)
    assert again.question == text
    assert again.options[0].label == text
    with home.database.sessions() as session:
        assert session.scalar(select(models.Poll.question)) == text


def test_ten_thousand_letters_are_refused_with_the_limit(home: Home) -> None:
    with pytest.raises(ValidationError) as refused:
        home.polls.create_poll(home.coordinator, _new(question="Ha" * 5_000))
    assert refused.value.field == "question"
    assert refused.value.text() == "This is too long: 10000 letters. Please keep it under 200."
    with pytest.raises(ValidationError) as refused:
        home.polls.create_poll(home.coordinator, _new("Bingo", "x" * 10_000))
    assert refused.value.field == "option_2"
    assert "Please keep it under 120" in refused.value.text()
    assert _count(home.database, models.Poll) == 0


def test_empty_words_are_refused(home: Home) -> None:
    with pytest.raises(ValidationError) as refused:
        home.polls.create_poll(home.coordinator, _new(question="  "))
    assert (refused.value.field, refused.value.text()) == (
        "question",
        "Please write something here first.",
    )
    with pytest.raises(ValidationError) as refused:
        home.polls.create_poll(home.coordinator, _new("Bingo", ""))
    assert refused.value.field == "option_2"
    assert _count(home.database, models.Poll) == 0


def test_choices_must_come_from_the_catalogue_or_sent_ideas(home: Home) -> None:
    cases: list[tuple[NewPollOption, type[Exception], str]] = [
        (NewPollOption(activity_id=9999), NotFoundError, "We could not find that activity."),
        (NewPollOption(activity_id=home.knitting), ValidationError, "no longer offered"),
        (NewPollOption(proposal_id=9999), NotFoundError, "We could not find that suggestion."),
        (NewPollOption(proposal_id=home.draft_idea), NotFoundError, "could not find"),
        (NewPollOption(proposal_id=home.meal_idea), ValidationError, "go to the kitchen"),
        (NewPollOption(proposal_id=home.withdrawn_idea), ValidationError, "took this"),
    ]
    for option, error, words in cases:
        with pytest.raises(error) as refused:
            home.polls.create_poll(home.coordinator, _new(option, "Bingo"))
        assert words in str(refused.value)
    assert _count(home.database, models.Poll) == 0


def test_times_are_checked(home: Home) -> None:
    with pytest.raises(ValidationError, match="close after it opens"):
        home.polls.create_poll(home.coordinator, _new(opens_at=CLOSES, closes_at=START))
    with pytest.raises(ValidationError, match="already passed"):
        home.polls.create_poll(
            home.coordinator, _new(opens_at=START - timedelta(days=3), closes_at=START)
        )
    assert _count(home.database, models.Poll) == 0


# ---------------------------------------------------------------------------------------
# Which polls a resident sees


def test_open_polls_are_listed_closing_soonest_first_with_the_residents_ballot(
    home: Home,
) -> None:
    later = home.polls.create_poll(home.coordinator, _new(question="Later?"))
    sooner = home.polls.create_poll(
        home.coordinator, _new(question="Sooner?", closes_at=START + timedelta(days=2))
    )
    home.polls.create_poll(
        home.coordinator, _new(question="Not yet?", opens_at=START + timedelta(days=1))
    )
    ended = home.polls.create_poll(
        home.coordinator, _new(question="Ended?", closes_at=START + timedelta(hours=1))
    )
    stopped = home.polls.create_poll(home.coordinator, _new(question="Stopped?"))
    home.polls.close_early(home.coordinator, stopped.id)
    home.clock.tick(hours=2)

    home.polls.cast_ballot(home.ann, later.id, _choose(later, 2))
    listed = home.polls.polls_open(home.ann)
    assert [poll.question for poll in listed] == ["Sooner?", "Later?"]
    assert listed[0].my_ballot is None
    mine = listed[1].my_ballot
    assert mine is not None and mine.chosen == later.options[1].id
    assert all(poll.my_ballot is None for poll in home.polls.polls_open(home.bob))
    assert all(poll.my_ballot is None for poll in home.polls.polls_open(home.coordinator))
    # The most recently closed first.
    assert [p.question for p in home.polls.polls_closed(home.bob)] == ["Ended?", "Stopped?"]
    assert [p.id for p in home.polls.polls_closed(home.bob, limit=1)] == [ended.id]
    # Tomorrow the upcoming one has opened too (same closing time: set up first, first).
    tomorrow = home.polls.polls_open(home.ann, now=START + timedelta(days=1))
    assert [p.question for p in tomorrow] == ["Sooner?", "Later?", "Not yet?"]
    assert tomorrow[0].id == sooner.id


def test_a_poll_that_does_not_exist_is_not_found(home: Home) -> None:
    with pytest.raises(NotFoundError, match=r"We could not find that vote\."):
        home.polls.poll(home.ann, 404)
    with pytest.raises(NotFoundError):
        home.polls.cast_ballot(home.ann, 404, {1: C})
    with pytest.raises(NotFoundError):
        home.polls.results(home.coordinator, 404)


# ---------------------------------------------------------------------------------------
# Voting


def test_a_resident_chooses_one_and_may_change_it_until_it_closes(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    first = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    assert isinstance(first, MyBallot)
    assert (first.poll_id, first.resident_id) == (poll.id, home.ann.resident_id)
    assert first.chosen == poll.options[0].id and first.cast_at == START
    assert home.polls.my_ballot(home.ann, poll.id) == first

    home.clock.tick(hours=1)
    changed = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 3))
    assert changed.id == first.id and changed.chosen == poll.options[2].id
    assert (changed.cast_at, changed.updated_at) == (START, START + timedelta(hours=1))
    assert _count(home.database, models.Ballot) == 1
    assert _count(home.database, models.BallotChoice) == 1
    assert home.polls.my_ballot(home.ann, poll.id) == changed
    assert home.polls.my_ballot(home.bob, poll.id) is None


def test_choose_one_refuses_other_shapes(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    other = home.polls.create_poll(home.coordinator, _new(question="Another?"))
    a, b, _ = (option.id for option in poll.options)
    for wrong in ({}, {a: C, b: C}, {a: Y}, {other.options[0].id: C}):
        with pytest.raises(ValidationError):
            home.polls.cast_ballot(home.ann, poll.id, wrong)
    assert _count(home.database, models.Ballot) == 0


def test_yes_maybe_no_takes_a_face_for_every_choice_and_changes_replace(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new(kind=PollKind.YES_MAYBE_NO))
    with pytest.raises(ValidationError, match="yes, maybe or no to each one"):
        home.polls.cast_ballot(home.ann, poll.id, dict(list(_faces(poll, Y, M, N).items())[:2]))
    with pytest.raises(ValidationError):
        home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    ballot = home.polls.cast_ballot(home.ann, poll.id, _faces(poll, Y, M, N))
    assert [answer for _, answer in ballot.answers] == [Y, M, N]
    assert ballot.chosen is None
    again = home.polls.cast_ballot(home.ann, poll.id, _faces(poll, N, N, Y))
    assert again.id == ballot.id and [answer for _, answer in again.answers] == [N, N, Y]
    assert _count(home.database, models.BallotChoice) == 3


def test_staff_do_not_vote_and_a_resident_votes_only_for_themselves(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    for role in StaffRole:
        with pytest.raises(NotAllowedError):
            home.polls.cast_ballot(home.staff[role], poll.id, _choose(poll, 1))
        with pytest.raises(NotAllowedError):
            home.polls.my_ballot(home.staff[role], poll.id)
    with pytest.raises(NotAllowedError):
        home.polls.cast_ballot(
            home.ann, poll.id, _choose(poll, 1), resident_id=home.bob.resident_id
        )
    assert _count(home.database, models.Ballot) == 0
    mine = home.polls.cast_ballot(
        home.ann, poll.id, _choose(poll, 1), resident_id=home.ann.resident_id
    )
    assert mine.resident_id == home.ann.resident_id


def test_the_next_resident_at_the_kiosk_cannot_overwrite_the_first(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    ann = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    bob = home.polls.cast_ballot(home.bob, poll.id, _choose(poll, 2))
    assert bob.id != ann.id
    assert home.polls.my_ballot(home.ann, poll.id) == ann
    assert _count(home.database, models.Ballot) == 2


def test_a_resident_who_has_left_cannot_vote(home: Home, manager: Actor) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    assert home.cai.resident_id is not None
    ResidentsService(home.database.sessions, languages=ALL_LANGUAGES).archive(
        manager, home.cai.resident_id
    )
    with pytest.raises(NotAllowedError):
        home.polls.cast_ballot(home.cai, poll.id, _choose(poll, 1))


def test_a_helped_resident_votes_as_themselves(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    assert home.ann.resident_id is not None
    helped = Actor.resident_in_private(
        home.ann.resident_id, helped_by=home.staff[StaffRole.CARER].staff_id
    )
    assert home.polls.cast_ballot(helped, poll.id, _choose(poll, 2)).resident_id == (
        home.ann.resident_id
    )


def test_voting_after_closing_is_refused_kindly_and_changes_nothing(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    ballot = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    home.clock.now = CLOSES
    with pytest.raises(PollClosedError) as refused:
        home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 2))
    assert refused.value.text() == "Sorry, this vote has closed. Thank you for taking part."
    assert refused.value.poll_id == poll.id
    with pytest.raises(PollClosedError):
        home.polls.cast_ballot(home.bob, poll.id, _choose(poll, 2))
    assert home.polls.my_ballot(home.ann, poll.id) == ballot
    assert _count(home.database, models.Ballot) == 1


def test_voting_before_opening_is_refused(home: Home) -> None:
    opens = START + timedelta(days=1)
    poll = home.polls.create_poll(home.coordinator, _new(opens_at=opens))
    with pytest.raises(PollNotOpenError) as refused:
        home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    assert refused.value.opens_at == opens
    assert "not started yet" in refused.value.text()
    assert home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1), now=opens)


def test_closing_early_stops_the_vote_once_and_is_audited(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    home.clock.tick(hours=3)
    closed = home.polls.close_early(home.coordinator, poll.id)
    assert closed.closed_early_at == START + timedelta(hours=3)
    assert closed.is_closed(home.clock.now)
    assert home.polls.poll(home.ann, poll.id).closed_early_at == closed.closed_early_at
    home.clock.tick(hours=1)
    assert home.polls.close_early(home.coordinator, poll.id) == closed  # already closed
    assert _actions(home.database).count("poll.close") == 1
    with pytest.raises(PollClosedError):
        home.polls.cast_ballot(home.bob, poll.id, _choose(poll, 2))
    assert home.polls.polls_open(home.bob) == []


def test_a_close_that_lands_while_a_vote_is_on_its_way_wins(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    real = polls_module._own_ballot

    def close_meanwhile(*args: object) -> models.Ballot | None:
        with session_scope(home.database.sessions) as session:
            row = session.get(models.Poll, poll.id)
            assert row is not None
            row.closed_early_at = START
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(polls_module, "_own_ballot", close_meanwhile)
    with pytest.raises(PollClosedError):
        home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1), now=START + timedelta(hours=1))
    assert _count(home.database, models.Ballot) == 0


# ---------------------------------------------------------------------------------------
# Results


def test_results_stay_hidden_until_closing(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 2))
    home.polls.cast_ballot(home.bob, poll.id, _choose(poll, 2))
    home.polls.cast_ballot(home.cai, poll.id, _choose(poll, 3))
    for viewer in (home.ann, home.staff[StaffRole.CARER], home.staff[StaffRole.KITCHEN]):
        with pytest.raises(ResultsHiddenError) as refused:
            home.polls.results(viewer, poll.id)
        assert refused.value.text() == "You will see the results when the vote closes."
        assert refused.value.closes_at == CLOSES
    for planner in (home.coordinator, home.staff[StaffRole.MANAGER]):
        early = home.polls.results(planner, poll.id)
        assert early.ballots == 3 and not early.final
    home.clock.now = CLOSES
    results = home.polls.results(home.ann, poll.id)
    assert results.final and results.ballots == 3
    assert [c.chosen for c in results.counts] == [0, 2, 1]
    assert results.winner == poll.options[1]
    assert results.poll.my_ballot is None  # results never say who voted for what


def test_live_results_show_while_open_and_follow_changed_votes(home: Home) -> None:
    poll = home.polls.create_poll(
        home.coordinator, _new(kind=PollKind.YES_MAYBE_NO, visibility=ResultsVisibility.LIVE)
    )
    home.polls.cast_ballot(home.ann, poll.id, _faces(poll, Y, M, N))
    home.polls.cast_ballot(home.bob, poll.id, _faces(poll, Y, N, Y))
    results = home.polls.results(home.cai, poll.id)
    assert not results.final and results.ballots == 2
    assert [(c.yes, c.maybe, c.no) for c in results.counts] == [(2, 0, 0), (0, 1, 1), (1, 0, 1)]
    assert results.winner == poll.options[0]
    home.polls.cast_ballot(home.ann, poll.id, _faces(poll, N, Y, Y))
    home.polls.cast_ballot(home.cai, poll.id, _faces(poll, N, M, Y))
    results = home.polls.results(home.cai, poll.id)
    assert results.ballots == 3
    assert [(c.yes, c.maybe, c.no) for c in results.counts] == [(1, 0, 2), (1, 1, 1), (3, 0, 0)]
    assert results.winner == poll.options[2]


def test_a_tie_is_broken_by_the_order_on_screen(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 3))
    home.polls.cast_ballot(home.bob, poll.id, _choose(poll, 2))
    results = home.polls.results(home.coordinator, poll.id, now=CLOSES)
    assert results.winner == poll.options[1] and results.tied
    assert home.polls.results(home.coordinator, poll.id, now=CLOSES) == results


def test_no_votes_means_no_winner(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    results = home.polls.results(home.ann, poll.id, now=CLOSES)
    assert results.ballots == 0 and results.winner is None


# ---------------------------------------------------------------------------------------
# Races: one ballot per resident per poll, held by the database


def test_a_double_tap_casts_one_ballot(home: Home) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    first = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    again = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    assert again.id == first.id
    assert _count(home.database, models.Ballot) == 1
    assert _count(home.database, models.BallotChoice) == 1


def test_a_double_tap_racing_past_the_check_still_casts_one(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    first = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 1))
    real = polls_module._own_ballot
    misses = iter([True])  # the first look-up misses, as if the other tap had not landed yet

    def late(*args: object) -> models.Ballot | None:
        return None if next(misses, False) else real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(polls_module, "_own_ballot", late)
    second = home.polls.cast_ballot(home.ann, poll.id, _choose(poll, 2))
    assert second.id == first.id and second.chosen == poll.options[1].id
    assert _count(home.database, models.Ballot) == 1
    assert _count(home.database, models.BallotChoice) == 1


def _race(
    home: Home, poll: Poll, votes: list[dict[int, BallotAnswer]], barrier: threading.Barrier
) -> list[MyBallot]:
    """Each vote from its own thread (and so its own session), all let go at once."""

    def cast(answers: dict[int, BallotAnswer]) -> MyBallot:
        barrier.wait(timeout=10)
        return home.polls.cast_ballot(home.ann, poll.id, answers)

    with ThreadPoolExecutor(max_workers=len(votes)) as pool:
        return list(pool.map(cast, votes))


def test_two_kiosks_casting_at_the_same_moment_leave_one_ballot(
    home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    poll = home.polls.create_poll(home.coordinator, _new())
    real: Callable[..., models.Ballot | None] = polls_module._own_ballot
    both_looked = threading.Barrier(2)
    seen = threading.local()
    found: list[models.Ballot | None] = []

    def look_then_wait(*args: object) -> models.Ballot | None:
        ballot = real(*args)
        found.append(ballot)
        if not getattr(seen, "looked", False):
            seen.looked = True
            both_looked.wait(timeout=10)  # neither inserts until both have found nothing
        return ballot

    monkeypatch.setattr(polls_module, "_own_ballot", look_then_wait)
    cast = _race(home, poll, [_choose(poll, 1), _choose(poll, 2)], threading.Barrier(2))

    assert found[:2] == [None, None] and len(found) == 3  # a real race: one cast went again
    assert cast[0].id == cast[1].id
    assert _count(home.database, models.Ballot) == 1
    assert _count(home.database, models.BallotChoice) == 1
    final = home.polls.my_ballot(home.ann, poll.id)
    assert final is not None and final.chosen in {poll.options[0].id, poll.options[1].id}


@pytest.mark.parametrize("kind", list(PollKind))
def test_many_taps_at_once_leave_one_whole_ballot(home: Home, kind: PollKind) -> None:
    poll = home.polls.create_poll(home.coordinator, _new(kind=kind))
    if kind is PollKind.CHOOSE_ONE:
        votes = [_choose(poll, n % 3 + 1) for n in range(4)]
    else:
        votes = [_faces(poll, *faces) for faces in ((Y, M, N), (N, N, Y), (M, Y, M), (Y, Y, Y))]
    for _ in range(3):
        cast = _race(home, poll, votes, threading.Barrier(len(votes)))
        assert len({ballot.id for ballot in cast}) == 1
        assert _count(home.database, models.Ballot) == 1
        final = home.polls.my_ballot(home.ann, poll.id)
        assert final is not None
        assert dict(final.answers) in votes  # one vote whole, never a mixture
        assert _count(home.database, models.BallotChoice) == len(final.answers)


def test_a_second_poll_is_a_second_ballot(home: Home) -> None:
    first = home.polls.create_poll(home.coordinator, _new())
    second = home.polls.create_poll(home.coordinator, replace(_new(), question="And next week?"))
    a = home.polls.cast_ballot(home.ann, first.id, _choose(first, 1))
    b = home.polls.cast_ballot(home.ann, second.id, _choose(second, 1))
    assert a.id != b.id and _count(home.database, models.Ballot) == 2
