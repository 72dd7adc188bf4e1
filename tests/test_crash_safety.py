"""A power cut must not lose a word the kiosk said it had kept, nor keep half of one.

A child process writes through the real services as fast as it can (residents, ballots,
suggestions, care-plan versions) and reports each write after its commit; it is killed
with SIGKILL at random moments, again and again. Afterwards every reported write is in
the database exactly as reported, a write cut short is there whole or not at all, and the
database's own checks pass. The child is ``tests/helpers/crash_writer.py``.

Each part runs on both engines: a SQLite file in WAL mode with ``synchronous=FULL``, as the
kiosk opens it, and a PostgreSQL server (the writer is the kiosk killed; the server lives
on, as a home's shared server does when one kiosk loses its power).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.domain.access import Actor
from kiosk.domain.enums import StaffRole
from kiosk.services.care_plans import CarePlanService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import Database, check_database, open_database
from kiosk.storage.demo_content import STAFF
from tests.conftest import ENGINES, demo_home_on
from tests.helpers.crash_runs import Intent, Run, run_until_killed
from tests.helpers.crash_writer import plan_for

pytestmark = pytest.mark.slow

LONGEST_WAIT_S = 0.25
KILLS = 20  # per part: about 15 s of one core each (mostly the writer starting up)

Ballots = dict[tuple[int, int], frozenset[tuple[int, str]]]


@pytest.fixture(params=ENGINES)
def crash_home(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The address of a private copy of the demo home on the engine under test."""
    with demo_home_on(request.param, request, tmp_path) as url:
        yield url


@contextmanager
def opened(url: str) -> Iterator[Database]:
    database = open_database(url)
    try:
        yield database
    finally:
        database.dispose()


@contextmanager
def after_the_kills(url: str) -> Iterator[Database]:
    """The home opened again once the writer is dead, its integrity already checked."""
    with opened(url) as database:
        report = check_database(database)
        assert report.ok, report.problems
        yield database


def demo_staff(url: str, role: StaffRole) -> Actor:
    demo = next(person for person in STAFF if person.role == role)
    with opened(url) as database:
        staff = StaffService(database.sessions)
        member = next(m for m in staff.sign_in_choices() if m.name == demo.name)
        return staff.sign_in(member.id, demo.pin)


def kill_again_and_again(
    part: str,
    url: str,
    staff: Actor,
    *,
    kills: int,
    seed: int,
    again: Callable[[Sequence[Run], random.Random], list[Intent]] | None = None,
) -> list[Run]:
    chance = random.Random(seed)
    runs: list[Run] = []
    for attempt in range(kills):
        to_send_again = again(runs, chance) if again is not None else []
        wait = chance.uniform(0.0, LONGEST_WAIT_S)
        runs.append(run_until_killed(part, url, str(attempt), staff, wait, to_send_again))
    kept = sum(len(run.kept) for run in runs)
    assert kept > kills, "the writer should have kept something most times"
    return runs


# ---------------------------------------------------------------------------------------
# Residents


def test_every_reported_resident_survives_sigkill(crash_home: str) -> None:
    manager = demo_staff(crash_home, StaffRole.MANAGER)
    runs = kill_again_and_again("residents", crash_home, manager, kills=KILLS, seed=20261122)

    promised = {kept["id"]: intent["name"] for run in runs for intent, kept in run.promises}
    with after_the_kills(crash_home) as database, database.sessions() as session:
        stored = {
            row.id: row.preferred_name
            for row in session.execute(select(models.Resident.id, models.Resident.preferred_name))
        }
    assert {key: stored.get(key) for key in promised} == promised


# ---------------------------------------------------------------------------------------
# Ballots


def test_every_reported_ballot_survives_sigkill_once_with_its_choice(crash_home: str) -> None:
    manager = demo_staff(crash_home, StaffRole.MANAGER)
    with opened(crash_home) as database:
        before = stored_ballots(database)
    # What each resident's ballot in each poll may be now: the last one kept, or a change
    # cut short after it; "None" for no ballot at all.
    allowed: dict[tuple[int, int], set[frozenset[tuple[int, str]] | None]] = {
        key: {answers} for key, answers in before.items()
    }
    runs = kill_again_and_again("ballots", crash_home, manager, kills=KILLS, seed=20261123)
    for run in runs:
        for write in run.writes:
            key = (write.intent["poll"], write.intent["resident"])
            answers = frozenset(
                (int(option), answer) for option, answer in write.intent["answers"].items()
            )
            if write.kept is None:
                allowed.setdefault(key, {None}).add(answers)
            else:
                assert write.kept["answers"] == write.intent["answers"]
                allowed[key] = {answers}

    with after_the_kills(crash_home) as database:
        after = stored_ballots(database)
        with database.sessions() as session:
            twice = session.execute(
                select(models.Ballot.poll_id, models.Ballot.resident_id)
                .group_by(models.Ballot.poll_id, models.Ballot.resident_id)
                .having(func.count() > 1)
            ).all()
    assert twice == []
    for key in allowed.keys() | after.keys():
        assert after.get(key) in allowed.get(key, {None}), f"poll {key[0]}, resident {key[1]}"
    assert after != before


def stored_ballots(database: Database) -> Ballots:
    """Every ballot's choices, by (poll, resident)."""
    ballots: dict[tuple[int, int], set[tuple[int, str]]] = {}
    with database.sessions() as session:
        for ballot in session.scalars(select(models.Ballot)):
            ballots[(ballot.poll_id, ballot.resident_id)] = set()
        rows = session.execute(
            select(
                models.Ballot.poll_id,
                models.Ballot.resident_id,
                models.BallotChoice.option_id,
                models.BallotChoice.answer,
            ).join(models.BallotChoice, models.BallotChoice.ballot_id == models.Ballot.id)
        ).all()
    for poll_id, resident_id, option_id, answer in rows:
        ballots[(poll_id, resident_id)].add((option_id, answer))
    return {key: frozenset(choices) for key, choices in ballots.items()}


# ---------------------------------------------------------------------------------------
# Suggestions


def test_every_reported_suggestion_survives_sigkill_exactly_once(crash_home: str) -> None:
    manager = demo_staff(crash_home, StaffRole.MANAGER)
    with opened(crash_home) as database:
        proposals_before = check_database(database).counts["proposal"]

    def send_again(runs: Sequence[Run], chance: random.Random) -> list[Intent]:
        """After a restart: the suggestion cut short, and one already kept, sent once more."""
        if not runs:
            return []
        cut_short = [runs[-1].cut_short] if runs[-1].cut_short else []
        kept = [write for run in runs for write in run.kept]
        chosen = cut_short + chance.sample(kept, min(1, len(kept)))
        return [first_send(write.intent) for write in chosen]

    runs = kill_again_and_again(
        "suggestions", crash_home, manager, kills=KILLS, seed=20261124, again=send_again
    )
    tried: dict[str, Intent] = {}
    kept_as: dict[str, int] = {}
    sent_again = 0
    for run in runs:
        for write in run.writes:
            token = write.intent["token"]
            tried[token] = first_send(write.intent)
            if write.kept is None:
                continue
            if write.intent.get("again"):
                sent_again += 1
            # Sent again after a restart, it comes back as the one already stored.
            assert kept_as.setdefault(token, write.kept["id"]) == write.kept["id"], token
    assert sent_again > 0

    with after_the_kills(crash_home) as database, database.sessions() as session:
        rows = session.scalars(
            select(models.Proposal).where(models.Proposal.client_token.in_(tried))
        ).all()
        tags: dict[int, list[str]] = {}
        for proposal_id, tag in session.execute(
            select(models.ProposalDietaryTag.proposal_id, models.ProposalDietaryTag.tag)
        ):
            tags.setdefault(proposal_id, []).append(tag)
        proposals_after = session.scalar(select(func.count()).select_from(models.Proposal))

    by_token = Counter(row.client_token for row in rows)
    assert max(by_token.values()) == 1
    assert proposals_after == proposals_before + len(rows)  # nothing stored without its token
    assert {row.client_token: row.id for row in rows if row.client_token in kept_as} == kept_as
    for row in rows:
        intent = tried[str(row.client_token)]
        assert (row.resident_id, row.title, row.status) == (
            intent["resident"],
            intent["title"],
            "open",
        )
        if intent["kind"] == "meal":
            assert (row.topic, row.meal_slot) == ("meal", intent["slot"])
            assert sorted(tags.get(row.id, [])) == intent["tags"]
        else:
            assert row.topic == intent["topic"]


def first_send(intent: Intent) -> Intent:
    """A suggestion as first sent, whether or not this write was it sent again."""
    return {key: value for key, value in intent.items() if key != "again"}


# ---------------------------------------------------------------------------------------
# Care plans


def test_every_reported_care_plan_version_survives_sigkill_whole(crash_home: str) -> None:
    manager = demo_staff(crash_home, StaffRole.MANAGER)
    with opened(crash_home) as database:
        versions_before = check_database(database).counts["care_plan_version"]
    runs = kill_again_and_again("care-plans", crash_home, manager, kills=KILLS, seed=20261125)
    tried = {
        write.intent["label"]: write.intent["resident"] for run in runs for write in run.writes
    }
    kept = {intent["label"]: kept["version"] for run in runs for intent, kept in run.promises}

    with after_the_kills(crash_home) as database:
        with database.sessions() as session:
            versions = session.execute(
                select(
                    models.CarePlan.resident_id,
                    models.CarePlanVersion.version_number,
                    models.CarePlanVersion.change_summary,
                ).join(models.CarePlan)
            ).all()
            without_sections = session.scalars(
                select(models.CarePlanVersion.id)
                .outerjoin(models.CarePlanSectionText)
                .group_by(models.CarePlanVersion.id)
                .having(func.count(models.CarePlanSectionText.id) == 0)
            ).all()
        assert without_sections == []  # no version was ever half written

        numbers: dict[int, list[int]] = {}
        ours: dict[str, tuple[int, int]] = {}
        for resident_id, number, label in versions:
            numbers.setdefault(resident_id, []).append(number)
            if label in tried:
                assert label not in ours, f"save {label} stored twice"
                ours[label] = (resident_id, number)
        assert len(versions) == versions_before + len(ours)
        for resident_id, stored in numbers.items():
            assert sorted(stored) == list(range(1, len(stored) + 1)), resident_id
        for label, number in kept.items():
            assert ours.get(label) == (tried[label], number), label

        plans = CarePlanService(database.sessions)
        for label, (resident_id, number) in ours.items():
            assert resident_id == tried[label]
            view = plans.version(manager, resident_id, number)
            draft, _ = plan_for(label)
            assert {text.section: text.body for text in view.sections} == dict(draft.sections)
            assert (view.goals, view.routines, view.risks, view.supported_by) == (
                draft.goals,
                draft.routines,
                draft.risks,
                draft.supported_by,
            ), label
