"""How the manager's record-keeping screens are built: backups and the evidence report;
and the parts the Residents screen uses for a resident's own records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from kiosk.domain.access import Actor
    from kiosk.printing.records_output import SavedRecords
    from kiosk.ui.main_window import MainWindow


def build_backups(window: MainWindow) -> Screen:
    from kiosk.ui.screens.backups_screen import BackupsScreen

    data = window.home_data()
    if data.backups is None:
        raise RuntimeError("this home was opened without backups")
    return BackupsScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        backups=data.backups,
        choose_folder=lambda: choose_backup_folder(window),
        home_zone=data.home_zone,
    )


def build_evidence(window: MainWindow) -> Screen:
    from kiosk.ui.screens.evidence_screen import EvidenceScreen

    data = window.home_data()
    if data.evidence is None:
        raise RuntimeError("this home was opened without the evidence report")
    return EvidenceScreen(
        words=window.words,
        pictures=window.pictures,
        theme=window.theme,
        signed_in=lambda: window.staff_actor,
        evidence=data.evidence,
        print_report=data.printer.evidence_report,
        today=data.today,
    )


def print_poster_on_request(window: MainWindow, screen: Screen) -> Screen:
    """Print "You said, we did" for this month when ``screen`` asks (the suggestion inboxes
    do), off the GUI thread through the window's print jobs."""

    def print_it() -> None:
        actor = window.staff_actor
        if actor is None:
            return
        printer, language = window.home_data().printer, window.words.language
        month = window.home_data().today().replace(day=1)
        if not window.print_jobs.start(lambda: printer.you_said_we_did(actor, month, language)):
            window.show_notice(window.words.gettext("Still printing the last one. Please wait."))

    screen.print_poster_requested.connect(print_it)  # type: ignore[attr-defined]
    return screen


def choose_backup_folder(window: MainWindow) -> Path | None:
    """A folder for a second copy of each backup (a USB stick), or None when cancelled."""
    return choose_folder(window, window.words.gettext("Choose a folder for the backups"))


def choose_records_folder(window: MainWindow) -> Path | None:
    """A folder for a resident's own copy of their records (a USB stick), or None."""
    return choose_folder(window, window.words.gettext("Choose where to save their records"))


def choose_folder(window: MainWindow, caption: str) -> Path | None:
    """A folder chosen on this computer, starting where USB sticks appear; None when
    cancelled."""
    from PySide6.QtWidgets import QFileDialog

    folder = QFileDialog.getExistingDirectory(window, caption, "/media")
    return Path(folder) if folder else None


def save_resident_records(window: MainWindow) -> Callable[[Actor, int, Path], SavedRecords]:
    """A resident's own copy of their records, saved in a folder by the print desk (the
    residents screen runs it off the GUI thread)."""
    return window.home_data().printer.save_resident_records


RECORDS_BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "backups": build_backups,
    "evidence": build_evidence,
}
