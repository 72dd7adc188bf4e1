"""Composition root: config -> database -> services -> QApplication -> MainWindow.

The only module (with ``cli``) that builds things. Screens receive what they need as
keyword arguments; nothing reaches for a global.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk.config import AppConfig
from kiosk.i18n import Words, available_languages
from kiosk.logs import qt_message_level, setup_logging
from kiosk.services.residents import ResidentsService
from kiosk.services.settings import SettingsService
from kiosk.services.week import WeekService
from kiosk.storage.database import Database, ensure_private_dir, open_database
from kiosk.storage.demo import seed_demo_home
from kiosk.storage.errors import DatabaseError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SCREEN_NAMES = ("home", "who", "this-week", "language")


@dataclass(frozen=True)
class Services:
    residents: ResidentsService
    settings: SettingsService
    week: WeekService


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
        week=WeekService(database.sessions),
    )


def build_window(config: AppConfig, services: Services) -> MainWindow:
    """Fonts, words, pictures and theme for this screen, and the window that uses them."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.pictures import PictureLibrary
    from kiosk.ui.theme import STANDARD, Metrics, Theme

    register_fonts(config.assets_dir / "fonts")
    screen = QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 0.0
    words = Words(config.locales_dir, config.locale or "en_GB")
    theme = Theme(STANDARD, Metrics(dpi=dpi, text_scale=config.text_scale or 100))
    return MainWindow(
        words=words,
        pictures=PictureLibrary(config.assets_dir / "pictures"),
        theme=theme,
        home_name=services.settings.home_name(),
        residents=services.residents,
        week=services.week,
        today=services.week.today,
        kiosk_mode=not config.windowed,
        fixed_text_scale=config.text_scale,
    )


def run_gui(config: AppConfig) -> int:
    """Start the kiosk window and run until it closes; returns the process exit code."""
    ensure_private_dir(config.data_dir)
    setup_logging(config.log_dir)
    log.info("Starting Our Say (data folder %s)", config.data_dir)
    app = _application()
    try:
        database = open_home(config)
    except DatabaseError as error:
        log.error("Could not open the database: %s", error.text())
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Our Say", error.text())
        return 2
    try:
        window = build_window(config, build_services(database, config))
        _recover_from_unexpected_errors(window)
        _stop_cleanly_on_signals(app, window)
        if config.windowed:
            window.resize(*config.window_size)
            window.show()
        else:
            window.showFullScreen()
        return app.exec()
    finally:
        database.dispose()


def take_screenshot(config: AppConfig, *, out: Path, screen: str, size: tuple[int, int]) -> int:
    """Render one screen offscreen at ``size`` to a PNG and exit: no display needed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    ensure_private_dir(config.data_dir)
    setup_logging(config.log_dir)
    app = _application()
    database = open_home(config)
    try:
        window = build_window(config, build_services(database, config))
        window.resize(*size)
        window.show()
        if screen != "home":
            window.open_screen(screen)
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out), "PNG"):
            log.error("Could not write the screenshot to %s", out)
            return 2
        window.allow_close()
        window.close()
        return 0
    finally:
        database.dispose()


def _application() -> QApplication:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qt_log = logging.getLogger("qt")
    qInstallMessageHandler(
        lambda kind, _context, message: qt_log.log(qt_message_level(kind.name, message), message)
    )
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Our Say")
    return app


def _recover_from_unexpected_errors(window: MainWindow) -> None:
    """An exception escaping a slot is logged; the resident goes Home with a calm word."""
    recovering = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal recovering
        log.error("Unexpected error", exc_info=(kind, error, trace))
        if recovering:
            return
        recovering = True
        try:
            window.recover()
        except Exception:  # the recovery itself failed: the log has both, the window stays
            log.exception("Could not return Home after an error")
        finally:
            recovering = False

    sys.excepthook = hook


def _stop_cleanly_on_signals(app: QApplication, window: MainWindow) -> None:
    """SIGTERM (systemd stopping the kiosk) and Ctrl+C close the window properly."""
    from PySide6.QtCore import QTimer

    def stop(_signum: int, _frame: object) -> None:
        log.info("Stopping on a signal")
        window.allow_close()
        app.quit()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    ticker = QTimer(window, interval=500)  # lets Python notice signals during Qt's loop
    ticker.timeout.connect(lambda: None)
    ticker.start()
