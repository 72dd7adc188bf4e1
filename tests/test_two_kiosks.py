"""Two kiosks on one database at once (issue #10): residents at both vote and say "me too"
in the same polls and ideas at the same moment. Every ballot is counted once, each
resident has one ballot per poll whatever the race, and the rule is the database's own.

Each kiosk is a process of its own (``tests/helpers/race_kiosk.py``), as in a home whose
lounge and dining-room kiosks share one PostgreSQL server; SQLite runs the same race.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from kiosk.domain.access import Actor
from kiosk.domain.enums import ProposalTopic, StaffRole
from kiosk.domain.ideas import NewIdea
from kiosk.domain.polls import NewPoll, NewPollOption
from kiosk.domain.residents import NewResident
from kiosk.services.ideas import IdeasService
from kiosk.services.polls import PollsService
from kiosk.services.residents import ResidentsService
from kiosk.storage import models
from kiosk.storage.database import open_database
from tests.conftest import ALL_LANGUAGES, ENGINES, demo_home_on

pytestmark = pytest.mark.slow

MORE_RESIDENTS = 30  # with the demo home's eleven: 41 voters in each poll
NEW_POLLS = 3
NEW_IDEAS = 3
ROUNDS = 2
KIOSK_TIMEOUT_S = 300
ROOT = Path(__file__).resolve().parent.parent

Answers = frozenset[tuple[int, str]]


@pytest.fixture(params=ENGINES)
def shared_home(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A private copy of the demo home, with more residents, polls and ideas to race on."""
    with demo_home_on(request.param, request, tmp_path) as url:
        _fill(url)
        yield url


def _fill(url: str) -> None:
    database = open_database(url)
    try:
        manager = Actor.staff(1, StaffRole.MANAGER)
        residents = ResidentsService(database.sessions, languages=ALL_LANGUAGES)
        added = [
            residents.add(manager, NewResident(f"Racer {n}")).id for n in range(MORE_RESIDENTS)
        ]
        now = datetime.now(UTC)
        coordinator = Actor.staff(2, StaffRole.COORDINATOR)
        for n in range(NEW_POLLS):
            options = tuple(NewPollOption(f"Choice {n}.{k}") for k in range(3))
            new = NewPoll(
                f"Race poll {n}?", options, now - timedelta(minutes=1), now + timedelta(days=1)
            )
            PollsService(database.sessions).create_poll(coordinator, new)
        ideas = IdeasService(database.sessions)
        for n in range(NEW_IDEAS):
            ideas.suggest_idea(
                Actor.resident(added[n]), NewIdea(ProposalTopic.ACTIVITY, f"Race idea {n}")
            )
    finally:
        database.dispose()


def _race(url: str, folder: Path) -> list[dict[str, list[list[int]]]]:
    """Start both kiosks, let them go at once, and return what each was told was kept."""
    go = folder / "go"
    kiosks = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.race_kiosk",
                url,
                str(go),
                str(seed),
                str(ROUNDS),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (1, 2)
    ]
    for kiosk in kiosks:
        assert kiosk.stdout is not None
        assert kiosk.stdout.readline().strip() == "ready", (
            kiosk.stderr.read() if kiosk.stderr else ""
        )
    go.touch()
    reports = []
    for kiosk in kiosks:
        out, err = kiosk.communicate(timeout=KIOSK_TIMEOUT_S)
        assert kiosk.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def test_two_kiosks_racing_count_every_ballot_once(shared_home: str, tmp_path: Path) -> None:
    reports = _race(shared_home, tmp_path)

    told: defaultdict[tuple[int, int], set[Answers]] = defaultdict(set)
    for report in reports:
        for poll, resident, answers in report["ballots"]:
            told[poll, resident].add(frozenset((option, answer) for option, answer in answers))
    supported = {(idea, resident) for report in reports for idea, resident in report["supports"]}
    assert len(told) >= NEW_POLLS * (MORE_RESIDENTS + 1)
    assert all(len(report["ballots"]) == len(reports[0]["ballots"]) for report in reports)

    database = open_database(shared_home)
    try:
        with database.sessions() as session:
            ballots = session.execute(
                select(models.Ballot.id, models.Ballot.poll_id, models.Ballot.resident_id)
            ).all()
            choices = session.execute(
                select(
                    models.BallotChoice.ballot_id,
                    models.BallotChoice.option_id,
                    models.BallotChoice.answer,
                )
            ).all()
            supports = session.execute(
                select(models.ProposalSupport.proposal_id, models.ProposalSupport.resident_id)
            ).all()
            authors = dict(
                session.execute(select(models.Proposal.id, models.Proposal.resident_id)).all()
            )
            counted = dict(
                session.execute(
                    select(models.Ballot.poll_id, func.count()).group_by(models.Ballot.poll_id)
                ).all()
            )
        # One ballot per resident per poll, and each is counted once.
        pairs = [(poll, resident) for _, poll, resident in ballots]
        assert len(pairs) == len(set(pairs))
        for poll in {poll for poll, _ in told}:
            assert counted[poll] == len({r for p, r in told if p == poll})
        # Each ballot holds answers the resident gave at one of the kiosks, whole.
        stored: defaultdict[int, set[tuple[int, str]]] = defaultdict(set)
        for ballot_id, option, answer in choices:
            stored[ballot_id].add((option, answer))
        for ballot_id, poll, resident in ballots:
            if (poll, resident) in told:
                assert frozenset(stored[ballot_id]) in told[poll, resident]
        # Every "me too" is kept once; a resident's own idea needs none.
        assert len(supports) == len(set(supports))
        kept = {(idea, resident) for idea, resident in supports}
        assert {pair for pair in supported if authors[pair[0]] != pair[1]} <= kept

        # The rule is the database's: a second ballot for the same resident and poll is refused.
        some_ballot = ballots[0]
        with pytest.raises(IntegrityError), database.engine.begin() as connection:
            now = datetime.now(UTC)
            connection.execute(
                insert(models.Ballot).values(
                    poll_id=some_ballot.poll_id,
                    resident_id=some_ballot.resident_id,
                    cast_at=now,
                    updated_at=now,
                )
            )
    finally:
        database.dispose()
