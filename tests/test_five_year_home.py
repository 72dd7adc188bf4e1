"""A five-year home stays fast (issue #10): ``kiosk demo-data --scale``, the indexes the
big home needed, the queries that use them, and an older database gaining them.

The query tests run the real services on a small generated home and ask SQLite how it
ran every statement they sent (``EXPLAIN QUERY PLAN``): each fixed query must search its
index, never scan the whole table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from kiosk.cli import main
from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind, StaffRole
from kiosk.services.evidence import EvidenceService
from kiosk.services.polls import PollsService
from kiosk.services.schedule import ScheduleService
from kiosk.services.staff import StaffService
from kiosk.storage import models
from kiosk.storage.database import (
    INDEXES_ADDED,
    SCHEMA_VERSION,
    Database,
    open_database,
    sqlite_url,
)
from kiosk.storage.demo import HOME_ZONE
from kiosk.storage.demo_content import STAFF
from kiosk.storage.errors import DatabaseTooNew
from kiosk.storage.generated import generate_home

END = date(2026, 3, 31)
NOW = datetime.combine(END, time(12, 0), tzinfo=HOME_ZONE).astimezone(UTC)
NEW_INDEXES = {
    "ix_proposal_submitted_at": "proposal",
    "ix_ballot_cast_at_resident_id": "ballot",
    "ix_schedule_slot_ends_at": "schedule_slot",
}


# ---------------------------------------------------------------------------------------
# kiosk demo-data --scale


def test_scale_generates_a_home_into_the_demo_folder_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "big"
    assert main(["demo-data", "--scale", "6x0.1", "--data-dir", str(folder)], environ={}) == 0
    said = capsys.readouterr().out
    assert "Generated a home of 6 residents over 0.1 years" in said
    assert "ballots" in said and "audit events" in said
    database = open_database(sqlite_url(folder / "our-say.sqlite3"))
    try:
        assert database.kind is DatabaseKind.DEMO
        with database.engine.connect() as connection:
            ballots = connection.execute(text("SELECT count(*) FROM ballot")).scalar_one()
        assert ballots > 0
    finally:
        database.dispose()
    assert main(["check", "--data-dir", str(folder)], environ={}) == 0
    capsys.readouterr()

    # A second time, or plain demo-data, adds nothing on top of the home that is there.
    assert main(["demo-data", "--scale", "6x0.1", "--data-dir", str(folder)], environ={}) == 2
    assert "already holds a home" in capsys.readouterr().err
    assert main(["demo-data", "--data-dir", str(folder)], environ={}) == 0
    assert "Already seeded" in capsys.readouterr().out


def test_scale_refuses_a_real_home_untouched(
    database: Database, database_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database.dispose()
    before = database_path.read_bytes()
    folder = str(database_path.parent)
    assert main(["demo-data", "--scale", "6x0.1", "--data-dir", folder], environ={}) == 2
    assert "real home" in capsys.readouterr().err
    assert database_path.read_bytes() == before


@pytest.mark.parametrize("scale", ["5", "ten", "0x1", "6x0", "6x-1", "5000x1", "6x11"])
def test_scale_refuses_what_is_not_a_scale(
    scale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["demo-data", "--scale", scale, "--data-dir", str(tmp_path / "demo")], environ={})
    assert stopped.value.code == 2
    assert "--scale" in capsys.readouterr().err
    assert not (tmp_path / "demo").exists()


def test_the_named_scales_are_the_issues_homes() -> None:
    from kiosk.cli import DEMO_SCALES

    assert DEMO_SCALES == {"1y": (60, 1.0), "5y": (200, 5.0)}


# ---------------------------------------------------------------------------------------
# The queries the big home made slow, and their indexes


@pytest.fixture(scope="module")
def small_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A generated home, small: a dozen residents over four months."""
    folder = tmp_path_factory.mktemp("small-home")
    database = open_database(
        sqlite_url(folder / "our-say.sqlite3"), create=True, kind=DatabaseKind.DEMO
    )
    generate_home(database, residents=12, years=0.35, end=END)
    yield database
    database.dispose()


class Statements:
    """Every SELECT a service sends, with its parameters, to be explained afterwards."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.sent: list[tuple[str, Any]] = []

    def __enter__(self) -> Statements:
        event.listen(self.database.engine, "before_cursor_execute", self._heard)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(self.database.engine, "before_cursor_execute", self._heard)

    def _heard(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.sent.append((statement, params))

    def plans(self, reading: str) -> list[tuple[str, list[str]]]:
        """(statement, plan lines) for each statement that reads the table ``reading``."""
        raw = sqlite3.connect(self.database.location)
        try:
            return [
                (sql, [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params)])
                for sql, params in self.sent
                if f"FROM {reading}" in sql or f"JOIN {reading}" in sql
            ]
        finally:
            raw.close()


def _manager(database: Database) -> Actor:
    staff = StaffService(database.sessions)
    person = next(p for p in STAFF if p.role is StaffRole.MANAGER)
    member = next(m for m in staff.sign_in_choices() if m.name == person.name)
    return staff.sign_in(member.id, person.pin)


def _a_resident(database: Database) -> Actor:
    with database.sessions() as session:
        resident_id = session.scalars(
            models.Resident.__table__.select().with_only_columns(models.Resident.id)
        ).first()
    assert resident_id is not None
    return Actor.resident(resident_id)


def _assert_searches(plans: list[tuple[str, list[str]]], table: str, index: str) -> None:
    assert plans, f"nothing read {table}"
    for sql, plan in plans:
        assert not any(line.startswith(f"SCAN {table}") for line in plan), (sql, plan)
        assert any(f"SEARCH {table} USING" in line and index in line for line in plan), (
            sql,
            plan,
        )


def test_how_was_it_finds_last_weeks_slots_by_their_end(small_home: Database) -> None:
    schedule = ScheduleService(small_home.sessions, now=lambda: NOW)
    with Statements(small_home) as heard:
        schedule.slots_to_review(_a_resident(small_home), now=NOW)
    _assert_searches(heard.plans("schedule_slot"), "schedule_slot", "ix_schedule_slot_ends_at")


def test_the_evidence_report_reads_its_year_by_index(small_home: Database) -> None:
    service = EvidenceService(small_home.sessions, today=lambda: END)
    with Statements(small_home) as heard:
        service.report(_manager(small_home), END - timedelta(days=60), END)
    _assert_searches(
        [(sql, plan) for sql, plan in heard.plans("proposal") if "submitted_at >=" in sql],
        "proposal",
        "ix_proposal_submitted_at",
    )
    _assert_searches(
        [(sql, plan) for sql, plan in heard.plans("ballot") if "ballot.cast_at >=" in sql],
        "ballot",
        "ix_ballot_cast_at_resident_id",
    )


def test_closed_votes_are_cut_to_the_few_shown_in_the_database(small_home: Database) -> None:
    polls = PollsService(small_home.sessions, now=lambda: NOW)
    resident = _a_resident(small_home)
    every = polls.all_polls(_manager(small_home))
    closed = sorted(
        (poll for poll in every if poll.is_closed(NOW)),
        key=lambda poll: (poll.closed_at, poll.id),
        reverse=True,
    )
    assert len(closed) > 3  # enough history for the cut to matter
    with Statements(small_home) as heard:
        shown = polls.polls_closed(resident, now=NOW, limit=3)
    assert [poll.id for poll in shown] == [poll.id for poll in closed[:3]]
    options = [params for sql, params in heard.sent if "FROM poll_option" in sql]
    assert [len(params) for params in options] == [3]  # the choices of those three only
    assert polls.polls_closed(resident, now=NOW, limit=0) == []


def test_closed_early_counts_from_when_it_was_closed(small_home: Database) -> None:
    """A vote stopped early sorts by the moment it stopped, as ``Poll.closed_at`` says."""
    polls = PollsService(small_home.sessions, now=lambda: NOW)
    resident = _a_resident(small_home)
    newest = polls.polls_closed(resident, now=NOW, limit=1)[0]
    with small_home.engine.begin() as connection:
        poll_id = connection.execute(
            text("SELECT id FROM poll WHERE closes_at < :at ORDER BY closes_at LIMIT 1"),
            {"at": newest.closed_at.astimezone(UTC).replace(tzinfo=None)},
        ).scalar_one()
        original = connection.execute(
            text("SELECT closes_at, closed_early_at FROM poll WHERE id = :id"), {"id": poll_id}
        ).one()
        # Closed early, a moment after the newest one closed: it comes first now...
        connection.execute(
            text("UPDATE poll SET closes_at = :late, closed_early_at = :early WHERE id = :id"),
            {
                "late": (NOW + timedelta(days=30)).replace(tzinfo=None),
                "early": (newest.closed_at + timedelta(minutes=1))
                .astimezone(UTC)
                .replace(tzinfo=None),
                "id": poll_id,
            },
        )
    try:
        assert [poll.id for poll in polls.polls_closed(resident, now=NOW, limit=2)] == [
            poll_id,
            newest.id,
        ]
    finally:
        with small_home.engine.begin() as connection:
            connection.execute(
                text("UPDATE poll SET closes_at = :c, closed_early_at = :e WHERE id = :id"),
                {"c": original[0], "e": original[1], "id": poll_id},
            )


# ---------------------------------------------------------------------------------------
# An existing database gains the indexes; a newer one is still refused


def _index_names(path: Path) -> set[str]:
    raw = sqlite3.connect(path)
    try:
        return {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        raw.close()


def _as_before_the_indexes(path: Path, change: Callable[[sqlite3.Connection], None] | None) -> None:
    """The database as an earlier version made it: without the new indexes."""
    raw = sqlite3.connect(path)
    try:
        for name in NEW_INDEXES:
            raw.execute(f'DROP INDEX "{name}"')
        if change is not None:
            change(raw)
        raw.commit()
    finally:
        raw.close()


def test_a_new_database_has_the_indexes_and_notes_no_upgrade(database_path: Path) -> None:
    database = open_database(sqlite_url(database_path), create=True)
    database.dispose()
    assert set(NEW_INDEXES) <= _index_names(database_path)
    raw = sqlite3.connect(database_path)
    try:
        meta = dict(raw.execute("SELECT name, value FROM schema_meta"))
    finally:
        raw.close()
    assert INDEXES_ADDED not in meta


def test_an_older_database_gains_the_indexes_when_opened(database_path: Path) -> None:
    open_database(sqlite_url(database_path), create=True).dispose()
    _as_before_the_indexes(database_path, None)
    assert not set(NEW_INDEXES) & _index_names(database_path)

    database = open_database(sqlite_url(database_path))
    database.dispose()
    assert set(NEW_INDEXES) <= _index_names(database_path)
    raw = sqlite3.connect(database_path)
    try:
        noted = raw.execute(
            "SELECT value FROM schema_meta WHERE name = ?", (INDEXES_ADDED,)
        ).fetchone()[0]
        version = raw.execute(
            "SELECT value FROM schema_meta WHERE name = 'schema_version'"
        ).fetchone()[0]
    finally:
        raw.close()
    assert all(name in noted for name in NEW_INDEXES)
    assert version == str(SCHEMA_VERSION)  # indexes need no new schema version

    # Opened again: nothing more to add, and the note is not written twice.
    open_database(sqlite_url(database_path)).dispose()
    raw = sqlite3.connect(database_path)
    try:
        again = raw.execute(
            "SELECT value FROM schema_meta WHERE name = ?", (INDEXES_ADDED,)
        ).fetchone()[0]
    finally:
        raw.close()
    assert again == noted


def test_a_newer_database_is_refused_and_gains_nothing(database_path: Path) -> None:
    open_database(sqlite_url(database_path), create=True).dispose()

    def newer(raw: sqlite3.Connection) -> None:
        raw.execute(
            "UPDATE schema_meta SET value = ? WHERE name = 'schema_version'",
            (str(SCHEMA_VERSION + 1),),
        )

    _as_before_the_indexes(database_path, newer)
    before = database_path.read_bytes()
    with pytest.raises(DatabaseTooNew):
        open_database(sqlite_url(database_path))
    assert database_path.read_bytes() == before
    assert not set(NEW_INDEXES) & _index_names(database_path)
