"""Printing off the GUI thread: build the PDF and send it in a worker, while the screen
says "Printing…"; the result (or the problem, in words) comes back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)


class Printout(Protocol):
    @property
    def words(self) -> str: ...


class PrintJobs(QObject):
    """One printout at a time; a second request while one is running is turned away."""

    started = Signal()
    finished = Signal(str)  # words: where it went
    failed = Signal(str)  # words: what went wrong
    _done = Signal(object, object)  # (printout, error) from the worker thread

    def __init__(self, translate: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translate = translate
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="print")
        self.busy = False
        self._done.connect(self._on_done)
        self.destroyed.connect(lambda: self._pool.shutdown(wait=False))

    def start(self, make: Callable[[], Printout]) -> bool:
        """Run ``make`` in the worker; False if a printout is already being made."""
        if self.busy:
            return False
        self.busy = True
        self.started.emit()

        def work() -> None:
            try:
                self._done.emit(make(), None)
            except KioskError as error:
                self._done.emit(None, error)
            except Exception as error:
                log.exception("Printing failed")
                self._done.emit(None, error)

        self._pool.submit(work)
        return True

    def wait(self) -> None:
        """Let the running printout finish (for shutting down, and for tests)."""
        self._pool.submit(lambda: None).result()

    def _on_done(self, printout: Printout | None, error: Exception | None) -> None:
        self.busy = False
        if printout is not None:
            self.finished.emit(printout.words)
        elif isinstance(error, KioskError):
            self.failed.emit(error.text(self._translate))
        else:
            self.failed.emit(
                self._translate("Sorry, the printout could not be made. It has been noted.")
            )
