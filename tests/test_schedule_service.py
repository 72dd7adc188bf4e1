"""The week planner and "How was it?" on a real SQLite file."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from kiosk.domain.access import Actor
from kiosk.domain.enums import (
    BallotAnswer,
    PollKind,
    ProposalStatus,
    ProposalTopic,
    SlotSource,
    SlotStatus,
    StaffRole,
)
from kiosk.domain.errors import NotAllowedError, NotFoundError, ValidationError
from kiosk.domain.residents import NewResident
from kiosk.domain.schedule import FeedbackFace, NewActivity, NewSlot
from kiosk.services.residents import ResidentsService
from kiosk.services.schedule import ScheduleService
from kiosk.services.staff import StaffService
from kiosk.services.week import WeekService
from kiosk.storage import models
from kiosk.storage.database import Database, session_scope
from tests.conftest import ALL_LANGUAGES

pytestmark = pytest.mark.both_engines

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 12, 15, 0, tzinfo=UTC)  # a Thursday, before the planned week
MONDAY = date(2026, 11, 16)
SUNDAY = MONDAY + timedelta(days=6)
STAFF_PINS = {StaffRole.CARER: "5555", StaffRole.KITCHEN: "6666", StaffRole.COORDINATOR: "7777"}
HOSTILE_TEXT = [
    "<b>Bingo</b> & tea",
    "Songs </para> from the shows",
    "Cake 🎂 and a cuppa 👵🏽",
    "ਗਿੱਧਾ ਤੇ ਭੰਗੜਾ",  # giddha and bhangra, in Gurmukhi
    "Żurek i pierogi",
    "حفلة شاي",  # right-to-left
]


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment


@dataclass(frozen=True)
class Home:
    database: Database
    clock: Clock
    service: ScheduleService
    staff: dict[StaffRole, Actor]
    ann: Actor
    bob: Actor
    cai: Actor
    bingo: int
    quiz: int

    @property
    def coordinator(self) -> Actor:
        return self.staff[StaffRole.COORDINATOR]


@pytest.fixture
def home(database: Database, manager: Actor) -> Home:
    """Staff of every role, three residents, two activities, a clock to move."""
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
    service = ScheduleService(database.sessions, now=clock)
    coordinator = staff[StaffRole.COORDINATOR]
    bingo = service.add_activity(coordinator, NewActivity("Bingo", "bingo", "The lounge"))
    quiz = service.add_activity(coordinator, NewActivity("Quiz", "quiz", "The library"))
    return Home(database, clock, service, staff, ann, bob, cai, bingo.id, quiz.id)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A clock time in the home (London)."""
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _slot(home: Home, day: date = MONDAY, hour: int = 14, **more: object) -> int:
    """Plan the activity (bingo by default) for an hour from ``hour`` on ``day``."""
    activity = more.pop("activity_id", home.bingo)
    new = NewSlot(activity, at(day, hour), at(day, hour + 1), **more)  # type: ignore[arg-type]
    return home.service.add_slot(home.coordinator, new).id


def _count(database: Database, model: type[models.Base], *where: object) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _actions(database: Database) -> list[str]:
    with database.sessions() as session:
        return list(
            session.scalars(select(models.AuditEvent.action).order_by(models.AuditEvent.id)).all()
        )


def _poll(
    database: Database,
    *,
    closes_at: datetime,
    options: list[tuple[str, int | None]],
    closed_early_at: datetime | None = None,
    kind: PollKind = PollKind.CHOOSE_ONE,
    ballots: Sequence[tuple[Actor, dict[int, BallotAnswer]]] = (),
) -> int:
    """A poll as the polls service stores it: question, options, opening and closing, and
    residents' ballots (each answer by the option's place on screen, from 1)."""
    with session_scope(database.sessions) as session:
        poll = models.Poll(
            question="What shall we do on Friday?",
            kind=kind.value,
            opens_at=closes_at - timedelta(days=7),
            closes_at=closes_at,
            closed_early_at=closed_early_at,
        )
        session.add(poll)
        session.flush()
        rows = [
            models.PollOption(poll_id=poll.id, position=number, label=label, activity_id=activity)
            for number, (label, activity) in enumerate(options, start=1)
        ]
        session.add_all(rows)
        session.flush()
        for voter, answers in ballots:
            ballot = models.Ballot(poll_id=poll.id, resident_id=_rid(voter))
            session.add(ballot)
            session.flush()
            session.add_all(
                models.BallotChoice(
                    ballot_id=ballot.id,
                    option_id=rows[position - 1].id,
                    poll_id=poll.id,
                    answer=answer.value,
                )
                for position, answer in answers.items()
            )
        return poll.id


def _chose(*voters: tuple[Actor, int]) -> list[tuple[Actor, dict[int, BallotAnswer]]]:
    """Choose-one ballots: each resident with the place of the choice they picked."""
    return [(voter, {position: BallotAnswer.CHOSEN}) for voter, position in voters]


def _proposal(
    home: Home,
    *,
    status: ProposalStatus = ProposalStatus.OPEN,
    topic: ProposalTopic = ProposalTopic.ACTIVITY,
    activity_id: int | None = None,
    title: str = "Bingo on Friday nights",
) -> int:
    """A resident's suggestion in any state (answered ones carry the answer's words)."""
    answered = status not in (ProposalStatus.DRAFT, ProposalStatus.OPEN, ProposalStatus.WITHDRAWN)
    with session_scope(home.database.sessions) as session:
        row = models.Proposal(
            resident_id=home.ann.resident_id,
            topic=topic.value,
            title=title,
            status=status.value,
            activity_id=activity_id,
            submitted_at=None if status is ProposalStatus.DRAFT else START,
            response="We will see." if answered else None,
            responded_by_staff_id=home.coordinator.staff_id if answered else None,
            responded_at=START if answered else None,
            done_at=START if status is ProposalStatus.DONE else None,
        )
        session.add(row)
        session.flush()
        return row.id


def _feedback_rows(database: Database, slot_id: int) -> list[tuple[int, int, str | None]]:
    with database.sessions() as session:
        return [
            (row.resident_id, row.face, row.words)
            for row in session.scalars(
                select(models.Feedback)
                .where(models.Feedback.slot_id == slot_id)
                .order_by(models.Feedback.resident_id)
            )
        ]


def _rid(actor: Actor) -> int:
    assert actor.resident_id is not None
    return actor.resident_id


# ---------------------------------------------------------------------------------------
# Rights


def test_only_planners_plan(home: Home) -> None:
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 16))
    refused = [home.staff[StaffRole.KITCHEN], home.staff[StaffRole.CARER], home.ann]
    new = NewSlot(home.bingo, at(MONDAY, 10), at(MONDAY, 11))
    for actor in refused:
        attempts = [
            lambda a=actor: home.service.add_activity(a, NewActivity("Chess")),
            lambda a=actor: home.service.add_slot(a, new),
            lambda a=actor: home.service.repeat_weekly(a, slot_id, 2),
            lambda a=actor: home.service.move_slot(a, slot_id, at(MONDAY, 9), at(MONDAY, 10)),
            lambda a=actor: home.service.cancel_slot(a, slot_id, "Rain"),
            lambda a=actor: home.service.record_attendance(a, slot_id, [_rid(home.ann)]),
            lambda a=actor: home.service.feedback_for_week(a, MONDAY),
            lambda a=actor: home.service.feedback_for_activity(a, home.bingo),
        ]
        for attempt in attempts:
            with pytest.raises(NotAllowedError) as error:
                attempt()
            assert error.value.text() == "Sorry, you are not allowed to do that."
    assert [slot.id for slot in home.service.week(home.ann, MONDAY)] == [slot_id]
    assert _count(home.database, models.ScheduleSlot) == 1
    assert _count(home.database, models.Attendance) == 0
    # The manager may do everything a coordinator may.
    manager = home.staff[StaffRole.MANAGER]
    assert home.service.feedback_for_week(manager, MONDAY).slots
    home.service.record_attendance(manager, slot_id, [_rid(home.ann)])


def test_only_residents_give_feedback(home: Home) -> None:
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 16))
    for actor in (home.coordinator, home.staff[StaffRole.MANAGER]):
        with pytest.raises(NotAllowedError):
            home.service.give_feedback(actor, slot_id, FeedbackFace.GOOD)
        with pytest.raises(NotAllowedError):
            home.service.slots_to_review(actor)
    assert _count(home.database, models.Feedback) == 0


def test_an_archived_resident_gives_no_feedback(home: Home) -> None:
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 16))
    residents = ResidentsService(home.database.sessions, languages=ALL_LANGUAGES)
    residents.archive(home.staff[StaffRole.MANAGER], _rid(home.bob))
    with pytest.raises(NotAllowedError):
        home.service.give_feedback(home.bob, slot_id, FeedbackFace.GOOD)


# ---------------------------------------------------------------------------------------
# Activities


def test_the_activities_catalogue(home: Home) -> None:
    chess = home.service.add_activity(
        home.coordinator, NewActivity("  chess ", "chess", " The conservatory ", "Bring a board")
    )
    assert (chess.title, chess.picture, chess.place, chess.description) == (
        "chess",
        "chess",
        "The conservatory",
        "Bring a board",
    )
    assert [a.title for a in home.service.activities(home.ann)] == ["Bingo", "chess", "Quiz"]
    with pytest.raises(ValidationError) as refused:
        home.service.add_activity(home.coordinator, NewActivity("BINGO"))
    assert refused.value.text() == "There is already an activity called Bingo."
    assert _actions(home.database).count("activity.add") == 3


# ---------------------------------------------------------------------------------------
# Planning the week


def test_a_planned_slot_is_in_the_week_in_home_time(home: Home) -> None:
    new = NewSlot(
        home.bingo,
        datetime(2026, 11, 18, 14, 30, tzinfo=UTC),  # given in UTC: the same as London now
        datetime(2026, 11, 18, 15, 30, tzinfo=UTC),
        led_by="Priya",
        note="Prizes!",
    )
    made = home.service.add_slot(home.coordinator, new)
    assert (made.title, made.picture, made.place, made.led_by, made.note) == (
        "Bingo",
        "bingo",
        "The lounge",  # the activity's usual place
        "Priya",
        "Prizes!",
    )
    assert made.starts_at == at(MONDAY + timedelta(days=2), 14, 30)
    assert made.starts_at.tzinfo == LONDON
    assert (made.source, made.status, made.from_residents) == (
        SlotSource.PLANNED,
        SlotStatus.PLANNED,
        False,
    )
    assert not made.attendance_recorded and made.feedback_count == 0
    assert home.service.week(home.ann, MONDAY) == [made]
    assert home.service.slot(home.ann, made.id) == made
    assert home.service.week(home.ann, MONDAY + timedelta(days=7)) == []
    assert _actions(home.database)[-1] == "slot.add"
    with pytest.raises(ValidationError, match="starts on a Monday"):
        home.service.week(home.ann, MONDAY + timedelta(days=1))
    with pytest.raises(NotFoundError):
        home.service.slot(home.ann, 999)


def test_the_week_is_in_time_order_with_its_own_places(home: Home) -> None:
    late = _slot(home, MONDAY + timedelta(days=1), 15, place="The garden")
    early = _slot(home, MONDAY, 10, activity_id=home.quiz)
    sunday = _slot(home, SUNDAY, 22)  # 22:00 to 23:00 on Sunday is still this week
    _slot(home, MONDAY + timedelta(days=7), 0)  # next Monday just after midnight is not
    week = home.service.week(home.coordinator, MONDAY)
    assert [slot.id for slot in week] == [early, late, sunday]
    assert [slot.place for slot in week] == ["The library", "The garden", "The lounge"]


def test_a_week_with_nothing_on_it(home: Home) -> None:
    assert home.service.week(home.coordinator, MONDAY) == []
    report = home.service.feedback_for_week(home.coordinator, MONDAY)
    assert report.slots == ()
    assert report.total.residents == 0 and report.total.attended is None
    assert [count for _, count in report.total.faces] == [0, 0, 0]
    assert all(
        not day.activities for day in WeekService(home.database.sessions).days(MONDAY, SUNDAY)
    )


def test_a_slot_that_ends_before_it_starts_is_refused_in_words(home: Home) -> None:
    for ends in (at(MONDAY, 13), at(MONDAY, 14)):
        with pytest.raises(ValidationError) as refused:
            home.service.add_slot(home.coordinator, NewSlot(home.bingo, at(MONDAY, 14), ends))
        assert refused.value.text() == (
            "The activity must end after it starts. Please check the times."
        )
    slot_id = _slot(home)
    with pytest.raises(ValidationError, match="must end after it starts"):
        home.service.move_slot(home.coordinator, slot_id, at(MONDAY, 16), at(MONDAY, 15))
    assert _count(home.database, models.ScheduleSlot) == 1
    assert home.service.slot(home.coordinator, slot_id).starts_at == at(MONDAY, 14)


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_hostile_text_is_kept_exactly(home: Home, text: str) -> None:
    activity = home.service.add_activity(home.coordinator, NewActivity(text, place=text))
    slot_id = _slot(home, activity_id=activity.id, led_by=text, note=text)
    slot = home.service.week(home.ann, MONDAY)[0]
    assert (slot.title, slot.place, slot.led_by, slot.note) == (text, text, text, text)
    on_day = WeekService(home.database.sessions).day(MONDAY).activities[0]
    assert (on_day.title, on_day.place, on_day.led_by) == (text, text, text)
    home.clock.set(at(MONDAY, 16))
    given = home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, text)
    assert given.words == text
    assert _feedback_rows(home.database, slot_id) == [(_rid(home.ann), 3, text)]
    said = home.service.feedback_for_week(home.coordinator, MONDAY).slots[0].words
    assert [w.words for w in said] == [text]
    cancelled = home.service.cancel_slot(home.coordinator, slot_id, text)
    assert cancelled.cancel_reason == text


def test_ten_thousand_characters_are_refused_clearly(home: Home) -> None:
    long = "Bingo " * 2000
    with pytest.raises(ValidationError) as refused:
        home.service.add_activity(home.coordinator, NewActivity(long))
    assert refused.value.text() == "This is too long: 11999 letters. Please keep it under 120."
    for field in ("place", "led_by", "note"):
        with pytest.raises(ValidationError) as refused:
            _slot(home, **{field: "a" * 10_000})
        assert refused.value.field == field
        assert "10000 letters" in refused.value.text()
    slot_id = _slot(home)
    with pytest.raises(ValidationError, match="under 1000"):
        home.service.cancel_slot(home.coordinator, slot_id, "a" * 10_000)
    home.clock.set(at(MONDAY, 16))
    with pytest.raises(ValidationError) as refused:
        home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, "a" * 10_000)
    assert refused.value.text() == "This is too long: 10000 letters. Please keep it under 1000."
    assert _count(home.database, models.Feedback) == 0
    assert home.service.slot(home.ann, slot_id).status is SlotStatus.PLANNED


def test_empty_text(home: Home) -> None:
    with pytest.raises(ValidationError, match="Please write something here first"):
        home.service.add_activity(home.coordinator, NewActivity(" "))
    slot_id = _slot(home, place="", led_by="   ")
    slot = home.service.slot(home.ann, slot_id)
    assert (slot.place, slot.led_by, slot.note) == ("The lounge", None, None)
    with pytest.raises(ValidationError, match="Please say why it is cancelled"):
        home.service.cancel_slot(home.coordinator, slot_id, "  ")
    home.clock.set(at(MONDAY, 16))
    assert home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, "").words is None


def test_an_archived_or_missing_activity_cannot_be_planned(home: Home) -> None:
    with pytest.raises(NotFoundError):
        _slot(home, activity_id=999)
    with session_scope(home.database.sessions) as session:
        row = session.get(models.Activity, home.quiz)
        assert row is not None
        row.archived_at = START
    with pytest.raises(ValidationError, match="Quiz is no longer offered here"):
        _slot(home, activity_id=home.quiz)
    assert [a.title for a in home.service.activities(home.ann)] == ["Bingo"]
    assert len(home.service.activities(home.ann, include_archived=True)) == 2


# ---------------------------------------------------------------------------------------
# Where a slot came from


def test_a_slot_from_a_closed_poll_remembers_it(home: Home) -> None:
    poll_id = _poll(
        home.database,
        closes_at=START - timedelta(days=1),
        options=[("Bingo", home.bingo), ("Quiz", None)],
        ballots=_chose((home.ann, 1), (home.bob, 2)),  # a tie: either may be planned
    )
    from_poll = _slot(home, source=SlotSource.POLL, poll_id=poll_id)
    by_label = _slot(home, hour=16, activity_id=home.quiz, source=SlotSource.POLL, poll_id=poll_id)
    slot = home.service.slot(home.coordinator, from_poll)
    assert (slot.source, slot.poll_id, slot.proposal_id) == (SlotSource.POLL, poll_id, None)
    assert slot.came_from == "What shall we do on Friday?" and slot.from_residents
    assert home.service.slot(home.coordinator, by_label).poll_id == poll_id
    assert all(a.from_residents for a in WeekService(home.database.sessions).day(MONDAY).activities)


def test_a_poll_must_be_closed_and_the_activity_one_of_its_choices(home: Home) -> None:
    still_open = _poll(
        home.database, closes_at=START + timedelta(days=1), options=[("Bingo", None)]
    )
    with pytest.raises(ValidationError) as refused:
        _slot(home, source=SlotSource.POLL, poll_id=still_open)
    assert refused.value.text() == "This poll is still open. Please plan its winner once it closes."
    closed_early = _poll(
        home.database,
        closes_at=START + timedelta(days=1),
        closed_early_at=START - timedelta(hours=1),
        options=[("Bingo", None)],
        ballots=_chose((home.cai, 1)),
    )
    _slot(home, source=SlotSource.POLL, poll_id=closed_early)
    with pytest.raises(ValidationError) as refused:
        _slot(home, activity_id=home.quiz, source=SlotSource.POLL, poll_id=closed_early)
    assert refused.value.text() == "Quiz was not one of the choices in that poll."
    with pytest.raises(NotFoundError, match="poll"):
        _slot(home, source=SlotSource.POLL, poll_id=999)
    assert _count(home.database, models.ScheduleSlot) == 1


def test_only_the_polls_winner_may_be_planned_from_it(home: Home) -> None:
    options: list[tuple[str, int | None]] = [("Bingo", home.bingo), ("Quiz", home.quiz)]
    won = _poll(
        home.database,
        closes_at=START,
        options=options,
        ballots=_chose((home.ann, 2), (home.bob, 2), (home.cai, 1)),
    )
    with pytest.raises(ValidationError) as refused:
        _slot(home, source=SlotSource.POLL, poll_id=won)
    assert refused.value.text() == "Bingo did not win that poll. Most votes went to Quiz."
    assert _count(home.database, models.ScheduleSlot) == 0
    quiz = _slot(home, activity_id=home.quiz, source=SlotSource.POLL, poll_id=won)
    assert home.service.slot(home.coordinator, quiz).poll_id == won


def test_in_a_tie_any_of_the_winners_may_be_planned(home: Home) -> None:
    cake = home.service.add_activity(home.coordinator, NewActivity("Baking")).id
    tie = _poll(
        home.database,
        closes_at=START,
        options=[("Bingo", home.bingo), ("Quiz", home.quiz), ("Baking", cake)],
        ballots=_chose((home.ann, 1), (home.bob, 3)),
    )
    _slot(home, source=SlotSource.POLL, poll_id=tie)
    _slot(home, hour=16, activity_id=cake, source=SlotSource.POLL, poll_id=tie)
    with pytest.raises(ValidationError) as refused:
        _slot(home, hour=18, activity_id=home.quiz, source=SlotSource.POLL, poll_id=tie)
    assert refused.value.text() == "Quiz did not win that poll. Most votes went to Bingo, Baking."
    assert _count(home.database, models.ScheduleSlot) == 2


def test_a_poll_nobody_voted_in_has_no_winner_to_plan(home: Home) -> None:
    empty = _poll(home.database, closes_at=START, options=[("Bingo", home.bingo), ("Quiz", None)])
    with pytest.raises(ValidationError) as refused:
        _slot(home, source=SlotSource.POLL, poll_id=empty)
    assert refused.value.text() == (
        "Nobody chose anything in that poll, so it has no winner to plan."
    )
    # Planned as the coordinator's own choice, it goes in.
    assert home.service.slot(home.coordinator, _slot(home)).source is SlotSource.PLANNED


def test_a_yes_maybe_no_polls_winner_has_the_most_yes(home: Home) -> None:
    yes, maybe, no = BallotAnswer.YES, BallotAnswer.MAYBE, BallotAnswer.NO
    poll_id = _poll(
        home.database,
        closes_at=START,
        kind=PollKind.YES_MAYBE_NO,
        options=[("Bingo", home.bingo), ("Quiz", home.quiz)],
        ballots=[
            (home.ann, {1: yes, 2: yes}),
            (home.bob, {1: maybe, 2: yes}),
            (home.cai, {1: yes, 2: no}),
        ],
    )  # two yes each; the quiz has a no, so bingo wins
    with pytest.raises(ValidationError, match="Quiz did not win that poll"):
        _slot(home, activity_id=home.quiz, source=SlotSource.POLL, poll_id=poll_id)
    _slot(home, source=SlotSource.POLL, poll_id=poll_id)
    nobody_said_yes = _poll(
        home.database,
        closes_at=START,
        kind=PollKind.YES_MAYBE_NO,
        options=[("Bingo", home.bingo), ("Quiz", home.quiz)],
        ballots=[(home.ann, {1: no, 2: maybe})],
    )
    with pytest.raises(ValidationError, match="no winner"):
        _slot(home, hour=16, source=SlotSource.POLL, poll_id=nobody_said_yes)


def test_a_choice_naming_another_activity_is_not_matched_by_its_words(home: Home) -> None:
    """A choice tied to the quiz but worded "Bingo night" is the quiz, not bingo."""
    poll_id = _poll(
        home.database,
        closes_at=START,
        options=[("Bingo", home.quiz), ("Something else", None)],
        ballots=_chose((home.ann, 1)),
    )
    with pytest.raises(ValidationError) as refused:
        _slot(home, source=SlotSource.POLL, poll_id=poll_id)
    assert refused.value.text() == "Bingo was not one of the choices in that poll."
    _slot(home, activity_id=home.quiz, source=SlotSource.POLL, poll_id=poll_id)


def test_a_slot_from_a_suggestion_remembers_it_and_the_suggestion_names_it(home: Home) -> None:
    proposal_id = _proposal(home, title="Bingo on Friday nights, please")
    slot_id = _slot(home, source=SlotSource.PROPOSAL, proposal_id=proposal_id)
    slot = home.service.slot(home.coordinator, slot_id)
    assert (slot.source, slot.proposal_id, slot.poll_id) == (SlotSource.PROPOSAL, proposal_id, None)
    assert slot.came_from == "Bingo on Friday nights, please" and slot.from_residents
    with home.database.sessions() as session:
        proposal = session.get(models.Proposal, proposal_id)
        assert proposal is not None
        # Linked the way a menu entry links a meal suggestion: the answer still comes in words.
        assert (proposal.activity_id, proposal.status) == (home.bingo, ProposalStatus.OPEN.value)
    on_day = WeekService(home.database.sessions).day(MONDAY).activities[0]
    assert on_day.from_residents
    agreed = _proposal(home, status=ProposalStatus.AGREED, activity_id=home.bingo)
    assert home.service.slot(
        home.coordinator, _slot(home, hour=16, source=SlotSource.PROPOSAL, proposal_id=agreed)
    ).from_residents


@pytest.mark.parametrize(
    ("status", "topic", "words"),
    [
        (ProposalStatus.OPEN, ProposalTopic.MEAL, "That is a meal suggestion"),
        (ProposalStatus.WITHDRAWN, ProposalTopic.ACTIVITY, "took this suggestion back"),
        (ProposalStatus.DECLINED, ProposalTopic.ACTIVITY, "answered no"),
        (ProposalStatus.DRAFT, ProposalTopic.ACTIVITY, "could not find that suggestion"),
    ],
)
def test_a_suggestion_that_cannot_be_planned(
    home: Home, status: ProposalStatus, topic: ProposalTopic, words: str
) -> None:
    proposal_id = _proposal(home, status=status, topic=topic)
    with pytest.raises((ValidationError, NotFoundError), match=words):
        _slot(home, source=SlotSource.PROPOSAL, proposal_id=proposal_id)
    assert _count(home.database, models.ScheduleSlot) == 0


def test_a_suggestion_about_another_activity_is_refused(home: Home) -> None:
    about_quiz = _proposal(home, activity_id=home.quiz)
    with pytest.raises(ValidationError, match="about another activity"):
        _slot(home, source=SlotSource.PROPOSAL, proposal_id=about_quiz)
    with pytest.raises(NotFoundError):
        _slot(home, source=SlotSource.PROPOSAL, proposal_id=999)
    assert _slot(home, activity_id=home.quiz, source=SlotSource.PROPOSAL, proposal_id=about_quiz)


# ---------------------------------------------------------------------------------------
# Repeat, move, cancel


def test_repeat_weekly_makes_no_duplicates(home: Home) -> None:
    poll_id = _poll(
        home.database,
        closes_at=START,
        options=[("Bingo", home.bingo)],
        ballots=_chose((home.ann, 1)),
    )
    first = _slot(home, led_by="Priya", note="Prizes!", source=SlotSource.POLL, poll_id=poll_id)
    copies = home.service.repeat_weekly(home.coordinator, first, 3)
    assert [c.starts_at for c in copies] == [at(MONDAY + timedelta(weeks=w), 14) for w in (1, 2, 3)]
    assert {(c.repeat_of_slot_id, c.led_by, c.note, c.source, c.poll_id) for c in copies} == {
        (first, "Priya", "Prizes!", SlotSource.POLL, poll_id)
    }
    assert home.service.repeat_weekly(home.coordinator, first, 3) == []  # again: nothing new
    # A copy moved to another day still counts for its week; a copy of a copy points home.
    home.service.move_slot(
        home.coordinator,
        copies[1].id,
        at(MONDAY + timedelta(weeks=2, days=3), 10),
        at(MONDAY + timedelta(weeks=2, days=3), 11),
    )
    more = home.service.repeat_weekly(home.coordinator, copies[0].id, 4)
    assert [c.starts_at for c in more] == [at(MONDAY + timedelta(weeks=w), 14) for w in (4, 5)]
    assert {c.repeat_of_slot_id for c in more} == {first}
    assert _count(home.database, models.ScheduleSlot) == 6
    assert _actions(home.database).count("slot.repeat") == 2
    with pytest.raises(ValidationError, match="from 1 to 52 weeks"):
        home.service.repeat_weekly(home.coordinator, first, 0)


def test_repeat_weekly_skips_a_week_with_the_same_activity_at_that_time(home: Home) -> None:
    first = _slot(home)
    already = _slot(home, MONDAY + timedelta(weeks=2))
    copies = home.service.repeat_weekly(home.coordinator, first, 3)
    assert [c.starts_at.date() for c in copies] == [
        MONDAY + timedelta(weeks=1),
        MONDAY + timedelta(weeks=3),
    ]
    assert home.service.slot(home.coordinator, already).repeat_of_slot_id is None


def test_move_shows_on_this_week(home: Home) -> None:
    slot_id = _slot(home)
    thursday = MONDAY + timedelta(days=3)
    moved = home.service.move_slot(home.coordinator, slot_id, at(thursday, 15), at(thursday, 17))
    assert (moved.starts_at, moved.ends_at) == (at(thursday, 15), at(thursday, 17))
    days = WeekService(home.database.sessions).days(MONDAY, SUNDAY)
    assert [len(day.activities) for day in days] == [0, 0, 0, 1, 0, 0, 0]
    assert days[3].activities[0].starts_at == at(thursday, 15)
    assert _actions(home.database)[-1] == "slot.move"
    # The same times again change nothing and add nothing to the audit log.
    home.service.move_slot(home.coordinator, slot_id, at(thursday, 15), at(thursday, 17))
    assert _actions(home.database).count("slot.move") == 1
    # Into next week: gone from this one.
    home.service.move_slot(home.coordinator, slot_id, at(SUNDAY, 23), at(SUNDAY + timedelta(1), 0))
    home.service.move_slot(
        home.coordinator, slot_id, at(SUNDAY + timedelta(1), 10), at(SUNDAY + timedelta(1), 11)
    )
    assert home.service.week(home.ann, MONDAY) == []
    with pytest.raises(NotFoundError):
        home.service.move_slot(home.coordinator, 999, at(MONDAY, 9), at(MONDAY, 10))


def test_cancel_keeps_the_slot_listed_with_the_reason(home: Home) -> None:
    slot_id = _slot(home)
    cancelled = home.service.cancel_slot(home.coordinator, slot_id, "Priya is ill. Sorry!")
    assert cancelled.cancelled and cancelled.cancel_reason == "Priya is ill. Sorry!"
    assert home.service.week(home.ann, MONDAY) == [cancelled]
    on_day = WeekService(home.database.sessions).day(MONDAY).activities[0]
    assert on_day.cancelled and on_day.cancel_reason == "Priya is ill. Sorry!"
    home.service.cancel_slot(home.coordinator, slot_id, "Priya is ill. Sorry!")  # no change
    assert _actions(home.database).count("slot.cancel") == 1
    home.service.cancel_slot(home.coordinator, slot_id, "Priya is ill. Back next week.")
    assert _actions(home.database).count("slot.cancel") == 2
    with pytest.raises(ValidationError, match="cancelled, so it cannot be moved"):
        home.service.move_slot(home.coordinator, slot_id, at(MONDAY, 9), at(MONDAY, 10))


# ---------------------------------------------------------------------------------------
# Clock changes (Europe/London)


def test_the_week_the_clocks_go_forward(home: Home) -> None:
    monday = date(2026, 3, 23)
    sunday = date(2026, 3, 29)  # 01:00 GMT becomes 02:00 BST
    morning = _slot(home, sunday, 10)
    late = _slot(home, sunday, 22)
    next_week = _slot(home, sunday + timedelta(days=1), 0)  # 23:00 UTC on the Sunday
    week = home.service.week(home.coordinator, monday)
    assert [slot.id for slot in week] == [morning, late]
    assert [slot.starts_at.hour for slot in week] == [10, 22]
    assert week[0].starts_at.utcoffset() == timedelta(hours=1)
    assert [s.id for s in home.service.week(home.coordinator, sunday + timedelta(1))] == [next_week]
    with home.database.sessions() as session:
        stored = session.get(models.ScheduleSlot, morning)
        assert stored is not None
        assert stored.starts_at == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)  # kept as UTC
    with pytest.raises(ValidationError, match="There is no 01:30 on that day"):
        home.service.add_slot(
            home.coordinator, NewSlot(home.bingo, at(sunday, 1, 30), at(sunday, 3))
        )
    # A Saturday slot repeated weekly stays at 10:30 on the clock, before and after.
    saturday = _slot(home, date(2026, 3, 21), 10, activity_id=home.quiz)
    copies = home.service.repeat_weekly(home.coordinator, saturday, 2)
    assert [(c.starts_at.date(), c.starts_at.hour) for c in copies] == [
        (date(2026, 3, 28), 10),
        (date(2026, 4, 4), 10),
    ]
    assert [c.starts_at.utcoffset() for c in copies] == [timedelta(0), timedelta(hours=1)]


def test_the_night_the_clocks_go_back(home: Home) -> None:
    sunday = date(2026, 10, 25)  # 02:00 BST becomes 01:00 GMT
    new = NewSlot(home.bingo, at(sunday, 0, 30), at(sunday, 3), note="Night owls")
    made = home.service.add_slot(home.coordinator, new)
    assert made.ends_at.astimezone(UTC) - made.starts_at.astimezone(UTC) == timedelta(hours=3.5)
    week = home.service.week(home.coordinator, date(2026, 10, 19))
    assert [(s.starts_at.hour, s.ends_at.hour) for s in week] == [(0, 3)]
    day = WeekService(home.database.sessions).day(sunday)
    assert [a.slot_id for a in day.activities] == [made.id]
    home.clock.set(datetime(2026, 10, 25, 3, 1, tzinfo=UTC))  # 03:01 GMT: it has ended
    assert [s.slot_id for s in home.service.slots_to_review(home.ann)] == [made.id]
    home.clock.set(datetime(2026, 10, 25, 2, 59, tzinfo=UTC))
    assert home.service.slots_to_review(home.ann) == []


# ---------------------------------------------------------------------------------------
# Attendance and "How was it?"


def test_attendance_limits_who_may_say_how_it_went(home: Home) -> None:
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 16))
    everyone = (home.ann, home.bob, home.cai)
    assert all([s.slot_id for s in home.service.slots_to_review(r)] == [slot_id] for r in everyone)
    recorded = home.service.record_attendance(
        home.coordinator, slot_id, [_rid(home.ann), _rid(home.cai)]
    )
    assert recorded.attended_by == {_rid(home.ann), _rid(home.cai)}
    assert [s.slot_id for s in home.service.slots_to_review(home.ann)] == [slot_id]
    assert home.service.slots_to_review(home.bob) == []
    with pytest.raises(ValidationError) as refused:
        home.service.give_feedback(home.bob, slot_id, FeedbackFace.GOOD)
    assert refused.value.text() == (
        "Our list says you were not at this one. Please ask a member of staff if that is wrong."
    )
    # The set is replaced, not added to.
    home.service.record_attendance(home.coordinator, slot_id, [_rid(home.bob)])
    assert home.service.slot(home.coordinator, slot_id).attended_by == {_rid(home.bob)}
    assert home.service.slots_to_review(home.ann) == []
    home.service.give_feedback(home.bob, slot_id, FeedbackFace.ALL_RIGHT)
    # An empty set is "not recorded": anyone may say how it went again.
    home.service.record_attendance(home.coordinator, slot_id, [])
    assert [s.slot_id for s in home.service.slots_to_review(home.ann)] == [slot_id]
    assert home.service.slots_to_review(home.bob) == []  # Bob has said already
    assert _actions(home.database).count("slot.attendance") == 3
    with pytest.raises(NotFoundError, match="resident"):
        home.service.record_attendance(home.coordinator, slot_id, [_rid(home.ann), 999])


def test_attendance_needs_a_slot_that_started_and_was_not_cancelled(home: Home) -> None:
    slot_id = _slot(home)
    with pytest.raises(ValidationError, match="has not started yet"):
        home.service.record_attendance(home.coordinator, slot_id, [_rid(home.ann)])
    home.clock.set(at(MONDAY, 14, 30))
    home.service.record_attendance(home.coordinator, slot_id, [_rid(home.ann)])  # during it
    home.service.cancel_slot(home.coordinator, slot_id, "The caller lost her voice.")
    with pytest.raises(ValidationError, match="cancelled"):
        home.service.record_attendance(home.coordinator, slot_id, [_rid(home.bob)])
    assert home.service.slot(home.coordinator, slot_id).attended_by == {_rid(home.ann)}


def test_feedback_only_after_the_end(home: Home) -> None:
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 14, 59))
    assert home.service.slots_to_review(home.ann) == []
    with pytest.raises(ValidationError) as refused:
        home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD)
    assert refused.value.text() == (
        "This activity has not finished yet. You can tell us how it was after."
    )
    home.clock.set(at(MONDAY, 15))
    assert [s.slot_id for s in home.service.slots_to_review(home.ann)] == [slot_id]
    given = home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, "Lovely")
    assert (given.face, given.words, given.given_at) == (
        FeedbackFace.GOOD,
        "Lovely",
        at(MONDAY, 15),
    )
    assert home.service.slots_to_review(home.ann) == []  # said already
    assert _count(home.database, models.Feedback) == 1
    with pytest.raises(NotFoundError):
        home.service.give_feedback(home.ann, 999, FeedbackFace.GOOD)
    with pytest.raises(ValidationError, match="choose a face"):
        home.service.give_feedback(home.bob, slot_id, 4)  # type: ignore[arg-type]


def test_a_cancelled_slot_is_not_reviewed(home: Home) -> None:
    slot_id = _slot(home)
    home.service.cancel_slot(home.coordinator, slot_id, "Rain")
    home.clock.set(at(MONDAY, 16))
    assert home.service.slots_to_review(home.ann) == []
    with pytest.raises(ValidationError) as refused:
        home.service.give_feedback(home.ann, slot_id, FeedbackFace.NOT_GOOD)
    assert refused.value.text() == "This activity was cancelled, so it did not happen."


def test_feedback_is_taken_for_seven_days_after_the_end(home: Home) -> None:
    slot_id = _slot(home)  # Monday 14:00 to 15:00
    last_moment = at(MONDAY, 15) + timedelta(days=7) - timedelta(minutes=1)
    assert [s.slot_id for s in home.service.slots_to_review(home.ann, now=last_moment)] == [slot_id]
    home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, "Fun", now=last_moment)
    too_late = at(MONDAY, 15) + timedelta(days=7)
    assert home.service.slots_to_review(home.bob, now=too_late) == []
    with pytest.raises(ValidationError) as refused:
        home.service.give_feedback(home.bob, slot_id, FeedbackFace.GOOD, now=too_late)
    assert refused.value.text() == "It is too long ago to say how this went."
    # Changing one's own face is refused then too, and the one given stays.
    with pytest.raises(ValidationError, match="too long ago"):
        home.service.give_feedback(home.ann, slot_id, FeedbackFace.NOT_GOOD, now=too_late)
    assert _feedback_rows(home.database, slot_id) == [(_rid(home.ann), 3, "Fun")]


def test_ones_own_face_can_be_changed_within_the_week(home: Home) -> None:
    slot_id = _slot(home)
    home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, now=at(MONDAY, 16))
    later = at(MONDAY, 15) + timedelta(days=6, hours=23)
    changed = home.service.give_feedback(
        home.ann, slot_id, FeedbackFace.ALL_RIGHT, "Thinking again, it was long", now=later
    )
    assert (changed.face, changed.changed_at) == (FeedbackFace.ALL_RIGHT, later)
    assert _feedback_rows(home.database, slot_id) == [
        (_rid(home.ann), 2, "Thinking again, it was long")
    ]


def test_with_attendance_recorded_only_those_there_may_say_up_to_the_edge(home: Home) -> None:
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 15, 30))
    home.service.record_attendance(home.coordinator, slot_id, [_rid(home.cai)])
    edge = at(MONDAY, 15) + timedelta(days=7) - timedelta(seconds=1)
    with pytest.raises(ValidationError, match="Our list says you were not at this one"):
        home.service.give_feedback(home.ann, slot_id, FeedbackFace.GOOD, now=edge)
    assert home.service.give_feedback(home.cai, slot_id, FeedbackFace.GOOD, now=edge).face == 3
    with pytest.raises(ValidationError, match="too long ago"):
        home.service.give_feedback(
            home.cai, slot_id, FeedbackFace.GOOD, now=edge + timedelta(seconds=1)
        )


def test_who_reads_the_feedback(home: Home, database: Database) -> None:
    assert home.service.feedback_reader(home.ann) == "Coordinator Jones"
    StaffService(database.sessions).disable(
        home.staff[StaffRole.MANAGER], home.coordinator.staff_id
    )
    assert home.service.feedback_reader(home.ann) == "Grace Mensah"  # the manager then


def test_slots_to_review_are_last_weeks_newest_first(home: Home) -> None:
    old = _slot(home, MONDAY, 10)
    tuesday = _slot(home, MONDAY + timedelta(days=1), 10, activity_id=home.quiz)
    wednesday = _slot(home, MONDAY + timedelta(days=2), 10, place="The garden")
    _slot(home, MONDAY + timedelta(days=9), 10)  # not yet
    home.clock.set(at(MONDAY + timedelta(days=7), 11, 30))  # old ended 7 days ago + 30 min
    review = home.service.slots_to_review(home.ann)
    assert [s.slot_id for s in review] == [wednesday, tuesday]
    assert (review[0].title, review[0].place, review[0].picture) == ("Bingo", "The garden", "bingo")
    assert review[1].starts_at == at(MONDAY + timedelta(days=1), 10)
    # An explicit "now" overrides the service's clock.
    assert [s.slot_id for s in home.service.slots_to_review(home.ann, now=at(MONDAY, 12))] == [old]


def test_a_second_feedback_replaces_the_first(home: Home) -> None:
    slot_id = _slot(home)
    first = home.service.give_feedback(
        home.ann, slot_id, FeedbackFace.NOT_GOOD, "Too loud", now=at(MONDAY, 16)
    )
    second = home.service.give_feedback(
        home.ann, slot_id, FeedbackFace.GOOD, None, now=at(MONDAY, 17)
    )
    assert second.id == first.id
    assert (second.face, second.words) == (FeedbackFace.GOOD, None)
    assert (second.given_at, second.changed_at) == (at(MONDAY, 16), at(MONDAY, 17))
    assert _feedback_rows(home.database, slot_id) == [(_rid(home.ann), 3, None)]
    with pytest.raises(ValidationError, match="already said how this one went"):
        home.service.move_slot(home.coordinator, slot_id, at(MONDAY, 9), at(MONDAY, 10))


def test_two_kiosks_giving_feedback_at_once_leave_one_row(home: Home) -> None:
    """A real race: both sessions look, find nothing, and insert; the database keeps one."""
    slot_id = _slot(home)
    home.clock.set(at(MONDAY, 16))
    barrier = threading.Barrier(2, timeout=20)
    waited = threading.local()
    inserts: list[int] = []
    flushes: list[int] = []

    def meet_before_writing(session: Session, *_: object) -> None:
        flushes.append(1)
        if getattr(waited, "done", False):
            return  # the retry after losing the race goes straight on
        waited.done = True
        inserts.extend(1 for obj in session.new if isinstance(obj, models.Feedback))
        barrier.wait()

    results: dict[str, object] = {}

    def give(name: str, face: FeedbackFace) -> None:
        kiosk = ScheduleService(home.database.sessions, now=home.clock)
        try:
            results[name] = kiosk.give_feedback(home.ann, slot_id, face, name)
        except Exception as error:  # pragma: no cover - reported by the assertion below
            results[name] = error

    event.listen(home.database.sessions, "before_flush", meet_before_writing)
    try:
        threads = [
            threading.Thread(target=give, args=("first kiosk", FeedbackFace.GOOD)),
            threading.Thread(target=give, args=("second kiosk", FeedbackFace.NOT_GOOD)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        event.remove(home.database.sessions, "before_flush", meet_before_writing)
    assert len(inserts) == 2  # both really tried to insert
    assert len(flushes) == 3  # and the one that lost the race replaced the winner's row
    assert all(not isinstance(result, Exception) for result in results.values()), results
    rows = _feedback_rows(home.database, slot_id)
    assert len(rows) == 1
    ids = {result.id for result in results.values()}  # type: ignore[attr-defined]
    assert len(ids) == 1
    assert rows[0][2] in ("first kiosk", "second kiosk")


# ---------------------------------------------------------------------------------------
# What the coordinator sees


@pytest.fixture
def fed_back(home: Home) -> Iterator[dict[str, int]]:
    """Two bingo sessions and a quiz this week, one future bingo, one cancelled quiz."""
    bingo_monday = _slot(home, MONDAY, 14)
    quiz_tuesday = _slot(home, MONDAY + timedelta(days=1), 18, activity_id=home.quiz)
    bingo_wednesday = _slot(home, MONDAY + timedelta(days=2), 14)
    cancelled = _slot(home, MONDAY + timedelta(days=3), 18, activity_id=home.quiz)
    future = _slot(home, MONDAY + timedelta(days=5), 14)
    last_week = _slot(home, MONDAY - timedelta(days=7), 14)
    home.service.cancel_slot(home.coordinator, cancelled, "Quizmaster away")
    home.clock.set(at(MONDAY + timedelta(days=4), 12))  # Friday noon
    give = home.service.give_feedback
    give(home.ann, bingo_monday, FeedbackFace.GOOD, "Won a prize!", now=at(MONDAY, 16))
    give(home.bob, bingo_monday, FeedbackFace.NOT_GOOD, "Too loud", now=at(MONDAY, 17))
    give(home.cai, bingo_monday, FeedbackFace.GOOD, now=at(MONDAY, 18))
    home.service.record_attendance(home.coordinator, quiz_tuesday, [_rid(home.ann), _rid(home.bob)])
    give(home.ann, quiz_tuesday, FeedbackFace.ALL_RIGHT, now=at(MONDAY + timedelta(1), 20))
    give(home.ann, last_week, FeedbackFace.NOT_GOOD, "Cold room", now=at(MONDAY, 9))
    yield {
        "bingo_monday": bingo_monday,
        "quiz_tuesday": quiz_tuesday,
        "bingo_wednesday": bingo_wednesday,
        "cancelled": cancelled,
        "future": future,
        "last_week": last_week,
    }


def test_feedback_for_the_week(home: Home, fed_back: dict[str, int]) -> None:
    report = home.service.feedback_for_week(home.coordinator, MONDAY)
    assert [s.slot_id for s in report.slots] == [
        fed_back["bingo_monday"],
        fed_back["quiz_tuesday"],
        fed_back["bingo_wednesday"],  # ended, no faces yet
    ]
    monday, tuesday, wednesday = report.slots
    assert (monday.title, monday.activity_id, monday.starts_at) == (
        "Bingo",
        home.bingo,
        at(MONDAY, 14),
    )
    assert [monday.count(face) for face in FeedbackFace] == [1, 0, 2]  # not good, all right, good
    assert [(w.resident_name, w.face, w.words) for w in monday.words] == [
        ("Bob", FeedbackFace.NOT_GOOD, "Too loud"),
        ("Ann", FeedbackFace.GOOD, "Won a prize!"),
    ]
    assert (monday.residents, monday.attended) == (3, None)
    assert (tuesday.residents, tuesday.attended, tuesday.words) == (1, 2, ())
    assert (wednesday.residents, wednesday.count(FeedbackFace.GOOD)) == (0, 0)
    total = report.total
    assert (total.title, total.slot_id, total.activity_id) == (None, None, None)
    assert total.faces == (
        (FeedbackFace.GOOD, 2),
        (FeedbackFace.ALL_RIGHT, 1),
        (FeedbackFace.NOT_GOOD, 1),
    )
    assert (total.residents, total.attended, len(total.words)) == (3, 2, 2)


def test_feedback_for_an_activity(home: Home, fed_back: dict[str, int]) -> None:
    report = home.service.feedback_for_activity(home.coordinator, home.bingo)
    assert [s.slot_id for s in report.slots] == [
        fed_back["bingo_wednesday"],
        fed_back["bingo_monday"],
        fed_back["last_week"],
    ]  # newest first; the future one is not there yet
    assert (report.total.title, report.total.activity_id) == ("Bingo", home.bingo)
    assert [report.total.count(face) for face in FeedbackFace] == [2, 0, 2]
    assert report.total.residents == 3
    assert [w.words for w in report.total.words] == ["Too loud", "Won a prize!", "Cold room"]
    quiz = home.service.feedback_for_activity(home.coordinator, home.quiz)
    assert [s.slot_id for s in quiz.slots] == [fed_back["quiz_tuesday"]]  # not the cancelled
    assert quiz.total.attended == 2
    with pytest.raises(NotFoundError):
        home.service.feedback_for_activity(home.coordinator, 999)
