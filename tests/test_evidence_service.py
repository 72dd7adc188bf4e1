"""The evidence report's numbers, counted by hand from a small home (see
``tests/helpers/evidence_home.py``), its rights, its audit, and the demo home."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, literal, select

from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind, Meal, PollKind, ProposalStatus, ProposalTopic
from kiosk.domain.errors import NotAllowedError, ValidationError
from kiosk.domain.evidence import (
    ActivityFeedback,
    DateRange,
    DoneKind,
    DoneThing,
    EvidenceReport,
    Faces,
    MonthFaces,
    MonthTaking,
    OptionResult,
    PlanEvent,
    PlanWork,
    SuggestionChain,
    Taking,
    TalkEntry,
)
from kiosk.services.evidence import REPORT_ACTION, EvidenceService
from kiosk.services.evidence_window import Window
from kiosk.services.staff import StaffService
from kiosk.services.week import home_zone_in
from kiosk.storage import models
from kiosk.storage.database import Database, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF
from kiosk.storage.types import UtcDateTime
from tests.helpers.evidence_home import (
    FIRST,
    HOME,
    HOSTILE_NAME,
    LAST,
    SECRETS,
    TODAY,
    EvidenceHome,
    build_evidence_home,
    utc,
)

pytestmark = pytest.mark.both_engines

MAY, JUNE = date(2024, 5, 1), date(2024, 6, 1)


@pytest.fixture
def home(database: Database, manager: Actor) -> EvidenceHome:
    return build_evidence_home(database, manager)


@pytest.fixture
def evidence(database: Database) -> EvidenceService:
    return EvidenceService(database.sessions, today=lambda: TODAY)


@pytest.fixture
def report(home: EvidenceHome, evidence: EvidenceService) -> EvidenceReport:
    return evidence.report(home.manager, FIRST, LAST)


def test_the_report_is_headed_with_the_home_the_range_and_today(report: EvidenceReport) -> None:
    assert (report.home_name, report.period.first, report.period.last) == (HOME, FIRST, LAST)
    assert report.made_on == TODAY
    assert not report.empty


def test_participation_counts_who_lived_here_and_who_took_part_each_month(
    report: EvidenceReport,
) -> None:
    # Ron arrived in June, Eirlys left in May, Bill left before; Gwen left on 1 June and was
    # erased later, and still counts as living here in May and June.
    # A "me too" is not suggesting; a withdrawn suggestion is; a draft is not.
    assert report.participation.whole == Taking(
        residents=6, suggested=4, voted=5, gave_feedback=4, took_part=5
    )
    assert report.participation.months == (
        MonthTaking(MAY, Taking(residents=5, suggested=3, voted=4, gave_feedback=2, took_part=4)),
        MonthTaking(JUNE, Taking(residents=5, suggested=1, voted=2, gave_feedback=3, took_part=4)),
    )


def test_every_suggestion_chain_is_dated_from_said_to_done(
    home: EvidenceHome, report: EvidenceReport
) -> None:
    ids = home.proposals
    fish, taken_back, beach, bird, singing = report.suggestions
    assert fish == SuggestionChain(
        proposal_id=ids["fish pie"],
        said_on=date(2024, 5, 2),
        said_by="Margaret",
        topic=ProposalTopic.MEAL,
        title="Fish pie on Fridays",
        picture="fish",  # the dish's picture
        backed_by=2,
        status=ProposalStatus.DONE,
        decided_on=date(2024, 5, 5),
        decided_by="Gareth Evans",
        reason="Yes, on Friday the 10th.",
        done=(DoneThing(DoneKind.MENU, date(2024, 5, 10), "Fish pie", meal=Meal.LUNCH),),
        done_on=date(2024, 5, 10),
        answered_by=LAST,
    )
    assert (fish.days_to_answer, fish.went_ahead) == (3, True)
    assert beach == SuggestionChain(
        proposal_id=ids["beach"],
        said_on=date(2024, 5, 21),  # 23:30 UTC on the 20th is 00:30 on the 21st in summer
        said_by="Dai",
        topic=ProposalTopic.ACTIVITY,
        title="A trip to the beach",
        picture="bus",  # its own picture before its activity's
        backed_by=0,
        status=ProposalStatus.AGREED,
        decided_on=date(2024, 6, 10),
        decided_by="Priya Shah",
        reason="Yes: the minibus is booked.",
        done=(
            DoneThing(
                DoneKind.ACTIVITY, date(2024, 6, 20), "Trip to the beach", faces=Faces(2, 0, 1)
            ),
            DoneThing(DoneKind.ACTIVITY, date(2024, 6, 27), "Trip to the beach", cancelled=True),
        ),
        done_on=None,
        answered_by=LAST,
    )
    assert (beach.days_to_answer, beach.faces) == (20, Faces(2, 0, 1))
    assert (bird.proposal_id, bird.said_on, bird.said_by) == (
        ids["bird feeder"],
        date(2024, 6, 1),
        HOSTILE_NAME,
    )
    assert bird.title == "A bird feeder <by the window> & seeds"
    assert (bird.answered, bird.decided_by, bird.reason, bird.picture) == (False, None, None, None)
    assert bird.days_waiting == 29
    assert (singing.said_by, singing.status, singing.days_to_answer) == (
        None,  # staff raised it for the home
        ProposalStatus.DECLINED,
        2,
    )
    assert singing.went_ahead is False
    # Eirlys took hers back: it is in the trail, but it waits for nothing.
    assert (taken_back.proposal_id, taken_back.status, taken_back.said_by) == (
        ids["withdrawn"],
        ProposalStatus.WITHDRAWN,
        "Eirlys",
    )
    assert (taken_back.answered, taken_back.days_waiting, taken_back.went_ahead) == (
        False,
        None,
        False,
    )


def test_polls_show_turnout_results_and_what_was_planned_from_them(
    home: EvidenceHome, report: EvidenceReport
) -> None:
    trip, try_these = report.polls  # by closing date; earlier and later polls left out
    assert (trip.poll_id, trip.kind, trip.opened_on, trip.closed_on) == (
        home.polls["trip"],
        PollKind.CHOOSE_ONE,
        date(2024, 4, 30),
        date(2024, 5, 8),
    )
    assert (trip.residents, trip.voted, trip.turnout, trip.winners) == (5, 4, 0.8, ("Beach",))
    assert trip.options == (
        OptionResult("Beach", chosen=3),
        OptionResult("Zoo", chosen=1),
        OptionResult("Garden"),
    )
    assert trip.done == (
        DoneThing(DoneKind.ACTIVITY, date(2024, 5, 15), "Garden walk", faces=Faces(1, 1, 0)),
    )
    assert (try_these.poll_id, try_these.kind) == (home.polls["try"], PollKind.YES_MAYBE_NO)
    assert try_these.closed_on == date(2024, 6, 25)  # closed early
    assert (try_these.residents, try_these.voted, try_these.turnout) == (4, 2, 0.5)
    assert try_these.options == (
        OptionResult("Chair yoga", yes=1, maybe=1),
        OptionResult("Choir", yes=1, no=1),
    )
    assert try_these.done == ()


def test_feedback_per_activity_month_by_month(report: EvidenceReport) -> None:
    # Both have three answers, so by title. Margaret's answer at 00:30 on 1 July is outside.
    assert report.activities == (
        ActivityFeedback(
            activity_id=report.activities[0].activity_id,
            title="Garden walk",
            sessions=3,
            months=(MonthFaces(MAY, Faces(1, 1, 0)), MonthFaces(JUNE, Faces(0, 0, 1))),
        ),
        ActivityFeedback(
            activity_id=report.activities[1].activity_id,
            title="Trip to the beach",
            sessions=1,  # the cancelled one is not held
            months=(MonthFaces(JUNE, Faces(2, 0, 1)),),
        ),
    )


def test_care_plan_work_and_talk_requests_without_a_word_of_the_plan(
    report: EvidenceReport,
) -> None:
    assert report.plan_events == (
        PlanEvent("Margaret", date(2024, 5, 15), PlanWork.REVIEW, True, "Tomasz Zieliński"),
        PlanEvent("Margaret", date(2024, 5, 15), PlanWork.VERSION, True, "Tomasz Zieliński"),
        PlanEvent("Dai", date(2024, 6, 18), PlanWork.REVIEW, False, None),
    )
    assert report.talk_requests == (
        TalkEntry("Dai", "support", date(2024, 5, 10), date(2024, 5, 14), LAST),
        TalkEntry(HOSTILE_NAME, None, date(2024, 6, 22), None, LAST),
    )
    assert [entry.days_open for entry in report.talk_requests] == [4, 8]
    everything = repr(report)
    assert not [secret for secret in SECRETS if secret in everything]


def test_the_summary_matches_the_hand_count(report: EvidenceReport) -> None:
    summary = report.summary
    assert (summary.residents, summary.took_part) == (6, 5)
    assert (summary.suggestions, summary.answered, summary.answered_in_time) == (5, 3, 2)
    assert (summary.median_days_to_answer, summary.went_ahead) == (3.0, 2)
    assert (summary.polls, summary.average_turnout) == (2, pytest.approx(0.65))
    assert summary.feedback == Faces(good=3, all_right=1, not_good=2)
    assert (summary.reviews, summary.reviews_with_resident) == (2, 1)
    assert (summary.versions, summary.versions_with_resident) == (1, 1)
    assert (summary.talk_requests, summary.talk_resolved) == (2, 1)
    assert summary.median_days_to_resolve == 4.0


def test_a_range_reaching_past_today_is_waited_on_until_today(
    home: EvidenceHome, database: Database
) -> None:
    evidence = EvidenceService(database.sessions, today=lambda: date(2024, 6, 24))
    report = evidence.report(home.manager, FIRST, LAST)
    bird = next(c for c in report.suggestions if c.proposal_id == home.proposals["bird feeder"])
    assert report.made_on == bird.answered_by == date(2024, 6, 24)
    assert bird.days_waiting == 23
    assert report.talk_requests[1].days_open == 2


def test_a_poll_still_open_is_shown_when_it_opened_in_the_range(
    home: EvidenceHome, database: Database, evidence: EvidenceService
) -> None:
    with database.sessions.begin() as session:
        poll = models.Poll(
            question="Still open?",
            kind="choose_one",
            opens_at=utc(6, 29),
            closes_at=utc(1, 1, year=2099),
        )
        session.add(poll)
        session.flush()
        still_open = poll.id
    outcome = evidence.report(home.manager, FIRST, LAST).polls[-1]
    assert (outcome.poll_id, outcome.opened_on, outcome.closed_on) == (
        still_open,
        date(2024, 6, 29),
        date(2099, 1, 1),
    )
    assert (outcome.voted, outcome.options, outcome.winners) == (0, (), ())
    assert outcome.still_open
    assert not any(
        poll.still_open for poll in evidence.report(home.manager, FIRST, LAST).polls[:-1]
    )


def test_an_empty_range_is_a_short_report_not_an_error(manager: Actor, database: Database) -> None:
    report = EvidenceService(database.sessions, today=lambda: TODAY).report(
        manager, date(2022, 1, 1), date(2022, 3, 31)
    )
    assert report.empty
    assert report.home_name == "Our home"
    assert report.participation.whole == Taking(0, 0, 0, 0, 0)
    assert [month.month for month in report.participation.months] == [
        date(2022, 1, 1),
        date(2022, 2, 1),
        date(2022, 3, 1),
    ]
    summary = report.summary
    assert (summary.suggestions, summary.polls, summary.feedback) == (0, 0, Faces())
    assert summary.median_days_to_answer is None and summary.average_turnout is None


def test_a_one_day_range_in_the_middle_of_a_month(
    home: EvidenceHome, evidence: EvidenceService
) -> None:
    report = evidence.report(home.manager, date(2024, 5, 21), date(2024, 5, 21))
    assert [chain.title for chain in report.suggestions] == ["A trip to the beach"]
    assert report.participation.months == (
        MonthTaking(MAY, Taking(residents=4, suggested=1, voted=0, gave_feedback=0, took_part=1)),
    )


@pytest.mark.parametrize(
    ("first", "last", "words"),
    [
        (date(2024, 6, 30), date(2024, 5, 1), "The end date is before the start date."),
        (date(2019, 1, 1), date(2024, 6, 30), "Please choose five years or less."),
    ],
)
def test_a_backwards_or_too_long_range_is_refused_in_plain_words(
    home: EvidenceHome, evidence: EvidenceService, first: date, last: date, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        evidence.report(home.manager, first, last)
    assert refused.value.text() == words


def test_five_years_exactly_is_allowed(home: EvidenceHome, evidence: EvidenceService) -> None:
    report = evidence.report(home.manager, date(2019, 7, 1), LAST)
    # the five (one taken back), and Dai's at 23:30 on 30 April
    assert report.summary.suggestions == 6
    months = report.participation.months
    assert [month.month for month in months][:2] == [date(2019, 7, 1), date(2019, 8, 1)]
    assert len(months) == 60
    assert months[-3:] == (
        MonthTaking(date(2024, 4, 1), Taking(6, 1, 0, 0, 1)),  # Bill left on 20 April
        MonthTaking(MAY, Taking(residents=5, suggested=3, voted=4, gave_feedback=2, took_part=4)),
        MonthTaking(JUNE, Taking(residents=5, suggested=1, voted=2, gave_feedback=3, took_part=4)),
    )
    assert {month.taking.took_part for month in months[:-3]} == {0}


def test_every_moment_falls_in_its_local_month_across_five_years(database: Database) -> None:
    """Each month's first minute at the home, and the minute before it, in SQL."""
    with database.sessions() as session:
        window = Window(DateRange(date(2020, 2, 10), date(2025, 2, 5)), home_zone_in(session))
        moments, expected = [], []
        for index, first in enumerate(window.month_starts):
            local = window.midnight(first)
            moments += [local, local - timedelta(minutes=1)]
            expected += [index, max(index - 1, 0)]
        found = [
            session.scalar(select(window.month_index(literal(moment, UtcDateTime))))
            for moment in moments
        ]
    assert len(window.month_starts) == 61
    assert found == expected


def test_only_the_manager_may_see_the_report_and_it_is_audited_without_names(
    home: EvidenceHome, evidence: EvidenceService, database: Database
) -> None:
    for someone in (home.coordinator, home.kitchen, home.carer, home.resident):
        with pytest.raises(NotAllowedError):
            evidence.report(someone, FIRST, LAST)
    with database.sessions() as session:
        assert not session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == REPORT_ACTION)
        ).all()
    evidence.report(home.manager, FIRST, LAST)
    with database.sessions() as session:
        events = session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == REPORT_ACTION)
        ).all()
        names = session.scalars(select(models.Resident.preferred_name)).all()
    assert [(e.actor_staff_id, e.detail) for e in events] == [
        (home.manager.staff_id, "2024-05-01 to 2024-06-30")
    ]
    assert not [name for name in names if name in (events[0].detail or "")]


def test_you_said_we_did_is_the_month_said_naming_nobody(
    home: EvidenceHome, evidence: EvidenceService, database: Database
) -> None:
    may = evidence.you_said_we_did(home.coordinator, date(2024, 5, 17))
    # Dai's beach trip (21 May at the home) is May's; the bird feeder (1 June) is not, and
    # Eirlys's, taken back, is left off the poster.
    assert [chain.proposal_id for chain in may] == [
        home.proposals["fish pie"],
        home.proposals["beach"],
    ]
    assert {chain.said_by for chain in may} == {None}
    assert [chain.answered_by for chain in may] == [date(2024, 5, 31)] * 2
    june = evidence.you_said_we_did(home.kitchen, date(2024, 6, 30))
    assert [chain.title for chain in june] == [
        "A bird feeder <by the window> & seeds",
        "Singing on Sundays",
    ]
    assert june[0].days_waiting == 29 and june[0].said_by is None
    for someone in (home.carer, home.resident):
        with pytest.raises(NotAllowedError):
            evidence.you_said_we_did(someone, date(2024, 5, 1))
    with database.sessions() as session:
        assert not session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == REPORT_ACTION)
        ).all()


def test_the_demo_home_gives_a_full_report_for_the_last_three_months(demo_dir: Path) -> None:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    try:
        staff = StaffService(database.sessions)
        demo_manager = next(person for person in STAFF if person.role == "manager")
        member = next(m for m in staff.sign_in_choices() if m.name == demo_manager.name)
        manager = staff.sign_in(member.id, demo_manager.pin)
        evidence = EvidenceService(database.sessions)
        with database.sessions() as session:
            newest = session.scalar(select(func.max(models.Proposal.submitted_at)))
        assert newest is not None
        last = newest.date() + timedelta(days=1)
        report = evidence.report(manager, last - timedelta(days=91), last)
    finally:
        database.dispose()
    assert not report.empty
    assert report.suggestions and report.polls and report.activities
    assert report.plan_events and report.talk_requests
    summary = report.summary
    assert 0 < summary.took_part <= summary.residents
    assert summary.answered <= summary.suggestions
    assert all(chain.said_on in report.period for chain in report.suggestions)
