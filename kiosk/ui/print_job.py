"""Printing off the GUI thread: build the PDF and send it in a worker, while the screen
says "Printing…"; the result (or the problem, in words) comes back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.domain.text import N_
from kiosk.ui.background_job import BackgroundJob

UNEXPECTED = N_("Sorry, the printout could not be made. It has been noted.")


class Printout(Protocol):
    @property
    def words(self) -> str: ...


class PrintJobs(BackgroundJob):
    """One printout at a time; a second request while one is running is turned away."""

    finished = Signal(str)  # words: where it went

    def __init__(self, translate: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(translate, unexpected=UNEXPECTED, name="print", parent=parent)
        self.succeeded.connect(lambda printout: self.finished.emit(printout.words))
