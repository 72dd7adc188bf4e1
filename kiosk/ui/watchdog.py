"""Telling systemd the screen is alive, from the GUI thread itself.

The ping is sent by a timer on the GUI thread, so if that thread freezes, the pings stop and
systemd (``WatchdogSec`` in packaging/our-say.service) restarts the kiosk. No dependency:
sd_notify is one datagram to the socket systemd names in ``NOTIFY_SOCKET``.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def sd_notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``message`` (e.g. "READY=1") to systemd; False when not run by systemd."""
    address = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as error:
        log.warning("Could not reach systemd's watchdog: %s", error)
        return False
    return True


class Watchdog(QObject):
    """Sends READY=1 once, then WATCHDOG=1 at half systemd's interval, from this thread."""

    def __init__(
        self, parent: QObject | None = None, *, environ: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self._environ = dict(os.environ if environ is None else environ)
        self.pings = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        usec = self._environ.get("WATCHDOG_USEC", "")
        self.interval_ms = int(usec) // 2000 if usec.isdigit() and int(usec) > 0 else 0

    def start(self) -> bool:
        """Tell systemd the kiosk is up; True if it listens (and pings will follow)."""
        if not sd_notify("READY=1", self._environ):
            return False
        if self.interval_ms:
            self._timer.start(self.interval_ms)
        return True

    def _on_timer_timeout(self) -> None:
        if sd_notify("WATCHDOG=1", self._environ):
            self.pings += 1
