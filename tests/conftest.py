"""Shared fixtures: real SQLite files in a temporary folder, Qt offscreen."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Imported after the Qt platform is chosen.
from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind
from kiosk.storage.database import Database, open_database, sqlite_url
from tests.helpers.cups import cups_pdf  # noqa: F401 - one CUPS queue for every module
from tests.helpers.postgres import PostgresServer, start_server

ALL_LANGUAGES = frozenset({"en_GB", "cy", "pl", "pa"})
WATCHDOG_S = 25 * 60


def pytest_configure(config: pytest.Config) -> None:
    """A hang anywhere (a media backend, a worker) ends the run with every thread's stack
    printed, long before CI's limit, instead of waiting in silence."""
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)


@pytest.fixture(autouse=True)
def _restore_root_logger() -> Iterator[None]:
    """Code under test may set up the kiosk's logging; each test starts and ends clean."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    return tmp_path / "home" / "our-say.sqlite3"


# Test modules marked ``both_engines`` run each test that uses ``database`` twice: on a
# SQLite file and on a real PostgreSQL server (tests/helpers/postgres.py).
ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    definition = metafunc.definition
    if (
        "database_engine" in metafunc.fixturenames
        and definition.get_closest_marker("both_engines")
        and not definition.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize("database_engine", ENGINES, indirect=True)


def url_of(database: Database) -> str:
    """The address to open ``database`` again (a second kiosk, or after a restart)."""
    return database.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def database_engine(request: pytest.FixtureRequest) -> str:
    """Which engine ``database`` is on: SQLite unless the module runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server per test process, on loopback."""
    server = start_server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_empty_home(postgres_server: PostgresServer) -> str:
    """A template database holding the kiosk's empty schema, made once."""
    name = postgres_server.new_name("empty_template")
    opened = open_database(
        postgres_server.create_database(name), create=True, kind=DatabaseKind.LIVE
    )
    opened.dispose()
    postgres_server.mark_template(name)
    return name


@pytest.fixture(scope="session")
def postgres_demo_home(postgres_server: PostgresServer) -> str:
    """A template database holding the seeded demo home, made once."""
    from kiosk.storage.demo import seed_demo_home

    name = postgres_server.new_name("demo_template")
    seeded = open_database(
        postgres_server.create_database(name), create=True, kind=DatabaseKind.DEMO
    )
    seed_demo_home(seeded)
    seeded.dispose()
    postgres_server.mark_template(name)
    return name


@contextmanager
def postgres_copy(server: PostgresServer, template: str) -> Iterator[str]:
    """The address of a new database copied from ``template``, dropped afterwards."""
    name = server.new_name()
    try:
        yield server.create_database(name, template=template)
    finally:
        server.drop_database(name)


@contextmanager
def demo_home_on(engine: str, request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """The address of a private copy of the demo home on ``engine``: a file in ``folder``
    (which must not hold one yet), or a database on the test PostgreSQL server."""
    if engine == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        with postgres_copy(server, request.getfixturevalue("postgres_demo_home")) as url:
            yield url
        return
    import shutil

    path = folder / "our-say.sqlite3"
    shutil.copy(request.getfixturevalue("demo_template"), path)
    yield sqlite_url(path)


@pytest.fixture
def database(
    request: pytest.FixtureRequest, database_engine: str, database_path: Path
) -> Iterator[Database]:
    """A new, empty live database: a file in its own folder, or a PostgreSQL database."""
    if database_engine == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        with postgres_copy(server, request.getfixturevalue("postgres_empty_home")) as url:
            opened = open_database(url)
            yield opened
            opened.dispose()
        return
    opened = open_database(sqlite_url(database_path), create=True, kind=DatabaseKind.LIVE)
    yield opened
    opened.dispose()


@pytest.fixture
def manager(database: Database) -> Actor:
    """The home's first manager, created the way a new kiosk does it, signed in."""
    from kiosk.services.staff import StaffService

    staff = StaffService(database.sessions)
    first = staff.create_first_manager("Grace Mensah", "4826")
    return staff.sign_in(first.id, "4826")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo home, seeded once per test run; tests get their own copy."""
    from kiosk.storage.demo import seed_demo_home

    folder = tmp_path_factory.mktemp("demo-template")
    seeded = open_database(
        sqlite_url(folder / "our-say.sqlite3"), create=True, kind=DatabaseKind.DEMO
    )
    seed_demo_home(seeded)
    seeded.dispose()
    return folder / "our-say.sqlite3"


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template: Path) -> Path:
    """A private copy of the seeded demo home."""
    import shutil

    folder = tmp_path / "demo"
    folder.mkdir(mode=0o700)
    shutil.copy(demo_template, folder / "our-say.sqlite3")
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that print through the one real CUPS queue run in one worker, one at a time
    (``make test`` runs the suite on two workers; the queue is added and removed once)."""
    for item in items:
        if "cups_pdf" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("cups"))
