"""Composition root: config -> window -> database -> services -> the home's data.

The only module (with ``cli``) that builds things. Screens receive what they need as
keyword arguments; nothing reaches for a global.

The window is shown before the database is opened (SQLAlchemy alone takes longer to
import than Qt takes to paint), so the kiosk's Home appears at once; the home's data
follows on the next turn of the event loop. Heavy modules are imported where used.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk.config import AppConfig
from kiosk.logs import qt_message_level, setup_logging
from kiosk.storage.paths import ensure_private_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.printing.desk import PrintDesk
    from kiosk.services.audit import AuditService
    from kiosk.services.backups import BackupsService
    from kiosk.services.care_plan_talk import CarePlanTalkService
    from kiosk.services.care_plans import CarePlanService
    from kiosk.services.ideas import IdeasService
    from kiosk.services.menus import MenusService
    from kiosk.services.private_access import PrivateAccessService
    from kiosk.services.residents import ResidentsService
    from kiosk.services.settings import SettingsService
    from kiosk.services.staff import StaffService
    from kiosk.services.suggestions import SuggestionsService
    from kiosk.services.week import WeekService
    from kiosk.speech.synthesizer import Synthesizer
    from kiosk.storage.database import Database
    from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SCREEN_NAMES = ("home", "who", "this-week", "language")


class Services:
    """The services one database gives the screens."""

    def __init__(self, database: Database, config: AppConfig) -> None:
        from kiosk.i18n import available_languages
        from kiosk.services.audit import AuditService
        from kiosk.services.backups import BackupsService
        from kiosk.services.care_plan_talk import CarePlanTalkService
        from kiosk.services.care_plans import CarePlanService
        from kiosk.services.evidence import EvidenceService
        from kiosk.services.ideas import IdeasService
        from kiosk.services.menus import MenusService
        from kiosk.services.polls import PollsService
        from kiosk.services.private_access import PrivateAccessService
        from kiosk.services.resident_records import ResidentRecordsService
        from kiosk.services.residents import ResidentsService
        from kiosk.services.schedule import ScheduleService
        from kiosk.services.settings import SettingsService
        from kiosk.services.staff import StaffService
        from kiosk.services.suggestions import SuggestionsService
        from kiosk.services.week import WeekService

        self.residents: ResidentsService = ResidentsService(
            database.sessions, languages=available_languages(config.locales_dir)
        )
        self.settings: SettingsService = SettingsService(database.sessions)
        self.week: WeekService = WeekService(database.sessions)
        self.staff: StaffService = StaffService(database.sessions)
        self.audit: AuditService = AuditService(database.sessions)
        self.care_plans: CarePlanService = CarePlanService(database.sessions)
        self.care_plan_talk: CarePlanTalkService = CarePlanTalkService(database.sessions)
        self.private_access: PrivateAccessService = PrivateAccessService(database.sessions)
        self.suggestions: SuggestionsService = SuggestionsService(database.sessions)
        self.ideas: IdeasService = IdeasService(database.sessions)
        self.menus: MenusService = MenusService(database.sessions)
        self.polls: PollsService = PollsService(database.sessions)
        self.schedule: ScheduleService = ScheduleService(database.sessions)
        self.evidence: EvidenceService = EvidenceService(database.sessions)
        self.resident_records: ResidentRecordsService = ResidentRecordsService(database.sessions)
        self.printer: PrintDesk = _print_desk(self, config)
        self.backups: BackupsService = BackupsService(
            database.sessions,
            database,
            config.data_dir,
            extra_folder=lambda: _backup_copy_folder(self.settings),
        )


BACKUP_COPY_FOLDER = "backup_copy_folder"  # a setting: a second folder (a USB stick), if any
FIRST_BACKUP_DELAY_MS = 2 * 60 * 1000  # once the kiosk has settled after starting
BACKUP_CHECK_MS = 60 * 60 * 1000  # then every hour: a day's backup is made once


def _backup_copy_folder(settings: SettingsService) -> Path | None:
    folder = settings.get(BACKUP_COPY_FOLDER, "").strip()
    return Path(folder).expanduser() if folder else None


class DailyBackups:
    """Runs the daily backup on a worker thread, never the GUI thread, one at a time.

    A failure is recorded by the service (staff see it) and logged here; nobody sees a
    traceback.
    """

    def __init__(self, database: Database, config: AppConfig) -> None:
        from kiosk.services.backups import BackupsService
        from kiosk.services.settings import SettingsService

        settings = SettingsService(database.sessions)
        self._service = BackupsService(
            database.sessions,
            database,
            config.data_dir,
            extra_folder=lambda: _backup_copy_folder(settings),
        )
        self._worker: threading.Thread | None = None

    def start(self) -> None:
        """Begin today's backup in the background, unless one is still running."""
        if self._worker is not None and self._worker.is_alive():
            return
        self._worker = threading.Thread(target=self._run, name="daily-backup", daemon=True)
        self._worker.start()

    def wait(self) -> None:
        if self._worker is not None:
            self._worker.join()

    def _run(self) -> None:
        from kiosk.domain.errors import KioskError

        try:
            self._service.daily()
        except KioskError as error:
            log.error("The daily backup failed: %s", error.text())
        except Exception:
            log.exception("The daily backup failed unexpectedly")


def _print_desk(services: Services, config: AppConfig) -> PrintDesk:
    """Printouts of the home's documents, kept in the data folder and sent to the usual
    printer (or the one named in KIOSK_PRINTER)."""
    from functools import cache

    from kiosk.i18n import available_languages, load_translations
    from kiosk.printing.desk import PrintDesk

    @cache
    def translations(locale: str) -> Callable[[str], str]:
        return load_translations(config.locales_dir, locale).gettext

    return PrintDesk(
        menu_week=services.menus.week,
        week_days=services.week.days,
        home_name=services.settings.home_name,
        translations=translations,
        pictures_dir=config.assets_dir / "pictures",
        fonts_dir=config.assets_dir / "fonts",
        out_dir=config.data_dir / "printouts",
        audit=lambda actor, action, detail: services.audit.note(actor, action, detail=detail),
        printer=os.environ.get("KIOSK_PRINTER") or None,
        care_plan=services.care_plans.for_printing,
        evidence=services.evidence.report,
        you_said=services.evidence.you_said_we_did,
        resident_records=services.resident_records.records,
        languages=frozenset(available_languages(config.locales_dir)),
        zone=services.week.home_zone,
        today=services.week.today,
    )


def open_home(config: AppConfig) -> Database:
    """Open (on first run, create) the home's database; the demo home is seeded when new."""
    from kiosk.storage.database import open_database
    from kiosk.storage.demo import seed_demo_home

    database = open_database(config.database_url, create=True, kind=config.database_kind)
    if config.demo:
        summary = seed_demo_home(database)
        if summary.seeded:
            log.info("Seeded the demo home in %s", config.data_dir)
    return database


def build_services(database: Database, config: AppConfig) -> Services:
    return Services(database, config)


def build_window(config: AppConfig) -> MainWindow:
    """Fonts, words, pictures and theme for this screen, and the window that uses them."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.i18n import Words
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.pictures import PictureLibrary
    from kiosk.ui.theme import STANDARD, Metrics, Theme

    register_fonts(config.assets_dir / "fonts")
    screen = QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 0.0
    return MainWindow(
        words=Words(config.locales_dir, config.locale or "en_GB"),
        pictures=PictureLibrary(config.assets_dir / "pictures"),
        theme=Theme(STANDARD, Metrics(dpi=dpi, text_scale=config.text_scale or 100)),
        kiosk_mode=not config.windowed,
        fixed_text_scale=config.text_scale,
    )


def connect_window(window: MainWindow, services: Services) -> None:
    from kiosk.ui.home_data import HomeData

    window.connect_home(
        HomeData(
            home_name=services.settings.home_name(),
            residents=services.residents,
            week=services.week,
            today=services.week.today,
            staff=services.staff,
            private_access=services.private_access,
            care_plans=services.care_plans,
            care_plan_talk=services.care_plan_talk,
            audit=services.audit,
            suggestions=services.suggestions,
            menus=services.menus,
            printer=services.printer,
            ideas=services.ideas,
            polls=services.polls,
            schedule=services.schedule,
            home_zone=services.week.home_zone,
            backups=services.backups,
            evidence=services.evidence,
            resident_records=services.resident_records,
            idle_timeout_s=services.settings.idle_timeout_s(),
        )
    )


def run_gui(config: AppConfig) -> int:
    """Start the kiosk window and run until it closes; returns the process exit code."""
    from PySide6.QtCore import QTimer

    ensure_private_dir(config.data_dir)
    setup_logging(config.log_dir)
    log.info("Starting Our Say (data folder %s)", config.data_dir)
    app = _application()
    window = build_window(config)
    window.exit_requested.connect(lambda: close_for_good(config, app))  # a manager's choice
    window.watch_for_activity(app)
    _recover_from_unexpected_errors(window)
    _stop_cleanly_on_signals(app, window)
    from kiosk.ui.watchdog import Watchdog

    if Watchdog(window).start():
        log.info("systemd's watchdog is being pinged from the GUI thread")
    if config.windowed:
        window.resize(*config.window_size)
        window.show()
    else:
        window.showFullScreen()
    opened: list[Database] = []
    QTimer.singleShot(0, lambda: _open_and_connect(config, app, window, opened))
    speech = []
    QTimer.singleShot(0, lambda: speech.append(start_speech(config, window)))
    backups: list[DailyBackups] = []

    def back_up_daily() -> None:
        if opened and not backups:
            backups.append(DailyBackups(opened[0], config))
        for daily in backups:
            daily.start()

    backup_timer = QTimer(window, interval=BACKUP_CHECK_MS)
    backup_timer.timeout.connect(back_up_daily)
    backup_timer.start()
    QTimer.singleShot(FIRST_BACKUP_DELAY_MS, back_up_daily)
    try:
        return app.exec()
    finally:
        backup_timer.stop()
        for daily in backups:
            daily.wait()  # a backup cut off by quitting would only be thrown away
        for synthesizer in speech:
            synthesizer.close()
        for database in opened:
            database.dispose()


def close_for_good(config: AppConfig, app: QApplication) -> None:
    """A manager closed the kiosk: leave the flag that keeps the service from restarting
    it (if the service asked for one), tell systemd we are stopping, and quit."""
    from kiosk.ui.watchdog import sd_notify

    if config.closed_flag is not None:
        try:
            config.closed_flag.write_text("closed by a manager\n", encoding="utf-8")
        except OSError as error:  # the kiosk still closes; systemd will bring it back
            log.warning("Could not leave the closed flag %s: %s", config.closed_flag, error)
        else:
            log.info("Closed by a manager; left %s so it stays closed", config.closed_flag)
    sd_notify("STOPPING=1")
    app.quit()


def _open_and_connect(
    config: AppConfig, app: QApplication, window: MainWindow, opened: list[Database]
) -> None:
    from kiosk.storage.errors import DatabaseError

    try:
        database = open_home(config)
    except DatabaseError as error:
        log.error("Could not open the database: %s", error.text())
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, "Our Say", error.text())
        window.allow_close()
        app.exit(2)
        return
    opened.append(database)
    connect_window(window, build_services(database, config))


def start_speech(config: AppConfig, window: MainWindow) -> Synthesizer:
    """Start the speech worker (in the background) and give the window its player."""
    from kiosk.speech.cache import SpeechCache
    from kiosk.speech.synthesizer import Synthesizer
    from kiosk.ui.speech_player import SpeechPlayer

    synthesizer = Synthesizer(SpeechCache(config.data_dir / "speech-cache"))
    window.connect_speech(SpeechPlayer(synthesizer, parent=window))
    return synthesizer


def take_screenshot(config: AppConfig, *, out: Path, screen: str, size: tuple[int, int]) -> int:
    """Render one screen offscreen at ``size`` to a PNG and exit: no display needed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    ensure_private_dir(config.data_dir)
    setup_logging(config.log_dir)
    app = _application()
    database = open_home(config)
    try:
        window = build_window(config)
        connect_window(window, build_services(database, config))
        from kiosk.ui.speech_player import SpeechPlayer

        # The button as residents see it; no engine is started just to draw a picture.
        window.connect_speech(SpeechPlayer(None, parent=window))
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
            window.recover(error)
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
