"""Opening, creating and checking the database, safely.

SQLite is the default: one file in the data folder, written with ``synchronous=FULL`` so a
vote acknowledged on screen survives a power cut. ``KIOSK_DATABASE_URL`` may name another
engine (PostgreSQL, for homes with several kiosks); nothing here is SQLite-only without
saying so.

A file that is missing (unless we were asked to create it), empty, damaged, locked, not
ours, or from a newer version is refused with a :class:`DatabaseError` in plain words, and
is never written to.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    insert,
    inspect,
    make_url,
    select,
    text,
)
from sqlalchemy.engine import URL, ExceptionContext
from sqlalchemy.exc import DatabaseError as SqlDatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.enums import DatabaseKind
from kiosk.domain.errors import ConnectionLost
from kiosk.storage.errors import (
    DatabaseCorrupt,
    DatabaseEmpty,
    DatabaseError,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseTooNew,
    DatabaseUnreachable,
    NotOurDatabase,
)
from kiosk.storage.models import Base, SchemaMeta
from kiosk.storage.paths import DATABASE_FILENAME, ensure_private_dir, sqlite_url
from kiosk.storage.types import utc_now

log = logging.getLogger(__name__)

__all__ = [
    "DATABASE_FILENAME",
    "INDEXES_ADDED",
    "SCHEMA_VERSION",
    "CheckReport",
    "Database",
    "add_missing_indexes",
    "check_database",
    "ensure_private_dir",
    "open_database",
    "schema_sql",
    "session_scope",
    "sqlite_url",
]

SCHEMA_VERSION = 1
INDEXES_ADDED = "indexes_added"  # schema_meta: indexes an existing database gained on opening
DEFAULT_BUSY_TIMEOUT_MS = 5000
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Database:
    """An open database: the engine and the factory for one session per user action."""

    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    kind: DatabaseKind
    location: str

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def schema_sql() -> str:
    """The canonical DDL, shipped with the package (a link to the top-level schema.sql)."""
    return resources.files("kiosk.storage").joinpath("schema.sql").read_text(encoding="utf-8")


def open_database(
    url: str,
    *,
    create: bool = False,
    kind: DatabaseKind = DatabaseKind.LIVE,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> Database:
    """Open the database at ``url``, creating it only when ``create`` is true and it is absent.

    ``kind`` is recorded in a new database and ignored for an existing one (whose own
    record is returned).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _open_sqlite(parsed, create=create, kind=kind, busy_timeout_ms=busy_timeout_ms)
    return _open_server(url, create=create, kind=kind)


def _open_sqlite(url: URL, *, create: bool, kind: DatabaseKind, busy_timeout_ms: int) -> Database:
    if not url.database or url.database == ":memory:":
        raise ValueError("the kiosk keeps its data in a file, not in memory")
    path = Path(url.database)
    location = str(path)
    is_new = not path.exists()
    if is_new and not create:
        raise DatabaseMissing(location)
    if is_new:
        ensure_private_dir(path.parent)
        # Create the file ourselves so it is private (0600) from its first byte.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    else:
        # Vetted read-only first: even switching on WAL would rewrite a file we must refuse.
        _vet_existing_sqlite(path, busy_timeout_ms)

    engine = _sqlite_engine(url, busy_timeout_ms)
    try:
        if is_new:
            _initialise_sqlite(engine, kind)
            log.info("Created a new %s database at %s", kind.value, location)
        found_kind = _check_version(engine, location)
    except BaseException:
        engine.dispose()
        if is_new and path.exists() and path.stat().st_size == 0:
            path.unlink()  # our own empty file from a creation that failed part-way
        raise
    add_missing_indexes(engine, location)
    _make_private(path)
    return Database(engine, _session_factory(engine), found_kind, location)


def _vet_existing_sqlite(path: Path, busy_timeout_ms: int) -> None:
    """Refuse, without writing a byte, a file that is empty, damaged, locked, foreign or newer."""
    location = str(path)
    if path.is_dir():
        raise DatabaseCorrupt(location)
    if path.stat().st_size == 0:
        raise DatabaseEmpty(location)
    with path.open("rb") as handle:
        if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise DatabaseCorrupt(location)
    read_only_uri = path.resolve().as_uri() + "?mode=ro"
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(read_only_uri, uri=True, timeout=busy_timeout_ms / 1000),
    )
    try:
        _check_version(engine, location)
    finally:
        engine.dispose()


def _sqlite_engine(url: URL, busy_timeout_ms: int) -> Engine:
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    return engine


def _initialise_sqlite(engine: Engine, kind: DatabaseKind) -> None:
    """Build a new database from schema.sql in one transaction, then record what it is."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        # executescript runs outside the driver's transaction handling: wrap it ourselves so
        # a power cut during creation leaves an empty file, never half a schema.
        raw.executescript("BEGIN;\n" + schema_sql() + "\nCOMMIT;")
    _record_meta(engine, kind, schema_version_written=True)


def _open_server(url: str, *, create: bool, kind: DatabaseKind) -> Database:
    location = make_url(url).render_as_string(hide_password=True)
    engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "handle_error", _explain_lost_connection)
    try:
        with engine.connect() as connection:
            has_schema = inspect(connection).has_table(SchemaMeta.__tablename__)
    except (OperationalError, ConnectionLost) as error:
        engine.dispose()
        raise DatabaseUnreachable(location) from error
    try:
        if not has_schema:
            if not create:
                raise DatabaseMissing(location)
            Base.metadata.create_all(engine)
            _record_meta(engine, kind, schema_version_written=False)
        found_kind = _check_version(engine, location)
    except BaseException:
        engine.dispose()
        raise
    add_missing_indexes(engine, location)
    return Database(engine, _session_factory(engine), found_kind, location)


def _explain_lost_connection(context: ExceptionContext) -> None:
    """A server that is down or went away mid-way: :class:`ConnectionLost`, in words,
    instead of the driver's error. (A stale connection found by the pool's ping is not
    passed on: the pool quietly opens a new one.)"""
    if context.is_pre_ping:
        return
    connecting = context.statement is None
    if context.is_disconnect or (
        connecting and isinstance(context.sqlalchemy_exception, OperationalError)
    ):
        log.warning("The database server cannot be reached: %s", context.original_exception)
        raise ConnectionLost() from context.sqlalchemy_exception


def _record_meta(engine: Engine, kind: DatabaseKind, *, schema_version_written: bool) -> None:
    with Session(engine) as session, session.begin():
        if not schema_version_written:
            session.add(SchemaMeta(name="schema_version", value=str(SCHEMA_VERSION)))
        session.add(SchemaMeta(name="kind", value=kind.value))
        session.add(SchemaMeta(name="created_at", value=utc_now().isoformat()))


def _check_version(engine: Engine, location: str) -> DatabaseKind:
    """Read the schema version and kind; refuse anything we cannot safely use."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table(SchemaMeta.__tablename__):
                raise NotOurDatabase(location)
            rows = dict(connection.execute(select(SchemaMeta.name, SchemaMeta.value)).all())
    except DatabaseError:
        raise
    except OperationalError as error:
        if "locked" in str(error.orig).lower():
            raise DatabaseLocked(location) from error
        raise DatabaseCorrupt(location) from error
    except SqlDatabaseError as error:
        raise DatabaseCorrupt(location) from error
    try:
        version = int(rows["schema_version"])
        kind = DatabaseKind(rows.get("kind", DatabaseKind.LIVE.value))
    except (KeyError, ValueError) as error:
        raise NotOurDatabase(location) from error
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(location, version, SCHEMA_VERSION)
    if version < SCHEMA_VERSION:  # pragma: no cover - no older schema exists yet
        raise NotImplementedError("migrations arrive with the first schema change")
    return kind


def add_missing_indexes(engine: Engine, location: str) -> tuple[str, ...]:
    """Create the indexes this version of the kiosk knows and the database lacks; return
    their names.

    Indexes only make reading faster: a database made before one was added works without
    it, and an older kiosk works with it. So they need no new schema version: a database
    gains them the first time it is opened, in one transaction, and ``schema_meta`` notes
    which and when (:data:`INDEXES_ADDED`). One that cannot take them now (locked, or on a
    read-only disk) is used as it is, and they are tried again the next time.
    """
    wanted = {
        index.name: index for table in Base.metadata.tables.values() for index in table.indexes
    }
    try:
        with engine.begin() as connection:
            present = _index_names(connection)
            missing = sorted(str(name) for name in wanted if name not in present)
            for name in missing:
                wanted[name].create(connection)
            if missing:
                _note_indexes_added(connection, missing)
    except SqlDatabaseError as error:
        log.warning("Could not add the missing indexes to %s: %s", location, error)
        return ()
    if missing:
        log.info("Added the indexes %s to %s", ", ".join(missing), location)
    return tuple(missing)


def _index_names(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":  # one quick query, not a reflection per table
        return set(
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            .scalars()
            .all()
        )
    return {
        str(index["name"])
        for indexes in inspect(connection).get_multi_indexes().values()
        for index in indexes
    }


def _note_indexes_added(connection: Connection, names: list[str]) -> None:
    """``schema_meta`` keeps every upgrade's indexes, each with its moment (UTC)."""
    table = SchemaMeta.__table__
    earlier = connection.execute(
        select(SchemaMeta.value).where(SchemaMeta.name == INDEXES_ADDED)
    ).scalar_one_or_none()
    this_time = f"{utc_now().isoformat()} {' '.join(names)}"
    value = this_time if earlier is None else f"{earlier}; {this_time}"
    connection.execute(delete(table).where(table.c.name == INDEXES_ADDED))
    connection.execute(insert(table).values(name=INDEXES_ADDED, value=value))


def _make_private(path: Path) -> None:
    """The database and its WAL companions are readable by this user only."""
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            companion.chmod(0o600)


def _session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services copy rows into frozen dataclasses after commit.
    return sessionmaker(engine, expire_on_commit=False)


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(database: Database) -> CheckReport:
    """Integrity and foreign-key checks, and a count of every table's rows."""
    problems: list[str] = []
    with database.engine.connect() as connection:
        if database.is_sqlite:
            integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                problems.extend(f"integrity: {line}" for line in integrity)
            for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        # Other engines enforce foreign keys on every write and have no integrity pragma.
        counts = {
            table.name: int(
                connection.execute(text(f'SELECT COUNT(*) FROM "{table.name}"')).scalar_one()
            )
            for table in Base.metadata.sorted_tables
        }
    return CheckReport(tuple(problems), counts)


@contextlib.contextmanager
def session_scope(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One session and one transaction: committed on success, rolled back on any error."""
    with sessions() as session, session.begin():
        yield session
