"""Composition root: config -> database -> services -> QApplication -> MainWindow.

The only module (with ``cli``) that builds things. Screens receive what they need as
keyword arguments; nothing reaches for a global.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from types import TracebackType

from kiosk.config import AppConfig
from kiosk.i18n import available_languages
from kiosk.logs import setup_logging
from kiosk.services.residents import ResidentsService
from kiosk.services.settings import SettingsService
from kiosk.storage.database import Database, ensure_private_dir, open_database
from kiosk.storage.demo import seed_demo_home
from kiosk.storage.errors import DatabaseError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    residents: ResidentsService
    settings: SettingsService


def open_home(config: AppConfig) -> Database:
    """Open (on first run, create) the home's database; the demo home is seeded when new."""
    database = open_database(config.database_url, create=True, kind=config.database_kind)
    if config.demo:
        summary = seed_demo_home(database)
        if summary.seeded:
            log.info("Seeded the demo home in %s", config.data_dir)
    return database


def build_services(database: Database, config: AppConfig) -> Services:
    return Services(
        residents=ResidentsService(
            database.sessions, languages=available_languages(config.locales_dir)
        ),
        settings=SettingsService(database.sessions),
    )


def run_gui(config: AppConfig) -> int:
    """Start the kiosk window and run until it closes; returns the process exit code."""
    ensure_private_dir(config.data_dir)
    setup_logging(config.log_dir)
    log.info("Starting Our Say (data folder %s)", config.data_dir)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from kiosk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Our Say")
    try:
        database = open_home(config)
    except DatabaseError as error:
        log.error("Could not open the database: %s", error.text())
        QMessageBox.critical(None, "Our Say", error.text())
        return 2

    services = build_services(database, config)
    sys.excepthook = _log_unexpected
    window = MainWindow(residents=services.residents, home_name=services.settings.home_name())
    if config.windowed:
        window.resize(*config.window_size)
        window.show()
    else:
        window.showFullScreen()
    try:
        return app.exec()
    finally:
        database.dispose()


def _log_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Qt calls this for an exception escaping a slot: log it; the window stays open."""
    log.error("Unexpected error", exc_info=(kind, error, trace))
