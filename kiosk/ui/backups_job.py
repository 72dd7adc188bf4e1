"""A backup off the GUI thread: it runs in a worker while the screen says "Backing up…";
the outcome (or the problem, in words) comes back on the GUI thread.

It follows :mod:`kiosk.ui.print_job`: one at a time, a second start while one runs is
turned away (a double tap backs up once).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from kiosk.domain.backups import BackupRun
from kiosk.domain.errors import KioskError
from kiosk.domain.text import N_

log = logging.getLogger(__name__)

UNEXPECTED = N_("Sorry, the backup could not be made. It has been noted.")


class BackupJob(QObject):
    started = Signal()
    finished = Signal(object)  # the BackupRun
    failed = Signal(str)  # words: what went wrong
    _done = Signal(object, object)  # (run, error) from the worker thread

    def __init__(self, translate: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translate = translate
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup")
        self.busy = False
        self._running: Future[None] | None = None
        self._done.connect(self._on_done)
        pool = self._pool
        self.destroyed.connect(lambda: pool.shutdown(wait=False))

    def start(self, back_up: Callable[[], BackupRun]) -> bool:
        """Run ``back_up`` in the worker; False (and nothing done) if one is running."""
        if self.busy:
            return False
        self.busy = True
        self.started.emit()

        def work() -> None:
            try:
                outcome: tuple[BackupRun | None, Exception | None] = (back_up(), None)
            except KioskError as error:
                outcome = (None, error)
            except Exception as error:
                log.exception("The backup failed unexpectedly")
                outcome = (None, error)
            if isValid(self):  # the screen may have gone while it ran (the kiosk closing)
                self._done.emit(*outcome)

        self._running = self._pool.submit(work)
        return True

    def wait(self) -> None:
        """Let the running backup finish (for shutting down, and for tests)."""
        if self._running is not None:
            self._running.result()

    def _on_done(self, run: BackupRun | None, error: Exception | None) -> None:
        self.busy = False
        if run is not None:
            self.finished.emit(run)
        elif isinstance(error, KioskError):
            self.failed.emit(error.text(self._translate))
        else:
            self.failed.emit(self._translate(UNEXPECTED))
