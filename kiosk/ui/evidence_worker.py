"""Working out the evidence report off the GUI thread: counting years of records can take a
moment, and the screen must keep answering touches ("Working it out…") meanwhile. The
report (or the problem, in words) comes back on the GUI thread, with the number the
screen gave the job, so it can tell a result it still wants from one it has moved past."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from kiosk.domain.errors import KioskError
from kiosk.domain.evidence import EvidenceReport
from kiosk.domain.text import N_

log = logging.getLogger(__name__)

NOT_MADE = N_("Sorry, the report could not be worked out. It has been noted.")


class ReportWorker(QObject):
    """One report at a time; :meth:`start` says False while one is being worked out."""

    finished = Signal(object, int)  # (the EvidenceReport, the job's number)
    failed = Signal(str, int)  # (what went wrong in words, the job's number)
    _done = Signal(object, object, int)  # (report, error, number) from the worker thread

    def __init__(self, translate: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translate = translate
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence")
        self.busy = False
        self._done.connect(self._on_done)
        self.destroyed.connect(lambda: self._pool.shutdown(wait=False))

    def start(self, make: Callable[[], EvidenceReport], number: int) -> bool:
        """Run ``make`` in the worker; False (and nothing run) if a report is being made."""
        if self.busy:
            return False
        self.busy = True

        def work() -> None:
            try:
                self._done.emit(make(), None, number)
            except Exception as error:
                if not isinstance(error, KioskError):
                    log.exception("The evidence report could not be worked out")
                self._done.emit(None, error, number)

        self._pool.submit(work)
        return True

    def wait(self) -> None:
        """Let the running job finish (for shutting down, and for tests)."""
        self._pool.submit(lambda: None).result()

    def _on_done(self, report: EvidenceReport | None, error: Exception | None, number: int) -> None:
        self.busy = False
        if report is not None:
            self.finished.emit(report, number)
        elif isinstance(error, KioskError):
            self.failed.emit(error.text(self._translate), number)
        else:
            self.failed.emit(self._translate(NOT_MADE), number)
