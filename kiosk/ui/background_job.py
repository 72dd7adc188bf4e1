"""Slow work off the GUI thread (a printout, a backup, a report worked out): it runs in a
worker while the screen says so, and its result, or the problem in words, comes back on the
GUI thread. One at a time: a second start while one runs is turned away, so a double tap
does the work once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from kiosk.domain.errors import KioskError

log = logging.getLogger(__name__)


class BackgroundJob(QObject):
    started = Signal()
    succeeded = Signal(object)  # what the work gave
    failed = Signal(str)  # words: what went wrong
    _done = Signal(object, object)  # (result, error) from the worker thread

    def __init__(
        self,
        translate: Callable[[str], str],
        *,
        unexpected: str,
        name: str,
        parent: QObject | None = None,
    ) -> None:
        """``unexpected`` (marked with ``N_``) is said when the work fails in a way nobody
        planned for; the fault itself is logged. ``name`` names the worker thread."""
        super().__init__(parent)
        self._translate = translate
        self._unexpected = unexpected
        self._name = name
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.busy = False
        self._running: Future[None] | None = None
        self._done.connect(self._on_done)
        pool = self._pool
        self.destroyed.connect(lambda: pool.shutdown(wait=False))

    def start(self, work: Callable[[], object]) -> bool:
        """Run ``work`` in the worker; False (and nothing run) if a job is running."""
        if self.busy:
            return False
        self.busy = True
        self.started.emit()

        def run() -> None:
            try:
                outcome: tuple[object, Exception | None] = (work(), None)
            except KioskError as error:
                outcome = (None, error)
            except Exception as error:
                log.exception("The %s job failed unexpectedly", self._name)
                outcome = (None, error)
            if isValid(self):  # the screen may have gone while it ran (the kiosk closing)
                self._done.emit(*outcome)

        self._running = self._pool.submit(run)
        return True

    def wait(self) -> None:
        """Let the running job finish (for shutting down, and for tests)."""
        if self._running is not None:
            self._running.result()

    def _on_done(self, result: object, error: Exception | None) -> None:
        self.busy = False
        if error is None:
            self.succeeded.emit(result)
        elif isinstance(error, KioskError):
            self.failed.emit(error.text(self._translate))
        else:
            self.failed.emit(self._translate(self._unexpected))
