"""Shared fixtures: real SQLite files in a temporary folder, Qt offscreen."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Imported after the Qt platform is chosen.
from kiosk.domain.access import Actor
from kiosk.domain.enums import DatabaseKind
from kiosk.storage.database import Database, open_database, sqlite_url
from tests.helpers.cups import cups_pdf  # noqa: F401 - one CUPS queue for every module

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


@pytest.fixture
def database(database_path: Path) -> Iterator[Database]:
    """A new, empty live database in its own folder."""
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
