"""Casting a ballot: from the service call to a committed row (synchronous=FULL, WAL),
against a raw sqlite3 insert of the same rows with the same pragmas, in the same run.

Every resident of the demo home votes in a new poll, then changes their vote, over and
over: the first cast inserts a ballot, a change rewrites its choices. The baseline does
the same writes with bare sqlite3 in one transaction each.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.report import Result

CASTS = 300
TARGET_MS = "under 100 ms (a tap feels instant)"


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def _service_casts(folder: Path) -> list[float]:
    from kiosk.domain.access import Actor
    from kiosk.domain.enums import BallotAnswer, DatabaseKind
    from kiosk.domain.polls import NewPoll, NewPollOption
    from kiosk.services.polls import PollsService
    from kiosk.services.residents import ResidentsService
    from kiosk.services.staff import StaffService
    from kiosk.storage.database import open_database
    from kiosk.storage.demo import seed_demo_home
    from kiosk.storage.demo_content import STAFF

    database = open_database(
        f"sqlite:///{folder / 'ballots.sqlite'}", create=True, kind=DatabaseKind.DEMO
    )
    seed_demo_home(database)
    staff = StaffService(database.sessions)
    coordinator = next(p for p in STAFF if p.role == "coordinator")
    member = next(m for m in staff.sign_in_choices() if m.name == coordinator.name)
    actor = staff.sign_in(member.id, coordinator.pin)
    polls = PollsService(database.sessions)
    now = datetime.now(UTC)
    poll = polls.create_poll(
        actor,
        NewPoll(
            question="Where shall we go in the spring?",
            options=(NewPollOption("The seaside"), NewPollOption("The garden centre")),
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(days=3),
        ),
    )
    options = [option.id for option in poll.options]
    people = ResidentsService(database.sessions, languages=["en_GB"])
    residents = [r.id for r in people.list_active()]
    samples = []
    for turn in range(CASTS):
        resident_id = residents[turn % len(residents)]
        answer = {options[turn % len(options)]: BallotAnswer.CHOSEN}
        started = time.perf_counter()
        polls.cast_ballot(Actor.resident(resident_id), poll.id, answer, resident_id=resident_id)
        samples.append(time.perf_counter() - started)
    database.engine.dispose()
    return samples


def _raw_casts(folder: Path, residents: int) -> list[float]:
    connection = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.executescript(
        """
        CREATE TABLE ballot (id INTEGER PRIMARY KEY, poll_id INTEGER NOT NULL,
            resident_id INTEGER NOT NULL, cast_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            UNIQUE (poll_id, resident_id));
        CREATE TABLE ballot_choice (ballot_id INTEGER NOT NULL REFERENCES ballot (id),
            option_id INTEGER NOT NULL, answer TEXT NOT NULL, PRIMARY KEY (ballot_id, option_id));
        """
    )
    samples = []
    for turn in range(CASTS):
        moment = datetime.now(UTC).isoformat()
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO ballot (poll_id, resident_id, cast_at, updated_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (poll_id, resident_id) DO UPDATE SET updated_at = excluded.updated_at",
            (turn % residents, moment, moment),
        )
        (ballot_id,) = connection.execute(
            "SELECT id FROM ballot WHERE poll_id = 1 AND resident_id = ?", (turn % residents,)
        ).fetchone()
        connection.execute("DELETE FROM ballot_choice WHERE ballot_id = ?", (ballot_id,))
        connection.execute(
            "INSERT INTO ballot_choice VALUES (?, ?, 'chosen')", (ballot_id, turn % 2 + 1)
        )
        connection.execute("COMMIT")
        samples.append(time.perf_counter() - started)
    connection.close()
    return samples


def run_all() -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="bench-ballot-") as folder:
        service = _service_casts(Path(folder))
        raw = _raw_casts(Path(folder), residents=20)
    service_p95, raw_p95 = _p95(service), _p95(raw)
    return [
        Result("ballot", "cast a ballot p50", statistics.median(service) * 1000, "ms", ""),
        Result("ballot", "cast a ballot p95", service_p95 * 1000, "ms", TARGET_MS),
        Result("ballot", "raw sqlite3 insert p95", raw_p95 * 1000, "ms", "baseline"),
        Result("ballot", "cast / raw (p95)", service_p95 / raw_p95, "×", "for information"),
    ]
