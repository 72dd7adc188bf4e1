"""Polls, the week and "How was it?" on the demo home, through the services the kiosk builds
(kiosk.app.Services): what a resident and the coordinator find there on the first day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app import Services
from kiosk.config import AppConfig
from kiosk.domain.access import Actor
from kiosk.domain.enums import BallotAnswer, PollKind
from kiosk.domain.schedule import FeedbackFace
from kiosk.domain.week import monday_of
from kiosk.storage.database import DatabaseKind, open_database, sqlite_url
from kiosk.storage.demo_content import STAFF


@pytest.fixture
def services(demo_dir: Path) -> Iterator[Services]:
    database = open_database(sqlite_url(demo_dir / "our-say.sqlite3"), kind=DatabaseKind.DEMO)
    config = AppConfig.build(data_dir=demo_dir, demo=True, windowed=True, locale=None, environ={})
    yield Services(database, config)
    database.dispose()


def resident(services: Services, name: str) -> Actor:
    found = next(r for r in services.residents.list_active() if r.preferred_name == name)
    return Actor.resident(found.id)


def coordinator(services: Services) -> Actor:
    demo = next(person for person in STAFF if person.role == "coordinator")
    member = next(m for m in services.staff.sign_in_choices() if m.name == demo.name)
    return services.staff.sign_in(member.id, demo.pin)


def test_a_resident_finds_open_votes_and_can_change_their_mind(services: Services) -> None:
    dot = resident(services, "Dot")
    open_polls = services.polls.polls_open(dot)
    assert len(open_polls) >= 2
    poll = next(p for p in open_polls if p.kind is PollKind.CHOOSE_ONE)
    first, second = poll.options[0], poll.options[1]
    services.polls.cast_ballot(dot, poll.id, {first.id: BallotAnswer.CHOSEN})
    services.polls.cast_ballot(dot, poll.id, {second.id: BallotAnswer.CHOSEN})
    mine = services.polls.my_ballot(dot, poll.id)
    assert mine is not None and mine.chosen == second.id


def test_the_coordinator_plans_last_votes_winner_and_residents_say_how_it_went(
    services: Services,
) -> None:
    staff = coordinator(services)
    now = datetime.now(UTC)
    closed = services.polls.polls_closed(staff, now=now)
    assert closed, "the demo has a closed poll"
    results = services.polls.results(resident(services, "Dot"), closed[0].id, now=now)
    assert results.final and results.ballots > 0 and results.winner is not None

    this_week = services.schedule.week(staff, monday_of(services.week.today()))
    assert this_week, "the demo plans this week"
    last_week = services.schedule.week(staff, monday_of(services.week.today()) - timedelta(7))
    assert any(slot.from_residents for slot in last_week + this_week)

    reviews = {
        name: services.schedule.slots_to_review(resident(services, name))
        for name in ("Margaret", "Dai", "Dot", "Mr Patel", "Helena")
    }
    name, slots = next((n, s) for n, s in reviews.items() if s)
    given = services.schedule.give_feedback(
        resident(services, name), slots[0].slot_id, FeedbackFace.GOOD, "Lovely, thank you"
    )
    assert given.face is FeedbackFace.GOOD
    assert slots[0].slot_id not in {
        s.slot_id for s in services.schedule.slots_to_review(resident(services, name))
    }
