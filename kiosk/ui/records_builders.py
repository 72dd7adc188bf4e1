"""How the manager's record-keeping screens are built: backups and the evidence report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ui.screen import Screen

if TYPE_CHECKING:
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


def choose_backup_folder(window: MainWindow) -> Path | None:
    """A folder for a second copy of each backup (a USB stick), or None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    folder = QFileDialog.getExistingDirectory(
        window, window.words.gettext("Choose a folder for the backups"), "/media"
    )
    return Path(folder) if folder else None


RECORDS_BUILDERS: dict[str, Callable[[MainWindow], Screen]] = {
    "backups": build_backups,
    "evidence": build_evidence,
}
