"""Opening a home kept on a PostgreSQL server: created only when asked, refused when it
is not ours or newer, a clear message when the server cannot be reached, and the same
rules held by the database as on SQLite (issue #10)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from kiosk.domain.enums import DatabaseKind
from kiosk.storage import models
from kiosk.storage.database import (
    INDEXES_ADDED,
    SCHEMA_VERSION,
    check_database,
    open_database,
    session_scope,
)
from kiosk.storage.errors import (
    DatabaseMissing,
    DatabaseTooNew,
    DatabaseUnreachable,
    NotOurDatabase,
)
from tests.conftest import postgres_copy
from tests.helpers.postgres import PostgresServer, free_port


@pytest.fixture
def empty_database(postgres_server: PostgresServer) -> Iterator[str]:
    name = postgres_server.new_name("blank")
    url = postgres_server.create_database(name)
    yield url
    postgres_server.drop_database(name)


def test_a_home_on_a_server_is_made_only_when_asked(empty_database: str) -> None:
    with pytest.raises(DatabaseMissing):
        open_database(empty_database)
    made = open_database(empty_database, create=True, kind=DatabaseKind.DEMO)
    try:
        assert made.kind == DatabaseKind.DEMO and not made.is_sqlite
        with made.engine.connect() as connection:
            version = connection.execute(
                text("SELECT value FROM schema_meta WHERE name = 'schema_version'")
            ).scalar_one()
        assert version == str(SCHEMA_VERSION)
        assert check_database(made).ok
    finally:
        made.dispose()
    again = open_database(empty_database)  # the second kiosk: opens it, makes nothing
    assert again.kind == DatabaseKind.DEMO
    again.dispose()


def test_someone_elses_database_on_the_server_is_refused(empty_database: str) -> None:
    engine = create_engine(empty_database)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE schema_meta (name text, value text)"))
    engine.dispose()
    with pytest.raises(NotOurDatabase):
        open_database(empty_database)


def test_a_newer_home_on_the_server_is_refused(
    postgres_server: PostgresServer, postgres_empty_home: str
) -> None:
    with postgres_copy(postgres_server, postgres_empty_home) as url:
        database = open_database(url)
        with session_scope(database.sessions) as session:
            session.merge(models.SchemaMeta(name="schema_version", value=str(SCHEMA_VERSION + 1)))
        database.dispose()
        with pytest.raises(DatabaseTooNew):
            open_database(url)


def test_an_unreachable_server_gets_a_clear_message_without_the_password() -> None:
    url = f"postgresql+psycopg://kiosk:s3cret@127.0.0.1:{free_port()}/home?connect_timeout=2"
    with pytest.raises(DatabaseUnreachable) as raised:
        open_database(url)
    words = raised.value.text()
    assert "Could not reach the database server" in words
    assert "s3cret" not in words and "***" in words


def test_a_home_missing_an_index_gains_it_on_opening(
    postgres_server: PostgresServer, postgres_empty_home: str
) -> None:
    with postgres_copy(postgres_server, postgres_empty_home) as url:
        database = open_database(url)
        with database.engine.begin() as connection:
            connection.execute(text("DROP INDEX ix_ballot_cast_at_resident_id"))
        database.dispose()
        reopened = open_database(url)
        try:
            with reopened.engine.connect() as connection:
                names = connection.execute(
                    text("SELECT indexname FROM pg_indexes WHERE tablename = 'ballot'")
                ).scalars()
                assert "ix_ballot_cast_at_resident_id" in set(names)
                noted = connection.execute(
                    text("SELECT value FROM schema_meta WHERE name = :name"),
                    {"name": INDEXES_ADDED},
                ).scalar_one()
            assert noted.endswith("ix_ballot_cast_at_resident_id")
        finally:
            reopened.dispose()


def test_the_audit_trail_cannot_be_emptied_on_the_server(
    postgres_server: PostgresServer, postgres_empty_home: str
) -> None:
    with postgres_copy(postgres_server, postgres_empty_home) as url:
        database = open_database(url)
        try:
            with session_scope(database.sessions) as session:
                session.add(models.AuditEvent(actor_kind="system", action="database.created"))
            refused = pytest.raises(IntegrityError, match="append-only")
            with refused, database.engine.begin() as connection:
                connection.execute(text("TRUNCATE audit_event"))
            with database.engine.connect() as connection:
                count = connection.execute(text("SELECT COUNT(*) FROM audit_event")).scalar_one()
            assert count == 1
        finally:
            database.dispose()
