"""Opening the database: pragmas, privacy, and refusing files it must not touch."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kiosk.domain.enums import DatabaseKind
from kiosk.storage import models
from kiosk.storage.database import (
    SCHEMA_VERSION,
    Database,
    check_database,
    open_database,
    session_scope,
    sqlite_url,
)
from kiosk.storage.errors import (
    DatabaseCorrupt,
    DatabaseEmpty,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseTooNew,
    NotOurDatabase,
)
from kiosk.storage.types import utc_now

pytestmark = pytest.mark.both_engines


def fingerprint(path: Path) -> tuple[int, str]:
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


@pytest.mark.sqlite_only  # the SQLite file itself
def test_every_connection_gets_the_safety_pragmas(database: Database) -> None:
    with database.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


@pytest.mark.sqlite_only  # the SQLite file itself
def test_new_database_is_private(database: Database, database_path: Path) -> None:
    assert stat.S_IMODE(database_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(database_path.parent.stat().st_mode) == 0o700


def test_new_database_records_version_and_kind(database_path: Path) -> None:
    db = open_database(sqlite_url(database_path), create=True, kind=DatabaseKind.DEMO)
    with db.sessions() as session:
        meta = {row.name: row.value for row in session.query(models.SchemaMeta)}
    db.dispose()
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["kind"] == "demo"
    reopened = open_database(sqlite_url(database_path), kind=DatabaseKind.LIVE)
    assert reopened.kind is DatabaseKind.DEMO  # an existing file keeps what it is
    reopened.dispose()


def test_a_new_database_passes_its_checks(database: Database) -> None:
    report = check_database(database)
    assert report.ok, report.problems
    assert report.counts["resident"] == 0
    assert report.counts["schema_meta"] == 3


def test_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "our-say.sqlite3"
    with pytest.raises(DatabaseMissing) as raised:
        open_database(sqlite_url(path))
    assert "There is no database" in raised.value.text()
    assert not path.exists()


def test_empty_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "our-say.sqlite3"
    path.touch()
    with pytest.raises(DatabaseEmpty) as raised:
        open_database(sqlite_url(path), create=True)
    assert "empty" in raised.value.text()
    assert path.stat().st_size == 0


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a shopping list\n" * 40, b"SQLite format 3\x00" + b"\xff" * 4096],
    ids=["text file", "damaged database"],
)
def test_corrupt_file_is_refused_and_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "our-say.sqlite3"
    path.write_bytes(content)
    before = fingerprint(path)
    with pytest.raises(DatabaseCorrupt) as raised:
        open_database(sqlite_url(path), create=True)
    assert "damaged" in raised.value.text()
    assert fingerprint(path) == before


def test_someone_elses_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "our-say.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = fingerprint(path)
    with pytest.raises(NotOurDatabase):
        open_database(sqlite_url(path), create=True)
    assert fingerprint(path) == before


@pytest.mark.sqlite_only  # the SQLite file itself
def test_newer_schema_is_refused_and_left_alone(database: Database, database_path: Path) -> None:
    with session_scope(database.sessions) as session:
        session.get(models.SchemaMeta, "schema_version").value = str(SCHEMA_VERSION + 1)
    database.dispose()
    before = fingerprint(database_path)
    with pytest.raises(DatabaseTooNew) as raised:
        open_database(sqlite_url(database_path))
    assert "newer version" in raised.value.text()
    assert fingerprint(database_path) == before


@pytest.mark.sqlite_only  # the SQLite file itself
def test_locked_file_gets_a_clear_message(database: Database, database_path: Path) -> None:
    database.dispose()
    holder = sqlite3.connect(database_path)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked) as raised:
            open_database(sqlite_url(database_path), busy_timeout_ms=200)
        assert "in use by another program" in raised.value.text()
    finally:
        holder.rollback()
        holder.close()
    open_database(sqlite_url(database_path)).dispose()  # fine once the other program lets go


def test_audit_events_cannot_be_changed_or_removed(database: Database) -> None:
    with session_scope(database.sessions) as session:
        session.add(models.AuditEvent(actor_kind="system", action="database.created"))
    for statement in ("UPDATE audit_event SET action = 'nothing'", "DELETE FROM audit_event"):
        with pytest.raises(IntegrityError, match="append-only"), database.engine.begin() as conn:
            conn.execute(text(statement))
    with database.sessions() as session:
        assert session.query(models.AuditEvent).one().action == "database.created"


def test_one_ballot_per_resident_per_poll_is_held_by_the_database(database: Database) -> None:
    now = utc_now()
    with session_scope(database.sessions) as session:
        resident = models.Resident(preferred_name="Iris")
        poll = models.Poll(
            question="Film or music?", opens_at=now, closes_at=now.replace(year=2099)
        )
        session.add_all([resident, poll])
        session.flush()
        session.add(models.Ballot(poll_id=poll.id, resident_id=resident.id))
        ids = (poll.id, resident.id)
    with pytest.raises(IntegrityError), session_scope(database.sessions) as session:
        session.add(models.Ballot(poll_id=ids[0], resident_id=ids[1]))


def test_a_ballot_cannot_choose_another_polls_option(database: Database) -> None:
    now, later = utc_now(), utc_now().replace(year=2099)
    with session_scope(database.sessions) as session:
        resident = models.Resident(preferred_name="Iris")
        films = models.Poll(question="Which film?", opens_at=now, closes_at=later)
        trips = models.Poll(question="Which trip?", opens_at=now, closes_at=later)
        session.add_all([resident, films, trips])
        session.flush()
        seaside = models.PollOption(poll_id=trips.id, position=1, label="The seaside")
        ballot = models.Ballot(poll_id=films.id, resident_id=resident.id)
        session.add_all([seaside, ballot])
        session.flush()
        ids = {"ballot": ballot.id, "option": seaside.id, "films": films.id, "trips": trips.id}
    for poll in ("films", "trips"):  # whichever poll the choice claims, one key fails
        with pytest.raises(IntegrityError), session_scope(database.sessions) as session:
            session.add(
                models.BallotChoice(
                    ballot_id=ids["ballot"],
                    option_id=ids["option"],
                    poll_id=ids[poll],
                    answer="chosen",
                )
            )


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), session_scope(database.sessions) as session:
        session.add(models.ProposalSupport(proposal_id=999, resident_id=999))


def test_times_come_back_aware_and_unchanged(database: Database) -> None:
    moment = utc_now()
    with session_scope(database.sessions) as session:
        row = models.Resident(preferred_name="Iris", archived_at=moment)
        session.add(row)
        session.flush()
        row_id = row.id
    with database.sessions() as session:
        assert session.get(models.Resident, row_id).archived_at == moment
